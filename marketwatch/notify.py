"""Tell people of the new OEM–tech tie-ups a refresh stored: one message per refresh to each
service in [notify] (e-mail, Slack, Teams, Telegram, ntfy, Matrix, a webhook...: any of the
services Apprise knows, by URL), so that whoever is not looking at the dashboard hears of a
tie-up as soon as cron's refresh finds it.

The refresh that stores a tie-up is the one that tells of it, whether cron's or the dashboard's,
so each tie-up is told once. Apprise is imported only when there is something to send.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass

from marketwatch.config import Config
from marketwatch.queries import TIEUP, Story, headline_stories
from marketwatch.scope import resolve_scope
from marketwatch.text import strip_controls

LISTED = 10  # tie-ups spelled out in a message; the rest are counted


@dataclass(frozen=True)
class Sent:
    """What a refresh told: how many tie-ups, and one line per service that could not be told."""

    tieups: int = 0
    errors: tuple[str, ...] = ()


def tell(config: Config, conn: sqlite3.Connection, new_tieups: list[tuple[str, str]]) -> Sent:
    """Send the tie-ups among `new_tieups` (a refresh's (id, title) pairs) that [notify] asks for."""
    return deliver(config, pick(config, conn, new_tieups))


def pick(config: Config, conn: sqlite3.Connection, new_tieups: list[tuple[str, str]]) -> list[Story]:
    """The stored tie-ups among `new_tieups` that [notify] asks for (read first, and apart from
    the sending, so that a dashboard holds its database connection only for the reading)."""
    if not config.notify.urls or not new_tieups:
        return []
    ids = [story_id for story_id, _ in new_tieups]
    scope = resolve_scope(config, alliance=config.notify.alliance, watchlist=config.notify.watchlist)
    found = {story.id: story for story in headline_stories(conn, ids)}
    keep = set(scope.companies) if scope.companies is not None else None
    return [found[i] for i in ids if i in found and found[i].kind == TIEUP
            and (keep is None or keep.intersection(found[i].companies))]


def deliver(config: Config, stories: list[Story]) -> Sent:
    if not config.notify.urls or not stories:
        return Sent()
    title, body = compose(stories)
    return Sent(len(stories), tuple(send(config.notify.urls, title, body)))


def compose(stories: list[Story]) -> tuple[str, str]:
    """The title and plain-text body of the message: each tie-up's pairs, deal type, headline
    and link, at most LISTED of them."""
    count = len(stories)
    title = f"marketwatch: {count} new tie-up{'s' if count != 1 else ''}"
    blocks = []
    for story in stories[:LISTED]:
        who = ", ".join(" – ".join(pair) for pair in story.pairs) or ", ".join(story.companies)
        deal = f" ({story.deal_type})" if story.deal_type else ""
        lines = [f"{_plain(who)}{deal}: {_plain(story.title)}"]
        if story.url:
            lines.append(story.url)
        blocks.append("\n".join(lines))
    if count > LISTED:
        blocks.append(f"… and {count - LISTED} more (`marketwatch stories` lists them)")
    return title, "\n\n".join(blocks)


def send(urls: tuple[str, ...], title: str, body: str) -> list[str]:
    """Send to each URL; one line for each that failed, naming it without its secrets."""
    import apprise

    errors = []
    for url in urls:
        service = apprise.Apprise.instantiate(url)
        if service is None:
            errors.append(f"notify: {_shown(url)}: not a URL Apprise knows (see check-config)")
            continue
        with apprise.LogCapture(level=logging.DEBUG, fmt="%(levelname)s %(message)s") as log:
            ok = service.notify(body=body, title=title, body_format=apprise.NotifyFormat.TEXT)
        if not ok:
            errors.append(f"notify: {_masked(service)}: {_reason(log.getvalue())}")
    return errors


def problems(urls: tuple[str, ...]) -> list[str]:
    """What check-config says of [notify]: each URL Apprise cannot use."""
    if not urls:
        return []
    import apprise

    return [f"notify.urls: {_shown(url)}: not a URL Apprise knows" for url in urls
            if apprise.Apprise.instantiate(url) is None]


def describe(urls: tuple[str, ...]) -> list[str]:
    """The services, as check-config lists them: passwords and tokens masked."""
    import apprise

    shown = []
    for url in urls:
        service = apprise.Apprise.instantiate(url)
        shown.append(_masked(service) if service is not None else _shown(url))
    return shown


def _masked(service) -> str:
    """The service's URL with passwords and tokens masked, and without Apprise's own defaults
    (?method=POST&overflow=upstream&...), which the user did not write."""
    return _plain(service.url(privacy=True).split("?", 1)[0])


def _reason(log: str) -> str:
    """Apprise's warning, with the system's reason when there is one ("connection refused")."""
    lines = [line.split(" ", 1) for line in log.splitlines() if " " in line]
    warning = next((text for level, text in lines if level in ("WARNING", "ERROR")), "not sent")
    cause = re.search(r"\[Errno -?\d+\] ([^\"')]+)", log)
    reason = f"{warning.rstrip('.')}: {cause.group(1).strip().lower()}" if cause else warning
    return _plain(reason)[:200]


def _shown(url: str) -> str:
    """A URL Apprise could not read: its scheme only, since the rest may hold a token."""
    return _plain(url.split("://", 1)[0] + "://…") if "://" in url else "(not a URL)"


def _plain(text: str) -> str:
    return " ".join(strip_controls(text).split())
