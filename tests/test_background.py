"""Names a deal sentence mentions that are no parties to it (marketwatch.background): asides,
owners before a thing, the companies people come from, a thing's past."""

from __future__ import annotations

import pytest
from conftest import pairs

# -- from the fifth blind batch (tests/data/tieups_blind5.jsonl) ------------------------------

def test_an_aside_after_a_name_and_an_owner_after_its_are_background(shipped):
    found = shipped.match("Leapmotor builds its cars around Qualcomm's chips",
                          "The Chinese EV maker, in which Stellantis holds a 21% stake, said a chip from Qualcomm "
                          "runs the cockpit.")
    assert found.pairs == (("Leapmotor", "Qualcomm"),) and found.pair_deals == ("supply",)
    assert shipped.match("Lotus Eletre's driver assistance runs on Nvidia Drive Orin",
                         "The SUV, built in Wuhan by its Chinese owner Geely, uses the Nvidia processors "
                         "for highway assist.").pairs == (("Lotus", "Nvidia"),)
    # After a thing rather than a name, the aside names the parties.
    assert shipped.match("Flexis van venture launches", "The joint venture, in which Renault Group and Volvo Group "
                         "each hold 45%, will build vans from 2026.").kind == "oem-oem"


@pytest.mark.parametrize("title, summary", [
    ("Bosch and Microsoft explore generative AI for automated driving",
     "The supplier, whose customers include Volkswagen and Mercedes-Benz, will use Microsoft's Azure OpenAI service."),
    ("Wayve in talks to raise $2 billion",
     "The London startup, whose AI Driver Nissan plans to use from 2027, is also discussing a $500 million "
     "investment with Nvidia."),
])
def test_a_whose_aside_of_customers_or_products_is_background_after_a_thing_too(shipped, title, summary):
    assert not shipped.match(title, summary).tieup


@pytest.mark.parametrize("title", [
    "Volvo Cars, Whose Owner Geely Backs Baidu, Signs Deal With Nvidia",  # a title-case headline
    "Volvo Cars, whose owner Geely backs Baidu, signs deal with Nvidia",
    "Volvo Cars Signs Deal With Nvidia, Its Owner Geely Says",
])
def test_background_asides_are_read_in_a_title_case_headline_too(shipped, title):
    """Asides and owners were looked for in lower case only: a title-case headline paired Geely
    and Baidu with everyone."""
    assert pairs(shipped, title) == {("Volvo Cars", "Nvidia")}


def test_a_whose_aside_of_owners_after_a_thing_names_its_parties(shipped):
    found = shipped.match("Engine venture starts", "The venture, whose owners are Renault and Geely, will supply "
                          "engines to Volvo Cars and Nvidia.")
    assert ("Renault", "Nvidia") in found.pairs


# -- from the eighth blind batch (tests/data/tieups_blind8.jsonl) -----------------------------

@pytest.mark.parametrize("title, summary, expected", [
    # The owner of a thing the sentence does not name is background, as the owner of a name is.
    ("Avatr to fit Huawei's driver assistance to every new model",
     "The Changan-backed brand said on Monday that every new model will use Huawei's Qiankun system.",
     {("Avatr", "Huawei")}),
    ("Nvidia-backed startup signs deal with Toyota", "", set()),
])
def test_an_owner_before_a_thing_is_no_party(shipped, title, summary, expected):
    assert pairs(shipped, title, summary) == expected


@pytest.mark.parametrize("title", [
    "GTC 2026: Nvidia's Huang to be joined on stage by executives from Toyota, Uber and Lucid",
    "Speakers from BMW and Baidu join Nvidia on stage to talk about AI cars",
])
def test_companies_people_come_from_are_not_parties(shipped, title):
    assert not shipped.match(title).tieup


def test_a_name_after_from_is_still_a_party(shipped):
    assert shipped.match("Toyota to buy chips from Nvidia for its next cars").pairs == (("Toyota", "Nvidia"),)


@pytest.mark.parametrize("title, summary, expected", [
    # After a name
    ("Seres, which builds AITO cars with Huawei, signs battery supply deal with CATL", "", {("Seres", "CATL")}),
    # After a thing: the thing's other relations
    ("Uber to offer WeRide robotaxis in more cities",
     "The robotaxis, which WeRide developed with GAC, will join Uber's app in Europe, the two companies said.",
     {("Uber", "WeRide")}),  # tech-tech, without GAC
    ("Volvo Group in talks to put Nvidia's Drive Thor in its trucks",
     "The truck maker is negotiating to use the chip in its Volvo VNL Autonomous, which runs the Aurora Driver "
     "today, sources said.", {("Volvo Group", "Nvidia")}),
])
def test_a_which_aside_is_background(shipped, title, summary, expected):
    assert pairs(shipped, title, summary) == expected


def test_a_which_aside_that_tells_who_formed_a_venture_names_its_parties(shipped):
    found = shipped.match("Engine venture starts",
                          "The venture, which Renault and Geely formed in 2024, will supply engines to Nvidia's "
                          "robotaxi partners and use Nvidia chips.")
    assert ("Renault", "Nvidia") in found.pairs


def test_the_names_of_a_things_past_are_no_parties(shipped):
    found = shipped.match("Foxconn to make Nvidia AI servers in Ohio",
                          "Foxconn will assemble servers with Nvidia chips at the factory it bought from Lordstown "
                          "Motors, a plant General Motors once used to build the Chevrolet Cruze.")
    assert found.kind == "tech-tech" and found.pairs == (("Foxconn", "Nvidia"),)
    # "once again" is now
    assert ("Nissan", "Foxconn") in shipped.match("Nissan and Foxconn, the partners, once again sign a deal").pairs


# -- from the eleventh blind batch (tests/data/tieups_blind11.jsonl) --------------------------

def test_the_owner_of_the_plant_a_thing_is_made_at_is_a_place(shipped):
    found = shipped.match("Polestar 7 will run on Qualcomm's Snapdragon Ride Elite",
                          "The SUV, to be built at Volvo Cars' plant in Kosice from 2027, will use a single Qualcomm "
                          "chip, Polestar said.")
    assert found.pairs == (("Polestar", "Qualcomm"),)
    # Not the maker the things come from, nor the plant one invests in.
    assert ("Rivian", "LG Energy Solution") in shipped.match(
        "Rivian secures battery cells for R2 from Arizona plant", "The carmaker will buy cylindrical cells from "
        "LG Energy Solution's new factory in Queen Creek under a multi-year supply agreement.").pairs
    assert ("Toyota", "Panasonic") in shipped.match("Toyota to invest in Panasonic's battery plant").pairs


def test_a_german_relative_clause_is_an_aside(shipped):
    found = shipped.match("Porsche SE steigt bei Nuro ein",
                          "Die Stuttgarter Beteiligungsholding, die Volkswagen kontrolliert und am Sportwagenbauer "
                          "Porsche AG beteiligt ist, investiert in die Series-E-Runde des Robotaxi-Entwicklers Nuro.")
    assert not found.tieup
    assert set(shipped.match("BMW, die Qualcomm-Chips verwendet, gründet mit Nvidia eine Allianz").pairs) == {
        ("BMW", "Nvidia")}
    # A list after a comma is no aside: its last word is a name or a noun.
    assert ("BMW", "Nvidia") in shipped.match("BMW, die Mercedes-Benz und Nvidia, gründen eine Allianz").pairs


@pytest.mark.parametrize("title, pair", [
    # in the sentence's own clause, the site's owner is often the customer
    ("Panasonic to supply cells assembled at Toyota's Kentucky plant", ("Toyota", "Panasonic")),
    ("Nvidia to supply Omniverse digital twin tools at BMW's Debrecen plant", ("BMW", "Nvidia")),
])
def test_a_plant_named_in_the_deals_own_clause_keeps_its_owner(shipped, title, pair):
    assert pair in shipped.match(title).pairs


def test_a_german_clause_that_tells_who_made_the_deal_names_its_parties(shipped):
    found = shipped.match("Robotaxi-Pläne: VW holt sich Hilfe", "Die Partnerschaft, die Volkswagen und Mobileye am "
                          "Dienstag bekanntgaben, sieht gemeinsame Robotaxis ab 2026 vor.")
    assert found.pairs == (("Volkswagen", "Mobileye"),)


@pytest.mark.parametrize("title, kind, pairs", [
    # the closing ", as ..." clause tells what goes on around the deal: Lucid and Uber are no parties
    ("Nvidia has invested $200 million in Nuro, valuing the startup at $6.5 billion, as Nuro's software prepares "
     "to run the Lucid Gravity robotaxis that Uber plans to deploy", "tech-tech", (("Nuro", "Nvidia"),)),
    ("Toyota invests $500 million in Pony.ai, as Pony.ai readies robotaxis that Uber will deploy in Tokyo", "oem-tech",
     (("Toyota", "Pony.ai"),)),
    # not "as well as": the sentence's own list
    ("Nvidia will supply chips to Toyota, as well as to Honda", "oem-tech",
     (("Honda", "Nvidia"), ("Toyota", "Nvidia"))),
])
def test_a_closing_as_clause_is_background_after_two_names(shipped, title, kind, pairs):
    found = shipped.match(title)
    assert (found.kind, found.pairs) == (kind, pairs), found


def test_an_as_clause_after_one_name_or_with_a_new_company_may_hold_the_deal(shipped):
    found = shipped.match("Uber expands its robotaxi network, as Lucid and Nuro sign a deal")
    assert ("Lucid", "Nuro") in found.pairs, found
    found = shipped.match("Pony.ai raises $1 billion from Uber, as Toyota joins the round")
    assert ("Toyota", "Pony.ai") in found.pairs, found


def test_the_backers_of_a_startup_described_are_background_unless_they_are_the_news(shipped):
    found = shipped.match("Toyota is in talks to invest in Wayve, the British self-driving startup backed by "
                          "Nvidia Corp. and SoftBank")
    assert found.pairs == (("Toyota", "Wayve"),), found
    found = shipped.match("Argo AI, the self-driving startup backed by Ford and Volkswagen, is shutting down")
    assert set(found.pairs) == {("Ford", "Argo AI"), ("Volkswagen", "Argo AI")}, found
    found = shipped.match("Wayve raises $1 billion in a round backed by Toyota and Nvidia")
    assert ("Toyota", "Wayve") in found.pairs, found


@pytest.mark.parametrize("title, summary", [
    # a plant named as a landmark, with the cars it makes (its owner's brands)
    ("Maroc : Gotion inaugure sa gigafactory de Kénitra, à deux pas de l'usine Stellantis", ""),
    ("Gotion ouvre sa gigafactory au Maroc", "La gigafactory de Gotion, d'un investissement de 1,3 milliard de "
     "dollars, est située à quelques kilomètres de l’usine Stellantis qui assemble la Citroën Ami."),
])
def test_a_landmark_plant_and_the_cars_it_makes_are_a_place(shipped, title, summary):
    assert not shipped.match(title, summary).tieup


def test_a_deal_beside_a_landmark_plant_keeps_its_parties(shipped):
    found = shipped.match("Gotion signe un accord avec Stellantis près de l'usine Renault qui assemble la Clio")
    assert found.pairs == (("Stellantis", "Gotion"),)


@pytest.mark.parametrize("title, summary, pairs", [
    # a supplier that is a group's unit: the group is not the party
    ("Hyundai Mobis and Qualcomm to co-develop ADAS controller", "Hyundai Mobis, the parts arm of Hyundai Motor Group, "
     "has signed an agreement with Qualcomm to co-develop a driver-assistance controller.", set()),
    ("Woven by Toyota, the software arm of Toyota, signs deal with Nvidia", "", {("Toyota", "Nvidia")}),
])
def test_a_groups_supplier_unit_is_no_party(shipped, title, summary, pairs):
    assert set(shipped.match(title, summary).pairs) == pairs


@pytest.mark.parametrize("title, summary, pairs", [
    # those who took it up first, named last after "after": not the news's parties
    ("Hyundai and Kia sign on for Apple's CarPlay Ultra", "Apple's CarPlay Ultra comes to Hyundai, Kia models next "
     "year after Aston Martin and Porsche.", {("Hyundai", "Apple"), ("Kia", "Apple")}),
    ("Toyota and Nissan sign with Pony.ai after Baidu and Nvidia", "", {("Toyota", "Pony.ai"), ("Nissan", "Pony.ai")}),
    # ... not when the sentence goes on after them
    ("Toyota and Nissan sign with Pony.ai after Friday talks with Baidu", "",
     {("Toyota", "Pony.ai"), ("Nissan", "Pony.ai"), ("Toyota", "Baidu"), ("Nissan", "Baidu")}),
])
def test_earlier_adopters_named_last_are_background(shipped, title, summary, pairs):
    assert set(shipped.match(title, summary).pairs) == pairs


@pytest.mark.parametrize("title, summary, pairs", [
    # the owner of "a brand under" it (旗下品牌), as "the Geely-owned brand"
    ("捷尼赛思与Momenta合作，国产GV70将搭载自主代客泊车功能", "这是现代汽车集团旗下品牌首次在华采用Momenta的泊车技术。",
     {("Genesis", "Momenta")}),
    ("长安汽车旗下的阿维塔与华为合作", "", {("Avatr", "Huawei")}),
    # an appositive's "that" clause tells of the thing's other relations
    ("BMW studies small reactors", "BMW is studying whether reactors from Kairos Power, the startup that has a "
     "power-purchase agreement with Google, could one day supply its plant.", set()),
    ("Toyota invests in Pony.ai, the startup that runs robotaxis with Uber, in $500m deal", "",
     {("Toyota", "Pony.ai")}),
])
def test_a_brands_owner_and_a_that_aside_are_background(shipped, title, summary, pairs):
    assert set(shipped.match(title, summary).pairs) == pairs


@pytest.mark.parametrize("title, pairs", [
    ("Mercedes picks Nvidia, not Qualcomm, for its next cockpit", (("Mercedes-Benz", "Nvidia"),)),
    ("Mercedes kooperiert mit Nvidia, nicht mit Qualcomm", (("Mercedes-Benz", "Nvidia"),)),
    ("Renault choisit Google, et non Apple, pour ses voitures", (("Renault", "Alphabet"),)),
    ("BMW picks Qualcomm over Nvidia and Mobileye for Neue Klasse chips", (("BMW", "Qualcomm"),)),
    ("Kia chooses Nvidia instead of Qualcomm for its cockpits", (("Kia", "Nvidia"),)),
    ("Volkswagen to partner with Rivian rather than Xpeng in the US", (("Volkswagen", "Rivian"),)),
    ("Instead of Mobileye, Porsche picks Nvidia for autonomy", (("Porsche", "Nvidia"),)),
    # the alternative named first: the company that chose stays
    ("Ford, not GM, picks Google for its cars' maps", (("Ford", "Alphabet"),)),
])
def test_an_alternative_passed_over_is_no_party(shipped, title, pairs):
    assert shipped.match(title).pairs == pairs


@pytest.mark.parametrize("title, pairs", [
    ("BYD, not only Tesla, signs battery deal with CATL", (("BYD", "CATL"), ("Tesla", "CATL"))),
    ("Toyota picks Nvidia and Qualcomm for its cockpits, not only for driving", (("Toyota", "Nvidia"),
                                                                                 ("Toyota", "Qualcomm"))),
])
def test_a_not_that_passes_over_no_company_leaves_the_parties(shipped, title, pairs):
    assert shipped.match(title).pairs == pairs


def test_a_rival_beaten_to_a_deal_is_no_party(shipped):
    assert shipped.match("Qualcomm beats Nvidia to win BMW cockpit contract").pairs == (("BMW", "Qualcomm"),)


@pytest.mark.parametrize("title, pair", [
    ("CATL beats Ford's deadline for Michigan battery licensing deal", ("Ford", "CATL")),
    ("Hyundai beats Waymo's deadline, delivers first Ioniq 5 robotaxis under supply deal", ("Hyundai", "Waymo")),
])
def test_a_partners_deadline_beaten_is_no_rival(shipped, title, pair):
    assert pair in shipped.match(title).pairs


def test_a_group_named_as_whose_supplier_a_company_is_takes_no_part(shipped):
    """Blind batch 54: "Denso, the Toyota group's largest parts supplier" paired all six of the
    group's carmakers with Nvidia."""
    found = shipped.match("Denso, Nvidia to co-develop AI-based driver-assistance ECU",
                          "Denso, the Toyota group's largest parts supplier, will jointly develop an electronic "
                          "control unit with U.S. chipmaker Nvidia, the companies said.")
    assert not found.tieup
