"""`marketwatch stories` and `marketwatch feeds`: query the store from scripts."""

from __future__ import annotations

import shutil
import sys
import unicodedata

import click

from marketwatch import dates
from marketwatch.cli import cli
from marketwatch.cli.options import (
    MAX_SEARCH_CHARS,
    WholeNumber,
    common,
    json_option,
    load_existing,
    load_other_db,
    not_blank,
    open_store,
    parse_since,
    parse_until,
    since_option,
    style,
    until_option,
)
from marketwatch.cli.output import echo, echo_json, say
from marketwatch.dealtypes import DEAL_TYPES, named, readable
from marketwatch.wording import feed_status

KIND_CHOICES = ["oem-tech", "oem-oem", "tech-tech", "all"]
# The reverse of the matcher's precedence, so that the help and errors start with the common deals.
DEAL_CHOICES = list(reversed(DEAL_TYPES))


class DealChoice(click.Choice):
    """A deal type as stored or as the lists write it: `--deal MoU`, `--deal "joint venture"`."""

    def __init__(self) -> None:
        super().__init__(DEAL_CHOICES, case_sensitive=False)

    def convert(self, value, param, ctx):
        return super().convert(named(value) or value if isinstance(value, str) else value, param, ctx)


# `stories`' deal column: its longest value, then two spaces as after the date ("joint-venture"
# filled a column of 13 and touched the title).
DEAL_WIDTH = max(map(len, DEAL_TYPES))


def selection_options(func):
    """What a story list or a digest is narrowed to: a company, an alliance or a watchlist,
    deal types and a search."""
    func = click.option("--company", metavar="NAME", callback=not_blank("name"),
                        help="Only stories in which NAME takes part.")(func)
    func = click.option("--alliance", metavar="NAME", callback=not_blank("name"),
                        help="Only stories of an alliance's members.")(func)
    func = click.option("--watchlist", metavar="NAME", callback=not_blank("name"),
                        help="Only stories of a watchlist's companies.")(func)
    func = click.option("--search", metavar="TEXT", callback=not_blank("text", MAX_SEARCH_CHARS),
                        help='Full-text search in titles and summaries: words as prefixes, all required; '
                             'a OR b, -word to leave out, quotes around a phrase.')(func)
    return click.option("--deal", "deals", type=DealChoice(), multiple=True,
                        help="Only stories of this deal type (repeat for several): a deal of one of "
                             "its companies (of --company, --alliance or --watchlist's when given), "
                             "as the dashboard's deal filter counts them.")(func)


def filter_options(func):
    func = selection_options(func)
    func = click.option("--kind", type=click.Choice(KIND_CHOICES, case_sensitive=False),
                        default="oem-tech", show_default=True,
                        help="OEM-tech tie-ups, or OEM-OEM and tech-tech deals.")(func)
    return since_option(until_option(func))


def build_filter(config, *, company, alliance, watchlist, kind, search, since, until=None, deals=(), limit=50,
                 **extra):
    from marketwatch.queries import KINDS, StoryFilter
    from marketwatch.scope import resolve_scope

    given = [option for option, value in (("--company", company), ("--alliance", alliance),
                                          ("--watchlist", watchlist)) if value]
    if len(given) > 1:  # resolve_scope would take the first and drop the others unsaid
        raise click.UsageError(f"{' and '.join(given)}: give one of them; a view is narrowed to one")
    scope = resolve_scope(config, company=company, alliance=alliance, watchlist=watchlist)
    start, end = parse_since(since, config), parse_until(until, config)
    if start and end and end <= start:  # nothing can match: say why rather than "No stories match"
        raise click.UsageError(f"--until {until!r} ends before --since {since!r} starts; no story is in between")
    return StoryFilter(
        companies=scope.companies, kinds=KINDS if kind == "all" else (kind,),
        since=start, until=end, search=search, deals=tuple(deals), limit=limit, **extra)


@cli.command()
@common
@filter_options
@click.option("--limit", type=WholeNumber(1, 100_000), metavar="N", default=50, show_default=True,
              help="At most N stories (1 to 100,000), the newest (stderr says when more match).")
@click.option("--unread", is_flag=True, help="Only stories not yet read in the dashboard.")
@click.option("--starred", is_flag=True, help="Only starred stories.")
@json_option
def stories(config_path, db_path, company, alliance, watchlist, kind, search, deals, since, until, limit,
            unread, starred, as_json):
    """Tie-up stories, newest first.

    \b
    Examples:
      marketwatch stories
      marketwatch stories --company Toyota --since "2 weeks ago"
      marketwatch stories --alliance "Renault-Nissan-Mitsubishi Alliance" --json
      marketwatch stories --watchlist Robotaxi --search lidar
      marketwatch stories --kind oem-oem --since "last monday"
      marketwatch stories --deal joint-venture --deal stake --since "1 month ago"
      marketwatch stories --company Toyota --since "nov 2026" --until "nov 2026"
    """
    from marketwatch.queries import count_stories, list_stories

    config = load_existing(config_path, db_path)
    flt = build_filter(config, company=company, alliance=alliance, watchlist=watchlist, kind=kind,
                       search=search, since=since, until=until, deals=deals, limit=limit, unread=unread,
                       starred=starred)
    with open_store(config) as store:
        found = store.healing(lambda: list_stories(store.conn, flt))
        empty = not found and store.conn.execute("SELECT 1 FROM stories LIMIT 1").fetchone() is None
        # A list cut at --limit looked like all there was, a script's JSON too (on stderr: stdout
        # stays pure JSON), whether the limit was the default 50 or one the command gave.
        total = store.healing(lambda: count_stories(store.conn, flt)) if len(found) == limit else len(found)
    if as_json:
        from marketwatch.export import story_json

        echo_json([story_json(s) for s in found])
        _say_if_cut(len(found), total)
        return
    if not found:
        if empty and not config.feeds:  # "run refresh" would send the user round in a loop
            say(f"No stories yet, and {config.path} lists no feeds: `marketwatch add-feed URL` adds one.")
        else:
            say("No stories yet. Run `marketwatch refresh` to fetch feeds." if empty
                else "No stories match these filters.")
        return
    from marketwatch.pairdeals import pairs_text
    from marketwatch.text import one_line  # (here: a warm refresh imports the CLI's modules, not this one)

    # On a terminal each row fits its width; in a file or a pipe nothing is cut (a file was cut
    # at 120 columns, the fallback width, and `grep` missed the end of long titles).
    width = shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty() else None
    # Under --company the deal is the company's own, as its dashboard pane writes it: a story of
    # an MoU with Didi, listed by `--company Ford --deal partnership` for Ford's partnership with
    # Alibaba, said `MoU` (--json keeps the story's deal_type and each pair's).
    units = config.units_of(flt.companies[0]) if company else frozenset()
    deals = {story.id: story.deals_of(flt.companies[0], units) if company else [story.deal_type]
             for story in found}
    deal_width = max([DEAL_WIDTH, *(len(", ".join(map(readable, d))) for d in deals.values())])
    for story in found:
        shown = deals[story.id]
        # a pair's own deal beside it where it is not the line's, as exports write it
        pairs = one_line(pairs_text(story, join=", ", shown=shown[0] if shown else None)
                         or ", ".join(story.companies))
        head = f"{dates.local_day(story.published)}  {', '.join(map(readable, shown)):<{deal_width}}  "
        title = one_line(story.title)  # (a database another tool wrote may hold a terminal escape)
        echo(head + style(_fit(title, width - len(head)) if width else title, bold=True))
        echo(" " * 12 + style(_fit(pairs, width - 12) if width else pairs, fg="cyan"))
    _say_if_cut(len(found), total)


def _say_if_cut(shown: int, total: int) -> None:
    """On stderr, whatever the output: a list cut at --limit looked like all there was."""
    if total > shown:
        say(f"The {shown} newest of {total} stories; --limit {min(total, 100_000)} lists them all.")


@cli.command()
@common
@json_option
def feeds(config_path, db_path, as_json):
    """Each feed's health: last status, when last fetched and last fetched fine (UTC), tie-up
    stories found, and the error under it. Worst first; a header row names the columns.

    The config's feeds, in its database: a feed not fetched yet is listed as such, and one
    taken out of the config is not. With --db another database (the demo's, a copy, another
    machine's), every feed that database holds, as `stories --db` lists its stories.

    \b
    Examples:
      marketwatch feeds
      marketwatch feeds --json | jq '.[] | select(.error)'
      marketwatch feeds --db ~/.local/share/marketwatch/demo.db
    """
    from marketwatch.queries import feed_health
    from marketwatch.text import one_line

    config, other = load_other_db(config_path, db_path)
    with open_store(config) as store:
        rows = feed_health(store.conn, None if other else {f.url: f.name for f in config.feeds})
    if as_json:
        echo_json([r.as_json() for r in rows])
        return
    if not rows and other:
        say(f"marketwatch: {config.settings.db}: the database holds no feeds")
        return
    if not rows:
        say(f"marketwatch: {config.path}: the config lists no feeds (marketwatch add-feed URL adds one)")
        return
    statuses = [feed_status(row.status) for row in rows]
    wide = max(map(len, ["STATUS", *statuses]))  # its longest value: "ok" alone needs no column of 18
    # On a terminal each line fits its width, cut with … as `stories` cuts (a long name wrapped
    # onto a line of its own); in a file or a pipe nothing is cut.
    width = shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty() else None
    echo(f"{'STATUS':<{wide}}  {'FETCHED (UTC)':<16}  {'LAST OK (UTC)':<16}  {'TIE-UPS':>7}  FEED")
    for row, status in zip(rows, statuses, strict=True):
        mark = style(f"{status:<{wide}}", fg="red" if status == "error" else "green")
        fetched, ok = ((when or "-")[:16].replace("T", " ") for when in (row.last_fetched, row.last_ok))
        head = f"{status:<{wide}}  {fetched:<16}  {ok:<16}  {row.stories:>7}  "
        # (a name from the config or a title from another tool's database: no terminal escapes)
        name = one_line(row.name or row.title or row.url)
        # (the columns before the name take 66 of 80 cells at most: its 14 are enough to know it)
        echo(mark + head[wide:] + (_fit(name, width - len(head), least=8) if width else name))
        if row.error:
            error = one_line(row.error)
            echo(" " * (wide + 2) + style(_fit(error, width - wide - 2) if width else error, fg="red"))


def _cells(char: str) -> int:
    """Terminal cells of a character: two for CJK and emoji, none for a combining mark."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _fit(text: str, width: int, least: int = 20) -> str:
    """`text` in `width` terminal cells, cut with …. Counted in characters, a Chinese or
    Japanese headline (two cells a character) took twice its room and wrapped the table.
    At least `least` cells, however narrow the terminal: a title needs some room to be read."""
    width = max(width, least)
    if sum(map(_cells, text)) <= width:
        return text
    used = 0
    for i, char in enumerate(text):
        used += _cells(char)
        if used > width - 1:
            return text[:i] + "…"
    return text
