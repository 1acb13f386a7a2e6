"""Read-side queries (marketwatch.queries)."""

from __future__ import annotations

from test_tui_support import READ, build_db, fixed_config

from marketwatch.queries import StoryFilter, count_stories, unread_counts
from marketwatch.store import Store


def test_unread_counts_per_company_follow_the_read_flag(tmp_path, make_config):
    config = fixed_config(tmp_path, make_config)
    build_db(config)
    with Store(config.settings.db) as store:
        counts = unread_counts(store.conn)
        # Toyota takes part in s01, s04, s10, s11 and s14; s11 is read.
        assert counts["Toyota"] == 4
        assert "Ford" not in counts  # its one story (s05) is read
        assert unread_counts(store.conn, ("Toyota", "Nissan")) == {"Toyota": 4, "Nissan": 1}
        assert unread_counts(store.conn, ()) == {}
        total = count_stories(store.conn, StoryFilter(unread=True))
        assert total == 13 - len(READ)
        store.set_flag("s01", "read", True)
        assert unread_counts(store.conn, ("Toyota",)) == {"Toyota": 3}
