"""Fetching: TLS certificates are verified, and connections are kept per site and closed only when no feed uses them."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import time

import pytest
from conftest import Reply, rss


@pytest.fixture
def tls_server(server, tmp_path):
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a self-signed certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
    return server


def test_a_self_signed_https_feed_is_refused_and_the_others_carry_on(tls_server, make_config, run_cli):
    tls_server.routes["/a.xml"] = Reply(200, rss([{"title": "Ford and Baidu sign MoU", "link": "https://n.example/a"}]))
    https_url = tls_server.url("/a.xml").replace("http://", "https://")
    code, _, err = run_cli("refresh", "--config", str(make_config([https_url])))
    assert code == 1
    assert err.count("\n") == 1 and "certificate" in err.lower() and "Traceback" not in err


def test_one_sites_feeds_share_its_few_kept_alive_connections(server, make_config):
    """Politeness and speed: twelve feeds on one site go over at most `per_host` connections,
    kept open from feed to feed, on a first run (200) and on a run where nothing changed (304)."""
    from marketwatch.config import load_config
    from marketwatch.refresh import refresh

    clients: list[tuple[str, int]] = []

    def conditional(handler):
        clients.append(handler.client_address)
        if handler.headers.get("If-None-Match") == '"v1"':
            return Reply(304, b"", {"ETag": '"v1"'})
        return Reply(200, rss([{"title": f"Story {handler.path}", "link": f"https://n.example{handler.path}"}]),
                     {"ETag": '"v1"'})

    paths = [f"/{i}.xml" for i in range(12)]
    server.routes.update(dict.fromkeys(paths, conditional))
    config = load_config(make_config([server.url(p) for p in paths], "per_host = 2"))
    first = refresh(config)
    assert {f.status for f in first.feeds} == {"ok"} and len(clients) == 12
    assert len(set(clients)) <= 2
    clients.clear()
    second = refresh(config)
    assert {f.status for f in second.feeds} == {"not-modified"} and len(clients) == 12
    assert len(set(clients)) <= 2


def test_a_feed_redirected_to_another_site_keeps_its_connection_while_that_sites_feeds_finish(server, make_config):
    """Feed A moved (302) to a slow URL on the site of feed B. B finishing first must not close
    the connection A is still reading from: a site's connections close only when no feed uses them."""
    import threading

    from marketwatch.config import load_config
    from marketwatch.refresh import refresh

    slow_asked, fast_served = threading.Event(), threading.Event()
    other = server.base.replace("127.0.0.1", "localhost")

    def slow(handler):
        slow_asked.set()
        fast_served.wait(5)
        time.sleep(0.3)  # B's fetch is over by now
        return Reply(200, rss([{"title": "Moved story", "link": "https://n.example/moved"}]))

    def fast(handler):
        slow_asked.wait(5)  # A's request is on its connection before B finishes
        fast_served.set()
        return Reply(200, rss([{"title": "Fast story", "link": "https://n.example/fast"}]))

    server.routes.update({"/moved.xml": Reply(302, b"", {"Location": f"{other}/slow.xml"}),
                          "/slow.xml": slow, "/fast.xml": fast})
    config = load_config(make_config([server.url("/moved.xml"), f"{other}/fast.xml"]))
    report = refresh(config)
    assert [(f.status, f.error) for f in report.feeds] == [("ok", None), ("ok", None)]
    assert report.new_stories == 2


def test_a_feed_url_with_credentials_is_fetched_with_basic_auth(server, make_config):
    """`https://user:password@host/feed` (private or paywalled feeds) sends the credentials as
    HTTP Basic auth, as browsers and curl do."""
    import base64

    from marketwatch.config import load_config
    from marketwatch.refresh import refresh

    expected = "Basic " + base64.b64encode(b"reader:s3cret pass").decode()

    def private(handler):
        if handler.headers.get("Authorization") != expected:
            return Reply(401, b"who are you?")
        return Reply(200, rss([{"title": "Ford and Baidu sign MoU", "link": "https://n.example/a"}]))

    server.routes["/private.xml"] = private
    url = server.url("/private.xml").replace("http://", "http://reader:s3cret%20pass@")
    report = refresh(load_config(make_config([url])))
    assert [(f.status, f.http_status) for f in report.feeds] == [("ok", 200)]


def test_a_cookie_set_on_a_redirect_is_sent_on_the_next_hop(server, make_config):
    """Some sites send readers through a consent redirect that sets a cookie, and refuse the
    feed without it."""
    from marketwatch.config import load_config
    from marketwatch.refresh import refresh

    server.routes["/feed.xml"] = Reply(302, b"", {"Location": "/consented.xml", "Set-Cookie": "consent=yes; Path=/"})

    def consented(handler):
        if "consent=yes" not in (handler.headers.get("Cookie") or ""):
            return Reply(403, b"consent first")
        return Reply(200, rss([{"title": "Toyota and Didi form JV", "link": "https://n.example/b"}]))

    server.routes["/consented.xml"] = consented
    report = refresh(load_config(make_config([server.url("/feed.xml")])))
    assert [(f.status, f.http_status) for f in report.feeds] == [("ok", 200)]


def clear_proxy_variables(monkeypatch) -> None:
    """The tests set their own: lower-case names win, so a proxy set where the tests run would
    otherwise replace theirs."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


def test_feeds_go_through_the_proxy_the_environment_names(server, make_config, monkeypatch):
    """HTTP_PROXY as curl reads it: the request goes to the proxy, in absolute form, and the
    proxy (here the test server) fetches the feed, whose host this machine never resolves."""
    from marketwatch.config import load_config
    from marketwatch.refresh import refresh

    feed = "http://feeds.example.test/mobility.xml"
    server.routes[feed] = Reply(200, rss([{"title": "Ford and Baidu sign MoU", "link": "https://n.example/a"}]))
    clear_proxy_variables(monkeypatch)
    monkeypatch.setenv("HTTP_PROXY", server.base)
    report = refresh(load_config(make_config([feed])))
    assert [(f.status, f.new) for f in report.feeds] == [("ok", 1)]
    assert server.requests[-1][0] == feed


def test_a_proxy_that_cannot_be_reached_is_one_line_per_feed(server, make_config, run_cli, monkeypatch):
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    clear_proxy_variables(monkeypatch)
    monkeypatch.setenv("http_proxy", f"http://alice:s3cret@127.0.0.1:{port}")
    code, _, err = run_cli("refresh", "--config", str(make_config(["http://feeds.example.test/a.xml"])))
    assert code == 1 and "Traceback" not in err and err.count("\n") == 1
    assert f"proxy: cannot reach the proxy 127.0.0.1:{port}: connection refused" in err
    assert "s3cret" not in err


def test_a_proxy_asking_for_credentials_is_named_as_the_one_refusing(server, make_config, monkeypatch):
    from marketwatch.config import load_config
    from marketwatch.refresh import refresh

    feed = "http://feeds.example.test/a.xml"
    server.routes[feed] = Reply(407, b"", {"Proxy-Authenticate": 'Basic realm="corp"'})
    clear_proxy_variables(monkeypatch)
    monkeypatch.setenv("HTTP_PROXY", server.base)
    (outcome,) = refresh(load_config(make_config([feed]))).feeds
    assert outcome.status == "error" and outcome.error.startswith("proxy: HTTP 407 Proxy Authentication Required")


def test_https_feeds_go_through_the_proxy_in_a_tunnel_and_the_sites_certificate_is_still_checked(
        tls_server, make_config, monkeypatch):
    """HTTPS_PROXY: a CONNECT to the feed's host and port, then TLS with the site itself through
    the tunnel, so the site's certificate is checked as without a proxy (this one is self-signed)."""
    import select
    import socket
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from marketwatch.config import load_config
    from marketwatch.refresh import refresh

    asked: list[str] = []
    site = ("127.0.0.1", tls_server.httpd.server_address[1])

    class Tunnel(BaseHTTPRequestHandler):
        def do_CONNECT(self):
            asked.append(self.path)
            upstream = socket.create_connection(site)
            self.send_response(200, "Connection established")
            self.end_headers()
            ends = [self.connection, upstream]
            while True:
                ready, _, _ = select.select(ends, [], [], 5)
                chunks = [(end, end.recv(65536)) for end in ready]
                if not ready or any(not data for _, data in chunks):
                    break
                for end, data in chunks:
                    (upstream if end is self.connection else self.connection).sendall(data)
            upstream.close()

        def log_message(self, *args):
            pass

    proxy = ThreadingHTTPServer(("127.0.0.1", 0), Tunnel)
    proxy.daemon_threads = True
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        clear_proxy_variables(monkeypatch)
        monkeypatch.setenv("HTTPS_PROXY", f"127.0.0.1:{proxy.server_address[1]}")
        (outcome,) = refresh(load_config(make_config(["https://feeds.example.test/a.xml"]))).feeds
    finally:
        proxy.shutdown()
    assert asked == ["feeds.example.test:443"]
    assert outcome.status == "error" and "certificate" in outcome.error.lower() and "proxy" not in outcome.error


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="FIFOs are POSIX")
def test_a_file_feed_that_is_a_fifo_or_a_device_is_refused_at_once_and_a_real_file_is_read(
        tmp_path, make_config, run_cli):
    """A FIFO would block the refresh (holding its lock) until something writes to it, and a
    device such as /dev/zero never ends: anything but a regular file is one error line."""
    import os
    import threading

    fifo = tmp_path / "feed.fifo"
    os.mkfifo(fifo)
    # If the FIFO were opened for reading, this writer would be let in and close at once, so
    # the read ends (and the test fails) instead of hanging.
    writer = threading.Thread(target=lambda: os.close(os.open(fifo, os.O_WRONLY)), daemon=True)
    writer.start()
    real = tmp_path / "real.xml"
    real.write_bytes(rss([{"title": "Ford and Baidu sign MoU", "link": "https://n.example/a"}]))
    try:
        code, _, err = run_cli("refresh", "--config", str(make_config(
            [fifo.as_uri(), "file:///dev/null", tmp_path.as_uri(), real.as_uri()])))
    finally:
        os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))  # lets the writer go
        writer.join()
    assert code == 1 and "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 3  # the real file is read and stored
    assert {line.split("cannot read ")[1] for line in lines} == {
        f"{fifo}: not a regular file", "/dev/null: not a regular file", f"{tmp_path}: not a regular file"}


@pytest.mark.skipif(not __import__("os").path.isfile("/proc/self/maps"), reason="needs Linux's /proc")
def test_a_file_feed_is_capped_by_what_is_read_not_by_its_stated_size(make_config):
    """/proc files say they are empty and are not: the size cap must hold for what is read (as
    for a file that grows between the check and the read)."""
    from marketwatch.config import load_config
    from marketwatch.refresh import refresh

    (outcome,) = refresh(load_config(make_config(["file:///proc/self/maps"], "max_bytes = 100"))).feeds
    assert outcome.status == "error" and outcome.error == "feed is larger than 100 bytes; skipped"


def test_a_file_feed_path_with_a_nul_and_a_damaged_stored_redirect_are_one_line_each(tmp_path, make_config, run_cli):
    """%00 decodes to a NUL, which no file name holds; a permanent redirect's target read back
    from a damaged database may be a URL that cannot be split. Neither may stop the refresh."""
    import sqlite3

    real = tmp_path / "real.xml"
    real.write_bytes(rss([{"title": "Ford and Baidu sign MoU", "link": "https://n.example/a"}]))
    config = str(make_config([f"file://{tmp_path}/a%00b.xml", real.as_uri()]))
    code, _, err = run_cli("refresh", "--config", config)
    assert code == 1 and err.splitlines() == [
        f"marketwatch: feed0: cannot read {tmp_path}/a?b.xml: not a file name (it holds a NUL character)"]
    with sqlite3.connect(tmp_path / "mw.db") as conn:
        conn.execute("UPDATE feeds SET fetch_url = 'http://[::1/x' WHERE url = ?", (real.as_uri(),))
    conn.close()
    code, _, err = run_cli("refresh", "--config", config)
    assert code == 1 and err.splitlines()[-1] == "marketwatch: feed1: bad URL: http://[::1/x"
