"""The host's timer window by keys and mouse, as a host uses it: the keys it lists work from the
moment it opens, typing is deliberate, the presenter screen, and what it looks like at laptop
and studio sizes."""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from demo_helpers import editable_demo
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from liveplanner.core.clock import Phase
from liveplanner.core.enums import RunEventKind, RunKind
from liveplanner.storage import runs, shows
from liveplanner.storage.database import Database, open_database
from liveplanner.ui.rehearsal.host_view import HostView
from liveplanner.ui.rehearsal.run_controller import RunController

T0 = datetime(2026, 11, 11, 11, 30, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.at = 0.0

    def now(self) -> float:
        return self.at

    def wall(self) -> datetime:
        return T0 + timedelta(seconds=self.at)


@pytest.fixture
def db(sqlite_url: str, tmp_path: Path) -> Iterator[Database]:
    database = open_database(sqlite_url, backup_dir=tmp_path / "backups")
    yield database
    database.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def view(qtbot: QtBot, db: Database, clock: Clock) -> HostView:
    """The timer on the demo show, open and active, as the window opens it."""
    plan = shows.load_plan(db, editable_demo(db))
    controller = RunController(db, plan, RunKind.REHEARSAL, now=clock.now, wall=clock.wall)
    host = HostView(controller)
    qtbot.addWidget(host)
    show_active(qtbot, host)
    return host


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key as a person presses it: it goes to the focused widget of the active window."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "no window has the keys"
    qtbot.keyClick(target, key)


def answer_box(qtbot: QtBot) -> QMessageBox:
    """The question on screen, once it has the keys (a person waits for it to appear)."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    assert isinstance(box, QMessageBox)
    return box


def phase(view: HostView) -> Phase:
    return view.controller.timer.read().phase


def test_the_listed_keys_work_from_the_moment_the_window_opens(
    qtbot: QtBot, view: HostView, clock: Clock
) -> None:
    assert QApplication.focusWidget() is view  # not the note box
    for key in ("Space", "→", "←", "+ / −", "N", "M", "P", "Esc"):
        assert f"<b>{key}</b>" in view.keys.text()
    press(qtbot, Qt.Key.Key_Space)
    assert phase(view) is Phase.RUNNING and view.note.text() == ""
    clock.at = 60
    press(qtbot, Qt.Key.Key_Right)
    assert view.controller.timer.index == 1
    press(qtbot, Qt.Key.Key_Left)
    assert view.controller.timer.index == 0
    allowed = view.controller.read().allowed_s
    press(qtbot, Qt.Key.Key_Plus)
    assert view.controller.read().allowed_s == allowed + 30
    press(qtbot, Qt.Key.Key_Minus)
    assert view.controller.read().allowed_s == allowed
    press(qtbot, Qt.Key.Key_Space)
    assert phase(view) is Phase.PAUSED


def test_tab_never_hands_space_to_a_check_box(qtbot: QtBot, view: HostView) -> None:
    for _ in range(6):
        press(qtbot, Qt.Key.Key_Tab)
        assert not isinstance(QApplication.focusWidget(), QCheckBox)
        assert QApplication.focusWidget() not in (view.note, view.message)
    press(qtbot, Qt.Key.Key_Space)
    assert phase(view) is Phase.RUNNING
    assert not view.flash.isChecked() and not view.sound.isChecked()


def test_n_types_a_note_and_enter_or_esc_hand_the_keys_back(
    qtbot: QtBot, view: HostView, db: Database, clock: Clock
) -> None:
    assert not view.note_action.isEnabled()  # no run yet to log a note in
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_N)
    assert QApplication.focusWidget() is view.note
    qtbot.keyClicks(QApplication.focusWidget(), "mic slip, redo")
    assert view.note.text() == "mic slip, redo"  # Space typed a space: the clock runs on
    assert phase(view) is Phase.RUNNING
    press(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is view and view.note.text() == ""
    events = runs.list_runs(db, view.plan.show.id)[-1].events
    assert events[-1].kind is RunEventKind.NOTE and events[-1].text == "mic slip, redo"
    press(qtbot, Qt.Key.Key_Space)
    assert phase(view) is Phase.PAUSED
    press(qtbot, Qt.Key.Key_N)
    qtbot.keyClicks(QApplication.focusWidget(), "half")
    press(qtbot, Qt.Key.Key_Escape)
    assert view.isVisible() and view.note.text() == ""
    assert QApplication.focusWidget() is view
    press(qtbot, Qt.Key.Key_Space)
    assert phase(view) is Phase.RUNNING


def test_clicking_the_countdown_takes_the_keys_back_from_a_text_box(
    qtbot: QtBot, view: HostView
) -> None:
    press(qtbot, Qt.Key.Key_Space)
    qtbot.mouseClick(view.message, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is view.message
    press(qtbot, Qt.Key.Key_Space)
    assert view.message.text() == " " and phase(view) is Phase.RUNNING  # typing, as clicked for
    qtbot.mouseClick(view.countdown, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is view
    press(qtbot, Qt.Key.Key_Space)
    assert phase(view) is Phase.PAUSED


def test_a_large_paused_state_shows_and_hides(qtbot: QtBot, view: HostView) -> None:
    assert view.state_banner.isVisible() and "Space starts" in view.state_banner.text()
    press(qtbot, Qt.Key.Key_Space)
    assert not view.state_banner.isVisible()
    press(qtbot, Qt.Key.Key_Space)
    assert view.state_banner.isVisible() and view.state_banner.text().startswith("PAUSED")
    assert view.state_banner.font().pixelSize() >= 2 * QApplication.font().pointSize()


def test_leaving_names_the_choices_and_esc_on_them_changes_nothing(
    qtbot: QtBot, view: HostView, db: Database, clock: Clock
) -> None:
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Escape)
    box = answer_box(qtbot)
    assert box is view.question
    assert sorted(b.text() for b in box.buttons()) == [
        "Cancel",
        "End the run",
        "Leave it open to resume",
    ]
    assert box.defaultButton().text() == "Leave it open to resume"
    press(qtbot, Qt.Key.Key_Escape)  # Cancel
    qtbot.waitUntil(lambda: view.question is None)
    assert view.isVisible() and phase(view) is Phase.RUNNING
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)  # the keys are the timer's
    press(qtbot, Qt.Key.Key_Escape)
    box = answer_box(qtbot)
    end = next(b for b in box.buttons() if b.text() == "End the run")
    clock.at = 30
    qtbot.mouseClick(end, Qt.MouseButton.LeftButton)
    assert not view.isVisible()
    show_id = view.plan.show.id
    assert runs.interrupted_run(db, show_id) is None
    assert runs.list_runs(db, show_id)[-1].ended_at == T0 + timedelta(seconds=30)
