"""Shared fixtures: a feed server on 127.0.0.1 and small configs that point at it."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

# The compiled regexes marketwatch keeps between runs (marketwatch.regex_cache) go to a directory
# of this test run, for its own processes and the commands it starts, not to the user's cache.
_CACHE = tempfile.mkdtemp(prefix="marketwatch-tests-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE
# The commands the tests start run as in a user's shell: block-buffered stdout. Some sandboxes and
# CI images set PYTHONUNBUFFERED, under which a full disk fails only once; without it, what stayed
# buffered failed again at exit (status 120) and no test saw it.
os.environ.pop("PYTHONUNBUFFERED", None)
# Dates are shown in the machine's time zone: the tests (snapshots too) see UTC wherever they run;
# those about other zones set TZ for a process of their own.
os.environ["TZ"] = "UTC"
time.tzset()


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_CACHE, ignore_errors=True)


ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

COMPANIES = """
[companies.Renault]
kind = "oem"
aliases = ["Renault", "Groupe Renault", "Renault Group"]

[companies.Nissan]
kind = "oem"
aliases = ["Nissan", "Nissan Motor"]

[companies.Mitsubishi]
kind = "oem"
aliases = ["Mitsubishi Motors", "Mitsubishi"]
exclude = ["Mitsubishi Corp", "Mitsubishi UFJ"]

[companies.Toyota]
kind = "oem"
aliases = ["Toyota", "Toyota Motor"]

[companies.Ford]
kind = "oem"
aliases = ["Ford", "Ford Motor"]
exclude = ["Harrison Ford", "Doug Ford", "Ford Foundation"]

[companies.BMW]
kind = "oem"
aliases = ["BMW"]

[companies."Volvo Cars"]
kind = "oem"
aliases = ["Volvo Cars", "Volvo"]

[companies.Smart]
kind = "oem"
aliases = ["Smart", "smart Automobile"]
ambiguous = ["Smart"]
context = ["Mercedes", "Geely", "carmaker", "brand"]

[companies.Didi]
kind = "tech"
aliases = ["Didi", "Didi Chuxing", "DiDi"]

[companies.Alibaba]
kind = "tech"
aliases = ["Alibaba", "Alibaba Group"]

[companies.Baidu]
kind = "tech"
aliases = ["Baidu", "百度"]

[companies.Grab]
kind = "tech"
aliases = ["Grab", "Grab Holdings"]
ambiguous = ["Grab"]
context = ["ride-hailing", "Southeast Asia", "Singapore"]

[companies."Pony.ai"]
kind = "tech"
aliases = ["Pony.ai"]

[companies.Waymo]
kind = "tech"
aliases = ["Waymo"]
parents = ["Alphabet"]

[companies.Alphabet]
kind = "tech"
aliases = ["Alphabet", "Google"]

[companies.Xiaomi]
kind = ["oem", "tech"]
aliases = ["Xiaomi"]

[alliances."Renault-Nissan-Mitsubishi Alliance"]
members = ["Renault", "Nissan", "Mitsubishi"]
aliases = ["Renault-Nissan-Mitsubishi", "Renault-Nissan alliance", "Renault-Nissan"]

[watchlists."China tie-ups"]
companies = ["Didi", "Baidu", "Alibaba"]
"""


def rss(items: list[dict], title: str = "Test feed") -> bytes:
    """A small RSS 2.0 document; each item has title, and optionally link, guid, description, date."""
    from xml.sax.saxutils import escape

    parts = [f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
             "<link>https://example.com/</link><description>test</description>"]
    for item in items:
        parts.append("<item>")
        parts.append(f"<title>{escape(item['title'])}</title>")
        for key, tag in (("link", "link"), ("guid", "guid"), ("description", "description"), ("date", "pubDate")):
            if item.get(key):
                parts.append(f"<{tag}>{escape(item[key])}</{tag}>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


Route = Reply | Callable[[BaseHTTPRequestHandler], Reply | None]


class _QuietServer(ThreadingHTTPServer):
    """A client that hangs up early (after an error status, at the size cap, on a timeout) is
    what these tests are about: socketserver would print a traceback to stderr for each, and
    the CLI tests capture stderr, so such hang-ups are ignored; anything else is still printed."""

    def handle_error(self, request, client_address) -> None:
        import sys

        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


class FeedServer:
    """Serves routes on 127.0.0.1; a route is a Reply or a function of the request (which may
    write the response itself and return None). Every request's path and headers are kept."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.posts: list[tuple[str, bytes]] = []  # (path, body) of each POST (a notification)
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(self.path)
                if route is None:
                    reply = Reply(404, b"not found")
                elif callable(route):
                    reply = route(self)
                    if reply is None:
                        return
                else:
                    reply = route
                self.send_response(reply.status)
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                server.posts.append((self.path, self.rfile.read(length)))
                self.do_GET()

            def log_message(self, *args):
                pass

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    srv = FeedServer()
    yield srv
    srv.close()


def write_config(directory: Path, feeds: list[str], settings: str = "", extra: str = "") -> Path:
    """A config of `feeds` and the test companies. Its dashboard never refreshes by itself
    (auto_refresh = 0, so `settings` cannot set it again: a test turns it on with replace())."""
    feed_lines = "".join(f'[[feeds]]\nurl = "{url}"\nname = "feed{i}"\n\n' for i, url in enumerate(feeds))
    text = (f'[settings]\ndb = "mw.db"\ntimeout = 5\nconcurrency = 8\nauto_refresh = 0\n{settings}\n\n'
            f"{feed_lines}{COMPANIES}{extra}")
    path = directory / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def make_config(tmp_path):
    def make(feeds: list[str], settings: str = "", extra: str = "") -> Path:
        return write_config(tmp_path, feeds, settings, extra)

    return make


@pytest.fixture
def run_cli(monkeypatch):
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    from click.testing import CliRunner

    from marketwatch.cli import cli

    monkeypatch.delenv("MARKETWATCH_CONFIG", raising=False)

    def run(*args: str):
        runner = CliRunner()
        result = runner.invoke(cli, list(args), catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return run


# -- the matcher, for the tests of its modules (test_match, test_mentions, test_deals...) -------

@pytest.fixture(scope="session")
def matcher():
    """The matcher over the test companies (COMPANIES)."""
    import tomllib

    from marketwatch.config import parse_config
    from marketwatch.match import Matcher

    return Matcher(parse_config(tomllib.loads(COMPANIES)))


@pytest.fixture(scope="session")
def shipped():
    """The matcher over the shipped config.toml: what an analyst sees."""
    from marketwatch.config import load_config
    from marketwatch.match import Matcher

    return Matcher(load_config(Path(__file__).resolve().parent.parent / "config.toml"))


def pairs(matcher, title: str, summary: str = "") -> set[tuple[str, str]]:
    return set(matcher.match(title, summary).pairs)


@pytest.fixture
def fixed_store(tmp_path, make_config):
    """The fixed stories of test_tui_support (matched by the real matcher), open in a Store."""
    from test_tui_support import build_db, fixed_config

    from marketwatch.store import Store

    config = fixed_config(tmp_path, make_config)
    build_db(config)
    with Store(config.settings.db) as store:
        yield store
