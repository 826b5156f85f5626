"""Shows side by side: each show's KPIs, what each segment kind earns per minute across shows, and
which time slots earn most.

Sales are credited to segments by the same rule as the single show's review
(core.review_spans), but over all shows at once: a season holds a thousand shows and a million
samples, so the work is done on whole columns, and per show only on the small arrays of its
segments.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

import numpy as np
import pandas as pd

from liveplanner.core.enums import Platform, SegmentKind
from liveplanner.core.placement import Placement, placement_of
from liveplanner.core.plan import Show, ShowPlan, Targets
from liveplanner.core.review_spans import (
    _HALF_MIN,
    DEFAULT_LAG,
    Source,
    Span,
    actual_spans,
    credited,
    owners_of,
    planned_spans,
    segment_of,
)
from liveplanner.core.runlog import Run

_MINUTE_NS = 60_000_000_000
_US_PER_S = 1_000_000
# The metrics a comparison reads; loading only these keeps a season's comparison quick.
COMPARED_METRICS = (
    "gmv",
    "orders",
    "buyers",
    "online_viewers",
    "unique_viewers",
    "views",
    "new_followers",
    "ad_spend",
)


class TimeSlot(StrEnum):
    """Parts of the day by the hour a show starts, in the show's own time zone."""

    MORNING = "morning"  # 06-12
    AFTERNOON = "afternoon"  # 12-18
    PRIME = "prime"  # 18-21, when the most people watch
    LATE = "late"  # 21-24
    NIGHT = "night"  # 00-06


def time_slot(start: datetime) -> TimeSlot:
    hour = start.hour
    if hour < 6:
        return TimeSlot.NIGHT
    if hour < 12:
        return TimeSlot.MORNING
    if hour < 18:
        return TimeSlot.AFTERNOON
    return TimeSlot.PRIME if hour < 21 else TimeSlot.LATE


@dataclass(frozen=True, slots=True)
class ShowKpis:
    show_id: int
    title: str
    platform: Platform
    start: datetime  # planned start, the show's zone
    source: Source
    seconds: int  # on air (actual) or planned length
    gmv_fen: int | None  # None: the show's export has no such series (or it has none)
    orders: int | None
    buyers: int | None
    peak_viewers: int | None
    avg_viewers: float | None
    viewers: int | None
    conversion: float | None
    gpm_fen: float | None
    new_followers: int | None
    has_metrics: bool
    # The seconds of its segments the GMV series covers, and the GMV credited to them per
    # minute: an export of half the show says what that half earned, not half of it. None
    # when the export has no GMV or covers no segment.
    gmv_seconds: int
    gmv_per_min_fen: float | None
    # What the show aimed for, and its paid traffic: core.target_judging.judge_kpis judges
    # the targets these figures can answer.
    targets: Targets = field(default_factory=Targets)
    ad_spend_fen: int | None = None


@dataclass(frozen=True, slots=True)
class Earning:
    """What a segment kind or a time slot earned over the shows that had it: the GMV credited
    to its segments the shows' GMV series cover, over their seconds (see ShowKpis)."""

    key: str
    shows: int
    seconds: int  # of covered segments: 0 (and no rate) when the exports cover none
    gmv_fen: int

    @property
    def gmv_per_min_fen(self) -> float | None:
        return self.gmv_fen * 60 / self.seconds if self.seconds else None


@dataclass(frozen=True, slots=True)
class Comparison:
    lag: int
    shows: tuple[ShowKpis, ...]  # oldest first
    # kind -> show id -> GMV per minute of that kind's segments in that show (fen)
    kind_per_show: dict[SegmentKind, dict[int, float]]
    kinds: tuple[Earning, ...]  # best earning per minute first
    slots: tuple[Earning, ...]  # best earning per minute first


def placed_spans(plan: ShowPlan, run: Run | None) -> tuple[list[Span], Source]:
    """Where the show's segments ran: as its live run logged them, else as planned."""
    actual = actual_spans(plan, run.events) if run is not None else []
    return (actual, Source.ACTUAL) if actual else (planned_spans(plan), Source.PLANNED)


@dataclass(frozen=True, slots=True)
class ShowSamples:
    """All a comparison needs of one show's samples, aggregated: by the database
    (storage.comparison), or from a frame of the samples (compare)."""

    sums: Mapping[str, int]  # compared metric -> its sum, for each metric the show has rows of
    peak_viewers: int | None
    avg_viewers: float | None
    # The first and last GMV minute (epoch ns), None without GMV rows; only read (and so only
    # needs be given) for a show with spans.
    gmv_reach: tuple[int, int] | None
    # segment id -> the GMV credited to it by the review's rule, for each segment credited a
    # minute (of value 0 or more); needs only be filled when the show has spans and GMV.
    credited: Mapping[int, float]


NO_SAMPLES = ShowSamples({}, None, None, None, {})


def compare(
    plans: Sequence[ShowPlan],
    live_runs: Mapping[int, Run],
    samples: pd.DataFrame,
    lag: int = DEFAULT_LAG,
) -> Comparison:
    """`live_runs`: each show's live run (core.review_spans.live_run); `samples`: tidy rows of
    all the shows with a `show_id` column, at least COMPARED_METRICS where the exports had them.
    The same figures as compare_figures over the database's aggregates (storage.comparison),
    worked out here from the rows themselves, and the shows placed one by one (placed_spans)
    where the database's side places them all at once (core.placement.place)."""
    sums = samples.groupby(["show_id", "metric"], sort=False)["value"].sum()
    viewers = samples[samples["metric"] == "online_viewers"].groupby("show_id")["value"]
    peaks, means = viewers.max(), viewers.mean()
    gmv = samples[samples["metric"] == "gmv"].sort_values(["show_id", "minute"])
    gmv_show = gmv["show_id"].to_numpy()
    gmv_minute = pd.DatetimeIndex(gmv["minute"]).as_unit("ns").asi8
    gmv_value = gmv["value"].to_numpy(dtype="float64")
    totals: dict[int, dict[str, int]] = {}
    keys: list[tuple[int, str]] = sums.index.tolist()
    for (of_show, name), value in zip(keys, sums.tolist(), strict=True):
        totals.setdefault(int(of_show), {})[str(name)] = int(value)
    placed = placement_of(
        [placed_spans(plan, live_runs.get(plan.show.id)) for plan in plans],
        [{s.id: s.kind for s in plan.segments} for plan in plans],
    )
    aggregated: dict[int, ShowSamples] = {}
    for k, plan in enumerate(plans):
        show_id = plan.show.id
        low, high = placed.offsets[k], placed.offsets[k + 1]
        lo, hi = np.searchsorted(gmv_show, [show_id, show_id + 1])
        minutes = gmv_minute[lo:hi]
        aggregated[show_id] = ShowSamples(
            sums=totals.get(show_id, {}),
            peak_viewers=int(peaks[show_id]) if show_id in peaks.index else None,
            avg_viewers=float(means[show_id]) if show_id in means.index else None,
            gmv_reach=(int(minutes.min()), int(minutes.max())) if hi > lo else None,
            credited=(
                _credited_gmv(placed, low, high, minutes, gmv_value[lo:hi], lag)
                if high > low
                else {}
            ),
        )
    return compare_figures([plan.show for plan in plans], placed, aggregated, lag)


def compare_figures(
    shows: Sequence[Show],
    placed: Placement,
    samples: Mapping[int, ShowSamples],
    lag: int = DEFAULT_LAG,
) -> Comparison:
    """The comparison from the shows' spans (show k's are `placed`'s k-th) and aggregated
    samples (a show missing from `samples` has none).

    In plain integers, show by show over its slice of the placement's columns (a dozen spans):
    a team's history is 10,000 shows, and an object per span cost more than the figures."""
    kpis: list[ShowKpis] = []
    kind_per_show: dict[SegmentKind, dict[int, float]] = {}
    kind_totals: dict[SegmentKind, list[int]] = {}  # shows, seconds, gmv
    slot_totals: dict[str, list[int]] = {}
    for k in sorted(range(len(shows)), key=lambda k: shows[k].planned_start):
        show = shows[k]
        low, high = placed.offsets[k], placed.offsets[k + 1]
        ids = placed.segment_ids[low:high]
        starts, ends = placed.starts[low:high], placed.ends[low:high]
        its = samples.get(show.id, NO_SAMPLES)
        # Each span's seconds as timedelta.total_seconds gives them, added in order.
        lengths = [(end - start) / _US_PER_S for start, end in zip(starts, ends, strict=True)]
        seconds = round(sum(lengths))
        if ids and its.gmv_reach is not None:
            per_segment = its.credited
            covered = covered_segments(ids, starts, ends, per_segment, its.gmv_reach, lag)
        else:
            per_segment, covered = {}, set()
        span_kinds = placed.kinds[low:high]
        kind_seconds: dict[SegmentKind, int] = {}
        kind_gmv: dict[SegmentKind, float] = {}
        for segment_id, kind, length in zip(ids, span_kinds, lengths, strict=True):
            if kind is not None:  # a kind whose segments the export misses: 0 s, no figure
                covers = segment_id in covered
                kind_seconds[kind] = kind_seconds.get(kind, 0) + (round(length) if covers else 0)
        if per_segment:
            # Only a span's segment of the plan is credited (a deleted one's minutes go to a
            # neighbour's).
            kinds = {i: kind for i, kind in zip(ids, span_kinds, strict=True) if kind is not None}
            for segment_id, value in per_segment.items():
                kind_gmv[kinds[segment_id]] = kind_gmv.get(kinds[segment_id], 0.0) + value
        gmv_seconds = sum(kind_seconds.values())
        earned = sum(kind_gmv.values())
        sums = its.sums
        unique, buyers = sums.get("unique_viewers"), sums.get("buyers")
        views, show_gmv = sums.get("views"), sums.get("gmv")
        kpis.append(
            ShowKpis(
                show_id=show.id,
                title=show.title,
                platform=show.platform,
                start=show.planned_start,
                source=placed.sources[k],
                seconds=seconds,
                gmv_fen=show_gmv,
                orders=sums.get("orders"),
                buyers=buyers,
                peak_viewers=its.peak_viewers,
                avg_viewers=its.avg_viewers,
                viewers=unique,
                conversion=buyers / unique if buyers is not None and unique else None,
                gpm_fen=show_gmv * 1000 / views if show_gmv is not None and views else None,
                new_followers=sums.get("new_followers"),
                has_metrics=bool(sums),
                gmv_seconds=gmv_seconds,
                gmv_per_min_fen=(
                    earned * 60 / gmv_seconds if show_gmv is not None and gmv_seconds else None
                ),
                targets=show.targets,
                ad_spend_fen=sums.get("ad_spend"),
            )
        )
        if show_gmv is None:
            continue  # a show without GMV in its export says nothing about what earns
        for kind, length in kind_seconds.items():
            kind_earned = kind_gmv.get(kind, 0.0)
            if length:
                kind_per_show.setdefault(kind, {})[show.id] = kind_earned * 60 / length
            totals = kind_totals.setdefault(kind, [0, 0, 0])
            totals[0] += 1
            totals[1] += length
            totals[2] += round(kind_earned)
        slot = slot_totals.setdefault(time_slot(show.planned_start), [0, 0, 0])
        slot[0] += 1
        slot[1] += gmv_seconds
        slot[2] += round(earned)

    def ranked(groups: Mapping[str, list[int]]) -> tuple[Earning, ...]:
        earnings = [Earning(str(k), *v) for k, v in groups.items()]
        # No figure (nothing covered) after every figure, ¥0 included.
        return tuple(
            sorted(earnings, key=lambda e: (e.gmv_per_min_fen is None, -(e.gmv_per_min_fen or 0)))
        )

    return Comparison(
        lag=lag,
        shows=tuple(kpis),
        kind_per_show=kind_per_show,
        kinds=ranked({k.value: v for k, v in kind_totals.items()}),
        slots=ranked(slot_totals),
    )


def _credited_gmv(
    placed: Placement, low: int, high: int, minutes_ns: np.ndarray, values: np.ndarray, lag: int
) -> dict[int, float]:
    """Each segment's GMV by the single review's rule, for the segments credited a minute:
    the spans [low, high) of the placement are one show's."""
    starts = np.array(placed.starts[low:high], dtype="int64") * 1000
    ends = np.array(placed.ends[low:high], dtype="int64") * 1000
    owners = np.array([-1 if o is None else o for o in owners_of(placed.segment_ids[low:high])])
    segments = segment_of(credited(minutes_ns, starts, ends, lag), owners.astype("int64"))
    mine = segments >= 0  # not outside the script, nor time of segments all deleted since
    ids, which = np.unique(segments[mine], return_inverse=True)
    sums = np.bincount(which, weights=values[mine], minlength=len(ids))
    return dict(zip(ids.tolist(), sums.tolist(), strict=True))


def covered_segments(
    segment_ids: Sequence[int | None],
    starts_us: Sequence[int],
    ends_us: Sequence[int],
    earned: Mapping[int, float],
    reach: tuple[int, int],
    lag: int,
) -> set[int]:
    """The segments the GMV series covers (the review's segments with a GMV figure): those
    credited a minute of it, and those credited no minute at all (too short to hold a minute's
    middle) within its reach, which made ¥0. A segment whose minutes the export lacks is not
    covered: it has no figure. The show's spans as columns (their segments, their starts and
    ends in epoch microseconds, see core.placement); `reach`: the series' first and last
    minute (epoch ns).

    In plain integers, span by span (a show has a few dozen): the rule of review_spans'
    span_owners, segment_of and holds_minutes, which cost more in numpy for so few, and a
    comparison does this for every show of a team's history."""
    starts = [s * 1000 for s in starts_us]
    ends = [e * 1000 for e in ends_us]
    owners = owners_of(segment_ids)
    lag_ns = lag * _MINUTE_NS
    first, last = reach
    near: set[int] = set()
    holding: set[int] = set()
    for i, segment_id in enumerate(segment_ids):
        # The series reaches a span when it has minutes from `lag` after the span's start to
        # `lag` after its end, where the span's sales come (as in the review).
        if segment_id is not None and (
            starts[i] + lag_ns < last + _MINUTE_NS and ends[i] + lag_ns > first
        ):
            near.add(segment_id)
        # Whether a whole minute's middle, `lag` minutes back, falls in the moments credited to
        # the span (the first span's from `lag` before its start); then its owner (a deleted
        # segment's neighbour) holds minutes.
        since = starts[0] - lag_ns if i == 0 else starts[i]
        until = starts[i + 1] if i + 1 < len(starts) else ends[-1]
        minute = -((_HALF_MIN - lag_ns - since) // _MINUTE_NS) * _MINUTE_NS
        owner = owners[i]
        if owner is not None and minute + _HALF_MIN - lag_ns < until:
            holding.add(owner)
    return set(earned) | (near - holding)
