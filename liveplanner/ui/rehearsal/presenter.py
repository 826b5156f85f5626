"""The presenter screen: the countdown, now and next, and a message from the operator, for a
second monitor the host can read from across the studio."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

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


class PresenterWindow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("liveplanner presenter"))
        self.setStyleSheet("background: black; color: white;")
        self.current = QLabel()
        self.current.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.current.setWordWrap(True)
        self.countdown = QLabel("0:00")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next = QLabel()
        self.next.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next.setWordWrap(True)
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addWidget(self.countdown, 3)
        layout.addWidget(self.next)
        layout.addWidget(self.message)
        self._flashing = False
        self._flash_on = False
        self.flasher = QTimer(self)
        self.flasher.timeout.connect(self._flash)
        self.resize(1280, 720)

    def show_reading(self, reading: Reading, plan: ShowPlan) -> None:
        self.countdown.setText(countdown_text(reading))
        self.countdown.setStyleSheet(level_style(reading.level, reading.phase))
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        height = self.height()
        for label, share in (
            (self.countdown, 0.38),
            (self.current, 0.07),
            (self.next, 0.05),
            (self.message, 0.07),
        ):
            font = QFont(label.font())
            font.setPixelSize(max(14, int(height * share)))
            font.setBold(label is self.countdown or label is self.message)
            label.setFont(font)
        super().resizeEvent(event)
