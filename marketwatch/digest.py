"""A Markdown digest of new tie-up stories, grouped by company or by alliance, for a weekly mail.

"New" means not included in an earlier digest of the same selection: each story in a digest is
remembered as sent (Store.mark_digested), unless the caller asks not to. A narrowed digest (one
watchlist's, one deal type's) has marks of its own, so that the Robotaxi team's Monday mail does
not take the news from the digest of everything. An empty digest is empty text, so that cron,
which mails whatever a job prints, sends nothing when nothing happened.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime

from marketwatch import dates
from marketwatch.config import Config
from marketwatch.dealtypes import readable
from marketwatch.export import iter_stories, md_escape, md_story
from marketwatch.queries import TIEUP, StoryFilter
from marketwatch.scope import Scope
from marketwatch.search import parse_search
from marketwatch.story import Story
from marketwatch.wording import plural

GROUPS = ("company", "alliance")
NO_ALLIANCE = "Outside any alliance"


@dataclass(frozen=True)
class Digest:
    stories: tuple[Story, ...]
    groups: tuple[tuple[str, tuple[Story, ...]], ...]  # (heading, stories), busiest first
    group_by: str
    text: str

    @property
    def ids(self) -> list[str]:
        return [s.id for s in self.stories]


@dataclass(frozen=True)
class Selection:
    """What a digest is narrowed to. Its `key` names its marks in the database, so it is built
    from the config's spelling of names (`--watchlist robotaxi` is the Robotaxi digest) and the
    deal types in a fixed order, and the words searched for in any case; "" is the digest of
    everything."""

    scope: Scope
    deals: tuple[str, ...] = ()
    search: str | None = None

    @property
    def parts(self) -> list[tuple[str, str]]:
        parts = [(self.scope.kind, self.scope.name)] if self.scope.kind and self.scope.name else []
        if self.deals:
            parts.append(("deal", " or ".join(sorted(set(self.deals)))))
        # The search as it is read: `--search "Waymo,  robotaxi"` is `--search "waymo robotaxi"`
        # (one scope of marks), and text of punctuation alone, which finds nothing, names none.
        searched = parse_search(self.search or "").text
        if searched:
            parts.append(("search", searched))
        return parts

    @property
    def key(self) -> str:
        return "; ".join(f"{kind}={value.casefold() if kind == 'search' else value}" for kind, value in self.parts)

    @property
    def label(self) -> str:
        """For the digest's title: "watchlist China tie-ups, deal MoU or stake", the deal types
        as the digest's lines write them."""
        deals = " or ".join(map(readable, sorted(set(self.deals))))
        return ", ".join(f"{kind} {deals if kind == 'deal' else value}" for kind, value in self.parts)

    def sections(self, group_by: str) -> frozenset[str] | None:
        """The sections a narrowed digest keeps: its own companies' (the Waymo digest is not
        also Alphabet's and every partner's), or its alliance's; None keeps every section."""
        if self.scope.companies is None:
            return None
        if group_by == "company":
            return frozenset(self.scope.companies)
        return frozenset({self.scope.name}) if self.scope.kind == "alliance" else None


def collect(conn: sqlite3.Connection, flt: StoryFilter, *, include_digested: bool = False,
            scope: str = "") -> list[Story]:
    """Tie-up stories for a digest, newest first: `flt` narrows them (date, companies), and
    only those not in an earlier digest of `scope` (a Selection's key) are new."""
    flt = replace(flt, kinds=(TIEUP,), undigested=not include_digested, digest_scope=scope)
    return list(iter_stories(conn, flt))


def group(stories: list[Story], config: Config, group_by: str = "company") -> list[tuple[str, list[Story]]]:
    """A story appears under each company that takes part in it (so a Toyota–Pony.ai tie-up is
    under both), or under each alliance one of whose members takes part."""
    if group_by not in GROUPS:
        raise ValueError(group_by)
    buckets: dict[str, list[Story]] = defaultdict(list)
    for story in stories:
        if group_by == "company":
            keys = list(story.companies)
        else:
            keys = list(story.alliances)
            for company in story.companies:
                keys += [a for a in config.alliances_of(company) if a not in keys]
            keys = keys or [NO_ALLIANCE]
        for key in keys:
            buckets[key].append(story)
    order = sorted(buckets, key=lambda k: (k == NO_ALLIANCE, -len(buckets[k]), k.casefold()))
    return [(key, buckets[key]) for key in order]


def build(stories: list[Story], config: Config, *, group_by: str = "company",
          since: datetime | None = None, label: str = "", sections: frozenset[str] | None = None,
          only_new: bool = True) -> Digest:
    """`label`: what the digest is narrowed to, for its title (Selection.label); `sections`:
    the only sections it has (Selection.sections), when given; `only_new`: whether the stories
    are those of no earlier digest, as the title says ("44 new tie-up stories"), or may include
    them (`digest --all`, a look back: "44 tie-up stories")."""
    groups = [(key, members) for key, members in group(stories, config, group_by)
              if sections is None or key in sections]
    if not stories:
        return Digest((), (), group_by, "")
    first, last = dates.local_day(stories[-1].published), dates.local_day(stories[0].published)
    span = first if first == last else f"{first} to {last}"
    counted = plural(len(stories), "new tie-up story" if only_new else "tie-up story",
                     "new tie-up stories" if only_new else "tie-up stories")
    of = f" ({md_escape(label)})" if label else ""
    lines = [f"# marketwatch digest{of}: {counted} ({span})", ""]
    if since is not None:
        lines += [f"Published since {since:%Y-%m-%d %H:%M} UTC.", ""]
    for heading, members in groups:
        section = heading
        if group_by == "company" and heading in config.companies:
            section = f"{heading} ({config.companies[heading].kind_label})"
        lines += [f"## {md_escape(section)}: {len(members)}", ""]
        under = {"partners_of": heading, "units": config.units_of(heading)} if group_by == "company" else {}
        for story in members:
            lines += md_story(story, **under)
        lines.append("")
    text = "\n".join(lines).rstrip("\n") + "\n"
    return Digest(tuple(stories), tuple((h, tuple(m)) for h, m in groups), group_by, text)
