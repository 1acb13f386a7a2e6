"""The dashboard's read and starred marks: a story's flags changed at once on every screen and
written in a worker, `A` (every story of a company read) and `u` (its undo). A mixin of
MarketwatchApp, as `filters` and `refreshing` are: `data`, `main`, `scope`, `screen_stack`,
`notify`, `reload` and `_marked_read` are the app's.
"""

from __future__ import annotations

import dataclasses
import sqlite3

from textual import work

from marketwatch.store import StoreError
from marketwatch.story import Story
from marketwatch.tui import render


class Marks:
    """Read and starred flags, one story at a time or a company's stories at once."""

    def set_flag(self, story: Story, flag: str, value: bool) -> None:
        """Show the change at once everywhere, write it in a worker, reload the counts after."""
        self._story_changed(dataclasses.replace(story, **{flag: value}))
        self._write_flag(story, flag, value)

    def _story_changed(self, story: Story) -> None:
        """Every screen showing the story takes its flags (read, starred), nothing else: the
        story given may be a headline's, with less in it than a screen shows."""
        for screen in self.screen_stack:
            changed = getattr(screen, "story_changed", None)
            if changed is not None:
                changed(story)

    @work(thread=True, group="flags", exit_on_error=False)
    def mark_company_read(self, company: str) -> None:
        """Clear a company's "new" marks at once, as newsboat's A does for a feed: the panes
        and counts are read again after, and the notification says how many it took."""
        from marketwatch.queries import StoryFilter

        deal = self.scope.deal  # with a deal filter, only the stories its pane counts
        try:
            ids = self.data.mark_read(StoryFilter(companies=(company,), deals=(deal,) if deal else ()))
        except (sqlite3.Error, StoreError) as exc:
            self.call_from_thread(self.tell_problem, self.data.problem(exc))
            return
        whose = render.plain(company)
        if deal:  # "Toyota's joint ventures": only those were marked
            whose = f"{whose}'s {render.deal_kind_in_text(deal)}"
        if ids:
            self._marked_read = (whose, ids)
        said = (f"Marked {render.plural(len(ids), 'story', 'stories')} of {whose} read (u to undo)."
                if ids else f"Every story of {whose} was read already.")
        self.call_from_thread(self.notify, said, markup=False)
        self.call_from_thread(self.reload)

    @work(thread=True, group="flags", exit_on_error=False)
    def undo_mark_read(self) -> None:
        """u: the stories the last A marked read are unread again. A pressed on the wrong pane
        cleared marks that the analyst had not got to, with no way to tell which they were. The
        undo is of the last A that marked something (an A on a pane already read leaves it), and
        it marks unread again a story of those read one by one since."""
        marked, self._marked_read = self._marked_read, None
        if marked is None:
            self.call_from_thread(self.notify, "Nothing to undo: A has marked no stories read since the last undo.")
            return
        whose, ids = marked
        try:
            self.data.mark_unread(ids)
        except (sqlite3.Error, StoreError) as exc:
            self._marked_read = marked
            self.call_from_thread(self.tell_problem, self.data.problem(exc))
            return
        said = f"Marked {render.plural(len(ids), 'story', 'stories')} of {whose} unread again."
        self.call_from_thread(self.notify, said, markup=False)
        self.call_from_thread(self.reload)

    @work(thread=True, group="flags", exit_on_error=False)
    def _write_flag(self, story: Story, flag: str, value: bool) -> None:
        try:
            self.data.set_flag(story.id, flag, value)
        except StoreError as exc:
            self.call_from_thread(self.tell_problem, self.data.problem(exc))
            self.call_from_thread(self._story_changed, story)
            return
        self.call_from_thread(self.main.load_when_shown)
