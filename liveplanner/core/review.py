"""Plan versus actual: a show's minute metrics laid over its segments, and the figures leads read.

Where the show was run live on the timer, segments are placed where the run log says they ran;
otherwise where the plan put them (`Review.source` says which). Each minute is credited to one
segment, so the segments' figures add up to the show's totals:

- sales (GMV, orders, buyers, items sold) go to the segment running `lag` minutes earlier, because
  people pay a minute or two after the pitch;
- everything else (viewers, comments, likes, followers) to the segment running in that minute.

A minute is "in" a segment when its middle (hh:mm:30) is. Sales in the show's first `lag` minutes
are credited to the first segment (no pitch came before it). Minutes before the script or after it
(another day's export, a stream left running) are credited to no segment: they are the review's
`outside` rows, so the segments plus those rows add up to the show's totals and no sale is left
uncounted or put on a segment it did not follow. A metric the export does not have is None in
every figure made from it, never 0. Money stays integer fen.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from liveplanner.core.enums import PromoKind, RunEventKind, RunKind, SegmentKind
from liveplanner.core.plan import ShowPlan
from liveplanner.core.run_timeline import run_moments
from liveplanner.core.runlog import Run, RunEvent
from liveplanner.core.schedule import Schedule, schedule

if TYPE_CHECKING:
    from liveplanner.core.plan import Targets

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


def span_owners(spans: Sequence[Span]) -> np.ndarray:
    """Each span's segment id, a deleted segment's span taking its neighbour's (the one before,
    else the one after), so that its minutes and sales still land on a segment of the plan."""
    owners = pd.Series([s.segment_id for s in spans], dtype="Int64")
    return owners.ffill().bfill().to_numpy(dtype="int64", na_value=-1)


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
    codes, names = pd.factorize(samples["metric"], sort=True)
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


@dataclass(frozen=True, slots=True)
class SegmentFigures:
    segment_id: int
    position: int  # 1-based
    title: str
    kind: SegmentKind
    product_id: int | None
    planned_start: datetime  # aware, the show's zone
    planned_s: int
    actual_start: datetime | None  # None: planned-only review, or never run
    actual_s: int | None
    minutes: int  # minutes of data whose middle fell in it
    # Sales credited to it; None where the export has no such series, or no minute of it
    # was credited here (a segment the data does not reach, or one that never ran).
    gmv_fen: int | None
    orders: int | None
    buyers: int | None
    gmv_per_min_fen: float | None
    avg_viewers: float | None
    peak_viewers: int | None
    net_entries: int | None  # entries minus exits; None where the export has not both
    comments_per_min: float | None
    likes_per_min: float | None
    gpm_fen: float | None  # GMV per 1,000 views (visits)

    @property
    def start(self) -> datetime:
        return self.actual_start or self.planned_start

    @property
    def seconds(self) -> int:
        return self.planned_s if self.actual_s is None else self.actual_s


class Outside(StrEnum):
    BEFORE = "before"  # minutes before the script's first segment
    AFTER = "after"  # minutes after its last one


@dataclass(frozen=True, slots=True)
class OutsideFigures:
    """The minutes before or after the script, and the sales credited there: with the segments'
    figures they add up to the show's totals. Figures as SegmentFigures, None where they are
    not measured or have no meaning outside a segment."""

    where: Outside
    first_minute: datetime  # aware, the show's zone: the stretch of data it covers
    last_minute: datetime
    minutes: int
    gmv_fen: int | None
    orders: int | None
    buyers: int | None
    avg_viewers: float | None
    peak_viewers: int | None
    net_entries: int | None
    comments_per_min: float | None
    likes_per_min: float | None
    gpm_fen: float | None

    # What a segment row has and this one has not, so both can share a table's columns.
    segment_id = None
    title = ""
    kind = None
    product_id = None
    planned_start = None
    planned_s = None
    actual_start = None
    actual_s = None
    gmv_per_min_fen = None

    @property
    def position(self) -> int:
        """Where it sorts by position: before the first segment, or after every one."""
        return 0 if self.where is Outside.BEFORE else 1_000_000

    @property
    def seconds(self) -> int | None:
        return None


@dataclass(frozen=True, slots=True)
class Totals:
    gmv_fen: int | None  # None: the export has no such series
    orders: int | None
    buyers: int | None
    new_followers: int | None
    peak_viewers: int | None
    avg_viewers: float | None
    viewers: int | None  # unique viewers, summed over minutes (观看人数)
    views: int | None
    conversion: float | None  # buyers / unique viewers
    interaction: float | None  # comments / unique viewers
    gpm_fen: float | None
    minutes: int  # minutes with data
    # Minutes of the show's time (the live run's, else the plan's: first segment's start to the
    # last one's end) without any sample; with no segment, the gaps between the data's first
    # and last minute. An export of half the show leaves the other half missing.
    missing_minutes: int
    show_minutes: int  # minutes of the show's time (0: no segment, no time to cover)


class TargetName(StrEnum):
    GMV = "gmv"
    VIEWERS = "viewers"
    CONVERSION = "conversion"
    NEW_FOLLOWERS = "new_followers"
    INTERACTION = "interaction"


@dataclass(frozen=True, slots=True)
class TargetResult:
    name: TargetName
    target: float  # fen for GMV, a fraction for rates, else a count
    actual: float | None  # None: the export has no data for it

    @property
    def met(self) -> bool | None:
        return None if self.actual is None else self.actual >= self.target

    @property
    def short_by(self) -> float | None:
        """How far under the target (0 when met); None when there is no actual."""
        return None if self.actual is None else max(0.0, self.target - self.actual)


@dataclass(frozen=True, slots=True)
class GroupFigures:
    """Totals of the segments of one kind, or of one product."""

    key: str  # a SegmentKind value, a product id as text ("" for none), or OUTSIDE_KEY
    segments: int
    seconds: int | None  # None for the minutes outside the script, which have no length
    gmv_fen: int | None  # None: no data for it (see SegmentFigures)
    orders: int | None
    # The seconds of the segments whose GMV is known: a show's export covering half of them
    # says what that half earned per minute, not half of it.
    gmv_seconds: int

    @property
    def gmv_per_min_fen(self) -> float | None:
        """None when no segment of the group has a GMV figure (no data is not ¥0)."""
        if self.gmv_fen is None or not self.gmv_seconds:
            return None
        return self.gmv_fen * 60 / self.gmv_seconds


OUTSIDE_KEY = "outside"  # GroupFigures of the minutes outside the script


class MarkerKind(StrEnum):
    COUPON_DROP = "coupon_drop"
    FLASH_SALE = "flash_sale"
    LUCKY_DRAW = "lucky_draw"


_MARKER_OF_PROMO = {
    PromoKind.COUPON: MarkerKind.COUPON_DROP,
    PromoKind.FLASH_SALE: MarkerKind.FLASH_SALE,
    PromoKind.LUCKY_DRAW: MarkerKind.LUCKY_DRAW,
}
_MARKER_OF_SEGMENT = {
    SegmentKind.COUPON_DROP: MarkerKind.COUPON_DROP,
    SegmentKind.FLASH_SALE: MarkerKind.FLASH_SALE,
    SegmentKind.LUCKY_DRAW: MarkerKind.LUCKY_DRAW,
}


@dataclass(frozen=True, slots=True)
class Marker:
    at: datetime  # aware UTC
    kind: MarkerKind
    label: str  # the promo's name, or the segment's title
    segment_id: int


@dataclass(frozen=True, slots=True)
class Review:
    show_id: int
    source: Source
    run_id: int | None
    lag: int
    planned: tuple[Span, ...]
    actual: tuple[Span, ...]  # empty for a planned-only review
    minutes: pd.DataFrame  # wide(): per minute, per metric, plus `segment` and `credited_to`
    segments: tuple[SegmentFigures, ...]
    outside: tuple[OutsideFigures, ...]  # before and after the script, where there is data
    totals: Totals
    targets: tuple[TargetResult, ...]
    by_kind: tuple[GroupFigures, ...]
    by_product: tuple[GroupFigures, ...]
    markers: tuple[Marker, ...]

    @property
    def spans(self) -> tuple[Span, ...]:
        """The spans the figures were computed on."""
        return self.actual if self.source is Source.ACTUAL else self.planned

    def outside_group(self) -> GroupFigures | None:
        """The outside rows as one group, for tables by kind; None when there are none."""
        if not self.outside:
            return None
        return GroupFigures(
            OUTSIDE_KEY,
            0,
            None,
            _sum_known([o.gmv_fen for o in self.outside]),
            _sum_known([o.orders for o in self.outside]),
            0,  # no length: no rate
        )

    def segment_at(self, at: datetime) -> int | None:
        """The segment running at `at` (aware), by the review's own times."""
        for span in self.spans:
            if span.start <= at < span.end:
                return span.segment_id
        return None


def _ns(times: Sequence[datetime]) -> np.ndarray:
    return pd.DatetimeIndex(list(times)).as_unit("ns").asi8 if times else np.zeros(0, "int64")


def _column(table: pd.DataFrame, name: str) -> np.ndarray | None:
    return table[name].to_numpy() if name in table.columns else None


@dataclass(frozen=True, slots=True)
class _Sums:
    """A metric's sum over each row (the segments, then before and after the script), and how
    many minutes of it each row had: a row with none has no figure, not 0."""

    sums: np.ndarray
    counts: np.ndarray

    def value(self, i: int) -> int | None:
        return round(float(self.sums[i])) if self.counts[i] else None

    def rate(self, i: int, minutes: int) -> float | None:
        return float(self.sums[i]) / minutes if self.counts[i] and minutes else None


def _per_row_sum(values: np.ndarray | None, rows: np.ndarray, n: int) -> _Sums | None:
    if values is None:
        return None
    keep = ~np.isnan(values)
    return _Sums(
        np.bincount(rows[keep], weights=values[keep], minlength=n),
        np.bincount(rows[keep], minlength=n),
    )


def _sum_known(values: Sequence[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def review(
    plan: ShowPlan, runs: Sequence[Run], samples: pd.DataFrame, lag: int = DEFAULT_LAG
) -> Review:
    """The whole review of one show. `samples` is the tidy (minute, metric, value) frame."""
    if not 0 <= lag <= MAX_LAG:
        raise ValueError(f"the attribution lag must be 0 to {MAX_LAG} minutes, not {lag}")
    times = schedule(plan)
    planned = planned_spans(plan, times)
    run = live_run(runs)
    actual = actual_spans(plan, run.events) if run is not None else []
    source = Source.ACTUAL if actual else Source.PLANNED
    spans = actual if actual else planned
    table = wide(samples, show_window([*planned, *actual], plan.show.planned_start))
    minutes_ns = pd.DatetimeIndex(table.index).as_unit("ns").asi8
    if spans:
        starts = _ns([s.start for s in spans])
        ends = _ns([s.end for s in spans])
        credit = credited(minutes_ns, starts, ends, lag)
        inside = within(minutes_ns, starts, ends)
        owners = span_owners(spans)
    else:
        # No segment at all: every minute is outside, before or after the planned start.
        start = _ns([plan.show.planned_start])[0]
        inside = credit = np.where(minutes_ns + _HALF_MIN < start, BEFORE, AFTER)
        owners = np.zeros(0, "int64")
    table = table.assign(segment=segment_of(inside, owners), credited_to=segment_of(credit, owners))
    figures, outside = _row_figures(plan, times, spans, source, table, lag)
    return Review(
        show_id=plan.show.id,
        source=source,
        run_id=run.id if run is not None and actual else None,
        lag=lag,
        planned=tuple(planned),
        actual=tuple(actual),
        minutes=table,
        segments=figures,
        outside=outside,
        totals=(totals := _totals(table, spans)),
        targets=_targets(plan.show.targets, _judged(totals)),
        by_kind=_groups(figures, lambda f: f.kind.value),
        by_product=_groups(
            figures, lambda f: "" if f.product_id is None else str(f.product_id), only_set=True
        ),
        markers=_markers(plan, spans),
    )


def show_window(spans: Sequence[Span], start: datetime) -> tuple[pd.Timestamp, pd.Timestamp]:
    """From REVIEW_MARGIN before the show's earliest time (its spans, its planned start) to
    REVIEW_MARGIN after its latest: where the review's minute grid is filled in."""
    moments = [start, *(s.start for s in spans), *(s.end for s in spans)]
    low, high = min(moments) - REVIEW_MARGIN, max(moments) + REVIEW_MARGIN
    return pd.Timestamp(low).tz_convert(UTC), pd.Timestamp(high).tz_convert(UTC)


def _judged(totals: Totals) -> Totals:
    """The totals the targets are judged on: none when no minute of the show has data (a file
    of another time kept as it is, --keep-dates, is not this show's result)."""
    if not totals.show_minutes or totals.missing_minutes < totals.show_minutes:
        return totals
    return replace(totals, gmv_fen=None, viewers=None, conversion=None, new_followers=None,
                   interaction=None)  # fmt: skip


def segment_of(index: np.ndarray, owners: np.ndarray) -> np.ndarray:
    """Span indices as segment ids; BEFORE and AFTER stay. A span whose segment is gone, with
    no neighbour to take it (every segment it ran is deleted), counts as after the script."""
    if not len(owners):
        return index
    ids = np.where(index >= 0, owners[np.clip(index, 0, None)], index)
    return np.where((index >= 0) & (ids < 0), AFTER, ids)


def _row_figures(
    plan: ShowPlan,
    times: Schedule,
    spans: Sequence[Span],
    source: Source,
    table: pd.DataFrame,
    lag: int,
) -> tuple[tuple[SegmentFigures, ...], tuple[OutsideFigures, ...]]:
    """Each segment's figures, and those of the minutes before and after the script."""
    slots = {slot.segment_id: slot for slot in times.slots}
    zone = plan.show.planned_start.tzinfo
    ran: dict[int, list[Span]] = {}
    for span in spans:
        if span.segment_id is not None:
            ran.setdefault(span.segment_id, []).append(span)
    # Rows 0..n-1 are the plan's segments, n is before the script and n+1 after it: one dense
    # index for bincount, so every minute lands on exactly one row.
    n = len(plan.segments)
    ids = pd.Index([s.id for s in plan.segments])

    def rows_of(segment_ids: np.ndarray) -> np.ndarray:
        rows = ids.get_indexer(pd.Index(segment_ids))
        rows = np.where(segment_ids == BEFORE, n, rows)
        return np.where((segment_ids == AFTER) | (rows < 0), n + 1, rows)

    own = rows_of(table["segment"].to_numpy())
    sold = rows_of(table["credited_to"].to_numpy())
    width = n + 2
    sums = {name: _per_row_sum(_column(table, name), sold, width) for name in SALES}
    own_sums = {
        name: _per_row_sum(_column(table, name), own, width)
        for name in ("entries", "exits", "comments", "likes", "views")
    }
    avg_viewers, peak_viewers = _viewer_figures(_column(table, "online_viewers"), own, width)
    minutes = np.bincount(own, minlength=width)
    # The segments some minute's sales would be credited to, had the export every minute.
    span_rows = rows_of(segment_of(np.arange(len(spans)), span_owners(spans)))
    holding = np.zeros(width, dtype=bool)
    if spans:
        span_ns = _ns([s.start for s in spans]), _ns([s.end for s in spans])
        holding[span_rows[holds_minutes(*span_ns, lag)]] = True

    # A segment's sales are measured when the series has data where they fall, its time
    # `lag` minutes on: a short segment no minute was credited to made ¥0, but one the export
    # does not reach (a 5-minute segment whose data stops before its sales), or one that never
    # ran, has no figure.
    minutes_ns = pd.DatetimeIndex(table.index).as_unit("ns").asi8
    reach: dict[str, tuple[int, int]] = {}
    for name in SALES:
        values = _column(table, name)
        if values is not None and (~np.isnan(values)).any():
            measured = minutes_ns[~np.isnan(values)]
            reach[name] = (int(measured[0]), int(measured[-1]) + _MINUTE_NS)
    lag_ns = lag * _NS_PER_MIN
    stretch_rows: list[int] = []
    stretches: list[tuple[datetime, datetime]] = []
    for i, segment in enumerate(plan.segments):
        if source is Source.ACTUAL:
            its = [(s.start, s.end) for s in ran.get(segment.id, [])]
        else:
            its = [(slots[segment.id].start, slots[segment.id].end)]
        stretch_rows += [i] * len(its)
        stretches += its
    stretch_of = np.asarray(stretch_rows, dtype="int64")
    starts_ns = _ns([a for a, _ in stretches]) + lag_ns
    ends_ns = _ns([b for _, b in stretches]) + lag_ns
    reached: dict[str, np.ndarray] = {}
    for name, (first, end) in reach.items():
        overlap = (starts_ns < end) & (ends_ns > first)
        reached[name] = np.bincount(stretch_of[overlap], minlength=n) > 0

    def sale(name: str, i: int) -> int | None:
        found = sums[name]
        if found is None:
            return None
        if i < n and not found.counts[i]:
            # No minute credited at all (too short a segment) made ¥0; minutes credited but
            # missing from the export are unknown, not ¥0.
            unknown = holding[i] or name not in reached or not reached[name][i]
            return None if unknown else 0
        return found.value(i)

    def own_rate(name: str, i: int) -> float | None:
        found = own_sums[name]
        return None if found is None else found.rate(i, int(minutes[i]))

    def net_entries(i: int) -> int | None:
        entries, exits = own_sums["entries"], own_sums["exits"]
        if entries is None or exits is None:
            return None
        went_in, went_out = entries.value(i), exits.value(i)
        return None if went_in is None or went_out is None else went_in - went_out

    def gpm(i: int) -> float | None:
        gmv, views = sale("gmv", i), own_sums["views"]
        if gmv is None or views is None or not views.counts[i] or not views.sums[i]:
            return None
        return gmv * 1000 / float(views.sums[i])

    figures = []
    for i, segment in enumerate(plan.segments):
        slot = slots[segment.id]
        its_spans = ran.get(segment.id, [])
        actual_s = (
            round(sum((s.end - s.start).total_seconds() for s in its_spans))
            if source is Source.ACTUAL
            else None
        )
        seconds = slot.duration_s if actual_s is None else actual_s
        gmv = sale("gmv", i)
        figures.append(
            SegmentFigures(
                segment_id=segment.id,
                position=slot.position,
                title=segment.title,
                kind=segment.kind,
                product_id=segment.product_id,
                planned_start=slot.start,
                planned_s=slot.duration_s,
                actual_start=its_spans[0].start.astimezone(zone) if its_spans else None,
                actual_s=actual_s,
                minutes=int(minutes[i]),
                gmv_fen=gmv,
                orders=sale("orders", i),
                buyers=sale("buyers", i),
                gmv_per_min_fen=gmv * 60 / seconds if gmv is not None and seconds else None,
                avg_viewers=avg_viewers[i],
                peak_viewers=peak_viewers[i],
                net_entries=net_entries(i),
                comments_per_min=own_rate("comments", i),
                likes_per_min=own_rate("likes", i),
                gpm_fen=gpm(i),
            )
        )
    outside = []
    for i, where in ((n, Outside.BEFORE), (n + 1, Outside.AFTER)):
        if not minutes[i]:
            continue
        stretch = table.index[own == i]
        outside.append(
            OutsideFigures(
                where=where,
                first_minute=stretch[0].to_pydatetime().astimezone(zone),
                last_minute=stretch[-1].to_pydatetime().astimezone(zone),
                minutes=int(minutes[i]),
                gmv_fen=sale("gmv", i),
                orders=sale("orders", i),
                buyers=sale("buyers", i),
                avg_viewers=avg_viewers[i],
                peak_viewers=peak_viewers[i],
                net_entries=net_entries(i),
                comments_per_min=own_rate("comments", i),
                likes_per_min=own_rate("likes", i),
                gpm_fen=gpm(i),
            )
        )
    return tuple(figures), tuple(outside)


def _viewer_figures(
    viewers: np.ndarray | None, own: np.ndarray, n: int
) -> tuple[list[float | None], list[int | None]]:
    """Each row's average and peak online viewers over its own minutes with data."""
    if viewers is None:
        return [None] * n, [None] * n
    keep = ~np.isnan(viewers)
    index, values = own[keep], viewers[keep]
    counts = np.bincount(index, minlength=n)
    sums = np.bincount(index, weights=values, minlength=n)
    peaks = np.full(n, -np.inf)
    np.maximum.at(peaks, index, values)
    return (
        [float(sums[i] / counts[i]) if counts[i] else None for i in range(n)],
        [int(peaks[i]) if counts[i] else None for i in range(n)],
    )


def _total(table: pd.DataFrame, name: str) -> int | None:
    return round(float(table[name].sum())) if name in table.columns else None


def show_minutes(spans: Sequence[Span]) -> np.ndarray:
    """The whole minutes (epoch ns of their starts) of the show's time, from the first span's
    start to the last one's end: those whose middle falls in it, as a minute is in a segment."""
    if not spans:
        return np.zeros(0, "int64")
    start, end = _ns([spans[0].start, spans[-1].end])
    first = -(-(start - _HALF_MIN) // _MINUTE_NS) * _MINUTE_NS  # the first middle at or after
    return np.arange(first, end - _HALF_MIN, _MINUTE_NS, dtype="int64")


def _missing(table: pd.DataFrame, with_data: pd.Series, spans: Sequence[Span]) -> tuple[int, int]:
    """The show's minutes without data, and the show's minutes (see Totals.missing_minutes)."""
    show = show_minutes(spans)
    if not len(show):
        return int((~with_data).sum()), 0
    data_ns = pd.DatetimeIndex(table.index).as_unit("ns").asi8[with_data.to_numpy()]
    covered = np.isin(show, data_ns // _MINUTE_NS * _MINUTE_NS)
    return int((~covered).sum()), len(show)


def _totals(table: pd.DataFrame, spans: Sequence[Span]) -> Totals:
    metrics = table.drop(columns=["segment", "credited_to"])
    with_data = metrics.notna().any(axis=1)
    missing, of_show = _missing(table, with_data, spans)
    viewers = metrics["online_viewers"].dropna() if "online_viewers" in metrics else None
    unique = _total(metrics, "unique_viewers")
    views = _total(metrics, "views")
    buyers = _total(metrics, "buyers")
    comments = _total(metrics, "comments")
    gmv = _total(metrics, "gmv")
    return Totals(
        gmv_fen=gmv,
        orders=_total(metrics, "orders"),
        buyers=buyers,
        new_followers=_total(metrics, "new_followers"),
        peak_viewers=int(viewers.max()) if viewers is not None and len(viewers) else None,
        avg_viewers=float(viewers.mean()) if viewers is not None and len(viewers) else None,
        viewers=unique,
        views=views,
        conversion=buyers / unique if buyers is not None and unique else None,
        interaction=comments / unique if comments is not None and unique else None,
        gpm_fen=gmv * 1000 / views if gmv is not None and views else None,
        minutes=int(with_data.sum()),
        missing_minutes=missing,
        show_minutes=of_show,
    )


def _targets(targets: "Targets", totals: Totals) -> tuple[TargetResult, ...]:
    pairs: list[tuple[TargetName, float | None, float | None]] = [
        (TargetName.GMV, targets.gmv_fen, totals.gmv_fen),
        (TargetName.VIEWERS, targets.viewers, totals.viewers),
        (
            TargetName.CONVERSION,
            None if targets.conversion_bp is None else targets.conversion_bp / 10_000,
            totals.conversion,
        ),
        (TargetName.NEW_FOLLOWERS, targets.new_followers, totals.new_followers),
        (
            TargetName.INTERACTION,
            None if targets.interaction_bp is None else targets.interaction_bp / 10_000,
            totals.interaction,
        ),
    ]
    return tuple(
        TargetResult(name, float(target), None if actual is None else float(actual))
        for name, target, actual in pairs
        if target is not None
    )


def _groups(
    figures: Sequence[SegmentFigures],
    key: Callable[[SegmentFigures], str],
    only_set: bool = False,
) -> tuple[GroupFigures, ...]:
    groups: dict[str, list[SegmentFigures]] = {}
    for f in figures:
        groups.setdefault(key(f), []).append(f)
    return tuple(
        GroupFigures(
            key=name,
            segments=len(members),
            seconds=sum(f.seconds for f in members),
            gmv_fen=_sum_known([f.gmv_fen for f in members]),
            orders=_sum_known([f.orders for f in members]),
            gmv_seconds=sum(f.seconds for f in members if f.gmv_fen is not None),
        )
        for name, members in groups.items()
        if not (only_set and name == "")
    )


def _markers(plan: ShowPlan, spans: Sequence[Span]) -> tuple[Marker, ...]:
    """Coupon drops, flash sales and lucky draws: each release at its moment, and a segment of
    such a kind with no release at its start."""
    first: dict[int, datetime] = {}
    for span in spans:
        if span.segment_id is not None:
            first.setdefault(span.segment_id, span.start)
    markers = []
    released: set[int] = set()
    for release in plan.releases:
        promo = plan.promo(release.promo_id)
        if promo is None or promo.kind not in _MARKER_OF_PROMO or release.segment_id not in first:
            continue
        released.add(release.segment_id)
        at = first[release.segment_id] + timedelta(seconds=release.offset_s)
        markers.append(Marker(at, _MARKER_OF_PROMO[promo.kind], promo.name, release.segment_id))
    for segment in plan.segments:
        kind = _MARKER_OF_SEGMENT.get(segment.kind)
        if kind is not None and segment.id in first and segment.id not in released:
            markers.append(Marker(first[segment.id], kind, segment.title, segment.id))
    return tuple(sorted(markers, key=lambda m: m.at))
