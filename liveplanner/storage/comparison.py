"""What a comparison of many shows reads, in a handful of queries whatever the number of shows:
the shows, their segments, their live runs' segment changes and the compared metrics."""

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ScalarSelect, Select, select
from sqlalchemy.orm import Session

from liveplanner.core.enums import Platform, RunEventKind, RunKind
from liveplanner.core.plan import Segment, ShowPlan
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
    ids = shows.scalar_subquery()
    with db.session() as session:
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
        live_runs = _live_runs(session, ids)
        frame = read_plain(
            session, samples_query(shows, metrics), ["show_id", "minute", "metric", "value"]
        )
    return ComparisonInputs(
        plans=[replace(plan, segments=tuple(segments[i])) for i, plan in plans.items()],
        live_runs=live_runs,
        samples=frame,
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
