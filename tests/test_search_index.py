from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from marketwatch import dates
from marketwatch.models import Entry, FetchResult, Match
from marketwatch.queries import StoryFilter, list_stories
from marketwatch.search_index import is_index_damage, rebuild_index
from marketwatch.store import Store

NOW = dates.from_iso("2026-11-24T12:00:00Z")
TIEUP = Match(kind="oem-tech", companies=("Ford", "Baidu"), parties=("Ford", "Baidu"),
              pairs=(("Ford", "Baidu"),), deal_type="mou")


def stored(path, titles: list[str]) -> None:
    with Store(path) as store:
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        items = [(Entry(id=f"id{i}", guid=f"g{i}", url=f"https://e.com/{i}", title=title, summary="text",
                        published=NOW - timedelta(hours=i), date_source="feed"), TIEUP)
                 for i, title in enumerate(titles)]
        store.save_feed(fid, FetchResult("https://f", "ok", 200), items, NOW)


def damage_index(path) -> None:
    """Lose the index's segments (what a crashed tool or a lost page of the disk leaves): its
    structure record still points at them."""
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM stories_fts_data WHERE id > 10")
    conn.commit()
    conn.close()


def test_damage_to_the_index_is_told_apart_from_other_errors(tmp_path):
    path = tmp_path / "a.db"
    stored(path, ["Ford and Baidu sign robotaxi pact"])
    damage_index(path)
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError) as caught:
        conn.execute("SELECT rowid FROM stories_fts WHERE stories_fts MATCH 'robotaxi'").fetchall()
    assert is_index_damage(caught.value)
    with pytest.raises(sqlite3.OperationalError) as other:
        conn.execute("SELECT * FROM no_such_table")
    assert not is_index_damage(other.value)
    assert not is_index_damage(ValueError("database disk image is malformed"))


def test_a_rebuilt_index_finds_every_story_again_and_passes_its_own_check(tmp_path):
    path = tmp_path / "a.db"
    stored(path, ["Ford and Baidu sign robotaxi pact", "Toyota lidar supply", "Nissan Wayve software"])
    damage_index(path)
    conn = sqlite3.connect(path, isolation_level=None)
    assert rebuild_index(conn) == 3
    conn.execute("INSERT INTO stories_fts (stories_fts, rank) VALUES ('integrity-check', 1)")
    found = [s.title for s in list_stories(conn, StoryFilter(search="lidar OR wayve"))]
    assert sorted(found) == ["Nissan Wayve software", "Toyota lidar supply"]
