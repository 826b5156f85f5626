"""The bar above an approved, live or read-only show's script: why it cannot be changed here,
and the one deliberate way to change it (unlock, with a question first; recorded in the history).
"""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from liveplanner.app.database import StorageError
from liveplanner.core.enums import ShowStatus
from liveplanner.core.plan import Show
from liveplanner.ui import labels
from liveplanner.ui.editor.document import ShowDocument
from liveplanner.ui.refusals import refusal

LOCKED_STYLE = "QFrame#lockBar { background: #fdf2d0; border: 1px solid #e0c36a; }"
UNLOCKED_STYLE = "QFrame#lockBar { background: #fde2dd; border: 1px solid #e08a7a; }"
TEXT_STYLE = "color: #3a2a00;"


class LockBar(QFrame):
    def __init__(self, doc: ShowDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("lockBar")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet(TEXT_STYLE)
        self.button = QPushButton()
        self.button.clicked.connect(self.toggle)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        doc.show_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        show = self.doc.plan.show
        status = labels.status(show.status)
        if self.doc.read_only:
            self.text.setText(
                self.tr(
                    "Read-only: another liveplanner has this database open. You can look, "
                    "print and export here, but not change anything."
                )
            )
            self.button.hide()
            self.setStyleSheet(LOCKED_STYLE)
        elif show.locked:
            self.text.setText(
                self.tr(
                    "%1: the script is locked, so nothing in it changes by accident. Unlock it "
                    "to make a change; the unlock is recorded in the show's history."
                ).replace("%1", status)
            )
            self.button.setText(self.tr("Unlock for editing…"))
            self.button.show()
            self.setStyleSheet(LOCKED_STYLE)
        elif show.status is not ShowStatus.DRAFT:
            self.text.setText(
                self.tr(
                    "%1, unlocked for editing: changes reach the host's cards and cues at once. "
                    "It locks again at the next status change."
                ).replace("%1", status)
            )
            self.button.setText(self.tr("Lock again"))
            self.button.show()
            self.setStyleSheet(UNLOCKED_STYLE)
        self.setVisible(self.doc.read_only or show.status is not ShowStatus.DRAFT)

    def toggle(self) -> None:
        show = self.doc.plan.show
        if show.locked and not ask_unlock(self, show):
            return
        try:
            self.doc.set_unlocked(show.locked)
        except StorageError as exc:
            self.doc.edit_refused.emit(refusal(exc))


def ask_unlock(parent: QWidget, show: Show) -> bool:
    """Whether the user, asked, unlocks the script of an approved or live show."""
    question = QCoreApplication.translate("LockBar", "Unlock the script of “%1” for editing?")
    if show.status is ShowStatus.LIVE:
        warning = QCoreApplication.translate(
            "LockBar",
            "The show is live. A change to a segment moves the timer's times and the host's "
            "cues while the show runs.",
        )
    else:
        warning = QCoreApplication.translate(
            "LockBar", "The show is %1: it was signed off as it is."
        ).replace("%1", labels.status(show.status))
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("LockBar", "Unlock the script"),
        question.replace("%1", show.title)
        + f"\n\n{warning}\n\n"
        + QCoreApplication.translate(
            "LockBar", "Your name and the time are recorded in the show's history."
        ),
    )
    return answer == QMessageBox.StandardButton.Yes
