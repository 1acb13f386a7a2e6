"""`f`: every feed's health, worst first."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Static
from textual.worker import get_current_worker

from marketwatch.queries import FeedHealth
from marketwatch.store import StoreError
from marketwatch.tui import render
from marketwatch.tui.screens.back import BACK
from marketwatch.tui.screens.early_keys import EarlyKeys
from marketwatch.tui.widgets.footer import KeysFooter
from marketwatch.tui.widgets.table import PagedTable
from marketwatch.tui.widgets.topbar import TopBar
from marketwatch.wording import feed_status

if TYPE_CHECKING:
    from marketwatch.tui.dashboard import MarketwatchApp


class FeedsTable(PagedTable):
    pass


class FeedsScreen(EarlyKeys):
    FOLLOWS_WRITES = True  # the app reloads it when another process writes the database
    VIEW = "feeds"  # f, which opens it, is not offered on it (`MarketwatchApp.check_action`)
    BINDINGS: ClassVar[list[BindingType]] = [BACK]

    app: MarketwatchApp

    def __init__(self) -> None:
        super().__init__()
        self.feeds: list[FeedHealth] = []

    def compose(self) -> ComposeResult:
        yield TopBar("Feeds", "", "worst first", id="topbar")
        yield Static(Text("Loading…", style="dim"), id="feeds-summary", markup=False)
        yield FeedsTable(cursor_type="row", id="feeds")
        yield Static("", id="feed-detail", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        table = self.query_one(FeedsTable)
        for label, key in (("Status", "status"), ("Feed", "feed"), ("Last fetched", "fetched"),
                           ("Last OK", "ok"), ("Fails", "failures"), ("Entries", "entries"),
                           ("Tie-ups", "stories"), ("Error", "error")):
            table.add_column(Text(label, style="bold"), key=key)
        self.load()
        self.set_interval(render.AGO_TICK_S, self._tick)

    def _tick(self) -> None:
        """"Last fetched 5 min ago" must go on counting on a screen left open to watch for a feed
        that goes stale: the two columns of times, of the rows given, are written again."""
        table = self.query_one(FeedsTable)
        now = self.app.now()
        for feed in self.feeds[:table.given]:
            fetched, ok = _times(feed, now)
            table.update_cell(feed.url, "fetched", fetched)
            table.update_cell(feed.url, "ok", ok)

    @work(thread=True, exclusive=True, group="feeds", exit_on_error=False)
    def load(self) -> None:
        app = self.app
        worker = get_current_worker()
        try:
            feeds = app.data.feeds(None if app.other_db else {feed.url: feed.name for feed in app.config.feeds})
        except (sqlite3.Error, StoreError) as exc:
            app.call_from_thread(app.tell_problem, app.data.problem(exc))
            return
        if not worker.is_cancelled:
            app.call_from_thread(self.show, feeds)

    def show(self, feeds: list[FeedHealth]) -> None:
        table = self.query_one(FeedsTable)
        row = table.cursor_row
        keep = self.feeds[row].url if 0 <= row < len(self.feeds) else None
        self.feeds = feeds
        failing = sum(1 for f in feeds if f.status == "error")
        never = sum(1 for f in feeds if f.status is None)
        summary = Text(render.plural(len(feeds), "feed"), end="")
        if failing:
            summary.append(f" · {failing} failing", style="bold red")
        if never:
            summary.append(f" · {never} never fetched", style="yellow")
        if not feeds and self.app.other_db:
            summary = Text("The database holds no feeds.", style="dim")
        elif not feeds:
            # The app follows its config file: a feed added shows here at once, and r fetches it.
            summary = Text("No feeds in the config: add some (marketwatch add-feed URL).", style="dim")
        self.query_one("#feeds-summary", Static).update(summary)
        urls = [feed.url for feed in feeds]
        back = urls.index(keep) if keep in urls else None  # a reload (a refresh wrote): stay on the feed
        now = self.app.now()
        table.set_items(feeds, lambda feed: (feed.url, _row(feed, now)), at_least=(back or 0) + table.NEAR + 1)
        if back is not None:
            table.move_cursor(row=back)
        table.focus()
        self._detail(table.cursor_row)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._detail(event.cursor_row)

    def _detail(self, row: int) -> None:
        """Under the table, the highlighted feed in full: its URL and its whole error."""
        detail = self.query_one("#feed-detail", Static)
        if not 0 <= row < len(self.feeds):
            detail.update("")
            return
        feed = self.feeds[row]
        out = Text(end="")
        out.append(render.plain(feed.url), style="bold")
        if feed.error:
            out.append("\n")
            out.append(render.plain(feed.error), style="red")
        detail.update(out)


def _times(feed: FeedHealth, now: datetime) -> tuple[Text, Text]:
    """"Last fetched" and "Last OK", which FeedsScreen._tick writes again as the clock goes on."""
    return (render.text(render.ago(feed.last_fetched, now)),
            render.text(render.ago(feed.last_ok, now) if feed.last_ok else "never", "" if feed.last_ok else "yellow"))


def _row(feed: FeedHealth, now: datetime) -> list[Text]:
    status = feed_status(feed.status)  # the words of `marketwatch feeds`
    if feed.status == "error" and (feed.http_status or 0) >= 400:  # not "error 200" for a page
        status = f"error {feed.http_status}"
    name = feed.name or feed.title or feed.url
    return [
        render.text(status, render.STATUS_STYLE.get(feed.status, "")),
        render.text(render.cut(name, 40)),
        *_times(feed, now),
        Text(str(feed.failures), style="bold red" if feed.failures else "dim", justify="right"),
        Text(str(feed.entries), justify="right"),
        Text(str(feed.stories), justify="right"),
        render.text(render.cut(feed.error or "", 80), "red"),  # in full below the table
    ]
