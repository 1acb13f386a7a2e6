"""The dashboard's access to the store, safe to call from Textual's thread workers.

One connection (opened with check_same_thread=False by `Store`) is shared by the workers and a
lock serialises its use. Every method may block and so runs in a worker, except `poll`, which the
event loop calls every couple of seconds: it never waits for the lock.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from marketwatch import overview, queries
from marketwatch.overview import Pane
from marketwatch.queries import FeedHealth, StoryFilter
from marketwatch.store import Store, StoreError, describe_sqlite_error
from marketwatch.story import Story

T = TypeVar("T")
B = TypeVar("B")


@dataclass(frozen=True)
class Overview:
    """What the main screen shows: the panes and a few totals for the top bar."""

    panes: tuple[Pane, ...]
    stories: int  # tie-up stories in scope
    unread: int
    feeds: int
    last_fetched: str | None
    # The feeds whose last fetch failed (URLs): the main screen counts those still in the config.
    failing: frozenset[str] = frozenset()


HEADLINES = 5  # stories read per pane


class Prefetch:
    """The overview of a scope, read in a thread started now (before the app exists), for the
    main screen's first load to take when it asks for the same scope."""

    def __init__(self, data: Data, companies: tuple[str, ...] | None, now: datetime, deal: str | None = None) -> None:
        self.companies = companies
        self.deal = deal
        self._done = threading.Event()
        self._result: Overview | None = None
        self._error: BaseException | None = None
        threading.Thread(target=self._run, args=(data, now), name="marketwatch-prefetch", daemon=True).start()

    def _run(self, data: Data, now: datetime) -> None:
        try:
            self._result = data.overview(self.companies, headlines=HEADLINES, now=now, deal=self.deal)
        except BaseException as exc:  # handed to whoever takes the result
            self._error = exc
        finally:
            self._done.set()

    @property
    def ready(self) -> bool:
        return self._done.is_set()

    def matches(self, scope) -> bool:
        """Whether it is the overview of `scope` (`marketwatch.scope.Scope`): its companies and
        deal type."""
        return scope.companies == self.companies and scope.deal == self.deal

    def take(self) -> Overview:
        """The overview (waiting for it), or the error reading it raised."""
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result


# A search that finds the index damaged rebuilds it, waiting this long for a cron refresh's write
# (a minute, the store's usual wait, would hold the dashboard's connection that long).
REPAIR_WAIT_S = 5.0


class Data:
    OVERVIEWS_KEPT = 32  # scopes whose overview is kept while nothing is written
    OVERVIEW_FOR_S = 60  # and for no longer than this (the weekly counts follow the clock)

    def __init__(self, path: Path) -> None:
        self.store = Store(path)
        # Tie-ups stored after this (by cron) are announced; taken before anything is shown.
        self.opened_mark = self.store.last_rowid()
        self._lock = threading.RLock()
        self._writes = 0  # this connection's writes: data_version counts only other connections'
        self._overviews: dict[tuple, tuple[tuple, datetime, Overview]] = {}
        self._repairs_told = 0
        # The first error that said the database is damaged (a page deep in a table, which the
        # CLI's check before the app started does not read): shown where it was met, and
        # `run_dashboard` raises it once the app has quit, for the CLI's one line and exit 3.
        self.damage: StoreError | None = None

    def close(self) -> None:
        with self._lock:
            self.store.close()

    def poll(self) -> int | None:
        """The store's data_version, or None when a worker holds the connection right now."""
        return self._unless_busy(lambda: self.store.data_version, None)

    def newest_fetch(self) -> str | bool | None:
        """When a feed was last fetched (ISO text; None: never), or False when a worker holds
        the connection right now, as `poll` does."""
        return self._unless_busy(
            lambda: self.store.conn.execute("SELECT max(last_fetched) FROM feeds").fetchone()[0], False)

    def _unless_busy(self, read: Callable[[], T], busy: B) -> T | B:
        """`read()`, or `busy` at once when a worker holds the connection: these run on the UI
        thread's timer, which must never wait behind a long query."""
        if not self._lock.acquire(blocking=False):
            return busy
        try:
            return read()
        except BaseException as exc:
            self.note(exc)
            raise
        finally:
            self._lock.release()

    @contextmanager
    def _using(self) -> Iterator[None]:
        """Hold the connection; an error that says the database is damaged is kept (`damage`)."""
        with self._lock:
            try:
                yield
            except BaseException as exc:
                self.note(exc)
                raise

    def note(self, exc: BaseException) -> None:
        """If `exc` is the first error met that says the database is damaged, keep the line
        `marketwatch stories` would give as `damage` (a refresh's errors are told here too)."""
        if self.damage is None:
            self.damage = self.store.damage_error(exc)

    def problem(self, exc: BaseException) -> str:
        """What to tell the user of an error met using the database: the one line the commands
        give (`describe_sqlite_error`: "…: the database is damaged or is not a marketwatch
        database (it was left untouched; move it aside to start afresh)"). A read met SQLite's
        own words ("database disk image is malformed"), which say neither which file nor what
        to do; a write's `StoreError` is worded already."""
        if isinstance(exc, sqlite3.Error):
            return describe_sqlite_error(self.store.path, exc)
        return str(exc)

    def overview(self, companies: tuple[str, ...] | None, *, headlines: int, now: datetime,
                 deal: str | None = None) -> Overview:
        """The panes and totals of a scope (its companies' stories of one `deal` type, if given);
        read again only if the database changed since (or a minute went by), so that going back
        to a filter shown a moment ago reads nothing."""
        with self._using():
            conn = self.store.conn
            version = (self.store.data_version, self._writes)
            key = (companies, deal, headlines)
            kept = self._overviews.get(key)
            if kept is not None and kept[0] == version and abs((now - kept[1]).total_seconds()) < self.OVERVIEW_FOR_S:
                return kept[2]
            panes = overview.panes(conn, companies, headlines=headlines, now=now, deal=deal)
            stories, unread = overview.totals(conn, companies, deal=deal)
            feeds, last = conn.execute("SELECT count(*), max(last_fetched) FROM feeds").fetchone()
            failing = _failing(conn)
            found = Overview(tuple(panes), stories, unread, feeds, last, failing)
            if len(self._overviews) >= self.OVERVIEWS_KEPT:
                self._overviews.pop(next(iter(self._overviews)))
            self._overviews[key] = (version, now, found)
        return found

    def stories(self, flt: StoryFilter) -> list[Story]:
        with self._using():
            return self.store.healing(lambda: queries.list_stories(self.store.conn, flt), wait_s=REPAIR_WAIT_S)

    def count(self, flt: StoryFilter) -> int:
        with self._using():
            return self.store.healing(lambda: queries.count_stories(self.store.conn, flt), wait_s=REPAIR_WAIT_S)

    def new_repairs(self) -> list[str]:
        """What the store repaired (a damaged search index, rebuilt) since the last call: told once."""
        with self._using():
            told, self._repairs_told = self._repairs_told, len(self.store.repairs)
            return self.store.repairs[told:]

    def story(self, story_id: str) -> Story | None:
        with self._using():
            return queries.get_story(self.store.conn, story_id)

    def stories_by_id(self, ids: list[str]) -> list[Story]:
        with self._using():
            return queries.get_stories(self.store.conn, ids)

    def matrix(self, companies: tuple[str, ...] | None, deal: str | None = None) -> dict[tuple[str, str], int]:
        with self._using():
            return overview.matrix(self.store.conn, companies, deal=deal)

    def tieups_stored_after(self, mark: int, companies: tuple[str, ...] | None, *, since: str,
                            exclude: Collection[str] = (), deals: tuple[str, ...] = ()
                            ) -> tuple[int, list[Story], int]:
        """(how many, the newest few, the mark to use next time): the mark is read first, so that a
        story stored meanwhile is left for next time."""
        with self._using():
            upto = self.store.last_rowid()
            count, stories = queries.tieups_stored_after(self.store.conn, mark, upto, companies, since=since,
                                                         exclude=exclude, deals=deals)
            return count, stories, upto

    def failing(self) -> frozenset[str]:
        """The feeds whose last fetch failed."""
        with self._using():
            return _failing(self.store.conn)

    def feeds(self, configured: Mapping[str, str | None] | None = None) -> list[FeedHealth]:
        with self._using():
            return queries.feed_health(self.store.conn, configured)

    def set_flag(self, story_id: str, flag: str, value: bool) -> None:
        with self._using():
            self._writes += 1
            self.store.set_flag(story_id, flag, value)

    def mark_read(self, flt: StoryFilter) -> list[str]:
        """Mark every unread story `flt` selects read, in one transaction; their ids (what an
        undo marks unread again)."""
        with self._using():
            ids = self.store.healing(lambda: queries.story_ids(self.store.conn, dataclasses.replace(flt, unread=True)),
                                     wait_s=REPAIR_WAIT_S)
            self._writes += 1
            self.store.set_flags(ids, "read", True)
            return ids

    def mark_unread(self, ids: list[str]) -> None:
        """Mark the stories `ids` unread, in one transaction: the undo of `mark_read`."""
        with self._using():
            self._writes += 1
            self.store.set_flags(ids, "read", False)


def _failing(conn: sqlite3.Connection) -> frozenset[str]:
    return frozenset(url for (url,) in conn.execute("SELECT url FROM feeds WHERE status = 'error'"))
