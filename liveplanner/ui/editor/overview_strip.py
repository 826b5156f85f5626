"""The whole show at a glance: segments as a bar proportional to their length, coloured by kind,
with hour marks; beneath it the content mix against the show's own target mix."""

from datetime import UTC, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from liveplanner.core.enums import ContentCategory
from liveplanner.core.rhythm import target_shares
from liveplanner.core.schedule import category_mix
from liveplanner.ui import labels
from liveplanner.ui.editor.document import ShowDocument

BAR_HEIGHT = 28
MIX_HEIGHT = 16
MARGIN = 6


class OverviewStrip(QWidget):
    segment_clicked = Signal(int)
    """The user clicked a segment's block; carries its id."""

    def __init__(self, document: ShowDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = document
        self._selected: set[int] = set()
        document.plan_changed.connect(self.update)
        self.setMinimumHeight(self.sizeHint().height())
        self.setToolTip(self.tr("Click a block to select its segment"))

    def sizeHint(self) -> QSize:
        return QSize(600, MARGIN * 4 + BAR_HEIGHT + MIX_HEIGHT * 2 + 14)

    def set_selected(self, segment_ids: set[int]) -> None:
        self._selected = segment_ids
        self.update()

    def _bar_rect(self) -> QRectF:
        return QRectF(MARGIN, MARGIN + 12, self.width() - 2 * MARGIN, BAR_HEIGHT)

    def blocks(self) -> list[tuple[int, QRectF]]:
        total = self._doc.schedule.total_s
        bar = self._bar_rect()
        if total <= 0:
            return []
        scale = bar.width() / total
        # A zero-length segment still gets a sliver, to be seen and clicked.
        return [
            (
                slot.segment_id,
                QRectF(
                    bar.left() + slot.offset_s * scale,
                    bar.top(),
                    max(slot.duration_s * scale, 3.0),
                    bar.height(),
                ),
            )
            for slot in self._doc.schedule.slots
        ]

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        kinds = {s.id: s.kind for s in self._doc.plan.segments}
        for segment_id, rect in self.blocks():
            painter.fillRect(rect, labels.KIND_COLORS[kinds[segment_id]])
            painter.setPen(QColor(0, 0, 0, 60))
            painter.drawLine(rect.topRight(), rect.bottomRight())
            if segment_id in self._selected:
                painter.setPen(text)
                painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        self._paint_hours(painter, text)
        self._paint_mix(painter, text)
        painter.end()

    def _paint_hours(self, painter: QPainter, text: QColor) -> None:
        total = self._doc.schedule.total_s
        bar = self._bar_rect()
        if total <= 0:
            painter.setPen(text)
            painter.drawText(bar, Qt.AlignmentFlag.AlignCenter, self.tr("No segments yet"))
            return
        start = self._doc.schedule.start
        painter.setPen(text)
        # A mark at every full hour of the clock, labelled with the time.
        first = 3600 - (start.minute * 60 + start.second) % 3600
        first = 0 if first == 3600 else first
        for at in range(first, total + 1, 3600):
            x = bar.left() + at / total * bar.width()
            painter.drawLine(QPointF(x, bar.top() - 4), QPointF(x, bar.bottom()))
            moment = (start.astimezone(UTC) + timedelta(seconds=at)).astimezone(start.tzinfo)
            painter.drawText(QPointF(x + 2, bar.top() - 2), moment.strftime("%H:%M"))

    def target_mix(self) -> dict[ContentCategory, float]:
        """The mix the Target row draws: the show's own (its Rhythm), the trade's by default."""
        return target_shares(self._doc.plan)

    def _paint_mix(self, painter: QPainter, text: QColor) -> None:
        mix = category_mix(self._doc.plan.segments)
        width = self.width() - 2 * MARGIN
        top = self._bar_rect().bottom() + MARGIN
        for row, (shares, caption) in enumerate(
            ((mix, self.tr("Plan")), (self.target_mix(), self.tr("Target")))
        ):
            y = top + row * (MIX_HEIGHT + 2)
            caption_width = 60
            painter.setPen(text)
            painter.drawText(
                QRectF(MARGIN, y, caption_width, MIX_HEIGHT), Qt.AlignmentFlag.AlignVCenter, caption
            )
            x = MARGIN + caption_width
            span = width - caption_width
            for category in ContentCategory:
                share = shares.get(category, 0.0)
                if share <= 0:
                    continue
                rect = QRectF(x, y, share * span, MIX_HEIGHT)
                painter.fillRect(rect, labels.CATEGORY_COLORS[category])
                painter.setPen(QColor("#111111"))
                painter.drawText(
                    rect, Qt.AlignmentFlag.AlignCenter, f"{labels.category(category)} {share:.0%}"
                )
                x += share * span

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for segment_id, rect in self.blocks():
            if rect.contains(event.position()):
                self.segment_clicked.emit(segment_id)
                return
        super().mousePressEvent(event)
