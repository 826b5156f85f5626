"""The team's product library: products kept once, picked into shows, filled from shows'
products, and each one's history across the shows that had it.

pandas loads with `history`, not with this module.
"""

from typing import Any

from liveplanner.app.refusals import OperationRefused
from liveplanner.app.review_data import review_inputs
from liveplanner.app.reviews import attribution_lag
from liveplanner.core.library import (
    LibraryProduct,
    ProductHistory,
    gmv_per_pitched_minute,
    matching_product,
    show_product,
)
from liveplanner.core.plan import Product, ShowPlan
from liveplanner.storage import library, parts, shows
from liveplanner.storage.database import Database
from liveplanner.storage.errors import NotFoundError

__all__ = [
    "LibraryProduct",
    "ProductHistory",
    "add_product",
    "delete_product",
    "history",
    "list_products",
    "load_product",
    "offer",
    "pick",
    "save_to_library",
    "update_product",
]


def list_products(db: Database) -> list[LibraryProduct]:
    """By name."""
    return library.list_products(db)


def load_product(db: Database, library_id: int) -> LibraryProduct:
    return library.load_product(db, library_id)


def add_product(
    db: Database,
    name: str,
    sku: str = "",
    list_price_fen: int | None = None,
    unit_cost_fen: int | None = None,
    notes: str = "",
) -> LibraryProduct:
    """A new library product; a name the library has is refused."""
    return library.add_product(
        db, LibraryProduct(0, name, sku, list_price_fen, unit_cost_fen, notes)
    )


def update_product(
    db: Database, library_id: int, expected_version: int, **changes: Any
) -> LibraryProduct:
    """Change name, sku, list_price_fen, unit_cost_fen or notes; a stale version is refused."""
    return library.update_product(db, library_id, expected_version, **changes)


def delete_product(db: Database, library_id: int) -> LibraryProduct:
    """Out of the library; shows it was picked into keep their products."""
    return library.delete_product(db, library_id)


def offer(item: LibraryProduct, plan: ShowPlan) -> Product:
    """The product the show gets when `item` is picked into it (name, SKU, list price and cost
    copied; stock left for the producer). A show that has it already (by SKU or name) is
    refused: a second copy would leave its product figures matching neither."""
    if matching_product(item, plan.products) is not None:
        raise OperationRefused(
            f"{plan.show.title!r} has {item.name!r} already",
            code="library.in_show_already",
            figures={"name": item.name, "title": plan.show.title},
        )
    return show_product(item)


def pick(db: Database, library_id: int, show_id: int) -> Product:
    """Add the library product to the show (see `offer`) as the editor adds a product, so the
    show's history records it; the window pushes the same product through its undo stack."""
    item = library.load_product(db, library_id)
    shows.check_not_in_bin(db, show_id)
    return parts.add_part(db, show_id, offer(item, shows.load_plan(db, show_id)))


def save_to_library(db: Database, show_id: int, product_id: int) -> LibraryProduct:
    """Keep one of a show's products in the library: its name, SKU, list price and cost."""
    product = shows.load_plan(db, show_id).product(product_id)
    if product is None:
        raise NotFoundError(
            f"show {show_id} has no product {product_id}",
            code="library.no_show_product",
            figures={"show": show_id, "id": product_id},
        )
    return add_product(db, product.name, product.sku, product.list_price_fen, product.unit_cost_fen)


def history(db: Database, library_id: int, lag: int | None = None) -> list[ProductHistory]:
    """Each show the library product was in, oldest first: the stock set aside, the items sold
    (its product export), and its GMV per minute over the segments that pitched it (the show's
    review, with sales credited `lag` minutes on, default the preference; None without
    metrics)."""
    item = library.load_product(db, library_id)
    lag = attribution_lag(lag)
    found: list[ProductHistory] = []
    for held in library.shows_holding(db, item):
        found.append(
            ProductHistory(
                show_id=held.show_id,
                title=held.title,
                planned_start=held.planned_start,
                platform=held.platform,
                product_id=held.product.id,
                stock=held.product.stock,
                sold=held.sold,
                gmv_per_min_fen=_pitched_gmv(db, held.show_id, held.product.id, lag),
            )
        )
    return found


def _pitched_gmv(db: Database, show_id: int, product_id: int, lag: int) -> float | None:
    from liveplanner.core.review import review

    read = review_inputs(db, show_id)
    if read.samples.empty or not any(s.product_id == product_id for s in read.plan.segments):
        return None
    figures = review(read.plan, read.runs, read.samples, lag, read.product_sales).segments
    return gmv_per_pitched_minute(
        [(f.gmv_fen, f.seconds) for f in figures if f.product_id == product_id]
    )
