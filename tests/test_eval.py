"""Tie-up detection, measured: the labelled set scored with the shipped config must not fall
below the figures reached (README, "Tie-up detection"), and `python -m marketwatch.eval`
reports them readably."""

from __future__ import annotations

import functools
import json
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from marketwatch.config import load_config, parse_config
from marketwatch.dealtypes import DEAL_TYPES
from marketwatch.eval import evaluate, load_labels, main

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "tieups.jsonl"
BLIND2 = ROOT / "tests" / "data" / "tieups_blind2.jsonl"
BLIND3 = ROOT / "tests" / "data" / "tieups_blind3.jsonl"
BLIND4 = ROOT / "tests" / "data" / "tieups_blind4.jsonl"
BLIND5 = ROOT / "tests" / "data" / "tieups_blind5.jsonl"
BLIND6 = ROOT / "tests" / "data" / "tieups_blind6.jsonl"
BLIND7 = ROOT / "tests" / "data" / "tieups_blind7.jsonl"
BLIND8 = ROOT / "tests" / "data" / "tieups_blind8.jsonl"
BLIND9 = ROOT / "tests" / "data" / "tieups_blind9.jsonl"
BLIND10 = ROOT / "tests" / "data" / "tieups_blind10.jsonl"
BLIND11 = ROOT / "tests" / "data" / "tieups_blind11.jsonl"
BLIND12 = ROOT / "tests" / "data" / "tieups_blind12.jsonl"
BLIND13 = ROOT / "tests" / "data" / "tieups_blind13.jsonl"
BLIND14 = ROOT / "tests" / "data" / "tieups_blind14.jsonl"
BLIND15 = ROOT / "tests" / "data" / "tieups_blind15.jsonl"
BLIND16 = ROOT / "tests" / "data" / "tieups_blind16.jsonl"
BLIND17 = ROOT / "tests" / "data" / "tieups_blind17.jsonl"
BLIND18 = ROOT / "tests" / "data" / "tieups_blind18.jsonl"
BLIND19 = ROOT / "tests" / "data" / "tieups_blind19.jsonl"
BLIND20 = ROOT / "tests" / "data" / "tieups_blind20.jsonl"
BLIND21 = ROOT / "tests" / "data" / "tieups_blind21.jsonl"
BLIND22 = ROOT / "tests" / "data" / "tieups_blind22.jsonl"
BLIND23 = ROOT / "tests" / "data" / "tieups_blind23.jsonl"
BLIND24 = ROOT / "tests" / "data" / "tieups_blind24.jsonl"
BLIND25 = ROOT / "tests" / "data" / "tieups_blind25.jsonl"
BLIND26 = ROOT / "tests" / "data" / "tieups_blind26.jsonl"
BLIND27 = ROOT / "tests" / "data" / "tieups_blind27.jsonl"
BLIND28 = ROOT / "tests" / "data" / "tieups_blind28.jsonl"
BLIND29 = ROOT / "tests" / "data" / "tieups_blind29.jsonl"
BLIND30 = ROOT / "tests" / "data" / "tieups_blind30.jsonl"
BLIND31 = ROOT / "tests" / "data" / "tieups_blind31.jsonl"
BLIND32 = ROOT / "tests" / "data" / "tieups_blind32.jsonl"
BLIND33 = ROOT / "tests" / "data" / "tieups_blind33.jsonl"
BLIND34 = ROOT / "tests" / "data" / "tieups_blind34.jsonl"
BLIND35 = ROOT / "tests" / "data" / "tieups_blind35.jsonl"
BLIND36 = ROOT / "tests" / "data" / "tieups_blind36.jsonl"
BLIND37 = ROOT / "tests" / "data" / "tieups_blind37.jsonl"
BLIND38 = ROOT / "tests" / "data" / "tieups_blind38.jsonl"
BLIND39 = ROOT / "tests" / "data" / "tieups_blind39.jsonl"
BLIND40 = ROOT / "tests" / "data" / "tieups_blind40.jsonl"
BLIND41 = ROOT / "tests" / "data" / "tieups_blind41.jsonl"
BLIND42 = ROOT / "tests" / "data" / "tieups_blind42.jsonl"
BLIND43 = ROOT / "tests" / "data" / "tieups_blind43.jsonl"
BLIND44 = ROOT / "tests" / "data" / "tieups_blind44.jsonl"
BLIND45 = ROOT / "tests" / "data" / "tieups_blind45.jsonl"
BLIND46 = ROOT / "tests" / "data" / "tieups_blind46.jsonl"
BLIND47 = ROOT / "tests" / "data" / "tieups_blind47.jsonl"
BLIND48 = ROOT / "tests" / "data" / "tieups_blind48.jsonl"
BLIND49 = ROOT / "tests" / "data" / "tieups_blind49.jsonl"
BLIND50 = ROOT / "tests" / "data" / "tieups_blind50.jsonl"
BLIND51 = ROOT / "tests" / "data" / "tieups_blind51.jsonl"
BLIND52 = ROOT / "tests" / "data" / "tieups_blind52.jsonl"
BLIND53 = ROOT / "tests" / "data" / "tieups_blind53.jsonl"
BLIND54 = ROOT / "tests" / "data" / "tieups_blind54.jsonl"
BLIND55 = ROOT / "tests" / "data" / "tieups_blind55.jsonl"
BLIND56 = ROOT / "tests" / "data" / "tieups_blind56.jsonl"
BLIND57 = ROOT / "tests" / "data" / "tieups_blind57.jsonl"
BLIND58 = ROOT / "tests" / "data" / "tieups_blind58.jsonl"
BLIND59 = ROOT / "tests" / "data" / "tieups_blind59.jsonl"
BLIND60 = ROOT / "tests" / "data" / "tieups_blind60.jsonl"
BLIND61 = ROOT / "tests" / "data" / "tieups_blind61.jsonl"
BLIND62 = ROOT / "tests" / "data" / "tieups_blind62.jsonl"
BLIND63 = ROOT / "tests" / "data" / "tieups_blind63.jsonl"
BLIND64 = ROOT / "tests" / "data" / "tieups_blind64.jsonl"
BLIND65 = ROOT / "tests" / "data" / "tieups_blind65.jsonl"
BLIND66 = ROOT / "tests" / "data" / "tieups_blind66.jsonl"
BLIND67 = ROOT / "tests" / "data" / "tieups_blind67.jsonl"
BLIND68 = ROOT / "tests" / "data" / "tieups_blind68.jsonl"
BLIND69 = ROOT / "tests" / "data" / "tieups_blind69.jsonl"
BLIND70 = ROOT / "tests" / "data" / "tieups_blind70.jsonl"
BLIND71 = ROOT / "tests" / "data" / "tieups_blind71.jsonl"
BLIND72 = ROOT / "tests" / "data" / "tieups_blind72.jsonl"
BLIND73 = ROOT / "tests" / "data" / "tieups_blind73.jsonl"
BLIND74 = ROOT / "tests" / "data" / "tieups_blind74.jsonl"
BLIND75 = ROOT / "tests" / "data" / "tieups_blind75.jsonl"
BLIND76 = ROOT / "tests" / "data" / "tieups_blind76.jsonl"
BLIND77 = ROOT / "tests" / "data" / "tieups_blind77.jsonl"
BLIND78 = ROOT / "tests" / "data" / "tieups_blind78.jsonl"
BLIND79 = ROOT / "tests" / "data" / "tieups_blind79.jsonl"
BLIND80 = ROOT / "tests" / "data" / "tieups_blind80.jsonl"
BLIND81 = ROOT / "tests" / "data" / "tieups_blind81.jsonl"
BLIND82 = ROOT / "tests" / "data" / "tieups_blind82.jsonl"
BLIND83 = ROOT / "tests" / "data" / "tieups_blind83.jsonl"
BLIND84 = ROOT / "tests" / "data" / "tieups_blind84.jsonl"
SHIPPED = ROOT / "config.toml"

# Reached with the shipped config on 340 stories (story 0.995 / 1.000 / 0.997, pair 0.977 /
# 0.996); each floor leaves room for about one more wrong story or two more wrong pairs.
FLOORS = {
    ("stories", "precision"): 0.985, ("stories", "recall"): 0.994, ("stories", "f1"): 0.99,
    ("pairs", "precision"): 0.965, ("pairs", "recall"): 0.99,
}


# The second blind batch (80 stories, written and committed before the matcher saw them) scored
# story 0.878 / 0.783 / 0.828, pair 0.840 / 0.818 untouched; after the fixes it prompted, story
# 1.000 / 1.000 / 1.000, pair 0.987 / 0.987. Room for about one more wrong story or two pairs.
FLOORS_BLIND2 = {
    ("stories", "precision"): 0.975, ("stories", "recall"): 0.975, ("stories", "f1"): 0.975,
    ("pairs", "precision"): 0.96, ("pairs", "recall"): 0.96,
}


# The third blind batch (40 stories aimed at the blind-2 rules, committed before the matcher saw
# them) scored story 0.750 / 0.955 / 0.840, pair 0.596 / 0.903 untouched (the code before the
# blind-2 rules: story F1 0.744, pair 0.513 / 0.645); after its fixes, story 1.000 / 0.955 / 0.977,
# pair 0.935 / 0.935. Room for about one more wrong story or two pairs.
FLOORS_BLIND3 = {
    ("stories", "precision"): 0.95, ("stories", "recall"): 0.9, ("stories", "f1"): 0.93,
    ("pairs", "precision"): 0.87, ("pairs", "recall"): 0.87,
}


# The fourth blind batch (60 stories: Japanese, Korean, Indian and European carmakers, chips,
# cloud and AI, batteries, lidar, robotaxis, new deal wordings; hard negatives such as market
# roundups, denials, idioms; committed before the matcher saw them) scored story 0.781 / 0.781 /
# 0.781, pair 0.634 / 0.743 untouched. Two labels were then corrected to the earlier batches'
# conventions (Rivian pausing a van venture with Mercedes-Benz is a tie-up ended, as end-05;
# GM's Cruise with Uber is a GM tie-up, as inv-05): the untouched code scores story 0.844 /
# 0.794 / 0.818, pair 0.683 / 0.757 on them. After its fixes, story 0.971 / 1.000 / 0.986, pair
# 0.949 / 1.000. Room for about one more wrong story or two pairs.
FLOORS_BLIND4 = {
    ("stories", "precision"): 0.94, ("stories", "recall"): 0.965, ("stories", "f1"): 0.965,
    ("pairs", "precision"): 0.9, ("pairs", "recall"): 0.94,
}


# The fifth blind batch (60 stories: Chinese carmakers with Chinese and Western tech, AI
# assistants, robotaxi and ride-hailing fleets, new wordings, French, Spanish, Japanese, German
# and Chinese items; hard negatives such as "Grab A Coffee", "the Amazon", 北极星, market reports
# without "shares", an analyst's advice, a sponsorship; committed before the matcher saw them)
# scored story 0.793 / 0.697 / 0.742, pair 0.629 / 0.629 untouched; no label was corrected. After
# its fixes, story 1.000 / 1.000 / 1.000, pair 1.000 / 1.000. Room for about one more wrong story
# or two pairs.
FLOORS_BLIND5 = {
    ("stories", "precision"): 0.965, ("stories", "recall"): 0.965, ("stories", "f1"): 0.965,
    ("pairs", "precision"): 0.94, ("pairs", "recall"): 0.94,
}


# The sixth blind batch (61 stories: trucks and buses, a motorcycle, suppliers, brands and ventures
# named by their own name, Reuters/Nikkei/TechCrunch/Electrek headlines, deals renewed, expanded,
# scaled back or planned; hard negatives such as Aurora Labs, Archer-Daniels-Midland, Toyota
# Tsusho, "Ford v Ferrari", lawsuits, reviews, roundups, dismissed reports; committed before the
# matcher saw them) scored story 0.743 / 0.788 / 0.765, pair 0.635 / 0.786 untouched; no label was
# corrected. After its fixes, story 1.000 / 1.000 / 1.000, pair 0.977 / 1.000. Room for about one
# more wrong story or two pairs.
FLOORS_BLIND6 = {
    ("stories", "precision"): 0.965, ("stories", "recall"): 0.965, ("stories", "f1"): 0.965,
    ("pairs", "precision"): 0.93, ("pairs", "recall"): 0.95,
}


# The seventh blind batch (59 stories: feed noise such as press-release boilerplate, stock tickers,
# summaries cut with "…", quoted, all-caps and lower-case headlines, HTML entities; deals of three
# or four parties; alliances, Sony Honda Mobility and brands of Stellantis, VW, Geely and Hyundai;
# Korean and Italian; hard negatives such as conference line-ups, award lists, job ads, analysts'
# price targets, comparisons, launches naming a supplier in passing, "Oracle of Omaha", the Kia
# Tigers; committed before the matcher saw them) scored story 0.812 / 0.812 / 0.812, pair 0.841 /
# 0.860 untouched. One label was then corrected to an earlier convention (Avatr, joined as a
# shareholder of Huawei's unit, pairs with Huawei, as b3-inv-05): pair 0.864 / 0.864 untouched.
# After its fixes, story 0.941 / 1.000 / 0.970, pair 0.957 / 1.000 (an analyst's price target on
# a tie-up and "Mercedes Moné" still false alarms). Room for about one more wrong story or two pairs.
FLOORS_BLIND7 = {
    ("stories", "precision"): 0.91, ("stories", "recall"): 0.965, ("stories", "f1"): 0.94,
    ("pairs", "precision"): 0.91, ("pairs", "recall"): 0.95,
}


# The eighth blind batch (60 stories: deals told with verbs such as taps, picks, enlists, bets on,
# backs and inks; a company named only in the summary or as "the startup"; relative clauses and
# long sentences; AI assistants (ChatGPT, Gemini, Qwen, Ernie, Doubao), robotaxi and ride-hailing
# fleets, chips, lidar, maps, battery licences, phone keys; deals ended and talks; German, French,
# Spanish, Japanese and Chinese; hard negatives such as Richard Ford, "Grab Back", "A Smart Hire",
# the Washington Apple Commission, "Mini Recession", "A Lucid Case", "Our Polestar", sponsors,
# earnings, a lawsuit, a recall, a strike, rankings, a conference line-up, opinion, insurance and
# payments with companies the config lacks; committed before the matcher saw them) scored story
# 0.686 / 0.800 / 0.738, pair 0.540 / 0.794 untouched; no label was corrected. After its fixes,
# story 0.967 / 0.967 / 0.967, pair 0.917 / 0.971 ("ChatGPT" alone is no OpenAI in the config, an
# interview's "Our Polestar" and "Mini Data Centres" remain). Room for about one more wrong story
# or two pairs.
FLOORS_BLIND8 = {
    ("stories", "precision"): 0.93, ("stories", "recall"): 0.93, ("stories", "f1"): 0.945,
    ("pairs", "precision"): 0.865, ("pairs", "recall"): 0.91,
}


# The ninth blind batch (60 stories: feed noise such as Google News titles with " - Reuters",
# " - TechCrunch" or " - Electrek" and summaries that repeat the headline as an HTML link or list a
# cluster of sources, "UPDATE 2-", "EXCLUSIVE-", "BRIEF-" and "WRAPUP 2-" prefixes, quoted titles,
# bylines and datelines, first sentences only, very short titles, question headlines, a listicle,
# earnings calls, executive moves, investor-relations releases; brands, units and ventures such as
# smart, Woven by Toyota, Cariad, Ampere, SAIC-GM, GAC Toyota, Motional and Waymo; Chinese,
# Japanese, Korean, German and French headlines with Latin names; hard negatives such as apple
# orchards, the Amazon river, "Genesis Of An Idea", a meta-analysis, "Ask The Oracle", a singer
# named Tesla, a Mercedes who is a person, a stock index, "Arm's Length", "a Nio-style battery
# swap", an F1 team's sponsor; committed before the matcher saw them) scored story 0.744 / 0.967 /
# 0.841, pair 0.647 / 0.868 untouched. One label was then corrected to an earlier convention
# (BMW Group named beside the BMW iX3 is BMW only, as par-07): pair 0.647 / 0.892 untouched. After
# its fixes, story 0.967 / 0.967 / 0.967, pair 0.917 / 0.892; with "robotaxi" among Lucid's context
# words in the config, story 0.968 / 1.000 / 0.984, pair 0.921 / 0.946 ("Waymo's Zeekr-built
# vehicles" in another company's deal, a Google News cluster's two
# headlines in one sentence and "Hyundai Motor Group Metaplant America" remain). Room for about
# one more wrong story or two pairs.
FLOORS_BLIND9 = {
    ("stories", "precision"): 0.93, ("stories", "recall"): 0.93, ("stories", "f1"): 0.945,
    ("pairs", "precision"): 0.865, ("pairs", "recall"): 0.84,
}


# The tenth blind batch (60 stories: humanoid robots, LLM assistants, satellite links, software
# platforms, custom silicon, maps, charging, Indian carmakers, Gulf investors, robotaxis in new
# cities, deals renewed, expanded and ended; names as words (Dana Ford, "A Stronger Arm",
# "Meta-Learning"), executive moves, a lawsuit, a market report; committed before the matcher saw
# them) scored story 0.794 / 0.900 / 0.844, pair 0.789 / 0.857 untouched, its summaries cleaned as
# a refresh cleans them (0.771 / 0.900 / 0.831 read raw, entities and all). After its fixes, story
# 0.903 / 0.933 / 0.918, pair 0.912 / 0.886 ("Hyundai's Boston Dynamics" for Hyundai, CarPlay for
# Apple, "at Zeekr's plant", "Jaguar Land Rover-built" and a venture's co-owner remain). Room for
# about one more wrong story or two pairs.
FLOORS_BLIND10 = {
    ("stories", "precision"): 0.87, ("stories", "recall"): 0.89, ("stories", "f1"): 0.88,
    ("pairs", "precision"): 0.86, ("pairs", "recall"): 0.82,
}

# The eleventh blind batch (60 stories: in-car assistants, cloud and chip deals, lidar and radar
# supply, robotaxis with carmakers' vans, venture arms in funding rounds, German, French, Spanish,
# Chinese, Japanese and Korean headlines; names as words ("Ford's AI Arm", Harrison Ford, Grab),
# an opinion column, an award, a market-research release, a denied rumour, Porsche SE; committed
# before the matcher saw them) scored story 0.829 / 0.967 / 0.892, pair 0.530 / 0.972 untouched.
# After its fixes every story and pair is right (four deal types differ), on stories the fixes
# were made for. Room for about two wrong stories or three pairs.
FLOORS_BLIND11 = {
    ("stories", "precision"): 0.93, ("stories", "recall"): 0.93, ("stories", "f1"): 0.93,
    ("pairs", "precision"): 0.91, ("pairs", "recall"): 0.91,
}

# The twelfth blind batch (60 stories: Google News items, press releases with boilerplate, deals in a
# second or third sentence, executives' quotes, brands and units, trucks and two-wheelers, payments,
# insurance, charging, plant visits, trade shows, earnings calls; Italian, Portuguese, Chinese,
# Japanese and Korean headlines; Amazon the river, Seat, Meta, Nothing, Mini; committed after
# blind-11's rules and before the matcher saw it) scored story 0.781 / 0.833 / 0.806, pair 0.556 /
# 0.857 untouched. After its fixes story 0.906 / 0.967 / 0.935, pair 0.654 / 0.971 (earnings calls
# listing partners a company already has, and a Chinese show report, remain); story 0.935 / 0.967 /
# 0.951, pair 0.850 / 0.971 once blind-31's rules read a count of partners as no deal.
FLOORS_BLIND12 = {
    ("stories", "precision"): 0.93, ("stories", "recall"): 0.96, ("stories", "f1"): 0.95,
    ("pairs", "precision"): 0.84, ("pairs", "recall"): 0.97,
}

# The thirteenth blind batch (60 stories: wire press releases with "About" boilerplate, newsletters
# and morning briefings, stock movers, robotaxis and ride-hailing, chips, cloud and AI deals,
# batteries, Chinese tech; a retrospective, an anniversary, Olympic sponsors, an earnings call's
# customers, "no deal yet"; German, French, Spanish, Japanese and Chinese; committed after
# blind-12's rules and before the matcher saw it) scored story 0.824 / 0.933 / 0.875, pair 0.561 /
# 0.941 untouched. After its fixes story 1.000 / 0.967 / 0.983, pair 1.000 / 0.971 (a German
# briefing's "Audi holt Googles Gemini" remains), on stories the fixes were made for. Room for
# about two wrong stories or three pairs.
FLOORS_BLIND13 = {
    ("stories", "precision"): 0.93, ("stories", "recall"): 0.93, ("stories", "f1"): 0.93,
    ("pairs", "precision"): 0.91, ("pairs", "recall"): 0.91,
}

# The fourteenth blind batch (60 stories: Indian, Southeast Asian, Latin American and Gulf carmakers,
# trucks, two-wheelers, satellites, payments, recycling, solid-state cells, CarPlay Ultra, analyst
# notes, a consumer court, an in-house chip, supplier-to-supplier deals; Hinglish, Vietnamese,
# Indonesian, Portuguese, German, Japanese, Chinese and Korean; committed after blind-13's rules
# and before the matcher saw it) scored story 0.800 / 0.933 / 0.862, pair 0.560 / 0.933 untouched.
# After its fixes every story and pair is right, on stories the fixes were made for. Room for
# about two wrong stories or three pairs.
FLOORS_BLIND14 = {
    ("stories", "precision"): 0.93, ("stories", "recall"): 0.93, ("stories", "f1"): 0.93,
    ("pairs", "precision"): 0.91, ("pairs", "recall"): 0.91,
}

# The fifteenth blind batch (60 stories: deals told in a second or third sentence, announced by the
# tech firm, renewed and expanded; tickers such as NVDA and (7203.T), all-caps headlines, alliances
# as the party; reviews, speaker line-ups, a sponsorship, job moves, a history piece, an analyst's
# note; Turkish, Polish, Dutch, Swedish, Thai, Indonesian and Portuguese; committed before the
# matcher saw it) scored story 0.821 / 0.767 / 0.793, pair 0.758 / 0.781 untouched. After its fixes
# (Turkish, Polish and Thai deal words, tickers and Amap as aliases, "licensed taxis", "head Taro
# Suzuki", "When ... in October 2022,", "agreed with Google to adopt", "production contract", an
# analysts' note, a front-runner) story 0.909 / 1.000 / 0.952, pair 0.865 / 1.000: a job move in
# Portuguese, a sponsor's two partners and "Uber Japan's Suzuki says" remain. Room for about one
# more wrong story or two pairs.
FLOORS_BLIND15 = {
    ("stories", "precision"): 0.88, ("stories", "recall"): 0.96, ("stories", "f1"): 0.92,
    ("pairs", "precision"): 0.82, ("pairs", "recall"): 0.93,
}

# The sixteenth blind batch (60 stories: parties named by a description after the headline ("the
# Stuttgart-based automaker"), deals told across two sentences, one carmaker with two tech firms,
# venture funds, payments and insurance, charging, robotaxi fleet orders, press releases; best-of
# lists, a recall, a probe, a hackathon, names as words, group companies the config excludes;
# German, French, Spanish, Japanese, Korean and Chinese; committed before the matcher saw it)
# scored story 0.818 / 0.900 / 0.857, pair 0.627 / 0.914 untouched. After its fixes (a group named
# as whose the subject is, "Our Polestar", Chinese 此前, French and Spanish orders of cars, Bolt's
# French context) story 0.933 / 0.933 / 0.933, pair 0.825 / 0.943: a cloud tender won across
# sentences, a German pilot, talks that ended in 2021, an office-software upgrade and background
# partners in the summary remain. Room for about one more wrong story or two pairs.
FLOORS_BLIND16 = {
    ("stories", "precision"): 0.90, ("stories", "recall"): 0.90, ("stories", "f1"): 0.90,
    ("pairs", "precision"): 0.78, ("pairs", "recall"): 0.88,
}

# The seventeenth (30 tie-ups, 30 hard negatives: generative-AI assistants, factory robots,
# satellites, vehicle-to-grid, defence, emerging markets, earnings calls, show round-ups, parties
# named by descriptions, consortia, renewals, deals ended, rumours, lawsuits, names as words;
# Chinese, Japanese, Korean, German, Portuguese and Spanish; committed before the matcher saw it)
# scored story 0.811 / 1.000 / 0.896, pair 0.778 / 1.000 untouched: all seven false alarms were
# advice, wishes, questions or deals ruled out, and an aside naming a supplier's customers. After
# its fixes, every story and pair right, on stories the fixes were made for.
FLOORS_BLIND17 = {
    ("stories", "precision"): 0.96, ("stories", "recall"): 0.96, ("stories", "f1"): 0.96,
    ("pairs", "precision"): 0.94, ("pairs", "recall"): 0.94,
}

# The eighteenth (30 tie-ups, 30 hard negatives: maps, insurance and driving data, charging, OTA
# software, chip foundries, sovereign and corporate funds, exchange filings, press releases naming
# the carmaker late, long summaries of many companies, questions, anonymous sources, deals extended
# or paused, patent licences; an index inclusion, a sponsorship, a lawsuit, a CEO's own car; ten
# languages; committed before the matcher saw it) scored story 0.722 / 0.867 / 0.788, pair 0.636 /
# 0.875 untouched. After its fixes, story 1.000 / 0.900 / 0.947, pair 1.000 / 0.906: a carmaker
# named only in a release's second paragraph (twice) and a German cloud move are still missed.
FLOORS_BLIND18 = {
    ("stories", "precision"): 0.96, ("stories", "recall"): 0.88, ("stories", "f1"): 0.92,
    ("pairs", "precision"): 0.94, ("pairs", "recall"): 0.88,
}

# The nineteenth (30 tie-ups, 30 hard negatives: trucks, buses, two- and three-wheelers, air taxis,
# Indian, Gulf, Latin American and Southeast Asian carmakers, chips, software, telecom, cloud,
# cybersecurity, plant robots; market-share tables, rivals, a paint colour, one investor's holdings;
# thirteen languages besides English; committed before the matcher saw it) scored story 0.800 /
# 0.800 / 0.800, pair 0.800 / 0.800 untouched. After its fixes, story 0.964 / 0.900 / 0.931, pair
# the same: a French plant named as a landmark beside its brands, a two-wheeler's "put chips in",
# a Vietnamese Grab without its context words and a release naming the carmaker late remain.
FLOORS_BLIND19 = {
    ("stories", "precision"): 0.92, ("stories", "recall"): 0.88, ("stories", "f1"): 0.90,
    ("pairs", "precision"): 0.92, ("pairs", "recall"): 0.88,
}

# The twentieth (30 tie-ups, 30 hard negatives: wire formats, software platforms, payments,
# ride-hailing, trucking, lidar, charging, recycling, AI startups, fleet orders, stake sales; a
# lawsuit, a job move, a wrap-up, a teardown, a rival's deal; six languages; committed before the
# matcher saw it) scored story 0.857 / 1.000 / 0.923, pair 0.791 / 1.000 untouched. After its fixes,
# story 1.000 / 1.000 / 1.000, pair 0.919 / 1.000: a carmaker's production partner beside its talks
# and a group's brands beside the group remain.
FLOORS_BLIND20 = {
    ("stories", "precision"): 0.96, ("stories", "recall"): 0.96, ("stories", "f1"): 0.96,
    ("pairs", "precision"): 0.88, ("pairs", "recall"): 0.96,
}

# The twenty-first (30 tie-ups, 30 hard negatives: in-car commerce, digital cockpits, cloud, satellite,
# digital twins, quantum, cybersecurity, V2X, autonomous trucking, humanoid robots, V2G, venture arms,
# licensing; earnings, analyst notes, podcasts, listicles, name clashes, denials, refusals, job moves;
# eight languages; committed before the matcher saw it) scored story 0.725 / 0.967 / 0.829, pair
# 0.635 / 0.971 untouched. After its fixes (narrowed after a review's 262 probes), story 0.909 /
# 1.000 / 0.952, pair 0.850 / 1.000: a 2015 deal told in a retrospective headline, three carmakers
# (XPeng among them, also tech) signing together, a French opinion's "rêvent d'un rapprochement"
# after "l'abandon du projet Titan", and the owner of a party named as an analyst's stock remain.
FLOORS_BLIND21 = {
    ("stories", "precision"): 0.90, ("stories", "recall"): 1.0, ("stories", "f1"): 0.95,
    ("pairs", "precision"): 0.85, ("pairs", "recall"): 1.0,
}

# The twenty-second (30 tie-ups, 30 hard negatives: battery recycling and materials, solid-state
# cells, a joint chip fab, ride-hailing fleets, rental and subscription cars, in-car ads, driving data
# for AI, AR head-up displays, voice biometrics, smart home, telematics, valet parking, in-car gaming,
# a research lab, an EU consortium; names as words, denials, a lawsuit, a strike; eleven languages;
# committed before the matcher saw it) scored story 0.853 / 0.967 / 0.906, pair 0.750 / 0.968
# untouched. After its fixes, story 1.000 / 0.967 / 0.983, pair 1.000 / 0.968: a headline that rules
# out a guess before naming the real supplier ("BMW and Qualcomm? No - it's Samsung's Harman") remains.
FLOORS_BLIND22 = {
    ("stories", "precision"): 1.0, ("stories", "recall"): 0.96, ("stories", "f1"): 0.98,
    ("pairs", "precision"): 1.0, ("pairs", "recall"): 0.96,
}

# The twenty-third (30 tie-ups, 30 hard negatives, in the shapes feeds print: Google News clusters,
# press releases with boilerplate, wire prefixes, factboxes, newsletters, earnings calls, all-caps
# and very short headlines, HTML entities; eleven languages; committed before the matcher saw it)
# scored story 0.806 / 0.967 / 0.879, pair 0.596 / 0.969 untouched. After its fixes (narrowed after a
# review's 176 probes), story 0.935 / 0.967 / 0.951, pair 0.756 / 0.969: a factbox of past deals (a
# factbox of a new one is news), a retrospective's "In 2016 Uber put ..." without its comma, a design
# win told under an earnings headline and an old venture in a Japanese story's background remain.
FLOORS_BLIND23 = {
    ("stories", "precision"): 0.93, ("stories", "recall"): 0.96, ("stories", "f1"): 0.95,
    ("pairs", "precision"): 0.75, ("pairs", "recall"): 0.96,
}

# The twenty-fourth (30 tie-ups, 30 hard negatives stressing syntax: passive voice, nominal headlines,
# "X-backed" compounds, possessives, appositions, executives' quotes, deals announced by governments
# and universities, carmakers' units, renewals, pending deals; thirteen languages; committed before
# the matcher saw it) scored story 0.811 / 1.000 / 0.896, pair 0.750 / 1.000 untouched. After its
# fixes, story 0.968 / 1.000 / 0.984, pair 0.968 / 1.000: an Arabic "a year after Lucid signed with
# Uber" as background remains.
FLOORS_BLIND24 = {
    ("stories", "precision"): 0.96, ("stories", "recall"): 1.0, ("stories", "f1"): 0.98,
    ("pairs", "precision"): 0.96, ("pairs", "recall"): 1.0,
}

# The twenty-fifth (30 tie-ups told in long summaries, by three or four parties, through brands and
# units, as expansions, stake changes and supply of chips, lidar, cells and software, three in other
# languages; 30 hard negatives: benchmarks, rankings, launches, executive moves, market shares,
# ordinary customers, old deals as background, speculation, name clashes; committed before the matcher
# saw it) scored story 0.882 / 1.000 / 0.938, pair 0.897 / 1.000 untouched: a fund manager's "should
# buy a stake", "Supplier Risk Intel", "land in the Amazon over ten years", "as Buyers Grab Year-End EV
# Deals". After its fixes, and a review's narrowing of them (43 regressions in 247 probes, none left),
# story and pair 1.000 / 1.000.
FLOORS_BLIND25 = {
    ("stories", "precision"): 1.0, ("stories", "recall"): 1.0, ("stories", "f1"): 1.0,
    ("pairs", "precision"): 1.0, ("pairs", "recall"): 1.0,
}


# The twenty-sixth (30 tie-ups in the house styles of wires, trade press, newsrooms and Korean and
# Indian outlets: "sources say", deals confirmed after a report, the tech firm as subject, "tapped",
# named products; 30 hard negatives: earnings, quotes, recalls, lawsuits, price wars, rankings,
# comparisons, job moves, market reports, a drivers' strike, events, name clashes; committed before
# the matcher saw it) scored story 0.882 / 1.000 / 0.938, pair 0.882 / 1.000 untouched: "Riders Grab
# Honda's Deals", "Nvidia's Mercedes Alvarez on why", "Hub in Aurora, Nebraska", Kia's talks with
# Apple in 2021 as background. After its fixes, and a review's narrowing of them (37 regressions in
# 210 probes, none left), story and pair 0.968 / 1.000: the last remains.
FLOORS_BLIND26 = {
    ("stories", "precision"): 0.96, ("stories", "recall"): 1.0, ("stories", "f1"): 0.98,
    ("pairs", "precision"): 0.96, ("pairs", "recall"): 1.0,
}


# The twenty-seventh (30 tie-ups told with trade copy's verbs, "taps", "enlists", "ropes in", "goes
# with", "opts for", "leans on", from the tech firm's side, in a quote, in German, Spanish, Italian and
# Japanese; 30 negatives of lists and tables: index reshuffles, rankings, movers, patent counts,
# exhibitor and customer lists, supply-chain maps, panels, job cuts, a lawsuit, a recall, name
# clashes, failed talks; committed before the matcher saw it) scored story 0.963 / 0.867 / 0.912
# untouched. After its fixes ("goes with", "opts for", "leans on", with a company as their subject
# after a review found 40 regressions in 176 probes) and a co-founder who is also chief executive
# speaking for the company ("We are delighted to welcome Stellantis as a partner," Pony.ai co-founder
# and chief executive James Peng said), story and pair 0.968 / 1.000: failed talks (typed ended,
# labelled no deal) remain.
FLOORS_BLIND27 = {
    ("stories", "precision"): 0.96, ("stories", "recall"): 1.0, ("stories", "f1"): 0.98,
    ("pairs", "precision"): 0.96, ("pairs", "recall"): 1.0,
}


# The twenty-eighth (China's auto-tech news as English-language outlets and five Chinese headlines
# write it: 30 tie-ups of brands, units, HIMA, nominations, JVs, stakes, robotaxis; 30 negatives of
# delivery tables, price wars, share rankings, stock movers, in-house chips, name clashes; committed
# before the matcher saw it) scored story 0.857 / 1.000 / 0.923, pair 0.756 / 1.000 untouched: every
# false alarm a table or a market report. After its fixes, and a review's narrowing of them (50
# regressions in 219 probes, none left), story and pair 1.000 / 1.000.
FLOORS_BLIND28 = {
    ("stories", "precision"): 1.0, ("stories", "recall"): 1.0, ("stories", "f1"): 1.0,
    ("pairs", "precision"): 1.0, ("pairs", "recall"): 1.0,
}


# The twenty-ninth (European and US outlets and newsrooms: press releases with "About" boilerplate,
# long summaries naming four to eight companies, software, AI-assistant, charging and truck deals;
# negatives of releases about something else, deals with companies the config lacks, conference
# recaps, generic "partners"; committed before the matcher saw it) scored story 0.935 / 0.967 /
# 0.951, pair 0.857 / 0.968 untouched. After its fixes (a person's career, "its advertising
# partners", "will build Amazon's Alexa+ into ... its cars"), story 1.000 / 1.000, pair 0.912 /
# 1.000; 1.000 / 1.000 once "Volkswagen Group Technologies" (the group's software unit) was made
# Volkswagen's alias: it stood for the whole group's brands.
FLOORS_BLIND29 = {
    ("stories", "precision"): 1.0, ("stories", "recall"): 1.0, ("stories", "f1"): 1.0,
    ("pairs", "precision"): 1.0, ("pairs", "recall"): 1.0,
}



# The thirtieth (how aggregators and markets desks write it: Google News titles with the outlet,
# headline-only items, tickers and cashtags, paywalled teasers, market wraps and live blogs that
# bundle items; negatives of share moves, analyst notes, recalls, lawsuits, sponsors, name clashes;
# committed before the matcher saw it) scored story 0.967 / 0.967 / 0.967, pair 0.935 / 0.967
# untouched. After its fixes (a contract ended, a market's trade unwound, a supplier's "Renault lidar
# win" under a "Stock market today:" headline), story 1.000 / 1.000, pair 0.968 / 1.000: a live
# blog's headline lists "Cupra and Qualcomm team up, Porsche's Cayenne Electric" as one sentence.
FLOORS_BLIND30 = {
    ("stories", "precision"): 1.0, ("stories", "recall"): 1.0, ("stories", "f1"): 1.0,
    ("pairs", "precision"): 0.96, ("pairs", "recall"): 1.0,
}


# The thirty-first (mobility operators and fleets: ride-hailing, robotaxi and delivery firms with
# carmakers, fleet orders, driver financing, charging, insurance, city pilots, seven languages;
# negatives of drivers' and riders' choices, rental fleets, crashes, strikes, surveys, name
# clashes) scored story 0.824 / 0.933 / 0.875, pair 0.702 / 0.917 untouched. After its fixes, story
# 0.909 / 1.000: left are a carmaker named as the maker of another company's fleet ("Waymo's
# Zeekr-built robotaxis", twice) and a rental company's order for Uber drivers.
FLOORS_BLIND31 = {
    ("stories", "precision"): 0.9, ("stories", "recall"): 1.0, ("stories", "f1"): 0.95,
    ("pairs", "precision"): 0.83, ("pairs", "recall"): 1.0,
}


# The thirty-second (money and paperwork: carmakers' venture arms in startups' rounds, closings,
# approvals, exchange filings, earnings releases with a one-line deal; negatives of rounds without
# a carmaker, speaker line-ups, podcasts, job moves, anniversaries, probes, court filings) scored
# story 0.784 / 0.967 / 0.866, pair 0.688 / 0.971 untouched. After its fixes (a fund's partners and
# a panel's people, a sentence set years back, "capital and business alliance", a dissolution, new
# shares bought), story 0.853 / 0.967: left are a risk factor naming an existing agreement, an
# anniversary's headline and a summary looking back a decade, a venture partner's move ("who led its
# investments"), a Zeekr-built fleet, and Rivian's MoU in an earnings release (no vehicle word).
FLOORS_BLIND32 = {
    ("stories", "precision"): 0.85, ("stories", "recall"): 0.96, ("stories", "f1"): 0.9,
    ("pairs", "precision"): 0.76, ("pairs", "recall"): 0.97,
}


# The thirty-third (batteries, energy and charging: joint-venture plants, cell supply, LFP licensing,
# solid-state stakes, swapping, vehicle-to-grid, recycling; negatives of plants, prices, recalls,
# rankings, grants, unions, towns) scored story 0.853 / 0.967 / 0.906, pair 0.744 / 0.967 untouched.
# After its fixes ("a partes iguales", Spanish licensing, money put into a company, a dissolution,
# "Mercedes, Texas", "the Toyota group trading house"), story 0.909 / 1.000: left are two rivals
# cutting prices "to win orders from smaller carmakers", a joint venture described under a union
# vote, and CATL and Huawei Digital Power's grid storage (Huawei read as a carmaker).
FLOORS_BLIND33 = {
    ("stories", "precision"): 0.9, ("stories", "recall"): 1.0, ("stories", "f1"): 0.95,
    ("pairs", "precision"): 0.9, ("pairs", "recall"): 1.0,
}


# The thirty-fourth (the software inside the car, as tech and developer press write it: assistants
# on a tech firm's model, app stores, cloud back ends, cybersecurity, chips, maps, keys, an OS
# licensed; negatives of reviews, benchmarks, show round-ups, vulnerability reports, outages,
# tutorials, open source, patents) scored story 0.784 / 0.967 / 0.866, pair 0.509 / 0.967
# untouched. After its fixes (a hands-on review, a benchmark, a show's picks, a tutorial and a
# patent filing damp; a company hired for a job; an open-source licence; a deal set aside "rather
# than"; "an agreement to power"; "will use AWS to"; "to buy Zenseact, Volvo Cars' ... unit"), story
# 0.909 / 1.000: left are a Chinese benchmark (no Chinese dampers), an SDK "it uses" beside a
# foundation's members, and an opinion piece's "dropped Apple CarPlay ... in 2023".
FLOORS_BLIND34 = {
    ("stories", "precision"): 0.9, ("stories", "recall"): 1.0, ("stories", "f1"): 0.95,
    ("pairs", "precision"): 0.73, ("pairs", "recall"): 1.0,
}


# The thirty-fifth (Asia's regional English-language business press: Nikkei Asia, Korea Herald,
# Economic Times, The Star, Jakarta Post, SCMP and their house styles, lakh and crore, "Co." and
# "Corp."; negatives of sales reports, incentives, festive demand, IPOs, name traps) scored story
# 0.909 / 1.000 / 0.952 untouched. After its fixes (a court's order to several companies, a verb
# after the people who start a headline, a person hired "to run"), story 1.000 / 1.000.
FLOORS_BLIND35 = {
    ("stories", "precision"): 1.0, ("stories", "recall"): 1.0, ("stories", "f1"): 1.0,
    ("pairs", "precision"): 0.91, ("pairs", "recall"): 1.0,
}


# The thirty-sixth (Europe's trade and business press in its own languages: German, French,
# Italian, Spanish, Dutch, Swedish, Polish, Czech, with names declined as Polish and Czech write
# them; negatives of recalls, works councils, registrations, results, government agreements, word
# traps) scored story 0.762 / 0.533 / 0.627, pair 0.667 / 0.533 untouched: Dutch and Czech had no
# deal words, Polish and Czech names declined ("dla Forda", "z Microsoftem") were not found. After
# its fixes (Dutch and Czech tables, the languages' missing words, declined names in Polish and
# Czech text, a government's "accordo di programma" and "acuerdo de presupuestos", an event's
# partner in Polish), story 0.935 / 0.967: left are a round joined after a ";" in a headline, a
# Dutch relative clause naming two companies, and a Spanish investment "maintained".
FLOORS_BLIND36 = {
    ("stories", "precision"): 0.93, ("stories", "recall"): 0.96, ("stories", "f1"): 0.95,
    ("pairs", "precision"): 0.87, ("pairs", "recall"): 0.96,
}


# The thirty-seventh (companies' own voices: newsroom and blog feeds, LinkedIn and X posts, IR
# notices, podcast, YouTube and event feeds, with handles, hashtags and emojis) scored story 0.900
# / 0.900 / 0.900 untouched. After its fixes (webinars and podcast episodes damp, "ADAS deal",
# "agreement ... to put Gemini in", "Acquisition of Shares" a stake), story 0.964 / 0.900: left are
# deals told across a post's sentences or by "we", and a denial's "not in discussions" typed ended.
FLOORS_BLIND37 = {
    ("stories", "precision"): 0.96, ("stories", "recall"): 0.9, ("stories", "f1"): 0.93,
    ("pairs", "precision"): 0.9, ("pairs", "recall"): 0.9,
}


# The thirty-eighth (commercial vehicles: trucks, buses, vans, two- and three-wheelers, autonomous
# freight, depot charging; negatives of fleet orders, bus tenders, races, name traps) scored story
# 0.967 / 0.967 / 0.967, pair 0.906 / 0.967 untouched, and was left as it was: its miss ("Honda,
# Grab pilot swappable-battery motorcycle taxis") and false alarm ("Ola, Lisboa:" as a greeting)
# are an ambiguous name's context.
FLOORS_BLIND38 = {
    ("stories", "precision"): 0.96, ("stories", "recall"): 0.96, ("stories", "f1"): 0.96,
    ("pairs", "precision"): 0.9, ("pairs", "recall"): 0.96,
}


# The thirty-ninth (a grammar stress test: thirty minimal pairs of a deal and its twin negated,
# modal, asked, reported, passive, in a list or a subordinate clause) scored story 0.659 / 0.967 /
# 0.784 untouched. After its fixes (the passive negated, "never", "may consider", a headline's
# question, an analysts' guess, "neither ... has", "whether to", "with neither", "no robotaxi deal",
# "would gain from a deal"), story 0.829 / 0.967: left are "not in talks" (typed ended by this
# matcher's convention), "without a deal with Microsoft or any other cloud provider", a hypothetical
# venture "would make sense only if", a past partner in an appositive, a list of carmakers beside a
# tech firm's own news, and "When Great Wall Motor first worked with AMD ... in 2019" (a review
# showed that a history rule for it lost current deals told after it).
FLOORS_BLIND39 = {
    ("stories", "precision"): 0.82, ("stories", "recall"): 0.96, ("stories", "f1"): 0.89,
    ("pairs", "precision"): 0.72, ("pairs", "recall"): 0.96,
}

# The fortieth (ambiguous names both ways: Ford, Grab, Smart, Lucid, Bolt, Via, Lime, Arm, Meta,
# Apple, Amazon, Mini, Genesis, Seat, Lotus, Pony, Ola, Oracle in deals and in everyday senses)
# scored story 0.833 / 1.000 / 0.909 untouched (pairs 0.705 / 1.000). After its fixes (an
# interview's "Qualcomm's Mercedes Ibarra:", "Front-Row Seat" and "Mini Data Centres" excluded, two
# that "have each signed" with someone else, what a company "already has similar" with others, an
# event's keynote joined, a sale's "$7,500 off" and "year-end deals", a ranking by market value, an
# owner "majority-owned by" or "in which" it is the largest shareholder, a service's past owners)
# story 0.909 / 1.000: left are Tesla's chief mocking Meta beside Meta's partnership with a company
# the config lacks, "Microsoft Signs Power Deal" beside BMW's plant, and Hyundai's "Pony AI" concept.
FLOORS_BLIND40 = {
    ("stories", "precision"): 0.87, ("stories", "recall"): 0.96, ("stories", "f1"): 0.92,
    ("pairs", "precision"): 0.87, ("pairs", "recall"): 0.96,
}

# The forty-first (regulators, courts and a deal's life cycle: clearances, approvals, closings,
# filings, settlements, vetoes; probes, lawsuits, recalls, hearings, lobbying, standards bodies)
# scored story 0.778 / 0.933 / 0.848 untouched (pairs 0.596 / 0.933). After its fixes (new shares
# issued to a company, a patent cross-licence, a government's veto, a licence from a government, a
# part named "integrated ...", a group's members and their open letter, a body's partners, a
# company cooperating with an inquiry, a lawsuit over a deal's terms, a supply put in doubt, an owner
# reporting its unit's deal) story 0.968 / 1.000: left is talks dropped before a deal (typed ended
# by this matcher's convention).
FLOORS_BLIND41 = {
    ("stories", "precision"): 0.93, ("stories", "recall"): 0.96, ("stories", "f1"): 0.95,
    ("pairs", "precision"): 0.93, ("pairs", "recall"): 0.96,
}

# The forty-second (suppliers' design wins, nominations and production awards; unnamed customers,
# customer lists as background, trade shows, analysts' guesses, programs lost, in-house chips)
# scored story 0.966 / 0.933 / 0.949 untouched (pairs 0.903 / 0.933). After its fixes (an order won
# from a named customer, strong under an earnings headline; a part entering volume production in a
# named customer's cars; "the unnamed carmaker" no anaphor; a guess of who it is; a rival beaten)
# story 1.000 / 1.000 / 1.000.
FLOORS_BLIND42 = {
    ("stories", "precision"): 0.96, ("stories", "recall"): 0.96, ("stories", "f1"): 0.96,
    ("pairs", "precision"): 0.96, ("pairs", "recall"): 0.96,
}

# The forty-third (groups, brands, units and affiliates as East Asian and European English-language
# business press writes them; intra-group deals, reorganisations, successions, keiretsu holdings)
# scored story 0.909 / 1.000 / 0.952 untouched (pairs 0.894 / 1.000). After its fixes (a deal that goes
# on as it was, "the existing joint venture", "... are unaffected"; work and a contract ended; an
# agreement to fit a product; "Nvidia-rival chips") story 0.968 / 1.000: left is a carmaker named as
# the maker of another company's fleet ("Jaguar Land Rover-built I-Pace SUVs") in an earnings story.
FLOORS_BLIND43 = {
    ("stories", "precision"): 0.93, ("stories", "recall"): 0.96, ("stories", "f1"): 0.95,
    ("pairs", "precision"): 0.92, ("pairs", "recall"): 0.96,
}

# The forty-fourth (Simplified Chinese feeds: 战略合作, 合资, 入股, 定点, 搭载, 授权, 终止合作, 洽谈; rankings,
# share moves, 对标 comparisons, recalls, denials, 自研, market-share tables, auto-show lists) scored
# story 0.857 / 1.000 / 0.923 untouched (pairs 0.620 / 1.000). After its fixes (搭载/采用/供应 no
# deal in a recall, a road test or a share table; 供应商 a supplier, not a supply; 接洽 talks;
# co-investors a few words before 参投/跟投) story 1.000 / 1.000 (pairs 0.969).
FLOORS_BLIND44 = {
    ("stories", "precision"): 0.96, ("stories", "recall"): 0.96, ("stories", "f1"): 0.96,
    ("pairs", "precision"): 0.93, ("pairs", "recall"): 0.96,
}

# The forty-fifth (Japanese and Korean feeds) scored story 0.879 / 0.967 / 0.921 untouched (pairs
# 0.775 / 0.969). After its fixes (Japanese ライセンス and 株式...取得, Korean 합작 청산; denials "검토한 바
# 없다", "事実ではない"; "채택 않기로", "採用しない"; owners "傘下の", "系の", "의 자회사", "구글 웨이모"; a
# rival or a market after the name, "テスラに対抗", "현대차 등 완성차") story 1.000 / 1.000 (pairs 0.970).
FLOORS_BLIND45 = {
    ("stories", "precision"): 0.96, ("stories", "recall"): 0.96, ("stories", "f1"): 0.96,
    ("pairs", "precision"): 0.93, ("pairs", "recall"): 0.96,
}

# The forty-sixth (investor and market-news feeds: movers, analyst notes, 13F filings, IPOs) scored
# story 0.806 / 0.833 / 0.820 untouched (pairs 0.658 / 0.758). After its fixes (a movers' or a
# preview's headline is a roundup; a share move told with the deal that caused it; "agreed to buy
# 20,000", "would buy 40,000 more", an order lifted; an analyst's guess or cited reasons; a deal
# "signed last year" or "long-standing"; a fund's 13F trades) story 1.000 / 0.900 / 0.947 (pairs
# 0.900 / 0.818): the misses need a chief executive read as his company (Jensen Huang), an owner's
# aside ("Nissan, which uses Wayve's software, has agreed to buy shares") and a cell buyer that is
# both OEM and tech (Rivian) read as the carmaker.
FLOORS_BLIND46 = {
    ("stories", "precision"): 0.96, ("stories", "recall"): 0.86, ("stories", "f1"): 0.91,
    ("pairs", "precision"): 0.86, ("pairs", "recall"): 0.78,
}

# The forty-seventh (digests, podcasts, live blogs, corrections, rankings, job ads) scored story
# 0.806 / 0.967 / 0.879 untouched (pairs 0.698 / 0.968). After its fixes (a daily's, an episode's and a
# deals column's headline is a roundup, cut at "；" and "｜" too; "make the cut"; "Amazon delivery
# partners"; "not in talks" a denial; what a correction says an earlier version got wrong; "lands a
# 20,000-vehicle Uber order") story 0.968 / 1.000 / 0.984 (pairs 0.969 / 1.000).
FLOORS_BLIND47 = {
    ("stories", "precision"): 0.93, ("stories", "recall"): 0.96, ("stories", "f1"): 0.95,
    ("pairs", "precision"): 0.93, ("pairs", "recall"): 0.96,
}

# The forty-eighth (Spanish, Italian, Portuguese and French press) scored story 0.828 / 0.800 / 0.814
# untouched (pairs 0.806 / 0.714). After its fixes (stakes raised or bought, "o fim do contrato", supply
# agreements, "negociam", "cedere a X il 100%"; "not" before the verb, "no firmará", "non ha firmato",
# "não vai", "non è in trattativa"; a recall, "llama a revisión") story 0.938 / 1.000 / 0.968 (pairs
# 0.914 / 0.914).
FLOORS_BLIND48 = {
    ("stories", "precision"): 0.9, ("stories", "recall"): 0.96, ("stories", "f1"): 0.93,
    ("pairs", "precision"): 0.88, ("pairs", "recall"): 0.88,
}

# The forty-ninth (Indian English business and auto press) scored story 0.938 / 1.000 / 0.968
# untouched (pairs 0.854 / 1.000); with a company only "open to partnering" or that "could work with"
# others no deal, 0.968 / 1.000 / 0.984 (pairs 0.897 / 1.000). Left: a rival's deal named as background in
# a "no plans" story ("days after rival Tata Motors signed up to supply 10,000 EVs to Uber").
FLOORS_BLIND49 = {
    ("stories", "precision"): 0.9, ("stories", "recall"): 0.96, ("stories", "f1"): 0.93,
    ("pairs", "precision"): 0.82, ("pairs", "recall"): 0.96,
}

# The fiftieth (consortia, standards bodies, government programmes, state visits) scored story 0.725 /
# 0.967 / 0.829 untouched (pairs 0.562 / 0.973). After its fixes (a body's members, "joined ... as full
# members", separate agreements a government signs with several companies, a ministry's name, a joint
# letter, a rival's deal as the time of the news) story 0.879 / 0.967 / 0.921 (pairs 0.766 / 0.973);
# narrowed after a review to 0.829 / 0.967 / 0.892 (pairs 0.706 / 0.973): a body's members only in a
# "whose" aside, and a sentence that names a rival's deal keeps its weak words ("Chery picks Huawei,
# weeks after rival BYD's tie-up"). Left: a plant's customers in a "which supplies" aside, gapped lists
# ("BMW signed with the government, CATL with MOL"), subsidies to several companies, a venture another
# only considers joining.
FLOORS_BLIND50 = {
    ("stories", "precision"): 0.8, ("stories", "recall"): 0.93, ("stories", "f1"): 0.86,
    ("pairs", "precision"): 0.68, ("pairs", "recall"): 0.93,
}

# The fifty-first (aggregator and community feeds: Techmeme, Hacker News, Reddit, Mastodon, YouTube)
# scored story 0.900 / 0.900 / 0.900 untouched (pairs 0.769 / 0.909). After its fixes (a newsletter's
# "Looking back:", a car that will run another's chip) story 0.933 / 0.933 / 0.933 (pairs 0.816 /
# 0.939); names in a forum post's lower-case line were tried and dropped (everyday words: "apple waste").
FLOORS_BLIND51 = {
    ("stories", "precision"): 0.9, ("stories", "recall"): 0.93, ("stories", "f1"): 0.91,
    ("pairs", "precision"): 0.78, ("pairs", "recall"): 0.93,
}
# Blind batch 52: lawsuits, patent licences, antitrust reviews, recalls and probes (F1 0.952 untouched).
FLOORS_BLIND52 = {
    ("stories", "precision"): 0.96, ("stories", "recall"): 0.96, ("stories", "f1"): 0.96,
    ("pairs", "precision"): 0.93, ("pairs", "recall"): 0.93,
}
# Blind batch 53: car reviews, road tests, buyer guides and launches (F1 0.897 untouched).
FLOORS_BLIND53 = {
    ("stories", "precision"): 0.97, ("stories", "recall"): 0.93, ("stories", "f1"): 0.95,
    ("pairs", "precision"): 0.9, ("pairs", "recall"): 0.9,
}

# Blind batch 54: Korean and Japanese business press in English (F1 0.879 untouched).
FLOORS_BLIND54 = {
    ("stories", "precision"): 0.96, ("stories", "recall"): 0.93, ("stories", "f1"): 0.95,
    ("pairs", "precision"): 0.93, ("pairs", "recall"): 0.93,
}
# Blind batch 55: trade-show coverage, CES to GTC (F1 0.889 untouched).
FLOORS_BLIND55 = {
    ("stories", "precision"): 0.9, ("stories", "recall"): 0.93, ("stories", "f1"): 0.92,
    ("pairs", "precision"): 0.87, ("pairs", "recall"): 0.93,
}
# Blind batch 56: German-language press (F1 0.807 untouched).
FLOORS_BLIND56 = {
    ("stories", "precision"): 0.93, ("stories", "recall"): 0.93, ("stories", "f1"): 0.93,
    ("pairs", "precision"): 0.87, ("pairs", "recall"): 0.93,
}
# Blind batch 57: emerging markets' business press (F1 0.938 untouched).
FLOORS_BLIND57 = {
    ("stories", "precision"): 0.96, ("stories", "recall"): 1.0, ("stories", "f1"): 0.98,
    ("pairs", "precision"): 0.91, ("pairs", "recall"): 1.0,
}
# Blind batch 58: earnings calls and results (F1 0.745 untouched).
FLOORS_BLIND58 = {
    ("stories", "precision"): 0.96, ("stories", "recall"): 0.83, ("stories", "f1"): 0.89,
    ("pairs", "precision"): 0.92, ("pairs", "recall"): 0.83,
}
# Blind batch 59: headline-only items, alerts and posts (F1 0.909 untouched).
FLOORS_BLIND59 = {
    ("stories", "precision"): 1.0, ("stories", "recall"): 0.96, ("stories", "f1"): 0.98,
    ("pairs", "precision"): 1.0, ("pairs", "recall"): 0.96,
}
# Blind batch 60: French-language press (F1 0.792 untouched).
FLOORS_BLIND60 = {
    ("stories", "precision"): 0.96, ("stories", "recall"): 0.93, ("stories", "f1"): 0.94,
    ("pairs", "precision"): 0.93, ("pairs", "recall"): 0.93,
}
# Blind batch 61: China's auto press in English (F1 0.938 untouched).
FLOORS_BLIND61 = {
    ("stories", "precision"): 0.93, ("stories", "recall"): 1.0, ("stories", "f1"): 0.96,
    ("pairs", "precision"): 0.86, ("pairs", "recall"): 1.0,
}
# Blind batch 62: opinion, analysis and newsletters (F1 0.845 untouched; pair precision 0.337): the
# hardest batch yet, its background deals still pair (see the README).
FLOORS_BLIND62 = {
    ("stories", "precision"): 0.76, ("stories", "recall"): 1.0, ("stories", "f1"): 0.86,
    ("pairs", "precision"): 0.37, ("pairs", "recall"): 0.93,
}
# Blind batch 63: Spanish-language press (F1 0.778 untouched).
FLOORS_BLIND63 = {
    ("stories", "precision"): 0.96, ("stories", "recall"): 0.93, ("stories", "f1"): 0.94,
    ("pairs", "precision"): 0.93, ("pairs", "recall"): 0.93,
}
# Blind batch 64: Japanese-language press (F1 0.762 untouched).
FLOORS_BLIND64 = {
    ("stories", "precision"): 0.83, ("stories", "recall"): 0.83, ("stories", "f1"): 0.83,
    ("pairs", "precision"): 0.76, ("pairs", "recall"): 0.83,
}
# Blind batch 65: Korean-language press (F1 0.866 untouched).
FLOORS_BLIND65 = {
    ("stories", "precision"): 0.9, ("stories", "recall"): 0.96, ("stories", "f1"): 0.93,
    ("pairs", "precision"): 0.75, ("pairs", "recall"): 0.94,
}
# Blind batch 66: Italian and Portuguese press (F1 0.862 untouched).
FLOORS_BLIND66 = {
    ("stories", "precision"): 0.89, ("stories", "recall"): 0.86, ("stories", "f1"): 0.88,
    ("pairs", "precision"): 0.9, ("pairs", "recall"): 0.87,
}
# Blind batch 67: newswire press releases (F1 0.885 untouched).
FLOORS_BLIND67 = {
    ("stories", "precision"): 0.87, ("stories", "recall"): 0.93, ("stories", "f1"): 0.9,
    ("pairs", "precision"): 0.85, ("pairs", "recall"): 0.9,
}
# Blind batch 68: Chinese-language press (F1 0.969 untouched).
FLOORS_BLIND68 = {
    ("stories", "precision"): 0.97, ("stories", "recall"): 0.97, ("stories", "f1"): 0.97,
    ("pairs", "precision"): 0.89, ("pairs", "recall"): 0.97,
}
# Blind batch 69: named and unnamed customers in supplier announcements (F1 0.278 untouched).
FLOORS_BLIND69 = {
    ("stories", "precision"): 0.97, ("stories", "recall"): 0.33, ("stories", "f1"): 0.5,
    ("pairs", "precision"): 0.8, ("pairs", "recall"): 0.32,
}
# Blind batch 70: Dutch, Nordic and Polish press (F1 0.784 untouched).
FLOORS_BLIND70 = {
    ("stories", "precision"): 0.97, ("stories", "recall"): 0.97, ("stories", "f1"): 0.97,
    ("pairs", "precision"): 0.92, ("pairs", "recall"): 0.94,
}
# Blind batch 71: social and video feeds (F1 0.968 untouched).
FLOORS_BLIND71 = {
    ("stories", "precision"): 0.94, ("stories", "recall"): 0.97, ("stories", "f1"): 0.96,
    ("pairs", "precision"): 0.92, ("pairs", "recall"): 0.97,
}
# Blind batch 72: governments and regulators on tie-ups (F1 0.897 untouched).
FLOORS_BLIND72 = {
    ("stories", "precision"): 0.97, ("stories", "recall"): 0.9, ("stories", "f1"): 0.94,
    ("pairs", "precision"): 0.88, ("pairs", "recall"): 0.91,
}
# Blind batch 73: executive interviews and keynotes (F1 0.900 untouched).
FLOORS_BLIND73 = {
    ("stories", "precision"): 0.9, ("stories", "recall"): 0.9, ("stories", "f1"): 0.9,
    ("pairs", "precision"): 0.88, ("pairs", "recall"): 0.86,
}
# Blind batch 74: tier-1 suppliers in between (F1 0.952 untouched).
FLOORS_BLIND74 = {
    ("stories", "precision"): 0.91, ("stories", "recall"): 0.97, ("stories", "f1"): 0.94,
    ("pairs", "precision"): 0.84, ("pairs", "recall"): 0.97,
}
# Blind batch 75: long-form features (F1 0.730 untouched).
FLOORS_BLIND75 = {
    # (stories recall 0.867 since stop 32: b75-acquisition-35, whose news the matcher misses, was
    # counted found through an old deal of its background, which is now set aside)
    ("stories", "precision"): 0.60, ("stories", "recall"): 0.86, ("stories", "f1"): 0.7,
    ("pairs", "precision"): 0.27, ("pairs", "recall"): 0.82,
}
# Blind batch 76: Hindi, Indonesian, Vietnamese and Thai press (F1 0.847 untouched).
FLOORS_BLIND76 = {
    ("stories", "precision"): 0.94, ("stories", "recall"): 0.97, ("stories", "f1"): 0.96,
    ("pairs", "precision"): 0.94, ("pairs", "recall"): 0.97,
}
# Blind batch 77: motorsport, sponsorship and marketing tie-ins (F1 0.896 untouched).
FLOORS_BLIND77 = {
    ("stories", "precision"): 0.88, ("stories", "recall"): 0.97, ("stories", "f1"): 0.93,
    ("pairs", "precision"): 0.89, ("pairs", "recall"): 0.97,
}
# Blind batch 78: roundups naming several deals at once (F1 0.968 untouched).
FLOORS_BLIND78 = {
    ("stories", "precision"): 0.94, ("stories", "recall"): 0.97, ("stories", "f1"): 0.96,
    ("pairs", "precision"): 0.75, ("pairs", "recall"): 0.95,
}
# Blind batch 79: hedged reports, scoops and talks (F1 0.921 untouched).
FLOORS_BLIND79 = {
    ("stories", "precision"): 0.93, ("stories", "recall"): 0.94, ("stories", "f1"): 0.94,
    ("pairs", "precision"): 0.91, ("pairs", "recall"): 0.94,
}
# Blind batch 81: Japanese and Korean groups and their affiliates (F1 0.967 untouched).
FLOORS_BLIND81 = {
    ("stories", "precision"): 0.99, ("stories", "recall"): 0.94, ("stories", "f1"): 0.96,
    ("pairs", "precision"): 0.99, ("pairs", "recall"): 0.94,
}
# Blind batch 82: software, cloud and AI vendors announcing automotive customers (F1 0.935 untouched).
FLOORS_BLIND82 = {
    ("stories", "precision"): 0.99, ("stories", "recall"): 0.94, ("stories", "f1"): 0.96,
    ("pairs", "precision"): 0.99, ("pairs", "recall"): 0.94,
}
# Blind batches 83 and 84, by two helpers on one theme: long features in which one new deal sits
# among earlier deals told as background (untouched: story F1 0.753 and 0.709, pair precision 0.25
# and 0.24). Read undated here; with the year a refresh gives the matcher (`--year 2026`) they
# reach 0.817 and 0.767 (pairs 0.39 and 0.34).
FLOORS_BLIND83 = {
    ("stories", "precision"): 0.64, ("stories", "recall"): 0.96, ("stories", "f1"): 0.77,
    ("pairs", "precision"): 0.28, ("pairs", "recall"): 0.93,
}
FLOORS_BLIND84 = {
    ("stories", "precision"): 0.59, ("stories", "recall"): 0.93, ("stories", "f1"): 0.72,
    ("pairs", "precision"): 0.25, ("pairs", "recall"): 0.91,
}
# Blind batch 80: the Middle East, Africa, Turkey and Latin America in English (F1 1.000 untouched).
FLOORS_BLIND80 = {
    ("stories", "precision"): 0.97, ("stories", "recall"): 0.97, ("stories", "f1"): 0.97,
    ("pairs", "precision"): 0.97, ("pairs", "recall"): 0.97,
}

@pytest.fixture(scope="module")
def labels() -> list[dict]:
    return load_labels(LABELS)


@pytest.fixture(scope="module")
def report(labels):
    return evaluate(load_config(SHIPPED), labels)


@pytest.mark.parametrize(("level", "figure"), list(FLOORS))
def test_figures_stay_at_what_was_reached(report, level, figure):
    score = getattr(report, level)
    assert getattr(score, figure) >= FLOORS[level, figure], json.dumps(
        {"misses": report.misses, "false_alarms": report.false_alarms}, indent=1)[:3000]


BLIND_BATCHES = {"blind-2": (BLIND2, FLOORS_BLIND2), "blind-3": (BLIND3, FLOORS_BLIND3),
                 "blind-4": (BLIND4, FLOORS_BLIND4), "blind-5": (BLIND5, FLOORS_BLIND5),
                 "blind-6": (BLIND6, FLOORS_BLIND6), "blind-7": (BLIND7, FLOORS_BLIND7),
                 "blind-8": (BLIND8, FLOORS_BLIND8), "blind-9": (BLIND9, FLOORS_BLIND9),
                 "blind-10": (BLIND10, FLOORS_BLIND10), "blind-11": (BLIND11, FLOORS_BLIND11),
                 "blind-12": (BLIND12, FLOORS_BLIND12), "blind-13": (BLIND13, FLOORS_BLIND13),
                 "blind-14": (BLIND14, FLOORS_BLIND14), "blind-15": (BLIND15, FLOORS_BLIND15),
                 "blind-16": (BLIND16, FLOORS_BLIND16), "blind-17": (BLIND17, FLOORS_BLIND17),
                 "blind-18": (BLIND18, FLOORS_BLIND18), "blind-19": (BLIND19, FLOORS_BLIND19),
                 "blind-20": (BLIND20, FLOORS_BLIND20), "blind-21": (BLIND21, FLOORS_BLIND21),
                 "blind-22": (BLIND22, FLOORS_BLIND22), "blind-23": (BLIND23, FLOORS_BLIND23),
                 "blind-24": (BLIND24, FLOORS_BLIND24), "blind-25": (BLIND25, FLOORS_BLIND25),
                 "blind-26": (BLIND26, FLOORS_BLIND26), "blind-27": (BLIND27, FLOORS_BLIND27),
                 "blind-28": (BLIND28, FLOORS_BLIND28), "blind-29": (BLIND29, FLOORS_BLIND29),
                 "blind-30": (BLIND30, FLOORS_BLIND30), "blind-31": (BLIND31, FLOORS_BLIND31),
                 "blind-32": (BLIND32, FLOORS_BLIND32), "blind-33": (BLIND33, FLOORS_BLIND33),
                 "blind-34": (BLIND34, FLOORS_BLIND34), "blind-35": (BLIND35, FLOORS_BLIND35),
                 "blind-36": (BLIND36, FLOORS_BLIND36), "blind-37": (BLIND37, FLOORS_BLIND37),
                 "blind-38": (BLIND38, FLOORS_BLIND38), "blind-39": (BLIND39, FLOORS_BLIND39),
                 "blind-40": (BLIND40, FLOORS_BLIND40), "blind-41": (BLIND41, FLOORS_BLIND41),
                 "blind-42": (BLIND42, FLOORS_BLIND42), "blind-43": (BLIND43, FLOORS_BLIND43),
                 "blind-44": (BLIND44, FLOORS_BLIND44), "blind-45": (BLIND45, FLOORS_BLIND45),
                 "blind-46": (BLIND46, FLOORS_BLIND46), "blind-47": (BLIND47, FLOORS_BLIND47),
                 "blind-48": (BLIND48, FLOORS_BLIND48), "blind-49": (BLIND49, FLOORS_BLIND49),
                 "blind-50": (BLIND50, FLOORS_BLIND50), "blind-51": (BLIND51, FLOORS_BLIND51),
                 "blind-52": (BLIND52, FLOORS_BLIND52), "blind-53": (BLIND53, FLOORS_BLIND53),
                 "blind-54": (BLIND54, FLOORS_BLIND54), "blind-55": (BLIND55, FLOORS_BLIND55),
                 "blind-56": (BLIND56, FLOORS_BLIND56), "blind-57": (BLIND57, FLOORS_BLIND57),
                 "blind-58": (BLIND58, FLOORS_BLIND58), "blind-59": (BLIND59, FLOORS_BLIND59),
                 "blind-60": (BLIND60, FLOORS_BLIND60), "blind-61": (BLIND61, FLOORS_BLIND61),
                 "blind-62": (BLIND62, FLOORS_BLIND62), "blind-63": (BLIND63, FLOORS_BLIND63),
                 "blind-64": (BLIND64, FLOORS_BLIND64), "blind-65": (BLIND65, FLOORS_BLIND65),
                 "blind-66": (BLIND66, FLOORS_BLIND66), "blind-67": (BLIND67, FLOORS_BLIND67),
                 "blind-68": (BLIND68, FLOORS_BLIND68), "blind-69": (BLIND69, FLOORS_BLIND69),
                 "blind-70": (BLIND70, FLOORS_BLIND70), "blind-71": (BLIND71, FLOORS_BLIND71),
                 "blind-72": (BLIND72, FLOORS_BLIND72), "blind-73": (BLIND73, FLOORS_BLIND73),
                 "blind-74": (BLIND74, FLOORS_BLIND74), "blind-75": (BLIND75, FLOORS_BLIND75),
                 "blind-76": (BLIND76, FLOORS_BLIND76), "blind-77": (BLIND77, FLOORS_BLIND77),
                 "blind-78": (BLIND78, FLOORS_BLIND78), "blind-79": (BLIND79, FLOORS_BLIND79),
                 "blind-80": (BLIND80, FLOORS_BLIND80), "blind-81": (BLIND81, FLOORS_BLIND81),
                 "blind-82": (BLIND82, FLOORS_BLIND82), "blind-83": (BLIND83, FLOORS_BLIND83),
                 "blind-84": (BLIND84, FLOORS_BLIND84)}


@pytest.fixture(scope="module")
def blind_reports():
    config = load_config(SHIPPED)
    return {batch: evaluate(config, load_labels(path)) for batch, (path, _) in BLIND_BATCHES.items()}


@pytest.mark.parametrize(("batch", "level", "figure"),
                         [(batch, *key) for batch, (_, floors) in BLIND_BATCHES.items() for key in floors])
def test_blind_batches_stay_at_what_was_reached(blind_reports, batch, level, figure):
    report = blind_reports[batch]
    assert getattr(getattr(report, level), figure) >= BLIND_BATCHES[batch][1][level, figure], json.dumps(
        {"misses": report.misses, "false_alarms": report.false_alarms, "wrong_pairs": report.wrong_pairs},
        indent=1)[:3000]


# Blind batches 83 and 84 read as a refresh reads them, with the year each story was published
# (the batches were written as news of 2026): what the matcher reaches with the date it is given.
FLOORS_DATED = {
    "blind-83": {("stories", "precision"): 0.78, ("stories", "recall"): 0.96, ("stories", "f1"): 0.86,
                 ("pairs", "precision"): 0.46, ("pairs", "recall"): 0.93},
    "blind-84": {("stories", "precision"): 0.71, ("stories", "recall"): 0.93, ("stories", "f1"): 0.81,
                 ("pairs", "precision"): 0.44, ("pairs", "recall"): 0.91},
}


@pytest.mark.parametrize(("batch", "level", "figure"),
                         [(batch, *key) for batch, floors in FLOORS_DATED.items() for key in floors])
def test_blind_batches_read_with_their_year_stay_at_what_was_reached(batch, level, figure):
    report = _dated_report(batch)
    assert getattr(getattr(report, level), figure) >= FLOORS_DATED[batch][level, figure], json.dumps(
        {"misses": report.misses, "false_alarms": report.false_alarms, "wrong_pairs": report.wrong_pairs},
        indent=1)[:3000]


@functools.cache
def _dated_report(batch: str):
    return evaluate(load_config(SHIPPED), load_labels(BLIND_BATCHES[batch][0]), year=2026)


@pytest.mark.parametrize(("path", "batch", "earlier"), [
    (BLIND10, "blind-10", (BLIND2, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7, BLIND8, BLIND9)),
    (BLIND11, "blind-11", (BLIND2, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7, BLIND8, BLIND9, BLIND10)),
    (BLIND12, "blind-12", (BLIND2, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7, BLIND8, BLIND9, BLIND10, BLIND11)),
    (BLIND17, "blind-17", (BLIND2, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7, BLIND8, BLIND9, BLIND10, BLIND11,
                           BLIND12, BLIND13, BLIND14, BLIND15, BLIND16)),
    (BLIND18, "blind-18", (BLIND2, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7, BLIND8, BLIND9, BLIND10, BLIND11,
                           BLIND12, BLIND13, BLIND14, BLIND15, BLIND16, BLIND17)),
    (BLIND19, "blind-19", (BLIND2, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7, BLIND8, BLIND9, BLIND10, BLIND11,
                           BLIND12, BLIND13, BLIND14, BLIND15, BLIND16, BLIND17, BLIND18)),
    (BLIND20, "blind-20", (BLIND2, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7, BLIND8, BLIND9, BLIND10, BLIND11,
                           BLIND12, BLIND13, BLIND14, BLIND15, BLIND16, BLIND17, BLIND18, BLIND19)),
    (BLIND21, "blind-21", (BLIND2, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7, BLIND8, BLIND9, BLIND10, BLIND11,
                           BLIND12, BLIND13, BLIND14, BLIND15, BLIND16, BLIND17, BLIND18, BLIND19, BLIND20)),
    (BLIND22, "blind-22", (BLIND2, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7, BLIND8, BLIND9, BLIND10, BLIND11,
                           BLIND12, BLIND13, BLIND14, BLIND15, BLIND16, BLIND17, BLIND18, BLIND19, BLIND20,
                           BLIND21)),
    (BLIND23, "blind-23", (BLIND2, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7, BLIND8, BLIND9, BLIND10, BLIND11,
                           BLIND12, BLIND13, BLIND14, BLIND15, BLIND16, BLIND17, BLIND18, BLIND19, BLIND20,
                           BLIND21, BLIND22)),
    (BLIND24, "blind-24", (BLIND2, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7, BLIND8, BLIND9, BLIND10, BLIND11,
                           BLIND12, BLIND13, BLIND14, BLIND15, BLIND16, BLIND17, BLIND18, BLIND19, BLIND20,
                           BLIND21, BLIND22, BLIND23)),
])
def test_the_latest_blind_batches_are_new_and_blind(labels, path, batch, earlier):
    rows = load_labels(path)
    assert len(rows) == 60 and {row["batch"] for row in rows} == {batch}
    assert sum(row["tieup"] for row in rows) == 30
    older = {row["id"] for row in labels} | {row["id"] for other in earlier for row in load_labels(other)}
    assert not {row["id"] for row in rows} & older


def test_ninth_blind_batch_is_new_and_blind(labels):
    rows = load_labels(BLIND9)
    assert len(rows) == 60 and {row["batch"] for row in rows} == {"blind-9"}
    assert sum(row["tieup"] for row in rows) == 30
    older = {row["id"] for row in labels} | {
        row["id"] for path in (BLIND2, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7, BLIND8) for row in load_labels(path)}
    assert not {row["id"] for row in rows} & older


def test_eighth_blind_batch_is_new_and_blind(labels):
    rows = load_labels(BLIND8)
    assert len(rows) == 60 and {row["batch"] for row in rows} == {"blind-8"}
    assert sum(row["tieup"] for row in rows) == 30
    older = {row["id"] for row in labels} | {
        row["id"] for path in (BLIND2, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7) for row in load_labels(path)}
    assert not {row["id"] for row in rows} & older


def test_seventh_blind_batch_is_new_and_blind(labels):
    rows = load_labels(BLIND7)
    assert len(rows) == 59 and {row["batch"] for row in rows} == {"blind-7"}
    assert sum(row["tieup"] for row in rows) == 32
    older = {row["id"] for row in labels} | {
        row["id"] for path in (BLIND2, BLIND3, BLIND4, BLIND5, BLIND6) for row in load_labels(path)}
    assert not {row["id"] for row in rows} & older


def test_sixth_blind_batch_is_new_and_blind(labels):
    rows = load_labels(BLIND6)
    assert len(rows) == 61 and {row["batch"] for row in rows} == {"blind-6"}
    assert sum(row["tieup"] for row in rows) == 33
    older = {row["id"] for row in labels} | {
        row["id"] for path in (BLIND2, BLIND3, BLIND4, BLIND5) for row in load_labels(path)}
    assert not {row["id"] for row in rows} & older


def test_fifth_blind_batch_is_new_and_blind(labels):
    rows = load_labels(BLIND5)
    assert len(rows) == 60 and {row["batch"] for row in rows} == {"blind-5"}
    assert sum(row["tieup"] for row in rows) == 33
    older = {row["id"] for row in labels} | {
        row["id"] for path in (BLIND2, BLIND3, BLIND4) for row in load_labels(path)}
    assert not {row["id"] for row in rows} & older


def test_fourth_blind_batch_is_new_and_blind(labels):
    rows = load_labels(BLIND4)
    assert len(rows) == 60 and {row["batch"] for row in rows} == {"blind-4"}
    assert sum(row["tieup"] for row in rows) == 34
    older = {row["id"] for row in labels} | {row["id"] for path in (BLIND2, BLIND3) for row in load_labels(path)}
    assert not {row["id"] for row in rows} & older


def test_third_blind_batch_is_new_and_blind(labels):
    rows = load_labels(BLIND3)
    assert len(rows) == 40 and {row["batch"] for row in rows} == {"blind-3"}
    assert sum(row["tieup"] for row in rows) == 22
    older = {row["id"] for row in labels} | {row["id"] for row in load_labels(BLIND2)}
    assert not {row["id"] for row in rows} & older


def test_second_blind_batch_is_new_and_blind(labels):
    rows = load_labels(BLIND2)
    assert len(rows) == 80 and {row["batch"] for row in rows} == {"blind-2"}
    assert not {row["id"] for row in rows} & {row["id"] for row in labels}


def test_issue_goal_holds_with_the_shipped_config(report):
    assert report.stories.f1 >= 0.95 and report.pairs.precision >= 0.90


def test_worse_detection_shows_in_the_figures(labels, report):
    """Without exclusions and ambiguity rules (Harrison Ford, Grab a bargain, Genesis of a
    deal) the same set scores visibly worse: the floors above can fail."""
    raw = tomllib.loads(SHIPPED.read_text(encoding="utf-8"))
    for company in raw["companies"].values():
        for key in ("exclude", "ambiguous", "context"):
            company.pop(key, None)
    careless = evaluate(parse_config(raw, SHIPPED), labels)
    assert careless.stories.fp > report.stories.fp
    assert careless.stories.precision < FLOORS["stories", "precision"]


def test_the_set_covers_every_deal_type_and_kind_of_hard_negative(labels):
    tieups = [row for row in labels if row["tieup"]]
    others = [row for row in labels if not row["tieup"]]
    assert len(labels) >= 200 and len(others) >= 80
    assert set(DEAL_TYPES) <= {row["deal_type"] for row in tieups}
    categories = Counter(row["category"].split(":")[0] for row in others)
    for kind in ("oem-oem", "tech-tech", "recall", "earnings", "rivalry", "separate-sentences",
                 "shopping", "name"):
        assert categories[kind] >= 5, kind
    names = {row["category"].split(":")[1] for row in others if row["category"].startswith("name:")}
    assert {"Ford", "Smart", "Mini", "Seat", "Genesis", "Grab", "Bolt", "Cruise", "Arm", "Meta",
            "Apple", "Lucid", "Via", "Lime"} <= names


def test_shipped_config_and_packaged_default_are_the_same():
    assert (ROOT / "marketwatch" / "defaults" / "config.toml").read_bytes() == SHIPPED.read_bytes()


def test_stories_are_read_as_a_refresh_stores_them():
    """A summary with entities and tags, as a feed carries it, is matched as the cleaned text a
    refresh stores: 'carmaker&#8217;s' once read as a different word from 'carmaker’s'."""
    row = {"id": "x", "title": "Samsung sues BYD in Germany over 5G patents in connected cars", "tieup": False,
           "summary": "<p>Samsung Electronics filed suits in Munich, saying the Chinese carmaker&#8217;s vehicles use "
                      "its patents without a licence, after talks on a licence failed.</p>"}
    plain = {**row, "summary": "Samsung Electronics filed suits in Munich, saying the Chinese carmaker’s vehicles "
                               "use its patents without a licence, after talks on a licence failed."}
    config = load_config(SHIPPED)
    assert evaluate(config, [row]).stories == evaluate(config, [plain]).stories


def test_command_prints_a_table_and_every_miss_and_false_alarm(tmp_path, capsys):
    rows = [
        {"id": "right", "title": "Toyota and Pony.ai form robotaxi joint venture", "tieup": True,
         "pairs": [["Toyota", "Pony.ai"]], "deal_type": "joint-venture"},
        {"id": "missed", "title": "The carmaker and the search giant sign an MoU", "tieup": True,
         "pairs": [["Ford", "Baidu"]], "deal_type": "mou"},
        {"id": "alarm", "title": "Ford and Baidu sign a deal", "tieup": False},
    ]
    path = tmp_path / "mini.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert main([str(path), "--config", str(SHIPPED)]) == 0
    out = capsys.readouterr().out
    assert "3 labelled stories: 2 OEM-tech tie-ups, 1 other stories" in out
    table = {line.split()[0]: line.split()[1:4] for line in out.splitlines()
             if line.startswith(("story ", "pair "))}
    assert table == {"story": ["0.500", "0.500", "0.500"], "pair": ["0.500", "0.500", "0.500"]}
    assert "Misses (1):\n  missed: The carmaker and the search giant sign an MoU" in out
    assert "False alarms (1):\n  alarm: Ford and Baidu sign a deal\n      expected none  got Ford–Baidu" in out


def test_stories_are_read_with_the_year_given_or_their_own_published_date(tmp_path, capsys):
    recall = {"title": "Ford recalls 90,000 Mach-E SUVs", "summary": "BlueCruise relies on Mobileye's EyeQ chips, "
              "which Ford has used since a 2020 agreement.", "tieup": False}
    path = tmp_path / "mini.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [{"id": "a", **recall}, {"id": "b", "published": "2021-05-01",
                                                                               **recall}]) + "\n", encoding="utf-8")

    def alarms(*args: str) -> list[str]:
        assert main([str(path), "--config", str(SHIPPED), "--json", *args]) == 0
        return sorted(row["id"] for row in json.loads(capsys.readouterr().out)["false_alarms"])

    assert alarms() == ["a", "b"]  # undated, the old deal looks new; "b" was published the year after it
    assert alarms("--year", "2026") == ["b"]


def test_command_json_and_help(capsys):
    assert main(["--json", str(LABELS), "--config", str(SHIPPED)]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["stories"]["f1"] >= FLOORS["stories", "f1"]
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    assert "examples:" in capsys.readouterr().out


@pytest.mark.parametrize(("content", "problem"), [
    ("{not json\n", "mini.jsonl:1: not JSON"),
    ('{"id": "a", "title": "T", "tieup": true}\n', "mini.jsonl:1: a tie-up needs its 'pairs'"),
    ('{"id": "a", "title": "T", "tieup": true, "pairs": [["Toyota", "Nobody Inc"]]}\n',
     "a: labelled company not in the config: 'Nobody Inc'"),
    ("\n", "mini.jsonl: no labelled stories"),
])
def test_bad_labels_are_one_line_and_status_2(tmp_path, capsys, content, problem):
    path = tmp_path / "mini.jsonl"
    path.write_text(content, encoding="utf-8")
    assert main([str(path), "--config", str(SHIPPED)]) == 2
    err = capsys.readouterr().err
    assert problem in err and err.count("\n") == 1
