"""Backups of a SQLite database as the front-ends see them: list them, make one, put one back,
make one now and then while the app runs, and the folder they go to.

PostgreSQL is backed up by its server; these take a Database whose `makes_backups` is true (or,
for back_up_if_changed, say they did nothing)."""

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from liveplanner.app import settings
from liveplanner.app.refusals import OperationRefused
from liveplanner.storage import backup
from liveplanner.storage.database import Database, open_database, parse_url
from liveplanner.storage.errors import NotADatabaseError, StorageError
from liveplanner.storage.private_files import make_private_folder
from liveplanner.storage.restore import restore_backup, restore_file


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup of the database."""

    path: Path
    made: datetime  # aware
    reason: str  # as backup_sqlite was given it: "manual", "auto", "before-restore"...
    size: int | None  # in bytes; None when the file went meanwhile


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore left: the database opened afresh (the old Database is closed either way)
    and, when the backup was not put back, why."""

    db: Database
    refused: StorageError | None = None
    not_a_database: bool = False  # the backup is no liveplanner database...
    empty: bool = False  # ...for it is a file of 0 bytes


def _file_and_folder(db: Database) -> tuple[Path, Path]:
    if db.sqlite_path is None or db.backup_dir is None:
        raise ValueError("only a SQLite file with a backup folder has backups")
    return db.sqlite_path, db.backup_dir


def list_backups(db: Database) -> list[Backup]:
    """The database's backups, newest first."""
    path, folder = _file_and_folder(db)
    found = backup.list_backups(folder, path.stem)
    ordered = sorted(found.items(), key=lambda item: item[1], reverse=True)
    return [
        Backup(
            made_path,
            made,
            backup.backup_reason(made_path, path.stem),
            made_path.stat().st_size if made_path.exists() else None,
        )
        for made_path, made in ordered
    ]


def back_up(db: Database, reason: str, now: datetime | None = None) -> Path:
    """A backup made now, for `reason`; its file. Raises StorageError when it cannot be made."""
    path, folder = _file_and_folder(db)
    return backup.backup_sqlite(path, folder, reason, now)


def back_up_if_changed(db: Database, reason: str, now: datetime | None = None) -> bool:
    """Back up the SQLite file if it changed since its newest backup; True if it did. Raises
    StorageError when the backup fails."""
    path, folder = db.sqlite_path, db.backup_dir
    if path is None or folder is None or not backup.changed_since_backup(path, folder):
        return False
    backup.backup_sqlite(path, folder, reason, now or datetime.now(UTC))
    return True


def restore(db: Database, chosen: Path) -> Restored:
    """Put the backup `chosen` in place of the database (which is backed up first) and open it
    again; `db` is closed whatever happened."""
    url, user, backup_dir = db.url, db.user, db.backup_dir
    refused: StorageError | None = None
    try:
        restore_backup(db, chosen)
    except StorageError as exc:
        refused = exc
    # restore_backup closes the database once it starts to replace it; whatever happened, the
    # front-end gets it opened afresh.
    opened = open_database(url, user=user, backup_dir=backup_dir)
    not_a_database = isinstance(refused, NotADatabaseError)
    empty = not_a_database and chosen.exists() and chosen.stat().st_size == 0
    return Restored(opened, refused, not_a_database, empty)


def make_backup_folder(folder: Path) -> None:
    """Make the folder backups are to go to, for the user alone (backups hold every show).
    Raises OSError when it cannot be made."""
    make_private_folder(folder)


def restore_unopened(database_url: str | None, chosen: Path) -> Path:
    """Put the backup `chosen` back as the SQLite database at `database_url` (default: the saved
    one) without opening that database first, for it may be damaged past opening; where the
    database as it was went. The file is claimed meanwhile, as a window claims it while it runs:
    a window that has it open would go on with a database replaced under it, and one started
    meanwhile waits."""
    from liveplanner.app.file_claim import ClaimRefused, claim

    url = parse_url(settings.database_url(database_url))
    if url.get_backend_name() != "sqlite" or not url.database:
        raise OperationRefused(
            "a PostgreSQL database is restored by its server, not here",
            code="database.restore_server",
            figures={},
        )
    if not chosen.is_file():
        raise OperationRefused(
            f"{chosen}: there is no such backup file",
            code="restore.no_backup",
            figures={"path": chosen},
        )
    target = Path(url.database)
    held = None
    if target.parent.is_dir():
        try:
            held = claim(target)
        except (ClaimRefused, OSError) as exc:
            who = exc.holder if isinstance(exc, ClaimRefused) else None
            pid, host = (who.pid, who.host) if who and who.pid else (0, "")
            raise OperationRefused(
                f"another liveplanner (process {pid} on {host}) has {target} open: close it "
                "first, then restore; nothing was changed"
                if pid
                else f"another liveplanner has {target} open: close it first, then restore; "
                "nothing was changed",
                code="restore.held_by" if pid else "restore.held",
                figures={"path": target, "pid": pid, "host": host},
            ) from None
    try:
        return restore_file(target, settings.backup_dir(), chosen)
    finally:
        if held is not None:
            held.release()
