"""Backup copies of a SQLite database, made so that a failed backup never harms anything."""

import os
import re
import sqlite3
from contextlib import closing, suppress
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

from liveplanner.core.backups import backups_to_keep
from liveplanner.storage.errors import StorageError
from liveplanner.storage.private_files import create_private, make_private_folder

_STAMP = "%Y%m%d-%H%M%S"


def backup_sqlite(
    source: Path,
    folder: Path,
    reason: str,
    now: datetime | None = None,
    zone: tzinfo | None = None,
) -> Path:
    """Copy `source` into `folder` with SQLite's backup API and return the new file.

    The copy goes to a temporary name, is integrity-checked, and only then renamed into place, so
    a half-written or damaged copy is never taken for a backup. Older backups are then thinned
    by the days of `zone` (the computer's when None).
    """
    now = now or datetime.now(UTC)
    final = folder / f"{source.stem}-{now.strftime(_STAMP)}-{reason}.sqlite3"
    while final.exists():
        # Named to the second: a second backup within the same second (two restores in a row)
        # takes the next free second rather than replace the first.
        now += timedelta(seconds=1)
        final = folder / f"{source.stem}-{now.strftime(_STAMP)}-{reason}.sqlite3"
    partial = final.with_suffix(".partial")
    if not source.is_file():
        raise StorageError(
            f"could not back up {source}: there is no such file",
            code="backup.no_source",
            figures={"source": str(source)},
        )
    try:
        make_private_folder(folder)
        copy_checked(source, partial)
        partial.replace(final)
    except (OSError, StorageError) as exc:
        raise StorageError(
            f"could not back up {source} to {folder}: {exc}",
            code="backup.failed",
            figures={"source": str(source), "folder": str(folder), "detail": str(exc)},
        ) from exc
    finally:
        with suppress(OSError):  # nothing to clean up where the folder could not be made
            partial.unlink(missing_ok=True)
    # Only now, with the new copy checked and in place: a failed backup never removes an older.
    thin_backups(folder, source.stem, now.astimezone(zone))
    return final


# What a backup or a restore killed half-way leaves (the database's name, then its own part):
# a backup's copy before it was checked and renamed, a restore's staged copy, and the journals
# SQLite keeps beside either.
_COMPANIONS = r"(-journal|-wal|-shm)?"
RESTORING = ".restoring"


def remove_leftovers(database: Path, folder: Path) -> list[Path]:
    """Remove what a killed backup of `database` into `folder`, or a killed restore over it,
    left behind; return what was removed. Only files named as liveplanner names them, and only
    when no other process is writing them; a file that cannot be removed stays, quietly."""
    own = {
        database.parent: re.compile(rf"({re.escape(database.name + RESTORING)}){_COMPANIONS}"),
        folder: re.compile(
            rf"({re.escape(database.stem)}-\d{{8}}-\d{{6}}-[\w-]+\.partial){_COMPANIONS}"
        ),
    }
    removed = []
    for where, pattern in own.items():
        found = [(p, m.group(1)) for p in _listed(where) if (m := pattern.fullmatch(p.name))]
        for path, main in found:
            if _being_written(where / main):
                continue
            with suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def _listed(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _being_written(path: Path) -> bool:
    """Whether another process holds a SQLite lock on `path` (a backup or restore under way)."""
    if not path.is_file():
        return False
    try:
        with closing(sqlite3.connect(path, timeout=0, isolation_level=None)) as conn:
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc) or "busy" in str(exc)
    except sqlite3.DatabaseError:
        return False  # not a whole database: a copy cut short
    return False


def readonly_uri(path: Path) -> str:
    """A read-only SQLite URI; as_uri() escapes '#' and '?', which would end a raw URI early.

    In a folder nobody can write, SQLite could not make the shared-memory file a reader of a
    WAL database needs; nobody can write the file there either, so it is read as unchanging.
    """
    uri = path.resolve().as_uri() + "?mode=ro"
    wal = path.with_name(path.name + "-wal")
    if not os.access(path.parent, os.W_OK) and not (wal.exists() and wal.stat().st_size):
        uri += "&immutable=1"
    return uri


def copy_checked(source: Path, target: Path) -> None:
    """Copy a SQLite database into `target` with SQLite's backup API (one step, under SQLite's
    own locks, so readers of `target` see the old or the new, never a mix) and check the result;
    StorageError if the copy is not whole."""
    try:
        create_private(target)
    except OSError as exc:
        raise _copy_failed(source, target, exc) from exc
    try:
        with (
            closing(sqlite3.connect(readonly_uri(source), uri=True)) as src,
            closing(sqlite3.connect(target)) as dst,
        ):
            src.backup(dst)
            (result,) = dst.execute("PRAGMA integrity_check").fetchone()
            # The copy is a single file: no WAL to carry beside it.
            dst.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as exc:
        raise _copy_failed(source, target, exc) from exc
    if result != "ok":
        raise StorageError(
            f"the copy of {source} failed its integrity check: {result}",
            code="backup.copy_damaged",
            figures={"source": str(source), "detail": str(result)},
        )


def _copy_failed(source: Path, target: Path, exc: Exception) -> StorageError:
    return StorageError(
        f"could not copy {source} to {target}: {exc}",
        code="backup.copy_failed",
        figures={"source": str(source), "target": str(target), "detail": str(exc)},
    )


def copy_into(source: Path, target: Path) -> None:
    """Copy the checked SQLite file `source` over the database `target`, which others may have
    open, in one step under SQLite's locks (waiting while another connection writes); `target`
    keeps its journal mode. StorageError, with `target` unchanged, if it cannot be done."""
    try:
        with (
            closing(sqlite3.connect(readonly_uri(source), uri=True)) as src,
            closing(sqlite3.connect(target)) as dst,
        ):
            src.backup(dst)
    except sqlite3.Error as exc:
        raise StorageError(
            f"could not copy {source} to {target}: {exc}; nothing was changed",
            code="backup.copy_into_failed",
            figures={"source": str(source), "target": str(target), "detail": str(exc)},
        ) from exc


def list_backups(folder: Path, stem: str) -> dict[Path, datetime]:
    """The backups of the database named `stem` in `folder`, with when each was made (UTC)."""
    pattern = re.compile(rf"{re.escape(stem)}-(\d{{8}}-\d{{6}})-.+\.sqlite3")
    found = {}
    for path in folder.glob(f"{stem}-*.sqlite3") if folder.is_dir() else ():
        if match := pattern.fullmatch(path.name):
            with suppress(ValueError):
                found[path] = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
    return found


def backup_reason(path: Path, stem: str) -> str:
    """Why a backup of the database named `stem` was made, from its name: "manual",
    "before-restore", "before-upgrade-from-0001" …"""
    return path.stem.removeprefix(f"{stem}-")[len("YYYYmmdd-HHMMSS-") :]


def thin_backups(folder: Path, stem: str, now: datetime) -> list[Path]:
    """Delete the backups core.backups says are no longer needed; return what was deleted.

    Days are those of `now`'s zone. A file that cannot be deleted stays, quietly: thinning is
    housekeeping and must not fail the backup that triggered it.
    """
    backups = list_backups(folder, stem)
    kept = backups_to_keep(backups.values(), now)
    removed = []
    for path, made in backups.items():
        if made not in kept:
            with suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def changed_since_backup(path: Path, folder: Path) -> bool:
    """Whether the database file (or its WAL) was written after its newest backup was."""
    backups = list_backups(folder, path.stem)
    if not backups:
        return path.exists()
    newest = max(backups, key=lambda p: (backups[p], p.stat().st_mtime_ns))
    written = max(
        (p.stat().st_mtime_ns for p in (path, path.with_name(path.name + "-wal")) if p.exists()),
        default=0,
    )
    return written > newest.stat().st_mtime_ns
