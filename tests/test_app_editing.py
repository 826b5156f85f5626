"""The application's editing of a show, without Qt: each edit saved, then answered with a change
set a front-end can follow row by row; a stale edit answered with the version that stands."""

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from liveplanner.app.database import Database, InvalidValueError, StaleEditError
from liveplanner.app.editing import (
    ChangeSet,
    RowsInserted,
    RowsRemoved,
    RowsReordered,
    ShowEditing,
)
from liveplanner.app.workspace import open_database
from liveplanner.core.enums import Role, SegmentKind
from liveplanner.core.plan import Product, Segment
from liveplanner.core.schedule import schedule
from liveplanner.storage import parts, segments, shows

START = datetime(2026, 11, 11, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def editing(db: Database) -> ShowEditing:
    show_id = shows.create_show(db, "11.11 beauty", START)
    for kind, title in [
        (SegmentKind.OPENING, "hello"),
        (SegmentKind.PRODUCT_INTRO, "lipstick"),
        (SegmentKind.CLOSING, "bye"),
    ]:
        segments.add_segment(db, show_id, kind, title, 120)
    parts.add_part(db, show_id, Product(0, "LS-01", "lipstick", stock=100))
    return ShowEditing(db, show_id)


def titles(editing: ShowEditing) -> list[str]:
    return [s.title for s in editing.plan.segments]


def stored(editing: ShowEditing) -> list[str]:
    return [s.title for s in shows.load_plan(editing.db, editing.show_id).segments]


def follow(old: list[str], changes: ChangeSet) -> list[str]:
    """Apply a change set's row steps to a list of titles, as a view applies them to its rows."""
    rows = list(old)
    for step in changes.segment_steps:
        if isinstance(step, RowsRemoved):
            del rows[step.first : step.first + step.count]
        elif isinstance(step, RowsInserted):
            new = step.rows[step.first : step.first + step.count]
            rows[step.first : step.first] = [s.title for s in new]
        else:
            rows = [s.title for s in step.rows]
        assert rows == [s.title for s in step.rows]  # each step says the rows it leaves
    return rows


def test_an_inserted_segment_is_saved_and_announced_as_a_row_inserted(
    editing: ShowEditing,
) -> None:
    made = editing.insert_segments(1, [Segment(0, SegmentKind.QA, "questions", 300)])
    assert titles(editing) == stored(editing) == ["hello", "questions", "lipstick", "bye"]
    assert made.value == [editing.plan.segments[1].id]
    (step,) = made.changes.segment_steps
    assert isinstance(step, RowsInserted) and (step.first, step.count) == (1, 1)
    assert made.changes.plan == editing.plan
    assert not made.changes.parts and not made.changes.show_changed
    assert editing.schedule == schedule(editing.plan)  # the figures follow the plan
    assert editing.schedule.total_s == 660


def test_a_move_is_saved_and_announced_as_one_reorder(editing: ShowEditing) -> None:
    ids = [s.id for s in editing.plan.segments]
    changes = editing.reorder_segments([ids[1], ids[0], ids[2]])
    assert titles(editing) == stored(editing) == ["lipstick", "hello", "bye"]
    assert changes.segment_steps == (RowsReordered(editing.plan.segments),)
    assert changes.segments_changed == ()


def test_a_delete_and_its_undo_are_announced_row_by_row(editing: ShowEditing) -> None:
    before = titles(editing)
    ids = [s.id for s in editing.plan.segments]
    removed = editing.remove_segments([ids[0], ids[2]])
    assert titles(editing) == stored(editing) == ["lipstick"]
    assert all(isinstance(step, RowsRemoved) for step in removed.changes.segment_steps)
    assert follow(before, removed.changes) == ["lipstick"]
    restored = editing.restore_segments(removed.value)
    assert titles(editing) == stored(editing) == before
    assert [s.id for s in editing.plan.segments] == ids  # back under their old ids
    assert follow(["lipstick"], restored) == before


def test_a_field_edit_answers_the_old_values_and_the_row_it_changed(
    editing: ShowEditing,
) -> None:
    segment = editing.plan.segments[1]
    edit = editing.update_segment(segment.id, title="lip gloss", duration_s=600)
    assert edit.value == {"title": "lipstick", "duration_s": 120}
    assert edit.changes.segments_changed == (1,) and edit.changes.segment_steps == ()
    assert stored(editing)[1] == editing.plan.segments[1].title == "lip gloss"
    assert editing.plan.segments[1].version > segment.version
    assert editing.schedule.total_s == 840
    person = editing.person_named("小美")
    role = editing.set_role(segment.id, Role.HOST, person.id)
    assert role.value is None and role.changes.segments_changed == (1,)
    assert editing.person_name(editing.segment(segment.id).roles[Role.HOST]) == "小美"


def test_product_edits_are_announced_as_the_products_part(editing: ShowEditing) -> None:
    added = editing.add_part(Product(0, "MS-02", "mascara", stock=50))
    assert added.changes.parts == frozenset({"products"})
    assert [p.name for p in editing.plan.products] == ["lipstick", "mascara"]
    edit = editing.update_part(Product, added.value.id, stock=80)
    assert edit.value == {"stock": 50}
    assert editing.part(Product, added.value.id).stock == 80
    assert edit.changes.parts == frozenset({"products"}) and edit.changes.segment_steps == ()
    removed = editing.remove_part(Product, added.value.id)
    assert [p.name for p in shows.load_plan(editing.db, editing.show_id).products] == ["lipstick"]
    assert editing.restore_part(removed.value).parts == frozenset({"products"})
    assert editing.part(Product, added.value.id).stock == 80


def test_a_show_edit_is_announced_as_the_show_changed(editing: ShowEditing) -> None:
    edit = editing.update_show(title="11.11 skin care")
    assert edit.value == {"title": "11.11 beauty"}
    assert edit.changes.show_changed and not edit.changes.parts
    assert editing.show_value("title") == "11.11 skin care"


def test_a_bad_value_is_refused_and_the_plan_held_stands(editing: ShowEditing) -> None:
    segment = editing.plan.segments[0]
    plan = editing.plan
    with pytest.raises(InvalidValueError) as refused:
        editing.update_segment(segment.id, duration_s=-5)
    answer = editing.refusal(refused.value)
    assert not answer.stale and answer.changes is None
    assert editing.plan is plan and stored(editing) == titles(editing)


@pytest.fixture
def teammate(db: Database, tmp_path: Path) -> Iterator[Database]:
    """A second liveplanner on the same database."""
    other = open_database(db.url.render_as_string(hide_password=False), backup_dir=tmp_path / "b")
    yield other
    other.close()


def test_a_stale_edit_is_refused_and_answered_with_their_version(
    editing: ShowEditing, teammate: Database
) -> None:
    segment = editing.plan.segments[1]
    segments.update_segment(teammate, segment.id, segment.version, title="their lipstick")
    with pytest.raises(StaleEditError) as refused:
        editing.update_segment(segment.id, title="my lipstick")
    assert stored(editing)[1] == "their lipstick"  # nothing of mine was written
    assert titles(editing)[1] == "lipstick"  # the plan held here is read again only when asked
    answer = editing.refusal(refused.value)
    assert answer.stale and answer.error is refused.value
    assert answer.changes is not None and answer.changes.segments_changed == (1,)
    assert titles(editing)[1] == "their lipstick"
    theirs = [c for c in editing.changes_after(0) if not editing.made_here(c)]
    assert [c.entity for c in theirs] == ["segment"]
    # Written again over their version, the edit stands.
    editing.update_segment(segment.id, title="my lipstick")
    assert stored(editing)[1] == "my lipstick"
