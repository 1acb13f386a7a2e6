"""Market reports: names that stand for their shares, not for a party to a deal.

"Shares of carmakers Ford and GM fell while Nvidia rose" names three companies and no tie-up.
Like `marketwatch.sides`, this only reads the sentence; the matcher leaves the names it finds
out of the sentence's parties, and does not pair names whose shares each make their own move
("Xiaomi rose 6% after YU7 orders beat forecasts, while Alibaba climbed on a cloud agreement").
Japanese and Chinese reports word it "トヨタは続落", "ソフトバンクG大幅高、OpenAI追加出資を好感".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from marketwatch.sides import Spanned, lists

# The moves of a share price, and the reason a move may give ("... after it agreed to invest").
_MOVES = (r"(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|gain(?:s|ed|ing)?|jump(?:s|ed|ing)?|slip(?:s|ped|ping)?"
          r"|slid(?:e|es|ing)?|drop(?:s|ped|ping)?|climb(?:s|ed|ing)?|surg(?:e|es|ed|ing)|soar(?:s|ed|ing)?"
          r"|tumbl(?:e|es|ed|ing)|sank|sink(?:s|ing)?|rall(?:y|ies|ied|ying)|plung(?:e|es|ed|ing)|slump(?:s|ed|ing)?"
          r"|declin(?:e|es|ed|ing)|edg(?:e|es|ed|ing) (?:up|down|higher|lower)|(?:were|was) (?:up|down))(?!\w)")
_SHARES_OF = re.compile(r"\b(?:shares|stocks?)\s+(?:of|in)\s+(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
_MOVE = re.compile(rf"\s+(?:[\w-]+\s+)?{_MOVES}", re.IGNORECASE)
_SHARES_MOVE = re.compile(rf"(?:['’]s)?\s+(?:shares|stocks?)\s+(?:[\w-]+\s+)?{_MOVES}", re.IGNORECASE)
_REASON = re.compile(r"(?:\s+[\w%$.,-]+){0,3}?\s+(?:after|on|as|following|amid|because)\b", re.IGNORECASE)
# A name and its move with no "shares": "Xiaomi rose 6%", "BYD added 3%", "Alibaba climbed on a
# deal" (a bare move needs a percentage or a reason: "Ford dropped the plan" is a deal ended).
_PERCENT_MOVE = re.compile(
    rf"\s+(?:{_MOVES}|add(?:s|ed)|lost|los(?:es|ing)|shed)\s+(?:by\s+)?(?:as much as\s+|nearly\s+|almost\s+"
    r"|more than\s+|about\s+|over\s+)?[\d.]+\s?%", re.IGNORECASE)
# "Alibaba climbed on a cloud deal": a bare move counts only with a reason right after it.
_BARE_MOVE = re.compile(rf"\s+{_MOVES}(?=\s+(?:on|after|following)\b)", re.IGNORECASE)
# Japanese and Chinese market reports: "ソフトバンクG大幅高、OpenAI追加出資を好感　トヨタは続落" (SoftBank
# Group surges, welcoming the OpenAI investment; Toyota falls again), "宁德时代股价上涨". The move ends
# its word (not "高性能", "安全"); a reason follows after a comma ("、OpenAI追加出資を好感").
_CJK_MOVE = re.compile(
    r"(?:グループ|G|HD|ホールディングス)?(?:の)?(?:株価?|股价|股票)?[はが]?(?:大幅|一時)?"
    r"(?:続落|続伸|反落|反発|急伸|急落|急騰|大幅高|大幅安|上昇|下落|値上がり|値下がり|高|安|大涨|大跌|上涨|下跌|走高|走低"
    r"|涨停|跌停|收涨|收跌|涨|跌)(?=[、。，,\s\d％%]|$)")
_CJK_REASON = re.compile(r"[、，,]")
# Where a move's reason ends: "Hyundai, Samsung rally on Nvidia chip deals; Kia fell" names Kia
# in another clause, not in the reason.
_CLAUSE_STOP = re.compile(r";|,\s*(?:while|whereas|but)\b|\n")
# "Xiaomi and BYD lead gains": a rank among the day's movers, whatever follows it.
_LEAD = re.compile(r"\s+lead(?:s|ing)?\s+(?:the\s+)?(?:gains|losses|gainers|losers|decliners|advances|declines"
                   r"|rally|slide|sell-?off)\b", re.IGNORECASE)


def stock_moves(text: str, mentions: Sequence[Spanned]) -> set[int]:
    """Indexes of names that stand for their shares in a market report: "while shares of
    carmakers Ford and General Motors fell", "Ford and GM shares slipped", "BYD added 3%". Not
    when a reason follows the move ("Rivian shares soar after VW investment"): that reason may be
    the deal."""
    return {i for run, reason in _moving(text, mentions) if not reason for i in run}


def separate_moves(text: str, mentions: Sequence[Spanned]) -> set[tuple[int, int]]:
    """Index pairs (i < j) of names whose shares make moves of their own, each with its own
    reason: "Xiaomi rose 6% after YU7 orders beat forecasts, while Alibaba climbed on a cloud
    agreement" pairs neither with the other. Names listed as one ("Nio and CATL shares rose after
    they signed") make one move."""
    moving = _moving(text, mentions)
    runs = [run for run, _ in moving]
    apart = {(min(i, j), max(i, j)) for a, first in enumerate(runs) for second in runs[a + 1:]
             for i in first for j in second}
    # "Hyundai, Samsung rally on Nvidia chip deals": a reason that names another company tells of
    # each one's deal with it, not of a deal between the names listed.
    for run, reason in moving:
        if reason and len(run) > 1:
            after = mentions[run[-1]].end
            stop = _CLAUSE_STOP.search(text, after)
            if any(after < m.start and (stop is None or m.start < stop.start()) for m in mentions):
                apart |= {(i, j) for i in run for j in run if i < j}
    return apart


def _moving(text: str, mentions: Sequence[Spanned]) -> list[tuple[list[int], bool]]:
    """Each list of names whose shares move, and whether a reason follows the move."""
    out = []
    for run in _runs(text, mentions):
        first, last = mentions[run[0]], mentions[run[-1]]
        if _LEAD.match(text, last.end):
            out.append((run, False))
            continue
        before = _SHARES_OF.search(text, max(0, first.start - 40), first.start)
        move = (_MOVE.match(text, last.end) if before else _SHARES_MOVE.match(text, last.end)
                or _PERCENT_MOVE.match(text, last.end) or _BARE_MOVE.match(text, last.end))
        if move:
            out.append((run, _REASON.match(text, move.end()) is not None))
        elif not text.isascii() and (move := _CJK_MOVE.match(text, last.end)):
            out.append((run, _CJK_REASON.match(text, move.end()) is not None))
    return out


def _runs(text: str, mentions: Sequence[Spanned]) -> list[list[int]]:
    """The sentence's names in lists ("Ford and General Motors"), each name alone a list of one."""
    runs = lists(text, mentions)
    listed = {i for run in runs for i in run}
    return runs + [[i] for i in range(len(mentions)) if i not in listed]
