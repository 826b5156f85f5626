"""A role's or a person's screen of the live desk, in a window of its own: the countdown, now
and next, the cues and the release checklist to tick, the live counters, the show's figures
(with fields to type them, on floor control's and ops' screens) and the last ticks.

It follows the show's current run through the database (a DeskPoller), whichever window or
computer times it; with no run open it shows the plan, counting nothing, and ticks nothing.
Its words follow the language the user picks, without reopening it."""

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from liveplanner.app.database import StorageError
from liveplanner.app.feed_words import reason_words
from liveplanner.app.live_desk import LiveDesk
from liveplanner.app.live_feed import LiveFeed
from liveplanner.core.clock import Phase
from liveplanner.core.enums import DeskEventKind, Role, RunKind
from liveplanner.core.live_desk import DeskView
from liveplanner.core.schedule import format_duration
from liveplanner.ui import labels
from liveplanner.ui.desk.counters_panel import CountersPanel
from liveplanner.ui.desk.desk_texts import item_text, tick_text
from liveplanner.ui.desk.figures_panel import FiguresPanel
from liveplanner.ui.desk.items_panel import ItemsPanel
from liveplanner.ui.desk.poller import DeskPoller
from liveplanner.ui.desk.typed_figures import TypedFigures
from liveplanner.ui.rehearsal.host_display import next_change_ms
from liveplanner.ui.rehearsal.presenter import countdown_text, level_style, restyle, scaled_px
from liveplanner.ui.screen_fit import fit_to_screen
from liveplanner.ui.words import qt_translate, said, said_of

SHOWN_TICKS = 4  # the last ticks listed under the clock
HINT_STYLE = "background: #2c7be5; color: white; padding: 2px 8px;"
REFUSED_STYLE = "background: #c0392b; color: white; padding: 2px 8px;"


class Countdown(QLabel):
    """The clock: as large as the window asks (`wanted_px`), but never taller than the room it
    is given: a long segment title in two lines, or the next one's, leave it less than its
    share, and a font taller than its room cut the tops of its digits (seen in Chinese)."""

    wanted_px = 14

    def fit(self) -> None:
        room = int(self.height() * 0.8)  # the digits' ink, with the line's spacing
        font = QFont(self.font())
        font.setPixelSize(max(14, min(self.wanted_px, room)))
        font.setBold(True)
        if font != self.font():
            self.setFont(font)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.fit()
        super().resizeEvent(event)


class DeskWindow(QWidget):
    def __init__(
        self,
        desk: LiveDesk,
        role: Role | None = None,
        person_id: int | None = None,
        parent: QWidget | None = None,
        feed: LiveFeed | None = None,
    ) -> None:
        """`feed`: the live feed typed figures go to (by default one of this window's own)."""
        # A window of its own even with a parent: it closes with the main window.
        super().__init__(parent, Qt.WindowType.Window)
        self.desk, self.role, self.person_id = desk, role, person_id
        self._feed = feed
        self.plan = desk.plan
        self.zone = ZoneInfo(self.plan.show.time_zone)
        self.texts = {i.key: i for i in desk.items}
        self.screen_name = ""
        fit_to_screen(self, QSize(1280, 720))  # a laptop's 1366×705 takes it, frame and all

        self.who = QLabel()
        self.who.setStyleSheet("color: white; background: #34495e; padding: 2px 8px;")
        self.show_label = QLabel(self.plan.show.title)
        self.show_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.run_label = QLabel()
        self.hint = QLabel()  # no run open: why nothing ticks
        self.hint.setStyleSheet(HINT_STYLE)
        self.hint.setWordWrap(True)
        self.refused = QLabel()  # a refusal, in one line
        self.refused.setStyleSheet(REFUSED_STYLE)
        self.refused.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.refused.hide()
        self._refusal: Callable[[], str] | None = None  # words it again in a new language
        self.segment = QLabel()
        self.segment.setWordWrap(True)
        self.segment.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.countdown = Countdown("0:00")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.next_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.ticks = QLabel()
        self.ticks.setWordWrap(True)
        self.ticks.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.ticks.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.ticks.setMinimumHeight(1)
        self.items = ItemsPanel()
        self.items.toggled.connect(self._toggled)
        self.figures = FiguresPanel()
        self.counters = CountersPanel()
        self.counters.counted.connect(self._counted)
        self.typing = TypedFigures()
        self.typing.typed.connect(self._typed)
        self.captions = [self._caption() for _ in range(4)]

        header = QHBoxLayout()
        header.addWidget(self.who)
        header.addWidget(self.show_label, 1)
        header.addWidget(self.run_label)
        left = QVBoxLayout()
        left.addWidget(self.segment)
        left.addWidget(self.countdown, 3)
        left.addWidget(self.next_label)
        left.addWidget(self.captions[3])
        left.addWidget(self.figures, 1)
        left.addWidget(self.captions[0])
        left.addWidget(self.ticks, 2)
        right = QVBoxLayout()
        right.addWidget(self.captions[1])
        right.addWidget(self.items, 3)
        right.addWidget(self.captions[2])
        right.addWidget(self.counters, 2)
        right.addWidget(self.typing)
        main = QGridLayout()
        main.addLayout(left, 0, 0)
        main.addLayout(right, 0, 1)
        main.setColumnStretch(0, 1)
        main.setColumnStretch(1, 2)
        main.setHorizontalSpacing(24)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.hint)
        layout.addLayout(main, 1)
        layout.addWidget(self.refused)

        self.poller = DeskPoller(desk, self)
        self.poller.changed.connect(self.redraw)
        self.poller.failed.connect(self._say)
        # The clock is redrawn each time its text changes, from the desk's own reading.
        self.ticker = QTimer(self)
        self.ticker.setSingleShot(True)
        self.ticker.timeout.connect(self.redraw)
        self.close_action = QAction(self)
        self.close_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.close_action.triggered.connect(self.close)
        self.addAction(self.close_action)
        self.view: DeskView | None = None
        self.retranslate()
        # The keys go to the first item this screen ticks: Space ticks it from the moment it opens.
        first = next((b for b in self.items.boxes.values() if b.isEnabled()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.poller.start()

    def _caption(self) -> QLabel:
        label = QLabel()
        label.setStyleSheet("color: #777;")
        return label

    def retranslate(self) -> None:
        """Every word in the window's language: the fixed ones here, the rest as redrawn."""
        people = {p.id: p.name for p in self.plan.people}
        self.screen_name = (
            people.get(self.person_id, "")
            if self.person_id is not None
            else labels.role(self.role or Role.HOST)
        )
        self.setWindowTitle(
            self.tr("%1 · %2").replace("%1", self.screen_name).replace("%2", self.plan.show.title)
        )
        self.who.setText(self.screen_name)
        for caption, text in zip(
            self.captions,
            (
                self.tr("Last ticks"),
                self.tr("Checklist and cues"),
                self.tr("Products and promos"),
                self.tr("The show's figures"),
            ),
            strict=True,
        ):
            caption.setText(text)
        self.close_action.setText(self.tr("Close this screen"))
        self.counters.relabel()
        if self._refusal is not None:
            self._show_refusal(self._refusal)
        self.redraw()

    def changeEvent(self, event: QEvent) -> None:
        # The user picked another language (View ▸ Language): Qt sends this to every window.
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # Drawing

    @property
    def open_run(self) -> bool:
        followed = self.desk.followed
        return followed is not None and not followed.ended

    def redraw(self) -> None:
        view = self.desk.view(self.role, self.person_id)
        self.view = view
        reading = view.reading
        self.countdown.setText(countdown_text(reading))
        restyle(self.countdown, level_style(reading.level, reading.phase))
        followed = self.desk.followed
        running = self.open_run
        if followed is None or followed.ended:
            self.run_label.setText(self.tr("No run open") if followed is None else self.tr("Ended"))
        else:
            live = followed.kind is RunKind.LIVE
            state = self.tr("LIVE") if live else self.tr("REHEARSAL")
            if reading.phase is Phase.PAUSED:
                state = self.tr("%1 · PAUSED").replace("%1", state)
            self.run_label.setText(state)
        restyle(
            self.run_label,
            "color: white; background: %s; padding: 2px 8px;"
            % ("#c0392b" if running and followed and followed.kind is RunKind.LIVE else "#555"),
        )
        self.hint.setText(
            self.tr(
                "No run is open: this screen shows the plan and counts nothing. Ticks start "
                "with the run (Run ▸ Rehearse or run…)."
            )
        )
        self.hint.setVisible(not running)
        if reading.phase is Phase.FINISHED or not self.plan.segments:
            self.segment.setText(self.tr("The run is over"))
            self.next_label.setText("")
        else:
            self.segment.setText(f"{reading.index + 1}. {view.segment_title}")
            self.next_label.setText(
                self.tr("Next: %1 (%2)")
                .replace("%1", view.next_title)
                .replace("%2", format_duration(view.next_duration_s or 0))
                if view.next_title is not None
                else self.tr("Next: the end")
            )
        self.items.show_items(
            view.items,
            lambda key: running and self.desk.may_tick(key, self.role, self.person_id),
            self.tr("Nothing for this screen now or in the next two minutes"),
            self.zone,
        )
        self.counters.show_counts(
            view.products,
            view.promos,
            self._counting,
            running,
            self.tr("No product or promo in this segment"),
            {
                s.item.promo_id: s.item.quantity
                for s in view.items
                if s.item.promo_id is not None and s.item.quantity
            },
        )
        self.figures.show_figures(self.poller.figures)
        self.typing.setVisible(self._counting)
        self.typing.setEnabled(running)
        self.ticks.setText(
            "\n".join(tick_text(t, self._what(t.key), self.zone) for t in view.recent[:SHOWN_TICKS])
            or self.tr("No ticks yet")
        )
        if reading.phase is not Phase.FINISHED:
            self.ticker.start(next_change_ms(reading))

    def _what(self, key: str) -> str:
        item = self.texts.get(key)
        return item_text(item) if item is not None else key

    @property
    def _counting(self) -> bool:
        """This screen sets counters and types figures: by the rule the pages follow too."""
        return self.desk.counting(self.role, self.person_id) is not None

    @property
    def actor(self) -> str:
        """Who ticks: the person; on a role's screen, whoever holds the role in this segment."""
        if self.person_id is not None:
            return self.screen_name
        index = self.view.reading.index if self.view is not None else 0
        segments = self.plan.segments
        holder = segments[index].roles.get(self.role) if index < len(segments) else None
        if holder is None:
            holder = next((m.person_id for m in self.plan.team if m.role is self.role), None)
        names = {p.id: p.name for p in self.plan.people}
        return names.get(holder or 0) or self.screen_name

    # What the screen sends

    def _toggled(self, key: str, checked: bool) -> None:
        try:
            self.desk.tick(key, self.actor, self.role, self.person_id, undo=not checked)
        except StorageError as exc:
            self._refused(exc)
        else:
            self._said_nothing()
        self.redraw()  # a refused tick's box goes back as it was

    def _counted(self, kind: DeskEventKind, item: str, quantity: int | None) -> None:
        counting = self.desk.counting(self.role, self.person_id)
        try:
            self.desk.count(kind, item, quantity, self.actor, counting)
        except StorageError as exc:
            self._refused(exc)
        else:
            self._said_nothing()
        self.redraw()

    def _typed(self, figures: dict[str, str]) -> None:
        """Floor control sent what it typed: each figure to the live feed, as a line of it.
        A figure refused stays in its field, with the keys, for the user to put right."""
        if not figures or not self._counting:  # not counting: a person's segment moved on
            code = "desk.nothing_typed" if not figures else "desk.not_counting"
            self._show_refusal(lambda: said(code, {}))
            self.typing.online.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self._feed is None:
            self._feed = LiveFeed(self.desk)
        refusals: list[Callable[[], str]] = []
        for metric, text in figures.items():
            try:
                count = self._feed.typed(metric, text, self.actor, self._feed.now())
            except StorageError as exc:
                refusals.append(lambda exc=exc: said_of(exc))
                continue
            if count.bad:
                reason = count.reasons[-1]
                refusals.append(lambda reason=reason: reason_words(reason, qt_translate))
            else:
                self.typing.taken(metric)
        if refusals:
            self._show_refusal(lambda: " · ".join(say() for say in refusals))
            first = next(m for m in figures if self.typing.fields[m].text())
            self.typing.fields[first].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._said_nothing()
        self.poller.poll()  # the figures and the curve show it on this poll, not the next

    def _refused(self, exc: StorageError) -> None:
        self._show_refusal(lambda: said_of(exc))

    def _say(self, message: str) -> None:
        """A poll could not read the database: said as it came (worded by the poller)."""
        self._show_refusal(lambda: message)

    def _show_refusal(self, words: Callable[[], str]) -> None:
        self._refusal = words
        message = words()
        self.refused.setText(message.splitlines()[0] if message else "")
        self.refused.setToolTip(message)
        self.refused.show()

    def _said_nothing(self) -> None:
        self._refusal = None
        self.refused.hide()

    # The window

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ticker.stop()
        self.poller.stop()
        super().closeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Legible across the room: everything grows with the window, the clock most.
        width, height = self.width(), self.height()
        body = scaled_px(width, height, 0.034, 0.018, 14)
        font = QFont(self.font())
        font.setPixelSize(body)
        self.setFont(font)  # the checklist, the counters and their controls
        self.countdown.wanted_px = scaled_px(width, height, 0.24, 0.11, 14)
        self.countdown.fit()
        for widget, of_height, of_width, bold in (
            (self.segment, 0.05, 0.026, True),
            (self.next_label, 0.036, 0.019, False),
            (self.who, 0.036, 0.019, True),
            (self.run_label, 0.036, 0.019, True),
            (self.hint, 0.03, 0.016, False),
            (self.refused, 0.03, 0.016, True),
        ):
            own = QFont(widget.font())
            own.setPixelSize(scaled_px(width, height, of_height, of_width, 14))
            own.setBold(bold)
            widget.setFont(own)
        for caption in self.captions:
            small = QFont(caption.font())
            small.setPixelSize(max(12, int(body * 0.75)))
            small.setBold(True)
            caption.setFont(small)
        super().resizeEvent(event)
