"""The editor and a show's status, lock and history: a locked script takes no typing and offers
no edits until unlocked on purpose; changes made elsewhere are reloaded and said; the history
dialog lists who changed what."""

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from liveplanner.app.settings import Preferences
from liveplanner.app.workspace import open_database
from liveplanner.core.enums import RunKind, SegmentKind, ShowStatus
from liveplanner.storage import history, runs, segments, shows
from liveplanner.storage.database import Database
from liveplanner.storage.history import Change
from liveplanner.ui.editor import commands
from liveplanner.ui.editor.document import Conflict
from liveplanner.ui.editor.segment_model import SegmentTableModel
from liveplanner.ui.editor.show_editor import ShowEditor
from liveplanner.ui.history_dialog import HistoryDialog
from liveplanner.ui.history_texts import Names, describe
from liveplanner.ui.main_window import MainWindow

START = datetime(2026, 11, 11, 11, 30, tzinfo=UTC)
EDITABLE = Qt.ItemFlag.ItemIsEditable


def a_show(db: Database) -> int:
    show_id = shows.create_show(db, "秋冬上新", START)
    segments.add_segment(db, show_id, SegmentKind.OPENING, "开场", 300)
    segments.add_segment(db, show_id, SegmentKind.QA, "答疑", 120)
    return show_id


def title_cell(editor: ShowEditor) -> QModelIndex:
    return editor.model.index(0, SegmentTableModel.TITLE)


@pytest.fixture
def editor(qtbot: QtBot, db: Database) -> ShowEditor:
    widget = ShowEditor(db, a_show(db))
    qtbot.addWidget(widget)
    widget.watcher.stop()  # the tests poll by hand: no timers
    return widget


def test_approving_in_the_form_locks_the_script_and_the_bar_says_so(editor: ShowEditor) -> None:
    assert editor.model.flags(title_cell(editor)) & EDITABLE
    assert editor.lock_bar.isHidden()  # a draft has nothing to say
    form = editor.show_form
    form.status.setCurrentIndex(form.status.findData(ShowStatus.APPROVED.value))
    form.status.activated.emit(form.status.currentIndex())
    assert editor.doc.plan.show.locked
    assert not editor.model.flags(title_cell(editor)) & EDITABLE
    assert not editor.insert_action.isEnabled()
    assert not editor.products.add_button.isEnabled()
    assert editor.talking_points.isReadOnly()
    assert not editor.lock_bar.isHidden()
    assert "locked" in editor.lock_bar.text.text()
    assert editor.lock_bar.button.text() == "Unlock for editing…"
    # Approving is an edit like any other: undo takes the show back to draft, unlocked.
    editor.doc.undo_stack.undo()
    assert editor.doc.plan.show.status is ShowStatus.DRAFT
    assert editor.model.flags(title_cell(editor)) & EDITABLE


def test_unlocking_asks_first_and_is_recorded(
    editor: ShowEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = editor.doc
    shows.set_status(doc.db, doc.show_id, ShowStatus.LIVE)
    doc.reload()
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton):
        def ask(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
            asked.append(text)
            return reply

        return ask

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    editor.lock_bar.button.click()
    assert doc.plan.show.locked and "live" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    doc.db.user = "导播小李"
    editor.lock_bar.button.click()
    assert not doc.plan.show.locked
    assert editor.model.flags(title_cell(editor)) & EDITABLE
    assert editor.lock_bar.button.text() == "Lock again"
    last = history.list_changes(doc.db, doc.show_id)[-1]
    assert (last.who, last.fields) == ("导播小李", {"unlocked": [False, True]})
    editor.lock_bar.button.click()  # locking again asks nothing
    assert doc.plan.show.locked and len(asked) == 2


def test_a_change_made_elsewhere_is_reloaded_and_said_and_ones_own_are_not(
    qtbot: QtBot, sqlite_url: str, tmp_path: Path
) -> None:
    mine = open_database(sqlite_url, backup_dir=tmp_path / "backups")
    theirs = open_database(sqlite_url, backup_dir=tmp_path / "backups")
    try:
        show_id = a_show(mine)
        widget = ShowEditor(mine, show_id)
        qtbot.addWidget(widget)
        widget.watcher.stop()
        widget.show()
        first = widget.doc.plan.segments[0]
        widget.model.setData(title_cell(widget), "开场 · 福利")
        widget.watcher.poll()
        assert widget.notice.isHidden()  # my own edit is not news
        theirs.user = "王小明"
        segments.update_segment(theirs, first.id, first.version + 1, duration_s=420)
        widget.watcher.poll()
        assert widget.doc.plan.segments[0].duration_s == 420
        assert widget.model.data(widget.model.index(0, SegmentTableModel.DURATION)) == "7:00"
        assert widget.notice.isVisible()
        text = widget.notice.text()
        assert "王小明" in text and "开场 · 福利" in text and "5:00 → 7:00" in text
    finally:
        theirs.close()
        mine.close()


def test_the_history_dialog_lists_who_changed_what_newest_first(qtbot: QtBot, db: Database) -> None:
    show_id = a_show(db)
    plan = shows.load_plan(db, show_id)
    db.user = "producer"
    segments.update_segment(db, plan.segments[1].id, 1, title="抽奖")
    shows.set_status(db, show_id, ShowStatus.APPROVED)
    dialog = HistoryDialog(db, shows.load_plan(db, show_id))
    qtbot.addWidget(dialog)
    rows = dialog.visible_rows()
    assert [what for _when, _who, what in rows] == [
        "Status: Draft → Approved",
        "Changed segment “抽奖”: Title 答疑 → 抽奖",
        "Added segment “答疑”",
        "Added segment “开场”",
        "Created the show",
    ]
    assert rows[0][1] == "producer"
    dialog.filter.setText("抽奖")
    assert len(dialog.visible_rows()) == 1


def test_changes_read_as_sentences() -> None:
    names = Names({7: "李娜"}, {3: "保温杯"}, {})

    def change(entity: str, action: str, label: str = "", **fields: list[object]) -> Change:
        return Change(1, START, "me", "o", entity, 1, action, label, dict(fields))

    assert describe(change("product", "changed", "保温杯", live_price_fen=[9900, 7900]), names) == (
        "Changed product “保温杯”: Live price ¥99 → ¥79"
    )
    assert describe(change("segment", "changed", "开场", **{"role:host": [None, 7]}), names) == (
        "Changed segment “开场”: Host — → 李娜"
    )
    assert describe(change("segment", "changed", "秒杀", product_id=[3, 99]), names) == (
        "Changed segment “秒杀”: Product 保温杯 → #99"
    )
    assert describe(change("show", "changed", "x", unlocked=[True, False]), names) == (
        "Locked the script again"
    )
    assert describe(change("show", "changed", "x", deleted_at=[None, "2026"]), names) == (
        "Moved the show to the bin"
    )
    assert describe(change("metrics", "imported", "douyin.csv"), names) == (
        "Imported metrics from douyin.csv"
    )


def test_edit_show_history_opens_on_the_open_show(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(window)
    assert not window.history_action.isEnabled()
    window.open_show(a_show(db))
    shown: list[HistoryDialog] = []
    monkeypatch.setattr(HistoryDialog, "exec", lambda self: shown.append(self))
    window.history_action.trigger()
    (dialog,) = shown
    assert dialog.windowTitle() == "History of 秋冬上新"
    assert len(dialog.rows) == 3


def test_an_edit_on_a_show_approved_elsewhere_meanwhile_is_refused_and_the_lock_shown(
    editor: ShowEditor,
) -> None:
    doc = editor.doc
    shows.set_status(doc.db, doc.show_id, ShowStatus.APPROVED)  # a teammate approves it
    assert editor.model.flags(title_cell(editor)) & EDITABLE  # not polled yet
    editor.model.setData(title_cell(editor), "改一下")
    assert doc.plan.segments[0].title == "开场"
    assert doc.plan.show.locked and not editor.lock_bar.isHidden()
    assert editor.notice.text() == (
        "The script is locked (Approved), so nothing was changed: unlock it for editing first."
    )
    assert shows.load_plan(doc.db, doc.show_id).segments[0].title == "开场"


@pytest.fixture
def two(
    qtbot: QtBot, migrated_sqlite_url: str, tmp_path: Path
) -> Iterator[tuple[ShowEditor, Database]]:
    """An editor on one open database, and a teammate's session on the same file."""
    mine = open_database(migrated_sqlite_url, backup_dir=tmp_path / "backups")
    theirs = open_database(migrated_sqlite_url, backup_dir=tmp_path / "backups")
    widget = ShowEditor(mine, a_show(mine))
    qtbot.addWidget(widget)
    widget.watcher.stop()
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    yield widget, theirs
    theirs.close()
    mine.close()


def test_text_being_typed_holds_a_reload_until_it_is_saved(
    two: tuple[ShowEditor, Database],
) -> None:
    widget, theirs = two
    widget.table.setCurrentIndex(title_cell(widget))
    widget.talking_points.setFocus()
    widget.talking_points.setPlainText("我正在写的要点")
    other = widget.doc.plan.segments[1]
    segments.update_segment(theirs, other.id, other.version, duration_s=180)
    widget.watcher.poll()
    assert widget.talking_points.toPlainText() == "我正在写的要点"
    assert widget.doc.plan.segments[1].duration_s == 120  # not reloaded yet
    widget.table.setFocus()  # leaving the box saves it
    widget.watcher.poll()
    assert widget.doc.plan.segments[1].duration_s == 180
    assert widget.doc.plan.segments[0].talking_points == "我正在写的要点"


def test_an_undo_over_a_change_reloaded_from_elsewhere_asks_first(
    two: tuple[ShowEditor, Database],
) -> None:
    widget, theirs = two
    doc = widget.doc
    asked: list[Conflict] = []
    doc.resolve_conflict = lambda conflict: asked.append(conflict) or {}
    first = doc.plan.segments[0]
    doc.undo_stack.push(commands.EditSegment(doc, first.id, {"title": "我的标题"}))
    segments.update_segment(theirs, first.id, first.version + 1, title="他们的标题")
    widget.watcher.poll()
    assert doc.plan.segments[0].title == "他们的标题"
    doc.undo_stack.undo()
    (conflict,) = asked
    assert [(f.was, f.theirs, f.mine) for f in conflict.fields] == [
        ("我的标题", "他们的标题", "开场")
    ]
    assert shows.load_plan(theirs, doc.show_id).segments[0].title == "他们的标题"


def test_an_undo_of_a_segment_deleted_elsewhere_is_refused_with_a_message(
    two: tuple[ShowEditor, Database],
) -> None:
    widget, theirs = two
    doc = widget.doc
    first = doc.plan.segments[0]
    doc.undo_stack.push(commands.EditSegment(doc, first.id, {"title": "我的标题"}))
    segments.remove_segments(theirs, [first.id])
    widget.watcher.poll()
    doc.undo_stack.undo()
    assert widget.notice.isVisible() and "deleted" in widget.notice.text()


def test_going_live_in_this_same_app_shows_the_lock(two: tuple[ShowEditor, Database]) -> None:
    widget, _theirs = two
    runs.start_run(widget.doc.db, widget.doc.show_id, RunKind.LIVE, START, 0.0)
    widget.watcher.poll()
    assert widget.doc.plan.show.status is ShowStatus.LIVE
    assert not widget.lock_bar.isHidden() and widget.notice.isHidden()


def test_choosing_draft_for_a_locked_show_asks_as_an_unlock_does(
    editor: ShowEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    shows.set_status(editor.doc.db, editor.doc.show_id, ShowStatus.APPROVED)
    editor.doc.reload()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    form = editor.show_form
    form.status.setCurrentIndex(form.status.findData(ShowStatus.DRAFT.value))
    form.status.activated.emit(form.status.currentIndex())
    assert editor.doc.plan.show.status is ShowStatus.APPROVED
    assert form.status.currentData() == ShowStatus.APPROVED.value


def test_a_status_change_and_a_field_in_one_line_are_both_said() -> None:
    change = Change(
        1, START, "me", "o", "show", 1, "changed", "x",
        {"status": ["draft", "approved"], "room": ["A", "B"]},
    )  # fmt: skip
    assert describe(change, Names({}, {}, {})) == (
        "Status: Draft → Approved; Changed show “x”: Room / account A → B"
    )
