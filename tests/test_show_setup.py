"""Setting a show up as a producer does it, with keys and clicks: one host for every intro a
template left without one, a team member in one dialog, the time zone found by typing, and a
run sheet imported from the welcome page."""

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QScrollArea,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from liveplanner.app import settings
from liveplanner.app.settings import Preferences
from liveplanner.core.enums import Platform, Role, SegmentKind, ShowStatus
from liveplanner.core.templates import Template
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.ui.editor.show_editor import ShowEditor
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.translators import drop_language, use_language

START = datetime(2026, 12, 12, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
RUN_SHEET = Path(__file__).parent / "fixtures" / "scripts" / "team-run-sheet.csv"
CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db  # conftest's fresh database, on SQLite alone here


@pytest.fixture
def window(qtbot: QtBot, db: Database) -> Iterator[MainWindow]:
    use_language("en")  # English's plurals ("1 intro", "2 intros") come from its translation
    main = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(main)
    main.resize(1366, 705)
    yield main
    drop_language()


def keys_go_to() -> QWidget:
    """Where a key typed now arrives: an open completion list, else the focused widget."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    return target


def type_text(qtbot: QtBot, text: str) -> None:
    """Type as a person does: Latin letters key by key (the completion list opens after the
    first), Chinese as an input method commits it, to the widget with the focus."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(keys_go_to(), char)
        else:
            commit = QInputMethodEvent()
            commit.setCommitString(char)
            QApplication.sendEvent(QApplication.focusWidget(), commit)


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(keys_go_to(), key, modifier)


def answer_next_dialog(qtbot: QtBot, answer: Callable[[QDialog], None]) -> list[QDialog]:
    """Answer the next modal dialog with `answer` once it is up and active; a dialog `answer`
    leaves open is cancelled, so a failing test never hangs on it. Returns the dialogs seen."""
    seen: list[QDialog] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog), "no dialog opened"
        seen.append(dialog)
        try:
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
            answer(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)
    return seen


def back_to(qtbot: QtBot, window: QWidget) -> None:
    """After a dialog closes, the window it was opened from is active again (the window
    manager's job on a desktop; the offscreen platform leaves it to the test)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def click_tab(qtbot: QtBot, tabs: QTabWidget, page: QWidget) -> None:
    """Click the tab that shows `page` (itself, or the scroll area it sits in)."""
    index = next(
        i
        for i in range(tabs.count())
        if tabs.widget(i) is page or tabs.widget(i).isAncestorOf(page)
    )
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def template_show(qtbot: QtBot, window: MainWindow) -> ShowEditor:
    window.create_show("双12美妆专场", START, Platform.DOUYIN, Template.STANDARD_2H)
    show_active(qtbot, window)
    assert window.editor is not None
    return window.editor


def intro_ids(editor: ShowEditor) -> list[int]:
    return [s.id for s in editor.doc.plan.segments if s.kind is SegmentKind.PRODUCT_INTRO]


def hosts(editor: ShowEditor) -> set[str]:
    """Who hosts the product intros, by name ('' for none)."""
    return {
        editor.doc.person_name(editor.doc.segment(i).roles.get(Role.HOST))
        for i in intro_ids(editor)
    }


# One host for every intro without one


def test_a_template_show_has_one_finding_naming_its_hostless_intros(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = template_show(qtbot, window)
    click_tab(qtbot, editor.tabs, editor.findings)
    intros = intro_ids(editor)
    assert len(intros) > 3 and editor.findings.list.count() == 1
    item = editor.findings.list.item(0)
    rows = [editor.doc.row_of(i) + 1 for i in intros]
    assert item.text() == (
        f"{len(intros)} product intros have no host, and the team has none: segments "
        + ", ".join(map(str, rows[:-1]))
        + f" and {rows[-1]}"
    )
    assert item.toolTip().splitlines()[0] == f"{rows[0]} “{editor.doc.segment(intros[0]).title}”"
    assert editor.tabs.tabText(editor.tabs.indexOf(editor.findings)) == "Findings (1)"
    # Clicking it chooses every intro's host cell.
    rect = editor.findings.list.visualItemRect(item)
    qtbot.mouseClick(editor.findings.list.viewport(), LEFT, pos=rect.center())
    chosen = {i.row() for i in editor.table.selectionModel().selectedIndexes()}
    assert chosen == {r - 1 for r in rows}


def test_assign_a_host_makes_one_person_host_of_every_intro_and_ctrl_z_undoes_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = template_show(qtbot, window)
    click_tab(qtbot, editor.tabs, editor.findings)
    button = editor.findings.assign_host_button
    assert button.isVisible() and button.text() == "&Assign a host…"

    def pick_a_new_person(dialog: QDialog) -> None:
        note = dialog.note.text()  # type: ignore[attr-defined]
        assert note.startswith(f"Host of {len(intro_ids(editor))} product intros: segments ")
        type_text(qtbot, "小美")
        press(qtbot, Qt.Key.Key_Return)

    dialogs = answer_next_dialog(qtbot, pick_a_new_person)
    qtbot.mouseClick(button, LEFT)
    assert [d.windowTitle() for d in dialogs] == ["Assign a host"]
    assert hosts(editor) == {"小美"}
    assert editor.doc.findings == [] and editor.findings.list.item(0).text() == "Every limit holds."
    assert not button.isVisible()
    assert editor.doc.undo_stack.count() == 1  # one edit for all of them

    back_to(qtbot, window)
    assert QApplication.focusWidget() is editor.findings.list
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert hosts(editor) == {""}
    assert [f.code for f in editor.doc.findings] == ["intro_without_host"]
    assert button.isVisible()


def test_assign_a_host_offers_the_people_already_known(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    editor = template_show(qtbot, window)
    editor.doc.person_named("林晓")  # someone from an earlier show
    click_tab(qtbot, editor.tabs, editor.findings)

    def pick_from_the_list(dialog: QDialog) -> None:
        type_text(qtbot, "林")  # the list narrows to who matches
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Return)  # takes the name from the list
        press(qtbot, Qt.Key.Key_Return)  # accepts

    answer_next_dialog(qtbot, pick_from_the_list)
    qtbot.mouseClick(editor.findings.assign_host_button, LEFT)
    assert hosts(editor) == {"林晓"}
    assert [p.name for p in editor.doc.people] == ["林晓"]  # no second person of that name


def test_cancelling_assign_a_host_changes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    editor = template_show(qtbot, window)
    click_tab(qtbot, editor.tabs, editor.findings)

    def type_then_cancel(dialog: QDialog) -> None:
        type_text(qtbot, "小美")
        press(qtbot, Qt.Key.Key_Escape)  # closes the completion list, if open
        if dialog.isVisible():
            press(qtbot, Qt.Key.Key_Escape)

    answer_next_dialog(qtbot, type_then_cancel)
    qtbot.mouseClick(editor.findings.assign_host_button, LEFT)
    assert hosts(editor) == {""} and editor.doc.undo_stack.count() == 0


def test_a_locked_script_offers_assign_a_host_but_not_to_click(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    editor = template_show(qtbot, window)
    shows.set_status(db, editor.doc.show_id, ShowStatus.APPROVED)  # approved: the script locks
    editor.doc.reload()
    click_tab(qtbot, editor.tabs, editor.findings)
    button = editor.findings.assign_host_button
    assert button.isVisible() and not button.isEnabled()
    qtbot.mouseClick(button, LEFT)  # no dialog opens, nothing changes
    assert hosts(editor) == {""} and editor.doc.undo_stack.count() == 0


# A team member in one dialog


def test_adding_a_team_member_is_one_dialog_where_enter_accepts(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = template_show(qtbot, window)
    click_tab(qtbot, editor.tabs, editor.team)
    seen: list[tuple[str, str]] = []

    def name_and_enter(dialog: QDialog) -> None:
        seen.append((dialog.windowTitle(), dialog.role.currentText()))  # type: ignore[attr-defined]
        type_text(qtbot, "小美")
        press(qtbot, Qt.Key.Key_Return)

    answer_next_dialog(qtbot, name_and_enter)
    qtbot.mouseClick(editor.team.add_button, LEFT)
    # The role offered first is the one the team lacks: a host.
    assert seen == [("Add team member", "Host")]

    def name_role_and_enter(dialog: QDialog) -> None:
        seen.append((dialog.windowTitle(), dialog.role.currentText()))  # type: ignore[attr-defined]
        type_text(qtbot, "阿杰")
        press(qtbot, Qt.Key.Key_Tab)  # to the role
        press(qtbot, Qt.Key.Key_Down)  # co-host -> floor control
        press(qtbot, Qt.Key.Key_Return)

    answer_next_dialog(qtbot, name_role_and_enter)
    qtbot.mouseClick(editor.team.add_button, LEFT)
    assert seen[1] == ("Add team member", "Co-host")
    team = [(editor.doc.person_name(m.person_id), m.role) for m in editor.doc.plan.team]
    assert team == [("小美", Role.HOST), ("阿杰", Role.FLOOR_CONTROL)]
    assert editor.doc.findings == []  # the team's host covers every intro
    assert editor.doc.undo_stack.count() == 2  # one edit per member

    back_to(qtbot, window)
    assert QApplication.focusWidget() is editor.team.table  # on the new member's name
    press(qtbot, Qt.Key.Key_Z, CTRL)
    team = [(editor.doc.person_name(m.person_id), m.role) for m in editor.doc.plan.team]
    assert team == [("小美", Role.HOST)]


def test_the_team_member_dialog_will_not_accept_an_empty_name(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = template_show(qtbot, window)
    click_tab(qtbot, editor.tabs, editor.team)
    still_open: list[bool] = []

    def enter_with_no_name(dialog: QDialog) -> None:
        press(qtbot, Qt.Key.Key_Return)
        still_open.append(dialog.isVisible())

    answer_next_dialog(qtbot, enter_with_no_name)
    qtbot.mouseClick(editor.team.add_button, LEFT)
    assert still_open == [True]
    assert editor.doc.plan.team == () and editor.doc.undo_stack.count() == 0


# The time zone, found by typing


def zone_box_of_show_form(qtbot: QtBot, window: MainWindow) -> tuple[ShowEditor, QWidget]:
    editor = template_show(qtbot, window)
    click_tab(qtbot, editor.tabs, editor.show_form)
    box = editor.show_form.time_zone
    assert box.currentText() == "Asia/Shanghai"
    qtbot.mouseClick(box.lineEdit(), LEFT)
    assert QApplication.focusWidget() is box
    press(qtbot, Qt.Key.Key_A, CTRL)
    return editor, box


def test_typing_part_of_a_place_finds_its_zone_and_keeps_the_clock_times(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor, box = zone_box_of_show_form(qtbot, window)
    type_text(qtbot, "toky")
    popup = box.completer().popup()
    assert popup.isVisible() and box.completer().completionCount() == 1
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert box.currentText() == "Asia/Tokyo"
    show = editor.doc.plan.show
    assert show.time_zone == "Asia/Tokyo"
    assert show.planned_start.strftime("%H:%M %Z") == "20:00 JST"
    # Out of the form's text boxes (in them, Ctrl+Z undoes typing) to the script, then undo.
    table = editor.table
    qtbot.mouseClick(
        table.viewport(), LEFT, pos=table.visualRect(table.model().index(0, 3)).center()
    )
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert editor.doc.plan.show.time_zone == "Asia/Shanghai"
    assert box.currentText() == "Asia/Shanghai"


def test_the_zone_list_starts_with_the_chinese_market_zones(
    qtbot: QtBot, window: MainWindow
) -> None:
    _editor, box = zone_box_of_show_form(qtbot, window)
    press(qtbot, Qt.Key.Key_F4)  # opens the whole list
    assert box.view().isVisible()
    first = [box.view().model().index(row, 0).data() for row in range(5)]
    assert first == [
        "Asia/Shanghai",
        "Asia/Hong_Kong",
        "Asia/Taipei",
        "Asia/Macau",
        "Asia/Singapore",
    ]
    press(qtbot, Qt.Key.Key_Escape)


def test_a_name_that_is_no_zone_cannot_be_typed_and_leaving_puts_the_zone_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor, box = zone_box_of_show_form(qtbot, window)
    type_text(qtbot, "Asia/Zzz")
    assert box.currentText() == "Asia/"  # no zone's name holds "Asia/Z": the keys are refused
    press(qtbot, Qt.Key.Key_Return)  # many zones hold "Asia/": nothing is saved
    assert editor.doc.plan.show.time_zone == "Asia/Shanghai"
    table = editor.table  # leave the box for the script
    qtbot.mouseClick(
        table.viewport(), LEFT, pos=table.visualRect(table.model().index(0, 3)).center()
    )
    assert QApplication.focusWidget() is table
    assert box.currentText() == "Asia/Shanghai"
    assert editor.doc.undo_stack.count() == 0


@pytest.mark.parametrize("highlighted", [False, True], ids=["typed", "match-highlighted"])
def test_esc_while_searching_the_zone_puts_it_back_and_saves_nothing(
    qtbot: QtBot, window: MainWindow, highlighted: bool
) -> None:
    editor, box = zone_box_of_show_form(qtbot, window)
    type_text(qtbot, "singap")  # only Asia/Singapore holds it: leaving would complete it
    popup = box.completer().popup()
    assert popup.isVisible()
    if highlighted:
        press(qtbot, Qt.Key.Key_Down)
        assert box.currentText() == "Asia/Singapore"
    press(qtbot, Qt.Key.Key_Escape)
    assert not popup.isVisible(), "Esc closes the list of matches"
    assert box.currentText() == "Asia/Shanghai", "and puts the zone back"
    assert QApplication.focusWidget() is box
    table = editor.table  # leave the box for the script
    qtbot.mouseClick(
        table.viewport(), LEFT, pos=table.visualRect(table.model().index(0, 3)).center()
    )
    assert QApplication.focusWidget() is table
    assert editor.doc.plan.show.time_zone == "Asia/Shanghai"
    assert box.currentText() == "Asia/Shanghai"
    assert editor.doc.undo_stack.count() == 0


def test_esc_in_the_new_show_dialog_cancels_the_zone_search_then_the_dialog(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    window.welcome_if_first_run()
    show_active(qtbot, window)
    after_first_esc: list[tuple[bool, str]] = []

    def search_then_escape(dialog: QDialog) -> None:
        type_text(qtbot, "Singapore launch")  # the title has the focus
        zone = dialog.time_zone  # type: ignore[attr-defined]
        qtbot.mouseClick(zone.lineEdit(), LEFT)
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, "singap")
        assert zone.completer().popup().isVisible()
        press(qtbot, Qt.Key.Key_Escape)  # cancels the search, not the dialog
        after_first_esc.append((dialog.isVisible(), zone.currentText()))
        press(qtbot, Qt.Key.Key_Escape)  # nothing left to cancel in the box: the dialog closes
        assert not dialog.isVisible()
        assert dialog.result() == QDialog.DialogCode.Rejected

    answer_next_dialog(qtbot, search_then_escape)
    qtbot.mouseClick(window.welcome_page.blank, LEFT)
    assert after_first_esc == [(True, "Asia/Shanghai")]
    assert shows.list_shows(db) == []


def test_a_new_show_gets_the_zone_chosen_in_the_new_show_dialog(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    window.welcome_if_first_run()
    show_active(qtbot, window)

    def fill_in(dialog: QDialog) -> None:
        type_text(qtbot, "Singapore launch")  # the title has the focus
        zone = dialog.time_zone  # type: ignore[attr-defined]
        assert zone.currentText() == "Asia/Shanghai"
        qtbot.mouseClick(zone.lineEdit(), LEFT)
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, "singap")
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Return)  # picks the zone
        assert zone.currentText() == "Asia/Singapore"
        press(qtbot, Qt.Key.Key_Return)  # accepts the dialog

    answer_next_dialog(qtbot, fill_in)
    qtbot.mouseClick(window.welcome_page.blank, LEFT)
    [summary] = shows.list_shows(db)
    show = shows.load_plan(db, summary.id).show
    assert show.title == "Singapore launch" and show.time_zone == "Asia/Singapore"
    assert show.planned_start.tzinfo is not None
    assert show.planned_start.astimezone(ZoneInfo("Asia/Singapore")).strftime("%H:%M") == "20:00"


# The welcome page's fourth choice


def test_import_my_run_sheet_on_the_welcome_page_imports_it_and_opens_the_show(
    qtbot: QtBot, window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def choose_the_sheet(_parent: object, caption: str, *_args: object) -> tuple[str, str]:
        asked.append(caption)  # the system's file chooser, answered
        return str(RUN_SHEET), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose_the_sheet)
    window.welcome_if_first_run()
    show_active(qtbot, window)
    page = window.welcome_page
    assert page.import_sheet.title.text() == "Import my run sheet"

    def import_as_previewed(dialog: QDialog) -> None:
        qtbot.mouseClick(dialog.import_button, LEFT)  # type: ignore[attr-defined]

    answer_next_dialog(qtbot, import_as_previewed)
    qtbot.mouseClick(page.import_sheet, LEFT)
    assert asked == ["Import script"]
    [summary] = shows.list_shows(db)
    assert summary.segments == 8
    assert window.editor is not None and window.editor.doc.show_id == summary.id
    assert window.pages.currentWidget() is window.editor
    assert settings.load_preferences().welcomed


def test_a_cancelled_import_leaves_the_welcome_page_unanswered(
    qtbot: QtBot, window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: ("", ""))
    window.welcome_if_first_run()
    show_active(qtbot, window)
    qtbot.mouseClick(window.welcome_page.import_sheet, LEFT)
    assert shows.list_shows(db) == []
    assert window.pages.currentWidget() is window.welcome_page
    assert not settings.load_preferences().welcomed


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_four_choices_fit_a_laptop_screen_without_scrolling(
    qtbot: QtBot, db: Database, language: str
) -> None:
    use_language(language)
    try:
        main = MainWindow(db, Preferences(language=language))
        qtbot.addWidget(main)
        main.resize(1366, 705)
        main.welcome_if_first_run()
        show_active(qtbot, main)
        page = main.welcome_page
        scroll = page.findChild(QScrollArea)
        assert scroll.verticalScrollBar().maximum() == 0
        choices = (page.demo, page.blank, page.template, page.import_sheet)
        view = scroll.viewport()
        for button in choices:
            assert view.rect().contains(QRect(button.mapTo(view, QPoint(0, 0)), button.size()))
    finally:
        drop_language()
