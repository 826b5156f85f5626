"""A show's rhythm settings as typed (minutes, a mix such as '40 / 35 / 25') and as stored
(seconds and basis points, by column), read strictly: a refusal naming the values otherwise."""

import re
import unicodedata
from collections.abc import Mapping

from liveplanner.core.inputs import parse_percent
from liveplanner.core.money import BP_PER_WHOLE, format_percent
from liveplanner.core.plan import MAX_SEGMENT_S
from liveplanner.core.refused import Refused
from liveplanner.core.rhythm import mix_text

MAX_MINUTES = MAX_SEGMENT_S // 60  # no rhythm of a show spans more than a day
MIX_COLUMNS = ("rhythm_mix_showcase_bp", "rhythm_mix_promotion_bp", "rhythm_mix_interaction_bp")
# The fewest minutes of each: a rest may be none at all; a stretch or an intro lasts a minute.
LEAST_MINUTES = {
    "rhythm_benefit_every_s": 1,
    "rhythm_benefit_rest_s": 0,
    "rhythm_intro_limit_s": 1,
}
# The shares of a mix are parted by slashes, commas (also the Chinese 、) or spaces.
_MIX_PARTS = re.compile(r"\s*[/,、]\s*|\s+")


def parse_minutes(text: str, least: int = 1) -> int | None:
    """'20' (whole minutes) -> seconds, or None for an empty field (the show keeps the default)."""
    cleaned = unicodedata.normalize("NFKC", text).strip().removesuffix("min").strip()
    if not cleaned:
        return None
    if not cleaned.isdecimal():
        raise Refused(
            f"{text!r} is not a number of minutes; expected whole minutes such as 20",
            "input.not_minutes",
            text=text,
        )
    return _minutes_in_range(int(cleaned), least) * 60


def _minutes_in_range(minutes: int, least: int) -> int:
    if not least <= minutes <= MAX_MINUTES:
        raise Refused(
            f"{minutes} minutes: expected {least} to {MAX_MINUTES}",
            "input.minutes_range",
            minutes=minutes,
            least=least,
            most=MAX_MINUTES,
        )
    return minutes


def parse_mix(text: str) -> tuple[int, int, int] | tuple[None, None, None]:
    """'40 / 35 / 25' -> basis points of showcase, promotion and interaction adding up to 100 %;
    an empty field is no mix of the show's own (the default)."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if not cleaned:
        return None, None, None
    parts = [p for p in _MIX_PARTS.split(cleaned.replace("%", " ")) if p]
    if len(parts) != 3:
        raise Refused(
            f"{text!r} is not a mix; expected three percentages such as 40 / 35 / 25 "
            "(products, promotions, interaction)",
            "input.not_mix",
            text=text,
        )
    showcase, promotion, interaction = (parse_percent(p) or 0 for p in parts)
    return check_mix(showcase, promotion, interaction)


def check_mix(showcase: int, promotion: int, interaction: int) -> tuple[int, int, int]:
    """The mix if its shares add up to 100 %; refused naming them otherwise."""
    total = showcase + promotion + interaction
    if total != BP_PER_WHOLE:
        shares = mix_text((showcase, promotion, interaction))
        raise Refused(
            f"a content mix of {shares} adds up to {format_percent(total)}, not 100%",
            "input.mix_not_100",
            shares=shares,
            total=format_percent(total),
        )
    return showcase, promotion, interaction


def check_rhythm_columns(values: Mapping[str, object]) -> None:
    """Refuse stored rhythm values a show cannot have: minutes out of range, a mix given in part
    or not adding up to 100 %."""
    for column, least in LEAST_MINUTES.items():
        seconds = values.get(column)
        if seconds is None:
            continue
        if not isinstance(seconds, int) or seconds % 60:
            raise Refused(
                f"{seconds!r} is not a number of minutes; expected whole minutes such as 20",
                "input.not_minutes",
                text=str(seconds),
            )
        _minutes_in_range(seconds // 60, least)
    given = [values[c] for c in MIX_COLUMNS if c in values]
    if not given:
        return
    if len(given) < len(MIX_COLUMNS) or (None in given and any(v is not None for v in given)):
        raise Refused(
            "a content mix is set whole: products, promotions and interaction",
            "input.mix_in_part",
        )
    if None in given:
        return
    if not all(isinstance(v, int) and 0 <= v <= BP_PER_WHOLE for v in given):
        raise Refused(
            "a content mix is set whole: products, promotions and interaction",
            "input.mix_in_part",
        )
    showcase, promotion, interaction = (int(str(v)) for v in given)
    check_mix(showcase, promotion, interaction)
