"""The desk's checklist: the screen's cues and the release checklist of the current and next
segment, each a box to tick (Space or Enter on the focused one, or a click), with time to it."""

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontInfo, QKeyEvent
from PySide6.QtWidgets import QCheckBox, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from liveplanner.core.live_desk import ShownItem
from liveplanner.ui.desk.desk_texts import clock, due_text, item_text

DONE_STYLE = "color: #2e7d32; text-decoration: line-through;"  # ticked
LATE_STYLE = "color: #c0392b; font-weight: bold;"  # due, not ticked, and this screen's to tick


class TickBox(QCheckBox):
    """A checklist item: Space (as any check box) or Enter ticks it."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.isEnabled():
            self.click()
            return
        super().keyPressEvent(event)


class ItemsPanel(QScrollArea):
    toggled = Signal(str, bool)
    """The user ticked (True) or unticked (False) the item with this key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # However many items, they never make the window taller than the screen: they scroll.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumHeight(1)
        self.inner = QWidget()
        self.rows = QVBoxLayout(self.inner)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.setWidget(self.inner)
        self.boxes: dict[str, TickBox] = {}
        self.empty = QLabel()

    def show_items(
        self,
        items: tuple[ShownItem, ...],
        may_tick: Callable[[str], bool],
        empty: str,
        zone: ZoneInfo,
    ) -> None:
        keys = [s.item.key for s in items]
        if keys != list(self.boxes):
            self._rebuild(keys)
        self._style(QFontInfo(self.font()).pixelSize())
        self.empty.setText(empty)
        self.empty.setVisible(not items)
        for shown in items:
            box = self.boxes[shown.item.key]
            # Once ticked, who did it and when, not how late it is.
            done = (
                f"✓ {shown.tick.actor} {clock(shown.tick.at, zone)}"
                if shown.tick is not None
                else due_text(shown.due_s)
            )
            text = f"{item_text(shown.item, shown.who)} — {done}"
            if box.text() != text:
                box.setText(text)
            box.setChecked(shown.tick is not None)
            box.setEnabled(may_tick(shown.item.key))
            late = box.isEnabled() and shown.tick is None and shown.due_s <= 0
            state = "done" if shown.tick is not None else "late" if late else ""
            if box.property("state") != state:
                box.setProperty("state", state)
                box.style().unpolish(box)  # the sheet's rule for the new state
                box.style().polish(box)

    def _style(self, px: int) -> None:
        """The boxes' look in one sheet, sized with the window's text: a style sheet's font
        rules would otherwise drop the size the window gives, and a box to see from across the
        room is as big as its words."""
        side = max(12, px - 2)
        sheet = (
            f"QCheckBox {{ font-size: {px}px; }}"
            f"QCheckBox::indicator {{ width: {side}px; height: {side}px; }}"
            f'QCheckBox[state="done"] {{ {DONE_STYLE} }}'
            f'QCheckBox[state="late"] {{ {LATE_STYLE} }}'
        )
        if self.inner.styleSheet() != sheet:
            self.inner.setStyleSheet(sheet)

    def _rebuild(self, keys: list[str]) -> None:
        """New boxes for a new set of items (the segment moved on); the focus stays on the item
        it was on, where that item is still shown."""
        focused = next((k for k, b in self.boxes.items() if b.hasFocus()), None)
        while self.rows.count():
            self.rows.takeAt(0)  # the boxes, the empty line and the stretch
        for box in self.boxes.values():
            box.deleteLater()
        self.boxes = {}
        for key in keys:
            box = TickBox(key, self.inner)
            box.clicked.connect(lambda checked, k=key: self.toggled.emit(k, checked))
            self.rows.addWidget(box)
            self.boxes[key] = box
        self.rows.addWidget(self.empty)
        self.rows.addStretch()
        if focused in self.boxes:
            self.boxes[focused].setFocus()
