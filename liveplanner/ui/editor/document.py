"""One open show in the window: the app layer's editing of it (app/editing.py), announced to
views as item-model signals.

Every edit goes through `ShowEditing`, which writes it to storage and answers a change set; this
adapter turns the change set's steps into the signals views follow (rows inserted, removed,
reordered, changed), setting `plan` to what each signal describes, so views keep their selection
and scroll position.

When a write is stale (someone else saved the row meanwhile) the document reloads their version;
an edit command may then ask `resolve_conflict` which of its values to write over theirs.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from liveplanner.app.database import Database, StorageError
from liveplanner.app.editing import (
    ChangeSet,
    Edit,
    Part,
    PartRemoval,
    RowsInserted,
    RowsRemoved,
    SegmentsRemoval,
    ShowEditing,
    find_part,
    row_of,
    show_value,
)
from liveplanner.core.enums import Role
from liveplanner.core.plan import Person, Segment, ShowPlan
from liveplanner.core.rules import Finding
from liveplanner.core.schedule import Schedule
from liveplanner.ui import labels
from liveplanner.ui.refusals import refusal


@dataclass(frozen=True, slots=True)
class ConflictField:
    """One field of my edit that someone else's saved version holds differently."""

    name: str  # as written: a column name, or a role's value for who plays it in a segment
    label: str  # as the editor names it
    was: Any  # what my edit started from
    theirs: Any  # what is stored now
    mine: Any  # what my edit writes
    show: Callable[[Any], str] = field(default=labels.value, compare=False)
    """A value of this field as a person reads it."""

    @property
    def they_changed(self) -> bool:
        return self.theirs != self.was


@dataclass(frozen=True, slots=True)
class Conflict:
    """My edit of a row someone else saved meanwhile: what the row is, and the fields at stake."""

    entity: str  # as storage names it: "segment", "show", "product"...
    entity_id: int
    what: str  # the kind of row, for people ("segment")
    name: str  # which one, for people: the segment's title, the product's name
    fields: tuple[ConflictField, ...]

    def mine(self) -> dict[str, Any]:
        """Every field my way ("keep mine")."""
        return {f.name: f.mine for f in self.fields}

    def defaults(self) -> dict[str, Any]:
        """Mine where they left the field as it was; theirs where they changed it too."""
        return {f.name: f.mine for f in self.fields if not f.they_changed}


T = TypeVar("T")

Resolver = Callable[[Conflict], dict[str, Any] | None]
"""Given a conflict, the fields to write with their values; empty or None keeps theirs."""


class ShowDocument(QObject):
    segments_inserted = Signal(int, int)
    """Rows (first, count) were inserted into plan.segments."""
    segments_removed = Signal(int, int)
    """Rows (first, count) were removed from plan.segments."""
    segments_reordered = Signal()
    """plan.segments holds the same segments in another order."""
    segment_changed = Signal(int)
    """The segment at this row changed its fields or roles."""
    parts_changed = Signal()
    """Team, products, promos, duties or releases changed."""
    show_changed = Signal()
    """The show's own fields changed."""
    plan_changed = Signal()
    """After any change: derived figures (times, findings, mix) are recomputed."""
    edit_refused = Signal(str)
    """An edit was not made; the message says why (bad input, a stale or refused write)."""

    def __init__(self, db: Database, show_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editing = ShowEditing(db, show_id)
        self.show_id = show_id
        self.undo_stack = QUndoStack(self)
        # What views read: the plan as the signal being sent describes it, and the figures
        # derived from the whole change once it is announced.
        self.plan: ShowPlan = self.editing.plan
        self.schedule: Schedule = self.editing.schedule
        self.findings: list[Finding] = self.editing.findings
        self.resolve_conflict: Resolver | None = None
        """Asked which of my values go over someone else's; None: a stale edit is refused."""
        self.settling = False  # a resolver is deciding: edits made meanwhile are not written

    # Reading

    @property
    def db(self) -> Database:
        return self.editing.db

    @property
    def people(self) -> list[Person]:
        return self.editing.people

    @property
    def read_only(self) -> bool:
        return self.editing.read_only

    @property
    def editable(self) -> bool:
        """Whether the script may be changed here: not a read-only window, not a locked script
        (an approved or live show's, until someone unlocks it on purpose)."""
        return not self.read_only and not self.plan.show.locked

    def set_unlocked(self, unlocked: bool) -> None:
        """Unlock the approved script for editing, or lock it again; the history says who."""
        self._announce(self.editing.set_unlocked(unlocked))

    # Views ask while a change is being announced: they are answered from the plan they hold.

    def row_of(self, segment_id: int) -> int:
        return row_of(self.plan, segment_id)

    def segment(self, segment_id: int) -> Segment:
        return self.plan.segments[row_of(self.plan, segment_id)]

    def person_name(self, person_id: int | None) -> str:
        return self.editing.person_name(person_id)

    def value_text(self, name: str, value: Any) -> str:
        """A field's value as a person reads it: names for ids, units for amounts."""
        return labels.field_value(name, value, self._name_of)

    def _name_of(self, field: str, id_: int) -> str | None:
        if field == "product_id":
            product = self.plan.product(id_)
            return product.name if product else None
        if field == "promo_id":
            promo = self.plan.promo(id_)
            return promo.name if promo else None
        return self.person_name(id_) or None  # a person, or who plays a role

    def show_value(self, column: str) -> Any:
        """A show field by its column name (targets are columns of their own)."""
        return show_value(self.plan, column)

    def part(self, kind: type, part_id: int) -> Any:
        return find_part(self.plan, kind, part_id)

    # Conflicts and refusals

    def settle(self, conflict: Conflict) -> dict[str, Any]:
        """Ask the resolver which of my values to write over theirs; {} keeps theirs."""
        if self.resolve_conflict is None:
            return {}
        # A dialog's event loop can commit an editor again (focus leaves it): that edit must
        # not go past the question being asked.
        self.settling = True
        try:
            return dict(self.resolve_conflict(conflict) or {})
        finally:
            self.settling = False

    def refuse(self, exc: StorageError) -> None:
        """Say why an edit was not made, after showing someone else's version if it was theirs
        that refused it."""
        refused = self.editing.refusal(exc)
        if refused.changes is not None:
            self._announce(refused.changes)
        self.edit_refused.emit(refusal(exc))

    # Announcing

    def _announce(self, changes: ChangeSet) -> None:
        old_plan = self.plan
        for step in changes.segment_steps:
            # Views read plan.segments when told: it must hold the state the signal describes.
            self.plan = replace(old_plan, segments=step.rows)
            if isinstance(step, RowsRemoved):
                self.segments_removed.emit(step.first, step.count)
            elif isinstance(step, RowsInserted):
                self.segments_inserted.emit(step.first, step.count)
            else:
                self.segments_reordered.emit()
        self.plan = changes.plan
        for row in changes.segments_changed:
            self.segment_changed.emit(row)
        if changes.parts:
            self.parts_changed.emit()
        if changes.show_changed:
            self.show_changed.emit()
        self.schedule = self.editing.schedule
        self.findings = self.editing.findings
        self.plan_changed.emit()

    def _answer(self, edit: Edit[T]) -> T:
        self._announce(edit.changes)
        return edit.value

    def reload(self) -> None:
        """Read the show again and announce, row by row, how it differs from what views hold."""
        self._announce(self.editing.reload())

    # Segment edits

    def update_segment(self, segment_id: int, **changes: Any) -> dict[str, Any]:
        """Change fields; returns their previous values (for undo)."""
        return self._answer(self.editing.update_segment(segment_id, **changes))

    def set_role(self, segment_id: int, role: Role, person_id: int | None) -> int | None:
        """Assign a role in the segment; returns who had it before."""
        return self._answer(self.editing.set_role(segment_id, role, person_id))

    def insert_segments(self, position: int, new: Sequence[Segment]) -> list[int]:
        return self._answer(self.editing.insert_segments(position, new))

    def duplicate_segments(self, segment_ids: Sequence[int]) -> list[int]:
        return self._answer(self.editing.duplicate_segments(segment_ids))

    def remove_segments(self, segment_ids: Sequence[int]) -> SegmentsRemoval:
        return self._answer(self.editing.remove_segments(segment_ids))

    def restore_segments(self, removal: SegmentsRemoval) -> None:
        self._announce(self.editing.restore_segments(removal))

    def reorder_segments(self, ordered_ids: Sequence[int]) -> None:
        self._announce(self.editing.reorder_segments(ordered_ids))

    # Parts and the show

    def add_part(self, part: Part) -> Part:
        return self._answer(self.editing.add_part(part))

    def update_part(self, kind: type, part_id: int, **changes: Any) -> dict[str, Any]:
        return self._answer(self.editing.update_part(kind, part_id, **changes))

    def remove_part(self, kind: type, part_id: int) -> PartRemoval:
        return self._answer(self.editing.remove_part(kind, part_id))

    def restore_part(self, removal: PartRemoval) -> None:
        self._announce(self.editing.restore_part(removal))

    def person_named(self, name: str) -> Person:
        return self.editing.person_named(name)

    def update_show(self, **changes: Any) -> dict[str, Any]:
        return self._answer(self.editing.update_show(**changes))
