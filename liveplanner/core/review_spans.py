"""Where a show's segments ran, planned or on the timer, and which minutes each one is credited
with: the spans and the crediting rule that core.review and core.comparison share (core.review's
docstring gives the rule). The minute grid (`wide`) is laid out here too."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

import numpy as np
import pandas as pd

from liveplanner.core.enums import RunEventKind, RunKind
from liveplanner.core.plan import ShowPlan, time_zone
from liveplanner.core.run_timeline import run_moments
from liveplanner.core.runlog import Run, RunEvent
from liveplanner.core.schedule import Schedule, schedule

DEFAULT_LAG = 2  # minutes from the pitch to the paid order
MAX_LAG = 30
SALES = ("gmv", "orders", "buyers", "items_sold")  # credited with the lag
_NS_PER_MIN = 60_000_000_000
_HALF_MIN = 30_000_000_000
_MINUTE_NS = 60_000_000_000
# In the minutes' `segment` and `credited_to` columns, and as span indices: outside the script.
BEFORE, AFTER = -1, -2
# The minute grid has every minute only within this margin of the show (planned or run); a minute
# further away is a row of its own, with no empty minutes filled in up to it. So the grid is
# bounded by the show's span and the rows stored, never by the data's extremes: one stored minute
# of a mistyped year 2062 made a grid of decades (gigabytes, tens of seconds).
REVIEW_MARGIN = timedelta(days=1)


class Source(StrEnum):
    ACTUAL = "actual"  # segment times from the live run's log
    PLANNED = "planned"  # no live run on the timer: the plan's times


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of wall time in one segment (None: a segment since deleted from the plan)."""

    segment_id: int | None
    start: datetime  # aware UTC
    end: datetime


def planned_spans(plan: ShowPlan, planned: Schedule | None = None) -> list[Span]:
    return [
        Span(slot.segment_id, slot.start.astimezone(UTC), slot.end.astimezone(UTC))
        for slot in (planned or schedule(plan)).slots
    ]


def on_run_day(planned: list[Span], actual: Sequence[Span], zone: str) -> list[Span]:
    """The plan's spans on the day the live run went out, at the plan's clock times, when the
    run went out on another day than planned (a script run again, a date never updated): the
    review lays the plan beside the run instead of weeks away from it. Within half a day of the
    run the plan stays where it is, so a show that started late shows it."""
    if not planned or not actual:
        return planned
    days = round((actual[0].start - planned[0].start) / timedelta(days=1))
    if days == 0:
        return planned
    local, shift = time_zone(zone), timedelta(days=days)

    def moved(moment: datetime) -> datetime:
        # A day on the show's clock (aware arithmetic keeps the wall time across a DST change).
        return (moment.astimezone(local) + shift).astimezone(UTC)

    return [Span(s.segment_id, moved(s.start), moved(s.end)) for s in planned]


def live_run(runs: Sequence[Run]) -> Run | None:
    """The latest live run that reached a segment: the show as it went out."""
    for run in reversed(runs):
        if run.kind is RunKind.LIVE and any(
            e.kind is RunEventKind.SEGMENT_STARTED for e in run.events
        ):
            return run
    return None


def actual_spans(plan: ShowPlan, events: Sequence[RunEvent]) -> list[Span]:
    """Where each segment really was on the clock: from one segment's start to the next one's
    (pauses included: the stream stayed on), the last one to the run's end or its last event.
    A segment gone back to gets a second span; time in a segment deleted since gets None.
    Times are the run's own (run_timeline): a wall clock changed mid-show moves no span."""
    ids = {s.id for s in plan.segments}
    spans: list[Span] = []
    current: tuple[int | None, datetime] | None = None
    last = None
    for event, moment in zip(events, run_moments(events), strict=True):
        at = moment.astimezone(UTC)
        last = at
        if event.kind is RunEventKind.SEGMENT_STARTED:
            if current is not None and at > current[1]:
                spans.append(Span(current[0], current[1], at))
            segment = event.segment_id if event.segment_id in ids else None
            current = (segment, at)
        elif event.kind is RunEventKind.ENDED:
            break
    if current is not None and last is not None and last > current[1]:
        spans.append(Span(current[0], current[1], last))
    return spans


def on_air(plan: ShowPlan, runs: Sequence[Run]) -> tuple[datetime, datetime] | None:
    """When the show's live run had it on air (its first segment's start to the end), or None
    when it has not run live on the timer."""
    run = live_run(runs)
    spans = actual_spans(plan, run.events) if run is not None else []
    return (spans[0].start, spans[-1].end) if spans else None


def credited(
    minutes_ns: np.ndarray, starts_ns: np.ndarray, ends_ns: np.ndarray, lag: int
) -> np.ndarray:
    """For each minute (epoch ns of its start), the index of the span running at its middle
    `lag` minutes earlier (a gap between spans counts to the span before it). A minute of the
    show's first `lag` minutes goes to the first span; BEFORE or AFTER when that moment is
    outside the script."""
    middle = minutes_ns + _HALF_MIN
    moment = middle - lag * _NS_PER_MIN
    index = np.searchsorted(starts_ns, moment, side="right") - 1
    index = np.where((index < 0) & (middle >= starts_ns[0]), 0, index)
    index = np.where(index < 0, BEFORE, index)
    return np.where(moment >= ends_ns[-1], AFTER, index)


def holds_minutes(starts_ns: np.ndarray, ends_ns: np.ndarray, lag: int) -> np.ndarray:
    """For each span, whether credited() would give it some whole minute, were that minute in
    the data: one too short to hold a minute's middle gets none, and so made ¥0 where the data
    reaches it, while one that holds minutes the data lacks has no figure."""
    lag_ns = lag * _NS_PER_MIN
    # The moments credited to each span: from its start (the first span's from `lag` before)
    # to the next span's start, the last span's to its end.
    first = np.concatenate([starts_ns[:1] - lag_ns, starts_ns[1:]])
    last = np.concatenate([starts_ns[1:], ends_ns[-1:]])
    # The first whole minute whose middle, `lag` minutes back, is at or after `first`.
    minute = -((_HALF_MIN - lag_ns - first) // _MINUTE_NS) * _MINUTE_NS
    return minute + _HALF_MIN - lag_ns < last


def within(minutes_ns: np.ndarray, starts_ns: np.ndarray, ends_ns: np.ndarray) -> np.ndarray:
    """For each minute, the span its middle falls in, or BEFORE or AFTER the script."""
    return credited(minutes_ns, starts_ns, ends_ns, 0)


def owner_ids(spans: Sequence[Span]) -> list[int | None]:
    """Each span's segment id, a deleted segment's span taking its neighbour's (the one before,
    else the one after), so that its minutes and sales still land on a segment of the plan.
    None only when no span has a segment."""
    return owners_of([s.segment_id for s in spans])


def owners_of(segment_ids: Sequence[int | None]) -> list[int | None]:
    """owner_ids of spans of these segment ids (None: deleted). In plain integers: a show has a
    few dozen spans, too few for numpy or pandas to pay for themselves."""
    owners = list(segment_ids)
    for i in range(1, len(owners)):
        if owners[i] is None:
            owners[i] = owners[i - 1]
    for i in range(len(owners) - 2, -1, -1):
        if owners[i] is None:
            owners[i] = owners[i + 1]
    return owners


def span_owners(spans: Sequence[Span]) -> np.ndarray:
    """owner_ids as an array, -1 for None."""
    return np.array([-1 if o is None else o for o in owner_ids(spans)], dtype="int64")


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def epoch_ns(moment: datetime) -> int:
    """An aware time as integer epoch nanoseconds (exact: no float on the way)."""
    return (moment - _EPOCH) // _MICROSECOND * 1000


def epoch_ns_array(times: Sequence[datetime]) -> np.ndarray:
    return np.array([epoch_ns(t) for t in times], dtype="int64")


def wide(
    samples: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp] | None = None
) -> pd.DataFrame:
    """Tidy samples as one row per minute and one float column per metric present. Missing
    minutes are NaN rows from the first minute to the last within `window` (all of them without
    one); a minute outside it is a row of its own, with no empty rows filled in up to it."""
    if samples.empty:
        return pd.DataFrame(index=pd.DatetimeIndex([], tz=UTC, name="minute"))
    minutes = pd.DatetimeIndex(samples["minute"])
    full = _grid(minutes, window)
    rows = full.get_indexer(minutes)
    codes, names = pd.factorize(samples["metric"].to_numpy(dtype=object), sort=True)
    cells = rows * len(names) + codes
    if (rows < 0).any() or np.bincount(cells).max() > 1:
        # Not whole minutes, or a key given twice (never so when stored): pandas's pivot says so.
        table = samples.pivot(index="minute", columns="metric", values="value")
        table = table.reindex(full.union(minutes.unique())).astype("float64")
        table.columns.name = None
        return table.rename_axis("minute")
    # (minute, metric) is the stored key and every minute whole: each value has one cell of the
    # grid, placed directly (a pivot's MultiIndex costs as much again as reading the rows).
    grid = np.full((len(full), len(names)), np.nan)
    grid[rows, codes] = samples["value"].to_numpy(dtype="float64")
    return pd.DataFrame(grid, index=full, columns=list(names))


def _grid(
    minutes: pd.DatetimeIndex, window: tuple[pd.Timestamp, pd.Timestamp] | None
) -> pd.DatetimeIndex:
    if window is None:
        return pd.date_range(minutes.min(), minutes.max(), freq="min", name="minute")
    low, high = window
    near = (minutes >= low) & (minutes < high)
    filled = (
        pd.date_range(minutes[near].min(), minutes[near].max(), freq="min", name="minute")
        if near.any()
        else pd.DatetimeIndex([], tz=UTC, name="minute")
    )
    return filled.union(minutes[~near].unique()).rename("minute")


def show_window(spans: Sequence[Span], start: datetime) -> tuple[pd.Timestamp, pd.Timestamp]:
    """From REVIEW_MARGIN before the show's earliest time (its spans, its planned start) to
    REVIEW_MARGIN after its latest: where the review's minute grid is filled in."""
    # All in UTC, the spans' zone: aware times of one tzinfo compare without asking it.
    moments = [start.astimezone(UTC), *(s.start for s in spans), *(s.end for s in spans)]
    low, high = min(moments) - REVIEW_MARGIN, max(moments) + REVIEW_MARGIN
    return pd.Timestamp(low).tz_convert(UTC), pd.Timestamp(high).tz_convert(UTC)


def segment_of(index: np.ndarray, owners: np.ndarray) -> np.ndarray:
    """Span indices as segment ids; BEFORE and AFTER stay. A span whose segment is gone, with
    no neighbour to take it (every segment it ran is deleted), counts as after the script."""
    if not len(owners):
        return index
    ids = np.where(index >= 0, owners[np.clip(index, 0, None)], index)
    return np.where((index >= 0) & (ids < 0), AFTER, ids)
