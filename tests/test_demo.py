"""`marketwatch demo`: the bundled sample feeds, offline, in a database of their own."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from pathlib import Path

from marketwatch import paths
from marketwatch.config import Feed
from marketwatch.demo import demo_config
from marketwatch.refresh import refresh


def test_demo_fills_its_own_database_from_the_bundled_feeds(run_cli, make_config, tmp_path):
    config = make_config(["https://news.example.com/rss"])
    db = tmp_path / "demo.db"
    code, out, err = run_cli("demo", "--no-open", "--config", str(config), "--db", str(db))
    assert code == 0 and err == ""
    found = re.fullmatch(rf"{re.escape(str(db))}: (\d+) demo feeds, (\d+) new stories, (\d+) new tie-ups\n", out)
    assert found and int(found[1]) >= 3 and int(found[2]) > 20 and int(found[3]) > 5
    code, out, _ = run_cli("stories", "--config", str(config), "--db", str(db), "--json")
    assert code == 0 and "Didi" in out
    code, out, _ = run_cli("demo", "--no-open", "--config", str(config), "--db", str(db))
    assert code == 0 and out.endswith(" 0 new stories, 0 new tie-ups\n")  # run again: nothing twice


def test_a_demo_with_a_config_of_no_tech_companies_says_it_will_find_no_tie_ups(run_cli, tmp_path):
    config = tmp_path / "oems.toml"
    config.write_text('[companies.Toyota]\nkind = "oem"\naliases = ["Toyota"]\n', encoding="utf-8")
    code, out, err = run_cli("demo", "--no-open", "--config", str(config), "--db", str(tmp_path / "demo.db"))
    assert code == 0 and out.endswith(" 0 new tie-ups\n")
    assert err == (f'marketwatch: warning: {config}: no company has kind = "tech", so no story is an OEM–tech '
                   "tie-up; `marketwatch demo` without --config uses the shipped companies\n")


def test_the_demo_keeps_the_users_companies_but_never_notifies(make_config, tmp_path):
    """Its sample stories are not news: a [notify] in the user's config is not used (the
    dashboard's r would otherwise send them)."""
    config = make_config(["https://news.example.com/rss"], extra='\n[notify]\nurls = ["json://127.0.0.1:9/hook"]\n')
    config.write_text(config.read_text().replace("auto_refresh = 0", "auto_refresh = 30"), encoding="utf-8")
    demo = demo_config(str(config), str(tmp_path / "demo.db"))
    assert demo.settings.auto_refresh == 0  # nor refreshes by itself: its samples never change
    assert demo.notify.urls == ()
    assert "Renault" in demo.companies and all(feed.url.startswith("file://") for feed in demo.feeds)


def test_a_demo_database_of_another_install_keeps_one_set_of_demo_feeds(run_cli, make_config, tmp_path):
    """The demo's feeds are files of the installed package: another install (a new virtualenv,
    another clone) reads them from other paths. Its feeds are dropped, so a story says
    "demo: tech-mobility" once, not once for every install; a user's own feed stays."""
    from marketwatch.store import Store

    config = make_config(["https://news.example.com/rss"])
    db = tmp_path / "demo.db"
    demo = demo_config(str(config), str(db))
    other = tmp_path / "old-venv" / "marketwatch" / "demo" / "feeds"  # another install's copy
    shutil.copytree(paths.demo_feeds_dir(), other)
    elsewhere = [dataclasses.replace(feed, url=(other / Path(feed.url).name).as_uri()) for feed in demo.feeds]
    mine = Feed("https://example.com/demo-feed.xml", "demo: my own")
    with Store(db) as store:
        store.sync_feeds([*elsewhere, mine])
    run_cli("demo", "--no-open", "--config", str(config), "--db", str(db))
    old = dataclasses.replace(demo, feeds=tuple(elsewhere))
    assert refresh(old).failed == []  # the other install's demo, run again: its stories, under its feeds
    code, _, err = run_cli("demo", "--no-open", "--config", str(config), "--db", str(db))
    assert code == 0 and err == ""
    with Store(db) as store:
        urls = {url for (url,) in store.conn.execute("SELECT url FROM feeds")}
        doubled = store.conn.execute("SELECT count(*) FROM story_feeds sf JOIN feeds f ON f.id = sf.feed_id "
                                     "GROUP BY sf.story_id, f.name HAVING count(*) > 1").fetchall()
    assert urls == {feed.url for feed in demo.feeds} | {mine.url} and doubled == []
    shown = json.loads(run_cli("stories", "--config", str(config), "--db", str(db), "--json", "--limit", "500")[1])
    assert shown and all(len(story["feeds"]) == len(set(story["feeds"])) for story in shown)


def test_the_demo_refuses_a_database_with_feeds_of_its_own(run_cli, make_config, tmp_path):
    """`--db` in a shell alias reaches `demo` too: its 150 sample stories would have joined the
    user's real ones, in `stories`, exports and the next digest mailed."""
    config = make_config([(tmp_path / "mine.xml").as_uri(), (tmp_path / "again.xml").as_uri()])
    for name in ("mine.xml", "again.xml"):  # one story, two feeds: counted once
        (tmp_path / name).write_text("<rss><channel><title>t</title><item><title>Toyota picks Nvidia</title>"
                                     "<link>https://example.com/1</link></item></channel></rss>", encoding="utf-8")
    real = tmp_path / "real.db"
    assert run_cli("refresh", "--config", str(config), "--db", str(real))[0] == 0
    before = real.read_bytes()
    for args in (("--db", str(real), "demo", "--no-open"), ("demo", "--no-open", "--db", str(real))):
        code, out, err = run_cli(*args)
        assert (code, out) == (2, "")
        assert err.startswith(f"marketwatch: {real} is not a demo database: it holds 1 story of 2 feeds of its own")
        assert "leave out --db, or name a new file" in err
    assert real.read_bytes() == before
