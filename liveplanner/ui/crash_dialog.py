"""When something unexpected goes wrong: the error goes to the log with its traceback, what is
typed is saved, and a dialog says so and names the log file. The app keeps running.

PySide6 hands an exception raised in a slot or an overridden Qt method to sys.excepthook and
goes on; without a hook of ours the user would see nothing at all, or a windowed app vanish.
"""

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

logger = logging.getLogger("liveplanner.errors")
_ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]
_ThreadExceptHook = Callable[[threading.ExceptHookArgs], object]


class CrashDialog(QMessageBox):
    """Says that something went wrong, that the work is saved, and where the details are."""

    def __init__(
        self, log_path: Path, details: str, typed_saved: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("liveplanner: unexpected problem"))
        self.setText(
            self.tr("liveplanner hit an unexpected problem and stopped what it was doing.")
        )
        saved = self.tr(
            "Your work is saved: every change is written to the database when you make it. "
            "liveplanner keeps running; if a screen looks wrong, go back to the show list and "
            "open the show again."
        )
        if not typed_saved:
            saved += "\n\n" + self.tr(
                "What you were typing in the open box may not have been kept."
            )
        where = self.tr(
            "The details are in %1. Please send that file, with a word on what you were doing, "
            "to whoever looks after liveplanner for you."
        ).replace("%1", str(log_path))
        self.setInformativeText(saved + "\n\n" + where)
        self.setDetailedText(details)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder = self.addButton(
            self.tr("Open the log &folder"), QMessageBox.ButtonRole.ActionRole
        )
        self.open_folder.clicked.connect(self.open_log_folder)
        self.setDefaultButton(self.addButton(QMessageBox.StandardButton.Ok))

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))


def _where(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """Which error at which line: the same one again is logged but not shown again."""
    frames = traceback.extract_tb(tb)
    last = frames[-1] if frames else None
    return f"{exc_type.__name__}@{last.filename}:{last.lineno}" if last else exc_type.__name__


class CrashReporter(QObject):
    """sys.excepthook (and threading.excepthook) while the window runs."""

    problem = Signal(str, str)
    """An unexpected error was logged; carries where it happened and its traceback. Queued, so
    the dialog opens after the failing code has unwound, and in the GUI thread whatever thread
    failed."""

    def __init__(
        self,
        log_path: Path,
        save_typed: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        """`save_typed` commits what the user is typing (MainWindow.commit_editor)."""
        super().__init__(parent)
        self.log_path = log_path
        self.save_typed = save_typed
        self.shown: set[str] = set()
        self._telling = False
        self._previous: tuple[_ExceptHook, _ThreadExceptHook] | None = None
        self.problem.connect(self.tell, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        logger.error("Unexpected error\n%s", text.rstrip())
        if sys.stderr is not None:  # a terminal still shows it, as without the hook
            sys.stderr.write(text)
        self.problem.emit(_where(exc_type, tb), text)

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is not SystemExit and args.exc_value is not None:
            self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def tell(self, where: str, details: str) -> None:
        """Save what is typed and show the dialog, once for each place that failed. A problem
        while doing so (saving may fail the same way) is logged, not shown again."""
        if self._telling or where in self.shown:
            return
        self._telling = True
        try:
            self.shown.add(where)
            typed_saved = self._save_typed()
            parent = QApplication.activeModalWidget() or QApplication.activeWindow()
            CrashDialog(self.log_path, details, typed_saved, parent).exec()
        finally:
            self._telling = False

    def _save_typed(self) -> bool:
        try:
            self.save_typed()
        except Exception:
            logger.exception("Saving what was typed after the error failed")
            return False
        return True
