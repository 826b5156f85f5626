"""A run sheet (整场脚本, CSV or XLSX) read into a new show's plan, or refused naming the row and
column it could not read.

The header is looked for under any title rows; columns are mapped by name (columns.py) or by
the caller's mapping. Each row under it with a start time, a length, a segment or a product is a
segment; lengths come from the length column, a time range (20:00-20:05) or the next row's
start. Products and people are matched by name; promos are read from the offer text where its
words are clear (offers.py), and kept in the segment's notes where they are not. Whatever the
sheet holds that has no field (an unmapped column, an unclear offer) goes into the notes and is
listed in `unread`, so nothing typed is lost and the user is told.

A workbook that liveplanner exported carries sheets that hold the rest (side_sheets.py); they are
read with it, so an exported script imports again without loss. sheet_rows.py finds the header
and the segment rows, timing.py their lengths and starts.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import PurePath
from typing import Any

from liveplanner.core.enums import Platform
from liveplanner.core.plan import (
    DEFAULT_TIME_ZONE,
    MAX_SEGMENTS,
    MAX_TITLE,
    Show,
    ShowPlan,
    in_show_years,
    shown_time,
    time_zone,
)
from liveplanner.formats.problems import ImportRefused, Problem
from liveplanner.formats.runsheet.cells import Clock, text_of
from liveplanner.formats.runsheet.columns import Field, is_end_marker
from liveplanner.formats.runsheet.plan import PlanParts, guess_platform, title_and_day
from liveplanner.formats.runsheet.sheet_rows import (
    SheetReader,
    SheetRow,
    Unread,
    _continue,
    _continues,
    _header_score,
    _is_segment,
    default_mapping,
    find_script_header,
)
from liveplanner.formats.runsheet.side_sheets import SHOW, part_of
from liveplanner.formats.runsheet.side_sheets_reader import read_book
from liveplanner.formats.runsheet.timing import _YEARS, _lengths
from liveplanner.formats.sheets import SCAN_ROWS, RawSheet, read_sheets

DEFAULT_START = time(20, 0)  # prime time, when a sheet gives no start at all
# A run sheet's rows: its segments with a few rows each of talking points or cues under them.
# (A cell is bounded by csv's field limit, and by openpyxl, which reads at most Excel's 32,767
# characters of one.)
MAX_SHEET_ROWS = 10 * MAX_SEGMENTS
MAX_COLUMNS = 200  # a team's sheet has a few dozen; ours, 16


@dataclass(frozen=True, slots=True)
class ScriptOptions:
    """What the user decided over what the sheet says; None and "" leave it to the sheet."""

    mapping: tuple[Field | None, ...] | None = None  # one entry per sheet column
    title: str = ""
    start: datetime | None = None  # aware
    platform: Platform | None = None
    time_zone: str = ""  # "" : the workbook's, or Asia/Shanghai
    today: date | None = None  # the date a sheet without one is put on (default: today)


@dataclass(frozen=True, slots=True)
class ScriptReading:
    file_name: str
    encoding: str
    sheet: str
    header_row: int  # 1-based, as the spreadsheet numbers it
    headers: tuple[str, ...]
    mapping: tuple[Field | None, ...]
    plan: ShowPlan  # local ids; not stored
    segment_rows: tuple[int, ...]  # the sheet row of each segment
    unread: tuple[Unread, ...] = ()
    notices: tuple[Problem, ...] = ()
    parts: tuple[str, ...] = ()  # the companion sheets read (side_sheets keys)


def _first_sheet(
    sheets: list[RawSheet],
) -> tuple[RawSheet, int, dict[str, RawSheet], list[list[object]]]:
    """The run sheet, its header row, our companion sheets, and the rows above the header."""
    parts: dict[str, RawSheet] = {}
    found: tuple[RawSheet, int] | None = None
    for sheet in sheets:
        if sheet.rows and (part := part_of(sheet.rows[0])) is not None:
            parts.setdefault(part.key, sheet)
        elif found is None and (header := find_script_header(sheet.rows)) is not None:
            found = (sheet, header)
    if found is None:
        raise LookupError
    sheet, header = found
    return sheet, header, parts, [list(r) for r in sheet.rows[:header]]


def read_script(data: bytes, file_name: str, options: ScriptOptions | None = None) -> ScriptReading:
    """The plan a run sheet describes, with what was assumed and what was left unread; or
    ImportRefused naming the file, row, column and value it could not read."""
    options = options or ScriptOptions()
    name = PurePath(file_name).name
    encoding, sheets = read_sheets(data, name, _header_score, MAX_SHEET_ROWS)
    for sheet in sheets:
        _trim(sheet, name if len(sheets) == 1 else f"{name} ▸ {sheet.name}")
    try:
        sheet, header, parts, above = _first_sheet(sheets)
    except LookupError:
        raise ImportRefused("no_script_header", file=name, rows=SCAN_ROWS) from None
    where = name if len(sheets) == 1 else f"{name} ▸ {sheet.name}"
    # Before any row is read into a segment: a workbook's rows are only counted here.
    filled = sum(1 for row in sheet.rows if any(text_of(cell) for cell in row))
    if filled > MAX_SHEET_ROWS:
        raise ImportRefused("script_too_many_rows", file=where, rows=filled, limit=MAX_SHEET_ROWS)
    width = max(len(r) for r in sheet.rows[header:])
    headers = tuple(text_of(c) for c in (list(sheet.rows[header]) + [None] * width)[:width])
    mapping = options.mapping or default_mapping(headers)
    if len(mapping) != len(headers):
        raise ImportRefused("mapping_width", given=len(mapping), columns=len(headers))
    reader = SheetReader(name, where, headers, mapping)
    try:
        return _read_rows(reader, sheet, header, parts, above, encoding, options)
    except ImportRefused as exc:
        # The header was found: a window can let the user map the columns otherwise (or leave
        # an unreadable one out) and try again.
        exc.columns = tuple(zip(headers, mapping, strict=True))
        raise


def _read_rows(
    reader: SheetReader,
    sheet: RawSheet,
    header: int,
    parts: dict[str, RawSheet],
    above: list[list[object]],
    encoding: str,
    options: ScriptOptions,
) -> ScriptReading:
    where, name = reader.where, reader.name
    if not {Field.DURATION, Field.START} & set(reader.mapping):
        raise ImportRefused("no_timing_column", file=where)
    rows = reader.rows(sheet.rows, header)
    segment_rows = []
    end_marker: SheetRow | None = None
    for row in rows:
        if end_marker is None and _is_segment(row) and not _ends_show(row):
            segment_rows.append(row)
        elif end_marker is None and segment_rows and _continues(row):
            _continue(reader, segment_rows[-1], row)
        elif _ends_show(row) and end_marker is None:
            end_marker = row
        else:
            value = " | ".join(
                [text_of(v) for v in row.cells.values() if text_of(v)] + [t for _, t in row.extra]
            )
            reader.unread.append(Unread(row.number, _first_header(reader, row), value, False))
    if len(segment_rows) > MAX_SEGMENTS:
        raise ImportRefused(
            "too_many_segments",
            file=where,
            count=len(segment_rows),
            row=segment_rows[-1].number,
            limit=MAX_SEGMENTS,
        )
    book = read_book(parts, name)
    if not segment_rows and SHOW not in book.read:  # a show exported before it had segments
        raise ImportRefused("no_segments", file=where, row=header + 1)
    today = options.today or date.today()
    title, sheet_day, year_assumed = title_and_day(above, name, today)
    if sheet_day is not None and not in_show_years(datetime.combine(sheet_day, time(0))):
        raise ImportRefused(
            "sheet_date_out_of_range",
            file=where,
            row=_row_with(above, str(sheet_day.year)),
            date=sheet_day.isoformat(),
            **_YEARS,
        )
    year = sheet_day.year if sheet_day else today.year
    timed_end = end_marker is not None and bool(end_marker.text(Field.START))
    if end_marker is not None and timed_end:
        segment_rows.append(end_marker)
    lengths, first_clock = _lengths(reader, segment_rows, year, timed_end)
    if timed_end:
        segment_rows.pop()
        lengths.pop()
    zone_name = options.time_zone or str(book.show.get("time_zone") or DEFAULT_TIME_ZONE)
    if year_assumed and sheet_day and not options.start and not book.show.get("planned_start"):
        reader.notice("year_assumed", date=sheet_day.isoformat())
    planned = book.show.get("planned_start")  # a datetime or None (see Book.show)
    start = (
        options.start
        or (planned if isinstance(planned, datetime) else None)
        or _start(reader, first_clock, sheet_day, today, zone_name)
    )
    if not in_show_years(start):  # a first start of 24:00 on 2099-12-31, a --start of 9999
        raise ImportRefused("start_out_of_range", file=where, start=shown_time(start), **_YEARS)
    known = frozenset(name for name, _role in book.team or ())
    builder = PlanParts(reader, book.products or (), known, exported=bool(book.read))
    numbered = Field.POSITION in reader.column
    positions: dict[str, int] = {}  # 序号 -> segment, for the workbook's releases and cues
    flash_rows = book.flash_positions()
    for index, (row, length) in enumerate(zip(segment_rows, lengths, strict=True), start=1):
        key = row.text(Field.POSITION) if numbered else str(index)
        # Only the first row of a 序号 takes the workbook's releases (positions.setdefault).
        flash = bool(key) and key not in positions and key in flash_rows
        builder.add_row(row, length, sheet_promos=book.promos is not None, releases_flash=flash)
        # A row added without a 序号 is nobody's target: it must not take another's promos.
        if key:
            positions.setdefault(key, index)
    show_fields: dict[str, Any] = {  # Show's fields by name
        **book.show,
        "title": (options.title or str(book.show.get("title") or title))[:MAX_TITLE],
        "planned_start": start,
        "platform": options.platform or book.show.get("platform") or guess_platform(above, name),
        "time_zone": zone_name,
    }
    plan = builder.plan(Show(id=1, **show_fields), book, positions)
    return ScriptReading(
        file_name=name,
        encoding=encoding,
        sheet=sheet.name,
        header_row=header + 1,
        headers=reader.headers,
        mapping=reader.mapping,
        plan=plan,
        segment_rows=tuple(row.number for row in segment_rows),
        unread=tuple(reader.unread),
        notices=tuple(reader.notices),
        parts=book.read,
    )


def _trim(sheet: RawSheet, where: str) -> None:
    """Cut rows to MAX_COLUMNS, refusing a cell filled past it: a CSV of 10 MB of commas made a
    header of ten million empty columns, each of them read and mapped."""
    for number, row in enumerate(sheet.rows, start=1):
        if len(row) > MAX_COLUMNS:
            beyond = next((i for i, c in enumerate(row[MAX_COLUMNS:]) if text_of(c)), None)
            if beyond is not None:
                raise ImportRefused(
                    "script_too_many_columns",
                    file=where,
                    row=number,
                    column=MAX_COLUMNS + beyond + 1,
                    limit=MAX_COLUMNS,
                )
            del row[MAX_COLUMNS:]


def _row_with(rows: list[list[object]], text: str) -> int:
    """The sheet row (1-based) of the first of `rows` with `text` in a cell."""
    return next(
        (n for n, row in enumerate(rows, start=1) if any(text in text_of(c) for c in row)), 1
    )


def _ends_show(row: SheetRow) -> bool:
    words = row.text(Field.KIND) or row.text(Field.TITLE)
    return is_end_marker(words) and not row.text(Field.DURATION)


def _first_header(reader: SheetReader, row: SheetRow) -> str:
    for key in reader.mapping:
        if key is not None and key in row.cells:
            return reader.column[key]
    return row.extra[0][0] if row.extra else ""


def _start(
    reader: SheetReader, clock: Clock | None, day: date | None, today: date, zone_name: str
) -> datetime:
    if clock is not None and clock.day is not None:
        day = clock.day
    if day is None:
        day = today
        reader.notice("sheet_without_date", date=day.isoformat())
    if clock is None:
        at = DEFAULT_START
        reader.notice("no_start_time", time=at.strftime("%H:%M"))
        return datetime.combine(day, at, tzinfo=time_zone(zone_name))
    midnight = datetime.combine(day, time(0), tzinfo=time_zone(zone_name))
    return midnight + timedelta(seconds=clock.start_s)  # 24:00 is the next day's midnight
