"""Decide whether a story reports a tie-up, between whom, and of what kind.

A story is a tie-up story when one sentence names an OEM and a tech company (an alliance
stands for its members) together with deal language. Company names are found in one pass of
an Aho-Corasick automaton over the text, so matching stays linear however many aliases the
config lists; the sentence and deal-word work runs only for stories that name two companies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import ahocorasick

from marketwatch.config import Config
from marketwatch.deals import deal_type_of
from marketwatch.models import NO_MATCH, Match, Span
from marketwatch.sentences import split_sentences

_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class _Alias:
    owner: str  # company or alliance name
    text: str
    is_alliance: bool = False
    is_exclusion: bool = False
    ignore_case: bool = False
    ambiguous: bool = False

    @cached_property
    def needs_boundary(self) -> bool:
        """CJK text has no spaces between words, so CJK aliases match anywhere."""
        return not any("\u2e80" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" for c in self.text)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    alias: _Alias
    members: tuple[str, ...]  # the companies this mention stands for


class Matcher:
    """Compiled once per config; `match()` is pure and cheap enough for every entry."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.companies = config.companies
        self._automaton = self._build(config)
        self._context = {
            name: re.compile(
                r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(c.context, key=len, reverse=True)) + r")(?!\w)",
                re.IGNORECASE,
            )
            for name, c in config.companies.items()
            if c.context
        }
        self._parents = {name: set(c.parents) for name, c in config.companies.items()}

    @staticmethod
    def _build(config: Config):
        table: dict[str, list[_Alias]] = {}

        def add(alias: _Alias) -> None:
            key = alias.text.lower()
            if len(key) == len(alias.text) and key:
                table.setdefault(key, []).append(alias)

        for company in config.companies.values():
            for text in company.aliases:
                add(_Alias(company.name, text, ignore_case=company.ignore_case,
                           ambiguous=text in company.ambiguous))
            for text in company.exclude:
                add(_Alias(company.name, text, is_exclusion=True))
        for alliance in config.alliances.values():
            for text in (alliance.name, *alliance.aliases):
                add(_Alias(alliance.name, text, is_alliance=True))
        automaton = ahocorasick.Automaton()
        for key, aliases in table.items():
            automaton.add_word(key, (key, tuple(aliases)))
        if len(automaton):
            automaton.make_automaton()
        return automaton

    # -- finding names ---------------------------------------------------------------------

    def mentions(self, text: str) -> list[_Mention]:
        """Company and alliance mentions, leftmost-longest, with exclusions and ambiguity applied."""
        if not len(self._automaton):
            return []
        lowered = text.lower()
        if len(lowered) != len(text):
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        hits: list[tuple[int, int, _Alias]] = []
        for end_index, (key, aliases) in self._automaton.iter(lowered):
            end = end_index + 1
            start = end - len(key)
            for alias in aliases:
                if self._accepts(text, start, end, alias):
                    hits.append((start, end, alias))
                    break
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0]), h[2].is_exclusion is False))
        chosen: list[tuple[int, int, _Alias]] = []
        last_end = -1
        for start, end, alias in hits:
            if start >= last_end:
                chosen.append((start, end, alias))
                last_end = end
        found = [(s, e, a) for s, e, a in chosen if not a.is_exclusion]
        sure = {a.owner for _, _, a in found if not a.ambiguous}
        mentions = []
        for start, end, alias in found:
            if alias.ambiguous and alias.owner not in sure and not self._has_context(alias.owner, text):
                continue
            members = (
                self.config.alliances[alias.owner].members if alias.is_alliance else (alias.owner,)
            )
            mentions.append(_Mention(start, end, alias, members))
        return mentions

    @staticmethod
    def _accepts(text: str, start: int, end: int, alias: _Alias) -> bool:
        if alias.needs_boundary and (
            (start > 0 and _WORD.match(text[start - 1]))
            or (end < len(text) and _WORD.match(text[end]))
        ):
            return False
        if alias.is_exclusion or alias.ignore_case:
            return True
        found = text[start:end]
        if found == alias.text:
            return True
        # Headlines in capitals ("FORD TEAMS UP WITH BAIDU") still name the company.
        return len(alias.text) >= 4 and found == alias.text.upper() and found != alias.text

    def _has_context(self, company: str, text: str) -> bool:
        pattern = self._context.get(company)
        return bool(pattern and pattern.search(text))

    # -- deciding --------------------------------------------------------------------------

    def match(self, title: str, summary: str = "") -> Match:
        text = f"{title}\n{summary}" if summary else title
        mentions = self.mentions(text)
        if len({m.alias.owner for m in mentions}) < 2:
            return NO_MATCH
        found: dict[str, tuple[set, str | None, tuple[int, int], list[_Mention]]] = {}
        for start, end in split_sentences(text):
            in_sentence = [m for m in mentions if start <= m.start and m.end <= end]
            if len({m.alias.owner for m in in_sentence}) < 2:
                continue
            pairs = self._pairs(in_sentence)
            if not pairs:
                continue
            deal = deal_type_of(text[start:end])
            if deal is None:
                continue
            for kind, kind_pairs in pairs.items():
                if kind not in found:
                    found[kind] = (set(), deal, (start, end), in_sentence)
                found[kind][0].update(kind_pairs)
        kind = next((k for k in ("oem-tech", "oem-oem", "tech-tech") if k in found), None)
        if kind is None:
            return NO_MATCH
        pairs, deal, (s_start, s_end), in_sentence = found[kind]
        parties = self._with_parents({c for pair in pairs for c in pair})
        named = self._with_parents({c for m in mentions for c in m.members})
        return Match(
            kind=kind,
            companies=tuple(sorted(named)),
            parties=tuple(sorted(parties)),
            pairs=tuple(sorted(pairs)),
            alliances=tuple(sorted({m.alias.owner for m in mentions if m.alias.is_alliance})),
            deal_type=deal,
            sentence=text[s_start:s_end].strip(),
            spans=_spans(text, s_start, s_end, in_sentence),
        )

    def _with_parents(self, companies: set[str]) -> set[str]:
        out = set(companies)
        for company in companies:
            out |= self._parents.get(company, set())
        return out

    def _related(self, a: str, b: str) -> bool:
        return a == b or a in self._parents.get(b, ()) or b in self._parents.get(a, ())

    def _pairs(self, mentions: list[_Mention]) -> dict[str, set[tuple[str, str]]]:
        """Pairs between different mentions; members of one alliance mention never pair up."""
        out: dict[str, set[tuple[str, str]]] = {}
        for i, first in enumerate(mentions):
            for second in mentions[i + 1 :]:
                if first.alias.owner == second.alias.owner:
                    continue
                for a in first.members:
                    for b in second.members:
                        if self._related(a, b):
                            continue
                        kind, pair = self._classify(a, b)
                        if kind:
                            out.setdefault(kind, set()).add(pair)
        return out

    def _classify(self, a: str, b: str) -> tuple[str | None, tuple[str, str]]:
        ca, cb = self.companies[a], self.companies[b]
        a_oem, a_tech, b_oem, b_tech = ca.is_oem, ca.is_tech, cb.is_oem, cb.is_tech
        if a_oem and b_tech and not (a_tech and not b_oem):
            return "oem-tech", (a, b)
        if b_oem and a_tech:
            return "oem-tech", (b, a)
        if a_oem and b_tech:
            return "oem-tech", (a, b)
        if a_oem and b_oem:
            return "oem-oem", tuple(sorted((a, b)))
        if a_tech and b_tech:
            return "tech-tech", tuple(sorted((a, b)))
        return None, (a, b)


def _spans(text: str, start: int, end: int, mentions: list[_Mention]) -> tuple[Span, ...]:
    offset = start + (len(text[start:end]) - len(text[start:end].lstrip()))
    return tuple(Span(m.start - offset, m.end - offset, m.alias.owner) for m in mentions)
