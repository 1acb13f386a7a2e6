"""The update pipeline: config -> fetch -> parse -> match -> store.

Fetching runs on an asyncio loop; parsing and matching (the CPU-heavy part) run in worker
processes (marketwatch.parsers) so that both cores work; each feed's results are written by one
database thread in one transaction. Decisions about what to store are pure functions
(`parse_document`, `Matcher.match`) between the I/O at either end, as in lemon24's reader.
"""

from __future__ import annotations

import asyncio
import functools
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime

from marketwatch import dates
from marketwatch.config import Config, Feed
from marketwatch.lock import Stopped, refresh_lock
from marketwatch.models import FeedState, FetchResult
from marketwatch.parsers import PARSER_CHECK_S, Parsers
from marketwatch.store import FeedUpdate, SaveReport, Store

WRITE_BATCH_FEEDS = 64  # at most this many feeds, or about this many entries, per transaction
WRITE_BATCH_ENTRIES = 5000


@dataclass(frozen=True)
class FeedOutcome:
    url: str
    name: str | None
    status: str  # ok, not-modified, unchanged, error, deferred
    http_status: int | None = None
    error: str | None = None
    new: int = 0
    new_tieups: tuple[tuple[str, str], ...] = ()

    @property
    def failed(self) -> bool:
        return self.status == "error"


@dataclass
class RefreshReport:
    started: datetime
    finished: datetime | None = None
    feeds: list[FeedOutcome] = field(default_factory=list)
    pruned: int = 0
    stored_before: int = 0  # Store.last_rowid when the run began: [notify] starts a new service there
    stopped: bool = False  # ended early (refresh's `stop`): `feeds` lists those done by then
    repairs: list[str] = field(default_factory=list)  # what the store found damaged and rebuilt

    @property
    def failed(self) -> list[FeedOutcome]:
        return [f for f in self.feeds if f.failed]

    @property
    def new_stories(self) -> int:
        return sum(f.new for f in self.feeds)

    def unreachable(self) -> str | None:
        """A line for a run in which no feed could be reached, as with no network (or none that
        resolves names): every feed fetched over the network failed to find its host or to
        connect, on two hosts or more (one host down is that site's trouble). file:// feeds, and
        feeds a server asked to wait for, are not counted. The run's lines said "host not found"
        once a feed, thirty times, and nothing about the reason they share."""
        from urllib.parse import urlsplit

        from marketwatch.fetch import cannot_reach

        fetched = [f for f in self.feeds if f.status != "deferred" and not f.url.lower().startswith("file:")]
        if not fetched or not all(f.failed and cannot_reach(f.error) for f in fetched):
            return None
        hosts = {(urlsplit(f.url).hostname or f.url).lower() for f in fetched}
        if len(hosts) < 2:
            return None
        return (f"no feed could be reached ({len(fetched):,} feeds on {len(hosts):,} hosts: host not found or no "
                "connection); the network may be down")

    def label(self, outcome: FeedOutcome) -> str:
        """How a line names a feed: its name, with its URL when another feed of the run has the
        same name (a hand-written config can have two), or its URL."""
        if not outcome.name:
            return outcome.url
        if sum(1 for f in self.feeds if f.name == outcome.name) > 1:
            return f"{outcome.name} ({outcome.url})"
        return outcome.name

    @property
    def new_tieups(self) -> list[tuple[str, str]]:
        return [t for f in self.feeds for t in f.new_tieups]

    def as_json(self) -> dict:
        return {
            "started": dates.to_iso(self.started),
            "duration_s": round(((self.finished or self.started) - self.started).total_seconds(), 3),
            "feeds": [
                {"url": f.url, "name": f.name, "status": f.status, "http_status": f.http_status,
                 "error": f.error, "new_stories": f.new, "new_tieups": len(f.new_tieups)}
                for f in self.feeds
            ],
            "new_stories": self.new_stories,
            "new_tieups": [{"id": i, "title": t} for i, t in self.new_tieups],
            "failed": len(self.failed),
            "pruned": self.pruned,
            "stopped": self.stopped,
            "repairs": self.repairs,
        }


Progress = Callable[[int, int, FeedOutcome], None]

# -- orchestration --------------------------------------------------------------------------


def refresh(config: Config, *, progress: Progress | None = None, on_wait: Callable[[], None] | None = None,
            only: list[str] | None = None, stop: threading.Event | None = None) -> RefreshReport:
    """Refresh every configured feed (or those in `only`) into the config's database. Setting
    `stop` (from another thread: the dashboard quitting) ends the run within a moment: what is
    stored stays, the feeds not done yet are left for the next run, and the report says so."""
    db_path = config.settings.db
    with Store(db_path) as probe:  # fail fast, before taking the lock, on a broken database
        probe.check_edges()  # milliseconds: a run with nothing to write reads too little to notice
    asked, waited = dates.utcnow(), []

    def waiting() -> None:
        waited.append(True)
        if on_wait is not None:
            on_wait()

    try:
        with refresh_lock(db_path, waiting, stop), Store(db_path) as store:
            # After waiting for another refresh (r pressed while cron ran), the feeds it fetched
            # meanwhile are not asked for again: their servers answered seconds ago.
            run = _Run(config, store, progress, only, stop, fresh_since=asked if waited else None)
            return asyncio.run(run.run())
    except Stopped:  # while waiting for another refresh's lock
        now = dates.utcnow()
        return RefreshReport(started=now, finished=now, stopped=True)


class _Run:
    def __init__(self, config: Config, store: Store, progress: Progress | None,
                 only: list[str] | None, stop: threading.Event | None = None,
                 fresh_since: datetime | None = None) -> None:
        self.stop = stop
        self.fresh_since = fresh_since
        self.config = config
        # A company's own deals take in its units' (Peugeot's for Stellantis): asked once per
        # company named in the stories written, not for every company in the config.
        self.units = functools.cache(config.units_of)
        self.settings = config.settings
        self.store = store
        self.progress = progress
        self.feeds = [f for f in config.feeds if only is None or f.url in only]
        self.now = dates.utcnow()
        self.report = RefreshReport(started=self.now, repairs=store.repairs)
        self.parsers = Parsers(config, self.feeds, self.now)
        self._db = ThreadPoolExecutor(1, thread_name_prefix="marketwatch-db")
        self._pending: list[tuple[FeedUpdate, asyncio.Future]] = []
        self._writer: asyncio.Task | None = None
        self._writing: set[asyncio.Task] = set()  # feeds whose update went to the database thread

    async def run(self) -> RefreshReport:
        loop = asyncio.get_running_loop()
        self.report.stored_before = await loop.run_in_executor(self._db, self.store.last_rowid)
        if self.config.notify.urls:
            from marketwatch.notify import service_key

            await loop.run_in_executor(self._db, self.store.start_notify_marks,
                                       [service_key(url) for url in self.config.notify.urls], self.report.stored_before)
        ids = await loop.run_in_executor(self._db, self.store.sync_feeds, self.feeds)
        states = await loop.run_in_executor(self._db, self.store.feed_states)
        done = 0
        feeds = self.feeds
        if self.fresh_since is not None:
            fresh = await loop.run_in_executor(self._db, self.store.fetched_since, self.fresh_since)
            feeds = []
            for feed in self.feeds:
                if feed.url not in fresh:
                    feeds.append(feed)
                    continue
                self.report.feeds.append(FeedOutcome(feed.url, feed.name, *fresh[feed.url]))
                done += 1
                if self.progress:
                    self.progress(done, len(self.feeds), self.report.feeds[-1])
        tasks: list[asyncio.Task] = []
        stop_watch: asyncio.Task | None = None
        fetcher = None
        parser_watch = asyncio.create_task(self._watch_parsers())
        try:
            # The parser processes fork before the HTTP client is imported (~70 ms): they need
            # none of it, and they load the parser and the matcher meanwhile.
            self.parsers.start_early(states)
            from marketwatch.fetch import Fetcher

            fetcher = Fetcher(self.settings)
            tasks = [asyncio.create_task(self._one(fetcher, f, ids[f.url], states.get(f.url)))
                     for f in feeds]
            stop_watch = asyncio.create_task(self._watch_stop(tasks)) if self.stop else None
            for task in asyncio.as_completed(tasks):
                try:
                    outcome = await task
                except asyncio.CancelledError:
                    if not self.report.stopped:
                        raise
                    continue  # stopped; the feeds that finished meanwhile are still counted
                self.report.feeds.append(outcome)
                done += 1
                if self.progress:
                    self.progress(done, len(self.feeds), outcome)
            if not self.report.stopped:
                self.report.pruned = await loop.run_in_executor(
                    self._db, self.store.prune, self.settings.retention_days, self.now)
        finally:
            # A database error (a full disk) ends the run: stop the other feeds and collect their
            # errors too, which asyncio would otherwise print as tracebacks at exit.
            if stop_watch is not None:
                stop_watch.cancel()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            parser_watch.cancel()
            if fetcher is not None:
                await fetcher.aclose()
            self.parsers.close()
            self._db.shutdown(wait=True)
        order = {f.url: i for i, f in enumerate(self.feeds)}
        self.report.feeds.sort(key=lambda o: order[o.url])
        self.report.finished = dates.utcnow()
        return self.report

    async def _watch_stop(self, tasks: list[asyncio.Task]) -> None:
        """A threading.Event cannot be awaited: look at it ten times a second. A feed whose
        update is already with the database thread is let finish: its stories are committed
        whether or not its task waits for them, and cancelled, it was left out of the report,
        which then said fewer feeds were done than the database held."""
        while not self.stop.is_set():
            await asyncio.sleep(0.1)
        self.report.stopped = True
        for task in tasks:
            if task not in self._writing:
                task.cancel()

    async def _watch_parsers(self) -> None:
        """A parser process's death must reach its pool (see parsers._break_if_wedged), also when
        the pool's own thread cannot see it."""
        while True:
            await asyncio.sleep(PARSER_CHECK_S)
            self.parsers.check()

    async def _one(self, fetcher, feed: Feed, feed_id: int, state: FeedState | None) -> FeedOutcome:
        result = await fetcher.fetch(state or FeedState(feed.url), self.now)
        if result.status != "ok":
            await self._write(FeedUpdate(feed_id, result))
            return _outcome(feed, result)
        parsed = await self.parsers.parse(feed, result)
        if parsed.error:
            result = replace(result, status="error", error=parsed.error, content_hash=None)
            await self._write(FeedUpdate(feed_id, result))
            return _outcome(feed, result)
        if parsed.warning:  # ok, with what was lost said in its health; read again next time, not skipped as unchanged
            result = replace(result, error=parsed.warning, content_hash=None)
        saved = await self._write(FeedUpdate(feed_id, result, parsed.items, parsed.title, parsed.site_url))
        return _outcome(feed, result, saved.new, tuple(saved.new_tieups))

    async def _write(self, update: FeedUpdate) -> SaveReport:
        """Queue a feed's update for the database thread and wait until it is committed.

        Updates that arrive while the thread is busy are committed together in the next
        transaction (a group commit): each feed still lands whole or not at all, but 200 feeds
        cost a few commits instead of 200, which is most of a cold or warm refresh's writing."""
        future = asyncio.get_running_loop().create_future()
        self._pending.append((update, future))
        self._writing.add(asyncio.current_task())
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        loop = asyncio.get_running_loop()
        while self._pending:
            batch: list[tuple[FeedUpdate, asyncio.Future]] = []
            entries = 0
            while self._pending and len(batch) < WRITE_BATCH_FEEDS and entries < WRITE_BATCH_ENTRIES:
                batch.append(self._pending.pop(0))
                entries += len(batch[-1][0].items)
            updates = [u for u, _ in batch]
            try:
                reports = await loop.run_in_executor(self._db, self.store.save_feeds, updates, self.now, self.units)
                outcomes: list = list(reports)
            except Exception as exc:
                if len(batch) == 1:
                    outcomes = [exc]
                else:  # the batch rolled back whole: write each feed alone, so a failure stays its own
                    outcomes = []
                    for update in updates:
                        try:
                            outcomes.append((await loop.run_in_executor(
                                self._db, self.store.save_feeds, [update], self.now, self.units))[0])
                        except Exception as one:
                            outcomes.append(one)
            for (_, future), outcome in zip(batch, outcomes, strict=True):
                if future.done():
                    continue
                if isinstance(outcome, BaseException):
                    future.set_exception(outcome)
                else:
                    future.set_result(outcome)


def _outcome(feed: Feed, result: FetchResult, new: int = 0,
             tieups: tuple[tuple[str, str], ...] = ()) -> FeedOutcome:
    return FeedOutcome(feed.url, feed.name, result.status, result.http_status, result.error, new, tieups)
