"""File ▸ Backups…: back up now, put a backup back, and the window goes on with what it holds."""

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from liveplanner.app.settings import Preferences
from liveplanner.app.workspace import open_database
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.ui.backups_dialog import BackupsDialog
from liveplanner.ui.main_window import MainWindow

START = datetime(2026, 12, 1, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'lp.sqlite3'}", backup_dir=tmp_path / "b")
    yield database
    database.close()


def test_a_backup_put_back_replaces_the_windows_data(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(window)
    shows.create_show(db, "A", START)
    dialog = BackupsDialog(db, window)
    qtbot.addWidget(dialog)
    dialog.restored.connect(window.replace_database)
    assert dialog.table.rowCount() == 0 and not dialog.restore_button.isEnabled()
    dialog.back_up()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Made by hand"

    show_b = shows.create_show(db, "B", START)
    window.open_show(show_b)
    dialog.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    dialog.restore()

    assert window.db is dialog.db and window.db is not db
    assert [s.title for s in shows.list_shows(window.db)] == ["A"]
    assert window.editor is None and window.pages.currentWidget() is window.list_page
    reasons = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert sorted(reasons) == ["Before a restore", "Made by hand"]  # made in the same second


def test_a_restore_that_is_refused_keeps_everything(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(window)
    shows.create_show(db, "A", START)
    dialog = BackupsDialog(db, window)
    qtbot.addWidget(dialog)
    dialog.restored.connect(window.replace_database)
    dialog.back_up()
    dialog.paths[0].write_bytes(b"damaged" * 1000)  # the backup went bad on disk
    dialog.table.selectRow(0)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    dialog.restore()
    assert warned and "lp-" in warned[0]
    assert [s.title for s in shows.list_shows(window.db)] == ["A"]


def test_a_damaged_database_at_start_is_offered_its_newest_good_backup(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liveplanner.app import settings
    from liveplanner.storage.backup import backup_sqlite

    monkeypatch.setenv("LIVEPLANNER_DATA_DIR", str(tmp_path))
    path = tmp_path / "lp.sqlite3"
    url = f"sqlite:///{path}"
    first = open_database(url)
    shows.create_show(first, "A", START)
    first.close()
    backup_sqlite(path, settings.backup_dir(), "manual")
    data = bytearray(path.read_bytes())
    data[5000:9000] = b"\xff" * 4000
    path.write_bytes(bytes(data))

    asked: list[str] = []

    def agree(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", agree)
    window = MainWindow(None, Preferences(language="en"))
    qtbot.addWidget(window)
    assert window.connect_database(url)
    assert "damaged" in asked[0] and "lp-" in asked[0]
    assert [s.title for s in shows.list_shows(window.db)] == ["A"]
    assert [p.name for p in tmp_path.glob("lp.sqlite3.damaged-*")]
    window.db.close()


def test_backups_come_while_working_only_after_a_change_and_on_closing(
    qtbot: QtBot, db: Database
) -> None:
    from liveplanner.storage.backup import list_backups

    assert db.sqlite_path is not None and db.backup_dir is not None
    window = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(window)
    assert window.backups is not None and window.backups.timer.isActive()

    def reasons() -> list[str]:
        found = list_backups(db.backup_dir, db.sqlite_path.stem)  # type: ignore[arg-type]
        return sorted(path.stem.split("-", 3)[-1] for path in found)

    assert window.backups.back_up_if_changed("auto")  # never backed up: a first one
    assert not window.backups.back_up_if_changed("auto")  # nothing changed since
    shows.create_show(db, "A", START)
    later = datetime.now(ZoneInfo("UTC")) + timedelta(seconds=2)  # a name of its own
    assert window.backups.back_up_if_changed("auto", later)
    shows.create_show(db, "B", START)
    window.close()
    assert reasons() == ["auto", "auto", "on-exit"]


HOSTILE = Path(__file__).parent / "fixtures" / "hostile"


@pytest.mark.parametrize(
    ("backup", "said"),
    [
        (
            "restore_empty_0_bytes.sqlite3",
            " 的备份是空文件（0 字节），不是 liveplanner 数据库，未做任何修改。",
        ),
        (
            "restore_not_liveplanner.sqlite3",
            " 的备份不是 liveplanner 数据库：它是空的、已损坏，或属于其他程序，未做任何修改。",
        ),
    ],
)
def test_a_backup_that_is_no_liveplanner_database_is_refused_in_the_users_language(
    qtbot: QtBot, db: Database, backup: str, said: str
) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from liveplanner.ui.translators import drop_language, use_language

    shows.create_show(db, "A", START)
    use_language("zh_CN")
    try:
        window = MainWindow(db, Preferences(language="zh_CN"))
        qtbot.addWidget(window)
        dialog = BackupsDialog(db, window)
        qtbot.addWidget(dialog)
        dialog.restored.connect(window.replace_database)
        dialog.back_up()
        dialog.paths[0].write_bytes((HOSTILE / backup).read_bytes())
        dialog.table.selectRow(0)
        told: list[str] = []

        def answer(button: QMessageBox.StandardButton) -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):  # not open yet
                QTimer.singleShot(10, lambda: answer(button))
                return
            told.append(box.text())
            qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)
            if button == QMessageBox.StandardButton.Yes:  # then the refusal
                QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Ok))

        QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Yes))
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    finally:
        drop_language()

    question, refusal = told
    when = dialog.table.item(0, 0).text()
    assert question.startswith(f"用 {when} 的备份替换当前数据库吗？")
    assert refusal == f"{when}{said}\n\n{dialog.paths[0]}"
    assert [s.title for s in shows.list_shows(window.db)] == ["A"]
