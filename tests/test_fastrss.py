"""The RSS fast path must give exactly feedparser's answer, or step aside (return None)."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

import feedparser
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marketwatch import fastrss, parse

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "feedparser"
DEMO = ROOT / "marketwatch" / "demo" / "feeds"
NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)
ENTRY_KEYS = ("title", "summary", "link", "id", "published", "published_parsed", "updated", "updated_parsed")


def slow(content: bytes, headers: dict[str, str]):
    return feedparser.parse(content, response_headers=headers, sanitize_html=False, resolve_relative_uris=False)


def differences(content: bytes, headers: dict[str, str]) -> list | None:
    """None when the fast path steps aside, else how its answer differs from feedparser's."""
    fast = fastrss.parse(content, headers)
    if fast is None:
        return None
    reference = slow(content, headers)
    found = []
    for key in ("title", "link"):
        if reference.feed.get(key) != fast.feed.get(key):
            found.append(("feed", key, reference.feed.get(key), fast.feed.get(key)))
    if reference.get("version") != fast.get("version") or len(reference.entries) != len(fast.entries):
        return [*found, ("shape", reference.get("version"), len(reference.entries), len(fast.entries))]
    for i, (a, b) in enumerate(zip(reference.entries, fast.entries, strict=True)):
        for key in ENTRY_KEYS:
            # The keys each stored, read past FeedParserDict's deprecated updated -> published
            # fallback (which both share, and which warns on every read).
            if dict.get(a, key) != dict.get(b, key):
                found.append((i, key, dict.get(a, key), dict.get(b, key)))
        if [c.get("value") for c in a.get("content") or ()] != [c.get("value") for c in b.get("content") or ()]:
            found.append((i, "content"))
    return found


def corpus_headers(text: str) -> dict[str, str]:
    return {m.group(1).strip().lower(): m.group(2).strip()
            for m in re.finditer(r"^Header:\s*([^:]+):\s*(.*)$", text, re.M)}


def test_plain_rss_takes_the_fast_path_and_matches_feedparser():
    body = (b'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
            b'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title> News &amp; views </title>'
            b"<link>https://example.com/?a=1&amp;b=2</link><item><title>Ford &amp; Baidu</title>"
            b"<link>https://example.com/x?utm_source=rss&amp;a=1</link><guid>https://example.com/?p=1</guid>"
            b"<description><![CDATA[<p>Hello <b>world</b></p>]]></description>"
            b"<pubDate>Tue, 24 Nov 2026 10:00:00 +0000</pubDate><dc:creator>X</dc:creator></item>"
            b"<item><title>No link</title><guid>relative/2</guid><dc:date>2026-11-01T10:00:00Z</dc:date></item>"
            b"</channel></rss>")
    assert fastrss.parse(body, {}) is not None
    assert differences(body, {}) == []
    assert differences(body, {"content-location": "https://example.com/feed/"}) == []


@pytest.mark.parametrize("body", [
    b'<rss version="0.91"><channel><title>x</title></channel></rss>',
    b'<!DOCTYPE rss [<!ENTITY a "b">]><rss version="2.0"><channel><title>&a;</title></channel></rss>',
    b'<rss version="2.0"><channel><item><title>a <b>bold</b> move</title></item></channel></rss>',
    b'<rss version="2.0"><channel xml:base="http://a/"><item><link>x</link></item></channel></rss>',
    b'<rss version="2.0"><channel><item><media:title xmlns:media="http://search.yahoo.com/mrss/">t'
    b"</media:title></item></channel></rss>",
    b'<rss version="2.0"><channel><item><title>a</title><title>b</title></item></channel></rss>',
    b'<feed xmlns="http://www.w3.org/2005/Atom"><title>atom</title></feed>',
    b'<rss version="2.0"><channel><item><title>unclosed</item></channel></rss>',
])
def test_anything_unusual_steps_aside(body):
    assert fastrss.parse(body, {}) is None


def test_the_demo_feeds_agree():
    for path in sorted(DEMO.iterdir()):
        assert differences(path.read_bytes(), {"content-type": "application/rss+xml"}) in (None, []), path


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora/feedparser is not in this checkout")
def test_every_sample_of_feedparsers_corpus_agrees_or_steps_aside():
    checked = 0
    for path in sorted(CORPUS.rglob("*.xml")):
        content = path.read_bytes()
        for headers in (corpus_headers(content.decode("utf-8", "replace")), {}):
            found = differences(content, headers)
            assert found in (None, []), (path, headers, found[:3])
            checked += found is not None
    assert checked > 100  # the fast path really ran on the corpus's plain RSS samples


_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
_PIECES = st.sampled_from(["", " ", "&amp;", "&lt;b&gt;", "&#233;", "&#x80;", "&#150;", "Ã©", "\u00e9",
                           "<![CDATA[<i>x</i>]]>", "http://a.example/p?q=1&amp;r=2", "/relative/path",
                           "&amp;amp;", "\t\n", "é"])


def _field(pieces: list[str], text: str) -> str:
    return "".join(p if p.startswith(("&", "<![")) else escape(p) for p in [*pieces, text])


@settings(max_examples=int(os.environ.get("FASTRSS_EXAMPLES", "150")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.tuples(st.lists(_PIECES, max_size=4), _TEXT),
    summary=st.tuples(st.lists(_PIECES, max_size=4), _TEXT),
    link=st.tuples(st.lists(_PIECES, max_size=3), _TEXT),
    guid=st.tuples(st.lists(_PIECES, max_size=3), _TEXT),
    permalink=st.sampled_from([None, "true", "false", "True"]),
    date=st.sampled_from(["Tue, 24 Nov 2026 10:00:00 +0000", "2026-11-24T10:00:00Z", "24 Nov 2026", "yesterday", ""]),
    order=st.permutations(["title", "link", "guid", "description", "pubDate", "content"]),
    with_content=st.booleans(),
    location=st.sampled_from([None, "https://example.com/feed/", "/feed", "javascript:x"]),
)
def test_generated_items_agree_with_feedparser(title, summary, link, guid, permalink, date, order, with_content,
                                              location):
    attribute = "" if permalink is None else f' isPermaLink="{permalink}"'
    parts = {
        "title": f"<title>{_field(*title)}</title>",
        "link": f"<link>{_field(*link)}</link>",
        "guid": f"<guid{attribute}>{_field(*guid)}</guid>",
        "description": f"<description>{_field(*summary)}</description>",
        "pubDate": f"<pubDate>{date}</pubDate>",
        "content": f"<content:encoded>{_field(*summary)}</content:encoded>" if with_content else "",
    }
    body = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{_field(*title)}</title><link>{_field(*link)}</link>"
            f"<item>{''.join(parts[k] for k in order)}</item></channel></rss>").encode()
    headers = {"content-type": "application/rss+xml"}
    if location:
        headers["content-location"] = location
    assert differences(body, headers) in (None, [])


def test_parse_document_is_the_same_with_and_without_the_fast_path(monkeypatch):
    bodies = [path.read_bytes() for path in sorted(DEMO.iterdir())]
    fast = [parse.parse_document("https://f.example/feed", b, {}, ("en",), NOW) for b in bodies]
    monkeypatch.setattr(fastrss, "parse", lambda content, headers: None)
    reference = [parse.parse_document("https://f.example/feed", b, {}, ("en",), NOW) for b in bodies]
    assert fast == reference


_URI_PIECES = st.sampled_from(["http", "https", "HTTP", "a+b-c.d", "1x", "", ":", "//", "/", "///", "x", "a.example",
                               "?q=1", "#f", "&amp;", " ", "\u00e9", "..", "mailto:", "\t"])


@settings(max_examples=800, deadline=None)
@given(st.lists(_URI_PIECES, max_size=7).map("".join), st.sampled_from(["", "http://base.example/feed/"]))
def test_links_are_joined_as_feedparser_joins_them(uri, base):
    from feedparser.urls import _urljoin

    assert fastrss._join(base, uri) == _urljoin(base, uri)


_DATE_PIECES = st.sampled_from(["Tue", "Sat", "Thu", "t", "T", "Wed,", "mon", " ", ", ", "24", "2026", "11", "Nov",
                                "Okt", "10:00:00", "10:00", "+0000", "-0530", "GMT", "EST", "Z", "z", "-", "T10",
                                "\u039a\u03c5\u03c1", "\uc6d4", "\u00e9t\u00e9", "1e3", "_1", "Ⅻ", "٢٠٢٦"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_DATE_PIECES, max_size=8).map("".join))
def test_dates_are_read_as_feedparser_reads_them(value):
    """The fast path asks RFC 822's handler alone for a date that begins with a letter."""
    from feedparser.datetimes import _parse_date

    value = value.strip()
    assert fastrss._date(value) == _parse_date(value)


@pytest.mark.parametrize("value", ["Tue, 24 Nov 2026 10:00:00 +0000", "Sat, 07 Nov 2026 10:39:00 GMT",
                                   "Thu, 5 Nov 2026 9:00:00 EST", "Mon, 30 Feb 2026 10:00:00 +0000",
                                   "Tue, 24 Nov 2026", "Wed 04 Nov 2026 13:38:00 +0000", "T", "Sun, 99 Nov 99999",
                                   "2026-11-24T10:00:00Z", "24 Nov 2026 10:00:00 +0000", "Nov 24 2026"])
def test_the_dates_feeds_write_are_read_as_feedparser_reads_them(value):
    from feedparser.datetimes import _parse_date

    assert fastrss._date(value) == _parse_date(value)


def test_dates_follow_a_date_handler_registered_before_feedparsers_own(monkeypatch):
    """With another handler first (feedparser.registerDateHandler), the answer is `_parse_date`'s."""
    import time

    from feedparser.datetimes import _date_handlers, _parse_date

    mine = time.gmtime(0)
    monkeypatch.setattr(fastrss, "_date_handlers", [lambda value: mine, *_date_handlers])
    monkeypatch.setattr(fastrss, "_parse_date", lambda value: mine)
    assert fastrss._date("Tue, 24 Nov 2026 10:00:00 +0000") == mine
    monkeypatch.undo()
    assert fastrss._date("Tue, 24 Nov 2026 10:00:00 +0000") == _parse_date("Tue, 24 Nov 2026 10:00:00 +0000")
