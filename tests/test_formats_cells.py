"""Cells and bytes as platform exports write them: numbers read exactly, text decoded strictly."""

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liveplanner.formats.cells import CellError, parse_number, to_count, to_fen
from liveplanner.formats.decoding import DecodingError, decode

SAMPLES = Path(__file__).resolve().parent / "fixtures" / "external"


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("1.2万", Decimal("12000")),
        ("3.5亿", Decimal("350000000")),
        ("1.2w", Decimal("12000")),
        ("12.5%", Decimal("0.125")),
        ("¥1,234.50", Decimal("1234.50")),
        ("$5.50", Decimal("5.50")),
        ("１２３４", Decimal("1234")),
        ("１２．５％", Decimal("0.125")),
        (" 88 元 ", Decimal("88")),
        (42, Decimal(42)),
        (3.5, Decimal("3.5")),
        ("-7", Decimal("-7")),
    ],
)
def test_numbers_as_platforms_write_them(cell: object, value: Decimal) -> None:
    assert parse_number(cell) == value


@pytest.mark.parametrize("cell", ["", "-", "--", "  ", None, float("nan"), "N/A"])
def test_missing_is_not_zero(cell: object) -> None:
    assert parse_number(cell) is None


@pytest.mark.parametrize("cell", ["abc", "1.2.3", "12%%", "1,23", "万", "1e5", True])
def test_what_is_not_a_number_is_refused_saying_what_was_expected(cell: object) -> None:
    with pytest.raises(CellError, match="not a number"):
        parse_number(cell)


def test_money_and_counts_are_whole_numbers() -> None:
    assert to_fen(Decimal("12.345")) == 1235
    assert to_fen(Decimal("1.2") * 10_000) == 1_200_000
    assert to_count(Decimal("12000.0")) == 12000


@given(st.text(max_size=20))
def test_any_text_is_a_number_missing_or_our_own_error(text: str) -> None:
    try:
        result = parse_number(text)
    except CellError:
        return
    assert result is None or isinstance(result, Decimal)


TEXT = "时间,在线人数,成交金额\n20:00,1.2万,￥1,234\n"  # the full-width yuan GBK has


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (TEXT.encode("utf-8-sig"), "UTF-8 with BOM"),
        (TEXT.encode("gbk"), "GB18030 (GBK)"),
        (TEXT.encode("gb18030"), "GB18030 (GBK)"),
        (TEXT.encode("utf-16"), "UTF-16 LE"),
        ("time\tviewers\n20:00\t5\n".encode("utf-16-le"), "UTF-16 LE"),
        ("time\tviewers\n20:00\t5\n".encode("utf-16-be"), "UTF-16 BE"),
    ],
)
def test_the_encodings_platforms_use(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert "\ufffd" not in decoded.text
    assert decoded.text.replace("\r\n", "\n").rstrip("\n").endswith(("￥1,234", "5"))


def test_binary_and_unknown_encodings_are_refused() -> None:
    with pytest.raises(DecodingError, match="binary data"):
        decode(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(DecodingError, match="neither UTF-8 nor GBK"):
        decode(bytes([0x81, 0x20, 0xFF, 0xFE, 0x81, 0x7F]) * 3)


@given(st.binary(max_size=200))
def test_any_bytes_decode_or_give_our_own_error(data: bytes) -> None:
    try:
        decoded = decode(data)
    except DecodingError:
        return
    assert "\ufffd" not in decoded.text or "\ufffd".encode() in data


def test_the_public_douyin_sample_decodes() -> None:
    sample = SAMPLES / "douyin-live-gmv-export_m2_reference_final.csv"
    decoded = decode(sample.read_bytes())
    assert decoded.encoding == "UTF-8"
    rows = decoded.text.strip().splitlines()
    assert rows[0] == "room_id,session_date,time,gmv_min" and len(rows) == 62
    total = sum(parse_number(r.split(",")[3]) for r in rows[1:])
    assert total == Decimal("2001")


def test_a_workbook_export_writes_control_characters_as_escapes(tmp_path):
    """A title pasted with an ESC in it made openpyxl refuse the whole export."""
    from openpyxl import load_workbook

    from liveplanner.formats.workbook import Sheet, write_workbook

    path = tmp_path / "out.xlsx"
    write_workbook(
        path,
        [Sheet("a\x1bb", ["t\x07"], [["\x1b[2J直播", 3, "tab\tkept"]], preface=["\x00x"])],
    )
    sheet = load_workbook(path).active
    assert sheet.title == "a x1bb"  # a sheet title holds no backslash
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == ["\\x00x", None, None]
    assert values[2] == ["t\\x07", None, None]
    assert values[3] == ["\\x1b[2J直播", 3, "tab\tkept"]
    assert not list(tmp_path.glob("*.partial"))


def test_a_failed_workbook_write_leaves_no_partial_file(tmp_path, monkeypatch):
    from openpyxl import Workbook

    from liveplanner.formats.workbook import Sheet, write_workbook

    def full_disk(self, filename):
        Path(filename).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", full_disk)
    with pytest.raises(OSError):
        write_workbook(tmp_path / "out.xlsx", [Sheet("s", ["h"], [[1]])])
    assert list(tmp_path.iterdir()) == []
