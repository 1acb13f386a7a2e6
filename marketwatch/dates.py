"""Publication dates: feedparser's parsed date first, dateparser on the raw string second.

dateparser is slow when it guesses among all languages, so it gets the configured languages
only, and it is imported lazily: most entries never need it.
"""

from __future__ import annotations

import calendar
import re
import time
from datetime import UTC, date, datetime, timedelta

EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
FUTURE_SLACK = timedelta(days=2)
ISO = "%Y-%m-%dT%H:%M:%SZ"


class OutOfRange(ValueError):
    """A date that is on the calendar but not a time marketwatch can use: its start in the
    user's time zone falls outside the years 1 to 9999 (`--since 0001-01-01` began in year 0
    anywhere east of UTC, and crashed everywhere). `future`: at the far end, not the near one."""

    def __init__(self, text: str, *, future: bool) -> None:
        super().__init__(text)
        self.text = text
        self.future = future


class Ambiguous(ValueError):
    """An all-numeric date whose day and month could be either way round (01/12/2026, 1.12.2026,
    12-01-26): dateparser's English reads it month first, silently, so that a user who meant
    1 December was given 12 January. `readings`: (day, month) read day first, then month
    first; `year` as written (two digits made four, as strptime's %y does), or None. The message
    gives both readings and the spellings that cannot be misread."""

    def __init__(self, text: str, readings: tuple[tuple[int, int], tuple[int, int]], year: int | None) -> None:
        self.text, self.readings, self.year = text, readings, year
        shown = [_day_month(day, month, year) for day, month in readings]
        if year is None:
            advice = f"write {shown[0]} or {shown[1]}"
        else:
            iso = [f"{year:04d}-{month:02d}-{day:02d}" for day, month in readings]
            advice = f"write {iso[0]} or {shown[0]}, or {iso[1]} or {shown[1]}"
        super().__init__(f"{text!r} is ambiguous: {shown[0]} (day first) or {shown[1]} (month first); {advice}")


class Misread(ValueError):
    """A quarter or half-year that dateparser would read as another date, silently: "Q3 2026"
    was 4 Sep 2026 (the day of the month today), "Q4 2026" today, "H2 2026" February, a bare "Q3"
    or "T3 2026" (a French trimestre) March. `advice`: how to write what was meant."""

    def __init__(self, text: str, advice: str) -> None:
        super().__init__(f"{text!r}: {advice}")
        self.text, self.advice = text, advice


def quarter_span(text: str) -> tuple[date, date] | None:
    """(first day, the day after the last) of a quarter or a half-year with its year: "Q3 2026",
    "2026 Q3", "Q3-2026", "2026-Q3", "Q3/2026", "2026Q3", "3Q 2026", "H2 2026", "2H 2026", in any
    case; None for other text. Misread for what looks like one but names no quarter or half
    (Q5 2026, H3 2026), no year of four digits (a bare Q3, Q3 '26), or another letter (T3 2026,
    W12), all of which dateparser read as another date or not at all."""
    found = _QUARTER.fullmatch(text.strip())
    if found:
        part = (found["part"] or found["part2"]).upper()
        year = int(found["year"] or found["year2"])
        kind, number = (part[0], int(part[1:])) if part[0] in "QH" else (part[-1], int(part[:-1]))
        count = 4 if kind == "Q" else 2
        if not 1 <= number <= count:
            names = "quarters are Q1 to Q4" if kind == "Q" else "halves are H1 and H2"
            raise Misread(text.strip(), f"there is no {kind}{number}; a year's {names}")
        months = 12 // count
        first = (number - 1) * months + 1
        if year < 1:
            raise Misread(text.strip(), "there is no year 0")
        start = date(year, first, 1)
        if first + months <= 12:
            return start, date(year, first + months, 1)
        return start, date(year + 1, 1, 1) if year < 9999 else date.max
    token = _QUARTER_LIKE.search(text)
    if token:
        year = utcnow().year
        part = token[0].upper()
        if part[0] in "QH" or part[-1] == "Q":
            raise Misread(text.strip(), f"a quarter or a half-year needs its year of four digits: '{part} {year}'")
        raise Misread(text.strip(), f"write a date ({year}-07-01) or a quarter or a half-year with its year "
                                    f"('Q3 {year}', 'H2 {year}')")
    return None


# Q3 or 3Q, H2 or 2H, then or after it a year of four digits, apart or joined by a dash or slash.
_PART = r"(?:[qh]\d{1,2}|\d{1,2}[qh])"
_QUARTER = re.compile(rf"(?P<part>{_PART})\s*[-/]?\s*(?P<year>\d{{4}})|(?P<year2>\d{{4}})\s*[-/]?\s*(?P<part2>{_PART})",
                      re.IGNORECASE)
# A letter and a number of one or two digits as a word of their own (Q3, H2, T3, W12, q4), or a
# number and Q (3Q): dateparser dropped the letter and read the number as a month or a day.
# "10h", a time in French, is left to it.
_QUARTER_LIKE = re.compile(r"(?<![a-z0-9])(?:[a-z]\d{1,2}|\d{1,2}q)(?![a-z0-9])", re.IGNORECASE)


def refuse_ambiguous(text: str) -> None:
    """Raises Ambiguous for a date of digits whose first two numbers are both 1 to 12 and
    differ, the year last or left out (01/12/2026, 1.12.2026, 12-01-26, 01/12, a time after
    it). A year first (2026-12-01, 2026/12/01) is year, month, day; 13/12/2026 and 01/01/2026
    read one way only; words ("1 Dec", "3 days ago") are never refused."""
    found = _NUMERIC_DATE.fullmatch(text.strip())
    if not found:
        return
    first, second = int(found["first"]), int(found["second"])
    if not (1 <= first <= 12 and 1 <= second <= 12) or first == second:
        return
    year = found["year"]
    if year is not None:
        year = int(year) if len(year) == 4 else int(year) + (2000 if int(year) < 69 else 1900)
        if year < 1:
            return  # no date at all: left to the parser, which says so
    raise Ambiguous(text.strip(), ((first, second), (second, first)), year)


def _day_month(day: int, month: int, year: int | None) -> str:
    """`1 Dec 2026`: English month names, whatever the locale, as the README's examples."""
    return f"{day} {_MONTHS[month - 1]}" + (f" {year}" if year is not None else "")


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Two numbers of one or two digits, then the year (two or four digits) or none, with the same
# separator throughout; a German "1.12." and a time after it ("01/12/2026 14:00") too.
_NUMERIC_DATE = re.compile(r"(?P<first>\d{1,2})(?P<sep>[/.-])(?P<second>\d{1,2})"
                           r"(?:(?P=sep)(?P<year>\d{4}|\d{2}))?\.?(?:[ T]+\d{1,2}:\d{2}(?::\d{2})?)?")


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def to_iso(value: datetime) -> str:
    """ISO 8601 in UTC to the second ("2026-11-24T12:00:00Z"): the form every date is stored in,
    so that text order is time order. isoformat is strftime's answer (for years 1000 to 9999),
    in a fifth of the time: the writer formats two dates a story."""
    return value.astimezone(UTC).isoformat(timespec="seconds")[:19] + "Z"


def from_iso(value: str) -> datetime:
    return datetime.strptime(value, ISO).replace(tzinfo=UTC)


def published_year(published: datetime | str | None, now: datetime) -> int | None:
    """The year a story was published (a datetime, or as stored), for the matcher to date its
    deals by: none for a date ahead of `now` (a feed's wrong clock would make every deal look
    old) or one that cannot be read."""
    if isinstance(published, str):
        try:
            published = from_iso(published)
        except ValueError:
            return None
    if published is None or published > now + timedelta(days=2):
        return None
    return published.year


def local(value: datetime) -> datetime:
    """A time in this machine's time zone, the one `--since today` counts days in (as it is, for a
    time past what the platform's clock functions take)."""
    try:
        return value.astimezone()
    except (OverflowError, OSError):
        return value


def local_day(iso: str) -> str:
    """The day (YYYY-MM-DD) of a stored time where the user is: a story of 00:22 UTC was dated
    tomorrow in New York the evening before. Text that is no stored time comes back as its first
    ten characters, as it was shown before."""
    try:
        return local(from_iso(iso)).strftime("%Y-%m-%d")
    except ValueError:
        return iso[:10]


def plausible(value: datetime | None, now: datetime) -> datetime | None:
    """Dates far in the future or before the web are feed bugs; they would pin a story forever."""
    if value is None or value < EARLIEST or value > now + FUTURE_SLACK:
        return None
    return value


def from_struct(value: time.struct_time | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (OverflowError, ValueError, OSError):
        return None


def parse_text(value: str, languages: tuple[str, ...], *, complete: bool = False) -> datetime | None:
    """A feed's date. `complete`: only a text that names its day and month; dateparser would
    otherwise fill what is missing from today's date, so that a feed's "2026" would mean the day
    it is read. A date without a zone is in UTC, as feedparser reads one, not in the zone of
    the machine that happens to run the refresh."""
    if not value or len(value) > 100:
        return None
    import dateparser

    settings = {"RETURN_AS_TIMEZONE_AWARE": True, "TIMEZONE": "UTC", "TO_TIMEZONE": "UTC", "PREFER_DATES_FROM": "past"}
    if complete:
        settings["REQUIRE_PARTS"] = ["day", "month"]
    try:
        parsed = dateparser.parse(value, languages=list(languages) or None, settings=settings)
    except Exception:  # dateparser raises assorted errors on hostile strings
        return None
    return parsed.astimezone(UTC) if parsed else None


def parse_when(value: str, languages: tuple[str, ...] = ("en",), now: datetime | None = None) -> datetime | None:
    """A user's --since value: a date or a phrase such as "2 weeks ago" or "last monday". The
    config's languages are those of its feeds; the README's examples (and the user typing
    them) are English, which is always tried too.

    Days start at midnight in the user's time zone: dateparser keeps the time of day, so that
    "today" meant now and found nothing, and "yesterday" missed yesterday morning. "This week",
    "this month" and "this year" start on its Monday, its 1st and 1 January, as "Nov 2026" and
    "2026" do (dateparser gave today's date in 2026); "2 weeks ago" and "last month" start on the
    day they name. A time ("3 hours ago", "yesterday 14:00") is kept as it is.

    None when the text is no date; OutOfRange for a date too far back or ahead to be a time
    (0001-01-01, 9999-12-31 23:00 west of UTC); Ambiguous for a date of digits whose day and
    month could be either way round (01/12/2026), which dateparser read month first. A date in
    the future is returned as it is: the caller decides whether that makes sense."""
    span = _span(value, languages, now)
    return span[0] if span else None


def parse_until(value: str, languages: tuple[str, ...] = ("en",), now: datetime | None = None) -> datetime | None:
    """A user's --until value, as `parse_when` reads it, as the end of what it names: "2026-11-30"
    and "yesterday" take in the whole day, "nov 2026" the whole month, "2025" the year, "this week"
    the week; a phrase that counts back ("last month", "2 weeks ago") the day it names, as for
    --since; a time ("3 hours ago") is exact. `--since "nov 2026" --until "nov 2026"` is November.
    The end is exclusive: the first moment after it."""
    span = _span(value, languages, now)
    return span[1] if span else None


def _span(value: str, languages: tuple[str, ...], now: datetime | None) -> tuple[datetime, datetime] | None:
    """(start, end) of what a --since or --until value names, in UTC; see `parse_when`."""
    languages = tuple(dict.fromkeys((*languages, "en")))
    text = value.strip()
    if not text or len(text) > 100:
        return None
    refuse_ambiguous(text)
    quarter = quarter_span(text)
    if quarter:
        try:
            start = _midnight(quarter[0])
        except (OverflowError, ValueError):  # Q1 0001 east of UTC began in year 0
            raise OutOfRange(text, future=False) from None
        try:
            return start, _midnight(quarter[1])
        except (OverflowError, ValueError):  # the end of 9999: no end at all
            return start, datetime.max.replace(tzinfo=UTC)
    now = now or utcnow()
    today = now.astimezone().date()
    signed = _SIGNED_AGO.fullmatch(text)
    if signed:  # as GNU date reads it: "-5 days ago" is 5 days ahead (dateparser dropped the sign)
        text = f"in {signed[2]}" if signed[1] == "-" else f"{signed[2]} ago"
    lowered = text.lower()
    if lowered.startswith("last ") and lowered[5:] in _WEEKDAYS:
        back = (today.weekday() - _WEEKDAYS.index(lowered[5:])) % 7 or 7
        day = today - timedelta(days=back)
        return _midnight(day), _midnight(day + timedelta(days=1))
    # dateparser refuses a list with one code it does not know ("xx", which has the form of a
    # code): English alone still reads the phrases the README shows.
    for tried in (languages, ("en",)):
        found = _parse_period(text, tried, now)
        if found is not None:
            try:
                return _period_span(*found, today)
            except (OverflowError, ValueError):  # "year 0 is out of range", "date value out of range"
                raise OutOfRange(text, future=found[0].year > now.year) from None
    return None


def _parse_period(text: str, languages: tuple[str, ...], now: datetime) -> tuple[datetime, str] | None:
    """(the date, the period it names: time, day, week, month or year), or None."""
    from dateparser.date import DateDataParser

    settings = {"RETURN_AS_TIMEZONE_AWARE": True, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True,
                "RELATIVE_BASE": now.astimezone().replace(tzinfo=None)}
    try:
        data = DateDataParser(languages=list(languages) or None, settings=settings).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on hostile strings, and on unknown codes
        return None
    if data.date_obj is None:
        return None
    return data.date_obj, data.period or "day"


def _period_span(value: datetime, period: str, today: date) -> tuple[datetime, datetime]:
    """Where a --since or --until phrase's period starts and ends. dateparser gives "this week",
    "this month" and "this year" as today, and a month or a year it was given ("Nov 2026") at
    midnight: the whole week, month or year. A phrase that counts back ("last month", "2 weeks
    ago") comes as now, that far back: the day it names."""
    if period == "time":
        return value.astimezone(UTC), value.astimezone(UTC)
    local = value.astimezone()
    day = local.date()
    this = day == today
    counted_back = local.time() != datetime.min.time()
    end = day + timedelta(days=1) if day < date.max else day
    if period == "week" and this:
        day -= timedelta(days=day.weekday())
        end = day + timedelta(days=7)
    elif period == "month" and (this or not counted_back):
        day = day.replace(day=1)
        end = (day + timedelta(days=31)).replace(day=1) if day.year < 9999 or day.month < 12 else date.max
    elif period == "year" and (this or not counted_back):
        day = day.replace(month=1, day=1)
        end = date(day.year + 1, 1, 1) if day.year < 9999 else date.max
    start = _midnight(day)
    try:
        return start, _midnight(end)
    except (OverflowError, ValueError):  # the end of 9999: no end at all
        return start, datetime.max.replace(tzinfo=UTC)


def _midnight(day: date) -> datetime:
    """The start of `day` in the user's time zone, in UTC. Made from the local date rather than
    by rounding a time, so that the offset is the one in force at that midnight (a day across a
    change to summer time started an hour or a day early)."""
    return datetime(day.year, day.month, day.day).astimezone().astimezone(UTC)


_SIGNED_AGO = re.compile(r"([-+])\s*(\d.*?)\s+ago", re.IGNORECASE)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
