"""Which proxy, if any, a feed's requests go through: the environment's, read as pip reads it.

Analysts often sit behind a company proxy, and the command-line tools they use (pip, git,
requests-based scripts, curl) find it in HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY.
marketwatch reads the same variables, lower case first, so that a crontab line or a shell
profile that works for them works for `marketwatch refresh` too.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.request import proxy_bypass_environment

SCHEMES = ("http", "https", "socks5", "socks5h")


@dataclass(frozen=True)
class Proxies:
    http: str | None = None  # for http:// feeds
    https: str | None = None  # for https:// feeds (through a CONNECT tunnel)
    all: str | None = None  # for either, when the one for its scheme is not set
    no: str = ""  # hosts and domains that go direct, comma-separated; "*" for all

    @classmethod
    def from_environment(cls, env: Mapping[str, str]) -> Proxies:
        def get(name: str) -> str:
            # A lower-case variable set, even to nothing, is the one that counts (as in urllib):
            # `https_proxy= marketwatch refresh` goes direct for one run.
            value = env.get(name)
            return (env.get(name.upper(), "") if value is None else value).strip()

        def proxy(name: str) -> str | None:
            value = get(name)
            if not value:
                return None
            return value if "://" in value else f"http://{value}"  # "proxy:3128" is an http proxy

        return cls(proxy("http_proxy"), proxy("https_proxy"), proxy("all_proxy"), get("no_proxy"))

    def for_origin(self, scheme: str, host: str, port: int | None) -> str | None:
        """The proxy for requests to scheme://host:port (host as sent: IDNA names in their
        xn-- form), or None to go direct. This machine's own addresses always go direct: a proxy
        elsewhere cannot reach them."""
        proxy = (self.https if scheme == "https" else self.http) or self.all
        host = host.lower().rstrip(".")
        if proxy is None or is_loopback(host):
            return None
        port = port or (443 if scheme == "https" else 80)
        if self.no and proxy_bypass_environment(f"{host}:{port}", {"no": self.no}):
            return None
        return proxy


def problem(proxy: str) -> str | None:
    """Why a proxy URL cannot be used, in words that do not repeat its user name or password."""
    try:
        parts = urlsplit(proxy)
    except ValueError:  # "http://[::1/": brackets that do not close on an IPv6 address
        return "it is not a valid URL (check the brackets around its address)"
    if parts.scheme.lower() not in SCHEMES:
        return f"unsupported proxy scheme {parts.scheme!r} (use http://)"
    try:
        port = parts.port
        host = parts.hostname
    except ValueError:
        return "its port is not a number from 1 to 65535"
    if not host:
        return "it has no host name"
    if port == 0:
        return "its port is not a number from 1 to 65535"
    return None


def is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def address(proxy: str) -> str:
    """The proxy as a message may show it: host and port as written, never the credentials."""
    try:
        netloc = urlsplit(proxy).netloc
    except ValueError:
        netloc = proxy.partition("://")[2].partition("/")[0]
    return netloc.rpartition("@")[2] or "?"
