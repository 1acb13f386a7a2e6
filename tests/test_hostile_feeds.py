"""Feeds from strangers and servers that misbehave, all in one `marketwatch refresh`.

One loopback server serves a good feed next to every kind of bad one: bombs, endless and
never-answering bodies, junk, HTTP errors, resets, redirect loops, hostile text and links, odd
dates, duplicates. The refresh runs as a real process with its address space capped, so a bomb
that inflated or an entity that expanded would die with a MemoryError traceback instead of
passing; the settings cap each feed at 4 MB and 2 seconds. Then every bad feed must be one line
on stderr and a row with its error in `marketwatch feeds`, and the good stories must be stored.
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import io
import json
import re
import resource
import socket
import sqlite3
import struct
import subprocess
import sys
import threading
import time
import unicodedata
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import ROOT, FeedServer, Reply, rss, write_config

MAX_BYTES = 4_000_000
TIMEOUT_S = 2
MEMORY_CAP = 1 << 30  # address space of the refresh (and parser) processes: a third of the bomb
NOW = datetime.now(UTC)

GOOD = [
    {"title": "Toyota and Pony.ai form robotaxi joint venture in China", "guid": "g1",
     "link": "https://news.example.com/toyota-pony", "description": "Toyota will invest in the venture."},
    {"title": "Ford partners with Baidu on robotaxis", "guid": "g2", "link": "https://news.example.com/ford-baidu"},
]


def _http_date(when: datetime) -> str:
    return when.strftime("%a, %d %b %Y %H:%M:%S GMT")


# -- bodies built to hurt --------------------------------------------------------------------


def billion_laughs() -> bytes:
    """Ten levels of ten: "&lol9;" is a billion "lol"s if a parser expands it."""
    lines = ['<?xml version="1.0"?>', '<!DOCTYPE rss [', '<!ENTITY lol "lol">']
    for level in range(1, 10):
        lines.append(f'<!ENTITY lol{level} "' + f"&lol{level - 1 if level > 1 else ''};" * 10 + '">')
    lines.append("]>")
    lines.append('<rss version="2.0"><channel><title>Laughs &lol9;</title>'
                 "<item><title>Boom &lol9;</title><link>https://bomb.example.com/1</link>"
                 "<description>&lol9;&lol9;&lol9;</description></item></channel></rss>")
    return "\n".join(lines).encode()


def quadratic_blowup() -> bytes:
    """One 100 KB entity used 20,000 times: 2 GB if expanded, from a 180 KB document."""
    return ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "' + "A" * 100_000 + '">]>'
            '<rss version="2.0"><channel><title>Quadratic</title><item><title>Blowup</title>'
            "<link>https://bomb.example.com/2</link><description>" + "&a;" * 20_000
            + "</description></item></channel></rss>").encode()


def gzip_bomb(gigabytes: int) -> bytes:
    """A gzip body of about `gigabytes` MB that inflates to `gigabytes` GB of zeros.

    After a full flush a deflate stream starts afresh, so one compressed megabyte of zeros can
    be repeated; the stream is never finished (a reader that gets that far has lost anyway)."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = deflate.compress(b"\0" * 1_000_000) + deflate.flush(zlib.Z_FULL_FLUSH)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    return header + block * (gigabytes * 1000)


class Behaviours:
    """Routes that write their own response: endless, trickling, silent, resetting."""

    def __init__(self) -> None:
        self.stop = threading.Event()

    def endless(self, handler):
        """A never-ending body with no length: the size cap must stop it."""
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.close_connection = True
        self._pour(handler, lambda chunk: chunk)

    def endless_chunked(self, handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        handler.close_connection = True
        self._pour(handler, lambda chunk: b"%x\r\n%s\r\n" % (len(chunk), chunk))

    def huge_declared(self, handler):
        """A multi-gigabyte Content-Length, then as much of it as the client takes."""
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.send_header("Content-Length", str(6 * 10**9))
        handler.end_headers()
        handler.close_connection = True
        self._pour(handler, lambda chunk: chunk)

    def trickle(self, handler):
        """A byte at a time, forever: only the per-feed deadline stops it."""
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.end_headers()
        handler.close_connection = True
        try:
            while not self.stop.wait(0.05):
                handler.wfile.write(b" ")
        except OSError:
            pass

    def silent(self, handler):
        """Accepts, reads the request, never answers."""
        handler.close_connection = True
        self.stop.wait(60)

    def reset_at_once(self, handler):
        handler.close_connection = True
        _reset(handler.connection)

    def reset_mid_body(self, handler):
        body = rss(GOOD)
        handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                            b"Content-Length: %d\r\n\r\n%s" % (len(body), body[: len(body) // 2]))
        handler.close_connection = True
        time.sleep(0.05)
        _reset(handler.connection)

    def not_http(self, handler):
        """Bytes that are no HTTP answer at all, then the end of the connection."""
        handler.wfile.write(b"\x00\x01\x02garbage no http\r\n\r\n")
        handler.close_connection = True

    def _pour(self, handler, frame) -> None:
        handler.wfile.write(frame(b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'))
        chunk = frame(b"<item><title>again</title><link>https://e.example.com/</link></item>" * 1000)
        try:
            while not self.stop.is_set():
                handler.wfile.write(chunk)
        except OSError:
            pass


def _reset(sock: socket.socket) -> None:
    """Close with SO_LINGER 0: the peer gets a TCP RST, a "connection reset"."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


# -- what is served ----------------------------------------------------------------------------

# path -> (what it is, a fragment of the one-line error `marketwatch feeds` must show)
BAD: dict[str, tuple[str, str]] = {
    "/billion-laughs.xml": ("an XML entity-expansion bomb", ""),  # harmless when not expanded: see below
    "/quadratic-blowup.xml": ("an XML quadratic-blowup entity", ""),
    "/gzip-bomb.xml": ("3 MB of gzip that inflates to 3 GB", "larger than 4 MB"),
    "/endless.xml": ("a never-ending body without a length", "larger than 4 MB"),
    "/endless-chunked.xml": ("a never-ending chunked body", "larger than 4 MB"),
    "/huge.xml": ("a 6 GB Content-Length", "larger than 4 MB"),
    "/trickle.xml": ("a body sent a byte at a time, forever", "timed out"),
    "/silent.xml": ("a server that accepts and never answers", "timed out"),
    "/page.html": ("an HTML page", "not a feed: the server sent an HTML page (a web page, a login or a bot "
                                   "check) that names no feed"),
    "/home.html": ("a site's home page", "not a feed: the server sent an HTML page; the feed it names is "
                                         "http://127.0.0.1:"),
    "/junk.bin": ("binary junk", "not a feed: not well-formed XML (invalid token)"),
    "/plain.txt": ("a plain-text answer", "not a feed: not well-formed XML (syntax error)"),
    "/feed.json": ("a JSON Feed", "not a feed: the server sent JSON (a JSON Feed or an API's answer); "
                                  "marketwatch reads RSS and Atom"),
    "/bom.json": ("JSON after a byte-order mark", "not a feed: the server sent JSON"),
    "/empty.xml": ("an empty body", "empty response"),
    "/404.xml": ("HTTP 404", "HTTP 404 Not Found"),
    "/410.xml": ("HTTP 410", "HTTP 410 Gone"),
    "/429.xml": ("HTTP 429 with Retry-After in seconds", "HTTP 429 Too Many Requests; retrying after"),
    "/500.xml": ("HTTP 500", "HTTP 500 Internal Server Error"),
    "/503.xml": ("HTTP 503 with Retry-After as a date", "HTTP 503 Service Unavailable; retrying after"),
    "/loop-a.xml": ("a redirect loop", "redirect loop"),
    "/to-file.xml": ("a redirect to a file: URL", "redirect to a non-http URL"),
    "/reset.xml": ("a connection reset before any answer", "connection"),
    "/reset-mid.xml": ("a connection reset in the middle of the body", "connection"),
    "/not-http.xml": ("an answer that is not HTTP", "the server did not answer in HTTP (its first line is no HTTP "
                                                    "status line)"),
    "/bad-encoding.xml": ("a Content-Encoding we never asked for", "unsupported content encoding"),
}
FAILING = [path for path, (_, error) in BAD.items() if error]


def routes(behaviours: Behaviours) -> dict:
    whole = rss([*GOOD, {"title": "Renault and Didi sign MoU on EV sharing", "guid": "t3",
                         "link": "https://news.example.com/renault-didi"}])
    truncated = whole[: whole.index(b"Renault and Didi") + 7]  # cut in the third item's title
    return {
        "/good.xml": Reply(200, rss(GOOD, "Good news"), {"Content-Type": "application/rss+xml"}),
        "/billion-laughs.xml": Reply(200, billion_laughs(), {"Content-Type": "application/rss+xml"}),
        "/quadratic-blowup.xml": Reply(200, quadratic_blowup(), {"Content-Type": "application/rss+xml"}),
        "/gzip-bomb.xml": Reply(200, gzip_bomb(3), {"Content-Encoding": "gzip", "Content-Type": "text/xml"}),
        "/endless.xml": behaviours.endless,
        "/endless-chunked.xml": behaviours.endless_chunked,
        "/huge.xml": behaviours.huge_declared,
        "/trickle.xml": behaviours.trickle,
        "/silent.xml": behaviours.silent,
        "/page.html": Reply(200, b"<!DOCTYPE html><html><head><title>Welcome</title></head><body>"
                                 b"<p>Ford and Baidu</p></body></html>", {"Content-Type": "text/html"}),
        "/home.html": Reply(200, b"<!DOCTYPE html><html><head><title>Auto news</title><link rel=alternate "
                                 b"type='application/rss+xml' title=News href='/good.xml'></head><body>"
                                 b"<p>Ford and Baidu</p></body></html>", {"Content-Type": "text/html"}),
        "/junk.bin": Reply(200, bytes(range(256)) * 64 + zlib.compress(b"junk" * 999),
                           {"Content-Type": "application/octet-stream"}),
        "/plain.txt": Reply(200, b"Service temporarily moved.\nTry again later.", {"Content-Type": "text/plain"}),
        "/feed.json": Reply(200, b'{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": []}',
                            {"Content-Type": "application/feed+json"}),
        "/bom.json": Reply(200, b'\xef\xbb\xbf{"version": "https://jsonfeed.org/version/1.1", "items": []}',
                           {"Content-Type": "application/json"}),
        "/empty.xml": Reply(200, b"", {"Content-Type": "application/rss+xml"}),
        "/404.xml": Reply(404, b"not here"),
        "/410.xml": Reply(410, b"gone"),
        "/429.xml": Reply(429, b"slow down", {"Retry-After": "120"}),
        "/500.xml": Reply(500, b"boom"),
        "/503.xml": Reply(503, b"later", {"Retry-After": _http_date(NOW + timedelta(hours=1))}),
        "/loop-a.xml": Reply(302, b"", {"Location": "/loop-b.xml"}),
        "/loop-b.xml": Reply(301, b"", {"Location": "/loop-a.xml"}),
        "/to-file.xml": Reply(301, b"", {"Location": "file:///etc/passwd"}),
        "/reset.xml": behaviours.reset_at_once,
        "/reset-mid.xml": behaviours.reset_mid_body,
        "/not-http.xml": behaviours.not_http,
        "/bad-encoding.xml": Reply(200, b"<rss/>", {"Content-Encoding": "br"}),
        "/truncated.xml": Reply(200, truncated, {"Content-Type": "application/rss+xml"}),
        "/dates.xml": Reply(200, rss(DATED), {"Content-Type": "application/rss+xml"}),
        "/dupes.xml": Reply(200, rss(DUPLICATE_GUIDS), {"Content-Type": "application/rss+xml"}),
        "/hostile-text.xml": Reply(200, rss(HOSTILE, HOSTILE_FEED_TITLE), {"Content-Type": "application/rss+xml"}),
        **{f"/carrier-{i}.xml": Reply(200, rss([dict(CARRIED, link=link, guid=f"c{i}")]),
                                      {"Content-Type": "application/rss+xml"})
           for i, link in enumerate(CARRIED_LINKS)},
    }


def _days_ago(days: int) -> datetime:
    return (NOW - timedelta(days=days)).replace(hour=9, minute=0, second=0, microsecond=0)


FRENCH_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                 "octobre", "novembre", "décembre"]
GERMAN_MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                 "Oktober", "November", "Dezember"]

# title suffix -> (date text, the published date expected, or None for "first seen")
DATES: dict[str, tuple[str, datetime | None]] = {
    "missing": ("", None),
    "impossible": ("Mon, 31 Feb 2026 25:61:00 GMT", None),
    "nonsense": ("the day after tomorrow-ish \x00", None),
    "far future": ("Fri, 01 Jan 2999 00:00:00 GMT", None),
    "before the web": ("Thu, 01 Jan 1970 00:00:00 GMT", None),
    "enormous year": ("Mon, 01 Jan 99999999999999999999 00:00:00 GMT", None),
    "rfc822": (_http_date(_days_ago(3)), _days_ago(3)),
    "french": (f"{_days_ago(4).day} {FRENCH_MONTHS[_days_ago(4).month - 1]} {_days_ago(4).year} 09:00 UTC",
               _days_ago(4)),
    "german": (f"{_days_ago(5).day}. {GERMAN_MONTHS[_days_ago(5).month - 1]} {_days_ago(5).year} 09:00 UTC",
               _days_ago(5)),
    "slashed": (_days_ago(7).strftime("%Y/%m/%d"), _days_ago(7).replace(hour=0)),
    "month only": (_days_ago(8).strftime("%B %Y"), None),
    "japanese": (f"{_days_ago(6).year}年{_days_ago(6).month}月{_days_ago(6).day}日 09:00 UTC", _days_ago(6)),
}
DATED = [{"title": f"Dated story: {name}", "link": f"https://dates.example.com/{i}", "date": text}
         for i, (name, (text, _)) in enumerate(DATES.items())]

DUPLICATE_GUIDS = [
    {"title": "BMW and Alibaba sign MoU on AI assistant", "guid": "same", "description": "first"},
    {"title": "BMW and Alibaba sign MoU on AI assistant (updated)", "guid": "same", "description": "second"},
    {"title": "Xiaomi teams up with Baidu", "guid": "again", "link": "https://dupes.example.com/x"},
    {"title": "Xiaomi teams up with Baidu", "guid": "again", "link": "https://dupes.example.com/x"},
]

CARRIED = {"title": "Volvo Cars and Baidu to collaborate on robotaxis"}
CARRIED_LINKS = [
    "https://wire.example.com/volvo-baidu?utm_source=rss&utm_medium=feed",
    "https://WIRE.example.com/volvo-baidu?fbclid=abc123&gclid=xyz#comments",
    "https://wire.example.com:443/volvo-baidu?mc_cid=1&utm_campaign=x&ref=homepage",
]

HOSTILE_FEED_TITLE = "[@click=app.quit]Quit[/] \x1b]0;pwned\x07 feed"
HOSTILE_LINKS = {
    "javascript": "javascript:alert(document.cookie)",
    "javascript-mixed-case": " JaVaScRiPt:alert(1)",
    "file": "file:///etc/passwd",
    "data": "data:text/html,<script>alert(1)</script>",
    "osc8": "https://evil.example.com/\x1b]8;;https://other.example.com\x07",
}
HOSTILE = [
    {"title": "[bold red]Toyota[/] and [@click=app.quit]Baidu[/] sign MoU [link=https://evil.example.com]x[/link]",
     "link": "https://hostile.example.com/markup"},
    {"title": "=HYPERLINK(\"https://evil.example.com\") Toyota and Baidu [click](javascript:alert(1)) MoU",
     "link": "https://hostile.example.com/formula"},
    {"title": "\x1b[31mRed\x1b[0m \x1b[2J\x1b[H cleared \x9b31m eight-bit", "link": "https://hostile.example.com/ansi"},
    {"title": "\x1b]8;;https://evil.example.com/\x1b\\click me\x1b]8;;\x1b\\ OSC 8 link",
     "link": "https://hostile.example.com/osc8"},
    {"title": "\x1b]52;c;cm0gLXJmIH4K\x07 clipboard write", "link": "https://hostile.example.com/osc52"},
    {"title": "bidi \u202egnp.exe\u202c and \u2066isolate\u2069", "link": "https://hostile.example.com/bidi"},
    {"title": "zero\u200bwidth\u200d \ufeffjoiner\u2060s", "link": "https://hostile.example.com/zw"},
    {"title": "Long " + "x" * 50_000, "link": "https://hostile.example.com/long",
     "description": "word " * 50_000},
    *({"title": f"Hostile link: {name}", "link": link, "guid": f"link-{name}"} for name, link in HOSTILE_LINKS.items()),
]


# -- one refresh over all of it --------------------------------------------------------------


def _limit_memory() -> None:
    with contextlib.suppress(ValueError, OSError):  # not every system caps the address space (macOS)
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def marketwatch(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """The real command, in a process of its own with its address space capped."""
    return subprocess.run([sys.executable, "-m", "marketwatch", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, preexec_fn=_limit_memory)


@dataclass
class Run:
    """What one refresh (and a second one after it) over all the feeds left behind."""

    base: str  # the server's address
    db: Path
    first: subprocess.CompletedProcess
    second: subprocess.CompletedProcess
    later_requests: list[str]  # the paths the second refresh asked for
    feeds: dict[str, dict]  # `marketwatch feeds --json`, by url
    feeds_text: subprocess.CompletedProcess
    stories: subprocess.CompletedProcess
    markdown: subprocess.CompletedProcess
    csv: subprocess.CompletedProcess

    def url(self, path: str) -> str:
        return self.base + path

    def rows(self, sql: str, *params) -> list[tuple]:
        conn = sqlite3.connect(self.db)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()


_OUTPUTS = ("first", "second", "feeds_text", "stories", "markdown", "csv")


def execute(folder: Path) -> dict:
    """Serve everything, run the commands, and return what they left as JSON-able data."""
    behaviours = Behaviours()
    server = FeedServer()
    server.routes.update(routes(behaviours))
    paths = ["/good.xml", *BAD, "/truncated.xml", "/dates.xml", "/dupes.xml", "/hostile-text.xml",
             *(f"/carrier-{i}.xml" for i in range(len(CARRIED_LINKS)))]
    config = write_config(folder, [server.url(p) for p in paths],
                          f'max_bytes = {MAX_BYTES}\nlanguages = ["en", "fr", "de", "ja"]')
    config.write_text(config.read_text().replace("timeout = 5", f"timeout = {TIMEOUT_S}"))
    cfg = str(config)
    try:
        out = {"base": server.base, "db": str(folder / "mw.db")}
        out["first"] = marketwatch("refresh", "--config", cfg, "--json")
        before = len(server.requests)
        out["second"] = marketwatch("refresh", "--config", cfg, "--json")
        out["later_requests"] = [path for path, _ in server.requests[before:]]
    finally:
        behaviours.stop.set()
        server.close()
    feeds = marketwatch("feeds", "--config", cfg, "--json")
    assert feeds.returncode == 0, feeds.stderr
    out["feeds"] = {row["url"]: row for row in json.loads(feeds.stdout)}
    out["feeds_text"] = marketwatch("feeds", "--config", cfg)
    out["stories"] = marketwatch("stories", "--config", cfg, "--kind", "all", "--limit", "1000")
    out["markdown"] = marketwatch("export", "--config", cfg, "--format", "markdown", "--kind", "all")
    out["csv"] = marketwatch("export", "--config", cfg, "--format", "csv", "--kind", "all")
    for key in _OUTPUTS:
        done = out[key]
        out[key] = {"args": done.args, "returncode": done.returncode, "stdout": done.stdout, "stderr": done.stderr}
    return out


@pytest.fixture(scope="module")
def run(tmp_path_factory, request) -> Run:
    """The run happens once per test session: with pytest-xdist, the first worker to get here
    runs it and the others read what it left (pytest-xdist's recipe for a shared fixture)."""
    if not hasattr(request.config, "workerinput"):  # not an xdist worker
        data = execute(tmp_path_factory.mktemp("hostile"))
    else:
        shared = tmp_path_factory.getbasetemp().parent
        with open(shared / "hostile.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            saved = shared / "hostile.json"
            if saved.exists():
                data = json.loads(saved.read_text())
            else:
                folder = shared / "hostile"
                folder.mkdir()
                data = execute(folder)
                saved.write_text(json.dumps(data))
    for key in _OUTPUTS:
        data[key] = subprocess.CompletedProcess(**data[key])
    return Run(**{**data, "db": Path(data["db"])})


def story(run: Run, link: str) -> dict | None:
    conn = sqlite3.connect(run.db)
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute("SELECT * FROM stories WHERE url = ?", (link,)).fetchone()
        return dict(row) if row else None
    finally:
        conn.close()


# -- the run as a whole ----------------------------------------------------------------------


def test_the_refresh_finishes_with_exit_1_and_one_line_per_failed_feed(run):
    for result in (run.first, run.second):
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr and "Error:" not in result.stderr
        lines = result.stderr.splitlines()
        assert all(line.startswith("marketwatch: feed") for line in lines), lines
    report = json.loads(run.first.stdout)
    failed = {f["url"] for f in report["feeds"] if f["status"] == "error"}
    assert failed == {run.url(path) for path in FAILING}
    assert len(run.first.stderr.splitlines()) == len(FAILING)


def test_the_good_feed_is_stored_in_full(run):
    for item in GOOD:
        stored = story(run, item["link"])
        assert stored is not None and stored["title"] == item["title"]
    assert run.feeds[run.url("/good.xml")]["status"] in ("ok", "unchanged")
    assert run.feeds[run.url("/good.xml")]["tieups"] == 2


@pytest.mark.parametrize("path", FAILING, ids=[BAD[p][0] for p in FAILING])
def test_each_bad_feed_is_reported_in_feeds(run, path):
    row = run.feeds[run.url(path)]
    assert row["status"] == "error"
    assert BAD[path][1] in row["error"]
    assert "\n" not in row["error"] and row["error"].isprintable()
    assert row["error"] in run.feeds_text.stdout


def test_the_second_refresh_honours_retry_after_and_changes_nothing(run):
    second = {f["url"]: f for f in json.loads(run.second.stdout)["feeds"]}
    assert second[run.url("/429.xml")]["status"] == "deferred"
    assert second[run.url("/503.xml")]["status"] == "deferred"
    assert "/429.xml" not in run.later_requests and "/503.xml" not in run.later_requests
    assert second[run.url("/good.xml")]["status"] == "unchanged"
    assert json.loads(run.second.stdout)["new_stories"] == 0


def test_nothing_is_stored_twice_and_the_database_is_sound(run):
    assert run.rows("PRAGMA integrity_check") == [("ok",)]
    assert run.rows("SELECT count(*) - count(DISTINCT url) FROM stories WHERE url IS NOT NULL") == [(0,)]
    assert run.rows("SELECT count(*) FROM story_feeds WHERE story_id NOT IN (SELECT id FROM stories)") == [(0,)]


# -- content: bombs, truncation, dates, duplicates ------------------------------------------


@pytest.mark.parametrize("path, link", [("/billion-laughs.xml", "https://bomb.example.com/1"),
                                        ("/quadratic-blowup.xml", "https://bomb.example.com/2")])
def test_entity_bombs_are_not_expanded(run, path, link):
    """The refresh survived within its memory cap, and what was stored is small."""
    row = run.feeds[run.url(path)]
    stored = story(run, link)
    if row["status"] == "error":  # refusing the document is as good as not expanding it
        assert stored is None and row["error"]
    else:
        assert stored is not None and len(stored["title"]) < 100 and len(stored["summary"]) <= 2000


def test_a_truncated_document_keeps_the_entries_before_the_cut(run):
    first = {f["url"]: f for f in json.loads(run.first.stdout)["feeds"]}
    assert first[run.url("/truncated.xml")]["status"] == "ok"
    # ... and its health says that the rest was lost, not a plain "ok" (the feed screen, `feeds`)
    assert first[run.url("/truncated.xml")]["error"].startswith("read in part: not well-formed XML (")
    assert "entries read, any after it lost" in run.feeds[run.url("/truncated.xml")]["error"]
    assert not first[run.url("/good.xml")]["error"]
    for item in GOOD:
        assert story(run, item["link"]) is not None
    assert {r[0] for r in run.rows(
        "SELECT s.url FROM stories s JOIN story_feeds sf ON sf.story_id = s.id JOIN feeds f ON f.id = sf.feed_id "
        "WHERE f.url = ?", run.url("/truncated.xml"))} >= {item["link"] for item in GOOD}


@pytest.mark.parametrize("name", list(DATES))
def test_bad_dates_never_pin_a_story_and_good_ones_are_kept(run, name):
    text, expected = DATES[name]
    stored = story(run, f"https://dates.example.com/{list(DATES).index(name)}")
    assert stored is not None
    published = datetime.strptime(stored["published"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    if expected is None:
        assert stored["date_source"] == "first-seen"
        assert stored["published"] == stored["first_seen"]
    else:
        assert published == expected, text


def test_duplicate_guids_in_one_feed_are_one_story(run):
    rows = run.rows("SELECT s.title FROM stories s JOIN story_feeds sf ON sf.story_id = s.id "
                    "JOIN feeds f ON f.id = sf.feed_id WHERE f.url = ? ORDER BY s.title", run.url("/dupes.xml"))
    assert rows == [("BMW and Alibaba sign MoU on AI assistant",), ("Xiaomi teams up with Baidu",)]


def test_the_same_story_with_different_tracking_parameters_is_one_story(run):
    rows = run.rows("SELECT s.id, count(sf.feed_id) FROM stories s JOIN story_feeds sf ON sf.story_id = s.id "
                    "WHERE s.title = ? GROUP BY s.id", CARRIED["title"])
    assert len(rows) == 1 and rows[0][1] == len(CARRIED_LINKS)


# -- text that attacks the terminal or the UI -------------------------------------------------


def _invisible(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) in ("Cc", "Cf") or c in "\u2028\u2029"]


def test_hostile_text_is_stored_without_control_characters(run):
    rows = run.rows("SELECT s.title, s.summary FROM stories s JOIN story_feeds sf ON sf.story_id = s.id "
                    "JOIN feeds f ON f.id = sf.feed_id WHERE f.url = ?", run.url("/hostile-text.xml"))
    assert len(rows) == len(HOSTILE)
    for title, summary in rows:
        assert _invisible(title) == [] and _invisible(summary) == [], title
        assert len(title) <= 400 and len(summary) <= 2000
    titles = {title for title, _ in rows}
    assert HOSTILE[0]["title"] in titles  # markup is kept as the literal text it is
    # an 8-bit CSI in a feed is read, as feedparser reads C1 characters, as cp1252's "›"
    assert "Red cleared ›31m eight-bit" in titles
    assert "click me OSC 8 link" in titles and "clipboard write" in titles
    assert "bidi gnp.exe and isolate" in titles and "zerowidth joiners" in titles
    [feed_title] = run.rows("SELECT title FROM feeds WHERE url = ?", run.url("/hostile-text.xml"))[0]
    assert feed_title == "[@click=app.quit]Quit[/] feed"


def test_only_http_links_are_stored(run):
    stored = dict(run.rows("SELECT title, url FROM stories WHERE title LIKE 'Hostile link: %'"))
    assert stored == {f"Hostile link: {name}": None for name in HOSTILE_LINKS}
    urls = [r[0] for r in run.rows("SELECT url FROM stories WHERE url IS NOT NULL")]
    assert all(u.startswith(("http://", "https://")) and u.isprintable() for u in urls)
    sites = [r[0] for r in run.rows("SELECT site_url FROM feeds WHERE site_url IS NOT NULL")]
    assert all(u.startswith(("http://", "https://")) for u in sites)


def test_command_output_carries_no_escape_sequences(run):
    for result in (run.first, run.second, run.stories, run.feeds_text, run.markdown, run.csv):
        assert result.returncode == 0 or result in (run.first, run.second)
        for stream in (result.stdout, result.stderr):
            assert _invisible(stream.replace("\r\n", "").replace("\n", "")) == []
    assert "[bold red]Toyota[/]" in run.stories.stdout


def test_exports_keep_hostile_titles_inert(run):
    """Markdown shows markup and links in titles as text; a spreadsheet does not run a formula."""
    assert "\\[bold red\\]Toyota\\[/\\]" in run.markdown.stdout
    assert "\\[click\\](javascript:alert(1))" in run.markdown.stdout
    assert not re.search(r"(?<!\\)\]\(javascript", run.markdown.stdout)
    titles = [row["title"] for row in csv.DictReader(io.StringIO(run.csv.stdout))]
    assert any(t.startswith("'=HYPERLINK") for t in titles)
    assert not any(t.startswith(("=", "+", "-", "@")) for t in titles)
