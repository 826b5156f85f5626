"""The first run: the welcome page's choices, the language chosen there, Help ▸ Welcome… and
Help ▸ About liveplanner."""

import platform
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from liveplanner import __version__
from liveplanner.app import logs, settings
from liveplanner.app.settings import Preferences
from liveplanner.app.workspace import open_database
from liveplanner.core.templates import Template
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.ui.about_dialog import AboutDialog
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.new_show_dialog import NewShowDialog
from liveplanner.ui.translators import drop_language


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db  # conftest's fresh database, on SQLite alone here


@pytest.fixture
def window(qtbot: QtBot, db: Database) -> MainWindow:
    main = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(main)
    return main


@pytest.fixture
def chosen_templates(monkeypatch: pytest.MonkeyPatch) -> list[Template | None]:
    """The new-show dialog answers with a title; the list gets the starting point it offered."""
    offered: list[Template | None] = []

    def answer(dialog: NewShowDialog) -> QDialog.DialogCode:
        assert dialog.template.currentIndex() >= 0  # the choice shows in the dialog
        offered.append(dialog.chosen_template())
        dialog.title.setText("双12美妆专场")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewShowDialog, "exec", answer)
    return offered


def test_the_first_run_opens_the_welcome_page(window: MainWindow) -> None:
    assert window.welcome_if_first_run()
    page = window.welcome_page
    assert page is not None and window.pages.currentWidget() is page
    assert [b.title.text() for b in (page.demo, page.blank, page.template)] == [
        "Explore the demo show",
        "Start a blank show",
        "Start from a template",
    ]
    assert all(b.description.text() for b in (page.demo, page.blank, page.template))
    assert str(window.db.sqlite_path) in page.where.text()
    assert not window.run_action.isEnabled()


def test_the_demo_choice_opens_the_demo_and_the_page_does_not_come_back(
    qtbot: QtBot, window: MainWindow, db: Database, tmp_path: Path
) -> None:
    window.welcome_if_first_run()
    qtbot.mouseClick(window.welcome_page.demo, Qt.MouseButton.LeftButton)
    # The demo show; its campaign's four other shows come after it (issue 19).
    demo = min(shows.list_shows(db), key=lambda s: s.id)
    assert window.editor is not None and window.editor.doc.show_id == demo.id
    assert window.pages.currentWidget() is window.editor
    assert window.preferences.welcomed and settings.load_preferences().welcomed
    # Next start, even on an empty database: the welcome was answered.
    other = open_database(f"sqlite:///{tmp_path / 'other.sqlite3'}", backup_dir=tmp_path / "b")
    try:
        again = MainWindow(other, settings.load_preferences())
        qtbot.addWidget(again)
        assert not again.welcome_if_first_run()
        assert again.pages.currentWidget() is again.list_page
    finally:
        other.close()


def test_the_blank_choice_makes_an_empty_show(
    window: MainWindow, db: Database, chosen_templates: list[Template | None]
) -> None:
    window.welcome_if_first_run()
    window.welcome_page.blank.click()
    assert chosen_templates == [None]
    [show] = shows.list_shows(db)
    assert show.title == "双12美妆专场" and show.segments == 0
    assert window.editor is not None and window.editor.doc.show_id == show.id
    assert settings.load_preferences().welcomed


def test_the_template_choice_makes_a_show_from_a_template(
    window: MainWindow, db: Database, chosen_templates: list[Template | None]
) -> None:
    window.welcome_if_first_run()
    window.welcome_page.template.click()
    assert chosen_templates == [Template.STANDARD_2H]
    [show] = shows.list_shows(db)
    assert show.segments > 10 and show.total_s == 2 * 3600
    assert window.editor is not None and window.editor.doc.show_id == show.id
    assert settings.load_preferences().welcomed


def test_a_cancelled_new_show_leaves_the_welcome_unanswered(
    window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(NewShowDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    window.welcome_if_first_run()
    window.welcome_page.template.click()
    assert shows.list_shows(db) == []
    assert window.pages.currentWidget() is window.welcome_page
    assert not settings.load_preferences().welcomed


def test_going_to_the_list_answers_the_welcome(window: MainWindow) -> None:
    window.welcome_if_first_run()
    window.welcome_page.to_list.click()
    assert window.pages.currentWidget() is window.list_page
    assert settings.load_preferences().welcomed


def test_no_welcome_where_there_are_shows_and_help_brings_it_back(
    qtbot: QtBot, db: Database
) -> None:
    shows.save_plan(db, _plan())
    window = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(window)
    assert not window.welcome_if_first_run()
    assert window.pages.currentWidget() is window.list_page
    assert window.welcome_page is None
    window.welcome_action.trigger()
    assert window.pages.currentWidget() is window.welcome_page
    window.back_action.trigger()
    assert window.pages.currentWidget() is window.list_page


def _plan():  # type: ignore[no-untyped-def]
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from liveplanner.core.enums import Platform
    from liveplanner.core.templates import template_plan

    start = datetime(2026, 12, 12, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    return template_plan(Template.FLASH_1H, "快闪", start, Platform.DOUYIN, language="zh")


def _menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def _deleted_later() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_choosing_chinese_on_the_welcome_page_translates_the_window_at_once(
    window: MainWindow,
) -> None:
    window.welcome_if_first_run()
    try:
        page = window.welcome_page
        page.language.setCurrentIndex(page.language.findData("zh_CN"))
        page.language.activated.emit(page.language.currentIndex())
        _deleted_later()
        assert settings.load_preferences().language == "zh_CN"
        assert _menu_titles(window)[0] == "文件(&F)"
        assert window.welcome_page is not page  # made again, in Chinese
        assert window.pages.currentWidget() is window.welcome_page
        assert window.welcome_page.demo.title.text() == "看看演示场次"
        assert window.welcome_page.language.currentData() == "zh_CN"
        assert window.list_page.search.placeholderText() == "搜索标题或直播间"
        # The old menus' actions went with them: one Ctrl+N, and it works.
        new_actions = [
            a
            for a in window.findChildren(QAction)
            if a.shortcut().toString() == "Ctrl+N" and a.menu() is None
        ]
        assert len(new_actions) == 1
        assert not window.preferences.welcomed  # choosing a language is not an answer
    finally:
        drop_language()


def test_with_a_show_open_the_language_waits_for_the_next_start(
    window: MainWindow, db: Database
) -> None:
    show_id = shows.save_plan(db, _plan())
    window.open_show(show_id)
    window.welcome_action.trigger()
    page = window.welcome_page
    page.language.setCurrentIndex(page.language.findData("zh_CN"))
    page.language.activated.emit(page.language.currentIndex())
    assert settings.load_preferences().language == "zh_CN"
    assert _menu_titles(window)[0] == "&File"
    assert "next" in page.language_note.text()
    assert window.editor is not None  # nothing of the open show was dropped


def test_the_language_waits_while_the_show_list_has_something_to_undo(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    window.add_demo()  # undoable on the list: making the list again would lose that
    window.set_language("zh_CN")
    assert _menu_titles(window)[0] == "&File"
    assert window.undo_action.text() == "&Undo Add demo show"


def test_view_language_translates_at_once_when_no_show_is_open(window: MainWindow) -> None:
    try:
        window.set_language("zh_CN")
        _deleted_later()
        assert _menu_titles(window)[-1] == "帮助(&H)"
        assert window.pages.currentWidget() is window.list_page
        window.set_language("en")
        assert _menu_titles(window)[0] == "&File"
    finally:
        drop_language()


def test_the_about_dialog_says_what_runs_and_where_the_files_are(
    window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[AboutDialog] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: opened.append(self) or 0)
    window.about_action.trigger()
    [about] = opened
    facts = dict(about.facts)
    assert facts["Version"] == __version__
    assert PySide6.__version__ in facts["Qt"]
    assert facts["Python"].startswith(platform.python_version())
    assert facts["Data folder"] == str(settings.data_dir())
    assert facts["Database"] == str(db.sqlite_path)
    assert facts["Backups"] == str(db.backup_dir)
    assert facts["Log file"] == str(logs.log_path())
    assert facts["Log file"].startswith(str(settings.data_dir()))  # tests keep to their folder
    assert about.windowTitle() == "About liveplanner"
    text = about.details()
    assert f"liveplanner {__version__}" in text and str(logs.log_path()) in text
    assert any("MIT licence" in label.text() for label in about.findChildren(QLabel))


def test_the_about_dialog_names_a_team_server_without_its_password(
    window: MainWindow, db: Database
) -> None:
    from sqlalchemy.engine import make_url

    local, db.url = db.url, make_url("postgresql+psycopg://maria:s3cret@db.example.com/shows")
    try:
        database, backups = window._database_in_use()
    finally:
        db.url = local
    assert "s3cret" not in database and "maria@db.example.com" in database
    assert backups == "by the team's server"
