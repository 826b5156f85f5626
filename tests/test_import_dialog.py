"""The import dialog as a lead uses it: pick the export, check what was read, fix the mapping,
import; and a refused file or a cancelled import leaves the stored metrics as they were."""

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QRadioButton
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from liveplanner.settings import Preferences
from liveplanner.storage import shows
from liveplanner.storage.database import Database, open_database
from liveplanner.storage.samples import load_metrics, replace_metrics
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.review import import_dialog
from liveplanner.ui.review.import_dialog import MetricsImportDialog, PreviewModel

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
def db(sqlite_url: str, tmp_path: Path) -> Iterator[Database]:
    database = open_database(sqlite_url, backup_dir=tmp_path / "backups")
    yield database
    database.close()


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
        "Column “成交金额(元)”: 1 cells are empty or “-”, left empty (not zero)",
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

    monkeypatch.setattr(import_dialog, "replace_metrics", cancelled_midway)
    again.store()
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
