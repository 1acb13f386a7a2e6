"""marketwatch benchmarks: one command, loopback only, stops by itself.

    python benchmarks/run.py                 # every scenario, full size (about 2-3 minutes)
    python benchmarks/run.py --quick         # smaller runs, one repetition (about 40 s)
    python benchmarks/run.py --only refresh  # one scenario (refresh, match, store, startup, dashboard)

It builds synthetic feeds, serves them on 127.0.0.1 (benchmarks/server.py), runs each scenario and
prints a table: scenario, target, measured, peer figure, pass/fail. Peers (newsboat, lemon24's
reader) run side by side on the same loopback feeds when they are installed and are skipped,
with a row that says so, when they are not. Nothing here touches the network.
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Row, compile_package, cpu_loop, machine
from synth import companies_toml, names_from_toml

SCENARIOS = ("refresh", "match", "store", "startup", "dashboard")


class Context:
    def __init__(self, args: argparse.Namespace, work: Path) -> None:
        self.args = args
        self.quick = args.quick
        self.work = work
        self.companies_text, self.companies_source = companies_toml()
        self.names = names_from_toml(self.companies_text, self.companies_source)
        self.store_db: Path | None = None
        self.store_config = None
        self.started = time.perf_counter()

    def log(self, message: str) -> None:
        elapsed = time.perf_counter() - self.started
        print(f"[{elapsed:6.1f} s] {message}", file=sys.stderr, flush=True)


def run_scenario(name: str, ctx: Context) -> list[Row]:
    if name == "refresh":
        import bench_refresh as module
    elif name == "match":
        import bench_match as module
    elif name == "store":
        import bench_store as module
    elif name == "startup":
        import bench_startup as module
    else:
        import bench_dashboard as module
    before = cpu_loop()
    ctx.log(f"scenario {name} (CPU: a 10M-step loop in {before:.2f} s) ...")
    try:
        rows = module.run(ctx)
    except Exception as exc:  # a broken scenario is a row, not the end of the run
        import traceback

        traceback.print_exc()
        return [Row(name, "", "error", "", "FAIL", f"{type(exc).__name__}: {exc}"[:200])]
    after = cpu_loop()
    speed = f"CPU speed around this scenario: a 10M-step loop in {before:.2f} s before, {after:.2f} s after"
    rows[0].note = f"{rows[0].note}; {speed}" if rows[0].note else speed
    return rows


def table(rows: list[Row]) -> str:
    head = ("scenario", "target", "measured", "peers", "result")
    cells = [head] + [(r.scenario, r.target, r.measured, r.peers, r.status) for r in rows]
    widths = [min(max(len(c[i]) for c in cells), (60, 22, 50, 44, 7)[i]) for i in range(5)]

    def line(values) -> str:
        return " | ".join(str(v)[:w].ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(head), "-+-".join("-" * w for w in widths)]
    out += [line(c) for c in cells[1:]]
    notes = [f"  {r.scenario}: {r.note}" for r in rows if r.note]
    if notes:
        out += ["", "notes:", *notes]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="marketwatch benchmarks (loopback only)")
    parser.add_argument("--quick", action="store_true", help="smaller runs, one repetition")
    parser.add_argument("--only", action="append", choices=SCENARIOS, metavar="SCENARIO",
                        help=f"run only this scenario (repeatable): {', '.join(SCENARIOS)}")
    parser.add_argument("--repeat", type=int, default=None, help="repetitions of each refresh run (default 3, quick 1)")
    parser.add_argument("--json", type=Path, help="also write the rows and the machine facts to this file")
    parser.add_argument("--keep", action="store_true", help="keep the work directory (feeds, databases)")
    parser.add_argument("--timeout", type=int, default=1200, help="stop everything after this many seconds")
    args = parser.parse_args(argv)

    def give_up(*_):
        raise TimeoutError(f"benchmark stopped after {args.timeout} s")

    signal.signal(signal.SIGALRM, give_up)
    signal.alarm(args.timeout)
    work = Path(tempfile.mkdtemp(prefix="marketwatch-bench-"))
    ctx = Context(args, work)
    compile_package()
    info = machine()
    ctx.log(f"machine: {info['nproc']} cores, {info['cpu']}, {info['ram']}, Python {info['python']}, "
            f"SQLite {info['sqlite']}; companies from {ctx.companies_source}; work dir {work}")
    rows: list[Row] = []
    try:
        for name in args.only or SCENARIOS:
            rows += run_scenario(name, ctx)
    finally:
        signal.alarm(0)
        server = getattr(ctx, "server", None)
        if server is not None:
            server.close()
        if args.keep:
            ctx.log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(f"marketwatch benchmarks, {time.strftime('%Y-%m-%d')}: {info['nproc']} cores ({info['cpu']}), "
          f"{info['ram']} RAM, Python {info['python']}, SQLite {info['sqlite']}, "
          f"CPU speed: a 10M-step Python loop in {info['loop_s']} s"
          f"{', quick run' if args.quick else ''}")
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "quick": args.quick, "rows": [r.__dict__ for r in rows]},
                                        indent=2, default=str))
    return 1 if any(r.status == "FAIL" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
