"""Where liveplanner keeps its files, with an environment override for tests and portable use."""

import getpass
import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import platformdirs

from liveplanner.app.credentials import without_password
from liveplanner.storage.private_files import create_private, make_private_folder

APP_NAME = "liveplanner"
DATABASE_URL_ENV = "LIVEPLANNER_DATABASE_URL"
DATA_DIR_ENV = "LIVEPLANNER_DATA_DIR"  # keeps a test or a USB-stick install out of the home folder


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))


def default_database_path() -> Path:
    return data_dir() / "liveplanner.sqlite3"


def backup_dir(preferences: "Preferences | None" = None) -> Path:
    """Where backups of the local database file go: the folder chosen in File ▸ Preferences…,
    else backups/ in the data folder."""
    chosen = (preferences if preferences is not None else load_preferences()).backup_dir
    return Path(chosen) if chosen else default_backup_dir()


def default_backup_dir() -> Path:
    return data_dir() / "backups"


def log_dir() -> Path:
    """The log folder: the user log folder, or logs/ in LIVEPLANNER_DATA_DIR when that is set
    (tests and portable installs keep everything in one place)."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) / "logs" if override else Path(platformdirs.user_log_dir(APP_NAME, False))


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


# 2: database_url and user_name; 3: the timer's thresholds, the backup folder and welcomed;
# 4: review_chart_share; 5: the folders last used for reports, metrics exports and scripts.
# Older files load with the defaults for what they lack.
PREFERENCES_VERSION = 5
MAX_LAG = 30  # core.review_spans.MAX_LAG; not imported, so settings stay free of pandas
MAX_URL = 2000
MAX_USER_NAME = 100
MAX_PATH = 1000
MAX_TIMER_THRESHOLD_S = 600  # a warning earlier than 10 minutes before the end says nothing
DEFAULT_TIMER_WARNING_S = 30  # core.clock.DEFAULT_WARNING_S, kept equal by a test
DEFAULT_TIMER_DANGER_S = 10  # core.clock.DEFAULT_DANGER_S
DEFAULT_CHART_SHARE = 0.55  # the review chart's part of the height it shares with the tables
MIN_CHART_SHARE, MAX_CHART_SHARE = 0.15, 0.85  # neither part dragged out of sight
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
    timer_warning_s: int = DEFAULT_TIMER_WARNING_S  # the countdown turns amber this long before
    timer_danger_s: int = DEFAULT_TIMER_DANGER_S  # ...and red this long before a segment's end
    backup_dir: str = ""  # an absolute folder for the local file's backups; "" = backups/ there
    welcomed: bool = False  # the welcome screen was answered: it does not open by itself again
    review_chart_share: float = DEFAULT_CHART_SHARE  # as the review's splitter was last left
    # The folders a file of each kind was last chosen in, absolute; "" = the Documents folder.
    reports_dir: str = ""  # review reports exported
    metrics_dir: str = ""  # platform metrics exports imported
    scripts_dir: str = ""  # run sheets and show files imported or exported, scripts printed to PDF
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
    warning = _whole(raw.get("timer_warning_s"), MAX_TIMER_THRESHOLD_S, DEFAULT_TIMER_WARNING_S)
    danger = _whole(raw.get("timer_danger_s"), MAX_TIMER_THRESHOLD_S, DEFAULT_TIMER_DANGER_S)
    return Preferences(
        language=language if language in LANGUAGES else "system",
        theme=theme if theme in THEMES else "light",
        attribution_lag=lag if type(lag) is int and 0 <= lag <= MAX_LAG else 2,
        database_url=without_password(_text(raw.get("database_url"), MAX_URL)),
        user_name=_text(raw.get("user_name"), MAX_USER_NAME),
        timer_warning_s=warning,
        # Red after amber: a red threshold above the amber one would hide the amber.
        timer_danger_s=danger if danger <= warning else min(DEFAULT_TIMER_DANGER_S, warning),
        backup_dir=_folder(raw.get("backup_dir")),
        welcomed=raw.get("welcomed") is True,
        review_chart_share=chart_share(raw.get("review_chart_share")),
        reports_dir=_folder(raw.get("reports_dir")),
        metrics_dir=_folder(raw.get("metrics_dir")),
        scripts_dir=_folder(raw.get("scripts_dir")),
    )


def chart_share(value: object) -> float:
    """The review chart's share of the height, kept to where both parts stay usable; anything
    but a number is the default."""
    if type(value) is not int and type(value) is not float:  # not bool, which is an int
        return DEFAULT_CHART_SHARE
    share = float(value)
    if share != share:  # NaN
        return DEFAULT_CHART_SHARE
    return min(MAX_CHART_SHARE, max(MIN_CHART_SHARE, share))


def _whole(value: object, limit: int, default: int) -> int:
    """A number of seconds from 0 to `limit`; anything else is `default`."""
    return value if type(value) is int and 0 <= value <= limit else default


def _text(value: object, limit: int) -> str:
    """A string setting: trimmed; anything else, or longer than `limit`, is the default ""."""
    if not isinstance(value, str) or len(value.strip()) > limit:
        return ""
    return value.strip()


def _folder(value: object) -> str:
    """An absolute folder's path; anything else (relative, too long, no string) is ""."""
    folder = _text(value, MAX_PATH)
    return folder if folder and Path(folder).is_absolute() else ""


def save_preferences(preferences: Preferences) -> None:
    """Write the preferences whole; a password in the database URL is never written."""
    path = preferences_path()
    make_private_folder(path.parent)
    saved = asdict(preferences)
    saved["database_url"] = without_password(preferences.database_url)
    partial = path.with_suffix(".partial")
    create_private(partial)  # the file renamed into place keeps the mode
    partial.write_text(json.dumps(saved, indent=2), encoding="utf-8")
    partial.replace(path)  # never a half-written settings file


def change_preferences(preferences: Preferences, **changes: object) -> Preferences:
    """`preferences` with `changes` made, saved: how the app changes what the user chose."""
    changed = replace(preferences, **changes)  # type: ignore[arg-type]
    save_preferences(changed)
    return changed


def user_name(preferences: Preferences | None = None) -> str:
    """The name for the change history: the one chosen in the settings, else the login name."""
    chosen = (preferences if preferences is not None else load_preferences()).user_name
    if chosen:
        return chosen
    try:
        return getpass.getuser() or APP_NAME
    except Exception:  # no login name to be had (OSError on 3.13, KeyError/ImportError before)
        return APP_NAME
