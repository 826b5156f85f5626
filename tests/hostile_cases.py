"""The hostile inputs of issue 17, each named for its case: the small files are committed under
tests/fixtures/hostile/ (written by `write_small`), the big ones and the bombs are made at test
time by `write_big`. Both are deterministic: the same bytes on every run and machine."""

import json
import sqlite3
import struct
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from liveplanner.storage.database import APPLICATION_ID
from liveplanner.storage.schema import head_revision

CORPUS = Path(__file__).parent / "fixtures" / "hostile"

REFUSED, ACCEPTED, EITHER = "refused", "accepted", "either"


@dataclass(frozen=True)
class Case:
    """One hostile input and the command that is given it.

    `path` is the import path: "metrics" (import-metrics into the demo show), "script"
    (import-script: a run sheet or a show file), "restore" (db restore) or "new-show".
    `expect` is what the issue asks for: REFUSED, ACCEPTED, or EITHER (refused in one line, or
    accepted with everything afterwards working)."""

    name: str
    path: str
    expect: str
    file: str = ""  # the input's file name (committed, or made by write_big)
    args: tuple[str, ...] = ()  # more arguments for the command
    big: bool = False  # made at test time (too big to commit, or slow to read)
    shown: str = ""  # what a refusal must quote of the value, as the file writes it
    named: str = ""  # what a refusal must name when the hostile input is an argument, not the file


# --- the shapes the hostile files are variations of -------------------------------------------

SHOW_DAY = "2026-11-11"  # the demo show runs 19:30-22:30 on this day (Asia/Shanghai)
METRICS_HEADER = ("时间", "成交金额", "成交订单数", "在线人数")


def _minute(index: int) -> str:
    """The show's minutes from 19:30 on, as an export writes them."""
    minutes = 19 * 60 + 30 + index % 180
    return f"{SHOW_DAY} {minutes // 60:02d}:{minutes % 60:02d}"


def metrics_rows(count: int) -> list[list[str]]:
    """An ordinary export's rows: one a minute, GMV in yuan, orders, viewers online."""
    return [
        [_minute(i), f"{(i * 37) % 900 + 100}.50", str(i % 40 + 1), str(1000 + (i * 53) % 2000)]
        for i in range(count)
    ]


def csv_bytes(header: Iterable[str], rows: Iterable[Iterable[str]]) -> bytes:
    lines = [",".join(header), *(",".join(row) for row in rows)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def metrics_csv(rows: list[list[str]]) -> bytes:
    return csv_bytes(METRICS_HEADER, rows)


def metrics_json_text(records_text: str) -> bytes:
    """A platform API's answer: {"code": 0, "data": {"series": [records]}}."""
    return ('{"code":0,"data":{"series":[' + records_text + "]}}").encode("utf-8")


def json_record(time: str, gmv: str, orders: str = "3", online: str = "1200") -> str:
    """One per-minute record; the values are JSON text as written (NaN, 1e400, [1, 2] …)."""
    return f'{{"time":"{time}","gmv":{gmv},"orders":{orders},"online":{online}}}'


def json_records(hostile: str, at: int = 3, count: int = 6) -> bytes:
    """An API answer whose `at`-th record holds a hostile GMV."""
    records = [json_record(_minute(i), hostile if i == at else str(100 + i)) for i in range(count)]
    return metrics_json_text(",".join(records))


RUN_SHEET_TITLE = "【抖音】11月11日 双11美妆专场 整场脚本"
RUN_SHEET_WHEN = "直播时间：2026年11月11日 20:00-22:00　主播：小美"
RUN_SHEET_HEADER = ("序号", "时间", "时长", "环节", "商品", "直播价", "话术要点", "主播")


def run_sheet_rows(titles: Iterable[str] = ("开场暖场", "福袋抽奖", "产品讲解", "收尾")) -> list:
    return [
        [str(n), "", "10", title, "玻尿酸精华 30ml" if title == "产品讲解" else "", "", "", "小美"]
        for n, title in enumerate(titles, start=1)
    ]


def run_sheet_csv(
    rows: Iterable[Iterable[str]], title: str = RUN_SHEET_TITLE, when: str = RUN_SHEET_WHEN
) -> bytes:
    return csv_bytes([title], [[when], RUN_SHEET_HEADER, *rows])


def base_show() -> dict:
    """A small, valid liveplanner show file (schema 1) on the demo's day."""
    segment = {
        "product": None,
        "talking_points": "问好，介绍今晚福利节奏",
        "notes": "",
        "roles": {"host": 2},
        "cues": [],
        "releases": [],
    }
    return {
        "format": "liveplanner.show",
        "schema_version": 1,
        "app": "liveplanner 0.1.0",
        "exported_at": "2026-12-03T20:36:30+00:00",
        "show": {
            "title": "双11数码配件专场",
            "platform": "douyin",
            "room": "数码好物官方旗舰店",
            "time_zone": "Asia/Shanghai",
            "status": "done",
            "planned_start": "2026-11-11T19:30:00+08:00",
            "planned_end": "2026-11-11T19:43:00+08:00",
            "hard_stop": "2026-11-11T22:45:00+08:00",
            "targets": {
                "gmv_fen": 150000000,
                "viewers": 150000,
                "conversion_bp": 800,
                "new_followers": 5000,
                "interaction_bp": 1000,
            },
            "max_discount_bp": 6000,
            "min_margin_bp": 1000,
            "notes": "",
        },
        "people": [{"id": 1, "name": "刘洋"}, {"id": 2, "name": "林晓"}],
        "team": [{"person": 2, "role": "host"}, {"person": 1, "role": "ops"}],
        "products": [],
        "promos": [],
        "segments": [
            {"id": 1, "kind": "opening", "title": "开场暖场", "duration_s": 480, **segment},
            {"id": 2, "kind": "lucky_draw", "title": "开场福袋", "duration_s": 300, **segment},
        ],
        "runs": [],
        "metrics_source": {
            "file_name": "export.csv",
            "preset": "",
            "encoding": "UTF-8",
            "rows_read": 3,
            "imported_at": "2026-11-12T10:00:00+08:00",
        },
        "metrics": [
            {"minute": f"2026-11-11T19:3{i}:00+08:00", "metric": "gmv", "value": 10000 + i}
            for i in range(3)
        ],
        "notes": [],
    }


def show_file(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


# --- a workbook written by hand: small, byte-for-byte the same on every run --------------------

_FIXED_TIME, _FIXED_DATE = 0, (2026 - 1980) << 9 | 11 << 5 | 11  # 2026-11-11 00:00 in DOS form


def _cell(value: str) -> str:
    number = value.lstrip("-").replace(".", "", 1).replace("e", "", 1).replace("+", "", 1)
    if value and number.isdigit():
        return f"<c><v>{value}</v></c>"
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<c t="inlineStr"><is><t xml:space="preserve">{escaped}</t></is></c>'


def sheet_rows_xml(rows: Iterable[Iterable[str]]) -> Iterator[bytes]:
    for row in rows:
        yield ("<row>" + "".join(_cell(value) for value in row) + "</row>").encode("utf-8")


_SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
_SHEET_TAIL = b"</sheetData></worksheet>"
_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}


@dataclass
class _Member:
    name: bytes
    crc: int
    size: int
    packed: bytes


def _deflated(chunks: Iterable[bytes]) -> _Member:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    crc = size = 0
    out = []
    for chunk in chunks:
        crc, size = zlib.crc32(chunk, crc), size + len(chunk)
        out.append(packer.compress(chunk))
    out.append(packer.flush())
    return _Member(b"", crc, size, b"".join(out))


def _repeated(head: bytes, chunk: bytes, times: int, tail: bytes) -> _Member:
    """head + chunk * times + tail, deflated without ever holding the inflated bytes: after a
    full flush the compressor forgets what came before, so one chunk's output can be repeated."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    middle = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    last = packer.compress(tail) + packer.flush()
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + len(chunk) * times + len(tail)
    return _Member(b"", crc, size, first + middle * times + last)


def _zip(members: dict[str, _Member]) -> bytes:
    """A zip archive (deflate, no zip64: every member under 4 GiB) with fixed timestamps."""
    out, directory = bytearray(), bytearray()
    for name, member in members.items():
        encoded = name.encode("ascii")
        fields = (20, 0, 8, _FIXED_TIME, _FIXED_DATE, member.crc, len(member.packed), member.size)
        offset = len(out)
        out += struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields, len(encoded), 0) + encoded
        out += member.packed
        directory += struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 20, *fields, len(encoded), 0, 0, 0, 0, 0, offset
        )
        directory += encoded
    count = len(members)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory), len(out), 0)
    return bytes(out + directory + end)


def xlsx(sheet: _Member | Iterable[Iterable[str]]) -> bytes:
    """A one-sheet workbook of text and number cells, or around a sheet already packed."""
    if not isinstance(sheet, _Member):
        sheet = _deflated([_SHEET_HEAD, *sheet_rows_xml(sheet), _SHEET_TAIL])
    members = {name: _deflated([text.encode("utf-8")]) for name, text in _PARTS.items()}
    return _zip({**members, "xl/worksheets/sheet1.xml": sheet})


def bit_flipped(workbook: bytes) -> bytes:
    """The workbook with bytes in the middle of its sheet's compressed data inverted, as a bad
    disk or a broken download leaves it (the archive's directory still reads)."""
    start = workbook.index(b"xl/worksheets/sheet1.xml") + len("xl/worksheets/sheet1.xml")
    end = workbook.index(b"PK\x01\x02")
    damaged = bytearray(workbook)
    for offset in range(start + (end - start) // 3, start + (end - start) // 3 + 8):
        damaged[offset] ^= 0xFF
    return bytes(damaged)


def truncated(workbook: bytes) -> bytes:
    """The first 60% of the workbook: a download cut short."""
    return workbook[: len(workbook) * 6 // 10]


def sqlite_file(path: Path, statements: Iterable[str]) -> None:
    with closing(sqlite3.connect(path)) as db:
        for statement in statements:
            db.execute(statement)
        db.commit()


# --- the cases ----------------------------------------------------------------------------------


def _with_cell(row: int, column: int, value: str, count: int = 8) -> bytes:
    rows = metrics_rows(count)
    rows[row][column] = value
    return metrics_csv(rows)


def _xlsx_with_cell(row: int, column: int, value: str, count: int = 8) -> bytes:
    rows = metrics_rows(count)
    rows[row][column] = value
    return xlsx([METRICS_HEADER, *rows])


def _mistyped_year() -> bytes:
    rows = metrics_rows(151)
    rows[77][0] = rows[77][0].replace("2026", "2062")
    return metrics_csv(rows)


def _show_with(change: Callable[[dict], None]) -> bytes:
    document = base_show()
    change(document)
    return show_file(document)


def _metric_minute(moment: str) -> Callable[[dict], None]:
    def change(document: dict) -> None:
        document["metrics"][1]["minute"] = moment

    return change


def _start_9999(document: dict) -> None:
    document["show"].update(
        planned_start="9999-12-31T23:30:00+08:00",
        planned_end="9999-12-31T23:43:00+08:00",
        hard_stop="9999-12-31T23:59:00+08:00",
    )
    for metric in document["metrics"]:
        metric["minute"] = metric["minute"].replace("2026-11-11T19", "9999-12-31T23")


def _long_talking_points(document: dict) -> None:
    # ASCII, so the committed file stays near 100 KB; a character is a character either way.
    document["segments"][1] = {
        **document["segments"][1],
        "talking_points": ("Say the price twice. " * 5000)[:100_000],
    }


def _alerts(field: str, value: object) -> Callable[[dict], None]:
    """The show's live-alert thresholds, one of them no show can have."""

    def change(document: dict) -> None:
        alerts = {"viewers_drop_bp": 2000, "viewers_window_min": 5, "pace_behind_bp": 1500}
        document["show"]["alerts"] = alerts | {"sold_out": True, field: value}

    return change


def _nested_show(depth: int) -> bytes:
    document = show_file(base_show())
    # The nesting sits in a field readers walk, the show's notes.
    return document.replace(b'"notes": []', b'"notes": ' + b"[" * depth + b"]" * depth, 1)


_ESCAPES = "\x1b[2J\x1b]0;owned\x07\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\\x9b31m"

_SMALL: dict[str, Callable[[], bytes]] = {
    "metrics_cell_1e308.csv": lambda: _with_cell(3, 1, "1e308"),
    "metrics_cell_400_digits.csv": lambda: _with_cell(3, 1, "9" * 400),
    "metrics_cell_2pow63.csv": lambda: _with_cell(3, 2, str(2**63)),
    "metrics_cell_1e400.csv": lambda: _with_cell(3, 1, "1e400"),
    "metrics_cell_1e308.xlsx": lambda: _xlsx_with_cell(3, 3, "1e308"),
    "metrics_cell_400_digits.xlsx": lambda: _xlsx_with_cell(3, 3, "9" * 400),
    "metrics_cell_2pow63.xlsx": lambda: _xlsx_with_cell(3, 1, str(2**63)),
    "metrics_cell_1e400.xlsx": lambda: _xlsx_with_cell(3, 2, "1e400"),
    "metrics_all_dashes.csv": lambda: metrics_csv([[_minute(i), "-", "-", "-"] for i in range(12)]),
    "metrics_negative_gmv.csv": lambda: _with_cell(4, 1, "-5000"),
    "metrics_negative_viewers.csv": lambda: _with_cell(4, 3, "-1200"),
    "metrics_sum_past_2pow63.csv": lambda: metrics_csv(
        [[_minute(0), "30000000000000000", "1", "100"] for _ in range(4)]
    ),
    "metrics_json_nan.json": lambda: json_records("NaN"),
    "metrics_json_infinity.json": lambda: json_records("Infinity"),
    "metrics_json_object_cell.json": lambda: json_records('{"value":100,"unit":"元"}'),
    "metrics_json_list_cell.json": lambda: json_records("[100,200]"),
    "metrics_json_int_4300_digits.json": lambda: json_records("7" * 4300),
    "metrics_json_int_4301_digits.json": lambda: json_records("7" * 4301),
    "metrics_bitflipped.xlsx": lambda: bit_flipped(xlsx([METRICS_HEADER, *metrics_rows(400)])),
    "metrics_truncated.xlsx": lambda: truncated(xlsx([METRICS_HEADER, *metrics_rows(400)])),
    "metrics_minute_year_9999.csv": lambda: _with_cell(2, 0, "9999-12-31 23:59"),
    "metrics_minute_year_0001.csv": lambda: _with_cell(2, 0, "0001-01-01 00:00"),
    "metrics_mistyped_year_2062_151_rows.csv": _mistyped_year,
    "runsheet_bitflipped.xlsx": lambda: bit_flipped(
        xlsx([[RUN_SHEET_TITLE], [RUN_SHEET_WHEN], RUN_SHEET_HEADER, *run_sheet_rows()])
    ),
    "runsheet_truncated.xlsx": lambda: truncated(
        xlsx([[RUN_SHEET_TITLE], [RUN_SHEET_WHEN], RUN_SHEET_HEADER, *run_sheet_rows()])
    ),
    "runsheet_starts_9999_12_31.csv": lambda: run_sheet_csv(
        run_sheet_rows(), when="直播时间：9999年12月31日 23:00-23:40　主播：小美"
    ),
    "runsheet_plain.csv": lambda: run_sheet_csv(run_sheet_rows()),
    "runsheet_terminal_escapes.csv": lambda: run_sheet_csv(
        run_sheet_rows(("开场" + _ESCAPES, "福袋抽奖", "产品讲解", "收尾\x1b[31m\x07")),
        title="【抖音】" + _ESCAPES + "双11专场 整场脚本",
    ),
    "showfile_nested_20000.json": lambda: _nested_show(20_000),
    "showfile_minute_year_9999.json": lambda: _show_with(
        _metric_minute("9999-12-31T23:59:00+08:00")
    ),
    "showfile_minute_year_0001.json": lambda: _show_with(
        _metric_minute("0001-01-01T00:00:00+08:00")
    ),
    "showfile_starts_9999_12_31.json": lambda: _show_with(_start_9999),
    "showfile_talking_points_100000.json": lambda: _show_with(_long_talking_points),
    "showfile_alerts_window_99_min.json": lambda: _show_with(_alerts("viewers_window_min", 99)),
    "showfile_alerts_drop_nan.json": lambda: _show_with(_alerts("viewers_drop_bp", float("nan"))),
}
_SMALL_SQLITE: dict[str, tuple[str, ...]] = {
    # An SQLite file with a header and no table: what `sqlite3 x.db "VACUUM"` leaves.
    "restore_empty_sqlite.sqlite3": ("CREATE TABLE t (x)", "DROP TABLE t", "VACUUM"),
    "restore_not_liveplanner.sqlite3": (
        "CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
        "INSERT INTO recipes (name) VALUES ('番茄炒蛋'), ('red-cooked pork')",
    ),
    # liveplanner's marks (its application id, this version's schema) over tables of its names
    # with other columns: once restored, every command failed with "no such column".
    "restore_wrong_columns.sqlite3": (
        f"PRAGMA application_id = {APPLICATION_ID}",
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
        f"INSERT INTO alembic_version VALUES ('{head_revision()}')",
        "CREATE TABLE shows (id INTEGER PRIMARY KEY, name TEXT)",
        "INSERT INTO shows (name) VALUES ('双11')",
    ),
}


def write_small(folder: Path) -> list[Path]:
    """The committed corpus, written into `folder` (how tests/fixtures/hostile was made)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in _SMALL.items():
        (folder / name).write_bytes(make())
        written.append(folder / name)
    (folder / "restore_empty_0_bytes.sqlite3").write_bytes(b"")
    written.append(folder / "restore_empty_0_bytes.sqlite3")
    for name, statements in _SMALL_SQLITE.items():
        (folder / name).unlink(missing_ok=True)
        sqlite_file(folder / name, statements)
        written.append(folder / name)
    return written


# The big ones: each returns the file it wrote into the folder.

MiB = 2**20


def _xlsx_million_rows(folder: Path) -> Path:
    """A million rows, several to each of the show's minutes, as a platform's raw log has."""

    def rows(first: int) -> bytes:  # ten thousand at a time: one compressor call each
        return "".join(
            f'<row><c t="inlineStr"><is><t>{_minute(i)}</t></is></c><c><v>1</v></c>'
            f"<c><v>1</v></c><c><v>{1000 + i % 500}</v></c></row>"
            for i in range(first, first + 10_000)
        ).encode("ascii")

    header = b"".join(sheet_rows_xml([METRICS_HEADER]))
    chunks = (rows(first) for first in range(0, 1_000_000, 10_000))
    sheet = _deflated([_SHEET_HEAD, header, *chunks, _SHEET_TAIL])
    path = folder / "metrics_1000000_rows.xlsx"
    path.write_bytes(xlsx(sheet))
    return path


def _bomb_whitespace(folder: Path, name: str) -> Path:
    """2 MB of deflated whitespace that inflate to 2 GB inside the sheet's XML."""
    head = _SHEET_HEAD + b"".join(sheet_rows_xml([METRICS_HEADER, *metrics_rows(3)]))
    sheet = _repeated(head, b" " * MiB, 2048, _SHEET_TAIL)
    path = folder / name
    path.write_bytes(xlsx(sheet))
    return path


def _bomb_empty_rows(folder: Path, name: str) -> Path:
    """6 MB of deflated empty rows (<row/>) that inflate to 3.7 GiB, 660 million rows."""
    head = _SHEET_HEAD + b"".join(sheet_rows_xml([METRICS_HEADER, *metrics_rows(3)]))
    sheet = _repeated(head, b"<row/>" * (MiB // 6), 3800, _SHEET_TAIL)
    path = folder / name
    path.write_bytes(xlsx(sheet))
    return path


def _json_nesting(folder: Path) -> Path:
    path = folder / "metrics_json_nesting_100000.json"
    path.write_bytes(b'{"data":' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    return path


def _run_sheet_long_line(folder: Path) -> Path:
    rows = run_sheet_rows()
    rows[2][6] = "成分、肤感、对比试用" * (10 * MiB // 30)  # a 10 MB talking-points cell
    path = folder / "runsheet_10mb_line.csv"
    path.write_bytes(run_sheet_csv(rows))
    return path


def _run_sheet_100000_rows(folder: Path) -> Path:
    titles = (f"产品讲解 {n}" for n in range(1, 100_001))
    path = folder / "runsheet_100000_rows.csv"
    path.write_bytes(run_sheet_csv(run_sheet_rows(titles)))
    return path


def _show_file_259_mb(folder: Path) -> Path:
    """A show file of 259 MiB: the base show with its metric records repeated to that size."""
    head, _, tail = show_file(base_show()).partition(b'"metrics": [')
    records = ",".join(
        json.dumps({"minute": f"2026-11-11T2{i // 60 % 3}:{i % 60:02d}:00+08:00",
                    "metric": "orders", "value": i})
        for i in range(1000)
    ).encode() + b","  # fmt: skip
    path = folder / "showfile_259mb.json"
    target = 259 * MiB
    with path.open("wb") as out:
        out.write(head + b'"metrics": [')
        written = len(head) + 12
        while written + len(records) + len(tail) < target:
            out.write(records)
            written += len(records)
        out.write(tail)  # the base show's own metrics close the list
    return path


BIG: dict[str, Callable[[Path], Path]] = {
    "metrics_1000000_rows.xlsx": _xlsx_million_rows,
    "metrics_bomb_whitespace_2gb.xlsx": lambda f: _bomb_whitespace(
        f, "metrics_bomb_whitespace_2gb.xlsx"
    ),
    "metrics_bomb_empty_rows.xlsx": lambda f: _bomb_empty_rows(f, "metrics_bomb_empty_rows.xlsx"),
    "metrics_json_nesting_100000.json": _json_nesting,
    "runsheet_10mb_line.csv": _run_sheet_long_line,
    "runsheet_100000_rows.csv": _run_sheet_100000_rows,
    "runsheet_bomb_whitespace_2gb.xlsx": lambda f: _bomb_whitespace(
        f, "runsheet_bomb_whitespace_2gb.xlsx"
    ),
    "runsheet_bomb_empty_rows.xlsx": lambda f: _bomb_empty_rows(f, "runsheet_bomb_empty_rows.xlsx"),
    "showfile_259mb.json": _show_file_259_mb,
}


CASES: tuple[Case, ...] = (
    # Cells no show can hold: refused, naming the figure.
    Case("metrics_cell_1e308.csv", "metrics", REFUSED),
    Case("metrics_cell_400_digits.csv", "metrics", REFUSED, shown="999999999999"),
    Case("metrics_cell_2pow63.csv", "metrics", REFUSED, shown=str(2**63)),
    Case("metrics_cell_1e400.csv", "metrics", REFUSED, shown="1e400"),
    Case("metrics_cell_1e308.xlsx", "metrics", REFUSED),
    Case("metrics_cell_400_digits.xlsx", "metrics", REFUSED, shown="999999999999"),
    Case("metrics_cell_2pow63.xlsx", "metrics", REFUSED),
    Case("metrics_cell_1e400.xlsx", "metrics", REFUSED),
    Case("metrics_sum_past_2pow63.csv", "metrics", REFUSED),
    Case("metrics_json_int_4301_digits.json", "metrics", REFUSED, shown="777777777777"),
    Case("metrics_json_int_4300_digits.json", "metrics", REFUSED, shown="777777777777"),
    # Odd but possible: refused in one line, or accepted with every figure in range.
    Case("metrics_all_dashes.csv", "metrics", EITHER),
    Case("metrics_negative_gmv.csv", "metrics", EITHER),
    Case("metrics_negative_viewers.csv", "metrics", EITHER),
    Case("metrics_json_nan.json", "metrics", EITHER),
    Case("metrics_json_infinity.json", "metrics", EITHER),
    Case("metrics_json_object_cell.json", "metrics", EITHER),
    Case("metrics_json_list_cell.json", "metrics", EITHER),
    Case("metrics_json_nesting_100000.json", "metrics", EITHER, big=True),
    # Damaged workbooks on both import paths.
    Case("metrics_bitflipped.xlsx", "metrics", REFUSED),
    Case("metrics_truncated.xlsx", "metrics", REFUSED),
    Case("runsheet_bitflipped.xlsx", "script", REFUSED),
    Case("runsheet_truncated.xlsx", "script", REFUSED),
    # Times no show can have; a mistyped year must stay cheap.
    Case("metrics_minute_year_9999.csv", "metrics", REFUSED, shown="9999-12-31 23:59"),
    Case("metrics_minute_year_0001.csv", "metrics", REFUSED, shown="0001-01-01 00:00"),
    Case("metrics_mistyped_year_2062_151_rows.csv", "metrics", EITHER),
    Case("showfile_minute_year_9999.json", "script", REFUSED),
    Case("showfile_minute_year_0001.json", "script", REFUSED),
    Case("showfile_starts_9999_12_31.json", "script", REFUSED),
    Case("runsheet_starts_9999_12_31.csv", "script", REFUSED),
    Case(
        "runsheet_plain.csv --start 9999-12-31",
        "script",
        REFUSED,
        file="runsheet_plain.csv",
        args=("--start", "9999-12-31 23:59"),
        named="--start",
        shown="9999-12-31 23:59",
    ),
    Case("new-show --start 9999-12-31", "new-show", REFUSED, args=("--start", "9999-12-31 23:59")),
    Case("new-show --start 0001-01-01", "new-show", REFUSED, args=("--start", "0001-01-01 00:00")),
    # Deep nesting, long lines, many rows, bombs: bounded, in one line or fast.
    Case("showfile_nested_20000.json", "script", REFUSED),
    Case("showfile_talking_points_100000.json", "script", REFUSED, shown="100000 characters"),
    # A show's live-alert thresholds no show can have (issue 21).
    Case("showfile_alerts_window_99_min.json", "script", REFUSED, shown="99"),
    Case("showfile_alerts_drop_nan.json", "script", REFUSED, shown="NaN"),
    Case("runsheet_10mb_line.csv", "script", EITHER, big=True),
    Case("runsheet_100000_rows.csv", "script", EITHER, big=True),
    Case("showfile_259mb.json", "script", REFUSED, big=True),
    Case("metrics_1000000_rows.xlsx", "metrics", EITHER, big=True),
    Case("metrics_bomb_whitespace_2gb.xlsx", "metrics", REFUSED, big=True),
    Case("metrics_bomb_empty_rows.xlsx", "metrics", REFUSED, big=True),
    Case("runsheet_bomb_whitespace_2gb.xlsx", "script", REFUSED, big=True),
    Case("runsheet_bomb_empty_rows.xlsx", "script", REFUSED, big=True),
    # Restores that would empty the database.
    Case("restore_empty_0_bytes.sqlite3", "restore", REFUSED),
    Case("restore_empty_sqlite.sqlite3", "restore", REFUSED),
    Case("restore_not_liveplanner.sqlite3", "restore", REFUSED),
    Case("restore_wrong_columns.sqlite3", "restore", REFUSED),
    # Terminal escapes in titles: stored, and printed escaped.
    Case("runsheet_terminal_escapes.csv", "script", ACCEPTED),
)


def case_file(case: Case) -> str:
    """The input's file name: `file` when given, else the case's name (new-show has none)."""
    return case.file or ("" if case.path == "new-show" else case.name)
