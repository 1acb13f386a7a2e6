"""A company pane: name, kind, story count, weekly sparkline and the latest headlines.

The pane is focusable and keeps a cursor on one headline. Up/down move the cursor; at either end,
and for left/right, the pane asks its screen (a `Move` message) to focus a neighbouring pane.

A pane is one widget that draws all of it (the head, the sparkline, the headlines), so that a
screen of a hundred companies is a hundred widgets rather than seven hundred: Textual's cost of
mounting, styling and laying out grows with the number of widgets, and that cost was most of the
dashboard's start-up time and of every move between panes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from marketwatch.overview import Pane
from marketwatch.story import Story
from marketwatch.tui import render
from marketwatch.tui.widgets.story_actions import StoryActions

TITLE_LINES = 2  # a title wraps onto at most this many lines, then ends with …
INDENT = "   "  # under the marks (`render.marks`), so that the titles start where the dates do
HEAD_LINES = 2  # the name line and the sparkline line, above the headlines
SPARK_WIDTH = 12  # cells: one bar per week


def with_story(pane: Pane, story: Story) -> Pane:
    """`pane` with `story`'s flags (and its unread count to match), if it shows the story."""
    old = next((s for s in pane.stories if s.id == story.id), None)
    if old is None:
        return pane
    unread = pane.unread + (old.read - story.read)
    new = dataclasses.replace(old, read=story.read, starred=story.starred)
    stories = tuple(new if s.id == story.id else s for s in pane.stories)
    return dataclasses.replace(pane, stories=stories, unread=max(0, unread))


class CompanyPane(StoryActions, Widget, can_focus=True):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"pane--cursor", "pane--spark-min", "pane--spark-max"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", "Up", show=False, tooltip="Previous headline (then the pane above)"),
        Binding("down,j", "cursor(1)", "Down", show=False, tooltip="Next headline (then the pane below)"),
        Binding("left,h", "move('left')", "Left pane", show=False, tooltip="The pane on the left"),
        Binding("right,l", "move('right')", "Right pane", show=False, tooltip="The pane on the right"),
        Binding("enter", "open", "Open", tooltip="Open the story under the cursor"),
        Binding("space", "toggle_read", "Read", show=False, tooltip="Mark the story read or unread"),
        Binding("s", "star", "Star", show=False, tooltip="Star or unstar the story"),
    ]

    cursor: reactive[int] = reactive(0, init=False)
    limit: reactive[int] = reactive(5, init=False, layout=True)  # headlines shown; set by the screen

    def __init__(self, pane: Pane, kind_label: str, now: datetime, limit: int = 5, *,
                 on_move: Callable[[CompanyPane, str], Awaitable[None]] | None = None) -> None:
        super().__init__(classes="pane")
        self.pane = pane
        self.kind_label = kind_label
        self.now = now
        self.set_reactive(CompanyPane.limit, limit)
        self._on_move = on_move
        self._cache: tuple[tuple, list[list[Text]]] | None = None
        self._strips: tuple[tuple, list[Strip]] | None = None

    def allow_focus(self) -> bool:
        """A company not shown now keeps its widget, hidden (`MainScreen`): Textual, giving the
        focus back to a screen that has none, took the first widget it found, hidden or not."""
        return self.display and super().allow_focus()

    @property
    def company(self) -> str:
        return self.pane.company

    @property
    def stories(self) -> tuple[Story, ...]:
        return self.pane.stories[: self.limit]

    @property
    def story(self) -> Story | None:
        stories = self.stories
        return stories[self.cursor] if 0 <= self.cursor < len(stories) else None

    # -- drawing ----------------------------------------------------------------------------------

    def _blocks(self, width: int) -> list[list[Text]]:
        """Each shown story's lines at `width`, cached until the stories or the width change."""
        units = self.app.units_of(self.company)  # a config edit may change what it owns
        key = (width, self.stories, render.day(self.now), units)  # dates show the year, if not this one
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        blocks = [self._story_lines(story, width, units) for story in self.stories]
        self._cache = (key, blocks)
        return blocks

    def _story_lines(self, story: Story, width: int, units: frozenset[str]) -> list[Text]:
        """A line of date, partners and deal type, then the title on up to two lines."""
        meta = render.headline_meta(story, self.company, self.now, units)
        meta.truncate(width, overflow="ellipsis", pad=True)
        room = max(1, width - len(INDENT))
        wrapped = list(render.headline_title(story).wrap(self.app.console, room))
        for part in wrapped:
            part.rstrip()
        if len(wrapped) > TITLE_LINES:
            rest = Text(" ", end="").join(wrapped[TITLE_LINES - 1:])
            wrapped = [*wrapped[:TITLE_LINES - 1], rest]
        lines = [meta]
        for part in wrapped or [Text("")]:
            part.truncate(room, overflow="ellipsis", pad=True)
            lines.append(Text(INDENT, end="") + part)
        return lines

    def _trend(self, width: int) -> Text:
        """The sparkline, each bar coloured from the quietest to the busiest week, and its total."""
        weekly = self.pane.weekly
        low = Color.from_rich_color(self.get_component_rich_style("pane--spark-min").color)
        high = Color.from_rich_color(self.get_component_rich_style("pane--spark-max").color)
        top = max(weekly, default=0) or 1
        out = Text(end="", no_wrap=True)
        for bar, value in zip(render.sparkline(weekly), weekly, strict=True):
            out.append(bar, Style(color=low.blend(high, max(0, value) / top).rich_color))
        out.append(" " * max(0, SPARK_WIDTH + 1 - len(weekly)))
        out.append(render.trend_label(weekly), style="dim")
        out.truncate(width, overflow="crop")
        return out

    def get_content_height(self, container, viewport, width: int) -> int:
        return HEAD_LINES + sum(len(block) for block in self._blocks(max(1, width)))

    def _lines(self) -> list[Text]:
        """Every line of the pane's content, each as wide as the content area at most."""
        width = max(1, self.content_size.width)
        pane = self.pane
        lines = [render.pane_head(pane.company, self.kind_label, pane.count, pane.unread, width),
                 self._trend(width)]
        # Only the focused pane shows its cursor: one highlighted headline, the one Enter opens.
        cursor = self.cursor if self.has_focus else -1
        cursor_style = self.get_component_rich_style("pane--cursor") if cursor >= 0 else None
        for i, block in enumerate(self._blocks(width)):
            for line in block:
                if i == cursor:
                    line = line.copy()
                    line.stylize(cursor_style)
                lines.append(line)
        return lines

    def render(self) -> Text:
        out = Text("\n", end="", no_wrap=True, overflow="crop").join(self._lines())
        out.no_wrap, out.overflow = True, "crop"
        return out

    def render_line(self, y: int) -> Strip:
        """A line of content, as segments straight from its rich Text: Textual's own path from a
        rendered Text to lines of segments cost several times more than drawing the pane. The
        lines are made once until something they show changes (`_invalidate`, or the size, the
        focus, the cursor and the colours, which are cheap to compare on every line)."""
        base = self.visual_style.rich_style  # the colours (focus, theme); cached by Textual
        key = (self.outer_size, self.has_focus, self.cursor, base)
        if self._strips is None or self._strips[0] != key:
            console = self.app.console
            strips = [Strip(list(Segment.apply_style(line.render(console), base)), line.cell_len)
                      for line in self._lines()]
            self._strips = (key, strips)
        strips = self._strips[1]
        if 0 <= y < len(strips):
            return strips[y]
        return Strip.blank(max(1, self.content_size.width), base)

    def _invalidate(self) -> None:
        self._strips = None

    def line_of(self, index: int) -> int:
        """Where story `index` starts, in lines from the pane's top edge (for clicks and tests)."""
        blocks = self._blocks(max(1, self.content_size.width))
        return self.styles.gutter.top + HEAD_LINES + sum(len(block) for block in blocks[:index])

    def index_at(self, y: int) -> int | None:
        """The story shown on content line `y`, if any."""
        top = HEAD_LINES
        for i, block in enumerate(self._blocks(max(1, self.content_size.width))):
            if top <= y < top + len(block):
                return i
            top += len(block)
        return None

    # -- state ----------------------------------------------------------------------------------

    def update_pane(self, pane: Pane, now: datetime, kind_label: str | None = None) -> None:
        """New data for this pane: the cursor stays on its headline (clamped) for the same
        company, goes to the top for another; the same data as drawn changes nothing."""
        if pane == self.pane and render.day(now) == render.day(self.now) and kind_label in (None, self.kind_label):
            return  # as drawn: the lines already made stay
        if pane.company != self.pane.company:
            self.set_reactive(CompanyPane.cursor, 0)
        if kind_label is not None:
            self.kind_label = kind_label
        height = self._height()
        self.pane = pane
        self.now = now
        self._invalidate()
        self.set_reactive(CompanyPane.cursor, min(self.cursor, max(0, len(self.stories) - 1)))
        if self.is_mounted:
            self.refresh(layout=self._height() != height)

    def _height(self) -> int | None:
        if not self.is_mounted or not self.content_size.width:
            return None
        return HEAD_LINES + sum(len(block) for block in self._blocks(self.content_size.width))

    def replace_story(self, story: Story) -> None:
        """Show a story's new flags at once, before the reload confirms them."""
        pane = with_story(self.pane, story)
        if pane is not self.pane:
            self.update_pane(pane, self.now)

    def watch_limit(self) -> None:
        self.set_reactive(CompanyPane.cursor, min(self.cursor, max(0, len(self.stories) - 1)))
        self._invalidate()

    def watch_cursor(self) -> None:
        self.refresh()
        if self.has_focus:  # the grid scrolled away from it (PageDown, the wheel): j and k bring it back
            self.scroll_visible(animate=False, immediate=True)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def go_first(self) -> None:
        self.cursor = 0

    def go_last(self) -> None:
        self.cursor = max(0, len(self.stories) - 1)

    # -- actions --------------------------------------------------------------------------------

    async def action_cursor(self, step: int) -> None:
        target = self.cursor + step
        if 0 <= target < len(self.stories):
            self.cursor = target
        else:
            await self.action_move("up" if step < 0 else "down")

    async def action_move(self, direction: str) -> None:
        """The screen's `on_move` focuses the pane in that direction (up/down/left/right). It is
        awaited here, not sent as a message, so that a key typed right after this one goes to
        the pane moved to: a message, and the focus it set, came after that key."""
        if self._on_move is not None:
            await self._on_move(self, direction)

    def action_open(self) -> None:
        self.scroll_visible(animate=False, immediate=True)  # what Enter opens is on the screen behind
        self.open_current()

    def on_click(self, event: events.Click) -> None:
        event.stop()
        offset = event.get_content_offset(self)
        index = self.index_at(offset.y) if offset is not None else None
        self.focus()
        if index is not None:
            self.cursor = index
            self.action_open()
