"""The team's product library: each product kept once (name, link number or SKU, list price,
cost), picked into shows, and its history across the shows that sold it."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from liveplanner.core.enums import Platform
from liveplanner.core.plan import Product
from liveplanner.core.product_match import match_products
from liveplanner.core.product_sales import ProductSales


@dataclass(frozen=True, slots=True)
class LibraryProduct:
    id: int
    name: str
    sku: str = ""
    list_price_fen: int | None = None
    unit_cost_fen: int | None = None
    notes: str = ""
    version: int = 1


@dataclass(frozen=True, slots=True)
class ProductHistory:
    """One show a library product was in: what the show set aside and sold of it, and what
    it brought in per minute while it was pitched. None where the show has no such figure."""

    show_id: int
    title: str
    planned_start: datetime  # aware, the show's zone
    platform: Platform
    product_id: int  # the show's product
    stock: int | None
    sold: int | None
    gmv_per_min_fen: float | None

    @property
    def sell_through(self) -> float | None:
        """Sold over stock; None when either is missing (or no stock was set aside)."""
        if self.stock is None or self.sold is None or self.stock == 0:
            return None
        return self.sold / self.stock


def matching_product(item: LibraryProduct, products: Sequence[Product]) -> Product | None:
    """The show's product that is this library product, as a product export's line finds it:
    the same link number (SKU) when it has one, else the same name; None when none is, or two
    share the name."""
    line = ProductSales(row=1, name=item.name, link=item.sku, product_id=None)
    matched = match_products([line], products).matched
    if not matched:
        return None
    return next(p for p in products if p.id == matched[0].product_id)


def show_product(item: LibraryProduct) -> Product:
    """The product a show gets when the library product is picked into it: its stock is the
    producer's to set."""
    return Product(
        id=0,
        sku=item.sku,
        name=item.name,
        list_price_fen=item.list_price_fen,
        unit_cost_fen=item.unit_cost_fen,
    )


def gmv_per_pitched_minute(pitched: Sequence[tuple[int | None, int]]) -> float | None:
    """GMV per minute over the segments that pitched a product: (their GMV or None, their
    seconds). None when no segment has GMV or they last no time."""
    counted = [(gmv, s) for gmv, s in pitched if gmv is not None]
    seconds = sum(s for _, s in counted)
    if not counted or seconds <= 0:
        return None
    return sum(gmv for gmv, _ in counted) / seconds * 60
