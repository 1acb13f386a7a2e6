"""Snapshots of the dashboard's main screens (pytest-textual-snapshot), at 120x40 and 80x24.

Everything that reaches the screen is fixed here: the config and the stories are written by this
module (the matches by hand, not by the matcher, so that tuning detection in match.py or
config.toml moves nothing here), the clock is NOW, the theme is textual-dark, and every database
read has finished before the screenshot is taken.

A failing snapshot is a changed screen. Look at the report (`snapshot_report.html`) or at the
SVG that `pytest tests/test_tui_snapshots.py --snapshot-update` writes into
tests/__snapshots__/ before accepting it. Screenshots depend on Textual's and Rich's rendering,
so they are only compared with the versions they were made with (see RENDERED_WITH).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from importlib.metadata import version
from pathlib import Path

import pytest
from test_tui_support import settle
from textual.widgets import Input

from marketwatch.config import Config, load_config
from marketwatch.models import Entry, FetchResult, Match, Span
from marketwatch.scope import resolve_scope
from marketwatch.store import Store
from marketwatch.tui import state
from marketwatch.tui.dashboard import MarketwatchApp
from marketwatch.tui.screens.stories import SearchScreen

RENDERED_WITH = {"textual": "8.2.8", "rich": "15.0.0"}

pytestmark = pytest.mark.skipif(
    any(version(name) != wanted for name, wanted in RENDERED_WITH.items()),
    reason=f"snapshots were rendered with {RENDERED_WITH}; regenerate them with --snapshot-update "
           "after looking at the new screens")

NOW = datetime(2026, 3, 16, 12, 0, tzinfo=UTC)
ALLIANCE = "Renault-Nissan-Mitsubishi Alliance"
EVIL = "[bold red]X[/] [@click=app.quit]y[/]"

CONFIG = f"""
[settings]
db = "snap.db"

[[feeds]]
url = "http://127.0.0.1:9/autonews.xml"
name = "Auto News"

[[feeds]]
url = "http://127.0.0.1:9/broken.xml"
name = "Broken Wire"

[[feeds]]
url = "http://127.0.0.1:9/new.xml"
name = "Never Fetched"

[companies.Toyota]
kind = "oem"
aliases = ["Toyota"]

[companies.Nissan]
kind = "oem"
aliases = ["Nissan"]

[companies.Renault]
kind = "oem"
aliases = ["Renault"]

[companies.Mitsubishi]
kind = "oem"
aliases = ["Mitsubishi Motors"]

[companies.BMW]
kind = "oem"
aliases = ["BMW"]

[companies."General Motors"]
kind = "oem"
aliases = ["General Motors", "GM"]

[companies."Pony.ai"]
kind = "tech"
aliases = ["Pony.ai"]

[companies.Baidu]
kind = "tech"
aliases = ["Baidu"]

[companies.Alibaba]
kind = "tech"
aliases = ["Alibaba"]

[companies.Waymo]
kind = "tech"
aliases = ["Waymo"]

[companies.Didi]
kind = "tech"
aliases = ["Didi"]

[companies."LG Energy Solution"]
kind = "tech"
aliases = ["LG Energy Solution"]

[alliances."{ALLIANCE}"]
members = ["Renault", "Nissan", "Mitsubishi"]

[watchlists."China tie-ups"]
companies = ["Baidu", "Alibaba", "Didi", "Pony.ai"]
"""

# (id, days ago, title, summary, (oem, tech) pairs, deal type, read, starred)
TIEUPS = [
    ("s01", 1, "Toyota and Pony.ai form robotaxi joint venture in China",
     "Toyota will invest in the venture, which builds robotaxis for Chinese cities.",
     [("Toyota", "Pony.ai")], "joint-venture", False, False),
    ("s02", 2, "Nissan partners with Baidu on in-car AI assistant for China",
     "The assistant ships in Nissan cars sold in China from next year.",
     [("Nissan", "Baidu")], "partnership", False, False),
    ("s03", 3, "Renault and Alibaba sign MoU on connected cars", "Renault signs a memorandum with Alibaba.",
     [("Renault", "Alibaba")], "mou", True, False),
    ("s04", 4, EVIL + " Toyota partners with Baidu on maps", "Toyota and Baidu partner on navigation.",
     [("Toyota", "Baidu")], "partnership", False, False),
    ("s05", 5, "Waymo and Toyota agree to explore personal autonomous vehicles",
     "Toyota and Waymo will work together on self-driving technology.",
     [("Toyota", "Waymo")], "partnership", False, True),
    ("s06", 8, "General Motors and LG Energy Solution form battery joint venture in Ohio", "",
     [("General Motors", "LG Energy Solution")], "joint-venture", False, False),
    ("s07", 10, "BMW teams up with Alibaba on AI voice assistant", "BMW will use Alibaba's language model.",
     [("BMW", "Alibaba")], "partnership", False, False),
    ("s08", 15, "Renault-Nissan-Mitsubishi Alliance signs MoU with Didi on ride-hailing", "",
     [("Mitsubishi", "Didi"), ("Nissan", "Didi"), ("Renault", "Didi")], "mou", False, False),
    ("s09", 22, "Mitsubishi Motors and Baidu to test self-driving taxis", "",
     [("Mitsubishi", "Baidu")], "partnership", True, False),
    ("s10", 30, "Nissan and Pony.ai deepen autonomous driving partnership", "",
     [("Nissan", "Pony.ai")], "partnership", True, False),
    ("s11", 40, "Toyota invests $500 million in Pony.ai", "The investment values Pony.ai at $8 billion.",
     [("Toyota", "Pony.ai")], "investment", True, False),
    ("s12", 50, "Renault partners with Waymo on driverless mobility in France", "",
     [("Renault", "Waymo")], "partnership", False, False),
    ("s13", 60, "General Motors to use Baidu maps in cars sold in China", "",
     [("General Motors", "Baidu")], "supply", False, False),
    ("s14", 200, "BMW takes stake in Didi's autonomous driving unit", "",
     [("BMW", "Didi")], "stake", True, False),
]


def tieup_match(title: str, pairs: list[tuple[str, str]], deal: str, config: Config) -> Match:
    """What the matcher would record, written out: the parties, pairs and highlighted names."""
    companies = tuple(sorted({c for pair in pairs for c in pair}))
    spans = []
    for company in companies:
        for alias in config.companies[company].aliases:
            start = title.find(alias)
            if start >= 0:
                spans.append(Span(start, start + len(alias), company))
                break
    alliances = tuple(name for name, a in config.alliances.items() if set(a.members) <= set(companies))
    return Match(kind="oem-tech", companies=companies, parties=companies, pairs=tuple(pairs),
                 alliances=alliances, deal_type=deal, sentence=title,
                 spans=tuple(sorted(spans, key=lambda s: s.start)))


def entry(story_id: str, days: int, title: str, summary: str) -> Entry:
    return Entry(id=story_id, guid=story_id, url=f"https://news.example.com/{story_id}", title=title,
                 summary=summary, published=NOW - timedelta(days=days, hours=1), date_source="feed")


def build(directory: Path, *, stories: bool = True) -> Config:
    path = directory / "config.toml"
    path.write_text(CONFIG, encoding="utf-8")
    config = load_config(path)
    with Store(config.settings.db) as store:
        ids = store.sync_feeds(config.feeds)
        if not stories:
            return config
        items = [(entry(sid, days, title, summary), tieup_match(title, pairs, deal, config))
                 for sid, days, title, summary, pairs, deal, _read, _starred in TIEUPS]
        items.append((entry("o1", 6, "Ford recalls 10,000 pickups", "A software fault."), Match()))
        items.append((entry("t1", 7, "Baidu and Alibaba partner on robotaxi cloud computing", ""),
                      Match(kind="tech-tech", companies=("Alibaba", "Baidu"), parties=("Alibaba", "Baidu"),
                            pairs=(("Alibaba", "Baidu"),), deal_type="partnership")))
        good, broken = config.feeds[0].url, config.feeds[1].url
        store.save_feed(ids[good], FetchResult(good, "ok", 200), items, NOW - timedelta(minutes=30),
                        title="Auto News")
        store.record_fetch(ids[broken], FetchResult(broken, "error", 500, error="HTTP 500 Internal Server Error"),
                           NOW - timedelta(hours=2))
        for sid, *_, read, starred in TIEUPS:
            if read:
                store.set_flag(sid, "read", True)
            if starred:
                store.set_flag(sid, "starred", True)
    return config


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv(state.ENV, str(tmp_path / "state"))
    monkeypatch.setattr(SearchScreen, "DEBOUNCE", 0.01)


@pytest.fixture
def config(tmp_path) -> Config:
    return build(tmp_path)


def make_app(config: Config, **scope) -> MarketwatchApp:
    return MarketwatchApp(config, resolve_scope(config, **scope), now=NOW, poll_interval=3600)


def keys(*presses: str):
    """A run_before that fixes the theme, then presses each key and lets its reads finish."""

    async def run(pilot) -> None:
        pilot.app.theme = "textual-dark"
        await settle(pilot)
        for key in presses:
            if key == "_":
                await pilot.pause(0.1)
            else:
                await pilot.press(key)
            for search in pilot.app.screen.query(Input):
                search.cursor_blink = False
            await settle(pilot)

    return run


def test_main_screen_120x40(snap_compare, config):
    """Panes busiest first: name, kind, count and new count, sparkline, headlines with date and
    partners; Toyota's second headline shows a markup-looking title as plain characters."""
    assert snap_compare(make_app(config), terminal_size=(120, 40), run_before=keys())


def test_main_screen_80x24(snap_compare, config):
    """Two columns, three headlines a pane; the footer still shows the main keys."""
    assert snap_compare(make_app(config), terminal_size=(80, 24), run_before=keys())


def test_moving_between_panes_120x40(snap_compare, config):
    """l then j: the second pane has focus, its second headline under the cursor."""
    assert snap_compare(make_app(config), terminal_size=(120, 40), run_before=keys("l", "j"))


def test_story_detail_120x40(snap_compare, config):
    assert snap_compare(make_app(config), terminal_size=(120, 40), run_before=keys("enter"))


def test_story_detail_80x24(snap_compare, config):
    assert snap_compare(make_app(config), terminal_size=(80, 24), run_before=keys("enter"))


def test_alliance_picker_120x40(snap_compare, config):
    assert snap_compare(make_app(config), terminal_size=(120, 40), run_before=keys("a", "down"))


def test_alliance_filter_120x40(snap_compare, config):
    """The alliance's members only, and the filter named in the top bar."""
    assert snap_compare(make_app(config), terminal_size=(120, 40), run_before=keys("a", "down", "enter"))


def test_alliance_filter_80x24(snap_compare, config):
    assert snap_compare(make_app(config, alliance=ALLIANCE), terminal_size=(80, 24), run_before=keys())


def test_deal_picker_120x40(snap_compare, config):
    assert snap_compare(make_app(config), terminal_size=(120, 40), run_before=keys("d", "down"))


def test_deal_filter_120x40(snap_compare, config):
    """Joint ventures only: each company's own, counted and listed as its pane names them."""
    assert snap_compare(make_app(config), terminal_size=(120, 40),
                        run_before=keys("d", "down", "down", "down", "down", "enter"))


def test_watchlist_filter_120x40(snap_compare, config):
    assert snap_compare(make_app(config), terminal_size=(120, 40), run_before=keys("w", "down", "enter"))


def test_search_results_120x40(snap_compare, config):
    assert snap_compare(make_app(config), terminal_size=(120, 40),
                        run_before=keys("slash", *"robotaxi", "_", "enter"))


def test_matrix_120x40(snap_compare, config):
    assert snap_compare(make_app(config), terminal_size=(120, 40), run_before=keys("m", "j"))


def test_feeds_120x40(snap_compare, config):
    assert snap_compare(make_app(config), terminal_size=(120, 40), run_before=keys("f"))


def test_help_120x40(snap_compare, config, monkeypatch):
    """The page ends with the config's and the database's paths, which differ from run to run
    (and fold onto more lines when longer, which moves the scrollbar): the page shows fixed ones."""
    import dataclasses

    from marketwatch.tui.screens.help import HelpScreen

    real = HelpScreen._files

    def files(self, key_width):
        shown = self.app.config
        self.app.config = dataclasses.replace(
            shown, path=Path("/home/ana/.config/marketwatch/config.toml"),
            settings=dataclasses.replace(shown.settings, db=Path("/home/ana/.local/share/marketwatch/marketwatch.db")))
        try:
            return real(self, key_width)
        finally:
            self.app.config = shown

    monkeypatch.setattr(HelpScreen, "_files", files)
    assert snap_compare(make_app(config), terminal_size=(120, 40), run_before=keys("question_mark"))


def test_empty_database_80x24(snap_compare, tmp_path):
    """No stories yet: how to fill the database."""
    assert snap_compare(make_app(build(tmp_path, stories=False)), terminal_size=(80, 24), run_before=keys())
