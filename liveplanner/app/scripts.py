"""Scripts in and out of files: a run sheet (XLSX, CSV) or a show file (JSON) stored as a new
show, and a show written as a run sheet or a show file. (A PDF is drawn by the front-end: it
takes Qt.)"""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from liveplanner.app.refusals import read_imported
from liveplanner.core.enums import Platform
from liveplanner.core.plan import ShowPlan
from liveplanner.storage.database import Database
from liveplanner.storage.shows import save_plan

if TYPE_CHECKING:
    from liveplanner.formats.runsheet.sheet_rows import Unread

EXPORT_TYPES = (".xlsx", ".pdf", ".json")


@dataclass(frozen=True, slots=True)
class ScriptImport:
    """A file read as a show: `show_id` is None when nothing was stored (a dry run)."""

    plan: ShowPlan
    show_id: int | None
    unread: tuple["Unread", ...] = ()  # cells no field took (kept in notes or left out)
    notices: tuple[str, ...] = ()


def is_show_file(path: Path) -> bool:
    return path.suffix.lower() == ".json"


def import_show_file(db: Database, path: Path, dry_run: bool = False) -> ScriptImport:
    """A liveplanner show file as a new show, with its own title, start, platform and zone."""
    from liveplanner.formats.showfile.spec import MAX_BYTES

    return import_show_data(db, read_imported(path, MAX_BYTES), path.name, dry_run)


def import_show_data(db: Database, data: bytes, name: str, dry_run: bool = False) -> ScriptImport:
    """A show file's bytes, already read from the file `name`, as a new show (the window reads
    a file once, before it knows which kind it is). ImportRefused says why it is not one."""
    from liveplanner.formats.showfile.reader import read_show_file
    from liveplanner.storage.show_transfer import import_show

    bundle = read_show_file(data, name)
    return ScriptImport(bundle.plan, None if dry_run else import_show(db, bundle))


def import_run_sheet(
    db: Database,
    path: Path,
    *,
    title: str = "",
    start: datetime | None = None,
    platform: Platform | None = None,
    zone: str = "",
    dry_run: bool = False,
) -> ScriptImport:
    """A run sheet as a new show; what is not given is taken from the sheet."""
    from liveplanner.formats.runsheet.reader import ScriptOptions, read_script
    from liveplanner.formats.sheets import MAX_BYTES

    data = read_imported(path, MAX_BYTES)
    options = ScriptOptions(title=title, start=start, platform=platform, time_zone=zone)
    reading = read_script(data, path.name, options)
    show_id = None if dry_run else save_plan(db, reading.plan)
    return ScriptImport(
        reading.plan, show_id, tuple(reading.unread), tuple(n.message for n in reading.notices)
    )


def export_script(db: Database, plan: ShowPlan, out: Path, language: str) -> None:
    """Write the show as an .xlsx run sheet (headers in `language`, "zh" or "en") or a .json
    show file; OSError says why it could not be written."""
    if out.suffix.lower() == ".xlsx":
        from liveplanner.formats.runsheet.writer import write_script_xlsx

        write_script_xlsx(plan, out, language)
    else:
        from liveplanner.formats.showfile.writer import write_show_file
        from liveplanner.storage.show_transfer import export_show

        write_show_file(export_show(db, plan.show.id), out)
