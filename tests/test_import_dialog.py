"""The import dialog as a lead uses it: pick the export, check what was read, fix the mapping,
import; and a refused file or a cancelled import leaves the stored metrics as they were."""

import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from liveplanner.app.settings import Preferences
from liveplanner.storage import shows
from liveplanner.storage.backup import list_backups
from liveplanner.storage.database import Database
from liveplanner.storage.errors import StorageError
from liveplanner.storage.samples import (
    ImportSource,
    load_metrics,
    replace_metrics,
    stored_metrics,
)
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.review import import_storing
from liveplanner.ui.review.import_dialog import MetricsImportDialog
from liveplanner.ui.review.import_preview import PreviewModel

START = datetime(2025, 11, 11, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
EXPORT = (
    "直播间分钟级数据\r\n\r\n"
    "时间,实时在线人数,成交金额(元),成交订单数,房间号\r\n"
    '2025-11-11 20:00,1200,"1,234.50",12,88\r\n'
    "2025-11-11 20:01,1.5万,99,1,88\r\n"
    "2025-11-11 20:02,1600,-,0,88\r\n"
    "合计,-,1333.5,13,-\r\n"
)


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db  # conftest's fresh database, on SQLite alone here


def _dialog(qtbot: QtBot, db: Database, path: Path) -> MetricsImportDialog:
    show_id = shows.create_show(db, "双11", START)
    dialog = MetricsImportDialog(db, shows.load_plan(db, show_id), path=str(path))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
    return dialog


def _export(tmp_path: Path, text: str = EXPORT, encoding: str = "gb18030") -> Path:
    path = tmp_path / "export.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_a_read_file_is_shown_with_its_encoding_columns_preview_and_warnings(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, db, _export(tmp_path))
    assert dialog.error.isHidden()
    assert "GB18030 (GBK)" in dialog.summary.text()
    assert "3 rows, 3 minutes with data" in dialog.summary.text()
    boxes = [dialog.columns.cellWidget(r, 1) for r in range(1, dialog.columns.rowCount())]
    assert [box.currentText() for box in boxes] == [
        "Online viewers",
        "GMV",
        "Orders",
        "Not imported",
    ]
    model = dialog.preview_model
    assert model.rowCount() == 3
    assert [model.index(1, c).data() for c in range(model.columnCount())] == [
        "5",
        "11-11 20:01:00",
        "15,000",
        "99",
        "1",
    ]
    warnings = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    assert warnings == [
        "Column “成交金额(元)”: 1 cell is empty or “-”, left empty (not zero)",
        "Columns not imported: 房间号",
    ]
    assert dialog.import_button.isEnabled()


def test_importing_stores_the_samples_and_closes(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, db, _export(tmp_path))
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as stored:
        dialog.import_button.click()
    assert stored.args == [8, "export.csv"]
    samples = load_metrics(db, dialog.plan.show.id)
    gmv = samples[samples["metric"] == "gmv"]["value"].tolist()
    assert gmv == [123450, 9900]


def test_changing_a_columns_mapping_reads_the_file_again(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, db, _export(tmp_path))
    room: QComboBox = dialog.columns.cellWidget(4, 1)  # 房间号, not imported
    room.setCurrentIndex(room.findText("Comments"))
    qtbot.waitUntil(lambda: dialog.job is None and dialog.result is not None, timeout=10_000)
    assert dialog.result is not None
    assert "comments" in set(dialog.result.samples["metric"])
    assert {"gmv", "orders", "online_viewers"} <= set(dialog.result.samples["metric"])
    orders: QComboBox = dialog.columns.cellWidget(3, 1)
    orders.setCurrentIndex(orders.findText("Not imported"))
    qtbot.waitUntil(lambda: dialog.job is None and dialog.result is not None, timeout=10_000)
    assert "orders" not in set(dialog.result.samples["metric"])


def test_a_refused_file_says_where_and_why_and_cannot_be_imported(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    bad = EXPORT.replace("1.5万", "1.5千")
    dialog = _dialog(qtbot, db, _export(tmp_path, bad))
    assert dialog.error.isVisible() or not dialog.error.isHidden()
    assert dialog.error.text().startswith(
        "export.csv, row 5, column “实时在线人数”: “1.5千” is not a number;"
    )
    assert not dialog.import_button.isEnabled()
    # The columns are still shown: leaving the bad column out makes the file importable.
    online: QComboBox = dialog.columns.cellWidget(1, 1)
    online.setCurrentIndex(online.findText("Not imported"))
    qtbot.waitUntil(lambda: dialog.job is None and dialog.result is not None, timeout=10_000)
    assert dialog.error.isHidden() and dialog.import_button.isEnabled()


def test_a_cancelled_import_keeps_what_was_stored(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, db, _export(tmp_path))
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    before = load_metrics(db, dialog.plan.show.id)
    again = _dialog(qtbot, db, _export(tmp_path, EXPORT.replace("1200", "1300")))
    again.plan = dialog.plan

    def cancelled_midway(db, show_id, samples, source, progress):  # type: ignore[no-untyped-def]
        def press_cancel_then_report(fraction: float) -> None:
            again.cancel_job()  # as if Cancel was pressed while the rows were being written
            progress(fraction)

        return replace_metrics(db, show_id, samples, source, press_cancel_then_report)

    monkeypatch.setattr(import_storing, "replace_metrics", cancelled_midway)
    show_active(qtbot, again)
    _click(qtbot, again.import_button)
    assert again.question is not None  # the show has metrics: replace them?
    _click(qtbot, _button(again.question, "&Replace metrics"))
    qtbot.waitUntil(lambda: again.job is None, timeout=10_000)
    assert again.summary.text() == "Cancelled: nothing was stored."
    assert again.result is not None and again.import_button.isEnabled()  # can import later
    assert load_metrics(db, dialog.plan.show.id).equals(before)


def test_a_time_zone_that_does_not_exist_is_refused_in_the_form(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, db, _export(tmp_path))
    dialog.zone_edit.setText("Asia/Atlantis")
    dialog.zone_edit.editingFinished.emit()
    assert (
        dialog.error.text() == "“Asia/Atlantis” is not a time zone; expected such as Asia/Shanghai"
    )
    assert not dialog.import_button.isEnabled()


def test_the_preview_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester, db: Database, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, db, _export(tmp_path))
    model = PreviewModel()
    qtmodeltester.check(model)
    model.set_result(dialog.result)
    qtmodeltester.check(model)
    model.set_result(None)
    qtmodeltester.check(model)


def test_the_review_menu_opens_the_dialog_on_the_open_show(qtbot: QtBot, db: Database) -> None:
    show_id = shows.create_show(db, "双11", START)
    window = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(window)
    assert not window.import_metrics_action.isEnabled()
    window.open_show(show_id)
    assert window.import_metrics_action.isEnabled()
    opened: list[MetricsImportDialog] = []

    def close_when_shown() -> None:
        dialog = window.findChild(MetricsImportDialog)
        if dialog is not None and dialog.isVisible():
            opened.append(dialog)
            dialog.reject()

    from PySide6.QtCore import QTimer

    timer = QTimer(window)
    timer.timeout.connect(close_when_shown)
    timer.start(20)
    window.import_metrics_action.trigger()
    timer.stop()
    assert opened and opened[0].plan.show.id == show_id


OTHER_DAY = EXPORT.replace("2025-11-11", "2025-06-01")  # the show is on 2025-11-11 at 20:00


def _tick(qtbot: QtBot, choice: QRadioButton) -> None:
    qtbot.mouseClick(choice, Qt.MouseButton.LeftButton, pos=QPoint(8, choice.height() // 2))


def _enter(qtbot: QtBot) -> None:
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        qtbot.keyClick(QApplication.focusWidget(), key)


def test_enter_on_another_days_export_does_not_import_until_the_user_chooses(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, db, _export(tmp_path, OTHER_DAY))
    show_active(qtbot, dialog)
    stored: list[tuple[int, str]] = []
    dialog.imported.connect(lambda count, name: stored.append((count, name)))
    assert dialog.mismatch_box.isVisible()
    assert dialog.mismatch_text.text().startswith(
        "The file runs from 2025-06-01 20:00 to 2025-06-01 20:02, but the show is on "
        "2025-11-11 20:00 to 2025-11-11 20:00"
    )
    assert dialog.shift_choice.text() == "Move it onto the show's date (2025-11-11)"
    assert not dialog.import_button.isEnabled() and not dialog.import_button.isDefault()

    _enter(qtbot)
    assert dialog.isVisible() and dialog.job is None and stored == []
    assert load_metrics(db, dialog.plan.show.id).empty

    _tick(qtbot, dialog.keep_choice)
    assert dialog.keep_choice.isChecked()
    assert dialog.import_button.isEnabled() and dialog.import_button.isDefault()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        _enter(qtbot)
    first = load_metrics(db, dialog.plan.show.id)["minute"].min()
    assert first.isoformat() == "2025-06-01T12:00:00+00:00"  # as it is: 20:00 in Shanghai


def test_moving_another_days_export_onto_the_show_date_imports_it_there(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, db, _export(tmp_path, OTHER_DAY))
    show_active(qtbot, dialog)
    _tick(qtbot, dialog.shift_choice)
    qtbot.waitUntil(lambda: dialog.job is None and dialog.import_button.isEnabled(), timeout=10_000)
    assert dialog.shift_days == (START.date() - date(2025, 6, 1)).days
    assert dialog.result is not None and dialog.result.mismatch is None
    assert "11-11 20:00 to 11-11 20:02" in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        _enter(qtbot)
    minutes = load_metrics(db, dialog.plan.show.id)["minute"]
    assert minutes.min().isoformat() == "2025-11-11T12:00:00+00:00"


def test_the_files_own_date_is_kept_until_the_user_sets_one(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    # A date column says 2025-06-01; the times give only the clock.
    export = "session_date,time,成交金额\n2025-06-01,20:00,10\n2025-06-01,20:01,12\n"
    dialog = _dialog(qtbot, db, _export(tmp_path, export, "utf-8"))
    assert dialog.mismatch is not None
    assert dialog.mismatch.start == datetime(2025, 6, 1, 20, 0)  # not the show's date
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(1))  # the user's own date wins
    qtbot.waitUntil(lambda: dialog.job is None and dialog.result is not None, timeout=10_000)
    assert dialog.result is not None and dialog.result.start == datetime(2025, 11, 12, 20, 0)


def test_an_export_of_the_show_time_asks_nothing(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, db, _export(tmp_path))
    assert dialog.mismatch is None and dialog.mismatch_box.isHidden()
    assert dialog.import_button.isEnabled()


def _click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _button(window: QWidget, text: str) -> QAbstractButton:
    (button,) = [b for b in window.findChildren(QAbstractButton) if b.text() == text]
    return button


def _metrics_backups(db: Database) -> list[Path]:
    assert db.sqlite_path is not None and db.backup_dir is not None
    found = list_backups(db.backup_dir, db.sqlite_path.stem)
    return [path for path in found if "before-replacing-metrics" in path.name]


def _with_metrics(db: Database) -> int:
    """A show on the export's day with three minutes stored from “earlier.csv”."""
    show_id = shows.create_show(db, "双11", START)
    earlier = [
        (START + timedelta(minutes=i), metric, 100 * i) for i in range(3) for metric in ("gmv",)
    ]
    frame = pd.DataFrame(earlier, columns=["minute", "metric", "value"])
    frame["minute"] = pd.to_datetime(frame["minute"], utc=True)
    replace_metrics(db, show_id, frame, ImportSource("earlier.csv", "", "UTF-8", 3))
    return show_id


def _opened(qtbot: QtBot, db: Database, show_id: int, path: Path | None) -> MetricsImportDialog:
    dialog = MetricsImportDialog(
        db, shows.load_plan(db, show_id), path="" if path is None else str(path)
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
    return dialog


def test_a_show_with_metrics_says_what_an_import_replaces_before_a_file_is_chosen(
    qtbot: QtBot, db: Database
) -> None:
    show_id = _with_metrics(db)
    stored = stored_metrics(db, show_id)
    assert stored is not None and stored.imported_at is not None
    when = stored.imported_at.astimezone(START.tzinfo).strftime("%Y-%m-%d %H:%M")
    dialog = _opened(qtbot, db, show_id, None)
    show_active(qtbot, dialog)
    assert dialog.replace_note.isVisible()
    assert dialog.replace_note.text() == (
        f"This show has metrics already: 3 minutes from “earlier.csv”, imported {when}. "
        "Importing a file replaces them all."
    )
    empty = MetricsImportDialog(db, shows.load_plan(db, shows.create_show(db, "新", START)))
    qtbot.addWidget(empty)
    show_active(qtbot, empty)
    assert empty.replace_note.isHidden()


def test_import_asks_before_replacing_and_a_stray_enter_keeps_the_metrics(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    show_id = _with_metrics(db)
    before = load_metrics(db, show_id)
    dialog = _opened(qtbot, db, show_id, _export(tmp_path))
    show_active(qtbot, dialog)
    stored: list[int] = []
    dialog.imported.connect(lambda count, _name: stored.append(count))
    assert dialog.import_button.isEnabled() and dialog.import_button.isDefault()

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Enter: Import
    question = dialog.question
    assert question is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is question)
    assert question.text().startswith(
        "Replace the show's metrics (3 minutes from “earlier.csv”, imported "
    )
    assert question.text().endswith(") with the 3 minutes in “export.csv”?")
    assert question.informativeText() == (
        "A backup of the database is made first: File ▸ Backups… can put the metrics back. "
        "Edit ▸ Undo cannot."
    )
    assert question.defaultButton() is _button(question, "Cancel")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # a second Enter: Cancel
    qtbot.waitUntil(lambda: dialog.question is None)
    assert dialog.isVisible() and dialog.job is None and stored == []
    assert load_metrics(db, show_id).equals(before) and _metrics_backups(db) == []

    show_active(qtbot, dialog)  # as a window manager gives the focus back to the dialog
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    question = dialog.question
    assert question is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is question)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # Escape: Cancel too
    qtbot.waitUntil(lambda: dialog.question is None)
    assert stored == [] and load_metrics(db, show_id).equals(before)

    _click(qtbot, dialog.import_button)
    assert dialog.question is not None
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        _click(qtbot, _button(dialog.question, "&Replace metrics"))
    assert stored == [8]
    gmv = load_metrics(db, show_id).query("metric == 'gmv'")["value"].tolist()
    assert gmv == [123450, 9900]
    (backup,) = _metrics_backups(db)
    with closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as old:
        (kept,) = old.execute(
            "SELECT count(*) FROM metric_samples WHERE show_id = ?", (show_id,)
        ).fetchone()
    assert kept == len(before)  # what was replaced is in the backup


def test_a_show_without_metrics_imports_without_a_question(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, db, _export(tmp_path))
    show_active(qtbot, dialog)
    assert dialog.replace_note.isHidden()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.question is None and _metrics_backups(db) == []


def test_a_database_gone_when_import_is_pressed_is_said_in_the_dialog(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, db, _export(tmp_path))
    show_active(qtbot, dialog)

    def gone(*_: object) -> None:
        raise StorageError("the team's database server does not answer")

    monkeypatch.setattr(import_storing, "stored_metrics", gone)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Nothing was stored: the team's database server does not answer"
    assert load_metrics(db, dialog.plan.show.id).empty


def _choose_file(
    qtbot: QtBot,
    dialog: MetricsImportDialog,
    path: Path,
    as_it_closes: Callable[[], None] = lambda: None,
) -> None:
    """Click Choose file…, type the path into the file dialog's name box and press Enter
    (`as_it_closes` runs between that Enter and the import dialog reading the file)."""
    answered: list[Path] = []

    def answer(tries: int = 0) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QFileDialog):
            if tries < 500:
                QTimer.singleShot(10, lambda: answer(tries + 1))
            return
        try:
            box.activateWindow()  # as a window manager makes a new dialog the active window
            qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
            name = box.findChild(QLineEdit, "fileNameEdit")
            assert name is not None and QApplication.focusWidget() is name
            name.selectAll()
            for char in str(path):  # each key to whatever has the focus by then
                qtbot.keyClicks(QApplication.focusWidget(), char)
            assert name.text() == str(path)
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
            answered.append(path)
            as_it_closes()
        finally:
            if box.isVisible():  # a failed answer must not leave the test waiting on it
                box.reject()

    QTimer.singleShot(0, answer)
    _click(qtbot, _button(dialog, "&Choose file…"))
    assert answered == [path]
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
    show_active(qtbot, dialog)  # the file dialog gone, the import dialog is active again


def _warnings(dialog: MetricsImportDialog) -> list[str]:
    return [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]


def test_a_refused_file_chosen_after_a_good_one_shows_nothing_of_the_good_one(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    good = _export(tmp_path)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    other = tmp_path / "other.csv"  # other columns, and a cell that is no number
    other.write_text("时间,点赞数\n2025-11-11 20:00,5\n2025-11-11 20:01,many\n", encoding="utf-8")
    dialog = MetricsImportDialog(db, shows.load_plan(db, shows.create_show(db, "双11", START)))
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)

    _choose_file(qtbot, dialog, good)
    assert "GB18030 (GBK)" in dialog.summary.text() and dialog.import_button.isEnabled()
    assert dialog.preview_model.rowCount() == 3 and dialog.columns.rowCount() == 5
    assert len(_warnings(dialog)) == 2

    _choose_file(qtbot, dialog, empty)  # refused before its columns are known
    assert dialog.error.isVisible() and dialog.error.text() == "empty.csv is empty"
    assert dialog.summary.text() == ""
    assert dialog.columns.rowCount() == 0 and dialog.preview_model.rowCount() == 0
    assert _warnings(dialog) == [] and not dialog.import_button.isEnabled()
    assert dialog.file_edit.text() == str(empty)

    _choose_file(qtbot, dialog, good)
    assert dialog.error.isHidden() and "GB18030 (GBK)" in dialog.summary.text()

    _choose_file(qtbot, dialog, other)  # refused with its own columns, to be mapped
    assert dialog.error.text().startswith("other.csv, row 3, column “点赞数”: “many” is not")
    assert dialog.summary.text() == "" and dialog.preview_model.rowCount() == 0
    assert [dialog.columns.item(r, 0).text() for r in range(dialog.columns.rowCount())] == [
        "时间",
        "点赞数",
    ]
    assert _warnings(dialog) == [] and not dialog.import_button.isEnabled()


def test_a_file_gone_as_it_is_chosen_clears_the_last_ones_summary(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    dialog = MetricsImportDialog(db, shows.load_plan(db, shows.create_show(db, "双11", START)))
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    _choose_file(qtbot, dialog, _export(tmp_path))
    assert dialog.summary.text() != "" and dialog.import_button.isEnabled()
    gone = tmp_path / "gone.csv"
    gone.write_bytes(EXPORT.encode("gb18030"))
    _choose_file(qtbot, dialog, gone, as_it_closes=gone.unlink)  # on a share, moved away
    assert dialog.error.text().startswith(f"Cannot read {gone}: ")
    assert dialog.summary.text() == "" and dialog.preview_model.rowCount() == 0
    assert dialog.columns.rowCount() == 0 and _warnings(dialog) == []
    assert dialog.file_edit.text() == str(gone)
    assert not dialog.import_button.isEnabled()


def test_a_damaged_workbook_or_a_negative_amount_is_one_line_in_the_dialog(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    broken = tmp_path / "export.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 200)  # a zip's start, then nothing
    dialog = _dialog(qtbot, db, broken)
    assert dialog.error.text().startswith("export.xlsx cannot be opened as an Excel workbook (")
    assert "\n" not in dialog.error.text() and not dialog.import_button.isEnabled()

    negative = _export(tmp_path, EXPORT.replace('"1,234.50"', "-500"))
    dialog = _dialog(qtbot, db, negative)
    assert dialog.error.text() == (
        "export.csv, row 4, column “成交金额(元)”: “-500” is below zero; GMV is a count or an "
        "amount, expected 0 or more"
    )
    assert not dialog.import_button.isEnabled()


def test_one_missing_minute_is_one_minute(qapp: object) -> None:
    from liveplanner.formats.problems import Problem
    from liveplanner.ui.review.import_texts import problem_text

    one = Problem("missing_minutes", {"count": 1, "minutes": "20:47"})
    two = Problem("missing_minutes", {"count": 2, "minutes": "20:47, 20:48"})
    assert problem_text(one) == "No rows for 1 minute between the first and the last: 20:47"
    assert problem_text(two).startswith("No rows for 2 minutes between")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX named pipes")
def test_a_pipe_or_a_folder_given_as_the_file_is_refused_without_reading_it(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    """Reading a named pipe waited for ever on the GUI thread: the window froze."""
    fifo = tmp_path / "export.csv"
    os.mkfifo(fifo)
    for path, said in (
        (fifo, f"{fifo} is a pipe or device; expected a file to import"),
        (tmp_path, f"{tmp_path} is a folder; expected a file to import"),
    ):
        dialog = _dialog(qtbot, db, path)
        assert dialog.error.text() == said
        assert dialog.data is None and not dialog.import_button.isEnabled()
