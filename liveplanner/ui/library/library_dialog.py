"""Edit ▸ Product library…: the team's products kept once, with fields to change the selected
one, Add and Delete, Add to this show (the show open in the editor, through its undo stack like
any product added there), and the selected product's history across shows below."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liveplanner.app import library
from liveplanner.app.database import Database, StorageError
from liveplanner.app.library import LibraryProduct
from liveplanner.app.refusals import OperationRefused
from liveplanner.core.inputs import parse_money
from liveplanner.core.money import format_yuan
from liveplanner.ui.editor import commands
from liveplanner.ui.editor.document import ShowDocument
from liveplanner.ui.library.models import HistoryModel, LibraryModel
from liveplanner.ui.screen_fit import fit_to_screen
from liveplanner.ui.words import said_of


def _table(model: LibraryModel | HistoryModel, wide: int) -> QTableView:
    """A read-only table of rows; column `wide` (the names) takes the room the figures leave."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(wide, QHeaderView.ResizeMode.Stretch)
    return table


class LibraryDialog(QDialog):
    def __init__(self, db: Database, doc: ShowDocument | None, parent: QWidget | None = None):
        """`doc` is the show open in the editor (None: no show is, and nothing can be added)."""
        super().__init__(parent)
        self.db, self.doc = db, doc
        self.setWindowTitle(self.tr("Product library"))
        self.model = LibraryModel(self)
        self.table = _table(self.model, LibraryModel.NAME)
        self.history_model = HistoryModel(self)
        self.history = _table(self.history_model, HistoryModel.TITLE)

        self.name = QLineEdit()
        self.sku = QLineEdit()
        self.list_price = QLineEdit()
        self.cost = QLineEdit()
        self.notes = QLineEdit()
        for field in (self.list_price, self.cost):
            field.setPlaceholderText(self.tr("yuan, such as 59.9"))
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Link / SKU"), self.sku)
        form.addRow(self.tr("List &price"), self.list_price)
        form.addRow(self.tr("C&ost"), self.cost)
        form.addRow(self.tr("No&tes"), self.notes)
        self.save_button = QPushButton(self.tr("&Save changes"))
        self.save_button.clicked.connect(self.save)
        for field in (self.name, self.sku, self.list_price, self.cost, self.notes):
            field.returnPressed.connect(self.save)
        self.message = QLabel()
        self.message.setWordWrap(True)
        fields = QWidget()
        right = QVBoxLayout(fields)
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(form)
        right.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        right.addWidget(self.message)
        right.addStretch(1)

        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.clicked.connect(self.add)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.clicked.connect(self.delete)
        self.pick_button = QPushButton(self.tr("Add to &this show"))
        self.pick_button.clicked.connect(self.pick)
        if doc is None:
            self.pick_button.setToolTip(self.tr("Open a show in the editor to add products to it"))
        else:
            self.pick_button.setToolTip(
                self.tr("Add to “%1” (Undo takes it out)").replace("%1", doc.plan.show.title)
            )
        buttons = QHBoxLayout()
        for button in (self.add_button, self.delete_button, self.pick_button, self.save_button):
            # Return in a field saves it; it must not also press the button clicked last.
            button.setAutoDefault(False)
        for button in (self.add_button, self.delete_button, self.pick_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        products = QWidget()
        left = QVBoxLayout(products)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.table, 1)
        left.addLayout(buttons)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(products)
        top.addWidget(fields)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)

        self.history_title = QLabel()
        below = QWidget()
        lower = QVBoxLayout(below)
        lower.setContentsMargins(0, 0, 0, 0)
        lower.addWidget(self.history_title)
        lower.addWidget(self.history, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(below)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(close)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()
        fit_to_screen(self, QSize(960, 640))

    # Reading

    def selected(self) -> LibraryProduct | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.product_at(rows[0].row()) if rows else None

    def reload(self, select_id: int | None = None) -> None:
        """Read the library again and select `select_id` (or what was selected, or the first)."""
        current = self.selected()
        try:
            self.model.set_products(library.list_products(self.db))
        except StorageError as exc:
            self._refused(exc)
            return
        want = select_id if select_id is not None else current.id if current else None
        row = self.model.row_of(want) if want is not None else None
        if row is None and self.model.rowCount() > 0:
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self._selection_changed(QItemSelection(), QItemSelection())

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        item = self.selected()
        for button in (self.delete_button, self.save_button):
            button.setEnabled(item is not None)
        self.pick_button.setEnabled(item is not None and self.doc is not None)
        self.name.setText(item.name if item else "")
        self.sku.setText(item.sku if item else "")
        self.list_price.setText(self._yuan(item.list_price_fen if item else None))
        self.cost.setText(self._yuan(item.unit_cost_fen if item else None))
        self.notes.setText(item.notes if item else "")
        self._show_history(item)

    @staticmethod
    def _yuan(fen: int | None) -> str:
        return "" if fen is None else format_yuan(fen)

    def _show_history(self, item: LibraryProduct | None) -> None:
        if item is None:
            self.history_model.set_history([])
            self.history_title.setText(self.tr("History across shows"))
            return
        try:
            lines = library.history(self.db, item.id)
        except (StorageError, OperationRefused) as exc:
            self.history_model.set_history([])
            self._refused(exc)
            return
        self.history_model.set_history(lines)
        title = self.tr("History of “%1” (shows: %2)").replace("%1", item.name)
        self.history_title.setText(title.replace("%2", str(len(lines))))

    # Changing

    def _refused(self, exc: Exception) -> None:
        self.message.setStyleSheet("color: #c0392b")  # a refusal reads as one
        self.message.setText(said_of(exc))

    def save(self) -> None:
        item = self.selected()
        if item is None:
            return
        try:
            changes = {
                "name": self.name.text(),
                "sku": self.sku.text(),
                "list_price_fen": parse_money(self.list_price.text()),
                "unit_cost_fen": parse_money(self.cost.text()),
                "notes": self.notes.text(),
            }
            saved = library.update_product(self.db, item.id, item.version, **changes)
        except (ValueError, StorageError) as exc:
            self._refused(exc)
            return
        self.message.clear()
        self.reload(saved.id)

    def add(self) -> None:
        """A new product, named for now "New product" (numbered if taken), its name ready to
        type over."""
        base = self.tr("New product")
        taken = {self.model.product_at(r).name for r in range(self.model.rowCount())}
        name = next(
            n for n in (base, *(f"{base} {i}" for i in range(2, len(taken) + 3))) if n not in taken
        )
        try:
            made = library.add_product(self.db, name)
        except StorageError as exc:
            self._refused(exc)
            return
        self.message.clear()
        self.reload(made.id)
        self.name.setFocus()
        self.name.selectAll()

    def delete(self) -> None:
        item = self.selected()
        if item is None:
            return
        try:
            library.delete_product(self.db, item.id)
        except StorageError as exc:
            self._refused(exc)
            return
        self.message.clear()
        self.model.set_products(library.list_products(self.db))
        if self.model.rowCount():
            self.table.selectRow(0)
        self._selection_changed(QItemSelection(), QItemSelection())

    def pick(self) -> None:
        """Add the selected product to the open show as the editor adds one: an undoable step."""
        item = self.selected()
        if item is None or self.doc is None:
            return
        try:
            product = library.offer(item, self.doc.plan)
        except OperationRefused as exc:
            self._refused(exc)
            return
        command = commands.AddPart(self.doc, product)
        self.doc.undo_stack.push(command)
        if command.added is None:
            return  # refused: the editor says why
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Added to “%1”").replace("%1", self.doc.plan.show.title))
        self._show_history(item)
