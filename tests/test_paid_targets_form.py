"""The Show panel's folded group of targets of whether the show paid, typed into as a producer
types: money in yuan, ROI as a ratio, per cents, watch time as seconds or m:ss; refusals named
and kept for mending; each edit undoable."""

import pytest
from demo_helpers import editable_demo
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from liveplanner.storage.database import Database
from liveplanner.ui.editor.document import ShowDocument
from liveplanner.ui.editor.show_form import ShowForm

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def form(qtbot: QtBot, sqlite_db: Database) -> ShowForm:
    doc = ShowDocument(sqlite_db, editable_demo(sqlite_db))
    shown = ShowForm(doc)
    qtbot.addWidget(shown)
    show_active(qtbot, shown)
    return shown


def type_into(qtbot: QtBot, form: ShowForm, column: str, text: str) -> QLineEdit:
    """Click the field, clear what it holds, type `text` key by key and press Enter."""
    edit = form.paid_fields[column]
    qtbot.mouseClick(edit, LEFT)
    assert QApplication.focusWidget() is edit
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    for char in text:
        qtbot.keyClicks(QApplication.focusWidget(), char)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    return edit


def test_the_group_is_folded_until_opened_and_opens_with_the_keyboard_too(
    qtbot: QtBot, form: ShowForm
) -> None:
    assert not form.paid_group.isVisible()  # the demo sets none of these targets
    qtbot.mouseClick(form.paid_fold, LEFT)
    assert form.paid_group.isVisible()
    form.paid_fold.setFocus()
    qtbot.keyClick(form.paid_fold, Qt.Key.Key_Space)
    assert not form.paid_group.isVisible()


def test_each_kind_of_target_is_read_as_typed_and_shown_back(qtbot: QtBot, form: ShowForm) -> None:
    qtbot.mouseClick(form.paid_fold, LEFT)
    typed = {
        "target_uv_value_fen": ("4.5", 450, "4.50"),
        "target_roi_bp": ("3.5", 35_000, "3.5"),
        "target_margin_bp": ("35 %", 3_500, "35"),
        "target_avg_watch_s": ("90 s", 90, "1:30"),
        "target_max_ad_spend_fen": ("¥12,000", 1_200_000, "12000"),
        "target_max_refund_bp": ("8", 800, "8"),
    }
    for column, (text, _stored, _shown) in typed.items():
        type_into(qtbot, form, column, text)
    targets = form._doc.plan.show.targets
    for column, (_text, stored, shown) in typed.items():
        assert getattr(targets, column.removeprefix("target_")) == stored, column
        assert form.paid_fields[column].text() == shown, column
    type_into(qtbot, form, "target_avg_watch_s", "2:05")
    assert form._doc.plan.show.targets.avg_watch_s == 125


@pytest.mark.parametrize(
    ("column", "text", "said"),
    [
        ("target_roi_bp", "lots", "“lots” is not a ratio; expected a number such as 3.5"),
        ("target_avg_watch_s", "1.5 min", "“1.5 min” is not a watch time"),
        ("target_margin_bp", "120", "“120”: a percentage is between 0 and 100"),
        ("target_gpm_fen", "12.345", "“12.345” has more than two decimals"),
    ],
)
def test_what_cannot_be_read_is_refused_named_and_kept(
    qtbot: QtBot, form: ShowForm, column: str, text: str, said: str
) -> None:
    qtbot.mouseClick(form.paid_fold, LEFT)
    with qtbot.waitSignal(form._doc.edit_refused) as refused:
        edit = type_into(qtbot, form, column, text)
    assert refused.args[0].startswith(said)
    assert edit.text() == text and "background" in edit.styleSheet()
    assert form._doc.undo_stack.count() == 0
    assert getattr(form._doc.plan.show.targets, column.removeprefix("target_")) is None


def test_a_target_edit_undoes_and_redoes_like_any_show_field(qtbot: QtBot, form: ShowForm) -> None:
    qtbot.mouseClick(form.paid_fold, LEFT)
    type_into(qtbot, form, "target_roi_bp", "3.5")
    type_into(qtbot, form, "target_roi_bp", "4")
    doc = form._doc
    assert doc.plan.show.targets.roi_bp == 40_000 and doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    assert doc.plan.show.targets.roi_bp == 35_000
    assert form.paid_fields["target_roi_bp"].text() == "3.5"
    doc.undo_stack.undo()
    assert doc.plan.show.targets.roi_bp is None and form.paid_fields["target_roi_bp"].text() == ""
    doc.undo_stack.redo()
    assert doc.plan.show.targets.roi_bp == 35_000
    # Clearing the field clears the target.
    type_into(qtbot, form, "target_roi_bp", "")
    assert doc.plan.show.targets.roi_bp is None


def test_a_show_with_such_a_target_opens_with_the_group_unfolded(
    qtbot: QtBot, form: ShowForm
) -> None:
    qtbot.mouseClick(form.paid_fold, LEFT)
    type_into(qtbot, form, "target_aov_fen", "80")
    again = ShowForm(form._doc)
    qtbot.addWidget(again)
    show_active(qtbot, again)
    assert again.paid_group.isVisible()
    assert again.paid_fields["target_aov_fen"].text() == "80"
