"""What a producer types into a cell, read strictly: a clear message for anything unclear."""

import re
import unicodedata

from liveplanner.core.money import yuan_to_fen
from liveplanner.core.schedule import parse_duration

MAX_DURATION_S = 24 * 3600  # no segment of a show runs a day
# Digits with optional thousands separators in their right places: 1234, 1,234, 12,345,678.
_WHOLE = r"(?:\d{1,3}(?:,\d{3})+|\d+)"
_AMOUNT = re.compile(rf"{_WHOLE}(?:\.\d+)?")
_COUNT = re.compile(_WHOLE)


def _normalise(text: str) -> str:
    # Full-width digits and punctuation (１９.９, ：) as typed with a Chinese input method.
    return unicodedata.normalize("NFKC", text).strip()


def parse_money(text: str) -> int | None:
    """'19.9', '¥1,299', '' -> fen, or None for an empty cell."""
    cleaned = _normalise(text).lstrip("¥").strip()  # NFKC has made ￥ into ¥
    if not cleaned:
        return None
    if not _AMOUNT.fullmatch(cleaned):
        raise ValueError(f"{text!r} is not an amount in yuan; expected a number such as 19.9")
    try:
        return yuan_to_fen(cleaned.replace(",", ""))
    except ValueError:
        raise ValueError(f"{text!r} has more than two decimals; expected such as 19.99") from None


def parse_count(text: str) -> int | None:
    """'500', '1,000', '' -> a whole number of at least 0, or None for an empty cell."""
    cleaned = _normalise(text)
    if not cleaned:
        return None
    if not _COUNT.fullmatch(cleaned):
        raise ValueError(f"{text!r} is not a whole number; expected a count such as 500")
    return int(cleaned.replace(",", ""))


def parse_percent(text: str) -> int | None:
    """'60', '12.5%' -> basis points, or None for an empty cell."""
    cleaned = _normalise(text).rstrip("%").strip()
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(f"{text!r} is not a percentage; expected a number such as 60") from None
    if not 0 <= value <= 100:
        raise ValueError(f"{text!r}: a percentage is between 0 and 100")
    return round(value * 100)


def parse_segment_duration(text: str) -> int:
    """'5' (minutes), '5:30', '1:02:00' -> seconds, at most a day."""
    seconds = parse_duration(_normalise(text))
    if seconds > MAX_DURATION_S:
        raise ValueError(f"{text!r} is longer than a day; expected minutes, m:ss or h:mm:ss")
    return seconds


def parse_offset(text: str) -> int:
    """When in a segment a cue or release comes: '0:30', '1:15:00', or plain seconds ('45')."""
    cleaned = _normalise(text) or "0"
    if cleaned.isdecimal():
        return int(cleaned)
    seconds = parse_duration(cleaned)
    if ":" not in cleaned:
        raise ValueError(f"{text!r} is not a time in the segment; expected m:ss such as 0:30")
    return seconds
