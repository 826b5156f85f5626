"""The review chart driven with the mouse as a lead uses it: the crosshair readout over every
lane, clicking a band, hovering bands and markers, and the theme switched from the View menu."""

from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QImage, QPalette
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from liveplanner.app.demo import create_demo
from liveplanner.app.settings import Preferences
from liveplanner.core.plan import time_zone
from liveplanner.storage.database import Database
from liveplanner.ui import labels
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.review.chart import LANES, ReviewChart
from liveplanner.ui.review.chart_axes import ClockAxis, CountAxis
from liveplanner.ui.review.chart_strip import MARK_ROW, MarksItem
from liveplanner.ui.review.review_page import ReviewPage
from liveplanner.ui.theme import apply_theme
from liveplanner.ui.translators import drop_language, use_language


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db


@pytest.fixture
def page(qtbot: QtBot, db: Database) -> ReviewPage:
    widget = ReviewPage(db, lag=2)
    qtbot.addWidget(widget)
    widget.resize(1366, 640)
    widget.set_show(create_demo(db))
    show_active(qtbot, widget)
    return widget


def viewport_point(widget, x: float, y: float) -> QPoint:  # type: ignore[no-untyped-def]
    """Where (clock x, value y) of a plot is on its viewport, in pixels."""
    view = widget.getPlotItem().getViewBox()
    return widget.mapFromScene(view.mapViewToScene(QPointF(x, y)))


def test_moving_the_mouse_over_every_lane_reads_out_its_minute(
    page: ReviewPage, qtbot: QtBot
) -> None:
    chart = page.chart
    review = page.review
    zone = time_zone("Asia/Shanghai")
    items = chart.item_count()
    for index, lane in enumerate(LANES):
        widget = chart.lanes[lane.name]
        minute = review.minutes.index[20 + 30 * index].to_pydatetime()
        low, high = widget.getPlotItem().getViewBox().viewRange()[1]
        pos = viewport_point(widget, minute.timestamp() + 30, (low + high) / 2)
        qtbot.mouseMove(widget.viewport(), pos)
        said = f"{minute.astimezone(zone):%H:%M}  ·  "
        qtbot.waitUntil(lambda s=said: QToolTip.isVisible() and QToolTip.text().startswith(s))
        lines = QToolTip.text().splitlines()
        segment = review.segment_at(minute + timedelta(seconds=30))
        figures = next(f for f in review.segments if f.segment_id == segment)
        assert lines[0] == f"{said}{figures.position}. {figures.title}"
        for curve in lane.curves:
            value = review.minutes[curve.metric].iloc[20 + 30 * index] * curve.scale
            assert f"{labels.metric(curve.metric)}: {value:,.0f}" in lines[1:]
        assert all(line.isVisible() for line in chart.crosshairs)
        assert abs(chart.crosshairs[0].value() - (minute.timestamp() + 30)) < 60
    assert chart.item_count() == items  # the crosshair and readout only move, nothing is added


def pixel(widget, at: QPoint):  # type: ignore[no-untyped-def]
    return widget.grab().toImage().pixelColor(at)


def test_clicking_a_band_chooses_its_segment_in_the_table_and_on_the_chart(
    page: ReviewPage, qtbot: QtBot
) -> None:
    chart = page.chart
    chosen, other = page.review.segments[5], page.review.segments[9]
    # Sorted by GMV, highest first: the row on screen is not the segment's position.
    page.segment_view.sortByColumn(9, Qt.SortOrder.DescendingOrder)

    def middle(segment_id: int) -> float:
        span = next(s for s in page.review.actual if s.segment_id == segment_id)
        return (span.start.timestamp() + span.end.timestamp()) / 2

    lane = chart.lanes["orders"]
    top = lane.getPlotItem().getViewBox().viewRange()[1][1]
    behind = viewport_point(lane, middle(chosen.segment_id), top) + QPoint(0, 3)
    elsewhere = viewport_point(lane, middle(other.segment_id), top) + QPoint(0, 3)

    def on_strip(segment_id: int) -> QImage:
        band = chart.strip_bands.band_at(middle(segment_id), 1.5)
        corner = viewport_point(chart.strip, band.x0, 1)
        end = viewport_point(chart.strip, band.x1, 2)
        return chart.strip.grab().toImage().copy(QRect(corner, end))

    def seen() -> tuple[QColor, QColor, QImage, QImage]:
        return (
            pixel(lane, behind),
            pixel(lane, elsewhere),
            on_strip(chosen.segment_id),
            on_strip(other.segment_id),
        )

    before = seen()
    qtbot.mouseClick(
        chart.strip.viewport(),
        Qt.MouseButton.LeftButton,
        pos=viewport_point(chart.strip, middle(chosen.segment_id), 1.5),  # the actual row
    )
    assert page.selected_segment() == chosen.segment_id
    assert chart.selected_segment == chosen.segment_id
    after = seen()
    # Its band behind the lanes is deeper and on the strip outlined; the others are as they were.
    assert after[0].saturation() > before[0].saturation()
    assert after[1] == before[1]
    assert after[2] != before[2]
    assert after[3] == before[3]


def test_choosing_a_row_in_the_table_highlights_its_band(page: ReviewPage, qtbot: QtBot) -> None:
    view = page.segment_view
    index = view.model().index(3, 1)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert page.selected_segment() == page.review.segments[3].segment_id
    assert page.chart.selected_segment == page.review.segments[3].segment_id
    assert page.chart.lane_bands["gmv"].selected == page.review.segments[3].segment_id


def test_hovering_a_narrow_band_shows_its_label_in_full(page: ReviewPage, qtbot: QtBot) -> None:
    chart = page.chart
    strip = chart.strip
    metrics = QFontMetrics(QFont(strip.font().family(), 8))
    to_px = strip.getPlotItem().getViewBox().viewPixelSize()[0]
    band = next(
        b
        for b in chart.strip_bands.bands
        if b.row == 1 and (b.x1 - b.x0) / to_px < metrics.horizontalAdvance(b.label)
    )  # its label is cut short on the strip
    at = viewport_point(strip, (band.x0 + band.x1) / 2, 1.5)
    qtbot.mouseMove(strip.viewport(), at)
    qtbot.waitUntil(lambda: QToolTip.isVisible() and band.label in QToolTip.text())
    zone = time_zone("Asia/Shanghai")
    start = datetime.fromtimestamp(band.x0, zone)
    assert QToolTip.text().splitlines()[0] == f"Actual: {band.label}"
    assert QToolTip.text().splitlines()[1].startswith(f"{start:%H:%M}–")


def test_markers_are_drawn_once_on_the_strip_and_named_on_hover(
    page: ReviewPage, qtbot: QtBot
) -> None:
    chart = page.chart
    for lane in chart.lanes.values():
        assert not [i for i in lane.scene().items() if isinstance(i, MarksItem)]
    [marks] = [i for i in chart.strip.scene().items() if isinstance(i, MarksItem)]
    with_minute = [n for n in page.notes if n.minute is not None]
    assert len(marks.marks) == len(page.review.markers) + len(with_minute)
    marker = page.review.markers[0]
    at = viewport_point(chart.strip, marker.at.timestamp(), -MARK_ROW / 2)
    qtbot.mouseMove(chart.strip.viewport(), at)
    qtbot.waitUntil(lambda: QToolTip.isVisible() and marker.label in QToolTip.text())
    zone = time_zone("Asia/Shanghai")
    assert f"{marker.at.astimezone(zone):%H:%M}" in QToolTip.text()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_lane_titles_are_whole_beside_their_lanes_and_the_key_off_the_curves(
    qtbot: QtBot, db: Database, language: str
) -> None:
    use_language(language)
    try:
        page = ReviewPage(db, lag=2)
        qtbot.addWidget(page)
        page.resize(1366, 640)
        page.set_show(create_demo(db))
        show_active(qtbot, page)
        chart = page.chart
        for lane in LANES:
            title, plot = chart.titles[lane.name], chart.lanes[lane.name]
            assert title.isVisible()
            assert title.text().startswith(lane.title())
            assert title.width() >= title.sizeHint().width()  # nothing cut off
            assert title.geometry().right() < plot.geometry().left()  # beside the plot, not on it
            assert (
                plot.geometry().top() <= title.geometry().center().y() <= plot.geometry().bottom()
            )
            assert plot.getPlotItem().legend is None
        key = chart.titles["interaction"].text()
        assert labels.metric("likes") in key and labels.metric("comments") in key
    finally:
        drop_language()


def _menu_item(menu, text: str):  # type: ignore[no-untyped-def]
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def choose_theme(qtbot: QtBot, window, name: str) -> None:  # type: ignore[no-untyped-def]
    """View ▸ Theme ▸ name: a click on View in the menu bar, then the menus' own keys."""
    bar = window.menuBar()
    view = _menu_item(bar, "View")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(view).center())
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is view.menu())
    theme = _menu_item(view.menu(), "Theme")
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_T)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is theme.menu())
    qtbot.keyClick(QApplication.activePopupWidget(), name[0])  # &Light, &Dark
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def corner_lightness(chart: ReviewChart) -> int:
    """How light the chart looks where only its background is: the strip's top left corner."""
    return chart.grab().toImage().pixelColor(2, 2).lightness()


def test_the_chart_follows_the_theme_chosen_in_the_view_menu(qtbot: QtBot, db: Database) -> None:
    app = QApplication.instance()
    style, palette = app.style().name(), app.palette()
    show = create_demo(db)
    apply_theme(app, "dark")
    try:
        window = MainWindow(db, Preferences(language="en", theme="dark", welcomed=True))
        qtbot.addWidget(window)
        window.resize(1366, 705)
        show_active(qtbot, window)
        window.open_show(show)
        qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        assert window.pages.currentWidget() is window.review_page
        chart = window.review_page.chart
        assert corner_lightness(chart) < 80
        for name, light in (("Light", True), ("Dark", False)):
            choose_theme(qtbot, window, name)
            assert window.preferences.theme == name.lower()
            base = QApplication.palette().color(QPalette.ColorRole.Base)
            text = QApplication.palette().color(QPalette.ColorRole.Text)
            # The palette reaches the widgets as an event; the chart repaints when it does.
            qtbot.waitUntil(lambda b=base: chart.strip.backgroundBrush().color() == b)
            assert (corner_lightness(chart) > 200) is light
            assert (corner_lightness(chart) < 80) is not light
            for widget in [chart.strip, *chart.lanes.values()]:
                assert widget.backgroundBrush().color() == base
                for axis in ("left", "bottom"):
                    assert widget.getPlotItem().getAxis(axis).textPen().color() == text
    finally:
        app.setStyle(style)
        app.setPalette(palette)


def test_unticking_a_lane_hides_its_title_with_it(page: ReviewPage, qtbot: QtBot) -> None:
    box = page.lane_boxes["orders"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(4, box.height() // 2))
    assert not page.chart.lanes["orders"].isVisible()
    assert not page.chart.titles["orders"].isVisible()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(4, box.height() // 2))
    assert page.chart.titles["orders"].isVisible()


def test_an_unticked_lane_leaves_no_empty_band_between_the_others(
    page: ReviewPage, qtbot: QtBot
) -> None:
    chart = page.chart
    box = page.lane_boxes["interaction"]
    orders, followers = chart.lanes["orders"], chart.lanes["followers"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(4, box.height() // 2))
    # The lanes left close up: Followers starts where Orders ends.
    qtbot.waitUntil(lambda: followers.geometry().top() - orders.geometry().bottom() <= 1)
    assert not chart.lanes["interaction"].isVisible()


def test_the_readout_stays_while_the_pointer_rests(page: ReviewPage, qtbot: QtBot) -> None:
    lane = page.chart.lanes["gmv"]
    minute = page.review.minutes.index[40].to_pydatetime()
    low, high = lane.getPlotItem().getViewBox().viewRange()[1]
    at = viewport_point(lane, minute.timestamp() + 30, (low + high) / 2)
    qtbot.mouseMove(lane.viewport(), at)
    qtbot.waitUntil(QToolTip.isVisible)
    said = QToolTip.text()
    # What Qt sends once the pointer has rested a moment (no waiting for it in a test).
    rest = QHelpEvent(QEvent.Type.ToolTip, at, lane.viewport().mapToGlobal(at))
    QApplication.sendEvent(lane.viewport(), rest)
    QApplication.processEvents()
    assert QToolTip.isVisible() and QToolTip.text() == said


def test_a_short_lane_keeps_its_count_labels_apart(qtbot: QtBot) -> None:
    axis = CountAxis()
    # (value range, lane height in pixels) as the demo show's Followers, Viewers and
    # Interaction lanes have them in a 1366x705 window.
    for low, high, pixels in ((-7.6, 91.6, 38), (0, 16_950, 62), (-640, 6_040, 62)):
        step, values = axis.tickValues(low, high, pixels)[0]
        assert len(values) >= 1
        assert step * pixels / (high - low) >= CountAxis.LABEL_ROOM
        assert f"{step:g}"[0] in "125" and set(f"{step:g}"[1:]) <= {"0"}  # still round steps
    # A tall lane keeps pyqtgraph's own finer steps.
    assert axis.tickSpacing(0, 100, 400) == pg.AxisItem("left").tickSpacing(0, 100, 400)


def test_the_clock_axis_keeps_its_labels_apart_over_days_and_months(qtbot: QtBot) -> None:
    axis = ClockAxis()
    start = datetime(2026, 11, 11, 12, 0, tzinfo=UTC).timestamp()
    for days in (0.1, 1, 3, 23, 400):  # a show, another day's export, a wheel zoomed far out
        high, pixels = start + days * 86_400, 1_200
        step, values = axis.tickValues(start, high, pixels)[0]
        assert 1 <= len(values) <= pixels // 70, days  # a label needs about 70 pixels
        labels = axis.tickStrings(values, 1, step)
        assert all(a != b for a, b in pairwise(labels)), labels
    step, values = axis.tickValues(start, start + 23 * 86_400, 1_200)[0]
    assert step == 2 * 86_400
    assert axis.tickStrings(values[:2], 1, step) == ["11-13", "11-15"]  # dates, Shanghai's
    step, values = axis.tickValues(start, start + 3 * 86_400, 1_200)[0]
    labels = axis.tickStrings(values, 1, step)
    assert "11-12" in labels and "11-13" in labels and "12:00" in labels  # dates at midnight
