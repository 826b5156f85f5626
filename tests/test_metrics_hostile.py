"""Hostile metric exports: each is refused in one line that names the file, the row, the column
and the cell as written, or read with figures in range. Never a traceback, never a wrapped sum."""

import io
import zipfile
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from liveplanner.formats import xlsx_guard
from liveplanner.formats.metrics.reader import read_metrics
from liveplanner.formats.metrics.records import MAX_MINUTE_VALUE, ImportOptions, MetricsImport
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.sheets import read_sheets

SHANGHAI = ZoneInfo("Asia/Shanghai")
HEADER = "时间,成交金额(元),成交订单数"
SHOW = (
    datetime(2025, 11, 11, 20, 0, tzinfo=SHANGHAI),
    datetime(2025, 11, 11, 22, 0, tzinfo=SHANGHAI),
)


def read(data: bytes, name: str = "export.csv", **options: object) -> MetricsImport:
    fields = {"zone": SHANGHAI, "default_day": date(2025, 11, 11), **options}
    return read_metrics(data, name, ImportOptions(**fields))  # type: ignore[arg-type]


def refused(data: bytes, name: str = "export.csv", **options: object) -> str:
    with pytest.raises(ImportRefused) as caught:
        read(data, name, **options)
    message = str(caught.value)
    assert "\n" not in message
    return message


def csv_of(*rows: str) -> bytes:
    return "\n".join([HEADER, *rows]).encode()


def workbook(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("cell", ["1e308", "9223372036854775808", "1e400", "-1e400"])
def test_a_cell_past_any_minute_is_refused_quoting_the_cell_as_written(cell: str) -> None:
    message = refused(csv_of(f"2025-11-11 20:00,{cell},1"))
    assert message == (
        f"export.csv, row 2, column “成交金额(元)”: “{cell}” is more than a show can sell or "
        "count in a minute; expected at most 10000000000"
    )


def test_a_400_digit_cell_is_quoted_cut_with_its_length() -> None:
    message = refused(csv_of(f"2025-11-11 20:00,{'9' * 400},1"))
    assert f"“{'9' * 40}… (400 characters)” is more than a show can sell" in message


@pytest.mark.parametrize(("column", "cell"), [("成交金额(元)", "-500"), ("成交订单数", "-3")])
def test_a_negative_count_or_amount_is_refused(column: str, cell: str) -> None:
    row = "2025-11-11 20:00,-500,1" if cell == "-500" else "2025-11-11 20:00,100,-3"
    message = refused(csv_of("2025-11-11 20:01,200,1", row))
    assert message.startswith(f"export.csv, row 3, column “{column}”: “{cell}” is below zero")


def test_an_export_of_only_dashes_is_refused_as_having_no_figures() -> None:
    message = refused(csv_of("2025-11-11 20:00,-,-", "2025-11-11 20:01,--,"))
    assert message == (
        "export.csv: every cell of “成交金额(元)”, “成交订单数” is empty or “-”; there are no "
        "figures to import"
    )


def test_one_column_of_dashes_beside_figures_is_read_as_missing_not_zero() -> None:
    result = read(csv_of("2025-11-11 20:00,100,-"))
    assert result.samples["metric"].tolist() == ["gmv"]
    assert [w.message for w in result.warnings] == [
        "column “成交订单数”: 1 cell is empty or “-”, left empty (not zero)"
    ]


def test_rows_of_one_minute_adding_up_past_its_limit_are_refused_before_they_wrap() -> None:
    rows = [f"2025-11-11 20:00:{second:02d},9999999999,1" for second in range(60)]
    message = refused(csv_of(*rows))
    assert message == (
        "export.csv, minute 2025-11-11 20:00 (rows 2 to 61), column “成交金额(元)”: the rows add "
        "up to 599999999940, more than a show can sell or count in a minute; expected at most "
        "10000000000"
    )


# --- JSON ------------------------------------------------------------------------------------


def _record(value: str) -> bytes:
    return ('[{"时间": "2025-11-11 20:00", "成交金额(元)": ' + value + "}]").encode()


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_json_nan_and_infinity_are_refused_where_they_stand(literal: str) -> None:
    assert refused(_record(literal), "api.json") == (
        f"api.json, line 1, column 40: {literal} is not a number JSON can hold; expected a "
        "number, text or null"
    )


@pytest.mark.parametrize(
    ("cell", "kind"), [('{"a": 1}', "an object {…}"), ("[1, 2]", "a list […]")]
)
def test_a_json_cell_holding_an_object_or_list_is_refused(cell: str, kind: str) -> None:
    assert refused(_record(cell), "api.json") == (
        f"api.json, row 1, column “成交金额(元)”: the cell holds {kind}; expected a number, text "
        "or null"
    )


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_json_nested_100000_levels_is_refused_not_a_recursion_error(opening: str) -> None:
    closing = "]" if opening == "[" else "}"
    data = (opening * 100_000 + "1" + closing * 100_000).encode()
    assert "its JSON is nested more than" in refused(data, "deep.json")


def test_json_records_of_a_hundred_thousand_fields_are_refused() -> None:
    record = "{" + ",".join(f'"k{i}": 1' for i in range(100_000)) + "}"
    assert refused(f"[{record}]".encode(), "wide.json") == (
        "wide.json: its records have 100000 different fields; an export has at most 1000"
    )


def test_a_5000_digit_time_is_quoted_cut() -> None:
    message = refused(('[{"时间": ' + "9" * 5000 + ', "成交金额(元)": 1}]').encode(), "a.json")
    assert message.startswith(f"a.json, row 1, column “时间”: “{'9' * 40}… (5000 characters)”")


def test_a_json_integer_of_5000_digits_is_refused_as_out_of_range() -> None:
    message = refused(_record("9" * 5000), "api.json")
    assert "(5000 characters)” is more than a show can sell or count in a minute" in message


# --- times -----------------------------------------------------------------------------------


_NO_TIME = "is not a time; expected such as 2025-11-11 20:05, 11-11 20:05, 20:05 or an Excel date"


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        (1e20, f"“1e+20” {_NO_TIME}"),
        (float(2_958_466), f"“2958466.0” {_NO_TIME}"),
        (
            datetime(9999, 12, 31, 23, 59),
            "“9999-12-31 23:59:00” is not a time a show can have; expected a time in the years "
            "2000 to 2099",
        ),
    ],
)
def test_an_xlsx_time_no_show_can_have_is_refused(cell: object, said: str) -> None:
    message = refused(workbook([["时间", "成交金额(元)"], [cell, 1]]), "export.xlsx")
    assert message == f"export.xlsx, row 2, column “时间”: {said}"


def test_a_few_rows_far_from_the_show_are_left_out_with_the_count_and_first_row() -> None:
    rows = [f"2025-11-11 20:{minute:02d},100,1" for minute in range(59)]
    rows.append("2062-11-11 20:59,100,1")  # a mistyped year
    result = read(csv_of(*rows), planned=SHOW)
    assert result.minutes == 59 and result.end == datetime(2025, 11, 11, 20, 58)
    assert [w.message for w in result.warnings] == [
        "rows more than a day from the show (2025-11-11 20:00 to 2025-11-11 22:00) left out: 1, "
        "the first row 61 (2062-11-11 20:59)"
    ]


def test_a_file_mostly_far_from_the_show_but_touching_it_is_refused() -> None:
    start = datetime(2025, 11, 8, 20, 0)
    rows = [f"{start + timedelta(hours=h):%Y-%m-%d %H:%M},1,1" for h in range(0, 74)]
    message = refused(csv_of(*rows), planned=SHOW)
    assert message.startswith(
        "export.csv: 48 of 74 rows are more than a day from the show (2025-11-11 20:00 to "
        "2025-11-11 22:00), the first in row 2 (2025-11-08 20:00)"
    )
    kept = read(csv_of(*rows), planned=SHOW, keep_dates=True)
    assert kept.minutes == 74 and "far_minutes_kept" in [w.code for w in kept.warnings]


# --- XLSX on both import paths ---------------------------------------------------------------


def _both(data: bytes) -> list[str]:
    messages = []
    for reader in (lambda: read(data, "export.xlsx"), lambda: read_sheets(data, "export.xlsx")):
        with pytest.raises(ImportRefused) as caught:
            reader()
        assert "\n" not in str(caught.value)
        messages.append(str(caught.value))
    return messages


GOOD = workbook([["时间", "成交金额(元)"]] + [[f"2025-11-11 20:{m:02d}", m] for m in range(60)])


@pytest.mark.parametrize("kept", ["half", "all but 30 bytes"])
def test_a_truncated_workbook_is_refused_on_both_paths(kept: str) -> None:
    cut = len(GOOD) // 2 if kept == "half" else len(GOOD) - 30
    for message in _both(GOOD[:cut]):
        assert message.startswith("export.xlsx cannot be opened as an Excel workbook (")


# openpyxl stamps the time of saving into the workbook, so its compressed length can differ
# between test workers by a byte or two: the positions are fixed, not worked from that length.
@pytest.mark.parametrize("at", range(100, 5500, 97))
def test_a_bit_flipped_workbook_is_refused_or_read_on_both_paths(at: int) -> None:
    assert at < len(GOOD) - 100
    flipped = bytearray(GOOD)
    flipped[at] ^= 0x10
    for reader in (
        lambda: read(bytes(flipped), "export.xlsx"),
        lambda: read_sheets(bytes(flipped), "export.xlsx"),
    ):
        try:
            result = reader()
        except ImportRefused as refusal:
            assert "\n" not in str(refusal) and str(refusal).startswith("export.xlsx")
            continue
        if isinstance(result, MetricsImport):  # read: with figures in range, as the file says
            values = result.samples["value"]
            assert values.between(0, MAX_MINUTE_VALUE).all(), values.tolist()


def _with_sheet(sheet: bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(GOOD)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            data = source.read(member.filename)
            if member.filename == "xl/worksheets/sheet1.xml":
                data = sheet
            target.writestr(member.filename, data)
    return out.getvalue()


def _sheet(rows: bytes) -> bytes:
    return (
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData>' + rows + b"</sheetData></worksheet>"
    )


def test_a_workbook_inflating_a_thousand_fold_is_refused_before_it_is_inflated() -> None:
    bomb = _with_sheet(_sheet(b" " * (64 * 2**20)))
    assert len(bomb) < 2**20
    for message in _both(bomb):
        assert message.startswith(
            "export.xlsx cannot be opened as an Excel workbook (its part "
            "xl/worksheets/sheet1.xml is compressed"
        )


def test_a_workbook_declaring_more_than_the_cap_is_refused(monkeypatch) -> None:
    monkeypatch.setattr(xlsx_guard, "MAX_INFLATED", 2**10)
    for message in _both(GOOD):
        assert message.startswith("export.xlsx inflates to 0 MB of spreadsheet data; workbooks")


def test_a_sheet_of_more_rows_than_allowed_is_refused_saying_the_limit(monkeypatch) -> None:
    monkeypatch.setattr(xlsx_guard, "MAX_ROWS", 50)
    assert (
        _both(GOOD)
        == [
            "export.xlsx, sheet “Sheet”: more than 50 rows; an export or a run sheet has a few "
            "thousand at most: split the file or delete the empty rows below the data"
        ]
        * 2
    )


def test_a_row_far_down_does_not_make_a_million_empty_rows(monkeypatch) -> None:
    sheet = _sheet(b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>')
    for message in _both(_with_sheet(sheet)):
        assert message.startswith("export.xlsx, sheet “Sheet”: more than 100000 rows")


def test_a_declared_dimension_does_not_widen_every_row() -> None:
    sheet = _sheet(b"").replace(b"<sheetData>", b'<dimension ref="A1:XFD60"/><sheetData>')
    sheet = sheet.replace(
        b"<sheetData></sheetData>",
        b"<sheetData>"
        + b"".join(
            b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (n, n)
            for n in range(1, 61)
        )
        + b"</sheetData>",
    )
    _encoding, sheets = read_sheets(_with_sheet(sheet), "plan.xlsx")
    assert max(len(row) for row in sheets[0].rows) == 1


@pytest.mark.parametrize("index", ["-1", "99999"])
def test_a_cell_pointing_past_the_shared_strings_is_refused_not_read_as_the_last(
    index: str,
) -> None:
    # -1 read as Python's strings[-1] once stored the workbook's last string as the figure
    text = b'<c r="%s" t="inlineStr"><is><t>%s</t></is></c>'
    header = b"<row>" + text % (b"A1", "时间".encode()) + text % (b"B1", b"GMV") + b"</row>"
    pointer = b'<c r="B2" t="s"><v>%s</v></c>' % index.encode()
    row = b"<row>" + text % (b"A2", b"2025-11-11 20:00") + pointer + b"</row>"
    for message in _both(_with_sheet(_sheet(header + row))):
        assert message == (
            f"export.xlsx cannot be opened as an Excel workbook (cell B2 points at shared "
            f"string {index}, but the workbook has 0)"
        )


def _numbered_rows(*numbers: int) -> bytes:
    return b"".join(
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>row %d</t></is></c></row>' % (n, n, n)
        for n in numbers
    )


def test_rows_given_out_of_order_are_read_where_their_numbers_put_them() -> None:
    # read in the file's order, a run sheet's segments once came backwards
    _encoding, sheets = read_sheets(_with_sheet(_sheet(_numbered_rows(3, 1, 2))), "plan.xlsx")
    assert sheets[0].rows[:3] == [["row 1"], ["row 2"], ["row 3"]]


def test_a_row_number_given_twice_or_below_one_is_refused_naming_it() -> None:
    for rows, detail in (
        (_numbered_rows(1, 2, 2), "row 2 is given twice"),
        (_numbered_rows(0, 1), "row number 0 is not a row of a sheet"),
    ):
        for message in _both(_with_sheet(_sheet(rows))):
            assert message == f"export.xlsx cannot be opened as an Excel workbook ({detail})"


def test_a_value_beyond_the_widest_export_is_refused() -> None:
    cell = b'<row r="1"><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>'
    for message in _both(_with_sheet(_sheet(cell))):
        assert message == (
            "export.xlsx, sheet “Sheet”, row 1: a value beyond column 1000; no export is that wide"
        )


def test_rows_decades_apart_kept_as_they_are_count_their_gap_without_listing_it() -> None:
    rows = [f"2025-11-11 20:{minute:02d},100,1" for minute in range(59)] + ["2062-11-11 22:30,1,1"]
    result = read(csv_of(*rows), planned=SHOW, keep_dates=True)
    gap = datetime(2062, 11, 11, 22, 30) - datetime(2025, 11, 11, 20, 58)
    assert result.missing_count == gap // timedelta(minutes=1) - 1
    assert len(result.missing_minutes) == 1_000
    assert result.missing_minutes[0] == datetime(2025, 11, 11, 20, 59)


def test_the_streamed_cells_are_the_values_openpyxl_gives(tmp_path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["时间", "成交金额(元)", "备注", None, "flag"])
    sheet.append([datetime(2025, 11, 11, 20, 0), 12.5, "好", None, True])
    sheet.append([datetime(2025, 11, 11, 20, 1), 7, None, 3, False])
    sheet["C6"] = "=A2"  # a formula without a cached value, two rows skipped
    sheet["B6"].number_format = "0.00"
    sheet["B6"] = 1e-3
    sheet["E7"] = date(2025, 11, 11)
    second = book.create_sheet("第二")
    second["B2"] = "只有一格"
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()

    _encoding, sheets = read_sheets(data, "book.xlsx")
    expected = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    for got, want in zip(sheets, expected.worksheets, strict=True):
        want.reset_dimensions()
        rows = [list(row) for row in want.iter_rows(values_only=True)]
        assert got.name == want.title
        assert got.rows == rows


def test_a_cell_longer_than_excel_allows_is_refused_on_both_paths() -> None:
    long = b"x" * 40_000
    row = b'<row r="2"><c r="B2" t="inlineStr"><is><t>' + long + b"</t></is></c></row>"
    for message in _both(_with_sheet(_sheet(row))):
        assert message == (
            "export.xlsx, sheet “Sheet”, row 2, column B: the cell holds more than 32767 "
            "characters, which no Excel cell can"
        )
