"""`?`: every key binding of the dashboard, read from the bindings themselves so it never drifts."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from marketwatch.tui import render

KEY_NAMES = {
    "up": "↑", "down": "↓", "left": "←", "right": "→", "enter": "Enter", "escape": "Esc",
    "space": "Space", "slash": "/", "question_mark": "?", "tab": "Tab", "shift+tab": "Shift+Tab",
    "backspace": "Backspace", "ctrl+p": "Ctrl+P", "ctrl+q": "Ctrl+Q", "ctrl+c": "Ctrl+C",
}


def key_label(keys: str) -> str:
    return " ".join(KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


def sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """(title, [(keys, description)]) for each part of the dashboard."""
    from marketwatch.tui.dashboard import MarketwatchApp
    from marketwatch.tui.screens.feeds import FeedsScreen
    from marketwatch.tui.screens.main import MainScreen
    from marketwatch.tui.screens.matrix import MatrixScreen
    from marketwatch.tui.screens.picker import PickerScreen
    from marketwatch.tui.screens.stories import SearchResults, SearchScreen, StoriesScreen
    from marketwatch.tui.screens.story import StoryScreen
    from marketwatch.tui.widgets.pane import CompanyPane
    from marketwatch.tui.widgets.story_table import StoryTable
    from marketwatch.tui.widgets.table import KeyedTable

    def rows(*classes, extra=()) -> list[tuple[str, str]]:
        out = list(extra)
        for cls in classes:
            for binding in cls.BINDINGS:
                if isinstance(binding, Binding) and binding.description:
                    out.append((key_label(binding.key), binding.tooltip or binding.description))
        return out

    return [
        ("Everywhere", rows(MarketwatchApp, extra=[("Ctrl+P", "Command palette (every action; Theme)")])),
        ("Companies (main screen)", rows(MainScreen, extra=[("Tab Shift+Tab", "Next / previous pane")])),
        ("In a company pane", rows(CompanyPane)),
        ("Marks (panes and story lists)", [(render.UNREAD, "New: not read yet (Space marks it read)"),
                                           (render.STARRED, "Starred with s (S lists them)"),
                                           (render.UNREAD + render.STARRED, "New and starred")]),
        ("Story", rows(StoryScreen)),
        ("Search", rows(SearchScreen, KeyedTable, StoryTable, SearchResults,
                        extra=[("Enter", "To the results / open the story"),
                               ("Home End", "First / last result, from the results"),
                               ("letters", "Typed into the search, from the results too (but for their keys here);"
                                           " q and Q are letters too"),
                               # The search box's own (Textual's Input), which no binding here lists.
                               ("Ctrl+U", "Clear the search box (what is left of the cursor), from the results too")])),
        ("Story lists", rows(StoriesScreen, KeyedTable, StoryTable, extra=[("Enter", "Open story"),
                                                                        ("Home End", "First / last story")])),
        ("Tie-up matrix", rows(MatrixScreen, extra=[("Arrows h j k l", "Move between cells"),
                                                    ("Home End", "First / last tech company"),
                                                    ("Ctrl+Home Ctrl+End", "First / last OEM"),
                                                    ("PgUp PgDn", "A screenful of OEMs up / down"),
                                                    ("Enter, click", "List the cell's stories")])),
        ("Feeds", rows(FeedsScreen, extra=[("Home End", "First / last feed")])),
        ("Filter picker", rows(PickerScreen, extra=[("Enter", "Apply")])),
    ]


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape,question_mark", "app.pop_screen", "Close"),  # q: back one, as on every screen
        Binding("Q", "app.quit", show=False),  # the app's own Q, which a modal screen hides
        Binding("ctrl+c", "app.interrupt", show=False),  # and its Ctrl+C
        Binding("j,down", "scroll(1)", "Scroll down", show=False),
        Binding("k,up", "scroll(-1)", "Scroll up", show=False),
    ]

    def compose(self) -> ComposeResult:
        parts = sections()
        key_width = max(len(keys) for _, bindings in parts for keys, _ in bindings)
        with VerticalScroll(id="help"):
            yield Static(Text("Keys  (q, Esc or ? closes)", style="bold"), markup=False, id="help-title")
            for title, bindings in parts:
                table = Table.grid(padding=(0, 2))
                table.add_column(style="bold cyan", no_wrap=True, width=key_width)
                table.add_column()
                seen = set()
                for keys, description in bindings:
                    if (keys, description) not in seen:
                        seen.add((keys, description))
                        table.add_row(Text(keys), Text(description))
                yield Static(Group(Text(title, style="bold underline"), table), markup=False,
                             classes="help-section")
            yield Static(self._files(key_width), markup=False, classes="help-section")

    def _files(self, key_width: int) -> Group:
        """Which config and database this dashboard reads: a `./config.toml` (the clone's own, in
        the folder the dashboard was started from) comes before the user's, which cron uses."""
        config = self.app.config
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold cyan", no_wrap=True, width=key_width)
        table.add_column()
        for label, path in (("Config", config.path or "none (the defaults)"), ("Database", config.settings.db)):
            table.add_row(Text(label), Text(render.plain(path), overflow="fold"))  # whole, on as many lines
        # What nothing else on the screen tells: the dashboard fetches by itself (it began doing so
        # two seconds after a first start, unexplained).
        from marketwatch.demo import is_demo

        minutes = config.settings.auto_refresh
        # (the demo turns it off whatever the config above says: its sample feeds never change)
        table.add_row(Text("Auto refresh"), Text(
            f"every {minutes} min, when the newest fetch (its own or a cron job's) is older; "
            "settings.auto_refresh = 0 turns it off" if minutes
            else "off in the demo (its sample feeds never change)" if is_demo(config)
            else "off (settings.auto_refresh = 0)"))
        return Group(Text("Files and refresh", style="bold underline"), table)

    def reopen(self) -> None:
        """Shown again (the app keeps the screen): from the top, not where it was left."""
        self.query_one("#help", VerticalScroll).scroll_home(animate=False, immediate=True)

    def action_scroll(self, step: int) -> None:
        self.query_one("#help", VerticalScroll).scroll_relative(y=step, animate=False, immediate=True)
