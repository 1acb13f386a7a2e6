"""The main screen's refresh row: a label and a progress bar under the panes while a refresh
runs (`r`, or the dashboard's own when the feeds are stale). A mixin of MainScreen, called by
the app's `Refreshes`: `query_one`, `add_class`, `remove_class` and `_empty_changed` (the words
in place of the panes, which say when a refresh is under way) are the screen's.
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from marketwatch.tui import render


class RefreshBar:
    """The row #refresh-bar, composed empty by the screen and filled by the first refresh."""

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
