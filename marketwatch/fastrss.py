"""A fast path for the common case: a well-formed RSS 2.0 document of plain items.

feedparser is lenient and thorough, and it costs about 0.25 ms an entry: most of a cold
refresh. Most feeds are plain RSS 2.0 (WordPress, news sites, Google News), and for those the
same answer comes from expat through ElementTree's C tree builder in a fraction of the time.

`parse()` returns what `feedparser.parse()` returns for the fields marketwatch reads (the feed's
title and link; each entry's title, summary, content, link, id, published and updated dates),
computed with feedparser's own helpers (encoding detection, DOCTYPE handling, URI joining, date
parsing, the cp1252 and double-UTF-8 repairs) in feedparser's order. It returns None, and the
caller uses feedparser itself, for anything outside a strict whitelist: another format or
version, a DOCTYPE, xml:base, markup or an unknown element inside an item, a parse error. The
test suite checks the two paths agree on every sample feedparser's own corpus holds.
"""

from __future__ import annotations

import contextlib
import re
import xml.etree.ElementTree as ET

# feedparser's own helpers, so that the answers are its answers. Imported with this module (the
# parser processes load it before the first document arrives), not on every item: three
# imports inside a function cost ~4 µs, an item takes ~150 µs.
from feedparser.datetimes import _date_handlers, _parse_date
from feedparser.datetimes.rfc822 import _parse_date_rfc822
from feedparser.datetimes.w3dtf import _parse_date_w3dtf
from feedparser.encodings import convert_to_utf8
from feedparser.html import _cp1252
from feedparser.sanitizer import replace_doctype
from feedparser.urls import _urljoin, make_safe_absolute_uri
from feedparser.util import FeedParserDict

_CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_ATOM = "{http://www.w3.org/2005/Atom}"
_SY = "{http://purl.org/rss/1.0/modules/syndication/}"
_WFW = "{http://wellformedweb.org/CommentAPI/}"
_SLASH = "{http://purl.org/rss/1.0/modules/slash/}"

# Elements of an item that feedparser files under keys marketwatch never reads; allowed only
# without child elements, so that nothing inside them can reach the fields that matter.
_ITEM_IGNORED = frozenset({
    "author", "category", "comments", "enclosure", "source", _DC + "creator", _DC + "subject",
    _WFW + "commentRss", _SLASH + "comments", "{com-wordpress:feed-additions:1}post-id",
})
# Channel elements that cannot set the feed's title or link or create entries.
_CHANNEL_IGNORED = frozenset({
    "description", "language", "copyright", "managingEditor", "webMaster", "pubDate",
    "lastBuildDate", "category", "generator", "docs", "cloud", "ttl", "rating",
    _SY + "updatePeriod", _SY + "updateFrequency", _SY + "updateBase",
})
# Channel elements whose children feedparser files under the image or text input.
_CHANNEL_BOXES = {
    "image": frozenset({"url", "title", "link", "width", "height", "description"}),
    "textInput": frozenset({"title", "description", "name", "link"}),
    "skipHours": frozenset({"hour"}),
    "skipDays": frozenset({"day"}),
}
_AMP_REF = re.compile("&([A-Za-z0-9_]+);")
# A URI that feedparser's _urljoin gives back as it is when there is no base: a scheme and "://"
# not followed by another "/" (its _urifixer, with the same character class, drops such slashes).
_PLAIN_URI = re.compile(r"[A-Za-z][A-Za-z0-9+-.]*://(?!/)")


class _Fallback(Exception):
    """The document needs feedparser's leniency."""


def parse(content: bytes, headers: dict[str, str] | None):

    """feedparser's result (a FeedParserDict) for a plain RSS 2.0 document, or None to use feedparser."""
    try:
        return _parse(content, headers or {})
    except (_Fallback, ET.ParseError, ValueError, LookupError, TypeError, RecursionError):
        return None


def _parse(content: bytes, headers: dict[str, str]):

    if b"<rss" not in content[:4096]:
        raise _Fallback
    result: dict = {}
    data = convert_to_utf8(headers, content, result)
    if not result.get("encoding"):
        raise _Fallback
    version, stripped, _entities = replace_doctype(data)
    if version or stripped != data or b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        raise _Fallback
    contentloc = headers.get("content-location", "")
    base = make_safe_absolute_uri("", contentloc) or make_safe_absolute_uri(contentloc) or ""
    parser = ET.XMLParser()
    parser.feed(data)
    root = parser.close()
    if root.tag != "rss" or root.get("version") != "2.0" or _has_base(root) or (root.text or "").strip():
        raise _Fallback
    channels = list(root)
    if len(channels) != 1 or channels[0].tag != "channel" or channels[0].attrib or (channels[0].tail or "").strip():
        raise _Fallback
    return _channel(channels[0], base)


def _has_base(element: ET.Element) -> bool:
    """feedparser takes a new base URI from any attribute named base or xml:base."""
    return bool(element.attrib) and any(key.rpartition("}")[2].lower() == "base" for key in element.attrib)


def _channel(channel: ET.Element, base: str):

    feed = FeedParserDict()
    entries: list = []
    seen: set[str] = set()
    for child in channel:
        tag = child.tag
        if not isinstance(tag, str) or _has_base(child):
            raise _Fallback
        if tag == "item":
            entries.append(_item(child, base))
        elif tag in ("title", "link"):
            if tag in seen:
                raise _Fallback
            seen.add(tag)
            text = _text(child)
            feed[tag] = _no_amp_refs(_fix(_join(base, text) if text else text)) if tag == "link" else _fix(text)
        elif tag in _CHANNEL_IGNORED:
            _leaf(child)
        elif tag in _CHANNEL_BOXES:
            allowed = _CHANNEL_BOXES[tag]
            for grandchild in child:
                if grandchild.tag not in allowed or _has_base(grandchild):
                    raise _Fallback
                _leaf(grandchild)
        elif tag == _ATOM + "link":
            rel = (child.get("rel") or "").lower()
            if not rel or rel == "alternate" or len(child):
                raise _Fallback
        else:
            raise _Fallback
    return FeedParserDict(feed=feed, entries=entries, version="rss20", bozo=False)


def _item(item: ET.Element, base: str):

    if item.attrib:
        raise _Fallback
    # Built as a plain dict (FeedParserDict's key aliases and fallbacks run in Python on every
    # access, and none of the keys set here has an alias), then copied into one at the end.
    entry: dict = {}
    seen: set[str] = set()
    for child in item:
        tag = child.tag
        if not isinstance(tag, str) or _has_base(child):
            raise _Fallback
        if tag in _ITEM_IGNORED:
            _leaf(child)
            continue
        if tag in seen:
            raise _Fallback
        seen.add(tag)
        if tag == "title":
            entry["title"] = _fix(_text(child))
        elif tag == "description":
            entry["summary"] = _fix(_text(child))
        elif tag == _CONTENT + "encoded":
            value = _fix(_text(child))
            entry.setdefault("content", []).append(FeedParserDict(value=value))
            entry.setdefault("summary", value)
        elif tag == "link":
            value = _text(child)
            value = _fix(_join(base, value) if value else value)
            entry["link"] = _no_amp_refs(value.replace("&amp;", "&"))
        elif tag == "guid":
            attrs = {key.lower(): value for key, value in child.attrib.items() if "}" not in key}
            is_link = attrs.get("ispermalink", "true") == "true"
            value = _text(child)
            value = _fix(_join(base, value) if is_link and value else value)
            entry["id"] = value
            entry.setdefault("guidislink", is_link and "link" not in entry)
            if is_link:
                entry.setdefault("link", value)
        elif tag == "pubDate":
            value = _fix(_text(child))
            entry["published"] = value
            entry["published_parsed"] = _date(value)
        elif tag == _DC + "date":
            value = _fix(_text(child))
            entry["updated"] = value
            entry["updated_parsed"] = _date(value)
        else:
            raise _Fallback
    return FeedParserDict(entry)


def _date(value: str):
    """feedparser's `_parse_date(value)`. Its first handler, the W3C format's, needs the date to
    begin with four digits and gives up on one that begins with a letter, as RSS's RFC 822 dates
    do ("Wed, 04 Nov 2026 13:38:00 +0000"): for those the answer is its second handler's, asked
    directly (a sixth of the time fastrss spent on an item went to the first one's attempt)."""
    if value[:1].isalpha() and _date_handlers[:2] == [_parse_date_w3dtf, _parse_date_rfc822]:
        try:
            parsed = _parse_date_rfc822(value)
        except (KeyError, OverflowError, ValueError, AttributeError):  # what _parse_date skips
            parsed = None
        if parsed and len(parsed) == 9:
            return parsed
    return _parse_date(value)


def _join(base: str, uri: str) -> str:
    """feedparser's _urljoin(base, uri), without its regular-expression substitution and
    urljoin call for the usual link: no base, and nothing after "://" for it to repair."""
    if not base and _PLAIN_URI.match(uri):
        return uri
    return _urljoin(base, uri)


def _no_amp_refs(value: str) -> str:
    """feedparser's last step on links: "&name;" loses its ";" (only a link with "&" can change)."""
    return _AMP_REF.sub(r"&\g<1>", value) if "&" in value else value


def _leaf(element: ET.Element) -> None:
    if len(element) or _has_base(element):
        raise _Fallback


def _text(element: ET.Element) -> str:
    if len(element):  # markup inside the element: feedparser rebuilds it, so let it
        raise _Fallback
    return (element.text or "").strip()


def _fix(value: str) -> str:
    """feedparser's last repairs, in its order: text that was UTF-8 read as Latin-1 is decoded
    again, and C1 controls become the Windows-1252 characters they usually meant."""
    if value.isascii():  # neither repair can change ASCII text
        return value
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        value = value.encode("iso-8859-1").decode("utf-8")
    return value.translate(_cp1252)
