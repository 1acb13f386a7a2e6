"""Read-side queries (marketwatch.queries)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from test_tui_support import NOW, READ, build_db, fixed_config

from marketwatch import dates, queries
from marketwatch.config import Feed
from marketwatch.models import Entry, FetchResult, Match
from marketwatch.queries import (
    KINDS,
    StoryFilter,
    count_stories,
    feed_health,
    get_story,
    list_stories,
    panes,
    tieups_stored_after,
    totals,
    weekly_counts,
)
from marketwatch.store import Store
from marketwatch.story import Story

ALLIANCE = ("Renault", "Nissan", "Mitsubishi")


@pytest.fixture
def store(tmp_path, make_config):
    config = fixed_config(tmp_path, make_config)
    build_db(config)
    with Store(config.settings.db) as store:
        yield store


def test_unread_counts_per_company_follow_the_read_flag(store):
    def unread(companies=None):
        return {p.company: p.unread for p in panes(store.conn, companies, now=NOW) if p.unread}

    # Toyota takes part in s01, s04, s10, s11 and s14; s11 is read.
    assert unread()["Toyota"] == 4
    assert "Ford" not in unread()  # its one story (s05) is read
    assert unread(("Toyota", "Nissan")) == {"Toyota": 4, "Nissan": 1}
    assert unread(()) == {}
    total = count_stories(store.conn, StoryFilter(unread=True))
    assert total == 13 - len(READ)
    store.set_flag("s01", "read", True)
    assert unread(("Toyota",)) == {"Toyota": 3}


def test_panes_busiest_first_with_latest_headlines_weekly_counts_and_unread(store):
    found = panes(store.conn, headlines=3, now=NOW)
    assert [p.company for p in found][:4] == ["Toyota", "Pony.ai", "Baidu", "Didi"]
    toyota = found[0]
    assert (toyota.count, toyota.unread) == (5, 4)
    assert toyota.latest == dates.to_iso(NOW - timedelta(days=1, hours=1))
    # The three latest of its five, newest first, each with its partners.
    assert [s.id for s in toyota.stories] == ["s01", "s10", "s04"]
    assert toyota.stories[0].pairs == (("Toyota", "Pony.ai"),)
    # 1, 4 and 5 days old in the last week; 40 days old 6 weeks before it; 60 days old 9 weeks before.
    assert toyota.weekly == (0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 3)
    # What a headline shows, no more: the rest is read when the story is opened.
    assert toyota.stories[0].headline and toyota.stories[0].summary == "" and not toyota.stories[0].feeds
    whole = get_story(store.conn, "s01")
    assert not whole.headline and whole.summary.startswith("Toyota will invest") and whole.feeds
    assert (whole.title, whole.pairs, whole.companies) == (toyota.stories[0].title, toyota.stories[0].pairs,
                                                           toyota.stories[0].companies)
    ford = next(p for p in found if p.company == "Ford")
    assert (ford.count, ford.unread) == (1, 0)
    assert all(p.kind == "oem-tech" for p in found for p in p.stories)  # s16 (oem-oem) is not Toyota's


def test_panes_narrowed_to_companies_and_unread_after_reading(store):
    assert [p.company for p in panes(store.conn, ALLIANCE, now=NOW)] == ["Nissan", "Renault", "Mitsubishi"]
    assert panes(store.conn, (), now=NOW) == []
    assert panes(store.conn, ("Nobody",), now=NOW) == []
    for sid in ("s01", "s10"):
        store.set_flag(sid, "read", True)
    toyota = panes(store.conn, ("Toyota",), now=NOW)[0]
    assert toyota.unread == 2
    assert [s.read for s in toyota.stories][:2] == [True, True]


def test_weekly_counts_put_a_story_on_a_week_boundary_in_the_older_week(store):
    s01 = NOW - timedelta(days=1, hours=1)  # when s01 was published
    week = timedelta(weeks=1)
    assert weekly_counts(store.conn, ["Pony.ai"], now=s01 + week)["Pony.ai"][-2:] == (1, 0)
    assert weekly_counts(store.conn, ["Pony.ai"], now=s01 + week - timedelta(seconds=1))["Pony.ai"][-1] == 1
    twelve = weekly_counts(store.conn, ["Pony.ai"], weeks=12, now=s01 + 12 * week)["Pony.ai"]
    assert twelve[0] == 0  # exactly twelve weeks old: out of the sparkline
    before = weekly_counts(store.conn, ["Pony.ai"], now=s01 - timedelta(seconds=1))["Pony.ai"]
    assert before[-1] == 0  # not published yet at that time
    assert weekly_counts(store.conn, ["Nobody"], now=NOW) == {"Nobody": (0,) * 12}


def test_totals_count_the_scope_and_its_unread_stories(store):
    assert totals(store.conn) == (13, 13 - len(READ))
    # The alliance takes part in s02, s03, s08, s09 and s12; s03 and s09 are read.
    assert totals(store.conn, ALLIANCE) == (5, 3)
    assert totals(store.conn, ()) == (0, 0)
    store.set_flag("s02", "read", True)
    assert totals(store.conn, ALLIANCE) == (5, 2)
    assert totals(store.conn) == (13, 13 - len(READ) - 1)


def test_panes_and_totals_of_one_deal_type_count_each_companys_own_deals(store):
    """The dashboard's deal filter: joint ventures are s01 (Toyota, Pony.ai) and s14 (Toyota,
    Didi). Alphabet owns Waymo: its partnerships are Waymo's (s04, s12)."""
    found = {p.company: p for p in panes(store.conn, deal="joint-venture", headlines=3, now=NOW)}
    assert list(found) == ["Toyota", "Pony.ai", "Didi"]  # busiest, then latest
    assert [s.id for s in found["Toyota"].stories] == ["s01", "s14"]
    assert (found["Toyota"].count, found["Toyota"].unread) == (2, 2)
    assert found["Toyota"].weekly == (0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1)  # 60 days and 1 day old
    assert totals(store.conn, deal="joint-venture") == (2, 2)
    assert totals(store.conn, ("Didi",), deal="joint-venture") == (1, 1)
    investments = {p.company: (p.count, p.unread) for p in panes(store.conn, deal="investment", now=NOW)}
    assert investments == {"Toyota": (1, 0), "Pony.ai": (1, 0), "Ford": (1, 0), "Didi": (1, 0)}
    assert totals(store.conn, deal="investment") == (2, 0)  # s05 and s11, both read
    alliance = panes(store.conn, ALLIANCE, deal="partnership", now=NOW)
    assert [(p.company, p.count) for p in alliance] == [("Nissan", 2), ("Mitsubishi", 1), ("Renault", 1)]
    assert [p.company for p in panes(store.conn, ("Alphabet",), deal="partnership", now=NOW)] == ["Alphabet"]
    assert panes(store.conn, deal="ended", now=NOW) == [] and totals(store.conn, deal="ended") == (0, 0)


def test_the_matrix_of_one_deal_type_counts_each_pairs_own_deal_and_its_cells_list_them(store):
    from marketwatch.queries import matrix

    assert matrix(store.conn, deal="joint-venture") == {("Toyota", "Pony.ai"): 1, ("Toyota", "Didi"): 1}
    assert matrix(store.conn, deal="investment")[("Toyota", "Pony.ai")] == 1  # s11
    # s01 (a joint venture) also says Toyota invests: as a pair of its own, not the cell's JV
    store.conn.execute("UPDATE story_pairs SET deal_type = 'investment' WHERE story_id = 's01'")
    assert matrix(store.conn, deal="investment")[("Toyota", "Pony.ai")] == 2
    cell = StoryFilter(pair=("Toyota", "Pony.ai"), deals=("investment",))
    assert [s.id for s in list_stories(store.conn, cell)] == ["s01", "s11"]
    assert list_stories(store.conn, replace(cell, deals=("joint-venture",))) == []  # not the pair's own


def test_pair_stories_of_every_kind_asked_for(store):
    pair = list_stories(store.conn, StoryFilter(pair=("Toyota", "Pony.ai")))
    assert [s.id for s in pair] == ["s01", "s11"]
    assert count_stories(store.conn, StoryFilter(pair=("Toyota", "Pony.ai"))) == 2
    assert list_stories(store.conn, StoryFilter(pair=("Toyota", "BMW"))) == []
    oem_oem = StoryFilter(pair=("BMW", "Toyota"), kinds=("oem-tech", "oem-oem"))
    assert [s.id for s in list_stories(store.conn, oem_oem)] == ["s16"]
    assert list_stories(store.conn, StoryFilter(pair=("BMW", "Toyota"))) == []  # not a tie-up
    alliance = list_stories(store.conn, StoryFilter(companies=ALLIANCE))
    assert [s.id for s in alliance] == ["s02", "s03", "s08", "s09", "s12"]
    assert count_stories(store.conn, StoryFilter(companies=ALLIANCE, unread=True)) == 3


def test_the_dashboards_queries_read_indexes_not_whole_tables(store):
    """Every statement behind the main screen (all companies and one alliance) searches an index:
    none walks the stories or a relation table from end to end."""
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    panes(store.conn, now=NOW)
    panes(store.conn, ALLIANCE, now=NOW)
    totals(store.conn)
    totals(store.conn, ALLIANCE)
    panes(store.conn, ("Ford",), now=NOW)  # fewer stories than read ones: from its own rows
    totals(store.conn, ("Ford",))
    panes(store.conn, deal="partnership", now=NOW)  # the deal filter, alone and with an alliance
    panes(store.conn, ALLIANCE, deal="partnership", now=NOW)
    totals(store.conn, deal="partnership")
    totals(store.conn, ALLIANCE, deal="partnership")
    list_stories(store.conn, StoryFilter(pair=("Toyota", "Pony.ai")))
    count_stories(store.conn, StoryFilter(pair=("Toyota", "Pony.ai")))
    for flt in (StoryFilter(("Toyota",)), StoryFilter(ALLIANCE, deals=("mou",)), StoryFilter(deals=("partnership",))):
        count_stories(store.conn, flt)  # a list's count: by id
        list_stories(store.conn, flt)  # few stories: by id
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(queries, "FEW_PER_ROW", 0)  # many: walked in date order
            list_stories(store.conn, flt)
    store.conn.set_trace_callback(None)
    assert len(statements) > 10
    walked = 0
    for sql in statements:
        if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
            continue
        plan = [row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql)]
        # Allowed: the JSON list of names, the CTE made of it, subquery results.
        scans = [step for step in plan if step.startswith("SCAN ")
                 and not step.startswith(("SCAN json_each", "SCAN c", "SCAN (", "SCAN CONSTANT"))]
        assert not scans, (sql, plan)
        # A relation looked up for each story walked is looked up by the story's id, not by
        # kind (a range of thousands of rows, for each story: 3.6 s at 100,000 stories)
        for step in plan:
            if step.startswith("SEARCH r "):  # the relation of `_where`'s EXISTS
                assert "(story_id=?" in step, (sql, plan)
        walked += "SEARCH r " in " ".join(plan)
    assert walked == 3


@pytest.mark.parametrize("flt", [
    StoryFilter(("Toyota",)), StoryFilter(ALLIANCE), StoryFilter(ALLIANCE, unread=True),
    StoryFilter(deals=("partnership",)), StoryFilter(("Nissan", "Renault"), deals=("partnership", "mou")),
    StoryFilter(("Toyota",), kinds=KINDS), StoryFilter(("Toyota",), search="robotaxi"),
    StoryFilter(("Toyota",), limit=2, offset=1)], ids=repr)
def test_a_page_is_the_same_read_by_id_or_walked_in_date_order(store, monkeypatch, flt):
    """Which way a page is read depends on how many stories the filter has (`FEW_PER_ROW`):
    both give the same stories in the same order."""
    by_id = [s.id for s in list_stories(store.conn, flt)]
    monkeypatch.setattr(queries, "FEW_PER_ROW", 0)
    assert [s.id for s in list_stories(store.conn, flt)] == by_id and by_id


def test_stories_of_every_kind_newest_first_page_by_page(store):
    """A search over every kind lists them newest first across kinds, and pages join up."""
    everything = StoryFilter(search="Toyota", kinds=KINDS)
    found = [s.id for s in list_stories(store.conn, everything)]
    assert found == ["s01", "s10", "s04", "s16", "s11", "s14"]  # s16 is OEM-OEM (Toyota and BMW)
    pages = [s.id for offset in (0, 2, 4)
             for s in list_stories(store.conn, replace(everything, limit=2, offset=offset))]
    assert pages == found
    assert count_stories(store.conn, everything) == 6
    assert [s.id for s in list_stories(store.conn, StoryFilter(kinds=KINDS, limit=3))] == ["s01", "s02", "s03"]
    assert list_stories(store.conn, StoryFilter(search="nothing-like-this", kinds=KINDS)) == []


def test_feed_health_lists_the_configs_feeds_worst_first(tmp_path):
    """A feed taken out of the config is not listed (nothing fetches it any more); one added and
    not fetched yet is, as never fetched, after the failing feeds."""
    with Store(tmp_path / "h.db") as store:
        ids = store.sync_feeds([Feed("https://a.example/rss", "alpha"), Feed("https://b.example/rss", "beta"),
                                Feed("https://gone.example/rss", "gone")])
        store.record_fetch(ids["https://a.example/rss"], FetchResult("https://a.example/rss", "ok", 200), NOW)
        for _ in range(2):
            store.record_fetch(ids["https://b.example/rss"],
                               FetchResult("https://b.example/rss", "error", 500, error="HTTP 500"), NOW)
        store.record_fetch(ids["https://gone.example/rss"],
                           FetchResult("https://gone.example/rss", "error", 404, error="HTTP 404"), NOW)
        configured = {"https://a.example/rss": "Alpha News", "https://b.example/rss": "beta",
                      "https://new.example/rss": "new"}
        health = feed_health(store.conn, configured)
        assert [(f.name, f.status, f.failures) for f in health] == [  # alpha renamed in the config
            ("beta", "error", 2), ("new", None, 0), ("Alpha News", "ok", 0)]
        assert [f.name for f in feed_health(store.conn)] == ["beta", "gone", "alpha"]  # every row, for tools


def test_tieups_stored_after_a_mark_are_counted_once_and_only_in_scope(tmp_path, make_config):
    config = fixed_config(tmp_path, make_config)
    build_db(config)
    with Store(config.settings.db) as store:
        mark = store.last_rowid()
        assert tieups_stored_after(store.conn, mark, mark) == (0, [])
    build_db(config, [("n1", 0, "Ford and Baidu form autonomous driving joint venture", ""),
                      ("n2", 0, "Toyota posts record quarterly profit", ""),
                      ("n3", 0, "Nissan and Didi sign MoU on ride-hailing", "")], feed=1)
    with Store(config.settings.db) as store:
        after = store.last_rowid()
        count, stories = tieups_stored_after(store.conn, mark, after, limit=1)
        assert count == 2 and [s.id for s in stories] == ["n3"] and stories[0].pairs == (("Nissan", "Didi"),)
        assert after > mark and tieups_stored_after(store.conn, after, after) == (0, [])
        count, stories = tieups_stored_after(store.conn, mark, after, ALLIANCE)
        assert count == 1 and [s.id for s in stories] == ["n3"]


def test_a_pane_names_the_deal_of_its_companys_own_pairs():
    """Ford, named in passing in a story of the alliance's MoU, has a partnership of its own."""
    story = Story(id="s", title="t", url=None, published="2026-11-24", summary="", kind="oem-tech",
                  deal_type="mou", sentence=None, spans=(), read=False, starred=False,
                  companies=("Alibaba", "Didi", "Ford", "Renault"),
                  pairs=(("Ford", "Alibaba"), ("Ford", "Baidu"), ("Renault", "Didi")),
                  pair_deals=("partnership", "mou", "mou"))
    assert story.deals_of("Renault") == ["mou"]
    assert story.deals_of("Ford") == ["mou", "partnership"]  # the story's first
    assert story.deals_of("Alibaba") == ["partnership"]
    assert story.deals_of("Didi") == ["mou"]
    assert replace(story, pair_deals=()).deals_of("Alibaba") == ["mou"]  # read from an older database
    assert story.as_json()["pair_deal_types"] == ["partnership", "mou", "mou"]


def test_stories_of_a_deal_type_the_storys_own_or_one_of_its_pairs(store):
    def ids(*deals, **more):
        return [s.id for s in list_stories(store.conn, StoryFilter(deals=deals, limit=100, **more))]

    assert ids("joint-venture") == ["s01", "s14"]
    assert ids("joint-venture", "investment") == ["s01", "s05", "s11", "s14"]
    assert ids("ended") == []
    assert count_stories(store.conn, StoryFilter(deals=("investment",))) == 2
    assert ids("partnership", companies=("Nissan",)) == ["s02", "s09"]
    assert ids("partnership", companies=ALLIANCE) == ["s02", "s08", "s09", "s12"]
    assert ids("mou", companies=("Nissan",)) == [] and ids("mou", companies=ALLIANCE) == ["s03"]


# Ford's partnership with Alibaba, reported in a story of the Renault–Didi MoU; Peugeot's stake
# in Didi, under Stellantis (which owns Peugeot); a joint venture of Toyota and Pony.ai.
DEALS = {
    "side": Match(kind="oem-tech", companies=("Alibaba", "Didi", "Ford", "Renault"),
                  parties=("Ford", "Alibaba", "Renault", "Didi"), pairs=(("Ford", "Alibaba"), ("Renault", "Didi")),
                  deal_type="mou", pair_deals=("partnership", "mou")),
    "stake": Match(kind="oem-tech", companies=("Didi", "Peugeot", "Stellantis"),
                   parties=("Peugeot", "Didi", "Stellantis"), pairs=(("Peugeot", "Didi"),), deal_type="stake",
                   pair_deals=("stake",)),
    "jv": Match(kind="oem-tech", companies=("Pony.ai", "Toyota"), parties=("Toyota", "Pony.ai"),
                pairs=(("Toyota", "Pony.ai"),), deal_type="joint-venture", pair_deals=("joint-venture",)),
}


@pytest.fixture
def deals_store(tmp_path):
    with Store(tmp_path / "deals.db") as store:
        fid = store.sync_feeds([Feed(url="https://f")])["https://f"]
        items = [(Entry(id=sid, guid=sid, url=None, title=sid, summary="", published=NOW - timedelta(days=i),
                        date_source="feed"), match) for i, (sid, match) in enumerate(DEALS.items())]
        owned = {"Stellantis": frozenset({"Peugeot", "Jeep"})}
        store.save_feed(fid, FetchResult("https://f", "ok", 200), items, NOW,
                        units=lambda company: owned.get(company, frozenset()))
        yield store


def test_a_deal_filter_narrowed_to_companies_takes_their_own_deals(deals_store):
    """`stories --company Ford --deal mou` lists what Ford's pane lists under the dashboard's
    MoU filter: the story of the alliance's MoU is Ford's partnership, not one of its MoUs, and
    Peugeot's stake is Stellantis's, its owner's."""
    def ids(*deals, companies=None):
        return [s.id for s in list_stories(deals_store.conn, StoryFilter(companies, deals=deals))]

    assert ids("mou") == ["side"] and ids("partnership") == ["side"]  # a deal of any of its companies
    assert ids("mou", companies=("Ford",)) == [] and ids("partnership", companies=("Ford",)) == ["side"]
    assert ids("mou", companies=("Renault", "Ford")) == ["side"]  # a watchlist's: one of its companies'
    assert ids("stake", companies=("Stellantis",)) == ["stake"] and ids("mou", companies=("Stellantis",)) == []
    assert ids("stake", "joint-venture") == ["stake", "jv"]
    count, told = tieups_stored_after(deals_store.conn, 0, deals_store.last_rowid(), ("Ford",), since="2000",
                                      deals=("partnership",))
    assert count == 1 and [s.id for s in told] == ["side"]
    assert tieups_stored_after(deals_store.conn, 0, deals_store.last_rowid(), ("Ford",), since="2000",
                               deals=("mou",)) == (0, [])


@pytest.mark.parametrize("deal", ["mou", "partnership", "stake", "joint-venture"])
def test_a_deal_filter_lists_what_the_panes_count(deals_store, deal):
    for pane in panes(deals_store.conn, deal=deal, now=NOW):
        assert pane.count == count_stories(deals_store.conn, StoryFilter((pane.company,), deals=(deal,))) > 0
    shown = {pane.company for pane in panes(deals_store.conn, deal=deal, now=NOW)}
    for company in {c for match in DEALS.values() for c in match.parties} - shown:
        assert count_stories(deals_store.conn, StoryFilter((company,), deals=(deal,))) == 0


def test_an_owners_partners_are_those_of_the_units_it_owns():
    """Under Stellantis, a story of Peugeot (its brand) with Pony.ai names Pony.ai, with that
    pair's deal; a pair of two of its own is nobody's partner."""
    story = Story(id="s", title="t", url=None, published="2026-11-24", summary="", kind="oem-tech",
                  deal_type="mou", sentence=None, spans=(), read=False, starred=False,
                  companies=("Baidu", "Jeep", "Peugeot", "Pony.ai", "Stellantis"),
                  pairs=(("Jeep", "Baidu"), ("Peugeot", "Pony.ai"), ("Peugeot", "Baidu")),
                  pair_deals=("mou", "stake", "supply"))
    units = frozenset({"Peugeot", "Jeep", "PSA Group"})
    assert story.partners_of("Stellantis") == ["Baidu", "Jeep", "Peugeot"]  # without: its own brands
    assert story.partners_of("Stellantis", units) == ["Baidu", "Pony.ai"]
    assert story.partner_deals("Stellantis", units) == [("Baidu", "mou"), ("Pony.ai", "stake")]
    assert story.deals_of("Stellantis", units) == ["mou", "stake", "supply"]  # Peugeot's supply deal with Baidu too
    assert story.partners_of("Peugeot") == ["Pony.ai", "Baidu"]  # a unit's own pane is unchanged
    alone = replace(story, pairs=(), pair_deals=())
    assert alone.partners_of("Stellantis", units) == ["Baidu", "Pony.ai"]  # not its brands either


@pytest.mark.parametrize("damage", ["{not json", "[[1, 2]]", '[[0, 3, 7]]', '[[true, 3, "Toyota"]]',
                                    '[[0, 99999, "Toyota"]]', '{"start": 0}', "[" * 100_000, 5, b"\xff\x00"],
                         ids=lambda damage: repr(damage)[:24])
def test_a_damaged_spans_cell_reads_as_no_spans_and_its_story_still_lists_and_opens(store, damage):
    """spans is JSON the matcher wrote; a cell damaged on disk or by hand must not hide the story
    (or every story listed with it) from `stories`, `export`, `digest` or the story screen."""
    everything = StoryFilter(kinds=KINDS, limit=100)
    listed = [s.id for s in list_stories(store.conn, everything)]
    intact = get_story(store.conn, "s04")
    assert get_story(store.conn, "s01").spans and intact.spans
    store.conn.execute("UPDATE stories SET spans = ? WHERE id = 's01'", (damage,))
    assert [s.id for s in list_stories(store.conn, everything)] == listed
    story = get_story(store.conn, "s01")
    assert story.spans == () and story.as_json()["names"] == [] and story.sentence
    assert get_story(store.conn, "s04") == intact
