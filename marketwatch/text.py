"""Turn untrusted feed text into plain, printable text.

Feed titles and summaries come from strangers: HTML, terminal escape sequences, bidi overrides
and zero-width characters are removed here, once, before anything is stored, so that no view
(CLI, dashboard, export) can be tricked by them.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

TITLE_MAX = 400
SUMMARY_MAX = 2000

# CSI, OSC (ended by BEL or ST), and other two-character ESC sequences.
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[@-Z\\-_]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x9d[^\x07\x9c]*[\x07\x9c]?"
)
# C0/C1 controls, DEL, bidi embeddings/overrides/isolates, zero-width and invisible marks.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"
)
_SPACE = re.compile(r"\s+")
_TAG_HINT = re.compile(r"<[A-Za-z/!?]|&[#A-Za-z]")


class _TextExtractor(HTMLParser):
    """Collect text, dropping scripts and styles; block elements become spaces."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "head", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self._skipping += 1
        self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def html_to_text(value: str) -> str:
    if not _TAG_HINT.search(value):
        return value
    parser = _TextExtractor()
    try:
        parser.feed(value)
        parser.close()
    except Exception:  # HTMLParser is lenient; this is belt and braces for hostile input
        return html.unescape(re.sub(r"<[^>]*>", " ", value))
    return "".join(parser.parts)


def strip_controls(value: str) -> str:
    return _INVISIBLE.sub("", _ANSI.sub("", value))


def clean_text(value: str | None, limit: int, *, is_html: bool = True) -> str:
    """Plain, single-line, printable text of at most `limit` characters."""
    if not value:
        return ""
    text = html_to_text(value) if is_html else value
    text = _SPACE.sub(" ", strip_controls(text)).strip()
    if len(text) > limit:
        cut = text.rfind(" ", 0, limit)
        text = text[: cut if cut > limit * 0.6 else limit - 1].rstrip() + "…"
    return text


def clean_title(value: str | None) -> str:
    return clean_text(value, TITLE_MAX)


def clean_summary(value: str | None) -> str:
    return clean_text(value, SUMMARY_MAX)
