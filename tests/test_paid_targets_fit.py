"""The targets of whether the show paid on a producer's laptop (1366×705), in both languages:
the Show panel's group opened reads in full without a sideways scroll, and a review with every
target set still fits the window, its cards wrapping without covering one another."""

from dataclasses import fields

import pytest
from demo_helpers import editable_demo
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from liveplanner.app import settings
from liveplanner.core.plan import Targets
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.screen_fit import TYPICAL_FRAME

LAPTOP = QSize(1366, 705)


@pytest.fixture
def window(qtbot: QtBot, sqlite_db: Database, language: str) -> MainWindow:
    main = MainWindow(sqlite_db, settings.load_preferences())
    qtbot.addWidget(main)
    show_active(qtbot, main)
    main.resize(LAPTOP.shrunkBy(TYPICAL_FRAME))
    return main


def every_target_set(db: Database) -> int:
    show_id = editable_demo(db)
    show = shows.load_plan(db, show_id).show
    headline = {"gmv_fen", "viewers", "conversion_bp", "new_followers", "interaction_bp"}
    paid = {f"target_{f.name}": 12_345 for f in fields(Targets) if f.name not in headline}
    shows.update_show(db, show_id, show.version, **paid)  # the demo's headline targets kept
    return show_id


def test_the_group_opened_reads_in_full_without_a_sideways_scroll(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database
) -> None:
    window.open_show(every_target_set(sqlite_db))
    editor = window.editor
    editor.tabs.setCurrentWidget(editor.show_tab)
    form = editor.show_form
    assert form.paid_group.isVisible()  # a show with such targets opens with it unfolded
    qtbot.waitUntil(lambda: form.paid_fields["target_roi_bp"].isVisible())
    assert not editor.show_tab.horizontalScrollBar().isVisible()
    for label in form.paid_group.findChildren(QLabel):
        assert label.width() >= label.sizeHint().width(), label.text()
    for edit in form.paid_fields.values():
        assert edit.width() >= edit.fontMetrics().horizontalAdvance("1,000,000.00"), edit
    assert form.paid_fields["target_roi_bp"].text() == "1.2345"


def test_a_review_with_every_target_fits_and_its_cards_do_not_overlap(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database
) -> None:
    window.open_show(every_target_set(sqlite_db))
    qtbot.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier
    )
    page = window.review_page
    assert page is not None and window.pages.currentWidget() is page
    assert len({card.y() for card in page.cards}) == 1  # the headline cards keep to a row
    smallest = window.minimumSizeHint().grownBy(TYPICAL_FRAME)
    assert smallest.boundedTo(LAPTOP) == smallest
    lines = [line for line in page.target_row.lines if line.isVisible()]
    assert len(lines) == 11  # every figure of whether it paid, GPM and the refund rate too
    row = page.target_row.rect()
    for number, line in enumerate(lines):
        assert row.contains(line.geometry()), number
        assert line.width() >= line.sizeHint().width(), line.text()
        for other in lines[number + 1 :]:
            assert not line.geometry().intersects(other.geometry())
    below = page.target_row.mapTo(page, QPoint(0, page.target_row.height()))
    assert page.splitter.mapTo(page, QPoint(0, 0)).y() >= below.y()
    assert page.target_row.height() <= 3 * lines[0].height() + 30  # a few lines, not cards
    assert page.chart_stack.height() > 200  # the chart keeps room to be read
