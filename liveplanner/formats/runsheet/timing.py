"""Each segment's length and start as a run sheet gives them: from the length column, a time
range (20:00-20:05) or the next row's start, checked against one another where a sheet gives
more than one."""

from datetime import datetime, time

from liveplanner.core.plan import FIRST_SHOW_TIME, LAST_SHOW_TIME, MAX_SEGMENT_S, in_show_years
from liveplanner.core.schedule import format_duration
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.runsheet.cells import (
    CellValueError,
    Clock,
    Duration,
    read_clock,
    read_duration,
)
from liveplanner.formats.runsheet.columns import Field, header_unit
from liveplanner.formats.runsheet.sheet_rows import SheetReader, SheetRow

_MAX_DISAGREEMENTS = 5
_YEARS = {"first": FIRST_SHOW_TIME.year, "last": LAST_SHOW_TIME.year - 1}


def _lengths(
    reader: SheetReader, rows: list[SheetRow], year: int, end_marker: bool
) -> tuple[list[int], Clock | None]:
    """Each segment's length in seconds, and the first row's start time (if any). With
    `end_marker`, the last row is the end of the show ("下播 22:00"), not a segment."""
    clocks: list[Clock | None] = []
    durations: list[Duration | None] = []
    unit = header_unit(reader.column.get(Field.DURATION, ""))
    for row in rows:
        try:
            clock = read_clock(row.cells.get(Field.START), year)
        except CellValueError as exc:
            raise reader.refuse(row.number, Field.START, exc.value) from None
        if (
            clock is not None
            and clock.day is not None
            and not in_show_years(datetime.combine(clock.day, time(0)))
        ):
            raise ImportRefused(
                "time_out_of_range",
                file=reader.where,
                row=row.number,
                column=reader.column[Field.START],
                value=row.text(Field.START),
                **_YEARS,
            )
        clocks.append(clock)
        try:
            durations.append(read_duration(row.cells.get(Field.DURATION), unit))
        except CellValueError as exc:
            raise reader.refuse(row.number, Field.DURATION, exc.value) from None
    starts = _absolute(reader, rows, clocks)
    lengths: list[int] = []
    for i, row in enumerate(rows):
        if end_marker and i == len(rows) - 1:
            lengths.append(0)
            continue
        if (length := durations[i]) is not None:
            if length.from_excel_time:
                reader.notice(
                    "excel_time_length",
                    row=row.number,
                    column=reader.column[Field.DURATION],
                    value=str(row.cells[Field.DURATION]),
                    length=format_duration(length.seconds),
                )
            lengths.append(length.seconds)
            continue
        clock, start = clocks[i], starts[i]
        if start is not None and clock is not None and clock.end_s is not None:
            lengths.append((clock.end_s - clock.start_s) % (24 * 3600))
        elif start is not None and i + 1 < len(rows) and (next_start := starts[i + 1]) is not None:
            gap = next_start - start
            if gap > MAX_SEGMENT_S:  # dates a year apart in two rows' start cells
                raise ImportRefused(
                    "segment_too_long",
                    file=reader.where,
                    row=row.number,
                    next_row=rows[i + 1].number,
                    column=reader.column[Field.START],
                    value=row.text(Field.START),
                    next_value=rows[i + 1].text(Field.START),
                    length=format_duration(gap),
                    limit=format_duration(MAX_SEGMENT_S),
                )
            lengths.append(gap)
        elif Field.DURATION in reader.column and (start is None or i + 1 < len(rows)):
            raise ImportRefused(
                "no_length", file=reader.where, row=row.number, column=reader.column[Field.DURATION]
            )
        elif start is None:
            raise ImportRefused(
                "no_start", file=reader.where, row=row.number, column=reader.column[Field.START]
            )
        else:
            reader.notice("last_without_end", row=row.number)
            lengths.append(0)
    _check_agreement(reader, rows, starts, lengths)
    first = next((c for c in clocks if c is not None), None)
    return lengths, first


def _absolute(
    reader: SheetReader, rows: list[SheetRow], clocks: list[Clock | None]
) -> list[int | None]:
    """Start times as seconds from the first row's midnight: a time that runs backwards by
    more than half a day is on the next day (a show past midnight); by less, it is refused."""
    result: list[int | None] = []
    first_day = next((c.day for c in clocks if c is not None and c.day is not None), None)
    day_offset = 0
    previous: tuple[int, int, str] | None = None  # (seconds, row, text)
    for row, clock in zip(rows, clocks, strict=True):
        if clock is None:
            result.append(None)
            continue
        if clock.day is not None and first_day is not None:
            seconds = (clock.day - first_day).days * 86_400 + clock.start_s
        else:
            seconds = clock.start_s + day_offset
            if previous is not None and seconds < previous[0] - 12 * 3600:
                day_offset += 86_400
                seconds += 86_400
        if previous is not None and seconds < previous[0]:
            raise ImportRefused(
                "time_backwards",
                file=reader.where,
                row=row.number,
                time=row.text(Field.START),
                previous=previous[2],
                previous_row=previous[1],
            )
        previous = (seconds, row.number, row.text(Field.START))
        result.append(seconds)
    return result


def _check_agreement(
    reader: SheetReader, rows: list[SheetRow], starts: list[int | None], lengths: list[int]
) -> None:
    """Tell where the sheet's start times and its lengths disagree (a gap, an overlap)."""
    first = next((s for s in starts if s is not None), None)
    if first is None or starts[0] is None:
        return
    told = 0
    elapsed = 0
    for row, start, length in zip(rows, starts, lengths, strict=True):
        if start is not None and start != first + elapsed and told < _MAX_DISAGREEMENTS:
            planned = (first + elapsed) % 86_400
            reader.notice(
                "times_disagree",
                row=row.number,
                column=reader.column[Field.START],
                value=row.text(Field.START),
                planned=f"{planned // 3600:02d}:{planned % 3600 // 60:02d}",
            )
            told += 1
        elapsed += length
