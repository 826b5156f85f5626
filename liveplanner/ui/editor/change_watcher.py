"""Tells an open editor of changes made to its show elsewhere (another laptop on the team's
database, or another window), and reloads the show so the screen shows what is saved.

It reads the show's history every few seconds: one indexed query for the lines after the last it
saw. Its own database's lines (this window's edits) are passed over.
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from liveplanner.app.database import StorageError
from liveplanner.ui.editor.document import ShowDocument

INTERVAL_MS = 3_000


class ChangeWatcher(QObject):
    changed_elsewhere = Signal(list)
    """The show was changed elsewhere and reloaded; carries the history's new lines (Change)."""

    def __init__(
        self,
        doc: ShowDocument,
        typing: Callable[[], bool] = lambda: False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.typing = typing  # whether the user has typed something not yet saved
        self.seen = doc.editing.last_change_id()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        # Not under a dialog the user is answering (a conflict, a confirmation), and not while
        # they type: a reload would put the stored text over theirs. What they type is saved
        # (and, if a teammate changed the same thing, settled) first; the next poll reloads.
        if QApplication.activeModalWidget() is not None or self.typing():
            return
        try:
            news = self.doc.editing.changes_after(self.seen)
            theirs = [c for c in news if not self.doc.editing.made_here(c)]
            # The timer in this same app moves the show to live, and then to done: the lock
            # must show here too, though no teammate made the change.
            status = any(c.entity == "show" and "status" in c.fields for c in news)
            if theirs or (status and self.doc.plan.show.status != self._stored_status()):
                self.doc.reload()
        except StorageError:
            return  # the server is away for a moment: the next poll tries again
        if news:
            self.seen = news[-1].id
        if theirs:
            self.changed_elsewhere.emit(theirs)

    def _stored_status(self) -> object:
        return self.doc.editing.stored_status()

    def stop(self) -> None:
        self.timer.stop()
