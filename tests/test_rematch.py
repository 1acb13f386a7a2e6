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
    assert code == 0 and "1 tie-up story (0 before)" in out
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


def refreshed_with_tieups(server, make_config, run_cli, count: int):
    items = [item(f"Ford and Baidu sign MoU number {i} on robotaxis", "", 3, f"fb{i}") for i in range(count)]
    server.routes["/a.xml"] = Reply(200, rss(items))
    cfg = make_config([server.url("/a.xml")])
    assert run_cli("refresh", "--config", str(cfg))[0] == 0
    return cfg


def test_a_config_without_companies_is_refused_and_changes_nothing(server, make_config, run_cli, tmp_path):
    """A config saved half-way: rematched with it, every story would leave the tie-ups, and the
    next refresh's retention would delete the old ones for good."""
    cfg = refreshed_with_tieups(server, make_config, run_cli, 3)
    half = tmp_path / "half.toml"
    half.write_text("[settings]\ntimeout = 5\n")
    code, out, err = run_cli("rematch", "--config", str(half), "--db", str(cfg.parent / "mw.db"))
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert err.startswith(f"marketwatch: {half}: lists no companies")
    assert len(stories(run_cli, cfg)) == 3


def test_a_sharp_drop_needs_yes_and_says_how_many(server, make_config, run_cli, tmp_path):
    cfg = refreshed_with_tieups(server, make_config, run_cli, 12)
    fewer = tmp_path / "fewer.toml"  # Baidu is gone: every tie-up of the feed would be taken out
    fewer.write_text('[settings]\ndb = "mw.db"\n[companies.Ford]\nkind = "oem"\naliases = ["Ford"]\n')
    code, out, err = run_cli("rematch", "--config", str(fewer))
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert "would take 12 of the 12 tie-up stories out" in err and "--yes" in err
    assert len(stories(run_cli, cfg)) == 12
    code, out, _ = run_cli("rematch", "--config", str(fewer), "--yes")
    assert code == 0 and out == "12 entries matched again: 0 tie-up stories (12 before; 12 taken out)\n"
    assert stories(run_cli, cfg) == []


def test_what_counts_as_a_sharp_drop():
    from marketwatch.rematch import Plan

    def sharp(before: int, lost: int) -> bool:
        return Plan(entries=before, before=before, after=before - lost, lost=lost, results=()).sharp_drop

    assert not sharp(268, 10) and not sharp(268, 133) and sharp(268, 134) and sharp(268, 267)
    assert not sharp(15, 9) and sharp(15, 10)  # a few stories never count as sharp...
    assert not sharp(3, 3)  # ...even all of a small database's


def test_a_story_the_matcher_fails_on_keeps_its_match_and_the_rematch_goes_on(server, make_config, run_cli,
                                                                                 monkeypatch):
    """A KeyError in one rule stopped `rematch` with a traceback, nothing rematched."""
    from marketwatch.match import Matcher

    server.routes["/a.xml"] = Reply(200, rss([RECENT, TECH_TECH]))
    cfg = make_config([server.url("/a.xml")], extra=MOMENTA)
    run_cli("refresh", "--config", str(cfg))
    real = Matcher.match

    def broken(self, title, summary="", year=None):
        if "bZ3X" in title:
            raise KeyError("a rule's bug")
        return real(self, title, summary, year)

    monkeypatch.setattr(Matcher, "match", broken)
    code, out, err = run_cli("rematch", "--config", str(cfg), "--json")
    assert code == 0 and err == "" and json.loads(out)["tieups"] == 1
    assert [s["title"] for s in stories(run_cli, cfg)] == [RECENT["title"]]


# A recall story of this year that tells only a deal of years ago: read with the year it was
# published, as a refresh and a rematch read it, it is no tie-up; read undated, the latest year
# it names (2020) would make that deal look new.
RECALL = item("Toyota recalls 9,000 robotaxis over a software fault",
              "The robotaxis run Pony.ai's software, which Toyota has used since a 2020 agreement.", 3, "recall")


def test_a_story_is_matched_with_the_year_it_was_published_at_refresh_and_rematch(server, make_config, run_cli):
    from marketwatch.config import load_config
    from marketwatch.match import Matcher

    server.routes["/a.xml"] = Reply(200, rss([RECALL, OLD_TIEUP]))
    cfg = make_config([server.url("/a.xml")])
    matcher = Matcher(load_config(cfg))
    assert matcher.match(RECALL["title"], RECALL["description"]).tieup  # undated
    assert run_cli("refresh", "--config", str(cfg))[0] == 0
    assert [s["title"] for s in stories(run_cli, cfg)] == [OLD_TIEUP["title"]]
    code, out, _ = run_cli("rematch", "--config", str(cfg))
    assert code == 0 and "1 tie-up story (1 before)" in out
    assert [s["title"] for s in stories(run_cli, cfg)] == [OLD_TIEUP["title"]]
