"""Every show's segments placed at once from columns (core.placement.place) land exactly where
placing each show on its own puts them (core.comparison.placed_spans over its live run's
events): the times to the microsecond, the segments, the source, whatever the logs hold."""

import math
from datetime import UTC, datetime, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from liveplanner.core.comparison import placed_spans
from liveplanner.core.enums import RunEventKind, RunKind, SegmentKind
from liveplanner.core.placement import (
    NO_SEGMENT,
    Placement,
    RunLogs,
    ShowSegments,
    _timedelta_us,
    epoch_us,
    event_code,
    place,
    placement_of,
)
from liveplanner.core.plan import Segment, Show, ShowPlan
from liveplanner.core.review_spans import Source
from liveplanner.core.run_timeline import MAX_RUN_S
from liveplanner.core.runlog import Run, RunEvent

T0 = datetime(2026, 11, 11, 12, 0, tzinfo=UTC)
KINDS = (SegmentKind.OPENING, SegmentKind.PRODUCT_INTRO, SegmentKind.FLASH_SALE)
S, GO, END = RunEventKind.STARTED, RunEventKind.SEGMENT_STARTED, RunEventKind.ENDED
# Events that place nothing but are moments of the run (a run left open ends at its last).
PAUSE, NOTE = RunEventKind.PAUSED, RunEventKind.NOTE


def _plan(show_id: int, lengths: list[int], first_id: int, start: datetime = T0) -> ShowPlan:
    return ShowPlan(
        Show(show_id, f"Show {show_id}", start),
        tuple(
            Segment(first_id + i, KINDS[i % len(KINDS)], f"S{i}", n) for i, n in enumerate(lengths)
        ),
    )


def _run(show_id: int, events: list[tuple[RunEventKind, float, float, int | None]]) -> Run:
    """A live run of (kind, wall seconds after T0, monotonic seconds, segment id) events."""
    return Run(
        show_id,
        show_id,
        RunKind.LIVE,
        T0,
        None,
        tuple(
            RunEvent(seq, kind, T0 + timedelta(seconds=wall), mono, segment)
            for seq, (kind, wall, mono, segment) in enumerate(events)
        ),
    )


def _placed_at_once(plans: list[ShowPlan], runs: dict[int, Run]) -> Placement:
    """place() over the columns a database would give of these plans and runs."""
    offsets, ids, kinds, durations, products = [0], [], [], [], []
    for plan in plans:
        for segment in plan.segments:
            ids.append(segment.id)
            kinds.append(segment.kind)
            durations.append(segment.duration_s)
            products.append(segment.product_id)
        offsets.append(len(ids))
    shows, run_offsets, codes, walls, monotonic, logged = [], [0], [], [], [], []
    for k, plan in enumerate(plans):
        run = runs.get(plan.show.id)
        if run is None:
            continue
        shows.append(k)
        for event in run.events:
            codes.append(event_code(event.kind))
            walls.append(epoch_us(event.wall_time))
            monotonic.append(event.monotonic_s)
            logged.append(NO_SEGMENT if event.segment_id is None else event.segment_id)
        run_offsets.append(len(codes))
    logs = RunLogs(
        shows,
        run_offsets,
        np.array(codes, dtype="int64"),
        np.array(walls, dtype="int64"),
        np.array(monotonic, dtype="float64"),
        np.array(logged, dtype="int64"),
    )
    return place(
        [epoch_us(plan.show.planned_start) for plan in plans],
        ShowSegments(offsets, ids, kinds, durations, products),
        logs,
    )


def _one_by_one(plans: list[ShowPlan], runs: dict[int, Run]) -> Placement:
    return placement_of(
        [placed_spans(plan, runs.get(plan.show.id)) for plan in plans],
        [{s.id: s.kind for s in plan.segments} for plan in plans],
    )


def test_the_edge_cases_place_as_show_by_show() -> None:
    plans = [
        _plan(1, [], 1),  # no segments, never run: no spans at all
        _plan(2, [600, 0, 300], 10),  # planned only: a segment of no length keeps its span
        _plan(3, [300, 300], 20),  # run, its segment 22 deleted since
        _plan(4, [300, 300], 30),  # paused and resumed in another session, the clock skewed
        _plan(5, [300], 40),  # a run that never reached a segment: its plan's times
        _plan(6, [300, 300], 50),  # every segment change at the run's end: its plan's times
    ]
    runs = {
        3: _run(
            3,
            [
                (S, 0, 5, None),
                (GO, 0, 5, 20),
                (GO, 100, 105, 22),
                (GO, 200, 205, 21),
                (END, 300, 305, None),
                (GO, 400, 405, 20),  # after the end: not counted
            ],
        ),
        4: _run(
            4,
            [
                (S, 0, 50, None),
                (GO, 1, 51, 30),
                (GO, 60 - 3600, 110, 31),  # the wall clock set back an hour: the monotonic counts
                (S, 4000, 2.0, None),  # reopened after a crash: the wall clock's gap counts
                (GO, 4010, 12.0, 30),  # gone back to the first segment
                (END, 4100, math.nan, None),  # a damaged monotonic time: the wall clock's step
            ],
        ),
        5: _run(5, [(S, 0, 0, None), (END, 60, 60, None)]),
        6: _run(6, [(S, 0, 0, None), (GO, 0, 0, 50), (GO, 0, 0, 51), (END, 0, 0, None)]),
    }
    at_once = _placed_at_once(plans, runs)

    assert at_once == _one_by_one(plans, runs)
    actual, planned = Source.ACTUAL, Source.PLANNED
    assert at_once.sources == [planned, planned, actual, actual, planned, planned]
    assert at_once.spans(0) == []
    assert [s.segment_id for s in at_once.spans(2)] == [20, None, 21]
    fourth = at_once.spans(3)
    assert [(s.segment_id, (s.end - s.start).total_seconds()) for s in fourth] == [
        (30, 59.0),
        (31, 4000 - (60 - 3600) + 10),  # the gap from the skewed wall time, then monotonic
        (30, 90.0),
    ]


def test_a_show_placed_at_once_is_where_the_plan_puts_it_without_a_run() -> None:
    plans = [_plan(1, [30, 0, 45], 1, T0 + timedelta(microseconds=7))]
    at_once = _placed_at_once(plans, {})
    assert at_once == _one_by_one(plans, {})
    assert at_once.spans(0) == placed_spans(plans[0], None)[0]


EVENT = st.tuples(
    st.sampled_from([S, GO, GO, GO, END, PAUSE, NOTE]),
    st.one_of(
        st.floats(-1e4, 1e5, allow_nan=False),
        st.sampled_from([-1e9, 3e9, 1e10]),  # wall times no show can have (1995, 2121, 2343)
    ),
    st.one_of(
        st.floats(-1e3, 1e5),
        st.sampled_from([math.nan, math.inf, -math.inf, 1e300, 0.1, 1 / 3]),
    ),
    st.one_of(st.none(), st.integers(1, 14)),
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.integers(0, 900), max_size=4),  # the plan's segment lengths
            st.one_of(st.none(), st.lists(EVENT, min_size=1, max_size=12)),  # its run
        ),
        min_size=1,
        max_size=4,
    )
)
def test_any_logs_place_at_once_as_show_by_show(
    shows: list[tuple[list[int], list[tuple[RunEventKind, float, float, int | None]] | None]],
) -> None:
    # Segment ids 1-14 over the shows: a run's event may name another show's segment, or one
    # deleted since (no show's), which places no segment.
    plans = [_plan(k + 1, lengths, 1 + 4 * k) for k, (lengths, _) in enumerate(shows)]
    runs = {k + 1: _run(k + 1, events) for k, (_, events) in enumerate(shows) if events}
    assert _placed_at_once(plans, runs) == _one_by_one(plans, runs)


@given(st.floats(0, MAX_RUN_S))
def test_seconds_become_microseconds_as_a_timedelta_rounds_them(seconds: float) -> None:
    exact = timedelta(seconds=seconds) // timedelta(microseconds=1)
    assert _timedelta_us(np.array([seconds])).tolist() == [exact]
