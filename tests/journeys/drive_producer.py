"""The producer, by hand: a new show from a template, lengths typed into the script, a segment
moved with Alt+Down, one inserted by its shortcut and titled, and the insert undone."""

from person import Person
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from liveplanner.storage import shows
from liveplanner.ui.editor.segment_model import SegmentTableModel as Columns
from liveplanner.ui.main_window import MainWindow

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
KEY = Qt.Key


def plan(window: MainWindow) -> list[tuple[str, int]]:
    """The saved script: each segment's title and length, in order."""
    assert window.db is not None and window.editor is not None
    loaded = shows.load_plan(window.db, window.editor.doc.show_id)
    return [(s.title, s.duration_s) for s in loaded.segments]


def test_producer(person: Person, window: MainWindow) -> None:
    person.shot("shows")

    def name_the_show(dialog: QWidget) -> None:
        title = dialog.findChild(QLineEdit)
        assert title is not None and title.hasFocus(), "the title box has the keys at first"
        person.type("双12 美妆专场")
        person.shot("new-show")
        person.press(KEY.Key_Return)

    person.when_dialog_opens(name_the_show)
    person.press(KEY.Key_N, CTRL)
    person.wait_for(lambda: window.editor is not None, "the new show opens in the editor")
    editor = window.editor
    assert editor is not None
    before = plan(window)
    assert len(before) >= 8, "the standard template fills the script"
    person.shot("editor")

    # Lengths: click the first segment's length, type minutes, then m:ss in the next row.
    table = editor.table
    first = table.visualRect(editor.model.index(0, Columns.DURATION)).center()
    person.click(table.viewport(), first)
    person.type("7")
    person.press(KEY.Key_Return)
    person.press(KEY.Key_Down)
    person.type("5:30")
    person.press(KEY.Key_Return)
    after = plan(window)
    assert after[0] == (before[0][0], 7 * 60)
    assert after[1] == (before[1][0], 5 * 60 + 30)
    person.shot("lengths-typed")

    # The second segment goes one down.
    person.press(KEY.Key_Down, ALT)
    moved = plan(window)
    assert [t for t, _ in moved[:3]] == [before[0][0], before[2][0], before[1][0]]
    person.shot("moved")

    # A new segment after the chosen one, titled as it opens for typing.
    person.press(KEY.Key_I, CTRL)
    person.type("限时秒杀 口红")
    person.press(KEY.Key_Return)
    inserted = plan(window)
    assert len(inserted) == len(before) + 1
    assert inserted[3][0] == "限时秒杀 口红"
    person.shot("inserted")

    # Undo takes back the title, then the insert.
    person.press(KEY.Key_Z, CTRL)
    person.press(KEY.Key_Z, CTRL)
    assert plan(window) == moved
    person.shot("undone")
