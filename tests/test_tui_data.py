"""The dashboard's access to the store (marketwatch/tui/data.py)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import timedelta

import pytest
from test_tui_support import NOW, fixed_db

from marketwatch.scope import resolve_scope
from marketwatch.store import Store
from marketwatch.tui.data import HEADLINES, Data, Prefetch


@pytest.fixture
def config(tmp_path, make_config):
    return fixed_db(tmp_path, make_config)


def test_an_overview_is_read_again_only_after_a_write_or_a_minute(config):
    data = Data(config.settings.db)
    first = data.overview(None, headlines=HEADLINES, now=NOW)
    assert data.overview(None, headlines=HEADLINES, now=NOW + timedelta(seconds=30)) is first
    assert data.overview(("Toyota",), headlines=HEADLINES, now=NOW) is not first  # another scope
    data.set_flag("s01", "read", True)  # this connection's write
    second = data.overview(None, headlines=HEADLINES, now=NOW)
    assert second.unread == first.unread - 1
    with Store(config.settings.db) as other:  # another process's (a cron refresh)
        other.set_flag("s02", "read", True)
    third = data.overview(None, headlines=HEADLINES, now=NOW)
    assert third.unread == second.unread - 1
    assert data.overview(None, headlines=HEADLINES, now=NOW + timedelta(minutes=2)) is not third
    data.close()


def test_the_prefetched_overview_is_the_same_and_errors_reach_its_taker(config):
    data = Data(config.settings.db)
    expected = data.overview(("Nissan", "Renault"), headlines=HEADLINES, now=NOW)
    first = Prefetch(data, ("Nissan", "Renault"), NOW)
    assert first.take() == expected and first.ready
    assert first.matches(resolve_scope(config, alliance="Renault-Nissan-Mitsubishi Alliance")) is False  # + Mitsubishi
    jvs = Prefetch(data, None, NOW, "joint-venture")  # `marketwatch --deal joint-venture`
    assert [p.company for p in jvs.take().panes] == ["Toyota", "Pony.ai", "Didi"]
    assert jvs.matches(replace(resolve_scope(config), deal="joint-venture")) and not jvs.matches(resolve_scope(config))
    data.close()  # reading from a closed connection fails: the error is raised by take()
    failed = Prefetch(data, None, NOW + timedelta(hours=1))
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        failed.take()


def test_the_first_error_that_says_the_database_is_damaged_is_kept_and_a_busy_one_is_not(config, monkeypatch):
    """What `run_dashboard` raises once the app has quit (exit status 3): a database another
    process holds, or a search index rebuilt since, is no damage."""
    from marketwatch import queries
    from marketwatch.store import IndexRepaired, StoreError

    def raising(error):
        def read(*args):
            raise error
        return read

    db = config.settings.db
    data = Data(db)
    data.store.conn.execute("PRAGMA busy_timeout = 10")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a refresh writing
    with pytest.raises(StoreError, match="stayed busy"):
        data.set_flag("s01", "read", True)
    holder.execute("ROLLBACK")
    holder.close()
    for error in (sqlite3.OperationalError("database is locked"),
                  IndexRepaired(f"{db}: the search index was damaged and has been rebuilt from the stored stories")):
        monkeypatch.setattr(queries, "get_story", raising(error))
        with pytest.raises(type(error)):
            data.story("s01")
    assert data.damage is None
    for error in (sqlite3.DatabaseError("database disk image is malformed"),
                  sqlite3.OperationalError("database is locked")):  # after it: the damage stays
        monkeypatch.setattr(queries, "list_stories", raising(error))
        with pytest.raises(type(error)):
            data.stories(queries.StoryFilter())
        assert isinstance(data.damage, StoreError) and str(data.damage) == (
            f"{db}: the database is damaged or is not a marketwatch database (it was left untouched; move it "
            "aside to start afresh)")
    data.close()
