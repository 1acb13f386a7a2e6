"""Deal language: does a sentence report a tie-up, and of which kind?

Kinds are tried in priority order, so "in talks to form a joint venture" is talks and
"ends its partnership" is ended. Words such as "deal" or "uses" are weak: a sentence about a
recall, a rivalry or a Black Friday sale needs a strong deal word to count.
"""

from __future__ import annotations

import re

DEAL_TYPES = (
    "ended", "talks", "mou", "joint-venture", "stake", "acquisition", "investment", "licensing",
    "supply", "partnership",
)

_STRONG = {
    "ended": r"end(?:s|ed|ing)? (?:its |their |the )?(?:partnership|alliance|tie-?up|collaboration|cooperation|deal|agreement|joint venture|relationship)"
    r"|terminat\w+|scrap(?:s|ped|ping)?|unwind\w*|unwound|dissolv\w+|pull(?:s|ed|ing)? (?:out|the plug)|exit(?:s|ed|ing)?"
    r"|walk(?:s|ed)? away|wind(?:s|ing)? down|shut(?:s|ting)? down|call(?:s|ed)? off|collaps\w+|abandon\w*|sever\w*|divest\w*"
    r"|(?:sell|sells|sold|selling) (?:its|their|a|the) (?:remaining )?stake|part ways|parting ways|no longer",
    "talks": r"in talks|(?:held|holding|hold|enter(?:s|ed)?|advanced|early|preliminary) talks|talks (?:with|to|on|over|about)"
    r"|negotiat\w+|explor(?:e|es|ed|ing) (?:a |an |the |possible |potential )?(?:partnership|tie-?up|cooperation|collaboration|deal|alliance|joint venture|investment|stake)"
    r"|consider(?:s|ed|ing)? (?:a |an )?(?:partnership|tie-?up|deal|investment|stake)|in discussions?|discuss(?:es|ed|ing)? (?:a |an )?(?:partnership|tie-?up|deal|cooperation)",
    "mou": r"memorand(?:um|a) of understanding|MoUs?|MOUs?|letters? of intent|LOI|framework agreement|strategic cooperation agreement|non-binding agreement",
    "joint-venture": r"joint[- ]ventures?|JVs?|joint company|jointly[- ]owned|50[-:/]50 venture|co-?found\w*",
    "stake": r"stakes?|equity (?:investment|interest|deal)|shareholding|minority interest|shares? in",
    "acquisition": r"acquir\w+|acquisition|takeover|take over|buy(?:s|ing)? (?:out )?(?:the |its |a )?(?:unit|business|division|startup|company)|bought",
    "investment": r"invest\w*|funding|financing round|series [a-f]\b|raise[sd]?|capital injection|back(?:s|ed|ing)? |led the round|round led",
    "licensing": r"licen[cs]\w*|royalt\w+",
    "partnership": r"partner\w*|collaborat\w+|co-?operat\w+|team(?:s|ed|ing)? up|tie[- ]?ups?|ti(?:e|es|ed|ing) up|join(?:s|ed|ing)? (?:forces|hands)"
    r"|alliances?|agreements?|pacts?|ink(?:s|ed|ing)?|sign(?:s|ed|ing)?|co-?develop\w*|jointly|work(?:s|ed|ing)? (?:together|with|closely)"
    r"|strategic (?:deal|cooperation|partnership|collaboration)|cooperation|integrat\w+",
}
_WEAK = {
    "supply": r"suppl(?:y|ies|ier|iers|ied|ying)|orders?|ordered|deliver\w*|deploy\w*|provid\w+|power(?:s|ed|ing)? "
    r"|equip\w*|(?:to|will) use|uses|using|adopt\w*|choos\w+|chose|chosen|select\w*|pick(?:s|ed)?|tap(?:s|ped)?"
    r"|fleet|sourc\w+|contract\w*|robotaxis?|build (?:for|with)|built (?:by|for|with)|launch(?:es|ed)? .{0,40} with|runs? on|powered by|based on",
    "partnership": r"deals?|agree(?:s|d)?|together|with the help of|backed",
}
_DAMPERS = re.compile(
    r"\b(?:recall\w*|lawsuits?|sues?|sued|suing|rival\w*|compet\w+|outsell\w*|outsold|beats?|overtak\w+|versus|vs\.?"
    r"|black friday|cyber monday|discount\w*|lease deals?|best deals?|deals? on|sale price|price cuts?|% off"
    r"|probe|investigat\w+|fine[sd]?|earnings|quarterly|profit|revenue|poach\w*|hires?|hired|joins? as|former)\b",
    re.IGNORECASE,
)


def _compile(table: dict[str, str]) -> re.Pattern[str]:
    parts = [f"(?P<{kind.replace('-', '_')}>{pattern})" for kind, pattern in table.items()]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


_STRONG_RE = _compile(_STRONG)
_WEAK_RE = _compile(_WEAK)
# "MoU" and "JV" only count in capitals: "mou" and "jv" in lower case are other words.
_CASE_SENSITIVE = {"mou", "mous", "jv", "jvs", "loi"}


def _kinds(pattern: re.Pattern[str], sentence: str) -> set[str]:
    kinds = set()
    for found in pattern.finditer(sentence):
        if found.group().lower() in _CASE_SENSITIVE and found.group().islower():
            continue
        kinds.add(found.lastgroup.replace("_", "-"))
    return kinds


def deal_type_of(sentence: str) -> str | None:
    """The deal type a sentence reports, or None when it reports no deal."""
    kinds = _kinds(_STRONG_RE, sentence)
    if not kinds and not _DAMPERS.search(sentence):
        kinds = _kinds(_WEAK_RE, sentence)
    return next((kind for kind in DEAL_TYPES if kind in kinds), None)
