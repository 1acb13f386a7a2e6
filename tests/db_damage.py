"""Damage a test database where a lost write or a bad disk block would: a page whose type byte is
garbled. Shared by the tests of the store, the CLI and the dashboard."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def _read(db: Path, table: str) -> tuple[int, int, bytearray]:
    """`table`'s root page, the page size and the file's bytes, once its WAL is folded in."""
    conn = sqlite3.connect(db)
    root = conn.execute("SELECT rootpage FROM sqlite_schema WHERE name = ?", (table,)).fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return root, page_size, bytearray(db.read_bytes())


def _garble(db: Path, data: bytearray, page: int, page_size: int) -> bytes:
    data[(page - 1) * page_size] = 0x01  # no page type SQLite knows
    db.write_bytes(bytes(data))
    return bytes(data)


def damage_root_page(db: Path, table: str) -> bytes:
    """Garble `table`'s root page; the file's bytes after it."""
    root, page_size, data = _read(db, table)
    return _garble(db, data, root, page_size)


def damage_the_leaf_holding(db: Path, table: str, rowid: int) -> None:
    """Garble the leaf page of `table` holding `rowid`, found by walking its B-tree down from the
    root: damage that reading a table's first and last entries does not meet."""
    page, page_size, data = _read(db, table)

    def varint(at: int) -> int:
        value = 0
        for n in range(9):
            byte = data[at + n]
            if n == 8:
                return (value << 8) | byte
            value = (value << 7) | (byte & 0x7F)
            if byte < 0x80:
                return value
        raise AssertionError

    def number(at: int, size: int) -> int:
        return int.from_bytes(data[at:at + size], "big")

    while True:
        start = (page - 1) * page_size
        header = start + (100 if page == 1 else 0)
        if data[header] == 0x0D:  # a table's leaf
            break
        assert data[header] == 0x05  # a table's interior page: cells of (left child, highest rowid in it)
        child = number(header + 8, 4)  # the right-most child, unless a cell's rowids take `rowid` in
        for n in range(number(header + 3, 2)):
            cell = start + number(header + 12 + 2 * n, 2)
            if rowid <= varint(cell + 4):
                child = number(cell, 4)
                break
        page = child
    _garble(db, data, page, page_size)
