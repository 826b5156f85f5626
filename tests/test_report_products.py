"""The review report's products (issue 19): the summary's row of what the show kept (gross profit,
margin, refunds, net GMV) and a table of each product's figures with its flags as text marks, in
either language; a dash for a figure the export or the plan lacks, and a line saying so for a
show without a product export. The hand-worked fixture is test_review_products'."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QLocale, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument, QTextTable
from PySide6.QtWidgets import QApplication
from test_review_products import LINES, PLAN, minutes

from liveplanner.core.review import review
from liveplanner.ui.review.report import (
    ReportInput,
    chart_image,
    chart_size,
    report_html,
    summary_rows,
    write_pdf,
    write_xlsx,
)
from liveplanner.ui.translators import install_translators

pytestmark = pytest.mark.usefixtures("qapp")


def content(product_sales: tuple = LINES) -> ReportInput:  # type: ignore[type-arg]
    result = review(PLAN, [], minutes(), lag=0, product_sales=product_sales)
    return ReportInput(PLAN, result, [], "")


@pytest.fixture
def chinese() -> Iterator[None]:
    app = QApplication.instance()
    translators = install_translators(app, QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    assert translators
    yield
    for translator in translators:
        app.removeTranslator(translator)


def laid_out(shown: ReportInput) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(report_html(shown, None))
    return document


def tables(document: QTextDocument) -> list[QTextTable]:
    return [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]


def row(table: QTextTable, r: int) -> list[str]:
    return [table.cellAt(r, c).firstCursorPosition().block().text() for c in range(table.columns())]


def cards(table: QTextTable, r: int) -> list[list[str]]:
    """A summary row's cards: caption, value and target line each (a <br> between them)."""
    return [cell.split("\u2028") for cell in row(table, r) if cell]


def test_the_summary_says_what_the_show_kept() -> None:
    document = laid_out(content())
    summary = tables(document)[0]
    kept = cards(summary, 3)
    # Worked out in test_review_products: ¥7,100 gross profit on ¥15,870 (44.74 %), ¥397 of
    # refunds, ¥17,120 - ¥397 = ¥16,723 net.
    assert [card[:2] for card in kept] == [
        ["Gross profit", "¥7,100"],
        ["Margin", "44.74%"],
        ["Refunds", "¥397"],
        ["Net GMV", "¥16,723"],
        ["Watch time", "—"],  # the fixture's minutes carry no watch time: a dash, not 0:00
    ]


def test_the_products_table_lists_each_product_with_its_marks() -> None:
    document = laid_out(content())
    products = tables(document)[-1]  # the last table: no notes
    assert row(products, 0) == [
        "Product",
        "Link",
        "Stock",
        "Sold",
        "Sell-through",
        "Clicks",
        "Click to order",
        "GMV",
        "Gross profit",
        "Refunds",
        "Pitched in",
        "Flags",
    ]
    lipstick, serum, mask = (row(products, r) for r in (1, 2, 3))
    assert lipstick == [
        "Lipstick",
        "3581",
        "100",
        "100",
        "100.00%",
        "400",
        "25.00%",
        "¥9,900",
        "¥5,900",
        "¥198",
        "1, 3",
        "■ Sold out",
    ]
    assert serum[4] == "15.00%" and serum[-1] == "▼ Under 20 %"
    # The mask: no click figure and no unit cost, no segment pitched it: dashes, not 0.
    assert mask[5:7] == ["—", "—"] and mask[8] == "—" and mask[10] == "—"
    assert mask[-1] == ""


def test_a_line_matched_to_no_product_is_marked_not_in_plan() -> None:
    from liveplanner.core.product_sales import ProductSales

    extra = ProductSales(5, "Gift bag", "", None, clicks=20, sold=5, gmv_fen=0)
    document = laid_out(content((*LINES, extra)))  # held: its tables live as long as it
    products = tables(document)[-1]
    gift = row(products, 4)
    assert gift[:4] == ["Gift bag", "—", "—", "5"] and gift[-1] == "○ Not in plan"


def test_in_chinese(chinese: None) -> None:
    document = laid_out(content())
    summary, products = tables(document)[0], tables(document)[-1]
    kept = [card[0] for card in cards(summary, 3)]
    assert kept == ["毛利", "毛利率", "退款", "净成交额", "观看时长"]
    heads = row(products, 0)
    assert heads[0] == "商品" and heads[-1] == "标记"
    assert row(products, 1)[-1] == "■ 售罄"
    assert row(products, 2)[-1] == "▼ 售出不足 20%"


def test_without_a_product_export_the_report_says_so_and_shows_dashes() -> None:
    document = laid_out(content(()))
    kept = cards(tables(document)[0], 3)
    assert [card[1] for card in kept] == ["—", "—", "—", "—", "—"]  # and no watch time read
    assert "No product figures imported." in document.toPlainText()


def chart_page(shown: ReportInput) -> int:
    """The page the chart is printed on (from 0), laid out as write_pdf lays it out."""
    document = QTextDocument()
    document.addResource(
        QTextDocument.ResourceType.ImageResource, QUrl("chart.png"), chart_image(shown)
    )
    document.setHtml(report_html(shown, "chart.png"))
    page = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape,
        QMarginsF(12, 12, 12, 12),
        QPageLayout.Unit.Millimeter,
    ).paintRectPixels(150)
    document.setPageSize(QSizeF(page.width(), page.height()))
    block = document.begin()
    while block.isValid():
        if "\ufffc" in block.text():  # the image stands in its paragraph as this
            rect = document.documentLayout().blockBoundingRect(block)
            return int(rect.bottom() // page.height())
        block = block.next()
    raise AssertionError("no chart")


@pytest.mark.parametrize("lines", [LINES, ()], ids=["with products", "without"])
def test_the_chart_stays_on_page_one_under_four_rows_of_cards(lines: tuple) -> None:  # type: ignore[type-arg]
    shown = content(lines)
    assert summary_rows(shown.review) == 4
    assert chart_size(shown.review) == (1800, 800)  # a card row's strip shorter
    assert chart_page(shown) == 0


def test_the_pdf_and_the_workbook_have_the_products(tmp_path: Path) -> None:
    shown = content()
    pdf = tmp_path / "report.pdf"
    write_pdf(pdf, shown)
    assert pdf.read_bytes().startswith(b"%PDF")

    book = tmp_path / "report.xlsx"
    write_xlsx(book, shown)
    sheet = load_workbook(book)["Product sales"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[1][:4] == ("Lipstick", "3581", 100, 100)
    assert values[3][8] is None  # the mask's gross profit: empty, not 0
