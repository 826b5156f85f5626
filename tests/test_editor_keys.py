"""The producer's script editor driven by keys and the mouse, as a person drives it: shortcuts
that never collide, inserting and deleting while typing, the frozen first columns."""

import re
from collections import defaultdict
from datetime import datetime
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from demo_helpers import editable_demo
from PySide6.QtCore import QObject, QPoint, QRect, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QMenu,
    QScrollBar,
    QStyle,
    QStyleOptionSlider,
    QWidget,
)
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from liveplanner.app.settings import Preferences
from liveplanner.core.enums import Platform, RunKind
from liveplanner.core.templates import Template
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.ui.editor.frozen_table import FrozenColumnsTable
from liveplanner.ui.editor.segment_model import SegmentTableModel as S
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.translators import drop_language, use_language

START = datetime(2026, 12, 12, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db  # conftest's fresh database, on SQLite alone here


@pytest.fixture
def window(qtbot: QtBot, db: Database) -> MainWindow:
    main = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(main)
    return main


def press(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
    """A key pressed where the keyboard is: the focused widget, or an open menu."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert target is not None, "no widget has the keyboard"
    qtbot.keyClick(target, key, modifiers)
    # What a key starts later in the same turn of the event loop (Enter in a cell commits it
    # there) is done before the next key, as it is for a person typing.
    QApplication.processEvents()


def type_text(qtbot: QtBot, text: str) -> None:
    for char in text:
        qtbot.keyClicks(QApplication.focusWidget(), char)
        QApplication.processEvents()


# Shortcuts: no key may mean two things where it can be pressed


def _owners(widget: QWidget) -> list[QWidget]:
    """The widgets an action added to `widget` is live through: a menu stands for the widgets its
    own menu action sits in (the menu bar, a parent menu)."""
    if isinstance(widget, QMenu):
        return _widgets_of(widget.menuAction())
    return [widget]


def _widgets_of(action: QAction) -> list[QWidget]:
    return [w for o in action.associatedObjects() if isinstance(o, QWidget) for w in _owners(o)]


def _live_for(shortcut: QObject, focus: QWidget, window: QWidget) -> bool:
    """Whether Qt would consider `shortcut` (a QAction or a QShortcut) when `focus` has the
    keyboard in `window`: the rule of its shortcut context."""
    if isinstance(shortcut, QShortcut):
        owners, context = [shortcut.parent()], shortcut.context()
    else:
        owners = _widgets_of(shortcut)
        context = shortcut.shortcutContext()
    for owner in owners:
        if owner is None or owner.window() is not window:
            continue
        if context in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
            return True
        if context is Qt.ShortcutContext.WidgetShortcut and owner is focus:
            return True
        if context is Qt.ShortcutContext.WidgetWithChildrenShortcut and (
            owner is focus or owner.isAncestorOf(focus)
        ):
            return True
    return False


def key_clashes(window: QWidget) -> list[str]:
    """Every key sequence that two shortcuts of `window` answer to at once, for some widget that
    can have the keyboard; Qt calls such a key ambiguous and runs neither."""
    shortcuts: list[QObject] = [*window.findChildren(QAction), *window.findChildren(QShortcut)]
    for widget in [window, *window.findChildren(QWidget)]:
        shortcuts += [a for a in widget.actions() if a not in shortcuts]
    keyed = [
        (s, key.toString(QKeySequence.SequenceFormat.PortableText))
        for s in shortcuts
        for key in (s.keys() if isinstance(s, QShortcut) else s.shortcuts())
        if not key.isEmpty()
    ]
    assert keyed, "the walk found no shortcuts at all"
    clashes = set()
    for focus in [window, *window.findChildren(QWidget)]:
        by_key: dict[str, set[str]] = defaultdict(set)
        for shortcut, key in keyed:
            if _live_for(shortcut, focus, window):
                name = shortcut.text() if isinstance(shortcut, QAction) else repr(shortcut)
                by_key[key].add(f"{name}#{id(shortcut)}")
        clashes |= {f"{key}: {sorted(names)}" for key, names in by_key.items() if len(names) > 1}
    return sorted(clashes)


def test_no_key_of_the_main_window_or_the_timer_window_runs_two_actions(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    from liveplanner.ui.rehearsal.start_dialog import StartRunDialog

    assert key_clashes(window) == []  # the show list
    window.open_show(editable_demo(db))
    assert window.editor.table.actions(), "the editor's table keys are part of the walk"
    assert key_clashes(window) == []  # the editor, with its table's and panels' keys
    show_active(qtbot, window)
    press(qtbot, Qt.Key.Key_F5)  # Run ▸ Rehearse or run… asks rehearsal or live first
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), StartRunDialog))
    press(qtbot, Qt.Key.Key_Return)  # a rehearsal, the dialog's first choice
    qtbot.waitUntil(lambda: window.host_view is not None)
    timer = window.host_view
    qtbot.addWidget(timer)
    assert timer.controller.kind is RunKind.REHEARSAL
    assert key_clashes(timer) == []


def _alt_letter(text: str) -> str | None:
    """The letter Alt opens an item with: the one after a single &."""
    found = re.search(r"&([^&])", text)
    return found.group(1).lower() if found else None


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_two_items_of_a_menu_open_with_the_same_alt_letter(
    qtbot: QtBot, db: Database, language: str
) -> None:
    use_language(language)
    try:
        window = MainWindow(db, Preferences(language=language))
        qtbot.addWidget(window)
        window.open_show(editable_demo(db))  # the Segment menu fills with the editor's items
        clashes = []
        for menu in [window.menuBar(), *window.menuBar().findChildren(QMenu)]:
            by_letter: dict[str, list[str]] = defaultdict(list)
            for action in menu.actions():
                letter = _alt_letter(action.text())
                if letter is not None and action.isVisible():
                    by_letter[letter].append(action.text())
            where = menu.title() if isinstance(menu, QMenu) else "menu bar"
            clashes += [f"{where}: {t}" for t in by_letter.values() if len(t) > 1]
        assert clashes == []
    finally:
        drop_language()


def test_the_walk_finds_a_key_given_twice(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    for text in ("one", "two"):
        action = QAction(text, widget)
        action.setShortcut(QKeySequence("Ctrl+I"))
        widget.addAction(action)
    names = sorted(f"{a.text()}#{id(a)}" for a in widget.actions())
    assert key_clashes(widget) == [f"Ctrl+I: {names}"]


def test_ctrl_i_in_the_segment_table_inserts_a_segment_and_ctrl_shift_i_imports_metrics(
    qtbot: QtBot, window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liveplanner.ui.review.import_dialog import MetricsImportDialog

    opened: list[MetricsImportDialog] = []
    monkeypatch.setattr(MetricsImportDialog, "exec", lambda self: opened.append(self) or 0)
    show_id = editable_demo(db)
    window.list_page.reload()
    show_active(qtbot, window)
    press(qtbot, Qt.Key.Key_I, CTRL | SHIFT)  # on the show list: no show to import into
    assert opened == [] and not window.import_metrics_action.isEnabled()  # greyed in the menu

    window.list_page.select_show(show_id)
    press(qtbot, Qt.Key.Key_O, CTRL)  # open it
    editor = window.editor
    doc = editor.doc
    # The show was on air: its lock bar shows, and the keyboard is still in the table.
    assert editor.lock_bar.isVisible() and QApplication.activeWindow() is window
    assert QApplication.focusWidget() is editor.table
    before = len(doc.plan.segments)
    press(qtbot, Qt.Key.Key_I, CTRL)
    assert len(doc.plan.segments) == before + 1
    assert doc.plan.segments[1].title == "New segment"  # after the chosen first one
    press(qtbot, Qt.Key.Key_Escape)  # leave the new title as it is
    assert QApplication.focusWidget() is editor.table

    press(qtbot, Qt.Key.Key_I, CTRL | SHIFT)
    assert len(opened) == 1 and opened[0].parent() is window
    assert len(doc.plan.segments) == before + 1  # and no second insert


# Deleting the segment whose title is being typed


@pytest.mark.parametrize("how", ["menu by keys", "menu by mouse"])
def test_deleting_a_new_segment_while_its_title_is_typed_deletes_it_alone_without_an_error(
    qtbot: QtBot, window: MainWindow, db: Database, how: str
) -> None:
    show_id = editable_demo(db)
    window.open_show(show_id)
    show_active(qtbot, window)
    doc = window.editor.doc
    before = [s.id for s in doc.plan.segments]
    press(qtbot, Qt.Key.Key_I, CTRL)
    assert doc.plan.segments[1].title == "New segment"
    type_text(qtbot, "Warm-up")  # no Enter: the title is still being typed
    if how == "menu by keys":
        press(qtbot, Qt.Key.Key_S, ALT)
        assert QApplication.activePopupWidget() is window.segment_menu
        press(qtbot, Qt.Key.Key_D)  # &Delete segments
    else:
        bar = window.menuBar()
        menu = window.segment_menu
        qtbot.mouseClick(
            bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu.menuAction()).center()
        )
        qtbot.waitUntil(menu.isVisible)
        place = menu.actionGeometry(window.editor.delete_action).center()
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=place)
    assert [s.id for s in doc.plan.segments] == before  # the new one went, and only it
    assert [s.id for s in shows.load_plan(db, show_id).segments] == before
    assert window.editor.notice.isHidden()
    assert window.undo_action.text() == "&Undo Delete 1 segment(s)"


def test_ctrl_del_while_a_title_is_typed_edits_the_text_and_after_esc_deletes_the_segment(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    window.open_show(editable_demo(db))
    show_active(qtbot, window)
    editor = window.editor
    doc = editor.doc
    before = [s.id for s in doc.plan.segments]
    press(qtbot, Qt.Key.Key_I, CTRL)
    type_text(qtbot, "Warm up")
    press(qtbot, Qt.Key.Key_Home)
    press(qtbot, Qt.Key.Key_Delete, CTRL)  # a text key while typing: the word goes
    assert QApplication.focusWidget().text() == "up"
    assert len(doc.plan.segments) == len(before) + 1
    press(qtbot, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is editor.table
    press(qtbot, Qt.Key.Key_Delete, CTRL)
    assert [s.id for s in doc.plan.segments] == before


# A flash-sale row sells at the sale's price


def test_a_flash_sale_row_shows_and_takes_the_sales_price_and_units(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    show_id = editable_demo(db)
    window.open_show(show_id)
    show_active(qtbot, window)
    editor = window.editor
    doc, model, table = editor.doc, editor.model, editor.table
    row = next(r for r, s in enumerate(doc.plan.segments) if s.title == "9.9元数据线秒杀·第一波")
    segment = doc.plan.segments[row]
    product = doc.plan.product(segment.product_id)
    assert model.index(row, S.PRICE).data() == "9.90"
    assert model.index(row, S.STOCK).data() == "1000"
    assert "9.9元数据线秒杀" in model.index(row, S.PRICE).data(Qt.ItemDataRole.ToolTipRole)

    table.setCurrentIndex(model.index(row, S.PRICE))
    type_text(qtbot, "8.8")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Right)
    type_text(qtbot, "1200")
    press(qtbot, Qt.Key.Key_Return)

    stored = shows.load_plan(db, show_id)
    sale = next(p for p in stored.promos if p.name == "9.9元数据线秒杀")
    release = next(r for r in stored.releases if r.segment_id == segment.id)
    assert (sale.special_price_fen, release.quantity) == (880, 1200)
    assert stored.product(product.id) == product  # the product's own price and stock stay
    assert model.index(row, S.PRICE).data() == "8.80"
    assert model.index(row, S.STOCK).data() == "1200"


# Frozen columns


def frozen_width(table: object) -> int:
    return sum(table.columnWidth(c) for c in range(S.TITLE + 1))  # type: ignore[attr-defined]


def test_tab_from_the_title_goes_on_into_the_scrolling_columns_and_edits_there(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    show_id = editable_demo(db)
    window.open_show(show_id)
    show_active(qtbot, window)
    editor = window.editor
    doc, table = editor.doc, editor.table
    row = next(r for r, s in enumerate(doc.plan.segments) if s.title == "磁吸充电宝讲解")
    editor.select_segment(doc.plan.segments[row].id, S.TITLE)
    segment_id = doc.plan.segments[row].id

    # The title is typed in the frozen columns, where it can be seen; Tab saves it and goes on
    # to the product, the first column that scrolls, and opens its list there.
    press(qtbot, Qt.Key.Key_F2)
    assert table.frozen.isAncestorOf(QApplication.focusWidget())
    press(qtbot, Qt.Key.Key_End)
    type_text(qtbot, " Pro")
    assert editor.is_typing()  # a teammate's change waits until the title is saved
    press(qtbot, Qt.Key.Key_Tab)
    assert doc.segment(segment_id).title == "磁吸充电宝讲解 Pro"
    assert table.currentIndex().column() == S.PRODUCT
    choosing = QApplication.focusWidget()
    assert table.viewport().isAncestorOf(choosing)  # the scrolling part of the table
    assert table.columnViewportPosition(S.PRODUCT) >= frozen_width(table)
    before = doc.segment(segment_id).product_id
    press(qtbot, Qt.Key.Key_Down)  # the next product in the list
    press(qtbot, Qt.Key.Key_Return)
    assert doc.segment(segment_id).product_id not in (before, None)
    assert QApplication.focusWidget() is table

    # Back with Shift+Tab into the frozen title, and Right again into the product.
    press(qtbot, Qt.Key.Key_Backtab, SHIFT)
    assert table.currentIndex().column() == S.TITLE
    press(qtbot, Qt.Key.Key_Right)
    assert table.currentIndex().column() == S.PRODUCT
    assert shows.load_plan(db, show_id).segments[row] == doc.segment(segment_id)


def test_scrolling_right_keeps_the_frozen_columns_in_sight(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    window.open_show(editable_demo(db))
    window.resize(1366, 705)
    show_active(qtbot, window)
    editor = window.editor
    model, table = editor.model, editor.table
    bar = table.horizontalScrollBar()
    title = model.index(0, S.TITLE)
    seen_at = table.frozen.visualRect(title)
    assert bar.value() == 0 and bar.maximum() > 0  # the laptop screen does not show it all
    press(qtbot, Qt.Key.Key_End)  # the last column: notes
    assert table.currentIndex().column() == S.NOTES
    assert bar.value() == bar.maximum()
    # The table's own start-to-title columns have scrolled away under the frozen ones...
    assert table.columnViewportPosition(S.TITLE) < 0
    # ...and what is on screen there is still the title, in the same place.
    assert table.frozen.isVisible()
    assert table.frozen.visualRect(title) == seen_at
    centre = table.frozen.viewport().mapTo(table, seen_at.center())
    assert table.childAt(centre) is table.frozen.viewport()
    assert table.frozen.geometry().left() == table.viewport().geometry().left()
    # Home goes to the first column, frozen, without scrolling back; Left from the first
    # scrolling column reaches the title and scrolls only if that column was under them.
    press(qtbot, Qt.Key.Key_Home)
    assert table.currentIndex().column() == S.START and bar.value() == bar.maximum()
    for _ in range(S.PRODUCT):
        press(qtbot, Qt.Key.Key_Right)
    assert table.currentIndex().column() == S.PRODUCT
    assert table.columnViewportPosition(S.PRODUCT) >= frozen_width(table)


# The sideways scroll bar measured against what scrolls


def bar_part(bar: QScrollBar, part: QStyle.SubControl) -> QRect:
    """Where the style draws the handle (or the groove) of the scroll bar now."""
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    return bar.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option, part, bar)


def handle_of(bar: QScrollBar) -> QRect:
    return bar_part(bar, QStyle.SubControl.SC_ScrollBarSlider)


def groove_of(bar: QScrollBar) -> QRect:
    return bar_part(bar, QStyle.SubControl.SC_ScrollBarGroove)


def seen_from(table: FrozenColumnsTable) -> int:
    """Where, in the table's viewport, the scrolling columns come out from under the frozen
    ones: what the frozen view covers is not seen of them."""
    return table.frozen.geometry().right() + 1 - table.viewport().geometry().left()


def fully_seen(table: FrozenColumnsTable, column: int) -> bool:
    left = table.columnViewportPosition(column)
    return seen_from(table) <= left and left + table.columnWidth(column) <= (
        table.viewport().width()
    )


def laptop_editor(qtbot: QtBot, window: MainWindow, db: Database) -> FrozenColumnsTable:
    window.open_show(editable_demo(db))
    window.resize(1366, 705)
    show_active(qtbot, window)
    table = window.editor.table
    assert table.horizontalScrollBar().maximum() > 0  # the laptop screen does not show it all
    return table


def test_dragging_the_handle_to_the_far_right_shows_every_column_and_the_handle_stays_right(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    table = laptop_editor(qtbot, window, db)
    bar = table.horizontalScrollBar()
    frozen_at = table.frozen.geometry()
    title_at = table.frozen.visualRect(table.model().index(0, S.TITLE))
    scrolling = range(S.PRODUCT, S.NOTES + 1)
    # The handle is as long beside its groove as the part that is seen is beside all there is
    # to scroll through, and it starts where the first scrolling column is seen in full.
    shown = table.viewport().width() - seen_from(table)
    everything = table.horizontalHeader().length() - frozen_width(table)
    assert handle_of(bar).width() / groove_of(bar).width() == pytest.approx(
        shown / everything, abs=0.01
    )
    assert handle_of(bar).left() == groove_of(bar).left()
    assert fully_seen(table, S.PRODUCT)

    # Drag the handle by the mouse, a little at a time, past the right end of the bar.
    grab = handle_of(bar).center()
    qtbot.mousePress(bar, Qt.MouseButton.LeftButton, pos=grab)
    seen = {c for c in scrolling if fully_seen(table, c)}
    for x in range(grab.x(), bar.width() + 40, 4):
        qtbot.mouseMove(bar, QPoint(x, grab.y()))
        seen |= {c for c in scrolling if fully_seen(table, c)}
        assert table.frozen.geometry() == frozen_at  # the frozen part stays put
    qtbot.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=QPoint(bar.width() + 40, grab.y()))
    QApplication.processEvents()

    assert seen == set(scrolling)  # Host too: every column was in sight whole on the way
    assert bar.value() == bar.maximum()
    assert handle_of(bar).right() == groove_of(bar).right()  # the handle stays at the far right
    assert handle_of(bar).width() / groove_of(bar).width() == pytest.approx(
        shown / everything, abs=0.01
    )
    right_edge = table.columnViewportPosition(S.NOTES) + table.columnWidth(S.NOTES)
    assert right_edge == table.viewport().width()  # the last column, to its end
    assert table.frozen.geometry() == frozen_at
    assert table.frozen.visualRect(table.model().index(0, S.TITLE)) == title_at
    assert table.frozen.horizontalScrollBar().value() == 0


def test_clicking_beside_the_handle_pages_by_what_is_seen_and_skips_nothing(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    table = laptop_editor(qtbot, window, db)
    bar = table.horizontalScrollBar()
    shown = table.viewport().width() - seen_from(table)
    values = [bar.value()]
    while bar.value() < bar.maximum():
        beside = QPoint(handle_of(bar).right() + 3, handle_of(bar).center().y())
        assert groove_of(bar).contains(beside)
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=beside)
        assert bar.value() > values[-1]
        values.append(bar.value())
    # Each page starts where the one before ended: no column is passed over unseen.
    assert all(0 < b - a <= shown for a, b in pairwise(values))
    assert len(values) - 1 == -(-bar.maximum() // shown)  # as many pages as the width needs


def test_walking_right_and_back_shows_each_cell_whole_and_moves_the_bar_once_a_key(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    table = laptop_editor(qtbot, window, db)
    bar = table.horizontalScrollBar()
    moves: list[int] = []
    bar.valueChanged.connect(moves.append)
    frozen_at = table.frozen.geometry()
    press(qtbot, Qt.Key.Key_Home)
    for key, columns in (
        (Qt.Key.Key_Right, range(S.DURATION, S.NOTES + 1)),
        (Qt.Key.Key_Left, range(S.FLOOR, S.START - 1, -1)),
        (Qt.Key.Key_Right, range(S.DURATION, S.PRODUCT + 1)),
    ):
        for column in columns:
            moves.clear()
            press(qtbot, key)
            index = table.currentIndex()
            assert index.column() == column
            if table.is_frozen(column):
                # In the frozen part, in its place, and the table does not scroll sideways.
                cell = table.frozen.visualRect(index)
                cell.moveTopLeft(table.frozen.viewport().mapTo(table, cell.topLeft()))
                assert frozen_at.contains(cell)
                assert moves == []
            else:
                assert fully_seen(table, column), column
                assert len(moves) <= 1  # straight there, no jump back and forth
            assert table.frozen.geometry() == frozen_at
    assert bar.value() == 0  # back at the product, the first scrolling column, in full


def test_a_click_in_the_frozen_columns_when_scrolled_right_leaves_the_scroll_bar_alone(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    table = laptop_editor(qtbot, window, db)
    bar = table.horizontalScrollBar()
    press(qtbot, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    moves: list[int] = []
    bar.valueChanged.connect(moves.append)
    frozen = table.frozen
    cell = frozen.visualRect(table.model().index(2, S.TITLE)).center()
    qtbot.mouseClick(frozen.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert table.currentIndex() == table.model().index(2, S.TITLE)
    assert moves == []  # not even for a moment
    assert bar.value() == bar.maximum()


def test_a_click_in_the_frozen_columns_chooses_there_and_a_double_click_edits(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    window.open_show(editable_demo(db))
    show_active(qtbot, window)
    editor = window.editor
    doc, model, table = editor.doc, editor.model, editor.table
    frozen = table.frozen
    cell = frozen.visualRect(model.index(2, S.DURATION)).center()
    qtbot.mouseClick(frozen.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert table.currentIndex() == model.index(2, S.DURATION)
    assert QApplication.focusWidget() is table  # keys still go to the table
    qtbot.mouseDClick(frozen.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert frozen.isAncestorOf(QApplication.focusWidget())
    QApplication.focusWidget().selectAll()
    type_text(qtbot, "12")
    press(qtbot, Qt.Key.Key_Return)
    assert doc.plan.segments[2].duration_s == 12 * 60


def test_dropping_rows_on_the_frozen_columns_moves_the_segments(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    window.open_show(editable_demo(db))
    show_active(qtbot, window)
    editor = window.editor
    doc, model, table = editor.doc, editor.model, editor.table
    frozen = table.frozen
    assert (frozen.dragEnabled() and frozen.acceptDrops()) or frozen.viewport().acceptDrops()
    moving = doc.plan.segments[5].id
    data = model.mimeData([model.index(5, S.TITLE)])
    top = frozen.visualRect(model.index(1, S.TITLE))
    at = QPointF(top.center().x(), top.top() + 2)  # just under the line between rows 0 and 1
    action = Qt.DropAction.MoveAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    viewport = frozen.viewport()
    enter = QDragEnterEvent(at.toPoint(), action, data, buttons, keys)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(viewport, QDragMoveEvent(at.toPoint(), action, data, buttons, keys))
    QApplication.sendEvent(viewport, QDropEvent(at, action, data, buttons, keys))
    assert doc.row_of(moving) == 1
    assert model.rowCount() == len(doc.plan.segments) == 28  # moved, not removed


# The producer's journey on a template show, by keys only


def test_a_template_show_is_shaped_with_the_keyboard_from_the_table(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    show_id = window.create_show("双12 evening", START, Platform.DOUYIN, Template.STANDARD_2H)
    show_active(qtbot, window)
    editor = window.editor
    doc, table = editor.doc, editor.table
    assert QApplication.focusWidget() is table
    first, second = doc.plan.segments[0].id, doc.plan.segments[1].id
    count = len(doc.plan.segments)

    press(qtbot, Qt.Key.Key_Left)  # from the title to the kind
    press(qtbot, Qt.Key.Key_Left)  # ...and the length
    assert table.currentIndex().column() == S.DURATION
    qtbot.keyClicks(QApplication.focusWidget(), "5")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Down)
    qtbot.keyClicks(QApplication.focusWidget(), "5:30")  # all of it sent to the table
    press(qtbot, Qt.Key.Key_Return)
    assert [doc.segment(first).duration_s, doc.segment(second).duration_s] == [300, 330]

    press(qtbot, Qt.Key.Key_Down, ALT)
    assert doc.row_of(second) == 2
    press(qtbot, Qt.Key.Key_I, CTRL)
    assert len(doc.plan.segments) == count + 1 and doc.plan.segments[3].title == "New segment"
    press(qtbot, Qt.Key.Key_Escape)
    assert shows.load_plan(db, show_id) == doc.plan

    press(qtbot, Qt.Key.Key_Z, CTRL)  # the insert
    assert len(doc.plan.segments) == count
    press(qtbot, Qt.Key.Key_Z, CTRL)  # the move
    assert doc.row_of(second) == 1
    press(qtbot, Qt.Key.Key_Z, CTRL)  # 5:30
    press(qtbot, Qt.Key.Key_Z, CTRL)  # 5
    stored = shows.load_plan(db, show_id)
    assert stored == doc.plan
    assert [s.duration_s for s in stored.segments[:2]] != [300, 330]
    assert not doc.undo_stack.canUndo()
