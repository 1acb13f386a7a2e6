"""The search's text box: Textual's Input, its editing keys taken in the order they were typed."""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class SearchBox(Input):
    """An Input that runs its own bindings (Backspace, Ctrl+U, ←, Home…) as their keys arrive.

    Textual's Input inserts a letter when its key arrives, but a bound key runs only once it has
    bubbled up to the app: in a burst sent at once ("ab", Backspace, "c") the c went in first
    and the Backspace deleted it, leaving "ab" (Textual issue #6605). The keys handed over from
    the search results (`SearchResults`) come as such a burst. Keys this widget does not bind
    (Esc, ↓) still go up to the screen's and the app's bindings, as before."""

    async def _on_key(self, event: events.Key) -> None:
        if event.is_printable:
            return  # Input's own _on_key, next in the MRO, types it
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            # As the app would run it once the key reached it: a binding whose action does not
            # apply (Ctrl+C's copy with nothing selected) lets the key go on up (to quit).
            if not binding.priority and await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()
                return

    def take_key(self, key: events.Key) -> None:
        """Take `key` as if typed here, though it was sent to another widget (the search results
        hand over the keys of a burst typed there). Forwarded as the app forwards a key to the
        focused widget: a key posted as a new message would reach the app again and be
        dispatched twice. Textual has no public call for this (`_forward_event`, 8.2): the pilot
        test of a burst typed on the results fails if that changes."""
        self._forward_event(events.Key(key.key, key.character))
