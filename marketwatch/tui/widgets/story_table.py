"""A table of stories (search results, a matrix cell's stories) that pages as you scroll down."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from marketwatch.story import Story
from marketwatch.tui import render
from marketwatch.tui.widgets.story_actions import StoryActions
from marketwatch.tui.widgets.table import KeyedTable

WHO_WIDTH = 26
WHO_MAX = 44
DATE_LEAST = 4  # "Date"; the column is as wide as its longest date ("15 Mar", "1 Dec 2025")


_NOT_HELD = frozenset({"escape", "backspace", "question_mark", "ctrl+c", "ctrl+q", "q", "Q"})


class StoryTable(StoryActions, KeyedTable):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_read", "Read", show=False, tooltip="Mark the story read or unread"),
        Binding("s", "star", "Star", show=False, tooltip="Star or unstar the story"),
    ]

    class NeedMore(Message):
        """The cursor is near the end of what is loaded and more rows exist."""

    def __init__(self, now: datetime, *, lead: tuple[str, ...] = (), id: str | None = None) -> None:
        """`lead`: the companies the list is about, whose pairs its Who column names first."""
        super().__init__(cursor_type="row", zebra_stripes=False, id=id)
        self.now = now
        self.lead = lead
        self.loaded: list[Story] = []
        self.total = 0
        self.date_width = DATE_LEAST
        self._before_rows: list[events.Key] | None = []  # keys typed before the first page came

    def on_key(self, event: events.Key) -> None:
        """Keys typed with the one that opened the list ("e", "j", Enter in one burst) reached it
        before its first page was read: the cursor moved in an empty table and nothing opened.
        They wait for the page (`set_stories`), then go on as typed. Not "?" nor the keys that
        leave (Esc, Backspace), which act at once."""
        if self._before_rows is not None and event.key not in _NOT_HELD:
            event.stop()
            event.prevent_default()
            self._before_rows.append(events.Key(event.key, event.character))

    def on_mount(self) -> None:
        self.add_column(Text(""), width=2, key="mark")  # `●★`: unread, starred
        self.add_column(Text("Date"), width=self.date_width, key="date")
        self.add_column(Text("Title"), width=40, key="title")
        self.add_column(Text("Who"), width=WHO_WIDTH, key="who")
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Give the title whatever width the other columns leave (titles are cut with …). The
        date takes what its longest date needs: 11 cells for "15 Mar" left 5 blank beside a
        title cut short at 80 columns."""
        if not self.columns or not self.size.width:
            return
        # 4 columns, each with a cell padding of 1 on both sides, plus the scrollbar.
        # Who grows on a wide screen ("Volkswagen – Horizon Robotics" was cut at 200 columns beside
        # a half-empty title)
        who = max(WHO_WIDTH, min(WHO_MAX, self.size.width // 4))
        width = max(20, self.size.width - 2 - self.date_width - who - 4 * 2 * self.cell_padding - 2)
        changed = False
        for key, size in (("date", self.date_width), ("title", width), ("who", who)):
            column = self.columns[ColumnKey(key)]
            if column.width != size:
                column.width, column.auto_width, changed = size, False, True
        if changed:
            self._require_update_dimensions = True
            self.refresh()

    def set_stories(self, stories: list[Story], total: int, *, keep_place: bool = False,
                    at: str | None = None, now: datetime | None = None) -> None:
        """`keep_place`: the same list read again, the cursor staying on its story (or its row,
        if that story is no longer listed); `at`: the story to start on, where it is listed;
        `now`: the clock the dates are written against, if it moved on since the table was made
        (the search is kept all day: made last year, it wrote last year's stories without their year)."""
        if now is not None:
            self.now = now
        row, current = self.cursor_row, self.story
        self.clear()
        self.loaded = []
        self.total = total
        self.date_width = DATE_LEAST
        self.add_stories(stories)
        self._fit()
        if keep_place and current is not None:
            row = next((i for i, story in enumerate(stories) if story.id == current.id), row)
        if at is not None:
            keep_place, row = True, next((i for i, story in enumerate(stories) if story.id == at), 0)
        self.move_cursor(row=max(0, min(row, len(stories) - 1)) if keep_place else 0)
        held, self._before_rows = self._before_rows or [], None
        for key in held:  # forwarded as the app forwards a key: posted, it would be dispatched twice
            self._forward_event(key)

    def add_stories(self, stories: list[Story]) -> None:
        widest = self.date_width
        for story in stories:
            row = render.story_row(story, self.now, self.lead)
            widest = max(widest, row[1].cell_len)
            self.add_row(*row, key=story.id)
        self.loaded.extend(stories)
        if widest != self.date_width:
            self.date_width = widest
            self._fit()

    def replace_story(self, story: Story) -> None:
        for i, old in enumerate(self.loaded):
            if old.id == story.id:
                story = self.loaded[i] = dataclasses.replace(old, read=story.read, starred=story.starred)
                for key, cell in zip(("mark", "date", "title", "who"), render.story_row(story, self.now, self.lead),
                                     strict=True):
                    self.update_cell(story.id, key, cell)

    @property
    def story(self) -> Story | None:
        row = self.cursor_row
        return self.loaded[row] if self.loaded and 0 <= row < len(self.loaded) else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.open_current()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if len(self.loaded) < self.total and event.cursor_row >= len(self.loaded) - 10:
            self.post_message(self.NeedMore())
