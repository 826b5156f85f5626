"""Putting a backup in place of a SQLite database: every refusal before the file is touched, a
damaged file set aside rather than overwritten."""

import sqlite3
from contextlib import closing, suppress
from datetime import UTC, datetime
from pathlib import Path

from liveplanner.storage import models, schema
from liveplanner.storage.backup import (
    RESTORING,
    backup_sqlite,
    copy_checked,
    copy_into,
    list_backups,
    readonly_uri,
    remove_leftovers,
)
from liveplanner.storage.database import Database
from liveplanner.storage.errors import DamagedDatabaseError, NotADatabaseError, StorageError
from liveplanner.storage.sqlite_file import APPLICATION_ID, inspect_sqlite_file, refuse_newer


def restore_backup(db: Database, chosen: Path) -> Path:
    """Put the backup `chosen` in place of the open SQLite database `db` (which is closed: open
    it again to go on); see restore_file."""
    if db.sqlite_path is None or db.backup_dir is None:
        raise StorageError(
            "only a SQLite database is restored here; PostgreSQL by its server",
            code="database.restore_server",
        )
    refuse_unrestorable(chosen)  # refused while `db` is still open
    db.close()
    return restore_file(db.sqlite_path, db.backup_dir, chosen)


SQLITE_HEADER = b"SQLite format 3\x00"


def refuse_unrestorable(path: Path) -> None:
    """Refuse a file that is no backup of a liveplanner database, saying what it is: restoring
    an empty file or another program's database would empty the shows without a word."""
    nothing = "nothing was changed"
    try:
        with path.open("rb") as file:
            head = file.read(len(SQLITE_HEADER))
    except OSError as exc:
        detail = str(exc.strerror or exc)
        raise StorageError(
            f"cannot read {path}: {detail}; {nothing}",
            code="backup.unreadable",
            figures={"path": str(path), "detail": detail},
        ) from None
    if not head:
        raise NotADatabaseError(
            f"{path} is empty (0 bytes), not a liveplanner backup; {nothing}",
            code="backup.empty_file",
            figures={"path": str(path)},
        )
    if head != SQLITE_HEADER:
        raise NotADatabaseError(
            f"{path} is not a SQLite database, so not a liveplanner backup; {nothing}",
            code="backup.not_sqlite",
            figures={"path": str(path)},
        )
    revision = inspect_sqlite_file(path)
    with closing(sqlite3.connect(readonly_uri(path), uri=True)) as conn:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:
        raise NotADatabaseError(
            f"{path} is an empty SQLite database, not a liveplanner backup; {nothing}",
            code="backup.empty_database",
            figures={"path": str(path)},
        )
    if revision is None or (app_id != APPLICATION_ID and "shows" not in tables):
        raise NotADatabaseError(
            f"{path} is a SQLite database of another program, not a liveplanner backup; {nothing}",
            code="backup.another_programs",
            figures={"path": str(path)},
        )
    refuse_newer(revision, str(path))
    # A file claiming this version with other columns was restored, and then every command
    # failed on it ("no such column: shows.notes"); an older version's are the migrations' to
    # bring to head.
    if revision == schema.head_revision() and (lacking := _lacking(path)):
        table, column = lacking
        what = f"its table {table} has no column {column}" if column else f"it has no table {table}"
        raise NotADatabaseError(
            f"{path} says it is a liveplanner backup of schema {revision}, but {what}; {nothing}",
            code="backup.lacks_column" if column else "backup.lacks_table",
            figures={"path": str(path), "revision": revision, "table": table, "column": column},
        )


def _lacking(path: Path) -> tuple[str, str] | None:
    """The first of this version's tables the SQLite file lacks, or of its columns: (table, "")
    or (table, column); None when it lacks nothing."""
    with closing(sqlite3.connect(readonly_uri(path), uri=True)) as conn:
        for table in models.Base.metadata.sorted_tables:
            have = {r[1] for r in conn.execute(f'PRAGMA table_info("{table.name}")')}
            if not have:
                return table.name, ""
            if missing := [c.name for c in table.columns if c.name not in have]:
                return table.name, missing[0]
    return None


def set_aside(path: Path) -> Path:
    """Move a damaged database, with its WAL and shared-memory files, out of the way under a
    new name (never writing to it); return where it went."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    moved = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(moved.with_name(moved.name + suffix))
    path.replace(moved)
    return moved


def restore_file(target: Path, backup_dir: Path, chosen: Path) -> Path:
    """Put the backup `chosen` in place of the SQLite file `target`; return where the file as
    it was went: a backup of it, or, when it is damaged, the name it was set aside under. A
    restored file from an older liveplanner is migrated when it is next opened.

    Everything that can refuse comes before `target` is touched: a backup that is empty,
    damaged, not liveplanner's or from a newer version, a target that is another program's
    file, a copy or a backup that cannot be made. The one step that changes `target` either
    happens whole or not at all, and after it nothing can fail: a restore is never reported
    failed once done, nor done when it failed.
    """
    refuse_unrestorable(chosen)
    remove_leftovers(target, backup_dir)
    has_data = target.exists() and target.stat().st_size > 0
    damaged = False
    if has_data:
        try:
            inspect_sqlite_file(target)
        except DamagedDatabaseError:
            damaged = True
    # A copy first: the backup made next thins the folder, and `chosen` may be among the old.
    staged = target.with_name(target.name + RESTORING)
    try:
        copy_checked(chosen, staged)
        if damaged:
            before = set_aside(target)
            try:
                staged.replace(target)  # a rename within the folder: whole, or not at all
            except OSError as exc:
                before.replace(target)  # the damaged file back where it was, still untouched
                raise StorageError(
                    f"could not restore {chosen} to {target}: {exc}",
                    code="backup.restore_failed",
                    figures={"chosen": str(chosen), "target": str(target), "detail": str(exc)},
                ) from exc
        else:
            before = backup_sqlite(target, backup_dir, "before-restore") if has_data else target
            # Under SQLite's own locks, in one step: anyone reading `target` sees all the old
            # or all the restored file.
            copy_into(staged, target)
    finally:
        with suppress(OSError):  # gone already when it was renamed into place
            staged.unlink(missing_ok=True)
    return before


def newest_good_backup(backup_dir: Path, stem: str) -> Path | None:
    """The newest backup of the database named `stem` that this liveplanner can open."""
    for path, _made in sorted(list_backups(backup_dir, stem).items(), key=lambda i: i[1])[::-1]:
        try:
            refuse_unrestorable(path)
        except StorageError:
            continue
        return path
    return None
