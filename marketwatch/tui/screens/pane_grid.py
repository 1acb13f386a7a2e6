"""The main screen's grid of company panes: which panes are mounted, in what order, and moving
between them. A mixin of MainScreen, as `filters` and `refreshing` are of the app: `focused`,
`app`, `query_one`, `set_focus` and the grid's widgets (#panes, #grid, #more, which the screen
composes) are the screen's.

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

from textual.containers import Grid, VerticalScroll

from marketwatch.overview import Pane
from marketwatch.story import Story
from marketwatch.tui.data import HEADLINES
from marketwatch.tui.widgets.pane import CompanyPane, with_story

PANE_WIDTH = 40  # narrowest pane worth showing; the grid has as many columns as fit
# Headlines shown per pane by screen height (rows below which the count applies): a pane is up
# to 4 + 3 * headlines rows, so that about two rows of panes fit on a screen.
SHOWN = ((34, 3), (50, 4))


class PaneGrid:
    """The panes of the scope, mounted as they come into view, and the keys that move between them."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.columns = 1
        self._data: list[Pane] = []  # every pane of the scope; the first ones are shown
        self._pool: dict[str, CompanyPane] = {}  # company -> its widget, once made (hidden when not shown)
        self._now = None
        self._scope = None  # the scope of the panes shown
        # One _show_first at a time: a reload and a pane move (j past the last pane) may both
        # mount, and one finding a widget the other is still mounting cannot place it.
        self._showing = asyncio.Lock()

    # -- showing the panes --------------------------------------------------------------------

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
