"""The question asked when someone else saved a row I was editing: per field, whose value stands.

Installed as the document's resolver by the show editor (see ShowDocument.resolve_conflict).
"""

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liveplanner.ui.editor.document import Conflict

CHOSEN_STYLE = "QWidget#choice { background: rgba(61, 127, 209, 45); }"
CELL_WIDTH = 280  # pixels: a longer value (talking points) shows its start; the tooltip all


def _one_line(text: str) -> str:
    return " ⏎ ".join(part.strip() for part in text.strip().splitlines() if part.strip())


class ConflictDialog(QDialog):
    """Was / Theirs / Yours for each field of my edit, a choice per field, and three ways out.

    `chosen` holds the answer once a button is pressed: the fields to write with my values;
    empty keeps their version (also when the dialog is closed).
    """

    WAS, THEIRS, YOURS = 1, 2, 3

    def __init__(self, conflict: Conflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.chosen: dict[str, Any] = {}
        self.setWindowTitle(self.tr("Changed by someone else"))

        intro = QLabel(
            "<b>"
            + html.escape(
                self.tr("Someone else changed the %1 “%2” while you were editing it.")
                .replace("%1", conflict.what)
                .replace("%2", conflict.name)
            )
            + "</b><br>"
            + html.escape(
                self.tr(
                    "Choose whose value to keep for each field. Where they changed a field "
                    "too, theirs is chosen; where they did not, yours is."
                )
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)

        self.table = QTableWidget(len(conflict.fields), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Was"), self.tr("Theirs"), self.tr("Yours")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.theirs_buttons: list[QRadioButton] = []
        self.yours_buttons: list[QRadioButton] = []
        self._groups: list[QButtonGroup] = []
        defaults = conflict.defaults()
        for row, field in enumerate(conflict.fields):
            self._text_cell(row, 0, field.label)
            was = self._text_cell(row, self.WAS, field.show(field.was))
            was.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
            theirs = self._choice_cell(row, self.THEIRS, field.show(field.theirs))
            yours = self._choice_cell(row, self.YOURS, field.show(field.mine))
            if field.they_changed:
                # What they changed is what this question is about: make it stand out.
                font = theirs.font()
                font.setBold(True)
                theirs.setFont(font)
            group = QButtonGroup(self)
            group.addButton(theirs)
            group.addButton(yours)
            (yours if field.name in defaults else theirs).setChecked(True)
            self.theirs_buttons.append(theirs)
            self.yours_buttons.append(yours)
            self._groups.append(group)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.resizeRowsToContents()

        self.keep_theirs_button = QPushButton(self.tr("Keep theirs"))
        self.keep_mine_button = QPushButton(self.tr("Keep mine"))
        self.use_choices_button = QPushButton(self.tr("Use my choices"))
        self.keep_theirs_button.clicked.connect(self.reject)
        self.keep_mine_button.clicked.connect(self.keep_mine)
        self.use_choices_button.clicked.connect(self.use_choices)
        # The two "all" answers together, apart from the per-field one, which Enter gives.
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_theirs_button)
        buttons.addWidget(self.keep_mine_button)
        buttons.addStretch()
        buttons.addWidget(self.use_choices_button)
        self.use_choices_button.setDefault(True)
        self.use_choices_button.setFocus()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._fit()

    def _shortened(self, text: str) -> str:
        return self.fontMetrics().elidedText(
            _one_line(text), Qt.TextElideMode.ElideRight, CELL_WIDTH
        )

    def _text_cell(self, row: int, column: int, text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(self._shortened(text))
        item.setToolTip(text)
        self.table.setItem(row, column, item)
        return item

    def _choice_cell(self, row: int, column: int, text: str) -> QRadioButton:
        button = QRadioButton(self._shortened(text))
        button.setToolTip(text)
        holder = QWidget()
        # The chosen value's cell is tinted: clearer than the radio's dot alone, in either theme.
        holder.setObjectName("choice")
        holder.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        button.toggled.connect(lambda on, h=holder: h.setStyleSheet(CHOSEN_STYLE if on else ""))
        box = QHBoxLayout(holder)
        box.setContentsMargins(6, 2, 6, 2)
        box.addWidget(button)
        box.addStretch()
        self.table.setCellWidget(row, column, holder)
        return button

    def _fit(self) -> None:
        """Wide and tall enough to show every row without scrolling, within reason."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        width = sum(header.sectionSize(c) for c in range(4)) + 2 * self.table.frameWidth()
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        # The header's hint, not its height: before the dialog is shown it has no height yet.
        height = header.sizeHint().height() + rows + 2 * self.table.frameWidth()
        self.table.setFixedHeight(min(height, 360))
        width = max(620, min(width + 40, 1000))
        # The intro wraps: its height depends on the width it gets.
        self.resize(width, self.layout().totalHeightForWidth(width))

    def keep_mine(self) -> None:
        self.chosen = self.conflict.mine()
        self.accept()

    def use_choices(self) -> None:
        self.chosen = {
            field.name: field.mine
            for field, yours in zip(self.conflict.fields, self.yours_buttons, strict=True)
            if yours.isChecked()
        }
        self.accept()

    def reject(self) -> None:
        self.chosen = {}
        super().reject()


def ask(conflict: Conflict, parent: QWidget | None = None) -> dict[str, Any]:
    """Show the question and wait for the answer: the fields to write, {} to keep theirs."""
    dialog = ConflictDialog(conflict, parent)
    try:
        dialog.exec()
        return dialog.chosen
    finally:
        dialog.deleteLater()
