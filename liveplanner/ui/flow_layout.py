"""A layout that places its widgets in a row and wraps them onto the next row when the row is
full, as words in a paragraph: a row of cards that fits a narrow window as well as a wide one."""

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Items left to right, wrapping; each row as tall as its tallest item. Its minimum width is
    the widest item's, so it never makes a window wider; its height follows its width."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def spacing(self) -> int:
        return self._spacing

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        """Everything on one row."""
        width = sum(i.sizeHint().width() for i in self._items)
        width += self._spacing * max(0, len(self._items) - 1)
        height = max((i.sizeHint().height() for i in self._items), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """One item a row: as wide as the widest item."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out in `rect` (only measure unless `move`); the height they take. Full
        rows share their spare width out, as justified text does; the last row keeps its own."""
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        rows: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        used = 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            width = max(min(hint.width(), area.width()), item.minimumSize().width())
            if rows[-1] and used + self._spacing + width > area.width():
                rows.append([])
                used = 0
            used += (self._spacing if rows[-1] else 0) + width
            rows[-1].append((item, QSize(width, hint.height())))
        y = area.y()
        for number, row in enumerate(rows):
            if not row:
                continue
            spare = area.width() - sum(s.width() for _, s in row)
            spare -= self._spacing * (len(row) - 1)
            last = number == len(rows) - 1
            share, rest = divmod(max(0, spare), len(row)) if not last else (0, 0)
            x, height = area.x(), max(s.height() for _, s in row)
            for index, (item, size) in enumerate(row):
                width = size.width() + share + (1 if index < rest else 0)
                if move:
                    item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
                x += width + self._spacing
            y += height + self._spacing
        return max(0, y - self._spacing - area.y()) + margins.top() + margins.bottom()
