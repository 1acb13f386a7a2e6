"""The floor for a refresh in Python: a bare program that does only what a warm refresh must.

    python benchmarks/peer_floor.py DB URLS_FILE [--client stdlib|httpx] [--workers 16]

It reads the feed URLs and their stored validators (ETag, Last-Modified) from SQLite, sends
every feed a conditional GET over keep-alive connections from a pool of threads, and writes each
feed's status and validators back in one transaction. It parses nothing, matches nothing, checks
no config and has no command line beyond this, no proxies, redirects, size caps or error
handling: it is not a feed reader. Its warm run (every server answering 304) is the least any
Python refresh can cost on the machine, which is what the warm target (0.2 x newsboat) is
measured against in benchmarks/README.md. `--client httpx` does the same through httpx.Client
(one per site), the HTTP library marketwatch uses.

Prints the number of feeds that answered 200 and 304.
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

SCHEMA = "CREATE TABLE IF NOT EXISTS feeds (url TEXT PRIMARY KEY, etag TEXT, modified TEXT, hash TEXT, status INT)"


def headers(state: tuple | None) -> dict[str, str]:
    out = {"User-Agent": "floor/1", "Accept-Encoding": "gzip"}
    if state and state[0]:
        out["If-None-Match"] = state[0]
    if state and state[1]:
        out["If-Modified-Since"] = state[1]
    return out


def stdlib_site(urls: list[str], states: dict) -> list[tuple]:
    """One site's feeds, one after another over one keep-alive connection (http.client)."""
    import http.client

    parts = urlsplit(urls[0])
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    out = []
    for url in urls:
        conn.request("GET", urlsplit(url).path, headers=headers(states.get(url)))
        response = conn.getresponse()
        body = response.read()
        out.append((url, response.status, response.getheader("etag"), response.getheader("last-modified"), body))
    conn.close()
    return out


def httpx_site(urls: list[str], states: dict) -> list[tuple]:
    """The same through httpx.Client, one client (one connection pool) per site as marketwatch
    keeps a pool per site (one pool for 40 sites costs twice as much), all sharing one TLS
    context (loading the CA bundle takes 50-90 ms a context)."""
    import httpx

    out = []
    with httpx.Client(timeout=10, verify=_tls_context()) as client:
        for url in urls:
            response = client.get(url, headers=headers(states.get(url)))
            out.append((url, response.status_code, response.headers.get("etag"),
                        response.headers.get("last-modified"), response.content))
    return out


_CONTEXTS: list = []


def _tls_context():
    if not _CONTEXTS:
        import httpx

        _CONTEXTS.append(httpx.create_ssl_context())
    return _CONTEXTS[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("urls", type=Path)
    parser.add_argument("--client", choices=("stdlib", "httpx"), default="stdlib")
    parser.add_argument("--workers", type=int, default=16)
    args = parser.parse_args()

    db = sqlite3.connect(args.db, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute(SCHEMA)
    states = {url: (etag, modified, digest) for url, etag, modified, digest in
              db.execute("SELECT url, etag, modified, hash FROM feeds")}
    sites: dict[str, list[str]] = {}
    for url in args.urls.read_text().split():
        sites.setdefault(urlsplit(url).netloc, []).append(url)
    fetch = stdlib_site if args.client == "stdlib" else httpx_site
    if args.client == "httpx":
        _tls_context()  # made before the threads start, not raced for by them
    with ThreadPoolExecutor(args.workers) as pool:
        results = [r for site in pool.map(lambda urls: fetch(urls, states), sites.values()) for r in site]
    rows = []
    for url, status, etag, modified, body in results:
        old = states.get(url, (None, None, None))
        if status == 200:
            rows.append((url, etag, modified, hashlib.blake2b(body, digest_size=16).hexdigest(), status))
        else:
            rows.append((url, old[0], old[1], old[2], status))
    db.execute("BEGIN IMMEDIATE")
    db.executemany("INSERT OR REPLACE INTO feeds VALUES (?, ?, ?, ?, ?)", rows)
    db.execute("COMMIT")
    print(dict(Counter(status for *_, status in rows)))


if __name__ == "__main__":
    main()
