"""OPML import (lenient: real lists are often not well-formed) and OPML 2.0 export."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import SHARED

from marketwatch.config import load_config
from marketwatch.config_edit import add_feeds
from marketwatch.opml import ExportFeed, OpmlError, read_opml, write_opml

DATA = Path(__file__).parent / "data"
CORPUS = SHARED / "corpora" / "opml"
# file -> (feeds in it, a feed URL it has)
REAL_LISTS = {
    "plenaryapp_awesome-rss-feeds_Cars.opml": (18, "https://www.autoblog.com/rss.xml"),
    "rsdoiel_antenna_going_electric.opml": (6, "https://electrek.co/feed/"),
    "rsdoiel_antenna_north_america.opml": (32, "https://feeds.bloomberg.com/news.rss"),
}


@pytest.mark.parametrize("name", sorted(REAL_LISTS))
def test_real_opml_lists_import_into_a_config(name, tmp_path):
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{path} is absent (../shared is not checked out)")
    count, sample = REAL_LISTS[name]
    if name.startswith("plenaryapp"):
        with pytest.raises(ET.ParseError):  # the bare & that a strict parser rejects
            ET.parse(path)
    found = read_opml(path.read_bytes(), name)
    assert len(found.feeds) == count and sample in [f.url for f in found.feeds]
    assert found.unusable == [] and found.repeated == []
    assert all(f.url.startswith(("http://", "https://")) for f in found.feeds)
    cfg = tmp_path / "config.toml"
    cfg.write_text("# mine\n[settings]\ndb = \"mw.db\"\n")
    result = add_feeds(cfg, found.feeds)
    assert len(result.added) == count
    assert len(load_config(cfg).feeds) == count and cfg.read_text().startswith("# mine\n[settings]\n")
    again = add_feeds(cfg, read_opml(path.read_bytes()).feeds)
    assert again.added == [] and len(again.already) == count


def test_plenary_list_keeps_the_title_with_the_bare_ampersand():
    path = CORPUS / "plenaryapp_awesome-rss-feeds_Cars.opml"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    names = {f.name for f in read_opml(path.read_bytes()).feeds}
    assert "Autoblog" in names and all(names)


def test_malformed_fixture_is_read_leniently():
    data = (DATA / "malformed.opml").read_bytes()
    with pytest.raises(ET.ParseError):
        ET.fromstring(data)
    found = read_opml(data)
    assert found.title == "Café & Cars: a hand-edited list"
    assert [(f.url, f.name) for f in found.feeds] == [
        ("https://autos.example.com/feed?a=1&b=2", "Autos & More"),
        ("https://ev.example.org/rss.xml", "EV wire"),
        ("http://floeten.example.de/feed/", "Flötenwerk"),
    ]
    assert found.unusable == ["gopher://old.example.net/feed", "javascript:alert(1)"]
    assert len(found.repeated) == 2  # the same URL again, and again with the host in capitals


def test_a_url_too_long_is_told_apart_from_one_that_is_no_url():
    long_url = "https://example.com/feed?q=" + "a" * 2000
    data = (f'<opml version="2.0"><body><outline xmlUrl="{long_url}"/><outline xmlUrl="ftp://example.com/f"/>'
            f'<outline xmlUrl="javascript:{"x" * 2000}"/><outline xmlUrl="https://example.com/{"c" * 1980}"/>'
            "</body></opml>").encode()
    found = read_opml(data)
    assert found.too_long == [long_url]
    assert found.unusable == ["ftp://example.com/f", "javascript:" + "x" * 2000]
    assert [len(f.url) for f in found.feeds] == [2000]  # at the limit: taken


@pytest.mark.parametrize("data", [b"", b"plain text", b"<html><body><p>hi</p></body></html>",
                                  b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>',
                                  b"\x00\xff\xfe garbage", b"https://example.com/list.opml"])
def test_documents_that_are_not_opml_are_refused(data):
    with pytest.raises(OpmlError, match=r"^in\.opml: not an OPML file"):
        read_opml(data, "in.opml")


def test_an_opml_without_feeds_is_empty_not_an_error():
    found = read_opml(b'<opml version="2.0"><head><title>t</title></head><body/></opml>')
    assert found.feeds == [] and found.title == "t"


def test_names_lose_escapes_and_control_characters():
    found = read_opml(b'<opml version="2.0"><body><outline text="Evil \x1b[31mred\x1b[0m\x07 feed" '
                      b'xmlUrl="https://e.example/f"/></body></opml>')
    assert found.feeds[0].name == "Evil red feed"


def test_export_is_opml_2_and_round_trips(tmp_path):
    feeds = [ExportFeed("https://a.example/f?x=1&y=2", "A & B", "A's title", "https://a.example/"),
             ExportFeed("http://b.example/rss", None, "B title\x01", "javascript:alert(1)"),
             ExportFeed("https://c.example/atom")]
    text = write_opml(feeds)
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "opml" and root.get("version") == "2.0"
    assert root.findtext("head/title") == "marketwatch feeds" and root.findtext("head/dateCreated")
    outlines = root.findall("body/outline")
    assert [(o.get("xmlUrl"), o.get("text"), o.get("htmlUrl")) for o in outlines] == [
        ("https://a.example/f?x=1&y=2", "A & B", "https://a.example/"),
        ("http://b.example/rss", "B title", None),
        ("https://c.example/atom", "https://c.example/atom", None),
    ]
    assert all(o.get("type") == "rss" for o in outlines)
    back = read_opml(text.encode("utf-8"))
    assert [f.url for f in back.feeds] == [f.url for f in feeds]
