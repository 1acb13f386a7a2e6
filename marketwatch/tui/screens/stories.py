"""A list of stories for a filter (a matrix cell, a search): paged, Enter opens one."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from marketwatch.queries import KINDS, StoryFilter
from marketwatch.store import StoreError
from marketwatch.story import Story
from marketwatch.tui import render
from marketwatch.tui.screens.back import BACK
from marketwatch.tui.screens.early_keys import EarlyKeys
from marketwatch.tui.widgets.footer import KeysFooter
from marketwatch.tui.widgets.search_box import SearchBox
from marketwatch.tui.widgets.story_table import StoryTable
from marketwatch.tui.widgets.topbar import TopBar

if TYPE_CHECKING:
    from marketwatch.tui.dashboard import MarketwatchApp

PAGE = 100


class StoriesScreen(EarlyKeys):
    """Stories matching a fixed filter."""

    FOLLOWS_WRITES = True  # the app reloads it (`load`) when a refresh or another process writes

    # Lists stories whatever the dashboard's filter (alliance, watchlist, deal type): a story opened
    # from it does not show that filter as its own.
    WHOLE_STORE = False

    BINDINGS: ClassVar[list[BindingType]] = [BACK]

    app: MarketwatchApp

    def __init__(self, title: str, flt: StoryFilter, empty: str = "No stories.", at: str | None = None) -> None:
        """`at`: the story the cursor starts on (the headline `e` was pressed on)."""
        super().__init__()
        self.at = at
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
        self.fetch(self.filter, self.generation, more=False)

    def load(self) -> None:
        """Read the list again after a write (a refresh stored new stories): as many rows as are
        loaded, the cursor staying on its story. A list opened with `e` or a search kept showing
        "9 stories" under the notification of a tenth."""
        if not self.is_mounted or self.generation == 0:
            return  # not read yet: its first page will be the new one
        table = self.query_one(StoryTable)
        keep = self.shown == self.generation  # not the place in a list another search replaces
        self.generation += 1
        self.loading_more = False
        flt = dataclasses.replace(self.filter, offset=0, limit=max(PAGE, len(table.loaded)))
        self.fetch(flt, self.generation, more=False, keep=keep)

    @work(thread=True, group="stories", exit_on_error=False)
    def fetch(self, flt: StoryFilter, generation: int, more: bool, keep: bool = False) -> None:
        app = self.app
        worker = get_current_worker()
        try:
            stories = app.data.stories(flt)
            total = app.data.count(flt) if not more else None
        except (sqlite3.Error, StoreError) as exc:
            app.call_from_thread(app.tell_problem, app.data.problem(exc))
            return
        if repairs := app.data.new_repairs():
            app.call_from_thread(app.notify_repairs, repairs)
        if not worker.is_cancelled:
            app.call_from_thread(self.show, stories, total, generation, more, keep)

    def show(self, stories: list[Story], total: int | None, generation: int, more: bool, keep: bool = False) -> None:
        if generation != self.generation:
            return
        self.shown = generation
        table = self.query_one(StoryTable)
        if more:
            table.add_stories(stories)
        else:
            at, self.at = self.at, None
            table.set_stories(stories, total or 0, keep_place=keep, at=at, now=self.app.now())
        self.query_one("#status", Static).update(self.status_text(table.total))
        self.loading_more = False

    loading_more = False
    shown = 0  # the generation of the list on the screen

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
        self.fetch(dataclasses.replace(self.filter, offset=len(table.loaded)), self.generation, more=True)

    def story_changed(self, story: Story) -> None:
        if self.is_mounted:
            self.query_one(StoryTable).replace_story(story)


class StarredScreen(StoriesScreen):
    """`S`: the stories starred with `s`, newest first."""

    WHOLE_STORE = True
    VIEW = "starred"  # S, which opens it, is not a key of its own (`MarketwatchApp.check_action`)

    def __init__(self) -> None:
        super().__init__("Starred stories", StoryFilter(kinds=KINDS, starred=True),
                         empty="No starred stories: s stars the story under the cursor.")


class SearchResults(StoryTable):
    """The search's results. The query stays one key away: ↑ on the first row, Backspace or /
    go back to it, kept and editable, and a letter typed here goes into it (as Textual's Input
    takes the letters typed in it, `check_consume_key` keeps them from the dashboard's keys).
    Backspace left the search, and a letter typed after that opened a picker, started a
    refresh or marked a story read. The results' own keys (Space, s, j, k) stay theirs, and
    so does ? (the keys, `NOT_TYPED`); q and Q are letters here as in the query ("Qualcomm"
    typed from the results quit the dashboard): Esc goes back (`MarketwatchApp.check_action`).

    The keys typed with the one that goes back (a fast burst: "abc" then Backspace) reach the
    results too: the app sent them here before the focus moved. They are handed to the query
    (`_to_query`), in order, until the results have the focus again: the Backspace was taken
    as "back to the query" and the c stayed, and a Space marked a story read. The keys that go
    back (Backspace, /, ↑ on the first row) go back as they arrive, not when their binding runs:
    by then the keys typed after them were the query's, and a late Backspace deleted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "up_or_query", "Up", show=False, tooltip="Previous result; from the first, back to the query"),
        Binding("slash,backspace", "query", "Edit search", tooltip="Back to the query, to change it"),
    ]
    # The query's own keys that go to it from here too: Ctrl+U, which clears it, did nothing.
    QUERY_KEYS = frozenset({"ctrl+u"})
    # Characters that are keys of the screen or the app here, not letters of the query.
    NOT_TYPED = frozenset("?")

    def __init__(self, now: datetime, query: str, *, id: str | None = None) -> None:
        """`query`: the selector of the query's Input, which the keys typed here go to."""
        super().__init__(now, id=id)
        self.query_selector = query
        self._handing_over = False  # the focus went to the query: keys still arriving follow it

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return (character is not None and character.isprintable() and character not in self.NOT_TYPED
                and key not in self._bindings.key_to_bindings)

    def on_focus(self) -> None:
        self._handing_over = False

    def on_key(self, event: events.Key) -> None:
        if self._handing_over or event.key in self.QUERY_KEYS or self.check_consume_key(event.key, event.character):
            event.stop()
            event.prevent_default()  # not the results' binding for it either
            self._to_query(event)
        elif event.key in ("backspace", "slash") or (event.key == "up" and self.cursor_row <= 0):
            # Back to the query as the key arrives, not when its binding runs: by then the keys
            # typed after it were the query's already, and a late Backspace deleted one of them.
            event.stop()
            event.prevent_default()
            self._to_query()

    def action_up_or_query(self) -> None:
        if self.cursor_row <= 0:
            self._to_query()
        else:
            self.action_cursor_up()

    def action_query(self) -> None:
        self._to_query()

    def _to_query(self, key: events.Key | None = None) -> None:
        """Give the focus to the query, the cursor at its end, and `key` with it. At once, not by
        a message to the screen (or `focus()`), which the keys already sent here would pass.
        The key is forwarded as the app forwards a key to the focused widget: the query takes
        it as typed there (a letter, Backspace, Ctrl+U), its bindings found from the focus."""
        search = self.screen.query_one(self.query_selector, SearchBox)
        if not self._handing_over:
            self._handing_over = True
            search.cursor_position = len(search.value)
            self.screen.set_focus(search)
        if key is not None:
            search.take_key(key)


class SearchScreen(StoriesScreen):
    """`/`: full-text search over all stories (every kind). Enter or ↓ moves to the results; ↑ on
    the first, Backspace, / or a letter typed there come back to the query, kept. Esc goes back
    a step: from the results to the query, from the query out of the search. q and Q are letters
    here, from the results too: a query is typed ("Qualcomm"), and q, which leaves every other
    list, quit the dashboard from the results mid-word."""

    DEBOUNCE = 0.15  # seconds of no typing before the query runs
    WHOLE_STORE = True
    VIEW = "search"  # the app's / does not show here (`MarketwatchApp.check_action`)
    TYPED_INTO = True  # nor its q and Q: they are letters of the query

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", tooltip="From the results, back to the query; from the query, leave"),
        Binding("down", "to_results", "Results", show=False, tooltip="From the query to the results"),
    ]

    def __init__(self) -> None:
        super().__init__("Search", StoryFilter(kinds=("oem-tech", "oem-oem", "tech-tech"), search=""))

    def compose(self) -> ComposeResult:
        yield TopBar("Search", "", "all stories, any kind", id="topbar")
        # Not selected when the focus comes back from the results: a letter typed then is added
        # to the query, and does not replace it.
        # Whole at 80 columns: the top bar says Search ("Search titles and summaries: …" ended in '"a').
        yield SearchBox(placeholder='Titles and summaries: words as prefixes, a OR b, -word, "a phrase"…',
                        id="search", select_on_focus=False)
        yield Static(Text("Type to search; Enter moves to the results.", style="dim"), id="status",
                     markup=False)
        yield SearchResults(self.app.now(), "#search", id="stories")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def reload(self) -> None:
        """No query, no list: StoriesScreen's on_mount (which Textual runs as well as ours) read
        every story for the empty search, and the first `/` said "104 stories match" under an
        empty box (counting them all, on a large database)."""
        if self.filter.search:
            super().reload()

    def load(self) -> None:
        if self.filter.search:  # an emptied box lists nothing, whatever was written since
            super().load()

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
            self.fetch(self.filter, generation, more=False)

    def status_text(self, total: int) -> Text:
        if total == 0:
            out = Text(end="")
            out.append("No stories match ", style="dim")
            out.append(render.plain(self.filter.search), style="bold")
            return out
        return Text(f"{total} {'story matches' if total == 1 else 'stories match'} · "
                    "Enter opens one · / changes the search", style="dim")

    @on(Input.Submitted, "#search")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_to_results()

    def action_to_results(self) -> None:
        table = self.query_one(StoryTable)
        if table.row_count:
            table.focus()

    def action_back(self) -> None:
        results = self.query_one(SearchResults)
        if results.has_focus:
            results.action_query()
        else:
            self.app.pop_screen()
