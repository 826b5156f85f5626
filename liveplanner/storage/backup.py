"""Backup copies of a SQLite database, made so that a failed backup never harms anything."""

import sqlite3
from contextlib import closing, suppress
from datetime import UTC, datetime
from pathlib import Path

from liveplanner.storage.errors import StorageError


def backup_sqlite(source: Path, folder: Path, reason: str, now: datetime | None = None) -> Path:
    """Copy `source` into `folder` with SQLite's backup API and return the new file.

    The copy goes to a temporary name, is integrity-checked, and only then renamed into place, so
    a half-written or damaged copy is never taken for a backup.
    """
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    final = folder / f"{source.stem}-{stamp}-{reason}.sqlite3"
    partial = final.with_suffix(".partial")
    if not source.is_file():
        raise StorageError(f"could not back up {source}: there is no such file")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with (
            closing(sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)) as src,
            closing(sqlite3.connect(partial)) as dst,
        ):
            src.backup(dst)
            (result,) = dst.execute("PRAGMA integrity_check").fetchone()
            # The copy is a single file: no WAL to carry beside it.
            dst.execute("PRAGMA journal_mode=DELETE")
        if result != "ok":
            raise StorageError(f"the backup copy of {source} failed its integrity check: {result}")
        partial.replace(final)
    except (sqlite3.Error, OSError) as exc:
        raise StorageError(f"could not back up {source} to {folder}: {exc}") from exc
    finally:
        with suppress(OSError):  # nothing to clean up where the folder could not be made
            partial.unlink(missing_ok=True)
    return final
