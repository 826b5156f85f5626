"""What a SQLite file is, read without changing it: liveplanner's, another program's, damaged, or
written by a newer liveplanner."""

import sqlite3
from contextlib import closing
from pathlib import Path

from liveplanner.storage import schema
from liveplanner.storage.backup import readonly_uri
from liveplanner.storage.errors import DamagedDatabaseError, NewerDatabaseError, NotADatabaseError

# Marks a SQLite file as liveplanner's (PRAGMA application_id; "LvPl").
APPLICATION_ID = 0x4C76506C


def inspect_sqlite_file(path: Path) -> str | None:
    """Refuse a file that is not ours, damaged, or newer; return its schema revision.

    Read-only, before any engine touches the file, so a refused file is left exactly as it was.
    """
    try:
        with closing(sqlite3.connect(readonly_uri(path), uri=True)) as conn:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        if "malformed" in str(exc):
            raise _damaged(path, str(exc)) from exc
        raise NotADatabaseError(
            f"{path} is not a liveplanner database ({exc})",
            code="database.not_ours",
            figures={"path": str(path), "detail": str(exc)},
        ) from exc
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables and revision is None):
        raise NotADatabaseError(
            f"{path} belongs to another program; liveplanner left it untouched",
            code="database.another_programs",
            figures={"path": str(path)},
        )
    if check != "ok":
        raise _damaged(path, check)
    return revision


def _damaged(path: Path, detail: str) -> DamagedDatabaseError:
    return DamagedDatabaseError(
        f"{path} is damaged ({detail}); liveplanner left it untouched: restore a backup",
        path,
        detail,
        code="database.damaged",
        figures={"path": str(path), "detail": detail},
    )


def refuse_newer(revision: str | None, where: str) -> None:
    if revision is not None and not schema.is_known_revision(revision):
        raise NewerDatabaseError(
            f"{where} was written by a newer liveplanner (schema {revision}); "
            "update liveplanner to open it. The database was left untouched.",
            code="database.newer",
            figures={"where": where, "revision": revision},
        )
