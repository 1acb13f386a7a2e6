"""Turn untrusted feed text into plain, printable text.

Feed titles and summaries come from strangers: HTML, terminal escape sequences, bidi overrides
and zero-width characters are removed here, once, before anything is stored, so that no view
(CLI, dashboard, export) can be tricked by them.
"""

from __future__ import annotations

import html
import re
import unicodedata

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
# C0/C1 controls, DEL, the soft hyphen, bidi marks, embeddings, overrides and isolates (also the
# Arabic letter mark), zero-width and invisible characters, interlinear annotations, lone
# surrogates (SQLite cannot store them), and the invisible tag and variation-selector
# supplements that can smuggle hidden text.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069"
    "\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f\U000e0100-\U000e01ef]"
)
# ESC written as a character reference ("&#x1b;[2J"): html.unescape drops the reference to a
# control character and leaves the rest of the sequence ("[2J") as text, so ESC is put back
# first for _ANSI to remove the whole sequence.
_ESC_REF = re.compile(r"&#(?:[xX]0*1[bB](?![0-9A-Fa-f])|0*27(?!\d));?")
_SPACE = re.compile(r"\s+")
_SUPPLEMENTS = re.compile("[\U000e0000-\U0010ffff]")  # what strip_controls' fast check cannot see
_TAG_HINT = re.compile(r"<[A-Za-z/!?]|&[#A-Za-z]")

# HTML is tokenized the way a browser does it, in one pass that never goes back: every pattern
# below always matches from where it is tried and consumes all it looked at, so hostile markup
# costs linear time. (html.parser rescans an unclosed tag to the end of the input at every "<":
# a 40 KB summary of "<a<a<a..." took three seconds, 10 MB would take days.) A tag, comment or
# skipped element that is never closed runs to the end, as in a browser.
_TAG = re.compile(r"""<(/?)([A-Za-z][^\s/>]*+)(?:=\s*+(?:"[^"]*+"?|'[^']*+'?)|[^>])*+>?""")
_BOGUS = re.compile(r"<(?:[!?]|/(?![A-Za-z]))[^>]*+>?")  # <!DOCTYPE>, <?pi?>, </ 3>: dropped
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title"})
_INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "ins", "kbd", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
    "time", "tt", "u", "var",
})
_SKIP_END = {name: re.compile(rf"</{name}[\s/>]", re.IGNORECASE) for name in _SKIP}


def html_to_text(value: str, limit: int | None = None) -> str:
    """The text of an HTML fragment: tags, comments, scripts and styles dropped, entities decoded,
    inline elements joined and others separated by a space. Linear in the input; stops early once
    more than `limit` characters of text are found."""
    if not _TAG_HINT.search(value):
        return value
    parts: list[str] = []
    publisher = False  # a <font> in this list item: a Google News cluster's
    raw = 0  # characters of text so far, before cleaning
    found: int | None = None  # ... and after cleaning, counted only once `raw` passes the limit
    pos, end = 0, len(value)
    while pos < end:
        lt = value.find("<", pos)
        text = value[pos:lt if lt >= 0 else end]
        if text:
            text = html.unescape(_ESC_REF.sub("\x1b", text) if "&#" in text else text)
            parts.append(text)
            raw += len(text)
            if limit is not None and raw > limit:  # cleaning only shortens: count it from here on
                found = _cleaned_length("".join(parts)) if found is None else found + _cleaned_length(text)
                if found > limit + 1:
                    break
        if lt < 0:
            break
        if value.startswith("<!--", lt):
            close = value.find("-->", lt + 4)
            pos = close + 3 if close >= 0 else end
            continue
        tag = _TAG.match(value, lt) or _BOGUS.match(value, lt)
        if tag is None:  # a "<" that starts nothing is text: "a < b"
            parts.append("<")
            pos = lt + 1
            continue
        pos = tag.end()
        name = tag.group(2).lower() if tag.re is _TAG else ""
        # A Google News cluster's headlines apart, as sentences (`marketwatch.sentences`): they ran
        # together into one ("... Reuters Qualcomm unveils ..."). Its items end with the publisher
        # in a <font>; a press release's bullets, which may hold one deal between them, do not.
        if name == "font":
            publisher = True
        if name == "li" and not tag.group(1) and publisher:
            parts.append(" · ")
            publisher = False
        else:
            parts.append("" if name in _INLINE else " ")
        if name in _SKIP and not tag.group(1) and not tag.group(0).endswith("/>"):
            close_tag = _SKIP_END[name].search(value, pos)
            pos = value.find(">", close_tag.end() - 1) + 1 or end if close_tag else end
    return "".join(parts)


def _cleaned_length(text: str) -> int:
    return len(_SPACE.sub(" ", strip_controls(text)))


def lower_keeping_offsets(text: str) -> str:
    """text.lower(), with every character where it was, so that a match in the lower-cased text
    points at the same span of the original: the few characters whose lower case is longer
    ("İ" becomes two) stay as they are."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered


def strip_controls(value: str) -> str:
    # Every character the two patterns remove is unprintable (ESC, C0/C1, Cf, Cs) except the
    # variation-selector supplement, so most text passes two C checks and skips both.
    if value.isprintable() and (value.isascii() or not _SUPPLEMENTS.search(value)):
        return value
    return _INVISIBLE.sub("", _ANSI.sub("", value))


def one_line(value: str) -> str:
    """Printable text on one line, runs of white space as one space."""
    return " ".join(strip_controls(value).split())  # what _SPACE.sub(" ", ...).strip() gives, 3x faster


def clean_text(value: str | None, limit: int, *, is_html: bool = True) -> str:
    """Plain, single-line, printable text of at most `limit` characters, its accents composed
    (NFC): a feed that writes "Citroe\\u0308n" or Vietnamese with combining marks means the same
    words as one that writes "Citroën", and the matcher and search compare characters."""
    if not value:
        return ""
    text = one_line(html_to_text(value, limit) if is_html else value)
    text = composed(text)
    if len(text) > limit:
        cut = text.rfind(" ", 0, limit)
        text = text[: cut if cut > limit * 0.6 else limit - 1].rstrip() + "…"
    return text


def composed(text: str) -> str:
    """`text` with its accents composed (NFC), as feed text is stored and names are matched: the
    config's aliases and a typed search are composed the same way. ASCII and text already composed
    (nearly all) skip the normalisation."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def clean_title(value: str | None) -> str:
    return clean_text(value, TITLE_MAX)


def clean_summary(value: str | None) -> str:
    return clean_text(value, SUMMARY_MAX)
