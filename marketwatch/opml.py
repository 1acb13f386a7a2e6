"""OPML in and out: the way feed-reader users (newsboat, Miniflux, NetNewsWire…) move their
subscriptions.

Import is lenient: real OPML files are often not well-formed XML (a bare `&` in an attribute,
an undeclared encoding), so they are read with listparser, which parses through a forgiving
HTML-style parser instead of refusing the whole list. Export writes OPML 2.0 with
xml.etree.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import format_datetime
from html.parser import HTMLParser

from marketwatch import dates
from marketwatch.config_edit import NewFeed, clean_name, feed_key
from marketwatch.urls import from_feed_scheme, safe_link, too_long


class OpmlError(Exception):
    """An OPML file that cannot be used, phrased as one line."""


@dataclass
class OpmlFeeds:
    title: str | None
    feeds: list[NewFeed] = field(default_factory=list)  # http(s) feeds, each once, in file order
    unusable: list[str] = field(default_factory=list)  # feed URLs that are not well-formed http(s) URLs
    too_long: list[str] = field(default_factory=list)  # http(s) URLs longer than urls.MAX_LINK
    repeated: list[str] = field(default_factory=list)  # outlines' URLs of a feed listed earlier in the file


def read_opml(data: bytes, source: str = "OPML") -> OpmlFeeds:
    """The feeds of an OPML document; raises OpmlError when it is not OPML at all."""
    import listparser

    text = _decode(data)
    # listparser treats a str as a URL to fetch when it looks like one; always give it bytes.
    result = listparser.parse(text.encode("utf-8"))
    if not str(result.get("version", "")).startswith("opml"):
        raise OpmlError(f"{source}: not an OPML file (no <opml> element)")
    found = OpmlFeeds(title=clean_name(result.get("meta", {}).get("title")))
    seen: set[str] = set()
    for entry in result.get("feeds", []):
        url = (entry.get("url") or "").strip()
        link = safe_link(from_feed_scheme(url))  # feed://host/x is https://host/x, as browsers read it
        if link is None:
            (found.too_long if too_long(url) else found.unusable).append(url)
            continue
        key = feed_key(link)
        if key in seen:
            found.repeated.append(url)
            continue
        seen.add(key)
        found.feeds.append(NewFeed(link, clean_name(entry.get("title"))))
    # listparser already folds outlines with the very same URL into one; count those too.
    urls = _feed_outline_urls(text)
    listed: set[str] = set()
    for url in urls:  # (a set: `url in urls[:i]` took 12 s for 40,000 outlines)
        if url in listed:
            found.repeated.append(url)
        listed.add(url)
    return found


def _decode(data: bytes) -> str:
    """Text of the file: its BOM or declared encoding, else UTF-8, else Latin-1 (never fails).
    The XML declaration is dropped, since the text handed on is always UTF-8."""
    head = data[:200].decode("ascii", "replace")
    declared = re.search(r"""encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""", head)
    candidates = ["utf-8-sig"] if data.startswith(b"\xef\xbb\xbf") else []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates.append("utf-16")
    if declared:
        candidates.append(declared.group(1))
    candidates += ["utf-8", "cp1252", "latin-1"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
            break
        except (LookupError, UnicodeDecodeError):
            continue
    return re.sub(r"^\ufeff?\s*<\?xml[^>]*\?>", "", text, count=1)


class _OutlineUrls(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        url = (values.get("xmlurl") or "").strip()
        if tag == "outline" and url and (values.get("type") or "").strip().lower() != "source":
            self.urls.append(url)


def _feed_outline_urls(text: str) -> list[str]:
    """Every feed outline's URL, repeats included (listparser reports each URL once)."""
    parser = _OutlineUrls()
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # only for the report; a hostile file must not stop the import
        pass
    return parser.urls


# -- export -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ExportFeed:
    url: str
    name: str | None = None
    title: str | None = None  # the feed's own title, once fetched
    site_url: str | None = None


def write_opml(feeds: Iterable[ExportFeed], title: str = "marketwatch feeds") -> str:
    """An OPML 2.0 document listing the feeds, as UTF-8 text."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = _xml_text(title)
    ET.SubElement(head, "dateCreated").text = format_datetime(dates.utcnow(), usegmt=True)
    ET.SubElement(head, "docs").text = "http://opml.org/spec2.opml"
    body = ET.SubElement(root, "body")
    for feed in feeds:
        label = _xml_text(feed.name or feed.title or feed.url)
        attrs = {"type": "rss", "text": label, "title": label, "xmlUrl": _xml_text(feed.url)}
        site = safe_link(feed.site_url)
        if site:
            attrs["htmlUrl"] = _xml_text(site)
        ET.SubElement(body, "outline", attrs)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(value: str) -> str:
    """XML 1.0 cannot carry most control characters, even escaped."""
    return _NOT_XML.sub("", value)
