"""Hostile product exports: each is refused in one line naming the file (and the row, column and
cell where there is one), or read with every figure in range. Never a traceback, never a wrapped
number, and nothing stored on a refusal."""

import io
from pathlib import Path

import openpyxl
import pytest

from liveplanner.app.demo import demo_plan
from liveplanner.app.products import ProductsRequest, import_products
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.products.reader import (
    MAX_PRODUCT_BYTES,
    MAX_PRODUCT_ROWS,
    MAX_PRODUCT_VALUE,
    read_products,
)
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.storage.product_sales import product_sales

HEADER = "商品名称,成交件数,成交金额(元)\n"


def csv(*rows: str) -> bytes:
    return (HEADER + "".join(f"{row}\n" for row in rows)).encode("utf-8")


def formulas_workbook(name: str = "杯") -> bytes:
    """A workbook saved by a program that writes formulas without their cached results."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["商品名称", "成交件数", "成交金额(元)"])
    sheet.append(["保温杯", 3, "=B2*99"])
    sheet.append([name, 2, 198])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# name, bytes, what a refusal says (None: accepted)
CASES = [
    ("binary.csv", bytes(range(256)) * 64, "binary.csv holds binary data"),
    ("gbk_broken.csv", HEADER.encode("utf-8") + b"\x80\xff,1,2\n", "gbk_broken.csv: the file"),
    ("empty.csv", b"", "empty.csv is empty"),
    ("header_only.csv", csv(), "header_only.csv has a header but no data rows"),
    ("wan_misplaced.csv", csv("保温杯,万1.2,99"), "row 2, column “成交件数”: “万1.2” is not"),
    ("wan_twice.csv", csv("保温杯,3,1.2万万"), "“1.2万万” is not an amount in yuan"),
    ("negative_sold.csv", csv("保温杯,-5,99"), "“-5” is below zero; sold is a count"),
    ("text_in_number.csv", csv("保温杯,三件,99"), "“三件” is not a count"),
    ("formula_text.csv", csv("保温杯,=1+1,99"), "“=1+1” is not a count"),
    ("inf.csv", csv("保温杯,3,inf"), "“inf” is not an amount in yuan"),
    ("digits_400.csv", csv(f"保温杯,{'9' * 400},99"), "… (400 characters)” is more than"),
    ("e400.csv", csv("保温杯,1e400,99"), "“1e400” is not a count"),
    ("big.csv", csv("保温杯,3,99999999999"), "“99999999999” is more than one product"),
    ("duplicate_header.csv", b"\xe5\x95\x86\xe5\x93\x81,sold,sold\nx,1,2\n", "both sold"),
    ("web_page.xlsx", b"<html><table><tr><td>1</td></tr></table></html>", "is a web page"),
    ("name_too_long.csv", csv(f"{'杯' * 300},3,99"), "300 characters; a product's name"),
    ("formulas.xlsx", formulas_workbook(), None),  # no cached result: empty, not 0
    (
        "formula_name.xlsx",
        formulas_workbook('=HYPERLINK("http://x","杯")'),
        "row 3: figures without a product",
    ),
    ("controls.csv", csv("保温杯\x1b[31m\u2028,3,99"), None),  # a name as written
    # An unquoted "351,000.00" splits in two and shifts the cells after it: refused.
    ("unquoted_comma.csv", csv("保温杯,3,351,000.00"), "row 2: 4 cells where the header has 3"),
    (
        "wide_header.csv",
        ("商品名称,成交件数," + ",".join(f"c{i}" for i in range(5_000)) + "\n杯,1\n").encode(),
        "wide_header.csv, row 1: more than 1000 columns; no export is that wide",
    ),
]


@pytest.mark.parametrize(("name", "data", "said"), CASES, ids=[c[0] for c in CASES])
def test_each_hostile_export_is_refused_in_one_line_or_read_in_range(
    name: str, data: bytes, said: str | None
) -> None:
    if said is None:
        reading = read_products(data, name)
        for line in reading.lines:
            for figure in (line.exposures, line.clicks, line.sold, line.gmv_fen, line.refunds_fen):
                assert figure is None or 0 <= figure <= MAX_PRODUCT_VALUE
        return
    with pytest.raises(ImportRefused) as caught:
        read_products(data, name)
    message = str(caught.value)
    assert "\n" not in message and name in message and said in message, message


def test_formula_cells_without_a_cached_result_are_empty_not_zero() -> None:
    reading = read_products(formulas_workbook(), "formulas.xlsx")
    assert [(line.name, line.gmv_fen) for line in reading.lines] == [
        ("保温杯", None),
        ("杯", 198_00),
    ]
    assert reading.warnings[0].code == "missing_values"


def test_a_file_past_the_size_bound_is_refused_before_it_is_read(
    sqlite_db: Database, tmp_path: Path
) -> None:
    show_id = shows.save_plan(sqlite_db, demo_plan())
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as file:  # sparse: no disk is filled
        file.truncate(MAX_PRODUCT_BYTES + 1)
    with pytest.raises(ImportRefused) as caught:
        import_products(sqlite_db, show_id, huge, ProductsRequest())
    assert str(caught.value) == "huge.csv is 33 MB; files up to 32 MB can be imported"
    assert product_sales(sqlite_db, show_id) == ()


def test_more_rows_than_a_product_export_has_are_refused() -> None:
    rows = [f"商品{i},1,1" for i in range(MAX_PRODUCT_ROWS + 1)]
    with pytest.raises(ImportRefused) as caught:
        read_products(csv(*rows), "many.csv")
    assert str(caught.value) == (
        f"many.csv: more than {MAX_PRODUCT_ROWS} product rows; a show's product export has a "
        "few hundred"
    )
