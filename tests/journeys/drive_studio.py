"""The studio, by hand (issue 21's rehearsal of the whole desk): the host times the live show
from the timer window; floor control opens its own screen from Run ▸ Role screens and ticks a
release with the keys; the screens are shared on the studio network and follow a screen
logger's file as it grows; the host sees the tick, floor control the figures and their curve, an
alert is raised when the room empties; the host ends the show and the review marks the tick and
the alert on its chart, over the feed's minutes."""

import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

from person import Person
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from studio_clock import StudioClock

from liveplanner.app.demo import demo_plan
from liveplanner.core.enums import DeskEventKind, Role
from liveplanner.core.plan import time_zone
from liveplanner.storage import desk, samples, shows
from liveplanner.ui.desk.desk_window import DeskWindow
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.review.chart_ticks import ALERT_GLYPH, TICK_GLYPH

KEY = Qt.Key
ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
FLOOR = "王磊"  # the demo's floor control
FLASH_SALE_SEGMENT = 5  # the demo's first flash sale: its releases are floor control's
# The screen logger's minutes before the show (a logger starts before the timer): the room
# fills, then half of it leaves in five minutes, which the viewers-drop alert (20 % in 5 minutes
# by default) must catch.
VIEWERS = [2600, 3000, 2900, 2400, 2000, 1500]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def logger_lines(now: datetime, zone: str) -> str:
    """A screen logger's CSV, as Douyin's words name its columns, a line a minute up to `now`."""
    first = now.astimezone(time_zone(zone)) - timedelta(minutes=len(VIEWERS))
    lines = ["时间,实时在线人数,成交金额"]
    for step, online in enumerate(VIEWERS):
        minute = (first + timedelta(minutes=step)).strftime("%Y-%m-%d %H:%M")
        lines.append(f"{minute},{online},{120 * (step + 1)}")
    return "\n".join(lines) + "\n"


def test_studio(person: Person, window: MainWindow, clock: StudioClock, tmp_path: Path) -> None:
    db = window.db
    assert db is not None
    show_id = shows.save_plan(db, demo_plan())  # the demo's script, before its show
    person.open_show(window, show_id)

    # The host: F5, the live show chosen by its key, Space, and → to the flash sale.
    def go_live(dialog: QWidget) -> None:
        person.press(KEY.Key_L, ALT)
        person.wait_for(lambda: dialog.live.isChecked(), "Alt+L chooses the live show")
        person.shot("live-chosen")
        person.press(KEY.Key_Return)

    person.when_dialog_opens(go_live)
    person.press(KEY.Key_F5)
    person.wait_for(lambda: window.host_view is not None, "F5 opens the timer")
    host = window.host_view
    assert host is not None
    person.wait_for(lambda: QApplication.activeWindow() is host, "the timer comes to the front")
    person.press(KEY.Key_Space)
    run_id = host.controller.run_id
    assert run_id is not None
    for _ in range(FLASH_SALE_SEGMENT):
        clock.now += 60
        person.press(KEY.Key_Right)
    assert host.controller.timer.read().index == FLASH_SALE_SEGMENT
    person.shot("timing")

    # Back to the show's window (as Alt+Tab would), to share the screens and follow the logger.
    window.activateWindow()
    person.wait_for(lambda: QApplication.activeWindow() is window, "the show's window is in front")
    logger = tmp_path / "screen-logger.csv"
    logger.write_text("时间,实时在线人数,成交金额\n", encoding="utf-8")  # started, nothing yet

    def share(dialog: QWidget) -> None:
        person.press(KEY.Key_A, ALT)  # the address: loopback, by typing its first figures
        person.type("127")
        person.press(KEY.Key_P, ALT)
        person.press(KEY.Key_A, CTRL)
        person.type(str(free_port()))
        person.press(KEY.Key_S, ALT)
        person.wait_for(lambda: window.sharing is not None, "sharing starts")
        person.when_dialog_opens(person.choose_file(logger))
        person.press(KEY.Key_F, ALT)
        person.wait_for(lambda: logger.name in dialog.message.text(), "the logger is followed")
        person.shot("sharing")
        person.press(KEY.Key_Escape)

    person.when_dialog_opens(share)
    person.press(KEY.Key_R, ALT)
    person.press(KEY.Key_H)
    person.wait_for(lambda: QApplication.activeWindow() is window, "the dialog hands back the keys")
    assert window.sharing is not None
    assert "floor_control" in window.sharing[1].roles

    # Floor control's own screen: Run ▸ Role screens ▸ Floor control, by the menus' keys.
    person.press(KEY.Key_R, ALT)
    person.press(KEY.Key_L)
    person.press(KEY.Key_F)
    person.wait_for(
        lambda: isinstance(QApplication.activeWindow(), DeskWindow), "floor control's screen opens"
    )
    floor = QApplication.activeWindow()
    assert isinstance(floor, DeskWindow) and floor.role is Role.FLOOR_CONTROL
    person.wait_for(
        lambda: floor.view is not None and floor.view.reading.index == FLASH_SALE_SEGMENT,
        "floor control's screen follows the host's timer",
    )
    assert floor.items.boxes, "floor control sees its cues and releases to tick"
    person.press(KEY.Key_Space)  # the first release, which has the keys as the screen opens
    [tick] = [e for e in desk.desk_events(db, run_id) if e.kind is DeskEventKind.TICKED]
    assert tick.actor == FLOOR
    person.wait_for(lambda: FLOOR in host.ticks.text(), "the host's timer shows the tick")

    # The logger writes its minutes: the screens show them; the room emptying raises an alert.
    with logger.open("a", encoding="utf-8") as growing:
        growing.write(logger_lines(datetime.now(UTC), db_zone(window)).split("\n", 1)[1])
    person.wait_for(
        lambda: len(floor.figures.curve.points) == len(VIEWERS), "floor control sees the curve"
    )
    assert "1,500" in floor.figures.online.text()
    person.wait_for(
        lambda: any(e.kind is DeskEventKind.ALERT for e in desk.desk_events(db, run_id)),
        "the viewers' drop raises an alert",
    )
    person.shot("floor-control")

    # The host ends the show: Esc, then End the run.
    floor.close()
    person.click(host)
    person.when_dialog_opens(lambda dialog: person.click_button(dialog, host.tr("End the run")))
    person.press(KEY.Key_Escape)
    person.wait_for(lambda: window.host_view is None, "the show is ended")
    assert window.sharing is None, "the sharing ends with the run"
    minutes = samples.load_metrics(db, show_id)
    assert len(minutes[minutes["metric"] == "online_viewers"]) == len(VIEWERS), (
        "the feed's minutes are the show's metrics"
    )

    # The lead's review: the tick and the alert on the chart.
    person.press(KEY.Key_R, CTRL)
    person.wait_for(
        lambda: window.review_page is not None and window.review_page.review is not None,
        "the review opens",
    )
    chart = window.review_page.chart
    (low, high), _ = chart.strip.getPlotItem().getViewBox().viewRange()
    seen = {m.glyph for m in chart.marks.marks if low <= m.x <= high}
    assert {TICK_GLYPH, ALERT_GLYPH} <= seen, "the tick and the alert are on the chart, in view"
    assert high - low < 13 * 3600, "the plan is laid on the run's day, not weeks before it"
    person.shot("review")


def db_zone(window: MainWindow) -> str:
    assert window.editor is not None
    return window.editor.doc.plan.show.time_zone
