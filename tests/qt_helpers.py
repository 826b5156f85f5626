"""Small helpers the widget tests share."""

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def show_active(qtbot: QtBot, widget: QWidget) -> None:
    """Show the window and make it active: keys go to the focused widget of the active window."""
    widget.show()
    qtbot.waitExposed(widget)
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
