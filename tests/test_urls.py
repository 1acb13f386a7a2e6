import pytest

from marketwatch.urls import canonical_url, from_feed_scheme, safe_link


def test_tracking_parameters_and_fragments_do_not_make_a_new_story():
    a = canonical_url("https://News.example.com/a?id=3&utm_source=rss&utm_medium=feed#top")
    b = canonical_url("https://news.example.com/a?fbclid=x&id=3")
    assert a == b == "https://news.example.com/a?id=3"


def test_only_http_links_are_kept():
    assert safe_link("https://example.com/x") == "https://example.com/x"
    assert safe_link("javascript:alert(1)") is None
    assert safe_link("file:///etc/passwd") is None
    assert safe_link("https://example.com/\x1b[31m") is None


def test_a_default_port_does_not_make_a_new_story():
    plain = canonical_url("https://news.example.com/a?id=3")
    assert canonical_url("https://news.example.com:443/a?id=3&utm_source=rss") == plain
    assert canonical_url("http://news.example.com:80/a") == "http://news.example.com/a"
    assert canonical_url("https://news.example.com:8443/a") == "https://news.example.com:8443/a"
    assert canonical_url("http://news.example.com:443/a") == "http://news.example.com:443/a"


def test_the_fast_path_gives_what_w3lib_gives():
    """Simple links skip w3lib; for every link, both ways must give the same story id."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from marketwatch.urls import _canonical_w3lib

    host = st.from_regex(r"[a-zA-Z0-9-]{1,8}(\.[a-zA-Z0-9-]{1,8}){0,2}", fullmatch=True)
    path = st.lists(st.sampled_from(["a", "B", "x-y", "1.html", ".", "..", "", "~u", "%41", "é", ";p", "スズキ-ev",
                                     "lynk-&-co", "it's(1)", "!$*+,:=@", "\u00a0", "\u3000", "\u2028", "\ufeff",
                                     "\U0001f600", "\u0130", "|", "[x]", "a b", "#"]), max_size=4)
    query = st.lists(st.sampled_from(["utm_source=rss", "fbclid=9", "id=3", "ref", "", "q=a b"]), max_size=3)

    @settings(max_examples=1500, deadline=None)
    @given(st.sampled_from(["http", "https", "HTTP"]), host, path, query, st.sampled_from(["", "#top"]))
    def check(scheme, host, segments, params, fragment):
        url = f"{scheme}://{host}" + "".join("/" + s for s in segments)
        url += ("?" + "&".join(params) if params else "") + fragment
        assert canonical_url(url) == _canonical_w3lib(url), url

    @settings(max_examples=500, deadline=None)
    @given(st.text(st.characters(min_codepoint=0x21, exclude_categories=("Cs",)), max_size=12))
    def check_any_path(text):  # slugs in any script: the fast path percent-encodes them as w3lib does
        url = "https://news.example.com/2026/" + text
        assert canonical_url(url) == _canonical_w3lib(url), url

    check()
    check_any_path()
    assert canonical_url("https://news.example.com") == "https://news.example.com/"
    assert canonical_url("https://cnevpost.com/2026/比亚迪-ev/") == "https://cnevpost.com/2026/%E6%AF%94%E4%BA%9A%E8%BF%AA-ev/"
    assert canonical_url("https://news.example.com/a/?utm_source=x#c") == "https://news.example.com/a/"


def test_plain_links_skip_the_checks_only_where_the_checks_would_keep_them():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from marketwatch.urls import _PLAIN_LINK, _checked_link

    @settings(max_examples=500, deadline=None)
    @given(st.from_regex(_PLAIN_LINK, fullmatch=True))
    def check(url):
        port = _PLAIN_LINK.fullmatch(url).group(1)
        expected = _checked_link(url)
        assert safe_link(url) == expected
        if port is None or int(port) <= 65535:
            assert expected == url

    check()
    assert safe_link("https://news.example.com:99999/a") is None


def test_every_non_ascii_character_is_encoded_as_w3lib_encodes_it():
    """The fast path percent-encodes a path's non-ASCII characters itself: for every character
    of the Basic Multilingual Plane (but surrogates) and a sample beyond, in paths of 512, the
    canonical link (the story's id) is w3lib's."""
    from marketwatch.urls import _canonical_w3lib

    chars = [chr(c) for c in [*range(0xA0, 0xD800), *range(0xE000, 0x10000), 0x10000, 0x1F600, 0xE0001, 0x10FFFF]]
    for start in range(0, len(chars), 512):
        url = "https://news.example.com/2026/" + "".join(chars[start:start + 512]) + "-story/"
        assert canonical_url(url) == _canonical_w3lib(url), hex(ord(chars[start]))


def test_clean_link_drops_tracking_parameters_and_nothing_else():
    from marketwatch.urls import clean_link

    cases = {
        "https://techmobility.io/a/?utm_source=rss&utm_medium=rss&utm_campaign=a": "https://techmobility.io/a/",
        "https://x.example.com/a?id=3&utm_source=rss&b=2#sec": "https://x.example.com/a?id=3&b=2#sec",
        "https://x.example.com/a?fbclid=IwAR0&gclid=1#top": "https://x.example.com/a#top",
        "https://x.example.com/a?UTM_Source=x": "https://x.example.com/a",
        # nothing to drop: the link as it was, spelling, order and all
        "https://news.google.com/rss/articles/CBMi?oc=5": "https://news.google.com/rss/articles/CBMi?oc=5",
        "https://x.example.com/a?b=2&&a=1": "https://x.example.com/a?b=2&&a=1",
        "https://x.example.com/a#x?utm_source=1": "https://x.example.com/a#x?utm_source=1",
        "https://X.example.com:443/a": "https://X.example.com:443/a",
    }
    for url, clean in cases.items():
        assert clean_link(url) == clean, url
        assert canonical_url(clean) == canonical_url(url), url  # the same story to the store
    assert clean_link(None) is None and clean_link("") == ""


@pytest.mark.parametrize(("url", "expected"), [
    ("feed://www.example.com/feed", "https://www.example.com/feed"),
    ("feed:https://example.com/rss?x=1", "https://example.com/rss?x=1"),
    ("Feed:http://example.com/rss", "http://example.com/rss"),
    ("feed://https://example.com/rss", "https://example.com/rss"),
    (" FEED://example.com:8080/a ", "https://example.com:8080/a"),
    ("feed:", "feed:"), ("feed:///x", "feed:///x"), ("feedback://x", "feedback://x"),
    ("https://example.com/feed", "https://example.com/feed"),
])
def test_a_feed_url_is_the_http_url_it_stands_for_as_browsers_read_it(url, expected):
    assert from_feed_scheme(url) == expected
