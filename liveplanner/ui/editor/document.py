"""One open show: its plan in memory, kept in step with the database, announcing each change.

Every edit goes to storage first (one transaction) and only then changes the plan held here, so
what the screen shows is what is saved. Field edits patch the plan in place; edits that add,
remove or reorder rows reload it and announce the difference row by row, so views keep their
selection and scroll position.

When a write is stale (someone else saved the row meanwhile) the document reloads their version;
an edit command may then ask `resolve_conflict` which of its values to write over theirs.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from liveplanner.core.enums import Role
from liveplanner.core.plan import Person, Segment, Show, ShowPlan
from liveplanner.core.rules import Finding, check
from liveplanner.core.schedule import Schedule, schedule
from liveplanner.storage import convert, parts, segments, shows
from liveplanner.storage.database import Database
from liveplanner.storage.errors import NotFoundError
from liveplanner.storage.parts import Part, PartRemoval
from liveplanner.storage.segments import SegmentsRemoval
from liveplanner.ui import labels
from liveplanner.ui.editor.row_diff import Remove, Reorder, row_steps


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
        self.db = db
        self.show_id = show_id
        self.undo_stack = QUndoStack(self)
        self.plan: ShowPlan = shows.load_plan(db, show_id)
        self.people: list[Person] = parts.list_people(db)
        self.schedule: Schedule = schedule(self.plan)
        self.findings: list[Finding] = check(self.plan)
        self.resolve_conflict: Resolver | None = None
        """Asked which of my values go over someone else's; None: a stale edit is refused."""
        self.settling = False  # a resolver is deciding: edits made meanwhile are not written

    # Reading

    @property
    def editable(self) -> bool:
        """Whether the script may be changed here: not a read-only window, not a locked script
        (an approved or live show's, until someone unlocks it on purpose)."""
        return not self.db.read_only and not self.plan.show.locked

    def set_unlocked(self, unlocked: bool) -> None:
        """Unlock the approved script for editing, or lock it again; the history says who."""
        (shows.unlock_script if unlocked else shows.lock_script)(self.db, self.show_id)
        self.reload()

    def row_of(self, segment_id: int) -> int:
        for row, segment in enumerate(self.plan.segments):
            if segment.id == segment_id:
                return row
        raise NotFoundError("that segment was deleted meanwhile")

    def segment(self, segment_id: int) -> Segment:
        return self.plan.segments[self.row_of(segment_id)]

    def person_name(self, person_id: int | None) -> str:
        return next((p.name for p in self.people if p.id == person_id), "")

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

    # Conflicts

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

    # Announcing

    def _derive(self) -> None:
        self.schedule = schedule(self.plan)
        self.findings = check(self.plan)
        self.plan_changed.emit()

    def reload(self) -> None:
        """Read the show again and announce, row by row, how it differs from what views hold."""
        new_plan = shows.load_plan(self.db, self.show_id)
        self.people = parts.list_people(self.db)
        old_plan = self.plan
        new_ids = [s.id for s in new_plan.segments]
        working = list(old_plan.segments)

        def announce(signal: Any, *args: int) -> None:
            # Views read plan.segments when told: it must hold the state the signal describes.
            self.plan = replace(old_plan, segments=tuple(working))
            signal.emit(*args)

        new_by_id = {s.id: s for s in new_plan.segments}
        for step in row_steps([s.id for s in working], new_ids):
            if isinstance(step, Remove):
                del working[step.row]
                announce(self.segments_removed, step.row, 1)
            elif isinstance(step, Reorder):
                by_id = {s.id: s for s in working}
                working = [by_id[i] for i in step.order]
                announce(self.segments_reordered)
            else:
                working.insert(step.row, new_by_id[step.key])
                announce(self.segments_inserted, step.row, 1)
        changed = [row for row, s in enumerate(new_plan.segments) if working[row] != s]
        self.plan = new_plan
        for row in changed:
            self.segment_changed.emit(row)
        part_fields = ("team", "products", "promos", "releases", "duties")
        if any(getattr(old_plan, f) != getattr(new_plan, f) for f in part_fields):
            self.parts_changed.emit()
        if old_plan.show != new_plan.show:
            self.show_changed.emit()
        self._derive()

    # Segment edits

    def update_segment(self, segment_id: int, **changes: Any) -> dict[str, Any]:
        """Change fields; returns their previous values (for undo)."""
        row = self.row_of(segment_id)
        before = self.plan.segments[row]
        old = {name: getattr(before, name) for name in changes}
        after = segments.update_segment(self.db, segment_id, before.version, **changes)
        self._replace_segment(row, after)
        return old

    def set_role(self, segment_id: int, role: Role, person_id: int | None) -> int | None:
        """Assign a role in the segment; returns who had it before."""
        row = self.row_of(segment_id)
        before = self.plan.segments[row]
        after = segments.set_role(self.db, segment_id, before.version, role, person_id)
        self._replace_segment(row, after)
        return before.roles.get(role)

    def _replace_segment(self, row: int, segment: Segment) -> None:
        segs = list(self.plan.segments)
        segs[row] = segment
        self.plan = replace(self.plan, segments=tuple(segs))
        self.segment_changed.emit(row)
        self._derive()

    def insert_segments(self, position: int, new: Sequence[Segment]) -> list[int]:
        inserted = segments.insert_segments(self.db, self.show_id, position, new)
        self.reload()
        return [s.id for s in inserted]

    def duplicate_segments(self, segment_ids: Sequence[int]) -> list[int]:
        copies = segments.duplicate_segments(self.db, segment_ids)
        self.reload()
        return [s.id for s in copies]

    def remove_segments(self, segment_ids: Sequence[int]) -> SegmentsRemoval:
        removal = segments.remove_segments(self.db, segment_ids)
        self.reload()
        return removal

    def restore_segments(self, removal: SegmentsRemoval) -> None:
        segments.restore_segments(self.db, removal)
        self.reload()

    def reorder_segments(self, ordered_ids: Sequence[int]) -> None:
        segments.reorder_segments(self.db, self.show_id, ordered_ids)
        by_id = {s.id: s for s in self.plan.segments}
        self.plan = replace(self.plan, segments=tuple(by_id[i] for i in ordered_ids))
        self.segments_reordered.emit()
        self._derive()

    # Parts and the show

    def add_part(self, part: Part) -> Part:
        added = parts.add_part(self.db, self.show_id, part)
        self.reload()
        return added

    def update_part(self, kind: type, part_id: int, **changes: Any) -> dict[str, Any]:
        current = self.part(kind, part_id)
        old = {name: getattr(current, name) for name in changes}
        parts.update_part(self.db, kind, part_id, current.version, **changes)
        self.reload()
        return old

    def remove_part(self, kind: type, part_id: int) -> PartRemoval:
        removal = parts.remove_part(self.db, kind, part_id)
        self.reload()
        return removal

    def restore_part(self, removal: PartRemoval) -> None:
        parts.restore_part(self.db, removal)
        self.reload()

    def person_named(self, name: str) -> Person:
        person = parts.person_named(self.db, name)
        if person not in self.people:
            self.people = parts.list_people(self.db)
        return person

    def show_value(self, column: str) -> Any:
        """A show field by its column name (targets are columns of their own)."""
        return convert.show_columns(self.plan.show)[column]

    def update_show(self, **changes: Any) -> dict[str, Any]:
        old = {name: self.show_value(name) for name in changes}
        show: Show = shows.update_show(self.db, self.show_id, self.plan.show.version, **changes)
        self.plan = replace(self.plan, show=show)
        self.show_changed.emit()
        self._derive()
        return old

    def part(self, kind: type, part_id: int) -> Any:
        pool = {
            "TeamMember": self.plan.team,
            "Product": self.plan.products,
            "Promo": self.plan.promos,
            "Duty": self.plan.duties,
            "Release": self.plan.releases,
        }[kind.__name__]
        for found in pool:
            if found.id == part_id:
                return found
        raise NotFoundError("that row was deleted meanwhile")
