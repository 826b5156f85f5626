"""The campaign's pace chart: GMV so far against where its target says it should stand, per show
date. Made once, refilled with setData; the page and the report draw the same chart."""

from datetime import datetime, time

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from liveplanner.core.campaign_figures import CampaignFigures
from liveplanner.ui.review.chart_axes import CountAxis
from liveplanner.ui.review.date_axis import DateAxis

GMV_COLOUR = "#d9822b"
TARGET_COLOUR = "#3d7fd1"


class PaceChart(pg.PlotWidget):
    def __init__(self) -> None:
        super().__init__(axisItems={"bottom": DateAxis(), "left": CountAxis()})
        self.setBackground(None)
        plot = self.getPlotItem()
        plot.showGrid(x=True, y=True, alpha=0.15)
        plot.setMouseEnabled(x=False, y=False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.getAxis("left").setWidth(70)
        legend = plot.addLegend(offset=(10, 10))
        self.target = plot.plot(
            [],
            [],
            pen=pg.mkPen(TARGET_COLOUR, width=2, style=pg.QtCore.Qt.PenStyle.DashLine),
            name=QCoreApplication.translate("CampaignDialog", "Target pace"),
        )
        self.gmv = plot.plot(
            [],
            [],
            pen=pg.mkPen(GMV_COLOUR, width=3),
            symbol="o",
            symbolSize=8,
            symbolBrush=GMV_COLOUR,
            name=QCoreApplication.translate("CampaignDialog", "GMV so far"),
        )
        self.legend = legend

    def set_figures(self, figures: CampaignFigures | None) -> None:
        pace = figures.pace if figures is not None else ()
        zone = figures.shows[0].planned_start.tzinfo if figures and figures.shows else None

        def stamp(day: object) -> float:
            return datetime.combine(day, time(20), zone).timestamp()  # type: ignore[arg-type]

        done = [d for d in pace if d.cumulative_fen is not None]
        self.gmv.setData([stamp(d.day) for d in done], [d.cumulative_fen / 100 for d in done])
        aimed = [d for d in pace if d.target_cumulative_fen is not None]
        self.target.setData(
            [stamp(d.day) for d in aimed], [(d.target_cumulative_fen or 0) / 100 for d in aimed]
        )
        plot = self.getPlotItem()
        if pace:
            first, last = stamp(pace[0].day), stamp(pace[-1].day)
            plot.setXRange(first - 86_400, last + 86_400, padding=0)
        elif figures is not None:
            # No show yet: the campaign's own dates, not the epoch's first second, on the axis.
            campaign = figures.campaign
            first, last = stamp(campaign.starts_on), stamp(campaign.ends_on)
            plot.setXRange(first - 86_400, last + 86_400, padding=0)
        top = max(
            [d.cumulative_fen or 0 for d in pace] + [d.target_cumulative_fen or 0 for d in pace],
            default=0,
        )
        plot.setYRange(0, top / 100 * 1.1 or 1, padding=0)  # from zero: no cliff from a step
