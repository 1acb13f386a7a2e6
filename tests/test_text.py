from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marketwatch.text import TITLE_MAX, clean_summary, clean_title


def test_html_becomes_plain_text_without_scripts():
    assert clean_summary("<p>Ford &amp; <b>Baidu</b></p><script>alert(1)</script> team up") == "Ford & Baidu team up"


def test_terminal_escapes_and_invisible_characters_are_removed():
    hostile = ("\x1b[31mred\x1b[0m \x1b]8;;http://evil\x07link\x1b]8;;\x07 "
               "\x1b]52;c;cGF5bG9hZA==\x07clip \u202eevil\u202c zero\u200bwidth \x07bell")
    assert clean_title(hostile) == "red link clip evil zerowidth bell"


def test_markup_is_kept_literally():
    title = "[bold red]X[/] [@click=app.quit]y[/]"
    assert clean_title(title) == title


def test_huge_titles_are_capped():
    assert len(clean_title("word " * 10_000)) <= TITLE_MAX


@given(st.text())
def test_cleaned_text_never_contains_controls(value):
    cleaned = clean_title(value)
    assert len(cleaned) <= TITLE_MAX
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in cleaned)
    assert not any(c in cleaned for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\ufeff")
