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

import numpy as np
import pandas as pd

_EXCEL_EPOCH = datetime(1899, 12, 30)  # Excel's day 0 (with its 1900 leap-year quirk)
_LAST_SERIAL = 2_958_466  # the day after 9999-12-31, Excel's last date
_FULL = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?")
_MONTH_DAY = re.compile(r"(\d{1,2})[-/月](\d{1,2})日?[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")
HALF_DAY = timedelta(hours=12)


class TimeCellError(ValueError):
    """A time cell that cannot be read; str() says what it holds and what was expected.

    `missing_date` tells a time without a date (give one) from a cell that is no time at all;
    `row` is the cell's row label when it came from a column (local_times)."""

    def __init__(self, message: str, value: object = None, missing_date: bool = False) -> None:
        super().__init__(message)
        self.value = value
        self.missing_date = missing_date
        self.row: object = None


@dataclass(frozen=True, slots=True)
class TimeContext:
    zone: ZoneInfo
    day: date | None  # the show's date, for cells without one


def _serial(days: float) -> datetime:
    """An Excel serial date-time. Excel keeps times as fractions of a day, so 20:01 is stored as
    0.834027777…; rounding to the second gives back the time the sheet shows."""
    if not 0 <= days < _LAST_SERIAL:  # 1e20 or inf would overflow timedelta
        raise TimeCellError(f"{days!r} is not an Excel date (0 to {_LAST_SERIAL - 1})", days)
    return _EXCEL_EPOCH + timedelta(seconds=round(days * 86_400))


def _naive(cell: object, context: TimeContext) -> tuple[datetime, bool]:
    """The cell as a naive local time, and whether it carried its own date."""
    if isinstance(cell, datetime):
        return cell.replace(tzinfo=None) if cell.tzinfo is None else cell.astimezone(
            context.zone
        ).replace(tzinfo=None), True
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return _serial(float(cell)), True
    text = unicodedata.normalize("NFKC", str(cell)).strip()
    expected = "expected such as 2025-11-11 20:05, 11-11 20:05, 20:05 or an Excel date"
    try:
        if match := _FULL.fullmatch(text):
            y, mo, d, h, mi, s = match.groups()
            return datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0)), True
        if match := _MONTH_DAY.fullmatch(text):
            if context.day is None:
                raise TimeCellError(
                    f"{text!r} has no year; give the show's date (--date)", text, True
                )
            mo, d, h, mi, s = match.groups()
            return datetime(context.day.year, int(mo), int(d), int(h), int(mi), int(s or 0)), True
        if match := _CLOCK.fullmatch(text):
            if context.day is None:
                raise TimeCellError(
                    f"{text!r} has no date; give the show's date (--date)", text, True
                )
            h, mi, s = match.groups()
            return datetime.combine(context.day, time(int(h), int(mi), int(s or 0))), False
        if _SERIAL.fullmatch(text):
            return _serial(float(text)), True
    except ValueError as exc:
        if isinstance(exc, TimeCellError):
            raise
        raise TimeCellError(f"{text!r} is not a time ({exc}); {expected}", text) from None
    raise TimeCellError(f"{text!r} is not a time; {expected}", text)


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


def looks_like_time(cell: object) -> bool:
    """Whether a cell is written as a time (Excel serials excepted: they look like numbers)."""
    if isinstance(cell, datetime):
        return True
    if not isinstance(cell, str):
        return False
    text = unicodedata.normalize("NFKC", cell).strip()
    return any(p.fullmatch(text) for p in (_FULL, _MONTH_DAY, _CLOCK))


# The layouts that cover nearly every export, read by pandas at C speed; anything else goes
# through _naive one cell at a time. (pattern, strptime format, what the cell carries)
_FAST = (
    (re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"), "%Y-%m-%d %H:%M:%S", "full"),
    (re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"), "%Y-%m-%d %H:%M", "full"),
    (re.compile(r"\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}"), "%Y/%m/%d %H:%M:%S", "full"),
    (re.compile(r"\d{4}/\d{2}/\d{2} \d{2}:\d{2}"), "%Y/%m/%d %H:%M", "full"),
    (re.compile(r"\d{2}-\d{2} \d{2}:\d{2}"), "%Y-%m-%d %H:%M", "month-day"),
    (re.compile(r"\d{2}:\d{2}:\d{2}"), "%H:%M:%S", "clock"),
    (re.compile(r"\d{2}:\d{2}"), "%H:%M", "clock"),
)
_ORIGIN = pd.Timestamp("1900-01-01")  # strptime's date for a time alone


def local_times(cells: pd.Series, context: TimeContext) -> pd.Series:
    """A column of time cells as naive local wall-clock times (datetime64), index kept.

    Missing cells are refused like unreadable ones: a row without a time cannot be placed.
    """
    if pd.api.types.is_datetime64_any_dtype(cells):
        if cells.isna().any():
            _refuse_missing(cells)
        if getattr(cells.dt, "tz", None) is not None:
            local: pd.Series = cells.dt.tz_convert(context.zone).dt.tz_localize(None)
            return local
        return cells
    fast = _fast(cells, context)
    return fast if fast is not None else _slow(cells, context)


def _refuse_missing(cells: pd.Series) -> None:
    error = TimeCellError("the time is empty", None)
    error.row = cells.index[cells.isna()][0]
    raise error


def _fast(cells: pd.Series, context: TimeContext) -> pd.Series | None:
    if cells.isna().any() or not len(cells):
        return None
    first = cells.iloc[0]
    if not isinstance(first, str):
        return None
    text = cells.astype(str)
    for pattern, fmt, layout in _FAST:
        if not pattern.fullmatch(first):
            continue
        if layout != "full" and context.day is None:
            return None  # the slow path says which row needs a date
        if layout == "month-day":
            assert context.day is not None  # returned above otherwise
            text = f"{context.day.year}-" + text
        parsed = _iso(text) if fmt.startswith("%Y-%m-%d") else None
        if parsed is None:
            parsed = pd.to_datetime(text, format=fmt, errors="coerce")
        if parsed.isna().any():
            return None
        if layout == "clock":
            assert context.day is not None  # returned above otherwise
            return _crossing_midnight(parsed - _ORIGIN, context.day)
        return parsed
    return None


def _iso(text: pd.Series) -> pd.Series | None:
    """ISO date-times through numpy's parser, three times faster than strptime for a million
    per-second rows. It also takes other ISO forms ("2025-11-11" alone): such a cell in a
    minute series reads as midnight and is then refused as time running backwards."""
    try:
        moments = np.array(text.to_numpy(dtype=object), dtype="datetime64[s]")
    except ValueError:
        return None
    return pd.Series(moments, index=text.index)


def _crossing_midnight(of_day: pd.Series, day: date) -> pd.Series:
    """Times of day in order: one that falls back by more than half a day is the next day's
    (the same rule as read_times)."""
    jumped = (of_day.diff() < -pd.Timedelta(HALF_DAY)).cumsum()
    return pd.Timestamp(day) + of_day + pd.to_timedelta(jumped, unit="D")


def _slow(cells: pd.Series, context: TimeContext) -> pd.Series:
    if cells.isna().any():
        _refuse_missing(cells)
    moments: list[datetime] = []
    reading = read_times(cells, context)  # lazily: an error belongs to the row being read
    for label in cells.index:
        try:
            moments.append(next(reading).replace(tzinfo=None))
        except TimeCellError as error:
            error.row = label
            raise
    return pd.Series(pd.to_datetime(moments), index=cells.index)
