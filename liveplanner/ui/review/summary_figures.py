"""The review's summary figures, the cards above its tables and the report's top: each with its
caption, its value, its target and whether that was met."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from liveplanner.core.review_figures import Review, TargetName, TargetResult, Totals
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
    # A ceiling (ad spend, refunds) is met at or under it, and passed by how much.
    if result.ceiling:
        aim = QCoreApplication.translate("ReviewTables", "at most %1")
    else:
        aim = QCoreApplication.translate("ReviewTables", "target %1")
    target = aim.replace("%1", show(result.target))
    if result.actual is None:
        return target + " · " + QCoreApplication.translate("ReviewTables", "no data"), None
    if result.met:
        return target + " · " + QCoreApplication.translate("ReviewTables", "met ✓"), True
    if result.ceiling:
        missed = QCoreApplication.translate("ReviewTables", "over by %1").replace(
            "%1", show(result.over_by)
        )
    else:
        missed = QCoreApplication.translate("ReviewTables", "short by %1").replace(
            "%1", show(result.short_by)
        )
    return f"{target} · {missed}", False


def summary_figures(review: Review, gpm_target: bool = False) -> list[SummaryFigure]:
    """The show's headline figures, each against its target: the cards and the report's top.
    `gpm_target`: GPM against its target too (the report's; the window's row of targets of
    whether it paid has it, so the cards stay narrow enough for a row on a laptop)."""
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
        figure(
            tr(QT_TRANSLATE_NOOP("ReviewTables", "GPM")),
            fmt.yuan(totals.gpm_fen),
            TargetName.GPM if gpm_target else None,
            fmt.yuan,
        ),
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
    targets = {t.name: t for t in review.targets}

    def tr(text: str) -> str:
        return QCoreApplication.translate("ReviewTables", text)

    def figure(
        caption: str,
        value: str,
        target: TargetName | None = None,
        show: Callable[[float | None], str] = fmt.yuan,
    ) -> SummaryFigure:
        text, met = _against(targets.get(target) if target else None, show)
        return SummaryFigure(caption, value, text, met)

    return [
        figure(
            tr(QT_TRANSLATE_NOOP("ReviewTables", "UV value")),
            fmt.yuan_cents(money.uv_value_fen),
            TargetName.UV_VALUE,
            fmt.yuan_cents,
        ),
        figure(
            tr(QT_TRANSLATE_NOOP("ReviewTables", "Order value")),
            fmt.yuan_cents(money.aov_fen),
            TargetName.AOV,
            fmt.yuan_cents,
        ),
        figure(
            tr(QT_TRANSLATE_NOOP("ReviewTables", "Value per buyer")),
            fmt.yuan_cents(money.aov_per_buyer_fen),
        ),
        figure(
            tr(QT_TRANSLATE_NOOP("ReviewTables", "Ad spend")),
            fmt.yuan(money.ad_spend_fen),
            TargetName.MAX_AD_SPEND,
        ),
        figure(
            tr(QT_TRANSLATE_NOOP("ReviewTables", "ROI")),
            fmt.times(money.roi),
            TargetName.ROI,
            fmt.times,
        ),
    ]


def watch_figure(review: Review) -> SummaryFigure:
    """How long a viewer stayed on average (人均观看时长), against its target where set."""
    targets = {t.name: t for t in review.targets}
    text, met = _against(targets.get(TargetName.AVG_WATCH), _seconds)
    caption = QCoreApplication.translate("ReviewTables", "Watch time")
    return SummaryFigure(caption, _seconds(review.totals.avg_watch_s), text, met)


# The targets whose verdicts the report's figures carry: the efficiency row's, GPM's and the
# watch time's.
ON_REPORT_FIGURES = frozenset(
    {
        TargetName.UV_VALUE,
        TargetName.AOV,
        TargetName.MAX_AD_SPEND,
        TargetName.ROI,
        TargetName.GPM,
        TargetName.AVG_WATCH,
    }
)


def _seconds(value: float | None) -> str:
    return fmt.duration(None if value is None else round(value))


# The targets of whether the show paid (issue 19), each with its caption, its actual among the
# totals and how it reads; the show's headline targets are on summary_figures' cards.
_PAID: tuple[tuple[TargetName, str, Callable[[Totals], float | None], Callable[..., str]], ...] = (
    (
        TargetName.UV_VALUE,
        QT_TRANSLATE_NOOP("ReviewTables", "UV value"),
        lambda t: t.efficiency.uv_value_fen,
        fmt.yuan_cents,
    ),
    (
        TargetName.AOV,
        QT_TRANSLATE_NOOP("ReviewTables", "Order value"),
        lambda t: t.efficiency.aov_fen,
        fmt.yuan_cents,
    ),
    (TargetName.GPM, QT_TRANSLATE_NOOP("ReviewTables", "GPM"), lambda t: t.gpm_fen, fmt.yuan),
    (
        TargetName.ROI,
        QT_TRANSLATE_NOOP("ReviewTables", "ROI"),
        lambda t: t.efficiency.roi,
        fmt.times,
    ),
    (
        TargetName.GROSS_PROFIT,
        QT_TRANSLATE_NOOP("ReviewTables", "Gross profit"),
        lambda t: t.efficiency.gross_profit_fen,
        fmt.yuan,
    ),
    (
        TargetName.MARGIN,
        QT_TRANSLATE_NOOP("ReviewTables", "Margin"),
        lambda t: t.efficiency.margin,
        fmt.rate,
    ),
    (
        TargetName.NET_GMV,
        QT_TRANSLATE_NOOP("ReviewTables", "Net GMV"),
        lambda t: t.efficiency.net_gmv_fen,
        fmt.yuan,
    ),
    (
        TargetName.AVG_WATCH,
        QT_TRANSLATE_NOOP("ReviewTables", "Watch time"),
        lambda t: t.avg_watch_s,
        _seconds,
    ),
    (
        TargetName.MAX_AD_SPEND,
        QT_TRANSLATE_NOOP("ReviewTables", "Ad spend"),
        lambda t: t.efficiency.ad_spend_fen,
        fmt.yuan,
    ),
    (
        TargetName.MAX_REFUND,
        QT_TRANSLATE_NOOP("ReviewTables", "Refund rate"),
        lambda t: None,  # the judged actual: refunds / GMV
        fmt.rate,
    ),
)
# The figures that appear only beside a target: GPM has its own card, and the refund rate is
# the refunds (always shown, as money) judged against the GMV.
_ONLY_WITH_TARGET = frozenset({TargetName.GPM, TargetName.MAX_REFUND})
PAID_FIGURES = len(_PAID) + 1  # and the refunds as money


def paid_figures(review: Review) -> list[SummaryFigure]:
    """Every figure of whether the show paid, in the order of the Show panel's targets, each
    with its target's verdict where the show set one (the review page's row under the cards):
    a lead reads the UV value, ROI and gross profit of every show, targets or not."""
    results = {t.name: t for t in review.targets}
    totals = review.totals
    figures = []
    for name, caption, actual, show in _PAID:
        result = results.get(name)
        if result is None and name in _ONLY_WITH_TARGET:
            continue
        if name is TargetName.NET_GMV:
            refunds = QCoreApplication.translate("ReviewTables", "Refunds")
            figures.append(
                SummaryFigure(refunds, fmt.yuan(totals.efficiency.refunds_fen), "", None)
            )
        value = result.actual if result and name is TargetName.MAX_REFUND else actual(totals)
        text, met = _against(result, show)
        shown = QCoreApplication.translate("ReviewTables", caption)
        figures.append(SummaryFigure(shown, show(value), text, met))
    return figures


def target_figures(
    review: Review, shown: frozenset[TargetName] = frozenset()
) -> list[SummaryFigure]:
    """A figure for each target of whether the show paid that the show set, in the order of
    the Show panel: its actual, its target, and met, short by or (a ceiling) over by. `shown`:
    targets whose verdict is on another figure already."""
    results = {t.name: t for t in review.targets}
    figures = []
    for name, caption, actual, show in _PAID:
        result = results.get(name)
        if result is None or name in shown:
            continue
        value = result.actual if name is TargetName.MAX_REFUND else actual(review.totals)
        text, met = _against(result, show)
        figure = SummaryFigure(
            QCoreApplication.translate("ReviewTables", caption), show(value), text, met
        )
        figures.append(figure)
    return figures
