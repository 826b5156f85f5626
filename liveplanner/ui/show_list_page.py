"""The list of shows: search and filters, and the undoable actions on whole shows."""

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liveplanner.app import shows as show_actions
from liveplanner.app.database import Database, StorageError
from liveplanner.core.enums import Platform, ShowStatus
from liveplanner.ui import labels
from liveplanner.ui.refusals import refusal
from liveplanner.ui.show_list_model import ShowListModel

# (label, days from now to the range's start, to its end); None is open-ended.
WHEN = (
    (QT_TRANSLATE_NOOP("ShowListPage", "Any time"), None, None),
    (QT_TRANSLATE_NOOP("ShowListPage", "Upcoming"), 0, None),
    (QT_TRANSLATE_NOOP("ShowListPage", "Past"), None, 0),
    (QT_TRANSLATE_NOOP("ShowListPage", "Next 30 days"), 0, 30),
    (QT_TRANSLATE_NOOP("ShowListPage", "Last 30 days"), -30, 0),
)


class ShowCommand(QUndoCommand):
    """A whole-show action, undone by moving the show to or from the bin."""

    def __init__(self, page: "ShowListPage", text: str, show_id: int, deleting: bool) -> None:
        super().__init__(text)
        self.page, self.show_id, self.deleting = page, show_id, deleting
        self._first = True

    def redo(self) -> None:
        if self._first and not self.deleting:
            self._first = False  # the show was just made; nothing to redo yet
        else:
            self._run(show_actions.delete_show if self.deleting else show_actions.restore_show)
        self.page.reload()

    def undo(self) -> None:
        self._run(show_actions.restore_show if self.deleting else show_actions.delete_show)
        self.page.reload()

    def _run(self, action: Callable[[Database, int], None]) -> None:
        try:
            action(self.page.db, self.show_id)
        except StorageError as exc:
            self.page.refused.emit(refusal(exc))
            self.setObsolete(True)


class ShowListPage(QWidget):
    open_requested = Signal(int)
    """The user asked to open the show with this id."""
    refused = Signal(str)
    """An action was not done; the message says why."""
    reloaded = Signal(int)
    """The list was read again; carries how many shows it shows."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = QUndoStack(self)
        self.model = ShowListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ShowListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(
            lambda index: self.open_requested.emit(index.data(Qt.ItemDataRole.UserRole))
        )

        self.empty = QLabel(
            self.tr(
                "No shows yet.\nFile ▸ New show starts one; File ▸ Add demo show adds an example."
            )
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search titles and rooms"))
        self.search.setClearButtonEnabled(True)
        self.platform = QComboBox()
        self.platform.addItem(self.tr("All platforms"), None)
        for p in Platform:
            self.platform.addItem(labels.platform(p), p.value)
        self.status = QComboBox()
        self.status.addItem(self.tr("Any status"), None)
        for s in ShowStatus:
            self.status.addItem(labels.status(s), s.value)
        self.when = QComboBox()
        for label, _start, _end in WHEN:
            self.when.addItem(QCoreApplication.translate("ShowListPage", label))
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.platform, 1)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.when, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.stack)
        self.search.textChanged.connect(self.reload)
        for combo in (self.platform, self.status, self.when):
            combo.currentIndexChanged.connect(self.reload)
        self.reload()

    def filtering(self) -> bool:
        return bool(self.search.text().strip()) or any(
            c.currentIndex() > 0 for c in (self.platform, self.status, self.when)
        )

    def reload(self) -> None:
        _label, start, end = WHEN[self.when.currentIndex()]
        platform, status = self.platform.currentData(), self.status.currentData()
        chosen = self.selected_show_id()
        self.model.set_shows(
            show_actions.list_shows(
                self.db,
                search=self.search.text(),
                platform=Platform(platform) if platform else None,
                status=ShowStatus(status) if status else None,
                days_from=start,
                days_before=end,
            )
        )
        self.stack.setCurrentWidget(
            self.table if self.model.rowCount() or self.filtering() else self.empty
        )
        if chosen is not None:
            self.select_show(chosen)
        self.reloaded.emit(self.model.rowCount())

    def selected_show_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def select_show(self, show_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.show_at(row).id == show_id:
                self.table.selectRow(row)
                return

    def record_new_show(self, show_id: int, text: str) -> None:
        """A show was just created (new, demo, duplicate): make that undoable and select it."""
        self.undo_stack.push(ShowCommand(self, text, show_id, deleting=False))
        self.select_show(show_id)

    def delete_selected(self) -> None:
        show_id = self.selected_show_id()
        if show_id is not None:
            self.undo_stack.push(
                ShowCommand(
                    self,
                    QCoreApplication.translate("commands", "Delete show"),
                    show_id,
                    deleting=True,
                )
            )
