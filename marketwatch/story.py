"""A stored story as the views read it, and who its pairs make partners of whom.

The per-pair rules live here, with the value, because every view asks them: a company's pane,
the story lists, the digests, the exports and the notifications all name a company's partners
and its own deal the same way (a story of an MoU that reports a partnership in passing is a
partnership for the companies of that pair).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    url: str | None
    published: str
    summary: str
    kind: str | None
    deal_type: str | None
    sentence: str | None
    spans: tuple[tuple[int, int, str], ...]
    read: bool
    starred: bool
    feeds: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    alliances: tuple[str, ...] = ()
    headline: bool = False  # only what a headline shows: no summary, sentence, spans, feeds, alliances
    pair_deals: tuple[str | None, ...] = ()  # each pair's deal type, in the order of `pairs`

    def as_json(self) -> dict:
        return {
            "id": self.id, "title": self.title, "url": self.url, "published": self.published,
            "feeds": list(self.feeds), "summary": self.summary, "companies": list(self.companies),
            "pairs": [list(p) for p in self.pairs], "alliances": list(self.alliances),
            # each pair's own deal type, in the order of pairs; deal_type is the story's
            "pair_deal_types": list(self.pair_deals),
            "deal_type": self.deal_type, "kind": self.kind, "sentence": self.sentence,
            # where each company is named in the sentence: sentence[start:end], as the dashboard highlights it
            "names": [{"company": c, "start": s, "end": e} for s, e, c in self.spans],
            "read": self.read, "starred": self.starred,
        }

    @property
    def parties(self) -> str:
        """'Ford – Baidu, Nissan – Didi': its OEM–tech pairs, or its companies when it has none."""
        return ", ".join(" – ".join(pair) for pair in self.pairs) or ", ".join(self.companies)

    def deals_in_order(self) -> tuple[str | None, ...]:
        """Each pair's deal type, in the order of `pairs` (None where none is stored)."""
        deals = tuple(self.pair_deals[:len(self.pairs)])
        return deals + (None,) * (len(self.pairs) - len(deals))

    def _own_pairs(self, company: str, units: frozenset[str]) -> list[tuple[str, str | None, bool]]:
        """(partner, that pair's deal, the company's own pair?) for every pair of the company or
        of a unit it owns."""
        mine = {company, *units}
        out = []
        for (a, b), deal in zip(self.pairs, self.deals_in_order(), strict=True):
            other = b if a in mine else a if b in mine else None
            if other is not None and other not in mine:
                out.append((other, deal, company in (a, b)))
        return out

    def partner_deals(self, company: str, units: frozenset[str] = frozenset()) -> list[tuple[str, str | None]]:
        """The company's partners in the story's pairs, each once, in the order of the pairs,
        with the deal of the company's own pair with it, else of its unit's first. `units` are
        the companies it owns (`Config.units_of`): a story of Peugeot and Pony.ai is under
        Stellantis too, and there Stellantis's partner is Pony.ai, not its own brand. (Hyundai's
        stake in Tenstorrent read "investment", Genesis's pair, listed first, in Hyundai's digest.)"""
        out: dict[str, str | None] = {}
        own: set[str] = set()
        for partner, deal, is_own in self._own_pairs(company, units):
            if partner not in out or (is_own and partner not in own):
                out[partner] = deal
            if is_own:
                own.add(partner)
        return list(out.items())

    def partners_of(self, company: str, units: frozenset[str] = frozenset()) -> list[str]:
        """Its partners (`partner_deals`), or, when it is in no pair, the story's first other
        companies."""
        out = [partner for partner, _ in self.partner_deals(company, units)]
        return out or [c for c in self.companies if c != company and c not in units][:3]

    def deals_of(self, company: str, units: frozenset[str] = frozenset()) -> list[str]:
        """The deal types of the company's own pairs, the story's first: in a story of an MoU
        that mentions a partnership of others, the others' pane says partnership."""
        return own_deals(self.pairs, self.deals_in_order(), self.deal_type, company, units)


def own_deals(pairs: tuple[tuple[str, str], ...], pair_deals: tuple[str | None, ...], story_deal: str | None,
              company: str, units: frozenset[str] = frozenset()) -> list[str]:
    """`Story.deals_of` for a story not read back yet: the store keeps each company's own deals
    (`story_deals`) as it writes a match, so that the dashboard's deal filter counts a company's
    stories by the deal its pane shows, on an index."""
    mine = {company, *units}
    own = {deal for (a, b), deal in zip(pairs, pair_deals, strict=True) if deal and (a in mine) != (b in mine)}
    if not own:
        return [story_deal] if story_deal else []
    return sorted(own, key=lambda deal: (deal != story_deal, deal))
