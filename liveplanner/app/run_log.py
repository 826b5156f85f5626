"""One run's log in the database, written as the timer makes it: a crash loses nothing of a live
show's timeline, and a database that refuses for a moment loses nothing either."""

from liveplanner.core.clock import ClockEvent
from liveplanner.core.enums import RunEventKind, RunKind
from liveplanner.core.runlog import Run
from liveplanner.storage import runs
from liveplanner.storage.database import Database


class RunLog:
    """Writes a run's events in order. Events the database refuses are kept and written, still
    in order, with the next ones; the run itself is recorded with its first event (its start)."""

    def __init__(self, db: Database, show_id: int, kind: RunKind, run_id: int | None = None):
        """`run_id`: the run this log goes on with (one interrupted earlier), else None."""
        self.db, self.show_id, self.kind = db, show_id, kind
        self.run_id = run_id
        self.pending: list[ClockEvent] = []  # not yet written (the database refused for now)

    def write(self, events: list[ClockEvent]) -> None:
        """Write what is pending and then `events`; StorageError when the database refuses,
        all of them kept for the next write."""
        self.pending.extend(events)
        if not self.pending:
            return
        if self.run_id is None:
            started = self.pending[0]
            if started.kind is not RunEventKind.STARTED:
                return  # nothing to write before the run exists
            self.run_id = runs.start_run(
                self.db, self.show_id, self.kind, started.wall, started.monotonic_s
            )
            self.pending.pop(0)
        runs.log_clock_events(self.db, self.run_id, self.pending)
        self.pending = []


def interrupted_run(db: Database, show_id: int) -> Run | None:
    """The show's run that never ended (the app or the computer stopped during it), which the
    timer offers to resume; None when every run ended."""
    return runs.interrupted_run(db, show_id)
