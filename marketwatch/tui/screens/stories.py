"""A list of stories for a filter (a matrix cell, a search): paged, Enter opens one."""

from __future__ import annotations

import dataclasses
import sqlite3
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from marketwatch.queries import KINDS, StoryFilter
from marketwatch.store import StoreError
from marketwatch.story import Story
from marketwatch.tui import render
from marketwatch.tui.widgets.footer import KeysFooter
from marketwatch.tui.widgets.story_table import StoryTable
from marketwatch.tui.widgets.topbar import TopBar

if TYPE_CHECKING:
    from marketwatch.tui.dashboard import MarketwatchApp

PAGE = 100


class StoriesScreen(Screen):
    """Stories matching a fixed filter."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,backspace", "app.pop_screen", "Back")]

    app: MarketwatchApp

    def __init__(self, title: str, flt: StoryFilter, empty: str = "No stories.") -> None:
        super().__init__()
        self.title_text = title
        self.empty = empty  # what the status line says when no story matches
        self.filter = dataclasses.replace(flt, limit=PAGE, offset=0)
        self.generation = 0  # bumped whenever the filter changes, so stale pages are dropped

    def compose(self) -> ComposeResult:
        yield TopBar(self.title_text, id="topbar")
        yield Static(Text("Loading…", style="dim"), id="status", markup=False)
        yield StoryTable(self.app.now(), lead=self._lead(), id="stories")
        yield KeysFooter()

    def _lead(self) -> tuple[str, ...]:
        """Whose pairs the Who column names first: a matrix cell's pair, or a company's with the
        units it owns (Waymo's under Alphabet); none in a longer list (an alliance's)."""
        if self.filter.pair:
            return self.filter.pair
        companies = self.filter.companies or ()
        if len(companies) == 1:
            return (companies[0], *sorted(self.app.units_of(companies[0])))
        return tuple(companies) if len(companies) <= 2 else ()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.generation += 1
        self.load(self.filter, self.generation, more=False)

    @work(thread=True, group="stories", exit_on_error=False)
    def load(self, flt: StoryFilter, generation: int, more: bool) -> None:
        app = self.app
        worker = get_current_worker()
        try:
            stories = app.data.stories(flt)
            total = app.data.count(flt) if not more else None
        except (sqlite3.Error, StoreError) as exc:
            app.call_from_thread(app.notify, f"cannot read the database: {exc}", severity="error",
                                 markup=False)
            return
        if not worker.is_cancelled:
            app.call_from_thread(self.show, stories, total, generation, more)

    def show(self, stories: list[Story], total: int | None, generation: int, more: bool) -> None:
        if generation != self.generation:
            return
        table = self.query_one(StoryTable)
        if more:
            table.add_stories(stories)
        else:
            table.set_stories(stories, total or 0)
        self.query_one("#status", Static).update(self.status_text(table.total))
        self.loading_more = False

    loading_more = False

    def status_text(self, total: int) -> Text:
        if total == 0:
            return Text(self.empty, style="dim")
        return Text(f"{total} {'story' if total == 1 else 'stories'} · Enter opens one", style="dim")

    @on(StoryTable.NeedMore)
    def more(self, event: StoryTable.NeedMore) -> None:
        event.stop()
        if self.loading_more:
            return
        self.loading_more = True
        table = self.query_one(StoryTable)
        self.load(dataclasses.replace(self.filter, offset=len(table.loaded)), self.generation, more=True)

    def story_changed(self, story: Story) -> None:
        if self.is_mounted:
            self.query_one(StoryTable).replace_story(story)


class StarredScreen(StoriesScreen):
    """`S`: the stories starred with `s`, newest first."""

    def __init__(self) -> None:
        super().__init__("Starred stories", StoryFilter(kinds=KINDS, starred=True),
                         empty="No starred stories: s stars the story under the cursor.")


class SearchScreen(StoriesScreen):
    """`/`: full-text search over all stories (every kind); Esc clears, Esc again goes back."""

    DEBOUNCE = 0.15  # seconds of no typing before the query runs

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear", "Clear / back"),
        Binding("down", "to_results", "Results", show=False),
    ]

    def __init__(self) -> None:
        super().__init__("Search", StoryFilter(kinds=("oem-tech", "oem-oem", "tech-tech"), search=""))

    def compose(self) -> ComposeResult:
        yield TopBar("Search", "", "all stories, any kind", id="topbar")
        yield Input(placeholder="Search titles and summaries (words match as prefixes)…", id="search")
        yield Static(Text("Type to search; Enter moves to the results.", style="dim"), id="status",
                     markup=False)
        yield StoryTable(self.app.now(), id="stories")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def reload(self) -> None:
        """No query, no list: StoriesScreen's on_mount (which Textual runs as well as ours) read
        every story for the empty search, and the first `/` said "104 stories match" under an
        empty box (counting them all, on a large database)."""
        if self.filter.search:
            super().reload()

    def reopen(self) -> None:
        """Shown again (the app keeps the screen): an empty search, as the first time."""
        search = self.query_one(Input)
        search.value = ""
        search.focus()

    @on(Input.Changed, "#search")
    def changed(self, event: Input.Changed) -> None:
        query = event.value.strip()
        self.filter = dataclasses.replace(self.filter, search=query, offset=0)
        self.generation += 1
        if not query:
            self.query_one(StoryTable).set_stories([], 0)
            self.query_one("#status", Static).update(
                Text("Type to search; Enter moves to the results.", style="dim"))
            return
        self.set_timer(self.DEBOUNCE, lambda g=self.generation: self._search(g))

    def _search(self, generation: int) -> None:
        if generation == self.generation:  # nothing typed since: run it
            self.load(self.filter, generation, more=False)

    def status_text(self, total: int) -> Text:
        if total == 0:
            out = Text(end="")
            out.append("No stories match ", style="dim")
            out.append(render.plain(self.filter.search), style="bold")
            return out
        return Text(f"{total} {'story matches' if total == 1 else 'stories match'} · "
                    "Enter opens one · Esc clears", style="dim")

    @on(Input.Submitted, "#search")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_to_results()

    def action_to_results(self) -> None:
        table = self.query_one(StoryTable)
        if table.row_count:
            table.focus()

    def action_clear(self) -> None:
        search = self.query_one(Input)
        if search.value:
            search.value = ""
            search.focus()
        else:
            self.app.pop_screen()
