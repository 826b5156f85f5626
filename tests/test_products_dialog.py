"""Import product figures as a lead uses it: Review ▸ Import product figures… (or the button
beside Import metrics), the file read and matched, a column mapped with the keyboard, Import
clicked; a refused file says where and leaves Import off. The history says what was imported,
in English and in Chinese."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from liveplanner.app.demo import demo_plan
from liveplanner.app.demo_products import DEMO_PRODUCT_FILE
from liveplanner.app.settings import Preferences
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.storage.history import Change
from liveplanner.storage.product_sales import product_sales
from liveplanner.ui.history_texts import Names, describe
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.review.products_dialog import ProductsImportDialog

FIXTURE = Path(__file__).parent / "fixtures" / "products" / DEMO_PRODUCT_FILE


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db


def _dialog(qtbot: QtBot, db: Database, path: Path) -> ProductsImportDialog:
    show_id = shows.save_plan(db, demo_plan())
    dialog = ProductsImportDialog(db, shows.load_plan(db, show_id), path=str(path))
    qtbot.addWidget(dialog)
    return dialog


def _cells(dialog: ProductsImportDialog, row: int) -> list[str]:
    return [dialog.preview.item(row, c).text() for c in range(dialog.preview.columnCount())]


def test_the_export_is_shown_matched_and_imported_with_a_click(qtbot: QtBot, db: Database) -> None:
    dialog = _dialog(qtbot, db, FIXTURE)
    show_active(qtbot, dialog)
    assert dialog.error.isHidden()
    assert dialog.summary.text() == (
        "8 rows, 7 matched to the show's products, 1 not; GB18030 (GBK); layout: "
        "Douyin · product list"
    )
    assert _cells(dialog, 0) == [
        "3", "磁吸无线充电宝 10000MAH", "磁吸无线充电宝 10000mAh", "3,000", "¥351,000.00",
        "¥2,580.00",
    ]  # fmt: skip
    assert _cells(dialog, 7)[2:] == ["not matched", "0", "¥0.00", "—"]
    warnings = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    assert warnings[-1] == "Columns not imported: 点击-成交转化率"
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported) as stored:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert stored.args == [8, FIXTURE.name]
    lines = product_sales(db, dialog.plan.show.id)
    assert len(lines) == 8 and sum(1 for line in lines if line.product_id is None) == 1


def test_a_column_is_mapped_with_the_keyboard_and_the_file_read_again(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    export = tmp_path / "export.csv"
    text = "商品名称,件数,成交件数,成交金额\n桌面折叠手机支架,12,5,99\n"
    export.write_text(text, encoding="utf-8")
    dialog = _dialog(qtbot, db, export)
    show_active(qtbot, dialog)
    assert _cells(dialog, 0)[3] == "5"
    sold: QComboBox = dialog.columns.cellWidget(2, 1)  # 成交件数, read as items sold
    assert sold.currentText() == "items sold"
    sold.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is sold)
    qtbot.keyClick(sold, Qt.Key.Key_Home)  # "Not read"
    assert sold.currentText() == "Not read"
    assert _cells(dialog, 0)[3] == "—"  # no column of items sold now: none, not 0
    units: QComboBox = dialog.columns.cellWidget(1, 1)  # 件数, not recognised
    units.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is units)
    for _ in range(6):  # Not read, name, link, exposures, clicks, add to cart, items sold
        qtbot.keyClick(units, Qt.Key.Key_Down)
    assert units.currentText() == "items sold"
    assert _cells(dialog, 0)[3] == "12"
    assert dialog.mapping == {"成交件数": None, "件数": "sold"}


def test_a_refused_file_says_where_and_leaves_import_off(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    export = tmp_path / "export.csv"
    export.write_text("商品名称,成交件数\n保温杯,-3\n", encoding="utf-8")
    dialog = _dialog(qtbot, db, export)
    assert not dialog.error.isHidden()
    assert dialog.error.text() == (
        "export.csv, row 2, column “成交件数”: “-3” is below zero; items sold is a count or an "
        "amount, expected 0 or more"
    )
    assert not dialog.import_button.isEnabled()
    assert dialog.columns.rowCount() == 2  # the columns as read, to map them otherwise
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter imports nothing
    assert product_sales(db, dialog.plan.show.id) == ()


def _opened_by(qtbot: QtBot, window: MainWindow, open_it: object) -> ProductsImportDialog:
    opened: list[ProductsImportDialog] = []

    def close_when_shown() -> None:
        for dialog in window.findChildren(ProductsImportDialog):
            if dialog.isVisible() and not opened:
                opened.append(dialog)
                dialog.reject()

    timer = QTimer(window)
    timer.timeout.connect(close_when_shown)
    timer.start(20)
    open_it()  # type: ignore[operator]
    timer.stop()
    assert opened
    return opened[0]


def test_the_review_menu_and_the_review_page_s_button_open_the_dialog(
    qtbot: QtBot, db: Database
) -> None:
    show_id = shows.save_plan(db, demo_plan())
    window = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(window)
    assert not window.import_products_action.isEnabled()
    window.open_show(show_id)
    assert window.import_products_action.isEnabled()
    review_menu = window.import_metrics_action.associatedObjects()[0]
    texts = [a.text() for a in review_menu.actions()]  # type: ignore[attr-defined]
    assert texts.index("Import &product figures…") == texts.index("&Import metrics…") + 1
    dialog = _opened_by(qtbot, window, window.import_products_action.trigger)
    assert dialog.plan.show.id == show_id
    window.open_review()
    button = window.review_page.import_products_button
    assert button.text() == "Import product figures…"
    show_active(qtbot, window)
    click = lambda: qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # noqa: E731
    assert _opened_by(qtbot, window, click).plan.show.id == show_id


def test_the_history_says_the_products_were_imported_in_both_languages() -> None:
    from liveplanner.ui.translators import drop_language, use_language

    change = Change(1, datetime(2026, 11, 12, tzinfo=UTC), "me", "o", "products", 1,
                    "imported", "商品明细.csv", {})  # fmt: skip
    names = Names({}, {}, {})
    assert describe(change, names) == "Imported product figures from 商品明细.csv"
    use_language("zh_CN")
    try:
        assert describe(change, names) == "从 商品明细.csv 导入了商品数据"
    finally:
        drop_language()
