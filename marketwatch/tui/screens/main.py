"""The main screen: a grid of company panes for the current scope, busiest first.

The screen reads the panes of the scope (`load`, in a thread) and shows them, with their totals
in the top bar, or says why there are none. The grid itself, which mounts the panes as they come
into view and moves between them, is `PaneGrid` (pane_grid.py); the row that shows a refresh's
progress under it is `RefreshBar` (refresh_bar.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static
from textual.worker import get_current_worker

from marketwatch.store import StoreError
from marketwatch.tui import render
from marketwatch.tui.data import HEADLINES, Overview
from marketwatch.tui.memory import freeze_gc
from marketwatch.tui.screens.pane_grid import PaneGrid
from marketwatch.tui.screens.refresh_bar import RefreshBar
from marketwatch.tui.widgets.footer import KeysFooter
from marketwatch.tui.widgets.pane import CompanyPane
from marketwatch.tui.widgets.topbar import Parts, TopBar

if TYPE_CHECKING:
    from marketwatch.tui.dashboard import MarketwatchApp

TICK_S = render.AGO_TICK_S


class MainScreen(PaneGrid, RefreshBar, Screen):
    """Companies: the panes of the scope, read and shown (the grid, `PaneGrid`), their totals in
    the top bar, the words in place of panes when there are none, and `e` and `A` on a pane."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "app.pick_alliance", "Alliance", tooltip="Show only an alliance's members (or All)"),
        Binding("w", "app.pick_watchlist", "Watchlist", tooltip="Show only a watchlist's companies (or All)"),
        # In the footer at 80 columns too: Enter's "⏎ Open" leaves it first (`footer.DROPPED_FIRST`).
        Binding("d", "app.pick_deal", "Deal",
                tooltip="Show only one deal type: joint ventures, stakes, MoUs… (or All)"),
        # In the footer only while a filter is set (`MarketwatchApp.check_action`).
        Binding("x", "app.clear_filters", "Clear filters",
                tooltip="Clear every filter: all companies and all deal types again"),
        # Not in the footer, which is full at 80 columns; ? and the README list it.
        Binding("e", "every_story", "All stories", show=False,
                tooltip="Every tie-up story of the company in the focused pane (of the deal type chosen with d)"),
        Binding("A", "mark_all_read", "All read", show=False,
                tooltip="Mark every story of the company in the focused pane read (of the deal type chosen with d)"),
        Binding("u", "undo_mark_read", "Undo All read", show=False,
                tooltip="Mark unread again the stories the last A marked read"),
        Binding("escape", "app.cancel_opening", show=False),  # a story Enter asked for, still being read
        # No description: the help screen lists these two on one line of its own.
        Binding("tab", "next_pane(1)", show=False),
        Binding("shift+tab", "next_pane(-1)", show=False),
    ]

    # Textual repaints the whole screen when the focus moves; a pane repaints itself when it
    # gains or loses the focus, which is all that changes here.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    app: MarketwatchApp

    def __init__(self) -> None:
        super().__init__()
        self.overview: Overview | None = None
        self._stale = False  # written to while another screen showed: reload when shown again
        self._then: list[Callable[[], None]] = []  # to run once the panes loading are in place

    def compose(self) -> ComposeResult:
        yield TopBar("Companies", render.scope_label(self.app.scope), "loading…", id="topbar")
        with VerticalScroll(id="panes", can_focus=False):
            yield Static(Text("Loading…", style="dim"), id="message", markup=False)
            yield Grid(id="grid")
            yield Widget(id="more")  # stands for the panes not shown yet
        yield Horizontal(id="refresh-bar")  # filled by the first refresh
        yield KeysFooter()

    async def on_mount(self) -> None:
        self._layout()
        self.set_interval(TICK_S, self._tick)
        self.watch(self.query_one("#panes"), "scroll_y", self._scrolled, init=False)
        first = self.app.first
        if first is not None and first.ready and first.matches(self.app.scope):
            # Read while the app was imported: in the first frame, rather than after it.
            self.app.first = None
            try:
                overview = first.take()
            except (sqlite3.Error, StoreError):
                self.load()  # read again in a worker, which says what went wrong
                return
            await self.show(overview, self.app.scope)
            return
        self.load()

    def on_resize(self) -> None:
        self._layout()
        self._size_spacer()

    # -- loading --------------------------------------------------------------------------------

    def load_when_shown(self) -> None:
        """Reload now if this screen is showing, else when it shows again: the counts behind a
        story being read can wait, and reading them then costs the story screen nothing."""
        if self.is_current:
            self.load()
        else:
            self._stale = True

    def on_screen_resume(self) -> None:
        if self._stale:
            self._stale = False
            self.load()

    def load(self, then: Callable[[], None] | None = None) -> None:
        """Read the panes for the current scope in a thread, then show them; `then` runs on the
        event loop right after they are in place (or after the read failed). The app runs the
        thread: a worker of this screen would tell it of its states while it is hidden behind
        the picker, and each message would have it repaint in the background, after which its
        first frame back waits for the next tick of its clock (up to two frames).

        A load replaces the one under way (an exclusive worker), but not what that one was to
        do after: a refresh or a cron write reloading while a chosen filter was read cancelled
        that read, and the picker, which its `then` closes, stayed open over the new panes."""
        if then is not None:
            self._then.append(then)
        self.app.run_worker(self._load, thread=True, exclusive=True, group="overview", exit_on_error=False)

    def _load(self) -> None:
        app = self.app
        worker = get_current_worker()
        scope = app.scope
        first, app.first = app.first, None
        try:
            if first is not None and first.matches(scope):
                overview = first.take()  # read while the app was being imported
            else:
                overview = app.data.overview(scope.companies, headlines=HEADLINES, now=app.now(), deal=scope.deal)
        except (sqlite3.Error, StoreError) as exc:
            app.call_from_thread(self._failed, app.data.problem(exc))
            app.call_from_thread(self._loaded)
            return
        if not worker.is_cancelled:
            app.call_from_thread(self.show, overview, scope)

    def _loaded(self) -> None:
        """Run what the loads asked for once their panes were in place (`load`'s `then`)."""
        then, self._then = self._then, []
        for call in then:
            call()

    def _failed(self, problem: str) -> None:
        """Said in a notification, and in place of the panes until a read works: a toast alone
        went after a few seconds and left "Loading…" on the screen for good."""
        self.app.tell_problem(problem)
        if self.overview is None:
            message = self.query_one("#message", Static)
            message.update(Text(render.plain(problem), style="bold red"))
            message.display = True

    async def show(self, overview: Overview, scope) -> None:
        if scope != self.app.scope:  # the filter changed while this was loading: its load shows it
            return
        self.overview = overview
        app = self.app
        app.saw_failing(overview.failing)
        now = app.now()
        self.query_one(TopBar).set(scope_label=render.scope_label(scope), extra=self._totals(overview, now))
        self.refresh_bindings()  # x (clear the filters) is offered only while there are some
        message = self.query_one("#message", Static)
        if not overview.panes:
            message.update(self._empty_text(overview))
            message.display = True
            self._data = []
            await self._show_first(0)
        else:
            message.display = False
            await self._show_panes(list(overview.panes), now)
        self._loaded()
        self.call_after_refresh(freeze_gc)  # once the first panes are on the screen

    def _totals(self, overview: Overview, now) -> Parts:
        """`15 tie-ups · 13 new · 6 feeds failing (f) · refreshed just now`: the feeds of the
        config whose last fetch failed, before the time (a narrow screen cuts the end), and only
        when there are some. A refresh said so in a notification that faded, and nothing on the
        screen said that the panes missed six feeds' stories."""
        parts: list[tuple[str, bool]] = [(render.plural(overview.stories, "tie-up"), False),
                                         (f"{overview.unread:,} new", False)]
        failing = len(overview.failing & {feed.url for feed in self.app.config.feeds})
        if failing:
            parts.append((f"{render.plural(failing, 'feed')} failing (f)", True))
        parts.append((f"refreshed {render.ago(overview.last_fetched, now)}" if overview.last_fetched
                      else "never refreshed", False))
        return tuple(parts)

    def _tick(self) -> None:
        """"refreshed 3 min ago" must not stay "1 min ago" on a screen left open all day; and on
        a new day the panes are read again: left open over New Year, they wrote last year's
        stories as this year's ("3 Mar", not "3 Mar 2026"), and the weeks of the sparklines
        did not move on, until something was written."""
        if self.overview is not None and self.is_current:
            now = self.app.now()
            self.query_one(TopBar).set(extra=self._totals(self.overview, now))
            if self._now is not None and render.day(now) != render.day(self._now):
                self._now = now  # read once, not at every tick until the read is shown
                self.load()

    # -- the focused pane's keys -----------------------------------------------------------------

    def action_every_story(self) -> None:
        """A pane shows its company's latest headlines; this lists all of them, page by page."""
        if not isinstance(self.focused, CompanyPane):
            return
        from marketwatch.queries import StoryFilter
        from marketwatch.tui.screens.stories import StoriesScreen

        company = self.focused.company
        deal = self.app.scope.deal
        if deal is None:
            title, flt = f"{company}: every tie-up story", StoryFilter(companies=(company,))
        else:  # its own deals of that type, as its pane lists them
            title = f"{company}: {render.deal_kind_in_text(deal)}"
            flt = StoryFilter(companies=(company,), deals=(deal,))
        pane = self.focused
        at = pane.stories[pane.cursor].id if pane.stories else None  # on the headline `e` was pressed on
        self.app.push_screen(StoriesScreen(title, flt, at=at))

    def action_mark_all_read(self) -> None:
        if isinstance(self.focused, CompanyPane):
            self.app.mark_company_read(self.focused.company)

    def action_undo_mark_read(self) -> None:
        self.app.undo_mark_read()

    # -- no panes ---------------------------------------------------------------------------------

    def _empty_text(self, overview: Overview) -> Text:
        """What the screen says in place of panes: none in the filter, or none at all yet, and
        what to do. While a refresh runs it says so: a new database's first screen asked for r
        under the progress bar of the refresh already fetching."""
        out = Text(end="")
        scope = self.app.scope
        refreshing = self.app.refreshing
        if (not scope.is_all or scope.deal) and overview.feeds:
            out.append(f"No {render.plain(render.none_of(scope))}.", style="bold")
            out.append("\n\nPress ")
            for i, key in enumerate(("a", "w", "d")):
                out.append(", " if i == 1 else " or " if i == 2 else "")
                out.append(f" {key} ", style="reverse")
            out.append(" to choose another filter, ")
            out.append(" x ", style="reverse")
            out.append(" to clear them")
            if refreshing:
                out.append("; the feeds are being fetched now.")
            else:
                out.append(", or ")
                out.append(" r ", style="reverse")
                out.append(" to refresh the feeds.")
            return out
        if why := self.app.config.why_no_tieups():  # r would fetch, and still find none
            out.append("No tie-up stories.\n\n", style="bold")
            out.append(f"{why[0].upper()}{why[1:]}: add companies to ")
            out.append(render.plain(self.app.config.path or "config.toml"), style="bold")
            out.append(" (the config marketwatch ships lists the major carmakers and tech companies), then run ")
            out.append("marketwatch rematch", style="bold")
            out.append(" to match the stories already stored.")
            return out
        out.append("No tie-up stories yet.\n\n", style="bold")
        if refreshing:
            out.append("Fetching the feeds now: the panes fill in when the refresh is done.")
            return out
        if not self.app.config.feeds:
            out.append("The config has no feeds: add one with ")
            out.append("marketwatch add-feed URL", style="bold")
            out.append(", or [[feeds]] entries to ")
            out.append(render.plain(self.app.config.path or "config.toml"), style="bold")
            out.append(".\n\n")
        feeds = {feed.url for feed in self.app.config.feeds}
        failing = len(overview.failing & feeds)
        if failing:  # a first run with no network: every feed failed, and r alone would fail again
            out.append(f"{render.plural(failing, 'feed')} of {len(feeds)} failed at the last refresh: press ")
            out.append(" f ", style="reverse")
            out.append(" to see why (a network or an address problem, most often).\n\n")
        out.append("Press ")
        out.append(" r ", style="reverse")
        out.append(" to refresh the feeds now, or run ")
        out.append("marketwatch refresh", style="bold")
        out.append(" (from cron, for instance); the panes fill in by themselves when it is done.")
        return out

    def _empty_changed(self) -> None:
        """A refresh started or ended: the words in place of the panes follow (`_empty_text`)."""
        if self.overview is not None and not self.overview.panes:
            self.query_one("#message", Static).update(self._empty_text(self.overview))
