"""The review page, the compare dialog and the report, driven as a lead uses them."""

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from demo_helpers import editable_demo
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from liveplanner.app.demo import create_demo
from liveplanner.core.enums import NoteCategory
from liveplanner.core.plan import time_zone
from liveplanner.core.review_spans import Source
from liveplanner.storage import notes, segments, shows
from liveplanner.storage.database import Database
from liveplanner.storage.samples import ImportSource, replace_metrics
from liveplanner.ui.review.compare_dialog import CompareDialog
from liveplanner.ui.review.notes_panel import NotesModel
from liveplanner.ui.review.report import write_report
from liveplanner.ui.review.report_dialog import report_input
from liveplanner.ui.review.review_page import ReviewPage
from liveplanner.ui.review.table_columns import segment_columns, segment_rank
from liveplanner.ui.review.tables import FiguresModel, best_and_worst


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    """The view reads through storage, tested on both databases elsewhere: SQLite will do."""
    return sqlite_db


@pytest.fixture
def page(qtbot: QtBot, db: Database) -> ReviewPage:
    widget = ReviewPage(db, lag=2)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    return widget


def test_switching_shows_refills_the_chart_without_adding_items(
    page: ReviewPage, db: Database
) -> None:
    first = create_demo(db)
    second = create_demo(db)
    planned_only = shows.create_show(
        db, "No data", datetime(2026, 12, 1, 20, tzinfo=time_zone("Asia/Shanghai"))
    )
    page.set_show(first)
    count = page.chart.item_count()
    curve = page.chart.curves["gmv"]
    assert len(curve.xData) == 188  # 185 minutes of data and the 3 missing, as gaps
    page.set_show(second)
    assert page.chart.item_count() == count
    page.set_show(planned_only)
    assert page.chart.item_count() == count
    assert page.chart_stack.currentWidget() is page.empty
    assert page.review.source is Source.PLANNED
    assert len(page.chart.curves["gmv"].xData or []) == 0
    page.set_show(first)
    assert page.chart.item_count() == count
    assert page.chart_stack.currentWidget() is page.chart


def test_the_header_says_which_times_and_the_lag_recomputes(page: ReviewPage, db: Database) -> None:
    page.set_show(create_demo(db))
    assert "live run" in page.source.text()
    before = [f.gmv_fen for f in page.review.segments]
    page.lag.setValue(0)
    assert page.review.lag == 0
    after = [f.gmv_fen for f in page.review.segments]
    # Segments whose credited minutes the stream lost have no figure; the rest add up the same.
    assert after != before and sum(filter(None, after)) == sum(filter(None, before))
    # cards[0] is GMV, the first of summary_figures.summary_figures
    assert page.cards[0].target.text().startswith("target ¥1,500,000")
    assert "short by" in page.cards[0].target.text()


def test_a_note_on_a_minute_is_stored_and_marked(
    page: ReviewPage, db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    show = create_demo(db)
    page.set_show(show)
    marks = len(page.chart.marks.marks)
    minute = page.review.minutes.index[60].to_pydatetime()
    from liveplanner.ui.review import review_page

    monkeypatch.setattr(review_page.NoteDialog, "exec", lambda self: self.DialogCode.Accepted)
    monkeypatch.setattr(
        review_page.NoteDialog,
        "values",
        lambda self: (NoteCategory.ACTION, "Slower pitch here", "Ann"),
    )
    lane = page.chart.lanes["gmv"]
    in_view = lane.getPlotItem().getViewBox().mapViewToScene(QPointF(minute.timestamp() + 30, 0))
    qtbot.mouseClick(lane.viewport(), Qt.MouseButton.LeftButton, pos=lane.mapFromScene(in_view))
    qtbot.mouseClick(page.note_button, Qt.MouseButton.LeftButton)
    stored = [n for n in notes.list_notes(db, show) if n.text == "Slower pitch here"]
    assert len(stored) == 1 and stored[0].minute == minute and stored[0].owner == "Ann"
    assert stored[0].segment_id == page.review.segment_at(minute.replace(second=30))
    assert len(page.chart.marks.marks) == marks + 1


def test_the_models_pass_the_model_tester(page: ReviewPage, db: Database, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    page.set_show(create_demo(db))
    model = FiguresModel(segment_columns(page.plan, page.review.source), segment_rank)
    model.set_rows(page.review.segments)
    qtmodeltester.check(model)
    assert model.best is not None and model.worst is not None
    best = page.review.segments[model.best]
    assert best.gmv_per_min_fen == max(
        f.gmv_per_min_fen for f in page.review.segments if f.gmv_per_min_fen is not None
    )
    # Segment 9, whose minutes the stream lost, is no "worst": it has no figure at all.
    assert page.review.segments[model.worst].gmv_per_min_fen is not None
    notes_model = NotesModel()
    notes_model.set_notes(page.notes, page.plan)
    qtmodeltester.check(notes_model)
    assert notes_model.rowCount() == 4


def test_the_compare_dialog_lists_shows_and_kinds(qtbot: QtBot, db: Database) -> None:
    show = create_demo(db)
    start = shows.load_plan(db, show).show.planned_start
    dialog = CompareDialog(db, 2)
    qtbot.addWidget(dialog)
    dialog.since.setDate(start.date().replace(day=1))
    dialog.until.setDate(start.date().replace(day=28))
    dialog.reload()
    assert [k.show_id for k in dialog.shows.rows] == [show]
    assert {e.key for e in dialog.kinds.rows} >= {"flash_sale", "coupon_drop"}
    titles = [
        dialog.shows.headerData(i, Qt.Orientation.Horizontal)
        for i in range(dialog.shows.columnCount())
    ]
    assert "Flash sale / min" in titles


def test_reports_are_written_in_each_format(page: ReviewPage, db: Database, tmp_path: Path) -> None:
    show = editable_demo(db)
    plan = shows.load_plan(db, show)
    segments.update_segment(
        db, plan.segments[0].id, plan.segments[0].version, title='=HYPERLINK("x")'
    )
    page.set_show(show)
    content = report_input(page)
    for suffix in (".pdf", ".html", ".xlsx"):
        write_report(tmp_path / f"report{suffix}", content)
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert plan.show.title in html and "data:image/png;base64," in html
    book = openpyxl.load_workbook(tmp_path / "report.xlsx")
    assert book.sheetnames == [
        "Summary",
        "Segments",
        "By kind",
        "By product",
        "Product sales",
        "Notes",
        "Minutes",
    ]
    title_cell = book["Segments"]["B2"]
    assert title_cell.value == '=HYPERLINK("x")'
    assert title_cell.data_type == "s" and title_cell.quotePrefix
    assert book["Minutes"].max_row == 1 + len(page.review.minutes)
    with pytest.raises(ValueError, match=r"\.pdf, \.html or \.xlsx"):
        write_report(tmp_path / "report.doc", content)
    assert not list(tmp_path.glob("*.partial"))


HEAVY = ("pandas", "pyqtgraph", "sqlalchemy", "aiohttp", "segno")


def test_the_heavy_libraries_wait_until_used_not_the_first_paint() -> None:
    """The window paints before the database layer (SQLAlchemy and the models, 0.4 s), the
    review's (pandas, pyqtgraph) or the sharing's (aiohttp, segno) load: a module that merely
    catches a StorageError must not bring them (it did, and the first paint took 4x longer)."""
    code = (
        "import sys, liveplanner.ui.app; from liveplanner.ui.main_window import MainWindow; "
        f"print(*(m in sys.modules for m in {HEAVY!r}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert dict(zip(HEAVY, out.stdout.split(), strict=True)) == dict.fromkeys(HEAVY, "False")


def test_the_crosshair_tooltip_names_the_minute_segment_and_values(
    page: ReviewPage, db: Database
) -> None:
    page.set_show(create_demo(db))
    minute = page.review.minutes.index[40].to_pydatetime()
    figures = next(
        f
        for f in page.review.segments
        if f.segment_id == page.review.segment_at(minute.replace(second=30))
    )
    lines = page.chart.describe(minute.timestamp() + 20).splitlines()
    zone = time_zone("Asia/Shanghai")
    assert lines[0] == f"{minute.astimezone(zone):%H:%M}  ·  {figures.position}. {figures.title}"
    viewers = int(page.review.minutes["online_viewers"].iloc[40])
    assert f"Online viewers: {viewers:,}" in lines
    page.chart.set_lane_visible("viewers", False)
    assert not any(
        line.startswith("Online viewers")
        for line in page.chart.describe(minute.timestamp()).splitlines()
    )


def test_only_rows_that_differ_are_tinted_best_and_worst() -> None:
    assert best_and_worst([3.0, 9.0, 1.0], lambda v: v) == (1, 2)
    assert best_and_worst([5.0, 5.0], lambda v: v) == (None, None)  # a tie: nothing stands out
    assert best_and_worst([5.0, None], lambda v: v) == (None, None)


def _gmv_only_of_another_day(db: Database, show: int) -> None:
    """An export with GMV and nothing else, of a day months before the show."""
    start = pd.Timestamp("2026-07-01 11:00", tz="UTC")
    samples = pd.DataFrame(
        {
            "minute": [start + pd.Timedelta(minutes=i) for i in range(61)],
            "metric": ["gmv"] * 61,
            "value": [i * 100 for i in range(61)],  # ¥1,830 in all
        }
    )
    replace_metrics(db, show, samples, ImportSource("gmv.csv", "", "UTF-8", 61))


def test_the_header_counts_the_shows_minutes_the_export_misses(
    page: ReviewPage, db: Database
) -> None:
    show = create_demo(db)  # run live for 188 minutes; 185 of them have data
    page.set_show(show)
    assert "185 minutes of data; 3 of the show's 188 minutes have none." in page.source.text()
    # An hour's export of another day covers none of the show, however whole it is itself.
    _gmv_only_of_another_day(db, show)
    page.set_show(show)
    assert "61 minutes of data; 188 of the show's 188 minutes have none." in page.source.text()


def _column(view: QTableView, column: int) -> list[str]:
    model = view.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_cards_and_tables_show_a_dash_for_what_the_export_lacks_and_add_up(
    page: ReviewPage, db: Database, qtmodeltester
) -> None:
    show = create_demo(db)
    _gmv_only_of_another_day(db, show)
    page.set_show(show)
    cards = {card.caption.text(): card for card in page.cards}
    assert cards["GMV"].value.text() == "¥1,830"
    for caption in ("Orders", "Peak viewers", "Conversion", "GPM", "New followers"):
        assert cards[caption].value.text() == "—", caption
    assert cards["Conversion"].target.text() == "target 8.00% · no data"
    # The minutes are all before the script: their own row holds the ¥1,830, no segment ¥0.
    titles = _column(page.segment_view, 1)
    assert titles[0] == "Before the script: 2026-07-01 19:00–20:00"
    gmv = _column(page.segment_view, segment_columns_index(page, "GMV"))
    orders = _column(page.segment_view, segment_columns_index(page, "Orders"))
    assert gmv[0] == "¥1,830" and set(gmv[1:]) == {"—"} and set(orders) == {"—"}
    kinds = dict(zip(_column(page.kind_view, 0), _column(page.kind_view, 3), strict=True))
    assert kinds["Outside the script"] == "¥1,830" and kinds["Opening"] == "—"
    assert "61 of them lie outside the script" in page.source.text()
    qtmodeltester.check(page.segments)  # with the row before the script
    qtmodeltester.check(page.kinds)


def segment_columns_index(page: ReviewPage, title: str) -> int:
    model = page.segment_view.model()
    titles = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    return titles.index(title)


def _click_header(qtbot: QtBot, view: QTableView, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def _indicator(view: QTableView) -> tuple[int, Qt.SortOrder]:
    header = view.horizontalHeader()
    return header.sortIndicatorSection(), header.sortIndicatorOrder()


def _money(texts: list[str]) -> list[float]:
    return [float(t.strip("¥").replace(",", "")) for t in texts]


def test_the_by_kind_arrow_names_the_order_of_its_rows_and_a_click_resorts(
    page: ReviewPage, db: Database, qtbot: QtBot
) -> None:
    page.set_show(create_demo(db))
    show_active(qtbot, page)
    page.tabs.setCurrentWidget(page.kind_view)
    view = page.kind_view
    # Opens highest GMV first, and the arrow sits on GMV, descending.
    assert _indicator(view) == (3, Qt.SortOrder.DescendingOrder)
    gmv = _money(_column(view, 3))
    assert gmv == sorted(gmv, reverse=True)
    _click_header(qtbot, view, 0)  # Kind: A to Z, as the text reads
    assert _indicator(view) == (0, Qt.SortOrder.AscendingOrder)
    names = _column(view, 0)
    assert names == sorted(names) and names[0] == "Closing"
    _click_header(qtbot, view, 0)
    assert _indicator(view) == (0, Qt.SortOrder.DescendingOrder)
    assert _column(view, 0) == sorted(names, reverse=True)
    _click_header(qtbot, view, 4)  # Orders: a figure, highest first on the first click
    assert _indicator(view) == (4, Qt.SortOrder.DescendingOrder)
    orders = [int(t.replace(",", "")) for t in _column(view, 4)]
    assert orders == sorted(orders, reverse=True)
    page.set_show(page.plan.show.id)  # refilled: the order the user chose stays, and is shown
    assert _indicator(view) == (4, Qt.SortOrder.DescendingOrder)
    assert [int(t.replace(",", "")) for t in _column(view, 4)] == orders


def test_the_compare_arrows_name_the_order_of_their_rows_and_a_click_resorts(
    qtbot: QtBot, db: Database
) -> None:
    demo = create_demo(db)
    start = shows.load_plan(db, demo).show.planned_start
    earlier = shows.create_show(db, "No data yet", start - timedelta(days=3))
    dialog = CompareDialog(db, 2)
    qtbot.addWidget(dialog)
    dialog.since.setDate(start.date().replace(day=1))
    dialog.until.setDate(start.date().replace(day=28))
    dialog.reload()
    show_active(qtbot, dialog)
    view = dialog.show_view
    assert _indicator(view) == (0, Qt.SortOrder.AscendingOrder)  # oldest first, by date
    assert _column(view, 1) == ["No data yet", shows.load_plan(db, demo).show.title]
    gmv_column = 5
    assert dialog.shows.headerData(gmv_column, Qt.Orientation.Horizontal) == "GMV"
    _click_header(qtbot, view, gmv_column)  # a figure: highest first on the first click
    assert _indicator(view) == (gmv_column, Qt.SortOrder.DescendingOrder)
    assert _column(view, gmv_column)[-1] == "—"  # no data sorts below every figure
    _click_header(qtbot, view, 1)
    assert _indicator(view) == (1, Qt.SortOrder.AscendingOrder)
    assert _column(view, 1) == sorted(_column(view, 1))
    assert earlier in {k.show_id for k in dialog.shows.rows}
    # What earns: best GMV per minute first, and the arrows say so.
    for earnings in (dialog.kind_view, dialog.slot_view):
        assert _indicator(earnings) == (4, Qt.SortOrder.DescendingOrder)
        per_min = _money(_column(earnings, 4))
        assert per_min == sorted(per_min, reverse=True)
