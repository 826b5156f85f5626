"""The run log: every timer event written the moment it happens, one short transaction each."""

import math
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, String, func, select, type_coerce
from sqlalchemy.orm import InstrumentedAttribute, Session

from liveplanner.core.clock import ClockEvent
from liveplanner.core.enums import RunEventKind, RunKind, ShowStatus
from liveplanner.core.runlog import Run, RunEvent
from liveplanner.storage.database import Database
from liveplanner.storage.errors import NotFoundError, StorageError, no_show
from liveplanner.storage.models import RunEventRow, RunRow, ShowRow


def start_run(db: Database, show_id: int, kind: RunKind, wall: datetime, monotonic_s: float) -> int:
    """Open a run (and log its `started` event); returns the run's id.

    Going live puts a draft or approved show in the live status, which locks its script: nothing
    in it changes by accident mid-show.
    """
    with db.session() as session:
        show = session.get(ShowRow, show_id)
        if show is None:
            raise no_show(show_id)
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
    """A show's runs, oldest first, each with its events in order.

    Read column by column, so a damaged row (from a restored file, or a newer version) cannot
    stop `runs`, the review or an export: a run or event of a kind this version does not know
    is left out, and a number that is not one reads as missing (the replay copes with both).
    """
    with db.engine.connect() as connection:  # a read: no ORM session to set up
        heads = connection.execute(
            select(RunRow.id, _raw(RunRow.kind), RunRow.started_at, RunRow.ended_at)
            .where(RunRow.show_id == show_id)
            .order_by(RunRow.started_at, RunRow.id)
        ).all()
        rows = connection.execute(
            select(RunEventRow.run_id, *_EVENT_COLUMNS)
            .join(RunRow, RunRow.id == RunEventRow.run_id)
            .where(RunRow.show_id == show_id)
            .order_by(RunEventRow.run_id, RunEventRow.seq)
        ).all()
    events: dict[int, list[RunEvent]] = {}
    for run_id, *row in rows:
        if (event := _event(row)) is not None:
            events.setdefault(run_id, []).append(event)
    return [
        Run(run_id, show_id, RunKind(kind), started, ended, tuple(events.get(run_id, ())))
        for run_id, kind, started, ended in heads
        if kind in _RUN_KINDS
    ]


def run_since(db: Database, run_id: int, after_seq: int) -> tuple[datetime | None, list[RunEvent]]:
    """A run's end (None while it runs) and its events after `after_seq`, for a screen that
    follows a run another process times (app.live_desk); read as list_runs reads them."""
    with db.engine.connect() as connection:
        ended = connection.execute(select(RunRow.ended_at).where(RunRow.id == run_id)).all()
        if not ended:
            raise NotFoundError(
                f"there is no run {run_id}", code="storage.no_run", figures={"id": run_id}
            )
        rows = connection.execute(
            select(*_EVENT_COLUMNS)
            .where(RunEventRow.run_id == run_id, RunEventRow.seq > after_seq)
            .order_by(RunEventRow.seq)
        ).all()
    return ended[0][0], [e for row in rows if (e := _event(tuple(row))) is not None]


def _event(row: Sequence[Any]) -> RunEvent | None:
    """An event from its columns (_EVENT_COLUMNS); None for a kind this version does not know."""
    seq, kind, wall, monotonic_s, segment_id, position, seconds, text = row
    if kind not in _EVENT_KINDS:
        return None
    return RunEvent(
        seq=seq,
        kind=RunEventKind(kind),
        wall_time=wall,
        monotonic_s=_float(monotonic_s),
        segment_id=_whole(segment_id),
        segment_position=_whole(position),
        seconds=_whole(seconds),
        text=text if isinstance(text, str) else "",
    )


def interrupted_run(db: Database, show_id: int) -> Run | None:
    """The show's latest run if it never ended (the app closed or crashed mid-run)."""
    runs = list_runs(db, show_id)
    return runs[-1] if runs and runs[-1].ended_at is None else None


_EVENT_KINDS = {k.value for k in RunEventKind}
_RUN_KINDS = {k.value for k in RunKind}


def _raw(column: InstrumentedAttribute[Any]) -> ColumnElement[str]:
    """A kind as the stored text (the Enum type raises on a value it does not know)."""
    return type_coerce(column, String)


_EVENT_COLUMNS = (
    RunEventRow.seq,
    _raw(RunEventRow.kind),
    RunEventRow.wall_time,
    RunEventRow.monotonic_s,
    RunEventRow.segment_id,
    RunEventRow.segment_position,
    RunEventRow.seconds,
    RunEventRow.text,
)


def _float(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]  # any stored value: float() refuses others
    except (TypeError, ValueError, OverflowError):
        return math.nan


def _whole(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def open_run(session: Session, run_id: int) -> RunRow:
    """The run, refused when there is none or it has ended: an ended run takes no more events,
    the timer's or the live desk's."""
    run = session.get(RunRow, run_id)
    if run is None:
        raise NotFoundError(
            f"there is no run {run_id}", code="storage.no_run", figures={"id": run_id}
        )
    if run.ended_at is not None:
        raise StorageError(
            f"run {run_id} has ended; it takes no more events",
            code="storage.run_ended",
            figures={"id": run_id},
        )
    return run


def log_clock_events(db: Database, run_id: int, events: Sequence[ClockEvent]) -> None:
    """Write what the timer just did, in one transaction: a crash loses none of it."""
    if not events:
        return
    with db.session() as session:
        run = open_run(session, run_id)
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
