"""`marketwatch rematch` and the retention of entries that matched nothing, end to end: a company
added to the watchlist shows its recent history at once, with the deal type, the sentence that
triggered the match and the spans of the names stored for the dashboard; OEM-OEM and tech-tech
deals are kept and labelled; old entries that matched nothing are forgotten."""

from __future__ import annotations

import json
from datetime import timedelta
from email.utils import format_datetime

from conftest import Reply, rss

from marketwatch import dates
from marketwatch.queries import StoryFilter, list_stories
from marketwatch.store import Store

MOMENTA = '\n[companies.Momenta]\nkind = "tech"\naliases = ["Momenta"]\n'


def item(title: str, description: str, age_days: int, slug: str) -> dict:
    when = dates.utcnow() - timedelta(days=age_days)
    return {"title": title, "description": description, "link": f"https://n.example.com/{slug}",
            "date": format_datetime(when)}


RECENT = item("Toyota bZ3X gets new driver assistance",
              "GAC Toyota said the bZ3X will use assisted driving software from Momenta in China.",
              10, "bz3x")
OLD = item("Toyota picks Momenta for China models", "The deal covers several models.", 200, "old-momenta")
OLD_TIEUP = item("Ford and Baidu sign MoU on robotaxis", "The deal covers China.", 200, "ford-baidu")
TECH_TECH = item("Baidu and Alibaba form a joint venture for maps", "", 5, "baidu-alibaba")


def stories(run_cli, cfg, *args) -> list[dict]:
    code, out, err = run_cli("stories", "--config", str(cfg), "--json", *args)
    assert code == 0, err
    return json.loads(out)


def test_a_company_added_later_gets_its_recent_history_with_sentence_and_spans(server, make_config, run_cli):
    server.routes["/a.xml"] = Reply(200, rss([RECENT, TECH_TECH]))
    cfg = make_config([server.url("/a.xml")])
    assert run_cli("refresh", "--config", str(cfg))[0] == 0
    assert stories(run_cli, cfg) == []  # Momenta is not in the config yet: nothing to show

    cfg.write_text(cfg.read_text() + MOMENTA)
    code, out, _ = run_cli("rematch", "--config", str(cfg))
    assert code == 0 and "1 tie-up stories (0 before)" in out
    [story] = stories(run_cli, cfg, "--company", "Momenta")
    assert story["pairs"] == [["Toyota", "Momenta"]] and story["deal_type"] == "supply"
    assert story["sentence"] == RECENT["description"]
    with Store(cfg.parent / "mw.db", create=False) as store:  # what the dashboard reads
        [shown] = list_stories(store.conn, StoryFilter(companies=("Momenta",)))
    named = {shown.sentence[start:end]: company for start, end, company in shown.spans}
    assert named == {"Toyota": "Toyota", "Momenta": "Momenta"}

    # The tech-tech deal is kept and labelled, out of the tie-up view but there with --kind.
    assert [s["title"] for s in stories(run_cli, cfg, "--kind", "tech-tech")] == [TECH_TECH["title"]]
    assert [s["kind"] for s in stories(run_cli, cfg, "--kind", "all")] == ["tech-tech", "oem-tech"]


def test_removing_a_company_takes_its_stories_out_of_the_tieups(server, make_config, run_cli):
    server.routes["/a.xml"] = Reply(200, rss([RECENT]))
    cfg = make_config([server.url("/a.xml")], extra=MOMENTA)
    run_cli("refresh", "--config", str(cfg))
    assert len(stories(run_cli, cfg)) == 1
    cfg.write_text(cfg.read_text().replace(MOMENTA, ""))
    code, out, _ = run_cli("rematch", "--config", str(cfg), "--json")
    assert code == 0 and json.loads(out)["tieups"] == 0
    assert stories(run_cli, cfg, "--kind", "all") == []


def test_entries_that_matched_nothing_are_kept_for_the_retention_period(server, make_config, run_cli,
                                                                         monkeypatch):
    """Refreshed 200 days ago, then today with retention_days = 30: the old entry that matched
    nothing is gone (a rematch cannot find it), the old tie-up and the recent entry are kept."""
    real_now = dates.utcnow()
    monkeypatch.setattr(dates, "utcnow", lambda: real_now - timedelta(days=199))
    server.routes["/a.xml"] = Reply(200, rss([OLD, OLD_TIEUP]))
    cfg = make_config([server.url("/a.xml")], settings="retention_days = 30")
    assert run_cli("refresh", "--config", str(cfg))[0] == 0

    monkeypatch.setattr(dates, "utcnow", lambda: real_now)
    server.routes["/a.xml"] = Reply(200, rss([RECENT]))
    assert run_cli("refresh", "--config", str(cfg))[0] == 0
    cfg.write_text(cfg.read_text() + MOMENTA)
    code, out, _ = run_cli("rematch", "--config", str(cfg), "--json")
    assert code == 0 and json.loads(out)["entries"] == 2
    assert {s["title"] for s in stories(run_cli, cfg)} == {RECENT["title"], OLD_TIEUP["title"]}
