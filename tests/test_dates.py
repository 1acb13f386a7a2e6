from datetime import UTC, datetime, timedelta

from marketwatch import dates


def test_phrases_and_dates_for_since():
    week_ago = dates.parse_when("1 week ago")
    assert abs((dates.utcnow() - week_ago) - timedelta(weeks=1)) < timedelta(minutes=1)
    monday = dates.parse_when("last monday")
    assert monday.weekday() == 0 and monday < dates.utcnow()
    assert dates.parse_when("2026-11-01") == datetime(2026, 11, 1, tzinfo=UTC)
    assert dates.parse_when("not a date at all") is None


def test_implausible_dates_are_rejected():
    now = dates.utcnow()
    assert dates.plausible(now + timedelta(days=400), now) is None
    assert dates.plausible(datetime(1970, 1, 1, tzinfo=UTC), now) is None
    assert dates.plausible(now - timedelta(days=1), now) is not None


def test_other_languages_with_configured_languages():
    parsed = dates.parse_text("20 novembre 2026", ("en", "fr"))
    assert parsed is not None and (parsed.year, parsed.month, parsed.day) == (2026, 11, 20)
