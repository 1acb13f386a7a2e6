"""Ctrl+P's command palette: Textual's, safe against keys typed faster than it draws.

- PageUp and PageDown before its list is laid out (the palette just opened, or the list just
  refilled after a key typed in it): Textual's list looked the page up in lines it had not laid
  out yet and took the dashboard down with `KeyError: 0` (Ctrl+P, a letter and PageDown typed
  quickly). Until the list is shown there is no page to move by, and those keys do nothing.
- Enter pressed twice: the first runs the command and closes the palette, and the second, queued
  for the palette's input already, ran the command again and closed "the palette" once more,
  popping the screen under it: `ScreenStackError` on the main screen. A palette no longer shown
  ignores what reaches it.
"""

from __future__ import annotations

import contextlib
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette
from textual.message import Message
from textual.widgets import Input, OptionList

_PAGES = ("page_up", "page_down")


class Palette(CommandPalette):
    # A modal screen hides the app's keys: Ctrl+C quits here too (its text box copies the text
    # selected first, if any).
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+c", "app.interrupt", show=False)]

    @on(Input.Submitted)
    @on(OptionList.OptionSelected)
    def _closed_already(self, event: Message) -> None:
        """Runs before `CommandPalette`'s own handlers, which it keeps from running."""
        if self.app.screen is not self:
            event.prevent_default()
            event.stop()

    def _action_command_list(self, action: str) -> None:
        if action not in _PAGES:
            super()._action_command_list(action)
            return
        if not self.query_one(CommandList).scrollable_content_region:
            return  # not laid out yet: no lines, no page
        # The list refilled (a key typed in the palette) between its layout and this key: its
        # highlight can name an option whose line is not counted yet. A fuzz run with a slow
        # database still met that `KeyError: 0` once; there is no page to move by then either.
        with contextlib.suppress(KeyError):
            super()._action_command_list(action)
