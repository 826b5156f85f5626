"""The editor's item models pass Qt's model checks, and follow the document through edits."""

import pytest
from demo_helpers import editable_demo
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from liveplanner.core.enums import SegmentKind
from liveplanner.core.plan import Product
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.ui.editor import commands, part_models
from liveplanner.ui.editor.document import ShowDocument
from liveplanner.ui.editor.segment_model import SegmentTableModel


@pytest.fixture
def demo_doc(qtbot: QtBot, sqlite_db: Database) -> ShowDocument:
    return ShowDocument(sqlite_db, editable_demo(sqlite_db))


def test_the_segment_model_passes_qts_checks_through_every_kind_of_change(
    qtmodeltester: ModelTester, demo_doc: ShowDocument
) -> None:
    model = SegmentTableModel(demo_doc)
    qtmodeltester.check(model)  # keeps watching every signal below
    doc = demo_doc
    first, third = doc.plan.segments[0].id, doc.plan.segments[2].id
    doc.undo_stack.push(commands.EditSegment(doc, first, {"title": "开场"}))
    doc.undo_stack.push(commands.MoveSegments.to_row(doc, [first, third], 10))
    doc.undo_stack.push(
        commands.RemoveSegments(doc, [doc.plan.segments[4].id, doc.plan.segments[7].id])
    )
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    doc.undo_stack.redo()
    doc.undo_stack.push(
        commands.CreateSegments(
            doc, "dup", lambda: doc.duplicate_segments([doc.plan.segments[1].id])
        )
    )
    doc.undo_stack.undo()
    doc.undo_stack.redo()
    assert model.rowCount() == len(doc.plan.segments)
    assert [model.segment_at(r).id for r in range(model.rowCount())] == [
        s.id for s in doc.plan.segments
    ]
    vertical = Qt.Orientation.Vertical
    assert [model.headerData(r, vertical) for r in range(3)] == [1, 2, 3]
    starts = [model.index(r, SegmentTableModel.START).data() for r in range(model.rowCount())]
    assert starts == [s.start.strftime("%H:%M:%S") for s in doc.schedule.slots]


@pytest.mark.parametrize("make", ["team", "product", "promo"])
def test_the_part_models_pass_qts_checks(
    qtmodeltester: ModelTester, demo_doc: ShowDocument, make: str
) -> None:
    model = getattr(part_models, f"{make}_model")(demo_doc)
    qtmodeltester.check(model)
    assert model.rowCount() == {"team": 5, "product": 7, "promo": 9}[make]


def test_the_cue_and_release_models_follow_the_chosen_segment(
    qtmodeltester: ModelTester, demo_doc: ShowDocument
) -> None:
    chosen = {"id": demo_doc.plan.segments[3].id}  # the first coupon drop
    duties = part_models.duty_model(demo_doc, lambda: chosen["id"])
    releases = part_models.release_model(demo_doc, lambda: chosen["id"])
    qtmodeltester.check(duties)
    qtmodeltester.check(releases)
    assert [duties.index(r, 3).data() for r in range(duties.rowCount())] == [
        "置顶全场满199减30规则",
        "上架全场满199减30，1000张",
    ]
    assert [releases.index(r, 0).data() for r in range(releases.rowCount())] == ["全场满199减30"]
    chosen["id"] = demo_doc.plan.segments[0].id
    duties.refresh()
    releases.refresh()
    assert duties.rowCount() == 1 and releases.rowCount() == 0


def test_cells_show_clock_times_products_promos_and_people(demo_doc: ShowDocument) -> None:
    model = SegmentTableModel(demo_doc)

    def cell(row: int, column: int) -> object:
        return model.index(row, column).data()

    assert [cell(0, c) for c in range(4)] == [
        "19:30:00",
        "8:00",
        "Opening",
        "开场暖场·今日福利预告",
    ]
    assert cell(2, SegmentTableModel.PRODUCT) == "磁吸无线充电宝 10000mAh"
    assert cell(2, SegmentTableModel.PRICE) == "129"
    assert cell(2, SegmentTableModel.STOCK) == "3000"
    assert cell(3, SegmentTableModel.PROMO) == "全场满199减30 ×1000"
    assert cell(2, SegmentTableModel.HOST) == "林晓"


def test_typing_a_duration_retimes_every_later_segment(demo_doc: ShowDocument) -> None:
    model = SegmentTableModel(demo_doc)
    assert model.setData(model.index(0, SegmentTableModel.DURATION), "10:30")
    assert model.index(0, SegmentTableModel.DURATION).data() == "10:30"
    assert model.index(1, SegmentTableModel.START).data() == "19:40:30"
    assert demo_doc.schedule.end.strftime("%H:%M:%S") == "22:32:30"
    stored = shows.load_plan(demo_doc.db, demo_doc.show_id)
    assert stored.segments[0].duration_s == 630


def test_a_value_that_cannot_be_read_is_refused_with_a_message_and_changes_nothing(
    qtbot: QtBot, demo_doc: ShowDocument
) -> None:
    model = SegmentTableModel(demo_doc)
    with qtbot.waitSignal(demo_doc.edit_refused) as refused:
        assert not model.setData(model.index(0, SegmentTableModel.DURATION), "ten minutes")
    assert "“ten minutes” is not a length; expected minutes (5)" in refused.args[0]
    with qtbot.waitSignal(demo_doc.edit_refused) as refused:
        assert not model.setData(model.index(2, SegmentTableModel.PRICE), "12.345")
    assert "“12.345” has more than two decimals" in refused.args[0]
    assert demo_doc.undo_stack.count() == 0
    assert shows.load_plan(demo_doc.db, demo_doc.show_id) == demo_doc.plan


def test_findings_mark_the_offending_cells(demo_doc: ShowDocument) -> None:
    model = SegmentTableModel(demo_doc)
    products = part_models.product_model(demo_doc)
    cable_row = products.row_of(next(p.id for p in demo_doc.plan.products if p.sku == "CBL-2P"))
    promos = part_models.promo_model(demo_doc)
    flash_row = promos.row_of(
        next(p.id for p in demo_doc.plan.promos if p.name == "9.9元数据线秒杀")
    )
    special = promos.column_of_field("special_price_fen")
    tip = promos.index(flash_row, special).data(Qt.ItemDataRole.ToolTipRole)
    assert "off its list price, over the maximum discount of 60%" in tip
    assert promos.index(flash_row, special).data(Qt.ItemDataRole.BackgroundRole) is not None
    # An intro without a product is an error on the product cell of the segment table.
    intro = next(s for s in demo_doc.plan.segments if s.kind is SegmentKind.PRODUCT_INTRO)
    demo_doc.undo_stack.push(commands.EditSegment(demo_doc, intro.id, {"product_id": None}))
    row = demo_doc.row_of(intro.id)
    assert "a product intro with no product" in model.index(row, SegmentTableModel.PRODUCT).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert cable_row is not None and products.rowCount() == 7
    assert isinstance(products.part_at(0), Product)
