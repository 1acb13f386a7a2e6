"""What a widget showing stories asks of the app: open one, or set its read or starred flag.

The company panes and the story tables send the same two messages, whichever screen they are
on; the app answers them (`MarketwatchApp.open_story`, `set_flag`).
"""

from __future__ import annotations

from textual.message import Message
from textual.screen import Screen

from marketwatch.story import Story


class OpenStory(Message):
    def __init__(self, story: Story, screen: Screen | None = None) -> None:
        """`screen`: the one the story was asked from, over which it opens (and no other)."""
        super().__init__()
        self.story = story
        self.screen = screen


class FlagStory(Message):
    """Ask for a story's read or starred flag to be set."""

    def __init__(self, story: Story, flag: str, value: bool) -> None:
        super().__init__()
        self.story = story
        self.flag = flag
        self.value = value


class StoryActions:
    """Enter, Space and s on the story under a widget's cursor: `story`, None when there is none."""

    story: Story | None

    def open_current(self) -> None:
        if self.story is not None:
            self.post_message(OpenStory(self.story, self.screen))  # type: ignore[attr-defined]

    def action_toggle_read(self) -> None:
        if self.story is not None:
            self.post_message(FlagStory(self.story, "read", not self.story.read))  # type: ignore[attr-defined]

    def action_star(self) -> None:
        if self.story is not None:
            self.post_message(FlagStory(self.story, "starred", not self.story.starred))  # type: ignore[attr-defined]
