"""Single cells of a run sheet as people type them: lengths, clock times, prices, counts, names.

Each reader returns the value or raises CellValueError saying what the cell holds and what was
expected; the sheet reader adds the file, row and column.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from liveplanner.core.money import yuan_to_fen
from liveplanner.formats.cells import MISSING, CellError, parse_number

EXPECTED_DURATION = "expected minutes (5), m:ss (5:30), h:mm:ss (1:02:00) or 5分30秒"
EXPECTED_CLOCK = "expected a clock time such as 20:05 or 20:00-20:05"
EXPECTED_PRICE = "expected an amount in yuan such as 59 or ¥59.90"
EXPECTED_COUNT = "expected a whole number such as 300"
DAY_S = 24 * 3600


class CellValueError(ValueError):
    """A cell that is not what its column holds; `expected` says what would be."""

    def __init__(self, value: object, expected: str) -> None:
        super().__init__(f"“{value}” is not readable; {expected}")
        self.value = value
        self.expected = expected


def text_of(cell: object) -> str:
    """A cell as trimmed text; "" for blanks and missing markers ("-", "/")."""
    if cell is None or (isinstance(cell, float) and cell != cell):
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)  # a link number 12 that the workbook keeps as 12.0
    text = str(cell).strip()
    return "" if text in MISSING else text


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower()


_SECONDS_UNITS = {"秒", "s", "sec", "secs", "second", "seconds", "秒钟"}
_HOURS_UNITS = {"小时", "h", "hr", "hrs", "hour", "hours"}
_PARTS = re.compile(
    r"(?:(?P<h>\d+(?:\.\d+)?)\s*(?:小时|h|hr|hrs|hours?))?\s*"
    r"(?:(?P<m>\d+(?:\.\d+)?)\s*(?:分钟|分|min|mins|minutes?|m|'))?\s*"
    r"(?:(?P<s>\d+)\s*(?:秒钟|秒|s|sec|secs|seconds?|\"))?"
)
_CLOCKLIKE = re.compile(r"\d+(?::\d+){1,2}")


@dataclass(frozen=True, slots=True)
class Duration:
    seconds: int
    from_excel_time: bool = False  # a time cell read as m:ss (Excel made "5:30" 5 h 30 min)


def read_duration(cell: object, unit: str = "") -> Duration | None:
    """A segment's length. A plain number is minutes, or seconds when the header's unit says so
    ("时长(秒)"). An Excel time cell of whole minutes (5:30:00) is what Excel makes of a typed
    "5:30", so it is read as 5 min 30 s and flagged."""
    if isinstance(cell, timedelta):
        total = cell.total_seconds()
        if not 0 <= total <= DAY_S or total != int(total):
            raise CellValueError(cell, EXPECTED_DURATION)
        return Duration(int(total))
    if isinstance(cell, time):
        if cell.hour and not cell.second:
            return Duration(cell.hour * 60 + cell.minute, from_excel_time=True)
        return Duration(cell.hour * 3600 + cell.minute * 60 + cell.second)
    if isinstance(cell, (datetime, bool)):
        raise CellValueError(cell, EXPECTED_DURATION)
    text = _normal(text_of(cell)).removeprefix("约").replace("′", "'")  # 约10分钟: about 10
    if not text:
        return None
    unit = unit.strip().lower()
    per = 1 if unit in _SECONDS_UNITS else 3600 if unit in _HOURS_UNITS else 60
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        seconds = Decimal(text) * per
    elif _CLOCKLIKE.fullmatch(text):
        parts = [int(p) for p in text.split(":")]
        if any(p >= 60 for p in parts[1:]):
            raise CellValueError(cell, EXPECTED_DURATION)
        seconds = Decimal(sum(p * 60**i for i, p in enumerate(reversed(parts))))
    elif (match := _PARTS.fullmatch(text)) and any(match.groups()):
        h, m, s = (Decimal(match.group(g) or 0) for g in "hms")
        seconds = h * 3600 + m * 60 + s
    else:
        raise CellValueError(cell, EXPECTED_DURATION)
    if seconds != seconds.to_integral_value() or seconds > DAY_S:
        raise CellValueError(cell, EXPECTED_DURATION)
    return Duration(int(seconds))


@dataclass(frozen=True, slots=True)
class Clock:
    """A start-time cell: seconds after midnight, the date if the cell had one, and the end of
    a range ("20:00-20:05") if it gave one."""

    start_s: int
    day: date | None = None
    end_s: int | None = None


_CLOCK = r"(\d{1,2})\s*[:点时]\s*(\d{2})?(?:\s*[:分]\s*(\d{2})秒?)?分?"
_DATE = r"(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?"
_CLOCK_CELL = re.compile(
    rf"(?:{_DATE}\s+)?{_CLOCK}(?:\s*(?:-|~|–|—|至|到|to)\s*{_CLOCK})?", re.IGNORECASE
)


def _seconds(hours: str, minutes: str | None, seconds: str | None) -> int:
    h, m, s = int(hours), int(minutes or 0), int(seconds or 0)
    if h > 24 or m >= 60 or s >= 60:
        raise ValueError
    return h * 3600 + m * 60 + s


def _meridiem(text: str) -> tuple[str, int]:
    """ "8:00 pm" -> ("8:00", 12 h); 12 am is midnight and 12 pm noon. A range with am/pm is
    left as it is (and refused as no clock time)."""
    match = re.fullmatch(r"((\d{1,2})(?::\d{2}){0,2})\s*([ap])\.?m\.?", text)
    if not match:
        return text, 0
    clock, hour, half = match.groups()
    if hour == "12":
        return clock, -12 * 3600 if half == "a" else 0
    return clock, 12 * 3600 if half == "p" else 0


def read_clock(cell: object, year: int) -> Clock | None:
    """A start time: 20:05, 20:05:30, 20点05分, 20:00-20:05, 2026-11-11 20:00, an Excel time or
    date-time. `year` completes a date written without one (11-11 20:00)."""
    if isinstance(cell, datetime):
        return Clock(cell.hour * 3600 + cell.minute * 60 + cell.second, cell.date())
    if isinstance(cell, time):
        return Clock(cell.hour * 3600 + cell.minute * 60 + cell.second)
    if isinstance(cell, bool):
        raise CellValueError(cell, EXPECTED_CLOCK)
    if isinstance(cell, (int, float)) and 0 <= cell < 1:
        return Clock(round(cell * DAY_S) % DAY_S)  # Excel keeps a time as a fraction of a day
    text = _normal(text_of(cell)).replace("点半", ":30")
    if not text:
        return None
    text, afternoon = _meridiem(text)
    match = _CLOCK_CELL.fullmatch(text)
    if not match or isinstance(cell, (int, float)):
        raise CellValueError(cell, EXPECTED_CLOCK)
    y, mo, d, h1, m1, s1, h2, m2, s2 = match.groups()
    try:
        start = _seconds(h1, m1, s1) + afternoon
        end = _seconds(h2, m2, s2) + afternoon if h2 is not None else None
        if start > DAY_S or (end is not None and end > DAY_S):
            raise ValueError(text)  # 13:00 pm
        day = date(int(y) if y else year, int(mo), int(d)) if mo else None
    except ValueError:
        raise CellValueError(cell, EXPECTED_CLOCK) from None
    return Clock(start, day, end)


MAX_PRICE_FEN = 100_000_000_00  # 100 million yuan: beyond any price or budget of a show
MAX_COUNT = 1_000_000_000
_PER_UNIT = re.compile(r"\s*/\s*(?:件|个|张|份|套|台|盒|瓶|支|pcs|unit)$", re.IGNORECASE)


def read_price(cell: object) -> int | None:
    """Fen from 59, 59.9, ¥59.90, 59元, ¥59/件, "-" (None)."""
    if isinstance(cell, bool):
        raise CellValueError(cell, EXPECTED_PRICE)
    if isinstance(cell, str):
        cell = _PER_UNIT.sub("", unicodedata.normalize("NFKC", cell).replace("RMB", "").strip())
    try:
        amount = parse_number(cell)
    except CellError:
        raise CellValueError(cell, EXPECTED_PRICE) from None
    if amount is None:
        return None
    try:
        fen = yuan_to_fen(amount)
    except ValueError:
        raise CellValueError(cell, EXPECTED_PRICE) from None
    if not 0 <= fen <= MAX_PRICE_FEN:
        raise CellValueError(cell, EXPECTED_PRICE)
    return fen


_COUNT_UNITS = re.compile(r"\s*(?:件|个|张|份|套|台|盒|瓶|支|pcs|units?)$", re.IGNORECASE)


def read_count(cell: object) -> int | None:
    """A whole number of units: 300, 1,000, 300件, 1.2万."""
    if isinstance(cell, bool):
        raise CellValueError(cell, EXPECTED_COUNT)
    if isinstance(cell, str):
        cell = _COUNT_UNITS.sub("", unicodedata.normalize("NFKC", cell).strip())
    try:
        amount = parse_number(cell)
    except CellError:
        raise CellValueError(cell, EXPECTED_COUNT) from None
    if amount is None:
        return None
    if not amount.is_finite() or not 0 <= amount <= MAX_COUNT or amount % 1:
        raise CellValueError(cell, EXPECTED_COUNT)
    return int(amount)


_NAME_SPLIT = re.compile(r"\s*[、/,，&＆]\s*|\s+(?:and|和)\s+|\s*和\s*")
# A name: Chinese of 1 to 4 characters (上官婉儿), or Latin words with an optional number
# ("Amy Chen", "Host 2"); anything longer, or with an action in it, is what the role does.
_CJK_NAME = re.compile(r"[\u3400-\u9fff·]{1,4}")
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z.'-]*(?: [A-Za-z][A-Za-z.'-]*){0,3}(?: \d{1,2})?")
_ACTIONS = re.compile(
    r"发券|发放|发福袋|福袋|上架|下架|上链接|上库存|改价|弹窗|弹券|推送|置顶|回复|提醒|配合|"
    r"切换|补货|补库存|催单|核对|盯|控评|开奖|抽奖|讲解|报价|报数|库存|链接|口播|喊单|开播|下播|"
    r"引导|互动|答疑|控场|播报|改"
)
_VERBS = frozenset(
    {
        "change", "push", "release", "pin", "post", "reply", "remind", "drop", "launch", "list",
        "update", "check", "watch", "send", "switch", "show", "start", "stop", "open", "close",
        "add", "remove", "raise", "lower", "announce", "prepare",
    }
)  # fmt: skip
MAX_NAME = 30
DITTO = frozenset({"同上", "同前", "ditto", "same", "〃"})  # "the same as the row above"
UNDECIDED = frozenset({"待定", "未定", "tbd", "tba"})


def _is_name(part: str) -> bool:
    if _CJK_NAME.fullmatch(part):
        return not _ACTIONS.search(part)
    return bool(_LATIN_NAME.fullmatch(part)) and part.split()[0].lower() not in _VERBS


def names_or_cue(text: str, known: frozenset[str] = frozenset()) -> tuple[list[str], str]:
    """A role cell holds people ("小美", "小美/阿杰", "Amy Chen") or, in many sheets, what that
    role does ("上架2号链接，弹券"). Names when every part is a known person or looks like a
    name; a cue otherwise."""
    text = text.strip()
    if text in known:
        return [text], ""
    parts = [p for p in _NAME_SPLIT.split(text) if p]
    if parts and all(len(p) <= MAX_NAME and (p in known or _is_name(p)) for p in parts):
        return parts, ""
    return [], text
