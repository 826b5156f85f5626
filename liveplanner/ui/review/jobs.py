"""Long work off the GUI thread: a job reports its progress, can be cancelled, and hands its
result (or the exception it raised) back to the GUI thread through signals."""

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

Progress = Callable[[float], None]


class Cancelled(Exception):
    """Raised inside a job's work when the user pressed Cancel."""


class Job(QObject):
    progress = Signal(int)  # per cent
    succeeded = Signal(object)
    failed = Signal(object)  # the exception, Cancelled included

    def __init__(self, work: Callable[[Progress], object]) -> None:
        super().__init__()
        self._work = work
        self._cancel = threading.Event()
        self.thread: QThread | None = None

    def start(self) -> None:
        """Run the work on a thread of its own; both are deleted once it ends."""
        self.thread = QThread()
        self.moveToThread(self.thread)
        self.thread.started.connect(self._run)
        self.thread.finished.connect(self.thread.deleteLater)
        self.thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self) -> None:
        """Block until the work has stopped (used when its window closes)."""
        if self.thread is not None:
            self.thread.wait()

    def _report(self, fraction: float) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.progress.emit(round(fraction * 100))

    def _run(self) -> None:
        try:
            result = self._work(self._report)
        except Exception as exc:  # handed to the GUI thread, which says what happened
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            QThread.currentThread().quit()
