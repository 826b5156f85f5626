"""The live desk in the app: floor control's window ticks a release and sets counters with real
clicks and keys during a run timed by the host's window (on an injected clock), the host's
window shows the ticks and the prompt to move on, a window with no run ticks nothing, and the
review chart marks each tick. At 1366×705, in English and in Chinese."""

import json
import threading
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QInputDialog,
    QPushButton,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot
from qt_helpers import show_active
from sqlalchemy import func, select
from test_host_view import Clock

from liveplanner.app.demo import create_demo
from liveplanner.app.live_desk import LiveDesk
from liveplanner.app.settings import Preferences
from liveplanner.core.enums import DeskEventKind, Role, RunKind
from liveplanner.core.live_desk import ItemKind
from liveplanner.storage import desk, shows
from liveplanner.storage.database import Database
from liveplanner.storage.models import DeskEventRow
from liveplanner.ui import labels
from liveplanner.ui.desk.desk_window import DeskWindow
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.rehearsal.host_view import HostView
from liveplanner.ui.rehearsal.run_controller import RunController
from liveplanner.ui.review.chart_strip import MARK_ROW
from liveplanner.ui.review.chart_ticks import ALERT_GLYPH, TICK_GLYPH
from liveplanner.ui.review.review_page import ReviewPage

SCREEN = QSize(1366, 705)
FLOOR = "王磊"  # the demo's floor control
FLASH_SALE_SEGMENT = 5  # the demo's first flash sale
SET_PRICE = {"en": "Set the price", "zh_CN": "改价"}  # the flash sale's release, in each language


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db  # conftest's fresh database, on SQLite alone here


def on_screen(qtbot: QtBot, window: QWidget) -> None:
    """The window at a laptop's usable size: it keeps that size (nothing in it asks for more)."""
    qtbot.addWidget(window)
    window.resize(SCREEN)
    show_active(qtbot, window)
    assert window.size() == SCREEN
    assert window.minimumSizeHint().boundedTo(SCREEN) == window.minimumSizeHint()


def click(qtbot: QtBot, window: QWidget, widget: QWidget) -> None:
    """A click where the widget is on screen, to whatever is under the pointer there."""
    point = widget.mapTo(window, widget.rect().center())
    under = window.childAt(point)
    assert under is widget, f"{under!r} is under the pointer, not {widget!r}"
    qtbot.mouseClick(under, Qt.MouseButton.LeftButton, pos=under.mapFrom(window, point))


def press(qtbot: QtBot, key: Qt.Key) -> None:
    target = QApplication.focusWidget()
    assert target is not None, "no widget has the keys"
    qtbot.keyClick(target, key)


class Studio:
    """The host's window timing a live run, on the test's clock, into the flash sale."""

    def __init__(self, qtbot: QtBot, db: Database) -> None:
        self.db = db
        self.show_id = create_demo(db)
        self.clock = Clock()
        plan = shows.load_plan(db, self.show_id)
        self.controller = RunController(
            db, plan, RunKind.LIVE, now=self.clock.now, wall=self.clock.wall
        )
        self.host = HostView(self.controller)
        on_screen(qtbot, self.host)
        press(qtbot, Qt.Key.Key_Space)  # the run starts
        for _ in range(FLASH_SALE_SEGMENT):
            self.clock.at += 60
            press(qtbot, Qt.Key.Key_Right)
        self.clock.at += 5

    def screen(self, qtbot: QtBot, role: Role) -> DeskWindow:
        window = DeskWindow(
            LiveDesk(self.db, self.show_id, now=self.clock.now, wall=self.clock.wall), role
        )
        on_screen(qtbot, window)
        return window

    @property
    def run_id(self) -> int:
        assert self.controller.run_id is not None
        return self.controller.run_id


def item_box(window: DeskWindow, kind: ItemKind) -> QCheckBox:
    assert window.view is not None
    key = next(s.item.key for s in window.view.items if s.item.kind is kind)
    return window.items.boxes[key]


def test_floor_control_clicks_a_release_and_the_host_sees_the_tick(
    qtbot: QtBot, db: Database, language: str
) -> None:
    studio = Studio(qtbot, db)
    floor = studio.screen(qtbot, Role.FLOOR_CONTROL)
    assert floor.view is not None and floor.view.reading.index == FLASH_SALE_SEGMENT
    assert not floor.hint.isVisible()
    price = item_box(floor, ItemKind.PRICE)
    assert price.isEnabled() and price.text().startswith(SET_PRICE[language])
    click(qtbot, floor, price)

    [event] = desk.desk_events(db, studio.run_id)
    assert (event.kind, event.item, event.actor) == (DeskEventKind.TICKED, price.key, FLOOR)
    assert price.isChecked() and FLOOR in floor.ticks.text()
    # The host's window polls the desk: the tick shows there, who and what.
    qtbot.waitUntil(lambda: FLOOR in studio.host.ticks.text())
    assert SET_PRICE[language] in studio.host.ticks.text()
    assert floor.refused.isHidden()


def test_every_item_and_control_is_reached_by_tab_and_ticked_by_keys(
    qtbot: QtBot, db: Database, language: str
) -> None:
    studio = Studio(qtbot, db)
    floor = studio.screen(qtbot, Role.FLOOR_CONTROL)
    controls = [
        *floor.items.boxes.values(),
        *floor.counters.spins.values(),
        *floor.counters.buttons.values(),
    ]
    reached: list[QWidget] = []
    first = next(iter(floor.items.boxes.values()))
    first.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(3 * len(controls)):
        reached.append(QApplication.focusWidget())
        press(qtbot, Qt.Key.Key_Tab)
    assert all(c in reached or c.lineEdit() in reached for c in controls if hasattr(c, "lineEdit"))
    assert all(c in reached for c in controls if not hasattr(c, "lineEdit"))

    listing = item_box(floor, ItemKind.LIST)
    price = item_box(floor, ItemKind.PRICE)
    listing.setFocus(Qt.FocusReason.TabFocusReason)
    press(qtbot, Qt.Key.Key_Space)
    price.setFocus(Qt.FocusReason.TabFocusReason)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)  # Enter again takes the tick back
    kinds = [(e.kind, e.item) for e in desk.desk_events(db, studio.run_id)]
    assert kinds == [
        (DeskEventKind.TICKED, listing.key),
        (DeskEventKind.TICKED, price.key),
        (DeskEventKind.UNTICKED, price.key),
    ]
    assert listing.isChecked() and not price.isChecked()


def test_the_screen_opens_with_the_keys_on_its_first_item(
    qtbot: QtBot, db: Database, language: str
) -> None:
    studio = Studio(qtbot, db)
    floor = studio.screen(qtbot, Role.FLOOR_CONTROL)
    listing = item_box(floor, ItemKind.LIST)
    assert QApplication.focusWidget() is listing
    press(qtbot, Qt.Key.Key_Space)
    [event] = desk.desk_events(db, studio.run_id)
    assert (event.kind, event.item) == (DeskEventKind.TICKED, listing.key)


def test_a_sold_out_flash_sale_prompts_the_host_to_move_on(
    qtbot: QtBot, db: Database, language: str
) -> None:
    studio = Studio(qtbot, db)
    floor = studio.screen(qtbot, Role.FLOOR_CONTROL)
    assert floor.view is not None
    [sale] = [p for p in floor.view.promos if p.kind.value == "flash_sale"]
    assert "—" in floor.counters.figures[f"promo:{sale.id}"].text()  # nobody counted: not 0
    units = floor.counters.spins[f"promo:{sale.id}"].value()
    assert units == 1000  # what the segment's release puts out (the sale's plan has 2,000)
    released = floor.counters.buttons[f"released:promo:{sale.id}"]
    assert "1,000" in released.text()
    click(qtbot, floor, released)
    assert "1,000" in floor.counters.figures[f"promo:{sale.id}"].text()
    assert studio.host.desk is not None
    hosts = studio.host.desk.desk
    qtbot.waitUntil(lambda: any(p.released == units for p in hosts.view(Role.HOST).promos))
    assert not studio.host.state_banner.isVisible()  # released, not sold out: no prompt
    sold_out = floor.counters.buttons[f"sold_out:promo:{sale.id}"]
    click(qtbot, floor, sold_out)
    said = QApplication.translate("HostDisplay", "Sold out — move on")
    qtbot.waitUntil(lambda: studio.host.state_banner.isVisible())
    assert studio.host.state_banner.text() == said
    assert (language == "zh_CN") == ("售罄" in said)
    kinds = [(e.kind, e.item) for e in desk.desk_events(db, studio.run_id)]
    assert kinds[-1] == (DeskEventKind.SOLD_OUT, f"promo:{sale.id}")


def test_a_screen_with_no_run_shows_the_plan_and_cannot_tick(
    qtbot: QtBot, db: Database, language: str
) -> None:
    show_id = create_demo(db)
    window = DeskWindow(LiveDesk(db, show_id), Role.OPS)
    on_screen(qtbot, window)
    assert window.hint.isVisible()
    assert window.view is not None  # the plan's first segment, ops' own cue in it
    assert [s for s in window.view.items if s.mine]
    boxes = list(window.items.boxes.values())
    assert boxes and not any(b.isEnabled() for b in boxes)
    qtbot.mouseClick(boxes[0], Qt.MouseButton.LeftButton, pos=boxes[0].rect().center())
    assert not boxes[0].isChecked()
    assert not any(b.isEnabled() for b in window.counters.buttons.values())
    with db.engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(DeskEventRow)) == 0


def test_a_host_screen_may_not_tick_floor_controls_release(
    qtbot: QtBot, db: Database, language: str
) -> None:
    studio = Studio(qtbot, db)
    host_screen = studio.screen(qtbot, Role.HOST)
    assert host_screen.view is not None
    boxes = [host_screen.items.boxes[s.item.key] for s in host_screen.view.items if not s.mine]
    assert boxes and not any(b.isEnabled() for b in boxes)
    qtbot.mouseClick(boxes[0], Qt.MouseButton.LeftButton, pos=boxes[0].rect().center())
    assert not boxes[0].isChecked()
    assert not host_screen.counters.buttons  # only floor control and operations count
    assert desk.desk_events(db, studio.run_id) == []


def test_a_tick_after_the_run_ended_elsewhere_is_refused_in_one_line(
    qtbot: QtBot, db: Database, language: str
) -> None:
    """The host ends the run between two of floor control's polls: the click is refused, in the
    window's language, on one line, and the box goes back as it was."""
    studio = Studio(qtbot, db)
    floor = studio.screen(qtbot, Role.FLOOR_CONTROL)
    floor.poller.stop()  # the screen has not polled since
    studio.controller.act("end")
    price = item_box(floor, ItemKind.PRICE)
    click(qtbot, floor, price)
    assert floor.refused.isVisible() and not price.isChecked()
    said = floor.refused.text()
    assert "\n" not in said and str(studio.run_id) in said
    assert ("已结束" in said) == (language == "zh_CN")
    assert desk.desk_events(db, studio.run_id) == []


def test_the_window_polls_the_database_off_the_gui_thread(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    studio = Studio(qtbot, db)
    floor = studio.screen(qtbot, Role.FLOOR_CONTROL)
    threads: list[threading.Thread] = []
    real = LiveDesk.poll

    def noted(desk: LiveDesk) -> bool:
        threads.append(threading.current_thread())
        return real(desk)

    monkeypatch.setattr(LiveDesk, "poll", noted)
    qtbot.waitUntil(lambda: len(threads) >= 2)
    assert threading.main_thread() not in threads
    floor.close()


def test_run_menu_opens_each_role_s_screen_and_a_person_s(
    qtbot: QtBot, db: Database, language: str
) -> None:
    show_id = create_demo(db)
    window = MainWindow(db, Preferences(language=language, welcomed=True))
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.open_show(show_id)
    for role, action in window.role_screen_actions.items():
        assert action.isEnabled()
        action.trigger()
        [screen] = [w for w in window.findChildren(DeskWindow) if w.isVisible()]
        assert screen.role is role and screen.person_id is None
        assert screen.who.text() == labels.role(role)
        screen.close()

    window.person_screen_action.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QInputDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QInputDialog)
    assert dialog.comboBoxItems() == ["林晓", "陈一鸣", "王磊", "赵敏", "刘洋"]
    dialog.setTextValue("赵敏")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(w.isVisible() for w in window.findChildren(DeskWindow)))
    [screen] = [w for w in window.findChildren(DeskWindow) if w.isVisible()]
    assert screen.person_id is not None and screen.who.text() == "赵敏"
    screen.close()


def test_the_review_chart_marks_each_tick(qtbot: QtBot, db: Database, language: str) -> None:
    studio = Studio(qtbot, db)
    floor = studio.screen(qtbot, Role.FLOOR_CONTROL)
    click(qtbot, floor, item_box(floor, ItemKind.LIST))
    studio.clock.at += 30
    click(qtbot, floor, item_box(floor, ItemKind.PRICE))
    floor.close()
    studio.controller.act("end")
    studio.host.close()

    page = ReviewPage(db, lag=2)
    qtbot.addWidget(page)
    page.resize(1366, 640)
    page.set_show(studio.show_id)
    show_active(qtbot, page)
    chart = page.chart
    ticks = [m for m in chart.marks.marks if m.glyph == TICK_GLYPH]
    assert len(ticks) == 2
    events = desk.desk_events(db, studio.run_id)
    assert [m.x for m in ticks] == [e.wall_time.timestamp() for e in events]
    view = chart.strip.getPlotItem().getViewBox()
    at = chart.strip.mapFromScene(view.mapViewToScene(QPointF(ticks[1].x, -MARK_ROW / 2)))
    qtbot.mouseMove(chart.strip.viewport(), at)
    qtbot.waitUntil(lambda: QToolTip.isVisible() and f"{FLOOR} · " in QToolTip.text())
    assert SET_PRICE[language] in QToolTip.text()


PACE_BEHIND = {"en": "behind the pace to target", "zh_CN": "落后目标进度"}


def test_the_review_chart_marks_the_alerts_the_live_feed_raised(
    qtbot: QtBot, db: Database, language: str
) -> None:
    studio = Studio(qtbot, db)
    # As the live feed writes one: its name and its headline figure (fen short of the pace).
    desk.log_desk_event(
        db,
        studio.run_id,
        DeskEventKind.ALERT,
        studio.clock.wall(),
        "alert:pace_behind",
        "liveplanner",
        1_234_500,
    )
    studio.controller.act("end")
    studio.host.close()
    page = ReviewPage(db, lag=2)
    qtbot.addWidget(page)
    page.resize(1366, 640)
    page.set_show(studio.show_id)
    show_active(qtbot, page)
    [alert] = [m for m in page.chart.marks.marks if m.glyph == ALERT_GLYPH]
    assert alert.x == studio.clock.wall().timestamp()
    assert PACE_BEHIND[language] in alert.text and "12,345" in alert.text


def test_buttons_on_floor_controls_screen_are_in_view(
    qtbot: QtBot, db: Database, language: str
) -> None:
    studio = Studio(qtbot, db)
    floor = studio.screen(qtbot, Role.FLOOR_CONTROL)
    for button in floor.findChildren(QPushButton):
        corner = button.mapTo(floor, QPoint(button.width() - 1, button.height() - 1))
        assert floor.rect().contains(corner), button.text()
        assert button.visibleRegion().boundingRect() == button.rect(), button.text()


def test_floor_control_types_units_sold_and_presses_enter_on_sold_n(
    qtbot: QtBot, db: Database, language: str
) -> None:
    studio = Studio(qtbot, db)
    floor = studio.screen(qtbot, Role.FLOOR_CONTROL)
    assert floor.view is not None
    product = floor.view.products[0]
    key = f"product:{product.id}"
    assert product.sold is None and "—" in floor.counters.figures[key].text()
    spin = floor.counters.spins[key]
    spin.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "120")
    press(qtbot, Qt.Key.Key_Tab)
    button = floor.counters.buttons[f"sold:{key}"]
    assert QApplication.focusWidget() is button and "120" in button.text()
    press(qtbot, Qt.Key.Key_Return)
    [event] = desk.desk_events(db, studio.run_id)
    assert (event.kind, event.item, event.quantity) == (DeskEventKind.SOLD, key, 120)
    assert floor.view.products[0].sold == 120
    assert f"{(product.stock or 0) - 120:,}" in floor.counters.figures[key].text()


ONLINE_NOW = {"en": "Online now 2,400", "zh_CN": "当前在线 2,400"}


def test_each_screen_shows_the_feeds_figures_and_curve_as_they_come(
    qtbot: QtBot, db: Database, language: str
) -> None:
    from liveplanner.app.live_feed import LiveFeed

    studio = Studio(qtbot, db)
    floor = studio.screen(qtbot, Role.FLOOR_CONTROL)
    assert floor.figures.curve.points == []  # nothing fed yet: no curve, no figure
    feed = LiveFeed(
        LiveDesk(db, studio.show_id, now=studio.clock.now, wall=studio.clock.wall),
        wall=studio.clock.wall,
    )
    start = studio.clock.wall() - timedelta(seconds=studio.clock.at)
    lines = [
        json.dumps(
            {"minute": (start + timedelta(minutes=m)).isoformat(), "online_viewers": 1000 + 200 * m}
        )
        for m in range(8)
    ]
    assert feed.take_lines("\n".join(lines)).taken == 8
    qtbot.waitUntil(lambda: len(floor.figures.curve.points) == 8)  # the next poll brings them
    assert floor.figures.online.text() == ONLINE_NOW[language]
    assert floor.figures.curve.points[0] == (1000, None)  # no GMV fed: a gap, never 0
    floor.close()


def test_the_countdown_s_digits_fit_the_room_a_long_title_leaves_it(
    qtbot: QtBot, db: Database, language: str
) -> None:
    from PySide6.QtGui import QFontMetrics

    studio = Studio(qtbot, db)
    floor = studio.screen(qtbot, Role.FLOOR_CONTROL)
    clock = floor.countdown
    # A short window (or a title in two lines) leaves the clock less than its share's font.
    floor.resize(SCREEN.width(), 560)
    qtbot.waitUntil(lambda: clock.height() < 0.24 * 560)
    drawn = QFontMetrics(clock.font()).tightBoundingRect(clock.text())
    assert drawn.height() <= clock.height() and drawn.width() <= clock.width()
    floor.resize(SCREEN)  # room again: the clock grows back to the window's share
    qtbot.waitUntil(lambda: clock.font().pixelSize() > drawn.height())
