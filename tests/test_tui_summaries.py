"""What the dashboard's notifications say about new tie-ups (marketwatch/tui/summaries.py)."""

from __future__ import annotations

from marketwatch.story import Story
from marketwatch.tui.summaries import tieup_lines

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
