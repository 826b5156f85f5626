"""The review chart's axes: counts and yuan with thousands separators, and the show's clock in
its own time zone."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import numpy as np
import pyqtgraph as pg

AXIS_WIDTH = 64  # the left axes line up only if they are all as wide


def seconds(at: datetime) -> float:
    return at.timestamp()


class CountAxis(pg.AxisItem):
    """Counts and yuan with thousands separators (15,000), never 1.5e+04."""

    def __init__(self, orientation: str = "left", **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list, scale: float, spacing: float) -> list[str]:
        return [f"{v:,.0f}" if spacing >= 1 else f"{v:,.1f}" for v in values]

    LABEL_ROOM = 17  # pixels of height a count's label needs, so labels never run together

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list:
        levels = super().tickSpacing(minVal, maxVal, size)
        if self.orientation not in ("left", "right") or not levels or size <= 0:
            return levels
        least = abs(maxVal - minVal) * self.LABEL_ROOM / size
        if levels[0][0] >= least:
            return levels
        # A short lane: fewer, rounder steps (1, 2 or 5 times a power of ten), one level only.
        power = 10.0 ** np.floor(np.log10(least))
        step = next(f * power for f in (1, 2, 5, 10) if f * power >= least)
        return [(step, 0)]


class ClockAxis(pg.AxisItem):
    """Epoch seconds shown as the show's own clock time (not the machine's)."""

    DAY = 86_400
    # Beyond a few hours a step is days, labelled with the date: a review can reach minutes
    # far from the show (another day's export), and the wheel zooms out as far as the user likes.
    STEPS = (60, 300, 600, 900, 1800, 3600, 7200, 14400, 21600, 43200, DAY, 2 * DAY, 7 * DAY)

    def __init__(self, **kwargs: object) -> None:
        super().__init__("bottom", **kwargs)
        self.zone: ZoneInfo = ZoneInfo("Asia/Shanghai")

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        if maxVal <= minVal:
            return []
        room = max(1, int(size / 70))  # a label needs about 70 pixels
        step = next((s for s in self.STEPS if (maxVal - minVal) / s <= room), None)
        if step is None:  # months: weeks, as many as there is room for
            step = self.STEPS[-1] * int(np.ceil((maxVal - minVal) / self.STEPS[-1] / room))
        # Ticks on the show's round minutes: shift by the zone's offset from UTC.
        offset = datetime.fromtimestamp(minVal, UTC).astimezone(self.zone).utcoffset()
        shift = offset.total_seconds() if offset else 0
        first = np.ceil((minVal + shift) / step) * step - shift
        return [(step, list(np.arange(first, maxVal, step)))]

    def tickStrings(self, values: list, scale: float, spacing: float) -> list[str]:
        moments = [datetime.fromtimestamp(v, UTC).astimezone(self.zone) for v in values]
        days = len({m.date() for m in moments}) > 1
        # Over more than a day, midnight says which day it is (and a step of days is dates).
        return [
            m.strftime("%m-%d" if spacing >= self.DAY or (days and _midnight(m)) else "%H:%M")
            for m in moments
        ]


def _midnight(moment: datetime) -> bool:
    return (moment.hour, moment.minute) == (0, 0)
