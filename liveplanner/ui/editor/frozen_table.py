"""A table whose first columns stay put while the others scroll sideways, as a spreadsheet's
frozen panes do.

Qt's "frozen column" example: a second view over the same model and the same selection lies on
the table's left edge and shows only the frozen columns; the table underneath still has every
column, so the keyboard, the selection and the row numbers work across all of them as one. The
table keeps the keyboard (the frozen view hands focus to it); a cell of a frozen column is edited
in the frozen view, where it can be seen, and Tab, Enter and the arrows move between the two.

Only the part of the table's viewport right of the frozen view shows scrolling columns, so the
sideways scroll bar is measured against that part: its page is that part's width (the handle's
size, and how far a click beside the handle goes), and scrolling to a cell brings it into that
part, never under the frozen columns.
"""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QTableView,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
Hint = QAbstractItemView.ScrollHint
ALL_TRIGGERS = QAbstractItemView.EditTrigger.AllEditTriggers


class _FrozenView(QTableView):
    """The frozen columns, drawn over the table's left edge."""

    def __init__(self, table: "FrozenColumnsTable") -> None:
        super().__init__(table)
        self._table = table
        self.setFocusProxy(table)  # a click here gives the table the keyboard
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # A line where the frozen columns end and the scrolling ones pass under.
        self.setStyleSheet("QTableView { border: none; border-right: 2px solid palette(mid); }")

    def edit(  # type: ignore[override]
        self, index: Index, trigger: object = ALL_TRIGGERS, event: object = None
    ) -> bool:
        if index.isValid() and not self._table.is_frozen(index.column()):
            return self._table.edit(index, trigger, event)
        return super().edit(index, trigger, event)  # type: ignore[call-overload,no-any-return]

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        # Tab out of the last frozen cell goes on into the scrolling columns, as in the table.
        return self._table.moveCursor(action, modifiers)

    def updateGeometries(self) -> None:
        super().updateGeometries()
        # The frozen columns never scroll sideways, not even by the width of the edge line.
        self.horizontalScrollBar().setRange(0, 0)

    def scrollTo(self, index: Index, hint: Hint = Hint.EnsureVisible) -> None:
        # Up or down as the table goes (the two vertical scroll bars are tied).
        self._table.scrollTo(index, hint)


class FrozenColumnsTable(QTableView):
    """A QTableView whose first `frozen` columns stay in place when it scrolls sideways."""

    def __init__(self, frozen: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = frozen
        self._forwarding = False
        self.frozen = _FrozenView(self)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.viewport().stackUnder(self.frozen)
        mine, theirs = self.verticalScrollBar(), self.frozen.verticalScrollBar()
        mine.valueChanged.connect(theirs.setValue)
        theirs.valueChanged.connect(mine.setValue)
        self.horizontalHeader().sectionResized.connect(self._resized_here)
        self.frozen.horizontalHeader().sectionResized.connect(self._resized_there)
        self.verticalHeader().sectionResized.connect(
            lambda row, _old, size: self.frozen.setRowHeight(row, size)
        )

    def is_frozen(self, column: int) -> bool:
        return 0 <= column < self._count

    def is_editing(self) -> bool:
        """Whether a cell is being edited, in the scrolling columns or the frozen ones."""
        editing = QAbstractItemView.State.EditingState
        return self.state() == editing or self.frozen.state() == editing

    # Keeping the frozen view like the table

    def setModel(self, model: object) -> None:
        super().setModel(model)  # type: ignore[arg-type]
        self.frozen.setModel(model)  # type: ignore[arg-type]
        self.frozen.setSelectionModel(self.selectionModel())
        self._show_frozen_columns()
        model.columnsInserted.connect(self._show_frozen_columns)  # type: ignore[attr-defined]
        model.modelReset.connect(self._show_frozen_columns)  # type: ignore[attr-defined]

    def _show_frozen_columns(self) -> None:
        model = self.model()
        for column in range(model.columnCount() if model is not None else 0):
            self.frozen.setColumnHidden(column, not self.is_frozen(column))
            if self.is_frozen(column):
                self.frozen.setColumnWidth(column, self.columnWidth(column))
        self._place_frozen()

    def mirror_settings(self) -> None:
        """Give the frozen view the table's way of editing, choosing, dragging and looking."""
        view = self.frozen
        delegate = self.itemDelegate()
        # A delegate serves one view: the frozen one gets its own of the same kind.
        view.setItemDelegate(type(delegate)(view))
        view.setEditTriggers(self.editTriggers())
        view.setSelectionMode(self.selectionMode())
        view.setSelectionBehavior(self.selectionBehavior())
        view.setDragDropMode(self.dragDropMode())
        view.setDefaultDropAction(self.defaultDropAction())
        view.setDragDropOverwriteMode(self.dragDropOverwriteMode())
        view.setDropIndicatorShown(self.showDropIndicator())
        view.setDragEnabled(self.dragEnabled())
        view.setAlternatingRowColors(self.alternatingRowColors())
        view.setWordWrap(self.wordWrap())
        view.setShowGrid(self.showGrid())
        view.setTextElideMode(self.textElideMode())
        view.verticalHeader().setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
        view.horizontalHeader().setStretchLastSection(False)

    def setDragEnabled(self, enable: bool) -> None:
        super().setDragEnabled(enable)
        self.frozen.setDragEnabled(enable)

    def _resized_here(self, column: int, _old: int, size: int) -> None:
        if self.is_frozen(column) and self.frozen.columnWidth(column) != size:
            self.frozen.setColumnWidth(column, size)
        self._place_frozen()

    def _resized_there(self, column: int, _old: int, size: int) -> None:
        if self.is_frozen(column) and self.columnWidth(column) != size:
            self.setColumnWidth(column, size)  # widening a frozen column from its header
        self._place_frozen()

    def frozen_width(self) -> int:
        """How much of the viewport's left the frozen columns cover."""
        model = self.model()
        count = min(self._count, model.columnCount()) if model is not None else 0
        return sum(self.columnWidth(c) for c in range(count) if not self.isColumnHidden(c))

    def _place_frozen(self) -> None:
        width = self.frozen_width()
        header = self.horizontalHeader()
        self.frozen.horizontalHeader().setFixedHeight(header.height())
        # Exactly over the table's own frozen columns: the line that marks the edge is drawn
        # over the title's own grid line at its end, so it hides nothing of a scrolling column.
        self.frozen.setGeometry(
            self.verticalHeader().width() + self.frameWidth(),
            self.frameWidth(),
            width,
            self.viewport().height() + header.height(),
        )
        # Qt measures a page by the whole viewport; what scrolls is seen only right of the
        # frozen columns. The range is right as it is: at its end the last column ends at the
        # viewport's right edge, at its start the first scrolling one begins at the frozen edge.
        self.horizontalScrollBar().setPageStep(max(1, self.viewport().width() - width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_frozen()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        self._place_frozen()

    # Editing a frozen cell where it can be seen

    def edit(  # type: ignore[override]
        self, index: Index, trigger: object = ALL_TRIGGERS, event: object = None
    ) -> bool:
        if index.isValid() and self.is_frozen(index.column()):
            return self.frozen.edit(index, trigger, event)
        return super().edit(index, trigger, event)  # type: ignore[call-overload,no-any-return]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A key sent to the table while one of its cells is being typed in belongs to that cell
        # (the frozen view's editors are the table's too). What the cell leaves comes back up
        # to the table, as any key a child ignores does.
        focused = QApplication.focusWidget()
        if (
            not self._forwarding
            and focused is not None
            and focused is not self
            and self.isAncestorOf(focused)
        ):
            self._forwarding = True
            try:
                QApplication.sendEvent(focused, event)
            finally:
                self._forwarding = False
            return
        super().keyPressEvent(event)

    # Scrolling so that the chosen cell is never under the frozen columns

    def scrollTo(self, index: Index, hint: Hint = Hint.EnsureVisible) -> None:
        """Bring the cell into sight: a frozen one is always in sight sideways, a scrolling one
        comes into the part right of the frozen columns. Each scroll bar moves once, straight
        to where it ends up."""
        if not index.isValid():
            return
        viewport = self.viewport()
        row, column = index.row(), index.column()
        down = _shift(
            self.rowViewportPosition(row), self.rowHeight(row), 0, viewport.height(), hint
        )
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + down)
        if self.is_frozen(column):
            return
        # Sideways, top and bottom mean nothing: those hints only make sure it is seen.
        sideways = hint if hint == Hint.PositionAtCenter else Hint.EnsureVisible
        right = _shift(
            self.columnViewportPosition(column),
            self.columnWidth(column),
            self.frozen_width(),
            viewport.width(),
            sideways,
        )
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + right)


def _shift(start: int, size: int, low: int, high: int, hint: Hint) -> int:
    """How far to scroll so that [start, start + size) sits in [low, high) as `hint` asks; a
    cell larger than the room shows its beginning."""
    room = high - low
    if hint == Hint.PositionAtTop:
        return start - low
    if hint == Hint.PositionAtBottom:
        return start + size - high
    if hint == Hint.PositionAtCenter:
        return start + size // 2 - (low + room // 2)
    if start < low or size > room:
        return start - low
    if start + size > high:
        return start + size - high
    return 0
