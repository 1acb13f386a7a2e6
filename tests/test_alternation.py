"""marketwatch.alternation: a regex of many branches grouped by first letter finds what the plain
alternation finds, faster."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from marketwatch import deals
from marketwatch.alternation import compile_by_first_char, kind_of, split_alternatives
from marketwatch.deals import _DAMPER_WORDS, _DAMPERS, _lower
from marketwatch.sentences import split_sentences
from marketwatch.text import lower_keeping_offsets


def test_branches_split_at_the_top_level_only():
    assert split_alternatives(r"a|(?:b|c)d|[|]e|\|f|[]|]g|[^]|]h") == [
        "a", "(?:b|c)d", "[|]e", r"\|f", "[]|]g", "[^]|]h"]
    assert split_alternatives("deal") == ["deal"]


BRANCHES = [
    ("ended", "(?<!cell )scrap(?:s|ped)?"),
    ("talks", "in talks|talks? (?:with|about)"),
    ("stake", r"\d+% stake|stakes?"),  # a first digit: tried where any branch is
    ("supply", "(?:supply|supplies|supplied)|[sz]ulieferer"),
    ("partnership", "(?:team|teams) up|partner(?:s|ship)?"),
    ("tech", r"[\w-]+-powered"),  # a first letter that cannot be told
    ("optional", "(?:co-)?develop\\w*"),  # an optional first group
    ("deal", "deals?|deal-?making"),  # order inside a branch list: "deals" before "deal-making"
]
TEXTS = [
    "ford teams up with baidu to supply chips; they are in talks about a 10% stake.",
    "the cell scrap yard; gm scrapped it. co-development and development of nvidia-powered cars",
    "deal-making: deals, a deal, zulieferer and sulieferer, stake, stakes, talk with, partners.",
    "", "x", "-deal", "über deal", "партнер deal",
]


def _plain(branches: list[tuple[str, str]]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(f"(?P<{name}>{branch})" for name, branch in branches) + r")(?![\w])")


def _found(pattern: re.Pattern[str], text: str, grouped: bool) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), kind_of(m) if grouped else m.lastgroup) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_grouped_branches_find_what_the_plain_alternation_finds(text):
    grouped = compile_by_first_char(BRANCHES, before=r"(?<![\w-])", after=r"(?![\w])")
    assert _found(grouped, text, True) == _found(_plain(BRANCHES), text, False)


def test_the_first_branch_that_matches_wins_as_in_an_alternation():
    branches = [("short", "deal"), ("long", "deal-?making|deals"), ("any", r"\w+")]
    grouped = compile_by_first_char(branches, before=r"(?<![\w-])", after=r"(?![\w])")
    # "deal" is tried first and fails at "deals" and "dealmaking"; the next branch takes them.
    assert [kind_of(m) for m in grouped.finditer("deal deals dealmaking zeal")] == ["short", "long", "long", "any"]
    assert _found(grouped, "deals dealmaking zeal", True) == _found(_plain(branches), "deals dealmaking zeal", False)


def test_unnamed_branches_match_without_groups():
    pattern = compile_by_first_char([(None, "recall\\w*"), (None, "lawsuits?")], before=r"\b", after=r"\b")
    assert [m.group() for m in pattern.finditer("recalls and a lawsuit")] == ["recalls", "lawsuit"]
    assert pattern.groups == 0


def _labelled_sentences(lowered: bool = True) -> list[str]:
    sentences = []
    for path in sorted(Path(__file__).parent.joinpath("data").glob("tieups*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            story = json.loads(line)
            text = f"{story['title']}\n{story.get('summary', '')}"
            text = lower_keeping_offsets(text) if lowered else text
            sentences += [text[s:e] for s, e in split_sentences(text)]
    return sentences


@pytest.mark.parametrize("tables, grouped", [
    (deals.STRONG_WORDS, deals._STRONG_RE), (deals.WEAK_WORDS, deals._WEAK_RE)], ids=["strong", "weak"])
def test_the_deal_words_find_the_same_words_in_every_labelled_sentence(tables, grouped):
    """The matcher's own regexes, against plain alternations of the same tables."""
    table, extra = tables
    plain = _plain([(kind.replace("-", "_"), _lower(pattern + ("|" + extra[kind] if kind in extra else "")))
                    for kind, pattern in table.items()])
    sentences = _labelled_sentences()
    assert len(sentences) > 2000
    differ = [s for s in sentences if _found(grouped, s, True) != _found(plain, s, False)]
    assert differ == []
    assert sum(bool(_found(plain, s, False)) for s in sentences) > 800  # the test does compare words


def test_the_words_of_scripts_without_spaces_find_the_same_words_in_every_labelled_sentence():
    plain = re.compile("|".join(f"(?P<{k.replace('-', '_')}>{v})" for k, v in deals.CJK_WORDS.items()))
    sentences = _labelled_sentences(lowered=False)
    differ = [s for s in sentences if _found(deals._CJK_RE, s, True) != _found(plain, s, False)]
    assert differ == []
    assert sum(bool(_found(plain, s, False)) for s in sentences) > 100


def test_no_branches_match_nothing_and_a_case_blind_pattern_is_refused():
    assert compile_by_first_char([]).search("deal") is None
    with pytest.raises(ValueError):
        compile_by_first_char([("deal", "deal")], before="(?i)")


def test_a_branch_of_unknown_first_letter_keeps_its_place():
    """"[\\w-]+-up" could start anywhere: it is tried before "team" at "team-up", as it comes first."""
    branches = [("hyphened", r"[\w-]+-up"), ("word", "team")]
    grouped = compile_by_first_char(branches, before=r"(?<![\w-])", after=r"(?![\w])")
    assert [(m.group(), kind_of(m)) for m in grouped.finditer("team-up and team")] == [
        ("team-up", "hyphened"), ("team", "word")]


def test_the_damping_words_find_the_same_words_in_every_labelled_sentence():
    plain = re.compile(r"\b(?:" + _DAMPER_WORDS + r")\b")
    sentences = _labelled_sentences()
    differ = [s for s in sentences if [m.span() for m in _DAMPERS.finditer(s)] != [m.span() for m in plain.finditer(s)]]
    assert differ == []
    assert sum(plain.search(s) is not None for s in sentences) > 200


def test_branches_with_an_optional_first_item_or_a_first_digit_keep_their_place():
    """"(?:co-)?led" starts with c or l; "\\d+%" with any digit, Arabic-Indic ones too."""
    branches = [("led", "(?:co-)?led"), ("percent", r"\d+%"), ("word", "co-leads"), ("half", "50%")]
    grouped = compile_by_first_char(branches, before=r"(?<![\w-])", after=r"(?![\w-])")
    text = "co-led and led, 50% and 7% and ٥٠% and co-leads"
    assert _found(grouped, text, True) == _found(_plain(branches), text, False)
    assert [kind_of(m) for m in grouped.finditer(text)] == ["led", "led", "percent", "percent", "percent", "word"]
