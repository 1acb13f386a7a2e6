"""Keys that reach a view before it has a focused widget."""

from __future__ import annotations

from textual import events
from textual.screen import Screen


class EarlyKeys(Screen):
    """A view that hands the keys typed with the one that opened it to its focused widget.

    Typed fast or pasted ("/toyota", "f" then "j"), the keys after the one that opens a view
    reach the app while that view has no focused widget yet: Textual sends them to the screen
    itself, where nothing takes them, and the search box stayed empty. Such a key is noted as
    it is sent here (`_forward_event`) and, once the screen gets to it (its widgets composed,
    the focus set), it goes on to the focused widget as if typed there. Keys that bubble up
    from the focused widget are not noted, and go on as before."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._early: list[events.Key] = []

    def _forward_event(self, event: events.Event) -> None:
        # Textual's private hook (8.2): the app sends a key here only when nothing has the focus.
        if isinstance(event, events.Key) and not event.is_forwarded and self.focused is None:
            self._early.append(event)
        super()._forward_event(event)

    def _on_key(self, event: events.Key) -> None:
        if not any(early is event for early in self._early):
            return
        self._early = [early for early in self._early if early is not event]
        if self.focused is not None:
            event.stop()
            event.prevent_default()
            self.focused._forward_event(events.Key(event.key, event.character))
