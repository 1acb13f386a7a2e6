"""marketwatch.denials: a sentence that denies a deal, and one that denies something else."""

from __future__ import annotations

import pytest

from marketwatch.denials import denies_in
from marketwatch.text import lower_keeping_offsets


def _denies(sentence: str) -> bool:
    return denies_in(lower_keeping_offsets(sentence), sentence, lambda words: "deal" in words or "talks" in words)


@pytest.mark.parametrize("sentence", [
    "XXXX denies report it is in talks with XXXXXX",
    "XXXXXX dementiert Verhandlungen mit XXXXX",
    "Eine Kooperation mit XXXXXX schloss der Chef aus",
    "XXXXXXXXXX nega accordo con XXXXXX",
    "关于其将与小米合作造车的报道不实",
    "XXXX Denies Job Cuts, Signs Deal With XXXXXXX",  # capitals: the object may be a name
    "XXXX signs deal with XXXXX, denies reports that it will close a plant",  # a report denied: always
    "XXXXXX denies it will close a plant",  # nothing else in the sentence is a deal
    # "not in talks" denies the talks a report named before it in the sentence
    "Asked about a report that XX is in talks with XXXXX, Mary Barra says: 'We're not in talks with XXXXX.'",
    "Asked about reports of talks with XXXXX, XXXX said it is not in discussions with XXXXX",
    # a report called groundless, and "no plans" said after a report: what the report says is denied
    "On Monday a XXX spokesman called a new report that the two would revive a partnership 'groundless'",
    "XXXXXX said on Monday it had no plans to invest in XXXXX, days after a report that the carmaker was "
    "weighing a stake in XXXXXXXX's self-driving unit",
])
def test_denials_of_a_deal(sentence):
    assert _denies(sentence)


@pytest.mark.parametrize("sentence", [
    "XXXXXX and XXXXXXX sign deal; XXXXXX denies job cuts",
    "XXX calls report of chip unit sale untrue, signs deal with XXXXXX",  # the report names no deal
    "XXXX signs deal with XXXXX, denies it will close a plant",
    "XXX nega chiusura e firma accordo con XXXXXX",
    "XXX schloss eine Partnerschaft mit XXXXXX und baut das Werk aus",
    "XXX schließt Liefervertrag mit XXXX aus China",  # "aus": from
    "与华为合作不变，“分手”传闻纯属捏造",  # the deal's end called untrue
    "XXXXX is no longer in talks with XXXXX",  # talks ended: not a denial
    "XXXXX signs deal with XXXX; 'we are not in talks with anyone else'",  # no report denied: the deal stands
])
def test_denials_of_something_else(sentence):
    assert not _denies(sentence)
