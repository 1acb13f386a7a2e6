"""How a count is said, the same in the commands and the dashboard: "1 feed", "3 feeds"."""

from __future__ import annotations


def plural(count: int, word: str, words: str | None = None) -> str:
    """`1 feed`, `3 feeds`; `words` for irregular plurals (`story`, `stories`)."""
    return f"{count} {word if count == 1 else words or word + 's'}"
