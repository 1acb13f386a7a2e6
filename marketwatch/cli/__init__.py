"""The `marketwatch` command: a thin layer over the core, one module per group of commands.

Exit status: 0 success; 1 the run finished but some feeds failed, or a [notify] service could
not be told; 2 usage or config error; 3 database or disk error; 130 interrupted; 143 terminated
(SIGTERM; a refresh, stopped by it or by Ctrl+C, keeps the feeds it finished). Errors are one
line on stderr, never a traceback.
"""

from __future__ import annotations

import sys

import click
from click_default_group import DefaultGroup

from marketwatch import __version__
from marketwatch.cli.options import common
from marketwatch.cli.output import StdoutError, drop_stdout, guard_std_streams, say
from marketwatch.wording import did_you_mean

EXIT_FEEDS_FAILED = 1
EXIT_USAGE = 2
EXIT_STORE = 3


class Failed(click.ClickException):
    """A command's own failure, already phrased as its one line, with its exit status (raised
    where the core's error is caught, so that the CLI's error handling need not import every
    module that has an error of its own)."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class _Parsing:
    """Parsing a command line writes to stdout only for --help and --version: a failure there
    is stdout's, and is reported as such. A usage error that click raised without a context
    (an option missing its value) learns which command it is about."""

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent, **extra)
        except OSError as exc:
            raise StdoutError.of(exc) from None
        except click.UsageError as exc:
            if exc.ctx is None and not hasattr(exc, "command_path"):
                exc.command_path = f"{_command_path(parent)} {info_name}" if parent else "marketwatch"
            raise


class _Command(_Parsing, click.Command):
    pass


class _SubGroup(_Parsing, click.Group):
    command_class = _Command

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        _refuse_unknown_command(self, ctx, args)
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name, command, rest = super().resolve_command(ctx, args)
        if command is not None and not ctx.resilient_parsing:
            _refuse_missing(command, ctx.meta.get(_BEFORE, {}), f"{_command_path(ctx)} {name}")
        return name, command, rest


class _Group(_Parsing, DefaultGroup):
    """Turns the core's errors, and click's, into one line and an exit status."""

    command_class = _Command
    group_class = _SubGroup

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:  # `marketwatch opml`: its help, as click shows it
            say(exc.ctx.get_help())
            sys.exit(EXIT_USAGE)
        except click.UsageError as exc:
            _fail(f"error: {usage_line(exc)}", EXIT_USAGE)
        except click.ClickException as exc:
            _fail(exc.format_message(), exc.exit_code)
        except click.Abort:
            _fail("interrupted", 130)
        except StdoutError as exc:  # the group's own --help or --version
            _stdout_failed(exc)
        sys.exit(code if type(code) is int else 0)  # ctx.exit(n) returns n here; a bool or None is no status

    def invoke(self, ctx: click.Context):
        from marketwatch.config import ConfigError
        from marketwatch.store import StoreError

        try:
            return super().invoke(ctx)
        except ConfigError as exc:
            _fail(str(exc), EXIT_USAGE)
        except StoreError as exc:
            _fail(str(exc), EXIT_STORE)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except StdoutError as exc:
            _stdout_failed(exc)
        except OSError as exc:
            _fail(f"{getattr(exc, 'filename', None) or 'error'}: {exc.strerror or exc}", EXIT_STORE)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # Shell completion parses with resilient_parsing: complete command names there instead
        # of silently resolving a bare `marketwatch` to the default (dashboard) command.
        if not args and ctx.resilient_parsing:
            return click.Group.parse_args(self, ctx, args)
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        # A bare word is a command name, never the dashboard's: `marketwatch refesh` (or
        # `marketwatch --config c.toml refesh`) would otherwise be told of an "unexpected extra
        # argument" of the dashboard.
        _refuse_unknown_command(self, ctx, args)
        return super().resolve_command(ctx, args)


def _refuse_unknown_command(group: click.Group, ctx: click.Context, args: list[str]) -> None:
    """One wording for a mistyped command at every level (`marketwatch refesh`, `marketwatch
    opml imprt`), with the closest name when there is one."""
    if args and not args[0].startswith("-") and args[0] not in group.commands and not ctx.resilient_parsing:
        raise click.UsageError(f"no command {args[0]!r}{did_you_mean(args[0], group.commands, n=1)}", ctx)


def usage_line(exc: click.UsageError) -> str:
    """click's usage error as one line: the option and the problem, and where help is (click's
    own display is four lines: usage, a hint, a blank line and the error)."""
    if (isinstance(exc, click.BadParameter) and not isinstance(exc, click.MissingParameter)
            and (exc.param_hint or exc.param is not None)):
        hint = exc.param_hint
        if hint is None:
            opts = getattr(exc.param, "opts", None)
            hint = max(opts, key=len) if opts and isinstance(exc.param, click.Option) \
                else exc.param.human_readable_name
        if not isinstance(hint, str):
            hint = " / ".join(hint)
        message = f"{hint}: {exc.message}"
    else:
        message = exc.format_message()
    where = getattr(exc, "command_path", None) or (_command_path(exc.ctx) if exc.ctx is not None else "marketwatch")
    return f"{message.removesuffix('.')} (see {where} --help)"


def _command_path(ctx: click.Context) -> str:
    """ctx.command_path, as typed: whatever name the program was started by."""
    names = []
    while ctx.parent is not None:
        names.append(ctx.info_name)
        ctx = ctx.parent
    return " ".join(["marketwatch", *reversed(names)])


def _stdout_failed(exc: StdoutError) -> None:
    drop_stdout()  # what is still buffered must not fail again at exit (a full disk: status 120)
    if exc.broken_pipe:  # `marketwatch stories | head`: the reader has what it wanted
        sys.exit(0)
    _fail(exc.line, EXIT_STORE)


def _fail(message: str, code: int) -> None:
    say(f"marketwatch: {message}")
    sys.exit(code)


@click.group(cls=_Group, default="dashboard", default_if_no_args=True, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="marketwatch")
@common
@click.pass_context
def cli(ctx: click.Context, config_path: str | None, db_path: str | None) -> None:
    """Watch mobility news for tie-ups between carmakers and tech companies.

    \b
    marketwatch                     open the dashboard
    marketwatch demo                the dashboard on bundled sample feeds (no network needed)
    marketwatch refresh             fetch all feeds (for cron; silent unless something fails)
    marketwatch stories --json      tie-up stories as JSON
    marketwatch --config work.toml refresh
                                    --config and --db go before or after the command
    """
    given = {name: value for name, value in (("config_path", config_path), ("db_path", db_path))
             if value is not None}
    if ctx.invoked_subcommand is None:  # `marketwatch --config work.toml`: options, then no command
        ctx.invoke(ctx.command.commands[ctx.command.default_cmd_name], **given)
    elif given:
        name = ctx.invoked_subcommand
        ctx.default_map = {name: _defaults(ctx.command.commands[name], given)}
        ctx.meta[_BEFORE] = given  # for the group's subcommand, once it is known


_BEFORE = "marketwatch.options_before_the_command"


def _defaults(command: click.Command, given: dict[str, str]) -> dict:
    """--config and --db given before the command become its defaults, so that the command's
    own (`marketwatch --config a.toml refresh --config b.toml`) still wins, as with any
    option. Under a group (`opml`), each subcommand is given those it has, and the one that
    runs is checked when it is resolved."""
    if isinstance(command, click.Group):
        return {name: _taken(sub, given) for name, sub in command.commands.items()}
    _refuse_missing(command, given, f"marketwatch {command.name}")
    return _taken(command, given)


# Options before the command that a command without them ignores: add-feed, remove-feed and
# opml import edit the config and open no database, so `marketwatch --db x.db add-feed URL` (a
# shell alias that adds --db) does what it says; refusing it broke every such alias. A --config
# that a command ignored would edit or read another config than the one typed, so a command
# without --config (none has been so far) refuses it.
IGNORED_BEFORE = frozenset({"db_path"})


def _refuse_missing(command: click.Command, given: dict[str, str], path: str) -> None:
    """A usage error (pointing to the command's own help) for an option given before
    `command` that it does not have and cannot ignore."""
    for name in sorted(given.keys() - _taken(command, given).keys() - IGNORED_BEFORE):
        option = "--config" if name == "config_path" else "--db"
        refused = click.UsageError(f"{path.removeprefix('marketwatch ')} has no {option} option", None)
        refused.command_path = path  # its help, not the group's
        raise refused


def _taken(command: click.Command, given: dict[str, str]) -> dict:
    own = {param.name for param in command.params}
    return {name: value for name, value in given.items() if name in own}


def main() -> None:
    guard_std_streams()
    try:
        cli.main(prog_name="marketwatch")
    except KeyboardInterrupt:
        _fail("interrupted", 130)


# The commands register themselves on `cli`; they import only click at module level.
from marketwatch.cli import app, config_cmds, query, refresh, workflow  # noqa: E402, F401
