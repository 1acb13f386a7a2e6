"""The feeds a web page names in its <head>, so that a site's address put where its feed's
belongs gets an answer that says which address to use instead.

Sites announce their feeds with <link rel="alternate" type="application/rss+xml" href="...">
(the RSS autodiscovery convention that browsers and feed readers follow). Only the page's head
is read, and at most its first 256 KiB: the links live there, and a page is not a feed.
"""

from __future__ import annotations

import codecs
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit, urlunsplit

from marketwatch.urls import safe_link

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                        "application/feed+json"})
READ_AT_MOST = 256 * 1024
# What a <head> may hold (a page that leaves out <head> and <body> starts its body at any other tag).
HEAD_TAGS = frozenset({"html", "head", "title", "base", "link", "meta", "style", "script", "noscript",
                       "template"})


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.links: list[str] = []
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done or tag not in HEAD_TAGS:
            self.done = True
            return
        values = {name: (value or "").strip() for name, value in attrs}
        if tag == "base" and self.base is None and values.get("href"):
            self.base = values["href"]
        elif (tag == "link" and "alternate" in values.get("rel", "").lower().split()
              and values.get("type", "").lower().split(";")[0].strip() in FEED_TYPES and values.get("href")):
            self.links.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.done = True


def feed_links(page: bytes, page_url: str) -> list[str]:
    """The absolute http(s) addresses of the feeds `page` names, in its order, without repeats,
    and without any user name or password the page's own address carried."""
    head = _Head()
    text = _decoded(page[:READ_AT_MOST])
    for start in range(0, len(text), 8192):  # stop reading at the end of the head
        head.feed(text[start:start + 8192])
        if head.done:
            break
    base = urljoin(page_url, head.base) if head.base else page_url
    own = urldefrag(_without_credentials(page_url))[0]
    found: dict[str, None] = {}
    for href in head.links:
        link = safe_link(_without_credentials(urljoin(base, href)))  # safe_link keeps http(s) links only
        if link and urldefrag(link)[0] != own:
            found[link] = None
    return list(found)


def _decoded(page: bytes) -> str:
    """UTF-8 (most pages), UTF-16 with its byte-order mark, else Latin-1, which never fails and
    keeps an ASCII address intact whatever the page's real encoding."""
    if page.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return page.decode("utf-16", errors="replace")
    try:  # incremental: a character cut in two by the 256 KiB limit is not an error
        return codecs.getincrementaldecoder("utf-8-sig")().decode(page, final=False)
    except UnicodeDecodeError:
        return page.decode("latin-1")


def _without_credentials(url: str) -> str:
    try:
        parts = urlsplit(url)
        if "@" not in parts.netloc:
            return url
        return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
    except ValueError:
        return url
