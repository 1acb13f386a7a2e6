"""What the dashboard's notifications say about new tie-ups (marketwatch/tui/summaries.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from marketwatch.refresh import FeedOutcome, RefreshReport
from marketwatch.story import Story
from marketwatch.tui.summaries import refresh_summary, tieup_lines

RNM_DIDI = Story(
    id="x", title="Renault-Nissan-Mitsubishi Alliance signs MoU with Didi to create EV sharing platform in China",
    url=None, published="2026-11-15T21:10:00Z", summary="", kind="oem-tech", deal_type="mou", sentence=None,
    spans=(), read=False, starred=False,
    companies=("Alibaba", "BMW", "Didi", "Ford", "Mitsubishi", "Nissan", "Renault", "Volvo Cars"),
    pairs=(("BMW", "Alibaba"), ("Ford", "Alibaba"), ("Mitsubishi", "Didi"), ("Nissan", "Didi"),
           ("Renault", "Didi"), ("Volvo Cars", "Alibaba")),
    pair_deals=("partnership", "partnership", "mou", "mou", "mou", "partnership"))


def test_a_new_tieup_is_announced_by_its_own_pair_as_the_lists_name_it():
    """Every pair, alphabetically, led with BMW – Alibaba (a partnership the story recalls in
    passing), and the headline was cut at 80 characters mid-word with nothing to say so."""
    lines = tieup_lines(3, [RNM_DIDI])
    assert lines == ["3 new tie-ups:",
                     "• Mitsubishi – Didi +5: Renault-Nissan-Mitsubishi Alliance signs MoU with Didi to "
                     "create EV sharing pla…",
                     "… and 2 more"]
    # With a filter on, its companies' pair first, as in their story lists.
    assert tieup_lines(1, [RNM_DIDI], ("Volvo Cars", "Polestar"))[1].startswith("• Volvo Cars – Alibaba +5: ")


def _report(ok: int, failed: int, new: int = 0) -> RefreshReport:
    feeds = [FeedOutcome(f"http://127.0.0.1/{i}.xml", f"feed{i}", "ok", 200, new=new if i == 0 else 0)
             for i in range(ok)]
    feeds += [FeedOutcome(f"http://127.0.0.1/x{i}.xml", f"down{i}", "error", None, "connection refused")
              for i in range(failed)]
    return RefreshReport(started=datetime(2026, 12, 4, tzinfo=UTC), feeds=feeds)


def test_a_refresh_whose_feeds_all_failed_does_not_say_it_checked_them():
    """"No new tie-ups (5 feeds checked, 0 new stories). 5 feeds failed" with the server down."""
    assert refresh_summary(_report(0, 5), []) == "No feed could be fetched: 5 feeds failed (press f)."
    assert refresh_summary(_report(3, 2, new=4), []) == (
        "No new tie-ups (3 of 5 feeds fetched, 4 new stories).\n2 feeds failed (press f).")
    assert refresh_summary(_report(5, 0), []) == "No new tie-ups (5 feeds checked, 0 new stories)."
    # on the feed screen, "press f" would send the user where they are
    assert refresh_summary(_report(0, 1), [], on_feeds=True) == "No feed could be fetched: 1 feed failed."


def test_a_settings_edit_says_which_and_what_auto_refresh_now_does(make_config):
    """"Settings changed: the next refresh uses them." for auto_refresh = 0, where no refresh
    would come by itself any more."""
    from dataclasses import replace

    from marketwatch.config import load_config
    from marketwatch.tui.summaries import config_changes

    loaded = load_config(make_config([]))
    old = replace(loaded, settings=replace(loaded.settings, auto_refresh=60, timeout=20.0))
    off = replace(old, settings=replace(old.settings, auto_refresh=0, timeout=5.0))
    assert config_changes(old, off) == [
        "Settings changed: timeout, auto_refresh (automatic refresh off); the next refresh uses them."]
    every = replace(old, settings=replace(old.settings, auto_refresh=15))
    assert config_changes(off, every)[-1].startswith("Settings changed: timeout, auto_refresh (automatic refresh "
                                                     "every 15 min)")
