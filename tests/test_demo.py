"""`marketwatch demo`: the bundled sample feeds, offline, in a database of their own."""

from __future__ import annotations

import re

from marketwatch.demo import demo_config


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


def test_the_demo_keeps_the_users_companies_but_never_notifies(make_config, tmp_path):
    """Its sample stories are not news: a [notify] in the user's config is not used (the
    dashboard's r would otherwise send them)."""
    config = make_config(["https://news.example.com/rss"], extra='\n[notify]\nurls = ["json://127.0.0.1:9/hook"]\n')
    demo = demo_config(str(config), str(tmp_path / "demo.db"))
    assert demo.notify.urls == ()
    assert "Renault" in demo.companies and all(feed.url.startswith("file://") for feed in demo.feeds)
