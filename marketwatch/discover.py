"""The feeds a web page names in its <head>, so that a site's address put where its feed's
belongs gets an answer that says which address to use instead.

Sites announce their feeds with <link rel="alternate" type="application/rss+xml" href="...">
(the RSS autodiscovery convention that browsers and feed readers follow). Only the page's head
is read, and at most its first 256 KiB: the links live there, and a page is not a feed.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin

from marketwatch.urls import safe_link

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                        "application/feed+json"})
READ_AT_MOST = 256 * 1024


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.links: list[str] = []
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        values = {name: (value or "").strip() for name, value in attrs}
        if tag == "body":
            self.done = True
        elif tag == "base" and self.base is None and values.get("href"):
            self.base = values["href"]
        elif (tag == "link" and "alternate" in values.get("rel", "").lower().split()
              and values.get("type", "").lower().split(";")[0].strip() in FEED_TYPES and values.get("href")):
            self.links.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.done = True


def feed_links(page: bytes, page_url: str) -> list[str]:
    """The absolute http(s) addresses of the feeds `page` names, in its order, without repeats."""
    head = _Head()
    text = page[:READ_AT_MOST].decode("utf-8", errors="replace")
    for start in range(0, len(text), 8192):  # stop reading at </head> or <body>
        head.feed(text[start:start + 8192])
        if head.done:
            break
    base = urljoin(page_url, head.base) if head.base else page_url
    found: dict[str, None] = {}
    for href in head.links:
        link = safe_link(urljoin(base, href))
        if link and link != page_url:  # safe_link keeps http(s) links only
            found[link] = None
    return list(found)
