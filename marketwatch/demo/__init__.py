"""The offline demo: the bundled sample feeds, read through file:// URLs into their own database."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from marketwatch import paths
from marketwatch.config import Config, Feed, Notify, load_config

_NAME = "demo: "


def demo_config(config_path: str | None = None, db_path: str | None = None) -> Config:
    base = load_config(config_path or paths.default_config_file())
    feeds = tuple(
        Feed(url=path.resolve().as_uri(), name=f"{_NAME}{path.stem}")
        for path in sorted(paths.demo_feeds_dir().iterdir())
        if path.suffix in (".xml", ".atom", ".rss")
    )
    db = Path(db_path) if db_path else paths.user_data_dir() / "demo.db"
    settings = dataclasses.replace(base.settings, db=db, workers=0, auto_refresh=0)  # the samples never change
    # The sample stories are not news: [notify] is left out, even if the user's config has it.
    return dataclasses.replace(base, feeds=feeds, settings=settings, notify=Notify())


def is_demo(config: Config) -> bool:
    """Is this the demo's config (`demo_config`): its feeds all the bundled samples?"""
    return bool(config.feeds) and all((feed.name or "").startswith(_NAME) for feed in config.feeds)


def forget_other_installs(config: Config) -> int:
    """The demo's feeds are files of the installed package, so their URLs change with the
    install (a new virtualenv, another clone), while the demo database stays in the user's data
    dir: each install added six feeds of the same names, and a story showed "demo:
    tech-mobility" five times. Feeds of another install's demo are dropped before a refresh
    (their stories stay, found again by this install's feeds). How many went."""
    from marketwatch.store import Store

    if not config.settings.db.exists():
        return 0
    ours = {feed.url for feed in config.feeds}
    with Store(config.settings.db) as store:
        stale = [url for url, name in store.conn.execute("SELECT url, name FROM feeds")
                 if url not in ours and _is_demo_feed(url, name)]
        return store.forget_feeds(stale)


def stories_of_its_own(config: Config) -> tuple[int, list[str]]:
    """(stories, feeds) of a database that came from feeds no demo has: a user's real database,
    named by `--db` (a shell alias adds it to every command), which the demo's 150 sample stories
    must not join. (0, []) for a new database or a demo's."""
    from marketwatch.store import Store

    if not config.settings.db.exists():
        return 0, []
    with Store(config.settings.db) as store:
        rows = store.conn.execute("SELECT f.url, f.name, f.id FROM feeds f WHERE EXISTS "
                                  "(SELECT 1 FROM story_feeds sf WHERE sf.feed_id = f.id) ORDER BY f.id").fetchall()
        own = [(name or url, feed_id) for url, name, feed_id in rows if not _is_demo_feed(url, name)]
        if not own:
            return 0, []
        ids = [feed_id for _, feed_id in own]
        stories = store.conn.execute(  # a story two feeds carry, once
            f"SELECT count(DISTINCT story_id) FROM story_feeds WHERE feed_id IN ({','.join('?' * len(ids))})",
            ids).fetchone()[0]
    return stories, [name for name, _ in own]


def _is_demo_feed(url: str, name: str | None) -> bool:
    """A feed of some install's demo, and nothing a user subscribed to."""
    return bool(name and name.startswith(_NAME) and url.startswith("file://")
                and "/marketwatch/demo/feeds/" in url)
