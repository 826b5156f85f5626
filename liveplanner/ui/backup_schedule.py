"""Backups while the app runs: every 30 minutes while something changed, and on closing.

A backup that fails is said in the status bar and changes nothing; the next attempt comes at
the next turn of the timer.
"""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer

from liveplanner.app.backups import back_up_if_changed
from liveplanner.app.database import Database, StorageError
from liveplanner.ui.words import said_of

INTERVAL_MS = 30 * 60 * 1000


class BackupSchedule(QObject):
    def __init__(self, db: Database, tell: Callable[[str], None], parent: QObject) -> None:
        super().__init__(parent)
        self.db = db
        self.tell = tell  # where a failure is said (the status bar)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(lambda: self.back_up_if_changed("auto"))
        if db.sqlite_path is not None:
            self.timer.start()

    def back_up_if_changed(self, reason: str, now: datetime | None = None) -> bool:
        """Back up the SQLite file if it changed since its newest backup; True if it did."""
        try:
            return back_up_if_changed(self.db, reason, now)
        except StorageError as exc:
            self.tell(self.tr("Backup failed: %1").replace("%1", said_of(exc)))
            return False

    def stop(self) -> None:
        self.timer.stop()
