"""`liveplanner import-products`: a platform's per-product export (商品明细) into a show."""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from liveplanner.app.database import Database
from liveplanner.app.products import ProductsRequest
from liveplanner.app.translations import QT_TRANSLATE_NOOP
from liveplanner.cli.output import UserError, counted, emit, say, table, visible

if TYPE_CHECKING:
    from liveplanner.app.products import ProductsImported
    from liveplanner.core.product_sales import ProductSales


def import_products(args: argparse.Namespace, db: Database) -> int:
    from liveplanner.app import products

    request = ProductsRequest(
        preset=args.preset, mapping=tuple(_mapping(text) for text in args.map), dry_run=args.dry_run
    )
    imported = products.import_products(db, args.show, Path(args.file), request)
    data = products_import_json(imported)
    emit(args, data, _text(data, imported))
    return 0


def _mapping(text: str) -> tuple[str, str | None]:
    """--map HEADER=FIELD: the header may hold "=", the field never does; "-" leaves it out."""
    header, equals, held = text.rpartition("=")
    if not equals or not header.strip() or not held.strip():
        raise UserError(
            say(QT_TRANSLATE_NOOP("cli", "--map {text!r} is not HEADER=FIELD"), text=text)
        )
    return header.strip(), None if held.strip() == "-" else held.strip()


def _yuan(fen: int | None) -> float | int | None:
    if fen is None:
        return None
    return fen / 100 if fen % 100 else fen // 100


def _line(line: "ProductSales", names: dict[int, str], how: dict[int, str]) -> dict[str, object]:
    data: dict[str, object] = {"row": line.row, "name": line.name, "link": line.link}
    if line.product_id is not None:
        data |= {
            "product_id": line.product_id,
            "product": names.get(line.product_id, ""),
            "matched_by": how.get(line.row),
        }
    return data | {
        "exposures": line.exposures,
        "clicks": line.clicks,
        "add_to_cart": line.add_to_cart,
        "sold": line.sold,
        "gmv": _yuan(line.gmv_fen),
        "refunds": _yuan(line.refunds_fen),
    }


def products_import_json(imported: "ProductsImported") -> dict[str, object]:
    """What `liveplanner import-products --json` prints: money in yuan, a figure the export
    lacks as null; `columns` is the mapping used (header -> field, null: not read)."""
    reading, matching = imported.reading, imported.matching
    names = imported.product_names
    return {
        "show_id": imported.show_id,
        "file": reading.file_name,
        "preset": reading.preset.name if reading.preset else None,
        "encoding": reading.encoding,
        "columns": {c.header: (c.field.value if c.field else None) for c in reading.columns},
        "matched": [_line(line, names, matching.how) for line in matching.matched],
        "unmatched": [_line(line, names, matching.how) for line in matching.unmatched],
        "total_rows": list(reading.total_rows),
        "warnings": [warning.message for warning in reading.warnings],
        "stored": imported.stored,
    }


def _text(data: dict[str, object], imported: "ProductsImported") -> str:
    matched: list[dict[str, object]] = data["matched"]  # type: ignore[assignment]
    unmatched: list[dict[str, object]] = data["unmatched"]  # type: ignore[assignment]
    lines = [
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "{lines}, {matched} matched to the show's products; {encoding}; layout: {preset}",
            ),
            lines=counted(
                len(matched) + len(unmatched),
                QT_TRANSLATE_NOOP("cli", "{n} product"),
                QT_TRANSLATE_NOOP("cli", "{n} products"),
            ),
            matched=len(matched),
            encoding=data["encoding"],
            preset=data["preset"] or say(QT_TRANSLATE_NOOP("cli", "by header names")),
        )
    ]

    def shown(value: object) -> str:
        if value is None:
            return "—"
        return f"{value:,}" if isinstance(value, int | float) else str(value)

    def money(value: object) -> str:
        return "—" if value is None else f"{value:,.2f}"

    rows = [
        (
            str(line["row"]),
            visible(str(line.get("product") or line["name"])),
            shown(line["sold"]),
            money(line["gmv"]),
            money(line["refunds"]),
        )
        for line in matched
    ]
    headers = (
        say(QT_TRANSLATE_NOOP("cli", "row")),
        say(QT_TRANSLATE_NOOP("cli", "product")),
        say(QT_TRANSLATE_NOOP("cli", "sold")),
        say(QT_TRANSLATE_NOOP("cli", "GMV")),
        say(QT_TRANSLATE_NOOP("cli", "refunds")),
    )
    if rows:
        lines.append(table(headers, rows, (5, 28, 8, 14, 12)))
    for line in unmatched:
        lines.append(
            say(
                QT_TRANSLATE_NOOP("cli", "not matched: row {row}, {name}"),
                row=line["row"],
                name=visible(str(line["name"])),
            )
        )
    total_rows: list[int] = data["total_rows"]  # type: ignore[assignment]
    if total_rows:
        lines.append(
            say(
                QT_TRANSLATE_NOOP("cli", "left out as totals: rows {rows}"),
                rows=", ".join(str(r) for r in total_rows),
            )
        )
    warning = QT_TRANSLATE_NOOP("cli", "warning: {text}")
    warnings: list[str] = data["warnings"]  # type: ignore[assignment]
    lines += [say(warning, text=visible(text)) for text in warnings]
    lines.append(
        say(QT_TRANSLATE_NOOP("cli", "stored"))
        if not imported.dry_run
        else say(QT_TRANSLATE_NOOP("cli", "not stored (--dry-run)"))
    )
    return "\n".join(lines)
