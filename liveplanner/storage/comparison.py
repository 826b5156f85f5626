"""What a comparison of many shows reads, in a handful of queries whatever the number of shows:
the shows, their segments, their live runs' segment changes and the compared metrics.

compared_shows has the database aggregate the samples (a team's history is millions of them):
each show's totals of the compared metrics, and its GMV minutes summed by its segments' spans
for what each segment earned, by the review's crediting rule (on PostgreSQL one pass over each
show's other metrics while the shows are read and placed, then one over its GMV; two GROUP BYs
on SQLite). It places every show at once from columns (core.placement).
load_comparison reads the samples themselves and the runs as objects, for
core.comparison.compare, which places the shows one by one (tests hold the two to the same
figures).
"""

import json
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import accumulate, pairwise
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import (
    BigInteger,
    Connection,
    Executable,
    ScalarSelect,
    Select,
    func,
    select,
    text,
)
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from liveplanner.core.comparison import ShowSamples
from liveplanner.core.enums import Platform, RunEventKind, RunKind, SegmentKind
from liveplanner.core.placement import (
    NO_SEGMENT,
    SEGMENT_STARTED,
    Placement,
    RunLogs,
    ShowSegments,
    epoch_us,
    event_code,
    place,
)
from liveplanner.core.plan import Segment, Show, ShowPlan
from liveplanner.core.review_spans import DEFAULT_LAG, owners_of
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
    show_ids: Iterable[int] | None = None,
) -> Select[int]:
    """The ids of the shows (not deleted) on a platform with a planned start in a range, and
    among `show_ids` where given (a campaign's)."""
    query = select(ShowRow.id).where(ShowRow.deleted_at.is_(None))
    if show_ids is not None:
        query = query.where(ShowRow.id.in_(list(show_ids)))
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
            session.connection(),
            samples_query(shows, metrics),
            ["show_id", "minute", "metric", "value"],
        )
    return ComparisonInputs(plans=plans, live_runs=live_runs, samples=frame)


@dataclass(frozen=True, slots=True)
class ComparedShows:
    """What core.comparison.compare_figures takes: the shows, where their segments ran (show
    k's spans are `placed`'s k-th) and their samples as the database aggregated them (a show
    without samples is not in `samples`)."""

    shows: list[Show]  # by id
    segments: ShowSegments  # show k's, in its order
    placed: Placement
    samples: dict[int, ShowSamples]


def compared_shows(
    db: Database,
    metrics: tuple[str, ...],
    platform: Platform | None = None,
    starts_from: datetime | None = None,
    starts_before: datetime | None = None,
    lag: int = DEFAULT_LAG,
    show_ids: Iterable[int] | None = None,
) -> ComparedShows:
    """The chosen shows with their samples aggregated in the database: no sample is read.

    The shows' segments and live runs' events are read as columns straight from the driver
    and placed all at once (core.placement): a team's history has 10,000 shows, 120,000
    segments and 140,000 run events, and an object for each cost more than the samples'
    aggregation."""
    shows = chosen_shows(platform, starts_from, starts_before, show_ids)
    try:
        return _compared(db, shows, metrics, lag, alone=False)
    except _NoSpareConnection:
        # The server has no connection to spare (its max_connections, or the role's limit,
        # taken by the team's desktops): the same statements, one after another on the
        # session's own connection.
        return _compared(db, shows, metrics, lag, alone=True)


class _NoSpareConnection(Exception):
    """The server refused a connection beside the session's."""


@contextmanager
def _spare(db: Database) -> Iterator[Connection]:
    try:
        connection = db.engine.connect()
    except OperationalError as exc:
        raise _NoSpareConnection from exc
    with connection:
        yield connection


def _finished(result: Any) -> "Future[Any]":
    done: Future[Any] = Future()
    done.set_result(result)
    return done


def _compared(
    db: Database, shows: Select[int], metrics: tuple[str, ...], lag: int, *, alone: bool
) -> ComparedShows:
    """compared_shows; on PostgreSQL each statement on a spare connection of its own, at once,
    unless `alone`."""
    ids = shows.scalar_subquery()
    with db.session() as session, ThreadPoolExecutor(2) as early:
        connection = session.connection()
        on_postgres = connection.dialect.name == "postgresql"
        # SQLite reads on the session's connection: a second one would wait for its lock.
        at_once = on_postgres and not alone
        spare = (lambda: _spare(db)) if at_once else (lambda: nullcontext(connection))
        if on_postgres:
            # The metrics that need no span summed at once, while the shows are read and
            # placed (core.placement): that leaves a core idle, and these are most rows.
            chosen = [show_id for (show_id,) in connection.execute(shows.order_by(ShowRow.id))]
            others = tuple(m for m in metrics if m != "gmv")
            halves = [half for half in _halves(chosen) if others]
            totals = [
                _finished(_totals(spare, half, others))
                if alone
                else early.submit(_totals, spare, half, others)
                for half in halves
            ]
        found, segment_rows, event_rows, run_rows = _read(
            spare,
            at_once,
            [
                lambda on: [convert.show(row) for row in on.execute(_shows_query(ids))],
                lambda on: _driver_rows(on, _segments_query(ids)),
                lambda on: _driver_rows(on, _events_query(ids, on_postgres)),
                lambda on: _driver_rows(on, _runs_query(ids)),
            ],
        )
        index = {show.id: k for k, show in enumerate(found)}
        segments = _segment_columns(segment_rows, index)
        logs = _run_logs(event_rows, run_rows, index, on_postgres)
        placed = place([epoch_us(show.planned_start) for show in found], segments, logs)
        bounds = _bounds(found, placed, lag)
        if on_postgres:
            # Of the shows read: one added since the ids were taken is left out of both passes.
            read = [show.id for show in found]
            summed = _gmv_on_postgres(spare, read, bounds, alone) if "gmv" in metrics else ([], [])
            summed[0].extend(row for half in totals for row in half.result() if row[0] in index)
        else:
            summed = _summed_on_sqlite(connection, shows, bounds, metrics)
    return ComparedShows(found, segments, placed, _show_samples(*summed))


_Spare = Callable[[], AbstractContextManager[Connection]]


def _read(spare: _Spare, at_once: bool, jobs: list[Callable[[Connection], Any]]) -> list[Any]:
    """What each job reads. `at_once` (PostgreSQL), each on a spare connection of its own, all
    at once: the server's work for one overlaps this process's for another (the shows'
    conversion, the rows' parsing), on a second core. Else one after the other.

    Each is its own statement, as on one connection at READ COMMITTED: a show added or
    deleted meanwhile may have segments or runs the shows read lack, and those are left out."""

    def apart(job: Callable[[Connection], Any]) -> Any:
        with spare() as its_own:
            return job(its_own)

    if not at_once:
        return [apart(job) for job in jobs]
    with ThreadPoolExecutor(len(jobs)) as pool:
        return list(pool.map(apart, jobs))


def _shows_query(ids: ScalarSelect[Any]) -> Executable:
    return select(ShowRow.__table__).where(ShowRow.id.in_(ids)).order_by(ShowRow.id)


def _segments_query(ids: ScalarSelect[Any]) -> Executable:
    return (
        select(
            SegmentRow.show_id,
            SegmentRow.id,
            SegmentRow.kind,
            SegmentRow.duration_s,
            SegmentRow.product_id,
        )
        .where(SegmentRow.show_id.in_(ids))
        .order_by(SegmentRow.show_id, SegmentRow.position)
    )


def _segment_columns(rows: list[Any], index: dict[int, int]) -> ShowSegments:
    """The shows' segments as columns, in the shows' order (by id) and each show's."""
    rows = [row for row in rows if row[0] in index]
    counts = [0] * len(index)
    for show_id in (row[0] for row in rows):
        counts[index[show_id]] += 1
    kinds = {k.value: k for k in SegmentKind}
    _, segment_ids, names, durations, products = zip(*rows, strict=True) if rows else [()] * 5
    return ShowSegments(
        offsets=[0, *accumulate(counts)],
        ids=list(segment_ids),
        kinds=[kinds[name] for name in names],
        durations=list(durations),
        product_ids=list(products),
    )


# Every event of the live runs places segments (core.placement), as in the show's review: each
# `started` begins a session of the run's clock (core.run_timeline), each segment change a span,
# the first `ended` ends the last; in a run left open, its last event of any kind does.
_LIVE = RunRow.kind == RunKind.LIVE


def _events_query(ids: ScalarSelect[Any], on_postgres: bool) -> Executable:
    """The live runs' events; on PostgreSQL with their times as epoch microseconds,
    so the driver makes no datetime of them (SQLite's text is parsed in _run_logs)."""
    wall = (
        func.cast(func.extract("epoch", RunEventRow.wall_time) * 1_000_000, BigInteger)
        if on_postgres
        else RunEventRow.wall_time
    )
    return (
        select(
            RunEventRow.run_id,
            RunEventRow.kind,
            wall,
            RunEventRow.monotonic_s,
            RunEventRow.segment_id,
        )
        .join(RunRow, RunEventRow.run_id == RunRow.id)
        .where(RunRow.show_id.in_(ids), _LIVE)
        .order_by(RunEventRow.run_id, RunEventRow.seq)
    )


def _runs_query(ids: ScalarSelect[Any]) -> Executable:
    """The live runs, oldest first."""
    return (
        select(RunRow.id, RunRow.show_id)
        .where(RunRow.show_id.in_(ids), _LIVE)
        .order_by(RunRow.started_at, RunRow.id)
    )


def _run_logs(
    events: list[Any], runs_by_age: list[Any], index: dict[int, int], on_postgres: bool
) -> RunLogs:
    """Each show's latest live run that reached a segment (core.review_spans.live_run), its
    events as columns."""
    if not events:
        none = np.zeros(0, dtype="int64")
        return RunLogs([], [0], none, none, none.astype("float64"), none)
    run_ids, names, walls, monotonic, logged = zip(*events, strict=True)
    kinds = np.array([event_code(name) for name in names], dtype="int64")
    runs = np.array(run_ids, dtype="int64")
    reached = set(runs[kinds == SEGMENT_STARTED].tolist())
    latest: dict[int, int] = {}
    for run_id, show_id in runs_by_age:
        if run_id in reached and show_id in index:
            latest[show_id] = run_id
    chosen = np.array(sorted(latest.values()), dtype="int64")
    show_of = {run_id: show_id for show_id, run_id in latest.items()}
    keep = np.isin(runs, chosen)
    if not on_postgres:
        walls = tuple(_us_of_text(w) for w in walls)
    return RunLogs(
        shows=[index[show_of[run_id]] for run_id in chosen.tolist()],
        offsets=[*np.searchsorted(runs[keep], chosen).tolist(), int(keep.sum())],
        kinds=kinds[keep],
        wall_us=np.array(walls, dtype="int64")[keep],
        monotonic_s=np.array(monotonic, dtype="float64")[keep],
        segment_ids=np.array([NO_SEGMENT if s is None else s for s in logged], dtype="int64")[keep],
    )


# (show, metric, the GMV's range of its bounds on PostgreSQL (see _GMV_PG) or None, its sum, count
# and greatest value, its first and last minute in epoch microseconds or None); a metric may
# come in several rows (PostgreSQL sums the GMV by ranges). As the driver gives them.
_Summed = tuple[int, str, int | None, int, int, int, int | None, int | None]
# (show, segment, GMV credited to it): a segment may come in several rows (its ranges).
_Credited = tuple[int, int, int]


def _show_samples(summed: list[_Summed], credited: list[_Credited]) -> dict[int, ShowSamples]:
    """Each show's samples from its metrics' sums, summed exactly before any float."""
    sums: dict[int, dict[str, int]] = {}
    counts: dict[int, int] = {}
    peaks: dict[int, int] = {}
    reach: dict[int, tuple[int, int]] = {}
    for show_id, metric, _, total, count, peak, first, last in summed:
        its = sums.setdefault(show_id, {})
        its[metric] = its.get(metric, 0) + total
        if metric == "online_viewers":
            counts[show_id] = counts.get(show_id, 0) + count
            peaks[show_id] = max(peaks.get(show_id, peak), peak)
        elif metric == "gmv" and first is not None and last is not None:
            low, high = reach.get(show_id, (first, last))
            reach[show_id] = (min(low, first), max(high, last))
    exact: dict[int, dict[int, int]] = {}
    for show_id, segment_id, total in credited:
        earned = exact.setdefault(show_id, {})
        earned[segment_id] = earned.get(segment_id, 0) + total
    return {
        show_id: ShowSamples(
            sums=its,
            peak_viewers=peaks.get(show_id),
            avg_viewers=its["online_viewers"] / counts[show_id] if show_id in counts else None,
            gmv_reach=(reach[show_id][0] * 1000, reach[show_id][1] * 1000)
            if show_id in reach
            else None,
            credited={k: float(v) for k, v in exact.get(show_id, {}).items()},
        )
        for show_id, its in sums.items()
    }


_EPOCH = datetime(1970, 1, 1)
_MICROSECOND = timedelta(microseconds=1)


_Bounds = dict[int, list[tuple[int, int | None]]]  # show id -> _bounds of its spans


# PostgreSQL: each show's compared samples read through the primary key show by show and
# summed, in two passes each over half of the shows on each of two connections (one query runs
# on one of the server's cores). One aggregate over every show's rows instead sorts or hashes
# hundreds of thousands of groups it cannot foresee (it spilled to disk). Sums come as bigint,
# times as epoch microseconds, so the driver makes no Decimal or datetime of them.
#
# The first pass, every metric but the GMV, needs no span: it starts before the shows are read.
_TOTALS_PG = """
SELECT r.show_id, s.metric, NULL AS bucket, s.total, s.count, s.peak, NULL AS first, NULL AS last
FROM unnest(CAST(:shows AS integer[])) AS r(show_id)
CROSS JOIN LATERAL (
  SELECT metric, CAST(SUM(value) AS bigint) AS total, count(*) AS count, MAX(value) AS peak
  FROM metric_samples
  WHERE show_id = r.show_id AND metric = ANY(CAST(:metrics AS varchar[]))
  GROUP BY metric
) AS s
"""
# The second, the GMV's, by the range between the show's bounds that holds each minute
# (width_bucket: 0 before the first bound, n from the n-th on; 0 for a show without bounds).
# The bounds come as one flat array, converted to times once and sliced once for each show
# (OFFSET 0 keeps the planner from slicing again for each minute: a third of the time).
_GMV_PG = """
WITH t AS (
  SELECT ARRAY(SELECT timestamp '1970-01-01' + b * interval '1 microsecond'
               FROM unnest(CAST(:bounds AS bigint[])) AS b) AS bounds
)
SELECT r.show_id, 'gmv', s.bucket, s.total, s.count, 0, s.first, s.last
FROM t, unnest(CAST(:shows AS integer[]), CAST(:lows AS integer[]), CAST(:highs AS integer[]))
        AS r(show_id, low, high)
CROSS JOIN LATERAL (SELECT t.bounds[r.low:r.high] AS b OFFSET 0) AS its
CROSS JOIN LATERAL (
  SELECT width_bucket(minute, its.b) AS bucket,
         CAST(SUM(value) AS bigint) AS total, count(*) AS count,
         CAST(extract(epoch FROM MIN(minute)) * 1000000 AS bigint) AS first,
         CAST(extract(epoch FROM MAX(minute)) * 1000000 AS bigint) AS last
  FROM metric_samples
  WHERE show_id = r.show_id AND metric = 'gmv'
  GROUP BY 1
) AS s
"""


def _halves(show_ids: list[int]) -> list[list[int]]:
    return [show_ids[0::2], show_ids[1::2]]


def _totals(spare: _Spare, show_ids: list[int], metrics: tuple[str, ...]) -> list[Any]:
    parameters = {"shows": _array(show_ids), "metrics": list(metrics)}
    with spare() as connection:
        return _driver_rows(connection, text(_TOTALS_PG), parameters)


def _gmv_on_postgres(
    spare: _Spare, show_ids: list[int], bounds: _Bounds, alone: bool
) -> tuple[list[_Summed], list[_Credited]]:
    """The shows' GMV summed by the ranges of their bounds, and what each segment is credited;
    half of the shows on each of two spare connections, unless `alone`."""
    halves = _halves(show_ids)
    if alone:
        found = [_gmv_of(spare, half, bounds) for half in halves]
    else:
        with ThreadPoolExecutor(2) as pool:
            found = list(pool.map(lambda half: _gmv_of(spare, half, bounds), halves))
    summed: list[_Summed] = [*found[0], *found[1]]
    # Bucket n (from 1) is the n-th bound's range, its owner's; 0 is before the first.
    credited = [
        (show_id, owner, total)
        for show_id, _, bucket, total, _, _, _, _ in summed
        if bucket and (owner := bounds[show_id][bucket - 1][1]) is not None
    ]
    return summed, credited


def _gmv_of(spare: _Spare, show_ids: list[int], bounds: _Bounds) -> list[Any]:
    shows: list[int] = []
    lows: list[int] = []
    highs: list[int] = []
    flat: list[int] = []
    for show_id in show_ids:
        shows.append(show_id)
        lows.append(len(flat) + 1)  # PostgreSQL's arrays count from 1
        flat.extend(bound for bound, _ in bounds.get(show_id, ()))
        highs.append(len(flat))  # before low without spans: an empty slice, every bucket 0
    arrays = {"bounds": flat, "shows": shows, "lows": lows, "highs": highs}
    parameters = {k: _array(v) for k, v in arrays.items()}
    with spare() as connection:
        return _driver_rows(connection, text(_GMV_PG), parameters)


def _array(numbers: list[int]) -> str:
    """Integers as a PostgreSQL array literal: the driver checks each item of a list it is
    given for quoting, a quarter of a second for a team's history's bounds."""
    return "{" + ",".join(map(str, numbers)) + "}"


def _summed_on_sqlite(
    connection: Any, shows: Select[int], bounds: _Bounds, metrics: tuple[str, ...]
) -> tuple[list[_Summed], list[_Credited]]:
    """One GROUP BY for each show's totals, and one for what each segment is credited."""
    totals = select(
        PLAIN.c.show_id,
        PLAIN.c.metric,
        func.sum(PLAIN.c.value),
        func.count(),
        func.max(PLAIN.c.value),
        func.min(PLAIN.c.minute),
        func.max(PLAIN.c.minute),
    ).where(PLAIN.c.show_id.in_(shows.scalar_subquery()), PLAIN.c.metric.in_(metrics))
    summed: list[_Summed] = [
        (show_id, metric, None, total, count, peak, _us_of_text(first), _us_of_text(last))
        for show_id, metric, total, count, peak, first, last in _driver_rows(
            connection, totals.group_by(PLAIN.c.show_id, PLAIN.c.metric)
        )
    ]
    if "gmv" not in metrics or not bounds:
        return summed, []
    ranges = [
        [show_id, owner, _text(low), _text(high)]
        for show_id, its in bounds.items()
        for (low, owner), (high, _) in pairwise(its)
        if owner is not None and low < high
    ]
    found = connection.execute(text(_CREDITED_SQLITE), {"spans": json.dumps(ranges)}).all()
    return summed, [tuple(row) for row in found]


# SQLite: each segment's GMV from the GMV minutes of each of its ranges between bounds.
_CREDITED_SQLITE = """
SELECT sp.show_id, sp.segment_id, SUM(s.value)
FROM (SELECT json_extract(value, '$[0]') AS show_id, json_extract(value, '$[1]') AS segment_id,
             json_extract(value, '$[2]') AS lo, json_extract(value, '$[3]') AS hi
      FROM json_each(:spans)) AS sp
CROSS JOIN metric_samples AS s
WHERE s.show_id = sp.show_id AND s.metric = 'gmv' AND s.minute >= sp.lo AND s.minute < sp.hi
GROUP BY sp.show_id, sp.segment_id
"""


def _text(microseconds: int) -> str:
    """As SQLAlchemy writes a naive UTC time on SQLite, so text comparison orders it."""
    moment = _EPOCH + timedelta(microseconds=microseconds)
    return moment.isoformat(sep=" ", timespec="microseconds")


_HALF_MINUTE_US = 30_000_000
_MINUTE_US = 60_000_000


def _bounds(shows: list[Show], placed: Placement, lag: int) -> _Bounds:
    """For each show with spans, the stored minutes (naive UTC, epoch microseconds) where each
    span's credited minutes begin, with the segment they are credited to, then where the last
    span's end: a minute from one bound to before the next is credited to that bound's segment.
    This is core.review_spans.credited's rule turned round: a minute goes to the span running
    at its middle `lag` minutes earlier, the first span also taking those from `lag` before its
    start; a span of a segment deleted since to its neighbour's segment (owners_of), the one
    before, else the one after (None: every segment it ran was deleted)."""
    shift = lag * _MINUTE_US - _HALF_MINUTE_US
    found: _Bounds = {}
    for k, show in enumerate(shows):
        low, high = placed.offsets[k], placed.offsets[k + 1]
        if low == high:
            continue
        starts = placed.starts[low:high]
        bounds = [starts[0] - _HALF_MINUTE_US, *(start + shift for start in starts[1:])]
        owners = owners_of(placed.segment_ids[low:high])
        found[show.id] = [*zip(bounds, owners, strict=True), (placed.ends[high - 1] + shift, None)]
    return found


def _plans(session: Session, ids: ScalarSelect[Any]) -> tuple[list[ShowPlan], dict[int, Run]]:
    """The shows (with their segments only) and each one's live run, by the ids chosen, as
    objects: load_comparison's, which places them one by one (core.comparison.placed_spans),
    the reference compared_shows's columns are held to; and the advice's segments.

    Plain rows, not ORM objects, and the segments' and events' straight from the driver."""
    show_rows = session.execute(select(ShowRow.__table__).where(ShowRow.id.in_(ids)))
    found = [convert.show(row) for row in show_rows]
    segments: dict[int, list[Segment]] = {show.id: [] for show in found}
    kinds = {k.value: k for k in SegmentKind}
    for show_id, segment_id, kind, title, duration_s, product_id in _driver_rows(
        session,
        select(
            SegmentRow.show_id,
            SegmentRow.id,
            SegmentRow.kind,
            SegmentRow.title,
            SegmentRow.duration_s,
            SegmentRow.product_id,
        )
        .where(SegmentRow.show_id.in_(ids))
        .order_by(SegmentRow.show_id, SegmentRow.position),
    ):
        segments[show_id].append(Segment(segment_id, kinds[kind], title, duration_s, product_id))
    return (
        [ShowPlan(show=show, segments=tuple(segments[show.id])) for show in found],
        _live_runs(session, ids),
    )


def _driver_rows(
    session: Session | Connection, query: Executable, parameters: dict[str, Any] | None = None
) -> list[Any]:
    """The rows as the driver gives them, without SQLAlchemy's conversion of each value."""
    connection = session.connection() if isinstance(session, Session) else session
    result = connection.execute(query, parameters)
    rows = list(result.cursor.fetchall())
    result.close()
    return rows


def _us_of_text(stored: datetime | str) -> int:
    """A stored time (naive UTC; text on SQLite) as epoch microseconds."""
    if isinstance(stored, str):
        stored = datetime.fromisoformat(stored)
    return (stored - _EPOCH) // _MICROSECOND


def _moment(stored: datetime | str) -> datetime:
    """A stored time as UTCDateTime reads it (naive UTC; text on SQLite), aware UTC."""
    if isinstance(stored, str):
        stored = datetime.fromisoformat(stored)
    return stored.replace(tzinfo=UTC)


def _live_runs(session: Session, ids: ScalarSelect[Any]) -> dict[int, Run]:
    """Each show's latest live run that reached a segment, with all its events, as the show's
    review reads them."""
    live = (RunRow.show_id.in_(ids), RunRow.kind == RunKind.LIVE)
    heads = session.execute(
        select(RunRow.id, RunRow.show_id, RunRow.started_at, RunRow.ended_at)
        .where(*live)
        .order_by(RunRow.show_id, RunRow.started_at, RunRow.id)
    ).all()
    kinds = {k.value: k for k in RunEventKind}
    events: dict[int, list[RunEvent]] = {}
    for run_id, seq, kind, wall, monotonic_s, segment_id, position in _driver_rows(
        session,
        select(
            RunEventRow.run_id,
            RunEventRow.seq,
            RunEventRow.kind,
            RunEventRow.wall_time,
            RunEventRow.monotonic_s,
            RunEventRow.segment_id,
            RunEventRow.segment_position,
        )
        .join(RunRow, RunEventRow.run_id == RunRow.id)
        .where(*live)
        .order_by(RunEventRow.run_id, RunEventRow.seq),
    ):
        events.setdefault(run_id, []).append(
            RunEvent(seq, kinds[kind], _moment(wall), monotonic_s, segment_id, position)
        )
    latest: dict[int, Run] = {}
    for run_id, show_id, started, ended in heads:  # oldest first per show
        logged = events.get(run_id, [])
        if any(e.kind is RunEventKind.SEGMENT_STARTED for e in logged):
            latest[show_id] = Run(run_id, show_id, RunKind.LIVE, started, ended, tuple(logged))
    return latest
