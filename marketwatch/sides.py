"""Names on the same side of a deal, which the matcher must not pair with each other.

Some sentences put companies side by side rather than face to face:

- Co-investors: "Nuro raises $940 million from SoftBank, joined by Toyota", "Toyota will invest
  $400 million and SoftBank $333 million in Uber's unit", "Toyota Ventures led the round
  alongside Samsung". Each investor pairs with the company its money goes to (the receiver),
  not with the other investors. Only names in the investors' own place count: the subject of
  "invest ... in X" within its clause, the names after "raises $N from".
- A list: "BYD, Xpeng and GAC adopt Nvidia Drive Thor" names three carmakers on one side;
  Xpeng, which is also a tech company, is not BYD's supplier there.

The caller decides what to do with the groups (it knows which companies own which); this module
only reads the sentence, so it knows nothing of the config.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol


class Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_MONEY = r"[$€£¥][\d.,]+(?:\s?(?:million|billion|bn|mn|m)\b)?"
# "Nuro raises $940 million from SoftBank", "Uber's unit gets $1 billion in funding from Toyota"
_FUNDED_FROM = re.compile(
    r"\b(?:rais(?:e|es|ed|ing)|gets?|got|receiv(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|lands?|landed"
    rf"|clos(?:e|es|ed|ing))\s+(?:[\w-]+\s+){{0,3}}?{_MONEY}(?:\s+[\w-]+){{0,6}}?\s+from\s",
    re.IGNORECASE)
# "... invest $400 million, Denso $267 million and SoftBank $333 million in Uber's unit"
_INVESTED = re.compile(r"\b(?:invest\w*|rounds?|stakes?)\b", re.IGNORECASE)
_IN = re.compile(r"\s(?:in|into)\s+")
_STARTUP = re.compile(r"(?:the |a |an )?(?:[\w-]+ ){0,3}?start-?ups?\b[^\S\n]*", re.IGNORECASE)
# "Toyota Ventures led the round alongside Samsung Catalyst Fund"
_LED_ALONGSIDE = re.compile(
    r"\b(?:co-)?led\s+(?:the|a|an|its)\s+(?:[\w$.,-]+\s+){0,4}?(?:round|investment)\s+"
    r"(?:alongside|together with|along with|with)\s+", re.IGNORECASE)
# Where a clause ends or starts: investors are not looked for beyond it.
_CLAUSE = re.compile(
    r";|,\s*(?:while|which|but|as|after)\b|\s(?:as|while|after|when|but|because|and (?:will|plans|is|has|said))\s",
    re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and|&)?|and|&|or)\s*", re.IGNORECASE)
_WORTH_A_LOOK = re.compile(r"from|invest|round|stake|led", re.IGNORECASE)


def investor_groups(text: str, start: int, end: int,
                    mentions: Sequence[Spanned]) -> list[tuple[set[int], set[int]]]:
    """(investors, receivers) for each co-investment in text[start:end], as indexes into
    `mentions` (the sentence's names, in order). Only groups of two or more investors."""
    if not _WORTH_A_LOOK.search(text, start, end):
        return []
    groups = [_funded_from(text, end, mentions, found) for found in _FUNDED_FROM.finditer(text, start, end)]
    groups += [_invested_in(text, start, end, mentions, found) for found in _INVESTED.finditer(text, start, end)]
    groups += [_led_alongside(text, start, end, mentions, found)
               for found in _LED_ALONGSIDE.finditer(text, start, end)]
    return [g for g in groups if g is not None and len(g[0]) >= 2]


def _funded_from(text: str, end: int, mentions: Sequence[Spanned],
                 found: re.Match[str]) -> tuple[set[int], set[int]]:
    stop = _clause_end(text, found.end(), end)
    investors = {i for i, m in enumerate(mentions) if found.end() <= m.start and m.end <= stop}
    receivers = {i for i, m in enumerate(mentions) if m.end <= found.start()}
    return investors, receivers


def _invested_in(text: str, start: int, end: int, mentions: Sequence[Spanned],
                 found: re.Match[str]) -> tuple[set[int], set[int]] | None:
    """The first "in X" after the investment word whose X is a named company or a startup."""
    for into in _IN.finditer(text, found.end(), min(end, found.end() + 150)):
        receiver = _receiver(text, into.end(), mentions)
        if receiver is None:
            continue
        begin = _clause_start(text, start, found.start())
        investors = {i for i, m in enumerate(mentions)
                     if begin <= m.start and m.end <= into.start() and i not in receiver}
        return investors, receiver
    return None


def _receiver(text: str, at: int, mentions: Sequence[Spanned]) -> set[int] | None:
    """The company named at `at` ("in Uber's unit"), or after "a lidar startup" (a startup
    not in the config is a receiver nobody pairs with); None when neither is there."""
    startup = _STARTUP.match(text, at)
    begin = startup.end() if startup else at
    named = {i for i, m in enumerate(mentions) if m.start in (at, begin)}
    if named or startup:
        return named
    return None


def _led_alongside(text: str, start: int, end: int, mentions: Sequence[Spanned],
                   found: re.Match[str]) -> tuple[set[int], set[int]]:
    begin = _clause_start(text, start, found.start())
    stop = _clause_end(text, found.end(), end)
    before = [i for i, m in enumerate(mentions) if begin <= m.start and m.end <= found.start()]
    after = {i for i, m in enumerate(mentions) if found.end() <= m.start and m.end <= stop}
    return set(before[-1:]) | after, set()


def _clause_start(text: str, start: int, at: int) -> int:
    begin = start
    for boundary in _CLAUSE.finditer(text, start, at):
        begin = boundary.end()
    return begin


def _clause_end(text: str, at: int, end: int) -> int:
    boundary = _CLAUSE.search(text, at, end)
    return boundary.start() if boundary else end


def lists(text: str, mentions: Sequence[Spanned]) -> list[list[int]]:
    """Runs of two or more names separated only by commas, "and", "&" or "or"."""
    runs: list[list[int]] = []
    for i in range(1, len(mentions)):
        if _LIST_GAP.fullmatch(text, mentions[i - 1].end, mentions[i].start):
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i - 1, i])
    return runs
