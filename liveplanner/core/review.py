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
from datetime import datetime, timedelta

import numpy as np
import pandas as pd

from liveplanner.core.enums import PromoKind, SegmentKind
from liveplanner.core.plan import ShowPlan
from liveplanner.core.product_figures import SegmentProducts, ShowProducts, product_figures
from liveplanner.core.product_sales import ProductSales
from liveplanner.core.refused import Refused
from liveplanner.core.review_figures import (
    GroupFigures,
    Marker,
    MarkerKind,
    Outside,
    OutsideFigures,
    Review,
    SegmentFigures,
    Totals,
    _sum_known,
    efficiency,
)
from liveplanner.core.review_spans import (
    _HALF_MIN,
    _MINUTE_NS,
    _NS_PER_MIN,
    AFTER,
    BEFORE,
    DEFAULT_LAG,
    MAX_LAG,
    SALES,
    Source,
    Span,
    actual_spans,
    credited,
    epoch_ns_array,
    holds_minutes,
    live_run,
    on_run_day,
    planned_spans,
    segment_of,
    show_window,
    span_owners,
    wide,
    within,
)
from liveplanner.core.review_watch import avg_watch, viewers_kept
from liveplanner.core.runlog import Run
from liveplanner.core.schedule import Schedule, schedule
from liveplanner.core.target_judging import judge

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
class _Sums:
    """A metric's sum over each row (the segments, then before and after the script), and how
    many minutes of it each row had: a row with none has no figure, not 0. Plain lists: each
    figure reads one element, and a numpy scalar costs more than the arithmetic done with it."""

    sums: list[float]
    counts: list[int]

    def value(self, i: int) -> int | None:
        return round(self.sums[i]) if self.counts[i] else None

    def rate(self, i: int, minutes: int) -> float | None:
        return self.sums[i] / minutes if self.counts[i] and minutes else None


def _per_row_sum(values: np.ndarray | None, rows: np.ndarray, n: int) -> _Sums | None:
    if values is None:
        return None
    keep = ~np.isnan(values)
    return _Sums(
        np.bincount(rows[keep], weights=values[keep], minlength=n).tolist(),
        np.bincount(rows[keep], minlength=n).tolist(),
    )


def review(
    plan: ShowPlan,
    runs: Sequence[Run],
    samples: pd.DataFrame,
    lag: int = DEFAULT_LAG,
    product_sales: Sequence[ProductSales] = (),
) -> Review:
    """The whole review of one show. `samples` is the tidy (minute, metric, value) frame;
    `product_sales` the show's product export, shared over its segments as
    core.product_figures says."""
    if not 0 <= lag <= MAX_LAG:
        raise Refused(
            f"the attribution lag must be 0 to {MAX_LAG} minutes, not {lag}",
            "input.lag_range",
            lag=lag,
            most=MAX_LAG,
        )
    times = schedule(plan)
    planned = planned_spans(plan, times)
    run = live_run(runs)
    actual = actual_spans(plan, run.events) if run is not None else []
    planned = on_run_day(planned, actual, plan.show.time_zone)
    source = Source.ACTUAL if actual else Source.PLANNED
    spans = actual if actual else planned
    start = planned[0].start if planned else plan.show.planned_start
    table = wide(samples, show_window([*planned, *actual], start))
    minutes_ns = pd.DatetimeIndex(table.index).as_unit("ns").asi8
    # Each metric's minutes as one numpy column, taken once (a frame's column costs more to
    # reach than most sums made of it).
    columns: dict[str, np.ndarray] = dict(zip(table.columns, table.to_numpy().T, strict=True))
    if spans:
        starts = epoch_ns_array([s.start for s in spans])
        ends = epoch_ns_array([s.end for s in spans])
        credit = credited(minutes_ns, starts, ends, lag)
        inside = within(minutes_ns, starts, ends)
        owners = span_owners(spans)
    else:
        # No segment at all: every minute is outside, before or after the planned start.
        start = epoch_ns_array([plan.show.planned_start])[0]
        inside = credit = np.where(minutes_ns + _HALF_MIN < start, BEFORE, AFTER)
        owners = np.zeros(0, "int64")
    table = table.assign(segment=segment_of(inside, owners), credited_to=segment_of(credit, owners))
    figures, outside = _row_figures(plan, times, spans, source, table, columns, lag)
    sold = product_figures(
        plan,
        product_sales,
        {f.segment_id: f.seconds for f in figures},
        {f.segment_id: f.gmv_fen for f in figures},
    )
    figures = tuple(_with_products(f, sold.per_segment.get(f.segment_id)) for f in figures)
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
        totals=(totals := _totals(columns, minutes_ns, spans, sold)),
        targets=judge(plan.show.targets, totals, _measured(totals)),
        by_kind=_groups(figures, lambda f: f.kind.value),
        by_product=_groups(
            figures, lambda f: "" if f.product_id is None else str(f.product_id), only_set=True
        ),
        markers=_markers(plan, spans),
        products=sold.products,
        unmatched_products=sold.unmatched,
    )


def _with_products(f: SegmentFigures, share: SegmentProducts | None) -> SegmentFigures:
    """A segment's figures with its share of the products it pitched."""
    if share is None:
        return f
    money = f.efficiency
    return replace(
        f,
        items_sold=share.items_sold,
        gross_profit_fen=share.gross_profit_fen,
        efficiency=replace(
            money,
            gross_profit_fen=share.gross_profit_fen,
            margin=_ratio(share.gross_profit_fen, share.profit_gmv_fen),
            refunds_fen=share.refunds_fen,
            net_gmv_fen=None
            if f.gmv_fen is None or share.refunds_fen is None
            else f.gmv_fen - share.refunds_fen,
        ),
    )


def _ratio(top: int | None, bottom: int | None) -> float | None:
    return None if top is None or not bottom else top / bottom


def _measured(totals: Totals) -> bool:
    """Whether the targets are judged on the totals: not when no minute of the show has data
    (a file of another time kept as it is, --keep-dates, is not this show's result)."""
    return not totals.show_minutes or totals.missing_minutes < totals.show_minutes


def _row_figures(
    plan: ShowPlan,
    times: Schedule,
    spans: Sequence[Span],
    source: Source,
    table: pd.DataFrame,
    columns: dict[str, np.ndarray],
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
    sums = {name: _per_row_sum(columns.get(name), sold, width) for name in SALES}
    own_sums = {
        name: _per_row_sum(columns.get(name), own, width)
        for name in ("entries", "exits", "comments", "likes", "views", "unique_viewers", "ad_spend")
    }
    viewers = columns.get("online_viewers")
    avg_viewers, peak_viewers = _viewer_figures(viewers, own, width)
    watch = avg_watch(columns.get("avg_watch_s"), viewers, own, width)
    kept = viewers_kept(viewers, own, width)
    minutes = np.bincount(own, minlength=width).tolist()
    # The segments some minute's sales would be credited to, had the export every minute.
    span_rows = rows_of(segment_of(np.arange(len(spans)), span_owners(spans)))
    holding = np.zeros(width, dtype=bool)
    if spans:
        span_ns = epoch_ns_array([s.start for s in spans]), epoch_ns_array([s.end for s in spans])
        holding[span_rows[holds_minutes(*span_ns, lag)]] = True

    # A segment's sales are measured when the series has data where they fall, its time
    # `lag` minutes on: a short segment no minute was credited to made ¥0, but one the export
    # does not reach (a 5-minute segment whose data stops before its sales), or one that never
    # ran, has no figure.
    minutes_ns = pd.DatetimeIndex(table.index).as_unit("ns").asi8
    reach: dict[str, tuple[int, int]] = {}
    for name in SALES:
        values = columns.get(name)
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
    starts_ns = epoch_ns_array([a for a, _ in stretches]) + lag_ns
    ends_ns = epoch_ns_array([b for _, b in stretches]) + lag_ns
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

    def own_sum(name: str, i: int) -> int | None:
        found = own_sums[name]
        return None if found is None or not minutes[i] else found.value(i)

    def gpm(i: int) -> float | None:
        gmv, views = sale("gmv", i), own_sums["views"]
        if gmv is None or views is None or not views.counts[i] or not views.sums[i]:
            return None
        return gmv * 1000 / views.sums[i]

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
                # Viewers and ad spend of its own minutes; its sales as credited (lag on).
                efficiency=efficiency(
                    gmv,
                    sale("orders", i),
                    sale("buyers", i),
                    own_sum("unique_viewers", i),
                    own_sum("views", i),
                    own_sum("ad_spend", i),
                ),
                avg_watch_s=watch[i],
                viewers_kept=kept[i],
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


def _total(columns: dict[str, np.ndarray], name: str) -> int | None:
    values = columns.get(name)
    return None if values is None else round(float(np.nansum(values)))


def show_minutes(spans: Sequence[Span]) -> np.ndarray:
    """The whole minutes (epoch ns of their starts) of the show's time, from the first span's
    start to the last one's end: those whose middle falls in it, as a minute is in a segment."""
    if not spans:
        return np.zeros(0, "int64")
    start, end = epoch_ns_array([spans[0].start, spans[-1].end])
    first = -(-(start - _HALF_MIN) // _MINUTE_NS) * _MINUTE_NS  # the first middle at or after
    return np.arange(first, end - _HALF_MIN, _MINUTE_NS, dtype="int64")


def _missing(
    minutes_ns: np.ndarray, with_data: np.ndarray, spans: Sequence[Span]
) -> tuple[int, int]:
    """The show's minutes without data, and the show's minutes (see Totals.missing_minutes)."""
    show = show_minutes(spans)
    if not len(show):
        return int((~with_data).sum()), 0
    data_ns = minutes_ns[with_data]
    covered = np.isin(show, data_ns // _MINUTE_NS * _MINUTE_NS)
    return int((~covered).sum()), len(show)


def _totals(
    columns: dict[str, np.ndarray],
    minutes_ns: np.ndarray,
    spans: Sequence[Span],
    sold: ShowProducts,
) -> Totals:
    with_data = np.zeros(len(minutes_ns), dtype=bool)
    for values in columns.values():
        with_data |= ~np.isnan(values)
    missing, of_show = _missing(minutes_ns, with_data, spans)
    online = columns.get("online_viewers")
    viewers = None if online is None else online[~np.isnan(online)]
    unique = _total(columns, "unique_viewers")
    views = _total(columns, "views")
    buyers = _total(columns, "buyers")
    comments = _total(columns, "comments")
    gmv = _total(columns, "gmv")
    orders = _total(columns, "orders")
    return Totals(
        gmv_fen=gmv,
        orders=orders,
        buyers=buyers,
        new_followers=_total(columns, "new_followers"),
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
        efficiency=efficiency(
            gmv,
            orders,
            buyers,
            unique,
            views,
            _total(columns, "ad_spend"),
            sold.gross_profit_fen,
            sold.profit_gmv_fen,
            sold.refunds_fen,
        ),
        avg_watch_s=avg_watch(
            columns.get("avg_watch_s"), online, np.zeros(len(minutes_ns), "int64"), 1
        )[0],
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
