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

from rich.table import Table
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

LINES_PER_HEADLINE = 2


class Headlines(Widget):
    """The pane's latest stories, two lines each, the one under the cursor highlighted."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"headlines--cursor", "headlines--cursor-blurred"}

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

    def get_content_height(self, container, viewport, width: int) -> int:
        return LINES_PER_HEADLINE * len(self.stories)

    def render(self) -> Text:
        width = max(1, self.size.width)
        cursor_style = self.get_component_rich_style(
            "headlines--cursor" if self.active else "headlines--cursor-blurred")
        out = Text(end="")
        for i, story in enumerate(self.stories):
            for line in render.headline(story, self.company, self.now).split("\n"):
                line.truncate(width, overflow="ellipsis", pad=True)
                if i == self.cursor:
                    line.stylize(cursor_style)
                out.append_text(line)
                out.append("\n")
        out.rstrip()
        return out

    def on_click(self, event: events.Click) -> None:
        event.stop()
        index = event.y // LINES_PER_HEADLINE
        if 0 <= index < len(self.stories):
            self.post_message(self.Clicked(index))


class CompanyPane(Vertical, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("left,h", "move('left')", "Left pane", show=False),
        Binding("right,l", "move('right')", "Right pane", show=False),
        Binding("enter", "open", "Open story"),
        Binding("space", "toggle_read", "Read/unread"),
        Binding("s", "star", "Star"),
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
        yield Static(self._head(), markup=False, classes="pane-head")
        with Horizontal(classes="pane-trend"):
            yield Sparkline(self.pane.weekly, classes="pane-spark")
            yield Static(self._trend(), markup=False, classes="pane-trend-label")
        yield Headlines(self.company, self.now)

    def on_mount(self) -> None:
        self._sync()

    def _head(self) -> Table:
        pane = self.pane
        name = Text(render.plain(pane.company), style="bold", end="", no_wrap=True, overflow="ellipsis")
        name.append("  " + render.plain(self.kind_label), style="dim")
        count = Text(f"{pane.count} {'story' if pane.count == 1 else 'stories'}", end="", no_wrap=True)
        if pane.unread:
            count.append(f" · {pane.unread} new", style="bold")
        table = Table.grid(expand=True, padding=(0, 0, 0, 1))
        table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        table.add_column(justify="right", no_wrap=True)
        table.add_row(name, count)
        return table

    def _trend(self) -> Text:
        weekly = self.pane.weekly
        return Text(f"{sum(weekly)} in {len(weekly)} wk", style="dim", no_wrap=True)

    def _sync(self) -> None:
        """Push the pane's state into its children."""
        headlines = self.query_one(Headlines)
        headlines.now = self.now
        headlines.stories = self.stories
        headlines.cursor = self.cursor
        headlines.active = self.has_focus

    # -- state ----------------------------------------------------------------------------------

    def update_pane(self, pane: Pane, now: datetime) -> None:
        """New data for the same company; keeps the cursor (clamped)."""
        self.pane = pane
        self.now = now
        self.set_reactive(CompanyPane.cursor, min(self.cursor, max(0, len(self.stories) - 1)))
        if self.is_mounted:
            self.query_one(".pane-head", Static).update(self._head())
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
        self._sync()

    def on_blur(self) -> None:
        self._sync()

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
