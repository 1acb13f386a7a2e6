"""Textual's footer, rebuilt only when the keys it shows change.

Textual's `Footer` recomposes all of its keys whenever the screen's bindings are refreshed,
which happens on every focus change. Moving between company panes changes focus but not the
keys, and the rebuild (a dozen widgets restyled) made each move noticeably slower.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

COMPACT_BELOW = 120  # columns: narrower screens get the compact footer, so the main keys fit
PALETTE_BELOW = 100  # and below this the ^p key leaves the footer (it still works; ? lists it)


class KeysFooter(Footer):
    _shown: tuple | None = None

    def on_resize(self) -> None:
        width = self.app.size.width
        self.compact = width < COMPACT_BELOW
        palette = width >= PALETTE_BELOW
        if palette != self.show_command_palette:
            self.show_command_palette = palette
            if self._bindings_ready:
                self.call_after_refresh(self.recompose)

    def _signature(self, screen: Screen) -> tuple:
        return tuple((key, binding.description, binding.show, enabled, tooltip)
                     for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items())

    def bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            signature = self._signature(screen)
            if signature == self._shown and self._bindings_ready:
                return
            self._shown = signature
        super().bindings_changed(screen)
