"""Which proxy, if any, a feed's requests go through: the environment's, read as curl reads it.

Analysts often sit behind a company proxy, and every command-line tool they use (curl, pip, git)
finds it in HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY. marketwatch reads the same
variables, lower case first, so that a crontab line or a shell profile that works for curl works
for `marketwatch refresh` too.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.request import proxy_bypass_environment


@dataclass(frozen=True)
class Proxies:
    http: str | None = None  # for http:// feeds
    https: str | None = None  # for https:// feeds (through a CONNECT tunnel)
    all: str | None = None  # for either, when the one for its scheme is not set
    no: str = ""  # hosts and domains that go direct, comma-separated; "*" for all

    @classmethod
    def from_environment(cls, env: Mapping[str, str]) -> Proxies:
        def get(name: str) -> str | None:
            value = (env.get(name) or env.get(name.upper()) or "").strip()
            if not value:
                return None
            return value if "://" in value else f"http://{value}"  # "proxy:3128", as curl takes it

        return cls(get("http_proxy"), get("https_proxy"), get("all_proxy"),
                   (env.get("no_proxy") or env.get("NO_PROXY") or "").strip())

    def for_origin(self, scheme: str, host: str, port: int | None) -> str | None:
        """The proxy for requests to scheme://host:port, or None to go direct. This machine's own
        addresses always go direct: a proxy elsewhere cannot reach them."""
        proxy = (self.https if scheme == "https" else self.http) or self.all
        if proxy is None or is_loopback(host):
            return None
        if self.no and proxy_bypass_environment(f"{host}:{port}" if port else host, {"no": self.no}):
            return None
        return proxy


def is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def address(proxy: str) -> str:
    """The proxy as a message may show it: host and port, never its user name or password."""
    parts = urlsplit(proxy)
    try:
        port = parts.port
    except ValueError:
        port = None
    host = parts.hostname or "?"
    return f"{host}:{port}" if port else host
