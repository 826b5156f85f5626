"""The preferences: typed defaults, a version, lenient reading of old or hand-edited files; the
timer's thresholds and the backup folder from File ▸ Preferences… to where they are used."""

import json
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from demo_helpers import editable_demo
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from liveplanner.app import settings
from liveplanner.app.settings import Preferences
from liveplanner.app.workspace import open_database
from liveplanner.core import clock
from liveplanner.core.clock import Level
from liveplanner.core.enums import RunKind
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.preferences_dialog import PreferencesDialog
from liveplanner.ui.rehearsal.run_controller import RunController
from liveplanner.ui.rehearsal.start_dialog import StartRunDialog


def write_settings(values: object) -> None:
    path = settings.preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(values), encoding="utf-8")


def test_the_defaults_and_the_version() -> None:
    defaults = Preferences()
    assert settings.PREFERENCES_VERSION == 5 and defaults.version == 5
    assert (defaults.timer_warning_s, defaults.timer_danger_s) == (30, 10)
    assert defaults.backup_dir == "" and defaults.welcomed is False
    assert defaults.review_chart_share == 0.55
    assert (defaults.reports_dir, defaults.metrics_dir, defaults.scripts_dir) == ("", "", "")
    # The settings' defaults are the timer's own (settings may not import core's clock).
    assert (clock.DEFAULT_WARNING_S, clock.DEFAULT_DANGER_S) == (
        settings.DEFAULT_TIMER_WARNING_S,
        settings.DEFAULT_TIMER_DANGER_S,
    )
    assert settings.load_preferences() == defaults  # no file yet


def test_a_version_2_file_loads_with_the_new_defaults_and_is_written_whole() -> None:
    old = {
        "language": "en",
        "theme": "dark",
        "attribution_lag": 3,
        "database_url": "",
        "user_name": "Maria",
        "version": 2,
    }
    write_settings(old)
    loaded = settings.load_preferences()
    assert loaded == Preferences(language="en", theme="dark", attribution_lag=3, user_name="Maria")
    settings.save_preferences(loaded)
    saved = json.loads(settings.preferences_path().read_text(encoding="utf-8"))
    assert saved["version"] == 5
    assert saved["timer_warning_s"] == 30 and saved["welcomed"] is False
    assert saved["review_chart_share"] == 0.55
    assert saved["reports_dir"] == saved["metrics_dir"] == saved["scripts_dir"] == ""


@pytest.mark.parametrize(
    ("stored", "share"),
    [
        (0.45, 0.45),
        (1, 0.85),
        (0.01, 0.15),
        ("0.5", 0.55),
        (None, 0.55),
        (True, 0.55),
        (1e400, 0.85),
    ],
)
def test_the_review_chart_share_is_read_leniently(stored: object, share: float) -> None:
    write_settings({"review_chart_share": stored})
    assert settings.load_preferences().review_chart_share == share


@pytest.mark.parametrize(
    ("stored", "warning", "danger"),
    [
        ({"timer_warning_s": 45, "timer_danger_s": 15}, 45, 15),
        ({"timer_warning_s": 0, "timer_danger_s": 0}, 0, 0),
        ({"timer_warning_s": "45", "timer_danger_s": 12.5}, 30, 10),
        ({"timer_warning_s": -1, "timer_danger_s": 601}, 30, 10),
        ({"timer_warning_s": True, "timer_danger_s": None}, 30, 10),
        ({"timer_warning_s": 20, "timer_danger_s": 25}, 20, 10),  # red before amber: no
        ({"timer_warning_s": 5, "timer_danger_s": 25}, 5, 5),
    ],
)
def test_the_timer_thresholds_are_read_leniently(
    stored: dict[str, object], warning: int, danger: int
) -> None:
    write_settings({"theme": "dark", **stored})
    loaded = settings.load_preferences()
    assert (loaded.theme, loaded.timer_warning_s, loaded.timer_danger_s) == (
        "dark",
        warning,
        danger,
    )


@pytest.mark.parametrize(
    ("stored", "backup_dir", "welcomed"),
    [
        ({"welcomed": True}, "", True),
        ({"welcomed": "yes", "backup_dir": "backups"}, "", False),  # a relative folder: no
        ({"welcomed": 1, "backup_dir": 5}, "", False),
        ({"backup_dir": "x" * 1001}, "", False),
    ],
)
def test_the_backup_folder_and_welcomed_are_read_leniently(
    stored: dict[str, object], backup_dir: str, welcomed: bool
) -> None:
    write_settings(stored)
    loaded = settings.load_preferences()
    assert (loaded.backup_dir, loaded.welcomed) == (backup_dir, welcomed)


@pytest.mark.parametrize(
    ("stored", "kept"),
    [
        ("/home/maria/复盘", "/home/maria/复盘"),
        ("  /srv/shows  ", "/srv/shows"),
        ("reports", ""),  # relative: it would name a folder under wherever the app was started
        ("", ""),
        (5, ""),
        (None, ""),
        ("/" + "x" * 1000, ""),
    ],
)
def test_the_last_used_folders_are_read_leniently(stored: object, kept: str) -> None:
    write_settings(
        {"version": 5, "reports_dir": stored, "metrics_dir": stored, "scripts_dir": stored}
    )
    loaded = settings.load_preferences()
    assert (loaded.reports_dir, loaded.metrics_dir, loaded.scripts_dir) == (kept, kept, kept)


def test_a_chosen_backup_folder_is_where_backups_go(tmp_path: Path) -> None:
    assert settings.backup_dir() == settings.data_dir() / "backups"
    chosen = tmp_path / "NAS" / "liveplanner"
    write_settings({"backup_dir": f"  {chosen}  "})
    assert settings.backup_dir() == chosen
    db = open_database(f"sqlite:///{tmp_path / 'lp.sqlite3'}")  # as the app opens it
    try:
        assert db.backup_dir == chosen
        assert db.backup("manual") is not None and any(chosen.iterdir())
    finally:
        db.close()


def test_logs_go_under_the_data_folder_when_it_is_given() -> None:
    assert settings.log_dir() == settings.data_dir() / "logs"


# The timer


T0 = datetime(2026, 11, 11, 11, 30, tzinfo=UTC)


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db  # conftest's fresh database, on SQLite alone here


def level_at(controller: RunController, clock_at: dict[str, float], remaining: float) -> Level:
    clock_at["at"] = controller.plan.segments[0].duration_s - remaining
    return controller.read().level


def test_the_timer_warns_at_the_thresholds_it_is_given(db: Database) -> None:
    plan = shows.load_plan(db, editable_demo(db))
    at = {"at": 0.0}
    now, wall = (lambda: at["at"]), (lambda: T0 + timedelta(seconds=at["at"]))
    default = RunController(db, plan, RunKind.REHEARSAL, now=now, wall=wall)
    early = RunController(
        db, plan, RunKind.REHEARSAL, now=now, wall=wall, warning_s=90, danger_s=40
    )
    for controller in (default, early):
        controller.act("toggle")
    assert [level_at(c, at, 60) for c in (default, early)] == [Level.NORMAL, Level.WARNING]
    assert [level_at(c, at, 25) for c in (default, early)] == [Level.WARNING, Level.DANGER]
    assert [level_at(c, at, 5) for c in (default, early)] == [Level.DANGER, Level.DANGER]


def test_the_run_timer_takes_the_thresholds_from_the_preferences(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(window)
    window.open_show(editable_demo(db))

    elsewhere = tmp_path / "elsewhere"

    def change(dialog: PreferencesDialog) -> QDialog.DialogCode:
        assert (dialog.warning.value(), dialog.danger.value()) == (30, 10)
        dialog.warning.setValue(75)
        dialog.danger.setValue(20)
        dialog.backup_dir.setText(str(elsewhere))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(PreferencesDialog, "exec", change)
    window.preferences_action.trigger()
    saved = settings.load_preferences()
    assert (saved.timer_warning_s, saved.timer_danger_s) == (75, 20)
    assert saved.backup_dir == str(elsewhere) and elsewhere.is_dir()
    assert db.backup_dir == elsewhere  # the open database's backups go there from now on

    window.run_action.trigger()
    start = next(d for d in window.findChildren(StartRunDialog) if d.isVisible())
    qtbot.keyClick(start, Qt.Key.Key_Return)  # the dialog's default: start
    view = window.host_view
    assert view is not None
    qtbot.addWidget(view)
    segments = view.controller.timer.segments
    assert {(s.warning_s, s.danger_s) for s in segments} == {(75, 20)}


def test_the_red_threshold_cannot_pass_the_amber_one(qtbot: QtBot) -> None:
    dialog = PreferencesDialog(Preferences(timer_warning_s=30, timer_danger_s=10))
    qtbot.addWidget(dialog)
    dialog.warning.setValue(8)
    assert dialog.danger.value() == 8 and dialog.danger.maximum() == 8
    dialog.accept()
    assert (dialog.preferences.timer_warning_s, dialog.preferences.timer_danger_s) == (8, 8)


def test_a_backup_folder_that_cannot_be_used_is_refused(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.backup_dir.setText("backups")  # relative: relative to what?
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "whole path" in said[-1]
    blocker = tmp_path / "a file"
    blocker.write_text("")
    dialog.backup_dir.setText(str(blocker / "backups"))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "cannot be made" in said[-1]
    dialog.backup_dir.setText(str(settings.default_backup_dir()))  # the default, typed out
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.preferences.backup_dir == ""


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_backup_folder_typed_in_is_made_for_the_user_alone(qtbot: QtBot, tmp_path: Path) -> None:
    """Backups hold every show: a folder the dialog makes is not readable by others."""
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.show()
    folder = tmp_path / "team" / "backups"
    dialog.backup_dir.setFocus()
    dialog.backup_dir.clear()
    qtbot.keyClicks(dialog.backup_dir, str(folder))
    qtbot.keyClick(dialog.backup_dir, Qt.Key.Key_Return)  # the dialog's default button: OK
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.preferences.backup_dir == str(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
