"""What a producer types into a cell, read strictly: a clear refusal (a code and its figures)
for anything unclear."""

import re
import unicodedata
from datetime import datetime
from decimal import Decimal

from liveplanner.core.money import UNITS, yuan_to_fen
from liveplanner.core.plan import (
    FIRST_SHOW_TIME,
    LAST_SHOW_TIME,
    MAX_SEGMENT_S,
    MAX_SEGMENTS,
    in_show_years,
    shown_time,
)
from liveplanner.core.refused import Refused
from liveplanner.core.schedule import parse_duration

# Digits with optional thousands separators in their right places: 1234, 1,234, 12,345,678.
_WHOLE = r"(?:\d{1,3}(?:,\d{3})+|\d+)"
_AMOUNT = re.compile(rf"{_WHOLE}(?:\.\d+)?")
_COUNT = re.compile(_WHOLE)


def _normalise(text: str) -> str:
    # Full-width digits and punctuation (１９.９, ：) as typed with a Chinese input method.
    return unicodedata.normalize("NFKC", text).strip()


def parse_money(text: str) -> int | None:
    """'19.9', '¥1,299', '100万', '1.2亿', '' -> fen, or None for an empty cell. The units
    (万, 亿, w) are the ones the export reader takes, so a target reads as an export writes it."""
    cleaned = _normalise(text).lstrip("¥").strip()  # NFKC has made ￥ into ¥
    if not cleaned:
        return None
    scale = UNITS.get(cleaned[-1], Decimal(1))
    if scale != 1:
        cleaned = cleaned[:-1].rstrip()
    if not _AMOUNT.fullmatch(cleaned):
        raise Refused(
            f"{text!r} is not an amount in yuan; expected a number such as 19.9",
            "input.not_money",
            text=text,
        )
    try:
        return yuan_to_fen(Decimal(cleaned.replace(",", "")) * scale)
    except ValueError:
        raise Refused(
            f"{text!r} has more than two decimals; expected such as 19.99",
            "input.money_decimals",
            text=text,
        ) from None


def parse_count(text: str) -> int | None:
    """'500', '1,000', '' -> a whole number of at least 0, or None for an empty cell."""
    cleaned = _normalise(text)
    if not cleaned:
        return None
    if not _COUNT.fullmatch(cleaned):
        raise Refused(
            f"{text!r} is not a whole number; expected a count such as 500",
            "input.not_count",
            text=text,
        )
    return int(cleaned.replace(",", ""))


def parse_percent(text: str) -> int | None:
    """'60', '12.5%' -> basis points, or None for an empty cell."""
    cleaned = _normalise(text).rstrip("%").strip()
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise Refused(
            f"{text!r} is not a percentage; expected a number such as 60",
            "input.not_percent",
            text=text,
        ) from None
    if not 0 <= value <= 100:
        raise Refused(
            f"{text!r}: a percentage is between 0 and 100", "input.percent_range", text=text
        )
    return round(value * 100)


def parse_segment_duration(text: str) -> int:
    """'5' (minutes), '5:30', '1:02:00' -> seconds, at most a day."""
    seconds = parse_duration(_normalise(text))
    if seconds > MAX_SEGMENT_S:
        raise Refused(
            f"{text!r} is longer than a day; expected minutes, m:ss or h:mm:ss",
            "input.length_over_day",
            text=text,
        )
    return seconds


def parse_offset(text: str) -> int:
    """When in a segment a cue or release comes: '0:30', '1:15:00', or plain seconds ('45')."""
    cleaned = _normalise(text) or "0"
    if cleaned.isdecimal() and int(cleaned) <= MAX_SEGMENT_S:
        return int(cleaned)
    if cleaned.isdecimal():
        raise _offset_over_day(text)
    seconds = parse_duration(cleaned)
    if ":" not in cleaned:
        raise Refused(
            f"{text!r} is not a time in the segment; expected m:ss such as 0:30",
            "input.not_offset",
            text=text,
        )
    if seconds > MAX_SEGMENT_S:
        raise _offset_over_day(text)
    return seconds


def _offset_over_day(text: str) -> Refused:
    return Refused(
        f"{text!r} is more than a day into the segment; no segment runs a day",
        "input.offset_over_day",
        text=text,
    )


def check_show_time(moment: datetime) -> datetime:
    """`moment` if a show can have it, else ValueError saying the years a show can have."""
    if not in_show_years(moment):
        first, last = FIRST_SHOW_TIME.year, LAST_SHOW_TIME.year - 1
        raise Refused(
            f"{shown_time(moment)} is not a time a show can have; expected a time in the years "
            f"{first} to {last}",
            "input.show_time_years",
            time=shown_time(moment),
            first=first,
            last=last,
        )
    return moment


def check_segment_length(seconds: int) -> int:
    """A segment's length in seconds if a show can have it (0 to a day), else ValueError."""
    if not 0 <= seconds <= MAX_SEGMENT_S:
        raise Refused(
            f"a segment of {seconds} s: a segment lasts 0 to {MAX_SEGMENT_S} s (a day)",
            "input.segment_length",
            seconds=seconds,
            most=MAX_SEGMENT_S,
        )
    return seconds


def check_segment_count(count: int) -> int:
    """How many segments a show would have, if it can, else ValueError."""
    if count > MAX_SEGMENTS:
        raise Refused(
            f"a show holds at most {MAX_SEGMENTS} segments; this one would have {count}",
            "input.segment_count",
            most=MAX_SEGMENTS,
            count=count,
        )
    return count


# A target's ROI (投产比), GMV per yuan of ad spend: '3.5', '3.5x', '3.5倍'; at most this.
MAX_RATIO = 10_000
_RATIO = re.compile(r"(\d+(?:\.\d{1,4})?|\.\d{1,4})\s*(?:x|×|倍)?", re.IGNORECASE)


def parse_ratio(text: str) -> int | None:
    """'3.5', '3.5x' -> basis points of the ratio (35000), or None for an empty cell."""
    cleaned = _normalise(text)
    if not cleaned:
        return None
    found = _RATIO.fullmatch(cleaned)
    if found is None:
        raise Refused(
            f"{text!r} is not a ratio; expected a number such as 3.5 (GMV per yuan spent)",
            "input.not_ratio",
            text=text,
        )
    value = Decimal(found.group(1))
    if value > MAX_RATIO:
        raise Refused(
            f"{text!r}: a ratio is at most {MAX_RATIO}", "input.ratio_range", text=text,
            most=MAX_RATIO,
        )  # fmt: skip
    return int(value * 10_000)


# A watch time: '90', '90 s', '90秒' (seconds) or '1:30' (m:ss), at most a day.
MAX_WATCH_S = 86_400
_SECONDS = re.compile(r"(\d+)\s*(?:s|sec|secs|seconds?|秒)?", re.IGNORECASE)


def parse_watch_time(text: str) -> int | None:
    """'90', '90 s', '1:30', '1:02:00' -> seconds, or None for an empty cell."""
    cleaned = _normalise(text)
    if not cleaned:
        return None
    if ":" in cleaned:
        try:
            seconds = parse_duration(cleaned)
        except Refused:
            seconds = None
    else:
        found = _SECONDS.fullmatch(cleaned)
        seconds = int(found.group(1)) if found else None
    if seconds is None:
        raise Refused(
            f"{text!r} is not a watch time; expected seconds (90 s) or m:ss (1:30)",
            "input.not_watch_time",
            text=text,
        )
    if seconds > MAX_WATCH_S:
        raise Refused(
            f"{text!r} is longer than a day; no one watches that long",
            "input.watch_over_day",
            text=text,
        )
    return seconds


def printable(text: str) -> bool:
    """No control or invisible format characters (a newline, \x01, a zero-width space): a name
    shown in a list and typed again on the command line must read as it is."""
    return not any(unicodedata.category(c) in ("Cc", "Cf") for c in text)
