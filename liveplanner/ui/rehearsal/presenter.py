"""The presenter screen: the countdown, now and next, and a message from the operator, for a
second monitor the host can read from across the studio."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from liveplanner.core.clock import Level, Phase, Reading
from liveplanner.core.plan import ShowPlan
from liveplanner.core.schedule import format_duration

STYLES = {
    Level.NORMAL: "",
    Level.WARNING: "background: #f5a623; color: #111;",
    Level.DANGER: "background: #d0021b; color: white;",
    Level.OVERTIME: "background: #7a0010; color: white;",
}


def countdown_text(reading: Reading) -> str:
    """What the big clock says: time left, or time over with a plus."""
    if reading.phase is Phase.FINISHED:
        return "0:00"
    remaining = reading.remaining_s
    if remaining < 0:
        return "+" + format_duration(int(-remaining))
    return format_duration(int(remaining + 0.999))  # 4:59.2 left reads 5:00, as clocks do


def level_style(level: Level, phase: Phase) -> str:
    style = STYLES[level]
    if phase is Phase.PAUSED:
        style += "color: #888;"
    return style


PAUSED_STYLE = "background: #f5a623; color: #111; font-weight: bold;"


def scaled_px(width: int, height: int, of_height: float, of_width: float, least: int = 12) -> int:
    """A font's pixel size as a share of the window: the smaller of a share of its height and a
    share of its width, so text grows with the window and never outgrows a narrow one."""
    return max(least, int(min(height * of_height, width * of_width)))


def restyle(widget: QWidget, css: str) -> None:
    """Set a style sheet only when it changes: Qt re-polishes and re-lays out the widget on every
    call, even with the same sheet, and the timer shows a reading every second."""
    if widget.styleSheet() != css:
        widget.setStyleSheet(css)


def keep_space(label: QLabel) -> None:
    """Hiding the label keeps its room, so the countdown does not jump when a state shows."""
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    label.setSizePolicy(policy)


class PresenterWindow(QWidget):
    closed = Signal()
    """The presenter screen was closed (Esc, or its window's close button)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        # A window of its own even with a parent: the host view owns it and closes it.
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("liveplanner presenter"))
        self.setStyleSheet("background: black; color: white;")
        self.current = QLabel()
        self.current.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.current.setWordWrap(True)
        self.state = QLabel(self.tr("PAUSED"))
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state.setStyleSheet(PAUSED_STYLE)
        keep_space(self.state)
        self.state.hide()
        self.countdown = QLabel("0:00")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next = QLabel()
        self.next.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next.setWordWrap(True)
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        for label in (self.current, self.next, self.message):
            # Long words wrap or clip; they never make the window larger than its screen.
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.countdown.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addWidget(self.state)
        layout.addWidget(self.countdown, 3)
        layout.addWidget(self.next)
        layout.addWidget(self.message)
        self._flashing = False
        self._flash_on = False
        self.flasher = QTimer(self)
        self.flasher.timeout.connect(self._flash)
        self.resize(1280, 720)
        close = QAction(self.tr("Close the presenter screen"), self)
        close.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        close.triggered.connect(self.close)
        self.addAction(close)

    def show_reading(self, reading: Reading, plan: ShowPlan) -> None:
        self.countdown.setText(countdown_text(reading))
        restyle(self.countdown, level_style(reading.level, reading.phase))
        self.state.setVisible(reading.phase is Phase.PAUSED)
        if reading.phase is Phase.FINISHED:
            self.current.setText("")
            self.next.setText("")
            return
        segment = plan.segments[reading.index]
        self.current.setText(segment.title)
        following = (
            plan.segments[reading.index + 1] if reading.index + 1 < len(plan.segments) else None
        )
        self.next.setText(
            self.tr("Next: %1 (%2)")
            .replace("%1", following.title)
            .replace("%2", format_duration(following.duration_s))
            if following
            else self.tr("Next: the end")
        )

    def set_message(self, text: str, flash: bool) -> None:
        self.message.setText(text)
        self._flashing = flash and bool(text)
        if self._flashing:
            self.flasher.start(500)
        else:
            self.flasher.stop()
            self.message.setStyleSheet("color: #ffd24d;")

    def _flash(self) -> None:
        self._flash_on = not self._flash_on
        self.message.setStyleSheet(
            "background: #ffd24d; color: black;" if self._flash_on else "color: #ffd24d;"
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flasher.stop()  # a closed screen flashes nothing
        super().closeEvent(event)
        self.closed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Shares of the height, held to shares of the width: "+12:34" fits a narrow window.
        width, height = self.width(), self.height()
        for label, of_height, of_width in (
            (self.countdown, 0.38, 0.25),
            (self.current, 0.07, 0.05),
            (self.state, 0.08, 0.06),
            (self.next, 0.05, 0.04),
            (self.message, 0.07, 0.05),
        ):
            font = QFont(label.font())
            font.setPixelSize(scaled_px(width, height, of_height, of_width, 14))
            font.setBold(label in (self.countdown, self.message, self.state))
            label.setFont(font)
        super().resizeEvent(event)
