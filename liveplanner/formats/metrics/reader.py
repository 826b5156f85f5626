"""A platform's minute-by-minute export made into tidy samples (minute, metric, value), or a
refusal that names the file, row, column and value.

The steps: read the table (tables.py), choose each column's metric (presets.py, or the user's
mapping), drop total rows and check them against the sums, read the times (times.py) and the
numbers (cells.py), refuse time running backwards and conflicting rows, then make one value per
minute: increments added up, running totals turned into increments, and instantaneous readings
(online viewers) kept by the highest or the last reading. Nothing is stored here.

This module runs the steps in order; rows.py reads the rows, minutes.py makes the minutes, and
records.py holds the options, the result and the bounds.
"""

import pandas as pd

from liveplanner.formats.metrics.minutes import (
    _far_from_show,
    _mismatch,
    _missing_minutes,
    _missing_minutes_warning,
    _missing_values,
    _outside_show,
    _per_minute,
    _preview,
    _refuse_big_minutes,
    _refuse_no_figures,
    _samples,
    _sub_minute,
    _summaries,
    _total_differences,
)
from liveplanner.formats.metrics.presets import InstantRule, Preset, is_date_name
from liveplanner.formats.metrics.records import Column, ImportOptions, MetricsImport, Progress
from liveplanner.formats.metrics.rows import (
    _columns,
    _drop_duplicates,
    _file_day,
    _preset,
    _refuse_falling_totals,
    _refuse_unmapped,
    _time_column,
    _times,
    _total_rows,
    _values,
)
from liveplanner.formats.metrics.tables import Table, read_table
from liveplanner.formats.metrics.times import TimeContext
from liveplanner.formats.problems import ImportRefused, Problem


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
