"""Turn stored values into rich `Text` for display.

Everything that came from a feed (titles, summaries, feed names) and everything from the config
(company, alliance and watchlist names) is untrusted: it is only ever put into `Text(...)` as
plain characters, never parsed as markup, so `[@click=app.quit]` shows as those characters.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.text import Text

from marketwatch import dates
from marketwatch.dealtypes import readable
from marketwatch.story import Story
from marketwatch.wording import plural

if TYPE_CHECKING:
    from marketwatch.scope import Scope

# The core already strips these before storing; a database written by something else might not.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_SPACE = re.compile(r"\s+")
# Emoji skin-tone modifiers and variation selectors: Rich counts an emoji and its modifier as
# one glyph two cells wide (and U+2764 U+FE0F, a red heart, as two cells), while xterm, tmux,
# GNOME Terminal and the Linux console draw each character by itself (the modifier two cells
# more, the heart one cell): a headline with one pushed the pane's border out of line and cut
# the pane beside it. Without them an emoji is one character, drawn as Rich counts it.
_EMOJI_MODIFIERS = re.compile("[\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]")

UNREAD = "●"
STARRED = "★"


def plain(value: object, *, one_line: bool = True) -> str:
    """A printable string: control, bidi and zero-width characters and emoji modifiers removed."""
    text = _EMOJI_MODIFIERS.sub("", _INVISIBLE.sub("", "" if value is None else str(value)))
    return _SPACE.sub(" ", text).strip() if one_line else text


def cut(value: object, cells: int) -> str:
    """`value` as plain text in at most `cells` terminal cells (a CJK character takes two),
    ending in … when it had to be cut."""
    text = plain(value)
    if cell_len(text) <= cells:
        return text
    return set_cell_size(text, cells - 1).rstrip() + "…"  # a wide character cut in two becomes a space


def text(value: object, style: str = "") -> Text:
    """Plain characters in a Text; `style` is always one of ours, never from the data."""
    return Text(plain(value), style=style, end="")


NOT_HTTP = "not an http(s) link, so it is not opened or copied"


def no_link(url: str | None) -> str:
    """Why `o` and `c` do nothing with a story's link (it is not http(s), `urls.safe_link`), in
    the words its story screen uses: there, `o` and `c` said three different things."""
    shown = cut(url or "", 80)
    return f"{shown} is {NOT_HTTP}." if shown else "This story has no link."


def when(iso: str | None, now: datetime) -> str:
    """`23 Nov` this year, `23 Nov 2024` otherwise, in this machine's time zone (as `--since`
    counts days); '' if unknown."""
    value = _parsed(iso)
    if not isinstance(value, datetime):
        return value
    value = dates.local(value)
    return f"{value.day} {value:%b}" if value.year == dates.local(now).year else f"{value.day} {value:%b %Y}"


def day(now: datetime) -> date:
    """The local day of `now`, which `when` writes dates against: what is drawn with it is
    drawn again when it changes (the first of January adds the year to last year's stories)."""
    return dates.local(now).date()


def full_date(iso: str | None, now: datetime) -> str:
    """`Sun 15 Mar 2026, 11:00 UTC · 1 d ago` for the story screen, in this machine's time zone
    and named (`07:00 EDT`); '' if unknown."""
    value = _parsed(iso)
    if not isinstance(value, datetime):
        return value
    value = dates.local(value)
    return f"{value:%a} {value.day} {value:%b %Y, %H:%M} {value:%Z} · {ago(iso, now)}"


def _parsed(iso: str | None) -> datetime | str:
    """The stored date, or what to show instead: '' when there is none, the text itself when it
    is not one of ours."""
    if not iso:
        return ""
    try:
        return dates.from_iso(iso)
    except ValueError:
        return plain(iso)


def ago(iso: str | None, now: datetime) -> str:
    """`just now`, `20 min ago` in the last hour, `9 h ago` earlier today, then `1 d ago` for
    yesterday: days are calendar days in this machine's time zone, as `when` dates a story (a
    story of yesterday evening, read in the morning, said "14 h ago", and one of three evenings
    back "2 d ago", 24-hour periods)."""
    if not iso:
        return "never"
    try:
        then = dates.from_iso(iso)
    except ValueError:
        return plain(iso)
    seconds = (now - then).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    days = (dates.local(now).date() - dates.local(then).date()).days
    if days <= 0:
        return f"{int(seconds // 3600)} h ago"
    return f"{days} d ago"


# How often a screen writes its "3 min ago" again (at 30 s the top bar said "2 min ago" at 3 min 8 s).
AGO_TICK_S = 10.0


def deal(deal_type: str | None) -> str:
    """The deal type as people write it: `MoU`, `joint venture`, `stake`."""
    return readable(plain(deal_type)) if deal_type else ""


# Deal types as a filter names what it shows: "Joint ventures", "Supply deals".
DEAL_KINDS = {
    "partnership": "Partnerships", "supply": "Supply deals", "mou": "MoUs", "joint-venture": "Joint ventures",
    "stake": "Stakes", "investment": "Investments", "acquisition": "Acquisitions",
    "licensing": "Licensing deals", "talks": "Talks", "ended": "Tie-ups ended",
}


def deal_kind(deal_type: str) -> str:
    return DEAL_KINDS.get(deal_type, plain(deal_type))


def deal_kind_in_text(deal_type: str) -> str:
    """As a sentence names it ("Marked 3 stories of Toyota's joint ventures read."): lower
    case, but an abbreviation keeps its capitals ("MoUs", not "moUs" or "mous"), and the
    tie-ups that ended are "ended tie-ups" ("No tie-ups ended for..." read oddly)."""
    if deal_type == "ended":
        return "ended tie-ups"
    kind = deal_kind(deal_type)
    return kind if deal_type == "mou" else kind[:1].lower() + kind[1:]


def none_of(scope: Scope, things: str = "tie-up stories") -> str:
    """What a filter shows, for the lines saying there is none of it: "joint ventures for the
    Renault-Nissan-Mitsubishi Alliance", "ended tie-ups for the BMW Group alliance", "tie-up
    stories for the Robotaxi watchlist", "MoUs". The top bar's label ("Alliance: BMW Group")
    read oddly mid-sentence."""
    what = deal_kind_in_text(scope.deal) if scope.deal else things
    return what if scope.is_all else f"{what} for {scope_in_text(scope)}"


def scope_in_text(scope: Scope) -> str:
    """The companies a scope narrows to, as a sentence names them: "the BMW Group alliance",
    "the Renault-Nissan-Mitsubishi Alliance" (its name says it), "the Robotaxi watchlist",
    "Toyota"."""
    name = plain(scope.name or "")
    if not name or scope.kind not in ("alliance", "watchlist", "company"):
        return plain(scope.label)
    if scope.kind == "company":
        return name
    return f"the {name}" if name.lower().endswith(scope.kind) else f"the {name} {scope.kind}"


NAME_MIN = 4  # cells a filter's name keeps however narrow the top bar (`FilterLabel.fit`)
# Cells a filter's name keeps before the top bar leaves out the time of the last refresh: less
# is no longer a name one reads at a glance ("Renault-Nis…").
NAME_READABLE = 16


class FilterLabel(str):
    """A filter as the top bar names it (`scope_label`), knowing its parts: the deal type, the
    kind of filter ("Alliance: ") and the name, so that a narrow top bar can shorten it (`fit`)
    without losing the deal type. A string, so that it compares and shows as its text."""

    deal: str
    kind: str
    name: str

    def __new__(cls, deal: str, kind: str, name: str) -> FilterLabel:
        label = super().__new__(cls, " · ".join(part for part in (deal, kind + name) if part))
        label.deal, label.kind, label.name = deal, kind, name
        return label

    def unsaid(self) -> str:
        """The label without the kind of filter when the name says it ("Renault-Nissan-Mitsubishi
        Alliance", not "Alliance: Renault-Nissan-Mitsubishi Alliance"): nothing is lost."""
        kind = self.kind.rstrip(": ").lower()
        if kind and self.name.lower().endswith(" " + kind):
            return FilterLabel(self.deal, "", self.name)
        return self

    def name_room(self, cells: int) -> int:
        """The cells `fit(cells)` leaves the name: all it needs if the label fits whole."""
        if cell_len(self) <= cells or not self.name:
            return cell_len(self.name)
        return cells - (cell_len(self.deal) + 3 if self.deal else 0)

    def fit(self, cells: int) -> str:
        """The label in `cells` if it can be: whole; without the kind of filter ("Alliance: ");
        with the name cut in its middle, its start (how a name is known) and its end kept, down
        to NAME_MIN cells. The deal type stays whole: it says what the counts count. Past that,
        the shortest form, for the top bar to cut at its end."""
        if cell_len(self) <= cells or not self.name:
            return str(self)
        deal = f"{self.deal} · " if self.deal else ""
        return deal + middle_cut(self.name, max(NAME_MIN, cells - cell_len(deal)))


def middle_cut(value: str, cells: int) -> str:
    """`value` in at most `cells` cells, cut in its middle with …: up to half of it for its last
    words ("Renault-Nissa…Alliance"), the rest for its start, by which a name is known; all of
    it for the start when not even the last word fits ("Renault-Nis…", not "Renaul…iance")."""
    if cell_len(value) <= cells:
        return value
    most = (cells - 1) // 2
    tail = ""
    for word in reversed(value.split(" ")):
        longer = f"{word} {tail}" if tail else word
        if cell_len(longer) > most:
            break
        tail = longer
    return cut(value, cells - cell_len(tail)) + tail


def scope_label(scope: Scope) -> FilterLabel:
    """What the top bar says the panes are narrowed to: `Joint ventures · Alliance: Renault…`,
    or `Joint ventures` alone (every company's: "All · Joint ventures" read as all of them). The
    deal type first: a narrow top bar shortens the name after it (`FilterLabel.fit`)."""
    deal = deal_kind(scope.deal) if scope.deal else ""
    if scope.is_all:
        return FilterLabel(deal, "", "" if deal else plain(scope.label))
    name = plain(scope.name or "")
    label = plain(scope.label)
    if name and label.endswith(": " + name):  # "Alliance: " + the alliance's name
        return FilterLabel(deal, label[: -len(name)], name)
    return FilterLabel(deal, "", label)


def marks(story: Story) -> Text:
    """Two cells, each mark in its own: `●` while unread, then `★` when starred (`●★`, `● `,
    ` ★`, `  `). The star took the dot's place, and a starred story not read yet looked read."""
    out = Text(end="")
    out.append(UNREAD if not story.read else " ", style="bold" if not story.read else "")
    out.append(STARRED if story.starred else " ", style="bold yellow" if story.starred else "")
    return out


def headline_meta(story: Story, company: str, now: datetime, units: frozenset[str] = frozenset()) -> Text:
    """A pane headline's first line: marker, date, partners, deal type. `units`: the companies
    it owns, whose partners are its own (Stellantis's pane: Peugeot's partner)."""
    out = Text(end="", no_wrap=True, overflow="ellipsis")
    out.append_text(marks(story))
    out.append(" ")
    out.append(when(story.published, now), style="bold" if not story.read else "")
    partners = story.partners_of(company, units)
    if partners:
        out.append("  with ", style="dim")
        out.append(plain(", ".join(partners)), style="bold cyan" if not story.read else "cyan")
    deals = story.deals_of(company, units)
    if deals:
        out.append(" · " + ", ".join(deal(d) for d in deals), style="dim")
    return out


NAME_KEEP = 10  # cells a pane's company name keeps before its count loses its words
NAME_LEAST = 6  # cells it keeps before its OEM/tech tag goes (a pane narrower than any screen's)


def pane_head(company: str, kind_label: str, count: int, unread: int, width: int) -> Text:
    """Name and kind on the left, story count on the right. The kind (`OEM`, `tech`) stays: a
    long name is cut with … instead, down to NAME_KEEP cells, so that the count keeps its words
    ("6 stories · 6 new", as in every other pane); past that the words go ("6 · 6 new") and the
    name is cut again, down to NAME_LEAST cells; only then does the kind go. At 120 columns
    "General Motors  OEM" left room for "6 · 6 new" only, and its pane alone said no "stories";
    then "General Motors    6 stories · 6 new" was its only pane without a kind."""
    width = max(1, width)
    name = plain(company)
    kind = plain(kind_label)
    tag = f"  {kind}" if kind else ""
    counts = []
    for label in (plural(count, "story", "stories"), str(count)):
        right = Text(label, end="")
        if unread:
            right.append(f" · {unread} new", style="bold")
        counts.append(right)
    choice = None
    for right, least in ((counts[0], NAME_KEEP), (counts[1], NAME_LEAST)):
        if cell_len(name) + cell_len(tag) + 1 + right.cell_len <= width:
            choice = (name, tag, right)  # whole
            break
        room = width - cell_len(tag) - 2 - right.cell_len  # two cells between the kind and the count
        if room >= min(least, cell_len(name)):
            choice = (cut(name, room), tag, right)
            break
    if choice is None:  # narrower than any screen makes a pane: the kind goes, then the name is cut
        right = counts[1]
        choice = (cut(name, max(1, width - right.cell_len - 1)), "", right)
    shown, tag, right = choice
    left = Text(end="")
    left.append(shown, style="bold")
    left.append(tag, style="dim")
    left.truncate(max(1, width - right.cell_len - 1), overflow="ellipsis")
    gap = max(1, width - left.cell_len - right.cell_len)
    out = Text.assemble(left, " " * gap, right, end="", no_wrap=True)
    out.truncate(width)
    return out


BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[int]) -> str:
    """One bar per value, from ▁ (none) to █ (the largest); any value above none shows at least ▂,
    so that a quiet week is not drawn like an empty one."""
    top = max(values, default=0)
    if top <= 0:
        return BARS[0] * len(values)
    steps = len(BARS) - 1
    return "".join(BARS[0] if v <= 0 else BARS[max(1, v * steps // top)] for v in values)


def trend_label(weekly: Sequence[int]) -> str:
    """`5 in 12 wk`: the stories the sparkline counts."""
    return f"{sum(weekly)} in {len(weekly)} wk"


class Facts:
    """Rows of a dim label and a value, the values in a column that wraps (long links fold):
    what rich's Table.grid drew, at a fraction of its cost (the table measured every cell twice,
    half the time it took to open a story). A value given as a list of items (the pairs, the
    companies) is joined with ", " and breaks only between items: "Volvo Cars –" ended one
    line and "Alibaba" began the next."""

    GAP = 2

    def __init__(self, rows: list[tuple[str, Text | list[Text]]]) -> None:
        self.rows = rows
        self.label_width = max((len(label) for label, _ in rows), default=0)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        room = max(1, options.max_width - self.label_width - self.GAP)
        indent = " " * (self.label_width + self.GAP)
        for label, value in self.rows:
            for i, line in enumerate(self._lines(value, console, room)):
                out = Text(end="")
                out.append(label.ljust(self.label_width) + " " * self.GAP if i == 0 else indent, style="dim")
                out.append_text(line)
                out.end = "\n"
                yield out

    @staticmethod
    def _lines(value: Text | list[Text], console: Console, room: int) -> list[Text]:
        if isinstance(value, Text):
            return list(value.wrap(console, room)) or [Text("")]
        lines: list[Text] = []
        line: Text | None = None
        for i, item in enumerate(value):
            if line is not None:
                joined = Text.assemble(line, ", ", item, end="")
                if joined.cell_len + (i < len(value) - 1) <= room:  # with the comma after it
                    line = joined
                    continue
                if line.cell_len < room:
                    line.append(",")
                lines.append(line)
            line = item.copy()
        if line is not None:
            lines.append(line)
        # An item wider than the room (a long alliance's name) wraps by itself.
        return [part for line in lines for part in line.wrap(console, room)] or [Text("")]

    @staticmethod
    def _width(value: Text | list[Text]) -> int:
        if isinstance(value, Text):
            return value.cell_len
        return sum(item.cell_len for item in value) + 2 * max(0, len(value) - 1)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((self._width(value) for _, value in self.rows), default=0)
        return Measurement(self.label_width + self.GAP + 1,
                           min(options.max_width, self.label_width + self.GAP + widest))


def headline_title(story: Story) -> Text:
    """The title under it: bold while unread, dim once read, so new stories stand out."""
    return Text(plain(story.title), style="bold" if not story.read else "dim", end="")


def first_pair(story: Story, lead: tuple[str, ...] = ()) -> tuple[str, str]:
    """The pair a list names for a story (it has pairs): one of the companies the list is about
    (`lead`), then one of the story's own deal rather than one named in passing, then one whose
    companies the headline names, then the sentence that made it a tie-up (Google for Alphabet),
    and only then the first in alphabetical order. A search listed the Renault-Nissan-Mitsubishi
    Alliance's MoU with Didi as "BMW – Alibaba +5" (a partnership its last paragraph recalls),
    and Volkswagen's joint venture with Rivian as "Audi – Rivian +3"."""
    named = {company for _, _, company in story.spans}
    headline: dict[str, bool] = {}

    def in_headline(name: str) -> bool:
        if name not in headline:
            headline[name] = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", story.title) is not None
        return headline[name]

    deals = story.deals_in_order()

    def rank(i: int) -> tuple[int, bool, int, int, int]:
        pair, deal = story.pairs[i], deals[i]
        in_passing = bool(deal and story.deal_type and deal != story.deal_type)
        return (-sum(name in lead for name in pair), in_passing, -sum(map(in_headline, pair)),
                -sum(name in named for name in pair), i)

    return story.pairs[min(range(len(story.pairs)), key=rank)]


def story_row(story: Story, now: datetime, lead: tuple[str, ...] = ()) -> tuple[Text, Text, Text, Text]:
    """Cells for a list of stories: marks, date, title, who. `who` names the pair that
    `first_pair` picks, and how many others the story has."""
    if story.pairs:
        who = " – ".join(first_pair(story, lead))
        more = len(story.pairs) - 1
    else:
        who = ", ".join(story.companies[:3])
        more = max(0, len(story.companies) - 3)
    title_style = "bold" if not story.read else ""
    title = text(story.title, title_style)
    title.no_wrap, title.overflow = True, "ellipsis"
    who_text = text(who, "cyan")
    if more:
        who_text.append(f" +{more}", style="dim")
    who_text.no_wrap, who_text.overflow = True, "ellipsis"
    return (marks(story), text(when(story.published, now)), title, who_text)


def sentence(value: str | None, spans: tuple[tuple[int, int, str], ...]) -> Text:
    """The trigger sentence with each company name highlighted by its (start, end) offsets."""
    if not value:
        return Text("", end="")
    # Invisible characters become spaces; emoji modifiers go, and at[i] is where the i-th
    # character of `value` lands, so that the offsets still point at the names.
    chars: list[str] = []
    at: list[int] = []
    for char in value:
        at.append(len(chars))
        if _INVISIBLE.match(char):
            chars.append(" ")
        elif not _EMOJI_MODIFIERS.match(char):
            chars.append(char)
    at.append(len(chars))
    out = Text("".join(chars), end="")
    for start, end, _company in spans:
        start, end = max(0, int(start)), min(len(value), int(end))
        if start < end:
            out.stylize("bold reverse", at[start], at[end])
    return out


HEAT = ("green", "yellow", "dark_orange", "bold red")


def heat_bounds(highest: int) -> list[tuple[int, int]]:
    """Four count ranges from 1 to `highest`, one per colour (fewer when counts are small)."""
    if highest <= 0:
        return []
    if highest <= 4:
        return [(n, n) for n in range(1, highest + 1)]
    edges = [1] + [math.ceil(highest * q) for q in (0.25, 0.5, 0.75)] + [highest + 1]
    out = []
    for lo, hi in itertools.pairwise(edges):
        lo = max(lo, out[-1][1] + 1 if out else 1)
        if lo <= hi - 1:
            out.append((lo, hi - 1))
    out[-1] = (out[-1][0], highest)
    return out


def _heat_style(index: int, levels: int) -> str:
    """Spread the levels from green (fewest) to red (most): with one level, every count is
    green, so that a database of single tie-ups does not look alarming."""
    if levels <= 1:
        return HEAT[0]
    return HEAT[round(index * (len(HEAT) - 1) / (levels - 1))]


def heat(count: int, bounds: list[tuple[int, int]]) -> tuple[str, str]:
    """A matrix cell's text and style: the count, coloured by which range it falls in; a dim
    dot for none."""
    if count <= 0:
        return "·", "dim"
    for i, (lo, hi) in enumerate(bounds):
        if lo <= count <= hi:
            return str(count), _heat_style(i, len(bounds))
    return str(count), HEAT[-1]


def heat_legend(bounds: list[tuple[int, int]]) -> Text:
    out = Text(end="")
    out.append("stories per pair:", style="dim")
    for i, (lo, hi) in enumerate(bounds):
        out.append("  ")
        out.append(str(lo) if lo == hi else f"{lo}–{hi}", style=_heat_style(i, len(bounds)))
    return out


STATUS_STYLE = {"ok": "green", "not-modified": "green", "unchanged": "green", "error": "bold red",
                "deferred": "yellow", None: "dim"}
