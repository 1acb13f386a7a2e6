"""The dashboard's entry point: `run_dashboard(config, scope, reload_config)`, what `marketwatch` and
`marketwatch demo` call. The application itself is `marketwatch.tui.dashboard`.

Importing Textual and the screens takes longer than reading the first panes from the database,
so the panes are read in a thread of their own while that import runs: the first screen then
shows the panes as soon as it is drawn instead of asking for them only then.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from marketwatch import dates
from marketwatch.config import Config, ConfigError
from marketwatch.scope import ALL, Scope
from marketwatch.tui.data import Data, Prefetch


def run_dashboard(config: Config, scope: Scope = ALL, reload_config: Callable[[], Config] | None = None,
                  *, other_db: bool = False) -> None:
    """Run the dashboard until the user quits (`q`); a crash exits with the app's return code,
    and a database the app found damaged raises StoreError then (the CLI's exit status 3).
    `reload_config` reads the config again when its file is edited; `other_db`: --db named
    another database than the config's (the feed screen then lists that database's feeds)."""
    problem = terminal_problem()
    if problem:
        raise NoTerminal(*problem)
    data = Data(config.settings.db)  # StoreError here reaches the CLI: exit 3
    first = Prefetch(data, scope.companies, dates.utcnow(), scope.deal)
    from marketwatch.tui.dashboard import MarketwatchApp

    app = MarketwatchApp(config, scope, data=data, first=first, reload_config=reload_config, other_db=other_db)
    app.run()
    if app.return_code:  # Ctrl+C (130), SIGTERM (143), a crash: that status, damaged or not
        raise SystemExit(app.return_code)
    if data.damage is not None:
        # Met deep in a table after the CLI's check (`Store.check_edges`) let the app start, and
        # shown in the app where it was met; the CLI says it in one line and exits 3 as `stories` does.
        raise data.damage



class NoTerminal(ConfigError):
    """The dashboard cannot run here: one line and exit 2, like a usage error. `reason` is why;
    the advice after it (what to run instead) a caller may replace with its own."""

    def __init__(self, reason: str, advice: str = "") -> None:
        super().__init__(f"{reason}; {advice}" if advice else reason)
        self.reason = reason


def terminal_problem() -> tuple[str, str] | None:
    """Why the dashboard cannot be shown and what to do instead, or None. Textual reads keys from stdin and draws on
    stderr; without a terminal there (cron, a pipe) it would draw into the void, and in a dumb
    terminal Rich and the terminal disagree on the size, so the screen is laid out again and
    again at full CPU and never answers a key."""
    streams = (sys.__stdin__, sys.__stderr__)
    if not all(stream is not None and stream.isatty() for stream in streams):
        return ("the dashboard needs a terminal",
                "in scripts and cron use `marketwatch refresh` and `marketwatch stories`")
    if os.environ.get("TERM", "") in ("dumb", "unknown"):
        return f"the dashboard cannot draw on TERM={os.environ['TERM']}", "run it in a terminal emulator"
    return None
