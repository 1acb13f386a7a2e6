"""The CLI is documented: every command in README.md, --help with examples everywhere, --version,
shell completion, and the SQL queries the README and contrib/queries.sql offer actually run."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import warnings
from pathlib import Path

import click
import pytest
from conftest import Reply

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
QUERIES = ROOT / "contrib" / "queries.sql"
WIRE = Path(__file__).parent / "data" / "workflow.rss"


def command_paths(group: click.Group, prefix: str = "marketwatch") -> list[tuple[str, click.Command]]:
    """Every command and subcommand, as typed: "marketwatch opml import"."""
    out = []
    for name in sorted(group.commands):
        command = group.commands[name]
        if command.hidden:
            continue
        path = f"{prefix} {name}"
        out.append((path, command))
        if isinstance(command, click.Group):
            out += command_paths(command, path)
    return out


def all_commands():
    from marketwatch.cli import cli

    return command_paths(cli)


def test_the_walk_sees_the_subgroups():
    paths = [p for p, _ in all_commands()]
    assert {"marketwatch opml", "marketwatch opml import", "marketwatch opml export", "marketwatch refresh",
            "marketwatch digest", "marketwatch export", "marketwatch add-feed", "marketwatch remove-feed"} <= set(paths)


def test_every_command_appears_in_the_readme():
    readme = README.read_text(encoding="utf-8")
    missing = [path for path, _ in all_commands()
               if not re.search(re.escape(path) + r"(?![\w-])", readme)]
    assert not missing, f"README.md does not mention: {', '.join(missing)}"


def test_the_readme_names_every_filter_of_stories():
    """The commands table is where a user looks for what `stories` can do: --unread and
    --starred were missing from its row."""
    from marketwatch.cli import cli

    readme = README.read_text(encoding="utf-8")
    [row] = [line for line in readme.splitlines() if line.startswith("| `marketwatch stories` |")]
    options = [o for param in cli.commands["stories"].params for o in param.opts
               if o.startswith("--") and o not in ("--config", "--db", "--help")]
    assert [o for o in options if not re.search(re.escape(o) + r"(?![\w-])", row)] == []


def test_the_readmes_check_config_summary_is_the_shipped_configs(run_cli):
    """The README said 654 aliases after the config had grown to 659: the figures a user checks
    an install against come from the shipped config itself."""
    readme = README.read_text(encoding="utf-8")
    [row] = [line for line in readme.splitlines() if line.startswith("| `marketwatch check-config` |")]
    code, out, _ = run_cli("check-config", "--config", str(ROOT / "config.toml"))
    [companies] = [line.split(":", 1)[1].strip() for line in out.splitlines() if line.startswith("  companies:")]
    assert code == 0 and f"`{companies}`" in row


@pytest.mark.parametrize("path", [p for p, _ in all_commands()])
def test_every_command_has_help_with_examples(path, run_cli):
    code, out, _ = run_cli(*path.split()[1:], "--help")
    assert code == 0 and "Examples:" in out, f"`{path} --help` has no examples"
    assert "marketwatch" in out.split("Examples:", 1)[1]


def test_version_and_short_help(run_cli):
    from marketwatch import __version__

    assert run_cli("--version") == (0, f"marketwatch, version {__version__}\n", "")
    code, out, _ = run_cli("-h")
    assert code == 0 and "Commands:" in out


def test_shell_completion_is_offered():
    env = {**os.environ, "_MARKETWATCH_COMPLETE": "bash_source"}
    script = subprocess.run([sys.executable, "-m", "marketwatch"], env=env, capture_output=True, text=True,
                            timeout=60)
    assert script.returncode == 0 and "_marketwatch_completion" in script.stdout
    env.update(_MARKETWATCH_COMPLETE="bash_complete", COMP_WORDS="marketwatch op", COMP_CWORD="1")
    words = subprocess.run([sys.executable, "-m", "marketwatch"], env=env, capture_output=True, text=True,
                           timeout=60)
    assert "plain,opml" in words.stdout.splitlines()


def test_a_bare_marketwatch_still_means_the_dashboard():
    from marketwatch.cli import cli

    ctx = cli.make_context("marketwatch", [])
    with warnings.catch_warnings():  # click 8.2 deprecates protected_args (they move into args in 9)
        warnings.simplefilter("ignore", DeprecationWarning)
        assert [*ctx.protected_args, *ctx.args][:1] == ["dashboard"]


# -- the database outside the app ---------------------------------------------------------------------

@pytest.fixture
def db(server, make_config, run_cli):
    server.routes["/w.xml"] = Reply(200, WIRE.read_bytes())
    server.routes["/gone.xml"] = Reply(404, b"gone")
    cfg = make_config([server.url("/w.xml"), server.url("/gone.xml")])
    run_cli("refresh", "--config", str(cfg))
    return cfg.parent / "mw.db"


def named_queries() -> dict[str, str]:
    text = QUERIES.read_text(encoding="utf-8")
    parts = re.split(r"^-- name: ([\w-]+)\n", text, flags=re.M)
    return {name: body.strip() for name, body in zip(parts[1::2], parts[2::2], strict=True)}


def test_contrib_queries_run_and_answer(db):
    import sqlite_utils

    database = sqlite_utils.Database(db)
    queries = named_queries()
    assert set(queries) >= {"top-pairs", "tieups-per-week", "company-stories", "deal-types", "failing-feeds"}

    def run(name, **params):
        return list(database.query(queries[name], params))

    assert run("top-pairs")[0] == {"oem": "Toyota", "tech": "Pony.ai", "stories": 2,
                                   "latest": "2026-11-23T09:00:00Z"}
    weeks = {r["week"]: r["tieups"] for r in run("tieups-per-week")}
    assert weeks == {"2026-11-23": 1, "2026-11-16": 2, "2026-11-09": 2}
    assert [r["title"] for r in run("company-stories", company="Ford")] == ["Ford and Baidu sign MoU on robotaxis"]
    assert {r["deal_type"]: r["stories"] for r in run("deal-types")}["partnership"] == 2
    assert [(r["feed"], r["error"]) for r in run("failing-feeds")] == [("feed1", "HTTP 404 Not Found")]


def test_tables_are_plain_text_and_numbers_with_full_text_search(db):
    import sqlite_utils

    database = sqlite_utils.Database(db)
    assert {"stories", "feeds", "story_companies", "story_pairs", "story_alliances", "story_feeds"} <= set(
        database.table_names())
    for name in ("stories", "feeds", "story_companies", "story_pairs", "story_alliances", "story_feeds"):
        assert {c.type for c in database[name].columns} <= {"TEXT", "INTEGER"}, name
    assert [r["title"] for r in database["stories"].search("infotainment")] == [
        "Renault-Nissan alliance picks Google for infotainment"]


def shell_blocks(path: Path) -> str:
    """The text of the ```sh code blocks of a Markdown file."""
    out, lang = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            lang = None if lang is not None else (line[3:].strip() or "text")
        elif lang in ("sh", "bash", "console"):
            out.append(line)
    return "\n".join(out)


def test_the_readme_sqlite_utils_queries_run(db):
    from click.testing import CliRunner
    from sqlite_utils.cli import cli as sqlite_utils_cli

    # In the README's code blocks: sqlite-utils query "$DB" "SQL" [options], the SQL without double quotes.
    commands = re.findall(r'^sqlite-utils query "\$DB" "([^"]+)"([^\n]*)', shell_blocks(README), re.M)
    assert len(commands) >= 3, "README.md should show sqlite-utils queries (top pairs, per week, a company)"
    for sql, rest in commands:
        args = ["query", str(db), sql, *shlex.split(rest.split("#")[0])]
        result = CliRunner().invoke(sqlite_utils_cli, args)
        assert result.exit_code == 0, f"{sql}\n{result.output}"
        assert result.output.strip() not in ("", "[]"), f"no rows from: {sql}"
