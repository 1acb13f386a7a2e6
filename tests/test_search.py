"""Search as a user types it: words, OR, -word, "a phrase", and any other text without an error."""

from __future__ import annotations

import sqlite3
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_store import NOW, TIEUP

from marketwatch.models import Entry, FetchResult
from marketwatch.queries import StoryFilter, count_stories, list_stories
from marketwatch.search import parse_search
from marketwatch.store import Store

TITLES = {
    "a": "Toyota and Uber expand robotaxi deal",
    "b": "Toyota and Pony.ai form joint venture in China",
    "c": "Lyft picks Mobileye for robotaxis",
    "d": "Uber adds Waymo in Atlanta",
    "e": "Ford's venture with Baidu is joint in name only",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "s.db"
    with Store(path) as store:
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        entries = [Entry(id=k, guid=k, url=f"https://e.com/{k}", title=t, summary="", published=NOW,
                         date_source="feed") for k, t in TITLES.items()]
        store.save_feed(fid, FetchResult("https://f", "ok", 200), [(e, TIEUP) for e in entries], NOW)
        yield store


def found(store, text: str) -> set[str]:
    flt = StoryFilter(search=text)
    ids = {s.id for s in list_stories(store.conn, flt)}
    assert count_stories(store.conn, flt) == len(ids)
    return ids


@pytest.mark.parametrize("text, ids", [
    ("robotaxi", {"a", "c"}),  # a prefix: "robotaxis" too
    ("toyota uber", {"a"}),
    ("uber OR lyft", {"a", "c", "d"}),
    ("toyota -uber", {"b"}),
    ("-uber", {"b", "c", "e"}),
    ("robotaxi OR waymo -lyft", {"a", "d"}),
    ("robotaxi -lyft OR waymo", set()),  # an OR after a word left out joins nothing: all of robotaxi and waymo
    ("toyota OR OR pony", {"a", "b"}),
    ('"joint venture"', {"b"}),  # in that order: not story e's "venture ... joint"
    ("joint venture", {"b", "e"}),
    ('toyota -"joint venture"', {"a"}),
    ("uber or lyft", set()),  # "or" in small letters is a word to find
    ("Pony.ai", {"b"}),
])
def test_words_alternatives_exclusions_and_phrases(store, text, ids):
    assert found(store, text) == ids


@pytest.mark.parametrize("text", ['"', "*", "'", "-", " OR ", '""', "-*"])
def test_text_with_no_word_finds_nothing(store, text):
    """It found every story: the search asked for nothing, so nothing narrowed it."""
    assert found(store, text) == set()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*'ab "-*()^:+{}', " OR ", "AND", "NOT", "NEAR", "-"]), max_size=12).map("".join))
def test_any_text_is_a_valid_query(text):
    search = parse_search(text)
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    for query in (search.match, search.exclude):
        if query is not None:
            conn.execute("SELECT * FROM t WHERE t MATCH ?", (query,)).fetchall()


@pytest.mark.parametrize("text, shown", [
    ("Waymo,  robotaxi", "Waymo robotaxi"),
    ('uber OR  lyft -"joint  venture"', '(uber OR lyft) -"joint venture"'),
    ('"', ""),
    ("OR uber OR", "uber"),
])
def test_a_search_reads_back_in_one_spelling(text, shown):
    """One spelling per meaning: a digest keeps one set of marks for each search."""
    assert parse_search(text).text == shown


def test_a_search_typed_with_combining_marks_asks_for_the_composed_words():
    """Stored text is composed (NFC); FTS5 folds Latin accents either way but not kana's marks."""
    for text in ["ホンダ ソニー", '"Citroën Ami"', "-hợp"]:
        assert parse_search(unicodedata.normalize("NFD", text)) == parse_search(text)


def test_chinese_japanese_and_thai_words_are_found_anywhere_in_a_run(tmp_path):
    """Written without spaces, a run of them is one word to the index: "英伟达" was found only
    where a run started with it, not in "其下一代电动汽车将采用英伟达"."""
    stories = {"zh": ("比亚迪宣布合作", "其下一代电动汽车将采用英伟达DRIVE Thor 集中式车载计算平台。"),
               "ja": ("トヨタ、新型車を発表", "次世代車にエヌビディアの半導体を採用する。"),
               "th": ("Changan จับมือ CATL ตั้งโรงงานแบตเตอรี่ร่วมทุน", ""),
               "en": ("Nvidia and Toyota 50%_off", "")}
    with Store(tmp_path / "s.db") as store:
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        entries = [Entry(id=k, guid=k, url=f"https://e.com/{k}", title=t, summary=s, published=NOW,
                         date_source="feed") for k, (t, s) in stories.items()]
        store.save_feed(fid, FetchResult("https://f", "ok", 200), [(e, TIEUP) for e in entries], NOW)
        assert found(store, "英伟达") == {"zh"}
        assert found(store, "车载计算平台") == {"zh"}
        assert found(store, "エヌビディア") == {"ja"}
        assert found(store, "โรงงาน") == {"th"}
        assert found(store, "英伟达 OR nvidia") == {"zh", "en"}
        assert found(store, "nvidia -英伟达") == {"en"}
        assert found(store, "比亚迪 英伟达") == {"zh"} and found(store, "比亚迪 トヨタ") == set()
        assert found(store, "采_英") == set()  # "_" is itself, not any character ("采用英")


def test_latin_words_beside_chinese_ones_keep_word_starts_and_accent_folding(tmp_path):
    """In "ford OR 福特" the whole group went to LIKE: "Stanford" matched ford, and "citroen" no
    longer found "Citroën"; a phrase "比亚迪 英伟达" looked for the space the story does not have."""
    stories = {"a": "Stanford study on robotaxis", "b": "Ford picks Baidu", "c": "福特与百度合作",
               "d": "Citroën picks Qualcomm", "e": "比亚迪英伟达合作"}
    with Store(tmp_path / "s.db") as store:
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        entries = [Entry(id=k, guid=k, url=f"https://e.com/{k}", title=t, summary="", published=NOW,
                         date_source="feed") for k, t in stories.items()]
        store.save_feed(fid, FetchResult("https://f", "ok", 200), [(e, TIEUP) for e in entries], NOW)
        assert found(store, "ford OR 福特") == {"b", "c"}
        assert found(store, "citroen OR 雪铁龙") == {"d"}
        assert found(store, '"比亚迪 英伟达"') == {"e"}
