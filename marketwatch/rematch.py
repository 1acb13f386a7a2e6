"""Re-run matching over stored entries after the watchlist changed.

Entries that matched nothing are stored too (for `settings.retention_days`), so a company added
to the config finds its recent history here. Most entries match nothing before and after: they
are matched again but not rewritten, which keeps a rematch of a large database short.
"""

from __future__ import annotations

from marketwatch import dates
from marketwatch.config import Config
from marketwatch.match import Matcher
from marketwatch.store import Store


def rematch_store(config: Config, store: Store) -> dict:
    matcher = Matcher(config)
    before = store.conn.execute("SELECT count(*) FROM stories WHERE kind = 'oem-tech'").fetchone()[0]
    rows = store.all_texts()
    results = []
    for story_id, title, summary, kind in rows:
        found = matcher.match(title, summary or "")
        if found.kind is None and kind is None:
            continue  # nothing was recorded and nothing is found: no write needed
        results.append((story_id, found))
    store.rematch(results, dates.utcnow())
    after = store.conn.execute("SELECT count(*) FROM stories WHERE kind = 'oem-tech'").fetchone()[0]
    return {"entries": len(rows), "tieups": after, "tieups_before": before, "rewritten": len(results)}
