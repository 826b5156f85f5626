"""One run on the timer: the SegmentTimer on the real clocks, every event written as it happens."""

import time
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Signal

from liveplanner.app.database import Database, StorageError
from liveplanner.app.run_log import RunLog
from liveplanner.core.clock import (
    DEFAULT_DANGER_S,
    DEFAULT_WARNING_S,
    ClockEvent,
    Level,
    Reading,
    SegmentTimer,
    as_positions_of,
    resume,
    timer_segments,
)
from liveplanner.core.enums import RunEventKind, RunKind
from liveplanner.core.plan import ShowPlan
from liveplanner.core.runlog import Run
from liveplanner.ui.words import said_of


def utc_now() -> datetime:
    return datetime.now(UTC)


def monotonic() -> float:
    return time.monotonic()


class RunController(QObject):
    changed = Signal()
    """The timer's state changed (not merely time passing)."""
    alarm = Signal(str)
    """The current segment reached its warning ("warning") or its end ("zero")."""
    log_failed = Signal(str)
    """Events could not be written yet; they are kept and written with the next ones."""

    def __init__(
        self,
        db: Database,
        plan: ShowPlan,
        kind: RunKind,
        *,
        interrupted: Run | None = None,
        now: Callable[[], float] | None = None,
        wall: Callable[[], datetime] | None = None,
        warning_s: int = DEFAULT_WARNING_S,
        danger_s: int = DEFAULT_DANGER_S,
        parent: QObject | None = None,
    ) -> None:
        """`warning_s` and `danger_s`: how long before a segment's end the countdown turns
        amber and red (File ▸ Preferences…). `now` and `wall` default to this module's
        `monotonic` and `utc_now`, looked up here, so a test can put a fake clock in their place
        for a timer the window opens."""
        super().__init__(parent)
        now = now or monotonic
        wall = wall or utc_now
        self.db, self.plan, self.kind = db, plan, kind
        self.now, self.wall = now, wall  # the live desk the host's window follows reads these too
        segments = timer_segments(plan, warning_s, danger_s)
        if interrupted is not None:
            events = as_positions_of(plan, interrupted.events)
            self.timer = resume(segments, events, now, wall)
        else:
            self.timer = SegmentTimer(segments, now, wall)
        self.log = RunLog(db, plan.show.id, kind, interrupted.id if interrupted else None)
        self._last_level: tuple[int, Level] | None = None
        if interrupted is not None:
            self._log(self.timer.reopen())  # this process's monotonic clock takes over

    def read(self) -> Reading:
        """The timer now; also notices wall-clock jumps and the warning and zero moments."""
        self._log(self.timer.check_clocks())
        reading = self.timer.read()
        key = (reading.index, reading.level)
        if (
            self._last_level is not None
            and key != self._last_level
            and key[0] == self._last_level[0]
        ):
            if reading.level is Level.WARNING:
                self.alarm.emit("warning")
            elif reading.level is Level.OVERTIME:
                self.alarm.emit("zero")
        self._last_level = key
        return reading

    def act(self, action: str, *args: object) -> None:
        """Do a timer action (toggle, next, previous, skip, add, note, end) and log it at once."""
        events: list[ClockEvent] = getattr(self.timer, action)(*args)
        self._log(events)
        if events:
            self.changed.emit()
        if self.kind is RunKind.LIVE and any(e.kind is RunEventKind.ENDED for e in events):
            self._settle_feed()

    def _settle_feed(self) -> None:
        """The live feed's minutes become the show's metrics as the show ends (unless the
        platform's export is in already): the review has figures before any import."""
        from liveplanner.app.live_feed import settle_feed

        if self.run_id is None or self.log.pending:
            return  # the end is not written yet: the next window's desk settles it
        try:
            settle_feed(self.db, self.run_id)
        except StorageError as exc:
            self.log_failed.emit(said_of(exc))

    def _log(self, events: list[ClockEvent]) -> None:
        """Write events now; if the database refuses, keep them (in order) and say so. The timer
        itself never stops for the database."""
        try:
            self.log.write(events)
        except StorageError as exc:
            self.log_failed.emit(said_of(exc))

    @property
    def run_id(self) -> int | None:
        """The run in the database; None until its start is written."""
        return self.log.run_id

    @property
    def unsaved(self) -> int:
        """How many events wait to be written (after the database refused them)."""
        return len(self.log.pending)

    @property
    def finished(self) -> bool:
        return self.timer.read().phase.value == "finished"
