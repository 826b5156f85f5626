"""Where a campaign stands: its totals over its shows, its own targets met or short, the pace
against its GMV target (per show date, and what each remaining show must bring), GMV by platform
and by show, and the best and worst segment kinds and products across it.

Pure functions of the sums storage reads in SQL (no sample is loaded) and of `today`, which the
caller passes (a clock is injected, never read here). A figure whose input is missing is None
("—" on screen), never 0.

The pace spreads the GMV target evenly over the campaign's shows: each show's date adds target ÷
number of shows to the target's running total, so a campaign of 4 shows aiming at ¥1,000,000
should stand at ¥500,000 after its second show. A show is remaining when it has no GMV figure
yet and its date is today or later; what they must bring is what is left of the target shared
equally among them. A show whose date has passed with no GMV figure is neither done nor to
come: it is "without figures" (its metrics not imported), said as such, never counted as 0.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from liveplanner.core.campaign import Campaign
from liveplanner.core.comparison import Earning
from liveplanner.core.enums import Platform, SegmentKind
from liveplanner.core.review_figures import Efficiency, efficiency

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ShowSums:
    """One show's minute metrics summed (in the database); None where its export has no such
    series, or it has no metrics."""

    gmv_fen: int | None = None
    orders: int | None = None
    buyers: int | None = None
    unique_viewers: int | None = None
    views: int | None = None
    new_followers: int | None = None
    ad_spend_fen: int | None = None
    refunds_fen: int | None = None  # from its product export


@dataclass(frozen=True, slots=True)
class CampaignShow:
    show_id: int
    title: str
    platform: Platform
    planned_start: datetime  # aware, in the show's zone: its date is the show's own day
    sums: ShowSums = ShowSums()

    @property
    def day(self) -> date:
        return self.planned_start.date()


@dataclass(frozen=True, slots=True)
class ProductSums:
    """A product's export figures summed over the campaign's shows (matched by name and link)."""

    name: str
    link: str
    shows: int
    sold: int | None
    gmv_fen: int | None
    refunds_fen: int | None


@dataclass(frozen=True, slots=True)
class KindFigures:
    kind: SegmentKind
    segments: int
    gmv_fen: int | None  # None: no segment of it in a show with GMV figures
    gmv_seconds: int  # the seconds of its segments in shows with GMV figures

    @property
    def gmv_per_min_fen(self) -> float | None:
        if self.gmv_fen is None or not self.gmv_seconds:
            return None
        return self.gmv_fen * 60 / self.gmv_seconds


@dataclass(frozen=True, slots=True)
class CampaignTotals:
    shows: int
    shows_with_gmv: int
    gmv_fen: int | None
    orders: int | None
    buyers: int | None
    viewers: int | None  # unique viewers, summed over the shows
    views: int | None
    new_followers: int | None
    ad_spend_fen: int | None
    refunds_fen: int | None  # from the product exports
    efficiency: Efficiency


@dataclass(frozen=True, slots=True)
class TargetProgress:
    """One of the campaign's own targets against what its shows came to."""

    name: str  # a core.plan.Targets field: gmv_fen, roi_bp, max_ad_spend_fen...
    target: float  # as the field holds it: fen, basis points, a count
    actual: float | None  # in the same unit; None: no input for it
    at_most: bool = False  # a ceiling (max_...): met when the actual stays at or under it

    @property
    def met(self) -> bool | None:
        if self.actual is None:
            return None
        return self.actual <= self.target if self.at_most else self.actual >= self.target

    @property
    def short_by(self) -> float | None:
        """How far from met (0 when met), in the target's unit; None without an actual."""
        if self.actual is None:
            return None
        return max(0.0, self.actual - self.target if self.at_most else self.target - self.actual)


@dataclass(frozen=True, slots=True)
class PaceDay:
    day: date
    shows: int
    gmv_fen: int | None  # the day's shows' GMV; None when none of them has a figure
    cumulative_fen: int | None  # the GMV so far; None for a day after today
    target_cumulative_fen: float | None  # where the target says it should stand; None: no target


@dataclass(frozen=True, slots=True)
class PlatformFigures:
    platform: Platform
    shows: int
    gmv_fen: int | None


@dataclass(frozen=True, slots=True)
class CampaignFigures:
    campaign: Campaign
    shows: tuple[CampaignShow, ...]  # by planned start
    totals: CampaignTotals
    targets: tuple[TargetProgress, ...]
    pace: tuple[PaceDay, ...]
    remaining_shows: int
    # Shows whose date has passed with no GMV figure (metrics not imported): not done, not to
    # come; the GMV so far leaves them out, and the page says how many there are.
    without_figures: tuple[int, ...]
    gap_fen: int | None  # GMV target less the GMV so far (0 when reached); None: no target
    needed_per_show_fen: float | None  # the gap shared by the remaining shows; None: none left
    by_platform: tuple[PlatformFigures, ...]  # highest GMV first
    by_kind: tuple[KindFigures, ...]  # highest GMV per minute first
    products: tuple[ProductSums, ...]  # highest GMV first
    best_kind: KindFigures | None
    worst_kind: KindFigures | None  # None unless two kinds have a figure
    best_product: ProductSums | None
    worst_product: ProductSums | None

    def state(self, show: CampaignShow) -> str:
        """'reported' (it has GMV figures), 'no_figures' (its date has passed without them) or
        'to_come'."""
        if show.sums.gmv_fen is not None:
            return "reported"
        return "no_figures" if show.show_id in self.without_figures else "to_come"


def sum_known(values: Iterable[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def kind_figures(
    earnings: Sequence[Earning], segments: Mapping[SegmentKind, int]
) -> tuple[KindFigures, ...]:
    """GMV by segment kind across the shows: what core.comparison credits each kind (the
    review's rule, on the live run's times where a show has one), with how many segments of
    each kind the shows plan (`segments`); highest per minute first."""
    earned = {SegmentKind(e.key): e for e in earnings}
    figures = [
        KindFigures(
            kind,
            count,
            earned[kind].gmv_fen if kind in earned else None,
            earned[kind].seconds if kind in earned else 0,
        )
        for kind, count in segments.items()
    ]
    return tuple(sorted(figures, key=lambda f: -(f.gmv_per_min_fen or -1)))


def _totals(shows: Sequence[CampaignShow]) -> CampaignTotals:
    def total(name: str) -> int | None:
        return sum_known(getattr(s.sums, name) for s in shows)

    gmv = total("gmv_fen")
    # Refunds only of the shows whose GMV counts, so the net GMV and the refund rate are taken
    # over the same shows (a product export imported before the minute metrics adds nothing).
    refunds_fen = sum_known(s.sums.refunds_fen for s in shows if s.sums.gmv_fen is not None)
    orders, buyers, viewers = total("orders"), total("buyers"), total("unique_viewers")
    views, ad_spend = total("views"), total("ad_spend_fen")
    return CampaignTotals(
        shows=len(shows),
        shows_with_gmv=sum(s.sums.gmv_fen is not None for s in shows),
        gmv_fen=gmv,
        orders=orders,
        buyers=buyers,
        viewers=viewers,
        views=views,
        new_followers=total("new_followers"),
        ad_spend_fen=ad_spend,
        refunds_fen=refunds_fen,
        efficiency=efficiency(
            gmv, orders, buyers, viewers, views, ad_spend, None, None, refunds_fen
        ),
    )


def _scaled(value: float | None, scale: float) -> float | None:
    return None if value is None else value * scale


def _target_progress(campaign: Campaign, totals: CampaignTotals) -> tuple[TargetProgress, ...]:
    """The campaign's targets that were set, each with its actual in the target's unit (None
    where the shows' figures do not give it: gross profit, margin and watch time need inputs
    the campaign's sums do not carry)."""
    e = totals.efficiency
    refund_bp = (
        None
        if totals.refunds_fen is None or not totals.gmv_fen
        else totals.refunds_fen * 10_000 / totals.gmv_fen
    )
    actuals: dict[str, float | None] = {
        "gmv_fen": totals.gmv_fen,
        "viewers": totals.viewers,
        "conversion_bp": _scaled(e.conversion, 10_000),
        "new_followers": totals.new_followers,
        "interaction_bp": None,
        "uv_value_fen": e.uv_value_fen,
        "aov_fen": e.aov_fen,
        "gpm_fen": e.gpm_fen,
        "roi_bp": _scaled(e.roi, 10_000),
        "gross_profit_fen": None,
        "margin_bp": None,
        "net_gmv_fen": e.net_gmv_fen,
        "avg_watch_s": None,
        "max_ad_spend_fen": totals.ad_spend_fen,
        "max_refund_bp": refund_bp,
    }
    return tuple(
        TargetProgress(name, float(target), actuals.get(name), name.startswith("max_"))
        for name in campaign.targets.__dataclass_fields__
        if (target := getattr(campaign.targets, name)) is not None
    )


def _pace(
    shows: Sequence[CampaignShow], target_fen: int | None, today: date
) -> tuple[PaceDay, ...]:
    days = sorted({s.day for s in shows})
    per_show = None if target_fen is None or not shows else target_fen / len(shows)
    pace: list[PaceDay] = []
    cumulative = 0
    shows_so_far = 0
    for day in days:
        on_day = [s for s in shows if s.day == day]
        shows_so_far += len(on_day)
        gmv = sum_known(s.sums.gmv_fen for s in on_day)
        cumulative += gmv or 0
        pace.append(
            PaceDay(
                day,
                len(on_day),
                gmv,
                cumulative if day <= today or gmv is not None else None,
                None if per_show is None else per_show * shows_so_far,
            )
        )
    return tuple(pace)


def _ranked(items: Sequence[T], value: Callable[[T], float | None]) -> list[T]:
    """The items with a value, highest first."""
    return sorted((i for i in items if value(i) is not None), key=lambda i: -(value(i) or 0))


def _kind_rate(kind: KindFigures) -> float | None:
    return kind.gmv_per_min_fen


def _product_gmv(product: ProductSums) -> float | None:
    return product.gmv_fen


def campaign_figures(
    campaign: Campaign,
    shows: Sequence[CampaignShow],
    today: date,
    kinds: Sequence[KindFigures] = (),
    products: Sequence[ProductSums] = (),
) -> CampaignFigures:
    """Everything the campaign page, its report and `campaign ID` show, as of `today`."""
    shows = tuple(sorted(shows, key=lambda s: (s.planned_start, s.show_id)))
    totals = _totals(shows)
    target = campaign.targets.gmv_fen
    remaining = [s for s in shows if s.sums.gmv_fen is None and s.day >= today]
    gap = None if target is None else max(0, target - (totals.gmv_fen or 0))
    needed = None if gap is None or not remaining else gap / len(remaining)
    platforms: dict[Platform, list[CampaignShow]] = {}
    for show in shows:
        platforms.setdefault(show.platform, []).append(show)
    by_platform = sorted(
        (
            PlatformFigures(p, len(on), sum_known(s.sums.gmv_fen for s in on))
            for p, on in platforms.items()
        ),
        key=lambda f: (-(f.gmv_fen if f.gmv_fen is not None else -1), f.platform.value),
    )
    products = tuple(
        sorted(products, key=lambda p: (-(p.gmv_fen if p.gmv_fen is not None else -1), p.name))
    )
    ranked_kinds = _ranked(kinds, _kind_rate)
    ranked_products = _ranked(products, _product_gmv)
    return CampaignFigures(
        campaign=campaign,
        shows=shows,
        totals=totals,
        targets=_target_progress(campaign, totals),
        pace=_pace(shows, target, today),
        remaining_shows=len(remaining),
        without_figures=tuple(s.show_id for s in shows if s.sums.gmv_fen is None and s.day < today),
        gap_fen=gap,
        needed_per_show_fen=needed,
        by_platform=tuple(by_platform),
        by_kind=tuple(kinds),
        products=products,
        best_kind=ranked_kinds[0] if ranked_kinds else None,
        worst_kind=ranked_kinds[-1] if len(ranked_kinds) > 1 else None,
        best_product=ranked_products[0] if ranked_products else None,
        worst_product=ranked_products[-1] if len(ranked_products) > 1 else None,
    )
