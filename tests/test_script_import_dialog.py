"""Importing a run sheet as a producer does: check what was read, fix the mapping, import; and
the script's way back out (XLSX) from the window."""

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from liveplanner.app.settings import Preferences
from liveplanner.core.enums import Role
from liveplanner.formats.runsheet.columns import Field
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.script import actions
from liveplanner.ui.script.import_dialog import ScriptImportDialog

FIXTURE = Path(__file__).parent / "fixtures" / "scripts" / "team-run-sheet.csv"


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db  # conftest's fresh database, on SQLite alone here


def _dialog(qtbot: QtBot, db: Database, data: bytes, name: str = "sheet.csv") -> ScriptImportDialog:
    dialog = ScriptImportDialog(db, name, data, today=date(2026, 1, 5))
    qtbot.addWidget(dialog)
    return dialog


def _column(dialog: ScriptImportDialog, header: str) -> QComboBox:
    row = next(
        r for r in range(dialog.mapping.rowCount()) if dialog.mapping.item(r, 0).text() == header
    )
    combo = dialog.mapping.cellWidget(row, 1)
    assert isinstance(combo, QComboBox)
    return combo


def test_a_teams_sheet_is_shown_before_anything_is_stored(qtbot: QtBot, db: Database) -> None:
    dialog = _dialog(qtbot, db, FIXTURE.read_bytes(), FIXTURE.name)
    assert "header in row 3" in dialog.found.text()
    assert dialog.mapping.rowCount() == 16
    assert dialog.preview.rowCount() == 8
    assert dialog.preview.item(4, 0).text() == "20:28"  # the flash sale's planned start
    assert "8 segments, 1:00:00 long" in dialog.totals.text()
    messages = [dialog.messages.item(i).text() for i in range(dialog.messages.count())]
    assert any("前100名下单送小样" in m and "notes" in m for m in messages)
    assert dialog.title.text().startswith("【抖音】")
    assert shows.list_shows(db) == []


def test_import_stores_what_the_preview_showed(qtbot: QtBot, db: Database) -> None:
    dialog = _dialog(qtbot, db, FIXTURE.read_bytes(), FIXTURE.name)
    dialog.title.setText("双11美妆专场")
    dialog.title.editingFinished.emit()
    dialog.import_button.click()
    assert dialog.show_id is not None
    plan = shows.load_plan(db, dialog.show_id)
    assert plan.show.title == "双11美妆专场"
    assert len(plan.segments) == 8 and len(plan.promos) == 3
    assert plan.person(plan.segments[0].roles[Role.HOST]).name == "小美"


def test_a_column_mapped_otherwise_is_read_again(qtbot: QtBot, db: Database) -> None:
    dialog = _dialog(qtbot, db, "序号,时长,环节,主持\n1,5,开场,小美\n".encode())
    combo = _column(dialog, "主持")
    assert combo.currentData() is None
    combo.setCurrentIndex(combo.findData(Field.HOST.value))
    assert dialog.reading is not None
    assert Role.HOST in dialog.reading.plan.segments[0].roles
    assert dialog.preview.item(0, 6).text() == "小美"


def test_a_refused_sheet_names_the_cell_and_can_be_mapped_around(
    qtbot: QtBot, db: Database
) -> None:
    data = "时间,时长,环节\n20:00,5,开场\n20:05,半小时,讲解\n20:35,5,收尾\n".encode()
    dialog = _dialog(qtbot, db, data)
    assert not dialog.import_button.isEnabled() and not dialog.start.isEnabled()
    assert "row 3, column “时长”" in dialog.messages.item(0).text()
    combo = _column(dialog, "时长")
    combo.setCurrentIndex(combo.findData(None))  # read the lengths from the start times
    assert dialog.import_button.isEnabled() and dialog.start.isEnabled()
    assert dialog.reading is not None
    assert [s.duration_s // 60 for s in dialog.reading.plan.segments] == [5, 30, 0]


def test_the_window_imports_a_sheet_and_opens_it(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(window)

    def accept(dialog: ScriptImportDialog) -> int:
        dialog.store()
        return ScriptImportDialog.DialogCode.Accepted

    monkeypatch.setattr(ScriptImportDialog, "exec", accept)
    show_id = window.import_file(FIXTURE)
    assert show_id is not None
    assert window.editor is not None and window.editor.doc.show_id == show_id
    # Undo on the list takes the imported show away again.
    window.show_list()
    window.list_page.undo_stack.undo()
    assert shows.list_shows(db) == []


def test_the_window_writes_the_script_back_out(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    from liveplanner.app.demo import create_demo
    from liveplanner.formats.runsheet.reader import read_script

    window = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(window)
    show_id = create_demo(db)
    window.open_show(show_id)
    assert window.export_script_action.isEnabled()
    out = tmp_path / "script.xlsx"
    actions.write_script(db, window.editor.doc.plan, out, window.template_language())
    reading = read_script(out.read_bytes(), out.name)
    assert len(reading.plan.segments) == len(window.editor.doc.plan.segments)
    assert reading.notices == ()


def test_a_show_file_goes_out_and_comes_back_as_a_new_show(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    from liveplanner.app.demo import create_demo

    window = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(window)
    window.open_show(create_demo(db))
    out = tmp_path / "show.json"
    actions.write_script(db, window.editor.doc.plan, out, window.template_language())
    show_id = window.import_file(out)
    assert show_id is not None and window.editor.doc.show_id == show_id
    assert len(shows.list_shows(db)) == 2


def test_a_broken_show_file_is_refused_in_the_users_words(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(window)
    told: list[str] = []
    monkeypatch.setattr(window, "show_refusal", told.append)
    bad = tmp_path / "show.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    assert window.import_file(bad) is None
    assert told and "show.json is not a liveplanner show file" in told[0]
    assert shows.list_shows(db) == []


def test_a_show_file_too_large_is_refused_in_the_window_before_it_is_read(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(window)
    told: list[str] = []
    monkeypatch.setattr(window, "show_refusal", told.append)
    big = tmp_path / "show.json"
    with big.open("wb") as file:  # sparse: 259 MB on paper
        file.truncate(259 * 2**20)
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("read before its size"))
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read before its size"))
    assert window.import_file(big) is None
    assert told == ["show.json is 259 MB; run sheets and show files up to 20 MB can be imported"]
    assert shows.list_shows(db) == []


def test_a_run_sheet_no_show_can_be_is_refused_in_the_dialog(qtbot: QtBot, db: Database) -> None:
    rows = "\n".join(["序号,时长,环节", *(f"{n},5,讲解" for n in range(1, 1_100))])
    dialog = _dialog(qtbot, db, rows.encode())
    assert dialog.reading is None and not dialog.import_button.isEnabled()
    assert dialog.messages.item(0).text() == (
        "sheet.csv: 1099 rows are segments (the last in row 1100); a show holds at most 1000 "
        "segments"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX named pipes")
def test_a_pipe_given_as_a_run_sheet_or_show_file_is_refused_without_reading_it(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading a named pipe waited for ever on the GUI thread: the window froze."""
    window = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(window)
    told: list[str] = []
    monkeypatch.setattr(window, "show_refusal", told.append)
    for name in ("脚本.csv", "show.json"):
        fifo = tmp_path / name
        os.mkfifo(fifo)
        assert window.import_file(fifo) is None
        assert told[-1] == f"{fifo} is a pipe or device; expected a file to import"
    assert shows.list_shows(db) == []
