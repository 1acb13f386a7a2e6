"""`marketwatch check-config`: validate the config and say what it watches."""

from __future__ import annotations

import click

from marketwatch.cli import cli
from marketwatch.cli.options import common, echo_json, json_option, load


@cli.command("check-config")
@common
@json_option
def check_config(config_path, db_path, as_json):
    """Validate the config and print a short summary (exit status 2 when it is broken).

    \b
    Examples:
      marketwatch check-config
      marketwatch check-config --config ~/watch/config.toml
    """
    config = load(config_path, db_path)
    companies = config.companies.values()
    summary = {
        "config": str(config.path),
        "database": str(config.settings.db),
        "feeds": len(config.feeds),
        "companies": len(config.companies),
        "oems": sum(1 for c in companies if c.is_oem),
        "tech": sum(1 for c in companies if c.is_tech),
        "aliases": sum(len(c.aliases) for c in companies),
        "alliances": len(config.alliances),
        "watchlists": len(config.watchlists),
    }
    if as_json:
        echo_json(summary)
        return
    click.echo(f"{summary['config']}: OK")
    click.echo(f"  database:   {summary['database']}")
    click.echo(f"  feeds:      {summary['feeds']}")
    click.echo(f"  companies:  {summary['companies']} ({summary['oems']} OEM, {summary['tech']} tech; "
               f"{summary['aliases']} aliases)")
    click.echo(f"  alliances:  {summary['alliances']}")
    click.echo(f"  watchlists: {summary['watchlists']}")
