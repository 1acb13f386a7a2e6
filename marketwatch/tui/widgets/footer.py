"""The bottom line of every screen: the keys that work here, drawn by one widget.

Textual's `Footer` is a widget per key, composed again whenever the screen's bindings change
(on every focus change) and first composed only after the screen's first refresh: opening a
screen cost two more layouts and a dozen widgets mounted, about half the time it took to open a
story. This footer draws the same line itself from the screen's active bindings whenever it is
painted, and is repainted when they change. A click on a key presses it; hovering shows what it
does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

COMPACT_BELOW = 120  # columns: narrower screens get the compact footer, so the main keys fit
PALETTE_BELOW = 100  # and below this the ^p key leaves the footer (it still works; ? lists it)
BORDER = "▏"  # before the command palette's key, at the right end
# The keys that leave a line too narrow for all of them, first to last (actions, "app." aside):
# Enter opens what is under the cursor, as everywhere, and the views are a letter away in ?.
# At 80 columns the main screen keeps its filters (d Deal went, for r Refresh to fit) and a
# story its own keys and r. What still does not fit is cut at the end: ? and q come first.
DROPPED_FIRST = ("open", "matrix", "feeds", "search")


_Part = tuple[Binding, bool, str, Text]  # a key to show: its binding, enabled, tooltip, and as drawn


@dataclass(frozen=True)
class _Key:
    binding: Binding
    enabled: bool
    tooltip: str
    start: int  # cells from the footer's left edge
    end: int


class KeysFooter(Widget, can_focus=False):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"keys--key", "keys--description", "keys--border"}
    ALLOW_SELECT = False

    def __init__(self) -> None:
        super().__init__()
        self._keys: list[_Key] = []
        self._signature: tuple | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        """Repaint when the keys to show changed; moving between panes changes the focus (and
        so the bindings, as Textual sees it) but not the keys."""
        if screen is self.screen and self.is_attached:
            shown = self._shown()
            signature = ([(b.key, b.description, enabled) for b, enabled, _ in shown[0]],
                         shown[1] and (shown[1][0].key, shown[1][1]))
            if signature != self._signature:
                self._signature = signature
                self.refresh()

    @property
    def compact(self) -> bool:
        return self.app.size.width < COMPACT_BELOW

    def _shown(self) -> tuple[list[tuple[Binding, bool, str]], tuple[Binding, bool, str] | None]:
        """The keys to show, one per action (the first binding of each) and one per description
        (the search's results said "q Back  esc Back": q leaves the search, Esc goes to its
        query, which "/ Edit search" says already), and the palette's."""
        active = self.screen.active_bindings
        seen: set[str] = set()
        said: set[str] = set()
        keys = []
        for _node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in seen and binding.description not in said:
                seen.add(binding.action)
                said.add(binding.description)
                keys.append((binding, enabled, tooltip or binding.tooltip or binding.description))
        palette = None
        if self.app.size.width >= PALETTE_BELOW and self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, tooltip = found
                palette = (binding, enabled, binding.tooltip or binding.description)
        return keys, palette

    def render(self) -> Text:
        width = max(1, self.size.width)
        key_style = self.get_component_rich_style("keys--key")
        description_style = self.get_component_rich_style("keys--description")
        compact = self.compact
        keys, palette = self._shown()
        parts: list[_Part] = []
        for binding, enabled, tooltip in keys:
            shown = self.app.get_key_display(binding)
            key, description = (shown, " " + binding.description) if compact else (
                f" {shown} ", binding.description + " ")
            part = Text.assemble((key, key_style), (description if binding.description else "", description_style))
            if not enabled:
                part.stylize("dim")
            parts.append((binding, enabled, tooltip, part))
        right = Text(end="", no_wrap=True)
        if palette is not None:
            binding, enabled, tooltip = palette
            right.append(BORDER, self.get_component_rich_style("keys--border"))
            right.append(self.app.get_key_display(binding), key_style)
            right.append(" " + binding.description + ("" if compact else " "), description_style)
            if not enabled:
                right.stylize("dim")
        room = max(0, width - right.cell_len)
        gap = 1 if compact else 0
        parts = _fitting(parts, room, gap)
        out = Text(end="", no_wrap=True, overflow="crop")
        self._keys = []
        for binding, enabled, tooltip, part in parts:
            start = out.cell_len
            out.append_text(part)
            self._keys.append(_Key(binding, enabled, tooltip, start, out.cell_len))
            out.append(" " * gap)
        out.truncate(room, pad=True)
        self._keys = [key for key in self._keys if key.end <= room]
        if palette is not None and right.cell_len <= width:
            self._keys.append(_Key(palette[0], palette[1], palette[2], room + 1, width))
            out.append_text(right)
        return out

    def _key_at(self, x: int) -> _Key | None:
        return next((key for key in self._keys if key.start <= x < key.end), None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.binding.key.split(",")[0].strip())
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self._key_at(event.x)
        self.tooltip = key.tooltip if key is not None and key.tooltip else None

    def on_resize(self) -> None:
        self._signature = None  # what fits, and whether compact, depends on the width
        self.refresh()


def _fitting(parts: list[_Part], room: int, gap: int) -> list[_Part]:
    """`parts` (binding, enabled, tooltip, text), less the keys of `DROPPED_FIRST` that must go,
    in its order, for the line to fit in `room` cells: the screen's own keys stay in view."""
    def width(kept: list[_Part]) -> int:
        return sum(part.cell_len for *_, part in kept) + gap * max(0, len(kept) - 1)

    for action in DROPPED_FIRST:
        if width(parts) <= room:
            break
        parts = [p for p in parts if p[0].action.removeprefix("app.") != action]
    return parts
