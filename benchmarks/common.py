"""What every scenario shares: the result row, timing helpers, machine facts, subprocess runs."""

from __future__ import annotations

import os
import platform
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


@dataclass
class Row:
    scenario: str
    target: str
    measured: str
    peers: str = ""
    status: str = "info"  # pass, FAIL, info, skipped
    note: str = ""
    figures: dict = field(default_factory=dict)  # raw numbers, for --json

    @staticmethod
    def check(ok: bool) -> str:
        return "pass" if ok else "FAIL"


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def fmt_s(seconds: float) -> str:
    if seconds != seconds:  # nan
        return "n/a"
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"


def fmt_ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def compile_package() -> None:
    """Write marketwatch's bytecode first, as `pip install` does, so no timed run compiles it."""
    import compileall

    compileall.compile_dir(ROOT / "marketwatch", quiet=1, force=False)


def timed_run(cmd: list[str], *, env: dict | None = None, cwd: Path | None = None,
              timeout: float = 600) -> tuple[float, subprocess.CompletedProcess]:
    """Wall time of a command from spawn to exit (what a user or cron sees)."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
    return time.perf_counter() - start, proc


def child_env(**extra: str) -> dict:
    """The environment of a user's shell: no marketwatch overrides, and bytecode cached as usual.

    PYTHONDONTWRITEBYTECODE (set in some sandboxes and CI images) would make every timed command
    compile marketwatch from source, about 30 ms a process that an installed copy never pays.
    """
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("MARKETWATCH_", "PYTHONPROFILE", "PYTHONDONTWRITEBYTECODE"))}
    env.update({"NO_COLOR": "1", **extra})
    return env


def machine() -> dict:
    cpu = "unknown"
    try:
        text = Path("/proc/cpuinfo").read_text()
        found = re.search(r"^model name\s*:\s*(.+)$", text, re.M)
        cpu = found.group(1).strip() if found else cpu
    except OSError:
        pass
    ram = "unknown"
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        ram = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass
    try:
        import sqlite3

        sqlite = sqlite3.sqlite_version
    except ImportError:
        sqlite = "?"
    return {
        "loop_s": round(cpu_loop(), 2),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram": ram,
        "python": platform.python_version(),
        "sqlite": sqlite,
        "os": f"{platform.system()} {platform.release()}",
    }


def cpu_loop() -> float:
    """Seconds of CPU for ten million additions in a Python loop: how fast this machine is right
    now. Shared virtual machines vary by a factor of two from hour to hour; figures taken in one
    run (ours beside the peers') compare, figures from two runs compare only with this beside them."""
    start = time.process_time()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.process_time() - start


def rss_kb_of(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None
