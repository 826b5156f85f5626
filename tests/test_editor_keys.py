"""The producer's script editor driven by keys and the mouse, as a person drives it: shortcuts
that never collide, inserting and deleting while typing, the frozen first columns."""

from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from demo_helpers import editable_demo
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from liveplanner.core.enums import RunKind
from liveplanner.settings import Preferences
from liveplanner.storage import shows
from liveplanner.storage.database import Database, open_database
from liveplanner.ui.editor.segment_model import SegmentTableModel as S
from liveplanner.ui.main_window import MainWindow

START = datetime(2026, 12, 12, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def db(sqlite_url: str, tmp_path: Path) -> Iterator[Database]:
    database = open_database(sqlite_url, backup_dir=tmp_path / "backups")
    yield database
    database.close()


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
    qtbot: QtBot, window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liveplanner.ui.rehearsal.start_dialog import StartRunDialog

    assert key_clashes(window) == []  # the show list
    window.open_show(editable_demo(db))
    assert window.editor.table.actions(), "the editor's table keys are part of the walk"
    assert key_clashes(window) == []  # the editor, with its table's and panels' keys
    monkeypatch.setattr(StartRunDialog, "exec", lambda self: StartRunDialog.DialogCode.Accepted)
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.question", lambda *a, **k: a[0].StandardButton.No
    )
    window.run_action.trigger()
    timer = window.host_view
    qtbot.addWidget(timer)
    assert timer.controller.kind is RunKind.REHEARSAL
    assert key_clashes(timer) == []


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

    window.open_show(editable_demo(db))
    show_active(qtbot, window)
    editor = window.editor
    doc = editor.doc
    assert QApplication.focusWidget() is editor.table
    before = len(doc.plan.segments)
    press(qtbot, Qt.Key.Key_I, CTRL)
    assert len(doc.plan.segments) == before + 1
    assert doc.plan.segments[1].title == "New segment"  # after the chosen first one
    press(qtbot, Qt.Key.Key_Escape)  # leave the new title as it is
    assert QApplication.focusWidget() is editor.table

    opened: list[MetricsImportDialog] = []
    monkeypatch.setattr(MetricsImportDialog, "exec", lambda self: opened.append(self) or 0)
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
