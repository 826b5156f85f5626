"""Column headers as people write them, compared by name: NFKC, lower case, no spaces, and a
unit in brackets set apart, so "成交金额（元）", "成交金额(元)" and "成交金额" are one name.
Metric exports and run sheets both match their columns this way."""

import re
import unicodedata

_UNIT = re.compile(r"[(\[（【]([^)\]）】]*)[)\]）】]$")


def normalise(header: object) -> tuple[str, str]:
    """A header as (name, unit): "成交金额（元）" -> ("成交金额", "元")."""
    text = unicodedata.normalize("NFKC", str(header)).strip().lower()
    text = re.sub(r"\s+", "", text)
    unit = ""
    if match := _UNIT.search(text):
        unit = match.group(1)
        text = text[: match.start()]
    return text, unit


def words(header: object) -> list[str]:
    """The header's Latin words and numbers, lower case, its unit left out:
    "LIVE GMV (USD)" -> ["live", "gmv"]."""
    text = unicodedata.normalize("NFKC", str(header)).strip().lower()
    if match := _UNIT.search(text):
        text = text[: match.start()]
    return re.findall(r"[a-z]+|\d+", text)
