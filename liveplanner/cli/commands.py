"""The headless sub-commands of `liveplanner`: each opens the database, does its job, prints.

Kept apart from cli/main.py so that opening the window does not import the database layer first.
"""

import argparse
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from liveplanner.app import settings
from liveplanner.app.demo import create_demo
from liveplanner.app.workspace import open_database
from liveplanner.cli import terminal, textout
from liveplanner.core.enums import Platform
from liveplanner.core.inputs import check_show_time
from liveplanner.core.notes import ReviewNote
from liveplanner.core.plan import MAX_TITLE, ShowPlan, time_zone
from liveplanner.core.rules import Severity, check
from liveplanner.core.runlog import Run
from liveplanner.core.schedule import schedule
from liveplanner.formats.problems import ImportRefused
from liveplanner.storage import health, schema
from liveplanner.storage.backup import backup_sqlite, list_backups
from liveplanner.storage.database import Database, parse_url
from liveplanner.storage.errors import DamagedDatabaseError
from liveplanner.storage.restore import restore_file
from liveplanner.storage.runs import list_runs
from liveplanner.storage.shows import create_show, list_shows, load_plan

if TYPE_CHECKING:
    from liveplanner.core.review import Review
    from liveplanner.formats.metrics.reader import DateMismatch
    from liveplanner.storage.samples import StoredMetrics

EXIT_FINDINGS = 1  # `check` found an error-level finding, or `db check` a problem


class UserError(Exception):
    """Something the user can correct; the message says what."""


def read_input(path: Path, limit: int) -> bytes:
    """An imported file's bytes, or one line saying why not (see formats.sheets.read_file)."""
    from liveplanner.formats.sheets import read_file

    try:
        return read_file(path, limit)
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    except ImportRefused as exc:
        raise UserError(str(exc)) from None


def emit(args: argparse.Namespace, data: object, text: str) -> None:
    """Print the data as JSON or the text, with whatever control characters user text brought
    shown as escapes (see terminal)."""
    if args.json:
        terminal.write(terminal.json_text(data))
    else:
        terminal.write(terminal.visible_lines(text))


def parse_start(text: str, zone_name: str) -> datetime:
    try:
        zone = time_zone(zone_name)
        naive = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError as exc:
        if "zone" in str(exc):
            raise UserError(str(exc)) from None
        raise UserError(f"--start {text!r} is not a time; expected YYYY-MM-DD HH:MM") from None
    try:
        start = check_show_time(naive).replace(tzinfo=zone)
    except ValueError as exc:  # a year 9999 or 0001: stored, it broke every command after
        raise UserError(f"--start: {exc}") from None
    if start.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise UserError(f"--start {text!r} does not exist in {zone_name}: the clocks skip it")
    return start


def _cmd_demo(args: argparse.Namespace, db: Database) -> int:
    show_id = create_demo(db)
    emit(args, {"show_id": show_id}, f"added the demo show {show_id}")
    return 0


def _cmd_new_show(args: argparse.Namespace, db: Database) -> int:
    title = args.title.strip()
    if not title:
        raise UserError("--title is empty; give the show a name")
    if len(title) > MAX_TITLE:
        raise UserError(f"--title is {len(title)} characters long; at most {MAX_TITLE} fit")
    start = parse_start(args.start, args.tz)
    show_id = create_show(db, title, start, Platform(args.platform), args.tz)
    emit(args, {"show_id": show_id}, str(show_id))
    return 0


def _cmd_shows(args: argparse.Namespace, db: Database) -> int:
    summaries = list_shows(db, search=args.search)
    data = {
        "shows": [
            {
                "id": s.id,
                "title": s.title,
                "platform": s.platform.value,
                "planned_start": s.planned_start.replace(tzinfo=None).isoformat(),
                "status": s.status.value,
                "segments": s.segments,
                "total_s": s.total_s,
            }
            for s in summaries
        ]
    }
    emit(args, data, textout.show_list(summaries, args.search))
    return 0


def _cmd_show(args: argparse.Namespace, db: Database) -> int:
    plan = load_plan(db, args.show_id)
    emit(args, textout.plan_json(plan), textout.plan_text(plan))
    return 0


def _cmd_check(args: argparse.Namespace, db: Database) -> int:
    plan = load_plan(db, args.show_id)
    findings = check(plan)
    data = {
        "show_id": plan.show.id,
        "errors": sum(f.severity is Severity.ERROR for f in findings),
        "warnings": sum(f.severity is Severity.WARNING for f in findings),
        "findings": [
            {
                "severity": f.severity.value,
                "code": f.code,
                "entity": f.entity,
                "entity_id": f.entity_id,
                "entity_ids": list(f.about()),
                "field": f.field,
                "message": f.message,
            }
            for f in findings
        ],
    }
    emit(args, data, textout.findings_text(findings))
    return EXIT_FINDINGS if data["errors"] else 0


def _cmd_db(args: argparse.Namespace, db: Database) -> int:
    if args.db_command == "upgrade":
        head = schema.head_revision()
        before = db.migrated_from or head
        text = f"upgraded from {before} to {head}" if db.migrated_from else f"already at {head}"
        emit(args, {"from": before, "to": head}, text)
        return 0
    if args.db_command == "check":
        found = health.problems(db)
        emit(args, {"ok": not found, "problems": found}, "\n".join(found) or "ok")
        return EXIT_FINDINGS if found else 0
    if db.sqlite_path is None or db.backup_dir is None:
        raise UserError("a PostgreSQL database is backed up by its server (pg_dump), not here")
    if args.db_command == "backups":
        backups = list_backups(db.backup_dir, db.sqlite_path.stem)
        found = sorted(backups.items(), key=lambda item: item[1], reverse=True)
        data = {"backups": [{"file": str(p), "made": made.isoformat()} for p, made in found]}
        emit(args, data, "\n".join(f"{made.astimezone():%Y-%m-%d %H:%M}  {p}" for p, made in found))
        return 0
    path = backup_sqlite(db.sqlite_path, db.backup_dir, "manual")
    emit(args, {"backup": str(path)}, str(path))
    return 0


def _cmd_runs(args: argparse.Namespace, db: Database) -> int:
    plan = load_plan(db, args.show_id)
    data = textout.runs_json(plan, list_runs(db, plan.show.id))
    emit(args, data, textout.runs_text(plan, data))
    return 0


def _parse_date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"--date {text!r} is not a date; expected YYYY-MM-DD") from None


def _cmd_import_metrics(args: argparse.Namespace, db: Database) -> int:
    # pandas loads here, not for every command
    from liveplanner.core.review import on_air
    from liveplanner.formats.metrics.reader import ImportOptions, read_metrics
    from liveplanner.formats.sheets import MAX_BYTES
    from liveplanner.storage.samples import ImportSource, replace_metrics, stored_metrics

    plan = load_plan(db, args.show)
    zone_name = args.tz or plan.show.time_zone
    try:
        zone = time_zone(zone_name)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    times = schedule(plan)
    path = Path(args.file)
    data = read_input(path, MAX_BYTES)
    options = ImportOptions(
        zone=zone,
        day=_parse_date(args.date),
        default_day=plan.show.planned_start.astimezone(zone).date(),
        preset=args.preset,
        planned=(times.start, times.end),
        ran=on_air(plan, list_runs(db, plan.show.id)),
        keep_dates=args.keep_dates,
    )
    try:
        result = read_metrics(data, path.name, options)
        if result.mismatch is not None and args.shift_to_show_date:
            result = read_metrics(
                data, path.name, replace(options, shift_days=result.mismatch.shift_days)
            )
    except ImportRefused as exc:
        raise UserError(str(exc)) from None
    # A dry run says what the real run would do, refusals included: only the storing is left
    # out. After a shift the file is judged where it was moved to: still outside the show,
    # only --keep-dates takes it.
    mismatch = result.mismatch
    if mismatch is not None and not args.keep_dates:
        shown = "%Y-%m-%d %H:%M"
        if args.shift_to_show_date:
            raise UserError(
                f"{path.name}: even on the show's date it runs from {mismatch.start:{shown}} to "
                f"{mismatch.end:{shown}}, not during the show ({mismatch.show_start:{shown}} to "
                f"{mismatch.show_end:{shown}}); only --keep-dates imports it as it is"
            )
        raise UserError(
            f"{path.name} runs from {mismatch.start:{shown}} to {mismatch.end:{shown}}, not "
            f"during the show ({mismatch.show_start:{shown}} to {mismatch.show_end:{shown}}); "
            f"give --shift-to-show-date to move it onto {mismatch.show_day}, or --keep-dates "
            "to import it as it is"
        )
    stored = stored_metrics(db, plan.show.id)
    if stored is not None and not args.replace:
        raise UserError(_replace_refusal(db, plan.show.id, stored, zone))
    if not args.dry_run:
        preset = result.preset.name if result.preset else ""
        source = ImportSource(path.name, preset, result.encoding, result.rows_read)
        replace_metrics(db, plan.show.id, result.samples, source)
    data_out = textout.metrics_import_json(plan.show.id, result)
    data_out["mismatch"] = _mismatch_json(mismatch)
    emit(args, data_out, textout.metrics_import_text(data_out, stored=not args.dry_run))
    return 0


def _mismatch_json(mismatch: "DateMismatch | None") -> dict[str, object] | None:
    """The file's time against the show's, when they do not overlap (kept with --keep-dates)."""
    if mismatch is None:
        return None
    return {
        "start": mismatch.start.isoformat(timespec="minutes"),
        "end": mismatch.end.isoformat(timespec="minutes"),
        "show_start": mismatch.show_start.isoformat(timespec="minutes"),
        "show_end": mismatch.show_end.isoformat(timespec="minutes"),
        "shift_days": mismatch.shift_days,
    }


def _replace_refusal(db: Database, show_id: int, stored: "StoredMetrics", zone: ZoneInfo) -> str:
    """One line: what the show has, and how to replace it."""
    origin = f" from {stored.source.file_name}" if stored.source.file_name else ""
    if stored.imported_at is not None:
        origin += f" (imported {stored.imported_at.astimezone(zone):%Y-%m-%d %H:%M})"
    backup = "; a backup of the database is made first" if db.makes_backups else ""
    return (
        f"show {show_id} has {textout.counted(stored.minutes, 'minute')} of metrics "
        f"already{origin}; give "
        f"--replace to replace them with this file{backup}"
    )


def _cmd_review(args: argparse.Namespace, db: Database) -> int:
    # pandas loads here, and Qt only to draw a report
    from liveplanner.core.review import MAX_LAG, review
    from liveplanner.storage.notes import list_notes
    from liveplanner.storage.samples import load_metrics

    lag = settings.load_preferences().attribution_lag if args.lag is None else args.lag
    if not 0 <= lag <= MAX_LAG:
        raise UserError(f"--lag must be 0 to {MAX_LAG} minutes, not {lag}")
    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() not in (".pdf", ".html", ".xlsx"):
        raise UserError(f"{out.name}: a report is written as .pdf, .html or .xlsx")
    plan = load_plan(db, args.show_id)
    show_runs = list_runs(db, plan.show.id)
    notes = list_notes(db, plan.show.id)
    result = review(plan, show_runs, load_metrics(db, plan.show.id), lag)
    if out is not None:
        _write_report(out, plan, result, show_runs, notes)
    data = textout.review_json(plan, result, notes)
    if out is not None:
        data["report"] = str(out)
    if args.json or out is None:
        emit(args, data, textout.review_text(data))
    else:
        terminal.write(terminal.visible(f"wrote {out}"))
    return 0


def offscreen_app() -> None:
    """A QApplication without a screen, in the user's language, for writing a PDF."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a report needs no screen
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from liveplanner.ui.app import install_translators

    app = QApplication.instance() or QApplication([])
    language = settings.load_preferences().language
    locale = QLocale.system() if language == "system" else QLocale(language)
    install_translators(app, locale)  # type: ignore[arg-type]


def _cmd_import_script(args: argparse.Namespace, db: Database) -> int:
    from liveplanner.cli.script_commands import cmd_import_script

    return cmd_import_script(args, db)


def _cmd_export_script(args: argparse.Namespace, db: Database) -> int:
    from liveplanner.cli.script_commands import cmd_export_script

    return cmd_export_script(args, db)


def _write_report(
    out: Path, plan: ShowPlan, result: "Review", show_runs: list[Run], notes: list[ReviewNote]
) -> None:
    offscreen_app()
    from liveplanner.ui.review.report import ReportInput, write_report

    run = next((r for r in show_runs if r.id == result.run_id), None)
    zone = time_zone(plan.show.time_zone)
    started = run.started_at.astimezone(zone).strftime("%Y-%m-%d %H:%M") if run else ""
    try:
        write_report(out, ReportInput(plan, result, notes, started))
    except OSError as exc:
        raise UserError(f"cannot write {out}: {exc.strerror or exc}") from None


COMMANDS: dict[str, Callable[..., int]] = {
    "import-script": _cmd_import_script,
    "export-script": _cmd_export_script,
    "review": _cmd_review,
    "import-metrics": _cmd_import_metrics,
    "runs": _cmd_runs,
    "demo": _cmd_demo,
    "new-show": _cmd_new_show,
    "shows": _cmd_shows,
    "show": _cmd_show,
    "check": _cmd_check,
    "db": _cmd_db,
}


def _restore(args: argparse.Namespace) -> int:
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


def run(args: argparse.Namespace) -> int:
    """Run the sub-command; a UserError or StorageError propagates for cli.main to print."""
    if args.command == "db" and args.db_command == "restore":
        return _restore(args)
    # `db check` looks at the database as it is; everything else brings it up to date.
    checking = args.command == "db" and args.db_command == "check"
    try:
        db = open_database(args.database, migrate=not checking)
    except DamagedDatabaseError as exc:
        if not checking:
            raise
        # A damaged file is what a check is for: a finding, not a mistake in the command.
        emit(args, {"ok": False, "problems": [str(exc)]}, str(exc))
        return EXIT_FINDINGS
    try:
        return COMMANDS[args.command](args, db)
    finally:
        db.close()
