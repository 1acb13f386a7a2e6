"""A small, fixed database for the dashboard's tests and snapshots (no network, fixed clock)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from marketwatch.config import Config, load_config
from marketwatch.match import Matcher
from marketwatch.models import Entry, FetchResult
from marketwatch.store import Store

NOW = datetime(2026, 3, 16, 12, 0, tzinfo=UTC)
EVIL = "[bold red]X[/] [@click=app.quit]y[/]"

# (id, days ago, title, summary); ids are fixed so that snapshots are stable.
STORIES = [
    ("s01", 1, "Toyota and Pony.ai form robotaxi joint venture in China",
     "Toyota will invest in the venture, which builds robotaxis for Chinese cities."),
    ("s02", 2, "Nissan partners with Baidu on in-car AI assistant",
     "The assistant ships in Nissan cars sold in China from next year."),
    ("s03", 3, "Renault and Alibaba sign MoU on connected cars", "Renault signs a memorandum with Alibaba."),
    ("s04", 5, "Waymo and Toyota agree to explore personal autonomous vehicles",
     "Toyota and Waymo will work together on self-driving technology."),
    ("s05", 8, "Ford invests in Didi's autonomous driving unit", "Ford takes a minority stake."),
    ("s06", 10, "BMW teams up with Alibaba on AI voice assistant for China",
     "BMW will use Alibaba's large language model in its cars."),
    ("s07", 15, "Volvo Cars and Baidu to collaborate on robotaxis", "Volvo Cars will supply vehicles."),
    ("s08", 22, "Mitsubishi Motors and Didi announce ride-hailing partnership", ""),
    ("s09", 30, "Nissan and Pony.ai deepen autonomous driving partnership", ""),
    ("s10", 4, EVIL + " Toyota partners with Baidu on maps", "Toyota and Baidu partner on navigation."),
    ("s11", 40, "Toyota invests $500 million in Pony.ai", "The investment values Pony.ai at $8 billion."),
    ("s12", 50, "Renault partners with Waymo on driverless mobility in France", ""),
    ("s13", 6, "Ford recalls 10,000 pickups", "A software fault."),
    ("s14", 60, "Toyota and Didi form mobility joint venture", ""),
    ("s15", 7, "Baidu and Alibaba partner on cloud computing", "Not an OEM-tech tie-up: tech-tech."),
    ("s16", 9, "Toyota and BMW team up on hydrogen cars", "Not an OEM-tech tie-up: oem-oem."),
]
READ = {"s03", "s05", "s09", "s11"}
MEMBERS = ("Renault", "Nissan", "Mitsubishi")  # of the config's one alliance, in its order
STARRED = {"s04"}


def build_db(config: Config, stories=STORIES, *, feed: int = 0) -> None:
    """Store `stories` as entries of the config's feed number `feed`, matched by the real matcher."""
    matcher = Matcher(config)
    with Store(config.settings.db) as store:
        ids = store.sync_feeds(config.feeds)
        items = []
        for sid, days, title, summary in stories:
            published = NOW - timedelta(days=days, hours=1)
            entry = Entry(id=sid, guid=sid, url=f"https://news.example.com/{sid}", title=title,
                          summary=summary, published=published, date_source="feed")
            items.append((entry, matcher.match(title, summary)))
        feed_url = config.feeds[feed].url
        store.save_feed(ids[feed_url], FetchResult(feed_url, "ok", 200), items, NOW - timedelta(minutes=30),
                        title="Example news", units=config.units_of)
        for sid in READ:
            store.set_flag(sid, "read", True)
        for sid in STARRED:
            store.set_flag(sid, "starred", True)


def fixed_config(tmp_path: Path, make_config, *, feeds: int = 3) -> Config:
    """A config with `feeds` feeds on an unroutable local port (never fetched by these tests)."""
    urls = [f"http://127.0.0.1:9/feed{i}.xml" for i in range(feeds)]
    return load_config(make_config(urls))


def fixed_db(tmp_path: Path, make_config) -> Config:
    """The fixed stories in feed0; feed1 failing with HTTP 500; feed2 never fetched."""
    config = fixed_config(tmp_path, make_config)
    build_db(config)
    with Store(config.settings.db) as store:
        ids = store.sync_feeds(config.feeds)
        url = config.feeds[1].url
        store.record_fetch(ids[url], FetchResult(url, "error", 500, error="HTTP 500 Internal Server Error"),
                           NOW - timedelta(hours=2))
    return config


async def settle(pilot) -> None:
    """Let workers (and the workers they start) finish and their results reach the screen, and
    every screen that shows finish laying out (the main screen mounts more panes, and sizes the
    blank block standing for the others, once it has laid out the first ones)."""
    app = pilot.app
    await pilot.pause()
    for _ in range(20):
        if not any(w.is_running or w.state.name == "PENDING" for w in app.workers):
            break
        await app.workers.wait_for_complete()
        await pilot.pause()
    for _ in range(50):
        screen = app.screen
        if not (screen._layout_required or screen._callbacks or screen._dirty_widgets
                or any(w.is_running or w.state.name == "PENDING" for w in app.workers)):
            break
        await pilot.pause(0.01)
    await pilot.pause()


# Fixtures the dashboard's test modules share, imported into each (pytest finds a module's
# fixtures among its names; the autouse ones then hold for that module only).
@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture(autouse=True)
def quick_search(monkeypatch):
    """The search runs 10 ms after a key, not after a person's pause."""
    from marketwatch.tui.screens.stories import SearchScreen

    monkeypatch.setattr(SearchScreen, "DEBOUNCE", 0.01)


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    """The dashboard's remembered state (theme, read marks' undo) in the test's own folder."""
    from marketwatch.tui import state

    monkeypatch.setenv(state.ENV, str(tmp_path / "state"))
    return tmp_path / "state"


def damaged_in_the_middle(tmp_path: Path, make_config) -> Config:
    """A config whose database has a damaged page in the middle of its stories: 300 OEM-OEM deals
    (five leaves of 16 KiB), which no pane shows, the newest in the middle, which a search lists
    first; the fixed stories after them, for the panes, on the last leaf. The check before the app
    starts passes (it reads each table's first and last entries)."""
    from db_damage import damage_the_leaf_holding

    config = fixed_config(tmp_path, make_config)
    deals = [(f"h{i:03d}", 70 + abs(i - 150), f"Ford and BMW team up on hydrogen pickups, batch {i}",
              f"The hydrogen pickups of batch {i} are built in Ohio.") for i in range(300)]
    build_db(config, deals + STORIES)
    db = config.settings.db
    with Store(db) as store:
        middle = store.conn.execute("SELECT rowid FROM stories WHERE id = 'h150'").fetchone()[0]
    damage_the_leaf_holding(db, "stories", middle)
    return config


def notes(app) -> list[str]:
    return [n.message for n in app._notifications]


async def until(pilot, done) -> None:
    """Wait, however busy the machine, for a worker's result to show; then let the screen settle."""
    for _ in range(250):
        if done():
            break
        await pilot.pause(0.02)
    await settle(pilot)
