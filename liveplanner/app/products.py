"""Bringing a platform's per-product export (商品明细) into a show: read it, match its lines to
the show's products (by link number, then name), and store it in place of the figures the show
had (a SQLite database is backed up first), or with `dry_run` only read and match it."""

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from liveplanner.app.refusals import OperationRefused, read_imported
from liveplanner.core.plan import ShowPlan as Plan
from liveplanner.storage.database import Database
from liveplanner.storage.shows import check_not_in_bin, load_plan

if TYPE_CHECKING:
    from liveplanner.core.product_match import Matching
    from liveplanner.core.product_sales import ProductImport
    from liveplanner.formats.products.reader import ProductsReading


@dataclass(frozen=True, slots=True)
class ProductsRequest:
    preset: str | None = None  # a layout's name (formats.products.fields.PRODUCT_PRESETS)
    # The user's mapping: (header, field), where field is a ProductField's value ("sold",
    # "gmv" …) or None to leave the column out. Other columns are read as recognised.
    mapping: tuple[tuple[str, str | None], ...] = ()
    dry_run: bool = False


@dataclass(frozen=True, slots=True)
class ProductsImported:
    show_id: int
    reading: "ProductsReading"
    matching: "Matching"
    stored: int  # lines stored; 0 for a dry run
    dry_run: bool
    product_names: dict[int, str]  # the show's products, by id


def stored_import(db: Database, show_id: int) -> "ProductImport | None":
    """Where the show's product figures came from; None when it has none."""
    from liveplanner.storage.product_sales import product_import

    return product_import(db, show_id)


def read_product_export(
    plan: Plan, file_name: str, data: bytes, request: ProductsRequest
) -> tuple["ProductsReading", "Matching"]:
    """The export read and matched to the plan's products, nothing stored; ImportRefused or
    OperationRefused (a mapping naming no field) when it cannot be."""
    from liveplanner.core.product_match import match_products
    from liveplanner.formats.products.fields import ProductField
    from liveplanner.formats.products.reader import ProductOptions, read_products

    mapping: dict[str, ProductField | None] = {}
    for header, held in request.mapping:
        if held is None:
            mapping[header] = None
            continue
        try:
            mapping[header] = ProductField(held.strip().lower())
        except ValueError:
            known = ", ".join(f.value for f in ProductField)
            raise OperationRefused(
                f"{held!r} is not a product figure liveplanner knows; expected one of: {known}",
                code="products.map_no_field",
                figures={"field": held, "known": known},
            ) from None
    reading = read_products(data, file_name, ProductOptions(request.preset, mapping))
    return reading, match_products(reading.lines, plan.products)


def import_products(
    db: Database, show_id: int, path: Path, request: ProductsRequest
) -> ProductsImported:
    """Read the export at `path`, match it to the show's products and, unless it is a dry run,
    replace the show's product figures with it."""
    from liveplanner.formats.products.reader import MAX_PRODUCT_BYTES

    check_not_in_bin(db, show_id)  # read-only views still open a show in the bin
    plan = load_plan(db, show_id)
    data = read_imported(path, MAX_PRODUCT_BYTES)
    return store_product_export(db, plan, path.name, data, request)


def store_product_export(
    db: Database, plan: Plan, file_name: str, data: bytes, request: ProductsRequest
) -> ProductsImported:
    """As import_products, for a file already read (the import dialog's)."""
    from liveplanner.core.product_sales import ProductImport
    from liveplanner.storage.product_sales import replace_product_sales

    reading, matching = read_product_export(plan, file_name, data, request)
    stored = 0
    if not request.dry_run:
        preset = reading.preset.name if reading.preset else ""
        source = ProductImport(reading.file_name, preset, reading.encoding, reading.rows_read)
        stored = replace_product_sales(db, plan.show.id, source, matching.lines)
    names = {product.id: product.name for product in plan.products}
    return ProductsImported(plan.show.id, reading, matching, stored, request.dry_run, names)
