"""What the dashboard's main screen shows: a pane per company (its count, latest headlines,
weekly counts and unread stories), the totals in the top bar and the tie-up matrix.

Each is a handful of set-based statements on the relation tables' covering indexes, whatever
the number of companies, so that the main screen stays instant on a store of 100,000 stories.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from marketwatch import dates
from marketwatch.queries import TIEUP, pair_fields, placeholders
from marketwatch.story import Story


@dataclass(frozen=True)
class Pane:
    company: str
    count: int
    latest: str
    weekly: tuple[int, ...]  # oldest week first
    stories: tuple[Story, ...] = field(default_factory=tuple)
    unread: int = 0


def panes(conn: sqlite3.Connection, companies: tuple[str, ...] | None = None, *,
          headlines: int = 5, weeks: int = 12, now: datetime | None = None,
          kind: str = TIEUP, deal: str | None = None) -> list[Pane]:
    """One pane per company with stories, busiest first, then most recent.

    A handful of set-based statements, whatever the number of companies: the counts, the
    latest headlines and the weekly counts all come from the covering index of
    story_companies (kind, role, company, published), the unread counts from the few read
    stories (a partial index), and the headlines' stories are read in one batch. Each statement
    returns one row (`_rows`). With a `deal`, the companies' stories of that deal type, counted
    as their panes name their deals (`Story.deals_of`), on story_deals' index the same way."""
    rows = _party_rows(kind, deal)
    params: list = [*rows.params]
    only = ""
    if companies is not None:
        only = f"AND company IN ({placeholders(companies)})"
        params += companies
    counts = dict(_rows(conn, "company, n", f"SELECT company, count(*) AS n FROM {rows.table} "
                                            f"WHERE {rows.where()} {only} GROUP BY company", params))
    if not counts:
        return []
    names = list(counts)
    latest_ids = latest_story_ids(conn, names, headlines, kind=kind, deal=deal)
    wanted = list(dict.fromkeys(i for ids in latest_ids.values() for i, _ in ids))
    by_id = {s.id: s for s in headline_stories(conn, wanted)}
    weekly = weekly_counts(conn, names, weeks=weeks, now=now, kind=kind, deal=deal)
    read = _read_counts(conn, names, kind, scope_rows=sum(counts.values()), deal=deal)
    out = []
    for company in names:
        ids = latest_ids.get(company, [])
        stories = tuple(by_id[i] for i, _ in ids if i in by_id)  # newest first, as listed
        out.append(Pane(company, counts[company], ids[0][1] if ids else "",
                        weekly.get(company, (0,) * weeks), stories,
                        counts[company] - read.get(company, 0)))
    # Busiest first, then the latest story first, then by name (stable sorts, last key first).
    out.sort(key=lambda p: p.company)
    out.sort(key=lambda p: p.latest, reverse=True)
    out.sort(key=lambda p: p.count, reverse=True)
    return out


def latest_story_ids(conn: sqlite3.Connection, companies: list[str], limit: int, *,
                     kind: str = TIEUP, deal: str | None = None) -> dict[str, list[tuple[str, str]]]:
    """company -> [(story id, published)] of its `limit` latest stories, newest first: one
    statement, an index seek per company (a window function over every row is ten times slower)."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    if not companies or limit <= 0:
        return out
    source = _party_rows(kind, deal)
    rows = _rows(conn, "company, story_id, published",
                 "WITH c(company) AS (SELECT value FROM json_each(?)) "
                 f"SELECT sc.company, sc.story_id, sc.published FROM c JOIN {source.table} sc ON sc.rowid IN ("
                 f"  SELECT rowid FROM {source.table} WHERE {source.where()} AND company = c.company"
                 "  ORDER BY published DESC, story_id LIMIT ?)",  # ties by id, as the story lists break them
                 (json.dumps(companies), *source.params, limit))
    rows.sort(key=lambda r: r[1])  # newest first, then by id (stable sorts, last key first)
    rows.sort(key=lambda r: r[2], reverse=True)
    for company, story_id, published in rows:
        out[company].append((story_id, published))
    return out


def _rows(conn: sqlite3.Connection, columns: str, sql: str, params) -> list[list]:
    """The rows of `sql` (its `columns`, in no particular order) in one JSON array, read in one
    step. A step per row lets go of the GIL each time and waits to get it back: up to 5 ms each
    while the event loop draws (or, at start-up, while Textual is imported), which made a 30 ms
    query take 250 ms in a worker."""
    (found,) = conn.execute(f"SELECT json_group_array(json_array({columns})) FROM ({sql})", params).fetchone()
    return json.loads(found)


def headline_stories(conn: sqlite3.Connection, ids: list[str]) -> list[Story]:
    """Stories by id with only what a headline shows (`Story.headline`): a pane's stories are
    read for every company at once, and their summaries, feeds and alliances only when one is
    opened (`get_story`)."""
    if not ids:
        return []
    wanted = (json.dumps(ids),)
    rows = _rows(conn, "id, title, url, published, kind, deal_type, read, starred",
                 "SELECT * FROM stories WHERE id IN (SELECT value FROM json_each(?))", wanted)
    companies, pairs = defaultdict(list), defaultdict(list)
    for sid, company in sorted(_rows(conn, "story_id, company", "SELECT * FROM story_companies WHERE story_id IN "
                                                              "(SELECT value FROM json_each(?)) AND role = 'party'",
                                     wanted)):
        companies[sid].append(company)
    for sid, a, b, deal in sorted(_rows(conn, "story_id, company, partner, deal_type",
                                        "SELECT * FROM story_pairs WHERE story_id IN (SELECT value FROM json_each(?))",
                                        wanted), key=lambda r: r[:3]):
        pairs[sid].append(((a, b), deal))
    return [Story(id=sid, title=title, url=url, published=published, summary="", kind=kind, deal_type=deal,
                  sentence=None, spans=(), read=bool(read), starred=bool(starred),
                  companies=tuple(companies[sid]), headline=True, **pair_fields(pairs[sid]))
            for sid, title, url, published, kind, deal, read, starred in rows]


def weekly_counts(conn: sqlite3.Connection, companies: list[str], *, weeks: int = 12,
                  now: datetime | None = None, kind: str = TIEUP, deal: str | None = None
                  ) -> dict[str, tuple[int, ...]]:
    """company -> stories per week, oldest week first; week 0 is the seven days up to `now`.

    Counted by SQLite over the index's range of the last `weeks` weeks: the week boundaries are
    ISO strings, compared as the stored dates are (a story exactly on a boundary belongs to the
    newer week, as (now - published).days // 7 says)."""
    if not companies:
        return {}
    now = now or dates.utcnow()
    bounds = [dates.to_iso(now - timedelta(weeks=k)) for k in range(weeks + 1)]
    # ?1 companies, ?2.. the bounds (bounds[0] is now, bounds[k] the start of week k-1), then
    # the kind (and deal).
    case = " ".join(f"WHEN published > ?{k + 3} THEN {k}" for k in range(weeks - 1))
    source = _party_rows(kind, deal)
    rows = _rows(
        conn, "company, age, n",
        f"SELECT company, CASE {case} ELSE {weeks - 1} END AS age, count(*) AS n FROM {source.table} "
        f"WHERE company IN (SELECT value FROM json_each(?1)) AND published > ?{weeks + 2} "
        f"AND published <= ?2 AND {source.where()} GROUP BY company, age",  # its ? come after ?{weeks + 2}
        (json.dumps(companies), *bounds, *source.params))
    out: dict[str, list[int]] = {c: [0] * weeks for c in companies}
    for company, age, n in rows:
        out[company][weeks - 1 - age] = n
    return {c: tuple(v) for c, v in out.items()}


def matrix(conn: sqlite3.Connection, companies: tuple[str, ...] | None = None, *, deal: str | None = None
           ) -> dict[tuple[str, str], int]:
    """(oem, tech) -> number of tie-up stories (in which that pair's own deal is `deal`, if given)."""
    rows = conn.execute(
        "SELECT company, partner, count(*) FROM story_pairs WHERE kind = ? "
        f"{'AND deal_type = ?' if deal else ''} GROUP BY company, partner", (TIEUP, deal) if deal else (TIEUP,))
    keep = set(companies) if companies is not None else None
    return {(a, b): n for a, b, n in rows if keep is None or a in keep or b in keep}


def _read_counts(conn: sqlite3.Connection, companies: list[str], kind: str, *,
                 scope_rows: int | None = None, deal: str | None = None) -> dict[str, int]:
    """company -> its read stories of `kind`, for unread counts as totals minus these.

    Whichever side is smaller drives: usually the read stories (a partial index holds just
    them), or the companies' own rows when the scope is smaller still (one alliance)."""
    if not companies:
        return {}
    read = _read_total(conn, kind)
    if not read:
        return {}
    wanted = set(companies)
    source = _party_rows(kind, deal)
    if scope_rows is not None and scope_rows < read:
        rows = conn.execute(
            f"SELECT sc.company, count(*) FROM {source.table} sc CROSS JOIN stories s ON s.id = sc.story_id "
            f"WHERE {source.where('sc')} AND sc.company IN (SELECT value FROM json_each(?)) "
            "AND s.read = 1 GROUP BY sc.company", (*source.params, json.dumps(companies)))
    else:  # every company's read stories; a filter on the company here would cost a seek per name
        rows = conn.execute(
            f"SELECT sc.company, count(*) FROM stories s CROSS JOIN {source.table} sc ON sc.story_id = s.id "
            f"WHERE s.kind = ? AND s.read = 1 AND {source.where('sc')} GROUP BY sc.company",
            (kind, *source.params))
    return {c: n for c, n in rows if c in wanted}


def _read_total(conn: sqlite3.Connection, kind: str) -> int:
    """How many stories of `kind` are read: few, counted on the partial index of read stories."""
    return conn.execute("SELECT count(*) FROM stories WHERE kind = ? AND read = 1", (kind,)).fetchone()[0]


def totals(conn: sqlite3.Connection, companies: tuple[str, ...] | None = None, *,
           kind: str = TIEUP, deal: str | None = None) -> tuple[int, int]:
    """(stories, unread stories) of `kind` in which any of `companies` (None: anyone) takes part,
    with `deal` as its own deal type if one is given (as `panes` counts them)."""
    read = _read_total(conn, kind)
    if companies is None and deal is None:
        stories = conn.execute("SELECT count(*) FROM stories WHERE kind = ?", (kind,)).fetchone()[0]
        return stories, stories - read
    source = _party_rows(kind, deal)
    only, params = "", list(source.params)
    if companies is not None:
        only = "AND {a}company IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(list(companies)))
    ids = f"SELECT story_id FROM {source.table} WHERE {source.where()} {only.format(a='')}"
    stories = conn.execute(f"SELECT count(DISTINCT story_id) FROM ({ids})", params).fetchone()[0]
    if read and stories:
        if stories < read:  # the scope's stories, by id
            read = conn.execute(f"SELECT count(*) FROM stories WHERE id IN ({ids}) AND read = 1",
                                params).fetchone()[0]
        else:  # the read stories, each looked up among the scope's
            read = conn.execute(
                f"SELECT count(*) FROM stories s WHERE s.kind = ? AND s.read = 1 AND EXISTS ("
                f"SELECT 1 FROM {source.table} sc WHERE sc.story_id = s.id AND {source.where('sc')} "
                f"{only.format(a='+sc.')})", (kind, *params)).fetchone()[0]
    return stories, stories - (read if stories else 0)


@dataclass(frozen=True)
class _PartyRows:
    """Where a company's stories are counted: story_companies' parties, or, for one deal type,
    story_deals (a party's own deals); both carry the kind and date, indexed by company."""

    table: str
    condition: str  # {a}: the table's alias and a dot, or nothing
    params: tuple

    def where(self, alias: str = "") -> str:
        return self.condition.format(a=f"{alias}." if alias else "")


def _party_rows(kind: str, deal: str | None) -> _PartyRows:
    if deal is None:
        return _PartyRows("story_companies", "{a}kind = ? AND {a}role = 'party'", (kind,))
    return _PartyRows("story_deals", "{a}kind = ? AND {a}deal = ?", (kind, deal))
