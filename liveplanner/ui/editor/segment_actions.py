"""The script editor's segment actions: insert, duplicate, clear cells or delete, move up and
down, and choosing one segment; each edit is one undo command."""

from PySide6.QtCore import QCoreApplication, QItemSelectionModel

from liveplanner.core.enums import SegmentKind
from liveplanner.core.plan import Segment
from liveplanner.ui.editor import commands
from liveplanner.ui.editor.segment_model import SegmentTableModel

NEW_SEGMENT_S = 5 * 60


class SegmentActions:
    """ShowEditor's segment actions, over its table, model and document."""

    def insert_segment(self) -> None:
        index = self.table.currentIndex()
        position = index.row() + 1 if index.isValid() else self.model.rowCount()
        segment = Segment(0, SegmentKind.OTHER, self.tr("New segment"), NEW_SEGMENT_S)
        command = commands.CreateSegments(
            self.doc,
            QCoreApplication.translate("commands", "Insert segment"),
            lambda: self.doc.insert_segments(position, [segment]),
        )
        self.doc.undo_stack.push(command)
        if command.ids:
            self.select_segment(command.ids[0], SegmentTableModel.TITLE)
            self.table.edit(self.table.currentIndex())

    def duplicate_segments(self) -> None:
        ids = self.chosen_ids()
        if not ids:
            return
        command = commands.CreateSegments(
            self.doc,
            commands.CountedNames().duplicate_segments(len(ids)),
            lambda: self.doc.duplicate_segments(ids),
        )
        self.doc.undo_stack.push(command)
        if command.ids:
            self.select_segment(command.ids[0])

    def clear_or_delete(self) -> None:
        selection = self.table.selectionModel()
        if selection.selectedRows():
            self.delete_segments()
            return
        cells = [
            i for i in selection.selectedIndexes() if i.column() in SegmentTableModel.CLEARABLE
        ]
        if not cells:
            return
        stack = self.doc.undo_stack
        stack.beginMacro(self.tr("Clear cells"))
        for index in cells:
            self.model.setData(index, None)
        stack.endMacro()

    def delete_segments(self) -> None:
        ids = self.chosen_ids()
        if ids:
            self.doc.undo_stack.push(commands.RemoveSegments(self.doc, ids))

    def move_segments(self, step: int) -> None:
        ids = self.chosen_ids()
        column = max(self.table.currentIndex().column(), 0)
        command = commands.MoveSegments.by(self.doc, ids, step)
        if command is None:
            return
        self.doc.undo_stack.push(command)
        # Keep the same segments chosen where they now stand, so Alt+Down can be held.
        rows = sorted(self.doc.row_of(i) for i in ids)
        self.table.selectionModel().setCurrentIndex(
            self.model.index(rows[0], column), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        for row in rows[1:]:
            self.table.selectionModel().select(
                self.model.index(row, column), QItemSelectionModel.SelectionFlag.Select
            )

    def select_segment(self, segment_id: int, column: int = SegmentTableModel.TITLE) -> None:
        row = self.doc.row_of(segment_id)
        index = self.model.index(row, column)
        # This segment alone, whatever modifier is still held (Ctrl of Ctrl+I would add it to
        # the chosen ones, and a delete would then take the one before too).
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.table.scrollTo(index)
        self.table.setFocus()
