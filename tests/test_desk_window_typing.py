"""Floor control types the platform's figures in its role window (online viewers now, GMV so
far in yuan) with real keys: they go to the live feed as a page's would and show in the figures
and the curve; hostile values are refused in one line in the window's language, changing
nothing; screens that do not count see no fields. And the window's words follow a change of
language without reopening it. At 1366×705, in English and in Chinese, with the app's error
hook watching."""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from test_desk_window import FLOOR, Studio, click, on_screen, press

from liveplanner.app.live_desk import LiveDesk
from liveplanner.app.settings import Preferences
from liveplanner.core.enums import DeskEventKind, Role
from liveplanner.storage import desk, shows
from liveplanner.storage import feed as feed_store
from liveplanner.storage.database import Database
from liveplanner.ui.crash_dialog import CrashReporter
from liveplanner.ui.desk.desk_window import DeskWindow
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.translators import drop_language

# The app's own error hook sees what a user would: pytest-qt's capture stands aside for it.
pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db  # conftest's fresh database, on SQLite alone here


class RecordingReporter(CrashReporter):
    """The app's error hook, noting instead of showing its dialog."""

    def __init__(self, log_path: Path) -> None:
        super().__init__(log_path, lambda: None)
        self.problems: list[str] = []

    def tell(self, where: str, details: str) -> None:
        self.problems.append(f"the error hook was reached at {where}:\n{details}")


@pytest.fixture(autouse=True)
def error_hook(tmp_path: Path, qapp: QApplication) -> Iterator[RecordingReporter]:
    reporter = RecordingReporter(tmp_path / "app.log")
    reporter.install()
    try:
        yield reporter
        QApplication.processEvents()  # the hook tells in a queued call
        assert reporter.problems == []
    finally:
        reporter.uninstall()


def typed_events(db: Database, run_id: int) -> list[tuple[str, int | None]]:
    return [
        (e.item, e.quantity) for e in desk.desk_events(db, run_id) if e.kind is DeskEventKind.TYPED
    ]


def tab_to(qtbot: QtBot, window: QWidget, target: QWidget) -> None:
    """Tab from wherever the keys are until they reach `target`, as a user would."""
    for _ in range(60):
        if QApplication.focusWidget() is target:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target!r} in {window.windowTitle()!r}")


def type_into_focused(qtbot: QtBot, text: str) -> None:
    """Type as a person does: Latin keys one by one, Chinese ("万") as an input method commits
    it."""
    focused = QApplication.focusWidget()
    assert focused is not None
    for char in text:
        if char.isascii():
            qtbot.keyClicks(focused, char)
        else:
            commit = QInputMethodEvent()
            commit.setCommitString(char)
            QApplication.sendEvent(focused, commit)


ONLINE_SHOWN = {"en": "Online now 2,400", "zh_CN": "当前在线 2,400"}


def test_floor_control_types_both_figures_by_keys_and_they_show_as_the_feed_s(
    qtbot: QtBot, db: Database, language: str
) -> None:
    studio = Studio(qtbot, db)
    floor = studio.screen(qtbot, Role.FLOOR_CONTROL)
    typing = floor.typing
    assert typing.isVisible() and typing.isEnabled()
    assert floor.figures.curve.points == []
    tab_to(qtbot, floor, typing.online)  # from the first item, where the window opens
    type_into_focused(qtbot, "2,400")
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is typing.gmv
    type_into_focused(qtbot, "5.6万")
    press(qtbot, Qt.Key.Key_Return)

    assert sorted(typed_events(db, studio.run_id)) == [
        ("feed:gmv", 5_600_000),
        ("feed:online_viewers", 2_400),
    ]
    typed = [e for e in desk.desk_events(db, studio.run_id) if e.kind is DeskEventKind.TYPED]
    assert [e.actor for e in typed] == [FLOOR, FLOOR]
    assert typing.online.text() == "" and typing.gmv.text() == ""  # ready for the next
    assert floor.refused.isHidden()
    qtbot.waitUntil(lambda: floor.figures.online.text() == ONLINE_SHOWN[language])
    assert "¥56,000" in floor.figures.gmv.text()
    assert floor.figures.curve.points[-1] == (2_400, 5_600_000)
    # A later GMV so far counts from the one before; the button sends as Enter does.
    studio.clock.at += 60
    typing.gmv.setFocus(Qt.FocusReason.TabFocusReason)
    type_into_focused(qtbot, "60,000")
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is typing.send
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "¥60,000" in floor.figures.gmv.text())
    assert sum(v for _, m, v in feed_store.feed_samples(db, studio.run_id) if m == "gmv") == (
        6_000_000
    )


def test_alt_keys_reach_the_fields_and_clash_with_no_tick_key(
    qtbot: QtBot, db: Database, language: str
) -> None:
    studio = Studio(qtbot, db)
    floor = studio.screen(qtbot, Role.FLOOR_CONTROL)
    first = QApplication.focusWidget()
    assert first in floor.items.boxes.values()  # the ticks' keys start on the first item
    qtbot.keyClick(first, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is floor.typing.online
    type_into_focused(qtbot, "12 ")  # a space typed in a field is the field's, not a tick
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is floor.typing.gmv
    assert desk.desk_events(db, studio.run_id) == []  # no tick, nothing typed
    assert floor.typing.online.text() == "12 "


# What each refusal says, in each language: the field as the window names it, then what was
# typed ({value}), never a feed's line or its metric names.
SAYS = {
    "desk.nothing_typed": {"en": "nothing to send", "zh_CN": "没有可提交的数据"},
    "feed.typed.online.negative": {
        "en": "Online now: “{value}” is below zero; type the count watching",
        "zh_CN": "当前在线：“{value}”小于零；请填写在线人数",
    },
    "feed.typed.online.not_a_number": {
        "en": "Online now: “{value}” is not a number; type the count watching, such as 2,400",
        "zh_CN": "当前在线：“{value}”不是数字；请填写在线人数，例如 2,400 或 0.5万",
    },
    "feed.typed.gmv.not_a_number": {
        "en": "GMV so far: “{value}” is not a number; type the yuan taken so far, such as 56,000",
        "zh_CN": "累计成交额：“{value}”不是数字；请填写累计成交额（元），例如 56,000 或 5.6万",
    },
    "feed.typed.gmv.negative": {
        "en": "GMV so far: “{value}” is below zero",
        "zh_CN": "累计成交额：“{value}”小于零",
    },
    "feed.typed.online.out_of_range": {
        "en": "Online now: “{value}” is past 1,000,000,000,000, more than any show has",
        "zh_CN": "当前在线：“{value}”超过 1,000,000,000,000，多于任何一场直播",
    },
}
FEED_WORDS = re.compile(r"\bline\b|online_viewers|\bgmv\b|行")


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("online", "", "desk.nothing_typed"),
        ("online", "-5", "feed.typed.online.negative"),
        ("online", "abc", "feed.typed.online.not_a_number"),
        ("gmv", "1e20", "feed.typed.gmv.not_a_number"),
        ("gmv", "-0.5", "feed.typed.gmv.negative"),
        ("online", "2,000,000,000,000", "feed.typed.online.out_of_range"),
    ],
)
def test_a_hostile_figure_is_refused_in_one_line_and_changes_nothing(
    qtbot: QtBot, db: Database, language: str, field: str, value: str, code: str
) -> None:
    studio = Studio(qtbot, db)
    floor = studio.screen(qtbot, Role.FLOOR_CONTROL)
    box = getattr(floor.typing, field)
    box.setFocus(Qt.FocusReason.TabFocusReason)
    type_into_focused(qtbot, value)
    press(qtbot, Qt.Key.Key_Return)
    said = floor.refused.text()
    assert floor.refused.isVisible() and said and "\n" not in said
    if value:
        assert value in said  # it names what was typed
    assert said.startswith(SAYS[code][language].format(value=value)), said
    assert not FEED_WORDS.search(said), said
    assert (language == "zh_CN") == _has_chinese(said.replace(value, ""))
    assert box.text() == value  # kept, for the user to put right
    assert QApplication.focusWidget() is (box if value else floor.typing.online)
    assert typed_events(db, studio.run_id) == []
    assert feed_store.feed_samples(db, studio.run_id) == []
    # Put right, it goes, and the refusal goes with it.
    box.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_into_focused(qtbot, "5万")
    press(qtbot, Qt.Key.Key_Return)
    assert floor.refused.isHidden()
    metric = "online_viewers" if field == "online" else "gmv"
    assert typed_events(db, studio.run_id) == [
        (f"feed:{metric}", 50_000 if field == "online" else 5_000_000)
    ]


def test_a_gmv_below_what_was_counted_is_refused_as_the_field_s(
    qtbot: QtBot, db: Database, language: str
) -> None:
    studio = Studio(qtbot, db)
    floor = studio.screen(qtbot, Role.FLOOR_CONTROL)
    floor.typing.gmv.setFocus(Qt.FocusReason.TabFocusReason)
    type_into_focused(qtbot, "6万")
    press(qtbot, Qt.Key.Key_Return)
    assert floor.refused.isHidden()
    studio.clock.at += 60
    type_into_focused(qtbot, "50,000")
    press(qtbot, Qt.Key.Key_Return)
    said = floor.refused.text()
    assert said.startswith(
        {
            "en": "GMV so far: ¥50000 is less than the ¥60000 counted before this minute; "
            "type the show’s total so far",
            "zh_CN": "累计成交额：¥50000 少于这一分钟之前已计入的 ¥60000；请填写本场至今的累计",
        }[language]
    ), said
    assert floor.typing.gmv.text() == "50,000" and QApplication.focusWidget() is floor.typing.gmv
    assert typed_events(db, studio.run_id) == [("feed:gmv", 6_000_000)]


def test_screens_that_do_not_count_see_no_fields(qtbot: QtBot, db: Database, language: str) -> None:
    studio = Studio(qtbot, db)
    for role in Role:
        screen = studio.screen(qtbot, role)
        counts = role in (Role.FLOOR_CONTROL, Role.OPS)
        assert screen.typing.isVisible() == counts, role
        assert all(w.isVisible() == counts for w in screen.typing.fields.values()), role
        screen.close()
    plan = shows.load_plan(db, studio.show_id)
    people = {p.name: p.id for p in plan.people}
    for name, counts in ((FLOOR, True), ("赵敏", False)):
        desk_ = LiveDesk(db, studio.show_id, now=studio.clock.now, wall=studio.clock.wall)
        screen = DeskWindow(desk_, None, people[name])
        on_screen(qtbot, screen)
        assert screen.typing.isVisible() == counts, name
        screen.close()


def test_with_no_run_the_fields_take_nothing(qtbot: QtBot, db: Database, language: str) -> None:
    from liveplanner.app.demo import create_demo

    show_id = create_demo(db)
    window = DeskWindow(LiveDesk(db, show_id), Role.OPS)
    on_screen(qtbot, window)
    assert window.typing.isVisible() and not window.typing.isEnabled()
    assert not window.typing.online.isEnabled() and not window.typing.send.isEnabled()


def _texts(window: DeskWindow) -> list[str]:
    """Every word the window shows: its title, labels, buttons and the boxes' words."""
    labels = [w.text() for w in window.findChildren(QWidget) if hasattr(w, "text")]
    shown = [t for t in labels if isinstance(t, str) and t.strip()]
    placeholders = [f.placeholderText() for f in window.typing.fields.values()]
    return [window.windowTitle(), *shown, *placeholders]


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


ENGLISH_WORDS = (
    "Floor control",
    "Last ticks",
    "Checklist and cues",
    "Products and promos",
    "The show's figures",
    "&Online now",
    "Send",
    "Sold out",
    "Set the price",
    "LIVE",
)


def test_an_open_role_window_follows_view_language_both_ways(
    qtbot: QtBot, db: Database, qapp: QApplication
) -> None:
    """View ▸ Language on the main window (its real path: the translators swapped, every
    window told), with floor control's window open beside it, a refusal on show and the host's
    sold-out prompt up: every word switches without reopening, and back."""
    drop_language()
    studio = Studio(qtbot, db)
    main = MainWindow(db, Preferences(language="en", welcomed=True))
    qtbot.addWidget(main)
    floor = DeskWindow(
        LiveDesk(db, studio.show_id, now=studio.clock.now, wall=studio.clock.wall),
        Role.FLOOR_CONTROL,
        parent=main,
    )
    on_screen(qtbot, floor)
    assert floor.view is not None
    [sale] = [p for p in floor.view.promos if p.kind.value == "flash_sale"]
    click(qtbot, floor, floor.counters.buttons[f"sold_out:promo:{sale.id}"])
    qtbot.waitUntil(lambda: studio.host.state_banner.isVisible())
    floor.typing.online.setFocus(Qt.FocusReason.TabFocusReason)
    type_into_focused(qtbot, "abc")
    press(qtbot, Qt.Key.Key_Return)
    english = _texts(floor)
    joined = "\n".join(english)
    assert all(word in joined for word in ENGLISH_WORDS), joined
    assert not _has_chinese(floor.refused.text())
    banner = studio.host.state_banner.text()
    try:
        main.set_language("zh_CN")
        qtbot.waitUntil(lambda: floor.who.text() == "场控")
        chinese = _texts(floor)
        joined = "\n".join(chinese)
        assert not [w for w in ENGLISH_WORDS if w in joined], joined
        for made in ("最近勾选", "本场数据", "当前在线(&O)", "提交", "售罄", "改价"):
            assert made in joined, made
        assert _has_chinese(floor.windowTitle()) and _has_chinese(floor.refused.text())
        assert floor.refused.text() != english[-1]
        assert "abc" in floor.refused.text() and floor.typing.online.text() == "abc"
        qtbot.waitUntil(lambda: studio.host.state_banner.text() != banner)
        assert _has_chinese(studio.host.state_banner.text())
        main.set_language("en")
        qtbot.waitUntil(lambda: floor.who.text() == "Floor control")
        assert sorted(_texts(floor)) == sorted(english)
        qtbot.waitUntil(lambda: studio.host.state_banner.text() == banner)
    finally:
        drop_language()
    assert [b.text() for b in floor.findChildren(QPushButton) if b.text()]
