"""The host's timer window by keys and mouse, as a host uses it: the keys it lists work from the
moment it opens, typing is deliberate, the presenter screen, and what it looks like at laptop
and studio sizes."""

import json
import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import screens
from demo_helpers import editable_demo
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox
from pytestqt.qtbot import QtBot
from qt_helpers import show_active
from screens import offscreen_with

from liveplanner.app.settings import Preferences
from liveplanner.core.clock import Phase
from liveplanner.core.enums import RunEventKind, RunKind
from liveplanner.storage import runs, shows
from liveplanner.storage.database import Database
from liveplanner.ui.rehearsal import run_controller
from liveplanner.ui.rehearsal.host_view import HostView
from liveplanner.ui.rehearsal.run_controller import RunController
from liveplanner.ui.rehearsal.start_dialog import StartRunDialog

T0 = datetime(2026, 11, 11, 11, 30, tzinfo=UTC)  # the demo show's planned start


class Clock:
    def __init__(self) -> None:
        self.at = 0.0

    def now(self) -> float:
        return self.at

    def wall(self) -> datetime:
        return T0 + timedelta(seconds=self.at)


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db  # conftest's fresh database, on SQLite alone here


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
    view.resize(1280, 800)  # as a laptop's screen has it (the test's own screen is smaller)
    assert view.state_banner.isVisible() and "Space starts" in view.state_banner.text()
    press(qtbot, Qt.Key.Key_Space)
    assert not view.state_banner.isVisible()
    press(qtbot, Qt.Key.Key_Space)
    assert view.state_banner.isVisible() and view.state_banner.text().startswith("PAUSED")
    assert view.state_banner.font().pixelSize() >= 36  # large: at 1280×800, 3× ordinary text


def test_leaving_names_its_choices_esc_cancels_and_end_the_run_ends_it(
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


def test_the_hosts_journey_by_keys_only(
    qtbot: QtBot, db: Database, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F5, Enter, Space, →, +, Space, Esc, Enter (leave it open), F5, Enter: the run resumes."""
    from liveplanner.ui.main_window import MainWindow

    monkeypatch.setattr(run_controller, "monotonic", clock.now)
    monkeypatch.setattr(run_controller, "utc_now", clock.wall)
    show_id = editable_demo(db)
    window = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(window)
    window.open_show(show_id)
    show_active(qtbot, window)
    second = window.editor.doc.plan.segments[1]

    def start_dialog() -> StartRunDialog:
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), StartRunDialog))
        dialog = QApplication.activeModalWidget()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        assert isinstance(dialog, StartRunDialog)
        return dialog

    def timer_window() -> HostView:
        qtbot.waitUntil(
            lambda: window.host_view is not None and QApplication.activeWindow() is window.host_view
        )
        assert isinstance(window.host_view, HostView)
        return window.host_view

    press(qtbot, Qt.Key.Key_F5)
    assert start_dialog().rehearsal.isChecked()
    press(qtbot, Qt.Key.Key_Return)
    view = timer_window()
    assert QApplication.focusWidget() is view
    assert phase(view) is Phase.IDLE
    press(qtbot, Qt.Key.Key_Space)
    assert (phase(view), view.controller.timer.index) == (Phase.RUNNING, 0)
    clock.at = 120
    press(qtbot, Qt.Key.Key_Right)
    assert (phase(view), view.controller.timer.index) == (Phase.RUNNING, 1)
    clock.at = 150
    press(qtbot, Qt.Key.Key_Plus)
    assert view.controller.read().allowed_s == second.duration_s + 30
    clock.at = 180
    press(qtbot, Qt.Key.Key_Space)
    reading = view.controller.read()
    assert (reading.phase, reading.elapsed_s) == (Phase.PAUSED, 60)
    press(qtbot, Qt.Key.Key_Escape)
    assert answer_box(qtbot).defaultButton().text() == "Leave it open to resume"
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.host_view is None)
    assert not view.isVisible()
    assert runs.interrupted_run(db, show_id) is not None  # left open, not ended

    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    clock.at = 900
    press(qtbot, Qt.Key.Key_F5)
    dialog = start_dialog()
    assert dialog.resume.isChecked()
    press(qtbot, Qt.Key.Key_Return)
    resumed = timer_window()
    qtbot.addWidget(resumed)
    assert resumed is not view
    reading = resumed.controller.read()
    assert (reading.phase, reading.index) == (Phase.PAUSED, 1)
    assert (reading.elapsed_s, reading.allowed_s) == (60, second.duration_s + 30)
    press(qtbot, Qt.Key.Key_Space)
    assert phase(resumed) is Phase.RUNNING
    assert resumed.controller.run_id == runs.list_runs(db, show_id)[-1].id  # the same run


def test_p_opens_the_presenter_beside_the_host_view_and_it_takes_the_keys(
    qtbot: QtBot, view: HostView
) -> None:
    view.showMaximized()
    qtbot.waitUntil(view.isMaximized)
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_P)
    presenter = view.presenter
    assert presenter is not None and presenter.isVisible()
    assert not presenter.isFullScreen()  # one screen: a window (where: the test below)
    assert QApplication.activeWindow() is view  # the keys stay with the host
    show_active(qtbot, presenter)  # the presenter in front
    press(qtbot, Qt.Key.Key_Space)
    assert phase(view) is Phase.PAUSED
    assert presenter.state.isVisible()  # PAUSED, large, on the presenter too
    press(qtbot, Qt.Key.Key_Right)
    assert view.controller.timer.index == 1
    press(qtbot, Qt.Key.Key_Escape)  # closes the presenter, not the timer
    assert not presenter.isVisible() and view.isVisible()
    qtbot.waitUntil(view.isMaximized)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    press(qtbot, Qt.Key.Key_Space)
    assert phase(view) is Phase.RUNNING


def test_a_closed_presenter_is_left_alone(qtbot: QtBot, view: HostView, clock: Clock) -> None:
    press(qtbot, Qt.Key.Key_Space)
    qtbot.mouseClick(view.flash, Qt.MouseButton.LeftButton, pos=QPoint(4, view.flash.height() // 2))
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    press(qtbot, Qt.Key.Key_M)  # a message for the presenter screen, flashing
    qtbot.keyClicks(QApplication.focusWidget(), "wrap up")
    press(qtbot, Qt.Key.Key_Return)
    presenter = view.presenter
    assert presenter is not None and presenter.flasher.isActive()
    show_active(qtbot, presenter)
    press(qtbot, Qt.Key.Key_Escape)
    assert not presenter.isVisible()
    assert not presenter.flasher.isActive()  # nothing flashes on a closed screen
    shown = presenter.countdown.text()
    clock.at += 75
    view.refresh()
    assert view.countdown.text() != shown  # the host's clock goes on...
    assert presenter.countdown.text() == shown  # ...the closed screen is not redrawn


SCREENS = {
    "laptop": [screens.LAPTOP],
    "two screens": [screens.LAPTOP, {**screens.DESKTOP, "name": "studio", "x": 1366}],
}

PRESENTER_SCRIPT = textwrap.dedent(
    """
    import json, sys, tempfile
    from pathlib import Path
    sys.path.insert(0, "tests")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from demo_helpers import editable_demo
    from liveplanner.core.enums import RunKind
    from liveplanner.storage import shows
    from liveplanner.app.workspace import open_database
    from liveplanner.ui.rehearsal.host_view import HostView
    from liveplanner.ui.rehearsal.run_controller import RunController
    folder = Path(tempfile.mkdtemp())
    db = open_database(f"sqlite:///{folder / 's.sqlite3'}", backup_dir=folder / "b")
    plan = shows.load_plan(db, editable_demo(db))
    view = HostView(RunController(db, plan, RunKind.LIVE, now=lambda: 0.0))
    view.showMaximized()
    QTest.qWaitForWindowExposed(view)
    QTest.keyClick(view, Qt.Key.Key_P)
    QTest.qWait(50)
    p = view.presenter
    rect = lambda r: [r.x(), r.y(), r.width(), r.height()]
    print(json.dumps({
        "full_screen": p.isFullScreen(),
        "presenter_screen": p.screen().name(),
        "presenter": rect(p.frameGeometry()),
        "host": rect(view.frameGeometry()),
        "host_screen": view.screen().name(),
        "area": rect(view.screen().availableGeometry()),
        "combo_shown": not view.screens.isHidden(),
    }))
    """
)


@pytest.mark.parametrize("layout", list(SCREENS))
def test_the_presenter_fills_another_screen_or_shares_the_only_one(
    layout: str, tmp_path: Path
) -> None:
    """One screen: a window beside the host view; two: full screen on the other one. (One
    QApplication per process has one set of screens: each layout runs in its own process.)"""
    platform = offscreen_with(tmp_path, *SCREENS[layout], synchronous=True)
    env = {**os.environ, "QT_QPA_PLATFORM": platform}
    result = subprocess.run(
        [sys.executable, "-c", PRESENTER_SCRIPT],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=Path(__file__).parent.parent,
    )
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["host_screen"] == "laptop"
    if layout == "laptop":
        x, y, w, h = seen["area"]
        assert not seen["full_screen"] and not seen["combo_shown"]
        presenter_left, host_left, host_width = seen["presenter"][0], *seen["host"][::2]
        assert presenter_left >= host_left + host_width  # side by side: frames do not overlap
        for left, top, width, height in (seen["presenter"], seen["host"]):
            assert x <= left and y <= top and left + width <= x + w and top + height <= y + h
    else:
        assert seen["full_screen"] and seen["presenter_screen"] == "studio"
        assert seen["combo_shown"]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_host_view_fits_a_laptop_and_its_text_grows_with_the_window(
    qtbot: QtBot, db: Database, clock: Clock, language: str
) -> None:
    from liveplanner.ui.translators import drop_language, use_language

    use_language(language)
    try:
        plan = shows.load_plan(db, editable_demo(db))
        controller = RunController(db, plan, RunKind.LIVE, now=clock.now, wall=clock.wall)
        host = HostView(controller)
        qtbot.addWidget(host)
        controller.act("toggle")
        controller.act("jump", 3)  # a segment with cues, a promo and talking points
        host.refresh()
        hint = host.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 705 - 30  # a title bar above it
        sizes = {}
        for width, height in ((1366, 675), (1920, 1050)):
            host.resize(width, height)
            host.show()
            qtbot.waitUntil(lambda w=width, h=height: (host.width(), host.height()) == (w, h))
            sizes[width] = {
                name: getattr(host, name).font().pixelSize()
                for name in ("countdown", "title_label", "next_label", "cues", "product")
            } | {"over/under": host.over_label.font().pixelSize()}
        assert min(sizes[1366].values()) >= 22  # about 6 mm on a laptop: read from 3 m
        assert sizes[1366]["countdown"] >= 150
        for name, small in sizes[1366].items():
            assert sizes[1920][name] >= small * 1.4, name  # grows with the window
    finally:
        drop_language()


def test_a_flash_sale_segment_gives_the_host_the_sales_price_and_units(
    qtbot: QtBot, view: HostView, clock: Clock
) -> None:
    plan = view.controller.plan
    flash = next(i for i, s in enumerate(plan.segments) if s.title.startswith("9.9元数据线秒杀"))
    press(qtbot, Qt.Key.Key_Space)
    for _ in range(flash):
        clock.at += 10
        press(qtbot, Qt.Key.Key_Right)
    assert view.controller.timer.index == flash
    first = view.product.text().splitlines()[0]
    # The sale's ¥9.90 and the 1,000 cables it puts out, not the shelf's ¥19.90 and 10,000.
    assert first == "编织快充数据线（两条装）: flash sale ¥9.90, 1000 units"
