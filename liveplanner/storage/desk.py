"""The live desk's log (core.live_desk): each tick and counter written the moment a screen
sends it, one short transaction each; and the show's current run, which the desk follows."""

from datetime import datetime

from sqlalchemy import String, func, select, type_coerce

from liveplanner.core.enums import DeskEventKind, RunKind
from liveplanner.core.runlog import DeskEvent
from liveplanner.storage.database import Database
from liveplanner.storage.models import DeskEventRow, RunRow
from liveplanner.storage.runs import open_run

MAX_ITEM = 40  # an item's key: "release:123456789"
MAX_ACTOR = 100  # who: a person's name (people's names are at most 100 characters)

_KINDS = {k.value for k in DeskEventKind}


def current_run(db: Database, show_id: int) -> tuple[int, RunKind] | None:
    """The show's latest run if it has not ended: the one a desk follows. The latest begun,
    not the latest by its start time: that is the timing computer's clock, which may be set
    wrong."""
    with db.engine.connect() as connection:
        found = connection.execute(
            select(RunRow.id, type_coerce(RunRow.kind, String), RunRow.ended_at)
            .where(RunRow.show_id == show_id)
            .order_by(RunRow.id.desc())
            .limit(1)
        ).first()
    if found is None or found[2] is not None or found[1] not in {k.value for k in RunKind}:
        return None
    return found[0], RunKind(found[1])


def log_desk_event(
    db: Database,
    run_id: int,
    kind: DeskEventKind,
    wall: datetime,
    item: str,
    actor: str = "",
    quantity: int | None = None,
) -> DeskEvent:
    """Append one event to a run's desk log; a run that has ended takes none."""
    with db.session() as session:
        open_run(session, run_id)
        seq = session.scalar(
            select(func.coalesce(func.max(DeskEventRow.seq), -1) + 1).where(
                DeskEventRow.run_id == run_id
            )
        )
        row = DeskEventRow(
            run_id=run_id,
            seq=int(seq or 0),
            kind=kind,
            wall_time=wall,
            item=item[:MAX_ITEM],
            actor=actor[:MAX_ACTOR],
            quantity=quantity,
        )
        session.add(row)
        session.flush()
        return DeskEvent(row.seq, kind, wall, row.item, row.actor, quantity)


def desk_events(db: Database, run_id: int, after_seq: int = -1) -> list[DeskEvent]:
    """A run's desk log after `after_seq`, in order; a kind this version does not know (a
    newer version's) is left out."""
    with db.engine.connect() as connection:
        rows = connection.execute(
            select(
                DeskEventRow.seq,
                type_coerce(DeskEventRow.kind, String),
                DeskEventRow.wall_time,
                DeskEventRow.item,
                DeskEventRow.actor,
                DeskEventRow.quantity,
            )
            .where(DeskEventRow.run_id == run_id, DeskEventRow.seq > after_seq)
            .order_by(DeskEventRow.seq)
        ).all()
    return [
        DeskEvent(seq, DeskEventKind(kind), wall, item, actor or "", quantity)
        for seq, kind, wall, item, actor, quantity in rows
        if kind in _KINDS
    ]
