"""The printed script: the run sheet and cue cards as PDF, who gets which cue, page breaks that keep
rows whole, and the print preview."""

import dataclasses
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QLocale
from PySide6.QtGui import QPdfWriter, QTextCursor, QTextDocument, QTextTable
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from liveplanner.app.demo import CO, CS, FLOOR, HOST, demo_plan
from liveplanner.core.enums import Role, SegmentKind
from liveplanner.core.plan import Duty, Person, Segment, Show, ShowPlan, TeamMember
from liveplanner.core.schedule import schedule
from liveplanner.ui.printing import documents
from liveplanner.ui.printing.assignments import cards, cue_people
from liveplanner.ui.printing.cue_cards import cue_cards
from liveplanner.ui.printing.documents import (
    ScriptPreview,
    layout_pages,
    page_layout,
    script_sections,
    write_script_pdf,
)
from liveplanner.ui.printing.markup import STYLE
from liveplanner.ui.printing.pagination import Section
from liveplanner.ui.printing.run_sheet import run_sheet
from liveplanner.ui.translators import install_translators

pytestmark = pytest.mark.usefixtures("qapp")

SHANGHAI = ZoneInfo("Asia/Shanghai")


def page_count(pdf: Path) -> int:
    # Qt writes each page's dictionary uncompressed.
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


def pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return folded(text)


def compact(text: str) -> str:
    """Text without white space: a title wrapped in its cell still reads as one string."""
    return re.sub(r"\s+", "", text)


def folded(text: str) -> str:
    """Compact and NFKC-folded, for text out of a PDF: Qt's PDF maps some Chinese glyphs to
    Kangxi radicals (⽇ for 日), which NFKC folds back."""
    return compact(unicodedata.normalize("NFKC", text))


def section_text(section: Section) -> str:
    document = QTextDocument()
    document.setDefaultStyleSheet(STYLE)
    table = section.table
    rows = "" if table is None else f"<table>{table.head}{''.join(table.rows)}</table>"
    document.setHtml(section.intro + rows)
    return compact(document.toPlainText())


def table_rows(section: Section) -> list[dict[str, str]]:
    """The section's table as laid out, one {column title: compact text} a row."""
    assert section.table is not None
    document = QTextDocument()
    document.setDefaultStyleSheet(STYLE)
    document.setHtml(f"<table>{section.table.head}{''.join(section.table.rows)}</table>")
    (table,) = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]

    def text(row: int, column: int) -> str:
        cell = table.cellAt(row, column)
        cursor = cell.firstCursorPosition()
        cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
        return compact(cursor.selectedText())

    titles = [text(0, c) for c in range(table.columns())]
    return [{title: text(r, c) for c, title in enumerate(titles)} for r in range(1, table.rows())]


def card_section(plan: ShowPlan, name: str) -> Section:
    (found,) = [s for s in cue_cards(plan) if s.label.endswith(name)]
    return found


def card(plan: ShowPlan, name: str) -> str:
    sections = cue_cards(plan)
    found = [s for s in sections if s.label.endswith(name)]
    assert len(found) == 1, [s.label for s in sections]
    return section_text(found[0])


def small_plan(**changes: object) -> ShowPlan:
    show = Show(1, "Test show", datetime(2026, 3, 1, 20, 0, tzinfo=SHANGHAI))
    return dataclasses.replace(ShowPlan(show), **changes)


def pages_of(plan: ShowPlan, *, run_sheet: bool, cue_cards: bool) -> int:
    """How many pages the sections take, laid out as for A4 landscape but not painted."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    device = QPdfWriter(buffer)
    device.setPageLayout(page_layout())
    sections = script_sections(plan, run_sheet=run_sheet, cue_cards=cue_cards)
    return len(layout_pages(device, sections).labels)


def a4_pages(sections: list[Section]):  # type: ignore[no-untyped-def]
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    device = QPdfWriter(buffer)
    device.setPageLayout(page_layout())
    return layout_pages(device, sections)


def rows_per_page(sections: list[Section]) -> list[int]:
    """How many table rows (headers apart) start on each page."""
    pages = a4_pages(sections)
    document = pages.document
    height = document.pageSize().height()
    layout = document.documentLayout()
    counts = [0] * len(pages.labels)
    for table in document.rootFrame().childFrames():
        if isinstance(table, QTextTable):
            for row in range(1, table.rows()):
                block = table.cellAt(row, 0).firstCursorPosition().block()
                counts[int(layout.blockBoundingRect(block).top() // height)] += 1
    return counts


@pytest.fixture
def chinese() -> Iterator[None]:
    app = QApplication.instance()
    translators = install_translators(app, QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    assert translators
    yield
    for translator in translators:
        app.removeTranslator(translator)


def test_the_pdf_holds_the_run_sheet_then_a_card_per_person(tmp_path: Path) -> None:
    plan = demo_plan()
    out = tmp_path / "script.pdf"
    write_script_pdf(plan, out)
    sheet_pages = pages_of(plan, run_sheet=True, cue_cards=False)
    assert 2 <= sheet_pages <= 3, "28 segments on A4 landscape"
    total = page_count(out)
    assert total == sheet_pages + pages_of(plan, run_sheet=False, cue_cards=True)
    assert total >= sheet_pages + len(plan.people)  # each card starts a page
    assert not list(tmp_path.glob("*.partial"))

    text = pdf_text(out)
    for slot in schedule(plan).slots:
        # Each on its own: the reading order may put the segment's number between them.
        assert f"{slot.start:%H:%M}" in text and f"–{slot.end:%H:%M}" in text
    assert "¥129" in text and "¥199" in text  # the power bank's live and list price
    assert "19:52:30" in text and "×1,000" in text  # the first coupon release, when and how many
    assert "flashprice¥9.90" in text and "limit2perperson" in text
    assert f"Page1of{total}" in text and f"Page{total}of{total}" in text
    assert plan.show.title in text and "Printed" in text
    assert text.count("Runsheet") == sheet_pages and "Cuecard:" in text
    # Chinese is checked in the laid-out document: the PDF's text layer maps some characters
    # to look-alike radicals (⻨ for 麦).
    sheet = section_text(run_sheet(plan))
    assert all(compact(segment.title) in sheet for segment in plan.segments)
    assert "19:52:30全场满199减30×1,000" in sheet
    assert "Coupon·¥30off¥199·limit1perperson" in sheet


def test_a_card_holds_only_its_holders_segments_and_cues() -> None:
    plan = demo_plan()
    floor = card(plan, "王磊")
    assert "19:52:30上架全场满199减30，1000张" in floor  # 30 s into the coupon drop at 19:52
    assert "置顶" not in floor  # customer service's cues
    assert "盯库存" not in floor  # operations' cues

    service = card(plan, "赵敏")
    assert "19:52置顶全场满199减30规则" in service
    assert "上架" not in service
    assert "Customerservice" in service
    # Customer service is in no segment, so only the segments with a cue for it are listed.
    assert "磁吸充电宝讲解" not in service

    host = card(plan, "林晓")
    assert "Yourcues" not in host  # no cue is for the host: no empty column
    assert all(compact(s.title) in host for s in plan.segments)
    # Who speaks on camera carries the talking points; floor control does not.
    points = compact(plan.segments[2].talking_points.splitlines()[0])
    assert points in host and points not in floor


def test_cues_find_their_people_by_person_segment_role_or_team_role() -> None:
    plan = demo_plan()
    segment = plan.segments[3]
    floor = Duty(90, segment.id, 0, "x", Role.FLOOR_CONTROL)
    service = Duty(91, segment.id, 0, "x", Role.CUSTOMER_SERVICE)
    named = Duty(92, segment.id, 0, "x", Role.FLOOR_CONTROL, person_id=CO)
    nobody = Duty(93, segment.id, 0, "x", Role.TECH)
    everyone = Duty(94, segment.id, 0, "x")
    assert cue_people(plan, floor, segment) == (FLOOR,)  # the segment's floor controller
    assert cue_people(plan, service, segment) == (CS,)  # not in the segment: the team's
    assert cue_people(plan, named, segment) == (CO,)
    assert cue_people(plan, nobody, segment) == ()
    assert cue_people(plan, everyone, segment) is None


def test_unfilled_roles_and_cues_for_everyone_still_reach_paper() -> None:
    plan = demo_plan()
    first = plan.segments[0]
    plan = dataclasses.replace(
        plan,
        duties=(
            *plan.duties,
            Duty(90, first.id, 120, "备用机推流测试", Role.TECH),
            Duty(91, first.id, 240, "全员就位", None),
            Duty(92, first.id, 300, "给林晓递水", None, person_id=CO),
        ),
    )
    tech = [c for c in cards(plan) if c.person is None]
    assert [c.roles for c in tech] == [(Role.TECH,)]
    tech_card = card(plan, "Tech")
    assert "Nooneontheteamhasthisrole" in tech_card and "19:32备用机推流测试" in tech_card

    for name in ("林晓", "陈一鸣", "王磊", "赵敏", "刘洋"):
        assert "19:34全员就位(everyone)" in card(plan, name)
    assert "给林晓递水" in card(plan, "陈一鸣")
    assert "给林晓递水" not in card(plan, "林晓")


def test_an_empty_show_and_an_idle_person_print_sensibly() -> None:
    empty = small_plan()
    sheet = section_text(run_sheet(empty))
    assert "Thisshowhasnosegmentsyet" in sheet and "Segments0" in sheet
    assert [s.label for s in cue_cards(empty)] == ["Cue cards"]
    assert "Nooneisontheteamyet" in section_text(cue_cards(empty)[0])
    assert pages_of(empty, run_sheet=True, cue_cards=True) == 2

    idle = small_plan(
        people=(Person(1, "Ada"), Person(2, "Bo")),
        team=(TeamMember(1, 1, Role.HOST), TeamMember(2, 2, Role.TECH)),
        segments=(Segment(1, SegmentKind.OPENING, "Hello", 300, roles={Role.HOST: 1}),),
    )
    assert "NothinginthisscriptisforBoyet." in card(idle, "Bo")
    assert "20:00" in card(idle, "Ada") and "Hello" in card(idle, "Ada")
    assert pages_of(idle, run_sheet=True, cue_cards=True) == 3  # the run sheet and two cards


def test_no_row_is_split_across_pages() -> None:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    device = QPdfWriter(buffer)
    device.setPageLayout(page_layout())
    pages = layout_pages(device, script_sections(demo_plan(), run_sheet=True, cue_cards=True))
    document = pages.document
    height = document.pageSize().height()
    layout = document.documentLayout()
    checked = 0
    for table in document.rootFrame().childFrames():
        if not isinstance(table, QTextTable):
            continue
        for row in range(table.rows()):
            cells = [table.cellAt(row, c) for c in range(table.columns())]
            top = min(
                layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells
            )
            bottom = max(
                layout.blockBoundingRect(c.lastCursorPosition().block()).bottom() for c in cells
            )
            assert top // height == (bottom - 1) // height, f"row {row} of a table is split"
            checked += 1
    assert checked > 2 * len(demo_plan().segments)
    assert pages.labels[0] == "Run sheet" and pages.labels[-1] == "Cue card: 刘洋"


def test_a_failed_write_leaves_the_older_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "script.pdf"
    out.write_bytes(b"older")

    def broken(*args: object) -> int:
        raise RuntimeError("printer on fire")

    monkeypatch.setattr(documents, "print_script", broken)
    with pytest.raises(RuntimeError):
        write_script_pdf(demo_plan(), out)
    assert out.read_bytes() == b"older" and not list(tmp_path.glob("*.partial"))
    monkeypatch.undo()
    with pytest.raises(FileNotFoundError):
        write_script_pdf(small_plan(), tmp_path / "missing" / "script.pdf")
    with pytest.raises(ValueError, match="nothing to print"):
        write_script_pdf(demo_plan(), out, run_sheet=False, cue_cards=False)


def test_the_preview_shows_the_pages_the_pdf_has(qtbot: QtBot) -> None:
    plan = demo_plan()
    dialog = ScriptPreview(None, plan, "run_sheet")
    qtbot.addWidget(dialog)
    assert plan.show.title in dialog.windowTitle()
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.updatePreview()
    assert preview.pageCount() == pages_of(plan, run_sheet=True, cue_cards=False)
    with pytest.raises(ValueError, match="cannot print"):
        ScriptPreview(None, plan, "everything")


def test_the_run_sheet_is_as_dense_as_a_teams_printout() -> None:
    """Some fifteen segments a page, not five: 8 pt type, talking points and cues side by side."""
    plan = demo_plan()
    sheet = run_sheet(plan)
    per_page = rows_per_page([sheet])

    assert sum(per_page) == len(plan.segments) == 28
    assert len(per_page) <= 3  # it took 5 pages
    assert min(per_page[:-1]) >= 10 and max(per_page) >= 13
    # Host, co-host and floor control are the same people throughout: named once, in the intro.
    text = section_text(sheet)
    assert "Host林晓" in text and "Co-host陈一鸣" in text
    head = sheet.table.head if sheet.table else ""
    assert "Host<" not in head and "Talking points<" in head and "Cues<" in head


def test_a_role_column_stays_when_the_segments_give_the_role_to_different_people() -> None:
    plan = demo_plan()
    first = plan.segments[0]
    swapped = dataclasses.replace(first, roles={**first.roles, Role.HOST: CO})
    plan = dataclasses.replace(plan, segments=(swapped, *plan.segments[1:]))
    head = run_sheet(plan).table.head  # type: ignore[union-attr]
    assert ">Host<" in head and ">Co-host<" not in head
    assert section_text(run_sheet(plan)).count("林晓") > len(plan.segments) // 2


def test_clock_times_never_break_over_two_lines() -> None:
    """Times with seconds (20:23:30) in the narrow time columns of the sheet and the cards."""
    plan = demo_plan()
    # 30 s on the first segment puts every later start on the half minute.
    first = dataclasses.replace(plan.segments[0], duration_s=plan.segments[0].duration_s + 30)
    plan = dataclasses.replace(plan, segments=(first, *plan.segments[1:]))
    assert schedule(plan).slots[5].start.second == 30
    document = a4_pages(script_sections(plan, run_sheet=True, cue_cards=True)).document

    checked = 0
    block = document.begin()
    while block.isValid():
        lines = block.layout()
        for match in re.finditer(r"\d{1,2}:\d{2}(:\d{2})?", block.text()):
            first_line = lines.lineForTextPosition(match.start()).lineNumber()
            last_line = lines.lineForTextPosition(match.end() - 1).lineNumber()
            assert first_line == last_line, f"{match.group()} broken in {block.text()!r}"
            checked += match.group().count(":") == 2
        block = block.next()
    assert checked > 100


def test_a_cards_summary_counts_the_segments_and_cues_it_lists(chinese: object) -> None:
    plan = demo_plan()
    # Customer service is in no segment: every row on its card is there for a cue.
    service = card(plan, "赵敏")
    assert "12个环节·13条提示·最早19:38" in service
    host = card(plan, "林晓")
    assert "28个环节·0条提示·最早19:30" in host


def test_a_cards_summary_says_one_cue_and_two_segments_in_english() -> None:
    app = QApplication.instance()
    translators = install_translators(app, QLocale(QLocale.Language.English))
    plan = demo_plan()
    first, second = plan.segments[0], plan.segments[1]
    plan = dataclasses.replace(
        plan,
        segments=(first, second),
        duties=(Duty(90, second.id, 0, "wave", None, person_id=HOST),),
    )
    try:
        assert "2segments·1cue·firstat19:30" in card(plan, "林晓")
    finally:
        for translator in translators:
            app.removeTranslator(translator)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_flash_sale_row_prints_the_sales_price_and_units_not_the_products(
    request: pytest.FixtureRequest, language: str
) -> None:
    if language == "zh":
        request.getfixturevalue("chinese")
    segment, price, stock = (
        QCoreApplication.translate("RunSheet", text) for text in ("Segment", "Price", "Stock")
    )
    assert (price != "Price") is (language == "zh")
    rows = table_rows(run_sheet(demo_plan()))

    def price_and_stock(title: str) -> tuple[str, str]:
        (found,) = [r for r in rows if r[segment].endswith(compact(title))]
        return found[price], found[stock]

    # The cable sells at ¥19.90 with 10,000 in stock; its flash sale puts out 1,000 at ¥9.90.
    # Under either price, struck through, the cable's list price.
    assert price_and_stock("9.9元数据线秒杀·第一波") == ("¥9.90¥49", "1,000")
    assert price_and_stock("编织快充数据线（两条装）") == ("¥19.90¥49", "10,000")
    assert price_and_stock("手机壳24.9元秒杀") == ("¥24.90¥59", "600")


def test_a_hosts_card_gives_a_flash_sale_row_the_sales_price() -> None:
    segment = QCoreApplication.translate("CueCards", "Segment")
    rows = table_rows(card_section(demo_plan(), "林晓"))
    (sale,) = [r for r in rows if r[segment].startswith(compact("9.9元数据线秒杀·第一波"))]
    (intro,) = [r for r in rows if r[segment].startswith(compact("编织快充数据线（两条装）"))]
    # The line under the title: kind · product · price; then the talking points.
    assert "编织快充数据线（两条装）·¥9.90" in sale[segment] and "¥19.90" not in sale[segment]
    assert "编织快充数据线（两条装）·¥19.90" in intro[segment]
