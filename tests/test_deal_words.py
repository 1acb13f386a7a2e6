"""The vocabulary of deals (marketwatch.deal_words and deal_words_intl): the mistakes an edit to a word table can make
that no sentence in tests/test_deals.py would show at once, as a misspelt kind's words never match
and a stray "|" makes every sentence a deal."""

from __future__ import annotations

import re

import pytest

from marketwatch import deal_words, deal_words_intl, deals
from marketwatch.alternation import split_alternatives
from marketwatch.dealtypes import DEAL_TYPES

TABLES = {name: table for module in (deal_words, deal_words_intl) for name, table in vars(module).items()
          if name.isupper() and isinstance(table, dict)}
PATTERNS = [(name, kind, pattern) for name, table in TABLES.items() for kind, pattern in table.items()]


def test_the_tables_are_found():
    assert {"STRONG", "WEAK", "GERMAN", "CJK", "KOREAN", "ITALIAN_WEAK"} <= set(TABLES)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_kind_is_a_deal_type(name):
    # `merged` takes only the kinds of DEAL_TYPES: a misspelt one ("joint_venture") is dropped silently
    assert set(TABLES[name]) <= set(DEAL_TYPES)


@pytest.mark.parametrize(("name", "kind", "pattern"), PATTERNS, ids=[f"{n}-{k}" for n, k, _ in PATTERNS])
def test_every_pattern_compiles_alone_and_needs_a_word(name, kind, pattern):
    # Alone, not only inside the matcher's "(?P<kind>...)", where "a)|(?:b" would compile too; and
    # not matching "" (an empty alternative, "a||b"), which would find a deal in every sentence
    assert re.compile(pattern).fullmatch("") is None


@pytest.mark.parametrize(("name", "kind", "pattern"), PATTERNS, ids=[f"{n}-{k}" for n, k, _ in PATTERNS])
def test_every_table_reaches_the_matcher(name, kind, pattern):
    # A language's table that deals.py does not merge in is never matched; the compiled regexes
    # hold each table's branches, grouped by first letter (marketwatch.alternation)
    compiled = (deals._STRONG_RE.pattern + deals._WEAK_RE.pattern + deals._CJK_RE.pattern).lower()
    assert all(f"(?:{branch.lower()})" in compiled for branch in split_alternatives(pattern))
