"""The dashboard's tables: Textual's DataTable, moved with j and k as the panes are."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable


class KeyedTable(DataTable):
    # Home and End to the first and last row, as in newsboat and a file manager (DataTable's own
    # scroll a row-cursor table sideways, which none of these needs; Ctrl+Home and Ctrl+End stay).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("home", "scroll_top", show=False),
        Binding("end", "scroll_bottom", show=False),
    ]


class PagedTable(KeyedTable):
    """A table given its rows a page at a time, as the cursor or the scrollbar nears the last.

    DataTable measures every cell of every row it is given (about 0.4 ms a row of eight cells
    here), so a list of 2,000 feeds took most of a second to appear. The rows past the first
    page cost nothing until they are about to be seen; ctrl+end gives all of them first."""

    PAGE = 100
    NEAR = 20  # rows from the last one given at which the next page is added

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._items: Sequence[Any] = ()
        self._row: Callable[[Any], tuple[str, Sequence[Text]]] = lambda item: ("", ())
        self.given = 0

    def set_items(self, items: Sequence[Any], row: Callable[[Any], tuple[str, Sequence[Text]]],
                  at_least: int = 0) -> None:
        """Show `items`, `row(item)` making each one's (key, cells) when it is given; at least
        `at_least` rows are given at once (where the cursor is going back to)."""
        self._items, self.given = (), 0  # clear() scrolls to the top, which must not add old rows
        self.clear()
        self._items, self._row = items, row
        self._give(max(self.PAGE, at_least))

    def _give(self, upto: int) -> None:
        for item in self._items[self.given:upto]:
            key, cells = self._row(item)
            self.add_row(*cells, key=key)
        self.given = min(upto, len(self._items))

    def _more(self) -> None:
        if self.given < len(self._items):
            self._give(self.given + self.PAGE)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= self.given - self.NEAR:
            self._more()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if new_value >= self.max_scroll_y - self.NEAR:
            self._more()

    def action_scroll_bottom(self) -> None:
        self._give(len(self._items))
        super().action_scroll_bottom()
