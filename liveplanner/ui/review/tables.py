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
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from liveplanner.core.comparison import Earning, TimeSlot
from liveplanner.core.enums import SegmentKind
from liveplanner.core.plan import ShowPlan
from liveplanner.core.review_figures import (
    OUTSIDE_KEY,
    GroupFigures,
    Outside,
    OutsideFigures,
    Review,
    SegmentFigures,
    TargetName,
    TargetResult,
)
from liveplanner.core.review_spans import Source
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


def outside_title(row: OutsideFigures, plan: ShowPlan) -> str:
    """'Before the script: 19:00–19:29', with the date when it is not the show's."""
    first, last = row.first_minute, row.last_minute
    day = plan.show.planned_start.date()
    start = first.strftime("%H:%M" if first.date() == day else "%Y-%m-%d %H:%M")
    end = last.strftime("%H:%M" if last.date() == first.date() else "%Y-%m-%d %H:%M")
    if row.where is Outside.BEFORE:
        text = QCoreApplication.translate("ReviewTables", "Before the script: %1")
    else:
        text = QCoreApplication.translate("ReviewTables", "After the script: %1")
    return text.replace("%1", f"{start}–{end}")


def segment_rows(review: Review) -> list[SegmentFigures | OutsideFigures]:
    """The segments in order, with the minutes before and after the script where there are
    some: together they add up to the show's totals."""
    before = [o for o in review.outside if o.where is Outside.BEFORE]
    after = [o for o in review.outside if o.where is Outside.AFTER]
    return [*before, *review.segments, *after]


def by_kind_rows(review: Review) -> list[GroupFigures]:
    """Each segment kind's totals, and the minutes outside the script as one more row."""
    outside = review.outside_group()
    return [*review.by_kind, *([outside] if outside is not None else [])]


def segment_columns(plan: ShowPlan, source: Source) -> list[Column]:
    products = {p.id: p.name for p in plan.products}

    def title(f: SegmentFigures | OutsideFigures) -> str:
        return outside_title(f, plan) if isinstance(f, OutsideFigures) else f.title

    def kind(f: SegmentFigures | OutsideFigures) -> str:
        return "" if f.kind is None else labels.segment_kind(f.kind)

    columns = [
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "#")),
            lambda f: "" if isinstance(f, OutsideFigures) else str(f.position),
            lambda f: None if isinstance(f, OutsideFigures) else f.position,
            sort=lambda f: f.position,  # before the script first, after it last
        ),
        _text(QT_TRANSLATE_NOOP("ReviewTables", "Segment"), title),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Kind")),
            kind,
            lambda f: "" if f.kind is None else f.kind.value,
            numeric=False,
            sort=kind,
        ),
        _text(
            QT_TRANSLATE_NOOP("ReviewTables", "Product"), lambda f: products.get(f.product_id, "")
        ),
        _clock(QT_TRANSLATE_NOOP("ReviewTables", "Planned start"), lambda f: f.planned_start),
        _length(QT_TRANSLATE_NOOP("ReviewTables", "Planned"), lambda f: f.planned_s),
    ]
    if source is Source.ACTUAL:
        columns += [
            _clock(QT_TRANSLATE_NOOP("ReviewTables", "Actual start"), lambda f: f.actual_start),
            _length(QT_TRANSLATE_NOOP("ReviewTables", "Actual"), lambda f: f.actual_s),
            Column(
                _t(QT_TRANSLATE_NOOP("ReviewTables", "Over / under")),
                _over_under,
                lambda f: None if f.actual_s is None else f.actual_s - f.planned_s,
                descending_first=True,
            ),
        ]
    columns += [
        _money(QT_TRANSLATE_NOOP("ReviewTables", "GMV"), lambda f: f.gmv_fen),
        _count(QT_TRANSLATE_NOOP("ReviewTables", "Orders"), lambda f: f.orders),
        _count(QT_TRANSLATE_NOOP("ReviewTables", "Buyers"), lambda f: f.buyers),
        _money(QT_TRANSLATE_NOOP("ReviewTables", "GMV / min"), lambda f: f.gmv_per_min_fen),
        _count(QT_TRANSLATE_NOOP("ReviewTables", "Avg viewers"), lambda f: f.avg_viewers),
        _count(QT_TRANSLATE_NOOP("ReviewTables", "Peak viewers"), lambda f: f.peak_viewers),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Entries − exits")),
            lambda f: fmt.signed(f.net_entries),
            lambda f: f.net_entries,
            descending_first=True,
        ),
        _per_min(QT_TRANSLATE_NOOP("ReviewTables", "Comments / min"), lambda f: f.comments_per_min),
        _per_min(QT_TRANSLATE_NOOP("ReviewTables", "Likes / min"), lambda f: f.likes_per_min),
        _money(QT_TRANSLATE_NOOP("ReviewTables", "GPM"), lambda f: f.gpm_fen),
    ]
    return columns


def segment_rank(f: SegmentFigures | OutsideFigures) -> float | None:
    return f.gmv_per_min_fen if f.seconds else None


def group_columns(name_title: str, name: Callable[[GroupFigures], str]) -> list[Column]:
    return [
        Column(lambda: name_title, name, name, numeric=False, sort=name),
        _count(QT_TRANSLATE_NOOP("ReviewTables", "Segments"), lambda g: g.segments),
        _length(QT_TRANSLATE_NOOP("ReviewTables", "Time"), lambda g: g.seconds),
        _money(QT_TRANSLATE_NOOP("ReviewTables", "GMV"), lambda g: g.gmv_fen),
        _count(QT_TRANSLATE_NOOP("ReviewTables", "Orders"), lambda g: g.orders),
        _money(QT_TRANSLATE_NOOP("ReviewTables", "GMV / min"), lambda g: g.gmv_per_min_fen),
    ]


def kind_columns() -> list[Column]:
    def name(g: GroupFigures) -> str:
        if g.key == OUTSIDE_KEY:
            return QCoreApplication.translate("ReviewTables", "Outside the script")
        return labels.segment_kind(SegmentKind(g.key))

    return group_columns(QCoreApplication.translate("ReviewTables", "Kind"), name)


def product_columns(plan: ShowPlan) -> list[Column]:
    names = {str(p.id): p.name for p in plan.products}
    return group_columns(
        QCoreApplication.translate("ReviewTables", "Product"), lambda g: names.get(g.key, g.key)
    )


def show_columns(kinds: dict[SegmentKind, dict[int, float]]) -> list[Column]:
    """KPIs of compared shows, then each segment kind's GMV per minute in each show. A show
    without minute metrics shows dashes, not zero sales."""
    columns = [
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Date")),
            lambda k: k.start.strftime("%Y-%m-%d %H:%M"),
            lambda k: k.start.isoformat(),
            sort=lambda k: k.start.timestamp(),  # shows in different zones in time order
        ),
        _text(QT_TRANSLATE_NOOP("ReviewTables", "Show"), lambda k: k.title),
        _text(
            QT_TRANSLATE_NOOP("ReviewTables", "Platform"),
            lambda k: labels.platform(k.platform),
            lambda k: k.platform.value,
        ),
        _text(
            QT_TRANSLATE_NOOP("ReviewTables", "Times"),
            lambda k: source_text(k.source),
            lambda k: k.source.value,
        ),
        _length(QT_TRANSLATE_NOOP("ReviewTables", "On air"), lambda k: k.seconds),
        _money(QT_TRANSLATE_NOOP("ReviewTables", "GMV"), lambda k: k.gmv_fen),
        _money(QT_TRANSLATE_NOOP("ReviewTables", "GMV / min"), lambda k: k.gmv_per_min_fen),
        _count(QT_TRANSLATE_NOOP("ReviewTables", "Orders"), lambda k: k.orders),
        _count(QT_TRANSLATE_NOOP("ReviewTables", "Peak viewers"), lambda k: k.peak_viewers),
        _count(QT_TRANSLATE_NOOP("ReviewTables", "Avg viewers"), lambda k: k.avg_viewers),
        _rate(QT_TRANSLATE_NOOP("ReviewTables", "Conversion"), lambda k: k.conversion),
        _money(QT_TRANSLATE_NOOP("ReviewTables", "GPM"), lambda k: k.gpm_fen),
        _count(QT_TRANSLATE_NOOP("ReviewTables", "New followers"), lambda k: k.new_followers),
    ]
    for kind in SegmentKind:
        if kind in kinds:
            columns.append(
                Column(
                    lambda kind=kind: QCoreApplication.translate(
                        "ReviewTables", "%1 / min"
                    ).replace("%1", labels.segment_kind(kind)),
                    lambda k, p=kinds[kind]: fmt.yuan(p.get(k.show_id)),
                    lambda k, p=kinds[kind]: _round(_yuan(p.get(k.show_id)), 2),
                    descending_first=True,
                )
            )
    return columns


def _yuan(fen: float | None) -> float | None:
    return None if fen is None else fen / 100


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
        Column(name_title, name, name, numeric=False, sort=name),
        _count(QT_TRANSLATE_NOOP("ReviewTables", "Shows"), lambda e: e.shows),
        _length(QT_TRANSLATE_NOOP("ReviewTables", "Time"), lambda e: e.seconds),
        _money(QT_TRANSLATE_NOOP("ReviewTables", "GMV"), lambda e: e.gmv_fen),
        _money(QT_TRANSLATE_NOOP("ReviewTables", "GMV / min"), lambda e: e.gmv_per_min_fen),
    ]


@dataclass(frozen=True, slots=True)
class SummaryFigure:
    caption: str
    value: str
    target: str  # "target ¥1,500,000 · short by ¥515,313"; "" without a target
    met: bool | None  # None: no target, or no data to judge it by


def _against(
    result: TargetResult | None, show: Callable[[float | None], str]
) -> tuple[str, bool | None]:
    """'target ¥1,500,000 · met ✓' or '… · short by ¥515,313', and whether it was met."""
    if result is None:
        return "", None
    target = QCoreApplication.translate("ReviewTables", "target %1").replace(
        "%1", show(result.target)
    )
    if result.actual is None:
        return target + " · " + QCoreApplication.translate("ReviewTables", "no data"), None
    if result.met:
        return target + " · " + QCoreApplication.translate("ReviewTables", "met ✓"), True
    short = QCoreApplication.translate("ReviewTables", "short by %1").replace(
        "%1", show(result.short_by)
    )
    return f"{target} · {short}", False


def summary_figures(review: Review) -> list[SummaryFigure]:
    """The show's headline figures, each against its target: the cards and the report's top."""
    totals = review.totals  # a figure the export has no data for is None: a dash, not ¥0
    targets = {t.name: t for t in review.targets}

    def figure(
        caption: str,
        value: str,
        target: TargetName | None = None,
        show: Callable[[float | None], str] = fmt.count,
    ) -> SummaryFigure:
        text, met = _against(targets.get(target) if target else None, show)
        return SummaryFigure(caption, value, text, met)

    def tr(text: str) -> str:
        return QCoreApplication.translate("ReviewTables", text)

    return [
        figure(
            tr(QT_TRANSLATE_NOOP("ReviewTables", "GMV")),
            fmt.yuan(totals.gmv_fen),
            TargetName.GMV,
            fmt.yuan,
        ),
        figure(
            tr(QT_TRANSLATE_NOOP("ReviewTables", "Orders")),
            fmt.count(totals.orders),
        ),
        figure(
            tr(QT_TRANSLATE_NOOP("ReviewTables", "Peak viewers")), fmt.count(totals.peak_viewers)
        ),
        figure(
            tr(QT_TRANSLATE_NOOP("ReviewTables", "Average viewers")),
            fmt.count(totals.avg_viewers),
        ),
        figure(
            tr(QT_TRANSLATE_NOOP("ReviewTables", "Viewers")),
            fmt.count(totals.viewers),
            TargetName.VIEWERS,
        ),
        figure(
            tr(QT_TRANSLATE_NOOP("ReviewTables", "Conversion")),
            fmt.rate(totals.conversion),
            TargetName.CONVERSION,
            fmt.rate,
        ),
        figure(tr(QT_TRANSLATE_NOOP("ReviewTables", "GPM")), fmt.yuan(totals.gpm_fen)),
        figure(
            tr(QT_TRANSLATE_NOOP("ReviewTables", "New followers")),
            fmt.count(totals.new_followers),
            TargetName.NEW_FOLLOWERS,
        ),
        figure(
            tr(QT_TRANSLATE_NOOP("ReviewTables", "Interaction")),
            fmt.rate(totals.interaction),
            TargetName.INTERACTION,
            fmt.rate,
        ),
    ]
