"""The lead, by hand: the platform's export imported through the dialog, the review read with
the mouse across every lane of the chart, a segment's band clicked, and the report exported."""

from pathlib import Path

from person import Person
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from liveplanner.app.demo import create_demo
from liveplanner.storage import samples, shows
from liveplanner.storage.database import Database
from liveplanner.ui.main_window import MainWindow

KEY = Qt.Key
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
# How the platform names the series in its minute export (Douyin's words).
HEADERS = {
    "online_viewers": "实时在线人数",
    "gmv": "成交金额(元)",
    "orders": "成交订单数",
    "likes": "点赞数",
    "comments": "评论数",
    "new_followers": "新增粉丝数",
}


def write_export(db: Database, show_id: int, path: Path) -> int:
    """The show's minutes as the platform's export: a GBK CSV, one row a minute; the count of
    minutes written."""
    frame = samples.load_metrics(db, show_id)
    zone = shows.load_plan(db, show_id).show.time_zone
    wide = frame[frame["metric"].isin(list(HEADERS))].pivot(
        index="minute", columns="metric", values="value"
    )
    lines = ["时间," + ",".join(HEADERS.values())]
    for minute, row in wide.iterrows():
        local = minute.tz_convert(zone).strftime("%Y-%m-%d %H:%M")
        values = [_cell(metric, row.get(metric)) for metric in HEADERS]
        lines.append(",".join([local, *values]))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gb18030"))
    return len(wide)


def _cell(metric: str, value: object) -> str:
    if value is None or value != value:  # a minute without it: the platform writes "-"
        return "-"
    return f"{value / 100:.2f}" if metric == "gmv" else str(int(value))  # gmv is kept in fen


def test_lead(person: Person, window: MainWindow, tmp_path: Path) -> None:
    assert window.db is not None
    show_id = create_demo(window.db)  # planned, rehearsed and run live
    export = tmp_path / "抖音直播-分钟数据.csv"
    minutes = write_export(window.db, show_id, export)
    assert minutes > 100
    person.open_show(window, show_id)

    def import_it(dialog: QWidget) -> None:
        person.shot("import-dialog")
        person.when_dialog_opens(person.choose_file(export))
        person.click_button(dialog, dialog.tr("&Choose file…"))
        person.wait_for(lambda: getattr(dialog, "job", None) is None, "the export is read")
        person.shot("import-read")
        person.click(dialog.import_button)  # type: ignore[attr-defined]
        # The demo show has its minutes already: Import asks before replacing them.
        question = dialog.question  # type: ignore[attr-defined]
        assert question is not None, "Import asks before replacing the show's metrics"
        person.wait_for(question.isActiveWindow, "the question is in front")
        person.shot("replace-question")
        person.click_button(question, dialog.tr("&Replace metrics"))

    person.when_dialog_opens(import_it)
    person.press(KEY.Key_I, CTRL | SHIFT)
    person.press(KEY.Key_R, CTRL)
    person.wait_for(
        lambda: window.review_page is not None and window.review_page.review is not None,
        "the review opens",
    )
    page = window.review_page
    assert page is not None
    person.shot("review")

    chart = page.chart
    lanes = [lane for lane in chart.lanes.values() if lane.isVisible()]
    assert len(lanes) == 5, "viewers, GMV, orders, interaction and followers each have a lane"
    for lane in lanes:
        view = lane.viewport()
        for step in range(1, 20):
            person.move(view, QPoint(view.width() * step // 20, view.height() // 2))
            if step == 10:
                person.wait_for(
                    lambda: QToolTip.isVisible() and ":" in QToolTip.text(),
                    "the crosshair reads out the minute",
                )
        person.shot("crosshair")

    # A segment's band on the plan/actual strip, clicked: the table chooses that segment.
    strip = chart.strip.viewport()
    assert page.selected_segment() is None
    person.click(strip, QPoint(strip.width() // 3, strip.height() * 2 // 3))
    assert page.selected_segment() is not None, "the clicked band's segment is chosen"
    person.shot("band-clicked")

    report = tmp_path / "复盘.pdf"
    person.when_dialog_opens(person.choose_file(report))
    person.press(KEY.Key_E, CTRL | SHIFT)
    person.wait_for(lambda: report.exists() and report.stat().st_size > 1000, "the report is saved")
    assert report.read_bytes().startswith(b"%PDF")
    person.wait_for(lambda: QApplication.activeWindow() is window, "the window has the keys back")
    person.shot("exported")
