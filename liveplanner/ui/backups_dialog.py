"""File ▸ Backups…: the SQLite database's backups, newest first; back up now, or put one back
(the database as it is is backed up first, so a restore can itself be undone by a restore)."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liveplanner.app import backups
from liveplanner.app.backups import Backup, Restored
from liveplanner.app.database import Database, StorageError
from liveplanner.ui.words import said_of


class BackupsDialog(QDialog):
    restored = QtSignal(object)
    """A backup was put back; carries the database opened again (the old one is closed)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert db.sqlite_path is not None and db.backup_dir is not None
        self.db = db
        self.setWindowTitle(self.tr("Backups"))
        self.resize(760, 460)
        self.folder = QLabel(
            self.tr("Backups of %1, kept in %2")
            .replace("%1", str(db.sqlite_path))
            .replace("%2", str(db.backup_dir))
        )
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Why"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        kept = QLabel(
            self.tr(
                "All of today's and yesterday's backups are kept, then the newest of each of "
                "the last 12 days, 10 weeks and 9 months."
            )
        )
        kept.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.restore_button = QPushButton(self.tr("Restore…"))
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button.clicked.connect(self.restore)
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder)
        layout.addWidget(self.table, 1)
        layout.addWidget(kept)
        layout.addWidget(buttons)
        self.paths: list[Path] = []
        self.refresh()

    def _why(self, reason: str) -> str:
        if reason == "manual":
            return self.tr("Made by hand")
        if reason == "before-restore":
            return self.tr("Before a restore")
        if reason == "auto":
            return self.tr("While you worked (every 30 minutes after a change)")
        if reason == "on-exit":
            return self.tr("On closing liveplanner")
        if reason.startswith("before-upgrade"):
            return self.tr("Before an upgrade of the database")
        if reason == "before-delete":
            return self.tr("Before a show was deleted for good")
        if reason == "before-replacing-metrics":
            return self.tr("Before a show's metrics were imported again")
        return reason

    def refresh(self) -> None:
        found: list[Backup] = backups.list_backups(self.db)
        self.paths = [b.path for b in found]
        self.table.setRowCount(len(found))
        for row, made in enumerate(found):
            size = "" if made.size is None else f"{made.size / 2**20:.1f} MB"
            when = made.made.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            for column, text in enumerate([when, self._why(made.reason), size]):
                item = QTableWidgetItem(text)
                item.setToolTip(str(made.path))
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(0)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectedItems()))

    def back_up(self) -> None:
        try:
            backups.back_up(self.db, "manual")
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Not done"), said_of(exc))
        self.refresh()

    def restore(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if not rows:
            return
        chosen = self.paths[min(rows)]
        when = self.table.item(min(rows), 0).text()
        answer = QMessageBox.question(
            self,
            self.tr("Restore"),
            self.tr(
                "Put the backup of %1 in place of the database? Everything since then is "
                "replaced; the database as it is now is backed up first."
            ).replace("%1", when),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        restored = backups.restore(self.db, chosen)
        self.db = restored.db
        self.restored.emit(self.db)
        self.refresh()
        if restored.refused is not None:
            QMessageBox.warning(self, self.tr("Not done"), self._refusal(restored, chosen, when))

    def _refusal(self, restored: Restored, chosen: Path, when: str) -> str:
        """Why the backup was not put in place, in the user's language where it is no database
        of liveplanner's (storage words it in the command line's English, by its path)."""
        assert restored.refused is not None
        if not restored.not_a_database:
            return said_of(restored.refused)
        if restored.empty:
            said = self.tr(
                "The backup of %1 is an empty file (0 bytes), not a liveplanner database. "
                "Nothing was changed."
            )
        else:
            said = self.tr(
                "The backup of %1 is not a liveplanner database: it is empty, damaged or "
                "another program's. Nothing was changed."
            )
        return said.replace("%1", when) + "\n\n" + str(chosen)
