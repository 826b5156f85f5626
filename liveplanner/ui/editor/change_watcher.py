"""Tells an open editor of changes made to its show elsewhere (another laptop on the team's
database, or another window), and reloads the show so the screen shows what is saved.

It reads the show's history every few seconds: one indexed query for the lines after the last it
saw. Its own database's lines (this window's edits) are passed over.
"""

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from liveplanner.storage import history
from liveplanner.storage.errors import StorageError
from liveplanner.ui.editor.document import ShowDocument

INTERVAL_MS = 3_000


class ChangeWatcher(QObject):
    changed_elsewhere = Signal(list)
    """The show was changed elsewhere and reloaded; carries the history's new lines (Change)."""

    def __init__(self, doc: ShowDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.seen = history.last_change_id(doc.db, doc.show_id)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        if QApplication.activeModalWidget() is not None:
            return  # not under a dialog the user is answering (a conflict, a confirmation)
        try:
            news = history.list_changes(self.doc.db, self.doc.show_id, self.seen)
        except StorageError:
            return  # the server is away for a moment: the next poll tries again
        if not news:
            return
        self.seen = news[-1].id
        theirs = [c for c in news if c.origin != self.doc.db.origin]
        if theirs:
            self.doc.reload()
            self.changed_elsewhere.emit(theirs)

    def stop(self) -> None:
        self.timer.stop()
