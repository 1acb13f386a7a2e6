"""The parser processes of a refresh: parsing and matching (the CPU-heavy part) run in worker
processes so that both cores work.

The worker side (`parse_and_match` and what starts a worker) runs in those processes; `Parsers`
runs in the refresh's and owns its pools: it starts them when a document needs parsing (or
early, on a first run), replaces a pool whose process died, breaks one wedged by a death (see
`_break_if_wedged`), and shuts them down. Nothing here imports the parser or the matcher, nor
multiprocessing, until a run needs them: a run of 304s never does.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading
import time
from concurrent.futures import BrokenExecutor, Executor, ThreadPoolExecutor
from datetime import datetime

from marketwatch import dates
from marketwatch.config import Config, Feed
from marketwatch.models import NO_MATCH, FeedState, FetchResult, Match, ParsedFeed

PROCESS_POOL_MIN_FEEDS = 8
MAX_POOL_REPLACEMENTS = 2  # parser pools a run starts again after one of their processes died
PARSER_CHECK_S = 0.25  # how often a run looks for a parser process that died unseen by its pool

# -- the pure step, run in worker processes ------------------------------------------------

_matcher = None


def _init_worker(config: Config) -> None:
    global _matcher
    from marketwatch.match import Matcher

    _matcher = Matcher(config)


def _init_process_worker(config: Config, parent: int | None, owner: int) -> None:
    _end_on_sigterm_from(owner)  # first: the threads started after it inherit its signal mask
    _exit_with_parent(os.getppid() if parent is None else parent)
    _init_worker(config)


def _end_on_sigterm_from(owner: int) -> None:
    """A parser ends on SIGTERM from the process whose pool it serves (the pool's clean-up
    terminates its processes), not from anyone else. systemd and `pkill -f marketwatch` send it
    to every process at once: a parser that died then, perhaps halfway through writing its
    result, left its refresh waiting for the rest of that result for ever. The refresh, told
    as well, stops and lets its parsers go in order (and a forked parser's inherited handler,
    which stops a refresh, would have kept it from ending at all)."""
    if not hasattr(signal, "sigwaitinfo"):  # macOS: the sender cannot be told; end as any process
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})

    def wait() -> None:
        while signal.sigwaitinfo({signal.SIGTERM}).si_pid != owner:
            pass
        os._exit(128 + signal.SIGTERM)

    threading.Thread(target=wait, name="marketwatch-sigterm", daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A parser process waits on its queue for work; if its refresh dies without closing the
    pool (SIGKILL, the OOM killer) the wait never ends. It leaves once its parent is gone: the
    parent's pid comes from before the fork, so a parent killed during the fork counts too."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="marketwatch-parent-watch", daemon=True).start()


def _load_parser() -> None:
    """What a parser process's first document would load, loaded while the first requests are
    out: feedparser (~60 ms) with marketwatch.parse, and w3lib for links that are not simple."""
    import w3lib.url  # noqa: F401

    import marketwatch.parse  # noqa: F401


def parse_and_match(url: str, content: bytes, headers: dict[str, str],
                    languages: tuple[str, ...], now: datetime, fetched_from: str | None = None) -> ParsedFeed:
    from marketwatch.parse import parse_document

    doc = parse_document(url, content, headers, languages, now, fetched_from=fetched_from)
    items = tuple((entry, _match(entry.title, entry.summary, dates.published_year(entry.published, now)))
                  for entry in doc.entries)
    return ParsedFeed(url, doc.title, doc.site_url, items, doc.error, doc.warning)


def _match(title: str, summary: str, year: int | None = None) -> Match:
    """The story's match, or none if the matcher fails on it: a bug in one rule for one headline
    ("Afeela 1 priced ...": a KeyError) failed the whole feed, every story of it lost at every
    refresh. The story is stored unmatched; `marketwatch rematch` after the fix finds it."""
    try:
        return _matcher.match(title, summary, year)
    except Exception:  # any rule's bug, for one story
        return NO_MATCH


# -- the pools, in the refresh's process -----------------------------------------------------


class Parsers:
    """The parser pools of one refresh of `feeds`, fetched at `now`: `parse` a fetched document,
    `start_early` on a first run, `check` now and then for a process that died unseen, and
    `close` when the run ends."""

    def __init__(self, config: Config, feeds: list[Feed], now: datetime) -> None:
        self.config = config
        self.settings = config.settings
        self.feeds = feeds
        self.now = now
        self._pool: Executor | None = None
        self._pools_replaced = 0
        self._alone = asyncio.Lock()  # one document at a time parsed again after its pool broke
        self._alone_pool: Executor | None = None
        self._alone_deaths = 0

    async def parse(self, feed: Feed, result: FetchResult) -> ParsedFeed:
        """One parser process that dies (the OOM killer, a stray kill) breaks the whole pool, and
        with it every parse under way or waiting in it: the pool is replaced, and each of those
        documents is parsed again alone (`_parse_alone`), so that one that kills its parser
        again fails alone instead of taking the others waiting beside it down a second time."""
        executor = self._executor()
        try:
            return await self._parse_in(executor, feed, result)
        except BrokenExecutor:
            if not self._replace_broken(executor):
                return _died(feed)
        return await self._parse_alone(feed, result)

    async def _parse_alone(self, feed: Feed, result: FetchResult) -> ParsedFeed:
        """A document whose pool broke, parsed again in a parser process of its own, one document
        at a time: if that process dies, its document killed it. The process is started again
        after a death, MAX_POOL_REPLACEMENTS times a run (something may kill every parser)."""
        async with self._alone:
            if self._alone_pool is None:
                if self._alone_deaths > MAX_POOL_REPLACEMENTS:
                    return _died(feed)
                try:
                    self._alone_pool = self._process_pool(1)
                except Exception:
                    return _died(feed)
            try:
                return await self._parse_in(self._alone_pool, feed, result)
            except BrokenExecutor:
                self._alone_deaths += 1
                self._alone_pool.shutdown(wait=False, cancel_futures=True)
                self._alone_pool = None
                return _died(feed)

    async def _parse_in(self, executor: Executor, feed: Feed, result: FetchResult) -> ParsedFeed:
        """Parse in `executor`; a BrokenExecutor (a parser process died) is the caller's."""
        try:
            return await asyncio.get_running_loop().run_in_executor(
                executor, parse_and_match, feed.url, result.content, result.headers,
                self.settings.languages, self.now, result.fetched_from)
        except BrokenExecutor:
            raise
        except Exception as exc:
            return ParsedFeed(feed.url, None, None, (), f"parser failed: {type(exc).__name__}")

    def _replace_broken(self, executor: Executor) -> bool:
        """Drop a broken pool so that the next parse starts a new one; False once a run has
        replaced it MAX_POOL_REPLACEMENTS times (something kills every parser it starts)."""
        if self._pool is not executor:
            return True  # another feed's parse has replaced it already
        if self._pools_replaced >= MAX_POOL_REPLACEMENTS:
            return False
        self._pools_replaced += 1
        self._pool = None
        executor.shutdown(wait=False, cancel_futures=True)
        return True

    def start_early(self, states: dict[str, FeedState]) -> None:
        """When many feeds have never been fetched (a first run, a new OPML list), their
        documents will all need parsing: start the parser processes now, so that they load the
        parser and build the matcher on the other core while this one makes the first requests,
        instead of after the first document arrives. A run of known feeds (most of them 304 or
        unchanged) starts none unless a document turns out to need one."""
        never = sum(1 for f in self.feeds if not (states.get(f.url) and states[f.url].last_fetched))
        if never >= PROCESS_POOL_MIN_FEEDS and self._processes() >= 2:
            self._executor()

    def check(self) -> None:
        """Break a pool that a dead process wedged (see _break_if_wedged)."""
        for pool in (self._pool, self._alone_pool):
            if pool:
                _break_if_wedged(pool)

    def close(self) -> None:
        for pool in (self._pool, self._alone_pool):
            if pool:
                _break_if_wedged(pool)  # else shutdown() would wait for its thread for ever
                pool.shutdown(wait=True, cancel_futures=True)

    def _processes(self) -> int:
        """How many parser processes: one per core when there is enough to parse to pay for them."""
        workers = self.settings.workers
        if workers is None:
            workers = (os.cpu_count() or 1) if len(self.feeds) >= PROCESS_POOL_MIN_FEEDS else 0
        return min(workers, len(self.feeds))  # a fork pool starts all its processes at once

    def _executor(self) -> Executor:
        """Worker processes when there is enough to parse to pay for them, else one thread (also
        when processes cannot be started: a sandbox, a limit on processes or open files)."""
        if self._pool is None:
            workers = self._processes()
            if workers >= 2:
                try:
                    self._pool = self._process_pool(workers)
                except Exception:
                    self._pool = None
            if self._pool is None:
                _init_worker(self.config)
                self._pool = ThreadPoolExecutor(1, thread_name_prefix="marketwatch-parse")
        return self._pool

    def _process_pool(self, workers: int) -> Executor:
        import multiprocessing  # with the process pool, ~7 ms that a run of 304s never needs
        from concurrent.futures import ProcessPoolExecutor

        forking = threading.current_thread() is threading.main_thread()
        if not forking:
            _start_resource_tracker()
        pool = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("fork" if forking else "forkserver"),
            initializer=_init_process_worker,
            initargs=(self.config, os.getpid() if forking else None,  # else: the fork server
                      os.getpid()))
        try:
            for _ in range(workers):  # starts the processes now: they load the parser meanwhile
                pool.submit(_load_parser)
        except BaseException:
            # Some processes may have started before one failed (fork: EAGAIN): the pool never
            # got to run, so nothing would tell them to leave; they would wait for the session.
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        return pool


def _break_if_wedged(pool: Executor) -> None:
    """A parser process that dies (the OOM killer, a stray SIGKILL) breaks its pool: the pool's
    thread sees the death and fails every parse in the pool with BrokenProcessPool, which
    `Parsers.parse` deals with. Not when the process died halfway through sending a result back:
    that thread then waits for the rest of the message, which never comes, and sees nothing
    else; the refresh waited for ever, and so would its exit, which joins that thread.

    A process pool with a dead process that is not broken yet is broken here: its other
    processes are killed (they may wait for the result pipe's lock the dead one held), and
    the pipe is given zero bytes until the thread has read a whole message, which cannot be
    unpickled; the pool then breaks as after any death. A pool with all its processes alive,
    a thread pool, or one already broken or shut down is left alone."""
    from multiprocessing.connection import wait

    processes = getattr(pool, "_processes", None)
    manager = getattr(pool, "_executor_manager_thread", None)
    results = getattr(pool, "_result_queue", None)
    if (not processes or manager is None or results is None or getattr(pool, "_broken", True)
            or getattr(pool, "_shutdown_thread", True)):
        return
    workers = list(processes.values())
    dead = set(wait([p.sentinel for p in workers], timeout=0))
    if not dead:
        return
    for process in workers:
        if process.sentinel not in dead:
            process.kill()
    # A descriptor of our own: the pool closes its pipe once the thread has ended, and the
    # number could by then be another file's.
    fd = os.dup(results._writer.fileno())
    threading.Thread(target=_fill, args=(fd, manager), name="marketwatch-unwedge", daemon=True).start()


def _fill(fd: int, reader: threading.Thread) -> None:
    """Zero bytes into the pipe `fd` for as long as `reader` lives, a pipe buffer's worth at a
    time and only when there is room for it (so a write never blocks), then close `fd`."""
    import select

    zeros = bytes(select.PIPE_BUF)
    try:
        while reader.is_alive():
            if select.select([], [fd], [], 0.05)[1]:
                os.write(fd, zeros)
    except OSError:
        pass
    finally:
        os.close(fd)


def _start_resource_tracker() -> None:
    """A fork server's processes are watched by multiprocessing's resource tracker, which is
    started with sys.stderr's file descriptor. A host that captures sys.stderr (the dashboard:
    Textual's print capture has none, its fileno() is -1) makes that start fail with "bad
    value(s) in fds_to_keep", and with it the parser processes. It is started here with the
    process's real stderr; once running it serves the rest of the session. The swap is
    process-wide: for the few milliseconds it lasts, once a session, a print from another
    thread would reach the terminal instead of the capture."""
    from multiprocessing import resource_tracker

    real = sys.__stderr__
    if real is None or sys.stderr is real:
        return
    captured, sys.stderr = sys.stderr, real
    try:
        resource_tracker.ensure_running()
    finally:
        sys.stderr = captured


def _died(feed: Feed) -> ParsedFeed:
    return ParsedFeed(feed.url, None, None, (), "parser failed: its process died (out of memory?)")
