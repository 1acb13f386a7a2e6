"""Exports (CSV, JSON, Markdown) of a database built from a feed served on 127.0.0.1."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import Reply
from test_tui_support import build_db, fixed_config

from marketwatch import export
from marketwatch.config import load_config
from marketwatch.export import iter_stories, md_escape, md_link, render
from marketwatch.queries import KINDS, StoryFilter, list_stories
from marketwatch.refresh import refresh
from marketwatch.store import Store

WIRE = Path(__file__).parent / "data" / "workflow.rss"
TITLES = [
    "Toyota and Pony.ai form robotaxi joint venture in China",
    "Renault-Nissan alliance picks Google for infotainment",
    "Ford and Baidu sign MoU on robotaxis",
    '=HYPERLINK("http://evil.example") Toyota and Baidu partner on maps',
    "Toyota and Pony.ai extend robotaxi partnership to Shenzhen",
]


@pytest.fixture
def store(server, make_config):
    server.routes["/w.xml"] = Reply(200, WIRE.read_bytes())
    config = load_config(make_config([server.url("/w.xml")]))
    refresh(config)
    with Store(config.settings.db) as opened:
        yield opened


def text_of(fmt, store, flt=None):
    flt = flt or StoryFilter()
    return "".join(render(fmt, iter_stories(store.conn, flt)))


def test_iter_stories_pages_through_everything(store, monkeypatch):
    monkeypatch.setattr(export, "PAGE", 2)
    assert [s.title for s in iter_stories(store.conn, StoryFilter(limit=1))] == TITLES
    assert len(list(iter_stories(store.conn, StoryFilter(kinds=KINDS)))) == 6


NEWER = WIRE.read_text().replace("<channel>", "<channel><item><title>Nissan teams up with Baidu on voice "
                                 "assistant</title><link>https://wire.example.com/nb</link>"
                                 "<pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate></item>", 1).encode()


def test_a_story_stored_during_an_export_does_not_write_another_twice(server, make_config, monkeypatch):
    """An export reads a page when the one before is written: a refresh in between (cron, while
    the export goes to a slow pipe) stored a newer story, which pushed the last story of the page
    onto the next, and the export wrote it twice."""
    server.routes["/w.xml"] = Reply(200, WIRE.read_bytes())
    config = load_config(make_config([server.url("/w.xml")]))
    refresh(config)
    monkeypatch.setattr(export, "PAGE", 2)
    with Store(config.settings.db) as opened:
        stories = iter_stories(opened.conn, StoryFilter())
        given = [next(stories), next(stories)]
        server.routes["/w.xml"] = Reply(200, NEWER)
        assert refresh(config).new_tieups  # the newer story, stored between two pages
        given += stories
    assert [s.title for s in given] == TITLES


def test_csv_rows_and_formula_guard(store):
    rows = list(csv.DictReader(io.StringIO(text_of("csv", store))))
    assert list(rows[0]) == list(export.CSV_COLUMNS)
    assert [r["title"] for r in rows] == [TITLES[0], TITLES[1], TITLES[2], "'" + TITLES[3], TITLES[4]]
    first = rows[0]
    assert first["published"] == "2026-11-23T09:00:00Z" and first["url"] == "https://wire.example.com/toyota-pony"
    assert first["pairs"] == "Toyota–Pony.ai" and first["companies"] == "Pony.ai; Toyota"
    assert first["deal_type"] == "joint-venture" and first["kind"] == "oem-tech" and first["feeds"] == "feed0"
    assert rows[1]["alliances"] == "Renault-Nissan-Mitsubishi Alliance"
    assert rows[1]["pairs"] == "Mitsubishi–Alphabet; Nissan–Alphabet; Renault–Alphabet"


def test_csv_has_the_sentence_and_the_read_and_starred_marks_of_the_json_in_last_columns(store):
    """An analyst tracks in a spreadsheet what the dashboard marks: the CSV had no read or starred
    column, nor the sentence that shows the deal, which the JSON has. They come after the columns
    there were, whose order stays."""
    by_title = {s["title"]: s for s in json.loads(text_of("json", store))}
    store.set_flag(by_title[TITLES[0]]["id"], "read", True)
    store.set_flag(by_title[TITLES[0]]["id"], "starred", True)
    store.set_flag(by_title[TITLES[2]]["id"], "starred", True)
    rows = list(csv.DictReader(io.StringIO(text_of("csv", store))))
    assert list(rows[0]) == ["published", "title", "url", "companies", "pairs", "alliances", "deal_type", "kind",
                             "feeds", "summary", "id", "pair_deal_types", "sentence", "read", "starred"]
    assert [(r["read"], r["starred"]) for r in rows] == [("true", "true"), ("false", "false"), ("false", "true"),
                                                         ("false", "false"), ("false", "false")]
    data = json.loads(text_of("json", store))
    assert [(d["read"], d["starred"]) for d in data] == [(r["read"] == "true", r["starred"] == "true") for r in rows]
    assert rows[0]["sentence"] == data[0]["sentence"] == TITLES[0]
    assert [r["sentence"] for r in rows if r["id"] != data[3]["id"]] == [
        d["sentence"] or "" for d in data if d["id"] != data[3]["id"]]
    # the sentence is feed text too: one that would be a formula is not
    assert data[3]["sentence"].startswith("=HYPERLINK") and rows[3]["sentence"] == "'" + data[3]["sentence"]


def test_csv_of_nothing_is_a_header(store):
    assert text_of("csv", store, StoryFilter(companies=("BMW",))) == ",".join(export.CSV_COLUMNS) + "\r\n"


def test_json_is_the_stories_shape(store):
    data = json.loads(text_of("json", store))
    assert [d["title"] for d in data] == TITLES
    assert data[2]["pairs"] == [["Ford", "Baidu"]] and data[2]["deal_type"] == "mou"
    assert json.loads(text_of("json", store, StoryFilter(companies=("BMW",)))) == []


def test_markdown_links_and_escapes(store):
    text = text_of("markdown", store, StoryFilter(companies=("Ford",)))
    assert text == ("# marketwatch stories\n\n"
                    "- [Ford and Baidu sign MoU on robotaxis](<https://wire.example.com/ford-baidu>)\n"
                    "  Ford–Baidu · MoU · 2026-11-16 · feed0\n")
    assert "No stories match." in text_of("markdown", store, StoryFilter(companies=("BMW",)))


REFERENCE = ("x1", 1, "Renault-Nissan-Mitsubishi Alliance signs MoU with Didi on EV sharing",
             "The alliance and Didi will build the platform together. Separately, "
             "BMW, Volvo and Ford partner with Alibaba on connected cars.")


@pytest.fixture
def reference(tmp_path, make_config):
    """The reference story (the alliance's MoU with Didi; BMW, Volvo and Ford's partnership with
    Alibaba named in passing) and a story of one deal, in a store of their own."""
    config = fixed_config(tmp_path, make_config)
    build_db(config, [REFERENCE, ("s2", 2, "Ford and Baidu sign MoU on robotaxis", "")])
    with Store(config.settings.db) as opened:
        yield opened


def as_before_schema_6(store):
    """Pairs stored before schema 6 have their story's deal (what the migration gives them)."""
    store.conn.execute("UPDATE story_pairs SET deal_type = (SELECT deal_type FROM stories WHERE id = story_id)")
    store.conn.commit()


def test_markdown_writes_a_pairs_own_deal_beside_it(reference):
    text = text_of("markdown", reference).splitlines()
    assert text[3] == ("  BMW–Alibaba (partnership); Ford–Alibaba (partnership); Mitsubishi–Didi; Nissan–Didi; "
                       "Renault–Didi; Volvo Cars–Alibaba (partnership) · MoU · 2026-03-15 · feed0")
    assert text[5] == "  Ford–Baidu · MoU · 2026-03-14 · feed0"  # one deal: as ever
    as_before_schema_6(reference)
    old = text_of("markdown", reference).splitlines()
    assert old[3] == ("  BMW–Alibaba; Ford–Alibaba; Mitsubishi–Didi; Nissan–Didi; Renault–Didi; "
                      "Volvo Cars–Alibaba · MoU · 2026-03-15 · feed0") and old[5] == text[5]


def test_csv_has_each_pairs_deal_in_a_last_column(reference):
    rows = list(csv.DictReader(io.StringIO(text_of("csv", reference))))
    assert list(rows[0])[:12] == [  # after the columns there were before it (later ones come after it)
        "published", "title", "url", "companies", "pairs", "alliances", "deal_type", "kind", "feeds", "summary", "id",
        "pair_deal_types"]
    assert rows[0]["pairs"] == ("BMW–Alibaba; Ford–Alibaba; Mitsubishi–Didi; Nissan–Didi; Renault–Didi; "
                                "Volvo Cars–Alibaba")  # as before: no deal in it
    assert rows[0]["pair_deal_types"] == "partnership; partnership; mou; mou; mou; partnership"
    assert rows[0]["deal_type"] == "mou"
    assert (rows[1]["pairs"], rows[1]["pair_deal_types"], rows[1]["deal_type"]) == ("Ford–Baidu", "mou", "mou")
    stories = list_stories(reference.conn, StoryFilter())  # the order and form of `stories --json`
    assert [r["pair_deal_types"].split("; ") for r in rows] == [s.as_json()["pair_deal_types"] for s in stories]
    as_before_schema_6(reference)
    old = list(csv.DictReader(io.StringIO(text_of("csv", reference))))
    assert old[0]["pair_deal_types"] == "mou; mou; mou; mou; mou; mou"


def test_markdown_helpers_neutralise_feed_text():
    assert md_escape("a *b* [c](d) <img src=x> `e` _f_ |\n g") == (
        r"a \*b\* \[c\](d) \<img src=x\> \`e\` \_f\_ \| g")
    assert md_link("t", "https://x.example/a b<c>") == "[t](<https://x.example/a%20b%3Cc%3E>)"
    assert md_link("no [link]", None) == r"no \[link\]"


# -- files: all or nothing --------------------------------------------------------------------

def chunks_failing_after(count: int, error: OSError):
    for i in range(count):
        yield f"row {i}\n"
    raise error


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_file_written_whole_keeps_the_old_files_mode(tmp_path):
    target = tmp_path / "tieups.csv"
    target.write_text("old\n")
    target.chmod(0o640)
    export.write_file(target, ["a\n", "b\n"])
    assert target.read_text() == "a\nb\n" and (target.stat().st_mode & 0o777) == 0o640
    assert leftovers(tmp_path) == ["tieups.csv"]


def test_a_failure_half_way_leaves_the_old_file_and_no_partial_one(tmp_path):
    target = tmp_path / "tieups.csv"
    target.write_text("the export of last week\n")
    full = OSError(28, "No space left on device")
    with pytest.raises(export.ExportError) as caught:
        export.write_file(target, chunks_failing_after(3, full))
    assert str(caught.value) == f"{target}: cannot write: No space left on device; the file there is as it was"
    assert target.read_text() == "the export of last week\n"
    assert leftovers(tmp_path) == ["tieups.csv"]
    with pytest.raises(export.ExportError, match=r"cannot write: No space left on device$"):
        export.write_file(tmp_path / "new.csv", chunks_failing_after(3, full))
    assert leftovers(tmp_path) == ["tieups.csv"]


def test_a_symlink_keeps_pointing_at_the_file_it_names(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old\n")
    link = tmp_path / "link.md"
    link.symlink_to(real.name)
    export.write_file(link, ["new\n"])
    assert link.is_symlink() and real.read_text() == "new\n"
    dangling = tmp_path / "later.md"
    dangling.symlink_to("not-yet.md")  # a link made before its file
    export.write_file(dangling, ["first\n"])
    assert dangling.is_symlink() and (tmp_path / "not-yet.md").read_text() == "first\n"


def test_standard_output_through_a_pipe_a_symlink_loop_and_an_unknown_home(tmp_path):
    """`-o /dev/stdout | wc -c` writes to the pipe; a loop or "~nobody/" is one error line."""
    import os
    import subprocess
    import sys

    script = ("from marketwatch import export; export.write_file('/dev/stdout', ['a,b\\n', 'c,d\\n'])")
    piped = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert piped.returncode == 0 and piped.stdout == b"a,b\nc,d\n"
    loop = tmp_path / "loop"
    os.symlink("loop", loop)
    with pytest.raises(export.ExportError, match=r"loop: cannot write: "):
        export.write_file(loop, ["x"])
    with pytest.raises(export.ExportError, match=r"cannot write: "):
        export.write_file("~no-such-user-here/x.csv", ["x"])


def test_a_device_is_written_in_place_and_a_folder_refused(tmp_path):
    export.write_file("/dev/null", ["gone\n"])  # a rename there would replace /dev/null with a file
    assert Path("/dev/null").is_char_device()
    with pytest.raises(export.ExportError, match=r"is a directory$"):
        export.write_file(tmp_path, ["x"])
    (tmp_path / "a file").write_text("kept")
    with pytest.raises(export.ExportError, match=r"a file/x\.csv: cannot write: a file is where a folder should be$"):
        export.write_file(tmp_path / "a file" / "x.csv", ["x"])
    assert (tmp_path / "a file").read_text() == "kept"


def test_a_terminal_escape_stored_by_another_tool_is_not_exported(store):
    """Titles are cleaned on the way in, but a database written by another tool (a `--db` copy)
    may hold an escape: Markdown and CSV went out with it, to be `cat` to a terminal."""
    store.conn.execute("UPDATE stories SET title = title || ' \x1b]0;pwned\x07\x1b[2J' WHERE title LIKE 'Ford%'")
    store.conn.commit()
    for fmt in ("markdown", "csv"):
        text = text_of(fmt, store, StoryFilter(companies=("Ford",)))
        assert "\x1b" not in text and "\x07" not in text and "Ford and Baidu sign MoU on robotaxis" in text
