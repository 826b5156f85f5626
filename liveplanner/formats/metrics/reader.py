"""A platform's minute-by-minute export made into tidy samples (minute, metric, value), or a
refusal that names the file, row, column and value.

The steps: read the table (tables.py), choose each column's metric (presets.py, or the user's
mapping), drop total rows and check them against the sums, read the times (times.py) and the
numbers (cells.py), refuse time running backwards and conflicting rows, then make one value per
minute: increments added up, running totals turned into increments, and instantaneous readings
(online viewers) kept by the highest or the last reading. Nothing is stored here.
"""

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from liveplanner.core import plan
from liveplanner.core.metrics import METRICS, MetricKind, MetricUnit
from liveplanner.core.money import format_yuan
from liveplanner.formats.cells import CellError, numbers
from liveplanner.formats.metrics.presets import (
    PRESETS,
    ColumnRule,
    InstantRule,
    Preset,
    detect_preset,
    is_date_name,
    is_time_name,
    normalise,
    rule_by_name,
)
from liveplanner.formats.metrics.tables import Table, read_table
from liveplanner.formats.metrics.times import (
    TimeCellError,
    TimeContext,
    local_times,
    looks_like_time,
)
from liveplanner.formats.problems import RULE_WORDS, ImportRefused, Problem
from liveplanner.formats.sheets import SCAN_ROWS

TOTAL_WORDS = ("合计", "总计", "汇总", "小计", "total", "sum")
TOTAL_TOLERANCE = 0.005  # a total row may differ from the sum by rounding, not by more
PREVIEW_ROWS = 200
_TOTAL_SCAN = 5  # rows at each end looked at for a total row
_LISTED = 5  # missing minutes named in the warning; the rest are counted
MAX_MISSING_LISTED = 1_000  # missing minutes kept in MetricsImport.missing_minutes
_MINUTE_NS = 60_000_000_000

Progress = Callable[[float], None]  # told the fraction done; raises to cancel


@dataclass(frozen=True, slots=True)
class ImportOptions:
    zone: ZoneInfo  # the zone the file's clock times are in (the show's, or --tz)
    day: date | None = None  # given by the user (--date): wins over the file and the show
    default_day: date | None = None  # the show's date, when neither the user nor file gives one
    preset: str | None = None  # a PRESETS name; None: recognised from the headers
    columns: Mapping[int, ColumnRule | None] | None = None  # the user's mapping by position
    instant_rule: InstantRule | None = None  # None: the preset's, else the highest reading
    # The show's planned start and end, and its live run's (aware): a file that overlaps
    # neither is another day's or another show's, and is questioned (MetricsImport.mismatch).
    planned: tuple[datetime, datetime] | None = None
    ran: tuple[datetime, datetime] | None = None
    # Days added to every time in the file: the user's choice to move another day's export
    # onto the show's date (DateMismatch.shift_days).
    shift_days: int = 0
    # The user's --keep-dates: rows more than a day from the show are stored as they are (with
    # a warning), not left out or refused.
    keep_dates: bool = False


@dataclass(frozen=True, slots=True)
class Column:
    position: int
    header: str
    rule: ColumnRule | None
    source: str  # "preset", "name", "user", or "" when the column is not imported

    @property
    def imported(self) -> ColumnRule:
        """The rule of a column that is imported: every column of `mapped` has one."""
        assert self.rule is not None, self.header
        return self.rule


@dataclass(frozen=True, slots=True)
class MetricSummary:
    total: int | None  # None for instantaneous metrics, which are never added up
    peak: int
    peak_at: datetime  # local minute


@dataclass(frozen=True, slots=True)
class DateMismatch:
    """The file's minutes do not overlap the show's time: imported as it is, none of them would
    fall in a segment. Times are local (the file's zone), naive."""

    start: datetime  # the file's first and last minute
    end: datetime
    show_start: datetime  # the show's time: its live run's where it ran, else its plan's
    show_end: datetime
    shift_days: int  # the days that move the file's first day onto the show's day

    @property
    def show_day(self) -> date:
        return self.show_start.date()


@dataclass(frozen=True)
class MetricsImport:
    file_name: str
    encoding: str
    preset: Preset | None
    header_row: int
    time_column: int
    columns: tuple[Column, ...]
    instant_rule: InstantRule
    rows_read: int
    samples: pd.DataFrame  # minute (aware UTC), metric, value (int64: counts or fen)
    summaries: dict[str, MetricSummary]
    start: datetime | None  # first and last local minute
    end: datetime | None
    minutes: int  # minutes with at least one row
    missing_minutes: tuple[datetime, ...]  # the first MAX_MISSING_LISTED of them
    warnings: tuple[Problem, ...]
    preview: pd.DataFrame  # the first rows as read: row, time, then one column per metric
    mismatch: DateMismatch | None = None  # the file is not of the show's time
    shift_days: int = 0  # days its times were moved by (ImportOptions.shift_days)
    missing_count: int = 0  # minutes between the first and the last without a row


# What a show's minute can hold: times within a show's years (core.plan says which), and no
# count or amount (in fen) of one minute beyond a trillion (¥10 billion a minute; the biggest
# shows sell that in a day). A minute's value is checked after its rows are added up, so a stored
# value never passes it, and a show's sum over the minutes it is reviewed on (its days,
# core/review.py) stays below 10**16: far inside int64 and exact in float64.
FIRST_SHOW_TIME = pd.Timestamp(plan.FIRST_SHOW_TIME)
LAST_SHOW_TIME = pd.Timestamp(plan.LAST_SHOW_TIME)
MAX_MINUTE_VALUE = 1e12
# Rows this far before the show's start or after its end are no part of it (a mistyped year).
SHOW_MARGIN = pd.Timedelta(days=1)
_SHOWN_CHARS = 40  # a cell quoted in a message is cut after this many characters
_AS_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def read_metrics(
    data: bytes, file_name: str, options: ImportOptions, progress: Progress | None = None
) -> MetricsImport:
    """The samples in an export file; ImportRefused when it cannot be read as it is."""
    step = progress or (lambda _fraction: None)
    step(0.0)
    table = read_table(data, file_name)
    step(0.35)
    preset = _preset(options, table)
    time_column = _time_column(table, preset)
    columns = _columns(table, preset, options, time_column)
    try:
        return _read_rows(table, preset, time_column, columns, options, step)
    except ImportRefused as refusal:
        refusal.columns, refusal.time_column = tuple(columns), time_column
        raise


def _read_rows(
    table: Table,
    preset: Preset | None,
    time_column: int,
    columns: list[Column],
    options: ImportOptions,
    step: Progress,
) -> MetricsImport:
    mapped = [column for column in columns if column.rule is not None]
    _refuse_unmapped(table, mapped)
    rows = table.rows
    totals = rows.loc[_total_rows(rows, time_column)]
    rows = rows.drop(totals.index)
    if rows.empty:
        raise ImportRefused("header_only", file=table.file_name)
    day = options.day or _file_day(table, preset) or options.default_day
    times = _times(table, rows[time_column], TimeContext(options.zone, day))
    if options.shift_days:
        times = times + pd.Timedelta(days=options.shift_days)
    step(0.45)
    values: dict[str, pd.Series] = {}
    for index, column in enumerate(mapped):
        values[column.imported.metric] = _values(table, rows[column.position], column)
        step(0.45 + 0.35 * (index + 1) / len(mapped))
    frame = pd.DataFrame(values, index=rows.index)
    warnings: list[Problem] = []
    frame, times = _drop_duplicates(table, frame, times, mapped, warnings)
    frame, times = _far_from_show(table, frame, times, options, warnings)
    _refuse_falling_totals(table, frame, mapped)
    _refuse_no_figures(table, frame, mapped)
    warnings += _missing_values(frame, mapped)
    rule = options.instant_rule or (preset.instant_rule if preset else InstantRule.MAX)
    per_minute = _per_minute(frame, times, mapped, rule)
    _refuse_big_minutes(table, per_minute, times, mapped)
    warnings += _sub_minute(len(frame), per_minute, mapped, rule)
    warnings += _total_differences(table, totals, frame, mapped)
    missing_count, missing = _missing_minutes(pd.DatetimeIndex(per_minute.index))
    if missing_count:
        warnings.append(_missing_minutes_warning(missing_count, missing))
    mismatch = None
    if options.planned is not None and len(per_minute):
        mismatch = _mismatch(pd.DatetimeIndex(per_minute.index), options)
        if mismatch is not None:
            warnings.append(_outside_show(mismatch))
    unread = [c.header for c in columns if c.rule is None and c.position != time_column]
    unread = [header for header in unread if header and not is_date_name(header)]
    if unread:
        warnings.append(Problem("unread_columns", {"columns": ", ".join(unread)}))
    step(0.9)
    result = MetricsImport(
        file_name=table.file_name,
        encoding=table.encoding,
        preset=preset,
        header_row=table.header_row,
        time_column=time_column,
        columns=tuple(columns),
        instant_rule=rule,
        rows_read=len(rows),
        samples=_samples(per_minute, options.zone),
        summaries=_summaries(per_minute),
        start=per_minute.index[0].to_pydatetime() if len(per_minute) else None,
        end=per_minute.index[-1].to_pydatetime() if len(per_minute) else None,
        minutes=len(per_minute),
        missing_minutes=tuple(m.to_pydatetime() for m in missing),
        missing_count=missing_count,
        warnings=tuple(warnings),
        preview=_preview(frame, times),
        mismatch=mismatch,
        shift_days=options.shift_days,
    )
    step(1.0)
    return result


def _preset(options: ImportOptions, table: Table) -> Preset | None:
    if options.preset:
        return PRESETS[options.preset]
    return detect_preset(table.headers)


def _time_column(table: Table, preset: Preset | None) -> int:
    names = [normalise(header)[0] for header in table.headers]
    if preset is not None and preset.time_column in names:
        return names.index(preset.time_column)
    for position, header in enumerate(table.headers):
        if is_time_name(header):
            return position
    first = table.rows.iloc[0] if len(table.rows) else pd.Series(dtype=object)
    for position in range(len(table.headers)):
        if position < len(first) and looks_like_time(first.iloc[position]):
            return position
    raise ImportRefused("no_header", file=table.file_name, rows=SCAN_ROWS)


def _columns(
    table: Table, preset: Preset | None, options: ImportOptions, time_column: int
) -> list[Column]:
    columns = []
    for position, header in enumerate(table.headers):
        name = normalise(header)[0]
        rule, source = None, ""
        if position == time_column:
            pass
        elif options.columns is not None and position in options.columns:
            rule, source = options.columns[position], "user"
        elif preset is not None and name in preset.columns:
            rule, source = _with_unit(preset.columns[name], header), "preset"
        elif (by_name := rule_by_name(header)) is not None:
            rule, source = by_name, "name"
        columns.append(Column(position, header, rule, source if rule else ""))
    return columns


def _with_unit(rule: ColumnRule, header: str) -> ColumnRule:
    """A preset's rule, with the scale the header's own unit gives ("成交金额(万元)")."""
    by_name = rule_by_name(header)
    if normalise(header)[1] and by_name is not None and by_name.metric == rule.metric:
        return ColumnRule(rule.metric, rule.kind, by_name.scale)
    return rule


def _refuse_unmapped(table: Table, mapped: list[Column]) -> None:
    if not mapped:
        headers = ", ".join(h for h in table.headers if h) or "none"
        raise ImportRefused("no_metrics", file=table.file_name, columns=headers)
    seen: dict[str, str] = {}
    for column in mapped:
        metric = column.imported.metric
        if metric in seen:
            raise ImportRefused(
                "two_columns_one_metric",
                file=table.file_name,
                first=seen[metric],
                second=column.header,
                metric=metric,
            )
        seen[metric] = column.header


def _total_rows(rows: pd.DataFrame, time_column: int) -> pd.Index:
    """Rows whose time cell or first cell says 合计, 总计, 汇总 or Total.

    Only the first and last few rows are looked at: that is where exports put totals, and
    reading a million cells for the word costs seconds. A total in the middle of the data is
    still caught, as a time cell that is not a time.
    """

    def is_total(cell: object) -> bool:
        if not isinstance(cell, str):
            return False
        text = unicodedata.normalize("NFKC", cell).strip().lower().replace(" ", "")
        return text.startswith(TOTAL_WORDS)

    ends = (
        rows.iloc[:_TOTAL_SCAN]
        if len(rows) <= 2 * _TOTAL_SCAN
        else pd.concat([rows.iloc[:_TOTAL_SCAN], rows.iloc[-_TOTAL_SCAN:]])
    )
    columns = {time_column, 0} & set(rows.columns)
    return pd.Index(
        [row for row, cells in ends.iterrows() if any(is_total(cells[c]) for c in columns)]
    )


def _file_day(table: Table, preset: Preset | None) -> date | None:
    """The date a date column gives (session_date, 日期), for times without one."""
    for position, header in enumerate(table.headers):
        wanted = preset is not None and normalise(header)[0] == preset.date_column
        if not (wanted or is_date_name(header)):
            continue
        cells = table.rows[position].dropna()
        if cells.empty:
            continue
        first = cells.iloc[0]
        if isinstance(first, datetime):
            return first.date()
        text = unicodedata.normalize("NFKC", str(first)).strip().replace("/", "-")
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            continue
    return None


def _times(table: Table, cells: pd.Series, context: TimeContext) -> pd.Series:
    column = table.headers[cells.name]  # type: ignore[call-overload]  # a position; Hashable to pandas-stubs
    try:
        times = local_times(cells, context)
    except TimeCellError as error:
        where = {"file": table.file_name, "row": error.row, "column": column}
        if error.value is None:
            raise ImportRefused("no_time", **where) from None
        code = "no_date" if error.missing_date else "not_a_time"
        raise ImportRefused(code, **where, value=_cut(str(error.value))) from None
    # A year 9999 reads as a time but no show has it, and every figure after would fail on it.
    outside = (times < FIRST_SHOW_TIME) | (times >= LAST_SHOW_TIME)
    if outside.any():
        row = outside.idxmax()
        raise ImportRefused(
            "time_out_of_range",
            file=table.file_name,
            row=row,
            column=column,
            value=_cut(str(cells.loc[row])),  # type: ignore[call-overload]  # pandas-stubs: no Hashable
            first=FIRST_SHOW_TIME.year,
            last=LAST_SHOW_TIME.year - 1,
        )
    return times


def _values(table: Table, cells: pd.Series, column: Column) -> pd.Series:
    """A metric column in stored units (counts, fen): whole numbers held as float64, NaN where
    missing. Sums of whole floats are exact far beyond any show's GMV in fen (2**53)."""
    try:
        read = numbers(cells)
    except CellError as error:
        value = _written(table, cells, error.row)
        # pandas reads "1e400" (or 400 digits) as inf: a number, too big, not a word like "inf"
        too_big = isinstance(error.value, float) and _AS_NUMBER.fullmatch(value)
        raise ImportRefused(
            "number_out_of_range" if too_big else "not_a_number",
            file=table.file_name,
            row=error.row,
            column=column.header,
            value=value,
            **(
                {"limit": _amount(column.imported.metric, int(MAX_MINUTE_VALUE))} if too_big else {}
            ),
        ) from None
    scaled = read * float(column.imported.scale)
    metric = column.imported.metric
    # A minute's count or amount past MAX_MINUTE_VALUE is no show's: refused with the cell,
    # before it can overflow a sum or be stored as a figure no one can trust. And every metric
    # is a count (viewers, orders, likes …) or an amount paid or spent (GMV, ad spend): none is
    # a net change that could fall below zero. Entries and exits are separate counts, new
    # followers counts follows (not follows less unfollows), and refunds are not in a minute's
    # GMV. So a negative cell is a wrong file, not a figure.
    for wrong, code, figures in (
        (scaled.abs() > MAX_MINUTE_VALUE, "number_out_of_range",
         {"limit": _amount(metric, int(MAX_MINUTE_VALUE))}),
        (scaled < 0, "negative_number", {"metric": metric}),
    ):  # fmt: skip
        wrong = wrong.fillna(False)
        if wrong.any():
            row = wrong.idxmax()
            value = _written(table, cells, row)
            raise ImportRefused(
                code, file=table.file_name, row=row, column=column.header, value=value, **figures
            )
    # Half up, as to_fen does: exports round amounts for display, never below a fen.
    rounded: pd.Series = np.floor(scaled + 0.5)
    return rounded


def _written(table: Table, cells: pd.Series, row: object) -> str:
    """A cell as a message quotes it: as the file writes it, cut when it is long (400 digits)."""
    if table.written is not None:
        text = table.written(int(row), int(cells.name))  # type: ignore[call-overload]  # labels: ints
    else:
        cell = cells.loc[row]  # type: ignore[call-overload]  # pandas-stubs take no `object` label
        text = cell if isinstance(cell, str) else str(cell)
    return _cut(text)


def _cut(text: str) -> str:
    """A long cell (400 digits) cut for a one-line message, saying how long it is."""
    if len(text) > _SHOWN_CHARS:
        return f"{text[:_SHOWN_CHARS]}… ({len(text)} characters)"
    return text


def _time_text(moment: pd.Timestamp) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S").removesuffix(":00")


def _drop_duplicates(
    table: Table,
    frame: pd.DataFrame,
    times: pd.Series,
    mapped: list[Column],
    warnings: list[Problem],
) -> tuple[pd.DataFrame, pd.Series]:
    """Rows at one time: exact repeats are dropped with a warning, different ones refused."""
    backwards = times.diff() < pd.Timedelta(0)
    if backwards.any():
        at = int(np.argmax(backwards.to_numpy()))
        raise ImportRefused(
            "time_backwards",
            file=table.file_name,
            row=times.index[at],
            time=_time_text(times.iloc[at]),
            previous=_time_text(times.iloc[at - 1]),
            previous_row=times.index[at - 1],
        )
    # Times no longer run backwards, so rows at one time are neighbours.
    repeated = (times.diff() == pd.Timedelta(0)).to_numpy()
    if not repeated.any():
        return frame, times
    same_time = pd.Series(repeated | np.roll(repeated, -1), index=times.index)
    keyed = frame.assign(_time=times)
    repeats = keyed.duplicated(keep="first")
    conflicts = keyed[same_time & ~repeats]
    clashing = conflicts["_time"].duplicated(keep=False)
    if clashing.any():
        group = conflicts[conflicts["_time"] == conflicts["_time"][clashing].iloc[0]]
        first, second = group.iloc[0], group.iloc[1]
        for column in mapped:
            metric = column.imported.metric
            if not (pd.isna(first[metric]) and pd.isna(second[metric])) and not (
                first[metric] == second[metric]
            ):
                raise ImportRefused(
                    "conflicting_rows",
                    file=table.file_name,
                    first_row=group.index[0],
                    row=group.index[1],
                    time=_time_text(first["_time"]),
                    column=column.header,
                    first_value=_cell_text(table, group.index[0], column),
                    value=_cell_text(table, group.index[1], column),
                )
    if repeats.any():
        warnings.append(
            Problem(
                "duplicates_dropped",
                {"count": int(repeats.sum()), "row": int(frame.index[repeats.to_numpy()][0])},
            )
        )
    return frame[~repeats], times[~repeats]


def _cell_text(table: Table, row: object, column: Column) -> str:
    if table.written is not None:
        return table.written(int(row), column.position)  # type: ignore[call-overload]  # an int label
    cell = table.rows.at[row, column.position]
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))  # pandas read "999" as 999.0
    return "" if pd.isna(cell) else str(cell)  # type: ignore[arg-type]  # pandas-stubs: .at and isna differ


def _refuse_falling_totals(table: Table, frame: pd.DataFrame, mapped: list[Column]) -> None:
    for column in mapped:
        if column.imported.kind is not MetricKind.CUMULATIVE:
            continue
        series = frame[column.imported.metric].dropna()
        falls = series.diff() < 0
        if falls.any():
            at = int(np.argmax(falls.to_numpy()))
            raise ImportRefused(
                "running_total_falls",
                file=table.file_name,
                row=series.index[at],
                column=column.header,
                previous=_cell_text(table, series.index[at - 1], column),
                value=_cell_text(table, series.index[at], column),
            )


def _far_from_show(
    table: Table,
    frame: pd.DataFrame,
    times: pd.Series,
    options: ImportOptions,
    warnings: list[Problem],
) -> tuple[pd.DataFrame, pd.Series]:
    """Rows more than a day from the show (one mistyped year would stretch the minutes over
    decades): left out with a warning when they are a few, refused when they are most of a file
    that is partly the show's. A file wholly of another time is DateMismatch's question."""
    if options.planned is None or not len(times):
        return frame, times
    show_start, show_end = _show_span(options)
    far = ((times < show_start - SHOW_MARGIN) | (times >= show_end + SHOW_MARGIN)).to_numpy()
    count = int(far.sum())
    if not count:
        return frame, times
    first = int(np.argmax(far))
    shown = "%Y-%m-%d %H:%M"
    params = {
        "count": count,
        "row": int(times.index[first]),
        "time": _time_text(times.iloc[first]),
        "show_start": show_start.strftime(shown),
        "show_end": show_end.strftime(shown),
    }
    if count == len(times):
        return frame, times  # another time altogether: told as DateMismatch
    if options.keep_dates:
        warnings.append(Problem("far_minutes_kept", params))
        return frame, times
    if count * 2 > len(times):
        raise ImportRefused("far_from_show", file=table.file_name, rows=len(times), **params)
    warnings.append(Problem("far_minutes_dropped", params))
    return frame[~far], times[~far]


def _show_span(options: ImportOptions) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The show's local time from the earliest start to the latest end, planned or run."""
    assert options.planned is not None
    shows = [options.planned] + ([options.ran] if options.ran is not None else [])
    local = [
        pd.Timestamp(moment.astimezone(options.zone).replace(tzinfo=None))
        for span in shows
        for moment in span
    ]
    return min(local), max(local)


def _refuse_no_figures(table: Table, frame: pd.DataFrame, mapped: list[Column]) -> None:
    """A file whose every metric cell is empty or "-" has nothing to import: storing it would
    replace a show's metrics with nothing. (One column of figures beside empty ones is read.)"""
    if not frame.notna().to_numpy().any():
        headers = ", ".join(f"“{column.header}”" for column in mapped)
        raise ImportRefused("no_figures", file=table.file_name, columns=headers)


def _refuse_big_minutes(
    table: Table, per_minute: pd.DataFrame, times: pd.Series, mapped: list[Column]
) -> None:
    """A minute whose rows add up past MAX_MINUTE_VALUE (each row within it); refused with the
    sum and the rows, before an int64 could wrap around on it."""
    for column in mapped:
        metric = column.imported.metric
        beyond = (per_minute[metric].abs() > MAX_MINUTE_VALUE).fillna(False)
        if not beyond.any():
            continue
        minute = per_minute.index[int(np.argmax(beyond.to_numpy()))]
        rows = times.index[(times.dt.floor("min") == minute).to_numpy()]
        raise ImportRefused(
            "minute_out_of_range",
            file=table.file_name,
            time=_time_text(minute),
            first_row=int(rows[0]),
            row=int(rows[-1]),
            column=column.header,
            value=_amount(metric, round(float(per_minute[metric].loc[minute]))),
            limit=_amount(metric, int(MAX_MINUTE_VALUE)),
        )


def _missing_values(frame: pd.DataFrame, mapped: list[Column]) -> list[Problem]:
    warnings = []
    for column in mapped:
        count = int(frame[column.imported.metric].isna().sum())
        if count:
            cells = "cell is" if count == 1 else "cells are"
            params = {"column": column.header, "count": count, "cells": cells}
            warnings.append(Problem("missing_values", params))
    return warnings


def _per_minute(
    frame: pd.DataFrame, times: pd.Series, mapped: list[Column], rule: InstantRule
) -> pd.DataFrame:
    """One row per minute (local, naive): increments added, instants kept by `rule`, running
    totals as the increase since the minute before (the first minute: the total so far)."""
    minute = times.dt.floor("min")
    groups = frame.groupby(minute.to_numpy(), sort=True)
    out: dict[str, pd.Series] = {}
    for column in mapped:
        metric = column.imported.metric
        kind = column.imported.kind
        if kind is MetricKind.INCREMENT:
            out[metric] = groups[metric].sum(min_count=1)
        elif kind is MetricKind.INSTANT:
            out[metric] = groups[metric].max() if rule is InstantRule.MAX else groups[metric].last()
        else:
            last = groups[metric].last().dropna()
            out[metric] = last.diff().fillna(last)
    per_minute = pd.DataFrame(out)
    per_minute.index = pd.DatetimeIndex(per_minute.index)
    return per_minute


def _sub_minute(
    rows: int, per_minute: pd.DataFrame, mapped: list[Column], rule: InstantRule
) -> list[Problem]:
    if rows == len(per_minute):
        return []
    instants = [c.header for c in mapped if c.imported.kind is MetricKind.INSTANT]
    return [
        Problem(
            "sub_minute",
            {
                "rows": rows,
                "minutes": len(per_minute),
                "instants": ", ".join(instants) or "—",
                "rule": RULE_WORDS[rule.value],
            },
        )
    ]


def _amount(metric: str, value: int) -> str:
    if METRICS[metric].unit is MetricUnit.FEN:
        return format_yuan(value)
    return str(value)


def _total_differences(
    table: Table, totals: pd.DataFrame, frame: pd.DataFrame, mapped: list[Column]
) -> list[Problem]:
    """Total rows against the column sums, for columns that add up (not instants, not running
    totals): a difference beyond rounding means rows are missing or the file was edited."""
    warnings = []
    for row in totals.index:
        for column in mapped:
            if column.imported.kind is not MetricKind.INCREMENT:
                continue
            try:
                stated = _values(table, totals.loc[[row], column.position], column).iloc[0]
            except ImportRefused:
                continue  # a total cell that is not a number is left unchecked, not refused
            if pd.isna(stated):
                continue
            metric = column.imported.metric
            summed = int(frame[metric].sum())
            apart = abs(int(stated) - summed) / max(abs(summed), abs(int(stated)), 1)
            if apart > TOTAL_TOLERANCE:
                warnings.append(
                    Problem(
                        "total_row_differs",
                        {
                            "row": int(row),
                            "column": column.header,
                            "total": _amount(metric, int(stated)),
                            "sum": _amount(metric, summed),
                            "percent": f"{apart:.1%}",
                        },
                    )
                )
    return warnings


def _missing_minutes(minutes: pd.DatetimeIndex) -> tuple[int, list[pd.Timestamp]]:
    """How many minutes between the first and the last have no row, and the first of them (up
    to MAX_MISSING_LISTED). Counted from the gaps, never by listing every minute: rows kept
    decades apart (--keep-dates) would make a list of millions."""
    if len(minutes) < 2:
        return 0, []
    steps = np.diff(minutes.as_unit("ns").asi8) // _MINUTE_NS - 1
    count = int(steps.sum())
    listed: list[pd.Timestamp] = []
    for at in np.flatnonzero(steps):
        gap = min(int(steps[at]), MAX_MISSING_LISTED - len(listed))
        listed += [minutes[int(at)] + pd.Timedelta(minutes=k) for k in range(1, gap + 1)]
        if len(listed) >= MAX_MISSING_LISTED:
            break
    return count, listed


def _missing_minutes_warning(count: int, missing: list[pd.Timestamp]) -> Problem:
    listed = ", ".join(m.strftime("%H:%M") for m in missing[:_LISTED])
    if count > _LISTED:
        listed += f" … (+{count - _LISTED})"
    return Problem("missing_minutes", {"count": count, "minutes": listed})


def _mismatch(minutes: pd.DatetimeIndex, options: ImportOptions) -> DateMismatch | None:
    """The file against the show: None when its minutes overlap the planned time or the live
    run's, else what the user is asked to choose between (the export moved onto the show's day,
    or imported as it is). Not refused: shows do move, and a stream can be left running."""
    assert options.planned is not None

    def local(moment: datetime) -> datetime:
        return moment.astimezone(options.zone).replace(tzinfo=None)

    first = minutes[0].to_pydatetime()
    last = minutes[-1].to_pydatetime()
    shows = [options.planned] + ([options.ran] if options.ran is not None else [])
    for start, end in shows:
        if end <= start:  # no script yet, so no time: only its day can be checked
            if first.date() <= local(start).date() <= last.date():
                return None
        elif first < local(end) and last + timedelta(minutes=1) > local(start):
            return None
    show_start, show_end = (local(m) for m in options.ran or options.planned)
    return DateMismatch(first, last, show_start, show_end, (show_start.date() - first.date()).days)


def _outside_show(mismatch: DateMismatch) -> Problem:
    """The warning for a file kept at its dates: the same show time as the refusal gives (the
    live run's where it ran, else the plan's)."""
    shown = "%Y-%m-%d %H:%M"
    return Problem(
        "outside_show",
        {
            "start": mismatch.start.strftime(shown),
            "end": mismatch.end.strftime(shown),
            "show_start": mismatch.show_start.strftime(shown),
            "show_end": mismatch.show_end.strftime(shown),
        },
    )


def _samples(per_minute: pd.DataFrame, zone: ZoneInfo) -> pd.DataFrame:
    # Repeated clock times when clocks fall back were refused as time running backwards, so a
    # minute that is still ambiguous occurs once: it is taken as the first (summer) one.
    local = pd.DatetimeIndex(per_minute.index).tz_localize(
        zone, ambiguous=np.ones(len(per_minute), dtype=bool), nonexistent="shift_forward"
    )
    utc = per_minute.set_axis(local.tz_convert(UTC))
    long = (
        utc.rename_axis("minute")
        .reset_index()
        .melt(id_vars="minute", var_name="metric", value_name="value")
    )
    long = long.dropna(subset=["value"])
    return long.astype({"value": "int64"}).reset_index(drop=True)


def _summaries(per_minute: pd.DataFrame) -> dict[str, MetricSummary]:
    summaries = {}
    for metric in per_minute.columns:
        series = per_minute[metric].dropna()
        if series.empty:
            continue
        instant = METRICS[metric].kind is MetricKind.INSTANT
        peak_at = series.idxmax()
        summaries[metric] = MetricSummary(
            total=None if instant else int(series.sum()),
            peak=int(series.max()),
            peak_at=peak_at.to_pydatetime(),  # type: ignore[attr-defined]  # idxmax: any label
        )
    return summaries


def _preview(frame: pd.DataFrame, times: pd.Series) -> pd.DataFrame:
    head = frame.head(PREVIEW_ROWS).astype("Int64")
    return head.assign(time=times.head(PREVIEW_ROWS)).rename_axis("row").reset_index()
