"""Save and open dialogs as a person meets them: each kind of file starts in the folder last used
for it, else in Documents (or home), never in the folder the program was started from; a save
proposes the show's title and date; the folder a file was chosen in is remembered."""

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QDir, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from liveplanner.app import settings
from liveplanner.app.demo import create_demo
from liveplanner.app.settings import Preferences
from liveplanner.core.enums import Platform
from liveplanner.core.templates import Template
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.ui import file_dialogs
from liveplanner.ui.file_dialogs import FileKind
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.translators import drop_language, use_language

START = datetime(2026, 12, 12, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
RUN_SHEET = Path(__file__).parent / "fixtures" / "scripts" / "team-run-sheet.csv"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own, and a current folder that is not in it: the folder the
    program was started from (its install folder), where no dialog may open."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs there
    install = tmp_path / "opt" / "liveplanner"
    install.mkdir(parents=True)
    monkeypatch.chdir(install)
    assert QDir.homePath() == str(home)
    return home


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db  # conftest's fresh database, on SQLite alone here


def make_window(qtbot: QtBot, db: Database, preferences: Preferences) -> MainWindow:
    window = MainWindow(db, preferences)
    qtbot.addWidget(window)
    window.resize(1366, 705)
    return window


@pytest.fixture
def english() -> Iterator[None]:
    use_language("en")
    yield
    drop_language()


class FileDialogSeen:
    """What a file dialog showed when it opened: its folder and the name it proposed."""

    folder: Path | None = None
    name: str = ""


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type as a person does: Latin letters key by key, Chinese as an input method commits it."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            commit = QInputMethodEvent()
            commit.setCommitString(char)
            QApplication.sendEvent(widget, commit)


def answer_file_dialog(qtbot: QtBot, path: Path | None) -> FileDialogSeen:
    """Answer the next file dialog as a person does: type the whole path into its name box and
    press Enter (None: press Esc). Returns what it showed, filled in once it opened."""
    seen = FileDialogSeen()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, answer)  # not up yet (an import dialog may open it)
            return
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        seen.folder = Path(dialog.directory().absolutePath())
        seen.name = name.text()
        try:
            if path is None:
                qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
                return
            qtbot.mouseClick(name, LEFT)
            qtbot.keyClick(name, Qt.Key.Key_A, CTRL)
            type_text(qtbot, name, str(path))
            qtbot.keyClick(name, Qt.Key.Key_Return)
        finally:
            if dialog.isVisible():
                dialog.reject()  # a failing test never hangs on it

    QTimer.singleShot(0, answer)
    return seen


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def back_to(qtbot: QtBot, window: QWidget) -> None:
    """After a dialog closes its window is active again (the window manager's job on a desktop;
    the offscreen platform leaves it to the test)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def open_template_show(qtbot: QtBot, window: MainWindow) -> None:
    window.create_show("双12/美妆:专场", START, Platform.DOUYIN, Template.FLASH_1H)
    show_active(qtbot, window)
    assert window.editor is not None


# Scripts: export, then import, share one folder


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("has_documents", [True, False], ids=["documents", "no-documents"])
def test_export_script_starts_in_documents_and_proposes_the_shows_title_and_date(
    qtbot: QtBot, db: Database, home: Path, has_documents: bool
) -> None:
    if has_documents:
        (home / "Documents").mkdir()
    window = make_window(qtbot, db, Preferences(language="en"))
    open_template_show(qtbot, window)
    seen = answer_file_dialog(qtbot, None)
    press(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
    assert seen.folder == (home / "Documents" if has_documents else home)
    assert seen.folder != Path.cwd()
    assert seen.name == "双12 美妆 专场 2026-12-12.xlsx"  # / and : cannot be in a file name
    assert settings.load_preferences().scripts_dir == ""  # cancelled: nothing remembered


@pytest.mark.usefixtures("english")
def test_after_exporting_a_script_its_folder_is_remembered_and_import_starts_there(
    qtbot: QtBot, db: Database, home: Path, tmp_path: Path
) -> None:
    exports = tmp_path / "shared" / "run sheets"
    exports.mkdir(parents=True)
    window = make_window(qtbot, db, Preferences(language="en"))
    open_template_show(qtbot, window)
    answer_file_dialog(qtbot, exports / "sheet.xlsx")
    press(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
    assert (exports / "sheet.xlsx").stat().st_size > 0
    assert settings.load_preferences().scripts_dir == str(exports)
    assert window.preferences.scripts_dir == str(exports)  # what the window writes whole later

    back_to(qtbot, window)
    seen = answer_file_dialog(qtbot, None)
    press(qtbot, Qt.Key.Key_O, CTRL | SHIFT)
    assert seen.folder == exports


@pytest.mark.usefixtures("english")
def test_export_script_opens_in_the_remembered_folder_after_a_restart(
    qtbot: QtBot, db: Database, home: Path, tmp_path: Path
) -> None:
    remembered = tmp_path / "剧本"
    remembered.mkdir()
    settings.save_preferences(Preferences(language="en", scripts_dir=str(remembered)))
    window = make_window(qtbot, db, settings.load_preferences())
    open_template_show(qtbot, window)
    seen = answer_file_dialog(qtbot, None)
    press(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
    assert seen.folder == remembered


@pytest.mark.usefixtures("english")
def test_a_remembered_folder_that_is_gone_starts_in_documents(
    qtbot: QtBot, db: Database, home: Path, tmp_path: Path
) -> None:
    (home / "Documents").mkdir()
    gone = tmp_path / "usb-stick" / "shows"
    window = make_window(qtbot, db, Preferences(language="en", scripts_dir=str(gone)))
    open_template_show(qtbot, window)
    seen = answer_file_dialog(qtbot, None)
    press(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
    assert seen.folder == home / "Documents"


# Metrics: the import dialog's Choose file…


@pytest.mark.usefixtures("english")
def test_import_metrics_opens_in_the_remembered_folder_and_remembers_the_one_chosen(
    qtbot: QtBot, db: Database, home: Path, tmp_path: Path
) -> None:
    last_time = tmp_path / "Downloads"
    last_time.mkdir()
    this_time = tmp_path / "抖音导出"
    this_time.mkdir()
    export = this_time / "minutes.csv"
    export.write_text("时间,实时在线人数\n2026-12-12 20:00,1200\n", encoding="utf-8")
    show_id = shows.create_show(db, "双12", START)
    window = make_window(qtbot, db, Preferences(language="en", metrics_dir=str(last_time)))
    window.open_show(show_id)
    show_active(qtbot, window)
    seen: list[FileDialogSeen] = []

    def choose_the_export() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, choose_the_export)
            return
        try:
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
            seen.append(answer_file_dialog(qtbot, export))
            choose = dialog.tr("&Choose file…")
            button = next(b for b in dialog.findChildren(QPushButton) if b.text() == choose)
            qtbot.mouseClick(button, LEFT)
            qtbot.waitUntil(lambda: getattr(dialog, "job", None) is None, timeout=10_000)
            assert dialog.file_edit.text() == str(export)  # type: ignore[attr-defined]
        finally:
            dialog.reject()

    QTimer.singleShot(0, choose_the_export)
    press(qtbot, Qt.Key.Key_I, CTRL | SHIFT)
    assert seen and seen[0].folder == last_time
    assert window.preferences.metrics_dir == str(this_time)
    assert settings.load_preferences().metrics_dir == str(this_time)


# The review report


@pytest.mark.usefixtures("english")
def test_export_report_proposes_a_pdf_in_the_remembered_folder_and_remembers_where_it_went(
    qtbot: QtBot, db: Database, home: Path, tmp_path: Path
) -> None:
    last_time = tmp_path / "reports"
    last_time.mkdir()
    this_time = tmp_path / "复盘"
    this_time.mkdir()
    show_id = create_demo(db)
    title = shows.load_plan(db, show_id).show.title
    window = make_window(qtbot, db, Preferences(language="en", reports_dir=str(last_time)))
    window.open_show(show_id)
    show_active(qtbot, window)
    press(qtbot, Qt.Key.Key_R, CTRL)
    qtbot.waitUntil(
        lambda: window.review_page is not None and window.review_page.review is not None,
        timeout=10_000,
    )
    seen = answer_file_dialog(qtbot, this_time / "review.pdf")
    press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
    assert seen.folder == last_time
    assert seen.name.startswith(title.replace("/", " ")) and seen.name.endswith(".pdf")
    assert (this_time / "review.pdf").read_bytes().startswith(b"%PDF")
    assert settings.load_preferences().reports_dir == str(this_time)


# The backup folder in File ▸ Preferences…


@pytest.mark.usefixtures("english")
def test_browsing_for_the_backup_folder_starts_where_backups_go_not_in_the_current_folder(
    qtbot: QtBot, db: Database, home: Path
) -> None:
    from liveplanner.ui.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(Preferences(language="en"))
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    folder: list[Path] = []

    def look_and_cancel() -> None:
        chooser = QApplication.activeModalWidget()
        if not isinstance(chooser, QFileDialog):
            QTimer.singleShot(10, look_and_cancel)
            return
        folder.append(Path(chooser.directory().absolutePath()))
        chooser.reject()

    QTimer.singleShot(0, look_and_cancel)
    browse = next(b for b in dialog.findChildren(QPushButton) if "…" in b.text())
    qtbot.mouseClick(browse, LEFT)
    # No backup made yet, so no backups folder: the data folder it will be made in.
    expected = settings.default_backup_dir()
    if not expected.is_dir():
        expected = settings.data_dir()
    assert folder == [expected]
    assert folder[0] != Path.cwd()


# The helper's rules, without a dialog


def test_the_first_existing_absolute_folder_is_where_a_dialog_starts(
    home: Path, tmp_path: Path
) -> None:
    there = tmp_path / "there"
    there.mkdir()
    assert file_dialogs.first_folder(None, "", "relative", tmp_path / "gone", there) == there
    assert file_dialogs.first_folder(tmp_path / "gone") == home  # no Documents folder: home
    (home / "Documents").mkdir()
    assert file_dialogs.first_folder() == home / "Documents"


def test_remembering_without_a_window_writes_the_settings_file(tmp_path: Path) -> None:
    file_dialogs.remember_folder(FileKind.REPORT, tmp_path)
    assert settings.load_preferences().reports_dir == str(tmp_path)
    assert file_dialogs.start_folder(FileKind.REPORT) == tmp_path


# Printing to PDF (no printer installed: Print writes a PDF)


@pytest.mark.usefixtures("english")
def test_printing_the_run_sheet_to_pdf_proposes_the_remembered_folder_and_remembers_the_new_one(
    qtbot: QtBot, db: Database, home: Path, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinterInfo, QPrintPreviewDialog

    if QPrinterInfo.availablePrinters():
        pytest.skip("a printer is installed: Print goes to it, not to a PDF")
    last_time = tmp_path / "scripts"
    last_time.mkdir()
    this_time = tmp_path / "打印"
    this_time.mkdir()
    window = make_window(qtbot, db, Preferences(language="en", scripts_dir=str(last_time)))
    open_template_show(qtbot, window)
    proposed: list[str] = []

    def print_it(preview: QWidget) -> None:
        qtbot.waitUntil(lambda: QApplication.activeWindow() is preview)

        def write_the_pdf() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QPrintDialog):
                QTimer.singleShot(10, write_the_pdf)
                return
            try:
                qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
                name = dialog.findChild(QLineEdit, "filename")
                assert name is not None and name.isEnabled()
                proposed.append(name.text())
                qtbot.mouseClick(name, LEFT)
                qtbot.keyClick(name, Qt.Key.Key_A, CTRL)
                type_text(qtbot, name, str(this_time / "run sheet.pdf"))
                qtbot.keyClick(name, Qt.Key.Key_Return)
            finally:
                if dialog.isVisible():
                    dialog.reject()

        QTimer.singleShot(0, write_the_pdf)
        label = QCoreApplication.translate("QPrintPreviewDialog", "Print")
        toolbar_print = next(
            b
            for b in preview.findChildren(QToolButton)
            if b.defaultAction() is not None and b.defaultAction().text() == label
        )
        qtbot.mouseClick(toolbar_print, LEFT)

    def answer() -> None:
        preview = QApplication.activeModalWidget()
        if not isinstance(preview, QPrintPreviewDialog):
            QTimer.singleShot(10, answer)
            return
        try:
            print_it(preview)
        finally:
            if preview.isVisible():
                preview.reject()

    QTimer.singleShot(0, answer)
    press(qtbot, Qt.Key.Key_P, CTRL)
    assert proposed == [str(last_time / "双12 美妆 专场 2026-12-12.pdf")]
    assert (this_time / "run sheet.pdf").read_bytes().startswith(b"%PDF")
    assert window.preferences.scripts_dir == str(this_time)
    assert settings.load_preferences().scripts_dir == str(this_time)
