"""`f`: every feed's health, worst first.

The table's columns fit the screen: at 80 columns all eight took 90 cells, and the Entries,
Tie-ups and Error columns were off to the right with nothing to say so. A screen too narrow for
all of them with room for the error leaves out the columns an analyst needs least (`LEFT_OUT_FIRST`),
and the line under the table says them for the highlighted feed, with its URL and whole error.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey
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


# The table's columns, left to right: (key, header).
COLUMNS = (("status", "Status"), ("feed", "Feed"), ("fetched", "Last fetched"), ("ok", "Last OK"),
           ("failures", "Fails"), ("entries", "Entries"), ("stories", "Tie-ups"), ("error", "Error"))
# The columns a narrow screen leaves out, first to last, for the status, the name, the tie-ups and
# the error to show: the line under the table says them for the highlighted feed.
LEFT_OUT_FIRST = ("entries", "fetched", "failures", "ok")
FEED_MAX = 40  # cells of a feed's name, however wide the screen (the line under the table has it whole)
FEED_LEAST = 14  # cells a feed's name keeps before a column is left out
ERROR_LEAST = 20  # and an error's ("HTTP 503 Service U…"; whole under the table)
TIME_CELLS = 10  # "12 min ago"
SCROLLBAR = 2  # cells kept for the table's scrollbar


def layout(width: int, feeds: list[FeedHealth], padding: int = 1) -> dict[str, int]:
    """The columns to show in `width` cells, in their order, and the cells of each: as many
    columns as leave the name and the error (if a feed has one) their least; the error takes
    what is left."""
    def most(values, least: int) -> int:
        return max([least, *(cell_len(value) for value in values)])

    natural = {
        "status": most((_status(feed) for feed in feeds), len("Status")),
        "feed": min(FEED_MAX, most((_name(feed) for feed in feeds), len("Feed"))),
        "fetched": max(len("Last fetched"), TIME_CELLS),
        "ok": max(len("Last OK"), TIME_CELLS),
        "failures": most((str(feed.failures) for feed in feeds), len("Fails")),
        "entries": most((str(feed.entries) for feed in feeds), len("Entries")),
        "stories": most((str(feed.stories) for feed in feeds), len("Tie-ups")),
    }
    feed_least = min(natural["feed"], FEED_LEAST)
    error_least = ERROR_LEAST if any(feed.error for feed in feeds) else len("Error")
    shown = [key for key, _ in COLUMNS]
    for going in (*LEFT_OUT_FIRST, None):
        fixed = sum(natural[key] for key in shown if key not in ("feed", "error")) + 2 * padding * len(shown)
        rest = width - SCROLLBAR - fixed
        if rest >= feed_least + error_least or going is None:
            break
        shown.remove(going)
    name = max(feed_least, min(natural["feed"], rest - error_least))
    widths = {**natural, "feed": name, "error": max(len("Error"), rest - name)}
    return {key: widths[key] for key in shown}


class FeedsTable(PagedTable):
    """The feeds, worst first. Keys that move the cursor, typed before the first rows are given
    ("f" then "j", typed fast or under load), wait for them: the cursor was on an empty table and
    "j" was lost."""

    MOVES = frozenset({"up", "down", "j", "k", "home", "end", "pageup", "pagedown", "enter"})

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.loaded = False
        self._held: list[events.Key] = []

    def on_key(self, event: events.Key) -> None:
        if not self.loaded and event.key in self.MOVES:
            event.stop()
            event.prevent_default()
            self._held.append(event)

    def rows_given(self) -> None:
        """The first rows are in: the keys held go on, in order, as if typed now."""
        self.loaded = True
        held, self._held = self._held, []
        for key in held:
            self._forward_event(events.Key(key.key, key.character))


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
        self.widths: dict[str, int] = {}  # the columns shown and their cells (`layout`)
        self._lay_out()
        self.load()
        self.set_interval(render.AGO_TICK_S, self._tick)

    def _lay_out(self) -> bool:
        """Fit the table's columns to the screen's width (`layout`); True if the columns shown
        changed, which empties the table (`show` gives the rows again)."""
        table = self.query_one(FeedsTable)
        columns = layout(self.app.size.width, self.feeds, table.cell_padding)
        if list(columns) != list(self.widths):
            table.clear(columns=True)
            headers = dict(COLUMNS)
            for key, cells in columns.items():
                table.add_column(Text(headers[key], style="bold"), width=cells, key=key)
            self.widths = columns
            return True
        if columns != self.widths:
            for key, cells in columns.items():
                table.columns[ColumnKey(key)].width = cells
            self.widths = columns
            table._require_update_dimensions = True
            table.refresh()
        return False

    def on_resize(self) -> None:
        table = self.query_one(FeedsTable)
        if self.feeds and list(layout(self.app.size.width, self.feeds, table.cell_padding)) != list(self.widths):
            self.show(self.feeds)  # other columns: the rows are given again, the cursor on its feed
        else:
            self._lay_out()

    def _tick(self) -> None:
        """"Last fetched 5 min ago" must go on counting on a screen left open to watch for a feed
        that goes stale: the two columns of times, of the rows given, are written again (and the
        line under the table, which says the time of a column left out)."""
        table = self.query_one(FeedsTable)
        now = self.app.now()
        for feed in self.feeds[:table.given]:
            fetched, ok = _times(feed, now)
            if "fetched" in self.widths:
                table.update_cell(feed.url, "fetched", fetched)
            if "ok" in self.widths:
                table.update_cell(feed.url, "ok", ok)
        self._detail(table.cursor_row)

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
        self._lay_out()
        keys = [key for key, _ in COLUMNS]
        shown = [keys.index(key) for key in self.widths]
        table.set_items(feeds, lambda feed: (feed.url, _pick(_row(feed, now), shown)),
                        at_least=(back or 0) + table.NEAR + 1)
        if back is not None:
            table.move_cursor(row=back)
        table.focus()
        self._detail(table.cursor_row)
        if not table.loaded:
            table.rows_given()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._detail(event.cursor_row)

    def _detail(self, row: int) -> None:
        """Under the table, the highlighted feed in full: its URL, what the columns left out on
        a narrow screen say, and its whole error."""
        detail = self.query_one("#feed-detail", Static)
        if not 0 <= row < len(self.feeds):
            detail.update("")
            return
        feed = self.feeds[row]
        out = Text(end="")
        out.append(render.plain(feed.url), style="bold")
        left_out = []
        if "fetched" not in self.widths:
            left_out.append(f"last fetched {render.ago(feed.last_fetched, self.app.now())}")
        if "failures" not in self.widths and feed.failures:
            left_out.append(f"failed {render.plural(feed.failures, 'time')} in a row")
        if "entries" not in self.widths:
            left_out.append(render.plural(feed.entries, "entry", "entries"))
        if "ok" not in self.widths:
            left_out.append(f"last OK {render.ago(feed.last_ok, self.app.now())}")
        if left_out:
            out.append("\n")
            out.append(" · ".join(left_out), style="dim")
        if feed.error:
            out.append("\n")
            out.append(render.plain(feed.error), style="red")
        detail.update(out)


def _times(feed: FeedHealth, now: datetime) -> tuple[Text, Text]:
    """"Last fetched" and "Last OK", which FeedsScreen._tick writes again as the clock goes on."""
    return (render.text(render.ago(feed.last_fetched, now)),
            render.text(render.ago(feed.last_ok, now) if feed.last_ok else "never", "" if feed.last_ok else "yellow"))


def _status(feed: FeedHealth) -> str:
    status = feed_status(feed.status)  # the words of `marketwatch feeds`
    if feed.status == "error" and (feed.http_status or 0) >= 400:  # not "error 200" for a page
        status = f"error {feed.http_status}"
    return status


def _name(feed: FeedHealth) -> str:
    return render.plain(feed.name or feed.title or feed.url)


def _pick(row: list[Text], shown: list[int]) -> list[Text]:
    return [row[i] for i in shown]


def _row(feed: FeedHealth, now: datetime) -> list[Text]:
    """The cells of every column (`COLUMNS`); a narrow column cuts the name and the error with …"""
    name = render.text(render.cut(_name(feed), FEED_MAX))
    error = render.text(render.cut(feed.error or "", 80), "red")  # in full below the table
    for cell in (name, error):
        cell.no_wrap, cell.overflow = True, "ellipsis"
    return [
        render.text(_status(feed), render.STATUS_STYLE.get(feed.status, "")),
        name,
        *_times(feed, now),
        Text(str(feed.failures), style="bold red" if feed.failures else "dim", justify="right"),
        Text(str(feed.entries), justify="right"),
        Text(str(feed.stories), justify="right"),
        error,
    ]
