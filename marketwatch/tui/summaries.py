"""What the dashboard's notifications say about new tie-ups, as plain text (never markup)."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
