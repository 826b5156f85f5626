"""The editor's side panels: a table of parts with Add and Delete, the selected segment's
details, the findings list and the show's own settings."""

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFocusEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liveplanner.core.enums import Role
from liveplanner.core.rules import Finding, Severity
from liveplanner.ui.editor import commands, roles
from liveplanner.ui.editor.delegate import CellDelegate
from liveplanner.ui.editor.document import ShowDocument
from liveplanner.ui.editor.finding_texts import describe, segment_names, segments_in_full
from liveplanner.ui.editor.part_models import PartTableModel
from liveplanner.ui.editor.person_dialog import ask_person


def make_table(model: PartTableModel | None = None) -> QTableView:
    table = QTableView()
    if model is not None:
        table.setModel(model)
    table.setItemDelegate(CellDelegate(table))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    table.verticalHeader().hide()
    # Part tables are short: columns fit their contents (names are what people look for), the
    # last one takes the room that is left.
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if model is not None and model.columnCount():
        header.setSectionResizeMode(model.columnCount() - 1, QHeaderView.ResizeMode.Stretch)
        # The header refits on a reset but not when rows come in one by one: ask it to, for
        # the table on screen (a hidden one refits when shown: see PartPanel.showEvent).
        for signal in (model.rowsInserted, model.dataChanged):
            signal.connect(lambda *_args, h=header: h.resizeSections() if h.isVisible() else None)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


class PartPanel(QWidget):
    """A table of one kind of part with buttons to add a row and delete the selected ones."""

    def __init__(
        self,
        document: ShowDocument,
        model: PartTableModel,
        add_label: str,
        new_part: Callable[[], object | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._doc, self.model, self._new_part = document, model, new_part
        self.table = make_table(model)
        self.add_button = QPushButton(add_label)
        self.add_button.clicked.connect(self.add)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        delete = QAction(self.table)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_selected)
        self.table.addAction(delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    def showEvent(self, event: QShowEvent) -> None:
        self.table.horizontalHeader().resizeSections()
        super().showEvent(event)

    def add(self) -> None:
        part = self._new_part()
        if part is None:
            return
        command = commands.AddPart(self._doc, part)  # type: ignore[arg-type]
        self._doc.undo_stack.push(command)
        if command.added is not None and (row := self.model.row_of(command.added.id)) is not None:
            index = self.model.index(row, self.model.column_of_field("name") if row >= 0 else 0)
            self.table.setCurrentIndex(index)
            self.table.setFocus()

    def delete_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()}, reverse=True)
        if not rows:
            return
        stack = self._doc.undo_stack
        if len(rows) > 1:
            stack.beginMacro(self.tr("Delete %n row(s)", "", len(rows)))
        for part_id in [self.model.part_at(r).id for r in rows]:
            stack.push(commands.RemovePart(self._doc, self.model.kind, part_id))
        if len(rows) > 1:
            stack.endMacro()

    def select_part(self, part_id: int, field: str | None) -> None:
        row = self.model.row_of(part_id)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, self.model.column_of_field(field)))
            self.table.setFocus()


class CommitOnLeaveText(QPlainTextEdit):
    """Multi-line text saved as one edit when the user leaves it, not at every keystroke."""

    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.editing_finished.emit()
        super().focusOutEvent(event)


class FindingsPanel(QWidget):
    """Every broken limit; activating one jumps to the cell it is about. A finding with a
    fix at hand offers it under the list: product intros with no host, "Assign a host…"."""

    finding_activated = Signal(object)
    """Carries the Finding the user chose."""

    def __init__(self, document: ShowDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = document
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.assign_host_button = QPushButton(self.tr("&Assign a host…"))
        self.assign_host_button.setToolTip(
            self.tr("Choose one person as host of every product intro that has none")
        )
        self.assign_host_button.clicked.connect(self.assign_host)
        fixes = QHBoxLayout()
        fixes.addWidget(self.assign_host_button)
        fixes.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(fixes)
        document.plan_changed.connect(self.refresh)
        document.show_changed.connect(self._offer_fixes)  # a lock comes and goes with the status
        self.refresh()

    def _activated(self, item: QListWidgetItem) -> None:
        finding = item.data(Qt.ItemDataRole.UserRole)
        if finding is not None:
            self.finding_activated.emit(finding)

    def refresh(self) -> None:
        self.list.clear()
        icons = {
            Severity.ERROR: self.style().standardIcon(
                self.style().StandardPixmap.SP_MessageBoxCritical
            ),
            Severity.WARNING: self.style().standardIcon(
                self.style().StandardPixmap.SP_MessageBoxWarning
            ),
        }
        for finding in self._doc.findings:
            item = QListWidgetItem(icons[finding.severity], describe(finding))
            item.setData(Qt.ItemDataRole.UserRole, finding)
            if len(finding.about()) > 1:
                item.setToolTip(segments_in_full(finding))
            self.list.addItem(item)
        if not self._doc.findings:
            item = QListWidgetItem(self.tr("Every limit holds."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        self._offer_fixes()

    def _hostless(self) -> Finding | None:
        return next((f for f in self._doc.findings if f.code == "intro_without_host"), None)

    def _offer_fixes(self) -> None:
        self.assign_host_button.setVisible(self._hostless() is not None)
        self.assign_host_button.setEnabled(self._doc.editable)

    def assign_host(self) -> None:
        """Ask for a person and make them host of every intro without one, as one edit."""
        finding = self._hostless()
        if finding is None or not self._doc.editable:
            return
        segment_ids = finding.about()
        positions = list(finding.params["positions"])  # type: ignore[call-overload]
        titles = list(finding.params["titles"])  # type: ignore[call-overload]
        note = self.tr("Host of %n product intro(s): segments %1.", "", len(segment_ids)).replace(
            "%1", segment_names(positions, titles)
        )
        person = ask_person(self._doc, self.tr("Assign a host"), note, self)
        if person is None:
            return
        stack = self._doc.undo_stack
        stack.beginMacro(
            self.tr("Assign %1 as host of %n segment(s)", "", len(segment_ids)).replace(
                "%1", person.name
            )
        )
        for segment_id in segment_ids:
            stack.push(commands.SetRole(self._doc, segment_id, Role.HOST, person.id))
        stack.endMacro()
        self.list.setFocus()  # the button goes with the finding: keep the keyboard here


def selected_ids(view: QTableView) -> list[int]:
    model = view.model()
    rows = sorted({i.row() for i in view.selectionModel().selectedIndexes()})
    return [model.index(r, 0).data(roles.ID) for r in rows]
