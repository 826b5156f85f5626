"""Where liveplanner keeps its files, with an environment override for tests and portable use."""

import getpass
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

from liveplanner.credentials import without_password

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


def local_database_url() -> str:
    """The SQLite file in the data folder: the database when nothing else is chosen."""
    return f"sqlite:///{default_database_path()}"


def database_url(explicit: str | None = None) -> str:
    """The database to open: --database, else LIVEPLANNER_DATABASE_URL, else the one chosen in
    File ▸ Database…, else the local file."""
    if explicit:
        return explicit
    if env := os.environ.get(DATABASE_URL_ENV):
        return env
    return load_preferences().database_url or local_database_url()


PREFERENCES_VERSION = 2  # 2: database_url and user_name; older files load with their defaults
MAX_LAG = 30  # core.review.MAX_LAG; not imported, so settings stay free of pandas
MAX_URL = 2000
MAX_USER_NAME = 100
LANGUAGES = ("system", "zh_CN", "en")
THEMES = ("light", "dark")


@dataclass(frozen=True, slots=True)
class Preferences:
    """What the user chose in the app; typed defaults, read leniently, written whole."""

    language: str = "system"  # system, zh_CN or en
    theme: str = "light"  # light or dark
    attribution_lag: int = 2  # minutes from a pitch to its orders, in the review
    database_url: str = ""  # a team server's URL, never with its password; "" = the local file
    user_name: str = ""  # the name written to the change history; "" = the login name
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
        database_url=without_password(_text(raw.get("database_url"), MAX_URL)),
        user_name=_text(raw.get("user_name"), MAX_USER_NAME),
    )


def _text(value: object, limit: int) -> str:
    """A string setting: trimmed; anything else, or longer than `limit`, is the default ""."""
    if not isinstance(value, str) or len(value.strip()) > limit:
        return ""
    return value.strip()


def save_preferences(preferences: Preferences) -> None:
    """Write the preferences whole; a password in the database URL is never written."""
    path = preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    saved = asdict(preferences)
    saved["database_url"] = without_password(preferences.database_url)
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(saved, indent=2), encoding="utf-8")
    partial.replace(path)  # never a half-written settings file


def user_name(preferences: Preferences | None = None) -> str:
    """The name for the change history: the one chosen in the settings, else the login name."""
    chosen = (preferences if preferences is not None else load_preferences()).user_name
    if chosen:
        return chosen
    try:
        return getpass.getuser() or APP_NAME
    except Exception:  # no login name to be had (OSError on 3.13, KeyError/ImportError before)
        return APP_NAME
