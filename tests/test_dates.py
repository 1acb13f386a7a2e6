from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from marketwatch import dates


def test_phrases_and_dates_for_since():
    week_ago = dates.parse_when("1 week ago")
    assert abs((dates.utcnow() - week_ago) - timedelta(weeks=1)) < timedelta(minutes=1)
    monday = dates.parse_when("last monday")
    assert monday.weekday() == 0 and monday < dates.utcnow()
    assert dates.parse_when("2026-11-01") == datetime(2026, 11, 1, tzinfo=UTC)
    assert dates.parse_when("not a date at all") is None


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
