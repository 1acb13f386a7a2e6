"""Ctrl+P's command palette, as Textual's, with PageUp and PageDown safe to press at once.

Textual's list of commands works out where its lines are when it is laid out; until then (the
palette just opened, or the list just refilled after a key typed in it) PageUp and PageDown
looked a line up in an empty table and took the dashboard down with `KeyError: 0`: Ctrl+P, a
letter and PageDown typed quickly did it. Here such a page move waits for the list's layout.
"""

from __future__ import annotations

from textual.command import CommandList, CommandPalette

_PAGES = ("page_up", "page_down")


class Palette(CommandPalette):
    def _action_command_list(self, action: str) -> None:
        if action in _PAGES and not self._laid_out():
            self.call_after_refresh(self._page_when_laid_out, action)
            return
        super()._action_command_list(action)

    def _page_when_laid_out(self, action: str) -> None:
        """Still not laid out (no command matches, so the list is empty): nothing to page."""
        if self._laid_out():
            super()._action_command_list(action)

    def _laid_out(self) -> bool:
        return bool(self.query_one(CommandList).scrollable_content_region)
