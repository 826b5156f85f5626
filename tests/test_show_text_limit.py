"""A show's free text (notes, talking points, cues) holds at most MAX_TEXT characters, Excel's
cell limit: storage and the editor refuse more, and a text of the limit goes out to XLSX and
comes back whole (show files and run sheets: test_showfile.py, test_script_sheet_bounds.py)."""

import json
from pathlib import Path

import pytest
from demo_helpers import editable_demo
from pytestqt.qtbot import QtBot

from liveplanner.cli.main import main
from liveplanner.core.plan import MAX_TEXT, Duty, Promo, Segment, ShowPlan
from liveplanner.storage import parts, segments, shows
from liveplanner.storage.database import Database
from liveplanner.storage.errors import InvalidValueError
from liveplanner.ui.editor.document import ShowDocument
from liveplanner.ui.editor.segment_model import SegmentTableModel
from liveplanner.ui.editor.show_form import ShowForm

TOO_LONG = "话" * (MAX_TEXT + 1)


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db  # conftest's fresh database, on SQLite alone here


def test_storage_refuses_text_longer_than_a_show_holds_and_keeps_what_it_had(
    db: Database,
) -> None:
    show_id = editable_demo(db)
    before = shows.load_plan(db, show_id)
    first = before.segments[0]
    with pytest.raises(InvalidValueError, match="talking points is 32768 characters long; at "):
        segments.update_segment(db, first.id, first.version, talking_points=TOO_LONG)
    with pytest.raises(InvalidValueError, match="notes is 32768 characters long; at most 32767"):
        shows.update_show(db, show_id, before.show.version, notes=TOO_LONG)
    duty = before.duties[0]
    with pytest.raises(InvalidValueError, match="cue is 32768 characters long"):
        parts.update_part(db, Duty, duty.id, duty.version, cue=TOO_LONG)
    promo = before.promos[0]
    with pytest.raises(InvalidValueError, match="notes is 32768 characters long"):
        parts.update_part(db, Promo, promo.id, promo.version, notes=TOO_LONG)
    long_notes = Segment(0, first.kind, "长", 60, notes=TOO_LONG)
    with pytest.raises(InvalidValueError, match="notes is 32768 characters long"):
        shows.save_plan(db, ShowPlan(before.show, (*before.segments[:3], long_notes)))
    assert shows.load_plan(db, show_id) == before
    assert len(shows.list_shows(db)) == 1


@pytest.fixture
def doc(qtbot: QtBot, db: Database) -> ShowDocument:
    return ShowDocument(db, editable_demo(db))


def test_the_editor_refuses_pasted_show_notes_past_the_limit(
    qtbot: QtBot, doc: ShowDocument
) -> None:
    form = ShowForm(doc)
    qtbot.addWidget(form)
    form.notes.setFocus()
    form.notes.selectAll()
    form.notes.insertPlainText(TOO_LONG)  # what a paste over the old notes puts in
    with qtbot.waitSignal(doc.edit_refused) as refused:
        form.commit_notes()
    assert refused.args[0] == "notes is 32768 characters long; at most 32767 fit"
    assert doc.undo_stack.count() == 0
    assert shows.load_plan(doc.db, doc.show_id).show.notes == doc.plan.show.notes != TOO_LONG


def test_the_segment_table_refuses_notes_past_the_limit(qtbot: QtBot, doc: ShowDocument) -> None:
    model = SegmentTableModel(doc)
    before = doc.plan.segments[0].notes
    with qtbot.waitSignal(doc.edit_refused) as refused:
        assert not model.setData(model.index(0, SegmentTableModel.NOTES), TOO_LONG)
    assert "at most 32767 fit" in refused.args[0]
    assert shows.load_plan(doc.db, doc.show_id).segments[0].notes == before


def test_talking_points_of_the_limit_survive_an_xlsx_export_and_import(
    db: Database, sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    show_id = editable_demo(db)
    first = shows.load_plan(db, show_id).segments[1]
    text = ("第一点：讲清楚价格\n" * MAX_TEXT)[: MAX_TEXT - 1] + "尾"
    segments.update_segment(db, first.id, first.version, talking_points=text)
    out = tmp_path / "script.xlsx"

    assert main(["--database", sqlite_url, "export-script", str(show_id), "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["--database", sqlite_url, "import-script", str(out), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)["show_id"]

    assert len(text) == MAX_TEXT
    assert shows.load_plan(db, again).segments[1].talking_points == text
