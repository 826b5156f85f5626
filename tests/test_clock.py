"""The segment timer on a fake clock: exact times over hours, pauses, overtime, jumps, resume."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liveplanner.core.clock import (
    Level,
    Phase,
    SegmentTimer,
    TimerSegment,
    actual_segments,
    resume,
)
from liveplanner.core.enums import RunEventKind
from liveplanner.core.runlog import RunEvent

T0 = datetime(2026, 11, 11, 11, 30, tzinfo=UTC)


@dataclass
class FakeClock:
    """Monotonic and wall time that move only when the test says so."""

    mono: float = 1000.0
    wall_shift: float = 0.0  # a wall-clock jump the monotonic clock does not see

    def now(self) -> float:
        return self.mono

    def wall(self) -> datetime:
        return T0 + timedelta(seconds=self.mono - 1000.0 + self.wall_shift)

    def advance(self, seconds: float) -> None:
        self.mono += seconds


def timer_for(*lengths: int, clock: FakeClock | None = None) -> tuple[SegmentTimer, FakeClock]:
    clock = clock or FakeClock()
    segments = [TimerSegment(i + 1, f"s{i + 1}", length) for i, length in enumerate(lengths)]
    return SegmentTimer(segments, clock.now, clock.wall), clock


def test_a_four_hour_run_has_no_drift_and_exact_over_under() -> None:
    lengths = [600] * 24  # 4 hours
    timer, clock = timer_for(*lengths)
    timer.start()
    for _segment in range(24):
        # Every segment runs 7 s over, read 1,000 times on the way (a display at work).
        for _ in range(1000):
            clock.advance(0.607)
            timer.read()
        assert timer.read().elapsed_s == pytest.approx(607.0, abs=1e-6)
        timer.next()
    reading = timer.read()
    assert reading.phase is Phase.FINISHED
    assert reading.show_elapsed_s == pytest.approx(24 * 607, abs=1e-6)
    assert reading.over_under_s == pytest.approx(24 * 7, abs=1e-6)


def test_a_stalled_display_loses_no_time() -> None:
    timer, clock = timer_for(300)
    timer.start()
    clock.advance(2.5)  # the event loop froze; nobody read the timer
    assert timer.read().remaining_s == pytest.approx(297.5)


def test_levels_follow_the_time_left() -> None:
    timer, clock = timer_for(60)
    timer.start()
    assert timer.read().level is Level.NORMAL
    clock.advance(30)
    assert timer.read().level is Level.WARNING  # 30 s left
    clock.advance(20)
    assert timer.read().level is Level.DANGER  # 10 s left
    clock.advance(15)
    reading = timer.read()
    assert (reading.level, reading.phase, reading.remaining_s) == (
        Level.OVERTIME,
        Phase.OVERTIME,
        -5,
    )


def test_pauses_stop_the_segment_but_not_the_show() -> None:
    timer, clock = timer_for(300, 300)
    timer.start()
    clock.advance(100)
    assert [e.kind for e in timer.pause()] == [RunEventKind.PAUSED]
    clock.advance(50)
    paused = timer.read()
    assert (paused.phase, paused.elapsed_s, paused.show_elapsed_s) == (Phase.PAUSED, 100, 150)
    assert paused.over_under_s == 50  # the audience waited 50 s: the show will end 50 s late
    timer.resume()
    clock.advance(10)
    assert timer.read().elapsed_s == 110


def test_space_starts_pauses_and_resumes() -> None:
    timer, _ = timer_for(60)
    assert [e.kind for e in timer.toggle()] == [RunEventKind.STARTED, RunEventKind.SEGMENT_STARTED]
    assert timer.toggle()[0].kind is RunEventKind.PAUSED
    assert timer.toggle()[0].kind is RunEventKind.RESUMED


def test_next_previous_skip_and_jump() -> None:
    timer, clock = timer_for(60, 60, 60, 60)
    timer.start()
    clock.advance(20)
    assert [(e.kind, e.segment_index) for e in timer.next()] == [(RunEventKind.SEGMENT_STARTED, 1)]
    clock.advance(5)
    timer.previous()  # back to the first: its 20 s are still there
    clock.advance(1)
    assert timer.read().elapsed_s == 21
    skip = timer.skip()
    assert [(e.kind, e.segment_index) for e in skip] == [
        (RunEventKind.SKIPPED, 0),
        (RunEventKind.SEGMENT_STARTED, 1),
    ]
    assert [e.segment_index for e in timer.jump(3)] == [3]
    assert timer.next()[0].kind is RunEventKind.ENDED  # past the last segment: the end
    assert timer.read().phase is Phase.FINISHED


def test_adding_and_removing_time() -> None:
    timer, clock = timer_for(60)
    assert timer.add(30) == []  # nothing to add to before the start
    timer.start()
    event = timer.add(30)[0]
    assert (event.kind, event.seconds) == (RunEventKind.TIME_ADDED, 30)
    timer.add(-10)
    clock.advance(5)
    assert timer.read().remaining_s == 75


def test_projected_end_and_over_under_count_what_is_left() -> None:
    timer, clock = timer_for(600, 600)
    timer.start()
    clock.advance(100)
    reading = timer.read()
    assert reading.projected_end == T0 + timedelta(seconds=1200)
    clock.advance(560)  # 60 s over in the first segment
    assert timer.read().over_under_s == 60
    assert timer.read().projected_end == T0 + timedelta(seconds=1260)


def test_a_wall_clock_jump_is_noticed_once() -> None:
    timer, clock = timer_for(600)
    timer.start()
    clock.advance(10)
    assert timer.check_clocks() == []
    clock.wall_shift = 3600  # someone set the computer's clock an hour ahead
    (jump,) = timer.check_clocks()
    assert (jump.kind, jump.seconds) == (RunEventKind.CLOCK_JUMP, 3600)
    assert timer.check_clocks() == []
    assert timer.read().elapsed_s == 10  # the timer kept to the monotonic clock


def logged(events: list) -> list[RunEvent]:
    return [
        RunEvent(i, e.kind, e.wall, e.monotonic_s, e.segment_id, e.segment_index, e.seconds, e.text)
        for i, e in enumerate(events)
    ]


def test_an_interrupted_run_resumes_where_the_show_is_now() -> None:
    timer, clock = timer_for(300, 300, 300)
    log = timer.start()
    clock.advance(310)
    log += timer.next()
    clock.advance(40)
    log += timer.add(30)
    clock.advance(20)
    # The app dies here, 60 s into segment 2. It is back 45 s later, on a new monotonic clock.
    clock.advance(45)
    later = FakeClock(
        mono=5.0, wall_shift=clock.wall().timestamp() - (T0.timestamp() + 5.0 - 1000.0)
    )
    resumed = resume(timer.segments, logged(log), later.now, later.wall)
    reading = resumed.read()
    assert (reading.index, reading.phase) == (1, Phase.RUNNING)
    assert reading.elapsed_s == pytest.approx(105)
    assert reading.allowed_s == 330
    later.advance(10)
    assert resumed.read().elapsed_s == pytest.approx(115)


def test_actual_segments_from_a_log() -> None:
    timer, clock = timer_for(300, 300, 300)
    log = timer.start()
    clock.advance(320)
    log += timer.next()
    clock.advance(100)
    log += timer.pause()
    clock.advance(60)
    log += timer.resume()
    clock.advance(150)
    log += timer.skip()
    clock.advance(5)
    log += timer.end()
    actual = actual_segments(timer.segments, logged(log))
    assert [(a.index, a.running_s) for a in actual] == [(0, 320), (1, 250), (2, 5)]
    assert actual[1].first_start == T0 + timedelta(seconds=320)


@given(
    st.lists(st.sampled_from(["wait", "toggle", "next", "previous", "add", "skip"]), max_size=60)
)
def test_elapsed_never_exceeds_the_time_that_passed(actions: list[str]) -> None:
    timer, clock = timer_for(120, 60, 90)
    passed = 0.0
    for action in actions:
        if action == "wait":
            clock.advance(7.5)
            running = timer.show_started is not None and timer.show_ended is None
            passed += 7.5 if running else 0
        elif action == "add":
            timer.add(30)
        else:
            getattr(timer, action)()
        reading = timer.read()
        assert reading.show_elapsed_s == pytest.approx(passed)
        assert 0 <= reading.elapsed_s <= passed + 1e-9
