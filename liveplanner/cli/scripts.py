"""`liveplanner import-script` and `export-script`: run sheets and show files in and out."""

import argparse
from pathlib import Path

from liveplanner.app import scripts
from liveplanner.app.database import Database
from liveplanner.app.language import file_language
from liveplanner.app.refusals import write_failed
from liveplanner.app.scripts import ScriptImport
from liveplanner.app.shows import show_plan
from liveplanner.app.translations import QT_TRANSLATE_NOOP
from liveplanner.cli.drawing import offscreen_app
from liveplanner.cli.output import UserError, counted, emit, said, say, visible
from liveplanner.cli.shows import parse_start
from liveplanner.core.enums import Platform
from liveplanner.core.plan import time_zone


def import_script(args: argparse.Namespace, db: Database) -> int:
    path = Path(args.file)
    if scripts.is_show_file(path):
        if args.title or args.start or args.platform or args.tz:
            raise UserError(
                say(
                    QT_TRANSLATE_NOOP(
                        "cli",
                        "{file}: a show file keeps its own title, start, platform and time zone; "
                        "--title, --start, --platform and --tz are for run sheets",
                    ),
                    file=path.name,
                )
            )
        imported = scripts.import_show_file(db, path, dry_run=args.dry_run)
    else:
        zone = args.tz or ""
        if zone:
            try:
                time_zone(zone)
            except ValueError:
                raise UserError("--tz: " + said("unknown_zone", zone=zone)) from None
        imported = scripts.import_run_sheet(
            db,
            path,
            title=args.title or "",
            start=parse_start(args.start, zone or "Asia/Shanghai") if args.start else None,
            platform=Platform(args.platform) if args.platform else None,
            zone=zone,
            dry_run=args.dry_run,
        )
    data = import_json(imported)
    emit(args, data, _import_text(data))
    return 0


def export(args: argparse.Namespace, db: Database) -> int:
    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in scripts.EXPORT_TYPES:
        raise UserError(
            say(
                QT_TRANSLATE_NOOP("cli", "{name}: a script is written as .xlsx, .pdf or .json"),
                name=out.name,
            )
        )
    plan = show_plan(db, args.show_id)
    try:
        if suffix == ".pdf":
            offscreen_app()
            from liveplanner.ui.printing.documents import write_script_pdf

            write_script_pdf(plan, out)
        else:
            scripts.export_script(db, plan, out, args.language or file_language())
    except OSError as exc:
        raise write_failed(out, exc) from None
    emit(
        args,
        {"show_id": plan.show.id, "out": str(out)},
        say(QT_TRANSLATE_NOOP("cli", "wrote {file}"), file=out),
    )
    return 0


def import_json(imported: ScriptImport) -> dict:  # type: ignore[type-arg]
    """The `import-script --json` contract: what the file held and what was not read."""
    plan = imported.plan
    zone = time_zone(plan.show.time_zone)
    return {
        "show_id": imported.show_id,
        "title": plan.show.title,
        "planned_start": plan.show.planned_start.astimezone(zone).isoformat(),
        "platform": plan.show.platform.value,
        "segments": len(plan.segments),
        "products": len(plan.products),
        "people": len(plan.people),
        "promos": len(plan.promos),
        "unread": [
            {
                "row": u.row,
                "column": u.column,
                "value": u.value,
                "kept": "notes" if u.kept else "left_out",
            }
            for u in imported.unread
        ],
        "notices": list(imported.notices),
    }


def _import_text(data: dict) -> str:  # type: ignore[type-arg]
    # Titles, notices and cells are one line each: their newlines and controls escaped.
    title = visible(data["title"])
    if data["show_id"] is not None:
        head = say(
            QT_TRANSLATE_NOOP("cli", "imported “{title}” as show {show_id}"),
            title=title,
            show_id=data["show_id"],
        )
    else:
        head = say(QT_TRANSLATE_NOOP("cli", "read “{title}” (nothing stored)"), title=title)
    contents = say(
        QT_TRANSLATE_NOOP("cli", "{head}: {segments}, {products}, {people}, {promos}"),
        head=head,
        segments=counted(
            data["segments"],
            QT_TRANSLATE_NOOP("cli", "{n} segment"),
            QT_TRANSLATE_NOOP("cli", "{n} segments"),
        ),
        products=counted(
            data["products"],
            QT_TRANSLATE_NOOP("cli", "{n} product"),
            QT_TRANSLATE_NOOP("cli", "{n} products"),
        ),
        people=counted(
            data["people"],
            QT_TRANSLATE_NOOP("cli", "{n} person"),
            QT_TRANSLATE_NOOP("cli", "{n} people"),
        ),
        promos=counted(
            data["promos"],
            QT_TRANSLATE_NOOP("cli", "{n} promo"),
            QT_TRANSLATE_NOOP("cli", "{n} promos"),
        ),
    )
    lines = [
        contents,
        say(
            QT_TRANSLATE_NOOP("cli", "  starts {start} on {platform}"),
            start=data["planned_start"],
            platform=data["platform"],
        ),
    ]
    if data["notices"]:
        lines += [say(QT_TRANSLATE_NOOP("cli", "notices:"))]
        lines += [f"  {visible(text)}" for text in data["notices"]]
    if data["unread"]:
        lines.append(say(QT_TRANSLATE_NOOP("cli", "not read into fields:")))
        kept = say(QT_TRANSLATE_NOOP("cli", "kept in the segment's notes"))
        left_out = say(QT_TRANSLATE_NOOP("cli", "left out"))
        for item in data["unread"]:
            lines.append(
                say(
                    QT_TRANSLATE_NOOP("cli", "  row {row}, column “{column}”: {value} ({where})"),
                    row=item["row"],
                    column=visible(str(item["column"])),
                    value=visible(str(item["value"])),
                    where=kept if item["kept"] == "notes" else left_out,
                )
            )
    return "\n".join(lines)
