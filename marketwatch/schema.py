"""The database's schema, as the steps that build it: step i takes a database from schema i to
i + 1, and `PRAGMA user_version` says how many have run. A database is never rebuilt, only
moved forward, so that nothing stored is lost to an upgrade; a step, once released, is never
changed (a database made by it exists somewhere).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Store._migrate imports it: a run that finds the schema current never needs it
    import sqlite_utils

SCHEMA_VERSION = 9


def _v1(db: sqlite_utils.Database) -> None:
    db["feeds"].create(
        {
            "id": int, "url": str, "name": str, "title": str, "site_url": str, "fetch_url": str,
            "etag": str, "last_modified": str, "content_hash": str, "status": str,
            "http_status": int, "error": str, "last_fetched": str, "last_ok": str,
            "retry_after": str, "failures": int, "entries": int, "stories": int,
        },
        pk="id", not_null={"url"}, defaults={"failures": 0, "entries": 0, "stories": 0},
    )
    db["feeds"].create_index(["url"], unique=True)
    db["stories"].create(
        {
            "id": str, "url": str, "guid": str, "title": str, "summary": str, "published": str,
            "date_source": str, "first_seen": str, "updated": str, "kind": str, "deal_type": str,
            "sentence": str, "spans": str, "matched": str, "read": int, "starred": int,
            "digested": str,
        },
        pk="id", not_null={"title", "published", "first_seen"},
        defaults={"read": 0, "starred": 0, "summary": ""},
    )
    db["stories"].create_index(["kind", "published"])
    db["stories"].create_index(["url"])
    db["story_feeds"].create(
        {"story_id": str, "feed_id": int, "first_seen": str}, pk=("story_id", "feed_id"),
        foreign_keys=[("story_id", "stories", "id"), ("feed_id", "feeds", "id")],
    )
    db["story_feeds"].create_index(["feed_id"])
    db["story_companies"].create(
        {"story_id": str, "company": str, "role": str, "kind": str, "published": str},
        pk=("story_id", "company"), foreign_keys=[("story_id", "stories", "id")],
    )
    db["story_companies"].create_index(["kind", "role", "company", "published"])
    db["story_pairs"].create(
        {"story_id": str, "company": str, "partner": str, "kind": str, "published": str},
        pk=("story_id", "company", "partner"), foreign_keys=[("story_id", "stories", "id")],
    )
    db["story_pairs"].create_index(["kind", "company", "partner", "published"])
    db["story_alliances"].create(
        {"story_id": str, "alliance": str}, pk=("story_id", "alliance"),
        foreign_keys=[("story_id", "stories", "id")],
    )
    db["stories"].enable_fts(["title", "summary"], fts_version="FTS5", create_triggers=True,
                             tokenize="unicode61 remove_diacritics 2")


def _v2(db: sqlite_utils.Database) -> None:
    """Cascade deletes from stories to their relation rows, so pruning leaves no orphans, and
    drop the orphans that schema 1's pruning left (a story stored again must start clean)."""
    for table in ("story_feeds", "story_companies", "story_pairs", "story_alliances"):
        db.execute(f"DELETE FROM {table} WHERE story_id NOT IN (SELECT id FROM stories)")
        db.execute(
            f"CREATE TRIGGER IF NOT EXISTS {table}_cleanup AFTER DELETE ON stories "
            f"BEGIN DELETE FROM {table} WHERE story_id = old.id; END"
        )


def _v3(db: sqlite_utils.Database) -> None:
    """The read stories, for the dashboard's unread counts (totals minus these). Partial, so a
    refresh adding unread stories never writes to it."""
    db.execute("CREATE INDEX IF NOT EXISTS idx_stories_read ON stories (kind, id) WHERE read = 1")


def _v4(db: sqlite_utils.Database) -> None:
    """No query looks stories up by url (the id is the canonical link), and the index cost every
    insert about 7 µs of random B-tree work."""
    db.execute("DROP INDEX IF EXISTS idx_stories_url")


def _v5(db: sqlite_utils.Database) -> None:
    """How far each [notify] service has been told: the last story rowid it has heard of. A
    service is named by a hash of its URL, which may hold a password."""
    db.execute("CREATE TABLE IF NOT EXISTS notify_marks (service TEXT PRIMARY KEY, mark INTEGER NOT NULL)")


def _v6(db: sqlite_utils.Database) -> None:
    """Each pair's own deal type (`Match.pair_deals`). Pairs stored before had only the story's,
    which is what they are given; `marketwatch rematch` works out their own."""
    if "deal_type" not in db["story_pairs"].columns_dict:
        db.execute("ALTER TABLE story_pairs ADD COLUMN deal_type TEXT")
    db.execute("UPDATE story_pairs SET deal_type = (SELECT deal_type FROM stories WHERE id = story_id)")


def _v7(db: sqlite_utils.Database) -> None:
    """Which stories each narrowed digest (`digest --watchlist Robotaxi`) has had, so that one
    digest's mail does not take the news from another's. The digest of everything keeps
    `stories.digested`."""
    db.execute("CREATE TABLE IF NOT EXISTS digest_marks (scope TEXT NOT NULL, story_id TEXT NOT NULL, "
               "at TEXT NOT NULL, PRIMARY KEY (scope, story_id))")
    # The cleanup below looks marks up by story: without this, pruning 20,000 entries scanned
    # 9,000 marks for each (7.5 s, against 20 ms).
    db.execute("CREATE INDEX IF NOT EXISTS idx_digest_marks_story ON digest_marks (story_id)")
    db.execute("CREATE TRIGGER IF NOT EXISTS digest_marks_cleanup AFTER DELETE ON stories "
               "BEGIN DELETE FROM digest_marks WHERE story_id = old.id; END")


def _v8(db: sqlite_utils.Database) -> None:
    """Each party's own deal types (`Story.deals_of`), a row each, for the dashboard's deal
    filter: its panes count and list a company's joint ventures on an index, as they count all
    its stories on story_companies'. Filled here from the stored pairs; the pairs of a company's
    units (Peugeot's for Stellantis) count as its own from the next match of the story on, or
    after `marketwatch rematch`."""
    db.execute("CREATE TABLE IF NOT EXISTS story_deals (story_id TEXT NOT NULL REFERENCES stories(id), "
               "company TEXT NOT NULL, deal TEXT NOT NULL, kind TEXT, published TEXT, "
               "PRIMARY KEY (story_id, company, deal))")
    db.execute("CREATE INDEX IF NOT EXISTS idx_story_deals ON story_deals (kind, deal, company, published)")
    db.execute("CREATE TRIGGER IF NOT EXISTS story_deals_cleanup AFTER DELETE ON stories "
               "BEGIN DELETE FROM story_deals WHERE story_id = old.id; END")
    mine = "(p.company = sc.company OR p.partner = sc.company)"
    db.execute("INSERT OR IGNORE INTO story_deals SELECT sc.story_id, sc.company, p.deal_type, sc.kind, sc.published "
               f"FROM story_companies sc JOIN story_pairs p ON p.story_id = sc.story_id AND {mine} "
               "WHERE sc.role = 'party' AND p.deal_type IS NOT NULL")
    db.execute("INSERT OR IGNORE INTO story_deals SELECT sc.story_id, sc.company, s.deal_type, sc.kind, sc.published "
               "FROM story_companies sc JOIN stories s ON s.id = sc.story_id WHERE sc.role = 'party' "
               "AND s.deal_type IS NOT NULL AND NOT EXISTS (SELECT 1 FROM story_pairs p "
               f"WHERE p.story_id = sc.story_id AND p.deal_type IS NOT NULL AND {mine})")


def _v9(db: sqlite_utils.Database) -> None:
    """New stories are indexed for search in one statement a transaction (`search_index.index_new_stories`)
    instead of by a trigger on every row: FTS5 writes out what it holds in memory as a new segment
    of the index whenever a statement that adds to it begins, so the trigger cut the index into a
    segment a feed, which it then spent its time merging (callgrind: 1,080 M instructions of FTS5
    work for 10,000 stories, 338 M in one statement). The index now follows an update of the title
    or the summary only, not of the read and starred flags or the match columns (marking 10,000
    stories read re-indexed all of them).

    The index holds every story up to the highest rowid it holds, and none after it: what
    `index_new_stories` adds is always the rows after that one. So the update and delete triggers
    touch the index only for a row it holds: a row stored by a program that does not index (an
    older marketwatch still running when this step ran, sqlite-utils, Datasette) is indexed by the
    next refresh's write, text edited since or not, instead of making FTS5 delete what it never
    held (which it reports as a damaged database)."""
    held = "EXISTS (SELECT 1 FROM stories_fts_docsize WHERE id = old.rowid)"
    for trigger in ("stories_ai", "stories_au", "stories_ad"):
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    db.execute(
        f"CREATE TRIGGER stories_au AFTER UPDATE OF title, summary ON stories WHEN {held} BEGIN "
        "INSERT INTO stories_fts (stories_fts, rowid, title, summary) "
        "VALUES ('delete', old.rowid, old.title, old.summary); "
        "INSERT INTO stories_fts (rowid, title, summary) VALUES (new.rowid, new.title, new.summary); END"
    )
    db.execute(
        f"CREATE TRIGGER stories_ad AFTER DELETE ON stories WHEN {held} BEGIN "
        "INSERT INTO stories_fts (stories_fts, rowid, title, summary) "
        "VALUES ('delete', old.rowid, old.title, old.summary); END"
    )


MIGRATIONS = [_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8, _v9]
