from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from marketwatch.text import SUMMARY_MAX, TITLE_MAX, clean_summary, clean_text, clean_title, strip_controls


def test_html_becomes_plain_text_without_scripts():
    assert clean_summary("<p>Ford &amp; <b>Baidu</b></p><script>alert(1)</script> team up") == "Ford & Baidu team up"


def test_terminal_escapes_and_invisible_characters_are_removed():
    hostile = ("\x1b[31mred\x1b[0m \x1b]8;;http://evil\x07link\x1b]8;;\x07 "
               "\x1b]52;c;cGF5bG9hZA==\x07clip \u202eevil\u202c zero\u200bwidth \x07bell")
    assert clean_title(hostile) == "red link clip evil zerowidth bell"


def test_escape_sequences_written_as_character_references_go_whole():
    """"&#x1b;[2J" in CDATA, or "&amp;#27;[31m" escaped twice: the reference to ESC was dropped
    and "[2J" was left in the title."""
    assert clean_title("Kia and Baidu &#x1b;[2J&#x1b;[H partner on Apollo") == "Kia and Baidu partner on Apollo"
    assert clean_title("Kia and Baidu &#27;[31m partner &#X1B;[0magain") == "Kia and Baidu partner again"
    assert clean_summary("ok &#x1b2; &#2700; &#x1b") == "ok \u01b2 \u0a8c"  # other references are untouched


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


# -- properties: whatever strangers send, the text stored is plain, printable and stable -------

# Pieces that attack terminals and UIs, mixed with random text so that hypothesis explores
# their combinations (an escape split by a control character, an entity that decodes to ESC...).
_HOSTILE_PIECES = [
    "\x1b[31m", "\x1b[2J", "\x1b]8;;https://evil.example.com/\x07", "\x1b]8;;\x1b\\", "\x1b]52;c;cGF5bG9hZA==\x07",
    "\x1b]0;title\x07", "\x1bP", "\x1b\\", "\x1b", "\x07", "\x00", "\x9b31m", "\x9d8;;x\x9c", "\x85", "\r\n", "\t",
    "\u202e", "\u2066", "\u200f", "\u061c", "\u200b", "\u200d", "\ufeff", "\u2060", "\xad", "\U000e0041",
    "\U000e0100", "\u2028", "\u00a0", "<b>", "</b>", "<script>x</script>", "<!--", "-->", "<a href='x'>", "&amp;",
    "&lt;", "&#27;", "&#x1b;", "&#x202e;", "&#0;", "[bold red]", "[/]", "[@click=app.quit]", "[link=x]",
    "Ford", "Baidu", " ", "word", "é", "百度",
]
hostile_text = st.lists(st.sampled_from(_HOSTILE_PIECES) | st.text(max_size=6), max_size=40).map("".join)
_NEVER = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\u200c\u200d"
             "\u2060\u2061\u2062\u2063\u2064\ufeff\xad\ufff9\ufffa\ufffb\u2028\u2029")


def _assert_plain(cleaned: str, limit: int) -> None:
    assert len(cleaned) <= limit
    assert cleaned == cleaned.strip() and "  " not in cleaned
    assert not any(unicodedata.category(c) in ("Cc", "Cs") for c in cleaned)
    assert not any(c in _NEVER or 0xE0000 <= ord(c) <= 0xE007F or 0xE0100 <= ord(c) <= 0xE01EF for c in cleaned)


@settings(max_examples=300)
@given(hostile_text | st.text())
def test_cleaned_titles_and_summaries_are_plain_bounded_and_stable(value):
    for clean, limit in ((clean_title, TITLE_MAX), (clean_summary, SUMMARY_MAX)):
        cleaned = clean(value)
        _assert_plain(cleaned, limit)
        # Stored text is a fixed point: cleaning it again (as plain text) changes nothing.
        assert clean_text(cleaned, limit, is_html=False) == cleaned


@settings(max_examples=300)
@given(hostile_text | st.text(), st.integers(min_value=1, max_value=500))
def test_plain_text_cleaning_is_idempotent_at_any_limit(value, limit):
    once = clean_text(value, limit, is_html=False)
    _assert_plain(once, limit)
    assert clean_text(once, limit, is_html=False) == once
    assert strip_controls(strip_controls(value)) == strip_controls(value)


@given(st.text(alphabet=st.sampled_from("<>/!-&#;ab= '\"x"), max_size=300))
def test_html_to_text_survives_any_tag_soup(value):
    _assert_plain(clean_summary(value), SUMMARY_MAX)


def test_a_long_hostile_title_is_cut_at_a_word_with_an_ellipsis():
    plain = ("Ford and Baidu " * 2000).strip()
    cleaned = clean_title("\x1b[31m" + plain)
    assert len(cleaned) <= TITLE_MAX and cleaned.endswith("…")
    assert plain.startswith(cleaned[:-1]) and plain[len(cleaned) - 1] == " "


def test_the_printable_fast_path_removes_what_the_patterns_remove():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from marketwatch.text import _ANSI, _INVISIBLE, strip_controls

    @settings(max_examples=500, deadline=None)
    @given(st.text(alphabet=st.characters(codec=None, exclude_categories=())))
    def check(text):
        assert strip_controls(text) == _INVISIBLE.sub("", _ANSI.sub("", text))

    check()
    assert strip_controls("a\U000e0101b") == "ab"  # a variation selector is printable, still removed


def test_accents_written_as_combining_marks_are_composed():
    """A feed may write "Citroën" as "e" and a combining diaeresis, Vietnamese and Japanese with
    combining marks: the stored text is the composed one, as the config's names are."""
    assert clean_title("Citroe\u0308n picks Mobileye") == "Citro\u00ebn picks Mobileye"
    decomposed = unicodedata.normalize("NFD", "VinFast chọn nền tảng của Qualcomm; ホンダとソニー")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    assert clean_summary(decomposed) == "VinFast chọn nền tảng của Qualcomm; ホンダとソニー"
    assert clean_title("Ford and Baidu") == "Ford and Baidu"


def test_a_google_news_clusters_items_are_set_apart_by_a_middle_dot_and_other_lists_are_not():
    """A cluster's items end with their publisher in a <font>; a press release's bullets may hold
    one deal between them, so they run on as before."""
    assert clean_summary("<ol><li><a>Geely, Renault expand pact</a>&nbsp;<font>Reuters</font></li>"
                         "<li><a>Qualcomm unveils chip</a> <font>The Verge</font></li></ol>") == (
        "Geely, Renault expand pact Reuters · Qualcomm unveils chip The Verge")
    assert clean_summary("<ul><li>Toyota to adopt it</li><li>Nvidia will supply chips</li></ul>") == (
        "Toyota to adopt it Nvidia will supply chips")
