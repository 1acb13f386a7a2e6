"""Synthetic but realistic news: RSS feeds, plain stories and big configs for the benchmarks.

Everything is deterministic (seeded), so two runs on two machines measure the same bytes. The
company names come from the config the benchmark runs with (the shipped config.toml, or the
test suite's small one when it is absent); a few percent of the stories report an OEM-tech
tie-up, the rest are the ordinary traffic of an auto-news feed: recalls, sales figures,
launches, earnings, rivalries and stories that name no company at all.
"""

from __future__ import annotations

import ast
import email.utils
import gzip
import random
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


# -- companies ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Names:
    """The names stories are written with: (canonical, aliases) for OEMs and tech companies."""

    oems: tuple[tuple[str, tuple[str, ...]], ...]
    techs: tuple[tuple[str, tuple[str, ...]], ...]
    alliances: tuple[str, ...]
    source: str


def companies_toml() -> tuple[str, str]:
    """The [companies]/[alliances]/[watchlists] TOML the benchmark uses, and where it came from."""
    shipped = ROOT / "config.toml"
    if shipped.is_file():
        try:
            data = tomllib.loads(shipped.read_text(encoding="utf-8"))
            if data.get("companies"):
                import tomlkit

                keep = {k: data[k] for k in ("companies", "alliances", "watchlists") if k in data}
                return tomlkit.dumps(keep), "shipped config.toml"
        except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
            pass  # being written by someone else right now: use the test suite's companies
    tree = ast.parse((ROOT / "tests" / "conftest.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "COMPANIES" for t in node.targets):
            return ast.literal_eval(node.value), "tests/conftest.py COMPANIES (config.toml absent)"
    raise RuntimeError("no companies: neither config.toml nor tests/conftest.py COMPANIES")


def names_from_toml(text: str, source: str) -> Names:
    data = tomllib.loads(text)
    oems, techs = [], []
    for name, entry in data.get("companies", {}).items():
        kinds = entry.get("kind", [])
        kinds = {kinds} if isinstance(kinds, str) else set(kinds)
        ambiguous = set(entry.get("ambiguous", []))
        # Write stories with the unambiguous aliases, as the trade press names companies.
        aliases = tuple(a for a in entry.get("aliases", [name]) if a not in ambiguous) or (name,)
        if "oem" in kinds:
            oems.append((name, aliases))
        if "tech" in kinds:
            techs.append((name, aliases))
    alliances = tuple(a for entry in data.get("alliances", {}).values() for a in entry.get("aliases", [])[:1])
    return Names(tuple(oems), tuple(techs), alliances, source)


def synthetic_companies_toml(n: int, aliases: int = 5, seed: int = 7) -> str:
    """`n` made-up companies with `aliases` aliases each (half OEMs, half tech), for linearity."""
    rng = random.Random(seed)
    syllables = ["ka", "ro", "vi", "ten", "lum", "zor", "bex", "qua", "nor", "sil", "dra", "mon",
                 "pax", "tri", "vel", "osk", "ury", "fen", "gal", "hyx"]
    seen: set[str] = set()
    lines = []
    for i in range(n):
        while True:
            base = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).capitalize()
            if base not in seen:
                seen.add(base)
                break
        kind = "oem" if i % 2 == 0 else "tech"
        suffixes = (["Motors", "Auto", "Automotive", "Motor Group", "Cars"] if kind == "oem"
                    else ["Technologies", "AI", "Robotics", "Labs", "Systems"])
        names = [base] + [f"{base} {s}" for s in suffixes[: aliases - 1]]
        quoted = ", ".join(f'"{a}"' for a in names)
        lines.append(f'[companies."{base}"]\nkind = "{kind}"\naliases = [{quoted}]\n')
    return "\n".join(lines)


# -- stories -----------------------------------------------------------------------------------

_TOPICS = ["robotaxis", "autonomous driving", "in-car software", "battery cells", "smart cockpits",
           "driver assistance", "electric vans", "mapping", "cloud services", "voice assistants",
           "chips for EVs", "solid-state batteries", "charging networks", "ride-hailing fleets",
           "over-the-air updates", "lidar sensors", "vehicle operating systems", "AI models"]
_REGIONS = ["Europe", "China", "the US", "Japan", "Southeast Asia", "India", "Germany", "the UK"]
_TIEUP_TITLES = [
    "{oem} and {tech} sign memorandum of understanding on {topic}",
    "{oem} teams up with {tech} to develop {topic}",
    "{tech} to invest $500 million in {oem}'s {topic} business",
    "{oem} forms joint venture with {tech} for {topic}",
    "{oem} takes stake in {tech} to speed up {topic}",
    "{oem} partners with {tech} on {topic} in {region}",
    "{oem} expands partnership with {tech} to cover {topic}",
    "{oem} in talks with {tech} over {topic} tie-up",
]
_TIEUP_SUMMARIES = [
    "{oem} said on Tuesday it had signed an agreement with {tech} to work together on {topic}.",
    "Under the deal, {tech} will supply {topic} for {oem}'s next generation of vehicles from 2028.",
    "The partnership between {oem} and {tech} covers {topic} and will start in {region}.",
]
_COMPANY_TITLES = [
    "{oem} recalls {n},000 vehicles over faulty brake software",
    "{oem} October sales rise {n}% in {region}",
    "{oem} unveils new electric SUV at the Los Angeles Auto Show",
    "{tech} shares climb after quarterly earnings beat forecasts",
    "{tech} launches new {topic} product for developers",
    "{oem} cuts prices of its EV line-up in {region}",
    "{oem} outsells {oem2} in {region} for the first time",
    "{tech} and {tech2} compete for talent in {topic}",
    "{oem} chief executive says {topic} will take longer than expected",
    "{tech} opens research centre for {topic} in {region}",
]
_COMPANY_SUMMARIES = [
    "The company said the change would affect models built between 2023 and 2025.",
    "{oem} did not comment on whether the figures would change its outlook for the year.",
    "{tech} said revenue from the unit grew {n}% on the year.",
    "Analysts said the move reflects growing pressure on margins across the industry.",
]
_PLAIN_TITLES = [
    "EV registrations rise {n}% in {region} as incentives return",
    "Charging network adds {n}00 fast chargers across {region}",
    "Used-car prices fall for the third month in a row",
    "Regulators propose new rules for {topic}",
    "Battery metal prices slip as demand cools",
    "How {topic} could change city traffic by 2030",
    "Auto tariffs: what the new trade rules mean for {region}",
    "Week in review: {topic}, recalls and a busy auto show",
]
_FILLER = [
    "Analysts expect demand for electric vehicles to keep growing next year.",
    "The figures were published by the industry association on Monday.",
    "Sales of hybrids held up better than those of battery-electric models.",
    "Suppliers have warned of tight chip supplies into the first half of 2027.",
    "The report also looked at the cost of charging at home and on the road.",
    "Shares in the sector were little changed in early trading.",
    "The proposal is open for comment until the end of January.",
    "Prices for lithium carbonate have fallen by almost half since last year.",
]


@dataclass(frozen=True)
class Story:
    title: str
    summary: str  # plain text
    link: str
    guid: str | None
    published: datetime
    tieup: bool


class StoryMaker:
    """Stories in the style of an auto-news feed; `tieup_rate` of them report an OEM-tech deal."""

    def __init__(self, names: Names, *, tieup_rate: float = 0.04, company_rate: float = 0.45,
                 seed: int = 1) -> None:
        if not names.oems or not names.techs:
            raise RuntimeError("the config needs at least one OEM and one tech company")
        self.names = names
        self.tieup_rate = tieup_rate
        self.company_rate = company_rate
        self.rng = random.Random(seed)
        self.counter = 0

    def _alias(self, pool) -> str:
        _name, aliases = self.rng.choice(pool)
        return aliases[0] if self.rng.random() < 0.7 else self.rng.choice(aliases)

    def _fill(self, template: str) -> str:
        rng = self.rng
        oem = self._alias(self.names.oems)
        oem2 = self._alias(self.names.oems)
        tech = self._alias(self.names.techs)
        tech2 = self._alias(self.names.techs)
        return template.format(oem=oem, oem2=oem2, tech=tech, tech2=tech2, topic=rng.choice(_TOPICS),
                               region=rng.choice(_REGIONS), n=rng.randint(2, 40))

    def story(self, host: str) -> Story:
        rng = self.rng
        self.counter += 1
        roll = rng.random()
        tieup = roll < self.tieup_rate
        if tieup:
            # One template filling for title and summary, so they name the same companies.
            oem = self._alias(self.names.oems)
            tech = self._alias(self.names.techs)
            values = {"oem": oem, "tech": tech, "topic": rng.choice(_TOPICS), "region": rng.choice(_REGIONS)}
            title = rng.choice(_TIEUP_TITLES).format(**values)
            summary = " ".join([rng.choice(_TIEUP_SUMMARIES).format(**values), *rng.sample(_FILLER, 2)])
        elif roll < self.tieup_rate + self.company_rate:
            title = self._fill(rng.choice(_COMPANY_TITLES))
            summary = " ".join([self._fill(rng.choice(_COMPANY_SUMMARIES)), *rng.sample(_FILLER, 2)])
        else:
            title = self._fill(rng.choice(_PLAIN_TITLES))
            summary = " ".join(rng.sample(_FILLER, 3))
        slug = "-".join(title.lower().split()[:6]).replace("'", "").replace("$", "").replace("%", "")
        link = f"https://{host}/2026/11/{slug}-{self.counter}/"
        if rng.random() < 0.3:
            link += "?utm_source=rss&utm_medium=feed"
        guid = None if rng.random() < 0.3 else f"https://{host}/?p={100000 + self.counter}"
        published = NOW - timedelta(minutes=rng.randint(5, 60 * 24 * 30))
        return Story(title, summary, link, guid, published, tieup)


def plain_stories(names: Names, n: int, *, tieup_rate: float = 0.04, seed: int = 1) -> list[tuple[str, str]]:
    """(title, summary) pairs as the matcher sees them (already plain text)."""
    maker = StoryMaker(names, tieup_rate=tieup_rate, seed=seed)
    out = []
    for i in range(n):
        s = maker.story(f"news{i % 97}.example.com")
        out.append((s.title, s.summary))
    return out


# -- feeds -------------------------------------------------------------------------------------


def _description(story: Story, cdata: bool) -> str:
    sentences = story.summary.split(". ")
    first, rest = sentences[0], ". ".join(sentences[1:])
    html = (f"<p>{escape(first)}{'.' if rest else ''}</p>"
            f"<p>{escape(rest)} <a href=\"{escape(story.link)}\">Read more &raquo;</a></p>")
    if cdata:
        return f"<![CDATA[{html}]]>"
    return escape(html)


def rss_feed(index: int, stories: list[Story]) -> bytes:
    """An RSS 2.0 document in the style of a WordPress news site."""
    host = f"news{index}.example.com"
    cdata = index % 2 == 0
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
        f"<title>Mobility News {index}</title>\n<link>https://{host}/</link>\n"
        f'<atom:link href="https://{host}/feed/" rel="self" type="application/rss+xml"/>\n'
        "<description>Cars, tech and the deals between them</description>\n"
        f"<language>en-US</language>\n<lastBuildDate>{email.utils.format_datetime(NOW)}</lastBuildDate>\n"
    ]
    for story in stories:
        guid = (f'<guid isPermaLink="false">{escape(story.guid)}</guid>' if story.guid
                else f"<guid>{escape(story.link)}</guid>")
        parts.append(
            "<item>\n"
            f"<title>{escape(story.title)}</title>\n"
            f"<link>{escape(story.link)}</link>\n"
            f"<dc:creator><![CDATA[Staff Reporter]]></dc:creator>\n"
            f"<pubDate>{email.utils.format_datetime(story.published)}</pubDate>\n"
            "<category><![CDATA[Industry]]></category><category><![CDATA[EV]]></category>\n"
            f"{guid}\n"
            f"<description>{_description(story, cdata)}</description>\n"
            "</item>\n"
        )
    parts.append("</channel>\n</rss>\n")
    return "".join(parts).encode("utf-8")


def build_feeds(directory: Path, names: Names, feeds: int, items: int, *, tieup_rate: float = 0.04,
                syndicated: float = 0.03, seed: int = 1) -> dict:
    """Write feeds/<i>.xml (and .xml.gz) for i in range(feeds); returns counts for the report.

    `syndicated` of the items are a story another feed already carries (same article, other
    tracking parameters), as wire stories are in real feeds, to exercise de-duplication."""
    maker = StoryMaker(names, tieup_rate=tieup_rate, seed=seed)
    rng = random.Random(seed + 1)
    directory.mkdir(parents=True, exist_ok=True)
    carried: list[Story] = []
    total = tieups = size = 0
    for i in range(feeds):
        stories = []
        for _ in range(items):
            if carried and rng.random() < syndicated:
                base = rng.choice(carried)
                stories.append(Story(base.title, base.summary, base.link.split("?")[0] + f"?utm_source=feed{i}",
                                     None, base.published, base.tieup))
                continue
            story = maker.story(f"news{i}.example.com")
            stories.append(story)
            carried.append(story)
            total += 1
            tieups += story.tieup
        body = rss_feed(i, stories)
        size += len(body)
        (directory / f"{i}.xml").write_bytes(body)
        (directory / f"{i}.xml.gz").write_bytes(gzip.compress(body, 6, mtime=0))
    return {"feeds": feeds, "items": feeds * items, "distinct_stories": total, "tieups": tieups, "bytes": size}
