"""`m`: OEMs down, tech companies across, the number of tie-up stories in each cell."""

from __future__ import annotations

import sqlite3
from collections import Counter
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Static
from textual.worker import get_current_worker

from marketwatch.queries import StoryFilter
from marketwatch.store import StoreError
from marketwatch.tui import render
from marketwatch.tui.screens.back import BACK
from marketwatch.tui.screens.early_keys import EarlyKeys
from marketwatch.tui.screens.stories import StoriesScreen
from marketwatch.tui.widgets.footer import KeysFooter
from marketwatch.tui.widgets.heatmap import Cell, HeatMap
from marketwatch.tui.widgets.topbar import TopBar

if TYPE_CHECKING:
    from marketwatch.tui.dashboard import MarketwatchApp


class MatrixScreen(EarlyKeys):
    FOLLOWS_WRITES = True  # the app reloads it when another process writes the database
    VIEW = "matrix"  # m, which opens it, is not offered on it (`MarketwatchApp.check_action`)
    BINDINGS: ClassVar[list[BindingType]] = [BACK]

    app: MarketwatchApp

    def __init__(self) -> None:
        super().__init__()
        self.oems: list[str] = []
        self.techs: list[str] = []
        self.counts: dict[tuple[str, str], int] = {}

    def compose(self) -> ComposeResult:
        yield TopBar("Tie-up matrix", render.scope_label(self.app.scope), "OEMs down, tech companies across",
                     id="topbar")
        yield Static(Text("Loading…", style="dim"), id="legend", markup=False)
        yield HeatMap("OEM \\ tech", id="matrix")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="matrix", exit_on_error=False)
    def load(self) -> None:
        app = self.app
        worker = get_current_worker()
        try:
            counts = app.data.matrix(app.scope.companies, app.scope.deal)
        except (sqlite3.Error, StoreError) as exc:
            app.call_from_thread(app.tell_problem, app.data.problem(exc))
            return
        if not worker.is_cancelled:
            app.call_from_thread(self.show, counts)

    def show(self, counts: dict[tuple[str, str], int]) -> None:
        """Build the grid; the cursor starts on the busiest pair and, on a reload (a refresh wrote),
        stays on its pair."""
        grid = self.query_one(HeatMap)
        keep = self._pair(*grid.cursor)
        self.counts = counts
        by_oem, by_tech = Counter(), Counter()
        for (oem, tech), n in counts.items():
            by_oem[oem] += n
            by_tech[tech] += n
        self.oems = sorted(by_oem, key=lambda c: (-by_oem[c], c))
        self.techs = sorted(by_tech, key=lambda c: (-by_tech[c], c))
        legend = self.query_one("#legend", Static)
        if not counts:
            grid.show([], [], [])
            self.query_one(TopBar).set(extra="")
            legend.update(Text(self._none(), style="dim"))
            return
        bounds = render.heat_bounds(max(counts.values()))
        legend_text = render.heat_legend(bounds)
        legend_text.append(f"   ·   {render.plural(len(self.oems), 'OEM')} × "
                           f"{render.plural(len(self.techs), 'tech company', 'tech companies')} · "
                           "Enter lists a cell's stories", style="dim")
        legend.update(legend_text)
        cells = [[Cell(*render.heat(counts.get((oem, tech), 0), bounds)) for tech in self.techs]
                 for oem in self.oems]
        if keep is not None and keep[0] in self.oems and keep[1] in self.techs:
            cursor = (self.oems.index(keep[0]), self.techs.index(keep[1]))
        else:  # the busiest pair, not the top-left corner (the busiest OEM and tech company: often no pair)
            row = {oem: i for i, oem in enumerate(self.oems)}
            column = {tech: i for i, tech in enumerate(self.techs)}
            oem, tech = min(counts, key=lambda pair: (-counts[pair], row[pair[0]], column[pair[1]]))
            cursor = (row[oem], column[tech])
        grid.show(self.oems, self.techs, cells, cursor)
        grid.focus()

    def _none(self) -> str:
        """Under a filter, the database has tie-ups: none of them is the filter's."""
        scope = self.app.scope
        if scope.is_all and scope.deal is None:
            return "No OEM–tech tie-ups in the database yet (press r to refresh)."
        return render.plain(f"No OEM–tech {render.none_of(scope, 'tie-ups')}.")

    def _pair(self, row: int, column: int) -> tuple[str, str] | None:
        if not 0 <= row < len(self.oems) or not 0 <= column < len(self.techs):
            return None
        return self.oems[row], self.techs[column]

    def on_heat_map_highlighted(self, event: HeatMap.Highlighted) -> None:
        """Name the pair under the cursor in full (the column headers are cut short)."""
        pair = self._pair(event.row, event.column)
        if pair is None:
            return
        n = self.counts.get(pair, 0)
        self.query_one(TopBar).set(extra=f"{pair[0]} – {pair[1]}: "
                                         f"{render.plural(n, 'tie-up story', 'tie-up stories')}")

    def on_heat_map_selected(self, event: HeatMap.Selected) -> None:
        event.stop()
        pair = self._pair(event.row, event.column)
        if pair is None:
            return
        oem, tech = pair
        n = self.counts.get((oem, tech), 0)
        deal = self.app.scope.deal
        what = render.deal_kind_in_text(deal) if deal else "tie-up stories"  # a cell counts its pair's own deals
        if not n:
            self.app.notify(render.plain(f"No {what} for {oem} – {tech}."), markup=False)
            return
        title = f"{oem} – {tech}: {what}" if deal else f"{oem} – {tech}"
        self.app.push_screen(StoriesScreen(title, StoryFilter(pair=(oem, tech), deals=(deal,) if deal else ())))
