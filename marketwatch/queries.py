"""Read-side queries shared by the CLI and the dashboard: stories by filter, whole stories,
tie-ups stored since a mark, feed health. The main screen's overview is `marketwatch.overview`.

Every query pages with LIMIT and runs on an index (the relation tables carry each story's kind
and date for that reason), so they stay fast on a store of 100,000 stories.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime

from marketwatch import dates
from marketwatch.search import parse_search
from marketwatch.story import Story

TIEUP = "oem-tech"
NEWS_DAYS = 7  # tie-ups published longer ago than this, stored now (a new feed's backlog), are not news
KINDS = ("oem-tech", "oem-oem", "tech-tech")


@dataclass(frozen=True)
class StoryFilter:
    companies: tuple[str, ...] | None = None  # stories in which any of these takes part
    kinds: tuple[str, ...] = (TIEUP,)
    since: datetime | None = None
    until: datetime | None = None  # exclusive: published before it
    search: str | None = None
    pair: tuple[str, str] | None = None
    # Stories of these deal types: a party's own (of `companies`' when given); with `pair`, the pair's
    deals: tuple[str, ...] = ()
    unread: bool = False
    starred: bool = False
    undigested: bool = False  # not in an earlier digest of `digest_scope` ("": of everything)
    digest_scope: str = ""
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True)
class FeedHealth:
    url: str
    name: str | None
    title: str | None
    status: str | None
    http_status: int | None
    error: str | None
    last_fetched: str | None
    last_ok: str | None
    failures: int
    entries: int  # the stories stored from it, of any kind
    stories: int  # of those, the OEM-tech tie-ups (the feeds' TIE-UPS column; feeds.stories in the database)

    def as_json(self) -> dict:
        """`marketwatch feeds --json`'s object. The tie-ups, which the table calls TIE-UPS, are
        "tieups"; "stories", their first name, keeps its value, so that a script reading it (`jq
        'select(.stories > 0)'`) does not go on with another count and no error."""
        return {
            "url": self.url, "name": self.name, "title": self.title,
            "status": self.status or "never fetched", "http_status": self.http_status,
            "error": self.error, "last_fetched": self.last_fetched, "last_ok": self.last_ok,
            "failures": self.failures, "entries": self.entries, "tieups": self.stories, "stories": self.stories,
        }


_STORY_COLUMNS = ("id, title, url, published, summary, kind, deal_type, sentence, spans, read, "
                  "starred")


def list_stories(conn: sqlite3.Connection, flt: StoryFilter) -> list[Story]:
    if len(flt.kinds) > 1 and not flt.pair and not _scans(flt):
        return _list_kinds(conn, flt)
    where, params = _where(flt, by_id=_read_by_id(conn, flt))
    sql = (f"SELECT {_STORY_COLUMNS} FROM stories WHERE {' AND '.join(where)} "
           "ORDER BY published DESC, id LIMIT ? OFFSET ?")
    rows = conn.execute(sql, (*params, flt.limit, flt.offset)).fetchall()
    return _hydrate(conn, rows)


def _list_kinds(conn: sqlite3.Connection, flt: StoryFilter) -> list[Story]:
    """Stories of several kinds, newest first: each kind's newest `offset + limit` from its own
    (kind, published) index range, which stops there, then merged. One ORDER BY over all the
    kinds sorts every match first: a common word matched 20,000 stories and took 200 ms."""
    arms, params = [], []
    for kind in flt.kinds:
        one = dataclasses.replace(flt, kinds=(kind,))
        where, kind_params = _where(one, by_id=_read_by_id(conn, one))
        arms.append(f"SELECT * FROM (SELECT rowid AS r, published AS p, id AS i FROM stories "
                    f"WHERE {' AND '.join(where)} ORDER BY published DESC, id LIMIT ?)")
        params += [*kind_params, flt.limit + flt.offset]
    rows = conn.execute(
        f"SELECT {_STORY_COLUMNS} FROM stories WHERE rowid IN ("
        f"SELECT r FROM ({' UNION ALL '.join(arms)}) ORDER BY p DESC, i LIMIT ? OFFSET ?) "
        "ORDER BY published DESC, id", (*params, flt.limit, flt.offset)).fetchall()
    return _hydrate(conn, rows)


def story_ids(conn: sqlite3.Connection, flt: StoryFilter) -> list[str]:
    """Every story `flt` selects, with no limit (to mark them all read)."""
    where, params = _where(flt, by_id=True)
    return [row[0] for row in conn.execute(f"SELECT id FROM stories WHERE {' AND '.join(where)}", params)]


def count_stories(conn: sqlite3.Connection, flt: StoryFilter) -> int:
    where, params = _where(flt, by_id=True)
    return conn.execute(f"SELECT count(*) FROM stories WHERE {' AND '.join(where)}", params).fetchone()[0]


# A page of a company's or a deal type's stories is read by id when it has at most this many
# times the page's end of them; otherwise the stories of the kind are walked in date order
# until the page is full. At 100,000 stories, the 300 stakes of one busy company (page 5): 90 ms
# walked, 8 ms by id; its first page of 2,800 stories: 3 ms walked, 14 ms by id.
FEW_PER_ROW = 20


@dataclass(frozen=True)
class _Relation:
    """A relation table a filter narrows by (companies, a pair, deal types), aliased `r`. Each
    carries its story's kind, which the statement adds (`kinds`)."""

    table: str
    condition: str  # on r's columns, the kind aside
    params: tuple

    def ids(self, kinds: str) -> str:
        return f"SELECT r.story_id FROM {self.table} r WHERE r.{kinds} AND {self.condition}"

    def exists(self, kinds: str) -> str:
        """For a story walked in date order: looked up by its id (`+r.kind` keeps SQLite off
        the relation's kind index, which it took for each story: 3.6 s at 100,000 stories)."""
        return (f"EXISTS (SELECT 1 FROM {self.table} r WHERE r.story_id = stories.id "
                f"AND +r.{kinds} AND {self.condition})")


def _read_by_id(conn: sqlite3.Connection, flt: StoryFilter) -> bool:
    """Whether the filter's stories are few enough to read by id (`_where`): counted on the
    covering index of its relation, as an upper bound (story_deals holds a story once for each
    company and deal)."""
    relations = _relations(flt)
    if flt.pair or not relations:
        return bool(relations)
    (relation,) = relations
    kinds = _kinds(flt)
    bound = (flt.offset + flt.limit) * FEW_PER_ROW
    found = conn.execute(f"SELECT count(*) FROM ({relation.ids(kinds)} LIMIT ?)",
                         (*flt.kinds, *relation.params, bound + 1)).fetchone()[0]
    return found <= bound


def _where(flt: StoryFilter, *, by_id: bool = False) -> tuple[list[str], list]:
    """The conditions of `flt` on stories. With a relation, `by_id` looks the stories up by the
    ids it gives, on the primary key's covering index (a count of one company's 2,800 stories:
    9 against 113 ms when each tie-up was probed); otherwise the stories of the kind are walked
    in date order, each looked up in the relation, which stops as soon as a page is full."""
    kinds = _kinds(flt)
    relations = _relations(flt)
    walked = not (relations and (by_id or flt.pair))
    search = parse_search(flt.search) if flt.search else None
    scan = "+" if _scans(flt) else ""  # `+kind`: the kind's index left out
    where, params = ([scan + kinds], [*flt.kinds]) if walked else ([], [])
    for relation in relations:
        where.append(relation.exists(kinds) if walked else f"id IN ({relation.ids(kinds)})")
        params += [*flt.kinds, *relation.params]
    if flt.since:
        where.append("published >= ?")
        params.append(dates.to_iso(flt.since))
    if flt.until:
        where.append("published < ?")
        params.append(dates.to_iso(flt.until))
    if search:
        if search.match:
            where.append(_IN_INDEX)
            params.append(search.match)
        if search.exclude:
            where.append("rowid NOT IN (SELECT rowid FROM stories_fts WHERE stories_fts MATCH ?)")
            params.append(search.exclude)
        for group in search.anywhere:  # Chinese, Japanese, Thai: text anywhere (`marketwatch.search`)
            where.append("(" + " OR ".join(_CONTAINS if is_text else _IN_INDEX for is_text, _ in group) + ")")
            for is_text, value in group:
                params += [_like(value)] * 2 if is_text else [value]
        for text in search.nowhere:
            where.append(f"NOT {_CONTAINS}")
            params += [_like(text)] * 2
        if search.empty:  # punctuation alone: no word to look for, so no story found
            where.append("0")
    if flt.unread:
        where.append("read = 0")
    if flt.starred:
        where.append("starred = 1")
    if flt.undigested and flt.digest_scope:
        where.append("id NOT IN (SELECT story_id FROM digest_marks WHERE scope = ?)")
        params.append(flt.digest_scope)
    elif flt.undigested:
        where.append("digested IS NULL")
    return where, params


_CONTAINS = r"(title LIKE ? ESCAPE '\' OR coalesce(summary, '') LIKE ? ESCAPE '\')"
_IN_INDEX = "rowid IN (SELECT rowid FROM stories_fts WHERE stories_fts MATCH ?)"


def _scans(flt: StoryFilter) -> bool:
    """Does `flt` look for text anywhere (Chinese, Japanese, Thai: `marketwatch.search`)? That
    reads every story, best in one pass over the table: 22 against 83 ms at 100,000 stories when
    each was looked up on the kind's index, and 48 ms when each kind was read apart."""
    if not flt.search:
        return False
    search = parse_search(flt.search)
    return bool(search.anywhere or search.nowhere)


def _like(text: str) -> str:
    """A LIKE pattern for `text` anywhere, its own % and _ taken as themselves."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _kinds(flt: StoryFilter) -> str:
    return f"kind IN ({placeholders(flt.kinds)})"


def placeholders(values: Collection) -> str:
    """`?, ?, ?` for an IN list of `values`; NULL, which matches nothing, for none."""
    return ",".join("?" * len(values)) or "NULL"


def _relations(flt: StoryFilter) -> list[_Relation]:
    """The relations `flt` narrows by: its companies', its pair's (with deal types, the pair's
    own deal: a matrix cell's, as `matrix` counts it), or its deal types' (`_deals`), which
    names the companies too."""
    out = []
    if flt.companies is not None and (flt.pair or not flt.deals):
        out.append(_Relation("story_companies", f"r.role = 'party' AND r.company IN ({placeholders(flt.companies)})",
                             flt.companies))
    if flt.pair:
        deal = f" AND r.deal_type IN ({placeholders(flt.deals)})" if flt.deals else ""
        out.append(_Relation("story_pairs", f"r.company = ? AND r.partner = ?{deal}", (*flt.pair, *flt.deals)))
    elif flt.deals:
        out.append(_deals(flt.deals, flt.companies))
    return out


def _deals(deals: tuple[str, ...], companies: tuple[str, ...] | None) -> _Relation:
    """Stories of these deal types, counted as the dashboard's panes count them: by the deals
    each party has of its own (story_deals, `Story.deals_of`), so that `stories --company Ford
    --deal mou` lists what Ford's pane lists under the MoU filter. A story of an MoU with Didi
    that reports Ford's partnership with Alibaba is Renault's MoU and Ford's partnership; an
    owner's deals take in its units' as the config had them when the story was matched
    (`marketwatch rematch` brings them up to date, as it does the rest of a match)."""
    condition, params = f"r.deal IN ({placeholders(deals)})", deals
    if companies is not None:
        condition += f" AND r.company IN ({placeholders(companies)})"
        params += companies
    return _Relation("story_deals", condition, params)


def get_story(conn: sqlite3.Connection, story_id: str) -> Story | None:
    found = get_stories(conn, [story_id])
    return found[0] if found else None


def get_stories(conn: sqlite3.Connection, ids: list[str]) -> list[Story]:
    """Whole stories by id, in the order given; ids no longer stored (pruned) are left out."""
    if not ids:
        return []
    rows = conn.execute(f"SELECT {_STORY_COLUMNS} FROM stories WHERE id IN ({placeholders(ids)})", ids).fetchall()
    by_id = {story.id: story for story in _hydrate(conn, rows)}
    return [by_id[i] for i in ids if i in by_id]


def _hydrate(conn: sqlite3.Connection, rows: list) -> list[Story]:
    if not rows:
        return []
    ids = [r[0] for r in rows]
    marks = placeholders(ids)
    feeds, companies, pairs, alliances = (defaultdict(list) for _ in range(4))
    for sid, name in conn.execute(
        f"SELECT sf.story_id, coalesce(f.name, f.title, f.url) FROM story_feeds sf "
        f"JOIN feeds f ON f.id = sf.feed_id WHERE sf.story_id IN ({marks}) ORDER BY sf.first_seen", ids):
        feeds[sid].append(name)
    for sid, company in conn.execute(
        f"SELECT story_id, company FROM story_companies WHERE story_id IN ({marks}) "
        "AND role = 'party' ORDER BY company", ids):
        companies[sid].append(company)
    for sid, a, b, deal in conn.execute(
        f"SELECT story_id, company, partner, deal_type FROM story_pairs WHERE story_id IN ({marks}) "
        "ORDER BY company, partner", ids):
        pairs[sid].append(((a, b), deal))
    for sid, alliance in conn.execute(
        f"SELECT story_id, alliance FROM story_alliances WHERE story_id IN ({marks}) ORDER BY alliance", ids):
        alliances[sid].append(alliance)
    return [
        Story(
            id=r[0], title=r[1], url=r[2], published=r[3], summary=r[4] or "", kind=r[5],
            deal_type=r[6], sentence=r[7],
            spans=_spans(r[8], r[7]),
            read=bool(r[9]), starred=bool(r[10]),
            feeds=tuple(feeds[r[0]]), companies=tuple(companies[r[0]]),
            alliances=tuple(alliances[r[0]]), **pair_fields(pairs[r[0]]),
        )
        for r in rows
    ]


def pair_fields(found: list[tuple[tuple[str, str], str | None]]) -> dict:
    """Story's `pairs` and `pair_deals` from (pair, its deal type) rows, in the same order."""
    return {"pairs": tuple(pair for pair, _ in found), "pair_deals": tuple(deal for _, deal in found)}


def _spans(value: object, sentence: str | None) -> tuple[tuple[int, int, str], ...]:
    """Where each company is named in the sentence, from its stored JSON. A damaged cell (not
    JSON, not [start, end, company] triples within the sentence) reads as no spans: the story
    still lists, exports and opens, its names just not highlighted."""
    if not value:
        return ()
    try:
        stored = json.loads(value)  # type: ignore[arg-type]
    except (ValueError, TypeError, RecursionError):
        return ()
    if not isinstance(stored, list):
        return ()
    length = len(sentence) if isinstance(sentence, str) else 0
    spans = []
    for span in stored:
        if not (isinstance(span, list) and len(span) == 3 and type(span[0]) is int and type(span[1]) is int
                and isinstance(span[2], str) and 0 <= span[0] <= span[1] <= length):
            return ()
        spans.append((span[0], span[1], span[2]))
    return tuple(spans)


def tieups_stored_after(conn: sqlite3.Connection, mark: int, upto: int, companies: tuple[str, ...] | None = None,
                        *, exclude: Collection[str] = (), since: str | None = None, deals: tuple[str, ...] = (),
                        limit: int = 5) -> tuple[int, list[Story]]:
    """OEM–tech tie-ups stored after `mark` and up to `upto` (Store.last_rowid marks both),
    naming one of `companies` when given, not in `exclude` (those a caller has told of already),
    published `since` and of one of `deals` (as `StoryFilter.deals`) when given: how many, and
    the newest `limit` of them."""
    where = "rowid > ? AND rowid <= ? AND kind = ?"
    params: list = [mark, upto, TIEUP]
    if deals:
        relation = _deals(deals, companies)
        where += f" AND id IN ({relation.ids('kind = ?')})"
        params += [TIEUP, *relation.params]
    if since is not None:
        where += " AND published >= ?"
        params.append(since)
    if companies is not None:
        where += (" AND EXISTS (SELECT 1 FROM story_companies sc WHERE sc.story_id = stories.id "
                  "AND sc.role = 'party' AND sc.company IN (SELECT value FROM json_each(?)))")
        params.append(json.dumps(companies))
    if exclude:
        where += " AND id NOT IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(list(exclude)))
    count = conn.execute(f"SELECT count(*) FROM stories WHERE {where}", params).fetchone()[0]
    rows = conn.execute(f"SELECT {_STORY_COLUMNS} FROM stories WHERE {where} ORDER BY rowid DESC LIMIT ?",
                        (*params, limit)).fetchall() if count else []
    return count, _hydrate(conn, rows)


def feed_health(conn: sqlite3.Connection, configured: Mapping[str, str | None] | None = None
                ) -> list[FeedHealth]:
    """Worst first: failing feeds by number of failures, then never-fetched, then the rest.

    `configured`: the config's feeds (URL -> name), or None for every row (tools). A feed taken
    out of the config keeps its row (its stories name it) but is no longer fetched, so its last
    status says nothing about today: it is left out. A feed added to the config and not fetched
    yet is listed as never fetched, and a feed renamed in the config shows its new name."""
    rows = [FeedHealth(*r) for r in conn.execute(
        "SELECT url, name, title, status, http_status, error, last_fetched, last_ok, failures, "
        "entries, stories FROM feeds")]
    if configured is not None:
        rows = [dataclasses.replace(f, name=configured[f.url] or f.name) for f in rows if f.url in configured]
        known = {f.url for f in rows}
        rows += [FeedHealth(url, name, title=None, status=None, http_status=None, error=None, last_fetched=None,
                            last_ok=None, failures=0, entries=0, stories=0)
                 for url, name in configured.items() if url not in known]
    return sorted(rows, key=lambda f: (f.status != "error", -f.failures, f.status is not None,
                                       f.name or f.title or f.url))
