"""A show's minute metrics: replaced as a whole in one transaction, written in bulk."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, insert, select

from liveplanner.core.metrics import metric
from liveplanner.storage.database import Database
from liveplanner.storage.errors import NotFoundError
from liveplanner.storage.models import MetricImportRow, MetricSampleRow, ShowRow

_BATCH = 5_000


@dataclass(frozen=True, slots=True)
class Sample:
    minute: datetime  # aware; the start of the minute
    metric: str  # a canonical name from core.metrics
    value: int  # counts, or fen for money


@dataclass(frozen=True, slots=True)
class ImportSource:
    file_name: str
    preset: str = ""
    encoding: str = ""
    rows_read: int = 0


def replace_metrics(
    db: Database, show_id: int, samples: Iterable[Sample], source: ImportSource
) -> int:
    """Replace all of a show's samples with `samples`; returns how many were stored.

    One transaction: if anything fails, the show keeps the metrics it had.
    """
    with db.session() as session:
        if session.get(ShowRow, show_id) is None:
            raise NotFoundError(f"there is no show {show_id}")
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
        stored = 0
        batch: list[dict[str, object]] = []
        for sample in samples:
            metric(sample.metric)  # refuses a name that is not canonical
            batch.append(
                {
                    "show_id": show_id,
                    "metric": sample.metric,
                    "minute": sample.minute,
                    "value": sample.value,
                }
            )
            if len(batch) == _BATCH:
                session.execute(insert(MetricSampleRow), batch)
                stored += len(batch)
                batch = []
        if batch:
            session.execute(insert(MetricSampleRow), batch)
            stored += len(batch)
        return stored


def load_metrics(db: Database, show_id: int) -> list[Sample]:
    """A show's samples ordered by metric, then minute."""
    with db.session() as session:
        rows = session.execute(
            select(MetricSampleRow.minute, MetricSampleRow.metric, MetricSampleRow.value)
            .where(MetricSampleRow.show_id == show_id)
            .order_by(MetricSampleRow.metric, MetricSampleRow.minute)
        )
        return [Sample(minute, name, value) for minute, name, value in rows]
