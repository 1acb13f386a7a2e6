"""The bar at the top of every screen: where you are and what the view is narrowed to."""

from __future__ import annotations

from collections.abc import Iterator
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
    Nissan-Mitsubishi Alliance"). On a bar whose `extra` ends in the time of the last refresh
    (the main screen's), the view's name goes next ("Companies", which its panes say), then
    the filter's name is cut in its middle (`FilterLabel.fit`: the kind of filter goes, then
    the middle of the name, down to NAME_READABLE cells; the deal type stays whole), and only
    then the time goes, shown as "· …" ("refreshed…" was the end of the counts cut mid-word),
    and the name is cut again as far as it must. At 80 columns an alliance and a deal type left
    "MoUs · Renault-Nissan-Mitsubish…Alliance │ 2 tie-ups · 2 new · …": the view's name stayed
    and the time went, which an analyst looks at to know whether the panes are current.
    Elsewhere (`extra` a plain string: a story's state, the matrix cell's pair, kept whole) the
    name is cut before the view's name goes. The counts are all of `extra` but its last part."""

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
        bar = self.build(self.scope_label, with_name=True)
        if not width or bar.cell_len <= width:
            return bar
        for bar in self._narrower(width):
            if bar.cell_len <= width:
                return bar
        return bar  # cut at its end: nothing else can give way

    def _narrower(self, width: int) -> Iterator[Text]:
        """The bar without the app's name, ever shorter, the most wanted first (`render` draws
        the first that fits): in stages of (with the view's name, with the time of the last
        refresh), the filter whole, then cut in its middle (to NAME_READABLE cells at least
        while the time stays; as far as it must in the last stage)."""
        timed = isinstance(self.extra, tuple) and len(self.extra) > 1
        stages = [(True, False), (False, False), (False, True)] if timed else [(True, False), (False, False)]
        label = self.scope_label
        whole = [label] if label else [""]
        if isinstance(label, render.FilterLabel) and label.unsaid() != label:
            whole.append(label.unsaid())
        for n, (with_view, kept) in enumerate(stages):
            last = n == len(stages) - 1
            yield self.build(label, with_name=False, with_view=with_view, kept=kept)
            for shown in whole:
                yield self.build(shown, with_name=False, filter_word=False, with_view=with_view, kept=kept)
            if not label:
                continue
            fitting = label if isinstance(label, render.FilterLabel) else render.FilterLabel("", "", label)
            room = width - self.build("", with_name=False, filter_word=False, with_view=with_view, kept=kept).cell_len
            if timed and with_view:
                continue  # the view's name goes before the filter's is cut
            if timed and not last and fitting.name_room(room) < render.NAME_READABLE:
                continue  # the time of the last refresh goes before the name is cut that short
            yield self.build(fitting.fit(room), with_name=False, filter_word=False, with_view=with_view, kept=kept)

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
            lead = " │ " if out.cell_len else ""
            out.append(lead + ("Filter: " if filter_word else ""), style="dim")
            out.append(f" {render.plain(label)} ", style="bold reverse")
        if self.extra:
            if out.cell_len:
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
