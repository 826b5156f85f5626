"""What each product sold in one show, as the platform's product export (商品明细 / 商品列表 /
商品分析 / product list) says: one line per product, matched to the show's product where it could
be. A figure the export does not carry is None, never 0."""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ProductSales:
    row: int  # the file's row, 1-based, as messages name it
    name: str
    link: str  # the platform's link number or product id ("" when the export has none)
    product_id: int | None  # the show's product it matched; None: unmatched
    exposures: int | None = None  # times the product card was shown
    clicks: int | None = None
    add_to_cart: int | None = None
    sold: int | None = None  # items sold
    gmv_fen: int | None = None
    refunds_fen: int | None = None


@dataclass(frozen=True, slots=True)
class ProductImport:
    """Where a show's product figures came from."""

    file_name: str
    preset: str = ""
    encoding: str = ""
    rows_read: int = 0
    imported_at: datetime | None = None  # aware UTC; None before it is stored
