"""Who takes part in a sentence's deal, and on which side: the parties among the names a sentence
gives, and the pairs they make.

Apart from `marketwatch.match`, which finds the sentence that reports a deal and its kind,
because this is a question about the companies named and the words around each: a name that
only qualifies another is no party (the owner in "Alphabet's Waymo" or "Geely-owned Volvo", the
employer in "former Google engineers", "Apple" in "Apple supplier Foxconn", a company compared
with, the owner of a plant named in an aside), and parties on one side of a deal (co-investors,
a list of carmakers facing one supplier) do not pair with each other. `marketwatch.background`
and `marketwatch.sides` read the sentence's asides and lists for it.
"""

from __future__ import annotations

import re
from itertools import pairwise

from marketwatch.background import past_of_a_thing, people_from, places_of, refused_or_aside
from marketwatch.config import Config
from marketwatch.markets import separate_moves, stock_moves
from marketwatch.mentions import Mention
from marketwatch.sides import holdings_and_affiliates, investor_groups, listed_after, lists, run_starting

# Words of a deal among the companies a list names: "Huawei, Changan and Chery sign a strategic
# agreement", "华为与赛力斯、奇瑞、北汽签署合作协议".
_TOGETHER = re.compile(r"(?i:\b(?:sign(?:s|ed|ing)?|agreements?|pacts?|alliances?|jointly|joint|partner\w*"
                       r"|co-?operat\w+|team\w* up|join\w* (?:forces|hands)|deepen\w*)\b)|\bMoU\b"
                       r"|合作|协议|联合|携手|签署")
# Without one of these, a sentence reports no share moves (`marketwatch.markets`): "shares",
# "stock", "BYD added 3%", "Xiaomi and BYD lead gains"; in Japanese and Chinese "トヨタは続落" and
# "宁德时代股价上涨" (a second pattern, for text in those scripts only).
_MARKET_WORDS = re.compile(r"share|%|stock| lead")
_CJK_MARKET_WORDS = re.compile(r"続落|続伸|反落|反発|急伸|急落|急騰|大幅|上昇|下落|値上|値下|高|安|涨|跌|走高|走低")
# Names that stand for people rather than a party: "former Google engineers", "ex-Tesla staff".
# A whole word: "Snapdragon Ride Flex" then "The Chinese EV maker" is no ex-employee.
_PEOPLE_BEFORE = re.compile(r"\b(?:former|ex-|ex)\s*$", re.IGNORECASE)
# Not a title that starts with one of these words: "Hyundai Executive Chair Euisun Chung signs ...",
# "its executive vice president" speak for the company.
_PEOPLE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:engineers?|executives?|employees?|staff(?:ers?)?|veterans?|alumni|alums?"
    r"|researchers?|managers?|co-?founders?|founders?|workers?)\b"
    # ... nor one who is its chief too: "Pony.ai co-founder and chief executive James Peng said"
    r"(?!\s+(?:and\s+(?:chief|ceo|chair\w*|president)|chair\w*|vice|director|officer|president|board|committee)\b)",
    re.IGNORECASE)
# "Apple supplier Foxconn", "Tesla rival BYD", "Nvidia partner Foxconn", "Toyota group supplier
# Denso": a name before the role its next name plays for it only says who that is (see
# `Parties._role_qualifiers`). "Partners" is no role ("Ford partners Baidu" is a verb), nor are
# the capitals of "Ford Partners With Baidu"; a title-case "Apple Supplier Foxconn" is one.
_ROLE_AFTER = re.compile(
    r"(?:['’]s)?[^\S\n]+(?P<role>suppliers?|rivals?|partner|customers?|clients?|backers?|investors?|shareholders?"
    r"|peers?|competitors?|ally|allies|affiliates?|Suppliers?|Rivals?|Customers?|Backers?|Competitors?)[^\S\n]+"
    r"(?!(?:In|On|At|For|To|With|And|Or|As|The|This|That|Is|Was|Will|Says?|Said)\b)[A-Z0-9]")
# "Tesla rivals in China sign deals with Huawei", "Tesla's competitors turn to Huawei", "rivals of
# Tesla sign ...": the name says whose rivals the unnamed companies are. "Rival" and "competitors"
# are nouns whatever follows; "rivals" without "'s" only before a word that shows it is one
# ("Tesla rivals sign", "Tesla Rivals In China"), not the verb ("Geely rivals global giants",
# "BYD rivals the Model Y"); nor a named rival ("Tesla rival BYD": `_ROLE_AFTER`).
_RIVALS_AFTER = re.compile(
    r"(?:['’]s[^\S\n]+(?i:rivals?|competitors?)|[^\S\n]+(?i:rival|competitors?)"
    r"|[^\S\n]+(?i:rivals)(?=[^\S\n]*(?:[,;:.!?)]|$)|[^\S\n]+(?i:in|from|at|across|such|like|including|and|or|are|were"
    r"|have|had|will|would|could|may|now|also|still|too|sign\w*|turn\w*|tap\w*|team\w*|partner\w*|join\w*|pick\w*"
    r"|choose|chose\w*|adopt\w*|use|uses|used|ink\w*|strike|strikes|struck|seal\w*|line|lines|lined|rush\w*|race\w*"
    r"|flock\w*|look|looks|looked|opt\w*)\b))(?![\w-])"
    r"(?![^\S\n]+(?i:the|a|an|its|their|his|her)\b)[^\S\n]*")
_RIVALS_BEFORE = re.compile(r"\b(?i:rivals?|competitors?)[^\S\n]+(?i:of|to)[^\S\n]+$")
# "in a set-up that mirrors Nio's own network", "Unlike Tesla, Toyota will use Nvidia chips": a
# company the sentence compares with, not a party. (A name with "-style" is no name at all:
# `marketwatch.mentions`.)
# So are the companies past which a deal goes: "extending its work with Japanese brands beyond GAC
# Toyota and Nissan" (with the rest of their list).
# And those a company follows: "the second automaker after Volkswagen to adopt Rivian's technology",
# "the fourth cell supplier for the platform after CATL, EVE Energy and Envision AESC", "the latest
# carmaker to tap Nvidia, following Toyota and GM".
# Literals: a gate for `_COMPARED_BEFORE` (`compares_with`). With "after" and "follow" it lets most
# stories through; it still spares the regex the rest.
_COMPARING = re.compile(r"irror|esembl|cho|imilar|kin to|odell?ed|nlike|eyond|fter|ollow")
# "算力可达英伟达Thor-U的三倍" (up to three times Nvidia's Thor-U), "对标特斯拉": right before the name.
_CJK_COMPARED = "可达|超过|超越|媲美|对标"
# ... and right after it, in Japanese and Korean: "米テスラに対抗できる" (to take on Tesla), "현대차 등
# 완성차 업체의 수주를 노린다", "현대차 등 완성차 공략" (to court carmakers such as Hyundai; not "현대차 등
# 완성차에 공급", its customers)
_CJK_RIVAL_AFTER = r"に対抗|に挑|を追う|を追撃|에\s?맞서"
_CJK_COMPARED_AFTER = re.compile(rf"\s?(?:{_CJK_RIVAL_AFTER}"
                                 r"|등\s?완성차(?:\s?업체)?(?:의|를)?\s?(?:공략|수주|고객\s?확보))")
_CJK_COMPARING = re.compile(rf"{_CJK_COMPARED}|{_CJK_RIVAL_AFTER}|완성차")
_COMPARED_BEFORE = re.compile(r"\b(?:mirror(?:s|ed|ing)?|resembl(?:e|es|ed|ing)|echo(?:es|ed|ing)?|similar to"
                              r"|akin to|modell?ed (?:on|after)|unlike|beyond"
                              r"|(?:second|third|fourth|fifth|sixth|latest|newest|next) (?:[\w'’-]+ ){0,2}?"
                              r"(?:automakers?|carmakers?|brands?|compan(?:y|ies)|customers?|clients?|suppliers?"
                              r"|partners?|makers?|firms?|startups?|investors?|backers?|licensees?"
                              # "in what would be the Chinese EV maker's second such deal after Volkswagen"
                              r"|deals?|agreements?|contracts?|partnerships?|tie-?ups?)"
                              r"(?: [\w'’.-]+){0,6}?,? after|follow(?:s|ed|ing))"
                              r"\s+(?:that of\s+|those of\s+)?$"
                              rf"|(?:{_CJK_COMPARED})$", re.IGNORECASE)
# After a list: its companies stand on one side of the deal. A role they share ("Li Auto and Xiaomi
# remained its two largest customers") says so of a list of two as well; not "are the latest rivals
# to team up".
_SHARED_ROLE_AFTER = re.compile(
    r"\s+(?:are|were|remain(?:s|ed)?|became|become)\s+(?:(?:its|their|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:customers|clients|buyers|suppliers|backers|investors|shareholders)|(?:its|their)\s+(?:[\w-]+\s+){0,3}?rivals)\b",
    re.IGNORECASE)
# "Xiaomi and BMW both pick Qualcomm", "BYD and Chery have each signed": only against another
# party ("Toyota and Nvidia both said they would work together" faces them to each other), and not
# before a verb of reporting, owning or investing ("both confirmed the partnership", "each hold half
# of Jiyue": a joint venture's owners).
_ONE_SIDE_AFTER = re.compile(
    r"\s+(?:(?:have|had|will|would|are|were)\s+)?(?:both|each|alike)\b"
    r"(?!\s+(?:\w+ly\s+)?(?:said|say|says|confirm\w*|announc\w*|stat\w+|told|own\w*|hold\w*"
    r"|held|tak\w+|took|invest\w*|put\w*|contribut\w+|commit\w*|get|gets|bring\w*|have|has)\b)"
    rf"|{_SHARED_ROLE_AFTER.pattern}", re.IGNORECASE)
# ... and two that each did it, with someone the config does not name: "BYD and Chery have each
# signed multi-year logistics contracts with DP World" (not "each other")
_EACH_AFTER = re.compile(r"\s+(?:(?:have|had|will|would)\s+)?each\s+(?:signed|struck|inked|won|secured|sealed)\b"
                         r"(?!\s+(?:it|the\s+(?:agreement|deal|pact|contract|memorandum|mou))\b)", re.IGNORECASE)
_NAMES_GAP = re.compile(r"[^\S\n]*(?:,[^\S\n]*(?:and|&)?|and|&)?[^\S\n]*")
# "Geely-owned Volvo", "Huawei-backed Aito", "长安汽车旗下的阿维塔": the first name qualifies the second.
_OWNED_GAP = re.compile(r"-(?:owned|backed|controlled|funded)\s+(?:[\w.&-]+\s+){0,3}|\s*旗下的?\s*", re.IGNORECASE)
# ... in Japanese and Korean, for a unit the owner owns, of its own kind: "インテル傘下のイスラエル企業
# Mobileye", "グーグル系の自動運転開発会社ウェイモ", "알파벳의 자율주행 자회사 웨이모", "구글 웨이모" (not
# "トヨタ傘下のダイハツがエヌビディアと提携", whose unit the config lacks)
_CJK_OWNED_GAP = re.compile(r"\s*(?:傘下の?|系の)[^、。，,\s]{0,16}?|의\s?(?:[^\s,.]{1,10}\s)?자회사\s?| ")
# "Hyundai Motor's Kia", "Alphabet's self-driving unit Waymo", "Waymo, the Alphabet unit": the
# owner qualifies the unit.
_NOT_FUNCTION_WORD = r"(?!(?:from|to|with|and|or|in|into|for|of|by|on|at|as|than|over|after|before|said|says)\s)"
# (an apostrophe alone after a name ending in "s": "Samsung Electronics' Harman")
_POSSESSIVE_GAP = re.compile(rf"(?:['’]s|(?<=s)['’])\s+(?:{_NOT_FUNCTION_WORD}[\w.&-]+\s+){{0,4}}", re.IGNORECASE)
# ... but with an apostrophe alone, the owner of a deal or a thing made rather than of the next
# company: "LG Electronics' Microsoft partnership brings Copilot to Kia", "Volvo Cars' Geely-built
# EX30 gets Google Gemini" (with "'s" as before: "Geely's Zeekr tie-up with Mobileye" is Zeekr's)
_A_DEAL_OR_MAKE_AFTER = re.compile(r"(?:-built|-made|-designed|-developed)\b"
                                   r"|\s+(?:[\w-]+\s+)?(?:partnership|deal|venture|tie-?up|alliance|agreement|pact)\b",
                                   re.IGNORECASE)
_POSSESSIVE_UNIT = re.compile(r"(?:['’]s|(?<=s)['’])?\s+(?:[\w.&-]+\s+){0,3}?"
                              r"(?:unit|arm|subsidiary|division|brand|business|affiliate)\b", re.IGNORECASE)
# "Avatr, the premium EV brand backed by Changan", "Smart, the Mercedes-Benz and Geely joint
# venture", "Zeekr owned by Geely", "Arm, majority-owned by SoftBank Group,": the parent named after
# its unit.
_UNIT_OF_GAP = re.compile(
    r",\s+(?:the|a|an|its|part|(?:(?:majority|wholly|partly|fully|jointly)[- ])?(?:owned|backed|controlled))"
    r"\s[^,;()]{0,60}"
    r"|\s+(?:owned|backed|controlled)\s+by\s+", re.IGNORECASE)


# The source of a sentence named last: ", Alphabet said in a regulatory filing."
_REPORTED_AFTER = re.compile(r"\s+(?:said|says|told|announced|noted|wrote|confirmed|disclosed|stated)\b[^.;:\n]*"
                             r"[.!]?[\s\"'’”)]*$")
_COMMA_BEFORE = re.compile(r",\s*$")


def compares_with(text: str) -> bool:
    """Could the text compare with a company anywhere (`_COMPARED_BEFORE`)? Literals first: most
    stories compare with nothing, and the CJK words only in text that is not ASCII."""
    return _COMPARING.search(text) is not None or (not text.isascii() and _CJK_COMPARING.search(text) is not None)


class Parties:
    """Compiled once per config, beside the matcher's `MentionFinder`; every method is pure."""

    def __init__(self, config: Config) -> None:
        self.companies = config.companies
        self._parents = {name: set(c.parents) for name, c in config.companies.items()}

    def related(self, a: str, b: str) -> bool:
        """The same company, or one owns the other: never each other's partners."""
        return a == b or a in self._parents.get(b, ()) or b in self._parents.get(a, ())

    def find(self, text: str, mentions: list[Mention], start: int, end: int,
                 compares: bool = True) -> list[Mention]:
        """The mentions of a sentence that can be parties: not people, owners, context or stocks,
        nor a company compared with ("mirrors Nio's own network", "beyond GAC Toyota"), one a
        thing's past names ("a plant General Motors once used"), the owner of a plant in an aside,
        or one that only says whose supplier or rival the next is (`_role_qualifiers`)."""
        named = {c for m in mentions if not m.alias.is_alliance for c in m.members}
        stocks = stock_moves(text, mentions) if _may_report_markets(text, start, end) else ()
        others = people_from(text, mentions) | past_of_a_thing(text, mentions, end) | places_of(text, mentions)
        others |= refused_or_aside(text, mentions, start, end)
        if compares:  # most stories compare with nothing
            others |= self._compared(text, mentions, start)
        kept = [i for i, m in enumerate(mentions)
                if i not in stocks and i not in others
                and not self._is_people(text, m)
                and not (m.alias.is_alliance and named.intersection(m.members))
                and not self._is_qualifier(text, mentions, i)]
        roles = self._role_qualifiers(text, mentions, kept) | _whose_rivals(text, mentions, kept)
        roles |= self._owner_reporting(text, mentions, kept, end)
        return [mentions[i] for i in kept if i not in roles]

    def _owner_reporting(self, text: str, mentions: list[Mention], kept: list[int], end: int) -> set[int]:
        """The owner of a party who only reports its unit's deal, last in the sentence: "Toyota's
        planned investment in Waymo cleared the waiting period, Alphabet said in a regulatory filing"."""
        last = kept[-1] if kept else None
        if (last is None or not _REPORTED_AFTER.match(text, mentions[last].end, end)
                or not _COMMA_BEFORE.search(text, max(0, mentions[last].start - 3), mentions[last].start)):
            return set()
        speaker = mentions[last]  # (an owner of another kind stays a party: GM reporting Cruise's deal with Uber)
        if any((self._owns(speaker, mentions[i]) or self._owns(mentions[i], speaker))
               and self._same_side(speaker, mentions[i]) for i in kept if i != last):
            return {last}
        return set()

    @staticmethod
    def _compared(text: str, mentions: list[Mention], start: int) -> set[int]:
        """Indexes of the names compared with (`_COMPARED_BEFORE`), and of the names listed after
        each ("beyond GAC Toyota and Nissan")."""
        out: set[int] = set()
        for i, m in enumerate(mentions):
            if _CJK_COMPARED_AFTER.match(text, m.end):
                out.add(i)
                continue
            if i in out or not _COMPARED_BEFORE.search(text, max(start, m.start - 80), m.start):
                continue
            run = run_starting(text, i, mentions, _NAMES_GAP)
            gaps = [text[mentions[a].end:mentions[b].start] for a, b in pairwise(run)]
            # "Unlike Tesla, Toyota will ...": the list ends at its "and" ("Unlike Tesla, BYD and Nio,
            # Toyota"); without one, a comma ends it.
            joined = [k for k, gap in enumerate(gaps) if "and" in gap or "&" in gap]
            if joined:
                run = run[:joined[-1] + 2]
            else:
                run = run[:next((k + 1 for k, gap in enumerate(gaps) if "," in gap), len(run))]
            out.update(run)
        return out

    @staticmethod
    def _is_people(text: str, mention: Mention) -> bool:
        return bool(_PEOPLE_BEFORE.search(text, max(0, mention.start - 8), mention.start)
                    or _PEOPLE_AFTER.match(text, mention.end))

    def _role_qualifiers(self, text: str, mentions: list[Mention], kept: list[int]) -> set[int]:
        """Indexes of the names that only say whose supplier, rival or backer the next one is
        (`_ROLE_AFTER`): "Apple supplier Foxconn signs EV deal with Stellantis", "Tesla rival BYD
        partners with Baidu", "Toyota group supplier Denso" (a company the config lacks). A
        supplier, customer, partner or backer stays a party when the company after it faces no one
        else in the sentence: "Rivian backer Amazon orders more vans" is Amazon's deal with Rivian.
        After a list, "partner" is its verb: "Hyundai, Kia partner Samsung"."""
        out: set[int] = set()
        for i in kept:
            role = _ROLE_AFTER.match(text, mentions[i].end)
            if role is None:
                continue
            word = role["role"].lower()
            if word.startswith(("partner", "ally")) and listed_after(text, mentions, i):
                continue
            next_one = i + 1 < len(mentions) and mentions[i + 1].start == role.end() - 1
            holders = run_starting(text, i + 1, mentions) if next_one else []
            if not holders or word.startswith(("rival", "peer", "competitor")) or any(
                    self.classify(a, b)[0] == "oem-tech" for k in kept if k != i and k not in holders
                    for h in holders for a in mentions[h].members for b in mentions[k].members):
                out.add(i)
        return out

    def _is_qualifier(self, text: str, mentions: list[Mention], i: int) -> bool:
        """Does mention i only say who owns another mention of the sentence?"""
        here = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None:
            if _OWNED_GAP.fullmatch(text, here.end, nxt.start):
                return True
            if (not text[here.start:here.end].isascii() and _CJK_OWNED_GAP.fullmatch(text, here.end, nxt.start)
                    and self._owns(here, nxt) and self._same_side(here, nxt)):
                return True
            if (_POSSESSIVE_GAP.fullmatch(text, here.end, nxt.start) and self._same_side(here, nxt)
                    and not (text[here.end + 1:here.end + 2] != "s" and _A_DEAL_OR_MAKE_AFTER.match(text, nxt.end))):
                return True
        # A unit of another kind leaves its owner a party: Microsoft investing in GM's Cruise
        # (tech) is a GM tie-up.
        units = [m for m in mentions if m is not here and self._owns(here, m) and self._same_side(here, m)]
        if not units:
            return False
        if _POSSESSIVE_UNIT.match(text, here.end):
            return True
        return any(u.end <= here.start and _UNIT_OF_GAP.fullmatch(text, u.end, here.start) for u in units)

    def _owns(self, owner: Mention, unit: Mention) -> bool:
        return any(o in self._parents.get(u, ()) for o in owner.members for u in unit.members)

    def _same_side(self, first: Mention, second: Mention) -> bool:
        """Same kind of company (both OEMs, both tech), or an alliance and one of its members."""
        if first.alias.is_alliance:
            return bool(set(first.members) & set(second.members))
        return len({self.companies[c].kinds for m in (first, second) for c in m.members}) == 1

    def apart(self, text: str, start: int, end: int, parties: list[Mention]) -> set[tuple[int, int]]:
        """Index pairs of parties on the same side of the deal (marketwatch.sides): co-investors,
        unless one of them owns or is the company the money goes to ("Microsoft joins GM in
        investing in Cruise"); a company that is OEM and tech listed among carmakers only (or
        tech companies only) when the list faces another party ("BYD, Xpeng and GAC adopt Nvidia
        Drive Thor", "Toyota picks Huawei and Nvidia"), or is a list of three or more that faces
        no one and signs nothing together ("adoption at BYD, Li Auto, Volvo Cars and Xiaomi")."""
        apart = separate_moves(text, parties) if _may_report_markets(text, start, end) else set()
        apart |= holdings_and_affiliates(text, start, end, parties)
        for investors, receivers in investor_groups(text, start, end, parties):
            owners = {c for r in receivers for c in parties[r].members}
            free = sorted(i for i in investors
                          if not any(self.related(a, o) for a in parties[i].members for o in owners))
            apart |= {(i, j) for i in free for j in free if i < j}
        if (len(parties) == 2 and listed_after(text, parties, 1)
                and (_SHARED_ROLE_AFTER.match(text, parties[1].end) or _EACH_AFTER.match(text, parties[1].end))):
            apart.add((0, 1))  # "Li Auto and Xiaomi remained its customers", "BYD and Chery have each signed"
        carmakers = set()  # duals listed among carmakers only: "BYD, Xpeng and GAC adopt Nvidia Drive Thor"
        for run in lists(text, parties) if len(parties) > 2 else ():
            others = [j for j in run if not self._is_dual(parties[j])]
            sides = {self._side(parties[j]) for j in others}
            one_side = len(run) < len(parties) and self._one_side(text, parties, run)  # facing someone
            if one_side:
                apart |= {(i, j) for i in run for j in run if i < j}
            if len(sides) != 1 or None in sides:
                continue
            duals = [j for j in run if self._is_dual(parties[j])]
            if sides == {"oem"}:
                carmakers.update(duals)
            if one_side:
                continue
            members = [c for j in run for c in parties[j].members]
            facing = [i for i, m in enumerate(parties) if i not in run
                      and not any(self.related(a, b) for a in m.members for b in members)]
            # "A and B sign a deal" faces A to B; "A, B and C adopt X" and "X picks A and B" do not.
            # A list of three or more that faces no one lists one side's companies ("adoption at
            # BYD, Li Auto, Volvo Cars and Xiaomi"): its duals are of that side too. Unless the
            # list is the deal's parties: "Huawei, Changan and Chery sign a strategic agreement".
            if facing and len(run) < 3 and facing[0] > run[0]:
                continue
            if not facing and (len(run) < 3 or _TOGETHER.search(text, start, end)):
                continue
            for d in duals:
                apart |= {(min(d, j), max(d, j)) for j in others}
        return apart | self._duals_beside_carmakers(parties, carmakers)

    @staticmethod
    def _one_side(text: str, parties: list[Mention], run: list[int]) -> bool:
        """Does the list say its companies stand on one side? "Xiaomi and BMW both pick Qualcomm",
        "Li Auto and Xiaomi remained its two largest customers": not each other's partners."""
        after = parties[run[-1]].end
        return text.startswith(" ", after) and _ONE_SIDE_AFTER.match(text, after) is not None

    def _duals_beside_carmakers(self, parties: list[Mention], carmakers: set[int]) -> set[tuple[int, int]]:
        """"GAC Toyota's bZ7 runs Huawei's HarmonyOS and Momenta's software", "Changan, Huawei and
        CATL join forces": beside a carmaker that is only a carmaker, a company that is OEM and
        tech is a supplier, not the carmaker of the sentence's other tech companies. Unless it is
        listed among the carmakers (`carmakers`)."""
        if len(parties) < 3:
            return set()
        sides = [self._side(m) for m in parties]
        if "oem" not in sides or "tech" not in sides:
            return set()
        duals = [d for d, m in enumerate(parties)
                 if d not in carmakers and not m.alias.is_alliance and self._is_dual(m)]
        return {(min(d, t), max(d, t)) for d in duals for t, side in enumerate(sides) if side == "tech"}

    def _is_dual(self, mention: Mention) -> bool:
        return any(self.companies[c].is_oem and self.companies[c].is_tech for c in mention.members)

    def _side(self, mention: Mention) -> str | None:
        kinds = {self.companies[c].kinds for c in mention.members}
        company = self.companies[mention.members[0]]
        if len(kinds) != 1 or (company.is_oem and company.is_tech):
            return None
        return "oem" if company.is_oem else "tech"

    def pairs(self, mentions: list[Mention], vehicles: bool,
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
                        if self.related(a, b):
                            continue
                        kind, pair = self.classify(a, b, vehicles)
                        if kind:
                            out.setdefault(kind, set()).add(pair)
        return out

    def classify(self, a: str, b: str, vehicles: bool = True) -> tuple[str | None, tuple[str, str]]:
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


def _may_report_markets(text: str, start: int, end: int) -> bool:
    """Could the sentence report share moves ("shares of Ford fell", "BYD added 3%", "Xiaomi
    and BYD lead gains")? Most sentences have none of these words."""
    return _MARKET_WORDS.search(text, start, end) is not None or (
        not text.isascii() and _CJK_MARKET_WORDS.search(text, start, end) is not None)


def _whose_rivals(text: str, mentions: list[Mention], kept: list[int]) -> set[int]:
    """Indexes of the names that only say whose rivals the unnamed subject are (`_RIVALS_AFTER`,
    `_RIVALS_BEFORE`). Substring tests first: most sentences name no rivals."""
    if "ival" not in text and "ompetitor" not in text and "IVAL" not in text and "OMPETITOR" not in text:
        return set()
    out = set()
    for i in kept:
        mention = mentions[i]
        after = _RIVALS_AFTER.match(text, mention.end)
        named_next = after is not None and i + 1 < len(mentions) and mentions[i + 1].start == after.end()
        if (after is not None and not named_next) or _RIVALS_BEFORE.search(
                text, max(0, mention.start - 30), mention.start):
            out.add(i)
    return out
