"""The core must not depend on the UI: harlequin enforces the same split with this test."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import marketwatch

CORE = sorted(
    f"marketwatch.{m.name}" for m in pkgutil.iter_modules(marketwatch.__path__)
    if m.name not in ("tui", "__main__")
)


def test_core_modules_do_not_import_textual_or_rich():
    code = (
        "import sys, importlib\n"
        f"for name in {CORE!r}: importlib.import_module(name)\n"
        "import marketwatch.cli\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_refresh_command_does_not_import_the_dashboard_or_heavy_parsers_on_start():
    code = (
        "import sys\n"
        "from marketwatch.cli import cli\n"
        "heavy = ('textual', 'rich', 'feedparser', 'dateparser', 'httpx')\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
