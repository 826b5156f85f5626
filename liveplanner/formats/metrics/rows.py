"""An export's rows as the import reads them: each column's metric (the preset's, by name, or
the user's), total rows set apart, the times and the numbers of each row, and rows that repeat
or contradict one another, refused or dropped with a warning."""

import re
import unicodedata
from datetime import date, datetime

import numpy as np
import pandas as pd

from liveplanner.core.metrics import METRICS, MetricKind, MetricUnit
from liveplanner.core.money import format_yuan
from liveplanner.formats.cells import CellError, numbers
from liveplanner.formats.export_columns import is_total
from liveplanner.formats.export_columns import shown_cell as _cut
from liveplanner.formats.headers import normalise
from liveplanner.formats.metrics.header_words import rule_by_words
from liveplanner.formats.metrics.presets import (
    PRESETS,
    ColumnRule,
    Preset,
    detect_preset,
    is_date_name,
    is_time_name,
    rule_by_name,
)
from liveplanner.formats.metrics.records import (
    FIRST_SHOW_TIME,
    LAST_SHOW_TIME,
    MAX_MINUTE_VALUE,
    Column,
    ImportOptions,
)
from liveplanner.formats.metrics.tables import Table
from liveplanner.formats.metrics.times import (
    TimeCellError,
    TimeContext,
    local_times,
    looks_like_time,
)
from liveplanner.formats.problems import ImportRefused, Problem
from liveplanner.formats.sheets import SCAN_ROWS

_TOTAL_SCAN = 5  # rows at each end looked at for a total row
_AS_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


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
    return _by_words(columns, options, time_column)


def _by_words(columns: list[Column], options: ImportOptions, time_column: int) -> list[Column]:
    """Columns no name, layout or user read, read by a metric's name among their words
    (header_words), where that metric is no other column's and no other such column claims it:
    a weaker reading never takes a metric from a surer one, nor refuses a file for two."""
    chosen = {options.columns[p] for p in options.columns} if options.columns else set()
    taken = {c.rule.metric for c in columns if c.rule is not None}
    taken |= {rule.metric for rule in chosen if rule is not None}
    open_positions = [
        c.position
        for c in columns
        if c.rule is None
        and c.position != time_column
        and not (options.columns is not None and c.position in options.columns)
    ]
    claims: dict[str, list[tuple[int, ColumnRule]]] = {}
    for position in open_positions:
        rule = rule_by_words(columns[position].header)
        if rule is not None and rule.metric not in taken:
            claims.setdefault(rule.metric, []).append((position, rule))
    for found in claims.values():
        if len(found) == 1:
            position, rule = found[0]
            columns[position] = Column(position, columns[position].header, rule, "words")
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
        if error.share:
            raise ImportRefused(
                "share_not_a_figure",
                file=table.file_name,
                row=error.row,
                column=column.header,
                value=value,
                metric=column.imported.metric,
            ) from None
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


def _amount(metric: str, value: int) -> str:
    if METRICS[metric].unit is MetricUnit.FEN:
        return format_yuan(value)
    return str(value)
