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

    A narrow bar leaves out whole parts, never the end of a word: first the app's name, then the
    word "Filter:" and the kind of filter where the name says it ("Alliance: " before "Renault-
    Nissan-Mitsubishi Alliance"), then the time of the last refresh (the last part of `extra`,
    shown as "· …"; "refreshed…" was the end of the counts cut mid-word), with "Filter:" again
    if the time was all that did not fit. If the counts would still be cut, the filter label shortens
    (`FilterLabel.fit`: the kind of filter goes, then the middle of the name; the deal type
    stays), and last the view's name. The counts are all of `extra` but its last part; a plain
    string `extra` (a story's state, the matrix cell's pair) is kept whole. A long alliance name
    and a deal type pushed the counts off an 80-column screen."""

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
        full = self.build(self.scope_label, with_name=True)
        if not width or full.cell_len <= width:
            return full
        label = self.scope_label
        # The most wanted first: the time of the last refresh before the word "Filter:", and
        # before the kind of filter where the name says it ("… Alliance").
        tries = [(label, False, False)]
        if label:
            unsaid = label.unsaid() if isinstance(label, render.FilterLabel) else label
            tries = [(label, True, False), *tries, *([(unsaid, False, False)] if unsaid != label else []),
                     (label, True, True)]
        for shown, filter_word, kept in [*tries, (label, False, True)]:
            bar = self.build(shown, with_name=False, filter_word=filter_word, kept=kept)
            if bar.cell_len <= width:
                return bar
        if not label:
            return bar  # cut at its end: nothing else can give way
        if not isinstance(label, render.FilterLabel):
            label = render.FilterLabel("", "", label)
        room = width - self.build("", with_name=False, filter_word=False, kept=True).cell_len
        fitted = self.build(label.fit(room), with_name=False, filter_word=False, kept=True)
        if fitted.cell_len <= width or not self.view:
            return fitted
        # Still too long (a deal type and an alliance, hundreds of tie-ups, feeds failing): the
        # view's name goes too ("Companies"), which the screen itself shows.
        room = width - self.build("", with_name=False, filter_word=False, kept=True, with_view=False).cell_len
        return self.build(label.fit(room), with_name=False, filter_word=False, kept=True, with_view=False)

    def build(self, label: str, *, with_name: bool, filter_word: bool = True, kept: bool = False,
              with_view: bool = True) -> Text:
        """The bar with `label` for the filter (its block is drawn, blank, for an empty one if
        the bar has a filter); `kept`: only the part of `extra` that a narrow bar keeps, with
        "· …" for the part left out."""
        out = Text(end="", no_wrap=True, overflow="ellipsis")
        if with_name:
            out.append("marketwatch", style="bold")
            if self.view:
                out.append(" › ")
        if self.view and with_view:
            out.append(render.plain(self.view), style="" if with_name else "bold")
        if self.scope_label:
            out.append(" │ Filter: " if filter_word else (" │ " if self.view and with_view else ""), style="dim")
            out.append(f" {render.plain(label)} ", style="bold reverse")
        if self.extra:
            out.append(" │ ", style="dim")
            out.append_text(self.extra_text(kept=kept))
        return out

    def extra_text(self, *, kept: bool = False) -> Text:
        """`extra` as it is drawn: plain characters, the parts to warn of in the warning style;
        `kept`: without its last part, which a narrow bar leaves out ("· …" says so)."""
        extra = self.extra
        if isinstance(extra, str):
            return Text(render.plain(extra), end="")
        warning = self.get_component_rich_style("topbar--warning")
        out = Text(end="")
        left_out = kept and len(extra) > 1
        for i, (part, warn) in enumerate(extra[:-1] if left_out else extra):
            if i:
                out.append(" · ")
            out.append(render.plain(part), style=warning if warn else "")
        if left_out:
            out.append(" · …", style="dim")
        return out
