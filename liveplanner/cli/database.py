"""`liveplanner db`: database upkeep (upgrade, check, backup, backups, restore)."""

import argparse
from pathlib import Path

from liveplanner.app.backups import back_up, list_backups, restore_unopened
from liveplanner.app.database import Database
from liveplanner.app.translations import QT_TRANSLATE_NOOP
from liveplanner.app.workspace import database_problems, newest_schema
from liveplanner.cli.output import EXIT_FINDINGS, UserError, emit, say


def upkeep(args: argparse.Namespace, db: Database) -> int:
    if args.db_command == "upgrade":
        head = newest_schema()
        before = db.migrated_from or head
        if db.migrated_from:
            text = say(
                QT_TRANSLATE_NOOP("cli", "upgraded from {before} to {head}"),
                before=before,
                head=head,
            )
        else:
            text = say(QT_TRANSLATE_NOOP("cli", "already at {head}"), head=head)
        emit(args, {"from": before, "to": head}, text)
        return 0
    if args.db_command == "check":
        found = database_problems(db)
        emit(
            args,
            {"ok": not found, "problems": found},
            "\n".join(found) or say(QT_TRANSLATE_NOOP("cli", "ok")),
        )
        return EXIT_FINDINGS if found else 0
    if db.sqlite_path is None or db.backup_dir is None:
        raise UserError(
            say(
                QT_TRANSLATE_NOOP(
                    "cli", "a PostgreSQL database is backed up by its server (pg_dump), not here"
                )
            )
        )
    if args.db_command == "backups":
        newest = list_backups(db)
        data = {"backups": [{"file": str(b.path), "made": b.made.isoformat()} for b in newest]}
        emit(
            args,
            data,
            "\n".join(f"{b.made.astimezone():%Y-%m-%d %H:%M}  {b.path}" for b in newest),
        )
        return 0
    path = back_up(db, "manual")
    emit(args, {"backup": str(path)}, str(path))
    return 0


def restore(args: argparse.Namespace) -> int:
    """`db restore` works on the file, without opening it first: it must mend a damaged one."""
    chosen = Path(args.file)
    before = restore_unopened(args.database, chosen)
    emit(
        args,
        {"restored": str(chosen), "previous": str(before)},
        say(
            QT_TRANSLATE_NOOP("cli", "restored {chosen}; the database as it was is now {before}"),
            chosen=chosen,
            before=before,
        ),
    )
    return 0
