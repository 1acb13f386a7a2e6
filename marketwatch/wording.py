"""How things are said to people, the same in the commands and the dashboard: a count ("1 feed",
"3 feeds") and the names closest to one mistyped ("did you mean 'Toyota'?")."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def plural(count: int, word: str, words: str | None = None) -> str:
    """`1 feed`, `3 feeds`; `words` for irregular plurals (`story`, `stories`)."""
    return f"{count} {word if count == 1 else words or word + 's'}"


def did_you_mean(typed: str, names: Iterable[str], *, n: int = 3) -> str:
    """`; did you mean 'Toyota'?` (or `'A' or 'B'?`) for the names closest to what was typed,
    case aside, or "" when none is close: a mistyped command, company, alliance or watchlist."""
    spelled: dict[str, str] = {}
    for name in names:
        spelled.setdefault(name.casefold(), name)
    close = difflib.get_close_matches(typed.casefold(), list(spelled), n=n)
    return f"; did you mean {' or '.join(repr(spelled[c]) for c in close)}?" if close else ""
