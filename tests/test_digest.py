"""Digests: new tie-ups only, grouped by company or alliance, remembered once sent."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import Reply
from test_tui_support import build_db, fixed_config

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
            "  with Pony.ai · joint venture · 2026-11-23 · feed0\n") in result.text
    assert "## Alphabet (tech): 1\n\n- [Renault-Nissan alliance picks Google" in result.text
    assert "  with Mitsubishi, Nissan, Renault · supply · 2026-11-22 · feed0" in result.text


def test_a_story_stored_while_a_digest_reads_is_in_each_section_once(setup, server, monkeypatch):
    """A digest reads its stories a page at a time: a refresh storing a newer story in between
    pushed a story onto the next page too, and its sections listed it twice."""
    from marketwatch import export
    from marketwatch.queries import list_stories

    config, store = setup
    monkeypatch.setattr(export, "PAGE", 2)
    newer = WIRE.read_text().replace("<channel>", "<channel><item><title>Nissan teams up with Baidu on voice "
                                     "assistant</title><link>https://wire.example.com/nb</link>"
                                     "<pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate></item>", 1)
    pages = []

    def reading(conn, flt):  # the first page read, then a refresh (cron's), then the others
        page = list_stories(conn, flt)
        if not pages:
            server.routes["/w.xml"] = Reply(200, newer.encode())
            refresh(config)
        pages.append(page)
        return page

    monkeypatch.setattr(export, "list_stories", reading)
    result = build(collect(store.conn, StoryFilter()), config)
    assert len(pages) > 2 and len(result.stories) == len({s.id for s in result.stories}) == 5
    for heading, members in result.groups:
        assert len(members) == len({s.id for s in members}), heading
    # under each of its four companies, once
    assert "## Alphabet (tech): 1\n" in result.text and result.text.count("picks Google for infotainment") == 4


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


REFERENCE = ("x1", 1, "Renault-Nissan-Mitsubishi Alliance signs MoU with Didi on EV sharing",
             "The alliance and Didi will build the platform together. Separately, "
             "BMW, Volvo and Ford partner with Alibaba on connected cars.")


def test_under_each_company_its_own_deal(tmp_path, make_config):
    """The reference story is the alliance's MoU with Didi; BMW, Volvo and Ford's partnership
    with Alibaba is named in passing: under Ford it is a partnership, as Ford's pane says."""
    config = fixed_config(tmp_path, make_config)
    build_db(config, [REFERENCE, ("s2", 2, "Ford and Baidu sign MoU on robotaxis", ""),
                      ("s3", 3, "Nissan signs MoU with Baidu on voice assistants",
                       "Nissan will also partner with Pony.ai on robotaxis.")])
    with Store(config.settings.db) as store:
        stories = collect(store.conn, StoryFilter())
        by_company = build(stories, config).text
        by_alliance = build(stories, config, group_by="alliance").text
        store.conn.execute("UPDATE story_pairs SET deal_type = (SELECT deal_type FROM stories WHERE id = story_id)")
        store.conn.commit()  # as pairs stored before schema 6 are
        old = build(collect(store.conn, StoryFilter()), config).text
    reference = "- [Renault-Nissan-Mitsubishi Alliance signs MoU with Didi on EV sharing](<https://news.example.com/x1>)\n"
    assert ("## Ford (OEM): 2\n\n" + reference + "  with Alibaba · partnership · 2026-03-15 · feed0\n"
            "- [Ford and Baidu sign MoU on robotaxis](<https://news.example.com/s2>)\n"
            "  with Baidu · MoU · 2026-03-14 · feed0\n") in by_company  # one deal: as ever
    assert reference + "  with Didi · MoU · 2026-03-15" in by_company.split("## Renault")[1]
    assert reference + "  with BMW, Ford, Volvo Cars · partnership" in by_company.split("## Alibaba")[1]
    # A company with pairs of two deals: each partner whose deal is not the first carries its own.
    assert "  with Baidu, Pony.ai (partnership) · MoU · 2026-03-13" in by_company.split("## Nissan")[1]
    assert (reference + "  BMW–Alibaba (partnership); Ford–Alibaba (partnership); Mitsubishi–Didi; Nissan–Didi; "
            "Renault–Didi; Volvo Cars–Alibaba (partnership) · MoU · 2026-03-15") in by_alliance
    assert reference + "  with Alibaba · MoU · 2026-03-15" in old.split("## Ford")[1]  # all an old row knows
    assert "  with Baidu, Pony.ai · MoU · 2026-03-13" in old.split("## Nissan")[1]


def test_under_an_owner_the_partners_of_its_units(setup):
    """Alphabet owns Waymo (`parents`): under Alphabet, Waymo's tie-up with Toyota reads
    'with Toyota', not 'with Toyota, Waymo'."""
    from marketwatch.export import md_story
    from marketwatch.story import Story

    config, _store = setup
    story = Story(id="w", title="Toyota and Waymo partner", url=None, published="2026-11-20", summary="",
                  kind="oem-tech", deal_type="partnership", sentence=None, spans=(), read=False,
                  starred=False, companies=("Alphabet", "Toyota", "Waymo"), pairs=(("Toyota", "Waymo"),),
                  pair_deals=("partnership",))
    text = build([story], config).text
    assert "## Alphabet (tech): 1\n\n- Toyota and Waymo partner\n  with Toyota · partnership" in text
    assert "## Waymo (tech): 1\n\n- Toyota and Waymo partner\n  with Toyota · partnership" in text
    assert md_story(story, partners_of="Alphabet")[1] == "  with Toyota, Waymo · partnership · 2026-11-20"


def test_a_selection_is_named_the_same_however_it_is_typed(setup):
    """Its key names its marks in the database: `--deal stake --deal mou` and `--deal mou --deal
    stake` are one digest, and so are two spellings of one search."""
    from marketwatch.digest import Selection
    from marketwatch.scope import ALL, resolve_scope

    config, _store = setup
    china = resolve_scope(config, watchlist="china TIE-UPS")
    assert Selection(china, ("stake", "mou")).key == Selection(china, ("mou", "stake", "mou")).key == (
        "watchlist=China tie-ups; deal=mou or stake")
    assert Selection(ALL, (), "  Battery ").key == Selection(ALL, (), "battery").key == "search=battery"
    assert Selection(ALL).key == Selection(ALL, (), "  ").key == Selection(ALL, (), '"').key == ""
    assert Selection(ALL, (), '"').label == ""  # a search of no words names nothing (and finds nothing)
    assert Selection(ALL, (), "Uber OR  lyft -waymo").key == Selection(ALL, (), "uber OR lyft -Waymo").key == (
        "search=(uber or lyft) -waymo")
    assert Selection(ALL, (), "Waymo,  robotaxi").key == Selection(ALL, (), "waymo robotaxi").key
    assert Selection(china, ("stake",), "Battery").label == "watchlist China tie-ups, deal stake, search Battery"
    assert Selection(china, ("joint-venture", "mou")).label == "watchlist China tie-ups, deal joint venture or MoU"
