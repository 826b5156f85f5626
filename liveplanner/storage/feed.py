"""The live feed's minutes of each run (core.live_feed), written as they arrive: the latest
figure for a minute and metric replaces the one before (an upsert, one short transaction per
batch), so a crash loses nothing; and each show's live alert settings (core.live_alerts)."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import Insert, String, select, type_coerce
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from liveplanner.core.alert_settings import AlertSettings, checked
from liveplanner.core.enums import RunKind
from liveplanner.storage import convert
from liveplanner.storage.database import Database
from liveplanner.storage.errors import StorageError, no_show
from liveplanner.storage.models import FeedSampleRow, LiveAlertRow, RunRow, ShowRow

_TABLE = FeedSampleRow.__table__


@dataclass(frozen=True, slots=True)
class FedRun:
    id: int
    show_id: int
    kind: RunKind | None  # None: a kind this version does not know
    started_at: datetime
    ended_at: datetime | None


def fed_run(db: Database, run_id: int) -> FedRun | None:
    with db.engine.connect() as connection:
        found = connection.execute(
            select(
                RunRow.id,
                RunRow.show_id,
                type_coerce(RunRow.kind, String),
                RunRow.started_at,
                RunRow.ended_at,
            ).where(RunRow.id == run_id)
        ).first()
    if found is None:
        return None
    kind = found[2] if found[2] in {k.value for k in RunKind} else None
    return FedRun(found[0], found[1], RunKind(kind) if kind else None, found[3], found[4])


def put_feed_samples(
    db: Database, run_id: int, figures: Mapping[tuple[datetime, str], int]
) -> None:
    """Write (minute, metric) -> value for a run, replacing what those minutes held; a run that
    has ended takes none (its minutes may be the show's metrics already)."""
    if not figures:
        return
    # On a connection, not an ORM session: a collector may send a line a call, and the
    # session's set-up costs as much as the write.
    with db.engine.begin() as connection:
        ended = connection.execute(select(RunRow.ended_at).where(RunRow.id == run_id)).first()
        if ended is None or ended[0] is not None:
            raise StorageError(
                f"run {run_id} has ended; it takes no more figures",
                code="storage.run_ended",
                figures={"id": run_id},
            )
        rows = [
            {"run_id": run_id, "minute": minute, "metric": metric, "value": value}
            for (minute, metric), value in figures.items()
        ]
        connection.execute(_upsert(connection.dialect.name), rows)


@cache
def _upsert(dialect: str) -> Insert:
    """The upsert, made once per dialect: a statement built anew costs more than its write."""
    statement = (sqlite_insert if dialect == "sqlite" else postgresql_insert)(_TABLE)
    return statement.on_conflict_do_update(
        index_elements=["run_id", "minute", "metric"], set_={"value": statement.excluded.value}
    )


def feed_samples(db: Database, run_id: int) -> list[tuple[datetime, str, int]]:
    """A run's feed minutes as (minute, metric, value), by minute then metric."""
    with db.engine.connect() as connection:
        rows = connection.execute(
            select(_TABLE.c.minute, _TABLE.c.metric, _TABLE.c.value)
            .where(_TABLE.c.run_id == run_id)
            .order_by(_TABLE.c.minute, _TABLE.c.metric)
        ).all()
    return [(minute, metric, int(value)) for minute, metric, value in rows]


def alert_settings(db: Database, show_id: int) -> AlertSettings:
    """The show's alert settings, each at its default where the show set none; a show that
    does not exist is refused (NotFoundError), not given the defaults."""
    with db.session() as session:
        if session.get(ShowRow, show_id) is None:
            raise no_show(show_id)
        row = session.get(LiveAlertRow, show_id)
        return AlertSettings() if row is None else convert.alert_settings(row)


def set_alert_settings(db: Database, show_id: int, settings: AlertSettings) -> None:
    """Keep the show's alert settings (Refused when one is out of its bounds)."""
    checked(settings)
    with db.session() as session:
        if session.get(ShowRow, show_id) is None:
            raise no_show(show_id)
        row = session.get(LiveAlertRow, show_id) or LiveAlertRow(show_id=show_id)
        row.viewers_drop_bp = settings.viewers_drop_bp
        row.viewers_window_min = settings.viewers_window_min
        row.pace_behind_bp = settings.pace_behind_bp
        row.sold_out = settings.sold_out
        session.add(row)
