"""Planned clock times, totals and content mix of a show, derived from its segments."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from liveplanner.core.enums import CATEGORY_OF_KIND, ContentCategory, SegmentKind
from liveplanner.core.plan import Segment, ShowPlan
from liveplanner.core.refused import Refused


@dataclass(frozen=True, slots=True)
class Slot:
    """Where one segment falls on the clock. Times are aware, in the show's time zone."""

    segment_id: int
    position: int  # 1-based, as people count
    offset_s: int  # seconds from the show's start
    duration_s: int
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class Schedule:
    slots: tuple[Slot, ...]
    start: datetime
    end: datetime
    total_s: int


def offsets(durations: Iterable[int]) -> list[int]:
    """Each segment's start in seconds from the show's start."""
    result, at = [], 0
    for duration in durations:
        result.append(at)
        at += duration
    return result


def schedule(plan: ShowPlan) -> Schedule:
    """Clock times of every segment, laid end to end from the planned start."""
    zone = ZoneInfo(plan.show.time_zone)
    # Arithmetic in UTC, then shown in the show's zone, so a DST change cannot shift a segment.
    start_utc = plan.show.planned_start.astimezone(UTC)
    slots = []
    at = 0
    for position, segment in enumerate(plan.segments, start=1):
        slots.append(
            Slot(
                segment_id=segment.id,
                position=position,
                offset_s=at,
                duration_s=segment.duration_s,
                start=(start_utc + timedelta(seconds=at)).astimezone(zone),
                end=(start_utc + timedelta(seconds=at + segment.duration_s)).astimezone(zone),
            )
        )
        at += segment.duration_s
    return Schedule(
        slots=tuple(slots),
        start=start_utc.astimezone(zone),
        end=(start_utc + timedelta(seconds=at)).astimezone(zone),
        total_s=at,
    )


def content_mix(segments: Sequence[Segment]) -> dict[SegmentKind, float]:
    """Share of the show's time per segment kind (0..1), in the order kinds are declared."""
    total = sum(s.duration_s for s in segments)
    if total == 0:
        return {}
    seconds = dict.fromkeys(SegmentKind, 0)
    for segment in segments:
        seconds[segment.kind] += segment.duration_s
    return {kind: s / total for kind, s in seconds.items() if s}


def category_mix(segments: Sequence[Segment]) -> dict[ContentCategory, float]:
    """Share of time in showcase, promotion, interaction and other (the campaign's target mix)."""
    shares = dict.fromkeys(ContentCategory, 0.0)
    for kind, share in content_mix(segments).items():
        shares[CATEGORY_OF_KIND[kind]] += share
    return shares


def format_duration(seconds: int) -> str:
    """90 -> '1:30', 3720 -> '1:02:00'; negative durations keep their sign."""
    sign = "-" if seconds < 0 else ""
    minutes, secs = divmod(abs(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


def parse_duration(text: str) -> int:
    """'5' (minutes), '5:30', '1:02:00' -> seconds. ValueError says what was expected."""
    parts = text.strip().split(":")
    expected = "expected minutes (5), m:ss (5:30) or h:mm:ss (1:02:00)"
    if not 1 <= len(parts) <= 3 or not all(p.strip().isdecimal() for p in parts):
        raise Refused(f"not a duration: {text!r}; {expected}", "input.not_duration", text=text)
    numbers = [int(p) for p in parts]
    if len(numbers) == 1:
        return numbers[0] * 60
    if any(n >= 60 for n in numbers[1:]):
        raise Refused(
            f"minutes and seconds must be under 60 in {text!r}; {expected}",
            "input.duration_sixty",
            text=text,
        )
    if len(numbers) == 2:
        return numbers[0] * 60 + numbers[1]
    return numbers[0] * 3600 + numbers[1] * 60 + numbers[2]
