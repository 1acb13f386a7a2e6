"""A small modal list to choose the filter: an alliance or a watchlist, or All."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from marketwatch.tui import render

ALL = "\x00all"  # option id of "All"; cannot clash with a name from the config


class PickerScreen(ModalScreen[None]):
    """Calls `choose` with the chosen name or ALL, and stays until the app closes it (when the
    choice has been applied); Esc closes it without a choice."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "cancel", "Cancel"),  # q goes back one screen, as everywhere but the main one
        # A modal screen hides the app's keys: Q quits here too, as everywhere else.
        Binding("Q", "app.quit", show=False),
        Binding("ctrl+c", "app.interrupt", show=False),
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
    ]

    def __init__(self, title: str, choices: list[tuple[str, str]], current: str | None,
                 choose: Callable[[str], None], all_about: str = "no narrowing") -> None:
        """`choices`: (name, description) pairs; `current`: the name now applied (None: All),
        `all_about` what All means here."""
        super().__init__()
        self.all_about = all_about
        self.title_text = title
        self.choices = choices
        self.current = current
        self.choose = choose

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(Text(self.title_text, style="bold"), id="picker-title", markup=False)
            yield OptionList(*self._options(), id="picker-list")

    def _options(self) -> list[Option]:
        options = [Option(self._label("All", self.all_about, self.current is None), id=ALL)]
        options += [Option(self._label(name, about, name == self.current), id=name)
                    for name, about in self.choices]
        if not self.choices:
            options.append(Option(Text("(none in the config)", style="dim"), disabled=True))
        return options

    def on_mount(self) -> None:
        self._highlight()

    def _highlight(self) -> None:
        options = self.query_one(OptionList)
        ids = [ALL] + [name for name, _ in self.choices]
        options.highlighted = ids.index(self.current) if self.current in ids else 0

    def reopen(self, current: str | None, choices: list[tuple[str, str]]) -> None:
        """Show the picker again (the app keeps it), with the choices of the config as it is now
        (it may have been edited), marking what is applied now."""
        self.current = current
        self.choices = choices
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options())
        self._highlight()

    @staticmethod
    def _label(name: str, about: str, current: bool) -> Text:
        """One line per choice: the name, then its members, cut with … where the line ends."""
        out = Text(end="", no_wrap=True, overflow="ellipsis")
        out.append("✓ " if current else "  ", style="bold green")
        out.append(render.plain(name), style="bold")
        if about:
            out.append("  " + render.plain(about), style="dim")
        return out

    def can_choose(self) -> bool:
        """Whether Enter now chooses (the cursor is on a choice, not on "none in the config")."""
        options = self.query_one(OptionList)
        index = options.highlighted
        return index is not None and not options.get_option_at_index(index).disabled

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.choose(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss()

    def action_cursor(self, step: int) -> None:
        options = self.query_one(OptionList)
        options.action_cursor_down() if step > 0 else options.action_cursor_up()
