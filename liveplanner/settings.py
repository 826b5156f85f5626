"""Where liveplanner keeps its files, with an environment override for tests and portable use."""

import os
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
