"""The main window around the editor: whole-show actions, the bin, quitting, themes, languages."""

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from demo_helpers import editable_demo
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from liveplanner.app import settings
from liveplanner.app.settings import Preferences
from liveplanner.core.enums import Platform
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.ui.editor.segment_model import SegmentTableModel
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.theme import apply_theme

START = datetime(2026, 12, 12, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db  # conftest's fresh database, on SQLite alone here


@pytest.fixture
def window(qtbot: QtBot, db: Database) -> MainWindow:
    main = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(main)
    return main


def titles(db: Database) -> list[str]:
    return [s.title for s in shows.list_shows(db)]


def test_delete_duplicate_and_undo_on_the_show_list(window: MainWindow, db: Database) -> None:
    editable_demo(db)
    window.list_page.reload()
    window.list_page.select_show(shows.list_shows(db)[0].id)
    window.duplicate_show_action.trigger()
    assert titles(db) == ["双11数码配件专场 (copy)", "双11数码配件专场"]  # same start: newest first
    copy_id = next(s.id for s in shows.list_shows(db) if s.title.endswith("(copy)"))
    window.list_page.select_show(copy_id)
    window.delete_show_action.trigger()
    assert titles(db) == ["双11数码配件专场"]
    assert window.undo_action.text() == "&Undo Delete show"
    window.undo_action.trigger()
    assert titles(db) == ["双11数码配件专场 (copy)", "双11数码配件专场"]
    window.undo_action.trigger()  # undoes the duplicate: the copy goes to the bin
    assert titles(db) == ["双11数码配件专场"]
    window.redo_action.trigger()
    assert len(titles(db)) == 2


def test_opening_a_show_from_the_list_and_going_back(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    show_id = editable_demo(db)
    window.list_page.reload()
    window.list_page.select_show(show_id)
    with qtbot.waitSignal(window.editor_opened):
        window.open_action.trigger()
    assert window.pages.currentWidget() is window.editor
    assert window.windowTitle() == "双11数码配件专场 — liveplanner"
    assert window.segment_menu.isEnabled()
    assert "Ctrl+I" in window.editor.insert_action.shortcut().toString()
    window.back_action.trigger()
    assert window.pages.currentWidget() is window.list_page
    assert not window.segment_menu.isEnabled()


def test_quitting_saves_text_still_being_typed(window: MainWindow, db: Database) -> None:
    show_id = editable_demo(db)
    window.open_show(show_id)
    editor = window.editor
    editor.select_segment(editor.doc.plan.segments[1].id)
    editor.talking_points.setPlainText("先讲福袋规则")  # typed, focus never left the box
    editor.show_form.notes.setPlainText("主推耳机")
    window.close()
    stored = shows.load_plan(db, show_id)
    assert stored.segments[1].talking_points == "先讲福袋规则"
    assert stored.show.notes == "主推耳机"


def test_clicking_the_overview_selects_the_segment(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    show_id = editable_demo(db)
    window.open_show(show_id)
    window.show()
    editor = window.editor
    strip = editor.overview
    blocks = strip.blocks()
    segment_id, rect = blocks[10]
    qtbot.mouseClick(
        strip, Qt.MouseButton.LeftButton, pos=QPoint(int(rect.center().x()), int(rect.center().y()))
    )
    assert editor.current_segment_id() == segment_id


def test_choosing_a_finding_jumps_to_its_cell(window: MainWindow, db: Database) -> None:
    show_id = editable_demo(db)
    window.open_show(show_id)
    editor = window.editor
    item = editor.findings.list.item(0)
    editor.findings.list.itemClicked.emit(item)
    assert editor.tabs.currentWidget() is editor.promos
    index = editor.promos.table.currentIndex()
    assert editor.promos.model.part_at(index.row()).name == "9.9元数据线秒杀"
    assert index.column() == editor.promos.model.column_of_field("special_price_fen")


def test_a_refused_edit_is_shown_in_the_editor(window: MainWindow, db: Database) -> None:
    show_id = editable_demo(db)
    window.open_show(show_id)
    editor = window.editor
    model = editor.model
    assert not model.setData(model.index(0, SegmentTableModel.DURATION), "soon")
    assert editor.notice.isVisibleTo(editor)
    assert "“soon” is not a length" in editor.notice.text()


def test_the_theme_changes_now_and_is_remembered(window: MainWindow) -> None:
    app = QApplication.instance()
    try:
        window.set_theme("dark")
        assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
        assert settings.load_preferences().theme == "dark"
    finally:
        apply_theme(app, "light")


def test_with_a_show_open_the_language_is_saved_for_the_next_start(
    window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    window.open_show(editable_demo(db))  # rebuilding the window now would drop its undo
    window.set_language("zh_CN")
    assert json.loads(settings.preferences_path().read_text())["language"] == "zh_CN"
    assert settings.load_preferences() == Preferences(language="zh_CN")
    assert said == ["The new language takes effect when liveplanner starts next."]
    assert window.menuBar().actions()[0].text() == "&File"


def test_bad_preferences_fall_back_to_defaults(tmp_path: Path) -> None:
    settings.preferences_path().parent.mkdir(parents=True, exist_ok=True)
    settings.preferences_path().write_text("{not json")
    assert settings.load_preferences() == Preferences()
    settings.preferences_path().write_text(json.dumps({"language": "klingon", "theme": "dark"}))
    assert settings.load_preferences() == Preferences(language="system", theme="dark")


def test_a_blank_new_show_opens_empty(window: MainWindow, db: Database) -> None:
    show_id = window.create_show("空白场", START, Platform.KUAISHOU, None)
    assert window.editor is not None and window.editor.model.rowCount() == 0
    assert shows.load_plan(db, show_id).show.platform is Platform.KUAISHOU


def test_delete_clears_cells_deletes_whole_rows_and_leaves_text_boxes_alone(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    show_id = editable_demo(db)
    window.open_show(show_id)
    show_active(qtbot, window)
    editor = window.editor
    doc, table, model = editor.doc, editor.table, editor.model
    table.setFocus()
    # A cell chosen: Delete empties it (as a spreadsheet would), one undoable edit.
    table.setCurrentIndex(model.index(0, SegmentTableModel.NOTES))
    set_notes = model.setData(model.index(0, SegmentTableModel.NOTES), "备用机")
    assert set_notes and doc.plan.segments[0].notes == "备用机"
    table.setCurrentIndex(model.index(0, SegmentTableModel.NOTES))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert len(doc.plan.segments) == 28 and doc.plan.segments[0].notes == ""
    assert window.undo_action.text() == "&Undo Clear cells"
    # A whole row chosen: Delete deletes the segment; Ctrl+Del deletes the current cell's segment.
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert len(doc.plan.segments) == 27
    table.setCurrentIndex(model.index(0, SegmentTableModel.TITLE))
    qtbot.keyClick(table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert len(doc.plan.segments) == 26
    # In a text box, Delete and Ctrl+D edit the text, never the script.
    editor.talking_points.setFocus()
    editor.talking_points.setPlainText("abc")
    qtbot.keyClick(editor.talking_points, Qt.Key.Key_Delete)
    qtbot.keyClick(editor.talking_points, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(doc.plan.segments) == 26
    # Leaving the text box saved its text as one edit; the keys act on the table again.
    table.setFocus()
    assert window.undo_action.text() == "&Undo Edit segment"
    first = doc.plan.segments[0].id
    table.setCurrentIndex(model.index(0, SegmentTableModel.TITLE))
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert doc.row_of(first) == 1
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.row_of(first) == 0


def test_a_cue_being_typed_is_saved_when_another_segment_is_chosen(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    show_id = editable_demo(db)
    window.open_show(show_id)
    show_active(qtbot, window)
    editor = window.editor
    drop = editor.doc.plan.segments[3]
    editor.select_segment(drop.id)
    duties = editor.duties
    cue = duties.model.index(0, 3)
    duties.table.setCurrentIndex(cue)
    duties.table.edit(cue)
    typing = QApplication.focusWidget()
    assert isinstance(typing, QLineEdit)
    typing.setText("置顶券的使用规则")
    editor.overview.segment_clicked.emit(editor.doc.plan.segments[0].id)  # a click on the strip
    assert editor.current_segment_id() == editor.doc.plan.segments[0].id
    stored = shows.load_plan(db, show_id)
    assert "置顶券的使用规则" in [d.cue for d in stored.duties if d.segment_id == drop.id]
