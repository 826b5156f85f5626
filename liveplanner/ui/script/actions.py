"""File ▸ Import script…, Export script… and the print previews: choosing files, reporting what
happened. The reading and writing is done by formats/ (sheets, show files) and ui/printing."""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication

from liveplanner.core.plan import ShowPlan
from liveplanner.formats.problems import ImportRefused
from liveplanner.storage.errors import StorageError
from liveplanner.ui.file_dialogs import FileKind, open_file, save_file, show_file_name
from liveplanner.ui.script.texts import problem_text
from liveplanner.ui.words import said_of

if TYPE_CHECKING:
    from liveplanner.ui.main_window import MainWindow


def import_script(window: "MainWindow") -> int | None:
    """Ask for a run sheet or a show file and import it as a new show; its id, or None."""
    chosen = open_file(
        window,
        FileKind.SCRIPT,
        QCoreApplication.translate("ScriptFiles", "Import script"),
        QCoreApplication.translate(
            "ScriptFiles",
            "Run sheets and show files (*.xlsx *.xlsm *.csv *.tsv *.txt *.json);;All files (*)",
        ),
    )
    return import_file(window, chosen) if chosen else None


def import_file(window: "MainWindow", path: Path) -> int | None:
    assert window.db is not None and window.list_page is not None
    from liveplanner.formats import sheets
    from liveplanner.formats.showfile import bundle as show_file

    is_show_file = path.suffix.lower() == ".json"
    limit = show_file.MAX_BYTES if is_show_file else sheets.MAX_BYTES
    try:
        # Refused before reading: a 259 MB file was read whole, a pipe hung the window.
        data = sheets.read_file(path, limit)
    except OSError as exc:
        window.show_refusal(
            QCoreApplication.translate("ScriptFiles", "Could not read %1: %2")
            .replace("%1", str(path))
            .replace("%2", exc.strerror or str(exc))
        )
        return None
    except ImportRefused as exc:
        window.show_refusal(problem_text(exc.problem))
        return None
    if is_show_file:
        from liveplanner.formats.showfile.reader import read_show_file
        from liveplanner.storage.show_transfer import import_show

        try:
            show_id = import_show(window.db, read_show_file(data, path.name))
        except ImportRefused as exc:
            window.show_refusal(problem_text(exc.problem))
            return None
        except StorageError as exc:
            window.show_refusal(said_of(exc))
            return None
    else:
        from liveplanner.ui.script.import_dialog import ScriptImportDialog

        dialog = ScriptImportDialog(window.db, path.name, data, window)
        if dialog.exec() != ScriptImportDialog.DialogCode.Accepted or dialog.show_id is None:
            return None
        show_id = dialog.show_id
    window.show_list()
    window.list_page.record_new_show(
        show_id, QCoreApplication.translate("commands", "Import script")
    )
    window.open_show(show_id)
    window.statusBar().showMessage(
        QCoreApplication.translate("ScriptFiles", "Imported %1 as a new show").replace(
            "%1", path.name
        ),
        10_000,
    )
    return show_id


def export_script(window: "MainWindow") -> Path | None:
    """Ask where and write the open show's script: XLSX run sheet, PDF, or a show file."""
    if window.editor is None or window.db is None:
        return None
    plan = window.editor.doc.plan
    path, picked = save_file(
        window,
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
        write_script(window, plan, path)
    except (OSError, StorageError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else said_of(exc)
        window.show_refusal(
            QCoreApplication.translate("ScriptFiles", "Could not write %1: %2")
            .replace("%1", str(path))
            .replace("%2", detail)
        )
        return None
    finally:
        QGuiApplication.restoreOverrideCursor()
    window.statusBar().showMessage(
        QCoreApplication.translate("ScriptFiles", "Script written to %1").replace("%1", str(path)),
        10_000,
    )
    return path


def write_script(window: "MainWindow", plan: ShowPlan, path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from liveplanner.formats.runsheet.writer import write_script_xlsx

        write_script_xlsx(plan, path, window.template_language())
    elif suffix == ".json":
        from liveplanner.formats.showfile.writer import write_show_file
        from liveplanner.storage.show_transfer import export_show

        assert window.db is not None
        write_show_file(export_show(window.db, plan.show.id), path)
    else:
        from liveplanner.ui.printing.documents import write_script_pdf

        write_script_pdf(plan, path)


def print_preview(window: "MainWindow", what: str) -> None:
    """The print preview of the open show's run sheet ("run_sheet") or cue cards."""
    if window.editor is None:
        return
    from liveplanner.ui.printing.documents import preview_script

    window.commit_editor()
    preview_script(window, window.editor.doc.plan, what)
