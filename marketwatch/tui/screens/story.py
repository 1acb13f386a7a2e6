"""One story in full: what it says, who takes part, why it counts as a tie-up, and its link."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from marketwatch.pairdeals import noted
from marketwatch.story import Story
from marketwatch.tui import render
from marketwatch.tui.screens.back import BACK
from marketwatch.tui.screens.early_keys import EarlyKeys
from marketwatch.tui.widgets.footer import KeysFooter
from marketwatch.tui.widgets.topbar import TopBar
from marketwatch.urls import safe_link

_TRAILER = re.compile(r"\s*(?:\[(?:…|\.\.\.)\]|…|\.\.\.)$")  # "[…]", "[...]", "…" ending a summary

if TYPE_CHECKING:
    from marketwatch.tui.dashboard import MarketwatchApp


class StoryScreen(EarlyKeys):
    BINDINGS: ClassVar[list[BindingType]] = [
        BACK,
        Binding("o", "open_link", "Open", tooltip="Open the link in the browser (http and https only)"),
        Binding("c", "copy_link", "Copy", tooltip="Copy the link to the clipboard"),
        Binding("space", "toggle_read", "Read", tooltip="Mark the story read or unread"),
        Binding("s", "star", "Star", tooltip="Star or unstar the story"),
        Binding("j,down", "scroll(1)", "Scroll down", show=False),
        Binding("k,up", "scroll(-1)", "Scroll up", show=False),
    ]

    app: MarketwatchApp

    def __init__(self, story: Story, scope_label: str = "") -> None:
        """`scope_label`: the filter of the list the story was opened from ("" for the search and
        the starred stories, which list every story whatever the dashboard's filter)."""
        super().__init__()
        self.story = story
        self.scope_label = scope_label

    def compose(self) -> ComposeResult:
        yield TopBar("Story", self.scope_label, id="topbar")
        with VerticalScroll(id="story"):
            yield Static(id="story-title", markup=False)
            yield Static(id="story-facts", markup=False)
            yield Static(Text("Why it is a tie-up", style="bold"), id="story-why-label", markup=False)
            yield Static(id="story-sentence", markup=False)
            yield Static(Text("Summary", style="bold"), id="story-summary-label", markup=False)
            yield Static(id="story-summary", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        # Twice in a loaded test run the Mount came with no #story-title to fill (a screen pushed as
        # the test's app closed): "No nodes match" ended the app. Fill it once its parts are there.
        if self.query("#story-title"):
            self.show(self.story)
        elif self.is_attached:
            self.call_after_refresh(lambda: self.query("#story-title") and self.show(self.story))

    def reopen(self, story: Story, scope_label: str) -> None:
        """Show another story in this screen, which the app keeps (composing it took longer than
        anything else in opening a story)."""
        self.scope_label = scope_label
        self.query_one(TopBar).set(scope_label=scope_label)
        self.query_one("#story", VerticalScroll).scroll_home(animate=False)
        self.show(story)

    def show(self, story: Story) -> None:
        self.story = story
        now = self.app.now()
        title = Text(end="")
        if story.starred:
            title.append(render.STARRED + " ", style="bold yellow")
        title.append(render.plain(story.title), style="bold")
        self.query_one("#story-title", Static).update(title)
        self.query_one("#story-facts", Static).update(self._facts(story, now))
        sentence = render.sentence(story.sentence, story.spans)
        self.query_one("#story-sentence", Static).update(
            sentence if sentence.plain else Text("(no sentence recorded)", style="dim"))
        self.query_one("#story-summary", Static).update(
            render.text(story.summary) if story.summary else Text("(no summary)", style="dim"))
        # A one-sentence summary that is the sentence above (feeds often end it with "[…]")
        # would be read twice. Cut from both: a summary cut short is one sentence, "[…]" and all.
        summary = _TRAILER.sub("", render.plain(story.summary))
        repeated = bool(sentence.plain) and summary == _TRAILER.sub("", render.plain(sentence.plain))
        for part in ("#story-summary-label", "#story-summary"):
            self.query_one(part, Static).display = not repeated
        state = "read" if story.read else "unread"
        self.query_one(TopBar).set(extra=state + (", starred" if story.starred else ""))

    def _facts(self, story: Story, now) -> render.Facts:
        pairs: list[Text] = []  # one item a pair: a line breaks between pairs, never inside one
        for (oem, tech), deal in noted(story):  # a deal: named in passing, with its own
            pair = Text(end="")
            pair.append(render.plain(oem), style="bold")
            pair.append(" – ", style="dim")
            pair.append(render.plain(tech), style="bold cyan")
            if deal:
                pair.append(f" ({render.deal(deal)})", style="dim")
            pairs.append(pair)
        link = safe_link(story.url)
        rows = [
            ("Date", render.text(render.full_date(story.published, now) or "unknown")),
            ("Feeds", [render.text(feed) for feed in story.feeds] or Text("–")),
            ("Companies", [render.text(company, "bold") for company in story.companies] or Text("–")),
            ("OEM – tech", pairs if story.pairs else Text("–")),
            ("Deal type", render.text(render.deal(story.deal_type) or "–")),
            ("Alliances", [render.text(alliance) for alliance in story.alliances] or Text("–")),
            ("Link", Text(link, style="underline", overflow="fold") if link else Text.assemble(
                render.text(story.url, "dim"), (f" ({render.NOT_HTTP})", "dim")) if render.plain(story.url)
                else render.text("none", "dim")),
        ]
        return render.Facts(rows)

    def action_scroll(self, step: int) -> None:
        scroll = self.query_one("#story", VerticalScroll)
        scroll.scroll_relative(y=step, animate=False, immediate=True)

    def action_open_link(self) -> None:
        self.app.open_link(self.story.url)

    def action_copy_link(self) -> None:
        link = safe_link(self.story.url)
        if not link:
            self.app.notify(render.no_link(self.story.url), severity="warning", markup=False)
            return
        self.app.copy_to_clipboard(link)
        self.app.notify(f"Copied {link}", markup=False)

    def action_toggle_read(self) -> None:
        self.app.set_flag(self.story, "read", not self.story.read)

    def action_star(self) -> None:
        self.app.set_flag(self.story, "starred", not self.story.starred)

    def story_changed(self, story: Story) -> None:
        if story.id != self.story.id:
            return
        story = dataclasses.replace(self.story, read=story.read, starred=story.starred)
        if self.is_mounted:
            self.show(story)
        else:  # opened a moment ago and not composed yet: on_mount shows it
            self.story = story
