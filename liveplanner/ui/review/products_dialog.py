"""Import product figures: a platform's per-product export (商品明细) read, matched to the show's
products and shown before anything is stored.

The dialog shows what was found (encoding, layout, how many rows matched), each column and what
it is read as (editable: choosing another field reads the file again), every row with the
product it matched or "not matched", and the warnings. Import replaces the show's product
figures with the file's (a SQLite database is backed up first when it had some); a refusal says
which row, column and cell, and leaves Import off. Product exports are a few hundred rows, read
in a blink: no progress bar.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liveplanner.app.database import Database, StorageError
from liveplanner.app.messages.products import FIELD_NAMES, product_problem_words
from liveplanner.app.products import (
    ProductsRequest,
    read_product_export,
    store_product_export,
    stored_import,
)
from liveplanner.app.refusals import OperationRefused
from liveplanner.core.plan import ShowPlan
from liveplanner.core.product_match import Matching
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.products.fields import PRODUCT_PRESETS, ProductField
from liveplanner.formats.products.reader import MAX_PRODUCT_BYTES, ProductsReading
from liveplanner.formats.sheets import read_file
from liveplanner.ui import file_dialogs
from liveplanner.ui.review.figures import NONE, yuan_cents
from liveplanner.ui.screen_fit import fit_to_screen, scrolling_body
from liveplanner.ui.words import qt_translate, said_of

EXPORT_FILTER = "*.csv *.txt *.tsv *.xlsx"
_NOT_MATCHED = QColor("#b35c00")


def preset_name(name: str) -> str:
    """A product export's layout in the window's language."""
    names = {
        "douyin": QCoreApplication.translate("ProductsImportDialog", "Douyin · product list"),
        "taobao-live": QCoreApplication.translate(
            "ProductsImportDialog", "Taobao Live · product analysis"
        ),
        "tiktok-shop": QCoreApplication.translate(
            "ProductsImportDialog", "TikTok Shop · product list"
        ),
    }
    return names.get(name, name)


class ProductsImportDialog(QDialog):
    imported = QtSignal(int, str)  # lines stored, file name

    def __init__(
        self, db: Database, plan: ShowPlan, parent: QWidget | None = None, path: str = ""
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.plan = plan
        self.data: bytes | None = None
        self.file_name = ""
        self.reading: ProductsReading | None = None
        self.matching: Matching | None = None
        self.mapping: dict[str, str | None] = {}  # header -> field, as the user chose
        self.setWindowTitle(self.tr("Import product figures — %1").replace("%1", plan.show.title))
        self._build()
        fit_to_screen(self, QSize(1000, 680))
        if path:
            self.open_file(path)

    def _build(self) -> None:
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("A CSV or XLSX product export from the platform"))
        choose = QPushButton(self.tr("&Choose file…"))
        choose.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(choose)
        self.preset_box = QComboBox()
        self.preset_box.addItem(self.tr("Recognise from the headers"), None)
        for name in PRODUCT_PRESETS:
            self.preset_box.addItem(preset_name(name), name)
        self.preset_box.currentIndexChanged.connect(self.read)
        form = QFormLayout()
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.tr("Layout:"), self.preset_box)

        self.replace_note = QLabel()
        self.replace_note.setWordWrap(True)
        self.replace_note.setObjectName("productsReplace")
        self.replace_note.setStyleSheet("QLabel#productsReplace { color: #b35c00; }")
        stored = stored_import(self.db, self.plan.show.id)
        if stored is not None:
            self.replace_note.setText(
                self.tr(
                    "The show has product figures from %1; importing replaces them (the "
                    "database is backed up first)."
                ).replace("%1", stored.file_name)
            )
        else:
            self.replace_note.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("productsError")
        self.error.setStyleSheet("QLabel#productsError { color: #c0392b; font-weight: 600; }")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()

        self.columns = QTableWidget(0, 2)
        self.columns.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Read as")])
        for section in (0, 1):
            self.columns.horizontalHeader().setSectionResizeMode(
                section, QHeaderView.ResizeMode.Stretch
            )
        self.columns.verticalHeader().hide()
        self.preview = QTableWidget(0, 6)
        self.preview.setHorizontalHeaderLabels(
            [
                self.tr("Row"),
                self.tr("Product in the file"),
                self.tr("Show's product"),
                self.tr("Items sold"),
                self.tr("GMV"),
                self.tr("Refunds"),
            ]
        )
        self.preview.verticalHeader().hide()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        tables = QSplitter()
        tables.addWidget(self._titled(self.tr("Columns"), self.columns))
        tables.addWidget(self._titled(self.tr("Rows and the products they match"), self.preview))
        tables.setSizes([320, 680])
        self.warnings = QListWidget()
        self.warnings.setWordWrap(True)
        self.warnings.setMaximumHeight(100)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.store)
        self.buttons.rejected.connect(self.reject)

        body = QVBoxLayout()
        body.addWidget(self.replace_note)
        body.addLayout(form)
        body.addWidget(self.summary)
        body.addWidget(self.error)
        body.addWidget(tables, 1)
        body.addWidget(self._titled(self.tr("Warnings"), self.warnings))
        scrolling_body(self, body, self.buttons)

    @staticmethod
    def _titled(title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(f"<b>{title}</b>"))
        column.addWidget(widget)
        return box

    # Reading

    def choose_file(self) -> None:
        path = file_dialogs.open_file(
            self,
            file_dialogs.FileKind.METRICS,
            self.tr("Choose the platform's product export"),
            self.tr("Product exports (%1);;All files (*)").replace("%1", EXPORT_FILTER),
        )
        if path is not None:
            self.open_file(str(path))

    def open_file(self, path: str) -> None:
        self.file_edit.setText(path)
        self.mapping = {}
        self.file_name = Path(path).name
        try:
            self.data = read_file(Path(path), MAX_PRODUCT_BYTES)
        except ImportRefused as refused:
            self.data = None
            self._refused(product_problem_words(refused.problem, qt_translate), ())
            return
        except OSError as exc:
            self.data = None
            self._refused(
                self.tr("Cannot read %1: %2")
                .replace("%1", path)
                .replace("%2", exc.strerror or str(exc)),
                (),
            )
            return
        self.read()

    def request(self) -> ProductsRequest:
        return ProductsRequest(
            preset=self.preset_box.currentData(), mapping=tuple(self.mapping.items())
        )

    def read(self) -> None:
        if self.data is None:
            return
        try:
            self.reading, self.matching = read_product_export(
                self.plan, self.file_name, self.data, self.request()
            )
        except ImportRefused as refused:
            text = product_problem_words(refused.problem, qt_translate)
            self._refused(text, refused.columns)
            return
        except OperationRefused as refused:
            self._refused(said_of(refused), ())
            return
        self.error.hide()
        self._show_columns(
            tuple((c.header, c.field.value if c.field else None) for c in self.reading.columns)
        )
        self._show_rows()
        self.import_button.setEnabled(True)

    def _refused(self, text: str, columns: tuple[object, ...]) -> None:
        self.reading = self.matching = None
        self.import_button.setEnabled(False)
        self.summary.clear()
        self.error.setText(text)
        self.error.show()
        self.preview.setRowCount(0)
        self.warnings.clear()
        # The columns as read (when the header was): the user can say what one holds.
        self._show_columns(tuple(c for c in columns if isinstance(c, tuple)))

    def _show_columns(self, columns: tuple[tuple[str, str | None], ...]) -> None:
        self.columns.setRowCount(len(columns))
        for row, (header, held) in enumerate(columns):
            item = QTableWidgetItem(header)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.columns.setItem(row, 0, item)
            box = QComboBox()
            box.addItem(self.tr("Not read"), None)
            for field in ProductField:
                box.addItem(qt_translate("Messages", FIELD_NAMES[field.value]), field.value)
            box.setCurrentIndex(max(0, box.findData(held)))
            box.currentIndexChanged.connect(
                lambda _i, h=header, b=box: self._field_chosen(h, b.currentData())
            )
            self.columns.setCellWidget(row, 1, box)

    def _field_chosen(self, header: str, held: str | None) -> None:
        self.mapping[header] = held
        self.read()

    def _show_rows(self) -> None:
        assert self.reading is not None and self.matching is not None
        names = {product.id: product.name for product in self.plan.products}
        lines = self.matching.lines
        self.preview.setRowCount(len(lines))
        for row, line in enumerate(lines):
            product = names.get(line.product_id or -1)
            cells = (
                str(line.row),
                line.name,
                product if product is not None else self.tr("not matched"),
                NONE if line.sold is None else f"{line.sold:,}",
                yuan_cents(line.gmv_fen),
                yuan_cents(line.refunds_fen),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if product is None:
                    item.setForeground(_NOT_MATCHED)
                self.preview.setItem(row, column, item)
        preset = self.reading.preset
        self.summary.setText(
            self.tr("%1 rows, %2 matched to the show's products, %3 not; %4; layout: %5")
            .replace("%1", str(len(lines)))
            .replace("%2", str(len(self.matching.matched)))
            .replace("%3", str(len(self.matching.unmatched)))
            .replace("%4", self.reading.encoding)
            .replace("%5", preset_name(preset.name) if preset else self.tr("by header names"))
        )
        self.warnings.clear()
        for warning in self.reading.warnings:
            self.warnings.addItem(product_problem_words(warning, qt_translate))

    # Storing

    def store(self) -> None:
        if self.data is None or self.reading is None:
            return
        try:
            imported = store_product_export(
                self.db, self.plan, self.file_name, self.data, self.request()
            )
        except (ImportRefused, OperationRefused, StorageError) as exc:
            text = (
                product_problem_words(exc.problem, qt_translate)
                if isinstance(exc, ImportRefused)
                else said_of(exc)
            )
            self._refused(text, ())
            return
        self.imported.emit(imported.stored, self.file_name)
        self.accept()
