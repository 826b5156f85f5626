"""A suggestion's `change` (core.advice_suggestions) as one undo command of the editor: the same
commands the producer's own edits push, so the history and Ctrl+Z treat it as any other edit."""

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from liveplanner.core.enums import SegmentKind
from liveplanner.core.plan import Product, Segment
from liveplanner.ui import labels
from liveplanner.ui.editor import commands
from liveplanner.ui.editor.document import ShowDocument


def change_command(doc: ShowDocument, change: Mapping[str, object]) -> QUndoCommand | None:
    """The command that makes `change` on the plan as it is now; None when it holds already."""
    command: QUndoCommand | None
    if "move" in change:
        moving, to = int(str(change["move"])), int(str(change["to"]))
        before = [s.id for s in doc.plan.segments]
        rest = [i for i in before if i != moving]
        after = [*rest[: to - 1], moving, *rest[to - 1 :]]
        command = None if after == before else commands.MoveSegments(doc, before, after)
    elif "segment" in change:
        command = commands.EditSegment.if_changed(
            doc, int(str(change["segment"])), {"duration_s": int(str(change["duration_s"]))}
        )
    elif "product" in change:
        command = commands.EditPart.if_changed(
            doc, Product, int(str(change["product"])), {"stock": int(str(change["stock"]))}
        )
    else:
        kind = SegmentKind(str(change["insert"]))
        segment = Segment(0, kind, labels.segment_kind(kind), int(str(change["duration_s"])))
        row = int(str(change["at"])) - 1
        command = commands.CreateSegments(
            doc,
            QCoreApplication.translate("commands", "Insert segment"),
            lambda: doc.insert_segments(row, [segment]),
        )
    if command is not None:
        command.setText(QCoreApplication.translate("commands", "Apply advice"))
    return command
