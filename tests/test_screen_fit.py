"""A producer's laptop: 1366×768, about 1366×705 usable. The window with any page fits it, the
review's cards wrap, its chart and tables share the height as last left, and the dialogs fit it
with their buttons in view (that one on a real 1366×705 screen, in a subprocess)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import screens
from demo_helpers import editable_demo
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot
from qt_helpers import show_active
from screens import offscreen_with

from liveplanner.app import settings
from liveplanner.storage.database import Database
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.review.compare_dialog import CompareDialog
from liveplanner.ui.screen_fit import TYPICAL_FRAME, fit_to_screen

LAPTOP = QSize(1366, 705)
CASES = "tests/on_a_laptop_screen.py"


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db  # conftest's fresh database, on SQLite alone here


def open_window(qtbot: QtBot, db: Database) -> MainWindow:
    window = MainWindow(db, settings.load_preferences())
    qtbot.addWidget(window)
    show_active(qtbot, window)
    return window


def review_by_keys(qtbot: QtBot, window: MainWindow, show_id: int) -> None:
    """Open the show, then its review as a user does: Ctrl+R."""
    window.open_show(show_id)
    qtbot.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier
    )
    assert window.review_page is not None
    assert window.pages.currentWidget() is window.review_page


def with_frame(size: QSize) -> QSize:
    return size.grownBy(TYPICAL_FRAME)


def test_with_the_review_open_the_window_fits_a_laptop(
    qtbot: QtBot, db: Database, language: str
) -> None:
    window = open_window(qtbot, db)
    review_by_keys(qtbot, window, editable_demo(db))
    for smallest in (window.minimumSizeHint(), window.minimumSize()):
        assert with_frame(smallest).boundedTo(LAPTOP) == with_frame(smallest), smallest
    window.resize(LAPTOP)
    qtbot.waitUntil(lambda: window.size() == LAPTOP)
    # ...and back to the script (Ctrl+E), whose tabs must not make it taller either.
    qtbot.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier
    )
    assert window.pages.currentWidget() is window.editor
    smallest = window.minimumSizeHint()
    assert with_frame(smallest).boundedTo(LAPTOP) == with_frame(smallest)


def card_rows(window: MainWindow) -> list[int]:
    page = window.review_page
    assert page is not None
    return sorted({card.y() for card in page.cards})


def test_the_cards_wrap_in_a_narrow_window_and_none_overlaps(
    qtbot: QtBot, db: Database, language: str
) -> None:
    window = open_window(qtbot, db)
    review_by_keys(qtbot, window, editable_demo(db))
    page = window.review_page
    assert page is not None
    window.resize(LAPTOP.shrunkBy(TYPICAL_FRAME))
    qtbot.waitUntil(lambda: window.width() == LAPTOP.width() - 16)
    assert len(card_rows(window)) == 1  # nine figures in a row on a laptop
    window.resize(QSize(1100, 660))
    qtbot.waitUntil(lambda: window.width() == 1100)
    assert len(card_rows(window)) >= 2
    row = page.card_row.rect()
    for number, card in enumerate(page.cards):
        assert card.isVisible() and row.contains(card.geometry()), number
        for other in page.cards[number + 1 :]:
            assert not card.geometry().intersects(other.geometry())
    # The cards' rows push the chart down rather than cover it.
    below = page.card_row.mapTo(page, QPoint(0, page.card_row.height()))
    assert page.splitter.mapTo(page, QPoint(0, 0)).y() >= below.y()


def drag_splitter(qtbot: QtBot, window: MainWindow, by: int) -> None:
    page = window.review_page
    assert page is not None
    handle = page.splitter.handle(1)
    start = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 5):
        qtbot.mouseMove(handle, start + QPoint(0, by * step // 4))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=start + QPoint(0, by))


def rows_in_view(window: MainWindow) -> int:
    page = window.review_page
    assert page is not None
    view = page.segment_view
    return view.viewport().height() // view.rowHeight(0)


def test_the_split_is_fair_on_a_laptop_and_remembered_as_dragged(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    show_id = editable_demo(db)
    window = open_window(qtbot, db)
    window.resize(LAPTOP.shrunkBy(TYPICAL_FRAME))
    review_by_keys(qtbot, window, show_id)
    page = window.review_page
    assert page is not None
    qtbot.waitUntil(lambda: page.segment_view.viewport().height() > 0)
    # The chart's share, or a little more where five lanes need it to stay apart.
    assert settings.DEFAULT_CHART_SHARE - 0.02 <= page.chart_share() <= 0.62
    assert rows_in_view(window) >= 5  # the issue saw 3
    assert page.chart.height() >= 240

    # More room for the chart (it is at its smallest already: five lanes of 24 px and the strip)
    drag_splitter(qtbot, window, by=60)
    dragged = page.chart_share()
    assert dragged > settings.DEFAULT_CHART_SHARE + 0.05
    assert settings.load_preferences().review_chart_share == pytest.approx(dragged)
    window.close()

    again = open_window(qtbot, db)
    again.resize(LAPTOP.shrunkBy(TYPICAL_FRAME))
    review_by_keys(qtbot, again, show_id)
    assert again.review_page is not None
    assert again.review_page.chart_share() == pytest.approx(dragged, abs=0.01)


def test_compare_closes_with_its_close_button_and_with_esc(
    qtbot: QtBot, db: Database, language: str
) -> None:
    editable_demo(db)
    for close in ("button", "esc"):
        dialog = CompareDialog(db, 2)
        qtbot.addWidget(dialog)
        show_active(qtbot, dialog)
        button = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
        assert button.isVisible() and button.text() == ("Close" if language == "en" else "关闭")
        with qtbot.waitSignal(dialog.rejected):
            if close == "button":
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            else:
                qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_a_dialog_asks_for_its_size_and_gets_what_the_screen_allows(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    laptop = QRect(0, 0, 1366, 705)
    assert fit_to_screen(dialog, QSize(1300, 760), laptop) == QSize(1300, 705 - 44)
    assert dialog.size() == QSize(1300, 705 - 44)
    assert fit_to_screen(dialog, QSize(600, 400), laptop) == QSize(600, 400)
    assert fit_to_screen(dialog, QSize(1500, 900), QRect(0, 0, 1280, 600)) == QSize(1264, 556)


def test_every_window_and_dialog_fits_a_laptop_screen(tmp_path: Path) -> None:
    """tests/on_a_laptop_screen.py, in a Qt whose only screen is 1366×705 with window frames."""
    root = Path(__file__).parent.parent
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": offscreen_with(tmp_path, screens.LAPTOP),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])),
    }
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider", CASES],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert "skipped" not in done.stdout and " passed" in done.stdout
