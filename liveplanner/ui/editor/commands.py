"""Undo commands: each user edit of a show is one command that asks the document to do it.

A command does its work in redo(), the first time when pushed. If the database refuses (a stale
version, a broken limit of the schema), the document says why and the command marks itself
obsolete, so the stack drops it and nothing half-done stays behind.

A field edit (FieldEdit) that finds the row changed by someone else is settled instead, when the
document has a resolver: the user chooses, field by field, whose value stands; the command then
holds only what it wrote, and its undo goes back to their values.
"""

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoCommand

from liveplanner.app.database import NotFoundError, StaleEditError, StorageError
from liveplanner.app.editing import Part, PartRemoval, SegmentsRemoval
from liveplanner.core.enums import Role
from liveplanner.core.plan import Duty, Product, Promo, Release, Segment, TeamMember
from liveplanner.ui import labels
from liveplanner.ui.editor.document import Conflict, ConflictField, ShowDocument

SETTLING_ROUNDS = 3  # conflicts settled in a row before an edit is refused as before


def part_name(kind: type) -> str:
    return {
        TeamMember: QCoreApplication.translate("commands", "team member"),
        Product: QCoreApplication.translate("commands", "product"),
        Promo: QCoreApplication.translate("commands", "promo"),
        Duty: QCoreApplication.translate("commands", "cue"),
        Release: QCoreApplication.translate("commands", "release"),
    }[kind]


class Command(QUndoCommand):
    def __init__(self, doc: ShowDocument, text: str) -> None:
        super().__init__(text)
        self.doc = doc
        self._done_once = False
        # Kept on the Python side: the stack deletes a refused command's C++ half in push().
        self.failed = False

    def redo(self) -> None:
        first = not self._done_once
        self._done_once = True
        self._guard(self.apply if first else self.reapply)

    def undo(self) -> None:
        self._guard(self.revert)

    def _guard(self, step: Callable[[], None]) -> None:
        if self.doc.settling:
            # Committed again while a conflict is being settled (an editor losing focus to the
            # dialog): the question covers this value; writing it now would answer for the user.
            self.setObsolete(True)
            return
        try:
            step()
        except StorageError as exc:
            self.failed = True
            self.setObsolete(True)
            # Someone else changed (or approved) the show: the document shows their version,
            # then says what happened.
            self.doc.refuse(exc)
        except Exception:
            # A bug, not the user's doing: no half-done entry may stay on the stack.
            self.failed = True
            self.setObsolete(True)
            raise

    def apply(self) -> None:
        raise NotImplementedError

    def reapply(self) -> None:
        self.apply()

    def revert(self) -> None:
        raise NotImplementedError


class FieldEdit(Command):
    """Changes some fields of one row; `changes` and `old` name the same fields.

    On a stale write with a resolver on the document, the edit is settled against the version
    now stored (see `_write`); without one it is refused, as any other command.
    """

    def __init__(self, doc: ShowDocument, text: str, changes: dict[str, Any]) -> None:
        super().__init__(doc, text)
        self.changes = dict(changes)
        self.old: dict[str, Any] = {}
        self._done_before = False  # written once: a redo then expects what the undo left

    # What each kind of row tells

    def read(self) -> dict[str, Any]:
        """The edited fields' values in the document's plan now."""
        raise NotImplementedError

    def write(self, values: dict[str, Any]) -> None:
        raise NotImplementedError

    def subject(self) -> tuple[str, str]:
        """What the row is and which one, for people: ("segment", its title)."""
        raise NotImplementedError

    def field_label(self, name: str) -> str:
        raise NotImplementedError

    # Doing and undoing

    def apply(self) -> None:
        # A redo expects the values the undo wrote; the first time, whatever is there.
        settled = self._write(self.changes, self.old if self._done_before else None)
        if settled is None:
            self._keep_theirs()
            return
        self.changes, self.old = settled
        self._done_before = True

    def revert(self) -> None:
        settled = self._write(self.old, self.changes)
        if settled is None:
            self._keep_theirs()
            return
        self.old = settled[0]
        self.changes = {name: self.changes[name] for name in self.old}

    def _write(
        self, mine: dict[str, Any], expected: dict[str, Any] | None
    ) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """Write `mine`; returns what was written and the values it replaced, or None when
        someone else's version stands as it is.

        A stale write reloads the document and asks its resolver which of my fields go over
        theirs; those are written against their version, and if that is stale again the user is
        asked again about what changed since, SETTLING_ROUNDS times at most. An undo or redo
        (`expected`: what this command last wrote) over values changed elsewhere since, already
        reloaded here, asks the same question: it never overwrites theirs unseen.
        """
        was = self.read()
        if expected is not None and any(was[name] != expected[name] for name in mine):
            what, name = self.subject()
            changed = StaleEditError(
                what,
                0,
                QCoreApplication.translate(
                    "commands",
                    "Someone else changed the %1 “%2” since; nothing was changed over it.",
                )
                .replace("%1", what)
                .replace("%2", name),
            )
            if self.doc.resolve_conflict is None:
                raise changed
            mine = self._settle(changed, expected, was, mine)
            if not mine:
                return None
        for round_ in range(SETTLING_ROUNDS + 1):
            try:
                self.write(mine)
            except StaleEditError as exc:
                if self.doc.resolve_conflict is None or round_ == SETTLING_ROUNDS:
                    raise
                self.doc.reload()
                try:
                    theirs = self.read()
                except (LookupError, NotFoundError):
                    raise exc from None  # gone meanwhile: refused as stale
                mine = self._settle(exc, was, theirs, mine)
                if not mine:
                    return None
                was = theirs
            else:
                return mine, {name: was[name] for name in mine}
        raise AssertionError("unreachable: the last round re-raises")

    def _settle(
        self,
        exc: StaleEditError,
        was: dict[str, Any],
        theirs: dict[str, Any],
        mine: dict[str, Any],
    ) -> dict[str, Any]:
        """The fields of mine to write over their version."""
        # Fields they set to my value need nothing; fields they left alone take mine unasked.
        open_ = {name: value for name, value in mine.items() if theirs[name] != value}
        if not any(theirs[name] != was[name] for name in open_):
            return open_
        what, name = self.subject()
        conflict = Conflict(
            exc.entity,
            exc.entity_id,
            what,
            name,
            tuple(
                ConflictField(
                    field,
                    self.field_label(field),
                    was[field],
                    theirs[field],
                    value,
                    lambda v, f=field: self.doc.value_text(f, v),
                )
                for field, value in open_.items()
            ),
        )
        chosen = self.doc.settle(conflict)
        return {k: v for k, v in chosen.items() if k in open_ and v != theirs[k]}

    def _keep_theirs(self) -> None:
        # Not a failure: the user chose their version, or it already held mine.
        self.setObsolete(True)
        what, name = self.subject()
        self.doc.edit_refused.emit(
            QCoreApplication.translate(
                "commands", "Someone else changed the %1 “%2” meanwhile; their version was kept."
            )
            .replace("%1", what)
            .replace("%2", name)
        )


class SegmentFieldEdit(FieldEdit):
    """A field edit of one segment: its fields, or who plays a role in it."""

    def __init__(
        self, doc: ShowDocument, text: str, segment_id: int, changes: dict[str, Any]
    ) -> None:
        super().__init__(doc, text, changes)
        self.segment_id = segment_id

    def segment(self) -> Segment:
        return self.doc.segment(self.segment_id)

    def subject(self) -> tuple[str, str]:
        return QCoreApplication.translate("commands", "segment"), self.segment().title

    def field_label(self, name: str) -> str:
        return labels.segment_field(name)


class EditSegment(SegmentFieldEdit):
    def __init__(self, doc: ShowDocument, segment_id: int, changes: dict[str, Any]) -> None:
        text = QCoreApplication.translate("commands", "Edit segment")
        super().__init__(doc, text, segment_id, changes)

    @classmethod
    def if_changed(
        cls, doc: ShowDocument, segment_id: int, changes: dict[str, Any]
    ) -> "EditSegment | None":
        segment = doc.segment(segment_id)
        if all(getattr(segment, k) == v for k, v in changes.items()):
            return None
        return cls(doc, segment_id, changes)

    def read(self) -> dict[str, Any]:
        segment = self.segment()
        return {name: getattr(segment, name) for name in self.changes}

    def write(self, values: dict[str, Any]) -> None:
        self.doc.update_segment(self.segment_id, **values)


class SetRole(SegmentFieldEdit):
    """Who plays a role in a segment; as a field edit, the field is named by the role's value."""

    def __init__(
        self, doc: ShowDocument, segment_id: int, role: Role, person_id: int | None
    ) -> None:
        text = QCoreApplication.translate("commands", "Set %1").replace("%1", labels.role(role))
        super().__init__(doc, text, segment_id, {role.value: person_id})
        self.role, self.person_id = role, person_id

    def read(self) -> dict[str, Any]:
        return {self.role.value: self.segment().roles.get(self.role)}

    def write(self, values: dict[str, Any]) -> None:
        self.doc.set_role(self.segment_id, self.role, values[self.role.value])


class CreateSegments(Command):
    """Segments made by `create` (insert or duplicate); undone by removing them, redone by
    restoring exactly those rows."""

    def __init__(self, doc: ShowDocument, text: str, create: Callable[[], list[int]]) -> None:
        super().__init__(doc, text)
        self.create = create
        self.ids: list[int] = []
        self.removal: SegmentsRemoval | None = None

    def apply(self) -> None:
        self.ids = self.create()

    def revert(self) -> None:
        self.removal = self.doc.remove_segments(self.ids)

    def reapply(self) -> None:
        assert self.removal is not None
        self.doc.restore_segments(self.removal)


class CountedNames(QObject):
    """Undo steps' names that count, in the language's plural forms ("Delete 1 segment").

    A class for the sake of lupdate, which marks a message as plural only in self.tr(..., n)
    with a variable n: QCoreApplication.translate(..., n) was never extracted."""

    def delete_segments(self, count: int) -> str:
        return self.tr("Delete %n segment(s)", "", count)

    def duplicate_segments(self, count: int) -> str:
        return self.tr("Duplicate %n segment(s)", "", count)


class RemoveSegments(Command):
    def __init__(self, doc: ShowDocument, segment_ids: Sequence[int]) -> None:
        super().__init__(
            doc,
            CountedNames().delete_segments(len(segment_ids)),
        )
        self.ids = list(segment_ids)
        self.removal: SegmentsRemoval | None = None

    def apply(self) -> None:
        self.removal = self.doc.remove_segments(self.ids)

    def revert(self) -> None:
        assert self.removal is not None
        self.doc.restore_segments(self.removal)


class MoveSegments(Command):
    def __init__(self, doc: ShowDocument, before: list[int], after: list[int]) -> None:
        super().__init__(doc, QCoreApplication.translate("commands", "Move segments"))
        self.before, self.after = before, after

    @classmethod
    def to_row(
        cls, doc: ShowDocument, segment_ids: Sequence[int], row: int
    ) -> "MoveSegments | None":
        """Move the segments, in their current order, to stand before what is now at `row`."""
        before = [s.id for s in doc.plan.segments]
        moving = [i for i in before if i in set(segment_ids)]
        anchor = next((i for i in before[row:] if i not in moving), None)
        rest = [i for i in before if i not in moving]
        at = rest.index(anchor) if anchor is not None else len(rest)
        after = rest[:at] + moving + rest[at:]
        return None if after == before else cls(doc, before, after)

    @classmethod
    def by(cls, doc: ShowDocument, segment_ids: Sequence[int], step: int) -> "MoveSegments | None":
        """Move each chosen segment one place up (step -1) or down (+1), as a block."""
        before = [s.id for s in doc.plan.segments]
        rows = sorted(before.index(i) for i in segment_ids)
        if not rows or rows[0] + step < 0 or rows[-1] + step >= len(before):
            return None
        after = list(before)
        for row in rows if step < 0 else reversed(rows):
            after[row], after[row + step] = after[row + step], after[row]
        return cls(doc, before, after)

    def apply(self) -> None:
        self.doc.reorder_segments(self.after)

    def revert(self) -> None:
        self.doc.reorder_segments(self.before)


class EditPart(FieldEdit):
    def __init__(
        self, doc: ShowDocument, kind: type, part_id: int, changes: dict[str, Any]
    ) -> None:
        text = QCoreApplication.translate("commands", "Edit %1").replace("%1", part_name(kind))
        super().__init__(doc, text, changes)
        self.kind, self.part_id = kind, part_id

    @classmethod
    def if_changed(
        cls, doc: ShowDocument, kind: type, part_id: int, changes: dict[str, Any]
    ) -> "EditPart | None":
        part = doc.part(kind, part_id)
        if all(getattr(part, k) == v for k, v in changes.items()):
            return None
        return cls(doc, kind, part_id, changes)

    def read(self) -> dict[str, Any]:
        part = self.doc.part(self.kind, self.part_id)
        return {name: getattr(part, name) for name in self.changes}

    def write(self, values: dict[str, Any]) -> None:
        self.doc.update_part(self.kind, self.part_id, **values)

    def subject(self) -> tuple[str, str]:
        part = self.doc.part(self.kind, self.part_id)
        if isinstance(part, TeamMember):
            name = f"{self.doc.person_name(part.person_id)} · {labels.role(part.role)}"
        elif isinstance(part, Duty):
            name = part.cue
        elif isinstance(part, Release):
            promo = self.doc.plan.promo(part.promo_id)
            name = promo.name if promo else ""
        else:
            name = part.name
        return part_name(self.kind), name

    def field_label(self, name: str) -> str:
        return labels.part_field(name)


class AddPart(Command):
    def __init__(self, doc: ShowDocument, part: Part) -> None:
        text = QCoreApplication.translate("commands", "Add %1").replace("%1", part_name(type(part)))
        super().__init__(doc, text)
        self.part = part
        self.added: Part | None = None
        self.removal: PartRemoval | None = None

    def apply(self) -> None:
        self.added = self.doc.add_part(self.part)

    def revert(self) -> None:
        assert self.added is not None
        self.removal = self.doc.remove_part(type(self.added), self.added.id)

    def reapply(self) -> None:
        assert self.removal is not None
        self.doc.restore_part(self.removal)


class RemovePart(Command):
    def __init__(self, doc: ShowDocument, kind: type, part_id: int) -> None:
        text = QCoreApplication.translate("commands", "Delete %1").replace("%1", part_name(kind))
        super().__init__(doc, text)
        self.kind, self.part_id = kind, part_id
        self.removal: PartRemoval | None = None

    def apply(self) -> None:
        self.removal = self.doc.remove_part(self.kind, self.part_id)

    def revert(self) -> None:
        assert self.removal is not None
        self.doc.restore_part(self.removal)


class EditShow(FieldEdit):
    def __init__(self, doc: ShowDocument, changes: dict[str, Any]) -> None:
        super().__init__(doc, QCoreApplication.translate("commands", "Edit show"), changes)

    @classmethod
    def if_changed(cls, doc: ShowDocument, changes: dict[str, Any]) -> "EditShow | None":
        if all(doc.show_value(k) == v for k, v in changes.items()):
            return None
        return cls(doc, changes)

    def read(self) -> dict[str, Any]:
        return {name: self.doc.show_value(name) for name in self.changes}

    def write(self, values: dict[str, Any]) -> None:
        self.doc.update_show(**values)

    def subject(self) -> tuple[str, str]:
        return QCoreApplication.translate("commands", "show"), self.doc.plan.show.title

    def field_label(self, name: str) -> str:
        return labels.show_field(name)
