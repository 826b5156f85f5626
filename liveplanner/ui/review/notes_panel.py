"""Review notes: a list under the chart, a dialog to write one, and the labels of categories."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from liveplanner.core.enums import NoteCategory
from liveplanner.core.notes import MAX_OWNER, ReviewNote
from liveplanner.core.plan import ShowPlan

Index = QModelIndex | QPersistentModelIndex


def category_label(value: NoteCategory) -> str:
    return {
        NoteCategory.WORKED: QCoreApplication.translate("ReviewNotes", "Worked"),
        NoteCategory.PROBLEM: QCoreApplication.translate("ReviewNotes", "Problem"),
        NoteCategory.ACTION: QCoreApplication.translate("ReviewNotes", "Action"),
        NoteCategory.OTHER: QCoreApplication.translate("ReviewNotes", "Other"),
    }[value]


def note_place(note: ReviewNote, plan: ShowPlan, zone: ZoneInfo) -> str:
    """'20:05 · 6. Flash sale' / '6. Flash sale' / 'whole show'."""
    parts = []
    if note.minute is not None:
        parts.append(note.minute.astimezone(zone).strftime("%H:%M"))
    position = next((i for i, s in enumerate(plan.segments, 1) if s.id == note.segment_id), None)
    if position is not None:
        parts.append(f"{position}. {plan.segments[position - 1].title}")
    return " · ".join(parts) or QCoreApplication.translate("ReviewNotes", "whole show")


class NotesModel(QAbstractTableModel):
    PLACE, CATEGORY, TEXT, OWNER = range(4)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self.notes: list[ReviewNote] = []
        self.plan: ShowPlan | None = None
        self.zone = ZoneInfo("Asia/Shanghai")

    def set_notes(self, notes: Sequence[ReviewNote], plan: ShowPlan) -> None:
        self.beginResetModel()
        self.notes, self.plan = list(notes), plan
        self.zone = ZoneInfo(plan.show.time_zone)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self.notes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("When / where"), self.tr("Kind"), self.tr("Note"), self.tr("Owner"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.notes) or self.plan is None:
            return None
        note = self.notes[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return {
                self.PLACE: note_place(note, self.plan, self.zone),
                self.CATEGORY: category_label(note.category),
                self.TEXT: note.text,
                self.OWNER: note.owner,
            }.get(index.column())
        return None


class NoteDialog(QDialog):
    """Write or change a note; the place (minute, segment) was chosen on the chart or table."""

    def __init__(
        self,
        place: str,
        note: ReviewNote | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review note") if note is None else self.tr("Change note"))
        form = QFormLayout(self)
        form.addRow(self.tr("For"), QLabel(place))
        self.category = QComboBox()
        for value in NoteCategory:
            self.category.addItem(category_label(value), value)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            self.tr("What worked, what went wrong, what to change next time")
        )
        self.owner = QLineEdit()
        self.owner.setMaxLength(MAX_OWNER)
        self.owner.setPlaceholderText(self.tr("Who acts on it (for an action)"))
        form.addRow(self.tr("Kind"), self.category)
        form.addRow(self.tr("Note"), self.text)
        form.addRow(self.tr("Owner"), self.owner)
        if note is not None:
            self.category.setCurrentIndex(list(NoteCategory).index(note.category))
            self.text.setPlainText(note.text)
            self.owner.setText(note.owner)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(460, 280)

    def _accept(self) -> None:
        if not self.text.toPlainText().strip():
            self.text.setFocus()
            self.text.setPlaceholderText(self.tr("A note needs some text"))
            return
        self.accept()

    def values(self) -> tuple[NoteCategory, str, str]:
        return self.category.currentData(), self.text.toPlainText().strip(), self.owner.text()
