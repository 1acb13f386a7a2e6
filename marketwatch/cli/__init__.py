"""The `marketwatch` command: a thin layer over the core, one module per group of commands.

Exit status: 0 success; 1 the run finished but some feeds failed; 2 usage or config error;
3 database or disk error; 130 interrupted. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import os
import sys

import click
from click_default_group import DefaultGroup

from marketwatch import __version__

EXIT_FEEDS_FAILED = 1
EXIT_USAGE = 2
EXIT_STORE = 3


class _Group(DefaultGroup):
    """Turns the core's errors into one line and an exit status."""

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
        except OSError as exc:
            if getattr(exc, "errno", None) == 32:  # EPIPE: `marketwatch stories | head`
                os._exit(0)
            _fail(f"{getattr(exc, 'filename', None) or 'error'}: {exc.strerror or exc}", EXIT_STORE)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # Shell completion parses with resilient_parsing: complete command names there instead
        # of silently resolving a bare `marketwatch` to the default (dashboard) command.
        if not args and ctx.resilient_parsing:
            return click.Group.parse_args(self, ctx, args)
        return super().parse_args(ctx, args)


def _fail(message: str, code: int) -> None:
    click.echo(f"marketwatch: {message}", err=True)
    sys.exit(code)


@click.group(cls=_Group, default="dashboard", default_if_no_args=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="marketwatch")
def cli() -> None:
    """Watch mobility news for tie-ups between carmakers and tech companies.

    \b
    marketwatch                     open the dashboard
    marketwatch demo                the dashboard on bundled sample feeds (no network needed)
    marketwatch refresh             fetch all feeds (for cron; silent unless something fails)
    marketwatch stories --json      tie-up stories as JSON
    """


def main() -> None:
    try:
        cli.main(prog_name="marketwatch")
    except KeyboardInterrupt:
        _fail("interrupted", 130)


# The commands register themselves on `cli`; they import only click at module level.
from marketwatch.cli import app, config_cmds, query, refresh, workflow  # noqa: E402, F401
