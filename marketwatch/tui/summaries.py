"""What the dashboard's notifications say about new tie-ups and an edited config, as plain text
(never markup)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from marketwatch.config import Config
from marketwatch.queries import Story
from marketwatch.tui import render

if TYPE_CHECKING:
    from marketwatch.refresh import RefreshReport


def tieup_lines(count: int, stories: list[Story]) -> list[str]:
    """'2 new tie-ups:', then '• Toyota – Pony.ai: Toyota and Pony.ai form …' for each shown."""
    lines = [f"{render.plural(count, 'new tie-up')}:"]
    for story in stories:
        lines.append(f"• {render.plain(story.parties)}: {render.plain(story.title)[:80]}")
    if count > len(stories):
        lines.append(f"… and {count - len(stories)} more")
    return lines


def refresh_summary(report: RefreshReport, tieups: list[Story]) -> str:
    """After the dashboard's own refresh: its new tie-ups, or how much it checked, and failures."""
    if report.new_tieups:
        lines = tieup_lines(len(report.new_tieups), tieups)
    else:
        lines = [f"No new tie-ups ({render.plural(len(report.feeds), 'feed')} checked, "
                 f"{render.plural(report.new_stories, 'new story', 'new stories')})."]
    if report.failed:
        lines.append(f"{render.plural(len(report.failed), 'feed')} failed (press f).")
    return "\n".join(lines)


def config_changes(old: Config, new: Config) -> list[str]:
    """What an edit of the config changes for the user, a line each: feeds by URL, then the
    watchlists' contents. Companies come with a reminder, since what is stored was matched
    with the old names."""
    lines = []
    old_feeds = {feed.url: feed.name for feed in old.feeds}
    new_feeds = {feed.url: feed.name for feed in new.feeds}
    added = [url for url in new_feeds if url not in old_feeds]
    removed = [url for url in old_feeds if url not in new_feeds]
    renamed = [url for url in new_feeds if url in old_feeds and new_feeds[url] != old_feeds[url]]
    feeds = [f"{len(urls)} {what}" for urls, what in ((added, "added"), (removed, "removed"), (renamed, "renamed"))
             if urls]
    if feeds:
        lines.append(f"Feeds: {', '.join(feeds)} ({len(new.feeds)} in all).")
    if new.companies != old.companies:
        lines.append(f"Companies changed ({len(new.companies)} in all): stories already stored keep "
                     "their matches until `marketwatch rematch`.")
    for what, before, after in (("Alliances", old.alliances, new.alliances),
                                ("Watchlists", old.watchlists, new.watchlists)):
        if before != after:
            lines.append(f"{what} changed ({len(after)} in all).")
    if new.notify != old.notify:
        lines.append("Notifications changed.")
    if dataclasses.replace(new.settings, db=old.settings.db) != old.settings:
        lines.append("Settings changed: the next refresh uses them.")
    return lines
