"""Options shared by several commands, and the small helpers they use."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from contextlib import contextmanager

import click

from marketwatch.cli.output import warn

# A search is a few words: a 30,000-character one reached SQLite as a LIKE pattern "too complex"
# and came back as a database error (exit 3), which tells a script the disk is failing.
MAX_SEARCH_CHARS = 1000


def not_blank(what: str, most: int | None = None) -> Callable:
    """A callback refusing an empty value (a variable that was not set: `--config "$UNSET"`).
    An empty path is not "the default", which would refresh or edit another config than meant;
    an empty name or search is not "every story", as though each were the company's. `most`:
    the longest value taken."""

    def check(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise click.BadParameter(f"the {what} is empty", ctx=ctx, param=param)
        if what != "path":  # a file's name may be any bytes; a name or a search is text
            refuse_undecodable(what, ctx, param, value)
        if value is not None and most is not None and len(value) > most:
            raise click.BadParameter(f"the {what} is {len(value):,} characters long; at most {most:,}",
                                     ctx=ctx, param=param)
        return value

    return check


def decodable(what: str) -> Callable:
    """A callback refusing text that is not in the locale's encoding: `--name $'\\xff'` reached
    the config as no name at all, silently (the undecodable bytes were taken for control
    characters and dropped)."""

    def check(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        refuse_undecodable(what, ctx, param, value)
        return value

    return check


def refuse_undecodable(what: str, ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    # "\udc80"-"\udcff": how Python keeps the bytes of the command line it could not decode
    if value is not None and any("\udc80" <= c <= "\udcff" for c in value):
        raw = os.fsencode(value)
        raise click.BadParameter(f"the {what} is not {sys.getfilesystemencoding().upper()} text ({raw!r}); "
                                 f"write it in {sys.getfilesystemencoding().upper()}", ctx=ctx, param=param)


def path_option(*names: str, **kwargs) -> Callable:
    """A file named on the command line. No click.Path checks: the config loader and the store
    say what is wrong with a file in their own words (and with their exit status: a database
    that cannot be read is 3, not a usage error)."""
    return click.option(*names, callback=not_blank("path"), metavar="FILE", **kwargs)


config_option = path_option(
    "--config", "config_path",
    help="Config file (default: $MARKETWATCH_CONFIG, ./config.toml, or the user config).")
db_option = path_option("--db", "db_path", help="Database file (default: the config's settings.db).")
json_option = click.option("--json", "as_json", is_flag=True, help="Machine-readable JSON output.")


def common(func: Callable) -> Callable:
    return config_option(db_option(func))


def load(config_path: str | None, db_path: str | None, *, allow_empty: bool = False):
    from marketwatch.config import load_config

    return load_config(config_path, db_override=db_path, allow_empty=allow_empty)


def load_existing(config_path: str | None, db_path: str | None):
    """load(), for a command that only reads the database (the queries, export, digest, rematch,
    `opml export`, `check-config`; the dashboard checks the same through `load_other_db`): a
    --db that names no file is a typo, refused as bad input (exit 2) before anything is done,
    with the command that would create it, rather than an empty new database or "run
    `marketwatch refresh` first", which would refresh the config's database. The config's own
    database, however --db spells it, is not checked here: before the first refresh the
    commands say so (exit 3; `opml export` and `check-config` do without it), and the dashboard
    opens on a new one and offers a refresh."""
    return load_other_db(config_path, db_path)[0]


def load_other_db(config_path: str | None, db_path: str | None):
    """(config, whether --db names another database than the config's own), checked as
    `load_existing` says. The config is read once; --db replaces its database as load() does."""
    import dataclasses
    from pathlib import Path

    config = load(config_path, None)
    if db_path is None:
        return config, False
    db = Path(db_path).expanduser()
    other = not same_file(db, config.settings.db)
    config = dataclasses.replace(config, settings=dataclasses.replace(config.settings, db=db))
    if other and not db.exists():
        import shlex

        from marketwatch.cli import EXIT_USAGE, Failed

        config_part = f" --config {shlex.quote(config_path)}" if config_path else ""
        raise Failed(f"no database at {db}: `marketwatch refresh{config_part} --db {shlex.quote(str(db))}` creates one",
                     EXIT_USAGE)
    return config, other


def same_file(path, other) -> bool:
    """Whether two paths name one database (`--db` spelling the config's own another way), also
    before it exists."""
    try:
        return path.samefile(other)
    except OSError:  # one of them is not there (yet)
        return path.resolve() == other.resolve()


@contextmanager
def open_store(config):
    """The config's database, which must exist: only a refresh (or the dashboard, on the
    config's own database) creates one, so that a mistyped --db says so instead of showing an
    empty new database (load_existing refuses such a --db before this). What the store repaired
    on the way (a damaged search index) is said on stderr."""
    from marketwatch.store import Store

    with Store(config.settings.db, create=False) as store:
        try:
            yield store
        finally:  # before the command's own error, if it has one
            for repair in store.repairs:
                warn(repair)


def feed_titles(config) -> dict[str, str]:
    """{URL: the name a feed of the config without a name is shown under}: its channel title
    (or a name it had), as `marketwatch feeds` and the feed health screen show it, once a
    refresh fetched it. Read from the config's database if there is one, and nothing when it
    cannot be read: the edits that ask (`add-feed`, `opml import`, `remove-feed`) work without
    a database, and `check-config` says what is wrong with one."""
    import sqlite3
    from urllib.parse import quote

    unnamed = {f.url for f in config.feeds if not f.name}
    db = config.settings.db
    if not unnamed or not db.is_file():
        return {}
    try:
        conn = sqlite3.connect(f"file:{quote(str(db.resolve()))}?mode=ro", uri=True, timeout=2)
        try:
            rows = conn.execute("SELECT url, coalesce(name, title) FROM feeds").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return {}
    return {url: shown for url, shown in rows if url in unnamed and isinstance(shown, str) and shown}


def color() -> bool:
    """Colour only on a terminal and never with NO_COLOR set (https://no-color.org)."""
    return "NO_COLOR" not in os.environ and sys.stdout.isatty()


def style(text: str, **kwargs) -> str:
    return click.style(text, **kwargs) if color() else text


class WholeNumber(click.ParamType):
    """A count from `low` to `high`, said in words: click's IntRange said "'abc' is not a valid
    integer range" and "0 is not in the range 1<=x<=100000". Digits grouped by thousands with
    commas (100,000) are taken too, as our own messages and help write them; a comma anywhere
    else ("1,00", ",5") is no number."""

    name = "number"

    def __init__(self, low: int, high: int) -> None:
        self.low, self.high = low, high

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            number = value
        else:
            text = str(value).strip()
            if _GROUPED.fullmatch(text):
                text = text.replace(",", "")
            try:
                number = int(text)
            except ValueError:
                self.fail(f"{value!r} is not a whole number; {self.expected}", param, ctx)
        if not self.low <= number <= self.high:
            self.fail(f"{number:,} is out of range; {self.expected}", param, ctx)
        return number

    @property
    def expected(self) -> str:
        return f"give a whole number from {self.low:,} to {self.high:,}"


_GROUPED = re.compile(r"[-+]?[0-9]{1,3}(?:,[0-9]{3})+")  # 100,000 and 1,000,000


def since_option(func: Callable) -> Callable:
    return click.option("--since", "since", metavar="WHEN", callback=not_blank("date"),
                        help='Only stories published since WHEN: a date, "today", "2 weeks ago", "last monday", '
                             '"this month", "Q3 2026" (a day, week, month, quarter or year from its start; '
                             '"3 hours ago" exact).')(func)


def until_option(func: Callable) -> Callable:
    return click.option("--until", "until", metavar="WHEN", callback=not_blank("date"),
                        help='Only stories published up to the end of WHEN: "2026-11-30" takes in that day, '
                             '"nov 2026" the month (with --since "nov 2026": November alone), "Q3 2026" the '
                             'quarter.')(func)


def _refuse_a_bare_number(value: str, option: str) -> None:
    """`--since 7` was 1 July, `32` 1932, `1700000000` a Unix time, `12` 1 December: a user meaning
    "7 days" got other stories, silently. A year of four digits is a date."""
    text = value.strip()
    if text.lstrip("+-").isdigit() and not (len(text) == 4 and text.isdigit()):
        if len(text) == 8:  # 20261130
            raise click.BadParameter(f"{value!r}: write the date with dashes, {text[:4]}-{text[4:6]}-{text[6:]}",
                                     param_hint=option)
        raise click.BadParameter(f"{value!r} is a bare number; write '{text.lstrip('+-')} days ago' or a date "
                                 "such as 2026-11-01", param_hint=option)


def parse_until(value: str | None, config):
    """--until as the end of what it names, in UTC (exclusive); a time ahead is no error: it cuts nothing."""
    from marketwatch import dates

    if not value:
        return None
    _refuse_a_bare_number(value, "--until")
    try:
        when = dates.parse_until(value, config.settings.languages)
    except dates.Ambiguous as exc:
        raise click.BadParameter(str(exc), param_hint="--until") from None
    except dates.Misread as exc:  # "Q3" was read as 3 March, "H2 2026" as February
        raise click.BadParameter(f"cannot understand the date {value!r}; {exc.advice}", param_hint="--until") from None
    except dates.OutOfRange:
        raise click.BadParameter(f"{value!r} is too far back or ahead to use; leave --until out for no end",
                                 param_hint="--until") from None
    if when is None:
        raise click.BadParameter(f"cannot understand the date {value!r}", param_hint="--until")
    return when


def parse_since(value: str | None, config):
    """--since as a time in UTC. A date too far back to be a time (0001-01-01) and one in the
    future ("tomorrow", "in 2 days", "-5 days ago", 9999-12-31) are usage errors: the first
    crashed, the second found nothing and said only that no story matched. So is a date of
    digits that reads two ways (01/12/2026), which was read month first, silently."""
    from marketwatch import dates

    if not value:
        return None
    _refuse_a_bare_number(value, "--since")
    now = dates.utcnow()
    try:
        when = dates.parse_when(value, config.settings.languages, now=now)
    except dates.Ambiguous as exc:  # 01/12/2026: 1 Dec or 12 Jan
        raise click.BadParameter(str(exc), param_hint="--since") from None
    except dates.Misread as exc:  # "Q3" was read as 3 March, "H2 2026" as February
        raise click.BadParameter(f"cannot understand the date {value!r}; {exc.advice}", param_hint="--since") from None
    except dates.OutOfRange as exc:
        if exc.future:
            raise click.BadParameter(f"{value!r} is in the future; {_PAST}", param_hint="--since") from None
        raise click.BadParameter(f"{value!r} is too far back to use; leave --since out for every story",
                                 param_hint="--since") from None
    if when is None:
        raise click.BadParameter(f"cannot understand the date {value!r}", param_hint="--since")
    if when > now:
        raise click.BadParameter(f"{value!r} is in the future ({when.astimezone():%Y-%m-%d %H:%M} here); {_PAST}",
                                 param_hint="--since")
    return when


_PAST = 'stories are published in the past: give a date or a phrase such as "today" or "2 weeks ago"'
