"""The show list window: its model passes Qt's model checks; the window lists, searches, adds."""

import os
import subprocess
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from liveplanner.app.demo import create_demo
from liveplanner.app.settings import Preferences
from liveplanner.app.workspace import open_database
from liveplanner.core.enums import Platform
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.show_list_model import ShowListModel
from liveplanner.ui.show_list_page import ShowListPage
from liveplanner.ui.translators import install_translators


def test_the_show_list_model_passes_qts_checks(
    qtmodeltester: ModelTester, sqlite_db: Database
) -> None:
    create_demo(sqlite_db)
    shows.create_show(
        sqlite_db,
        "blank",
        datetime(2026, 12, 1, 20, tzinfo=ZoneInfo("Asia/Shanghai")),
        Platform.KUAISHOU,
    )
    model = ShowListModel()
    model.set_shows(shows.list_shows(sqlite_db))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.index(1, ShowListModel.TITLE).data() == "双11数码配件专场"
    assert model.index(1, ShowListModel.LENGTH).data() == "3:00:00"
    assert model.index(0, ShowListModel.PLATFORM).data() == "Kuaishou"
    assert model.index(1, ShowListModel.START).data(Qt.ItemDataRole.UserRole) == model.show_at(1).id


def test_an_empty_database_shows_how_to_begin_and_the_demo_fills_it(
    qtbot, sqlite_db: Database
) -> None:
    window = MainWindow(sqlite_db, Preferences())
    qtbot.addWidget(window)
    page = window.list_page
    assert page.stack.currentWidget() is page.empty
    with qtbot.waitSignal(page.reloaded):
        window.demo_action.trigger()
    assert page.stack.currentWidget() is page.table
    # The demo show, its campaign's four others and its season's seven (app.demo_season).
    assert page.model.rowCount() == 12
    assert window.statusBar().currentMessage() == "12 show(s)"


def test_search_narrows_the_list(qtbot: QtBot, sqlite_db: Database) -> None:
    create_demo(sqlite_db)
    shows.create_show(
        sqlite_db, "黑五专场", datetime(2026, 11, 27, 20, tzinfo=ZoneInfo("Asia/Shanghai"))
    )
    page = ShowListPage(sqlite_db)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 2
    page.search.setText("黑五")  # Chinese arrives through an input method, not key clicks
    assert [page.model.show_at(r).title for r in range(page.model.rowCount())] == ["黑五专场"]
    page.search.clear()
    page.platform.setCurrentIndex(page.platform.findData("taobao"))
    assert page.model.rowCount() == 0
    assert page.stack.currentWidget() is page.table  # filtered to nothing is not "no shows yet"
    page.platform.setCurrentIndex(0)


def test_the_date_filter_splits_upcoming_from_past_shows(qtbot: QtBot, sqlite_db: Database) -> None:
    now = datetime.now(ZoneInfo("Asia/Shanghai"))
    shows.create_show(sqlite_db, "last week", now - timedelta(days=7))
    shows.create_show(sqlite_db, "next week", now + timedelta(days=7))
    page = ShowListPage(sqlite_db)
    qtbot.addWidget(page)

    def listed() -> list[str]:
        return [page.model.show_at(r).title for r in range(page.model.rowCount())]

    assert listed() == ["next week", "last week"]
    page.when.setCurrentIndex(1)  # upcoming
    assert listed() == ["next week"]
    page.when.setCurrentIndex(2)  # past
    assert listed() == ["last week"]


def test_chinese_translations_load_and_cover_the_window(qtbot: QtBot, sqlite_db: Database) -> None:
    app = QApplication.instance()
    translators = install_translators(app, QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    try:
        assert translators, "the zh_CN translation must ship with the package"
        window = MainWindow(sqlite_db, Preferences())
        qtbot.addWidget(window)
        page = window.list_page
        assert page.search.placeholderText() == "搜索标题或直播间"
        assert page.model.headerData(ShowListModel.TITLE, Qt.Orientation.Horizontal) == "标题"
        assert window.statusBar().currentMessage() == "共 0 场"
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_the_app_starts_and_paints_its_window(sqlite_url: str) -> None:
    """The whole app in its own process (a second QApplication in this one would abort)."""
    db = open_database(sqlite_url)
    create_demo(db)
    db.close()
    result = subprocess.run(
        [sys.executable, "-m", "liveplanner", "--database", sqlite_url, "--exit-when", "ready"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "liveplanner window ready: 1 shows" in result.stdout
