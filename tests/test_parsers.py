"""The parser processes of a refresh (marketwatch.parsers): feeds served on 127.0.0.1, refreshed
with parser processes that fail to start, die, are killed mid-message or are sent SIGTERM."""

from __future__ import annotations

import json
import time

from conftest import Reply, rss

from marketwatch.config import load_config
from marketwatch.parsers import parse_and_match
from marketwatch.refresh import refresh

TIEUP = {"title": "Toyota and Pony.ai form robotaxi joint venture in China",
         "link": "https://news.example.com/toyota-pony", "guid": "a1",
         "description": "Toyota will invest in the venture.", "date": "Mon, 23 Nov 2026 09:00:00 GMT"}


def test_when_parser_processes_cannot_start_the_feeds_are_parsed_in_a_thread(server, make_config, monkeypatch):
    """A sandbox or a process limit (fork failing with EAGAIN) must not cost the run its stories."""
    import concurrent.futures

    from marketwatch.parsers import PROCESS_POOL_MIN_FEEDS

    def no_processes(self, *args, **kwargs):
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(concurrent.futures.ProcessPoolExecutor, "submit", no_processes)
    paths = [f"/{i}.xml" for i in range(PROCESS_POOL_MIN_FEEDS + 1)]
    for i, path in enumerate(paths):
        server.routes[path] = Reply(200, rss([{**TIEUP, "link": f"https://n.example/{i}", "guid": f"g{i}"}]))
    config = load_config(make_config([server.url(p) for p in paths], "workers = 2"))
    report = refresh(config)
    assert {f.status for f in report.feeds} == {"ok"}
    assert report.new_stories == len(paths) and len(report.new_tieups) == len(paths)


def test_a_pool_whose_second_process_cannot_start_leaves_no_process_behind(server, make_config, monkeypatch):
    import multiprocessing
    import os

    from marketwatch.parsers import PROCESS_POOL_MIN_FEEDS

    real_fork, forks = os.fork, []

    def fork_once():
        forks.append(1)
        if len(forks) > 1:
            raise OSError(11, "Resource temporarily unavailable")
        return real_fork()

    monkeypatch.setattr(os, "fork", fork_once)
    paths = [f"/{i}.xml" for i in range(PROCESS_POOL_MIN_FEEDS + 1)]
    for i, path in enumerate(paths):
        server.routes[path] = Reply(200, rss([{**TIEUP, "link": f"https://n.example/{i}", "guid": f"g{i}"}]))
    config = load_config(make_config([server.url(p) for p in paths], "workers = 2"))
    report = refresh(config)
    assert report.new_stories == len(paths)
    assert len(forks) == 2 and multiprocessing.active_children() == []


def _parse_or_die(url, content, *args):
    """A parser process's parse that dies as the OOM killer would end it: for a document with
    KILL in it, always; with KILL-ONCE, only the first time (a marker file says it happened)."""
    import os
    from pathlib import Path

    once = Path(os.environ["MW_TEST_KILLED"])
    if b"KILL-ONCE" in content and not once.exists():
        once.touch()
        os._exit(9)
    if b"KILL-ALWAYS" in content:
        os._exit(9)
    if b"SLOW" in content:  # still waiting in the pool when a killer's process dies
        time.sleep(0.3)
    return parse_and_match(url, content, *args)  # the real one: the module's is this, patched


def _late(reply, seconds=1.0):
    import time

    def answer(handler):
        time.sleep(seconds)
        return reply
    return answer


def test_a_parser_process_that_dies_costs_no_other_feed(server, make_config, monkeypatch, tmp_path):
    """One dead parser breaks its whole pool: the pool is replaced and the feeds it held parsed
    again, so a refresh does not fail every feed still to parse with BrokenProcessPool."""
    import marketwatch.parsers as parsers_module

    monkeypatch.setenv("MW_TEST_KILLED", str(tmp_path / "killed"))
    monkeypatch.setattr(parsers_module, "parse_and_match", _parse_or_die)
    server.routes["/once.xml"] = Reply(200, rss([{**TIEUP, "description": "KILL-ONCE"}]))
    for i in range(3):
        server.routes[f"/{i}.xml"] = Reply(200, rss([{**TIEUP, "link": f"https://n.example/{i}", "guid": f"g{i}"}]))
    config = load_config(make_config([server.url(p) for p in ("/once.xml", "/0.xml", "/1.xml", "/2.xml")],
                                     "workers = 2"))
    report = refresh(config)
    assert (tmp_path / "killed").exists()  # a parser did die
    assert [f.status for f in report.feeds] == ["ok"] * 4 and report.new_stories == 4


def test_a_document_that_kills_its_parser_every_time_fails_alone(server, make_config, monkeypatch, tmp_path):
    import marketwatch.parsers as parsers_module

    monkeypatch.setenv("MW_TEST_KILLED", str(tmp_path / "killed"))
    monkeypatch.setattr(parsers_module, "parse_and_match", _parse_or_die)
    server.routes["/killer.xml"] = Reply(200, rss([{**TIEUP, "description": "KILL-ALWAYS"}]))
    server.routes["/late.xml"] = _late(Reply(200, rss([TIEUP])))  # parsed after both deaths
    config = load_config(make_config([server.url("/killer.xml"), server.url("/late.xml")], "workers = 2"))
    report = refresh(config)
    assert [(f.status, f.error) for f in report.feeds] == [
        ("error", "parser failed: its process died (out of memory?)"), ("ok", None)]
    assert report.new_stories == 1


def test_feeds_waiting_beside_a_killer_document_are_not_failed_with_it(server, make_config, monkeypatch,
                                                                        tmp_path):
    """Every parse waiting in a pool fails when one of its processes dies. Parsed again together,
    the killer took the others waiting beside it down a second time, and they failed with it."""
    import multiprocessing

    import marketwatch.parsers as parsers_module

    monkeypatch.setenv("MW_TEST_KILLED", str(tmp_path / "killed"))
    monkeypatch.setattr(parsers_module, "parse_and_match", _parse_or_die)
    server.routes["/killer.xml"] = Reply(200, rss([{**TIEUP, "description": "KILL-ALWAYS"}]))
    paths = [f"/{i}.xml" for i in range(8)]
    for i, path in enumerate(paths):
        server.routes[path] = Reply(200, rss([{**TIEUP, "link": f"https://n.example/{i}", "guid": f"g{i}",
                                               "description": "SLOW"}]))
    config = load_config(make_config([server.url(p) for p in ("/killer.xml", *paths)], "workers = 2"))
    report = refresh(config)
    assert [f.status for f in report.feeds] == ["error"] + ["ok"] * len(paths)
    assert report.new_stories == len(paths)
    assert multiprocessing.active_children() == []


# A refresh whose parse of a document with KILL-MID-WRITE in it dies (SIGKILL) halfway through
# sending its result back to the refresh; run in a process of its own, which the test can end.
_KILLED_MID_WRITE = """
import json, os, signal, sys
from multiprocessing import connection
import marketwatch.parsers as parsers_module
import marketwatch.refresh as refresh_module
from marketwatch.config import load_config

real = parsers_module.parse_and_match

def parse_then_die_sending(url, content, *args):
    if b"KILL-MID-WRITE" in content:
        send = connection.Connection._send

        def half(self, buf):
            send(self, bytes(buf[: len(buf) // 2]))
            os.kill(os.getpid(), signal.SIGKILL)

        connection.Connection._send = half
    return real(url, content, *args)

parsers_module.parse_and_match = parse_then_die_sending
print(json.dumps(refresh_module.refresh(load_config(sys.argv[1])).as_json()))
"""


def test_a_parser_killed_while_it_sends_its_result_does_not_hang_the_refresh(server, make_config):
    """SIGKILL (the OOM killer) landing while a parser process sends its result back: the pool's
    thread waited for the rest of the result for ever, and the refresh with it. The pool is
    broken instead; its documents are parsed again alone, and the killer fails alone."""
    import subprocess
    import sys

    server.routes["/killer.xml"] = Reply(200, rss([{**TIEUP, "description": "KILL-MID-WRITE"}]))
    paths = [f"/{i}.xml" for i in range(3)]
    for i, path in enumerate(paths):
        server.routes[path] = Reply(200, rss([{**TIEUP, "link": f"https://n.example/{i}", "guid": f"g{i}"}]))
    config = make_config([server.url(p) for p in ("/killer.xml", *paths)], "workers = 2")
    done = subprocess.run([sys.executable, "-c", _KILLED_MID_WRITE, str(config)], capture_output=True, text=True,
                          timeout=20)
    assert done.returncode == 0 and done.stderr == ""
    report = json.loads(done.stdout)
    assert [(f["status"], f["error"]) for f in report["feeds"]] == [
        ("error", "parser failed: its process died (out of memory?)")] + [("ok", None)] * len(paths)
    assert report["new_stories"] == len(paths)


def _guarded_idle(owner, ready):
    from marketwatch.parsers import _end_on_sigterm_from

    _end_on_sigterm_from(owner)
    ready.set()
    time.sleep(60)


def test_a_parser_ends_on_sigterm_from_its_refresh_and_no_one_else():
    """The pool's clean-up (its owner's terminate()) ends a parser; systemd's or pkill's SIGTERM,
    sent to the refresh too, waits for the refresh to let the parser go."""
    import multiprocessing
    import os
    import signal
    import subprocess

    context = multiprocessing.get_context("fork")
    ready = context.Event()
    parser = context.Process(target=_guarded_idle, args=(os.getpid(), ready))
    parser.start()
    try:
        assert ready.wait(30)
        subprocess.run(["kill", "-TERM", str(parser.pid)], check=True)  # from another process
        parser.join(0.5)
        assert parser.is_alive()
        parser.terminate()  # from its owner, this process
        parser.join(30)
        assert parser.exitcode == 128 + signal.SIGTERM
    finally:
        if parser.is_alive():
            parser.kill()


def test_without_sigwaitinfo_a_parser_ends_on_sigterm_as_any_process_does(monkeypatch, capfd):
    """macOS has no sigwaitinfo: there a parser cannot tell who sent SIGTERM, and must not block
    it with no one to wait for it (the pool's terminate() could not end it, and a thread's
    traceback reached cron's mail), nor keep the handler of its refresh, which forked it."""
    import multiprocessing
    import os
    import signal

    monkeypatch.delattr(signal, "sigwaitinfo")
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    parser = context.Process(target=_guarded_idle, args=(os.getpid(), ready))
    previous = signal.signal(signal.SIGTERM, lambda *_: None)  # the refresh's, inherited by the fork
    try:
        parser.start()
        assert ready.wait(30)
        parser.terminate()
        parser.join(10)
    finally:
        signal.signal(signal.SIGTERM, previous)
        if parser.is_alive():
            parser.kill()
    assert parser.exitcode == -signal.SIGTERM
    assert "Traceback" not in capfd.readouterr().err


def test_feeds_that_keep_failing_do_not_start_parser_processes_on_every_run(server, make_config):
    """Only feeds never fetched (a first run, a new OPML list) start the parsers early: a list of
    dead feeds must not cost every later refresh two processes that load the parser."""
    import subprocess
    import sys

    from marketwatch.parsers import PROCESS_POOL_MIN_FEEDS

    config = make_config([server.url(f"/dead-{i}.xml") for i in range(PROCESS_POOL_MIN_FEEDS + 2)], "workers = 2")
    probe = ("import atexit, sys\n"
             "atexit.register(lambda: print('pool' if 'concurrent.futures.process' in sys.modules else 'none'))\n"
             f"sys.argv = ['marketwatch', 'refresh', '--config', {str(config)!r}]\n"
             "from marketwatch.cli import main\nmain()\n")
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60) for _ in range(2)]
    assert [r.returncode for r in runs] == [1, 1]  # every feed is a 404
    assert [r.stdout.split()[-1] for r in runs] == ["pool", "none"]


def test_a_story_the_matcher_fails_on_is_stored_unmatched_and_its_feed_stays_ok(server, make_config, monkeypatch):
    """A KeyError in one rule for one headline failed the whole feed ("parser failed: KeyError"),
    and every story of it was lost at every refresh until the headline left the feed."""
    from marketwatch.match import Matcher

    real = Matcher.match

    def broken(self, title, summary="", year=None):
        if "Afeela" in title:
            raise KeyError("Sony Honda Mobility")
        return real(self, title, summary, year)

    monkeypatch.setattr(Matcher, "match", broken)
    server.routes["/f.xml"] = Reply(200, rss([
        {**TIEUP, "link": "https://n.example/1", "guid": "g1"},
        {"title": "Afeela 1 priced from $89,900", "link": "https://n.example/2", "guid": "g2"}]))
    report = refresh(load_config(make_config([server.url("/f.xml")], "workers = 0")))
    assert [f.status for f in report.feeds] == ["ok"]
    assert report.new_stories == 2 and len(report.new_tieups) == 1
