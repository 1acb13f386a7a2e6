"""Start-up scenarios: what a cron job pays before any feed is fetched.

`marketwatch refresh` must not import Textual (or rich), and its start-up should stay close to
the interpreter's own: measured as `marketwatch refresh` on a config with no feeds, beside
`python -c pass` and `marketwatch --version`.
"""

from __future__ import annotations

from pathlib import Path

from common import PYTHON, Row, child_env, fmt_s, median, timed_run

HERE = Path(__file__).resolve().parent
UI_MODULES = {"textual", "rich", "pygments"}


def _marketwatch() -> list[str]:
    script = Path(PYTHON).with_name("marketwatch")
    return [str(script)] if script.exists() else [PYTHON, "-m", "marketwatch"]


def _median_time(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        seconds, proc = timed_run(cmd, env=child_env())
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)}: exit {proc.returncode}: {proc.stderr.decode()[-300:]}")
        times.append(seconds)
    return median(times)


def run(ctx) -> list[Row]:
    repeat = 3 if ctx.quick else 9
    folder = ctx.work / "startup"
    folder.mkdir(exist_ok=True)
    config = folder / "config.toml"
    config.write_text(f'[settings]\ndb = "startup.db"\n\n{ctx.companies_text}', encoding="utf-8")
    refresh = [*_marketwatch(), "refresh", "--config", str(config)]
    python = _median_time([PYTHON, "-c", "pass"], repeat)
    version = _median_time([*_marketwatch(), "--version"], repeat)
    empty = _median_time(refresh, repeat)

    probe = folder / "modules.txt"
    timed_run([PYTHON, str(HERE / "probe_modules.py"), str(probe), "refresh", "--config", str(config)],
              env=child_env())
    modules = set(probe.read_text().split()) if probe.exists() else set()
    loaded_ui = sorted(UI_MODULES & modules)
    return [
        Row("startup: `marketwatch refresh`, no feeds", "lean start-up", fmt_s(empty),
            f"python -c pass {fmt_s(python)}, --version {fmt_s(version)}", "info",
            "the config (116 companies) is read and validated; the database opened", {"seconds": empty}),
        Row("startup: modules imported by `marketwatch refresh`", "no textual, rich",
            ", ".join(loaded_ui) or "none of textual, rich, pygments", "", Row.check(not loaded_ui and bool(modules)),
            f"{len(modules)} modules in all", {"ui_modules": loaded_ui}),
    ]
