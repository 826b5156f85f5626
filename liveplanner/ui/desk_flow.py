"""Run ▸ Role screens: the live desk's screen of a role or a person of the open show, each in a
window of its own that follows the show's current run (or shows the plan when none is open).

Part of MainWindow (mixed in). Texts keep the main window's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QInputDialog

from liveplanner.app.database import StorageError
from liveplanner.core.enums import Role
from liveplanner.ui.words import said_of


class DeskMixin:
    """The main window's role and person screens."""

    def open_role_screen(self, role: Role | None, person_id: int | None = None) -> None:
        from liveplanner.app.live_desk import LiveDesk
        from liveplanner.ui.desk.desk_window import DeskWindow

        if self.editor is None or self.db is None:
            return
        self.commit_editor()
        try:  # the desk reads the show and its current run as it opens
            desk = LiveDesk(self.db, self.editor.doc.show_id)
        except StorageError as exc:
            self.show_refusal(said_of(exc))
            return
        window = DeskWindow(desk, role, person_id, self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        window.activateWindow()

    def open_person_screen(self) -> None:
        """Run ▸ Role screens ▸ Person…: the screen of one of the show's people."""
        if self.editor is None:
            return
        people = self.editor.doc.plan.people
        if not people:
            self.show_refusal(
                QCoreApplication.translate(
                    "MainWindow", "This show has no people yet: add the team first."
                )
            )
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "Person's screen"))
        dialog.setLabelText(QCoreApplication.translate("MainWindow", "Whose screen:"))
        dialog.setComboBoxItems([p.name for p in people])
        dialog.setComboBoxEditable(False)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ids = {p.name: p.id for p in people}
        # Not exec(): the window's own loop goes on, and the screen opens once it is chosen.
        dialog.textValueSelected.connect(lambda name: self.open_role_screen(None, ids[name]))
        dialog.open()
