"""Editing one show: its plan in memory, each edit written through storage first and answered
with a change set that says what changed, so a front-end can tell its views row by row.

Every edit goes to storage in one transaction and only then changes the plan held here, so the
plan is what is saved. Field edits patch the plan in place; edits that add, remove or reorder
rows read the show again and describe the difference as steps views can follow.

No Qt here: the window's ShowDocument (ui/editor/document.py) turns change sets into item-model
signals; tests and other front-ends read them as plain data.
"""

from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from liveplanner.app.row_diff import Remove, Reorder, row_steps
from liveplanner.core.enums import Role, ShowStatus
from liveplanner.core.plan import Person, Segment, ShowPlan
from liveplanner.core.rules import Finding, check
from liveplanner.core.schedule import Schedule, schedule
from liveplanner.storage import convert, history, parts, segments, shows
from liveplanner.storage.database import Database
from liveplanner.storage.errors import (
    NotFoundError,
    ScriptLockedError,
    StaleEditError,
    StorageError,
)
from liveplanner.storage.history import Change
from liveplanner.storage.parts import P, Part, PartRemoval
from liveplanner.storage.segments import SegmentsRemoval

__all__ = [
    "PARTS",
    "Change",
    "ChangeSet",
    "Edit",
    "Part",
    "PartRemoval",
    "Refusal",
    "RowsInserted",
    "RowsRemoved",
    "RowsReordered",
    "SegmentsRemoval",
    "ShowEditing",
    "find_part",
    "row_of",
    "show_value",
]

PARTS = ("team", "products", "promos", "releases", "duties")
"""The show's parts besides its segments, as ShowPlan names them."""


@dataclass(frozen=True, slots=True)
class RowsInserted:
    """Segments were inserted at `first`; `rows` is the segment list once they are in."""

    first: int
    count: int
    rows: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class RowsRemoved:
    """Segments were removed from `first`; `rows` is the segment list once they are out."""

    first: int
    count: int
    rows: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class RowsReordered:
    """The same segments stand in another order: `rows`."""

    rows: tuple[Segment, ...]


RowStep = RowsInserted | RowsRemoved | RowsReordered


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """What one edit (or reading the show again) changed, in the order views must hear it:
    first the segment rows' steps, each applied to the list the one before left, then the rows
    whose fields changed, then the parts and the show."""

    plan: ShowPlan
    """The plan after the change."""
    segment_steps: tuple[RowStep, ...] = ()
    segments_changed: tuple[int, ...] = ()
    """Rows of `plan.segments` whose fields or roles changed."""
    parts: frozenset[str] = frozenset()
    """Which of PARTS changed."""
    show_changed: bool = False


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Edit(Generic[T]):
    """An edit made: what it answers (previous values for undo, new ids, a removal to restore)
    and what it changed."""

    value: T
    changes: ChangeSet


@dataclass(frozen=True, slots=True)
class Refusal:
    """An edit storage refused; nothing of it was written.

    When someone else changed the show meanwhile (a stale version, a row deleted, the script
    locked), the show was read again and `changes` says how it now differs; None when the plan
    held here stands (a bad value) or could not be read again (the server is away).
    """

    error: StorageError
    changes: ChangeSet | None
    stale: bool


def row_of(plan: ShowPlan, segment_id: int) -> int:
    """Where the segment stands in the plan; NotFoundError when it is not there (any more)."""
    for row, segment in enumerate(plan.segments):
        if segment.id == segment_id:
            return row
    raise NotFoundError("that segment was deleted meanwhile", code="editing.segment_gone")


def show_value(plan: ShowPlan, column: str) -> Any:
    """A show field by its column name (targets are columns of their own)."""
    return convert.show_columns(plan.show)[column]


def find_part(plan: ShowPlan, kind: type, part_id: int) -> Any:
    """The team member, product, promo, duty or release of that id in the plan."""
    pool: tuple[Any, ...] = {
        "TeamMember": plan.team,
        "Product": plan.products,
        "Promo": plan.promos,
        "Duty": plan.duties,
        "Release": plan.releases,
    }[kind.__name__]
    for found in pool:
        if found.id == part_id:
            return found
    raise NotFoundError("that row was deleted meanwhile", code="editing.row_gone")


class ShowEditing:
    """One open show. Reads answer from the plan held here; edits raise StorageError when
    refused (see `refusal`) and otherwise return what they changed."""

    def __init__(self, db: Database, show_id: int) -> None:
        self.db = db
        self.show_id = show_id
        self.plan: ShowPlan = shows.load_plan(db, show_id)
        self.people: list[Person] = parts.list_people(db)
        self.schedule: Schedule = schedule(self.plan)
        self.findings: list[Finding] = check(self.plan)

    # Reading

    @property
    def read_only(self) -> bool:
        """Opened read-only: another liveplanner has the database, or it cannot be written."""
        return self.db.read_only

    def row_of(self, segment_id: int) -> int:
        return row_of(self.plan, segment_id)

    def segment(self, segment_id: int) -> Segment:
        return self.plan.segments[row_of(self.plan, segment_id)]

    def person_name(self, person_id: int | None) -> str:
        return next((p.name for p in self.people if p.id == person_id), "")

    def show_value(self, column: str) -> Any:
        return show_value(self.plan, column)

    def part(self, kind: type, part_id: int) -> Any:
        return find_part(self.plan, kind, part_id)

    # The show's history, for noticing edits made elsewhere

    def last_change_id(self) -> int:
        return history.last_change_id(self.db, self.show_id)

    def changes_after(self, change_id: int) -> list[Change]:
        """The show's history lines after `change_id`, oldest first."""
        return history.list_changes(self.db, self.show_id, change_id)

    def made_here(self, change: Change) -> bool:
        """Whether this database connection (this window) made the change."""
        return change.origin == self.db.origin

    def stored_status(self) -> ShowStatus:
        """The show's status as saved now, which the timer may have moved meanwhile."""
        return shows.load_plan(self.db, self.show_id).show.status

    # Announcing

    def _settled(self, changes: ChangeSet) -> ChangeSet:
        self.plan = changes.plan
        self.schedule = schedule(self.plan)
        self.findings = check(self.plan)
        return changes

    def reload(self) -> ChangeSet:
        """Read the show again; the change set says, row by row, how it differs."""
        new_plan = shows.load_plan(self.db, self.show_id)
        self.people = parts.list_people(self.db)
        old_plan = self.plan
        working = list(old_plan.segments)
        new_by_id = {s.id: s for s in new_plan.segments}
        steps: list[RowStep] = []
        for step in row_steps([s.id for s in working], [s.id for s in new_plan.segments]):
            if isinstance(step, Remove):
                del working[step.row]
                steps.append(RowsRemoved(step.row, 1, tuple(working)))
            elif isinstance(step, Reorder):
                by_id = {s.id: s for s in working}
                working = [by_id[i] for i in step.order]
                steps.append(RowsReordered(tuple(working)))
            else:
                working.insert(step.row, new_by_id[step.key])
                steps.append(RowsInserted(step.row, 1, tuple(working)))
        changed = tuple(row for row, s in enumerate(new_plan.segments) if working[row] != s)
        return self._settled(
            ChangeSet(
                new_plan,
                tuple(steps),
                changed,
                frozenset(p for p in PARTS if getattr(old_plan, p) != getattr(new_plan, p)),
                old_plan.show != new_plan.show,
            )
        )

    def refusal(self, exc: StorageError) -> Refusal:
        """What to show for a refused edit. When someone else changed (or approved, or
        deleted) what it edited, the show is read again so the user sees their version."""
        stale = isinstance(exc, StaleEditError | NotFoundError | ScriptLockedError)
        changes = None
        if stale:
            # Deleted for good elsewhere, or the server is away: it cannot be shown.
            with suppress(StorageError):
                changes = self.reload()
        return Refusal(exc, changes, stale)

    def set_unlocked(self, unlocked: bool) -> ChangeSet:
        """Unlock the approved script for editing, or lock it again; the history says who."""
        (shows.unlock_script if unlocked else shows.lock_script)(self.db, self.show_id)
        return self.reload()

    # Segment edits

    def update_segment(self, segment_id: int, **changes: Any) -> Edit[dict[str, Any]]:
        """Change fields; answers their previous values (for undo)."""
        row = self.row_of(segment_id)
        before = self.plan.segments[row]
        old = {name: getattr(before, name) for name in changes}
        after = segments.update_segment(self.db, segment_id, before.version, **changes)
        return Edit(old, self._replace_segment(row, after))

    def set_role(self, segment_id: int, role: Role, person_id: int | None) -> Edit[int | None]:
        """Assign a role in the segment; answers who had it before."""
        row = self.row_of(segment_id)
        before = self.plan.segments[row]
        after = segments.set_role(self.db, segment_id, before.version, role, person_id)
        return Edit(before.roles.get(role), self._replace_segment(row, after))

    def _replace_segment(self, row: int, segment: Segment) -> ChangeSet:
        segs = list(self.plan.segments)
        segs[row] = segment
        return self._settled(
            ChangeSet(replace(self.plan, segments=tuple(segs)), segments_changed=(row,))
        )

    def insert_segments(self, position: int, new: Sequence[Segment]) -> Edit[list[int]]:
        inserted = segments.insert_segments(self.db, self.show_id, position, new)
        return Edit([s.id for s in inserted], self.reload())

    def duplicate_segments(self, segment_ids: Sequence[int]) -> Edit[list[int]]:
        copies = segments.duplicate_segments(self.db, segment_ids)
        return Edit([s.id for s in copies], self.reload())

    def remove_segments(self, segment_ids: Sequence[int]) -> Edit[SegmentsRemoval]:
        removal = segments.remove_segments(self.db, segment_ids)
        return Edit(removal, self.reload())

    def restore_segments(self, removal: SegmentsRemoval) -> ChangeSet:
        segments.restore_segments(self.db, removal)
        return self.reload()

    def reorder_segments(self, ordered_ids: Sequence[int]) -> ChangeSet:
        segments.reorder_segments(self.db, self.show_id, ordered_ids)
        by_id = {s.id: s for s in self.plan.segments}
        rows = tuple(by_id[i] for i in ordered_ids)
        return self._settled(
            ChangeSet(replace(self.plan, segments=rows), segment_steps=(RowsReordered(rows),))
        )

    # Parts and the show

    def add_part(self, part: P) -> Edit[P]:
        added = parts.add_part(self.db, self.show_id, part)
        return Edit(added, self.reload())

    def update_part(self, kind: type, part_id: int, **changes: Any) -> Edit[dict[str, Any]]:
        """Change a part's fields; answers their previous values (for undo)."""
        current = self.part(kind, part_id)
        old = {name: getattr(current, name) for name in changes}
        parts.update_part(self.db, kind, part_id, current.version, **changes)
        return Edit(old, self.reload())

    def remove_part(self, kind: type, part_id: int) -> Edit[PartRemoval]:
        removal = parts.remove_part(self.db, kind, part_id)
        return Edit(removal, self.reload())

    def restore_part(self, removal: PartRemoval) -> ChangeSet:
        parts.restore_part(self.db, removal)
        return self.reload()

    def person_named(self, name: str) -> Person:
        """The person of that name, made if new (people are shared by all shows)."""
        person = parts.person_named(self.db, name)
        if person not in self.people:
            self.people = parts.list_people(self.db)
        return person

    def update_show(self, **changes: Any) -> Edit[dict[str, Any]]:
        """Change the show's own fields; answers their previous values (for undo)."""
        old = {name: self.show_value(name) for name in changes}
        show = shows.update_show(self.db, self.show_id, self.plan.show.version, **changes)
        return Edit(old, self._settled(ChangeSet(replace(self.plan, show=show), show_changed=True)))
