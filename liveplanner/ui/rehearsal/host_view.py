"""The host's timer window: a huge countdown, what to say, what comes next, who does what soon."""

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liveplanner.core.clock import Phase, Reading
from liveplanner.core.enums import RunKind
from liveplanner.core.money import format_yuan
from liveplanner.core.schedule import format_duration
from liveplanner.ui import labels
from liveplanner.ui.rehearsal.presenter import PresenterWindow, countdown_text, level_style
from liveplanner.ui.rehearsal.run_controller import RunController

IDLE_REFRESH_MS = 1000  # paused or idle: only the show's over/under moves, once a second
CUE_HORIZON_S = 60  # cues due within a minute are shown


def next_change_ms(reading: Reading) -> int:
    """Milliseconds until the countdown's text next changes (it shows whole seconds)."""
    if reading.phase not in (Phase.RUNNING, Phase.OVERTIME):
        return IDLE_REFRESH_MS
    fraction = reading.remaining_s % 1.0  # the same formula counts down and, past zero, up
    return max(1, int(fraction * 1000) + 1)


def signed(seconds: float) -> str:
    whole = round(seconds)
    return ("+" if whole > 0 else "−" if whole < 0 else "±") + format_duration(abs(whole))


class HostView(QWidget):
    left = Signal()
    """The host left the timer (Esc)."""

    def __init__(self, controller: RunController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.plan = controller.plan
        self.presenter: PresenterWindow | None = None
        live = controller.kind is RunKind.LIVE
        self.setWindowTitle(
            (self.tr("LIVE: %1") if live else self.tr("Rehearsal: %1")).replace(
                "%1", self.plan.show.title
            )
        )
        self.resize(1280, 800)

        self.run_label = QLabel(self.tr("LIVE") if live else self.tr("REHEARSAL"))
        self.run_label.setStyleSheet(
            "color: white; background: %s; padding: 2px 8px; font-weight: bold;"
            % ("#c0392b" if live else "#2c7be5")
        )
        self.show_label = QLabel()
        self.kind_label = QLabel()
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        big = QFont()
        big.setPointSize(22)
        big.setBold(True)
        self.title_label.setFont(big)
        self.countdown = QLabel("0:00")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setObjectName("countdown")
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.points = QLabel()
        self.points.setWordWrap(True)
        self.points.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        points_font = QFont()
        points_font.setPointSize(16)
        self.points.setFont(points_font)
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.cues = QLabel()
        self.cues.setWordWrap(True)
        self.cues.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.product = QLabel()
        self.product.setWordWrap(True)
        self.product.setAlignment(Qt.AlignmentFlag.AlignTop)
        side_font = QFont()
        side_font.setPointSize(13)
        for label in (self.next_label, self.cues, self.product):
            label.setFont(side_font)

        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("A note for the log (Enter)"))
        self.note.returnPressed.connect(self._log_note)
        self.message = QLineEdit()
        self.message.setPlaceholderText(self.tr("Message to the presenter screen, e.g. wrap up"))
        self.message.returnPressed.connect(self.send_message)
        self.flash = QCheckBox(self.tr("Flash"))
        self.sound = QCheckBox(self.tr("Sound at warning and zero"))
        self.screens = QComboBox()
        for screen in QGuiApplication.screens():
            self.screens.addItem(screen.name(), screen.name())
        self.presenter_button = QPushButton(self.tr("Presenter screen"))
        self.presenter_button.clicked.connect(self.open_presenter)
        help_text = self.tr("Space start/pause · → next · ← previous · + / − 30 s · Esc leave")
        self.keys = QLabel(help_text)

        header = QHBoxLayout()
        header.addWidget(self.run_label)
        header.addWidget(self.show_label, 1)
        header.addWidget(self.kind_label)
        side = QVBoxLayout()
        side.addWidget(self._caption(self.tr("Next")))
        side.addWidget(self.next_label)
        side.addWidget(self._caption(self.tr("Cues due soon")))
        side.addWidget(self.cues)
        side.addWidget(self._caption(self.tr("Product and promos")))
        side.addWidget(self.product)
        side.addStretch()
        main = QGridLayout()
        main.addWidget(self.title_label, 0, 0)
        main.addWidget(self.countdown, 1, 0)
        main.addWidget(self.progress, 2, 0)
        main.addWidget(self.points, 3, 0)
        main.addLayout(side, 0, 1, 4, 1)
        main.setColumnStretch(0, 3)
        main.setColumnStretch(1, 1)
        main.setRowStretch(1, 3)
        main.setRowStretch(3, 2)
        tools = QHBoxLayout()
        tools.addWidget(self.note, 2)
        tools.addWidget(self.message, 2)
        tools.addWidget(self.flash)
        tools.addWidget(self.screens)
        tools.addWidget(self.presenter_button)
        tools.addWidget(self.sound)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(main, 1)
        layout.addLayout(tools)
        layout.addWidget(self.keys)

        self._keys()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: white; background: #c0392b; padding: 4px;")
        self.problem.hide()
        layout.insertWidget(1, self.problem)
        controller.changed.connect(self.refresh)
        controller.changed.connect(lambda: self.problem.setVisible(bool(controller.unsaved)))
        controller.alarm.connect(self._alarm)
        controller.log_failed.connect(self._log_failed)
        for box in (self.note, self.message):
            box.installEventFilter(self)
        # One refresh at each moment the clock's text changes, not a fixed tick: the display
        # is late by the timer's latency only (benchmarks/timer_lateness.py measures it).
        self.ticker = QTimer(self)
        self.ticker.setSingleShot(True)
        self.ticker.setTimerType(Qt.TimerType.PreciseTimer)
        self.ticker.timeout.connect(self.refresh)
        self.refresh()

    @staticmethod
    def _caption(text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        font.setPointSize(14)
        label.setFont(font)
        return label

    def _keys(self) -> None:
        # Window-wide keys; a text box keeps the keys it types with (Space, arrows).
        bindings = (
            (Qt.Key.Key_Space, lambda: self.controller.act("toggle")),
            (Qt.Key.Key_Right, self.next_segment),
            (Qt.Key.Key_Left, lambda: self.controller.act("previous")),
            (Qt.Key.Key_Plus, lambda: self.controller.act("add", 30)),
            (Qt.Key.Key_Equal, lambda: self.controller.act("add", 30)),
            (Qt.Key.Key_Minus, lambda: self.controller.act("add", -30)),
            (Qt.Key.Key_Escape, self.close),
        )
        self.shortcuts = []
        for key, slot in bindings:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)

    # Showing

    def refresh(self) -> None:
        reading = self.controller.timer.read()
        try:
            reading = self.controller.read()
            self._show(reading)
            if self.presenter is not None:
                self.presenter.show_reading(reading, self.plan)
        finally:
            # Whatever happened above, the clock keeps going on screen.
            if reading.phase is not Phase.FINISHED:
                self.ticker.start(next_change_ms(reading))

    def _show(self, reading: Reading) -> None:
        plan = self.plan
        finished = reading.phase is Phase.FINISHED
        self.countdown.setText(countdown_text(reading))
        self.countdown.setStyleSheet(level_style(reading.level, reading.phase))
        self.progress.setValue(int(reading.progress * 1000))
        over = signed(reading.over_under_s)
        end = (
            reading.projected_end.astimezone(plan.show.planned_start.tzinfo).strftime("%H:%M")
            if reading.projected_end
            else "—"
        )
        self.show_label.setText(
            self.tr("%1 · over/under %2 · ends about %3")
            .replace("%1", plan.show.title)
            .replace("%2", over)
            .replace("%3", end)
        )
        if finished:
            self.title_label.setText(self.tr("The run is over"))
            self.kind_label.setText("")
            self.points.setText("")
            self.next_label.setText("")
            self.cues.setText("")
            self.product.setText("")
            return
        segment = plan.segments[reading.index]
        state = {
            Phase.IDLE: self.tr("press Space to start"),
            Phase.PAUSED: self.tr("paused"),
        }.get(reading.phase, "")
        self.title_label.setText(f"{reading.index + 1}. {segment.title}")
        self.kind_label.setText(
            " · ".join(t for t in (labels.segment_kind(segment.kind), state) if t)
        )
        self.points.setText(
            segment.talking_points.replace("\n", "\n• ").join(("• ", ""))
            if segment.talking_points
            else ""
        )
        following = (
            plan.segments[reading.index + 1] if reading.index + 1 < len(plan.segments) else None
        )
        self.next_label.setText(
            f"{following.title} ({format_duration(following.duration_s)})"
            if following
            else self.tr("the end of the show")
        )
        self.cues.setText(self._cues(reading) or self.tr("none in the next minute"))
        self.product.setText(self._product(reading))

    def _cues(self, reading: Reading) -> str:
        segment = self.plan.segments[reading.index]
        names = {p.id: p.name for p in self.plan.people}
        lines = []
        for duty in sorted(
            (d for d in self.plan.duties if d.segment_id == segment.id), key=lambda d: d.offset_s
        ):
            due = duty.offset_s - reading.elapsed_s
            if -5 <= due <= CUE_HORIZON_S:
                who = names.get(duty.person_id) or (labels.role(duty.role) if duty.role else "")
                when = (
                    self.tr("now")
                    if due <= 0
                    else self.tr("in %1").replace("%1", format_duration(round(due)))
                )
                lines.append(f"{who}: {duty.cue} — {when}")
        return "\n".join(lines)

    def _product(self, reading: Reading) -> str:
        plan = self.plan
        segment = plan.segments[reading.index]
        lines = []
        product = plan.product(segment.product_id)
        if product is not None:
            price = (
                format_yuan(product.live_price_fen) if product.live_price_fen is not None else "—"
            )
            stock = str(product.stock) if product.stock is not None else "—"
            lines.append(
                self.tr("%1: ¥%2, stock %3")
                .replace("%1", product.name)
                .replace("%2", price)
                .replace("%3", stock)
            )
        for release in plan.releases:
            if release.segment_id == segment.id and (promo := plan.promo(release.promo_id)):
                lines.append(
                    self.tr("%1 ×%2 at %3")
                    .replace("%1", promo.name)
                    .replace("%2", str(release.quantity))
                    .replace("%3", format_duration(release.offset_s))
                )
        return "\n".join(lines) or self.tr("no product or promo in this segment")

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The countdown takes what the window gives it: readable across the studio.
        font = QFont(self.countdown.font())
        font.setPixelSize(max(48, int(self.height() * 0.26)))
        font.setBold(True)
        self.countdown.setFont(font)
        super().resizeEvent(event)

    def _log_failed(self, message: str) -> None:
        self.problem.setText(
            self.tr("Not saved yet, kept and retried with the next action: %1").replace(
                "%1", message
            )
        )
        self.problem.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Esc in a text box clears it and gives the keys back to the timer; it never closes.
        kinds = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
        if (
            watched in (self.note, self.message)
            and event.type() in kinds
            and event.key() == Qt.Key.Key_Escape  # type: ignore[attr-defined]
        ):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # the text box takes Esc: the window's Esc shortcut stays quiet
                return True
            watched.clear()  # type: ignore[attr-defined]
            self.setFocus()
            return True
        return super().eventFilter(watched, event)

    def next_segment(self) -> None:
        """Right: the next segment; past the last one, end the run once the host confirms."""
        timer = self.controller.timer
        if timer.phase is not Phase.IDLE and timer.index == len(self.plan.segments) - 1:
            answer = QMessageBox.question(
                self,
                self.tr("End the run"),
                self.tr("This is the last segment. End the run now?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.controller.act("next")

    def _alarm(self, _moment: str) -> None:
        if self.sound.isChecked():
            QApplication.beep()

    # Tools

    def _log_note(self) -> None:
        self.controller.act("note", self.note.text())
        self.note.clear()
        self.setFocus()

    def send_message(self) -> None:
        if self.presenter is None:
            self.open_presenter()
        assert self.presenter is not None
        self.presenter.set_message(self.message.text(), self.flash.isChecked())
        self.setFocus()

    def open_presenter(self) -> None:
        if self.presenter is None:
            self.presenter = PresenterWindow()
        screens = {s.name(): s for s in QGuiApplication.screens()}
        screen = screens.get(self.screens.currentData())
        if screen is not None:
            self.presenter.setScreen(screen)
            self.presenter.setGeometry(screen.geometry())
        self.presenter.showFullScreen()
        self.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        timer = self.controller.timer
        if timer.phase not in (Phase.IDLE, Phase.FINISHED):
            answer = QMessageBox.question(
                self,
                self.tr("Leave the timer"),
                self.tr("End this run now? Choose No to leave it open and resume it later."),
                QMessageBox.StandardButton.Yes
                | QMessageBox.StandardButton.No
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,  # Esc then Enter must never end a live run
            )
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Yes:
                self.controller.act("end")
        self.ticker.stop()
        if self.presenter is not None:
            self.presenter.close()
        self.left.emit()
        super().closeEvent(event)
