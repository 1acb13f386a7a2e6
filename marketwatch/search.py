"""What a user's search text asks for, as FTS5 queries: words, alternatives, exclusions, phrases.

    robotaxi              stories with a word starting "robotaxi" (every word is a prefix)
    toyota pony           both words, anywhere in the title or summary
    uber OR lyft          either word (OR in capitals, between two words)
    toyota -uber          the first word and not the second
    "joint venture"       the words together, in that order (the last a prefix too)

Nothing else is syntax: FTS5's own (NEAR, column filters, a bare * or an unbalanced quote) would
make some typed text an error, and a search box must take any text. A word here is what
`search_words` finds, so text of punctuation alone asks for nothing and matches nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marketwatch.text import composed

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class Search:
    match: str | None  # what a story must match (FTS5), or None when only exclusions were typed
    exclude: str | None  # what it must not match (FTS5), or None
    text: str = ""  # the search as it is read, in one spelling: 'waymo (uber OR lyft) -"joint venture"'

    @property
    def empty(self) -> bool:
        """No word to look for or leave out: the search matches no story."""
        return self.match is None and self.exclude is None


def search_words(text: str) -> list[str]:
    """The words of a user's search that it looks for: punctuation alone looks for nothing."""
    return re.findall(r"\w[\w'&.-]*", text)


def parse_search(text: str) -> Search:
    # Composed, as stored text is (`marketwatch.text`): FTS5 folds Latin accents either way, not
    # the marks of Japanese kana ("ダ" typed as "タ" and a combining mark found nothing).
    text = composed(text)
    groups: list[list[list[str]]] = []  # ANDed groups, each an OR of terms, each term its words
    excluded: list[list[str]] = []
    either = False  # an OR was typed right after a term to find
    after_term = False  # the token before was a term to find (not one to leave out, not OR)
    for found in _TOKEN.finditer(text):
        sign, phrase, bare = found.groups()
        if bare == "OR":
            either, after_term = either or after_term, False
            continue
        negative = sign == "-" or (bare is not None and bare.startswith("-"))
        words = search_words(phrase if bare is None else bare)
        terms = [words] if bare is None and words else [[w] for w in words]
        if negative:
            excluded += terms
        elif terms:
            if either:
                groups[-1].append(terms.pop(0))
            groups += [[term] for term in terms]
        either, after_term = False, bool(terms) and not negative
    match = " AND ".join(_any(group, _fts) for group in groups) or None
    exclude = " OR ".join(_fts(term) for term in excluded) or None
    shown = [_any(group, _shown) for group in groups] + ["-" + _shown(term) for term in excluded]
    return Search(match, exclude, " ".join(shown))


def _any(group: list[list[str]], spell) -> str:
    return spell(group[0]) if len(group) == 1 else "(" + " OR ".join(spell(term) for term in group) + ")"


def _fts(words: list[str]) -> str:
    """A quoted FTS5 phrase with its last word a prefix: quoting makes any word a plain one."""
    return '"' + " ".join(w.replace('"', "") for w in words) + '"*'


def _shown(words: list[str]) -> str:
    return words[0] if len(words) == 1 else '"' + " ".join(words) + '"'
