"""The review chart: the show's clock across, a strip on top with the promo and note markers and
the planned and actual segment bands, and a lane per metric below, all panned and zoomed together.

Every plot item is made once, when the chart is; showing another show only gives the items new
data (setData / set_bands), so switching shows neither leaks items nor slows down over a season.
Colours of the axes and the background come from the widget's palette, so the chart follows the
theme the moment it changes.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QToolTip, QWidget

from liveplanner.core.enums import SegmentKind
from liveplanner.core.notes import ReviewNote
from liveplanner.core.plan import ShowPlan
from liveplanner.core.review_figures import Review
from liveplanner.core.review_spans import Span
from liveplanner.core.runlog import DeskEvent
from liveplanner.ui import labels
from liveplanner.ui.review.chart_axes import AXIS_WIDTH, ClockAxis, CountAxis, seconds
from liveplanner.ui.review.chart_strip import (
    _MARKER_COLORS,
    _MARKER_GLYPHS,
    MARK_REACH,
    MARK_ROW,
    NOTE_COLOR,
    Band,
    BandsItem,
    Mark,
    MarksItem,
    _fill,
    _mix,
)
from liveplanner.ui.review.chart_ticks import tick_marks


@dataclass(frozen=True, slots=True)
class Curve:
    metric: str
    color: str
    fill: bool = False
    scale: float = 1.0  # fen -> yuan is 0.01


@dataclass(frozen=True, slots=True)
class Lane:
    name: str
    title: Callable[[], str]
    curves: tuple[Curve, ...]


LANES = (
    Lane(
        "viewers",
        lambda: QCoreApplication.translate("ReviewChart", "Viewers"),
        (Curve("online_viewers", "#3d7fd1", fill=True),),
    ),
    Lane(
        "gmv",
        lambda: QCoreApplication.translate("ReviewChart", "GMV ¥/min"),
        (Curve("gmv", "#d9822b", fill=True, scale=0.01),),
    ),
    Lane(
        "orders",
        lambda: QCoreApplication.translate("ReviewChart", "Orders"),
        (Curve("orders", "#c0392b"),),
    ),
    Lane(
        "interaction",
        lambda: QCoreApplication.translate("ReviewChart", "Interaction"),
        (Curve("likes", "#9b7fd1"), Curve("comments", "#2e9e6b")),
    ),
    Lane(
        "followers",
        lambda: QCoreApplication.translate("ReviewChart", "Followers"),
        (Curve("new_followers", "#1f9bb5"),),
    ),
)


LANE_MIN_HEIGHT = 24  # a lane squeezed this far still shows its curve and one count
CLOCK_AXIS_HEIGHT = 28  # the clock labels under the lowest lane


class ReviewChart(QWidget):
    """The strip and the lanes in a grid: lane titles in a column of their own at the left (as
    wide as the longest, so none is clipped, with the key of a lane with two curves under its
    title), the plots to their right with their left axes all as wide, so the clocks line up."""

    segment_clicked = Signal(int)  # a band, or a lane's minute, was clicked: that segment's id
    minute_clicked = Signal(object)  # aware UTC datetime of the minute
    minute_double_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review: Review | None = None
        self.plan: ShowPlan | None = None
        self.zone = ZoneInfo("Asia/Shanghai")
        self.hidden: set[str] = set()
        self.selected_segment: int | None = None
        self.grid = grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(0)
        grid.setColumnStretch(1, 1)
        self.strip = self._plot(bottom_axis=False)
        self.strip.setFixedHeight(84)
        self.strip.getPlotItem().setYRange(-MARK_ROW, 2, padding=0)
        self.row_names = (
            QCoreApplication.translate("ReviewChart", "Plan"),
            QCoreApplication.translate("ReviewChart", "Actual"),
        )
        strip_axis = self.strip.getPlotItem().getAxis("left")
        strip_axis.setTicks([[(0.5, self.row_names[0]), (1.5, self.row_names[1])]])
        self.strip.getPlotItem().invertY(True)
        self.strip_bands = BandsItem(rows=2)
        self.strip.addItem(self.strip_bands)
        self.marks = MarksItem()
        self.marks.setZValue(10)
        self.strip.addItem(self.marks, ignoreBounds=True)
        grid.addWidget(self.strip, 0, 1)

        self.lanes: dict[str, pg.PlotWidget] = {}
        self.titles: dict[str, QLabel] = {}
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.lane_bands: dict[str, BandsItem] = {}
        self.crosshairs: list[pg.InfiniteLine] = []
        self._plot_of: dict[QObject, pg.PlotWidget] = {}  # viewport -> its plot
        for row, lane in enumerate(LANES, start=1):
            widget = self._plot(bottom_axis=row == len(LANES))
            plot = widget.getPlotItem()
            plot.setXLink(self.strip.getPlotItem())
            title = QLabel(self._title_html(lane))
            title.setTextFormat(Qt.TextFormat.RichText)
            title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            title.setContentsMargins(6, 0, 0, 0)
            self.titles[lane.name] = title
            bands = BandsItem(rows=None, alpha=46)
            bands.setZValue(-20)
            plot.addItem(bands, ignoreBounds=True)
            self.lane_bands[lane.name] = bands
            for curve in lane.curves:
                item = plot.plot(
                    [],
                    [],
                    pen=pg.mkPen(curve.color, width=1.6),
                    connect="finite",
                    fillLevel=0 if curve.fill else None,
                    brush=_fill(curve.color) if curve.fill else None,
                )
                self.curves[curve.metric] = item
            self.lanes[lane.name] = widget
            grid.addWidget(title, row, 0)
            grid.addWidget(widget, row, 1)
            grid.setRowStretch(row, 1)
        for widget in self._plots():
            line = pg.InfiniteLine(angle=90, movable=False)
            line.setVisible(False)
            widget.addItem(line, ignoreBounds=True)
            self.crosshairs.append(line)
            widget.scene().sigMouseClicked.connect(lambda ev, w=widget: self._clicked(w, ev))
            widget.viewport().installEventFilter(self)
            self._plot_of[widget.viewport()] = widget
        # One background under the titles and the plots, the palette's (so the theme's) own.
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self._follow_palette()

    def _title_html(self, lane: Lane) -> str:
        text = html.escape(lane.title())
        if len(lane.curves) > 1:  # the key sits under the title, off the curves
            for curve in lane.curves:
                name = html.escape(labels.metric(curve.metric))
                text += f"<br><small><span style='color:{curve.color}'>━━</span> {name}</small>"
        return text

    def _plot(self, bottom_axis: bool) -> pg.PlotWidget:
        axis = ClockAxis()
        widget = pg.PlotWidget(axisItems={"bottom": axis, "left": CountAxis()})
        plot = widget.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.getAxis("left").setWidth(AXIS_WIDTH)
        plot.showGrid(x=True, y=True, alpha=0.15)
        if not bottom_axis:
            plot.getAxis("bottom").setStyle(showValues=False)
            plot.getAxis("bottom").setHeight(4)
        # Zoom and pan along the clock; each lane fits its own values to what is in view.
        widget.setMouseEnabled(x=True, y=False)
        plot.getViewBox().setAutoVisible(y=True)
        plot.enableAutoRange(axis="y")
        plot.setContentsMargins(0, 0, 6, 0)
        # A view's own minimum (about 70 px) is more than five lanes get on a laptop; below
        # what the layout can give, Qt would lay the lanes over the strip instead.
        widget.setMinimumHeight(LANE_MIN_HEIGHT)
        return widget

    def _plots(self) -> list[pg.PlotWidget]:
        return [self.strip, *self.lanes.values()]

    def _axes(self) -> list[ClockAxis]:
        return [w.getPlotItem().getAxis("bottom") for w in self._plots()]

    # Theme

    def changeEvent(self, event: QEvent) -> None:
        # View ▸ Theme sets the application's palette; every widget hears of it here.
        if event.type() == QEvent.Type.PaletteChange:
            self._follow_palette()
        super().changeEvent(event)

    def _follow_palette(self) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        for widget in self._plots():
            widget.setBackground(base)
            for name in ("left", "bottom"):
                axis = widget.getPlotItem().getAxis(name)
                axis.setPen(_mix(text, base, 0.45))
                axis.setTextPen(text)
        for line in self.crosshairs:
            line.setPen(pg.mkPen(_mix(text, base, 0.6), width=1))
        for bands in [self.strip_bands, *self.lane_bands.values()]:
            bands.set_outline(text)

    # Data

    def set_review(
        self,
        review: Review,
        plan: ShowPlan,
        notes: Sequence[ReviewNote],
        desk: Sequence[DeskEvent] = (),
    ) -> None:
        """Show this review: every item gets new data, none is added or removed. `desk`: the
        live run's desk log, whose ticks are marked where they were made."""
        self.review, self.plan = review, plan
        self.zone = ZoneInfo(plan.show.time_zone)
        for axis in self._axes():
            axis.zone = self.zone
        kinds = {s.id: s.kind for s in plan.segments}
        positions = {f.segment_id: f.position for f in review.segments}
        titles = {f.segment_id: f.title for f in review.segments}

        def bands(spans: Sequence[Span], row: int) -> list[Band]:
            return [
                Band(
                    seconds(s.start),
                    seconds(s.end),
                    row,
                    labels.KIND_COLORS[kinds[s.segment_id]]
                    if s.segment_id in kinds
                    else QColor("#cccccc"),
                    f"{positions.get(s.segment_id, '')} {titles.get(s.segment_id, '')}".strip(),
                    s.segment_id,
                )
                for s in spans
            ]

        self.strip_bands.set_bands(bands(review.planned, 0) + bands(review.actual, 1))
        behind = bands(review.spans, 0)
        for item in self.lane_bands.values():
            item.set_bands(behind)
        table = review.minutes
        xs = table.index.as_unit("s").asi8.astype("float64")
        for lane in LANES:
            for curve in lane.curves:
                if curve.metric in table.columns:
                    ys = table[curve.metric].to_numpy(dtype="float64") * curve.scale
                    self.curves[curve.metric].setData(xs, ys)
                else:
                    self.curves[curve.metric].setData([], [])
        marks = [
            Mark(
                seconds(m.at),
                _MARKER_COLORS[m.kind],
                _MARKER_GLYPHS[m.kind],
                f"{self._clock(m.at)}  "
                + labels.named(labels.segment_kind(SegmentKind(m.kind.value)), m.label),
            )
            for m in review.markers
        ]
        note = QCoreApplication.translate("ReviewChart", "Note")
        marks += [
            Mark(
                seconds(n.minute),
                NOTE_COLOR,
                "✎",
                f"{self._clock(n.minute)}  {labels.named(note, n.text)}",
            )
            for n in notes
            if n.minute is not None
        ]
        marks += tick_marks(plan, desk, self._clock)
        self.marks.set_marks(marks)
        self.select_segment(None)  # the segment table is refilled without a selection too
        self._apply_visibility()
        self.reset_zoom()

    def _clock(self, at: datetime) -> str:
        return at.astimezone(self.zone).strftime("%H:%M")

    def lanes_with_data(self) -> set[str]:
        if self.review is None:
            return set()
        columns = set(self.review.minutes.columns)
        return {
            lane.name
            for lane in LANES
            if any(
                c.metric in columns and self.review.minutes[c.metric].notna().any()
                for c in lane.curves
            )
        }

    def set_lane_visible(self, name: str, visible: bool) -> None:
        if visible:
            self.hidden.discard(name)
        else:
            self.hidden.add(name)
        self._apply_visibility()

    def _apply_visibility(self) -> None:
        with_data = self.lanes_with_data()
        shown = [n for n in self.lanes if n in with_data and n not in self.hidden]
        for row, (name, widget) in enumerate(self.lanes.items(), start=1):
            widget.setVisible(name in shown)
            # A hidden lane's row takes no share of the height, or it would stand empty.
            self.grid.setRowStretch(row, 1 if name in shown else 0)
            self.titles[name].setVisible(name in shown)
            # Only the lowest lane shown carries the clock labels.
            axis = widget.getPlotItem().getAxis("bottom")
            last = bool(shown) and name == shown[-1]
            axis.setStyle(showValues=last)
            axis.setHeight(CLOCK_AXIS_HEIGHT if last else 4)
            # The clock labels come out of the lowest lane's own height, not its curve's.
            widget.setMinimumHeight(LANE_MIN_HEIGHT + (CLOCK_AXIS_HEIGHT if last else 0))

    def select_segment(self, segment_id: int | None) -> None:
        """Highlight this segment's bands, on the strip and behind the lanes (None: none)."""
        self.selected_segment = segment_id
        for bands in [self.strip_bands, *self.lane_bands.values()]:
            bands.set_selected(segment_id)

    def reset_zoom(self) -> None:
        if self.review is None:
            return
        spans = list(self.review.planned) + list(self.review.actual)
        starts = [seconds(s.start) for s in spans]
        ends = [seconds(s.end) for s in spans]
        if len(self.review.minutes):
            xs = self.review.minutes.index.as_unit("s").asi8
            starts.append(float(xs[0]))
            ends.append(float(xs[-1]) + 60)
        if starts:
            self.strip.getPlotItem().setXRange(min(starts), max(ends), padding=0.01)

    def item_count(self) -> int:
        """Items in all the chart's scenes (tests check it stays put)."""
        return sum(len(w.scene().items()) for w in self._plots())

    # Mouse

    def _x_at(self, widget: pg.PlotWidget, pos: QPointF) -> QPointF | None:
        view = widget.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(pos):
            return None
        return view.mapSceneToView(pos)

    def minute_of(self, x: float) -> datetime:
        at = datetime.fromtimestamp(x, UTC)
        return at.replace(second=0, microsecond=0)

    def describe(self, x: float) -> str:
        """The crosshair's tooltip in a lane: the minute, the segment and each value in it."""
        if self.review is None:
            return ""
        minute = self.minute_of(x)
        lines = [minute.astimezone(self.zone).strftime("%H:%M")]
        segment = self.review.segment_at(minute + timedelta(seconds=30))
        figures = next((f for f in self.review.segments if f.segment_id == segment), None)
        if figures is not None:
            lines[0] += f"  ·  {figures.position}. {figures.title}"
        table = self.review.minutes
        row = table.index.get_indexer([minute])[0]
        if row < 0:
            return lines[0]
        shown = self.lanes_with_data() - self.hidden
        for lane in LANES:
            if lane.name not in shown:
                continue
            for curve in lane.curves:
                if curve.metric not in table.columns:
                    continue
                value = table[curve.metric].iloc[row]
                text = (
                    QCoreApplication.translate("ReviewChart", "no data")
                    if np.isnan(value)
                    else f"{value * curve.scale:,.0f}"
                )
                lines.append(labels.named(labels.metric(curve.metric), text))
        return "\n".join(lines)

    def describe_strip(self, x: float, y: float) -> str:
        """The strip's tooltip: the markers near the pointer, or the band under it in full."""
        if y < 0:
            reach = self.strip.getPlotItem().getViewBox().viewPixelSize()[0] * MARK_REACH
            return "\n".join(m.text for m in self.marks.near(x, reach))
        band = self.strip_bands.band_at(x, y)
        if band is None:
            return ""
        start = self._clock(datetime.fromtimestamp(band.x0, UTC))
        end = self._clock(datetime.fromtimestamp(band.x1, UTC))
        length = labels.duration(round(band.x1 - band.x0))
        return f"{labels.named(self.row_names[band.row], band.label)}\n{start}–{end}  ({length})"

    def _moved(self, widget: pg.PlotWidget, pos: QPointF) -> None:
        point = self._x_at(widget, pos)
        for line in self.crosshairs:
            line.setVisible(point is not None)
            if point is not None:
                line.setPos(point.x())
        if point is None or self.review is None:
            QToolTip.hideText()
            return
        if widget is self.strip:
            text = self.describe_strip(point.x(), point.y())
        else:
            text = self.describe(point.x())
        viewport = widget.viewport()
        # mapFromScene gives the viewport's pixel (a QPoint already).
        at = viewport.mapToGlobal(widget.mapFromScene(pos))
        if text:
            QToolTip.showText(at, text, viewport)
        else:
            QToolTip.hideText()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave:  # the pointer left a plot: no crosshair
            for line in self.crosshairs:
                line.setVisible(False)
        elif event.type() == QEvent.Type.ToolTip and watched in self._plot_of:
            # The crosshair's readout is this chart's own tooltip. Left to the view, the help
            # event Qt sends once the pointer rests asks the scene for an item's tooltip, finds
            # none and hides the readout just as the lead stops to read it.
            return True
        elif event.type() == QEvent.Type.MouseMove:
            # Read from the viewport's own moves, not the scene's sigMouseMoved: pyqtgraph drops
            # moves closer than 10 ms apart, so the minute where the pointer came to rest was
            # often never read out.
            plot = self._plot_of.get(watched)
            if plot is not None:
                self._moved(plot, plot.mapToScene(event.position().toPoint()))  # type: ignore[attr-defined]
        return super().eventFilter(watched, event)

    def _clicked(self, widget: pg.PlotWidget, event: object) -> None:
        if event.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        point = self._x_at(widget, event.scenePos())  # type: ignore[attr-defined]
        if point is None or self.review is None:
            return
        self.click_at(point.x(), point.y() if widget is self.strip else None, event.double())  # type: ignore[attr-defined]

    def click_at(self, x: float, strip_y: float | None = None, double: bool = False) -> None:
        """A click at clock position x: choose the segment there (on the strip, the row's band)
        and, in a lane, the minute; a double click in a lane asks for a note at that minute."""
        assert self.review is not None
        if strip_y is not None:
            band = self.strip_bands.band_at(x, strip_y)
            if band is not None and band.segment_id is not None:
                self.select_segment(band.segment_id)
                self.segment_clicked.emit(band.segment_id)
            return
        minute = self.minute_of(x)
        segment = self.review.segment_at(minute + timedelta(seconds=30))
        if segment is not None:
            self.select_segment(segment)
            self.segment_clicked.emit(segment)
        (self.minute_double_clicked if double else self.minute_clicked).emit(minute)
