"""Rehearsing and running on the timer: the run log as it happens, resuming after a crash, the
host's keys, the presenter screen, and rehearsal results back into the plan."""

import json
import math
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from demo_helpers import editable_demo
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import show_active
from sqlalchemy import text

from liveplanner.cli import main as cli
from liveplanner.core.clock import Phase
from liveplanner.core.enums import RunEventKind, RunKind
from liveplanner.core.review_spans import actual_spans
from liveplanner.storage import runs, shows
from liveplanner.storage import samples as runs_samples
from liveplanner.storage.database import Database
from liveplanner.ui.editor.document import ShowDocument
from liveplanner.ui.rehearsal.host_view import HostView
from liveplanner.ui.rehearsal.results_dialog import RehearsalResults
from liveplanner.ui.rehearsal.run_controller import RunController
from liveplanner.ui.rehearsal.start_dialog import StartRunDialog

T0 = datetime(2026, 11, 11, 11, 30, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.at = 0.0

    def now(self) -> float:
        return self.at

    def wall(self) -> datetime:
        return T0 + timedelta(seconds=self.at)


def press(qtbot: QtBot, key: Qt.Key) -> None:
    """A key as a person presses it: it goes to the focused widget of the active window."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "no window has the keys"
    qtbot.keyClick(target, key)


def answer_box(qtbot: QtBot) -> QMessageBox:
    """The question on screen, once it has the keys."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    assert isinstance(box, QMessageBox)
    return box


def accept_start_dialog(qtbot: QtBot, window: QWidget) -> None:
    """Enter in Run ▸ Rehearse or run…'s dialog: the choice as offered."""
    dialog = next(d for d in window.findChildren(StartRunDialog) if d.isVisible())
    qtbot.keyClick(dialog, Qt.Key.Key_Return)


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db  # conftest's fresh database, on SQLite alone here


def test_every_action_is_in_the_database_the_moment_it_happens(db: Database) -> None:
    show_id = editable_demo(db)
    plan = shows.load_plan(db, show_id)
    clock = Clock()
    controller = RunController(db, plan, RunKind.REHEARSAL, now=clock.now, wall=clock.wall)
    controller.act("toggle")
    run_id = controller.run_id
    clock.at = 100
    controller.act("add", 30)
    controller.act("note", "主播口误，重来")
    clock.at = 130
    controller.act("toggle")
    stored = next(r for r in runs.list_runs(db, show_id) if r.id == run_id)
    assert [e.kind for e in stored.events] == [
        RunEventKind.STARTED,
        RunEventKind.SEGMENT_STARTED,
        RunEventKind.TIME_ADDED,
        RunEventKind.NOTE,
        RunEventKind.PAUSED,
    ]
    assert stored.events[3].text == "主播口误，重来"
    assert stored.events[4].wall_time == T0 + timedelta(seconds=130)
    assert runs.interrupted_run(db, show_id).id == run_id


def test_a_killed_process_resumes_at_the_right_point(db: Database, tmp_path: Path) -> None:
    """The timer runs in another process that is killed (SIGKILL) mid-segment; reopening
    resumes the same run in the segment the show is in, with the time since counted."""
    show_id = editable_demo(db)
    url = db.url.render_as_string(hide_password=False)
    script = textwrap.dedent(
        f"""
        import os, signal
        from datetime import datetime, timedelta, timezone
        from liveplanner.core.enums import RunKind
        from liveplanner.app.workspace import open_database
        from liveplanner.storage.shows import load_plan
        from liveplanner.ui.rehearsal.run_controller import RunController
        t0 = datetime(2026, 11, 11, 11, 30, tzinfo=timezone.utc)
        clock = {{"at": 0.0}}
        db = open_database({url!r})
        wall = lambda: t0 + timedelta(seconds=clock["at"])
        controller = RunController(db, load_plan(db, {show_id}), RunKind.LIVE,
                                   now=lambda: clock["at"], wall=wall)
        controller.act("toggle")
        clock["at"] = 480
        controller.act("next")
        clock["at"] = 500
        controller.act("add", 30)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == -9, result.stderr
    interrupted = runs.interrupted_run(db, show_id)
    assert interrupted is not None and interrupted.kind is RunKind.LIVE
    later = Clock()
    later.at = 7.0  # a new process: its monotonic clock starts elsewhere...
    wall_now = T0 + timedelta(seconds=560)  # ...and the show went on for 60 s after the crash
    controller = RunController(
        db,
        shows.load_plan(db, show_id),
        RunKind.LIVE,
        interrupted=interrupted,
        now=later.now,
        wall=lambda: wall_now,
    )
    reading = controller.read()
    assert (reading.index, reading.phase) == (1, Phase.RUNNING)
    assert reading.elapsed_s == pytest.approx(80)
    assert reading.allowed_s == 300 + 30
    controller.act("next")
    assert runs.list_runs(db, show_id)[-1].events[-1].segment_position == 2  # the same run goes on


def test_a_host_rehearses_the_whole_demo_with_the_keyboard(qtbot: QtBot, db: Database) -> None:
    show_id = editable_demo(db)
    plan = shows.load_plan(db, show_id)
    clock = Clock()
    controller = RunController(db, plan, RunKind.REHEARSAL, now=clock.now, wall=clock.wall)
    view = HostView(controller)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    assert "Space starts" in view.state_banner.text()
    press(qtbot, Qt.Key.Key_Space)
    clock.at = 470
    view.refresh()
    assert view.countdown.text() == "0:10"
    assert "#d0021b" in view.countdown.styleSheet()  # danger red: 10 s left
    clock.at = 485
    view.refresh()
    assert view.countdown.text() == "+0:05"  # overtime counts up
    press(qtbot, Qt.Key.Key_Plus)
    view.refresh()
    assert view.countdown.text() == "0:25"
    press(qtbot, Qt.Key.Key_Minus)
    for _ in plan.segments[1:]:
        clock.at += 60
        press(qtbot, Qt.Key.Key_Right)
    assert controller.timer.index == len(plan.segments) - 1
    clock.at += 60
    press(qtbot, Qt.Key.Key_Right)  # past the last: asked, and Enter keeps running
    box = answer_box(qtbot)
    assert box.text() == "This is the last segment. End the run now?"
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    assert controller.timer.read().phase is Phase.RUNNING
    press(qtbot, Qt.Key.Key_Right)
    box = answer_box(qtbot)
    end = next(b for b in box.buttons() if b.text() == "End the run")
    qtbot.mouseClick(end, Qt.MouseButton.LeftButton)
    assert controller.timer.read().phase is Phase.FINISHED
    assert view.title_label.text() == "The run is over"
    stored = runs.list_runs(db, show_id)[-1]
    assert stored.ended_at is not None and stored.kind is RunKind.REHEARSAL
    assert sum(e.kind is RunEventKind.SEGMENT_STARTED for e in stored.events) == len(plan.segments)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    press(qtbot, Qt.Key.Key_Escape)  # a finished run needs no question
    assert not view.isVisible()


def test_leaving_mid_run_asks_and_can_end_the_run(qtbot: QtBot, db: Database) -> None:
    show_id = editable_demo(db)
    clock = Clock()
    controller = RunController(
        db, shows.load_plan(db, show_id), RunKind.LIVE, now=clock.now, wall=clock.wall
    )
    view = HostView(controller)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    press(qtbot, Qt.Key.Key_Space)
    clock.at = 30
    press(qtbot, Qt.Key.Key_Escape)
    box = answer_box(qtbot)
    end = next(b for b in box.buttons() if b.text() == "End the run")
    qtbot.mouseClick(end, Qt.MouseButton.LeftButton)
    assert not view.isVisible()
    assert runs.interrupted_run(db, show_id) is None
    assert runs.list_runs(db, show_id)[-1].ended_at == T0 + timedelta(seconds=30)


def test_cues_due_soon_and_the_product_are_shown(qtbot: QtBot, db: Database) -> None:
    show_id = editable_demo(db)
    plan = shows.load_plan(db, show_id)
    clock = Clock()
    controller = RunController(db, plan, RunKind.REHEARSAL, now=clock.now, wall=clock.wall)
    view = HostView(controller)
    qtbot.addWidget(view)
    controller.act("toggle")
    controller.act("jump", 3)  # the first coupon drop: a floor-control cue at 0:30
    clock.at = 15
    view.refresh()
    assert "Floor control: 上架全场满199减30，1000张 — in 0:15" in view.cues.text()
    assert "全场满199减30 ×1000 at 0:30" in view.product.text()
    controller.act("jump", 2)
    view.refresh()
    assert "磁吸无线充电宝 10000mAh: ¥129, stock 3000" in view.product.text()


def test_the_presenter_screen_follows_and_flashes_the_message(qtbot: QtBot, db: Database) -> None:
    show_id = editable_demo(db)
    clock = Clock()
    controller = RunController(
        db, shows.load_plan(db, show_id), RunKind.REHEARSAL, now=clock.now, wall=clock.wall
    )
    view = HostView(controller)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.mouseClick(view.flash, Qt.MouseButton.LeftButton)
    assert view.flash.isChecked() and QApplication.focusWidget() is view
    press(qtbot, Qt.Key.Key_M)
    qtbot.keyClicks(QApplication.focusWidget(), "wrap up")
    press(qtbot, Qt.Key.Key_Return)
    presenter = view.presenter
    assert presenter is not None
    assert presenter.isVisible() and presenter.message.text() == "wrap up"
    assert presenter.flasher.isActive()
    clock.at = 100
    view.refresh()
    assert presenter.countdown.text() == "6:20"
    assert presenter.next.text().startswith("Next: 开场福袋")


def test_applying_a_rehearsal_take_is_one_undoable_edit(qtbot: QtBot, db: Database) -> None:
    show_id = editable_demo(db)
    doc = ShowDocument(db, show_id)
    before = [s.duration_s for s in doc.plan.segments]
    dialog = RehearsalResults(doc, runs.list_runs(db, show_id))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 28 and dialog.table.columnCount() == 3  # one rehearsal take
    assert dialog.table.item(0, 2).text() == "10:00 (+120 s)"
    changed = dialog.apply_take(dialog.takes[0])
    assert changed > 20
    assert doc.plan.segments[0].duration_s == 600
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "Apply rehearsed lengths"
    doc.undo_stack.undo()
    assert [s.duration_s for s in shows.load_plan(db, show_id).segments] == before


def test_rehearsal_results_close_with_a_button_and_enter_applies_nothing(
    qtbot: QtBot, db: Database
) -> None:
    show_id = editable_demo(db)
    doc = ShowDocument(db, show_id)
    dialog = RehearsalResults(doc, runs.list_runs(db, show_id))
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton)
    press(qtbot, Qt.Key.Key_Return)  # Enter closes; applying takes its own click
    assert not dialog.isVisible() and doc.undo_stack.count() == 0
    show_active(qtbot, dialog)
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close.isVisible() and close.text() == "Close"
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_runs_from_the_command_line(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--database", sqlite_url, "demo"]) == 0
    capsys.readouterr()
    assert cli.main(["--database", sqlite_url, "runs", "1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["kind"] for r in data["runs"]] == ["rehearsal", "live"]
    live = data["runs"][1]
    assert live["started"] == "2026-11-11T19:30:00"
    first = live["segments"][0]
    assert set(first) == {
        "position",
        "title",
        "planned_start",
        "planned_s",
        "actual_start",
        "actual_s",
    }
    assert (
        first["position"],
        first["planned_start"],
        first["planned_s"],
        first["actual_start"],
    ) == (
        1,
        "2026-11-11T19:30:00",
        480,
        "2026-11-11T19:30:00",
    )
    assert sum(s["actual_s"] for s in live["segments"]) > 3 * 3600 - 600
    assert cli.main(["--database", sqlite_url, "runs", "1"]) == 0
    text = capsys.readouterr().out
    assert "run 2 (live)" in text and "+/- s" in text


def test_the_editor_opens_the_timer_on_its_show(qtbot: QtBot, db: Database) -> None:
    from liveplanner.app.settings import Preferences
    from liveplanner.ui.main_window import MainWindow

    show_id = editable_demo(db)
    window = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(window)
    assert not window.run_action.isEnabled()  # no show open yet
    window.open_show(show_id)
    assert window.run_action.isEnabled() and window.run_action.shortcut().toString() == "F5"
    window.run_action.trigger()
    accept_start_dialog(qtbot, window)
    view = window.host_view
    assert isinstance(view, HostView) and view.controller.kind is RunKind.REHEARSAL
    qtbot.addWidget(view)
    assert view.windowTitle() == "Rehearsal: 双11数码配件专场"


def test_an_interrupted_run_is_offered_first(qtbot: QtBot, db: Database) -> None:

    show_id = editable_demo(db)
    clock = Clock()
    RunController(
        db, shows.load_plan(db, show_id), RunKind.LIVE, now=clock.now, wall=clock.wall
    ).act("toggle")
    interrupted = runs.interrupted_run(db, show_id)
    dialog = StartRunDialog(interrupted)
    qtbot.addWidget(dialog)
    assert dialog.resume.isChecked() and "live show" in dialog.resume.text()
    assert dialog.choice() == (RunKind.LIVE, interrupted)
    dialog.rehearsal.setChecked(True)
    assert dialog.choice() == (RunKind.REHEARSAL, None)


def test_a_show_without_segments_is_not_run(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zoneinfo import ZoneInfo

    from liveplanner.app.settings import Preferences
    from liveplanner.ui.main_window import MainWindow

    show_id = shows.create_show(
        db, "空", datetime(2026, 12, 1, 20, tzinfo=ZoneInfo("Asia/Shanghai"))
    )
    window = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(window)
    window.open_show(show_id)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    window.run_action.trigger()
    assert window.host_view is None
    assert said == ["This show has no segments yet: there is nothing to run."]


def test_a_resumed_run_logs_no_false_clock_jump_and_keeps_true_times(db: Database) -> None:
    show_id = editable_demo(db)
    plan = shows.load_plan(db, show_id)
    clock = Clock()
    RunController(db, plan, RunKind.REHEARSAL, now=clock.now, wall=clock.wall).act("toggle")
    # "Reboot": the new process's monotonic clock is far from the old one's.
    later = Clock()
    later.at = 90_000.0
    wall_now = T0 + timedelta(seconds=120)
    resumed = RunController(
        db,
        plan,
        RunKind.REHEARSAL,
        interrupted=runs.interrupted_run(db, show_id),
        now=later.now,
        wall=lambda: wall_now,
    )
    resumed.read()
    resumed.act("next")
    events = runs.list_runs(db, show_id)[-1].events
    assert RunEventKind.CLOCK_JUMP not in [e.kind for e in events]
    from liveplanner.core.clock import actual_segments, as_positions_of, timer_segments

    first = actual_segments(timer_segments(plan), as_positions_of(plan, events))[0]
    assert first.running_s == pytest.approx(120) and first.completed


def test_a_run_resumed_after_the_clock_was_set_back_while_down_has_the_same_figures_everywhere(
    db: Database, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    show_id = editable_demo(db)
    plan = shows.load_plan(db, show_id)
    clock = Clock()
    first = RunController(db, plan, RunKind.LIVE, now=clock.now, wall=clock.wall)
    first.act("toggle")
    clock.at = 100
    first.act("next")
    # The app dies at once; while it is down (10 s) the computer's clock is set back an hour.
    later = Clock()
    later.at = 50.0  # another process's monotonic clock
    wall_now = T0 + timedelta(seconds=110 - 3600)
    resumed = RunController(
        db,
        plan,
        RunKind.LIVE,
        interrupted=runs.interrupted_run(db, show_id),
        now=later.now,
        wall=lambda: wall_now + timedelta(seconds=later.at - 50.0),
    )
    reading = resumed.read()
    # No time is counted for the gap the clock says went backwards: never -3,490 s.
    assert (reading.index, reading.elapsed_s, reading.show_elapsed_s) == (1, 0, 100)
    later.at += 30
    resumed.act("next")
    run = runs.list_runs(db, show_id)[-1]
    assert [e.kind for e in run.events][-3:] == [
        RunEventKind.SEGMENT_STARTED,
        RunEventKind.STARTED,  # where the new process's clock took over
        RunEventKind.SEGMENT_STARTED,
    ]
    assert cli.main(["--database", sqlite_url, "runs", str(show_id), "--json"]) == 0
    segments = json.loads(capsys.readouterr().out)["runs"][-1]["segments"]
    assert [s["actual_s"] for s in segments[:3]] == [100, 30, 0]
    starts = [datetime.fromisoformat(s["actual_start"]) for s in segments[:3]]
    assert starts[1] - starts[0] == timedelta(seconds=100)
    spans = actual_spans(plan, run.events)  # the review's segments, on the same clock
    assert [(s.end - s.start).total_seconds() for s in spans[:2]] == [100, 30]


def test_damaged_run_log_rows_leave_runs_and_the_review_working(
    db: Database, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    show_id = editable_demo(db)
    run = runs.list_runs(db, show_id)[-1]
    with db.engine.begin() as conn:
        for sql in (
            "UPDATE run_events SET kind = 'from_a_newer_version' WHERE run_id = :run AND seq = 3",
            "UPDATE run_events SET monotonic_s = 'NaN' WHERE run_id = :run AND seq = 5",
            "UPDATE run_events SET seconds = 100000000000000, kind = 'time_added'"
            " WHERE run_id = :run AND seq = 7",
            "UPDATE run_events SET segment_position = 'x' WHERE run_id = :run AND seq = 9",
        ):
            conn.execute(text(sql), {"run": run.id})
    damaged = runs.list_runs(db, show_id)[-1]
    assert len(damaged.events) == len(run.events) - 1  # the unknown kind is left out
    assert math.isnan(damaged.events[4].monotonic_s)
    assert cli.main(["--database", sqlite_url, "runs", str(show_id), "--json"]) == 0
    actual = [s["actual_s"] for s in json.loads(capsys.readouterr().out)["runs"][-1]["segments"]]
    assert all(0 <= s <= 2 * 86_400 for s in actual if s is not None)
    assert cli.main(["--database", sqlite_url, "review", str(show_id), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["source"] == "actual"


def test_a_clock_jump_before_the_start_and_a_failed_write_do_not_stop_the_timer(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    show_id = editable_demo(db)
    clock = Clock()
    shift = {"s": 0.0}
    controller = RunController(
        db,
        shows.load_plan(db, show_id),
        RunKind.LIVE,
        now=clock.now,
        wall=lambda: clock.wall() + timedelta(seconds=shift["s"]),
    )
    view = HostView(controller)
    qtbot.addWidget(view)
    shift["s"] = 3600  # the computer's clock changes while the window waits for Space
    view.refresh()
    controller.act("toggle")
    assert controller.run_id is not None
    real = runs.log_clock_events
    failing = {"on": True}

    def flaky(*args: object, **kwargs: object) -> None:
        if failing["on"]:
            from liveplanner.storage.errors import StorageError

            raise StorageError("the disk is full")
        real(*args, **kwargs)

    monkeypatch.setattr(runs, "log_clock_events", flaky)
    clock.at = 10
    controller.act("add", 30)  # refused by the database: kept, retried at every refresh
    assert view.problem.isVisibleTo(view) and "the disk is full" in view.problem.text()
    assert controller.unsaved == 1
    assert view.ticker.isActive()  # the countdown goes on regardless
    failing["on"] = False
    clock.at = 20
    controller.act("next")  # written now, after the kept one, in order
    assert controller.unsaved == 0 and not view.problem.isVisibleTo(view)
    kinds = [e.kind for e in runs.list_runs(db, show_id)[-1].events]
    assert kinds[-2:] == [RunEventKind.TIME_ADDED, RunEventKind.SEGMENT_STARTED]


def test_time_in_a_segment_deleted_since_goes_to_no_segment_and_undo_gives_it_back(
    db: Database,
) -> None:
    from liveplanner.core.clock import actual_segments, as_positions_of, timer_segments
    from liveplanner.storage import segments

    show_id = editable_demo(db)
    deleted = shows.load_plan(db, show_id).segments[2]
    removal = segments.remove_segments(db, [deleted.id])
    plan = shows.load_plan(db, show_id)
    live = runs.list_runs(db, show_id)[1]
    done = actual_segments(timer_segments(plan), as_positions_of(plan, live.events))
    by_id = {a.segment_id: a for a in done}
    neighbour = plan.segments[2]  # the segment that now stands where the deleted one stood
    ran_before = actual_segments(
        timer_segments(shows.load_plan(db, show_id)), as_positions_of(plan, live.events)
    )
    assert (
        by_id[neighbour.id].running_s < neighbour.duration_s * 1.5
    )  # not the deleted one's time too
    assert len(ran_before) == len(plan.segments)
    segments.restore_segments(db, removal)
    restored = runs.list_runs(db, show_id)[1]
    assert any(e.segment_id == deleted.id for e in restored.events)


def test_a_take_that_stopped_partway_gives_only_the_segments_it_ran(
    qtbot: QtBot, db: Database
) -> None:
    show_id = editable_demo(db)
    doc = ShowDocument(db, show_id)
    clock = Clock()
    controller = RunController(db, doc.plan, RunKind.REHEARSAL, now=clock.now, wall=clock.wall)
    controller.act("toggle")
    clock.at = 400
    controller.act("next")
    clock.at = 400.3  # passed straight through the second segment
    controller.act("next")
    clock.at = 460
    controller.act("end")  # stopped 60 s into the third
    take = runs.list_runs(db, show_id)[-1]
    from liveplanner.ui.rehearsal.results_dialog import take_lengths

    assert take_lengths(doc, take) == {doc.plan.segments[0].id: 400}


def test_esc_in_a_text_box_clears_it_and_keeps_the_window(qtbot: QtBot, db: Database) -> None:
    show_id = editable_demo(db)
    clock = Clock()
    controller = RunController(
        db, shows.load_plan(db, show_id), RunKind.LIVE, now=clock.now, wall=clock.wall
    )
    view = HostView(controller)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    controller.act("toggle")
    view.note.setFocus()
    view.note.setText("half a note")
    qtbot.keyClick(view.note, Qt.Key.Key_Escape)
    assert view.isVisible() and view.note.text() == ""


def test_f5_with_the_timer_open_brings_it_back_instead_of_a_second_one(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liveplanner.app.settings import Preferences
    from liveplanner.ui.main_window import MainWindow

    window = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(window)
    window.open_show(editable_demo(db))
    window.run_action.trigger()
    accept_start_dialog(qtbot, window)
    first = window.host_view
    qtbot.addWidget(first)
    monkeypatch.setattr(StartRunDialog, "open", lambda self: pytest.fail("no second timer"))
    window.run_action.trigger()
    assert window.host_view is first


def test_ending_the_live_show_keeps_the_feeds_minutes_as_its_metrics(
    qtbot: QtBot, db: Database
) -> None:
    from liveplanner.app.demo import demo_plan
    from liveplanner.app.live_desk import LiveDesk
    from liveplanner.app.live_feed import FEED_SOURCE, LiveFeed

    show_id = shows.save_plan(db, demo_plan())  # a show with no metrics imported yet
    clock = Clock()
    controller = RunController(
        db, shows.load_plan(db, show_id), RunKind.LIVE, now=clock.now, wall=clock.wall
    )
    view = HostView(controller)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    press(qtbot, Qt.Key.Key_Space)
    clock.at = 150
    feed = LiveFeed(LiveDesk(db, show_id, now=clock.now, wall=clock.wall), wall=clock.wall)
    minute = (T0 + timedelta(minutes=1)).isoformat()
    assert feed.take_lines(json.dumps({"minute": minute, "online_viewers": 900})).taken == 1
    press(qtbot, Qt.Key.Key_Escape)
    box = answer_box(qtbot)
    end = next(b for b in box.buttons() if b.text() == "End the run")
    qtbot.mouseClick(end, Qt.MouseButton.LeftButton)
    source = runs_samples.import_source(db, show_id)
    assert source is not None and source.file_name == FEED_SOURCE
