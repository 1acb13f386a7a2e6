"""Faults of the process and the machine: killed refreshes, concurrent runs, read-only and full
disks, missing and damaged databases, broken configs, file permissions.

Each runs the real `marketwatch` command in a process of its own. Read-only and full disks are
real: a small tmpfs mounted in a private mount namespace (`unshare`), remounted read-only or
filled up; those tests skip where namespaces are not available.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import ROOT, Reply, rss, write_config
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marketwatch import dates
from marketwatch.config import ConfigError, parse_config
from marketwatch.match import Matcher
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
        # rank 1: the index must also hold exactly the stored titles and summaries, not only be sound
        conn.execute("INSERT INTO stories_fts(stories_fts, rank) VALUES ('integrity-check', 1)")
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
    """Processes whose environment carries `marker`: the refresh and the parsers it started
    (found through /proc, so only on Linux)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc") if os.path.isdir("/proc") else ()):
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
        assert err == ""  # not even "waiting for it": cron mails what a job prints (a terminal or -v sees it)
    check_sound(db)
    links, _ = stored(db)
    assert links == set().union(*(links_of(2, f) for f in range(FEEDS)))
    assert seen[-1] == len(list_stories(sqlite3.connect(db), StoryFilter(limit=1000))) > 0


def test_first_runs_at_once_create_the_database_once(server, tmp_path):
    """Several commands opening a database that does not exist yet, all at the same moment: the
    refreshes create it (one at a time), the reading commands either find it or say it is not
    there yet (they create none)."""
    serve_round(server, 0)
    config = write_config(tmp_path, [server.url("/f0.xml")])
    commands = ("refresh", "stories", "refresh", "feeds", "refresh")
    procs = [subprocess.Popen([sys.executable, "-m", "marketwatch", command, "--config", str(config)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for command in commands]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    not_yet = f"marketwatch: {tmp_path / 'mw.db'}: no database yet; run `marketwatch refresh` first\n"
    empty = "No stories yet. Run `marketwatch refresh` to fetch feeds.\n"  # found before the first story
    for command, proc, err in zip(commands, procs, errors, strict=True):
        assert (proc.returncode, err) in ([(0, "")] if command == "refresh"
                                          else [(0, ""), (0, empty), (3, not_yet)]), (command, err)
    check_sound(tmp_path / "mw.db")


# -- read-only and full disks: a tmpfs in a private mount namespace ---------------------------


def _unshare() -> list[str] | None:
    """A command prefix that runs in a new mount namespace where we may mount, or None."""
    if not shutil.which("unshare") or not shutil.which("mount"):
        return None
    for prefix in (["unshare", "--mount", "--map-root-user"], ["unshare", "--mount"]):
        try:
            probe = subprocess.run([*prefix, "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                                   capture_output=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0:
            return prefix
    return None


UNSHARE = _unshare() if sys.platform.startswith("linux") else None
needs_namespaces = pytest.mark.skipif(UNSHARE is None, reason="cannot mount a tmpfs in a mount namespace here")


class Session:
    """A shell script run in its own mount namespace; each `run` step's exit status, stdout and
    stderr are written to files outside the namespace's mounts and read back by `results()`."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.lines = ["set -u"]
        out.mkdir()

    def sh(self, line: str) -> None:
        self.lines.append(f"{line} || exit 99")

    def run(self, name: str, *args: str) -> None:
        quoted = " ".join(f"'{a}'" for a in args)
        self.lines.append(f"'{sys.executable}' -m marketwatch {quoted} >'{self.out}/{name}.out' "
                          f"2>'{self.out}/{name}.err'; echo $? >'{self.out}/{name}.code'")

    def check(self, name: str, db: Path) -> None:
        """integrity_check, the number of stories, the number of distinct links."""
        code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                "print(c.execute('pragma integrity_check').fetchone()[0], "
                "*c.execute('select count(*), count(distinct url) from stories').fetchone())")
        self.sh(f"'{sys.executable}' -c \"{code}\" '{db}' >'{self.out}/{name}.check'")

    def execute(self) -> None:
        done = subprocess.run([*UNSHARE, "sh", "-c", "\n".join(self.lines)], capture_output=True, text=True,
                              timeout=300, cwd=ROOT)
        assert done.returncode == 0, done.stderr

    def result(self, name: str) -> tuple[int, str, str]:
        return (int((self.out / f"{name}.code").read_text()), (self.out / f"{name}.out").read_text(),
                (self.out / f"{name}.err").read_text())

    def checked(self, name: str) -> tuple[str, int, int]:
        status, stories, links = (self.out / f"{name}.check").read_text().split()
        return status, int(stories), int(links)


def built_database(server, tmp_path: Path) -> tuple[Path, Path]:
    """A config over FEEDS feeds and a database that holds round 0 of them."""
    serve_round(server, 0)
    config = write_config(tmp_path, [server.url(f"/f{i}.xml") for i in range(FEEDS)])
    done = marketwatch("refresh", "--config", str(config))
    assert done.returncode == 0, done.stderr
    return config, tmp_path / "mw.db"


def stories_in(round_: int) -> int:
    return len(set().union(*(links_of(round_, f) for f in range(FEEDS))))


@needs_namespaces
def test_a_database_on_a_read_only_disk(server, tmp_path):
    config, db = built_database(server, tmp_path)
    serve_round(server, 1)
    disk = tmp_path / "disk"
    disk.mkdir()
    ro_db = disk / "mw.db"
    s = Session(tmp_path / "out")
    s.sh(f"mount -t tmpfs -o size=16m tmpfs '{disk}'")
    s.sh(f"cp '{db}' '{ro_db}'")
    s.sh(f"mount -o remount,ro '{disk}'")
    s.sh(f"sha256sum '{ro_db}' >'{s.out}/before.sha'")
    s.run("refresh", "refresh", "--config", str(config), "--db", str(ro_db))
    s.run("stories", "stories", "--config", str(config), "--db", str(ro_db), "--json", "--kind", "all")
    s.run("new", "refresh", "--config", str(config), "--db", str(disk / "new" / "mw.db"))
    s.sh(f"sha256sum '{ro_db}' >'{s.out}/after.sha'")
    s.execute()

    code, out, err = s.result("refresh")
    assert code == 3 and out == ""
    assert one_clean_line(err) == f"marketwatch: {ro_db}: cannot open the database: its folder or disk is read-only"
    code, out, err = s.result("new")
    assert code == 3 and "cannot create the database: Read-only file system" in one_clean_line(err)
    assert (s.out / "before.sha").read_text() == (s.out / "after.sha").read_text()
    code, out, err = s.result("stories")
    if code == 0:  # reading still works
        assert len(json.loads(out)) == stories_in(0)
    else:
        assert code == 3 and "read-only" in one_clean_line(err)


@needs_namespaces
def test_a_full_disk_loses_nothing_and_the_next_refresh_completes(server, tmp_path):
    config, db = built_database(server, tmp_path)
    serve_round(server, 2)  # three times as many stories: they cannot fit
    disk = tmp_path / "disk"
    disk.mkdir()
    full_db = disk / "mw.db"
    s = Session(tmp_path / "out")
    # Room for the database and its write-ahead log once freed (16 KiB pages, checkpoints at 4 MB).
    s.sh(f"mount -t tmpfs -o size=8m tmpfs '{disk}'")
    s.sh(f"cp '{db}' '{full_db}'")
    s.lines.append(f"dd if=/dev/zero of='{disk}/filler' bs=4096 2>/dev/null")  # fails when the disk is full
    s.run("full", "refresh", "--config", str(config), "--db", str(full_db))
    s.sh(f"truncate -s -64K '{disk}/filler'")  # room for a few feeds, not for all
    s.run("nearly", "refresh", "--config", str(config), "--db", str(full_db))
    s.sh(f"rm '{disk}/filler'")
    s.check("after_full", full_db)
    s.run("freed", "refresh", "--config", str(config), "--db", str(full_db))
    s.check("after_freed", full_db)
    s.execute()

    for step in ("full", "nearly"):
        code, out, err = s.result(step)
        assert code == 3 and out == ""
        assert one_clean_line(err) == f"marketwatch: {full_db}: cannot write the database: the disk is full or failing"
    status, stories, links = s.checked("after_full")
    assert status == "ok" and stories == links and stories >= stories_in(0)
    assert s.result("freed") == (0, "", "")
    assert s.checked("after_freed") == ("ok", stories_in(2), stories_in(2))


# -- missing and damaged databases ------------------------------------------------------------


def test_a_missing_database_is_created_owner_only_and_read_commands_create_none(server, tmp_path):
    serve_round(server, 0)
    db = tmp_path / "not" / "yet" / "mw.db"
    config = write_config(tmp_path, [server.url("/f0.xml")])
    stories = marketwatch("stories", "--config", str(config), "--db", str(db), "--json")
    assert (stories.returncode, stories.stdout) == (2, "") and "no database at" in one_clean_line(stories.stderr)
    assert not (tmp_path / "not").exists()
    old_umask = os.umask(0)  # the modes below must not depend on the umask
    try:
        done = marketwatch("refresh", "--config", str(config), "--db", str(db))
        assert done.returncode == 0, done.stderr
        with Store(db):  # while a connection is open, its -wal and -shm files exist
            files = [db, db.with_name("mw.db-wal"), db.with_name("mw.db-shm"), db.with_name("mw.db.lock")]
            assert {f.name: stat.S_IMODE(f.stat().st_mode) for f in files} == {f.name: 0o600 for f in files}
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    check_sound(db)


def test_a_database_path_that_cannot_be_a_file_is_one_line(tmp_path):
    config = write_config(tmp_path, [])
    (tmp_path / "blocker").write_text("a file where a folder should be")
    db = tmp_path / "blocker" / "mw.db"
    for command in ("refresh", "stories", "feeds"):
        done = marketwatch(command, "--config", str(config), "--db", str(db))
        assert done.returncode == (3 if command == "refresh" else 2)  # reading commands create none
        assert one_clean_line(done.stderr) == (
            f"marketwatch: {db}: cannot create the database: a file is where a folder should be" if command == "refresh"
            else f"marketwatch: no database at {db}: `marketwatch refresh --config {config} --db {db}` creates one")


def _damaged(good: bytes) -> dict[str, bytes]:
    junk = bytes(range(256)) * 64
    return {
        "not sqlite at all": b"this is not sqlite" * 100,
        "damaged header": b"\xff" * 100 + good[100:],
        "cut in half": good[: len(good) // 2],
        "junk over middle pages": good[:8192] + junk + good[8192 + len(junk):],
        # Half the file, not its last pages alone: which tables those hold depends on the order
        # they grew in (schema 8's story_deals took the last ones, which `stories` never reads).
        "zeroed tail": good[: len(good) // 2] + b"\0" * (len(good) - len(good) // 2),
    }


@pytest.fixture(scope="module")
def good_database(tmp_path_factory) -> Iterator[tuple[Path, bytes]]:
    """A config over FEEDS feeds and the bytes of a database holding their round 0; while the
    tests use it the feeds serve round 1, so that a refresh has stories to write."""
    from conftest import FeedServer

    folder = tmp_path_factory.mktemp("damaged")
    srv = FeedServer()
    try:
        serve_round(srv, 0)
        config = write_config(folder, [srv.url(f"/f{i}.xml") for i in range(FEEDS)])
        done = marketwatch("refresh", "--config", str(config))
        assert done.returncode == 0, done.stderr
        serve_round(srv, 1)
        yield config, (folder / "mw.db").read_bytes()
    finally:
        srv.close()


@pytest.mark.parametrize("damage", ["not sqlite at all", "damaged header", "cut in half", "junk over middle pages",
                                    "zeroed tail"])
@pytest.mark.parametrize("command", [("refresh",), ("stories", "--json"), ("export", "--format", "json")])
def test_a_damaged_database_is_one_line_exit_3_and_never_replaced(good_database, tmp_path, run_cli, damage,
                                                                   command):
    config, good = good_database
    data = _damaged(good)[damage]
    db = tmp_path / "mw.db"
    db.write_bytes(data)
    inode = db.stat().st_ino
    code, out, err = run_cli(*command, "--config", str(config), "--db", str(db))
    assert code == 3 and out == ""
    assert "the database is damaged or is not a marketwatch database" in one_clean_line(err)
    assert db.stat().st_ino == inode and db.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("mw.db")) in (
        ["mw.db"], ["mw.db", "mw.db.lock"])


def _index_damaged(db: Path, damage: str = "DELETE FROM stories_fts_data WHERE id > 10") -> None:
    """The search index loses its segments (a crashed tool, a lost page): the stories are intact."""
    conn = sqlite3.connect(db)
    conn.execute("UPDATE stories SET starred = 1 WHERE rowid = 1")
    conn.execute(damage)
    conn.commit()
    conn.close()


@pytest.mark.parametrize("command", [("stories", "--json", "--limit", "1000"), ("export", "--format", "json"),
                                     ("digest", "--all")])
def test_a_damaged_search_index_is_rebuilt_by_a_search_and_nothing_is_lost(good_database, tmp_path, run_cli,
                                                                             command):
    config, good = good_database
    db = tmp_path / "mw.db"
    db.write_bytes(good)
    _index_damaged(db)
    code, out, err = run_cli(*command, "--search", "Baidu", "--config", str(config), "--db", str(db))
    assert code == 0, err
    assert one_clean_line(err) == (f"marketwatch: warning: {db}: the search index was damaged; rebuilt it from the "
                                   f"{stories_in(0)} stored stories (nothing was lost)")
    assert "Toyota and Baidu sign MoU number 20" in out and "Ford partners with Didi" not in out
    code, again, err = run_cli(*command, "--search", "Baidu", "--config", str(config), "--db", str(db))
    assert (code, again, err) == (0, out, "")
    check_sound(db)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), sum(starred) FROM stories").fetchone() == (stories_in(0), 1)
    conn.execute("INSERT INTO stories_fts (stories_fts, rank) VALUES ('integrity-check', 1)")
    conn.close()


def test_a_repair_is_said_before_the_error_of_a_command_that_then_fails(good_database, tmp_path):
    """A search mends the index, then cannot write its answer (a full disk): both are said, the
    repair first, as it happened, and the repair stays done."""
    config, good = good_database
    db = tmp_path / "mw.db"
    db.write_bytes(good)
    _index_damaged(db)
    run = marketwatch("export", "--format", "json", "--search", "Baidu", "-o", "/dev/full", "--config",
                      str(config), "--db", str(db))
    lines = run.stderr.splitlines()
    assert run.returncode == 3 and len(lines) == 2 and "Traceback" not in run.stderr, run.stderr
    assert lines[0] == (f"marketwatch: warning: {db}: the search index was damaged; rebuilt it from the "
                        f"{stories_in(0)} stored stories (nothing was lost)")
    assert lines[1].startswith("marketwatch: ") and "No space left on device" in lines[1]
    assert marketwatch("stories", "--search", "Baidu", "--config", str(config), "--db", str(db)).stderr == ""


def test_a_refresh_on_a_damaged_search_index_rebuilds_it_and_stores_every_story(good_database, tmp_path, run_cli):
    """The index's structure record lost: the refresh's first write meets the damage whatever its
    batches (lost segments are met only by a search or by the merges that some writes do)."""
    config, good = good_database
    db = tmp_path / "mw.db"
    db.write_bytes(good)
    _index_damaged(db, "DELETE FROM stories_fts_data WHERE id = 10")
    code, out, err = run_cli("refresh", "--json", "--config", str(config), "--db", str(db))
    assert code == 0, err
    assert re.fullmatch(rf"marketwatch: warning: {re.escape(str(db))}: the search index was damaged; rebuilt it "
                        r"from the [\d,]+ stored stories \(nothing was lost\)", one_clean_line(err))
    assert json.loads(out)["repairs"] == [one_clean_line(err).removeprefix("marketwatch: warning: ")]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), sum(starred) FROM stories").fetchone() == (stories_in(1), 1)
    conn.execute("INSERT INTO stories_fts (stories_fts, rank) VALUES ('integrity-check', 1)")
    conn.close()


# -- configs that are not TOML or break the schema --------------------------------------------

BROKEN_CONFIGS = {
    "not TOML": "[settings\ndb = ",
    "not UTF-8": b"[settings]\ndb = \"caf\xe9.db\"\n",
    "a key twice": "[settings]\ntimeout = 1\ntimeout = 2\n",
    "nested a thousand deep": "x = " + "[" * 1000 + "]" * 1000 + "\n",
    "tables nested a thousand deep": "x = " + "{a = " * 1000 + "1" + "}" * 1000 + "\n",
    "settings not a table": "settings = 3\n",
    "unknown top-level key": 'colour = "red"\n',
    "timeout a string": '[settings]\ntimeout = "fast"\n',
    "timeout NaN": "[settings]\ntimeout = nan\n",
    "timeout infinite": "[settings]\ntimeout = inf\n",
    "concurrency negative": "[settings]\nconcurrency = -4\n",
    "max_bytes zero": "[settings]\nmax_bytes = 0\n",
    "retention beyond any date": "[settings]\nretention_days = 1000000000000\n",
    "a hundred thousand workers": "[settings]\nworkers = 100000\n",
    "workers a boolean": "[settings]\nworkers = true\n",
    "languages a number": "[settings]\nlanguages = 5\n",
    "user agent with a newline": '[settings]\nuser_agent = "a\\nb"\n',
    "feeds a table": '[feeds]\nurl = "https://example.com/feed"\n',
    "feed without url": '[[feeds]]\nname = "nameless"\n',
    "feed url a number": "[[feeds]]\nurl = 5\n",
    "feed url not http": '[[feeds]]\nurl = "javascript:alert(1)"\n',
    "feed url with a control character": '[[feeds]]\nurl = "https://example.com/\\u001b[31m"\n',
    "feed listed twice": '[[feeds]]\nurl = "https://a.example.com/"\n[[feeds]]\nurl = "https://a.example.com/"\n',
    "company kind wrong": '[companies.X]\nkind = "boat"\n',
    "aliases numbers": '[companies.X]\nkind = "oem"\naliases = [1, 2]\n',
    "alliance of strangers": '[alliances.A]\nmembers = ["Nobody"]\n',
    "watchlist of strangers": '[watchlists.W]\ncompanies = ["Ghost"]\n',
}
COMMANDS = [("refresh",), ("stories",), ("feeds",), ("check-config",), ("dashboard",), ("export",), ("digest",),
            ("rematch",)]


@pytest.mark.parametrize("broken", list(BROKEN_CONFIGS))
def test_a_broken_config_is_one_line_and_exit_2_for_every_command(tmp_path, run_cli, broken):
    text = BROKEN_CONFIGS[broken]
    config = tmp_path / "config.toml"
    config.write_bytes(text if isinstance(text, bytes) else text.encode())
    for command in COMMANDS:
        code, out, err = run_cli(*command, "--config", str(config), "--db", str(tmp_path / "mw.db"))
        assert code == 2 and out == "", (command, err)
        assert one_clean_line(err).startswith(f"marketwatch: {config}: ")
    assert not (tmp_path / "mw.db").exists()  # nothing was done with a config that is not understood


def test_a_broken_config_is_one_line_on_the_real_stderr(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(BROKEN_CONFIGS["nested a thousand deep"])
    done = marketwatch("refresh", "--config", str(config))
    assert done.returncode == 2 and done.stdout == ""
    assert one_clean_line(done.stderr) == f"marketwatch: {config}: not valid TOML: arrays or tables nested too deeply"


_toml_values = st.recursive(
    st.none().map(lambda _: "") | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
    | st.datetimes(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)
_settings_tables = st.dictionaries(st.sampled_from(["db", "timeout", "concurrency", "per_host", "max_bytes",
                                                    "max_redirects", "retention_days", "languages",
                                                    "user_agent", "workers", "colour"]), _toml_values, max_size=4)
_named_tables = st.dictionaries(
    st.text(min_size=1, max_size=8),
    st.dictionaries(st.sampled_from(["kind", "aliases", "exclude", "ambiguous", "context", "parents", "members",
                                     "companies", "ignore_case", "other"]),
                    _toml_values | st.sampled_from(["oem", "tech"]) | st.lists(st.text(max_size=5), max_size=3),
                    max_size=4) | _toml_values,
    max_size=3,
)
_documents = st.fixed_dictionaries({}, optional={
    "settings": _settings_tables | _toml_values,
    "feeds": st.lists(st.dictionaries(st.sampled_from(["url", "name", "x"]),
                                      _toml_values | st.sampled_from(["https://e.example.com/f", "file:///tmp/f"])),
                      max_size=3) | _toml_values,
    "companies": _named_tables, "alliances": _named_tables, "watchlists": _named_tables, "other": _toml_values,
})


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(_documents)
def test_any_toml_document_is_a_config_or_one_config_error(tmp_path_factory, document):
    """Whatever a config file holds, loading it gives a config that a refresh can run with, or
    one line naming the key: never another exception."""
    path = tmp_path_factory.getbasetemp() / "config.toml"
    try:
        config = parse_config(document, path)
    except ConfigError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(f"{path}: ")
        return
    assert 0 < config.settings.timeout <= 3600 and config.settings.max_bytes >= 1
    dates.utcnow() - timedelta(days=config.settings.retention_days)  # within what dates can count
    Matcher(config).match("Ford and Baidu sign MoU")
