"""The show's figures while it runs, as plain values a screen draws (issue 21): the minutes so far
(online viewers and GMV per minute), GMV so far against the plan's pace to the show's target,
online viewers now, and the feed's lines counted.

The pace to target: the show's GMV target spread over the planned segments' time in proportion
to each segment's planned length. Where the run stands in its plan (the segments finished, at
their planned lengths, and the current one's running time up to its planned length) is the
share of the plan done; the pace is that share of the target. So a segment running long adds
nothing to the pace, and one skipped early counts whole: the pace follows the plan's position,
not the clock.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from liveplanner.core.clock import Phase, Reading
from liveplanner.core.live_feed import FeedMinutes, FeedProblem, Tally
from liveplanner.core.plan import ShowPlan

MAX_POINTS = 24 * 60  # a day of minutes: the compact chart keeps the latest


@dataclass(frozen=True, slots=True)
class FeedPoint:
    minute: datetime  # aware UTC
    online_viewers: int | None  # None: no reading that minute (never 0 for missing)
    gmv_fen: int | None


@dataclass(frozen=True, slots=True)
class LiveFigures:
    points: tuple[FeedPoint, ...]  # the minutes so far, oldest first
    online_now: int | None  # the latest reading
    online_at: datetime | None  # its minute
    gmv_fen: int | None  # GMV so far; None when the feed gave none
    target_fen: int | None  # the show's GMV target
    pace_fen: int | None  # the target's share for where the run stands; None without one
    planned_done_s: int  # the plan's seconds the run has covered (see the module's rule)
    behind_bp: int | None  # GMV short of the pace, of the pace (negative: ahead of it)
    lines: int  # the feed's lines taken since the run began
    bad_lines: int
    reasons: tuple[FeedProblem, ...]  # the last bad lines' reasons, oldest first


def planned_done_s(plan: ShowPlan, reading: Reading) -> int:
    """The plan's seconds the run has covered: finished segments at their planned lengths and
    the current one's running time up to its own."""
    if reading.phase is Phase.IDLE:
        return 0
    durations = [s.duration_s for s in plan.segments]
    index = min(reading.index, len(durations))
    done = sum(durations[:index])
    if index < len(durations) and reading.phase is not Phase.FINISHED:
        done += min(max(int(reading.elapsed_s), 0), durations[index])
    return done


def pace_fen(plan: ShowPlan, done_s: int) -> int | None:
    target = plan.show.targets.gmv_fen
    total = sum(s.duration_s for s in plan.segments)
    if target is None or total <= 0:
        return None
    return target * min(done_s, total) // total


def live_figures(
    plan: ShowPlan, reading: Reading, minutes: FeedMinutes, tally: Tally, points: bool = True
) -> LiveFigures:
    """The figures now; without `points` the series is left out (the alerts, judged on every
    line, read the last minutes of viewers from the minutes themselves)."""
    online = minutes.values.get("online_viewers", {})
    gmv = minutes.values.get("gmv", {})
    times: Sequence[datetime] = sorted(online.keys() | gmv.keys())[-MAX_POINTS:] if points else ()
    series = tuple(FeedPoint(m, online.get(m), gmv.get(m)) for m in times)
    online_at = max(online) if online else None
    gmv_fen = sum(gmv.values()) if gmv else None
    done = planned_done_s(plan, reading)
    pace = pace_fen(plan, done)
    behind = None
    if pace and gmv_fen is not None:  # no GMV from the feed yet is no figure, never ¥0
        behind = (pace - gmv_fen) * 10_000 // pace
    return LiveFigures(
        series,
        online[online_at] if online_at is not None else None,
        online_at,
        gmv_fen,
        plan.show.targets.gmv_fen,
        pace,
        done,
        behind,
        tally.taken,
        tally.bad,
        tuple(tally.reasons),
    )
