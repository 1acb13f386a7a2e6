"""Tell people of the new OEM–tech tie-ups a refresh stored: a message to each service in
[notify] that has something to hear of (e-mail, Slack, Teams, Telegram, ntfy, Matrix, a
webhook...: any of the services Apprise knows, by URL), so that whoever is not looking at the
dashboard hears of a tie-up as soon as cron's refresh finds it.

Each service has a mark in the database: the last story it has been told of. Every refresh,
cron's or the dashboard's, tells each service what was stored after its mark and moves the mark
once the service has taken the message, so a service that was down hears of what it missed from
the next refresh. A message that arrived but was not acknowledged in time (or a dashboard quit
in the middle of sending) is sent again: at least once, not exactly once. Apprise is imported
only when there is something to send.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import threading
import time
from datetime import datetime, timedelta

from marketwatch import dates
from marketwatch.config import Config
from marketwatch.lock import notify_lock
from marketwatch.models import Sent
from marketwatch.pairdeals import by_deal, with_deal
from marketwatch.queries import NEWS_DAYS, tieups_stored_after
from marketwatch.scope import resolve_scope
from marketwatch.store import Store
from marketwatch.story import Story
from marketwatch.text import one_line
from marketwatch.urls import clean_link

LISTED = 10  # tie-ups spelled out in a message; the rest are counted
SEND_DEADLINE_S = 30.0  # for a whole send, every service at once
WEBHOOKS = frozenset({"json", "jsons", "form", "forms", "xml", "xmls"})


def catch_up(config: Config, store: Store, stored_before: int, now: datetime, *, skip: bool = False) -> Sent:
    """Tell each service the tie-ups stored since it was last told, published in the last
    NEWS_DAYS days, in the [notify] scope. A service new to this database starts at
    `stored_before` (where the refresh that calls this began). A service that was not told
    keeps its mark, so the next refresh tells it what it missed; `skip` moves every mark on
    without sending anything (refresh --no-notify)."""
    urls = config.notify.urls
    if not urls:
        return Sent()
    with notify_lock(store.path):
        marks = store.notify_marks()
        upto = store.last_rowid()
        keys = {url: service_key(url) for url in urls}
        if skip:
            store.set_notify_marks({keys[url]: upto for url in urls})
            return Sent()
        start = {url: min(marks.get(keys[url], stored_before), upto) for url in urls}
        messages = _messages(config, store, set(start.values()), upto, now)
        owed = {url: messages[start[url]] for url in urls if messages[start[url]][0]}  # url -> (count, title, body)
        results = dict(zip(owed, send_each([(url, title, body) for url, (_, title, body) in owed.items()]),
                           strict=True))
        # Told, or nothing to tell: moved on. Not told: left where it was (a service new to this
        # database, where it started), for the next refresh to tell it.
        store.set_notify_marks({keys[url]: upto if results.get(url) is None else start[url] for url in urls})
    errors = tuple(error for error in results.values() if error)
    most = max((count for count, _, _ in owed.values()), default=0)
    return Sent(services=len(owed), told=len(owed) - len(errors), tieups=most, errors=errors)


def _messages(config: Config, store: Store, marks: set[int], upto: int, now: datetime
              ) -> dict[int, tuple[int, str, str]]:
    """mark -> (tie-ups stored after it, the message's title, its body): one message for all
    the services that were told up to the same story."""
    scope = resolve_scope(config, alliance=config.notify.alliance, watchlist=config.notify.watchlist)
    since = dates.to_iso(now - timedelta(days=NEWS_DAYS))
    deals = config.notify.deals
    messages = {}
    for mark in marks:
        count, stories = tieups_stored_after(store.conn, mark, upto, scope.companies, since=since, deals=deals,
                                             limit=LISTED)
        messages[mark] = (count, *compose(stories, count))
    return messages


def service_key(url: str) -> str:
    """How notify_marks names a service: a hash of its URL without the password of its
    `user:password@` part, so that changing a password keeps what the service is owed, and the
    database holds nothing a password could be recovered from. (A token in the path, as Slack's
    or Telegram's, is part of the service's address: a new token is a new service.)"""
    scheme, sep, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    if "@" in host:
        userinfo, _, hostport = host.rpartition("@")
        host = f"{userinfo.split(':', 1)[0]}@{hostport}"
    return hashlib.sha256(f"{scheme}{sep}{host}{slash}{path}".encode()).hexdigest()[:32]


def compose(stories: list[Story], count: int | None = None) -> tuple[str, str]:
    """The title and plain-text body of the message about `count` tie-ups (by default, the
    stories given): each one's pairs, deal type, headline and link, at most LISTED of them."""
    count = len(stories) if count is None else count
    title = f"marketwatch: {count} new tie-up{'s' if count != 1 else ''}"
    blocks = []
    for story in stories[:LISTED]:
        lines = [f"{one_line(_who(story))}: {one_line(story.title)}"]
        if story.url:
            lines.append(clean_link(story.url) or story.url)  # without utm_* and the like, as exports
        blocks.append("\n".join(lines))
    if count > LISTED:
        blocks.append(f"… and {count - LISTED} more (`marketwatch stories` lists them)")
    return title, "\n\n".join(blocks)


def _who(story: Story) -> str:
    """`Ford – Baidu, Nissan – Baidu (MoU)`: the pairs, then their deal type. Pairs whose own
    deal is not the story's follow in a group of their own, so that a story of an MoU that
    names a partnership in passing says `Renault – Didi (MoU); Ford – Alibaba (partnership)`."""
    groups = by_deal(story)
    if not groups:
        return with_deal(story.parties, story.deal_type)
    return "; ".join(with_deal(", ".join(" – ".join(pair) for pair in pairs), deal) for pairs, deal in groups)


def send_each(jobs: list[tuple[str, str, str]], deadline: float = SEND_DEADLINE_S) -> list[str | None]:
    """Send each (url, title, body), all at once; for each, None when it was told, else one line
    saying why not, naming the service without its secrets.

    Apprise's timeouts apply to each connection and each read, so a service that answers a
    byte at a time could hold a refresh for minutes: whatever is still sending at `deadline`
    is given up on (its daemon thread never keeps the process alive). A service that took the
    message and answered too late counts as not told, and will be sent it again."""
    if not jobs:
        return []
    import apprise

    results: list[str | None] = [None] * len(jobs)
    running = []
    for i, (url, title, body) in enumerate(jobs):
        service = apprise.Apprise.instantiate(url)
        if service is None:
            results[i] = f"notify: {_shown(url)}: not a URL Apprise can use (see check-config)"
            continue
        thread = threading.Thread(target=_send_one, args=(service, title, body, results, i), daemon=True,
                                  name=f"notify-{i}")
        thread.start()
        running.append((i, service, thread))
    end = time.monotonic() + deadline
    for i, service, thread in running:
        thread.join(max(0.0, end - time.monotonic()))
        if thread.is_alive():
            results[i] = f"notify: {_masked(service)}: no answer within {deadline:g} s"
    return list(results)


def _send_one(service, title: str, body: str, results: list, i: int) -> None:
    import apprise

    lines = _log().follow()
    try:
        ok = service.notify(body=body, title=title, body_format=apprise.NotifyFormat.TEXT)
    except Exception as exc:  # a plugin's own bug must not take the refresh down
        ok = False
        lines.append(f"ERROR {type(exc).__name__}: {exc}")
    finally:
        _log().stop()
    if not ok:
        results[i] = f"notify: {_masked(service)}: {_reason(lines)}"


class _ThreadLog(logging.Handler):
    """Apprise says why a send failed only in its log: each sending thread reads its own lines
    (an apprise.LogCapture would mix those of services sent to at the same time)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: dict[int, list[str]] = {}

    def follow(self) -> list[str]:
        return self.lines.setdefault(threading.get_ident(), [])

    def stop(self) -> None:
        self.lines.pop(threading.get_ident(), None)

    def emit(self, record: logging.LogRecord) -> None:
        lines = self.lines.get(record.thread or 0)
        if lines is not None:
            lines.append(f"{record.levelname} {record.getMessage()}")


@functools.cache
def _log() -> _ThreadLog:
    """Installed once; Apprise's log goes nowhere else (Python would print its warnings on
    stderr, a second line beside ours)."""
    handler = _ThreadLog()
    logger = logging.getLogger("apprise")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    return handler


def check(urls: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """What check-config says of [notify]: the services as it lists them (passwords and tokens
    masked), and a line for each URL Apprise cannot use."""
    if not urls:
        return [], []
    import apprise

    shown, problems = [], []
    for url in urls:
        service = apprise.Apprise.instantiate(url)
        if service is None:
            problems.append(f"notify.urls: {_shown(url)}: not a URL Apprise can use")
        else:
            shown.append(_masked(service))
    return shown, problems


def _masked(service) -> str:
    """The service's URL with passwords and tokens masked, and without Apprise's own defaults
    (?method=POST&overflow=upstream&...), which the user did not write. A webhook's path often
    is its secret, and Apprise does not mask it: only its host is shown."""
    url = service.url(privacy=True).split("?", 1)[0]
    scheme, _, rest = url.partition("://")
    if scheme.lower() in WEBHOOKS and "/" in rest.rstrip("/"):
        url = f"{scheme}://{rest.split('/', 1)[0]}/…"
    return one_line(url)


def _reason(log: list[str]) -> str:
    """Apprise's warning, with the system's reason when there is one ("connection refused")."""
    parts = [line.split(" ", 1) for line in log if " " in line]
    warning = next((text for level, text in parts if level in ("WARNING", "ERROR")), "not sent")
    text = "\n".join(log)
    cause = re.search(r"\[Errno -?\d+\] ([^\"')\n]+)", text)
    if cause:
        warning = f"{warning.rstrip('.')}: {cause.group(1).strip().lower()}"
    elif "timed out" in text.lower():
        warning = f"{warning.rstrip('.')}: timed out"
    return one_line(re.sub(r"\.\s*,", ",", warning)).rstrip(".")[:200]  # Apprise's "error., error=500."


def _shown(url: str) -> str:
    """A URL Apprise could not read: its scheme only, since the rest may hold a token."""
    return one_line(url.split("://", 1)[0] + "://…") if "://" in url else "(not a URL)"

