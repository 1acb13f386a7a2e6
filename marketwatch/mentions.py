"""Find the companies and alliances a story names, and what "the carmaker" or "the partners"
stand for.

This is apart from `marketwatch.match`, which decides what a story reports (its parties, pairs
and deal), because finding names is a question about the text and the config's companies only:
which words stand for a company here. The matcher asks it once per story and then reasons
about the names it gets, sentence by sentence; `marketwatch.cli` asks it alone, to tell which
aliases still match anything.

Names are found in one pass of an Aho-Corasick automaton over the text, so finding stays linear
however many aliases the config lists. A found alias is a name only when it stands alone as a
word (Chinese and Japanese put no spaces around one), in the case the config gives it (or a
headline's capitals), and not as an ordinary word, a place or a likeness: "Grab a bargain", "Audi
Field", "through the Amazon", "a Nio-style battery swap", a person ("singer Tesla Rose", "names
Mercedes Ruiz to head ..."); an ambiguous alias ("Grab", "Smart")
counts only in a story that names its company unambiguously too or uses words of its context.
A few words stand for a company named elsewhere: "the Alliance" after the story named one,
"the carmaker" or "The sedan" for the headline's only carmaker, "the two companies", "the
partners" or "the joint venture" for the headline's carmaker and tech company, "the joint
venture" for a venture the headline names by its two carmakers ("Dongfeng Nissan"), "the
Alphabet unit" for the one unit of Alphabet the story names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import NamedTuple

import ahocorasick

from marketwatch.config import Config
from marketwatch.text import lower_keeping_offsets

_WORD = re.compile(r"\w", re.UNICODE)
_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_THE_ALLIANCE = re.compile(r"\b[Tt]he (?:three-way |three-member |carmaking )?([Aa]lliance)\b")
# "Genesis of a deal", "Grab a bargain", "Via its unit": an ambiguous name followed by a
# determiner is the ordinary word, whatever the context.
_DETERMINER_AFTER = re.compile(
    r"[^\S\n]+(?:of|a|an|the|its|their|your|our|his|her|this|that|these|those|some|any|every)\s", re.IGNORECASE)
# "Meta-Learning Lets Toyota Robots...", "a Mini-series": an ambiguous name that starts a compound
# word is the ordinary word; not one that says what the company did to a thing ("Arm-based",
# "Meta-owned") nor one joined to another name ("Grab-Toyota deal": the caller checks).
# Any past participle says what the company did ("Lucid-badged", "Arm-tuned"), except the few that
# make an ordinary adjective of the word ("smart-connected", "Apple-shaped").
_COMPOUND_AFTER = re.compile(
    r"-(?!(?:built|made|run|led|driven|native|style|like|esque|specific|exclusive|only|era|bound|rival|compatible"
    r"|(?!(?:connected|related|shaped|sized|themed|inspired|minded|coloured|colored)\b)[^\W\d_]+ed)\b)[^\W\d_]",
    re.IGNORECASE)
# "Gets A Stronger Arm And Swaps Its Battery", "a smart choice.": an ambiguous name after "a" and one
# word, ending its phrase, is the ordinary noun ("an Arm chip" goes on to its noun; "an agreement
# with Aurora" and "a deal with Bolt" have no such word).
_A_THING_BEFORE = re.compile(
    r"(?<!\w)(?:a|an|A|An)[^\S\n]+(?!(?i:with|to|for|in|on|at|of|from|by|and|or|as|deal|agreement|pact"
    r"|partnership|partner|stake|startup|contract|order|venture|tie-up|unit|supplier)\b)[^\W\d_]+[^\S\n]+$")
_PHRASE_END = re.compile(r"[^\S\n]*(?:[.,;:!?)]|\n|$)|[^\S\n]+(?i:and|or|but)\b")
# "In Push To Grab Southeast Asia Share", "To Grab Back EV Share": in a title-case headline, an
# ambiguous name after "To" with an object after it is the verb ("Sells Stake To Grab For $1
# Billion", "Switch To Grab In Indonesia" are the company).
_OBJECT_AFTER = re.compile(
    r"[^\S\n]+(?!(?:In|For|As|After|At|On|Over|Amid|With|From|And|Or|To|By|Into|Via|Is|Was|Will|Says?)\b)[A-Z]")
# "The EV maker signed with Panasonic", "The carmaker's new infotainment system runs on Qualcomm",
# "The Geely-owned brand said it had ended the deal": a carmaker the summary refers to without its
# name (not "the carmaker's CEO", who is someone else, nor its shares).
_THE_CARMAKER = re.compile(
    r"\b[Tt]he\s+(?:[\w-]+\s+){0,2}?(?:carmaker|automaker|car ?maker|auto ?maker|EV (?:maker|startup)"
    r"|electric[- ](?:vehicle|car|truck|SUV) (?:maker|startup)|(?:vehicle|car|truck) manufacturer|brand)\b"
    r"(?!['’](?!s\s))(?!['’]s\s+(?:[\w-]+\s+)?(?:CEO|chief|boss|chair\w*|president|founder|co-founder|executives?"
    r"|head|spokes\w+|engineers?|employees?|staff|workers|board|shares|stock|investors|shareholders)\b)")
# "The sedan's assistant runs on ...": a summary's sentence that starts with the headline's car.
# The word before it is "new" or a model's name ("The CLA sedan"), not any word: "The business
# model" is no car; nor is the car of "The car industry" or "The EV market".
_THE_MODEL = re.compile(
    r"The (?:new |[A-Z0-9][\w-]* )?(?:car|sedan|saloon|SUV|crossover|hatchback|pickup|coupe|minivan|EV|model)"
    r"(?=['’]s\b|\s)(?!\s+(?:industry|market|sector|segment|business|makers?|giants?|world|sales|prices?)\b)")
# "GM and LG Energy Solution to lay off 1,700" then "The joint venture will pause production, the
# partners said": words that stand for the two companies a headline names. Not "the company",
# nor "the joint venture of Geely and Tencent" (it names its own). Matcher.match calls
# with_the_partners only for a summary with "partners", "venture" or "two compan": a wording
# added here needs one of those, or a test of its own there.
_THE_PARTNERS = re.compile(
    r"\b(?:[Tt]he (?:two (?:companies|partners)|partners|joint venture)|[Bb]oth partners)\b(?!['’])"
    r"(?!\s+(?:of|between|with|in|at|to)\b)")
# "Dongfeng Nissan", "GAC Toyota", "SAIC-GM": a joint venture named by its two carmakers, which
# "The joint venture's sedan" or "the venture" in the summary stands for.
_VENTURE_GAP = re.compile(r" |-")
# Not "the joint venture of ..." nor "the joint venture Toyota China, GAC Toyota and Pony.ai set up".
_THE_VENTURE = re.compile(r"\b[Tt]he (?:joint )?venture\b(?!\s+(?:of|between|with|in|at|to)\b)(?![^\S\n]+[A-Z])")
# "an agreement with the Alphabet unit": the owner's name standing for one of its units.
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_UNIT_AFTER = re.compile(r"(?:[^\S\n]+[\w-]+){0,2}?[^\S\n]+(?:unit|subsidiary|division|affiliate)\b")
# "Audi Field", "Toyota Center", "Kia Oval": a name followed by a venue word is a place. So is
# a body that shares the name: "the Washington Apple Commission", "the Toyota Foundation" (not
# Apple's "Foundation Models").
_VENUE_AFTER = re.compile(
    r"[^\S\n]+(?:Field|Stadium|Arena|Center|Centre|Dome|Forum|Oval|Park|Garden|Ballpark|Coliseum|Speedway"
    r"|Raceway|Sportpark|Amphitheat(?:er|re)|Theat(?:er|re)|Pavilion"
    r"|Commission|Council|Association|Federation|Society|Museum|Festival|Foundation(?![^\S\n]+Models?\b))(?!\w)")
# "Expedition through the Amazon", "he drove the Mini.": a one-word name between "the" and the end
# of its clause is a place or a product, not the company ("with the Alphabet unit" goes on); so
# is one whose parts or places follow ("the Amazon's tributaries", "the Mini's battery").
_CLAUSE_END = re.compile(r"[^\S\n]*(?:[.,;:!?)]|\n|$)|['’]s[^\S\n]+[a-z]")
_THE = ("the ", "The ")
# "Country singer Tesla Rose", "wrestler Mercedes Moné", "Nvidia names Mercedes Ruiz to head ...": a
# company's name as a person's first name, before a surname (a capital, then small letters), after a
# word for what the person does or a verb that appoints someone to a post.
_SURNAME_AFTER = re.compile(r"[^\S\n]+[A-Z][^\W\d_A-Z][^\W\d_]*")
_ROLES = (r"singer|songwriter|rapper|actor|actress|wrestler|author|novelist|poet|musician|drummer|guitarist"
          r"|pianist|player|striker|golfer|boxer|athlete|skater|swimmer|sprinter|comedian|influencer|YouTuber")
_ROLE_BEFORE = re.compile(rf"\b(?:{_ROLES})[^\S\n]+$", re.IGNORECASE)
# "Ford, who led Britain's trade missions, will advise the chipmaker": a name that starts its
# sentence with ", who" is a person's (after an object, "invests in Motional, who will launch",
# news copy uses "who" for companies too).
_WHO_AFTER = re.compile(r",[^\S\n]+who[^\S\n]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n])[^\S\n]*$")
# "trade envoy Dana Ford", "actor Harrison Ford": the name as a surname, after a first name after a
# role. Roles of people in public life count only here: "chip designer Qualcomm Inc" and "EV
# producer Nio Inc" name companies, so they are not `_ROLE_BEFORE`'s (a first name before a surname).
_SURNAME_ROLES = (_ROLES + r"|envoy|ambassador|adviser|advisor|minister|premier|senator|governor|mayor|lawmaker"
                  r"|congress(?:wo)?man|designer|filmmaker|director|producer|journalist|reporter|columnist"
                  r"|economist|professor|historian|scientist|coach|photographer|artist")
_ROLE_AND_FIRST_NAME_BEFORE = re.compile(
    rf"\b(?i:{_SURNAME_ROLES})[^\S\n]+[A-Z][^\W\d_A-Z][^\W\d_]*[^\S\n]+$")
_APPOINTS_BEFORE = re.compile(r"\b(?:names?|named|appoints?|appointed|hires?|hired|promotes?|promoted)[^\S\n]+$",
                             re.IGNORECASE)
_TO_A_POST = re.compile(r"[^\S\n]+(?:to|as)[^\S\n]", re.IGNORECASE)
# "a Nio-style battery swap network", "Tesla-like margins": a comparison with the company, not it.
_LIKENESS_AFTER = re.compile(r"-(?:style|like|esque)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Alias:
    owner: str  # company or alliance name
    text: str
    is_alliance: bool = False
    is_exclusion: bool = False
    ignore_case: bool = False
    ambiguous: bool = False
    is_anaphor: bool = False  # words for a company the headline names: "the carmaker", "the partners"
    is_pair_anaphor: bool = False  # of those, "the two companies": one of the two the headline names
    is_venture: bool = False  # of those, "the joint venture" named by its carmakers ("Dongfeng Nissan")

    @cached_property
    def needs_boundary(self) -> bool:
        """CJK text has no spaces between words, so CJK aliases match anywhere."""
        return not _CJK.search(self.text)


class Mention(NamedTuple):  # a tuple: made for every name in every story, 4x cheaper than a frozen dataclass
    start: int
    end: int
    alias: Alias
    members: tuple[str, ...]  # the companies this mention stands for


class MentionFinder:
    """Compiled once per config (the matcher holds one); `find()` is pure and cheap enough for
    every entry."""

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
        self.parents = {name: set(c.parents) for name, c in config.companies.items()}  # the matcher's too

    @staticmethod
    def _build(config: Config) -> tuple[ahocorasick.Automaton, ahocorasick.Automaton]:
        """Two automata: names in Chinese, Japanese or Korean script go in a second one, used only
        on text in those scripts. Their many first characters would otherwise slow every step
        of the scan over English text (each state searches its transitions one by one)."""
        table: dict[str, list[Alias]] = {}

        def add(alias: Alias) -> None:
            key = alias.text.lower()
            if len(key) == len(alias.text) and key:
                table.setdefault(key, []).append(alias)

        for company in config.companies.values():
            for text in company.aliases:
                add(Alias(company.name, text, ignore_case=company.ignore_case,
                          ambiguous=text in company.ambiguous))
            for text in company.exclude:
                add(Alias(company.name, text, is_exclusion=True))
        for alliance in config.alliances.values():
            for text in (alliance.name, *alliance.aliases):
                add(Alias(alliance.name, text, is_alliance=True))
        latin, cjk = ahocorasick.Automaton(), ahocorasick.Automaton()
        for key, aliases in table.items():
            (cjk if _CJK.search(key) else latin).add_word(key, (key, tuple(aliases)))
        for automaton in (latin, cjk):
            if len(automaton):
                automaton.make_automaton()
        return latin, cjk

    def find(self, text: str) -> list[Mention]:
        """Company and alliance mentions, leftmost-longest, with exclusions and ambiguity applied."""
        lowered = lower_keeping_offsets(text)
        hits: list[tuple[int, int, Alias]] = []
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
        chosen: list[tuple[int, int, Alias]] = []
        last_end = -1
        for start, end, alias in hits:
            if start >= last_end:
                chosen.append((start, end, alias))
                last_end = end
        found = [(s, e, a) for s, e, a in chosen if not a.is_exclusion and not _is_venue(text, e)
                 and not (text[s - 4:s] in _THE and _is_the_place(text, s, e, a))
                 and not (text.startswith("-", e) and _LIKENESS_AFTER.match(text, e))
                 and not (text[e + 1:e + 2].isupper() and text.startswith(" ", e) and _is_a_person(text, s, e))
                 and not (text.startswith(",", e) and _WHO_AFTER.match(text, e)
                          and _SENTENCE_START.search(text, max(0, s - 3), s) is not None)
                 and not (text[s - 2:s - 1].islower() and text[s - 1:s] == " "
                          and _ROLE_AND_FIRST_NAME_BEFORE.search(text, max(0, s - 45), s) is not None)]
        sure = {a.owner for _, _, a in found if not a.ambiguous}
        starts = {s for s, _, _ in found}
        mentions = []
        for start, end, alias in found:
            if alias.ambiguous and (_DETERMINER_AFTER.match(text, end) or (
                    text.startswith("-", end) and end + 1 not in starts and _COMPOUND_AFTER.match(text, end)) or (
                    _PHRASE_END.match(text, end) and _A_THING_BEFORE.search(text, max(0, start - 30), start)) or (
                    alias.owner not in sure and not self._has_context(alias.owner, text))
                    or (text[start - 3:start] == "To " and _OBJECT_AFTER.match(text, end))):
                continue
            members = (
                self.config.alliances[alias.owner].members if alias.is_alliance else (alias.owner,)
            )
            mentions.append(Mention(start, end, alias, members))
        alliances = {m.alias.owner: m for m in mentions if m.alias.is_alliance}
        if len(alliances) == 1:
            mentions = self._with_the_alliance(text, mentions, next(iter(alliances.values())))
        return mentions

    @staticmethod
    def _with_the_alliance(text: str, mentions: list[Mention], named: Mention) -> list[Mention]:
        """"The alliance and Didi signed an MoU", after the story named one alliance: the
        alliance it named, as its members' press releases write "the Alliance"."""
        if "lliance" not in named.alias.owner:
            return mentions
        return _with_free(mentions, [Mention(found.start(1), found.end(1), named.alias, named.members)
                                     for found in _THE_ALLIANCE.finditer(text, named.end)])

    def with_the_carmaker(self, text: str, summary_start: int, mentions: list[Mention]) -> list[Mention]:
        """"Lucid secures battery supply" then "The EV maker signed with Panasonic Energy": when
        the headline names one carmaker and nothing else that makes cars, "the carmaker" in the
        summary is that carmaker; so is "The sedan" that starts a summary's sentence, its car
        ("Mercedes-Benz unveils new CLA", then "The sedan's assistant runs on Microsoft Azure")."""
        maker = "maker" in text or "manufacturer" in text or "startup" in text or "brand" in text
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
            # "The Geely-owned brand": the words after a name inside them (its owner).
            start = max([start, *(m.end for m in mentions if start <= m.start and m.end < end)])
            if not any(s < end and start < e for s, e in spans):
                spans.append((start, end))
        return _with_free(mentions, [Mention(start, end, Alias(oem, text[start:end], is_anaphor=True), (oem,))
                                     for start, end in sorted(spans)])

    def with_the_partners(self, text: str, summary_start: int, mentions: list[Mention]) -> list[Mention]:
        """"GM and LG Energy Solution to lay off 1,700 at Ultium Cells plants", then "The joint
        venture will pause production, the partners said": when the headline names two companies
        (an OEM and a tech company) and no alliance, "the two companies", "the partners" or "the
        joint venture" in the summary are those two ("the joint venture of A and B" is not). Each
        gets a part of the words' span, so that the two can pair. A headline that names a venture
        by its two carmakers ("Dongfeng Nissan's N7 ...") makes "the (joint) venture" those two,
        the actor of the summary's deal rather than a deal word. The caller looks for "partners",
        "venture" or "two compan" first: most stories have none."""
        in_title = [m for m in mentions if m.start < summary_start and not m.alias.is_anaphor]
        if any(m.alias.is_alliance for m in in_title):
            return mentions
        companies = sorted({c for m in in_title for c in m.members})
        venture = self._venture(text, in_title)
        if venture:  # "Dongfeng Nissan's N7 ...", then "The joint venture's sedan uses ...": its two carmakers
            companies = venture
        elif len(companies) != 2 or self.related(*companies):
            return mentions
        else:
            first, second = (self.companies[c] for c in companies)
            if not ((first.is_oem and second.is_tech) or (first.is_tech and second.is_oem)):
                return mentions
        extra = []
        for found in (_THE_VENTURE if venture else _THE_PARTNERS).finditer(text, summary_start):
            start, end = found.span()
            middle = text.rfind(" ", start, end)  # "the two | companies", "The joint | venture"
            halves = ((start, middle), (middle + 1, end))
            extra += [Mention(s, e, Alias(c, text[s:e], is_anaphor=True, is_pair_anaphor=True,
                                          is_venture=bool(venture)), (c,))
                      for c, (s, e) in zip(companies, halves, strict=True)]
        return _with_free(mentions, extra) if extra else mentions

    def _venture(self, text: str, in_title: list[Mention]) -> list[str] | None:
        """The two carmakers of a joint venture the headline names by both their names ("Dongfeng
        Nissan", "GAC Toyota", "SAIC-GM"), when it names one such venture."""
        found = [sorted((a.members[0], b.members[0])) for a, b in pairwise(in_title)
                 if len(a.members) == len(b.members) == 1 and a.members[0] != b.members[0]
                 and _VENTURE_GAP.fullmatch(text, a.end, b.start)
                 and self.companies[a.members[0]].is_oem and self.companies[b.members[0]].is_oem
                 and not self.related(a.members[0], b.members[0])]
        return found[0] if len(found) == 1 else None

    def related(self, a: str, b: str) -> bool:
        """One owns the other (`parents`): "the partners" cannot stand for a brand and its owner."""
        return a in self.parents.get(b, ()) or b in self.parents.get(a, ())

    def units_for_owners(self, text: str, mentions: list[Mention]) -> list[Mention]:
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
                     if m.alias.owner in self.parents.get(u, ())
                     and self.companies[u].kinds == self.companies[m.alias.owner].kinds}
            if len(units) == 1:
                unit = units.pop()
                out = [*out[:i], Mention(m.start, m.end, Alias(unit, m.alias.text), (unit,)), *out[i + 1:]]
        return out

    def without_needless_anaphors(self, in_sentence: list[Mention]) -> list[Mention]:
        """"The carmaker" stands for the headline's carmaker only in a sentence that names no
        company that makes cars: "Nio, the Chinese carmaker, ..." is Nio. "The partners" stand for
        the headline's two companies but those the sentence names itself ("GM said the joint
        venture will ..." is GM once)."""
        named = {c for m in in_sentence if not m.alias.is_anaphor for c in m.members}
        out = [m for m in in_sentence if not (m.alias.is_pair_anaphor and m.alias.owner in named)]
        if any(self.companies[c].is_oem for c in named):
            return [m for m in out if not m.alias.is_anaphor or m.alias.is_pair_anaphor]
        return out

    @staticmethod
    def _accepts(text: str, start: int, end: int, alias: Alias) -> bool:
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


def _with_free(mentions: list[Mention], extra: list[Mention]) -> list[Mention]:
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


def _is_the_place(text: str, start: int, end: int, alias: Alias) -> bool:
    """"through the Amazon", "on the Amazon's tributaries": a one-word company name after "the"
    (the caller has seen it), ending its clause or owning a thing. Not an alliance ("signed with
    the Alliance.", "the Alliance's members")."""
    return (start >= 4 and not alias.is_alliance and " " not in alias.text
            and _CLAUSE_END.match(text, end) is not None)


def _is_a_person(text: str, start: int, end: int) -> bool:
    """Is the name at text[start:end] a person's first name ("singer Tesla Rose", "names Mercedes
    Ruiz to head")? The caller has seen a space and a capital after it: most names have none
    ("Toyota Sienna" has, and no role before it). A surname is `_ROLE_AND_FIRST_NAME_BEFORE`'s."""
    surname = _SURNAME_AFTER.match(text, end)
    if surname is None:
        return False
    before = text[max(0, start - 20):start]
    return (_ROLE_BEFORE.search(before) is not None
            or (_APPOINTS_BEFORE.search(before) is not None and _TO_A_POST.match(text, surname.end()) is not None))


def _is_venue(text: str, end: int) -> bool:
    """Is the name ending at `end` followed by a venue word ("Audi Field")? Checked cheaply first."""
    return text[end + 1 : end + 2].isupper() and _VENUE_AFTER.match(text, end) is not None
