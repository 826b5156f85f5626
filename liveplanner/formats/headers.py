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
