"""The product library's tables as Qt models: the library's products, and one product's history
across shows. Read-only: the dialog's fields edit the selected product."""

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from liveplanner.app.library import LibraryProduct, ProductHistory
from liveplanner.core.money import format_yuan
from liveplanner.ui import labels
from liveplanner.ui.review import figures as fmt

Index = QModelIndex | QPersistentModelIndex
MISSING = "—"  # a figure with no input: never shown as 0
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def money(fen: float | None) -> str:
    return MISSING if fen is None else format_yuan(round(fen))


class LibraryModel(QAbstractTableModel):
    NAME, SKU, LIST_PRICE, COST = range(4)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._products: list[LibraryProduct] = []

    def set_products(self, products: Sequence[LibraryProduct]) -> None:
        self.beginResetModel()
        self._products = list(products)
        self.endResetModel()

    def product_at(self, row: int) -> LibraryProduct:
        return self._products[row]

    def row_of(self, product_id: int) -> int | None:
        return next((r for r, p in enumerate(self._products) if p.id == product_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self._products)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Product"), self.tr("Link / SKU"), self.tr("List price"), self.tr("Cost"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._products):
            return None
        p, column = self._products[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (p.name, p.sku, money(p.list_price_fen), money(p.unit_cost_fen))[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.LIST_PRICE:
            return _RIGHT
        if role == Qt.ItemDataRole.UserRole:
            return p.id
        return None


class HistoryModel(QAbstractTableModel):
    DATE, TITLE, PLATFORM, STOCK, SOLD, SELL_THROUGH, GMV_PER_MIN = range(7)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._lines: list[ProductHistory] = []

    def set_history(self, lines: Sequence[ProductHistory]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Date"),
            self.tr("Show"),
            self.tr("Platform"),
            self.tr("Stock"),
            self.tr("Sold"),
            self.tr("Sell-through"),
            self.tr("GMV/min pitched"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        h, column = self._lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                h.planned_start.strftime("%Y-%m-%d"),
                h.title,
                labels.platform(h.platform),
                MISSING if h.stock is None else f"{h.stock:,}",
                MISSING if h.sold is None else f"{h.sold:,}",
                MISSING if h.sell_through is None else f"{h.sell_through:.0%}",
                fmt.yuan(h.gmv_per_min_fen),  # as the review's GMV / min reads
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.STOCK:
            return _RIGHT
        if role == Qt.ItemDataRole.UserRole:
            return h.show_id
        return None
