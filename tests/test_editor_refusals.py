"""Edits the database refuses: the producer is told why, nothing half-done stays on the undo
stack, and a change made elsewhere is shown instead of fought over."""

import pytest
from demo_helpers import editable_demo
from pytestqt.qtbot import QtBot

from liveplanner.core.enums import Role
from liveplanner.core.plan import Product, TeamMember
from liveplanner.storage import segments, shows
from liveplanner.storage.database import Database
from liveplanner.ui.editor import commands, part_models
from liveplanner.ui.editor.document import ShowDocument
from liveplanner.ui.editor.segment_model import SegmentTableModel
from liveplanner.ui.editor.show_form import ShowForm, move_to_zone


@pytest.fixture
def doc(qtbot: QtBot, sqlite_db: Database) -> ShowDocument:
    return ShowDocument(sqlite_db, editable_demo(sqlite_db))


def test_a_segment_changed_elsewhere_is_shown_and_the_stale_edit_refused(
    qtbot: QtBot, doc: ShowDocument
) -> None:
    model = SegmentTableModel(doc)
    first = doc.plan.segments[0]
    segments.update_segment(
        doc.db, first.id, first.version, title="a teammate's title"
    )  # elsewhere
    with qtbot.waitSignal(doc.edit_refused) as refused:
        assert not model.setData(model.index(0, SegmentTableModel.TITLE), "mine")
    assert "changed by someone else" in refused.args[0]
    assert doc.undo_stack.count() == 0
    assert model.index(0, SegmentTableModel.TITLE).data() == "a teammate's title"  # reloaded
    assert model.setData(model.index(0, SegmentTableModel.TITLE), "mine, on theirs")  # and on
    assert shows.load_plan(doc.db, doc.show_id).segments[0].title == "mine, on theirs"


def test_a_second_copy_of_a_team_role_is_refused_with_its_reason(
    qtbot: QtBot, doc: ShowDocument
) -> None:
    host = next(m for m in doc.plan.team if m.role is Role.HOST)
    command = commands.AddPart(doc, TeamMember(0, host.person_id, Role.HOST))
    with qtbot.waitSignal(doc.edit_refused) as refused:
        doc.undo_stack.push(command)
    assert command.failed and doc.undo_stack.count() == 0
    assert refused.args[0] == "林晓 is already on the team as host"
    # Through the Team table: 王磊 (floor control) renamed to 林晓 is a new pairing and fine;
    # then making that entry "host" would repeat 林晓 as host, and is refused.
    team = part_models.team_model(doc)
    floor = next(r for r in range(team.rowCount()) if team.part_at(r).role is Role.FLOOR_CONTROL)
    assert team.setData(team.index(floor, 0), "林晓")
    with qtbot.waitSignal(doc.edit_refused) as refused:
        assert not team.setData(team.index(floor, 1), Role.HOST.value)
    assert refused.args[0] == "林晓 is already on the team as host"
    assert sorted(m.role for m in shows.load_plan(doc.db, doc.show_id).team).count(Role.HOST) == 1


def test_numbers_too_large_for_the_database_are_refused(qtbot: QtBot, doc: ShowDocument) -> None:
    products = part_models.product_model(doc)
    stock = products.column_of_field("stock")
    with qtbot.waitSignal(doc.edit_refused) as refused:
        assert not products.setData(products.index(0, stock), "99999999999999999999")
    assert "stock 99999999999999999999 is too large" in refused.args[0]
    assert doc.undo_stack.count() == 0
    assert shows.load_plan(doc.db, doc.show_id).products[0].stock == 3000


def test_a_segment_title_longer_than_the_column_is_refused(qtbot: QtBot, doc: ShowDocument) -> None:
    model = SegmentTableModel(doc)
    with qtbot.waitSignal(doc.edit_refused) as refused:
        assert not model.setData(model.index(0, SegmentTableModel.TITLE), "长" * 201)
    assert "at most 200 fit" in refused.args[0]


def test_the_show_form_keeps_refused_text_and_reads_times_sensibly(
    qtbot: QtBot, doc: ShowDocument
) -> None:
    form = ShowForm(doc)
    qtbot.addWidget(form)
    # A bare time for the start is that day's, even if earlier than the old start.
    form.start.setText("19:00")
    form.start.editingFinished.emit()
    assert doc.plan.show.planned_start.strftime("%Y-%m-%d %H:%M") == "2026-11-11 19:00"
    # A title the database cannot hold: refused, the typed text kept for mending.
    long_title = "标题" * 150
    with qtbot.waitSignal(doc.edit_refused):
        form.title.setText(long_title)
        form.title.editingFinished.emit()
    assert form.title.text() == long_title and "background" in form.title.styleSheet()
    assert doc.plan.show.title == "双11数码配件专场"


def test_a_new_time_zone_keeps_the_clock_times(doc: ShowDocument) -> None:
    doc.undo_stack.push(commands.EditShow(doc, move_to_zone(doc.plan.show, "Asia/Tokyo")))
    show = doc.plan.show
    assert show.time_zone == "Asia/Tokyo"
    assert show.planned_start.strftime("%Y-%m-%d %H:%M %Z") == "2026-11-11 19:30 JST"
    assert show.hard_stop.strftime("%H:%M") == "22:45"
    doc.undo_stack.undo()
    assert doc.plan.show.planned_start.strftime("%H:%M %Z") == "19:30 CST"


def test_an_unexpected_error_leaves_no_entry_on_the_stack(
    doc: ShowDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(doc, "update_part", broken)
    command = commands.EditPart(doc, Product, doc.plan.products[0].id, {"stock": 1})
    with pytest.raises(RuntimeError):
        command.redo()
    assert command.failed and command.isObsolete()
