"""Keeping the search index (FTS5 over the stories' titles and summaries) in step with the stories.

The index is derived data: everything in it can be rebuilt from the `stories` table. So a
damaged index (a crash of another program mid-write, a disk that lost a page of it, a tool that
wrote its shadow tables) is repaired by rebuilding it, losing nothing, instead of being reported
as a damaged database that the user should move aside, which would lose their read and starred
marks with it. SQLite reports damage found inside a virtual table with its own extended code,
SQLITE_CORRUPT_VTAB, and `stories_fts` is the only virtual table of the schema, so that code
tells the index's damage from the database's. It is not proof: a page of the database itself
that the index's tables point into comes back with that code too. So a rebuild is checked with
`PRAGMA quick_check` before it is committed, and undone if the file has damage it cannot mend.
"""

from __future__ import annotations

import sqlite3

SQLITE_CORRUPT_VTAB = 267  # SQLITE_CORRUPT | (1 << 8)
# What FTS5 says when its own records are gone or garbled (its structure record, its version):
# it cannot open the index at all, and its 'rebuild' fails the same way until they are reset.
_UNREADABLE = ("vtable constructor failed: stories_fts", "invalid fts5 file format")
# An index holding nothing, as FTS5 makes one: its averages (id 1) and structure (id 10) records
# and its file format's version; 'rebuild' then fills it from the stories.
_RESET = (
    "DELETE FROM stories_fts_data",
    "DELETE FROM stories_fts_idx",
    "DELETE FROM stories_fts_docsize",
    "INSERT INTO stories_fts_data (id, block) VALUES (1, X''), (10, X'00000000000000')",
    "INSERT OR REPLACE INTO stories_fts_config (k, v) VALUES ('version', 4)",
)


class DamageBeyondIndex(Exception):
    """The database has damage a rebuild of the index does not mend: nothing is rebuilt."""


def index_new_stories(conn: sqlite3.Connection) -> None:
    """Index for search the stories after the last one the index holds (see `schema._v9`), in one
    statement. Whoever stores stories calls it before the transaction ends."""
    conn.execute("INSERT INTO stories_fts (rowid, title, summary) SELECT rowid, title, summary FROM stories "
                 "WHERE rowid > (SELECT coalesce(max(id), 0) FROM stories_fts_docsize)")


def is_index_damage(exc: BaseException) -> bool:
    """Whether an error is the search index reporting damage to itself (and not to the tables
    that hold the stories)."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    return code == SQLITE_CORRUPT_VTAB or any(text in str(exc) for text in _UNREADABLE)


def rebuild_index(conn: sqlite3.Connection) -> int:
    """Empty the index and index every story again; returns how many stories it holds. Raises
    DamageBeyondIndex when the file is not sound afterwards. A few seconds for 100,000 stories;
    run inside a write transaction, which the caller rolls back on any error."""
    for statement in _RESET:
        conn.execute(statement)
    conn.execute("INSERT INTO stories_fts (stories_fts) VALUES ('rebuild')")
    if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
        raise DamageBeyondIndex
    return conn.execute("SELECT count(*) FROM stories").fetchone()[0]
