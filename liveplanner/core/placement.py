"""Where every compared show's segments ran, for thousands of shows at once: the spans
core.comparison.placed_spans gives one show (its live run's log placed on the run's own clock,
core.run_timeline and core.review_spans.actual_spans, else the plan's times), as flat columns of
epoch microseconds.

A team's history is 10,000 shows, 120,000 segments and 140,000 run events: one object per event
(and a datetime per time) cost more than the database's whole pass over the 12 M samples. Here
the events are columns and the rules are applied to all of them at once; only the sum of each
run's seconds, which must add in the log's order to give placed_spans' very floats, is a loop.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import accumulate

import numpy as np

from liveplanner.core.enums import RunEventKind, SegmentKind
from liveplanner.core.review_spans import Source, Span
from liveplanner.core.run_timeline import EARLIEST, LATEST, MAX_RUN_S

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
_US_PER_S = 1_000_000
# The wall times a show can have (run_timeline's), as epoch microseconds.
_EARLIEST_US = (EARLIEST - _EPOCH) // _MICROSECOND
_LATEST_US = (LATEST - _EPOCH) // _MICROSECOND
# How the columns name the events' kinds: the three that place segments, and OTHER for any
# other (a pause, a note): a moment of the run all the same, which moves its clock on and, in a
# run left open without `ended`, is where its last segment ends (as in the show's review).
STARTED, SEGMENT_STARTED, ENDED, OTHER = 0, 1, 2, 3
EVENT_CODES = {
    RunEventKind.STARTED: STARTED,
    RunEventKind.SEGMENT_STARTED: SEGMENT_STARTED,
    RunEventKind.ENDED: ENDED,
}


def event_code(kind: str) -> int:
    """A stored event kind's code in the columns."""
    return _CODES_BY_NAME.get(kind, OTHER)


_CODES_BY_NAME = {k.value: code for k, code in EVENT_CODES.items()}
NO_SEGMENT = -1  # in the integer columns: no segment (None)


def epoch_us(moment: datetime) -> int:
    """An aware time as integer epoch microseconds."""
    return (moment - _EPOCH) // _MICROSECOND


def moment(us: int) -> datetime:
    """Epoch microseconds as an aware UTC time."""
    return _EPOCH + timedelta(microseconds=us)


@dataclass(frozen=True, slots=True)
class ShowSegments:
    """The compared shows' segments in each show's order: show k's are [offsets[k],
    offsets[k + 1])."""

    offsets: list[int]
    ids: list[int]
    kinds: list[SegmentKind]
    durations: list[int]  # planned seconds
    product_ids: list[int | None]  # what each one sells (the advice reads it)


@dataclass(frozen=True, slots=True)
class RunLogs:
    """One live run's log per show that has one (the run core.review_spans.live_run chooses),
    all its events (STARTED, SEGMENT_STARTED, ENDED or OTHER), in each run's order: the events
    of show `shows[r]` are [offsets[r], offsets[r + 1]). Columns of equal length."""

    shows: list[int]  # indices into the compared shows, each at most once
    offsets: list[int]
    kinds: np.ndarray  # int: STARTED, SEGMENT_STARTED, ENDED or OTHER
    wall_us: np.ndarray  # int64 epoch microseconds (UTC) of the computer's wall clock
    monotonic_s: np.ndarray  # float64, as logged (may be NaN or infinite in a damaged row)
    segment_ids: np.ndarray  # int64, NO_SEGMENT for none


@dataclass(frozen=True, slots=True)
class Placement:
    """Every compared show's spans: show k's are [offsets[k], offsets[k + 1]), in time order,
    as core.comparison.placed_spans gives them (source: where its times come from)."""

    sources: list[Source]
    offsets: list[int]
    segment_ids: list[int | None]  # None: a segment deleted since the run
    kinds: list[SegmentKind | None]  # the segment's kind; None with no segment
    starts: list[int]  # epoch microseconds, UTC
    ends: list[int]

    def spans(self, k: int) -> list[Span]:
        """Show k's spans as core.review_spans' objects (for the few callers that want them)."""
        low, high = self.offsets[k], self.offsets[k + 1]
        return [
            Span(self.segment_ids[i], moment(self.starts[i]), moment(self.ends[i]))
            for i in range(low, high)
        ]


def placement_of(
    placed: Sequence[tuple[list[Span], Source]], kinds: Sequence[dict[int, SegmentKind]]
) -> Placement:
    """The Placement of shows placed one by one (placed_spans), with each show's segment
    kinds by id."""
    offsets, ids, its_kinds, starts, ends = [0], [], [], [], []
    for (spans, _), known in zip(placed, kinds, strict=True):
        for span in spans:
            ids.append(span.segment_id)
            its_kinds.append(None if span.segment_id is None else known.get(span.segment_id))
            starts.append(epoch_us(span.start))
            ends.append(epoch_us(span.end))
        offsets.append(len(ids))
    return Placement([source for _, source in placed], offsets, ids, its_kinds, starts, ends)


def place(planned_us: Sequence[int], segments: ShowSegments, logs: RunLogs) -> Placement:
    """Each show's spans from its live run's log, where that places a segment; else from its
    plan: its segments end to end from its planned start (`planned_us`, epoch microseconds)."""
    shows = len(planned_us)
    bounds = np.asarray(segments.offsets, dtype="int64")
    owner = np.repeat(np.arange(shows), np.diff(bounds))  # each segment's show
    span_show, logged, actual_starts, actual_ends = _actual(logs)
    actual = np.zeros(shows, dtype=bool)
    actual[span_show] = True
    # A logged segment is its show's segment of that id; one deleted since is none (-1).
    actual_rows = _rows_of(owner, np.asarray(segments.ids, dtype="int64"), span_show, logged)
    # The plan's times (core.schedule) for the others: each segment from where the ones
    # before it end, from the show's planned start; one of no length keeps its span too.
    lengths = np.asarray(segments.durations, dtype="int64") * _US_PER_S
    before = np.cumsum(lengths) - lengths
    planned_starts = np.asarray(planned_us, dtype="int64")[owner] + before - before[bounds[owner]]
    planned = np.flatnonzero(~actual[owner])
    span_shows = np.concatenate([span_show, owner[planned]])
    # A show's spans are all from its run or all from its plan, each in order: a stable sort
    # by show keeps them so.
    order = np.argsort(span_shows, kind="stable")
    rows = np.concatenate([actual_rows, planned])[order].tolist()
    starts = np.concatenate([actual_starts, planned_starts[planned]])[order]
    ends = np.concatenate([actual_ends, planned_starts[planned] + lengths[planned]])[order]
    counts = np.bincount(span_shows, minlength=shows)
    return Placement(
        sources=[Source.ACTUAL if a else Source.PLANNED for a in actual.tolist()],
        offsets=[0, *np.cumsum(counts).tolist()],
        segment_ids=[None if r < 0 else segments.ids[r] for r in rows],
        kinds=[None if r < 0 else segments.kinds[r] for r in rows],
        starts=starts.tolist(),
        ends=ends.tolist(),
    )


def _rows_of(
    owner: np.ndarray, ids: np.ndarray, span_show: np.ndarray, logged: np.ndarray
) -> np.ndarray:
    """For each (show, logged segment id), the index of that show's segment of that id among
    the segments (`owner`: each one's show), -1 where the show has none of it."""
    if not len(ids):
        return np.full(len(logged), -1, dtype="int64")
    # (show, id) as one integer: ids as their rank among all ids, so nothing overflows.
    values, rank = np.unique(np.concatenate([ids, logged]), return_inverse=True)
    keys = owner * len(values) + rank[: len(ids)]
    wanted = span_show * len(values) + rank[len(ids) :]
    order = np.argsort(keys, kind="stable")
    at = np.minimum(np.searchsorted(keys[order], wanted), len(ids) - 1)
    return np.where(keys[order][at] == wanted, order[at], -1)


def _actual(logs: RunLogs) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The spans the runs' logs place (core.review_spans.actual_spans): each one's show, its
    segment id as logged, its start and end; a log's in its order, the logs in theirs. Every
    run has an event (it reached a segment)."""
    if not logs.shows:
        none = np.zeros(0, dtype="int64")
        return none, none, none, none
    moments = _moments(logs)
    count = len(moments)
    offsets = np.asarray(logs.offsets, dtype="int64")
    run = np.repeat(np.arange(len(logs.shows)), np.diff(offsets))
    kinds = logs.kinds
    # Nothing after a run's first `ended` counts: its last moment is where the last span ends.
    first_end = np.minimum.reduceat(np.where(kinds == ENDED, np.arange(count), count), offsets[:-1])
    cut = np.where(first_end < count, first_end + 1, offsets[1:])
    kept = np.arange(count) < cut[run]
    # Each segment change begins a span that runs to the next change of its run, or to the
    # run's last moment counted; a span of no length is none (moments never go back).
    changes = np.flatnonzero(kept & (kinds == SEGMENT_STARTED))
    change_run = run[changes]
    same_run = np.append(change_run[1:] == change_run[:-1], False)
    following = np.append(changes[1:], 0)
    starts = moments[changes]
    ends = np.where(same_run, moments[following], moments[cut[change_run] - 1])
    spans = ends > starts
    shows = np.asarray(logs.shows, dtype="int64")[change_run[spans]]
    return shows, logs.segment_ids[changes[spans]], starts[spans], ends[spans]


def _moments(logs: RunLogs) -> np.ndarray:
    """Each event's moment (epoch microseconds), as core.run_timeline.run_moments has it:
    the run's seconds since its first event, on its first plausible wall time."""
    kinds, wall, mono = logs.kinds, logs.wall_us, logs.monotonic_s
    count = len(kinds)
    offsets = np.asarray(logs.offsets, dtype="int64")
    starts = offsets[:-1]
    first = np.zeros(count, dtype=bool)
    first[starts[starts < count]] = True
    plausible = (wall >= _EARLIEST_US) & (wall < _LATEST_US)
    # Each step from the event before (run_timeline._apart): the monotonic clock's within a
    # session, else the wall clock's, never back, and none from a wall time no show can have.
    with np.errstate(invalid="ignore", over="ignore"):
        step = np.diff(mono, prepend=0.0)
        trusted = (kinds != STARTED) & np.isfinite(step) & (step >= 0)
    wall_gap = np.diff(wall, prepend=0)
    both = plausible & np.concatenate([[False], plausible[:-1]])
    wall_s = np.where(both, np.maximum(wall_gap, 0) / _US_PER_S, 0.0)
    step = np.where(trusted, step, wall_s)
    step[first] = 0.0
    # The run's seconds: added up in the log's order, a run at a time, as run_seconds adds
    # them (a sum over all runs at once rounds differently), then held to MAX_RUN_S: the steps
    # are never negative, so holding each sum as it goes gives the same.
    seconds = np.empty(count)
    steps = step.tolist()
    for low, high in zip(starts.tolist(), offsets[1:].tolist(), strict=True):
        seconds[low:high] = list(accumulate(steps[low:high]))
    seconds = np.minimum(seconds, float(MAX_RUN_S))
    # The anchor: the first plausible event's wall time less its seconds; with none, the first
    # event's wall time held within the years a show can have.
    run = np.repeat(np.arange(len(starts)), np.diff(offsets))
    candidates = np.where(plausible, np.arange(count), count)
    anchor_at = np.minimum.reduceat(candidates, starts)
    has = anchor_at < count
    safe = np.minimum(anchor_at, count - 1)
    anchor = np.where(
        has,
        wall[safe] - _timedelta_us(seconds[safe]),
        np.clip(wall[starts], _EARLIEST_US, _LATEST_US),
    )
    moments: np.ndarray = anchor[run] + _timedelta_us(seconds)
    return moments


def _timedelta_us(seconds: np.ndarray) -> np.ndarray:
    """timedelta(seconds=s) in whole microseconds for s >= 0, rounded as CPython rounds it:
    the whole seconds exactly, their fraction times a million to the nearest, half to even."""
    whole = np.floor(seconds)
    us: np.ndarray = whole.astype("int64") * _US_PER_S + np.rint((seconds - whole) * 1e6).astype(
        "int64"
    )
    return us
