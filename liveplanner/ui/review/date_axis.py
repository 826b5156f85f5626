"""A date axis whose month and weekday names are in the window's language: pyqtgraph's own
DateAxisItem writes them with strftime, in English (or the system's locale) whatever the window
speaks."""

from collections.abc import Sequence

import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import (
    adjustTimestampToPreferredUtcOffset,
    utcfromtimestamp,
)
from PySide6.QtCore import QCoreApplication

from liveplanner.app.translations import QT_TRANSLATE_NOOP

_MONTHS = (
    QT_TRANSLATE_NOOP("DateAxis", "Jan"),
    QT_TRANSLATE_NOOP("DateAxis", "Feb"),
    QT_TRANSLATE_NOOP("DateAxis", "Mar"),
    QT_TRANSLATE_NOOP("DateAxis", "Apr"),
    QT_TRANSLATE_NOOP("DateAxis", "May"),
    QT_TRANSLATE_NOOP("DateAxis", "Jun"),
    QT_TRANSLATE_NOOP("DateAxis", "Jul"),
    QT_TRANSLATE_NOOP("DateAxis", "Aug"),
    QT_TRANSLATE_NOOP("DateAxis", "Sep"),
    QT_TRANSLATE_NOOP("DateAxis", "Oct"),
    QT_TRANSLATE_NOOP("DateAxis", "Nov"),
    QT_TRANSLATE_NOOP("DateAxis", "Dec"),
)
_WEEKDAYS = (
    QT_TRANSLATE_NOOP("DateAxis", "Mon"),
    QT_TRANSLATE_NOOP("DateAxis", "Tue"),
    QT_TRANSLATE_NOOP("DateAxis", "Wed"),
    QT_TRANSLATE_NOOP("DateAxis", "Thu"),
    QT_TRANSLATE_NOOP("DateAxis", "Fri"),
    QT_TRANSLATE_NOOP("DateAxis", "Sat"),
    QT_TRANSLATE_NOOP("DateAxis", "Sun"),
)
# The formats of pyqtgraph's zoom levels that name a month or a weekday; the others are digits.
_NAMED = ("%b", "%a %d")


def _t(text: str) -> str:
    return QCoreApplication.translate("DateAxis", text)


class DateAxis(pg.DateAxisItem):
    """pyqtgraph's date axis, its named ticks (month; weekday and day) in the user's words."""

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
        if spec is None or spec.format not in _NAMED:
            return list(super().tickStrings(values, scale, spacing))
        texts = []
        for value in values:
            try:
                day = utcfromtimestamp(adjustTimestampToPreferredUtcOffset(value, self.utcOffset))
            except (OverflowError, ValueError, OSError):
                texts.append("")
                continue
            if spec.format == "%b":
                texts.append(_t(_MONTHS[day.month - 1]))
            else:
                texts.append(
                    QCoreApplication.translate("DateAxis", "%1 %2")  # weekday, day of month
                    .replace("%1", _t(_WEEKDAYS[day.weekday()]))
                    .replace("%2", f"{day.day:02d}")
                )
        return texts
