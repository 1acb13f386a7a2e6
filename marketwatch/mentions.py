"""Find the companies and alliances a story names.

This is apart from `marketwatch.match`, which decides what a story reports (its parties, pairs
and deal), because finding names is a question about the text and the config's companies only:
which words stand for a company here. The matcher asks it once per story and then reasons
about the names it gets, sentence by sentence; `marketwatch.cli` asks it alone, to tell which
aliases still match anything.

Names are found in one pass of an Aho-Corasick automaton over the text, so finding stays linear
however many aliases the config lists. A found alias is a name only when it stands alone as a
word (Chinese and Japanese put no spaces around one), in the case the config gives it (or a
headline's capitals), and not as an ordinary word, a place or a likeness: "Grab a bargain", "Audi
Field", "through the Amazon", "a Nio-style battery swap", a person ("singer Tesla Rose", "names
Mercedes Ruiz to head ..."); an ambiguous alias ("Grab", "Smart")
counts only in a story that names its company unambiguously too or uses words of its context.
"The Alliance" after the story named one alliance is that alliance. What "the carmaker", "the
partners" or "the Alphabet unit" stand for is `marketwatch.anaphors`'s question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import NamedTuple

import ahocorasick

from marketwatch.config import Config
from marketwatch.text import composed, lower_keeping_offsets

_WORD = re.compile(r"\w", re.UNICODE)
# Scripts whose names stand without spaces around them (Chinese, Japanese and Thai write none
# between words; Korean joins particles to a name, 현대차가): a name in them matches anywhere,
# and a Latin name beside them stands alone ("Changanจับมือ").
_CJK = re.compile(r"[\u0e00-\u0e7f\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_THE_ALLIANCE = re.compile(r"\b[Tt]he (?:three-way |three-member |carmaking )?([Aa]lliance)\b")
# "Genesis of a deal", "Grab a bargain", "Via its unit": an ambiguous name followed by a
# determiner is the ordinary word, whatever the context.
_DETERMINER_AFTER = re.compile(
    r"[^\S\n]+(?:(?:of|a|an|the|its|their|your|our|his|her|this|that|these|those|some|any|every)\s"
    # ... or a share taken: "Xanh SM Taxis Grab 40% of Hanoi's Ride-Hailing Market"
    r"|\d[\d.,]*\s?(?:%|percent|per cent)\s+of\s)", re.IGNORECASE)
# "Meta-Learning Lets Toyota Robots...", "a Mini-series": an ambiguous name that starts a compound
# word is the ordinary word; not one that says what the company did to a thing ("Arm-based",
# "Meta-owned") nor one joined to another name ("Grab-Toyota deal": the caller checks).
# Any past participle says what the company did ("Lucid-badged", "Arm-tuned"), except the few that
# make an ordinary adjective of the word ("smart-connected", "Apple-shaped").
_COMPOUND_AFTER = re.compile(
    r"-(?!(?:built|made|run|led|driven|native|style|like|esque|specific|exclusive|only|era|bound|rival|compatible"
    r"|(?!(?:connected|related|shaped|sized|themed|inspired|minded|coloured|colored|tinted)\b)[^\W\d_]+ed)\b)[^\W\d_]",
    re.IGNORECASE)
# "Gets A Stronger Arm And Swaps Its Battery", "a smart choice.": an ambiguous name after "a" and one
# word, ending its phrase, is the ordinary noun ("an Arm chip" goes on to its noun; "an agreement
# with Aurora" and "a deal with Bolt" have no such word).
_A_THING_BEFORE = re.compile(
    r"(?<!\w)(?:a|an|A|An)[^\S\n]+(?!(?i:with|to|for|in|on|at|of|from|by|and|or|as|deal|agreement|pact"
    r"|partnership|partner|stake|startup|contract|order|venture|tie-up|unit|supplier)\b)[^\W\d_]+[^\S\n]+$")
_PHRASE_END = re.compile(r"[^\S\n]*(?:[.,;:!?)]|\n|$)|[^\S\n]+(?i:and|or|but)\b")
# "In Push To Grab Southeast Asia Share", "To Grab Back EV Share": in a title-case headline, an
# ambiguous name after "To" with an object after it is the verb ("Sells Stake To Grab For $1
# Billion", "Switch To Grab In Indonesia" are the company).
_OBJECT_AFTER = re.compile(
    r"[^\S\n]+(?!(?:In|For|As|After|At|On|Over|Amid|With|From|And|Or|To|By|Into|Via|Is|Was|Will|Says?)\b)[A-Z]")
# "Audi Field", "Toyota Center", "Kia Oval": a name followed by a venue word is a place. So is
# a body that shares the name: "the Washington Apple Commission", "the Toyota Foundation" (not
# Apple's "Foundation Models").
_VENUE_AFTER = re.compile(
    r"[^\S\n]+(?:Field|Stadium|Arena|Center|Centre|Dome|Forum|Oval|Park|Garden|Ballpark|Coliseum|Speedway"
    r"|Raceway|Sportpark|Amphitheat(?:er|re)|Theat(?:er|re)|Pavilion"
    r"|Commission|Council|Association|Federation|Society|Museum|Festival|Foundation(?![^\S\n]+Models?\b))(?!\w)")
# "Expedition through the Amazon", "he drove the Mini.": a one-word name between "the" and the end
# of its clause is a place or a product, not the company ("with the Alphabet unit" goes on); so
# is one whose parts or places follow ("the Amazon's tributaries", "the Mini's battery").
_CLAUSE_END = re.compile(r"[^\S\n]*(?:[.,;:!?)]|\n|$)|['’]s[^\S\n]+[a-z]")
_THE = ("the ", "The ")
# ... and, for a name the story already used for a place, a word telling where or when.
_PLACE_GOES_ON = re.compile(r"[^\S\n]+(?:over|since|until|through|near|where|across)\b")
# "Profitability Is Our Polestar, ...": a name that is one's own, ending its clause, is a metaphor.
_OUR = ("our ", "Our ", "OUR ")
# ... after a copula: not "puces pour Renault", "in your Toyota", "will transform our Mercedes-Benz".
_OUR_METAPHOR = re.compile(r"(?<!\w)(?:is|are|was|were|be|remains?)\s+our\s+$", re.IGNORECASE)
# "Country singer Tesla Rose", "wrestler Mercedes Moné", "Nvidia names Mercedes Ruiz to head ...": a
# company's name as a person's first name, before a surname (a capital, then small letters), after a
# word for what the person does or a verb that appoints someone to a post.
_SURNAME_AFTER = re.compile(r"[^\S\n]+[A-Z][^\W\d_A-Z][^\W\d_]*")
# ... after a company's possessive, the person speaks ("Nvidia's Mercedes Alvarez on why ...", "says",
# and for a name that is also a given name, an interview's "Qualcomm's Mercedes Ibarra: Carmakers ...
# want" whose text names the person again, not a model's "Stellantis's Jeep Compass: Google Gemini
# Built In" nor "Samsung's Tesla Order: What The Chip Deal Means"); not a unit or a post
# ("Alphabet's Waymo Unit says", "Google's Waymo Chief says")
_SPEAKS_AFTER = re.compile(r"[^\S\n]+(?:on[^\S\n]+(?:why|how|what|whether)|says|said|tells|told|explains)\b")
_GIVEN_NAMES = ("Mercedes", "Ola", "Tesla")
# ... and after a new post, for those: "Neue Chefin Mercedes Lindner setzt auf Partnerschaften", "new
# CEO Mercedes Lindner" (English or German; the caller has seen a surname after it); not a company's
# post before its product ("Hyundai president Tesla Giga Texas visit")
_POST_BEFORE = re.compile(r"\b(?i:(?:new|neue[nr]?|nueva|nuevo|nouvelle|nouveau|incoming|interim)[^\S\n]+"
                          r"(?:ceo|cfo|cto|chief|head|boss|president|chair\w*|director|manager|executive"
                          r"|spokes\w+|chef(?:in)?|managerin|vorstand|vorständin|sprecher(?:in)?|leiter(?:in)?"
                          r"|direktor(?:in)?|präsident(?:in)?|geschäftsführer(?:in)?|directora?|presidenta?)"
                          # ... or after a verb that appoints someone: "Google nombra a Mercedes Fernández"
                          r"|nombra a|nombró a|designa a|designó a|ficha a|nomme|nommé|a nommé)[^\S\n]+$")
_NO_SURNAME = re.compile(r"Benz|Unit|Division|Subsidiary|Group|Team|Board|Chief|Head|Boss|Founder|President|Chair\w*"
                         r"|Executive|Spokes\w+|Motors?|Cars|Auto|Automotive|Engineering|Holdings|Technologies|Labs"
                         r"|Brand|Plant|Factory|Deal|Partnership|Venture|Ventures|Expansion|Strategy|Robotaxis?"
                         r"|Software|Mobility|Energy|Electric|Digital|Research|Services|Capital|Financial")
# "Vietnamese Riders Grab Honda's ...": a plural subject before the verb (`_before_an_owner`), and
# what the possessive names when the name is the company after all ("Grab Toyota's largest partner")
_WORD_AFTER = re.compile(r"[^\S\n]+[A-Za-z]")
_TO_RUN_AFTER = re.compile(r" to (?:run|lead|head|join|oversee|manage|succeed|replace)\b")
_PLURAL_SUBJECT_BEFORE = re.compile(r"\b[A-Z][a-z]+(?:er|or|ist|ent|an|ee)s[^\S\n]+$")
_A_ROLE_OR_RANK = re.compile(r"(?i:partners?|customers?|buyers?|clients?|investors?|backers?|suppliers?|rivals?"
                             r"|largest|biggest|first|top|key|main|preferred|longtime|long-time|new|latest|sole|only"
                             r"|single|most|chosen|official|exclusive|strategic|lead)\b")
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|near|outside|around)[^\S\n]+$")
# An exclusion of a town with its state: "Aurora, Colorado", "Aurora, Ill."
_TOWN_AND_STATE = re.compile(r"[^\W\d_][\w .-]*, [A-Z][\w.]*(?: [A-Z][\w.]*)?")
_ROLES = (r"singer|songwriter|rapper|actor|actress|wrestler|author|novelist|poet|musician|drummer|guitarist"
          r"|pianist|player|striker|golfer|boxer|athlete|skater|swimmer|sprinter|comedian|influencer|YouTuber")
_ROLE_BEFORE = re.compile(rf"\b(?:{_ROLES})[^\S\n]+$", re.IGNORECASE)
# "Ford, who led Britain's trade missions, will advise the chipmaker": a name that starts its
# sentence with ", who" is a person's (after an object, "invests in Motional, who will launch",
# news copy uses "who" for companies too).
_WHO_AFTER = re.compile(r",[^\S\n]+who[^\S\n]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n])[^\S\n]*$")
# "trade envoy Dana Ford", "actor Harrison Ford": the name as a surname, after a first name after a
# role. Roles of people in public life count only here: "chip designer Qualcomm Inc" and "EV
# producer Nio Inc" name companies, so they are not `_ROLE_BEFORE`'s (a first name before a surname).
_SURNAME_ROLES = (_ROLES + r"|envoy|ambassador|adviser|advisor|minister|premier|senator|governor|mayor|lawmaker"
                  r"|congress(?:wo)?man|designer|filmmaker|director|producer|journalist|reporter|columnist"
                  r"|economist|professor|historian|scientist|coach|photographer|artist|veteran|engineer|researcher"
                  # "sim racer Ellie Ford", "rally driver Kalle Ford"
                  r"|racer|driver|rider|player|athlete|footballer|golfer|cyclist|skier|boxer|champion")
# "Uber's Japan head Taro Suzuki", "the carmaker's Europe chief Mary Ford": a business role, in lower
# case only (in a title-case headline "Nvidia Chief Hails Toyota Deal" the next word is a verb).
_BUSINESS_ROLES = r"head|chief|boss|president|chair|chairman|chairwoman|spokes(?:man|woman|person)|executive|manager"
# (a person's roles only: "chip designer Nvidia", "EV producer Xpeng", "industry veteran Samsung",
# "investment manager SoftBank" are companies)
_ROLE_RIGHT_BEFORE = re.compile(r"(?<!asset )(?<!fund )(?<!investment )(?<!fleet )(?<!portfolio )"
                                rf"\b(?:{_BUSINESS_ROLES}|engineer|director|scientist|researcher)[^\S\n]+$")
_ROLE_AND_FIRST_NAME_BEFORE = re.compile(
    rf"\b(?:(?i:{_SURNAME_ROLES})|{_BUSINESS_ROLES})[^\S\n]+"
    # (a title-case verb is no first name: "Industry Researcher Says Xiaomi Will Use Qualcomm Chips")
    r"(?!(?:Says|Said|Sees|Saw|Warns|Expects|Thinks|Believes|Claims|Predicts|Calls|Tells|Bets|Doubts)\b)"
    r"[A-Z][^\W\d_A-Z][^\W\d_]*[^\S\n]+$")
_APPOINTS_BEFORE = re.compile(r"\b(?:names?|named|appoints?|appointed|hires?|hired|promotes?|promoted)[^\S\n]+$",
                             re.IGNORECASE)
# An aside may come first before a post: "appointed Mercedes Ortiz, previously a vice president at Arm, as
# head" (not a product: "names Mobileye Drive, the Intel unit's system, as partner")
_TO_A_POST = re.compile(r"[^\S\n]+(?:to|as)[^\S\n]|,[^,;\n]{1,80},[^\S\n]+(?:to|as)[^\S\n]+"
                        r"(?:(?:its|the|an?)[^\S\n]+)?(?:head|chief|ceo|cfo|cto|coo|president|chair\w*|director|vice|vp|senior|executive"
                        r"|general|managing|lead|board)\b", re.IGNORECASE)
# "a Nio-style battery swap network", "Tesla-like margins", "Nvidia-rival chips": a comparison with the
# company, not it.
_LIKENESS_AFTER = re.compile(r"-(?:style|like|esque|rival|rivall?ing|beating|killer)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Alias:
    owner: str  # company or alliance name
    text: str
    is_alliance: bool = False
    is_exclusion: bool = False
    ignore_case: bool = False
    ambiguous: bool = False
    is_anaphor: bool = False  # words for a company the headline names: "the carmaker", "the partners"
    is_pair_anaphor: bool = False  # of those, "the two companies": one of the two the headline names
    is_venture: bool = False  # of those, "the joint venture" named by its carmakers ("Dongfeng Nissan")

    @cached_property
    def needs_boundary(self) -> bool:
        """CJK text has no spaces between words, so CJK aliases match anywhere."""
        return not _CJK.search(self.text)


class Mention(NamedTuple):  # a tuple: made for every name in every story, 4x cheaper than a frozen dataclass
    start: int
    end: int
    alias: Alias
    members: tuple[str, ...]  # the companies this mention stands for


class MentionFinder:
    """Compiled once per config (the matcher holds one); `find()` is pure and cheap enough for
    every entry."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._latin, self._cjk = self._build(config)
        self._context = {
            name: re.compile(
                r"(?<!\w)(?:" + "|".join(re.escape(composed(w)) for w in sorted(c.context, key=len, reverse=True))
                + r")(?!\w)",
                re.IGNORECASE,
            )
            for name, c in config.companies.items()
            if c.context
        }

    @staticmethod
    def _build(config: Config) -> tuple[ahocorasick.Automaton, ahocorasick.Automaton]:
        """Two automata: names in Chinese, Japanese or Korean script go in a second one, used only
        on text in those scripts. Their many first characters would otherwise slow every step
        of the scan over English text (each state searches its transitions one by one)."""
        table: dict[str, list[Alias]] = {}

        def add(alias: Alias) -> None:
            # Accents composed, as feed text is (`marketwatch.text`): a config saved in NFD still matches.
            if (spelled := composed(alias.text)) is not alias.text:
                alias = replace(alias, text=spelled)
            key = alias.text.lower()
            if len(key) == len(alias.text) and key:
                table.setdefault(key, []).append(alias)

        for company in config.companies.values():
            for text in company.aliases:
                add(Alias(company.name, text, ignore_case=company.ignore_case,
                          ambiguous=text in company.ambiguous))
            for text in company.exclude:
                add(Alias(company.name, text, is_exclusion=True))
        for alliance in config.alliances.values():
            for text in (alliance.name, *alliance.aliases):
                add(Alias(alliance.name, text, is_alliance=True))
        latin, cjk = ahocorasick.Automaton(), ahocorasick.Automaton()
        for key, aliases in table.items():
            (cjk if _CJK.search(key) else latin).add_word(key, (key, tuple(aliases)))
        for automaton in (latin, cjk):
            if len(automaton):
                automaton.make_automaton()
        return latin, cjk

    def find(self, text: str, *, owners_at_least: int = 1) -> list[Mention]:
        """Company and alliance mentions, leftmost-longest, with exclusions and ambiguity applied.
        Nothing when the names found stand for fewer than `owners_at_least` companies and alliances:
        the matcher asks for two, and most stories name one or none, so it skips the checks below."""
        lowered = lower_keeping_offsets(text)
        hits: list[tuple[int, int, Alias]] = []
        automata = [self._latin]
        if len(self._cjk) and not text.isascii() and _CJK.search(text):
            automata.append(self._cjk)
        for automaton in automata:
            if not len(automaton):
                continue
            for end_index, (key, aliases) in automaton.iter(lowered):
                end = end_index + 1
                start = end - len(key)
                for alias in aliases:
                    if self._accepts(text, start, end, alias):
                        hits.append((start, end, alias))
                        break
        if owners_at_least > 1 and len({a.owner for _, _, a in hits if not a.is_exclusion}) < owners_at_least:
            return []
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0]), h[2].is_exclusion is False))
        chosen: list[tuple[int, int, Alias]] = []
        last_end = -1
        for start, end, alias in hits:
            if start >= last_end:
                chosen.append((start, end, alias))
                last_end = end
        places = _places(text, chosen)
        people = _people(text, chosen)
        found = [(s, e, a) for s, e, a in chosen if not a.is_exclusion and not _is_venue(text, e)
                 # a person's first name ("singer Tesla Rose"), here or wherever the story names them again
                 and not (people and text.startswith(" ", e) and text.startswith(people, s))
                 and not (text[s - 4:s] in _THE and (s in places or (
                     a.text in places.values() and _PLACE_GOES_ON.match(text, e) is not None)))
                 and not (text[s - 4:s] in _OUR and _is_a_metaphor(text, s, e))
                 and not (text.startswith("-", e) and _LIKENESS_AFTER.match(text, e))
                 and not (text.startswith(",", e) and _WHO_AFTER.match(text, e)
                          and _SENTENCE_START.search(text, max(0, s - 3), s) is not None)
                 and not (text[s - 2:s - 1].islower() and text[s - 1:s] == " " and _is_a_surname(text, s))
                 and not (text.startswith(" to ", e) and _is_a_person_hired(text, s, e))]
        sure = {a.owner for _, _, a in found if not a.ambiguous}
        ends = {s: e for s, e, _ in found}  # where each name starts: where it ends
        mentions = []
        for start, end, alias in found:
            if alias.ambiguous and (_DETERMINER_AFTER.match(text, end) or (
                    text.startswith("-", end) and end + 1 not in ends and _COMPOUND_AFTER.match(text, end)) or (
                    _PHRASE_END.match(text, end) and _A_THING_BEFORE.search(text, max(0, start - 30), start)) or (
                    alias.owner not in sure and (not self._has_context(alias.owner, text)
                                                 or _is_the_town(text, start, alias, chosen)))
                    or (text[start - 3:start] == "To " and _OBJECT_AFTER.match(text, end))
                    or _before_an_owner(text, start, end, ends) or _after_people(text, start, end, ends)):
                continue
            members = (
                self.config.alliances[alias.owner].members if alias.is_alliance else (alias.owner,)
            )
            mentions.append(Mention(start, end, alias, members))
        alliances = {m.alias.owner: m for m in mentions if m.alias.is_alliance}
        if len(alliances) == 1:
            mentions = self._with_the_alliance(text, mentions, next(iter(alliances.values())))
        if owners_at_least > 1 and len({m.alias.owner for m in mentions}) < owners_at_least:
            return []  # an exclusion or an ambiguous name took one away after the count above
        return mentions

    @staticmethod
    def _with_the_alliance(text: str, mentions: list[Mention], named: Mention) -> list[Mention]:
        """"The alliance and Didi signed an MoU", after the story named one alliance: the
        alliance it named, as its members' press releases write "the Alliance"."""
        if "lliance" not in named.alias.owner:
            return mentions
        return with_free(mentions, [Mention(found.start(1), found.end(1), named.alias, named.members)
                                     for found in _THE_ALLIANCE.finditer(text, named.end)])

    @staticmethod
    def _accepts(text: str, start: int, end: int, alias: Alias) -> bool:
        if alias.needs_boundary and (
            (start > 0 and _joins_word(text[start - 1]))
            or (end < len(text) and _joins_word(text[end]) and not _is_genitive(text, start, end)
                and not _is_inflected(text, start, end))
        ):
            return False
        if alias.is_exclusion or alias.ignore_case:
            return True
        found = text[start:end]
        if found == alias.text:
            return True
        # Headlines in capitals ("FORD TEAMS UP WITH BAIDU") still name the company.
        return len(alias.text) >= 4 and found == alias.text.upper() and found != alias.text

    def _has_context(self, company: str, text: str) -> bool:
        pattern = self._context.get(company)
        return bool(pattern and pattern.search(text))


def with_free(mentions: list[Mention], extra: list[Mention]) -> list[Mention]:
    """`mentions` with those of `extra` that overlap none of them, in text order; `mentions`
    itself when none is added (the caller tells by identity whether anything was)."""
    taken = [(m.start, m.end) for m in mentions]
    free = [x for x in extra if not any(s < x.end and x.start < e for s, e in taken)]
    return sorted(mentions + free, key=lambda m: m.start) if free else mentions


def _is_genitive(text: str, start: int, end: int) -> bool:
    """A German genitive, with no apostrophe: "Porsche bringt Apples CarPlay Ultra in den Cayenne",
    "Audi holt Googles Gemini ins Cockpit". A capitalised name of four letters or more, then "s"
    and a capitalised word (the thing it owns), in German text: in an English title-case headline
    the "s" is a verb's or a plural's ("Nvidia Dodges Questions", "VinFast Grabs Market Share")."""
    if text[end] != "s" or text[end + 1:end + 2] != " " or not text[start].isupper():
        return False
    if text[end + 2:end + 3].isupper() and end - start >= 4 and _GERMAN_WORDS.search(text) is not None:
        return True
    # Swedish, Danish and Norwegian own in small letters too: "Volkswagens erhvervskøretøjsdivision",
    # "ved Hyundais fabrikk i Georgia", "Mobileyes EyeQ6-chipp"
    return text[end + 2:end + 3].isalpha() and end - start >= 3 and _is_nordic(text)


@lru_cache(maxsize=4)
def _is_nordic(text: str) -> bool:
    """Asked once per text, not once per name (a 15 KB summary of "Volvos xx" took 0.5 s)."""
    return _NORDIC_WORDS.search(text) is not None


_NORDIC_WORDS = re.compile(r"\b(?:och|og|har|skal|ska|blir|bliver|ikke|inte|från|fra|efter|etter|til|för|af|av"
                           r"|med|på|som|sin|sitt|sine|sina)\b(?=.*\b(?:och|og|har|skal|ska|blir|bliver|ikke|inte"
                           r"|från|fra|til|för|af|av|på|som|med)\b)", re.S)
_GERMAN_WORDS = re.compile(r"\b(?:und|mit|für|ins|im|zum|zur|vom|beim|bringt|holt|nutzt|setzt|auf|ein|eine|einen"
                           r"|der|das|dem|den|des|wird|soll|kommt|startet|erhält|bekommt|neue[nrsm]?|nicht|über)\b")


# Polish and Czech decline names: "dostarczy ogniwa dla Forda", "współpracę z Microsoftem", "centrum
# Aptivu", "pro elektrické Hyundaie". Only the endings of those cases, after a capitalised name of
# three letters or more, in text with the languages' own letters or commonest words ("dla", "oraz").
_SLAVIC_ENDING = re.compile(r"(?:a|u|em|ie|owi|om|ovi|ou|y|ą|ę|iem|e)(?![^\W\d_])")
# (in a word in small letters: not a place's name in English text, "Wrocław", "Plzeň")
_SLAVIC_LETTERS = re.compile(r"(?<![^\W\d_])[a-ząęłńśźżćřěčůšžťďň]*[ąęłńśźżćřěčůšžťďň]"
                             r"|\b(?:dla|oraz|przez|jest|bude|jsou|také)\b")


def _is_inflected(text: str, start: int, end: int) -> bool:
    return (end - start >= 3 and text[start].isupper() and _SLAVIC_ENDING.match(text, end) is not None
            and _SLAVIC_LETTERS.search(text) is not None)


def _joins_word(char: str) -> bool:
    """Would this neighbour make a Latin name part of a longer word? Not a CJK character:
    Chinese text writes "比亚迪与Momenta成立" with no spaces around the Latin name."""
    if char.isascii():
        return char.isalnum() or char == "_"
    return bool(_WORD.match(char)) and not _CJK.match(char)


def _is_the_place(text: str, start: int, end: int, alias: Alias) -> bool:
    """"through the Amazon", "on the Amazon's tributaries": a one-word company name after "the"
    (the caller has seen it), ending its clause or owning a thing. Not an alliance ("signed with
    the Alliance.", "the Alliance's members")."""
    return (start >= 4 and not alias.is_alliance and " " not in alias.text
            and _CLAUSE_END.match(text, end) is not None)


def _places(text: str, chosen: list[tuple[int, int, Alias]]) -> dict[int, str]:
    """Where the story uses a name for a place (`_is_the_place`), and the name: "... to restore
    rainforest in the Amazon", then "5,000 hectares in the Amazon over ten years" is the same place,
    though "over" after "the Volvo" or "the Polestar" is most often "over the air" (a car:
    `_PLACE_GOES_ON`)."""
    return {s: a.text for s, e, a in chosen if text[s - 4:s] in _THE and _is_the_place(text, s, e, a)}


def _people(text: str, chosen: list[tuple[int, int, Alias]]) -> tuple[str, ...]:
    """The full names of the people the story names by a company's name ("Nvidia's Mercedes Alvarez
    on why ..."): the same name elsewhere in it ("Mercedes Alvarez, who runs partnerships at
    Nvidia, says") is that person too."""
    return tuple(text[s:_SURNAME_AFTER.match(text, e).end()] for s, e, _ in chosen
                 if text[e + 1:e + 2].isupper() and text.startswith(" ", e) and _is_a_person(text, s, e))


def _is_the_town(text: str, start: int, alias: Alias, chosen: list[tuple[int, int, Alias]]) -> bool:
    """Is the ambiguous name at `start` a town the story names with its state elsewhere, as an
    exclusion says ("Hub in Aurora, Nebraska")? Then the name after "in", "at" or "near" ("the site
    in Aurora") is the town too, whatever context words (trucks, freight) the story has; not a
    subject ("Aurora and Volvo expand freight lanes to Aurora, Colorado")."""
    return (_PLACE_PREPOSITION_BEFORE.search(text, max(0, start - 8), start) is not None
            and any(a.is_exclusion and a.owner == alias.owner and _TOWN_AND_STATE.fullmatch(a.text)
                    for _, _, a in chosen))


def _before_an_owner(text: str, start: int, end: int, ends: dict[int, int]) -> bool:
    """"Vietnamese Riders Grab Honda's Year-End Scooter Deals": an ambiguous name between a plural
    subject and another company's possessive is the verb taking that company's things, not a
    company; not one named as the other's partner or customer ("making Grab Toyota's largest
    mobility partner", "Hyundai Partner Grab Hyundai's Ioniq 5 Fleet")."""
    after = ends.get(end + 1)
    return (after is not None and text[end] == " " and text.startswith(("'s ", "’s "), after)
            and _PLURAL_SUBJECT_BEFORE.search(text, max(0, start - 20), start) is not None
            and _A_ROLE_OR_RANK.match(text, after + 3) is None)


def _after_people(text: str, start: int, end: int, ends: dict[int, int]) -> bool:
    """"Malaysians Grab Last-Minute Car Deals as Toyota, Honda Dealers Extend Hours": an ambiguous name
    right after the plural subject that starts a sentence, and before a word, is the verb. Not before
    a company's name, nor one joined to it ("Partners Grab and Toyota sign fleet deal")."""
    subject = _PLURAL_SUBJECT_BEFORE.search(text, max(0, start - 20), start)
    return (subject is not None and end + 1 not in ends and _WORD_AFTER.match(text, end) is not None
            and not (text.startswith(" and ", end) and end + 5 in ends)
            and _SENTENCE_START.search(text, max(0, subject.start() - 3), subject.start()) is not None)


def _is_a_person_hired(text: str, start: int, end: int) -> bool:
    """"SoftBank Corp. taps ex-NTT Docomo executive Honda to run AI data centres": a name after a
    role and before "to run" (lead, head, join) is a person's surname."""
    return (_ROLE_RIGHT_BEFORE.search(text, max(0, start - 20), start) is not None
            and _TO_RUN_AFTER.match(text, end) is not None)


def _is_a_person(text: str, start: int, end: int) -> bool:
    """Is the name at text[start:end] a person's first name ("singer Tesla Rose", "names Mercedes
    Ruiz to head")? The caller has seen a space and a capital after it: most names have none
    ("Toyota Sienna" has, and no role before it). A surname is `_ROLE_AND_FIRST_NAME_BEFORE`'s."""
    surname = _SURNAME_AFTER.match(text, end)
    if surname is None:
        return False
    before = text[max(0, start - 20):start]
    return (_ROLE_BEFORE.search(before) is not None
            or (text[start:end] in _GIVEN_NAMES and _POST_BEFORE.search(before) is not None
                and _NO_SURNAME.fullmatch(surname.group().strip()) is None)
            or (_APPOINTS_BEFORE.search(before) is not None and _TO_A_POST.match(text, surname.end()) is not None)
            # "Nvidia's Mercedes Alvarez on why carmakers ...": a company's person, speaking
            or (before.endswith(("'s ", "’s ")) and _NO_SURNAME.fullmatch(surname.group().strip()) is None
                and (_SPEAKS_AFTER.match(text, surname.end()) is not None
                     or (text.startswith(":", surname.end()) and text[start:end] in _GIVEN_NAMES
                         and text.find(text[start:surname.end()], surname.end()) >= 0))))


def _is_a_surname(text: str, start: int) -> bool:
    """Is the name at `start` a person's surname, after a role and a first name ("actor Harrison
    Ford")? The word before it must be capitalised first: the regex is tried at every position."""
    before = text[max(0, start - 45):start].rsplit(maxsplit=1)
    return (bool(before) and before[-1][:1].isupper()
            and _ROLE_AND_FIRST_NAME_BEFORE.search(text, max(0, start - 45), start) is not None)


def _is_a_metaphor(text: str, start: int, end: int) -> bool:
    """"Profitability Is Our Polestar, ...": the caller has seen "our" before the name."""
    return (_CLAUSE_END.match(text, end) is not None
            and _OUR_METAPHOR.search(text, max(0, start - 20), start) is not None)


def _is_venue(text: str, end: int) -> bool:
    """Is the name ending at `end` followed by a venue word ("Audi Field")? Checked cheaply first."""
    return text[end + 1 : end + 2].isupper() and _VENUE_AFTER.match(text, end) is not None
