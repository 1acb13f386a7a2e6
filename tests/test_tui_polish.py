"""The dashboard polish two user reviews asked for, driven through Textual's pilot: what the
dashboard says of a damaged database, the year of an old story's date, `q` going back one
screen (and `Q` quitting), and the footer's keys at 80 columns."""

from __future__ import annotations

import pytest
from test_tui_support import (  # noqa: F401 - the dashboard tests' fixtures
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

from marketwatch.models import FetchResult
from marketwatch.scope import resolve_scope
from marketwatch.store import Store
from marketwatch.tui.dashboard import MarketwatchApp
from marketwatch.tui.screens.stories import SearchScreen
from marketwatch.tui.widgets.search_box import SearchBox
from marketwatch.tui.widgets.story_table import StoryTable

pytestmark = pytest.mark.anyio


@pytest.fixture
def config(tmp_path, make_config):
    return fixed_db(tmp_path, make_config)


def make_app(config, **kwargs) -> MarketwatchApp:
    return MarketwatchApp(config, resolve_scope(config), now=NOW, poll_interval=60, **kwargs)


# -- a damaged database ----------------------------------------------------------------------------


async def test_a_damaged_database_met_in_the_dashboard_is_said_in_the_words_of_the_commands(tmp_path, make_config):
    """A search that met a damaged page said SQLite's own words, "cannot read the database:
    database disk image is malformed", which named no file and no way out; `marketwatch
    stories` says one sentence, and the dashboard now says the same."""
    config = damaged_in_the_middle(tmp_path, make_config)
    db = config.settings.db
    damaged = (f"{db}: the database is damaged or is not a marketwatch database "
               "(it was left untouched; move it aside to start afresh)")
    app = make_app(config)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"hydrogen")
        await until(pilot, lambda: notes(app))
        assert set(notes(app)) == {damaged}


# -- dates of another year ---------------------------------------------------------------------------

NEXT_YEAR = NOW.replace(year=NOW.year + 1, month=1, day=2)


async def test_a_search_made_last_year_dates_last_years_stories_with_their_year(config):
    """The search is made once and kept: its table kept the clock of the day it was made, and
    on the 2nd of January a story of 15 March showed "15 Mar", as if it were of this year."""
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"robotaxi")
        await until(pilot, lambda: app.screen.query_one(StoryTable).loaded)
        assert dates_shown(app) == ["15 Mar", "1 Mar"]
        await pilot.press("escape")
        await settle(pilot)
        app._now = NEXT_YEAR  # the dashboard left open over New Year
        await pilot.press("slash", *"robotaxi")
        await until(pilot, lambda: app.screen.query_one(StoryTable).loaded)
        assert dates_shown(app) == ["15 Mar 2026", "1 Mar 2026"]


async def test_panes_left_open_over_new_year_date_last_years_stories_with_their_year(config, monkeypatch):
    """The panes were drawn again only when something was written: left open over New Year,
    they went on writing last year's stories as this year's."""
    from marketwatch.tui.screens import main as main_module

    monkeypatch.setattr(main_module, "TICK_S", 0.05)
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        toyota = app.main.panes()[0]
        assert "15 Mar  with Pony.ai" in toyota.render().plain
        app._now = NEXT_YEAR  # nothing written meanwhile
        await until(pilot, lambda: "15 Mar 2026  with Pony.ai" in toyota.render().plain)
        assert "15 Mar 2026  with Pony.ai" in toyota.render().plain


def dates_shown(app) -> list[str]:
    table = app.screen.query_one(StoryTable)
    return [table.get_cell_at((row, 1)).plain for row in range(table.row_count)]


# -- q goes back one screen, Q quits ----------------------------------------------------------------

# The keys that open each screen over the main one, and over another (a story over a list).
SCREENS = {
    "story": ("enter",),
    "company's stories": ("e",),
    "story from a list": ("e", "enter"),
    "starred": ("S",),
    "matrix": ("m",),
    "matrix cell": ("m", "enter"),
    "feeds": ("f",),
    "key list": ("question_mark",),
    "alliance picker": ("a",),
    "watchlist picker": ("w",),
    "deal picker": ("d",),
}


@pytest.mark.parametrize("opened", SCREENS.values(), ids=SCREENS.keys())
async def test_q_goes_back_one_screen_and_quits_only_from_the_main_one(config, opened):
    """q quit the whole dashboard from every screen; readers of feeds (newsboat) expect it to go
    back one, as Esc does, and to quit only from the main screen."""
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key in opened:
            await pilot.press(key)
            await settle(pilot)
        stack = list(app.screen_stack)
        assert len(stack) > 1
        await pilot.press("q")
        await settle(pilot)
        assert app.is_running and app.return_code is None and not app._exit
        assert app.screen_stack == stack[:-1]  # one screen back
        while app.screen is not app.main:
            await pilot.press("q")
            await settle(pilot)
        await pilot.press("q")
        await until(pilot, lambda: app.return_code is not None)
    assert app.return_code == 0


@pytest.mark.parametrize("opened", [(), *SCREENS.values()], ids=["main", *SCREENS.keys()])
async def test_shift_q_quits_from_every_screen(config, opened):
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key in opened:
            await pilot.press(key)
            await settle(pilot)
        await pilot.press("Q")
        await until(pilot, lambda: app.return_code is not None)
    assert app.return_code == 0 and app._exception is None


async def test_in_the_search_box_q_and_shift_q_are_letters(config):
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Qualcomm qi")
        await settle(pilot)
        assert app.is_running and app.screen.query_one(SearchBox).value == "Qualcomm qi"


async def test_from_the_search_results_q_and_shift_q_are_letters_of_the_query(config):
    """Typing a new query from the results ("Qualcomm") quit the dashboard at its Q, and
    "quanergy" left the search at its q."""
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"robotaxi", "enter")
        await settle(pilot)
        await pilot.press(*"Qualcomm quanergy")
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert type(app.screen).__name__ == "SearchScreen"
        assert app.screen.query_one(SearchBox).value == "robotaxiQualcomm quanergy"
        line = screen_text(app).splitlines()[-1]
        assert "esc Back" in line and "Q Quit" not in line and "q Back" not in line


@pytest.mark.parametrize(("opened", "footer"), [
    ((), "q Quit"),
    (("enter",), "q Back"),
    (("f",), "q Back"),
])
async def test_the_footer_says_what_q_does_here_and_that_shift_q_quits(config, opened, footer):
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key in opened:
            await pilot.press(key)
            await settle(pilot)
        line = screen_text(app).splitlines()[-1]
        assert footer in line
        assert ("Q Quit" in line) == bool(opened) and line.count("Back") == (1 if opened else 0)


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


# -- the footer at 80 columns ------------------------------------------------------------------------


@pytest.mark.parametrize(("opened", "wanted"), [
    ((), ("a Alliance", "w Watchlist", "d Deal", "? Keys", "q Quit", "/ Search", "r Refresh")),
    (("enter",), ("q Back", "o Open", "c Copy", "space Read", "s Star", "? Keys", "Q Quit", "r Refresh")),
    (("e",), ("q Back", "? Keys", "Q Quit", "/ Search", "m Matrix", "f Feeds", "r Refresh")),
], ids=["main", "story", "list"])
async def test_the_footer_keeps_the_important_keys_at_80_columns(config, opened, wanted):
    """At 80 columns the main screen's footer left out d (Deal), and a story's cut r (Refresh):
    the less needed keys (Enter's Open, then the matrix, the feeds) leave first, whole."""
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in opened:
            await pilot.press(key)
            await settle(pilot)
        line = screen_text(app).splitlines()[-1]
        for key in wanted:
            assert key in line, (key, line)
        assert line.rstrip().endswith(wanted[-1])  # the last key whole, not cut in its middle


async def test_a_damaged_read_met_again_by_the_reload_after_a_write_is_said_once(tmp_path, make_config, monkeypatch):
    """A search that met a damaged page said so; a write by another process (cron) then had the
    search read again, meet the same page, and say the same sentence a second time, stacked
    under the first (and so did each search run as the query was typed)."""
    monkeypatch.setattr(SearchScreen, "DEBOUNCE", 0.3)  # one search for the whole query
    config = damaged_in_the_middle(tmp_path, make_config)
    db = config.settings.db
    damaged = (f"{db}: the database is damaged or is not a marketwatch database "
               "(it was left untouched; move it aside to start afresh)")
    app = MarketwatchApp(config, resolve_scope(config), now=NOW, poll_interval=0.05)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"hydrogen")
        await until(pilot, lambda: notes(app))
        assert notes(app) == [damaged]
        reads = app.data.stories
        again = []
        monkeypatch.setattr(app.data, "stories", lambda flt: again.append(flt) or reads(flt))
        with Store(db) as store:  # cron writes: the search reads its results again
            store.set_flag("s01", "read", True)
        await until(pilot, lambda: again)
        for _ in range(10):
            await pilot.pause(0.02)
        assert again and notes(app) == [damaged]


@pytest.mark.parametrize(("view", "key", "offered"), [
    ("FeedsScreen", "f", "f Feeds"),
    ("MatrixScreen", "m", "m Matrix"),
])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_view_does_not_offer_the_key_that_opens_it(config, view, key, offered, size):
    """The feed screen's footer offered "f Feeds" and the matrix's "m Matrix": on the view they
    open, they do nothing. The other views' keys are still offered (at 120 columns; at 80 the
    least needed leave the footer first, `test_the_footer_keeps_the_important_keys_at_80_columns`)."""
    app = make_app(config)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        assert type(app.screen).__name__ == view
        line = screen_text(app).splitlines()[-1]
        assert offered not in line and "q Back" in line and "r Refresh" in line
        if size == (120, 40):
            assert ("m Matrix" if key == "f" else "f Feeds") in line
        await pilot.press(key)  # still nothing: the same view, not another one over it
        await settle(pilot)
        assert [type(s).__name__ for s in app.screen_stack] == ["MainScreen", view]


# -- x clears every filter -----------------------------------------------------------------------

ALLIANCE = "Renault-Nissan-Mitsubishi Alliance"


def footer(app) -> str:
    return screen_text(app).splitlines()[-1]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_x_clears_every_filter_at_once_and_is_offered_only_while_one_is_set(config, size):
    """Clearing a deal type and an alliance took a picker each: a, Home, Enter, then d, Home,
    Enter. x clears both (and a watchlist) in one key; the footer offers it, at 80 columns too,
    only while there is a filter to clear, and ? lists it."""
    from marketwatch.scope import ALL
    from marketwatch.tui.screens.help import sections

    app = make_app(config)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        everyone = [pane.company for pane in app.main.panes()]
        assert "x Clear filters" not in footer(app)
        await pilot.press("x")  # nothing to clear: nothing happens
        await settle(pilot)
        assert app.scope == ALL and [pane.company for pane in app.main.panes()] == everyone
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("down", "down", "down", "down", "enter")  # Joint ventures
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("down", "enter")  # the alliance
        await settle(pilot)
        assert app.scope.deal == "joint-venture" and app.scope.name == ALLIANCE
        assert "x Clear filters" in footer(app) and "r Refresh" in footer(app)
        await pilot.press("x")
        await settle(pilot)
        assert app.scope == ALL and [pane.company for pane in app.main.panes()] == everyone
        assert "Filter:  All " in screen_text(app).splitlines()[0] and "x Clear filters" not in footer(app)
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("down", "enter")  # a watchlist alone
        await settle(pilot)
        assert app.scope.kind == "watchlist" and "x Clear filters" in footer(app)
        await pilot.press("x")
        await settle(pilot)
        assert app.scope == ALL
    keys = dict(next(rows for title, rows in sections() if title.startswith("Companies")))
    assert keys["x"].startswith("Clear every filter")


async def test_x_clears_a_filter_given_on_the_command_line(config):
    app = MarketwatchApp(config, resolve_scope(config, alliance=ALLIANCE), now=NOW, poll_interval=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "x Clear filters" in footer(app)
        await pilot.press("x")
        await settle(pilot)
        assert app.scope.is_all and not app.scope.deal and "x Clear filters" not in footer(app)


# -- the feed screen at 80 columns ---------------------------------------------------------------


async def test_the_feed_screen_shows_each_feeds_status_tie_ups_and_error_at_80_columns(config):
    """At 80 columns the feed screen's eight columns took 90 cells: Entries, Tie-ups and Error
    were off to the right, with nothing to say the table scrolled sideways. The columns needed
    least leave (Entries, Last fetched, Fails), the error has the room that is left, cut with …,
    and the line under the table says what the columns left out said, for the highlighted feed;
    at 120 columns every column is back, the cursor on the same feed."""
    from rich.cells import cell_len
    from textual.widgets import DataTable

    long = "HTTP 503 Service Unavailable from the origin server after 3 retries"
    with Store(config.settings.db) as store:
        ids = store.sync_feeds(config.feeds)
        url = config.feeds[2].url
        store.record_fetch(ids[url], FetchResult(url, "error", 503, error=long), NOW)
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        lines = screen_text(app).splitlines()
        assert lines[2].split() == ["Status", "Feed", "Last", "OK", "Fails", "Tie-ups", "Error"]
        assert table.virtual_size.width <= table.size.width  # nothing off to the right
        rows = {name: line for line in lines[3:6] for name in ("feed0", "feed1", "feed2") if f" {name} " in line}
        assert rows["feed2"].split()[:2] == ["error", "503"] and "HTTP 503 Service U" in rows["feed2"]
        assert rows["feed2"].rstrip().endswith("…") and cell_len(rows["feed2"].rstrip()) <= 80
        assert rows["feed1"].split()[:2] == ["error", "500"] and "HTTP 500 Internal Server Error" in rows["feed1"]
        assert rows["feed0"].split()[0] == "ok" and rows["feed0"].split()[-1] == "13"  # its tie-ups
        assert app.screen.feeds[table.cursor_row].name == "feed1"
        detail = app.screen.query_one("#feed-detail").render().plain
        assert detail == ("http://127.0.0.1:9/feed1.xml\nlast fetched 2 h ago · 0 entries\n"
                          "HTTP 500 Internal Server Error")
        await pilot.press("j")
        detail = app.screen.query_one("#feed-detail").render().plain
        assert detail == f"http://127.0.0.1:9/feed2.xml\nlast fetched just now · 0 entries\n{long}"
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        lines = screen_text(app).splitlines()
        assert lines[2].split() == ["Status", "Feed", "Last", "fetched", "Last", "OK", "Fails", "Entries",
                                    "Tie-ups", "Error"]
        assert table.virtual_size.width <= table.size.width and long in screen_text(app)
        assert app.screen.feeds[table.cursor_row].name == "feed2"  # the feed the cursor was on
        assert app.screen.query_one("#feed-detail").render().plain == f"http://127.0.0.1:9/feed2.xml\n{long}"


def test_a_narrow_feed_screen_leaves_out_the_columns_needed_least_first():
    """The demo's feeds at 80 columns ("same content", names of 19 cells, an error): Entries,
    Last fetched and Fails go, the name stays whole and the error has 20 cells; at 120 every
    column shows, and at 60 Last OK goes too, the table still no wider than the screen."""
    from marketwatch.queries import FeedHealth
    from marketwatch.tui.screens.feeds import layout

    feeds = [FeedHealth(f"file:///demo/{name}.xml", f"demo: {name}", None, status, None, error,
                        "2026-03-16T12:00:00Z", "2026-03-16T12:00:00Z", 1 if error else 0, 32, 14)
             for name, status, error in (("autotrade", "error", "HTTP 503 Service Unavailable"),
                                         ("tech-mobility", "unchanged", None))]
    narrow = layout(80, feeds)
    assert list(narrow) == ["status", "feed", "ok", "stories", "error"]
    assert narrow["feed"] == len("demo: tech-mobility") and narrow["error"] == 20
    assert sum(narrow.values()) + 2 * len(narrow) <= 80 - 2
    assert list(layout(120, feeds)) == ["status", "feed", "fetched", "ok", "failures", "entries", "stories", "error"]
    small = layout(60, feeds)
    assert list(small) == ["status", "feed", "stories", "error"] and sum(small.values()) + 2 * len(small) <= 58
