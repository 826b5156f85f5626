"""The columns of the review's Products table (issue 19), over core.product_figures' records: the
window's tab and the report print the same ones. A flag is a text mark (■ Sold out, ▼ Under 20 %,
○ Not in plan), never a colour alone; a figure the export or the plan lacks is a dash, never 0."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from liveplanner.core.product_figures import ProductFigures
from liveplanner.core.review_figures import Review, TargetName
from liveplanner.ui.review import figures as fmt
from liveplanner.ui.review.summary_figures import SummaryFigure, _against
from liveplanner.ui.review.tables import Column, _count, _money, _rate, _t, _text

GMV_COLUMN = 7  # the column the table opens sorted by, highest first


def product_sales_title() -> str:
    """The products table's title, as a heading, a tab and a sheet's name."""
    return QCoreApplication.translate("ReviewTables", "Product sales")


def product_rows(review: Review) -> list[ProductFigures]:
    """The plan's products, then the export's lines matched to none of them."""
    return [*review.products, *review.unmatched_products]


def flag_marks(p: ProductFigures) -> str:
    """Its flags as marks a reader sees at a glance: ■ sold out, ▼ under 20 %, ○ not in plan."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("ReviewTables", text)

    marks = []
    if p.sold_out:
        marks.append("■ " + tr(QT_TRANSLATE_NOOP("ReviewTables", "Sold out")))
    if p.under_20:
        marks.append("▼ " + tr(QT_TRANSLATE_NOOP("ReviewTables", "Under 20 %")))
    if p.not_in_plan:
        marks.append("○ " + tr(QT_TRANSLATE_NOOP("ReviewTables", "Not in plan")))
    return "  ".join(marks)


def _segments(p: ProductFigures) -> str:
    return ", ".join(str(s) for s in p.segments) or fmt.NONE


def product_figure_columns() -> list[Column]:
    """Name, link, stock, sold, sell-through, clicks, click-to-order conversion (items sold per
    product click), GMV, gross profit, refunds, the segments that pitched it, its flags."""
    return [
        _text(QT_TRANSLATE_NOOP("ReviewTables", "Product"), lambda p: p.name),
        _text(QT_TRANSLATE_NOOP("ReviewTables", "Link"), lambda p: p.link or fmt.NONE),
        _count(QT_TRANSLATE_NOOP("ReviewTables", "Stock"), lambda p: p.stock),
        _count(QT_TRANSLATE_NOOP("ReviewTables", "Sold"), lambda p: p.sold),
        _rate(QT_TRANSLATE_NOOP("ReviewTables", "Sell-through"), lambda p: p.sell_through),
        _count(QT_TRANSLATE_NOOP("ReviewTables", "Clicks"), lambda p: p.clicks),
        _rate(QT_TRANSLATE_NOOP("ReviewTables", "Click to order"), lambda p: p.conversion),
        _money(QT_TRANSLATE_NOOP("ReviewTables", "GMV"), lambda p: p.gmv_fen),
        _money(QT_TRANSLATE_NOOP("ReviewTables", "Gross profit"), lambda p: p.gross_profit_fen),
        _money(QT_TRANSLATE_NOOP("ReviewTables", "Refunds"), lambda p: p.refunds_fen),
        Column(
            _t(QT_TRANSLATE_NOOP("ReviewTables", "Pitched in")),
            _segments,
            _segments,
            numeric=True,  # segment numbers, set right as figures are, apart from the text
            # By the first segment that pitched it; a product none pitched last.
            sort=lambda p: p.segments[0] if p.segments else 1_000_000,
        ),
        _text(QT_TRANSLATE_NOOP("ReviewTables", "Flags"), flag_marks),
    ]


# The targets whose verdicts profit_figures carries.
PROFIT_TARGETS = frozenset({TargetName.GROSS_PROFIT, TargetName.MARGIN, TargetName.NET_GMV})


def profit_figures(review: Review) -> list[SummaryFigure]:
    """What the show kept, from its product export: gross profit, margin (gross profit over the
    GMV of the products whose unit cost is known), refunds and GMV net of them; a dash without
    a product export or where the plan lacks a unit cost; each against its target where the
    show set one."""
    money = review.totals.efficiency
    targets = {t.name: t for t in review.targets}

    def figure(
        caption: str,
        value: float | None,
        show: Callable[[float | None], str],
        target: TargetName | None = None,
    ) -> SummaryFigure:
        text, met = _against(targets.get(target) if target else None, show)
        return SummaryFigure(
            QCoreApplication.translate("ReviewTables", caption), show(value), text, met
        )

    return [
        figure(
            QT_TRANSLATE_NOOP("ReviewTables", "Gross profit"),
            money.gross_profit_fen,
            fmt.yuan,
            TargetName.GROSS_PROFIT,
        ),
        figure(
            QT_TRANSLATE_NOOP("ReviewTables", "Margin"), money.margin, fmt.rate, TargetName.MARGIN
        ),
        figure(QT_TRANSLATE_NOOP("ReviewTables", "Refunds"), money.refunds_fen, fmt.yuan),
        figure(
            QT_TRANSLATE_NOOP("ReviewTables", "Net GMV"),
            money.net_gmv_fen,
            fmt.yuan,
            TargetName.NET_GMV,
        ),
    ]
