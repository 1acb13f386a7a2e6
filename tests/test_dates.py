import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marketwatch import dates


def test_phrases_and_dates_for_since():
    week_ago = dates.parse_when("1 week ago")
    assert timedelta(weeks=1) <= dates.utcnow() - week_ago <= timedelta(weeks=1, days=1)
    monday = dates.parse_when("last monday")
    assert monday.weekday() == 0 and monday < dates.utcnow()
    assert dates.parse_when("2026-11-01") == datetime(2026, 11, 1).astimezone()  # the user's midnight
    assert dates.parse_when("not a date at all") is None


def since(tz: str, now: str, *phrases: str) -> list[str]:
    """`parse_when` of each phrase in a process of its own in time zone `tz` (dateparser keeps
    the zone it found at start), at `now` (UTC), as ISO strings in UTC."""
    code = ("import sys\nfrom datetime import datetime\nfrom marketwatch.dates import parse_when\n"
            "now = datetime.fromisoformat(sys.argv[1] + '+00:00')\n"
            "print('|'.join(parse_when(p, ('en', 'de'), now=now).isoformat()[:16] for p in sys.argv[2:]))")
    done = subprocess.run([sys.executable, "-c", code, now, *phrases], env={**os.environ, "TZ": tz},
                          capture_output=True, text=True, check=True)
    return done.stdout.strip().split("|")


# (time zone, now in UTC, {phrase: --since in UTC})
SINCE = [
    ("UTC", "2026-12-02T14:16", {  # a Wednesday
        "today": "2026-12-02T00:00", "yesterday": "2026-12-01T00:00", "gestern": "2026-12-01T00:00",
        "2 days ago": "2026-11-30T00:00", "this week": "2026-11-30T00:00", "last week": "2026-11-25T00:00",
        "this month": "2026-12-01T00:00", "last month": "2026-11-02T00:00", "Nov 2026": "2026-11-01T00:00",
        "2026": "2026-01-01T00:00", "this year": "2026-01-01T00:00", "2 years ago": "2024-12-02T00:00",
        "last monday": "2026-11-30T00:00", "3 hours ago": "2026-12-02T11:16", "24 hours ago": "2026-12-01T14:16",
        "yesterday 9:30": "2026-12-01T09:30"}),
    ("Asia/Tokyo", "2026-12-02T14:16", {  # 23:16 on Wednesday there
        "today": "2026-12-01T15:00", "this week": "2026-11-29T15:00", "3 hours ago": "2026-12-02T11:16"}),
    ("Europe/Berlin", "2026-03-30T08:00", {  # Monday 10:00, the day after summer time began
        "today": "2026-03-29T22:00", "yesterday": "2026-03-28T23:00", "last monday": "2026-03-22T23:00",
        "last sunday": "2026-03-28T23:00", "this month": "2026-02-28T23:00", "2026": "2025-12-31T23:00",
        "24 hours ago": "2026-03-29T08:00"}),
    ("Europe/Berlin", "2026-07-15T08:00", {"this year": "2025-12-31T23:00", "Nov 2026": "2026-10-31T23:00"}),
]


@pytest.mark.parametrize(("tz", "now", "expected"), SINCE, ids=[f"{tz} {now}" for tz, now, _ in SINCE])
def test_a_day_week_month_or_year_starts_at_the_users_midnight(tz, now, expected):
    """`--since today` meant now and found nothing, "yesterday" missed yesterday morning and
    `--since 2026` meant today's date in 2026; days start at the user's midnight, with the
    offset in force then (across a change to summer time, too). A time is kept as it is."""
    assert dict(zip(expected, since(tz, now, *expected), strict=True)) == expected


@pytest.mark.parametrize(("phrase", "end"), [
    ("2026-11-30", "2026-12-01T00:00"), ("yesterday", "2026-12-02T00:00"), ("Nov 2026", "2026-12-01T00:00"),
    ("Dec 2025", "2026-01-01T00:00"), ("2025", "2026-01-01T00:00"), ("this week", "2026-12-07T00:00"),
    ("last monday", "2026-12-01T00:00"), ("3 hours ago", "2026-12-02T11:16"), ("Feb 2028", "2028-03-01T00:00"),
])
def test_until_takes_in_the_whole_day_month_or_year_it_names(phrase, end):
    """`--since "nov 2026" --until "nov 2026"` is November; "--until 2026-11-30" takes in the 30th
    (the end is the first moment after it). The tests run in UTC (conftest)."""
    now = datetime(2026, 12, 2, 14, 16, tzinfo=UTC)  # a Wednesday
    assert dates.parse_until(phrase, now=now).isoformat()[:16] == end
    assert dates.parse_when(phrase, now=now) < dates.parse_until(phrase, now=now) or phrase == "3 hours ago"


def test_a_since_date_too_far_back_or_ahead_to_be_a_time_is_out_of_range():
    """0001-01-01 starts in year 0 in UTC and east of it: `_midnight` raised ValueError, which
    reached the user as a traceback. The last hour of 9999 west of UTC is past year 9999 in UTC."""
    with pytest.raises(dates.OutOfRange) as back:
        dates.parse_when("0001-01-01")
    assert back.value.future is False
    code = ("from marketwatch.dates import OutOfRange, parse_when\n"
            "try:\n    print(parse_when('9999-12-31 23:00'))\nexcept OutOfRange as exc:\n    print(exc.future)")
    done = subprocess.run([sys.executable, "-c", code], env={**os.environ, "TZ": "America/New_York"},
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True"


TWO_WAYS = [("01/12/2026", (1, 12), (12, 1), 2026), ("1.12.2026", (1, 12), (12, 1), 2026),
            ("12-01-26", (12, 1), (1, 12), 2026), ("1/2/99", (1, 2), (2, 1), 1999), ("01/12", (1, 12), (12, 1), None),
            ("1.12.", (1, 12), (12, 1), None), (" 3/4/2026 14:00 ", (3, 4), (4, 3), 2026)]
ONE_WAY = [("2026-12-01", (2026, 12, 1)), ("2026/12/01", (2026, 12, 1)), ("13/12/2026", (2026, 12, 13)),
           ("12/13/2026", (2026, 12, 13)), ("01/01/2026", (2026, 1, 1)), ("1 Dec", (2026, 12, 1)),
           ("1 Dec 2026", (2026, 12, 1)), ("3 days ago", (2026, 12, 17))]


def test_a_date_of_digits_that_reads_two_ways_is_refused():
    """`--since 01/12/2026` was read month first (12 January), silently; "1.12" was even 01:12
    today. The error gives both readings and the spellings that cannot be misread; a year
    first, a day over 12, the same day and month, and words read one way and are taken."""
    for text, day_first, month_first, year in TWO_WAYS:
        with pytest.raises(dates.Ambiguous) as refused:
            dates.parse_when(text, ("en", "de"))
        assert (refused.value.readings, refused.value.year) == ((day_first, month_first), year), text
    assert str(dates.Ambiguous("01/12/2026", ((1, 12), (12, 1)), 2026)) == (
        "'01/12/2026' is ambiguous: 1 Dec 2026 (day first) or 12 Jan 2026 (month first); "
        "write 2026-12-01 or 1 Dec 2026, or 2026-01-12 or 12 Jan 2026")
    assert str(dates.Ambiguous("01/12", ((1, 12), (12, 1)), None)) == (
        "'01/12' is ambiguous: 1 Dec (day first) or 12 Jan (month first); write 1 Dec or 12 Jan")
    now = datetime(2026, 12, 20, 12, tzinfo=UTC)
    for text, day in ONE_WAY:
        assert dates.parse_when(text, now=now) == datetime(*day).astimezone(), text


QUARTERS = [("Q3 2026", "2026-07-01", "2026-10-01"), ("q4 2026", "2026-10-01", "2027-01-01"),
            ("Q1 2026", "2026-01-01", "2026-04-01"), ("Q2 2025", "2025-04-01", "2025-07-01"),
            ("H1 2026", "2026-01-01", "2026-07-01"), ("h2 2026", "2026-07-01", "2027-01-01"),
            ("2026 Q3", "2026-07-01", "2026-10-01"), ("Q3-2026", "2026-07-01", "2026-10-01"),
            ("2026-Q3", "2026-07-01", "2026-10-01"), ("Q3/2026", "2026-07-01", "2026-10-01"),
            ("2026Q3", "2026-07-01", "2026-10-01"), ("3Q 2026", "2026-07-01", "2026-10-01"),
            ("2H 2026", "2026-07-01", "2027-01-01"), (" 2026 h1 ", "2026-01-01", "2026-07-01")]


@pytest.mark.parametrize(("text", "start", "end"), QUARTERS, ids=[q[0] for q in QUARTERS])
def test_a_quarter_or_a_half_year_runs_from_its_first_day_to_its_last(text, start, end):
    """dateparser read "Q3 2026" as 4 Sep 2026 (today's day of the month in September), "Q4 2026"
    as today, "H2 2026" as February: --since took its start silently wrong."""
    now = datetime(2026, 12, 4, 13, 57, tzinfo=UTC)
    assert dates.parse_when(text, ("en", "de", "fr"), now=now) == datetime.fromisoformat(start).astimezone()
    assert dates.parse_until(text, ("en", "de", "fr"), now=now) == datetime.fromisoformat(end).astimezone()


def test_a_quarter_in_another_time_zone_starts_at_its_midnight():
    assert since("Asia/Tokyo", "2026-12-02T14:16", "Q3 2026", "H2 2026") == ["2026-06-30T15:00"] * 2


@pytest.mark.parametrize(("text", "advice"), [
    ("Q3", "a quarter or a half-year needs its year of four digits: 'Q3 2026'"),
    ("h2", "a quarter or a half-year needs its year of four digits: 'H2 2026'"),
    ("3Q", "a quarter or a half-year needs its year of four digits: '3Q 2026'"),
    ("Q3 '26", "a quarter or a half-year needs its year of four digits: 'Q3 2026'"),
    ("Q5 2026", "there is no Q5; a year's quarters are Q1 to Q4"),
    ("H3 2026", "there is no H3; a year's halves are H1 and H2"),
    ("T3 2026", "write a date (2026-07-01) or a quarter or a half-year with its year ('Q3 2026', 'H2 2026')"),
])
def test_what_looks_like_a_quarter_but_is_none_is_refused(text, advice):
    """A bare "Q3" or "H2" (dateparser: February), "H3 2026" (March), a French "T3 2026" (March)
    were read as other dates, silently."""
    with pytest.raises(dates.Misread) as refused:
        dates.parse_when(text, ("en", "fr"), now=datetime(2026, 12, 4, tzinfo=UTC))
    assert refused.value.advice.replace(str(dates.utcnow().year), "2026") == advice
    with pytest.raises(dates.Misread):
        dates.parse_until(text, ("en", "fr"))


def test_a_minus_with_ago_counts_forward_as_gnu_date_does():
    """dateparser dropped the sign: `-5 days ago` meant 5 days ago, where GNU date (and the
    words) mean 5 days ahead."""
    now = datetime(2026, 12, 2, 14, 16, tzinfo=UTC)
    assert dates.parse_when("-5 days ago", now=now) == dates.parse_when("in 5 days", now=now) > now
    assert dates.parse_when("+5 days ago", now=now) == dates.parse_when("5 days ago", now=now) < now


def test_since_phrases_in_english_work_whatever_the_feeds_languages():
    """languages = ["de"] is about the feeds; --since "2 weeks ago" failed with it."""
    german = dates.parse_when("2 weeks ago", ("de",))
    assert german is not None and abs((dates.utcnow() - german).days - 14) <= 1
    assert dates.parse_when("vor 2 Wochen", ("de",)) is not None
    assert dates.parse_when("2 weeks ago", ("de", "xx")) is not None  # a code dateparser does not know


def test_implausible_dates_are_rejected():
    now = dates.utcnow()
    assert dates.plausible(now + timedelta(days=400), now) is None
    assert dates.plausible(datetime(1970, 1, 1, tzinfo=UTC), now) is None
    assert dates.plausible(now - timedelta(days=1), now) is not None


def test_other_languages_with_configured_languages():
    parsed = dates.parse_text("20 novembre 2026", ("en", "fr"))
    assert parsed is not None and (parsed.year, parsed.month, parsed.day) == (2026, 11, 20)


def test_a_feed_date_missing_its_day_or_month_is_not_completed_from_today():
    assert dates.parse_text("2026", ("en",), complete=True) is None
    assert dates.parse_text("November 2026", ("en",), complete=True) is None
    assert dates.parse_text("20 novembre 2026", ("en", "fr"), complete=True) == datetime(2026, 11, 20, tzinfo=UTC)


def test_feedparser_partial_iso_dates_are_not_completed_from_today():
    from marketwatch.parse import parse_document

    now = datetime(2026, 12, 1, 12, tzinfo=UTC)
    body = ('<rss version="2.0"><channel><title>t</title>'
            + "".join(f"<item><title>{i}</title><link>https://e.example.com/{i}</link><pubDate>{d}</pubDate></item>"
                      for i, d in enumerate(["2026/11/25", "2026年11月24日", "2026-11-23T09:00:00Z"]))
            + "</channel></rss>").encode()
    doc = parse_document("http://f.example.com/", body, {}, ("en", "ja"), now)
    assert [e.published.date().isoformat() for e in doc.entries] == ["2026-11-25", "2026-11-24", "2026-11-23"]


_ZONES = st.sampled_from([UTC, timezone(timedelta(hours=9)), timezone(timedelta(hours=-5, minutes=-30))])


@given(st.datetimes(min_value=datetime(1000, 1, 2), max_value=datetime(9999, 12, 30), timezones=_ZONES))
def test_stored_dates_are_utc_to_the_second_and_read_back(value):
    text = dates.to_iso(value)
    assert text == value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert dates.from_iso(text) == value.replace(microsecond=0)


def test_a_stored_time_is_shown_on_the_day_it_was_where_the_user_is():
    """A story of 00:22 UTC on 4 Dec was listed as 2026-12-04 by `stories --since today` in New
    York at 19:30 on 3 Dec, and the dashboard said "4 Dec"; `--since` counts local days."""
    code = ("from datetime import datetime, UTC\nfrom marketwatch import dates\nfrom marketwatch.tui import render\n"
            "now = datetime(2026, 12, 4, 0, 30, tzinfo=UTC)\n"
            "print(dates.local_day('2026-12-04T00:22:00Z'), render.when('2026-12-04T00:22:00Z', now), "
            "render.full_date('2026-12-04T00:22:00Z', now), dates.local_day('not a date'), sep='|')")
    shown = {tz: subprocess.run([sys.executable, "-c", code], env={**os.environ, "TZ": tz}, capture_output=True,
                                text=True, check=True).stdout.strip().split("|")
             for tz in ("America/New_York", "Asia/Tokyo", "UTC")}
    assert shown["America/New_York"] == ["2026-12-03", "3 Dec", "Thu 3 Dec 2026, 19:22 EST · 8 min ago", "not a date"]
    assert shown["Asia/Tokyo"] == ["2026-12-04", "4 Dec", "Fri 4 Dec 2026, 09:22 JST · 8 min ago", "not a date"]
    assert shown["UTC"] == ["2026-12-04", "4 Dec", "Fri 4 Dec 2026, 00:22 UTC · 8 min ago", "not a date"]


def test_the_year_a_story_was_published_is_given_to_the_matcher_unless_it_is_ahead_or_unreadable():
    now = datetime(2026, 12, 4, tzinfo=UTC)
    assert dates.published_year(datetime(2026, 3, 1, tzinfo=UTC), now) == 2026
    assert dates.published_year("2024-05-01T08:00:00Z", now) == 2024  # as stored
    assert dates.published_year(datetime(2031, 1, 1, tzinfo=UTC), now) is None  # a feed's wrong clock
    assert dates.published_year("not a date", now) is None
    assert dates.published_year(None, now) is None
