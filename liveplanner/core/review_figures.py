"""A show's review as plain records: each segment's figures, the minutes outside the script, the
show's totals, targets against results, groups by segment kind and by product, and the markers
on the chart. Computed by core.review; read by the review page, the report and the command line."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

import pandas as pd

from liveplanner.core.enums import SegmentKind
from liveplanner.core.product_figures import ProductFigures
from liveplanner.core.review_spans import Source, Span


@dataclass(frozen=True, slots=True)
class Efficiency:
    """What the audience and the money came to (a lead's 复盘): each figure None where an input
    is missing from the export, or would be divided by zero; no data is never 0."""

    uv_value_fen: float | None  # GMV per unique viewer (UV 价值)
    aov_fen: float | None  # GMV per order (客单价)
    aov_per_buyer_fen: float | None  # GMV per buyer
    gpm_fen: float | None  # GMV per 1,000 views
    conversion: float | None  # buyers / unique viewers
    ad_spend_fen: int | None  # paid traffic (千川 and the like), as imported
    roi: float | None  # GMV / ad spend (投产比)
    # From the product export: items sold x (live price - unit cost) of the products whose
    # cost is known, and what was refunded; None where the show has no product figures.
    gross_profit_fen: int | None = None
    margin: float | None = None  # gross profit / the GMV of the same products
    refunds_fen: int | None = None
    net_gmv_fen: int | None = None  # GMV less refunds


def efficiency(
    gmv_fen: int | None,
    orders: int | None,
    buyers: int | None,
    unique_viewers: int | None,
    views: int | None,
    ad_spend_fen: int | None,
    gross_profit_fen: int | None = None,
    profit_gmv_fen: int | None = None,
    refunds_fen: int | None = None,
) -> Efficiency:
    """The efficiency figures of a show or a segment from its sums. `profit_gmv_fen` is the GMV
    of the products whose gross profit is known, so the margin is of like with like."""

    def ratio(top: float | None, bottom: float | None, scale: float = 1) -> float | None:
        return None if top is None or not bottom else top * scale / bottom

    return Efficiency(
        uv_value_fen=ratio(gmv_fen, unique_viewers),
        aov_fen=ratio(gmv_fen, orders),
        aov_per_buyer_fen=ratio(gmv_fen, buyers),
        gpm_fen=ratio(gmv_fen, views, 1000),
        conversion=ratio(buyers, unique_viewers),
        ad_spend_fen=ad_spend_fen,
        roi=ratio(gmv_fen, ad_spend_fen),
        gross_profit_fen=gross_profit_fen,
        margin=ratio(gross_profit_fen, profit_gmv_fen),
        refunds_fen=refunds_fen,
        net_gmv_fen=None if gmv_fen is None or refunds_fen is None else gmv_fen - refunds_fen,
    )


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
    # Its sales against the viewers who arrived and the ad spend made during its own minutes.
    efficiency: Efficiency
    # Its share of the products it pitched (core.product_figures): None when it pitched none
    # with the figure, or the show has no product export.
    items_sold: int | None = None
    gross_profit_fen: int | None = None
    # Retention (core.review_watch): the average watch time over its own minutes, and online
    # viewers at its last minute with data over those at its first; None without the series.
    avg_watch_s: float | None = None
    viewers_kept: float | None = None

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
    avg_watch_s = None
    viewers_kept = None

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
    efficiency: Efficiency
    # The average watch time (停留时长) over its minutes, weighted by online viewers
    # (core.review_watch); None where the export has no such series.
    avg_watch_s: float | None = None


class TargetName(StrEnum):
    GMV = "gmv"
    VIEWERS = "viewers"
    CONVERSION = "conversion"
    NEW_FOLLOWERS = "new_followers"
    INTERACTION = "interaction"
    # Whether the show paid (issue 19); core.target_judging says what each is judged on.
    UV_VALUE = "uv_value"
    AOV = "aov"
    GPM = "gpm"
    ROI = "roi"
    GROSS_PROFIT = "gross_profit"
    MARGIN = "margin"
    NET_GMV = "net_gmv"
    AVG_WATCH = "avg_watch_s"
    MAX_AD_SPEND = "max_ad_spend"  # a ceiling
    MAX_REFUND = "max_refund"  # a ceiling: refunds / GMV


@dataclass(frozen=True, slots=True)
class TargetResult:
    name: TargetName
    # Fen for money, a fraction for rates (ROI as GMV per yuan spent), seconds for watch
    # time, else a count.
    target: float
    actual: float | None  # None: the export has no data for it, and it is not judged
    ceiling: bool = False  # met when the actual stays at or under the target

    @property
    def met(self) -> bool | None:
        if self.actual is None:
            return None
        return self.actual <= self.target if self.ceiling else self.actual >= self.target

    @property
    def gap(self) -> float | None:
        """The actual less the target (negative: under it); None when there is no actual."""
        return None if self.actual is None else self.actual - self.target

    @property
    def short_by(self) -> float | None:
        """How far under the target (0 when met); None when there is no actual, or for a
        ceiling, which is never short."""
        if self.actual is None or self.ceiling:
            return None
        return max(0.0, self.target - self.actual)

    @property
    def over_by(self) -> float | None:
        """How far a ceiling was passed (0 when met); None for a target to reach, or when
        there is no actual."""
        if self.actual is None or not self.ceiling:
            return None
        return max(0.0, self.actual - self.target)


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
    # From the product export (core.product_figures): the plan's products, and the export's
    # lines matched to none of them; both empty when the show has no product figures.
    products: tuple[ProductFigures, ...] = ()
    unmatched_products: tuple[ProductFigures, ...] = ()

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


def _sum_known(values: Sequence[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None
