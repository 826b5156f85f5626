"""The platform's figures while a show runs (issue 21): minutes a live feed brings, checked and
kept one value per minute and metric, and what a bad line was.

A feed is a file a screen logger keeps appending, a team's collector sending JSON lines, or
floor control typing a figure. Each gives readings; a reading either sets a minute's figure (the
latest word for a minute wins: a collector may send the minute again as it fills) or gives a
running total ("GMV so far"), which sets the minute to the total less the minutes before it.

Nothing here raises on bad input: a bad line is a FeedProblem, counted and kept among the last
few, and the minutes already kept stay as they were.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from itertools import groupby

from liveplanner.core.metrics import METRICS, MetricUnit
from liveplanner.core.money import format_yuan
from liveplanner.core.plan import in_show_years

# The bounds of every feed, whatever brings it.
MAX_LINE_CHARS = 4_000  # a line: a JSON object of every metric is a few hundred characters
MAX_LINES = 10_000  # lines taken in one call; the rest is refused, to be sent again
MAX_TEXT_CHARS = MAX_LINES * 200  # one call's text (an HTTP body), read no further
REASONS_KEPT = 5  # the last bad lines' reasons a screen shows
# A minute's figure, as the importer bounds it (formats.metrics.records.MAX_MINUTE_VALUE): a
# trillion counts or fen (¥10 billion), beyond any show's minute; also a running total's bound.
MAX_VALUE = 10**12
# Minutes a run can have: from a while before its start (a logger started before the timer) to a
# little past the present (a collector's clock slightly ahead); a minute outside is another day's
# or another show's, or a clock set wrong, and is refused.
EARLY = timedelta(hours=2)
AHEAD = timedelta(minutes=5)


class How(StrEnum):
    SET = "set"  # the minute's figure
    TOTAL = "total"  # a running total so far: the minute is what it adds to the minutes before


@dataclass(frozen=True, slots=True)
class Reading:
    minute: datetime  # aware UTC, on the minute
    metric: str  # a canonical name (core.metrics)
    value: int  # counts, or fen for money
    how: How = How.SET


@dataclass(frozen=True, slots=True)
class FeedProblem:
    """Why a line was not taken: a catalogue code (app/messages/feed.py) and its figures, which
    name the line, the column or key, the value and what was expected."""

    line: int  # 1-based within its call or file; 0 for the feed as a whole
    code: str
    figures: Mapping[str, object]
    lines: int = 1  # the lines it refuses (0: the feed as a whole, no line of it)


@dataclass(frozen=True, slots=True)
class FeedCount:
    """What one call (or one poll of a file) did: lines taken, lines refused, the figures kept
    and the last few reasons."""

    taken: int = 0
    bad: int = 0
    kept: int = 0  # minute figures written
    reasons: tuple[FeedProblem, ...] = ()


@dataclass
class Tally:
    """A feed's lines counted since it started, with the last REASONS_KEPT reasons."""

    taken: int = 0
    bad: int = 0
    reasons: list[FeedProblem] = field(default_factory=list)

    def add(self, count: FeedCount) -> None:
        self.taken += count.taken
        self.bad += count.bad
        self.reasons = [*self.reasons, *count.reasons][-REASONS_KEPT:]


def problem(line: int, code: str, **figures: object) -> FeedProblem:
    """A problem of one line (line 0: of the feed as a whole, no line counted)."""
    return FeedProblem(line, code, figures, 1 if line > 0 else 0)


def lines_problem(line: int, code: str, lines: int, **figures: object) -> FeedProblem:
    """A problem refusing `lines` lines from `line` on (said once), named in its figures."""
    return FeedProblem(line, code, {**figures, "lines": lines}, lines)


def shown(value: object) -> str:
    """A value as a one-line reason quotes it: printable, cut when long."""
    text = value if isinstance(value, str) else repr(value)
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= 40 else f"{text[:40]}… ({len(text)} characters)"


def to_stored(metric: str, amount: Decimal, scale: Decimal) -> int | str:
    """A number in a feed's unit as the stored integer (fen for money, half up as imports
    round), or the code of why it cannot be: past MAX_VALUE, or below zero (no metric is a net
    change: core.metrics)."""
    try:
        scaled = amount * scale
        if not scaled.is_finite():
            return "feed.not_a_number"
        if abs(scaled) > MAX_VALUE:
            return "feed.out_of_range"
        stored = int(scaled.to_integral_value(rounding="ROUND_HALF_UP"))
    except InvalidOperation:
        return "feed.not_a_number"
    return "feed.negative" if stored < 0 else stored


def usual_scale(metric: str) -> Decimal:
    """A figure's factor when the feed gives it in the metric's usual unit: yuan to fen."""
    return Decimal(100) if METRICS[metric].unit is MetricUnit.FEN else Decimal(1)


@dataclass(frozen=True, slots=True)
class Window:
    """The minutes a run can have: EARLY before its start to AHEAD past now."""

    first: datetime
    last: datetime

    @classmethod
    def of_run(cls, started: datetime, now: datetime) -> "Window":
        return cls(on_minute(started - EARLY), on_minute(now + AHEAD))

    def place(self, moment: datetime) -> datetime | None:
        """The moment's minute in UTC, or None when no show or not this run has it."""
        if not in_show_years(moment):
            return None
        minute = on_minute(moment)
        return minute if self.first <= minute <= self.last else None


def shown_figure(metric: str, value: int) -> str:
    """A stored figure as a feed gives it: yuan for money, else the count."""
    if METRICS[metric].unit is MetricUnit.FEN:
        return format_yuan(value)
    return f"{value:,}"


def on_minute(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(second=0, microsecond=0)


class FeedMinutes:
    """A run's minutes as the feed left them: metric -> minute -> value. `put` takes readings
    and says which figures changed, to be written."""

    def __init__(self, stored: Iterable[tuple[datetime, str, int]] = ()) -> None:
        self.values: dict[str, dict[datetime, int]] = {}
        for minute, metric, value in stored:
            self.values.setdefault(metric, {})[minute] = value

    def put(
        self, readings: Iterable[tuple[int, Reading]]
    ) -> tuple[dict[tuple[datetime, str], int], list[FeedProblem]]:
        """Take (line, reading) pairs, a line's readings together and in order; the changed
        (minute, metric) figures, and the problems of lines refused whole (a running total
        below what the minutes before it hold)."""
        changed: dict[tuple[datetime, str], int] = {}
        problems: list[FeedProblem] = []
        for line, group in groupby(readings, key=lambda pair: pair[0]):
            figures: dict[tuple[datetime, str], int] = {}
            for _, reading in group:
                value = self._value(reading)
                if isinstance(value, FeedProblem):
                    problems.append(FeedProblem(line, value.code, value.figures))
                    break
                figures[(reading.minute, reading.metric)] = value
            else:
                for (minute, metric), value in figures.items():
                    minutes = self.values.setdefault(metric, {})
                    if minutes.get(minute) != value:
                        minutes[minute] = value
                        changed[(minute, metric)] = value
        return changed, problems

    def _value(self, reading: Reading) -> int | FeedProblem:
        if reading.how is How.SET:
            return reading.value
        minutes = self.values.get(reading.metric, {})
        before = sum(v for m, v in minutes.items() if m < reading.minute)
        if reading.value < before:
            return problem(
                0,
                "feed.total_falls",
                column=reading.metric,
                value=shown_figure(reading.metric, reading.value),
                counted=shown_figure(reading.metric, before),
            )
        return reading.value - before

    def series(self, metric: str) -> list[tuple[datetime, int]]:
        return sorted(self.values.get(metric, {}).items())
