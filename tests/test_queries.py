"""Read-side queries (marketwatch.queries)."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import timedelta

import pytest
from test_tui_support import MEMBERS, NOW, build_db, fixed_config

from marketwatch import queries
from marketwatch.config import Feed
from marketwatch.models import Entry, FetchResult, Match
from marketwatch.overview import panes, totals
from marketwatch.queries import (
    KINDS,
    TIEUP,
    StoryFilter,
    count_stories,
    feed_health,
    get_story,
    list_stories,
    tieups_stored_after,
)
from marketwatch.store import Store
from marketwatch.story import Story


def test_pair_stories_of_every_kind_asked_for(fixed_store):
    pair = list_stories(fixed_store.conn, StoryFilter(pair=("Toyota", "Pony.ai")))
    assert [s.id for s in pair] == ["s01", "s11"]
    assert count_stories(fixed_store.conn, StoryFilter(pair=("Toyota", "Pony.ai"))) == 2
    assert list_stories(fixed_store.conn, StoryFilter(pair=("Toyota", "BMW"))) == []
    oem_oem = StoryFilter(pair=("BMW", "Toyota"), kinds=("oem-tech", "oem-oem"))
    assert [s.id for s in list_stories(fixed_store.conn, oem_oem)] == ["s16"]
    assert list_stories(fixed_store.conn, StoryFilter(pair=("BMW", "Toyota"))) == []  # not a tie-up
    alliance = list_stories(fixed_store.conn, StoryFilter(companies=MEMBERS))
    assert [s.id for s in alliance] == ["s02", "s03", "s08", "s09", "s12"]
    assert count_stories(fixed_store.conn, StoryFilter(companies=MEMBERS, unread=True)) == 3


def test_the_dashboards_queries_read_indexes_not_whole_tables(fixed_store):
    """Every statement behind the main screen (all companies and one alliance) searches an index:
    none walks the stories or a relation table from end to end."""
    statements: list[str] = []
    fixed_store.conn.set_trace_callback(statements.append)
    panes(fixed_store.conn, now=NOW)
    panes(fixed_store.conn, MEMBERS, now=NOW)
    totals(fixed_store.conn)
    totals(fixed_store.conn, MEMBERS)
    panes(fixed_store.conn, ("Ford",), now=NOW)  # fewer stories than read ones: from its own rows
    totals(fixed_store.conn, ("Ford",))
    panes(fixed_store.conn, deal="partnership", now=NOW)  # the deal filter, alone and with an alliance
    panes(fixed_store.conn, MEMBERS, deal="partnership", now=NOW)
    totals(fixed_store.conn, deal="partnership")
    totals(fixed_store.conn, MEMBERS, deal="partnership")
    list_stories(fixed_store.conn, StoryFilter(pair=("Toyota", "Pony.ai")))
    count_stories(fixed_store.conn, StoryFilter(pair=("Toyota", "Pony.ai")))
    for flt in (StoryFilter(("Toyota",)), StoryFilter(MEMBERS, deals=("mou",)), StoryFilter(deals=("partnership",))):
        count_stories(fixed_store.conn, flt)  # a list's count: by id
        list_stories(fixed_store.conn, flt)  # few stories: by id
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(queries, "FEW_PER_ROW", 0)  # many: walked in date order
            list_stories(fixed_store.conn, flt)
    fixed_store.conn.set_trace_callback(None)
    assert len(statements) > 10
    walked = 0
    for sql in statements:
        if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
            continue
        rows = fixed_store.conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
        plan = [row[3] for row in rows]
        # Allowed: the JSON list of names, the CTE made of it, subquery results.
        scans = [step for step in plan if step.startswith("SCAN ")
                 and not step.startswith(("SCAN json_each", "SCAN c", "SCAN (", "SCAN CONSTANT"))]
        assert not scans, (sql, plan)
        # A relation looked up for each story walked is looked up by the story's id, not by
        # kind (a range of thousands of rows, for each story: 3.6 s at 100,000 stories)
        correlated = {row[0] for row in rows if row[3].startswith("CORRELATED")}
        for row in rows:
            if row[1] in correlated and row[3].startswith("SEARCH r "):  # `_Relation.exists`
                assert "(story_id=?" in row[3], (sql, plan)
                walked += 1
    assert walked == 3


def test_a_page_is_the_same_read_by_id_or_walked_in_date_order(fixed_store, monkeypatch):
    """Which way a page is read depends on how many stories the filter has (`FEW_PER_ROW`):
    both give the same stories in the same order, and the count and the ids (to mark them
    read) agree with them, whatever else the filter narrows by."""
    extras = [{}, {"unread": True}, {"starred": True}, {"search": "robotaxi"}, {"since": NOW - timedelta(days=20)},
              {"undigested": True}]
    filters = [StoryFilter(companies, deals=deals, kinds=kinds, limit=100, **extra)
               for companies, deals, kinds, extra in itertools.product(
                   [None, (), ("Toyota",), MEMBERS], [(), ("partnership",), ("partnership", "mou")],
                   [(TIEUP,), KINDS], extras)]
    filters += [StoryFilter(pair=("Toyota", "Pony.ai"), deals=deals, kinds=kinds)
                for deals in [(), ("investment",)] for kinds in [(TIEUP,), KINDS]]
    selected = 0
    for flt in filters:
        whole = [s.id for s in list_stories(fixed_store.conn, flt)]
        assert count_stories(fixed_store.conn, flt) == len(whole), flt
        assert sorted(queries.story_ids(fixed_store.conn, flt)) == sorted(whole), flt
        pages = [replace(flt, limit=2, offset=offset) for offset in (0, 2)]
        assert [s.id for page in pages for s in list_stories(fixed_store.conn, page)] == whole[:4], flt
        with monkeypatch.context() as patch:
            patch.setattr(queries, "FEW_PER_ROW", 0)  # walked
            assert [s.id for s in list_stories(fixed_store.conn, flt)] == whole, flt
            assert [s.id for page in pages for s in list_stories(fixed_store.conn, page)] == whole[:4], flt
        selected += bool(whole)
    assert selected > len(filters) / 3  # most filters select something to compare


def test_stories_of_every_kind_newest_first_page_by_page(fixed_store):
    """A search over every kind lists them newest first across kinds, and pages join up."""
    everything = StoryFilter(search="Toyota", kinds=KINDS)
    found = [s.id for s in list_stories(fixed_store.conn, everything)]
    assert found == ["s01", "s10", "s04", "s16", "s11", "s14"]  # s16 is OEM-OEM (Toyota and BMW)
    pages = [s.id for offset in (0, 2, 4)
             for s in list_stories(fixed_store.conn, replace(everything, limit=2, offset=offset))]
    assert pages == found
    assert count_stories(fixed_store.conn, everything) == 6
    assert [s.id for s in list_stories(fixed_store.conn, StoryFilter(kinds=KINDS, limit=3))] == ["s01", "s02", "s03"]
    assert list_stories(fixed_store.conn, StoryFilter(search="nothing-like-this", kinds=KINDS)) == []


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
        count, stories = tieups_stored_after(store.conn, mark, after, MEMBERS)
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


def test_stories_of_a_deal_type_have_a_deal_of_that_type_of_one_of_their_companies(fixed_store):
    def ids(*deals, **more):
        return [s.id for s in list_stories(fixed_store.conn, StoryFilter(deals=deals, limit=100, **more))]

    assert ids("joint-venture") == ["s01", "s14"]
    assert ids("joint-venture", "investment") == ["s01", "s05", "s11", "s14"]
    assert ids("ended") == []
    assert count_stories(fixed_store.conn, StoryFilter(deals=("investment",))) == 2
    assert ids("partnership", companies=("Nissan",)) == ["s02", "s09"]
    assert ids("partnership", companies=MEMBERS) == ["s02", "s08", "s09", "s12"]
    assert ids("mou", companies=("Nissan",)) == [] and ids("mou", companies=MEMBERS) == ["s03"]


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


def test_an_owners_own_pair_gives_a_partners_deal_before_its_units():
    """Hyundai's stake in Samsung read "investment" in Hyundai's digest: Genesis's pair with Samsung,
    an investment, came first in the story's pairs."""
    story = Story(id="s", title="t", url=None, published="2026-11-24", summary="", kind="oem-tech",
                  deal_type="stake", sentence=None, spans=(), read=False, starred=False,
                  companies=("Genesis", "Hyundai", "Samsung"), pairs=(("Genesis", "Samsung"), ("Hyundai", "Samsung")),
                  pair_deals=("investment", "stake"))
    assert story.partner_deals("Hyundai", frozenset({"Genesis", "Kia"})) == [("Samsung", "stake")]
    assert story.partner_deals("Genesis") == [("Samsung", "investment")]


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
def test_a_damaged_spans_cell_reads_as_no_spans_and_its_story_still_lists_and_opens(fixed_store, damage):
    """spans is JSON the matcher wrote; a cell damaged on disk or by hand must not hide the story
    (or every story listed with it) from `stories`, `export`, `digest` or the story screen."""
    everything = StoryFilter(kinds=KINDS, limit=100)
    listed = [s.id for s in list_stories(fixed_store.conn, everything)]
    intact = get_story(fixed_store.conn, "s04")
    assert get_story(fixed_store.conn, "s01").spans and intact.spans
    fixed_store.conn.execute("UPDATE stories SET spans = ? WHERE id = 's01'", (damage,))
    assert [s.id for s in list_stories(fixed_store.conn, everything)] == listed
    story = get_story(fixed_store.conn, "s01")
    assert story.spans == () and story.as_json()["names"] == [] and story.sentence
    assert get_story(fixed_store.conn, "s04") == intact
