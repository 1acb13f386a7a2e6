"""What the dashboard's notifications say about new tie-ups and an edited config, as plain text
(never markup)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from marketwatch.config import Config
from marketwatch.story import Story
from marketwatch.tui import render

if TYPE_CHECKING:
    from marketwatch.refresh import RefreshReport


def tieup_lines(count: int, stories: list[Story], lead: tuple[str, ...] = ()) -> list[str]:
    """'2 new tie-ups:', then '• Toyota – Pony.ai: Toyota and Pony.ai form …' for each shown:
    the pair a story list names first (of the filter's companies, `lead`), and how many more,
    as the lists do. Every pair, in alphabetical order, announced the Renault-Nissan-Mitsubishi
    Alliance's MoU with Didi as 'BMW – Alibaba, Ford – Alibaba, Mitsubishi – Didi, Nissan –
    Didi, Renault – Didi, Volvo Cars – Alibaba: Renault-Nissan-Mitsubishi Alliance signs MoU
    with Didi to create EV sharing plat'."""
    lines = [f"{render.plural(count, 'new tie-up')}:"]
    for story in stories:
        if story.pairs:
            who = " – ".join(render.first_pair(story, lead))
            if len(story.pairs) > 1:
                who += f" +{len(story.pairs) - 1}"
        else:
            who = ", ".join(story.companies[:3])
        lines.append(f"• {render.plain(who)}: {render.cut(story.title, 80)}")
    if count > len(stories):
        lines.append(f"… and {count - len(stories)} more")
    return lines


def refresh_summary(report: RefreshReport, tieups: list[Story], lead: tuple[str, ...] = (),
                    on_feeds: bool = False) -> str:
    """After the dashboard's own refresh: its new tie-ups, or how much it fetched, and failures.
    A refresh whose every feed failed checked nothing, and says so; `on_feeds`: the feed screen
    is open, so "press f" would send the user where they are."""
    failed = f"{render.plural(len(report.failed), 'feed')} failed" + ("" if on_feeds else " (press f)")
    fetched = len(report.feeds) - len(report.failed)
    if report.new_tieups:
        lines = tieup_lines(len(report.new_tieups), tieups, lead)
    elif report.failed and not fetched:
        return f"No feed could be fetched: {failed}."
    else:
        checked = f"{fetched} of {len(report.feeds)} feeds fetched" if report.failed else (
            f"{render.plural(len(report.feeds), 'feed')} checked")
        lines = [f"No new tie-ups ({checked}, {render.plural(report.new_stories, 'new story', 'new stories')})."]
    if report.failed:
        lines.append(f"{failed}.")
    return "\n".join(lines)


def config_changes(old: Config, new: Config) -> list[str]:
    """What an edit of the config changes for the user, a line each, naming what was added,
    taken out or changed. Companies come with a reminder, since what is stored was matched with
    the old names."""
    lines = []
    feeds = _changes({f.url: f.name or f.url for f in old.feeds}, {f.url: f.name or f.url for f in new.feeds},
                     label=lambda url, name: name)
    if feeds:
        lines.append(f"Feeds: {feeds} ({len(new.feeds)} in all).")
    companies = _changes(old.companies, new.companies)
    if companies:
        lines.append(f"Companies: {companies}. Stories already stored keep their matches until "
                     "you run: marketwatch rematch")
    alliances = _changes(old.alliances, new.alliances,
                         changed=lambda a, b: _members(a.members, b.members) or "its aliases")
    if alliances:
        lines.append(f"Alliances: {alliances}.")
    watchlists = _changes(old.watchlists, new.watchlists, changed=_members)
    if watchlists:
        lines.append(f"Watchlists: {watchlists}.")
    if new.notify != old.notify:
        lines.append("Notifications changed.")
    if dataclasses.replace(new.settings, db=old.settings.db) != old.settings:
        lines.append(_settings_changed(old.settings, new.settings))
    return lines


def _settings_changed(old, new) -> str:
    """Which settings, and what auto_refresh now means: "Settings changed: auto_refresh
    (automatic refresh off), timeout." (it said "the next refresh uses them" of a refresh now off)."""
    names = [f.name for f in dataclasses.fields(new) if f.name != "db" and getattr(new, f.name) != getattr(old, f.name)]
    said = []
    for name in names:
        if name == "auto_refresh":
            name += (f" (automatic refresh every {new.auto_refresh} min)" if new.auto_refresh
                     else " (automatic refresh off)")
        said.append(name)
    return f"Settings changed: {', '.join(said)}; the next refresh uses them."


def _changes(old: dict, new: dict, *, label=lambda key, value: key, changed=None) -> str:
    """'added X; removed Y; changed Z (+ A, − B)' between two dicts by key, or ''."""
    added = [label(k, v) for k, v in new.items() if k not in old]
    removed = [label(k, v) for k, v in old.items() if k not in new]
    edits = []
    for key, value in new.items():
        if key in old and old[key] != value:
            how = changed(old[key], value) if changed else ""
            edits.append(f"{label(key, value)} ({how})" if how else label(key, value))
    parts = [f"{what} {_listed(names)}" for names, what in ((added, "added"), (removed, "removed"),
                                                             (edits, "changed")) if names]
    return "; ".join(parts)


def _members(old: tuple[str, ...], new: tuple[str, ...]) -> str:
    joined = [f"+ {name}" for name in new if name not in old] + [f"− {name}" for name in old if name not in new]
    return ", ".join(joined)


def _listed(names: list[str], most: int = 3) -> str:
    names = [render.plain(name) for name in names]
    if len(names) <= most:
        return ", ".join(names)
    return f"{', '.join(names[:most])} and {len(names) - most} more"
