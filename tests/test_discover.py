"""A web page given where a feed belongs: the feeds it names, and the error that says so."""

from __future__ import annotations

from datetime import UTC, datetime

from conftest import Reply

from marketwatch.discover import feed_links
from marketwatch.parse import parse_document

PAGE = "https://news.example.com/autos/index.html"


def page(head: str, body: str = "<p>Ford and Baidu</p>") -> bytes:
    return f"<!DOCTYPE html><html><head><title>Autos</title>{head}</head><body>{body}</body></html>".encode()


def test_relative_feed_links_are_made_absolute_against_the_page():
    html = page('<link rel="alternate" type="application/rss+xml" title="Autos" href="feed.xml">'
                '<link rel="alternate" type="application/atom+xml" href="//cdn.example.com/autos.atom">')
    assert feed_links(html, PAGE) == ["https://news.example.com/autos/feed.xml", "https://cdn.example.com/autos.atom"]


def test_a_base_element_sets_what_links_are_relative_to():
    html = page('<base href="https://static.example.net/x/"><link rel=alternate type=application/rss+xml href=rss>')
    assert feed_links(html, PAGE) == ["https://static.example.net/x/rss"]


def test_only_feed_alternates_count_and_each_once():
    html = page('<link rel="alternate" hreflang="de" type="text/html" href="/de/">'
                '<link rel="stylesheet" type="text/css" href="/s.css">'
                '<link rel="Alternate Feed" type="Application/RSS+XML; charset=utf-8" href="/rss">'
                '<link rel="alternate" type="application/rss+xml" href="/rss">'
                '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">'
                f'<link rel="alternate" type="application/rss+xml" href="{PAGE}">')
    assert feed_links(html, PAGE) == ["https://news.example.com/rss"]


def test_links_in_the_body_are_not_read():
    """Feeds a page's articles link to in passing are not the page's own."""
    html = page("", body='<link rel="alternate" type="application/rss+xml" href="/other.xml">')
    assert feed_links(html, PAGE) == []


def test_an_html_page_in_a_feeds_place_names_the_feed_to_use_instead():
    now = datetime(2026, 12, 1, tzinfo=UTC)
    html = page('<link rel="alternate" type="application/rss+xml" href="/autos/rss.xml">'
                '<link rel="alternate" type="application/atom+xml" href="/autos/atom.xml">')
    parsed = parse_document(PAGE, html, {"content-type": "text/html"}, ("en",), now)
    assert parsed.entries == ()
    assert parsed.error == ("not a feed: the server sent an HTML page; the feed it names is "
                            "https://news.example.com/autos/rss.xml (and 1 more)")
    bare = parse_document(PAGE, page(""), {"content-type": "text/html"}, ("en",), now)
    assert bare.error == ("not a feed: the server sent an HTML page (a web page, a login or a bot check) "
                          "that names no feed")


def test_a_site_that_redirects_its_home_page_gets_the_feed_named_relative_to_where_it_led(
        server, make_config, run_cli):
    """example.com -> example.com/news/: the page's "rss.xml" is /news/rss.xml, not /rss.xml."""
    server.routes["/"] = Reply(301, b"", {"Location": "/news/"})
    server.routes["/news/"] = Reply(200, page('<link rel="alternate" type="application/rss+xml" href="rss.xml">'),
                                    {"Content-Type": "text/html; charset=utf-8"})
    config = make_config([server.url("/")])
    code, out, _ = run_cli("refresh", "--config", str(config))
    assert code == 1
    code, out, _ = run_cli("feeds", "--config", str(config))
    assert f"the feed it names is {server.url('/news/rss.xml')}" in out


def test_pages_in_other_encodings_and_without_head_tags():
    latin1 = '<title>Autos</title><link rel=alternate type=application/rss+xml href="/café.xml">'.encode("latin-1")
    assert feed_links(latin1, PAGE) == ["https://news.example.com/café.xml"]  # not caf\ufffd.xml
    utf16 = page('<link rel="alternate" type="application/atom+xml" href="/a.atom">').decode().encode("utf-16")
    assert feed_links(utf16, PAGE) == ["https://news.example.com/a.atom"]
    # No <head> or <body>: the body starts at the first tag a head cannot hold.
    bare = b'<title>Autos</title><link rel=alternate type=application/rss+xml href=/rss><p>See also ' \
           b'<link rel=alternate type=application/rss+xml href=/elsewhere.xml>'
    assert feed_links(bare, PAGE) == ["https://news.example.com/rss"]


def test_no_credentials_and_no_self_link_in_what_is_suggested():
    html = page('<link rel="alternate" type="application/rss+xml" href="index.html#top">'
                '<link rel="alternate" type="application/rss+xml" href="/feed">')
    assert feed_links(html, "https://ana:s3cret@news.example.com/autos/index.html") == [
        "https://news.example.com/feed"]
