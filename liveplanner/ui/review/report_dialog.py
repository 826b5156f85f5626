"""Export the review on screen as a report: choose a file, write it, say where it went."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from liveplanner.ui.file_dialogs import FileKind, save_file, show_file_name
from liveplanner.ui.review.report import ReportInput, write_report
from liveplanner.ui.review.review_page import ReviewPage


def report_input(page: ReviewPage) -> ReportInput:
    assert page.plan is not None and page.review is not None
    zone = page.plan.show.planned_start.tzinfo
    run = next((r for r in page.runs if r.id == page.review.run_id), None)
    started = run.started_at.astimezone(zone).strftime("%Y-%m-%d %H:%M") if run else ""
    return ReportInput(page.plan, page.review, page.notes, started, page.desk)


def export_report(page: ReviewPage, parent: QWidget) -> Path | None:
    """Ask where, then write the report of the review on `page`; the written path, or None."""
    content = report_input(page)
    path, _ = save_file(
        parent,
        FileKind.REPORT,
        QCoreApplication.translate("ReportDialog", "Export report"),
        show_file_name(content.plan, ".pdf"),
        QCoreApplication.translate(
            "ReportDialog", "PDF report (*.pdf);;Web page (*.html);;Spreadsheet (*.xlsx)"
        ),
    )
    if path is None:
        return None
    if path.suffix.lower() not in (".pdf", ".html", ".xlsx"):
        path = path.with_suffix(".pdf")
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        write_report(path, content)
    except OSError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("ReportDialog", "Not done"),
            QCoreApplication.translate("ReportDialog", "Could not write %1: %2")
            .replace("%1", str(path))
            .replace("%2", exc.strerror or str(exc)),
        )
        return None
    finally:
        QGuiApplication.restoreOverrideCursor()
    if hasattr(parent, "statusBar"):
        parent.statusBar().showMessage(
            QCoreApplication.translate("ReportDialog", "Report written to %1").replace(
                "%1", str(path)
            ),
            10_000,
        )
    return path
