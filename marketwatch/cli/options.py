"""Options shared by several commands, and the small helpers they use."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable

import click

config_option = click.option(
    "--config", "config_path", type=click.Path(dir_okay=False),
    help="Config file (default: $MARKETWATCH_CONFIG, ./config.toml, or the user config).")
db_option = click.option("--db", "db_path", type=click.Path(dir_okay=False),
                         help="Database file (default: the config's settings.db).")
json_option = click.option("--json", "as_json", is_flag=True, help="Machine-readable JSON output.")


def common(func: Callable) -> Callable:
    return config_option(db_option(func))


def load(config_path: str | None, db_path: str | None):
    from marketwatch.config import load_config

    return load_config(config_path, db_override=db_path)


def open_store(config, *, create: bool = False):
    from marketwatch.store import Store

    return Store(config.settings.db, create=create)


def echo_json(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def color() -> bool:
    """Colour only on a terminal and never with NO_COLOR set (https://no-color.org)."""
    return "NO_COLOR" not in os.environ and sys.stdout.isatty()


def style(text: str, **kwargs) -> str:
    return click.style(text, **kwargs) if color() else text


def since_option(func: Callable) -> Callable:
    return click.option("--since", "since", metavar="WHEN",
                        help='Only stories published since WHEN: a date, "2 weeks ago", "last monday".')(func)


def parse_since(value: str | None, config):
    from marketwatch.dates import parse_when

    if not value:
        return None
    when = parse_when(value, config.settings.languages)
    if when is None:
        raise click.BadParameter(f"cannot understand the date {value!r}", param_hint="--since")
    return when
