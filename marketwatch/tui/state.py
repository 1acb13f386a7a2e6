"""Small dashboard preferences (the theme) kept between runs in a JSON file.

The file lives in the user state dir, or in $MARKETWATCH_STATE_DIR when that is set (tests).
A missing or damaged file means defaults; failing to save is not worth interrupting anyone.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from marketwatch import paths

ENV = "MARKETWATCH_STATE_DIR"
FILENAME = "dashboard.json"


def state_file() -> Path:
    base = os.environ.get(ENV)
    return (Path(base) if base else paths.user_state_dir()) / FILENAME


def load() -> dict:
    try:
        data = json.loads(state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(**values) -> None:
    path = state_file()
    data = {**load(), **values}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
