"""What "the carmaker", "the partners", "the joint venture" and "the Alphabet unit" stand for.

A story often names a company once, in its headline, and then refers to it: "Lucid secures
battery supply", then "The EV maker signed with Panasonic Energy". These words are names only
through the headline, so they are found after `marketwatch.mentions` has found the real names,
and only in the few stories whose words call for them. Each anaphor is a `Mention` flagged
`is_anaphor`, so that the matcher can drop it from a sentence that names its company itself.
"""

from __future__ import annotations

import re
from itertools import pairwise

from marketwatch.config import Config
from marketwatch.mentions import Alias, Mention, with_free

# "The EV maker signed with Panasonic", "The carmaker's new infotainment system runs on Qualcomm",
# "The Geely-owned brand said it had ended the deal": a carmaker the summary refers to without its
# name (not "the carmaker's CEO", who is someone else, nor its shares, nor "the unnamed carmaker").
_THE_CARMAKER = re.compile(
    # (not one the story does not name: "the unnamed top-10 carmaker that picked Mobileye")
    r"\b[Tt]he\s+(?!(?:[\w-]+\s+)?(?:unnamed|undisclosed|unidentified|mystery)\b)"
    r"(?:[\w-]+\s+){0,2}?(?:carmaker|automaker|car ?maker|auto ?maker|EV (?:maker|startup)"
    r"|electric[- ](?:vehicle|car|truck|SUV) (?:maker|startup)|(?:vehicle|car|truck) manufacturer|brand)\b"
    r"(?!['’](?!s\s))(?!['’]s\s+(?:[\w-]+\s+)?(?:CEO|chief|boss|chair\w*|president|founder|co-founder|executives?"
    r"|head|spokes\w+|engineers?|employees?|staff|workers|board|shares|stock|investors|shareholders)\b)")
# "Citroën ë-C3 Aircross priced from £21,990 ...", then "Its maker also confirmed that it will form
# a second joint venture with CATL": a sentence that starts with the headline's car's maker.
_ITS_MAKER = re.compile(r"\bIts\s+(?:car|auto)?maker\b(?!['’])")
# "Volvo Cars outlines next-generation core computing", then "The company has signed an agreement with
# NVIDIA": a summary's sentence that starts with "The company", of a headline that starts with its
# one company, a carmaker (not "The company's CEO", someone else; not "The group", which is as often a
# hacker group or a group of investors).
_THE_COMPANY = re.compile(r"The company\b(?!['’]s?\s+(?:[\w-]+\s+)?(?:CEO|chief|boss|chair\w*|president"
                          r"|founder|executives?|head|spokes\w+|shares|stock|investors|shareholders|partners?"
                          r"|rivals?|customers?|suppliers?)\b)")
# ... only in a sentence that tells of a deal made, not denied: "The company has signed an agreement
# with NVIDIA", not "The company said it has no plans to use batteries from Panasonic"
_THE_COMPANY_DEAL = re.compile(r"[^.]*?\b(?:signed|signs|agreed|agrees|formed|forms|partnered|invested|invests|acquired"
                               r"|acquires|entered into|teamed up|selected|chose|picked)\b")
_THE_COMPANY_NOT = re.compile(r"[^.]*?\b(?:no|not|never|n['’]t)\b")
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

# A customer a supplier's release does not name ("selected by a premium global automaker", "an order
# from an unnamed customer", "a top-five Japanese OEM"), which the story identifies later. A maker of
# cars or a car brand, or a customer said to be unnamed: not "a buyer for its stake", "a ride-hailing brand".
_A_CUSTOMER = re.compile(
    r"\b(?:an?|one)\s+(?:['‘’\"“”]?[\w-]+['‘’\"“”]?\s+){0,4}?['‘’\"“”]?"
    r"(?:automaker|carmaker|car ?maker|auto ?maker|OEM|vehicle manufacturer"
    r"|(?:car|EV|auto|automotive|vehicle|premium|luxury|performance) brand)(?![\w-])"
    r"|\b(?:an?\s+)?(?:unnamed|undisclosed|unidentified|mystery)\s+(?:[\w-]+\s+){0,2}?(?:customer|buyer|client"
    r"|automaker|carmaker|OEM|brand)(?![\w-])", re.IGNORECASE)
# ... and how it identifies it, in so many words: "BMW later confirmed it is the customer", "Mercedes-Benz
# confirmed hours later that it was the customer", "Nissan, the customer, said", "Suzuki Motor is the
# customer"; "The customer is Suzuki Motor", "the program was with Ford", "later revealed to be Toyota".
# Not a carmaker confirming something else ("Ford confirmed it had hired ...", "confirmed the order of
# eight ships"), the customer of another supplier ("the customer of Luminar's new lidar"), a guess
# or a denial (`_HEDGED`).
_CONFIRMED_AFTER = re.compile(
    r"(?:\s+(?:later|also|has since|has|had|itself|quickly))?\s+confirm(?:ed|s)\b(?:\s+(?:on|in)\s+\w+)?"
    r"(?:\s+\w+\s+later)?\s+(?:that\s+)?it\s+(?:is|was|would be|will be|had been|has been)\s+the\s+(?:[\w-]+\s+)?"
    r"(?:customer|buyer|client)\b(?!\s+(?:of|for)\b)"
    r"|,\s+the\s+(?:customer|buyer|client),|\s+(?:is|was)\s+the\s+(?:unnamed\s+|mystery\s+)?(?:customer|buyer|client)\b"
    r"(?!\s+(?:of|for)\b)|,\s+its\s+partner\s+in\s+the\s+(?:joint\s+)?venture\b"
    # "“Porsche’s engineers have pushed us hard ...,” the chief executive said, confirming the customer"
    r"|[^.]{0,200}?\bconfirming\s+(?:the\s+(?:customer|buyer|carmaker|automaker)|(?:that\s+)?it\s+(?:is|was)\s+the\s+customer)\b")
# ("The deal, worth about 1 trillion won over the life of the programme, is with Mazda")
_IDENTIFIED_BEFORE = re.compile(r"(?:(?:^|[.!?]\s+)the\s+(?:customer|buyer|client)(?:,[^,.]{1,80},)?\s+(?:is|was)"
                                r"|\b(?:program|programme|deal|order|award|contract|agreement)(?:,[^,.]{1,80},)?"
                                r"\s+(?:is|was)\s+with"
                                r"|\b(?:identified|named)\s+(?:the\s+(?:customer|buyer|carmaker|automaker)|it)\s+as"
                                r"|\b(?:revealed|turned\s+out)\s+to\s+be)\s+$", re.IGNORECASE)
# A guess, a denial or a hedge in the identifying sentence: "Analysts believe the customer is
# Volkswagen", "Reports that the customer was Toyota proved wrong", "stopped short of confirming the
# customer", "not confirming that it was the customer"
_HEDGED = re.compile(r"\b(?:believes?|believed|thinks?|expects?|expected|likely|speculat\w*|rumou?r\w*|reports?"
                     r"|reportedly|may|might|could|probably|candidates?|not|no|never|declin\w*|den(?:y|ies|ied)"
                     r"|stopped short|without|if|whether|wrong)\b|n['’]t\b", re.IGNORECASE)


# A headline clause that opens with two names joined: "Mercedes-Benz, Allianz launch ...".
_PAIR_OF_ITS_OWN = re.compile(r"[A-Z][\w.&'’-]*(?:[^\S\n][A-Z][\w.&'’-]*)*[^\S\n]*(?:,|&|\band\b)[^\S\n]*[A-Z]")


class Anaphors:
    """Compiled once per config, beside the `MentionFinder`; every method is pure."""

    def __init__(self, config: Config) -> None:
        self.companies = config.companies
        self.parents = {name: set(c.parents) for name, c in config.companies.items()}

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
        # (a headline of its one company, a carmaker, at its start: "The company" is then no other)
        alone = len({m.alias.owner for m in mentions if m.start < summary_start}) == 1 and mentions[0].start <= 5
        # "The carmaker's new system" at the start of a sentence, its subject; not "who led the
        # carmaker's Drive Pilot programme" inside one.
        found = [m.span() for m in _THE_CARMAKER.finditer(text, summary_start)
                 if m.start() in starts or text[m.end():m.end() + 1] not in "'’"] if maker else []
        found += [m.span() for m in _THE_MODEL.finditer(text, summary_start) if m.start() in starts]
        if alone and starts and "The company" in text:
            # (of a summary that names no other company before it: "... Uber reported record trips. The
            # company signed a deal with Baidu" is Uber's)
            others = [m.start for m in mentions if m.start >= summary_start and m.alias.owner not in oems]
            found += [m.span() for m in _THE_COMPANY.finditer(text, summary_start)
                      if m.start() in starts and not any(at < m.start() for at in others)
                      and _THE_COMPANY_DEAL.match(text, m.end()) and not _THE_COMPANY_NOT.match(text, m.end())]
        # (the headline's first words: "Citroën ë-C3 Aircross priced ...", "2027 Rivian R2 first drive")
        # (its members, for a name of an alliance: "Afeela 1 priced from $89,900")
        if maker and "Its " in text and mentions[0].start <= 5 and oems & set(mentions[0].members):
            found += self._its_maker(text, summary_start)
        if not found:
            return mentions
        oem = oems.pop()
        spans: list[tuple[int, int]] = []
        for start, end in found:  # "The car maker" is found twice: once is enough
            # "The Geely-owned brand": the words after a name inside them (its owner).
            start = max([start, *(m.end for m in mentions if start <= m.start and m.end < end)])
            if not any(s < end and start < e for s, e in spans):
                spans.append((start, end))
        return with_free(mentions, [Mention(start, end, Alias(oem, text[start:end], is_anaphor=True), (oem,))
                                     for start, end in sorted(spans)])

    def with_the_customer(self, text: str, summary_start: int, mentions: list[Mention]) -> list[Mention]:
        """"Mobileye wins SuperVision order from a premium global automaker", then "Porsche later
        confirmed it is the customer": the customer a supplier's release leaves unnamed is the one
        carmaker the summary identifies as it. The caller looks for the words the identifying
        patterns need ("confirm", "ustomer", " with ", " to be ", " as ") first."""
        hedged: dict[str, bool] = {}  # (each sentence looked at once: a long summary names many)
        identified = [m for m in mentions if m.start >= summary_start and not m.alias.is_anaphor
                      and len(m.members) == 1 and self.companies[m.alias.owner].is_oem
                      and (_CONFIRMED_AFTER.match(text, m.end)
                           or _IDENTIFIED_BEFORE.search(text, max(summary_start, m.start - 120), m.start))
                      and not _is_hedged(_sentence_of(text, m.start, summary_start), hedged)]
        if len({m.alias.owner for m in identified}) != 1:
            return mentions
        oem = identified[0].alias.owner
        # The placeholders the customer stands for: the headline's and the summary's first before it is
        # identified (not another supplier's "a Chinese automaker" further on).
        found = [m.span() for m in (_A_CUSTOMER.search(text, 0, summary_start),
                                    _A_CUSTOMER.search(text, summary_start, identified[0].start)) if m]
        return with_free(mentions, [Mention(start, end, Alias(oem, text[start:end], is_anaphor=True), (oem,))
                                    for start, end in found]) if found else mentions

    @staticmethod
    def _its_maker(text: str, summary_start: int) -> list[tuple[int, int]]:
        """"Its maker" starting a sentence, of a headline that starts with its carmaker or its car
        (not "Figure's humanoid robots start work at BMW's plant", then "Its maker raised ..."),
        and naming no maker of its own ("Its maker, Figure AI, ...")."""
        return [m.span() for m in _ITS_MAKER.finditer(text, summary_start)
                if (m.start() == summary_start or text[m.start() - 2:m.start()] == ". ")
                and not text.startswith(",", m.end())]

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
            # Named in two clauses of the headline, the first of which names a pair of its own,
            # they are no pair ("Mercedes, Allianz launch car insurance; insurer extends Microsoft
            # cloud pact", then "the two companies said"); unlike "Toyota bets on robotaxis; Pony.ai
            # to build 1,000 cars", then "The two companies signed ..."
            if "; " in text[in_title[0].end:in_title[-1].start] and _PAIR_OF_ITS_OWN.match(text, in_title[0].start):
                return mentions
        extra = []
        for found in (_THE_VENTURE if venture else _THE_PARTNERS).finditer(text, summary_start):
            start, end = found.span()
            middle = text.rfind(" ", start, end)  # "the two | companies", "The joint | venture"
            halves = ((start, middle), (middle + 1, end))
            extra += [Mention(s, e, Alias(c, text[s:e], is_anaphor=True, is_pair_anaphor=True,
                                          is_venture=bool(venture)), (c,))
                      for c, (s, e) in zip(companies, halves, strict=True)]
        return with_free(mentions, extra) if extra else mentions

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


def _is_hedged(sentence: str, seen: dict[str, bool]) -> bool:
    if sentence not in seen:
        seen[sentence] = _HEDGED.search(sentence) is not None
    return seen[sentence]


def _sentence_of(text: str, at: int, summary_start: int) -> str:
    """The summary's sentence around `at` (split at ". ", as `_sentences_starting_with_the`)."""
    start = max(text.rfind(". ", summary_start, at) + 2, summary_start)
    end = text.find(". ", at)
    return text[start:end if end >= 0 else len(text)]


def _sentences_starting_with_the(text: str, summary_start: int) -> list[int]:
    """Where the summary's sentences that start with "The " start: found by substring, as most
    stories have none that `_THE_MODEL` would take."""
    starts = [summary_start] if text.startswith("The ", summary_start) else []
    at = text.find(". The ", summary_start)
    while at >= 0:
        starts.append(at + 2)
        at = text.find(". The ", at + 6)
    return starts
