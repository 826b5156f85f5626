"""What a team reuses, from the main window: File ▸ Save as team template… and Edit ▸ Product
library…. The saving and the library are app/'s, for the command line too.

Part of MainWindow (mixed in). Texts keep the main window's translation context.
"""

from PySide6.QtCore import QCoreApplication

from liveplanner.app.database import StorageError
from liveplanner.ui.words import said_of


class LibraryMixin:
    """The main window's team templates and product library."""

    def save_team_template(self) -> None:
        from liveplanner.app import templates
        from liveplanner.ui.library.template_dialog import SaveTemplateDialog

        if self.editor is None or self.db is None:
            return
        self.commit_editor()
        doc = self.editor.doc
        try:
            taken = templates.template_names(self.db)
        except StorageError as exc:
            self.show_refusal(said_of(exc))
            return
        dialog = SaveTemplateDialog(doc.plan.show.title, taken, self)
        if dialog.exec() != SaveTemplateDialog.DialogCode.Accepted:
            return
        try:
            saved = templates.save_template(
                self.db,
                doc.show_id,
                dialog.chosen_name(),
                dialog.with_products.isChecked(),
                replace=dialog.replaces,
            )
        except StorageError as exc:
            self.show_refusal(said_of(exc))
            return
        text = QCoreApplication.translate("MainWindow", "Saved team template “%1”")
        self.statusBar().showMessage(text.replace("%1", saved.name), 10_000)

    def open_library(self) -> None:
        from liveplanner.ui.library.library_dialog import LibraryDialog

        if self.db is None:
            return
        self.commit_editor()
        doc = self.editor.doc if self.editor is not None else None
        dialog = LibraryDialog(self.db, doc, self)
        dialog.exec()
