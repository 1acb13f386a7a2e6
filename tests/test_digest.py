"""Digests: new tie-ups only, grouped by company or alliance, remembered once sent."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import Reply

from marketwatch import dates
from marketwatch.config import load_config
from marketwatch.digest import NO_ALLIANCE, build, collect, group
from marketwatch.queries import StoryFilter
from marketwatch.refresh import refresh
from marketwatch.store import Store

WIRE = Path(__file__).parent / "data" / "workflow.rss"


@pytest.fixture
def setup(server, make_config):
    server.routes["/w.xml"] = Reply(200, WIRE.read_bytes())
    config = load_config(make_config([server.url("/w.xml")]))
    refresh(config)
    with Store(config.settings.db) as store:
        yield config, store


def test_grouped_by_company_busiest_first(setup):
    config, store = setup
    found = collect(store.conn, StoryFilter())
    assert len(found) == 5
    groups = [(name, len(stories)) for name, stories in group(found, config, "company")]
    assert groups[:3] == [("Toyota", 3), ("Baidu", 2), ("Pony.ai", 2)]
    assert {name for name, _ in groups} == {"Toyota", "Baidu", "Pony.ai", "Ford", "Alphabet", "Mitsubishi",
                                            "Nissan", "Renault"}


def test_grouped_by_alliance(setup):
    config, store = setup
    groups = dict(group(collect(store.conn, StoryFilter()), config, "alliance"))
    assert [s.title for s in groups["Renault-Nissan-Mitsubishi Alliance"]] == [
        "Renault-Nissan alliance picks Google for infotainment"]
    assert list(groups)[-1] == NO_ALLIANCE and len(groups[NO_ALLIANCE]) == 4


def test_digest_text(setup):
    config, store = setup
    since = datetime(2026, 11, 15, tzinfo=UTC)
    result = build(collect(store.conn, StoryFilter(since=since)), config, since=since)
    assert result.text.startswith(
        "# marketwatch digest: 3 new tie-up stories (2026-11-16 to 2026-11-23)\n\n"
        "Published since 2026-11-15 00:00 UTC.\n\n")
    assert ("## Toyota (OEM): 1\n\n"
            "- [Toyota and Pony.ai form robotaxi joint venture in China](<https://wire.example.com/toyota-pony>)\n"
            "  with Pony.ai · joint-venture · 2026-11-23 · feed0\n") in result.text
    assert "## Alphabet (tech): 1\n\n- [Renault-Nissan alliance picks Google" in result.text
    assert "  with Mitsubishi, Nissan, Renault · supply · 2026-11-22 · feed0" in result.text


def test_only_new_stories_unless_asked(setup, server):
    config, store = setup
    first = collect(store.conn, StoryFilter())
    store.mark_digested([s.id for s in first], dates.utcnow())
    assert collect(store.conn, StoryFilter()) == []
    assert build([], config).text == ""
    assert len(collect(store.conn, StoryFilter(), include_digested=True)) == 5
    newer = WIRE.read_text().replace("<channel>", "<channel><item><title>Nissan teams up with Baidu on "
                                     "voice assistant</title><link>https://wire.example.com/nb</link>"
                                     "<pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate></item>", 1)
    server.routes["/w.xml"] = Reply(200, newer.encode())
    refresh(config)
    assert [s.title for s in collect(store.conn, StoryFilter())] == [
        "Nissan teams up with Baidu on voice assistant"]


def test_only_tie_ups_go_into_a_digest(setup):
    _config, store = setup
    assert store.conn.execute("SELECT count(*) FROM stories WHERE kind = 'oem-oem'").fetchone()[0] == 1
    found = collect(store.conn, StoryFilter(kinds=("oem-oem", "tech-tech", "oem-tech")))
    assert len(found) == 5 and {s.kind for s in found} == {"oem-tech"}
