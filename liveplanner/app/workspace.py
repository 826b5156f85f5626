"""The workspace: the database the app works in, opened as the settings say."""

from pathlib import Path

from liveplanner.app import credentials, settings
from liveplanner.storage import database
from liveplanner.storage.database import Database


def open_database(
    url: str | None = None,
    *,
    backup_dir: Path | None = None,
    migrate: bool = True,
    read_only: bool = False,
    beside_other_tables: bool = False,
    preferences: settings.Preferences | None = None,
) -> Database:
    """Open the database at `url` (default: settings.database_url()) as the app does: a team
    server's password from the keyring, the history naming the user of the preferences, and
    backups in their folder unless `backup_dir` says another. See storage's open_database."""
    chosen = preferences if preferences is not None else settings.load_preferences()
    parsed = credentials.fill_password(database.parse_url(settings.database_url(url)))
    return database.open_database(
        parsed,
        user=settings.user_name(chosen),
        backup_dir=backup_dir or settings.backup_dir(chosen),
        migrate=migrate,
        read_only=read_only,
        beside_other_tables=beside_other_tables,
    )
