"""`r` in the dashboard: the refresh in a worker thread, its progress bar, what it found, and
[notify] told afterwards. A mixin of MarketwatchApp, as `config_follow` is: `config`, `data`,
`main`, `scope`, `reload`, `notify`, `_announced`, `_news_since`, `_quitting` and
`_config_before_refresh` are the app's. `TieupsArrived` is here too, since a refresh ends by
saying what a cron refresh stored meanwhile, as the app's poll does.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from datetime import timedelta
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message

from marketwatch import dates
from marketwatch.config import ConfigError
from marketwatch.store import StoreError
from marketwatch.story import Story
from marketwatch.tui import render, summaries

if TYPE_CHECKING:
    from marketwatch.refresh import FeedOutcome, RefreshReport

WAITING_NAMED = 3  # the refresh bar names the feeds still out when this few are left
AUTO_REFRESH_GRACE = timedelta(minutes=2)  # for a cron job at settings.auto_refresh's interval


class RefreshProgress(Message):
    def __init__(self, done: int, total: int, outcome: FeedOutcome) -> None:
        super().__init__()
        self.done = done
        self.total = total
        self.outcome = outcome


class RefreshWaiting(Message):
    """Another refresh (cron) holds the lock; this one waits for it."""


class RefreshDone(Message):
    def __init__(self, report: RefreshReport | None, tieups: list[Story], error: str | None = None,
                 stored: int = 0) -> None:
        super().__init__()
        self.report = report
        self.tieups = tieups
        self.error = error
        self.stored = stored  # tie-ups up to this rowid are in this report or were announced


class TieupsArrived(Message):
    """Another process (a cron refresh) stored OEM–tech tie-ups in the scope shown."""

    def __init__(self, count: int, stories: list[Story]) -> None:
        super().__init__()
        self.count = count
        self.stories = stories


class FeedsChanged(Message):
    """Another process's refresh (cron) left feeds failing that were not, or working that were."""

    def __init__(self, failing: list[str], working: list[str]) -> None:
        super().__init__()
        self.failing = failing
        self.working = working


class Refreshes:
    """The dashboard's own refresh (`r`, or `settings.auto_refresh`): one at a time
    (`refreshing`), its progress on the main screen, naming the last few feeds still out
    (`_left`). These, `_auto`, `_auto_tried` and `_failing` are set by the app's __init__."""

    def saw_failing(self, failing: frozenset[str]) -> None:
        """The feeds failing when the panes were first shown: what a later background refresh's
        failures are told against (`feeds_changed`)."""
        if self._failing_seen is None:
            self._failing_seen = failing

    def feeds_changed(self, failing: frozenset[str]) -> FeedsChanged | None:
        """After another process's refresh: the config's feeds failing now that were not when the
        dashboard last looked, and those working again. Only the top bar's count changed, where
        the dashboard's own refresh said "2 feeds failed (press f)"."""
        seen, self._failing_seen = self._failing_seen, failing
        if seen is None:
            return None
        names = {feed.url: feed.name or feed.url for feed in self.config.feeds}
        newly = sorted(names[url] for url in failing - seen if url in names)
        again = sorted(names[url] for url in seen - failing if url in names)
        return FeedsChanged(newly, again) if newly or again else None

    def on_feeds_changed(self, message: FeedsChanged) -> None:
        lines = [f"{render.plural(len(names), 'feed')} {what}: {render.cut(', '.join(names), 120)}"
                 for names, what in ((message.failing, "newly failing (press f)"), (message.working, "working again"))
                 if names]
        self.notify("\n".join(lines), title="Feeds (refreshed in the background)",
                    severity="warning" if message.failing else "information", timeout=30, markup=False)

    def notify_repairs(self, repairs: list[str]) -> None:
        """What the store found damaged and rebuilt (a search index), from a refresh or a search."""
        for repair in repairs:
            self.notify(repair, title="Repaired", severity="warning", timeout=20, markup=False)

    def refresh_when_stale(self) -> None:
        """`settings.auto_refresh`: refresh as `r` does once the newest fetch (the dashboard's
        own or a cron job's) is more than that many minutes old, with AUTO_REFRESH_GRACE for a
        cron job at the same interval to go first, so that an analyst who keeps the dashboard
        open and runs no cron job still sees the day's tie-ups, while a cron job keeps it from
        ever starting. One try a period, whatever came of it: a machine offline is not asked
        again every two seconds. The age is read from the database once the shown panes say
        it is time: a screen stacked two deep keeps the main screen from reloading."""
        minutes = self.config.settings.auto_refresh
        overview = self.main.overview if self.screen_stack else None
        if (not minutes or self.refreshing or overview is None or not self.config.feeds
                or self._quitting.is_set()):
            return
        now, period = self.now(), timedelta(minutes=minutes)
        if self._auto_tried is not None and now - self._auto_tried < period:
            return
        if not self._stale(overview.last_fetched, now, period):
            return
        newest = self.data.newest_fetch()
        if newest is False or not self._stale(newest, now, period):  # False: the database is busy
            return
        self._auto_tried = now
        self.action_refresh(auto=True)

    @staticmethod
    def _stale(last_fetched: str | None, now, period: timedelta) -> bool:
        return not last_fetched or now - dates.from_iso(last_fetched) > period + AUTO_REFRESH_GRACE

    def action_refresh(self, auto: bool = False) -> None:
        if self.refreshing:
            self._auto = False  # r pressed during an automatic refresh: its outcome is asked for now
            self.notify("A refresh is already running.", markup=False)
            return
        self._config_before_refresh()
        if not self.config.feeds:
            if not auto:
                self.notify("The config has no feeds to refresh (marketwatch add-feed URL adds one).",
                            severity="warning", markup=False)
            return
        self._auto = auto
        self.refreshing = True
        self._left = {feed.url: feed.name or feed.url for feed in self.config.feeds}  # not done yet
        self.main.refresh_started(len(self.config.feeds))
        self._refresh()

    @work(thread=True, exclusive=True, group="refresh", exit_on_error=False)
    def _refresh(self) -> None:
        from marketwatch.refresh import refresh

        try:
            report = refresh(
                self.config,
                progress=lambda done, total, outcome: self.post_message(RefreshProgress(done, total, outcome)),
                on_wait=lambda: self.post_message(RefreshWaiting()), stop=self._quitting)
        except (ConfigError, StoreError, OSError) as exc:
            self.data.note(exc)  # a damaged database: exit status 3 once the app quits, as `refresh` gives
            self.post_message(RefreshDone(None, [], str(exc)))
            return
        except Exception as exc:  # never take the dashboard down with it
            self.post_message(RefreshDone(None, [], f"refresh failed: {type(exc).__name__}: {exc}"))
            return
        self._report(report)
        if self.config.notify.urls and not report.stopped:  # a stopped run: the app is quitting
            # Sending can take a while: a daemon thread, so quitting never waits.
            threading.Thread(target=self._tell, args=(report.stored_before,), name="marketwatch-notify",
                             daemon=True).start()

    def _report(self, report: RefreshReport) -> None:
        """Say what the refresh stored (its first tie-ups, read whole), then what a cron refresh
        stored while this one ran or waited for its lock: this report does not name those, and
        the announcement mark moves past both."""
        new = [story_id for story_id, _ in report.new_tieups]
        try:
            tieups = self.data.stories_by_id(new[:5])
        except (sqlite3.Error, StoreError):
            tieups = []
        mark = self._announced
        try:
            count, others, mark = self.data.tieups_stored_after(self._announced, self.scope.companies,
                                                                 since=self._news_since(), exclude=new,
                                                                 **self.scope_deals())
        except (sqlite3.Error, StoreError):
            count, others = 0, []
        self.post_message(RefreshDone(report, tieups, stored=mark))
        if count:
            self.post_message(TieupsArrived(count, others))

    def _tell(self, stored_before: int) -> None:
        from marketwatch.notify import catch_up
        from marketwatch.store import Store

        try:
            with Store(self.config.settings.db) as store:
                errors = catch_up(self.config, store, stored_before, dates.utcnow()).errors
        except (sqlite3.Error, StoreError, OSError) as exc:
            errors = (f"notify: {exc}",)
        if errors and self.is_running:
            with contextlib.suppress(RuntimeError):  # the app quit meanwhile
                self.call_from_thread(self.notify, "\n".join(errors), title="Could not notify",
                                      severity="warning", timeout=20, markup=False)

    def on_refresh_progress(self, message: RefreshProgress) -> None:
        """Names the feed just done; near the end, the few still out, which the run waits for."""
        self._left.pop(message.outcome.url, None)
        label = message.outcome.name or message.outcome.url
        if 0 < len(self._left) <= WAITING_NAMED:
            label = "waiting for " + ", ".join(self._left.values())
        self.main.refresh_progress(message.done, message.total, label)

    def on_refresh_waiting(self, message: RefreshWaiting) -> None:
        self.main.refresh_waiting()

    def on_refresh_done(self, message: RefreshDone) -> None:
        self.refreshing = False
        auto, self._auto = self._auto, False
        self._announced = max(self._announced, message.stored)  # what it stored is told below, not again
        self.main.refresh_finished()
        if message.error or message.report is None:
            self.notify(render.plain(message.error or "refresh failed"), title="Refresh failed", severity="error",
                        markup=False)
            return
        self.notify_repairs(message.report.repairs)
        failing, self._failing = self._failing, {f.url for f in message.report.failed}
        self._failing_seen = frozenset(self._failing)  # told here: not again by the next poll
        if auto and not message.report.new_tieups and self._failing <= failing:
            self.reload()  # a refresh no one asked for, with no tie-up and no feed newly failing: nothing to say
            return
        on_feeds = type(self.screen).__name__ == "FeedsScreen"
        # An automatic refresh's find is news the user did not wait for: it stays as long as a
        # cron job's does, and says where it came from.
        self.notify(summaries.refresh_summary(message.report, message.tieups, self.scope.companies or (), on_feeds),
                    title="Automatic refresh" if auto else "Refresh done",
                    severity="warning" if message.report.failed else "information",
                    timeout=30 if auto else 10, markup=False)
        self.reload()
