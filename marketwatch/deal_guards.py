"""Deal words that tell of no deal where they stand, and sentences that tell none at all.

`marketwatch.deals` finds a sentence's deal words; a word counts only if `is_no_deal` finds no
reason here to set it aside: what is so already or was before ("Wayve already licenses its software
to Nissan": marketwatch.deal_history), a negation, a deal set aside ("rather than"), an open-source licence, an order given
rather than placed, a sponsor's or an event's title, a supply under threat or made in-house, a
company's programme of small firms, a person's job, a tie-up only imagined, a fix for a recall, a
carmaker's own deliveries, the market's shares, a rider's choice, a panel's people, a count of
partners, a group's members and their open letter, a choice still to make ("picks between"), a deal
going on as it was ("the existing joint venture", "... are unaffected"), a guess of who an unnamed
customer is, a dispute over a deal's terms, a refusal in Korean, Japanese or Chinese. (Advice,
wishes, questions and most negations are marketwatch.advice's.) `tells_no_deal` sets aside a whole
sentence: a table of market shares (a sentence set years back is marketwatch.match's
`_is_history`). Each check is a pure function of the lower-cased, masked sentence (company names as
runs of x), as the caller has them.
"""

from __future__ import annotations

import re

from marketwatch.deal_history import MADE_THEN_HERE, PAST_DEAL_AFTER, is_already

# Vietnamese and Indonesian negation: "không hợp tác", "belum menandatangani".
_SEA_NOT_BEFORE = re.compile(r"\b(?:không|chưa|chẳng|từ chối|tidak|belum|bukan|tak)\s+(?!(?:chỉ|hanya|cuma|sekadar)\b)"
                             r"(?:[\w-]+\s+){0,2}$"
                             # Chinese: "比亚迪与华为并非合作伙伴，而是竞争对手" (are not partners but rivals)
                             r"|(?:并非|並非|并不是|並不是|不是|并无|並無|没有|沒有)$"
                             # Thai: "ยังไม่มีแผนร่วมมือกับ Huawei" (no plans yet to cooperate)
                             r"|ไม่มีแผน$")
# "NTT already works with Toyota, Subaru's largest shareholder, on AI": who a company is, not a stake.
_APPOSITIVE_ROLE_BEFORE = re.compile(r"x{2,},\s*\S+['’]s\s+$")
# "Consumer forum orders Tata Motors to replace ...", "Delhi HC orders Amazon, Flipkart to take down
# fake Maruti Suzuki spare parts": an order given, not an order placed.
# (not an order of several companies' cars: "Grab orders Hyundai, Kia to fill its EV fleet")
_ORDERS_TO = re.compile(r"\s+x{2,}(?:\s+x{2,})*(?:(?:,\s+|\s+and\s+|,\s+and\s+)(?!x{2,})[\w-]+){0,2}\s+to\b")
# "Uber becomes official rideshare partner" of a tournament or a stadium, "As worldwide Olympic
# partners, Toyota is providing ... and Alibaba Cloud is running ...": a sponsor's title, not a
# tie-up with the other sponsors named beside it.
_OFFICIAL_BEFORE = re.compile(r"\b(?:official|olympic|paralympic)\s+(?:[\w-]+\s+){0,2}$")
# ... and in Polish an event's partner: "a partnerem strategicznym wydarzenia jest PZU"
# ... and a show's, named so: "return as premium partners", not a company's ("named founding partner of
# Google's Android Automotive program", "the premium partner for Amazon's Alexa")
_TITLE_BEFORE = re.compile(r"\b(?:as|named|becomes?|became|are|is|were|was)\s+(?:the\s+|a\s+|an\s+)?"
                           r"(?:premium|founding|platinum|gold|silver|presenting|title)\s+$")
_OF_A_COMPANY_AFTER = re.compile(r"s?\s+(?:of|for|to)\s+(?:the\s+)?x{2,}")
_EVENT_PARTNER_AFTER = re.compile(r"\s+(?:(?:strategicznym|głównym|generalnym)\s+)?(?:wydarzenia|konferencji)\b"
                                  # ... and a trade show's: "return as premium partners of the show"
                                  r"|\s+of\s+(?:the\s+|this\s+year['’]s\s+)?(?:show|event|fair|expo|exhibition"
                                  r"|conference|summit|festival|congress)\b"
                                  # ... and the list a show announces: "IAA Mobility 2025 partners: BMW, ..."
                                  r"|(?:(?<=\d\d\d\d partners)|(?<=\d\d\d\d partner))\s*:")
# "Mercedes-AMG F1 team signs Microsoft as official cloud partner", "organisers sign Hyundai, Grab as
# official partners": signing a sponsor to that title
# is no tie-up either. Matched against the lower-cased, masked text after "signs" or "inks".
_AS_OFFICIAL_AFTER = re.compile(r"\s+(?:x{2,}(?:,?\s+(?:(?:and|&)\s+)?x{2,})*\s+)?as\s+(?:(?:its|their|the|an?)\s+)?official\b")
# A supply under threat is no news of a deal: "Samsung strike threatens car chip supply to Hyundai",
# "fire disrupts battery supply to Ford". Matched like `marketwatch.advice`'s words, before a supply word.
_DISRUPTED_BEFORE = re.compile(r"\b(?:threaten|disrupt|halt|jeopardi[sz]|hamper|imperil|endanger|cast\w*\s+doubt\s+on)\w*\s+"
                               r"(?:[\w-]+\s+){0,3}$")
# ... what it makes, further on: "could disrupt production of automotive memory and image sensors supplied
# to Hyundai" (matched in the 90 characters before the supply word)
_PRODUCTION_DISRUPTED_BEFORE = re.compile(r"\b(?:threaten|disrupt|halt|hamper)\w*\s+(?:the\s+)?(?:production|output"
                                          r"|shipments|deliveries)\s+of\s+(?:[\w-]+\s+){0,6}$")
# ... or after it, put there: "putting supply to Chinese carmakers such as XPeng, Li Auto and Zeekr in
# doubt" (not "will supply batteries to Toyota, a deal that puts rival CATL's business at risk")
_PUT_BEFORE = re.compile(r"\b(?:put|puts|putting|leaves?|leaving|left|places?|placing)\s+(?:the\s+|its\s+|their\s+)?"
                         r"(?:[\w'’-]+\s+){0,2}$")
_IN_DOUBT = r"(?:in doubt|at risk|in jeopardy|under threat)\b"
_IN_DOUBT_AFTER = re.compile(r"[^.;:]{0,80}?\b" + _IN_DOUBT)
# ... or said to be so, close after it: "Qualcomm's supply to VW at risk", "chip supply to Hyundai is
# not at risk despite strike"
_IS_IN_DOUBT_AFTER = re.compile(r"[^.;:,]{0,40}?\s(?:(?:is|are|was|were|remains?|could be|may be)\s+(?:not\s+)?)?"
                                + _IN_DOUBT)


def is_no_deal(lowered: str, sentence: str, found: re.Match[str], before: str, kind: str) -> bool:
    """Is the deal word `found` (of deal type `kind`) no deal where it stands? `before` is the text
    just before it, `sentence` the sentence as written (its capitals), `lowered` it lower-cased."""
    return (is_already(lowered, sentence, found, before) or _is_negated_sea(before)
            or _is_not_made(lowered, found, before)
            or _is_another_sense(lowered, sentence, found, before, kind)
            or (kind == "supply" and _is_supply_undone(lowered, found, before))
            or _is_a_title_or_sponsor(lowered, found, before)
            or _is_people_or_a_programme(lowered, found, before, kind)
            or _is_membership(lowered, found, before)
            or _tells_other_news(lowered, found, before, kind)
            # "Uber now works with more than 20 autonomous-vehicle partners, including Waymo, ..."
            or (kind == "partnership" and _counts_partners(lowered, found, before)))


# (not a rival's name nor a change of the deal between: "Toyota rather than Honda signs", "will deepen
# rather than scale back its partnership")
_SET_ASIDE_BEFORE = re.compile(r"\b(?:rather than|instead of) (?:(?!x{2,}|end\b|ends\b|scale\b|cut\b|exit\b|drop\b"
                               r"|cancel\w*|abandon\w*|quit\b)[\w'’-]+ ){0,3}$")


def _is_not_made(lowered: str, found: re.Match[str], before: str) -> bool:
    """A deal declined, still to choose, passed over, imagined, or done without."""
    word = found.group()
    if word.startswith("sign") and lowered.startswith(" with neither", found.end()):
        return True  # "has signed with neither"
    if word.startswith(("pick", "choos", "chose", "select")) and lowered.startswith(" between", found.end()):
        return True  # "Honda picks between Nvidia and Qualcomm later this year": a choice still to make
    if ("rather than " in before or "instead of " in before) and _SET_ASIDE_BEFORE.search(before):
        # "built on open-weight models rather than licensed from OpenAI or Google", "will design its
        # own chip rather than buy full platforms from Nvidia or Qualcomm"
        return True
    if _HYPOTHETICAL_AFTER.match(lowered, found.end()) and not _POSSESSED_BEFORE.search(before):
        return True  # "Xiaomi-Volkswagen tie-up would be 'logical next step'": a tie-up imagined
    if _ONLY_POSSIBLE_BEFORE.search(before):
        return True  # "Tata Motors open to partnering Apple or Google", "could work with ... such as Apple"
    if "to " in before and _ONLY_OFFERED_BEFORE.search(before):
        return True  # a licence only offered in a dispute
    wider = lowered[max(0, found.start() - 80):found.start()]
    if ("mislead" in wider or "overstat" in wider or "accus" in wider) and (
            _A_CLAIMS_SUBJECT_BEFORE.search(wider)):
        return True  # orders a lawsuit says were overstated, royalties a company is accused of seeking
    # "use its 4G patents without a licence": that word only ("uses Huawei's system without a formal
    # agreement" is still a supply)
    return "without" in before and _WITHOUT_BEFORE.search(before) is not None


def _is_another_sense(lowered: str, sentence: str, found: re.Match[str], before: str, kind: str) -> bool:
    """The deal word in a sense that is no deal: an open licence, orders given, a role, an
    inquiry, a fix, a company's own deliveries, the market's shares."""
    word = found.group()
    if word in ("licence", "license", "licences", "licenses") and (
            _OPEN_LICENCE_BEFORE.search(before) or "MIT " in sentence[max(0, found.start() - 8):found.start()]):
        return True  # "published the SDK under the Apache 2.0 licence": anyone's to use, no deal
    if word in ("orders", "ordered") and _ORDERS_TO.match(lowered, found.end()):
        return True
    if word == "largest shareholder" and _APPOSITIVE_ROLE_BEFORE.search(before):
        return True
    if word == "investment" and _MINISTRY_BEFORE.search(before):
        return True  # "Saudi Arabia's ministries of industry and investment signed ...": a ministry's name
    if word in ("investment", "investments") and _A_NATIONS_BEFORE.search(before) and _A_NATIONS_AFTER.match(
            lowered, found.end()):
        return True  # "saying Chinese investment had created more than 10,000 jobs in Hungary": a country's
    if word.startswith("cooperat") and _INQUIRY_AFTER.match(lowered, found.end()):
        return True  # "would cooperate with any inquiry"
    if word.startswith("work") and _FIX_AFTER.match(lowered, found.end()):
        return True  # "Aptiv said it was working with Ford on a fix" (of a recall)
    if word.startswith("deliver") and _is_own_deliveries(lowered, found):
        return True  # "Leapmotor delivered 70,289 vehicles, while XPeng delivered 42,013": their own sales
    if (kind == "ended" and "13" in lowered and _HOLDINGS_FILING.search(lowered)
            and not _OWN_FILING.search(lowered)):
        return True  # "Berkshire 13F: Buffett Exits BYD, Adds to Apple": a fund's trades
    if kind == "investment" and _OWN_PLANS_AFTER.match(lowered, found.end()) and _OWN_BEFORE.search(before):
        return True  # "are reviewing their US investment plans": each its own
    if kind == "investment" and " among " in before and _AMONG_FIRMS_BEFORE.search(before):
        return True  # "Hyundai and Samsung among Korean firms pledging U.S. investments": each its own
    # "Retail investors buy shares of Tesla", "sending shares in XPeng lower"
    return kind == "stake" and _is_the_market(lowered, found, before)


def _is_supply_undone(lowered: str, found: re.Match[str], before: str) -> bool:
    """A supply under threat or in doubt, a company's own make, or "built in" as a feature."""
    return (_DISRUPTED_BEFORE.search(before) is not None or _is_in_house(lowered, found)
            or ("disrupt" in lowered and _PRODUCTION_DISRUPTED_BEFORE.search(lowered, max(0, found.start() - 90),
                                                                                found.start()) is not None)
            or (_PUT_BEFORE.search(before) is not None and _IN_DOUBT_AFTER.match(lowered, found.end()) is not None)
            or _IS_IN_DOUBT_AFTER.match(lowered, found.end()) is not None
            or (found.group() == "built in" and not _BUILT_IN_END.match(lowered, found.end())))


def _is_a_title_or_sponsor(lowered: str, found: re.Match[str], before: str) -> bool:
    """An official partner of an event or a team, and a sponsorship signed."""
    word = found.group()
    if word.startswith("partner") and (
            (("official" in before or "lympic" in before) and _OFFICIAL_BEFORE.search(before))
            or (("premium" in before or "founding" in before or "title" in before) and _TITLE_BEFORE.search(before)
                and not _OF_A_COMPANY_AFTER.match(lowered, found.end()))
            or _EVENT_PARTNER_AFTER.match(lowered, found.end())):
        return True
    if (word.startswith(("sign", "ink")) and "official" in lowered[found.end():found.end() + 60]
            and (signed := _AS_OFFICIAL_AFTER.match(lowered, found.end()))
            # (several signed by one of them: "Nissan signs Wayve, Nvidia as official partners of ProPilot")
            and (len(_X_BEFORE.findall(signed.group())) < 2 or not _X_BEFORE.search(lowered, 0, found.start()))):
        return True
    # "AMD signs multi-year sponsorship with Audi's F1 team", "a sponsorship agreement"
    return ((word.startswith(("sign", "ink")) and _SPONSOR_SIGNED.match(lowered, found.end()) is not None)
            or before.endswith(("sponsorship ", "sponsorship-")))


def _is_people_or_a_programme(lowered: str, found: re.Match[str], before: str, kind: str) -> bool:
    """People (a partner as a job title, a panel's speakers, riders choosing a car) and a
    programme's firms ("delivery partners"), not companies making a deal."""
    word = found.group()
    if word in ("partner", "partners") and (
            (_JOB_TITLE_BEFORE.search(before) and not lowered.startswith(" with", found.end()))
            or _PEOPLE_FROM_AFTER.match(lowered, found.end())):
        return True  # "hired ... as a managing partner", "a Toyota Ventures partner", "partners from Woven Capital"
    if (word == "partners" and _SERVICE_PARTNERS_BEFORE.search(before)
            and not _JOINS_PROGRAMME_BEFORE.search(before)):
        return True  # "Amazon's Delivery Partners Balk at Rivian Van Repair Bills": a programme's firms
    if word == "delivery" and lowered.startswith(" partners", found.end()):
        return True  # ... whose "delivery" names the programme
    if kind == "supply" and word.startswith(("pick", "choos", "chose")) and _PEOPLE_CHOOSING_BEFORE.search(before):
        return True  # "Grab lets Singapore riders pick a Tesla for S$3 more": a rider's choice of car
    # "the panel will feature Hyundai CRADLE's head of North America, Qualcomm's finance lead"
    return word.endswith("feature") and _PEOPLE_AFTER.match(lowered, found.end()) is not None


def _tells_other_news(lowered: str, found: re.Match[str], before: str, kind: str) -> bool:
    """Is the deal word told of a deal not made here: refused in Korean, Japanese or Chinese, going on
    as it was, one's own part made, a guess of who an unnamed customer is, or a dispute?"""
    if not found.group().isascii() and (_CJK_NOT_AFTER.match(lowered, found.end())
                                        or _CHINESE_NOT_BEFORE.search(lowered, 0, found.start())):
        return True  # "구글 안드로이드 오토모티브 채택 않기로" (decided not to adopt), "採用しない", "尚未与小米接洽"
    if (("existing" in before or "long" in before) and _EXISTING_BEFORE.search(before)
            and not _EXISTING_CHANGED.search(before)):
        return True  # "new platforms come from the existing joint venture with Rivian": no news
    if (("analyst" in lowered or "argu" in lowered or "citing" in lowered or "rating" in lowered)
            and (PAST_DEAL_AFTER.match(lowered, found.end()) or MADE_THEN_HERE.match(lowered, found.start()))
            and not _RENEWED.search(lowered)):
        return True  # "the robotaxi agreement with Uber signed last year will not contribute ...": a past deal
    if "after" in before and _AFTER_A_RIVALS_DEAL.search(before):
        return True  # "Nissan applies for a robotaxi zone, months after rival Toyota's Waymo tie-up"
    if ("analyst" in lowered and (cited := _CITED_BEFORE.search(before)) and "new " not in cited.group()
            and not _RECENT_AFTER.match(lowered, found.end())):
        return True  # "Analyst Points to Waymo's Growth and Toyota Partnership": a deal cited, not reported
    if ("affected" in lowered or "unchanged" in lowered or "untouched" in lowered) and _UNAFFECTED_AFTER.match(
            lowered, found.end()):
        return True  # "Samsung SDI's battery joint ventures with Stellantis and GM are unaffected"
    if "production" in found.group() and ("in-house" in before or " own " in before or "self-developed" in before):
        return True  # "BYD's in-house God's Eye chip enters mass production for Denza": its own part
    # "the unnamed top-10 carmaker that picked Mobileye ... was 'most likely Hyundai'": a guess of the
    # customer named before the deal word, in its clause
    if (("likely" in lowered or "probabl" in lowered) and _GUESSED.search(lowered)
            and _UNNAMED.search(lowered, max(0, lowered.rfind(",", 0, found.start()) + 1, found.start() - 60),
                                found.start())):
        return True
    # "Great Wall Motor sues Huawei for abuse of dominance over 5G patent royalties": a dispute
    return (kind != "ended" and ("sue" in lowered or "suit" in lowered or "complaint" in lowered)
            and "settl" not in lowered and _SUED_OVER.search(lowered, 0, found.start()) is not None)


def _is_membership(lowered: str, found: re.Match[str], before: str) -> bool:
    """A group's members, a letter they signed or wrote together, an event's stage, a body's
    partners (`_AS_MEMBERS_AFTER`), separate deals with one counterpart ("Hungary signs strategic
    agreements with BYD and CATL": the deal word plural, no company before it)."""
    word = found.group()
    if word == "jointly" and _JOINT_LETTER_AFTER.match(lowered, found.end()):
        return True  # "have jointly written to the National Highway Traffic Safety Administration"
    if ((separate := _SEPARATE_DEALS_AFTER.match(lowered, found.end()))
            and (separate["plural"] or _PLURAL_DEALS.search(word) or word.startswith(("sign", "ink")))
            and not _X_BEFORE.search(lowered, 0, found.start())
            and not _X_BEFORE.search(lowered, separate.end())):
        return True  # "Hungary signs strategic agreements with BYD and CATL": one each, with Hungary
    window = max(0, found.start() - _SEPARATELY_WINDOW)
    if (lowered.find("sign", window, found.start()) >= 0 or lowered.find("ink", window, found.start()) >= 0) and (
            signed := _SIGNED_SEPARATELY_BEFORE.search(lowered, window, found.start())) and (
            not _X_BEFORE.search(lowered, 0, signed.start())):
        return True  # "BOI signs MoUs with Changan, GAC Aion and Huawei on EV investment": what the deals are on
    return ((word.startswith("join") and (_AS_MEMBERS_AFTER.match(lowered, found.end()) is not None
                                          or _JOINED_IN_SIGNING.match(lowered, found.end()) is not None
                                          or _AN_EVENT_JOINED.match(lowered, found.end()) is not None))
            or (word.startswith("sign") and _LETTER_SIGNED.match(lowered, found.end()) is not None)
            or (word == "partners" and lowered.startswith(" include", found.end())
                and _A_BODYS_PARTNERS.search(before) is not None))


# A country's or the world's money, not a company's: "Chinese investment", "foreign direct investment"
# ... told as what it did, or a body's name ("Chinese investment had created", "Public Investment Fund"),
# not a company's investment named by where it goes ("confirm European investment in Zaragoza")
_A_NATIONS_AFTER = re.compile(r"\s+(?:has|had|have|is|was|were|will|would|could|can|from|into|flows?|inflows?|fund|funds"
                              r"|authority|corporation|bank|agency|board|ministry)\b")
_A_NATIONS_BEFORE = re.compile(r"(?<!x)\b(?:chinese|japanese|korean|german|american|u\.?s\.?|european|foreign|overseas"
                               r"|inward|outward|global|public|state|government)\s+(?:direct\s+)?$")
_MINISTRY_BEFORE = re.compile(r"\bminist(?:ry|ries|er|ers)\s+(?:of|for)\s+(?:[\w-]+,?\s+)?(?:[\w-]+\s+and\s+)?$")
# (a letter written to someone: not "will jointly write the software")
_JOINT_LETTER_AFTER = re.compile(r"\s+(?:(?:written|wrote|write|writing)\s+(?:a\s+(?:joint\s+)?letter\s+)?to|petition\w*|lobb\w+"
                                 r"|urg(?:e|es|ed|ing)|call(?:ed|ing)?\s+on)\b")
# several deals, each with the one named before them (a government, a state visit), listed after "with"
# ("signs strategic agreements with BYD and CATL", "signed memorandums of understanding with Hyundai
# Motor, Toyota Motor and Sony Group", "subsidies for battery investments by Toyota Motor, Nissan
# Motor and Panasonic Energy"): the deal noun plural, or the verb before one; the list's names the
# sentence's only companies (not "Deals with Nvidia and Qualcomm put Toyota at the front")
_PLURAL_NOUNS = r"agreements|deals|mous|memorand(?:ums|a)|contracts|pacts"
_PLURAL_DEALS = re.compile(rf"(?:{_PLURAL_NOUNS}|investments|partnerships|alliances|tie-?ups)$")  # not a verb: "Bosch partners with"
# a name, perhaps after what it is ("battery maker CATL") and with its legal form ("Hyundai Motor Co.")
_ONE = r"(?:[\w-]+\s+){0,3}?x{2,}(?:\s+x{2,})*(?:\.|\s+(?:co|corp|ltd|inc|plc|ag|se)\.?)?"
# ... two or more, the last after "and", or in a headline's list ("Gov't signs investment pacts with
# Hyundai Motor, LG Energy Solution, SK On")
_SEPARATE_DEALS_AFTER = re.compile(rf"(?P<plural>\s+(?:[\w-]+\s+){{0,3}}?(?:{_PLURAL_NOUNS})(?:\s+of\s+understanding)?)?"
                                   r"\s+(?:with|by)\s+" + _ONE + r"(?:\s*,\s*" + _ONE + r")*"
                                   r"(?:\s*,?\s+(?:and|&)\s+" + _ONE + r"|\s*,\s*" + _ONE + r"\s*$)")
_X_BEFORE = re.compile(r"x{2,}")
# ... and what they are about, after them: "signs MoUs with Changan, GAC Aion and Huawei on EV investment"
# (in the 240 characters before the deal word: searched at every one, it must not grow with the text;
# and a tail naming no company: not "Having signed pacts with CATL and Tencent in China, Nio invests")
_SEPARATELY_WINDOW = 240
_SIGNED_SEPARATELY_BEFORE = re.compile(
    rf"\b(?:sign|ink)\w*(?:\s+(?:[\w-]+\s+){{0,3}}?(?:{_PLURAL_NOUNS})(?:\s+of\s+understanding)?)?\s+(?:with|by)\s+"
    + _ONE + r"(?:(?:\s*,\s*|\s*,?\s+(?:and|&)\s+)" + _ONE + r")+"
    + r"\s+(?:on|for|covering|in)\s+(?:(?!x{2,})[\w,-]+\s+){0,12}?$")


def tells_no_deal(lowered: str) -> bool:
    """Does the whole sentence tell no deal, whatever its deal words: a ranking by market share?"""
    return _ranks_shares(lowered)


# An open-source licence: "under the Apache 2.0 licence", "an MIT licence", "the GPL-3.0 license"
# ("MIT" only in capitals, in the sentence as written: German "mit Lizenz" is "with a licence")
_OPEN_LICENCE_BEFORE = re.compile(r"\b(?:apache|gpl|lgpl|agpl|bsd|mozilla|mpl|eclipse public|creative commons"
                                  r"|open[- ]source|permissive)(?:[\s-]+v?[\d.]+)?\s+$")


# People of a company, not its product: "will feature Qualcomm's automotive finance lead"
_PEOPLE_AFTER = re.compile(r"\s+(?:x{2,}['’]s?|x{2,}\s+[\w-]+['’]s)\s+(?:[\w-]+\s+){0,3}?(?:head|chief|lead|director|executives?"
                           r"|president|officers?|founder|co-founder|partner|analyst|engineers?|managers?|experts?"
                           r"|leaders?)(?=\s+of\b|\s*[,.;:]|\s+and\b|\s*$)")  # not "head-up display", "lead stack"


# People who choose a car or a service, not a company choosing its supplier: "lets Singapore riders
# pick a Tesla", "Riders in Singapore can now choose a Tesla for their trip".
# Nobody else between them and the verb: "Uber tells drivers it picked BYD", "iPhone users rejoice as
# Ferrari chooses Apple's CarPlay Ultra" are a company's choice; "display drivers" are chips.
_PEOPLE_CHOOSING_BEFORE = re.compile(r"(?<!display )(?<!led )(?<!motor )(?<!gate )\b(?:riders|drivers|customers|buyers"
                                     r"|users|passengers|consumers|owners|motorists|shoppers|travell?ers|commuters|families"
                                     r"|fans)\b(?:\s+(?!x{2,}|it\b|as\b|they\b|he\b|she\b)[\w'’-]+){0,4}?\s+$")


# A rough or large count of partners, customers or carmakers: "works with more than 20 autonomous-
# vehicle partners, including Waymo, WeRide, Baidu", "now works with 20 autonomous-vehicle companies,
# including". Those listed after it are a portfolio, not a deal between any two of them; a few are a
# deal's ("Nvidia works with 3 carmakers including Toyota on a new chip").
_ROUGHLY = r"(?:(?:more\s+than|over|about|around|nearly|almost|some|at\s+least)\s+\d[\d,]*|\d{2,}[\d,]*)\+?\s+"
_COUNTED = _ROUGHLY + r"(?:[\w-]+\s+){0,2}?(?:partners|carmakers|automakers|companies|firms|customers|brands)\b"
_COUNTED_AFTER = re.compile(r"\s+" + _COUNTED)
_APPROXIMATE_COUNT_BEFORE = re.compile(r"\b" + _ROUGHLY + r"(?!new\s)(?:[\w-]+\s+){0,2}?$")


def _counts_partners(lowered: str, found: re.Match[str], before: str) -> bool:
    """Only as a company's standing ("works with", an about-count of partners): "Nvidia teams with 3
    carmakers, Toyota, GM and Hyundai", "names BYD among 20 new partners" are news of them."""
    word = found.group()
    return ((word.startswith("work") and _COUNTED_AFTER.match(lowered, found.end()) is not None)
            or (word == "partners" and _APPROXIMATE_COUNT_BEFORE.search(before) is not None))


# A company's programme of small firms, named by what they do for it: "Amazon's delivery partners",
# "Tesla's service partners", "its dealer partners".
# Not one named among them: "Kia named among Amazon's delivery partners", "becomes one of Uber's ..."
_SERVICE_PARTNERS_BEFORE = re.compile(r"(?:x{2,}(?:['’]s)?|\b(?:its|their))\s+(?:delivery|service|dealer|dealership|charging"
                                      r"|logistics|franchise|channel|retail|retailer|sales|repair|installation)\s+$"
                                      # ... its advertisers ("thanked its advertising partners, whose campaigns
                                      # ran on ..."), not a company's named one ("GM's advertising partners
                                      # Microsoft and Google")
                                      r"|\b(?:its|their)\s+(?:advertising|marketing|media)\s+$")
_JOINS_PROGRAMME_BEFORE = re.compile(r"\b(?:among|one of|includ\w*|joins?|joined|named|becomes?|became)\s+(?:[\w'’-]+\s+){0,3}$")
# A person's title: "hired ... as a managing partner" (not "founding partner of BMW's AI lab").
_JOB_TITLE_BEFORE = re.compile(r"\bas\s+(?:a\s+|its\s+)?(?:managing|general|venture|operating)\s+$"
                               # ... at a venture fund: "a Toyota Ventures partner", "BMW i Ventures partner departs"
                               r"|\b(?:ventures|capital|fund|nventures)\s+$")
# "speakers, including partners from Woven Capital, BMW i Ventures", "a partner at Toyota Ventures"
_PEOPLE_FROM_AFTER = re.compile(r"\s+(?:from|at)\s+(?:[\w-]+\s+){0,2}?(?:ventures|capital|funds?)\b(?!\s+markets)")
# A sponsorship as what is signed: "signs multi-year sponsorship with", "signs on as sponsor of"; not
# "signs deal, sponsoring ...", "co-sponsor", "sponsored by".
_SPONSOR_SIGNED = re.compile(r"\s+(?:on\s+)?(?:as\s+)?(?:(?:a|an|the|its)\s+)?(?:(?!deal|pact|agreement|partnership)"
                             r"[\w-]+\s+){0,3}?(?:title\s+|presenting\s+|official\s+)?sponsor(?:ship)?s?\b")
# ... or with a company and the inquiry: "said it was cooperating with Ford and the agency" (NHTSA's probe)
_INQUIRY_AFTER = re.compile(r"\w*\s+(?:fully\s+)?with\s+(?:x{2,}\s+and\s+)?(?:any|the|an|all|all\s+relevant)?\s*"
                            r"(?:inquir|investigat|probe|authorit|regulator|agenc|nhtsa|police|court|prosecutor)\w*\b(?!-)"
                            r"(?![^.;]{0,40}\band\s+with\b)")
# A deal that goes on as it was: "the existing joint venture with Rivian" (not one expanded, renewed,
# reworked or worked within: "expands its existing partnership with Google"), "battery joint ventures
# with Stellantis and General Motors are unaffected", "Supplier contracts, including ..., are not
# affected" (in its own clause: not "signs a deal with CATL, while its Samsung venture is unaffected").
_EXISTING = (r"(?:\b(?:the|its|their)|x{2,}['’]s?) (?:existing|long-?standing|long-running|decade-long|years-long)\s+"
             r"(?:[\w-]+\s+)?$")
_EXISTING_BEFORE = re.compile(_EXISTING)
_EXISTING_CHANGED = re.compile(r"\b(?:expand|extend|deepen|renew|broaden|widen|strengthen|upgrad|amend|rework|restructur"
                               r"|revis|overhaul|scal\w*\s+back|cut|trim|build\w*\s+on|as\s+part\s+of|within|through"
                               r"|under|(?<!related )(?<!relating )to)\w*\s+" + _EXISTING)
_UNAFFECTED_AFTER = re.compile(r"(?:(?!\b(?:while|though|although|as|but|whereas)\b)[^.;:,]){0,80}?"
                               r"(?:,\s+(?:including|such\s+as|like|notably)\b[^.;:]{0,80}?)?,?\s*"
                               r"\b(?:is|are|was|were|remains?|remained)\s+(?:unaffected|not\s+affected"
                               r"|unchanged|untouched)\b")
_RENEWED = re.compile(r"\b(?:extend|expand|renew|deepen|broaden|widen|amend|rework|upgrad|turn)\w*")
# A rival's deal told as the time of the news: "months after rival Toyota's Waymo tie-up", "days after
# rival Tata Motors signed up to supply 10,000 EVs to Uber"
_AFTER_A_RIVALS_DEAL = re.compile(r"\b(?:days|weeks|months|years|shortly|soon|just|a\s+(?:day|week|month|year))\s+after"
                                  r"\s+(?:its\s+|their\s+)?(?:rival|competitor|peer|arch-?rival)s?\s+(?:x{2,}(?:['’]s?)?\s+){1,3}"
                                  r"(?:[\w-]+\s+){0,3}$")
# An analyst's reasons: "Analyst Points to Waymo's Growth and Toyota Partnership", "citing ... the
# partnership with Toyota" (with an analyst in the sentence: not "shares rose, citing a new deal")
# (not a new deal: "citing new Uber robotaxi order", "point to Samsung chip deal signed Monday")
_RECENT_AFTER = re.compile(r"(?:\s+with\s+x{2,})?\s+(?:(?:signed|announced|agreed|unveiled|struck|inked|reached)\s+)?(?:on\s+)?"
                           r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|this\s+week"
                           r"|earlier\s+(?:today|in\s+the\s+day|this\s+week))\b")
_CITED_BEFORE = re.compile(r"\b(?:points?\s+to|pointed\s+to|cit(?:es|ed|ing))\s+(?:[\w'’&.,-]+\s+){0,8}?$")
# Korean and Japanese negate after the verb: "채택 않기로" (decided not to adopt), "채택하지 않는다",
# "採用しない", "採用せず", "採用を見送"
_CJK_NOT_AFTER = re.compile(r"\s?(?:하지\s?)?않|\s안\s?(?:해|한다|하기로|할)|しない|せず|を見送|は見送"
                            r"|は「?(?:考えていない|検討していない)")
# ... and Chinese before it: "丰田称尚未与小米接洽", "从未与丰田接洽"
_CHINESE_NOT_BEFORE = re.compile(r"(?:尚未|从未|并未|未曾|没有|不会)[^，。；！？,;]{0,10}$")
# Who an unnamed customer probably is: "Mobileye's new 'top-10 OEM' win is probably Hyundai, Barclays
# says", "the unnamed carmaker that picked Mobileye was 'most likely Hyundai'".
_GUESSED = re.compile(r"\b(?:probably|most\s+likely|likely|in\s+all\s+probability)\W{1,3}(?:[\w-]+\s+){0,2}?x{2,}")
_UNNAMED = re.compile(r"\b(?:unnamed|undisclosed|unidentified|top-\d+|top\s+\d+)\s+(?:[\w-]+\s+){0,2}?"
                      r"(?:carmakers?|automakers?|customers?|oems?|buyers?|clients?|suppliers?|partners?|companies|company)\b")
# A dispute over a deal's terms: "Great Wall Motor sues Huawei for abuse of dominance over 5G patent royalties"
_SUED_OVER = re.compile(r"\b(?:sues|sued|suing|lawsuits?|suits?\s+against|complaint\s+against)\b[^.;:]{0,100}?"
                        r"\b(?:over|about|regarding|concerning|for|on)\s+"
                        # (not a deal ended between partners: "Luminar sues Volvo Cars over cancelled lidar contract")
                        r"(?!(?:[\w-]+\s+){0,3}?(?:cancel|terminat|scrap|end(?:ed|ing)?\b))(?:[\w-]+\s+){0,4}$")
# A group's members: "said Tesla and Nvidia had joined as members", "joins as a founding member"; a
# letter signed together ("joined Qualcomm, Intel and NXP in signing an open letter"); a body's list
# of partners, the body no company of the config ("AUTOSAR's core partners include BMW, Ford, ...").
_AS_MEMBERS_AFTER = re.compile(r"\s+(?:(?:the|its|a|an)\s+(?:[\w'’()-]+\s+){0,4}?)?as\s+(?:an?\s+)?"
                               r"(?:new\s+|founding\s+|full\s+|associate\s+|premium\s+|core\s+)?members?\b")
_LETTER = r"\s+(?:an?\s+|the\s+)?(?:open\s+|joint\s+)?(?:letter|petition|pledge)\b"
_LETTER_SIGNED = re.compile(_LETTER)
# ... and an event's stage: "Volkswagen, Toyota and Mercedes executives join Nvidia keynote"
_AN_EVENT_JOINED = re.compile(r"\s+(?:[\w'’-]+\s+){0,4}?(?:keynote|on\s+stage|panel|webinar|livestream|fireside)\b")
_JOINED_IN_SIGNING = re.compile(r"[^.;]{0,80}?\bin\s+signing" + _LETTER)
_A_BODYS_PARTNERS = re.compile(r"(?<![\w-])(?!x{2,}['’])[\w-]+['’]s\s+(?:[\w-]+\s+){0,2}$")
# (a deal someone has: "Nvidia's new deal with Toyota could be a natural fit")
_POSSESSED_BEFORE = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}$")
_HYPOTHETICAL_AFTER = re.compile(r"(?:\s+(?:between|with)\s+x{2,}(?:\s+and\s+x{2,})?)?"
                                 # (not the deal's worth or effect: "the deal would be worth $2 billion", "could be
                                 # great news for investors")
                                 r"\s+(?:would|could|might)\s+(?:be\s+(?:an?\s+|the\s+)?[\"'‘“]?(?:logical|natural|obvious)\b"
                                 r"|make\s+(?:a\s+lot\s+of\s+)?sense\b)")
# A deal only possible, or one a company is open to: that word alone (not the clause's other deal
# words: "Toyota picks Nvidia Drive Thor and says the two could collaborate on robotaxis")
_ONLY_POSSIBLE_BEFORE = re.compile(r"\b(?:could|might|pourrai(?:t|ent)|podr[íi]an?|potrebbero|potrebbe|poderiam?)\s+"
                                   r"(?:also\s+|potentially\s+|eventually\s+|one\s+day\s+)?$"
                                   r"|\bopen\s+to\s+(?:(?:a|an|any|new|more)\s+)?$")
# A company's own plans: "are reviewing their US investment plans" (matched after the deal word, and
# before it)
_AMONG_FIRMS_BEFORE = re.compile(r"\bamong\s+(?:[\w.-]+\s+){0,3}?(?:firms|companies|groups|businesses|investors"
                                 r"|carmakers|automakers|manufacturers|chipmakers|conglomerates)\s+(?:pledg|commit|promis)\w*"
                                 r"\s+(?:[\w.$-]+\s+){0,3}$")
_OWN_PLANS_AFTER = re.compile(r"\s+(?:plans?|strateg\w+|programmes?|programs?|budgets?|spending|pipeline)\b")
_OWN_BEFORE = re.compile(r"\b(?:its|their|our|own)\s+(?:(?!x{2,}|joint\b)[\w.-]+\s+){0,2}$")  # not "its Joby investment plan"
_WITHOUT_BEFORE = re.compile(r"\bwithout\s+(?:a|an|any)\s+(?:[\w-]+\s+)?$")
# A deal one side says it would make, in a dispute: "Stellantis said it was willing to take a licence
# on FRAND terms and accused Huawei of seeking excessive royalties" (not "agreed to take a licence")
_ONLY_OFFERED_BEFORE = re.compile(r"\b(?:willing|ready|prepared|offer(?:s|ed)?|refus(?:es|ed)|declin(?:es|ed))\s+"
                                  r"to\s+(?:take|sign|accept|pay\s+for)\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+)?$")
# What a lawsuit says was misstated or done wrong: "accusing Luminar of misleading investors about the
# size of its lidar orders from Volvo Cars", "overstated its orders from", "accused Huawei of seeking
# excessive royalties". Matched in the 80 characters before the deal word.
_A_CLAIMS_SUBJECT_BEFORE = re.compile(r"\b(?:mislead\w*\s+(?:investors|shareholders|the\s+market)\s+(?:about|over|on)"
                                      r"|overstat\w+)\s+(?:(?!(?:as|and|while|but|after|when|so)\s)[\w'’-]+\s+){0,6}$"
                                      r"|\baccus\w+\s+(?:[\w'’-]+\s+){1,3}?of\s+(?:seeking|demanding|charging|overstating"
                                      r"|inflating|misleading|hiding)\s+(?:[\w-]+\s+){0,3}$")
# Who buys shares on the market, not as a partner: "Retail investors buy shares of Tesla", "Investors
# rush to buy shares of Xiaomi". Matched before a stake word.
_MARKET_BUYERS_BEFORE = re.compile(r"\b(?:investors|traders|shareholders|retail|funds|hedge funds|speculators)\s+"
                                   r"(?:[\w-]+\s+){0,2}$")
# A supplier working with a carmaker to mend a fault: "Aptiv said it was working with Ford on a fix",
# "is working closely with XXX to resolve the issue". Matched after "work ... with".
# Not "on a new solution", "on a repair-shop assistant", "to address the problem of high battery costs".
_FIX_AFTER = re.compile(r"\s+(?:closely\s+)?(?:with\s+)?(?:x{2,}\s+)?(?:on\s+(?:a|the|an)\s+(?:[\w-]+\s+)?"
                        r"(?:fix|remedy|recall)|to\s+(?:fix|resolve|address|remedy|investigate)"
                        r"\s+(?:the|a|an|this)\s+(?:[\w-]+\s+)?(?:issue|problem|fault|defect|glitch|recall|outage))"
                        r"\b(?![-\s]+(?:of|for|shop)\b)")


# Carmakers' own deliveries, their sales, in a table of two or more ("Leapmotor delivered 70,289
# vehicles, while XPeng delivered 42,013"; not "Volkswagen delivers 1,000 ID. Buzz vans to Uber"),
# or the figures of them in a market report ("after weaker-than-expected delivery forecasts").
_DELIVERED_A_NUMBER = re.compile(r"x{2,}(?:['’]s\s+[\w-]+)?\s+deliver(?:ed|s)\s+(?:(?:about|nearly|over|some|almost"
                                 r"|more\s+than|just\s+over)\s+)?\d")
_DELIVERY_FIGURES_AFTER = re.compile(r"\s+(?:forecasts?|figures|numbers|estimates?|guidance)\b")


def _is_own_deliveries(lowered: str, found: re.Match[str]) -> bool:
    if found.group() == "delivery" and _DELIVERY_FIGURES_AFTER.match(lowered, found.end()):
        return True
    return len(_DELIVERED_A_NUMBER.findall(lowered)) >= 2


# The market moving shares, not a stake bought: "sending shares in the carmaker and its rivals lower"
# (not "boosting shares in Pony.ai to 15%": a stake raised)
_MOVES_SHARES_BEFORE = re.compile(r"\b(?:send\w*|sent|push\w*|lift\w*|knock\w*|drag\w*|drove|driving|boost\w*"
                                  r"|hit|hits|hitting)\s+$")
_MOVE_AFTER = re.compile(r"\b(?:up|down|higher|lower|soar\w*|tumbl\w*|slid\w*|fall\w*|fell|ris\w*|rose|jump\w*"
                         r"|plung\w*|surg\w*|sink\w*|sank)\b")
# A ranking by market share, and nothing else: "Huawei supplied the systems in 24.1% of new cars,
# followed by Momenta with 16.5%" (not "Volkswagen takes 4.99% stake in XPeng, trailing Alibaba at
# 10%", nor "Toyota, ahead of Honda with 12%, signed a deal with Nvidia")
_RANKS_SHARES = re.compile(r"\b(?:followed\s+by|ahead\s+of|behind|trailed\s+by|trailing)\s+x{2,}\s+(?:with|at|on)\s+"
                           r"(?:a\s+)?\d[\d.]*\s*(?:%|percent|per\s+cent)")
_A_DEAL_NAMED = re.compile(r"\b(?:deals?|agreements?|contracts?|partner\w*|stakes?|invest\w*|acqui\w*|sign\w*"
                           r"|(?:will|to) suppl\w*|alliance|co-?develop\w*"
                           r"|orders?|won|wins?|venture|mou|tie-?ups?|picks?|picked|chose|chosen|select\w*)\b")


# A fund's report of its holdings: what it sold is no deal's end ("Buffett Exits BYD, Adds to Apple")
_HOLDINGS_FILING = re.compile(r"\b13-?f\b")
# ... not a company's own, which tells its own trades: "Amazon's 13F shows it exited its Rivian stake",
# "Amazon sold its remaining shares in Rivian, its 13F filing showed"
_OWN_FILING = re.compile(r"x{2,}(?:['’]s?)?\s+(?:[\w-]+\s+)?13-?f\b|^\W*x{2,}\b[^.;]*\b(?:its|their)\s+13-?f\b")


def _ranks_shares(lowered: str) -> bool:
    """Does the sentence rank companies by their shares ("followed by Momenta with 16.5%" or
    "with 16.5 percent"), with no deal named in it? Two shares at least: one alone is a stake."""
    shares = lowered.count("%") + lowered.count("percent") + lowered.count("per cent")
    return (shares >= 2 and _RANKS_SHARES.search(lowered) is not None
            and _A_DEAL_NAMED.search(lowered) is None)


def _is_the_market(lowered: str, found: re.Match[str], before: str) -> bool:
    """Are the shares of a stake word the market's, bought by investors ("Retail investors buy
    shares of Tesla after Samsung chip deal") or moved by news ("sending shares in the carmaker and
    rivals Geely and XPeng lower"), rather than a stake taken?"""
    word = found.group()
    return ((" shares " in word and _MARKET_BUYERS_BEFORE.search(before) is not None)
            or (word.startswith("shares") and _MOVES_SHARES_BEFORE.search(before) is not None
                and _MOVE_AFTER.search(lowered, found.end(), found.end() + 60) is not None))


def _is_negated_sea(before: str) -> bool:
    return (("tidak" in before or "belum" in before or "bukan" in before or "tak " in before or not before.isascii())
            and _SEA_NOT_BEFORE.search(before) is not None)


# "Alexa built in.", "Google apps built in, and ...": "built in" as "built-in" ends its phrase; "cars
# built in Shenyang", "models built in China from 2026" tell where the cars are made.
_BUILT_IN_END = re.compile(r"\s*(?:[.,;:!?)…]|$|(?:to|and|as|too)\b)")


def _is_in_house(lowered: str, found: re.Match[str]) -> bool:
    """"BMW ... Picks Its Own Software For China", "will use their own chips", "uses in-house chips
    throughout": a choice of one's own, made in-house, not a supplier's. Not a supplier's own product: "CATL will supply its own
    cells to Ford"."""
    if not lowered.startswith(_IN_HOUSE_NEXT, found.end()) or found.group().startswith(
            ("suppl", "provid", "deliver", "order")):
        return False
    # Not beside another company's product in the same clause: "uses in-house Turing chips and
    # XXX's Drive Thor", "deploys its self-developed model in the XXX CLA"; unless set against it
    # ("in-house chips rather than XXX's")
    clause = _CLAUSE_END.split(lowered[found.end():], maxsplit=1)[0]
    return _NAMED_BESIDE.search(clause) is None


_CLAUSE_END = re.compile(r"[,;.]")
_NAMED_BESIDE = re.compile(r"(?<!rather than )(?<!instead of )(?<!over )(?<!not )\bx{2,}")


_IN_HOUSE_NEXT = (" its own", " their own", " in-house", " its in-house", " their in-house", " self-developed",
                  " its self-developed", " their self-developed", " home-grown", " homegrown")
