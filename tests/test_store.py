from __future__ import annotations

import re
import sqlite3
import threading
from datetime import timedelta

import pytest
from db_damage import damage_root_page

from marketwatch import dates
from marketwatch.models import NO_MATCH, Entry, FetchResult, Match
from marketwatch.queries import StoryFilter, list_stories
from marketwatch.store import SCHEMA_VERSION, Store, StoreError

NOW = dates.from_iso("2026-11-24T12:00:00Z")
TIEUP = Match(kind="oem-tech", companies=("Ford", "Baidu"), parties=("Ford", "Baidu"),
              pairs=(("Ford", "Baidu"),), deal_type="mou")


def entry(i: int, title: str = "Story", days_old: int = 0) -> Entry:
    return Entry(id=f"id{i}", guid=f"g{i}", url=f"https://e.com/{i}", title=f"{title} {i}", summary="text",
                 published=NOW - timedelta(days=days_old), date_source="feed")


def ok(url: str) -> FetchResult:
    return FetchResult(url, "ok", 200)


def as_schema(path, version: int, *undo: str) -> None:
    """Make a database as an older schema had it: its later steps undone, its version set back."""
    conn = sqlite3.connect(path)
    for statement in undo:
        conn.execute(statement)
    conn.execute(f"pragma user_version = {version}")
    conn.commit()
    conn.close()


def test_schema_is_versioned(tmp_path):
    with Store(tmp_path / "a.db") as store:
        assert store.conn.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "a.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"pragma user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer marketwatch"):
        Store(path)


def test_other_sqlite_files_are_not_taken_over(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("create table notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a marketwatch database"):
        Store(path)


def test_two_writers_at_once_never_see_database_is_locked(tmp_path):
    path = tmp_path / "a.db"
    Store(path).close()
    errors: list[Exception] = []

    def writer(offset: int) -> None:
        try:
            with Store(path) as store:
                feed = store.sync_feeds([type("F", (), {"url": f"https://f{offset}", "name": None})()])
                fid = feed[f"https://f{offset}"]
                for batch in range(20):
                    items = [(entry(offset * 1000 + batch * 10 + i), TIEUP) for i in range(10)]
                    store.save_feed(fid, ok(f"https://f{offset}"), items, NOW)
        except Exception as exc:  # pragma: no cover - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store(path) as store:
        assert store.conn.execute("select count(*) from stories").fetchone()[0] == 800
        assert store.conn.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_prune_forgets_old_unmatched_entries_but_keeps_tieups_and_stars(tmp_path):
    with Store(tmp_path / "a.db") as store:
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        store.save_feed(fid, ok("https://f"), [(entry(1, days_old=200), NO_MATCH),
                                               (entry(2, days_old=200), TIEUP),
                                               (entry(3, days_old=200), NO_MATCH),
                                               (entry(4, days_old=10), NO_MATCH)], NOW - timedelta(days=200))
        store.set_flag("id3", "starred", True)
        assert store.prune(90, NOW) == 1
        left = {r[0] for r in store.conn.execute("select id from stories")}
        assert left == {"id2", "id3", "id4"}
        assert store.conn.execute("select count(*) from story_feeds where story_id = 'id1'").fetchone()[0] == 0


def test_forgotten_feeds_go_with_their_links_and_their_stories_stay(tmp_path):
    from marketwatch.config import Feed

    with Store(tmp_path / "a.db") as store:
        ids = store.sync_feeds([Feed("https://f"), Feed("https://g")])
        store.save_feed(ids["https://f"], ok("https://f"), [(entry(1), TIEUP), (entry(2), NO_MATCH)], NOW)
        store.save_feed(ids["https://g"], ok("https://g"), [(entry(1), TIEUP)], NOW)
        assert store.forget_feeds(["https://f", "https://nowhere"]) == 1 and store.forget_feeds([]) == 0
        assert [url for (url,) in store.conn.execute("select url from feeds")] == ["https://g"]
        assert store.conn.execute("select story_id, feed_id from story_feeds").fetchall() == [("id1", ids["https://g"])]
        assert {r[0] for r in store.conn.execute("select id from stories")} == {"id1", "id2"}


def test_prune_keeps_the_last_story_stored_so_that_the_next_one_is_counted_as_new(tmp_path):
    """SQLite gives a new row the highest rowid plus one: pruning the newest row would hand its
    rowid to the next story, which [notify] and the dashboard would then take for an old one."""
    with Store(tmp_path / "a.db") as store:
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        store.save_feed(fid, ok("https://f"), [(entry(1, days_old=200), NO_MATCH),
                                               (entry(2, days_old=200), NO_MATCH)], NOW - timedelta(days=200))
        mark = store.last_rowid()
        assert store.prune(90, NOW) == 1
        assert {r[0] for r in store.conn.execute("select id from stories")} == {"id2"}
        store.save_feed(fid, ok("https://f"), [(entry(3), TIEUP)], NOW)
        assert store.conn.execute("select rowid from stories where id = 'id3'").fetchone()[0] > mark


def test_edited_story_is_updated_and_search_follows(tmp_path):
    with Store(tmp_path / "a.db") as store:
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        store.save_feed(fid, ok("https://f"), [(entry(1, "Ford Baidu deal"), TIEUP)], NOW)
        store.set_flag("id1", "read", True)
        edited = Entry(**{**entry(1).__dict__, "title": "Ford Baidu robotaxi memorandum"})
        report = store.save_feed(fid, ok("https://f"), [(edited, TIEUP)], NOW)
        assert report.updated == 1 and report.new == 0
        [story] = list_stories(store.conn, StoryFilter(search="robotaxi"))
        assert story.read and story.title == "Ford Baidu robotaxi memorandum"
        assert list_stories(store.conn, StoryFilter(search="deal")) == []


def test_search_tolerates_fts_syntax(tmp_path):
    with Store(tmp_path / "a.db") as store:
        for text in ['"unbalanced', "AND OR NOT", "a*b(c)", "NEAR(", ""]:
            assert list_stories(store.conn, StoryFilter(search=text)) == []


def test_a_schema_1_database_loses_its_orphans_and_takes_the_story_again(tmp_path):
    """Schema 1 pruned stories without their relation rows; upgrading drops those leftovers, so
    the same story coming back is stored whole instead of failing on a duplicate key."""
    import sqlite_utils

    from marketwatch.schema import MIGRATIONS

    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    MIGRATIONS[0](sqlite_utils.Database(conn))
    conn.execute("pragma user_version = 1")
    conn.execute("insert into story_companies values ('id1', 'Ford', 'party', 'oem-tech', '2026-11-24')")
    conn.execute("insert into story_pairs values ('id1', 'Ford', 'Baidu', 'oem-tech', '2026-11-24')")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.conn.execute("select count(*) from story_pairs").fetchone()[0] == 0
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        assert store.save_feed(fid, ok("https://f"), [(entry(1), TIEUP)], NOW).new == 1
        assert store.conn.execute("select company, partner from story_pairs").fetchall() == [("Ford", "Baidu")]


def test_a_schema_3_database_keeps_its_stories_and_drops_the_unused_url_index(tmp_path):
    from marketwatch.schema import MIGRATIONS

    path = tmp_path / "v3.db"
    with Store(path) as store:
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        store.save_feed(fid, ok("https://f"), [(entry(1), TIEUP)], NOW)
    as_schema(path, 3, "create index idx_stories_url on stories (url)")  # as schemas 1 to 3 had it
    assert len(MIGRATIONS) == SCHEMA_VERSION
    with Store(path) as store:
        names = {r[0] for r in store.conn.execute("select name from sqlite_master where type = 'index'")}
        assert "idx_stories_url" not in names and "idx_stories_kind_published" in names
        assert [s.title for s in list_stories(store.conn, StoryFilter())] == ["Story 1"]


SIDE_DEAL = Match(kind="oem-tech", companies=("Alibaba", "Didi", "Ford", "Renault"),
                 parties=("Alibaba", "Didi", "Ford", "Renault"),
                 pairs=(("Ford", "Alibaba"), ("Renault", "Didi")), pair_deals=("partnership", "mou"),
                 deal_type="mou")


def test_each_pair_is_stored_with_its_own_deal(tmp_path):
    from marketwatch.queries import get_story

    with Store(tmp_path / "a.db") as store:
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        store.save_feed(fid, ok("https://f"), [(entry(1), SIDE_DEAL)], NOW)
        story = get_story(store.conn, "id1")
        assert story.deal_type == "mou"
        assert dict(zip(story.pairs, story.pair_deals, strict=True)) == {
            ("Ford", "Alibaba"): "partnership", ("Renault", "Didi"): "mou"}
        store.rematch([("id1", TIEUP)], NOW)  # a match without pair deals (an older worker's)
        assert get_story(store.conn, "id1").pair_deals == ("mou",)


def test_a_schema_5_database_gives_its_pairs_the_deal_of_their_story(tmp_path):
    """Schema 5 kept one deal per story: upgrading gives each pair that one, and loses nothing."""
    from marketwatch.queries import get_story

    path = tmp_path / "v5.db"
    with Store(path) as store:
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        store.save_feed(fid, ok("https://f"), [(entry(1), SIDE_DEAL), (entry(2), TIEUP)], NOW)
    as_schema(path, 5, "alter table story_pairs drop column deal_type")  # as schema 5 had it
    with Store(path) as store:
        assert get_story(store.conn, "id1").pair_deals == ("mou", "mou")
        assert get_story(store.conn, "id2").pair_deals == ("mou",)
        assert store.conn.execute("select count(*) from stories").fetchone()[0] == 2


def test_a_schema_6_database_keeps_what_its_digests_sent_and_takes_narrowed_digests(tmp_path):
    from marketwatch.queries import StoryFilter, list_stories

    path = tmp_path / "v6.db"
    with Store(path) as store:
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        store.save_feed(fid, ok("https://f"), [(entry(1), TIEUP), (entry(2), TIEUP)], NOW)
        store.mark_digested(["id1"], NOW)
    as_schema(path, 6, "drop trigger digest_marks_cleanup", "drop table digest_marks")  # as schema 6 had it

    def new(scope: str = "") -> list[str]:
        return sorted(s.id for s in list_stories(store.conn, StoryFilter(undigested=True, digest_scope=scope)))

    with Store(path) as store:
        assert new() == ["id2"]
        assert new("watchlist=Robotaxi") == ["id1", "id2"]
        store.mark_digested(["id2"], NOW, "watchlist=Robotaxi")
        assert (new(), new("watchlist=Robotaxi"), new("watchlist=Japan")) == (["id2"], ["id1"], ["id1", "id2"])
        with store.transaction() as conn:
            conn.execute("DELETE FROM stories WHERE id = 'id2'")
        assert store.conn.execute("select count(*) from digest_marks").fetchone()[0] == 0


def test_pruning_finds_a_storys_digest_marks_by_index(tmp_path):
    """The trigger that drops a pruned story's digest marks runs once per story: a scan of every
    mark each time made pruning thousands of entries take seconds."""
    with Store(tmp_path / "a.db") as store:
        plan = [row[3] for row in store.conn.execute(
            "EXPLAIN QUERY PLAN DELETE FROM digest_marks WHERE story_id = 'id1'")]
    assert any(step.startswith("SEARCH digest_marks USING") for step in plan), plan


def test_new_databases_use_large_pages_and_older_ones_keep_theirs(tmp_path):
    """A story with a long summary fits one 16 KiB page; a database made with 4 KiB pages (by an
    earlier version) opens, takes stories and keeps its page size."""
    with Store(tmp_path / "new.db") as store:
        assert store.conn.execute("pragma page_size").fetchone()[0] == 16384
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    conn.execute("pragma page_size = 4096")
    conn.execute("pragma journal_mode = wal")
    conn.close()
    with Store(old) as store:
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        assert store.save_feed(fid, ok("https://f"), [(entry(1), TIEUP)], NOW).new == 1
    with Store(old) as store:
        assert store.conn.execute("pragma page_size").fetchone()[0] == 4096
        assert [s.title for s in list_stories(store.conn, StoryFilter())] == ["Story 1"]


@pytest.mark.parametrize("variable_limit", [999, 40])
def test_a_feed_of_hundreds_of_entries_is_stored_whole(tmp_path, variable_limit):
    """Rows go to SQLite a hundred to a statement, fewer when the build allows fewer variables."""
    many = [(entry(i), TIEUP if i % 3 == 0 else NO_MATCH) for i in range(257)]
    with Store(tmp_path / "a.db") as store:
        store.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, variable_limit)
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        report = store.save_feed(fid, ok("https://f"), many, NOW)
        count = lambda table: store.conn.execute(f"select count(*) from {table}").fetchone()[0]  # noqa: E731
        assert report.new == 257 and count("stories") == 257 and count("story_feeds") == 257
        assert count("story_pairs") == 86 and count("story_companies") == 2 * 86
        assert len(report.new_tieups) == 86


def test_bulk_writes_keep_text_numbers_and_nulls_exactly(tmp_path):
    odd = Entry(id="odd", guid=None, url=None, title='Ford 😀 "中文" \\ \u2028 Baidu', summary="",
                published=NOW, date_source="feed")
    with Store(tmp_path / "a.db") as store:
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        store.save_feed(fid, ok("https://f"), [(odd, TIEUP)], NOW)
        row = store.conn.execute("select title, guid, url, summary from stories").fetchone()
        assert row == (odd.title, None, None, "")
        assert store.conn.execute("select feed_id, typeof(feed_id) from story_feeds").fetchone() == (fid, "integer")


def test_each_party_keeps_its_own_deals_with_those_of_the_units_it_owns(tmp_path):
    """The dashboard's deal filter counts a company's stories by the deal its pane names: Ford's
    partnership in a story of the alliance's MoU, and Peugeot's stake under Stellantis."""
    match = Match(kind="oem-tech", companies=("Alibaba", "Didi", "Ford", "Peugeot", "Renault", "Stellantis"),
                  parties=("Ford", "Alibaba", "Renault", "Didi", "Peugeot", "Stellantis"),
                  pairs=(("Ford", "Alibaba"), ("Renault", "Didi"), ("Peugeot", "Didi")), deal_type="mou",
                  pair_deals=("partnership", "mou", "stake"))

    def own(store):
        return {(c, d) for c, d in store.conn.execute("SELECT company, deal FROM story_deals WHERE story_id = 'id1'")}

    with Store(tmp_path / "a.db") as store:
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        units = {"Stellantis": frozenset({"Peugeot", "Jeep"})}
        store.save_feed(fid, ok("https://f"), [(entry(1), match)], NOW, units=lambda c: units.get(c, frozenset()))
        assert own(store) == {("Ford", "partnership"), ("Alibaba", "partnership"), ("Renault", "mou"),
                              ("Didi", "mou"), ("Didi", "stake"), ("Peugeot", "stake"), ("Stellantis", "stake")}
        store.rematch([("id1", TIEUP)], NOW)  # matched again: the old rows go
        assert own(store) == {("Ford", "mou"), ("Baidu", "mou")}
        store.conn.execute("DELETE FROM stories")
        assert store.conn.execute("SELECT count(*) FROM story_deals").fetchone()[0] == 0


def test_a_schema_7_database_gets_each_partys_own_deals_from_its_pairs(tmp_path):
    path = tmp_path / "v7.db"
    with Store(path) as store:
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        store.save_feed(fid, ok("https://f"), [(entry(1), SIDE_DEAL), (entry(2), TIEUP)], NOW)
    as_schema(path, 7, "drop table story_deals")  # as schema 7 had it
    with Store(path) as store:
        rows = set(store.conn.execute("SELECT story_id, company, deal, kind FROM story_deals"))
        assert rows == {("id1", "Ford", "partnership", "oem-tech"), ("id1", "Alibaba", "partnership", "oem-tech"),
                        ("id1", "Renault", "mou", "oem-tech"), ("id1", "Didi", "mou", "oem-tech"),
                        ("id2", "Ford", "mou", "oem-tech"), ("id2", "Baidu", "mou", "oem-tech")}


def _fts_checked(store: Store) -> None:
    """FTS5's own check that the search index holds exactly the stored titles and summaries."""
    store.conn.execute("INSERT INTO stories_fts (stories_fts, rank) VALUES ('integrity-check', 1)")


def _searched(store: Store, text: str) -> list[str]:
    return [s.id for s in list_stories(store.conn, StoryFilter(search=text))]


def test_a_story_stored_and_edited_in_one_batch_is_found_by_its_last_text(tmp_path):
    """A feed's update stores a story and a second update of the same feed, in the same group
    commit, edits its title: the index, written by the statement that stores new stories, follows
    the edit as the insert trigger of schemas 1-8 did."""
    from marketwatch.store import FeedUpdate

    with Store(tmp_path / "a.db") as store:
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        first = entry(1, "Ford Baidu deal")
        edited = Entry(**{**first.__dict__, "title": "Ford Baidu robotaxi memorandum"})
        store.save_feeds([FeedUpdate(fid, ok("https://f"), ((first, TIEUP), (entry(2, "Lidar"), TIEUP))),
                          FeedUpdate(fid, ok("https://f"), ((edited, TIEUP),))], NOW)
        _fts_checked(store)
        assert _searched(store, "robotaxi") == ["id1"] and _searched(store, "deal") == []
        assert _searched(store, "lidar") == ["id2"]


def test_marking_stories_read_or_rematching_them_leaves_the_search_index_alone(tmp_path):
    with Store(tmp_path / "a.db") as store:
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        store.save_feed(fid, ok("https://f"), [(entry(i, "Ford Baidu deal"), TIEUP) for i in range(50)], NOW)
        index = "SELECT count(*), sum(length(block)) FROM stories_fts_data"
        before = store.conn.execute(index).fetchone()
        store.set_flags([f"id{i}" for i in range(50)], "read", True)
        store.set_flags([f"id{i}" for i in range(10)], "starred", True)
        store.rematch([(f"id{i}", TIEUP) for i in range(20)], NOW)
        assert store.conn.execute(index).fetchone() == before
        _fts_checked(store)
        assert len(_searched(store, "baidu")) == 50


def test_a_schema_8_database_keeps_its_search_index_and_indexes_new_stories(tmp_path):
    path = tmp_path / "v8.db"
    with Store(path) as store:
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        store.save_feed(fid, ok("https://f"), [(entry(1, "Ford Baidu deal"), TIEUP)], NOW)
    as_schema(path, 8,  # the triggers sqlite-utils made for schema 1, which steps 1-8 kept
              "DROP TRIGGER stories_au",
              """CREATE TRIGGER "stories_ai" AFTER INSERT ON "stories" BEGIN
                 INSERT INTO "stories_fts" (rowid, "title", "summary") VALUES (new.rowid, new."title", new."summary");
                 END""",
              """CREATE TRIGGER "stories_au" AFTER UPDATE ON "stories" BEGIN
                 INSERT INTO "stories_fts" ("stories_fts", rowid, "title", "summary")
                 VALUES('delete', old.rowid, old."title", old."summary");
                 INSERT INTO "stories_fts" (rowid, "title", "summary") VALUES (new.rowid, new."title", new."summary");
                 END""")
    with Store(path) as store:
        assert store.conn.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        store.save_feed(fid, ok("https://f"), [(entry(2, "Toyota Baidu robotaxi"), TIEUP)], NOW)
        store.set_flag("id1", "read", True)
        _fts_checked(store)
        assert sorted(_searched(store, "baidu")) == ["id1", "id2"] and _searched(store, "robotaxi") == ["id2"]


def test_stories_another_program_stored_are_indexed_and_can_be_edited_and_pruned(tmp_path):
    """Rows written by a program that does not index (sqlite-utils, Datasette, an older marketwatch
    still running when schema 9 was applied): the next write indexes them, and an edit or a prune
    of one before that leaves the index sound instead of damaging it."""
    path = tmp_path / "a.db"
    with Store(path) as store:
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        store.save_feed(fid, ok("https://f"), [(entry(1, "Ford Baidu deal"), TIEUP)], NOW)
    conn = sqlite3.connect(path)
    recent, old = dates.to_iso(NOW), "2026-01-01T00:00:00Z"
    for i, title, when in ((4, "Old unmatched story", old), (2, "Toyota Pony robotaxi", recent),
                           (3, "Honda lidar", recent)):
        conn.execute("INSERT INTO stories (id, url, title, summary, published, first_seen) VALUES (?, ?, ?, '', ?, ?)",
                     (f"id{i}", f"https://e.com/{i}", title, when, when))
        conn.execute("INSERT INTO story_feeds (story_id, feed_id, first_seen) VALUES (?, ?, ?)", (f"id{i}", fid, ""))
    conn.execute("UPDATE stories SET title = 'Honda lidar supply deal' WHERE id = 'id3'")  # before any index
    conn.commit()
    conn.close()
    with Store(path) as store:
        _fts_checked_loosely(store)
        assert store.prune(90, NOW) == 1  # id4: old and unmatched, never indexed
        edited = Entry(**{**entry(2).__dict__, "title": "Toyota Pony robotaxi fleet"})
        store.save_feed(fid, ok("https://f"), [(edited, TIEUP), (entry(5, "Nissan Wayve"), TIEUP)], NOW)
        _fts_checked(store)
        found = {row[0] for row in store.conn.execute(
            "SELECT s.id FROM stories_fts JOIN stories s ON s.rowid = stories_fts.rowid WHERE stories_fts MATCH ?",
            ("fleet OR lidar OR wayve OR ford OR unmatched",))}
        assert found == {"id1", "id2", "id3", "id5"}


def _fts_checked_loosely(store: Store) -> None:
    """The index's own structure only (rank 0): stories not indexed yet are allowed."""
    store.conn.execute("INSERT INTO stories_fts (stories_fts) VALUES ('integrity-check')")


# -- a damaged search index -------------------------------------------------------------------


def _index_damaged(path) -> None:
    """Lose the search index's segments, as a crashed tool or a lost page of the disk would.
    Writes go on adding segments unaware, until FTS5 merges segments (after about ten small
    writes): that merge, like any search, meets the damage."""
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM stories_fts_data WHERE id > 10")
    conn.commit()
    conn.close()


def _with_index_damaged(tmp_path) -> tuple:
    path = tmp_path / "a.db"
    with Store(path) as store:
        fid = store.sync_feeds([type("F", (), {"url": "https://f", "name": None})()])["https://f"]
        store.save_feed(fid, ok("https://f"), [(entry(1, "Ford Baidu robotaxi"), TIEUP)], NOW)
        store.set_flag("id1", "starred", True)
    _index_damaged(path)
    return path, fid


def test_refreshes_on_a_damaged_search_index_rebuild_it_once_and_lose_nothing(tmp_path):
    """Thirty refreshes, each storing a story and pruning: none fails, though FTS5 merges (and
    meets the damage) among them."""
    path, fid = _with_index_damaged(tmp_path)
    with Store(path) as store:
        for i in range(2, 32):
            assert store.save_feed(fid, ok("https://f"), [(entry(i, "Toyota Pony robotaxi"), TIEUP)], NOW).new == 1
            store.prune(90, NOW)
        assert len(store.repairs) == 1
        assert re.fullmatch(rf"{re.escape(str(path))}: the search index was damaged; rebuilt it from the \d+ "
                            r"stored stories \(nothing was lost\)", store.repairs[0])
        _fts_checked(store)
        assert len(_searched(store, "robotaxi")) == 31 and _searched(store, "ford") == ["id1"]
        assert store.conn.execute("SELECT starred FROM stories WHERE id = 'id1'").fetchone() == (1,)


def test_a_search_on_a_damaged_index_is_answered_after_the_rebuild(tmp_path):
    path, _ = _with_index_damaged(tmp_path)
    with Store(path) as store:
        assert store.healing(lambda: _searched(store, "robotaxi")) == ["id1"]
        assert store.repairs == [f"{path}: the search index was damaged; rebuilt it from the 1 stored story "
                                 "(nothing was lost)"]
        assert store.healing(lambda: _searched(store, "ford")) == ["id1"] and len(store.repairs) == 1


def test_a_search_failing_outside_healing_rebuilds_and_says_to_run_it_again(tmp_path):
    path, _ = _with_index_damaged(tmp_path)
    repaired = r"search index was damaged and has been rebuilt .*run the command again"
    with pytest.raises(StoreError, match=repaired), Store(path) as store:
        _searched(store, "robotaxi")
    with Store(path) as store:
        assert _searched(store, "robotaxi") == ["id1"] and store.repairs == []


def test_an_index_a_rebuild_cannot_mend_is_reported_as_damage_once(tmp_path, monkeypatch):
    path, _ = _with_index_damaged(tmp_path)

    def rebuild_fails(conn):  # the rebuild meets the damage again
        conn.execute("SELECT rowid FROM stories_fts WHERE stories_fts MATCH 'robotaxi'").fetchall()

    monkeypatch.setattr("marketwatch.store.rebuild_index", rebuild_fails)
    with Store(path) as store:
        with pytest.raises(StoreError, match="the database is damaged"):
            store.healing(lambda: _searched(store, "robotaxi"))
        assert store.repairs == []
        assert store.conn.execute("SELECT count(*) FROM stories").fetchone() == (1,)


@pytest.mark.parametrize("damage", [
    "DELETE FROM stories_fts_data WHERE id = 10",  # its structure record: FTS5 cannot open the index
    "UPDATE stories_fts_config SET v = 99 WHERE k = 'version'",
    "DELETE FROM stories_fts_config",
])
def test_an_index_that_cannot_even_be_opened_is_rebuilt_too(tmp_path, damage):
    path, _ = _with_index_damaged(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute(damage)
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.healing(lambda: _searched(store, "robotaxi")) == ["id1"]
        assert len(store.repairs) == 1
        _fts_checked(store)


def test_a_store_kept_open_repairs_the_index_each_time_it_is_damaged(tmp_path):
    """The dashboard keeps one store all day: a second damage is mended as the first was."""
    path, _ = _with_index_damaged(tmp_path)
    with Store(path) as store:
        assert store.healing(lambda: _searched(store, "robotaxi")) == ["id1"]
        _index_damaged(path)
        assert store.healing(lambda: _searched(store, "ford")) == ["id1"]
        assert len(store.repairs) == 2


def test_a_rebuild_that_cannot_be_written_says_so_once_and_is_not_tried_again(tmp_path, monkeypatch):
    path, _ = _with_index_damaged(tmp_path)
    tries = []

    def read_only(conn):
        tries.append(1)
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr("marketwatch.store.rebuild_index", read_only)
    with Store(path) as store:
        for _ in range(3):
            with pytest.raises(StoreError) as failed:
                store.healing(lambda: _searched(store, "robotaxi"))
            assert str(failed.value) == (f"{path}: the search index is damaged and could not be rebuilt: the "
                                         "database is on a read-only file or disk")
        assert len(tries) == 1 and store.repairs == []


def test_a_rebuild_waits_briefly_for_another_writer_and_is_tried_again_later(tmp_path):
    path, _ = _with_index_damaged(tmp_path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a refresh writing
    with Store(path) as store:
        with pytest.raises(StoreError, match="the search index is damaged; another process is writing"):
            store.healing(lambda: _searched(store, "robotaxi"), wait_s=0.1)
        other.execute("COMMIT")
        assert store.healing(lambda: _searched(store, "robotaxi"), wait_s=0.1) == ["id1"]
        assert len(store.repairs) == 1
    other.close()


def test_a_rebuild_is_undone_when_the_database_itself_is_damaged(tmp_path):
    """Damage the rebuild cannot mend (a page of another table) is left as it was and reported as
    the database's: nothing is written over a damaged file."""
    path, _ = _with_index_damaged(tmp_path)
    damage_root_page(path, "digest_marks")
    index = "SELECT count(*), sum(length(block)) FROM stories_fts_data"
    with Store(path) as store:
        before = store.conn.execute(index).fetchone()
        with pytest.raises(StoreError, match="the database is damaged or is not a marketwatch database"):
            store.healing(lambda: _searched(store, "robotaxi"))
        assert store.conn.execute(index).fetchone() == before
        assert store.repairs == []
