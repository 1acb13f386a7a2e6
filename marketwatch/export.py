"""Stories out of marketwatch: CSV for spreadsheets, JSON for scripts, Markdown for notes; and the
file they are written to, all or nothing."""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
import sqlite3
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from marketwatch import dates
from marketwatch.dealtypes import readable
from marketwatch.files import replace_file
from marketwatch.pairdeals import pairs_text, partners_noted
from marketwatch.queries import StoryFilter, list_stories
from marketwatch.story import Story
from marketwatch.text import one_line, strip_controls
from marketwatch.urls import clean_link

FORMATS = ("csv", "json", "markdown")
PAGE = 500
# New columns go last, so that a script that reads the columns by position still finds the
# others: pair_deal_types (each pair's deal type, in the order of pairs, as `stories --json` has
# them), then the sentence that made the story a tie-up and the dashboard's read and starred
# marks, which the JSON had and the CSV did not. (JSON's `names`, offsets into the sentence, mean
# nothing in a spreadsheet.)
CSV_COLUMNS = ("published", "title", "url", "companies", "pairs", "alliances", "deal_type", "kind",
               "feeds", "summary", "id", "pair_deal_types", "sentence", "read", "starred")


def iter_stories(conn: sqlite3.Connection, flt: StoryFilter,
                 healing: Callable[[Callable[[], list[Story]]], list[Story]] | None = None) -> Iterator[Story]:
    """Every story the filter selects, newest first, read a page at a time. `healing`
    (Store.healing) reads a page again once a damaged search index is rebuilt: the first page
    meets the damage, before anything is written out.

    Each page is read when the one before is used up, and a refresh may store stories in
    between (an export to a slow pipe, a digest of a long history while cron refreshes): the
    stories it adds ahead push those at the end of a page onto the next one, which were written
    twice, in exports and in a digest's sections. So a story is given only if it comes after the
    last one given in the list's order (newest first, then by id)."""
    offset = 0
    last: tuple[str, str] | None = None
    while True:
        read = functools.partial(list_stories, conn, replace(flt, limit=PAGE, offset=offset))
        page = healing(read) if healing else read()
        for story in page:
            if last is None or story.published < last[0] or (story.published == last[0] and story.id > last[1]):
                last = (story.published, story.id)
                yield story
        if len(page) < PAGE:
            return
        offset += PAGE


def csv_pairs(story: Story) -> str:
    """The CSV's `pairs` column: the pairs alone (their deals are the `pair_deal_types` column)."""
    return "; ".join(f"{a}–{b}" for a, b in story.pairs)


# -- CSV --------------------------------------------------------------------------------------

def _cell(value: str) -> str:
    """Feed text is not trusted: a cell starting with = + - @ would be a formula in a
    spreadsheet, so it gets a leading apostrophe (OWASP's advice for CSV injection)."""
    value = strip_controls(value)  # (nor a terminal escape, from a database another tool wrote)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _flag(value: bool) -> str:
    """A mark as JSON writes it, which spreadsheets and pandas read as a boolean."""
    return "true" if value else "false"


def to_csv(stories: Iterator[Story]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(CSV_COLUMNS)
    yield flush()
    for s in stories:
        row = (s.published, s.title, clean_link(s.url) or "", "; ".join(s.companies), csv_pairs(s),
               "; ".join(s.alliances), s.deal_type or "", s.kind or "", "; ".join(s.feeds), s.summary, s.id,
               "; ".join(deal or "" for deal in s.deals_in_order()), s.sentence or "",
               _flag(s.read), _flag(s.starred))
        writer.writerow([_cell(v) for v in row])
        yield flush()


# -- JSON -------------------------------------------------------------------------------------

def story_json(story: Story) -> dict:
    """A story as `stories --json` and JSON exports write it: Story.as_json, with the link a
    reader is given (urls.clean_link: no utm_* or fbclid), as every output writes it."""
    return {**story.as_json(), "url": clean_link(story.url)}


def to_json(stories: Iterator[Story]) -> Iterator[str]:
    """A JSON array of the same objects `marketwatch stories --json` prints, streamed."""
    first = True
    for story in stories:
        yield ("[\n  " if first else ",\n  ") + json.dumps(story_json(story), ensure_ascii=False)
        first = False
    yield "[]\n" if first else "\n]\n"


# -- Markdown ---------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md_escape(text: str) -> str:
    """Text from feeds as literal Markdown: no emphasis, links or HTML can sneak in, nor a terminal
    escape (a database written by another tool may hold one: `text.one_line` strips controls)."""
    return _MD_SPECIAL.sub(r"\\\1", one_line(text))


def md_link(title: str, url: str | None) -> str:
    """The linked title; the link without its tracking parameters (urls.clean_link)."""
    url = clean_link(url)
    if not url:
        return md_escape(title)
    safe = url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
    return f"[{md_escape(title)}](<{safe}>)"


def md_story(story: Story, *, partners_of: str | None = None, units: frozenset[str] = frozenset()) -> list[str]:
    """A story as a Markdown list item of two lines: the linked title, then who and what. A
    pair's own deal is written beside it where it is not the story's (marketwatch.pairdeals);
    under a company (`partners_of`, owner of `units`), the deal is the company's own."""
    deal = story.deal_type
    if partners_of:
        partners, deal = partners_noted(story, partners_of, units)
        who = "with " + ", ".join(partners)
    else:
        who = pairs_text(story) or ", ".join(story.companies)
    details = [who, readable(deal), dates.local_day(story.published), ", ".join(story.feeds)]
    return [f"- {md_link(story.title, story.url)}",
            "  " + md_escape(" · ".join(d for d in details if d))]


def to_markdown(stories: Iterator[Story], heading: str = "marketwatch stories") -> Iterator[str]:
    yield f"# {md_escape(heading)}\n\n"
    count = 0
    for story in stories:
        yield "\n".join(md_story(story)) + "\n"
        count += 1
    if not count:
        yield "No stories match.\n"


def render(fmt: str, stories: Iterator[Story], *, heading: str = "marketwatch stories") -> Iterator[str]:
    if fmt == "csv":
        return to_csv(stories)
    if fmt == "json":
        return to_json(stories)
    if fmt == "markdown":
        return to_markdown(stories, heading)
    raise ValueError(fmt)


# -- files ------------------------------------------------------------------------------------

class ExportError(Exception):
    """An export file that could not be written, phrased as the one line the user will read."""


def write_file(path: str | os.PathLike[str], chunks: Iterable[str]) -> None:
    """All or nothing (marketwatch.files): a full disk or an error half-way leaves an existing
    file as it was, and no partial new one. A symlink's target is written, even one that does
    not exist yet; a device or a pipe (`-o /dev/stdout`) is written in place, since a rename
    would replace it with a file, and so is a file in a folder this user may not write to (no
    file can be made beside it). Missing folders are made, as `refresh --log-file` makes its
    log's: `-o reports/2026-11/tieups.csv` in a script works on the first of the month."""
    try:
        given = Path(path).expanduser()
        info = given.stat()  # through symlinks: /dev/stdout is whatever stdout is
    except FileNotFoundError:
        info = None
    except NotADirectoryError:
        raise ExportError(f"{path}: cannot write: a file is where a folder should be") from None
    except (OSError, RuntimeError) as exc:  # a symlink loop, "~nobody" with no home
        raise ExportError(f"{path}: cannot write: {getattr(exc, 'strerror', None) or exc}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise ExportError(f"{path}: is a directory")
    in_place = info is not None and not stat.S_ISREG(info.st_mode)
    try:
        if not in_place:
            target = given.resolve()  # a regular file or none yet: where a symlink points
            in_place = info is not None and not os.access(target.parent, os.W_OK) and os.access(target, os.W_OK)
            if info is None:
                target.parent.mkdir(parents=True, exist_ok=True)
        if in_place:
            with given.open("w", encoding="utf-8", newline="") as handle:
                handle.writelines(chunks)
            return
        replace_file(target, chunks, info)
    except (FileExistsError, NotADirectoryError):  # (a file, not a folder, named so on the way)
        raise ExportError(f"{path}: cannot write: a file is where a folder should be") from None
    except (OSError, RuntimeError) as exc:
        kept = "; the file there is as it was" if info is not None and not in_place else ""
        raise ExportError(f"{path}: cannot write: {getattr(exc, 'strerror', None) or exc}{kept}") from None
