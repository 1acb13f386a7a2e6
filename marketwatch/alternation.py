"""One regex for hundreds of alternatives, tried only where their first letter stands.

Python's regex engine tries every branch of an alternation, one by one, at every position where
a match may start. The strong deal words alone have some 260 branches (English and the other
languages' tables), so scanning a sentence cost about one microsecond a word. Grouped by the
letter each branch must start with, behind a lookahead for that letter (and the groups behind a
lookahead for a class of their letters), the engine skips all but a handful of branches at each
word: the same matches, in half the time.

The grouping keeps what an alternation means: at any position, the branches that could match
there are tried in their first order, so the first that matches wins as before. A branch whose
first letter cannot be told (it starts with `\\w`, or may match nothing) is tried wherever the
others are.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from itertools import count

from marketwatch import regex_cache


def split_alternatives(pattern: str) -> list[str]:
    """The top-level branches of `pattern`: "a|(?:b|c)|[|]" is ["a", "(?:b|c)", "[|]"]."""
    branches, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 1 + pattern.startswith("^", i + 1)
            i += pattern.startswith("]", i)  # "[]...]": a first "]" is a member
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    return branches


def compile_by_first_char(branches: Iterable[tuple[str | None, str]], *, before: str = "",
                          after: str = "") -> re.Pattern[str]:
    """`before(?:b1|b2|...)after` for (name, branch) pairs in order. A named branch ends in an
    empty group `name__N` (N a number: a name may name many branches): `kind_of(match)` reads
    the name back. Only for text in one case: the first letters are compared as they are (a
    case-insensitive `before` is refused). A branch may be repeated under several letters, so
    none may hold a named group or refer back to a group by number (re.compile would refuse the
    one, and the numbers shift); `before` and `after` hold no capturing group (`kind_of` reads the
    last group matched). The result is kept compiled in the user's cache (marketwatch.regex_cache):
    for tables that are constants of the code, not built from a config, of which each variant would
    leave a file behind for a month."""
    if re.compile(before + after).flags & re.IGNORECASE:
        raise ValueError("compile_by_first_char compares first letters as they are: no IGNORECASE")
    items = [(name, branch, _first_chars(branch)) for name, branch in branches]
    if not items:
        return re.compile("(?!)")  # no branch: matches nothing (an empty alternation would match everywhere)
    letters = sorted({c for _, _, first in items if first for c in first if c})
    counter = count(1)

    def alternation(members: list[tuple[str | None, str, frozenset[str] | None]]) -> str:
        """The members in order, each run of one name closed by one empty group."""
        runs: list[tuple[str | None, list[str]]] = []
        for name, branch, _ in members:
            if runs and runs[-1][0] == name:
                runs[-1][1].append(branch)
            else:
                runs.append((name, [branch]))
        return "|".join("(?:" + "|".join(f"(?:{b})" for b in run) + ")"
                        + (f"(?P<{name}__{next(counter)}>)" if name else "") for name, run in runs)

    anywhere = [item for item in items if item[2] is None or "" in item[2]]
    by_letter = [f"(?={re.escape(c)})(?:{alternation([i for i in items if i[2] is None or c in i[2]])})"
                 for c in letters]
    size = max(1, round(math.sqrt(len(by_letter))))
    groups = [f"(?=[{''.join(re.escape(c) for c in letters[at:at + size])}])(?:{'|'.join(by_letter[at:at + size])})"
              for at in range(0, len(by_letter), size)]
    if anywhere:  # where no branch's first letter is (the letters' groups have tried them already)
        others = "".join(re.escape(c) for c in letters)
        groups.append(f"(?![{others}])(?:{alternation(anywhere)})" if others else alternation(anywhere))
    # Kept compiled between runs: these are the matcher's largest patterns, ~100 ms to compile.
    return regex_cache.compile(f"(?:{before})(?:{'|'.join(groups)})(?:{after})")


def kind_of(found: re.Match[str]) -> str:
    """The name `compile_by_first_char` gave the branch that matched."""
    return (found.lastgroup or "").rpartition("__")[0]


def _first_chars(branch: str) -> frozenset[str] | None:
    """The characters a match of `branch` can start with; None when that cannot be told simply
    (a category such as \\w, a negated class, an optional first item, inline flags)."""
    try:
        return _first_of(branch)
    except (IndexError, ValueError):  # a malformed branch: re.compile will say what is wrong with it
        return None


def _first_of(branch: str) -> frozenset[str] | None:
    if len(parts := split_alternatives(branch)) > 1:
        firsts = [_first_chars(part) for part in parts]
        return None if any(f is None for f in firsts) else frozenset().union(*firsts)
    at = _past_zero_width(branch)
    if at >= len(branch):
        return None
    char = branch[at]
    if char == "(":
        close = _closing(branch, at)
        inner = branch[at + 1:close]
        if inner.startswith("?:"):
            inner = inner[2:]
        elif inner.startswith("?P<"):
            inner = inner[inner.index(">") + 1:]
        elif inner.startswith("?"):
            return None
        first, end = _first_chars(inner), close + 1
    elif char == "[":
        end = _class_end(branch, at)
        first = _members(branch[at + 1:end - 1])
    elif char == "\\":
        escaped = branch[at + 1:at + 2]
        # \d: the ASCII digits, and "" for "wherever no listed letter is" (other scripts' digits)
        first = _DIGITS if escaped == "d" else frozenset(escaped) if escaped and not escaped.isalnum() else None
        end = at + 2
    elif char in _SPECIAL:
        return None
    else:
        first, end = frozenset(char), at + 1
    quantifier = _QUANTIFIER.match(branch, end)
    if quantifier is None or not (quantifier["sign"] in ("?", "*") or quantifier["least"] in ("", "0")):
        return first
    # "(?:co-)?led", "x*y": the optional item's first letters, or what follows it
    rest = _first_chars(branch[quantifier.end():])
    return None if first is None or rest is None else first | rest


_SPECIAL = set(".^$*+?{}[]|)")
_DIGITS = frozenset("0123456789") | {""}
# A quantifier: "?", "*" or "+", or braces whose "least" is "" or "0" when the item may be skipped.
_QUANTIFIER = re.compile(r"(?:(?P<sign>[?*+])|\{(?P<least>\d*)(?:,\d*)?\})[?+]?")
_ZERO_WIDTH = re.compile(r"\\b|\^|\(\?<?[=!]")


def _past_zero_width(branch: str) -> int:
    """Where the first character-consuming item starts, past lookarounds, \\b and ^."""
    at = 0
    while found := _ZERO_WIDTH.match(branch, at):
        at = _closing(branch, at) + 1 if found.group().startswith("(") else found.end()
    return at


def _closing(pattern: str, at: int) -> int:
    """The index of the ")" that closes the group opening at `at`."""
    depth, i = 0, at
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(pattern, i)
            continue
        depth += (char == "(") - (char == ")")
        if depth == 0:
            return i
        i += 1
    raise ValueError(f"unbalanced group in {pattern!r}")


def _class_end(pattern: str, at: int) -> int:
    """The index just past the "]" that closes the class opening at `at`."""
    i = at + 1 + pattern.startswith("^", at + 1)
    i += pattern.startswith("]", i)
    while pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def _members(body: str) -> frozenset[str] | None:
    """The members of a class of a few letters ("üu", "a-c"); None for escapes or a negation."""
    if not body or body.startswith("^") or "\\" in body:
        return None
    members: set[str] = set()
    i = 0
    while i < len(body):
        if body[i + 1:i + 2] == "-" and i + 2 < len(body):
            low, high = ord(body[i]), ord(body[i + 2])
            if high - low >= 64:
                return None
            members.update(chr(c) for c in range(low, high + 1))
            i += 3
        else:
            members.add(body[i])
            i += 1
    return frozenset(members)
