"""The show's targets of whether it paid (issue 19): each field's label, how the stored value
reads in it, and how what is typed is read back (refused with a catalogue code when unclear).
Money in yuan, ROI as a ratio ("3.5"), margin and refunds in per cent, watch time as m:ss."""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from liveplanner.core.inputs import parse_money, parse_percent, parse_ratio, parse_watch_time
from liveplanner.core.money import format_percent, format_yuan
from liveplanner.core.plan import Show
from liveplanner.core.schedule import format_duration


def _yuan(fen: int | None) -> str:
    return "" if fen is None else format_yuan(fen)


def _pct(bp: int | None) -> str:
    return "" if bp is None else format_percent(bp).rstrip("%")


def _ratio(bp: int | None) -> str:
    """35000 -> '3.5'."""
    if bp is None:
        return ""
    text = f"{Decimal(bp) / 10_000:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _watch(seconds: int | None) -> str:
    return "" if seconds is None else format_duration(seconds)


# (column, label, read, parse): the label translated in the ShowForm context.
FIELDS: tuple[tuple[str, str, Callable[[Show], str], Callable[[str], Any]], ...] = (
    (
        "target_uv_value_fen",
        QT_TRANSLATE_NOOP("ShowForm", "UV value (yuan)"),
        lambda s: _yuan(s.targets.uv_value_fen),
        parse_money,
    ),
    (
        "target_aov_fen",
        QT_TRANSLATE_NOOP("ShowForm", "Order value (yuan)"),
        lambda s: _yuan(s.targets.aov_fen),
        parse_money,
    ),
    (
        "target_gpm_fen",
        QT_TRANSLATE_NOOP("ShowForm", "GPM (yuan)"),
        lambda s: _yuan(s.targets.gpm_fen),
        parse_money,
    ),
    (
        "target_roi_bp",
        QT_TRANSLATE_NOOP("ShowForm", "ROI (such as 3.5)"),
        lambda s: _ratio(s.targets.roi_bp),
        parse_ratio,
    ),
    (
        "target_gross_profit_fen",
        QT_TRANSLATE_NOOP("ShowForm", "Gross profit (yuan)"),
        lambda s: _yuan(s.targets.gross_profit_fen),
        parse_money,
    ),
    (
        "target_margin_bp",
        QT_TRANSLATE_NOOP("ShowForm", "Margin (%)"),
        lambda s: _pct(s.targets.margin_bp),
        parse_percent,
    ),
    (
        "target_net_gmv_fen",
        QT_TRANSLATE_NOOP("ShowForm", "Net GMV (yuan)"),
        lambda s: _yuan(s.targets.net_gmv_fen),
        parse_money,
    ),
    (
        "target_avg_watch_s",
        QT_TRANSLATE_NOOP("ShowForm", "Watch time (m:ss or s)"),
        lambda s: _watch(s.targets.avg_watch_s),
        parse_watch_time,
    ),
    (
        "target_max_ad_spend_fen",
        QT_TRANSLATE_NOOP("ShowForm", "Ad spend at most (yuan)"),
        lambda s: _yuan(s.targets.max_ad_spend_fen),
        parse_money,
    ),
    (
        "target_max_refund_bp",
        QT_TRANSLATE_NOOP("ShowForm", "Refunds at most (%)"),
        lambda s: _pct(s.targets.max_refund_bp),
        parse_percent,
    ),
)


def field_label(column: str) -> str | None:
    """The translated label of a target column of this group; None for another column."""
    for name, label, _read, _parse in FIELDS:
        if name == column:
            return QCoreApplication.translate("ShowForm", label)
    return None


def any_set(show: Show) -> bool:
    return any(read(show) for _name, _label, read, _parse in FIELDS)
