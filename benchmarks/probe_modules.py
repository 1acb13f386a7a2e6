"""Run the marketwatch command and record which top-level modules it imported.

    python benchmarks/probe_modules.py OUT_FILE refresh --config ...

Used to check that `marketwatch refresh` never loads Textual, and that a warm refresh (every
feed 304 or unchanged) never loads the parser or the matcher.
"""

from __future__ import annotations

import atexit
import sys
from pathlib import Path


def main() -> None:
    out = Path(sys.argv[1])

    def record() -> None:
        names = sorted({name.split(".")[0] for name in sys.modules} | {
            name for name in sys.modules if name.startswith("marketwatch.")})
        out.write_text("\n".join(names))

    atexit.register(record)
    sys.argv = ["marketwatch", *sys.argv[2:]]
    from marketwatch.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
