"""What a user's search text asks for, as FTS5 queries: words, alternatives, exclusions, phrases.

    robotaxi              stories with a word starting "robotaxi" (every word is a prefix)
    toyota pony           both words, anywhere in the title or summary
    uber OR lyft          either word (OR in capitals, between two words)
    toyota -uber          the first word and not the second
    "joint venture"       the words together, in that order (the last a prefix too)

Nothing else is syntax: FTS5's own (NEAR, column filters, a bare * or an unbalanced quote) would
make some typed text an error, and a search box must take any text. A word here is what
`search_words` finds, so text of punctuation alone asks for nothing and matches nothing.

Chinese, Japanese and Thai are written without spaces, so the index holds a whole run of them as
one word ("其下一代电动汽车将采用英伟达"), and a prefix search found "英伟达" only where a run starts
with it. A term in those scripts is looked for as text anywhere instead (`Search.anywhere`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import pairwise

from marketwatch.text import composed

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
# Scripts written without spaces between words: kana, CJK ideographs, Thai.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Search:
    match: str | None  # what a story must match (FTS5), or None when only exclusions were typed
    exclude: str | None  # what it must not match (FTS5), or None
    text: str = ""  # the search as it is read, in one spelling: 'waymo (uber OR lyft) -"joint venture"'
    # Groups with a term in a script written without spaces ("英伟达 OR nvidia"), every group
    # required, each one of its terms: (True, text to find anywhere in the title or summary) for
    # such a term, (False, FTS5 query) for the others, which keep the index's word starts and
    # accent folding; and texts a story must not hold.
    anywhere: tuple[tuple[tuple[bool, str], ...], ...] = ()
    nowhere: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """No word to look for or leave out: the search matches no story."""
        return self.match is None and self.exclude is None and not self.anywhere and not self.nowhere


def search_words(text: str) -> list[str]:
    """The words of a user's search that it looks for: punctuation alone looks for nothing."""
    return re.findall(r"\w[\w'&.-]*", text)


# A list query reads its search two or three times (whether it scans, then its conditions, once
# for each kind): one parse serves them all, and a Search is immutable.
@functools.lru_cache(maxsize=64)
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
    shown = [_any(group, _shown) for group in groups] + ["-" + _shown(term) for term in excluded]
    indexed = [group for group in groups if not any(map(_unspaced, group))]
    match = " AND ".join(_any(group, _fts) for group in indexed) or None
    exclude = " OR ".join(_fts(term) for term in excluded if not _unspaced(term)) or None
    anywhere = tuple(tuple((True, _text(term)) if _unspaced(term) else (False, _fts(term)) for term in group)
                     for group in groups if group not in indexed)
    nowhere = tuple(_text(term) for term in excluded if _unspaced(term))
    return Search(match, exclude, " ".join(shown), anywhere, nowhere)


def _unspaced(term: list[str]) -> bool:
    return any(_UNSPACED.search(word) for word in term)


def _text(term: list[str]) -> str:
    """A phrase as such text is written: no space between two words of those scripts ("比亚迪
    英伟达" typed is "比亚迪英伟达" in the story), one between others."""
    out = term[0]
    for before, word in pairwise(term):
        out += ("" if _UNSPACED.search(before[-1]) and _UNSPACED.search(word[0]) else " ") + word
    return out


def _any(group: list[list[str]], spell) -> str:
    return spell(group[0]) if len(group) == 1 else "(" + " OR ".join(spell(term) for term in group) + ")"


def _fts(words: list[str]) -> str:
    """A quoted FTS5 phrase with its last word a prefix: quoting makes any word a plain one."""
    return '"' + " ".join(w.replace('"', "") for w in words) + '"*'


def _shown(words: list[str]) -> str:
    return words[0] if len(words) == 1 else '"' + " ".join(words) + '"'
