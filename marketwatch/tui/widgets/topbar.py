"""The bar at the top of every screen: where you are and what the view is narrowed to."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from marketwatch.tui import render


class TopBar(Static):
    """`marketwatch › <view> │ Filter: <scope> │ <extra>`; every part is plain text."""

    def __init__(self, view: str, scope_label: str = "", extra: str = "", *, id: str | None = None) -> None:
        super().__init__("", markup=False, id=id, classes="topbar")
        self.view = view
        self.scope_label = scope_label
        self.extra = extra
        self.update(self._build())

    def set(self, *, view: str | None = None, scope_label: str | None = None, extra: str | None = None) -> None:
        if view is not None:
            self.view = view
        if scope_label is not None:
            self.scope_label = scope_label
        if extra is not None:
            self.extra = extra
        self.update(self._build())

    def _build(self) -> Text:
        out = Text("marketwatch", style="bold", end="")
        if self.view:
            out.append(" › ")
            out.append(render.plain(self.view))
        if self.scope_label:
            out.append("  │  Filter: ", style="dim")
            out.append(render.plain(self.scope_label), style="bold reverse")
        if self.extra:
            out.append("  │  ", style="dim")
            out.append(render.plain(self.extra))
        return out
