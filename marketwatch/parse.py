"""Turn a fetched document into cleaned entries with stable ids and trustworthy dates."""

from __future__ import annotations

import functools
import hashlib
import xml.sax
from dataclasses import dataclass
from datetime import datetime

import feedparser

from marketwatch import dates, discover, fastrss
from marketwatch.models import Entry
from marketwatch.text import clean_summary, clean_title, strip_controls
from marketwatch.urls import canonical_url, safe_link


@dataclass(frozen=True)
class ParsedDocument:
    title: str | None
    site_url: str | None
    entries: tuple[Entry, ...]
    error: str | None = None
    # A feed read in part: its XML breaks off or goes wrong after some items ("a feed cut off in
    # transit"), which feedparser reads up to there; the feed is ok, its health says what is missing.
    warning: str | None = None


def parse_document(
    feed_url: str,
    content: bytes,
    headers: dict[str, str] | None,
    languages: tuple[str, ...],
    now: datetime,
    *,
    fetched_from: str | None = None,
) -> ParsedDocument:
    """`feed_url` is the feed's own address (entry ids stay the same when a site redirects for a
    while); `fetched_from`, where a redirect led, is the base of the links an HTML page names."""
    if not content.strip():
        return ParsedDocument(None, None, (), "empty response")
    _complete_iso_dates_only()
    headers = _bom_over_charset(content, headers)
    # Plain RSS 2.0 (most feeds) takes a fast path with feedparser's exact answer; anything
    # else, or anything odd, goes to feedparser itself.
    parsed = fastrss.parse(content, headers)
    if parsed is None:
        try:
            parsed = feedparser.parse(
                content,
                response_headers=headers or {},
                sanitize_html=False,
                resolve_relative_uris=False,
            )
        except Exception as exc:  # feedparser is lenient, but hostile bytes can still trip it
            return ParsedDocument(None, None, (), f"could not parse the feed: {_one_line(exc)}")
    feed = parsed.get("feed", {})
    if not parsed.entries and not parsed.get("version"):
        return ParsedDocument(None, None, (), _not_a_feed(parsed, content, fetched_from or feed_url))
    title = clean_title(feed.get("title")) or None
    site_url = safe_link(feed.get("link"))
    entries: dict[str, Entry] = {}
    for raw in parsed.entries:
        entry = _entry(feed_url, raw, languages, now)
        if entry is not None and entry.id not in entries:
            entries[entry.id] = entry
    return ParsedDocument(title, site_url, tuple(entries.values()), warning=_read_in_part(parsed, len(entries)))


def _bom_over_charset(content: bytes, headers: dict[str, str] | None) -> dict[str, str] | None:
    """A byte-order mark says the encoding more surely than the HTTP header does (RFC 7303, and
    browsers): a UTF-16 feed served as `charset=utf-8`, read as UTF-8, failed as "not well-formed
    XML (invalid token)". With a BOM, the header's charset is left out and the BOM decides."""
    if not headers or not content.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return headers
    kind = headers.get("content-type", "")
    if "charset" not in kind.lower():
        return headers
    return {**headers, "content-type": kind.split(";", 1)[0].strip()}


def _read_in_part(parsed, entries: int) -> str | None:
    """Not feedparser's other bozo reasons (an encoding declared wrong, a text/plain type): those
    lose nothing."""
    exc = parsed.get("bozo_exception")
    if not parsed.get("bozo") or not isinstance(exc, xml.sax.SAXException):
        return None
    message = exc.getMessage() if hasattr(exc, "getMessage") else str(exc)
    read = f"{entries} {'entry' if entries == 1 else 'entries'} read"
    return f"read in part: not well-formed XML ({_one_line(message)}); {read}, any after it lost"


def _entry(feed_url: str, raw, languages: tuple[str, ...], now: datetime) -> Entry | None:
    # Read as a plain dict: FeedParserDict.get runs Python code (and raises and catches KeyError
    # for each absent key). Its one fallback that matters here, "updated" answering with
    # "published", would only try the same date again.
    raw = dict(raw)
    title = clean_title(raw.get("title"))
    summary = clean_summary(_summary_html(raw))
    link = safe_link(raw.get("link"))
    guid = strip_controls(str(raw.get("id") or "")).strip()[:500] or None
    if not title and not summary:
        return None
    if not title:
        title = summary[:120]
    published, source = _published(raw, languages, now)
    return Entry(
        id=story_id(feed_url, guid, link, title),
        guid=guid,
        url=link,
        title=title,
        summary=summary,
        published=published,
        date_source=source,
    )


def story_id(feed_url: str, guid: str | None, link: str | None, title: str) -> str:
    """Identity across feeds and runs: the canonical link where there is one (the same
    article carried by two feeds, with different tracking parameters, is one story), else the
    guid within its feed, else the title within its feed."""
    if link:
        key = "url:" + canonical_url(link)
    elif guid:
        key = f"guid:{feed_url}#{guid}"
    else:
        key = f"title:{feed_url}#{title}"
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def _summary_html(raw) -> str:
    summary = raw.get("summary") or ""
    if not summary:
        for content in raw.get("content") or ():
            if content.get("value"):
                return content["value"]
    return summary


def _published(raw, languages: tuple[str, ...], now: datetime) -> tuple[datetime, str]:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = dates.plausible(dates.from_struct(raw.get(key)), now)
        if value:
            return value, "feed"
    for key in ("published", "updated", "created", "dc_date"):
        text = raw.get(key)
        if isinstance(text, str) and text.strip():
            value = dates.plausible(dates.parse_text(text, languages, complete=True), now)
            if value:
                return value, "text"
    return now, "first-seen"


@functools.cache
def _complete_iso_dates_only() -> None:
    """feedparser's ISO 8601 date handler reads a prefix of the text and fills what it lacks
    from today: "2026/11/25" or "2026年11月25日" become the first of the current month, so a
    week-old story would be dated today. It is replaced, once per process, by one that answers
    only when the prefix holds a year, a month and a day (or a day of the year); other texts go
    on to feedparser's other handlers and to dateparser. fastrss uses the same handlers."""
    from feedparser.datetimes import _date_handlers
    from feedparser.datetimes.iso8601 import _iso8601_matches, _parse_date_iso8601

    def complete_iso8601(text: str):
        found = next((m for m in (match(text) for match in _iso8601_matches) if m), None)
        if found is None:
            return None
        parts = found.groupdict()
        if not parts.get("year") or not (parts.get("ordinal") or (parts.get("month") and parts.get("day"))):
            return None
        return _parse_date_iso8601(text)

    _date_handlers[:] = [complete_iso8601 if h is _parse_date_iso8601 else h for h in _date_handlers]


def _not_a_feed(parsed, content: bytes, url: str) -> str:
    head = content[:512].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        # Most often a site's home page given where its feed belongs: say which feed it names.
        links = discover.feed_links(content, url)
        if not links:
            return "not a feed: the server sent an HTML page (a web page, a login or a bot check) that names no feed"
        more = f" (and {len(links) - 1} more)" if len(links) > 1 else ""
        return f"not a feed: the server sent an HTML page; the feed it names is {links[0]}{more}"
    if head.startswith((b"{", b"[")):
        return "not a feed: the server sent JSON (a JSON Feed or an API's answer); marketwatch reads RSS and Atom"
    exc = parsed.get("bozo_exception")
    if exc is not None:
        # expat's "<unknown>:2:0: syntax error" names a line of feedparser's copy, not of the feed
        message = exc.getMessage() if hasattr(exc, "getMessage") else None
        if message:
            message = message.removeprefix("not well-formed (").removesuffix(")")
            return f"not a feed: not well-formed XML ({_one_line(message)})"
        return f"not a feed: {_one_line(exc)}"
    return "not a feed: no entries and no feed format recognised"


def _one_line(exc: object) -> str:
    text = strip_controls(" ".join(str(exc).split())) or type(exc).__name__
    return text[:200]
