"""Matching behaviour a user notices: the right pairs, no false alarms from ambiguous names."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from conftest import COMPANIES, SHARED

from marketwatch.config import parse_config
from marketwatch.match import Matcher


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(parse_config(tomllib.loads(COMPANIES)))


def pairs(matcher, title, summary=""):
    return set(matcher.match(title, summary).pairs)


def test_seed_story(matcher):
    seed = SHARED / "seeds" / "000_0f6a77e0f2bd9020.txt"
    if not seed.exists():
        pytest.skip("../shared is absent")
    title, _, body = seed.read_text(encoding="utf-8").strip().partition("\n")
    found = matcher.match(title, body)
    assert found.tieup
    assert {("Renault", "Didi"), ("Nissan", "Didi"), ("Mitsubishi", "Didi")} <= set(found.pairs)
    assert ("Renault", "Alibaba") not in found.pairs


def test_pairs_only_within_one_sentence(matcher):
    found = pairs(matcher, "Toyota posts record profit",
                  "Toyota said sales rose. Separately, Baidu and Ford signed an MoU on robotaxis.")
    assert found == {("Ford", "Baidu")}


def test_people_and_words_that_share_a_brand_name(matcher):
    assert not matcher.match("Harrison Ford partners with Baidu on a film").tieup
    assert pairs(matcher, "Grab a bargain: Toyota offers a deal on leasing") == set()
    assert pairs(matcher, "Smart choice: Baidu signs a deal with a startup") == set()


def test_ambiguous_alias_counts_with_context(matcher):
    found = pairs(matcher, "Toyota invests in Grab", "The ride-hailing firm operates across Southeast Asia.")
    assert found == {("Toyota", "Grab")}
    assert pairs(matcher, "Toyota invests in Grab") == set()


def test_alliance_stands_for_its_members_and_members_do_not_pair_with_each_other(matcher):
    found = matcher.match("Renault-Nissan alliance teams up with Alibaba")
    assert set(found.pairs) == {("Renault", "Alibaba"), ("Nissan", "Alibaba"), ("Mitsubishi", "Alibaba")}
    assert found.alliances == ("Renault-Nissan-Mitsubishi Alliance",)
    assert matcher.match("Renault-Nissan-Mitsubishi Alliance signs agreement").kind is None


def test_oem_oem_and_tech_tech_deals_are_labelled_not_tieups(matcher):
    found = matcher.match("Toyota and Nissan sign partnership on batteries")
    assert found.kind == "oem-oem" and not found.tieup and found.pairs == (("Nissan", "Toyota"),)
    assert matcher.match("Baidu and Alibaba form a joint venture").kind == "tech-tech"


def test_brand_counts_for_its_parent_but_never_pairs_with_it(matcher):
    found = matcher.match("Waymo and Toyota agree to explore a partnership")
    assert found.pairs == (("Toyota", "Waymo"),)
    assert "Alphabet" in found.parties
    assert matcher.match("Alphabet's Waymo signs a deal").kind is None


def test_company_that_is_both_oem_and_tech(matcher):
    assert pairs(matcher, "Xiaomi partners with Baidu on in-car voice assistant") == {("Xiaomi", "Baidu")}
    assert pairs(matcher, "Toyota partners with Xiaomi") == {("Toyota", "Xiaomi")}
    # Against a tech company it is the OEM side only in a sentence about vehicles.
    found = matcher.match("Xiaomi partners with Baidu on smartphone search")
    assert found.kind == "tech-tech" and not found.tieup


def test_capitals_and_chinese_names(matcher):
    assert pairs(matcher, "FORD TEAMS UP WITH BAIDU") == {("Ford", "Baidu")}
    assert pairs(matcher, "Toyota and 百度 sign agreement") == {("Toyota", "Baidu")}


def test_case_carries_meaning(matcher):
    assert pairs(matcher, "ford partners with baidu") == set()


def test_trigger_sentence_and_spans(matcher):
    found = matcher.match("Profits rose.", "Nissan signed an MoU with Didi Chuxing in Beijing.")
    assert found.sentence == "Nissan signed an MoU with Didi Chuxing in Beijing."
    assert [(found.sentence[s.start:s.end], s.company) for s in found.spans] == [
        ("Nissan", "Nissan"), ("Didi Chuxing", "Didi")]


def test_no_deal_language_no_match(matcher):
    assert matcher.match("Ford and Baidu shares fell on Monday").kind is None
    assert matcher.match("Ford recalls cars with Baidu navigation units").kind is None


def test_matching_is_linear_with_many_companies():
    def company(i: int) -> str:
        aliases = ", ".join(f'"Name{i}x{j}"' for j in range(5))
        return f'[companies."Co{i}"]\nkind = "{"oem" if i % 2 else "tech"}"\naliases = [{aliases}]\n'

    lines = [company(i) for i in range(1000)]
    big = Matcher(parse_config(tomllib.loads("\n".join(lines))))
    found = big.match("Name1x3 partners with Name2x4 on software")
    assert found.pairs == (("Co1", "Co2"),)


def test_shipped_config_builds_a_matcher():
    path = Path(__file__).resolve().parent.parent / "config.toml"
    if not path.exists():
        pytest.skip("no shipped config yet")
    from marketwatch.config import load_config

    assert Matcher(load_config(path)).match("BMW partners with Alibaba").tieup
