"""Which products carried the show: each product's figures from the show's product export
(商品明细) beside what the plan set for it, and the items sold and gross profit of each product
shared out over the segments that pitched it.

Rules, so every figure can be worked by hand:

- A product's figures are the sums of the export's lines matched to it (a platform may list a
  product twice, once per link); a figure no line carries is None, never 0.
- sell-through is items sold / planned stock; conversion is click-to-order, items sold / product
  clicks (the export counts items, not orders: one buyer taking three items counts three, so it
  can pass 100 %); both None when either input is missing or the divisor is 0.
- gross profit is items sold x (price - unit cost), the price being what the items sold for:
  the export's GMV less items sold x unit cost where the export has the product's GMV (coupons
  and flash prices lower it below the plan's price, and a profit worked from the plan's price
  would overstate it), else the plan's live price, or its list price when it set no live
  price; None without items sold or a unit cost.
- flags: sold out when items sold reach the stock; under 20 % when they stay under a fifth of
  it (the trade's mark of a product that stalled); not in the plan for a line the import could
  not match to one of the show's products.
- per segment: a product's items sold, gross profit, the GMV that profit was made on and its
  refunds go to the segments that pitched it (the plan's segment-product links), each
  segment's share being its part of the GMV the review credited to those segments (what sold
  while they ran, lag on), so a flash sale that sold most gets most. Where one of them has no
  GMV figure (the minute export lacks it), or none sold, by its part of their seconds instead
  (as run, else as planned; equal shares when none of them has any seconds). Integers are
  shared by largest remainder, so each product's shares add up to its figure exactly and the
  segments' figures add up to those of the pitched products. A product no segment pitched (or
  a line matched to no product) counts in the show's totals and in no segment's. The export
  counts a product's sales over the whole show (the cart stays open after its pitch), so a
  segment's share of its products' gross profit can pass the GMV credited to its own minutes;
  its margin is its products' (profit over the GMV they were sold for), not profit over the
  segment's GMV.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from liveplanner.core.plan import Product, ShowPlan
from liveplanner.core.product_sales import ProductSales

UNDER_SHARE = 0.2  # a product that sold under this share of its stock stalled


@dataclass(frozen=True, slots=True)
class ProductFigures:
    product_id: int | None  # None: a line of the export the show's products do not hold
    name: str
    link: str
    stock: int | None  # planned, from the plan's product
    sold: int | None  # items sold
    clicks: int | None
    gmv_fen: int | None
    gross_profit_fen: int | None
    refunds_fen: int | None
    segments: tuple[int, ...]  # positions (1-based) of the segments that pitched it

    @property
    def sell_through(self) -> float | None:
        return _ratio(self.sold, self.stock)

    @property
    def conversion(self) -> float | None:
        """Click to order: items sold per product click."""
        return _ratio(self.sold, self.clicks)

    @property
    def not_in_plan(self) -> bool:
        return self.product_id is None

    @property
    def sold_out(self) -> bool:
        return self.sold is not None and bool(self.stock) and self.sold >= (self.stock or 0)

    @property
    def under_20(self) -> bool:
        return (
            self.sold is not None
            and bool(self.stock)
            and self.sold < UNDER_SHARE * (self.stock or 0)
        )


@dataclass(frozen=True, slots=True)
class SegmentProducts:
    """What the products a segment pitched sold, by its share of them (see the module's rules);
    None when it pitched no product with the figure."""

    items_sold: int | None = None
    gross_profit_fen: int | None = None
    profit_gmv_fen: int | None = None  # the GMV the gross profit was made on, for the margin
    refunds_fen: int | None = None


@dataclass(frozen=True, slots=True)
class ShowProducts:
    products: tuple[ProductFigures, ...]  # the plan's products, in its order
    unmatched: tuple[ProductFigures, ...]  # the export's lines matched to none of them
    per_segment: Mapping[int, SegmentProducts]  # by segment id
    sold: int | None  # every line's items sold
    gross_profit_fen: int | None  # of the products whose price and unit cost are known
    profit_gmv_fen: int | None  # their GMV; None when one of them has no GMV figure
    refunds_fen: int | None


NO_PRODUCTS = ShowProducts((), (), {}, None, None, None, None)


def _ratio(top: int | None, bottom: int | None) -> float | None:
    return None if top is None or not bottom else top / bottom


def _sum(values: Sequence[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def gross_profit(product: Product, sold: int | None, gmv_fen: int | None) -> int | None:
    if sold is None or product.unit_cost_fen is None:
        return None
    if gmv_fen is not None:
        return gmv_fen - sold * product.unit_cost_fen
    price = product.live_price_fen if product.live_price_fen is not None else product.list_price_fen
    return None if price is None else sold * (price - product.unit_cost_fen)


def largest_remainder(total: int, weights: Sequence[float]) -> list[int]:
    """`total` shared in proportion to `weights` in whole units that add up to it exactly:
    each takes the whole part of its share, and the units left go to the largest remainders
    (the first of equal ones). A negative total is shared as its size, then signed."""
    if not weights:
        return []
    whole = sum(weights)
    if whole <= 0:
        weights, whole = [1.0] * len(weights), float(len(weights))
    size = abs(total)
    exact = [size * w / whole for w in weights]
    shares = [int(e) for e in exact]
    left = size - sum(shares)
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in order[:left]:
        shares[i] += 1
    return [s if total >= 0 else -s for s in shares]


def product_figures(
    plan: ShowPlan,
    lines: Sequence[ProductSales],
    seconds: Mapping[int, int] | None = None,
    gmv: Mapping[int, int | None] | None = None,
) -> ShowProducts:
    """The show's products and their segments' shares. `seconds` is each segment's seconds as
    the review counts them (as run, else as planned; the plan's by default), `gmv` the GMV the
    review credited to each (none: shared by seconds)."""
    if not lines:
        return NO_PRODUCTS
    lengths = {s.id: s.duration_s for s in plan.segments} if seconds is None else seconds
    positions = {s.id: i for i, s in enumerate(plan.segments, start=1)}
    pitched: dict[int, list[int]] = {}
    for segment in plan.segments:
        if segment.product_id is not None:
            pitched.setdefault(segment.product_id, []).append(segment.id)
    matched: dict[int, list[ProductSales]] = {}
    unmatched = []
    known = {p.id for p in plan.products}
    for line in lines:
        if line.product_id in known:
            matched.setdefault(line.product_id, []).append(line)
        else:
            unmatched.append(_figures(None, line.name, line.link, None, [line], None, ()))
    products = []
    for product in plan.products:
        its = matched.get(product.id, [])
        sold = _sum([line.sold for line in its])
        products.append(
            _figures(
                product.id,
                product.name,
                next((line.link for line in its if line.link), ""),
                product.stock,
                its,
                gross_profit(product, sold, _sum([line.gmv_fen for line in its])),
                tuple(positions[s] for s in pitched.get(product.id, [])),
            )
        )
    shares: dict[int, dict[str, list[int]]] = {}
    for figures in products:
        segment_ids = pitched.get(figures.product_id or 0, [])
        if not segment_ids:
            continue
        weights = _weights(segment_ids, lengths, gmv or {})
        profit_gmv = figures.gmv_fen if figures.gross_profit_fen is not None else None
        for name, value in (
            ("items_sold", figures.sold),
            ("gross_profit_fen", figures.gross_profit_fen),
            ("profit_gmv_fen", profit_gmv),
            ("refunds_fen", figures.refunds_fen),
        ):
            if value is None:
                continue
            for segment_id, share in zip(
                segment_ids, largest_remainder(value, weights), strict=True
            ):
                shares.setdefault(segment_id, {}).setdefault(name, []).append(share)
    per_segment = {
        segment_id: SegmentProducts(**{name: sum(values) for name, values in figures.items()})
        for segment_id, figures in shares.items()
    }
    everything = [*products, *unmatched]
    with_profit = [p for p in products if p.gross_profit_fen is not None]
    profit_gmvs = [p.gmv_fen for p in with_profit]
    return ShowProducts(
        products=tuple(products),
        unmatched=tuple(unmatched),
        per_segment=per_segment,
        sold=_sum([p.sold for p in everything]),
        gross_profit_fen=_sum([p.gross_profit_fen for p in with_profit]),
        profit_gmv_fen=None if None in profit_gmvs else _sum(profit_gmvs),
        refunds_fen=_sum([p.refunds_fen for p in everything]),
    )


def _weights(
    segment_ids: Sequence[int], seconds: Mapping[int, int], gmv: Mapping[int, int | None]
) -> list[float]:
    """Each pitching segment's part: its credited GMV where all of them have one and some sold,
    else its seconds."""
    sales = [gmv.get(s) for s in segment_ids]
    if all(v is not None for v in sales) and sum(v or 0 for v in sales) > 0:
        return [float(max(v or 0, 0)) for v in sales]
    return [float(seconds.get(s, 0)) for s in segment_ids]


def _figures(
    product_id: int | None,
    name: str,
    link: str,
    stock: int | None,
    lines: Sequence[ProductSales],
    profit: int | None,
    segments: tuple[int, ...],
) -> ProductFigures:
    return ProductFigures(
        product_id=product_id,
        name=name,
        link=link,
        stock=stock,
        sold=_sum([line.sold for line in lines]),
        clicks=_sum([line.clicks for line in lines]),
        gmv_fen=_sum([line.gmv_fen for line in lines]),
        gross_profit_fen=profit,
        refunds_fen=_sum([line.refunds_fen for line in lines]),
        segments=segments,
    )
