"""Storing an import: straight away into a show without metrics, else after a question whose
default is Cancel, in one transaction off the GUI thread."""

from PySide6.QtWidgets import QMessageBox

from liveplanner.app.database import StorageError
from liveplanner.app.review_data import (
    ImportSource,
    StoredMetrics,
    replace_metrics,
    stored_metrics,
)
from liveplanner.core.plan import time_zone
from liveplanner.formats.metrics.records import MetricsImport
from liveplanner.ui.review.jobs import Progress
from liveplanner.ui.words import said_of


class MetricsStoring:
    """MetricsImportDialog's Import button: the replace question and the store itself."""

    def store(self) -> None:
        """Import: straight away into a show without metrics, else after asking to replace."""
        result = self.result
        if result is None or self.job is not None or not self.dates_settled():
            return
        # As stored now, not when the dialog opened: a team database may have changed since.
        try:
            self.stored = stored_metrics(self.db, self.plan.show.id)
        except StorageError as exc:  # a team server gone away: said here, nothing stored
            self.error.setText(self.tr("Nothing was stored: %1").replace("%1", said_of(exc)))
            self.error.show()
            return
        self._show_stored(self.stored)
        if self.stored is None:
            self._store()
        else:
            self._ask_to_replace(self.stored, result)

    def _show_stored(self, stored: StoredMetrics | None) -> None:
        self.replace_note.setVisible(stored is not None)
        if stored is not None:
            self.replace_note.setText(
                self.tr(
                    "This show has metrics already: %1. Importing a file replaces them all."
                ).replace("%1", self._stored_text(stored))
            )

    def _stored_text(self, stored: StoredMetrics) -> str:
        """Such as: 185 minutes from “demo.csv”, imported 2026-11-11 23:10."""
        text = self.tr("%1 minutes").replace("%1", f"{stored.minutes:,}")
        if stored.source.file_name:
            text = self.tr("%1 from “%2”").replace("%1", text)
            text = text.replace("%2", stored.source.file_name)
        if stored.imported_at is not None:
            zone = time_zone(self.plan.show.time_zone)
            when = stored.imported_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
            text = self.tr("%1, imported %2").replace("%1", text).replace("%2", when)
        return text

    def _ask_to_replace(self, stored: StoredMetrics, result: MetricsImport) -> None:
        """Replace or not: a question whose default, and Escape, is Cancel."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Replace the show's metrics?"))
        box.setText(
            self.tr("Replace the show's metrics (%1) with the %2 minutes in “%3”?")
            .replace("%1", self._stored_text(stored))
            .replace("%2", f"{result.minutes:,}")
            .replace("%3", result.file_name)
        )
        if self.db.makes_backups:
            box.setInformativeText(
                self.tr(
                    "A backup of the database is made first: File ▸ Backups… can put the "
                    "metrics back. Edit ▸ Undo cannot."
                )
            )
        else:
            box.setInformativeText(
                self.tr(
                    "The team database is backed up by its server, not by liveplanner; "
                    "Edit ▸ Undo cannot put the metrics back."
                )
            )
        replace = box.addButton(self.tr("&Replace metrics"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.finished.connect(lambda _code: self._replace_answered(box, replace))
        self.question = box
        box.open()

    def _replace_answered(self, box: QMessageBox, replace: object) -> None:
        self.question = None
        box.deleteLater()
        if box.clickedButton() is replace:
            self._store()

    def _store(self) -> None:
        result = self.result
        if result is None or self.job is not None:
            return
        show_id = self.plan.show.id
        preset = result.preset.name if result.preset else ""
        source = ImportSource(result.file_name, preset, result.encoding, result.rows_read)

        def work(progress: Progress) -> int:
            return replace_metrics(self.db, show_id, result.samples, source, progress)

        self._run(work, self._stored, self.tr("Storing the metrics…"))

    def _stored(self, count: int) -> None:
        self.imported.emit(count, self.result.file_name if self.result else "")
        self.accept()
