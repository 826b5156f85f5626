"""File ▸ Save as team template…: a name for the open show as a template, and whether its
products go with it. A name the team uses already is said so, and saving replaces it."""

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)


class SaveTemplateDialog(QDialog):
    def __init__(self, title: str, taken: Sequence[str], parent: QWidget | None = None) -> None:
        """`title` is the show's (the name offered); `taken` the team's templates' names."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save as team template"))
        self.taken = set(taken)
        self.name = QLineEdit(title)
        self.name.selectAll()
        self.name.setFocus()  # the show's title, selected: typed over, or kept with Return
        self.with_products = QCheckBox(self.tr("Include the show's &products"))
        self.with_products.setToolTip(
            self.tr("Without them, the template's segments and promos name no product")
        )
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        form = QFormLayout(self)
        form.addRow(
            QLabel(self.tr("New shows can start from it; everyone on this database sees it."))
        )
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.with_products)
        form.addRow(self.note)
        form.addRow(self.buttons)
        self.name.textChanged.connect(self._name_changed)
        self._name_changed(self.name.text())

    def chosen_name(self) -> str:
        return self.name.text().strip()

    @property
    def replaces(self) -> bool:
        """Whether saving replaces a template of the same name."""
        return self.chosen_name() in self.taken

    def _name_changed(self, _text: str) -> None:
        self.save_button.setEnabled(bool(self.chosen_name()))
        if self.replaces:
            self.note.setText(
                self.tr("The team has a template called “%1”: saving replaces it.").replace(
                    "%1", self.chosen_name()
                )
            )
            self.save_button.setText(self.tr("&Replace"))
        else:
            self.note.clear()
            self.save_button.setText(self.tr("&Save"))
