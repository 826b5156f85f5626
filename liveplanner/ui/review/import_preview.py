"""The import window's preview: the first rows of the file as liveplanner read them (row number,
time, then one column per metric), money in yuan and counts with thousands separators."""

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from liveplanner.core.metrics import METRICS, MetricUnit
from liveplanner.formats.metrics.records import MetricsImport
from liveplanner.ui import labels

Index = QModelIndex | QPersistentModelIndex


def _display(metric: str, value: object) -> str:
    if value is None or pd.isna(value):
        return ""
    amount = int(value)  # type: ignore[call-overload]
    if METRICS[metric].unit is MetricUnit.FEN:
        whole, cents = divmod(abs(amount), 100)
        sign = "-" if amount < 0 else ""
        return f"{sign}{whole:,}" + (f".{cents:02d}" if cents else "")
    return f"{amount:,}"


class PreviewModel(QAbstractTableModel):
    """The first rows of the file as liveplanner read them: row number, time, then metrics."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[object, ...]] = []
        self._metrics: list[str] = []

    def set_result(self, result: MetricsImport | None) -> None:
        self.beginResetModel()
        if result is None:
            self._rows, self._metrics = [], []
        else:
            preview = result.preview
            self._metrics = [c for c in preview.columns if c in METRICS]
            columns = ["row", "time", *self._metrics]
            self._rows = list(preview[columns].itertuples(index=False, name=None))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else (2 + len(self._metrics) if self._rows else 0)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() != 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        if index.column() == 0:
            return str(row[0])
        if index.column() == 1:
            return row[1].strftime("%m-%d %H:%M:%S")  # type: ignore[attr-defined]
        return _display(self._metrics[index.column() - 2], row[index.column()])

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.tr("Row")
        if section == 1:
            return self.tr("Time")
        if 0 <= section - 2 < len(self._metrics):
            return labels.metric(self._metrics[section - 2])
        return None
