"""A story's OEM–tech pairs with their own deals, as the outputs outside the dashboard write them
(notifications, Markdown and CSV exports, digests).

Since schema 6 each pair keeps the deal type of its own sentence: a story of an MoU with Didi
may say in passing that Ford partners with Alibaba, and writing the story's one deal type next
to all its pairs would tell a reader that Ford signed an MoU. The rule is the story screen's: a
pair whose deal is the story's is written plainly, one whose deal differs carries it,
"Ford–Alibaba (partnership)". Pairs stored before schema 6 carry their story's deal, so they
read as they always did; a pair whose deal is unknown is taken to be the story's.

Deal types are written as people write them (`MoU`, `joint venture`: dealtypes.readable), as
the dashboard writes them; JSON and CSV keep the stored names.
"""

from __future__ import annotations

from marketwatch.dealtypes import readable
from marketwatch.story import Story

Pair = tuple[str, str]


def noted(story: Story, shown: str | None = None) -> list[tuple[Pair, str | None]]:
    """Each pair with its own deal type where that is not the story's, else None: what a reader
    needs to be told beside the pair. `shown`: the deal the line writes instead of the story's
    (a company's own, `Story.deals_of`), from which the pairs' deals then differ."""
    line = shown or story.deal_type
    own = [deal or story.deal_type for deal in story.deals_in_order()]  # unknown: taken to be the story's
    return [(pair, deal if deal != line else None) for pair, deal in zip(story.pairs, own, strict=True)]


def with_deal(text: str, deal: str | None) -> str:
    """`Ford–Alibaba`, or `Ford–Alibaba (partnership)` when there is a deal to tell."""
    return f"{text} ({readable(deal)})" if deal else text


def pairs_text(story: Story, *, sep: str = "–", join: str = "; ", shown: str | None = None) -> str:
    """`Renault–Didi; Ford–Alibaba (partnership)`: every pair, each deal that is not the story's
    (or not `shown`, the deal the line writes) beside its pair. '' for a story without pairs."""
    return join.join(with_deal(sep.join(pair), deal) for pair, deal in noted(story, shown))


def by_deal(story: Story) -> list[tuple[list[Pair], str | None]]:
    """The pairs grouped by deal type, the story's group first, then the others in the order
    their first pair comes: a line that writes each deal once, after its pairs."""
    groups: dict[str | None, list[Pair]] = {story.deal_type: []}
    for pair, deal in noted(story):
        groups.setdefault(deal or story.deal_type, []).append(pair)
    return [(pairs, deal) for deal, pairs in groups.items() if pairs]


def partners_noted(story: Story, company: str, units: frozenset[str] = frozenset()) -> tuple[list[str], str | None]:
    """The company's partners in the story, and the deal to write after them: the company's own
    (`Story.deals_of`, as its dashboard pane says), so that under Ford a story of an MoU with
    Didi says `with Alibaba · partnership`. A partner whose deal is not that one carries its
    own: `with Alibaba (partnership), Didi · MoU`. A company in no pair gets the story's other
    companies and the story's deal, as before. `units`: the companies it owns (Waymo for
    Alphabet), whose partners are its own."""
    deals = story.deals_of(company, units)
    deal = deals[0] if deals else None
    own = [with_deal(partner, d if d and d != deal else None)
           for partner, d in story.partner_deals(company, units)]
    return own or story.partners_of(company, units), deal
