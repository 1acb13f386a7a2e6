"""Deal words said as advice, a wish or a question, or ruled out, which report no deal.

"Nissan should partner with Foxconn, analysts say", "'I'd love to work with them'", "Asked whether
Ferrari would work with OpenAI", "has not signed any agreement with Baidu", "Non abbiamo in
programma alcun accordo": a deal word is read here against the words just before it (and, for
advice that goes on past "or" or "and", the advice's verb). `marketwatch.deals` asks `is_advice`
of each deal word it finds; its `refuses` and `deal_of` use `CLAUSE_BREAK` to tell the advice's
clause from another one.
"""

from __future__ import annotations

import re
from functools import lru_cache

# "Nissan should partner with Foxconn, analysts say": advice, not a deal; nor a negated deal word
# ("Apple is a rival, not a partner"). Matched against the lower-cased text just before a deal word.
_ADVICE_BEFORE = re.compile(r"\b(?:should|ought to|needs? to)\s+(?:[a-z]+ly\s+)?(?:consider\s+|find\s+(?:a|an|another|new)\s+)?$"
                            # ... with a verb of its own, in an argument's "why" ("Why Microsoft should buy a
                            # stake in Polestar"): not news's "should" ("Toyota should take a 10% stake under the deal")
                            r"|\bwhy\s+(?:[\w.&'’-]+\s+){1,4}?(?:should|ought to|needs? to)\s+(?:buy|take|acquire|get|seek|strike|sign)\s+"
                            r"(?:a|an|another|some)\s+(?:(?:big|bigger|large|larger|small|minority|majority|new)\s+)?$"
                            # ... one to choose: "Toyota should pick one partner for its next platform"
                            r"|\b(?:should|ought to|needs? to)\s+(?:pick|choose|find|select)\s+(?:a|an|one|another|new|the\s+right)"
                            r"\s+(?:[\w-]+\s+){0,2}$"
                            # "JLR needs a Chinese tech partner such as Huawei, analysts say"
                            r"|\bneeds?\s+(?:a|an|another|new|more)\s+(?:[\w-]+\s+){0,3}$"
                            # A person's career: "Anderson, who co-founded Aurora and ran ..."
                            r"|\bwho\s+(?:also\s+|previously\s+|earlier\s+|once\s+|had\s+)?$"
                            # A deal word negated: "Apple is a rival, not a partner", "not partners"
                            r"|\bnot\s+(?:(?:a|an|our|its|their)\s+)?$"
                            # ... in the passive: "its China models will not be supplied by Momenta", "is not
                            # being acquired by Volvo Cars"
                            r"|\bnot\s+(?:be|being|been)\s+$"
                            # Never done: "Rivian never signed a deal with Apple", "never partnered with"
                            r"|\bnever\s+(?:(?:signed|struck|reached|inked|had|formed|entered\s+into)\s+"
                            r"(?:(?:any|an?|the)\s+)?(?:[\w-]+\s+)?)?$"
                            # Nobody did: "though neither company has discussed such a deal"
                            r"|\bneither\s+(?:[\w-]+\s+){0,2}?(?:has|have|had)\s+$"
                            # Undecided: "has not decided whether to use Mobileye or Qualcomm chips"
                            # (not a study's: "agreed to study whether to jointly develop chips")
                            r"|(?<!study )(?<!studies )(?<!examine )(?<!explore )(?<!assess )(?<!test )(?<!evaluate )"
                            r"\bwhether\s+(?:to\s+)?$"
                            # Only considered: "Nissan may consider investing in self-driving startups"
                            r"|\b(?:may|might|could|would)\s+(?:also\s+)?consider\s+$"
                            # Imagined gains: "what the brand would gain from a deal with OpenAI"
                            r"|\bwould\s+(?:gain|get|win|lose|give\s+up)\s+from\s+(?:(?:a|an|any)\s+)?$"
                            # Not yet: "Tesla has yet to get Nevada's approval", "has yet to sign a deal"
                            r"|\byet\s+(?:to\s+(?:\w+\s+){0,2})?$"
                            # Not meant: "BMW said it has no plans to adopt it", "no intention of partnering",
                            # "there are no plans for an agreement", "it had 'no plans' to invest in Waymo"
                            r"|\bno\s+(?:(?:immediate|current|near-term|concrete)\s+)?(?:plans?|intention|intent|interest|need)"
                            r"[\"'’”]?\s+(?:to|of|in|for)\s+(?:(?:a|an|any)\s+)?$"
                            # ... "Ferrari 'has no plans' for OpenAI deal"
                            r"|\bno\s+(?:(?:immediate|current|near-term|concrete)\s+)?(?:plans?|intention|intent|interest)"
                            r"[\"'’”]?\s+for\s+(?:(?:a|an|any)\s+)?"
                            r"(?:(?!(?:but|and|or|as|while|yet|so|though|instead)\s)[\w.&'’-]+\s+){0,2}$"
                            # None: "Volkswagen Says It Has No Talks With Nvidia", "there is no deal",
                            # "Apple has announced no Indian partner", "no Chinese partner": a nationality;
                            # "said it had no carmaker partner yet": a kind of company
                            r"|\bno\s+(?:such\s+|further\s+|new\s+|formal\s+|active\s+"
                            r"|(?:[a-z]+(?:ian|can|ean|ese|ish)|thai|french|dutch|german|korean|local|foreign)\s+"
                            r"|(?:car|auto)?makers?\s+|oem\s+|automotive\s+|tech(?:nology)?\s+|software\s+|chip\s+"
                            r"|strategic\s+|outside\s+|external\s+|robotaxi\s+|battery\s+|cloud\s+|supply\s+|x{2,}\s+)?$"
                            # ... in other languages: "Non abbiamo in programma alcun accordo", "kein Abkommen",
                            # "ningún acuerdo", "nenhum acordo", "aucun accord"; only before a clause's end or
                            # "with" (`_FOREIGN_NOT_AFTER`), not "Keine Partnerschaft ist so eng" (none is closer)
                            # ... and French "sans", "faute d'un" (without, for want of)
                            r"|\b(?P<foreign>alcun[oa]?|nessun[oa]?|ningun[oa]?|ningún|nenhum[a]?|aucune?"
                            r"|kein(?:e|en|er|em|es)?|sans|faute\s+d['’]une?)\s+$"
                            # ... and "not" before the verb in Spanish, Italian and Portuguese: "Lancia non ha
                            # firmato", "A BYD não vai equipar ...", the deal word right after the "not" (and its
                            # auxiliary); "Kia no firmará un acuerdo con Google", the deal noun a signing verb
                            # negated takes (not "no solo firma un acuerdo": not only)
                            r"|\b(?:no|non|não|nao)\s+(?:(?:ha|han|hanno|habrá|avrà|tem|têm|vai|vão|va|van|irá|irão|será"
                            r"|sarà|pretende|prevede|planea|piensa|quiere|vuole|intende)\s+(?:(?:a|de|di|ad)\s+)?"
                            r"|(?:è|sono|est[áa]n?|estão)\s+(?:in|en|em)\s+)?$"  # "non è in trattativa"
                            r"|\b(?:no|non|não|nao)\s+(?:(?:ha|han|hanno|habrá|avrà|tem|têm|vai|vão|va|van|irá|irão)\s+"
                            r"(?:a\s+)?)?(?:firm|fech|cerr|conclu|sottoscri|suscrib|assin|stipul)\w*\s+(?:(?:alcun[oa]?|ningún"
                            r"|ning[uú]n[oa]?|nenhum[a]?|un|una|uno|um|uma|el|la|il|lo|o|a|l['’])\s*)?$"
                            # A question: "Asked whether Ferrari would work with OpenAI, ...". Not a study or a
                            # review agreed on: "to study whether they can jointly develop chips", "EU to decide
                            # whether Volkswagen can invest in Rivian"
                            r"|(?<!study )(?<!studies )(?<!examine )(?<!explore )(?<!assess )(?<!test )(?<!decide )"
                            r"(?<!determine )(?<!evaluate )(?<!review )(?<!reviewing )(?<!on )"
                            r"\bwhether\s+(?:[\w'’-]+\s+){1,4}?(?:would|will|could|might|can|should|plans?\s+to"
                            r"|intends?\s+to|wants?\s+to)\s+$"
                            # Not done: "has not signed any agreement with Baidu"; refused: "Hyundai refused to
                            # take a licence", "declined to sign a deal"
                            r"|\bnot\s+(?:yet\s+)?(?:signed|reached|struck|concluded|inked|sealed|entered\s+into)\s+"
                            r"(?:(?:any|an?|the)\s+)?(?:[\w-]+\s+)?$"
                            # (a verb of commitment: "declined to detail the deal" reports one)
                            r"|\b(?:refus|declin)(?:e|es|ed|ing)\s+to\s+(?:(?:sign|join|enter|take|accept|renew|extend|form"
                            r"|pursue|back)\w*\s+(?:(?:a|an|any|the|into)\s+)?(?:[\w-]+\s+)?)?$"
                            # Not meant, in other words: "Ford won't partner with Xiaomi", "BMW isn't planning a
                            # deal", "Toyota rejected the idea of a tie-up"
                            r"|\b(?:won|wouldn|isn|aren|doesn|don)['’]t\s+(?:(?:be\s+)?(?:plan(?:ning)?|look(?:ing)?"
                            r"|seek(?:ing)?|want(?:ing)?)\s+(?:(?:to|for)\s+)?(?:(?:a|an|any)\s+)?)?$"
                            r"|\breject(?:s|ed|ing)?\s+(?:the\s+)?(?:idea|prospect|notion|proposal|offer|suggestion)\s+of\s+"
                            r"(?:(?:a|an|any)\s+)?$"
                            # Speculation: "fuelled speculation that the iPhone maker could team up with BMW"
                            # (not speculation confirmed: "Toyota confirms speculation that it would invest")
                            r"|(?<!confirms\s)(?<!confirmed\s)(?<!confirm\s)(?<!market\s)"
                            r"\b(?:speculation|rumou?rs?|bets?)\s+that\s+(?:[\w'’-]+\s+){0,4}?(?:could|might|may|would)\s+$"
                            # A wish: "'I'd love to work with them'", "we would welcome a partnership with"
                            r"|(?:\bwould|['’]d)\s+[\"“'‘]?(?:love|like|welcome|be\s+(?:happy|glad|open))[\"”'’]?\s+(?:to\s+)?"
                            r"(?:(?:a|an|any|more)\s+)?$"
                            # ... for someone else: "Apple would love Toyota to use CarPlay Ultra"
                            r"|(?:\bwould|['’]d)\s+(?:love|like|want|prefer)\s+(?:x{2,}|him|her|them|us|it|the\s+\w+)"
                            r"\s+(?:to\s+)?$")
# The advice goes on past a comma: "Apple should partner with a Chinese carmaker such as BYD, or buy a
# stake in one". A verb in the advice's form after "or" or "and" (not "signed", "buys", "investing").
_ADVICE_GOES_ON = re.compile(r"\b(?:should|ought to|needs? to)\s+(?!(?:be|have|not|also)\b)[a-z]+\b[^.;:!?]{0,120}?"
                             r",?\s+(?:or|and)\s+(?P<rest>(?:[a-z-]+\s+){0,3})$")
# ... or "like" and a name: "Wir brauchen keinen Partner wie Google" (not "Keine Partnerschaft wie jede
# andere", unlike any other, nor "Ninguna alianza como la de Renault")
_FOREIGN_NOT_AFTER = re.compile(r"\s*(?:$|[.,;:!?\"”’'»)–—-]|(?:mit|con|com|avec|entre|tra|fra|zwischen)\b"
                                r"|(?:wie|como|comme|come)\s+x{2,})")
CLAUSE_BREAK = re.compile(r"[,;:\u2014\u2013]|\bbut\b")


def may_advise(before: str) -> bool:
    """Could `_ADVICE_BEFORE` match? Substring tests first: most deal words follow none of these."""
    return ("should" in before or "ought" in before or "need" in before or "who" in before or "not" in before
            or "yet" in before or "no " in before or "non " in before or "não " in before or "nao " in before
            or "whether" in before or "love" in before or "like" in before
            or "welcome" in before or "happy" in before or "glad" in before or "open" in before
            or (not before.isascii() and "ning" in before) or "alcun" in before or "nessun" in before
            or "ningun" in before or "nenhum" in before or "aucun" in before or "kein" in before
            or "n't" in before or "n’t" in before or "reject" in before or "refus" in before or "declin" in before
            or "want" in before or "prefer" in before or "sans" in before or "faute" in before or "that" in before
            or "never" in before or "consider" in before or "would" in before or "neither" in before)


_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})
_NEW_SUBJECT = frozenset({"the", "a", "an", "it", "its", "they", "their", "he", "she", "we", "i", "this", "that",
                          "these", "those", "analysts", "shares", "investors"})


def _advice_goes_on(lowered: str, found: re.Match[str]) -> bool:
    """Is the deal word in the advice's next verb phrase (`_ADVICE_GOES_ON`): "should partner with
    X, or buy a stake in one"? The verb must be in the advice's form: not "and signed a deal"."""
    before = lowered[max(0, found.start() - 160):found.start()]
    if not ((" or " in before or " and " in before) and ("should" in before or "ought" in before or "need" in before)):
        return False
    advice = _ADVICE_GOES_ON.search(before)
    if advice is None:
        return False
    words = (advice["rest"] or "").split() + found.group().split()[:1]
    # A clause of its own: "and on Tuesday it signed", "and recently agreed", "and XXX signed"
    if any(w in _PRONOUNS or w.startswith("xx") or w.endswith("ed") for w in words):
        return False
    verb = words[0]
    return not (verb.endswith("ing") or (verb.endswith("s") and not verb.endswith("ss")) or verb in _NEW_SUBJECT)


# What analysts guess: "Audi could team up with Google on in-car AI, analysts say"
_A_DEAL_DONE = re.compile(r"\b(?:signed|signs|agreed|under the (?:deal|agreement|pact)|picks|picked|chose|selects"
                          r"|selected)\b")
# (and the means of a gain guessed: "Apple could gain a car business quickly by acquiring Rivian")
_GUESS_BEFORE = re.compile(r"\b(?:could|might|may)\s+(?:soon\s+|eventually\s+|also\s+)?$"
                           r"|\b(?:could|might|may|would)\s+(?:[\w'’-]+\s+){1,6}?by\s+$")


def _is_analysts_guess(lowered: str, before: str) -> bool:
    """Not the amount of a deal done that analysts put a figure on: "Toyota could invest up to $500m in
    Pony.ai under the deal signed Tuesday, analysts said", "Ford picks Nvidia, a deal analysts said
    could supply 2 million cars"."""
    return ("analyst" in lowered and _GUESS_BEFORE.search(before) is not None
            and _A_DEAL_DONE.search(lowered) is None)


# German, Dutch and French put "not" after the verb: "Volkswagen verhandelt nicht mit Xpeng", "Volvo werkt
# niet samen met Google", "Renault ne négocie pas avec Google"; it rules out the deal word it follows or
# stands in, and, before "mit"/"met"/"avec", the clause's deal words after it ("... über ein Joint
# Venture"). Not "nicht nur" (not only), "nicht mehr" (no longer: a deal that ended), "nicht weniger
# als", "nicht exklusiv", "nicht zum ersten Mal" and their Dutch and French twins, nor "pas" without
# French "ne", nor a "not" whose clause goes on "sondern"/"mais"/"maar" (but rather).
_NOT_WORDS = r"\b(?:nicht|niet|(?P<pas>pas))\b"
_NOT_BUT = (r"(?!\s+(?:nur|alleen|seulement|que|mehr|meer|plus|länger|langer|weniger|minder|moins|exklusiv\w*"
            r"|ausschlie(?:ß|ss)lich|exclusi\w*|uniquement|zum\s+ersten|zuletzt|voor\s+niets|la\s+première|het\s+eerst)\b)")
_NOT_AFTER_VERB = re.compile(r"\s+" + _NOT_WORDS + _NOT_BUT)
_NOT_INSIDE = re.compile(_NOT_WORDS + _NOT_BUT)
_NOT_WITH_BEFORE = re.compile(_NOT_WORDS + r"\s+(?:mit|met|avec)\s")
_FRENCH_NE = re.compile(r"\bn(?:e\s|['’])")
_RATHER_AFTER = re.compile(r",?\s+(?:sondern|mais|maar)\b")


def _last_clause(before: str) -> str:
    """The words before a deal word, from its clause's start (`CLAUSE_BREAK`)."""
    return before[max((m.end() for m in CLAUSE_BREAK.finditer(before)), default=0):]


def _is_negated_after_verb(lowered: str, found: re.Match[str], before: str) -> bool:
    if "nicht" not in lowered and "niet" not in lowered and " pas" not in lowered:
        return False
    clause = _last_clause(before)
    for negation in (_NOT_AFTER_VERB.match(lowered, found.end()), _NOT_INSIDE.search(found.group()),
                     *_NOT_WITH_BEFORE.finditer(clause)):
        if (negation is not None and (not negation["pas"] or _FRENCH_NE.search(clause + found.group()))
                and not _RATHER_AFTER.search(lowered, found.end())):
            return True
    return False


# Danish, Norwegian, Swedish, Dutch and Polish "not", "no" and "denies" before the deal word in its
# clause ("Uber vil ikke danne fellesforetak", "har ingen planer om", "hebben geen nieuwe
# leveringsovereenkomst", "Renault nie kupi udziałów"), a denial before it in the sentence ("Toyota
# afviser at have underskrevet en aftale", "Polestar dementerer, at ...", "ontkent dat het een ...
# heeft gesloten"), or "not" after the verb inside the deal words ("opløser ikke deres ..."). Not "no
# longer", a deal ended ("vil ikke lenger levere": `deal_words_intl.NORDIC`'s).
_NORTHERN_NOT = re.compile(r"\b(?:ikke|inte|ingen|inga|intet|aldrig|aldri|geen|nooit|nie)\b"
                           r"(?!\s+(?:lenger|længere|längre|langer|meer|tylko|kun|bare|bara|endast|alleen)\b)")
_NORTHERN_DENIES = re.compile(r"\b(?:afvis\w*|avvis\w*|dementer\w*|benægte\w*|nekte\w*|förneka\w*|ontken\w*"
                              r"|zaprzecz\w*|dementuj\w*)\b")


# ... in text of those languages (not "Volvo Cars' Inga Lundberg signs partnership with Nvidia")
_NORTHERN_TEXT = re.compile(r"[æøåäöąęłńśźżć]|\b(?:og|och|ikke|inte|ingen|intet|aldrig|aldri|het|een|geen|nooit|niet"
                            r"|dat|hebben|heeft|nie|się|że|jest|oraz|har|med|til|på|är|af|av|skal|ska)\b")


@lru_cache(maxsize=4)
def _is_northern(lowered: str) -> bool:
    return _NORTHERN_TEXT.search(lowered) is not None


def _is_denied_in_the_north(lowered: str, found: re.Match[str], before: str) -> bool:
    if not _is_northern(lowered):
        return False
    clause = _last_clause(before)
    return bool(_NORTHERN_NOT.search(clause) or _NORTHERN_NOT.search(found.group())
                or _NORTHERN_DENIES.search(before))


def is_advice(lowered: str, found: re.Match[str], before: str) -> bool:
    """Is the deal word `found` (in lower-cased `lowered`, `before` being the 40 characters before
    it) advice, a wish, a question or ruled out? A foreign negation counts only before a clause's
    end or "with" (`_FOREIGN_NOT_AFTER`)."""
    if (_is_analysts_guess(lowered, before) or _is_negated_after_verb(lowered, found, before)
            or _is_denied_in_the_north(lowered, found, before)):
        return True
    advice = _ADVICE_BEFORE.search(before) if may_advise(before) else None
    if advice and advice["foreign"] and not _FOREIGN_NOT_AFTER.match(lowered, found.end()):
        advice = None
    return advice is not None or _advice_goes_on(lowered, found)
