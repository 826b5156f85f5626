"""Run sheets no show can be: a cell past the field limit, more rows or segments than a show has,
dates outside a show's years, two start times a year apart. Each is refused in one line naming
the file and row (and column where there is one); a large sheet a show can be is read."""

from datetime import date
from pathlib import Path

import pytest

from liveplanner.app.workspace import open_database
from liveplanner.cli.main import main
from liveplanner.core.plan import MAX_SEGMENTS, MAX_TEXT
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.runsheet.reader import MAX_SHEET_ROWS, ScriptOptions, read_script
from liveplanner.formats.xlsx_cells import MAX_CELL_CHARS
from liveplanner.storage import shows
from liveplanner.ui.script.texts import problem_text

TODAY = ScriptOptions(today=date(2026, 1, 5))


def _refused(data: bytes, name: str = "脚本.csv", options: ScriptOptions = TODAY) -> ImportRefused:
    with pytest.raises(ImportRefused) as refused:
        read_script(data, name, options)
    assert "\n" not in str(refused.value)
    # The window words each refusal from its code and figures (no translator here: English).
    assert problem_text(refused.value.problem) == str(refused.value)
    return refused.value


def _rows(count: int, header: str = "序号,时长,环节,商品,直播价") -> bytes:
    lines = [header] + [f"{n},5,讲解{n},商品{n % 300},99" for n in range(1, count + 1)]
    return "\n".join(lines).encode()


def test_a_cell_of_ten_megabytes_is_refused_naming_file_and_row() -> None:
    data = "序号,时长,环节\n1,5,开场\n2,5,".encode() + b"x" * (10 * 2**20) + b"\n"
    refused = _refused(data)
    assert str(refused) == (
        "脚本.csv, row 3: a cell holds more than 32767 characters; a run sheet's cell holds at "
        "most 32767"
    )


def test_a_cell_longer_than_a_shows_text_is_refused_as_an_xlsx_cell_would_be() -> None:
    data = "序号,时长,环节,讲解要点\n1,5,开场,\n2,5,讲解,".encode() + "话".encode() * (MAX_TEXT + 1)
    refused = _refused(data)
    assert str(refused) == (
        "脚本.csv, row 3: a cell holds more than 32767 characters; a run sheet's cell holds at "
        "most 32767"
    )
    assert MAX_CELL_CHARS == MAX_TEXT  # what an XLSX cell holds, refused as cell_too_long


def test_cells_that_together_overfill_a_segments_notes_are_refused_naming_the_row() -> None:
    # Each cell fits; an unknown column's cell is kept in the notes beside the notes cell.
    half = "备" * 20_000
    data = f"序号,时长,环节,备注,场控口播\n1,5,开场,,\n2,5,讲解,{half},{half}\n".encode()
    assert str(_refused(data)) == (
        "脚本.csv, row 3: the segment's notes, with the cells kept in them, come to 40007 "
        "characters; a show's text holds at most 32767"
    )


def test_talking_points_as_long_as_a_shows_text_are_read_whole() -> None:
    data = "序号,时长,环节,讲解要点\n1,5,开场,".encode() + "话".encode() * MAX_TEXT
    reading = read_script(data, "脚本.csv", TODAY)
    assert reading.plan.segments[0].talking_points == "话" * MAX_TEXT


def test_a_sheet_of_a_hundred_thousand_rows_is_refused_by_its_count() -> None:
    refused = _refused(_rows(100_000))
    assert str(refused) == (
        f"脚本.csv: the sheet has 100001 filled rows; a run sheet holds at most {MAX_SHEET_ROWS} "
        "(its segments with their talking points)"
    )


def test_more_segments_than_a_show_holds_are_refused_naming_the_last() -> None:
    refused = _refused(_rows(MAX_SEGMENTS + 1))
    assert str(refused) == (
        f"脚本.csv: {MAX_SEGMENTS + 1} rows are segments (the last in row {MAX_SEGMENTS + 2}); a "
        f"show holds at most {MAX_SEGMENTS} segments"
    )


def test_a_sheet_of_as_many_segments_as_a_show_holds_is_read_whole() -> None:
    reading = read_script(_rows(MAX_SEGMENTS), "脚本.csv", TODAY)
    assert len(reading.plan.segments) == MAX_SEGMENTS
    assert len(reading.plan.products) == 300  # a product named again is the same product
    names = {p.id: p.name for p in reading.plan.products}
    assert [names[s.product_id] for s in reading.plan.segments[:2]] == ["商品1", "商品2"]
    assert names[reading.plan.segments[299].product_id] == "商品0"
    assert reading.plan.segments[300].product_id == reading.plan.segments[0].product_id


@pytest.mark.parametrize("start", ["9999-12-31 20:00", "0001-01-01 20:00", "2100-01-01 00:00"])
def test_a_start_cell_outside_a_shows_years_is_refused_at_its_cell(start: str) -> None:
    data = f"序号,时间,时长,环节\n1,{start},5,开场\n2,,5,讲解\n".encode()
    assert str(_refused(data)) == (
        f"脚本.csv, row 2, column “时间”: “{start}” is not a time a show can have; expected a "
        "time in the years 2000 to 2099"
    )


def test_a_sheet_dated_outside_a_shows_years_is_refused_naming_the_row() -> None:
    data = "双11专场\n9999年12月31日 抖音\n序号,时间,时长,环节\n1,20:00,5,开场\n".encode()
    assert str(_refused(data)) == (
        "脚本.csv, row 2: the sheet's date 9999-12-31 is not a day a show can have; expected a "
        "date in the years 2000 to 2099"
    )


def test_a_first_start_at_the_end_of_the_years_is_refused_as_the_start() -> None:
    data = "2099年12月31日\n序号,时间,时长,环节\n1,24:00,5,开场\n".encode()
    assert str(_refused(data)) == (
        "脚本.csv: the show would start 2100-01-01 00:00, which no show can; expected a start in "
        "the years 2000 to 2099"
    )


def test_start_times_a_year_apart_are_refused_as_a_segment_too_long() -> None:
    data = "序号,时间,环节\n1,2026-11-11 20:00,开场\n2,2027-11-11 20:00,讲解\n3,,收尾\n".encode()
    assert str(_refused(data)) == (
        "脚本.csv, rows 2 and 3, column “时间”: from 2026-11-11 20:00 to 2027-11-11 20:00 is "
        "8760:00:00; a segment lasts at most 24:00:00"
    )


def test_a_sheet_at_the_edge_of_the_years_is_read() -> None:
    data = "2099年12月31日\n序号,时间,时长,环节\n1,23:00,24:00:00,开场\n2,,5,讲解\n".encode()
    reading = read_script(data, "脚本.csv", TODAY)
    assert reading.plan.show.planned_start.isoformat() == "2099-12-31T23:00:00+08:00"


def test_the_command_refuses_a_hostile_sheet_in_one_line_and_stores_nothing(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "big.csv"
    sheet.write_bytes(b"No.,Duration,Segment\n1,5," + b"x" * (10 * 2**20) + b"\n")
    assert main(["--database", sqlite_url, "import-script", str(sheet)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == (
        "liveplanner: big.csv, row 2: a cell holds more than 32767 characters; a run sheet's "
        "cell holds at most 32767\n"
    )
    db = open_database(sqlite_url, backup_dir=None)
    try:
        assert shows.list_shows(db) == []
    finally:
        db.close()


def test_a_header_of_ten_million_empty_columns_is_read_as_its_filled_ones() -> None:
    data = "序号,时长,环节".encode() + b"," * (10 * 2**20) + "\n1,5,开场\n".encode()
    reading = read_script(data, "脚本.csv", TODAY)
    assert reading.headers == ("序号", "时长", "环节") + ("",) * 197
    assert [s.title for s in reading.plan.segments] == ["开场"]


def test_a_cell_filled_past_the_columns_a_sheet_has_is_refused() -> None:
    data = ("序号,时长,环节" + "," * 300 + "备注\n1,5,开场\n").encode()
    assert str(_refused(data)) == (
        "脚本.csv, row 1: a cell is filled in column 303; a run sheet has at most 200 columns"
    )


def test_an_exported_workbooks_end_outside_a_shows_years_is_refused_at_its_cell(
    tmp_path: Path,
) -> None:
    import openpyxl

    from liveplanner.app.demo import demo_plan
    from liveplanner.formats.runsheet.writer import write_script_xlsx

    path = tmp_path / "script.xlsx"
    write_script_xlsx(demo_plan(), path, "en")
    book = openpyxl.load_workbook(path)
    book["Show"]["B8"] = "9999-12-31 22:30"  # Planned end
    book.save(path)
    assert str(_refused(path.read_bytes(), path.name)) == (
        "script.xlsx ▸ Show, row 8, column “Value”: “9999-12-31 22:30” is not a date and time; "
        "expected a date and time in the years 2000 to 2099, such as 2026-11-11 20:00"
    )
