"""Planned clock times, totals, content mix and duration text, without Qt or a database."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liveplanner.core.enums import ContentCategory, SegmentKind
from liveplanner.core.plan import Segment, Show, ShowPlan
from liveplanner.core.schedule import (
    category_mix,
    content_mix,
    format_duration,
    parse_duration,
    schedule,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 11, 11, 19, 30, tzinfo=SHANGHAI)


def plan_of(
    *segments: tuple[SegmentKind, int], start: datetime = START, zone: str = "Asia/Shanghai"
) -> ShowPlan:
    return ShowPlan(
        show=Show(id=1, title="t", planned_start=start, time_zone=zone),
        segments=tuple(
            Segment(id=i, kind=k, title=f"s{i}", duration_s=d)
            for i, (k, d) in enumerate(segments, 1)
        ),
    )


def test_segments_are_laid_end_to_end_from_the_planned_start() -> None:
    plan = plan_of(
        (SegmentKind.OPENING, 300), (SegmentKind.PRODUCT_INTRO, 450), (SegmentKind.CLOSING, 600)
    )
    times = schedule(plan)
    assert [(s.start.strftime("%H:%M:%S"), s.end.strftime("%H:%M:%S")) for s in times.slots] == [
        ("19:30:00", "19:35:00"),
        ("19:35:00", "19:42:30"),
        ("19:42:30", "19:52:30"),
    ]
    assert [s.position for s in times.slots] == [1, 2, 3]
    assert times.total_s == 1350
    assert times.end == START + timedelta(seconds=1350)


def test_times_are_shown_in_the_shows_zone_even_if_the_start_came_in_another() -> None:
    start_utc = datetime(2026, 11, 11, 11, 30, tzinfo=ZoneInfo("UTC"))
    times = schedule(plan_of((SegmentKind.OPENING, 60), start=start_utc))
    assert times.slots[0].start.strftime("%H:%M %Z") == "19:30 CST"


def test_a_dst_change_does_not_stretch_a_segment() -> None:
    # Europe/Berlin leaves summer time at 03:00 on 2026-10-25: a 2-hour show spans it.
    start = datetime(2026, 10, 25, 1, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    times = schedule(
        plan_of(
            (SegmentKind.OPENING, 3600),
            (SegmentKind.CLOSING, 3600),
            start=start,
            zone="Europe/Berlin",
        )
    )
    # Aware datetimes of one zone subtract as wall times, so compare instants in UTC.
    utc = ZoneInfo("UTC")
    assert [
        (s.end.astimezone(utc) - s.start.astimezone(utc)).total_seconds() for s in times.slots
    ] == [
        3600,
        3600,
    ]
    assert times.end.strftime("%H:%M") == "02:30"  # 01:30 CEST + 2 h = 02:30 CET


def test_an_empty_show_ends_when_it_starts() -> None:
    times = schedule(plan_of())
    assert times.total_s == 0 and times.end == START and times.slots == ()


def test_content_mix_is_the_share_of_time_per_kind() -> None:
    plan = plan_of(
        (SegmentKind.PRODUCT_INTRO, 600),
        (SegmentKind.COUPON_DROP, 300),
        (SegmentKind.PRODUCT_INTRO, 300),
        (SegmentKind.QA, 300),
    )
    assert content_mix(plan.segments) == {
        SegmentKind.PRODUCT_INTRO: 0.6,
        SegmentKind.COUPON_DROP: 0.2,
        SegmentKind.QA: 0.2,
    }
    mix = category_mix(plan.segments)
    assert mix[ContentCategory.SHOWCASE] == 0.6
    assert mix[ContentCategory.PROMOTION] == 0.2
    assert mix[ContentCategory.INTERACTION] == 0.2
    assert mix[ContentCategory.OTHER] == 0.0
    assert content_mix(plan_of().segments) == {}


@given(st.lists(st.integers(min_value=0, max_value=4 * 3600), max_size=60))
def test_slots_tile_the_show_without_gaps(durations: list[int]) -> None:
    times = schedule(plan_of(*((SegmentKind.OTHER, d) for d in durations)))
    assert times.total_s == sum(durations)
    ends = [START] + [s.end for s in times.slots]
    assert all(s.start == ends[i] for i, s in enumerate(times.slots))


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("5", 300), ("5:30", 330), ("1:02:00", 3720), ("0:45", 45), ("９０", 5400)],
)
def test_durations_typed_as_minutes_mss_or_hmmss(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "abc", "5:75", "1:2:3:4", "-5", "5.5"])
def test_a_duration_that_is_not_one_is_refused_saying_what_was_expected(text: str) -> None:
    with pytest.raises(ValueError, match="expected minutes"):
        parse_duration(text)


@given(st.integers(min_value=0, max_value=99 * 3600))
def test_formatted_durations_parse_back(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


def test_format_duration() -> None:
    assert format_duration(90) == "1:30"
    assert format_duration(3720) == "1:02:00"
    assert format_duration(-75) == "-1:15"
