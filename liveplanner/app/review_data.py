"""What the window's review pages read and write: a show's review inputs, its notes, the metrics
stored for it, and shows compared over a season. Plain arguments in, plain results out.

pandas loads with the functions that need it, not with this module.
"""

import gc
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from liveplanner.core.enums import NoteCategory, Platform
from liveplanner.core.notes import ReviewNote
from liveplanner.core.plan import ShowPlan
from liveplanner.core.product_sales import ProductSales
from liveplanner.core.review_spans import live_run
from liveplanner.core.runlog import DeskEvent, Run
from liveplanner.storage import desk, notes, product_sales, runs, samples, shows
from liveplanner.storage.database import Database
from liveplanner.storage.samples import ImportSource, StoredMetrics

if TYPE_CHECKING:
    import pandas as pd

    from liveplanner.core.comparison import Comparison

__all__ = [
    "ImportSource",
    "ReviewInputs",
    "StoredMetrics",
    "add_note",
    "compare_shows",
    "delete_note",
    "live_desk_events",
    "replace_metrics",
    "review_inputs",
    "show_notes",
    "show_runs",
    "stored_metrics",
    "update_note",
]


@dataclass(frozen=True, slots=True)
class ReviewInputs:
    """All a show's review is computed from, read at once: the view recomputes it from these
    when the attribution lag changes, without reading the database again."""

    plan: ShowPlan
    runs: list[Run]
    samples: "pd.DataFrame"  # minute (UTC), metric, value
    notes: list[ReviewNote]
    product_sales: tuple[ProductSales, ...] = ()  # its product export; empty without one
    desk: tuple[DeskEvent, ...] = ()  # the live run's desk log: the team's ticks, marked


def review_inputs(db: Database, show_id: int) -> ReviewInputs:
    plan = shows.load_plan(db, show_id)
    show_runs = runs.list_runs(db, show_id)
    return ReviewInputs(
        plan,
        show_runs,
        samples.load_metrics(db, show_id),
        notes.list_notes(db, show_id),
        product_sales.product_sales(db, show_id),
        live_desk_events(db, show_runs),
    )


def live_desk_events(db: Database, show_runs: list[Run]) -> tuple[DeskEvent, ...]:
    """The desk's log of the run the review is of (the live run); empty without one."""
    run = live_run(show_runs)
    return tuple(desk.desk_events(db, run.id)) if run is not None else ()


def show_runs(db: Database, show_id: int) -> list[Run]:
    """The show's rehearsals and live runs, oldest first."""
    return runs.list_runs(db, show_id)


# Notes


def show_notes(db: Database, show_id: int) -> list[ReviewNote]:
    """By minute (notes without one last), then as they were written."""
    return notes.list_notes(db, show_id)


def add_note(
    db: Database,
    show_id: int,
    category: NoteCategory,
    text: str,
    owner: str = "",
    segment_id: int | None = None,
    minute: datetime | None = None,
) -> ReviewNote:
    return notes.add_note(db, show_id, category, text, owner, segment_id, minute)


def update_note(db: Database, note_id: int, expected_version: int, **changes: object) -> ReviewNote:
    """Change a note's category, text, owner, segment or minute; a stale version is refused."""
    return notes.update_note(db, note_id, expected_version, **changes)


def delete_note(db: Database, note_id: int) -> ReviewNote:
    return notes.delete_note(db, note_id)


# Metrics


def stored_metrics(db: Database, show_id: int) -> StoredMetrics | None:
    """What an import would replace, in brief; None when the show has no metrics."""
    return samples.stored_metrics(db, show_id)


def replace_metrics(
    db: Database,
    show_id: int,
    minute_samples: "pd.DataFrame",
    source: ImportSource,
    progress: Callable[[float], None] | None = None,
) -> int:
    """Replace all of a show's samples in one transaction (backed up first on SQLite); returns
    how many were stored. `progress` may raise to cancel: the show then keeps what it had."""
    return samples.replace_metrics(db, show_id, minute_samples, source, progress)


# Shows compared


def compare_shows(
    db: Database,
    platform: Platform | None,
    starts_from: datetime | None,
    starts_before: datetime | None,
    lag: int,
) -> "Comparison":
    """The shows on a platform with a planned start in the range, compared with one another;
    their samples are aggregated in the database, never loaded (a team's history is millions)."""
    from liveplanner.core.comparison import COMPARED_METRICS, compare_figures
    from liveplanner.storage.comparison import compared_shows

    # The cyclic garbage collector paused: a team's history is hundreds of thousands of small
    # objects (shows, segments, run events, spans, figures), none of them in a cycle, and as
    # they grow its full collections walk them all again and again (about a tenth of the
    # time). It is left as it was found, whatever happens.
    collecting = gc.isenabled()
    gc.disable()
    try:
        found = compared_shows(db, COMPARED_METRICS, platform, starts_from, starts_before, lag)
        return compare_figures(found.shows, found.placed, found.samples, lag)
    finally:
        if collecting:
            gc.enable()
