"""Names a deal sentence mentions that take no part in its deal: those in an aside about another
name ("Seres, which builds AITO cars with Huawei, signs a deal with CATL"), an owner before a
thing ("The Geely-owned brand") or after its unit's "its" ("its Chinese owner Geely"), the
companies people come from ("executives from Toyota, Uber and Lucid") and the names that tell
a thing's past ("a plant General Motors once used"). `marketwatch.match` leaves them out of
the pairs.
"""

from __future__ import annotations

import re

from marketwatch.mentions import Mention
from marketwatch.sides import lists, run_starting

# "The EV maker, in which Stellantis holds a 21% stake, said ...", "Seres, which builds AITO cars
# with Huawei, signs a deal with CATL": names in such an aside say something about another name,
# and take no part in the sentence's deal.
_ASIDE = re.compile(r",\s+(?:(?:in|of|for|with|to|from|by|at)\s+which|whose|which)\s[^,;()\n]*,", re.IGNORECASE)
# "The supplier, whose customers include Volkswagen, will use Microsoft's cloud", "The startup, whose
# software Nissan plans to use, is discussing an investment with Nvidia": after a thing too, such an
# aside tells of the thing's other relations. Not its owners or partners: "The venture, whose owners
# are Renault and Geely, will build engines" names the venture's parties.
_OWNERS = r"owners?|partners?|parents?|founders?"
_WHOSE_RELATION = re.compile(rf",\s+whose\s+(?!(?:joint\s+)?(?:{_OWNERS})\b)", re.IGNORECASE)
# "The GXR robotaxis, which WeRide developed with GAC, will join Uber's app", "its Volvo VNL
# Autonomous, which runs the Aurora Driver today": after a thing too, a "which" aside tells of
# the thing's other relations. Not of who owns or formed it: "The venture, which Renault and Geely
# formed in 2024, will build engines" names the venture's parties.
_OWNS_OR_FORMS = (r"own|owns|owned|hold|holds|held|form|forms|formed|set up|sets up|found|founded|create|creates"
                  r"|created|establish\w*|jointly|share|shares")
_WHICH_RELATION = re.compile(rf",\s+which\s+(?![^,;()\n]*\b(?:{_OWNS_OR_FORMS})\b)", re.IGNORECASE)
# "Kairos Power, the startup that has a power-purchase agreement with Google, could ...", "Share Now,
# the car-sharing service that Stellantis took over from BMW and Mercedes-Benz in 2022,": an appositive's
# "that" clause tells of the thing's other relations, as "which" does (not who owns or formed it).
# ... and its "whose" clause, of customers or products ("Wayve, the London self-driving startup whose
# software Nissan uses in ProPilot, said"), not of owners or partners.
_THAT_ASIDE = re.compile(
    r",\s+the\s+(?:[\w-]+\s+){0,4}?(?:startup|start-up|company|firm|developer|maker|supplier|service|operator)\s+"
    rf"(?:that\s(?![^,;()\n]*\b(?:{_OWNS_OR_FORMS})\b)"
    rf"|whose\s(?!(?:joint\s+)?(?:{_OWNERS}|shareholders?|backers?)\b)"
    # ... and its owners, of a company (not a venture's): "Gotion High-Tech, the Chinese battery maker
    # in which Volkswagen is the largest shareholder, will form a joint venture with SEAT"
    r"|(?:in|of)\s+which\s)[^,;()\n]*(?:,|[.!?]?[\"”’)]?\s*$)",  # (or the sentence ends with it)
    re.IGNORECASE)
# "Die Beteiligungsholding, die Volkswagen kontrolliert und an Porsche AG beteiligt ist, investiert in
# Nuro": a German relative clause tells of the thing before it, as "which" does. It ends with its
# verb, a word in small letters, where a list ends with a name or a noun, in capitals ("BMW, die
# Telekom und Nokia"); "der Chipfirma Nvidia" (an article, a noun, a name) is a list's item too.
# Not a clause that tells who made, runs or owns the thing, as `_WHICH_RELATION`: "Die
# Partnerschaft, die Volkswagen und Mobileye bekanntgaben, ..." names its parties.
_GERMAN_ASIDE = re.compile(
    r"(?<!zegt)(?<!meldt)(?<!stelt)(?<!denkt)(?<!verwacht),\s+(?:die|der|das|deren|dessen|denen|dat)\s"
    r"(?![A-ZÄÖÜ][\w-]*\s+[A-ZÄÖÜ])"
    r"(?![^,;()\n]*\b(?:gemeinsam|gegründet|gründe\w*|betreib\w*|hält|halten|besitz\w*|angekündigt\w*"
    r"|bekanntgegeben|bekanntgab\w*|vereinbart\w*|unterzeichnet\w*|geschlossen|abgeschlossen)\b)"
    r"[^,;()\n]*?\s[a-zäöüß]+\s*,")
# "Nvidia has invested $200 million in Nuro, ..., as Nuro's driver software prepares to run the Lucid
# Gravity robotaxis that Uber plans to deploy": a clause after ", as" tells what goes on around the
# deal, once the sentence has named two companies before it. Not "as well as", "as part of", "as a
# supplier", "as the first".
_AS_CLAUSE = re.compile(r",\s+as\s+(?!(?:well|part|such|much|many|long|soon|of|if|though|per|a|an"
                        r"|will|would|does|do|did|has|have|had|is|are|was|were|can|could"
                        r"|the\s+(?:first|second|third|latest|only|largest|biggest|sole|main|lead))\b)",
                        re.IGNORECASE)
# "Wayve, the British self-driving startup backed by Nvidia Corp. and SoftBank": the backers of a
# company described are background (with the rest of their list). Not "a round backed by Toyota",
# whose backers invest now.
_BACKERS_BEFORE = re.compile(r"\b(?:startup|start-up|company|firm|maker|developer|specialist|supplier|provider)"
                             r"\s+(?:[\w-]+\s+)?(?:backed|funded|financed)\s+by\s+$", re.IGNORECASE)
_BACKERS_GAP = re.compile(r"(?:\s+(?:Corp|Inc|Co|Ltd|Group|Holdings|AG|SE)\.?)*"
                          r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
# Without one of these, a sentence has no aside or owner for `background_of` to look for (the backers,
# 不影响, ", as" clauses and a group after ", the ... maker of" have gates of their own): the words of
# `_ASIDE` and `_OWNER_BEFORE`, in any case, as they are ("Volvo Cars, Whose Owner Geely Backs
# Baidu, Signs Deal With Nvidia": a title-case headline).
_BACKGROUND_WORDS = re.compile(  # literals: re.IGNORECASE made this gate eight times slower
    r"which|whose|owner|parent|shareholder|backer|Which|Whose|Owner|Parent|Shareholder|Backer")
# "Toyota Tsusho, the trading house of the Toyota group, will build ...", "Hyundai Mobis, the parts
# maker of Hyundai Motor Group, has agreed with Qualcomm": a group (an alliance of the config) that
# a separate company (an affiliate, maker, house or supplier) belongs to is not a party. A unit of
# the group stands for it ("Moia, the mobility unit of the Volkswagen Group"), so does a unit of a
# company ("Brunp Recycling, the battery-recycling subsidiary of CATL"), and a named company's
# appositive tells a deal with the group ("Qualcomm, the cockpit chip supplier of the Mercedes-Benz
# Group, wins ...").
_OWNER_OF_BEFORE = re.compile(
    r",\s+the\s+(?:[\w&'’-]+\s+){0,5}?(?:affiliate|maker|house|supplier"
    # ... or a unit that is a supplier: "Hyundai Mobis, the parts arm of Hyundai Motor Group"
    r"|(?:parts|components?|logistics|trading|steel|finance|financing|insurance|securities)\s+(?:arm|unit|subsidiary))"
    r"\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# ... and the group before its maker: "Denso, the Toyota group's largest parts supplier, will ..."
_THE_BEFORE = re.compile(r",\s+the\s+$", re.IGNORECASE)
# (a parts maker or an affiliate; not a brand the config does not list: "Skoda, the Volkswagen Group's Czech
# unit", "Daihatsu, the Toyota group's minicar maker", which the group stands for)
_ITS_MEMBER_AFTER = re.compile(r"['’]s\s+(?:[\w&-]+\s+){0,2}?(?:(?:parts|components?|logistics|trading|steel"
                               r"|electronics)\s+(?:supplier|maker|arm|unit|house|affiliate)|affiliate|supplier)\b",
                               re.IGNORECASE)
# ... in Dutch, the owner after its brand or unit: "Lynk & Co, het automerk van Geely dat ..."
_DUTCH_OWNER_BEFORE = re.compile(r",\s+het\s+(?:[\w-]+\s+){0,2}?(?:merk|automerk|dochterbedrijf|onderdeel)\s+van\s+$")
# "built in Wuhan by its Chinese owner Geely": an owner named after its unit's "its".
_OWNER_BEFORE = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:owner|parent(?:\s+company)?"
                           r"|(?:majority\s+|largest\s+)?shareholder|backer)\s+$", re.IGNORECASE)
# "to be joined on stage by executives from Toyota, Uber and Lucid": the companies people come
# from (each of a list after these words) are the people, not parties.
_PEOPLE_FROM = re.compile(
    r"\b(?:executives?|engineers?|employees?|officials?|speakers?|leaders?|representatives?|veterans?"
    r"|researchers?|managers?|staff(?:ers)?|workers?|bosses|chiefs)\s+(?:from|of|at)\s+$"
    # a person's career: "She spent eight years at Waymo ... and previously worked at Tesla"
    r"|\b(?:he|she|they)\s+(?:previously\s+|also\s+|once\s+)?(?:worked|served"
    r"|spent\s+(?:\w+\s+){0,2}(?:years?|months?|decades?))\s+at\s+$", re.IGNORECASE)
# "the Lordstown factory it bought from Lordstown Motors, a plant General Motors once used": a name
# that tells a thing's past (after "a plant", "the factory", before "once", "formerly") is no party.
_PAST_AFTER = (" once ", " formerly ", " previously ")
_CLAUSE_STOP = re.compile(r"[,;]")
_THING_BEFORE = re.compile(r"(?:,|\bthat|\bwhich)\s+(?:a|an|the)\s+[\w-]+\s+$", re.IGNORECASE)
# "The SUV, to be built at Volvo Cars' plant in Kosice, will use a Qualcomm chip", "The humanoid, now
# sorting parts at Zeekr's Ningbo plant, runs on Nvidia's Jetson": the owner of a site named in an
# aside, as a place. Not in the sentence's own clause, where the site's owner is often the
# customer ("Panasonic to supply cells assembled at Toyota's Kentucky plant"), nor "cells from LG
# Energy Solution's new factory" (its maker) or "invest in Panasonic's plant".
_AT_BEFORE = re.compile(r",\s+(?:[\w-]+\s+){0,6}?(?:at|inside)\s+(?:the\s+)?$", re.IGNORECASE)
_SITE_AFTER = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:plants?|factory|factories|facility|facilities|works)\b",
                         re.IGNORECASE)
# "The Geely-owned brand said it had terminated its deal with Luminar": an owner before a thing the
# sentence does not name (here the headline's brand, "the carmaker") is background, as an owner
# before a name is (`marketwatch.parties`'s `_OWNED_GAP`).
_OWNED_AFTER = re.compile(r"-(?:owned|backed|controlled|funded)\b", re.IGNORECASE)
# ... and in Chinese and Japanese, "X-affiliated": "华为系车企赛力斯", "トヨタ系の部品メーカー" (not
# 系列 "series" nor 系统 "system")
_AFFILIATED_AFTER = re.compile(r"系(?:的|の)?(?:车企|企业|公司|品牌|部品|メーカー|企業|会社|の)")
# A company's event as a venue: "At AWS Summit, Stellantis and Leapmotor executives outline their joint
# venture", "Speaking at the Nvidia GTC keynote, Toyota said ..." (the host is no party for it; a deal
# with the host is still told as one: "At GTC, Toyota signed a deal with Nvidia")
_AT_AN_EVENT_BEFORE = re.compile(r"\b(?:at|during|on the sidelines of)\s+(?:the\s+|this\s+year['’]s\s+|its\s+)?$",
                                 re.IGNORECASE)
# (its named event, not a carmaker's own "at BMW's CES press conference", where it is the one who announces)
_EVENT_AFTER = re.compile(r"\s+(?:[\w:/-]+\s+)?(?:summit|expo|festival|forum|world|connect|gtc|re:invent|i/o|build"
                          r"|tech\s+day|developer\s+day|(?<!press\s)(?<!news\s)(?<!media\s)(?:conference|keynote))\b",
                          re.IGNORECASE)
# ... and in English, a name that describes another company as its supplier or affiliate: "Aisin, a
# Toyota group parts maker, will use Qualcomm's chips", "Denso, a Toyota supplier," (not "Toyota, a
# Nvidia customer since 2018, signed": the name described is the sentence's party)
_AN_APPOSITIVE_BEFORE = re.compile(r",\s+(?:a|an)\s+$", re.IGNORECASE)
_ITS_SUPPLIER_AFTER = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:parts?[- ]makers?|suppliers?|affiliates?"
                                 r"|subsidiar(?:y|ies)|group\s+compan(?:y|ies)|keiretsu|chaebol)\b", re.IGNORECASE)


def _owner_of_a_brand(text: str, mentions: list[Mention]) -> set[int]:
    """"这是现代汽车集团旗下品牌首次在华采用Momenta的泊车技术" (the first brand under Hyundai Motor
    Group to adopt ...): a group before 旗下 and a thing is none of its brands. Not a company,
    which stands for its brand the config does not list ("长安汽车旗下深蓝汽车与华为签署合作协议"),
    nor a group before a name ("长安汽车旗下的阿维塔"), read by `marketwatch.parties` as owner and unit."""
    starts = {m.start for m in mentions}
    out = set()
    for i, m in enumerate(mentions):
        if m.alias.is_alliance and text.startswith("旗下", m.end):
            after = m.end + 2 + (text.startswith("的", m.end + 2))
            if after not in starts:
                out.add(i)
    return out


def people_from(text: str, mentions: list[Mention]) -> set[int]:
    """Indexes of the names that say where people come from (`_PEOPLE_FROM`), with the names
    listed after the first ("executives from Toyota, Uber and Lucid"). A substring test first:
    most names follow none of "from", "of", "at"."""
    out: set[int] = set()
    for i, m in enumerate(mentions):
        if (i not in out and text[max(0, m.start - 5):m.start].endswith(("from ", " of ", " at "))
                and _PEOPLE_FROM.search(text, max(0, m.start - 40), m.start)):
            out.add(i)
            out.update(j for run in lists(text, mentions) if i in run for j in run if j > i)
    return out


def places_of(text: str, mentions: list[Mention]) -> set[int]:
    """Indexes of the names that only say, in an aside, where something is made (`_AT_BEFORE`).
    A substring test first: most stories name no site."""
    if "plant" not in text and "factor" not in text and "facilit" not in text and "works" not in text:
        return set()
    return {i for i, m in enumerate(mentions)
            if _SITE_AFTER.match(text, m.end) and _AT_BEFORE.search(text, max(0, m.start - 80), m.start)}


def past_of_a_thing(text: str, mentions: list[Mention], end: int) -> set[int]:
    """Indexes of the names that tell a thing's past, to the end of its clause: "the Lordstown
    factory it bought, a plant General Motors once used to build the Chevrolet Cruze". A
    substring test first: most names are followed by none of "once", "formerly", "previously"."""
    for i, m in enumerate(mentions):
        if (text.startswith(_PAST_AFTER, m.end) and not text.startswith(" once again", m.end)
                and _THING_BEFORE.search(text, max(0, m.start - 30), m.start)):
            stop = _CLAUSE_STOP.search(text, m.end, end)
            return {j for j in range(i, len(mentions)) if stop is None or mentions[j].start < stop.start()}
    return set()


def _backers(text: str, mentions: list[Mention]) -> set[int]:
    """Indexes of the names after a company described as backed by them (`_BACKERS_BEFORE`),
    with the rest of their list; only when two companies besides the backers are named: "Argo
    AI, the self-driving startup backed by Ford and Volkswagen, is shutting down" is the backers'
    news."""
    out: set[int] = set()
    for i, m in enumerate(mentions):
        if i not in out and text[max(0, m.start - 4):m.start] == " by " and _BACKERS_BEFORE.search(
                text, max(0, m.start - 60), m.start):
            # the rest of the list, its names perhaps with a legal suffix: "Nvidia Corp. and SoftBank";
            # ", and" after one backer ends the aside: "a company backed by Nvidia, and Renault will ..."
            run = run_starting(text, i, mentions, _BACKERS_GAP)
            first_gap = text[m.end:mentions[i + 1].start] if len(run) > 1 else ""
            out.update(run[:1] if "," in first_gap and "and" in first_gap else run)
    if out and len({m.alias.owner for i, m in enumerate(mentions) if i not in out}) < 2:
        return set()
    return out


def _groups_owning(text: str, start: int, mentions: list[Mention]) -> set[int]:
    """Indexes of the groups (alliances) named as what an unnamed company belongs to
    (`_OWNER_OF_BEFORE`): not after a named company, whose appositive tells a deal with the group."""
    out = set()
    for i, m in enumerate(mentions):
        if not m.alias.is_alliance:
            continue
        found = _OWNER_OF_BEFORE.search(text, max(start, m.start - 80), m.start) or (
            _ITS_MEMBER_AFTER.match(text, m.end) and _THE_BEFORE.search(text, max(start, m.start - 8), m.start))
        if found and not any(o.end == found.start() for o in mentions):
            out.add(i)
    return out


def _left_as_it_was(text: str, start: int, end: int, mentions: list[Mention]) -> set[int]:
    """"此次合作不影响其与宁德时代等现有电池供应商的合作" (this deal does not affect its work with CATL
    and its other suppliers): the names after 不影响, to the end of its clause, are what the deal
    leaves as it was."""
    at = text.find("不影响", start, end)
    stops = [p for p in (text.find(c, at, end) for c in "，。；,;！") if p >= 0]
    stop = min(stops) if stops else end
    return {i for i, m in enumerate(mentions) if at < m.start < stop}


def _as_clause(text: str, start: int, end: int, mentions: list[Mention]) -> list[tuple[int, int]]:
    """The ", as ..." clause that ends the sentence (`_AS_CLAUSE`), when two companies are named
    before it and the clause names none, or first names one of them: ", as Nuro's driver software
    prepares to run ... Lucid Gravity robotaxis", not ", as Stellantis joins" (a party)."""
    found = _AS_CLAUSE.search(text, start, end)
    if found is None:
        return []
    before = {m.alias.owner for m in mentions if m.end <= found.start()}
    inside = next((m for m in mentions if m.start >= found.end()), None)
    if len(before) < 2 or (inside is not None and inside.alias.owner not in before):
        return []
    return [(found.start(), end)]


def background_of(text: str, start: int, end: int, mentions: list[Mention]) -> tuple[set[int], list[tuple[int, int]]]:
    """Indexes of a sentence's names that are background, not parties, and the asides they are
    in: "The EV maker, in which Stellantis holds a 21% stake, said", "its Chinese owner Geely"
    and an owner before a thing ("The Geely-owned brand"). An aside is background only after a
    name: "The joint venture, in which Renault and Volvo Group each hold 45%, will build vans"
    names the venture's parties. A "whose" aside of customers, backers or products, and a "which"
    aside that does not tell who owns or formed the thing, are background after anything
    (`_WHOSE_RELATION`, `_WHICH_RELATION`); so is a German relative clause (`_GERMAN_ASIDE`), the
    backers of a company described ("a startup backed by Nvidia", `_backers`), the names 不影响
    leaves as they were (`_left_as_it_was`) and a closing ", as ..." clause (`_as_clause`)."""
    background = {i for i, m in enumerate(mentions)
                  if (text.startswith("-", m.end) and _OWNED_AFTER.match(text, m.end))
                  or (_EVENT_AFTER.match(text, m.end)  # (anchored, so first: most names have no event after)
                      and _AT_AN_EVENT_BEFORE.search(text, max(start, m.start - 25), m.start))
                  or (text.startswith("系", m.end) and _AFFILIATED_AFTER.match(text, m.end))
                  or (text[m.start - 4:m.start].endswith((" a ", " an ")) and _AN_APPOSITIVE_BEFORE.search(
                      text, max(start, m.start - 6), m.start) and _ITS_SUPPLIER_AFTER.match(text, m.end))}
    if not text.isascii() and text.find("旗下", start, end) >= 0:
        background |= _owner_of_a_brand(text, mentions)
    if text.find(", the ", start, end) >= 0:
        background |= _groups_owning(text, start, mentions)
    if text.find(", het ", start, end) >= 0:  # Dutch: "Lynk & Co, het automerk van Geely dat ..."
        background |= {i for i, m in enumerate(mentions)
                       if _DUTCH_OWNER_BEFORE.search(text, max(start, m.start - 60), m.start)}
    if text.find("ed by ", start, end) >= 0:
        background |= _backers(text, mentions)
    if not text.isascii() and text.find("不影响", start, end) >= 0:
        background |= _left_as_it_was(text, start, end, mentions)
    words = {w.group().lower() for w in _BACKGROUND_WORDS.finditer(text, start, end)}  # most sentences: none
    german = ([m.span() for m in _GERMAN_ASIDE.finditer(text, start, end)]
              if text.find(", d", start, end) >= 0 else [])
    around = _as_clause(text, start, end, mentions) if text.find(" as ", start, end) >= 0 else []
    if (text.find(" that ", start, end) >= 0 or text.find(" whose ", start, end) >= 0
            or text.find(" which ", start, end) >= 0) and text.find(
            ", the ", start, end) >= 0:
        around += [m.span() for m in _THAT_ASIDE.finditer(text, start, end)]
    if not words and not german and not around:
        return background, []
    asides = around + ([m.span() for m in _ASIDE.finditer(text, start, end)
               if any(n.end == m.start() for n in mentions) or _WHOSE_RELATION.match(text, m.start())
               or _WHICH_RELATION.match(text, m.start())]
              if "which" in words or "whose" in words else []) + german
    out = background | {i for i, m in enumerate(mentions) if any(s < m.start and m.end < e for s, e in asides)}
    if words - {"which", "whose"}:
        out |= {i for i, m in enumerate(mentions) if _OWNER_BEFORE.search(text, max(start, m.start - 50), m.start)}
    return out, [(s, e) for s, e in asides if any(s < m.start and m.end < e for m in mentions)]


# A company the sentence says there is no deal with, passes over, or only wishes for one: "Uber says robotaxi
# partners now number 22, but still no deal with Tesla", "Ferrari 'has no plans' for OpenAI deal",
# "no Nvidia or Qualcomm silicon", "with none from Nvidia or Qualcomm", "always open to Tesla
# joining". Right before the name (and the names listed after it, "or" included). Not "not in talks
# with Apple": talks ended, after reports of them (deal type ended).
_REFUSED_BEFORE = re.compile(
    r"(?:\bno\s+(?:(?:such|formal|further|active|new|current)\s+)?(?:deals?|talks|agreements?|partnerships?|contracts?"
    r"|tie-?ups?|relationship|cooperation|collaboration)\s+(?:yet\s+)?(?:with|between)\s+"
    # not plans to leave it: "has no plans to replace Nvidia"
    r"|\bno\s+(?:plans?|intention|intent|interest)[\"'’”]?\s+(?:for|(?:to|of)\s+(?!(?:replac|drop|dump|ditch|leav"
    r"|switch|abandon|exit|end|quit)\w*\b)[\w-]+(?:\s+with)?)\s+(?:(?:a|an|any)\s+)?"
    # a wish: "was 'always open' to Tesla joining its platform" (`refused_or_aside` wants the -ing),
    # "Huang 'Would Love' To Work With Tesla"
    r"|\b(?P<open>open)[\"'’”]?\s+to\s+"
    r"|(?:\bwould|['’]d)\s+[\"“'‘]?(?:love|like|be\s+(?:happy|glad|open))[\"”'’]?\s+to\s+"
    r"(?:work|partner|team\s+up|cooperate|collaborate)\s+with\s+"
    # a bare "no" where a clause can have it ("no Nvidia or Qualcomm silicon"), not Portuguese "no"
    # (in the): "os dados no Google Cloud"
    r"|(?:^|[,;:(\u2014\u2013-]\s*|\b(?:with|has|have|had|and|but|or|is|are|was|were|there['’]s|carries|carry|uses|use"
    r"|contains|contain|includes|include|features|feature|runs|run)\s+)no\s+"
    # a person's former employer: "hired Sarah Chen, who led vehicle integration at Waymo"
    # (not who led this deal for it: "who led the negotiations for Nvidia")
    r"|\bwho\s+(?:previously\s+|formerly\s+|once\s+)?(?:led|ran|headed|oversaw|managed|worked|spent)\s+"
    r"(?!(?:[\w-]+\s+){0,5}?(?:talks|negotiations?|deal|agreement|partnership|tie-up|project|venture)\b)"
    r"(?:[\w-]+\s+){0,5}?(?:at|for)\s+"
    r"|\bnone\s+(?:from|of|with)\s+|\b(?P<without>without)\s+"
    # a body's members, in a "whose" aside: "Catena-X, the data network whose more than 200 members
    # include BMW, Volkswagen, Microsoft and AWS" (not "Catena-X's members include BMW, which on Tuesday
    # signed a cloud deal with Microsoft")
    r"|\bwhose\s+(?:[\w-]+\s+){0,4}?members\s+(?:already\s+|also\s+)?include\s+"
    # a rival, or one beaten to a deal: "upping the ante against Honda", "beating Qualcomm and Texas
    # Instruments"; a plant as a landmark, in French, Spanish, Italian, Portuguese and German ("à
    # quelques kilomètres de l'usine Stellantis"; not "L'usine Renault de Flins signe un partenariat")
    r"|\b(?:against|(?P<beaten>beating|beats?|outbid(?:s|ding)?)|edging\s+out|edges\s+out)\s+"
    r"(?:(?:rivals?|competitors?)\s+(?:such\s+as\s+|like\s+)?)?"
    r"|\b(?:win|wins|winning|won|take|takes|taking|took|steal\w*|grab\w*)\s+(?:back\s+)?(?:market\s+)?share\s+from\s+"
    # an alternative passed over: "Mercedes picks Nvidia, not Qualcomm", "works with Nvidia, not with
    # Qualcomm", "chooses Nvidia instead of Qualcomm", "picks Qualcomm over Nvidia", ", nicht mit",
    # ", et non", "statt", "plutôt que", "en lugar de"
    r"|(?P<alt>(?:,|\bbut)\s+(?:not|nicht|niet|et\s+non|no)\s+(?:aber\s+)?(?:(?:with|to|from|for|mit|met|avec|con|à)\s+)?"
    # ... "Porsche setzt nicht auf Huawei, sondern auf Qualcomm"
    r"|\b(?:nicht|niet)\s+(?:auf|mit|met)\s+"
    r"|\b(?:instead\s+of|rather\s+than|(?:an)?statt|plutôt\s+qu(?:e\s+|['’])(?:avec\s+)?|au\s+lieu\s+d(?:e\s+|['’])"
    r"|en\s+(?:lugar|vez)\s+de)\s*"
    r"|\b(?:picks?|picked|picking|choos(?:e|es|ing)|chose|chosen|select(?:s|ed|ing)?|prefer(?:s|red|ring)?|back(?:s|ed|ing)?"
    r"|favou?r(?:s|ed|ing)?|opt(?:s|ed|ing)?\s+for)\s+(?:[\w.&'’-]+\s+){1,4}?over\s+)"
    r"|\b(?P<near>près|proche|côté|kilomètres|km|deux\s+pas|cerca|junto|perto|vicino|pressi|nahe|neben|unweit)\s+(?:de|del|da|do|della"
    r"|dello|dem|der|von)?\s*(?:l['’]|la\s+|el\s+|lo\s+|o\s+|a\s+|dem\s+|der\s+)?(?:usine|fábrica|fabbrica|stabilimento"
    r"|planta|werk)\s+(?:de\s+|di\s+|del\s+|do\s+|da\s+|von\s+)?)$",
    re.IGNORECASE)
# A landmark plant's relative clause, up to the clause's end: "l'usine Stellantis qui assemble la Citroën
# Ami et la Fiat Topolino", "la planta de Ford que produce el Bronco", "lo stabilimento Stellantis che
# produce la Fiat 500e", "dem Werk von VW, das den ID.3 baut".
_DESCRIBED_AFTER = re.compile(r",?\s+(?:qui|que|où|che|dove|onde|das|die|der|wo)\s[^,;.:!?]*")
# "Toyota, unable to scale robotaxis without Pony.ai, signed ...": a need, not a refusal.
_CANNOT_BEFORE = re.compile(r"\b(?:can['’]?t|cannot|could\s+not|couldn['’]t|unable|impossible)\b", re.IGNORECASE)
_GERUND_AFTER = re.compile(r"\s+\w+ing\b")
# A relative clause that says whose customers (backers, partners) they are: "Samsung SDI, whose
# EV-battery customers include BMW, Stellantis and Rivian, will supply ... to NextEra".
_WHOSE_BEFORE = re.compile(
    r"(?i:,\s+whose\s+(?:[\w'’-]+\s+){0,4}?(?:customers?|clients?|partners?|backers?|investors?|shareholders?"
    r"|suppliers?|buyers?|rivals?|competitors?)\s+(?:include[sd]?|are|were|such as|like)\s+)"
    r"(?:[A-Z0-9][\w&.'’-]*(?:\s+[A-Z0-9][\w&.'’-]*){0,3},?\s+(?:and\s+|or\s+)?)*$")
# The founders or customers of someone else, named in passing: "Rapidus was set up in 2022 by eight
# Japanese companies including Toyota Motor, Sony Group, NTT, SoftBank and Denso", "Hesai, which
# counts Li Auto, Leapmotor and Xiaomi among its automotive customers, expects ...".
# A consortium named as such ("by eight Japanese companies including", three names or more: two
# are a venture's owners), not a founder's partners ("set up by partners including Toyota and
# Pony.ai", "launched by Baidu with carmakers like Geely").
_FOUNDED_BY_BEFORE = re.compile(
    r"\b(?:set up|founded|established|formed|created|launched)\s+(?:in\s+\d{4}\s+)?by\s+(?:(?!with\b)[\w-]+\s+){0,3}?"
    r"(?:companies|firms|corporations|shareholders|investors)\s+(?:including|such as|like|among them)\s+$",
    re.IGNORECASE)
_COUNTS_AMONG = re.compile(
    r",\s+(?:which|who)\s+(?:counts?|lists?|numbers?)\s+(?P<names>[^;:]{1,160}?)\s+among\s+(?:its|their)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:customers|clients|backers|investors|partners|shareholders|suppliers)\b", re.IGNORECASE)
# Words without one of which a sentence can have none of the names `refused_or_aside` takes away.
_ASIDE_WORDS = ("no ", "none", "without", "open", "whose", "among", "set up", "founded", "who ", "established",
                "formed", "created", "launched", "against", "beat", "outbid", "edg", "usine", "fábrica",
                "fabbrica", "stabiliment", "planta", "werk", "share from", " after ", " not ", " nicht ", " niet ",
                " non ", "instead", "rather", "statt", "plutôt", "lieu", "lugar", " vez ", " over ", "members")
_ALTERNATIVES_GAP = re.compile(r"[^\S\n]+(?:or|and|oder|ou|o)[^\S\n]+")
_LIST_ENDS_AFTER = re.compile(r"(?:['’]s)?[^\S\n]*(?:[,.;:!?)]|$)|[^\S\n]+(?:for|in|on|as|to|at|with|from|by|and|or)\b")
_OR_GAP = re.compile(r"[^\S\n]*(?:,[^\S\n]*(?:and|or|&)?|and|or|&)?[^\S\n]*")


# Those who did it first, named last: "Apple's CarPlay Ultra comes to Hyundai, Kia models next year
# after Aston Martin and Porsche". A list after "after" that ends the sentence.
# (Aston Martin, outside the config, is a name all the same)
_AFTER_BEFORE = re.compile(r"(?<![\w-])[Aa]fter\s+(?:(?:[A-Z][\w&.'’-]*\s+){1,3}(?:and|&)\s+"
                           r"|(?:[A-Z][\w&.'’-]*\s+){1,3},\s+)?$")
_SENTENCE_REST = re.compile(r"[\s.!?\"'’”)]*")


def _precedents(text: str, mentions: list[Mention], end: int) -> set[int]:
    """Indexes of the names listed after a closing "after" (`_AFTER_BEFORE`), when two names or
    more are left before it: the earlier adopters of what the sentence's parties take up."""
    for i, m in enumerate(mentions):
        if i >= 2 and _AFTER_BEFORE.search(text, max(0, m.start - 40), m.start):
            run = run_starting(text, i, mentions, _OR_GAP)
            if run[-1] == len(mentions) - 1 and _SENTENCE_REST.fullmatch(text, mentions[run[-1]].end, end):
                return set(run)
    return set()


def _alternatives(text: str, i: int, mentions: list[Mention]) -> list[int]:
    """The alternative passed over at mention i and those listed with it ("over Mobileye and Qualcomm
    for its next platform"); not a name after "and" that starts a clause of its own ("chooses Nvidia
    over Qualcomm and Hyundai follows suit")."""
    run = run_starting(text, i, mentions, _ALTERNATIVES_GAP)
    for k in range(1, len(run)):
        joined_by = text[mentions[run[k - 1]].end:mentions[run[k]].start]
        if "and" in joined_by and not _LIST_ENDS_AFTER.match(text, mentions[run[k]].end):
            return run[:k]
    return run


def refused_or_aside(text: str, mentions: list[Mention], start: int, end: int) -> set[int]:
    """Indexes of the names a deal is denied with or passed over for another ("picks Nvidia, not
    Qualcomm": `_REFUSED_BEFORE`) or that an aside names as
    someone's customers or founders (`_WHOSE_BEFORE`, `_FOUNDED_BY_BEFORE`, `_COUNTS_AMONG`), with
    the names listed after each. Substring tests first: most sentences have none."""
    lowered = text[start:end].lower()
    if not any(word in lowered for word in _ASIDE_WORDS):
        return set()
    out: set[int] = set()
    for i, m in enumerate(mentions):
        if i in out or m.start < start:
            continue
        window = max(start, m.start - 80)
        refused = _REFUSED_BEFORE.search(text, window, m.start)
        if refused and refused["open"] and not _GERUND_AFTER.match(text, m.end):
            refused = None  # "CarPlay Ultra is now open to Hyundai and Kia": no wish
        if refused and refused["without"] and _CANNOT_BEFORE.search(text, window, refused.start()):
            refused = None
        if refused and refused["beaten"] and text.startswith(("'s ", "’s "), m.end):
            refused = None  # "CATL beats Ford's deadline for the licensing deal": a target, not a rival
        if refused and refused["alt"]:  # the alternative and those it lists with "or" ("not Qualcomm or Mobileye")
            out.update(_alternatives(text, i, mentions))
        elif refused or _WHOSE_BEFORE.search(text, window, m.start):
            out.update(run_starting(text, i, mentions, _OR_GAP))
            if refused and refused["near"]:  # "... de l'usine Stellantis qui assemble la Citroën Ami": the plant's cars
                described = _DESCRIBED_AFTER.match(text, m.end, end)
                out.update(j for j in range(i + 1, len(mentions)) if described and mentions[j].start < described.end())
        elif _FOUNDED_BY_BEFORE.search(text, window, m.start):  # a consortium: three or more
            run = run_starting(text, i, mentions, _OR_GAP)
            if len(run) >= 3:
                out.update(run)
    if " after " in lowered and len(mentions) >= 3:
        out |= _precedents(text, mentions, end)
    if "among" in lowered:
        for found in _COUNTS_AMONG.finditer(text, start, end):
            out.update(i for i, m in enumerate(mentions) if found.start("names") <= m.start < found.end("names"))
    return out
