"""Re-run matching over stored entries after the watchlist changed."""

from __future__ import annotations

from marketwatch import dates
from marketwatch.config import Config
from marketwatch.match import Matcher
from marketwatch.store import Store


def rematch_store(config: Config, store: Store) -> dict:
    matcher = Matcher(config)
    before = store.conn.execute("SELECT count(*) FROM stories WHERE kind = 'oem-tech'").fetchone()[0]
    texts = list(store.all_texts())
    results = [(sid, matcher.match(title, summary)) for sid, title, summary in texts]
    store.rematch(results, dates.utcnow())
    after = store.conn.execute("SELECT count(*) FROM stories WHERE kind = 'oem-tech'").fetchone()[0]
    return {"entries": len(texts), "tieups": after, "tieups_before": before}
