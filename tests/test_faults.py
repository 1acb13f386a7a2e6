"""Faults of the process and the machine: killed refreshes, concurrent runs, read-only and full
disks, missing and damaged databases, broken configs, file permissions.

Each runs the real `marketwatch` command in a process of its own. Read-only and full disks are
real: a small tmpfs mounted in a private mount namespace (`unshare`), remounted read-only or
filled up; those tests skip where namespaces are not available.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

from conftest import ROOT, Reply, rss, write_config

from marketwatch.queries import StoryFilter, feed_health, list_stories
from marketwatch.store import SCHEMA_VERSION, Store

FEEDS = 10  # enough for the refresh to parse in worker processes, as a real one does
ROUNDS = 5


def marketwatch(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "marketwatch", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, env=env, **kwargs)


def one_clean_line(stderr: str) -> str:
    """The error a user reads: exactly one line, `marketwatch: ...`, no traceback."""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("marketwatch: "), stderr
    assert "Traceback" not in stderr
    return lines[0]


def items(feed: int, round_: int) -> list[dict]:
    """Feed `feed` in round `round_`: it grows every round, so every refresh has writing to do;
    one story in ten is carried by every feed (the same link), as wire stories are."""
    out = []
    for j in range(25 * (round_ + 1)):
        if j % 10 == 0:
            out.append({"title": f"Toyota and Baidu sign MoU number {j}", "link": f"https://wire.example.com/{j}",
                        "description": "Toyota and Baidu will work together."})
        else:
            out.append({"title": f"Ford partners with Didi on story {feed}-{j}",
                        "link": f"https://news.example.com/{feed}/{j}", "guid": f"{feed}-{j}"})
    return out


def body(feed: int, round_: int) -> bytes:
    return rss(items(feed, round_), f"Feed {feed}")


def content_hash(feed: int, round_: int) -> str:
    """What a refresh records as the feed's content hash once it has stored this body."""
    return hashlib.blake2b(body(feed, round_), digest_size=16).hexdigest()


def serve_round(server, round_: int) -> None:
    for feed in range(FEEDS):
        server.routes[f"/f{feed}.xml"] = Reply(200, body(feed, round_), {"Content-Type": "application/rss+xml"})


def links_of(round_: int, feed: int) -> set[str]:
    return {item["link"] for item in items(feed, round_)}


def check_sound(db: Path) -> None:
    """Sound, and the schema there whole (killed before its migration committed, there is none)."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            assert tables == 0
            return
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO stories_fts(stories_fts) VALUES ('integrity-check')")
        assert conn.execute("SELECT count(*) - count(DISTINCT url) FROM stories").fetchone()[0] == 0
    finally:
        conn.close()


def stored(db: Path) -> tuple[set[str], dict[str, tuple[str | None, set[str]]]]:
    """Every stored link, and per feed url: (its recorded content hash, the links it carries)."""
    conn = sqlite3.connect(db)
    try:
        if not conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            return set(), {}
        links = {r[0] for r in conn.execute("SELECT url FROM stories")}
        feeds = {}
        for fid, url, content_hash in conn.execute("SELECT id, url, content_hash FROM feeds"):
            carried = {r[0] for r in conn.execute(
                "SELECT s.url FROM stories s JOIN story_feeds sf ON sf.story_id = s.id WHERE sf.feed_id = ?", (fid,))}
            feeds[url] = (content_hash, carried)
        return links, feeds
    finally:
        conn.close()


def marked_processes(marker: str) -> list[int]:
    """Processes whose environment carries `marker`: the refresh and the parsers it started."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if marker.encode() in Path(f"/proc/{pid}/environ").read_bytes():
                found.append(int(pid))
        except OSError:
            pass
    return found


def kill_at_random(args: list[str], env: dict, db: Path, rng: random.Random, first: bool) -> bool:
    """Start a refresh and SIGKILL it: in the first round as soon as the database file exists
    (creation and migration), later after a random number of feeds are done plus up to 50 ms
    (so in the middle of parsing, matching and writing). True if it was killed before it ended."""
    proc = subprocess.Popen([sys.executable, "-m", "marketwatch", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        if first:
            while not db.exists() and proc.poll() is None:
                time.sleep(0.001)
        else:
            for _ in range(rng.randrange(FEEDS)):
                if not proc.stdout.readline():
                    break
            time.sleep(rng.uniform(0, 0.05))
        proc.send_signal(signal.SIGKILL)
        return proc.wait(timeout=60) == -signal.SIGKILL
    finally:
        proc.stdout.close()


def test_a_refresh_killed_at_any_moment_loses_nothing(server, tmp_path):
    marker = uuid.uuid4().hex
    env = dict(os.environ, PYTHONUNBUFFERED="1", MW_FAULT_TEST=marker)
    config = write_config(tmp_path, [server.url(f"/f{i}.xml") for i in range(FEEDS)])
    db = tmp_path / "mw.db"
    args = ["refresh", "-v", "--config", str(config)]
    rng = random.Random(20261201)
    before: set[str] = set()
    kills = 0
    for round_ in range(ROUNDS):
        serve_round(server, round_)
        kills += kill_at_random(args, env, db, rng, first=round_ == 0)
        for _ in range(100):  # orphaned parser processes notice their parent is gone and leave
            if not marked_processes(marker):
                break
            time.sleep(0.05)
        assert marked_processes(marker) == []
        if not db.exists():
            continue
        check_sound(db)
        links, feeds = stored(db)
        assert before <= links  # what was committed before the kill is all there
        before = links
        for feed in range(FEEDS):
            recorded, carried = feeds.get(server.url(f"/f{feed}.xml"), (None, set()))
            # A recorded content hash means the feed's entries are stored: else the next refresh
            # would skip the feed as unchanged and those entries would be lost for good.
            for earlier in range(round_ + 1):
                if recorded == content_hash(feed, earlier):
                    assert links_of(earlier, feed) <= carried
    assert kills >= ROUNDS - 1  # the kills landed while the refresh was running

    final = marketwatch("refresh", "--config", str(config), "--json", env=env)
    assert final.returncode == 0 and final.stderr == "", final.stderr
    check_sound(db)
    links, feeds = stored(db)
    for feed in range(FEEDS):
        assert feeds[server.url(f"/f{feed}.xml")] == (content_hash(feed, ROUNDS - 1), links_of(ROUNDS - 1, feed))
    assert links == set().union(*(links_of(ROUNDS - 1, f) for f in range(FEEDS)))
    conn = sqlite3.connect(db)
    counts = conn.execute("SELECT count(*) FROM feeds WHERE entries != "
                          "(SELECT count(*) FROM story_feeds WHERE feed_id = feeds.id)").fetchone()[0]
    conn.close()
    assert counts == 0


# -- concurrency ----------------------------------------------------------------------------


def test_two_refreshes_at_once_with_readers_and_a_writer_meanwhile(server, tmp_path):
    """Two cron refreshes overlap while the dashboard reads and `rematch` writes: nobody sees
    "database is locked", and the stories are all there once."""
    serve_round(server, 2)
    config = write_config(tmp_path, [server.url(f"/f{i}.xml") for i in range(FEEDS)])
    db = tmp_path / "mw.db"
    Store(db).close()
    problems: list[BaseException] = []
    seen: list[int] = []
    stop = threading.Event()

    def read_like_the_dashboard() -> None:
        try:
            with Store(db, create=False) as store:
                while not stop.is_set():
                    seen.append(len(list_stories(store.conn, StoryFilter(limit=1000))))
                    feed_health(store.conn)
                    stop.wait(0.01)
        except BaseException as exc:  # pragma: no cover - reported by the assertion below
            problems.append(exc)

    reader = threading.Thread(target=read_like_the_dashboard)
    reader.start()
    try:
        args = [sys.executable, "-m", "marketwatch", "refresh", "--config", str(config)]
        procs = [subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
        rematch = marketwatch("rematch", "--config", str(config))
        results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    finally:
        stop.set()
        reader.join()
    assert problems == []
    assert rematch.returncode == 0, rematch.stderr
    for code, out, err in results:
        assert code == 0 and out == ""
        assert err in ("", "marketwatch: another refresh is running on this database; waiting for it\n")
    check_sound(db)
    links, _ = stored(db)
    assert links == set().union(*(links_of(2, f) for f in range(FEEDS)))
    assert seen[-1] == len(list_stories(sqlite3.connect(db), StoryFilter(limit=1000))) > 0


def test_first_runs_at_once_create_the_database_once(server, tmp_path):
    """Several commands opening a database that does not exist yet, all at the same moment."""
    config = write_config(tmp_path, [server.url("/f0.xml")])
    procs = [subprocess.Popen([sys.executable, "-m", "marketwatch", command, "--config", str(config)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for command in ("feeds", "stories", "feeds", "stories", "feeds")]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * len(procs), errors
    assert all("marketwatch:" not in e for e in errors), errors
    check_sound(tmp_path / "mw.db")
