"""When things go wrong: the log file, and an unexpected error logged, said in a dialog that
names the log, with what was typed saved, and the app running on."""

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from demo_helpers import editable_demo
from PySide6.QtCore import QCoreApplication, QTimer
from pytestqt.qtbot import QtBot

from liveplanner import __version__
from liveplanner.app import logs, settings
from liveplanner.app.settings import Preferences
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.ui.crash_dialog import CrashDialog, CrashReporter
from liveplanner.ui.main_window import MainWindow


@pytest.fixture
def log_file() -> Iterator[Path]:
    handler = logs.setup_logging()
    assert handler is not None
    yield logs.log_path()
    logs.remove_logging(handler)


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db  # conftest's fresh database, on SQLite alone here


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[CrashDialog]:
    """The error dialogs shown (exec does not block)."""
    shown: list[CrashDialog] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self) or 0)
    return shown


def flush(handler_path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return handler_path.read_text(encoding="utf-8")


def test_the_log_is_under_the_data_folder_and_starts_with_what_runs(log_file: Path) -> None:
    assert log_file == settings.data_dir() / "logs" / "app.log"
    logs.log_start("postgresql://maria:s3cret@db.example.com/shows", "PySide6 6.x")
    text = flush(log_file)
    assert f"liveplanner {__version__} starting" in text and "PySide6 6.x" in text
    assert "maria@db.example.com/shows" in text and "s3cret" not in text


def test_the_log_rotates_at_about_a_megabyte(log_file: Path) -> None:
    handler = next(
        h for h in logging.getLogger().handlers if getattr(h, "baseFilename", "") == str(log_file)
    )
    assert (handler.maxBytes, handler.backupCount) == (1_000_000, 5)  # type: ignore[attr-defined]


def test_an_error_in_a_slot_is_logged_said_and_what_was_typed_is_saved(
    qtbot: QtBot, db: Database, log_file: Path, dialogs: list[CrashDialog]
) -> None:
    window = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(window)
    window.show()
    show_id = editable_demo(db)
    window.open_show(show_id)
    editor = window.editor
    editor.select_segment(editor.doc.plan.segments[1].id)
    editor.talking_points.setPlainText("先讲福袋规则")  # typed; focus never left the box

    def broken_slot() -> None:
        raise RuntimeError("a bug in a slot")

    reporter = CrashReporter(log_file, window.commit_editor)
    reporter.install()
    try:
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: len(dialogs) == 1)
    finally:
        reporter.uninstall()
    text = flush(log_file)
    assert "Unexpected error" in text and "Traceback (most recent call last)" in text
    assert "RuntimeError: a bug in a slot" in text and "broken_slot" in text
    [dialog] = dialogs
    assert str(log_file) in dialog.informativeText()
    assert "Your work is saved" in dialog.informativeText()
    assert "RuntimeError: a bug in a slot" in dialog.detailedText()
    assert shows.load_plan(db, show_id).segments[1].talking_points == "先讲福袋规则"
    assert window.isVisible() and window.editor is editor  # the app runs on


def test_the_same_error_again_is_logged_but_not_shown_again(
    qtbot: QtBot, log_file: Path, dialogs: list[CrashDialog]
) -> None:
    reporter = CrashReporter(log_file, lambda: None)
    for _ in range(3):
        try:
            raise ValueError("every tick")
        except ValueError as exc:
            reporter.excepthook(type(exc), exc, exc.__traceback__)
    QCoreApplication.processEvents()
    assert len(dialogs) == 1
    assert flush(log_file).count("ValueError: every tick") == 3


def test_an_error_while_saving_or_while_the_dialog_is_open_does_not_recurse(
    qtbot: QtBot, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_save() -> None:
        raise OSError("disk full")

    reporter = CrashReporter(log_file, failing_save)
    shown: list[CrashDialog] = []

    def exec_and_fail_again(dialog: CrashDialog) -> int:
        shown.append(dialog)
        try:
            raise KeyError("while the dialog is open")
        except KeyError as exc:
            reporter.excepthook(type(exc), exc, exc.__traceback__)
        QCoreApplication.processEvents()  # the dialog's own event loop would deliver it
        return 0

    monkeypatch.setattr(CrashDialog, "exec", exec_and_fail_again)
    try:
        raise ZeroDivisionError("first")
    except ZeroDivisionError as exc:
        reporter.excepthook(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: len(shown) == 1)
    QCoreApplication.processEvents()
    assert len(shown) == 1
    assert "may not have been kept" in shown[0].informativeText()
    text = flush(log_file)
    assert "OSError: disk full" in text and "KeyError: 'while the dialog is open'" in text
    assert "ZeroDivisionError: first" in text


def test_install_and_uninstall_put_the_hooks_back() -> None:
    import threading

    before = (sys.excepthook, threading.excepthook)
    reporter = CrashReporter(Path("app.log"), lambda: None)
    reporter.install()
    assert sys.excepthook == reporter.excepthook
    reporter.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_the_app_writes_its_log_and_welcomes_a_first_run(tmp_path: Path) -> None:
    """The whole app in its own process, as a new user starts it."""
    data = tmp_path / "data"
    command = [sys.executable, "-m", "liveplanner", "--exit-when", "ready"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LIVEPLANNER_DATA_DIR": str(data)}
    env.pop("LIVEPLANNER_DATABASE_URL", None)
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=120, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "liveplanner window ready: 0 shows" in result.stdout
    text = (data / "logs" / "app.log").read_text(encoding="utf-8")
    assert f"liveplanner {__version__} starting: Python" in text
    assert f"database sqlite:///{data / 'liveplanner.sqlite3'}" in text
    assert "first run: the welcome page is shown" in text
    assert "liveplanner closed (exit status 0)" in text
