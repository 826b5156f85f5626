"""Advice from history (issue 20): what a draft show can expect to earn, from the team's past
shows, as plain records in and plain frozen results out (no database, no Qt).

The model of the projection, segment by segment:

1. The basis: the past shows with a GMV figure, narrowed as far as at least MIN_SHOWS remain:
   the draft's platform and a start within SLOT_HOURS of the draft's time of day; else the
   draft's platform at any time; else any platform within the slot; else every show. Fewer than
   MIN_SHOWS shows in all: no projection, a reason (`advice.too_few_shows`) instead of a guess.
2. A draft segment's comparable past segments, in the basis: those of its kind pitching the same
   product (sku, else name, as product matching compares them), when at least MIN_COMPARABLE of
   them ran; else those of its kind; else every segment (a kind the team never ran).
3. Each comparable segment's GMV per minute is weighted by how near it was: in the minute of the
   show it started (exp(-|Δ minutes| / MINUTE_SCALE)) and in the hour of day its show started
   (exp(-|Δ hours| / HOUR_SCALE)).
4. The segment's low, mid and high are the weighted 25th, 50th and 75th percentiles of those
   rates (the smallest rate whose cumulative weight reaches the share), times its planned minutes.
5. The show's low, mid and high are the sums of its segments': a whole show runs hot or cold at
   once (its room, its day), so its segments' spreads are added, not averaged away.

The suggestions read the same basis; see core.advice_suggestions.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from liveplanner.core.enums import Platform, SegmentKind
from liveplanner.core.plan import Product, ShowPlan, time_zone
from liveplanner.core.product_match import name_key

MIN_SHOWS = 3  # comparable shows a projection needs
MIN_COMPARABLE = 3  # past segments of a kind and product before the product narrows the choice
SLOT_HOURS = 2  # a similar slot starts within this many hours of the draft's time of day
MINUTE_SCALE = 60.0
HOUR_SCALE = 2.0
QUANTILES = (0.25, 0.5, 0.75)
BENEFITS = frozenset({SegmentKind.COUPON_DROP, SegmentKind.FLASH_SALE, SegmentKind.LUCKY_DRAW})


def product_key(product: Product | None) -> str:
    """How history knows a product across shows: its sku, else its name, as matching compares
    them ("" for a segment without one)."""
    if product is None:
        return ""
    return name_key(product.sku) if product.sku.strip() else name_key(product.name)


@dataclass(frozen=True, slots=True)
class PastSegment:
    kind: SegmentKind
    product: str  # product_key of what it pitched; "" for none
    minute: float  # from its show's start to its own
    seconds: int  # as it ran (live run) or as planned
    planned_s: int
    gmv_fen: float | None  # credited to it; None when its show's export does not cover it
    ran: bool = False  # `seconds` are the live run's: an over-run or under-run to learn from


@dataclass(frozen=True, slots=True)
class PastProduct:
    key: str  # product_key
    name: str
    stock: int | None  # set aside for that show
    sold: int


@dataclass(frozen=True, slots=True)
class PastShow:
    show_id: int
    platform: Platform
    start: datetime  # planned, in the show's own zone
    segments: tuple[PastSegment, ...]
    viewers: tuple[float, ...] = ()  # online viewers by minute of the show, from its start
    products: tuple[PastProduct, ...] = ()  # its product export, where it had one

    @property
    def has_gmv(self) -> bool:
        """Whether it sold something its segments were credited: a show whose export says ¥0
        throughout (a test stream, a file of zeros) tells nothing of what a show earns."""
        return any(s.gmv_fen and s.seconds > 0 for s in self.segments)


@dataclass(frozen=True, slots=True)
class History:
    """The team's past shows (any order) and the draft's own rehearsal takes."""

    shows: tuple[PastShow, ...]
    takes: Mapping[int, tuple[int, ...]] = field(default_factory=dict)  # segment id -> seconds


@dataclass(frozen=True, slots=True)
class Basis:
    shows: tuple[PastShow, ...]  # oldest first
    platform: Platform | None  # None: every platform
    slot: tuple[time, time] | None  # None: any time of day

    @property
    def show_ids(self) -> tuple[int, ...]:
        return tuple(s.show_id for s in self.shows)


@dataclass(frozen=True, slots=True)
class Range:
    low_fen: int
    mid_fen: int
    high_fen: int


@dataclass(frozen=True, slots=True)
class SegmentProjection:
    position: int  # 1-based
    segment_id: int
    gmv: Range
    comparables: int  # past segments it rests on


@dataclass(frozen=True, slots=True)
class Projection:
    gmv: Range
    segments: tuple[SegmentProjection, ...]


@dataclass(frozen=True, slots=True)
class Reason:
    """Why there is no projection: a message code and its figures."""

    code: str
    figures: Mapping[str, object]


def _hours_apart(a: datetime, b: datetime) -> float:
    """Hours between two times of day, round the clock (23:00 and 01:00 are 2 apart)."""
    minutes = abs((a.hour * 60 + a.minute) - (b.hour * 60 + b.minute))
    return min(minutes, 24 * 60 - minutes) / 60


def choose_basis(plan: ShowPlan, history: History) -> Basis | Reason:
    """The past shows the advice rests on (see the module's docstring), or why there are too
    few."""
    if not plan.segments:
        return Reason("advice.no_segments", {})
    start = plan.show.planned_start.astimezone(time_zone(plan.show.time_zone))
    earning = [s for s in history.shows if s.has_gmv]
    platform = plan.show.platform
    slot = (
        (start - timedelta(hours=SLOT_HOURS)).time(),
        (start + timedelta(hours=SLOT_HOURS)).time(),
    )
    near = [s for s in earning if _hours_apart(s.start, start) <= SLOT_HOURS]
    for chosen, on, at in (
        ([s for s in near if s.platform is platform], platform, slot),
        ([s for s in earning if s.platform is platform], platform, None),
        (near, None, slot),
        (earning, None, None),
    ):
        if len(chosen) >= MIN_SHOWS:
            return Basis(tuple(sorted(chosen, key=lambda s: s.start)), on, at)
    return Reason("advice.too_few_shows", {"shows": len(earning), "needed": MIN_SHOWS})


@dataclass(frozen=True, slots=True)
class _Rate:
    kind: SegmentKind
    product: str
    minute: float
    hour_gap: float
    per_min_fen: float


def _rates(basis: Basis, start: datetime) -> list[_Rate]:
    return [
        _Rate(
            s.kind,
            s.product,
            s.minute,
            _hours_apart(show.start, start),
            s.gmv_fen * 60 / s.seconds,
        )
        for show in basis.shows
        for s in show.segments
        if s.gmv_fen is not None and s.seconds > 0
    ]


def weighted_quantile(values: Sequence[float], weights: Sequence[float], share: float) -> float:
    """The smallest value whose cumulative weight (values in order) reaches `share` of all."""
    pairs = sorted(zip(values, weights, strict=True))
    total = sum(weights)
    reached = 0.0
    for value, weight in pairs:
        reached += weight
        if reached >= share * total - 1e-12:
            return value
    return pairs[-1][0]


def project(plan: ShowPlan, basis: Basis) -> Projection:
    """The draft's GMV, segment by segment and in all, from the basis (module docstring)."""
    rates = _rates(basis, plan.show.planned_start.astimezone(time_zone(plan.show.time_zone)))
    by_kind: dict[SegmentKind, list[_Rate]] = {}
    for rate in rates:
        by_kind.setdefault(rate.kind, []).append(rate)
    segments = []
    at = 0.0
    for position, segment in enumerate(plan.segments, start=1):
        key = product_key(plan.product(segment.product_id))
        same_kind = by_kind.get(segment.kind, [])
        same_product = [r for r in same_kind if key and r.product == key]
        chosen = (
            same_product
            if len(same_product) >= MIN_COMPARABLE
            else same_kind
            if same_kind
            else rates
        )
        weights = [
            math.exp(-abs(r.minute - at) / MINUTE_SCALE - r.hour_gap / HOUR_SCALE) for r in chosen
        ]
        values = [r.per_min_fen for r in chosen]
        minutes = segment.duration_s / 60
        low, mid, high = (
            round(weighted_quantile(values, weights, q) * minutes) if chosen else 0
            for q in QUANTILES
        )
        segments.append(SegmentProjection(position, segment.id, Range(low, mid, high), len(chosen)))
        at += minutes
    return Projection(
        Range(
            sum(s.gmv.low_fen for s in segments),
            sum(s.gmv.mid_fen for s in segments),
            sum(s.gmv.high_fen for s in segments),
        ),
        tuple(segments),
    )
