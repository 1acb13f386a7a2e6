"""Properties of the matcher over text and configs nobody wrote by hand: it never crashes, it
gives the same answer every time, and what it answers is consistent with the config and the text.

(Behaviour on real headlines is in test_match.py; this file only throws odd input at it.)
"""

from __future__ import annotations

import tomllib

import pytest
from conftest import COMPANIES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marketwatch.config import Config, ConfigError, parse_config
from marketwatch.match import Matcher
from marketwatch.models import NO_MATCH
from marketwatch.text import SUMMARY_MAX, TITLE_MAX

_CONFIG = parse_config(tomllib.loads(COMPANIES))
_MATCHER = Matcher(_CONFIG)

_WORDS = [
    "Toyota", "Toyota Motor", "Pony.ai", "Ford", "Harrison Ford", "Baidu", "百度", "Didi", "Grab", "Smart", "smart",
    "Renault-Nissan-Mitsubishi", "Renault-Nissan alliance", "Mitsubishi Corp", "Waymo", "Alphabet", "Xiaomi",
    "partner", "partners with", "joint venture", "MoU", "memorandum", "invests in", "stake", "teams up with",
    "ride-hailing", "Singapore", " and ", ", ", ". ", "! ", "? ", "\n", " ", "'s", "-", "(", ")", "\u2019",
    "\u00a0", "\u200b", "Ä", "ß", "ﬁ", "İ", "Σ", "\U0001f697", "U.S.", "Inc.", "e.g.",
]
texts = st.lists(st.sampled_from(_WORDS) | st.text(max_size=4), max_size=40).map("".join)


def _check(matcher: Matcher, config: Config, title: str, summary: str) -> None:
    found = matcher.match(title, summary)
    assert found == matcher.match(title, summary)  # the same answer every time
    if found.kind is None:
        assert found == NO_MATCH
        return
    assert found.kind in ("oem-tech", "oem-oem", "tech-tech")
    assert set(found.parties) <= set(found.companies) <= set(config.companies)
    assert {c for pair in found.pairs for c in pair} <= set(found.parties)
    for a, b in found.pairs:
        assert a != b
        if found.kind == "oem-tech":
            assert config.companies[a].is_oem and config.companies[b].is_tech
    assert set(found.alliances) <= set(config.alliances)
    text = f"{title}\n{summary}" if summary else title
    assert found.sentence and found.sentence in text
    for span in found.spans:
        assert 0 <= span.start < span.end <= len(found.sentence)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(texts | st.text(), texts | st.text())
def test_any_text_gets_a_consistent_answer_and_the_same_one_twice(title, summary):
    _check(_MATCHER, _CONFIG, title, summary)


@given(texts)
def test_a_matcher_built_again_answers_the_same(title):
    assert Matcher(_CONFIG).match(title) == _MATCHER.match(title)


# Configs: company names and aliases from an odd alphabet (case that changes length when
# folded, CJK, punctuation, spaces, marks), so that the automaton and word boundaries meet them.
_ALPHABET = st.sampled_from([*"aAbZ .-&'’İıßﬁΣς百度日本ÄÅ\u0301\u00a0", "Ford", "Baidu", "AI"])
names = st.lists(_ALPHABET, min_size=1, max_size=6).map("".join).filter(lambda s: s.strip())
company = st.fixed_dictionaries(
    {"kind": st.sampled_from(["oem", "tech", ["oem", "tech"]]), "aliases": st.lists(names, min_size=1, max_size=3)},
    optional={"exclude": st.lists(names, max_size=2), "context": st.lists(names, max_size=2),
              "ignore_case": st.booleans()},
)


@st.composite
def configs(draw) -> Config:
    companies = draw(st.dictionaries(names, company, min_size=2, max_size=5))
    seen: set[str] = set()
    for entry in companies.values():  # an alias belongs to one company
        entry["aliases"] = [a for a in dict.fromkeys(entry["aliases"]) if a.strip() not in seen] or ["Zz"]
        seen.update(a.strip() for a in entry["aliases"])
    try:
        return parse_config({"companies": companies})
    except ConfigError:
        return _CONFIG


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(configs(), st.data())
def test_odd_configs_and_text_never_crash_the_matcher(config, data):
    aliases = [a for c in config.companies.values() for a in (*c.aliases, *c.exclude, *c.context)]
    words = st.sampled_from([*aliases, "partner", "joint venture", "MoU", "invests in", ". ", " and ", "\n"])
    text = data.draw(st.lists(words | _ALPHABET, max_size=30).map(" ".join))
    matcher = Matcher(config)
    _check(matcher, config, text, "")
    _check(matcher, config, text[: len(text) // 2], text[len(text) // 2:])


@pytest.mark.parametrize("text", ["", " ", "\n", "\u200b" * 2000, "Ford " * 400, "百度" * 1000,
                                  "Toyota and Baidu sign MoU. " * 80],
                         ids=["empty", "space", "newline", "zero-width", "one alias", "CJK alias", "many sentences"])
def test_empty_and_longest_inputs(text):
    """As long as stored text gets: titles are cut at 400 characters, summaries at 2,000."""
    _check(_MATCHER, _CONFIG, text[:TITLE_MAX], text[:SUMMARY_MAX])
