"""Split story text into sentences, without breaking on "Inc." or "U.S."."""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"(?<=[.!?。！？;])[\"'”’)\]]*\s+|\n+|(?<=[。！？])")
_ABBREVIATIONS = {
    "inc", "corp", "co", "ltd", "llc", "plc", "ag", "se", "sa", "nv", "bv", "gmbh", "mr", "mrs",
    "ms", "dr", "st", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "approx", "est", "dept", "u.s", "u.k", "e.u", "u.n", "jr", "sr",
}
_LAST_WORD = re.compile(r"([\w.]+)[.!?]\W*$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence in `text`; whitespace stays outside the spans."""
    spans: list[tuple[int, int]] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        end = boundary.start()
        if end <= start:
            continue
        if "\n" not in boundary.group() and _is_abbreviation(text[start:end], text, boundary.end()):
            continue
        spans.append((start, end))
        start = boundary.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _is_abbreviation(sentence: str, text: str, next_start: int) -> bool:
    if not sentence.endswith("."):
        return False
    last = _LAST_WORD.search(sentence)
    if not last:
        return False
    word = last.group(1).lower().rstrip(".")
    if word in _ABBREVIATIONS:
        # "Ford Motor Co. said" continues; "... with Baidu Inc. The deal" starts a sentence.
        following = text[next_start : next_start + 1]
        return not (word in {"inc", "corp", "co", "ltd", "llc", "plc"} and following.isupper()
                    and _next_word(text, next_start) in _SENTENCE_STARTERS)
    return len(word) == 1 and word.isalpha()  # initials: "J. D. Power"


def _next_word(text: str, start: int) -> str:
    match = re.match(r"\w+", text[start : start + 30])
    return match.group().lower() if match else ""


_SENTENCE_STARTERS = {"the", "it", "this", "they", "he", "she", "we", "its", "their", "a", "an",
                      "in", "under", "both", "separately", "meanwhile", "however", "last"}
