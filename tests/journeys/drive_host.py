"""The host, by hand: the timer opened with F5, the run started with Space, the next segment
with →, a minute more with +, a pause, Esc to leave it open, and F5 to come back to it."""

import pytest
from demo_helpers import editable_demo
from person import Person
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from studio_clock import StudioClock

from liveplanner.core.clock import Phase
from liveplanner.storage import runs
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.rehearsal.host_view import STEP_S

KEY = Qt.Key


def test_host(person: Person, window: MainWindow, clock: StudioClock) -> None:
    assert window.db is not None
    show_id = editable_demo(window.db)  # the producer's script, ready to rehearse
    person.open_show(window, show_id)
    person.shot("script")

    person.when_dialog_opens(lambda dialog: (person.shot("start"), person.press(KEY.Key_Return)))
    person.press(KEY.Key_F5)
    person.wait_for(lambda: window.host_view is not None, "F5 opens the timer")
    host = window.host_view
    assert host is not None
    timer = host.controller.timer
    person.wait_for(lambda: QApplication.activeWindow() is host, "the timer comes to the front")
    assert not isinstance(QApplication.focusWidget(), QLineEdit), "keys go to the timer"
    person.shot("timer-ready")

    person.press(KEY.Key_Space)
    assert timer.read().phase == Phase.RUNNING
    clock.now += 90
    person.settle()
    person.shot("running")

    person.press(KEY.Key_Right)
    assert timer.read().index == 1
    planned = timer.read().remaining_s
    person.press(KEY.Key_Plus)
    assert timer.read().remaining_s == pytest.approx(planned + STEP_S)
    clock.now += 20
    person.press(KEY.Key_Space)
    assert timer.read().phase == Phase.PAUSED
    person.shot("paused")

    def leave_open(dialog: object) -> None:
        person.shot("leave")
        person.click_button(dialog, host.tr("Leave it open to resume"))

    person.when_dialog_opens(leave_open)
    person.press(KEY.Key_Escape)
    person.wait_for(lambda: window.host_view is None, "Esc leaves the timer")
    assert runs.interrupted_run(window.db, show_id) is not None, "the run is left open"

    person.when_dialog_opens(lambda dialog: (person.shot("resume"), person.press(KEY.Key_Return)))
    person.press(KEY.Key_F5)
    person.wait_for(lambda: window.host_view is not None, "F5 opens the timer again")
    resumed = window.host_view
    assert resumed is not None
    assert resumed.controller.timer.read().index == 1, "the run goes on where it was left"
    person.shot("resumed")
    person.press(KEY.Key_Space)
    assert resumed.controller.timer.read().phase == Phase.RUNNING
