"""Undo commands: each user edit of a show is one command that asks the document to do it.

A command does its work in redo(), the first time when pushed. If the database refuses (a stale
version, a broken limit of the schema), the document says why and the command marks itself
obsolete, so the stack drops it and nothing half-done stays behind.
"""

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from liveplanner.core.enums import Role
from liveplanner.core.plan import Duty, Product, Promo, Release, TeamMember
from liveplanner.storage.errors import NotFoundError, StaleEditError, StorageError
from liveplanner.storage.parts import Part, PartRemoval
from liveplanner.storage.segments import SegmentsRemoval
from liveplanner.ui import labels
from liveplanner.ui.editor.document import ShowDocument


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
        try:
            step()
        except StorageError as exc:
            self.failed = True
            self.setObsolete(True)
            if isinstance(exc, StaleEditError | NotFoundError):
                # Someone else changed the show: show their version, then say what happened.
                self.doc.reload()
            self.doc.edit_refused.emit(str(exc))
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


class EditSegment(Command):
    def __init__(self, doc: ShowDocument, segment_id: int, changes: dict[str, Any]) -> None:
        super().__init__(doc, QCoreApplication.translate("commands", "Edit segment"))
        self.segment_id = segment_id
        self.changes = changes
        self.old: dict[str, Any] = {}

    @classmethod
    def if_changed(
        cls, doc: ShowDocument, segment_id: int, changes: dict[str, Any]
    ) -> "EditSegment | None":
        segment = doc.segment(segment_id)
        if all(getattr(segment, k) == v for k, v in changes.items()):
            return None
        return cls(doc, segment_id, changes)

    def apply(self) -> None:
        self.old = self.doc.update_segment(self.segment_id, **self.changes)

    def revert(self) -> None:
        self.doc.update_segment(self.segment_id, **self.old)


class SetRole(Command):
    def __init__(
        self, doc: ShowDocument, segment_id: int, role: Role, person_id: int | None
    ) -> None:
        text = QCoreApplication.translate("commands", "Set %1").replace("%1", labels.role(role))
        super().__init__(doc, text)
        self.segment_id, self.role, self.person_id = segment_id, role, person_id
        self.before: int | None = None

    def apply(self) -> None:
        self.before = self.doc.set_role(self.segment_id, self.role, self.person_id)

    def revert(self) -> None:
        self.doc.set_role(self.segment_id, self.role, self.before)


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


class RemoveSegments(Command):
    def __init__(self, doc: ShowDocument, segment_ids: Sequence[int]) -> None:
        super().__init__(
            doc,
            QCoreApplication.translate("commands", "Delete %n segment(s)", None, len(segment_ids)),
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


class EditPart(Command):
    def __init__(
        self, doc: ShowDocument, kind: type, part_id: int, changes: dict[str, Any]
    ) -> None:
        text = QCoreApplication.translate("commands", "Edit %1").replace("%1", part_name(kind))
        super().__init__(doc, text)
        self.kind, self.part_id, self.changes = kind, part_id, changes
        self.old: dict[str, Any] = {}

    @classmethod
    def if_changed(
        cls, doc: ShowDocument, kind: type, part_id: int, changes: dict[str, Any]
    ) -> "EditPart | None":
        part = doc.part(kind, part_id)
        if all(getattr(part, k) == v for k, v in changes.items()):
            return None
        return cls(doc, kind, part_id, changes)

    def apply(self) -> None:
        self.old = self.doc.update_part(self.kind, self.part_id, **self.changes)

    def revert(self) -> None:
        self.doc.update_part(self.kind, self.part_id, **self.old)


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


class EditShow(Command):
    def __init__(self, doc: ShowDocument, changes: dict[str, Any]) -> None:
        super().__init__(doc, QCoreApplication.translate("commands", "Edit show"))
        self.changes = changes
        self.old: dict[str, Any] = {}

    @classmethod
    def if_changed(cls, doc: ShowDocument, changes: dict[str, Any]) -> "EditShow | None":
        if all(doc.show_value(k) == v for k, v in changes.items()):
            return None
        return cls(doc, changes)

    def apply(self) -> None:
        self.old = self.doc.update_show(**self.changes)

    def revert(self) -> None:
        self.doc.update_show(**self.old)
