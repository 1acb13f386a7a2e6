"""The headless commands as cron and scripts use them: output, JSON shapes, exit statuses."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import Reply, rss
from db_damage import damage_root_page

TIEUP = {"title": "Ford and Baidu sign MoU on robotaxis", "link": "https://n.example.com/ford-baidu",
         "description": "The deal covers China.", "date": "Mon, 23 Nov 2026 09:00:00 GMT"}
TERMINATED = 128 + signal.SIGTERM  # what the dashboard exits with, too
RIVAL = {"title": "Renault-Nissan alliance picks Google for infotainment", "link": "https://n.example.com/rn-g",
         "date": "Sun, 22 Nov 2026 09:00:00 GMT"}


def test_refresh_is_silent_on_success_and_json_on_request(server, make_config, run_cli):
    server.routes["/a.xml"] = Reply(200, rss([TIEUP, RIVAL]))
    cfg = str(make_config([server.url("/a.xml")]))
    code, out, err = run_cli("refresh", "--config", cfg)
    assert (code, out, err) == (0, "", "")
    server.routes["/a.xml"] = Reply(200, rss([TIEUP, RIVAL, dict(TIEUP, title="BMW partners with Alibaba",
                                                                   link="https://n.example.com/bmw")]))
    code, out, _ = run_cli("refresh", "--config", cfg, "--json")
    data = json.loads(out)
    assert code == 0 and data["new_stories"] == 1 and data["failed"] == 0


def test_refresh_exit_1_with_a_line_per_failed_feed(server, make_config, run_cli):
    server.routes["/a.xml"] = Reply(200, rss([TIEUP]))
    server.routes["/bad.xml"] = Reply(500, b"boom")
    cfg = str(make_config([server.url("/a.xml"), server.url("/bad.xml")]))
    code, out, err = run_cli("refresh", "--config", cfg)
    assert code == 1 and out == ""
    assert err.strip() == "marketwatch: feed1: HTTP 500 Internal Server Error"


def test_a_damaged_gzip_body_is_said_to_be_one(server, make_config, run_cli):
    """It was taken for a plain body mislabelled, and reported as "not well-formed XML"."""
    import gzip

    packed = gzip.compress(rss([TIEUP]))
    server.routes["/a.xml"] = Reply(200, packed[:10] + bytes(range(256)) * 4,
                                    {"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"})
    code, out, err = run_cli("refresh", "--config", str(make_config([server.url("/a.xml")])))
    assert (code, out) == (1, "")
    assert err == "marketwatch: feed0: the gzip-compressed body could not be decompressed (damaged or cut short)\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_utf16_feed_with_a_byte_order_mark_is_read_whatever_charset_the_server_says(server, make_config,
                                                                                       run_cli, encoding):
    """Served as `charset=utf-8`, it failed as "not well-formed XML (invalid token)"."""
    bom = b"\xff\xfe" if encoding.endswith("le") else b"\xfe\xff"
    body = bom + rss([TIEUP]).decode("utf-8").replace('encoding="utf-8"', 'encoding="utf-16"').encode(encoding)
    server.routes["/a.xml"] = Reply(200, body, {"Content-Type": "application/rss+xml; charset=utf-8"})
    cfg = str(make_config([server.url("/a.xml")]))
    assert run_cli("refresh", "--config", cfg) == (0, "", "")
    assert [s["title"] for s in json.loads(run_cli("stories", "--config", cfg, "--json")[1])] == [TIEUP["title"]]


def test_refresh_of_a_config_with_no_feeds_says_so(make_config, run_cli):
    """It exited 0 in silence: a cron job that fetched nothing, every half hour, unseen."""
    cfg = make_config([])
    code, out, err = run_cli("refresh", "--config", str(cfg))
    assert (code, out) == (0, "")
    assert err == (f"marketwatch: warning: {cfg.resolve()}: the config lists no feeds ([[feeds]]), so there is "
                   "nothing to fetch (marketwatch add-feed URL adds one)\n")


def test_feeds_of_a_config_with_no_feeds_says_so(make_config, run_cli):
    """It printed nothing at all, not even its header."""
    cfg = make_config([])
    assert run_cli("refresh", "--config", str(cfg))[0] == 0  # the database, with no feed in it
    assert run_cli("feeds", "--config", str(cfg)) == (
        0, "", f"marketwatch: {cfg.resolve()}: the config lists no feeds (marketwatch add-feed URL adds one)\n")
    assert run_cli("feeds", "--config", str(cfg), "--json")[1].strip() == "[]"


def test_refresh_verbose_prints_progress_and_summary(server, make_config, run_cli):
    server.routes["/a.xml"] = Reply(200, rss([TIEUP]))
    code, out, _ = run_cli("refresh", "-v", "--config", str(make_config([server.url("/a.xml")])))
    assert code == 0
    assert out.splitlines() == ["[1/1] ok           feed0: 1 new story, 1 tie-up",
                                "1 feed, 0 failed, 1 new story, 1 new tie-up", f"  + {TIEUP['title']}"]
    server.routes["/a.xml"] = Reply(200, rss([TIEUP, RIVAL, dict(TIEUP, title="BMW partners with Alibaba",
                                                                   link="https://n.example.com/bmw")]))
    code, out, _ = run_cli("refresh", "-v", "--config", str(make_config([server.url("/a.xml")])))
    assert out.splitlines()[:2] == ["[1/1] ok           feed0: 2 new stories, 2 tie-ups",
                                    "1 feed, 0 failed, 2 new stories, 2 new tie-ups"]  # "2 new, 2 tie-ups"


def test_stories_json_shape_and_filters(server, make_config, run_cli):
    server.routes["/a.xml"] = Reply(200, rss([TIEUP, RIVAL]))
    cfg = str(make_config([server.url("/a.xml")]))
    run_cli("refresh", "--config", cfg)
    code, out, _ = run_cli("stories", "--config", cfg, "--json")
    stories = json.loads(out)
    assert code == 0 and [s["title"] for s in stories] == [TIEUP["title"], RIVAL["title"]]
    first = stories[0]
    assert set(first) >= {"id", "title", "url", "published", "feeds", "summary", "companies", "pairs",
                          "alliances", "deal_type"}
    assert first["pairs"] == [["Ford", "Baidu"]] and first["deal_type"] == "mou"
    assert first["pair_deal_types"] == ["mou"]
    assert first["published"] == "2026-11-23T09:00:00Z" and first["feeds"] == ["feed0"]
    named = {name["company"]: first["sentence"][name["start"]:name["end"]] for name in first["names"]}
    assert named == {"Ford": "Ford", "Baidu": "Baidu"}

    def titles(*args):
        return [s["title"] for s in json.loads(run_cli("stories", "--config", cfg, "--json", *args)[1])]

    assert titles("--company", "ford motor") == [TIEUP["title"]]
    assert titles("--alliance", "renault-nissan-mitsubishi alliance") == [RIVAL["title"]]
    assert titles("--watchlist", "China tie-ups") == [TIEUP["title"]]
    assert titles("--search", "infotainment") == [RIVAL["title"]]
    assert titles("--since", "2026-11-23") == [TIEUP["title"]]
    assert titles("--limit", "1") == [TIEUP["title"]]
    assert titles("--kind", "oem-oem") == []
    assert titles("--kind", "OEM-Tech") == [TIEUP["title"], RIVAL["title"]]  # any case, as --deal MoU is
    assert titles("--deal", "mou") == [TIEUP["title"]]
    assert titles("--deal", "stake", "--deal", "mou") == [TIEUP["title"]]
    assert titles("--deal", "joint-venture") == []
    code, _, err = run_cli("stories", "--config", cfg, "--deal", "jv")
    assert code == 2 and err.startswith("marketwatch: error: --deal: 'jv' is not one of 'partnership', 'supply'")


def test_two_narrowings_at_once_are_refused_not_one_dropped(make_config, run_cli):
    """`--company Waymo --watchlist Robotaxi` listed Waymo's stories alone, and a digest of it
    remembered them as the Waymo digest's: the watchlist was dropped without a word."""
    cfg = str(make_config([]))
    for command in ("stories", "export", "digest"):
        assert run_cli(command, "--config", cfg, "--company", "Ford", "--watchlist", "China tie-ups") == (
            2, "", "marketwatch: error: --company and --watchlist: give one of them; a view is narrowed to one"
                   f" (see marketwatch {command} --help)\n")


def test_stories_table_output(server, make_config, run_cli):
    server.routes["/a.xml"] = Reply(200, rss([TIEUP]))
    cfg = str(make_config([server.url("/a.xml")]))
    run_cli("refresh", "--config", cfg)
    code, out, _ = run_cli("stories", "--config", cfg)
    assert code == 0 and "2026-11-23" in out and TIEUP["title"] in out and "Ford–Baidu" in out


def on_terminal(*args: str, columns: int) -> str:
    """stdout of `marketwatch ARGS` run on a pseudo-terminal `columns` wide (no colour)."""
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    try:
        subprocess.run([sys.executable, "-m", "marketwatch", *args], stdout=follower, stderr=subprocess.DEVNULL,
                       env={**env, "NO_COLOR": "1"}, timeout=120, check=True)
        os.close(follower)
        follower = None
        chunks = []
        with contextlib.suppress(OSError):  # EIO once all is read
            while chunk := os.read(leader, 65536):
                chunks.append(chunk)
    finally:
        if follower is not None:
            os.close(follower)
        os.close(leader)
    return b"".join(chunks).decode().replace("\r\n", "\n")


def test_stories_table_fits_chinese_headlines_to_the_terminal(server, make_config, run_cli):
    """Cut by characters, a headline in Chinese (two cells a character) took twice its room."""
    import unicodedata

    title = "丰田与小马智行成立合资公司，共同推进自动驾驶出租车在中国的量产与运营 Toyota and Pony.ai joint venture"
    server.routes["/a.xml"] = Reply(200, rss([dict(TIEUP, title=title)]))
    cfg = str(make_config([server.url("/a.xml")]))
    run_cli("refresh", "--config", cfg)
    first = on_terminal("stories", "--config", cfg, columns=80).splitlines()[0]
    assert first.startswith("2026-11-23  ") and "丰田与小马智行" in first and first.endswith("…")
    cells = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in first)
    assert 78 <= cells <= 80


def test_stories_in_a_file_or_a_pipe_keeps_whole_titles(server, make_config, run_cli):
    """`stories > list.txt` cut titles at 120 columns (the width assumed without a terminal), so
    `grep` missed their ends; and a joint venture's deal type filled its column and touched the
    title (`joint-venture Toyota and…`)."""
    title = ("Toyota and Baidu form a joint venture to build robotaxis for Chinese cities, with a fleet of "
             "a thousand cars by 2028 and a second phase across Southeast Asia that ends in Singapore")
    server.routes["/a.xml"] = Reply(200, rss([dict(TIEUP, title=title)]))
    cfg = str(make_config([server.url("/a.xml")]))
    run_cli("refresh", "--config", cfg)
    code, out, _ = run_cli("stories", "--config", cfg)
    assert code == 0 and out.splitlines() == [f"2026-11-23  joint venture  {title}", " " * 12 + "Toyota–Baidu"]
    cut = on_terminal("stories", "--config", cfg, columns=100).splitlines()[0]
    assert cut.startswith("2026-11-23  joint venture  Toyota and Baidu") and cut.endswith("…") and len(cut) == 100


def test_stories_says_when_its_limit_cut_the_list(server, make_config, run_cli):
    """50 stories by default, and nothing said: a list cut at --limit looked like all there was."""
    server.routes["/a.xml"] = Reply(200, rss([TIEUP, RIVAL]))
    cfg = str(make_config([server.url("/a.xml")]))
    run_cli("refresh", "--config", cfg)
    code, out, err = run_cli("stories", "--config", cfg, "--limit", "1")
    assert code == 0 and TIEUP["title"] in out and RIVAL["title"] not in out
    assert err == "The 1 newest of 2 stories; --limit 2 lists them all.\n"
    assert run_cli("stories", "--config", cfg, "--limit", "2")[2] == ""  # all of them: nothing to say
    code, out, err = run_cli("stories", "--config", cfg, "--limit", "1", "--json")
    assert (code, len(json.loads(out))) == (0, 1)  # stdout stays pure JSON
    assert err == "The 1 newest of 2 stories; --limit 2 lists them all.\n"  # as the text and the default do


def test_stories_json_cut_at_the_default_limit_says_so_on_stderr(server, make_config, run_cli):
    """`stories --json | python -c 'len(...)'` printed 50 of 86 with nothing said: a script writer
    took the 50 for all there was. stdout stays pure JSON."""
    items = [dict(TIEUP, guid=f"t{i}", link=f"https://example.com/t{i}", title=f"{TIEUP['title']} ({i})")
             for i in range(52)]
    server.routes["/a.xml"] = Reply(200, rss(items))
    cfg = str(make_config([server.url("/a.xml")]))
    run_cli("refresh", "--config", cfg)
    code, out, err = run_cli("stories", "--config", cfg, "--json")
    assert (code, len(json.loads(out))) == (0, 50)
    assert err == "The 50 newest of 52 stories; --limit 52 lists them all.\n"


def test_stories_before_any_feed_says_how_to_add_one(make_config, run_cli):
    """A config with no feeds, refreshed: "Run `marketwatch refresh`" sent the user round in a loop."""
    cfg = make_config([])
    run_cli("refresh", "--config", str(cfg))
    code, out, err = run_cli("stories", "--config", str(cfg))
    assert (code, out) == (0, "")
    assert err == f"No stories yet, and {cfg} lists no feeds: `marketwatch add-feed URL` adds one.\n"


def test_limit_takes_a_number_grouped_by_thousands(server, make_config, run_cli):
    """`--limit 100,000` was "not a whole number", though the help and the errors write it so."""
    server.routes["/a.xml"] = Reply(200, rss([TIEUP, RIVAL]))
    cfg = str(make_config([server.url("/a.xml")]))
    run_cli("refresh", "--config", cfg)
    for limit in ("100,000", "1,000", "+1,000"):
        code, out, err = run_cli("stories", "--config", cfg, "--limit", limit, "--json")
        assert (code, err, len(json.loads(out))) == (0, "", 2), limit
    see = " (see marketwatch stories --help)\n"
    assert run_cli("stories", "--config", cfg, "--limit", "1,000,000") == (
        2, "", "marketwatch: error: --limit: 1,000,000 is out of range; give a whole number from 1 to 100,000" + see)
    for bad in ("1,00", ",5", "1,0000", "10,000,", "1,,000", "1 000"):
        assert run_cli("stories", "--config", cfg, "--limit", bad) == (
            2, "", f"marketwatch: error: --limit: {bad!r} is not a whole number; give a whole number from 1 to "
                   "100,000" + see), bad


def test_the_table_writes_a_pairs_own_deal_beside_it(server, make_config, run_cli, monkeypatch):
    """`--deal partnership` finds this MoU story by its pairs with Alibaba: the table must show
    which pairs those are, as exports and notifications do, or the row seems not to match."""
    story = {"title": "Renault-Nissan-Mitsubishi Alliance signs MoU with Didi on EV sharing",
             "link": "https://n.example.com/rnm-didi", "guid": "rnm-didi", "date": "Mon, 23 Nov 2026 09:00:00 GMT",
             "description": "The alliance and Didi will build the platform together. Separately, "
                            "BMW, Volvo and Ford partner with Alibaba on connected cars."}
    server.routes["/a.xml"] = Reply(200, rss([story]))
    cfg = str(make_config([server.url("/a.xml")]))
    run_cli("refresh", "--config", cfg)
    monkeypatch.setenv("COLUMNS", "200")  # the table fits the terminal's width
    code, out, _ = run_cli("stories", "--config", cfg, "--deal", "partnership")
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert code == 0 and lines[0].startswith("2026-11-23 MoU Renault-Nissan-Mitsubishi Alliance signs MoU")
    assert lines[1] == ("BMW–Alibaba (partnership), Ford–Alibaba (partnership), Mitsubishi–Didi, Nissan–Didi, "
                        "Renault–Didi, Volvo Cars–Alibaba (partnership)")
    # Under --company the line writes the company's own deal, as its dashboard pane does: Ford is
    # here for its partnership with Alibaba, and the line said `MoU`. The pairs of the story's
    # MoU carry theirs now.
    code, out, _ = run_cli("stories", "--config", cfg, "--company", "Ford", "--deal", "partnership")
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert code == 0 and lines[0].startswith("2026-11-23 partnership Renault-Nissan-Mitsubishi Alliance signs MoU")
    assert lines[1] == ("BMW–Alibaba, Ford–Alibaba, Mitsubishi–Didi (MoU), Nissan–Didi (MoU), Renault–Didi (MoU), "
                        "Volvo Cars–Alibaba")
    assert out.splitlines()[0].startswith("2026-11-23  partnership    Renault")  # the column as wide as before
    lines = [" ".join(line.split()) for line in run_cli("stories", "--config", cfg, "--company", "Renault")[1]
             .splitlines()]  # Renault's own deal is the story's
    assert lines[0].startswith("2026-11-23 MoU Renault-Nissan") and lines[1].startswith("BMW–Alibaba (partnership), ")
    [story] = json.loads(run_cli("stories", "--config", cfg, "--company", "Ford", "--deal", "partnership",
                                 "--json")[1])  # --json keeps the story's deal and each pair's
    assert story["deal_type"] == "mou" and story["pair_deal_types"] == [
        "partnership", "partnership", "mou", "mou", "mou", "partnership"]
    # The table writes `MoU`, as the dashboard does; the option takes it as written there.
    code, out, _ = run_cli("stories", "--config", cfg, "--deal", "MoU", "--json")
    assert code == 0 and [s["deal_type"] for s in json.loads(out)] == ["mou"]
    code, out, _ = run_cli("stories", "--config", cfg, "--deal", "joint venture", "--json")
    assert code == 0 and json.loads(out) == []
    code, _, err = run_cli("stories", "--config", cfg, "--deal", "joint ventures")
    assert code == 2 and "joint ventures" in err


def test_an_empty_result_says_whether_to_refresh_or_to_widen_the_filters(server, make_config, run_cli):
    server.routes["/a.xml"] = Reply(503, b"down")
    cfg = str(make_config([server.url("/a.xml")]))
    assert run_cli("refresh", "--config", cfg)[0] == 1  # a database, but no story in it
    code, out, err = run_cli("stories", "--config", cfg)
    assert (code, out) == (0, "") and "Run `marketwatch refresh`" in err
    server.routes["/a.xml"] = Reply(200, rss([TIEUP]))
    run_cli("refresh", "--config", cfg)
    code, out, err = run_cli("stories", "--config", cfg, "--company", "Toyota")
    assert (code, out) == (0, "") and err.strip() == "No stories match these filters."


def test_unknown_names_and_bad_dates_are_usage_errors(server, make_config, run_cli):
    cfg = str(make_config([]))
    code, _, err = run_cli("stories", "--config", cfg, "--company", "Nokia")
    assert code == 2 and "no company 'Nokia'" in err
    code, _, err = run_cli("stories", "--config", cfg, "--since", "when pigs fly")
    assert code == 2 and "cannot understand the date" in err


@pytest.mark.parametrize("option", ["--company", "--alliance", "--watchlist", "--search"])
def test_an_empty_name_or_search_is_a_usage_error_not_every_story(option, server, make_config, run_cli):
    """`stories --company "$UNSET"` listed every story, as though they were the company's."""
    server.routes["/a.xml"] = Reply(200, rss([TIEUP]))
    cfg = str(make_config([server.url("/a.xml")]))
    run_cli("refresh", "--config", cfg)
    what = "text" if option == "--search" else "name"
    for command in ("stories", "export"):
        assert run_cli(command, "--config", cfg, option, " ") == (
            2, "", f"marketwatch: error: {option}: the {what} is empty (see marketwatch {command} --help)\n")
    if option in ("--alliance", "--watchlist"):  # the dashboard opened on every company
        assert run_cli("dashboard", "--config", cfg, option, "") == (
            2, "", f"marketwatch: error: {option}: the name is empty (see marketwatch dashboard --help)\n")


def test_an_unknown_company_alliance_or_watchlist_is_told_the_closest_names(make_config, run_cli):
    """A company (of 120 and 600 aliases in the shipped config), an alliance or a watchlist is
    told the closest names, case aside, each once (three aliases of one alliance were three
    suggestions), with the alias that was close when the name was not; with none close, an
    alliance or watchlist is told those there are, and the dashboard's options say the same."""
    cfg = str(make_config([]))
    assert run_cli("stories", "--config", cfg, "--alliance", "renault-nisan") == (
        2, "", "marketwatch: no alliance 'renault-nisan' in the config; did you mean "
               "'Renault-Nissan-Mitsubishi Alliance' (alias 'Renault-Nissan')?\n")
    assert run_cli("stories", "--config", cfg, "--company", "Mitsubishi Motor")[2] == (
        "marketwatch: no company 'Mitsubishi Motor' in the config; did you mean 'Mitsubishi'?\n")
    assert run_cli("dashboard", "--config", cfg, "--watchlist", "china tieups")[2] == (
        "marketwatch: no watchlist 'china tieups' in the config; did you mean 'China tie-ups'?\n")
    assert run_cli("digest", "--config", cfg, "--watchlist", "Zzyzx")[2] == (
        "marketwatch: no watchlist 'Zzyzx' in the config (known: China tie-ups)\n")
    assert run_cli("stories", "--config", cfg, "--company", "Toyta") == (
        2, "", "marketwatch: no company 'Toyta' in the config; did you mean 'Toyota'?\n")
    assert run_cli("export", "--config", cfg, "--company", "grab holding")[2] == (
        "marketwatch: no company 'grab holding' in the config; did you mean 'Grab' (alias 'Grab Holdings')?\n")
    assert run_cli("stories", "--config", cfg, "--company", "Zzyzx") == (
        2, "", "marketwatch: no company 'Zzyzx' in the config (see `marketwatch check-config`)\n")


@pytest.mark.parametrize("command", ["stories", "export", "digest"])
def test_since_out_of_range_or_in_the_future_is_a_usage_error(command, make_config, run_cli):
    """`--since 0001-01-01` ended in a traceback (year 0 is out of range) and `--since tomorrow`
    (or 9999-12-31, "in 2 days", "-5 days ago") said only that no story matched."""
    cfg = str(make_config([]))
    see = f" (see marketwatch {command} --help)\n"
    code, out, err = run_cli(command, "--config", cfg, "--since", "0001-01-01")
    assert (code, out, err) == (2, "", "marketwatch: error: --since: '0001-01-01' is too far back to use; "
                                       "leave --since out for every story" + see)
    for when in ("tomorrow", "next week", "in 2 days", "9999-12-31", "-5 days ago", "+1 hour"):
        code, out, err = run_cli(command, "--config", cfg, "--since", when)
        assert (code, out) == (2, "") and err.count("\n") == 1, when
        assert err.startswith(f"marketwatch: error: --since: {when!r} is in the future (") and err.endswith(
            '); stories are published in the past: give a date or a phrase such as "today" or "2 weeks ago"'
            + see), when
    for when in ("today", "this week", "this month", "this year", "5 days ago", "+5 days ago", "1 hour ago"):
        code, _, err = run_cli(command, "--config", cfg, "--since", when)
        assert code == 3 and "no database yet" in err, when  # past the --since check


@pytest.mark.parametrize("command", ["stories", "export", "digest"])
def test_a_bare_number_or_an_empty_since_is_a_usage_error(command, make_config, run_cli):
    """`--since 7` was 1 July (a user meaning 7 days got other stories), `--since ""` every story."""
    cfg = str(make_config([]))
    code, out, err = run_cli(command, "--config", cfg, "--since", "7")
    assert (code, out) == (2, "") and err.startswith(
        "marketwatch: error: --since: '7' is a bare number; write '7 days ago' or a date such as 2026-11-01")
    code, out, err = run_cli(command, "--config", cfg, "--since", "")
    assert (code, out) == (2, "") and "the date is empty" in err
    code, out, err = run_cli(command, "--config", cfg, "--since", "20261130")
    assert code == 2 and "'20261130': write the date with dashes, 2026-11-30" in err
    code, _, err = run_cli(command, "--config", cfg, "--since", "2025")  # a year is a date
    assert code == 3 and "no database yet" in err


def test_a_search_of_thousands_of_characters_is_a_usage_error(make_config, run_cli):
    """30,000 characters of Chinese reached SQLite as a LIKE pattern "too complex": exit 3, which
    tells a script the database or the disk is failing."""
    cfg = str(make_config([]))
    code, out, err = run_cli("stories", "--config", cfg, "--search", "英伟达" * 10_000)
    assert (code, out) == (2, "") and "the text is 30,000 characters long; at most 1,000" in err


@pytest.mark.parametrize("command", ["stories", "export"])
def test_until_before_since_or_unreadable_is_a_usage_error(command, make_config, run_cli):
    """`--since "dec 2026" --until "nov 2026"` said only "No stories match these filters"."""
    cfg = str(make_config([]))
    code, out, err = run_cli(command, "--config", cfg, "--since", "2026-12-01", "--until", "nov 2026")
    assert (code, out) == (2, "") and err.startswith(
        "marketwatch: error: --until 'nov 2026' ends before --since '2026-12-01' starts; no story is in between")
    code, out, err = run_cli(command, "--config", cfg, "--until", "whenever")
    assert (code, out) == (2, "")
    assert err.startswith("marketwatch: error: --until: cannot understand the date 'whenever'")


@pytest.mark.parametrize("command", ["stories", "export", "digest"])
def test_a_since_date_that_reads_two_ways_is_a_usage_error(command, make_config, run_cli):
    """`--since 01/12/2026` was 12 January (dateparser's English reads month first), silently."""
    cfg = str(make_config([]))
    assert run_cli(command, "--config", cfg, "--since", "01/12/2026") == (
        2, "", "marketwatch: error: --since: '01/12/2026' is ambiguous: 1 Dec 2026 (day first) or 12 Jan 2026 "
               "(month first); write 2026-12-01 or 1 Dec 2026, or 2026-01-12 or 12 Jan 2026 "
               f"(see marketwatch {command} --help)\n")
    for when in ("1.12.2026", "12-01-26"):
        code, _, err = run_cli(command, "--config", cfg, "--since", when)
        assert code == 2 and err.startswith(f"marketwatch: error: --since: {when!r} is ambiguous: "), when
    for when in ("2026-01-12", "13/01/2026", "01/01/2026", "12 Jan 2026", "3 days ago"):
        code, _, err = run_cli(command, "--config", cfg, "--since", when)
        assert code == 3 and "no database yet" in err, when  # past the --since check


@pytest.mark.parametrize("command", ["stories", "export", "digest"])
def test_a_quarter_is_taken_and_a_quarter_without_its_year_is_a_usage_error(command, make_config, run_cli):
    """`--since "H2 2026"` was 1 Feb 2026 and a bare `H2` February of this year, silently."""
    cfg = str(make_config([]))
    for when in ("Q3 2026", "h1 2026", "2026-Q3"):
        code, _, err = run_cli(command, "--config", cfg, "--since", when)
        assert code == 3 and "no database yet" in err, when  # past the --since check
    for option in ("--since", "--until")[:2 if command != "digest" else 1]:
        code, out, err = run_cli(command, "--config", cfg, option, "H2")
        assert (code, out) == (2, "") and err.count("\n") == 1
        assert err.startswith(f"marketwatch: error: {option}: cannot understand the date 'H2'; a quarter or a "
                              "half-year needs its year of four digits: 'H2 20"), err


def test_an_export_of_a_quarter_is_titled_with_its_first_and_last_days(server, make_config, run_cli):
    server.routes["/a.xml"] = Reply(200, rss([TIEUP]))
    cfg = str(make_config([server.url("/a.xml")]))
    run_cli("refresh", "--config", cfg)
    code, out, _ = run_cli("export", "--config", cfg, "--format", "markdown", "--since", "Q3 2025",
                           "--until", "Q3 2025")
    assert code == 0 and out.startswith("# marketwatch: OEM–tech tie-ups, since 1 Jul 2025, until 30 Sep 2025")


def test_a_refresh_that_reaches_no_feed_says_the_network_may_be_down(server, make_config, run_cli, monkeypatch,
                                                                     tmp_path):
    """With no network, each of 30 feeds said "host not found" and nothing said why: the run now
    ends with one line. file:// feeds do not count; one feed reached, or one host down, is no
    sign of it."""
    import socket

    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    refused = [f"http://127.0.0.{i}:{port}/feed.xml" for i in (1, 2, 3)]
    local = tmp_path / "local.xml"
    local.write_bytes(rss([TIEUP]))
    log = tmp_path / "refresh.log"
    cfg = str(make_config([*refused, local.as_uri()]))
    code, out, err = run_cli("refresh", "--config", cfg, "--log-file", str(log))
    said = ("marketwatch: no feed could be reached (3 feeds on 3 hosts: host not found or no connection); "
            "the network may be down")
    assert (code, out) == (1, "") and err.splitlines() == [
        "marketwatch: feed0: connection refused", "marketwatch: feed1: connection refused",
        "marketwatch: feed2: connection refused", said]
    assert log.read_text().splitlines()[-1].endswith(said.removeprefix("marketwatch: "))
    server.routes["/ok.xml"] = Reply(200, rss([]))
    for feeds in ([*refused, server.url("/ok.xml")], refused[:1], [refused[0], refused[0].replace("feed", "other")]):
        code, _, err = run_cli("refresh", "--config", str(make_config(feeds)))
        assert code == 1 and "could be reached" not in err and err.count("connection refused") == len(feeds) - (
            "/ok.xml" in feeds[-1]), feeds


def test_feeds_json_shape(server, make_config, run_cli):
    """"stories" held the tie-ups (the table's TIE-UPS) under a name that says otherwise: they are
    "tieups" too, and "stories" keeps that count for the scripts that read it."""
    news = {"title": "Dealer group reports record used-car sales", "link": "https://n.example.com/dealer",
            "date": "Mon, 23 Nov 2026 10:00:00 GMT"}
    server.routes["/a.xml"] = Reply(200, rss([TIEUP, news]))
    cfg = str(make_config([server.url("/a.xml"), server.url("/missing.xml")]))
    run_cli("refresh", "--config", cfg)
    code, out, _ = run_cli("feeds", "--config", cfg, "--json")
    rows = json.loads(out)
    assert code == 0
    assert [r["url"] for r in rows] == [server.url("/missing.xml"), server.url("/a.xml")]  # worst first
    assert list(rows[0]) == ["url", "name", "title", "status", "http_status", "error", "last_fetched", "last_ok",
                             "failures", "entries", "tieups", "stories"]
    assert rows[0]["error"] == "HTTP 404 Not Found" and rows[1]["error"] is None
    assert (rows[1]["entries"], rows[1]["tieups"], rows[1]["stories"]) == (2, 1, 1)
    table = run_cli("feeds", "--config", cfg)[1].splitlines()
    assert table[0].split()[-2:] == ["TIE-UPS", "FEED"] and table[-1].split()[-2:] == ["1", "feed0"]


def test_feeds_with_another_db_lists_the_feeds_that_database_holds(server, make_config, run_cli, tmp_path):
    """`feeds --db other.db` listed the config's feeds as never fetched and hid those the
    database holds; `stories --db` lists that database's stories. The config's own database,
    however its path is spelt, is still read against the config (a feed taken out of it is
    left out)."""
    from conftest import write_config

    server.routes["/a.xml"] = Reply(200, rss([TIEUP]))
    server.routes["/b.xml"] = Reply(200, rss([RIVAL]))
    (tmp_path / "other").mkdir()
    other_cfg = str(write_config(tmp_path / "other", [server.url("/a.xml")]))
    other_db = str(tmp_path / "other" / "mw.db")
    assert run_cli("refresh", "--config", other_cfg)[0] == 0
    cfg = str(make_config([server.url("/b.xml")]))
    code, out, err = run_cli("feeds", "--config", cfg, "--db", other_db, "--json")
    assert (code, err) == (0, "") and [(r["url"], r["name"], r["status"], r["tieups"]) for r in json.loads(out)] == [
        (server.url("/a.xml"), "feed0", "ok", 1)]
    code, out, _ = run_cli("--db", other_db, "feeds", "--config", cfg)
    assert code == 0 and out.splitlines()[1].startswith("ok ") and out.splitlines()[1].endswith("  1  feed0")
    assert len(out.splitlines()) == 2
    assert run_cli("refresh", "--config", cfg)[0] == 0
    make_config([])  # the feed is taken out of the config: its row is left out, as without --db
    for db in ([], ["--db", str(tmp_path / "mw.db")], ["--db", str(tmp_path / "." / "mw.db")]):
        assert run_cli("feeds", "--config", cfg, *db, "--json") == (0, "[]\n", ""), db


def test_feeds_text_has_a_header_last_ok_and_tells_304_from_the_same_content(server, make_config, run_cli):
    """README said `feeds` lists when each feed last fetched fine; only --json did, the text had
    no header, and 'not-modified' (the server said 304) and 'unchanged' (it sent the same bytes
    again) read alike. --json keeps its values."""
    import re

    body = rss([TIEUP])
    server.routes["/etag.xml"] = lambda req: Reply(304) if req.headers.get("If-None-Match") == '"v1"' \
        else Reply(200, body, {"ETag": '"v1"'})
    server.routes["/same.xml"] = Reply(200, rss([RIVAL]))
    server.routes["/flaky.xml"] = Reply(200, rss([]))
    urls = [server.url(path) for path in ("/etag.xml", "/same.xml", "/flaky.xml")]
    cfg = make_config(urls)
    run_cli("refresh", "--config", str(cfg))
    server.routes["/flaky.xml"] = Reply(500, b"boom")
    time.sleep(1.1)  # a later second: the failed fetch's time differs from the last good one's
    run_cli("refresh", "--config", str(cfg))
    cfg.write_text(cfg.read_text() + '[[feeds]]\nurl = "https://new.example.com/feed"\nname = "fresh"\n')
    code, out, _ = run_cli("feeds", "--config", str(cfg))
    stamp = r"\d{4}-\d\d-\d\d \d\d:\d\d"
    lines = [re.sub(stamp, "YYYY-MM-DD hh:mm", line) for line in out.splitlines()]
    assert code == 0 and lines == [
        "STATUS              FETCHED (UTC)     LAST OK (UTC)     TIE-UPS  FEED",
        "error               YYYY-MM-DD hh:mm  YYYY-MM-DD hh:mm        0  feed2",
        "                    HTTP 500 Internal Server Error",
        "never fetched       -                 -                       0  fresh",
        "not modified (304)  YYYY-MM-DD hh:mm  YYYY-MM-DD hh:mm        1  feed0",
        "same content        YYYY-MM-DD hh:mm  YYYY-MM-DD hh:mm        1  feed1"]
    assert max(len(line) for line in out.splitlines() if not line.startswith(" ")) <= 80
    rows = {row["name"]: row for row in json.loads(run_cli("feeds", "--config", str(cfg), "--json")[1])}
    assert (rows["feed0"]["status"], rows["feed1"]["status"]) == ("not-modified", "unchanged")
    assert rows["feed2"]["last_ok"] < rows["feed2"]["last_fetched"]
    assert rows["feed2"]["last_ok"][:16].replace("T", " ") in out


def test_feeds_fits_the_terminal_as_stories_does(server, make_config, run_cli):
    """On 80 columns a long feed name wrapped onto a line of its own (`... demo: china-aut` then
    `o`), where `stories` cuts with …; and the status column was 20 wide whatever the statuses.
    In a pipe nothing is cut."""
    server.routes["/same.xml"] = Reply(200, rss([TIEUP]))
    server.routes["/down.xml"] = Reply(200, rss([]))
    cfg = make_config([server.url("/same.xml"), server.url("/down.xml")])
    long_name = "China automotive industry news, the whole wire in English and Chinese"
    cfg.write_text(cfg.read_text().replace('name = "feed0"', f'name = "{long_name}"'))
    run_cli("refresh", "--config", str(cfg))
    run_cli("refresh", "--config", str(cfg))  # the same bytes again
    lines = on_terminal("feeds", "--config", str(cfg), columns=80).splitlines()
    assert lines[0].startswith("STATUS        FETCHED (UTC)  ")  # "same content", the longest, and two spaces
    assert lines[1].startswith("same content  ") and lines[2].startswith("same content  ")
    named = next(line for line in lines if "China automotive" in line)
    assert len(lines) == 3 and named.endswith("…") and len(named) == 80
    server.routes["/down.xml"] = Reply(500, b"boom " * 40)
    run_cli("refresh", "--config", str(cfg))
    lines = on_terminal("feeds", "--config", str(cfg), columns=80).splitlines()
    assert lines[1].startswith("error         ") and lines[2].startswith(" " * 14 + "HTTP 500")
    assert max(len(line) for line in lines) <= 80
    out = run_cli("feeds", "--config", str(cfg))[1]
    assert f"  {long_name}\n" in out  # a file or a pipe gets the whole name


def test_refresh_json_notify_counts_mean_what_the_readme_says(server, make_config, run_cli):
    """With its one service down, a refresh reported "told": 0, "tieups": 2, where README called
    tieups "the most any was sent": none was. It is what a service had to hear of, told or not."""
    server.routes["/a.xml"] = Reply(200, rss([{**TIEUP, "date": ""}, {**RIVAL, "date": ""}]))  # news: now
    cfg = make_config([server.url("/a.xml")], extra='\n[notify]\nurls = ["json://127.0.0.1:9/down"]\n')
    code, out, err = run_cli("refresh", "--config", str(cfg), "--json")
    notify = json.loads(out)["notify"]
    assert code == 1 and err.startswith("marketwatch: notify: ") and err.count("\n") == 1
    assert notify == {"services": 1, "told": 0, "tieups": 2, "errors": [err.strip().removeprefix("marketwatch: ")]}
    readme = " ".join((Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").split())
    assert ("`tieups` (the most tie-ups one service had to hear of, told or not: with a service down, "
            '`"told": 0, "tieups": 17` means 17 wait for the next refresh)') in readme


def test_check_config_summary_and_error(make_config, run_cli, tmp_path):
    code, out, _ = run_cli("check-config", "--config", str(make_config(["https://example.com/f"])))
    assert code == 0 and "OK" in out and "feeds:      1" in out
    # Xiaomi is both: "16 (9 OEM, 8 tech; …)" added up to 17; the alias use line's total (30 + 3)
    # counted the alliance's aliases, which the summary did not show.
    assert ("  companies:  16 (9 OEM, 8 tech, 1 of them both; 30 aliases)\n  alliances:  1 (3 aliases)\n"
            in out)
    data = json.loads(run_cli("check-config", "--config", str(tmp_path / "config.toml"), "--json")[1])
    assert (data["oems"], data["tech"], data["oem_and_tech"], data["aliases"], data["alliance_aliases"]) == (
        9, 8, 1, 30, 3)
    one = tmp_path / "one.toml"  # it said "1 aliases"
    one.write_text('[settings]\ndb = "mw.db"\n\n[companies.Ford]\nkind = "oem"\naliases = ["Ford"]\n')
    assert "  companies:  1 (1 OEM, 0 tech; 1 alias)\n" in run_cli("check-config", "--config", str(one))[1]
    bad = tmp_path / "bad.toml"
    bad.write_text('[companies.X]\nkind = "boat"\n')
    code, out, err = run_cli("check-config", "--config", str(bad))
    assert code == 2 and err.startswith(f"marketwatch: {bad}: companies.X.kind")


@pytest.mark.parametrize(("extra", "written", "problem"), [
    ('[watchlists.Search]\ncompanies = ["Gogle"]\n', None,
     "watchlists.Search.companies: 'Gogle' is not a company or alliance; did you mean 'Alphabet' (alias 'Google')?"),
    ('[alliances.Detroit]\nmembers = ["Fjord"]\n', None,
     "alliances.Detroit.members: 'Fjord' is not a company; did you mean 'Ford'?"),
    ('[companies.Cruise]\nkind = "tech"\nparents = ["Genral Motors"]\n[companies."General Motors"]\nkind = "oem"\n',
     None, "companies.Cruise.parents: 'Genral Motors' is not a company; did you mean 'General Motors'?"),
    ('[watchlists.Japan]\ncompanies = ["toyota"]\n', None,
     "watchlists.Japan.companies: 'toyota' is not a company or alliance; did you mean 'Toyota'?"),
    ('[notify]\nurls = ["json://x/"]\nwatchlist = "China tie-up"\n', None,
     "notify.watchlist: 'China tie-up' is not a watchlist of [watchlists]; did you mean 'China tie-ups'?"),
    ('[notify]\nurls = ["json://x/"]\nalliance = "Renault-Nissan"\n', None,
     "notify.alliance: 'Renault-Nissan' is not an alliance of [alliances]; did you mean "
     "'Renault-Nissan-Mitsubishi Alliance' (alias 'Renault-Nissan')?"),
    ("", ("timeout = 5", 'timeout = "20"'),
     'settings.timeout: "20" is a string; write a number, without quotes: timeout = 20'),
    ("", ("concurrency = 8", 'concurrency = " 8"'),
     'settings.concurrency: " 8" is a string; write a number, without quotes: concurrency = 8'),
    ("", ("timeout = 5", 'timeout = "20s"'), 'settings.timeout: "20s" is a string; write a number, without quotes'),
])
def test_a_misspelt_name_in_the_config_is_told_the_closest_and_a_quoted_number_its_quotes(
        extra, written, problem, make_config, run_cli):
    """`settings.timout` was told "did you mean 'timeout'?" and `--company Toyta` the closest
    company, but `'Gogle' is not a company or alliance` nothing; `timeout = "20"` was told "must
    be a positive number of seconds", with a 20 in front of the user."""
    cfg = make_config([], extra=extra)
    if written:  # the test config's own `timeout = 5` or `concurrency = 8`, written otherwise
        cfg.write_text(cfg.read_text().replace(*written, 1))
    code, out, err = run_cli("check-config", "--config", str(cfg))
    assert (code, out, err) == (2, "", f"marketwatch: {cfg}: {problem}\n")


def test_rematch_picks_up_a_company_added_later(server, make_config, run_cli):
    story = {"title": "Toyota teams up with Momenta on driver assistance", "link": "https://n.example.com/tm"}
    server.routes["/a.xml"] = Reply(200, rss([story]))
    cfg = make_config([server.url("/a.xml")])
    run_cli("refresh", "--config", str(cfg))
    assert json.loads(run_cli("stories", "--config", str(cfg), "--json")[1]) == []
    cfg.write_text(cfg.read_text() + '\n[companies.Momenta]\nkind = "tech"\naliases = ["Momenta"]\n')
    code, out, _ = run_cli("rematch", "--config", str(cfg))
    assert code == 0 and "1 tie-up story (" in out
    stories = json.loads(run_cli("stories", "--config", str(cfg), "--json")[1])
    assert stories[0]["pairs"] == [["Toyota", "Momenta"]]


@pytest.mark.parametrize("when", ["matching", "writing"])
def test_sigterm_stops_a_rematch_with_a_line_saying_whether_it_was_written(server, make_config, run_cli,
                                                                           monkeypatch, when):
    """A rematch ended by SIGTERM exited 143 with nothing said, where a refresh says how far it got:
    while it matches, nothing is written; a write under way is let finish, and kept."""
    import marketwatch.rematch
    import marketwatch.store

    if threading.current_thread() is not threading.main_thread():
        pytest.skip("SIGTERM handlers are set in the main thread only")
    story = {"title": "Toyota teams up with Momenta on driver assistance", "link": "https://n.example.com/tm"}
    server.routes["/a.xml"] = Reply(200, rss([story]))
    cfg = make_config([server.url("/a.xml")])
    run_cli("refresh", "--config", str(cfg))
    cfg.write_text(cfg.read_text() + '\n[companies.Momenta]\nkind = "tech"\naliases = ["Momenta"]\n')
    owner = marketwatch.rematch if when == "matching" else marketwatch.store.Store
    name = "plan_rematch" if when == "matching" else "rematch"
    real = getattr(owner, name)

    def then_sigterm(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGTERM)  # handled at once: the main thread is running
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, then_sigterm)
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(TERMINATED))  # not pytest's own death
    try:
        code, out, err = run_cli("rematch", "--config", str(cfg))
    finally:
        signal.signal(signal.SIGTERM, previous)
    said = ("marketwatch: terminated before the rematch was written; nothing changed\n" if when == "matching"
            else "marketwatch: terminated once the rematch was written (it is kept)\n")
    assert (code, out, err) == (TERMINATED, "", said)
    stories = json.loads(run_cli("stories", "--config", str(cfg), "--json")[1])
    assert [s["pairs"] for s in stories] == ([] if when == "matching" else [[["Toyota", "Momenta"]]])


def test_python_dash_m_and_version():
    out = subprocess.run([sys.executable, "-m", "marketwatch", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("marketwatch, version")


def test_corrupt_database_is_one_line_exit_3_and_untouched(make_config, run_cli, tmp_path):
    cfg = make_config([])
    db = tmp_path / "mw.db"
    db.write_bytes(b"this is not sqlite" * 100)
    code, _, err = run_cli("stories", "--config", str(cfg))
    assert code == 3 and "damaged or is not a marketwatch database" in err and "\n" not in err.strip()
    assert db.read_bytes() == b"this is not sqlite" * 100


def test_a_refresh_with_nothing_to_write_notices_a_damaged_table(server, make_config, run_cli, tmp_path):
    """A refresh whose feeds brought nothing new read too little of the database to notice a
    damaged table: cron saw exit 0, and the next `stories` said "damaged" (exit 3)."""
    server.routes["/a.xml"] = Reply(200, rss([TIEUP, RIVAL]))
    cfg = str(make_config([server.url("/a.xml")]))
    assert run_cli("refresh", "--config", cfg)[0] == 0
    db = tmp_path / "mw.db"
    damaged = damage_root_page(db, "story_feeds")
    damaged_line = (f"marketwatch: {db}: the database is damaged or is not a marketwatch database (it was left "
                    "untouched; move it aside to start afresh)\n")
    assert run_cli("stories", "--config", cfg) == (3, "", damaged_line)
    assert run_cli("refresh", "--config", cfg) == (3, "", damaged_line)
    assert db.read_bytes() == damaged


def test_the_dashboard_on_a_damaged_database_says_so_and_exits_3(server, make_config, run_cli, tmp_path,
                                                                    monkeypatch):
    """It opened on "cannot read the database" in place of the panes, and `q` exited 0."""
    from marketwatch.tui import app as app_module

    server.routes["/a.xml"] = Reply(200, rss([TIEUP, RIVAL]))
    cfg = str(make_config([server.url("/a.xml")]))
    assert run_cli("refresh", "--config", cfg)[0] == 0
    db = tmp_path / "mw.db"
    damaged = damage_root_page(db, "story_pairs")
    opened = []
    monkeypatch.setattr(app_module, "run_dashboard", lambda *args, **_: opened.append(args))
    for args in [(), ("dashboard",), ("dashboard", "--db", str(db))]:
        assert run_cli(*args, "--config", cfg) == (
            3, "", f"marketwatch: {db}: the database is damaged or is not a marketwatch database (it was left "
                   "untouched; move it aside to start afresh)\n")
    assert opened == [] and db.read_bytes() == damaged


def test_the_dashboard_reads_the_same_config_file_again_when_it_changes(make_config, run_cli, tmp_path,
                                                                        monkeypatch):
    """The dashboard follows edits to the file it opened, with the --db it was given, even after
    the current directory changes; the demo's reload keeps its sample feeds and never notifies."""
    from marketwatch.config_edit import NewFeed, add_feeds
    from marketwatch.tui import app as app_module

    opened = []
    monkeypatch.setattr(app_module, "run_dashboard", lambda config, scope, reload_config, **_: opened.append(
        (config, reload_config)))
    cfg = make_config(["https://a.example.com/rss"], extra='\n[notify]\nurls = ["json://127.0.0.1:9/hook"]\n')
    db = tmp_path / "other.db"
    db.touch()  # a --db that names no file is refused
    assert run_cli("dashboard", "--config", str(cfg), "--db", str(db))[0] == 0
    assert run_cli("demo", "--config", str(cfg), "--db", str(tmp_path / "demo.db"))[0] == 0
    (config, reload_config), (demo, reload_demo) = opened
    scopes = []
    monkeypatch.setattr(app_module, "run_dashboard", lambda config, scope, reload_config, **_: scopes.append(scope))
    assert run_cli("--deal", "joint-venture", "--alliance", "renault-nissan", "--config", str(cfg))[0] == 0
    assert (scopes[0].name, scopes[0].deal) == ("Renault-Nissan-Mitsubishi Alliance", "joint-venture")
    code, _, err = run_cli("--deal", "merger", "--config", str(cfg))
    assert code == 2 and "'merger' is not one of" in err and not scopes[1:]
    add_feeds(cfg, [NewFeed("https://b.example.com/rss")])
    monkeypatch.chdir(tmp_path.parent)
    again = reload_config()
    assert [f.url for f in again.feeds] == ["https://a.example.com/rss", "https://b.example.com/rss"]
    assert again.settings.db == config.settings.db == db
    demo_again = reload_demo()
    assert demo_again.feeds == demo.feeds and demo_again.notify.urls == ()
    assert demo_again.settings.db == demo.settings.db == tmp_path / "demo.db"


def test_demo_without_a_terminal_points_to_no_open(make_config, tmp_path):
    """`marketwatch demo` in a script built the database, then advised `marketwatch refresh` and
    `marketwatch stories`, which are about the user's own feeds, not the demo's."""
    db = tmp_path / "my demo.db"
    done = subprocess.run([sys.executable, "-m", "marketwatch", "demo", "--config", str(make_config([])), "--db",
                           str(db)], stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout) == (2, "") and db.exists()
    assert done.stderr == (f"marketwatch: the dashboard needs a terminal; the demo database is built at '{db}' "
                           f"(`marketwatch demo --no-open` only builds it; `marketwatch stories --db '{db}'` lists "
                           "its stories)\n")


# -- what a typo, a closed stream or a full disk gives: one line and the documented status ----

@pytest.mark.parametrize("command", [("stories",), ("feeds",), ("export", "-o", "out.csv"), ("digest",),
                                     ("rematch", "--yes")])
def test_reading_commands_need_a_database_and_create_none(command, make_config, run_cli, tmp_path, monkeypatch):
    """Before the first refresh the config's database is not there yet (exit 3, as a database
    problem); a --db naming no file is a typo, bad input (exit 2), and was told to run
    `marketwatch refresh`, which refreshed the config's database instead of the one typed."""
    cfg = make_config([])
    code, out, err = run_cli(*command, "--config", str(cfg))
    assert (code, out) == (3, "")
    assert err == f"marketwatch: {tmp_path / 'mw.db'}: no database yet; run `marketwatch refresh` first\n"
    typo = tmp_path / "typo.db"
    code, out, err = run_cli(*command, "--config", str(cfg), "--db", str(typo))
    assert (code, out) == (2, "")
    assert err == f"marketwatch: no database at {typo}: `marketwatch refresh --config {cfg} --db {typo}` creates one\n"
    monkeypatch.chdir(tmp_path)  # as typed, relative: `--config` only when it was given
    assert run_cli("--db", "my typo.db", *command) == (
        2, "", "marketwatch: no database at my typo.db: `marketwatch refresh --db 'my typo.db'` creates one\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]
    # The config's own database spelled another way by --db is no typo: not there yet (exit 3).
    assert run_cli(*command, "--config", str(cfg), "--db", "./mw.db")[:2] == (3, "")


@pytest.mark.parametrize("command", [("opml", "export"), ("check-config",)])
def test_commands_that_do_without_a_database_still_refuse_a_mistyped_db(command, make_config, run_cli, tmp_path):
    """`opml export` and `check-config` work before the first refresh (no titles, no alias use),
    and took a mistyped --db for that: an export without titles, "no database yet"."""
    cfg = make_config([])
    assert run_cli(*command, "--config", str(cfg))[0] == 0
    typo = tmp_path / "typo.db"
    assert run_cli(*command, "--config", str(cfg), "--db", str(typo)) == (
        2, "", f"marketwatch: no database at {typo}: `marketwatch refresh --config {cfg} --db {typo}` creates one\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]
    assert run_cli(*command, "--config", str(cfg), "--db", str(tmp_path / "mw.db"))[0] == 0  # the config's own


def test_the_dashboard_on_a_mistyped_db_says_so_before_it_starts(make_config, run_cli, tmp_path, monkeypatch):
    """`marketwatch --db typo.db` opened the dashboard on a new, empty database of that name;
    the config's own database is still created on a first run (the dashboard offers a refresh)."""
    from marketwatch.tui import app as app_module

    opened = []
    monkeypatch.setattr(app_module, "run_dashboard", lambda config, scope, reload_config, **_: opened.append(config))
    cfg = make_config([])
    typo = tmp_path / "typo.db"
    said = f"marketwatch: no database at {typo}: `marketwatch refresh --config {cfg} --db {typo}` creates one\n"
    for args in (("--db", str(typo), "--config", str(cfg)), ("dashboard", "--config", str(cfg), "--db", str(typo))):
        assert run_cli(*args) == (2, "", said)
    assert not opened and sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]
    assert run_cli("--config", str(cfg)) == (0, "", "")  # no database yet: the dashboard makes the config's
    assert [c.settings.db for c in opened] == [tmp_path / "mw.db"]


def test_the_dashboard_knows_when_it_shows_another_database(make_config, run_cli, tmp_path, monkeypatch):
    """Its feed screen then lists that database's feeds, not the config's (`feeds --db` does the same)."""
    from marketwatch.store import Store
    from marketwatch.tui import app as app_module

    opened = []
    monkeypatch.setattr(app_module, "run_dashboard",
                        lambda config, scope, reload_config, other_db: opened.append((config.settings.db, other_db)))
    cfg = make_config([])
    Store(tmp_path / "copy.db").close()
    for db in ("copy.db", "mw.db", "./mw.db"):
        assert run_cli("--config", str(cfg), "--db", str(tmp_path / db)) == (0, "", "")
    assert [other for _, other in opened] == [True, False, False]


@pytest.mark.parametrize("args, line", [
    (("stories", "--since", "nonsense"), "--since: cannot understand the date 'nonsense'"),
    (("stories", "--limit", "-1"), "--limit: -1 is out of range; give a whole number from 1 to 100,000"),
    (("stories", "--limit", "abc"), "--limit: 'abc' is not a whole number; give a whole number from 1 to 100,000"),
    (("stories", "--kind", "bogus"), "--kind: 'bogus' is not one of 'oem-tech', 'oem-oem', 'tech-tech', 'all'"),
    (("stories", "--db", ""), "--db: the path is empty"),
    (("refresh", "--log-file", " "), "--log-file: the path is empty"),
    (("export", "-o", ""), "--output: the path is empty"),
    (("export", "-o"), "Option '-o' requires an argument"),
])
def test_usage_errors_are_one_line_exit_2(args, line, make_config, run_cli):
    """One space before "(see …)" and no full stop before it (there were two spaces, and click's
    own messages ended "…'all'.  (see"); --limit said "'abc' is not a valid integer range"."""
    cfg = make_config([])
    code, out, err = run_cli(args[0], "--config", str(cfg), *args[1:])
    assert (code, out) == (2, "")
    assert err == f"marketwatch: error: {line} (see marketwatch {args[0]} --help)\n"


def test_a_mistyped_command_is_named_not_taken_for_the_dashboards_argument(run_cli):
    assert run_cli("refesh") == (2, "", "marketwatch: error: no command 'refesh'; did you mean 'refresh'? "
                                        "(see marketwatch --help)\n")
    assert run_cli("zzz")[2] == "marketwatch: error: no command 'zzz' (see marketwatch --help)\n"
    assert run_cli("opml", "imprt") == (2, "", "marketwatch: error: no command 'imprt'; did you mean "
                                               "'import'? (see marketwatch opml --help)\n")


def test_config_and_db_may_come_before_the_command(server, make_config, run_cli, tmp_path):
    """`marketwatch --config work.toml refresh`, as with git -C: the options before the command
    are the command's, and the command's own still win."""
    server.routes["/a.xml"] = Reply(200, rss([TIEUP]))
    cfg = str(make_config([server.url("/a.xml")]))
    db = str(tmp_path / "elsewhere.db")
    assert run_cli("--config", cfg, "--db", db, "refresh") == (0, "", "")
    assert Path(db).exists()
    code, out, _ = run_cli("--config", cfg, "--db", db, "stories", "--json")
    assert code == 0 and [s["title"] for s in json.loads(out)] == [TIEUP["title"]]
    code, _, err = run_cli("--config", cfg, "--db", db, "stories", "--db", str(tmp_path / "none.db"))
    assert code == 2 and err.startswith(f"marketwatch: no database at {tmp_path / 'none.db'}: ")
    code, out, _ = run_cli("--config", cfg, "opml", "export")
    assert code == 0 and server.url("/a.xml") in out


def test_options_before_no_command_are_the_dashboards(run_cli, tmp_path):
    missing = tmp_path / "missing.toml"
    code, out, err = run_cli("--config", str(missing))
    assert code == 2 and out == "" and str(missing) in err and err.endswith("\n") and err.count("\n") == 1


def test_db_before_a_command_that_has_no_database_is_ignored(make_config, run_cli, tmp_path):
    """`marketwatch --db x.db add-feed URL` (a shell alias that adds --db) said "add-feed has no
    --db option" and exit 2, though README says --config and --db go before any command, and
    `opml export` took it: add-feed, remove-feed and opml import open no database, so --db
    before them changes nothing they do, and is ignored."""
    cfg = make_config([])
    listing = tmp_path / "subs.opml"
    listing.write_text('<opml version="2.0"><body><outline xmlUrl="https://o.example.com/feed"/></body></opml>')
    db = str(tmp_path / "x.db")
    assert run_cli("--db", db, "add-feed", "https://n.example.com/feed", "--config", str(cfg)) == (
        0, f"added https://n.example.com/feed to {cfg}\n", "")
    assert run_cli("--db", db, "--config", str(cfg), "remove-feed", "https://n.example.com/feed") == (
        0, f"removed https://n.example.com/feed to {cfg}\n".replace(" to ", " from "), "")
    assert run_cli("--db", db, "--config", str(cfg), "opml", "import", str(listing)) == (
        0, f"added 1 feed to {cfg}; skipped 0\n", "Run `marketwatch refresh` to fetch them.\n")
    assert "https://o.example.com/feed" in cfg.read_text() and "n.example.com" not in cfg.read_text()
    # export reads a database: --db is its own, and one naming no file is a typo
    code, out, err = run_cli("--db", str(tmp_path / "none.db"), "--config", str(cfg), "opml", "export")
    assert (code, out) == (2, "") and err.startswith(f"marketwatch: no database at {tmp_path / 'none.db'}: ")
    assert not list(tmp_path.glob("*.db"))  # no database made
    assert run_cli("--config", str(cfg), "refesh")[2] == (
        "marketwatch: error: no command 'refesh'; did you mean 'refresh'? (see marketwatch --help)\n")


def test_an_empty_config_path_is_not_the_default_config(make_config, run_cli, tmp_path, monkeypatch):
    """`--config "$UNSET"` must not fall back to ./config.toml (or the user's config) and edit it."""
    cfg = make_config([])
    before = cfg.read_text()
    monkeypatch.chdir(tmp_path)
    for args in (("add-feed", "https://x.example.com/feed"), ("refresh",), ("stories",)):
        code, _, err = run_cli(*args, "--config", "")
        assert code == 2
        assert err == f"marketwatch: error: --config: the path is empty (see marketwatch {args[0]} --help)\n"
    assert cfg.read_text() == before and not (tmp_path / "mw.db").exists()


def test_paths_are_judged_by_the_config_loader_and_the_store(make_config, run_cli, tmp_path):
    """No click.Path check first: a folder given as the config is the loader's "cannot read
    config" (2); a database that cannot be opened is the store's problem (3)."""
    folder = tmp_path / "a folder"
    folder.mkdir()
    code, _, err = run_cli("stories", "--config", str(folder))
    assert code == 2 and err == f"marketwatch: {folder}: cannot read config: Is a directory\n"
    code, _, err = run_cli("stories", "--config", str(make_config([])), "--db", str(folder))
    assert code == 3 and err.count("\n") == 1
    assert err.startswith(f"marketwatch: {folder}: cannot open the database: that is a folder")


@pytest.mark.parametrize("command", ["refresh", "stories"])
def test_a_database_that_is_a_device_or_a_pipe_is_said_to_be_no_database_file(make_config, run_cli, tmp_path,
                                                                                command):
    """`--db /dev/null` was "cannot write the database: the disk is full or failing", and SQLite
    left /dev/null-journal behind."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    for db in (pipe, Path("/dev/null")):
        code, out, err = run_cli(command, "--config", str(make_config([])), "--db", str(db))
        assert (code, out) == (3, "")
        assert err == (f"marketwatch: {db}: not a database file: it is a device, a pipe or a socket, not a "
                       "regular file\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml", "pipe"]


def test_a_log_file_that_cannot_be_written_is_said_before_any_feed_is_fetched(server, make_config, run_cli,
                                                                              tmp_path):
    """It was said after every feed had been fetched and stored, with a disk error's exit status."""
    server.routes["/a.xml"] = Reply(200, rss([TIEUP]))
    cfg = str(make_config([server.url("/a.xml")]))
    (tmp_path / "blocker").write_text("a file where the log's folder should be")
    log = tmp_path / "blocker" / "refresh.log"
    code, out, err = run_cli("refresh", "--config", cfg, "--log-file", str(log))
    assert (code, out) == (3, "")
    assert err == (f"marketwatch: {log}: cannot write the log: a file is where a folder should be; "
                   "nothing fetched\n")
    assert server.requests == []


def test_a_log_file_that_fails_during_the_run_hides_nothing(server, make_config, run_cli, tmp_path, monkeypatch):
    """Writable when the run starts, not when it ends (the disk filled up meanwhile)."""
    from marketwatch.runlog import RunLog

    monkeypatch.setattr(RunLog, "check", lambda self: None)
    server.routes["/a.xml"] = Reply(200, rss([TIEUP]))
    cfg = str(make_config([server.url("/a.xml"), server.url("/gone.xml")]))
    (tmp_path / "blocker").write_text("a file where the log's folder should be")
    log = tmp_path / "blocker" / "refresh.log"
    code, out, err = run_cli("refresh", "--config", cfg, "--json", "--log-file", str(log))
    assert code == 3 and json.loads(out)["new_stories"] == 1  # the report, then the log's problem
    assert err.splitlines() == ["marketwatch: feed1: HTTP 404 Not Found",
                                f"marketwatch: {log}: cannot write the log: a file is where a folder should be"]
    assert [s["title"] for s in json.loads(run_cli("stories", "--config", cfg, "--json")[1])] == [TIEUP["title"]]


def marketwatch_sh(script: str, *args: str, **kwargs) -> subprocess.CompletedProcess:
    """`marketwatch` run by sh, for redirections Python's subprocess cannot express (`>&-`):
    "$@" are the arguments, `mw` the command."""
    return subprocess.run(["sh", "-c", f'mw() {{ "{sys.executable}" -m marketwatch "$@"; }}; {script}', "sh", *args],
                          capture_output=True, text=True, timeout=120, **kwargs)


def test_closed_or_full_standard_streams_are_one_line(server, make_config, run_cli):
    server.routes["/a.xml"] = Reply(200, rss([TIEUP]))
    server.routes["/bad.xml"] = Reply(500, b"boom")
    cfg = str(make_config([server.url("/a.xml"), server.url("/bad.xml")]))
    assert run_cli("refresh", "--config", cfg)[0] == 1
    closed = "marketwatch: cannot write to standard output: it is closed\n"
    full = "marketwatch: cannot write to standard output: No space left on device\n"
    for script, code, err in [
        ('mw stories "$@" >&-', 3, closed),
        ('mw feeds "$@" >&-', 3, closed),
        ('mw stories --json "$@" >&-', 3, closed),
        ('mw digest --no-mark "$@" >&-', 3, closed),
        ('mw refresh --json "$@" >&-', 3, "marketwatch: feed1: HTTP 500 Internal Server Error\n" + closed),
        ('mw refresh "$@" >&-', 1, "marketwatch: feed1: HTTP 500 Internal Server Error\n"),  # writes no stdout
        ('mw --help >/dev/full', 3, full),
        ('mw --version >/dev/full', 3, full),
        ('mw stories --help >/dev/full', 3, full),
        ('mw export "$@" >/dev/full', 3, full),
        ('mw opml import - "$@" <&-', 2, "marketwatch: stdin: cannot read: it is closed\n"),
    ]:
        done = marketwatch_sh(script, "--config", cfg)
        assert (done.returncode, done.stderr) == (code, err), script


def test_a_stderr_that_cannot_be_written_keeps_the_exit_status(make_config):
    """`2>/dev/full`, or a log reader that went away: the line is lost, not the exit status a
    script goes by. It was 1 ("feeds failed") after a traceback nobody could read."""
    cfg = str(make_config([], extra='[companies.Lonely]\nkind = "oem"\naliases = []\n'))
    for script, code in [('mw stories --company Nobody "$@" 2>/dev/full', 2),
                         ('mw check-config "$@" >/dev/null 2>/dev/full', 0)]:  # it warns of Lonely
        assert marketwatch_sh(script, "--config", cfg).returncode == code, script
    read, write = os.pipe()
    os.close(read)  # the reader of stderr is gone: every line is a broken pipe
    try:
        done = subprocess.run([sys.executable, "-m", "marketwatch", "stories", "--config", cfg, "--db",
                               os.devnull + "/none.db"], stdout=subprocess.PIPE, stderr=write, timeout=120)
    finally:
        os.close(write)
    assert (done.returncode, done.stdout) == (2, b"")  # a --db naming no file: bad input


def test_a_reader_that_stops_reading_does_not_stop_a_refresh(server, make_config, run_cli):
    """`marketwatch refresh -v | head -1`: printing stops, the refresh goes on to the last feed
    and keeps its exit status (1: a feed failed)."""
    server.routes["/bad.xml"] = Reply(500, b"boom")
    urls = [server.url("/bad.xml")] + [server.url(f"/f{i}.xml") for i in range(6)]
    for i in range(6):
        server.routes[f"/f{i}.xml"] = Reply(200, rss([dict(TIEUP, link=f"https://n.example.com/{i}")]))
    cfg = str(make_config(urls))
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first line: every write is a broken pipe
    try:
        done = subprocess.run([sys.executable, "-m", "marketwatch", "refresh", "-v", "--config", cfg],
                              stdout=write, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (1, "marketwatch: feed0: HTTP 500 Internal Server Error\n")
    feeds = json.loads(run_cli("feeds", "--config", cfg, "--json")[1])
    assert len(feeds) == 7 and all(feed["last_fetched"] for feed in feeds)
    assert sum(feed["tieups"] for feed in feeds) == 6


def stopped_midway(server, make_config, run_cli, tmp_path, hanging_feeds: int, sig: int, *, args=(),
                   stdout=subprocess.PIPE, **popen) -> tuple[subprocess.Popen, str, str, Path, Path]:
    """A refresh of one fast feed and `hanging_feeds` that never answer, sent `sig` once the fast
    feed is stored: (the process, its stdout, its stderr, the config, the --log-file)."""
    hung, release = threading.Event(), threading.Event()

    def hanging(handler):
        hung.set()
        release.wait(60)
        return Reply(200, rss([]))

    server.routes["/fast.xml"] = Reply(200, rss([TIEUP]))
    hangs = [f"/hang{i}.xml" for i in range(hanging_feeds)]
    server.routes.update(dict.fromkeys(hangs, hanging))
    cfg = make_config([server.url("/fast.xml"), *map(server.url, hangs)])
    cfg.write_text(cfg.read_text().replace("timeout = 5", "timeout = 60"))
    log = tmp_path / "run.log"
    run = subprocess.Popen([sys.executable, "-m", "marketwatch", "refresh", *args, "--config", str(cfg),
                            "--log-file", str(log)], stdout=stdout, stderr=subprocess.PIPE, text=True, **popen)
    try:
        assert hung.wait(60)
        for _ in range(600):  # until the fast feed is stored
            feeds = json.loads(run_cli("feeds", "--config", str(cfg), "--json")[1] or "[]")
            if any(feed["tieups"] for feed in feeds):
                break
            time.sleep(0.05)
        run.send_signal(sig)
        out, err = run.communicate(timeout=30)
    finally:
        release.set()
        if run.poll() is None:
            run.kill()
    return run, out, err, cfg, log


@pytest.mark.parametrize("full_stdout", [False, True])
def test_sigterm_stops_a_refresh_and_keeps_what_it_stored(server, make_config, run_cli, tmp_path, full_stdout):
    """`timeout`, systemd or `kill` end a run with SIGTERM: the feeds done are stored, stderr (cron's
    mail) says so, the log and --json say so, and the exit status is 143, as the dashboard's. A
    report that cannot be written (a full disk) is said too."""
    stdout = open("/dev/full", "w") if full_stdout else subprocess.PIPE  # noqa: SIM115 -- closed below
    try:
        run, out, err, cfg, log = stopped_midway(server, make_config, run_cli, tmp_path, 1, signal.SIGTERM,
                                                 args=("--json",), stdout=stdout)
    finally:
        if full_stdout:
            stdout.close()
    said = ("marketwatch: terminated with 1 of 2 feeds done (their stories are stored); the others wait for "
            "the next refresh\n")
    if full_stdout:
        first, second = err.splitlines(keepends=True)
        assert "No space left on device" in first and second == said and run.returncode == TERMINATED
    else:
        assert (run.returncode, err) == (TERMINATED, said)
        report = json.loads(out)
        assert report["stopped"] is True and [feed["url"] for feed in report["feeds"]] == [server.url("/fast.xml")]
    # The log's first line counts the feeds done ("refresh: 1 feeds"); its last says of how many.
    assert log.read_text().rstrip().endswith("terminated (SIGTERM) with 1 of 2 feeds done (their stories are stored); "
                                             "the others wait for the next refresh")
    assert TIEUP["title"] in run_cli("stories", "--config", str(cfg))[1]


def test_a_refresh_stopped_after_repairing_the_search_index_still_says_so(server, make_config, run_cli, tmp_path):
    """The repair is news a stopped run must not swallow: the next search would otherwise be the
    only sign that the index had been damaged (stderr, the log and --json each say it)."""
    import sqlite3

    server.routes["/seed.xml"] = Reply(200, rss([dict(TIEUP, title=f"Ford and Baidu sign deal number {i}",
                                                      link=f"https://n.example.com/seed{i}") for i in range(20)]))
    assert run_cli("refresh", "--config", str(make_config([server.url("/seed.xml")])))[0] == 0
    conn = sqlite3.connect(tmp_path / "mw.db")
    conn.execute("DELETE FROM stories_fts_data WHERE id = 10")  # the index's structure record
    conn.commit()
    conn.close()
    run, out, err, cfg, log = stopped_midway(server, make_config, run_cli, tmp_path, 1, signal.SIGTERM,
                                             args=("--json",))
    repaired = f"{tmp_path / 'mw.db'}: the search index was damaged; rebuilt it from the 20 stored stories " \
               "(nothing was lost)"
    assert run.returncode == TERMINATED
    assert err.splitlines()[0] == f"marketwatch: warning: {repaired}", err
    assert "terminated with 1 of 2 feeds done" in err.splitlines()[1]
    assert json.loads(out)["repairs"] == [repaired]
    assert repaired in log.read_text()
    code, found, _ = run_cli("stories", "--search", "Baidu", "--json", "--config", str(cfg))
    assert code == 0 and len(json.loads(found)) == 21


def test_ctrl_c_stops_a_refresh_and_says_as_much_as_sigterm(server, make_config, run_cli, tmp_path):
    """Ctrl+C during a refresh said only "interrupted", where SIGTERM says how many feeds were
    done and keeps them; now it is the same stop, with exit status 130."""
    run, out, err, cfg, log = stopped_midway(
        server, make_config, run_cli, tmp_path, 2, signal.SIGINT,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # as at a terminal
    said = "interrupted with 1 of 3 feeds done (their stories are stored); the others wait for the next refresh"
    assert (run.returncode, out, err) == (130, "", f"marketwatch: {said}\n")
    assert log.read_text().rstrip().endswith(said.replace("interrupted", "interrupted (Ctrl+C)"))
    assert TIEUP["title"] in run_cli("stories", "--config", str(cfg))[1]


def test_sigterm_while_notify_is_told_says_so_and_the_next_refresh_tells_it(server, make_config, run_cli):
    """Once the feeds were done, SIGTERM (a slow [notify] service, say) ended the run where it
    stood: no line in cron's mail and not the status of a stopped run. The stories are kept,
    and the service is told by the next refresh."""
    posted, release = threading.Event(), threading.Event()

    def hanging(handler):
        posted.set()
        release.wait(30)
        return Reply(200, b"{}")

    hook = "json://" + server.base.removeprefix("http://") + "/hook"
    cfg = make_config([server.url("/a.xml")], extra=f'\n[notify]\nurls = ["{hook}"]\n')
    server.routes["/a.xml"] = Reply(200, rss([]))
    assert run_cli("refresh", "--config", str(cfg)) == (0, "", "")  # the service is known: told up to here
    server.routes["/a.xml"] = Reply(200, rss([{**TIEUP, "date": ""}]))  # published now: news
    server.routes["/hook"] = hanging
    run = subprocess.Popen([sys.executable, "-m", "marketwatch", "refresh", "--config", str(cfg)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert posted.wait(60)
        run.send_signal(signal.SIGTERM)
        out, err = run.communicate(timeout=30)
    finally:
        release.set()
        if run.poll() is None:
            run.kill()
    assert (run.returncode, out, err) == (TERMINATED, "", "marketwatch: terminated once its feed was done (its "
                                                          "stories are stored); [notify] is told by the next refresh\n")
    server.routes["/hook"] = Reply(200, b"{}")
    assert run_cli("refresh", "--config", str(cfg)) == (0, "", "")
    assert len(server.posts) == 2 and TIEUP["title"] in json.loads(server.posts[1][1])["message"]


def test_a_sigterm_as_the_run_ends_is_not_lost(make_config, run_cli, monkeypatch):
    """SIGTERM after the last feed, before the run had ended, set a stop no one looked at any
    more: the run went on to [notify] and exit status 0 as if it had not been told to stop."""
    import marketwatch.refresh
    from marketwatch import dates
    from marketwatch.refresh import FeedOutcome, RefreshReport

    if threading.current_thread() is not threading.main_thread():
        pytest.skip("SIGTERM handlers are set in the main thread only")
    cfg = make_config(["https://n.example.com/feed"])

    def run_then_sigterm(config, **_kwargs):
        os.kill(os.getpid(), signal.SIGTERM)  # handled at once: the main thread is running
        now = dates.utcnow()
        return RefreshReport(started=now, finished=now, feeds=[FeedOutcome(config.feeds[0].url, "feed0", "ok")])

    monkeypatch.setattr(marketwatch.refresh, "refresh", run_then_sigterm)
    assert run_cli("refresh", "--config", str(cfg)) == (
        TERMINATED, "", "marketwatch: terminated once its feed was done (its stories are stored)\n")


def test_sigterm_while_the_report_waits_for_its_reader_says_each_failed_feed_once(server, make_config):
    """`refresh --json | slow-reader` ended by `timeout` while the report waited for room in the
    pipe: each failed feed's line (cron's mail) came twice, once before the report and once again
    with the line that says the run was terminated."""
    server.routes["/bad.xml"] = Reply(500, b"boom")
    cfg = make_config([server.url("/bad.xml")])
    read, write = os.pipe()
    os.set_blocking(write, False)
    with contextlib.suppress(BlockingIOError):  # a pipe already full: the report's write waits
        while True:
            os.write(write, b"x" * 4096)
    os.set_blocking(write, True)
    run = subprocess.Popen([sys.executable, "-m", "marketwatch", "refresh", "--json", "--config", str(cfg)],
                           stdout=write, stderr=subprocess.PIPE, text=True)
    os.close(write)
    try:
        for _ in range(600):  # until the report is being written
            if Path(f"/proc/{run.pid}/wchan").read_text() in ("pipe_write", "pipe_wait"):
                break
            time.sleep(0.05)
        run.send_signal(signal.SIGTERM)
        _, err = run.communicate(timeout=30)
    finally:
        if run.poll() is None:
            run.kill()
        os.close(read)
    failed = "marketwatch: feed0: HTTP 500 Internal Server Error\n"
    assert (run.returncode, err) == (TERMINATED, failed + "marketwatch: terminated once its feed was done (its "
                                                          "stories are stored)\n")


def test_sigterm_while_waiting_for_another_refresh_ends_the_wait(server, make_config):
    from marketwatch.config import load_config
    from marketwatch.lock import refresh_lock
    from marketwatch.store import Store

    server.routes["/a.xml"] = Reply(200, rss([TIEUP]))
    cfg = make_config([server.url("/a.xml")])
    db = load_config(cfg).settings.db
    with Store(db):
        pass
    with refresh_lock(db):  # cron's refresh, say
        run = subprocess.Popen([sys.executable, "-m", "marketwatch", "refresh", "-v", "--config", str(cfg)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert "waiting for it" in run.stderr.readline()  # -v (or a terminal) says why it waits
            run.send_signal(signal.SIGTERM)
            _, err = run.communicate(timeout=30)
        finally:
            if run.poll() is None:
                run.kill()
    assert (run.returncode, err) == (TERMINATED, "marketwatch: terminated before any feed was done; "
                                             "all wait for the next refresh\n")


def test_a_refresh_that_waited_for_another_then_succeeded_prints_nothing(server, make_config):
    """Two cron jobs on one database overlap: the second waits its turn. Its "waiting for it" line
    went to stderr, and cron mailed it although nothing went wrong."""
    from marketwatch.config import load_config
    from marketwatch.lock import refresh_lock
    from marketwatch.store import Store

    server.routes["/a.xml"] = Reply(200, rss([TIEUP]))
    cfg = make_config([server.url("/a.xml")])
    db = load_config(cfg).settings.db
    with Store(db):
        pass
    with refresh_lock(db):  # cron's other refresh
        run = subprocess.Popen([sys.executable, "-m", "marketwatch", "refresh", "--config", str(cfg)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(1.5)  # long enough to start and find the lock taken
        assert run.poll() is None  # still waiting
    out, err = run.communicate(timeout=60)
    assert (run.returncode, out, err) == (0, "", "")


def test_sigterm_to_a_refresh_and_its_parsers_at_once_ends_it_in_order(server, make_config, run_cli):
    """systemd and `pkill -f marketwatch` send SIGTERM to the parser processes too. They leave
    when their refresh lets them go; dying at once, one could be halfway through writing its
    result, and the refresh then waited for the rest of it for ever."""
    hung, release = threading.Event(), threading.Event()

    def hanging(handler):
        hung.set()
        release.wait(60)
        return Reply(200, rss([]))

    paths = [f"/{i}.xml" for i in range(9)]  # enough feeds never fetched to start parser processes
    for i, path in enumerate(paths):
        server.routes[path] = Reply(200, rss([{**TIEUP, "link": f"https://n.example.com/{i}", "guid": f"g{i}"}]))
    server.routes["/hang.xml"] = hanging
    cfg = make_config([server.url(p) for p in [*paths, "/hang.xml"]], "workers = 2")
    cfg.write_text(cfg.read_text().replace("timeout = 5", "timeout = 60"))
    run = subprocess.Popen([sys.executable, "-m", "marketwatch", "refresh", "--config", str(cfg)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert hung.wait(60)
        for _ in range(600):
            feeds = json.loads(run_cli("feeds", "--config", str(cfg), "--json")[1] or "[]")
            if sum(feed["tieups"] for feed in feeds) == len(paths):
                break
            time.sleep(0.05)
        children = Path(f"/proc/{run.pid}/task/{run.pid}/children").read_text().split()
        assert len(children) == 2  # the parsers
        for pid in [run.pid, *map(int, children)]:
            os.kill(pid, signal.SIGTERM)
        _, err = run.communicate(timeout=30)
    finally:
        release.set()
        if run.poll() is None:
            run.kill()
    assert run.returncode == TERMINATED and err.startswith(
        f"marketwatch: terminated with {len(paths)} of 10 feeds done")
    assert not any(Path(f"/proc/{pid}").exists() and "zombie" not in Path(f"/proc/{pid}/status").read_text()
                   for pid in map(int, children))


def test_a_group_without_its_command_shows_its_help_and_exits_2(run_cli):
    code, out, err = run_cli("opml")
    assert code == 2 and out == "" and err.startswith("Usage: ") and " opml [OPTIONS] COMMAND" in err
    assert "error:" not in err and "import" in err and "export" in err


def test_output_in_an_encoding_without_the_dash_is_not_a_traceback(server, make_config):
    """PYTHONIOENCODING=ascii (or a Latin-1 locale): the pair's "–" becomes "?"."""
    server.routes["/a.xml"] = Reply(200, rss([TIEUP]))
    cfg = str(make_config([server.url("/a.xml")]))
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    command = [sys.executable, "-m", "marketwatch"]
    subprocess.run([*command, "refresh", "--config", cfg], env=env, check=True, timeout=60)
    shown = subprocess.run([*command, "stories", "--config", cfg], env=env, capture_output=True, timeout=60)
    assert shown.returncode == 0 and shown.stderr == b""
    assert b"Ford?Baidu" in shown.stdout and TIEUP["title"].encode() in shown.stdout


def test_a_pipe_whose_reader_takes_nothing_more_is_given_up_on(monkeypatch):
    """digest waits for its reader to take the whole digest before marking it, but not for ever:
    a caller that reads only after marketwatch exits would otherwise wait for good."""
    from marketwatch.cli import output

    monkeypatch.setattr(output, "DRAIN_WAIT_S", 0.2)
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, b"# marketwatch digest\n")
        assert output._pipe_drained(write_end) is False  # nobody reads
        os.read(read_end, 100)
        assert output._pipe_drained(write_end) is True  # all taken
    finally:
        os.close(read_end)
        os.close(write_end)


@pytest.mark.parametrize("option", ["--watchlist", "--alliance"])
def test_a_config_with_none_of_the_kind_asked_for_says_so(option, make_config, run_cli):
    """No name to suggest among none: said, where difflib raised and the command gave a traceback."""
    cfg = make_config([])
    text = cfg.read_text(encoding="utf-8")
    text = text.replace('[watchlists."China tie-ups"]\ncompanies = ["Didi", "Baidu", "Alibaba"]\n', "")
    text = text.replace('[alliances."Renault-Nissan-Mitsubishi Alliance"]\nmembers = ["Renault", "Nissan", '
                        '"Mitsubishi"]\naliases = ["Renault-Nissan-Mitsubishi", "Renault-Nissan alliance", '
                        '"Renault-Nissan"]\n', "")
    cfg.write_text(text, encoding="utf-8")
    kind = option.removeprefix("--")
    assert run_cli("stories", "--config", str(cfg), option, "Asia") == (
        2, "", f"marketwatch: no {kind} 'Asia' in the config (known: none configured)\n")


def test_feed_names_and_stored_titles_reach_the_terminal_without_escapes(server, make_config, run_cli, tmp_path):
    """A feed's name in the config (`name = "\\u001b]0;pwned\\u0007"`) set the terminal's title when
    `feeds` printed it; a title stored by another tool went out raw through `stories`."""
    import sqlite3

    server.routes["/a.xml"] = Reply(200, rss([TIEUP]))
    cfg = make_config([], extra=f'[[feeds]]\nurl = "{server.url("/a.xml")}"\nname = "Wire \\u001b]0;pwned\\u0007"\n')
    run_cli("refresh", "--config", str(cfg))
    code, out, _ = run_cli("feeds", "--config", str(cfg))
    assert code == 0 and "\x1b" not in out and "Wire" in out
    db = tmp_path / "mw.db"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE stories SET title = title || ' \x1b[2J'")
    code, out, _ = run_cli("stories", "--config", str(cfg))
    assert code == 0 and "\x1b" not in out and TIEUP["title"] in out
