"""Keys typed fast, or in orders nobody planned: each test here crashed the dashboard once."""

from __future__ import annotations

import pytest
from test_tui_support import NOW, fixed_db, settle
from textual import events
from textual.command import CommandPalette

from marketwatch.scope import resolve_scope
from marketwatch.tui.dashboard import MarketwatchApp

pytestmark = pytest.mark.anyio

CHARACTERS = {"enter": "\r", "escape": "\x1b", "tab": "\t", "space": " ", "backspace": "\x7f"}


@pytest.fixture
def anyio_backend():
    return "asyncio"


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


def stack(app) -> list[str]:
    """The screens, bottom first; the command palette (Textual's or ours) as "palette"."""
    return ["palette" if isinstance(screen, CommandPalette) else type(screen).__name__
            for screen in app.screen_stack]


async def test_pagedown_in_the_palette_before_its_list_is_laid_out_pages_instead_of_crashing(config):
    """Ctrl+P, a letter and PageDown typed quickly: Textual's list looked the page up in lines
    it had not laid out yet, `KeyError: 0`, a traceback and status 1."""
    from textual.command import CommandList

    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        typed(app, "ctrl+p", "e", "pagedown")
        await settle(pilot)
        commands = app.screen.query_one(CommandList)
        assert stack(app) == ["MainScreen", "palette"]
        assert commands.option_count > 1 and commands.highlighted == commands.option_count - 1
        typed(app, "pageup")
        await settle(pilot)
        assert commands.highlighted == 0
    assert survived(app)
