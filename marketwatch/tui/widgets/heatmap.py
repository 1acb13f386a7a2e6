"""The tie-up matrix's grid: row names down, column names across, a coloured count in each cell.

Not a DataTable: DataTable renders every column of each visible row through Rich, so a matrix of
60 tech companies took 0.6-0.8 s to first appear (2,400 cells), whatever fitted on screen. Here a
line is a list of ready-made segments cropped to the columns in view, and the whole grid paints
in a few milliseconds. The header row and the name column stay put while the cells scroll.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from marketwatch.tui import render

LABEL_MAX = 22  # longer row names are cut with an ellipsis (the top bar names the cell in full)
HEADER_MAX = 12  # likewise for column names


@dataclass(frozen=True)
class Cell:
    """What a cell shows: its text and the colour it says it with (one of render.HEAT, or dim)."""

    text: str
    style: str


def _pad(text: str, width: int, centre: bool = False) -> str:
    """`text` in `width` terminal cells, with a space either side."""
    room = width - 2 - cell_len(text)
    left = room // 2 if centre else 0
    return " " * (1 + left) + text + " " * (1 + room - left)


class HeatMap(ScrollView, can_focus=True):
    """A grid of counts with a cell cursor (arrows or h/j/k/l, Enter or a click to pick)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(-1, 0)", "Up", show=False),
        Binding("down,j", "move(1, 0)", "Down", show=False),
        Binding("left,h", "move(0, -1)", "Left", show=False),
        Binding("right,l", "move(0, 1)", "Right", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "edge(-1)", show=False),
        Binding("end", "edge(1)", show=False),
        Binding("ctrl+home", "top(-1)", show=False),
        Binding("ctrl+end", "top(1)", show=False),
        Binding("enter", "select", "Stories", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "heatmap--header", "heatmap--label", "heatmap--cursor", "heatmap--crosshair",
    }

    cursor: reactive[tuple[int, int]] = reactive((0, 0), always_update=True)

    class CellMessage(Message):
        """Something happened on the cell at (row, column)."""

        def __init__(self, heatmap: HeatMap, row: int, column: int) -> None:
            super().__init__()
            self.heatmap, self.row, self.column = heatmap, row, column

    class Highlighted(CellMessage):
        """The cursor is on (row, column)."""

    class Selected(CellMessage):
        """Enter, or a click, on (row, column)."""

    def __init__(self, corner: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.corner = corner
        self.rows: list[str] = []
        self.columns: list[str] = []
        self.cells: list[Sequence[Cell]] = []  # a row of cells for each row name
        self._labels = [render.cut(corner, LABEL_MAX)]  # the corner, then each row's name, cut to LABEL_MAX
        self._headers: list[str] = []  # each column's name, cut to HEADER_MAX
        self._label_width = 0
        self._widths: list[int] = []
        self._starts: list[int] = []  # each column's x within the scrolling part
        self._styles: dict[tuple[str, ...], Style] = {}

    def show(self, rows: Sequence[str], columns: Sequence[str], cells: Sequence[Sequence[Cell]],
             cursor: tuple[int, int] = (0, 0)) -> None:
        """Replace the grid: `cells[i][j]` is what row i shows in column j."""
        self.rows, self.columns, self.cells = list(rows), list(columns), list(cells)
        # Cut once here, not on every line painted.
        self._labels = [render.cut(name, LABEL_MAX) for name in [self.corner, *self.rows]]
        self._headers = [render.cut(name, HEADER_MAX) for name in self.columns]
        self._label_width = max(cell_len(label) for label in self._labels) + 2
        self._widths = [max([cell_len(header)] + [cell_len(row[j].text) for row in self.cells]) + 2
                        for j, header in enumerate(self._headers)]
        self._starts = [0, *itertools.accumulate(self._widths)][: len(self._widths)]
        self.virtual_size = Size(self._label_width + sum(self._widths), len(self.rows) + 1)
        self.cursor = self._clamp(*cursor)
        self.refresh()

    def _clamp(self, row: int, column: int) -> tuple[int, int]:
        return (max(0, min(row, len(self.rows) - 1)), max(0, min(column, len(self.columns) - 1)))

    def watch_cursor(self, cursor: tuple[int, int]) -> None:
        if not self.rows or not self.columns:
            return
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self, *cursor))

    def _scroll_to_cursor(self) -> None:
        """The header and the name column never scroll, so the cell must fit in what is left."""
        row, column = self.cursor
        rows_shown = max(1, self.scrollable_content_region.height - 1)
        cells_shown = max(1, self.scrollable_content_region.width - self._label_width)
        x, y = self.scroll_offset
        if row < y:
            y = row
        elif row >= y + rows_shown:
            y = row - rows_shown + 1
        start, end = self._starts[column], self._starts[column] + self._widths[column]
        if start < x:
            x = start
        elif end > x + cells_shown:  # from the first column start that shows all of the cursor's column
            x = min(start, next(s for s in self._starts if end - s <= cells_shown or s == start))
        self.scroll_to(x, y, animate=False, immediate=True)

    # -- keys and mouse ------------------------------------------------------------------------

    def action_move(self, rows: int, columns: int) -> None:
        self.cursor = self._clamp(self.cursor[0] + rows, self.cursor[1] + columns)

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.scrollable_content_region.height - 2), 0)

    def action_edge(self, direction: int) -> None:
        self.cursor = self._clamp(self.cursor[0], 0 if direction < 0 else len(self.columns) - 1)

    def action_top(self, direction: int) -> None:
        self.cursor = self._clamp(0 if direction < 0 else len(self.rows) - 1, self.cursor[1])

    def action_select(self) -> None:
        if self.rows and self.columns:
            self.post_message(self.Selected(self, *self.cursor))

    def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1 or offset.x < self._label_width or not self.rows:
            return
        row = self.scroll_offset.y + offset.y - 1
        x = self.scroll_offset.x + offset.x - self._label_width
        column = bisect.bisect_right(self._starts, x) - 1
        if row < len(self.rows) and column >= 0 and x < self._starts[column] + self._widths[column]:
            self.cursor = (row, column)
            self.action_select()

    # -- painting ------------------------------------------------------------------------------

    def _style(self, *names: str) -> Style:
        """The widget's own style plus `names` (component classes or heat colours), made once
        per style change rather than once per cell."""
        if names not in self._styles:
            style = self.rich_style
            for name in names:
                if name == "heatmap--cursor":  # whole, so that its translucent blurred background is blended
                    style += self.get_component_rich_style(name, partial=False)
                elif name.startswith("heatmap--"):
                    style += self.get_component_rich_style(name, partial=True)
                else:
                    style += Style.parse(name)
            self._styles[names] = style
        return self._styles[names]

    def notify_style_update(self) -> None:
        """Focus, blur and theme changes land here because the widget's own style changes with
        them (the :focus rule in screens.tcss tints it): Textual does not call this when only a
        component class's style changes, so keep a :focus rule on HeatMap itself."""
        super().notify_style_update()
        self._styles.clear()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        cursor = self.cursor
        row = -1 if y == 0 else self.scroll_offset.y + y - 1
        if row >= len(self.rows):
            return Strip.blank(width, self._style())
        names = ("heatmap--header",) if row < 0 else ("heatmap--label",)
        if row == cursor[0]:
            names += ("heatmap--crosshair",)
        head = Segment(_pad(self._labels[row + 1], self._label_width), self._style(*names))
        return Strip([head, *self._cells(row, cursor, max(0, width - self._label_width))]).adjust_cell_length(
            width, self._style())

    def _cells(self, row: int, cursor: tuple[int, int], room: int) -> Strip:
        """The cells of `row` (-1: the header) that fall in the `room` columns in view."""
        left = self.scroll_offset.x
        first = max(0, bisect.bisect_right(self._starts, left) - 1)
        last = bisect.bisect_left(self._starts, left + room)
        segments = [self._segment(row, j, cursor) if left <= self._starts[j]
                    and self._starts[j] + self._widths[j] <= left + room
                    else Segment(" " * self._widths[j], self._style())  # 13 cut short would read as 3
                    for j in range(first, last)]
        if not segments:
            return Strip([])
        skip = left - self._starts[first]
        return Strip(segments).crop(skip, skip + room)

    def _segment(self, row: int, column: int, cursor: tuple[int, int]) -> Segment:
        width = self._widths[column]
        if row < 0:
            names = ("heatmap--header", "heatmap--crosshair") if column == cursor[1] else ("heatmap--header",)
            return Segment(_pad(self._headers[column], width), self._style(*names))
        cell = self.cells[row][column]
        names = (cell.style, "heatmap--cursor") if (row, column) == cursor else (cell.style,)
        return Segment(_pad(cell.text, width, centre=True), self._style(*names))
