"""A person at the keyboard and mouse: keys go to the widget that has focus, the mouse to the
widget under the pointer, and after every step the journey checks what a person would notice:
an error the app reported, or a window that does not fit the screen.

Used by the drive_*.py journeys, which tests/journeys/test_journeys.py runs in a fresh process
per screen and language (one QApplication per process, and the screen is fixed at its start).
"""

import os
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMenu,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

SHOTS_ENV = "LIVEPLANNER_JOURNEY_SHOTS"
LANGUAGE_ENV = "LIVEPLANNER_JOURNEY_LANGUAGE"


def language() -> str:
    return os.environ.get(LANGUAGE_ENV, "en")


class JourneyFailed(AssertionError):
    pass


class Person:
    """Drives the app only through events a person makes, and checks the screen after each."""

    def __init__(self, qtbot: QtBot, problems: list[str], job: str) -> None:
        self.qtbot = qtbot
        self.problems = problems
        self.job = job
        self.step = 0
        self.shots = Path(os.environ[SHOTS_ENV]) if os.environ.get(SHOTS_ENV) else None
        self._answering: list[Callable[[QWidget], None]] = []
        # The dialogs answered, held (not their ids: a closed dialog's id is given to the next).
        self._handled: list[QWidget] = []
        # The windows in the order they were last active, the latest last: a window manager's
        # stacking order, where a window that closes hands the keys to the one under it.
        self._stacked: list[QWidget] = []

    # What a person does

    def focus(self) -> QWidget:
        """The widget keys go to: an open menu (it grabs the keyboard), else the focused one,
        else the active window. A completer's list hands its keys on to the box it completes,
        which keeps the focus."""
        popup = QApplication.activePopupWidget()
        menu = popup if isinstance(popup, QMenu) else None
        widget = menu or QApplication.focusWidget() or QApplication.activeWindow()
        if widget is None:
            raise JourneyFailed(f"{self.job}: nothing has the keyboard focus")
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
        QTest.keyClick(self.focus(), key, modifier)
        self.settle()

    def type(self, text: str) -> None:
        """Latin letters, digits and signs as keys; Chinese as an input method hands it over
        (a committed string), since no key on the keyboard makes 美 by itself."""
        for chunk in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
            if chunk.isascii():
                for char in chunk:  # each key to whatever has the focus by then
                    QTest.keyClicks(self.focus(), char)
                    QApplication.processEvents()
            else:
                event = QInputMethodEvent()
                event.setCommitString(chunk)
                QApplication.sendEvent(self.focus(), event)
            self.settle()

    def click(self, widget: QWidget, pos: QPoint | None = None, *, double: bool = False) -> None:
        """Point at `widget` (its middle unless `pos`) and click what is on top there: the
        event goes to the widget under the pointer, as it does for a person."""
        target, where = self.under_pointer(widget, widget.rect().center() if pos is None else pos)
        if not target.window().isActiveWindow():  # a click brings its window to the front
            target.window().activateWindow()
            self.qtbot.waitUntil(target.window().isActiveWindow)
        QTest.mouseMove(target, where)
        left, plain = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        QTest.mouseClick(target, left, plain, where)
        if double:  # the second click of a double-click, as the system reports it
            QTest.mouseDClick(target, left, plain, where)
        self.settle()

    def move(self, widget: QWidget, pos: QPoint) -> None:
        target, where = self.under_pointer(widget, pos)
        QTest.mouseMove(target, where)
        self.settle()

    def under_pointer(self, widget: QWidget, pos: QPoint) -> tuple[QWidget, QPoint]:
        point = widget.mapToGlobal(pos)
        target = QApplication.widgetAt(point)
        if target is not None and target.window().windowType() in _NOT_WINDOWS:
            # A tooltip lets the pointer through to the window under it.
            window = widget.window()
            target = window.childAt(window.mapFromGlobal(point)) or window
        if target is None or target.window() is not widget.window():
            raise JourneyFailed(
                f"{self.job}: {type(widget).__name__} is not on the screen at {point.x()}, "
                f"{point.y()}: {type(target).__name__} is"
            )
        return target, target.mapFromGlobal(point)

    def click_button(self, window: QWidget, text: str) -> None:
        """Click the visible button whose words (without & and …) match `text`."""
        self.click(self.button(window, text))

    def button(self, window: QWidget, text: str) -> QAbstractButton:
        wanted = _plain(text)
        for button in window.findChildren(QAbstractButton):
            if button.isVisible() and _plain(button.text()) == wanted:
                return button
        shown = [_plain(b.text()) for b in window.findChildren(QAbstractButton) if b.isVisible()]
        raise JourneyFailed(f"{self.job}: no button {text!r} in {type(window).__name__}: {shown}")

    def when_dialog_opens(self, answer: Callable[[QWidget], None]) -> None:
        """Answer the next dialog that opens (a modal dialog runs its own event loop, so the
        answer is given from within it, as a person does once it is on the screen)."""
        self._answering.append(answer)
        self._poll(0)

    def _poll(self, tries: int) -> None:
        dialog = QApplication.activeModalWidget()
        if (
            dialog is not None
            and dialog.isVisible()
            and not any(dialog is done for done in self._handled)
        ):
            self._handled.append(dialog)
            answer = self._answering.pop(0)
            # A person answers once the dialog is on the screen, in its place, and has the keys.
            self.qtbot.waitExposed(dialog)
            if not dialog.isActiveWindow():
                dialog.activateWindow()
            self.qtbot.waitUntil(dialog.isActiveWindow)
            self.settle()
            try:
                answer(dialog)
            except BaseException as exc:  # reported after the dialog's loop returns
                self.problems.append(f"while answering {type(dialog).__name__}: {exc!r}")
                if isinstance(dialog, QDialog):
                    dialog.reject()
            return
        if tries > 2000:
            self.problems.append(f"{self.job}: the dialog expected at step {self.step} never came")
            return
        QTimer.singleShot(5, lambda: self._poll(tries + 1))

    def choose_file(self, path: Path) -> Callable[[QWidget], None]:
        """An answer to a file dialog: the whole path typed into its name box, then Enter."""

        def answer(dialog: QWidget) -> None:
            assert isinstance(dialog, QFileDialog), type(dialog).__name__
            name = dialog.findChild(QLineEdit, "fileNameEdit")
            assert name is not None
            self.click(name)
            self.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            self.type(str(path))
            self.shot("file-dialog")
            self.press(Qt.Key.Key_Return)

        return answer

    def open_show(self, window: QWidget, show_id: int) -> None:
        """Double-click the show's row in the list, as a person opens a show."""
        page = window.list_page  # type: ignore[attr-defined]
        page.reload()
        model = page.model
        row = next(r for r in range(model.rowCount()) if model.show_at(r).id == show_id)
        where = page.table.visualRect(model.index(row, 0)).center()
        self.click(page.table.viewport(), where, double=True)
        self.wait_for(lambda: window.editor is not None, "the show opens")  # type: ignore[attr-defined]

    def wait_for(self, condition: Callable[[], bool], what: str) -> None:
        # A problem while waiting (an error, an answer that failed) ends the wait and is said.
        self.qtbot.waitUntil(lambda: bool(self.problems) or condition(), timeout=10_000)
        self.settle()
        if not condition():
            raise JourneyFailed(f"{self.job}: {what}")

    # What a person notices

    def settle(self) -> None:
        QApplication.processEvents()
        self._window_manager()
        self.check()

    def _window_manager(self) -> None:
        """What a desktop's window manager does and the offscreen platform does not: when the
        active window closes, the window under it (a modal dialog first, else the window active
        before it) becomes active."""
        active = QApplication.activeWindow()
        # A closed window may be deleted already: only those still alive are stacked.
        self._stacked = [w for w in self._stacked if isValid(w) and w is not active]
        if active is not None:
            self._stacked.append(active)
            return
        if _showing_a_tip():
            return
        modal = QApplication.activeModalWidget()
        candidates = [modal] if modal is not None else []
        candidates += [
            w
            for w in [*reversed(self._stacked), *reversed(QApplication.topLevelWidgets())]
            if w.isVisible() and w.windowType() not in _NOT_WINDOWS
        ]
        if candidates:
            candidates[0].activateWindow()
            QApplication.processEvents()

    def check(self) -> None:
        """No error reached the error hook; every window and dialog lies on the screen."""
        if self.problems:
            raise JourneyFailed(f"{self.job}: " + "\n".join(self.problems))
        for window in QApplication.topLevelWidgets():
            if not window.isVisible() or window.windowType() in _NOT_WINDOWS:
                continue
            screen = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
            frame = window.frameGeometry()
            if not screen.contains(frame):
                raise JourneyFailed(
                    f"{self.job}: {type(window).__name__} {window.windowTitle()!r} is "
                    f"{frame.width()}×{frame.height()} at ({frame.x()}, {frame.y()}), off the "
                    f"{screen.width()}×{screen.height()} screen"
                )

    def shot(self, name: str) -> None:
        """Keep a picture of every open window for a person to look at (when asked for)."""
        self.step += 1
        self.settle()
        if self.shots is None:
            return
        self.shots.mkdir(parents=True, exist_ok=True)
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w.windowType() not in _NOT_WINDOWS
        ]
        for index, window in enumerate(windows):
            suffix = "" if index == 0 else f"-{index}"
            path = self.shots / f"{self.job}-{self.step:02d}-{name}{suffix}.png"
            window.grab().save(str(path))


# Pop-ups (menus, tooltips, completers) live and die with what opened them.
_NOT_WINDOWS = {Qt.WindowType.Popup, Qt.WindowType.ToolTip}


def _showing_a_tip() -> bool:
    """The offscreen platform hands the focus to a tooltip as it shows; a desktop never does,
    and taking it back would close the tip."""
    window = QGuiApplication.focusWindow()
    return window is not None and window.type() in _NOT_WINDOWS


def _plain(text: str) -> str:
    return re.sub(r"\(&.\)|&|…|\.\.\.", "", text).strip()
