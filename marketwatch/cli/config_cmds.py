"""`marketwatch check-config`: validate the config, say what it watches, and point out aliases
that are not earning their keep."""

from __future__ import annotations

from marketwatch.cli import cli
from marketwatch.cli.options import common, json_option, load_existing
from marketwatch.cli.output import echo, echo_json, warn
from marketwatch.wording import plural

ALIAS_WINDOW_DAYS = 90
# Entries in that window before aliases that matched nothing are worth a warning: after a first
# refresh of 8 entries, "no match ... for Nissan, General Motors, ... and 120 more" read as misspelt names.
ALIAS_MIN_ENTRIES = 200


@cli.command("check-config")
@common
@json_option
def check_config(config_path, db_path, as_json):
    """Validate the config and print a short summary (exit status 2 when it is broken).

    Also warns (on stderr; the exit status stays 0) about a config with no feeds, no companies
    or no OEM or no tech company, about feeds of one name, about companies without any alias,
    and, when a database exists, about aliases that matched no entry of the last 90 days.

    \b
    Examples:
      marketwatch check-config
      marketwatch check-config --config ~/watch/config.toml
      marketwatch check-config --json | jq .unused_aliases
    """
    from marketwatch.config import check_languages

    config = load_existing(config_path, db_path)  # a mistyped --db is refused, as by the queries
    check_languages(config)  # exactly, against dateparser's list: too slow to import for every command
    notify_to = _notify_services(config)
    companies = config.companies.values()
    summary = {
        "config": str(config.path),
        "database": str(config.settings.db),
        "feeds": len(config.feeds),
        "companies": len(config.companies),
        "oems": sum(1 for c in companies if c.is_oem),
        "tech": sum(1 for c in companies if c.is_tech),
        "oem_and_tech": sum(1 for c in companies if c.is_oem and c.is_tech),  # counted in both
        # Each owner's distinct aliases, as the alias use line counts them, so that the companies'
        # and the alliances' add up to its total.
        "aliases": sum(len(set(c.aliases)) for c in companies),
        "alliances": len(config.alliances),
        "alliance_aliases": sum(len(set(a.aliases)) for a in config.alliances.values()),
        "watchlists": len(config.watchlists),
        "notify": notify_to,
    }
    no_alias = [c.name for c in companies if not c.aliases]
    usage, problem = _alias_usage(config)
    summary["companies_without_aliases"] = no_alias
    summary["entries_checked"] = usage["entries"] if usage else None
    summary["unused_aliases"] = usage["unused"] if usage else None
    warnings = _empty_parts(config, summary) + _shared_names(config)
    warnings += [f"companies.{_key(name)} has no aliases, so it never matches" for name in no_alias]
    if usage and usage["entries"] >= ALIAS_MIN_ENTRIES:
        warnings += _unused_lines(config, usage["unused"])
    if problem:
        warnings.append(problem)
    for line in warnings:
        warn(line)
    if as_json:
        echo_json(summary)
        return
    echo(f"{summary['config']}: OK")
    echo(f"  database:   {summary['database']}")
    echo(f"  feeds:      {summary['feeds']}")
    # "122 (63 OEM, 63 tech; …)" added up to 126: a company of both kinds is in both counts.
    both = f", {summary['oem_and_tech']} of them both" if summary["oem_and_tech"] else ""
    echo(f"  companies:  {summary['companies']} ({summary['oems']} OEM, {summary['tech']} tech{both}; "
         f"{plural(summary['aliases'], 'alias', 'aliases')})")
    echo(f"  alliances:  {summary['alliances']}"
         + (f" ({plural(summary['alliance_aliases'], 'alias', 'aliases')})" if summary["alliances"] else ""))
    echo(f"  watchlists: {summary['watchlists']}")
    if notify_to:
        only = config.notify.alliance or config.notify.watchlist
        deals = " or ".join(config.notify.deals)
        echo(f"  notify:     new {f'{deals} ' if deals else ''}tie-ups{f' of {only}' if only else ''} to "
             + ", ".join(notify_to))
    if usage is None and problem:  # the warning above says why
        echo("  alias use:  not checked (the database could not be read)")
    elif usage is None:
        echo("  alias use:  no database yet (run `marketwatch refresh`)")
    elif not usage["entries"]:
        echo(f"  alias use:  no entries from the last {ALIAS_WINDOW_DAYS} days to check")
    else:
        total = usage["aliases"]
        unused = sum(len(v) for v in usage["unused"].values())
        few = (f": too few to tell which never match, said from {ALIAS_MIN_ENTRIES}"
               if usage["entries"] < ALIAS_MIN_ENTRIES else "")
        echo(f"  alias use:  {total - unused:,} of {plural(total, 'alias', 'aliases')} (of companies and alliances) "
             f"matched in the last {ALIAS_WINDOW_DAYS} days ({plural(usage['entries'], 'entry', 'entries')}{few})")


def _empty_parts(config, summary: dict) -> list[str]:
    """What a config lacks to find any tie-up: it is valid, and it said OK with nothing else
    (an empty file, or one whose feeds or companies a bad edit took out)."""
    out = []
    if not summary["feeds"]:
        out.append("the config lists no feeds ([[feeds]]), so `marketwatch refresh` has nothing to fetch "
                    "(marketwatch add-feed URL adds one)")
    if why := config.why_no_tieups():
        out.append(why)
    return out


def _shared_names(config) -> list[str]:
    """Feeds of one name (a hand-edited config can have them, or a feed without a name shown
    under its channel title, as a feed named alike is): `remove-feed NAME` refuses them, and
    `marketwatch feeds` and the feed health screen show rows no one can tell apart."""
    from marketwatch.cli.options import feed_titles

    titles = feed_titles(config)
    feeds: dict[str, list] = {}
    for feed in config.feeds:
        if name := feed.name or titles.get(feed.url):
            feeds.setdefault(name, []).append(feed)
    lines = []
    for name, same in feeds.items():
        if len(same) < 2:
            continue
        line = f"{len(same)} feeds are named {name!r} ({', '.join(f.url for f in same)}); give each a name of its own"
        if unnamed := [f.url for f in same if not f.name]:
            have = "has none: shown by its feed's title" if len(unnamed) == 1 else "have none: shown by their titles"
            line += f" ({' and '.join(unnamed)} {have})"
        lines.append(line)
    return lines


def _key(name: str) -> str:
    return name if name.replace("_", "").replace("-", "").isalnum() else f'"{name}"'


def _alias_usage(config) -> tuple[dict | None, str | None]:
    """Run the matcher's mention finder over the entries of the last 90 days (it honours
    exclusions and ambiguity, like matching does). Only when a database exists; read-only."""
    from marketwatch.store import StoreError

    if not config.settings.db.exists():
        return None, None
    try:
        from marketwatch.store import Store

        with Store(config.settings.db, create=False) as store:
            return alias_usage(config, store.conn), None
    except StoreError as exc:
        return None, f"cannot check which aliases match: {exc}"


def alias_usage(config, conn, *, days: int = ALIAS_WINDOW_DAYS, now=None) -> dict:
    """{"entries": n, "aliases": m, "unused": {owner: [alias, …]}} over entries published or
    first seen in the last `days` days; owners are companies and alliances, in config order."""
    from datetime import timedelta

    from marketwatch import dates
    from marketwatch.match import Matcher

    now = now or dates.utcnow()
    cutoff = dates.to_iso(now - timedelta(days=days))
    owners = [(c.name, c.aliases) for c in config.companies.values()]
    owners += [(a.name, a.aliases) for a in config.alliances.values()]
    wanted = {(owner, alias) for owner, aliases in owners for alias in aliases}
    seen: set[tuple[str, str]] = set()
    matcher = Matcher(config)
    entries = 0
    rows = conn.execute("SELECT title, summary FROM stories WHERE published >= ? OR first_seen >= ?",
                        (cutoff, cutoff))
    for title, summary in rows:
        entries += 1
        text = f"{title}\n{summary}" if summary else title
        seen.update((m.alias.owner, m.alias.text) for m in matcher.mentions(text))
        if entries % 1000 == 0 and wanted <= seen:
            entries += sum(1 for _ in rows)  # every alias has matched: just count the rest
            break
    unused = {}
    for owner, aliases in owners:
        missing = [a for a in aliases if (owner, a) not in seen]
        if missing:
            unused[owner] = missing
    return {"entries": entries, "aliases": len(wanted), "unused": unused}


UNUSED_LINES = 10  # owners named one by one; the rest in one line (the shipped config has 130)


def _unused_lines(config, unused: dict[str, list[str]]) -> list[str]:
    """A line for each owner with aliases that matched nothing, those that matched nothing at
    all first (a misspelt name, or no feed that covers it), then one line for the rest: on a
    young database most aliases of a long multilingual list have not come up yet, and 130
    lines buried the warnings above them."""
    def whole(owner: str) -> bool:
        thing = config.companies.get(owner) or config.alliances.get(owner)
        return thing is not None and len(unused[owner]) == len(thing.aliases)

    owners = sorted(unused, key=lambda owner: not whole(owner))  # stable: config order within each
    shown = owners if len(owners) <= UNUSED_LINES + 1 else owners[:UNUSED_LINES]  # never "and 1 more"
    lines = [f"no match in the last {ALIAS_WINDOW_DAYS} days for {owner}: " + ", ".join(repr(a) for a in unused[owner])
             for owner in shown]
    if len(owners) > len(shown):
        rest = owners[len(shown):]
        lines.append(f"and {len(rest)} more with aliases that matched nothing in the last {ALIAS_WINDOW_DAYS} days "
                     f"({plural(sum(len(unused[o]) for o in rest), 'alias', 'aliases')}; "
                     "--json lists them under unused_aliases)")
    return lines


def _notify_services(config) -> list[str]:
    """[notify]'s services as check-config shows them (secrets masked); a URL that Apprise
    cannot use makes the config broken, since every refresh would fail to send to it."""
    if not config.notify.urls:
        return []
    from marketwatch.config import ConfigError
    from marketwatch.notify import check

    shown, problems = check(config.notify.urls)
    if problems:
        raise ConfigError(f"{config.path}: " + "; ".join(problems))
    return shown
