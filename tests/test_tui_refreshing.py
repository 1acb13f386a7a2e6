"""The dashboard's own refresh started by `settings.auto_refresh` (marketwatch/tui/refreshing.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from types import SimpleNamespace

import pytest
from test_tui_support import (
    NOW,
    anyio_backend,  # noqa: F401 - the dashboard tests' fixtures
    fixed_db,
    settle,
)

from marketwatch.config import load_config
from marketwatch.models import FetchResult
from marketwatch.refresh import FeedOutcome, RefreshReport
from marketwatch.scope import ALL
from marketwatch.store import Store
from marketwatch.tui.dashboard import MarketwatchApp

pytestmark = pytest.mark.anyio


@pytest.fixture
def runs(monkeypatch) -> SimpleNamespace:
    """The refreshes the dashboard started (`started`), each answering at once with the
    feed outcomes in `outcomes`."""
    import marketwatch.refresh as refresh_module

    runs = SimpleNamespace(started=[], outcomes=[])

    def refresh(config, **_):
        runs.started.append(config)
        return RefreshReport(started=NOW, finished=NOW, feeds=list(runs.outcomes))

    monkeypatch.setattr(refresh_module, "refresh", refresh)
    return runs


def app_for(tmp_path, make_config, minutes: int, *, now=NOW, cron=None) -> MarketwatchApp:
    """The fixed stories, their feeds last fetched 30 minutes before NOW (and by cron at `cron`)."""
    config = fixed_db(tmp_path, make_config)
    config = replace(config, settings=replace(config.settings, auto_refresh=minutes))
    if cron is not None:
        with Store(config.settings.db) as store:
            url = config.feeds[0].url
            store.record_fetch(store.sync_feeds(config.feeds)[url], FetchResult(url, "not-modified", 304), cron)
    return MarketwatchApp(config, ALL, now=now, poll_interval=0.05)


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def toasts(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_dashboard_left_open_refreshes_once_the_newest_fetch_is_older_than_auto_refresh(
        tmp_path, make_config, runs):
    """An analyst who keeps the dashboard open and runs no cron job saw the morning's news all
    day. Once started, the next try waits a whole period, whatever came of it."""
    app = app_for(tmp_path, make_config, minutes=20)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.3)  # a few polls
        await settle(pilot)
        assert len(runs.started) == 1 and not app.refreshing
        assert not any("Refresh done" in n or "No new tie-ups" in n for n in toasts(app))  # it found nothing
        app._now = NOW + timedelta(minutes=19)  # (the mocked run wrote no fetch: still stale)
        await pilot.pause(0.3)
        assert len(runs.started) == 1
        app._now = NOW + timedelta(minutes=21)  # a period after the first try
        await pilot.pause(0.3)
        await settle(pilot)
        assert len(runs.started) == 2


async def test_a_database_never_refreshed_is_refreshed_at_once(tmp_path, make_config, runs):
    config = load_config(make_config(["http://127.0.0.1:9/feed.xml"]))
    config = replace(config, settings=replace(config.settings, auto_refresh=60))
    with Store(config.settings.db) as store:
        store.sync_feeds(config.feeds)  # never fetched
    async with MarketwatchApp(config, ALL, now=NOW, poll_interval=0.05).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.3)
        assert len(runs.started) == 1


@pytest.mark.parametrize("fails", [False, True])
async def test_a_new_database_says_it_is_fetching_while_its_first_refresh_runs(tmp_path, make_config,
                                                                                monkeypatch, fails):
    """The first open on a new database said "Press r to refresh the feeds now" above the
    progress bar of its own refresh, already fetching; once it is done (or failed), r again."""
    import threading

    import marketwatch.refresh as refresh_module

    gate = threading.Event()

    def refresh(config, **_):
        gate.wait(10)
        if fails:
            raise OSError("disk full")
        return RefreshReport(started=NOW, finished=NOW, feeds=[])

    monkeypatch.setattr(refresh_module, "refresh", refresh)
    config = load_config(make_config(["http://127.0.0.1:9/feed.xml"]))
    config = replace(config, settings=replace(config.settings, auto_refresh=60))
    app = MarketwatchApp(config, ALL, now=NOW, poll_interval=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if app.refreshing:
                break
        await pilot.pause(0.05)
        text = screen_text(app)
        assert app.refreshing and "Refreshing 1 feed" in text
        assert "Fetching the feeds now" in text and "Press  r  to refresh" not in text
        gate.set()
        for _ in range(100):
            await pilot.pause(0.02)
            if not app.refreshing:
                break
        await settle(pilot)
        text = screen_text(app)
        assert "No tie-up stories yet" in text and "Press  r  to refresh" in text and "Fetching" not in text


@pytest.mark.parametrize("minutes", [0, 60])
async def test_no_refresh_starts_while_the_data_is_fresh_or_auto_refresh_is_off(tmp_path, make_config, runs, minutes):
    app = app_for(tmp_path, make_config, minutes=minutes)  # fetched 30 minutes ago
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.3)
        assert runs.started == [] and not app.refreshing


async def test_an_automatic_refresh_speaks_up_only_when_it_found_something(tmp_path, make_config, runs):
    runs.outcomes = [FeedOutcome("http://127.0.0.1:9/feed1.xml", "feed1", "error", None,
                                        "connection refused")]
    app = app_for(tmp_path, make_config, minutes=20)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.3)
        await settle(pilot)
        assert len(runs.started) == 1
        assert sum("1 feed failed (press f)" in n for n in toasts(app)) == 1
        # one the user did not ask for, found while they were away: it says so, and stays a while
        told = [(n.title, n.timeout) for n in app._notifications if "failed" in n.message]
        assert told == [("Automatic refresh", 30)]
        app._now = NOW + timedelta(minutes=25)  # the next automatic refresh: the same feed fails
        await pilot.pause(0.3)
        await settle(pilot)
        assert len(runs.started) == 2
        assert sum("1 feed failed (press f)" in n for n in toasts(app)) == 1  # said once, not every hour


async def test_an_automatic_refresh_of_a_config_left_with_no_feeds_says_nothing_and_leaves_r_heard(
        tmp_path, make_config, runs):
    """Emptied of feeds by an edit just read: the automatic try warned "no feeds to refresh",
    and its quiet stuck to the next r, whose refresh then said nothing."""
    app = app_for(tmp_path, make_config, minutes=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        feeds = app.config.feeds
        app.config = replace(app.config, feeds=())
        app.action_refresh(auto=True)
        assert not app._auto and not toasts(app)
        app.config = replace(app.config, feeds=feeds)
        await pilot.press("r")
        await settle(pilot)
        assert any("No new tie-ups" in n for n in toasts(app))


async def test_a_cron_fetch_counts_while_screens_stacked_on_the_main_one_hold_its_panes(
        tmp_path, make_config, runs):
    """Two screens deep (search, then help), the main screen does not reload, and its panes
    still said the data was 75 minutes old: cron's fetch of 5 minutes ago is read from the
    database before a refresh starts."""
    later = NOW + timedelta(minutes=45)
    app = app_for(tmp_path, make_config, minutes=0, now=later)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        await pilot.press("escape", "question_mark")  # out of the search box, then help over it
        await settle(pilot)
        with Store(app.config.settings.db) as store:
            url = app.config.feeds[0].url
            store.record_fetch(store.sync_feeds(app.config.feeds)[url], FetchResult(url, "not-modified", 304),
                               later - timedelta(minutes=5))
        app.config = replace(app.config, settings=replace(app.config.settings, auto_refresh=60))
        await pilot.pause(0.3)
        assert runs.started == []


async def test_a_refresh_by_cron_counts_as_the_newest_fetch(tmp_path, make_config, runs):
    """With cron refreshing every 30 minutes and auto_refresh at 60, the dashboard never
    fetches the feeds a second time: 75 minutes after the fixed stories' fetch, cron's was 5."""
    later = NOW + timedelta(minutes=45)
    app = app_for(tmp_path, make_config, minutes=60, now=later, cron=later - timedelta(minutes=5))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.3)
        assert runs.started == []


async def test_r_during_an_automatic_refresh_asks_for_its_outcome(tmp_path, make_config, monkeypatch):
    """An automatic refresh that finds nothing says nothing; r pressed while it runs asked to
    hear, and heard only "A refresh is already running"."""
    import threading

    import marketwatch.refresh as refresh_module

    release = threading.Event()

    def slow(config, **_):
        release.wait(10)
        return RefreshReport(started=NOW, finished=NOW)

    monkeypatch.setattr(refresh_module, "refresh", slow)
    app = app_for(tmp_path, make_config, minutes=20)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(50):  # not settle(): it would wait for the refresh, held back here
            await pilot.pause(0.05)
            if app.refreshing:
                break
        assert app.refreshing
        await pilot.press("r")
        release.set()
        await settle(pilot)
        await pilot.pause(0.2)
        assert not app.refreshing
        assert any("No new tie-ups" in n for n in toasts(app))
