"""Refresh scenarios, side by side with the peers on the same loopback feeds.

cold:       200 feeds x 50 items into an empty database (a few percent of them tie-ups);
warm:       the same feeds again, every server answering 304 Not Modified;
unchanged:  the same feeds again, the servers answering 200 with the same body and no validators.

Each tool is timed as a command, from spawn to exit, the way cron runs it. Repetitions rotate
the order of the tools; the median is reported. Before the warm runs every tool refreshes once
untimed, because newsboat only stores a feed's validators on its second visit.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

from common import PYTHON, Row, child_env, fmt_s, median, timed_run
from synth import build_feeds

FEEDS = 200
ITEMS = 50
HOSTS = 40  # ports on 127.0.0.1, each standing for one news site
COLD_RATIO = 0.7
WARM_RATIO = 0.2
HERE = Path(__file__).resolve().parent


class FeedServer:
    """benchmarks/server.py in its own process (so it never competes for our GIL)."""

    def __init__(self, directory: Path, hosts: int, lifetime: float) -> None:
        self.proc = subprocess.Popen(
            [PYTHON, str(HERE / "server.py"), str(directory), "--ports", str(hosts), "--lifetime", str(lifetime)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the feed server did not start")
        self.ports = json.loads(line)["ports"]

    def control(self, path: str) -> dict:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.ports[0]}{path}", timeout=10) as response:
            return json.loads(response.read())

    def urls(self, feeds: int) -> list[str]:
        return [f"http://127.0.0.1:{self.ports[i % len(self.ports)]}/{i}.xml" for i in range(feeds)]

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Tool:
    name = ""

    def __init__(self, work: Path, urls: list[str]) -> None:
        self.dir = work / self.name
        self.dir.mkdir(parents=True, exist_ok=True)
        self.urls = urls

    def reset(self) -> None:
        for path in self.dir.glob("state*"):
            path.unlink()

    def command(self) -> list[str]:
        raise NotImplementedError

    def env(self) -> dict:
        return child_env()

    def stored(self) -> str:
        return ""

    def run(self) -> tuple[float, subprocess.CompletedProcess]:
        seconds, proc = timed_run(self.command(), env=self.env(), cwd=self.dir)
        return seconds, proc


class Marketwatch(Tool):
    name = "marketwatch"

    def __init__(self, work: Path, urls: list[str], companies_text: str) -> None:
        super().__init__(work, urls)
        feeds = "".join(f'[[feeds]]\nurl = "{u}"\nname = "feed {i}"\n\n' for i, u in enumerate(urls))
        self.config = self.dir / "config.toml"
        self.config.write_text(f'[settings]\ndb = "state.db"\n\n{feeds}{companies_text}', encoding="utf-8")

    def command(self) -> list[str]:
        script = Path(PYTHON).with_name("marketwatch")
        base = [str(script)] if script.exists() else [PYTHON, "-m", "marketwatch"]
        return [*base, "refresh", "--config", str(self.config)]

    def stored(self) -> str:
        import sqlite3

        conn = sqlite3.connect(self.dir / "state.db")
        try:
            stories, tieups = conn.execute("SELECT count(*), sum(kind = 'oem-tech') FROM stories").fetchone()
        finally:
            conn.close()
        return f"{stories:,} stories, {tieups or 0:,} tie-ups"


class Newsboat(Tool):
    name = "newsboat"

    def __init__(self, work: Path, urls: list[str]) -> None:
        super().__init__(work, urls)
        (self.dir / "urls").write_text("\n".join(urls) + "\n")
        (self.dir / "config").write_text("reload-threads 16\n")
        (self.dir / "home").mkdir(exist_ok=True)

    def command(self) -> list[str]:
        return ["newsboat", "-x", "reload", "-u", "urls", "-c", "state.cache", "-C", "config"]

    def env(self) -> dict:
        home = str(self.dir / "home")
        return child_env(HOME=home, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home)

    def stored(self) -> str:
        import sqlite3

        conn = sqlite3.connect(self.dir / "state.cache")
        try:
            return f"{conn.execute('SELECT count(*) FROM rss_item').fetchone()[0]:,} items"
        finally:
            conn.close()


class Reader(Tool):
    name = "reader"

    def __init__(self, work: Path, urls: list[str]) -> None:
        super().__init__(work, urls)
        (self.dir / "urls").write_text("\n".join(urls) + "\n")

    def command(self) -> list[str]:
        return [PYTHON, str(HERE / "peer_reader.py"), "state.sqlite", "urls", "--workers", "16"]

    def stored(self) -> str:
        import sqlite3

        conn = sqlite3.connect(self.dir / "state.sqlite")
        try:
            return f"{conn.execute('SELECT count(*) FROM entries').fetchone()[0]:,} entries"
        finally:
            conn.close()


class Floor(Tool):
    """Not a peer: benchmarks/peer_floor.py, a bare Python program that only sends the
    conditional GETs and writes the statuses (no parsing, matching or checks). Its warm run is
    the least a warm refresh in Python costs on this machine, with the stdlib's http.client or
    with httpx, marketwatch's HTTP library."""

    client = ""

    def __init__(self, work: Path, urls: list[str]) -> None:
        self.name = f"floor-{self.client}"
        super().__init__(work, urls)
        (self.dir / "urls").write_text("\n".join(urls) + "\n")

    def command(self) -> list[str]:
        return [PYTHON, str(HERE / "peer_floor.py"), "state.sqlite", "urls", "--client", self.client]


class FloorStdlib(Floor):
    client = "stdlib"


class FloorHttpx(Floor):
    client = "httpx"


def peers_available() -> tuple[list[type], list[Row]]:
    found, rows = [], []
    if shutil.which("newsboat"):
        found.append(Newsboat)
    else:
        rows.append(Row("peer: newsboat", "", "not installed", "", "skipped",
                        "apt-get install -y newsboat to compare (the ratio targets need it)"))
    if importlib.util.find_spec("reader") is not None:
        found.append(Reader)
    else:
        rows.append(Row("peer: reader (lemon24)", "", "not installed", "", "skipped",
                        f"{PYTHON} -m pip install reader to compare (never a marketwatch dependency)"))
    return found, rows


def run(ctx) -> list[Row]:
    repeat = ctx.args.repeat or (1 if ctx.quick else 3)
    feeds_dir = ctx.work / "feeds"
    counts = build_feeds(feeds_dir, ctx.names, FEEDS, ITEMS)
    ctx.log(f"refresh: {counts['feeds']} feeds, {counts['items']:,} items ({counts['distinct_stories']:,} distinct, "
            f"{counts['tieups']} tie-ups), {counts['bytes'] / 1e6:.1f} MB")
    server = ctx.server = FeedServer(feeds_dir, HOSTS, ctx.args.timeout)
    urls = server.urls(FEEDS)
    peer_classes, rows = peers_available()
    tools: list[Tool] = [Marketwatch(ctx.work, urls, ctx.companies_text)]
    tools += [cls(ctx.work, urls) for cls in (*peer_classes, FloorStdlib, FloorHttpx)]
    times: dict[str, dict[str, list[float]]] = {t.name: {"cold": [], "warm": [], "unchanged": []} for t in tools}
    info: dict[str, dict[str, str]] = {t.name: {} for t in tools}
    for r in range(repeat):
        order = tools[r % len(tools):] + tools[: r % len(tools)]
        for tool in order:
            tool.reset()
        server.control("/__mode/validators")
        for phase in ("cold", "prime", "warm", "unchanged"):
            server.control("/__mode/plain" if phase == "unchanged" else "/__mode/validators")
            for tool in order:
                server.control("/__reset")
                seconds, proc = tool.run()
                stats = server.control("/__stats")
                if proc.returncode != 0:
                    ctx.log(f"  {tool.name} {phase}: exit {proc.returncode}: {proc.stderr.decode()[-300:]}")
                if phase == "prime":
                    continue
                times[tool.name][phase].append(seconds)
                info[tool.name][phase] = f"{stats['200']} x 200, {stats['304']} x 304"
                if phase == "cold":
                    info[tool.name]["stored"] = tool.stored()
                ctx.log(f"  run {r + 1}/{repeat} {phase:<9} {tool.name:<11} {seconds:6.2f} s  "
                        f"({info[tool.name][phase]})")
        server.control("/__mode/validators")
    modules = _warm_modules(ctx, tools[0], server)
    rows = _rows(times, info, counts, modules) + rows
    return rows


def _warm_modules(ctx, tool: Marketwatch, server: FeedServer) -> set[str]:
    """Which modules a warm `marketwatch refresh` loads (it must not load the parser or matcher)."""
    out = ctx.work / "warm-modules.txt"
    subprocess.run([PYTHON, str(HERE / "probe_modules.py"), str(out), "refresh", "--config", str(tool.config)],
                   env=child_env(), cwd=tool.dir, capture_output=True, timeout=300, check=False)
    return set(out.read_text().split()) if out.exists() else set()


def _rows(times, info, counts, modules: set[str]) -> list[Row]:
    mw = times["marketwatch"]
    nb = times.get("newsboat")
    rows = []
    scenarios = [
        ("cold", f"cold refresh: {FEEDS} feeds x {ITEMS} items, empty DB", COLD_RATIO),
        ("warm", "warm refresh: every feed 304 Not Modified", WARM_RATIO),
        ("unchanged", "warm refresh: 200, same body, no validators", WARM_RATIO),
    ]
    for phase, title, ratio in scenarios:
        measured = median(mw[phase])
        peers = ", ".join(f"{name} {fmt_s(median(t[phase]))}" for name, t in times.items()
                          if name != "marketwatch" and not name.startswith("floor-"))
        if nb:
            reference = median(nb[phase])
            status = Row.check(measured <= ratio * reference)
            target = f"<= {ratio} x newsboat ({fmt_s(ratio * reference)})"
            measured_text = f"{fmt_s(measured)} ({measured / reference:.2f} x)"
        else:
            status, target, measured_text = "info", f"<= {ratio} x newsboat", fmt_s(measured)
        note = f"marketwatch {info['marketwatch'].get(phase, '')}"
        if phase == "cold":
            note = ("stored: " + "; ".join(f"{n} {i.get('stored', '?')}" for n, i in info.items()
                                           if not n.startswith("floor-"))
                    + f" (of {counts['distinct_stories']:,} distinct stories, {counts['tieups']} tie-ups)")
        rows.append(Row(title, target, measured_text, peers, status, note,
                        {name: t[phase] for name, t in times.items()}))
    rows.append(_floor_row(times))
    heavy = sorted(m for m in modules if m in ("feedparser", "dateparser", "ahocorasick", "marketwatch.match",
                                                "marketwatch.mentions", "marketwatch.parse", "textual", "rich"))
    rows.append(Row(
        "warm refresh: no re-parse or re-match of unchanged feeds",
        "parser and matcher not loaded",
        "not loaded" if modules and not heavy else (f"loaded: {', '.join(heavy)}" if modules else "probe failed"),
        "", Row.check(bool(modules) and not heavy),
        "modules imported by a warm `marketwatch refresh` (benchmarks/probe_modules.py)",
    ))
    return rows


def _floor_row(times) -> Row:
    """The warm run of bare programs that only send the GETs and store the statuses: how near the
    warm target is to what Python itself costs here (see peer_floor.py)."""
    nb = times.get("newsboat")
    parts = []
    for name, t in times.items():
        if name.startswith("floor-"):
            warm = median(t["warm"])
            ratio = f" = {warm / median(nb['warm']):.2f} x newsboat" if nb else ""
            parts.append(f"{name.removeprefix('floor-')} {fmt_s(warm)}{ratio}")
    return Row("warm refresh floor: bare Python, GETs and statuses only", "none (for reading the warm row)",
               "; ".join(parts), "", "info",
               "benchmarks/peer_floor.py: stdlib http.client or httpx.Client over 16 threads, no parsing, "
               "checks or features", {n: t["warm"] for n, t in times.items() if n.startswith("floor-")})


if __name__ == "__main__":  # pragma: no cover - run through benchmarks/run.py
    sys.exit("run: python benchmarks/run.py --only refresh")
