"""A hostile file's refusal, in Chinese, holds no English half-sentence: the importers' own words
inside a message's figures (a cell's kind, a damaged workbook's cause, a show file's limits) are
worded in the user's language too."""

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from demo_helpers import editable_demo
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from qt_helpers import show_active

from liveplanner.app.settings import Preferences
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.showfile.reader import read_show_file
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.ui.editor.segment_model import SegmentTableModel
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.review.import_dialog import MetricsImportDialog
from liveplanner.ui.script.texts import problem_text as script_problem_text
from liveplanner.ui.translators import drop_language, use_language

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
SHOW_DAY = datetime(2026, 11, 11, 19, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
# Words a Chinese message keeps as they are: formats' and programs' names.
KEPT = {"JSON", "Excel", "null", "XLSX", "CSV"}


def english_left(message: str, *names: str) -> list[str]:
    """The English words of `message` but the names given (the file's, a field's path) and what
    it quotes from the file."""
    rest = message
    for name in names:
        rest = rest.replace(name, "")
    rest = re.sub(r"“[^”]*”|\"[^\"]*\"", "", rest)
    return [word for word in re.findall(r"[A-Za-z]{2,}", rest) if word not in KEPT]


@pytest.fixture
def chinese(qapp: object) -> Iterator[None]:
    use_language("zh_CN")
    yield
    drop_language()


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db  # conftest's fresh database, on SQLite alone here


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("metrics_json_object_cell.json", "单元格里是对象 {…}"),
        ("metrics_json_list_cell.json", "单元格里是列表 […]"),
        ("metrics_bitflipped.xlsx", "（压缩数据已损坏）"),
        ("metrics_truncated.xlsx", "（文件不完整或已损坏）"),
        ("metrics_json_int_4301_digits.json", "…（共 4301 个字符）"),
        ("metrics_all_dashes.csv", "“成交金额”、“成交订单数”、“在线人数”列的每个单元格"),
        ("metrics_negative_gmv.csv", "成交金额不会是负数"),
    ],
)
def test_the_import_dialog_refuses_a_hostile_export_in_chinese_words(
    qtbot: QtBot, db: Database, chinese: None, name: str, said: str
) -> None:
    show_id = shows.create_show(db, "双11", SHOW_DAY)
    dialog = MetricsImportDialog(db, shows.load_plan(db, show_id), path=str(HOSTILE / name))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)

    message = dialog.error.text()
    assert dialog.error.isVisible() and said in message
    assert english_left(message, name) == []
    assert not dialog.import_button.isEnabled()


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("showfile_nested_20000.json", "嵌套数百层的列表或对象，应为 最多嵌套 8 层的列表和对象"),
        ("showfile_starts_9999_12_31.json", "应为 2000 至 2099 年之间的时间"),
    ],
)
def test_a_hostile_show_file_is_refused_in_chinese_words(
    chinese: None, name: str, said: str
) -> None:
    with pytest.raises(ImportRefused) as refused:
        read_show_file((HOSTILE / name).read_bytes(), name)

    problem = refused.value.problem
    message = script_problem_text(problem)
    assert said in message
    path = str(problem.params["path"])  # a field's name, as the file writes it, or the file
    assert english_left(message, name, *([path] if "." in path else [])) == []


def test_a_length_of_99999_minutes_typed_in_the_editor_is_refused_in_chinese(
    qtbot: QtBot, db: Database, chinese: None
) -> None:
    window = MainWindow(db, Preferences(language="zh_CN", welcomed=True))
    qtbot.addWidget(window)
    window.open_show(editable_demo(db))
    show_active(qtbot, window)
    editor = window.editor
    assert editor is not None
    before = [s.duration_s for s in editor.doc.plan.segments]
    editor.select_segment(editor.doc.plan.segments[2].id, SegmentTableModel.DURATION)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
    typing = QApplication.focusWidget()
    qtbot.keyClick(typing, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(typing, "99999:00")
    qtbot.keyClick(typing, Qt.Key.Key_Return)
    QApplication.processEvents()

    assert editor.notice.isVisible()
    assert editor.notice.text() == "“99999:00”超过一天：没有环节会这么长"
    assert [s.duration_s for s in editor.doc.plan.segments] == before
