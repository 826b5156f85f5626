"""The lines of a CSV file that a screen logger or an export tool keeps appending, made into live
feed readings (core.live_feed) as they arrive.

The first line is the header, read as a whole export's is: a known layout (presets.py), else
each column by its name or its words, with the unit its bracket names ("成交金额(万元)"). Each
later line is one row: its time (a full date-time, or a clock time on the run's date, crossing
midnight as imports do) and its figures (1.2万, 1,234, "-" for none). Several rows in one minute
become the minute's figure as an import makes it: increments added up, readings kept by the
layout's rule (the highest or the last), running totals as what they add to the minutes before.
"""

import csv
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pandas as pd

from liveplanner.core.live_feed import FeedProblem, How, Reading, Window, problem, shown, to_stored
from liveplanner.core.metrics import METRICS, MetricKind
from liveplanner.formats.cells import CellError, parse_number
from liveplanner.formats.export_columns import is_total
from liveplanner.formats.metrics.feed_json import limit_shown, place
from liveplanner.formats.metrics.presets import (
    PRESETS,
    ColumnRule,
    InstantRule,
    Preset,
    detect_preset,
    held_rule,
)
from liveplanner.formats.metrics.records import Column, ImportOptions
from liveplanner.formats.metrics.rows import _columns, _refuse_unmapped, _time_column
from liveplanner.formats.metrics.tables import Table
from liveplanner.formats.metrics.times import HALF_DAY, TimeCellError, TimeContext, _naive
from liveplanner.formats.problems import ImportRefused

_EXAMPLE_TIME = "2026-11-11 19:41"
_EXPONENT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d{1,6}")


def cells_of(text: str) -> list[str] | str:
    """One line's cells (a quote left open takes the rest of the line as its cell), or why the
    line is no row (a NUL, a line break inside it)."""
    try:
        return next(csv.reader([text]), [])
    except csv.Error as error:
        return str(error)


@dataclass
class CsvFeed:
    """One growing file's reading: its header's columns, and the minutes its rows made so far
    (a file read again from its start begins a new CsvFeed)."""

    file_name: str
    zone: ZoneInfo
    day: datetime  # the run's start: the date of clock times without one
    preset_name: str | None = None
    # The user's mapping, as an import's (app.metrics.MetricsRequest.mapping): (header, a
    # metric's name, "NAME:cumulative", or None to leave the column out).
    mapping: tuple[tuple[str, str | None], ...] = ()
    headers: list[str] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    time_column: int = -1
    rule: InstantRule = InstantRule.MAX
    _width: int = 0
    _kept: dict[tuple[datetime, str], int] = field(default_factory=dict)
    _days_added: int = 0
    _previous: datetime | None = None

    def new_run(self, started: datetime) -> None:
        """Go on with the file's next rows for another run: its date, and no minutes yet."""
        self.day, self._kept, self._days_added, self._previous = started, {}, 0, None

    @property
    def has_header(self) -> bool:
        return self.time_column >= 0

    def header(self, text: str) -> FeedProblem | None:
        """Read the header line; why the file cannot be read, else None."""
        cells = cells_of(text)
        if isinstance(cells, str):
            return problem(1, "feed.bad_row", reason=shown(cells))
        headers = [cell.strip() for cell in cells]
        table = Table(self.file_name, "", headers, 1, pd.DataFrame())
        preset: Preset | None = (
            PRESETS.get(self.preset_name) if self.preset_name else detect_preset(headers)
        )
        try:
            time_column = _time_column(table, preset)
            rules = self._mapped(headers, time_column)
            if isinstance(rules, FeedProblem):
                return rules
            options = ImportOptions(zone=self.zone, columns=rules)
            columns = _columns(table, preset, options, time_column)
            _refuse_unmapped(table, [c for c in columns if c.rule is not None])
        except ImportRefused as refused:
            if refused.problem.code == "two_columns_one_metric":
                return problem(1, "feed.two_columns", **refused.problem.params)
            named = shown(", ".join(headers))
            example = "时间,在线人数,成交金额"
            return problem(1, "feed.no_header", file=self.file_name, columns=named, example=example)
        self.headers = headers
        self.columns = [c for c in columns if c.rule is not None]
        self.time_column, self._width = time_column, len(headers)
        self.rule = preset.instant_rule if preset is not None else InstantRule.MAX
        return None

    def _mapped(
        self, headers: list[str], time_column: int
    ) -> dict[int, ColumnRule | None] | FeedProblem | None:
        """The user's mapping by position, or why it does not fit the header."""
        if not self.mapping:
            return None
        positions = {header: position for position, header in enumerate(headers)}
        rules: dict[int, ColumnRule | None] = {}
        for header, held in self.mapping:
            position = positions.get(header.strip())
            where = {"file": self.file_name, "header": shown(header)}
            if position is None:
                return problem(1, "metrics.map_no_column", **where, columns=", ".join(headers))
            if position == time_column:
                return problem(1, "metrics.map_time_column", **where)
            rule = None if held is None else held_rule(held, header)
            if held is not None and rule is None:
                return problem(
                    1, "metrics.map_no_metric", metric=shown(held), known=", ".join(METRICS)
                )
            rules[position] = rule
        return rules

    def readings(self, text: str, line: int, window: Window) -> list[Reading] | FeedProblem:
        """One row's readings, or why it was refused (it then changes nothing)."""
        cells = cells_of(text)
        if isinstance(cells, str):
            return problem(line, "feed.bad_row", reason=shown(cells))
        if not any(cell.strip() for cell in cells):
            return []
        if len(cells) != self._width:
            return problem(line, "feed.cells", count=len(cells), expected=self._width)
        time_cell = cells[self.time_column].strip()
        if is_total(time_cell) or is_total(cells[0]):
            return []  # a total row: the minutes carry its figures already
        minute = self._minute(time_cell, line, window)
        if isinstance(minute, FeedProblem):
            return minute
        found: list[tuple[Column, int]] = []
        for column in self.columns:
            cell = cells[column.position].strip()
            value = self._figure(column, cell)
            if isinstance(value, str):
                metric = column.imported.metric
                figures: dict[str, object] = {"column": shown(column.header), "value": shown(cell)}
                if value == "feed.out_of_range":
                    figures["limit"] = limit_shown(metric)
                elif value == "feed.negative":
                    figures["metric"] = metric
                return problem(line, value, **figures)
            if value is not None:
                found.append((column, value))
        if not found:
            return problem(line, "feed.no_figures")
        return [self._keep(minute, column, value) for column, value in found]

    def _minute(self, cell: str, line: int, window: Window) -> datetime | FeedProblem:
        header = shown(self.headers[self.time_column])
        try:
            moment, dated = _naive(cell, TimeContext(self.zone, self.day.date()))
        except TimeCellError:
            return problem(
                line, "feed.bad_minute", column=header, value=shown(cell), example=_EXAMPLE_TIME
            )
        crossed = False
        if not dated:  # a clock time: past midnight once it falls back by more than half a day
            moment += timedelta(days=self._days_added)
            crossed = self._previous is not None and self._previous - moment > HALF_DAY
            moment += timedelta(days=int(crossed))
        placed = place(moment, self.zone, window, line, header, cell)
        if not dated and not isinstance(placed, FeedProblem):
            self._days_added += int(crossed)
            self._previous = moment
        return placed

    @staticmethod
    def _figure(column: Column, cell: str) -> int | str | None:
        if cell.endswith(("%", "％")):
            return "feed.not_a_number"  # a share is no minute's count or amount
        try:
            # Written with an exponent (1e40) as pandas reads it in an import; else as people do.
            amount = Decimal(cell) if _EXPONENT.fullmatch(cell) else parse_number(cell)
        except CellError:
            return "feed.not_a_number"
        if amount is None:
            return None
        return to_stored(column.imported.metric, amount, Decimal(column.imported.scale))

    def _keep(self, minute: datetime, column: Column, value: int) -> Reading:
        metric, kind = column.imported.metric, column.imported.kind
        if kind is MetricKind.CUMULATIVE:
            return Reading(minute, metric, value, How.TOTAL)
        key = (minute, metric)
        if kind is MetricKind.INCREMENT:
            value += self._kept.get(key, 0)
        elif self.rule is InstantRule.MAX and key in self._kept:
            value = max(value, self._kept[key])
        self._kept[key] = value
        return Reading(minute, metric, value)
