"""Where marketwatch keeps its files when the config does not say (XDG locations via platformdirs)."""

from __future__ import annotations

from pathlib import Path

APP = "marketwatch"


def user_config_file() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP) / "config.toml"


def user_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP)


def user_state_dir() -> Path:
    from platformdirs import user_state_path

    return user_state_path(APP)


def user_cache_dir() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path(APP)


def default_config_file() -> Path:
    """The shipped default config, installed as package data."""
    return Path(__file__).parent / "defaults" / "config.toml"


def demo_feeds_dir() -> Path:
    return Path(__file__).parent / "demo" / "feeds"
