"""Keeping the search index (FTS5 over the stories' titles and summaries) in step with the stories.

The index is derived data: everything in it can be rebuilt from the `stories` table. So a
damaged index (a crash of another program mid-write, a disk that lost a page of it, a tool that
wrote its shadow tables) is repaired by rebuilding it, losing nothing, instead of being reported
as a damaged database that the user should move aside, which would lose their read and starred
marks with it. SQLite reports damage found inside a virtual table with its own extended code,
SQLITE_CORRUPT_VTAB, and `stories_fts` is the only virtual table of the schema, so that code
alone tells the index's damage from the database's.
"""

from __future__ import annotations

import sqlite3

SQLITE_CORRUPT_VTAB = 267  # SQLITE_CORRUPT | (1 << 8)


def index_new_stories(conn: sqlite3.Connection) -> None:
    """Index for search the stories after the last one the index holds (see `schema._v9`), in one
    statement. Whoever stores stories calls it before the transaction ends."""
    conn.execute("INSERT INTO stories_fts (rowid, title, summary) SELECT rowid, title, summary FROM stories "
                 "WHERE rowid > (SELECT coalesce(max(id), 0) FROM stories_fts_docsize)")


def is_index_damage(exc: BaseException) -> bool:
    """Whether an error is the search index reporting damage to itself (and not to the tables
    that hold the stories)."""
    return isinstance(exc, sqlite3.DatabaseError) and getattr(exc, "sqlite_errorcode", None) == SQLITE_CORRUPT_VTAB


def rebuild_index(conn: sqlite3.Connection) -> int:
    """Drop what the index holds and index every story again; returns how many stories it holds.
    A few seconds for 100,000 stories; run inside a write transaction."""
    conn.execute("INSERT INTO stories_fts (stories_fts) VALUES ('rebuild')")
    return conn.execute("SELECT count(*) FROM stories").fetchone()[0]
