"""Matching scenarios: throughput on one core with the shipped config, and linearity.

throughput: stories a second through `Matcher.match` (title + summary, plain text), a few
            percent of them tie-ups, as a refresh feeds them; target at least 20,000/s.
companies:  the same with 1,000 made-up companies of 5 aliases each: one automaton, so the
            rate should stay in the same range rather than fall with the number of aliases.
length:     stories a hundred times as long should take about a hundred times as long (linear).
"""

from __future__ import annotations

import time
import tomllib

from common import Row
from synth import names_from_toml, plain_stories, synthetic_companies_toml

TARGET_PER_S = 20_000
MANY_COMPANIES = 1_000
LONGER = 100  # summaries this many times as long: a quadratic step shows at once


def _matcher(companies_text: str):
    from marketwatch.config import parse_config
    from marketwatch.match import Matcher

    return Matcher(parse_config(tomllib.loads(companies_text), None))


def _rate(matcher, stories: list[tuple[str, str]], repeat: int) -> tuple[float, int]:
    """Best-of-`repeat` stories per second, and how many of them matched as tie-ups."""
    best = float("inf")
    tieups = 0
    for _ in range(repeat):
        start = time.perf_counter()
        results = [matcher.match(title, summary) for title, summary in stories]
        best = min(best, time.perf_counter() - start)
        tieups = sum(1 for m in results if m.pairs)
    return len(stories) / best, tieups


def run(ctx) -> list[Row]:
    n = 5_000 if ctx.quick else 20_000
    # Best of five: on a shared virtual machine one pass of 20,000 stories varied by a third from
    # run to run (17,500-27,200/s at stop 24); the fastest pass is the matcher's own cost.
    repeat = 1 if ctx.quick else 5
    shipped = _matcher(ctx.companies_text)
    stories = plain_stories(ctx.names, n)
    rate, tieups = _rate(shipped, stories, repeat)

    many_text = synthetic_companies_toml(MANY_COMPANIES)
    many = _matcher(many_text)
    many_stories = plain_stories(names_from_toml(many_text, "synthetic"), n)
    many_rate, many_tieups = _rate(many, many_stories, repeat)

    long_stories = [(t, " ".join([s] * LONGER)) for t, s in stories[: n // 50]]
    short_rate, _ = _rate(shipped, stories[: n // 50], repeat)
    long_rate, _ = _rate(shipped, long_stories, repeat)
    short_chars = sum(len(t) + len(s) for t, s in stories[: n // 50])
    long_chars = sum(len(t) + len(s) for t, s in long_stories)
    # Seconds per character, long stories over short ones: 1.0 is perfectly linear.
    count = len(long_stories)
    per_char = (count / long_rate / long_chars) / (count / short_rate / short_chars)

    aliases = sum(len(c.aliases) for c in shipped.config.companies.values())
    return [
        Row(f"match: {n:,} stories, shipped config ({len(shipped.config.companies)} companies, {aliases} aliases)",
            f">= {TARGET_PER_S:,}/s", f"{rate:,.0f}/s on one core", "", Row.check(rate >= TARGET_PER_S),
            f"{tieups:,} tie-ups among them", {"per_s": rate}),
        Row(f"match: {MANY_COMPANIES:,} companies x 5 aliases", f">= {TARGET_PER_S:,}/s, linear",
            f"{many_rate:,.0f}/s ({many_rate / rate:.2f} x shipped)", "", Row.check(many_rate >= TARGET_PER_S),
            f"{many_tieups:,} tie-ups among them", {"per_s": many_rate}),
        Row(f"match: stories {LONGER} x longer", "time per char ~1 x (linear)", f"{per_char:.2f} x time per char",
            "", Row.check(per_char < 1.5), f"{short_rate:,.0f}/s short, {long_rate:,.0f}/s long",
            {"per_char_ratio": per_char}),
    ]
