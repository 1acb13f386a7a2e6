"""Fetch feeds politely: conditional GET, a deadline per feed, a size cap, bounded redirects.

The HTTP client is httpx, streaming, so that the size cap stops a never-ending or
decompression-bomb body as soon as it passes the limit. Redirects are followed by hand to
remember where a permanent one points. Every failure becomes a one-line `FetchResult.error`,
never an exception, so one bad feed cannot stop the others.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import errno
import hashlib
import importlib.util
import os
import ssl
import stat
import sys
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# httpx imports its command-line tool (`httpx._main`, which pulls in rich and pygments) only if
# it can; marking it absent keeps the core free of UI libraries and ~25 ms faster to start.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
# httpcore imports the optional `sniffio` afresh for every lock and event it makes (six times a
# request); when it is not installed each attempt searches sys.path, ~0.5 ms a request in all.
# Recording it as absent makes the failed import instant; an installed sniffio is left alone.
if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
    sys.modules["sniffio"] = None  # type: ignore[assignment]

import httpx

from marketwatch import __version__, dates
from marketwatch.config import Settings
from marketwatch.decode import BadEncoding, Decoder, TooLarge
from marketwatch.models import FeedState, FetchResult
from marketwatch.proxies import Proxies, address, problem

USER_AGENT = f"marketwatch/{__version__} (+https://github.com/marketwatch/marketwatch; feed reader)"
ACCEPT = ("application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, "
          "text/xml;q=0.8, */*;q=0.5")
MAX_RETRY_AFTER = timedelta(days=1)
_PERMANENT = {301, 308}
_REDIRECTS = {301, 302, 303, 307, 308}
# Flags for opening a file:// feed (absent on Windows): never wait for a FIFO's writer, never
# take a terminal as the controlling one, never leak the descriptor to a child process.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOCTTY = getattr(os, "O_NOCTTY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


class _HostPools(httpx.AsyncBaseTransport):
    """A small connection pool per site instead of httpx's one pool for all of them.

    httpcore's pool checks every connection it holds (a system call each) whenever a request
    starts or ends, and a pool of 16 connections shared by 40 sites kept dropping one site's
    idle connection to open another's: half the CPU of a 200-feed refresh went there. A pool per
    site keeps at most `per_host` idle connections (the Fetcher sends a site no more requests at
    once) for that site's next feed, and is closed once no feed uses it or waits for it: over a
    few thousand feeds, idle sockets would add up to the process's limit of open files. Feeds
    redirected to a site count as its users while they follow the redirect. A site's pool goes
    through the proxy the environment names for it (marketwatch.proxies). The TLS context is
    made once, on the first https request: loading the CA bundle takes 50-90 ms, which a refresh
    of plain http feeds should not pay."""

    def __init__(self, per_host: int, concurrency: int, proxies: Proxies) -> None:
        # Redirects from many sites to one (an http -> https move, a feed host) may need more than
        # per_host connections at once; the Fetcher's semaphores bound the total.
        self._limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=per_host)
        self._proxies = proxies
        self._pools: dict[tuple, httpx.AsyncHTTPTransport] = {}
        self._via: dict[tuple, str] = {}  # site -> the proxy its pool goes through
        self._users: dict[tuple, int] = {}
        self._contexts: dict[bool, ssl.SSLContext] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        key = _origin(request.url)
        pool = self._pools.get(key)
        if pool is None:
            pool = self._pools[key] = self._pool(key, request.url)
        try:
            return await pool.handle_async_request(request)
        except httpx.ConnectError as exc:
            # Through a proxy, a connection that fails before TLS is the one to the proxy.
            if key not in self._via or any(isinstance(e, ssl.SSLError) for e in _chain(exc)):
                raise
            raise httpx.ProxyError(f"cannot reach the proxy {self._via[key]}: {describe_http_error(exc)}") from exc

    def _pool(self, key: tuple, url: httpx.URL) -> httpx.AsyncHTTPTransport:
        proxy = self._proxies.for_origin(url.scheme, url.raw_host.decode("ascii"), url.port)
        via = "?"
        if proxy is not None:
            via = self._via[key] = address(proxy)
            why = problem(proxy)
            if why:
                raise httpx.ProxyError(f"cannot use the proxy {via}: {why}")
        try:
            return httpx.AsyncHTTPTransport(verify=self._context(url.scheme == "https"), limits=self._limits,
                                            proxy=proxy)
        except ImportError:  # httpx takes socks5:// proxies only with the optional socksio package
            raise httpx.ProxyError(f"cannot use the proxy {via}: a SOCKS proxy needs "
                                   "the socksio package (pip install 'httpx[socks]')") from None
        except (ValueError, httpx.InvalidURL) as exc:  # what `problem` did not foresee
            raise httpx.ProxyError(f"cannot use the proxy {via}: {type(exc).__name__}") from None

    def _context(self, verified: bool) -> ssl.SSLContext:
        if verified not in self._contexts:
            # verified: the CA bundle httpx would load (SSL_CERT_FILE and SSL_CERT_DIR honoured);
            # plain http never uses its context, so it gets one that loads nothing.
            self._contexts[verified] = httpx.create_ssl_context(verify=verified)
        return self._contexts[verified]

    def use(self, url: str) -> tuple | None:
        """Count a feed as a user of the site of `url` until `done`; None for a URL httpx rejects
        (the request itself reports it)."""
        try:
            key = _origin(httpx.URL(url))
        except Exception:
            return None
        self._users[key] = self._users.get(key, 0) + 1
        return key

    async def done(self, key: tuple | None) -> None:
        if key is None:
            return
        self._users[key] -= 1
        if self._users[key]:
            return
        del self._users[key]
        if asyncio.current_task().cancelling():  # a timeout, or the run stopping: leave it to aclose()
            return
        self._via.pop(key, None)
        pool = self._pools.pop(key, None)
        if pool is not None:
            with contextlib.suppress(Exception):
                await pool.aclose()

    async def aclose(self) -> None:
        pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            await pool.aclose()


def _origin(url: httpx.URL) -> tuple:
    return (url.raw_scheme, url.raw_host, url.port)


class Fetcher:
    """Fetch many feeds at once: at most `concurrency` in all and `per_host` per host."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._pools = _HostPools(settings.per_host, settings.concurrency, Proxies.from_environment(os.environ))
        self._headers = {"User-Agent": settings.user_agent or USER_AGENT, "Accept": ACCEPT,
                         "Accept-Encoding": "gzip, deflate"}
        self._timeout = httpx.Timeout(settings.timeout).as_dict()
        self._cookies = httpx.Cookies()
        self._all = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}

    async def aclose(self) -> None:
        await self._pools.aclose()

    async def fetch(self, state: FeedState, now: datetime) -> FetchResult:
        if state.retry_after and state.retry_after > dates.to_iso(now):
            return FetchResult(state.url, "deferred",
                               error=f"server asked us to wait until {state.retry_after}")
        url = state.fetch_url or state.url
        try:
            parts = urlsplit(url)
        except ValueError:  # a stored URL the config check did not see (its redirect target)
            return _error(state, f"bad URL: {_printable(url)[:100]}")
        if parts.scheme == "file":
            return await asyncio.to_thread(self._read_file, state, url)
        host = parts.netloc.lower()
        site = self._pools.use(url)  # counted while it waits, so its site's connections stay open
        try:
            return await self._fetch_http(state, url, now, host)
        finally:
            await self._pools.done(site)

    async def _fetch_http(self, state: FeedState, url: str, now: datetime, host: str) -> FetchResult:
        per_host = self._hosts.setdefault(host, asyncio.Semaphore(self.settings.per_host))
        async with per_host, self._all:
            try:
                async with asyncio.timeout(self.settings.timeout):
                    return await self._get(state, url, now)
            except TimeoutError:
                return _error(state, f"timed out after {self.settings.timeout:g} s")
            except TooLarge:
                return _error(state, f"feed is larger than {_size(self.settings.max_bytes)}; skipped")
            except BadEncoding as exc:
                return _error(state, str(exc))
            except httpx.HTTPError as exc:
                return _error(state, describe_http_error(exc))
            except ssl.SSLError as exc:
                return _error(state, f"TLS error: {_short(exc)}")
            except OSError as exc:
                return _error(state, f"network error: {exc.strerror or _short(exc)}")
            except httpx.InvalidURL as exc:
                return _error(state, f"bad URL: {_short(exc)}")
            except Exception as exc:  # one odd feed must never stop the others
                # Hostile URLs and servers reach corners of httpx/anyio/idna that raise plain
                # ValueError, OverflowError or an ExceptionGroup: report them like any failure.
                return _error(state, f"request failed: {_describe_unexpected(exc)}")

    async def _get(self, state: FeedState, url: str, now: datetime) -> FetchResult:
        held: list[tuple | None] = []  # sites that redirects led to: in use until this feed is done
        try:
            return await self._follow(state, url, now, held)
        finally:
            for site in held:
                await self._pools.done(site)

    async def _follow(self, state: FeedState, url: str, now: datetime, held: list) -> FetchResult:
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        permanent: str | None = None
        all_permanent = True
        seen = {url}
        for _hop in range(self.settings.max_redirects + 1):
            async with self._send(url, headers) as response:
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    try:
                        target = urljoin(url, response.headers["location"].strip())
                        parts = urlsplit(target)
                        parts.port  # noqa: B018 - raises ValueError on a port that is not 0-65535
                    except ValueError:
                        return _error(state, "redirect to an invalid URL", response.status_code)
                    if parts.scheme not in ("http", "https") or not parts.hostname:
                        return _error(state, f"redirect to a non-http URL: {_printable(target)[:100]}",
                                      response.status_code)
                    if target in seen:
                        return _error(state, "redirect loop", response.status_code)
                    seen.add(target)
                    all_permanent = all_permanent and response.status_code in _PERMANENT
                    permanent = target if all_permanent else permanent
                    held.append(self._pools.use(target))
                    url = target
                    continue
                return await self._result(state, response, permanent, now, url)
        return _error(state, f"too many redirects (more than {self.settings.max_redirects})")

    @contextlib.asynccontextmanager
    async def _send(self, url: str, headers: dict[str, str]) -> AsyncIterator[httpx.Response]:
        """One GET through httpx's transport, doing for it what httpx.AsyncClient would: the
        credentials of a `user:password@` URL as Basic auth, and one cookie jar for the run (a
        site that sets a consent cookie on a redirect expects it back on the next hop). The
        client itself is not used: it also merges a base URL, runs auth and redirect flows and
        event hooks, and puts every response through its cookie jar (a urllib Request built and
        parsed each time) where most feeds set no cookie: 8 % of a refresh of 200 feeds that
        answer 304. Timeouts are the client's, as the request's "timeout" extension; redirects
        are followed by _follow."""
        request = httpx.Request("GET", url, headers={**self._headers, **headers},
                                extensions={"timeout": self._timeout})
        if request.url.username or request.url.password:
            request = next(httpx.BasicAuth(request.url.username, request.url.password).auth_flow(request))
        if self._cookies.jar:
            self._cookies.set_cookie_header(request)
        response = await self._pools.handle_async_request(request)
        response.request = request
        try:
            if "set-cookie" in response.headers:
                self._cookies.extract_cookies(response)
            yield response
        finally:
            await response.aclose()

    async def _result(self, state: FeedState, response: httpx.Response, permanent: str | None,
                      now: datetime, url: str) -> FetchResult:
        status = response.status_code
        if status == 304:
            await response.aread()  # no body, but httpcore keeps the connection only once it has seen the end
            return FetchResult(state.url, "not-modified", 304, permanent_url=permanent,
                               etag=state.etag, last_modified=state.last_modified)
        if status == 407:  # only a proxy asks this: its user name and password are missing or wrong
            return _error(state, "proxy: HTTP 407 Proxy Authentication Required (put the user name and "
                                 "password in the proxy's URL)", status)
        if status in (429, 503):
            retry = retry_after(response.headers.get("retry-after"), now)
            return FetchResult(state.url, "error", status, retry_after=retry, permanent_url=permanent,
                               error=f"HTTP {status} {response.reason_phrase}"
                               + (f"; retrying after {retry}" if retry else ""))
        if status >= 400:
            return _error(state, f"HTTP {status} {response.reason_phrase}".strip(), status)
        if status != 200:
            return _error(state, f"unexpected HTTP {status}", status)
        body = await self._read_capped(response)
        digest = hashlib.blake2b(body, digest_size=16).hexdigest()
        etag = response.headers.get("etag")
        modified = response.headers.get("last-modified")
        if digest == state.content_hash:
            return FetchResult(state.url, "unchanged", 200, etag=etag, last_modified=modified,
                               content_hash=digest, permanent_url=permanent)
        headers = {k.lower(): v for k, v in response.headers.items()
                   if k.lower() in ("content-type", "content-location", "content-language")}
        return FetchResult(state.url, "ok", 200, content=body, headers=headers, etag=etag,
                           last_modified=modified, content_hash=digest, permanent_url=permanent, fetched_from=url)

    async def _read_capped(self, response: httpx.Response) -> bytes:
        """The body, decompressed by us so that neither the bytes on the wire nor the bytes they
        inflate to can exceed max_bytes (see marketwatch.decode)."""
        limit = self.settings.max_bytes
        declared = response.headers.get("content-length", "").strip()
        if declared.isascii() and declared.isdigit() and int(declared) > limit:
            raise TooLarge
        decoder = Decoder(response.headers.get("content-encoding", ""), limit)
        raw = 0
        async for chunk in response.aiter_raw():
            raw += len(chunk)
            if raw > limit:
                raise TooLarge
            decoder.feed(chunk)
        return decoder.finish()

    def _read_file(self, state: FeedState, url: str) -> FetchResult:
        """file:// feeds: the bundled demo and local experiments. Same cap, same change check.

        Only a regular file is read: a device (/dev/zero, /dev/urandom) never ends and has no
        size to check, and a FIFO would block this thread, which no timeout can stop, while
        the refresh holds its lock. The path is checked before it is opened, so that a device
        is never opened at all, and opened without blocking (a FIFO put in its place meanwhile
        opens at once and is refused too). At most max_bytes + 1 bytes are read, so a file that
        grows after the check still cannot pass the cap."""
        path = Path(unquote(urlsplit(url).path))
        shown = _printable(str(path))
        limit = self.settings.max_bytes
        try:
            info = os.stat(path)
            if not stat.S_ISREG(info.st_mode):
                return _error(state, f"cannot read {shown}: not a regular file")
            if info.st_size > limit:
                return _error(state, f"feed is larger than {_size(limit)}; skipped")
            fd = os.open(path, os.O_RDONLY | _NONBLOCK | _NOCTTY | _CLOEXEC)
            with open(fd, "rb") as file:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    return _error(state, f"cannot read {shown}: not a regular file")
                body = file.read(limit + 1)
        except OSError as exc:
            return _error(state, f"cannot read {shown}: {exc.strerror or _short(exc)}")
        except ValueError:  # a NUL in the path (%00): no file has that name
            return _error(state, f"cannot read {shown}: not a file name (it holds a NUL character)")
        if len(body) > limit:
            return _error(state, f"feed is larger than {_size(limit)}; skipped")
        digest = hashlib.blake2b(body, digest_size=16).hexdigest()
        status = "unchanged" if digest == state.content_hash else "ok"
        return FetchResult(state.url, status, None, content=None if status == "unchanged" else body,
                           content_hash=digest)


def retry_after(value: str | None, now: datetime) -> str | None:
    """Retry-After as seconds or an HTTP date, capped at a day; None when absent or nonsense."""
    if not value:
        return None
    value = value.strip()
    delay: timedelta | None = None
    if value.isascii() and value.isdigit():  # ASCII only: int() would choke on "¹" or 10**5000
        delay = MAX_RETRY_AFTER if len(value) > 9 else min(timedelta(seconds=int(value)), MAX_RETRY_AFTER)
    else:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if when.tzinfo is None:
            return None
        delay = when - now
    if delay.total_seconds() <= 0:
        return None
    return dates.to_iso(now + min(delay, MAX_RETRY_AFTER))


def describe_http_error(exc: httpx.HTTPError) -> str:
    if isinstance(exc, httpx.ProxyError):
        return f"proxy: {_short(exc)}"
    if isinstance(exc, httpx.ConnectTimeout | httpx.ReadTimeout | httpx.WriteTimeout | httpx.PoolTimeout):
        return "timed out"
    if isinstance(exc, httpx.ConnectError):
        text = " ".join(str(e) for e in _chain(exc)).lower()
        if "refused" in text or any(getattr(e, "errno", None) == errno.ECONNREFUSED for e in _chain(exc)):
            return "connection refused"
        if "name or service" in text or "nodename" in text or "getaddrinfo" in text or "resolve" in text:
            return "host not found"
        return f"cannot connect: {_short(exc)}"
    if isinstance(exc, httpx.RemoteProtocolError):
        if "illegal status line" in str(exc):  # h11 quotes the raw bytes: "bytearray(b'\x00garbage')"
            return "the server did not answer in HTTP (its first line is no HTTP status line)"
        return f"the server broke the connection: {_short(exc)}"
    if isinstance(exc, httpx.ReadError):
        return "connection reset while reading"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return f"bad URL: {_short(exc)}"
    return f"{type(exc).__name__}: {_short(exc)}"


def cannot_reach(error: str | None) -> bool:
    """Whether a feed's error (as `describe_http_error` and the fetch put it) says its server
    could not be reached at all: its name not found, no connection to it, or no route. With no
    network, every feed fails so; a proxy that cannot be reached says so itself."""
    return bool(error) and (error in ("host not found", "connection refused")
                            or error.startswith(("cannot connect: ", "network error: ")))


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and its causes: httpx wraps the OSError that says what really happened."""
    out: list[BaseException] = []
    while exc is not None and exc not in out and len(out) < 10:
        out.append(exc)
        exc = exc.__cause__ or exc.__context__
    return out


def _short(exc: Exception) -> str:
    return _printable(" ".join(str(exc).split()))[:160] or type(exc).__name__


def _describe_unexpected(exc: BaseException) -> str:
    if isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    return f"{type(exc).__name__}: {_short(exc)}" if str(exc) else type(exc).__name__


def _printable(text: str) -> str:
    """Server-supplied text (a Location header, an error message) without control characters."""
    return "".join(c if c.isprintable() else "?" for c in text)


def _error(state: FeedState, message: str, http_status: int | None = None) -> FetchResult:
    return FetchResult(state.url, "error", http_status, error=message)


def _size(n: int) -> str:
    return f"{n / 1_000_000:g} MB" if n >= 1_000_000 else f"{n:,} bytes"
