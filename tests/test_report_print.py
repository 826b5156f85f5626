"""The review report on paper: headers over the numbers they head, and the Chinese titles."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QTextDocument, QTextTable
from PySide6.QtWidgets import QApplication

from liveplanner.app.demo import create_demo
from liveplanner.app.workspace import open_database
from liveplanner.core.review import review
from liveplanner.storage.notes import list_notes
from liveplanner.storage.runs import list_runs
from liveplanner.storage.samples import load_metrics
from liveplanner.storage.shows import load_plan
from liveplanner.ui.review.report import ReportInput, report_html
from liveplanner.ui.translators import install_translators

pytestmark = pytest.mark.usefixtures("qapp")

Align = Qt.AlignmentFlag
HORIZONTAL = Align.AlignLeft | Align.AlignRight | Align.AlignHCenter | Align.AlignJustify


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> ReportInput:
    """The demo show's review, as the report writer gets it."""
    folder = tmp_path_factory.mktemp("report")
    db = open_database(f"sqlite:///{folder / 'shows.sqlite3'}", backup_dir=folder / "backups")
    try:
        show_id = create_demo(db)
        plan = load_plan(db, show_id)
        runs = list_runs(db, show_id)
        result = review(plan, runs, load_metrics(db, show_id), 2)
        return ReportInput(plan, result, list_notes(db, show_id), "2026-11-11 19:30")
    finally:
        db.close()


@pytest.fixture
def chinese() -> Iterator[None]:
    app = QApplication.instance()
    translators = install_translators(app, QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    assert translators
    yield
    for translator in translators:
        app.removeTranslator(translator)


def laid_out(content: ReportInput) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(report_html(content, None))
    return document


def tables(document: QTextDocument) -> list[QTextTable]:
    return [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]


def alignment(table: QTextTable, row: int, column: int) -> Qt.AlignmentFlag:
    block = table.cellAt(row, column).firstCursorPosition().block()
    return block.blockFormat().alignment() & HORIZONTAL


def cell_text(table: QTextTable, row: int, column: int) -> str:
    return table.cellAt(row, column).firstCursorPosition().block().text()


def headings(document: QTextDocument) -> list[str]:
    found, block = [], document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 2:
            found.append(block.text())
        block = block.next()
    return found


def test_every_header_sits_as_its_columns_values_do(content: ReportInput) -> None:
    document = laid_out(content)  # kept: the tables live in it
    grids = tables(document)[1:]  # after the summary's figures
    assert len(grids) == 4  # segments, by kind, by product, notes

    right = 0
    for table in grids:
        for column in range(table.columns()):
            filled = next(r for r in range(1, table.rows()) if cell_text(table, r, column))
            values = alignment(table, filled, column)
            assert alignment(table, 0, column) == values, (table.columns(), column)
            right += values == Align.AlignRight
    by_kind = grids[1]
    assert alignment(by_kind, 0, 0) == Align.AlignLeft  # Kind: text
    assert all(alignment(by_kind, 0, c) == Align.AlignRight for c in range(1, by_kind.columns()))
    assert right > 20
    # The HTML file says the same to a browser: no style rule overrides the cells' align.
    assert "text-align" not in report_html(content, None)


def test_the_segments_page_is_titled_as_a_table_not_a_count(
    content: ReportInput, chinese: None, tmp_path: Path
) -> None:
    document = laid_out(content)

    assert headings(document)[:3] == ["各环节", "按环节类型", "按商品"]
    by_kind = tables(document)[2]
    assert cell_text(by_kind, 0, 1) == "环节数"  # a count


@pytest.mark.parametrize("suffix", [".html", ".pdf"])
def test_a_report_that_cannot_be_put_in_place_leaves_no_partial_file(
    content: ReportInput, tmp_path: Path, suffix: str
) -> None:
    from liveplanner.ui.review.report import write_html, write_pdf

    where = tmp_path / f"report{suffix}"
    where.mkdir()  # a folder of that name: the finished file cannot be renamed onto it
    with pytest.raises(OSError):
        (write_html if suffix == ".html" else write_pdf)(where, content)
    assert sorted(p.name for p in tmp_path.iterdir()) == [where.name]


def test_the_report_says_whether_the_show_paid_on_a_row_of_its_own(
    content: ReportInput, chinese: None
) -> None:
    """The summary's third row is UV value, order value, value per buyer, ad spend and ROI (the
    demo bought paid traffic), in the reader's language."""
    document = laid_out(content)  # held: the tables live as long as their document
    summary = tables(document)[0]
    # A card is one block: caption, value and target line, <br> between them.
    cards = [cell_text(summary, 2, column).split("\u2028") for column in range(5)]
    assert [card[0] for card in cards] == ["UV 价值", "客单价", "人均成交", "投放消耗", "投产比"]
    money = content.review.totals.efficiency
    assert money.roi is not None and money.aov_fen is not None
    assert cards[4][1] == f"{money.roi:,.2f}"
    assert cards[1][1] == f"¥{money.aov_fen / 100:,.2f}"
