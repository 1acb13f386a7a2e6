"""End to end: feeds served on 127.0.0.1, refreshed into a fresh database."""

from __future__ import annotations

import json
import sqlite3
import time

from conftest import Reply, rss

from marketwatch import dates
from marketwatch.config import load_config
from marketwatch.queries import StoryFilter, feed_health, list_stories
from marketwatch.refresh import refresh
from marketwatch.store import Store

TIEUP = {"title": "Toyota and Pony.ai form robotaxi joint venture in China",
         "link": "https://news.example.com/toyota-pony", "guid": "a1",
         "description": "Toyota will invest in the venture.", "date": "Mon, 23 Nov 2026 09:00:00 GMT"}
OTHER = {"title": "Ford recalls 10,000 pickups", "link": "https://news.example.com/ford-recall", "guid": "a2",
         "date": "Mon, 23 Nov 2026 08:00:00 GMT"}


def stories(config):
    with Store(config.settings.db) as store:
        return list_stories(store.conn, StoryFilter(limit=1000))


def test_refresh_stores_tieups_and_feed_state(server, make_config):
    server.routes["/a.xml"] = Reply(200, rss([TIEUP, OTHER]), {"ETag": '"v1"', "Content-Type": "application/rss+xml"})
    config = load_config(make_config([server.url("/a.xml")]))
    report = refresh(config)
    assert [f.status for f in report.feeds] == ["ok"]
    assert report.new_stories == 2
    assert [t for _, t in report.new_tieups] == [TIEUP["title"]]
    found = stories(config)
    assert len(found) == 1
    assert found[0].pairs == (("Toyota", "Pony.ai"),)
    assert found[0].deal_type == "joint-venture"
    assert found[0].published == "2026-11-23T09:00:00Z"
    with Store(config.settings.db) as store:
        health = feed_health(store.conn)
    assert health[0].status == "ok" and health[0].entries == 2 and health[0].stories == 1


def test_conditional_get_sends_validators_and_handles_304(server, make_config):
    def conditional(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            return Reply(304)
        return Reply(200, rss([TIEUP]), {"ETag": '"v1"', "Last-Modified": "Mon, 23 Nov 2026 10:00:00 GMT"})

    server.routes["/c.xml"] = conditional
    config = load_config(make_config([server.url("/c.xml")]))
    first = refresh(config)
    second = refresh(config)
    assert first.feeds[0].status == "ok"
    assert second.feeds[0].status == "not-modified"
    assert second.new_stories == 0
    headers = server.requests[-1][1]
    assert headers["if-none-match"] == '"v1"'
    assert headers["if-modified-since"] == "Mon, 23 Nov 2026 10:00:00 GMT"
    assert len(stories(config)) == 1


def test_unchanged_body_without_validators_is_not_parsed_again(server, make_config):
    server.routes["/u.xml"] = Reply(200, rss([TIEUP]))
    config = load_config(make_config([server.url("/u.xml")]))
    refresh(config)
    again = refresh(config)
    assert again.feeds[0].status == "unchanged"


def test_a_refresh_where_nothing_changed_never_loads_the_parser_or_the_matcher(server, make_config):
    """A 304 and a 200 with the body already seen: the command neither parses nor matches, so it
    never even imports feedparser, the parser or the matcher, nor the dashboard's queries or
    [notify] (what keeps a cron refresh cheap)."""
    import subprocess
    import sys

    def conditional(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            return Reply(304)
        return Reply(200, rss([TIEUP]), {"ETag": '"v1"'})

    server.routes["/c.xml"] = conditional
    server.routes["/u.xml"] = Reply(200, rss([OTHER]))
    path = make_config([server.url("/c.xml"), server.url("/u.xml")])
    refresh(load_config(path))
    code = (
        "import sys\n"
        "from marketwatch.cli import main\n"
        f"sys.argv = ['marketwatch', 'refresh', '--json', '--config', {str(path)!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('feedparser', 'dateparser', 'w3lib', 'marketwatch.parse', 'marketwatch.fastrss',\n"
        "         'marketwatch.match', 'marketwatch.mentions', 'marketwatch.queries', 'marketwatch.notify',\n"
        "         'apprise')\n"
        # marketwatch.parsers (the pools' code, moved out of marketwatch.refresh; every refresh
        # imports it) only shares marketwatch.parse's prefix
        "loaded = [m for m in sys.modules if m.startswith(heavy) and m != 'marketwatch.parsers']\n"
        "print(','.join(sorted(loaded)), file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    statuses = [feed["status"] for feed in json.loads(out.stdout)["feeds"]]
    assert statuses == ["not-modified", "unchanged"]
    assert out.stderr.strip() == ""


def test_same_story_in_two_feeds_is_stored_once_and_remembers_both(server, make_config):
    dup = dict(TIEUP, link="https://news.example.com/toyota-pony?utm_source=rss&utm_medium=feed", guid="b9")
    server.routes["/a.xml"] = Reply(200, rss([TIEUP]))
    server.routes["/b.xml"] = Reply(200, rss([dup]))
    config = load_config(make_config([server.url("/a.xml"), server.url("/b.xml")]))
    refresh(config)
    refresh(config)
    found = stories(config)
    assert len(found) == 1
    assert sorted(found[0].feeds) == ["feed0", "feed1"]


def test_runs_do_not_duplicate_and_keep_old_stories(server, make_config):
    server.routes["/a.xml"] = Reply(200, rss([TIEUP]))
    config = load_config(make_config([server.url("/a.xml")]))
    refresh(config)
    newer = {"title": "BMW partners with Alibaba on in-car AI", "link": "https://news.example.com/bmw-ali",
             "guid": "a3", "date": "Tue, 24 Nov 2026 09:00:00 GMT"}
    server.routes["/a.xml"] = Reply(200, rss([newer]))  # the old item fell off the feed
    report = refresh(config)
    assert report.new_stories == 1
    assert [s.title for s in stories(config)] == [newer["title"], TIEUP["title"]]


def test_a_failing_feed_does_not_stop_the_others(server, make_config):
    server.routes["/ok.xml"] = Reply(200, rss([TIEUP]))
    server.routes["/gone.xml"] = Reply(410, b"gone")
    config = load_config(make_config([server.url("/gone.xml"), server.url("/ok.xml"),
                                      "http://127.0.0.1:9/refused.xml"]))
    report = refresh(config)
    by_url = {f.url: f for f in report.feeds}
    assert by_url[server.url("/gone.xml")].error == "HTTP 410 Gone"
    assert by_url["http://127.0.0.1:9/refused.xml"].error == "connection refused"
    assert by_url[server.url("/ok.xml")].status == "ok"
    assert len(report.failed) == 2
    assert len(stories(config)) == 1


def test_permanent_redirect_is_remembered(server, make_config):
    server.routes["/old.xml"] = Reply(301, b"", {"Location": "/new.xml"})
    server.routes["/new.xml"] = Reply(200, rss([TIEUP]))
    config = load_config(make_config([server.url("/old.xml")]))
    refresh(config)
    refresh(config)
    paths = [path for path, _ in server.requests]
    assert paths == ["/old.xml", "/new.xml", "/new.xml"]


def test_retry_after_defers_the_next_fetch(server, make_config):
    server.routes["/busy.xml"] = Reply(429, b"slow down", {"Retry-After": "3600"})
    config = load_config(make_config([server.url("/busy.xml")]))
    first = refresh(config)
    second = refresh(config)
    assert first.feeds[0].status == "error" and "429" in first.feeds[0].error
    assert second.feeds[0].status == "deferred"
    assert len(server.requests) == 1


def test_seed_like_story_end_to_end(server, make_config):
    seed = {"title": "Renault-Nissan-Mitsubishi Alliance signs MoU with Didi for EV sharing in China",
            "link": "https://news.example.com/rnm-didi",
            "description": "BMW, Volvo and Ford have also signed partnerships with Alibaba. "
                           "PSA and Dongfeng formed a leasing joint venture."}
    server.routes["/s.xml"] = Reply(200, rss([seed]))
    config = load_config(make_config([server.url("/s.xml")]))
    refresh(config)
    [story] = stories(config)
    assert set(story.pairs) == {("Renault", "Didi"), ("Nissan", "Didi"), ("Mitsubishi", "Didi"),
                                ("BMW", "Alibaba"), ("Volvo Cars", "Alibaba"), ("Ford", "Alibaba")}
    assert story.alliances == ("Renault-Nissan-Mitsubishi Alliance",)


def test_database_is_sound_and_owner_only(server, make_config):
    server.routes["/a.xml"] = Reply(200, rss([TIEUP]))
    config = load_config(make_config([server.url("/a.xml")]))
    refresh(config)
    assert (config.settings.db.stat().st_mode & 0o777) == 0o600
    conn = sqlite3.connect(config.settings.db)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"


def test_report_json_shape(server, make_config):
    server.routes["/a.xml"] = Reply(200, rss([TIEUP]))
    config = load_config(make_config([server.url("/a.xml")]))
    data = json.loads(json.dumps(refresh(config).as_json()))
    assert set(data) >= {"started", "duration_s", "feeds", "new_stories", "new_tieups", "failed"}
    assert data["feeds"][0]["status"] == "ok"
    assert data["new_tieups"][0]["title"] == TIEUP["title"]


def test_stop_ends_a_refresh_at_once_and_keeps_what_it_stored(server, make_config):
    """The dashboard quitting while a feed hangs: the run ends without waiting for the feed's
    timeout, the feeds done are stored, and the next run fetches the rest."""
    import dataclasses
    import threading

    release, served = threading.Event(), threading.Event()

    def hanging(handler):
        release.wait(30)
        served.set()
        return Reply(200, rss([dict(TIEUP, guid="h1", link="https://news.example.com/ford-baidu",
                                    title="Ford and Baidu sign MoU on robotaxis")]))

    server.routes["/fast.xml"] = Reply(200, rss([TIEUP]))
    server.routes["/hang.xml"] = hanging
    config = load_config(make_config([server.url("/fast.xml"), server.url("/hang.xml")]))
    config = dataclasses.replace(config, settings=dataclasses.replace(config.settings, timeout=60.0))
    stop, first, reports = threading.Event(), threading.Event(), []
    run = threading.Thread(target=lambda: reports.append(refresh(config, stop=stop,
                                                                 progress=lambda *_: first.set())))
    run.start()
    assert first.wait(30)
    stop.set()
    run.join(60)
    assert not run.is_alive() and not served.is_set()  # ended while the feed still hung
    release.set()
    (report,) = reports
    assert report.stopped and [f.url for f in report.feeds] == [server.url("/fast.xml")]
    assert [s.title for s in stories(config)] == [TIEUP["title"]]
    again = refresh(config)
    assert not again.stopped and len(stories(config)) == 2


def test_a_feed_being_committed_when_the_run_stops_is_counted_as_done(server, make_config, monkeypatch):
    """Stopped (the dashboard's q, SIGTERM) while a feed's stories were being committed: they are
    stored, so the report counts the feed. It was left out, and `terminated with 3 of 10 feeds
    done` was a feed or two short of what the database held."""
    import dataclasses
    import threading

    writing, release, hung = threading.Event(), threading.Event(), threading.Event()
    real = Store.save_feeds

    def slow(self, *args, **kwargs):
        writing.set()
        release.wait(30)
        return real(self, *args, **kwargs)

    def hanging(handler):
        hung.wait(30)
        return Reply(200, rss([]))

    monkeypatch.setattr(Store, "save_feeds", slow)
    server.routes["/fast.xml"] = Reply(200, rss([TIEUP]))
    server.routes["/hang.xml"] = hanging
    config = load_config(make_config([server.url("/fast.xml"), server.url("/hang.xml")]))
    config = dataclasses.replace(config, settings=dataclasses.replace(config.settings, timeout=60.0))
    stop, reports = threading.Event(), []
    run = threading.Thread(target=lambda: reports.append(refresh(config, stop=stop)))
    run.start()
    try:
        assert writing.wait(30)
        stop.set()
        time.sleep(0.3)  # the run looks at `stop` ten times a second
    finally:
        release.set()
        run.join(30)
        hung.set()
    (report,) = reports
    assert report.stopped and [f.url for f in report.feeds] == [server.url("/fast.xml")]
    assert report.new_stories == 1 and [s.title for s in stories(config)] == [TIEUP["title"]]


def test_stop_while_waiting_for_another_refresh_ends_the_wait(server, make_config):
    import threading

    from marketwatch.lock import refresh_lock

    server.routes["/a.xml"] = Reply(200, rss([TIEUP]))
    config = load_config(make_config([server.url("/a.xml")]))
    stop, waiting, reports = threading.Event(), threading.Event(), []
    with refresh_lock(config.settings.db):  # cron's refresh, running
        run = threading.Thread(target=lambda: reports.append(refresh(config, stop=stop, on_wait=waiting.set)))
        run.start()
        assert waiting.wait(30)
        stop.set()
        run.join(30)
        assert not run.is_alive()  # the lock is still held
    (report,) = reports
    assert report.stopped and report.feeds == [] and stories(config) == []


def test_a_refresh_that_waited_for_another_does_not_fetch_again_what_that_one_fetched(server, make_config):
    """r pressed while cron's refresh ran: it waited, then asked every server again, doubling the
    wait on slow ones. The feeds the other refresh fetched meanwhile are reported as it left them."""
    import threading

    from marketwatch.lock import refresh_lock
    from marketwatch.models import FetchResult

    server.routes["/a.xml"] = Reply(200, rss([TIEUP]))
    server.routes["/b.xml"] = Reply(200, rss([OTHER]))
    config = load_config(make_config([server.url("/a.xml"), server.url("/b.xml")]))
    waiting, reports = threading.Event(), []
    with refresh_lock(config.settings.db):  # cron's refresh, running
        run = threading.Thread(target=lambda: reports.append(refresh(config, on_wait=waiting.set)))
        run.start()
        assert waiting.wait(30)
        with Store(config.settings.db) as store:  # ... which fetches a.xml (a 503) meanwhile
            url = server.url("/a.xml")
            store.record_fetch(store.sync_feeds(config.feeds)[url], FetchResult(url, "error", 503, error="HTTP 503"),
                               dates.utcnow())
    run.join(30)
    (report,) = reports
    assert [path for path, _ in server.requests] == ["/b.xml"]
    assert [(f.url, f.status, f.error) for f in report.feeds] == [
        (server.url("/a.xml"), "error", "HTTP 503"), (server.url("/b.xml"), "ok", None)]
    assert [f.url for f in report.failed] == [server.url("/a.xml")]  # as cron left it
