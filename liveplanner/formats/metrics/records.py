"""What a metrics import is asked (ImportOptions) and what it gives (MetricsImport: the samples,
each column's metric, summaries, warnings, a date that does not match the show), with the
bounds every import holds a file to."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pandas as pd

from liveplanner.core import plan
from liveplanner.formats.metrics.presets import ColumnRule, InstantRule, Preset
from liveplanner.formats.problems import Problem

TOTAL_TOLERANCE = 0.005  # a total row may differ from the sum by rounding, not by more
PREVIEW_ROWS = 200
MAX_MISSING_LISTED = 1_000  # missing minutes kept in MetricsImport.missing_minutes

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
    source: str  # "preset", "name", "words", "user", or "" when the column is not imported

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
