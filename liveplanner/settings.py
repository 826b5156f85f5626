"""Where liveplanner keeps its files, with an environment override for tests and portable use."""

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

APP_NAME = "liveplanner"
DATABASE_URL_ENV = "LIVEPLANNER_DATABASE_URL"
DATA_DIR_ENV = "LIVEPLANNER_DATA_DIR"  # keeps a test or a USB-stick install out of the home folder


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))


def default_database_path() -> Path:
    return data_dir() / "liveplanner.sqlite3"


def backup_dir() -> Path:
    return data_dir() / "backups"


def database_url(explicit: str | None = None) -> str:
    """The database to open: --database, else LIVEPLANNER_DATABASE_URL, else the local file."""
    if explicit:
        return explicit
    if env := os.environ.get(DATABASE_URL_ENV):
        return env
    return f"sqlite:///{default_database_path()}"


PREFERENCES_VERSION = 1
MAX_LAG = 30  # core.review.MAX_LAG; not imported, so settings stay free of pandas
LANGUAGES = ("system", "zh_CN", "en")
THEMES = ("light", "dark")


@dataclass(frozen=True, slots=True)
class Preferences:
    """What the user chose in the app; typed defaults, read leniently, written whole."""

    language: str = "system"  # system, zh_CN or en
    theme: str = "light"  # light or dark
    attribution_lag: int = 2  # minutes from a pitch to its orders, in the review
    version: int = PREFERENCES_VERSION


def preferences_path() -> Path:
    return data_dir() / "settings.json"


def load_preferences() -> Preferences:
    """The saved preferences; defaults for anything missing, unknown or unreadable."""
    try:
        raw = json.loads(preferences_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Preferences()
    if not isinstance(raw, dict):
        return Preferences()
    language = raw.get("language")
    theme = raw.get("theme")
    lag = raw.get("attribution_lag")
    return Preferences(
        language=language if language in LANGUAGES else "system",
        theme=theme if theme in THEMES else "light",
        attribution_lag=lag if type(lag) is int and 0 <= lag <= MAX_LAG else 2,
    )


def save_preferences(preferences: Preferences) -> None:
    path = preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(asdict(preferences), indent=2), encoding="utf-8")
    partial.replace(path)  # never a half-written settings file
