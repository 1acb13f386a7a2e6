"""Split story text into sentences, without breaking on "Inc." or "U.S."."""

from __future__ import annotations

import re

# A sentence ends at group 1 (after ".", "!", "?" or ";"), at group 2 (after "。！？") or where the
# match starts (a newline, or " · ", which `marketwatch.text` puts between a list's items: a Google
# News cluster's headlines); the match ends where the next sentence starts. The first character
# is a class of its own so that the regex engine skips to the next one without trying a branch
# at every character (twice as fast as a lookahead before the branches).
_BOUNDARY = re.compile(r"[.!?;。！？\n·](?:(?<=[.!?;])[.!?;]*()[\"'”’)\]]*[^\S\n]+|(?<=\n)\n*|(?<=[。！？])[。！？]*()"
                       r"|(?<= ·)[^\S\n]+)")
_ABBREVIATIONS = {
    "inc", "corp", "co", "ltd", "llc", "plc", "ag", "se", "sa", "nv", "bv", "gmbh", "mr", "mrs",
    "ms", "dr", "st", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "approx", "est", "dept", "u.s", "u.k", "e.u", "u.n", "jr", "sr",
}
_WORD_BACKWARDS = re.compile(r"[\w.]+")


def split_sentences(text: str, items_from: int = 0) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence in `text`; whitespace stays outside the spans.
    " · " ends a sentence from `items_from` on (a summary's list items), not before it (a
    headline's "Reuters · Toyota ...", whose parts the matcher reads as it always has)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        end = boundary.end(boundary.lastindex) if boundary.lastindex else boundary.start()
        if text[end:end + 1] == "·":
            if end < items_from:
                continue
            end -= 1  # the space before it
        if end <= start:
            continue
        if boundary.lastindex == 1 and _is_abbreviation(text[max(start, end - 40):end], text, boundary.end()):
            continue
        if end < items_from and text[end - 1] == ";" and has_no_subject(text, boundary.end()):
            continue
        spans.append((start, end))
        start = boundary.end()
        if text.startswith("· ", start):  # after an item's own "." (or a feed's stray dot)
            start += 2
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return spans


# A headline's clause after "; " that has no subject of its own, or one that stands for the first
# clause's ("carmaker forms"), has the first one's: "Mahindra Q3 profit rises 18%; signs MoU with
# Qualcomm", "Stellantis profit slumps; carmaker forms joint venture with CATL", "Pony.ai revenue
# up 76%; robotaxi firm teams up with BAIC" are one sentence
# each; "Mercedes, Allianz launch car insurance; insurer extends Microsoft cloud pact" is two,
# and so are "Nissan posts loss; shares fall", "...; this is bad news for Tesla" and "...; also
# Tesla recalls 2 million cars": the clause opens with a deal's verb, or a word for the company.
_DEAL_VERBS = (r"(?:signs|forms|inks|wins|lands|picks|taps|teams|partners|agrees|invests|buys|acquires|takes|seals"
               r"|strikes|secures|clinches|bags|nabs|joins|sets|enters|expands|extends|deepens|renews|unveils|books"
               r"|ties|selects|chooses|opts|backs|orders|launches|plans|eyes|to [a-z]+)\s")
_NO_SUBJECT = re.compile(
    r"(?:also\s+)?" + _DEAL_VERBS
    # (a word for it, not for another: "another carmaker picks Nvidia", "rival carmaker", "its supplier")
    + r"|(?:(?!(?:another|rival|its|their|other|a|an|one|some|each|every|no)\b)[a-z-]+\s+){0,2}?"
    r"(?:car ?maker|auto ?maker|chipmaker|ev maker|company|group|firm|giant|start-?up|supplier)"
    r"\s+(?:also\s+)?" + _DEAL_VERBS)


def has_no_subject(text: str, at: int) -> bool:
    """Does the clause starting at `at` (after a headline's "; ") take the first clause's subject?"""
    return _NO_SUBJECT.match(text, at) is not None


def _is_abbreviation(sentence: str, text: str, next_start: int) -> bool:
    if not sentence.endswith("."):
        return False
    # The word before the final period, read backwards from it: an anchored match, no search.
    last = _WORD_BACKWARDS.match(sentence[-2::-1])
    if not last:
        return False
    raw = last.group()[::-1].rstrip(".")
    word = raw.lower()
    if raw == "ID":
        # Volkswagen's "ID. Buzz", "ID. 3": a model name, unless a sentence starts after it
        # ("show a valid ID. The...").
        return _next_word(text, next_start) not in _SENTENCE_STARTERS
    if word in _ABBREVIATIONS:
        # "Ford Motor Co. said" continues; "... with Baidu Inc. The deal" starts a sentence.
        following = text[next_start : next_start + 1]
        return not (word in {"inc", "corp", "co", "ltd", "llc", "plc"} and following.isupper()
                    and _next_word(text, next_start) in _SENTENCE_STARTERS)
    if word.isdigit() and len(word) <= 2:  # a German date: "übernimmt zum 1. Oktober die Leitung"
        month = _next_word(text, next_start)
        # (April, August, September and November are English words too: "sales fell 12. August sales
        # at ... rose" is two sentences; with "zum", "am", "ab" ... before the day, a German date)
        return month in _GERMAN_MONTHS or (month in _GERMAN_AND_ENGLISH_MONTHS and _GERMAN_BEFORE_A_DAY.search(
            sentence[-20:]) is not None)
    # initials: "J. D. Power"; not a name with an ampersand ("... at M&M. ETAuto had reported")
    return len(word) == 1 and word.isalpha() and sentence[-3:-2] != "&"


def _next_word(text: str, start: int) -> str:
    match = re.match(r"\w+", text[start : start + 30])
    return match.group().lower() if match else ""


_SENTENCE_STARTERS = {"the", "it", "this", "they", "he", "she", "we", "its", "their", "a", "an",
                      "in", "under", "both", "separately", "meanwhile", "however", "last"}
_GERMAN_MONTHS = {"januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember"}
_GERMAN_AND_ENGLISH_MONTHS = {"april", "august", "september", "november"}
_GERMAN_BEFORE_A_DAY = re.compile(r"\b(?:zum|am|ab|vom|bis|seit|dem|den|Zum|Am|Ab|Vom|Bis|Seit)\s+\d{1,2}\.$")
