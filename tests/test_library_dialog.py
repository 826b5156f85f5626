"""Edit ▸ Product library…, File ▸ Save as team template… and team templates in the New show
dialog, driven with real keys and clicks; the library's models under qtmodeltester."""

from collections.abc import Callable

import pytest
from demo_helpers import editable_demo
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from qt_helpers import dialog_from_menu, show_active

from liveplanner.app import library, templates
from liveplanner.app.live_alerts import show_alerts
from liveplanner.app.settings import Preferences
from liveplanner.core.alert_settings import AlertSettings
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.ui.alerts_dialog import AlertsDialog
from liveplanner.ui.library.library_dialog import LibraryDialog
from liveplanner.ui.library.models import HistoryModel, LibraryModel, money
from liveplanner.ui.library.template_dialog import SaveTemplateDialog
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.new_show_dialog import NewShowDialog
from liveplanner.ui.screen_fit import TYPICAL_FRAME


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db  # storage is tested on both databases elsewhere


@pytest.fixture
def window(qtbot: QtBot, db: Database) -> MainWindow:
    main = MainWindow(db, Preferences(language="en", welcomed=True))
    qtbot.addWidget(main)
    return main


def _click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _type(text: str) -> None:
    """Type into the focused widget as a user would: Latin keys one by one, Chinese as an input
    method commits it."""
    focused = QApplication.focusWidget()
    assert focused is not None
    for char in text:
        if char.isascii():
            QTest.keyClicks(focused, char)
        else:
            commit = QInputMethodEvent()
            commit.setCommitString(char)
            QApplication.sendEvent(focused, commit)


def _retype(qtbot: QtBot, widget: QWidget, text: str) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type(text)


def _kept_demo_product(db: Database, show_id: int) -> library.LibraryProduct:
    plan = shows.load_plan(db, show_id)
    return library.save_to_library(db, show_id, plan.segments[2].product_id)


def test_the_models_pass_qtmodeltester(qtmodeltester: ModelTester, db: Database) -> None:
    show_id = editable_demo(db)
    kept = _kept_demo_product(db, show_id)
    products = LibraryModel()
    qtmodeltester.check(products)
    products.set_products(library.list_products(db))
    assert products.rowCount() == 1 and products.data(products.index(0, 0)) == kept.name
    history = HistoryModel()
    qtmodeltester.check(history)
    history.set_history(library.history(db, kept.id, lag=2))
    assert history.rowCount() >= 1
    cost = products.data(products.index(0, LibraryModel.COST))
    assert cost == (money(kept.unit_cost_fen) if kept.unit_cost_fen is not None else "—")


def test_products_are_added_edited_and_deleted_by_typing_and_clicking(
    qtbot: QtBot, db: Database
) -> None:
    dialog = LibraryDialog(db, None)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    assert dialog.model.rowCount() == 0 and not dialog.delete_button.isEnabled()
    assert not dialog.pick_button.isEnabled()  # no show open in the editor
    _click(qtbot, dialog.add_button)
    assert QApplication.focusWidget() is dialog.name and dialog.name.selectedText() == "New product"
    _type("保温杯 500ml")
    _retype(qtbot, dialog.sku, "C-88")
    _retype(qtbot, dialog.list_price, "1.2万")
    _retype(qtbot, dialog.cost, "39.5")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    (made,) = library.list_products(db)
    assert (made.name, made.sku, made.list_price_fen, made.unit_cost_fen) == (
        "保温杯 500ml",
        "C-88",
        1_200_000,
        3_950,
    )
    assert dialog.model.data(dialog.model.index(0, LibraryModel.LIST_PRICE)) == "12000"
    _retype(qtbot, dialog.cost, "lots")
    _click(qtbot, dialog.save_button)
    assert "lots" in dialog.message.text()
    assert library.load_product(db, made.id).unit_cost_fen == 3_950
    _click(qtbot, dialog.add_button)
    _type("保温杯 500ml")  # the first one's name
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert "already" in dialog.message.text()
    assert dialog.model.rowCount() == 2
    # The second is selected: delete it with a click on the row, then on Delete.
    row = dialog.model.row_of(next(p.id for p in library.list_products(db) if p.id != made.id))
    rect = dialog.table.visualRect(dialog.model.index(row, 0))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _click(qtbot, dialog.delete_button)
    assert [p.id for p in library.list_products(db)] == [made.id]


def test_a_library_product_is_added_to_the_open_show_undoably_with_its_history(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    demo = editable_demo(db)
    kept = _kept_demo_product(db, demo)
    other = library.add_product(db, "磨砂手机壳", "Z-9", 39_00, 8_00)
    window.open_show(demo)
    doc = window.editor.doc
    dialog = LibraryDialog(db, doc, window)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    # The demo product's history: the demo show, and the campaign's others that sold it.
    names = [dialog.model.product_at(r).name for r in range(dialog.model.rowCount())]
    row = names.index(kept.name)
    rect = dialog.table.visualRect(dialog.model.index(row, 0))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.history_model.rowCount() >= 1
    pitched = dialog.history_model.index(0, dialog.history_model.columnCount() - 1).data()
    assert pitched == "—" or pitched.startswith("¥")  # money as the review writes it
    shown = [
        dialog.history_model.data(dialog.history_model.index(r, HistoryModel.TITLE))
        for r in range(dialog.history_model.rowCount())
    ]
    assert doc.plan.show.title in shown
    # Already in the demo show: refused in a line, nothing added.
    before = len(doc.plan.products)
    _click(qtbot, dialog.pick_button)
    assert "already" in dialog.message.text() and len(doc.plan.products) == before
    # The other one goes in, through the editor's undo stack.
    row = names.index(other.name)
    rect = dialog.table.visualRect(dialog.model.index(row, 0))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.history_model.rowCount() == 0
    _click(qtbot, dialog.pick_button)
    added = doc.plan.products[-1]
    assert (added.name, added.sku, added.list_price_fen, added.unit_cost_fen, added.stock) == (
        "磨砂手机壳",
        "Z-9",
        39_00,
        8_00,
        None,
    )
    assert dialog.history_model.rowCount() == 1
    assert window.undo_action.text() == "&Undo Add product"
    window.undo_action.trigger()
    assert len(shows.load_plan(db, demo).products) == before


def _answer(qtbot: QtBot, answer: Callable[[QWidget], None]) -> None:
    """Answer the next modal dialog, once it is up, with `answer`."""

    def reply() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or QApplication.activeWindow() is not dialog:  # keys go to it once active
            QTimer.singleShot(10, reply)
            return
        try:
            answer(dialog)
        finally:
            if dialog.isVisible():  # a failed check: the test ends instead of waiting
                dialog.reject()

    QTimer.singleShot(0, reply)


def test_a_show_saved_as_a_team_template_is_offered_for_new_shows(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    demo = editable_demo(db)
    window.open_show(demo)
    show_active(qtbot, window)

    def save(dialog: QWidget) -> None:
        assert isinstance(dialog, SaveTemplateDialog)
        assert QApplication.focusWidget() is dialog.name
        _type("双11 大场")  # the title was selected: typed over
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.with_products
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    _answer(qtbot, save)
    window.save_template_action.trigger()
    (saved,) = templates.list_templates(db)
    assert saved.name == "双11 大场" and saved.products > 0
    assert "双11 大场" in window.statusBar().currentMessage()

    def new_show(dialog: QWidget) -> None:
        assert isinstance(dialog, NewShowDialog)
        box = dialog.template
        texts = [box.itemText(i) for i in range(box.count())]
        assert texts[-1] == "Team: 双11 大场" and texts[-2] == ""  # after a separator
        dialog.title.setFocus()
        _type("双12 返场")
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_End)
        assert dialog.chosen_template() == "双11 大场"
        _click(qtbot, dialog.ok_button)

    _answer(qtbot, new_show)
    made = window.new_show()
    assert made is not None
    plan, old = shows.load_plan(db, made), shows.load_plan(db, demo)
    assert plan.show.title == "双12 返场"
    assert [s.title for s in plan.segments] == [s.title for s in old.segments]
    assert window.editor.doc.show_id == made


def _alerts_dialog(qtbot: QtBot, window: MainWindow) -> AlertsDialog:
    """Run ▸ Live alerts… with the keys, the dialog up and active."""
    show_active(qtbot, window)  # the keys go to the window once it is active again
    dialog = dialog_from_menu(qtbot, window, Qt.Key.Key_R, Qt.Key.Key_A, AlertsDialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_a_shows_live_alerts_go_into_its_team_template_and_the_shows_made_from_it(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    demo = editable_demo(db)
    window.open_show(demo)
    show_active(qtbot, window)
    dialog = _alerts_dialog(qtbot, window)
    for box, typed in ((dialog.drop, "35"), (dialog.within, "10")):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda b=box: b.hasFocus())
        qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(box, typed)
    qtbot.keyClick(dialog.within, Qt.Key.Key_Return)  # Enter: OK
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wanted = AlertSettings(viewers_drop_bp=3_500, viewers_window_min=10)
    assert show_alerts(db, demo) == wanted

    def save(dialog: QWidget) -> None:
        assert isinstance(dialog, SaveTemplateDialog)
        _type("大场")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    _answer(qtbot, save)
    window.save_template_action.trigger()

    def new_show(dialog: QWidget) -> None:
        assert isinstance(dialog, NewShowDialog)
        dialog.title.setFocus()
        _type("双12")
        dialog.template.setFocus()
        qtbot.keyClick(dialog.template, Qt.Key.Key_End)
        assert dialog.chosen_template() == "大场"
        _click(qtbot, dialog.ok_button)

    _answer(qtbot, new_show)
    made = window.new_show()
    assert made is not None and window.editor.doc.show_id == made
    assert show_alerts(db, made) == wanted
    # The new show's own dialog shows them, and Esc leaves them as they are.
    dialog = _alerts_dialog(qtbot, window)
    assert (dialog.drop.value(), dialog.within.value()) == (35, 10)
    assert (dialog.behind.value(), dialog.sold_out.isChecked()) == (15, True)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert show_alerts(db, made) == wanted


def test_a_taken_name_is_said_and_saving_replaces_it(qtbot: QtBot) -> None:
    dialog = SaveTemplateDialog("周末场", ["周末场", "快闪"])
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    assert dialog.replaces and dialog.save_button.text() == "&Replace"
    assert "周末场" in dialog.note.text()
    _type("新模板")
    assert not dialog.replaces and dialog.save_button.text() == "&Save"
    assert dialog.note.text() == ""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
    assert not dialog.save_button.isEnabled()


def test_the_library_reads_in_chinese_and_fits_a_laptop(qtbot: QtBot, db: Database) -> None:
    from liveplanner.ui.translators import drop_language, use_language

    show_id = editable_demo(db)
    _kept_demo_product(db, show_id)
    use_language("zh_CN")
    try:
        dialog = LibraryDialog(db, None)
        qtbot.addWidget(dialog)
        show_active(qtbot, dialog)
        dialog.resize(QSize(1366, 705).shrunkBy(TYPICAL_FRAME))
        assert dialog.windowTitle() == "商品库"
        for button in (dialog.add_button, dialog.delete_button, dialog.pick_button):
            assert button.visibleRegion().boundingRect() == button.rect(), button.text()
            assert not button.text().isascii(), button.text()
        labels = [w.text() for w in dialog.findChildren(QLabel) if w.text()]
        assert not any(text.isascii() for text in labels), labels
        headers = [
            dialog.history_model.headerData(c, Qt.Orientation.Horizontal)
            for c in range(dialog.history_model.columnCount())
        ]
        assert "售罄率" in headers, headers
    finally:
        drop_language()
