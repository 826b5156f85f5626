"""The editor's Advice panel (issue 20): the demo show's projection and suggestions from its
season, applied with the mouse as one undo step each, undone with Ctrl+Z, dismissed; a show
without history says why there is no projection. On a laptop's window, in both languages."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from liveplanner.app.demo import create_demo
from liveplanner.app.history import show_history
from liveplanner.app.settings import Preferences
from liveplanner.core.advice_suggestions import SuggestionKind
from liveplanner.core.enums import SegmentKind
from liveplanner.core.plan import Product
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.ui.editor.advice_edits import change_command
from liveplanner.ui.editor.advice_panel import AdvicePanel, SuggestionRow
from liveplanner.ui.main_window import MainWindow

APPLY = {"en": "Apply", "zh_CN": "应用"}
DISMISS = {"en": "Dismiss", "zh_CN": "忽略"}
TAB = {"en": "Advice", "zh_CN": "建议"}


def open_editor(qtbot: QtBot, db: Database, language: str, show_id: int) -> MainWindow:
    window = MainWindow(db, Preferences(language=language, welcomed=True))
    qtbot.addWidget(window)
    window.resize(1366, 705)
    show_active(qtbot, window)
    window.open_show(show_id)
    return window


def open_advice(qtbot: QtBot, window: MainWindow, language: str) -> AdvicePanel:
    """Click the Advice tab and wait for the advice worked out off the GUI thread."""
    editor = window.editor
    assert editor is not None
    bar = editor.tabs.tabBar()
    index = editor.tabs.indexOf(editor.advice)
    assert bar.tabText(index) == TAB[language]
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert editor.tabs.currentWidget() is editor.advice
    qtbot.waitUntil(lambda: editor.advice.job is None and editor.advice._advice is not None)
    return editor.advice


def row_of_kind(panel: AdvicePanel, kind: SuggestionKind) -> SuggestionRow:
    return next(r for r in panel.rows if r.suggestion.kind is kind)


def click(qtbot: QtBot, panel: AdvicePanel, row: SuggestionRow, button_text: str) -> None:
    button = row.apply_button if button_text == "apply" else row.dismiss_button
    assert panel.isAncestorOf(button)
    qtbot.waitUntil(button.isVisible)  # rows come onto the screen as the event loop runs
    panel.scroll.ensureWidgetVisible(button)  # as a user scrolls to it
    with qtbot.waitSignal(panel.advice_shown, timeout=10_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_two_suggestions_applied_with_the_mouse_and_the_second_undone(
    qtbot: QtBot, sqlite_db: Database, language: str
) -> None:
    show_id = create_demo(sqlite_db, campaign=True)
    shows.unlock_script(sqlite_db, show_id)
    window = open_editor(qtbot, sqlite_db, language, show_id)
    panel = open_advice(qtbot, window, language)
    doc = window.editor.doc  # type: ignore[union-attr]
    assert "¥" in panel.projection.text()
    assert "6, 7, 8, 9, 10, 11, 12, 2" in panel.projection.text()
    assert {r.suggestion.kind for r in panel.rows} >= {
        SuggestionKind.LENGTH,
        SuggestionKind.PRIME_PRODUCT,
        SuggestionKind.STOCK,
    }
    row = row_of_kind(panel, SuggestionKind.LENGTH)
    assert row.apply_button.text() == APPLY[language]
    assert row.dismiss_button.text() == DISMISS[language]
    length = row.suggestion.change
    click(qtbot, panel, row, "apply")
    assert doc.segment(int(str(length["segment"]))).duration_s == length["duration_s"]
    assert shows.load_plan(sqlite_db, show_id).segments[0].duration_s == length["duration_s"]
    # Written as the editor's own edits are: in the show's history.
    assert any(
        c.entity == "segment"
        and c.entity_id == length["segment"]
        and c.fields.get("duration_s", [None, None])[1] == length["duration_s"]
        for c in show_history(sqlite_db, show_id)
    )

    order = [s.id for s in doc.plan.segments]
    move = row_of_kind(panel, SuggestionKind.PRIME_PRODUCT).suggestion.change
    click(qtbot, panel, row_of_kind(panel, SuggestionKind.PRIME_PRODUCT), "apply")
    moved = int(str(move["move"]))
    assert doc.row_of(moved) + 1 == move["to"]
    assert [s.id for s in shows.load_plan(sqlite_db, show_id).segments] != order
    assert doc.undo_stack.count() == 2

    window.editor.table.setFocus()  # type: ignore[union-attr]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [s.id for s in doc.plan.segments] == order  # the move, whole, is undone
    assert doc.segment(int(str(length["segment"]))).duration_s == length["duration_s"]
    assert [s.id for s in shows.load_plan(sqlite_db, show_id).segments] == order
    qtbot.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert doc.row_of(moved) + 1 == move["to"]


def test_a_dismissed_suggestion_stays_hidden_after_an_edit(
    qtbot: QtBot, sqlite_db: Database, language: str
) -> None:
    show_id = create_demo(sqlite_db, campaign=True)
    shows.unlock_script(sqlite_db, show_id)
    window = open_editor(qtbot, sqlite_db, language, show_id)
    panel = open_advice(qtbot, window, language)
    stock = row_of_kind(panel, SuggestionKind.STOCK)
    hidden = stock.suggestion
    panel_rows = len(panel.rows)
    qtbot.waitUntil(stock.dismiss_button.isVisible)
    stock.dismiss_button.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert hidden not in panel.suggestions_shown()
    assert len(panel.rows) == panel_rows - 1
    # Another suggestion applied: the advice is worked out again, still without it.
    click(qtbot, panel, row_of_kind(panel, SuggestionKind.LENGTH), "apply")
    assert all(s.change != hidden.change for s in panel.suggestions_shown())


def test_a_show_without_history_says_why_there_is_no_projection(
    qtbot: QtBot, sqlite_db: Database, language: str
) -> None:
    show_id = create_demo(sqlite_db)  # no season before it
    shows.unlock_script(sqlite_db, show_id)
    window = open_editor(qtbot, sqlite_db, language, show_id)
    panel = open_advice(qtbot, window, language)
    text = panel.projection.text()
    assert "3" in text and "¥" not in text
    assert text.startswith("No projection:" if language == "en" else "没有")


def test_an_added_benefit_and_a_stock_change_are_one_undo_step_each(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    show_id = create_demo(sqlite_db)
    shows.unlock_script(sqlite_db, show_id)
    window = open_editor(qtbot, sqlite_db, "en", show_id)
    doc = window.editor.doc  # type: ignore[union-attr]
    count = len(doc.plan.segments)
    product = doc.plan.products[0]
    for change in (
        {"insert": SegmentKind.LUCKY_DRAW.value, "at": 3, "duration_s": 180},
        {"product": product.id, "stock": 4321},
    ):
        command = change_command(doc, change)
        assert command is not None
        doc.undo_stack.push(command)
    assert doc.plan.segments[2].kind is SegmentKind.LUCKY_DRAW
    assert doc.plan.segments[2].duration_s == 180
    assert doc.part(Product, product.id).stock == 4321
    doc.undo_stack.undo()
    assert doc.part(Product, product.id).stock == product.stock
    doc.undo_stack.undo()
    assert len(doc.plan.segments) == count
    assert doc.undo_stack.undoText() == ""
    assert change_command(doc, {"product": product.id, "stock": product.stock}) is None
