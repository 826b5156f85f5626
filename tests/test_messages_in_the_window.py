"""The refusals a user can provoke in the window, typed as a producer types them: a Chinese
window says them in Chinese words only (what the user typed and the show's own names aside), an
English window in English with no Chinese but the user's own."""

import re

import pytest
from demo_helpers import editable_demo
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from liveplanner.app.demo import create_demo
from liveplanner.app.settings import Preferences
from liveplanner.core.plan import ShowPlan
from liveplanner.storage import notes, shows
from liveplanner.storage.database import Database
from liveplanner.ui.editor.segment_model import SegmentTableModel
from liveplanner.ui.editor.show_editor import ShowEditor
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.review.review_page import ReviewPage

KEPT = {"JSON", "Excel", "null", "XLSX", "CSV"}
CJK = re.compile(r"[\u3400-\u9fff]")
INTRO = 2  # the demo's first product intro: a segment with a price and a stock


def english_left(message: str, *user_data: str) -> list[str]:
    """The English words of `message` but the user's own data in it."""
    for data in user_data:
        message = message.replace(data, "")
    return [word for word in re.findall(r"[A-Za-z]{2,}", message) if word not in KEPT]


def user_names(plan: ShowPlan) -> list[str]:
    names = [s.title for s in plan.segments] + [p.name for p in plan.products]
    return names + [p.name for p in plan.promos] + [p.name for p in plan.people]


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    """The shared SQLite database (conftest): these words need no second engine."""
    return sqlite_db


@pytest.fixture
def editor(qtbot: QtBot, db: Database, language: str) -> ShowEditor:
    window = MainWindow(db, Preferences(language=language, welcomed=True))
    qtbot.addWidget(window)
    window.open_show(editable_demo(db))
    show_active(qtbot, window)
    assert window.editor is not None
    return window.editor


def type_into_cell(qtbot: QtBot, text: str) -> None:
    """F2 on the current cell, the text over what it held, Enter: as a producer edits."""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
    typing = QApplication.focusWidget()
    qtbot.keyClick(typing, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text.isascii():
        qtbot.keyClicks(typing, text)
    else:
        # Chinese arrives from the input method as committed text, not as key presses (and
        # QTest's key clicks know only ASCII).
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(typing, event)
    qtbot.keyClick(typing, Qt.Key.Key_Return)
    QApplication.processEvents()


def assert_in_the_language(message: str, language: str, *user_data: str) -> None:
    if language == "zh_CN":
        assert english_left(message, *user_data) == [], message
    else:
        for data in user_data:
            message = message.replace(data, "")
        assert not CJK.search(message), message


@pytest.mark.parametrize(
    ("column", "typed", "chinese", "english"),
    [
        (SegmentTableModel.DURATION, "半小时", "“半小时”不是时长", "is not a length"),
        (SegmentTableModel.DURATION, "5:75", "分和秒应小于 60", "must be under 60"),
        (SegmentTableModel.DURATION, "99999:00", "超过一天", "longer than a day"),
        (SegmentTableModel.PRICE, "十九块", "不是以元计的金额", "is not an amount in yuan"),
        (SegmentTableModel.PRICE, "19.999", "超过两位小数", "more than two decimals"),
        (SegmentTableModel.STOCK, "很多", "不是整数", "is not a whole number"),
        # Refused by the database, not by the reading of the cell
        (SegmentTableModel.TITLE, "长" * 201, "最多只能 200 个", "at most 200 fit"),
    ],
)
def test_a_refused_cell_says_why_in_the_window_s_language(
    qtbot: QtBot,
    editor: ShowEditor,
    language: str,
    column: int,
    typed: str,
    chinese: str,
    english: str,
) -> None:
    plan = editor.doc.plan
    before = shows.load_plan(editor.doc.db, editor.doc.show_id)
    editor.select_segment(plan.segments[INTRO].id, column)
    type_into_cell(qtbot, typed)

    told = editor.notice.text()
    assert editor.notice.isVisible()
    assert (chinese if language == "zh_CN" else english) in told
    assert_in_the_language(told, language, typed, *user_names(plan))
    assert shows.load_plan(editor.doc.db, editor.doc.show_id) == before


def test_a_refused_product_cell_says_why_in_the_window_s_language(
    qtbot: QtBot, editor: ShowEditor, language: str
) -> None:
    product = editor.doc.plan.products[0]
    editor.tabs.setCurrentWidget(editor.products)
    editor.products.select_part(product.id, "stock")
    editor.products.table.setFocus()
    type_into_cell(qtbot, "很多")

    told = editor.notice.text()
    said = "“很多”不是整数" if language == "zh_CN" else "“很多” is not a whole number"
    assert said in told
    assert_in_the_language(told, language, "很多", *user_names(editor.doc.plan))
    assert editor.doc.plan.products[0].stock == product.stock


def test_a_finding_s_tooltip_is_in_the_window_s_language(
    qtbot: QtBot, editor: ShowEditor, language: str
) -> None:
    plan = editor.doc.plan
    editor.select_segment(plan.segments[INTRO].id, SegmentTableModel.DURATION)
    type_into_cell(qtbot, "0")  # a segment of no length: an error marked on its cell

    model = editor.model
    row = editor.doc.row_of(plan.segments[INTRO].id)
    tip = model.index(row, SegmentTableModel.DURATION).data(Qt.ItemDataRole.ToolTipRole)
    assert ("时长为零" if language == "zh_CN" else "has no length") in tip
    assert_in_the_language(tip, language, *user_names(plan))
    promos = editor.promos.model
    sale = next(p for p in plan.promos if p.name == "9.9元数据线秒杀")
    index = promos.index(promos.row_of(sale.id), promos.column_of_field("special_price_fen"))
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert ("超过最大折扣" if language == "zh_CN" else "over the maximum discount") in tip
    assert_in_the_language(tip, language, *user_names(plan))


def test_a_storage_refusal_box_is_in_the_window_s_language(
    qtbot: QtBot, db: Database, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deleting a note someone deleted meanwhile: the database refuses, a box says so."""
    show_id = create_demo(db)
    page = ReviewPage(db, lag=2)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.set_show(show_id)
    show_active(qtbot, page)
    note = page.notes_model.notes[0]
    notes.delete_note(db, note.id)  # elsewhere
    page.notes_view.selectRow(0)

    boxes: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            boxes.append(box.text())
            qtbot.keyClick(box, Qt.Key.Key_Return)  # Yes to "delete?", then OK
        if len(boxes) < 2:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)
    page.delete_note_button.setFocus()
    qtbot.keyClick(page.delete_note_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(boxes) == 2)

    refusal = boxes[1]
    assert ("没有编号为" if language == "zh_CN" else f"there is no note {note.id}") in refusal
    assert_in_the_language(refusal, language, note.text)
