"""Windows that fit the screen they open on: a producer's laptop has about 1366×705 to spare.

A dialog asks for the size it would like; it gets that, or less where the screen is smaller, with
room left for the window's frame. A dialog with much to show scrolls its content inside itself,
and its buttons stay below the scrolling part, always in view.
"""

from PySide6.QtCore import QMargins, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QVBoxLayout, QWidget

# A desktop's title bar and borders, for as long as the window manager has not said its own.
TYPICAL_FRAME = QMargins(8, 36, 8, 8)


def available_area(window: QWidget) -> QRect:
    """The usable part (without panels and docks) of the screen `window` opens on: its parent's
    screen for a dialog that is not shown yet."""
    parent = window.parentWidget()
    screen = (parent.window() if parent is not None else window).screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 705)


def frame_margins(window: QWidget) -> QMargins:
    """The frame the window manager puts around our windows: as measured on a window of ours
    already shown (the parent's), else a typical one."""
    parent = window.parentWidget()
    for shown in (window, parent.window() if parent is not None else None):
        handle = shown.windowHandle() if shown is not None and shown.isVisible() else None
        if handle is not None and not handle.frameMargins().isNull():
            return handle.frameMargins()
    return TYPICAL_FRAME


def fit_to_screen(window: QWidget, preferred: QSize, available: QRect | None = None) -> QSize:
    """Resize `window` to `preferred`, or smaller so that it and its frame lie within
    `available` (by default the usable area of its screen); the size given."""
    area = available if available is not None else available_area(window)
    room = area.size().shrunkBy(frame_margins(window))
    size = preferred.boundedTo(room).expandedTo(window.minimumSizeHint().boundedTo(room))
    window.resize(size)
    return size


def scrolling_body(window: QWidget, body: QLayout, *footer: QWidget | QLayout) -> QScrollArea:
    """Lay `window` out as `body` in a scroll area over `footer` (its buttons, say), which stays
    in view however short the screen. The body's parts shrink to their smallest before it
    scrolls."""
    content = QWidget()
    content.setLayout(body)
    body.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    scroll.setWidget(content)
    layout = QVBoxLayout(window)
    layout.addWidget(scroll, 1)
    for part in footer:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    return scroll


def scrolling(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area: a tall form that must not make its page as tall."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(widget)
    return scroll
