"""The run log: every timer event written the moment it happens, one short transaction each."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from liveplanner.core.clock import ClockEvent
from liveplanner.core.enums import RunEventKind, RunKind, ShowStatus
from liveplanner.core.runlog import Run, RunEvent
from liveplanner.storage.database import Database
from liveplanner.storage.errors import NotFoundError, StorageError
from liveplanner.storage.models import RunEventRow, RunRow, ShowRow


def start_run(db: Database, show_id: int, kind: RunKind, wall: datetime, monotonic_s: float) -> int:
    """Open a run (and log its `started` event); returns the run's id.

    Going live puts a draft or approved show in the live status, which locks its script: nothing
    in it changes by accident mid-show.
    """
    with db.session() as session:
        show = session.get(ShowRow, show_id)
        if show is None:
            raise NotFoundError(f"there is no show {show_id}")
        if kind is RunKind.LIVE and show.status in (ShowStatus.DRAFT, ShowStatus.APPROVED):
            show.status, show.unlocked = ShowStatus.LIVE, False
        run = RunRow(show_id=show_id, kind=kind, started_at=wall)
        run.events.append(
            RunEventRow(
                seq=0, kind=RunEventKind.STARTED, wall_time=wall, monotonic_s=monotonic_s, text=""
            )
        )
        session.add(run)
        session.flush()
        return run.id


def log_event(
    db: Database,
    run_id: int,
    kind: RunEventKind,
    wall: datetime,
    monotonic_s: float,
    *,
    segment_id: int | None = None,
    segment_position: int | None = None,
    seconds: int | None = None,
    text: str = "",
) -> None:
    """Append one event to a run and commit it."""
    event = ClockEvent(kind, monotonic_s, wall, segment_position, segment_id, seconds, text)
    log_clock_events(db, run_id, [event])


def end_run(db: Database, run_id: int, wall: datetime, monotonic_s: float) -> None:
    log_event(db, run_id, RunEventKind.ENDED, wall, monotonic_s)


def list_runs(db: Database, show_id: int) -> list[Run]:
    """A show's runs, oldest first, each with its events in order."""
    with db.session() as session:
        rows = session.scalars(
            select(RunRow)
            .where(RunRow.show_id == show_id)
            .order_by(RunRow.started_at, RunRow.id)
            .options(selectinload(RunRow.events))
        ).all()
        return [_run(r) for r in rows]


def interrupted_run(db: Database, show_id: int) -> Run | None:
    """The show's latest run if it never ended (the app closed or crashed mid-run)."""
    runs = list_runs(db, show_id)
    return runs[-1] if runs and runs[-1].ended_at is None else None


def _run(r: RunRow) -> Run:
    return Run(
        id=r.id,
        show_id=r.show_id,
        kind=r.kind,
        started_at=r.started_at,
        ended_at=r.ended_at,
        events=tuple(
            RunEvent(
                seq=e.seq,
                kind=e.kind,
                wall_time=e.wall_time,
                monotonic_s=e.monotonic_s,
                segment_id=e.segment_id,
                segment_position=e.segment_position,
                seconds=e.seconds,
                text=e.text,
            )
            for e in r.events
        ),
    )


def log_clock_events(db: Database, run_id: int, events: Sequence[ClockEvent]) -> None:
    """Write what the timer just did, in one transaction: a crash loses none of it."""
    if not events:
        return
    with db.session() as session:
        run = session.get(RunRow, run_id)
        if run is None:
            raise NotFoundError(f"there is no run {run_id}")
        if run.ended_at is not None:
            raise StorageError(f"run {run_id} has ended; it takes no more events")
        seq = session.scalar(
            select(func.coalesce(func.max(RunEventRow.seq), -1) + 1).where(
                RunEventRow.run_id == run_id
            )
        )
        for offset, event in enumerate(events):
            session.add(
                RunEventRow(
                    run_id=run_id,
                    seq=int(seq or 0) + offset,
                    kind=event.kind,
                    wall_time=event.wall,
                    monotonic_s=event.monotonic_s,
                    segment_id=event.segment_id,
                    segment_position=event.segment_index,
                    seconds=event.seconds,
                    text=event.text,
                )
            )
            if event.kind is RunEventKind.ENDED:
                run.ended_at = event.wall
                show = session.get(ShowRow, run.show_id)
                if run.kind is RunKind.LIVE and show and show.status is ShowStatus.LIVE:
                    show.status, show.unlocked = ShowStatus.DONE, False
