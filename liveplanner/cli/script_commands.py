"""`liveplanner import-script` and `export-script`: run sheets and show files in and out."""

import argparse
from pathlib import Path

from liveplanner.app import settings
from liveplanner.cli.commands import UserError, emit, offscreen_app, parse_start, read_input
from liveplanner.cli.terminal import visible
from liveplanner.cli.textout import counted
from liveplanner.core.enums import Platform
from liveplanner.core.plan import ShowPlan, time_zone
from liveplanner.formats.problems import ImportRefused
from liveplanner.storage.database import Database
from liveplanner.storage.shows import load_plan, save_plan

EXPORT_TYPES = (".xlsx", ".pdf", ".json")


def export_language() -> str:
    """The language of exported headers: the window's, else the system's."""
    language = settings.load_preferences().language
    if language == "system":
        import locale

        language = (locale.getlocale()[0] or "").lower()
    return "zh" if language.startswith("zh") else "en"


def import_json(plan: ShowPlan, show_id: int | None, unread: list, notices: list) -> dict:
    zone = time_zone(plan.show.time_zone)
    return {
        "show_id": show_id,
        "title": plan.show.title,
        "planned_start": plan.show.planned_start.astimezone(zone).isoformat(),
        "platform": plan.show.platform.value,
        "segments": len(plan.segments),
        "products": len(plan.products),
        "people": len(plan.people),
        "promos": len(plan.promos),
        "unread": unread,
        "notices": notices,
    }


def _import_text(data: dict) -> str:
    # Titles, notices and cells are one line each: their newlines and controls escaped.
    title = visible(data["title"])
    head = (
        f"imported “{title}” as show {data['show_id']}"
        if data["show_id"] is not None
        else f"read “{title}” (nothing stored)"
    )
    lines = [
        f"{head}: {counted(data['segments'], 'segment')}, "
        f"{counted(data['products'], 'product')}, {counted(data['people'], 'person', 'people')}, "
        f"{counted(data['promos'], 'promo')}",
        f"  starts {data['planned_start']} on {data['platform']}",
    ]
    if data["notices"]:
        lines += ["notices:", *(f"  {visible(text)}" for text in data["notices"])]
    if data["unread"]:
        lines.append("not read into fields:")
        for item in data["unread"]:
            where = "kept in the segment's notes" if item["kept"] == "notes" else "left out"
            cell = f"row {item['row']}, column “{visible(str(item['column']))}”"
            lines.append(f"  {cell}: {visible(str(item['value']))} ({where})")
    return "\n".join(lines)


def cmd_import_script(args: argparse.Namespace, db: Database) -> int:
    path = Path(args.file)
    if path.suffix.lower() == ".json":
        if args.title or args.start or args.platform or args.tz:
            raise UserError(
                f"{path.name}: a show file keeps its own title, start, platform and time zone; "
                "--title, --start, --platform and --tz are for run sheets"
            )
        from liveplanner.formats.showfile.bundle import MAX_BYTES
        from liveplanner.formats.showfile.reader import read_show_file
        from liveplanner.storage.show_transfer import import_show

        data = read_input(path, MAX_BYTES)
        try:
            bundle = read_show_file(data, path.name)
        except ImportRefused as exc:
            raise UserError(str(exc)) from None
        show_id = None if args.dry_run else import_show(db, bundle)
        out = import_json(bundle.plan, show_id, [], [])
        emit(args, out, _import_text(out))
        return 0
    from liveplanner.formats.runsheet.reader import ScriptOptions, read_script
    from liveplanner.formats.sheets import MAX_BYTES as SHEET_BYTES

    data = read_input(path, SHEET_BYTES)
    zone = args.tz or ""
    if zone:
        try:
            time_zone(zone)
        except ValueError as exc:
            raise UserError(f"--tz: {exc}") from None
    options = ScriptOptions(
        title=args.title or "",
        start=parse_start(args.start, zone or "Asia/Shanghai") if args.start else None,
        platform=Platform(args.platform) if args.platform else None,
        time_zone=zone,
    )
    try:
        reading = read_script(data, path.name, options)
    except ImportRefused as exc:
        raise UserError(str(exc)) from None
    show_id = None if args.dry_run else save_plan(db, reading.plan)
    unread = [
        {
            "row": u.row,
            "column": u.column,
            "value": u.value,
            "kept": "notes" if u.kept else "left_out",
        }
        for u in reading.unread
    ]
    out = import_json(reading.plan, show_id, unread, [n.message for n in reading.notices])
    emit(args, out, _import_text(out))
    return 0


def cmd_export_script(args: argparse.Namespace, db: Database) -> int:
    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in EXPORT_TYPES:
        raise UserError(f"{out.name}: a script is written as .xlsx, .pdf or .json")
    plan = load_plan(db, args.show_id)
    try:
        if suffix == ".xlsx":
            from liveplanner.formats.runsheet.writer import write_script_xlsx

            write_script_xlsx(plan, out, args.language or export_language())
        elif suffix == ".json":
            from liveplanner.formats.showfile.writer import write_show_file
            from liveplanner.storage.show_transfer import export_show

            write_show_file(export_show(db, args.show_id), out)
        else:
            offscreen_app()
            from liveplanner.ui.printing.documents import write_script_pdf

            write_script_pdf(plan, out)
    except OSError as exc:
        raise UserError(f"cannot write {out}: {exc.strerror or exc}") from None
    emit(args, {"show_id": plan.show.id, "out": str(out)}, f"wrote {out}")
    return 0
