"""The review's summary figures, the cards above its tables and the report's top: each with its
caption, its value, its target and whether that was met."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from liveplanner.core.review_figures import Review, TargetName, TargetResult
from liveplanner.ui.review import figures as fmt


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


def efficiency_figures(review: Review) -> list[SummaryFigure]:
    """Whether the show paid: what a viewer and an order were worth, the ad spend and its ROI
    (投产比); a dash where the export lacks an input."""
    money = review.totals.efficiency

    def tr(text: str) -> str:
        return QCoreApplication.translate("ReviewTables", text)

    def figure(caption: str, value: str) -> SummaryFigure:
        return SummaryFigure(caption, value, "", None)

    return [
        figure(
            tr(QT_TRANSLATE_NOOP("ReviewTables", "UV value")), fmt.yuan_cents(money.uv_value_fen)
        ),
        figure(tr(QT_TRANSLATE_NOOP("ReviewTables", "Order value")), fmt.yuan_cents(money.aov_fen)),
        figure(
            tr(QT_TRANSLATE_NOOP("ReviewTables", "Value per buyer")),
            fmt.yuan_cents(money.aov_per_buyer_fen),
        ),
        figure(tr(QT_TRANSLATE_NOOP("ReviewTables", "Ad spend")), fmt.yuan(money.ad_spend_fen)),
        figure(tr(QT_TRANSLATE_NOOP("ReviewTables", "ROI")), fmt.times(money.roi)),
    ]
