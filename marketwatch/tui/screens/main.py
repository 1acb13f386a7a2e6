"""The main screen: a grid of company panes for the current scope, busiest first.

Only the panes that fill the screen are shown at first: more as the focus or the scroll position
comes near the last of them (a row ahead of the focus), and a blank block below the grid stands
for the rest, so that the scrollbar is about right. A scope of 120 companies would otherwise be
120 widgets to mount, style and lay out before anything moves, and again on every layout. A
company's widget, once made, is kept (hidden while another filter is shown) with its lines
drawn, so that switching filters back and forth redraws nothing that did not change.
"""

from __future__ import annotations

import asyncio
import math
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
from textual.widgets import ProgressBar, Static
from textual.worker import get_current_worker

from marketwatch.overview import Pane
from marketwatch.store import StoreError
from marketwatch.story import Story
from marketwatch.tui import render
from marketwatch.tui.data import HEADLINES, Overview
from marketwatch.tui.memory import freeze_gc
from marketwatch.tui.widgets.footer import KeysFooter
from marketwatch.tui.widgets.pane import CompanyPane, with_story
from marketwatch.tui.widgets.topbar import Parts, TopBar

if TYPE_CHECKING:
    from marketwatch.tui.dashboard import MarketwatchApp

PANE_WIDTH = 40  # narrowest pane worth showing; the grid has as many columns as fit
TICK_S = 30.0  # how often the top bar's "refreshed … ago" is brought up to date
# Headlines shown per pane by screen height (rows below which the count applies): a pane is up
# to 4 + 3 * headlines rows, so that about two rows of panes fit on a screen.
SHOWN = ((34, 3), (50, 4))


class MainScreen(Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "app.pick_alliance", "Alliance", tooltip="Show only an alliance's members (or All)"),
        Binding("w", "app.pick_watchlist", "Watchlist", tooltip="Show only a watchlist's companies (or All)"),
        # In the footer from 120 columns on (`KeysFooter.WIDE_ONLY`): at 80 it would push r off.
        Binding("d", "app.pick_deal", "Deal",
                tooltip="Show only one deal type: joint ventures, stakes, MoUs… (or All)"),
        # Not in the footer, which is full at 80 columns; ? and the README list it.
        Binding("e", "every_story", "All stories", show=False,
                tooltip="Every tie-up story of the company in the focused pane (of the deal type chosen with d)"),
        Binding("A", "mark_all_read", "All read", show=False,
                tooltip="Mark every story of the company in the focused pane read (of the deal type chosen with d)"),
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
        self.columns = 1
        self._data: list[Pane] = []  # every pane of the scope; the first ones are shown
        self._pool: dict[str, CompanyPane] = {}  # company -> its widget, once made (hidden when not shown)
        self._now = None
        self._scope = None  # the scope of the panes shown
        self._stale = False  # written to while another screen showed: reload when shown again
        self._then: list[Callable[[], None]] = []  # to run once the panes loading are in place
        # One _show_first at a time: a reload and a pane move (j past the last pane) may both
        # mount, and one finding a widget the other is still mounting cannot place it.
        self._showing = asyncio.Lock()

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
            app.call_from_thread(self._failed, f"cannot read the database: {exc}")
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
        self.app.notify(problem, severity="error", markup=False)
        if self.overview is None:
            message = self.query_one("#message", Static)
            message.update(Text(render.plain(problem), style="bold red"))
            message.display = True

    async def show(self, overview: Overview, scope) -> None:
        if scope != self.app.scope:  # the filter changed while this was loading: its load shows it
            return
        self.overview = overview
        app = self.app
        now = app.now()
        self.query_one(TopBar).set(scope_label=render.scope_label(scope), extra=self._totals(overview, now))
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
                                         (f"{overview.unread} new", False)]
        failing = len(overview.failing & {feed.url for feed in self.app.config.feeds})
        if failing:
            parts.append((f"{render.plural(failing, 'feed')} failing (f)", True))
        parts.append((f"refreshed {render.ago(overview.last_fetched, now)}" if overview.last_fetched
                      else "never refreshed", False))
        return tuple(parts)

    def _tick(self) -> None:
        """"refreshed 3 min ago" must not stay "1 min ago" on a screen left open all day."""
        if self.overview is not None and self.is_current:
            self.query_one(TopBar).set(extra=self._totals(self.overview, self.app.now()))

    async def _show_panes(self, data: list[Pane], now) -> None:
        """Show the first `data` panes: as many as were shown (the user may have scrolled down),
        at least a screenful, and the focused company's. Each company keeps its widget once made
        (hidden while its company is not shown), so that going back to a filter shows panes
        already drawn instead of making and drawing them again."""
        app = self.app
        shown = self.panes()
        focused = self.focused if isinstance(self.focused, CompanyPane) else None
        # A reload keeps the focus on its company; another scope starts at the top.
        same = self._scope == app.scope
        keep = None
        if focused and same:
            keep = (focused.company, focused.cursor, focused.story.id if focused.story else None)
        self._data, self._now, self._scope = data, now, app.scope
        count = min(len(data), max(len(shown), self._first_screen()))
        where = next((i for i, pane in enumerate(data) if keep and pane.company == keep[0]), None)
        if where is not None:
            count = max(count, self._through(where))
        await self._show_first(count)
        panes = self.panes()
        if where is not None:
            target = panes[where]
            # The same story, where a newer one pushed it down; else the same place.
            ids = [story.id for story in target.stories]
            target.cursor = ids.index(keep[2]) if keep[2] in ids else min(keep[1], max(0, len(ids) - 1))
            if target is not focused:
                target.focus(scroll_visible=False)
        elif panes:
            panes[0].go_first()
            panes[0].focus(scroll_visible=same)  # another scope: scrolled home just below
            if not same:
                self.query_one("#panes", VerticalScroll).scroll_home(animate=False)

    async def _show_first(self, count: int) -> None:
        """Show the widgets of the first `count` panes of the scope, in order, and hide the rest."""
        async with self._showing:
            await self._place_first(count)

    async def _place_first(self, count: int) -> None:
        grid = self.query_one("#grid", Grid)
        limit = self._limit()
        widgets, new = [], []
        for pane in self._data[:count]:
            widget = self._pool.get(pane.company)
            if widget is None:
                widget = self._made(pane, self._now, limit)
                new.append(widget)
            else:
                widget.update_pane(pane, self._now, self.app.kind_label(pane.company))
            widgets.append(widget)
        if new:
            await grid.mount_all(new)
        wanted = set(widgets)
        for widget in self._pool.values():
            widget.display = widget in wanted
        # The grid places its children in order: put the shown ones in the scope's order.
        order = [child for child in grid.children if child in wanted]
        for i, widget in enumerate(widgets):
            if order[i] is not widget:
                grid.move_child(widget, before=order[i])
                order.remove(widget)
                order.insert(i, widget)
        self._size_spacer()

    async def prepare(self, data: list[Pane], now) -> None:
        """Make, hidden, the widgets of a scope's first screen of panes that have none yet (its
        companies were never shown): while a picker is open, so that the scope chosen shows
        without making and styling them then (a first use of a filter took ~40 ms more)."""
        limit = self._limit()
        new = []
        for pane in data[: self._first_screen()]:
            if pane.company not in self._pool:
                widget = self._made(pane, now, limit)
                widget.display = False
                new.append(widget)
        if new:
            await self.query_one("#grid", Grid).mount_all(new)

    def _made(self, pane: Pane, now, limit: int) -> CompanyPane:
        """A company's widget, made once and kept in the pool for as long as the screen lives."""
        widget = CompanyPane(pane, self.app.kind_label(pane.company), now, limit, on_move=self.move_from)
        self._pool[pane.company] = widget
        return widget

    async def _mount_through(self, index: int) -> None:
        """Show the panes up to pane `index`, its row, and the row below it."""
        if self._through(index) > len(self.panes()):
            await self._show_first(self._through(index))

    def _first_screen(self) -> int:
        """How many panes fill the first screen, reckoning four rows (border, name, sparkline) and
        three per headline (a title mostly takes two lines); `_fill_view` mounts more if the
        panes turn out shorter."""
        height = max(1, (self.size.height or self.app.size.height) - 2)  # the top bar, the footer
        rows = math.ceil(height / (4 + 3 * self._limit()))
        return rows * self.columns

    def _through(self, index: int) -> int:
        """How many panes to mount for pane `index`, its row, and the row below it."""
        return min(len(self._data), (index // self.columns + 2) * self.columns)

    def _row_height(self) -> int:
        """A row of panes' height: as laid out so far, or as the grid is about to lay it out."""
        grid = self.query_one("#grid", Grid)
        rows = math.ceil(len(self.panes()) / self.columns)
        if rows and grid.outer_size.height:
            return max(1, round(grid.outer_size.height / rows))
        return 4 + 3 * self._limit()

    def _size_spacer(self, again: bool = True) -> None:
        """As high as the rows of panes that are not mounted yet (blank until they are); measured
        again once the grid has been laid out with the panes just mounted."""
        more = self.query_one("#more")
        rest = len(self._data) - len(self.panes())
        more.display = rest > 0
        if rest > 0:
            more.styles.height = math.ceil(rest / self.columns) * self._row_height()
            if again:
                self.call_after_refresh(self._size_spacer, False)
            else:
                self._fill_view()

    def _fill_view(self) -> None:
        """Laid out: if the blank block shows on the screen, mount the rows that fill it."""
        scroll = self.query_one("#panes", VerticalScroll)
        short = scroll.scroll_y + scroll.size.height - self.query_one("#more").virtual_region.y
        if short > 0:
            rows = math.ceil(short / self._row_height())
            self.call_later(self._mount_through, len(self.panes()) + (rows - 1) * self.columns)

    def _scrolled(self, y: float) -> None:
        """Scrolled within a screen of the panes not mounted yet: mount enough to fill it."""
        more = self.query_one("#more")
        if not more.display:
            return
        scroll = self.query_one("#panes", VerticalScroll)
        top = more.virtual_region.y  # where the blank block starts, in the scroll's content
        short = y + 2 * scroll.size.height - top
        if short > 0:
            rows = math.ceil(short / self._row_height())
            self.call_later(self._mount_through, len(self.panes()) + (rows - 1) * self.columns)

    def on_descendant_focus(self, event) -> None:
        """Keep a row of panes mounted below the focused one, for the keys that move down."""
        if isinstance(event.widget, CompanyPane) and self._data:
            panes = self.panes()
            if event.widget in panes and panes.index(event.widget) + self.columns >= len(panes):
                self.call_later(self._mount_through, panes.index(event.widget))

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
        self.app.push_screen(StoriesScreen(title, flt))

    def action_mark_all_read(self) -> None:
        if isinstance(self.focused, CompanyPane):
            self.app.mark_company_read(self.focused.company)

    async def action_next_pane(self, step: int) -> None:
        """Tab and Shift+Tab: the next or previous pane, mounted first if need be."""
        panes = self.panes()
        if not panes:
            return
        current = panes.index(self.focused) if self.focused in panes else -step
        target = (current + step) % len(self._data)
        if target >= len(panes):
            await self._mount_through(target)
            panes = self.panes()
        self.set_focus(panes[target])

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
            out.append(" to choose another filter")
            if refreshing:
                out.append("; the feeds are being fetched now.")
            else:
                out.append(", or ")
                out.append(" r ", style="reverse")
                out.append(" to refresh the feeds.")
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
        for pane in self._pool.values():
            pane.limit = limit

    def panes(self) -> list[CompanyPane]:
        """The panes shown, in order (the widgets of companies not shown now are hidden)."""
        return [child for child in self.query_one("#grid", Grid).children
                if isinstance(child, CompanyPane) and child.display]

    async def move_from(self, pane: CompanyPane, direction: str) -> None:
        """Focus the pane next to `pane` (`CompanyPane.action_move`), at once: `set_focus`, as
        `focus()` would do it only after the keys already typed."""
        if pane in self.panes() and direction in ("down", "right"):
            await self._mount_through(self.panes().index(pane) + 1)
        panes = self.panes()
        if pane not in panes:
            return
        i, cols, n = panes.index(pane), self.columns, len(panes)
        target, first = None, True
        if direction == "left" and i > 0:
            target, first = i - 1, True
        elif direction == "right" and i + 1 < n:
            target, first = i + 1, True
        elif direction == "up" and i - cols >= 0:
            target, first = i - cols, False
        elif direction == "down":
            if i + cols < n:
                target = i + cols
            elif i // cols < (n - 1) // cols:  # a shorter last row: go to its last pane
                target = n - 1
        if target is None:
            return
        pane = panes[target]
        pane.go_first() if first else pane.go_last()
        self.set_focus(pane)

    def story_changed(self, story: Story) -> None:
        """A story's flags changed: show it at once in every pane that has it."""
        for pane in self._pool.values():
            pane.replace_story(story)
        self._data = [with_story(pane, story) for pane in self._data]  # and the panes not mounted

    # -- refresh progress -----------------------------------------------------------------------

    def refresh_started(self, total: int) -> None:
        row = self.query_one("#refresh-bar", Horizontal)
        if not row.children:
            row.mount(Static("", id="refresh-label", markup=False),
                      ProgressBar(total=None, show_eta=False, id="refresh-progress"))
        bar = self.query_one("#refresh-progress", ProgressBar)
        bar.update(total=total or None, progress=0)
        self.query_one("#refresh-label", Static).update(f"Refreshing {render.plural(total, 'feed')}")
        self.query_one("#refresh-bar").display = True
        self.add_class("-refreshing")  # notifications rise above the bar (app.tcss)
        self._empty_changed()

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
        self.remove_class("-refreshing")
        self._empty_changed()
