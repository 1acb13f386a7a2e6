"""Store scenarios: ingest 100,000 stories, then time every dashboard query on that database.

The stories are the synthetic generator's, matched by the real Matcher before the clock starts,
and written the way a refresh writes them when its database thread has a backlog (a first
refresh of many feeds): `save_feeds` transactions of up to 64 feeds (refresh.WRITE_BATCH_FEEDS),
each feed of 50 entries.
The database is the one a long-running install reaches: entries that matched nothing are pruned
after 90 days while tie-ups stay, so a quarter of the 100,000 stories are tie-ups, spread over
three years.
"""

from __future__ import annotations

import random
import time
import tomllib
from datetime import timedelta
from pathlib import Path

from common import Row, fmt_ms, fmt_s
from synth import NOW, StoryMaker

INGEST_TARGET_S = 10.0
QUERY_TARGET_S = 0.050
FEED_SIZE = 50


def make_config(companies_text: str, db: Path):
    from marketwatch.config import parse_config

    data = tomllib.loads(f'[settings]\ndb = "{db}"\n\n{companies_text}')
    return parse_config(data, None)


def prepare(config, names, n: int, seed: int = 5):
    """Feeds and (entry, match) items for `n` stories, plus how long matching them took."""
    from marketwatch.config import Feed
    from marketwatch.match import Matcher
    from marketwatch.models import Entry
    from marketwatch.parse import story_id

    maker = StoryMaker(names, tieup_rate=0.25, company_rate=0.40, seed=seed)
    rng = random.Random(seed)
    matcher = Matcher(config)
    feeds = [Feed(f"http://127.0.0.1/feed/{i}.xml", f"feed {i}") for i in range(max(1, n // FEED_SIZE))]
    batches: list[list] = [[] for _ in feeds]
    match_time = 0.0
    for i in range(n):
        feed = feeds[i % len(feeds)]
        story = maker.story(f"news{i % len(feeds)}.example.com")
        published = NOW - timedelta(minutes=rng.randint(5, 60 * 24 * 365 * 3))
        entry = Entry(story_id(feed.url, story.guid, story.link, story.title), story.guid, story.link,
                      story.title, story.summary, published, "feed")
        start = time.perf_counter()
        match = matcher.match(entry.title, entry.summary)
        match_time += time.perf_counter() - start
        batches[i % len(feeds)].append((entry, match))
    return feeds, batches, match_time


def ingest(db: Path, feeds, batches) -> tuple[float, int]:
    from marketwatch.models import FetchResult
    from marketwatch.refresh import WRITE_BATCH_FEEDS
    from marketwatch.store import FeedUpdate, Store

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    store = Store(db)
    ids = store.sync_feeds(feeds)
    updates = [FeedUpdate(ids[feed.url], FetchResult(feed.url, "ok", 200, etag='"x"', content_hash=f"h{ids[feed.url]}"),
                          tuple(items), feed.name) for feed, items in zip(feeds, batches, strict=True)]
    new = 0
    for i in range(0, len(updates), WRITE_BATCH_FEEDS):
        new += sum(report.new for report in store.save_feeds(updates[i:i + WRITE_BATCH_FEEDS], NOW))
    store.close()
    return time.perf_counter() - start, new


def queries(config, db: Path, repeat: int = 5) -> list[tuple[str, list[float]]]:
    """Every query the dashboard runs, each timed `repeat` times on one connection (the first
    run is the one right after opening the database)."""
    from marketwatch import overview as o
    from marketwatch import queries as q
    from marketwatch.store import Store

    store = Store(db, create=False)
    conn = store.conn
    counts = o.panes(conn)
    busiest = counts[0].company if counts else next(iter(config.companies))
    alliance = next(iter(config.alliances.values()), None)
    members = alliance.members if alliance else tuple(list(config.companies)[:5])
    some_id = conn.execute("SELECT id FROM stories WHERE kind = 'oem-tech' ORDER BY published DESC LIMIT 1"
                           ).fetchone()[0]
    oem, tech = (conn.execute("SELECT company, partner FROM story_pairs GROUP BY 1, 2 ORDER BY count(*) DESC "
                              "LIMIT 1").fetchone() or (busiest, busiest))
    store.close()

    cases = [
        ("panes (all companies)", lambda c: o.panes(c)),
        ("panes, alliance filter", lambda c: o.panes(c, tuple(members))),
        ("panes, deal filter (partnerships)", lambda c: o.panes(c, deal="partnership")),
        ("panes, alliance and deal filter", lambda c: o.panes(c, tuple(members), deal="joint-venture")),
        ("totals, deal filter", lambda c: o.totals(c, deal="partnership")),
        ("totals for the top bar", lambda c: o.totals(c)),
        ("totals, alliance filter", lambda c: o.totals(c, tuple(members))),
        ("list_stories (tie-ups, newest 50)", lambda c: q.list_stories(c, q.StoryFilter())),
        ("list_stories, alliance filter", lambda c: q.list_stories(c, q.StoryFilter(companies=tuple(members)))),
        ("list_stories, search 'robotaxis'", lambda c: q.list_stories(c, q.StoryFilter(search="robotaxis"))),
        ("list_stories, search company, all kinds",
         lambda c: q.list_stories(c, q.StoryFilter(search=busiest, kinds=("oem-tech", "oem-oem", "tech-tech")))),
        ("count_stories, search", lambda c: q.count_stories(c, q.StoryFilter(search="robotaxis"))),
        ("list_stories, search 'ro' as typed, all kinds",
         lambda c: q.list_stories(c, q.StoryFilter(search="ro", kinds=q.KINDS, limit=100))),
        ("count_stories, search 'ro', all kinds",
         lambda c: q.count_stories(c, q.StoryFilter(search="ro", kinds=q.KINDS))),
        # Chinese text is looked for anywhere (LIKE, every story read): the slowest search there is
        ("list_stories, search Chinese text, all kinds",
         lambda c: q.list_stories(c, q.StoryFilter(search="英伟达", kinds=q.KINDS, limit=100))),
        ("count_stories, search Chinese text, all kinds",
         lambda c: q.count_stories(c, q.StoryFilter(search="英伟达", kinds=q.KINDS))),
        ("list_stories, one company (50)", lambda c: q.list_stories(c, q.StoryFilter(companies=(busiest,)))),
        ("list_stories, one company, page 10",
         lambda c: q.list_stories(c, q.StoryFilter(companies=(busiest,), offset=450))),
        ("count_stories, one company (its list's count)", lambda c: q.count_stories(c, q.StoryFilter((busiest,)))),
        ("count_stories, alliance filter", lambda c: q.count_stories(c, q.StoryFilter(tuple(members)))),
        ("list_stories, deal filter (partnerships)",
         lambda c: q.list_stories(c, q.StoryFilter(deals=("partnership",)))),
        ("count_stories, deal filter (partnerships)",
         lambda c: q.count_stories(c, q.StoryFilter(deals=("partnership",)))),
        ("list_stories, one company's stakes, page 5",
         lambda c: q.list_stories(c, q.StoryFilter((busiest,), deals=("stake",), offset=200))),
        ("count_stories, one company's stakes",
         lambda c: q.count_stories(c, q.StoryFilter((busiest,), deals=("stake",)))),
        ("pair stories (matrix cell)", lambda c: q.list_stories(c, q.StoryFilter(pair=(oem, tech)))),
        ("get_story (open a story)", lambda c: q.get_story(c, some_id)),
        ("matrix", lambda c: o.matrix(c)),
        ("matrix, alliance filter", lambda c: o.matrix(c, tuple(members))),
        ("matrix, deal filter", lambda c: o.matrix(c, deal="partnership")),
        ("weekly_counts (all companies)", lambda c: o.weekly_counts(c, [p.company for p in counts])),
        ("feed_health (2,000 feeds)", lambda c: q.feed_health(c)),
    ]
    out = []
    for name, fn in cases:
        store = Store(db, create=False)
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            fn(store.conn)
            times.append(time.perf_counter() - start)
        store.close()
        out.append((name, times))
    return out


def run(ctx) -> list[Row]:
    n = 20_000 if ctx.quick else 100_000
    db = ctx.work / "store100k.db"
    config = make_config(ctx.companies_text, db)
    feeds, batches, match_time = prepare(config, ctx.names, n)
    seconds, new = ingest(db, feeds, batches)
    projected = seconds * 100_000 / n
    rows = [Row(
        f"store ingest: {n:,} stories ({len(feeds):,} feeds x {FEED_SIZE})",
        f"100k < {INGEST_TARGET_S:.0f} s",
        fmt_s(seconds) + (f" (100k: ~{projected:.1f} s)" if n != 100_000 else "") + f", {n / seconds:,.0f}/s",
        "",
        Row.check(projected < INGEST_TARGET_S),
        f"{new:,} new stories stored; transactions of 64 feeds, as a refresh with a backlog writes",
        {"seconds": seconds, "stories": n, "per_s": n / seconds},
    )]
    ctx.store_db = db
    ctx.store_config = config
    results = queries(config, db)
    worst = max(max(t) for _, t in results)
    for name, times in results:
        rows.append(Row(
            f"query ({n // 1000}k): {name}",
            f"< {QUERY_TARGET_S * 1000:.0f} ms",
            f"{fmt_ms(sorted(times)[len(times) // 2])} (first {fmt_ms(times[0])}, max {fmt_ms(max(times))})",
            "",
            Row.check(max(times) < QUERY_TARGET_S),
            "",
            {"median_s": sorted(times)[len(times) // 2], "max_s": max(times), "first_s": times[0]},
        ))
    ctx.log(f"store: ingest {seconds:.2f} s, matching the stories took {match_time:.2f} s (not counted), "
            f"slowest query {worst * 1000:.1f} ms")
    return rows
