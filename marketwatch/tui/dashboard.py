"""The dashboard application: screens, shared actions (views, read state, links) and the
auto-reload that follows another process (cron) writing the database. Following the user's
edits of the config (`marketwatch add-feed`, an editor) is `marketwatch.tui.config_follow`'s,
`r`'s refresh is `marketwatch.tui.refreshing`'s, and the filters (`a`, `w`, `d`) are
`marketwatch.tui.filters`'.

    MarketwatchApp(config, scope, now=..., poll_interval=..., reload_config=...)   # what the tests drive

`marketwatch.tui.app.run_dashboard` runs it (and reads the first panes while this is imported).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import itertools
import signal
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import ClassVar

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from marketwatch import dates
from marketwatch.config import Config
from marketwatch.queries import NEWS_DAYS
from marketwatch.scope import ALL, Scope
from marketwatch.store import StoreError
from marketwatch.story import Story
from marketwatch.tui import render, state, summaries
from marketwatch.tui.config_follow import FollowsConfig
from marketwatch.tui.data import Data, Prefetch
from marketwatch.tui.filters import Filters
from marketwatch.tui.marks import Marks
from marketwatch.tui.refreshing import Refreshes, TieupsArrived
from marketwatch.tui.screens.main import MainScreen
from marketwatch.tui.widgets.story_actions import FlagStory, OpenStory
from marketwatch.urls import safe_link

# The other screens (and the refresh, and the browser) are imported when first used: the main
# screen is all that the first paint needs, and every module imported before it delays it.

POLL_INTERVAL = 2.0  # seconds between checks for writes by another process


class MarketwatchApp(Filters, FollowsConfig, Marks, Refreshes, App[None]):
    TITLE = "marketwatch"
    CSS_PATH: ClassVar[list[str]] = ["app.tcss", "panes.tcss", "screens.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        # ? and q first: on narrow screens the footer cuts the last keys, never these. Every
        # other screen binds q to go back one (as newsboat does), where its footer shows Q.
        Binding("question_mark", "help", "Keys", tooltip="This list of keys"),
        Binding("q", "quit", "Quit", tooltip="Quit, on the main screen; on any other, back to the one before"),
        Binding("Q", "quit", "Quit", tooltip="Quit, from any screen (in the search box it is a letter)"),
        # Textual's Ctrl+C only said "Do you want to quit? Press ctrl+q". A text box with text
        # selected copies it (its own binding comes first); with none, Ctrl+C quits there too.
        Binding("ctrl+c", "interrupt", "Quit (exit status 130)", show=False,
                tooltip="Quit (exit status 130); in a text box with text selected: copy"),
        Binding("slash", "search", "Search", tooltip="Search every story (titles and summaries)"),
        Binding("m", "matrix", "Matrix", tooltip="Tie-up matrix: OEMs by tech companies"),
        Binding("f", "feeds", "Feeds", tooltip="Each feed's health, worst first"),
        Binding("r", "refresh", "Refresh", tooltip="Fetch every feed now"),
        Binding("S", "starred", "Starred", show=False, tooltip="Every starred story, newest first"),
    ]

    def __init__(self, config: Config, scope: Scope = ALL, *, now: datetime | None = None,
                 poll_interval: float = POLL_INTERVAL, data: Data | None = None,
                 first: Prefetch | None = None, reload_config: Callable[[], Config] | None = None,
                 other_db: bool = False) -> None:
        """`now` fixes the clock (for the weekly sparklines and "3 d ago"), for tests; `data` and
        `first` (the first panes, being read) come from `run_dashboard`; `reload_config` reads
        the config again as the command line did, for when its file changes (None: never).
        `other_db`: the database is another than the config's (--db: the demo's, a copy, another
        machine's), whose feeds are not the config's: the feed screen lists what it holds, as
        `marketwatch feeds --db` does."""
        self.config = config
        self.other_db = other_db
        self._units: tuple[Config, dict[str, frozenset[str]]] = (config, {})
        self._init_following(reload_config)
        self.scope = scope
        self._now = now
        self.poll_interval = poll_interval
        self.data = data or Data(config.settings.db)  # StoreError here reaches the CLI: exit 3
        self.first = first
        self._version = self.data.store.data_version
        self._announced = self.data.opened_mark  # tie-ups stored after this are announced
        self.refreshing = False
        self._auto = False  # the refresh running was started by settings.auto_refresh, not by r
        self._auto_tried: datetime | None = None  # when settings.auto_refresh last started one
        self._failing: set[str] = set()  # the feeds the last refresh here found failing
        self._failing_seen: frozenset[str] | None = None  # failing when the dashboard last looked (feeds_changed)
        self._quitting = threading.Event()
        self._left: dict[str, str] = {}
        self._story_screen = None  # made on the first story opened, then shown again for the next
        self._opening: str | None = None  # the story being read to be shown (`open_story`)
        self._pickers: dict = {}  # "alliance", "watchlist", "deal": made when first asked for, then kept
        self._marked_read: tuple[str, list[str]] | None = None  # whose and which stories A last marked read
        self._typed_ahead: list[events.Key] | None = None  # keys typed while a chosen filter loads
        self._typed_on: weakref.WeakKeyDictionary[events.Key, Screen] = weakref.WeakKeyDictionary()
        self._kept_screens: dict[str, Screen] = {}
        self._problem_told: tuple[str, float] | None = None  # the last `tell_problem`, and when
        super().__init__()
        theme = state.load().get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme

    def now(self) -> datetime:
        return self._now or dates.utcnow()

    def kind_label(self, company: str) -> str:
        found = self.config.companies.get(company)
        return found.kind_label if found else ""

    def units_of(self, company: str) -> frozenset[str]:
        """The companies it owns (`Config.units_of`), kept for the config in use: panes ask at
        every draw, and the answer changes only with the config."""
        config, known = self._units
        if config is not self.config:
            config, known = self._units = (self.config, {})
        if company not in known:
            known[company] = config.units_of(company)
        return known[company]

    def get_default_screen(self) -> Screen:
        return MainScreen()

    @property
    def main(self) -> MainScreen:
        return self.screen_stack[0]  # type: ignore[return-value]

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.set_interval(self.poll_interval, self.poll)
        # `kill`, `timeout` or a logout's SIGTERM ended the process where it stood and left the
        # terminal in the dashboard's modes (alternate screen, mouse reports, no echo). Quit as
        # `q` does instead, and exit 143 as a terminated process would.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):  # no signals here
            asyncio.get_running_loop().add_signal_handler(
                signal.SIGTERM, lambda: self.exit(return_code=128 + signal.SIGTERM))

    def action_interrupt(self) -> None:
        """Ctrl+C: quit as q does, with the status of a command interrupted by Ctrl+C."""
        self.exit(return_code=128 + signal.SIGINT)

    def exit(self, result: None = None, return_code: int = 0, message=None) -> None:
        """Quit (q, SIGTERM). A refresh still fetching ends now, not when its slowest feed
        times out, and keys and clicks still queued behind q (typed fast: `qr`, or a held key)
        are dropped, since their actions would run on screens already being taken down."""
        self._quitting.set()
        super().exit(result, return_code, message)

    async def on_event(self, event: events.Event) -> None:
        if self._quitting.is_set() and isinstance(event, events.InputEvent):
            return
        if self._typed_for_a_view_opened_since(event) or self._held(event):
            return
        await super().on_event(event)

    def _typed_for_a_view_opened_since(self, event: events.Event) -> bool:
        """A key typed right after one that opens a view ("/toyota" pasted, "f" then "j"): the app
        sent it to the screen showing then, before the first key's binding ran (bindings run
        as a key comes back up, unused), and the search box stayed empty. Come back up from a
        screen that is no longer showing, it is typed again, for the view now showing
        (`EarlyKeys` hands it to that view's focused widget once it has one)."""
        if not isinstance(event, events.Key):
            return False
        if not event.is_forwarded:
            self._typed_on[event] = self.screen
            return False
        typed_on = self._typed_on.pop(event, None)
        if typed_on is None or typed_on is self.screen:
            return False
        self.post_message(events.Key(event.key, event.character))
        return True

    def on_unmount(self) -> None:
        self._quitting.set()  # a refresh still fetching ends now, not when its slowest feed times out
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            asyncio.get_running_loop().remove_signal_handler(signal.SIGTERM)
        self.data.close()

    def _theme_changed(self, theme) -> None:
        state.save(theme=theme.name)

    # -- auto-reload ----------------------------------------------------------------------------

    def poll(self) -> None:
        """Cheap: PRAGMA data_version changes only when another connection has committed, and
        the config file is only read again when its size or time changed."""
        self._follow_config()
        self.refresh_when_stale()
        version = self.data.poll()
        if version is None or version == self._version:
            return
        self._version = version
        self.reload()
        if not self.refreshing:  # the dashboard's own refresh says what it found when it is done
            self._announce()

    @work(thread=True, exclusive=True, group="announce", exit_on_error=False)
    def _announce(self) -> None:
        """Say at once when a refresh in the background (cron) stored new tie-ups: the panes
        change by themselves, but an analyst looking elsewhere should not have to spot it."""
        try:
            count, stories, mark = self.data.tieups_stored_after(self._announced, self.scope.companies,
                                                                 since=self._news_since(), **self.scope_deals())
        except (sqlite3.Error, StoreError):
            return  # the reload that goes with it reports the database's trouble
        self._announced = max(self._announced, mark)
        if count:
            self.post_message(TieupsArrived(count, stories))
        with contextlib.suppress(sqlite3.Error, StoreError):
            changed = self.feeds_changed(self.data.failing())
            if changed is not None:
                self.post_message(changed)

    def scope_deals(self) -> dict:
        """The deal filter as `tieups_stored_after` takes it."""
        return {} if self.scope.deal is None else {"deals": (self.scope.deal,)}

    def _news_since(self) -> str:
        """A new feed's backlog, stored by cron, is not announced as news ([notify] does the same)."""
        return dates.to_iso(self.now() - timedelta(days=NEWS_DAYS))

    def on_tieups_arrived(self, message: TieupsArrived) -> None:
        self.notify("\n".join(summaries.tieup_lines(message.count, message.stories, self.scope.companies or ())),
                    title="New tie-ups (refreshed in the background)", timeout=30, markup=False)

    def reload(self) -> None:
        self.main.load_when_shown()
        for screen in self.screen_stack[1:]:
            if getattr(screen, "FOLLOWS_WRITES", False):
                screen.load()

    # -- views ----------------------------------------------------------------------------------

    def _show(self, screen_type: type[Screen], make) -> None:
        """Go to a top-level view (over the main screen), unless it is already showing."""
        if isinstance(self.screen, screen_type):
            return
        self._back_to_main()
        self.push_screen(make())

    def _kept(self, name: str, make) -> Screen:
        """A screen made the first time it is asked for, then kept and shown again (`reopen`):
        composing a screen took longer than anything it then does."""
        screen = self._kept_screens.get(name)
        if screen is None:
            screen = self._kept_screens[name] = make()
            self.install_screen(screen, name)
        elif hasattr(screen, "reopen"):
            screen.reopen()
        return screen

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A view's own key is not offered on it (a screen's `VIEW`), where it does nothing: the
        feed screen's footer offered "f Feeds" and the matrix's "m Matrix". On the search screen
        `/` types a / in the query box, or takes the focus back to it from the results, and q and Q
        are letters there. x, which clears the filters, is offered while there are some."""
        if action == "clear_filters":  # x: offered only while there is a filter to clear
            return self.filtered
        showing = self.screen_stack[-1] if self.screen_stack else None
        if action == "quit" and getattr(showing, "TYPED_INTO", False):
            return False  # the search: q and Q are letters of the query, from the results too (Esc goes back)
        return action != getattr(showing, "VIEW", None)

    def action_search(self) -> None:
        from marketwatch.tui.screens.stories import SearchScreen

        self._show(SearchScreen, lambda: self._kept("search", SearchScreen))

    def action_matrix(self) -> None:
        from marketwatch.tui.screens.matrix import MatrixScreen

        self._show(MatrixScreen, MatrixScreen)

    def action_feeds(self) -> None:
        from marketwatch.tui.screens.feeds import FeedsScreen

        self._show(FeedsScreen, FeedsScreen)

    def action_starred(self) -> None:
        """The stories kept for later with `s`, of every kind (a search can star an OEM–OEM deal)
        and whatever the filter: a star is the analyst's own list, not a company's."""
        from marketwatch.tui.screens.stories import StarredScreen

        self._show(StarredScreen, StarredScreen)

    def action_help(self) -> None:
        from marketwatch.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(self._kept("help", HelpScreen))

    @on(OpenStory)
    def _open_asked(self, event: OpenStory) -> None:
        self.open_story(event.story, event.screen)

    @on(FlagStory)
    def _flag_asked(self, event: FlagStory) -> None:
        self.set_flag(event.story, event.flag, event.value)

    def open_story(self, story: Story, over: Screen | None = None) -> None:
        """Show `story` over `over`, the screen it was asked from (default: the one showing)."""
        over = over or self.screen
        if story.headline:  # a pane's story: read the rest of it (summary, feeds...) first
            self._opening = story.id
            self._open_whole(story, over)
        else:
            self._push_story(story, over)

    @work(thread=True, exclusive=True, group="story", exit_on_error=False)
    def _open_whole(self, story: Story, over: Screen) -> None:
        try:
            whole = self.data.story(story.id)
        except (sqlite3.Error, StoreError) as exc:  # a damaged page: said, not a dead worker
            self.call_from_thread(self.tell_problem, self.data.problem(exc))
            return
        self.call_from_thread(self._push_read, whole or story, over)

    def tell_problem(self, problem: str) -> None:
        """Say an error met using the database (`Data.problem`'s words), unless the same words are
        on the screen already: a damaged page met by a search was met again by the reload that
        follows a write (cron), and by each search run as the query was typed, and the same
        sentence was stacked two or more times."""
        now = time.monotonic()
        told = self._problem_told
        if told is not None and told[0] == problem and now - told[1] < self.NOTIFICATION_TIMEOUT:
            return
        self._problem_told = (problem, now)
        self.notify(problem, severity="error", markup=False)

    def _push_read(self, story: Story, over: Screen) -> None:
        """A story read whole: shown unless Esc (`action_cancel_opening`) or another story came first."""
        if self._opening == story.id:
            self._opening = None
            self._push_story(story, over)

    def action_cancel_opening(self) -> None:
        """Esc on the main screen while a story is being read (a slow database): it stays closed."""
        self._opening = None

    def _push_story(self, story: Story, over: Screen) -> None:
        """Only over the screen it was asked from: by the time a story is read (a slow database)
        the user may have gone on: to the palette (Ctrl+P; a story pushed over it, the next
        Ctrl+P opened a second palette and the dashboard crashed on its duplicate id) or to
        another view. What they went to stays, and the story is not shown over it."""
        from marketwatch.tui.screens.story import StoryScreen

        if self.screen is not over:
            return
        # The search and the starred stories list every story: the dashboard's filter is not theirs.
        label = "" if getattr(over, "WHOLE_STORE", False) else render.scope_label(self.scope)
        screen = self._story_screen
        if screen is None:
            screen = self._story_screen = StoryScreen(story, label)
            self.install_screen(screen, "story")
        elif screen in self.screen_stack:  # cannot happen from the keys; a screen of its own then
            screen = StoryScreen(story, label)
        else:
            screen.reopen(story, label)
        self.push_screen(screen)
        if not story.read:
            self.set_flag(story, "read", True)

    def action_command_palette(self) -> None:
        """Textual's, opening our `Palette` (PageUp and PageDown safe before it is laid out)."""
        from textual.command import CommandPalette

        from marketwatch.tui.palette import Palette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(Palette(id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Textual's own "Keys" opens a side panel of the focused widget's keys; beside our "Key
        # bindings" the palette listed two entries of one name for one question. Its "Maximize"
        # filled the screen with a pane that showed 4 of its stories, without the top bar and
        # footer, while j moved the focus to panes no longer shown (`e` lists a company's all).
        yield from (c for c in super().get_system_commands(screen) if c.title not in ("Keys", "Maximize"))
        yield SystemCommand("Refresh feeds", "Fetch every feed now (r)", self.action_refresh)
        yield SystemCommand("Filter by alliance", "Narrow the panes to an alliance's members (a)",
                            self.action_pick_alliance)
        yield SystemCommand("Filter by watchlist", "Narrow the panes to a watchlist (w)",
                            self.action_pick_watchlist)
        yield SystemCommand("Filter by deal type", "Only joint ventures, stakes, MoUs… (d)", self.action_pick_deal)
        yield SystemCommand("Show all companies", "Remove the alliance or watchlist filter"
                            + (" (the deal type stays)" if self.scope.deal else ""),
                            lambda: self.set_scope(dataclasses.replace(ALL, deal=self.scope.deal)))
        if self.scope.deal:
            yield SystemCommand("Show all deal types", "Remove the deal type filter",
                                lambda: self.set_scope(dataclasses.replace(self.scope, deal=None)))
        if self.filtered:
            yield SystemCommand("Clear filters", "All companies and all deal types again (x)",
                                self.action_clear_filters)
        company = getattr(screen.focused, "company", None) if screen is self.main else None
        if isinstance(company, str) and self.scope.deal:  # e and A keep to the deal type, as the pane does
            whose = f"{render.plain(company)}'s {render.deal_kind_in_text(self.scope.deal)}"
            yield SystemCommand(f"All of {whose}", "Not only the latest few its pane shows (e)",
                                screen.action_every_story)
            yield SystemCommand(f"Mark {whose} read", "Clear their new marks; its other stories stay as they are (A)",
                                screen.action_mark_all_read)
        elif isinstance(company, str):  # a pane has the focus
            yield SystemCommand(f"Every story of {render.plain(company)}",
                                "All its tie-up stories, not only the latest few (e)", screen.action_every_story)
            yield SystemCommand(f"Mark every story of {render.plain(company)} read",
                                "Clear its new marks (A)", screen.action_mark_all_read)
        if self._marked_read is not None and screen is self.main:
            whose, ids = self._marked_read
            yield SystemCommand(f"Undo: mark {render.plural(len(ids), 'story', 'stories')} of {whose} unread again",
                                "What the last A marked read (u)", screen.action_undo_mark_read)
        yield SystemCommand("Search stories", "Full-text search over every story (/)", self.action_search)
        yield SystemCommand("Starred stories", "Every story you starred, newest first (S)", self.action_starred)
        yield SystemCommand("Tie-up matrix", "OEMs by tech companies, stories per pair (m)",
                            self.action_matrix)
        yield SystemCommand("Feed health", "Every feed's last status and errors, worst first (f)",
                            self.action_feeds)
        yield SystemCommand("Key bindings", "Every key the dashboard understands (?)", self.action_help)

    # -- screenshots ----------------------------------------------------------------------------

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """The palette's "Screenshot": Textual saved it into ~/Downloads, which a server or a
        fresh account does not have, and said only "Failed to save screenshot". It goes into
        ~/Downloads when there is one, else the current directory, and the notification names
        the file, or the path and the reason it could not be written."""
        svg = self.export_screenshot()
        folder = Path(path) if path else screenshot_dir()
        name = filename or f"marketwatch-{datetime.now():%Y-%m-%d_%H-%M-%S}.svg"
        target = folder / name
        try:
            for n in itertools.count(2):
                try:
                    with open(target, "x", encoding="utf-8") as out:
                        out.write(svg)
                    break
                except FileExistsError:  # two in one second
                    target = folder / f"{Path(name).stem}-{n}{Path(name).suffix}"
        except OSError as exc:
            self.notify(f"Could not save the screenshot to {target}: {exc.strerror or exc}",
                        title="Screenshot", severity="error", timeout=20, markup=False)
            return None
        self.notify(f"Saved the screenshot to {target}", title="Screenshot", timeout=10, markup=False)
        return str(target)

    # -- links ----------------------------------------------------------------------------------

    def open_link(self, url: str | None) -> None:
        link = safe_link(url)
        if not link:
            self.notify(render.no_link(url), severity="warning", markup=False)
            return
        self._open_in_browser(link)

    @work(thread=True, group="browser", exit_on_error=False)
    def _open_in_browser(self, link: str) -> None:
        import webbrowser

        terminal = _browser_in_the_terminal()
        if terminal is not None:
            self.call_from_thread(self._open_in_terminal, terminal, link)
            return
        try:
            opened = webbrowser.open(link)
        except Exception:
            opened = False
        if opened:
            self.call_from_thread(self.notify, f"Opened {link}", markup=False)
        else:
            self.call_from_thread(self.copy_to_clipboard, link)
            self.call_from_thread(self.notify, f"No browser found; copied the link instead: {link}",
                                  severity="warning", markup=False)

    def _open_in_terminal(self, browser, link: str) -> None:
        """A browser that runs in the terminal (w3m, lynx, www-browser over SSH) gets it while it
        runs, the dashboard suspended: started beside it, it drew over the dashboard, its `q`
        quit the dashboard, and the terminal was left with no prompt."""
        from textual.app import SuspendNotSupported

        name = getattr(browser, "name", "the browser")
        try:
            with self.suspend():
                opened = _run_in_the_terminal(browser, link)
        except SuspendNotSupported:
            self.copy_to_clipboard(link)
            self.notify(f"The browser here ({name}) runs in the terminal, which the dashboard cannot hand over; "
                        f"copied the link instead: {link}", severity="warning", markup=False)
            return
        if opened:
            self.notify(f"Opened {link} in {name}", markup=False)
        else:
            self.copy_to_clipboard(link)
            self.notify(f"{name} could not open the link; copied it instead: {link}", severity="warning",
                        markup=False)


def _run_in_the_terminal(browser, link: str) -> bool:
    """The browser's run, which no error leaves: Textual resumes the dashboard after the `with`
    block only if it ends normally. Ctrl+C in the browser interrupts the browser, not the
    dashboard (the terminal is the browser's, and its SIGINT reaches both), as os.system does."""
    import signal

    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals stay as they are
        previous = None
    try:
        return bool(browser.open(link))
    except Exception:
        return False
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _browser_in_the_terminal():
    """The browser `webbrowser` would start, if it is one that runs in this terminal and waits
    for it (a console browser: w3m, lynx, links, www-browser when there is no display), else None."""
    import webbrowser

    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return None
    if isinstance(browser, webbrowser.GenericBrowser) and not isinstance(browser, webbrowser.BackgroundBrowser):
        return browser
    if isinstance(browser, webbrowser.UnixBrowser) and not browser.background:
        return browser
    return None


def screenshot_dir() -> Path:
    """~/Downloads (the platform's downloads folder) when it exists, else the current directory."""
    from platformdirs import user_downloads_path

    downloads = user_downloads_path()
    if downloads.is_dir():
        return downloads
    try:
        return Path.cwd()
    except OSError:  # the current directory was deleted: the home folder is there
        return Path.home()
