"""The values that pass between the pipeline's stages: fetch -> parse -> match -> store.

They are plain frozen dataclasses so that they pickle cheaply to and from the parser processes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class FeedState:
    """What the store remembers about a feed between runs, for polite conditional requests."""

    url: str
    fetch_url: str | None = None  # where a permanent redirect pointed
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    retry_after: str | None = None  # ISO time before which the server asked us not to come back
    last_fetched: str | None = None  # None: never fetched (a first run, a feed just added)


@dataclass(frozen=True)
class FetchResult:
    url: str
    status: str  # "ok", "not-modified", "unchanged", "error", "deferred"
    http_status: int | None = None
    content: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    permanent_url: str | None = None
    retry_after: str | None = None
    error: str | None = None
    fetched_from: str | None = None  # where the body came from, after redirects (an HTML page's base)


@dataclass(frozen=True)
class Entry:
    """One feed entry as plain, cleaned text."""

    id: str
    guid: str | None
    url: str | None
    title: str
    summary: str
    published: datetime
    date_source: str  # "feed", "text" or "first-seen"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    company: str


@dataclass(frozen=True)
class Match:
    """What the matcher found in one story."""

    kind: str | None = None  # "oem-tech", "oem-oem", "tech-tech" or None
    companies: tuple[str, ...] = ()  # every company named (alliances expanded, parents added)
    parties: tuple[str, ...] = ()  # companies that take part in a deal the story reports
    pairs: tuple[tuple[str, str], ...] = ()  # (oem, tech) for tie-ups; (a, b) for other kinds
    alliances: tuple[str, ...] = ()
    deal_type: str | None = None
    sentence: str | None = None
    spans: tuple[Span, ...] = ()
    # Each pair's own deal, in the order of `pairs`: a story of an MoU may name a partnership of
    # other companies in passing ("BMW, Volvo and Ford partner with Alibaba"), and `deal_type`
    # (the story's) would pass that MoU on to them.
    pair_deals: tuple[str, ...] = ()

    @property
    def tieup(self) -> bool:
        return self.kind == "oem-tech"


NO_MATCH = Match()


@dataclass(frozen=True)
class ParsedFeed:
    url: str
    title: str | None
    site_url: str | None
    items: tuple[tuple[Entry, Match], ...]
    error: str | None = None  # set when the document is not a usable feed
    warning: str | None = None  # set when it was read in part (parse.ParsedDocument.warning)


@dataclass(frozen=True)
class Sent:
    """What a [notify] catch-up did: the services that had tie-ups to hear of, how many of them
    took their message, the most tie-ups any one was sent, and a line for each that was not
    told. (Here rather than in marketwatch.notify so that a refresh without [notify] need not
    load that module to say it sent nothing.)"""

    services: int = 0
    told: int = 0
    tieups: int = 0
    errors: tuple[str, ...] = ()
