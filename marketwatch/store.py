"""The SQLite store: opening and migrating the database (steps in marketwatch.schema), and the
writes of a refresh.

WAL mode and a busy timeout let the dashboard read while a cron refresh writes. Every write
runs in an explicit `BEGIN IMMEDIATE` transaction (one per feed update), so a second writer
waits its turn instead of failing, and a refresh killed mid-way leaves each feed either fully
updated or untouched. sqlite-utils builds the schema and the FTS index; the hot write path is
plain SQL inside those transactions.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

from marketwatch import dates
from marketwatch.models import Entry, FeedState, FetchResult, Match
from marketwatch.relations import (
    RelationRows,
    Units,
    add_relation_rows,
    bulk_insert,
    match_columns,
    max_variables,
    refresh_feed_counts,
    write_match,
)
from marketwatch.schema import MIGRATIONS, SCHEMA_VERSION
from marketwatch.search_index import DamageBeyondIndex, index_new_stories, is_index_damage, rebuild_index

BUSY_TIMEOUT_S = 60.0
CACHE_KIB = 16 * 1024
# Pages of 16 KiB instead of SQLite's 4 KiB, for databases created from now on (an existing one
# keeps its size: only a VACUUM outside WAL mode can change it). A story with a summary of more
# than ~600 characters overflows a 4 KiB page into a second one, and the id, date and FTS
# B-trees split four times as often. Measured on 100,000 stories: ingest took 8.9 s instead of
# 11.2 s; with summaries of ~1,100 characters, a quarter less time and a file 13 % smaller; and
# every dashboard query was as fast or faster. (A new, empty database takes 368 KiB, not 100.)
PAGE_SIZE = 16 * 1024


T = TypeVar("T")


class StoreError(Exception):
    """A storage problem, phrased as the one line the user will read."""


class IndexRepaired(StoreError):
    """What was being done failed on a damaged search index, which has been rebuilt since:
    doing it again will work (`Store.healing` does)."""


@dataclass
class SaveReport:
    new: int = 0
    updated: int = 0
    new_tieups: list[tuple[str, str]] = field(default_factory=list)  # (story id, title)


def describe_sqlite_error(path: Path, exc: Exception) -> str:
    text = str(exc)
    lowered = text.lower()
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return _damaged(path)
    if "readonly" in lowered or "read-only" in lowered:
        return f"{path}: the database is on a read-only file or disk"
    if "disk is full" in lowered or "disk i/o" in lowered:
        return f"{path}: cannot write the database: the disk is full or failing"
    if "unable to open" in lowered and path.is_dir():
        return f"{path}: cannot open the database: that is a folder (give a file, e.g. {path / 'marketwatch.db'})"
    if "unable to open" in lowered and path.exists() and not os.access(path.parent, os.W_OK):
        # WAL mode writes its -shm file beside the database, even to read it
        return f"{path}: cannot open the database: its folder or disk is read-only"
    if "unable to open" in lowered:
        return f"{path}: cannot open the database (check that its folder exists and is writable)"
    if "locked" in lowered or "busy" in lowered:
        return f"{path}: the database stayed busy for {BUSY_TIMEOUT_S:.0f} s; another process holds it"
    return f"{path}: database error: {text}"


def _damaged(path: Path) -> str:
    return (f"{path}: the database is damaged or is not a marketwatch database "
            "(it was left untouched; move it aside to start afresh)")


@dataclass(frozen=True)
class FeedUpdate:
    """One feed's part of a write: its fetch outcome and, when it brought a document, its entries."""

    feed_id: int
    result: FetchResult
    items: Sequence[tuple[Entry, Match]] = ()
    title: str | None = None
    site_url: str | None = None


class Store:
    def __init__(self, path: str | os.PathLike[str], *, create: bool = True) -> None:
        self.path = Path(path)
        self.repairs: list[str] = []  # what was found damaged and repaired, for the user to be told
        self._repairing = self._retrying = False
        self._repair_failed: StoreError | None = None
        try:
            self.conn = self._connect(create)
            self._migrate()
        except BaseException as exc:
            if getattr(self, "conn", None) is not None:  # closed, so no -wal or -shm is left beside it
                self.conn.close()
            if isinstance(exc, sqlite3.Error):
                raise StoreError(describe_sqlite_error(self.path, exc)) from None
            if isinstance(exc, FileExistsError | NotADirectoryError):
                raise StoreError(f"{self.path}: cannot create the database: a file is where a folder "
                                 "should be") from None
            if isinstance(exc, OSError):
                raise StoreError(f"{self.path}: cannot create the database: {exc.strerror or exc}") from None
            raise

    def _connect(self, create: bool) -> sqlite3.Connection:
        if not self.path.exists():
            if not create:
                raise StoreError(f"{self.path}: no database yet; run `marketwatch refresh` first")
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            # Created by us with owner-only permissions; SQLite gives -wal/-shm the same mode.
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        elif not self.path.is_file() and not self.path.is_dir():  # a folder: describe_sqlite_error says so
            # `--db /dev/null` was "the disk is full or failing", and SQLite left a -journal beside the device
            raise StoreError(f"{self.path}: not a database file: it is a device, a pipe or a socket, not a "
                             "regular file")
        conn = self.conn = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # takes effect only on a new, empty file
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        # SQLite's default 2 MB page cache: a first refresh's random inserts into the id and FTS
        # indexes of a 100 MB database then re-read pages from the OS at every statement
        # (measured: 100,000 stories ingested 15 % faster with 16 MB). Pages are taken as used.
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        # SQLite checkpoints the WAL every 1,000 pages: 16 MB of 16 KiB pages. A quarter of that
        # keeps the WAL as small as with 4 KiB pages (no slower, measured), which matters on a
        # nearly full disk.
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.execute(f"PRAGMA wal_autocheckpoint = {4 * 1024 * 1024 // page_size}")
        return conn

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            error = self._error(exc) if isinstance(exc, sqlite3.Error) else None
        finally:
            self.close()
        if error is not None:
            # A damaged page or a full disk met while using the store, not only while opening it:
            # the same one line for the user (and exit status 3 from the CLI), never a traceback.
            raise error from None

    def damage_error(self, exc: BaseException) -> StoreError | None:
        """The one line `marketwatch stories` gives (exit status 3) if `exc`, met using this
        store, says the database is damaged; None for any other error (locked, busy, a full
        disk) and for a search index rebuilt since (`IndexRepaired`)."""
        damaged = _damaged(self.path)
        if isinstance(exc, sqlite3.DatabaseError):
            said = describe_sqlite_error(self.path, exc)
        elif isinstance(exc, StoreError) and not isinstance(exc, IndexRepaired):
            said = str(exc)
        else:
            return None
        # also "the search index is damaged and could not be rebuilt: the database is damaged ..."
        if said.startswith(f"{self.path}: ") and damaged.removeprefix(f"{self.path}: ") in said:
            return StoreError(damaged)
        return None

    def _error(self, exc: sqlite3.Error) -> StoreError:
        """The one line for the user. A damaged search index is rebuilt on the spot (it is made
        from the stories alone), so that the user is told to try again, not to move the
        database aside."""
        if not self._may_repair(exc):
            return StoreError(describe_sqlite_error(self.path, exc))
        try:
            self.repair_search_index()
        except StoreError as failed:
            return failed
        return IndexRepaired(f"{self.path}: the search index was damaged and has been rebuilt from the stored "
                             "stories (nothing was lost); run the command again")

    def _may_repair(self, exc: BaseException) -> bool:
        """Damage to the search index, met outside a transaction (a rebuild takes one of its
        own), and neither while rebuilding it nor when doing again what failed before a rebuild
        (then the damage is the database's)."""
        return is_index_damage(exc) and not self.conn.in_transaction and not self._repairing and not self._retrying

    def healing(self, run: Callable[[], T], *, wait_s: float | None = None) -> T:
        """`run()`, and once more if it failed on a damaged search index, rebuilt in between: for
        what uses the index (a search, storing or forgetting stories). `wait_s`: how long the
        rebuild waits for another process's write (the dashboard's reads wait 5 s, not a minute)."""
        try:
            return run()
        except IndexRepaired:
            pass
        except sqlite3.DatabaseError as exc:
            if not self._may_repair(exc):
                raise
            self.repair_search_index(wait_s=wait_s)
        self._retrying = True
        try:
            return run()
        except sqlite3.Error as exc:
            raise StoreError(describe_sqlite_error(self.path, exc)) from None
        finally:
            self._retrying = False

    def repair_search_index(self, *, wait_s: float | None = None) -> None:
        """Rebuild the search index from the stories; `repairs` says so for the user to read. A
        rebuild that failed is not tried again by this store (each try reads every story), unless
        it failed for want of the write lock."""
        if self._repair_failed is not None:
            raise self._repair_failed
        self._repairing = True
        if wait_s is not None:
            self.conn.execute(f"PRAGMA busy_timeout = {int(wait_s * 1000)}")
        try:
            with self.transaction() as conn:
                indexed = rebuild_index(conn)
        except DamageBeyondIndex:
            self._repair_failed = StoreError(_damaged(self.path))
            raise self._repair_failed from None
        except StoreError as exc:
            reason = str(exc).removeprefix(f"{self.path}: ")
            if "busy" in reason:
                raise StoreError(f"{self.path}: the search index is damaged; another process is writing, so it is "
                                 "rebuilt at the next try") from None
            self._repair_failed = StoreError(f"{self.path}: the search index is damaged and could not be rebuilt: "
                                             f"{reason}")
            raise self._repair_failed from None
        finally:
            self._repairing = False
            if wait_s is not None:
                self.conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        stories = "story" if indexed == 1 else "stories"
        self.repairs.append(f"{self.path}: the search index was damaged; rebuilt it from the {indexed:,} "
                            f"stored {stories} (nothing was lost)")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; taken IMMEDIATE so concurrent writers queue on the lock."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(describe_sqlite_error(self.path, exc)) from None
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise self._error(exc) from None
            raise

    # -- schema -----------------------------------------------------------------------------

    def _migrate(self) -> None:
        if self._check_version() == SCHEMA_VERSION:
            return
        with self.transaction():
            # Read again under the write lock: another process (two first runs at once) may
            # have migrated between the check above and this transaction.
            version = self._check_version()
            import sqlite_utils

            db = sqlite_utils.Database(self.conn)
            for step in range(version, SCHEMA_VERSION):
                MIGRATIONS[step](db)
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _check_version(self) -> int:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: made by a newer marketwatch (schema {version}); upgrade")
        if version == 0 and self.conn.execute("select count(*) from sqlite_master").fetchone()[0]:
            raise StoreError(f"{self.path}: this SQLite file is not a marketwatch database")
        return version

    def check_edges(self) -> None:
        """Raise StoreError if the database is damaged where a read of every table and index
        passes: its first and last entries, and so its root and edge pages. A few milliseconds at
        100,000 stories (a page or four per table and index), where `integrity_check` reads every
        page for seconds: for a refresh with nothing to write, which otherwise read too little to
        notice a damaged table that `stories` then met. Damage inside a table is found only by
        reading it."""
        def quoted(name: str) -> str:
            return '"' + name.replace('"', '""') + '"'

        try:
            trees = self.conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE rootpage > 0 "
                                      "ORDER BY rootpage").fetchall()
        except sqlite3.Error as exc:
            raise StoreError(describe_sqlite_error(self.path, exc)) from None
        for kind, name, table, sql in trees:
            if kind == "table":
                reads = [f"SELECT * FROM {quoted(name)} LIMIT 1",
                         f"SELECT * FROM {quoted(name)} ORDER BY rowid DESC LIMIT 1"]
            else:
                try:
                    first = self.conn.execute(f"PRAGMA index_info({quoted(name)})").fetchone()
                except sqlite3.Error as exc:
                    raise StoreError(describe_sqlite_error(self.path, exc)) from None
                if first is None or first[2] is None:  # an index on an expression
                    continue
                partial = sql.split(" WHERE ", 1)[1] if sql and " WHERE " in sql else None
                where = f" WHERE {partial}" if partial else ""
                reads = [f"SELECT {quoted(first[2])} FROM {quoted(table)} INDEXED BY {quoted(name)}{where} "
                         f"ORDER BY {quoted(first[2])} {order} LIMIT 1" for order in ("ASC", "DESC")]
            for read in reads:
                try:
                    self.conn.execute(read).fetchall()
                except sqlite3.DatabaseError as exc:
                    message = describe_sqlite_error(self.path, exc)
                    if message == _damaged(self.path):
                        raise StoreError(message) from None
                    # else no damage: a table without rowid, an index the query cannot use

    # -- marks: what has been told ----------------------------------------------------------

    def last_rowid(self) -> int:
        """A mark for "stories stored from now on": a new story's rowid is the highest plus one,
        and prune never deletes the row with the highest."""
        return self.conn.execute("SELECT coalesce(max(rowid), 0) FROM stories").fetchone()[0]

    def notify_marks(self) -> dict[str, int]:
        """[notify] service key -> the last story rowid that service has been told of."""
        return dict(self.conn.execute("SELECT service, mark FROM notify_marks"))

    def start_notify_marks(self, services: Iterable[str], mark: int) -> None:
        """Services new to this database start at `mark` (where a refresh began): a run stopped
        before it told them (SIGTERM, q) leaves them owed its tie-ups, not starting after them."""
        with self.transaction() as conn:
            conn.executemany("INSERT OR IGNORE INTO notify_marks (service, mark) VALUES (?, ?)",
                             [(service, mark) for service in services])

    def set_notify_marks(self, marks: dict[str, int]) -> None:
        """A mark never moves back: two catch-ups are serialised by their lock, but a slower
        one must not undo what a later one recorded."""
        with self.transaction() as conn:
            conn.executemany("INSERT INTO notify_marks (service, mark) VALUES (?, ?) "
                             "ON CONFLICT(service) DO UPDATE SET mark = max(mark, excluded.mark)", marks.items())

    @property
    def data_version(self) -> int:
        """Changes whenever another connection commits: the dashboard polls it to auto-reload."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    # -- feeds ------------------------------------------------------------------------------

    def sync_feeds(self, feeds: Iterable) -> dict[str, int]:
        """Make sure every configured feed has a row; returns url -> feed id."""
        with self.transaction() as conn:
            for feed in feeds:
                conn.execute(
                    "INSERT INTO feeds (url, name) VALUES (?, ?) "
                    "ON CONFLICT(url) DO UPDATE SET name = excluded.name",
                    (feed.url, feed.name),
                )
        return {url: fid for fid, url in self.conn.execute("SELECT id, url FROM feeds")}

    def forget_feeds(self, urls: Iterable[str]) -> int:
        """Drop feeds and their links to stories; the stories stay, with whatever other feeds
        carried them. How many feeds went."""
        urls = list(urls)
        if not urls:
            return 0
        marks = ",".join("?" * len(urls))
        with self.transaction() as conn:
            conn.execute(f"DELETE FROM story_feeds WHERE feed_id IN (SELECT id FROM feeds WHERE url IN ({marks}))",
                         urls)
            return conn.execute(f"DELETE FROM feeds WHERE url IN ({marks})", urls).rowcount

    def feed_states(self) -> dict[str, FeedState]:
        rows = self.conn.execute(
            "SELECT url, fetch_url, etag, last_modified, content_hash, retry_after, last_fetched FROM feeds"
        )
        return {row[0]: FeedState(*row) for row in rows}

    def fetched_since(self, when: datetime) -> dict[str, tuple[str, int | None, str | None]]:
        """(status, HTTP status, error) of the feeds fetched since `when` (by another refresh)."""
        rows = self.conn.execute("SELECT url, status, http_status, error FROM feeds WHERE last_fetched >= ?",
                                 (dates.to_iso(when),))
        return {url: (status, http_status, error) for url, status, http_status, error in rows}

    def record_fetch(self, feed_id: int, result: FetchResult, now: datetime) -> None:
        """Remember the outcome of a fetch that brought no new entries (304, error, deferral)."""
        with self.transaction() as conn:
            self._update_feed(conn, feed_id, result, now)

    def _update_feed(self, conn, feed_id: int, result: FetchResult, now: datetime,
                     title: str | None = None, site_url: str | None = None) -> None:
        stamp = dates.to_iso(now)
        ok = result.status in ("ok", "not-modified", "unchanged")
        if result.status == "deferred":
            return
        conn.execute(
            """UPDATE feeds SET
                 status = ?, http_status = ?, error = ?, last_fetched = ?,
                 last_ok = CASE WHEN ? THEN ? ELSE last_ok END,
                 failures = CASE WHEN ? THEN 0 ELSE failures + 1 END,
                 etag = CASE WHEN ? THEN ? ELSE etag END,
                 last_modified = CASE WHEN ? THEN ? ELSE last_modified END,
                 content_hash = COALESCE(?, content_hash),
                 fetch_url = COALESCE(?, fetch_url),
                 retry_after = ?,
                 title = COALESCE(?, title), site_url = COALESCE(?, site_url)
               WHERE id = ?""",
            (
                result.status, result.http_status, result.error, stamp,
                ok, stamp, ok,
                result.status == "ok", result.etag, result.status == "ok", result.last_modified,
                result.content_hash if ok else None,
                result.permanent_url,
                result.retry_after,
                title, site_url, feed_id,
            ),
        )

    # -- stories ----------------------------------------------------------------------------

    def save_feed(
        self, feed_id: int, result: FetchResult, items: Iterable[tuple[Entry, Match]],
        now: datetime, *, title: str | None = None, site_url: str | None = None, units: Units = None,
    ) -> SaveReport:
        """Store one feed's entries and its fetch state in a single transaction."""
        return self.save_feeds([FeedUpdate(feed_id, result, tuple(items), title, site_url)], now, units)[0]

    def save_feeds(self, updates: Sequence[FeedUpdate], now: datetime, units: Units = None) -> list[SaveReport]:
        """Several feeds' updates in one transaction (a group commit, as a refresh's writer
        thread does with whatever results are waiting): each feed still lands whole or not at
        all, with far fewer commits, WAL pages and FTS segments than a transaction per feed.
        `units`: the config's `units_of`, by which a company's own deals take in its units'."""
        return self.healing(lambda: self._save_feeds(updates, now, units))

    def _save_feeds(self, updates: Sequence[FeedUpdate], now: datetime, units: Units) -> list[SaveReport]:
        stamp = dates.to_iso(now)
        reports = [SaveReport() for _ in updates]
        with self.transaction() as conn:
            for update, report in zip(updates, reports, strict=True):
                if update.items:
                    self._save_items(conn, update.feed_id, update.items, stamp, report, units)
                self._update_feed(conn, update.feed_id, update.result, now, update.title, update.site_url)
            # Searchable in the same transaction, all at once: a statement a feed cost a fifth of a
            # large ingest (schema._v9).
            index_new_stories(conn)
            counted = [u.feed_id for u in updates if u.items]
            if counted:
                refresh_feed_counts(conn, counted)
        return reports

    def _save_items(self, conn, feed_id: int, items: Sequence[tuple[Entry, Match]], stamp: str,
                    report: SaveReport, units: Units) -> None:
        """A feed's entries in a handful of statements rather than a dozen per entry: one lookup
        of the ids already stored, then one bulk insert per table for the new stories. Entries
        already stored are updated only when the feed that carries them edited their text."""
        known: dict[str, tuple[str, str]] = {}
        ids = list(dict.fromkeys(entry.id for entry, _ in items))
        step = min(500, max_variables(conn) - 1)  # one more value (the feed id) goes with a chunk below
        for i in range(0, len(ids), step):
            chunk = ids[i : i + step]
            known.update((r[0], (r[1], r[2])) for r in conn.execute(
                f"SELECT id, title, summary FROM stories WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        edited = list({entry.id for entry, _ in items if entry.id in known
                       and known[entry.id] != (entry.title, entry.summary)})
        carried: set[str] = set()
        for i in range(0, len(edited), step):
            chunk = edited[i : i + step]
            carried.update(r[0] for r in conn.execute(
                f"SELECT story_id FROM story_feeds WHERE feed_id = ? AND story_id IN ({','.join('?' * len(chunk))})",
                (feed_id, *chunk)))
        stories, relations, edits = [], RelationRows(), []
        for entry, match in items:
            text = (entry.title, entry.summary)
            if entry.id not in known:
                published = dates.to_iso(entry.published)
                stories.append((entry.id, entry.url, entry.guid, entry.title, entry.summary, published,
                                entry.date_source, stamp, stamp, *match_columns(match, stamp)))
                add_relation_rows(entry.id, match, published, relations, units)
                known[entry.id] = text
                carried.add(entry.id)
                report.new += 1
                if match.tieup:
                    report.new_tieups.append((entry.id, entry.title))
            elif known[entry.id] != text and entry.id in carried:
                # The feed that carries it edited the story: keep read/star state, re-match the text.
                known[entry.id] = text
                edits.append((entry, match))
                report.updated += 1
        bulk_insert(conn, "INSERT INTO stories (id, url, guid, title, summary, published, date_source, "
                           "first_seen, updated, kind, deal_type, sentence, spans, matched)", stories)
        relations.insert(conn)
        for entry, match in edits:
            conn.execute("UPDATE stories SET title = ?, summary = ?, updated = ? WHERE id = ?",
                         (entry.title, entry.summary, stamp, entry.id))
            write_match(conn, entry.id, match, stamp, units)
        bulk_insert(conn, "INSERT OR IGNORE INTO story_feeds (story_id, feed_id, first_seen)",
                     [(entry_id, feed_id, stamp) for entry_id in ids])

    def prune(self, retention_days: int, now: datetime) -> int:
        """Forget entries that matched nothing once they are older than the retention period.

        The last story stored is kept whatever its age: SQLite gives a new row the highest rowid
        plus one, so deleting that row would hand its rowid to the next story, and the marks of
        what has been told and announced (last_rowid) would count it as old."""
        cutoff = dates.to_iso(now - timedelta(days=retention_days))

        def delete() -> int:
            with self.transaction() as conn:
                return conn.execute(
                    "DELETE FROM stories WHERE kind IS NULL AND starred = 0 AND first_seen < ? "
                    "AND published < ? AND rowid < (SELECT max(rowid) FROM stories)",
                    (cutoff, cutoff),
                ).rowcount

        return self.healing(delete)

    def set_flag(self, story_id: str, flag: str, value: bool) -> None:
        self.set_flags([story_id], flag, value)

    def set_flags(self, story_ids: Iterable[str], flag: str, value: bool) -> None:
        if flag not in ("read", "starred"):
            raise ValueError(flag)
        with self.transaction() as conn:
            conn.executemany(f"UPDATE stories SET {flag} = ? WHERE id = ?", [(int(value), i) for i in story_ids])

    def mark_digested(self, story_ids: Iterable[str], now: datetime, scope: str = "") -> None:
        """Remember stories as sent in a digest of `scope` (marketwatch.digest.Selection.key; ""
        for the digest of everything)."""
        rows = [(dates.to_iso(now), sid) for sid in story_ids]
        with self.transaction() as conn:
            if scope:
                conn.executemany("INSERT OR REPLACE INTO digest_marks (scope, at, story_id) VALUES (?, ?, ?)",
                                 [(scope, *row) for row in rows])
            else:
                conn.executemany("UPDATE stories SET digested = ? WHERE id = ?", rows)

    def all_texts(self) -> list[tuple[str, str, str, str | None, str]]:
        """(id, title, summary, kind, published) of every stored entry, for `rematch`: read in
        full first, because rematch writes to the same table afterwards."""
        return self.conn.execute("SELECT id, title, summary, kind, published FROM stories").fetchall()

    def rematch(self, results: Iterable[tuple[str, Match]], now: datetime, units: Units = None) -> int:
        changed = 0
        stamp = dates.to_iso(now)
        with self.transaction() as conn:
            for story_id, match in results:
                write_match(conn, story_id, match, stamp, units)
                changed += 1
            refresh_feed_counts(conn, None)
        return changed
