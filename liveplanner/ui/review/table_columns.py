"""The columns of each review table (segments, by kind, by product, shows, earnings by slot),
and the rows they are laid over, with the minutes outside the script as rows of their own."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from liveplanner.core.comparison import Earning, ShowKpis, TimeSlot
from liveplanner.core.enums import SegmentKind
from liveplanner.core.plan import ShowPlan
from liveplanner.core.review_figures import (
    OUTSIDE_KEY,
    GroupFigures,
    Outside,
    OutsideFigures,
    Review,
    SegmentFigures,
)
from liveplanner.core.review_spans import Source
from liveplanner.core.target_judging import judge_kpis, tally
from liveplanner.ui import labels
from liveplanner.ui.review import figures as fmt
from liveplanner.ui.review.tables import (
    Column,
    _clock,
    _count,
    _length,
    _money,
    _money_cents,
    _over_under,
    _per_min,
    _rate,
    _round,
    _t,
    _text,
    _times,
)


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


def _paid(f: SegmentFigures | OutsideFigures, name: str) -> float | None:
    """One of a segment's figures of whether it paid; the minutes outside the script have none."""
    value: float | None = getattr(f.efficiency, name) if isinstance(f, SegmentFigures) else None
    return value


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
        # Whether it paid (issue 19); the minutes outside the script have no such figures.
        _money_cents(
            QT_TRANSLATE_NOOP("ReviewTables", "UV value"), lambda f: _paid(f, "uv_value_fen")
        ),
        _money_cents(
            QT_TRANSLATE_NOOP("ReviewTables", "Order value"), lambda f: _paid(f, "aov_fen")
        ),
        _money(QT_TRANSLATE_NOOP("ReviewTables", "Ad spend"), lambda f: _paid(f, "ad_spend_fen")),
        _times(QT_TRANSLATE_NOOP("ReviewTables", "ROI"), lambda f: _paid(f, "roi")),
        _count(
            QT_TRANSLATE_NOOP("ReviewTables", "Items sold"),
            lambda f: f.items_sold if isinstance(f, SegmentFigures) else None,
        ),
        _money(
            QT_TRANSLATE_NOOP("ReviewTables", "Gross profit"),
            lambda f: _paid(f, "gross_profit_fen"),
        ),
        _rate(QT_TRANSLATE_NOOP("ReviewTables", "Margin"), lambda f: _paid(f, "margin")),
        _money(QT_TRANSLATE_NOOP("ReviewTables", "Refunds"), lambda f: _paid(f, "refunds_fen")),
        _money(QT_TRANSLATE_NOOP("ReviewTables", "Net GMV"), lambda f: _paid(f, "net_gmv_fen")),
        # Retention (issue 19): online viewers at its end over those at its start.
        _rate(QT_TRANSLATE_NOOP("ReviewTables", "Viewers kept"), lambda f: f.viewers_kept),
        _length(
            QT_TRANSLATE_NOOP("ReviewTables", "Watch time"),
            lambda f: None if f.avg_watch_s is None else round(f.avg_watch_s),
        ),
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
        # Its targets the comparison's figures can judge (issue 19); a dash when none was.
        _count(QT_TRANSLATE_NOOP("ReviewTables", "Targets met"), lambda k: _tally(k)[0]),
        _count(QT_TRANSLATE_NOOP("ReviewTables", "Targets missed"), lambda k: _tally(k)[1]),
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


def _tally(show: ShowKpis) -> tuple[int | None, int | None]:
    return tally(judge_kpis(show))


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
