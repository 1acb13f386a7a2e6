"""What is so already, or was before, told beside the news: a deal word that names it is no news.

"Wayve already licenses its software to Nissan", "previously", "after years of supplying it to
Audi", "through their joint venture", "under a partnership the two companies announced back in
2020", German "bereits", Chinese 此前. Split from marketwatch.deal_guards (which asks `is_already`
first of its reasons to set a deal word aside); the year and the past deal named by when it was
made (`YEAR`, `PAST_DEAL_AFTER`) serve marketwatch.match's history of a sentence and deal_guards'
analyst's reasons too. Pure functions of the lower-cased, masked sentence.
"""

from __future__ import annotations

import re

# What is so already is no news: "Wayve already licenses its AI driving software to Nissan", "Volvo
# already runs driverless loads ... with Aurora", "A Uber já tem acordos semelhantes com BYD", "Aptiv
# liefert solche Steuergeräte bereits an mehrere Hersteller". A present tense right after the word
# ("already licenses", "is already supplying"), or a noun after has/tem and a determiner ("already
# has a partnership"); not a deal done ("already signed", "déjà signé", "ya cerró", "already chosen"),
# "already close partnership", nor Spanish and Portuguese "ya que"/"já que" (since).
_HAS = (r"(?:has|have|had|holds?|is|are|was|were|tem|têm|tinha|tiene|tienen|tenía|a|ont|avait|est|es|é"
        r"|mantém|mantiene)")
_DET = r"(?:a|an|um|uma|un|una|une|its|their|sus?|seus?|suas?|ses|leurs?)"
# (and a word of kind: "already has similar integrations with BMW and Mercedes-Benz")
_ALREADY_HAS = re.compile(rf"\b(?:already|já|ya|déjà)\s+(?:{_HAS}\s+(?:{_DET}\s+)?|{_DET}\s+)"
                          r"(?:(?:similar|such|existing|other|comparable)\s+)?$")
_ALREADY_NEXT = re.compile(r"\b(already|já|ya|déjà)\s+$")
_DONE_ENDINGS = ("ou", "ó", "é", "ée", "és", "ado", "ada", "ido", "ida", "eu", "iu", "ió")
# ... and what was so before, in any tense: "VinFast sebelumnya telah memasok ribuan mobil untuk Grab",
# "Trước đó, VinFast đã hợp tác với Nvidia"; not "previously announced" (a deal told now).
_PREVIOUSLY_BEFORE = re.compile(
    r"\b(?:previously|sebelumnya|trước đây|trước đó),?\s+(?!(?:announced|reported|disclosed|undisclosed|unannounced"
    r"|unreported|unveiled|flagged|signall?ed|outlined|mentioned)\b)(?:[\w-]+\s+){0,2}$")
# German: "liefert ... bereits an": a verb (in small letters) that "bereits" or "schon" follows; a noun
# only with a past ("bereits 2024 angekündigt", "schon seit"); not "schon bald" nor with a future.
_ALREADY_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:bereits|schon)\b(?!\s+(?:bald|ab|jetzt|heute|künftig|nächst\w*)\b)")
_GERMAN_PAST = re.compile(r"\s+(?:seit\b|(?:19|20)\d\d\b)")
_GERMAN_FUTURE = re.compile(r"\b(?:soll|sollen|wird|werden|will|wollen|plant|planen)\b")
# A year, with its month or part: "2016", "January 2016", "early 2023" (also marketwatch.match's
# history of a sentence)
_YEARS_PART = r"(?:(?:early|late|mid-?)\s*)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?"
YEAR = _YEARS_PART + r"(?:19|20)\d\d"
A_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")  # any year a story names
# A deal of the past named by when it was made, where an analyst weighs it: "arguing that the robotaxi
# agreement with Uber signed last year will not contribute", "citing ... the partnership with Toyota
# agreed in 2025" (not news of such a deal: "Uber doubles the robotaxi deal with Lucid signed last
# year", "Renault cancels software deal with Google signed in 2022"; nor one renewed or changed now)
# (the verb found itself too: "signed last year")
_MADE = r"(?:signed|agreed|struck|reached|inked|sealed|formed|set\s+up)"
_THEN_SAID = (r"last\s+(?:year|month|spring|summer|autumn|fall|winter)|earlier\s+this\s+year"
              r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+years?\s+ago")
_THEN = rf"(?:{_THEN_SAID}|(?:in|back\s+in)\s+{YEAR})\b"
_MADE_THEN = _MADE + r"\s+" + _THEN
PAST_DEAL_AFTER = re.compile(r"(?:\s+with\s+x{2,}(?:\s+(?:and|&)\s+x{2,})?)?,?\s+(?:(?:that|which)\s+(?:was\s+|were\s+|it\s+|they\s+)?)?"
                              + _MADE_THEN)
MADE_THEN_HERE = re.compile(_MADE_THEN)
# A deal told as made then, its verb first: "Lucid signed its robotaxi deal with Uber and Nuro last
# year", "Toyota formed the venture with Pony.ai in 2024" (background to the news)
# ... or dated in a parenthesis after it: "Ford's licence for CATL's LFP cells at its Marshall plant, signed
# in 2023, shows how hard ...", and a past investment in a relative clause: "and Lucid, in which it
# invested $300 million last year"
_DATED_APART_AFTER = re.compile(r"[^.;:]{0,80}?,\s+" + _MADE_THEN + r"\s*,")
# (not one changed now: "Renault ends its software partnership with Google, agreed in 2021", "Uber doubles
# its robotaxi deal with Lucid, signed last year")
_CHANGED = re.compile(r"\b(?:end|expand|extend|renew|doubl|tripl|cancel|scrap|widen|deepen|broaden|terminat|drop|halt"
                      r"|amend|rework|revis|scal\w*\s+back|cut|trim|buy\w*\s+more|under)\w*")
_DATED_APART_HERE = re.compile(_MADE_THEN + r"\s*,")
_IN_WHICH_BEFORE = re.compile(r"\b(?:in|with)\s+which\s+(?:it|they|x{2,})\s+(?:had\s+)?$")
_THEN_LATER = re.compile(r"[^.;:]{0,60}?\b(?:" + _THEN_SAID + r")\b")  # (not "in January 2025": a filing's news)
_MADE_ITS_BEFORE = re.compile(_MADE + r"\s+(?:its|their|a|an|the)\s+(?:[\w-]+\s+){0,3}$")
# (not "in 2023": "Xpeng signed the joint development agreement with Volkswagen in 2023" may be what
# the story's news comes from)
_WITH_THEN = r"(?:\s+with\s+x{2,}(?:(?:,\s+|\s+(?:and|&)\s+)x{2,})*)?\s+(?:" + _THEN_SAID + r")\s*(?:[.;]|$)"
_THEN_AFTER = re.compile(_WITH_THEN)
_ITS_DEAL_THEN_AFTER = re.compile(r"\s+(?:its|their|a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:deal|agreement|pact|contract"
                                  r"|partnership|joint\s+venture|venture|memorandum|mou)s?\b(?:\s+of\s+understanding)?"
                                  + _WITH_THEN)
# What a company has done for long, told beside the news: "after years of supplying it to Audi and
# Volkswagen"; and a venture that already is, the means of another deal: "licenses the same technology to
# Volkswagen through their joint venture" (not "through their new joint venture")
_YEARS_OF_BEFORE = re.compile(r"\b(?:after|following|with)\s+(?:many\s+|several\s+|\d+\s+)?(?:years|decades|a\s+decade)"
                              r"\s+of\s+$")
_THROUGH_THEIR_BEFORE = re.compile(r"\b(?:through|via)\s+their\s+(?:(?:existing|current|long-?standing|older)\s+)?$")
# A deal named as what something is or runs under, with the year it was made: "under a partnership the
# two companies announced back in 2020", "Sony Honda Mobility, the joint venture Sony and Honda set up
# in 2022" (not "Uber doubles the robotaxi deal signed last year": no "under", no apposition)
_AN_OLD_DEAL_BEFORE = re.compile(r"(?:\bunder\s+(?:a|an|the|its|their)|,\s+the|\s[—–]\s+the)\s+(?:[\w-]+\s+){0,2}$")
# (or its participle alone: "software developed under the Nvidia agreement signed in 2022")
_MADE_IN_A_YEAR_AFTER = re.compile(r"(?:\s+with\s+x{2,}(?:\s+(?:and|&)\s+x{2,})?)?"
                                   r"(?:(?:\s+(?:that|which))?\s+(?:the\s+two(?:\s+companies)?|they|x{2,}(?:\s+(?:and|&)\s+x{2,})?))?"
                                   r"\s+(?:announced|signed|agreed|struck|formed|set\s+up|founded|established|created"
                                   rf"|launched)\s+(?:back\s+)?in\s+{YEAR}\b")

_MADE_RIGHT = re.compile(r"signed|agreed|struck|reached|inked|sealed|formed|announced")
_UNDER_A_DEAL_BEFORE = re.compile(r"\bunder\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:alliance|deal|partnership"
                                  r"|agreement|pact|joint\s+venture|tie-up|contract|accord|collaboration)s?"
                                  r"(?:\s+with\s+x{2,}(?:\s+(?:and|&)\s+x{2,})?)?\s+$")
_IN_A_YEAR_AFTER = re.compile(rf"\s+(?:back\s+)?in\s+{YEAR}\b")

# A standing that began long ago: "Volkswagen has been Gotion's largest shareholder since 2020", "has
# been a Mobileye customer for a decade"
_HAS_BEEN_SINCE = re.compile(r"\b(?:has|have)\s+been\s+(?:x{2,}['’]s\s+|(?:a|an|the|its|their)\s+)?"
                             r"(?:(?!named|picked|chosen|selected|appointed|tapped)[\w-]+\s+){0,2}?"
                             r"(?:shareholder|investor|partner|supplier|customer|backer|owner)s?\s+(?:of\s+x{2,}\s+)?"
                             r"(?:since\s+" + YEAR + r"|(?:since|for)\s+(?:(?:a|one|two|three|four|five|\d+|many|several)\s+"
                             r"(?:years?|decades?)|years|decades|a\s+decade))\b")
# ... or a deal kept up since a year: "the ProAI computer the group has supplied to Volvo Cars on Nvidia
# chips since 2022", "has worked with Baidu since 2019"
_HAS_DONE_SINCE = re.compile(r"\b(?:has|have)\s+(?:been\s+)?(?:suppl\w+|provid\w+|work\w*\s+with|relied\s+on"
                             r"|partner\w*\s+with|us(?:ed|ing))\b[^.;:,]{0,60}?\bsince\s+" + YEAR + r"\b")
# A past year's event the news is set against: "a far cry from 2022 when Ford and VW shut down Argo AI"
_WHEN_THEN_BEFORE = re.compile(r"\b(?:from|in|back\s+in|since|until)\s+" + YEAR
                               + r",?\s+when\s+(?!(?:[\w'’.-]+\s+){0,5}?(?:will|would|plans?|is\s+to|are\s+to)\b)"
                               r"(?:[\w'’.&-]+\s+){0,5}$")


# A deal word in a past tense: "when Ford and VW shut down Argo AI", "when Toyota invested"
_PAST_WORD = re.compile(r"(?:\w+ed|shut|set|struck|took|won|made|began|went|sold|bought|led|hit|quit|broke|chose|gave|held|sought"
                        r"|inked|paid|spent)\b")
# A deal named by its year: "the 2016 alliance with Intel and Mobileye"
# ... recalled: not one the news is about ("completes the 2025 investment", "revive the 2018 alliance")
_A_YEARS_DEAL_BEFORE = re.compile(r"\b(?:reflect\w*\s+on|look\w*\s+back\s+(?:on|at)|recall\w*|remember\w*|since"
                                  r"|after|before|following|unlike|like|reminiscent\s+of|echo\w*|years\s+after)"
                                  r"\s+(?:the|its|their)\s+(?:19|20)\d\d\s+$")
_DEAL_NOUN = re.compile(r"(?:alliance|deal|partnership|agreement|pact|joint venture|tie-up|investment|contract"
                        r"|accord|collaboration)s?\b")


def is_already(lowered: str, sentence: str, found: re.Match[str], before: str) -> bool:
    """Does the deal word tell what is so already, or was before (the patterns above)? Substring
    tests first: most sentences have none of these words."""
    word = found.group()
    if ("previous" in before or "sebelumnya" in before or "trước" in before) and _PREVIOUSLY_BEFORE.search(before):
        return True
    if (("years of" in before or "decade of" in before or "through their" in before)
            and (_YEARS_OF_BEFORE.search(before) or _THROUGH_THEIR_BEFORE.search(before))):
        return True  # "after years of supplying it to Audi", "licenses it to Volkswagen through their joint venture"
    if (" in " in lowered[found.end():found.end() + 80] and _AN_OLD_DEAL_BEFORE.search(before)
            and _MADE_IN_A_YEAR_AFTER.match(lowered, found.end())):
        return True  # "uses Nvidia's Drive platform under a partnership the two companies announced back in 2020"
    if (" in " in lowered[found.end():found.end() + 12] and _MADE_RIGHT.fullmatch(word)
            and _UNDER_A_DEAL_BEFORE.search(before) and _IN_A_YEAR_AFTER.match(lowered, found.end())):
        return True  # ... and its participle: "developed under the Nvidia agreement signed in 2022"
    if (" ago" in lowered or "last " in lowered or " in " in lowered or "earlier" in lowered) and (
            (_MADE_ITS_BEFORE.search(before) and _THEN_AFTER.match(lowered, found.end()))
            or _ITS_DEAL_THEN_AFTER.match(lowered, found.end())):
        return True  # "Lucid signed its robotaxi deal with Uber and Nuro last year."
    if _may_be_dated_apart(lowered) and (_DATED_APART_AFTER.match(lowered, found.end()) or (
            before.endswith(", ") and _DATED_APART_HERE.match(lowered, found.start()))) and not (
            _CHANGED.search(before) or _CHANGED.search(found.group())):
        return True  # "Ford's licence for CATL's cells at its plant, signed in 2023, shows ..."
    if "which" in before and _IN_WHICH_BEFORE.search(before) and _THEN_LATER.match(lowered, found.end()):
        return True  # "and Lucid, in which it invested $300 million last year"
    if " been " in before and any(m.start() < found.start() < m.end() for m in _HAS_BEEN_SINCE.finditer(
            lowered, max(0, found.start() - 60), found.end() + 60)):
        return True  # (the deal word the standing's own: not "has been a partner for years and will now supply")
    # (These go by the words alone, not by today's year: `Matcher.match` is pure, and a rematch next
    # year must give the same verdicts.)
    if " since " in lowered[found.end():found.end() + 80] and any(
            m.start() <= found.start() < m.end()
            for m in _HAS_DONE_SINCE.finditer(lowered, max(0, found.start() - 20), found.end() + 80)):
        return True  # (within its clause: not "has supplied Tesla with new cells, the first since 2020")
    if " when " in before and _WHEN_THEN_BEFORE.search(before) and _PAST_WORD.match(word):
        return True  # (what was done then: "In 2027, when Hyundai begins supplying ..." is ahead)
    if _A_YEARS_DEAL_BEFORE.search(before) and _DEAL_NOUN.match(word):
        return True  # "reflected on the 2016 alliance with Intel and Mobileye" (not "completes the 2025 investment")
    if ("此前" in before and _before_this(before)) or ("曾" in before and _once(before)):
        return True
    if word.endswith("ed"):
        return False
    if "ready" in before or "já" in before or "ya " in before or "déjà" in before:
        if _ALREADY_HAS.search(before):
            return True
        next_to = _ALREADY_NEXT.search(before)
        if next_to:
            first = word.split()[0]
            if next_to.group(1) == "already":
                return first.endswith(("s", "ing"))
            return not first.endswith(_DONE_ENDINGS)
    if "bereits" in lowered or "schon" in lowered:
        after = _ALREADY_AFTER.match(lowered, found.end())
        if after is None or _GERMAN_FUTURE.search(lowered):
            return False
        if sentence[found.start():found.start() + 1].islower():  # a verb: "liefert ... bereits an"
            return True
        return _GERMAN_PAST.match(lowered, after.end()) is not None
    return False


def _may_be_dated_apart(lowered: str) -> bool:
    return any(f", {verb}" in lowered for verb in ("signed", "agreed", "struck", "formed", "inked", "sealed", "reached",
                                                    "set up"))


# What follows 曾 (once, formerly) when it is that word and not the surname (曾毓群, CATL's chairman;
# 曾庆洪, GAC's): a verb or a preposition
_ONCE_THEN = "与和跟同在于向为投入推合联搭采签参领获共携牵达考先一"
# ... and not after a post, whose holder's surname it is ("长城汽车副总裁曾和平与高通签署")
_POSTS = ("总裁", "董事长", "总经理", "经理", "首席执行官", "CEO", "负责人", "创始人", "董事", "主席", "部长", "主任", "院长",
          "总监", "副总", "高管", "老总")


def _once(before: str) -> bool:
    """"早在 2020 年比亚迪就曾与滴滴联合推出定制车型" (BYD had once launched a car with Didi), "日产、广汽
    曾在早期轮次中投资文远知行" (had invested in early rounds): 曾 (曾经) in the deal word's own clause.
    Not 曾 in a modifier, which 的 ends ("曾投资小马智行的丰田汽车宣布与小马智行成立合资公司": Toyota,
    which once invested, forms a venture now), nor the surname after a post."""
    at = before.rindex("曾")
    after = before[at + 2:] if before.startswith("曾经", at) else before[at + 1:]
    return (after[:1] in _ONCE_THEN and not any(c in after for c in "，,；;。的")
            and not before[:at].endswith(_POSTS))


def _before_this(before: str) -> bool:
    """"此前，小马智行已与丰田…合作" (before this, Pony.ai had worked with Toyota): 此前 starts the deal's
    own clause. Not another clause ("蔚来此前宣布裁员，公司今日表示将与高通签署") nor "unlike / after /
    according to what came before" (与此前传闻不同, 继此前, 据此前)."""
    at = before.rindex("此前")
    clause = before[at + 2:].lstrip("，, ")
    return before[at - 1:at] not in ("与", "继", "比", "较", "据") and not any(c in clause for c in "，,；;。")


# -- a deal dated to a year, told beside the story's news ----------------------------------------

# Where a sentence dates what it tells to a year: "Honda put $2.75 billion into Cruise in 2018", "2018:
# Toyota invests $500 million in Uber's self-driving programme", "built under a 2018 agreement with
# Jaguar Land Rover", "the unit Toyota's Woven Planet bought in May 2021"
_DEAL_NOUNS = (r"(?:alliance|deal|partnership|agreement|pact|joint\s+venture|venture|tie-up|investment|contract"
               r"|accord|collaboration|licen[cs]e|stake|acquisition|purchase|memorandum|mou)s?")
_DATED_YEAR = re.compile(r"^\W*(?P<lead>(?:19|20)\d\d)\s*[:–—-]\s"
                         r"|\b(?:in|back\s+in)\s+" + _YEARS_PART + r"(?P<in>(?:19|20)\d\d)\b"
                         # (not a fiscal year or quarter, "in 2025-26", "in 2026 q2", "in 2026's third quarter",
                         # nor a model year or a count of cars: "in 2026 model-year vehicles", "in 2000 toyota cars")
                         r"(?![-/]\d|\s*q[1-4]\b|['’]s\b|[\s-]+model|\s+(?:(?!(?:that|its|their|the|as|when)\s)[\w-]+\s+){0,2}?"
                         r"(?:vehicles|cars|units|models|buses"
                         r"|trucks|evs|suvs)\b)"
                         rf"|\b(?:a|an|the|its|their|[\w.&-]+['’]s)\s+(?P<of>(?:19|20)\d\d)\s+(?:[\w-]+\s+)?{_DEAL_NOUNS}\b"
                         # a tie of long standing: "BMW has bought cells from CATL since 2018"
                         r"|\bsince\s+" + _YEARS_PART + r"(?P<since>(?:19|20)\d\d)\b(?![-/]\d)")
# ... unless the sentence tells what is ahead ("signed a deal to supply chips in 2027", "from 2028"), or
# the days of now ("on Tuesday the two signed a new deal", "this week"): those are the news
_AHEAD = (r"will|shall|plans?|planned|planning|set\s+to|expected|expects?|aims?|due|intends?"
          r"|next|upcoming|(?:from|by|until|through|starting(?:\s+in)?)\s+(?:(?:early|late|mid-?)\s*)?(?:19|20)\d\d"
          r"|to\s+(?:begin|start|launch|build|supply"
          r"|deliver|produce|equip|use|deploy|roll)|would(?<!\bsaid\s\w{2}\swould)(?<!\bsaid\s\w{4}\swould)")
_NOW = (r"now|today|tonight|yesterday|this\s+(?:week|month|year|morning)|last\s+(?:week|month)"
        r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|earlier\s+this"
        # ... or what is done now to the deal of that year ("have extended the partnership
        # they signed in 2021", "renewed ..., extending a contract first signed in 2016")
        r"|(?:extend|renew|expand|deepen|broaden|widen|doubl|tripl|amend|revis|rework|upgrad)\w*")
_AHEAD_OR_NOW = re.compile(rf"\b(?:{_AHEAD}|{_NOW})\b")
_AHEAD_ONLY = re.compile(rf"\b(?:{_AHEAD})\b")
_NOW_ONLY = re.compile(rf"\b(?:{_NOW})\b")


def said_so(lowered: str) -> bool:
    """Whether somebody in the sentence says or shows what it tells ("said", "according to", "a
    listing document shows"): news told now, whatever the year of the deal."""
    return _TOLD_NOW.search(lowered) is not None


def told_ahead(lowered: str) -> bool:
    """Whether a sentence tells what is ahead ("will start buying", "plans", "from 2027")."""
    return _AHEAD_ONLY.search(lowered) is not None


def told_now(lowered: str) -> bool:
    """Whether a sentence dates what it tells to these days ("on Tuesday", "this week", "today")
    or tells a change made now ("extended"): news, not a feature's background."""
    return _NOW_ONLY.search(lowered) is not None


# A statement of that year, whose future was then's ("General Motors said in 2023 that its EVs would
# drop phone mirroring in favour of Google built-in"): only the days of now make it news
_SAID_THEN = re.compile(r"\b(?:said|announced|confirmed|pledged|promised|decided|vowed)\s+(?:back\s+)?in\s+"
                        + _YEARS_PART + r"(?:19|20)\d\d\b")


def dated_year(lowered: str) -> int | None:
    """The year a sentence dates its deal to, when it seems to tell the past: a year after "in" or
    at the start, or a deal named by its year, in a sentence with no word of what is ahead, of
    these days or of a change made now; not a year in an aside about a company. marketwatch.match
    weighs it against the latest year the story names (`_the_news`): a year is never compared with
    today's, so a rematch next year gives the same verdicts."""
    if "19" not in lowered and "20" not in lowered:
        return None
    if (_NOW_ONLY if _SAID_THEN.search(lowered) else _AHEAD_OR_NOW).search(lowered):
        return None
    for found in _DATED_YEAR.finditer(lowered):
        if found["since"] and _RECORD_BEFORE.search(lowered, max(0, found.start() - 60), found.start()):
            continue
        if not _of_a_company_aside(lowered, found.start()):
            return int(found["lead"] or found["in"] or found["of"] or found["since"])
    return None


def latest_year_told(lowered: str, sentences: list[tuple[int, int]]) -> int | None:
    """The latest year a story tells of as past or present, leaving out the years of its
    sentences (`sentences`, spans of `lowered`) about what is ahead ("robotaxis will launch in
    2028"): a story whose every deal is dated two years or more before it reports nothing new
    (marketwatch.match._the_news)."""
    years = [int(y) for start, end in sentences if not _AHEAD_ONLY.search(lowered, start, end)
             for y in A_YEAR.findall(lowered, start, end)]
    return max(years, default=None)



# A deal told in the past perfect, as what had happened before the story's news: "General Motors had
# already tied itself to LG Energy Solution, and Stellantis had built two plants with Samsung SDI"
_HAD_DONE = re.compile(r"\bhad\s+(?:(?:already|long|previously|earlier|also|once|first|since|quietly|both)\s+)?"
                       r"(?:been\s+(?!(?:told|asked|expected|set|due|about)\b)\w+"
                       r"|(?!(?:need|exceed|proceed|succeed)ed\b)[a-z]+ed|built|made|won|struck|taken|bought|sold"
                       r"|begun|become|chosen|paid|led|spent|held|brought|sought|got|gotten|given|grown|drawn"
                       r"|put|set|split|sent|bet|done|gone|come)\b")
# ... unless somebody says so, or a date puts it in these days: reported speech tells the news in
# the past perfect ("Volvo Cars said on Tuesday it had signed a deal with SK On"; "had agreed to
# license Rivian's architecture, the filing showed"), and "By Friday, Ford had signed"
_TOLD_NOW = re.compile(r"\b(?:said|says|say|told|tells|according|announced|announces|confirmed|confirms"
                       r"|wrote|writes|added|adds|noted|notes|stated|states|explained|citing|cited"
                       r"|disclosed|discloses|revealed|reveals|reported|reports|emerged|learned|learnt|showed"
                       r"|shows|filings?|statement|sources|people\s+familiar|by\s+(?:(?:mon|tues|wednes|thurs"
                       r"|fri|satur|sun)day|the\s+end\s+of|this|yesterday|today|tonight))\b")


def told_earlier(lowered: str) -> bool:
    """Whether a sentence tells its deal in the past perfect, as what had come before the news it
    sits beside (a feature's background), and nobody in it says so now. marketwatch.match ranks
    such a deal below the story's others (`_the_news`), never alone: a story all in the past
    perfect keeps its deals."""
    return "had " in lowered and _HAD_DONE.search(lowered) is not None and _TOLD_NOW.search(lowered) is None


# A record's "since", which dates no deal: "its first new cell supplier since 2022", "the largest single
# battery contract the South Korean maker has won since 2020"
_RECORD_BEFORE = re.compile(r"\b(?:first|biggest|largest|highest|lowest|most|best|worst|only|strongest|weakest"
                            r"|fastest|slowest|sharpest|steepest|deepest|smallest|longest|cheapest)\b[^,.;:]*?"
                            r"\b(?:orders?|contracts?|deals?|agreements?|investments?|suppliers?|partners?|sales?"
                            r"|purchases?|rise|drop|gain|loss|quarter|month|year|time|level|win)\b[^,.;:]*$")


# A year in an aside about a company, not its deal: "Pony.ai, founded in 2016, signed ...", "Toyota, which
# put $500 million into Uber in 2018, struck a deal with Waymo"
_ASIDE_START = re.compile(r",\s+(?:which|who|founded|listed|established|set\s+up|created|launched|incorporated"
                          # ... or a company's role: "Volkswagen, a Mobileye customer since 2018, has picked"
                          r"|an?\s+(?:[\w.&-]+\s+){0,3}(?:customer|client|supplier|partner|shareholder|investor"
                          r"|backer|user)s?)\b")


def _of_a_company_aside(lowered: str, at: int) -> bool:
    starts = [m.end() for m in _ASIDE_START.finditer(lowered, 0, at)]
    return bool(starts) and "," not in lowered[starts[-1]:at] and "," in lowered[at:]
