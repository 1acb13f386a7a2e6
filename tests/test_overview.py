"""The dashboard's overview (marketwatch.overview): panes, totals, weekly counts, the matrix."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from test_store import TIEUP
from test_tui_support import MEMBERS, NOW, READ

from marketwatch import dates
from marketwatch.models import Entry, FetchResult
from marketwatch.overview import matrix, panes, totals, weekly_counts
from marketwatch.queries import StoryFilter, count_stories, get_story, list_stories
from marketwatch.store import Store


def test_unread_counts_per_company_follow_the_read_flag(fixed_store):
    def unread(companies=None):
        return {p.company: p.unread for p in panes(fixed_store.conn, companies, now=NOW) if p.unread}

    # Toyota takes part in s01, s04, s10, s11 and s14; s11 is read.
    assert unread()["Toyota"] == 4
    assert "Ford" not in unread()  # its one story (s05) is read
    assert unread(("Toyota", "Nissan")) == {"Toyota": 4, "Nissan": 1}
    assert unread(()) == {}
    total = count_stories(fixed_store.conn, StoryFilter(unread=True))
    assert total == 13 - len(READ)
    fixed_store.set_flag("s01", "read", True)
    assert unread(("Toyota",)) == {"Toyota": 3}


def test_panes_busiest_first_with_latest_headlines_weekly_counts_and_unread(fixed_store):
    found = panes(fixed_store.conn, headlines=3, now=NOW)
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
    whole = get_story(fixed_store.conn, "s01")
    assert not whole.headline and whole.summary.startswith("Toyota will invest") and whole.feeds
    assert (whole.title, whole.pairs, whole.companies) == (toyota.stories[0].title, toyota.stories[0].pairs,
                                                           toyota.stories[0].companies)
    ford = next(p for p in found if p.company == "Ford")
    assert (ford.count, ford.unread) == (1, 0)
    assert all(p.kind == "oem-tech" for pane in found for p in pane.stories)  # s16 (oem-oem) is not Toyota's


def test_panes_narrowed_to_companies_and_unread_after_reading(fixed_store):
    assert [p.company for p in panes(fixed_store.conn, MEMBERS, now=NOW)] == ["Nissan", "Renault", "Mitsubishi"]
    assert panes(fixed_store.conn, (), now=NOW) == []
    assert panes(fixed_store.conn, ("Nobody",), now=NOW) == []
    for sid in ("s01", "s10"):
        fixed_store.set_flag(sid, "read", True)
    toyota = panes(fixed_store.conn, ("Toyota",), now=NOW)[0]
    assert toyota.unread == 2
    assert [s.read for s in toyota.stories][:2] == [True, True]


def test_weekly_counts_put_a_story_on_a_week_boundary_in_the_older_week(fixed_store):
    s01 = NOW - timedelta(days=1, hours=1)  # when s01 was published
    week = timedelta(weeks=1)
    assert weekly_counts(fixed_store.conn, ["Pony.ai"], now=s01 + week)["Pony.ai"][-2:] == (1, 0)
    assert weekly_counts(fixed_store.conn, ["Pony.ai"], now=s01 + week - timedelta(seconds=1))["Pony.ai"][-1] == 1
    twelve = weekly_counts(fixed_store.conn, ["Pony.ai"], weeks=12, now=s01 + 12 * week)["Pony.ai"]
    assert twelve[0] == 0  # exactly twelve weeks old: out of the sparkline
    before = weekly_counts(fixed_store.conn, ["Pony.ai"], now=s01 - timedelta(seconds=1))["Pony.ai"]
    assert before[-1] == 0  # not published yet at that time
    assert weekly_counts(fixed_store.conn, ["Nobody"], now=NOW) == {"Nobody": (0,) * 12}


def test_totals_count_the_scope_and_its_unread_stories(fixed_store):
    assert totals(fixed_store.conn) == (13, 13 - len(READ))
    # The alliance takes part in s02, s03, s08, s09 and s12; s03 and s09 are read.
    assert totals(fixed_store.conn, MEMBERS) == (5, 3)
    assert totals(fixed_store.conn, ()) == (0, 0)
    fixed_store.set_flag("s02", "read", True)
    assert totals(fixed_store.conn, MEMBERS) == (5, 2)
    assert totals(fixed_store.conn) == (13, 13 - len(READ) - 1)


def test_panes_and_totals_of_one_deal_type_count_each_companys_own_deals(fixed_store):
    """The dashboard's deal filter: joint ventures are s01 (Toyota, Pony.ai) and s14 (Toyota,
    Didi). Alphabet owns Waymo: its partnerships are Waymo's (s04, s12)."""
    found = {p.company: p for p in panes(fixed_store.conn, deal="joint-venture", headlines=3, now=NOW)}
    assert list(found) == ["Toyota", "Pony.ai", "Didi"]  # busiest, then latest
    assert [s.id for s in found["Toyota"].stories] == ["s01", "s14"]
    assert (found["Toyota"].count, found["Toyota"].unread) == (2, 2)
    assert found["Toyota"].weekly == (0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1)  # 60 days and 1 day old
    assert totals(fixed_store.conn, deal="joint-venture") == (2, 2)
    assert totals(fixed_store.conn, ("Didi",), deal="joint-venture") == (1, 1)
    investments = {p.company: (p.count, p.unread) for p in panes(fixed_store.conn, deal="investment", now=NOW)}
    assert investments == {"Toyota": (1, 0), "Pony.ai": (1, 0), "Ford": (1, 0), "Didi": (1, 0)}
    assert totals(fixed_store.conn, deal="investment") == (2, 0)  # s05 and s11, both read
    alliance = panes(fixed_store.conn, MEMBERS, deal="partnership", now=NOW)
    assert [(p.company, p.count) for p in alliance] == [("Nissan", 2), ("Mitsubishi", 1), ("Renault", 1)]
    assert [p.company for p in panes(fixed_store.conn, ("Alphabet",), deal="partnership", now=NOW)] == ["Alphabet"]
    assert panes(fixed_store.conn, deal="ended", now=NOW) == [] and totals(fixed_store.conn, deal="ended") == (0, 0)


def test_the_matrix_of_one_deal_type_counts_each_pairs_own_deal_and_its_cells_list_them(fixed_store):
    assert matrix(fixed_store.conn, deal="joint-venture") == {("Toyota", "Pony.ai"): 1, ("Toyota", "Didi"): 1}
    assert matrix(fixed_store.conn, deal="investment")[("Toyota", "Pony.ai")] == 1  # s11
    # s01 (a joint venture) also says Toyota invests: as a pair of its own, not the cell's JV
    fixed_store.conn.execute("UPDATE story_pairs SET deal_type = 'investment' WHERE story_id = 's01'")
    assert matrix(fixed_store.conn, deal="investment")[("Toyota", "Pony.ai")] == 2
    cell = StoryFilter(pair=("Toyota", "Pony.ai"), deals=("investment",))
    assert [s.id for s in list_stories(fixed_store.conn, cell)] == ["s01", "s11"]
    assert list_stories(fixed_store.conn, replace(cell, deals=("joint-venture",))) == []  # not the pair's own


def test_a_panes_headlines_are_the_first_of_its_list_when_stories_share_a_time(tmp_path):
    """Undated items all take the time they were fetched: the pane showed some of them and its
    list (e) others, since the pane took them in index order and the list by id."""
    with Store(tmp_path / "t.db") as store:
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        entries = [Entry(id=f"{(i * 7919) % 1000:03d}x", guid=str(i), url=f"https://e.com/{i}", title=f"Ford {i}",
                         summary="", published=NOW, date_source="fetched") for i in range(60)]
        store.save_feed(fid, FetchResult("https://f", "ok", 200), [(e, TIEUP) for e in entries], NOW)
        [pane] = [p for p in panes(store.conn, None, headlines=5, now=NOW) if p.company == "Ford"]
        listed = list_stories(store.conn, StoryFilter(companies=("Ford",), limit=5))
        assert [s.id for s in pane.stories] == [s.id for s in listed]
