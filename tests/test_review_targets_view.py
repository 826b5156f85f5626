"""Targets of whether the show paid in the review window, the compare dialog and the report:
met ✓, short by, over by for a ceiling, and "no data" (not judged) where the export lacks it;
retention columns in the segment table."""

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path

import pytest
from demo_helpers import editable_demo
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QTextDocument, QTextTable
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from liveplanner.core.plan import Targets
from liveplanner.core.review_figures import TargetName
from liveplanner.core.target_judging import judge_kpis, tally
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.ui.review.compare_dialog import CompareDialog
from liveplanner.ui.review.report import report_html, write_report
from liveplanner.ui.review.report_dialog import report_input
from liveplanner.ui.review.review_page import ReviewPage
from liveplanner.ui.translators import install_translators


@pytest.fixture
def show_id(sqlite_db: Database) -> int:
    """The demo show aiming for an ROI of 10 (it made about 2.7), at most ¥10 of ads (it spent
    far more), ¥1 of gross profit (met, by its product export) and a GPM of ¥1 (met)."""
    show_id = editable_demo(sqlite_db)
    show = shows.load_plan(sqlite_db, show_id).show
    shows.update_show(
        sqlite_db,
        show_id,
        show.version,
        target_roi_bp=100_000,
        target_max_ad_spend_fen=1_000,
        target_gross_profit_fen=100,
        target_gpm_fen=100,
    )
    return show_id


@pytest.fixture
def page(qtbot: QtBot, sqlite_db: Database, show_id: int) -> ReviewPage:
    widget = ReviewPage(sqlite_db, lag=2)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    widget.set_show(show_id)
    return widget


@pytest.fixture
def chinese() -> Iterator[None]:
    app = QApplication.instance()
    translators = install_translators(app, QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield
    for translator in translators:
        app.removeTranslator(translator)


def shown_lines(page: ReviewPage) -> list[QLabel]:
    return [line for line in page.target_row.lines if line.isVisible()]


def by_caption(page: ReviewPage) -> dict[str, str]:
    lines = {}
    for line in shown_lines(page):
        caption = line.text().removeprefix("<b>").split("</b>")[0]
        lines[caption] = line.text()
    return lines


def test_the_target_lines_say_met_short_by_over_by_or_no_data(page: ReviewPage) -> None:
    lines = by_caption(page)
    gpm, roi, profit, spend = (lines[c] for c in ("GPM", "ROI", "Gross profit", "Ad spend"))
    assert gpm.startswith("<b>GPM</b> ¥") and "target ¥1 · met ✓" in gpm
    money = page.review.totals.efficiency
    assert roi == (
        f"<b>ROI</b> {money.roi:,.2f} · "
        f'<span style="color: #c0392b">target 10.00 · short by {10 - money.roi:,.2f}</span>'
    )
    gross = money.gross_profit_fen
    assert profit.startswith(f"<b>Gross profit</b> ¥{gross / 100:,.0f} · ")
    assert "target ¥1 · met ✓" in profit
    over = (money.ad_spend_fen - 1_000) / 100
    assert spend == (
        f"<b>Ad spend</b> ¥{money.ad_spend_fen / 100:,.0f} · "
        f'<span style="color: #c0392b">at most ¥10 · over by ¥{over:,.0f}</span>'
    )


def test_a_show_without_such_targets_still_says_whether_it_paid(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    widget = ReviewPage(sqlite_db, lag=2)
    qtbot.addWidget(widget)
    widget.show()
    widget.set_show(editable_demo(sqlite_db))
    assert widget.target_row.isVisible()
    lines = by_caption(widget)
    assert list(lines) == [
        "UV value",
        "Order value",
        "ROI",
        "Gross profit",
        "Margin",
        "Refunds",
        "Net GMV",
        "Watch time",
        "Ad spend",
    ]
    money = widget.review.totals.efficiency
    assert lines["ROI"] == f"<b>ROI</b> {money.roi:,.2f}"  # no verdict without a target
    assert lines["Refunds"] == f"<b>Refunds</b> ¥{money.refunds_fen / 100:,.0f}"
    assert all(" · " not in text for text in lines.values())


def test_the_segment_table_shows_viewers_kept_and_watch_time(page: ReviewPage) -> None:
    model = page.segments
    titles = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    kept, watch = titles.index("Viewers kept"), titles.index("Watch time")
    segment = next(row for row, f in enumerate(model.rows) if f.segment_id is not None)
    figures = model.rows[segment]
    assert model.index(segment, kept).data() == f"{figures.viewers_kept * 100:.2f}%"
    # The demo's export carries the average watch time, read as minutes and seconds.
    seconds = round(figures.avg_watch_s)
    assert model.index(segment, watch).data() == f"{seconds // 60}:{seconds % 60:02d}"


def test_the_compare_dialog_counts_targets_met_and_missed(
    qtbot: QtBot, sqlite_db: Database, show_id: int
) -> None:
    start = shows.load_plan(sqlite_db, show_id).show.planned_start
    dialog = CompareDialog(sqlite_db, 2)
    qtbot.addWidget(dialog)
    dialog.since.setDate(start.date().replace(day=1))
    dialog.until.setDate(start.date().replace(day=28))
    dialog.reload()
    model = dialog.shows
    titles = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    met, missed = titles.index("Targets met"), titles.index("Targets missed")
    kpis = model.rows[0]
    results = {r.name: r for r in judge_kpis(kpis)}
    # GMV, viewers, conversion, new followers, GPM, ROI, ad spend judged; interaction (no
    # comments read) and gross profit (no product export) not.
    assert results[TargetName.INTERACTION].met is None
    assert results[TargetName.GROSS_PROFIT].met is None
    assert results[TargetName.ROI].met is False and results[TargetName.GPM].met is True
    assert results[TargetName.MAX_AD_SPEND].met is False
    counted = tally(tuple(results.values()))
    assert counted[0] is not None and counted[1] is not None and sum(counted) == 7
    assert model.index(0, met).data() == str(counted[0])
    assert model.index(0, missed).data() == str(counted[1])


def summary_cells(page: ReviewPage) -> list[list[str]]:
    document = QTextDocument()
    document.setHtml(report_html(report_input(page), None))
    table = next(f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable))
    return [
        [
            table.cellAt(row, column).firstCursorPosition().block().text()
            for column in range(table.columns())
        ]
        for row in range(table.rows())
    ]


def test_the_report_gives_each_target_its_verdict(page: ReviewPage) -> None:
    rows = summary_cells(page)
    paid = [cell.split("\u2028") for cell in rows[2]]  # UV value, ..., ad spend, ROI
    assert paid[3][0] == "Ad spend" and paid[3][2].startswith("at most ¥10 · over by ¥")
    assert paid[4][0] == "ROI" and paid[4][2].startswith("target 10.00 · short by ")
    # What it kept (the demo's product export), gross profit against its target.
    kept = [cell.split("\u2028") for cell in rows[3] if cell]
    assert [k[0] for k in kept] == ["Gross profit", "Margin", "Refunds", "Net GMV", "Watch time"]
    assert kept[0][1].startswith("¥") and kept[0][2] == "target ¥1 · met ✓"
    assert kept[4][1] == _minutes_seconds(page.review.totals.avg_watch_s)  # the demo's export


def test_the_report_s_verdicts_read_in_chinese(page: ReviewPage, chinese: None) -> None:
    rows = summary_cells(page)
    spend = rows[2][3].split("\u2028")
    assert spend[0] == "投放消耗" and spend[2].startswith("上限 ¥10 · 超出 ¥")
    assert rows[2][4].split("\u2028")[2].startswith("目标 10.00 · 差 ")
    assert rows[3][0].split("\u2028")[0] == "毛利"


def test_with_every_target_set_the_chart_stays_on_the_report_s_first_page(
    sqlite_db: Database, show_id: int, tmp_path: Path, page: ReviewPage
) -> None:
    if shutil.which("pdfimages") is None:
        pytest.skip("pdfimages is not installed")
    show = shows.load_plan(sqlite_db, show_id).show
    shows.update_show(
        sqlite_db,
        show_id,
        show.version,
        **{f"target_{f.name}": 100 for f in fields(Targets)},
    )
    page.set_show(show_id)
    out = tmp_path / "review.pdf"
    write_report(out, report_input(page))
    listed = subprocess.run(
        ["pdfimages", "-list", "-f", "1", "-l", "1", str(out)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert len(listed) == 3, listed  # two header lines and the chart


def _minutes_seconds(seconds: float | None) -> str:
    assert seconds is not None
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"
