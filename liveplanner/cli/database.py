"""`liveplanner db`: database upkeep (upgrade, check, backup, backups, restore)."""

import argparse
from pathlib import Path

from liveplanner.app import settings
from liveplanner.app.translations import QT_TRANSLATE_NOOP
from liveplanner.cli.output import EXIT_FINDINGS, UserError, emit, say
from liveplanner.storage import health, schema
from liveplanner.storage.backup import backup_sqlite, list_backups
from liveplanner.storage.database import Database, parse_url
from liveplanner.storage.restore import restore_file


def upkeep(args: argparse.Namespace, db: Database) -> int:
    if args.db_command == "upgrade":
        head = schema.head_revision()
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
        found = health.problems(db)
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
        backups = list_backups(db.backup_dir, db.sqlite_path.stem)
        newest = sorted(backups.items(), key=lambda item: item[1], reverse=True)
        data = {"backups": [{"file": str(p), "made": made.isoformat()} for p, made in newest]}
        emit(
            args, data, "\n".join(f"{made.astimezone():%Y-%m-%d %H:%M}  {p}" for p, made in newest)
        )
        return 0
    path = backup_sqlite(db.sqlite_path, db.backup_dir, "manual")
    emit(args, {"backup": str(path)}, str(path))
    return 0


def restore(args: argparse.Namespace) -> int:
    """`db restore` works on the file, without opening it first: it must mend a damaged one."""
    from liveplanner.app.file_claim import ClaimRefused, claim

    url = parse_url(settings.database_url(args.database))
    if url.get_backend_name() != "sqlite" or not url.database:
        raise UserError("a PostgreSQL database is restored by its server, not here")
    chosen = Path(args.file)
    if not chosen.is_file():
        raise UserError(f"{chosen}: there is no such backup file")
    target = Path(url.database)
    # Claimed while restoring, as a window claims it while it runs: a window that has the file
    # open would go on with a database replaced under it, and one started meanwhile waits.
    held = None
    if target.parent.is_dir():
        try:
            held = claim(target)
        except (ClaimRefused, OSError) as exc:
            who = exc.holder if isinstance(exc, ClaimRefused) else None
            holder = f" (process {who.pid} on {who.host})" if who and who.pid else ""
            raise UserError(
                f"another liveplanner{holder} has {target} open: close it first, then restore; "
                "nothing was changed"
            ) from None
    try:
        before = restore_file(target, settings.backup_dir(), chosen)
    finally:
        if held is not None:
            held.release()
    emit(
        args,
        {"restored": str(chosen), "previous": str(before)},
        f"restored {chosen}; the database as it was is now {before}",
    )
    return 0
