"""The host's timer window: a huge countdown, what to say, what comes next, who does what soon.

Its widgets, keys and tools are here; host_display.py fills it on each tick and
host_presenter.py opens the presenter screen."""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QGuiApplication, QKeySequence, QResizeEvent
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
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from liveplanner.app.database import StorageError
from liveplanner.app.live_desk import LiveDesk
from liveplanner.core.clock import Phase
from liveplanner.core.enums import RunKind
from liveplanner.ui.desk.poller import DeskPoller
from liveplanner.ui.rehearsal.host_display import HostDisplay
from liveplanner.ui.rehearsal.host_presenter import HostPresenter
from liveplanner.ui.rehearsal.presenter import PresenterWindow, keep_space, scaled_px
from liveplanner.ui.rehearsal.run_controller import RunController
from liveplanner.ui.screen_fit import fit_to_screen

STEP_S = 30  # what + and − add or take away


class HostView(HostDisplay, HostPresenter, QWidget):
    left = Signal()
    """The host left the timer (Esc, and the run ended or left open to resume)."""

    def __init__(self, controller: RunController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.plan = controller.plan
        self.presenter: PresenterWindow | None = None
        self.question: QMessageBox | None = None  # the question on screen, if any
        self._leaving = False  # the host chose to leave: the next close goes through
        self._maximize_again = False  # made room for the presenter: maximise when it closes
        live = controller.kind is RunKind.LIVE
        self.setWindowTitle(
            (self.tr("LIVE: %1") if live else self.tr("Rehearsal: %1")).replace(
                "%1", self.plan.show.title
            )
        )
        # Its size when not maximised: as much of that as the screen has, frame and all.
        fit_to_screen(self, QSize(1280, 800))
        # The window itself holds the keys: it has the focus from the moment it opens, takes it
        # back on a click anywhere but a text box, and the other controls never take it.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.run_label = QLabel(self.tr("LIVE") if live else self.tr("REHEARSAL"))
        self.run_label.setStyleSheet(
            "color: white; background: %s; padding: 2px 8px; font-weight: bold;"
            % ("#c0392b" if live else "#2c7be5")
        )
        self.show_label = QLabel()
        # A long show title gives way to the figures beside it.
        self.show_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.over_label = QLabel()
        self.end_label = QLabel()
        self.kind_label = QLabel()
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.state_banner = QLabel()
        self.state_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        keep_space(self.state_banner)
        self.countdown = QLabel("0:00")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setObjectName("countdown")
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.points = QLabel()
        self.points.setWordWrap(True)
        self.points.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.cues = QLabel()
        self.cues.setWordWrap(True)
        self.cues.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.product = QLabel()
        self.product.setWordWrap(True)
        self.product.setAlignment(Qt.AlignmentFlag.AlignTop)
        for label in (self.next_label, self.cues, self.product):
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        for label in (self.points, self.title_label):
            # However long the text, it never makes the window taller than the screen.
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            label.setMinimumHeight(1)
        self.countdown.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.ticks = QLabel()  # the live desk's last ticks, from every screen
        self.ticks.setWordWrap(True)
        self.ticks.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.captions = [
            self._caption(self.tr("Next")),
            self._caption(self.tr("Cues due soon")),
            self._caption(self.tr("Product and promos")),
            self._caption(self.tr("Last ticks")),
        ]

        # Typing is a deliberate act (a click, N or M); Enter or Esc hands the keys back.
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("A note for the log (N; Enter logs it)"))
        self.note.returnPressed.connect(self._log_note)
        self.message = QLineEdit()
        self.message.setPlaceholderText(
            self.tr("Message to the presenter screen, e.g. wrap up (M; Enter sends it)")
        )
        self.message.returnPressed.connect(self.send_message)
        self.flash = QCheckBox(self.tr("Flash"))
        self.sound = QCheckBox(self.tr("Sound at warning and zero"))
        self.screens = QComboBox()
        self.screens.setToolTip(self.tr("The screen the presenter screen fills"))
        self.presenter_button = QPushButton(self.tr("Presenter screen"))
        self.presenter_button.clicked.connect(self.open_presenter)
        for box in (self.note, self.message):
            box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # not on Tab
        for control in (self.flash, self.sound, self.screens, self.presenter_button):
            control.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab and Space stay the timer's
        self.keys = QLabel()
        self.keys.setWordWrap(True)

        header = QHBoxLayout()
        header.addWidget(self.run_label)
        header.addWidget(self.show_label, 1)
        header.addWidget(self.over_label)
        header.addSpacing(16)
        header.addWidget(self.end_label)
        side_panel = QWidget()
        # Its text never makes the window taller than the screen: what does not fit is cut.
        side_panel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        side_panel.setMinimumSize(1, 1)
        side = QVBoxLayout(side_panel)
        side.setContentsMargins(0, 0, 0, 0)
        for caption, label in zip(
            self.captions, (self.next_label, self.cues, self.product, self.ticks), strict=True
        ):
            side.addWidget(caption)
            side.addWidget(label)
            side.addSpacing(12)
        side.addStretch()
        heading = QHBoxLayout()
        heading.addWidget(self.title_label, 1)
        heading.addWidget(self.kind_label, 0, Qt.AlignmentFlag.AlignTop)
        main = QGridLayout()
        main.addLayout(heading, 0, 0)
        main.addWidget(self.state_banner, 1, 0)
        main.addWidget(self.countdown, 2, 0)
        main.addWidget(self.progress, 3, 0)
        main.addWidget(self.points, 4, 0)
        main.addWidget(side_panel, 0, 1, 5, 1)
        main.setHorizontalSpacing(32)
        main.setColumnStretch(0, 3)
        main.setColumnStretch(1, 2)
        main.setRowStretch(0, 1)
        main.setRowStretch(2, 4)
        main.setRowStretch(4, 2)
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
        self._list_screens()
        QGuiApplication.instance().screenAdded.connect(self._list_screens)  # type: ignore[union-attr]
        QGuiApplication.instance().screenRemoved.connect(self._list_screens)  # type: ignore[union-attr]
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
        self.desk = self._follow_desk()
        self.setFocus()
        self.refresh()

    def _follow_desk(self) -> DeskPoller | None:
        """The show's live desk, on the timer's clocks: the team's ticks as they come, and the
        prompt to move on when the segment's flash sale sells out. Without it (the database
        refused) the timer runs as ever."""
        try:
            desk = LiveDesk(
                self.controller.db,
                self.plan.show.id,
                now=self.controller.now,
                wall=self.controller.wall,
            )
        except StorageError:
            return None
        poller = DeskPoller(desk, self)
        poller.changed.connect(self.refresh)
        poller.start()
        return poller

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setStyleSheet("color: #555;")
        return label

    def _keys(self) -> None:
        """The timer's keys, as actions of this window (and of the presenter screen), and the
        line that lists them: made from one table, so the list says what the keys do."""
        step = str(STEP_S)
        Row = tuple[tuple[Qt.Key, ...], str, Callable[[], object], tuple[str, str] | None]
        table: tuple[Row, ...] = (
            (
                (Qt.Key.Key_Space,),
                self.tr("Start or pause"),
                lambda: self.controller.act("toggle"),
                (self.tr("Space"), self.tr("start/pause")),
            ),
            (
                (Qt.Key.Key_Right,),
                self.tr("Next segment"),
                self.next_segment,
                ("→", self.tr("next")),
            ),
            (
                (Qt.Key.Key_Left,),
                self.tr("Previous segment"),
                self.previous_segment,
                ("←", self.tr("previous")),
            ),
            (
                (Qt.Key.Key_Plus, Qt.Key.Key_Equal),
                self.tr("%1 s more").replace("%1", step),
                lambda: self.controller.act("add", STEP_S),
                ("+ / −", self.tr("%1 s").replace("%1", step)),
            ),
            (
                (Qt.Key.Key_Minus,),
                self.tr("%1 s less").replace("%1", step),
                lambda: self.controller.act("add", -STEP_S),
                None,  # listed with +
            ),
            (
                (Qt.Key.Key_N,),
                self.tr("Type a note for the log"),
                self.start_note,
                ("N", self.tr("note")),
            ),
            (
                (Qt.Key.Key_M,),
                self.tr("Type a message to the presenter"),
                self.start_message,
                ("M", self.tr("message")),
            ),
            (
                (Qt.Key.Key_P,),
                self.tr("Open the presenter screen"),
                self.open_presenter,
                ("P", self.tr("presenter screen")),
            ),
            (
                (Qt.Key.Key_Escape,),
                self.tr("Leave the timer"),
                self.close,
                (self.tr("Esc"), self.tr("leave")),
            ),
        )
        actions: list[QAction] = []
        for keys, text, slot, _listing in table:
            action = QAction(text, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(slot)
            self.addAction(action)
            actions.append(action)
        *self.timer_actions, self.leave_action = actions  # Esc on the presenter closes it alone
        self.start_action, self.next_action, self.previous_action = self.timer_actions[:3]
        self.more_action, self.less_action = self.timer_actions[3:5]
        self.note_action, self.message_action, self.presenter_action = self.timer_actions[5:]
        self.keys.setText(
            "  ·  ".join(
                f"<b>{listing[0]}</b> {listing[1]}" for *_, listing in table if listing is not None
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Everything the host reads grows with the window, as the countdown does: readable
        # across the studio on a big screen, and still fitting a laptop's.
        width, height = self.width(), self.height()
        for widgets, of_height, of_width, bold in (
            ((self.countdown,), 0.26, 0.15, True),
            ((self.title_label,), 0.045, 0.026, True),
            ((self.state_banner,), 0.055, 0.032, True),
            ((self.points,), 0.038, 0.022, False),
            ((self.next_label, self.cues, self.product, self.ticks), 0.036, 0.02, False),
            (tuple(self.captions), 0.026, 0.015, True),
            ((self.show_label, self.end_label, self.kind_label), 0.03, 0.017, False),
            ((self.over_label, self.run_label), 0.034, 0.019, True),
            ((self.keys,), 0.023, 0.013, False),
        ):
            for widget in widgets:
                font = QFont(widget.font())
                font.setPixelSize(scaled_px(width, height, of_height, of_width))
                font.setBold(bold)
                widget.setFont(font)
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
                event.accept()  # the text box takes Esc: the window's Esc stays quiet
                return True
            watched.clear()
            self.setFocus()
            return True
        return super().eventFilter(watched, event)

    def _ask(
        self,
        title: str,
        text: str,
        choices: list[tuple[str, QMessageBox.ButtonRole]],
        default: int,
        answered: Callable[[int | None], None],
    ) -> QMessageBox:
        """Ask with buttons that say what they do, without blocking: the clock keeps going
        and `answered` gets the chosen button's index (None for Esc, which changes nothing)."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        buttons = [box.addButton(label, role) for label, role in choices]
        box.setDefaultButton(buttons[default])
        box.setEscapeButton(buttons[-1])
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finish() -> None:
            self.question = None
            clicked = box.clickedButton()
            index = next((i for i, b in enumerate(buttons) if b is clicked), None)
            answered(None if index == len(buttons) - 1 else index)
            if self.isVisible():
                self.activateWindow()
                self.setFocus()

        box.finished.connect(finish)
        self.question = box
        box.open()
        return box

    def next_segment(self) -> None:
        """→: the next segment; past the last one, end the run once the host confirms."""
        timer = self.controller.timer
        if timer.phase is not Phase.IDLE and timer.index == len(self.plan.segments) - 1:
            self._ask(
                self.tr("End the run"),
                self.tr("This is the last segment. End the run now?"),
                [
                    (self.tr("End the run"), QMessageBox.ButtonRole.DestructiveRole),
                    (self.tr("Keep running"), QMessageBox.ButtonRole.RejectRole),
                ],
                1,
                lambda answer: self.controller.act("end") if answer == 0 else None,
            )
            return
        self.controller.act("next")

    def previous_segment(self) -> None:
        self.controller.act("previous")

    def _alarm(self, _moment: str) -> None:
        if self.sound.isChecked():
            QApplication.beep()

    # Tools

    def start_note(self) -> None:
        """N: type a note for the log (Enter logs it, Esc drops it; both give the keys back)."""
        self.activateWindow()
        self.note.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def start_message(self) -> None:
        """M: type a message for the presenter screen (Enter sends it)."""
        self.activateWindow()
        self.message.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _log_note(self) -> None:
        self.controller.act("note", self.note.text())
        self.note.clear()
        self.setFocus()

    def send_message(self) -> None:
        if self.presenter is None or not self.presenter.isVisible():
            self.open_presenter()
        assert self.presenter is not None
        self.presenter.set_message(self.message.text(), self.flash.isChecked())
        self.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        timer = self.controller.timer
        if not self._leaving and timer.phase not in (Phase.IDLE, Phase.FINISHED):
            event.ignore()
            if self.question is None:
                self._ask(
                    self.tr("Leave the timer"),
                    self.tr(
                        "The run is still open. End it now, or leave it open and resume it "
                        "later with Run ▸ Rehearse or run (F5)."
                    ),
                    [
                        (self.tr("End the run"), QMessageBox.ButtonRole.DestructiveRole),
                        (self.tr("Leave it open to resume"), QMessageBox.ButtonRole.AcceptRole),
                        (self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole),
                    ],
                    1,  # Esc then Enter must never end a live run
                    self._leave,
                )
            return
        self._leaving = True
        self.ticker.stop()
        if self.desk is not None:
            self.desk.stop()
        if self.presenter is not None:
            self.presenter.close()
        self.left.emit()
        super().closeEvent(event)

    def _leave(self, answer: int | None) -> None:
        if answer is None:
            return
        if answer == 0:
            self.controller.act("end")
        self._leaving = True
        self.close()
