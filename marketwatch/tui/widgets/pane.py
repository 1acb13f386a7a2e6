"""A company pane: name, kind, story count, weekly sparkline and the latest headlines.

The pane is focusable and keeps a cursor on one headline. Up/down move the cursor; at either end,
and for left/right, the pane asks its screen (a `Move` message) to focus a neighbouring pane.
A pane is only a few widgets (the headlines are one of them), so that a screen of a hundred
panes still lays out quickly.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Sparkline, Static

from marketwatch.queries import Pane, Story
from marketwatch.tui import render

TITLE_LINES = 2  # a title wraps onto at most this many lines, then ends with …
INDENT = "  "  # under the marker, so that the dates stand in a column


class Headlines(Widget):
    """The pane's latest stories: a line of date and partners, then the title (up to two lines);
    the one under the cursor highlighted."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"headlines--cursor"}

    stories: reactive[tuple[Story, ...]] = reactive((), layout=True)
    cursor: reactive[int] = reactive(0)
    active: reactive[bool] = reactive(False)  # the pane has focus

    class Clicked(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, company: str, now: datetime) -> None:
        super().__init__(classes="headlines")
        self.company = company
        self.now = now
        self._cache: tuple[tuple, list[list[Text]]] | None = None

    def _blocks(self, width: int) -> list[list[Text]]:
        """Each story's lines at `width`, cached until the stories or the width change."""
        key = (width, self.stories, self.now)
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        blocks = [self._story_lines(story, width) for story in self.stories]
        self._cache = (key, blocks)
        return blocks

    def _story_lines(self, story: Story, width: int) -> list[Text]:
        meta = render.headline_meta(story, self.company, self.now)
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

    def get_content_height(self, container, viewport, width: int) -> int:
        return sum(len(block) for block in self._blocks(max(1, width)))

    def render(self) -> Text:
        # Only the focused pane shows its cursor: one highlighted headline, the one Enter opens.
        cursor = self.cursor if self.active else -1
        cursor_style = self.get_component_rich_style("headlines--cursor")
        out = Text(end="")
        for i, block in enumerate(self._blocks(max(1, self.size.width))):
            for line in block:
                line = line.copy()
                if i == cursor:
                    line.stylize(cursor_style)
                out.append_text(line)
                out.append("\n")
        out.rstrip()
        return out

    def line_of(self, index: int) -> int:
        """The first line of story `index` (for tests and clicks)."""
        return sum(len(block) for block in self._blocks(max(1, self.size.width))[:index])

    def index_at(self, y: int) -> int | None:
        """The story shown on line `y`, if any."""
        top = 0
        for i, block in enumerate(self._blocks(max(1, self.size.width))):
            if top <= y < top + len(block):
                return i
            top += len(block)
        return None

    def on_click(self, event: events.Click) -> None:
        event.stop()
        index = self.index_at(event.y)
        if index is not None:
            self.post_message(self.Clicked(index))


class PaneHead(Widget):
    """Name and kind on the left, story count on the right; the count shortens before the name
    is cut, and the name before the count disappears."""

    pane: reactive[Pane | None] = reactive(None)

    def __init__(self, pane: Pane, kind_label: str) -> None:
        super().__init__(classes="pane-head")
        self.kind_label = kind_label
        self.set_reactive(PaneHead.pane, pane)

    def render(self) -> Text:
        pane = self.pane
        if pane is None:
            return Text("")
        width = max(1, self.size.width)
        name = render.plain(pane.company)
        kind = render.plain(self.kind_label)
        counts = [render.plural(pane.count, "story", "stories"), str(pane.count)]
        for count in counts:
            right = Text(count, end="")
            if pane.unread:
                right.append(f" · {pane.unread} new", style="bold")
            if len(name) + 2 + len(kind) + 1 + right.cell_len <= width:
                break
        left = Text(end="")
        left.append(name, style="bold")
        if kind:
            left.append("  " + kind, style="dim")
        left.truncate(max(1, width - right.cell_len - 1), overflow="ellipsis")
        gap = max(1, width - left.cell_len - right.cell_len)
        return Text.assemble(left, " " * gap, right, end="", no_wrap=True)


class CompanyPane(Vertical, can_focus=True):
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
    limit: reactive[int] = reactive(5, init=False)  # headlines shown; the screen sets it by height

    class Move(Message):
        """Ask the screen to focus the pane in a direction (up/down/left/right)."""

        def __init__(self, pane: CompanyPane, direction: str) -> None:
            super().__init__()
            self.pane = pane
            self.direction = direction

    class Open(Message):
        def __init__(self, story: Story) -> None:
            super().__init__()
            self.story = story

    class Flag(Message):
        """Ask for a story's read or starred flag to be set."""

        def __init__(self, story: Story, flag: str, value: bool) -> None:
            super().__init__()
            self.story = story
            self.flag = flag
            self.value = value

    def __init__(self, pane: Pane, kind_label: str, now: datetime, limit: int = 5) -> None:
        super().__init__(classes="pane")
        self.pane = pane
        self.kind_label = kind_label
        self.now = now
        self.set_reactive(CompanyPane.limit, limit)

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

    def compose(self) -> ComposeResult:
        yield PaneHead(self.pane, self.kind_label)
        with Horizontal(classes="pane-trend"):
            yield Sparkline(self.pane.weekly, classes="pane-spark")
            yield Static(self._trend(), markup=False, classes="pane-trend-label")
        yield Headlines(self.company, self.now)

    def on_mount(self) -> None:
        self._sync()

    def _trend(self) -> Text:
        weekly = self.pane.weekly
        return Text(f"{sum(weekly)} in {len(weekly)} wk", style="dim", no_wrap=True)

    def _sync(self, active: bool | None = None) -> None:
        """Push the pane's state into its children. `active` is given by the focus handlers:
        ours run before Textual's own, so `has_focus` still has its old value there."""
        headlines = self.query_one(Headlines)
        headlines.now = self.now
        headlines.stories = self.stories
        headlines.cursor = self.cursor
        headlines.active = self.has_focus if active is None else active

    # -- state ----------------------------------------------------------------------------------

    def update_pane(self, pane: Pane, now: datetime) -> None:
        """New data for the same company; keeps the cursor (clamped)."""
        self.pane = pane
        self.now = now
        self.set_reactive(CompanyPane.cursor, min(self.cursor, max(0, len(self.stories) - 1)))
        if self.is_mounted:
            self.query_one(PaneHead).pane = pane
            self.query_one(Sparkline).data = pane.weekly
            self.query_one(".pane-trend-label", Static).update(self._trend())
            self._sync()
            self.query_one(Headlines).refresh()

    def replace_story(self, story: Story) -> None:
        """Show a story's new flags at once, before the reload confirms them."""
        old = next((s for s in self.pane.stories if s.id == story.id), None)
        if old is None:
            return
        unread = self.pane.unread + (old.read - story.read)
        stories = tuple(story if s.id == story.id else s for s in self.pane.stories)
        self.update_pane(dataclasses.replace(self.pane, stories=stories, unread=max(0, unread)), self.now)

    def watch_limit(self) -> None:
        self.set_reactive(CompanyPane.cursor, min(self.cursor, max(0, len(self.stories) - 1)))
        if self.is_mounted:
            self._sync()

    def watch_cursor(self) -> None:
        if self.is_mounted:
            self._sync()

    def on_focus(self) -> None:
        self._sync(active=True)

    def on_blur(self) -> None:
        self._sync(active=False)

    def go_first(self) -> None:
        self.cursor = 0

    def go_last(self) -> None:
        self.cursor = max(0, len(self.stories) - 1)

    # -- actions --------------------------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        target = self.cursor + step
        if 0 <= target < len(self.stories):
            self.cursor = target
        else:
            self.post_message(self.Move(self, "up" if step < 0 else "down"))

    def action_move(self, direction: str) -> None:
        self.post_message(self.Move(self, direction))

    def action_open(self) -> None:
        if self.story is not None:
            self.post_message(self.Open(self.story))

    def action_toggle_read(self) -> None:
        if self.story is not None:
            self.post_message(self.Flag(self.story, "read", not self.story.read))

    def action_star(self) -> None:
        if self.story is not None:
            self.post_message(self.Flag(self.story, "starred", not self.story.starred))

    def on_headlines_clicked(self, event: Headlines.Clicked) -> None:
        event.stop()
        self.focus()
        self.cursor = event.index
        self.action_open()
