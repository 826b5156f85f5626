"""A run log replayed on the run's own clock, whatever the log holds: damaged rows, logs of an
older version, wall times no show can have. Nothing raises and every figure is in range."""

import math
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from liveplanner.core.clock import MAX_ALLOWED_S, TimerSegment, actual_segments, as_positions_of
from liveplanner.core.enums import RunEventKind, SegmentKind
from liveplanner.core.plan import Segment, Show, ShowPlan
from liveplanner.core.review_spans import actual_spans
from liveplanner.core.run_timeline import EARLIEST, LATEST, MAX_RUN_S, run_moments, run_seconds
from liveplanner.core.runlog import RunEvent

T0 = datetime(2026, 11, 11, 12, 0, tzinfo=UTC)
SEGMENTS = [TimerSegment(i + 1, f"s{i + 1}", 300) for i in range(3)]
PLAN = ShowPlan(
    show=Show(1, "Show", T0),
    segments=tuple(Segment(s.id, SegmentKind.OTHER, s.title, s.planned_s) for s in SEGMENTS),
)


def event(
    seq: int,
    kind: RunEventKind,
    wall_s: float,
    mono: float,
    position: int | None = None,
    seconds: int | None = None,
) -> RunEvent:
    segment = None if position is None else position + 1
    return RunEvent(seq, kind, T0 + timedelta(seconds=wall_s), mono, segment, position, seconds)


def started(wall_s: float = 0, mono: float = 100.0) -> list[RunEvent]:
    return [
        event(0, RunEventKind.STARTED, wall_s, mono, 0),
        event(1, RunEventKind.SEGMENT_STARTED, wall_s, mono, 0),
    ]


def test_a_wall_clock_set_back_mid_show_moves_no_review_span() -> None:
    log = [
        *started(),
        event(2, RunEventKind.SEGMENT_STARTED, 200 - 3600, 300.0, 1),  # set back an hour first
        event(3, RunEventKind.CLOCK_JUMP, 200.1 - 3600, 300.1, 1, -3600),
        event(4, RunEventKind.ENDED, 300 - 3600, 400.0),
    ]
    spans = actual_spans(PLAN, log)
    assert [(s.segment_id, (s.end - s.start).total_seconds()) for s in spans] == [
        (1, 200),
        (2, 100),
    ]
    assert spans[0].start == T0  # the run's clock is anchored where it began
    assert [a.running_s for a in actual_segments(SEGMENTS, log)] == [200, 100, 0]


def test_monotonic_times_a_damaged_row_cannot_hold_count_what_the_wall_clock_says() -> None:
    log = [
        *started(),
        event(2, RunEventKind.NOTE, 50, math.nan, 0),
        event(3, RunEventKind.SEGMENT_STARTED, 120, math.inf, 1),
        event(4, RunEventKind.ENDED, 150, 150.0),  # the step from infinity is no measure either
    ]
    assert run_seconds(log) == [0, 0, 50, 120, 150]
    assert [a.running_s for a in actual_segments(SEGMENTS, log)] == [120, 30, 0]


def test_a_damaged_monotonic_time_is_held_to_a_week_and_nothing_after_it_runs_backwards() -> None:
    log = [*started(), event(2, RunEventKind.SEGMENT_STARTED, 10, 1e300, 1)]
    log.append(event(3, RunEventKind.ENDED, 20, 1e300 + 10))
    assert run_seconds(log)[-2:] == [MAX_RUN_S, MAX_RUN_S]
    first, second, _ = actual_segments(SEGMENTS, log)
    assert (first.running_s, second.running_s) == (MAX_RUN_S, 0)


def test_wall_times_no_show_can_have_neither_anchor_the_run_nor_measure_a_gap() -> None:
    unset = datetime(1970, 1, 1, tzinfo=UTC)  # the computer's clock before it was set
    damaged = datetime(9999, 12, 31, tzinfo=UTC)
    log = [
        RunEvent(0, RunEventKind.STARTED, unset, 5.0, 1, 0),
        RunEvent(1, RunEventKind.SEGMENT_STARTED, unset, 5.0, 1, 0),
        event(2, RunEventKind.NOTE, 60, 65.0, 0),  # set by now
        RunEvent(3, RunEventKind.STARTED, damaged, 2.0, 1, 0),  # reopened: no gap to measure
        RunEvent(4, RunEventKind.SEGMENT_STARTED, damaged, 3.0, 2, 1),
        event(5, RunEventKind.STARTED, 4000, 1.0, 1),  # reopened again: nor from 9999
    ]
    assert run_seconds(log) == [0, 0, 60, 60, 61, 61]
    moments = run_moments(log)
    assert moments[0] == T0  # anchored by the first wall time a show can have
    spans = actual_spans(PLAN, log)
    assert spans and all(T0 <= s.start <= s.end < T0 + timedelta(days=30) for s in spans)


def test_time_added_in_a_damaged_log_is_bounded() -> None:
    log = [*started(), event(2, RunEventKind.TIME_ADDED, 10, 110.0, 0, 10**18)]
    log.append(event(3, RunEventKind.TIME_ADDED, 11, 111.0, 0, -(2**63)))
    log.append(event(4, RunEventKind.TIME_ADDED, 12, 112.0, 0, 2**31))
    (first, *_) = actual_segments(SEGMENTS, log)
    assert first.added_s == MAX_ALLOWED_S - 300


def test_events_of_a_segment_the_plan_no_longer_has_go_to_no_segment() -> None:
    gone = RunEvent(2, RunEventKind.SEGMENT_STARTED, T0 + timedelta(seconds=30), 130.0, 99, None)
    log = [*started(), gone, event(3, RunEventKind.SEGMENT_STARTED, 90, 190.0, 1)]
    moved = as_positions_of(PLAN, log)  # was KeyError
    assert [a.running_s for a in actual_segments(SEGMENTS, moved)] == [30, 0, 0]


RECORDED = st.builds(
    lambda kind, wall, mono, position, seconds: (kind, wall, mono, position, seconds),
    st.sampled_from(list(RunEventKind)),
    st.one_of(
        st.floats(-1e3, 1e5).map(lambda s: T0 + timedelta(seconds=s)),
        st.datetimes(timezones=st.just(UTC)),  # any, year 1 to 9999
    ),
    st.floats(allow_nan=True, allow_infinity=True),
    st.one_of(st.none(), st.integers(-5, 5), st.integers(-(2**63), 2**63)),
    st.one_of(st.none(), st.integers(-(2**63), 2**63)),
)


@given(st.lists(RECORDED, max_size=40))
def test_any_log_replays_without_error_and_in_range(rows: list) -> None:
    log = [
        RunEvent(
            seq,
            kind,
            wall,
            mono,
            None if position is None else position + 1,
            position,
            seconds,
        )
        for seq, (kind, wall, mono, position, seconds) in enumerate(rows)
    ]
    seconds = run_seconds(log)
    assert all(0 <= a <= b <= MAX_RUN_S for a, b in zip([0.0, *seconds], seconds, strict=False))
    actual = actual_segments(SEGMENTS, as_positions_of(PLAN, log))
    assert all(0 <= a.running_s <= MAX_RUN_S for a in actual)
    assert all(0 <= 300 + a.added_s <= MAX_ALLOWED_S for a in actual)
    week = timedelta(seconds=MAX_RUN_S)
    assert all(EARLIEST - week <= moment <= LATEST + week for moment in run_moments(log))
    spans = actual_spans(PLAN, log)
    assert all(timedelta(0) < s.end - s.start <= week for s in spans)
