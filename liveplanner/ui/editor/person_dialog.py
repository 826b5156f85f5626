"""Choosing a person for the show, in one dialog: someone already known or a new name, and
(when adding to the team) their role. Enter accepts."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from liveplanner.app.database import StorageError
from liveplanner.core.enums import Role
from liveplanner.core.plan import Person, TeamMember
from liveplanner.ui import labels
from liveplanner.ui.editor.document import ShowDocument
from liveplanner.ui.refusals import refusal
from liveplanner.ui.widgets.search_combo import make_searchable


class PersonDialog(QDialog):
    """A name (picked from the people known, or typed new) and, if asked for, a role."""

    def __init__(
        self,
        title: str,
        people: list[str],
        role: Role | None,
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """`role`: the role offered first, or None to ask for no role."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)  # room for a name and the list's placeholder, in Chinese too
        form = QFormLayout(self)
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        if note:
            form.addRow(self.note)
        self.name = QComboBox()
        self.name.addItems(people)
        make_searchable(self.name)
        self.name.setCurrentIndex(-1)
        self.name.setEditText("")
        self.name.lineEdit().setPlaceholderText(self.tr("A name, or someone from the list"))
        self.name.setMinimumContentsLength(24)
        form.addRow(self.tr("&Name"), self.name)
        self.role = QComboBox()
        for r in Role:
            self.role.addItem(labels.role(r), r.value)
        if role is not None:
            self.role.setCurrentIndex(self.role.findData(role.value))
            form.addRow(self.tr("&Role"), self.role)
        else:
            self.role.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        self.ok_button.setEnabled(False)
        self.name.editTextChanged.connect(
            lambda text: self.ok_button.setEnabled(bool(text.strip()))
        )
        self.name.setFocus()

    def accept(self) -> None:
        if self.chosen_name():  # Enter on an empty name does nothing
            super().accept()

    def chosen_name(self) -> str:
        return self.name.currentText().strip()

    def chosen_role(self) -> Role:
        return Role(self.role.currentData())


def _known_names(doc: ShowDocument) -> list[str]:
    """The show's team first (the likeliest answer), then everyone else known."""
    team = list(dict.fromkeys(doc.person_name(m.person_id) for m in doc.plan.team))
    others = sorted({p.name for p in doc.people} - set(team))
    return [n for n in team if n] + others


def _first_missing_role(doc: ShowDocument) -> Role:
    """The first role the team has nobody in (a host first), else a co-host."""
    taken = {m.role for m in doc.plan.team}
    return next((r for r in Role if r not in taken), Role.CO_HOST)


def ask_person(
    doc: ShowDocument, title: str, note: str, parent: QWidget | None = None
) -> Person | None:
    """Ask for one person by name; a new name becomes a new person. None if cancelled or
    refused (the refusal is said as an edit's is)."""
    dialog = PersonDialog(title, _known_names(doc), None, note, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return _person(doc, dialog.chosen_name())
    finally:
        dialog.deleteLater()  # asked often: not one hidden dialog per question left behind


def ask_team_member(doc: ShowDocument, parent: QWidget | None = None) -> TeamMember | None:
    """Ask for a team member's name and role in one dialog; the member to add, or None."""
    dialog = PersonDialog(
        QCoreApplication.translate("ShowEditor", "Add team member"),
        _known_names(doc),
        _first_missing_role(doc),
        "",
        parent,
    )
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        person = _person(doc, dialog.chosen_name())
        return None if person is None else TeamMember(0, person.id, dialog.chosen_role())
    finally:
        dialog.deleteLater()


def _person(doc: ShowDocument, name: str) -> Person | None:
    try:
        return doc.person_named(name)
    except StorageError as exc:
        doc.edit_refused.emit(refusal(exc))
        return None
