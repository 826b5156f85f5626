"""When each row of an export happened: the time cells platforms write, made into aware times.

Full date-times ("2025-11-11 20:05", "2025/11/11 20:05:30"), month-day without a year
("11-11 20:05", the year from the show), time only ("20:05", the date from the show, and a row
past midnight on the next day), and Excel serial numbers (45972.84). All in the show's zone.
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

_EXCEL_EPOCH = datetime(1899, 12, 30)  # Excel's day 0 (with its 1900 leap-year quirk)
_FULL = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?")
_MONTH_DAY = re.compile(r"(\d{1,2})[-/月](\d{1,2})日?[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")
HALF_DAY = timedelta(hours=12)


class TimeCellError(ValueError):
    """A time cell that cannot be read; str() says what it holds and what was expected."""


@dataclass(frozen=True, slots=True)
class TimeContext:
    zone: ZoneInfo
    day: date | None  # the show's date, for cells without one


def _naive(cell: object, context: TimeContext) -> tuple[datetime, bool]:
    """The cell as a naive local time, and whether it carried its own date."""
    if isinstance(cell, datetime):
        return cell.replace(tzinfo=None) if cell.tzinfo is None else cell.astimezone(
            context.zone
        ).replace(tzinfo=None), True
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return _EXCEL_EPOCH + timedelta(days=float(cell)), True
    text = unicodedata.normalize("NFKC", str(cell)).strip()
    expected = "expected such as 2025-11-11 20:05, 11-11 20:05, 20:05 or an Excel date"
    try:
        if match := _FULL.fullmatch(text):
            y, mo, d, h, mi, s = match.groups()
            return datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0)), True
        if match := _MONTH_DAY.fullmatch(text):
            if context.day is None:
                raise TimeCellError(f"{text!r} has no year; give the show's date (--date)")
            mo, d, h, mi, s = match.groups()
            return datetime(context.day.year, int(mo), int(d), int(h), int(mi), int(s or 0)), True
        if match := _CLOCK.fullmatch(text):
            if context.day is None:
                raise TimeCellError(f"{text!r} has no date; give the show's date (--date)")
            h, mi, s = match.groups()
            return datetime.combine(context.day, time(int(h), int(mi), int(s or 0))), False
        if _SERIAL.fullmatch(text):
            return _EXCEL_EPOCH + timedelta(days=float(text)), True
    except ValueError as exc:
        if isinstance(exc, TimeCellError):
            raise
        raise TimeCellError(f"{text!r} is not a time ({exc}); {expected}") from None
    raise TimeCellError(f"{text!r} is not a time; {expected}")


def read_times(cells: Iterable[object], context: TimeContext) -> Iterator[datetime]:
    """Each cell as an aware time. Times without a date that run backwards by more than half a
    day have crossed midnight: they belong to the next day."""
    days_added = 0
    previous: datetime | None = None
    for cell in cells:
        moment, dated = _naive(cell, context)
        if not dated:
            moment += timedelta(days=days_added)
            if previous is not None and previous - moment > HALF_DAY:
                days_added += 1
                moment += timedelta(days=1)
        previous = moment
        yield moment.replace(tzinfo=context.zone)
