"""Market reports (marketwatch.markets), as the matcher's results show it: names that stand
for their shares are no parties, unless the move comes with a reason that may be the deal."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("summary", [
    "Nvidia shares gained after it agreed to invest up to $100 billion in OpenAI, while shares of carmakers "
    "Ford and General Motors fell.",
    "Nvidia shares gained after it agreed to invest up to $100 billion in OpenAI, while Ford and GM shares "
    "slipped 2%.",
])
def test_companies_whose_shares_move_in_a_market_report_are_not_parties(shipped, summary):
    found = shipped.match("Stocks: Nvidia rises on OpenAI pact", summary)
    assert not found.tieup and found.pairs == (("Nvidia", "OpenAI"),)


def test_a_share_move_with_a_reason_keeps_its_company(shipped):
    assert shipped.match("Rivian shares soar after Volkswagen agrees to invest $5 billion in the EV maker").pairs == (
        ("Volkswagen", "Rivian"),)


def test_each_share_move_with_its_own_reason_is_its_own_clause(shipped):
    found = shipped.match("Hang Seng: Xiaomi and BYD lead gains as Alibaba jumps on AI cloud deal",
                          "Xiaomi rose 6% after YU7 orders beat forecasts and BYD added 3%, while Alibaba climbed "
                          "on a cloud agreement with a state-owned bank.")
    assert not found.tieup


def test_names_listed_as_one_share_move_may_be_partners(shipped):
    """Two names listed together make one move, and may be each other's partners."""
    assert shipped.match("Nio and CATL shares rose 5% after they signed a battery deal").pairs == (("NIO", "CATL"),)


def test_names_that_move_together_on_deals_with_a_third_are_not_each_others_partners(shipped):
    """The reason names the company both dealt with: Hyundai and Samsung each have a deal with
    Nvidia, not one with each other."""
    assert shipped.match("Korean stocks hit record as Hyundai, Samsung rally on Nvidia chip deals").pairs == (
        ("Hyundai", "Nvidia"),)


# -- from the eighth blind batch (tests/data/tieups_blind8.jsonl) -----------------------------

def test_japanese_and_chinese_share_moves(shipped):
    """A name whose shares move is no party; a move followed by a comma has its reason after it
    ("、OpenAI追加出資を好感": welcoming the OpenAI investment)."""
    found = shipped.match("東証大引け：ソフトバンクG大幅高、OpenAI追加出資を好感　トヨタは続落")
    assert found.kind == "tech-tech" and found.pairs == (("OpenAI", "SoftBank"),)
    assert not shipped.match("港股收盘：比亚迪股价下跌，百度上涨 与车企合作受关注").tieup
    # Not a move: "高性能" (high performance), "安全" (safety)
    assert shipped.match("トヨタは高性能半導体でエヌビディアと提携").pairs == (("Toyota", "Nvidia"),)
    # A move with its reason after the comma keeps its company, as "soars after" does
    assert shipped.match("トヨタ株が急伸、エヌビディアと提携").pairs == (("Toyota", "Nvidia"),)
