"""Review figures as people read them: whole yuan with separators, counts, rates, clock times.

The chart, the tables and the report all format through here, so a figure reads the same
everywhere. Missing figures are an em dash, never a zero that was not measured.
"""

from datetime import datetime

from liveplanner.core.schedule import format_duration

NONE = "—"


def yuan(fen: float | None) -> str:
    return NONE if fen is None else f"¥{fen / 100:,.0f}"


def yuan_cents(fen: float | None) -> str:
    """A small sum to the fen: a viewer's or an order's worth, ¥5.00 not ¥5."""
    return NONE if fen is None else f"¥{fen / 100:,.2f}"


def times(value: float | None) -> str:
    """A ratio such as ROI: 2.73."""
    return NONE if value is None else f"{value:,.2f}"


def count(value: float | None) -> str:
    return NONE if value is None else f"{value:,.0f}"


def signed(value: float | None) -> str:
    return NONE if value is None else f"{value:+,.0f}"


def rate(value: float | None) -> str:
    """0.0545 -> '5.45%'."""
    return NONE if value is None else f"{value * 100:.2f}%"


def per_min(value: float | None) -> str:
    return NONE if value is None else f"{value:,.1f}"


def clock(at: datetime | None) -> str:
    return NONE if at is None else at.strftime("%H:%M:%S")


def duration(seconds: int | None) -> str:
    return NONE if seconds is None else format_duration(seconds)
