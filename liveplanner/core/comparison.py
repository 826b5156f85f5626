"""Shows side by side: each show's KPIs, what each segment kind earns per minute across shows, and
which time slots earn most.

Sales are credited to segments by the same rule as the single show's review (core.review), but
over all shows at once: a season holds a thousand shows and a million samples, so the work is
done on whole columns, and per show only on the small arrays of its segments.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

import numpy as np
import pandas as pd

from liveplanner.core.enums import Platform, SegmentKind
from liveplanner.core.plan import ShowPlan
from liveplanner.core.review import (
    DEFAULT_LAG,
    Source,
    Span,
    actual_spans,
    credited,
    planned_spans,
    span_owners,
)
from liveplanner.core.runlog import Run

# The metrics a comparison reads; loading only these keeps a season's comparison quick.
COMPARED_METRICS = (
    "gmv",
    "orders",
    "buyers",
    "online_viewers",
    "unique_viewers",
    "views",
    "new_followers",
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

    @property
    def gmv_per_min_fen(self) -> float | None:
        if self.gmv_fen is None or not self.seconds:
            return None
        return self.gmv_fen * 60 / self.seconds


@dataclass(frozen=True, slots=True)
class Earning:
    """What a segment kind or a time slot earned over the shows that had it."""

    key: str
    shows: int
    seconds: int
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


def _spans(plan: ShowPlan, run: Run | None) -> tuple[list[Span], Source]:
    actual = actual_spans(plan, run.events) if run is not None else []
    return (actual, Source.ACTUAL) if actual else (planned_spans(plan), Source.PLANNED)


def compare(
    plans: Sequence[ShowPlan],
    live_runs: Mapping[int, Run],
    samples: pd.DataFrame,
    lag: int = DEFAULT_LAG,
) -> Comparison:
    """`live_runs`: each show's live run (core.review.live_run); `samples`: tidy rows of all the
    shows with a `show_id` column, at least COMPARED_METRICS where the exports had them."""
    sums = samples.groupby(["show_id", "metric"], sort=False)["value"].sum()
    viewers = samples[samples["metric"] == "online_viewers"].groupby("show_id")["value"]
    peaks, means = viewers.max(), viewers.mean()
    gmv = samples[samples["metric"] == "gmv"].sort_values(["show_id", "minute"])
    gmv_show = gmv["show_id"].to_numpy()
    gmv_minute = pd.DatetimeIndex(gmv["minute"]).as_unit("ns").asi8
    gmv_value = gmv["value"].to_numpy(dtype="float64")
    with_data = set(samples["show_id"].unique().tolist())

    def total(show_id: int, name: str) -> int | None:
        value = sums.get((show_id, name))
        return None if value is None else int(value)

    kpis: list[ShowKpis] = []
    kind_per_show: dict[SegmentKind, dict[int, float]] = {}
    kind_totals: dict[SegmentKind, list[int]] = {}  # shows, seconds, gmv
    slot_totals: dict[str, list[int]] = {}
    for plan in sorted(plans, key=lambda p: p.show.planned_start):
        show = plan.show
        spans, source = _spans(plan, live_runs.get(show.id))
        seconds = round(sum((s.end - s.start).total_seconds() for s in spans))
        lo, hi = np.searchsorted(gmv_show, [show.id, show.id + 1])
        per_segment: dict[int, float] = {}
        if spans and hi > lo:
            starts = pd.DatetimeIndex([s.start for s in spans]).as_unit("ns").asi8
            ends = pd.DatetimeIndex([s.end for s in spans]).as_unit("ns").asi8
            index = credited(gmv_minute[lo:hi], starts, ends, lag)
            owners = np.where(index >= 0, span_owners(spans)[np.clip(index, 0, None)], -1)
            for owner, value in zip(owners.tolist(), gmv_value[lo:hi].tolist(), strict=True):
                if owner >= 0:  # outside the script, or a deleted segment's time: no kind
                    per_segment[owner] = per_segment.get(owner, 0.0) + value
        kinds = {s.id: s.kind for s in plan.segments}
        kind_seconds: dict[SegmentKind, int] = {}
        kind_gmv: dict[SegmentKind, float] = {}
        for span in spans:
            kind = kinds.get(span.segment_id)  # type: ignore[arg-type]
            if kind is not None:
                length = round((span.end - span.start).total_seconds())
                kind_seconds[kind] = kind_seconds.get(kind, 0) + length
        for segment_id, value in per_segment.items():
            kind_gmv[kinds[segment_id]] = kind_gmv.get(kinds[segment_id], 0.0) + value
        has_metrics = show.id in with_data
        unique, buyers = total(show.id, "unique_viewers"), total(show.id, "buyers")
        views, show_gmv = total(show.id, "views"), total(show.id, "gmv")
        kpis.append(
            ShowKpis(
                show_id=show.id,
                title=show.title,
                platform=show.platform,
                start=show.planned_start,
                source=source,
                seconds=seconds,
                gmv_fen=show_gmv,
                orders=total(show.id, "orders"),
                buyers=buyers,
                peak_viewers=int(peaks[show.id]) if show.id in peaks.index else None,
                avg_viewers=float(means[show.id]) if show.id in means.index else None,
                viewers=unique,
                conversion=buyers / unique if buyers is not None and unique else None,
                gpm_fen=show_gmv * 1000 / views if show_gmv is not None and views else None,
                new_followers=total(show.id, "new_followers"),
                has_metrics=has_metrics,
            )
        )
        if show_gmv is None:
            continue  # a show without GMV in its export says nothing about what earns
        for kind, length in kind_seconds.items():
            earned = kind_gmv.get(kind, 0.0)
            if length:
                kind_per_show.setdefault(kind, {})[show.id] = earned * 60 / length
            totals = kind_totals.setdefault(kind, [0, 0, 0])
            totals[0] += 1
            totals[1] += length
            totals[2] += round(earned)
        slot = slot_totals.setdefault(time_slot(show.planned_start), [0, 0, 0])
        slot[0] += 1
        slot[1] += seconds
        slot[2] += show_gmv

    def ranked(groups: Mapping[str, list[int]]) -> tuple[Earning, ...]:
        earnings = [Earning(str(k), *v) for k, v in groups.items()]
        return tuple(sorted(earnings, key=lambda e: -(e.gmv_per_min_fen or 0)))

    return Comparison(
        lag=lag,
        shows=tuple(kpis),
        kind_per_show=kind_per_show,
        kinds=ranked({k.value: v for k, v in kind_totals.items()}),
        slots=ranked(slot_totals),
    )
