"""Where files live: platformdirs locations, overridden by flags and environment variables."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "backcoach"
CONFIG_ENV = "BACKCOACH_CONFIG"
DATA_DIR_ENV = "BACKCOACH_DATA_DIR"


def settings_file(override: str | None = None) -> Path:
    """--config FILE, else $BACKCOACH_CONFIG, else settings.toml in the user config folder."""
    chosen = override or os.environ.get(CONFIG_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return default_settings_file()


def default_settings_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "settings.toml"


def user_exercises_file(settings: Path) -> Path:
    return settings.parent / "exercises.toml"


def data_dir() -> Path:
    chosen = os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME))


def history_file() -> Path:
    return data_dir() / "history.sqlite3"


def state_dir() -> Path:
    """Where the app keeps what is its own, apart from the history's folder."""
    return Path(platformdirs.user_state_dir(APP_NAME))


def safety_answered_file() -> Path:
    """Marks the safety screen answered when the settings file could not take the answer (broken)."""
    return state_dir() / "safety-acknowledged"


def reminded_file() -> Path:
    """The day `backcoach remind` last said something: in the state folder (beside the history when
    BACKCOACH_DATA_DIR moves that, so each history is reminded of on its own)."""
    chosen = os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser() / "reminded-on"
    return state_dir() / "reminded-on"


def crash_dir() -> Path:
    """Where a crash's full traceback is written: the state folder (beside the history when
    BACKCOACH_DATA_DIR moves that)."""
    chosen = os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser() / "crashes"
    return Path(platformdirs.user_state_dir(APP_NAME)) / "crashes"


def cache_dir() -> Path:
    """Where generated files live (the tones): safe to delete, made again when needed."""
    return Path(platformdirs.user_cache_dir(APP_NAME))


def user_drawings_file(settings: Path) -> Path:
    return settings.parent / "drawings.toml"


def schema_dir() -> Path:
    """The JSON Schemas shipped in the package, for editors to check settings and exercise files."""
    return Path(__file__).resolve().parents[2] / "schemas"


def shipped_config_dir() -> Path:
    """config/ inside an installed wheel, else the repository's config/ beside the package."""
    package_dir = Path(__file__).resolve().parents[2]
    bundled = package_dir / "config"
    return bundled if bundled.is_dir() else package_dir.parent / "config"
