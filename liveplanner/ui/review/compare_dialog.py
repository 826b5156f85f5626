"""Compare shows: choose a platform and a date range; see each show's KPIs side by side (with
each segment kind's GMV per minute), the trend over time, and which kinds and time slots earn."""

from __future__ import annotations

from datetime import datetime, time

import pyqtgraph as pg
from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from liveplanner.app.database import Database
from liveplanner.app.review_data import compare_shows
from liveplanner.core.comparison import Comparison
from liveplanner.core.enums import Platform, SegmentKind
from liveplanner.core.plan import DEFAULT_TIME_ZONE, time_zone
from liveplanner.ui import labels
from liveplanner.ui.review.chart_axes import CountAxis
from liveplanner.ui.review.date_axis import DateAxis
from liveplanner.ui.review.review_page import sort_by, sorted_model, table_view
from liveplanner.ui.review.table_columns import earning_columns, show_columns, slot_name
from liveplanner.ui.review.tables import FiguresModel
from liveplanner.ui.screen_fit import fit_to_screen, scrolling_body


class CompareDialog(QDialog):
    def __init__(self, db: Database, lag: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.lag = db, lag
        self.comparison: Comparison | None = None
        self.setWindowTitle(self.tr("Compare shows"))
        self.platform = QComboBox()
        self.platform.addItem(self.tr("All platforms"), None)
        for value in Platform:
            self.platform.addItem(labels.platform(value), value)
        today = QDate.currentDate()
        self.since = QDateEdit(today.addMonths(-3))
        self.until = QDateEdit(today.addMonths(1))
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        refresh = QPushButton(self.tr("Compare"))
        refresh.clicked.connect(self.reload)
        self.status = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Platform")))
        filters.addWidget(self.platform)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.since)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.until)
        filters.addWidget(refresh)
        filters.addSpacing(12)
        filters.addWidget(self.status, 1)

        self.shows = FiguresModel(show_columns({}), lambda k: k.gmv_per_min_fen, self)
        self.kinds = FiguresModel(
            earning_columns(
                lambda: self.tr("Segment kind"), lambda e: labels.segment_kind(SegmentKind(e.key))
            ),
            parent=self,
        )
        self.slots = FiguresModel(
            earning_columns(lambda: self.tr("Time slot"), lambda e: slot_name(e.key)), parent=self
        )
        self.show_view = table_view(sorted_model(self.shows))
        sort_by(self.show_view, 0, Qt.SortOrder.AscendingOrder)  # oldest first, by date
        self.trend = pg.GraphicsLayoutWidget()
        self.trend.setBackground(None)
        gmv_plot = self.trend.addPlot(
            row=0, col=0, axisItems={"bottom": DateAxis(), "left": CountAxis()}
        )
        rate_plot = self.trend.addPlot(
            row=1, col=0, axisItems={"bottom": DateAxis(), "left": CountAxis()}
        )
        rate_plot.setXLink(gmv_plot)
        gmv_plot.setLabel("left", self.tr("GMV (yuan)"))
        rate_plot.setLabel("left", self.tr("GMV per minute (yuan)"))
        for plot in (gmv_plot, rate_plot):
            plot.showGrid(x=True, y=True, alpha=0.15)
            plot.getAxis("left").setWidth(70)
            plot.setMouseEnabled(x=True, y=False)
            plot.setMenuEnabled(False)
        self.trend_plots = (gmv_plot, rate_plot)
        self.trend_gmv = pg.BarGraphItem(x=[], height=[], width=1, brush="#d9822b")
        gmv_plot.addItem(self.trend_gmv)
        self.trend_per_min = rate_plot.plot(
            [], [], pen=pg.mkPen("#3d7fd1", width=2), symbol="o", symbolSize=6
        )
        # Best earning per minute first (table_columns.earning_columns: GMV / min is the fifth).
        self.kind_view = table_view(sorted_model(self.kinds))
        sort_by(self.kind_view, 4, Qt.SortOrder.DescendingOrder)
        self.slot_view = table_view(sorted_model(self.slots))
        sort_by(self.slot_view, 4, Qt.SortOrder.DescendingOrder)
        earnings = QSplitter(Qt.Orientation.Horizontal)
        earnings.addWidget(self.kind_view)
        earnings.addWidget(self.slot_view)
        tabs = QTabWidget()
        tabs.addTab(self.show_view, self.tr("Shows"))
        tabs.addTab(self.trend, self.tr("Trend"))
        tabs.addTab(earnings, self.tr("What earns"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)  # Close, and Esc, close the dialog
        body = QVBoxLayout()
        body.addLayout(filters)
        body.addWidget(tabs, 1)
        scrolling_body(self, body, self.buttons)
        fit_to_screen(self, QSize(1300, 760))
        self.reload()

    def reload(self) -> None:
        zone = time_zone(DEFAULT_TIME_ZONE)
        since = datetime.combine(self.since.date().toPython(), time(), zone)
        until = datetime.combine(self.until.date().toPython(), time(), zone)
        result = compare_shows(self.db, self.platform.currentData(), since, until, self.lag)
        self.comparison = result
        self.shows.set_rows(result.shows, show_columns(result.kind_per_show))
        self.kinds.set_rows(result.kinds)
        self.slots.set_rows(result.slots)
        with_data = [k for k in result.shows if k.has_metrics]
        with_gmv = [k for k in with_data if k.gmv_fen is not None]  # no GMV: no bar, not 0
        days = [k.start.timestamp() for k in with_gmv]
        self.trend_gmv.setOpts(
            x=days, height=[(k.gmv_fen or 0) / 100 for k in with_gmv], width=0.6 * 86_400
        )
        # A show whose export covers none of its segments has no rate: no point, not 0.
        rated = [k for k in with_gmv if k.gmv_per_min_fen is not None]
        per_min = [k.gmv_per_min_fen / 100 for k in rated]
        self.trend_per_min.setData([k.start.timestamp() for k in rated], per_min)
        # From zero, so a small change does not look like a cliff.
        self.trend_plots[0].enableAutoRange(axis="y")
        self.trend_plots[1].setYRange(0, max(per_min, default=0) * 1.15 or 1, padding=0)
        if days:
            # At least a day either side, so one evening's shows read as bars, not a wall.
            self.trend_plots[0].setXRange(min(days) - 86_400, max(days) + 86_400)
        self.status.setText(
            self.tr("%1 shows, %2 with minute metrics; sales credited %3 min after the pitch.")
            .replace("%1", str(len(result.shows)))
            .replace("%2", str(len(with_data)))
            .replace("%3", str(self.lag))
        )
