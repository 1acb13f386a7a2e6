"""The rows each story's match writes into the relation tables (story_companies, story_pairs,
story_alliances, story_deals) and the match columns of `stories`, with the bulk inserts that carry
them and the feeds' story counts they change.

Saving a feed's new or edited stories and `rematch` write the same rows, so both go through this
module; marketwatch.store keeps the connection, its transactions and the migration apart from them.
Their writes run inside a transaction their caller holds.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from marketwatch.models import Match
from marketwatch.story import own_deals

_RELATIONS = ("story_companies", "story_pairs", "story_alliances", "story_deals")
_ROWS_PER_STATEMENT = 100  # measured: larger statements cost more to compile than they save
# The config's `units_of`, or None (no company owns another, as far as the writer knows).
Units = Callable[[str], frozenset[str]] | None


def match_columns(match: Match, stamp: str) -> tuple:
    """kind, deal_type, sentence, spans, matched: the columns of `stories` a match sets."""
    spans = json.dumps([[s.start, s.end, s.company] for s in match.spans]) if match.spans else None
    return match.kind, match.deal_type, match.sentence, spans, stamp


def add_relation_rows(story_id: str, match: Match, published: str, rows: RelationRows, units: Units) -> None:
    if match.kind is None:
        return
    parties = set(match.parties)
    rows.companies += [(story_id, c, "party" if c in parties else "mentioned", match.kind, published)
                       for c in match.companies]
    deals = match.pair_deals or (match.deal_type,) * len(match.pairs)
    rows.pairs += [(story_id, a, b, match.kind, published, deal)
                   for (a, b), deal in zip(match.pairs, deals, strict=True)]
    rows.alliances += [(story_id, a) for a in match.alliances]
    rows.deals += [(story_id, c, deal, match.kind, published) for c in match.parties
                   for deal in own_deals(match.pairs, deals, match.deal_type, c, units(c) if units else frozenset())]


@dataclass
class RelationRows:
    """The relation rows of the stories being written, inserted a table at a time."""

    companies: list = field(default_factory=list)
    pairs: list = field(default_factory=list)
    alliances: list = field(default_factory=list)
    deals: list = field(default_factory=list)

    def insert(self, conn: sqlite3.Connection) -> None:
        bulk_insert(conn, "INSERT INTO story_companies (story_id, company, role, kind, published)", self.companies)
        bulk_insert(conn, "INSERT INTO story_pairs (story_id, company, partner, kind, published, deal_type)",
                     self.pairs)
        bulk_insert(conn, "INSERT INTO story_alliances (story_id, alliance)", self.alliances)
        bulk_insert(conn, "INSERT INTO story_deals (story_id, company, deal, kind, published)", self.deals)


def bulk_insert(conn: sqlite3.Connection, insert: str, rows: list[tuple]) -> None:
    """Many rows per statement (a multi-row VALUES). The sqlite3 module gives up the GIL around
    every statement it runs, and during a refresh the event loop then holds it for up to 5 ms:
    row by row (`executemany`) the database thread spent most of its time waiting for it. A JSON
    array walked by `json_each` had the same effect but cost 4 times as much per row, because
    `json_extract` parses the row again for every column."""
    if not rows:
        return
    width = len(rows[0])
    per = max(1, min(_ROWS_PER_STATEMENT, max_variables(conn) // width))
    one = "(" + ",".join("?" * width) + ")"
    for start in range(0, len(rows), per):
        chunk = rows[start:start + per]
        conn.execute(f"{insert} VALUES {','.join([one] * len(chunk))}", [v for row in chunk for v in row])


def max_variables(conn: sqlite3.Connection) -> int:
    """How many values one statement may bind: 999 in builds of SQLite before 3.32, then 32,766."""
    return conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)


def write_match(conn: sqlite3.Connection, story_id: str, match: Match, stamp: str, units: Units = None) -> None:
    """Replace what is recorded about a story's match; the relation rows copy the story's kind
    and date so that the dashboard's per-company queries are index-only."""
    conn.execute(
        "UPDATE stories SET kind = ?, deal_type = ?, sentence = ?, spans = ?, matched = ? WHERE id = ?",
        (*match_columns(match, stamp), story_id),
    )
    for table in _RELATIONS:
        conn.execute(f"DELETE FROM {table} WHERE story_id = ?", (story_id,))
    if match.kind is None:
        return
    published = conn.execute("SELECT published FROM stories WHERE id = ?", (story_id,)).fetchone()[0]
    relations = RelationRows()
    add_relation_rows(story_id, match, published, relations, units)
    relations.insert(conn)


def refresh_feed_counts(conn: sqlite3.Connection, feed_ids: Iterable[int] | None) -> None:
    where = "" if feed_ids is None else f"WHERE id IN ({','.join(str(int(i)) for i in feed_ids)})"
    conn.execute(
        f"""UPDATE feeds SET
              entries = (SELECT count(*) FROM story_feeds WHERE feed_id = feeds.id),
              stories = (SELECT count(*) FROM story_feeds sf JOIN stories s ON s.id = sf.story_id
                         WHERE sf.feed_id = feeds.id AND s.kind = 'oem-tech')
            {where}"""
    )
