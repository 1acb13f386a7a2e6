"""Deal language: does a sentence report a tie-up, and of which kind?

Kinds are tried in priority order, so "in talks to form a joint venture" is talks and
"ends its partnership" is ended. Words such as "deal", "uses" or "gets" are weak: they count
only in a sentence with no damper (a recall, a rivalry, earnings, a sale, a lawsuit, a ban, a
review, a roundup), and not at all in a story whose headline is about one of those, because the
headline says what the story is about ("Hyundai recalls 82,000 cars" then "Hyundai and LG agreed
to split the cost"). Advice is no deal at all: "Nissan should partner with Foxconn, analysts
say"; nor is a denial ("dementiert Verhandlungen", "报道不实", "dismisses report": in
marketwatch.denials) or a person's career ("who co-founded Aurora").

English, German and Chinese are covered, as the shipped feeds are, and the commoner French,
Spanish, Italian, Japanese and Korean wordings, for feeds in other languages (the words, language
by language, are in marketwatch.deal_words and marketwatch.deal_words_intl). Chinese and
Japanese have no spaces between words, and Korean attaches particles to them ("협력을"), so
their deal words match anywhere; the others match whole words. A deal word negated ("a rival,
not a partner") is none, nor is one not yet made ("has yet to sign a deal") or not meant ("has no
plans to adopt it"); the other reasons a deal word tells no deal where it stands (a supply under
threat, a choice of one's own, a sponsor's title, what a company does already, a person's job, a
count of partners, ...) are marketwatch.deal_guards'. Company names are masked by the caller before the sentence gets here, so that the "Alliance"
in "Harmony Intelligent Mobility Alliance" is not read as deal language.
"""

from __future__ import annotations

import re

from marketwatch.advice import CLAUSE_BREAK, is_advice, may_advise
from marketwatch.alternation import compile_by_first_char, kind_of, split_alternatives
from marketwatch.deal_guards import is_no_deal, tells_no_deal
from marketwatch.deal_words import STRONG, WEAK, merged
from marketwatch.deal_words_intl import (
    CJK,
    CZECH,
    CZECH_WEAK,
    DUTCH,
    DUTCH_WEAK,
    GERMAN,
    GERMAN_WEAK,
    HINDI_ARABIC,
    ITALIAN,
    ITALIAN_WEAK,
    JAPANESE,
    KOREAN,
    NORDIC,
    POLISH,
    POLISH_WEAK,
    ROMANCE,
    ROMANCE_WEAK,
    SOUTHEAST_ASIAN,
    SOUTHEAST_ASIAN_WEAK,
    THAI,
    TURKISH,
    TURKISH_WEAK,
)
from marketwatch.dealtypes import DEAL_TYPES
from marketwatch.denials import denies_in
from marketwatch.text import lower_keeping_offsets

_DAMPER_WORDS = (  # for lower-cased text
    # "sue" only after the words that lead an English verb: Italian "sue" is "its" ("delle sue auto")
    # ... and in French, Spanish, Italian and Portuguese feeds: "Dacia llama a revisión 62.000 Sandero",
    # "rappelle 40 000 voitures", "richiama 12.000 vetture", "campanha de recall"
    r"llama(?:r[áa]|n)? a revisi[óo]n|llamada a revisi[óo]n|campagne de rappel|campanha de recall"
    r"|(?:rappel(?:le|lent)?|richiam(?:a|ano|o)) (?:plus de |pr[èe]s de |oltre |circa )?\d[\d .,\u00a0\u202f]*"
    r"(?:voitures|v[ée]hicules|unit[ée]s|exemplaires|auto|vetture|veicoli|esemplari)|"
    r"recall\w*|lawsuits?|sues|sued|suing|(?:to|will|would|could|may|might|threatens? to) sue|accus\w+|trade secrets|theft|stealing|verdict|settle\w*|reimburs\w+"
    # (not a product's likeness to a company's: "Audi picks Nvidia-rivalling Qualcomm chips"; nor a
    # rival's deal told as the time of the news, which deal_guards sets aside: "Chery picks Huawei, weeks
    # after rival BYD's Huawei tie-up")
    r"|front-?runners?|yerine|(?<![\w]-)(?<!days after )(?<!weeks after )(?<!months after )(?<!years after )"
    r"(?<!shortly after )(?<!just after )(?<!soon after )rival\w*|compet\w+|outsell\w*|outsold|beats?|beating|overtak\w+|topp(?:ed|ing)|versus|vs\.?|takes? on"
    r"|takes? aim|undercut\w*|price war"
    # A plant's supply cut off: "Lightning Bolt Knocks Out Power at Samsung's Austin Fab; Hyundai and Toyota
    # Brace for Chip Delays" (the summary's "chips that Samsung supplies to Hyundai" tells whom it hits). Not
    # a shortage a deal answers: "Amid chip shortage, Ford to source chips directly from Qualcomm"
    # a fire that is the news: "Fire breaks out at Hyundai-LG battery plant site" (not "After blaze broke out
    # at LG plant, GM to buy cells from Samsung SDI")
    r"|(?:^|(?<=: )|(?<=\n))(?:an? )?(?:huge |major |large |big |massive |small )?(?:fire|blaze|explosion)s? (?:breaks?|broke) out"
    r"|knock(?:s|ed)? out power|(?:power )?(?:outages?|blackouts?|fires?|floods?|explosions?) (?:at|hits?|halts?|shuts?)"
    # a study's findings: "Stanford study: Waymo robotaxis crash less than Tesla drivers using FSD"
    r"|study(?=:)"
    r"|black friday|cyber monday|prime day|discount\w*|lease deals?|lease offers?|best deals?|deals? on|on sale"
    r"|sale price|lowest price|price cuts?|bargain\w*|% off|[$€£][\d,.]+ off|year-end deals?|holiday deals?"
    # a ranking by value: "Oracle Passes Tesla in Market Value as AI Cloud Deals Pile Up"
    r"|(?:in|by) market (?:value|cap|capitali[sz]ation)"
    r"|probe|investigat\w+|fine[sd]?|ban|bans|banned|bar|bars|barred|sanction\w*|tariff\w*|blacklist\w*"
    r"|earnings|quarterly|profit|revenue|shares (?:rose|fell|rise|fall|jump\w*|plunge\w*|slump\w*)"
    # (not a move told with its cause, what a company said or did: "Shares rose 4% after the supplier said
    # Jaguar Land Rover had picked its Gen 6 ADAS platform")
    r"(?! (?:[\w%.,$-]+ ){0,5}?(?:after|on) (?:(?:the|its) (?:[\w-]+ )?|(?:x{2,} )+|it )?(?:said|says|announced"
    r"|won|signed|agreed|landed|secured|struck|inked)\b)"
    r"|poach\w*|hires?|hired|joins? as|former|den(?:y|ies|ied|ying)|denials?"
    # a person's move: "Woven by Toyota's technology chief leaves to join OpenAI's devices team"
    r"|(?:leav(?:e|es|ing)|left|quit(?:s|ting)?|resign(?:s|ed|ing)?|depart(?:s|ed|ing)?) to (?:join|run|lead|head)"
    # "Volvo EX30 review: ... Google Maps and Assistant are built in": a review tells of no new deal,
    # and a roundup's weak words belong to several items ("This week in mobility: Kia opens PV5 orders,
    # Uber adds Waymo"). Not a regulator's review of a deal ("EU to review Volkswagen's deal to use
    # Rivian software", "subject to regulatory review"), which reports the deal.
    r"|(?<!to )(?<!will )(?<!under )(?<!regulatory )(?<!antitrust )reviews?"
    r"|first drive|road test|week in (?:review|mobility|evs?|cars|autos|tech|transportation)"
    # a comparison test and a ranking: "Hyundai Ioniq 5 With Google Built-In Tested Against Tesla Model Y",
    # "The 10 best infotainment systems of 2026, ranked"
    r"|tested (?:against|versus|vs\.?)|(?:head-to-head|twin|comparison) test|, ranked(?![ \w])|ranked(?=:)"
    r"|the \d+ best [\w -]{3,40}? of (?:19|20)\d\d"
    r"|round-?ups?|wrap-?ups?|briefs|briefing|recap|stock market today|stocks? to watch|markets? wrap"
    # A market-research release: "Automotive Lidar Market to Reach $9.8 Billion by 2032", "grow at a
    # CAGR of 28%, driven by adoption at BYD, ... and Xiaomi": its carmakers are a market's buyers.
    # The market is what the text is about: its first words, not "wins an order as the market grows".
    r"|cagr|market (?:size|report|research|forecast)|^(?:[\w-]+ ){0,5}market (?:is |was )?"
    r"(?:projected |expected |forecast |poised |set )?to (?:reach|grow|hit|surpass|exceed)"
    # "GM names Qualcomm, LG Energy Solution among Supplier of the Year winners": an award honours
    # suppliers a carmaker already has ("awarded a contract" is a strong word, and stays one; "by
    # the end of the year", "the big winner as ... pick" and "honoured to be selected" are no award)
    r"|(?:supplier|partner|vendor)s? of the year|award[- ]winn\w*|(?:award|prize) (?:winners?|honou?rees?)"
    r"|among (?:[\w-]+ ){0,6}?(?:winners|honou?rees)|honou?red (?:as|with|at|for)"
    # "Genesis Gets Apple TV+ Documentary; Hyundai Signs On As Sponsor": a sponsorship is no tie-up
    r"|sponsor\w*"
    # A survey's findings name brands, not deals: "A survey of 8,000 drivers commissioned by Oracle found that
    # buyers of BMW and Audi cars use voice commands most", "Oracle Survey: Six in Ten Drivers Want AI"
    r"|\b(?:survey|poll)s?(?: of| by| commissioned| conducted| finds| found| shows| showed|:)"
    # ... a team's title or naming-rights deal too: "Oracle Extends Red Bull Racing Title Deal Into Ford Powertrain Era"
    r"|(?:title|naming[- ]rights?|jersey|shirt|livery)\s+(?:deal|partner\w*|agreement|contract)"
    # ... and so is an event's official partner: "Hyundai named official mobility partner of Nvidia GTC Paris"
    r"|(?:named|becomes?|became|appointed|as) (?:the |its |an? )?official (?:[\w-]+ ){0,2}?partner"
    # ... and a trade show's, as what they are (not "Qualcomm, a premium partner of the show, announced BMW
    # will use ..."): "BMW, Mercedes and Volkswagen return as premium partners of the show"
    r"|(?:as|are|is|named|become|becomes|became) (?:the |a |an )?(?:premium|founding|platinum|gold|silver|principal"
    r"|presenting|title) partners? of (?:the |this year['’]s )?(?:show|event|fair|expo|exhibition|conference|summit"
    r"|festival|congress)"
    # A stock index's changes: "Hesai, Li Auto and Horizon Robotics to join Hang Seng Tech Index"
    r"|(?:join|joins|joining|added to|enter|enters|included in|inclusion in|removed from|dropped from) (?:the )?"
    r"(?:[\w&.-]+ ){0,4}?(?:index|indices|indexes)\b|index (?:rejig|reshuffle|rebalanc\w*|review)"
    # Two bosses on one stage: "Elkann and Altman share Turin stage", "spoke together at Italian Tech Week"
    r"|shar(?:e|es|ed|ing) (?:a |the )?(?:[\w-]+ )?stage|on stage together|(?:spoke|speak|speaks|appeared) together"
    r"|fireside chat|panel discussion|webinar|podcast|ep\. \d+|episode \d+"
    # A hands-on review, a benchmark, a show's picks, a tutorial, a patent filing: "I spent a week with the
    # Polestar 4's Google built-in", "We benchmarked the infotainment in 12 EVs", "Best of CES 2026: ...
    # our picks", "How to add your BMW digital key to Apple Wallet", "Ford patent describes in-car ads"
    # (the first-person, how-to, hands-on and picks forms only as what a text starts with: not "Rivian picks
    # Google Maps, and we drove it", "Ford picks Google to help dealers learn how to update software",
    # "Qualcomm wins GM cockpit deal; hands-on with the Snapdragon Elite", "a hands-on demo at GTC")
    r"|(?:^|(?<=: )|(?<=\n))(?:i spent (?:a|an|one|two|three|\d+) (?:days?|weeks?|months?|hours?) (?:with|in|driving)"
    r"|we (?:benchmarked|tested|drove|reviewed)|how to (?:add|use|set up|connect|install|enable|pair|get|turn on"
    r"|update)|hands-on(?=:| with\b| review)|our picks)|best of ces|patent (?:application|filing)s?"
    r"|files? (?:a )?patent|patent (?:describes|shows|reveals)"
    # an explainer of what is in the cars on sale: "CATL or BYD Blade? Here's which battery is in your EV"
    # (not "Here's why Toyota picked Nvidia", which tells of the deal)
    # (not a deal headline's tail: "Mercedes to use Luminar lidar across lineup: here's which models get it")
    r"|(?:^|(?<=\? )|(?<=\n))here['’]s (?:which|every|all the)\b"
)
_DAMPERS = compile_by_first_char(((None, branch) for branch in split_alternatives(_DAMPER_WORDS)),
                                before=r"\b", after=r"\b")
# Dampers of this kind too, rarer, each behind a substring test (`is_damped`): kept out of
# `_DAMPERS`, which every sentence without a strong deal word runs.
_RARE_DAMPERS = re.compile(
    # a consumer court's order: "Consumer forum orders Tata Motors to replace ... Harman infotainment unit",
    # damages paid ("₹50,000 in compensation"), not pay packages or a lidar's "motion compensation"
    r"\b(?:consumer (?:disputes (?:redressal )?)?(?:forum|court|commission)|in compensation"
    r"|compensation (?:to|for) (?:the )?(?:owner|buyer|customer|complainant|consumer)s?"
    # the Games' sponsors ("How Toyota, Samsung and Alibaba are powering the Winter Games", "worldwide
    # Olympic partners"); not the Games named otherwise ("Olympic Boulevard")
    r"|(?:olympic|paralympic) (?:worldwide |top )?partners?|(?:worldwide|top) olympic partners?"
    r"|power\w* the (?:[\w-]+ )?(?:games|olympics|paralympics)"
    # a supply disrupted, in Indonesian: "pasokan chip terganggu", "kekurangan"
    r"|terganggu|gangguan|kekurangan|kelangkaan)\b",
)


def _lower(pattern: str) -> str:
    """A pattern for lower-cased text: letters lowered, escapes such as \\S left alone."""
    return re.sub(r"\\.|\(\?P<|[A-Z]", lambda m: m.group() if len(m.group()) > 1 else m.group().lower(), pattern)


def _compile(table: dict[str, str], extra: dict[str, str] | None = None) -> re.Pattern[str]:
    """One regex for a table, matched against lower-cased text (three times faster than
    re.IGNORECASE over an alternation this size), its words grouped by their first letter
    (`marketwatch.alternation`); `kind_of` tells the deal type of a match."""
    words = {kind: _lower(pattern + ("|" + extra[kind] if extra and kind in extra else ""))
             for kind, pattern in table.items()}
    return compile_by_first_char(_branches(words), before=r"(?<![\w-])", after=r"(?![\w])")


def _branches(table: dict[str, str]) -> list[tuple[str, str]]:
    """(deal type as a group name, branch) for each branch of each kind's words."""
    return [(kind.replace("-", "_"), branch) for kind, pattern in table.items() for branch in split_alternatives(pattern)]


# The tables each regex is made of: English's, with the other languages' words of each kind.
STRONG_WORDS = (STRONG, merged(GERMAN, ROMANCE, ITALIAN, SOUTHEAST_ASIAN, TURKISH, POLISH, NORDIC, DUTCH, CZECH))
WEAK_WORDS = (WEAK, merged(GERMAN_WEAK, ROMANCE_WEAK, ITALIAN_WEAK, SOUTHEAST_ASIAN_WEAK, TURKISH_WEAK, POLISH_WEAK,
                           DUTCH_WEAK, CZECH_WEAK))
CJK_WORDS = merged(CJK, JAPANESE, KOREAN, THAI, HINDI_ARABIC)  # matched anywhere, in the text as it is
_STRONG_RE = _compile(*STRONG_WORDS)
_WEAK_RE = _compile(*WEAK_WORDS)
_CJK_RE = compile_by_first_char(_branches(CJK_WORDS))
# and Thai, which writes no spaces either; Devanagari and Arabic, whose words the tables match as written
_CJK_CHAR = re.compile(r"[\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u2e80-\u9fff\uac00-\ud7af]")
# What a Chinese, Japanese or Korean sentence is about when its 搭载/采用/供应 (fitted, adopted,
# supplied) tell no deal: a recall, a road test or comparison, a market-share table (whole words of
# those: not 比較的 "relatively", ライドシェア "ride-sharing", 우선순위 "priority", 测试车队 "a test fleet").
_CJK_DAMPERS = re.compile(r"召回|实测|辅助驾驶测试|分别驾驶|横向对比|横评|跑分|对决|评测|市占率|榜单"
                          r"|リコール|試乗記|試乗レポート|(?<![ァ-ヴー])シェア(?!リング)|ランキング|리콜|시승기|점유율\s?순위"
                          # a battery-usage table (SNE Research's), a supply at risk ("납품 차질 우려")
                          r"|SNE리서치|사용량(?:은|에서|\s?순위)|차질(?!\s?없)")
# ... and a lawsuit, whatever its deal words: "ファーウェイ、特許ライセンス料めぐり日産を提訴"
CJK_DISPUTE = re.compile(r"提訴|訴訟|诉讼|起诉|소송|(?<![경정])제소")  # (not 경제소식, economy news; 정제소, a refinery)
# "MoU", "JV" and "LOI" only count in capitals: "mou" and "jv" in lower case are other words.
_CASE_SENSITIVE = {"mou", "mous", "jv", "jvs", "loi"}
# Spanish "integra" (integrates) counts only in lower case: "Integra" is also Honda's car.
_LOWER_ONLY = {"integra"}
# What a carmaker's software or data runs on, or moves to: "will store and process data ... on Tencent
# Cloud under a five-year agreement", "will move to Oracle Cloud Infrastructure under a seven-year
# agreement". An agreement to use a supplier's cloud or platform is a supply deal: a sentence whose
# strong words say only "partnership" is typed supply (`deal_of`). Matched against lower-cased,
# masked text.
_RUNS_ON = re.compile(r"\b(?:run|runs|running|host|hosts|hosted|hosting|stor(?:e|es|ed|ing)|train(?:s|ed|ing)?"
                      r"|process(?:es|ed|ing)?|mov(?:e|es|ed|ing)|migrat\w+|build and test)"
                      r" (?:[\w-]+ ){0,10}?(?:on|to|onto) (?:x{2,}|(?:the )?(?:cloud|azure|aws))")


# A deal signed to use, offer, bring or supply a company's product: "signs Google deal to bring Gemini to
# Polestar 4", "signed a deal with Amazon to offer Project Kuiper broadband", "Hyundai and Kia sign on
# for Apple's CarPlay Ultra", "the first Indian carmaker to sign up for Google built-in", "ha firmado
# un acuerdo con Amazon para integrar Alexa+", "ha firmato un accordo con Qualcomm per adottare",
# "assinou um acordo com a Amazon Web Services (AWS) para migrar": a sentence whose strong words say
# only "partnership" is typed supply. Matched against lower-cased, masked text.
_DEAL_TO_USE = re.compile(
    r"\b(?:(?:deal|agreement|pact|contract|accord|acuerdo|accordo|acordo)s?\b(?: with| con| com| avec)?"
    r"(?: (?:a|o|la|el|il|l['’]))?(?: x{2,}(?:['’]s)?)?(?: \([^)]{1,20}\))?"
    r" (?:to|para|per|pour) (?:integrat|integr|intégr|offer|ofrec|oferec|offri|propos|adopt|adott|adot|use|usar|usare"
    r"|put (?!(?:up to |about |more than |some )?\d)(?:[\w'’.+-]+ ){1,3}?(?:in|into|inside)\b"  # a product put in cars
    r"|power(?! (?:the )?(?:future|homes?|houses?|households?|smart homes?)\b)"
    r"|utili|bring|llevar|levar|portare|install|instal|migrat|migrar|equip|embed|incorpor"
    # a product fitted, not a plan suited: "to fit the carmaker's long-term AI strategy", "fit out"
    r"|fit\b(?! out\b)(?!(?: [\w'’-]+){0,4}? (?:strateg\w+|needs|rules|roadmap|demand|ambitions?|plans?|goals?"
    r"|requirements|vision|budgets?|timelines?|priorities)\b)"
    r"|suppl|suministr|fornec|fornir|fourni|liefer)\w*"
    # "Dacia has signed CATL to supply LFP cells" (not "deliver": "a deal to deliver self-driving together")
    r"|sign(?:s|ed)? x{2,} to suppl\w*"
    # ... not a partnership, research or talks signed up for ("signs up for joint research with Samsung")
    r"|sign(?:s|ed|ing)? (?:on|up) for(?! (?:an? |the )?(?:[\w'’-]+ ){0,3}?(?:partnership|collaboration|alliance"
    r"|pilot|programm?e?|research|talks|pledge|mou|joint|study)\b))\b")


# What a company will use or supply, in a sentence whose strong words say only "partnership" (the
# agreement it comes under): typed supply by `deal_of`. Only words that name the supply itself: not
# "uses", "using", "built on" or "deploy", which as often tell how a partnership works.
_SUPPLIED = re.compile(
    # another company's product ("will use Nvidia's centralised computer", not "will use the collaboration"),
    # a supplier chosen ("selected by Great Wall Motor"), not a place ("in selected markets")
    r"\b(?:will use x{2,}(?:['’]s| to\b)|(?<!power )suppl(?:y|ies|ied)(?![ -]chains?\b)|selected (?:by )?x{2,}|fornitura|suministr\w*"
    r"|fournira(?! (?:son|leur|une?|de l['’]) ?(?:expertise|savoir|soutien|aide|assistance|conseils?))"
    r"|integrar[áa] (?:el|la|los|las|o|os|as)|adotter[àa] (?:i|il|la|le|lo|gli|l['’])"
    r"|manufactur(?:e|es|ed|ing) (?:[\w-]+ ){0,6}?for x{2,})\b")


# A deal named for a product: "Volkswagen signs Mobileye ADAS deal", "signs AI cockpit deal with Voyah",
# "Honda signs cloud deal with Oracle" (a carmaker's platform run on a supplier's cloud: the labels
# of 3 of 4 such headlines; "renews China cloud deal with Alibaba" was labelled partnership).
_PRODUCT_DEAL = re.compile(r"\b(?:adas|cockpit|infotainment|mapping|navigation|cloud) (?:deals?|contracts?|tie-?ups?)\b")


# A number of things bought or ordered (vehicles, mostly): "Grab signs for 3,000 Geely EX5s", "agreed to
# buy 2,000 Ioniq 5s", "a compra de 10 mil carros": a sentence whose strong words say only "partnership"
# is typed supply.
_BUYS = re.compile(r"\b(?:(?:buy|buys|bought|purchas\w+|orders?|ordered|signs? for)\s+(?:up to\s+)?\d[\d,.]*\s"
                   r"|compra(?:r|r[áa])? de (?:\d{2,}|\d{1,3}(?:[.,]\d{3})+)\s)"  # a fleet: not "compra de 1 carro"
                   r"(?!(?:million\s+|billion\s+)?(?:(?!as\s|and\s|while\s|after\s|it\s|that\s|which\s)[\w-]+\s+){0,6}?"
                   r"(?:shares|adss|stock)\b)"  # a stake's
                   r"(?!(?:more\s+)?(?:years?|months?|weeks?|days?|empresas|companhias|compa[ñn][íi]as|companies"
                   r"|por\s+cento|por\s+ciento|per\s*cent|percent)\b)")


# Vehicles added to a fleet: "Ola to add 10,000 Tata Motors EVs in fleet deal" (not jobs, cities, routes,
# percent on the market, partners, nor robotaxis deployed together: "sign deal to add 500 robotaxis")
_ADDS_VEHICLES = re.compile(r"\b(?:to add|adds|added)\s+(?:up to\s+)?\d[\d,.]*\s+(?:[\w-]+\s+){0,3}?"
                            r"(?:cars|vehicles|evs|suvs|vans|trucks|taxis|buses|scooters)\b")


def names_a_cjk_deal(text: str) -> bool:
    """Does `text` have a Chinese, Japanese or Korean deal word ("提携", "라이선스 계약")?"""
    return _CJK_RE.search(text) is not None


def _kinds(pattern: re.Pattern[str], lowered: str, sentence: str,
           advised: list[re.Match[str]] | None = None) -> set[str]:
    """The deal types of the sentence's deal words; those given as advice, a wish or a question,
    or negated (`marketwatch.advice`), go to `advised` instead."""
    kinds = set()
    found = pattern.search(lowered)
    while found is not None:
        kind = _kind(found, lowered, sentence, advised)
        cut = CLAUSE_BREAK.search(found.group()) if kind in (_SET_ASIDE, _ADVISED) else None
        if kind and kind not in (_SET_ASIDE, _ADVISED):
            kinds.add(kind)
        # A word set aside whose match runs past a clause's end leaves the next clause its own deal
        # words: "Rather than supplying chips, Nvidia will license its designs to Toyota" (one match,
        # "supplying ... to", set aside by "rather than"). Not advice or a negation that goes on past
        # the comma: "Samsung won't supply chips, or partner on software, to Hyundai".
        if cut and kind == _ADVISED and _GOES_ON.match(found.group(), cut.end()):
            cut = None
        found = pattern.search(lowered, found.start() + cut.end() if cut else max(found.end(), found.start() + 1))
    return kinds


_SET_ASIDE = "set aside"  # `_kind`'s answers for a word `is_no_deal` sets aside, and for advice
_ADVISED = "advised"
_GOES_ON = re.compile(r"\s*(?:or|and|nor)\b")


def _kind(found: re.Match[str], lowered: str, sentence: str, advised: list[re.Match[str]] | None) -> str | None:
    """The deal type of one deal word; None for one that is not one here, `_ADVISED` for advice or a
    negation, `_SET_ASIDE` for one that is no deal where it stands (`is_no_deal`)."""
    if found.group() in _CASE_SENSITIVE and sentence[found.start():found.end()].islower():
        return None
    if found.group() in _LOWER_ONLY and not sentence[found.start():found.end()].islower():
        return None
    before = lowered[max(0, found.start() - 40):found.start()]
    if is_advice(lowered, found, before):
        if advised is not None:
            advised.append(found)
        return _ADVISED
    kind = kind_of(found).replace("_", "-")
    return _SET_ASIDE if is_no_deal(lowered, sentence, found, before, kind) else kind


def refuses(text: str) -> bool:
    """Does `text` name a deal only to say there is none, or as advice, a wish or a question
    ("Ferrari 'has no plans' for OpenAI deal", "Apple should team up with BYD")? A headline that
    does leaves its story's weak deal words no deal, as a damped one does. Not when another clause
    tells one: "No Plans For Tesla Tie-Up, But Ford Picks Google", "Huang 'Would Love' To Work
    With Tesla; Toyota Adopts Thor"."""
    lowered = lower_keeping_offsets(text)
    if not may_advise(lowered):  # most headlines: no word that could make a deal word advice
        return False
    advised: list[re.Match[str]] = []
    if _kinds(_STRONG_RE, lowered, text, advised):
        return False
    # No strong deal word: a headline that refuses has weak ones, all of them advice
    if not advised and (_kinds(_WEAK_RE, lowered, text, advised) or not advised):
        return False
    # The advice's clause: its weak words are the advice's too, as in `deal_of` ("to get back into cars")
    first = min(found.start() for found in advised)
    last = max(found.end() for found in advised)
    start = max((b.end() for b in CLAUSE_BREAK.finditer(lowered, 0, first)), default=0)
    end = next((b.start() for b in CLAUSE_BREAK.finditer(lowered, last)), len(lowered))
    others = (lowered[:start], text[:start]), (lowered[end:], text[end:])
    return not any(_kinds(_WEAK_RE, low, part) for low, part in others)


def _names_a_deal(words: str) -> bool:
    """Has lower-cased `words` a deal word, for `marketwatch.denials` (what a denial names)?"""
    return _STRONG_RE.search(words) is not None or _WEAK_RE.search(words) is not None


def denies(text: str) -> bool:
    """Does `text` deny a report? A headline that does makes the whole story a denial: "Ford
    denies report it is in talks with Xiaomi", then "... is not in discussions with Xiaomi"."""
    return denies_in(lower_keeping_offsets(text), text, _names_a_deal)


# "Samsung rival LG Electronics wins Renault cockpit order": a rival named as who a company is (the
# matcher's role words) tells of no rivalry. The name before it is a capital or a masked name.
# Not "its rival Tesla", "takes on rival BYD": a rivalry.
_RIVAL_ROLE = re.compile(r"(?P<name>\b[A-Z][\w.&-]*)(?:['’]s)? (?:rivals?|competitors?) (?=[A-Z])")


# An analyst's note: "Bernstein starts Horizon Robotics at Outperform, sees Toyota, Volkswagen wins",
# "... could win orders from Toyota and Volkswagen, the analysts wrote". A sentence's words only: a
# headline "Nvidia upgraded to Buy after Toyota deal" reports the deal it names.
_ANALYST = re.compile(
    r"\b(?:(?:rais|cut|lift|lower|trim|boost|hik|set|keep|maintain|reiterat)\w* (?:[\w.$-]+ ){0,3}?price target"
    r"|price target (?:of|to|at|on)|outperform|underperform|overweight|underweight"
    r"|(?:starts|began|begins|initiates?|initiated) coverage"
    r"|(?:upgrad|downgrad)(?:es|ed|ing)? (?:[\w.-]+ ){0,3}?to (?:buy|sell|hold|neutral|equal)"
    # "... is the most likely supplier of the cells Hyundai plans to use, UBS analysts wrote in a note"
    r"|analysts? (?:wrote|write|said|say|says|noted) in a (?:research |client |investor )?note"
    # "Bernstein analysts speculated in a note that Nissan could turn to Foxconn"
    # (not the noun, nor a guess proved right: "Ending analyst speculation, Honda picks Nvidia", "as
    # analysts had guessed")
    r"|analysts? (?:have |had )?(?:speculated|speculate|floated|float|guessed|guess)(?: in a (?:research |client )?note)?"
    r"(?: on \w+)? that)\b")


def is_damped(text: str, *, headline: bool = False, policy_reason: bool = False) -> bool:
    """Is `text` about something other than a tie-up (a recall, a rivalry, earnings, a sale, a
    lawsuit, a ban, a hire, a review, a roundup, a sponsorship, an award, a market report:
    `_DAMPERS`; an analyst's note, `_ANALYST`, in a sentence but not in a `headline`)? Then its
    weak deal words tell of no deal. A rival named as who a company is ("Samsung rival LG
    Electronics wins Renault order") is no rivalry (`_RIVAL_ROLE`); with `policy_reason` (a
    headline), a tariff or ban given as the reason at its end is none either (`_POLICY_REASON_TAIL`)."""
    if ("rival" in text or "competitor" in text) and _RIVAL_ROLE.search(text):
        text = _RIVAL_ROLE.sub(r"\g<name> ", text)
    lowered = text.lower()
    if policy_reason and (reason := _POLICY_REASON_TAIL.search(lowered)) and _SOURCING.search(lowered, 0, reason.start()):
        lowered = lowered[:reason.start()]  # "Mercedes-Benz taps Luminar lidar ... in tariff-driven sourcing shift"
    return (_DAMPERS.search(lowered) is not None
            or (not lowered.isascii() and _CJK_DAMPERS.search(lowered) is not None)
            or (_may_be_rare(lowered) and _RARE_DAMPERS.search(lowered) is not None)
            or (not headline and _may_be_analyst(lowered) and _ANALYST.search(lowered) is not None))


# A headline's last words that give a policy as the reason for the deal it tells ("Mercedes-Benz taps
# Luminar lidar for U.S. models in tariff-driven sourcing shift", "Ford swaps Chinese display supplier
# for LG Electronics after tariff hike"): the tariff or ban is the why, not the news.
_POLICY_REASON_TAIL = re.compile(
    r"\s+(?:after|amid|over|following|ahead of|citing|due to|because of|in response to|to comply with|to beat"
    r"|to avoid|to dodge|in)\s+(?:(?:an?|the|new|u\.s\.|us|eu|china['’]s|chinese|higher|looming)\s+)*"
    r"(?:[\w.-]+\s+){0,2}?(?:tariff|ban|sanction|curb|export[- ]control)[\w-]*"
    r"(?:\s+(?!(?:deal|agreement|pact|accord|talks)\b)[\w-]+){0,3}\s*$")  # (not a trade deal: "in tariff deal")


# ... when what it tells is a supplier chosen (not "Hyundai, Samsung lose orders after tariff hike")
_SOURCING = re.compile(r"\b(?:taps?|picks?|chooses?|selects?|switch(?:es)?\s+to|swaps?|turns?\s+to|moves?\s+to"
                       r"|shifts?\s+to|signs?|partners?|adopts?|will\s+use|sources?)\b")


def _may_be_rare(lowered: str) -> bool:
    return ("consumer" in lowered or "compensation" in lowered or "lympic" in lowered or " games" in lowered
            or "ganggu" in lowered or "kurang" in lowered or "langka" in lowered)


def _may_be_analyst(lowered: str) -> bool:
    return ("target" in lowered or "perform" in lowered or "weight" in lowered or "coverage" in lowered
            or "grad" in lowered or " note" in lowered or "speculat" in lowered or "float" in lowered
            or "guess" in lowered)


# Where a headline's clauses meet: "Hesai posts first full-year profit, wins Toyota lidar programme",
# "Mobileye shares jump 9% as Volkswagen picks its Surround ADAS", "Aptiv shares rise after JLR
# pick" (masked text: a name is X's).
_HEADLINE_CLAUSE = re.compile(r", (?=[a-z])|; |(?<!such) (?:as|after) (?=X{2,})")
# ... when the other clause is about results or shares: not a recall's, a review's or a lawsuit's
# ("Jeep recalls 140,000 Grand Cherokees as Harman-made radios can freeze").
_RESULTS = re.compile(r"\b(?:profits?|loss|losses|revenues?|earnings|results|estimates|shares|stock|outlook"
                      r"|forecast|guidance|quarter\w*|q[1-4]|h[12]|sales|deliveries|margins?|dividend)\b")
# ... and not a deal missed or denied: "Luminar fails to win Volvo Cars contract extension, shares plunge"
_FAILS = re.compile(r"(?i)\b(?:fail\w*|los(?:e|es|t|ing)|not|no|never|without|den(?:y|ies|ied)|rul\w+ out"
                    r"|snub\w*|pass(?:es|ed)? over|reject\w*|cut\w*|reduc\w*|delay\w*|fewer|less|halt\w*|paus\w*"
                    r"|suspend\w*|scal\w+ back)\b|n['’]t\b")
_NAME = re.compile(r"X{2,}")


def deal_of(sentence: str, *, weak: bool = True, headline: bool = False) -> tuple[str | None, bool]:
    """(deal type, reported with strong words?) for a sentence; (None, False) when it reports no
    deal. `weak=False` ignores the weak words, for stories whose headline is damped. In a
    `headline` of two clauses, one about results or shares, the other's weak words count."""
    lowered = lower_keeping_offsets(sentence)
    if tells_no_deal(lowered):  # a market-share table, an old deal recalled
        return None, False
    advised: list[re.Match[str]] = []
    kinds = _kinds(_STRONG_RE, lowered, sentence, advised)
    if not sentence.isascii() and _CJK_CHAR.search(sentence):
        cjk = _kinds(_CJK_RE, sentence, sentence)
        if "supply" in cjk and (not weak or _CJK_DAMPERS.search(sentence)):
            # "蔚来召回部分ES8 涉及宁德时代供应的电池包电芯": a recall's part, a test's car; under such a
            # headline too, as an English story's weak words
            cjk.discard("supply")
        if cjk and CJK_DISPUTE.search(sentence):
            cjk = set()
        kinds |= cjk
    strong = bool(kinds)
    if not kinds and headline and _HEADLINE_CLAUSE.search(sentence) and is_damped(sentence):
        damped = {clause: is_damped(clause) for clause in _HEADLINE_CLAUSE.split(sentence)}
        # (not of three companies: "Cerence shares fall as Volkswagen picks OpenAI" is no Cerence deal)
        if (all(_RESULTS.search(c.lower()) for c, is_so in damped.items() if is_so) and not _FAILS.search(sentence)
                and len(_NAME.findall(sentence)) <= 2):
            return next((found for found in map(deal_of, (c for c, is_so in damped.items() if not is_so)) if found[0]),
                        (None, False))
    if not kinds and weak and not is_damped(sentence, policy_reason=headline):
        kinds = _kinds(_WEAK_RE, lowered, sentence)
        # Advice, a wish, a question or a denial has no other deal in the weak words of its clause:
        # "Apple should team up with BYD to get back into cars"; another clause may ("BMW has no
        # plans for a tech partnership, but the iX3 will use Qualcomm's chips").
        if advised and kinds and not CLAUSE_BREAK.search(lowered, max(found.end() for found in advised)):
            kinds = set()
    if kinds == {"partnership"} and (_RUNS_ON.search(lowered) or _BUYS.search(lowered) or _DEAL_TO_USE.search(lowered)
                                     or _ADDS_VEHICLES.search(lowered) or _PRODUCT_DEAL.search(lowered)):
        kinds = {"supply"}  # "an agreement to run its cars' data on Tencent Cloud", "signs for 3,000 EX5s"
    elif (kinds == {"partnership"} and strong and weak and _SUPPLIED.search(lowered)
          and "supply" in _kinds(_WEAK_RE, lowered, sentence)):
        # "... will use Nvidia's centralised computer, expanding a partnership that began in 2018",
        # "Tencent will supply cloud computing ... under an extended agreement": the deal is the
        # product supplied, and the partnership word only what it is signed under or extends.
        kinds = {"supply"}
    # A denial only after a deal word: half the sentences that name two companies have none.
    if not kinds or denies_in(lowered, sentence, _names_a_deal):
        return None, False
    return next((kind for kind in DEAL_TYPES if kind in kinds), None), strong
