"""`marketwatch refresh` and `marketwatch rematch`: the commands cron and scripts run."""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from typing import NoReturn

import click

from marketwatch.cli import EXIT_FEEDS_FAILED, EXIT_STORE, cli
from marketwatch.cli.options import common, json_option, load, path_option
from marketwatch.cli.output import Lines, drop_stdout, echo, echo_json, json_text, say, warn
from marketwatch.wording import plural


@cli.command()
@common
@json_option
@click.option("-v", "--verbose", is_flag=True, help="Print a line per feed and a summary.")
@path_option("--log-file", help="Append a log of the run to this file (missing folders are made).")
@click.option("--no-notify", is_flag=True,
              help="Send [notify] nothing, and move its services past every tie-up stored so far.")
def refresh(config_path, db_path, as_json, verbose, log_file, no_notify):
    """Fetch every feed, find tie-ups and store them; send the new ones to [notify].

    Silent on stdout unless -v or --json, so cron mails only on trouble; each failed feed (and
    each [notify] service that could not be told) is one line on stderr, and the exit status is
    1 when any failed. SIGTERM (`timeout`, systemd, `kill`) or Ctrl+C stops it: the feeds done
    are kept, a line on stderr (and the log) says how many of how many, and the exit status is
    143 (130 after Ctrl+C).

    \b
    Examples:
      marketwatch refresh
      marketwatch refresh -v
      marketwatch refresh --json | jq .new_tieups
      */30 * * * * marketwatch refresh --log-file ~/.local/state/marketwatch/refresh.log
    """
    term = _Sigterm()
    try:  # outside the handler's block: a SIGTERM as the block ends, or as an error leaves it, is caught
        with term:
            _refresh(term, config_path, db_path, as_json, verbose, log_file, no_notify)
    except _Terminated:
        _terminated(term, as_json)


def _refresh(term: _Sigterm, config_path, db_path, as_json: bool, verbose: bool, log_file, no_notify: bool) -> None:
    from marketwatch.runlog import LogError, RunLog

    term.config = config = load(config_path, db_path)
    term.log = log = RunLog(log_file)
    try:
        log.check()
    except LogError as exc:  # before any feed is fetched: the run would end with the same error
        say(f"marketwatch: {exc}; nothing fetched")
        sys.exit(EXIT_STORE)
    report = _run(term, config, verbose)
    if not config.feeds:  # said on every run: cron mails it, as it would a feed that fails
        warn(f"{config.path}: the config lists no feeds ([[feeds]]), so there is nothing to fetch "
             "(marketwatch add-feed URL adds one)")
    for repair in report.repairs:
        warn(repair)
    sent = _tell(config, report, skip=no_notify)
    _say_failed(report)
    offline = report.unreachable()
    if offline:  # last of the feeds' lines, which each said "host not found"
        say(f"marketwatch: {offline}")
    term.failures_said = True
    for error in sent.errors:
        say(f"marketwatch: {error}")
    term.reported = True
    _print_report(term.out, report, sent, as_json=as_json, verbose=verbose)
    problems = _unwritten(term.out)
    term.logged = True
    try:
        log.write_report(report, (*report.repairs, *sent.errors, *([offline] if offline else [])))
    except LogError as exc:
        problems.append(str(exc))
    for problem in problems:
        say(f"marketwatch: {problem}")
    if problems:
        sys.exit(EXIT_STORE)
    if report.failed or sent.errors:
        sys.exit(EXIT_FEEDS_FAILED)


def _run(term: _Sigterm, config, verbose: bool):
    """The refresh itself, which a SIGTERM stops as the dashboard's `q` does. A stdout that
    stops working (`refresh -v | head -1`, a full disk) ends the printing, not the refresh: the
    feeds are still fetched and stored, and the failures, the log and the exit status still come."""
    from marketwatch.refresh import refresh as run_refresh

    out = term.out

    def progress(done: int, total: int, outcome) -> None:
        if verbose:
            detail = outcome.error or (f"{plural(outcome.new, 'new story', 'new stories')}, "
                                       f"{plural(len(outcome.new_tieups), 'tie-up')}")
            out.echo(f"[{done}/{total}] {outcome.status:<12} {outcome.name or outcome.url}: {detail}")

    def waiting() -> None:
        # For a person at a terminal (or -v) only: cron mails whatever a job prints, and a run that
        # waited its turn and then succeeded is no news.
        if verbose or sys.stderr.isatty():
            say("marketwatch: another refresh is running on this database; waiting for it")

    term.watching = True
    report = run_refresh(config, progress=progress, on_wait=waiting, stop=term.stop)
    term.report = report  # first: a SIGTERM right after the next line says what the run did
    term.watching = False
    if report.stopped or term.received:  # a SIGTERM as the run ended is one all the same
        raise _Terminated
    return report


def _print_report(out: Lines, report, sent, *, as_json: bool, verbose: bool) -> None:
    if as_json:
        out.echo(json_text({**report.as_json(), "notify": {"services": sent.services, "told": sent.told,
                                                           "tieups": sent.tieups, "errors": list(sent.errors)}}))
    elif verbose:
        out.echo(f"{plural(len(report.feeds), 'feed')}, {len(report.failed):,} failed, "
                 f"{plural(report.new_stories, 'new story', 'new stories')}, "
                 f"{plural(len(report.new_tieups), 'new tie-up')}")
        for _id, title in report.new_tieups:
            out.echo(f"  + {title}")
        if sent.services:
            out.echo(_notify_line(sent))


def _notify_line(sent) -> str:
    """What [notify] did, for -v: each service is sent the tie-ups it has not heard of, so the
    counts may differ between services; one that was not told hears of them next time."""
    if sent.services == 1:
        news = plural(sent.tieups, "new tie-up")
        return (f"[notify]: told 1 service of {news}" if sent.told else
                f"[notify]: 1 service not told; it hears of {news} at the next refresh")
    if not sent.told:
        return (f"[notify]: none of {sent.services} services told; they hear of their new tie-ups (up to "
                f"{sent.tieups} each) at the next refresh")
    line = f"[notify]: told {sent.told} of {sent.services} services of new tie-ups (up to {sent.tieups} each)"
    return line if sent.told == sent.services else f"{line}; the others hear of them at the next refresh"


class _Terminated(BaseException):
    """SIGTERM or Ctrl+C while no run was there to stop (the config loading, [notify], the
    report): it ends the command where it stands."""


# What a stop says, and its exit status (128 + the signal): (verb, the signal as the log names it).
_STOPS = {signal.SIGTERM: ("terminated", "SIGTERM"), signal.SIGINT: ("interrupted", "Ctrl+C")}


class _Sigterm:
    """cron's `timeout`, systemd and `kill` end a run with SIGTERM, a user at the terminal with
    Ctrl+C (SIGINT). Ended where it stood, the run left nothing in cron's mail and its parser
    processes behind, and Ctrl+C said only "interrupted". Instead, from the start of the command
    to its end: while the feeds are fetched, the run stops as the dashboard's `q` stops it (the
    feeds done are stored, the others wait for the next run); before and after that, the
    command ends where it stands ([notify], if it was being told, is told by the next refresh).
    Either way one line says how many feeds were done, and the exit status is 143 (130 for
    Ctrl+C), as the dashboard's. A second signal ends the process at once. A
    SIGINT that was ignored when marketwatch started (`nohup`, `&` in a script) stays ignored."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.received = False
        self.signum = signal.SIGTERM  # the one received
        self.watching = False  # the run watches `stop`: SIGTERM sets it instead of raising
        self.config = None
        self.log = None
        self.out = Lines()
        self.report = None
        self.failures_said = False  # each failed feed's line went to stderr
        self.reported = False  # the report went to stdout (or was tried)
        self.logged = False  # and to the log
        self.written = False  # rematch: its write is committed
        self._previous: dict[int, object] = {}

    def __enter__(self) -> _Sigterm:
        for signum in _STOPS:
            if signum == signal.SIGINT and signal.getsignal(signum) == signal.SIG_IGN:
                continue
            try:
                previous = signal.signal(signum, self._handle)
            except ValueError:  # not the main thread (a host program): the signals stay theirs
                return self
            self._previous[signum] = signal.SIG_DFL if previous is None else previous
        return self

    def __exit__(self, *_exc) -> None:
        if not self.received:  # else given back already
            self._give_back()

    def _give_back(self) -> None:
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)

    def _handle(self, signum, _frame) -> None:
        self.received = True
        self.signum = signum
        self._give_back()  # a second signal, of either kind, ends the process at once
        if not self.watching:
            raise _Terminated
        # Not stop.set() here: the handler runs in the main thread, which may hold the event's
        # lock at that moment (waiting for cron's lock); a thread waits for it instead.
        threading.Thread(target=self.stop.set, name="marketwatch-sigterm", daemon=True).start()


def _terminated(term: _Sigterm, as_json: bool) -> NoReturn:
    """Say what a stopped run did, log it, tell [notify] nothing (the next run catches up),
    and exit 128 + the signal (143 for SIGTERM, 130 for Ctrl+C), as the dashboard does, so that
    a caller knows the run was stopped and did not fail on its own."""
    from marketwatch.runlog import LogError

    report = term.report
    if report is not None and as_json and not term.reported:
        term.out.echo(json_text(report.as_json()))
    for problem in _unwritten(term.out):  # a full disk: the report did not get out
        say(f"marketwatch: {problem}")
    if report is not None and not term.failures_said:  # said already when stdout held the report up
        for repair in report.repairs:
            warn(repair)
        _say_failed(report)
    verb, name = _STOPS[term.signum]
    done = _what_was_done(term)
    say(f"marketwatch: {done}")
    if report is not None and not term.logged:
        # The log's line counts the feeds done ("refresh: 10 feeds"): this one says of how many.
        with contextlib.suppress(LogError):
            term.log.write_report(report, (*report.repairs, done.replace(verb, f"{verb} ({name})", 1)))
    # Every line was flushed as it was written: what stdout still holds is a report the signal cut
    # off in a pipe nobody reads (`refresh --json | slow-reader` ended by `timeout`). Flushed at exit,
    # it would wait for that reader for ever; it goes nowhere instead.
    drop_stdout()
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    sys.exit(128 + term.signum)


def _what_was_done(term: _Sigterm) -> str:
    verb = _STOPS[term.signum][0]
    done = len(term.report.feeds) if term.report is not None else 0
    total = len(term.config.feeds) if term.config is not None else 0
    if not done:
        return f"{verb} before any feed was done; all wait for the next refresh"
    if done < total:
        return (f"{verb} with {done} of {total} feeds done (their stories are stored); "
                "the others wait for the next refresh")
    told = "; [notify] is told by the next refresh" if term.config.notify.urls else ""
    if total == 1:
        return f"{verb} once its feed was done (its stories are stored){told}"
    return f"{verb} once all {total} feeds were done (their stories are stored){told}"


def _say_failed(report) -> None:
    """A line on stderr for each feed that failed: what cron mails."""
    for outcome in report.failed:
        say(f"marketwatch: {report.label(outcome)}: {outcome.error}")


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
    (a config saved half-way, most likely) unless --yes. SIGTERM or Ctrl+C while it matches
    changes nothing; a write under way is let finish. A line on stderr says which, and the exit
    status is 143 (130 after Ctrl+C).

    \b
    Examples:
      marketwatch rematch
      marketwatch rematch --json
    """
    term = _Sigterm()
    try:
        with term:
            result = _rematch(term, config_path, db_path, yes)
    except _Terminated:
        # As a refresh says how far it got: matching is stopped at once, a write under way is let finish.
        verb = _STOPS[term.signum][0]
        say(f"marketwatch: {verb} once the rematch was written (it is kept)" if term.written else
            f"marketwatch: {verb} before the rematch was written; nothing changed")
        drop_stdout()
        sys.exit(128 + term.signum)
    if as_json:
        echo_json(result)
    else:
        taken = f"; {result['taken_out']:,} taken out" if result["taken_out"] else ""
        before = f"{result['tieups_before']:,} before{taken}"
        echo(f"{plural(result['entries'], 'entry', 'entries')} matched again: "
             f"{plural(result['tieups'], 'tie-up story', 'tie-up stories')} ({before})")


def _rematch(term: _Sigterm, config_path, db_path, yes: bool) -> dict:
    """The rematch, which SIGTERM or Ctrl+C stops at once while it matches (nothing is written
    then); its write, one transaction, is let finish, and `term.written` says it was done."""
    from marketwatch.cli.options import load_existing, open_store
    from marketwatch.config import ConfigError
    from marketwatch.rematch import apply_plan, plan_rematch

    config = load_existing(config_path, db_path)
    if not config.companies:
        raise ConfigError(f"{config.path}: lists no companies (saved half-way?); a rematch with it "
                          "would take every story out of the tie-ups; nothing changed")
    with open_store(config) as store:
        plan = plan_rematch(config, store)
        if plan.sharp_drop and not yes:
            raise ConfigError(f"{config.path}: a rematch with it would take {plan.lost} of the {plan.before} "
                              "tie-up stories out (did it lose companies?); nothing changed; "
                              "`marketwatch rematch --yes` does it anyway")
        term.watching = True  # a signal from here on is taken once the write is done
        result = apply_plan(store, plan)
        term.written = True  # before watching ends: a signal from then on finds the rematch written
        term.watching = False
    if term.received:
        raise _Terminated
    return result
