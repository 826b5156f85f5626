"""A run log's events on one clock: monotonic time within a session, wall time across sessions.

A session is one process timing the run. It begins with a `started` event: the run's first, and
one more each time an interrupted run is resumed after the app was closed or crashed. Within a
session the monotonic clock alone says how far apart two events are, so a wall clock set back or
forward mid-show (by hand, by NTP, in steps too small to be logged as a jump) changes nothing.
Across sessions the monotonic clocks are unrelated (another process, perhaps another boot or
computer): the time the app was down is what the wall clock says passed, never less than none.
A segment running when the app went down has kept running over that time (the show went on);
a paused one stayed paused.

A log written before sessions were marked has no `started` after its first event: there a
monotonic clock going back (a reboot) begins a new session. Times are never negative and never
beyond MAX_RUN_S, whatever the log holds; a wall time no show can have (a computer's clock not
yet set, a damaged row) is no measure of anything.
"""

import math
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from liveplanner.core.enums import RunEventKind
from liveplanner.core.plan import FIRST_SHOW_TIME, LAST_SHOW_TIME, in_show_years
from liveplanner.core.runlog import RunEvent

# However long a run is left open and resumed, its clock stops here: figures stay in range.
MAX_RUN_S = 7 * 24 * 3600
# The wall times a show can have (core.plan): a clock reading 1970 or 9999 says nothing about
# when the show ran.
EARLIEST = FIRST_SHOW_TIME.replace(tzinfo=UTC)
LATEST = LAST_SHOW_TIME.replace(tzinfo=UTC)


def run_seconds(events: Sequence[RunEvent]) -> list[float]:
    """Each event's time since the run's first event, in seconds: never less than the one
    before, never more than MAX_RUN_S."""
    times: list[float] = []
    at, before = 0.0, None
    for event in events:
        if before is not None:
            at = min(at + _apart(before, event), MAX_RUN_S)
        times.append(at)
        before = event
    return times


def run_moments(events: Sequence[RunEvent]) -> list[datetime]:
    """Each event's time as a moment: the first event's wall time plus the run's seconds (the
    first event with a wall time a show can have, when the first has none)."""
    if not events:
        return []
    seconds = run_seconds(events)
    trusted = [(e.wall_time, s) for e, s in zip(events, seconds, strict=True) if _plausible(e)]
    if trusted:
        wall, at = trusted[0]
        anchor = wall - timedelta(seconds=at)
    else:
        anchor = min(max(events[0].wall_time, EARLIEST), LATEST)  # every wall time is nonsense
    return [anchor + timedelta(seconds=s) for s in seconds]


def resumed_at(events: Sequence[RunEvent], last_s: float, wall: datetime) -> float:
    """The run's seconds at `wall`, as a new session begins: the last event's (`last_s`) plus
    the wall time since it, which a clock set back while the app was down does not make less."""
    if not events:
        return 0.0
    return min(last_s + _wall_gap(events[-1].wall_time, wall), MAX_RUN_S)


def _apart(before: RunEvent, event: RunEvent) -> float:
    step = event.monotonic_s - before.monotonic_s  # NaN or infinite from a damaged row
    if event.kind is not RunEventKind.STARTED and math.isfinite(step) and step >= 0:
        return step
    return _wall_gap(before.wall_time, event.wall_time)


def _wall_gap(before: datetime, after: datetime) -> float:
    """Seconds from one wall time to a later one; none when the wall clock went back, or when
    either is a time no show can have."""
    if not (in_show_years(before) and in_show_years(after)):
        return 0.0
    return max((after - before).total_seconds(), 0.0)


def _plausible(event: RunEvent) -> bool:
    return in_show_years(event.wall_time)
