"""The rows made into one value per metric per minute, checked against the show's time and a
minute's bounds, with the warnings about gaps, totals and sub-minute readings, and the summaries
and preview the import window shows."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from liveplanner.core.metrics import METRICS, MetricKind
from liveplanner.formats.metrics.presets import InstantRule
from liveplanner.formats.metrics.records import (
    MAX_MINUTE_VALUE,
    MAX_MISSING_LISTED,
    PREVIEW_ROWS,
    SHOW_MARGIN,
    TOTAL_TOLERANCE,
    Column,
    DateMismatch,
    ImportOptions,
    MetricSummary,
)
from liveplanner.formats.metrics.rows import _amount, _time_text, _values
from liveplanner.formats.metrics.tables import Table
from liveplanner.formats.problems import RULE_WORDS, ImportRefused, Problem

_LISTED = 5  # missing minutes named in the warning; the rest are counted
_MINUTE_NS = 60_000_000_000


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
