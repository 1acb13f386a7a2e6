"""The workflow commands end to end: feeds served on 127.0.0.1, the CLI run in-process."""

from __future__ import annotations

import csv
import io
import json
import shlex
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import SHARED, Reply, rss

ROOT = Path(__file__).resolve().parent.parent
WIRE = Path(__file__).parent / "data" / "workflow.rss"
TOYOTA_PONY = "Toyota and Pony.ai form robotaxi joint venture in China"
RN_GOOGLE = "Renault-Nissan alliance picks Google for infotainment"
FORD_BAIDU = "Ford and Baidu sign MoU on robotaxis"
TIEUPS = 5


@pytest.fixture
def wire(server, make_config, run_cli):
    """A config with one loopback feed, refreshed once; returns the config path as a string."""
    server.routes["/w.xml"] = Reply(200, WIRE.read_bytes())
    cfg = str(make_config([server.url("/w.xml")]))
    assert run_cli("refresh", "--config", cfg)[0] == 0
    return cfg


def opml_for(urls: list[str]) -> bytes:
    outlines = "".join(f'<outline text="Feed {i} & co" type="rss" xmlUrl="{u}"/>' for i, u in enumerate(urls))
    head = '<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head>'
    return f"{head}<body>{outlines}</body></opml>".encode()


# -- OPML --------------------------------------------------------------------------------------

def test_opml_import_then_refresh_fetches_the_new_feeds(server, make_config, run_cli, tmp_path):
    server.routes["/w.xml"] = Reply(200, WIRE.read_bytes())
    server.routes["/x.xml"] = Reply(200, rss([{"title": "BMW partners with Alibaba on in-car AI",
                                                "link": "https://x.example.com/bmw"}]))
    cfg = make_config([server.url("/w.xml")])
    original = cfg.read_text()
    listing = tmp_path / "subs.opml"
    # One new feed; one already in the config; one twice; one not http(s); a bare & for leniency.
    listing.write_bytes(opml_for([server.url("/x.xml"), server.url("/w.xml"), server.url("/x.xml"),
                                  "ftp://files.example.com/feed"]))
    code, out, err = run_cli("opml", "import", str(listing), "--config", str(cfg))
    assert code == 0
    assert out == (f"added 1 feed to {cfg.resolve()}; skipped 3 "
                   "(1 already in the config, 1 listed twice in the file, 1 not a usable http(s) URL)\n")
    assert "marketwatch refresh" in err
    text = cfg.read_text()
    assert text.startswith(original.split("[companies.Renault]")[0].rstrip("\n"))  # untouched up to the new feed
    assert original.split("\n\n", 1)[1].split("[companies.Renault]")[1] in text  # and after it
    assert f'[[feeds]]\nurl = "{server.url("/x.xml")}"\nname = "Feed 0 & co"\n' in text
    code, out, _ = run_cli("refresh", "--config", str(cfg), "--json")
    report = json.loads(out)
    assert code == 0 and len(report["feeds"]) == 2
    assert "BMW partners with Alibaba on in-car AI" in [t["title"] for t in report["new_tieups"]]
    code, out, _ = run_cli("opml", "import", str(listing), "--config", str(cfg))
    assert out.startswith("added 0 feeds") and "2 already in the config" in out


def test_opml_import_dry_run_verbose_changes_nothing(make_config, run_cli, tmp_path):
    cfg = make_config([])
    before = cfg.read_text()
    listing = tmp_path / "subs.opml"
    listing.write_bytes(opml_for(["https://a.example.com/feed", "https://b.example.com/rss"]))
    code, out, _ = run_cli("opml", "import", "-n", "-v", str(listing), "--config", str(cfg))
    assert code == 0 and out.splitlines() == [
        "  + https://a.example.com/feed  (Feed 0 & co)", "  + https://b.example.com/rss  (Feed 1 & co)",
        f"would add 2 feeds to {cfg.resolve()}; skipped 0"]
    assert cfg.read_text() == before


def test_opml_import_verbose_names_every_url_skipped_and_why(make_config, run_cli, tmp_path):
    """The README said `-v` names each skipped URL and why; those already in the config and those
    listed twice were only counted."""
    cfg = make_config(["https://a.example.com/feed"])
    listing = tmp_path / "subs.opml"
    listing.write_bytes(opml_for(["https://a.example.com/feed", "https://b.example.com/rss",
                                  "https://B.example.com:443/rss"]))
    code, out, _ = run_cli("opml", "import", "-n", "-v", str(listing), "--config", str(cfg))
    assert code == 0
    assert "  - 'https://a.example.com/feed': already in the config" in out.splitlines()
    assert "  - 'https://B.example.com:443/rss': listed twice in the file" in out.splitlines()
    assert out.splitlines()[-1].endswith("skipped 2 (1 already in the config, 1 listed twice in the file)")


def test_opml_import_from_stdin(make_config, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from marketwatch.cli import cli

    monkeypatch.delenv("MARKETWATCH_CONFIG", raising=False)
    cfg = make_config([])
    result = CliRunner().invoke(cli, ["opml", "import", "-", "--config", str(cfg)],
                                input=opml_for(["https://a.example.com/feed"]))
    assert result.exit_code == 0 and result.stdout.startswith("added 1 feed")


@pytest.mark.parametrize("name,count", [("plenaryapp_awesome-rss-feeds_Cars.opml", 18),
                                        ("rsdoiel_antenna_going_electric.opml", 6),
                                        ("rsdoiel_antenna_north_america.opml", 32)])
def test_opml_import_of_real_lists(name, count, make_config, run_cli):
    path = SHARED / "corpora" / "opml" / name
    if not path.is_file():
        pytest.skip(f"{path} is absent (../shared is not checked out)")
    cfg = str(make_config([]))
    code, out, _ = run_cli("opml", "import", str(path), "--config", cfg)
    assert code == 0 and out.startswith(f"added {count} feeds")
    code, out, _ = run_cli("check-config", "--config", cfg, "--json")
    assert code == 0 and json.loads(out)["feeds"] == count


def test_opml_import_verbose_names_the_urls_it_could_not_use(make_config, run_cli, tmp_path):
    """A space in a URL was counted as 'not http(s)', which it was; -v now says which."""
    listing = tmp_path / "subs.opml"
    listing.write_bytes(opml_for(["https://example.com/my feed.xml", "https://example.com/ok.xml"]))
    code, out, _ = run_cli("opml", "import", "-v", "--dry-run", str(listing), "--config", str(make_config([])))
    assert code == 0
    assert out.splitlines()[:2] == ["  + https://example.com/ok.xml  (Feed 1 & co)",
                                    "  - 'https://example.com/my feed.xml': not a usable http(s) URL"]
    assert out.splitlines()[2].endswith("; skipped 1 (1 not a usable http(s) URL)")


def test_opml_import_says_a_url_is_too_long_not_unusable(make_config, run_cli, tmp_path):
    """A feed URL refused only for its length was "not a usable http(s) URL", and the user
    looked for a typo in it: it is said to be too long, with its length and the limit (as
    add-feed says)."""
    long_url = "https://example.com/feed?q=" + "a" * 2100
    longer = "https://example.com/feed?q=" + "b" * 2500
    listing = tmp_path / "subs.opml"
    listing.write_bytes(opml_for([long_url, "https://example.com/ok.xml"]))
    cfg = make_config([])
    code, out, _ = run_cli("opml", "import", "-v", "--dry-run", str(listing), "--config", str(cfg))
    assert code == 0 and out.splitlines() == [
        "  + https://example.com/ok.xml  (Feed 1 & co)",
        f"  - {long_url[:100]!r}…: too long: 2,127 characters; marketwatch takes at most 2,000",
        f"would add 1 feed to {cfg.resolve()}; skipped 1 (1 URL too long (2,127 characters; at most 2,000))"]
    listing.write_bytes(opml_for([long_url, longer, "javascript:alert(1)"]))
    code, out, _ = run_cli("opml", "import", str(listing), "--config", str(cfg))
    assert code == 0 and out == (f"added 0 feeds to {cfg.resolve()}; skipped 3 (1 not a usable http(s) URL, "
                                 "2 URLs too long (the longest 2,527 characters; at most 2,000))\n")


def test_opml_import_numbers_names_other_feeds_have(make_config, run_cli, tmp_path):
    """A list naming three feeds "Reuters" no longer gives the config three feeds no one could
    remove by name: they become Reuters, Reuters (2), Reuters (3), and the summary says so."""
    outlines = "".join(f'<outline text="Reuters" xmlUrl="https://reuters.example/{i}.xml"/>' for i in range(3))
    listing = tmp_path / "subs.opml"
    listing.write_text(f'<opml version="2.0"><body>{outlines}</body></opml>')
    cfg = make_config([])
    code, out, _ = run_cli("opml", "import", "-v", str(listing), "--config", str(cfg))
    assert code == 0 and out.splitlines() == [
        "  + https://reuters.example/0.xml  (Reuters)",
        "  + https://reuters.example/1.xml  (Reuters (2), as another feed is named 'Reuters')",
        "  + https://reuters.example/2.xml  (Reuters (3), as another feed is named 'Reuters')",
        f"added 3 feeds to {cfg.resolve()}; skipped 0; named 'Reuters (2)', 'Reuters (3)' as other feeds "
        "had their names"]
    code, out, err = run_cli("check-config", "--config", str(cfg))
    assert code == 0 and "named 'Reuters'" not in out + err
    code, out, _ = run_cli("remove-feed", "Reuters (2)", "--config", str(cfg))
    assert code == 0 and "reuters.example/1.xml" not in cfg.read_text()


def test_a_feed_shown_under_its_channel_title_has_that_name_for_imports_edits_and_checks(server, make_config,
                                                                                        run_cli, tmp_path):
    """A feed of the config without a name shows under its channel title ("Tech Desk Mobility");
    `opml import` added a feed of that name unnumbered, `add-feed --name` took it, `check-config`
    said nothing, and `remove-feed "Tech Desk Mobility"` removed the named one, silently."""
    server.routes["/a.xml"] = Reply(200, rss([], title="Tech Desk Mobility"))
    a, b, c = server.url("/a.xml"), server.url("/b.xml"), server.url("/c.xml")
    cfg = make_config([a])
    cfg.write_text(cfg.read_text().replace('name = "feed0"\n', ""), encoding="utf-8")
    assert run_cli("refresh", "--config", str(cfg))[0] == 0
    assert [f["title"] for f in json.loads(run_cli("feeds", "--config", str(cfg), "--json")[1])] == [
        "Tech Desk Mobility"]
    listing = tmp_path / "subs.opml"
    listing.write_text(f'<opml version="2.0"><body><outline text="Tech Desk Mobility" xmlUrl="{b}"/></body></opml>')
    code, out, _ = run_cli("opml", "import", "-v", str(listing), "--config", str(cfg))
    assert code == 0 and out.splitlines()[0] == (
        f"  + {b}  (Tech Desk Mobility (2), as another feed is named 'Tech Desk Mobility')")
    before = cfg.read_text()
    code, out, err = run_cli("add-feed", c, "--name", "Tech Desk Mobility", "--config", str(cfg))
    assert (code, out, cfg.read_text()) == (2, "", before)
    assert err == (f"marketwatch: {cfg.resolve()}: {a} is already shown as 'Tech Desk Mobility' (its feed's "
                   "title); give this feed another --name\n")
    # Named so by hand: check-config warns, and remove-feed by the name refuses to guess.
    cfg.write_text(before.replace("Tech Desk Mobility (2)", "Tech Desk Mobility"), encoding="utf-8")
    before = cfg.read_text()
    code, _, err = run_cli("check-config", "--config", str(cfg))
    assert code == 0 and (f"marketwatch: warning: 2 feeds are named 'Tech Desk Mobility' ({a}, {b}); give each a "
                          f"name of its own ({a} has none: shown by its feed's title)") in err.splitlines()
    code, out, err = run_cli("remove-feed", "Tech Desk Mobility", "--config", str(cfg))
    assert (code, out, cfg.read_text()) == (2, "", before)
    assert err == (f"marketwatch: {cfg.resolve()}: 2 feeds are named 'Tech Desk Mobility'; remove one by its URL: "
                   f"{a} or {b}\n")
    code, out, _ = run_cli("remove-feed", b, "--config", str(cfg))
    assert code == 0 and b not in cfg.read_text()
    code, out, _ = run_cli("remove-feed", "Tech Desk Mobility", "--config", str(cfg))  # by its title, now one
    assert (code, out) == (0, f"removed {a} from {cfg.resolve()}\n")


def test_a_failed_feed_whose_name_another_has_is_told_with_its_url(server, make_config, run_cli, tmp_path):
    cfg = make_config([server.url("/gone.xml"), server.url("/lost.xml"), server.url("/missing.xml")])
    cfg.write_text(cfg.read_text().replace('name = "feed1"', 'name = "feed0"'), encoding="utf-8")
    log = tmp_path / "refresh.log"
    code, _, err = run_cli("refresh", "--config", str(cfg), "--log-file", str(log))
    assert code == 1 and sorted(err.splitlines()) == [
        f"marketwatch: feed0 ({server.url('/gone.xml')}): HTTP 404 Not Found",
        f"marketwatch: feed0 ({server.url('/lost.xml')}): HTTP 404 Not Found",
        "marketwatch: feed2: HTTP 404 Not Found"]
    assert f"failed: feed0 ({server.url('/lost.xml')}): HTTP 404 Not Found" in log.read_text()


def test_opml_import_of_the_malformed_fixture(make_config, run_cli):
    cfg = str(make_config([]))
    code, out, _ = run_cli("opml", "import", str(Path(__file__).parent / "data" / "malformed.opml"), "--config", cfg)
    assert code == 0
    assert out.endswith("added 3 feeds to " + str(Path(cfg).resolve())
                        + "; skipped 4 (2 listed twice in the file, 2 not usable http(s) URLs)\n")


def test_opml_import_of_an_endless_input_stops_at_a_size(make_config, run_cli):
    """`opml import /dev/zero` read until the machine's memory ran out."""
    cfg = make_config([])
    code, out, err = run_cli("opml", "import", "/dev/zero", "--config", str(cfg))
    assert (code, out, err) == (2, "", "marketwatch: /dev/zero: more than 50 MB: too big to be an OPML list of "
                                       "feeds; is it the right file?\n")


@pytest.mark.parametrize("content,message", [
    (None, "cannot read: No such file or directory"),
    ("dir", "is a directory, not an OPML file"),
    (b"[settings]\ndb = 'x'\n", "not an OPML file"),
    (b"<html><body>Sign in</body></html>", "not an OPML file"),
])
def test_opml_import_errors_are_one_line_exit_2(content, message, make_config, run_cli, tmp_path):
    cfg = make_config([])
    before = cfg.read_text()
    target = tmp_path / "input.opml"
    if content == "dir":
        target.mkdir()
    elif content is not None:
        target.write_bytes(content)
    code, out, err = run_cli("opml", "import", str(target), "--config", str(cfg))
    assert code == 2 and out == ""
    assert err.startswith(f"marketwatch: {target}: {message}") and err.count("\n") == 1
    assert cfg.read_text() == before


def test_opml_import_refuses_to_edit_a_broken_config(run_cli, tmp_path):
    cfg = tmp_path / "config.toml"
    cfg.write_text('[companies.X]\nkind = "boat"\n')
    listing = tmp_path / "s.opml"
    listing.write_bytes(opml_for(["https://a.example.com/feed"]))
    code, _, err = run_cli("opml", "import", str(listing), "--config", str(cfg))
    assert code == 2 and "companies.X.kind" in err and cfg.read_text() == '[companies.X]\nkind = "boat"\n'


def test_opml_export_uses_fetched_titles_and_round_trips(wire, run_cli, tmp_path, make_config):
    code, out, _ = run_cli("opml", "export", "--config", wire)
    assert code == 0
    root = ET.fromstring(out.encode())
    [outline] = root.findall("body/outline")
    assert root.get("version") == "2.0"
    assert outline.get("text") == "feed0" and outline.get("htmlUrl") == "https://wire.example.com/"
    target = tmp_path / "out.opml"
    code, out, err = run_cli("opml", "export", "--config", wire, "-o", str(target))
    assert code == 0 and out == "" and err == f"wrote 1 feed to {target}\n"
    other = tmp_path / "other"
    other.mkdir()
    fresh = other / "config.toml"
    fresh.write_text('[settings]\ndb = "x.db"\n')
    code, out, _ = run_cli("opml", "import", str(target), "--config", str(fresh))
    assert code == 0 and out.startswith("added 1 feed")
    assert ET.fromstring(run_cli("opml", "export", "--config", str(fresh))[1].encode()).find(
        "body/outline").get("xmlUrl") == outline.get("xmlUrl")


# -- add-feed / remove-feed ----------------------------------------------------------------------

def test_add_feed_then_refresh_then_remove(server, make_config, run_cli):
    server.routes["/w.xml"] = Reply(200, WIRE.read_bytes())
    cfg = make_config([])
    url = server.url("/w.xml")
    code, out, _ = run_cli("add-feed", url, "--name", "Wire", "--config", str(cfg))
    assert (code, out) == (0, f"added {url} to {cfg.resolve()}\n")
    assert cfg.read_text().startswith('[settings]\ndb = "mw.db"\ntimeout = 5\nconcurrency = 8\nauto_refresh = 0\n\n'
                                      f'[[feeds]]\nurl = "{url}"\nname = "Wire"\n')
    code, out, _ = run_cli("add-feed", url, "--config", str(cfg))
    assert code == 0 and "already in" in out
    code, out, _ = run_cli("refresh", "--config", str(cfg), "--json")
    assert json.loads(out)["new_stories"] == 7
    code, out, _ = run_cli("feeds", "--config", str(cfg), "--json")
    assert [f["name"] for f in json.loads(out)] == ["Wire"]
    code, out, _ = run_cli("remove-feed", "Wire", "--config", str(cfg))
    assert (code, out) == (0, f"removed {url} from {cfg.resolve()}\n")
    assert json.loads(run_cli("feeds", "--config", str(cfg), "--json")[1]) == []
    assert len(json.loads(run_cli("stories", "--config", str(cfg), "--json")[1])) == TIEUPS  # stories stay
    assert "[companies.Renault]" in cfg.read_text()


def test_add_feed_refuses_a_name_another_feed_has(make_config, run_cli):
    """Two feeds named alike: `remove-feed NAME` then refused, and feed health showed two rows
    no one could tell apart."""
    cfg = make_config(["https://a.example/feed"])  # named feed0
    before = cfg.read_text()
    code, out, err = run_cli("add-feed", "https://b.example/feed", "--name", " feed0 ", "--config", str(cfg))
    assert (code, out) == (2, "") and cfg.read_text() == before
    assert err == (f"marketwatch: {cfg.resolve()}: https://a.example/feed is already named 'feed0'; "
                   "give this feed another --name\n")
    assert run_cli("add-feed", "https://a.example/feed", "--name", "feed0", "--config", str(cfg))[0] == 0  # itself
    assert run_cli("add-feed", "https://b.example/feed", "--name", "feed1", "--config", str(cfg))[0] == 0
    after = cfg.read_text()
    code, out, _ = run_cli("add-feed", "https://a.example/feed", "--name", "feed1", "--config", str(cfg))
    assert code == 0 and "already in" in out and cfg.read_text() == after  # a feed there already: as it is


def test_a_name_that_is_not_text_is_refused_not_dropped(make_config, run_cli):
    """`add-feed --name $'\\xff'` added the feed with no name at all, silently: Python keeps the
    byte it could not decode as '\\udcff', which was then dropped as a control character."""
    cfg = make_config(["https://a.example/feed"])
    before = cfg.read_text()
    code, out, err = run_cli("add-feed", "https://b.example/feed", "--name", "Reuters \udcff", "--config", str(cfg))
    assert (code, out, cfg.read_text()) == (2, "", before)
    assert err == ("marketwatch: error: --name: the name is not UTF-8 text (b'Reuters \\xff'); write it in UTF-8 "
                   "(see marketwatch add-feed --help)\n")
    assert run_cli("stories", "--company", "\udcff", "--config", str(cfg))[0] == 2  # names as options, too


def test_an_edit_made_is_a_success_even_when_stdout_cannot_say_so(make_config):
    """`marketwatch add-feed URL >&-` (a script that closed its output) or `>/dev/full`: the
    config did change, so the status is 0 and stderr says what changed. It was 3, which a
    script reads as "not added"."""
    cfg = make_config([])
    url = "https://n.example.com/feed"
    mw = f'"{sys.executable}" -m marketwatch'
    for script, said in [(f'{mw} add-feed "$1" --config "$2" >&-',
                          f"added {url} to {cfg.resolve()} (cannot write to standard output: it is closed)"),
                         (f'{mw} remove-feed "$1" --config "$2" >/dev/full',
                          f"removed {url} from {cfg.resolve()} "
                          "(cannot write to standard output: No space left on device)")]:
        done = subprocess.run(["sh", "-c", script, "sh", url, str(cfg)], capture_output=True, text=True,
                              cwd=ROOT, timeout=120)
        assert (done.returncode, done.stderr) == (0, f"marketwatch: {said}\n")
        assert (url in cfg.read_text()) is script.endswith(">&-")


def test_add_feed_says_a_url_is_too_long_and_how_long_it_may_be(make_config, run_cli):
    """A 5,000-character http URL was "not an http(s) feed URL", quoted whole on the line."""
    cfg = make_config([])
    before = cfg.read_text()
    long = "https://n.example.com/" + "a" * 4978
    code, out, err = run_cli("add-feed", long, "--config", str(cfg))
    assert (code, out) == (2, "") and cfg.read_text() == before
    assert err == (f"marketwatch: the feed URL is 5,000 characters long; marketwatch takes at most 2,000: "
                   f"{long[:100]!r}…\n")
    limit = "https://n.example.com/" + "b" * 1978  # the longest link marketwatch keeps (marketwatch.urls)
    assert run_cli("add-feed", limit + "c", "--config", str(cfg))[2].startswith(
        "marketwatch: the feed URL is 2,001 characters long;")
    assert run_cli("add-feed", limit, "--config", str(cfg)) == (0, f"added {limit} to {cfg.resolve()}\n", "")


def test_add_feed_suggests_the_url_of_an_address_typed_without_its_scheme(make_config, run_cli, tmp_path,
                                                                          monkeypatch):
    """`add-feed www.example.com/feed` was refused with no word of https://www.example.com/feed;
    a path of a file, with no word of its file:// URL."""
    cfg = make_config([])
    before = cfg.read_text()
    for typed, meant in (("www.example.com/feed", "https://www.example.com/feed"),
                         ("example.com:8080/rss", "https://example.com:8080/rss")):
        assert run_cli("add-feed", typed, "--config", str(cfg)) == (
            2, "", f"marketwatch: not an http(s) or file:// feed URL: {typed!r}; did you mean {meant}?\n")
    written = tmp_path / "feed.xml"
    written.write_text(rss([]).decode())
    assert run_cli("add-feed", str(written), "--config", str(cfg))[2] == (
        f"marketwatch: not an http(s) or file:// feed URL: {str(written)!r}; did you mean {written.as_uri()}?\n")
    for nothing_like in ("feed", "ftp://example.com/feed", str(tmp_path / "none.xml")):
        code, _, err = run_cli("add-feed", nothing_like, "--config", str(cfg))
        assert code == 2 and "did you mean" not in err, nothing_like
    # a file named by a relative path is a file, not a host ("did you mean https://feed.xml?"); a
    # home folder that does not exist is no traceback
    monkeypatch.chdir(tmp_path)
    assert run_cli("add-feed", "feed.xml", "--config", str(cfg))[2].endswith(f"did you mean {written.as_uri()}?\n")
    assert run_cli("add-feed", "~nosuchuser/feed.xml", "--config", str(cfg)) == (
        2, "", "marketwatch: not an http(s) or file:// feed URL: '~nosuchuser/feed.xml'\n")
    assert cfg.read_text() == before


def test_add_feed_and_opml_import_take_feed_urls_as_browsers_do(make_config, run_cli, tmp_path):
    """`opml import` skipped feed://host/path and feed:https://… as unusable URLs."""
    cfg = make_config([])
    assert run_cli("add-feed", "feed://www.example.com/feed", "--config", str(cfg)) == (
        0, f"added https://www.example.com/feed to {cfg.resolve()}\n", "")
    before = cfg.read_text()
    assert run_cli("remove-feed", "feed://www.example.com/feed", "--config", str(cfg)) == (
        0, f"removed https://www.example.com/feed from {cfg.resolve()}\n", "")  # the same URL, as add-feed took it
    cfg.write_text(before)
    listing = tmp_path / "subs.opml"
    listing.write_text('<opml version="2.0"><body><outline text="A" xmlUrl="feed://a.example.com/rss"/>'
                       '<outline text="B" xmlUrl="FEED:https://b.example.com/rss?x=1"/>'
                       '<outline text="C" xmlUrl="feed:http://c.example.com/rss"/>'
                       '<outline text="D" xmlUrl="https://a.example.com/rss"/>'
                       '<outline text="E" xmlUrl="feed:///rss"/></body></opml>')
    code, out, _ = run_cli("opml", "import", "-v", str(listing), "--config", str(cfg))
    assert code == 0 and out.splitlines() == [
        "  + https://a.example.com/rss  (A)", "  + https://b.example.com/rss?x=1  (B)",
        "  + http://c.example.com/rss  (C)", "  - 'https://a.example.com/rss': listed twice in the file",
        "  - 'feed:///rss': not a usable http(s) URL",
        f"added 3 feeds to {cfg.resolve()}; skipped 2 (1 listed twice in the file, 1 not a usable http(s) URL)"]
    assert 'url = "https://a.example.com/rss"' in cfg.read_text() and "feed:" not in cfg.read_text()


@pytest.mark.parametrize("args,message", [
    (("add-feed", "ftp://example.com/feed"), "not an http(s) or file:// feed URL: 'ftp://example.com/feed'"),
    (("add-feed", "javascript:alert(1)"), "not an http(s) or file:// feed URL"),
    (("remove-feed", "https://nowhere.example.com/feed"), "no feed 'https://nowhere.example.com/feed'"),
])
def test_feed_edit_errors(args, message, make_config, run_cli):
    cfg = make_config(["https://a.example.com/feed"])
    before = cfg.read_text()
    code, out, err = run_cli(*args, "--config", str(cfg))
    assert code == 2 and out == "" and message in err and err.count("\n") == 1
    assert cfg.read_text() == before


def test_add_feed_takes_a_file_url_as_the_config_does_and_opml_export_says_it_left_it_out(make_config, run_cli,
                                                                                           tmp_path):
    """The config took a file:// feed and refresh read it, but add-feed refused it, and `opml
    export` dropped it without a word: a round trip lost the feed."""
    cfg = make_config(["https://a.example.com/feed"])
    feed = tmp_path / "local feed.xml"
    feed.write_text("<rss><channel><title>t</title></channel></rss>", encoding="utf-8")
    assert run_cli("add-feed", feed.as_uri(), "--config", str(cfg)) == (0, f"added {feed.as_uri()} to {cfg}\n", "")
    none = tmp_path / "none.xml"
    code, out, err = run_cli("add-feed", none.as_uri(), "--config", str(cfg))
    assert code == 2 and err == f"marketwatch: no file at {none}: {none.as_uri()!r}\n"
    assert run_cli("add-feed", "file://host.example.com/feed.xml", "--config", str(cfg))[0] == 2
    again = f"file://localhost{feed.as_uri()[len('file://'):]}"  # the same file, spelt another way
    assert run_cli("add-feed", again, "--config", str(cfg))[1].endswith("; nothing changed\n")
    code, out, err = run_cli("opml", "export", "--config", str(cfg), "-o", str(tmp_path / "x.opml"))
    assert code == 0 and out == ""
    assert err == (f"wrote 1 feed to {tmp_path / 'x.opml'}\n"
                   "marketwatch: left out 1 file:// feed (a file on this machine, not a web address)\n")


# -- export ------------------------------------------------------------------------------------------

def test_export_formats_and_filters(wire, run_cli, tmp_path):
    def export(*args):
        code, out, err = run_cli("export", "--config", wire, *args)
        assert code == 0, err
        return out

    rows = list(csv.DictReader(io.StringIO(export("--format", "csv"))))
    assert len(rows) == TIEUPS and rows[0]["title"] == TOYOTA_PONY and rows[0]["pairs"] == "Toyota–Pony.ai"
    assert export("--format", "md") == export("--format", "markdown") == export("--format", "MD")  # as -o x.md

    def titles(*args):
        return [s["title"] for s in json.loads(export("--format", "json", *args))]

    assert len(titles()) == TIEUPS
    assert titles("--company", "ford motor") == [FORD_BAIDU]
    assert titles("--alliance", "Renault-Nissan-Mitsubishi Alliance") == [RN_GOOGLE]
    assert titles("--watchlist", "China tie-ups") == [FORD_BAIDU, '=HYPERLINK("http://evil.example") '
                                                      "Toyota and Baidu partner on maps"]
    assert titles("--search", "infotainment") == [RN_GOOGLE]
    assert titles("--since", "2026-11-20") == [TOYOTA_PONY, RN_GOOGLE]
    assert titles("--kind", "oem-oem") == ["Ford and Toyota agree to share a battery plant"]
    assert len(titles("--kind", "all")) == TIEUPS + 1
    assert titles("--deal", "mou") == [FORD_BAIDU]
    assert export("--format", "markdown", "--deal", "mou", "--deal", "stake").startswith(
        "# marketwatch: OEM–tech tie-ups, deal MoU or stake\n\n- [Ford and Baidu sign MoU")
    md = export("--format", "markdown", "--company", "Ford")
    assert md.startswith("# marketwatch: OEM–tech tie-ups, company Ford\n\n- [Ford and Baidu sign MoU")
    # a period, by its days: the phrase typed means nothing in a file forwarded later
    assert titles("--since", "2026-11-20", "--until", "2026-11-22") == [RN_GOOGLE]
    assert export("--format", "markdown", "--since", "nov 2026", "--until", "2026-11-22").startswith(
        "# marketwatch: OEM–tech tie-ups, since 1 Nov 2026, until 22 Nov 2026\n")
    # -o says what it wrote on stderr, as `opml export -o` does (it said nothing)
    target = tmp_path / "out.md"
    assert run_cli("export", "--config", wire, "-o", str(target), "--company", "Ford") == (
        0, "", f"wrote 1 story to {target}\n")
    assert target.read_text() == md
    target = tmp_path / "out.json"
    assert run_cli("export", "--config", wire, "-o", str(target)) == (0, "", f"wrote {TIEUPS} stories to {target}\n")
    assert len(json.loads(target.read_text())) == TIEUPS


def test_export_errors(wire, run_cli):
    code, _, err = run_cli("export", "--config", wire, "--company", "Nokia")
    assert code == 2 and "no company 'Nokia'" in err
    code, _, err = run_cli("export", "--config", wire, "--format", "xls")
    assert code == 2


def test_choice_options_take_any_case_and_give_the_canonical_value(wire, run_cli, tmp_path):
    """`--format JSON` and `--group-by Alliance` were usage errors while `--kind OEM-OEM` and
    `--deal MoU` were taken: every option of a few fixed values takes them in any case."""
    code, out, err = run_cli("export", "--config", wire, "--format", "JSON")
    assert code == 0, err
    assert len(json.loads(out)) == TIEUPS
    assert run_cli("export", "--config", wire, "-f", "Markdown")[1].startswith("# marketwatch: OEM–tech tie-ups\n")
    assert run_cli("export", "--config", wire, "--format", "CSV")[1].startswith("published,title,url,")
    target = tmp_path / "out.txt"  # the canonical value, not the typed one, decides what is written
    assert run_cli("export", "--config", wire, "--format", "JSON", "-o", str(target))[0] == 0
    assert len(json.loads(target.read_text())) == TIEUPS
    code, out, err = run_cli("digest", "--config", wire, "--all", "--no-mark", "--group-by", "ALLIANCE")
    assert code == 0, err
    assert "## Renault-Nissan-Mitsubishi Alliance: 1\n" in out and "## Outside any alliance: 4\n" in out
    assert "## Toyota (OEM): 3\n" in run_cli("digest", "--config", wire, "--all", "--no-mark",
                                             "--group-by", "Company")[1]
    code, out, err = run_cli("export", "--config", wire, "--format", "xlsx")
    assert (code, out) == (2, "") and "'xlsx' is not one of 'csv', 'json', 'markdown'" in err


def test_every_choice_option_is_case_insensitive():
    """One rule for every command, so that the next option of fixed values does not bring the
    difference back."""
    import click

    from marketwatch.cli import cli

    def commands(group, path):
        for name, command in group.commands.items():
            yield f"{path} {name}", command
            if isinstance(command, click.Group):
                yield from commands(command, f"{path} {name}")

    choices = {(path, param.name): param.type for path, command in commands(cli, "marketwatch")
               for param in command.params if isinstance(param.type, click.Choice)}
    assert {("marketwatch export", "fmt"), ("marketwatch digest", "group_by"),
            ("marketwatch stories", "kind")} <= choices.keys()
    assert [key for key, choice in choices.items() if choice.case_sensitive] == []


def test_export_refuses_an_extension_of_no_format_it_writes(wire, run_cli, tmp_path):
    """`-o tieups.xlsx` wrote CSV into a file a spreadsheet then refused to open as what its
    name says: an extension that names no format of export's is a usage error, and the file
    is not made. --format writes it anyway; no extension at all is CSV, as stdout is."""
    target = tmp_path / "tieups.xlsx"
    code, out, err = run_cli("export", "--config", wire, "-o", str(target))
    assert (code, out) == (2, "") and "'.xlsx' is not a format export writes" in err and "--format" in err
    assert not target.exists()
    assert run_cli("export", "--config", wire, "-o", str(target), "--format", "csv")[0] == 0
    assert target.read_text().startswith("published,title,url,")
    assert run_cli("export", "--config", wire, "-o", str(tmp_path / "TIEUPS.MD"))[0] == 0
    assert (tmp_path / "TIEUPS.MD").read_text().startswith("# marketwatch: OEM–tech tie-ups")
    assert run_cli("export", "--config", wire, "-o", str(tmp_path / "tieups"))[0] == 0
    assert (tmp_path / "tieups").read_text().startswith("published,title,url,")


def test_export_to_a_file_is_all_or_nothing(wire, run_cli, tmp_path, monkeypatch):
    """A full disk (here: the sync before the rename fails) leaves last week's export as it was,
    and no partial file beside it."""
    import errno

    from marketwatch import export

    target = tmp_path / "tieups.csv"
    target.write_text("last week's export\n")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export.os, "fsync", full)
    code, out, err = run_cli("export", "--config", wire, "-o", str(target))
    assert (code, out) == (3, "")
    assert err == f"marketwatch: {target}: cannot write: No space left on device; the file there is as it was\n"
    assert target.read_text() == "last week's export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("mw.db")) == [
        "config.toml", "tieups.csv"]


def test_links_given_out_have_no_tracking_parameters_and_the_store_keeps_them(server, make_config, run_cli):
    """A link in an export, a digest or `stories --json` went out as the feed wrote it, with
    utm_* and fbclid; they are dropped there (the other parameters and the fragment stay), and
    the database keeps the link as the feed gave it."""
    import sqlite3

    tracked = ("https://wire.example.com/toyota-pony?id=7&utm_source=rss&utm_medium=feed"
               "&utm_campaign=toyota-pony&fbclid=IwAR0x#deal")
    clean = "https://wire.example.com/toyota-pony?id=7#deal"
    server.routes["/t.xml"] = Reply(200, rss([
        {"title": TOYOTA_PONY, "link": tracked, "date": "Mon, 23 Nov 2026 09:00:00 GMT"},
        {"title": FORD_BAIDU, "link": "https://wire.example.com/ford-baidu?utm_source=rss",
         "date": "Mon, 16 Nov 2026 09:00:00 GMT"},
        {"title": RN_GOOGLE, "link": "https://wire.example.com/rn-google?page=2",  # nothing to drop
         "date": "Sun, 22 Nov 2026 09:00:00 GMT"}]))
    cfg = make_config([server.url("/t.xml")])
    assert run_cli("refresh", "--config", str(cfg))[0] == 0
    expected = [clean, "https://wire.example.com/rn-google?page=2", "https://wire.example.com/ford-baidu"]

    def out(*args):
        code, text, err = run_cli(*args, "--config", str(cfg))
        assert code == 0, err
        return text

    assert [s["url"] for s in json.loads(out("stories", "--json"))] == expected
    assert [s["url"] for s in json.loads(out("export", "--format", "json"))] == expected
    assert [r["url"] for r in csv.DictReader(io.StringIO(out("export", "--format", "csv")))] == expected
    for text in (out("export", "--format", "markdown"), out("digest", "--no-mark")):
        assert f"](<{clean}>)" in text and "](<https://wire.example.com/ford-baidu>)" in text
        assert "utm_" not in text and "fbclid" not in text
    with sqlite3.connect(cfg.parent / "mw.db") as conn:  # stored as the feed wrote it
        assert tracked in [url for (url,) in conn.execute("SELECT url FROM stories")]


# -- digest ------------------------------------------------------------------------------------------

def test_digest_prints_new_tieups_once(wire, run_cli, server):
    code, out, err = run_cli("digest", "--config", wire)
    assert code == 0 and err == ""
    assert out.startswith(f"# marketwatch digest: {TIEUPS} new tie-up stories (2026-11-10 to 2026-11-23)\n\n")
    assert "## Toyota (OEM): 3\n" in out and "  with Pony.ai · joint venture · 2026-11-23 · feed0" in out
    assert run_cli("digest", "--config", wire) == (0, "", "")  # nothing new: nothing for cron to mail
    again = run_cli("digest", "--config", wire, "--all", "--no-mark", "--group-by", "alliance")[1]
    assert "## Renault-Nissan-Mitsubishi Alliance: 1\n" in again and "## Outside any alliance: 4\n" in again
    # digested before, all of them: the title called them "5 new tie-up stories"
    assert again.startswith(f"# marketwatch digest: {TIEUPS} tie-up stories (2026-11-10 to 2026-11-23)\n")
    baidu = run_cli("digest", "--config", wire, "--all", "--no-mark", "--company", "Baidu")[1]
    assert baidu.startswith("# marketwatch digest (company Baidu): 2 tie-up stories (")
    newer = WIRE.read_text().replace("<channel>", "<channel><item><title>Nissan teams up with Baidu on voice "
                                     "assistant</title><link>https://wire.example.com/nb</link>"
                                     "<pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate></item>", 1)
    server.routes["/w.xml"] = Reply(200, newer.encode())
    run_cli("refresh", "--config", wire)
    out = run_cli("digest", "--config", wire)[1]
    assert out.startswith("# marketwatch digest: 1 new tie-up story (2026-11-24)")
    assert "## Baidu (tech): 1" in out and "## Nissan (OEM): 1" in out


def test_digest_since_and_no_mark(wire, run_cli):
    out = run_cli("digest", "--config", wire, "--since", "2026-11-20", "--no-mark")[1]
    assert out.startswith("# marketwatch digest: 2 new tie-up stories (2026-11-22 to 2026-11-23)")
    assert "Published since 2026-11-20 00:00 UTC." in out
    assert run_cli("digest", "--config", wire, "--since", "2026-11-20")[1] == out
    rest = run_cli("digest", "--config", wire)[1]
    assert rest.startswith("# marketwatch digest: 3 new tie-up stories")
    code, _, err = run_cli("digest", "--config", wire, "--since", "when pigs fly")
    assert code == 2 and "cannot understand the date" in err



def test_a_narrowed_digest_remembers_what_it_sent_apart(wire, run_cli):
    """The China team's Monday digest must not take the news from the digest of everything, nor
    the other way round; each sends a story once."""
    out = run_cli("digest", "--config", wire, "--watchlist", "china TIE-UPS")[1]
    assert out.startswith("# marketwatch digest (watchlist China tie-ups): 2 new tie-up stories")
    assert "Ford and Baidu sign MoU" in out and "Toyota and Pony.ai form" not in out
    assert run_cli("digest", "--config", wire, "--watchlist", "China tie-ups") == (0, "", "")
    assert run_cli("digest", "--config", wire)[1].startswith(f"# marketwatch digest: {TIEUPS} new")
    baidu = run_cli("digest", "--config", wire, "--company", "baidu")[1]
    assert baidu.startswith("# marketwatch digest (company Baidu): 2 new")
    assert [line for line in baidu.splitlines() if line.startswith("## ")] == ["## Baidu (tech): 2"]  # not also Ford's
    china = run_cli("digest", "--config", wire, "--all", "--no-mark", "--watchlist", "China tie-ups",
                    "--group-by", "alliance")[1]
    assert "## Outside any alliance: 2" in china  # grouped by alliance, a watchlist keeps every section
    deals = run_cli("digest", "--config", wire, "--deal", "mou", "--deal", "joint-venture")[1]
    assert deals.startswith("# marketwatch digest (deal joint venture or MoU): 2 new")
    assert "Ford and Baidu sign MoU" in deals and "Toyota and Pony.ai form robotaxi joint venture" in deals
    assert run_cli("digest", "--config", wire, "--deal", "joint-venture", "--deal", "mou") == (0, "", "")
    assert run_cli("digest", "--config", wire, "--deal", "mou")[1].startswith("# marketwatch digest (deal MoU): 1 new")
    code, out, err = run_cli("digest", "--config", wire, "--watchlist", "nope")
    assert (code, out) == (2, "") and err.startswith("marketwatch: no watchlist 'nope' in the config")


def undigested(wire: str) -> int:
    from marketwatch.config import load_config
    from marketwatch.store import Store

    with Store(load_config(wire).settings.db, create=False) as store:
        return store.conn.execute("SELECT count(*) FROM stories WHERE kind = 'oem-tech' AND digested IS NULL"
                                  ).fetchone()[0]


def test_a_digest_is_remembered_only_once_it_was_read_to_the_end(wire):
    """`marketwatch digest | head -c 100`: the pipe took the digest, the reader did not: nothing
    is marked. A full disk neither; a reader that takes it all, yes."""
    import os
    import subprocess
    import sys

    command = [sys.executable, "-m", "marketwatch", "digest", "--config", wire]
    reader = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    head = os.read(reader.stdout.fileno(), 100)  # exactly what `head -c 100` takes, then it is gone
    reader.stdout.close()
    assert reader.wait(timeout=120) == 0
    assert reader.stderr.read() == (b"marketwatch: digest: its reader did not take all of it; no story was "
                                    b"marked as digested\n")
    assert head.startswith(b"# marketwatch digest: 5 new") and undigested(wire) == TIEUPS

    with open("/dev/full", "w") as full:
        done = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 3 and done.stderr == ("marketwatch: cannot write to standard output: "
                                                    "No space left on device\n")
    assert undigested(wire) == TIEUPS

    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.startswith("# marketwatch digest: 5 new")
    assert undigested(wire) == 0


# -- check-config ------------------------------------------------------------------------------------

def test_check_config_warns_about_unused_aliases_and_alias_less_companies(wire, run_cli, monkeypatch):
    monkeypatch.setattr("marketwatch.cli.config_cmds.ALIAS_MIN_ENTRIES", 5)  # the fixture's 7 entries suffice
    cfg = Path(wire)
    cfg.write_text(cfg.read_text() + '\n[companies.Momenta]\nkind = "tech"\naliases = []\n')
    code, out, err = run_cli("check-config", "--config", wire)
    assert code == 0 and "OK" in out
    warnings = err.splitlines()
    assert "marketwatch: warning: companies.Momenta has no aliases, so it never matches" in warnings
    # "Renault-Nissan alliance" is the alliance's alias (longest match), so Renault's aliases never matched.
    assert ("marketwatch: warning: no match in the last 90 days for Renault: 'Renault', 'Groupe Renault', "
            "'Renault Group'" in warnings)
    assert "aliases (of companies and alliances) matched in the last 90 days (7 entries)" in out
    # the companies' 30 and the alliance's 3, which the summary names: "30 aliases", "1 (3 aliases)"
    assert " of 33 aliases (of companies and alliances)" in out
    assert "; 30 aliases)\n  alliances:  1 (3 aliases)\n" in out
    data = json.loads(run_cli("check-config", "--config", wire, "--json")[1])
    assert data["entries_checked"] == 7 and data["companies_without_aliases"] == ["Momenta"]
    assert data["unused_aliases"]["Nissan"] == ["Nissan", "Nissan Motor"] and "Pony.ai" not in data["unused_aliases"]
    assert data["unused_aliases"]["Toyota"] == ["Toyota Motor"] and data["unused_aliases"]["Ford"] == ["Ford Motor"]
    assert data["unused_aliases"]["Alphabet"] == ["Alphabet"]  # Google did


def test_check_config_after_a_first_refresh_of_a_few_entries_warns_of_no_alias(wire, run_cli):
    """After a first refresh of 8 entries it warned "no match in the last 90 days for Nissan ...,
    General Motors ... and 120 more", which read as if the aliases were misspelt."""
    code, out, err = run_cli("check-config", "--config", wire)
    assert code == 0 and "in the last 90 days for" not in err
    assert "(7 entries: too few to tell which never match, said from 200)" in out


def test_check_config_names_ten_owners_with_unused_aliases_those_never_named_first(wire, run_cli, monkeypatch):
    """On a young database most aliases of the shipped config's 130 companies have not come
    up: 130 lines buried the warnings above them."""
    monkeypatch.setattr("marketwatch.cli.config_cmds.ALIAS_MIN_ENTRIES", 5)
    cfg = Path(wire)
    cfg.write_text(cfg.read_text() + "".join(f'\n[companies.Startup{i}]\nkind = "tech"\naliases = ["Startup{i}"]\n'
                                             for i in range(12)))
    code, _, err = run_cli("check-config", "--config", wire)
    lines = [line for line in err.splitlines() if "in the last 90 days" in line]
    assert code == 0 and len(lines) == 11
    named = [line.split(" for ")[1].split(":")[0] for line in lines[:10]]
    assert lines[10].startswith("marketwatch: warning: and ") and "--json lists them under unused_aliases" in lines[10]
    unused = json.loads(run_cli("check-config", "--config", wire, "--json")[1])["unused_aliases"]
    assert len(unused) == 10 + int(lines[10].split()[3]) and unused["Startup11"] == ["Startup11"]
    from marketwatch.config import load_config

    config = load_config(cfg)
    aliases = {**{c.name: c.aliases for c in config.companies.values()},
               **{a.name: a.aliases for a in config.alliances.values()}}
    never = [owner for owner in unused if unused[owner] == list(aliases[owner])]
    assert named == never[:10] and "Renault" in named and "Toyota" not in named  # Toyota matched, not its long name


def test_check_config_warns_about_feeds_of_one_name(make_config, run_cli):
    cfg = make_config(["https://a.example/feed", "https://b.example/feed"])
    cfg.write_text(cfg.read_text().replace('name = "feed1"', 'name = "feed0"'), encoding="utf-8")
    code, _, err = run_cli("check-config", "--config", str(cfg))
    assert code == 0 and ("marketwatch: warning: 2 feeds are named 'feed0' (https://a.example/feed, "
                          "https://b.example/feed); give each a name of its own") in err.splitlines()


def test_check_config_warns_about_a_config_that_can_find_no_tieup(run_cli, tmp_path):
    """An empty file, or one an edit took the feeds or the companies out of, is valid, and
    check-config said OK and nothing else: refresh then fetched nothing, or found no tie-up."""
    empty = tmp_path / "empty.toml"
    empty.write_text('[settings]\ndb = "mw.db"\n')
    code, out, err = run_cli("check-config", "--config", str(empty))
    assert code == 0 and "OK" in out
    assert err.splitlines() == [
        "marketwatch: warning: the config lists no feeds ([[feeds]]), so `marketwatch refresh` has nothing to fetch "
        "(marketwatch add-feed URL adds one)",
        'marketwatch: warning: the config lists no companies ([companies."Name"]), so no story is a tie-up']
    oems = tmp_path / "oems.toml"
    oems.write_text('[settings]\ndb = "mw.db"\n\n[[feeds]]\nurl = "https://example.com/f"\n\n'
                    '[companies.Ford]\nkind = "oem"\naliases = ["Ford"]\n')
    code, out, err = run_cli("check-config", "--config", str(oems), "--json")
    assert code == 0 and json.loads(out)["companies"] == 1
    assert err == 'marketwatch: warning: no company has kind = "tech", so no story is an OEM–tech tie-up\n'


def test_check_config_without_a_database_creates_none(make_config, run_cli, tmp_path):
    cfg = make_config(["https://example.com/f"])
    code, out, err = run_cli("check-config", "--config", str(cfg))
    assert code == 0 and err == "" and "no database yet" in out
    assert not (tmp_path / "mw.db").exists()


def test_check_config_with_an_unreadable_database_does_not_say_there_is_none(make_config, run_cli, tmp_path):
    """It said "no database yet (run `marketwatch refresh`)" above the warning that the file is
    no marketwatch database, and refresh would then fail on it."""
    cfg = make_config(["https://example.com/f"])
    bad = tmp_path / "notes.db"
    bad.write_text("not a database\n", encoding="utf-8")
    code, out, err = run_cli("check-config", "--config", str(cfg), "--db", str(bad))
    assert code == 0 and "cannot check which aliases match" in err
    assert "alias use:  not checked (the database could not be read)" in out and "no database yet" not in out


def test_alias_usage_counts_recent_entries_only(wire, run_cli):
    from datetime import timedelta

    from marketwatch import dates
    from marketwatch.cli.config_cmds import alias_usage
    from marketwatch.config import load_config
    from marketwatch.store import Store

    config = load_config(wire)
    with Store(config.settings.db) as store:
        store.conn.execute("UPDATE stories SET first_seen = '2020-01-01T00:00:00Z'")
        later = dates.from_iso("2026-11-23T09:00:00Z") + timedelta(days=91)
        assert alias_usage(config, store.conn, now=later)["entries"] == 0
        usage = alias_usage(config, store.conn, now=later - timedelta(days=1))
        assert usage["entries"] == 1 and usage["unused"]["Toyota"] == ["Toyota Motor"]
        assert usage["unused"]["Ford"] == ["Ford", "Ford Motor"] and "Pony.ai" not in usage["unused"]


# -- scheduling files, logging, colour ---------------------------------------------------------------

def test_contrib_systemd_units_and_crontab():
    service = (ROOT / "contrib" / "marketwatch-refresh.service").read_text()
    timer = (ROOT / "contrib" / "marketwatch-refresh.timer").read_text()
    crontab = (ROOT / "contrib" / "crontab.example").read_text()
    [exec_start] = [line for line in service.splitlines() if line.startswith("ExecStart=")]
    assert shlex.split(exec_start)[1:4] == ["refresh", "--log-file", "%S/marketwatch/refresh.log"]
    assert "Type=oneshot" in service and "[Service]" in service
    assert "OnCalendar=" in timer and "Persistent=true" in timer and "WantedBy=timers.target" in timer
    jobs = [line for line in crontab.splitlines() if line and not line.startswith("#") and "=" not in line[:8]]
    assert len(jobs) == 2
    for job in jobs:
        fields = job.split(None, 5)
        assert len(fields) == 6 and "%" not in job  # % would be a newline in crontab
        command = shlex.split(fields[5])
        assert command[0].endswith("/marketwatch") and command[1] in ("refresh", "digest")


def test_refresh_log_file_records_failures(server, make_config, run_cli, tmp_path):
    server.routes["/w.xml"] = Reply(200, WIRE.read_bytes())
    cfg = str(make_config([server.url("/w.xml"), server.url("/gone.xml")]))
    log = tmp_path / "state" / "refresh.log"
    code, out, err = run_cli("refresh", "--config", cfg, "--log-file", str(log))
    assert code == 1 and out == "" and "feed1: HTTP 404 Not Found" in err
    lines = log.read_text().splitlines()
    assert "refresh: 2 feeds, 1 failed" in lines[0] and "failed: feed1: HTTP 404 Not Found" in lines[1]
    assert stat.S_IMODE(log.stat().st_mode) == 0o600  # it names what the user watches, as the database does
    log.chmod(0o640)  # a mode the user chose is kept
    run_cli("refresh", "--config", cfg, "--log-file", str(log))
    assert stat.S_IMODE(log.stat().st_mode) == 0o640 and log.read_text().splitlines()[:len(lines)] == lines


def test_every_output_file_gets_its_missing_folders_made(server, make_config, run_cli, tmp_path):
    """`refresh --log-file` made its log's folders, `export -o` and `opml export -o` refused:
    "cannot write: No such file or directory". All three make them now."""
    server.routes["/w.xml"] = Reply(200, WIRE.read_bytes())
    cfg = str(make_config([server.url("/w.xml")]))
    assert run_cli("refresh", "--config", cfg, "--log-file", str(tmp_path / "state" / "refresh.log"))[0] == 0
    csv = tmp_path / "reports" / "2026-11" / "tieups.csv"
    assert run_cli("export", "--config", cfg, "-o", str(csv)) == (0, "", f"wrote 5 stories to {csv}\n")
    assert csv.read_text().startswith("published,title,")
    opml = tmp_path / "feeds" / "all.opml"
    assert run_cli("opml", "export", "--config", cfg, "-o", str(opml)) == (0, "", f"wrote 1 feed to {opml}\n")
    assert server.url("/w.xml") in opml.read_text()


def test_no_color_is_respected(monkeypatch):
    import sys

    from marketwatch.cli.options import color, style

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert color() and style("x", fg="red") != "x"
    monkeypatch.setenv("NO_COLOR", "1")
    assert not color() and style("x", fg="red") == "x"


def test_add_feed_into_an_empty_config_is_how_one_may_start(tmp_path, run_cli):
    """Other commands refuse an empty config (a save cut short); add-feed writes its first feed."""
    cfg = tmp_path / "config.toml"
    cfg.write_text("")
    code, _, err = run_cli("add-feed", "https://a.example.com/feed", "--config", str(cfg))
    assert code == 0, err
    assert 'url = "https://a.example.com/feed"' in cfg.read_text()
    cfg.write_text("")
    assert run_cli("stories", "--config", str(cfg))[0] == 2


@pytest.mark.parametrize("tz, end, last", [("America/New_York", (2026, 3, 9), "8 Mar 2026"),
                                            ("Europe/Berlin", (2026, 10, 26), "25 Oct 2026"),
                                            ("UTC", (2026, 12, 1), "30 Nov 2026")])
def test_an_exports_last_day_is_a_day_back_in_local_dates(tz, end, last, monkeypatch):
    """24 hours back from a midnight across a change to summer time titled an export "until 7 Mar
    2026 23:00" for `--until 2026-03-08` in New York."""
    import time
    from datetime import datetime

    from marketwatch.cli.workflow import _last_day

    monkeypatch.setenv("TZ", tz)
    time.tzset()
    try:
        assert _last_day(datetime(*end).astimezone()) == last  # the local midnight --until ends at
    finally:
        monkeypatch.undo()
        time.tzset()
