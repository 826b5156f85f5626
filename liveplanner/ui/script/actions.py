"""File ▸ Import script…, Export script… and the print previews: choosing files, reporting what
happened. The reading and writing is done by formats/ (sheets, show files) and ui/printing.

Each function is given what it works on (the database, the plan, the window to put dialogs over,
where to say a refusal): none reaches into the main window.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from liveplanner.app import scripts
from liveplanner.app.database import Database, StorageError
from liveplanner.core.plan import ShowPlan
from liveplanner.formats.problems import ImportRefused
from liveplanner.ui.file_dialogs import FileKind, open_file, save_file, show_file_name
from liveplanner.ui.script.texts import problem_text
from liveplanner.ui.words import said_of

Refuse = Callable[[str], None]  # says why something was not done
Say = Callable[[str, int], None]  # a status bar's showMessage


def choose_script(parent: QWidget) -> Path | None:
    """Ask for a run sheet or a show file to import; None if the user cancelled."""
    return open_file(
        parent,
        FileKind.SCRIPT,
        QCoreApplication.translate("ScriptFiles", "Import script"),
        QCoreApplication.translate(
            "ScriptFiles",
            "Run sheets and show files (*.xlsx *.xlsm *.csv *.tsv *.txt *.json);;All files (*)",
        ),
    )


def import_file(parent: QWidget, db: Database, path: Path, refuse: Refuse) -> int | None:
    """Import the run sheet (through its dialog) or show file at `path` as a new show; its id,
    or None when it was refused (said through `refuse`) or the user cancelled."""
    from liveplanner.formats import sheets
    from liveplanner.formats.showfile import spec as show_file

    is_show_file = scripts.is_show_file(path)
    limit = show_file.MAX_BYTES if is_show_file else sheets.MAX_BYTES
    try:
        # Refused before reading: a 259 MB file was read whole, a pipe hung the window.
        data = sheets.read_file(path, limit)
    except OSError as exc:
        refuse(
            QCoreApplication.translate("ScriptFiles", "Could not read %1: %2")
            .replace("%1", str(path))
            .replace("%2", exc.strerror or str(exc))
        )
        return None
    except ImportRefused as exc:
        refuse(problem_text(exc.problem))
        return None
    if is_show_file:
        try:
            return scripts.import_show_data(db, data, path.name).show_id
        except ImportRefused as exc:
            refuse(problem_text(exc.problem))
            return None
        except StorageError as exc:
            refuse(said_of(exc))
            return None
    from liveplanner.ui.script.import_dialog import ScriptImportDialog

    dialog = ScriptImportDialog(db, path.name, data, parent)
    if dialog.exec() != ScriptImportDialog.DialogCode.Accepted:
        return None
    return dialog.show_id


def imported_note(path: Path) -> str:
    """The status line once `path` is in as a new show."""
    return QCoreApplication.translate("ScriptFiles", "Imported %1 as a new show").replace(
        "%1", path.name
    )


def export_script(
    parent: QWidget, db: Database, plan: ShowPlan, language: str, refuse: Refuse, status: Say
) -> Path | None:
    """Ask where and write `plan`'s script: XLSX run sheet (its words in `language`), PDF, or a
    show file; where it went, or None."""
    path, picked = save_file(
        parent,
        FileKind.SCRIPT,
        QCoreApplication.translate("ScriptFiles", "Export script"),
        show_file_name(plan, ".xlsx"),
        QCoreApplication.translate(
            "ScriptFiles",
            "Run sheet (*.xlsx);;Run sheet and cue cards, to print (*.pdf);;"
            "Show file, to hand on (*.json)",
        ),
    )
    if path is None:
        return None
    if path.suffix.lower() not in (".xlsx", ".pdf", ".json"):
        path = path.with_suffix(
            ".pdf" if "pdf" in picked else ".json" if "json" in picked else ".xlsx"
        )
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        write_script(db, plan, path, language)
    except (OSError, StorageError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else said_of(exc)
        refuse(
            QCoreApplication.translate("ScriptFiles", "Could not write %1: %2")
            .replace("%1", str(path))
            .replace("%2", detail)
        )
        return None
    finally:
        QGuiApplication.restoreOverrideCursor()
    status(
        QCoreApplication.translate("ScriptFiles", "Script written to %1").replace("%1", str(path)),
        10_000,
    )
    return path


def write_script(db: Database, plan: ShowPlan, path: Path, language: str) -> None:
    """Write `plan` to `path` as its suffix says: .xlsx, .json (a show file) or .pdf."""
    if path.suffix.lower() in (".xlsx", ".json"):
        scripts.export_script(db, plan, path, language)
    else:
        from liveplanner.ui.printing.documents import write_script_pdf

        write_script_pdf(plan, path)
