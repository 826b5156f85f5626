"""The application's operations the window's review and timer pages call, without Qt: plain
arguments in, plain results out."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from liveplanner.app import review_data
from liveplanner.app.database import Database, StorageError
from liveplanner.app.demo import demo_plan
from liveplanner.app.plan_import import store_imported_plan
from liveplanner.app.run_log import RunLog
from liveplanner.core.clock import ClockEvent
from liveplanner.core.enums import NoteCategory, RunEventKind, RunKind
from liveplanner.storage import runs

T0 = datetime(2026, 11, 11, 12, 0, tzinfo=ZoneInfo("UTC"))


def event(kind: RunEventKind, at: float, text: str = "") -> ClockEvent:
    return ClockEvent(kind, at, T0 + timedelta(seconds=at), text=text)


def test_a_run_log_starts_the_run_with_its_first_event_and_keeps_what_is_refused(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    show_id = store_imported_plan(db, demo_plan())
    log = RunLog(db, show_id, RunKind.REHEARSAL)
    assert log.run_id is None
    log.write([event(RunEventKind.STARTED, 1)])
    assert log.run_id is not None and not log.pending
    real = runs.log_clock_events

    def full_disk(*args: object) -> None:
        raise StorageError("the disk is full")

    monkeypatch.setattr(runs, "log_clock_events", full_disk)
    with pytest.raises(StorageError):
        log.write([event(RunEventKind.NOTE, 2, "kept")])
    assert [e.text for e in log.pending] == ["kept"]
    monkeypatch.setattr(runs, "log_clock_events", real)
    log.write([event(RunEventKind.PAUSED, 3)])
    assert not log.pending
    (run,) = review_data.show_runs(db, show_id)
    assert [e.kind for e in run.events] == [
        RunEventKind.STARTED,
        RunEventKind.NOTE,
        RunEventKind.PAUSED,
    ]  # the refused note written in its place
    again = RunLog(db, show_id, RunKind.REHEARSAL, run.id)  # an interrupted run goes on
    again.write([event(RunEventKind.RESUMED, 4)])
    assert review_data.show_runs(db, show_id)[0].events[-1].kind is RunEventKind.RESUMED


def test_a_review_reads_plan_runs_metrics_and_notes_and_notes_are_written(db: Database) -> None:
    show_id = store_imported_plan(db, demo_plan())
    read = review_data.review_inputs(db, show_id)
    assert read.plan.show.id == show_id and read.runs == [] and read.notes == []
    assert read.samples.empty and review_data.stored_metrics(db, show_id) is None
    note = review_data.add_note(db, show_id, NoteCategory.OTHER, " the mic cut out ")
    changed = review_data.update_note(db, note.id, note.version, text="the mic cut out twice")
    assert [n.text for n in review_data.show_notes(db, show_id)] == ["the mic cut out twice"]
    assert review_data.delete_note(db, note.id).text == changed.text
    assert review_data.show_notes(db, show_id) == []


def test_shows_are_compared_over_the_range_asked(db: Database) -> None:
    show_id = store_imported_plan(db, demo_plan())
    start = review_data.review_inputs(db, show_id).plan.show.planned_start
    day = timedelta(days=1)
    found = review_data.compare_shows(db, None, start - day, start + day, lag=2)
    assert [k.show_id for k in found.shows] == [show_id] and found.lag == 2
    assert review_data.compare_shows(db, None, start + day, None, lag=2).shows == ()
