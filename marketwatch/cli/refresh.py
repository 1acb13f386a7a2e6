"""`marketwatch refresh` and `marketwatch rematch`: the commands cron and scripts run."""

from __future__ import annotations

import sys

import click

from marketwatch.cli import EXIT_FEEDS_FAILED, cli
from marketwatch.cli.options import common, echo_json, json_option, load


@cli.command()
@common
@json_option
@click.option("-v", "--verbose", is_flag=True, help="Print a line per feed and a summary.")
@click.option("--log-file", type=click.Path(dir_okay=False), help="Append a log of the run to this file.")
@click.option("--no-notify", is_flag=True,
              help="Send [notify] nothing, and move its services past every tie-up stored so far.")
def refresh(config_path, db_path, as_json, verbose, log_file, no_notify):
    """Fetch every feed, find tie-ups and store them; send the new ones to [notify].

    Silent on stdout unless -v or --json, so cron mails only on trouble; each failed feed (and
    each [notify] service that could not be told) is one line on stderr, and the exit status is
    1 when any failed.

    \b
    Examples:
      marketwatch refresh
      marketwatch refresh -v
      marketwatch refresh --json | jq .new_tieups
      */30 * * * * marketwatch refresh --log-file ~/.local/state/marketwatch/refresh.log
    """
    from marketwatch.refresh import refresh as run_refresh
    from marketwatch.runlog import RunLog

    config = load(config_path, db_path)
    log = RunLog(log_file)

    def progress(done: int, total: int, outcome) -> None:
        if verbose:
            detail = outcome.error or f"{outcome.new} new, {len(outcome.new_tieups)} tie-ups"
            click.echo(f"[{done}/{total}] {outcome.status:<12} {outcome.name or outcome.url}: {detail}")

    def waiting() -> None:
        click.echo("marketwatch: another refresh is running on this database; waiting for it", err=True)

    report = run_refresh(config, progress=progress, on_wait=waiting)
    sent = _tell(config, report, skip=no_notify)
    errors = sent.errors
    log.write_report(report, errors)
    for outcome in report.failed:
        click.echo(f"marketwatch: {outcome.name or outcome.url}: {outcome.error}", err=True)
    for error in errors:
        click.echo(f"marketwatch: {error}", err=True)
    if as_json:
        echo_json({**report.as_json(), "notify": {"services": sent.services, "told": sent.told,
                                                  "tieups": sent.tieups, "errors": list(errors)}})
    elif verbose:
        click.echo(f"{len(report.feeds)} feeds, {len(report.failed)} failed, "
                   f"{report.new_stories} new stories, {len(report.new_tieups)} new tie-ups")
        for _id, title in report.new_tieups:
            click.echo(f"  + {title}")
        if sent.services:
            click.echo(f"[notify]: told {sent.told} of {sent.services} services of new tie-ups "
                       f"({sent.tieups} at most)")
    if report.failed or errors:
        sys.exit(EXIT_FEEDS_FAILED)


def _tell(config, report, *, skip: bool):
    """[notify]: each service is told what it has not heard of yet (a quiet run, too, when a
    service missed the last message)."""
    from marketwatch.models import Sent

    if not config.notify.urls:
        return Sent()
    from marketwatch import dates
    from marketwatch.cli.options import open_store
    from marketwatch.notify import catch_up

    with open_store(config) as store:
        return catch_up(config, store, report.stored_before, dates.utcnow(), skip=skip)


@cli.command()
@common
@json_option
def rematch(config_path, db_path, as_json):
    """Run matching again over every stored entry, after the config's companies changed.

    Entries that matched nothing are kept for settings.retention_days (default 90), so a
    company added to the config shows its recent history at once.

    \b
    Examples:
      marketwatch rematch
      marketwatch rematch --json
    """
    from marketwatch.cli.options import open_store
    from marketwatch.rematch import rematch_store

    config = load(config_path, db_path)
    with open_store(config) as store:
        result = rematch_store(config, store)
    if as_json:
        echo_json(result)
    else:
        click.echo(f"{result['entries']} entries matched again: {result['tieups']} tie-up stories "
                   f"({result['tieups_before']} before)")
