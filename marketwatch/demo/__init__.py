"""The offline demo: the bundled sample feeds, read through file:// URLs into their own database."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from marketwatch import paths
from marketwatch.config import Config, Feed, Notify, load_config


def demo_config(config_path: str | None = None, db_path: str | None = None) -> Config:
    base = load_config(config_path or paths.default_config_file())
    feeds = tuple(
        Feed(url=path.resolve().as_uri(), name=f"demo: {path.stem}")
        for path in sorted(paths.demo_feeds_dir().iterdir())
        if path.suffix in (".xml", ".atom", ".rss")
    )
    db = Path(db_path) if db_path else paths.user_data_dir() / "demo.db"
    settings = dataclasses.replace(base.settings, db=db, workers=0)
    # The sample stories are not news: [notify] is left out, even if the user's config has it.
    return dataclasses.replace(base, feeds=feeds, settings=settings, notify=Notify())
