"""Plan versus actual: a show's minute metrics laid over its segments, and the figures leads read.

Where the show was run live on the timer, segments are placed where the run log says they ran;
otherwise where the plan put them (`Review.source` says which). Each minute is credited to one
segment, so the segments' figures add up to the show's totals:

- sales (GMV, orders, buyers, items sold) go to the segment running `lag` minutes earlier, because
  people pay a minute or two after the pitch;
- everything else (viewers, comments, likes, followers) to the segment running in that minute.

A minute is "in" a segment when its middle (hh:mm:30) is. Sales before the first segment's start
plus the lag are credited to the first segment, and sales after the last segment to the last one
(orders still come in during the goodbye), so no sale is left uncounted. Money stays integer fen.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from liveplanner.core.enums import PromoKind, RunEventKind, RunKind, SegmentKind
from liveplanner.core.plan import ShowPlan
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
    A segment gone back to gets a second span; time in a segment deleted since gets None."""
    ids = {s.id for s in plan.segments}
    spans: list[Span] = []
    current: tuple[int | None, datetime] | None = None
    last = None
    for event in events:
        at = event.wall_time.astimezone(UTC)
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


def credited(minutes_ns: np.ndarray, starts_ns: np.ndarray, lag: int) -> np.ndarray:
    """For each minute (epoch ns of its start), the index of the span running at its middle
    `lag` minutes earlier; minutes before the first span go to it, after the last to the last."""
    moment = minutes_ns + _HALF_MIN - lag * _NS_PER_MIN
    index = np.searchsorted(starts_ns, moment, side="right") - 1
    return np.clip(index, 0, len(starts_ns) - 1)


def within(minutes_ns: np.ndarray, starts_ns: np.ndarray, ends_ns: np.ndarray) -> np.ndarray:
    """For each minute, the span its middle falls in, or -1 outside every span."""
    moment = minutes_ns + _HALF_MIN
    index = np.searchsorted(starts_ns, moment, side="right") - 1
    inside = (index >= 0) & (moment < ends_ns[np.clip(index, 0, None)])
    return np.where(inside, index, -1)


def span_owners(spans: Sequence[Span]) -> np.ndarray:
    """Each span's segment id, a deleted segment's span taking its neighbour's (the one before,
    else the one after), so that its minutes and sales still land on a segment of the plan."""
    owners = pd.Series([s.segment_id for s in spans], dtype="Int64")
    return owners.ffill().bfill().to_numpy(dtype="int64", na_value=-1)


def wide(samples: pd.DataFrame) -> pd.DataFrame:
    """Tidy samples as one row per minute (every minute from the first to the last, so missing
    minutes are NaN rows) and one float column per metric present."""
    if samples.empty:
        return pd.DataFrame(index=pd.DatetimeIndex([], tz=UTC, name="minute"))
    minutes = pd.DatetimeIndex(samples["minute"])
    full = pd.date_range(minutes.min(), minutes.max(), freq="min", name="minute")
    ns = minutes.as_unit("ns").asi8
    offsets = ns - ns.min()
    rows = offsets // _MINUTE_NS
    codes, names = pd.factorize(samples["metric"], sort=True)
    cells = rows * len(names) + codes
    whole = not (offsets % _MINUTE_NS).any()
    if not whole or np.bincount(cells).max() > 1:
        # Not whole minutes, or a key given twice (never so when stored): pandas's pivot says so.
        table = samples.pivot(index="minute", columns="metric", values="value")
        table = table.reindex(full).astype("float64")
        table.columns.name = None
        return table
    # (minute, metric) is the stored key and every minute whole: each value has one cell of the
    # grid, placed directly (a pivot's MultiIndex costs as much again as reading the rows).
    grid = np.full((len(full), len(names)), np.nan)
    grid[rows, codes] = samples["value"].to_numpy(dtype="float64")
    return pd.DataFrame(grid, index=full, columns=list(names))


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
    gmv_fen: int
    orders: int
    buyers: int
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


@dataclass(frozen=True, slots=True)
class Totals:
    gmv_fen: int
    orders: int
    buyers: int
    new_followers: int | None
    peak_viewers: int | None
    avg_viewers: float | None
    viewers: int | None  # unique viewers, summed over minutes (观看人数)
    views: int | None
    conversion: float | None  # buyers / unique viewers
    interaction: float | None  # comments / unique viewers
    gpm_fen: float | None
    minutes: int  # minutes with data
    missing_minutes: int  # minutes without any sample between the first and the last


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

    key: str  # a SegmentKind value, or a product id as text ("" for none)
    segments: int
    seconds: int
    gmv_fen: int
    orders: int

    @property
    def gmv_per_min_fen(self) -> float | None:
        return self.gmv_fen * 60 / self.seconds if self.seconds else None


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
    totals: Totals
    targets: tuple[TargetResult, ...]
    by_kind: tuple[GroupFigures, ...]
    by_product: tuple[GroupFigures, ...]
    markers: tuple[Marker, ...]

    @property
    def spans(self) -> tuple[Span, ...]:
        """The spans the figures were computed on."""
        return self.actual if self.source is Source.ACTUAL else self.planned

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


def _per_span_sum(values: np.ndarray | None, index: np.ndarray, n: int) -> np.ndarray | None:
    if values is None:
        return None
    keep = (index >= 0) & ~np.isnan(values)
    return np.bincount(index[keep], weights=values[keep], minlength=n)


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
    table = wide(samples)
    minutes_ns = table.index.as_unit("ns").asi8
    starts = _ns([s.start for s in spans])
    ends = _ns([s.end for s in spans])
    owners = span_owners(spans) if spans else np.zeros(0, "int64")
    if spans and len(table):
        credit = credited(minutes_ns, starts, lag)
        inside = within(minutes_ns, starts, ends)
    else:
        credit = inside = np.full(len(table), -1)
    table = table.assign(
        segment=np.where(inside >= 0, owners[inside], -1) if len(owners) else inside,
        credited_to=owners[credit] if len(owners) else credit,
    )
    figures = _segment_figures(plan, times, spans, source, table)
    return Review(
        show_id=plan.show.id,
        source=source,
        run_id=run.id if run is not None and actual else None,
        lag=lag,
        planned=tuple(planned),
        actual=tuple(actual),
        minutes=table,
        segments=figures,
        totals=(totals := _totals(table)),
        targets=_targets(plan.show.targets, totals),
        by_kind=_groups(figures, lambda f: f.kind.value),
        by_product=_groups(
            figures, lambda f: "" if f.product_id is None else str(f.product_id), only_set=True
        ),
        markers=_markers(plan, spans),
    )


def _segment_figures(
    plan: ShowPlan, times: Schedule, spans: Sequence[Span], source: Source, table: pd.DataFrame
) -> tuple[SegmentFigures, ...]:
    slots = {slot.segment_id: slot for slot in times.slots}
    zone = plan.show.planned_start.tzinfo
    ran: dict[int, list[Span]] = {}
    for span in spans:
        if span.segment_id is not None:
            ran.setdefault(span.segment_id, []).append(span)
    # Group minutes by the plan's segment ids through a dense index, for bincount.
    ids = pd.Index([s.id for s in plan.segments])
    n = len(plan.segments)
    own = ids.get_indexer(table["segment"].to_numpy())
    sold = ids.get_indexer(table["credited_to"].to_numpy())
    sums = {name: _per_span_sum(_column(table, name), sold, n) for name in SALES}
    own_sums = {
        name: _per_span_sum(_column(table, name), own, n)
        for name in ("entries", "exits", "comments", "likes", "views")
    }
    viewer_figures = _viewer_figures(_column(table, "online_viewers"), own, n)
    minutes = np.bincount(own[own >= 0], minlength=n)
    figures = []
    for i, segment in enumerate(plan.segments):
        slot = slots[segment.id]
        its = ran.get(segment.id, [])
        actual_s = (
            round(sum((s.end - s.start).total_seconds() for s in its))
            if source is Source.ACTUAL
            else None
        )
        seconds = slot.duration_s if actual_s is None else actual_s
        gmv = _int(sums["gmv"], i)
        figures.append(
            SegmentFigures(
                segment_id=segment.id,
                position=slot.position,
                title=segment.title,
                kind=segment.kind,
                product_id=segment.product_id,
                planned_start=slot.start,
                planned_s=slot.duration_s,
                actual_start=its[0].start.astimezone(zone) if its else None,
                actual_s=actual_s,
                minutes=int(minutes[i]),
                gmv_fen=gmv,
                orders=_int(sums["orders"], i),
                buyers=_int(sums["buyers"], i),
                gmv_per_min_fen=gmv * 60 / seconds if seconds else None,
                avg_viewers=viewer_figures[0][i],
                peak_viewers=viewer_figures[1][i],
                net_entries=(
                    _int(own_sums["entries"], i) - _int(own_sums["exits"], i)
                    if own_sums["entries"] is not None and own_sums["exits"] is not None
                    else None
                ),
                comments_per_min=_rate(own_sums["comments"], i, minutes[i]),
                likes_per_min=_rate(own_sums["likes"], i, minutes[i]),
                gpm_fen=_gpm(gmv, own_sums["views"], i),
            )
        )
    return tuple(figures)


def _int(sums: np.ndarray | None, i: int) -> int:
    return 0 if sums is None else round(float(sums[i]))


def _rate(sums: np.ndarray | None, i: int, minutes: int) -> float | None:
    return None if sums is None or not minutes else float(sums[i]) / minutes


def _gpm(gmv_fen: int, views: np.ndarray | None, i: int) -> float | None:
    if views is None or not views[i]:
        return None
    return gmv_fen * 1000 / float(views[i])


def _viewer_figures(
    viewers: np.ndarray | None, own: np.ndarray, n: int
) -> tuple[list[float | None], list[int | None]]:
    """Each segment's average and peak online viewers over its own minutes with data."""
    if viewers is None:
        return [None] * n, [None] * n
    keep = (own >= 0) & ~np.isnan(viewers)
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


def _totals(table: pd.DataFrame) -> Totals:
    metrics = table.drop(columns=["segment", "credited_to"])
    with_data = metrics.notna().any(axis=1)
    viewers = metrics["online_viewers"].dropna() if "online_viewers" in metrics else None
    unique = _total(metrics, "unique_viewers")
    views = _total(metrics, "views")
    buyers = _total(metrics, "buyers")
    comments = _total(metrics, "comments")
    gmv = _total(metrics, "gmv") or 0
    return Totals(
        gmv_fen=gmv,
        orders=_total(metrics, "orders") or 0,
        buyers=buyers or 0,
        new_followers=_total(metrics, "new_followers"),
        peak_viewers=int(viewers.max()) if viewers is not None and len(viewers) else None,
        avg_viewers=float(viewers.mean()) if viewers is not None and len(viewers) else None,
        viewers=unique,
        views=views,
        conversion=buyers / unique if buyers is not None and unique else None,
        interaction=comments / unique if comments is not None and unique else None,
        gpm_fen=gmv * 1000 / views if views else None,
        minutes=int(with_data.sum()),
        missing_minutes=int((~with_data).sum()),
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
            gmv_fen=sum(f.gmv_fen for f in members),
            orders=sum(f.orders for f in members),
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
