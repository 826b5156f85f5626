"""A producer drafts a show in the editor from start to finish; what is stored is what they did."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from liveplanner.app.settings import Preferences
from liveplanner.core.enums import Platform, PromoKind, Role, SegmentKind
from liveplanner.core.templates import Template
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.ui.editor.person_dialog import PersonDialog
from liveplanner.ui.editor.segment_model import SegmentTableModel as S
from liveplanner.ui.main_window import MainWindow

START = datetime(2026, 12, 12, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db  # conftest's fresh database, on SQLite alone here


def set_cell(model: object, row: int, column: int, value: object) -> None:
    assert model.setData(model.index(row, column), value), (row, column, value)  # type: ignore[attr-defined]


def test_a_full_drafting_session(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(db, Preferences(language="en"))
    qtbot.addWidget(window)

    # A new show from the 1-hour template opens in the editor.
    show_id = window.create_show("双12 flash show", START, Platform.TAOBAO, Template.FLASH_1H)
    editor = window.editor
    assert editor is not None and window.pages.currentWidget() is editor
    doc, model, table = editor.doc, editor.model, editor.table
    assert model.rowCount() == 15 and doc.schedule.total_s == 3600
    assert {f.code for f in doc.findings} == {"intro_without_host"}

    # The team: a host and a floor controller (the person dialog answered).
    answers = iter([("Anna", Role.HOST), ("Bo", Role.FLOOR_CONTROL)])

    def answer(dialog: PersonDialog) -> QDialog.DialogCode:
        name, role = next(answers)
        dialog.name.setEditText(name)
        dialog.role.setCurrentIndex(dialog.role.findData(role.value))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PersonDialog, "exec", answer)
    editor.team.add()
    editor.team.add()
    assert sorted((doc.person_name(m.person_id), m.role) for m in doc.plan.team) == [
        ("Anna", Role.HOST),
        ("Bo", Role.FLOOR_CONTROL),
    ]
    assert doc.findings == []  # the team's host covers every intro

    # Add a segment after the first, name it, make it 2:30 of Q&A; times follow at once.
    table.setCurrentIndex(model.index(0, S.TITLE))
    editor.insert_action.trigger()
    new_row = 1
    set_cell(model, new_row, S.TITLE, "Welcome questions")
    set_cell(model, new_row, S.DURATION, "2:30")
    set_cell(model, new_row, S.KIND, SegmentKind.QA.value)
    assert model.index(2, S.START).data() == "20:07:30"
    assert doc.schedule.total_s == 3600 + 150

    # Move it down twice with Alt+Down, then drag it back to the top.
    welcome = doc.plan.segments[new_row].id
    table.setCurrentIndex(model.index(new_row, S.TITLE))
    editor.move_down_action.trigger()
    editor.move_down_action.trigger()
    assert doc.row_of(welcome) == 3
    mime = model.mimeData([model.index(3, S.TITLE)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.index(-1, -1))
    assert doc.row_of(welcome) == 0

    # Roles: Bo hosts the welcome, Anna co-hosts.
    people = {doc.person_name(m.person_id): m.person_id for m in doc.plan.team}
    set_cell(model, 0, S.HOST, people["Bo"])
    set_cell(model, 0, S.CO_HOST, people["Anna"])

    # Products: name and price the template's first product, then add a new one.
    products = editor.products.model
    set_cell(products, 0, products.column_of_field("name"), "磁吸充电宝")
    set_cell(products, 0, products.column_of_field("list_price_fen"), "199")
    set_cell(products, 0, products.column_of_field("live_price_fen"), "129")
    set_cell(products, 0, products.column_of_field("unit_cost_fen"), "68")
    set_cell(products, 0, products.column_of_field("stock"), "3000")
    editor.products.add()
    added_row = products.rowCount() - 1
    set_cell(products, added_row, products.column_of_field("name"), "数据线")
    set_cell(products, added_row, products.column_of_field("sku"), "CBL-1")

    # A finding: the live price under the floor (cost 68, no margin set) ... then fixed.
    set_cell(products, 0, products.column_of_field("live_price_fen"), "59")
    assert [f.code for f in doc.findings] == ["price_under_floor"]
    assert editor.tabs.tabText(4) == "Findings (1)"
    editor.go_to_finding(doc.findings[0])
    assert editor.tabs.currentWidget() is editor.products
    assert editor.products.table.currentIndex().column() == products.column_of_field(
        "live_price_fen"
    )
    set_cell(products, 0, products.column_of_field("live_price_fen"), "99")
    assert doc.findings == []

    # A coupon released in the template's first coupon drop.
    promos = editor.promos.model
    editor.promos.add()
    coupon_row = promos.rowCount() - 1
    set_cell(promos, coupon_row, promos.column_of_field("name"), "满99减10")
    set_cell(promos, coupon_row, promos.column_of_field("quantity"), "500")
    set_cell(promos, coupon_row, promos.column_of_field("face_value_fen"), "10")
    set_cell(promos, coupon_row, promos.column_of_field("threshold_fen"), "99")
    coupon = promos.part_at(coupon_row)
    drop_row = next(r for r, s in enumerate(doc.plan.segments) if s.kind is SegmentKind.COUPON_DROP)
    editor.select_segment(doc.plan.segments[drop_row].id)
    editor.releases.add()
    releases = editor.releases.model
    set_cell(releases, 0, 0, coupon.id)
    set_cell(releases, 0, 2, "600")  # more than the 500 coupons there are
    assert [f.code for f in doc.findings] == ["releases_over_quantity"]
    set_cell(releases, 0, 2, "500")
    assert doc.findings == []

    # Talking points typed for the welcome segment, saved when the text box is left.
    editor.select_segment(welcome)
    editor.talking_points.setPlainText("问好\n预告今晚福利")
    editor.commit_pending()

    # Delete two segments, undo, redo; then undo the deletion again.
    stack = doc.undo_stack
    doomed = [doc.plan.segments[5].id, doc.plan.segments[6].id]
    table.clearSelection()
    table.setCurrentIndex(model.index(5, S.TITLE))
    table.selectionModel().select(
        model.index(6, S.TITLE), table.selectionModel().SelectionFlag.Select
    )
    editor.delete_action.trigger()
    assert not set(doomed) & {s.id for s in doc.plan.segments}
    assert window.undo_action.text() == "&Undo Delete 2 segment(s)"
    stack.undo()
    assert [doc.plan.segments[5].id, doc.plan.segments[6].id] == doomed
    stack.redo()
    stack.undo()

    # What is stored is what the screen shows.
    stored = shows.load_plan(db, show_id)
    assert stored == doc.plan
    assert stored.segments[0].title == "Welcome questions"
    assert stored.segments[0].duration_s == 150
    assert stored.segments[0].kind is SegmentKind.QA
    assert stored.segments[0].roles == {Role.HOST: people["Bo"], Role.CO_HOST: people["Anna"]}
    assert stored.segments[0].talking_points == "问好\n预告今晚福利"
    assert [p.name for p in stored.products][:1] == ["磁吸充电宝"] and stored.products[
        -1
    ].sku == "CBL-1"
    assert stored.products[0].live_price_fen == 9900 and stored.products[0].stock == 3000
    coupon_stored = next(p for p in stored.promos if p.name == "满99减10")
    assert (coupon_stored.kind, coupon_stored.quantity, coupon_stored.face_value_fen) == (
        PromoKind.COUPON,
        500,
        1000,
    )
    assert [(r.promo_id, r.quantity) for r in stored.releases] == [(coupon_stored.id, 500)]

    # Undo everything: the show is back to the template as it was made.
    while stack.canUndo():
        stack.undo()
    back = shows.load_plan(db, show_id)
    assert len(back.segments) == 15 and back.team == () and back.releases == ()
    assert [p.name for p in back.products] == ["Product 1", "Product 2", "Product 3"]
    # ...and redo everything: all of it again.
    while stack.canRedo():
        stack.redo()
    assert shows.load_plan(db, show_id) == doc.plan
    assert doc.plan.segments[0].title == "Welcome questions"
