"""Words the window built outside Qt's translation until issue 18, now said in the window's
language: a rehearsal take's difference, the compare axis's months and weekdays, the monitors in
the presenter picker, the export layouts' names and the counted undo steps."""

import re
from datetime import UTC, datetime

import pytest
from demo_helpers import editable_demo
from pyqtgraph.graphicsItems.DateAxisItem import (
    DAY_HOUR_ZOOM_LEVEL,
    DAY_SPACING,
    MONTH_DAY_ZOOM_LEVEL,
    MONTH_SPACING,
)
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from liveplanner.core.enums import RunKind
from liveplanner.formats.metrics.presets import PRESETS
from liveplanner.storage import runs, shows
from liveplanner.storage.database import Database
from liveplanner.ui import labels
from liveplanner.ui.editor.commands import CountedNames
from liveplanner.ui.editor.document import ShowDocument
from liveplanner.ui.rehearsal.host_view import HostView
from liveplanner.ui.rehearsal.results_dialog import RehearsalResults
from liveplanner.ui.rehearsal.run_controller import RunController
from liveplanner.ui.review.date_axis import DateAxis

# 2026-11-11, a Wednesday, at noon UTC: the same day in every zone the tests run in.
DAY = datetime(2026, 11, 11, 12, tzinfo=UTC).timestamp()


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    """The shared SQLite database (conftest): these words need no second engine."""
    return sqlite_db


def test_a_rehearsal_take_s_difference_is_in_seconds_of_the_language(
    qtbot: QtBot, db: Database, language: str
) -> None:
    show_id = editable_demo(db)
    dialog = RehearsalResults(ShowDocument(db, show_id), runs.list_runs(db, show_id))
    qtbot.addWidget(dialog)
    said = {"zh_CN": "10:00（+120 秒）", "en": "10:00 (+120 s)"}[language]
    assert dialog.table.item(0, 2).text() == said


def test_the_compare_axis_names_months_and_weekdays_in_the_language(language: str) -> None:
    axis = DateAxis(utcOffset=0)
    axis.zoomLevel = MONTH_DAY_ZOOM_LEVEL
    months = axis.tickStrings([DAY], 1, MONTH_SPACING)
    axis.zoomLevel = DAY_HOUR_ZOOM_LEVEL
    days = axis.tickStrings([DAY], 1, DAY_SPACING)
    assert (months, days) == {
        "zh_CN": (["11月"], ["11日 周三"]),
        "en": (["Nov"], ["Wed 11"]),
    }[language]


def test_the_presenter_picker_numbers_the_monitors_in_the_language(
    qtbot: QtBot, db: Database, language: str
) -> None:
    plan = shows.load_plan(db, editable_demo(db))
    view = HostView(RunController(db, plan, RunKind.REHEARSAL, now=lambda: 0.0))
    qtbot.addWidget(view)
    screen = QGuiApplication.screens()[0]
    first = {"zh_CN": "屏幕 1", "en": "Screen 1"}[language]
    assert view.screens.itemText(0).startswith(first)
    assert screen.name() in view.screens.itemText(0)  # which plug, as the system names it


def test_the_export_layouts_are_named_in_the_language(language: str) -> None:
    names = [labels.layout(p.name, p.label) for p in PRESETS.values()]
    assert len(set(names)) == len(PRESETS)
    if language == "zh_CN":
        assert "抖音电商罗盘 · 直播分钟数据" in names
        assert "大屏记录器 · 每 30 秒累计数据" in names
    else:
        assert "Douyin E-commerce Compass · live minute data" in names
        assert not any(re.search(r"[\u3400-\u9fff]", name) for name in names)


def test_counted_undo_steps_use_the_language_s_plurals(language: str) -> None:
    names = CountedNames()
    said = (names.delete_segments(1), names.duplicate_segments(3))
    assert (
        said
        == {
            "zh_CN": ("删除 1 个环节", "复制 3 个环节"),
            "en": ("Delete 1 segment", "Duplicate 3 segments"),
        }[language]
    )
