"""Small helpers the widget tests share."""

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

D = TypeVar("D", bound=QWidget)


def show_active(qtbot: QtBot, widget: QWidget) -> None:
    """Show the window and make it active: keys go to the focused widget of the active window."""
    widget.show()
    qtbot.waitExposed(widget)
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


def dialog_from_menu(qtbot: QtBot, window: QWidget, menu: Qt.Key, item: Qt.Key, kind: type[D]) -> D:
    """Alt+`menu` opens one of the window's menus, `item` its entry by its letter: the modal
    dialog of `kind` it opens, once it is up."""
    qtbot.keyClick(window, menu, Qt.KeyboardModifier.AltModifier)
    opened = QApplication.activePopupWidget()
    assert opened is not None, "the menu opens"
    qtbot.keyClick(opened, item)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, kind)
    return dialog
