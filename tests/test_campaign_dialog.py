"""Review ▸ Campaigns…: made, changed and refused by typing and clicking, shows added through
the picker with the keyboard and removed, progress and pace against the target, what earned,
and the PDF report."""

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSize, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDateEdit, QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from liveplanner.app import campaigns
from liveplanner.app.demo import create_demo
from liveplanner.core.enums import Platform
from liveplanner.core.plan import Targets, time_zone
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.ui.review import campaign_report
from liveplanner.ui.review.campaign_dialog import CampaignDialog, ShowPicker
from liveplanner.ui.screen_fit import TYPICAL_FRAME

TODAY = date(2026, 11, 15)


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db  # storage is tested on both databases elsewhere


def _dialog(qtbot: QtBot, db: Database) -> CampaignDialog:
    dialog = CampaignDialog(db, 2, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _type(qtbot: QtBot, widget: object, text: str) -> None:
    widget.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def test_a_campaign_is_made_by_typing_and_refused_in_a_line(qtbot: QtBot, db: Database) -> None:
    dialog = _dialog(qtbot, db)
    assert dialog.list.count() == 0 and dialog.campaign is None
    _type(qtbot, dialog.title, "Double 11 promo")
    _type(qtbot, dialog.target, "2,000,000")
    dialog.starts.setDate(QDate(2026, 11, 20))
    dialog.ends.setDate(QDate(2026, 11, 1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "before it starts" in dialog.problem.text()
    assert campaigns.list_campaigns(db) == []
    dialog.starts.setDate(QDate(2026, 11, 1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.text() == ""
    (made,) = campaigns.list_campaigns(db)
    assert made.title == "Double 11 promo" and made.targets.gmv_fen == 2_000_000_00
    assert dialog.list.count() == 1 and dialog.campaign is not None
    # changed: the target typed again
    _type(qtbot, dialog.target, "3000000")
    qtbot.keyClick(dialog.target, Qt.Key.Key_Return)  # Return in a line edit does not save...
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # ...the button does
    assert campaigns.load_campaign(db, made.id).targets.gmv_fen == 3_000_000_00
    _type(qtbot, dialog.target, "lots")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "lots" in dialog.problem.text()


def test_shows_added_with_the_keyboard_and_the_campaign_s_progress(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo = create_demo(db)
    later = shows.create_show(
        db, "返场", datetime(2026, 11, 20, 20, tzinfo=time_zone("Asia/Shanghai")), Platform.TAOBAO
    )
    made = campaigns.create_campaign(db, "双11", date(2026, 11, 1), date(2026, 11, 30))
    campaigns.update_campaign(
        db, made.id, made.version, "双11", made.starts_on, made.ends_on,
        Targets(gmv_fen=2_000_000_00),
    )  # fmt: skip
    dialog = _dialog(qtbot, db)
    assert dialog.campaign is not None and dialog.campaign.id == made.id

    def tick_both() -> None:
        picker = QApplication.activeModalWidget()
        assert isinstance(picker, ShowPicker)
        picker.list.setFocus()
        for row in range(picker.list.count()):
            picker.list.setCurrentRow(row)
            qtbot.keyClick(picker.list.viewport(), Qt.Key.Key_Space)
        qtbot.keyClick(picker.list, Qt.Key.Key_Return)

    dialog.tabs.setCurrentIndex(1)
    QTimer.singleShot(0, tick_both)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert campaigns.load_campaign(db, made.id).show_ids == (demo, later)
    assert dialog.shows_table.rowCount() == 2
    result = dialog.figures
    assert result is not None and result.totals.gmv_fen is not None
    gmv = result.totals.gmv_fen
    assert result.remaining_shows == 1
    assert result.needed_per_show_fen == 2_000_000_00 - gmv
    assert f"¥{(2_000_000_00 - gmv) / 100:,.0f}" in dialog.cards["needed"].text()
    _, ys = dialog.chart.gmv.getData()
    assert list(ys) == [gmv / 100]  # the future show has no point, not a zero
    _, aims = dialog.chart.target.getData()
    assert list(aims) == [1_000_000, 2_000_000]
    assert dialog.platform_table.rowCount() == 2
    assert "—" not in dialog.best_worst.text().split("Best product")[0]  # the kinds are known

    # The report
    out = tmp_path / "campaign.pdf"
    monkeypatch.setattr(campaign_report, "save_file", lambda *a, **k: (out, ""))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 10_000

    # Removed: the row clicked, then Remove
    rect = dialog.shows_table.visualRect(dialog.shows_table.model().index(1, 0))
    qtbot.mouseClick(dialog.shows_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert campaigns.load_campaign(db, made.id).show_ids == (demo,)
    assert dialog.figures is not None and dialog.figures.remaining_shows == 0

    # Deleted, once confirmed
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert campaigns.list_campaigns(db) == [] and dialog.list.count() == 0
    assert shows.load_plan(db, demo).show.id == demo  # its shows stay


def test_the_report_html_says_missing_figures_as_a_dash(qtbot: QtBot, db: Database) -> None:
    made = campaigns.create_campaign(
        db, "Q4", date(2026, 10, 1), date(2026, 12, 31), Targets(roi_bp=25_000)
    )
    later = shows.create_show(
        db, "未来", datetime(2026, 12, 20, 20, tzinfo=time_zone("Asia/Shanghai"))
    )
    campaigns.add_shows(db, made.id, [later])
    page = campaign_report.campaign_html(campaigns.figures(db, made.id, TODAY), None)
    assert "Q4" in page and "未来" in page and "—" in page and "¥0" not in page
    assert ">2.50<" in page and "250.00%" not in page  # ROI as GMV per yuan spent
    # One show is one show, and the target is all its own.
    assert "1 show; the target is all its own." in page and "1 shows" not in page


def test_the_ended_demo_says_which_shows_have_no_figures_and_which_lie_outside(
    qtbot: QtBot, db: Database
) -> None:
    create_demo(db, campaign=True)
    (demo_campaign,) = campaigns.list_campaigns(db)
    early = shows.create_show(
        db, "预热", datetime(2026, 10, 20, 20, tzinfo=time_zone("Asia/Shanghai")), Platform.DOUYIN
    )
    campaigns.add_shows(db, demo_campaign.id, [early])
    dialog = CampaignDialog(db, 2, today=date(2026, 12, 4))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    states = [dialog.shows_table.item(r, 4).text() for r in range(dialog.shows_table.rowCount())]
    assert (
        states[0] == "no figures: date passed, no metrics imported · outside the campaign's dates"
    )
    assert states[1:4] == ["reported"] * 3
    assert states[4:] == ["no figures: date passed, no metrics imported"] * 2
    card = dialog.cards["remaining"].text()
    assert ">0<" in card and "3 without figures" in card  # not folded into a silent 0


def _typed_into_focus(qtbot: QtBot, text: str) -> None:
    """Select what the focused field holds and type `text` over it, as a user would: Latin
    keys one by one, Chinese as an input method commits it."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    for char in text:
        if char.isascii():
            QTest.keyClicks(focused, char)
        else:
            commit = QInputMethodEvent()
            commit.setCommitString(char)
            QApplication.sendEvent(focused, commit)


def test_title_dates_and_every_target_are_edited_by_typing_on_a_laptop_screen(
    qtbot: QtBot, db: Database
) -> None:
    made = campaigns.create_campaign(
        db, "双11", date(2026, 11, 1), date(2026, 11, 30), Targets(gmv_fen=100_00, roi_bp=20_000)
    )
    dialog = CampaignDialog(db, 2, today=TODAY)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)  # keys go to the focused field of the active window
    # what a maximised 1366×768 laptop leaves a window, less its frame
    dialog.resize(QSize(1366, 705).shrunkBy(TYPICAL_FRAME))
    qtbot.mouseClick(dialog.title, Qt.MouseButton.LeftButton)
    _typed_into_focus(qtbot, "双11 大促")
    qtbot.mouseClick(dialog.target, Qt.MouseButton.LeftButton)
    _typed_into_focus(qtbot, "200万")
    dialog.ends.setFocus()
    dialog.ends.setCurrentSection(QDateEdit.Section.DaySection)
    qtbot.keyClick(dialog.ends, Qt.Key.Key_Down)  # the 30th to the 29th
    # The Targets tab: each field in full view, typed into and tabbed through
    bar = dialog.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(3).center())
    assert dialog.tabs.currentIndex() == 3
    for name, edit in dialog.target_edits.items():
        assert edit.visibleRegion().boundingRect() == edit.rect(), name
    assert dialog.target_edits["roi_bp"].text() == "2"
    qtbot.mouseClick(dialog.target_edits["uv_value_fen"], Qt.MouseButton.LeftButton)
    _typed_into_focus(qtbot, "3.5")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # on to order value
    assert QApplication.focusWidget() is dialog.target_edits["aov_fen"]
    _typed_into_focus(qtbot, "199")
    qtbot.mouseClick(dialog.target_edits["roi_bp"], Qt.MouseButton.LeftButton)
    _typed_into_focus(qtbot, "2.5")
    qtbot.mouseClick(dialog.target_edits["max_refund_bp"], Qt.MouseButton.LeftButton)
    _typed_into_focus(qtbot, "8")
    qtbot.mouseClick(dialog.target_edits["avg_watch_s"], Qt.MouseButton.LeftButton)
    _typed_into_focus(qtbot, "1:30")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.text() == ""
    saved = campaigns.load_campaign(db, made.id)
    assert (saved.title, saved.starts_on, saved.ends_on) == (
        "双11 大促", date(2026, 11, 1), date(2026, 11, 29),
    )  # fmt: skip
    assert saved.targets == Targets(
        gmv_fen=200_000_000, uv_value_fen=350, aov_fen=199_00, roi_bp=25_000,
        max_refund_bp=800, avg_watch_s=90,
    )  # fmt: skip
    assert dialog.target_edits["avg_watch_s"].text() == "1:30"  # read back as typed
    # An unclear target is refused naming its field; nothing changes
    qtbot.mouseClick(dialog.target_edits["margin_bp"], Qt.MouseButton.LeftButton)
    _typed_into_focus(qtbot, "120")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.text().startswith("Margin (%): ")
    assert campaigns.load_campaign(db, made.id) == saved
    # An empty field removes its target
    qtbot.mouseClick(dialog.target_edits["margin_bp"], Qt.MouseButton.LeftButton)
    _typed_into_focus(qtbot, "")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
    qtbot.mouseClick(dialog.target_edits["roi_bp"], Qt.MouseButton.LeftButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert campaigns.load_campaign(db, made.id).targets.roi_bp is None


def test_the_targets_tab_reads_in_chinese_and_fits_a_laptop(qtbot: QtBot, db: Database) -> None:
    from liveplanner.ui.translators import drop_language, use_language

    campaigns.create_campaign(db, "双11", date(2026, 11, 1), date(2026, 11, 30))
    use_language("zh_CN")
    try:
        dialog = CampaignDialog(db, 2, today=TODAY)
        qtbot.addWidget(dialog)
        show_active(qtbot, dialog)
        dialog.resize(QSize(1366, 705).shrunkBy(TYPICAL_FRAME))
        dialog.tabs.setCurrentIndex(3)
        assert dialog.tabs.tabText(3) == "目标"
        for name, edit in dialog.target_edits.items():
            assert edit.visibleRegion().boundingRect() == edit.rect(), name
        shown = [w.text() for w in dialog.tabs.widget(3).findChildren(QLabel)]
        assert not any(text.isascii() for text in shown), shown  # no English left
    finally:
        drop_language()


def test_a_campaign_without_shows_charts_its_own_dates(qtbot: QtBot, db: Database) -> None:
    campaigns.create_campaign(db, "Q4", date(2026, 10, 1), date(2026, 12, 31))
    dialog = CampaignDialog(db, 2, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    low, high = dialog.chart.getPlotItem().viewRange()[0]
    first = datetime(2026, 10, 1, 20, tzinfo=time_zone("Asia/Shanghai")).timestamp()
    last = datetime(2026, 12, 31, 20, tzinfo=time_zone("Asia/Shanghai")).timestamp()
    assert low <= first < last <= high < last + 3 * 86_400  # the campaign's dates, not 1970
