"""`marketwatch refresh` and `marketwatch rematch`: the commands cron and scripts run."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator

import click

from marketwatch.cli import EXIT_FEEDS_FAILED, EXIT_STORE, cli
from marketwatch.cli.options import common, json_option, load, path_option
from marketwatch.cli.output import Lines, echo, echo_json, json_text, say


@cli.command()
@common
@json_option
@click.option("-v", "--verbose", is_flag=True, help="Print a line per feed and a summary.")
@path_option("--log-file", help="Append a log of the run to this file.")
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
    from marketwatch.runlog import LogError, RunLog

    config = load(config_path, db_path)
    log = RunLog(log_file)
    # A stdout that stops working (`refresh -v | head -1`, a full disk) ends the printing, not
    # the refresh: the feeds are still fetched and stored, and the failures, the log and the
    # exit status still come.
    out = Lines()

    def progress(done: int, total: int, outcome) -> None:
        if verbose:
            detail = outcome.error or f"{outcome.new} new, {len(outcome.new_tieups)} tie-ups"
            out.echo(f"[{done}/{total}] {outcome.status:<12} {outcome.name or outcome.url}: {detail}")

    def waiting() -> None:
        say("marketwatch: another refresh is running on this database; waiting for it")

    with _stop_on_sigterm() as stop:
        report = run_refresh(config, progress=progress, on_wait=waiting, stop=stop)
    if report.stopped:
        _terminated(report, len(config.feeds), out, as_json, log)
    sent = _tell(config, report, skip=no_notify)
    errors = sent.errors
    _say_failed(report)
    for error in errors:
        say(f"marketwatch: {error}")
    if as_json:
        out.echo(json_text({**report.as_json(), "notify": {"services": sent.services, "told": sent.told,
                                                           "tieups": sent.tieups, "errors": list(errors)}}))
    elif verbose:
        out.echo(f"{len(report.feeds)} feeds, {len(report.failed)} failed, "
                 f"{report.new_stories} new stories, {len(report.new_tieups)} new tie-ups")
        for _id, title in report.new_tieups:
            out.echo(f"  + {title}")
        if sent.services:
            out.echo(f"[notify]: told {sent.told} of {sent.services} services of new tie-ups "
                     f"({sent.tieups} at most)")
    problems = _unwritten(out)
    try:
        log.write_report(report, errors)
    except LogError as exc:
        problems.append(str(exc))
    for problem in problems:
        say(f"marketwatch: {problem}")
    if problems:
        sys.exit(EXIT_STORE)
    if report.failed or errors:
        sys.exit(EXIT_FEEDS_FAILED)


@contextlib.contextmanager
def _stop_on_sigterm() -> Iterator[threading.Event]:
    """cron's `timeout`, systemd and `kill` end a run with SIGTERM. Ended where it stood, the
    run left nothing in cron's mail and its parser processes behind; instead it stops as the
    dashboard's `q` stops it: the feeds done are stored, the others wait for the next run."""
    stop = threading.Event()
    previous: list = [signal.SIG_DFL]

    def handler(_signum, _frame) -> None:
        signal.signal(signal.SIGTERM, previous[0])  # a second SIGTERM ends the process at once
        # Not stop.set() here: the handler runs in the main thread, which may hold the event's
        # lock at that moment (waiting for cron's lock); a thread waits for it instead.
        threading.Thread(target=stop.set, name="marketwatch-sigterm", daemon=True).start()

    try:
        previous[0] = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (a test, a host program): SIGTERM stays theirs
        yield stop
        return
    try:
        yield stop
    finally:
        signal.signal(signal.SIGTERM, previous[0])


def _terminated(report, total: int, out: Lines, as_json: bool, log) -> None:
    """Say what a terminated run did, log it, tell [notify] nothing (the next run catches up),
    and end by SIGTERM after all: a caller told of a death by SIGTERM (systemd, a shell's
    143) knows the run was stopped, where exit status 143 would read as a failure of its own."""
    from marketwatch.runlog import LogError

    if as_json:
        out.echo(json_text(report.as_json()))
    for problem in _unwritten(out):  # a full disk: the report did not get out
        say(f"marketwatch: {problem}")
    _say_failed(report)
    done = len(report.feeds)
    say(f"marketwatch: terminated with {done} of {total} feeds done (their stories are stored); "
        "the others wait for the next refresh" if done else
        "marketwatch: terminated before any feed was done; all wait for the next refresh")
    with contextlib.suppress(LogError):
        log.write_report(report, ("terminated (SIGTERM)",))
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGTERM)
    sys.exit(128 + signal.SIGTERM)  # not reached unless SIGTERM is blocked


def _say_failed(report) -> None:
    """A line on stderr for each feed that failed: what cron mails."""
    for outcome in report.failed:
        say(f"marketwatch: {outcome.name or outcome.url}: {outcome.error}")


def _unwritten(out: Lines) -> list[str]:
    """Why the output could not be written, unless its reader just left (`| head`)."""
    return [out.failure.line] if out.failure and not out.failure.broken_pipe else []


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
@click.option("--yes", is_flag=True,
              help="Go ahead even when half the tie-up stories or more would be taken out.")
def rematch(config_path, db_path, as_json, yes):
    """Run matching again over every stored entry, after the config's companies changed.

    Entries that matched nothing are kept for settings.retention_days (default 90), so a
    company added to the config shows its recent history at once. A story taken out of the
    tie-ups is deleted by a later refresh once it is older than that, so a config that lists no
    companies is refused, and so is one that would take half the tie-up stories or more out
    (a config saved half-way, most likely) unless --yes.

    \b
    Examples:
      marketwatch rematch
      marketwatch rematch --json
    """
    from marketwatch.cli.options import open_store
    from marketwatch.config import ConfigError
    from marketwatch.rematch import apply_plan, plan_rematch

    config = load(config_path, db_path)
    if not config.companies:
        raise ConfigError(f"{config.path}: lists no companies (saved half-way?); a rematch with it "
                          "would take every story out of the tie-ups; nothing changed")
    with open_store(config) as store:
        plan = plan_rematch(config, store)
        if plan.sharp_drop and not yes:
            raise ConfigError(f"{config.path}: a rematch with it would take {plan.lost} of the {plan.before} "
                              "tie-up stories out (did it lose companies?); nothing changed; "
                              "`marketwatch rematch --yes` does it anyway")
        result = apply_plan(store, plan)
    if as_json:
        echo_json(result)
    else:
        taken = f"; {result['taken_out']} taken out" if result["taken_out"] else ""
        echo(f"{result['entries']} entries matched again: {result['tieups']} tie-up stories "
             f"({result['tieups_before']} before{taken})")
