"""A show's product figures (its product export): replaced as a whole, as its metrics are."""

from collections.abc import Sequence

from sqlalchemy import delete, select

from liveplanner.core.product_sales import ProductImport, ProductSales
from liveplanner.storage import history
from liveplanner.storage.database import Database
from liveplanner.storage.errors import no_show
from liveplanner.storage.models import ProductImportRow, ProductSalesRow, ShowRow

_FIGURES = ("exposures", "clicks", "add_to_cart", "sold", "gmv_fen", "refunds_fen")


def replace_product_sales(
    db: Database, show_id: int, source: ProductImport, lines: Sequence[ProductSales]
) -> int:
    """Replace the show's product figures in one transaction; returns how many lines were
    stored. Figures it had are backed up first (SQLite): a replace cannot be undone."""
    if product_import(db, show_id) is not None:
        db.backup("before-replacing-product-figures")
    with db.session() as session:
        show = session.get(ShowRow, show_id)
        if show is None or show.deleted_at is not None:
            raise no_show(show_id)
        history.record(session, show_id, "products", "imported", source.file_name)
        session.execute(delete(ProductSalesRow).where(ProductSalesRow.show_id == show_id))
        session.execute(delete(ProductImportRow).where(ProductImportRow.show_id == show_id))
        imported = ProductImportRow(
            show_id=show_id,
            file_name=source.file_name,
            preset=source.preset,
            encoding=source.encoding,
            rows_read=source.rows_read,
        )
        session.add(imported)
        session.flush()
        session.add_all(
            ProductSalesRow(
                show_id=show_id,
                import_id=imported.id,
                row_number=line.row,
                product_id=line.product_id,
                name=line.name,
                link=line.link,
                **{name: getattr(line, name) for name in _FIGURES},
            )
            for line in lines
        )
    return len(lines)


def product_sales(db: Database, show_id: int) -> tuple[ProductSales, ...]:
    """The show's product figures in the file's order; empty when none were imported."""
    with db.session() as session:
        rows = session.scalars(
            select(ProductSalesRow)
            .where(ProductSalesRow.show_id == show_id)
            .order_by(ProductSalesRow.row_number, ProductSalesRow.id)
        ).all()
        return tuple(
            ProductSales(
                row=r.row_number,
                name=r.name,
                link=r.link,
                product_id=r.product_id,
                **{name: getattr(r, name) for name in _FIGURES},
            )
            for r in rows
        )


def product_import(db: Database, show_id: int) -> ProductImport | None:
    """Where the show's product figures came from; None when it has none."""
    with db.session() as session:
        row = session.scalars(
            select(ProductImportRow).where(ProductImportRow.show_id == show_id)
        ).first()
        if row is None:
            return None
        return ProductImport(
            row.file_name, row.preset, row.encoding, row.rows_read, row.imported_at
        )
