"""A product export made into one line per product, or a refusal naming the file, row, column
and value.

The steps: bound the file's size, read its sheets (formats/sheets: encodings, CSV or XLSX), find
the header (the first row naming a product column), choose each column's field (fields.py, or
the user's mapping), then read each row: total rows (合计 / 总计 / Total) left out, the name and
link number as text, figures as numbers in stored units (counts, fen). A figure the export does
not carry, or leaves empty or "-", is None, never 0. Nothing is matched or stored here: a line's
product_id is None until core.product_match matches it.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import PurePath

from liveplanner.core.product_sales import ProductSales
from liveplanner.formats.cells import MISSING, CellError, parse_number
from liveplanner.formats.export_columns import is_total, shown_cell
from liveplanner.formats.headers import normalise
from liveplanner.formats.problems import ImportRefused, Problem
from liveplanner.formats.products.fields import (
    ATTRIBUTES,
    MONEY_FIELDS,
    PRODUCT_PRESETS,
    TEXT_FIELDS,
    FieldRule,
    ProductField,
    ProductPreset,
    detect_preset,
    rule_by_name,
    rule_by_words,
    rule_for,
)
from liveplanner.formats.sheets import SCAN_ROWS, check_size, read_sheets

MAX_PRODUCT_BYTES = 32 * 2**20  # a show's product export is a few hundred rows: kilobytes
MAX_PRODUCT_ROWS = 10_000
MAX_PRODUCT_VALUE = 10**12  # counts, or fen: ¥10 billion of one product in one show
MAX_NAME = 200  # as storage keeps a product's name (ProductSalesRow.name)
MAX_LINK = 100
_SOURCES = {"user": 0, "preset": 1, "name": 2, "words": 3}
# What a refusal says a figure should be.
_COUNT, _AMOUNT = "a count", "an amount in yuan"


@dataclass(frozen=True, slots=True)
class ProductOptions:
    preset: str | None = None  # a PRODUCT_PRESETS name; None: recognised from the headers
    # The user's mapping by header as the file writes it: the field it holds, or None to leave
    # the column out. Other columns are read as recognised.
    mapping: Mapping[str, ProductField | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ProductColumn:
    position: int
    header: str
    field: ProductField | None  # None: not read
    source: str  # "user", "preset", "name", "words", or "" when it is not read
    scale: Decimal = Decimal(1)  # from the file's unit to the stored one (fen, counts)


@dataclass(frozen=True)
class ProductsReading:
    file_name: str
    encoding: str
    preset: ProductPreset | None
    header_row: int  # as the user sees it (1-based)
    columns: tuple[ProductColumn, ...]
    lines: tuple[ProductSales, ...]  # product_id None: core.product_match matches them
    rows_read: int
    total_rows: tuple[int, ...]  # rows left out as totals
    warnings: tuple[Problem, ...]


def read_products(
    data: bytes, file_name: str, options: ProductOptions | None = None
) -> ProductsReading:
    """The product lines in an export file; ImportRefused when it cannot be read as it is."""
    options = options or ProductOptions()
    name = PurePath(file_name).name
    check_size(len(data), name, MAX_PRODUCT_BYTES)
    wanted = {normalise(header)[0] for header in options.mapping}
    encoding, sheets = read_sheets(data, name, score=lambda rows: _header_at(rows, wanted)[1])
    for sheet in sheets:
        at, _score = _header_at(sheet.rows, wanted)
        if at is not None:
            break
    else:
        raise ImportRefused("no_product_header", file=name, rows=SCAN_ROWS)
    rows = sheet.rows
    headers = [_text(cell) for cell in rows[at]]
    preset = PRODUCT_PRESETS[options.preset] if options.preset else detect_preset(headers)
    columns = _columns(name, headers, preset, options)
    try:
        return _read(name, encoding, preset, at, columns, rows[at + 1 :])
    except ImportRefused as refusal:
        refusal.columns = tuple((c.header, c.field.value if c.field else None) for c in columns)
        raise


def _header_at(rows: Sequence[Sequence[object]], wanted: set[str]) -> tuple[int | None, int]:
    """The header's index among the first rows, and how surely (for choosing a CSV's delimiter):
    the first row of two filled cells or more naming a product column, or a mapped one."""
    for index, row in enumerate(rows[:SCAN_ROWS]):
        texts = [_text(cell) for cell in row]
        filled = [text for text in texts if text]
        if len(filled) < 2:
            continue
        rules = [rule_by_name(text) for text in filled]
        if any(r is not None and r.field in TEXT_FIELDS for r in rules) or any(
            normalise(text)[0] in wanted for text in filled
        ):
            return index, 1 + sum(r is not None for r in rules)
    return None, 0


def _text(cell: object) -> str:
    """A name, link or header cell as text: 12.0 as a workbook keeps a link number 12 is "12"."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip()


def _columns(
    file_name: str, headers: list[str], preset: ProductPreset | None, options: ProductOptions
) -> list[ProductColumn]:
    by_header = {normalise(h)[0]: held for h, held in options.mapping.items()}
    names = [normalise(header)[0] for header in headers]
    for header in options.mapping:
        if normalise(header)[0] not in names:
            raise ImportRefused(
                "product_map_no_column",
                file=file_name,
                header=header,
                columns=", ".join(h for h in headers if h),
            )
    found: list[tuple[FieldRule | None, str]] = []
    for header, name in zip(headers, names, strict=True):
        if name in by_header:
            held = by_header[name]
            found.append((None if held is None else rule_for(held, header), "user"))
        elif preset is not None and name in preset.columns:
            rule = rule_by_name(header)
            if rule is None or rule.field is not preset.columns[name]:
                rule = rule_for(preset.columns[name], header)
            found.append((FieldRule(rule.field, rule.scale, -1), "preset"))
        elif header and (rule := rule_by_name(header)) is not None:
            found.append((rule, "name"))
        else:
            found.append((rule_by_words(header) if header else None, "words"))
    # Per field the surest column is read: the user's, the preset's, a whole name, then words;
    # among names, the surer name. Two equally sure columns of one field are refused.
    best: dict[ProductField, int] = {}
    for position, (rule, source) in enumerate(found):
        if rule is None:
            continue
        key = (_SOURCES[source], rule.rank)
        taken = best.get(rule.field)
        if taken is not None:
            other_rule, other_source = found[taken]
            assert other_rule is not None
            other = (_SOURCES[other_source], other_rule.rank)
            if key == other:
                raise ImportRefused(
                    "two_columns_one_field",
                    file=file_name,
                    first=headers[taken],
                    second=headers[position],
                    field=rule.field.value,
                )
            if key > other:
                continue
        best[rule.field] = position
    chosen = set(best.values())
    columns = []
    for position, (header, (rule, source)) in enumerate(zip(headers, found, strict=True)):
        if position in chosen and rule is not None:
            columns.append(ProductColumn(position, header, rule.field, source, rule.scale))
        else:
            columns.append(ProductColumn(position, header, None, ""))
    return columns


def _read(
    file_name: str,
    encoding: str,
    preset: ProductPreset | None,
    at: int,
    columns: list[ProductColumn],
    body: list[list[object]],
) -> ProductsReading:
    headers = [c.header for c in columns]
    of = {c.field: c for c in columns if c.field is not None}
    if ProductField.NAME not in of and ProductField.LINK not in of:
        raise ImportRefused(
            "no_product_column", file=file_name, columns=", ".join(h for h in headers if h)
        )
    figures = [c for c in columns if c.field is not None and c.field not in TEXT_FIELDS]
    if not figures:
        raise ImportRefused(
            "no_product_figures", file=file_name, columns=", ".join(h for h in headers if h)
        )
    key_columns = [of[f].position for f in (ProductField.NAME, ProductField.LINK) if f in of]
    lines: list[ProductSales] = []
    totals: list[int] = []
    empty: dict[int, int] = {c.position: 0 for c in figures}
    for offset, cells in enumerate(body):
        row = at + 2 + offset  # the row's number as a spreadsheet shows it
        if not any(_text(cell) and _text(cell) not in MISSING for cell in cells):
            continue
        filled = [i for i, cell in enumerate(cells) if _text(cell)]
        if filled and filled[-1] >= len(headers):
            # A cell beyond the header: an unquoted "351,000.00" split in two shifts every cell
            # after it, so no figure of the row can be trusted.
            raise ImportRefused(
                "bad_row", file=file_name, row=row, cells=filled[-1] + 1, expected=len(headers)
            )
        link = of.get(ProductField.LINK)
        has_link = link is not None and _text(_cell(cells, link.position)) not in MISSING
        # A row with a product's link number is that product's, whatever its name says.
        if not has_link and any(is_total(_cell(cells, p)) for p in {0, *key_columns}):
            totals.append(row)
            continue
        if len(lines) >= MAX_PRODUCT_ROWS:
            raise ImportRefused("too_many_products", file=file_name, limit=MAX_PRODUCT_ROWS)
        texts = {}
        for wanted, limit in ((ProductField.NAME, MAX_NAME), (ProductField.LINK, MAX_LINK)):
            column = of.get(wanted)
            text = "" if column is None else _text(_cell(cells, column.position))
            text = "" if text in MISSING else text
            if len(text) > limit:
                raise ImportRefused(
                    "product_text_too_long",
                    file=file_name,
                    row=row,
                    column=column.header if column else "",
                    length=len(text),
                    limit=limit,
                )
            texts[wanted] = text
        if not texts[ProductField.NAME] and not texts[ProductField.LINK]:
            column = of.get(ProductField.NAME) or of[ProductField.LINK]
            raise ImportRefused("product_no_name", file=file_name, row=row, column=column.header)
        values: dict[str, int | None] = {}
        for column in figures:
            assert column.field is not None
            value = _figure(file_name, row, column, _cell(cells, column.position))
            if value is None:
                empty[column.position] += 1
            values[ATTRIBUTES[column.field]] = value
        lines.append(
            ProductSales(
                row=row,
                name=texts[ProductField.NAME] or texts[ProductField.LINK],
                link=texts[ProductField.LINK],
                product_id=None,
                **values,
            )
        )
    if not lines:
        raise ImportRefused("header_only", file=file_name)
    warnings = [
        Problem(
            "missing_values",
            {
                "column": columns[position].header,
                "count": count,
                "cells": "cell is" if count == 1 else "cells are",
            },
        )
        for position, count in empty.items()
        if count
    ]
    unread = [c.header for c in columns if c.field is None and c.header]
    if unread:
        warnings.append(Problem("unread_columns", {"columns": ", ".join(unread)}))
    return ProductsReading(
        file_name=file_name,
        encoding=encoding,
        preset=preset,
        header_row=at + 1,
        columns=tuple(columns),
        lines=tuple(lines),
        rows_read=len(lines),
        total_rows=tuple(totals),
        warnings=tuple(warnings),
    )


def _cell(cells: Sequence[object], position: int) -> object:
    return cells[position] if position < len(cells) else None


def _figure(
    file_name: str,
    row: int,
    column: ProductColumn,
    cell: object,
) -> int | None:
    """A figure cell in stored units (a count, or fen), None when it is empty or "-"."""
    money = column.field in MONEY_FIELDS
    where = {"file": file_name, "row": row, "column": column.header}
    written = shown_cell(_text(cell) if not isinstance(cell, str) else cell.strip())
    try:
        if isinstance(cell, str) and cell.strip().endswith(("%", "％")):
            raise CellError("a share")  # a rate in a count's column: not the count
        number = parse_number(cell)
    except CellError:
        what = _AMOUNT if money else _COUNT
        raise ImportRefused("product_not_a_number", **where, value=written, what=what) from None
    if number is None:
        return None
    stored = (number * column.scale).to_integral_value(rounding="ROUND_HALF_UP")
    if stored < 0:
        assert column.field is not None
        raise ImportRefused("product_negative", **where, value=written, field=column.field.value)
    if stored > MAX_PRODUCT_VALUE:
        limit = MAX_PRODUCT_VALUE // 100 if money else MAX_PRODUCT_VALUE
        raise ImportRefused("product_out_of_range", **where, value=written, limit=limit)
    return int(stored)
