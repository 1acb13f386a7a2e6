"""The dashboard's filters: the alliance, watchlist and deal type pickers (`a`, `w`, `d`), the
scope they set, and the keys typed while a chosen filter's panes load. A mixin of MarketwatchApp,
as `refreshing` and `config_follow` are: `config`, `data`, `main`, `scope`, `now`, `notify`,
`_pickers`, `_lost_scope` and `_typed_ahead` are the app's.
"""

from __future__ import annotations

import dataclasses
import sqlite3

from textual import events, work

from marketwatch.config import ConfigError
from marketwatch.scope import ALL, Scope, resolve_scope
from marketwatch.store import StoreError
from marketwatch.tui import render

# The pickers' titles
PICKS = {"alliance": "Filter by alliance", "watchlist": "Filter by watchlist", "deal": "Filter by deal type"}
# The deal types, as the deal picker lists them: the common ones first.
DEALS = (
    ("partnership", "working together, teaming up"), ("supply", "chips, software, batteries, services supplied"),
    ("mou", "memoranda of understanding, letters of intent"), ("joint-venture", "a company set up together"),
    ("stake", "a share taken or raised"), ("investment", "funding rounds, investments"),
    ("acquisition", "bought outright, merged"), ("licensing", "technology licensed"),
    ("talks", "in talks, exploring, considering"), ("ended", "tie-ups called off, dropped or paused"),
)


class Filters:
    """Which companies and deal type the panes show, and how the user changes it."""

    # Keys that act at once, even while a chosen filter loads (q waits: it is the main screen's quit).
    _NOT_HELD = frozenset({"Q", "ctrl+q", "ctrl+c"})

    def _held(self, event: events.Event) -> bool:
        """A key typed after a filter was chosen, while its picker waits for the panes: kept for
        the screen that shows next (`_close_pickers`). The picker took them: `d`, Enter, then
        `a`, Down, Enter typed fast chose a second deal type in the deal picker instead of an
        alliance, and `m` or `e` typed at once did nothing."""
        from marketwatch.tui.screens.picker import PickerScreen

        # A key reaches the app twice: as typed, then, if no widget took it, forwarded back up
        # to be matched to the bindings of the screen showing then (the picker's: Down, Enter).
        if not isinstance(event, events.Key) or not event.is_forwarded or not isinstance(self.screen, PickerScreen):
            return False
        if self._typed_ahead is None:  # Enter chooses: the keys after it wait
            if event.key == "enter" and self.screen.can_choose():
                self._typed_ahead = []
            return False
        if event.key in self._NOT_HELD:
            return False
        self._typed_ahead.append(event)
        return True

    def _current(self, kind: str) -> str | None:
        """The alliance, watchlist or deal type the panes are narrowed to, if that is the kind of filter."""
        if kind == "deal":  # as the picker names it
            return render.deal_kind(self.scope.deal) if self.scope.deal else None
        return self.scope.name if self.scope.kind == kind else None

    def action_pick_alliance(self) -> None:
        self._pick("alliance")

    def action_pick_watchlist(self) -> None:
        self._pick("watchlist")

    def action_pick_deal(self) -> None:
        self._pick("deal")

    @property
    def filtered(self) -> bool:
        """Whether the panes are narrowed: to an alliance, a watchlist, a company or a deal type."""
        return not self.scope.is_all or self.scope.deal is not None

    def action_clear_filters(self) -> None:
        """x: every company, every deal type, at once (each picker's All took two keys: a, Home,
        Enter, then d, Home, Enter). Offered only while a filter is set (`check_action`)."""
        if self.filtered:
            self.set_scope(ALL)

    def _reopen_open_pickers(self) -> None:
        """After the config changed: an open picker's choices change under its cursor."""
        for what, picker in self._pickers.items():
            if picker in self.screen_stack:
                picker.reopen(self._current(what), self._choices(what))

    def _choices(self, what: str) -> list[tuple[str, str]]:
        """(name, members) of each alliance or watchlist in the config; (deal type, what it covers)."""
        if what == "deal":
            return [(render.deal_kind(name), about) for name, about in DEALS]
        if what == "alliance":
            return [(name, ", ".join(a.members)) for name, a in self.config.alliances.items()]
        return [(name, ", ".join(self.config.watchlist_companies(name))) for name in self.config.watchlists]

    def _pick(self, what: str) -> None:
        """The picker is made once and kept: closing it then costs nothing but a repaint."""
        from marketwatch.tui.screens.picker import PickerScreen

        title = PICKS[what]
        choices = self._choices(what)
        picker = self._pickers.get(what)
        if picker is None:
            picker = self._pickers[what] = PickerScreen(
                title, choices, self._current(what), lambda name: self._apply(what, name),
                all_about="every deal type" if what == "deal" else "no narrowing")
            self.install_screen(picker, f"pick-{what}")
        elif picker in self.screen_stack:
            return
        else:
            picker.reopen(self._current(what), choices)
        self.push_screen(picker)
        self._read_ahead(picker, what, [name for name, _ in choices])

    @work(thread=True, exclusive=True, group="read-ahead", exit_on_error=False)
    def _read_ahead(self, picker, what: str, names: list[str]) -> None:
        """While the picker is open, read the panes of its choices (kept by `Data.overview`) and
        have the main screen make their widgets, hidden, so that the one chosen shows without
        waiting for the database or for new widgets to be styled."""
        from marketwatch.tui.data import HEADLINES

        for name in names:
            if picker not in self.screen_stack:
                return
            try:
                scope = self._scope_with(what, name)
                now = self.now()
                overview = self.data.overview(scope.companies, headlines=HEADLINES, now=now, deal=scope.deal)
            except (ConfigError, StoreError, sqlite3.Error):
                return  # reading it when chosen says what went wrong
            if picker in self.screen_stack:
                self.call_from_thread(self.main.prepare, list(overview.panes), now)

    def _apply(self, what: str, name: str) -> None:
        from marketwatch.tui.screens.picker import ALL as PICK_ALL

        try:
            scope = self._scope_with(what, None if name == PICK_ALL else name)
        except ConfigError as exc:
            self.notify(render.plain(exc), severity="error", markup=False)
            self._back_to_main()
            return
        self._typed_ahead = [] if self._typed_ahead is None else self._typed_ahead
        self.set_scope(scope)

    def _scope_with(self, what: str, name: str | None) -> Scope:
        """The filter with an alliance, a watchlist or a deal type chosen (None: All of them);
        the other kind of filter stays: the Robotaxi watchlist's joint ventures."""
        if what == "deal":
            deal = next((deal for deal, _ in DEALS if render.deal_kind(deal) == name), None)
            return dataclasses.replace(self.scope, deal=deal)
        scope = ALL if name is None else resolve_scope(self.config, **{what: name})
        return dataclasses.replace(scope, deal=self.scope.deal)

    def set_scope(self, scope: Scope) -> None:
        """Narrow the main screen to `scope`. The picker over it closes when its panes are
        ready, so that it gives way to the new panes in one frame rather than to the old panes
        first; a view opened meanwhile (a filter chosen in the palette, then `m` at once) stays."""
        self.scope = scope
        self._lost_scope = None  # a filter chosen: one that went with an edit is not brought back
        main = self.main
        if self.screen is main:  # behind the picker, a change would repaint the whole screen
            main.query_one("#topbar").set(scope_label=render.scope_label(scope), extra="loading…")
        main.load(then=self._close_pickers)

    def _close_pickers(self) -> None:
        from marketwatch.tui.screens.picker import PickerScreen

        while isinstance(self.screen, PickerScreen):
            self.pop_screen()
        self._type_held()

    def _type_held(self) -> None:
        """The keys held while a chosen filter loaded (`_held`), for the screen now showing."""
        held, self._typed_ahead = self._typed_ahead or [], None
        for key in held:
            self.post_message(events.Key(key.key, key.character))

    def _back_to_main(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self._type_held()
