"""What a show file holds, as plain objects (ShowBundle), and the format's name, version and
limits. The reader and the writer both work on these."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from liveplanner.core.notes import ReviewNote
from liveplanner.core.plan import ShowPlan
from liveplanner.core.runlog import Run

FORMAT = "liveplanner.show"
SCHEMA_VERSION = 1  # the version this liveplanner writes, and the newest it reads
# A show's file is a few MB at most (a day of 15 metrics each minute is 1.6 MB): 20 MB is far
# past any show and still reads in seconds. Nothing in a show file nests deeper than 5 levels
# (segments[2].cues[0].cue); past MAX_NESTING the file is refused before the schema is walked,
# which would exhaust Python's stack on a file nested thousands deep.
MAX_BYTES = 20 * 2**20
MAX_NESTING = 8

Document = dict[str, Any]


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
