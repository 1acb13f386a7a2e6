"""The main screen: a grid of company panes for the current scope, busiest first."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import ProgressBar, Static
from textual.worker import get_current_worker

from marketwatch.queries import Story
from marketwatch.store import StoreError
from marketwatch.tui import render
from marketwatch.tui.data import Overview
from marketwatch.tui.widgets.footer import KeysFooter
from marketwatch.tui.widgets.pane import CompanyPane
from marketwatch.tui.widgets.topbar import TopBar

if TYPE_CHECKING:
    from marketwatch.tui.app import MarketwatchApp

PANE_WIDTH = 40  # narrowest pane worth showing; the grid has as many columns as fit
HEADLINES = 5  # loaded per pane
# Headlines shown per pane by screen height (rows below which the count applies): a pane is up
# to 4 + 3 * headlines rows, so that about two rows of panes fit on a screen.
SHOWN = ((34, 3), (50, 4))


class MainScreen(Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "app.pick_alliance", "Alliance", tooltip="Show only an alliance's members (or All)"),
        Binding("w", "app.pick_watchlist", "Watchlist", tooltip="Show only a watchlist's companies (or All)"),
    ]

    app: MarketwatchApp

    def __init__(self) -> None:
        super().__init__()
        self.overview: Overview | None = None
        self.columns = 1

    def compose(self) -> ComposeResult:
        yield TopBar("Companies", self.app.scope.label, "loading…", id="topbar")
        with VerticalScroll(id="panes", can_focus=False):
            yield Static(Text("Loading…", style="dim"), id="message", markup=False)
            yield Grid(id="grid")
        with Horizontal(id="refresh-bar"):
            yield Static("", id="refresh-label", markup=False)
            yield ProgressBar(total=None, show_eta=False, id="refresh-progress")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._layout()
        self.load()

    def on_resize(self) -> None:
        self._layout()

    # -- loading --------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="overview", exit_on_error=False)
    def load(self) -> None:
        """Read the panes for the current scope in a thread, then show them."""
        app = self.app
        worker = get_current_worker()
        scope = app.scope
        try:
            overview = app.data.overview(scope.companies, headlines=HEADLINES, now=app.now())
        except (sqlite3.Error, StoreError) as exc:
            app.call_from_thread(app.notify, f"cannot read the database: {exc}", severity="error",
                                 markup=False)
            return
        if not worker.is_cancelled:
            app.call_from_thread(self.show, overview, scope)

    async def show(self, overview: Overview, scope) -> None:
        if scope != self.app.scope:  # the filter changed while this was loading
            return
        self.overview = overview
        app = self.app
        now = app.now()
        refreshed = (f"refreshed {render.ago(overview.last_fetched, now)}" if overview.last_fetched
                     else "never refreshed")
        extra = (f"{render.plural(overview.stories, 'tie-up')}"
                 f" · {overview.unread} new · {refreshed}")
        self.query_one(TopBar).set(scope_label=scope.label, extra=extra)
        message = self.query_one("#message", Static)
        grid = self.query_one("#grid", Grid)
        if not overview.panes:
            message.update(self._empty_text(overview))
            message.display = True
            await grid.remove_children()
            return
        message.display = False
        limit = self._limit()
        current = {pane.company: pane for pane in grid.query_children(CompanyPane)}
        wanted = [p.company for p in overview.panes]
        if list(current) == wanted:
            for pane in overview.panes:
                widget = current[pane.company]
                if widget.pane != pane:
                    widget.update_pane(pane, now)
            return
        focused = self.focused if isinstance(self.focused, CompanyPane) else None
        keep = (focused.company, focused.cursor) if focused else None
        await grid.remove_children()
        panes = [CompanyPane(p, app.kind_label(p.company), now, limit) for p in overview.panes]
        await grid.mount_all(panes)
        target = next((p for p in panes if keep and p.company == keep[0]), None)
        if target is not None:
            target.cursor = min(keep[1], max(0, len(target.stories) - 1))
            target.focus(scroll_visible=False)
        else:
            panes[0].focus()

    def _empty_text(self, overview: Overview) -> Text:
        out = Text(end="")
        if not self.app.scope.is_all and overview.feeds:
            out.append("No tie-up stories for ", style="bold")
            out.append(render.plain(self.app.scope.label), style="bold")
            out.append(" yet.\n\nPress ")
            out.append(" a ", style="reverse")
            out.append(" or ")
            out.append(" w ", style="reverse")
            out.append(" to choose another filter, or ")
            out.append(" r ", style="reverse")
            out.append(" to refresh the feeds.")
            return out
        out.append("No tie-up stories yet.\n\n", style="bold")
        if not self.app.config.feeds:
            out.append("The config has no feeds: add [[feeds]] entries to ")
            out.append(render.plain(self.app.config.path or "config.toml"), style="bold")
            out.append(" (see `marketwatch check-config`).\n\n")
        out.append("Press ")
        out.append(" r ", style="reverse")
        out.append(" to refresh the feeds now, or run ")
        out.append("marketwatch refresh", style="bold")
        out.append(" (from cron, for instance); the panes fill in by themselves when it is done.")
        return out

    # -- layout and navigation ------------------------------------------------------------------

    def _limit(self) -> int:
        height = self.size.height or self.app.size.height
        return next((shown for below, shown in SHOWN if height < below), HEADLINES)

    def _layout(self) -> None:
        width = self.size.width or self.app.size.width
        self.columns = max(1, min(4, width // PANE_WIDTH))
        grid = self.query_one("#grid", Grid)
        grid.styles.grid_size_columns = self.columns
        limit = self._limit()
        for pane in grid.query_children(CompanyPane):
            pane.limit = limit

    def panes(self) -> list[CompanyPane]:
        return list(self.query_one("#grid", Grid).query_children(CompanyPane))

    @on(CompanyPane.Move)
    def move(self, event: CompanyPane.Move) -> None:
        event.stop()
        panes = self.panes()
        if event.pane not in panes:
            return
        i, cols, n = panes.index(event.pane), self.columns, len(panes)
        target, first = None, True
        if event.direction == "left" and i > 0:
            target, first = i - 1, True
        elif event.direction == "right" and i + 1 < n:
            target, first = i + 1, True
        elif event.direction == "up" and i - cols >= 0:
            target, first = i - cols, False
        elif event.direction == "down":
            if i + cols < n:
                target = i + cols
            elif i // cols < (n - 1) // cols:  # a shorter last row: go to its last pane
                target = n - 1
        if target is None:
            return
        pane = panes[target]
        pane.go_first() if first else pane.go_last()
        pane.focus()

    @on(CompanyPane.Open)
    def open_story(self, event: CompanyPane.Open) -> None:
        event.stop()
        self.app.open_story(event.story)

    @on(CompanyPane.Flag)
    def flag(self, event: CompanyPane.Flag) -> None:
        event.stop()
        self.app.set_flag(event.story, event.flag, event.value)

    def story_changed(self, story: Story) -> None:
        """A story's flags changed: show it at once in every pane that has it."""
        for pane in self.panes():
            pane.replace_story(story)

    # -- refresh progress -----------------------------------------------------------------------

    def refresh_started(self, total: int) -> None:
        bar = self.query_one("#refresh-progress", ProgressBar)
        bar.update(total=total or None, progress=0)
        self.query_one("#refresh-label", Static).update(f"Refreshing {total} feeds")
        self.query_one("#refresh-bar").display = True

    def refresh_progress(self, done: int, total: int, label: str = "") -> None:
        self.query_one("#refresh-progress", ProgressBar).update(total=total, progress=done)
        text = Text(f"Refreshing: {done} of {total} feeds", end="")
        if label:
            text.append("  " + render.plain(label), style="dim")
        self.query_one("#refresh-label", Static).update(text)

    def refresh_waiting(self) -> None:
        self.query_one("#refresh-label", Static).update("Waiting for another refresh to finish…")

    def refresh_finished(self) -> None:
        self.query_one("#refresh-bar").display = False
