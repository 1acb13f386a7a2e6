"""marketwatch.advice: a deal word said as advice, a wish or a question, or ruled out."""

from __future__ import annotations

import re

import pytest

from marketwatch.advice import CLAUSE_BREAK, is_advice, may_advise


def _advised(sentence: str, word: str) -> bool:
    lowered = sentence.lower()
    found = re.search(re.escape(word), lowered)
    return is_advice(lowered, found, lowered[max(0, found.start() - 40):found.start()])


@pytest.mark.parametrize("sentence, word", [
    ("nissan should partner with foxconn, analysts say", "partner"),
    ("apple should partner with a chinese carmaker such as byd, or buy a stake in one", "stake"),
    ("farley said he would “love to work with” xiaomi", "work with"),
    ("asked whether ferrari would work with openai, elkann demurred", "work with"),
    ("hyundai has not signed any agreement with baidu", "agreement"),
    ("elkann said: non abbiamo in programma alcun accordo.", "accordo"),
    ("toyota said on monday it had 'no plans' to invest in waymo", "invest"),  # quoted words
    ("wir brauchen keinen partner wie xxxxxx", "partner"),  # no partner like Google
    ("xxxxx would love xxxxxx to use carplay ultra, cue said", "to use"),  # a wish for someone else
    ("the carmaker would like them to supply more chips", "supply"),
    # advice with a verb of its own (blind batch 25)
    ("why xxxxxxxxx should buy a stake in xxxxxxxx, according to one fund manager", "stake"),
    ("why nissan needs to take a minority stake in a chip designer", "stake"),
])
def test_advice_wishes_questions_and_deals_ruled_out(sentence, word):
    assert _advised(sentence, word)


@pytest.mark.parametrize("sentence, word", [
    ("analysts said bmw should cut costs, and the carmaker signed a supply agreement", "signed"),
    ("honda and nvidia to study whether they can jointly develop chips", "jointly develop"),
    ("keine partnerschaft ist so eng", "partnerschaft"),  # none is closer: a foreign "no" before a verb
    ("bmw declines to detail its qualcomm deal", "deal"),
    ("xxxxxx will use xxxxxx chips, as it would like to", "use"),
    ("toyota should buy more chips, and it took a stake in xxxxxx", "stake"),
    # news's "should": what a deal's terms or sources say will happen
    ("under the deal, toyota should take a stake of about 10% in xxxxxx", "stake"),
    ("xxxxxxxxxxxxx should take a minority stake in xxxxxx under an agreement signed friday", "stake"),
])
def test_deals_told_beside_such_words(sentence, word):
    assert not _advised(sentence, word)


def test_the_gate_and_the_clause_break():
    assert not may_advise("toyota will use nvidia's ")
    assert may_advise("ford won't ")
    assert [m.group() for m in CLAUSE_BREAK.finditer("no plans for a deal, but ford picks google")] == [",", "but"]


@pytest.mark.parametrize("title, summary", [
    # a grammar stress test (blind batch 39): the passive negated, never, considered, a question, an
    # analysts' guess, nobody, undecided, an imagined gain
    ("Mercedes-Benz says its China models will not be supplied by Momenta", ""),
    ("Luminar says it is not being acquired by Volvo Cars", ""),
    ("Rivian never signed a CarPlay deal with Apple, RJ Scaringe says", ""),
    ("Nissan may consider startup investments, CEO says", "Nissan may consider investing in self-driving startups "
     "such as Wayve at some point, its chief executive said."),
    ("Will Kia finally partner with OpenAI?", "We look at what the Korean brand would gain from a deal with OpenAI."),
    ("Audi could team up with Google on in-car AI, analysts say", "Audi could team up with Google, analysts at "
     "Bernstein wrote, though neither company has discussed such a deal."),
    ("Mobileye in, Qualcomm out? Mahindra keeps its options open", "Mahindra has not decided whether to use "
     "Mobileye or Qualcomm chips, and has signed with neither, its technology chief said."),
    ("Ford, Baidu: no robotaxi deal (yet)", ""),
])
def test_deals_negated_considered_asked_or_guessed_are_none(shipped, title, summary):
    assert not shipped.match(title, summary).tieup


@pytest.mark.parametrize("title", [
    "Volkswagen verhandelt nicht mit Xpeng über ein Joint Venture",
    "Volkswagen onderhandelt niet met Xpeng over een nieuwe joint venture",
    "Volvo werkt niet samen met Google",
    "Renault ne négocie pas avec Google",
])
def test_a_not_after_the_verb_rules_the_deal_out(shipped, title):
    assert not shipped.match(title).tieup


@pytest.mark.parametrize("title, pair", [
    ("BMW arbeitet nicht nur mit Google zusammen, sondern auch mit Nvidia", ("BMW", "Alphabet")),  # not only
    ("Volkswagen will nicht länger warten und kooperiert mit Xpeng", ("Volkswagen", "XPeng")),  # no longer
    ("Renault signe pas à pas un accord avec Google", ("Renault", "Alphabet")),  # "pas" without "ne"
    ("Renault s'associe à Google pour Gemini, ce n'est pas une surprise", ("Renault", "Alphabet")),
    ("Volkswagen onderhandelt met Xpeng over een nieuwe joint venture", ("Volkswagen", "XPeng")),
])
def test_a_not_elsewhere_leaves_the_deal(shipped, title, pair):
    assert pair in shipped.match(title).pairs


@pytest.mark.parametrize("title, summary, pair", [
    # ... and their twins, which report a deal
    ("Mercedes-Benz's China models will be supplied by Momenta", "", ("Mercedes-Benz", "Momenta")),
    ("Will Toyota invest in Pony.ai? It just did", "Toyota invested $100 million in Pony.ai on Tuesday.",
     ("Toyota", "Pony.ai")),
    ("Audi teams up with Google on in-car AI", "Audi will put Google's Gemini into its cars, analysts said.",
     ("Audi", "Alphabet")),
    ("Toyota and Denso agree to study whether to jointly develop chips with Nvidia", "", ("Toyota", "Nvidia")),
    # the fifth review: a figure analysts put on a deal done, a current deal told after a first time
    ("Toyota could invest up to $500m in Pony.ai under the deal signed Tuesday, analysts said", "",
     ("Toyota", "Pony.ai")),
    ("When Toyota first invested in Pony.ai in 2020, the startup was small, and Toyota is adding another "
     "$100 million", "", ("Toyota", "Pony.ai")),
])
def test_their_twins_that_report_a_deal_still_count(shipped, title, summary, pair):
    assert pair in shipped.match(title, summary).pairs


@pytest.mark.parametrize("title, pair", [
    # a review of the "not after the verb" rule: a "not" that negates something else
    ("Ce n'est pas la première fois que Renault s'associe à Google", ("Renault", "Alphabet")),
    ("Renault ne veut pas attendre et s'associe à Google pour l'IA", ("Renault", "Alphabet")),
    ("Nicht zuletzt deshalb kooperiert BMW mit Qualcomm", ("BMW", "Qualcomm")),
    ("Mercedes will nicht warten und kooperiert mit Nvidia bei KI", ("Mercedes-Benz", "Nvidia")),
    ("Stellantis arbeitet nicht zum ersten Mal mit Foxconn zusammen", ("Stellantis", "Foxconn")),
    ("Niet voor niets werkt Volvo samen met Google", ("Volvo Cars", "Alphabet")),
    ("Porsche setzt nicht auf Huawei, sondern auf Qualcomm", ("Porsche", "Qualcomm")),
    ("Toyota investiert nicht weniger als 500 Millionen Dollar in Pony.ai", ("Toyota", "Pony.ai")),
    ("Renault n'investit pas moins de 100 millions d'euros dans Google Cloud", ("Renault", "Alphabet")),
    ("Volvo investeert niet minder dan 100 miljoen in Luminar", ("Volvo Cars", "Luminar")),
    ("Mercedes kooperiert nicht exklusiv mit Nvidia", ("Mercedes-Benz", "Nvidia")),
    ("BMW will sich nicht festlegen und verhandelt mit Qualcomm und Mobileye", ("BMW", "Qualcomm")),
])
def test_a_not_that_negates_something_else_leaves_the_deal(shipped, title, pair):
    found = shipped.match(title)
    assert pair in found.pairs, found
    assert ("Porsche", "Huawei") not in found.pairs  # "nicht auf Huawei": passed over


@pytest.mark.parametrize("title, summary", [
    # blind batch 48: "not" before the verb in Spanish, Italian and Portuguese
    ("Kia no firmará con Google", "Kia no firmará un acuerdo con Google para integrar Gemini en sus coches."),
    ("Lancia non ha firmato con Baidu", "Stellantis: Lancia non ha firmato e non è in trattativa con Baidu."),
    ("BYD não vai adotar lidar da Hesai", "A BYD não vai equipar com sensores lidar da Hesai o Dolphin Mini."),
])
def test_romance_negations_are_none(shipped, title, summary):
    assert not shipped.match(title, summary).tieup


@pytest.mark.parametrize("title, pair", [
    # ... and the same words where the deal is made: "no solo" (not only)
    ("Kia no solo firma un acuerdo con Google: también integrará Gemini", ("Kia", "Alphabet")),
])
def test_a_deal_made_beside_such_words_counts(shipped, title, pair):
    assert pair in shipped.match(title).pairs
