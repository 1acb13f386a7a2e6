"""`marketwatch` (the dashboard) and `marketwatch demo`."""

from __future__ import annotations

import dataclasses
import shlex

import click

from marketwatch.cli import cli
from marketwatch.cli.options import common, load, load_other_db, not_blank, path_option
from marketwatch.cli.output import echo, warn
from marketwatch.cli.query import DealChoice
from marketwatch.wording import plural


@cli.command()
@common
@click.option("--alliance", metavar="NAME", callback=not_blank("name"),
              help="Start with the panes narrowed to an alliance.")
@click.option("--watchlist", metavar="NAME", callback=not_blank("name"),
              help="Start with the panes narrowed to a watchlist.")
@click.option("--deal", type=DealChoice(),
              help="Start with the panes narrowed to a deal type (each company's own deals of it), as `d` does.")
def dashboard(config_path, db_path, alliance, watchlist, deal):
    """Open the dashboard (what a bare `marketwatch` does).

    \b
    Examples:
      marketwatch
      marketwatch --alliance "Renault-Nissan-Mitsubishi Alliance"
      marketwatch dashboard --watchlist Robotaxi
      marketwatch --deal joint-venture
    """
    from marketwatch.scope import resolve_scope

    if alliance and watchlist:  # one was dropped unsaid, as `stories` refuses the two
        raise click.UsageError("--alliance and --watchlist: give one of them; the panes are narrowed to one")
    # Here, before the app starts: a typo makes no database.
    config, other_db = load_other_db(config_path, db_path)
    scope = dataclasses.replace(resolve_scope(config, alliance=alliance, watchlist=watchlist), deal=deal)
    _refuse_damaged(config.settings.db)
    # The file found now, even if the current directory or $MARKETWATCH_CONFIG would name another.
    _run_dashboard(config, scope, lambda: load(config.path, db_path), other_db=other_db)


@cli.command()
@path_option("--config", "config_path",
             help="Take companies and alliances from this config (default: the shipped one).")
@path_option("--db", "db_path", help="Demo database (default: demo.db in the user data dir).")
@click.option("--no-open", is_flag=True, help="Build the demo database and print where it is.")
def demo(config_path, db_path, no_open):
    """The dashboard on sample feeds bundled with marketwatch, in a database of their own,
    so that a machine with no network shows a full dashboard.

    \b
    Examples:
      marketwatch demo
      marketwatch demo --no-open && marketwatch stories --db ~/.local/share/marketwatch/demo.db
    """
    from marketwatch.cli import EXIT_USAGE, Failed
    from marketwatch.demo import demo_config, forget_other_installs, stories_of_its_own
    from marketwatch.refresh import refresh as run_refresh
    from marketwatch.scope import ALL

    config = demo_config(config_path, db_path)
    stories, feeds = stories_of_its_own(config) if db_path else (0, [])  # the default demo.db is the demo's
    if stories:
        raise Failed(f"{config.settings.db} is not a demo database: it holds "
                     f"{plural(stories, 'story', 'stories')} of {plural(len(feeds), 'feed')} of its own ({feeds[0]!r}"
                     f"{', ...' if len(feeds) > 1 else ''}); the demo's sample stories go in a database of their "
                     "own: leave out --db, or name a new file", EXIT_USAGE)
    if config_path and (why := config.why_no_tieups()):
        warn(f"{config.path}: {why}; `marketwatch demo` without --config uses the shipped companies")
    forget_other_installs(config)
    report = run_refresh(config)
    if no_open:
        echo(f"{config.settings.db}: {plural(len(report.feeds), 'demo feed')}, "
             f"{plural(report.new_stories, 'new story', 'new stories')}, "
             f"{plural(len(report.new_tieups), 'new tie-up')}")
        return
    from marketwatch.config import ConfigError
    from marketwatch.tui.app import NoTerminal

    try:
        _run_dashboard(config, ALL, lambda: demo_config(config_path, db_path))
    except NoTerminal as exc:  # its advice (`marketwatch refresh`) is about the user's own feeds
        db = shlex.quote(str(config.settings.db))
        raise ConfigError(f"{exc.reason}; the demo database is built at {db} (`marketwatch demo --no-open` only "
                          f"builds it; `marketwatch stories --db {db}` lists its stories)") from None


def _refuse_damaged(db) -> None:
    """A damaged database is one line and exit status 3, as for `stories`, before the dashboard
    starts: it showed "cannot read the database" in place of the panes, and `q` then exited 0.
    The cheap check a refresh makes (`Store.check_edges`); a database not made yet is the
    dashboard's to create."""
    from marketwatch.store import Store

    if db.exists():
        with Store(db, create=False) as store:
            store.check_edges()


def _run_dashboard(config, scope, reload_config, *, other_db: bool = False) -> None:
    from marketwatch.tui.app import run_dashboard

    run_dashboard(config, scope, reload_config, other_db=other_db)
