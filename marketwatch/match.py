"""Decide whether a story reports a tie-up, between whom, and of what kind.

A story is a tie-up story when one sentence names an OEM and a tech company (an alliance
stands for its members) together with deal language; a sentence that asks ("Will Apple partner
with BMW?") tells of no deal. The names come from
`marketwatch.mentions` (one linear pass over the text, however many aliases the config lists);
the sentence and deal-word work here runs only for stories that name two companies.

Not every name in a deal sentence is a party to the deal: `marketwatch.parties` decides who
takes part and on which side (an owner, an employer, a name in an aside, "Apple" in "Apple
supplier Foxconn" are no parties; co-investors do not pair with each other), and that a company
both OEM and tech (Huawei, Xiaomi) counts as the OEM side against a tech company only in a
sentence about vehicles (`_VEHICLE`). An opinion column ("Breakingviews -", "Opinion:") reports
no deal, nor does a look back ("Ten years ago, GM put $500 million into Lyft") or a headline that
says there is none yet; a sentence that tells history is skipped, and a roundup's items are read
apart.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import pairwise

from marketwatch.anaphors import Anaphors
from marketwatch.background import background_of
from marketwatch.config import Config
from marketwatch.deal_history import (
    A_YEAR,
    YEAR,
    dated_year,
    latest_year_told,
    said_so,
    told_ahead,
    told_earlier,
    told_now,
)
from marketwatch.deals import CJK_DISPUTE, deal_of, denies, is_damped, names_a_cjk_deal, refuses
from marketwatch.mentions import Mention, MentionFinder
from marketwatch.models import NO_MATCH, Match, Span
from marketwatch.parties import Parties, compares_with
from marketwatch.sentences import split_sentences

# "Breakingviews - Toyota should buy into Wayve", "Opinion: Apple should just buy Rivian": a column
# argues; the deals it names are advice or background, and the news of a deal is another story.
# In any case ("BREAKINGVIEWS-", "COLUMN-" on the wire), and German; the word then a colon, a bar,
# a spaced dash or a hyphen before a capital (not "Column-mounted shifter").
# Full-width Latin letters, digits and signs (U+FF01-FF5E) as the ASCII they stand for, one character
# for one, so that offsets stay those of the story's text.
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_CJK_SETTLED = re.compile(r"和解|합의|화해|合意|取り下げ|取下げ|撤诉|撤回|취하|끝내|소송 끝")
_OPINION = re.compile(r"(?i:breakingviews|opinion|column|commentary|editorial|op-ed|viewpoint|kommentar|meinung"
                      r"|chronique|[ée]ditorial|opini[óo]n|an[áa]lisis|editoriale|commento)"
                      r"(?:[^\S\n]*[:|]|[^\S\n]+[-–—][^\S\n]|-(?=[A-Z]))|评论[:：]")
# "Lucid would supply its motors to rival carmakers, CEO says, but no deal yet": the headline says
# there is none; the summary's deals are the company's old ones. Not a headline that names two
# companies ("Stellantis picks CATL for Spain; no decision yet on US site") or talks.
_NO_DEAL_YET = re.compile(r"\bno (?:final |firm |new )?(?:deal|agreement|contract|decision|partner|talk)s? "
                          r"(?:yet|so far|in sight|is imminent)\b|\bnothing (?:signed|agreed|final) yet\b"
                          r"|\bhas yet to (?:strike|sign|reach|agree)\b", re.IGNORECASE)
_TALKS = re.compile(r"(?<!no )(?<!no new )\btalks\b", re.IGNORECASE)
# A sentence about vehicles: lets a company that is both OEM and tech act as the OEM side.
_VEHICLE = re.compile(
    r"(?<!\w)(?:cars?|vehicles?|EVs?|automak\w*|carmak\w*|auto|automotive|driv(?:ing|er|ers|erless)"
    r"|self-driving|robotaxis?|vans?|trucks?|SUVs?|sedans?|pickups?|crossovers?|hatchbacks?|coupes?|minivans?"
    r"|motorcycles?|buses|cockpits?|in-car|mobility"
    r"|ride-hailing|charging|batter(?:y|ies)|ADAS|lidars?|infotainment|autopilot"
    r"|Drive (?:Orin|Thor|AGX|Hyperion|Xavier|PX)|Snapdragon (?:Ride|Cockpit|Auto|Digital Chassis)"
    # a car's cells: "4695 cylindrical cells for R2 production", "46-series cells" (not cells or kWh alone:
    # phones, power banks and storage cabinets have them too)
    r"|(?:46\d\d|46-series)(?: cylindrical)? cells|cells for (?:the |its )?(?:[\w-]+ )?production)(?!\w)"
    r"|汽车|车|智驾|座舱", re.IGNORECASE)
# A roundup's headline ("Morning brief: Nio cuts prices; Qualcomm buys Arduino; Honda delays Ohio EV
# hub", a wire's "WRAPUP 2-Tariffs hit Toyota, Honda profits as Nvidia gets nod ...", a newsletter's
# "TechCrunch Mobility: Porsche gives ChatGPT to its engineers, Lyft buys Hyundais, and Waymo's
# freeway math", "Evening Wrap: ..."): its items are apart, in the headline between its commas,
# semicolons, bars, dots and spaced dashes or slashes (`_title_items`), in the summary's sentences
# after ", and" and the like (`_ITEM_BREAK`): "Qualcomm agreed to acquire Arduino, and Honda pushed
# back its Ohio battery plant" is no deal of Honda's. Matched against the lower-cased headline:
# re.IGNORECASE is slower.
# (of which these hold no news items: a podcast's topics, a week's preview, a market's movers)
_NO_NEWS_LABELS = (r"(?:ep\.?|episode) ?\d+(?=:)|what to watch|week ahead|biggest (?:moves|movers)|movers(?=:)"
                   r"|stocks (?:close|end|finish|open)\w*|notebook")
_ROUNDUP = re.compile(r"\b(?:round-?ups?|wrap-?ups?|wrap|briefs?|briefing|recap|newsletter|digest|top stories"
                      r"|things to know|techcrunch mobility|the station|the download(?=:)"
                      # a show's or a fair's day: "CES 2026 day two: Honda signs Qualcomm ..., LG's see-through display"
                      r"|day (?:one|two|three|four|five|\d{1,2})(?=:)"
                      r"|week in (?:review|mobility|evs?|cars|autos|tech|transportation)"
                      # a daily newsletter, a podcast's or a deals column's episode, a week's preview, a
                      # market's movers: "Electrek Daily:", "Ep. 77:", "Axios Pro Mobility Deals:", "What to
                      # Watch This Week:", "Stocks Making the Biggest Moves Premarket:", "Stocks Close Mixed:"
                      r"|daily(?=:)|daily drive|deals(?=:)|" + _NO_NEWS_LABELS + r")\b"
                      r"|早报|晚报|日报"  # Chinese morning, evening and daily briefs: "36氪早报｜..."
                      r"|모닝브리핑|이브닝브리핑|조간브리핑")  # and Korean: "[모닝브리핑] 한미 관세 협상 ... 外"
_ROUNDUP_ANY_CASE = re.compile(_ROUNDUP.pattern, re.IGNORECASE)
_NOT_NEWS_ITEMS = re.compile(rf"\b(?:{_NO_NEWS_LABELS})")
# What a correction says an earlier version got wrong: "An earlier version of this story said Kia had
# signed ...", "Correction: An earlier version of this story misstated Honda's partner as Amazon" (not
# the right figure it then gives: "... gave the wrong ownership split: Stellantis and Foxconn will each
# own 50% of the joint venture").
_CORRECTED = re.compile(r"\s*(?:correction:\s*)?(?:an|the)\s+(?:earlier|previous|original|prior)\s+version\s+of\s+this"
                        r"\s+(?:story|article|report|post|item)\s+(?:(?:incorrectly|wrongly|mistakenly|erroneously)\s+)?"
                        r"(?:said|stated|reported|misstated|misidentified|misnamed|named|identified|described|referred)\b",
                        re.IGNORECASE)
# ", while" and ", whereas" start an item whatever follows: "BYD's sales rose 12%, while brands in
# Huawei's HIMA alliance sold 58,000 cars"; not a clause with no subject of its own ("..., while
# also providing chips to Mercedes-Benz"), nor an aside after a short subject (`_items`: "Hyundai,
# while facing tariffs, signed ...")
_ITEM_BREAK = re.compile(r",\s+(?:and|but)\s+(?=[A-Z0-9])"
                         r"|,\s+(?P<while>while|whereas)\s+(?!(?:[a-z]+ing|also|still)\b)")
# After a name that a comma in a headline put after another: the list goes on, or the item does.
_LIST_GOES_ON = re.compile(r"\s*(?:,|&|;|\||$|[-–—]\s|(?:and|or|for|in|on|at|to|from|with)\b)")
_TITLE_ITEM_BREAK = re.compile(r"\s*[;|·；｜]\s*|\s+[-–—/]\s+|,\s+(?:and\s+)?(?=[A-Z0-9])")
# A sentence that tells history, not news: "In January 2016, General Motors bought a 9% stake in
# Lyft", "Ten years ago, GM put $500 million into Lyft", "We look back at ... its 2016 Fiat
# Chrysler deal". At the sentence's start only: "signed in 2016" may tell of a deal renewed now.
# Not the future ("In 2027, Toyota will ...") nor what comes of it now ("... Now the two team up").
_HISTORY = re.compile(
    r"\s*(?:"
    # "Back in 2019 Toyota and Uber ...": after "back in", the year needs no comma, and a headline
    # starting so looks back too
    rf"(?P<back>back\s+in\s+{YEAR})\b\s*,?"
    # "In January 2016, ...", and a clause of then: "When Ford and Volkswagen pulled the plug on
    # Argo AI in October 2022, ..."
    # (a subject and a verb in the past: not "When Ford and Baidu sign the deal in 2027", "When completed in 2026")
    r"|(?P<year>(?:when\s+[^,.;\n]*?\w\s+(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bbeen\s)"
    r"(?:(?!(?:need|speed|feed|seed|proceed|exceed|succeed)\b)\w+ed|took|made|bought|sold|began|won|struck|set|put|led|paid"
    r"|went|came|brought|left|quit|gave|got|spun|split|broke)\b[^,.;\n]{0,100}?\s+)?"
    rf"(?:in|back in)\s+{YEAR}\s*,)"
    # "Six years ago this month, ...", "Two years ago Toyota invested ..." (no comma)
    r"|\w+\s+(?:years?|decades?)\s+ago(?:\s+(?:this\s+(?:week|month)|today))?\b\s*,?"
    r"|(?:we\s+)?look(?:s|ed|ing)?\s+back\s+(?:at|on)\b|flashback\s*:"
    # a newsletter's retrospective: "Looking back: Apple's car, and the Hyundai-Kia talks that collapsed"
    # (not "A look back at Hyundai's chip strategy as it signs a new deal with Samsung")
    r"|looking\s+back\s*:|throwback\s*:"
    # an explainer's promise: "We also explain why GM dropped Apple CarPlay from its EVs back in 2023"
    r"|we\s+(?:also\s+)?explain\s+why\b)",
    re.IGNORECASE)
_SAME_NEWS_GOES_ON = re.compile(r"\s*(?:(?:and|but)\s+)?(?:(?:now|today|yesterday|this\s+(?:week|month|year)"
                                r"|last\s+(?:week|month)|on\s+\w+day),?\s+)?"
                                r"(?:now|today|the\s+(?:two|companies|partners|pair)|both|they|it)\b", re.IGNORECASE)
_HISTORY_STARTS = ("in ", "In ", "IN ", "back", "Back", "We ", "we ", "look", "Look", "Flashback", "A decade",
                   "Throwback", "throwback",
                   "When ", "when ")
_NOT_HISTORY = re.compile(r"\b(?:will|would|plans?|planned|set to|expected|aims?|to begin|to launch|to start|to sign"
                          r"|from \d{4}|now|today|this week)\b", re.IGNORECASE)
# ... and after "years ago", "back in 2019": the days of now too ("A decade ago, Toyota began working
# with Nvidia, and the two signed a new deal last week"); not after "In 2020, Toyota invested in
# Pony.ai, which last week began tests", where the day is the other company's news.
_NOT_AGO = re.compile(r"\b(?:yesterday|last\s+(?:week|month)|this\s+(?:month|year)"
                      r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.IGNORECASE)
# A press release's boilerplate, after its news: "About NVIDIA: ... its automotive partners include
# Mercedes-Benz, Volvo Cars, Lucid and BYD", "Forward-looking statements: ... Luminar's customer
# agreements, including with Mercedes-Benz". Feeds carry it in summaries; it names partners of old,
# not the story's deal, so the summary ends where it starts (at a sentence's start only).
# "About Aptiv Aptiv is a global ..." too: a release's "<b>About Aptiv</b><br>" heading, cleaned,
# then the name again ("About Innoviz Technologies Innoviz is"), or "Founded in 2014, ..."; after a
# cleaned Markdown heading's "#" too.
_BOILERPLATE = re.compile(r"(?:^|(?<=[.!?…\]”\"#])\s)\s*(?:About [A-Z][^:\n]{0,40}?:"
                          r"|(?i:about) (?P<who>[A-Z][\w.&-]+)(?: [A-Z][\w.&-]+){0,3}"
                          r" (?:(?i:(?P=who))\b|Founded\b|Headquartered\b|Established\b)"
                          r"|[Ff]orward[- ][Ll]ooking [Ss]tatements?\b|Safe [Hh]arbou?r\b|Cautionary [Ss]tatements?\b)")


@dataclass
class _Found:
    """The pairs of one kind a story reports, each with its best deal, and the sentence that says
    the story's best."""

    deals: dict[tuple[str, str], tuple[tuple[bool, int], str]] = field(default_factory=dict)  # pair -> best
    rank: tuple[bool, int] | None = None
    deal: str | None = None
    span: tuple[int, int] = (0, 0)
    mentions: list[Mention] = field(default_factory=list)


class Matcher:
    """Compiled once per config; `match()` is pure and cheap enough for every entry."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.companies = config.companies
        self._finder = MentionFinder(config)
        self._anaphors = Anaphors(config)
        self._parties = Parties(config)
        self._parents = {name: set(c.parents) for name, c in config.companies.items()}

    def mentions(self, text: str) -> list[Mention]:
        """Company and alliance mentions, leftmost-longest, with exclusions and ambiguity applied
        (`marketwatch.mentions`)."""
        return self._finder.find(text)

    # -- deciding --------------------------------------------------------------------------

    def match(self, title: str, summary: str = "", year: int | None = None) -> Match:
        """The story's match. `year`: the year it was published, when known, which dates its
        deals better than the years it names (`_the_news`); the same for a story at every rematch."""
        if _OPINION.match(title):
            return NO_MATCH
        shown = None  # the text as written, where it is read in half-width forms (offsets are the same)
        if not (title.isascii() and summary.isascii()):  # "Ｗａｙｖｅ", "ＥＶ": Japanese and Chinese press
            shown = f"{title}\n{summary}" if summary else title
            title, summary = title.translate(_HALF_WIDTH), summary.translate(_HALF_WIDTH)
            # A headline of a lawsuit ("ファーウェイ、独VWを特許侵害で提訴", "화웨이, ... 특허 침해 소송") with no
            # deal of its own: the summary's licence is what the suit is about, or one refused (not
            # "電池訴訟を取り下げ　次世代電池で提携", "특허소송 끝내고 라이선스 계약", a settlement)
            if CJK_DISPUTE.search(title) and not _CJK_SETTLED.search(title) and not names_a_cjk_deal(title):
                return NO_MATCH
        text = f"{title}\n{summary}" if summary else title
        names = self._finder.find(text, owners_at_least=2)
        # "The carmaker" stands for a company the headline names: it never adds a second one.
        if len({m.alias.owner for m in names}) < 2:
            return NO_MATCH
        title_lower = title.lower()
        # Nor is there a tie-up in a headline that says there is no deal yet, or that looks back
        # ("Ten years ago, GM put $500 million into Lyft").
        if (self._no_deal_yet(title, title_lower, names)
                or _is_history(title, 0, len(title), headline=True)):
            return NO_MATCH
        # Boilerplate only takes names away: looked for in the few stories that name two companies.
        if summary and (cut := _without_boilerplate(summary)) is not summary:
            summary, text = cut, f"{title}\n{cut}" if cut else title
            names = self._finder.find(text, owners_at_least=2)
            if len({m.alias.owner for m in names}) < 2:
                return NO_MATCH
        mentions = self._anaphors.with_the_carmaker(text, len(title) + 1, names) if summary else names
        # "The joint venture", "the partners": only summaries with these words can have them.
        if "partners" in summary or "venture" in summary or "two compan" in summary:
            mentions = self._anaphors.with_the_partners(text, len(title) + 1, mentions)
        # "a top-five Japanese OEM" that the summary later names: only summaries with these words
        if "confirm" in summary or "ustomer" in summary or " with " in summary or " to be " in summary or (
                " as " in summary):
            mentions = self._anaphors.with_the_customer(text, len(title) + 1, mentions)
        anaphors = mentions is not names
        mentions = self._anaphors.units_for_owners(text, mentions)
        if not _may_share_a_sentence(text, mentions):
            return NO_MATCH
        weak = weak_items = None  # are weak deal words allowed? Decided once, only if a sentence needs it
        compares = None
        found: dict[str, _Found] = {}
        told: list[_Told] = []
        starts = [m.start for m in mentions]  # in order: mentions() sorts them
        sentences = split_sentences(text, len(title) + 1)
        # (a headline's "; " ends a sentence there too, unless the next clause has no subject of its
        # own: split_sentences and sentences.has_no_subject)
        roundup = _ROUNDUP.search(title_lower) is not None
        if roundup:  # "Morning brief: ...": the headline's and the summary's items apart
            sentences = _items(text, sentences, len(title), mentions)
        for order, (start, end) in enumerate(sentences):
            first, past = bisect_left(starts, start), bisect_left(starts, end)  # linear in all
            if past - first < 2:
                continue
            in_sentence = [m for m in mentions[first:past] if m.end <= end]
            if (len({m.alias.owner for m in in_sentence}) < 2 or _is_question(text, start, end)
                    or _CORRECTED.match(text, start) is not None
                    or _is_history(text, start, end, headline=start < len(title))):
                continue
            named = in_sentence  # every name is masked in the deal's text, background too
            background, asides = background_of(text, start, end, in_sentence)
            if background:
                in_sentence = [m for i, m in enumerate(in_sentence) if i not in background]
            if anaphors and any(m.alias.is_anaphor for m in in_sentence):
                in_sentence = self._anaphors.without_needless_anaphors(in_sentence)
            if len({m.alias.owner for m in in_sentence}) < 2:
                continue
            if weak is None:
                if denies(title):  # the summary only tells what is denied
                    return NO_MATCH
                # A headline that names a deal only as advice, a wish or to rule it out ("Ferrari 'has
                # no plans' for OpenAI deal"): the summary's weak words are its talk, as after a damped one
                refused = refuses(title)
                weak = not is_damped(title, headline=True, policy_reason=True) and not refused
                # A roundup's own label ("Weekly briefing:") damps none of the summary's items: each
                # tells its news (the headline's own words stay damped: "Ep. 141: Mobileye's CTO on
                # what Tesla gets wrong")
                weak_items = weak or (
                    roundup and not refused and not _NOT_NEWS_ITEMS.search(title_lower)
                    and not is_damped(_ROUNDUP_ANY_CASE.sub(" ", title), headline=True, policy_reason=True))
            # The deal first: most sentences naming two companies report none, and telling who
            # the parties are and which side each is on costs as much again.
            headline = start < len(title)
            deal, strong = deal_of(_masked(text, start, end, named, asides), weak=weak if headline else weak_items,
                                   headline=headline)
            if deal is None:
                continue
            if compares is None:  # does the story compare with a company anywhere? Once a story
                compares = compares_with(text)
            parties = self._parties.find(text, in_sentence, start, end, compares)
            if len({m.alias.owner for m in parties}) < 2:
                continue
            pairs = self._parties.pairs(parties, _VEHICLE.search(text, start, end) is not None,
                                      self._parties.apart(text, start, end, parties))
            if pairs:
                lowered = text[start:end].lower()
                told.append(_Told(pairs, (not strong, order), deal, (start, end), in_sentence,
                                  dated_year(lowered), told_earlier(lowered), headline and said_so(lowered)))
        if not roundup:
            told = _beside_the_headline(text, told, len(title))
        for one in _the_news(text, told, year, sentences, mentions):
            # The story's deal and sentence: strong words beat weak ones, then the earliest.
            _keep_best(found, one.pairs, one.rank, one.deal, one.span, one.mentions)
        kind = next((k for k in ("oem-tech", "oem-oem", "tech-tech") if k in found), None)
        if kind is None:
            return NO_MATCH
        return self._result(text, kind, found[kind], mentions, shown or text)

    @staticmethod
    def _no_deal_yet(title: str, lowered: str, names: list[Mention]) -> bool:
        if "no " not in lowered and " yet" not in lowered:  # most headlines
            return False
        in_title = {m.alias.owner for m in names if m.end <= len(title)}
        return len(in_title) < 2 and _NO_DEAL_YET.search(title) is not None and _TALKS.search(title) is None

    def _result(self, text: str, kind: str, best: _Found, mentions: list[Mention], shown: str) -> Match:
        """The Match of the story's best kind: its pairs, each with its own deal, and the
        sentence that says the story's deal, quoted as written (`shown`: "比亚迪（BYD）宣布，", not
        the half-width forms it was read in)."""
        pairs, deal, (s_start, s_end), in_sentence = sorted(best.deals), best.deal, best.span, best.mentions
        parties = self._with_parents({c for pair in pairs for c in pair})
        named = self._with_parents({c for m in mentions for c in m.members})
        return Match(
            kind=kind,
            companies=tuple(sorted(named)),
            parties=tuple(sorted(parties)),
            pairs=tuple(pairs),
            pair_deals=tuple(best.deals[pair][1] for pair in pairs),
            alliances=tuple(sorted({m.alias.owner for m in mentions if m.alias.is_alliance})),
            deal_type=deal,
            sentence=shown[s_start:s_end].strip(),
            spans=_spans(text, s_start, s_end, in_sentence),
        )

    def _with_parents(self, companies: set[str]) -> set[str]:
        out = set(companies)
        for company in companies:
            out |= self._parents.get(company, set())
        return out


@dataclass(frozen=True)
class _Told:
    """A sentence's deal: its pairs by kind, rank, deal type, span and names, and the year it dates
    the deal to (`deal_history.dated_year`), and whether it tells it in the past perfect, as what had
    come before (`deal_history.told_earlier`)."""

    pairs: dict[str, set[tuple[str, str]]]
    rank: tuple[bool, int]
    deal: str
    span: tuple[int, int]
    mentions: list[Mention]
    dated: int | None
    earlier: bool
    revealed: bool = False  # a headline that says who says or shows it


def _beside_the_headline(text: str, told: list[_Told], title_end: int) -> list[_Told]:
    """A story whose headline tells a deal reports that deal: the summary's deals between other
    companies are its background ("Toyota buys out May Mobility" and "Alphabet's Waymo and Amazon's
    Zoox belong to tech giants, and Hyundai's Motional has cut staff since Aptiv stepped back"),
    unless the summary says it is other news ("Separately, ...", "Honda, meanwhile, ...", "Honda also
    agreed ...") or dates it to these days ("On Tuesday, Honda agreed ..."). Not for a roundup,
    whose headline is one item of several."""
    head = [t for t in told if t.span[0] < title_end]
    if not head or len(head) == len(told):
        return told
    named = {c for t in head for c in _companies(t)}
    return [t for t in told if t.span[0] < title_end or not named.isdisjoint(_companies(t)) or _other_news(text, t)]


def _other_news(text: str, told: _Told) -> bool:
    """Does a summary's deal between other companies than the headline's tell news of its own?"""
    start, end = told.span
    lowered = text[start:end].lower()
    return (_OTHER_NEWS.search(lowered, 0, 80) is not None or told_now(lowered)
            # a deal of strong words, or one made, with no word of when stays too: "Honda agreed to buy
            # chips from Nvidia", not "General Motors buys cells from Samsung SDI"
            or ((not told.rank[0] or _MADE.search(lowered) is not None) and _SOME_TIME_AGO.search(lowered) is None))


def _companies(told: _Told) -> set[str]:
    return {c for pair in _pairs(told) for c in pair}


def _pairs(told: _Told) -> list[tuple[str, str]]:
    return [pair for pairs in told.pairs.values() for pair in pairs]


# Words near a sentence's start that tell other news than the headline's
_OTHER_NEWS = re.compile(r"\b(?:separately|meanwhile|elsewhere|in\s+(?:a\s+)?(?:separate|other|related)\s+\w+"
                         r"|also|in\s+addition|additionally|at\s+the\s+same\s+time)\b")
_MADE = re.compile(r"\b(?:signed|agreed|struck|reached|inked|sealed|formed|announced|unveiled|teamed)\b")
# ... and words that put a deal some time back: "last year", "in 2023", "Volkswagen's 2023 deal", "since",
# "earlier", "already"
_SOME_TIME_AGO = re.compile(r"\b(?:last\s+year|(?:in|since)\s+(?:19|20)\d\d|since|ago|earlier|previously|already"
                            r"|once|long|(?:a\s+)?(?:years?|decade)\s+(?:later|earlier|before))\b"
                            r"|['’]s\s+(?:19|20)\d\d\b")


def _partners_now(text: str, sentences: list[tuple[int, int]], mentions: list[Mention]) -> set[tuple[str, str]]:
    """The pairs of companies that sentences of these days or of what is ahead name apart
    ("Volvo Autonomous Solutions today began driverless operations on trucks powered by the Aurora
    Driver", "Subaru said it will start buying Panasonic cells a year earlier"): an old deal
    between them is what that news is about, not a feature's background. Not the two of a joint
    venture's own names ("Sony Honda Mobility said on Tuesday ... the Afeela 1")."""
    out: set[tuple[str, str]] = set()
    for start, end in sentences:
        lowered = text[start:end].lower()
        if told_now(lowered) or told_ahead(lowered):
            named = [m for m in mentions if start <= m.start < end]
            out.update((a, b) for i, one in enumerate(named) for other in named[i + 1:]
                       if one.alias.owner != other.alias.owner for a in one.members for b in other.members if a != b)
    return out


def _the_news(text: str, told: list[_Told], year: int | None, sentences: list[tuple[int, int]],
              mentions: list[Mention]) -> list[_Told]:
    """The deals a story reports, not those it dates years back beside them: a deal dated two
    years or more before the latest year the story names is background ("Honda put $2.75 billion
    into Cruise in 2018" in a feature that reaches 2022 and whose news is "Mitsubishi has agreed
    to source an SUV from Foxconn"; a timeline's early entries). The latest year stands for the
    story's own, which the matcher is not told; a deal of that year or the one before
    ("Separately, Kia agreed in March 2026 ...") may be news. The latest year may also be one
    ahead ("production starts in 2029") and make a recent deal look old, so a story whose every
    deal is set aside keeps them all, unless each is dated two years or more before the latest
    year the story tells of as past or present (not "robotaxis will launch in 2028"): a feature
    on a venture's history, a lawsuit over an old deal, nothing new. The year the story was
    published (`year`), when the caller knows it, counts as one it tells of: "Ford has used
    Mobileye's chips since a 2020 agreement" in a story of 2026 about a recall is no news. A
    story keeps an old deal whose two sides a sentence of these days or of what is ahead names
    (`_partners_now`, asked only then)."""
    if all(t.dated is None and not t.earlier for t in told):
        return told
    latest = max((int(found) for found in A_YEAR.findall(text)), default=year or 0)
    if year is not None:
        latest = max(latest, year)
    news = [t for t in told if not t.earlier and (t.dated is None or t.dated > latest - 2)]
    if not news:
        told_of = max((y for y in (latest_year_told(text.lower(), sentences), year) if y is not None), default=None)
        # (not a deal a headline says is shown now: "WeRide's listing document shows Nissan took stake
        # in 2024")
        old = told_of is not None and all(t.dated is not None and t.dated <= told_of - 2 and not t.revealed
                                          for t in told)
        # (not an old deal whose two sides a sentence of these days names: its news is that deal's)
        if old:
            now = _partners_now(text, sentences, mentions)
            old = not any(pair in now or pair[::-1] in now for t in told for pair in t.pairs.get("oem-tech", ()))
        return [] if old else told
    # A deal ended now that names the deal it ends is the one told before ("Volvo Cars had chosen
    # Luminar lidar. On Wednesday Volvo said it would end the agreement and work with Hesai")
    return told if any(t.deal == "ended" and _THE_DEAL.search(text, *t.span) for t in news) else news


# A deal named as one told before: "end the agreement", "its contract", "the partnership"
_THE_DEAL = re.compile(r"\b(?:the|its|their|that|this)\s+(?:[\w-]+\s+)?(?:agreement|deal|partnership|contract"
                       r"|alliance|tie-up|collaboration|relationship|venture|cooperation|pact)s?\b", re.IGNORECASE)


def _keep_best(found: dict[str, _Found], pairs: dict[str, set[tuple[str, str]]], rank: tuple[bool, int],
               deal: str, span: tuple[int, int], in_sentence: list[Mention]) -> None:
    """Records a deal sentence's pairs in `found`: each pair keeps its best-ranked deal, each kind
    its best-ranked sentence (`rank`: strong words first, then the earliest)."""
    for kind, kind_pairs in pairs.items():
        best = found.setdefault(kind, _Found())
        for pair in kind_pairs:
            if pair not in best.deals or rank < best.deals[pair][0]:
                best.deals[pair] = (rank, deal)
        if best.rank is None or rank < best.rank:
            best.rank, best.deal, best.span, best.mentions = rank, deal, span, in_sentence


def _items(text: str, sentences: list[tuple[int, int]], title_end: int,
           mentions: list[Mention]) -> list[tuple[int, int]]:
    """The sentences of a roundup cut into its items: at ", and" (", while", ", but") before a
    capital, where a clause with a subject of its own starts; in the headline, also at each
    semicolon, "|", "·", spaced dash or slash, and comma before a capital (`_title_items`)."""
    out = []
    for start, end in sentences:
        if start < title_end:
            breaks = _title_items(text, start, min(end, title_end), mentions)
        else:  # not ", while" after a subject of a few words: an aside ("Hyundai, while facing tariffs, signed")
            breaks = [b for b in _ITEM_BREAK.finditer(text, start, end)
                      if not b["while"] or len(text[start:b.start()].split()) > 4]
        for found in breaks:
            out.append((start, found.start()))
            start = found.end()
        out.append((start, end))
    return out


def _title_items(text: str, start: int, end: int, mentions: list[Mention]) -> list[re.Match[str]]:
    """Where a roundup's headline starts a new item: "Evening Wrap: Toyota raises dividend, Meta's
    glasses learn to navigate, Xiaomi YU9 orders top 100,000". Words are counted from after the
    newsletter's name: a comma breaks only an item of three words or more ("Morning Briefing:
    Nvidia, Toyota team up" is one item), and never inside a list of names ("Nvidia will supply
    Drive Thor to Toyota, Hyundai and GM; Tesla cuts prices")."""
    colon = text.find(": ", start, min(end, start + 60))
    out, last = [], start if colon < 0 else colon + 2
    ends = {m.end: m for m in mentions if m.end <= end}
    firsts = {m.start: m for m in mentions if m.start < end}
    for found in _TITLE_ITEM_BREAK.finditer(text, start, end):
        if "," in found.group():
            if len(text[last:found.start()].split()) < 3:
                continue
            after = firsts.get(found.end())
            if found.start() in ends and after is not None and _LIST_GOES_ON.match(text, after.end, end):
                continue
        out.append(found)
        last = found.end()
    return out


def _is_history(text: str, start: int, end: int, headline: bool = False) -> bool:
    """Does the sentence tell history (`_HISTORY`)? A headline only by "years (decades) ago",
    "back in 2025", "looking back" or "Flashback:": "In 2026, ..." heading a story is this year's
    news. Substring tests first."""
    while start < end and text[start].isspace():
        start += 1
    if not text.startswith(_HISTORY_STARTS, start) and text.find("ago", start, min(end, start + 40)) < 0:
        return False
    found = _HISTORY.match(text, start, end)
    # "When they signed in January 2026, shares jumped; now the two expand it": the news follows,
    # told of the same two. Not a clause with a subject of its own ("Ten years ago, Toyota and Uber
    # partnered; Toyota said yesterday it would invest", "; the brand said Monday it had sold
    # 500,000 cars"): that one is read as a sentence itself.
    stop = end
    if text[end - 1:end] == ";" and _SAME_NEWS_GOES_ON.match(text, end):
        stop = min(len(text), end + 40)
    return (found is not None and not (headline and found["year"])
            and _NOT_HISTORY.search(text, found.end(), stop) is None
            and (found["year"] is not None or _NOT_AGO.search(text, found.end(), stop) is None))


def _may_share_a_sentence(text: str, mentions: list[Mention]) -> bool:
    """Could a sentence name two companies? Not when each name that follows another's is on
    another line (the headline names one, the summary another: over half the stories that name
    two): a line break always ends a sentence (`split_sentences`), so the sentences need not be
    split to tell that none can report a deal."""
    return any(a.alias.owner != b.alias.owner and text.find("\n", a.end, b.start) < 0 for a, b in pairwise(mentions))


def _is_question(text: str, start: int, end: int) -> bool:
    """Does the sentence ask rather than tell? "Will Apple partner with BMW to bring CarPlay Ultra
    to the iX3?", "Should Ford Hand Its Software To Google?": a question reports no deal, nor
    names one company's choice of another ("Did Kia just pick Nvidia over Qualcomm?"); a story
    whose deal is news says so in a sentence that tells."""
    return ("?" in text[end - 3:end] or "？" in text[end - 3:end]) and (
        text[start:end].rstrip(_CLOSERS).endswith(("?", "？")))


_CLOSERS = " \"'”’)]"


def _without_boilerplate(summary: str) -> str:
    """The summary up to a press release's boilerplate (`_BOILERPLATE`); the same object if it
    has none. Substring tests first: the regex costs more, and most summaries have no colon."""
    if ":" not in summary and "orward" not in summary and "About " not in summary and "ABOUT " not in summary:
        return summary
    found = _BOILERPLATE.search(summary)
    return summary[:found.start()].rstrip() if found else summary


def _masked(text: str, start: int, end: int, mentions: list[Mention],
            asides: list[tuple[int, int]] = ()) -> str:
    """The sentence with company names blanked out, so that names are not read as deal words
    ("Harmony Intelligent Mobility Alliance", "Alliance Ventures"), and background asides too
    (", in which Stellantis holds a 21% stake,": not the sentence's deal)."""
    # "The joint venture" and "the partners" (the headline's two companies) are deal words too;
    # not a venture the headline names by its carmakers ("Dongfeng Nissan"): it is the actor.
    blanks = [(m.start, m.end, "X") for m in mentions if not m.alias.is_pair_anaphor or m.alias.is_venture]
    if asides:
        blanks = sorted(blanks + [(s, e, " ") for s, e in asides])
    parts, last = [], start
    for s, e, mark in blanks:
        if s < last:  # a name inside an aside
            continue
        parts += [text[last:s], mark * (e - s)]
        last = e
    parts.append(text[last:end])
    return "".join(parts)


def _spans(text: str, start: int, end: int, mentions: list[Mention]) -> tuple[Span, ...]:
    offset = start + (len(text[start:end]) - len(text[start:end].lstrip()))
    return tuple(Span(m.start - offset, m.end - offset, m.alias.owner) for m in mentions)
