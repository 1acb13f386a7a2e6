"""Keys typed fast, or in orders nobody planned: each test here crashed the dashboard once."""

from __future__ import annotations

import time

import pytest
from test_tui_support import (
    NOW,
    anyio_backend,  # noqa: F401 - the dashboard tests' fixtures
    fixed_db,
    settle,
)
from textual import events
from textual.command import CommandPalette

from marketwatch.scope import resolve_scope
from marketwatch.tui.dashboard import MarketwatchApp

pytestmark = pytest.mark.anyio

ALLIANCE = "Renault-Nissan-Mitsubishi Alliance"

CHARACTERS = {"enter": "\r", "escape": "\x1b", "tab": "\t", "space": " ", "backspace": "\x7f"}


@pytest.fixture
def config(tmp_path, make_config):
    return fixed_db(tmp_path, make_config)


def make_app(config) -> MarketwatchApp:
    return MarketwatchApp(config, resolve_scope(config), now=NOW)


def typed(app, *keys: str) -> None:
    """Keys as a terminal delivers them when typed fast: all in one read, queued before the
    first of them is handled (pilot.press waits for each key's effects)."""
    for key in keys:
        character = CHARACTERS.get(key, key if len(key) == 1 else None)
        app.post_message(events.Key(key, character))


def survived(app) -> bool:
    return app._exception is None and app.return_code in (None, 0)


@pytest.fixture
def slow_story(monkeypatch):
    """Reading a story whole takes a while, as on a large database (100,000 stories)."""
    from marketwatch.tui.data import Data

    read = Data.story

    def slowly(self, story_id):
        time.sleep(0.3)
        return read(self, story_id)

    monkeypatch.setattr(Data, "story", slowly)


@pytest.fixture
def slow_panes(monkeypatch):
    """Reading a filter's panes takes a while, as on a large database."""
    from marketwatch.tui.data import Data

    read = Data.overview

    def slowly(self, *args, **kwargs):
        time.sleep(0.3)
        return read(self, *args, **kwargs)

    monkeypatch.setattr(Data, "overview", slowly)


def stack(app) -> list[str]:
    """The screens, bottom first; the command palette (Textual's or ours) as "palette"."""
    return ["palette" if isinstance(screen, CommandPalette) else type(screen).__name__
            for screen in app.screen_stack]


async def test_a_story_still_being_read_does_not_open_over_the_palette_opened_meanwhile(config, slow_story):
    """Enter on a headline, then Ctrl+P before the story was read: the story opened over the
    palette, and the next Ctrl+P (the palette, not on top, looked closed) opened a second one:
    `DuplicateIds: ... '--command-palette'`, a traceback and status 1."""
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        typed(app, "enter")
        await pilot.pause(0.05)  # Enter handled, the story being read
        typed(app, "ctrl+p")
        await settle(pilot)
        assert stack(app) == ["MainScreen", "palette"]
        typed(app, "ctrl+p", "escape")
        await settle(pilot)
        assert stack(app) == ["MainScreen"]
    assert survived(app)


async def test_pagedown_in_the_palette_before_its_list_is_laid_out_does_not_crash(config):
    """Ctrl+P, a letter and PageDown typed quickly: Textual's list looked the page up in lines
    it had not laid out yet, `KeyError: 0`, a traceback and status 1. Once shown, it pages."""
    from textual.command import CommandList

    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        typed(app, "ctrl+p", "e", "pagedown")
        await settle(pilot)
        assert stack(app) == ["MainScreen", "palette"]
        commands = app.screen.query_one(CommandList)
        assert commands.option_count > 1
        await pilot.press("pagedown")  # a page of two-line commands down
        assert commands.highlighted > 1
        await pilot.press("pageup")
        assert commands.highlighted == 0
    assert survived(app)


async def test_a_write_by_cron_while_a_chosen_filter_loads_still_closes_the_picker(config, monkeypatch):
    """The reload that follows a write (cron's refresh, or the dashboard's own) replaced the
    load of the filter just chosen, and with it the closing of the picker: the new panes were
    shown behind a picker that stayed open until Esc."""
    from marketwatch.store import Store
    from marketwatch.tui.data import Data

    read = Data.overview

    def slow_for_a_filter(self, companies, **kwargs):
        if companies is not None:  # the alliance's panes, as on a large database
            time.sleep(0.5)
        return read(self, companies, **kwargs)

    monkeypatch.setattr(Data, "overview", slow_for_a_filter)
    app = MarketwatchApp(config, resolve_scope(config), now=NOW, poll_interval=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a", "j", "enter")  # the alliance, being read
        with Store(config.settings.db) as store:  # meanwhile, another process writes
            store.set_flag("s02", "read", True)
        for _ in range(100):
            await pilot.pause(0.05)
            if len(app.screen_stack) == 1:
                break
        assert stack(app) == ["MainScreen"]
        assert app.scope.name == ALLIANCE
        assert f"│  {ALLIANCE}  │" in app.main.query_one("#topbar").render().plain
    assert survived(app)


async def test_enter_twice_in_the_palette_runs_the_command_once(config):
    """The second Enter reached the palette after the first had run the command and closed it,
    and closed it again, popping the main screen: `ScreenStackError: Can't pop screen`."""
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        typed(app, "enter", "enter")
        await settle(pilot)
        assert len(app.screen_stack) == 2 and not isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        assert stack(app) == ["MainScreen"]
    assert survived(app)


async def test_esc_before_a_slow_story_is_read_keeps_it_closed(config, slow_story):
    """Enter on a headline, then Esc while the story was still being read: it opened anyway."""
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        typed(app, "enter")
        await pilot.pause(0.05)
        typed(app, "escape")
        await pilot.pause(0.5)
        await settle(pilot)
        assert stack(app) == ["MainScreen"]
        typed(app, "enter")  # and the next Enter opens it
        await pilot.pause(0.5)
        await settle(pilot)
        assert stack(app) == ["MainScreen", "StoryScreen"]
    assert survived(app)


async def test_a_view_opened_while_a_filter_loads_stays_open(config, slow_panes):
    """A filter chosen in the palette, then m before its panes were read: the panes' arrival
    closed the matrix."""
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.set_scope(resolve_scope(config, alliance=ALLIANCE))
        typed(app, "m")
        await pilot.pause(0.6)
        await settle(pilot)
        assert stack(app) == ["MainScreen", "MatrixScreen"]
        assert [p.company for p in app.main.panes()] == ["Nissan", "Renault", "Mitsubishi"]
    assert survived(app)


async def test_keys_typed_after_a_deal_type_is_chosen_go_to_the_panes_it_shows(config, slow_panes):
    """d, Enter on joint ventures, then a, Down, Enter typed fast: the deal picker, waiting for
    the panes to close, took a, Down and Enter, and chose stakes instead; the alliance picker
    never opened. The keys typed after a choice now wait for its panes."""
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        typed(app, "d", "down", "down", "down", "down", "enter", "a", "down", "enter")
        for _ in range(60):
            await pilot.pause(0.05)
            if app.scope.name == ALLIANCE and len(app.screen_stack) == 1:
                break
        await settle(pilot)
        assert stack(app) == ["MainScreen"]
        assert (app.scope.name, app.scope.deal) == (ALLIANCE, "joint-venture")
        assert app.main.query_one("#topbar").scope_label == f"Joint ventures · Alliance: {ALLIANCE}"
    assert survived(app)


async def test_a_view_asked_for_while_a_chosen_deal_type_loads_opens_over_its_panes(config, slow_panes):
    """d, Enter, then e (or m) at once: the key went to the picker and did nothing."""
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        typed(app, "d", "down", "down", "down", "down", "enter", "e")
        for _ in range(60):
            await pilot.pause(0.05)
            if stack(app)[-1] == "StoriesScreen":
                break
        await settle(pilot)
        assert stack(app) == ["MainScreen", "StoriesScreen"]
        assert [s.id for s in app.screen.query_one("#stories").loaded] == ["s01", "s14"]  # Toyota's joint ventures
        await pilot.press("escape")
        await settle(pilot)
        typed(app, "d", "home", "enter", "m")  # every deal type again, and the matrix
        for _ in range(60):
            await pilot.pause(0.05)
            if stack(app)[-1] == "MatrixScreen":
                break
        await settle(pilot)
        assert stack(app) == ["MainScreen", "MatrixScreen"] and app.scope.deal is None
    assert survived(app)


async def test_keys_typed_with_the_one_that_opens_a_view_go_to_that_view(config):
    """"/toyota" pasted or typed fast: the search opened with an empty box, the letters sent
    to it before its box had the focus, and lost; "f", "j" left the feeds on the first row and
    "e", "j", Enter opened no story. Keys that reach a view before its focus is set go to the
    widget that then has it, in order."""
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        typed(app, "slash", *"toyota")
        await pilot.pause(0.1)
        await settle(pilot)
        assert stack(app) == ["MainScreen", "SearchScreen"]
        assert app.screen.query_one("#search").value == "toyota"
        await pilot.press("escape")
        await settle(pilot)
        typed(app, "slash", *"honda")  # the search again, kept from the first time
        await pilot.pause(0.1)
        await settle(pilot)
        assert app.screen.query_one("#search").value == "honda"
        await pilot.press("escape")
        await settle(pilot)
        typed(app, "f", "j")
        await pilot.pause(0.1)
        await settle(pilot)
        assert stack(app)[-1] == "FeedsScreen" and app.screen.query_one("DataTable").cursor_row == 1
        await pilot.press("escape")
        await settle(pilot)
        typed(app, "e", "j", "enter")
        for _ in range(40):
            await pilot.pause(0.05)
            if stack(app)[-1] == "StoryScreen":
                break
        assert stack(app) == ["MainScreen", "StoriesScreen", "StoryScreen"]
    assert survived(app)


async def test_keys_that_reach_a_view_before_its_focus_is_set_go_to_its_focused_widget(config):
    """Keys sent the moment a view is pushed, before it is composed: the app sends them to the
    screen itself (nothing has the focus yet), where nothing took them."""
    from marketwatch.tui.screens.stories import SearchScreen

    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(SearchScreen())
        typed(app, *"mobileye")
        await pilot.pause(0.1)
        await settle(pilot)
        assert app.screen.query_one("#search").value == "mobileye"
    assert survived(app)


async def test_keys_typed_before_a_lists_first_page_wait_for_it(config, monkeypatch):
    """"e", "j", Enter while the list is still being read (a large database): the cursor moved in an
    empty table and nothing opened. The keys wait for the first page: the second story opens."""
    from marketwatch.tui.data import Data

    read = Data.stories

    def slowly(self, *args, **kwargs):
        time.sleep(0.3)
        return read(self, *args, **kwargs)

    monkeypatch.setattr(Data, "stories", slowly)
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        typed(app, "e", "j", "enter")
        for _ in range(60):
            await pilot.pause(0.05)
            if stack(app)[-1] == "StoryScreen":
                break
        assert stack(app) == ["MainScreen", "StoriesScreen", "StoryScreen"]
        listed = app.screen_stack[1].query_one("#stories").loaded
        assert app.screen.story.id == listed[1].id  # j moved to the second before Enter opened it
    assert survived(app)


async def test_keys_that_move_the_feed_cursor_wait_for_the_feeds(config, monkeypatch):
    """"f" then "j" on a loaded machine: the feeds were still being read, "j" moved the cursor of
    an empty table, and the cursor stayed on the first feed."""
    from marketwatch.tui.data import Data

    read = Data.feeds

    def slowly(self, configured=None):
        time.sleep(0.3)
        return read(self, configured)

    monkeypatch.setattr(Data, "feeds", slowly)
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        typed(app, "f", "j", "j")
        await pilot.pause(0.1)
        assert app.screen.query_one("DataTable").row_count == 0  # still reading
        for _ in range(40):
            await pilot.pause(0.05)
            if app.screen.query_one("DataTable").row_count:
                break
        await settle(pilot)
        assert app.screen.query_one("DataTable").cursor_row == 2
    assert survived(app)
