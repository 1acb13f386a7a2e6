"""Decide whether a story reports a tie-up, between whom, and of what kind.

A story is a tie-up story when one sentence names an OEM and a tech company (an alliance
stands for its members) together with deal language. Company names are found in one pass of
an Aho-Corasick automaton over the text, so matching stays linear however many aliases the
config lists; the sentence and deal-word work runs only for stories that name two companies.

Not every name in a deal sentence is a party to the deal. A name is left out of the pairs when
it only qualifies another: the owner in "Alphabet's Waymo", "Geely-owned Volvo" or "Avatr, the
brand backed by Changan"; the employer in "former Google engineers"; an alliance named beside
one of its own members ("Chery and Huawei's HIMA alliance"). A company that is both OEM and
tech (Huawei, Xiaomi) counts as the OEM side against a tech company only in a sentence about
vehicles, so Huawei licensing Qualcomm's phone patents is a tech-tech deal.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

import ahocorasick

from marketwatch.config import Config
from marketwatch.deals import deal_of, denies, is_damped
from marketwatch.markets import separate_moves, stock_moves
from marketwatch.models import NO_MATCH, Match, Span
from marketwatch.sentences import split_sentences
from marketwatch.sides import investor_groups, lists
from marketwatch.text import lower_keeping_offsets

_WORD = re.compile(r"\w", re.UNICODE)
_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
# A sentence about vehicles: lets a company that is both OEM and tech act as the OEM side.
_VEHICLE = re.compile(
    r"(?<!\w)(?:cars?|vehicles?|EVs?|automak\w*|carmak\w*|auto|automotive|driv(?:ing|er|ers|erless)"
    r"|self-driving|robotaxis?|vans?|trucks?|SUVs?|sedans?|pickups?|cockpits?|in-car|mobility"
    r"|ride-hailing|charging|batter(?:y|ies)|ADAS|lidars?|infotainment|autopilot"
    r"|Drive (?:Orin|Thor|AGX|Hyperion|Xavier|PX)|Snapdragon (?:Ride|Cockpit|Auto|Digital Chassis))(?!\w)"
    r"|汽车|车|智驾|座舱", re.IGNORECASE)
_THE_ALLIANCE = re.compile(r"\b[Tt]he (?:three-way |three-member |carmaking )?([Aa]lliance)\b")
# "Genesis of a deal", "Grab a bargain", "Via its unit": an ambiguous name followed by a
# determiner is the ordinary word, whatever the context.
_DETERMINER_AFTER = re.compile(
    r"[^\S\n]+(?:of|a|an|the|its|their|your|our|his|her|this|that|these|those|some|any|every)\s", re.IGNORECASE)
# "The EV maker signed with Panasonic", "The carmaker's new infotainment system runs on Qualcomm":
# a carmaker the summary refers to without its name (not "the carmaker's CEO", who is someone else,
# nor its shares).
_THE_CARMAKER = re.compile(
    r"\b[Tt]he\s+(?:[\w-]+\s+){0,2}?(?:carmaker|automaker|car ?maker|auto ?maker|EV (?:maker|startup)"
    r"|electric[- ](?:vehicle|car|truck|SUV) (?:maker|startup)|(?:vehicle|car|truck) manufacturer)\b"
    r"(?!['’](?!s\s))(?!['’]s\s+(?:[\w-]+\s+)?(?:CEO|chief|boss|chair\w*|president|founder|co-founder|executives?"
    r"|head|spokes\w+|engineers?|employees?|staff|workers|board|shares|stock|investors|shareholders)\b)")
# "The sedan's assistant runs on ...": a summary's sentence that starts with the headline's car.
# The word before it is "new" or a model's name ("The CLA sedan"), not any word: "The business
# model" is no car; nor is the car of "The car industry" or "The EV market".
_THE_MODEL = re.compile(
    r"The (?:new |[A-Z0-9][\w-]* )?(?:car|sedan|saloon|SUV|crossover|hatchback|pickup|coupe|minivan|EV|model)"
    r"(?=['’]s\b|\s)(?!\s+(?:industry|market|sector|segment|business|makers?|giants?|world|sales|prices?)\b)")
# "an agreement with the Alphabet unit": the owner's name standing for one of its units.
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_UNIT_AFTER = re.compile(r"(?:[^\S\n]+[\w-]+){0,2}?[^\S\n]+(?:unit|subsidiary|division|affiliate)\b")
# "Audi Field", "Toyota Center", "Kia Oval": a name followed by a venue word is a place.
_VENUE_AFTER = re.compile(
    r"[^\S\n]+(?:Field|Stadium|Arena|Center|Centre|Dome|Forum|Oval|Park|Garden|Ballpark|Coliseum|Speedway"
    r"|Raceway|Sportpark|Amphitheat(?:er|re)|Theat(?:er|re)|Pavilion)(?!\w)")
# "Expedition through the Amazon", "he drove the Mini.": a one-word name between "the" and the end
# of its clause is a place or a product, not the company ("with the Alphabet unit" goes on).
_CLAUSE_END = re.compile(r"[^\S\n]*(?:[.,;:!?)]|\n|$)")
# "The EV maker, in which Stellantis holds a 21% stake, said ...": names in such an aside say
# something about another name, and take no part in the sentence's deal.
_ASIDE = re.compile(r",\s+(?:(?:in|of|for|with|to|from|by|at)\s+which|whose)\s[^,;()\n]*,")
_BACKGROUND_WORDS = re.compile(r"which|whose|owner|parent|shareholder|backer")
_MARKET_WORDS = re.compile(r"share|%|stock| lead")
_THE = ("the ", "The ")
# "built in Wuhan by its Chinese owner Geely": an owner named after its unit's "its".
_OWNER_BEFORE = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:owner|parent(?:\s+company)?"
                           r"|(?:majority\s+|largest\s+)?shareholder|backer)\s+$", re.IGNORECASE)
# Names that stand for people rather than a party: "former Google engineers", "ex-Tesla staff".
# A whole word: "Snapdragon Ride Flex" then "The Chinese EV maker" is no ex-employee.
_PEOPLE_BEFORE = re.compile(r"\b(?:former|ex-|ex)\s*$", re.IGNORECASE)
_PEOPLE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:engineers?|executives?|employees?|staff(?:ers?)?|veterans?|alumni|alums?"
    r"|researchers?|managers?|co-?founders?|founders?|workers?)\b", re.IGNORECASE)
# "Geely-owned Volvo", "Huawei-backed Aito", "长安汽车旗下的阿维塔": the first name qualifies the second.
_OWNED_GAP = re.compile(r"-(?:owned|backed|controlled|funded)\s+(?:[\w.&-]+\s+){0,3}|\s*旗下的?\s*", re.IGNORECASE)
# "Hyundai Motor's Kia", "Alphabet's self-driving unit Waymo", "Waymo, the Alphabet unit": the
# owner qualifies the unit.
_NOT_FUNCTION_WORD = r"(?!(?:from|to|with|and|or|in|into|for|of|by|on|at|as|than|over|after|before|said|says)\s)"
_POSSESSIVE_GAP = re.compile(rf"['’]s\s+(?:{_NOT_FUNCTION_WORD}[\w.&-]+\s+){{0,4}}", re.IGNORECASE)
_POSSESSIVE_UNIT = re.compile(
    r"(?:['’]s)?\s+(?:[\w.&-]+\s+){0,3}?(?:unit|arm|subsidiary|division|brand|business|affiliate)\b", re.IGNORECASE)
# "Avatr, the premium EV brand backed by Changan", "Smart, the Mercedes-Benz and Geely joint
# venture", "Zeekr owned by Geely": the parent named after its unit.
_UNIT_OF_GAP = re.compile(
    r",\s+(?:the|a|an|its|owned|backed|controlled|part)\s[^,;()]{0,60}"
    r"|\s+(?:owned|backed|controlled)\s+by\s+", re.IGNORECASE)


@dataclass(frozen=True)
class _Alias:
    owner: str  # company or alliance name
    text: str
    is_alliance: bool = False
    is_exclusion: bool = False
    ignore_case: bool = False
    ambiguous: bool = False
    is_anaphor: bool = False  # "the carmaker", standing for the one named in the headline

    @cached_property
    def needs_boundary(self) -> bool:
        """CJK text has no spaces between words, so CJK aliases match anywhere."""
        return not _CJK.search(self.text)


class _Mention(NamedTuple):  # a tuple: made for every name in every story, 4x cheaper than a frozen dataclass
    start: int
    end: int
    alias: _Alias
    members: tuple[str, ...]  # the companies this mention stands for


@dataclass
class _Found:
    """The pairs of one kind a story reports, each with its best deal, and the sentence that says
    the story's best."""

    deals: dict[tuple[str, str], tuple[tuple[bool, int], str]] = field(default_factory=dict)  # pair -> best
    rank: tuple[bool, int] | None = None
    deal: str | None = None
    span: tuple[int, int] = (0, 0)
    mentions: list[_Mention] = field(default_factory=list)


class Matcher:
    """Compiled once per config; `match()` is pure and cheap enough for every entry."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.companies = config.companies
        self._latin, self._cjk = self._build(config)
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
    def _build(config: Config) -> tuple[ahocorasick.Automaton, ahocorasick.Automaton]:
        """Two automata: names in Chinese, Japanese or Korean script go in a second one, used only
        on text in those scripts. Their many first characters would otherwise slow every step
        of the scan over English text (each state searches its transitions one by one)."""
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
        latin, cjk = ahocorasick.Automaton(), ahocorasick.Automaton()
        for key, aliases in table.items():
            (cjk if _CJK.search(key) else latin).add_word(key, (key, tuple(aliases)))
        for automaton in (latin, cjk):
            if len(automaton):
                automaton.make_automaton()
        return latin, cjk

    # -- finding names ---------------------------------------------------------------------

    def mentions(self, text: str) -> list[_Mention]:
        """Company and alliance mentions, leftmost-longest, with exclusions and ambiguity applied."""
        lowered = lower_keeping_offsets(text)
        hits: list[tuple[int, int, _Alias]] = []
        automata = [self._latin]
        if len(self._cjk) and not text.isascii() and _CJK.search(text):
            automata.append(self._cjk)
        for automaton in automata:
            if not len(automaton):
                continue
            for end_index, (key, aliases) in automaton.iter(lowered):
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
        found = [(s, e, a) for s, e, a in chosen if not a.is_exclusion and not _is_venue(text, e)
                 and not (text[s - 4:s] in _THE and _is_the_place(text, s, e, a))]
        sure = {a.owner for _, _, a in found if not a.ambiguous}
        mentions = []
        for start, end, alias in found:
            if alias.ambiguous and (_DETERMINER_AFTER.match(text, end) or (
                    alias.owner not in sure and not self._has_context(alias.owner, text))):
                continue
            members = (
                self.config.alliances[alias.owner].members if alias.is_alliance else (alias.owner,)
            )
            mentions.append(_Mention(start, end, alias, members))
        alliances = {m.alias.owner: m for m in mentions if m.alias.is_alliance}
        if len(alliances) == 1:
            mentions = self._with_anaphora(text, mentions, next(iter(alliances.values())))
        return mentions

    @staticmethod
    def _with_anaphora(text: str, mentions: list[_Mention], named: _Mention) -> list[_Mention]:
        """"The alliance and Didi signed an MoU", after the story named one alliance: the
        alliance it named, as its members' press releases write "the Alliance"."""
        if "lliance" not in named.alias.owner:
            return mentions
        return _with_free(mentions, [_Mention(found.start(1), found.end(1), named.alias, named.members)
                                     for found in _THE_ALLIANCE.finditer(text, named.end)])

    def _with_the_carmaker(self, text: str, summary_start: int, mentions: list[_Mention]) -> list[_Mention]:
        """"Lucid secures battery supply" then "The EV maker signed with Panasonic Energy": when
        the headline names one carmaker and nothing else that makes cars, "the carmaker" in the
        summary is that carmaker; so is "The sedan" that starts a summary's sentence, its car
        ("Mercedes-Benz unveils new CLA", then "The sedan's assistant runs on Microsoft Azure")."""
        maker = "maker" in text or "manufacturer" in text or "startup" in text
        starts = _sentences_starting_with_the(text, summary_start)
        if not maker and not starts:
            return mentions
        in_title = {c for m in mentions if m.start < summary_start for c in m.members}
        oems = {c for c in in_title if self.companies[c].is_oem}
        if len(oems) != 1:
            return mentions
        # "The carmaker's new system" at the start of a sentence, its subject; not "who led the
        # carmaker's Drive Pilot programme" inside one.
        found = [m.span() for m in _THE_CARMAKER.finditer(text, summary_start)
                 if m.start() in starts or text[m.end():m.end() + 1] not in "'’"] if maker else []
        found += [m.span() for m in _THE_MODEL.finditer(text, summary_start) if m.start() in starts]
        if not found:
            return mentions
        oem = oems.pop()
        spans: list[tuple[int, int]] = []
        for start, end in found:  # "The car maker" is found twice: once is enough
            if not any(s < end and start < e for s, e in spans):
                spans.append((start, end))
        return _with_free(mentions, [_Mention(start, end, _Alias(oem, text[start:end], is_anaphor=True), (oem,))
                                     for start, end in sorted(spans)])

    def _units_for_owners(self, text: str, mentions: list[_Mention]) -> list[_Mention]:
        """"Renault signed with the Alphabet unit", in a story that names Waymo: the unit, when
        the story names just one of the owner's units and it is of the owner's kind (GM's Cruise
        is not: Microsoft investing in "the GM unit" is a GM tie-up)."""
        out = mentions
        if "unit" not in text and "subsidiary" not in text and "division" not in text and "affiliate" not in text:
            return out
        for i, m in enumerate(mentions):
            if m.alias.is_alliance or not _UNIT_AFTER.match(text, m.end) or not _THE_BEFORE.search(
                    text, max(0, m.start - 5), m.start):
                continue
            units = {u for other in mentions if other is not m for u in other.members
                     if m.alias.owner in self._parents.get(u, ())
                     and self.companies[u].kinds == self.companies[m.alias.owner].kinds}
            if len(units) == 1:
                unit = units.pop()
                out = [*out[:i], _Mention(m.start, m.end, _Alias(unit, m.alias.text), (unit,)), *out[i + 1:]]
        return out

    def _without_needless_anaphors(self, in_sentence: list[_Mention]) -> list[_Mention]:
        """"The carmaker" stands for the headline's carmaker only in a sentence that names no
        company that makes cars: "Nio, the Chinese carmaker, ..." is Nio."""
        if any(self.companies[c].is_oem for m in in_sentence if not m.alias.is_anaphor for c in m.members):
            return [m for m in in_sentence if not m.alias.is_anaphor]
        return in_sentence

    @staticmethod
    def _accepts(text: str, start: int, end: int, alias: _Alias) -> bool:
        if alias.needs_boundary and (
            (start > 0 and _joins_word(text[start - 1]))
            or (end < len(text) and _joins_word(text[end]))
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
        names = self.mentions(text)
        # "The carmaker" stands for a company the headline names: it never adds a second one.
        if len({m.alias.owner for m in names}) < 2:
            return NO_MATCH
        mentions = self._with_the_carmaker(text, len(title) + 1, names) if summary else names
        anaphors = mentions is not names
        mentions = self._units_for_owners(text, mentions)
        weak = None  # are weak deal words allowed? Decided once, only if a sentence needs it
        found: dict[str, _Found] = {}
        starts = [m.start for m in mentions]  # in order: mentions() sorts them
        for order, (start, end) in enumerate(split_sentences(text)):
            first, past = bisect_left(starts, start), bisect_left(starts, end)  # linear in all
            in_sentence = [m for m in mentions[first:past] if m.end <= end]
            if len({m.alias.owner for m in in_sentence}) < 2:
                continue
            named = in_sentence  # every name is masked in the deal's text, background too
            background, asides = _background(text, start, end, in_sentence)
            if background:
                in_sentence = [m for i, m in enumerate(in_sentence) if i not in background]
            if anaphors and any(m.alias.is_anaphor for m in in_sentence):
                in_sentence = self._without_needless_anaphors(in_sentence)
            if len({m.alias.owner for m in in_sentence}) < 2:
                continue
            parties = self._parties(text, in_sentence, start, end)
            if len({m.alias.owner for m in parties}) < 2:
                continue
            if weak is None:
                if denies(title):  # the summary only tells what is denied
                    return NO_MATCH
                weak = not is_damped(title)
            # The deal first: most sentences naming two companies report none, and telling who
            # is on which side (`_apart`) costs as much again.
            deal, strong = deal_of(_masked(text, start, end, named, asides), weak=weak)
            if deal is None:
                continue
            pairs = self._pairs(parties, _VEHICLE.search(text, start, end) is not None,
                                self._apart(text, start, end, parties))
            if not pairs:
                continue
            # The story's deal and sentence: strong words beat weak ones, then the earliest.
            rank = (not strong, order)
            for kind, kind_pairs in pairs.items():
                best = found.setdefault(kind, _Found())
                for pair in kind_pairs:  # each pair's own deal, by the same ranking
                    if pair not in best.deals or rank < best.deals[pair][0]:
                        best.deals[pair] = (rank, deal)
                if best.rank is None or rank < best.rank:
                    best.rank, best.deal, best.span, best.mentions = rank, deal, (start, end), in_sentence
        kind = next((k for k in ("oem-tech", "oem-oem", "tech-tech") if k in found), None)
        if kind is None:
            return NO_MATCH
        best = found[kind]
        pairs, deal, (s_start, s_end), in_sentence = sorted(best.deals), best.deal, best.span, best.mentions
        parties = self._with_parents({c for pair in pairs for c in pair})
        named = self._with_parents({c for m in mentions for c in m.members})
        return Match(
            kind=kind,
            companies=tuple(sorted(named)),
            parties=tuple(sorted(parties)),
            pairs=tuple(pairs),
            pair_deals=tuple(best.deals[pair][1] for pair in pairs),
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

    # -- who takes part ---------------------------------------------------------------------

    def _parties(self, text: str, mentions: list[_Mention], start: int, end: int) -> list[_Mention]:
        """The mentions of a sentence that can be parties: not people, owners, context or stocks."""
        named = {c for m in mentions if not m.alias.is_alliance for c in m.members}
        stocks = stock_moves(text, mentions) if _may_report_markets(text, start, end) else ()
        return [m for i, m in enumerate(mentions)
                if i not in stocks
                and not self._is_people(text, m)
                and not (m.alias.is_alliance and named.intersection(m.members))
                and not self._is_qualifier(text, mentions, i)]

    @staticmethod
    def _is_people(text: str, mention: _Mention) -> bool:
        return bool(_PEOPLE_BEFORE.search(text, max(0, mention.start - 8), mention.start)
                    or _PEOPLE_AFTER.match(text, mention.end))

    def _is_qualifier(self, text: str, mentions: list[_Mention], i: int) -> bool:
        """Does mention i only say who owns another mention of the sentence?"""
        here = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None:
            if _OWNED_GAP.fullmatch(text, here.end, nxt.start):
                return True
            if _POSSESSIVE_GAP.fullmatch(text, here.end, nxt.start) and self._same_side(here, nxt):
                return True
        # A unit of another kind leaves its owner a party: Microsoft investing in GM's Cruise
        # (tech) is a GM tie-up.
        units = [m for m in mentions if m is not here and self._owns(here, m) and self._same_side(here, m)]
        if not units:
            return False
        if _POSSESSIVE_UNIT.match(text, here.end):
            return True
        return any(u.end <= here.start and _UNIT_OF_GAP.fullmatch(text, u.end, here.start) for u in units)

    def _owns(self, owner: _Mention, unit: _Mention) -> bool:
        return any(o in self._parents.get(u, ()) for o in owner.members for u in unit.members)

    def _same_side(self, first: _Mention, second: _Mention) -> bool:
        """Same kind of company (both OEMs, both tech), or an alliance and one of its members."""
        if first.alias.is_alliance:
            return bool(set(first.members) & set(second.members))
        return len({self.companies[c].kinds for m in (first, second) for c in m.members}) == 1

    def _apart(self, text: str, start: int, end: int, parties: list[_Mention]) -> set[tuple[int, int]]:
        """Index pairs of parties on the same side of the deal (marketwatch.sides): co-investors,
        unless one of them owns or is the company the money goes to ("Microsoft joins GM in
        investing in Cruise"); a company that is OEM and tech listed among carmakers only (or
        tech companies only) when the list faces another party ("BYD, Xpeng and GAC adopt Nvidia
        Drive Thor", "Toyota picks Huawei and Nvidia")."""
        apart = separate_moves(text, parties) if _may_report_markets(text, start, end) else set()
        for investors, receivers in investor_groups(text, start, end, parties):
            owners = {c for r in receivers for c in parties[r].members}
            free = sorted(i for i in investors
                          if not any(self._related(a, o) for a in parties[i].members for o in owners))
            apart |= {(i, j) for i in free for j in free if i < j}
        for run in lists(text, parties) if len(parties) > 2 else ():  # a list faces another party
            members = [c for j in run for c in parties[j].members]
            facing = [i for i, m in enumerate(parties) if i not in run
                      and not any(self._related(a, b) for a in m.members for b in members)]
            # "A and B sign a deal" faces A to B; "A, B and C adopt X" and "X picks A and B" do not.
            if not facing or (len(run) < 3 and facing[0] > run[0]):
                continue
            others = [j for j in run if not self._is_dual(parties[j])]
            sides = {self._side(parties[j]) for j in others}
            if len(sides) != 1 or None in sides:
                continue
            for d in (j for j in run if self._is_dual(parties[j])):
                apart |= {(min(d, j), max(d, j)) for j in others}
        return apart

    def _is_dual(self, mention: _Mention) -> bool:
        return any(self.companies[c].is_oem and self.companies[c].is_tech for c in mention.members)

    def _side(self, mention: _Mention) -> str | None:
        kinds = {self.companies[c].kinds for c in mention.members}
        company = self.companies[mention.members[0]]
        if len(kinds) != 1 or (company.is_oem and company.is_tech):
            return None
        return "oem" if company.is_oem else "tech"

    def _pairs(self, mentions: list[_Mention], vehicles: bool,
               apart: set[tuple[int, int]] = frozenset()) -> dict[str, set[tuple[str, str]]]:
        """Pairs between different mentions; members of one alliance mention never pair up, nor
        mentions on the same side of the deal (`apart`, index pairs)."""
        out: dict[str, set[tuple[str, str]]] = {}
        for i, first in enumerate(mentions):
            for j, second in enumerate(mentions[i + 1 :], i + 1):
                if first.alias.owner == second.alias.owner or (i, j) in apart:
                    continue
                for a in first.members:
                    for b in second.members:
                        if self._related(a, b):
                            continue
                        kind, pair = self._classify(a, b, vehicles)
                        if kind:
                            out.setdefault(kind, set()).add(pair)
        return out

    def _classify(self, a: str, b: str, vehicles: bool = True) -> tuple[str | None, tuple[str, str]]:
        ca, cb = self.companies[a], self.companies[b]
        a_oem, a_tech, b_oem, b_tech = ca.is_oem, ca.is_tech, cb.is_oem, cb.is_tech
        if not vehicles and a_tech and b_tech:
            return "tech-tech", tuple(sorted((a, b)))
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


def _with_free(mentions: list[_Mention], extra: list[_Mention]) -> list[_Mention]:
    """`mentions` with those of `extra` that overlap none of them, in text order; `mentions`
    itself when none is added (the caller tells by identity whether anything was)."""
    taken = [(m.start, m.end) for m in mentions]
    free = [x for x in extra if not any(s < x.end and x.start < e for s, e in taken)]
    return sorted(mentions + free, key=lambda m: m.start) if free else mentions


def _sentences_starting_with_the(text: str, summary_start: int) -> list[int]:
    """Where the summary's sentences that start with "The " start: found by substring, as most
    stories have none that `_THE_MODEL` would take."""
    starts = [summary_start] if text.startswith("The ", summary_start) else []
    at = text.find(". The ", summary_start)
    while at >= 0:
        starts.append(at + 2)
        at = text.find(". The ", at + 6)
    return starts


def _joins_word(char: str) -> bool:
    """Would this neighbour make a Latin name part of a longer word? Not a CJK character:
    Chinese text writes "比亚迪与Momenta成立" with no spaces around the Latin name."""
    if char.isascii():
        return char.isalnum() or char == "_"
    return bool(_WORD.match(char)) and not _CJK.match(char)


def _may_report_markets(text: str, start: int, end: int) -> bool:
    """Could the sentence report share moves ("shares of Ford fell", "BYD added 3%", "Xiaomi
    and BYD lead gains")? Most sentences have none of these words."""
    return _MARKET_WORDS.search(text, start, end) is not None


def _is_the_place(text: str, start: int, end: int, alias: _Alias) -> bool:
    """"through the Amazon": a one-word company name after "the" (the caller has seen it),
    ending its clause. Not an alliance ("signed with the Alliance.")."""
    return (start >= 4 and not alias.is_alliance and " " not in alias.text
            and _CLAUSE_END.match(text, end) is not None)


def _background(text: str, start: int, end: int, mentions: list[_Mention]) -> tuple[set[int], list[tuple[int, int]]]:
    """Indexes of a sentence's names that are background, not parties, and the asides they are
    in: "The EV maker, in which Stellantis holds a 21% stake, said" and "its Chinese owner
    Geely". An aside is background only after a name: "The joint venture, in which Renault and
    Volvo Group each hold 45%, will build vans" names the venture's parties."""
    words = {w.group() for w in _BACKGROUND_WORDS.finditer(text, start, end)}  # most sentences: none
    if not words:
        return set(), []
    asides = ([m.span() for m in _ASIDE.finditer(text, start, end) if any(n.end == m.start() for n in mentions)]
              if "which" in words or "whose" in words else [])
    out = {i for i, m in enumerate(mentions) if any(s < m.start and m.end < e for s, e in asides)}
    if words - {"which", "whose"}:
        out |= {i for i, m in enumerate(mentions) if _OWNER_BEFORE.search(text, max(start, m.start - 50), m.start)}
    return out, [(s, e) for s, e in asides if any(s < m.start and m.end < e for m in mentions)]


def _is_venue(text: str, end: int) -> bool:
    """Is the name ending at `end` followed by a venue word ("Audi Field")? Checked cheaply first."""
    return text[end + 1 : end + 2].isupper() and _VENUE_AFTER.match(text, end) is not None


def _masked(text: str, start: int, end: int, mentions: list[_Mention],
            asides: list[tuple[int, int]] = ()) -> str:
    """The sentence with company names blanked out, so that names are not read as deal words
    ("Harmony Intelligent Mobility Alliance", "Alliance Ventures"), and background asides too
    (", in which Stellantis holds a 21% stake,": not the sentence's deal)."""
    blanks = [(m.start, m.end, "X") for m in mentions]
    if asides:
        blanks = sorted(blanks + [(s, e, " ") for s, e in asides])
    parts, last = [], start
    for s, e, mark in blanks:
        if s < last:  # a name inside an aside
            continue
        parts += [text[last:s], mark * (e - s)]
        last = e
    parts.append(text[last:end])
    return "".join(parts)


def _spans(text: str, start: int, end: int, mentions: list[_Mention]) -> tuple[Span, ...]:
    offset = start + (len(text[start:end]) - len(text[start:end].lstrip()))
    return tuple(Span(m.start - offset, m.end - offset, m.alias.owner) for m in mentions)
