"""A small, fast HTTP/1.1 feed server for the benchmarks, on 127.0.0.1 only.

    python benchmarks/server.py DIR --ports 40

serves DIR/<i>.xml at /<i>.xml on each of 40 ports (each port stands for one news site, so
per-host politeness limits apply as on the real web), keep-alive, gzip when asked, and the
conditional GET of a well-behaved site: an ETag and a Last-Modified on every 200, and 304 Not
Modified when If-None-Match or If-Modified-Since says the client has the current body.

Control paths (any port): /__mode/validators (default), /__mode/plain (200 with the same body,
no validators: a site that ignores conditional GET), /__stats (JSON counts), /__reset.
It prints one JSON line {"ports": [...]} when it listens, and exits when its stdin closes
(the benchmark died or finished) or after --lifetime seconds, whichever comes first.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import email.utils
import hashlib
import json
import os
import sys
import threading
from pathlib import Path

LAST_MODIFIED = email.utils.formatdate(1795000000, usegmt=True)


class State:
    def __init__(self, directory: Path) -> None:
        self.bodies: dict[str, tuple[bytes, bytes, str]] = {}
        for path in directory.glob("*.xml"):
            body = path.read_bytes()
            gz = path.with_name(path.name + ".gz")
            etag = '"' + hashlib.blake2b(body, digest_size=8).hexdigest() + '"'
            self.bodies["/" + path.name] = (body, gz.read_bytes() if gz.exists() else b"", etag)
        self.validators = True
        self.stats = {"200": 0, "304": 0, "404": 0, "gzip": 0, "conditional": 0}


def _response(status: str, headers: list[tuple[str, str]], body: bytes, head_only: bool = False) -> bytes:
    lines = [f"HTTP/1.1 {status}"] + [f"{k}: {v}" for k, v in headers] + [f"Content-Length: {len(body)}", "", ""]
    return "\r\n".join(lines).encode("latin-1") + (b"" if head_only else body)


class FeedProtocol(asyncio.Protocol):
    def __init__(self, state: State) -> None:
        self.state = state
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while b"\r\n\r\n" in self.buffer:
            head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
            lines = head.decode("latin-1").split("\r\n")
            try:
                method, target, version = lines[0].split(" ", 2)
            except ValueError:
                self.transport.close()
                return
            headers = {}
            for line in lines[1:]:
                key, _, value = line.partition(":")
                headers[key.strip().lower()] = value.strip()
            keep_alive = version == "HTTP/1.1" and headers.get("connection", "").lower() != "close"
            self.transport.write(self.handle(method, target.split("?")[0], headers, keep_alive))
            if not keep_alive:
                self.transport.close()
                return

    def handle(self, method: str, path: str, headers: dict[str, str], keep_alive: bool) -> bytes:
        state = self.state
        conn = [("Connection", "keep-alive" if keep_alive else "close")]
        if path.startswith("/__"):
            if path == "/__mode/plain":
                state.validators = False
            elif path == "/__mode/validators":
                state.validators = True
            elif path == "/__reset":
                state.stats = dict.fromkeys(state.stats, 0)
            body = json.dumps({"validators": state.validators, **state.stats}).encode()
            return _response("200 OK", [("Content-Type", "application/json"), *conn], body)
        found = state.bodies.get(path)
        if found is None:
            state.stats["404"] += 1
            return _response("404 Not Found", [("Content-Type", "text/plain"), *conn], b"not found")
        body, gz, etag = found
        if state.validators:
            validators = [("ETag", etag), ("Last-Modified", LAST_MODIFIED)]
            inm = headers.get("if-none-match")
            ims = headers.get("if-modified-since")
            if inm or ims:
                state.stats["conditional"] += 1
            if (inm and etag in [t.strip() for t in inm.split(",")]) or (not inm and ims == LAST_MODIFIED):
                state.stats["304"] += 1
                return _response("304 Not Modified", [*validators, *conn], b"")
        else:
            validators = []
        extra = [("Content-Type", "application/rss+xml; charset=UTF-8"), ("Vary", "Accept-Encoding"),
                 *validators, *conn]
        state.stats["200"] += 1
        if gz and "gzip" in headers.get("accept-encoding", ""):
            state.stats["gzip"] += 1
            return _response("200 OK", [("Content-Encoding", "gzip"), *extra], gz, method == "HEAD")
        return _response("200 OK", extra, body, method == "HEAD")


async def serve(directory: Path, ports: int, lifetime: float) -> None:
    state = State(directory)
    loop = asyncio.get_running_loop()
    servers = [await loop.create_server(lambda: FeedProtocol(state), "127.0.0.1", 0, backlog=1024)
               for _ in range(ports)]
    print(json.dumps({"ports": [s.sockets[0].getsockname()[1] for s in servers]}), flush=True)
    stop = asyncio.Event()

    def watch_stdin() -> None:
        try:
            while sys.stdin.buffer.read(1):
                pass
        finally:
            loop.call_soon_threadsafe(stop.set)

    threading.Thread(target=watch_stdin, daemon=True).start()
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), lifetime)
    for s in servers:
        s.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--ports", type=int, default=40)
    parser.add_argument("--lifetime", type=float, default=3600)
    args = parser.parse_args()
    asyncio.run(serve(args.directory, args.ports, args.lifetime))
    os._exit(0)


if __name__ == "__main__":
    main()
