"""One show's whole stored record as plain objects: its plan, its runs with every event, its
minute metrics with their source and its review notes. Storage gathers and stores it in one
transaction; the show file (formats/showfile/) writes and reads it."""

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from liveplanner.core.notes import ReviewNote
from liveplanner.core.plan import ShowPlan
from liveplanner.core.runlog import Run


class MetricSample(NamedTuple):
    minute: datetime  # aware, UTC
    metric: str  # a canonical name from core.metrics
    value: int  # a count, or fen for money


@dataclass(frozen=True, slots=True)
class MetricsSource:
    """The platform export the show's metrics were imported from."""

    file_name: str
    preset: str
    encoding: str
    rows_read: int
    imported_at: datetime  # aware, UTC


@dataclass(frozen=True, slots=True)
class ShowBundle:
    """Everything stored about one show, as plain objects.

    From storage the ids are database ids; read from a file they are the file's own (the show's
    is 0: a file holds one show). Either way they only tie the parts together.
    """

    plan: ShowPlan
    runs: tuple[Run, ...] = ()  # oldest first, each with its events in order
    samples: tuple[MetricSample, ...] = ()  # by metric, then minute
    metrics_source: MetricsSource | None = None
    notes: tuple[ReviewNote, ...] = ()
