"""The analyst's workflow: OPML in and out, adding and removing feeds, exports and digests."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from marketwatch.cli import EXIT_STORE, Failed, cli
from marketwatch.cli.options import (
    common,
    config_option,
    decodable,
    feed_titles,
    load,
    load_existing,
    not_blank,
    open_store,
    path_option,
)
from marketwatch.cli.output import StdoutError, all_read, drop_stdout, echo, say
from marketwatch.cli.query import build_filter, filter_options, selection_options
from marketwatch.dealtypes import readable
from marketwatch.wording import plural

FORMAT_BY_SUFFIX = {".csv": "csv", ".json": "json", ".md": "markdown", ".markdown": "markdown"}


def _edited_config(config_path: str | None) -> tuple[Path, dict[str, str]]:
    """The config file an edit goes to, after checking that it loads as it is now, and the
    channel titles its feeds without a name are shown under (`feed_titles`)."""
    config = load(config_path, None, allow_empty=True)
    return config.path, feed_titles(config)


# An OPML list of even thousands of feeds is a few MB: `opml import /dev/zero` read until the machine's
# memory ran out.
MAX_OPML_BYTES = 50 * 1024 * 1024


def _read_input(name: str) -> bytes:
    from marketwatch.config import ConfigError

    shown = "stdin" if name == "-" else name
    try:
        if name == "-":
            data = sys.stdin.buffer.read(MAX_OPML_BYTES + 1)
        else:
            with Path(name).expanduser().open("rb") as file:
                data = file.read(MAX_OPML_BYTES + 1)
    except IsADirectoryError:
        raise ConfigError(f"{name}: is a directory, not an OPML file") from None
    except OSError as exc:  # closed (`<&-`), or a directory given as stdin
        raise ConfigError(f"{shown}: cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_OPML_BYTES:
        raise ConfigError(f"{shown}: more than {MAX_OPML_BYTES // (1024 * 1024)} MB: too big to be an OPML list "
                          "of feeds; is it the right file?")
    return data


def _write_output(chunks, output: str | None) -> None:
    from marketwatch.export import ExportError, write_file

    if output is None:
        for chunk in chunks:
            echo(chunk, nl=False)
        return
    try:
        write_file(output, chunks)
    except ExportError as exc:
        raise Failed(str(exc), EXIT_STORE) from None


# -- OPML -------------------------------------------------------------------------------------

@cli.group()
def opml():
    """Move feed subscriptions in and out as OPML (newsboat, Miniflux, NetNewsWire, Feedly…).

    \b
    Examples:
      marketwatch opml import ~/Downloads/subscriptions.opml
      marketwatch opml export -o marketwatch.opml
    """


@opml.command("import")
@config_option
@click.argument("file", metavar="FILE")
@click.option("-n", "--dry-run", is_flag=True, help="Only say what would be added.")
@click.option("-v", "--verbose", is_flag=True,
              help="List each feed added, and each URL skipped and why.")
def opml_import(config_path, file, dry_run, verbose):
    """Add the feeds of an OPML file (or - for stdin) to the config.

    Lenient with files that are not well-formed XML. Feeds already in the config, or listed
    twice in the file, are skipped, and so is anything that is not an http(s) URL or is longer
    than 2,000 characters (said as too long, with its length); feed://host/path is taken as
    https://host/path, as browsers take it. A feed whose
    name another feed has gets a number ("Reuters (2)"). The config keeps its comments and
    layout; the new feeds go after its last [[feeds]] entry.

    \b
    Examples:
      marketwatch opml import subscriptions.opml
      marketwatch opml import --dry-run -v newsboat-export.opml
      curl -s https://example.com/autos.opml | marketwatch opml import -
    """
    from marketwatch.config import ConfigError
    from marketwatch.config_edit import add_feeds
    from marketwatch.opml import OpmlError, read_opml
    from marketwatch.urls import MAX_LINK

    target, titles = _edited_config(config_path)
    try:
        found = read_opml(_read_input(file), "stdin" if file == "-" else file)
    except OpmlError as exc:
        raise ConfigError(str(exc)) from None
    # (a feed of the config without a name is shown under its channel title: an outline of that
    # title is numbered too)
    result = add_feeds(target, found.feeds, dry_run=dry_run, titles=titles)
    lines = [_added_line(feed, result.renamed) for feed in result.added] if verbose else []
    # (the README promised each skipped URL: those already in the config were only counted)
    lines += [f"  - {_shown(feed.url)}: already in the config" for feed in result.already] if verbose else []
    lines += [f"  - {_shown(url)}: listed twice in the file"
              for url in [*found.repeated, *(feed.url for feed in result.repeated)]] if verbose else []
    # A space or a control character makes a URL unusable as well as another scheme does
    lines += [f"  - {_shown(url)}: not a usable http(s) URL" for url in found.unusable] if verbose else []
    # A URL refused for its length alone: "not usable" sent the user looking for a typo in it
    lines += [f"  - {_shown(url)}: too long: {len(url):,} characters; marketwatch takes at most {MAX_LINK:,}"
              for url in found.too_long] if verbose else []
    skipped = []
    if result.already:
        skipped.append(f"{len(result.already)} already in the config")
    repeated = len(found.repeated) + len(result.repeated)
    if repeated:
        skipped.append(f"{repeated} listed twice in the file")
    if found.unusable:
        skipped.append(f"{len(found.unusable)} not a usable http(s) URL" if len(found.unusable) == 1
                       else f"{len(found.unusable)} not usable http(s) URLs")
    if found.too_long:
        skipped.append(_too_long_note(found.too_long, MAX_LINK))
    verb = "would add" if dry_run else "added"
    line = f"{verb} {plural(len(result.added), 'feed')} to {target}"
    total = len(result.already) + repeated + len(found.unusable) + len(found.too_long)
    line += f"; skipped {total} ({', '.join(skipped)})" if skipped else "; skipped 0"
    if result.renamed:
        line += f"; {_renamed_note(result.renamed)}"
    if dry_run:  # what would be added is the output itself
        for text in (*lines, line):
            echo(text)
    else:
        _edited([*lines, line])
    if result.added and not dry_run:
        say("Run `marketwatch refresh` to fetch them.")


def _too_long_note(urls: list[str], limit: int) -> str:
    """`1 URL too long (2,345 characters; at most 2,000)`, or for several the longest
    (`3 URLs too long (the longest 2,527 characters; at most 2,000)`)."""
    lengths = f"{len(urls[0]):,} characters" if len(urls) == 1 else f"the longest {max(map(len, urls)):,} characters"
    return f"{plural(len(urls), 'URL')} too long ({lengths}; at most {limit:,})"


def _added_line(feed, renamed: list) -> str:
    was = next((name for name, added in renamed if added is feed), None)
    name = f"  ({feed.name}, as another feed is named {was!r})" if was else f"  ({feed.name})" if feed.name else ""
    return f"  + {feed.url}{name}"


def _renamed_note(renamed: list) -> str:
    """One clause for the summary line: which names were taken and what the feeds are called now."""
    shown = ", ".join(f"{added.name!r}" for _was, added in renamed[:3])
    more = f" and {len(renamed) - 3} more" if len(renamed) > 3 else ""
    return f"named {shown}{more} as other feeds had their names"


@opml.command("export")
@common
@path_option("-o", "--output", help="Write to FILE instead of stdout (missing folders are made).")
def opml_export(config_path, db_path, output):
    """Write the config's feeds as OPML 2.0, for a feed reader or another machine.

    Feed titles and site links come from the database when the feeds have been fetched.

    \b
    Examples:
      marketwatch opml export > marketwatch.opml
      marketwatch opml export -o ~/feeds.opml
    """
    from marketwatch.opml import ExportFeed, write_opml

    config = load_existing(config_path, db_path)  # a mistyped --db would export without titles
    known: dict[str, tuple[str | None, str | None]] = {}
    if config.settings.db.exists():
        with open_store(config) as store:
            known = {url: (title, site) for url, title, site in
                     store.conn.execute("SELECT url, title, site_url FROM feeds")}
    feeds = [ExportFeed(f.url, f.name, *known.get(f.url, (None, None))) for f in config.feeds
             if f.url.lower().startswith(("http://", "https://"))]
    _write_output([write_opml(feeds)], output)
    if output:
        say(f"wrote {plural(len(feeds), 'feed')} to {output}")
    if local := len(config.feeds) - len(feeds):  # files of this machine: no use to another reader
        say(f"marketwatch: left out {plural(local, 'file:// feed')} (a file on this machine, not a web address)")


# -- editing the feed list --------------------------------------------------------------------

@cli.command("add-feed")
@config_option
@click.argument("url")
@click.option("--name", metavar="NAME", callback=decodable("name"),
              help="A short name shown instead of the feed's title.")
def add_feed(config_path, url, name):
    """Add a feed to the config, keeping its comments and layout.

    \b
    Examples:
      marketwatch add-feed https://www.just-auto.com/feed/
      marketwatch add-feed https://techcrunch.com/category/transportation/feed/ --name "TechCrunch mobility"
    """
    from marketwatch.config import ConfigError
    from marketwatch.config_edit import NewFeed, add_feeds, clean_name, feed_key
    from marketwatch.urls import MAX_LINK, from_feed_scheme, safe_link, too_long

    url = from_feed_scheme(url)  # feed://host/x, a browser's link to a feed reader: https://host/x
    if too_long(url):
        raise ConfigError(f"the feed URL is {len(url.strip()):,} characters long; marketwatch takes at most "
                          f"{MAX_LINK:,}: {_shown(url)}")
    if url.lower().startswith("file:"):
        url = _file_feed(url)
    elif safe_link(url) is None:
        raise ConfigError(f"not an http(s) or file:// feed URL: {_shown(url)}{_did_you_mean(url)}")
    config = load(config_path, None, allow_empty=True)
    target, name, titles = config.path, clean_name(name), feed_titles(config)
    # A second feed of the same name: `remove-feed NAME` would then refuse, and the feed
    # health screen would show two rows no one can tell apart. (A feed already in the config
    # is left as it is, whatever the name given.) A feed without a name is shown under its
    # channel title, which counts as its name.
    if all(feed_key(f.url) != feed_key(url) for f in config.feeds):
        same = next((f for f in config.feeds if name and (f.name or titles.get(f.url)) == name), None)
        if same:
            how = f"named {name!r}" if same.name else f"shown as {name!r} (its feed's title)"
            raise ConfigError(f"{target}: {same.url} is already {how}; give this feed another --name")
    result = add_feeds(target, [NewFeed(url, name)], titles=titles)
    _edited([f"{url} is already in {target}; nothing changed" if result.already else f"added {url} to {target}"])


def _did_you_mean(url: str) -> str:
    """"; did you mean https://www.example.com/feed?" for an address typed without its scheme
    (www.example.com/feed, example.com:8080/rss), as a browser's address bar would take it."""
    from marketwatch.urls import safe_link

    text = url.strip()
    if text and "://" not in text:  # a file's path ("local.xml" too): its file:// URL, if it is one
        try:
            path = Path(text).expanduser()
            if path.is_file():
                return f"; did you mean {path.resolve().as_uri()}?"
        except (RuntimeError, OSError, ValueError):  # "~nosuchuser/x", a path it may not read, a NUL
            pass
        if text.startswith(("/", "~", "./", "../")):
            return ""
    host = text.split("/", 1)[0].split(":", 1)[0]
    if "://" in text or not host:
        return ""
    if not ("." in host.strip(".") or host.lower() == "localhost") or safe_link(f"https://{text}") is None:
        return ""
    return f"; did you mean https://{text}?"


def _file_feed(url: str) -> str:
    """A file:// feed (one a script writes, a local experiment) as the config takes it: a file
    that exists, named by an absolute file:// URL, written one way (`Path.as_uri()`), so that
    file://localhost/x and file:///x are one feed."""
    from pathlib import Path
    from urllib.parse import unquote, urlsplit

    from marketwatch.config import ConfigError

    parts = urlsplit(url)
    path = Path(unquote(parts.path))
    if parts.netloc not in ("", "localhost") or not path.is_absolute():
        raise ConfigError(f"not a file:// URL of a file on this machine: {_shown(url)} "
                          "(file:///home/me/feed.xml is one)")
    if not path.is_file():
        raise ConfigError(f"no file at {path}: {_shown(url)}")
    return path.as_uri()


@cli.command("remove-feed")
@config_option
@click.argument("url", metavar="URL")
def remove_feed(config_path, url):
    """Remove a feed (by URL, or by its name) from the config, keeping comments and layout.

    Its stories stay in the database. A feed without a name goes by the title it is shown under;
    a name that two feeds have is refused, with their URLs.

    \b
    Examples:
      marketwatch remove-feed https://www.just-auto.com/feed/
      marketwatch remove-feed just-auto
    """
    from marketwatch.config_edit import remove_feed as remove
    from marketwatch.urls import from_feed_scheme

    target, titles = _edited_config(config_path)
    removed = remove(target, from_feed_scheme(url), titles=titles)  # as add-feed took it
    _edited([f"removed {removed.get('url')} from {target}"])


def _shown(url: str) -> str:
    """A URL in an error line: its start, if it is long."""
    return repr(url) if len(url) <= 100 else f"{url[:100]!r}…"


def _edited(lines: list[str]) -> None:
    """Say what an edit of the config did, once it is saved. A stdout that cannot take it
    (closed, a full disk) does not make the edit a failure: the last line, which says what
    changed, goes to stderr with the reason, and the exit status stays 0. It was 3, and a
    script that took it for "not added" would retry, or give up on a feed that is there."""
    try:
        for line in lines:
            echo(line)
    except StdoutError as exc:
        drop_stdout()
        if not exc.broken_pipe:  # `| head`: the reader took what it wanted
            say(f"marketwatch: {lines[-1]} ({exc.line})")


# -- exports and digests ----------------------------------------------------------------------

class FormatChoice(click.Choice):
    """--format csv, json or markdown, and md for markdown, as `-o x.md` names it: `--format md`
    was refused while -o's extension took it."""

    def __init__(self) -> None:
        super().__init__(["csv", "json", "markdown"], case_sensitive=False)

    def convert(self, value, param, ctx):
        if isinstance(value, str):
            value = _FORMAT_ALIASES.get(value.strip().lower(), value)
        return super().convert(value, param, ctx)


_FORMAT_ALIASES = {"md": "markdown"}


@cli.command("export")
@common
@filter_options
@click.option("-f", "--format", "fmt", type=FormatChoice(),
              help="Output format, csv, json or markdown (md) (default: from -o's extension, .csv, .json "
                   "or .md; else csv).")
@path_option("-o", "--output", help="Write to FILE instead of stdout (missing folders are made).")
def export_cmd(config_path, db_path, company, alliance, watchlist, kind, search, deals, since, until, fmt, output):
    """Export stories as CSV, JSON or Markdown, with the same filters as `stories` but no limit.

    \b
    Examples:
      marketwatch export --format csv -o tieups.csv
      marketwatch export --format json --since "2 weeks ago" | jq '.[].pairs'
      marketwatch export --format markdown --company Toyota --since 2026-01-01
      marketwatch export -o china.md --watchlist "China tie-ups"
      marketwatch export -o jvs.csv --deal joint-venture
      marketwatch export -o november.md --since "nov 2026" --until "nov 2026"
    """
    from marketwatch.export import iter_stories, render

    fmt = fmt or _format_of(output)
    config = load_existing(config_path, db_path)
    flt = build_filter(config, company=company, alliance=alliance, watchlist=watchlist, kind=kind,
                       search=search, since=since, until=until, deals=deals)
    with open_store(config) as store:
        heading = _heading(company, alliance, watchlist, kind, search, flt, deals)
        written = 0

        def counted():  # the stories as they are written, for the line below
            nonlocal written
            for story in iter_stories(store.conn, flt, store.healing):
                written += 1
                yield story

        _write_output(render(fmt, counted(), heading=heading), output)
    if output:  # as `opml export -o` says it: a file written with nothing said looked like nothing done
        say(f"wrote {plural(written, 'story', 'stories')} to {output}")


def _format_of(output: str | None) -> str:
    """The format -o's extension names; CSV without one (stdout, /dev/stdout). An extension of
    no format of ours is refused rather than given CSV: `-o tieups.xlsx` wrote a CSV file that
    a spreadsheet refuses to open as what its name says."""
    suffix = Path(output).suffix.lower() if output else ""
    if suffix and suffix not in FORMAT_BY_SUFFIX:
        raise click.UsageError(f"-o {output}: '{suffix}' is not a format export writes; name the file "
                               ".csv, .json or .md, or give --format csv, json or markdown")
    return FORMAT_BY_SUFFIX.get(suffix, "csv")


def _day(when) -> str | None:
    """1 Nov 2026 (10:00 for a time of day), in the user's time zone, as lists show dates."""
    if when is None:
        return None
    local = when.astimezone()
    return _date_words(local) + (f" {local:%H:%M}" if local.time() != local.min.time() else "")


def _date_words(day) -> str:
    return f"{day.day} {day:%b %Y}"


def _last_day(until) -> str | None:
    """The last day --until takes in ("until 30 Nov 2026" for the exclusive 1 Dec midnight), a day
    back in local dates (24 hours back crossed a change to summer time: "until 7 Mar 2026 23:00")."""
    from datetime import timedelta

    if until is None:
        return None
    local = until.astimezone()
    if local.time() != local.min.time():
        return _day(until)
    return _date_words(local.date() - timedelta(days=1))


_KIND_HEADINGS = {"oem-tech": "OEM–tech tie-ups", "oem-oem": "OEM–OEM deals", "tech-tech": "tech–tech deals",
                  "all": "tie-ups and deals of every kind"}


def _heading(company, alliance, watchlist, kind, search, flt, deals=()) -> str:
    """The Markdown file's title, in words a reader of the file (not of the command) knows: the
    dates, not the phrase typed ("since this month" in a file forwarded in December meant nothing)."""
    parts = [f"{label} {value}" for label, value in (("company", company), ("alliance", alliance),
                                                     ("watchlist", watchlist), ("search", search),
                                                     ("deal", " or ".join(map(readable, deals))),
                                                     ("since", _day(flt.since)), ("until", _last_day(flt.until)))
             if value]
    return ", ".join([f"marketwatch: {_KIND_HEADINGS[kind]}", *parts])


@cli.command()
@common
@click.option("--since", metavar="WHEN", callback=not_blank("date"),
              help='Only stories published since WHEN ("last monday", a date).')
@selection_options
@click.option("--group-by", type=click.Choice(["company", "alliance"], case_sensitive=False), default="company",
              show_default=True,
              help="One section per company, or per alliance.")
@click.option("--all", "include_all", is_flag=True, help="Include stories already in an earlier digest.")
@click.option("--no-mark", is_flag=True, help="Do not remember these stories as digested.")
def digest(config_path, db_path, since, company, alliance, watchlist, search, deals, group_by, include_all,
           no_mark):
    """A Markdown digest of new tie-up stories, grouped by company or alliance.

    Only stories not in an earlier digest of the same selection, unless --all: a digest
    narrowed with --watchlist, --alliance, --company, --deal or --search remembers what it
    sent apart from the others, so each team's digest has all of its news. The stories
    printed are remembered unless --no-mark. Prints nothing when there is nothing new, so a
    cron job mails only when there is news.

    \b
    Examples:
      marketwatch digest
      marketwatch digest --since "last monday" --group-by alliance
      marketwatch digest --watchlist Robotaxi --since "last monday"
      marketwatch digest --deal joint-venture --deal stake --since "1 month ago"
      marketwatch digest --all --no-mark --since "2 weeks ago" > review.md
      0 8 * * 1 marketwatch digest --since "last monday"    (crontab, with MAILTO set)
    """
    from marketwatch import dates
    from marketwatch.digest import Selection, build, collect
    from marketwatch.scope import resolve_scope

    config = load_existing(config_path, db_path)
    flt = build_filter(config, company=company, alliance=alliance, watchlist=watchlist, kind="oem-tech",
                       search=search, since=since, deals=deals)
    selection = Selection(resolve_scope(config, company=company, alliance=alliance, watchlist=watchlist),
                          tuple(deals), search)
    with open_store(config) as store:
        found = store.healing(lambda: collect(store.conn, flt, include_digested=include_all, scope=selection.key))
        result = build(found, config, group_by=group_by, since=flt.since, label=selection.label,
                       sections=selection.sections(group_by), only_new=not include_all)
        if not result.stories:
            if sys.stdout.isatty():
                say("No tie-up stories match." if include_all else "No new tie-up stories since the last digest.")
            return
        echo(result.text, nl=False)
        # Remembered as digested only once the reader has it all: `digest | head -c 100`, a
        # full disk or a closed stdout leaves every story for the next digest.
        if not no_mark:
            if all_read():
                store.mark_digested(result.ids, dates.utcnow(), selection.key)
            else:
                say("marketwatch: digest: its reader did not take all of it; no story was marked "
                    "as digested")
