"""Review ▸ Import product figures…: a platform's per-product export (商品明细) into the open show.

Part of MainWindow (mixed in). Texts keep the main window's translation context.
"""

from PySide6.QtCore import QCoreApplication

from liveplanner.app.database import StorageError
from liveplanner.ui.words import said_of


class ProductsImportMixin:
    """The main window's import of a product export."""

    def import_products(self) -> None:
        from liveplanner.ui.review.products_dialog import ProductsImportDialog

        if self.editor is None or self.db is None:
            return
        self.commit_editor()
        try:  # the dialog reads what the show has stored as it opens
            dialog = ProductsImportDialog(self.db, self.editor.doc.plan, self)
        except StorageError as exc:
            self.show_refusal(said_of(exc))
            return
        dialog.imported.connect(self._products_imported)
        dialog.exec()

    def _products_imported(self, count: int, file_name: str) -> None:
        text = (
            QCoreApplication.translate("MainWindow", "Imported product figures from %1 (%2 rows)")
            .replace("%1", file_name)
            .replace("%2", str(count))
        )
        self.statusBar().showMessage(text, 10_000)
        if self.review_page is not None and self.pages.currentWidget() is self.review_page:
            self.open_review()
