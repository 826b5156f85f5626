"""The strip on top of the review chart: the planned and actual segment bands, and the promo and
note markers above them, each named when the pointer is over it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from liveplanner.core.review_figures import MarkerKind

MARK_ROW = 0.62  # the markers' row above Plan and Actual, in the strip's row heights
MARK_REACH = 8  # pixels either side of a marker where hovering names it

_MARKER_GLYPHS = {
    MarkerKind.COUPON_DROP: "券",
    MarkerKind.FLASH_SALE: "秒",
    MarkerKind.LUCKY_DRAW: "抽",
}
_MARKER_COLORS = {
    MarkerKind.COUPON_DROP: QColor("#b7791f"),
    MarkerKind.FLASH_SALE: QColor("#c0392b"),
    MarkerKind.LUCKY_DRAW: QColor("#8e44ad"),
}
NOTE_COLOR = QColor("#2c7be5")


def _fill(color: str) -> QColor:
    fill = QColor(color)
    fill.setAlpha(70)
    return fill


def _mix(one: QColor, other: QColor, share: float) -> QColor:
    """`share` of `one` and the rest of `other`."""
    return QColor.fromRgbF(
        one.redF() * share + other.redF() * (1 - share),
        one.greenF() * share + other.greenF() * (1 - share),
        one.blueF() * share + other.blueF() * (1 - share),
    )


@dataclass(frozen=True, slots=True)
class Band:
    x0: float
    x1: float
    row: int  # 0 the top row
    color: QColor
    label: str
    segment_id: int | None


class BandsItem(pg.GraphicsObject):
    """Coloured segment bands, labelled where the label fits (elided where it does not). With
    `rows` None they fill the view's whole height, behind a lane's curves; their text is drawn in
    screen pixels. The chosen segment's bands are outlined (strip) or deepened (lanes)."""

    def __init__(self, rows: int | None, alpha: int = 255) -> None:
        super().__init__()
        self.rows = rows
        self.alpha = alpha
        self.bands: list[Band] = []
        self.selected: int | None = None
        self.outline = QColor("#1d1f22")  # the palette's text colour, set by the chart
        self._bounds = QRectF()

    def set_bands(self, bands: Sequence[Band]) -> None:
        self.prepareGeometryChange()
        self.bands = list(bands)
        if self.bands:
            x0 = min(b.x0 for b in self.bands)
            x1 = max(b.x1 for b in self.bands)
            self._bounds = QRectF(x0, 0, x1 - x0, self.rows or 1)
        else:
            self._bounds = QRectF()
        self.update()

    def set_selected(self, segment_id: int | None) -> None:
        self.selected = segment_id
        self.update()

    def set_outline(self, color: QColor) -> None:
        self.outline = QColor(color)
        self.update()

    def viewRangeChanged(self) -> None:
        if self.rows is None:
            self.prepareGeometryChange()
            self.update()

    def _y_extent(self) -> tuple[float, float]:
        if self.rows is not None:
            return 0.0, float(self.rows)
        view = self.getViewBox()
        if view is None:
            return 0.0, 1.0
        rect = view.viewRect()
        return rect.top(), rect.bottom()

    def boundingRect(self) -> QRectF:
        top, bottom = self._y_extent()
        return QRectF(self._bounds.left(), top, self._bounds.width(), bottom - top)

    def _chosen(self, band: Band) -> bool:
        return self.selected is not None and band.segment_id == self.selected

    def paint(self, painter: QPainter, *_: object) -> None:
        top, bottom = self._y_extent()
        transform = painter.transform()
        painter.save()
        painter.resetTransform()
        font = QFont(painter.font())
        font.setPointSizeF(8.5)
        bold = QFont(font)
        bold.setBold(True)
        chosen_rects: list[QRectF] = []
        for band in self.bands:
            if self.rows is None:
                y0, y1 = top, bottom
            else:
                y0, y1 = band.row + 0.08, band.row + 0.92
            rect = transform.mapRect(QRectF(band.x0, y0, band.x1 - band.x0, y1 - y0))
            color = QColor(band.color)
            chosen = self._chosen(band)
            color.setAlpha(min(255, self.alpha * 3) if chosen and self.rows is None else self.alpha)
            painter.fillRect(rect, color)
            if chosen:
                chosen_rects.append(rect)
            if self.rows is not None:
                painter.setPen(QPen(QColor(255, 255, 255, 200), 1))
                painter.drawLine(rect.topLeft(), rect.bottomLeft())
                painter.setFont(bold if chosen else font)
                text = painter.fontMetrics().elidedText(
                    band.label, Qt.TextElideMode.ElideRight, int(rect.width()) - 4
                )
                if rect.width() > 18 and text:
                    painter.setPen(QColor("#1d1f22"))
                    painter.drawText(
                        rect.adjusted(3, 0, -1, 0), Qt.AlignmentFlag.AlignVCenter, text
                    )
        # Outlines last, so a neighbour's fill never paints over them.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in chosen_rects:
            if self.rows is None:
                edge = QColor(self.outline)
                edge.setAlpha(150)
                painter.setPen(QPen(edge, 1.5))
                painter.drawLine(rect.topLeft(), rect.bottomLeft())
                painter.drawLine(rect.topRight(), rect.bottomRight())
            else:
                painter.setPen(QPen(self.outline, 2))
                painter.drawRect(rect.adjusted(1, 0, -1, 0))
        painter.restore()

    def band_at(self, x: float, y: float | None = None) -> Band | None:
        for band in self.bands:
            if band.x0 <= x < band.x1 and (y is None or band.row <= y < band.row + 1):
                return band
        return None


@dataclass(frozen=True, slots=True)
class Mark:
    x: float
    color: QColor
    glyph: str
    text: str  # what hovering it says: the time, what it is and its name or note


class MarksItem(pg.GraphicsObject):
    """Promo and note badges along the strip's top row (-MARK_ROW to 0), once for all lanes:
    hovering one names it, and the crosshair carries its time down through the lanes."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[Mark] = []

    def set_marks(self, marks: Sequence[Mark]) -> None:
        self.prepareGeometryChange()
        self.marks = sorted(marks, key=lambda m: m.x)
        self.update()

    def viewRangeChanged(self) -> None:
        self.prepareGeometryChange()
        self.update()

    def boundingRect(self) -> QRectF:
        view = self.getViewBox()
        if view is None or not self.marks:
            return QRectF()
        pad = view.viewPixelSize()[0] * MARK_REACH
        x0, x1 = self.marks[0].x - pad, self.marks[-1].x + pad
        return QRectF(x0, -MARK_ROW, x1 - x0, MARK_ROW)

    def near(self, x: float, reach: float) -> list[Mark]:
        return [m for m in self.marks if abs(m.x - x) <= reach]

    def paint(self, painter: QPainter, *_: object) -> None:
        transform = painter.transform()
        painter.save()
        painter.resetTransform()
        font = QFont(painter.font())
        font.setPointSizeF(7.5)
        font.setBold(True)
        painter.setFont(font)
        for mark in self.marks:
            top = transform.map(QPointF(mark.x, -MARK_ROW))
            bottom = transform.map(QPointF(mark.x, 0))
            y_top, y_bottom = min(top.y(), bottom.y()), max(top.y(), bottom.y())
            badge = QRectF(top.x() - 7, y_top + 1, 14, 13)
            painter.setPen(QPen(mark.color, 1))
            painter.drawLine(QPointF(top.x(), badge.bottom()), QPointF(top.x(), y_bottom))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(mark.color)
            painter.drawRoundedRect(badge, 3, 3)
            painter.setPen(QColor("white"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, mark.glyph)
        painter.restore()
