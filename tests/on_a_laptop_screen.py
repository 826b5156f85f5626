"""Every window and dialog on a producer's laptop: 1366×705 usable, window frames drawn.

Not collected by itself: tests/test_screen_fit.py runs it in a subprocess whose Qt has that one
small screen (the offscreen platform's configfile), as one process has one QApplication.
"""

import os
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from demo_helpers import editable_demo
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QAbstractItemView, QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from liveplanner.app.settings import Preferences
from liveplanner.app.workspace import open_database
from liveplanner.storage import runs, shows
from liveplanner.storage.database import Database
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.translators import drop_language, use_language

LAPTOP = QRect(0, 0, 1366, 705)
FIXTURES = Path(__file__).parent / "fixtures"
EXPORT = FIXTURES / "external" / "douyin-live-gmv-export_m2_reference_final.csv"
RUN_SHEET = FIXTURES / "scripts" / "team-run-sheet.csv"
PRODUCTS = FIXTURES / "products" / "抖音商品明细_双11.csv"


@pytest.fixture(scope="module", autouse=True)
def _on_the_laptop_screen() -> None:
    if "configfile" not in os.environ.get("QT_QPA_PLATFORM", ""):
        pytest.skip("run by tests/test_screen_fit.py with a 1366×705 screen")


@pytest.fixture(scope="module", params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    use_language(request.param)
    yield request.param
    drop_language()


@pytest.fixture(scope="module")
def db(
    tmp_path_factory: pytest.TempPathFactory, language: str, sqlite_template: Path
) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp(f"laptop-{language}")
    shutil.copy(sqlite_template, folder / "shows.sqlite3")  # conftest's, migrated once
    database = open_database(f"sqlite:///{folder / 'shows.sqlite3'}", backup_dir=folder / "b")
    yield database
    database.close()


@pytest.fixture(scope="module")
def window(db: Database, language: str) -> Iterator[MainWindow]:
    """The window, maximised as on a laptop, with the demo show open."""
    main = MainWindow(db, Preferences(language=language, welcomed=True))
    main.showMaximized()
    main.open_show(editable_demo(db))
    yield main
    main.close()
    main.deleteLater()


def test_the_screen_is_a_laptop_s(qapp: QApplication) -> None:
    assert qapp.primaryScreen().availableGeometry() == LAPTOP
    assert len(qapp.screens()) == 1


def within_the_screen(window: QWidget) -> None:
    frame = window.frameGeometry()
    assert frame.size() != window.size(), "the screen should draw window frames"
    assert LAPTOP.contains(frame), f"{type(window).__name__} at {frame} is off the screen"


def buttons_in_view(dialog: QWidget) -> list[str]:
    """The texts of the dialog's push buttons (but those in a table's cells, and those it hides
    for now), after checking each is shown in full: not scrolled or clipped away."""
    buttons = [
        button
        for button in dialog.findChildren(QPushButton)
        if button.isVisibleTo(dialog) and not in_a_table(button, dialog)
    ]
    assert buttons, f"{type(dialog).__name__} has no buttons"
    for button in buttons:
        assert button.isVisible(), button.text()
        assert button.visibleRegion().boundingRect() == button.rect(), button.text()
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert dialog.rect().contains(corner), button.text()
    return [b.text() for b in buttons]


def in_a_table(widget: QWidget, dialog: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not dialog:
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def test_the_window_fits_with_each_page(window: MainWindow, db: Database, qtbot: QtBot) -> None:
    window.showNormal()
    qtbot.waitExposed(window)
    within_the_screen(window)  # as it first opens
    show_id = window.editor.doc.show_id
    window.show_welcome()
    window.show_list()
    window.open_show(show_id)
    window.open_review()
    assert window.pages.currentWidget() is window.review_page
    window.showMaximized()
    qtbot.waitUntil(lambda: window.frameGeometry().height() >= LAPTOP.height() - 4)
    within_the_screen(window)
    assert window.minimumSize().boundedTo(LAPTOP.size()) == window.minimumSize()
    window.open_show(show_id)  # the editor, for the dialogs


def dialogs(window: MainWindow, db: Database) -> dict[str, Callable[[], QWidget]]:
    """Each dialog as the window opens it, over the demo show."""
    from liveplanner.ui.about_dialog import AboutDialog
    from liveplanner.ui.backups_dialog import BackupsDialog
    from liveplanner.ui.crash_dialog import CrashDialog
    from liveplanner.ui.database_dialog import DatabaseDialog
    from liveplanner.ui.editor.conflict_dialog import ConflictDialog
    from liveplanner.ui.editor.document import Conflict, ConflictField
    from liveplanner.ui.history_dialog import HistoryDialog
    from liveplanner.ui.library.library_dialog import LibraryDialog
    from liveplanner.ui.library.template_dialog import SaveTemplateDialog
    from liveplanner.ui.new_show_dialog import NewShowDialog
    from liveplanner.ui.preferences_dialog import PreferencesDialog
    from liveplanner.ui.rehearsal.results_dialog import RehearsalResults
    from liveplanner.ui.rehearsal.start_dialog import StartRunDialog
    from liveplanner.ui.review.campaign_dialog import CampaignDialog
    from liveplanner.ui.review.compare_dialog import CompareDialog
    from liveplanner.ui.review.import_dialog import MetricsImportDialog
    from liveplanner.ui.review.notes_panel import NoteDialog
    from liveplanner.ui.review.products_dialog import ProductsImportDialog
    from liveplanner.ui.script.import_dialog import ScriptImportDialog

    doc = window.editor.doc
    show_id = doc.show_id
    plan = shows.load_plan(db, show_id)
    conflict = Conflict(
        "segment",
        plan.segments[0].id,
        "segment",
        plan.segments[0].title,
        (
            ConflictField("title", "Title", "限时秒杀 · 保温杯", "限时秒杀", "秒杀 · 保温杯"),
            ConflictField("notes", "Notes", "", "口播库存\n" * 60, "x"),
        ),
    )
    return {
        "new show": lambda: NewShowDialog(window),
        "preferences": lambda: PreferencesDialog(Preferences(), window),
        "database": lambda: DatabaseDialog(Preferences(), window),
        "backups": lambda: BackupsDialog(db, window),
        "history": lambda: HistoryDialog(db, plan, window),
        "about": lambda: AboutDialog(str(db.sqlite_path), str(db.backup_dir), window),
        "conflict": lambda: ConflictDialog(conflict, window),
        "crash": lambda: CrashDialog(Path("liveplanner.log"), "Traceback\n" * 80, True, window),
        "note": lambda: NoteDialog("19:45 · 2 开场福袋", None, window),
        "start run": lambda: StartRunDialog(runs.list_runs(db, show_id)[0], window),
        "rehearsal results": lambda: RehearsalResults(doc, runs.list_runs(db, show_id), window),
        "run-sheet import": lambda: ScriptImportDialog(
            db, RUN_SHEET.name, RUN_SHEET.read_bytes(), window
        ),
        "metrics import": lambda: MetricsImportDialog(db, plan, window, str(EXPORT)),
        "compare": lambda: CompareDialog(db, 2, window),
        "campaigns": lambda: CampaignDialog(db, 2, window, today=date(2026, 11, 12)),
        "products import": lambda: ProductsImportDialog(db, plan, window, str(PRODUCTS)),
        "product library": lambda: LibraryDialog(db, doc, window),
        "save template": lambda: SaveTemplateDialog(plan.show.title, [plan.show.title], window),
        "share screens": lambda: _sharing_dialog(window, db, show_id),
        "live alerts": lambda: _alerts_dialog(window, db, show_id),
    }


def _alerts_dialog(window: MainWindow, db: Database, show_id: int) -> QWidget:
    from liveplanner.ui.alerts_dialog import AlertsDialog

    return AlertsDialog(db, show_id, window)


def _sharing_dialog(window: MainWindow, db: Database, show_id: int) -> QWidget:
    """Share screens… as it stands while serving: its links and a QR code."""
    from liveplanner.ui.share_dialog import ShareDialog
    from liveplanner.web.sharing import ScreenServer

    server = ScreenServer(db, show_id)
    dialog = ShareDialog(
        lambda bind, port: ScreenServer(db, show_id), (server, server.start()), window
    )
    dialog.finished.connect(server.stop)
    return dialog


NAMES = [
    "new show",
    "preferences",
    "database",
    "backups",
    "history",
    "about",
    "conflict",
    "crash",
    "note",
    "start run",
    "rehearsal results",
    "run-sheet import",
    "metrics import",
    "compare",
    "campaigns",
    "products import",
    "product library",
    "save template",
    "share screens",
    "live alerts",
]


@pytest.mark.parametrize("name", NAMES)
def test_each_dialog_fits_with_its_buttons_in_view(
    window: MainWindow, db: Database, qtbot: QtBot, name: str
) -> None:
    qtbot.waitExposed(window)
    dialog = dialogs(window, db)[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    if hasattr(dialog, "job"):  # the metrics import reads its file off the GUI thread
        qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
    within_the_screen(dialog)
    assert buttons_in_view(dialog)
    dialog.close()


def test_the_print_preview_fits(window: MainWindow, db: Database, qtbot: QtBot) -> None:
    from liveplanner.ui.printing.documents import ScriptPreview

    preview = ScriptPreview(window, window.editor.doc.plan, "run_sheet")
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    within_the_screen(preview)
    assert preview.size().boundedTo(QSize(1366, 705)) == preview.size()
    preview.close()


def test_the_host_s_window_and_a_role_s_screen_fit(window: MainWindow, qtbot: QtBot) -> None:
    from liveplanner.core.enums import Role, RunKind
    from liveplanner.ui.desk.desk_window import DeskWindow
    from liveplanner.ui.screen_fit import fit_to_screen

    window._open_timer(window.editor.doc.plan, RunKind.REHEARSAL, None)
    host = window.host_view
    assert host is not None
    qtbot.waitExposed(host)
    # Not maximised (the offscreen platform leaves it so, as a user restoring it does): the
    # size it asks for then is what the screen has, frame and all.
    host.showNormal()
    within_the_screen(host)
    # Maximised, as a window manager does it (the offscreen platform does not): it keeps the
    # whole screen, its ticks and prompt included, and asks for no more.
    fit_to_screen(host, QSize(1366, 705))
    qtbot.waitUntil(lambda: host.frameGeometry().height() >= LAPTOP.height() - 4)
    within_the_screen(host)
    assert host.minimumSizeHint().boundedTo(LAPTOP.size()) == host.minimumSizeHint()
    window.open_role_screen(Role.FLOOR_CONTROL)
    [screen] = [w for w in window.findChildren(DeskWindow) if w.isVisible()]
    qtbot.waitExposed(screen)
    within_the_screen(screen)
    assert screen.minimumSizeHint().boundedTo(LAPTOP.size()) == screen.minimumSizeHint()
    # Floor control's fields for the platform's figures, and their button, in full view.
    assert screen.typing.isVisible()
    for part in (*screen.typing.fields.values(), screen.typing.send):
        assert part.visibleRegion().boundingRect() == part.rect(), type(part).__name__
        assert screen.rect().contains(part.mapTo(screen, part.rect().bottomRight()))
    screen.close()
    host.close()  # not started: it closes without asking
