"""The dashboard, driven the way a user drives it: keys through Textual's pilot."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import time
from dataclasses import replace
from datetime import timedelta

import pytest
from conftest import Reply, rss
from rich.cells import cell_len
from test_tui_support import (  # noqa: F401 - the dashboard tests' fixtures
    EVIL,
    NOW,
    STORIES,
    anyio_backend,
    build_db,
    damaged_in_the_middle,
    fixed_config,
    fixed_db,
    notes,
    quick_search,
    settle,
    state_dir,
    until,
)
from textual import events
from textual.widgets import DataTable, Input, ProgressBar

from marketwatch.config import Feed, load_config
from marketwatch.config_edit import NewFeed, add_feeds
from marketwatch.dealtypes import DEAL_TYPES
from marketwatch.models import FetchResult
from marketwatch.scope import resolve_scope
from marketwatch.store import Store
from marketwatch.tui import render
from marketwatch.tui.dashboard import MarketwatchApp
from marketwatch.tui.render import HEAT, sparkline
from marketwatch.tui.screens.feeds import FeedsScreen
from marketwatch.tui.screens.help import HelpScreen
from marketwatch.tui.screens.main import MainScreen
from marketwatch.tui.screens.matrix import MatrixScreen
from marketwatch.tui.screens.picker import PickerScreen
from marketwatch.tui.screens.stories import SearchScreen, StoriesScreen
from marketwatch.tui.screens.story import StoryScreen
from marketwatch.tui.widgets.heatmap import HEADER_MAX, Cell, HeatMap
from marketwatch.tui.widgets.pane import HEAD_LINES, CompanyPane
from marketwatch.tui.widgets.topbar import TopBar

ALLIANCE = "Renault-Nissan-Mitsubishi Alliance"

pytestmark = pytest.mark.anyio


@pytest.fixture
def config(tmp_path, make_config):
    return fixed_db(tmp_path, make_config)


def make_app(config, scope=None, **kwargs) -> MarketwatchApp:
    return MarketwatchApp(config, scope or resolve_scope(config), now=NOW, **kwargs)


def screen_text(app) -> str:
    """What the terminal shows now, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def panes(app) -> list[CompanyPane]:
    return app.main.panes()


def flags(config, story_id: str) -> tuple[int, int]:
    with Store(config.settings.db) as store:
        return store.conn.execute("SELECT read, starred FROM stories WHERE id = ?", (story_id,)).fetchone()


# -- main screen ------------------------------------------------------------------------------


async def test_panes_render_busiest_first_with_counts_sparkline_and_headlines(config):
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        names = [p.company for p in app.main.overview.panes]
        assert names[:len(panes(app))] == [p.company for p in panes(app)]  # the first screen's
        # Most stories first; among equals, the most recent story first.
        assert names == ["Toyota", "Pony.ai", "Baidu", "Didi", "Nissan", "Alibaba", "Renault", "Alphabet",
                         "Waymo", "Ford", "BMW", "Volvo Cars", "Mitsubishi"]
        toyota = panes(app)[0]
        assert toyota.has_focus
        assert toyota.pane.count == 5 and toyota.pane.unread == 4
        assert sum(toyota.pane.weekly) == 5  # all five within the last 12 weeks of the fixed clock
        assert toyota.render().plain.splitlines()[1] == sparkline(toyota.pane.weekly) + " 5 in 12 wk"
        text = screen_text(app)
        assert "Toyota  OEM" in text and "5 stories · 4 new" in text
        assert "Pony.ai  tech" in text
        assert "●  15 Mar  with Pony.ai · joint ve…" in text
        assert "Toyota and Pony.ai form robotaxi" in text
        assert "Filter:  All " in text and "13 tie-ups · 9 new" in text
        assert "Ford recalls" not in text  # not a tie-up


async def test_a_long_name_keeps_the_words_of_the_count_in_its_pane_head(tmp_path, make_config):
    """At 120 columns the General Motors pane read "General Motors  OEM       6 · 6 new" while
    every other pane said "N stories": the words stay whenever they fit. Then it read "General
    Motors    6 stories · 6 new", the only pane without its OEM/tech tag: the name is cut
    instead, down to NAME_KEEP cells; past that the words go, and only then the tag."""
    config = load_config(make_config(["http://127.0.0.1:9/feed.xml"], extra="""
[companies."General Motors"]
kind = "oem"
aliases = ["General Motors", "GM"]
"""))
    build_db(config, [("g1", 1, "General Motors partners with Baidu on maps", ""),
                      ("g2", 2, "General Motors and Alibaba team up on AI assistant", ""),
                      ("t1", 3, "Toyota partners with Baidu on maps", "")])
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        heads = {p.company: p.render().plain.splitlines()[0] for p in panes(app)}
        # The name gives way to its tag ("OEM" went, and General Motors alone had none)
        assert heads["General Motors"] == "General Mo…  OEM  2 stories · 2 new"
        assert heads["Toyota"] == "Toyota  OEM" + " " * 9 + "1 story · 1 new"
        assert heads["Baidu"] == "Baidu  tech" + " " * 7 + "2 stories · 2 new"


async def test_a_company_named_in_passing_shows_the_deal_of_its_own_pair(tmp_path, make_config):
    """A story of the alliance's MoU with Didi also says that Ford partners with Alibaba: Ford's
    pane and the story's pairs say partnership for Ford, not MoU."""
    config = fixed_config(tmp_path, make_config)
    build_db(config, [("x1", 1, "Renault-Nissan-Mitsubishi Alliance signs MoU with Didi on EV sharing",
                       "The alliance and Didi will build the platform together. Separately, "
                       "BMW, Volvo and Ford partner with Alibaba on connected cars.")])
    app = make_app(config)
    async with app.run_test(size=(100, 60)) as pilot:  # two columns: a headline's line in full
        await settle(pilot)
        by_company = {p.company: p.render().plain for p in panes(app)}
        assert "with Alibaba · partnership" in by_company["Ford"]
        assert "with Didi · MoU" in by_company["Renault"]
        assert "with BMW, Ford, Volvo Cars · part…" in by_company["Alibaba"]  # cut at the pane's edge
        ford = next(p for p in panes(app) if p.company == "Ford")
        ford.focus()
        await pilot.press("enter")
        await settle(pilot)
        facts = screen_text(app)
        assert "Ford – Alibaba (partnership)" in facts and "Renault – Didi," in facts
        assert "Renault – Didi (" not in facts and "MoU" in facts
        await pilot.press("escape")
        await pilot.press("e")  # Ford's stories: its own pair first, not BMW – Alibaba
        await settle(pilot)
        assert app.screen.query_one(DataTable).get_cell("x1", "who").plain == "Ford – Alibaba +5"


def highlighted(pane: CompanyPane) -> list[int]:
    """The headlines (by index) drawn with the cursor's highlight."""
    cursor = pane.get_component_rich_style("pane--cursor")
    rendered = pane.render()
    rows = {rendered.plain[:span.start].count("\n") for span in rendered.spans if span.style == cursor}
    top = pane.styles.gutter.top
    return [i for i in range(len(pane.stories)) if pane.line_of(i) - top in rows]


def styles_at(text, substring: str) -> set[str]:
    """The style names that apply where `substring` starts in a rendered rich Text."""
    at = text.plain.index(substring)
    return {part for span in text.spans if span.start <= at < span.end for part in str(span.style).split()}


async def test_new_stories_stand_out(config):
    """Unread: a dot and a bold title; read: no dot and a dim title; starred: a star, beside the
    dot while unread (the star took the dot's place: a starred story not read yet looked read),
    in the panes, the story lists and the help's legend."""
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        toyota = panes(app)[0]
        rendered = toyota.render()
        assert "bold" in styles_at(rendered, "Toyota and Pony.ai form robotaxi")  # s01, unread
        assert "dim" in styles_at(rendered, "Toyota invests $500 million")  # s11, read
        lines = rendered.plain.splitlines()[HEAD_LINES:]
        assert lines[0].startswith("●  15 Mar") and any(line.startswith("●★ 11 Mar") for line in lines)  # s04
        assert any(line.startswith("   4 Feb") for line in lines)  # read: no marker
        assert "   Toyota and Pony.ai form robotaxi" in rendered.plain  # titles start under the dates
        await pilot.press("j", "j", "space")  # s04 read: its star stays
        await settle(pilot)
        assert any(line.startswith(" ★ 11 Mar") for line in toyota.render().plain.splitlines())
        await pilot.press("space", "slash", *"waymo")
        await pilot.pause(0.05)
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.get_cell("s04", "mark").plain == "●★" and table.get_cell("s12", "mark").plain == "● "


async def test_the_top_bar_counts_the_feeds_failing_and_keeps_the_count_fresh(config):
    """With 6 of 11 feeds failing the top bar said "15 tie-ups · 13 new · refreshed just now":
    the failures were only in a notification that faded. The count is in the warning colour,
    points at f, follows another process's fetches, and goes when no feed fails."""
    app = make_app(config, poll_interval=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        top = screen_text(app).splitlines()[0]
        assert "13 tie-ups · 9 new · 1 feed failing (f) · refreshed 30 min ago" in top
        bar = app.main.query_one(TopBar)
        drawn = bar.render()
        at = drawn.plain.index("1 feed failing")
        assert [span.style for span in drawn.spans if span.start <= at < span.end] == [
            bar.get_component_rich_style("topbar--warning")]
        with Store(config.settings.db) as store:  # cron: the working feed fails too
            ids = store.sync_feeds(config.feeds)
            url = config.feeds[0].url
            store.record_fetch(ids[url], FetchResult(url, "error", 503, error="HTTP 503"), NOW)
        for _ in range(100):
            await pilot.pause(0.05)
            if "2 feeds failing (f) · refreshed just now" in screen_text(app):
                break
        assert "2 feeds failing (f) · refreshed just now" in screen_text(app)
        # ... and said, as the dashboard's own refresh says it (the count alone changed)
        name = config.feeds[0].name or url
        told = [n.message for n in app._notifications]
        assert f"1 feed newly failing (press f): {name}" in told and sum("failing" in m for m in told) == 1
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FeedsScreen) and "3 feeds · 2 failing" in screen_text(app)
        await pilot.press("escape")
        with Store(config.settings.db) as store:
            for feed in config.feeds[:2]:
                store.record_fetch(ids[feed.url], FetchResult(feed.url, "ok", 200), NOW)
        for _ in range(100):
            await pilot.pause(0.05)
            if "failing" not in screen_text(app).splitlines()[0]:
                break
        assert "13 tie-ups · 9 new · refreshed just now" in screen_text(app).splitlines()[0]
        for _ in range(100):
            await pilot.pause(0.05)
            if any("working again" in n.message for n in app._notifications):
                break
        assert any(n.message.startswith("2 feeds working again: ") for n in app._notifications)


async def test_a_narrow_top_bar_keeps_the_feeds_failing_before_the_refresh_time(config):
    """At 80 columns the view's name ("Companies", which the panes say) gives way first, and a
    short filter and the time of the last refresh stay whole. A long filter with feeds failing
    too: the time goes, whole ("· …" says something is left out; the end cut it mid-word,
    "· refres…"), for the failing feeds and a name one can still read, cut in its middle."""
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        top = screen_text(app).splitlines()[0]
        assert top.rstrip() == " Filter:  All  │ 13 tie-ups · 9 new · 1 feed failing (f) · refreshed 30 min ago"
    app = make_app(config, scope=resolve_scope(config, alliance=ALLIANCE))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        top = screen_text(app).splitlines()[0]
        assert top.rstrip() == "  Renault-Nissan-Mitsubi…Alliance  │ 5 tie-ups · 3 new · 1 feed failing (f) · …"


async def test_the_top_bar_groups_the_thousands_of_its_counts(config):
    """"30812 tie-ups · 1204 new" had to be counted digit by digit on a store of a year's news."""
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        main.overview = replace(main.overview, stories=30812, unread=1204)
        main._tick()
        await settle(pilot)
        assert "30,812 tie-ups · 1,204 new · " in screen_text(app).splitlines()[0]


async def test_the_time_since_the_last_refresh_keeps_up_with_the_clock(config, monkeypatch):
    from marketwatch.tui.screens import main as main_module

    monkeypatch.setattr(main_module, "TICK_S", 0.05)
    app = make_app(config, poll_interval=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "· refreshed 30 min ago" in screen_text(app)
        app._now = NOW + timedelta(hours=3)  # the dashboard left open; nothing written meanwhile
        for _ in range(200):  # a few ticks, however busy the machine
            await pilot.pause(0.05)
            if "· refreshed 3 h ago" in screen_text(app):
                break
        assert "· refreshed 3 h ago" in screen_text(app)


async def test_the_feed_screens_times_keep_up_with_the_clock(config, monkeypatch):
    """Left open to watch for a feed going stale, its "Last fetched" said "5 min ago" for good."""
    monkeypatch.setattr(render, "AGO_TICK_S", 0.05)
    app = make_app(config, poll_interval=60)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        feed = app.screen.feeds[0]
        assert table.get_cell_at((0, 2)).plain == render.ago(feed.last_fetched, NOW)
        app._now = later = NOW + timedelta(hours=3)  # nothing written meanwhile
        for _ in range(200):
            await pilot.pause(0.05)
            if table.get_cell_at((0, 2)).plain == render.ago(feed.last_fetched, later):
                break
        assert table.get_cell_at((0, 2)).plain == render.ago(feed.last_fetched, later) != render.ago(
            feed.last_fetched, NOW)
        assert table.get_cell_at((0, 3)).plain == render.ago(feed.last_ok, later)


async def test_a_database_that_cannot_be_read_says_so_in_place_of_the_panes(config, monkeypatch):
    """Not only in a toast, which goes after a few seconds and left "Loading…" for good."""
    import sqlite3

    from marketwatch.tui.data import Data

    def damaged(*args, **kwargs):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(Data, "overview", damaged)
    app = make_app(config, poll_interval=60)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        said = f"{config.settings.db}: the database is damaged or is not a marketwatch database"
        assert any(note.startswith(said) for note in notes(app))
        app.clear_notifications()
        await settle(pilot)
        text = " ".join(screen_text(app).split())  # the line wraps in place of the panes
        assert "the database is damaged or is not a marketwatch database" in text and "Loading" not in text


async def test_empty_database_says_how_to_refresh(tmp_path, make_config):
    config = fixed_config(tmp_path, make_config)
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "No tie-up stories yet" in text
        assert "Press  r  to refresh" in text and "marketwatch refresh" in text
        assert panes(app) == []


async def test_an_empty_database_whose_feeds_all_failed_says_so(tmp_path, make_config):
    """A first run with no network: every feed failed, and the empty screen only asked for r, which
    would fail again; the top bar's "1 feed failing (f)" was the only hint."""
    import asyncio

    from marketwatch.refresh import refresh

    config = load_config(make_config(["http://127.0.0.1:9/feed.xml"]))
    assert (await asyncio.to_thread(refresh, config)).failed  # as cron's run would (its own event loop)
    app = MarketwatchApp(config, resolve_scope(config), now=NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "No tie-up stories yet" in text
        assert "1 feed of 1 failed at the last refresh: press  f  to see why" in text


async def test_a_config_without_companies_says_to_add_them_not_to_refresh(tmp_path, make_config):
    """r would fetch every feed and still find no tie-up: the screen asked for it all the same."""
    config = replace(fixed_config(tmp_path, make_config), companies={})
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = " ".join(screen_text(app).split())
        assert "No tie-up stories." in text and "Press r" not in text
        assert "The config lists no companies" in text and "add companies to" in text
        assert "then run marketwatch rematch" in text


async def test_a_config_without_feeds_says_how_to_add_one(tmp_path, make_config):
    """The first screen and `r` give the same hint as `refresh` and `check-config`."""
    config = fixed_config(tmp_path, make_config, feeds=0)
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "The config has no feeds: add one with marketwatch add-feed URL, or [[feeds]]" in screen_text(app)
        await pilot.press("r")
        await settle(pilot)
        assert "The config has no feeds to refresh (marketwatch add-feed URL adds one)." in notes(app)


async def test_a_key_typed_right_after_a_move_acts_on_the_pane_moved_to(config):
    """'l' then 's' typed at once starred a story of the pane left: the move reached the screen
    as a message, and the focus a moment later, after the 's' (and a 'j' moved the old pane)."""
    from textual import events

    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first, second = panes(app)[0], panes(app)[1]
        shown = (*first.stories, *second.stories)
        before = {s.id: flags(config, s.id) for s in shown}
        for key in ("l", "s", "j", "s"):  # posted together: none waits for the one before
            app.post_message(events.Key(key, key))
        await settle(pilot)
        assert second.has_focus and second.cursor == 1 and first.cursor == 0
        assert {s.id for s in shown if flags(config, s.id) != before[s.id]} == {s.id for s in second.stories[:2]}


async def test_keys_move_between_headlines_and_panes(config):
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        grid = panes(app)
        assert app.main.columns == 3
        toyota, second, third, below = grid[0], grid[1], grid[2], grid[3]
        assert toyota.has_focus and toyota.cursor == 0
        await pilot.press("j", "down")
        assert toyota.cursor == 2
        await pilot.press("k")
        assert toyota.cursor == 1
        await pilot.press("l")
        assert second.has_focus and second.cursor == 0
        # Only the focused pane highlights a headline.
        assert highlighted(second) == [0] and highlighted(toyota) == []
        await pilot.press("right")
        assert third.has_focus
        await pilot.press("h", "left")
        assert toyota.has_focus
        for _ in range(len(toyota.stories) - 1):
            await pilot.press("j")
        assert toyota.cursor == len(toyota.stories) - 1
        await pilot.press("j")  # past the last headline: the pane below
        assert below.has_focus and below.cursor == 0
        await pilot.press("up")  # before the first headline: back up, onto the last headline
        assert toyota.has_focus and toyota.cursor == len(toyota.stories) - 1
        await pilot.press("tab")
        assert second.has_focus
        await pilot.press("shift+tab")
        assert toyota.has_focus


async def test_enter_opens_the_story_with_its_sentence_highlighted_and_marks_it_read(config):
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert flags(config, "s01") == (0, 0)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)
        text = screen_text(app)
        assert "Toyota and Pony.ai form robotaxi joint venture in China" in text
        assert "Sun 15 Mar 2026, 11:00 UTC · 1 d ago" in text
        assert "feed0" in text
        assert "Pony.ai, Toyota" in text
        assert "Toyota – Pony.ai" in text
        assert "joint venture" in text
        assert "Toyota will invest in the venture" in text
        assert "https://news.example.com/s01" in text
        sentence = app.screen.query_one("#story-sentence").content
        highlighted = {sentence.plain[s.start:s.end] for s in sentence.spans if "reverse" in str(s.style)}
        assert highlighted == {"Toyota", "Pony.ai"}
        assert flags(config, "s01") == (1, 0)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert panes(app)[0].pane.stories[0].read
        assert "13 tie-ups · 8 new" in screen_text(app)  # the counts, read again on the way back


async def test_an_owners_pane_names_its_units_partners_not_its_unit(config):
    """Waymo's tie-ups are under Alphabet too (`parents`); there Alphabet's partner is Toyota,
    not its own Waymo, and its list of stories leads with Waymo's pairs."""
    app = make_app(config)
    async with app.run_test(size=(160, 60)) as pilot:
        await settle(pilot)
        alphabet = next(p for p in panes(app) if p.company == "Alphabet")
        metas = {story.id: render.headline_meta(story, "Alphabet", NOW, app.units_of("Alphabet")).plain
                 for story in alphabet.pane.stories}
        assert "with Toyota · " in metas["s04"] and "Waymo" not in metas["s04"]
        shown = "\n".join(line.plain for block in alphabet._blocks(60) for line in block)
        assert "with Toyota" in shown and "with Toyota, Waymo" not in shown
        alphabet.focus()
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, StoriesScreen)
        table = app.screen.query_one("#stories")
        assert table.lead == ("Alphabet", "Waymo")  # its pairs first
        await pilot.press("end")  # Home and End: the first and the last story
        assert table.row_count > 1 and table.cursor_row == table.row_count - 1
        await pilot.press("home")
        assert table.cursor_row == 0


async def test_a_summary_that_is_the_sentence_is_not_shown_twice(config):
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        story = app.screen.story
        assert "Summary" in screen_text(app) and story.summary != story.sentence
        shown = screen_text(app).count(story.sentence)
        app.screen.show(replace(story, summary=f"  {story.sentence}\n"))
        await pilot.pause()
        text = screen_text(app)
        assert text.count(story.sentence) == shown and "Summary" not in text
        app.screen.show(replace(story, summary=f"{story.sentence} […]"))
        await pilot.pause()
        assert "Summary" not in screen_text(app)  # a feed's "[…]" after it changes nothing
        cut = f"{story.sentence.rstrip('.')} […]"  # a summary cut short: the sentence ends with it too
        app.screen.show(replace(story, sentence=cut, summary=cut))
        await pilot.pause()
        assert "Summary" not in screen_text(app)
        app.screen.show(story)  # the next story, with a summary of its own, shows it again
        await pilot.pause()
        assert "Summary" in screen_text(app)


async def test_the_next_story_opened_replaces_the_last_one(config):
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        first = app.screen
        assert "Toyota and Pony.ai form robotaxi joint venture in China" in screen_text(app)
        await pilot.press("escape", "l", "j", "enter")  # Pony.ai's second headline
        await settle(pilot)
        assert app.screen is first  # the same screen, shown again
        text = screen_text(app)
        assert "Nissan and Pony.ai deepen autonomous driving partnership" in text
        assert "Toyota will invest" not in text and "Nissan – Pony.ai" in text


async def test_clicking_a_headline_opens_it(config):
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pony = panes(app)[1]
        # Below the border, name and sparkline, the first headline: date and partners, two lines of title.
        assert pony.line_of(1) == 1 + HEAD_LINES + 3
        await pilot.click(pony, offset=(5, pony.line_of(1)))  # the second headline's first line
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)
        assert app.screen.story.id == pony.pane.stories[1].id
        assert pony.cursor == 1


async def test_space_toggles_read_and_s_stars(config):
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        toyota = panes(app)[0]
        assert toyota.story.id == "s01"
        await pilot.press("space")
        await settle(pilot)
        assert flags(config, "s01") == (1, 0)
        assert panes(app)[0].pane.unread == 3
        assert "● 15 Mar" not in screen_text(app)
        await pilot.press("space")
        await settle(pilot)
        assert flags(config, "s01") == (0, 0)
        await pilot.press("s")
        await settle(pilot)
        assert flags(config, "s01") == (0, 1)
        assert "★ 15 Mar" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("s")  # unstar on the story screen
        await settle(pilot)
        assert flags(config, "s01") == (1, 0)
        await pilot.press("space")
        await settle(pilot)
        assert flags(config, "s01") == (0, 0)
        assert "unread" in screen_text(app)


# -- untrusted text ---------------------------------------------------------------------------


async def test_markup_in_a_title_is_shown_literally_and_does_nothing(config):
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "│    [bold red]X[/]       " in text  # the title wraps onto a second line, cut at its end
        assert "│    [@click=app.quit]y[/] Toyota pa… │" in text
        toyota = panes(app)[0]
        await pilot.press("j")
        assert toyota.story.id == "s10"
        await pilot.click(toyota, offset=(5, toyota.line_of(1) + 2))  # on the "[@click…" characters
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, StoryScreen)
        text = screen_text(app)
        assert EVIL + " Toyota partners with Baidu on maps" in text
        await pilot.click("#story-title", offset=(20, 0))
        await pilot.press("escape", "slash", *"maps")
        await pilot.pause(0.05)
        await settle(pilot)
        assert EVIL in screen_text(app)
        assert app.is_running and app.return_code is None


async def test_escape_sequences_in_stored_text_never_reach_the_screen(config):
    with Store(config.settings.db) as store, store.transaction() as conn:
        conn.execute("UPDATE stories SET title = ? WHERE id = 's01'",
                     ("Toyota \x1b[2J\x1b]0;pwned\x07and \x1b[31mPony.ai\u202e form JV",))
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
        assert "Toyota [2J]0;pwnedand" in text and "[31mPony.ai form JV" in text


async def test_emoji_modifiers_never_reach_the_screen(config):
    """Rich counts 👍🏽 (thumbs up, skin tone) as two cells and ❤️ (heart, VS16) as two, xterm
    and tmux draw four and one: the pane's border moved and the pane beside it lost its end.
    Shown without the modifiers, every emoji is drawn as wide as Rich counts it; the sentence's
    names stay highlighted where they are."""
    title = "Toyota 👍🏽 and Pony.ai ❤️ form robotaxi joint venture"
    with Store(config.settings.db) as store, store.transaction() as conn:
        conn.execute("UPDATE stories SET title = ?, sentence = ? WHERE id = 's01'", (title, title))
    modifiers = ("\U0001f3fd", "\ufe0f")
    assert render.plain(title) == "Toyota 👍 and Pony.ai ❤ form robotaxi joint venture"
    highlighted = render.sentence(title, ((0, 6, "Toyota"), (14, 21, "Pony.ai")))
    assert [highlighted.plain[s.start:s.end] for s in highlighted.spans] == ["Toyota", "Pony.ai"]
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Toyota 👍 and" in screen_text(app) and not any(m in screen_text(app) for m in modifiers)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen) and app.screen.story.id == "s01"
        assert "Pony.ai ❤ form" in screen_text(app) and not any(m in screen_text(app) for m in modifiers)
        await pilot.press("escape", "slash", *"robotaxi")
        await pilot.pause(0.05)
        await settle(pilot)
        assert "Toyota 👍 and" in screen_text(app) and not any(m in screen_text(app) for m in modifiers)


# -- filters ----------------------------------------------------------------------------------


async def test_alliance_picker_narrows_the_panes_and_all_restores_them(config):
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        everyone = {p.company for p in panes(app)}
        order, toyota = [p.company for p in panes(app)], panes(app)[0]
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert "All" in screen_text(app) and ALLIANCE in screen_text(app)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert [p.company for p in panes(app)] == ["Nissan", "Renault", "Mitsubishi"]
        assert f"│  {ALLIANCE}  │" in screen_text(app)  # "Filter:  Alliance: " gave way to the time
        assert "5 tie-ups · " in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("escape")  # cancel keeps the filter
        await settle(pilot)
        assert app.scope.label == f"Alliance: {ALLIANCE}"
        await pilot.press("a", "home")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert {p.company for p in panes(app)} == everyone
        assert [p.company for p in panes(app)] == order  # in the same order as before
        assert panes(app)[0] is toyota  # the pane drawn before is shown again
        assert "Filter:  All " in screen_text(app)


async def test_deal_picker_shows_each_companys_own_deals_of_one_type_with_the_alliance_filter(config):
    """d: joint ventures only (s01 Toyota–Pony.ai, s14 Toyota–Didi); an alliance chosen after
    keeps it; e lists the company's joint ventures; All deal types restores the panes."""
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        everyone = [p.company for p in panes(app)]
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        listed = screen_text(app)  # every type `dashboard --deal` takes (the picker has a list of its own)
        assert [deal for deal in DEAL_TYPES if render.deal_kind(deal) not in listed] == []
        await pilot.press("down", "down", "down", "down", "enter")  # All, Partnerships, Supply, MoUs, Joint ventures
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert [p.company for p in panes(app)] == ["Toyota", "Pony.ai", "Didi"]
        assert "Filter:  Joint ventures " in screen_text(app)
        assert "2 tie-ups · 2 new" in screen_text(app)
        assert panes(app)[0].pane.count == 2
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, StoriesScreen)
        assert [s.id for s in app.screen.query_one("#stories").loaded] == ["s01", "s14"]
        assert "Toyota: joint ventures" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("down", "enter")  # the alliance: no joint ventures of its members
        await settle(pilot)
        assert panes(app) == []
        text = screen_text(app)
        assert f"No joint ventures for the {ALLIANCE}." in text
        await pilot.press("d")
        await pilot.pause()
        assert "✓ Joint ventures" in screen_text(app)
        await pilot.press("home", "down", "enter")  # Partnerships (the cursor was on the one applied)
        await settle(pilot)
        assert [(p.company, p.pane.count) for p in panes(app)] == [("Nissan", 2), ("Mitsubishi", 1), ("Renault", 1)]
        # "Companies", "Filter:" and "Alliance: " give way to the counts and the time
        assert f"  Partnerships · {ALLIANCE}  │ 4 tie-ups · 3 new · 1 feed failing (f) · refreshed 30 min ago" in \
            screen_text(app)
        await pilot.press("d", "home")
        await pilot.pause()
        await pilot.press("enter")  # All deal types: the alliance stays
        await settle(pilot)
        assert [p.company for p in panes(app)] == ["Nissan", "Renault", "Mitsubishi"]
        assert f"│  {ALLIANCE}  │" in screen_text(app)  # "Filter:  Alliance: " gave way to the time
        await pilot.press("a", "home")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert [p.company for p in panes(app)] == everyone


async def test_a_long_filter_gives_way_to_the_counts_at_80_columns(tmp_path, make_config):
    """An alliance and a deal type, or a long watchlist name, at 80 columns: the label filled the
    top bar and cut the counts ("Filter:  Partnerships · Alliance: Renault-Nissan-Mitsubishi
    Alliance  │ 4 tie-up…"). The label gives way instead: the word "Filter:", then the kind of
    filter, the view's name and the middle of the name go; the deal type, the counts and the
    time of the last refresh stay whole (the time went, and the view's name stayed: "Companies
    │  Partnerships · Renault-Nissan-M…Alliance  │ 4 tie-ups · 3 new · …"), and at 120 columns
    the label is whole again, with the time, whole too: the word "Filter:" gives way to it (it
    read "… Alliance  │ 4 tie-ups · 3 new · refreshed…")."""
    config = load_config(make_config(["http://127.0.0.1:9/feed0.xml"], extra="""
[watchlists."Autonomous driving and robotaxi partners in China"]
companies = ["Didi", "Baidu", "Pony.ai", "Toyota"]
"""))
    build_db(config)
    cases = [
        (replace(resolve_scope(config, alliance=ALLIANCE), deal="partnership"),
         "  Partnerships · Renault-N…Alliance  │ 4 tie-ups · 3 new · refreshed 30 min ago",
         f" Companies │  Partnerships · Alliance: {ALLIANCE}  │ 4 tie-ups · 3 new · refreshed 30 min ago "),
        (replace(resolve_scope(config, alliance=ALLIANCE), deal="mou"),  # the README's example
         "  MoUs · Renault-Nissan-Mit…Alliance  │ 1 tie-up · 0 new · refreshed 30 min ago",
         f" Companies │ Filter:  MoUs · Alliance: {ALLIANCE}  │ 1 tie-up · 0 new · refreshed 30 min ago "),
        (resolve_scope(config, watchlist="Autonomous driving and robotaxi partners in China"),
         "  Autonomous driving and…in China  │ 10 tie-ups · 7 new · refreshed 30 min ago",
         " Companies │  Watchlist: Autonomous driving and robotaxi partners in China  │ 10 tie-ups · 7 new · "
         "refreshed 30 min ago "),
    ]
    for scope, narrow, wide in cases:
        app = make_app(config, scope)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert screen_text(app).splitlines()[0].rstrip() == narrow
            await pilot.resize_terminal(120, 40)
            await settle(pilot)
            assert screen_text(app).splitlines()[0].startswith(wide)
            assert "…" not in screen_text(app).splitlines()[0]


async def test_a_long_filter_gives_way_to_feeds_failing_too(tmp_path, make_config):
    """A deal type, an alliance and five feeds failing at 80 columns: the name stopped shrinking
    at 12 cells ("Renault-Nis…") and the end cut the counts' warning ("5 feeds failin…")."""
    config = load_config(make_config([f"http://127.0.0.1:9/feed{i}.xml" for i in range(6)]))
    build_db(config)
    with Store(config.settings.db) as store:
        ids = store.sync_feeds(config.feeds)
        for feed in config.feeds[1:]:
            store.record_fetch(ids[feed.url], FetchResult(feed.url, "error", 500, error="HTTP 500"), NOW)
    app = make_app(config, replace(resolve_scope(config, alliance=ALLIANCE), deal="partnership"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        top = screen_text(app).splitlines()[0]
        assert "Partnerships · Renault-Nissan…" in top  # "Companies" went first
        assert "4 tie-ups · 3 new · 5 feeds failing (f) · …" in top
        await pilot.resize_terminal(70, 24)  # narrower still: the view's name goes, the counts stay whole
        await settle(pilot)
        top = screen_text(app).splitlines()[0]
        assert "Companies" not in top and "Partnerships · " in top and "4 tie-ups · 3 new · 5 feeds failing (f)" in top


async def test_marking_a_companys_stories_read_under_a_deal_filter_marks_only_those(config):
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("down", "down", "down", "down", "enter")  # Joint ventures
        await settle(pilot)
        assert panes(app)[0].company == "Toyota"
        # The palette names what e and A do under the filter: "Every story of Toyota" and "Mark
        # every story of Toyota read" listed or marked its joint ventures only.
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert {"All of Toyota's joint ventures", "Mark Toyota's joint ventures read"} <= set(commands)
        assert not any(title.startswith(("Every story of", "Mark every story of")) for title in commands)
        commands["Mark Toyota's joint ventures read"].callback()
        await settle(pilot)
        assert "Marked 2 stories of Toyota's joint ventures read (u to undo)." in notes(app)
        await pilot.press("A")
        await settle(pilot)
        assert "Every story of Toyota's joint ventures was read already." in notes(app)
        assert flags(config, "s01")[0] == 1 and flags(config, "s14")[0] == 1
        assert flags(config, "s10")[0] == 0  # Toyota's partnership with Baidu stays new


async def test_keys_do_nothing_to_the_companies_of_panes_no_longer_shown(config):
    """The alliance's joint ventures: no pane. Back from the key list, the focus went to the
    first pane widget kept hidden, which took the keys: Enter opened (and marked read) one of
    its company's stories, e listed them, and the palette offered to mark them all read."""
    app = make_app(config, replace(resolve_scope(config), deal="joint-venture"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert panes(app)[0].company == "Toyota" and panes(app)[0].has_focus
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("down", "enter")  # the alliance: none of its members' own deals is one
        await settle(pilot)
        assert panes(app) == [] and "No joint ventures for" in screen_text(app)
        await pilot.press("question_mark")  # back from another screen, the focus was given back
        await pilot.press("escape")
        await settle(pilot)
        for key in ("enter", "e", "space", "A"):
            await pilot.press(key)
            await settle(pilot)
            assert app.screen is app.main
        assert flags(config, "s01") == (0, 0)  # Toyota's joint venture with Pony.ai, still new
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert not any(title.startswith(("Every story of", "Mark every story of")) for title in commands)
        assert not any("Toyota" in title for title in commands)


@pytest.fixture
def demo(tmp_path):
    """The demo's config and database (its bundled feeds, read offline)."""
    from marketwatch.demo import demo_config
    from marketwatch.refresh import refresh

    config = demo_config(None, str(tmp_path / "demo.db"))
    refresh(config)
    return config


async def test_the_panes_of_a_filter_chosen_start_at_the_top(demo):
    """At 80x24, on the demo's stories, China tie-ups' supply deals after its stakes: the panes
    showed scrolled two lines down, the first pane's name off the screen. Its widget, made for
    another filter, was focused with Textual's scroll into view, which used where it had been."""
    app = make_app(demo, replace(resolve_scope(demo), deal="stake"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for keys in (("d", "home", "enter"), ("w", "down", "enter"), ("d", "down", "down", "enter")):
            await pilot.press(keys[0])
            await pilot.pause()
            await pilot.press(*keys[1:])
            await settle(pilot)
        assert app.scope.label == "Watchlist: China tie-ups" and app.scope.deal == "supply"
        assert app.main.query_one("#panes").scroll_y == 0
        first = panes(app)[0]
        assert first.has_focus and f"{first.company}  " in screen_text(app).splitlines()[2]


async def test_alliance_option_starts_narrowed(config):
    app = make_app(config, resolve_scope(config, alliance="renault-nissan"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert {p.company for p in panes(app)} == {"Nissan", "Renault", "Mitsubishi"}
        assert f"│  {ALLIANCE}  │" in screen_text(app)  # "Filter:  Alliance: " gave way to the time


async def test_watchlist_picker(config):
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await pilot.pause()
        assert "China tie-ups" in screen_text(app)
        await pilot.press("j", "enter")
        await settle(pilot)
        assert {p.company for p in panes(app)} == {"Baidu", "Didi", "Alibaba"}
        assert "Filter:  Watchlist: China tie-ups " in screen_text(app)


async def test_watchlist_option_starts_narrowed(config):
    app = make_app(config, resolve_scope(config, watchlist="china tie-ups"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert {p.company for p in panes(app)} == {"Baidu", "Didi", "Alibaba"}


def test_the_dashboard_takes_an_alliance_or_a_watchlist_not_both(config, run_cli, monkeypatch):
    """`--alliance X --watchlist Y` opened on X and dropped Y unsaid; `stories` refuses the two."""
    from marketwatch.tui import app as app_module

    scopes = []
    monkeypatch.setattr(app_module, "run_dashboard", lambda config, scope, reload_config, **_: scopes.append(scope))
    code, out, err = run_cli("dashboard", "--config", str(config.path), "--alliance", ALLIANCE,
                             "--watchlist", "China tie-ups")
    assert (code, out, scopes) == (2, "", [])
    assert "--alliance and --watchlist: give one of them" in err and err.count("\n") == 1
    assert run_cli("--config", str(config.path), "--watchlist", "China tie-ups", "--deal", "mou")[0] == 0
    assert (scopes[0].label, scopes[0].deal) == ("Watchlist: China tie-ups", "mou")


# -- search, matrix, feeds ----------------------------------------------------------------------


async def test_search_lists_matches_and_escape_goes_back_a_step(config):
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"robotaxi")
        await pilot.pause(0.05)
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert [s.id for s in table.loaded] == ["s01", "s07"]
        assert "2 stories match" in screen_text(app)
        await pilot.press("enter")  # from the input to the results
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen) and app.screen.story.id == "s07"
        await pilot.press("escape")
        await pilot.pause()
        assert table.has_focus
        await pilot.press("escape")  # from the results: the query, kept
        await pilot.pause()
        search = app.screen.query_one(Input)
        assert search.has_focus and search.value == "robotaxi" and table.row_count == 2
        await pilot.press("escape")  # from the query: out of the search
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("slash", *"maps")  # the search screen again: as the first time
        await pilot.pause(0.05)
        await settle(pilot)
        assert [s.id for s in app.screen.query_one(DataTable).loaded] == ["s10"]
        await pilot.press("escape", "slash")
        await settle(pilot)
        assert app.screen.query_one(Input).value == "" and app.screen.query_one(DataTable).row_count == 0
        assert app.screen.query_one(Input).has_focus and "Type to search" in screen_text(app)


async def test_a_search_can_be_refined_from_its_results(config):
    """/ robotaxi Enter, then Backspace: back on Companies, the query gone, and the letters
    typed next opened pickers, started a refresh or marked stories read. From the results,
    Backspace, / and ↑ on the first row go back to the query, kept and editable, and a letter
    typed there goes into the query; the results' own keys stay theirs."""
    app = make_app(config, poll_interval=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"robotaxi")
        await pilot.pause(0.05)
        await settle(pilot)
        screen = app.screen
        search, table = screen.query_one(Input), screen.query_one(DataTable)
        for back in ("backspace", "slash", "up"):
            await pilot.press("enter")
            await pilot.pause()
            assert table.has_focus and table.cursor_row == 0
            await pilot.press(back)
            await pilot.pause()
            assert app.screen is screen and search.has_focus, back
            assert search.value == "robotaxi" and search.cursor_position == len("robotaxi"), back
        await pilot.press("enter", "down", "up")  # ↑ below the first row moves up
        await pilot.pause()
        assert table.has_focus and table.cursor_row == 0
        await pilot.press(*" china")  # Space is the results' (read); the letters go to the query
        await pilot.pause(0.05)
        await settle(pilot)
        assert app.screen is screen and search.has_focus and search.value == "robotaxichina"
        assert flags(config, "s01") == (1, 0)  # Space marked the first result read
        assert not app.refreshing and isinstance(app.screen, SearchScreen)  # no r, no a, no picker
        await pilot.press("ctrl+a", "ctrl+k", *"robotaxi china")  # the query, corrected
        await pilot.pause(0.05)
        await settle(pilot)
        assert [s.id for s in table.loaded] == ["s01"]
        await pilot.press("enter")
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]  # no longer offers keys that now type
        assert table.has_focus and "esc Back" in footer and "Refresh" not in footer and "Quit" not in footer
        assert "Search" not in screen_text(app).splitlines()[-1]  # / types a slash in the box
        await pilot.press("escape", "escape")  # to the query, then out of the search
        await settle(pilot)
        assert app.is_running and app.screen is app.main


def burst(app, *keys: str) -> None:
    """Send `keys` as a terminal does a fast burst: all queued at once, none waiting for the
    last to be handled (`pilot.press` waits after each key, so the focus has moved by then)."""
    named = {"space": " ", "backspace": "\x7f", "ctrl+u": "\x15"}
    for key in keys:
        app.post_message(events.Key(key, named.get(key, key if len(key) == 1 else None)))


async def test_a_burst_typed_on_the_results_reaches_the_query_in_order(config):
    """"abc" and Backspace sent at once from the results: the letters went to the query, but the
    Backspace, sent before the focus had moved, was the results' (back to the query) and the c
    stayed. Every key of such a burst goes to the query, in order: a Space too (the results'
    "mark read" otherwise), and Ctrl+U, which clears it. In the query itself the same: Textual's
    Input ran a Backspace after the letters sent with it ("robotaxx", Backspace, "i" left
    "robotax")."""
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        burst(app, *"robotaxx", "backspace", "i")
        await pilot.pause(0.05)
        await settle(pilot)
        search, table = app.screen.query_one(Input), app.screen.query_one(DataTable)
        assert search.value == "robotaxi" and [s.id for s in table.loaded] == ["s01", "s07"]
        await pilot.press("enter")
        assert table.has_focus
        burst(app, *"abc", "backspace", "space", *"de")
        await settle(pilot)
        assert search.has_focus and search.value == "robotaxiab de"
        assert flags(config, "s01") == (0, 0)  # the Space was typed, not a story marked read
        await pilot.press("ctrl+u", *"robotaxi")
        await pilot.pause(0.05)
        await settle(pilot)
        await pilot.press("enter")
        assert table.has_focus
        burst(app, "x", "ctrl+u", *"maps")
        await pilot.pause(0.05)
        await settle(pilot)
        assert search.value == "maps" and [s.id for s in table.loaded] == ["s10"]
        await pilot.press("enter", "ctrl+u")  # Ctrl+U on the results clears the query too
        await pilot.pause()
        assert search.has_focus and search.value == ""
        # A burst that starts with a key that goes back (Backspace, /, ↑ on the first row): the
        # Backspace ran late, as the query's own, and deleted the y typed after it.
        await pilot.press(*"robotaxi")
        for back in ("backspace", "slash", "up"):
            await pilot.pause(0.05)
            await settle(pilot)
            await pilot.press("enter")
            assert table.has_focus
            burst(app, back, "x", "y")
            await settle(pilot)
            assert search.has_focus and search.value == "robotaxixy", back
            await pilot.press("backspace", "backspace")


async def test_a_search_on_a_damaged_index_rebuilds_it_lists_the_matches_and_says_so(config):
    conn = sqlite3.connect(config.settings.db)
    conn.execute("DELETE FROM stories_fts_data WHERE id > 10")  # the index loses its segments
    conn.commit()
    conn.close()
    app = make_app(config)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"robotaxi")
        await pilot.pause(0.05)
        await settle(pilot)
        assert [s.id for s in app.screen.query_one(DataTable).loaded] == ["s01", "s07"]
        assert [(n.title, n.severity) for n in app._notifications] == [("Repaired", "warning")]
        assert "search index was damaged; rebuilt it from the" in notes(app)[0]
        await pilot.press("ctrl+u", *"maps")
        await pilot.pause(0.05)
        await settle(pilot)
        assert [s.id for s in app.screen.query_one(DataTable).loaded] == ["s10"]
        assert len(app._notifications) == 1


async def test_search_opens_empty_the_first_time_too(config, monkeypatch):
    """The first `/` listed every story ("15 stories match") under an empty box, after
    reading and counting them all: the story lists' on_mount ran for the search screen too."""
    from marketwatch.tui.data import Data

    asked = []
    original = Data.count
    monkeypatch.setattr(Data, "count", lambda self, flt: asked.append(flt.search) or original(self, flt))
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert "Type to search" in screen_text(app) and "stories match" not in screen_text(app)
        assert app.screen.query_one(DataTable).row_count == 0 and asked == []
        await pilot.press(*"maps")
        await pilot.pause(0.05)
        await settle(pilot)
        assert [s.id for s in app.screen.query_one(DataTable).loaded] == ["s10"] and asked[-1] == "maps"


async def test_story_lists_are_read_a_page_at_a_time(config, monkeypatch):
    """Search results come LIMIT rows at a time; moving down the list reads the next page."""
    from marketwatch.tui.data import Data
    from marketwatch.tui.screens import stories

    asked = []
    original = Data.stories

    def spy(self, flt):
        asked.append((flt.limit, flt.offset))
        return original(self, flt)

    monkeypatch.setattr(Data, "stories", spy)
    monkeypatch.setattr(stories, "PAGE", 2)
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"toyota")
        await pilot.pause(0.05)
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        total = table.total
        assert total >= 6
        assert asked[:2] == [(2, 0), (2, 2)]  # the first page, then the next as the cursor is near the end
        assert len(table.loaded) == 4
        await pilot.press("enter")
        for _ in range(total):
            await pilot.press("down")
            await settle(pilot)
        assert len(table.loaded) == table.row_count == total
        assert len({s.id for s in table.loaded}) == total
        assert all(limit == 2 for limit, _ in asked)


async def test_search_covers_every_kind_of_deal(config):
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"cloud")
        await pilot.pause(0.05)
        await settle(pilot)
        assert [s.id for s in app.screen.query_one(DataTable).loaded] == ["s15"]  # tech-tech
        assert "Alibaba – Baidu" in screen_text(app)
        await pilot.press("ctrl+a", "ctrl+k", *"zzq")
        await pilot.pause(0.05)
        await settle(pilot)
        assert "No stories match zzq" in screen_text(app)


async def test_a_story_opened_from_the_search_does_not_claim_the_dashboards_filter(config):
    """Search lists every story whatever the filter: a story opened from it said "Filter: Supply
    deals" in its top bar though it was a partnership. From the panes it still says the filter."""
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.set_scope(replace(resolve_scope(config), deal="joint-venture"))
        await settle(pilot)
        await pilot.press("slash", *"cloud")
        await pilot.pause(0.05)
        await settle(pilot)
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "StoryScreen"
        assert app.screen.query_one("#topbar").scope_label == ""
        assert "Joint ventures" not in screen_text(app).splitlines()[0]
        await pilot.press("escape", "escape", "escape")
        await settle(pilot)
        await pilot.press("enter")  # the first pane's first story
        await settle(pilot)
        assert type(app.screen).__name__ == "StoryScreen"
        assert app.screen.query_one("#topbar").scope_label.startswith("Joint ventures")


async def test_matrix_counts_pairs_and_enter_lists_a_cells_stories(config):
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MatrixScreen)
        assert screen.oems[0] == "Toyota" and "Pony.ai" in screen.techs
        grid = screen.query_one(HeatMap)
        row, column = screen.oems.index("Toyota"), screen.techs.index("Pony.ai")
        assert grid.cells[row][column].text == "2" and grid.cells[row][column].style in HEAT
        assert grid.cells[screen.oems.index("Ford")][screen.techs.index("Baidu")] == Cell("·", "dim")
        # on the busiest pair (the top-left corner, the busiest OEM and tech company, was often empty)
        busiest = max(screen.counts.values())
        assert screen.counts[screen._pair(*grid.cursor)] == busiest and grid.has_focus
        await move_to(pilot, grid, row, column)
        assert grid.cursor == (row, column)
        assert "Toyota – Pony.ai: 2 tie-up stories" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StoriesScreen)
        assert [s.id for s in app.screen.query_one(DataTable).loaded] == ["s01", "s11"]
        assert "Toyota – Pony.ai" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen) and app.screen.story.id == "s01"
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, MatrixScreen)


async def test_an_empty_filter_names_what_it_lacks_as_a_sentence_would(tmp_path, make_config):
    """"No tie-ups ended for Alliance: BMW Group yet.": the top bar's label mid-sentence, and a
    "yet" that promised what may never come."""
    config = load_config(make_config(["http://127.0.0.1:9/feed.xml"], extra="""
[alliances."BMW Group"]
members = ["BMW"]
"""))
    build_db(config)
    cases = [(resolve_scope(config, alliance="BMW Group"), "No ended tie-ups for the BMW Group alliance."),
             (resolve_scope(config, watchlist="China tie-ups"), "No ended tie-ups for the China tie-ups watchlist."),
             (resolve_scope(config, alliance=ALLIANCE), f"No ended tie-ups for the {ALLIANCE}."),
             (resolve_scope(config), "No ended tie-ups.")]
    for scope, said in cases:
        app = make_app(config, replace(scope, deal="ended"))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert panes(app) == [] and said in screen_text(app), said
            await pilot.press("m")
            await settle(pilot)
            assert "No OEM–tech " + said[3:] in screen_text(app), said


async def test_the_matrix_and_story_lists_name_the_deal_type_filtered_on(config):
    """Under a deal filter an empty cell said "No tie-up stories for Nissan – Waymo" (they may
    have tie-ups of other types), an empty matrix "No OEM–tech tie-ups in the database yet
    (press r to refresh)", a cell's list did not say what it lists, and e under MoUs was
    titled "Renault: mous"."""
    app = make_app(config, replace(resolve_scope(config), deal="partnership"))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen, grid = await open_matrix(pilot)
        empty = next((oem, tech) for oem in screen.oems for tech in screen.techs if (oem, tech) not in screen.counts)
        await move_to(pilot, grid, screen.oems.index(empty[0]), screen.techs.index(empty[1]))
        await pilot.press("enter")
        await settle(pilot)
        assert f"No partnerships for {empty[0]} – {empty[1]}." in notes(app)
        await move_to(pilot, grid, screen.oems.index("Nissan"), screen.techs.index("Baidu"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StoriesScreen) and "Nissan – Baidu: partnerships" in screen_text(app)
        await pilot.press("escape", "escape")
        app.set_scope(replace(resolve_scope(config, alliance=ALLIANCE), deal="joint-venture"))
        await settle(pilot)
        await open_matrix(pilot)
        assert f"No OEM–tech joint ventures for the {ALLIANCE}." in screen_text(app)
        assert "in the database yet" not in screen_text(app)
        await pilot.press("escape")
        app.set_scope(replace(resolve_scope(config), deal="mou"))
        await settle(pilot)
        company = panes(app)[0].company
        await pilot.press("e")
        await settle(pilot)
        assert f"{company}: MoUs" in screen_text(app)


async def move_to(pilot, grid: HeatMap, row: int, column: int) -> None:
    while grid.cursor[0] != row:
        await pilot.press("j" if grid.cursor[0] < row else "k")
    while grid.cursor[1] != column:
        await pilot.press("l" if grid.cursor[1] < column else "h")


async def open_matrix(pilot) -> tuple[MatrixScreen, HeatMap]:
    await settle(pilot)
    await pilot.press("m")
    await settle(pilot)
    return pilot.app.screen, pilot.app.screen.query_one(HeatMap)


async def test_matrix_click_on_a_cell_lists_its_stories(config):
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        screen, grid = await open_matrix(pilot)
        row, column = screen.oems.index("Toyota"), screen.techs.index("Pony.ai")
        await pilot.click(HeatMap, offset=(grid._label_width + grid._starts[column] + 1, row + 1))
        await settle(pilot)
        assert isinstance(app.screen, StoriesScreen)
        assert [s.id for s in app.screen.query_one(DataTable).loaded] == ["s01", "s11"]


async def test_matrix_keeps_its_names_in_view_when_the_grid_scrolls(config):
    """On a small terminal, the cells scroll under the tech names and beside the OEM names."""
    app = make_app(config)
    async with app.run_test(size=(44, 12)) as pilot:
        screen, grid = await open_matrix(pilot)
        assert grid.virtual_size.width > grid.scrollable_content_region.width
        await pilot.press("end", *["j"] * len(screen.oems))
        await settle(pilot)
        assert grid.cursor == (len(screen.oems) - 1, len(screen.techs) - 1)
        assert grid.scroll_offset.x > 0
        lines = [strip.text for strip in grid.render_lines(grid.scrollable_content_region.reset_offset)]
        assert lines[0].startswith(" OEM \\ tech") and screen.techs[-1][:10] in lines[0]
        assert any(line.startswith(" " + screen.oems[-1]) for line in lines[1:])
        assert screen.techs[0][:10] not in lines[0]
        await pilot.press("home")
        assert grid.cursor == (len(screen.oems) - 1, 0) and grid.scroll_offset.x == 0


async def test_matrix_scrolls_down_to_the_cursor_and_clicks_land_on_the_cell_shown(config):
    app = make_app(config)
    async with app.run_test(size=(60, 9)) as pilot:  # room for 4 of the 6 OEMs
        screen, grid = await open_matrix(pilot)
        last = len(screen.oems) - 1
        await pilot.press("ctrl+home", "home")  # from the top-left corner (the matrix opens on its busiest pair)
        await pilot.press("pagedown")
        assert 1 < grid.cursor[0] < last
        await pilot.press("ctrl+end")
        await settle(pilot)
        assert grid.cursor == (last, 0) and grid.scroll_offset.y > 0
        lines = [strip.text for strip in grid.render_lines(grid.scrollable_content_region.reset_offset)]
        assert lines[0].startswith(" OEM \\ tech")  # the header stays on top
        assert any(line.startswith(" " + screen.oems[last]) for line in lines[1:])
        assert not any(line.startswith(" " + screen.oems[0]) for line in lines[1:])
        await pilot.press("ctrl+home")
        assert grid.cursor == (0, 0) and grid.scroll_offset.y == 0
        await pilot.press("ctrl+end", "end")
        await settle(pilot)
        # A click on the first row shown and the first whole column shown picks that pair.
        x, y = grid.scroll_offset
        column = next(j for j, start in enumerate(grid._starts) if start >= x)
        await pilot.click(HeatMap, offset=(grid._label_width + grid._starts[column] - x + 1, 1))
        await settle(pilot)
        assert isinstance(app.screen, StoriesScreen) or f"{screen.oems[y]} – {screen.techs[column]}" in screen_text(app)
        assert screen.query_one(HeatMap).cursor == (y, column)


async def test_matrix_never_shows_part_of_a_count_at_its_edges(config):
    """Scrolled sideways, a column that does not fit whole is left blank: 13 cut to 3 would lie."""
    app = make_app(config)
    async with app.run_test(size=(48, 12)) as pilot:  # scrolled to the end, Baidu's column is cut
        _, grid = await open_matrix(pilot)
        for key in ("end", "left", "left", "left", "left"):
            await pilot.press(key)
            await settle(pilot)
            lines = [strip.text for strip in grid.render_lines(grid.scrollable_content_region.reset_offset)]
            x = grid.scroll_offset.x
            room = grid.scrollable_content_region.width - grid._label_width
            whole = [j for j, start in enumerate(grid._starts) if x <= start and start + grid._widths[j] <= x + room]
            assert whole and grid.cursor[1] in whole
            for row, line in enumerate(lines[1:1 + len(grid.rows)]):
                assert line[grid._label_width:].split() == [grid.cells[row][j].text for j in whole]
            assert lines[0][grid._label_width:].split() == " ".join(
                render.cut(grid.columns[j], HEADER_MAX) for j in whole).split()


def test_matrix_names_too_long_for_their_column_are_cut_with_an_ellipsis():
    for name in ("STMicroelectronics", "Contemporary Amperex", "a" * 13, "比亚迪汽车工业有限公司比亚迪汽车"):
        cut = render.cut(name, 12)
        assert cut.endswith("…") and cell_len(cut) <= 12 and name.startswith(cut[:-1].rstrip())
    assert render.cut("Horizon Robotics", 12) == "Horizon Rob…"
    assert render.cut("Baidu", 12) == "Baidu"


async def test_matrix_colours_counts():
    from marketwatch.tui.render import heat, heat_bounds

    bounds = heat_bounds(9)
    assert [heat(n, bounds)[1] for n in (1, 3, 5, 9)] == ["green", "yellow", "dark_orange", "bold red"]
    assert heat(1, heat_bounds(1)) == ("1", "green")  # a lone story per pair is not alarming
    assert [heat(n, heat_bounds(2))[1] for n in (1, 2)] == ["green", "bold red"]
    assert heat(0, bounds) == ("·", "dim")


async def test_feeds_screen_lists_feed_health_worst_first(config):
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FeedsScreen)
        table = app.screen.query_one(DataTable)
        rows = [[table.get_cell_at((r, c)).plain for c in range(3)] for r in range(table.row_count)]
        assert rows == [["error 500", "feed1", "2 h ago"], ["never fetched", "feed2", "never"],
                        ["ok", "feed0", "30 min ago"]]
        text = screen_text(app)
        assert "HTTP 500 Internal Server Error" in text and "1 failing" in text
        # Under the table, the highlighted feed in full: its URL and its error.
        detail = app.screen.query_one("#feed-detail").render().plain
        assert detail == "http://127.0.0.1:9/feed1.xml\nHTTP 500 Internal Server Error"
        await pilot.press("j")
        assert app.screen.query_one("#feed-detail").render().plain == "http://127.0.0.1:9/feed2.xml"
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_feeds_screen_says_when_the_config_lists_no_feeds(config):
    """The database has feeds, the config none (all taken out): the screen says what to do, in
    full on an 80-column terminal."""
    build_db(config)
    app = make_app(replace(config, feeds=()))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert app.screen.feeds == []
        assert "No feeds in the config: add some (marketwatch add-feed URL)." in screen_text(app)


async def test_feeds_screen_shows_the_configs_feeds_not_those_taken_out(config):
    """remove-feed keeps a feed's stories, so its row stays in the database; nothing fetches it
    any more, so its status would be stale: the screen lists what the config lists."""
    build_db(config)  # feed0 fetched
    app = make_app(replace(config, feeds=(*config.feeds[1:], Feed("https://new.example.com/rss", "brand new"))))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        names = [feed.name for feed in app.screen.feeds]
        assert "feed0" not in names and {"feed1", "feed2", "brand new"} <= set(names)
        assert "feed0" not in screen_text(app) and "3 feeds" in screen_text(app)


async def test_feeds_screen_on_another_database_lists_the_feeds_it_holds(config):
    """`marketwatch --db copy.db`: the stories are that database's, and so are the feeds. The
    screen listed the config's feeds instead (never fetched, or another machine's state)."""
    build_db(config)
    mine = replace(config, feeds=(Feed("https://new.example.com/rss", "brand new"),))
    for other_db, shown in ((True, {"feed0", "feed1", "feed2"}), (False, {"brand new"})):
        app = make_app(mine, other_db=other_db)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("f")
            await settle(pilot)
            assert {feed.name for feed in app.screen.feeds} == shown
    empty = replace(config, settings=replace(config.settings, db=config.settings.db.with_name("empty.db")))
    app = make_app(empty, other_db=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert app.screen.feeds == [] and "The database holds no feeds." in screen_text(app)


async def test_feed_errors_are_shown_as_plain_text(config):
    with Store(config.settings.db) as store:
        ids = store.sync_feeds(config.feeds)
        url = config.feeds[2].url
        store.record_fetch(ids[url], FetchResult(url, "error", 502, error=EVIL + " \x1b[31mred"), NOW)
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        text = screen_text(app)
        assert EVIL + " [31mred" in text and "\x1b" not in text
        y, line = next((y, line) for y, line in enumerate(text.splitlines()) if "[@click=app.quit]" in line)
        await pilot.click(offset=(line.index("[@click=app.quit]") + 3, y))  # on the would-be link
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, FeedsScreen)


# -- an edited config ----------------------------------------------------------------------------


def following(config, scope=None, **kwargs) -> MarketwatchApp:
    """The dashboard as `marketwatch` runs it: reading its config file again when it changes."""
    return make_app(config, scope, reload_config=lambda: load_config(config.path), **kwargs)


async def until_config_read(app, pilot) -> list[str]:
    for _ in range(200):
        await pilot.pause(0.02)
        said = [n.message for n in app._notifications if n.title.startswith("Config")]
        if said:
            await settle(pilot)
            return said
    raise AssertionError("the edited config was not read again")


async def polls(app, pilot, count: int) -> None:
    """Wait until the app has polled `count` more times (its timer, however busy the machine)."""
    seen = []
    real = app._stamp  # each poll looks at the file once (the timer holds poll itself)
    app._stamp = lambda: (seen.append(1), real())[1]
    try:
        for _ in range(500):
            await pilot.pause(0.02)
            if len(seen) >= count:
                return
        raise AssertionError("the app stopped polling")
    finally:
        del app._stamp


def edit(config, old: str, new: str) -> None:
    text = config.path.read_text(encoding="utf-8")
    assert old in text
    config.path.write_text(text.replace(old, new), encoding="utf-8")


async def test_a_feed_added_while_the_dashboard_is_open_shows_at_once(config):
    """`marketwatch add-feed` in another terminal: the feeds screen lists it, never fetched."""
    app = following(config, poll_interval=0.05)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        add_feeds(config.path, [NewFeed("https://new.example.com/rss", "brand new")])
        said = await until_config_read(app, pilot)
        assert said == ["Feeds: added brand new (4 in all)."]
        assert "brand new" in [feed.name for feed in app.screen.feeds]
        for _ in range(100):  # the table widens its column when idle: polls every 50 ms delay that
            if "brand new" in screen_text(app):
                break
            await pilot.pause(0.02)
        assert "brand new" in screen_text(app) and "4 feeds" in screen_text(app)
        assert "1 never fetched" not in screen_text(app)  # feed2 too: two of them
        assert "2 never fetched" in screen_text(app)


async def test_r_right_after_add_feed_fetches_the_new_feed(server, make_config):
    """The next poll would see the edit in a moment; `r` must not refresh the old list first."""
    server.routes["/old.xml"] = Reply(200, rss([{"title": "Nothing to see", "guid": "o1"}]))
    server.routes["/new.xml"] = Reply(200, rss([{"title": "BMW and Baidu sign MoU on autonomous driving",
                                                 "guid": "n1", "date": "Sun, 15 Mar 2026 09:00:00 GMT"}]))
    config = load_config(make_config([server.url("/old.xml")]))
    app = following(config, poll_interval=60)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        add_feeds(config.path, [NewFeed(server.url("/new.xml"), "new")])
        await pilot.press("r")
        for _ in range(300):
            await pilot.pause(0.02)
            if not app.refreshing:
                break
        await settle(pilot)
        assert "Feeds: added new (2 in all)." in notes(app)
        assert any("1 new tie-up" in n and "BMW – Baidu" in n for n in notes(app))
        assert {p.company for p in panes(app)} == {"BMW", "Baidu"}


async def test_an_edited_alliance_changes_the_panes_of_its_filter(config):
    app = following(config, resolve_scope(config, alliance=ALLIANCE), poll_interval=0.05)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        assert {p.company for p in panes(app)} == {"Nissan", "Renault", "Mitsubishi"}
        await pilot.press("a")  # the picker is made now, and kept
        await pilot.pause()
        assert "Renault, Nissan, Mitsubishi" in screen_text(app)
        await pilot.press("escape")
        edit(config, 'members = ["Renault", "Nissan", "Mitsubishi"]', 'members = ["Renault", "Nissan"]')
        assert await until_config_read(app, pilot) == [f"Alliances: changed {ALLIANCE} (− Mitsubishi)."]
        assert {p.company for p in panes(app)} == {"Nissan", "Renault"}
        await pilot.press("a")
        await pilot.pause()
        assert "Renault, Nissan " in screen_text(app) and "Renault, Nissan, Mitsubishi" not in screen_text(app)
        # Edited while the picker is open: its choices change in place, the cursor on the filter.
        edit(config, 'members = ["Renault", "Nissan"]', 'members = ["Renault", "Nissan", "Mitsubishi", "Toyota"]')
        await until_config_read(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        assert "Renault, Nissan, Mitsubishi, Toyota" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert {p.company for p in panes(app)} == {"Nissan", "Renault", "Mitsubishi", "Toyota"}


async def test_a_filter_taken_out_of_the_config_falls_back_to_all(config):
    app = following(config, resolve_scope(config, watchlist="China tie-ups"), poll_interval=0.05)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # reading a story: the edit leaves it on the screen
        await settle(pilot)
        edit(config, '[watchlists."China tie-ups"]', '[watchlists."Asia"]')
        said = await until_config_read(app, pilot)
        assert said == ["Watchlists: added Asia; removed China tie-ups.\nWatchlist: China tie-ups is no longer in "
                        "the config: showing all companies."]
        assert isinstance(app.screen, StoryScreen) and "Filter:  All " in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.scope.is_all and "Filter:  All " in screen_text(app)
        assert len(panes(app)) > 3
        # The file had been caught half-saved: once the watchlist is back, so is the filter.
        edit(config, '[watchlists."Asia"]', '[watchlists."China tie-ups"]')
        for _ in range(200):
            await pilot.pause(0.02)
            if app.scope.label == "Watchlist: China tie-ups":
                break
        await settle(pilot)
        assert ("Watchlists: added China tie-ups; removed Asia.\nWatchlist: China tie-ups is in the config "
                "again: the filter is back.") in notes(app)
        assert {p.company for p in panes(app)} == {"Baidu", "Didi", "Alibaba"}


async def test_the_last_watchlist_taken_out_of_the_config_falls_back_to_all(config):
    """With no watchlist left there is nothing to suggest: the dashboard said so once and went
    on, where a suggestion among no names raised and ended it."""
    app = following(config, resolve_scope(config, watchlist="China tie-ups"), poll_interval=0.05)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        edit(config, '[watchlists."China tie-ups"]\ncompanies = ["Didi", "Baidu", "Alibaba"]\n', "")
        said = await until_config_read(app, pilot)
        assert said[0].endswith("Watchlist: China tie-ups is no longer in the config: showing all companies.")
        assert app.is_running and app.scope.is_all


async def test_an_alliance_renamed_to_one_of_its_aliases_and_back_keeps_its_filter_in_the_end(config):
    """Renamed to its alias, it is not the filter any more (a lookup by alias would have kept
    it under the new name, then lost it for good on the way back): All, then the filter again."""
    app = following(config, resolve_scope(config, alliance=ALLIANCE), poll_interval=0.05)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        edit(config, f'[alliances."{ALLIANCE}"]', '[alliances."Renault-Nissan-Mitsubishi"]')
        said = await until_config_read(app, pilot)
        assert said[0].endswith(f"Alliance: {ALLIANCE} is no longer in the config: showing all companies.")
        assert app.scope.is_all
        edit(config, '[alliances."Renault-Nissan-Mitsubishi"]', f'[alliances."{ALLIANCE}"]')
        for _ in range(200):
            await pilot.pause(0.02)
            if app.scope.label == f"Alliance: {ALLIANCE}":
                break
        await settle(pilot)
        assert app.scope.label == f"Alliance: {ALLIANCE}"
        assert {p.company for p in panes(app)} == {"Nissan", "Renault", "Mitsubishi"}


async def test_a_config_broken_by_an_edit_is_reported_once_and_the_old_one_kept(config):
    app = following(config, poll_interval=0.05)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        text = config.path.read_text(encoding="utf-8")
        config.path.write_text(text + "\n[companies.Half\n", encoding="utf-8")  # an editor saving midway
        said = await until_config_read(app, pilot)
        assert len(said) == 1 and said[0].startswith(f"{config.path}: not valid TOML: ")
        assert said[0].endswith("\nStill using the config read before.")
        await polls(app, pilot, 3)  # the same broken file is not reported again
        assert len([n for n in app._notifications if n.title == "Config not reloaded"]) == 1
        assert app.config == config and len(panes(app)) > 3
        config.path.write_text(text.replace('kind = "tech"\naliases = ["Waymo"]',
                                            'kind = "oem"\naliases = ["Waymo"]'), encoding="utf-8")
        for _ in range(100):
            await pilot.pause(0.02)
            if any(n.title == "Config reloaded" for n in app._notifications):
                break
        await settle(pilot)
        assert "The config reads again.\nCompanies: changed Waymo. Stories already stored keep their matches " \
               "until you run: marketwatch rematch" in notes(app)
        assert app.kind_label("Waymo") == "OEM"
        waymo = next(p for p in panes(app) if p.company == "Waymo")
        assert waymo.kind_label == "OEM"


async def test_a_config_emptied_of_companies_is_taken_for_a_half_saved_file(config):
    """Valid TOML, but a refresh with it would store every new story unmatched, and the filter
    would be lost: it is refused like a broken file, and a save that changes nothing is silent."""
    app = following(config, resolve_scope(config, watchlist="China tie-ups"), poll_interval=0.05)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        text = config.path.read_text(encoding="utf-8")
        config.path.write_text(text[:text.index("[companies.")], encoding="utf-8")
        said = await until_config_read(app, pilot)
        assert said == [f"{config.path}: it lists no companies now (saved half-way?)\n"
                        "Still using the config read before."]
        assert app.scope.label == "Watchlist: China tie-ups" and app.config == config
        config.path.write_text(text, encoding="utf-8")
        for _ in range(100):
            await pilot.pause(0.02)
            if "The config reads again." in notes(app):
                break
        assert "The config reads again." in notes(app)
        config.path.write_text(text + "\n# a comment\n", encoding="utf-8")
        await polls(app, pilot, 3)
        await settle(pilot)
        assert len(notes(app)) == 2  # the comment changed nothing shown


async def test_a_new_database_in_the_config_needs_a_restart(config):
    app = following(config, poll_interval=0.05)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        edit(config, 'db = "mw.db"', 'db = "other.db"')
        said = await until_config_read(app, pilot)
        assert said == [f"settings.db now names {config.path.parent / 'other.db'}: restart the dashboard to open it."]
        assert app.config.settings.db == config.settings.db and len(panes(app)) > 3


# -- links ------------------------------------------------------------------------------------


def set_url(config, story_id: str, url: str) -> None:
    with Store(config.settings.db) as store, store.transaction() as conn:
        conn.execute("UPDATE stories SET url = ? WHERE id = ?", (url, story_id))


async def test_a_console_browser_that_fails_leaves_the_dashboard_running(config, monkeypatch):
    """An error in the browser's run skipped Textual's resume after the suspend: the dashboard
    drew nothing and read no key. Ctrl+C meant for the browser is not the dashboard's."""
    import contextlib
    import signal
    import webbrowser

    during = []

    class Lynx(webbrowser.GenericBrowser):
        def open(self, url, new=0, autoraise=True):
            during.append(signal.getsignal(signal.SIGINT))
            raise OSError("lynx: cannot open the terminal")

    resumed = []

    @contextlib.contextmanager
    def suspend():
        yield
        resumed.append(True)  # as Textual's: only after a block that ended normally

    monkeypatch.setattr("webbrowser.get", lambda *a: Lynx("lynx"))
    app = make_app(config)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        monkeypatch.setattr(app, "suspend", suspend)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert resumed == [True] and during == [signal.SIG_IGN] and app.is_running
        assert signal.getsignal(signal.SIGINT) is not signal.SIG_IGN
        assert notes(app)[-1] == "lynx could not open the link; copied it instead: https://news.example.com/s01"


def no_console_browser(*args):
    import webbrowser

    raise webbrowser.Error("a graphical browser, or none: not one that runs in the terminal")


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", None])
async def test_o_and_c_refuse_a_link_that_is_not_http_in_the_story_screens_words(config, monkeypatch, url):
    """o said "This story has no link.", c "no http(s) link to copy" and the story "none (not
    an http(s) link; it will not be opened)": one wording now, the story's and the keys'."""
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    monkeypatch.setattr("webbrowser.get", no_console_browser)  # whatever this machine has
    set_url(config, "s01", url)
    app = make_app(config)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        link = next(line for line in screen_text(app).splitlines() if line.strip().startswith("Link"))
        await pilot.press("o", "c")
        await settle(pilot)
        assert opened == [] and app.clipboard == "" and app.is_running
        if url:
            assert "javascript:alert(document.cookie) (not an http(s) link, so it is not opened or copied)" in link
            said = "javascript:alert(document.cookie) is not an http(s) link, so it is not opened or copied."
        else:
            assert link.split() == ["Link", "none"]
            said = "This story has no link."
        assert notes(app) == [said, said]


async def test_o_opens_an_https_link_in_the_browser_and_c_copies_it(config, monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    monkeypatch.setattr("webbrowser.get", no_console_browser)  # whatever this machine has
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert opened == ["https://news.example.com/s01"]
        await pilot.press("c")
        assert app.clipboard == "https://news.example.com/s01"


async def test_o_hands_the_terminal_to_a_browser_that_runs_in_it(config, monkeypatch):
    """w3m (or lynx, www-browser over SSH) started beside the dashboard drew over it, its q quit the
    dashboard, and the terminal was left with no prompt. The dashboard now suspends while it runs,
    or copies the link where it cannot suspend."""
    import contextlib
    import webbrowser

    opened, suspended = [], []

    class W3m(webbrowser.GenericBrowser):
        def open(self, url, new=0, autoraise=True):
            opened.append((url, bool(suspended)))
            return True

    monkeypatch.setattr("webbrowser.get", lambda *a: W3m("w3m"))
    monkeypatch.setattr("webbrowser.open", lambda *a, **k: pytest.fail("started beside the dashboard"))
    app = make_app(config)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("o")  # the test's headless terminal cannot be handed over
        await settle(pilot)
        assert opened == [] and app.clipboard == "https://news.example.com/s01"
        assert "The browser here (w3m) runs in the terminal" in notes(app)[-1]

        @contextlib.contextmanager
        def suspend():
            suspended.append(True)
            yield
            suspended.clear()

        monkeypatch.setattr(app, "suspend", suspend)
        await pilot.press("o")
        await settle(pilot)
        assert opened == [("https://news.example.com/s01", True)] and app.is_running
        assert notes(app)[-1] == "Opened https://news.example.com/s01 in w3m"


# -- refresh and auto-reload ------------------------------------------------------------------


async def test_refresh_shows_progress_and_names_the_new_tieups(server, make_config, tmp_path):
    release = []

    def slow(handler):
        while not release:
            time.sleep(0.01)
        return Reply(200, rss([{"title": "BMW and Baidu sign MoU on autonomous driving",
                                "link": "https://news.example.com/bmw-baidu", "guid": "n1",
                                "date": "Sun, 15 Mar 2026 09:00:00 GMT"}]))

    server.routes["/fast.xml"] = Reply(200, rss([{"title": "Ford partners with Alibaba on cloud [b]now[/b]",
                                                  "link": "https://news.example.com/ford-ali", "guid": "n2",
                                                  "date": "Sun, 15 Mar 2026 08:00:00 GMT"}]))
    server.routes["/slow.xml"] = slow
    server.routes["/broken.xml"] = Reply(500, b"oops")
    config = load_config(make_config([server.url(p) for p in ("/fast.xml", "/slow.xml", "/broken.xml")]))
    app = make_app(config, poll_interval=60)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        assert panes(app) == []
        await pilot.press("r")
        bar = app.main.query_one("#refresh-progress", ProgressBar)
        for _ in range(200):  # two of three feeds are done; the slow one is held back
            await pilot.pause(0.02)
            if bar.progress == 2:
                break
        assert app.main.query_one("#refresh-bar").display
        assert bar.total == 3 and bar.progress == 2
        assert "Refreshing: 2 of 3 feeds  waiting for feed1" in screen_text(app)  # the slow one
        app.notify("A notification meanwhile")
        await pilot.pause(0.1)
        toast = app.screen.query_one("Toast").region
        assert toast.bottom <= app.main.query_one("#refresh-bar").region.y  # it does not hide the bar
        await pilot.press("j")  # the UI answers while the refresh runs
        release.append(True)
        for _ in range(300):
            await pilot.pause(0.02)
            if not app.refreshing:
                break
        await settle(pilot)
        assert not app.main.query_one("#refresh-bar").display
        message = next(n for n in notes(app) if "new tie-up" in n)
        assert "2 new tie-ups" in message
        assert "BMW – Baidu: BMW and Baidu sign MoU" in message
        assert "Ford – Alibaba: Ford partners with Alibaba on cloud [b]now[/b]" in message
        toasts = [toast.render().plain for toast in app.screen.query("Toast")]
        assert any("Ford partners with Alibaba on cloud [b]now[/b]" in t for t in toasts)  # as typed
        assert "1 feed failed" in message
        assert {"BMW", "Baidu", "Ford", "Alibaba"} <= {p.company for p in panes(app)}


async def test_quitting_during_a_refresh_does_not_wait_for_a_hanging_feed(server, make_config, monkeypatch):
    """q while a feed hangs: the refresh ends with the app, not when the feed times out."""
    import threading

    import marketwatch.refresh as refresh_module

    release, ended, served = threading.Event(), threading.Event(), threading.Event()
    answered_first = []
    real = refresh_module.refresh

    def recording(*args, **kwargs):
        try:
            return real(*args, **kwargs)
        finally:
            answered_first.append(served.is_set())
            ended.set()

    def hanging(handler):
        release.wait(30)
        served.set()
        return Reply(200, rss([]))

    monkeypatch.setattr(refresh_module, "refresh", recording)
    server.routes["/fast.xml"] = Reply(200, rss([]))
    server.routes["/hang.xml"] = hanging
    config = load_config(make_config([server.url("/fast.xml"), server.url("/hang.xml")]))
    config = replace(config, settings=replace(config.settings, timeout=60.0))
    app = make_app(config, poll_interval=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        bar = app.main.query_one("#refresh-progress", ProgressBar)
        for _ in range(500):
            await pilot.pause(0.02)
            if bar.progress == 1:
                break
        assert bar.progress == 1
        await pilot.press("q")
    assert ended.wait(60)
    release.set()
    assert answered_first == [False]  # the refresh ended before the hanging feed answered


_DASHBOARD_REFRESH = """
import asyncio, json, sys
from marketwatch.config import load_config
from marketwatch.scope import resolve_scope
from marketwatch.tui.dashboard import MarketwatchApp

async def main():
    config = load_config(sys.argv[1])
    app = MarketwatchApp(config, resolve_scope(config), poll_interval=60)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("r")
        for _ in range(1500):
            await pilot.pause(0.02)
            if not app.refreshing:
                break
        await pilot.pause()
        from marketwatch import parsers
        print(json.dumps({"notes": [n.message for n in app._notifications],
                          "companies": sorted({p.company for p in app.main.panes()}),
                          "parsed_here": parsers._matcher is not None}))

asyncio.run(main())
"""


def test_a_dashboard_refresh_of_many_new_feeds_parses_them_in_worker_processes(server, make_config):
    """Enough new feeds to start the parser processes, from the dashboard's refresh thread, in
    a fresh process (as a user's dashboard is): under Textual sys.stderr is a print capture with
    no file descriptor, which multiprocessing's resource tracker could not start with."""
    import subprocess
    import sys

    from marketwatch.parsers import PROCESS_POOL_MIN_FEEDS

    paths = [f"/{i}.xml" for i in range(PROCESS_POOL_MIN_FEEDS + 2)]
    for i, path in enumerate(paths):
        server.routes[path] = Reply(200, rss([{"title": f"Ford and Baidu sign MoU on robotaxis, part {i}",
                                               "link": f"https://news.example.com/{i}", "guid": f"g{i}",
                                               "date": "Sun, 15 Mar 2026 09:00:00 GMT"}]))
    config = make_config([server.url(p) for p in paths], "workers = 2")
    done = subprocess.run([sys.executable, "-c", _DASHBOARD_REFRESH, str(config)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert any(f"{len(paths)} new tie-ups" in note for note in shown["notes"]), shown["notes"]
    assert not any("failed" in note for note in shown["notes"]), shown["notes"]
    assert {"Ford", "Baidu"} <= set(shown["companies"])
    assert shown["parsed_here"] is False  # the parser processes did it, not a thread of the dashboard


async def test_panes_follow_writes_by_another_process(config):
    app = make_app(config, poll_interval=0.05)

    def xiaomi():
        return next((p for p in app.main.overview.panes if p.company == "Xiaomi"), None)

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert xiaomi() is None
        # Another process (a cron refresh) adds stories while the dashboard is open.
        build_db(config, [("x1", 0, "Xiaomi and Baidu form autonomous driving joint venture", "")], feed=2)
        for _ in range(100):
            await pilot.pause(0.05)
            await settle(pilot)
            if xiaomi() is not None:
                break
        assert xiaomi() is not None  # a pane of its own, at the end (one story)
        assert "Xiaomi and Baidu form autonomous" in screen_text(app)  # and Baidu's latest headline
        # A read flag set elsewhere shows up too.
        with Store(config.settings.db) as store:
            store.set_flag("x1", "read", True)
        for _ in range(100):
            await pilot.pause(0.05)
            await settle(pilot)
            if xiaomi().stories[0].read:
                break
        assert xiaomi().stories[0].read
        baidu = next(p for p in panes(app) if p.company == "Baidu")
        assert baidu.stories[0].id == "x1" and baidu.stories[0].read


async def test_feeds_screen_gives_a_long_list_of_feeds_a_page_at_a_time(make_config):
    """Hundreds of feeds (an OPML import) open as fast as a few; every one is reachable."""
    config = load_config(make_config([f"https://feeds.example.com/{i:03}.xml" for i in range(250)]))
    with Store(config.settings.db) as store:
        store.sync_feeds(config.feeds)
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert "250 feeds · 250 never fetched" in screen_text(app)
        assert table.row_count < 250
        for _ in range(4):  # walking down gives the next rows before the cursor gets there
            await pilot.press("pagedown")
        await settle(pilot)
        assert table.cursor_row > 100 and table.row_count > table.cursor_row + 10
        await pilot.press("end")  # as Ctrl+End does
        await settle(pilot)
        assert table.row_count == 250 and table.cursor_row == 249
        assert app.screen.feeds[249].url in screen_text(app)  # the detail line: the last feed's URL
        await pilot.press("home")
        await settle(pilot)
        assert table.cursor_row == 0
        await pilot.press("ctrl+end")
        await settle(pilot)
        assert table.cursor_row == 249
        await pilot.press("escape", "f")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count < 250
        table.scroll_end(animate=False, immediate=True)  # the mouse wheel or the scrollbar
        await settle(pilot)
        assert table.row_count > 100


async def until_noted(app, pilot, text: str, more_than: int = 0) -> list[str]:
    """The notifications with `text`, once there are more than `more_than` of them (or 5 s on)."""
    for _ in range(100):
        await pilot.pause(0.05)
        if sum(text in n for n in notes(app)) > more_than:
            break
    return [n for n in notes(app) if text in n]


async def test_tieups_stored_by_a_background_refresh_are_announced_at_once(config):
    app = make_app(config, poll_interval=0.05)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        assert not any("new tie-up" in n for n in notes(app))  # what was there before is not news
        # A cron refresh stores a tie-up and a story that is not one.
        build_db(config, [("x2", 0, "Ford and Baidu form autonomous driving joint venture", ""),
                          ("x3", 0, "Toyota posts record quarterly profit", "")], feed=2)
        assert await until_noted(app, pilot, "new tie-up") == [
            "1 new tie-up:\n• Ford – Baidu: Ford and Baidu form autonomous driving joint venture"]
        assert "Ford" in {p.company for p in panes(app)}
        await pilot.pause(0.3)  # announced once, not at every poll
        assert len([n for n in notes(app) if "new tie-up" in n]) == 1


async def test_background_tieups_outside_the_filter_are_not_announced(config):
    app = make_app(config, resolve_scope(config, alliance=ALLIANCE), poll_interval=0.05)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        build_db(config, [("x2", 0, "Ford and Baidu form autonomous driving joint venture", "")], feed=2)
        assert await until_noted(app, pilot, "new tie-up") == []
        build_db(config, [("x4", 0, "Mitsubishi and Baidu sign MoU on connected cars", "")], feed=2)
        assert await until_noted(app, pilot, "new tie-up") == [
            "1 new tie-up:\n• Mitsubishi – Baidu: Mitsubishi and Baidu sign MoU on connected cars"]


async def test_background_tieups_of_another_deal_type_than_the_filters_are_not_announced(config):
    app = make_app(config, replace(resolve_scope(config, alliance=ALLIANCE), deal="mou"), poll_interval=0.05)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        build_db(config, [("x2", 0, "Nissan and Baidu form autonomous driving joint venture", ""),
                          ("x4", 0, "Mitsubishi and Baidu sign MoU on connected cars", "")], feed=2)
        assert await until_noted(app, pilot, "new tie-up") == [  # the MoU alone
            "1 new tie-up:\n• Mitsubishi – Baidu: Mitsubishi and Baidu sign MoU on connected cars"]


async def test_the_dashboards_own_refresh_announces_its_tieups_once(server, make_config):
    server.routes["/a.xml"] = Reply(200, rss([{"title": "BMW and Baidu sign MoU on autonomous driving",
                                               "link": "https://news.example.com/bmw-baidu", "guid": "o1"}]))
    config = load_config(make_config([server.url("/a.xml")]))
    app = make_app(config, poll_interval=0.02)  # polls see the refresh's writes as it makes them
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("r")
        for _ in range(300):
            await pilot.pause(0.02)
            if not app.refreshing:
                break
        await pilot.pause(0.3)
        await settle(pilot)
        assert [n for n in notes(app) if "new tie-up" in n] == [
            "1 new tie-up:\n• BMW – Baidu: BMW and Baidu sign MoU on autonomous driving"]


async def test_cron_tieups_stored_while_the_dashboards_refresh_waits_are_announced_too(server, make_config):
    """r while cron's refresh holds the lock: the dashboard's refresh waits, then says what it
    found; what cron stored meanwhile is announced as background news, not swallowed."""
    from marketwatch.lock import refresh_lock

    server.routes["/a.xml"] = Reply(200, rss([{"title": "BMW and Baidu sign MoU on autonomous driving",
                                               "link": "https://news.example.com/bmw-baidu", "guid": "o1"}]))
    config = load_config(make_config([server.url("/a.xml")]))
    Store(config.settings.db).close()
    app = make_app(config, poll_interval=0.02)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        with refresh_lock(config.settings.db):  # cron's refresh, running
            await pilot.press("r")
            for _ in range(100):
                await pilot.pause(0.02)
                if "waiting" in screen_text(app).lower():
                    break
            fixed = replace(config, feeds=(Feed("http://127.0.0.1:9/cron.xml", "cron feed"),))
            build_db(fixed, [("c1", 0, "Ford and Alibaba form cloud joint venture", "")])
            await pilot.pause(0.2)  # polls see cron's write while the dashboard's refresh waits
        for _ in range(300):
            await pilot.pause(0.02)
            if not app.refreshing:
                break
        await settle(pilot)
        assert [n for n in notes(app) if "new tie-up" in n] == [
            "1 new tie-up:\n• BMW – Baidu: BMW and Baidu sign MoU on autonomous driving",
            "1 new tie-up:\n• Ford – Alibaba: Ford and Alibaba form cloud joint venture"]
        # Once told, neither is told again when cron writes next.
        build_db(fixed, [("c2", 0, "Nissan and Baidu sign MoU on connected cars", "")])
        assert (await until_noted(app, pilot, "new tie-up", more_than=2))[2:] == [
            "1 new tie-up:\n• Nissan – Baidu: Nissan and Baidu sign MoU on connected cars"]


async def test_e_lists_every_story_of_the_focused_company(config):
    """A pane shows a company's latest headlines; e lists all of them."""
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pane = app.main.focused
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, StoriesScreen)
        listed = app.screen.query_one(DataTable).loaded
        assert len(listed) == pane.pane.count > len(pane.stories)
        assert all(pane.company in story.companies for story in listed)
        table = app.screen.query_one(DataTable)
        assert all(table.get_cell(story.id, "who").plain.startswith(pane.company) for story in listed
                   if any(pane.company in pair for pair in story.pairs))  # its own pair first
        assert f"{pane.company}: every tie-up story" in screen_text(app)
        assert table.cursor_row == 0  # on the headline e was pressed on: the pane's first
        await pilot.press("escape")
        assert app.screen is app.main and app.main.focused is pane
        await pilot.press("j", "e")  # on its second headline, the list starts on that story
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.loaded[table.cursor_row].id == pane.stories[1].id and table.cursor_row == 1


async def test_a_story_lists_date_column_is_as_wide_as_its_dates(tmp_path, make_config):
    """The Date column was 11 cells for "15 Mar": 5 blank cells beside titles cut short at 80
    columns. It is as wide as its longest date, and widens for one of another year."""
    from test_tui_support import fixed_config

    config = fixed_config(tmp_path, make_config)
    build_db(config, [*STORIES, ("old", 120, "Toyota partners with Baidu on charging", "")])
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.main.focused.company == "Toyota"
        await pilot.press("e")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        dates = [table.get_cell(story.id, "date").plain for story in table.loaded]
        assert dates[-1] == "16 Nov 2025"  # the last row, of last year
        widths = {column.key.value: column.width for column in table.columns.values()}
        assert widths["date"] == 11 and sum(widths.values()) + 4 * 2 + 2 == 80  # cell padding, scrollbar
        app.screen.query_one(DataTable).set_stories(table.loaded[:3], 3)  # this year's only
        await settle(pilot)
        widths = {column.key.value: column.width for column in table.columns.values()}
        assert widths["date"] == max(len(d) for d in dates[:3]) == 6
        assert sum(widths.values()) + 4 * 2 + 2 == 80  # the title has the cells the date left
        assert any("15 Mar  Toyota and Pony.ai" in line for line in screen_text(app).splitlines())


async def test_the_story_screen_breaks_lines_between_pairs_not_inside_one(tmp_path, make_config):
    """At 80 columns the story screen read "..., Volvo Cars –" and "Alibaba" on the next line:
    a pair (and a company's name) is one piece, the line breaks between them."""
    from test_tui_support import fixed_config

    config = fixed_config(tmp_path, make_config)
    build_db(config, [("p1", 1, "Volvo Cars, Mitsubishi Motors and Renault team up with Alibaba, Baidu and "
                                "Pony.ai on robotaxis", "")])
    app = make_app(config)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)
        story = app.screen.story
        assert len(story.pairs) >= 6 and ("Volvo Cars", "Alibaba") in story.pairs
        lines = screen_text(app).splitlines()
        for oem, tech in story.pairs:
            assert any(f"{oem} – {tech}" in line for line in lines), (oem, tech)
        assert any(line.rstrip().endswith(",") for line in lines)  # the pairs took more than a line
        for company in story.companies:
            assert any(company in line for line in lines), company


async def test_capital_s_lists_the_starred_stories_whatever_the_filter(config):
    """Stars are the analyst's own list ("for Friday's report"): S shows them, newest first,
    from any screen, and says how to star when there are none."""
    with Store(config.settings.db) as store:
        store.set_flags([i for (i,) in store.conn.execute("SELECT id FROM stories WHERE starred")], "starred", False)
    app = make_app(config, scope=resolve_scope(config, alliance=ALLIANCE))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        assert isinstance(app.screen, StoriesScreen) and "Starred stories" in screen_text(app)
        assert "No starred stories: s stars the story under the cursor." in screen_text(app)
        await pilot.press("escape")
        first = app.main.focused.story
        await pilot.press("s", "down", "s")
        await settle(pilot)
        second = app.main.focused.story
        with Store(config.settings.db) as store:  # and one outside the filter, by another process
            store.set_flag("s07", "starred", True)
        await pilot.press("slash", "S")  # in the search box, S is a letter
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen) and app.screen.query_one(Input).value == "S"
        await pilot.press("escape", "escape", "f")
        await settle(pilot)
        await pilot.press("S")  # from another view too
        await settle(pilot)
        listed = app.screen.query_one(DataTable).loaded
        assert sorted(s.id for s in listed) == sorted({first.id, second.id, "s07"})
        assert [s.published for s in listed] == sorted((s.published for s in listed), reverse=True)
        assert "3 stories" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen) and app.screen.story.id == listed[0].id


async def test_capital_a_marks_every_story_of_the_focused_company_read(config):
    """newsboat's A: the "new" marks of a company go at once, its other stories' too."""
    app = make_app(config, poll_interval=60)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        toyota = app.main.focused
        assert toyota.company == "Toyota" and toyota.pane.unread == 4
        await pilot.press("A")
        for _ in range(100):
            await pilot.pause(0.02)
            if panes(app)[0].pane.unread == 0:
                break
        await settle(pilot)
        assert "Marked 4 stories of Toyota read (u to undo)." in notes(app)
        assert panes(app)[0].pane.unread == 0 and "5 stories · " not in screen_text(app).split("\n")[2]
        assert flags(config, "s01") == (1, 0)
        assert any(p.pane.unread for p in panes(app))  # other companies keep theirs
        await pilot.press("A")
        await settle(pilot)
        assert "Every story of Toyota was read already." in notes(app)


async def test_u_undoes_the_last_capital_a(config):
    """A on the wrong pane cleared "new" marks with no way to tell which they had been: u marks
    exactly those unread again, once; a story that was read before A stays read."""
    with Store(config.settings.db) as store:
        store.set_flag("s01", "read", True)
    app = make_app(config, poll_interval=60)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert "Nothing to undo: A has marked no stories read since the last undo." in notes(app)
        toyota = app.main.focused
        assert toyota.company == "Toyota" and toyota.pane.unread == 3
        await pilot.press("A")
        await until(pilot, lambda: panes(app)[0].pane.unread == 0)
        assert "Marked 3 stories of Toyota read (u to undo)." in notes(app)
        palette = [c.title for c in app.get_system_commands(app.main)]
        assert "Undo: mark 3 stories of Toyota unread again" in palette
        await pilot.press("u")
        await until(pilot, lambda: panes(app)[0].pane.unread == 3)
        assert "Marked 3 stories of Toyota unread again." in notes(app)
        assert flags(config, "s01")[0] == 1  # read before A: still read
        await pilot.press("u")
        await settle(pilot)
        assert sum(n.startswith("Nothing to undo") for n in notes(app)) == 2 and panes(app)[0].pane.unread == 3


async def test_a_background_update_leaves_the_cursor_on_the_story_being_read(config):
    """A newer story pushes the one being read down its pane: back from it, the cursor is still
    on it, not on whatever now stands in its place."""
    app = make_app(config, poll_interval=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pane = app.main.focused
        await pilot.press("j")
        reading = pane.story.id
        await pilot.press("enter")
        await settle(pilot)
        build_db(config, [("t9", 0, f"{pane.company} and Baidu form autonomous driving joint venture", "")], feed=2)
        for _ in range(100):
            await pilot.pause(0.05)
            if app.main.focused.stories and app.main.focused.stories[0].id == "t9":
                break
        await pilot.press("escape")
        await settle(pilot)
        assert app.main.focused.stories[0].id == "t9"
        assert app.main.focused.story.id == reading


async def test_a_backlog_stored_in_the_background_is_not_announced_as_news(config):
    """A feed added to the config brings its old stories: stored and shown, not announced."""
    app = make_app(config, poll_interval=0.05)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        build_db(config, [("b1", 30, "Ford and Baidu form autonomous driving joint venture", "")], feed=2)
        assert await until_noted(app, pilot, "new tie-up") == []
        build_db(config, [("b2", 0, "Nissan and Baidu sign MoU on connected cars", "")], feed=2)
        assert await until_noted(app, pilot, "new tie-up") == [
            "1 new tie-up:\n• Nissan – Baidu: Nissan and Baidu sign MoU on connected cars"]


async def test_many_background_tieups_are_counted_beyond_the_first_five(config):
    app = make_app(config, poll_interval=0.05)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        build_db(config, [(f"m{i}", 0, f"Ford and Baidu sign MoU number {i}", "") for i in range(8)], feed=2)
        (message,) = await until_noted(app, pilot, "new tie-up")
        assert message.startswith("8 new tie-ups:\n") and message.endswith("\n… and 3 more")
        assert message.count("• Ford – Baidu") == 5


async def test_the_dashboards_refresh_tells_notify_too_and_says_when_it_cannot(server, make_config):
    """The dashboard's refresh tells [notify] too, and says which service it could not tell."""
    server.routes["/a.xml"] = Reply(200, rss([{"title": "BMW and Baidu sign MoU on autonomous driving",
                                               "link": "https://news.example.com/bmw-baidu", "guid": "o1"}]))
    server.routes["/hook"] = Reply(200, b"{}")
    hook = "json://" + server.base.removeprefix("http://") + "/hook"
    config = load_config(make_config([server.url("/a.xml")],
                                     extra=f'\n[notify]\nurls = ["{hook}", "json://u:pw@127.0.0.1:9/down"]\n'))
    app = make_app(config, poll_interval=60)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("r")
        assert await until_noted(app, pilot, "notify:") == ["notify: json://u:****@127.0.0.1:9/…: "
                                                             "A Connection error occurred sending JSON notification "
                                                             "to 127.0.0.1: connection refused"]
        assert [json.loads(body)["title"] for _path, body in server.posts] == ["marketwatch: 1 new tie-up"]


async def test_matrix_and_feeds_follow_writes_and_keep_the_cursor(config):
    app = make_app(config, poll_interval=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        matrix = app.screen
        grid = matrix.query_one(HeatMap)
        grid.cursor = (matrix.oems.index("Nissan"), matrix.techs.index("Baidu"))
        await settle(pilot)
        assert "Nissan – Baidu: 1 tie-up story" in screen_text(app)
        # A cron refresh adds a Ford – Baidu story: the matrix grows, the cursor stays on Nissan – Baidu.
        build_db(config, [("x2", 0, "Ford and Baidu form autonomous driving joint venture", "")], feed=2)
        for _ in range(100):
            await pilot.pause(0.05)
            await settle(pilot)
            if matrix.counts.get(("Ford", "Baidu")) == 1:
                break
        assert matrix.counts.get(("Ford", "Baidu")) == 1
        assert matrix._pair(*grid.cursor) == ("Nissan", "Baidu")
        await pilot.press("f")
        await settle(pilot)
        feeds = app.screen.query_one(DataTable)
        await pilot.press("j", "j")
        assert app.screen.feeds[feeds.cursor_row].name == "feed2"
        with Store(config.settings.db) as store:
            store.record_fetch(store.sync_feeds(config.feeds)[config.feeds[1].url],
                               FetchResult(config.feeds[1].url, "ok", 200), NOW)
        for _ in range(100):
            await pilot.pause(0.05)
            await settle(pilot)
            if app.screen.feeds[0].status != "error":
                break
        assert app.screen.feeds[0].status != "error"  # feed1 recovered: the order changed
        assert app.screen.feeds[feeds.cursor_row].name == "feed2"


async def test_the_first_panes_come_from_the_read_started_before_the_app(config, monkeypatch):
    """run_dashboard reads the first panes while Textual is imported; the main screen shows
    them instead of reading them again."""
    from marketwatch.tui.data import Data, Prefetch

    calls = []
    overview = Data.overview
    monkeypatch.setattr(Data, "overview", lambda self, *a, **k: calls.append(a) or overview(self, *a, **k))
    data = Data(config.settings.db)
    first = Prefetch(data, None, NOW)
    first.take()
    app = make_app(config, data=data, first=first)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert panes(app)[0].company == "Toyota" and "13 tie-ups" in screen_text(app)
        assert len(calls) == 1 and app.first is None


async def test_the_picker_reads_the_panes_of_its_choices_while_it_is_open(config, monkeypatch):
    from marketwatch import overview

    read = []
    panes_of = overview.panes
    monkeypatch.setattr(overview, "panes", lambda conn, companies=None, **k: read.append(companies)
                        or panes_of(conn, companies, **k))
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert read == [None]
        await pilot.press("a")
        await settle(pilot)
        assert read == [None, ("Renault", "Nissan", "Mitsubishi")]  # the config's one alliance
        await pilot.press("down", "enter")
        await settle(pilot)
        assert [p.company for p in panes(app)] == ["Nissan", "Renault", "Mitsubishi"]
        assert len(read) == 2  # shown from what was read ahead


async def test_the_picker_makes_the_panes_of_its_choices_while_it_is_open(config):
    """Choosing a filter whose companies were never shown mounts no widget then (a first use of
    a filter took ~40 ms more): the picker made them, hidden, while it was open."""
    alliance = {"Renault", "Nissan", "Mitsubishi"}
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        grid = app.main.query_one("#grid")
        shown = [p.company for p in panes(app)]
        assert not alliance <= set(shown)  # on a small screen, not all of them were shown
        await pilot.press("a")
        await settle(pilot)
        made = set(grid.children)
        assert alliance <= {w.company for w in made}
        assert [p.company for p in panes(app)] == shown  # made hidden: the panes behind are as they were
        await pilot.press("down", "enter")
        await settle(pilot)
        assert [p.company for p in panes(app)] == ["Nissan", "Renault", "Mitsubishi"]
        assert set(grid.children) == made


async def test_startup_does_not_wait_for_the_database(config, monkeypatch):
    """The first screen is drawn and answers keys while the panes' query is still running."""
    import threading

    from marketwatch.tui.data import Data

    slow = Data.overview
    release = threading.Event()

    def overview(self, *args, **kwargs):
        release.wait(10)
        return slow(self, *args, **kwargs)

    monkeypatch.setattr(Data, "overview", overview)
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Loading" in screen_text(app) and "Filter:  All " in screen_text(app)
        await pilot.press("question_mark")  # keys work while the panes load
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert not release.is_set() and panes(app) == []
        await pilot.press("escape")
        release.set()
        await settle(pilot)
        assert panes(app)


# -- keys, palette, theme, sizes -----------------------------------------------------------------


async def test_help_lists_every_binding(config):
    app = make_app(config)
    async with app.run_test(size=(120, 70)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        for expected in ("alliance's members", "watchlist's companies", "Search every story",
                         "Tie-up matrix", "feed's health", "Fetch every feed", "Quit", "Back to the screen before",
                         "Open the link in the browser", "Copy the link", "Mark the story read or unread",
                         "Star or unstar", "Open the story under the cursor", "Ctrl+P",
                         "Tab Shift+Tab", "↑ k", "← h", "Mark every story of the company",
                         "Every starred story", "●★", "New and starred", "Clear the search box"):
            assert expected in text, expected
        await pilot.press("question_mark")
        assert isinstance(app.screen, MainScreen)


async def help_files_section(app, pilot) -> str:
    """The help screen's last section (config, database, auto refresh) as plain text, whole."""
    from rich.console import Console

    await settle(pilot)
    await pilot.press("question_mark")
    await pilot.pause()
    last = list(app.screen.query(".help-section"))[-1]
    console = Console(width=300, record=True)
    console.print(last.renderable if hasattr(last, "renderable") else last.content)
    return console.export_text()


async def test_help_ends_with_the_config_and_database_the_dashboard_reads(config):
    """Started in the clone's folder, the dashboard read its config.toml, while cron read the
    user's: nothing on the screen said which."""
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        lines = [line.split() for line in (await help_files_section(app, pilot)).splitlines()]
        assert lines[:3] == [["Files", "and", "refresh"], ["Config", str(config.path)],
                             ["Database", str(config.settings.db)]]
        # ... and that it refreshes by itself (it began fetching on a first start, unexplained)
        minutes = config.settings.auto_refresh
        assert " ".join(lines[3]).startswith(f"Auto refresh every {minutes} min" if minutes else "Auto refresh off")


async def test_help_says_the_demo_turns_auto_refresh_off(tmp_path):
    """The demo's help listed the shipped config (auto_refresh = 60), then "off
    (settings.auto_refresh = 0)": the demo turns it off, and says so."""
    from marketwatch.demo import demo_config

    app = MarketwatchApp(demo_config(None, str(tmp_path / "demo.db")))
    async with app.run_test(size=(120, 40)) as pilot:
        assert " ".join((await help_files_section(app, pilot)).split()).endswith(
            "Auto refresh off in the demo (its sample feeds never change)")


async def test_help_opens_at_the_top_each_time(config):
    """? opened the help where it was last scrolled, mid-list."""
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        for _ in range(30):
            await pilot.press("j")
        await pilot.pause()
        scroll = app.screen.query_one("#help")
        assert scroll.scroll_y > 20 and "Keys  (q, Esc or ? closes)" not in screen_text(app)
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and app.screen.query_one("#help") is scroll
        assert scroll.scroll_y == 0 and "Keys  (q, Esc or ? closes)" in screen_text(app)


async def test_j_held_down_scrolls_the_help_and_a_story_a_line_a_key(config):
    """j held down sends a burst of j: the help (and a story) scrolled a line for several of them,
    each scroll counted from where the one before had not yet taken it (deferred to the next
    frame): ten j sent at once moved the help three lines."""
    app = make_app(config)
    async with app.run_test(size=(80, 12)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        burst(app, *"j" * 10)
        await settle(pilot)
        assert app.screen.query_one("#help").scroll_y == 10
        burst(app, *"k" * 4)
        await settle(pilot)
        assert app.screen.query_one("#help").scroll_y == 6
        await pilot.press("escape", "enter")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)
        story = app.screen.query_one("#story")
        assert story.max_scroll_y >= 5
        burst(app, *"j" * 5)
        await settle(pilot)
        assert story.scroll_y == 5


async def test_footer_and_command_palette_list_the_actions(config):
    app = make_app(config)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        for key in ("Alliance", "Watchlist", "Search", "Matrix", "Feeds", "Refresh", "Quit"):
            assert key in footer
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Refresh feeds", "Filter by alliance", "Filter by watchlist", "Search stories",
                "Tie-up matrix", "Feed health", "Key bindings", "Theme", "Quit", "Starred stories",
                f"Every story of {app.main.focused.company}"} <= titles
        assert "Keys" not in titles  # Textual's side panel of keys, beside our "Key bindings"
        assert "Maximize" not in titles  # a pane of 4 stories filling the screen, j moving unseen
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"matrix")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MatrixScreen)


async def screenshot_from_the_palette(app, pilot) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"screenshot")
    await pilot.pause(0.3)
    await pilot.press("enter")
    for _ in range(50):  # Textual runs the command 0.1 s after the palette closed
        await pilot.pause(0.05)
        if any("screenshot" in n for n in notes(app)):
            break


def test_a_screenshot_goes_home_when_the_current_directory_is_gone(tmp_path, monkeypatch):
    """With no ~/Downloads and the current directory deleted, Path.cwd() raised out of the palette."""
    import platformdirs

    from marketwatch.tui import dashboard

    def gone():
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(platformdirs, "user_downloads_path", lambda: tmp_path / "no-downloads")
    monkeypatch.setattr(dashboard.Path, "cwd", staticmethod(gone))
    assert dashboard.screenshot_dir() == dashboard.Path.home()


async def test_the_palettes_screenshot_says_where_it_saved_it(config, tmp_path, monkeypatch):
    """Textual saved it into ~/Downloads, which may not exist, and said "Failed to save
    screenshot". It goes into ~/Downloads when there is one, else the current directory, and
    the notification names the file, or the path and the reason it could not be written."""
    import platformdirs

    from marketwatch.tui import dashboard

    downloads, here = tmp_path / "Downloads", tmp_path / "here"
    here.mkdir()
    monkeypatch.setattr(platformdirs, "user_downloads_path", lambda: downloads)
    monkeypatch.chdir(here)
    app = make_app(config, poll_interval=60)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await screenshot_from_the_palette(app, pilot)
        saved = list(here.glob("marketwatch-*.svg"))
        assert len(saved) == 1 and saved[0].read_text(encoding="utf-8").startswith("<svg")
        assert notes(app) == [f"Saved the screenshot to {saved[0]}"]
        downloads.mkdir()
        app.clear_notifications()
        await screenshot_from_the_palette(app, pilot)
        saved = list(downloads.glob("marketwatch-*.svg"))
        assert len(saved) == 1 and notes(app) == [f"Saved the screenshot to {saved[0]}"]
        app.clear_notifications()
        monkeypatch.setattr(dashboard, "screenshot_dir", lambda: tmp_path / "config.toml" / "shots")
        await screenshot_from_the_palette(app, pilot)
        [said] = notes(app)
        assert said.startswith(f"Could not save the screenshot to {tmp_path / 'config.toml' / 'shots'}/marketwatch-")
        assert said.endswith(".svg: Not a directory")


async def test_footer_shows_the_main_keys_at_80_columns(config):
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        for key in ("a Alliance", "w Watchlist", "d Deal", "? Keys", "q Quit", "/ Search", "m Matrix",
                    "f Feeds", "r Refresh"):
            assert key in footer, key
        assert "⏎ Open" not in footer  # the first to leave a full line (Enter opens, as everywhere)


async def test_theme_is_remembered(config, state_dir):  # noqa: F811 - the fixture
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await pilot.pause()
    assert json.loads((state_dir / "dashboard.json").read_text())["theme"] == "nord"
    again = make_app(config)
    async with again.run_test(size=(80, 24)) as pilot:
        assert again.theme == "nord"
    (state_dir / "dashboard.json").write_text("not json")
    assert make_app(config).theme == "textual-dark"


async def test_panes_below_the_first_screen_are_reached_by_keys_and_scrolling(config):
    """At 80x24 two rows of panes show; the others are mounted as the keys or the scrollbar
    come near them, and every company can be reached."""
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        everyone = [p.company for p in app.main.overview.panes]
        assert len(everyone) == 13 and len(panes(app)) < 13
        seen = []
        for _ in range(13):
            seen.append(app.focused.company)
            await pilot.press("tab")
        assert seen == everyone and app.focused.company == everyone[0]  # and round again
        await pilot.press("shift+tab")
        assert app.focused.company == everyone[-1]

    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert len(panes(app)) < 13
        app.main.query_one("#panes").scroll_end(animate=False)
        for _ in range(20):
            await pilot.pause(0.02)
            if len(panes(app)) == 13:
                break
        assert [p.company for p in panes(app)] == everyone

    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(30):  # down through the left column, headline by headline, to the end
            await pilot.press("j")
        assert app.focused.company == everyone[-1]  # the last row has it alone


async def test_a_pane_scrolled_out_of_view_comes_back_when_its_cursor_moves_or_opens(config):
    """The grid scrolled away (PageDown, the wheel) from the focused pane: j, k and Enter act on
    it, so they bring it back into view first; j once moved a cursor nobody could see, and Enter
    opened (and marked read) a story that was not on the screen."""
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        grid = app.main.query_one("#panes")
        first = panes(app)[0]
        assert app.focused is first and grid.region.contains_region(first.region)

        async def scroll_away():
            grid.scroll_end(animate=False, immediate=True)
            await settle(pilot)
            assert app.focused is first and not grid.region.overlaps(first.region)  # off the screen

        await scroll_away()
        await pilot.press("j")
        await settle(pilot)
        assert app.focused is first and first.cursor == 1 and grid.region.contains_region(first.region)
        await scroll_away()
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused is first and grid.region.contains_region(first.region)


async def test_clicking_a_key_in_the_footer_presses_it(config):
    from marketwatch.tui.widgets.footer import KeysFooter

    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        await pilot.click(KeysFooter, offset=(footer.index("Matrix"), 0))
        await settle(pilot)
        assert isinstance(app.screen, MatrixScreen)


async def test_small_terminal_and_resizing(config):
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.main.columns == 2
        grid = panes(app)
        assert all(p.limit == 3 for p in grid)
        for _ in range(4):  # walk down through the panes; the focused one is always on screen
            await pilot.press("j", "j", "j", "l")
            focused = app.focused
            assert isinstance(focused, CompanyPane)
            assert focused.region.y >= 1 and focused.region.bottom <= 23, focused.company
        assert panes(app).index(app.focused) > 2
        await pilot.resize_terminal(200, 50)
        await settle(pilot)
        assert app.main.columns == 4 and all(p.limit == 5 for p in panes(app))
        await pilot.resize_terminal(40, 15)
        await settle(pilot)
        assert app.main.columns == 1
        await pilot.press("j", "enter")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)


async def test_the_feed_a_refresh_waits_for_is_named_at_80_columns(config):
    """Textual's 32-cell bar left the label "Refreshing: 4 of 5 feeds  waiting for …"."""
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.main.refresh_started(5)
        app.main.refresh_progress(4, 5, "waiting for Reuters autos")
        await settle(pilot)
        row = screen_text(app).splitlines()[-2]
        assert "Refreshing: 4 of 5 feeds  waiting for Reuters autos" in row and "80%" in row


async def test_q_quits_cleanly(config):
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("q")  # back from the story
        await settle(pilot)
        assert app.screen is app.main and app.is_running
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_keys_typed_right_behind_q_are_dropped_not_run_on_a_closing_screen(config):
    """`qr` typed fast (or a held key): r's refresh ran on the main screen as it was taken down,
    and the dashboard ended with a traceback and status 1."""
    from textual import events

    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key in "qrm/":  # in one read from the terminal, as typed
            app.post_message(events.Key(key, key))
        await pilot.pause()
    assert app.return_code == 0 and app._exception is None and not app.refreshing


@pytest.mark.parametrize("opener", ["a", "w", "question_mark"])
async def test_shift_q_quits_from_the_pickers_and_the_key_list_too(config, opener):
    """A modal screen hides the app's keys: q did nothing over the alliance picker. Q quits
    there too (q closes it, as it goes back from every screen but the main one)."""
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(opener)
        await settle(pilot)
        assert app.screen is not app.main
        await pilot.press("Q")
        await pilot.pause()
        assert not app.is_running or app._exit
    assert app.return_code == 0


@pytest.mark.parametrize("keys", [(), ("enter",), ("a",), ("question_mark",), ("ctrl+p",), ("slash",),
                                  ("slash", *"maps")])
async def test_ctrl_c_quits_as_q_does_and_exits_130(config, keys):
    """Ctrl+C showed Textual's "Do you want to quit? Press ctrl+q", while ? teaches q and the
    exit status for Ctrl+C is 130. It quits from every screen, the search box too when no
    text is selected there."""
    app = make_app(config)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        await pilot.press("ctrl+c")
        for _ in range(50):
            await pilot.pause(0.02)
            if app.return_code is not None:
                break
        assert not any("quit" in n.lower() for n in notes(app))
    assert app.return_code == 130 and app._exception is None


async def test_ctrl_c_copies_the_text_selected_in_the_search_box(config):
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"robotaxi", "shift+home", "ctrl+c")
        await pilot.pause()
        assert app.is_running and app.return_code is None and app.clipboard == "robotaxi"


async def test_sigterm_quits_as_q_does_and_exits_143(config):
    """`kill` or `timeout` used to end the process where it stood, leaving the terminal on the
    dashboard's alternate screen with mouse reports on; the app now quits and restores it."""
    before = signal.getsignal(signal.SIGTERM)
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        os.kill(os.getpid(), signal.SIGTERM)
        for _ in range(50):
            await pilot.pause(0.02)
            if app.return_code is not None:
                break
    assert app.return_code == 143
    assert signal.getsignal(signal.SIGTERM) == before  # the handler left with the app


def test_run_dashboard_runs_the_app_and_returns(config, monkeypatch):
    from marketwatch.tui import app as app_module

    monkeypatch.setattr(app_module, "terminal_problem", lambda: None)  # pytest's stdin is no terminal
    ran = []
    monkeypatch.setattr(MarketwatchApp, "run", lambda self: ran.append(self.scope))
    app_module.run_dashboard(config, resolve_scope(config, alliance=ALLIANCE))
    assert ran[0].companies == ("Renault", "Nissan", "Mitsubishi")


def test_damage_deep_in_the_stories_met_in_the_dashboard_is_one_line_and_exit_3_after_q(tmp_path, make_config,
                                                                                         run_cli, monkeypatch):
    """A damaged page in the middle of a table passes the check before the app starts (it reads
    each table's first and last entries); a search that read it said "cannot read the database"
    in the app, and `q` then exited 0 where `stories` exits 3."""
    import asyncio

    from marketwatch.tui import app as app_module

    config = damaged_in_the_middle(tmp_path, make_config)
    db = config.settings.db
    with Store(db, create=False) as store:
        store.check_edges()  # passes: the first and last leaves are sound
    damaged = (f"marketwatch: {db}: the database is damaged or is not a marketwatch database (it was left "
               "untouched; move it aside to start afresh)\n")
    assert run_cli("stories", "--search", "hydrogen", "--kind", "all", "--config", str(config.path)) == (3, "", damaged)

    monkeypatch.setattr(app_module, "terminal_problem", lambda: None)  # pytest's stdin is no terminal
    seen = []

    def run_headless(app: MarketwatchApp, search: str | None) -> None:
        async def drive() -> None:
            async with app.run_test(size=(120, 40), notifications=True) as pilot:
                await settle(pilot)
                seen.append(bool(panes(app)))
                if search:
                    await pilot.press("slash", *search)
                    await until(pilot, lambda: notes(app))
                    seen.extend(notes(app))
                    await pilot.press("escape")  # out of the search
                    await settle(pilot)
                await pilot.press("q")
                await until(pilot, lambda: app.return_code is not None)
                seen.append(app.return_code)

        asyncio.run(drive())

    monkeypatch.setattr(MarketwatchApp, "run", lambda app: run_headless(app, "hydrogen"))
    assert run_cli("--config", str(config.path)) == (3, "", damaged)
    shown, told, code = seen[0], set(seen[1:-1]), seen[-1]
    assert shown and told == {damaged.removeprefix("marketwatch: ").rstrip("\n")} and code == 0  # the CLI's words
    seen.clear()
    monkeypatch.setattr(MarketwatchApp, "run", lambda app: run_headless(app, None))  # the panes read no damage
    assert run_cli("--config", str(config.path)) == (0, "", "")
    assert seen == [True, 0]


def test_without_a_terminal_or_in_a_dumb_one_the_dashboard_says_so_and_exits_2(config):
    """A bare `marketwatch` in cron, or in TERM=dumb (where the screen was laid out again and
    again at full CPU, deaf to q): one line, exit 2, at once."""
    import os
    import subprocess
    import sys

    command = [sys.executable, "-m", "marketwatch", "--config", str(config.path)]
    env = {**os.environ, "TERM": "xterm-256color"}
    cron = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, timeout=60)
    assert cron.returncode == 2 and cron.stdout == ""
    assert cron.stderr == ("marketwatch: the dashboard needs a terminal; in scripts and cron use "
                           "`marketwatch refresh` and `marketwatch stories`\n")
    main, other = os.openpty()
    try:
        dumb = subprocess.run(command, stdin=other, stdout=other, stderr=other, env={**env, "TERM": "dumb"},
                              timeout=60)
        os.close(other)
        seen = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # EIO: the terminal's other end is closed
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(main)
    assert dumb.returncode == 2
    assert seen.decode().strip() == ("marketwatch: the dashboard cannot draw on TERM=dumb; run it in a "
                                     "terminal emulator")


def test_a_damaged_database_is_refused_before_the_screen_opens(tmp_path, make_config):
    from marketwatch.store import StoreError

    config = fixed_config(tmp_path, make_config)
    config.settings.db.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        make_app(config)


async def test_database_is_only_read_in_workers(config, monkeypatch):
    """The event loop never queries: every Data method but poll() is called from a worker thread."""
    import threading

    from marketwatch.tui.data import Data

    calls = []
    for name in ("overview", "stories", "count", "story", "matrix", "feeds", "set_flag"):
        original = getattr(Data, name)

        def spy(self, *args, _original=original, _name=name, **kwargs):
            calls.append((_name, threading.current_thread() is threading.main_thread()))
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(Data, name, spy)
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for keys in (("enter",), ("escape", "m"), ("escape", "f"), ("escape", "slash", "t", "o")):
            await pilot.press(*keys)
            await pilot.pause(0.05)
            await settle(pilot)
    assert {name for name, _ in calls} >= {"overview", "stories", "count", "matrix", "feeds", "set_flag"}
    assert not any(on_main for _, on_main in calls)


def test_dates_in_panes_use_the_fixed_clock():
    from marketwatch.tui.render import ago, when

    assert when("2026-03-15T11:00:00Z", NOW) == "15 Mar"
    assert when("2025-12-01T00:00:00Z", NOW) == "1 Dec 2025"
    assert ago("2026-03-16T11:30:00Z", NOW) == "30 min ago"
    assert ago(None, NOW) == "never"
    assert ago((NOW - timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%SZ"), NOW) == "3 d ago"


@pytest.mark.parametrize(("tz", "published", "now", "said"), [
    # Yesterday evening seen this morning: 14 hours, and yesterday (it said "14 h ago").
    ("UTC", "2026-03-15T20:00:00Z", "2026-03-16T10:00:00Z", "1 d ago"),
    # Three calendar days back, 2 days and 14 hours: it said "2 d ago".
    ("UTC", "2026-03-13T20:00:00Z", "2026-03-16T10:00:00Z", "3 d ago"),
    # Earlier today stays in hours, and the last hour in minutes, even across midnight.
    ("UTC", "2026-03-16T00:30:00Z", "2026-03-16T10:00:00Z", "9 h ago"),
    ("UTC", "2026-03-15T23:50:00Z", "2026-03-16T00:10:00Z", "20 min ago"),
    # The days are the user's: 02:00 UTC on the 16th is the evening of the 15th in New York.
    ("America/New_York", "2026-03-16T02:00:00Z", "2026-03-16T14:00:00Z", "1 d ago"),
    ("Asia/Tokyo", "2026-03-15T16:00:00Z", "2026-03-16T02:00:00Z", "10 h ago"),
])
def test_days_ago_are_calendar_days_where_the_user_is(tz, published, now, said, monkeypatch):
    """A story from yesterday evening read this morning said "14 h ago", and one from three
    evenings back "2 d ago": days are counted as the calendar counts them, in local time."""
    import time
    from datetime import datetime

    from marketwatch.tui.render import ago

    monkeypatch.setenv("TZ", tz)
    time.tzset()
    try:
        assert ago(published, datetime.fromisoformat(now.replace("Z", "+00:00"))) == said
    finally:
        monkeypatch.undo()
        time.tzset()


def test_story_rows_name_the_first_pair_and_count_the_others():
    from marketwatch.story import Story
    from marketwatch.tui.render import story_row

    story = Story(id="x", title="Alliance signs MoU with Didi", url=None, published="2026-03-01T10:00:00Z",
                  summary="", kind="oem-tech", deal_type="mou", sentence=None, spans=(), read=False,
                  starred=False, companies=("Didi", "Mitsubishi", "Nissan", "Renault"),
                  pairs=(("Mitsubishi", "Didi"), ("Nissan", "Didi"), ("Renault", "Didi")))
    marker, date, title, who = story_row(story, NOW)
    assert (marker.plain, date.plain, who.plain) == ("● ", "1 Mar", "Mitsubishi – Didi +2")
    assert title.overflow == "ellipsis" and title.no_wrap  # long titles end in … in their column
    # In Renault's list (e), or the Renault–Didi cell of the matrix, Renault's pair comes first.
    assert story_row(story, NOW, ("Renault",))[3].plain == "Renault – Didi +2"
    assert story_row(story, NOW, ("Nissan", "Didi"))[3].plain == "Nissan – Didi +2"


def test_story_rows_name_a_pair_of_the_storys_own_deal_that_its_headline_names():
    """Not the first pair in alphabetical order: search listed the alliance's MoU with Didi
    as "BMW – Alibaba +5", a partnership its summary recalls in passing, and Volkswagen's
    joint venture with Rivian as "Audi – Rivian +3"."""
    from marketwatch.story import Story
    from marketwatch.tui.render import story_row

    def story(title, pairs, deals, deal, spans=()):
        return Story(id="x", title=title, url=None, published="2026-03-01T10:00:00Z", summary="", kind="oem-tech",
                     deal_type=deal, sentence=title, spans=spans, read=False, starred=False,
                     companies=tuple(sorted({c for p in pairs for c in p})), pairs=pairs, pair_deals=deals)

    mou = story("Renault-Nissan-Mitsubishi Alliance signs MoU with Didi to create EV sharing platform",
                (("BMW", "Alibaba"), ("Ford", "Alibaba"), ("Mitsubishi", "Didi"), ("Nissan", "Didi"),
                 ("Renault", "Didi"), ("Volvo Cars", "Alibaba")),
                ("partnership", "partnership", "mou", "mou", "mou", "partnership"), "mou",
                ((0, 34, "Renault-Nissan-Mitsubishi Alliance"), (50, 54, "Didi")))
    assert story_row(mou, NOW)[3].plain == "Mitsubishi – Didi +5"
    assert story_row(mou, NOW, ("BMW",))[3].plain == "BMW – Alibaba +5"  # BMW's list: its own pair
    jv = story("Volkswagen and Rivian launch $5.8bn software joint venture",
               (("Audi", "Rivian"), ("Porsche", "Rivian"), ("Seat", "Rivian"), ("Volkswagen", "Rivian")),
               ("joint-venture",) * 4, "joint-venture")
    assert story_row(jv, NOW)[3].plain == "Volkswagen – Rivian +3"
    # A company the headline names by an alias (Google for Alphabet) counts by the sentence's names.
    google = story("Google and Ford sign six-year deal", (("Ford", "Alibaba"), ("Ford", "Alphabet")),
                   ("partnership", "partnership"), "partnership", ((0, 6, "Alphabet"), (11, 15, "Ford")))
    assert story_row(google, NOW)[3].plain == "Ford – Alphabet +1"


async def test_a_refresh_process_while_the_dashboard_is_open_shows_its_stories_and_failing_feeds(
        server, make_config):
    """A cron refresh runs while the dashboard is open: neither sees "database is locked", the
    panes pick up the new tie-up, and the feeds screen names each failing feed's error."""
    import subprocess
    import sys

    server.routes["/good.xml"] = Reply(200, rss([{"title": "BMW and Baidu sign MoU on autonomous driving",
                                                  "link": "https://news.example.com/bmw-baidu", "guid": "c1",
                                                  "date": "Sun, 15 Mar 2026 09:00:00 GMT"}]))
    server.routes["/gone.xml"] = Reply(410, b"gone")
    server.routes["/page.html"] = Reply(200, b"<!DOCTYPE html><html><body>Hi</body></html>",
                                        {"Content-Type": "text/html"})
    config = load_config(make_config([server.url(p) for p in ("/good.xml", "/gone.xml", "/page.html")]))
    Store(config.settings.db).close()
    app = make_app(config, poll_interval=0.05)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        cron = subprocess.Popen([sys.executable, "-m", "marketwatch", "refresh", "--config", str(config.path)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        while cron.poll() is None:
            await pilot.pause(0.05)
        _, err = cron.communicate()
        assert cron.returncode == 1 and "locked" not in err and "Traceback" not in err
        for _ in range(100):
            await pilot.pause(0.05)
            await settle(pilot)
            if "BMW" in {p.company for p in panes(app)}:
                break
        assert {"BMW", "Baidu"} <= {p.company for p in panes(app)}
        await pilot.press("f")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        statuses = {table.get_cell_at((r, 1)).plain: table.get_cell_at((r, 0)).plain for r in range(table.row_count)}
        assert statuses["feed0"] == "ok" and statuses["feed1"] == "error 410"
        assert statuses["feed2"] == "error"  # the page came with 200 OK: "error 200" would mislead
        text = screen_text(app)
        assert "HTTP 410 Gone" in text and "not a feed: the server sent an HTML page" in text


def test_story_facts_wrap_in_their_column_and_long_links_fold():
    import io

    from rich.console import Console
    from rich.text import Text

    from marketwatch.tui.render import Facts

    link = "https://news.example.com/" + "a" * 40
    facts = Facts([("Date", Text("Sun 15 Mar 2026")), ("Companies", Text("Toyota, Pony.ai, Baidu, Didi, Nissan")),
                   ("Link", Text(link, overflow="fold"))])
    console = Console(width=30, file=io.StringIO(), record=True, color_system=None)
    console.print(facts)
    lines = console.export_text().splitlines()
    assert lines[0] == "Date       Sun 15 Mar 2026"
    assert [line.rstrip() for line in lines[1:3]] == ["Companies  Toyota, Pony.ai,", "           Baidu, Didi, Nissan"]
    assert lines[3].startswith("Link       https://") and all(len(line) <= 30 for line in lines)
    assert "".join(line[11:] for line in lines[3:]) == link  # folded, nothing lost


def test_sparkline_bars_run_from_none_to_the_busiest_week():
    assert sparkline([0, 1, 2, 4, 8]) == "▁▂▂▄█"  # any story shows above an empty week
    assert sparkline([0, 0, 0]) == "▁▁▁"
    assert sparkline([5, 5]) == "██"
    assert len(sparkline([3] * 12)) == 12


def test_pane_head_cuts_the_name_then_shortens_the_count_before_dropping_the_kind():
    """The kind (OEM, tech) went first, so that a long name's pane alone had none."""
    from marketwatch.tui.render import pane_head

    assert pane_head("Toyota", "OEM", 5, 4, 35).plain == "Toyota  OEM       5 stories · 4 new"
    assert pane_head("Mercedes-Benz", "OEM", 5, 5, 35).plain == "Mercedes-B…  OEM  5 stories · 5 new"
    assert pane_head("Mitsubishi", "OEM/tech", 407, 407, 35).plain == "Mitsubishi  OEM/tech  407 · 407 new"
    long = "Mitsubishi Motors Corp."
    assert pane_head(long, "OEM", 407, 407, 35).plain == "Mitsubishi Mot…  OEM  407 · 407 new"
    assert pane_head(long, "OEM", 407, 407, 44).plain == "Mitsubishi Moto…  OEM  407 stories · 407 new"
    narrow = pane_head("Renault-Nissan-Mitsubishi", "OEM", 1185, 3, 24).plain
    assert len(narrow) <= 24 and narrow.endswith("1185 · 3 new") and "…" in narrow


def test_feed_rows_cut_long_names_and_errors_with_an_ellipsis():
    from marketwatch.queries import FeedHealth
    from marketwatch.tui.screens.feeds import _row

    feed = FeedHealth("https://e.example.com/rss", "N" * 50, None, "error", 500, "E" * 100,
                      None, None, 3, 0, 0)
    cells = [cell.plain for cell in _row(feed, NOW)]
    assert cells[1] == "N" * 39 + "…" and cells[7] == "E" * 79 + "…"
    wide = [cell.plain for cell in _row(replace(feed, name="汽车" * 30), NOW)][1]
    assert cell_len(wide) == 39 and wide.endswith("…")  # cells, not characters: a CJK character takes two
    short = replace(feed, name="Reuters", error="HTTP 500")
    assert [cell.plain for cell in _row(short, NOW)][1::6] == ["Reuters", "HTTP 500"]


async def test_an_open_story_list_and_search_follow_a_refresh_by_another_process(config):
    """A list opened with e (or a search) kept "9 stories" under the notification of a tenth,
    even after the user's own r: only the panes, the feed screen and the matrix followed writes.
    Now the list is read again, its cursor staying on its story."""
    app = make_app(config, poll_interval=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        next(p for p in panes(app) if p.company == "Toyota").focus()
        await pilot.press("e")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        before = len(table.loaded)
        await pilot.press("down")
        under = table.story.id
        build_db(config, [("s20", 0, "Toyota signs deal with Baidu for robotaxi maps", "")], feed=1)
        for _ in range(100):
            await pilot.pause(0.05)
            if len(table.loaded) > before:
                break
        assert table.loaded[0].id == "s20" and len(table.loaded) == before + 1
        assert table.story.id == under and f"{before + 1} stories" in screen_text(app)
        await pilot.press("escape", "slash", *"pony")
        await settle(pilot)
        assert "3 stories match" in screen_text(app)
        build_db(config, [("s21", 0, "Ford and Pony.ai sign robotaxi deal", "")], feed=2)
        for _ in range(100):
            await pilot.pause(0.05)
            if "4 stories match" in screen_text(app):
                break
        assert "4 stories match" in screen_text(app)


async def test_the_matrix_legend_counts_one_oem_in_the_singular(tmp_path, make_config):
    config = load_config(make_config(["http://127.0.0.1:9/feed0.xml"]))
    config = replace(config, companies={name: c for name, c in config.companies.items()
                                        if name == "Toyota" or not c.is_oem})
    build_db(config)
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        legend = next(line for line in screen_text(app).splitlines() if "×" in line)
        assert "   ·   1 OEM × " in legend and " tech companies · " in legend


async def test_a_write_while_a_new_search_waits_shows_its_results_from_the_top(config, monkeypatch):
    """A refresh that arrived while the search box waited to run what was just typed kept the
    cursor's row of the previous query's results for the new ones."""
    monkeypatch.setattr(SearchScreen, "DEBOUNCE", 30.0)  # what is typed waits, however slow the machine

    async def typed(query: str) -> None:
        app.screen.query_one(Input).value = query
        await pilot.pause()  # its Changed message handled: the query waits for the pause after typing

    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await typed("toyota")
        app.screen._search(app.screen.generation)  # the pause over: it runs
        await settle(pilot)
        await pilot.press("enter", "down", "down")
        table = app.screen.query_one(DataTable)
        under = table.story.id
        assert table.cursor_row == 2
        await typed("baidu")
        app.screen.load()  # a refresh's write, while "baidu" waits
        await settle(pilot)
        ids = [s.id for s in table.loaded]
        assert app.screen.filter.search == "baidu" and under not in ids and len(ids) > 2
        assert table.cursor_row == 0


async def test_the_feed_screen_says_a_feeds_status_in_the_words_of_marketwatch_feeds(config):
    """A newcomer's review: `marketwatch feeds` said "same content" and "not modified (304)" where
    the feed screen said "unchanged" and "not-modified" for the same feeds."""
    with Store(config.settings.db) as store:
        ids = store.sync_feeds(config.feeds)
        first, second = (feed.url for feed in config.feeds[:2])
        store.record_fetch(ids[first], FetchResult(first, "unchanged", 200), NOW)
        store.record_fetch(ids[second], FetchResult(second, "not-modified", 304), NOW)
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        shown = screen_text(app)
        assert isinstance(app.screen, FeedsScreen)
        assert "same content" in shown and "not modified (304)" in shown
        assert "unchanged" not in shown and "not-modified" not in shown
