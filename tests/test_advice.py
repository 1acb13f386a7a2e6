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
