"""What a comparison of many shows reads, in a handful of queries whatever the number of shows:
the shows, their segments, their live runs' segment changes and the compared metrics.

compared_shows has the database aggregate the samples (a team's history is millions of them):
one GROUP BY over the compared metrics for each show's totals, and one over its GMV minutes
joined to its segments' spans for what each segment earned, by the review's crediting rule.
load_comparison reads the samples themselves, for core.comparison.compare (tests hold the two
to the same figures).
"""

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import ScalarSelect, Select, func, select, text
from sqlalchemy.orm import Session

from liveplanner.core.comparison import ShowSamples, placed_spans
from liveplanner.core.enums import Platform, RunEventKind, RunKind
from liveplanner.core.plan import Segment, ShowPlan
from liveplanner.core.review_spans import DEFAULT_LAG, Source, Span
from liveplanner.core.runlog import Run, RunEvent
from liveplanner.storage import convert
from liveplanner.storage.database import Database
from liveplanner.storage.models import RunEventRow, RunRow, SegmentRow, ShowRow
from liveplanner.storage.samples import PLAIN, read_plain

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True, slots=True)
class ComparisonInputs:
    plans: list[ShowPlan]  # show and segments only
    live_runs: dict[int, Run]  # show id -> its latest live run that reached a segment
    samples: "pd.DataFrame"  # show_id, minute (UTC), metric, value


def chosen_shows(
    platform: Platform | None = None,
    starts_from: datetime | None = None,
    starts_before: datetime | None = None,
) -> Select[int]:
    """The ids of the shows (not deleted) on a platform with a planned start in a range."""
    query = select(ShowRow.id).where(ShowRow.deleted_at.is_(None))
    if platform is not None:
        query = query.where(ShowRow.platform == platform)
    if starts_from is not None:
        query = query.where(ShowRow.planned_start >= starts_from)
    if starts_before is not None:
        query = query.where(ShowRow.planned_start < starts_before)
    return query


def samples_query(shows: Select[int], metrics: tuple[str, ...]) -> Select[int, str, str, int]:
    return (
        select(PLAIN.c.show_id, PLAIN.c.minute, PLAIN.c.metric, PLAIN.c.value)
        .where(PLAIN.c.show_id.in_(shows.scalar_subquery()), PLAIN.c.metric.in_(metrics))
        .order_by(PLAIN.c.show_id, PLAIN.c.metric, PLAIN.c.minute)
    )


def load_comparison(
    db: Database,
    metrics: tuple[str, ...],
    platform: Platform | None = None,
    starts_from: datetime | None = None,
    starts_before: datetime | None = None,
) -> ComparisonInputs:
    shows = chosen_shows(platform, starts_from, starts_before)
    with db.session() as session:
        plans, live_runs = _plans(session, shows.scalar_subquery())
        frame = read_plain(
            session, samples_query(shows, metrics), ["show_id", "minute", "metric", "value"]
        )
    return ComparisonInputs(plans=plans, live_runs=live_runs, samples=frame)


@dataclass(frozen=True, slots=True)
class ComparedShows:
    """What core.comparison.compare_figures takes: the shows, where their segments ran and their
    samples as the database aggregated them (a show without samples is not in `samples`)."""

    plans: list[ShowPlan]  # show and segments only
    placed: dict[int, tuple[list[Span], Source]]
    samples: dict[int, ShowSamples]


def compared_shows(
    db: Database,
    metrics: tuple[str, ...],
    platform: Platform | None = None,
    starts_from: datetime | None = None,
    starts_before: datetime | None = None,
    lag: int = DEFAULT_LAG,
) -> ComparedShows:
    """The chosen shows with their samples aggregated in the database: no sample is read."""
    shows = chosen_shows(platform, starts_from, starts_before)
    with db.session() as session:
        plans, live_runs = _plans(session, shows.scalar_subquery())
        placed = {p.show.id: placed_spans(p, live_runs.get(p.show.id)) for p in plans}
        connection = session.connection()
        sqlite = connection.dialect.name == "sqlite"
        totals = connection.execute(
            select(
                PLAIN.c.show_id,
                PLAIN.c.metric,
                func.sum(PLAIN.c.value),
                func.count(),
                func.max(PLAIN.c.value),
                func.min(PLAIN.c.minute),
                func.max(PLAIN.c.minute),
            )
            .where(PLAIN.c.show_id.in_(shows.scalar_subquery()), PLAIN.c.metric.in_(metrics))
            .group_by(PLAIN.c.show_id, PLAIN.c.metric)
        ).all()
        sums: dict[int, dict[str, int]] = {}
        viewers: dict[int, tuple[int, float]] = {}
        reach: dict[int, tuple[int, int]] = {}
        for show_id, metric, total, count, peak, first, last in totals:
            sums.setdefault(show_id, {})[metric] = int(total)
            if metric == "online_viewers":
                viewers[show_id] = (int(peak), int(total) / count)
            elif metric == "gmv":
                reach[show_id] = (_ns(first), _ns(last))
        with_gmv = {i: placed[i][0] for i in reach if placed[i][0]}
        credited = _credited(connection, with_gmv, lag, sqlite) if with_gmv else {}
    samples = {
        show_id: ShowSamples(
            sums=its,
            peak_viewers=viewers[show_id][0] if show_id in viewers else None,
            avg_viewers=viewers[show_id][1] if show_id in viewers else None,
            gmv_reach=reach.get(show_id),
            credited=credited.get(show_id, {}),
        )
        for show_id, its in sums.items()
    }
    return ComparedShows(plans, placed, samples)


_EPOCH = datetime(1970, 1, 1)
_MICROSECOND = timedelta(microseconds=1)


def _ns(minute: datetime | str) -> int:
    """A stored minute (naive UTC; text on SQLite) as epoch nanoseconds."""
    if isinstance(minute, str):
        minute = datetime.fromisoformat(minute)
    return (minute.replace(tzinfo=None) - _EPOCH) // _MICROSECOND * 1000


# Each segment's GMV: the GMV minutes credited to each of its spans, the spans given as minute
# ranges (see _minute_ranges), summed in the database.
_CREDITED_PG = """
SELECT sp.show_id, sp.segment_id, SUM(s.value), COUNT(*)
FROM unnest(CAST(:shows AS integer[]), CAST(:segments AS integer[]),
            CAST(:los AS timestamp[]), CAST(:his AS timestamp[])) AS sp(show_id, segment_id, lo, hi)
JOIN metric_samples AS s
  ON s.show_id = sp.show_id AND s.metric = 'gmv' AND s.minute >= sp.lo AND s.minute < sp.hi
GROUP BY sp.show_id, sp.segment_id
"""
_CREDITED_SQLITE = """
SELECT sp.show_id, sp.segment_id, SUM(s.value), COUNT(*)
FROM (SELECT json_extract(value, '$[0]') AS show_id, json_extract(value, '$[1]') AS segment_id,
             json_extract(value, '$[2]') AS lo, json_extract(value, '$[3]') AS hi
      FROM json_each(:spans)) AS sp
CROSS JOIN metric_samples AS s
WHERE s.show_id = sp.show_id AND s.metric = 'gmv' AND s.minute >= sp.lo AND s.minute < sp.hi
GROUP BY sp.show_id, sp.segment_id
"""


def _credited(
    connection: Any, spans: dict[int, list[Span]], lag: int, sqlite: bool
) -> dict[int, dict[int, float]]:
    ranges = [
        (show_id, *found) for show_id, its in spans.items() for found in _minute_ranges(its, lag)
    ]
    if sqlite:
        rows = connection.execute(
            text(_CREDITED_SQLITE),
            {
                "spans": json.dumps(
                    [[show, segment, _text(lo), _text(hi)] for show, segment, lo, hi in ranges]
                )
            },
        )
    else:
        shows, segments, los, his = zip(*ranges, strict=True) if ranges else ((), (), (), ())
        rows = connection.execute(
            text(_CREDITED_PG),
            {"shows": list(shows), "segments": list(segments), "los": list(los), "his": list(his)},
        )
    credited: dict[int, dict[int, float]] = {}
    for show_id, segment_id, total, _count in rows:
        credited.setdefault(show_id, {})[segment_id] = float(total)
    return credited


def _text(minute: datetime) -> str:
    """As SQLAlchemy writes a naive UTC time on SQLite, so text comparison orders it."""
    return minute.isoformat(sep=" ", timespec="microseconds")


_HALF_MINUTE = timedelta(seconds=30)


def _minute_ranges(spans: list[Span], lag: int) -> list[tuple[int, datetime, datetime]]:
    """For each span of a segment of the plan, its segment id and the stored minutes (naive
    UTC, from the first to before the second) credited to it: core.review_spans.credited's rule
    turned round. A minute goes to the span running at its middle `lag` minutes earlier, the
    first span also taking those from `lag` before its start; a span of a segment deleted since
    to its neighbour's segment (span_owners), the one before, else the one after."""
    owners: list[int | None] = [s.segment_id for s in spans]
    for i in range(1, len(owners)):
        if owners[i] is None:
            owners[i] = owners[i - 1]
    for i in range(len(owners) - 2, -1, -1):
        if owners[i] is None:
            owners[i] = owners[i + 1]
    shift = timedelta(minutes=lag) - _HALF_MINUTE
    bounds = [spans[0].start - _HALF_MINUTE]
    bounds += [s.start + shift for s in spans[1:]]
    bounds.append(spans[-1].end + shift)
    naive = [b.astimezone(UTC).replace(tzinfo=None) for b in bounds]
    return [
        (owner, naive[i], naive[i + 1])
        for i, owner in enumerate(owners)
        if owner is not None and naive[i] < naive[i + 1]
    ]


def _plans(session: Session, ids: ScalarSelect[Any]) -> tuple[list[ShowPlan], dict[int, Run]]:
    """The shows (with their segments only) and each one's live run, by the ids chosen."""
    show_rows = session.scalars(select(ShowRow).where(ShowRow.id.in_(ids))).all()
    plans = {row.id: ShowPlan(show=convert.show(row)) for row in show_rows}
    segments: dict[int, list[Segment]] = {show_id: [] for show_id in plans}
    for row in session.execute(
        select(
            SegmentRow.show_id,
            SegmentRow.id,
            SegmentRow.kind,
            SegmentRow.title,
            SegmentRow.duration_s,
            SegmentRow.product_id,
        )
        .where(SegmentRow.show_id.in_(ids))
        .order_by(SegmentRow.show_id, SegmentRow.position)
    ):
        segments[row.show_id].append(
            Segment(row.id, row.kind, row.title, row.duration_s, row.product_id)
        )
    return (
        [replace(plan, segments=tuple(segments[i])) for i, plan in plans.items()],
        _live_runs(session, ids),
    )


def _live_runs(session: Session, ids: ScalarSelect[Any]) -> dict[int, Run]:
    """Each show's latest live run that reached a segment, with only its segment changes, its
    end and its `started` events (all the review needs to place segments: each `started`
    begins a session of the run's clock, see core.run_timeline)."""
    rows = session.execute(
        select(RunRow.show_id, RunRow.id, RunRow.started_at, RunRow.ended_at, RunEventRow)
        .join(RunEventRow, RunEventRow.run_id == RunRow.id)
        .where(
            RunRow.show_id.in_(ids),
            RunRow.kind == RunKind.LIVE,
            RunEventRow.kind.in_(
                [RunEventKind.STARTED, RunEventKind.SEGMENT_STARTED, RunEventKind.ENDED]
            ),
        )
        .order_by(RunRow.show_id, RunRow.started_at, RunRow.id, RunEventRow.seq)
    )
    runs: dict[int, tuple[int, datetime, datetime | None, list[RunEvent]]] = {}
    for show_id, run_id, started, ended, e in rows:
        held = runs.setdefault(run_id, (show_id, started, ended, []))
        held[3].append(
            RunEvent(e.seq, e.kind, e.wall_time, e.monotonic_s, e.segment_id, e.segment_position)
        )
    latest: dict[int, Run] = {}
    for run_id, (show_id, started, ended, logged) in runs.items():  # oldest first per show
        if any(e.kind is RunEventKind.SEGMENT_STARTED for e in logged):
            latest[show_id] = Run(run_id, show_id, RunKind.LIVE, started, ended, tuple(logged))
    return latest
