"""The team's product library: products kept once, added, changed (against their version) and
deleted; and the shows' products a library product's history is found among."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from liveplanner.core.enums import Platform
from liveplanner.core.inputs import printable
from liveplanner.core.library import LibraryProduct, matching_product
from liveplanner.core.plan import MAX_TITLE, Product
from liveplanner.core.product_match import link_key, name_key
from liveplanner.storage import convert
from liveplanner.storage.database import Database
from liveplanner.storage.errors import InvalidValueError, NotFoundError
from liveplanner.storage.guard import check_version
from liveplanner.storage.limits import check_columns
from liveplanner.storage.models import LibraryProductRow, ProductRow, ProductSalesRow, ShowRow

_FIELDS = ("name", "sku", "list_price_fen", "unit_cost_fen", "notes")


@dataclass(frozen=True, slots=True)
class ShowProduct:
    """A show that has a library product: the show's product it is, and the items its product
    export says sold of it (None without an export line for it that gives the figure)."""

    show_id: int
    title: str
    planned_start: datetime  # aware, the show's zone
    platform: Platform
    product: Product
    sold: int | None


def no_library_product(product_id: int) -> NotFoundError:
    return NotFoundError(
        f"there is no library product {product_id}",
        code="storage.no_library_product",
        figures={"id": product_id},
    )


# As the run sheet takes a price (100 million yuan): a library product picked into a show must
# come back from its exported run sheet.
MAX_PRICE_FEN = 100_000_000_00


def _checked(session: Session, values: dict[str, Any], own_id: int | None) -> dict[str, Any]:
    unknown = set(values) - set(_FIELDS)
    if unknown:
        raise TypeError(f"not library product fields: {sorted(unknown)}")
    others = session.execute(
        select(LibraryProductRow.id, LibraryProductRow.name, LibraryProductRow.sku).where(
            LibraryProductRow.id != (own_id or 0)
        )
    ).all()
    if "name" in values:
        values["name"] = values["name"].strip()
        if not values["name"] or len(values["name"]) > MAX_TITLE or not printable(values["name"]):
            raise InvalidValueError(
                f"a product's name needs 1 to {MAX_TITLE} characters, none of them a control "
                "character",
                code="storage.library_bad_name",
                figures={"max": MAX_TITLE},
            )
        # Names as the product matching reads them (case, spaces, full-width forms aside): two
        # that match alike would share one history.
        key = name_key(values["name"])
        clash = next((i for i, name, _ in others if name_key(name) == key), None)
        if clash is not None:
            raise InvalidValueError(
                f"the library has a product called {values['name']!r} already (id {clash})",
                code="storage.library_name_taken",
                figures={"name": values["name"], "id": clash},
            )
    if "sku" in values:
        values["sku"] = values["sku"].strip()
        if not printable(values["sku"]):
            raise InvalidValueError(
                "a link number or SKU holds no control characters",
                code="storage.library_bad_sku",
                figures={},
            )
        key = link_key(values["sku"]) if values["sku"] else ""
        clash = next((i for i, _, sku in others if key and sku and link_key(sku) == key), None)
        if clash is not None:
            raise InvalidValueError(
                f"library product {clash} has the link number or SKU {values['sku']!r} already",
                code="storage.library_sku_taken",
                figures={"sku": values["sku"], "id": clash},
            )
    for name in ("list_price_fen", "unit_cost_fen"):
        value = values.get(name)
        field = name.removesuffix("_fen").replace("_", " ")
        if value is not None and value < 0:
            raise InvalidValueError(
                f"{field} cannot be negative (got {value})",
                code="storage.negative",
                figures={"field": field, "value": value},
            )
        if value is not None and value > MAX_PRICE_FEN:
            raise InvalidValueError(
                f"{field} of {value / 100:,.2f} yuan: a price is at most "
                f"{MAX_PRICE_FEN // 100:,} yuan",
                code="storage.library_price_range",
                figures={
                    "field": field,
                    "yuan": f"{value / 100:,.2f}",
                    "most": MAX_PRICE_FEN // 100,
                },
            )
    check_columns(LibraryProductRow.__table__, values)
    return values


def _row(session: Session, product_id: int) -> LibraryProductRow:
    row = session.get(LibraryProductRow, product_id, with_for_update=True)
    if row is None:
        raise no_library_product(product_id)
    return row


def add_product(db: Database, item: LibraryProduct) -> LibraryProduct:
    """Store a new library product (its id and version are ignored)."""
    with db.session() as session:
        values = _checked(session, {name: getattr(item, name) for name in _FIELDS}, None)
        row = LibraryProductRow(**values)
        session.add(row)
        session.flush()
        return convert.plain(LibraryProduct, row)


def update_product(
    db: Database, product_id: int, expected_version: int, **changes: Any
) -> LibraryProduct:
    with db.session() as session:
        row = _row(session, product_id)
        check_version("library product", product_id, row.version, expected_version)
        for name, value in _checked(session, dict(changes), product_id).items():
            setattr(row, name, value)
        session.flush()
        return convert.plain(LibraryProduct, row)


def delete_product(db: Database, product_id: int) -> LibraryProduct:
    """Take it out of the library; the shows it was picked into keep their products."""
    with db.session() as session:
        row = _row(session, product_id)
        gone = convert.plain(LibraryProduct, row)
        session.delete(row)
        return gone


def load_product(db: Database, product_id: int) -> LibraryProduct:
    with db.session() as session:
        row = session.get(LibraryProductRow, product_id)
        if row is None:
            raise no_library_product(product_id)
        return convert.plain(LibraryProduct, row)


def list_products(db: Database) -> list[LibraryProduct]:
    """By name."""
    with db.session() as session:
        rows = session.scalars(select(LibraryProductRow).order_by(LibraryProductRow.name)).all()
        return [convert.plain(LibraryProduct, row) for row in rows]


def shows_holding(db: Database, item: LibraryProduct) -> list[ShowProduct]:
    """The shows not in the bin with a product that is `item` (core.library.matching_product:
    the same link number, else the same name), oldest first, with what each one's product
    export says it sold. Every show's products are read in one query and matched here, as a
    run sheet matches (full-width and spacing aside), which plain SQL equality could not."""
    with db.session() as session:
        rows = session.execute(
            select(ProductRow)
            .join(ShowRow, ShowRow.id == ProductRow.show_id)
            .where(ShowRow.deleted_at.is_(None))
            .order_by(ProductRow.show_id, ProductRow.id)
        ).scalars()
        by_show: dict[int, list[Product]] = {}
        for row in rows:
            by_show.setdefault(row.show_id, []).append(convert.plain(Product, row))
        found: list[ShowProduct] = []
        for show_id, products in by_show.items():
            product = matching_product(item, products)
            if product is None:
                continue
            show = convert.show(session.get_one(ShowRow, show_id))
            # SUM is NULL when no line gives the figure: unknown, not 0.
            sold = session.scalar(
                select(func.sum(ProductSalesRow.sold)).where(
                    ProductSalesRow.show_id == show_id, ProductSalesRow.product_id == product.id
                )
            )
            found.append(
                ShowProduct(
                    show.id,
                    show.title,
                    show.planned_start,
                    show.platform,
                    product,
                    None if sold is None else int(sold),
                )
            )
        return sorted(found, key=lambda f: (f.planned_start, f.show_id))
