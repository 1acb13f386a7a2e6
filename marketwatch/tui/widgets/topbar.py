"""The bar at the top of every screen: where you are and what the view is narrowed to."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from marketwatch.tui import render

# `extra` as parts: (text, warn), joined with " · "; a part with warn set stands out (a problem
# to look at, such as feeds failing), in the theme's warning colour.
Parts = tuple[tuple[str, bool], ...]


class TopBar(Widget):
    """`marketwatch › <view> │ Filter: <scope> │ <extra>`; every part is plain text.

    The filter matters most: on a narrow screen the app's name goes first, then the end of
    `extra` is cut, so the filter stays in view."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"topbar--warning"}

    view: reactive[str] = reactive("")
    scope_label: reactive[str] = reactive("")
    extra: reactive[str | Parts] = reactive("")

    def __init__(self, view: str, scope_label: str = "", extra: str | Parts = "", *, id: str | None = None) -> None:
        super().__init__(id=id, classes="topbar")
        self.set_reactive(TopBar.view, view)
        self.set_reactive(TopBar.scope_label, scope_label)
        self.set_reactive(TopBar.extra, extra)

    def set(self, *, view: str | None = None, scope_label: str | None = None,
            extra: str | Parts | None = None) -> None:
        if view is not None:
            self.view = view
        if scope_label is not None:
            self.scope_label = scope_label
        if extra is not None:
            self.extra = extra

    def render(self) -> Text:
        width = self.content_region.width or self.size.width
        full = self.build(with_name=True)
        if not width or full.cell_len <= width:
            return full
        return self.build(with_name=False)

    def build(self, *, with_name: bool) -> Text:
        out = Text(end="", no_wrap=True, overflow="ellipsis")
        if with_name:
            out.append("marketwatch", style="bold")
            if self.view:
                out.append(" › ")
        if self.view:
            out.append(render.plain(self.view), style="" if with_name else "bold")
        if self.scope_label:
            out.append(" │ Filter: ", style="dim")
            out.append(f" {render.plain(self.scope_label)} ", style="bold reverse")
        if self.extra:
            out.append(" │ ", style="dim")
            out.append_text(self.extra_text())
        return out

    def extra_text(self) -> Text:
        """`extra` as it is drawn: plain characters, the parts to warn of in the warning style."""
        extra = self.extra
        if isinstance(extra, str):
            return Text(render.plain(extra), end="")
        warning = self.get_component_rich_style("topbar--warning")
        out = Text(end="")
        for i, (part, warn) in enumerate(extra):
            if i:
                out.append(" · ")
            out.append(render.plain(part), style=warning if warn else "")
        return out
