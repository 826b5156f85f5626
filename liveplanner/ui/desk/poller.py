"""A LiveDesk polled a few times a second off the GUI thread: reading the run log can wait on
the database (a server over Wi-Fi, a write lock), and the window's clock must not wait with it."""

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from liveplanner.app.live_desk import LiveDesk
from liveplanner.app.live_feed import run_figures
from liveplanner.core.live_figures import LiveFigures
from liveplanner.ui.words import said_of

POLL_MS = 250  # four polls a second: a tick on another screen shows within a quarter second


class _Signals(QObject):
    done = Signal(bool, object)  # the poll found something new; the show's figures now
    failed = Signal(str)  # the database refused, worded for the window


class _Poll(QRunnable):
    def __init__(self, desk: LiveDesk, signals: _Signals) -> None:
        super().__init__()
        self.desk, self.signals = desk, signals

    def run(self) -> None:
        try:
            changed = self.desk.poll()
            figures = run_figures(self.desk)  # the feed's minutes, whichever process took them
        except Exception as exc:
            # This thread has no error hook and the database may be away for a moment (a
            # server over Wi-Fi): said in the window, and the next poll tries again.
            self.signals.failed.emit(said_of(exc))
        else:
            self.signals.done.emit(changed, figures)


class DeskPoller(QObject):
    changed = Signal()
    """The desk's log or the run it follows changed: redraw."""
    failed = Signal(str)
    """A poll could not read the database (one line, the window's language)."""

    def __init__(self, desk: LiveDesk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self._done)
        self._signals.failed.connect(self._failed)
        self._busy = False  # one poll at a time: a slow database does not pile them up
        self.figures: LiveFigures | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.timer.start()

    def poll(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.pool.start(_Poll(self.desk, self._signals))

    def stop(self) -> None:
        """No more polls; waits for the one under way (its window is closing)."""
        self.timer.stop()
        self.pool.waitForDone()

    def _done(self, changed: bool, figures: LiveFigures) -> None:
        self._busy = False
        fed = figures.points != (self.figures.points if self.figures else None)
        self.figures = figures if figures.points else None
        if changed or fed:
            self.changed.emit()

    def _failed(self, message: str) -> None:
        self._busy = False
        self.failed.emit(message)
