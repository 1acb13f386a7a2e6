"""Who takes part in a deal sentence and on which side (marketwatch.parties), as the matcher's
results show it: a name that only qualifies another is no party (an owner, an employer, "Apple"
in "Apple supplier Foxconn", a company compared with, an alliance beside its member), and a
company that is both OEM and tech takes the side its list or its neighbours give it.

Asides, a thing's past and "executives from Toyota" are test_background's; who invested beside
whom is test_sides'."""

from __future__ import annotations

import pytest
from conftest import pairs

# -- owners, employers and alliances named beside a party (Parties.find) -----------------------

@pytest.mark.parametrize("title, pairs", [
    ("Alphabet's Waymo picks Hyundai for next robotaxi", {("Hyundai", "Waymo")}),
    ("Geely-owned Volvo Cars partners with Alibaba", {("Volvo Cars", "Alibaba")}),
    ("Avatr, the EV brand backed by Changan, takes 10% stake in Huawei's Yinwang", {("Avatr", "Huawei")}),
    ("Hyundai Motor's Kia is close to a deal to build Apple-branded cars", {("Kia", "Apple")}),
    ("Ford invests in Argo AI, founded by former Google and Uber engineers", {("Ford", "Argo AI")}),
    ("Luxeed, the Harmony Intelligent Mobility Alliance brand of Chery, uses Huawei software",
     {("Chery", "Huawei")}),
])
def test_owners_employers_and_alliances_named_beside_a_party_are_not_parties(shipped, title, pairs):
    assert set(shipped.match(title).pairs) == pairs


@pytest.mark.parametrize("title, pair", [
    ("Waymo, Alphabet's self-driving unit, picks Hyundai for its next robotaxi", ("Hyundai", "Waymo")),
    ("Alphabet's self-driving unit, Waymo, picks Hyundai for its next robotaxi", ("Hyundai", "Waymo")),
    ("Zeekr owned by Geely to build electric robotaxis for Waymo", ("Zeekr", "Waymo")),
    # a possessive of a name ending in "s": an apostrophe alone
    ("BMW picks Samsung Electronics' Harman for its digital cockpit", ("BMW", "Harman")),
    ("Volvo picks Harman, Samsung Electronics' audio arm, for its EX90", ("Volvo Cars", "Harman")),
])
def test_an_owner_named_as_such_beside_its_unit_is_no_party(shipped, title, pair):
    """The owner before "unit", "arm" or "brand", or after "owned by": the unit's deal is not
    Alphabet's (or Geely's) too."""
    assert pairs(shipped, title) == {pair}


def test_the_companies_people_come_from_by_possessive_are_no_parties(shipped):
    """"Baidu's engineers" are people: Baidu has no part in Toyota's deal with Pony.ai."""
    assert pairs(shipped, "Pony.ai, founded by Baidu's engineers, signs robotaxi deal with Toyota") == {
        ("Toyota", "Pony.ai")}


def test_a_co_founder_who_is_also_its_chief_speaks_for_the_company(shipped):
    # blind batch 27: the deal told only in the chief executive's quote
    found = shipped.match("Pony.ai brings its robotaxis to Europe with a carmaker partner",
                          "“We are delighted to welcome Stellantis as a partner,” Pony.ai co-founder and chief "
                          "executive James Peng said on Thursday.")
    assert found.pairs == (("Stellantis", "Pony.ai"),)
    # ... not one who was: "co-founder and former chief executive"
    assert not shipped.match("Uber co-founder and former chief executive Travis Kalanick's Atoms signs deal with "
                             "BYD").tieup


def test_a_different_kind_of_owner_still_takes_part(shipped):
    """GM is an OEM and its Cruise unit a tech company: Microsoft investing in GM's Cruise is a
    GM tie-up."""
    found = shipped.match("Microsoft to invest in GM's Cruise")
    assert found.tieup and found.pairs == (("General Motors", "Microsoft"),)


def test_a_different_kind_of_owner_named_after_its_unit_still_takes_part(shipped):
    """As "GM's Cruise": GM named after its unit, as the owner of a unit of another kind, stays
    the carmaker of the deal."""
    found = shipped.match("Cruise, GM's self-driving unit, partners with Microsoft on cloud computing")
    assert found.tieup and found.pairs == (("General Motors", "Microsoft"),)


# from the third blind batch (tests/data/tieups_blind3.jsonl)
def test_a_chinese_owner_before_qixia_is_not_a_party(shipped):
    found = shipped.match("赛力斯、阿维塔各以115亿元入股华为引望", "长安汽车旗下的阿维塔受让引望10%股权。")
    assert set(found.pairs) == {("Seres", "Huawei"), ("Avatr", "Huawei")}


# -- a name before the role its next name plays (Parties._role_qualifiers) -----------------------

# from the eleventh blind batch (tests/data/tieups_blind11.jsonl)
@pytest.mark.parametrize("title, expected", [
    # a name before the role its next name plays for it only says who that is
    ("Apple supplier Foxconn signs EV deal with Mitsubishi Motors", {("Mitsubishi", "Foxconn")}),
    ("Tesla supplier Panasonic signs battery deal with Mazda", {("Mazda", "Panasonic")}),
    ("Tesla's supplier Panasonic signs battery deal with Mazda", {("Mazda", "Panasonic")}),
    ("Tesla rival BYD partners with Baidu on maps", {("BYD", "Baidu")}),
    ("Toyota group supplier Denso teams up with Nvidia on AI for car chips", set()),
    # a verb, and a headline's capitals, are not the role
    ("Ford partners Baidu on robotaxis", {("Ford", "Baidu")}),
    ("Ford Partners With Baidu On Robotaxis", {("Ford", "Baidu")}),
])
def test_a_name_before_a_role_only_says_whose_it_is(shipped, title, expected):
    assert set(shipped.match(title).pairs) == expected


# from the eleventh blind batch (tests/data/tieups_blind11.jsonl)
@pytest.mark.parametrize("title, summary, expected", [
    # A supplier, customer, partner or backer is a party when the company after it faces no one else.
    ("Rivian backer Amazon orders 50,000 more electric delivery vans",
     "The e-commerce giant has expanded its order for the vans.", {("Rivian", "Amazon")}),
    ("Qualcomm customer BMW to use Snapdragon Ride Pilot in Neue Klasse", "", {("BMW", "Qualcomm")}),
    ("Nvidia's customer Mercedes-Benz signs expanded deal for Drive Thor chips", "", {("Mercedes-Benz", "Nvidia")}),
    # After a list, "partner" is the list's verb.
    ("Hyundai, Kia partner Samsung Electronics on in-car chips", "", {("Hyundai", "Samsung"), ("Kia", "Samsung")}),
    # A rival is never a party; a title-case role word is a role.
    ("Mercedes-Benz signs chip deal with Nvidia rival Qualcomm", "", {("Mercedes-Benz", "Qualcomm")}),
    ("Apple Supplier Foxconn Signs EV Deal With Stellantis", "", {("Stellantis", "Foxconn")}),
])
def test_a_role_word_drops_its_name_only_when_the_next_company_has_another_counterpart(
        shipped, title, summary, expected):
    assert set(shipped.match(title, summary).pairs) == expected


@pytest.mark.parametrize("title, pairs", [
    ("Tesla Rivals In China Sign Deals With Huawei", set()),
    ("TESLA RIVALS IN CHINA SIGN DEALS WITH HUAWEI", set()),
    ("Tesla's rivals sign driver-assistance deals with Huawei", set()),
    ("Rivals of Tesla sign driver-assistance deals with Huawei", set()),
    ("Xpeng, a Tesla rival, signs deal with Volkswagen", {("Volkswagen", "XPeng")}),
    # a party with its rivals, and "rivals" the verb, stay
    ("Tesla and rivals sign driver-assistance deals with Huawei", {("Tesla", "Huawei")}),
    ("Tesla rival BYD signs deal with Huawei", {("BYD", "Huawei")}),
    ("Geely rivals global giants after signing AI partnership with Alibaba", {("Geely", "Alibaba")}),
    ("Toyota peers into the future with Nvidia chip deal", {("Toyota", "Nvidia")}),
    ("Dodge Challenger EV will ship with Google built-in under new deal", {("Stellantis", "Alphabet")}),
])
def test_a_company_whose_unnamed_rivals_sign_is_no_party(shipped, title, pairs):
    """"Tesla rivals" are other carmakers, not Tesla: the name says whose rivals they are."""
    assert set(shipped.match(title).pairs) == pairs


def test_a_rival_is_no_party_even_when_the_next_company_faces_no_one_else(shipped):
    """Unlike "Rivian backer Amazon orders vans", a rival takes no part in the deal of the company
    after it: "Tesla rival Waymo" is not a Tesla tie-up."""
    found = shipped.match("Tesla rival Waymo partners with Uber on robotaxis in Austin")
    assert found.pairs == (("Uber", "Waymo"),) and not found.tieup


# -- companies compared with (Parties._compared) -------------------------------------------------

# from the eighth blind batch (tests/data/tieups_blind8.jsonl)
@pytest.mark.parametrize("title, summary", [
    ("Changan and CATL to roll out battery swapping for taxis",
     "CATL will build 200 swap stations for Changan's taxis, in a set-up that mirrors Nio's own network."),
    ("Toyota picks Nvidia", "Unlike Tesla, Toyota will use Nvidia's chips in its robotaxis."),
])
def test_a_company_compared_with_is_no_party(shipped, title, summary):
    found = shipped.match(title, summary)
    assert {c for p in found.pairs for c in p} & {"NIO", "Tesla"} == set(), found
    assert found.tieup


# from the twelfth blind batch (tests/data/tieups_blind12.jsonl)
@pytest.mark.parametrize("title, expected", [
    ("Momenta extends its work beyond GAC Toyota and Nissan to Honda, signs supply deal", {("Honda", "Momenta")}),
    # a comma after the compared name ends it, unless an "and" ends a list
    ("Unlike Tesla, Toyota will use Nvidia chips", {("Toyota", "Nvidia")}),
    ("Unlike Tesla, BYD and Nio, Toyota will use Nvidia chips", {("Toyota", "Nvidia")}),
])
def test_the_names_listed_after_beyond_or_unlike_are_compared_with(shipped, title, expected):
    assert set(shipped.match(title).pairs) == expected


@pytest.mark.parametrize("summary", [
    "CATL will build 200 swap stations for Changan's taxis, in a set-up that resembles that of Nio.",
    "CATL will build 200 swap stations for Changan's taxis, in a set-up similar to those of Nio and Xpeng.",
])
def test_a_company_compared_with_through_that_of_is_no_party(shipped, summary):
    found = shipped.match("Changan and CATL to roll out battery swapping for taxis", summary)
    assert set(found.pairs) == {("Changan", "CATL")}


@pytest.mark.parametrize("title, summary, expected", [
    ("Rivian wins Jaguar Land Rover as the second carmaker after Volkswagen to license its software", "",
     {("Jaguar Land Rover", "Rivian")}),
    # a few words may come between the rank and "after"
    ("Samsung SDI wins BMW order for Neue Klasse cells",
     "Samsung SDI will supply cylindrical cells for BMW's Neue Klasse, the fourth cell supplier for the platform "
     "after CATL and Panasonic.", {("BMW", "Samsung")}),
])
def test_the_companies_a_deal_comes_after_are_compared_with(shipped, title, summary, expected):
    """"The second carmaker after Volkswagen": Volkswagen's deal is an earlier one, not this one."""
    assert pairs(shipped, title, summary) == expected


# -- companies that are OEM and tech, and the sides of a list (Parties.apart) ----------------------

@pytest.mark.parametrize("title, expected", [
    ("BYD, Xpeng and GAC Aion's Hyper adopt Nvidia Drive Thor",
     {("BYD", "Nvidia"), ("XPeng", "Nvidia"), ("GAC", "Nvidia")}),
    ("Toyota picks Huawei and Nvidia for its China cars", {("Toyota", "Huawei"), ("Toyota", "Nvidia")}),
    ("Stellantis, Nvidia, Uber and Foxconn join forces on robotaxis",
     {("Stellantis", "Nvidia"), ("Stellantis", "Uber"), ("Stellantis", "Foxconn")}),
])
def test_a_company_that_is_oem_and_tech_takes_the_side_of_its_list(shipped, title, expected):
    assert set(shipped.match(title).pairs) == expected


def test_two_names_joined_by_and_still_face_each_other(shipped):
    assert ("Seres", "Huawei") in shipped.match("Seres and Huawei team up with CATL on batteries for cars").pairs
    assert shipped.match("AITO maker Seres and Huawei extend smart car cooperation").pairs == (("Seres", "Huawei"),)


@pytest.mark.parametrize("title, summary, expected", [
    ("Xiaomi and BMW both pick Qualcomm for their next cockpits", "", {("BMW", "Qualcomm"), ("Xiaomi", "Qualcomm")}),
    ("Xiaomi and BMW each sign Qualcomm cockpit deals", "", {("BMW", "Qualcomm"), ("Xiaomi", "Qualcomm")}),
    ("Lidar maker posts record quarter",
     "Li Auto and Xiaomi are its two largest customers under multi-year supply agreements.", set()),
])
def test_a_list_that_puts_its_companies_on_one_side_does_not_pair_them(shipped, title, summary, expected):
    """"Both", "each", "its two largest customers": the companies listed are not each other's
    partners, unlike "Seres and Huawei team up"."""
    assert pairs(shipped, title, summary) == expected


# from the fifth blind batch (tests/data/tieups_blind5.jsonl)
@pytest.mark.parametrize("title, expected", [
    ("GAC Toyota's bZ7 sedan gets Huawei cockpit and Momenta driver assistance",
     {("GAC", "Huawei"), ("Toyota", "Huawei"), ("GAC", "Momenta"), ("Toyota", "Momenta")}),
    ("Changan, Huawei and CATL join forces on high-end smart EV platform",
     {("Changan", "Huawei"), ("Changan", "CATL")}),
    # Listed among carmakers, it is one of them.
    ("BYD, Xpeng and GAC Aion's Hyper adopt Nvidia Drive Thor",
     {("BYD", "Nvidia"), ("XPeng", "Nvidia"), ("GAC", "Nvidia")}),
])
def test_beside_a_carmaker_a_company_that_is_oem_and_tech_supplies_it(shipped, title, expected):
    """Huawei beside GAC and Toyota is their supplier, as Momenta is: not Momenta's carmaker."""
    assert set(shipped.match(title).pairs) == expected


# from the eleventh blind batch (tests/data/tieups_blind11.jsonl)
def test_a_list_of_carmakers_that_faces_no_one_keeps_its_dual_company_a_carmaker(shipped):
    found = shipped.match("BYD, Li Auto, Mercedes-Benz and Xiaomi adopt lidar across their ranges")
    assert not found.tieup and "Xiaomi" not in {c for pair in found.pairs for c in pair}
    # Facing another party, the list is the carmakers of the deal, as before.
    assert set(shipped.match("BYD, Xpeng and GAC adopt Nvidia Drive Thor").pairs) == {
        ("BYD", "Nvidia"), ("XPeng", "Nvidia"), ("GAC", "Nvidia")}


# from the eleventh blind batch (tests/data/tieups_blind11.jsonl)
@pytest.mark.parametrize("title", [
    "Huawei, Changan and Chery sign strategic agreement on intelligent driving",
    "华为与赛力斯、奇瑞、北汽签署智能汽车合作协议",
])
def test_a_list_that_signs_a_deal_together_keeps_its_tech_member(shipped, title):
    assert {tech for _, tech in shipped.match(title).pairs} == {"Huawei"}


@pytest.mark.parametrize("title, pairs", [
    # "each take a third": a joint venture's owners; "both confirmed": a reporting verb
    ("Stellantis, Nvidia and Foxconn each take a third of new robotaxi joint venture",
     (("Stellantis", "Foxconn"), ("Stellantis", "Nvidia"))),
    ("Stellantis and Nvidia both confirmed the partnership with Uber on Thursday",
     (("Stellantis", "Nvidia"), ("Stellantis", "Uber"))),
    # an ordinal that counts days or sessions, not companies: the company after "after" is a party
    ("Rivian rises for third straight session after Volkswagen boosts investment", (("Volkswagen", "Rivian"),)),
])
def test_each_both_and_ordinals_that_do_not_set_companies_apart(shipped, title, pairs):
    assert shipped.match(title).pairs == pairs


@pytest.mark.parametrize("title, pairs", [
    ("Hyundai is the latest carmaker to tap Nvidia, following Toyota and GM", (("Hyundai", "Nvidia"),)),
    ("Subaru becomes the third customer to pick Mobileye's EyeQ6, after Volkswagen and Porsche",
     (("Subaru", "Mobileye"),)),
])
def test_the_companies_a_deal_follows_are_no_parties(shipped, title, pairs):
    assert shipped.match(title).pairs == pairs


def test_a_company_compared_with_in_chinese_is_no_party(shipped):
    found = shipped.match("理想汽车自研芯片将于2026年搭载于理想i8，算力可达英伟达Thor-U的三倍")
    assert not found.tieup, found


@pytest.mark.parametrize("title, pairs", [
    ("Hyundai Executive Chair Euisun Chung signs AI deal with Nvidia", {("Hyundai", "Nvidia")}),
    ("Toyota executive vice president signs deal with Nvidia", {("Toyota", "Nvidia")}),
    ("Ford hires Google executives to run software unit", set()),
])
def test_an_executive_title_speaks_for_the_company_where_executives_do_not(shipped, title, pairs):
    assert set(shipped.match(title).pairs) == pairs


# from the seventeenth blind batch (tests/data/tieups_blind17.jsonl)
@pytest.mark.parametrize("title, summary, pairs", [
    # no deal with the company named, or none from it
    ("Uber says robotaxi partners now number 22, but still no deal with Tesla", "", set()),
    ("Teardown: BYD's Seal 06 runs on its own chips", "Its controllers run on chips designed by BYD Semiconductor, "
     "with none from Nvidia or Qualcomm, which supplied earlier BYD models.", set()),
    ("Uber CEO says it works with 22 AV companies", "Uber now works with 22 companies and is always open to Tesla "
     "joining its platform.", set()),
    # an aside that says whose customers they are
    ("Samsung SDI signs grid-storage deal with NextEra", "Samsung SDI, whose EV-battery customers include BMW, "
     "Stellantis and Rivian, will supply LFP cells to NextEra Energy.", set()),
    # ... and what those rules leave alone
    ("Nissan says no deal with Foxconn, signs with Qualcomm instead", "", {("Nissan", "Qualcomm")}),
    ("Mobileye, whose chips power many cars, signs supply deal with Porsche", "", {("Porsche", "Mobileye")}),
    ("Toyota picks Nvidia for next-generation cars, with no Huawei parts", "", {("Toyota", "Nvidia")}),
])
def test_companies_a_deal_is_refused_with_or_named_as_customers_in_an_aside(shipped, title, summary, pairs):
    assert set(shipped.match(title, summary).pairs) == pairs


# from the eighteenth blind batch (tests/data/tieups_blind18.jsonl)
@pytest.mark.parametrize("title, summary, pairs", [
    # founders, customers, holdings and affiliates of someone else, named in passing
    ("Rapidus lands first customer", "Rapidus was set up by eight Japanese companies including Toyota Motor, Sony "
     "Group and NTT, and licenses its process technology from IBM.", set()),
    ("Rapidus, the chip foundry backed by Toyota, Sony and NTT, lands first 2nm customer", "", set()),
    ("Hesai signs robotaxi lidar deal with Baidu", "Hesai, which counts Li Auto, Leapmotor and Xiaomi among its "
     "automotive customers, expects the agreement to add shipments.", {("Baidu", "Hesai")}),
    ("Qatar's sovereign fund raises Volkswagen stake, adds Nvidia shares", "", set()),
    ("Mobis to sell the controller widely", "Mobis signed a deal to offer it to carmakers, not only to its "
     "affiliates Hyundai Motor and Kia.", set()),
    # the headline's clauses apart, and "the two companies" of one clause only
    ("Mercedes-Benz, Allianz launch car insurance; insurer extends Microsoft cloud pact",
     "Mercedes-Benz Bank and Allianz will offer insurance, the two companies said.", set()),
    ("BMW signs Nvidia deal; Mercedes picks Qualcomm", "", {("BMW", "Nvidia"), ("Mercedes-Benz", "Qualcomm")}),
    # ... and what those rules leave alone
    ("Argo AI shuts down", "Argo AI, the self-driving startup backed by Ford and Volkswagen, is shutting down.",
     {("Ford", "Argo AI"), ("Volkswagen", "Argo AI")}),
    ("Toyota's stake in Pony.ai rises to 20%", "", {("Toyota", "Pony.ai")}),
    ("Renault in talks to license Xpeng software", "It would be Xpeng's second such deal after Volkswagen.",
     {("Renault", "XPeng")}),
])
def test_founders_customers_holdings_and_clauses_of_someone_else_do_not_pair(shipped, title, summary, pairs):
    assert set(shipped.match(title, summary).pairs) == pairs


# a review's probes of the eighteenth batch's rules: what they must leave alone
@pytest.mark.parametrize("title, summary, pair", [
    ("Toyota shares rise on Pony.ai stake purchase", "", ("Toyota", "Pony.ai")),
    ("Volkswagen shares gain on Rivian stake", "", ("Volkswagen", "Rivian")),
    ("Zhuifeng, a joint venture backed by Toyota and Pony.ai, will start robotaxi production", "",
     ("Toyota", "Pony.ai")),
    ("The JV, set up by partners including Toyota and Pony.ai, will make 1,000 robotaxis", "", ("Toyota", "Pony.ai")),
    ("Geely launches robotaxi service", "The service was launched by Geely with tech firms such as Baidu and Nvidia.",
     ("Geely", "Baidu")),
    ("Toyota bets big on robotaxis; Pony.ai to build 1,000 bZ4X", "The two companies signed an agreement on Monday.",
     ("Toyota", "Pony.ai")),
    ("Nissan signs Wayve deal, days after sponsoring Formula E race", "", ("Nissan", "Wayve")),
    ("Microsoft becomes founding partner of BMW's new AI lab", "", ("BMW", "Microsoft")),
    ("Geely will cooperate with the authorities and with Baidu on robotaxi launch", "", ("Geely", "Baidu")),
    ("Stellantis smentisce la rottura con Leapmotor: la partnership continua", "", ("Leapmotor", "Stellantis")),
    ("Seat firma acuerdo con Huawei y desmiente cierre de Martorell", "", ("Seat", "Huawei")),
])
def test_the_eighteenth_batchs_rules_leave_deals_beside_their_words_alone(shipped, title, summary, pair):
    assert pair in shipped.match(title, summary).pairs


# from the twentieth blind batch (tests/data/tieups_blind20.jsonl)
@pytest.mark.parametrize("title, summary, pairs", [
    ("Hyundai denies robotaxi report", "Hyundai Motor has not signed any agreement with Baidu to supply vehicles for "
     "its Apollo Go robotaxi service.", set()),
    ("Qualcomm sues Hyundai over telematics patents", "Qualcomm alleges that Hyundai refused to take a licence.",
     set()),
    ("Stellantis hires autonomy chief", "Stellantis has hired Sarah Chen, who led vehicle integration at Waymo for "
     "five years.", set()),
    ("XPeng's new sedan runs on its own chips", "The car carries no Nvidia or Qualcomm silicon.", set()),
    ("BMW unmoved as rival Mercedes signs lidar deal with China's RoboSense", "", set()),
    ("WRAPUP 1-China EV sales", "BYD's sales rose 12% in March, while brands in Huawei's HIMA alliance sold 58,000 "
     "cars.", set()),
])
def test_deals_not_signed_refused_former_employers_rivals_and_wrap_items(shipped, title, summary, pairs):
    assert set(shipped.match(title, summary).pairs) == pairs


# a review's probes of the twentieth batch's rules: what they must leave alone
@pytest.mark.parametrize("title, summary, pair", [
    ("BMW declines to detail Qualcomm deal", "", ("BMW", "Qualcomm")),
    ("Toyota signs chip supply deal", "Toyota will buy Nvidia's chips, said Ali Kani, who led the negotiations for "
     "Nvidia.", ("Toyota", "Nvidia")),
    ("Morning brief: what you need to know in autos", "Hyundai, while facing tariffs, signed a deal with Nvidia for "
     "chips.", ("Hyundai", "Nvidia")),
    ("Morning brief: what you need to know in autos", "Qualcomm will supply BMW, while also providing chips to "
     "Mercedes-Benz under a separate deal.", ("Mercedes-Benz", "Qualcomm")),
    ("Qualcomm signs BMW and rival Mercedes-Benz", "", ("Mercedes-Benz", "Qualcomm")),
])
def test_the_twentieth_batchs_rules_leave_real_deals_alone(shipped, title, summary, pair):
    assert pair in shipped.match(title, summary).pairs


@pytest.mark.parametrize("title, summary, pairs", [
    # blind batch 41: the owner that only reports its unit's deal, last in the sentence
    ("Toyota's Waymo investment clears U.S. antitrust waiting period", "The waiting period for Toyota Motor's planned "
     "$1 billion investment in Waymo expired, Alphabet said in a regulatory filing.", {("Toyota", "Waymo")}),
    # ... but a company that reports its own deal is its party
    ("Alphabet and Toyota sign cloud deal, Alphabet said", "", {("Toyota", "Alphabet")}),
])
def test_an_owner_reporting_its_units_deal_is_no_party(shipped, title, summary, pairs):
    assert set(shipped.match(title, summary).pairs) == pairs


@pytest.mark.parametrize("title, summary, pairs", [
    # blind batch 40: two that each signed with someone the config does not name ...
    ("Via Dubai, BYD and Chery Ship EVs to Africa", "BYD and Chery have each signed multi-year logistics contracts "
     "with DP World.", set()),
    # ... not two that each own half, or each signed the one agreement
    ("Hyundai and Aptiv form joint venture", "Hyundai Motor Group and Aptiv will each own 50% of a new company.",
     {("Hyundai", "Aptiv"), ("Kia", "Aptiv"), ("Genesis", "Aptiv")}),
    ("Toyota and Nvidia each signed the agreement on Tuesday", "", {("Toyota", "Nvidia")}),
    # an owner in an aside: "majority-owned by", "in which ... is the largest shareholder"; a
    # service's past owners
    ("Kia and Arm sign MoU", "Arm, majority-owned by SoftBank Group, will send engineers to Kia under the agreement.",
     {("Kia", "Arm")}),
    ("SEAT and Gotion form joint venture", "SEAT S.A. and Gotion High-Tech, the Chinese battery maker in which "
     "Volkswagen is the largest shareholder, will form a 50-50 joint venture.", {("Seat", "Gotion")}),
    ("Bolt to Buy Share Now Car-Sharing Business From Stellantis", "Estonian ride-hailing company Bolt has agreed to "
     "buy Share Now, the European car-sharing service that Stellantis took over from BMW and Mercedes-Benz in 2022, "
     "the companies said.", {("Stellantis", "Bolt")}),
])
def test_each_one_an_owner_aside_and_a_past_owner_are_read(shipped, title, summary, pairs):
    assert set(shipped.match(title, summary).pairs) == pairs


@pytest.mark.parametrize("title, pairs", [
    # a review of this stop's rules: an apostrophe alone before a deal or a thing made owns that, not
    # the next company; an owner of another kind reporting its unit's deal stays a party; two that
    # "each agreed" to one deal; a clause after "and" that follows an alternative
    ("LG Electronics' Microsoft partnership brings Copilot to Kia cars", {("Kia", "LG Electronics"),
                                                                          ("Kia", "Microsoft")}),
    ("Cruise partners with Uber, General Motors said in a statement", {("General Motors", "Uber")}),
    ("Ford and Baidu have each agreed to invest $100 million in the joint venture", {("Ford", "Baidu")}),
    ("Kia chooses Nvidia over Qualcomm and Hyundai follows suit", {("Kia", "Nvidia"), ("Hyundai", "Nvidia")}),
])
def test_what_a_review_of_the_parties_rules_kept(shipped, title, pairs):
    assert set(shipped.match(title).pairs) == pairs


@pytest.mark.parametrize("title, summary, pairs", [
    # blind batches 44 and 45: co-investors a few words before 参投/跟投; owners in Japanese and Korean
    # ("傘下", "系の", "의 자회사", "구글 웨이모"); a rival or a market after the name ("テスラに対抗", "현대차
    # 등 완성차")
    ("日产汽车参投Wayve D轮融资", "Wayve今日宣布完成D轮融资，日产汽车作为战略投资方参投，英伟达、微软等现有股东跟投。",
     {("Nissan", "Wayve")}),
    ("日産、Mobileyeとの運転支援契約を終了",
     "日産自動車は、米インテル傘下のイスラエル企業Mobileyeと結んでいた供給契約を終了する。", {("Nissan", "Mobileye")}),
    ("トヨタとウェイモ、東京で自動運転タクシーの共同実証",
     "トヨタ自動車と米グーグル系の自動運転開発会社ウェイモは共同実証を始める。", {("Toyota", "Waymo")}),
    ("현대차, 구글 웨이모에 아이오닉 5 로보택시 5만대 공급", "", {("Hyundai", "Waymo")}),
    ("ソフトバンクとエヌビディア、車載向け生成AI基盤で協業　テスラに対抗", "", set()),
    ("삼성전자·퀄컴, 차량용 칩 2나노 파운드리 협력…현대차 등 완성차 공략", "", set()),
])
def test_cjk_co_investors_owners_and_rivals(shipped, title, summary, pairs):
    found = shipped.match(title, summary)
    assert {p for p in found.pairs if found.kind == "oem-tech"} == pairs, found


@pytest.mark.parametrize("title, pairs", [
    # a third review: an owner named with 傘下/系の only for its own unit of its own kind; "X系" an
    # affiliation; co-investors not the company funded
    ("トヨタ傘下のダイハツがエヌビディアと提携", {("Toyota", "Nvidia")}),
    ("デンソーなどトヨタ系の部品メーカーとエヌビディアが提携", set()),
    ("华为系车企赛力斯与宁德时代签约", {("Seres", "CATL")}),
    ("蔚来系列车型全系搭载英伟达Orin芯片", {("NIO", "Nvidia")}),
    ("小马智行获沙特PIF参投，丰田汽车同步跟投，本轮融资额超2亿美元", {("Toyota", "Pony.ai")}),
])
def test_cjk_owners_affiliations_and_the_company_funded(shipped, title, pairs):
    found = shipped.match(title)
    assert {p for p in found.pairs if found.kind == "oem-tech"} == pairs, found
