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
by language, are in marketwatch.deal_words). Chinese and
Japanese have no spaces between words, and Korean attaches particles to them ("협력을"), so
their deal words match anywhere; the others match whole words. A deal word negated ("a rival,
not a partner") is none, nor is one not yet made ("has yet to sign a deal") or not meant ("has no
plans to adopt it"), nor a supply under threat ("strike threatens chip supply to Hyundai"), nor a choice of one's own
("picks its own software"), nor a sponsor signed as an "official partner", nor what a company does
already ("Wayve already licenses its software to Nissan") or did before ("previously supplied").
Company names are masked by the caller before the sentence gets here, so that the "Alliance"
in "Harmony Intelligent Mobility Alliance" is not read as deal language.
"""

from __future__ import annotations

import re

from marketwatch.advice import CLAUSE_BREAK, is_advice, may_advise
from marketwatch.alternation import compile_by_first_char, kind_of, split_alternatives
from marketwatch.deal_words import (
    CJK,
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
    STRONG,
    THAI,
    TURKISH,
    TURKISH_WEAK,
    WEAK,
    merged,
)
from marketwatch.dealtypes import DEAL_TYPES
from marketwatch.denials import denies_in
from marketwatch.text import lower_keeping_offsets

_DAMPER_WORDS = (  # for lower-cased text
    # "sue" only after the words that lead an English verb: Italian "sue" is "its" ("delle sue auto")
    r"recall\w*|lawsuits?|sues|sued|suing|(?:to|will|would|could|may|might|threatens? to) sue|accus\w+|trade secrets|theft|stealing|verdict|settle\w*|reimburs\w+"
    r"|front-?runners?|yerine|rival\w*|compet\w+|outsell\w*|outsold|beats?|beating|overtak\w+|topp(?:ed|ing)|versus|vs\.?|takes? on"
    r"|takes? aim|undercut\w*|price war"
    # A plant's supply cut off: "Lightning Bolt Knocks Out Power at Samsung's Austin Fab; Hyundai and Toyota
    # Brace for Chip Delays" (the summary's "chips that Samsung supplies to Hyundai" tells whom it hits). Not
    # a shortage a deal answers: "Amid chip shortage, Ford to source chips directly from Qualcomm"
    r"|knock(?:s|ed)? out power|(?:power )?(?:outages?|blackouts?|fires?|floods?|explosions?) (?:at|hits?|halts?|shuts?)"
    # a study's findings: "Stanford study: Waymo robotaxis crash less than Tesla drivers using FSD"
    r"|study(?=:)"
    r"|black friday|cyber monday|prime day|discount\w*|lease deals?|lease offers?|best deals?|deals? on|on sale"
    r"|sale price|lowest price|price cuts?|bargain\w*|% off"
    r"|probe|investigat\w+|fine[sd]?|ban|bans|banned|bar|bars|barred|sanction\w*|tariff\w*|blacklist\w*"
    r"|earnings|quarterly|profit|revenue|shares (?:rose|fell|rise|fall|jump\w*|plunge\w*|slump\w*)"
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
    # ... and so is an event's official partner: "Hyundai named official mobility partner of Nvidia GTC Paris"
    r"|(?:named|becomes?|became|appointed|as) (?:the |its |an? )?official (?:[\w-]+ ){0,2}?partner"
    # A stock index's changes: "Hesai, Li Auto and Horizon Robotics to join Hang Seng Tech Index"
    r"|(?:join|joins|joining|added to|enter|enters|included in|inclusion in|removed from|dropped from) (?:the )?"
    r"(?:[\w&.-]+ ){0,4}?(?:index|indices|indexes)\b|index (?:rejig|reshuffle|rebalanc\w*|review)"
    # Two bosses on one stage: "Elkann and Altman share Turin stage", "spoke together at Italian Tech Week"
    r"|shar(?:e|es|ed|ing) (?:a |the )?(?:[\w-]+ )?stage|on stage together|(?:spoke|speak|speaks|appeared) together"
    r"|fireside chat|panel discussion"
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
STRONG_WORDS = (STRONG, merged(GERMAN, ROMANCE, ITALIAN, SOUTHEAST_ASIAN, TURKISH, POLISH, NORDIC))
WEAK_WORDS = (WEAK, merged(GERMAN_WEAK, ROMANCE_WEAK, ITALIAN_WEAK, SOUTHEAST_ASIAN_WEAK, TURKISH_WEAK, POLISH_WEAK))
CJK_WORDS = merged(CJK, JAPANESE, KOREAN, THAI, HINDI_ARABIC)  # matched anywhere, in the text as it is
_STRONG_RE = _compile(*STRONG_WORDS)
_WEAK_RE = _compile(*WEAK_WORDS)
_CJK_RE = compile_by_first_char(_branches(CJK_WORDS))
# and Thai, which writes no spaces either; Devanagari and Arabic, whose words the tables match as written
_CJK_CHAR = re.compile(r"[\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u2e80-\u9fff\uac00-\ud7af]")
# "MoU", "JV" and "LOI" only count in capitals: "mou" and "jv" in lower case are other words.
_CASE_SENSITIVE = {"mou", "mous", "jv", "jvs", "loi"}
# Spanish "integra" (integrates) counts only in lower case: "Integra" is also Honda's car.
_LOWER_ONLY = {"integra"}
# What is so already is no news: "Wayve already licenses its AI driving software to Nissan", "Volvo
# already runs driverless loads ... with Aurora", "A Uber já tem acordos semelhantes com BYD", "Aptiv
# liefert solche Steuergeräte bereits an mehrere Hersteller". A present tense right after the word
# ("already licenses", "is already supplying"), or a noun after has/tem and a determiner ("already
# has a partnership"); not a deal done ("already signed", "déjà signé", "ya cerró", "already chosen"),
# "already close partnership", nor Spanish and Portuguese "ya que"/"já que" (since).
_HAS = (r"(?:has|have|had|holds?|is|are|was|were|tem|têm|tinha|tiene|tienen|tenía|a|ont|avait|est|es|é"
        r"|mantém|mantiene)")
_DET = r"(?:a|an|um|uma|un|una|une|its|their|sus?|seus?|suas?|ses|leurs?)"
_ALREADY_HAS = re.compile(rf"\b(?:already|já|ya|déjà)\s+(?:{_HAS}\s+(?:{_DET}\s+)?|{_DET}\s+)$")
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
# Vietnamese and Indonesian negation: "không hợp tác", "belum menandatangani".
_SEA_NOT_BEFORE = re.compile(r"\b(?:không|chưa|chẳng|từ chối|tidak|belum|bukan|tak)\s+(?!(?:chỉ|hanya|cuma|sekadar)\b)"
                             r"(?:[\w-]+\s+){0,2}$"
                             # Chinese: "比亚迪与华为并非合作伙伴，而是竞争对手" (are not partners but rivals)
                             r"|(?:并非|並非|并不是|並不是|不是|并无|並無|没有|沒有)$"
                             # Thai: "ยังไม่มีแผนร่วมมือกับ Huawei" (no plans yet to cooperate)
                             r"|ไม่มีแผน$")
# "NTT already works with Toyota, Subaru's largest shareholder, on AI": who a company is, not a stake.
_APPOSITIVE_ROLE_BEFORE = re.compile(r"x{2,},\s*\S+['’]s\s+$")
# "Consumer forum orders Tata Motors to replace ...": an order given, not an order placed.
_ORDERS_TO = re.compile(r"\s+x{2,}(?:\s+x{2,})*(?:\s+and\s+[\w-]+)?\s+to\b")
# "Uber becomes official rideshare partner" of a tournament or a stadium, "As worldwide Olympic
# partners, Toyota is providing ... and Alibaba Cloud is running ...": a sponsor's title, not a
# tie-up with the other sponsors named beside it.
_OFFICIAL_BEFORE = re.compile(r"\b(?:official|olympic|paralympic)\s+(?:[\w-]+\s+){0,2}$")
# "Mercedes-AMG F1 team signs Microsoft as official cloud partner": signing a sponsor to that title
# is no tie-up either. Matched against the lower-cased, masked text after "signs" or "inks".
_AS_OFFICIAL_AFTER = re.compile(r"\s+(?:x{2,}\s+)?as\s+(?:(?:its|their|the|an?)\s+)?official\b")
# A supply under threat is no news of a deal: "Samsung strike threatens car chip supply to Hyundai",
# "fire disrupts battery supply to Ford". Matched like `marketwatch.advice`'s words, before a supply word.
_DISRUPTED_BEFORE = re.compile(r"\b(?:threaten|disrupt|halt|jeopardi[sz]|hamper|imperil|endanger)\w*\s+"
                               r"(?:[\w-]+\s+){0,3}$")
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
    r"|utili|bring|llevar|levar|portare|install|instal|migrat|migrar|equip|embed|incorpor"
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
    r"\b(?:will use x{2,}['’]s|(?<!power )suppl(?:y|ies|ied)(?![ -]chains?\b)|selected (?:by )?x{2,}|fornitura|suministr\w*"
    r"|fournira(?! (?:son|leur|une?|de l['’]) ?(?:expertise|savoir|soutien|aide|assistance|conseils?))"
    r"|integrar[áa] (?:el|la|los|las|o|os|as)|adotter[àa] (?:i|il|la|le|lo|gli|l['’])"
    r"|manufactur(?:e|es|ed|ing) (?:[\w-]+ ){0,6}?for x{2,})\b")


# A number of things bought or ordered (vehicles, mostly): "Grab signs for 3,000 Geely EX5s", "agreed to
# buy 2,000 Ioniq 5s", "a compra de 10 mil carros": a sentence whose strong words say only "partnership"
# is typed supply.
_BUYS = re.compile(r"\b(?:(?:buy|buys|bought|purchas\w+|orders?|ordered|signs? for)\s+(?:up to\s+)?\d[\d,.]*\s"
                   r"|compra(?:r|r[áa])? de (?:\d{2,}|\d{1,3}(?:[.,]\d{3})+)\s)"  # a fleet: not "compra de 1 carro"
                   r"(?!(?:million\s+|billion\s+)?(?:(?!as\s|and\s|while\s|after\s|it\s|that\s|which\s)[\w-]+\s+){0,6}?"
                   r"(?:shares|adss|stock)\b)"  # a stake's
                   r"(?!(?:more\s+)?(?:years?|months?|weeks?|days?|empresas|companhias|compa[ñn][íi]as|companies"
                   r"|por\s+cento|por\s+ciento|per\s*cent|percent)\b)")


def _kinds(pattern: re.Pattern[str], lowered: str, sentence: str,
           advised: list[re.Match[str]] | None = None) -> set[str]:
    """The deal types of the sentence's deal words; those given as advice, a wish or a question,
    or negated (`marketwatch.advice`), go to `advised` instead."""
    kinds = set()
    for found in pattern.finditer(lowered):
        if found.group() in _CASE_SENSITIVE and sentence[found.start():found.end()].islower():
            continue
        if found.group() in _LOWER_ONLY and not sentence[found.start():found.end()].islower():
            continue
        before = lowered[max(0, found.start() - 40):found.start()]
        if is_advice(lowered, found, before):
            if advised is not None:
                advised.append(found)
            continue
        if _is_already(lowered, sentence, found, before) or _is_negated_sea(before):
            continue
        kind = kind_of(found).replace("_", "-")
        if found.group() in ("orders", "ordered") and _ORDERS_TO.match(lowered, found.end()):
            continue
        if found.group() == "largest shareholder" and _APPOSITIVE_ROLE_BEFORE.search(before):
            continue
        if kind == "supply" and (_DISRUPTED_BEFORE.search(before) or _is_in_house(lowered, found)
                                 or (found.group() == "built in" and not _BUILT_IN_END.match(lowered, found.end()))):
            continue
        if (("official" in before or "lympic" in before) and found.group().startswith("partner")
                and _OFFICIAL_BEFORE.search(before)):
            continue
        if (found.group().startswith(("sign", "ink")) and "official" in lowered[found.end():found.end() + 60]
                and _AS_OFFICIAL_AFTER.match(lowered, found.end())):
            continue
        if ((found.group().startswith(("sign", "ink")) and _SPONSOR_SIGNED.match(lowered, found.end()))
                or before.endswith(("sponsorship ", "sponsorship-"))):
            continue  # "AMD signs multi-year sponsorship with Audi's F1 team", "a sponsorship agreement"
        if found.group() in ("partner", "partners") and (
                (_JOB_TITLE_BEFORE.search(before) and not lowered.startswith(" with", found.end()))
                or _PEOPLE_FROM_AFTER.match(lowered, found.end())):
            continue  # "hired ... as a managing partner", "a Toyota Ventures partner", "partners from Woven Capital"
        if (found.group() == "partners" and _SERVICE_PARTNERS_BEFORE.search(before)
                and not _JOINS_PROGRAMME_BEFORE.search(before)):
            continue  # "Amazon's Delivery Partners Balk at Rivian Van Repair Bills": a programme's firms
        if _HYPOTHETICAL_AFTER.match(lowered, found.end()) and not _POSSESSED_BEFORE.search(before):
            continue  # "Xiaomi-Volkswagen tie-up would be 'logical next step'": a tie-up imagined
        if found.group() == "delivery" and lowered.startswith(" partners", found.end()):
            continue  # ... whose "delivery" names the programme
        if found.group().startswith("cooperat") and _INQUIRY_AFTER.match(lowered, found.end()):
            continue  # "would cooperate with any inquiry"
        if "without" in before and _WITHOUT_BEFORE.search(before):
            continue  # "use its 4G patents without a licence": that word only ("uses Huawei's system without a
            # formal agreement" is still a supply)
        if kind == "stake" and _is_the_market(lowered, found, before):
            continue  # "Retail investors buy shares of Tesla", "sending shares in XPeng lower"
        if found.group().startswith("work") and _FIX_AFTER.match(lowered, found.end()):
            continue  # "Aptiv said it was working with Ford on a fix" (of a recall)
        if found.group().startswith("deliver") and _is_own_deliveries(lowered, found):
            continue  # "Leapmotor delivered 70,289 vehicles, while XPeng delivered 42,013": their own sales
        if (kind == "supply" and found.group().startswith(("pick", "choos", "chose"))
                and _PEOPLE_CHOOSING_BEFORE.search(before)):
            continue  # "Grab lets Singapore riders pick a Tesla for S$3 more": a rider's choice of car
        if found.group().endswith("feature") and _PEOPLE_AFTER.match(lowered, found.end()):
            continue  # "the panel will feature Hyundai CRADLE's head of North America, Qualcomm's finance lead"
        if kind == "partnership" and _counts_partners(lowered, found, before):
            continue  # "Uber now works with more than 20 autonomous-vehicle partners, including Waymo, ..."
        kinds.add(kind)
    return kinds


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
_SERVICE_PARTNERS_BEFORE = re.compile(r"(?:x{2,}['’]s|\b(?:its|their))\s+(?:delivery|service|dealer|dealership|charging"
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
_INQUIRY_AFTER = re.compile(r"\w*\s+(?:fully\s+)?with\s+(?:any|the|an|all|all\s+relevant)?\s*(?:inquir|investigat|probe"
                            r"|authorit|regulator|police|court|prosecutor)\w*\b(?!-)(?![^.;]{0,40}\band\s+with\b)")
# (a deal someone has: "Nvidia's new deal with Toyota could be a natural fit")
_POSSESSED_BEFORE = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}$")
_HYPOTHETICAL_AFTER = re.compile(r"(?:\s+(?:between|with)\s+x{2,}(?:\s+and\s+x{2,})?)?"
                                 # (not the deal's worth or effect: "the deal would be worth $2 billion", "could be
                                 # great news for investors")
                                 r"\s+(?:would|could|might)\s+(?:be\s+(?:an?\s+|the\s+)?[\"'‘“]?(?:logical|natural|obvious)\b"
                                 r"|make\s+(?:a\s+lot\s+of\s+)?sense\b)")
_WITHOUT_BEFORE = re.compile(r"\bwithout\s+(?:a|an|any)\s+(?:[\w-]+\s+)?$")
# Vehicles added to a fleet: "Ola to add 10,000 Tata Motors EVs in fleet deal" (not jobs, cities, routes,
# percent on the market, partners, nor robotaxis deployed together: "sign deal to add 500 robotaxis")
_ADDS_VEHICLES = re.compile(r"\b(?:to add|adds|added)\s+(?:up to\s+)?\d[\d,.]*\s+(?:[\w-]+\s+){0,3}?"
                            r"(?:cars|vehicles|evs|suvs|vans|trucks|taxis|buses|scooters)\b")
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


# A sentence that starts by setting itself years back: "Six years ago this month, Hyundai and Aptiv
# launched Motional as a joint venture", "A decade ago, BMW, Intel and Mobileye formed an alliance".
# Not one that comes back to now ("Two years ago Toyota invested in Pony.ai, and now it is doubling",
# "..., and GM said in a filing it will buy back those shares").
_HISTORY_START = re.compile(r"(?:(?:\w+|\d+)\s+years\s+ago|an?\s+decade\s+ago|back\s+in\s+(?:19|20)\d\d)"
                            r"(?:\s+(?:this\s+(?:week|month)|today))?\b")
_BACK_TO_NOW = re.compile(r"\b(?:now|today|yesterday|last\s+(?:week|month)|this\s+(?:week|month|year)|will"
                          r"|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday"
                          r"|saturday|sunday))\b")


def _is_history(lowered: str) -> bool:
    if " ago" not in lowered[:40] and not lowered.startswith(("a decade", "back in")):
        return False
    start = _HISTORY_START.match(lowered)
    return start is not None and _BACK_TO_NOW.search(lowered, start.end()) is None


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


def _is_already(lowered: str, sentence: str, found: re.Match[str], before: str) -> bool:
    """Does the deal word tell what is so already, or was before (the patterns above)? Substring
    tests first: most sentences have none of these words."""
    word = found.group()
    if ("previous" in before or "sebelumnya" in before or "trước" in before) and _PREVIOUSLY_BEFORE.search(before):
        return True
    if "此前" in before and _before_this(before):
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


def _before_this(before: str) -> bool:
    """"此前，小马智行已与丰田…合作" (before this, Pony.ai had worked with Toyota): 此前 starts the deal's
    own clause. Not another clause ("蔚来此前宣布裁员，公司今日表示将与高通签署") nor "unlike / after /
    according to what came before" (与此前传闻不同, 继此前, 据此前)."""
    at = before.rindex("此前")
    clause = before[at + 2:].lstrip("，, ")
    return before[at - 1:at] not in ("与", "继", "比", "较", "据") and not any(c in clause for c in "，,；;。")


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
    r"|analysts? (?:wrote|write|said|say|says|noted) in a (?:research |client |investor )?note)\b")


def is_damped(text: str, *, headline: bool = False) -> bool:
    """Is `text` about something other than a tie-up (a recall, a rivalry, earnings, a sale, a
    lawsuit, a ban, a hire, a review, a roundup, a sponsorship, an award, a market report:
    `_DAMPERS`; an analyst's note, `_ANALYST`, in a sentence but not in a `headline`)? Then its
    weak deal words tell of no deal. A rival named as who a company is ("Samsung rival LG
    Electronics wins Renault order") is no rivalry (`_RIVAL_ROLE`)."""
    if ("rival" in text or "competitor" in text) and _RIVAL_ROLE.search(text):
        text = _RIVAL_ROLE.sub(r"\g<name> ", text)
    lowered = text.lower()
    return (_DAMPERS.search(lowered) is not None
            or (_may_be_rare(lowered) and _RARE_DAMPERS.search(lowered) is not None)
            or (not headline and _may_be_analyst(lowered) and _ANALYST.search(lowered) is not None))


def _may_be_rare(lowered: str) -> bool:
    return ("consumer" in lowered or "compensation" in lowered or "lympic" in lowered or " games" in lowered
            or "ganggu" in lowered or "kurang" in lowered or "langka" in lowered)


def _may_be_analyst(lowered: str) -> bool:
    return ("target" in lowered or "perform" in lowered or "weight" in lowered or "coverage" in lowered
            or "grad" in lowered or " note" in lowered)


def deal_of(sentence: str, *, weak: bool = True) -> tuple[str | None, bool]:
    """(deal type, reported with strong words?) for a sentence; (None, False) when it reports no
    deal. `weak=False` ignores the weak words, for stories whose headline is damped."""
    lowered = lower_keeping_offsets(sentence)
    if _ranks_shares(lowered) or _is_history(lowered):  # a market-share table, an old deal recalled
        return None, False
    advised: list[re.Match[str]] = []
    kinds = _kinds(_STRONG_RE, lowered, sentence, advised)
    if not sentence.isascii() and _CJK_CHAR.search(sentence):
        kinds |= _kinds(_CJK_RE, sentence, sentence)
    strong = bool(kinds)
    if not kinds and weak and not is_damped(sentence):
        kinds = _kinds(_WEAK_RE, lowered, sentence)
        # Advice, a wish, a question or a denial has no other deal in the weak words of its clause:
        # "Apple should team up with BYD to get back into cars"; another clause may ("BMW has no
        # plans for a tech partnership, but the iX3 will use Qualcomm's chips").
        if advised and kinds and not CLAUSE_BREAK.search(lowered, max(found.end() for found in advised)):
            kinds = set()
    if kinds == {"partnership"} and (_RUNS_ON.search(lowered) or _BUYS.search(lowered)
                                     or _DEAL_TO_USE.search(lowered) or _ADDS_VEHICLES.search(lowered)):
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
