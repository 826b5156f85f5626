"""Two people edit the same show: a stale field edit is settled field by field (theirs or mine),
never written over their work unasked, and the undo stack goes back to what they saved."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from liveplanner.app.demo import demo_plan
from liveplanner.core.enums import Role
from liveplanner.core.plan import Product
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.ui import labels
from liveplanner.ui.editor import commands
from liveplanner.ui.editor.conflict_dialog import ConflictDialog
from liveplanner.ui.editor.document import Conflict, ConflictField, ShowDocument
from liveplanner.ui.editor.segment_model import SegmentTableModel
from liveplanner.ui.editor.show_editor import ShowEditor

FLASH_SALE = 5  # row of "9.9元数据线秒杀·第一波", 5:00 long


class Scripted:
    """A resolver that answers as told and remembers what it was asked."""

    def __init__(self, answer: Callable[[Conflict], dict[str, Any] | None]) -> None:
        self.answer = answer
        self.asked: list[Conflict] = []

    def __call__(self, conflict: Conflict) -> dict[str, Any] | None:
        self.asked.append(conflict)
        return self.answer(conflict)


def never(conflict: Conflict) -> dict[str, Any] | None:
    raise AssertionError(f"asked about {conflict}")


@pytest.fixture
def show_id(db: Database) -> int:
    return shows.save_plan(db, demo_plan())


@pytest.fixture
def mine(qtbot: QtBot, db: Database, show_id: int) -> Iterator[ShowDocument]:
    yield ShowDocument(db, show_id)


@pytest.fixture
def theirs(db: Database, show_id: int) -> ShowDocument:
    """Someone else's editor on the same show (no resolver: their edits are made first)."""
    return ShowDocument(db, show_id)


def stored(doc: ShowDocument, row: int = FLASH_SALE) -> Any:
    return shows.load_plan(doc.db, doc.show_id).segments[row]


def edit_segment(doc: ShowDocument, row: int, **changes: Any) -> commands.EditSegment:
    command = commands.EditSegment(doc, doc.plan.segments[row].id, changes)
    doc.undo_stack.push(command)
    return command


# Segments


def test_keep_theirs_leaves_their_value_and_drops_my_edit(
    qtbot: QtBot, mine: ShowDocument, theirs: ShowDocument
) -> None:
    mine.resolve_conflict = resolver = Scripted(lambda _c: None)
    title = mine.plan.segments[FLASH_SALE].title
    edit_segment(theirs, FLASH_SALE, duration_s=360)
    version = stored(mine).version
    with qtbot.waitSignal(mine.edit_refused) as notice:
        command = edit_segment(mine, FLASH_SALE, duration_s=270)
    [conflict] = resolver.asked
    assert (conflict.entity, conflict.what, conflict.name) == ("segment", "segment", title)
    [field] = conflict.fields
    assert (field.name, field.label, field.was, field.theirs, field.mine) == (
        "duration_s",
        "Length",
        300,
        360,
        270,
    )
    assert [field.show(v) for v in (field.was, field.theirs, field.mine)] == [
        "5:00",
        "6:00",
        "4:30",
    ]
    assert notice.args[0] == (
        f"Someone else changed the segment “{title}” meanwhile; their version was kept."
    )
    # Nothing written, nothing to undo; the screen shows their version.
    assert stored(mine).duration_s == 360 and stored(mine).version == version
    assert mine.plan.segments[FLASH_SALE].duration_s == 360
    assert mine.undo_stack.count() == 0 and not command.failed


def test_keep_mine_writes_over_theirs_and_undo_goes_back_to_theirs(
    mine: ShowDocument, theirs: ShowDocument
) -> None:
    mine.resolve_conflict = Scripted(Conflict.mine)
    edit_segment(theirs, FLASH_SALE, duration_s=360)
    edit_segment(mine, FLASH_SALE, duration_s=270)
    assert stored(mine).duration_s == 270 == mine.plan.segments[FLASH_SALE].duration_s
    stack = mine.undo_stack
    assert stack.count() == 1
    stack.undo()
    assert stored(mine).duration_s == 360  # theirs, not the 5:00 I started from
    stack.redo()
    assert stored(mine).duration_s == 270


def test_each_field_settled_its_own_way(mine: ShowDocument, theirs: ShowDocument) -> None:
    # I retitle the segment and shorten it in one edit; they only lengthened it. By default the
    # title (untouched by them) is mine and the length (theirs too) is theirs.
    mine.resolve_conflict = resolver = Scripted(Conflict.defaults)
    title = mine.plan.segments[FLASH_SALE].title
    edit_segment(theirs, FLASH_SALE, duration_s=360)
    command = edit_segment(mine, FLASH_SALE, title="限时秒杀 · 保温杯", duration_s=270)
    [conflict] = resolver.asked
    assert [(f.name, f.they_changed) for f in conflict.fields] == [
        ("title", False),
        ("duration_s", True),
    ]
    assert (stored(mine).title, stored(mine).duration_s) == ("限时秒杀 · 保温杯", 360)
    # The command holds what it wrote; undo gives the title back and leaves their length.
    assert (command.changes, command.old) == ({"title": "限时秒杀 · 保温杯"}, {"title": title})
    mine.undo_stack.undo()
    assert (stored(mine).title, stored(mine).duration_s) == (title, 360)


def test_a_field_they_did_not_touch_is_written_without_asking(
    mine: ShowDocument, theirs: ShowDocument
) -> None:
    mine.resolve_conflict = never
    edit_segment(theirs, FLASH_SALE, title="他们的标题")
    edit_segment(mine, FLASH_SALE, duration_s=270)
    assert (stored(mine).title, stored(mine).duration_s) == ("他们的标题", 270)
    mine.undo_stack.undo()
    assert (stored(mine).title, stored(mine).duration_s) == ("他们的标题", 300)


def test_edits_of_different_segments_both_succeed_unasked(
    mine: ShowDocument, theirs: ShowDocument
) -> None:
    mine.resolve_conflict = theirs.resolve_conflict = never
    edit_segment(theirs, 0, title="他们的开场")
    edit_segment(mine, 1, title="我的福袋")
    plan = shows.load_plan(mine.db, mine.show_id)
    assert [s.title for s in plan.segments[:2]] == ["他们的开场", "我的福袋"]
    assert mine.undo_stack.count() == theirs.undo_stack.count() == 1


def test_the_same_change_made_by_both_keeps_theirs_unasked(
    qtbot: QtBot, mine: ShowDocument, theirs: ShowDocument
) -> None:
    mine.resolve_conflict = never
    edit_segment(theirs, FLASH_SALE, duration_s=270)
    with qtbot.waitSignal(mine.edit_refused):
        edit_segment(mine, FLASH_SALE, duration_s=270)
    assert stored(mine).duration_s == 270 and mine.undo_stack.count() == 0


def test_a_second_conflict_asks_again_about_what_changed_since(
    mine: ShowDocument, theirs: ShowDocument
) -> None:
    def meanwhile_again(conflict: Conflict) -> dict[str, Any]:
        if len(resolver.asked) == 1:  # while I choose, they change it once more
            edit_segment(theirs, FLASH_SALE, duration_s=400)
        return conflict.mine()

    mine.resolve_conflict = resolver = Scripted(meanwhile_again)
    edit_segment(theirs, FLASH_SALE, duration_s=360)
    edit_segment(mine, FLASH_SALE, duration_s=270)
    assert [(c.fields[0].was, c.fields[0].theirs) for c in resolver.asked] == [
        (300, 360),
        (360, 400),
    ]
    assert stored(mine).duration_s == 270
    mine.undo_stack.undo()
    assert stored(mine).duration_s == 400


def test_conflicts_without_end_are_refused_after_a_few_rounds(
    qtbot: QtBot, mine: ShowDocument, theirs: ShowDocument
) -> None:
    def always_again(conflict: Conflict) -> dict[str, Any]:
        edit_segment(theirs, FLASH_SALE, duration_s=400 + len(resolver.asked))
        return conflict.mine()

    mine.resolve_conflict = resolver = Scripted(always_again)
    edit_segment(theirs, FLASH_SALE, duration_s=360)
    with qtbot.waitSignal(mine.edit_refused) as refused:
        command = edit_segment(mine, FLASH_SALE, duration_s=270)
    assert len(resolver.asked) == commands.SETTLING_ROUNDS
    assert "changed by someone else" in refused.args[0]
    assert command.failed and mine.undo_stack.count() == 0
    last = 400 + commands.SETTLING_ROUNDS
    assert stored(mine).duration_s == last == mine.plan.segments[FLASH_SALE].duration_s


def test_an_edit_committed_while_asking_is_not_written(
    mine: ShowDocument, theirs: ShowDocument
) -> None:
    # A cell editor losing focus to the dialog commits its value again: that must not slip past.
    def commit_again(_conflict: Conflict) -> None:
        edit_segment(mine, FLASH_SALE, duration_s=270)

    mine.resolve_conflict = commit_again
    edit_segment(theirs, FLASH_SALE, duration_s=360)
    edit_segment(mine, FLASH_SALE, duration_s=270)
    assert stored(mine).duration_s == 360 and mine.undo_stack.count() == 0


def test_an_undo_over_their_change_is_settled_too(
    qtbot: QtBot, mine: ShowDocument, theirs: ShowDocument
) -> None:
    title = mine.plan.segments[FLASH_SALE].title
    mine.resolve_conflict = resolver = Scripted(Conflict.mine)
    edit_segment(mine, FLASH_SALE, title="我的标题")
    theirs.reload()
    edit_segment(theirs, FLASH_SALE, title="他们的标题")
    mine.undo_stack.undo()  # back to my start, over theirs: asked, and chosen so
    [conflict] = resolver.asked
    field = conflict.fields[0]
    assert (field.was, field.theirs, field.mine) == ("我的标题", "他们的标题", title)
    assert stored(mine).title == title
    mine.undo_stack.redo()
    assert stored(mine).title == "我的标题"
    # ...and once more, keeping theirs: the command goes, their title stays.
    theirs.reload()
    edit_segment(theirs, FLASH_SALE, title="他们的新标题")
    mine.resolve_conflict = Scripted(lambda _c: None)
    with qtbot.waitSignal(mine.edit_refused):
        mine.undo_stack.undo()
    assert stored(mine).title == "他们的新标题" and mine.undo_stack.count() == 0


def test_without_a_resolver_a_stale_edit_is_refused_as_before(
    qtbot: QtBot, mine: ShowDocument, theirs: ShowDocument
) -> None:
    edit_segment(theirs, FLASH_SALE, duration_s=360)
    with qtbot.waitSignal(mine.edit_refused) as refused:
        command = edit_segment(mine, FLASH_SALE, duration_s=270)
    assert "changed by someone else" in refused.args[0]
    assert command.failed and mine.undo_stack.count() == 0
    assert mine.plan.segments[FLASH_SALE].duration_s == 360 == stored(mine).duration_s


# Roles, parts and the show


def test_a_role_conflict_names_people_and_undo_gives_theirs(
    mine: ShowDocument, theirs: ShowDocument
) -> None:
    people = {p.name: p.id for p in mine.people}
    segment_id = mine.plan.segments[0].id
    mine.resolve_conflict = resolver = Scripted(Conflict.mine)
    theirs.undo_stack.push(commands.SetRole(theirs, segment_id, Role.HOST, people["陈一鸣"]))
    mine.undo_stack.push(commands.SetRole(mine, segment_id, Role.HOST, people["王磊"]))
    [field] = resolver.asked[0].fields
    assert field.label == "Host"
    assert [field.show(v) for v in (field.was, field.theirs, field.mine)] == [
        "林晓",
        "陈一鸣",
        "王磊",
    ]
    assert stored(mine, 0).roles[Role.HOST] == people["王磊"]
    mine.undo_stack.undo()
    assert stored(mine, 0).roles[Role.HOST] == people["陈一鸣"]


def test_a_product_conflict_shows_money_and_undo_gives_theirs(
    mine: ShowDocument, theirs: ShowDocument
) -> None:
    product = mine.plan.products[0]
    mine.resolve_conflict = resolver = Scripted(Conflict.mine)
    theirs.undo_stack.push(
        commands.EditPart(theirs, Product, product.id, {"live_price_fen": 11900})
    )
    mine.undo_stack.push(commands.EditPart(mine, Product, product.id, {"live_price_fen": 9900}))
    [conflict] = resolver.asked
    assert (conflict.what, conflict.name) == ("product", product.name)
    [field] = conflict.fields
    assert field.label == "Live price"
    assert [field.show(v) for v in (field.was, field.theirs, field.mine)] == [
        "¥129",
        "¥119",
        "¥99",
    ]
    assert shows.load_plan(mine.db, mine.show_id).products[0].live_price_fen == 9900
    mine.undo_stack.undo()
    assert shows.load_plan(mine.db, mine.show_id).products[0].live_price_fen == 11900


def test_keeping_theirs_for_the_show_writes_none_of_my_fields(
    mine: ShowDocument, theirs: ShowDocument
) -> None:
    gmv = mine.plan.show.targets.gmv_fen
    mine.resolve_conflict = resolver = Scripted(lambda _c: {})
    theirs.undo_stack.push(commands.EditShow(theirs, {"title": "他们的专场"}))
    mine.undo_stack.push(
        commands.EditShow(mine, {"title": "我的专场", "target_gmv_fen": 200_000_000})
    )
    [conflict] = resolver.asked
    assert (conflict.what, conflict.name) == ("show", "他们的专场")
    assert [
        (f.label, f.show(f.was), f.show(f.theirs), f.show(f.mine)) for f in conflict.fields
    ] == [
        ("Title", "双11数码配件专场", "他们的专场", "我的专场"),
        ("Target GMV (yuan)", "¥1500000", "¥1500000", "¥2000000"),
    ]
    show = shows.load_plan(mine.db, mine.show_id).show
    assert (show.title, show.targets.gmv_fen) == ("他们的专场", gmv)
    assert mine.undo_stack.count() == 0


# The dialog


def flash_sale_conflict() -> Conflict:
    return Conflict(
        "segment",
        7,
        "segment",
        "限时秒杀 · 保温杯",
        (
            ConflictField(
                "title", "Title", "限时秒杀 · 保温杯", "限时秒杀 · 保温杯", "秒杀 · 保温杯"
            ),
            ConflictField("duration_s", "Length", 300, 360, 270, labels.duration),
            ConflictField("notes", "Notes", "", "口播库存\n" * 30, "x"),
        ),
    )


@pytest.fixture
def dialog(qtbot: QtBot) -> ConflictDialog:
    widget = ConflictDialog(flash_sale_conflict())
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_dialog_shows_was_theirs_and_yours_readably(dialog: ConflictDialog) -> None:
    table = dialog.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(4)]
    assert headers == ["Field", "Was", "Theirs", "Yours"]
    rows = [
        (
            table.item(r, 0).text(),
            table.item(r, 1).text(),
            dialog.theirs_buttons[r].text(),
            dialog.yours_buttons[r].text(),
        )
        for r in range(table.rowCount())
    ]
    assert rows[:2] == [
        ("Title", "限时秒杀 · 保温杯", "限时秒杀 · 保温杯", "秒杀 · 保温杯"),
        ("Length", "5:00", "6:00", "4:30"),
    ]
    # Empty shows as a dash; long text on one line, cut short, the whole of it in the tooltip.
    was, notes = rows[2][1], rows[2][2]
    assert was == "—" and "\n" not in notes and notes.endswith("…")
    assert dialog.theirs_buttons[2].toolTip() == "口播库存\n" * 30
    # Defaults: mine where they left the field alone, theirs where they changed it.
    assert [b.isChecked() for b in dialog.yours_buttons] == [True, False, False]
    assert dialog.theirs_buttons[1].font().bold() and not dialog.theirs_buttons[0].font().bold()


def test_keep_theirs_keeps_every_field_theirs(qtbot: QtBot, dialog: ConflictDialog) -> None:
    qtbot.mouseClick(dialog.keep_theirs_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.chosen == {}


def test_keep_mine_takes_every_field_mine(qtbot: QtBot, dialog: ConflictDialog) -> None:
    qtbot.mouseClick(dialog.keep_mine_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen == {"title": "秒杀 · 保温杯", "duration_s": 270, "notes": "x"}


def test_my_choices_are_taken_field_by_field(qtbot: QtBot, dialog: ConflictDialog) -> None:
    qtbot.mouseClick(dialog.use_choices_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen == {"title": "秒杀 · 保温杯"}  # the defaults
    dialog.theirs_buttons[0].click()
    dialog.yours_buttons[1].click()
    qtbot.mouseClick(dialog.use_choices_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen == {"duration_s": 270}


def test_closing_the_dialog_keeps_theirs(qtbot: QtBot, dialog: ConflictDialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.chosen == {}


def test_the_editor_asks_with_the_dialog(
    qtbot: QtBot, db: Database, show_id: int, theirs: ShowDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[ConflictDialog] = []

    def answer(dialog: ConflictDialog) -> int:
        shown.append(dialog)
        dialog.keep_mine_button.click()
        return int(dialog.result())

    monkeypatch.setattr(ConflictDialog, "exec", answer)
    editor = ShowEditor(db, show_id)
    qtbot.addWidget(editor)
    edit_segment(theirs, FLASH_SALE, duration_s=360)
    model = editor.model
    assert model.setData(model.index(FLASH_SALE, SegmentTableModel.DURATION), "4:30")
    [dialog] = shown
    assert dialog.parent() is editor
    assert dialog.table.item(0, 0).text() == "Length"
    assert model.index(FLASH_SALE, SegmentTableModel.DURATION).data() == "4:30"
    assert stored(editor.doc).duration_s == 270
