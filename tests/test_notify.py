"""[notify]: a refresh's new tie-ups sent through Apprise, here to a JSON webhook on 127.0.0.1."""

from __future__ import annotations

import email.utils
import json
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from conftest import Reply, rss
from test_tui_support import NOW, build_db, fixed_config

from marketwatch.config import ConfigError, Notify, load_config
from marketwatch.models import Sent
from marketwatch.notify import LISTED, _reason, catch_up, compose, send_each, service_key
from marketwatch.store import Store
from marketwatch.story import Story

ALLIANCE = "Renault-Nissan-Mitsubishi Alliance"


def hours_ago(hours: float) -> str:
    """A pubDate relative to the real clock: a refresh tells only recent tie-ups."""
    return email.utils.format_datetime(datetime.now(UTC) - timedelta(hours=hours), usegmt=True)


FORD_BAIDU = {"title": "Ford and Baidu sign MoU on robotaxis", "link": "https://n.example.com/ford-baidu",
              "guid": "fb", "date": hours_ago(2)}
NISSAN_DIDI = {"title": "Nissan and Didi form ride-hailing joint venture", "link": "https://n.example.com/nd",
               "guid": "nd", "date": hours_ago(3)}
PROFIT = {"title": "Toyota posts record quarterly profit", "guid": "tp", "date": hours_ago(4)}
OLD_NEWS = {"title": "Toyota and Baidu form autonomous driving joint venture", "guid": "old",
            "link": "https://n.example.com/old", "date": hours_ago(24 * 30)}


def hook(server, path: str = "/hook") -> str:
    server.routes[path] = Reply(200, b"{}", {"Content-Type": "application/json"})
    return "json://" + server.base.removeprefix("http://") + path


def sent(server) -> list[dict]:
    return [json.loads(body) for _path, body in server.posts]


def story(sid: str, title: str, pairs=(), companies=(), deal="mou", url=None) -> Story:
    return Story(id=sid, title=title, url=url, published="2026-11-23T09:00:00Z", summary="", kind="oem-tech",
                 deal_type=deal, sentence=None, spans=(), read=False, starred=False,
                 companies=companies, pairs=pairs)


def test_a_message_names_each_tieups_pair_deal_headline_and_link():
    title, body = compose([story("a", "Ford and Baidu sign MoU", (("Ford", "Baidu"),),
                                 url="https://n.example.com/a?utm_source=rss&utm_medium=feed"),  # link sent clean
                           story("b", "Nissan\x1b[31m and Didi form JV", (("Nissan", "Didi"),), deal="joint-venture")])
    assert title == "marketwatch: 2 new tie-ups"
    assert body == ("Ford – Baidu (MoU): Ford and Baidu sign MoU\nhttps://n.example.com/a\n\n"
                    "Nissan – Didi (joint venture): Nissan and Didi form JV")  # no escape reaches a terminal
    many = [story(str(i), f"Story {i}", (("Ford", "Baidu"),)) for i in range(LISTED + 3)]
    title, body = compose(many)
    assert title == f"marketwatch: {LISTED + 3} new tie-ups"
    assert body.endswith("… and 3 more (`marketwatch stories` lists them)")
    assert body.count("Ford – Baidu") == LISTED


REFERENCE = ("x1", 0, "Renault-Nissan-Mitsubishi Alliance signs MoU with Didi on EV sharing",
             "The alliance and Didi will build the platform together. Separately, "
             "BMW, Volvo and Ford partner with Alibaba on connected cars.")


def test_pairs_named_in_passing_are_told_with_their_own_deal(tmp_path, make_config, server):
    """The reference story: the alliance's MoU with Didi, and in passing BMW, Volvo and Ford's
    partnership with Alibaba. The message must not say that Ford signed an MoU."""
    config = fixed_config(tmp_path, make_config)
    build_db(config, [("s2", 1, "Ford and Baidu sign MoU on robotaxis", ""), REFERENCE])
    with Store(config.settings.db) as store:
        assert catch_up(_with_notify(config, [hook(server)]), store, 0, NOW).told == 1
        # Stored before schema 6, every pair had the story's deal (what the migration gives them).
        store.conn.execute("UPDATE story_pairs SET deal_type = "
                           "(SELECT deal_type FROM stories WHERE id = story_id)")
        store.conn.commit()
        assert catch_up(_with_notify(config, [hook(server, "/old")]), store, 0, NOW).told == 1
    new, old = (json.loads(body)["message"].split("\n\n") for _path, body in server.posts)
    assert new == [
        "Mitsubishi – Didi, Nissan – Didi, Renault – Didi (MoU); "
        "BMW – Alibaba, Ford – Alibaba, Volvo Cars – Alibaba (partnership): "
        "Renault-Nissan-Mitsubishi Alliance signs MoU with Didi on EV sharing\nhttps://news.example.com/x1",
        "Ford – Baidu (MoU): Ford and Baidu sign MoU on robotaxis\nhttps://news.example.com/s2"]  # one deal: as ever
    assert old[0].startswith("BMW – Alibaba, Ford – Alibaba, Mitsubishi – Didi, Nissan – Didi, Renault – Didi, "
                             "Volvo Cars – Alibaba (MoU): ")  # what an old row knows, written as before
    assert old[1] == new[1]


def _with_notify(config, urls, alliance=None):
    return replace(config, notify=Notify(tuple(urls), alliance))


def test_each_service_is_told_what_was_stored_since_it_was_last_told(tmp_path, make_config, server):
    config = fixed_config(tmp_path, make_config)
    build_db(config)  # stories from before [notify]: not news to anyone
    with Store(config.settings.db) as store:
        before = store.last_rowid()
    build_db(config, [("s1", 0, "Ford and Baidu form autonomous driving joint venture", ""),
                      ("s2", 0, "Nissan and Didi sign MoU on ride-hailing", ""),
                      ("s3", 0, "Toyota posts record quarterly profit", "")], feed=1)
    everyone = _with_notify(config, [hook(server, "/all")])
    alliance = _with_notify(config, [hook(server, "/rnm")], alliance=ALLIANCE)
    with Store(config.settings.db) as store:
        assert catch_up(everyone, store, before, NOW) == Sent(services=1, told=1, tieups=2)
        assert catch_up(alliance, store, before, NOW) == Sent(services=1, told=1, tieups=1)
        assert [(path, json.loads(body)["title"]) for path, body in server.posts] == [
            ("/all", "marketwatch: 2 new tie-ups"), ("/rnm", "marketwatch: 1 new tie-up")]
        assert json.loads(server.posts[1][1])["message"].startswith("Nissan – Didi")
        assert catch_up(everyone, store, before, NOW) == Sent()  # told already: not again
        assert len(server.posts) == 2


def test_only_recent_tieups_are_news(tmp_path, make_config, server):
    """A new feed's backlog, or a first refresh, stores old tie-ups: stored and shown, not sent."""
    config = fixed_config(tmp_path, make_config)
    build_db(config, [("s1", 0, "Ford and Baidu form autonomous driving joint venture", "")])
    a_month_on = NOW + timedelta(days=30)
    with Store(config.settings.db) as store:
        assert catch_up(_with_notify(config, [hook(server)]), store, 0, a_month_on) == Sent()
    assert server.posts == []


def test_sending_to_a_webhook_and_to_a_dead_one(server):
    assert send_each([(hook(server), "marketwatch: 1 new tie-up", "Ford – Baidu (MoU): …")]) == [None]
    assert sent(server) == [{"version": "1.0", "title": "marketwatch: 1 new tie-up", "message": "Ford – Baidu (MoU): …",
                             "attachments": [], "type": "info"}]
    errors = send_each([("json://ana:s3cret@127.0.0.1:9/hook/T0KEN", "t", "b"), ("nosuchservice://token-123", "t", "b"),
                        (hook(server), "t", "b")])
    assert errors == ["notify: json://ana:****@127.0.0.1:9/…: A Connection error occurred sending JSON notification "
                      "to 127.0.0.1: connection refused",  # the path of a webhook often is its secret
                      "notify: nosuchservice://…: not a URL Apprise can use (see check-config)",
                      None]  # one result per service, in order


def test_a_service_that_never_answers_is_given_up_on(server):
    release = threading.Event()

    def hang(handler):
        release.wait(10)
        return Reply(200, b"{}")

    server.routes["/slow"] = hang
    url = "json://" + server.base.removeprefix("http://") + "/slow"
    try:
        assert send_each([(url, "t", "b"), (hook(server), "t", "b")], deadline=0.5) == [
            f"notify: {url.rsplit('/', 1)[0]}/…: no answer within 0.5 s", None]
        assert len(server.posts) >= 1  # the other service was told meanwhile
    finally:
        release.set()


def test_the_reason_given_is_apprises_warning_and_the_systems_cause_on_one_line():
    log = ["DEBUG Email Server: smtp.example.invalid",
           'WARNING Connection error while submitting email to "smtp.example.invalid".',
           "DEBUG Socket Exception: [Errno -2] Name or service not known",
           "DEBUG Email send() completed in 0.01s."]
    assert _reason(log) == ('Connection error while submitting email to "smtp.example.invalid": '
                            "name or service not known")
    assert _reason(["WARNING A Connection error occurred sending JSON notification to x.",
                    "DEBUG Socket Exception: HTTPConnectionPool: Read timed out. (read timeout=4.0)"]) == (
        "A Connection error occurred sending JSON notification to x: timed out")
    assert _reason([]) == "not sent"


def notify_config(make_config, server, feeds, notify: str):
    return make_config([server.url(f) for f in feeds], extra=f"\n[notify]\n{notify}\n")


def test_refresh_sends_its_new_tieups_once(server, make_config, run_cli):
    server.routes["/a.xml"] = Reply(200, rss([FORD_BAIDU, PROFIT]))
    config = notify_config(make_config, server, ["/a.xml"], f'urls = ["{hook(server)}"]')
    code, out, err = run_cli("refresh", "-v", "--config", str(config))
    assert code == 0 and err == ""
    assert "[notify]: told 1 service of 1 new tie-up" in out
    (message,) = sent(server)
    assert message["title"] == "marketwatch: 1 new tie-up"
    assert message["message"] == ("Ford – Baidu (MoU): Ford and Baidu sign MoU on robotaxis\n"
                                  "https://n.example.com/ford-baidu")
    server.routes["/a.xml"] = Reply(200, rss([FORD_BAIDU, PROFIT, NISSAN_DIDI]))
    assert run_cli("refresh", "--config", str(config), "--no-notify")[0] == 0
    assert len(server.posts) == 1  # Nissan – Didi is stored, and not sent
    assert run_cli("refresh", "--config", str(config))[0] == 0
    assert len(server.posts) == 1  # nothing new: nothing sent


def test_refresh_sends_only_a_watchlists_recent_tieups(server, make_config, run_cli):
    server.routes["/a.xml"] = Reply(200, rss([FORD_BAIDU, OLD_NEWS]))
    config = notify_config(make_config, server, ["/a.xml"], f'urls = ["{hook(server)}"]\nwatchlist = "China tie-ups"')
    assert run_cli("refresh", "--config", str(config))[0] == 0
    (message,) = sent(server)  # Toyota – Baidu is a month old: stored, and not news
    assert message["title"] == "marketwatch: 1 new tie-up" and message["message"].startswith("Ford – Baidu")


def test_refresh_sends_only_the_watched_alliances_tieups(server, make_config, run_cli):
    server.routes["/a.xml"] = Reply(200, rss([FORD_BAIDU]))
    config = notify_config(make_config, server, ["/a.xml"], f'urls = ["{hook(server)}"]\nalliance = "{ALLIANCE}"')
    assert run_cli("refresh", "--config", str(config))[0] == 0
    assert server.posts == []
    server.routes["/a.xml"] = Reply(200, rss([FORD_BAIDU, NISSAN_DIDI]))
    assert run_cli("refresh", "--config", str(config))[0] == 0
    assert [m["title"] for m in sent(server)] == ["marketwatch: 1 new tie-up"]
    assert sent(server)[0]["message"].startswith("Nissan – Didi (joint venture)")


REFERENCE_ITEM = {"title": "Renault-Nissan-Mitsubishi Alliance signs MoU with Didi on EV sharing", "guid": "ref",
                  "link": "https://n.example.com/ref", "date": hours_ago(1),
                  "description": "Separately, BMW, Volvo and Ford partner with Alibaba on connected cars."}


def test_refresh_sends_only_the_deal_types_asked_for(server, make_config, run_cli):
    """`deals = ["joint-venture", "stake"]`: an investor's phone rings for those only. A pair's
    own deal counts: the reference story (an MoU) reports a partnership with Alibaba too."""
    server.routes["/a.xml"] = Reply(200, rss([FORD_BAIDU, NISSAN_DIDI]))
    config = notify_config(make_config, server, ["/a.xml"],
                           f'urls = ["{hook(server)}"]\ndeals = ["joint-venture", "stake"]')
    assert run_cli("refresh", "--config", str(config))[0] == 0
    (message,) = sent(server)
    assert message["title"] == "marketwatch: 1 new tie-up"
    assert message["message"].startswith("Nissan – Didi (joint venture)")
    server.routes["/a.xml"] = Reply(200, rss([FORD_BAIDU, NISSAN_DIDI, REFERENCE_ITEM]))
    config.write_text(config.read_text().replace('deals = ["joint-venture", "stake"]', 'deals = ["partnership"]'))
    assert run_cli("refresh", "--config", str(config))[0] == 0
    assert sent(server)[1]["message"].startswith("Mitsubishi – Didi, Nissan – Didi, Renault – Didi (MoU); "
                                                 "BMW – Alibaba, Ford – Alibaba")


def test_with_a_watchlist_the_deal_is_its_companies_own(server, make_config, run_cli):
    """Narrowed to China tie-ups (Didi, Baidu, Alibaba), a watch on stakes hears neither of the
    reference story (an MoU for Didi, a partnership for Alibaba) nor of Ford's MoU with Baidu,
    and then of Toyota's stake in Baidu alone."""
    server.routes["/a.xml"] = Reply(200, rss([REFERENCE_ITEM, FORD_BAIDU]))
    config = notify_config(make_config, server, ["/a.xml"],
                           f'urls = ["{hook(server)}"]\nwatchlist = "China tie-ups"\ndeals = ["stake"]')
    assert run_cli("refresh", "--config", str(config))[0] == 0
    assert server.posts == []
    server.routes["/a.xml"] = Reply(200, rss([REFERENCE_ITEM, FORD_BAIDU, dict(
        NISSAN_DIDI, guid="ts", title="Toyota takes stake in Baidu's robotaxi unit", link="https://n.example.com/ts")]))
    assert run_cli("refresh", "--config", str(config))[0] == 0
    (message,) = sent(server)
    assert message["title"] == "marketwatch: 1 new tie-up" and message["message"].startswith("Toyota – Baidu (stake)")
    out = run_cli("check-config", "--config", str(config))[1]
    assert "notify:     new stake tie-ups of China tie-ups to json://127.0.0.1:" in out


def test_a_service_that_cannot_be_told_is_one_line_and_exit_status_1(server, make_config, run_cli, tmp_path):
    server.routes["/a.xml"] = Reply(200, rss([FORD_BAIDU]))
    config = notify_config(make_config, server, ["/a.xml"],
                           f'urls = ["json://bot:hunter2@127.0.0.1:9/down", "{hook(server)}"]')
    log = tmp_path / "refresh.log"
    code, out, err = run_cli("refresh", "--config", str(config), "--json", "--log-file", str(log))
    assert code == 1
    (line,) = err.splitlines()
    assert line.startswith("marketwatch: notify: json://bot:****@127.0.0.1:9/…: ") and "hunter2" not in err
    report = json.loads(out)
    assert report["notify"] == {"services": 2, "told": 1, "tieups": 1, "errors": [line.removeprefix("marketwatch: ")]}
    assert len(server.posts) == 1  # the other service was told
    assert "notify: json://bot:****@127.0.0.1:9/…" in log.read_text()
    with Store(load_config(config).settings.db) as store:  # the tie-up is stored all the same
        assert store.conn.execute("SELECT count(*) FROM stories WHERE kind = 'oem-tech'").fetchone()[0] == 1


def test_a_service_that_was_down_hears_from_the_next_refresh_what_it_missed(server, make_config, run_cli):
    server.routes["/a.xml"] = Reply(200, rss([FORD_BAIDU]))
    hook(server, "/up")
    server.routes["/down"] = Reply(500, b"maintenance")
    base = "json://" + server.base.removeprefix("http://")
    config = notify_config(make_config, server, ["/a.xml"], f'urls = ["{base}/up", "{base}/down"]')
    code, out, err = run_cli("refresh", "-v", "--config", str(config))
    assert code == 1 and "notify: json://127.0.0.1:" in err
    assert ("[notify]: told 1 of 2 services of new tie-ups (up to 1 each); "
            "the others hear of them at the next refresh") in out
    assert sorted(path for path, _ in server.posts) == ["/down", "/up"]
    server.routes["/down"] = Reply(200, b"{}")  # back up; the feed has nothing new
    code, _, err = run_cli("refresh", "--config", str(config))
    assert code == 0 and err == ""
    assert sorted(path for path, _ in server.posts) == ["/down", "/down", "/up"]  # /up is not told twice
    assert json.loads(server.posts[2][1])["message"].startswith("Ford – Baidu (MoU)")
    assert run_cli("refresh", "--config", str(config))[0] == 0 and len(server.posts) == 3


def test_a_new_service_hears_of_the_tieups_of_a_run_stopped_before_telling_it(server, make_config, run_cli):
    """A run ended (SIGTERM, the dashboard's q) after storing, before [notify] was told: a
    service new to the database started at the next run, and never heard of those tie-ups."""
    from marketwatch.refresh import refresh

    server.routes["/a.xml"] = Reply(200, rss([FORD_BAIDU]))
    config = notify_config(make_config, server, ["/a.xml"], f'urls = ["{hook(server)}"]')
    assert [story_id for story_id, _ in refresh(load_config(config)).new_tieups]  # stored, nobody told
    assert run_cli("refresh", "--config", str(config))[0] == 0
    assert [m["message"].split(" (")[0] for m in sent(server)] == ["Ford – Baidu"]


def test_a_new_password_keeps_what_the_service_is_owed(server, make_config, run_cli):
    """The usual fix for a service that refuses: a new password in its URL. It is still the same
    service, and hears of what it missed."""
    server.routes["/a.xml"] = Reply(200, rss([FORD_BAIDU]))
    server.routes["/hook"] = Reply(401, b"bad password")
    host = server.base.removeprefix("http://")
    config = notify_config(make_config, server, ["/a.xml"], f'urls = ["json://bot:old@{host}/hook"]')
    assert run_cli("refresh", "--config", str(config))[0] == 1
    server.routes["/hook"] = Reply(200, b"{}")
    config = notify_config(make_config, server, ["/a.xml"], f'urls = ["json://bot:new@{host}/hook"]')
    assert run_cli("refresh", "--config", str(config))[0] == 0
    assert [json.loads(body)["message"].split(" (")[0] for _, body in server.posts] == ["Ford – Baidu"] * 2
    assert service_key("json://bot:old@h/x") == service_key("json://bot:new@h/x") != service_key("json://ann:x@h/x")
    assert service_key("json://h/x") != service_key("json://h/y")


def test_two_catch_ups_at_once_tell_a_service_once(tmp_path, make_config, server):
    """cron's refresh and the dashboard's can finish together: one tells, the other finds
    nothing left to tell."""
    config = fixed_config(tmp_path, make_config)
    build_db(config, [("s1", 0, "Ford and Baidu form autonomous driving joint venture", "")])
    release = threading.Event()

    def slow(handler):
        release.wait(0.5)
        return Reply(200, b"{}")

    server.routes["/slow"] = slow
    told = _with_notify(config, ["json://" + server.base.removeprefix("http://") + "/slow"])
    results = []

    def one() -> None:
        with Store(config.settings.db) as store:
            results.append(catch_up(told, store, 0, NOW))

    threads = [threading.Thread(target=one) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert len(server.posts) == 1
    assert sorted(r.services for r in results) == [0, 1]


def test_notify_added_to_a_config_starts_with_the_next_refreshs_tieups(server, make_config, run_cli):
    server.routes["/a.xml"] = Reply(200, rss([FORD_BAIDU]))
    plain = make_config([server.url("/a.xml")])
    assert run_cli("refresh", "--config", str(plain))[0] == 0
    server.routes["/a.xml"] = Reply(200, rss([FORD_BAIDU, NISSAN_DIDI]))
    config = notify_config(make_config, server, ["/a.xml"], f'urls = ["{hook(server)}"]')
    assert run_cli("refresh", "--config", str(config))[0] == 0
    assert [m["message"].split(" (")[0] for m in sent(server)] == ["Nissan – Didi"]


def test_check_config_shows_services_masked_and_refuses_an_unknown_one(server, make_config, run_cli):
    config = notify_config(make_config, server, [], 'urls = ["json://ana:s3cret@127.0.0.1:9/hook"]')
    code, out, err = run_cli("check-config", "--config", str(config))
    assert code == 0 and "notify:     new tie-ups to json://ana:****@127.0.0.1:9/…" in out and "s3cret" not in out
    config = notify_config(make_config, server, [], 'urls = ["slakc://T000/B000/XXXX", "json://h/", "x"]')
    code, out, err = run_cli("check-config", "--config", str(config))
    assert code == 2 and err.count("\n") == 1
    assert "notify.urls: slakc://…: not a URL Apprise can use; notify.urls: (not a URL): not a URL" in err
    assert "XXXX" not in err


@pytest.mark.parametrize("notify, problem", [
    ('alliance = "Nope"\nurls = ["json://x/"]', "notify.alliance: 'Nope' is not an alliance of [alliances]"),
    ('watchlist = "Nope"\nurls = ["json://x/"]', "notify.watchlist: 'Nope' is not a watchlist of [watchlists]"),
    (f'alliance = "{ALLIANCE}"', "notify.urls: missing"),
    ("urls = 3", "notify.urls: must be a list of non-empty strings"),
    ('url = ["json://x/"]', "notify.url: unknown key"),
    ('deals = ["jv"]\nurls = ["json://x/"]', "notify.deals: 'jv' is not a deal type \\(one of ended, talks, mou,"),
    ('deals = ["stake"]', "notify.urls: missing"),
])
def test_a_broken_notify_table_is_a_one_line_config_error(make_config, notify, problem):
    path = make_config([], extra=f"\n[notify]\n{notify}\n")
    with pytest.raises(ConfigError, match=problem.replace("[", r"\[").replace("]", r"\]")):
        load_config(path)


def test_notify_deals_take_the_names_the_messages_write(make_config):
    """A message says "(MoU)" and "(joint venture)": a user copying that into [notify] got a
    config error."""
    path = make_config([], extra='\n[notify]\nurls = ["json://x/"]\ndeals = ["MoU", "joint venture", "stake"]\n')
    assert load_config(path).notify.deals == ("mou", "joint-venture", "stake")


def test_the_shipped_configs_notify_example_works_once_uncommented():
    """The commented [notify] block at the end of the shipped config: valid, and every URL in it
    is one Apprise knows; as shipped, nothing is sent anywhere."""
    import tomllib

    from marketwatch.config import parse_config
    from marketwatch.notify import check
    from marketwatch.paths import default_config_file

    text = default_config_file().read_text(encoding="utf-8")
    assert load_config(default_config_file()).notify.urls == ()
    example = text[text.index("# [notify]\n"):]
    uncommented = text + "\n" + "\n".join(line.removeprefix("# ") for line in example.splitlines())
    config = parse_config(tomllib.loads(uncommented), default_config_file())
    assert config.notify.urls and config.notify.watchlist == "Robotaxi"
    shown, problems = check(config.notify.urls)
    assert problems == [] and len(shown) == len(config.notify.urls)
    assert not any("app-password" in service for service in shown)


@pytest.mark.parametrize("sent, line", [
    (Sent(services=1, told=1, tieups=3), "[notify]: told 1 service of 3 new tie-ups"),
    (Sent(services=1, told=0, tieups=1, errors=("x",)),
     "[notify]: 1 service not told; it hears of 1 new tie-up at the next refresh"),
    (Sent(services=3, told=3, tieups=2), "[notify]: told 3 of 3 services of new tie-ups (up to 2 each)"),
    (Sent(services=2, told=0, tieups=4, errors=("x", "y")),
     "[notify]: none of 2 services told; they hear of their new tie-ups (up to 4 each) at the next refresh"),
])
def test_what_refresh_v_says_of_notify(sent, line):
    from marketwatch.cli.refresh import _notify_line

    assert _notify_line(sent) == line
