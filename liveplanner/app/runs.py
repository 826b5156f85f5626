"""A show's rehearsals and live runs, each segment planned against how it ran."""

from dataclasses import dataclass
from datetime import datetime

from liveplanner.core.clock import actual_segments, as_positions_of, timer_segments
from liveplanner.core.plan import ShowPlan
from liveplanner.core.runlog import Run
from liveplanner.core.schedule import schedule
from liveplanner.storage.database import Database
from liveplanner.storage.runs import list_runs
from liveplanner.storage.shows import load_plan


@dataclass(frozen=True, slots=True)
class RunSegment:
    """One segment of a run: its plan and, once it ran, when it started and how long it ran."""

    position: int
    title: str
    planned_start: datetime
    planned_s: int
    actual_start: datetime | None
    actual_s: int | None  # whole seconds of running, pauses left out


@dataclass(frozen=True, slots=True)
class RunRecord:
    run: Run
    segments: tuple[RunSegment, ...]


def planned_against_actual(plan: ShowPlan, run: Run) -> RunRecord:
    actual = actual_segments(timer_segments(plan), as_positions_of(plan, run.events))
    slots = schedule(plan).slots
    return RunRecord(
        run,
        tuple(
            RunSegment(
                position=slot.position,
                title=segment.title,
                planned_start=slot.start,
                planned_s=segment.duration_s,
                actual_start=done.first_start,
                actual_s=round(done.running_s) if done.first_start else None,
            )
            for slot, segment, done in zip(slots, plan.segments, actual, strict=True)
        ),
    )


def show_runs(db: Database, show_id: int) -> tuple[ShowPlan, list[RunRecord]]:
    """The show's plan and its runs, oldest first."""
    plan = load_plan(db, show_id)
    return plan, [planned_against_actual(plan, run) for run in list_runs(db, plan.show.id)]
