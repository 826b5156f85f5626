"""A show's minute metrics: replaced as a whole in one transaction, written in bulk.

Samples travel as the importer's tidy frame: columns `minute` (aware, UTC), `metric` (a canonical
name from core.metrics) and `value` (int: counts, or fen for money). A six-hour per-second export
gives some 100,000 samples, so they are written as plain rows, not one ORM object each.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    BigInteger,
    Connection,
    Executable,
    Integer,
    String,
    column,
    delete,
    distinct,
    func,
    select,
    table,
)

from liveplanner.core.metrics import METRICS
from liveplanner.storage import history
from liveplanner.storage.database import Database
from liveplanner.storage.errors import StorageError, no_show
from liveplanner.storage.models import MetricImportRow, MetricSampleRow, ShowRow

if TYPE_CHECKING:
    import pandas as pd

_BATCH = 20_000
UNIQUE_VIOLATION = "23505"  # PostgreSQL's SQLSTATE
COLUMNS = ["minute", "metric", "value"]
_INSERT = "INSERT INTO metric_samples (show_id, metric, minute, value) VALUES ({marks})"

# The same table seen as plain columns, for reading whole columns at once. The minute is read
# as the driver gives it (text on SQLite, a naive UTC datetime on PostgreSQL) and converted for
# the whole column by minutes_frame: parsing a million times one by one costs seconds.
PLAIN = table(
    "metric_samples",
    column("show_id", Integer),
    column("metric", String),
    column("minute", String),
    column("value", BigInteger),
)


def _minute_params(samples: "pd.DataFrame", dialect: str) -> list[object]:
    """The minutes as the driver takes them, converted for the whole column at once.

    UTCDateTime stores naive UTC; on SQLite SQLAlchemy writes that as text in one fixed layout
    (YYYY-MM-DD HH:MM:SS.ffffff), which must be matched exactly so that comparisons with times
    SQLAlchemy binds itself still hold.
    """
    import numpy as np

    utc = samples["minute"].dt.tz_convert("UTC").dt.tz_localize(None).to_numpy()
    utc = utc.astype("datetime64[us]")
    params: list[object]  # numpy types tolist() as Any
    if dialect == "sqlite":
        params = np.char.replace(np.datetime_as_string(utc, unit="us"), "T", " ").tolist()
    else:
        params = utc.tolist()
    return params


@dataclass(frozen=True, slots=True)
class ImportSource:
    file_name: str
    preset: str = ""
    encoding: str = ""
    rows_read: int = 0


def replace_metrics(
    db: Database,
    show_id: int,
    samples: "pd.DataFrame",
    source: ImportSource,
    progress: Callable[[float], None] | None = None,
) -> int:
    """Replace all of a show's samples; returns how many were stored.

    One transaction: if anything fails, or `progress` raises to cancel, the show keeps the
    metrics it had. Metrics it had are backed up first (SQLite): a replace cannot be undone.
    """
    unknown = sorted(set(samples["metric"]) - set(METRICS))
    if unknown:
        raise ValueError(f"unknown metric {unknown[0]!r}; expected one of: {', '.join(METRICS)}")
    if has_metrics(db, show_id):
        db.backup("before-replacing-metrics")
    try:
        return _replace(db, show_id, samples, source, progress)
    except StorageError as exc:
        if _duplicate_key(exc.__cause__):
            # Another import of this show committed its rows between ours being deleted and
            # written: ours was rolled back whole.
            raise StorageError(
                f"someone else imported metrics for show {show_id} at the same time; nothing "
                "was stored: run it again",
                code="storage.metrics_raced",
                figures={"show_id": show_id},
            ) from exc
        raise


def _duplicate_key(error: BaseException | None) -> bool:
    orig = getattr(error, "orig", None)
    return getattr(orig, "sqlstate", None) == UNIQUE_VIOLATION or (
        "UNIQUE constraint failed" in str(orig)
    )


def _replace(
    db: Database,
    show_id: int,
    samples: "pd.DataFrame",
    source: ImportSource,
    progress: Callable[[float], None] | None,
) -> int:
    with db.session() as session:
        if session.get(ShowRow, show_id) is None:
            raise no_show(show_id)
        history.record(session, show_id, "metrics", "imported", source.file_name)
        session.execute(delete(MetricSampleRow).where(MetricSampleRow.show_id == show_id))
        session.execute(delete(MetricImportRow).where(MetricImportRow.show_id == show_id))
        session.add(
            MetricImportRow(
                show_id=show_id,
                file_name=source.file_name,
                preset=source.preset,
                encoding=source.encoding,
                rows_read=source.rows_read,
            )
        )
        session.flush()
        # Through the driver, not SQLAlchemy: a per-second export gives 100,000 rows, and
        # binding each through SQLAlchemy's type processing costs a second more.
        connection = session.connection()
        dialect = connection.dialect
        marks = ", ".join(["?"] * 4 if dialect.paramstyle == "qmark" else ["%s"] * 4)
        rows = list(
            zip(
                [show_id] * len(samples),
                samples["metric"].to_numpy(dtype=object).tolist(),
                _minute_params(samples, dialect.name),
                samples["value"].astype("int64").tolist(),
                strict=True,
            )
        )
        for start in range(0, len(rows), _BATCH):
            connection.exec_driver_sql(_INSERT.format(marks=marks), rows[start : start + _BATCH])
            if progress is not None:
                progress(min(start + _BATCH, len(rows)) / len(rows))
        return len(rows)


def load_metrics(db: Database, show_id: int) -> "pd.DataFrame":
    """A show's samples ordered by metric, then minute (aware UTC)."""
    with db.engine.connect() as connection:  # a read: no ORM session to set up
        return read_plain(
            connection,
            select(PLAIN.c.minute, PLAIN.c.metric, PLAIN.c.value)
            .where(PLAIN.c.show_id == show_id)
            .order_by(PLAIN.c.metric, PLAIN.c.minute),
            COLUMNS,
        )


def read_plain(connection: Connection, query: Executable, columns: list[str]) -> "pd.DataFrame":
    """A query over PLAIN as a frame with `minute` aware UTC and `value` int64 (and any other
    column as the driver gave it).

    The rows come straight from the driver's cursor: PLAIN's columns need no conversion, and
    SQLAlchemy's Row objects would cost more than the database does for a season of samples.
    A show has a few hundred minutes but every metric repeats them, so each distinct minute is
    parsed once (SQLite gives text) and spread back by its codes.
    """
    import numpy as np
    import pandas as pd

    result = connection.execute(query)  # Core: a cursor result, also for ORM tables
    rows = result.cursor.fetchall()
    result.close()
    by_column = dict(zip(columns, zip(*rows, strict=True), strict=True)) if rows else {}
    frame: dict[str, object] = {}
    for name in columns:
        values = np.asarray(by_column.get(name, ()), dtype=object)
        if name == "minute":
            codes, distinct = pd.factorize(values)
            sqlite = connection.dialect.name == "sqlite"
            parsed = pd.to_datetime(distinct, format="ISO8601" if sqlite else None)
            frame[name] = pd.DatetimeIndex(parsed).as_unit("us").tz_localize("UTC")[codes]
        elif name == "value":
            frame[name] = values.astype("int64")
        else:
            frame[name] = pd.array(values).to_numpy()  # as inferred: metric names str, ids int64
    return pd.DataFrame(frame)


def import_source(db: Database, show_id: int) -> ImportSource | None:
    """Where the show's stored metrics came from, or None when it has none."""
    with db.session() as session:
        row = session.scalars(
            select(MetricImportRow).where(MetricImportRow.show_id == show_id)
        ).first()
        if row is None:
            return None
        return ImportSource(row.file_name, row.preset, row.encoding, row.rows_read)


@dataclass(frozen=True, slots=True)
class StoredMetrics:
    """What an import would replace: the show's minutes with data, and where they came from."""

    source: ImportSource
    imported_at: datetime | None  # aware UTC; None when no import is on record
    minutes: int


def has_metrics(db: Database, show_id: int) -> bool:
    """Whether the show has any metric samples stored (an import would replace them)."""
    with db.session() as session:
        found = session.execute(select(PLAIN.c.minute).where(PLAIN.c.show_id == show_id).limit(1))
        return found.first() is not None


def stored_metrics(db: Database, show_id: int) -> StoredMetrics | None:
    """The show's stored metrics in brief, or None when it has none (an import replaces
    nothing)."""
    with db.session() as session:
        row = session.scalars(
            select(MetricImportRow).where(MetricImportRow.show_id == show_id)
        ).first()
        minutes = session.scalar(
            select(func.count(distinct(PLAIN.c.minute))).where(PLAIN.c.show_id == show_id)
        )
        if not minutes:
            return None
        if row is None:  # samples without a record of their file: not written by replace_metrics
            return StoredMetrics(ImportSource(""), None, minutes)
        source = ImportSource(row.file_name, row.preset, row.encoding, row.rows_read)
        return StoredMetrics(source, row.imported_at, minutes)
