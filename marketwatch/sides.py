"""Names on the same side of a deal, which the matcher must not pair with each other.

Some sentences put companies side by side rather than face to face:

- Co-investors: "Nuro raises $940 million from SoftBank, joined by Toyota", "Toyota will invest
  $400 million and SoftBank $333 million in Uber's unit", "Toyota Ventures led the round
  alongside Samsung". Each investor pairs with the company its money goes to (the receiver),
  not with the other investors. Only names in the investors' own place count: the subject of
  "invest ... in X" within its clause, the names after "raises $N from".
  Also the names after a funding event ("Grab raises $4.5 billion as Toyota, Hyundai and
  Microsoft sign on", "extends Series C with Great Wall Motor and CATL"), after "with
  participation from", "investors include", "$1 billion from", "led by" after a round ("The
  Series E was led by NTT, with Toyota also putting in more money"), the names that "took part
  in" a round, "投资方包括", and the company
  joined in an investment ("Nissan to invest in Renault's Ampere, joining Qualcomm", "The
  carmaker joins Google, which backed the startup"). All the investors of one sentence are one
  side; "together with" is not a sign of one ("takes a stake in Motional together with Aptiv").
- Parallel actors: "Toyota will not renew its deal, following Intel, which also ended its
  partnership"; "Toyota, Aurora and Continental join Nvidia's list of partners"; "Hyundai
  announced $21 billion of US investment, months after SoftBank promised $100 billion".
- Sources: "a cockpit chip from Qualcomm, while the cells come from BYD" names two suppliers.
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
# "May Mobility nabs $105M from NTT", "snags", "bags", "pulls in", "rakes in": "raises", as headlines word it.
_HEADLINE_RAISES = (r"|nab(?:s|bed|bing)?|snag(?:s|ged|ging)?|bag(?:s|ged|ging)?|pull(?:s|ed|ing)?\s+in"
                    r"|rak(?:e|es|ed|ing)\s+in")
# "Nuro raises $940 million from SoftBank", "Uber's unit gets $1 billion in funding from Toyota"
_FUNDED_FROM = re.compile(
    r"\b(?:rais(?:e|es|ed|ing)|gets?|got|receiv(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|lands?|landed"
    rf"|clos(?:e|es|ed|ing){_HEADLINE_RAISES})\s+(?:[\w-]+\s+){{0,3}}?{_MONEY}(?:\s+[\w-]+){{0,6}}?\s+from\s",
    re.IGNORECASE)
# "... invest $400 million, Denso $267 million and SoftBank $333 million in Uber's unit"
_INVESTED = re.compile(r"\b(?:invest\w*|rounds?|stakes?)\b", re.IGNORECASE)
_IN = re.compile(r"\s(?:in|into)\s+")
_STARTUP = re.compile(r"(?:the |a |an )?(?:[\w-]+ ){0,3}?start-?ups?\b[^\S\n]*", re.IGNORECASE)
# "Toyota Ventures led the round alongside Samsung Catalyst Fund", "the venture fund of Renault,
# Nissan and Mitsubishi had joined the extension of its Series E alongside Uber and Nvidia"
# Only a leader's "with" names co-investors: "joins the investment with CATL in a plant" is a venture
# with CATL (`_alongside`). The round may be a company's ("joined Wayve's Series C alongside",
# "joined the investment in Aurora alongside SoftBank").
_ROUND_ALONGSIDE = re.compile(
    r"\b(?P<verb>(?:co-)?led|join(?:s|ed|ing)?|(?:took|takes?|taking)\s+part\s+in|participat(?:e|es|ed|ing)\s+in)"
    r"\s+(?:(?:the|a|an|its)\s+|[\w.&-]+['’]s\s+)?(?:[\w$.,-]+\s+){0,5}?"
    r"(?:round|investment|series [a-h]|funding|financing|extension)\s+(?:(?:in|for|of)\s+[\w.&-]+\s+)?"
    r"(?P<with>alongside|together with|along with|with)\s+", re.IGNORECASE)
# Where the names after "alongside" end: at the company the money goes to ("along with Nvidia for
# Nuro") or at who said so (", Wayve said").
_ALONGSIDE_END = re.compile(r"\s(?:for|in|into)\s|,\s+(?:[\w.&'’-]+\s+){1,4}?said\b", re.IGNORECASE)
# Where a clause ends or starts: investors are not looked for beyond it.
_CLAUSE = re.compile(
    r";|,\s*(?:while|which|but|as|after)\b|\s(?:as|while|after|when|but|because|and (?:will|plans|is|has|said))\s",
    re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and|&)?|and|&|or|、|和|与)\s*", re.IGNORECASE)
# Words without which a sentence names no co-investors: substring tests on the lowered sentence
# (one regex of these alternatives, case-folded, cost a quarter of the matcher's time here).
_WORTH_A_LOOK = ("from", "invest", "round", "stake", "led", "join", "rais", "clos", "extend", "complet", "secur",
                 "particip", "part in", "includ", "such as", "like", "also", "while", "whereas", "after", "nab",
                 "snag", "投资", "参投", "跟投", "股东")
# A funding event; the names after it (to the end of its clause) are the investors: "Grab
# raises $4.5 billion in Series H as Toyota, Hyundai and Microsoft sign on"
_FUNDING = re.compile(
    r"\b(?:rais(?:e|es|ed|ing)|clos(?:e|es|ed|ing)|extend(?:s|ed|ing)?|complet(?:e|es|ed|ing)"
    rf"|secur(?:e|es|ed|ing){_HEADLINE_RAISES})\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?:{_MONEY}|(?:[\w-]+\s+)?(?:funding|financing|investment)?\s*round\b|series [a-h]\b)", re.IGNORECASE)
# Words that put the names after them among the investors: "with participation from Amazon and
# Ford", "investors include SAIC", "$1 billion from Toyota and investments from Hyundai".
_INVESTORS_AFTER = re.compile(
    r"\b(?:participation|investments?|funding|backing|money)\s+(?:from|of|by)\s"
    r"|\bjoined\s+by\s|\b(?:investors?|backers?|shareholders?)\s+(?:that\s+|which\s+|who\s+)?"
    r"(?:includ(?:e|es|ed|ing)|such\s+as|like)\s"
    rf"|{_MONEY}\s+from\s"
    r"|投资方(?:包括|为|有)|投资者(?:包括|为|有)|股东(?:包括|为)", re.IGNORECASE)
# "Shanghai's SAIC and Toyota 参投": the names just before are investors.
_INVESTORS_BEFORE = re.compile(r"参投|跟投")
# (not the company funded: "蔚来中国获合肥国资参投" is NIO China receiving the money)
_NAME_TO_INVESTING = re.compile(r"\s*(?:等|作为)?[^，。；、,.;:：\s获]{0,8}")
_INVESTMENT_WORD = re.compile(r"invest|round|funding|financ|backed|backer|stake|shareholder", re.IGNORECASE)
# "X joins Google, which backed the startup", "..., joining Qualcomm" (in an investment sentence).
_JOIN = re.compile(r"\bjoin(?:s|ed|ing)?\s+", re.IGNORECASE)
_JOINED_AS_INVESTOR = re.compile(
    r",?\s+(?:which|who)\s+(?:also\s+|had\s+|has\s+)?(?:backed|invested|led|funded|holds|owns|took|bought)\b"
    r"|\s+as\s+(?:an?\s+|existing\s+|fellow\s+)?(?:investors?|backers?|shareholders?|owners?)\b"
    r"|\s+in\s+(?:investing|backing|funding|the\s+round|its\s+round)\b", re.IGNORECASE)
# "following Intel, which also ended its partnership": Intel did the same as the subject.
_PARALLEL = re.compile(r"\b(?:following|like|just\s+like|as\s+did)\s+$", re.IGNORECASE)
# "..., months after SoftBank promised": the name after it did something of its own earlier.
_TIME_AFTER = re.compile(r"\b(?:days|weeks|months|years|a\s+(?:day|week|month|year))\s+after\s+$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_ALSO_AFTER = re.compile(r",?\s+which\s+(?:has\s+|had\s+)?also\b", re.IGNORECASE)
# "Toyota, Aurora and Continental join Nvidia's growing list of automotive partners".
_LIST_OF = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:list|roster|line-?up|ranks|stable)\s+of\s+(?:[\w-]+\s+){0,2}?"
    r"(?:partners|customers|clients|users|backers|investors|suppliers)\b", re.IGNORECASE)
# Substrings without which `_FUNDING` is not tried (as `_WORTH_A_LOOK`, on the lowered
# sentence): its verbs, with "bags" and "bagg" rather than "bag" so that "airbag" and "brakes"
# do not send a sentence through it. Must not be narrower than the verbs: a verb left out here
# is never found by `_FUNDING`.
_FUNDING_WORDS = ("rais", "clos", "extend", "complet", "secur", "nab", "snag", "bags", "bagg", "ull in", "ulls in",
                  "ulled in", "ulling in", "ake in", "akes in", "aked in", "aking in")
# "The Series E was led by NTT, with Toyota also putting in more money", "... took part in the
# Series B, led by Uber and Khosla Ventures": the names after "led by" are investors, and so are
# the names that took part, before it.
_ROUND_LED_BY = re.compile(
    r"\b(?:round|series [a-h]|funding|financing|investment)\b,?\s+(?:which\s+)?(?:was\s+|is\s+|were\s+)?"
    r"(?:co-)?led\s+by\s", re.IGNORECASE)
_TOOK_PART = re.compile(
    r"\b(?:(?:took|take|takes|taking)\s+part|participat(?:e|es|ed|ing))\s+in\s+(?:the|a|an|its|this)\s+"
    r"(?:[\w$.,-]+\s+){0,4}?(?:round|series [a-h]|funding|financing)\b", re.IGNORECASE)
_INVESTORS_WORDS = ("from", "particip", "joined", "includ", "such as", "like", "投资方", "投资者", "股东")
_CONTRAST = re.compile(r",\s*(?:while|whereas)\s", re.IGNORECASE)
_FUNDING_STOP = re.compile(
    r";|,\s*(?:while|but|whereas)\b|\s(?:while|but|whereas|because|and (?:will|plans|is|has|said))\s", re.IGNORECASE)


def investor_groups(text: str, start: int, end: int,
                    mentions: Sequence[Spanned]) -> list[tuple[set[int], set[int]]]:
    """(investors, receivers) for each co-investment in text[start:end], as indexes into
    `mentions` (the sentence's names, in order). Only groups of two or more investors."""
    lowered = text[start:end].lower()
    if not any(word in lowered for word in _WORTH_A_LOOK):
        return []
    # Each wording is looked for only when a word of it is there: most sentences have none.
    groups = []
    if "from" in lowered:
        groups += [_funded_from(text, end, mentions, found) for found in _FUNDED_FROM.finditer(text, start, end)]
    if "invest" in lowered or "round" in lowered or "stake" in lowered:
        groups += [_invested_in(text, start, end, mentions, found)
                   for found in _INVESTED.finditer(text, start, end)]
    if "led" in lowered or "join" in lowered or "part" in lowered:
        groups += [_alongside(text, start, end, mentions, found)
                   for found in _ROUND_ALONGSIDE.finditer(text, start, end)
                   if found["verb"].lower().endswith("led") or found["with"].lower() not in ("with", "together with")]
    if any(word in lowered for word in _FUNDING_WORDS):
        groups += [_funded_by(text, start, end, mentions, found) for found in _FUNDING.finditer(text, start, end)]
    if "led by" in lowered:
        groups += [(_after(text, found.end(), end, mentions), set())
                   for found in _ROUND_LED_BY.finditer(text, start, end)]
    if "part in" in lowered or "particip" in lowered:
        groups += [(set(_within(mentions, _clause_start(text, start, found.start()), found.start())), set())
                   for found in _TOOK_PART.finditer(text, start, end)]
    if any(word in lowered for word in _INVESTORS_WORDS):
        groups += [(_after(text, found.end(), end, mentions) | _joined_by(text, start, found, mentions), set())
                   for found in _INVESTORS_AFTER.finditer(text, start, end)]
    if "参投" in lowered or "跟投" in lowered:
        groups += [(_before(text, start, found.start(), mentions), set())
                   for found in _INVESTORS_BEFORE.finditer(text, start, end)]
    if "join" in lowered:
        investing = _INVESTMENT_WORD.search(text, start, end) is not None
        groups += [_joined(text, start, end, mentions, found, investing)
                   for found in _JOIN.finditer(text, start, end)]
    # All the investors of a sentence are one side, whichever wording named each of them.
    found = [g for g in groups if g is not None and g[0]]
    receivers = {r for _, rs in found for r in rs}
    investors = {i for g, _ in found for i in g} - receivers
    out = [(investors, receivers)] if len(investors) >= 2 else []
    if "also" in lowered:
        out += [g for g in (_parallel(text, start, end, mentions, i) for i in range(len(mentions))) if g]
    if "after" in lowered:
        out += [g for g in (_later(text, start, end, mentions, i) for i in range(1, len(mentions))) if g]
    if lowered.count("from ") > 1:
        sources = _sources(text, start, end, mentions)
        out += [(sources, set())] if len(sources) > 1 else []
    elif "from " in lowered:
        out += [(sellers, set()) for sellers in _bought_from(text, start, end, mentions)]
    if "while" in lowered or "whereas" in lowered:
        out += _contrasted(text, start, end, mentions)
    return out


def _joined_by(text: str, start: int, found: re.Match[str], mentions: Sequence[Spanned]) -> set[int]:
    """"Great Wall Motor invested in the round ..., joined by CATL": the last name before
    "joined by", and the names listed with it ("Hyundai Motor and Kia put in $50 million,
    joined by Samsung"), did the same as the names after it."""
    if not found.group().lower().startswith("joined"):
        return set()
    before = _within(mentions, start, found.start())
    return _run_ending(text, before[-1], mentions) if before else set()


def _run_ending(text: str, last: int, mentions: Sequence[Spanned]) -> set[int]:
    """The list of names ("A, B and C") whose last name is mentions[last]."""
    run = [last]
    while run[0] > 0 and _LIST_GAP.fullmatch(text, mentions[run[0] - 1].end, mentions[run[0]].start):
        run.insert(0, run[0] - 1)
    return set(run)


def run_starting(text: str, first: int, mentions: Sequence[Spanned], gap: re.Pattern[str] | None = None) -> list[int]:
    """The list of names ("A, B and C") whose first name is mentions[first], in order; `gap`
    what may stand between two of them (a list's commas and "and" by default)."""
    gap = gap or _LIST_GAP
    run = [first]
    while run[-1] + 1 < len(mentions) and gap.fullmatch(text, mentions[run[-1]].end, mentions[run[-1] + 1].start):
        run.append(run[-1] + 1)
    return run


def listed_after(text: str, mentions: Sequence[Spanned], i: int) -> bool:
    """Is mentions[i] listed after the name before it ("Hyundai, Kia")?"""
    return i > 0 and _LIST_GAP.fullmatch(text, mentions[i - 1].end, mentions[i].start) is not None


def _contrasted(text: str, start: int, end: int, mentions: Sequence[Spanned]) -> list[tuple[set[int], set[int]]]:
    """"Toyota will build cars on Nvidia Drive Orin, while Aurora will deploy trucks powered by
    Nvidia Drive Thor": two clauses about one company (Nvidia) name two of its partners, not
    partners of each other. Only when both clauses name that company."""
    found = _CONTRAST.search(text, start, end)
    if not found:
        return []
    left = [i for i, m in enumerate(mentions) if m.end <= found.start()]
    right = [i for i, m in enumerate(mentions) if m.start >= found.end()]
    names = [text[m.start:m.end].lower() for m in mentions]
    shared = {names[i] for i in left} & {names[i] for i in right}
    if not shared:
        return []
    return [({i, j}, set()) for i in left if names[i] not in shared for j in right if names[j] not in shared]


def _after(text: str, at: int, end: int, mentions: Sequence[Spanned]) -> set[int]:
    """The names from `at` to the end of its clause."""
    boundary = _FUNDING_STOP.search(text, at, end)
    return set(_within(mentions, at, boundary.start() if boundary else end))


def _before(text: str, start: int, at: int, mentions: Sequence[Spanned]) -> set[int]:
    """The list of names that ends just before `at` ("上汽、丰田参投"), or a few words before it in
    the same clause ("日产汽车作为战略投资方参投", "英伟达、微软等现有股东跟投")."""
    before = _within(mentions, start, at)
    if not before or not _NAME_TO_INVESTING.fullmatch(text, mentions[before[-1]].end, at):
        return set()
    return _run_ending(text, before[-1], mentions)


def _funded_by(text: str, start: int, end: int, mentions: Sequence[Spanned],
               found: re.Match[str]) -> tuple[set[int], set[int]]:
    receivers = set(_within(mentions, _clause_start(text, start, found.start()), found.start()))
    return _after(text, found.end(), end, mentions), receivers


def _joined(text: str, start: int, end: int, mentions: Sequence[Spanned],
            found: re.Match[str], investing: bool) -> tuple[set[int], set[int]] | None:
    """"The carmaker joins Google, which backed the startup": both invest. Only when the joined
    names are said to be investors, or after a comma ("..., joining Qualcomm"), whose subject
    is the sentence's other investors."""
    joined = [i for i, m in enumerate(mentions) if m.start >= found.end()]
    if not joined or mentions[joined[0]].start != found.end():
        return None
    run = run_starting(text, joined[0], mentions)
    after = mentions[run[-1]].end
    if _LIST_OF.match(text, after):  # "A, B and C join Nvidia's list of partners": the subjects
        return set(_within(mentions, _clause_start(text, start, found.start()), found.start())), set(run)
    if not investing:
        return None
    participle = text[max(start, found.start() - 2):found.start()].rstrip().endswith(",")
    if not participle and not _JOINED_AS_INVESTOR.match(text, after, end):
        return None
    # ", joining Uber as cornerstone investors": the one who joins is the sentence's subject, its
    # first name, when it starts the sentence ("Stellantis has agreed to buy shares in Pony.ai").
    subject = (_subject(text, start, found.start(), mentions) if participle
               else _before(text, start, found.start(), mentions))
    return subject | set(run), set()


def _subject(text: str, start: int, at: int, mentions: Sequence[Spanned]) -> set[int]:
    """The list of names that starts the sentence, if one does and ends before `at`."""
    first = _within(mentions, start, at)[:1]
    if not first or text[start:mentions[first[0]].start].strip():
        return set()
    return set(run_starting(text, first[0], mentions)) & set(_within(mentions, start, at))


def _parallel(text: str, start: int, end: int, mentions: Sequence[Spanned],
              i: int) -> tuple[set[int], set[int]] | None:
    """"(Toyota ...) following Intel, which also ended its partnership": Intel and the
    sentence's subject (its first name) are on one side."""
    m = mentions[i]
    if i == 0 or not (start <= mentions[0].start and m.end <= end):
        return None
    if not _PARALLEL.search(text, max(start, m.start - 15), m.start) or not _ALSO_AFTER.match(text, m.end):
        return None
    return {0, i}, set()


def _sources(text: str, start: int, end: int, mentions: Sequence[Spanned]) -> set[int]:
    """"a cockpit chip from Qualcomm, ... while the cells come from BYD": the names that follow
    "from", and the names listed with them, are suppliers side by side, not partners."""
    return set().union(*_runs_after(text, start, end, mentions, _FROM_BEFORE, 6))


# What one buys from several sellers: "Toyota buys batteries from CATL and BYD", "Nio sources chips from
# Nvidia and Qualcomm" (not a joint product's makers, "new software from Mercedes-Benz and Nvidia", nor a
# lead-in, "With chips from Nvidia, Toyota will ...")
_BOUGHT_FROM_BEFORE = re.compile(r"\b(?:buy|bought|sourc|purchas|procur|order|get|gets|got|take|takes|took|import)\w*"
                                 r"\s+(?:[\w$.,%-]+\s+){0,5}?from\s+$", re.IGNORECASE)
# (the sellers listed: "CATL, LG and Panasonic", not across ", and" where a clause of its own starts)
_SELLERS_GAP = re.compile(r"\s*(?:,(?!\s*and\b)|and|&|or)\s*", re.IGNORECASE)


def _bought_from(text: str, start: int, end: int, mentions: Sequence[Spanned]) -> list[set[int]]:
    return [set(run) for run in _runs_after(text, start, end, mentions, _BOUGHT_FROM_BEFORE, 60, _SELLERS_GAP)
            if len(run) > 1]


def _runs_after(text: str, start: int, end: int, mentions: Sequence[Spanned], before: re.Pattern[str],
                reach: int, gap: re.Pattern[str] | None = None) -> list[list[int]]:
    """The lists of names (`run_starting`) that `before`, within `reach` characters, leads into:
    "from Qualcomm", "buys batteries from CATL and BYD". A name is in one list at most."""
    runs: list[list[int]] = []
    seen: set[int] = set()
    for i in _within(mentions, start, end):
        if i not in seen and before.search(text, max(start, mentions[i].start - reach), mentions[i].start):
            runs.append(run_starting(text, i, mentions, gap))
            seen.update(runs[-1])
    return runs


def _later(text: str, start: int, end: int, mentions: Sequence[Spanned],
           i: int) -> tuple[set[int], set[int]] | None:
    """"Hyundai announced $21 billion of US investment, months after SoftBank promised $100
    billion": an earlier move by another company, on the subject's side. Not when that company
    is named before in the sentence ("Ford signed with Baidu, weeks after Baidu ...")."""
    m = mentions[i]
    if not (start <= mentions[0].start and m.end <= end) or not _TIME_AFTER.search(
            text, max(start, m.start - 30), m.start):
        return None
    name = text[m.start:m.end].lower()
    if any(text[k.start:k.end].lower() == name for k in mentions[:i]):
        return None
    return {0, i}, set()


def _funded_from(text: str, end: int, mentions: Sequence[Spanned],
                 found: re.Match[str]) -> tuple[set[int], set[int]]:
    investors = set(_within(mentions, found.end(), _clause_end(text, found.end(), end)))
    receivers = {i for i, m in enumerate(mentions) if m.end <= found.start()}
    return investors, receivers


def _invested_in(text: str, start: int, end: int, mentions: Sequence[Spanned],
                 found: re.Match[str]) -> tuple[set[int], set[int]] | None:
    """The first "in X" after the investment word whose X is a named company or a startup."""
    for into in _IN.finditer(text, found.end(), min(end, found.end() + 150)):
        receiver = _receiver(text, into.end(), mentions)
        if receiver is None:
            continue
        investors = set(_within(mentions, _clause_start(text, start, found.start()), into.start())) - receiver
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


def _alongside(text: str, start: int, end: int, mentions: Sequence[Spanned],
               found: re.Match[str]) -> tuple[set[int], set[int]]:
    """Who led, joined or took part in a round (the list before the verb) and those alongside
    them (`_ROUND_ALONGSIDE`): one side."""
    before = _within(mentions, _clause_start(text, start, found.start()), found.start())
    stop = _clause_end(text, found.end(), end)
    cut = _ALONGSIDE_END.search(text, found.end(), stop)
    after = _within(mentions, found.end(), cut.start() if cut else stop)
    return (_run_ending(text, before[-1], mentions) if before else set()) | set(after), set()


def _within(mentions: Sequence[Spanned], start: int, end: int) -> list[int]:
    """Indexes of the names wholly inside text[start:end], in order."""
    return [i for i, m in enumerate(mentions) if start <= m.start and m.end <= end]


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


# Holdings of one investor: "Qatar's sovereign fund raises Volkswagen stake, adds Nvidia shares",
# "lifted its holding in Volkswagen AG to 12.1% and built a position of about $2 billion in Nvidia".
# Not the holder's: "Toyota's stake in Pony.ai", "Toyota stake in Pony.ai rises".
# Nor a share price: "Toyota shares rise on Pony.ai stake purchase".
_HOLDING_AFTER = re.compile(
    r"\s+(?:stake|shares|holdings?)\b(?!\s+(?:in|of)\b)(?!\s+(?:[\w-]+\s+)?(?:ris|rose|up\b|down\b|fall|fell|jump|gain"
    r"|climb|soar|surg|slump|dip|tumbl|slid|rall|drop|plung|sink|sank|edg|trad|clos|open|extend|hit|reach|slip|leap)\w*)",
    re.IGNORECASE)
_HOLDING_BEFORE = re.compile(r"\b(?:holding|stake|position|shares)s?\s+(?:(?:of|worth)\s+[^,;]{0,30}?\s+)?in\s+$"
                             r"|\b(?:buy|buys|bought|buying)\s+(?:more\s+|new\s+|additional\s+|some\s+)?shares\s+of\s+$"
                             r"|\bsold\s+(?:about\s+|some\s+)?[\d.,]+\s+(?:million\s+|billion\s+)?shares\s+of\s+$",
                             re.IGNORECASE)
# The backers an appositive names: one side, each the backer of the company it describes, not each
# other's partners ("Rapidus, the chip foundry backed by Toyota, Sony and NTT, lands first
# customer"; "Argo AI, the self-driving startup backed by Ford and Volkswagen, is shutting down").
# Three or more of them, and not a venture's (its two owners are its parties: "Zhuifeng, a joint
# venture backed by Toyota and Pony.ai").
_BACKED_BY_BEFORE = re.compile(r",\s+(?:the|a|an)\s+(?![^,]*\b(?:venture|jv|alliance|consortium)\b)[^,]{0,50}?"
                               r"\bbacked\s+by\s+$", re.IGNORECASE)
# (not "Toyota taps Nvidia and rival Qualcomm", "after rival Porsche signed one": lists and precedents)
_RIVAL_NAMED_BEFORE = re.compile(r"\b(?:as|while|when)\s+rival\s+$", re.IGNORECASE)
# A list of one company's affiliates or customers: "not only to its affiliates Hyundai Motor and Kia".
_ROLE_LIST_BEFORE = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+)?(?:affiliates|sister\s+compan(?:y|ies)"
                               r"|group\s+compan(?:y|ies)|subsidiaries|customers|clients)\s+$", re.IGNORECASE)


def holdings_and_affiliates(text: str, start: int, end: int, parties: Sequence[Spanned]) -> set[tuple[int, int]]:
    """Index pairs of parties that stand side by side as holdings of one investor, as one
    company's affiliates or customers, or as its backers, not as each other's partners."""
    out: set[tuple[int, int]] = set()
    sentence = text[start:end]
    if "stake" in sentence or "share" in sentence or "holding" in sentence or "position" in sentence:
        held = {i for i, m in enumerate(parties) if _HOLDING_AFTER.match(text, m.end)}
        for i, m in enumerate(parties):  # "raises stakes in Toyota and Sony": the list after it
            if i not in held and _HOLDING_BEFORE.search(text, max(0, m.start - 60), m.start):
                held.update(run_starting(text, i, parties))
        out |= {(i, j) for i in held for j in held if i < j}
    if "rival" in sentence:  # "BMW unmoved as rival Mercedes signs lidar deal": not each other's partners
        for i, m in enumerate(parties):
            if _RIVAL_NAMED_BEFORE.search(text, max(0, m.start - 12), m.start):
                out |= {(j, i) for j in range(i)}
    if ("affiliates" in sentence or "customers" in sentence or "clients" in sentence or "subsidiaries" in sentence
            or " compan" in sentence or "backed by" in sentence):
        for i, m in enumerate(parties):
            window = max(0, m.start - 60)
            backed = _BACKED_BY_BEFORE.search(text, window, m.start)
            if backed or _ROLE_LIST_BEFORE.search(text, window, m.start):
                run = run_starting(text, i, parties)
                if len(run) >= 3 or not backed:
                    out |= {(a, b) for a in run for b in run if a < b}
    return out
