"""The key that goes back one screen, the same on every view over the main screen."""

from __future__ import annotations

from textual.binding import Binding

# q first, so that the footer shows it: readers of feeds (newsboat) go back with q, and quit with
# it only from the main screen; Q quits from any screen (the app's binding).
BACK = Binding("q,escape,backspace", "app.pop_screen", "Back", tooltip="Back to the screen before (Q quits)")
