"""The review's tables as columns over plain figure records, shared by the views and the report.

A column knows its title, the text of a cell and the value it sorts by (the raw number, so
"¥9,600" sorts after "¥17,193" correctly). The report writes the same columns, so the screen
and the paper cannot disagree. The minutes outside the script are rows of their own (before the
first segment, after the last, and "outside the script" by kind), so every table's rows add up
to the cards.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from liveplanner.core.review_figures import SegmentFigures
from liveplanner.ui.review import figures as fmt

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
BEST = QColor(108, 191, 138, 90)
WORST = QColor(224, 115, 95, 90)


@dataclass(frozen=True, slots=True)
class Column:
    title: Callable[[], str]
    text: Callable[[Any], str]
    value: Callable[[Any], object]  # what a spreadsheet cell holds, and what it sorts by
    numeric: bool = True
    sort: Callable[[Any], object] | None = None  # sorts by this instead of value
    # A first click on the header puts the highest first (money, counts); else A to Z.
    descending_first: bool = False

    def sort_key(self, row: Any) -> object:
        return _key((self.sort or self.value)(row))


def _key(value: object) -> object:
    # None sorts below every number; texts compare among themselves.
    return float("-inf") if value is None else value


def best_and_worst(
    rows: Sequence[Any], rank: Callable[[Any], float | None] | None
) -> tuple[int | None, int | None]:
    """The rows ranking highest and lowest; none unless two rows rank differently."""
    if rank is None:
        return None, None
    ranked = [(v, i) for i, row in enumerate(rows) if (v := rank(row)) is not None]
    if len(ranked) < 2 or max(ranked)[0] == min(ranked)[0]:
        return None, None  # all equal: nothing stands out
    return max(ranked)[1], min(ranked)[1]


class FiguresModel(QAbstractTableModel):
    """Rows of records under `columns`; `rank` picks the best and the worst row to tint."""

    def __init__(
        self,
        columns: Sequence[Column],
        rank: Callable[[Any], float | None] | None = None,
        parent: object = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rank = rank
        self.rows: list[Any] = []
        self.best: int | None = None
        self.worst: int | None = None

    def set_rows(self, rows: Sequence[Any], columns: Sequence[Column] | None = None) -> None:
        self.beginResetModel()
        if columns is not None:
            self.columns = list(columns)
        self.rows = list(rows)
        self.best, self.worst = best_and_worst(self.rows, self.rank)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title()
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.InitialSortOrderRole
            and 0 <= section < len(self.columns)
        ):
            descending = self.columns[section].descending_first
            return Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort_key(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if index.row() == self.best:
                return BEST
            if index.row() == self.worst:
                return WORST
        if role == Qt.ItemDataRole.ToolTipRole and index.row() in (self.best, self.worst):
            if index.row() == self.best:
                return QCoreApplication.translate("ReviewTables", "Best GMV per minute")
            return QCoreApplication.translate("ReviewTables", "Lowest GMV per minute")
        return None


def _t(text: str) -> Callable[[], str]:
    # Titles are marked for lupdate where they are written (QT_TRANSLATE_NOOP) and looked up
    # when shown, so they follow the language in use.
    return lambda: QCoreApplication.translate("ReviewTables", text)


def _text(
    title: str, text: Callable[[Any], str], value: Callable[[Any], str] | None = None
) -> Column:
    # Sorted by the text shown, so the rows follow the header's arrow in either language.
    return Column(_t(title), text, value or text, numeric=False, sort=text)


def _money(title: str, fen: Callable[[Any], float | None]) -> Column:
    """Yuan on screen; yuan to the fen in a spreadsheet."""
    return Column(
        _t(title),
        lambda row: fmt.yuan(fen(row)),
        lambda row: None if (value := fen(row)) is None else round(value / 100, 2),
        descending_first=True,
    )


def _money_cents(title: str, fen: Callable[[Any], float | None]) -> Column:
    """A small sum to the fen (a viewer's or an order's worth): ¥5.00, not ¥5."""
    return Column(
        _t(title),
        lambda row: fmt.yuan_cents(fen(row)),
        lambda row: None if (value := fen(row)) is None else round(value / 100, 2),
        descending_first=True,
    )


def _times(title: str, get: Callable[[Any], float | None]) -> Column:
    """A ratio such as ROI, 2.73."""
    return Column(
        _t(title),
        lambda row: fmt.times(get(row)),
        lambda row: _round(get(row), 2),
        descending_first=True,
    )


def _count(title: str, get: Callable[[Any], float | None]) -> Column:
    return Column(
        _t(title),
        lambda row: fmt.count(get(row)),
        lambda row: _round(get(row)),
        descending_first=True,
    )


def _per_min(title: str, get: Callable[[Any], float | None]) -> Column:
    return Column(
        _t(title),
        lambda row: fmt.per_min(get(row)),
        lambda row: _round(get(row), 1),
        descending_first=True,
    )


def _rate(title: str, get: Callable[[Any], float | None]) -> Column:
    return Column(
        _t(title),
        lambda row: fmt.rate(get(row)),
        lambda row: _round(get(row), 4),
        descending_first=True,
    )


def _length(title: str, seconds: Callable[[Any], int | None]) -> Column:
    return Column(_t(title), lambda row: fmt.duration(seconds(row)), seconds, descending_first=True)


def _clock(title: str, at: Callable[[Any], datetime | None]) -> Column:
    # Sorted (and written) as ISO text, which orders as time does; "" when it never happened.
    return Column(
        _t(title),
        lambda row: fmt.clock(at(row)),
        lambda row: "" if (moment := at(row)) is None else moment.isoformat(),
    )


def _round(value: float | None, digits: int = 0) -> float | None:
    return None if value is None else round(value, digits)


def _over_under(f: SegmentFigures) -> str:
    if f.actual_s is None:
        return ""
    sign = "+" if f.actual_s >= f.planned_s else "-"
    return sign + fmt.duration(abs(f.actual_s - f.planned_s))
