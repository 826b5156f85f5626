"""One liveplanner writes a SQLite file at a time: a second one is told, and opens it read-only;
when the first one has crashed, its lock is stale and the next one writes."""

import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from liveplanner.app import settings
from liveplanner.app.settings import Preferences
from liveplanner.app.workspace import open_database
from liveplanner.core.enums import SegmentKind
from liveplanner.storage import segments, shows
from liveplanner.storage.errors import ReadOnlyError
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.rehearsal.start_dialog import StartRunDialog

# Another app holding the file's lock: takes it, says so, and waits to be killed.
HOLDER = """
import sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1] + ".lock")
lock.setStaleLockTime(0)
print("locked" if lock.tryLock(0) else "refused", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: messages.append(text))
    return messages


def window(qtbot: QtBot, url: str) -> MainWindow:
    main = MainWindow(None, Preferences(language="en"))
    qtbot.addWidget(main)
    assert main.connect_database(url)
    return main


def test_a_second_window_is_told_and_reads_without_writing(
    qtbot: QtBot, sqlite_url: str, told: list[str]
) -> None:
    first = window(qtbot, sqlite_url)
    assert first.db is not None and not first.db.read_only and told == []
    second = window(qtbot, sqlite_url)
    assert second.db is not None and second.db.read_only
    (message,) = told
    assert "read-only" in message and "shows.sqlite3" in message
    assert second.windowTitle() == "liveplanner — read-only"
    assert second.backups is None  # the writing app makes the backups
    with pytest.raises(ReadOnlyError):
        shows.create_show(second.db, "x", datetime.now(UTC))
    # Once the first one is closed, the next window writes again.
    first.close()
    third = window(qtbot, sqlite_url)
    assert third.db is not None and not third.db.read_only and len(told) == 1


def test_a_crashed_apps_lock_does_not_keep_the_file_read_only(
    qtbot: QtBot, sqlite_url: str, tmp_path: Path, told: list[str]
) -> None:
    path = tmp_path / "shows.sqlite3"
    open_database(sqlite_url).close()  # the other app made the file
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        while_held = window(qtbot, sqlite_url)
        assert while_held.db is not None and while_held.db.read_only
        while_held.close()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    after_crash = window(qtbot, sqlite_url)
    assert after_crash.db is not None and not after_crash.db.read_only
    assert len(told) == 1


def test_a_read_only_window_neither_restores_backups_nor_runs_the_timer(
    qtbot: QtBot, sqlite_url: str, told: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = window(qtbot, sqlite_url)
    assert first.db is not None
    show_id = shows.create_show(first.db, "秋冬上新", datetime.now(UTC))
    second = window(qtbot, sqlite_url)
    refused: list[str] = []
    monkeypatch.setattr(second, "show_refusal", refused.append)
    second.open_backups()
    assert refused and "read-only" in refused[0]
    second.open_show(show_id)
    assert not second.run_action.isEnabled() and not second.import_metrics_action.isEnabled()
    assert second.editor is not None and not second.editor.doc.editable


def test_closing_the_timer_frees_the_menus_it_held(
    qtbot: QtBot, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = window(qtbot, sqlite_url)
    assert main.db is not None
    show_id = shows.create_show(main.db, "秋冬上新", datetime.now(UTC))
    segments.add_segment(main.db, show_id, SegmentKind.OPENING, "开场", 300)
    main.open_show(show_id)
    main.run_action.trigger()
    start = next(d for d in main.findChildren(StartRunDialog) if d.isVisible())
    qtbot.keyClick(start, Qt.Key.Key_Return)  # the dialog's default: start
    timer = main.host_view
    assert timer is not None
    refused: list[str] = []
    monkeypatch.setattr(main, "show_refusal", refused.append)
    main.open_backups()
    assert refused == ["End the run on the timer before restoring a backup."]
    timer.close()  # not started: it leaves without asking
    qtbot.waitUntil(lambda: main.host_view is None)
    monkeypatch.setattr("liveplanner.ui.database_dialog.DatabaseDialog.exec", lambda _s: 0)
    main.open_database_settings()
    assert len(refused) == 1  # File ▸ Database… is no longer refused


def test_a_team_server_away_at_start_offers_the_local_file(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    preferences = Preferences(language="en", database_url="postgresql://nobody@127.0.0.1:1/x")
    settings.save_preferences(preferences)
    asked: list[str] = []

    def agree(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", agree)
    main = MainWindow(None, preferences)
    qtbot.addWidget(main)
    assert main.connect_database(None)
    assert main.db is not None and main.db.is_sqlite
    assert "127.0.0.1" in asked[0] and "this computer" in asked[0]
