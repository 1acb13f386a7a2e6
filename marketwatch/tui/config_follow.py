"""Following the config file while the dashboard is open: `marketwatch add-feed` or a save in
an editor is read again within a poll, and the app takes the new config as a restart would,
without leaving the screen shown. A mixin of MarketwatchApp, which calls `_follow_config` from
its poll and `_config_before_refresh` before `r`; this module holds the state and the
decisions (which read is current, what a half-saved file looks like, where the filter goes).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable

from textual import work
from textual.message import Message

from marketwatch.config import Config, ConfigError
from marketwatch.scope import ALL, Scope, resolve_scope
from marketwatch.tui import render, summaries
from marketwatch.tui.widgets.topbar import TopBar


class ConfigLoaded(Message):
    """The config file changed and was read again: `config`, or why it could not be used."""

    def __init__(self, stamp: tuple | None, config: Config | None, error: str | None = None) -> None:
        super().__init__()
        self.stamp = stamp  # the file's, taken before it was read
        self.config = config
        self.error = error
        self.polled = False  # read by a poll's worker, not by `r` itself


class FollowsConfig:
    """State and handlers for an edited config; `config`, `scope`, `reload`, `notify` and
    `_reopen_open_pickers` are the app's."""

    def _init_following(self, reload_config: Callable[[], Config] | None) -> None:
        """`reload_config` reads the config again as the command line did (None: never)."""
        self._reload_config = reload_config
        self._config_stamp = self._stamp()  # the file as it was when the config in use was read
        self._config_loading: tuple | None = None  # the stamp a worker is reading the file for
        self._config_failed = False  # the last edit was refused: the next good one says it reads again
        self._lost_scope: Scope | None = None  # the filter an edit took away, brought back if it returns

    def _follow_config(self) -> None:
        """From the poll: read the file again in a worker if it changed since the config in
        use was read, and no read of it is under way."""
        stamp = self._stamp()
        if stamp not in (self._config_stamp, self._config_loading):
            self._config_loading = stamp
            self._load_config(stamp)

    def _config_before_refresh(self) -> None:
        """`add-feed` then `r`: refresh what the config lists now, even while a poll reads it."""
        stamp = self._stamp()
        if stamp != self._config_stamp:
            self.on_config_loaded(self._read_config(stamp))

    def _stamp(self) -> tuple | None:
        """What tells that the config file was written: an editor may replace it (a new inode)."""
        if self._reload_config is None or self.config.path is None:
            return None
        try:
            stat = os.stat(self.config.path)
        except OSError as exc:
            return (exc.errno,)
        return (stat.st_mtime_ns, stat.st_size, stat.st_ino)

    @work(thread=True, exclusive=True, group="config", exit_on_error=False)
    def _load_config(self, stamp: tuple | None) -> None:
        message = self._read_config(stamp)
        message.polled = True
        self.post_message(message)

    def _read_config(self, stamp: tuple | None) -> ConfigLoaded:
        try:
            config = self._reload_config()
        except ConfigError as exc:
            return ConfigLoaded(stamp, None, str(exc))
        except Exception as exc:  # an editor's half-written file must not take the dashboard down
            return ConfigLoaded(stamp, None, f"{self.config.path}: cannot read config: {type(exc).__name__}: {exc}")
        if self.config.companies and not config.companies:
            # Valid TOML, but most likely a file caught half-saved: a refresh with it would store
            # every new story unmatched, and the filter shown would be lost.
            return ConfigLoaded(stamp, None, f"{self.config.path}: it lists no companies now (saved half-way?)")
        return ConfigLoaded(stamp, config)

    def on_config_loaded(self, message: ConfigLoaded) -> None:
        if message.polled and message.stamp != self._config_loading:
            return  # overtaken: `r` read the file since, or a newer read is under way
        self._config_loading = None  # done; or `r` read the file, and a poll's read under way is older
        if message.stamp == self._config_stamp:
            return  # the same file as the config in use
        self._config_stamp = message.stamp
        if message.config is None:
            self._config_failed = True
            self.notify(f"{render.plain(message.error or '')}\nStill using the config read before.",
                        title="Config not reloaded", severity="error", timeout=20, markup=False)
            return
        self.use_config(message.config)

    def use_config(self, config: Config) -> None:
        """Follow an edited config as a restart would: its feeds for the next refresh, its
        companies' kinds, alliances and watchlists for the panes, the filter and the pickers.
        The database stays the one open, since the panes, marks and read flags shown are its;
        the screen shown stays too."""
        old = self.config
        lines = summaries.config_changes(old, config)
        if config.settings.db != old.settings.db:
            lines.append(f"settings.db now names {render.plain(config.settings.db)}: "
                         "restart the dashboard to open it.")
            config = dataclasses.replace(config, settings=dataclasses.replace(config.settings, db=old.settings.db))
        if self._config_failed:
            self._config_failed = False
            lines.insert(0, "The config reads again.")
        self.config = config
        scope, line = self._rescoped()
        if line:
            lines.append(line)
        if lines:  # a save that changes nothing (an editor's autosave) says nothing
            self.notify("\n".join(lines), title="Config reloaded", timeout=10, markup=False)
        self.scope = scope
        for screen in self.screen_stack:
            for bar in screen.query(TopBar):
                if bar.scope_label:  # the screens that show the filter
                    bar.set(scope_label=render.scope_label(scope))
        self._reopen_open_pickers()
        self.reload()

    def _rescoped(self) -> tuple[Scope, str | None]:
        """The filter shown, as the new config defines it, and a line to say about it: All if it
        is gone; back to the one that went if it is back (the file had been caught half-saved)
        and no other filter was chosen meanwhile. The deal type filtered on stays as it is."""
        if self._lost_scope is not None and self.scope.is_all:
            back = self._as_configured(dataclasses.replace(self._lost_scope, deal=self.scope.deal))
            if back is not None:
                self._lost_scope = None
                return back, f"{render.plain(back.label)} is in the config again: the filter is back."
        if self.scope.is_all:
            return self.scope, None
        found = self._as_configured(self.scope)
        if found is None:
            self._lost_scope = self.scope
            return (dataclasses.replace(ALL, deal=self.scope.deal),
                    f"{render.plain(self.scope.label)} is no longer in the config: showing all companies.")
        return found, None

    def _as_configured(self, scope: Scope) -> Scope | None:
        """That scope in the config, under that very name: a user's lookup also takes aliases,
        and an alliance renamed to one of its aliases would otherwise carry on as the filter
        under its new name, then be lost when renamed back."""
        try:
            found = resolve_scope(self.config, **{scope.kind: scope.name})
        except ConfigError:
            return None
        return dataclasses.replace(found, deal=scope.deal) if found.name == scope.name else None
