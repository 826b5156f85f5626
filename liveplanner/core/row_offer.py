"""What a segment's row sells at: the product's live price and stock, or on a flash-sale row
the sale's own price and the units it puts out in that segment."""

from dataclasses import dataclass

from liveplanner.core.enums import PromoKind, SegmentKind
from liveplanner.core.plan import Promo, Release, Segment, ShowPlan


@dataclass(frozen=True, slots=True)
class RowOffer:
    price_fen: int | None
    units: int | None
    flash: bool  # a flash-sale row: price and units are the sale's, not the product's
    sale: Promo | None = None  # the one flash sale they come from, if there is one
    releases: tuple[Release, ...] = ()  # the flash-sale releases in this segment


def _flash_promo(plan: ShowPlan, release: Release) -> Promo | None:
    promo = plan.promo(release.promo_id)
    return promo if promo is not None and promo.kind is PromoKind.FLASH_SALE else None


def row_offer(plan: ShowPlan, segment: Segment) -> RowOffer:
    """A row is a flash-sale row when its kind is a flash sale or it releases one. Its sale is
    the flash sale released in it or, before any release, the one flash sale of its product."""
    releases = [
        r for r in plan.releases if r.segment_id == segment.id and _flash_promo(plan, r) is not None
    ]
    if releases:
        units = sum(r.quantity for r in releases)
        sales = {r.promo_id for r in releases}
        if len(sales) > 1:  # two sales in one segment: no one price to show or edit
            return RowOffer(None, units, True, None, tuple(releases))
        sale = _flash_promo(plan, releases[0])
        assert sale is not None
        return RowOffer(sale.special_price_fen, units, True, sale, tuple(releases))
    if segment.kind is SegmentKind.FLASH_SALE:
        candidates = [
            p
            for p in plan.promos
            if p.kind is PromoKind.FLASH_SALE
            and segment.product_id is not None
            and p.product_id == segment.product_id
        ]
        sale = candidates[0] if len(candidates) == 1 else None
        return RowOffer(sale.special_price_fen if sale else None, None, True, sale)
    product = plan.product(segment.product_id)
    if product is None:
        return RowOffer(None, None, False)
    return RowOffer(product.live_price_fen, product.stock, False)
