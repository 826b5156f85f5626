"""The Show panel's Rhythm group on a producer's laptop (1366×705), in both languages, typed into
key by key: the findings follow each edit at once, a mix not adding up to 100 is refused naming
its values, an edit undoes, and the overview strip draws the show's own target."""

import pytest
from demo_helpers import editable_demo
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from liveplanner.app import settings
from liveplanner.core.enums import ContentCategory
from liveplanner.storage.database import Database
from liveplanner.ui.editor.show_editor import ShowEditor
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.screen_fit import TYPICAL_FRAME

LAPTOP = QSize(1366, 705)
LEFT = Qt.MouseButton.LeftButton
# What each language calls the group, and says of an intro over its limit and of a refused mix.
SAID = {
    "en": ("Rhythm", "a product intro of 9:00, over the show's limit of 8 minutes", "adds up to"),
    "zh_CN": ("节奏", "产品讲解 9:00，超过本场上限 8 分钟", "合计"),
}


@pytest.fixture
def editor(qtbot: QtBot, sqlite_db: Database, language: str) -> ShowEditor:
    main = MainWindow(sqlite_db, settings.load_preferences())
    qtbot.addWidget(main)
    show_active(qtbot, main)
    main.resize(LAPTOP.shrunkBy(TYPICAL_FRAME))
    main.open_show(editable_demo(sqlite_db))
    shown = main.editor
    assert shown is not None
    shown.tabs.setCurrentWidget(shown.show_tab)
    return shown


def type_into(qtbot: QtBot, editor: ShowEditor, column: str, text: str) -> QLineEdit:
    """Scroll to the field, click it, clear it, type `text` key by key and press Enter."""
    edit = editor.show_form.rhythm_fields[column]
    editor.show_tab.ensureWidgetVisible(edit)
    qtbot.mouseClick(edit, LEFT)
    assert QApplication.focusWidget() is edit
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    for char in text:
        qtbot.keyClicks(QApplication.focusWidget(), char)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    return edit


def codes(editor: ShowEditor) -> list[str]:
    return [f.code for f in editor.doc.findings]


def listed(editor: ShowEditor) -> list[str]:
    panel = editor.findings.list
    return [panel.item(row).text() for row in range(panel.count())]


def test_the_group_reads_in_full_with_the_defaults_shown(
    qtbot: QtBot, editor: ShowEditor, language: str
) -> None:
    form = editor.show_form
    assert form.rhythm_fold.text() == SAID[language][0]
    assert form.rhythm_group.isVisible()  # the demo sets a rhythm of its own: open
    edits = form.rhythm_fields
    assert [edits[c].text() for c in edits] == ["25", "0", "10", ""]
    assert edits["rhythm_mix"].placeholderText() == "40 / 35 / 25"  # the default, greyed
    editor.show_tab.ensureWidgetVisible(edits["rhythm_mix"])
    qtbot.waitUntil(lambda: edits["rhythm_mix"].isVisible())
    assert not editor.show_tab.horizontalScrollBar().isVisible()
    for label in form.rhythm_group.findChildren(QLabel):
        assert label.width() >= label.sizeHint().width(), label.text()
    for edit in edits.values():
        assert edit.width() >= edit.fontMetrics().horizontalAdvance("100 / 100 / 100"), edit


def test_the_findings_follow_each_setting_as_it_is_typed(
    qtbot: QtBot, editor: ShowEditor, language: str
) -> None:
    assert "intro_too_long" not in codes(editor)
    type_into(qtbot, editor, "rhythm_intro_limit_s", "8")
    assert codes(editor).count("intro_too_long") == 3  # at once, no save to press
    assert any(SAID[language][1] in text for text in listed(editor)), listed(editor)
    type_into(qtbot, editor, "rhythm_benefit_rest_s", "")  # back to the default 5 minutes
    assert codes(editor).count("benefit_too_soon") == 3
    type_into(qtbot, editor, "rhythm_benefit_every_s", "15")
    assert "benefit_gap" in codes(editor)
    type_into(qtbot, editor, "rhythm_mix", "70 / 20 / 10")
    assert "mix_off_target" in codes(editor)
    assert editor.doc.plan.show.rhythm.mix_bp == (7000, 2000, 1000)
    assert editor.show_form.rhythm_fields["rhythm_mix"].text() == "70 / 20 / 10"
    # Every edit one undo step: the mix's three shares go back together.
    editor.doc.undo_stack.undo()
    assert editor.doc.plan.show.rhythm.mix_bp == (4000, 3500, 2500)
    assert "mix_off_target" not in codes(editor)
    assert editor.doc.undo_stack.count() == 4


def test_a_mix_not_adding_up_to_100_is_refused_naming_its_values(
    qtbot: QtBot, editor: ShowEditor, language: str
) -> None:
    with qtbot.waitSignal(editor.doc.edit_refused) as refused:
        edit = type_into(qtbot, editor, "rhythm_mix", "50 / 35 / 25")
    said = refused.args[0]
    assert "50 / 35 / 25" in said and "110%" in said and SAID[language][2] in said, said
    assert edit.text() == "50 / 35 / 25" and "background" in edit.styleSheet()
    assert editor.doc.undo_stack.count() == 0
    with qtbot.waitSignal(editor.doc.edit_refused):
        type_into(qtbot, editor, "rhythm_intro_limit_s", "0")
    assert editor.doc.plan.show.rhythm.intro_limit_s == 600


def test_the_overview_strip_draws_the_shows_own_target(
    qtbot: QtBot, editor: ShowEditor, language: str
) -> None:
    strip = editor.overview
    assert strip.target_mix()[ContentCategory.SHOWCASE] == pytest.approx(0.40)
    before = strip.grab().toImage()
    type_into(qtbot, editor, "rhythm_mix", "60 / 30 / 10")
    assert strip.target_mix() == {
        ContentCategory.SHOWCASE: pytest.approx(0.6),
        ContentCategory.PROMOTION: pytest.approx(0.3),
        ContentCategory.INTERACTION: pytest.approx(0.1),
    }
    assert strip.grab().toImage() != before  # drawn anew, the Target row's bands moved


def test_clicking_the_mix_finding_shows_the_mix_field(
    qtbot: QtBot, editor: ShowEditor, language: str
) -> None:
    type_into(qtbot, editor, "rhythm_mix", "70 / 20 / 10")
    editor.show_form.rhythm_fold.setChecked(False)  # folded away meanwhile
    editor.tabs.setCurrentWidget(editor.findings)
    panel = editor.findings.list
    [row] = [r for r in range(panel.count()) if "70 / 20 / 10" in panel.item(r).text()]
    item = panel.item(row)
    panel.scrollToItem(item)
    qtbot.mouseClick(panel.viewport(), LEFT, pos=panel.visualItemRect(item).center())
    assert editor.tabs.currentWidget() is editor.show_tab
    mix = editor.show_form.rhythm_fields["rhythm_mix"]
    qtbot.waitUntil(mix.isVisible)
    assert not mix.visibleRegion().isEmpty()  # scrolled into view
