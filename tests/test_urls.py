from marketwatch.urls import canonical_url, safe_link


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
