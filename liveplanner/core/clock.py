"""The segment timer: a state machine over an injected monotonic clock.

Remaining and elapsed time are computed from timestamps at every read, never by counting ticks,
so a slow or stalled display loses no time and a 4-hour run does not drift. Every change of
state returns the events to log, with monotonic and wall-clock time, so the run can be stored as
it happens and replayed after a crash, on the run's own clock (see run_timeline).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum

from liveplanner.core.enums import RunEventKind
from liveplanner.core.plan import ShowPlan
from liveplanner.core.run_timeline import MAX_RUN_S, resumed_at, run_moments, run_seconds
from liveplanner.core.runlog import RunEvent as LoggedEvent

DEFAULT_WARNING_S = 30
DEFAULT_DANGER_S = 10
CLOCK_JUMP_S = 2.0  # wall and monotonic clocks disagreeing by more than this is a jump
# A segment's time with all that was added: a day's segment with as much again. Beyond any show,
# and it keeps every sum and every moment the timer works out within the calendar.
MAX_ALLOWED_S = 2 * 24 * 3600


class Phase(StrEnum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    OVERTIME = "overtime"  # running past the segment's time
    FINISHED = "finished"


class Level(StrEnum):
    """How urgent the display should look."""

    NORMAL = "normal"
    WARNING = "warning"
    DANGER = "danger"
    OVERTIME = "overtime"


@dataclass(frozen=True, slots=True)
class TimerSegment:
    id: int
    title: str
    planned_s: int
    warning_s: int = DEFAULT_WARNING_S
    danger_s: int = DEFAULT_DANGER_S


@dataclass(frozen=True, slots=True)
class ClockEvent:
    """Something the timer did, to be written to the run log as it happens."""

    kind: RunEventKind
    monotonic_s: float
    wall: datetime
    segment_index: int | None = None
    segment_id: int | None = None
    seconds: int | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class Reading:
    """The timer at one moment: what every display shows."""

    phase: Phase
    index: int  # current segment (0-based); len(segments) once finished
    elapsed_s: float  # running time in the current segment, pauses excluded
    allowed_s: float  # planned plus time added
    remaining_s: float  # negative in overtime
    level: Level
    show_elapsed_s: float  # since the show started, pauses included: the audience's time
    over_under_s: float  # projected length minus planned length; positive means running long
    projected_end: datetime | None

    @property
    def progress(self) -> float:
        return 0.0 if self.allowed_s <= 0 else min(self.elapsed_s / self.allowed_s, 1.0)


@dataclass
class _Segment:
    started: float | None = None  # monotonic time the segment (re)started running
    run_before_s: float = 0.0  # running time banked before the last start (pauses, revisits)
    added_s: int = 0


@dataclass
class SegmentTimer:
    segments: Sequence[TimerSegment]
    now: Callable[[], float]  # monotonic seconds
    wall: Callable[[], datetime]  # aware wall-clock time
    phase: Phase = Phase.IDLE
    index: int = 0
    show_started: float | None = None
    show_ended: float | None = None
    _state: list[_Segment] = field(default_factory=list)
    _wall_offset: float | None = None  # wall minus monotonic when last checked

    def __post_init__(self) -> None:
        if not self._state:
            self._state = [_Segment() for _ in self.segments]

    # Reading

    def _running(self) -> bool:
        return self.phase in (Phase.RUNNING, Phase.OVERTIME)

    def _elapsed(self, index: int, at: float) -> float:
        state = self._state[index]
        current = (
            at - state.started
            if (state.started is not None and index == self.index and self._running())
            else 0.0
        )
        return state.run_before_s + current

    def read(self) -> Reading:
        at = self.now()
        planned_total = sum(s.planned_s for s in self.segments)
        until = at if self.show_ended is None else self.show_ended  # a finished run stays put
        show_elapsed = 0.0 if self.show_started is None else until - self.show_started
        if self.phase is Phase.FINISHED or not self.segments:
            return Reading(
                Phase.FINISHED if self.segments else self.phase,
                len(self.segments),
                0,
                0,
                0,
                Level.NORMAL,
                show_elapsed,
                show_elapsed - planned_total,
                None,
            )
        segment = self.segments[self.index]
        allowed = segment.planned_s + self._state[self.index].added_s
        elapsed = self._elapsed(self.index, at)
        remaining = allowed - elapsed
        phase = self.phase
        if phase is Phase.RUNNING and remaining < 0:
            phase = Phase.OVERTIME
        if remaining < 0:
            level = Level.OVERTIME
        elif remaining <= segment.danger_s:
            level = Level.DANGER
        elif remaining <= segment.warning_s:
            level = Level.WARNING
        else:
            level = Level.NORMAL
        # Later segments still need what is left of their time (some may have run already).
        future = sum(
            max(s.planned_s + state.added_s - state.run_before_s, 0.0)
            for s, state in zip(
                self.segments[self.index + 1 :], self._state[self.index + 1 :], strict=True
            )
        )
        still_to_run = max(remaining, 0.0) + future
        if self.phase is Phase.IDLE:
            projected_end, over_under = None, 0.0
        else:
            # An end more than a run's longest time away is no projection (a damaged plan).
            projected_end = (
                None if still_to_run > MAX_RUN_S else self.wall() + timedelta(seconds=still_to_run)
            )
            over_under = show_elapsed + still_to_run - planned_total
        return Reading(
            phase,
            self.index,
            elapsed,
            allowed,
            remaining,
            level,
            show_elapsed,
            over_under,
            projected_end,
        )

    # Acting: each returns the events to log

    def _event(
        self, kind: RunEventKind, at: float, seconds: int | None = None, text: str = ""
    ) -> ClockEvent:
        inside = self.index < len(self.segments)
        return ClockEvent(
            kind,
            at,
            self.wall(),
            self.index if inside else None,
            self.segments[self.index].id if inside else None,
            seconds,
            text,
        )

    def check_clocks(self) -> list[ClockEvent]:
        """Notice the wall clock jumping (NTP, a manual change, sleep): the timer keeps to the
        monotonic clock, and the jump is logged for the record, to explain the wall times beside
        it (a replay keeps to the monotonic times and needs none of it)."""
        at, wall = self.now(), self.wall().timestamp()
        offset = wall - at
        previous, self._wall_offset = self._wall_offset, offset
        if self.phase in (Phase.IDLE, Phase.FINISHED):
            return []  # no run to log it in: the new offset is simply taken
        if previous is None or abs(offset - previous) <= CLOCK_JUMP_S:
            return []
        return [
            self._event(RunEventKind.CLOCK_JUMP, at, round(offset - previous), "wall clock jumped")
        ]

    def start(self) -> list[ClockEvent]:
        if self.phase is not Phase.IDLE or not self.segments:
            return []
        at = self.now()
        self.show_started = at
        self.phase = Phase.RUNNING
        self._state[self.index].started = at
        self.check_clocks()
        return [
            self._event(RunEventKind.STARTED, at),
            self._event(RunEventKind.SEGMENT_STARTED, at),
        ]

    def pause(self) -> list[ClockEvent]:
        if not self._running():
            return []
        at = self.now()
        state = self._state[self.index]
        state.run_before_s = self._elapsed(self.index, at)
        state.started = None
        self.phase = Phase.PAUSED
        return [self._event(RunEventKind.PAUSED, at)]

    def resume(self) -> list[ClockEvent]:
        if self.phase is not Phase.PAUSED:
            return []
        at = self.now()
        self._state[self.index].started = at
        self.phase = Phase.RUNNING
        return [self._event(RunEventKind.RESUMED, at)]

    def toggle(self) -> list[ClockEvent]:
        """Space: start, pause or resume."""
        if self.phase is Phase.IDLE:
            return self.start()
        return self.pause() if self._running() else self.resume()

    def jump(
        self, index: int, kind: RunEventKind = RunEventKind.SEGMENT_STARTED
    ) -> list[ClockEvent]:
        """Go to segment `index` and run it (its earlier running time, if any, is kept)."""
        if (
            self.phase in (Phase.IDLE, Phase.FINISHED)
            or not 0 <= index < len(self.segments)
            or index == self.index
        ):
            return []
        at = self.now()
        was_paused = self.phase is Phase.PAUSED
        events = []
        if kind is RunEventKind.SKIPPED:
            events.append(self._event(RunEventKind.SKIPPED, at))
        state = self._state[self.index]
        state.run_before_s = self._elapsed(self.index, at)
        state.started = None
        self.index = index
        self._state[index].started = None if was_paused else at
        events.append(self._event(RunEventKind.SEGMENT_STARTED, at))
        return events

    def next(self) -> list[ClockEvent]:
        """Right arrow: the next segment, or the end of the show after the last."""
        if self.index + 1 >= len(self.segments):
            return self.end()
        return self.jump(self.index + 1)

    def previous(self) -> list[ClockEvent]:
        return self.jump(self.index - 1) if self.index > 0 else []

    def skip(self) -> list[ClockEvent]:
        """Leave the current segment out and go on to the next."""
        if self.index + 1 >= len(self.segments):
            return []
        return self.jump(self.index + 1, RunEventKind.SKIPPED)

    def add(self, seconds: int) -> list[ClockEvent]:
        """+/-: give the current segment more time, or take some away."""
        if self.phase in (Phase.IDLE, Phase.FINISHED) or seconds == 0:
            return []
        state = self._state[self.index]
        allowed = self.segments[self.index].planned_s + state.added_s
        # Taking time away stops at nothing left to allow; adding, at MAX_ALLOWED_S in all (a
        # replayed log may ask for anything).
        seconds = min(max(seconds, -max(allowed, 0)), max(MAX_ALLOWED_S - allowed, 0))
        if seconds == 0:
            return []
        state.added_s += seconds
        return [self._event(RunEventKind.TIME_ADDED, self.now(), seconds)]

    def note(self, text: str) -> list[ClockEvent]:
        if self.phase is Phase.IDLE or not text.strip():
            return []
        return [self._event(RunEventKind.NOTE, self.now(), text=text.strip())]

    def reopen(self) -> list[ClockEvent]:
        """A resumed run's first event in this process: it tells a replay that the monotonic
        times after it are of another clock than those before (see run_timeline)."""
        if self.phase in (Phase.IDLE, Phase.FINISHED):
            return []
        return [self._event(RunEventKind.STARTED, self.now(), text="timer reopened")]

    def end(self) -> list[ClockEvent]:
        if self.phase in (Phase.IDLE, Phase.FINISHED):
            return []
        at = self.now()
        state = self._state[self.index]
        state.run_before_s = self._elapsed(self.index, at)
        state.started = None
        events = [self._event(RunEventKind.ENDED, at)]
        self.phase = Phase.FINISHED
        self.show_ended = at
        self.index = len(self.segments)
        return events


@dataclass(frozen=True, slots=True)
class ActualSegment:
    """How a segment went in a run: when it first started and how long it ran (pauses out)."""

    index: int
    segment_id: int
    first_start: datetime | None
    running_s: float
    added_s: int
    completed: bool  # the run moved on from it (not where a take stopped partway)


class _ReplayClock:
    """Time for replaying a run log: the run's own seconds and moments (see run_timeline)."""

    def __init__(self) -> None:
        self.at = 0.0
        self.wall_at: datetime | None = None

    def now(self) -> float:
        return self.at

    def wall(self) -> datetime:
        assert self.wall_at is not None
        return self.wall_at


def replay(
    segments: Sequence[TimerSegment], events: Sequence[LoggedEvent]
) -> tuple[SegmentTimer, dict[int, datetime]]:
    """The timer as the run log leaves it, on a clock of the log's own (see resume), and when
    each segment first started."""
    clock = _ReplayClock()
    timer = SegmentTimer(segments, clock.now, clock.wall)
    first_start: dict[int, datetime] = {}
    for event, at, moment in zip(events, run_seconds(events), run_moments(events), strict=True):
        clock.at, clock.wall_at = at, moment
        if event.kind is RunEventKind.STARTED:
            timer.start()
        elif event.kind is RunEventKind.SEGMENT_STARTED and event.segment_position is not None:
            if timer.phase is Phase.IDLE:
                timer.start()
            timer.jump(event.segment_position)
        elif event.kind is RunEventKind.PAUSED:
            timer.pause()
        elif event.kind is RunEventKind.RESUMED:
            timer.resume()
        elif event.kind is RunEventKind.TIME_ADDED and event.seconds:
            timer.add(event.seconds)
        elif event.kind is RunEventKind.ENDED:
            timer.end()
        if event.kind is RunEventKind.SEGMENT_STARTED and event.segment_position is not None:
            first_start.setdefault(event.segment_position, clock.wall())
    return timer, first_start


def actual_segments(
    segments: Sequence[TimerSegment], events: Sequence[LoggedEvent]
) -> list[ActualSegment]:
    """Per segment of the plan as it was run: when it started and how long it ran."""
    timer, first_start = replay(segments, events)
    end = timer.now()  # the replay clock: the run's seconds at its last event
    left: set[int] = set()
    current: int | None = None
    for event in events:
        if event.kind is RunEventKind.SEGMENT_STARTED and event.segment_position is not None:
            if current is not None and current != event.segment_position:
                left.add(current)
            current = event.segment_position
    if timer.phase is Phase.FINISHED and current == len(segments) - 1:
        left.add(current)  # the last segment, finished by moving on past it
    return [
        ActualSegment(
            index,
            segment.id,
            first_start.get(index),
            timer._elapsed(index, end)
            if index == timer.index
            else timer._state[index].run_before_s,
            timer._state[index].added_s,
            index in left,
        )
        for index, segment in enumerate(segments)
    ]


def resume(
    segments: Sequence[TimerSegment],
    events: Sequence[LoggedEvent],
    now: Callable[[], float],
    wall: Callable[[], datetime],
) -> SegmentTimer:
    """Rebuild an interrupted run's timer at this moment: the same segment, with the time that
    passed while the app was down counted as it would have been (a running segment ran on, a
    paused one stayed paused). Log the timer's `reopen()` next: it begins the new session."""
    timer, _ = replay(segments, events)
    shift = now() - resumed_at(events, timer.now(), wall())
    for state in timer._state:
        if state.started is not None:
            state.started += shift
    if timer.show_started is not None:
        timer.show_started += shift
    timer.now, timer.wall = now, wall
    timer._wall_offset = None  # the replay's clock is not the real one: take the offset afresh
    return timer


def timer_segments(
    plan: ShowPlan, warning_s: int = DEFAULT_WARNING_S, danger_s: int = DEFAULT_DANGER_S
) -> list[TimerSegment]:
    """The plan's segments for the timer, amber `warning_s` and red `danger_s` before each end
    (the user's settings; the caller passes them, so core/ reads no settings)."""
    return [TimerSegment(s.id, s.title, s.duration_s, warning_s, danger_s) for s in plan.segments]


def as_positions_of(plan: ShowPlan, events: Sequence[LoggedEvent]) -> list[LoggedEvent]:
    """A run's events with each segment's position as it stands in the plan now (segments may
    have moved since the run). Time spent in a segment deleted since is credited to no segment:
    the timer is paused for it in the replay, and resumed at the next segment that still is."""
    rows = {s.id: row for row, s in enumerate(plan.segments)}
    moved: list[LoggedEvent] = []
    in_deleted = False
    for event in events:
        # A deleted segment's events keep their position (the id was set to null) or, from a
        # damaged log, an id the plan no longer has.
        about_a_segment = (event.segment_id, event.segment_position) != (None, None)
        deleted = about_a_segment and event.segment_id not in rows
        if event.kind in (
            RunEventKind.STARTED,
            RunEventKind.ENDED,
            RunEventKind.CLOCK_JUMP,
            RunEventKind.NOTE,
        ):
            if event.segment_id in rows:
                event = replace(event, segment_position=rows[event.segment_id])
            elif deleted:
                event = replace(event, segment_position=None, segment_id=None)
            moved.append(event)
            continue
        if deleted:
            if event.kind is RunEventKind.SEGMENT_STARTED and not in_deleted:
                moved.append(
                    replace(event, kind=RunEventKind.PAUSED, segment_position=None, segment_id=None)
                )
                in_deleted = True
            continue  # pauses or added time in a deleted segment carry no plan time
        if event.segment_id is not None:
            event = replace(event, segment_position=rows[event.segment_id])
        moved.append(event)
        if in_deleted and event.kind is RunEventKind.SEGMENT_STARTED:
            moved.append(replace(event, kind=RunEventKind.RESUMED))
            in_deleted = False
    return moved
