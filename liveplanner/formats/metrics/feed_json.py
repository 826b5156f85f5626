"""A collector's JSON lines made into live feed readings (core.live_feed): one object a line,
`{"minute": "2026-11-11T19:41:00+08:00", "online_viewers": 1234, "gmv": 5600.5}`.

Keys are the canonical metric names (core.metrics); each figure is the minute's, in the metric's
usual unit as exports give it (yuan for money, stored as fen), and a line sent again for the same
minute replaces it. null is a figure not given (never 0). A line is taken whole or refused whole,
with the key, value and what was expected: an unknown key (a typo such as "gvm") would otherwise
drop a figure without a word.
"""

import json
import math
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from liveplanner.core.live_feed import (
    MAX_VALUE,
    FeedProblem,
    Reading,
    Window,
    problem,
    shown,
    to_stored,
    usual_scale,
)
from liveplanner.core.metrics import METRICS
from liveplanner.core.plan import shown_time

MINUTE_KEY = "minute"
_EXAMPLE_TIME = "2026-11-11T19:41:00+08:00"


class _Constant(str):
    """NaN, Infinity or -Infinity as the line wrote it: refused as a figure, not read as one."""


def _loads(text: str) -> object:
    return json.loads(text, parse_constant=_Constant)


def json_readings(
    text: str, line: int, zone: ZoneInfo, window: Window
) -> list[Reading] | FeedProblem:
    """The readings of one line, or why it was refused."""
    try:
        found = _loads(text)
    except (ValueError, RecursionError) as error:
        reason = error.msg if isinstance(error, json.JSONDecodeError) else "nested too deep"
        return problem(line, "feed.not_json", reason=shown(reason), key=MINUTE_KEY)
    if not isinstance(found, dict):
        kind = f"a {type(found).__name__}, not an object"
        return problem(line, "feed.not_json", reason=kind, key=MINUTE_KEY)
    if MINUTE_KEY not in found:
        return problem(line, "feed.no_minute", key=MINUTE_KEY, example=_EXAMPLE_TIME)
    minute = _minute(found[MINUTE_KEY], line, zone, window)
    if isinstance(minute, FeedProblem):
        return minute
    readings: list[Reading] = []
    for key, value in found.items():
        if key == MINUTE_KEY:
            continue
        if key not in METRICS:
            known = ", ".join(METRICS)
            return problem(line, "feed.unknown_key", key=shown(key), minute=MINUTE_KEY, known=known)
        if value is None:
            continue
        stored = _figure(key, value)
        if isinstance(stored, str):
            return problem(line, stored, column=key, value=shown(value), **_expected(stored, key))
        readings.append(Reading(minute, key, stored))
    if not readings:
        return problem(line, "feed.no_figures")
    return readings


def _minute(value: object, line: int, zone: ZoneInfo, window: Window) -> datetime | FeedProblem:
    if not isinstance(value, str):
        return problem(
            line, "feed.bad_minute", column=MINUTE_KEY, value=shown(value), example=_EXAMPLE_TIME
        )
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return problem(
            line, "feed.bad_minute", column=MINUTE_KEY, value=shown(value), example=_EXAMPLE_TIME
        )
    return place(moment, zone, window, line, MINUTE_KEY, value)


def place(
    moment: datetime, zone: ZoneInfo, window: Window, line: int, column: str, value: object
) -> datetime | FeedProblem:
    """A feed's time (naive: in the show's zone) as its minute, or refused outside the run."""
    moment = moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)
    minute = window.place(moment)
    if minute is None:
        return problem(
            line,
            "feed.minute_outside",
            column=column,
            value=shown(value),
            first=shown_time(window.first.astimezone(zone)),
            last=shown_time(window.last.astimezone(zone)),
        )
    return minute


def _figure(metric: str, value: object) -> int | str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "feed.not_a_number"
    if isinstance(value, float) and math.isinf(value):
        return "feed.out_of_range"  # written as a number, past a float: 1e400
    amount = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
    return to_stored(metric, amount, usual_scale(metric))


def _expected(code: str, metric: str) -> dict[str, object]:
    """The figures a refusal of a value names beside it: the limit, or the metric."""
    if code == "feed.out_of_range":
        return {"limit": limit_shown(metric)}
    if code == "feed.negative":
        return {"metric": metric}
    return {}


def limit_shown(metric: str) -> str:
    """MAX_VALUE in the unit a feed gives the metric in (yuan for money)."""
    scale = usual_scale(metric)
    return f"{MAX_VALUE // int(scale):,}"
