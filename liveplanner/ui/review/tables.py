"""The review's tables as columns over plain figure records, shared by the views and the report.

A column knows its title, the text of a cell and the value it sorts by (the raw number, so
"¥9,600" sorts after "¥17,193" correctly). The report writes the same columns, so the screen
and the paper cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from liveplanner.core.comparison import Earning, ShowKpis, TimeSlot
from liveplanner.core.enums import SegmentKind
from liveplanner.core.plan import ShowPlan
from liveplanner.core.review import GroupFigures, SegmentFigures, Source
from liveplanner.ui import labels
from liveplanner.ui.review import figures as fmt

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
BEST = QColor(108, 191, 138, 90)
WORST = QColor(224, 115, 95, 90)


@dataclass(frozen=True, slots=True)
class Column:
    title: Callable[[], str]
    text: Callable[[Any], str]
    value: Callable[[Any], object]  # what it sorts by, and what a spreadsheet cell holds
    numeric: bool = True


def _key(value: object) -> object:
    # None sorts below every number; texts compare among themselves.
    return float("-inf") if value is None else value


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
        self.best = self.worst = None
        if self.rank is not None:
            ranked = [(v, i) for i, r in enumerate(self.rows) if (v := self.rank(r)) is not None]
            if len(ranked) >= 2:
                self.best = max(ranked)[1]
                self.worst = min(ranked)[1]
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
            return _key(column.value(row))
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


def segment_columns(plan: ShowPlan, source: Source) -> list[Column]:
    products = {p.id: p.name for p in plan.products}
    actual = source is Source.ACTUAL
    columns = [
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "#")),
            lambda f: str(f.position),
            lambda f: f.position,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Segment")),
            lambda f: f.title,
            lambda f: f.title,
            numeric=False,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Kind")),
            lambda f: labels.segment_kind(f.kind),
            lambda f: f.kind.value,
            False,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Product")),
            lambda f: products.get(f.product_id, ""),
            lambda f: products.get(f.product_id, ""),
            False,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Planned start")),
            lambda f: fmt.clock(f.planned_start),
            lambda f: f.planned_start.isoformat(),
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Planned")),
            lambda f: fmt.duration(f.planned_s),
            lambda f: f.planned_s,
        ),
    ]
    if actual:
        columns += [
            Column(
                _t(QT_TRANSLATE_NOOP("ReviewTables", "Actual start")),
                lambda f: fmt.clock(f.actual_start),
                lambda f: f.actual_start.isoformat() if f.actual_start else None,
            ),
            Column(
                _t(QT_TRANSLATE_NOOP("ReviewTables", "Actual")),
                lambda f: fmt.duration(f.actual_s),
                lambda f: f.actual_s,
            ),
            Column(
                _t(QT_TRANSLATE_NOOP("ReviewTables", "Over / under")),
                lambda f: (
                    ""
                    if f.actual_s is None
                    else ("+" if f.actual_s >= f.planned_s else "-")
                    + fmt.duration(abs(f.actual_s - f.planned_s))
                ),
                lambda f: None if f.actual_s is None else f.actual_s - f.planned_s,
            ),
        ]
    columns += [
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "GMV")),
            lambda f: fmt.yuan(f.gmv_fen),
            lambda f: f.gmv_fen / 100,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Orders")),
            lambda f: fmt.count(f.orders),
            lambda f: f.orders,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Buyers")),
            lambda f: fmt.count(f.buyers),
            lambda f: f.buyers,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "GMV / min")),
            lambda f: fmt.yuan(f.gmv_per_min_fen),
            lambda f: None if f.gmv_per_min_fen is None else round(f.gmv_per_min_fen / 100, 2),
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Avg viewers")),
            lambda f: fmt.count(f.avg_viewers),
            lambda f: _round(f.avg_viewers),
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Peak viewers")),
            lambda f: fmt.count(f.peak_viewers),
            lambda f: f.peak_viewers,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Entries − exits")),
            lambda f: fmt.signed(f.net_entries),
            lambda f: f.net_entries,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Comments / min")),
            lambda f: fmt.per_min(f.comments_per_min),
            lambda f: _round(f.comments_per_min, 1),
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Likes / min")),
            lambda f: fmt.per_min(f.likes_per_min),
            lambda f: _round(f.likes_per_min, 1),
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "GPM")),
            lambda f: fmt.yuan(f.gpm_fen),
            lambda f: None if f.gpm_fen is None else round(f.gpm_fen / 100, 2),
        ),
    ]
    return columns


def _round(value: float | None, digits: int = 0) -> float | None:
    return None if value is None else round(value, digits)


def segment_rank(f: SegmentFigures) -> float | None:
    return f.gmv_per_min_fen if f.seconds else None


def group_columns(name_title: str, name: Callable[[GroupFigures], str]) -> list[Column]:
    return [
        Column(lambda: name_title, name, name, numeric=False),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Segments")),
            lambda g: str(g.segments),
            lambda g: g.segments,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Time")),
            lambda g: fmt.duration(g.seconds),
            lambda g: g.seconds,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "GMV")),
            lambda g: fmt.yuan(g.gmv_fen),
            lambda g: g.gmv_fen / 100,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Orders")),
            lambda g: fmt.count(g.orders),
            lambda g: g.orders,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "GMV / min")),
            lambda g: fmt.yuan(g.gmv_per_min_fen),
            lambda g: None if g.gmv_per_min_fen is None else round(g.gmv_per_min_fen / 100, 2),
        ),
    ]


def kind_columns() -> list[Column]:
    return group_columns(
        QCoreApplication.translate("ReviewTables", "Kind"),
        lambda g: labels.segment_kind(SegmentKind(g.key)),
    )


def product_columns(plan: ShowPlan) -> list[Column]:
    names = {str(p.id): p.name for p in plan.products}
    return group_columns(
        QCoreApplication.translate("ReviewTables", "Product"), lambda g: names.get(g.key, g.key)
    )


def show_columns(kinds: dict[SegmentKind, dict[int, float]]) -> list[Column]:
    """KPIs of compared shows, then each segment kind's GMV per minute in each show."""
    columns = [
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Date")),
            lambda k: k.start.strftime("%Y-%m-%d %H:%M"),
            lambda k: k.start.isoformat(),
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Show")),
            lambda k: k.title,
            lambda k: k.title,
            numeric=False,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Platform")),
            lambda k: labels.platform(k.platform),
            lambda k: k.platform.value,
            False,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Times")),
            lambda k: source_text(k.source),
            lambda k: k.source.value,
            False,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "On air")),
            lambda k: fmt.duration(k.seconds),
            lambda k: k.seconds,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "GMV")),
            lambda k: _if(k, fmt.yuan(k.gmv_fen)),
            lambda k: k.gmv_fen / 100 if k.has_metrics else None,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "GMV / min")),
            lambda k: fmt.yuan(k.gmv_per_min_fen),
            lambda k: None if k.gmv_per_min_fen is None else round(k.gmv_per_min_fen / 100, 2),
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Orders")),
            lambda k: _if(k, fmt.count(k.orders)),
            lambda k: k.orders if k.has_metrics else None,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Peak viewers")),
            lambda k: fmt.count(k.peak_viewers),
            lambda k: k.peak_viewers,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Avg viewers")),
            lambda k: fmt.count(k.avg_viewers),
            lambda k: _round(k.avg_viewers),
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Conversion")),
            lambda k: fmt.rate(k.conversion),
            lambda k: _round(k.conversion, 4),
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "GPM")),
            lambda k: fmt.yuan(k.gpm_fen),
            lambda k: None if k.gpm_fen is None else round(k.gpm_fen / 100, 2),
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "New followers")),
            lambda k: fmt.count(k.new_followers),
            lambda k: k.new_followers,
        ),
    ]
    for kind in SegmentKind:
        if kind not in kinds:
            continue
        per_show = kinds[kind]
        columns.append(
            Column(
                lambda kind=kind: QCoreApplication.translate("ReviewTables", "%1 / min").replace(
                    "%1", labels.segment_kind(kind)
                ),
                lambda k, p=per_show: fmt.yuan(p.get(k.show_id)),
                lambda k, p=per_show: None if k.show_id not in p else round(p[k.show_id] / 100, 2),
            )
        )
    return columns


def _if(kpis: ShowKpis, text: str) -> str:
    return text if kpis.has_metrics else fmt.NONE


def source_text(source: Source) -> str:
    if source is Source.ACTUAL:
        return QCoreApplication.translate("ReviewTables", "actual")
    return QCoreApplication.translate("ReviewTables", "planned")


def slot_name(key: str) -> str:
    return {
        TimeSlot.MORNING: QCoreApplication.translate("ReviewTables", "Morning 06–12"),
        TimeSlot.AFTERNOON: QCoreApplication.translate("ReviewTables", "Afternoon 12–18"),
        TimeSlot.PRIME: QCoreApplication.translate("ReviewTables", "Prime time 18–21"),
        TimeSlot.LATE: QCoreApplication.translate("ReviewTables", "Late 21–24"),
        TimeSlot.NIGHT: QCoreApplication.translate("ReviewTables", "Night 00–06"),
    }[TimeSlot(key)]


def earning_columns(name_title: Callable[[], str], name: Callable[[Earning], str]) -> list[Column]:
    return [
        Column(name_title, name, name, numeric=False),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Shows")),
            lambda e: str(e.shows),
            lambda e: e.shows,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Time")),
            lambda e: fmt.duration(e.seconds),
            lambda e: e.seconds,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "GMV")),
            lambda e: fmt.yuan(e.gmv_fen),
            lambda e: e.gmv_fen / 100,
        ),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "GMV / min")),
            lambda e: fmt.yuan(e.gmv_per_min_fen),
            lambda e: None if e.gmv_per_min_fen is None else round(e.gmv_per_min_fen / 100, 2),
        ),
    ]
