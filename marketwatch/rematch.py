"""Re-run matching over stored entries after the watchlist changed.

Entries that matched nothing are stored too (for `settings.retention_days`), so a company added
to the config finds its recent history here. Most entries match nothing before and after: they
are matched again but not rewritten, which keeps a rematch of a large database short.

A rematch is planned before it is written, because it can destroy: a story it takes out of the
tie-ups is, once older than the retention period, deleted by the next refresh for good. So a
config caught half-saved, with most of its companies gone, must be noticed before the write.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from marketwatch import dates
from marketwatch.config import Config
from marketwatch.match import Matcher
from marketwatch.models import Match
from marketwatch.queries import TIEUP
from marketwatch.store import Store

SHARP_DROP_MIN = 10  # stories: fewer than this taken out is never "sharp", whatever the share


@dataclass(frozen=True)
class Plan:
    entries: int
    before: int  # tie-up stories now
    after: int  # tie-up stories once written
    lost: int  # tie-up stories it takes out of the tie-ups (some may be gained as well)
    results: tuple[tuple[str, Match], ...]  # the entries to rewrite
    units: Callable[[str], frozenset[str]] | None = None  # the config's `units_of`, for own deals

    @property
    def sharp_drop(self) -> bool:
        """Half the tie-ups or more taken out: a config that lost companies, most likely."""
        return self.lost >= max(SHARP_DROP_MIN, (self.before + 1) // 2)


def plan_rematch(config: Config, store: Store) -> Plan:
    matcher = Matcher(config)
    rows = store.all_texts()
    results = []
    before = after = lost = 0
    now = dates.utcnow()
    for story_id, title, summary, kind, published in rows:
        try:
            found = matcher.match(title, summary or "", dates.published_year(published, now))
        except Exception:  # a rule's bug for one story: it keeps what is stored, the rest go on
            continue
        before += kind == TIEUP
        after += found.kind == TIEUP
        lost += kind == TIEUP and found.kind != TIEUP
        if found.kind is None and kind is None:
            continue  # nothing was recorded and nothing is found: no write needed
        results.append((story_id, found))
    return Plan(len(rows), before, after, lost, tuple(results), functools.cache(config.units_of))


def apply_plan(store: Store, plan: Plan) -> dict:
    """Write the plan; "tieups_before" and "taken_out" are the plan's, from the same reading."""
    store.rematch(plan.results, dates.utcnow(), plan.units)
    return {"entries": plan.entries, "tieups": _tieups(store), "tieups_before": plan.before,
            "rewritten": len(plan.results), "taken_out": plan.lost}


def _tieups(store: Store) -> int:
    return store.conn.execute("SELECT count(*) FROM stories WHERE kind = ?", (TIEUP,)).fetchone()[0]
