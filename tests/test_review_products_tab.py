"""The review page's Products tab (issue 19), driven as a lead uses it: each product of the
stored product export with its sell-through, click-to-order conversion, GMV, gross profit and
flags; a dash for what the export lacks; sortable by a click on a header; fits a laptop."""

import pytest
from demo_helpers import editable_demo
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from liveplanner.app import settings
from liveplanner.app.demo import create_demo
from liveplanner.core.product_sales import ProductImport, ProductSales
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.storage.product_sales import replace_product_sales
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.review.product_columns import product_figure_columns, product_rows
from liveplanner.ui.review.review_page import ReviewPage
from liveplanner.ui.review.tables import FiguresModel
from liveplanner.ui.screen_fit import TYPICAL_FRAME

LAPTOP = QSize(1366, 705)


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db


def with_products(db: Database, show_id: int) -> None:
    """The first product sold out (3,000 of 3,000), the second stalled (100 of 5,000), the
    third not in the export, and a line matched to none of the show's products."""
    products = shows.load_plan(db, show_id).products
    first, second = products[0], products[1]
    lines = [
        ProductSales(
            2,
            first.name,
            "9001",
            first.id,
            clicks=12_000,
            sold=3_000,
            gmv_fen=3_000 * 12_900,
            refunds_fen=25_800,
        ),
        ProductSales(3, second.name, "9002", second.id, clicks=None, sold=100, gmv_fen=790_000),
        ProductSales(4, "赠品袋", "", None, sold=10, gmv_fen=0),
    ]
    replace_product_sales(db, show_id, ProductImport("products.csv"), lines)


@pytest.fixture
def page(qtbot: QtBot, db: Database) -> ReviewPage:
    widget = ReviewPage(db, lag=2)
    qtbot.addWidget(widget)
    widget.resize(1366, 705)
    return widget


def cells(view: QTableView, column: int) -> list[str]:
    model = view.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def titles(view: QTableView) -> list[str]:
    model = view.model()
    return [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]


def click_tab(qtbot: QtBot, page: ReviewPage, text: str) -> None:
    bar = page.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == text)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def click_header(qtbot: QtBot, view: QTableView, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def test_the_products_tab_lists_each_product_with_marks_and_dashes(
    page: ReviewPage, db: Database, qtbot: QtBot
) -> None:
    show_id = create_demo(db)
    with_products(db, show_id)
    page.set_show(show_id)
    show_active(qtbot, page)
    click_tab(qtbot, page, "Products")
    view = page.product_sales_view
    assert page.tabs.currentWidget() is view
    assert titles(view) == [
        "Product", "Link", "Stock", "Sold", "Sell-through", "Clicks", "Click to order", "GMV",
        "Gross profit", "Refunds", "Pitched in", "Flags",
    ]  # fmt: skip
    plan = page.plan
    names = [p.name for p in plan.products]
    # Opens highest GMV first: the sold-out power bank, then the stalled charger; the products
    # the export lacks (no GMV) after them.
    shown = cells(view, 0)
    assert shown[:2] == names[:2]
    assert set(shown) == {*names, "赠品袋"}
    row = {name: i for i, name in enumerate(shown)}
    first, second = row[names[0]], row[names[1]]
    assert cells(view, 2)[first] == "3,000" and cells(view, 3)[first] == "3,000"
    assert cells(view, 4)[first] == "100.00%" and cells(view, 6)[first] == "25.00%"
    assert cells(view, 8)[first] == f"¥{3_000 * (12_900 - 6_800) / 100:,.0f}"
    assert cells(view, 11)[first] == "■ Sold out"
    assert cells(view, 4)[second] == "2.00%" and cells(view, 11)[second] == "▼ Under 20 %"
    assert cells(view, 5)[second] == "—" and cells(view, 6)[second] == "—"  # no click figure
    gift = row["赠品袋"]
    assert cells(view, 11)[gift] == "○ Not in plan"
    assert cells(view, 2)[gift] == "—" and cells(view, 1)[gift] == "—"
    assert cells(view, 8)[gift] == "—" and cells(view, 10)[gift] == "—"
    third = row[names[2]]  # in the plan, not in the export: dashes, never 0
    assert all(cells(view, c)[third] == "—" for c in (3, 4, 7, 8, 9))
    # A click on Sold sorts by it, most first; the arrow keys walk the rows.
    click_header(qtbot, view, 3)
    sold = [int(t.replace(",", "")) for t in cells(view, 3) if t != "—"]
    assert sold == sorted(sold, reverse=True) and sold[0] == 3_000
    view.setFocus()
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(view.model().index(0, 0)).center(),
    )
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.selectionModel().selectedRows()[0].row() == 1


def test_the_products_model_passes_the_model_tester(
    page: ReviewPage, db: Database, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    show_id = create_demo(db)
    with_products(db, show_id)
    page.set_show(show_id)
    qtmodeltester.check(page.product_sales_model)
    model = FiguresModel(product_figure_columns())
    model.set_rows(product_rows(page.review))
    qtmodeltester.check(model)


def test_a_show_without_a_product_export_has_an_empty_products_tab(
    page: ReviewPage, db: Database
) -> None:
    show_id = create_demo(db)
    replace_product_sales(db, show_id, ProductImport("empty.csv"), [])  # no product figures
    page.set_show(show_id)
    assert page.product_sales_model.rowCount() == 0
    assert page.tabs.tabText(page.tabs.indexOf(page.notes_tab)).startswith("Notes (")


def test_with_the_products_tab_open_the_window_fits_a_laptop(
    qtbot: QtBot, db: Database, language: str
) -> None:
    window = MainWindow(db, settings.load_preferences())
    qtbot.addWidget(window)
    show_active(qtbot, window)
    show_id = editable_demo(db)
    with_products(db, show_id)
    window.open_show(show_id)
    qtbot.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier
    )
    page = window.review_page
    assert page is not None
    page.tabs.setCurrentWidget(page.product_sales_view)
    assert page.product_sales_model.rowCount() == len(page.plan.products) + 1
    window.resize(LAPTOP)
    qtbot.waitUntil(lambda: window.size() == LAPTOP)
    for smallest in (window.minimumSizeHint(), window.minimumSize()):
        framed = smallest.grownBy(TYPICAL_FRAME)
        assert framed.boundedTo(LAPTOP) == framed, smallest
    # The table keeps rows in view in the height it is left.
    view = page.product_sales_view
    assert view.isVisible() and view.viewport().height() > 3 * view.rowHeight(0)
