"""The segment timer on a fake clock: exact times over hours, pauses, overtime, jumps, resume;
its log replayed on the run's own clock whatever the wall clock did."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liveplanner.core.clock import (
    MAX_ALLOWED_S,
    Level,
    Phase,
    SegmentTimer,
    TimerSegment,
    actual_segments,
    replay,
    resume,
)
from liveplanner.core.enums import RunEventKind
from liveplanner.core.run_timeline import EARLIEST, LATEST, MAX_RUN_S
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


# The run's own clock: replays keep to monotonic time within a session


def test_a_wall_clock_set_back_just_before_a_key_press_takes_nothing_from_the_segment() -> None:
    timer, clock = timer_for(300, 300)
    log = timer.start()
    clock.advance(199.5)
    log += timer.check_clocks()
    clock.wall_shift = -3600  # set back an hour; the display has not ticked since
    clock.advance(0.5)
    log += timer.next()
    log += timer.check_clocks()  # the next tick notices it
    clock.advance(100)
    log += timer.end()
    assert [e.kind for e in log].count(RunEventKind.CLOCK_JUMP) == 1
    first, second = actual_segments(timer.segments, logged(log))
    assert (first.running_s, second.running_s) == (200, 100)  # was -3,400 and 100
    assert second.first_start == T0 + timedelta(seconds=200)


def test_steps_under_the_jump_threshold_add_nothing_over_four_hours() -> None:
    timer, clock = timer_for(*[600] * 24)
    log = timer.start()
    for _ in range(24):
        clock.advance(600)
        clock.wall_shift += 1.9  # too small to be called a jump: never logged
        log += timer.check_clocks()
        log += timer.next()
    assert RunEventKind.CLOCK_JUMP not in [e.kind for e in log]
    actual = actual_segments(timer.segments, logged(log))
    assert [a.running_s for a in actual] == [600] * 24  # not 24 x 1.9 s = 45.6 s more
    done, _ = replay(timer.segments, logged(log))
    assert done.read().show_elapsed_s == 4 * 3600


def crash_and_resume(
    timer: SegmentTimer, log: list, down_s: float, wall_step_s: float
) -> tuple[SegmentTimer, FakeClock]:
    """The app dies after the last logged event, is down `down_s` (the wall clock moved by
    `wall_step_s` meanwhile) and comes back on a new process's monotonic clock."""
    wall = log[-1].wall + timedelta(seconds=down_s + wall_step_s)
    later = FakeClock(mono=5.0, wall_shift=(wall - T0).total_seconds() - (5.0 - 1000.0))
    resumed = resume(timer.segments, logged(log), later.now, later.wall)
    log += resumed.reopen()
    return resumed, later


def test_a_clock_set_back_while_the_app_was_down_never_makes_elapsed_time_negative() -> None:
    timer, clock = timer_for(300, 300)
    log = timer.start()
    clock.advance(100)
    log += timer.add(30)
    resumed, later = crash_and_resume(timer, log, down_s=10, wall_step_s=-3600)
    reading = resumed.read()
    # The wall clock says no time passed while the app was down (it went back): none is counted.
    assert (reading.index, reading.elapsed_s, reading.show_elapsed_s) == (0, 100, 100)  # was -3,490
    later.advance(5)
    log += resumed.next()
    first, second = actual_segments(timer.segments, logged(log))
    assert (first.running_s, second.running_s) == (105, 0)  # `runs` agrees with the timer
    assert log[-2].kind is RunEventKind.STARTED  # the reopened session's mark


def test_a_segment_running_when_the_app_went_down_ran_on_and_a_paused_one_did_not() -> None:
    running, clock = timer_for(300, 300)
    log = running.start()
    clock.advance(20)
    log += running.note("on air")
    resumed, _ = crash_and_resume(running, log, down_s=45, wall_step_s=0)
    assert resumed.read().elapsed_s == 65  # the show went on while the app was down
    paused, clock = timer_for(300, 300)
    log = paused.start()
    clock.advance(20)
    log += paused.pause()
    resumed, _ = crash_and_resume(paused, log, down_s=45, wall_step_s=0)
    reading = resumed.read()
    assert (reading.phase, reading.elapsed_s, reading.show_elapsed_s) == (Phase.PAUSED, 20, 65)


def test_a_log_without_session_marks_from_an_older_version_replays_a_reboot_as_a_new_session() -> (
    None
):
    timer, clock = timer_for(300, 300)
    log = timer.start()
    clock.advance(100)
    log += timer.note("before the crash")
    # An older version resumed without a mark, on a rebooted machine's monotonic clock.
    old = logged(log)
    after = RunEvent(len(old), RunEventKind.SEGMENT_STARTED, T0 + timedelta(seconds=130), 3.0, 2, 1)
    first, second = actual_segments(timer.segments, [*old, after])
    assert (first.running_s, first.completed, second.running_s) == (130, True, 0)


def test_time_added_is_bounded_and_every_read_stays_in_the_calendar() -> None:
    timer, _ = timer_for(600)
    timer.start()
    (added,) = timer.add(10**14)
    assert added.seconds == MAX_ALLOWED_S - 600
    assert timer.add(1) == []  # nothing more to add
    reading = timer.read()  # was OverflowError
    assert reading.allowed_s == MAX_ALLOWED_S and reading.projected_end is not None
    (taken,) = timer.add(-(10**14))
    assert taken.seconds == -MAX_ALLOWED_S and timer.read().allowed_s == 0


def test_fifteen_hundred_segments_of_two_to_the_31_seconds_read_without_overflow() -> None:
    timer, clock = timer_for(*[2**31] * 1500)
    log = timer.start()
    clock.advance(60)
    reading = timer.read()  # was OverflowError
    assert reading.projected_end is None  # no end a host could plan for
    assert reading.over_under_s == 0 and reading.remaining_s == 2**31 - 60
    log += timer.next()
    assert actual_segments(timer.segments, logged(log))[0].running_s == 60


@dataclass
class Machine:
    """A computer whose wall clock can be set to anything and whose app can die."""

    mono: float = 1000.0  # this process's monotonic clock
    true: float = 0.0  # what really passed since the test began
    shift: float = 0.0  # wall clock minus true time

    def now(self) -> float:
        return self.mono

    def wall(self) -> datetime:
        return T0 + timedelta(seconds=self.true + self.shift)


WALL_STEPS = st.one_of(
    st.floats(-1.99, 1.99),  # under the jump threshold: never logged
    st.floats(-86_400, 86_400),
    st.floats(-3e9, 3e9),  # decades, either way
)
WAIT = st.tuples(st.just("wait"), st.floats(0, 3600))
SET_WALL = st.tuples(st.just("set_wall"), WALL_STEPS)
STEPS = st.one_of(
    WAIT,
    WAIT,  # twice as likely: most of a show is time passing
    SET_WALL,
    SET_WALL,
    st.tuples(st.just("tick"), st.none()),
    st.tuples(st.sampled_from(["toggle", "next", "previous", "skip", "end"]), st.none()),
    st.tuples(st.just("add"), st.integers(-(10**15), 10**15)),
    st.tuples(
        st.just("crash"),
        st.tuples(st.floats(0, 86_400), st.floats(0, 1e7), WALL_STEPS),
    ),
)


def _replayed(timer: SegmentTimer, log: list) -> tuple[list[float], float]:
    events = logged(log)
    actual = actual_segments(timer.segments, events)
    done, _ = replay(timer.segments, events)
    return [a.running_s for a in actual], done.read().show_elapsed_s


def _assert_replay_is(timer: SegmentTimer, log: list, running: list[float], show: float) -> None:
    segment_times, show_time = _replayed(timer, log)
    assert all(s >= 0 for s in segment_times)
    if show < MAX_RUN_S:
        assert segment_times == pytest.approx(running, rel=1e-9, abs=1e-6)
        assert show_time == pytest.approx(show, rel=1e-9, abs=1e-6)
    else:  # the run's clock stops at a week: no show runs on that long
        assert sum(segment_times) <= show_time == MAX_RUN_S


def _wall_gap(before: datetime, after: datetime) -> float:
    """What the wall clock says passed while the app was down; nothing when it went back, or
    when either reading is a time no show can have (before 2000 or from 2100)."""
    if not all(EARLIEST <= moment < LATEST for moment in (before, after)):
        return 0.0
    return max((after - before).total_seconds(), 0.0)


@given(st.lists(STEPS, max_size=60))
def test_replays_keep_to_monotonic_time_whatever_the_wall_clock_does(steps: list) -> None:
    """A run's timer actions amid wall-clock steps of every size and app crashes. The oracle counts
    monotonic time into the segment running and into the show; across a crash, what the wall
    clock says passed since the last logged event (the product's rule)."""
    machine = Machine()
    segments = [TimerSegment(i + 1, f"s{i + 1}", length) for i, length in enumerate([120, 60, 90])]
    timer = SegmentTimer(segments, machine.now, machine.wall)
    log = timer.start()
    running, show = [0.0] * len(segments), 0.0  # the oracle, now
    logged_running, logged_show = list(running), show  # ... at the last logged event
    for action, arg in steps:
        live = timer.read()
        on = live.phase in (Phase.RUNNING, Phase.OVERTIME)
        show_on = timer.show_started is not None and timer.show_ended is None
        if action == "wait":
            machine.mono += arg
            machine.true += arg
            if on:
                running[live.index] += arg
            show += arg if show_on else 0.0
            continue
        if action == "set_wall":
            machine.shift = min(max(machine.shift + arg, -3e9), 3e9)
            continue
        if action == "crash":
            if live.phase is Phase.FINISHED:
                continue  # an ended run is never resumed
            _assert_replay_is(timer, log, logged_running, logged_show)
            down, new_mono, step = arg
            machine.true += down
            machine.shift = min(max(machine.shift + step, -3e9), 3e9)
            machine.mono = new_mono  # another process's clock, lower or higher
            running, show = list(logged_running), logged_show
            gap = _wall_gap(log[-1].wall, machine.wall())
            if on:
                running[live.index] += gap
            show += gap if show_on else 0.0
            timer = resume(segments, logged(log), machine.now, machine.wall)
            new = timer.reopen()
        elif action == "tick":
            new = timer.check_clocks()
        else:
            new = getattr(timer, action)(*(() if arg is None else (arg,)))
        log += new
        if new:
            logged_running, logged_show = list(running), show
        reading = timer.read()
        assert reading.elapsed_s >= 0 and 0 <= reading.allowed_s <= MAX_ALLOWED_S
        assert reading.show_elapsed_s >= 0
    _assert_replay_is(timer, log, logged_running, logged_show)
