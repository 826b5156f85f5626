"""Product exports (商品明细): read by the layouts' presets, by header names and words or the
user's mapping, 万 and units taken as written, totals left out, a missing figure None (never 0),
and the lines matched to the show's products by link number, then name."""

import io
from pathlib import Path

import openpyxl
import pytest

from liveplanner.app.demo import create_demo, demo_plan
from liveplanner.app.demo_products import DEMO_PRODUCT_FILE, demo_product_export
from liveplanner.app.products import ProductsRequest, import_products, read_product_export
from liveplanner.app.refusals import OperationRefused
from liveplanner.core.plan import Product
from liveplanner.core.product_match import match_products
from liveplanner.core.product_sales import ProductSales
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.products.fields import ProductField
from liveplanner.formats.products.reader import ProductOptions, ProductsReading, read_products
from liveplanner.storage import shows
from liveplanner.storage.backup import backup_reason, list_backups
from liveplanner.storage.database import Database
from liveplanner.storage.history import list_changes
from liveplanner.storage.product_sales import product_import, product_sales
from liveplanner.storage.samples import load_metrics

FIXTURE = Path(__file__).parent / "fixtures" / "products" / DEMO_PRODUCT_FILE


def read(text: str, name: str = "商品.csv", **options: object) -> ProductsReading:
    return read_products(text.encode("utf-8"), name, ProductOptions(**options))  # type: ignore[arg-type]


def refused(data: bytes | str, name: str = "商品.csv", **options: object) -> str:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with pytest.raises(ImportRefused) as caught:
        read_products(raw, name, ProductOptions(**options))  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message
    return message


def workbook(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_douyin_layout_is_read_with_wan_units_a_title_row_and_the_total_left_out() -> None:
    reading = read_products(FIXTURE.read_bytes(), FIXTURE.name)
    assert reading.preset is not None and reading.preset.name == "douyin"
    assert reading.encoding == "GB18030 (GBK)" and reading.header_row == 2
    assert reading.total_rows == (11,)
    first = reading.lines[0]
    assert first == ProductSales(
        row=3,
        name="磁吸无线充电宝 10000MAH",
        link="3628019283746512001",
        product_id=None,
        exposures=186_000,  # 18.6万
        clicks=28_000,
        add_to_cart=5_200,
        sold=3_000,
        gmv_fen=351_000_00,  # "351,000.00" in yuan
        refunds_fen=2_580_00,
    )
    gift = reading.lines[-1]
    assert (gift.exposures, gift.clicks, gift.refunds_fen, gift.sold) == (None, None, None, 0)
    codes = [w.code for w in reading.warnings]
    assert codes.count("missing_values") == 4 and codes[-1] == "unread_columns"
    assert reading.warnings[-1].params == {"columns": "点击-成交转化率"}


def test_the_fixture_is_the_demo_s_export_and_adds_up_to_the_demo_s_minutes(
    sqlite_db: Database,
) -> None:
    assert FIXTURE.read_bytes() == demo_product_export()
    reading = read_products(demo_product_export(), DEMO_PRODUCT_FILE)
    show_id = create_demo(sqlite_db)
    minutes = load_metrics(sqlite_db, show_id).groupby("metric")["value"].sum()
    assert sum(line.sold or 0 for line in reading.lines) == minutes["items_sold"]
    assert sum(line.gmv_fen or 0 for line in reading.lines) == minutes["gmv"]
    assert sum(line.clicks or 0 for line in reading.lines) == minutes["product_clicks"]


def test_tiktok_shop_s_product_list_in_a_workbook() -> None:
    data = workbook(
        [
            ["Product list · LIVE 2026-11-11"],
            [
                *("Product name", "Product ID", "Impressions", "Clicks", "Add to cart"),
                *("Units sold", "GMV ($)", "Refunds ($)"),
            ],
            ["Lip Balm", 1729384756, 12000, 800, 120, 95, 1234.5, None],
            ["Total", None, 12000, 800, 120, 95, 1234.5, None],
        ]
    )
    reading = read_products(data, "products.xlsx")
    assert reading.preset is not None and reading.preset.name == "tiktok-shop"
    (line,) = reading.lines
    assert (line.name, line.link, line.sold, line.gmv_fen, line.refunds_fen) == (
        "Lip Balm", "1729384756", 95, 123_450, None,
    )  # fmt: skip
    assert reading.total_rows == (4,)


def test_products_named_like_totals_are_products_and_a_total_row_is_said() -> None:
    reading = read(
        "商品名称,商品ID,成交件数,成交金额(元)\n"
        "合计充电宝套装,3628019283746512001,50,6450\n"  # a name starting with 合计, a link
        "总计划本,,3,30\n"  # 总计划 is no 总计
        "Totally Wireless Earbuds,,4,400\n"
        "Total Care Toothpaste,,5,50\n"
        "Sum 41 T-shirt,3628019283746512002,2,200\n"  # a total's word and a figure, but a link
        "合计:,-,64,7130\n"
    )
    assert [line.name for line in reading.lines] == [
        "合计充电宝套装", "总计划本", "Totally Wireless Earbuds", "Total Care Toothpaste",
        "Sum 41 T-shirt",
    ]  # fmt: skip
    assert reading.total_rows == (7,)


def test_taobao_live_s_product_analysis() -> None:
    reading = read(
        "宝贝名称,宝贝ID,商品曝光次数,商品点击次数,加购件数,成交件数,成交金额(万元),退款金额\n"
        "保温杯,60012,3.2万,4100,300,210,1.05,0\n"
    )
    assert reading.preset is not None and reading.preset.name == "taobao-live"
    (line,) = reading.lines
    assert (line.exposures, line.add_to_cart, line.gmv_fen, line.refunds_fen) == (
        32_000, 300, 1_050_000, 0,
    )  # fmt: skip


def test_headers_no_layout_names_are_read_by_the_words_in_them() -> None:
    reading = read("商品,直播间商品点击次数,LIVE Items sold,商品点击率\n保温杯,40,5,10%\n")
    assert reading.preset is None
    fields = {c.header: (c.field, c.source) for c in reading.columns}
    assert fields["商品"] == (ProductField.NAME, "name")
    assert fields["直播间商品点击次数"] == (ProductField.CLICKS, "words")
    assert fields["LIVE Items sold"] == (ProductField.SOLD, "words")
    assert fields["商品点击率"] == (None, "")  # a rate is not the clicks
    (line,) = reading.lines
    assert (line.clicks, line.sold, line.gmv_fen, line.exposures) == (40, 5, None, None)


def test_the_user_s_mapping_reads_a_column_no_name_gives_and_leaves_one_out() -> None:
    text = "款式,件数,成交金额\n保温杯,12,99\n"
    message = refused(text)
    assert message.startswith("商品.csv: no header row in its first 30 rows")
    mapped = {"款式": ProductField.NAME, "件数": ProductField.SOLD, "成交金额": None}
    reading = read(text, mapping=mapped)
    (line,) = reading.lines
    assert (line.name, line.sold, line.gmv_fen) == ("保温杯", 12, None)
    assert refused(text, mapping={"款": ProductField.NAME, "件数": ProductField.SOLD}) == (
        "商品.csv has no column “款”; its columns: 款式, 件数, 成交金额"
    )


def test_the_surer_of_two_columns_of_one_field_is_read() -> None:
    reading = read("商品,序号,商品编号,销量\n保温杯,3,99881,7\n")
    assert reading.preset is None
    fields = {c.header: c.field for c in reading.columns}
    assert fields == {"商品": "name", "序号": "link", "商品编号": None, "销量": "sold"}
    assert reading.lines[0].link == "3"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "商品,销量\n保温杯,很多\n",
            "商品.csv, row 2, column “销量”: “很多” is not a count; expected such as 1234, "
            "1,234.5, 1.2万 or ¥99",
        ),
        (
            "商品,成交金额\n保温杯,12%\n",
            "商品.csv, row 2, column “成交金额”: “12%” is not an amount in yuan; expected such "
            "as 1234, 1,234.5, 1.2万 or ¥99",
        ),
        (
            "商品,销量\n保温杯,-3\n",
            "商品.csv, row 2, column “销量”: “-3” is below zero; sold is a count or an amount, "
            "expected 0 or more",
        ),
        ("商品,销量\n", "商品.csv has a header but no data rows"),
        ("商品,销量\n合计,3\n", "商品.csv has a header but no data rows"),
        (
            "商品,销量\n,3\n",
            "商品.csv, row 2: figures without a product; expected its name or link number in "
            "column “商品”",
        ),
        (
            "商品,库存\n保温杯,3\n",
            "商品.csv: none of the columns is a product figure liveplanner knows (商品, 库存); "
            "expected exposures, clicks, add to cart, items sold, GMV or refunds",
        ),
        ("商品,销量,销量\n保温杯,3,3\n", "商品.csv: columns “销量” and “销量” are both sold"),
    ],
)
def test_a_bad_cell_or_table_is_refused_in_one_line_naming_where(text: str, said: str) -> None:
    assert refused(text) == said


def test_a_product_column_without_a_name_column_needs_a_mapping() -> None:
    text = "款式,销量\n保温杯,3\n"
    assert refused(text, mapping={"销量": ProductField.SOLD}) == (
        "商品.csv: no column of product names or link numbers among 款式, 销量; expected 商品名称 "
        "or Product name, or map one (HEADER=name or HEADER=link)"
    )


# --- matching ---------------------------------------------------------------------------------

PRODUCTS = (
    Product(1, "PB-10K", "磁吸无线充电宝 10000mAh"),
    Product(2, "12", "编织快充数据线（两条装）"),
    Product(3, "A-1", "保温杯"),
    Product(4, "A-2", "保温杯"),  # a size sold under the same name
)


def line(row: int, name: str, link: str = "") -> ProductSales:
    return ProductSales(row=row, name=name, link=link, product_id=None, sold=1)


def test_lines_match_by_link_number_first_then_by_name_normalised() -> None:
    matching = match_products(
        [
            line(2, "另一个名字", "pb-10k"),  # by link, whatever the name says
            line(3, "编织快充数据线(两条装)"),  # full-width brackets are half-width
            line(4, "磁吸无线充电宝10000MAH"),  # no space, another case
            line(5, "数据线", "012.0"),  # a link number written as a number
            line(6, "保温杯"),  # two products have this name: not guessed
            line(7, "保温杯", "A-2"),
            line(8, "赠品"),
        ],
        PRODUCTS,
    )
    assert [(m.row, m.product_id) for m in matching.matched] == [
        (2, 1), (3, 2), (4, 1), (5, 2), (7, 4),
    ]  # fmt: skip
    assert matching.how == {2: "link", 3: "name", 4: "name", 5: "link", 7: "link"}
    assert [u.row for u in matching.unmatched] == [6, 8]
    assert [x.row for x in matching.lines] == [2, 3, 4, 5, 6, 7, 8]


# --- the application: read, match, store --------------------------------------------------------


def test_a_dry_run_matches_and_stores_nothing_then_the_import_stores_and_backs_up(
    sqlite_db: Database, tmp_path: Path
) -> None:
    show_id = shows.save_plan(sqlite_db, demo_plan())
    dry = import_products(sqlite_db, show_id, FIXTURE, ProductsRequest(dry_run=True))
    assert dry.stored == 0 and product_sales(sqlite_db, show_id) == ()
    assert len(dry.matching.matched) == 7 and len(dry.matching.unmatched) == 1
    done = import_products(sqlite_db, show_id, FIXTURE, ProductsRequest())
    assert done.stored == 8
    stored = product_sales(sqlite_db, show_id)
    assert [s.product_id for s in stored] == [1, 2, 3, 4, 5, 6, 7, None]
    source = product_import(sqlite_db, show_id)
    assert source is not None and (source.file_name, source.preset) == (FIXTURE.name, "douyin")
    history = list_changes(sqlite_db, show_id)
    assert any(c.entity == "products" and c.label == FIXTURE.name for c in history)
    # A second import replaces the first, after a backup.
    other = tmp_path / "again.csv"
    other.write_text("商品名称,成交件数\n保温杯,3\n", encoding="utf-8")
    import_products(sqlite_db, show_id, other, ProductsRequest())
    assert [s.name for s in product_sales(sqlite_db, show_id)] == ["保温杯"]
    backups = list_backups(tmp_path / "backups", "shows")
    reasons = [backup_reason(path, "shows") for path in backups]
    assert "before-replacing-product-figures" in reasons


def test_a_mapping_naming_no_field_is_refused_with_a_code(sqlite_db: Database) -> None:
    plan = demo_plan()
    with pytest.raises(OperationRefused) as caught:
        read_product_export(plan, "x.csv", b"a,b\n1,2\n", ProductsRequest(mapping=(("a", "qty"),)))
    assert caught.value.code == "products.map_no_field"
    assert "'qty' is not a product figure" in str(caught.value)
