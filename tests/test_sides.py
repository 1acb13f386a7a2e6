"""Names on the same side of a deal (marketwatch.sides), as the matcher's results show it:
co-investors, parallel actors and two suppliers are not paired with each other; each still
pairs with the company it faces. Which side of its list a company that is OEM and tech takes is
test_parties'."""

from __future__ import annotations

import pytest
from conftest import pairs


def test_co_investors_and_partners_in_an_investment_are_still_paired(matcher):
    """A company named after "joined by" or "together with" in an investment is often the money's
    receiver's partner, or an investor in it: a rule that dropped such pairs (tried, reverted)
    lost real tie-ups. Only the investors are kept apart from each other (Toyota and Baidu)."""
    assert pairs(matcher, "Pony.ai raises $400 million from Baidu, joined by Toyota") == {("Toyota", "Pony.ai")}
    assert pairs(matcher, "Toyota will invest $500 million to develop robotaxis together with Pony.ai") == {
        ("Toyota", "Pony.ai")}


@pytest.mark.parametrize("title, expected", [
    ("Uber's self-driving unit gets $1 billion from Toyota, Denso and SoftBank", {("Toyota", "Uber")}),
    ("Toyota will invest $400 million, Denso $267 million and the SoftBank Vision Fund $333 million "
     "in Uber's Advanced Technologies Group", {("Toyota", "Uber")}),
    ("Toyota Ventures led the round alongside Samsung Catalyst Fund", set()),
    ("Toyota and Samsung invest $40 million in Israeli lidar startup", set()),
    # The company the money goes to, and its owner, still pair with every investor.
    ("Microsoft joins GM in $2 billion investment in Cruise", {("General Motors", "Microsoft")}),
    ("Hyundai to invest $1 billion in Motional as Aptiv cuts its stake",
     {("Hyundai", "Motional"), ("Hyundai", "Aptiv")}),
    # Investing together in a plan, not in a company, is a tie-up between the two.
    ("Toyota and NTT to invest 500 billion yen in AI for safer roads", {("Toyota", "NTT")}),
])
def test_co_investors_are_not_paired_with_each_other(shipped, title, expected):
    assert set(shipped.match(title).pairs) == expected


@pytest.mark.parametrize("title, summary, expected", [
    ("May Mobility nabs $105 million from NTT as Toyota doubles down", "", {("Toyota", "May Mobility")}),
    ("May Mobility closes its Series E",
     "The round was led by NTT, with Toyota Motor, an investor since 2019, also putting in more money.", set()),
    ("Waabi raises $200 million for driverless trucks",
     "Volvo Group Venture Capital and Porsche Automobil Holding also took part in the Series B, led by Uber and "
     "Khosla Ventures.", set()),
    # The company the money goes to still pairs with the round's leader.
    ("Pony.ai raises $400 million in a round led by Toyota", "", {("Toyota", "Pony.ai")}),
])
def test_the_leaders_of_a_round_and_those_who_took_part_are_co_investors(shipped, title, summary, expected):
    assert set(shipped.match(title, summary).pairs) == expected


def test_investors_are_looked_for_in_the_investing_clause_only(shipped):
    assert ("Ford", "Baidu") in shipped.match("Ford and Baidu team up as Toyota invests in Pony.ai").pairs


def test_co_investors_in_a_company_outside_the_config_are_no_deal(shipped):
    assert shipped.match("Figure raises $675 million from Microsoft, Nvidia and Jeff Bezos").kind is None


@pytest.mark.parametrize("title, summary, expected", [
    # A funding event: the names after it are the investors, each paired with the receiver only.
    ("Horizon Robotics extends Series C with Great Wall Motor and CATL", "",
     {("Great Wall Motor", "Horizon Robotics")}),
    ("Grab raises $4.5 billion in Series H as Toyota, Hyundai and Microsoft sign on",
     "Southeast Asia's ride-hailing leader will use the money to expand.",
     {("Toyota", "Grab"), ("Hyundai", "Grab")}),
    # "with participation from", "investors include", 投资方包括: investors of one round.
    ("Nuro raises $500 million in Series C",
     "The funding round in Nuro drew participation from Toyota and Microsoft.",
     {("Toyota", "Nuro")}),
    ("Momenta完成超5亿美元C轮融资，上汽、丰田参投", "本轮投资方包括上汽集团、丰田汽车以及腾讯等。",
     {("SAIC", "Momenta"), ("Toyota", "Momenta")}),
    # The company joined in an investment is a co-investor.
    ("Nissan and Mitsubishi to invest in Renault's Ampere, joining Qualcomm", "",
     {("Renault", "Qualcomm")}),
    # "joined by" puts the last name before it with the names after it.
    ("Horizon Robotics adds investors",
     "Great Wall Motor invested in the round as a strategic investor, joined by battery maker CATL.",
     set()),
])
def test_co_investors_of_one_round_are_not_paired(shipped, title, summary, expected):
    assert set(shipped.match(title, summary).pairs) == expected


@pytest.mark.parametrize("title, summary", [
    ("Battery recycler Redwood Materials raises $700 million",
     "The round drew participation from Amazon's Climate Pledge Fund, and Ford Motor later joined with "
     "a $50 million investment."),
    ("Mercedes-Benz invests in humanoid robot maker Apptronik",
     "The carmaker joins Google, which backed the Texas startup's $350 million round in February."),
    ("Toyota to end Olympic sponsorship after Paris Games",
     "The carmaker will not renew its top-tier deal with the IOC, following Intel, which also ended its "
     "Olympic partnership this year."),
])
def test_companies_doing_the_same_thing_are_not_partners(shipped, title, summary):
    """Co-investors in a company the config does not know, and two sponsors of one body: "the
    carmaker" now stands for the headline's carmaker, so these sentences must not pair it."""
    assert not shipped.match(title, summary).tieup


def test_partners_of_one_company_listed_or_contrasted_are_not_paired(shipped):
    found = shipped.match(
        "Toyota, Aurora and Continental join Nvidia's growing list of automotive partners",
        "Toyota will build cars on Nvidia Drive AGX Orin, while self-driving truck company Aurora will "
        "deploy driverless trucks powered by Nvidia Drive Thor.")
    assert found.pairs == (("Toyota", "Nvidia"),)
    # Without a company both clauses name, a "while" still joins partners.
    assert shipped.match("Hyundai will build the cars, while Waymo will provide the driver").pairs == (
        ("Hyundai", "Waymo"),)


def test_real_tie_ups_in_investments_are_kept(shipped):
    """The tie-ups a reverted co-investor rule once lost."""
    assert shipped.match("Nuro raises $940 million from SoftBank, joined by Toyota").pairs == (("Toyota", "Nuro"),)
    assert set(shipped.match("Hyundai takes a 50% stake in Motional together with Aptiv").pairs) == {
        ("Hyundai", "Motional"), ("Hyundai", "Aptiv")}
    assert shipped.match("Toyota and NTT to invest 500 billion yen in AI for self-driving cars").pairs == (
        ("Toyota", "NTT"),)
    assert set(shipped.match("Microsoft joins GM in $2 billion investment in Cruise").pairs) == {
        ("General Motors", "Microsoft")}


def test_names_listed_before_joined_by_are_all_co_investors(shipped):
    found = shipped.match("Tenstorrent raises $100 million",
                          "Hyundai Motor and Kia put in $50 million together, joined by Samsung Catalyst Fund.")
    assert found.kind is None


def test_a_company_that_moved_earlier_is_not_a_partner(shipped):
    found = shipped.match("Pledges pile up", "Hyundai Motor announced $21 billion of US investment, months "
                          "after SoftBank's Masayoshi Son promised $100 billion.")
    assert not found.tieup
    # The partner named again after "after" is still the partner.
    assert shipped.match("Ford signed a supply deal with Baidu, weeks after Baidu's deal with Geely").pairs == (
        ("Ford", "Baidu"), ("Geely", "Baidu"))


def test_two_suppliers_of_one_car_are_not_partners(shipped):
    found = shipped.match("Mahindra's new SUVs", "The BE 6e runs its software on a chip from Qualcomm, while "
                          "the cells in its battery pack come from BYD's Blade range.")
    assert ("BYD", "Qualcomm") not in found.pairs


@pytest.mark.parametrize("verb", ["pulls in", "pulled in", "is pulling in", "is raking in", "rakes in"])
def test_every_headline_funding_verb_keeps_the_investors_apart(shipped, verb):
    """The verbs the funding wording takes were not all let through by its cheap gate: "pulls
    in" and "raking in" paired Nvidia with Uber, two investors of one round."""
    found = pairs(shipped, f"Wayve {verb} $1.05 billion as Nvidia and Uber join the round")
    assert found == {("Nvidia", "Wayve"), ("Uber", "Wayve")}


def test_those_who_joined_a_round_alongside_others_are_co_investors(shipped):
    """The eleventh blind batch's b11-al-01: the three carmakers listed before "had joined", and the
    names after "alongside", all put money into Nuro."""
    found = shipped.match("Alliance Ventures joins Nuro's $200 million funding extension",
                          "Nuro said the corporate venture fund of Renault, Nissan and Mitsubishi Motors had joined "
                          "the extension of its Series E alongside Uber and Nvidia.")
    assert set(found.pairs) == {("Renault", "Nuro"), ("Nissan", "Nuro"), ("Mitsubishi", "Nuro")}


def test_a_joiners_with_is_a_venture_partner_and_alongside_ends_at_the_receiver(shipped):
    assert shipped.match("Stellantis joins the $4.3 billion investment with CATL in Spanish LFP plant").pairs == (
        ("Stellantis", "CATL"),)
    assert set(shipped.match("Toyota led the $400 million round in Pony.ai alongside Nvidia").pairs) == {
        ("Toyota", "Pony.ai")}


def test_joining_others_after_a_comma_makes_the_sentences_subject_their_co_investor(shipped):
    found = shipped.match("Stellantis to take 2% of Pony.ai in Hong Kong listing",
                          "Stellantis has agreed to buy about $100 million of shares in Pony.ai's Hong Kong offering, "
                          "joining Uber and a Middle Eastern sovereign fund as cornerstone investors.")
    assert set(found.pairs) == {("Stellantis", "Pony.ai")}


@pytest.mark.parametrize("title, pairs, deal", [
    # one investor's holdings, listed after "stakes in" or "buys shares of", are not each other's partners
    ("BlackRock raises stakes in Toyota and Sony", set(), None),
    ("ARK buys shares of Tesla and Nvidia", set(), None),
    ("Toyota buys more shares of Pony.ai and Momenta", {("Toyota", "Pony.ai"), ("Toyota", "Momenta")}, "stake"),
    # shares bought are a stake, not a supply
    ("Toyota buys shares of Pony.ai", {("Toyota", "Pony.ai")}, "stake"),
])
def test_one_investors_holdings_are_not_paired(shipped, title, pairs, deal):
    found = shipped.match(title)
    assert (set(found.pairs), found.deal_type) == (pairs, deal)


@pytest.mark.parametrize("title, expected", [
    # one "from" before two sellers: they are one side (blind batch 75: "buys batteries from CATL and
    # BYD's FinDreams unit" paired BYD with CATL)
    ("Toyota buys batteries from CATL and BYD", {("Toyota", "CATL")}),
    ("Nio sources chips from Nvidia and Qualcomm", {("NIO", "Nvidia"), ("NIO", "Qualcomm")}),
])
def test_the_sellers_after_one_from_are_not_paired(shipped, title, expected):
    found = shipped.match(title)
    assert set(found.pairs) == expected and found.kind == "oem-tech", found
