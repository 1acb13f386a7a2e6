"""Denials: a sentence that denies a deal reports none, strong words included.

"Nissan dementiert Verhandlungen mit Apple", "Ford denies report it is in talks with Xiaomi",
"关于其将与小米合作造车的报道不实", "Stellantis nega accordo con Xiaomi". A denial denies what it
names: in English and the Romance languages, the words after it up to its clause's end, so that
"Toyota and Pony.ai sign deal; Toyota denies job cuts" is a deal. In Chinese, Japanese and Korean,
a rumour of a deal's end called untrue is a deal that goes on. `marketwatch.deals` asks this of
each sentence before reading its deal words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_DEAL_TALKED = r"(?:tie-up|deal|merger|partnership|alliance|takeover|investment|stake|venture|jv)"
# A sentence that denies reports no deal, strong words included: "Nissan dementiert
# Verhandlungen mit Apple", "关于其将与小米合作造车的报道不实". Matched against lower-cased text.
_DENIAL = re.compile(r"\b(?:den(?:y|ies|ied|ying)|dementi\w*|refut\w+)\b|\bweis(?:t|en)\b.{0,60}\bzurück\b"
                     # German "rules out": "Eine Kooperation mit Google ... schloss der Chef aus"
                     # (not "schloss eine Partnerschaft ... und baut das Werk aus": another verb's "aus")
                     # nor "aus China" (from): "aus" ends the clause
                     r"|\bschl(?:ie(?:ß|ss)t|ie(?:ß|ss)en|oss|ossen)\b(?:(?!\b(?:und|oder|sowie)\b)[^,;.]){0,100}?\baus"
                     r"(?=\s*(?:[.,;:!?\"“”„«»)]|$))"
                     # "Ferrari dismisses report it is in talks with Apple", "rejects speculation", "Ferrari Boss
                     # Dismisses Apple Tie-Up Talk", "Lotus Rebuffs Report of Alibaba Investment"
                     r"|\b(?:dismiss|reject)\w* (?:a |the |media |press |news )?(?:reports?|rumou?rs?|speculation)\b"
                     r"|\b(?:dismiss|reject|rebuff|brush\w* off)\w* (?:a |the |media |press |news )?(?:(?:[\w.&-]+ )?"
                     + _DEAL_TALKED + r" (?:talk|chatter|buzz|reports?|rumou?rs?)"
                     r"|(?:talk|chatter|buzz|reports?|rumou?rs?|speculation) (?:of|about) (?:a |an )?(?:[\w.&-]+ )?"
                     + _DEAL_TALKED + r")\b"
                     # "Asked about a report that GM is in talks with Apple, Barra says: 'We're not in talks
                     # with Apple'": a report denied (not a company's word on other talks beside its deal,
                     # "Lucid confirms Uber deal; 'we are not in talks with anyone else'", nor "no longer in
                     # talks": talks ended)
                     # "Asked whether Ford was in talks with Xiaomi, he said: 'No.'"
                     r"|\basked\s+(?:whether|if)\b[^;]{0,150}?\b(?:said|says|replied|answered|responded)\s*[:,]?\s*"
                     r"[\"“'‘]?no[.,!;\"”’]"
                     r"|\b(?:reports?|reported|rumou?r\w*|speculation)\b[^.;]*?(?:\b(?:is|are|am|was|were)|['’]re|['’]m)"
                     r" not in (?:talks|discussions|negotiations)\b"
                     # "a BYD spokesman called a new report that the two would revive a partnership
                     # 'groundless'"; "said it had no plans to invest in Waymo, days after a report that the
                     # carmaker was weighing a stake": what the report says is denied
                     r"|\b(?:reports?|rumou?rs?|claims?|speculation)\b[^.;]{0,160}?[\"'‘“]?\b(?:groundless|baseless"
                     r"|unfounded|untrue|fabricated|not\s+true|(?:pure\s+|a\s+)fiction)\b"
                     r"|\bno\s+plans?\b[^.;]{0,120}?\b(?:after|following)\s+(?:a|the)\s+(?:media\s+|press\s+|news\s+)?"
                     r"reports?\s+that\b"
                     # "纯属捏造" (a pure fabrication), "假消息", Japanese 事実無根 and Korean 사실무근 (groundless)
                     r"|否认|辟谣|谣言|不实|捏造|假消息|子虚乌有|事実無根|사실무근|ปฏิเสธ"  # ... and Thai ปฏิเสธ (denies)
                     # ... Korean "공급설, 검토한 바 없다" (never considered the supply rumoured), "협력설은
                     # 사실이 아니다"; Japanese "提携報道は事実ではない": a deal's rumour called untrue (not
                     # "철수설은 사실이 아니다", another rumour beside a deal)
                     r"|(?:공급|협력|제휴|인수|투자|합작|채택|탑재|지분)(?:설|\s?계약|\s?보도에?)?[^.。…]{0,20}?"
                     r"(?:검토한\s?바\s?없|사실이\s?아니|사실과\s?(?:다르|다릅|달라)|부인)"
                     r"|(?:提携|協業|買収|出資|採用|供給|合弁)(?:の報道|報道|は|が)[^。…]{0,8}?事実では(?:な|あり)"
                     # Japanese 否定 (denies), not 否定的 (negative); "Daimler Truck rules out Horizon"
                     r"|否定(?!的)|\brul(?:e|es|ed|ing) out\b"
                     # Vietnamese and Indonesian: "phủ nhận" (denies), "membantah", "menampik"
                     # ... and Vietnamese "không đúng sự thật" (untrue)
                     r"|phủ nhận|bác bỏ|không đúng sự thật|\b(?:mem|di)?bantah\w*|\b(?:me|di)nampik\b"
                     # ... "bác tin đồn hợp tác" (dismisses a rumour of a deal, not of a withdrawal); Hindi
                     # "खंडन" (denial), "called it rumour/speculation", "का ज़िक्र नहीं" (made no mention of;
                     # not "..., लेकिन": but)
                     r"|bác tin đồn (?:về )?(?:hợp tác|bắt tay|liên doanh|đàm phán|thỏa thuận|mua lại)"
                     r"|खंडन|(?:अटकलबाज़ी|अफवाह) बताया|बताया (?:अटकलबाज़ी|अफवाह)|को (?:अटकलबाज़ी|अफवाह)\b"
                     r"|का (?:ज़िक्र|जिक्र|उल्लेख) नहीं(?!,? लेकिन)")


# "与华为合作不变，'分手'传闻纯属捏造", "提携解消報道は事実無根　協業を継続": what is called untrue is
# the deal's end, and the deal goes on. (Said in Chinese, Japanese or Korean: in English the
# denial names its object, "denies report it will end ...", which is rarer in headlines.)
_ENDING_DENIED = re.compile(r"分手|破裂|解消|결렬|终止|解除|散伙|告吹|不变|继续|継続|확대|持续|深化|중단|지속")


# Italian "ha smentito", Spanish "desmiente", Portuguese "desmente", French "dément", and "niega",
# "nega", "negou" (denies): denials of a deal said in their own clause ("ha smentito le
# indiscrezioni ... in trattative con Xiaomi"), not of a breakup ("smentisce la rottura con
# Leapmotor") nor of something else beside a deal ("firma accordo con Leapmotor; smentite voci su
# tagli"). `_ROMANCE_DENIAL_HINTS`: substrings without one of which the regex cannot match.
# (French: forms of "démentir", not "démentiel", crazy)
_ROMANCE_DENIAL = re.compile(r"\b(?:smenti\w*|desm(?:ient|ent|int)\w*|dément(?:s|ent|ait|aient)?|démenti(?:r|t|e|es|s)?"
                             r"|niega|negó|nega|negou|negano|negaron)\b"
                             r"(?P<what>[^;]{0,160})")
_DENIED_DEAL = re.compile(r"trattativ|accord|acuerd|acord|partnership|parceri|alleanz|alianz|negocia|negozia|colabora"
                          r"|discussion|pourparlers|n[ée]goci|conversaciones|colloqui|partenariat"
                          r"|collabora|cooper|fusion|fusión|fusão|intesa|sociedad|tie-up|deal|au capital|en el capital"
                          r"|participa")
_CONJUNCTION = re.compile(r",|\s(?:e|y|et|and|ma|mas|pero|but|mais|tout en|alors que)\s")
_BREAKUP = re.compile(r"rottur|ruptur|rupture|separa|divorzi|divorc|split|fine dell|fin de|fin du|fin des|fim d"
                      r"|arrêt|réduction")
_ROMANCE_DENIAL_HINTS = ("smenti", "desm", "démen", "neg", "nieg")
_NOT_BEFORE = re.compile(r"\b(?:ne|n['’]a\s+pas|pas|non|no|não)\s+$")


# English denials whose object follows them ("denies report it is in talks with Xiaomi"), and where
# that object ends: "Toyota and Pony.ai sign deal; Toyota denies job cuts" denies no deal.
_OBJECT_FOLLOWS = re.compile(r"den(?:y|ies|ied|ying)|refut\w+|(?:dismiss|reject|rebuff|brush)\w* .*|rul\w+ out")
_OBJECT_END = re.compile(r"[,;:\u2014\u2013]|\s(?:and|but|as|while|after|amid|even as|-)\s")
# "denies reports that ...", "rejects speculation of ...": what is denied is what the report says,
# a denial all the same.
_REPORTED = re.compile(r"\s*(?:(?:a|the|any|media|press|news)\s+)*(?:reports?|rumou?rs?|speculation|claims?"
                       r"|allegations?)(?:\s+(?:of|on|about|that))?\b")


# What a denial gives way to: "denies takeover report but confirms partnership talks with Google"
_BUT_CONFIRMS = re.compile(r"\bbut\s+(?:it\s+|they\s+|x{2,}\s+|the\s+\w+\s+)?(?:did\s+)?confirm(?:s|ed|ing)?\b")


def denies_in(lowered: str, text: str, names_a_deal: Callable[[str], bool]) -> bool:
    """Does the sentence deny a deal? `lowered`: `text` lower-cased, offsets kept; names in it
    are masked ("XXXX") or, in a headline not masked, capitalised. `names_a_deal`: whether some
    lower-cased words have a deal word (`marketwatch.deals`'s own test)."""
    if not _may_deny(lowered):
        return False
    for found in _DENIAL.finditer(lowered):
        if found.group().isascii() and _denies_something_else(lowered, text, found, names_a_deal):
            continue  # "...; Toyota denies job cuts": another denial may follow
        if " but " in lowered[found.end():] and _BUT_CONFIRMS.search(lowered, found.end()):
            continue  # "Rivian denies takeover report but confirms partnership talks with Google"
        if found.group().isascii() or _ENDING_DENIED.search(lowered) is None:
            return True
    if any(hint in lowered for hint in _ROMANCE_DENIAL_HINTS):
        for found in _ROMANCE_DENIAL.finditer(lowered):
            if found["what"].startswith(" pas") or _NOT_BEFORE.search(lowered, max(0, found.start() - 10),
                                                                      found.start()):
                continue  # "Renault ne dément pas les discussions", "n'a pas démenti", "non smentisce"
            what = _CONJUNCTION.split(found["what"], maxsplit=1)[0]  # "nega chiusura e firma accordo"
            if _DENIED_DEAL.search(what) and not _BREAKUP.search(what):
                return True
    return False


def _may_deny(lowered: str) -> bool:
    """Could `_DENIAL` match? Substring tests first: the regex costs more than the rest of
    `deal_of` on a sentence that denies nothing. A test for each of its ASCII words ("dementi"
    holds no "den": "Nissan dementiert Verhandlungen mit Apple" is all ASCII); its other words
    ("weist ... zurück", 否认) are not ASCII, and such text always reaches the regex."""
    return ("den" in lowered or "dementi" in lowered or "refut" in lowered or "dismiss" in lowered
            or "rebuff" in lowered or "brush" in lowered
            or "reject" in lowered or "rul" in lowered or "bantah" in lowered or "nampik" in lowered
            or "schloss" in lowered or "schliess" in lowered or "not in " in lowered or "asked " in lowered
            or "ground" in lowered or "baseless" in lowered or "unfounded" in lowered or "untrue" in lowered
            or "fabricated" in lowered or "no plan" in lowered or "true" in lowered or "fiction" in lowered
            or any(hint in lowered for hint in _ROMANCE_DENIAL_HINTS) or not lowered.isascii())


_CALLED_UNTRUE = re.compile(r"\b(?:groundless|baseless|unfounded|untrue|fabricated|not\s+true|fiction)\b")


def _denies_something_else(lowered: str, text: str, found: re.Match[str],
                           names_a_deal: Callable[[str], bool]) -> bool:
    """Does an English denial deny something other than the deal the sentence reports beside it
    ("Toyota and Pony.ai sign robotaxi deal; Toyota denies job cuts")? Its object, up to its
    clause's end, has no deal word, no name (masked or capitalised) and a word to stand for
    itself, and the rest of the sentence has a deal word. Not a report, a rumour or a claim
    denied ("Sony denies report it will make electric cars"): what it says is in the summary, and
    is often the deal. Otherwise ("talks", "it", nothing) it denies the deal, as any denial did."""
    if _CALLED_UNTRUE.search(found.group()):
        # "Nio calls report of chip unit sale untrue, signs deal with Nvidia": the report's own
        # words name no deal, and the rest of the sentence does
        return not names_a_deal(found.group()) and names_a_deal(lowered[:found.start()] + " ; "
                                                                 + lowered[found.end():])
    if not _OBJECT_FOLLOWS.fullmatch(found.group()) or _REPORTED.search(found.group()):
        return False
    start = found.end()
    end = next((b.start() for b in _OBJECT_END.finditer(lowered, start)), len(lowered))
    if _REPORTED.match(lowered, start, end):
        return False
    what, said = lowered[start:end], text[start:end]
    return (re.search(r"[a-z]{4,}", what) is not None and not any(c.isupper() for c in said)
            and not names_a_deal(what) and names_a_deal(lowered[:found.start()] + " ; " + lowered[end:]))
