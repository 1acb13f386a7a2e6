"""How things are said to people, the same in the commands and the dashboard: a count ("1 feed",
"3 feeds") and the names closest to one mistyped ("did you mean 'Toyota'?")."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping


def plural(count: int, word: str, words: str | None = None) -> str:
    """`1 feed`, `3 feeds`, `3,081 tie-ups`; `words` for irregular plurals (`story`, `stories`).
    Thousands are grouped: a top bar's "30812 tie-ups" had to be counted digit by digit."""
    return f"{count:,} {word if count == 1 else words or word + 's'}"


def did_you_mean(typed: str, names: Iterable[str], *, n: int = 3, aliases: Mapping[str, str] | None = None) -> str:
    """`; did you mean 'Toyota'?` (or `'A' or 'B'?`) for the names closest to what was typed,
    case aside, or "" when none is close: a mistyped command, company, alliance or watchlist.

    `aliases` maps other spellings to the name each stands for. A name is suggested once,
    however many of its spellings are close ('Mercedes-Benz', not "'Mercedes' or
    'Mercedes-Benz' or 'Mercedes Benz'"), and the alias that was close is named beside it when
    the name itself was not (`'Alphabet' (alias 'Google')`), so that the suggestion does not
    look unrelated to what was typed."""
    spelled: dict[str, tuple[str, str]] = {}  # casefolded spelling: (spelling, the name it stands for)
    for spelling, name in (*((name, name) for name in names), *(aliases or {}).items()):
        spelled.setdefault(spelling.casefold(), (spelling, name))
    if not spelled:  # no names at all (a config without watchlists): nothing is close
        return ""
    close = difflib.get_close_matches(typed.casefold(), list(spelled), n=len(spelled))  # best first
    closest: dict[str, str] = {}  # each name suggested: its closest spelling
    for folded in close:
        spelling, name = spelled[folded]
        if name not in closest:
            if len(closest) == n:
                break
            closest[name] = spelling
    said = [repr(name) if name.casefold() in close else f"{name!r} (alias {spelling!r})"
            for name, spelling in closest.items()]
    return f"; did you mean {' or '.join(said)}?" if said else ""


# A feed's status as people read it, where JSON gives it as it is: "not-modified" (the server said
# 304) and "unchanged" (it sent the feed again, the same bytes) read as one and the same. Shared by
# `marketwatch feeds` and the dashboard's feed screen.
FEED_STATUS = {"not-modified": "not modified (304)", "unchanged": "same content"}


def feed_status(status: str | None) -> str:
    return FEED_STATUS.get(status, status) if status else "never fetched"
