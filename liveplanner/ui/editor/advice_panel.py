"""The editor's Advice panel (issue 20): what the show can expect to earn from the team's past
shows, and each suggestion with its reason and figures, to apply as one undoable edit or to
dismiss.

The advice reads the database (a fifth of a second on the demo's season), so it is worked out
off the GUI thread, again a moment after the plan last changed."""

from PySide6.QtCore import QMetaObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from liveplanner.app.advice import ShowAdvice, show_advice
from liveplanner.app.messages.advice import advice_words
from liveplanner.core.advice import SegmentProjection
from liveplanner.core.advice_suggestions import Suggestion
from liveplanner.ui.editor.advice_edits import change_command
from liveplanner.ui.editor.document import ShowDocument
from liveplanner.ui.review.jobs import Job, Progress
from liveplanner.ui.words import qt_translate, said_of

REFRESH_MS = 400  # after the last edit: typing a length or moving rows asks once, not each time


def _yuan(fen: int) -> str:
    return f"¥{fen / 100:,.0f}"


def _key(suggestion: Suggestion) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A suggestion as dismissing remembers it: what it says to do, not its figures, which move
    with every edit."""
    return suggestion.code, tuple(sorted((k, str(v)) for k, v in suggestion.change.items()))


class SuggestionRow(QFrame):
    """One suggestion: its message, and Apply and Dismiss."""

    def __init__(self, suggestion: Suggestion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.suggestion = suggestion
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = QLabel(advice_words(suggestion.code, suggestion.figures, qt_translate))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setToolTip(self.tr("Make this change to the plan (one step to undo)"))
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setToolTip(self.tr("Hide this suggestion while the show is open"))
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(buttons)


class AdvicePanel(QWidget):
    """The projection (or why there is none) over the suggestions not dismissed."""

    advice_shown = Signal()
    """New advice is on screen (after each refresh)."""

    def __init__(self, document: ShowDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = document
        self._dismissed: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
        self._advice: ShowAdvice | None = None
        self.job: Job | None = None
        self._waiting: QMetaObject.Connection | None = None
        self._again = False  # the plan changed while advice was being worked out
        self.projection = QLabel(self.tr("Working out the advice…"))
        self.projection.setWordWrap(True)
        self.projection.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rows: list[SuggestionRow] = []
        self.none_label = QLabel(self.tr("No suggestions."))
        self.none_label.hide()
        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self._list_layout.addWidget(self.none_label)
        self._list_layout.addStretch()
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.projection)
        layout.addWidget(scroll, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        document.plan_changed.connect(self._timer.start)
        document.show_changed.connect(self._follow_lock)
        self.refresh()

    # Working it out

    def refresh(self) -> None:
        """Work the advice out again from the show as stored (every edit is saved at once)."""
        if self.job is not None:
            self._again = True
            return
        db, show_id = self._doc.db, self._doc.show_id

        def work(_progress: Progress) -> ShowAdvice:
            return show_advice(db, show_id)

        job = self.job = Job(work)
        job.succeeded.connect(self._show)
        job.failed.connect(self._failed)
        # The editor may close (and this panel go) while the work runs: its thread must end
        # before the job that owns it goes.
        self._waiting = self.destroyed.connect(lambda *_: job.wait())
        job.start()

    def _job_ended(self) -> bool:
        """Whether the result is still the plan's (else another round is started)."""
        if self.job is not None:
            self.job.wait()
            self.disconnect(self._waiting)
        self.job = None
        if self._again:
            self._again = False
            self.refresh()
            return False
        return True

    def _failed(self, exc: Exception) -> None:
        if self._job_ended():
            self.projection.setText(self.tr("No advice: %1").replace("%1", said_of(exc)))
            self._fill([])
            self.advice_shown.emit()

    def _show(self, shown: ShowAdvice) -> None:
        if not self._job_ended():
            return
        self._advice = shown
        advice = shown.advice
        if advice.projection is None:
            reason = advice.reason
            why = advice_words(reason.code, reason.figures, qt_translate) if reason else ""
            self.projection.setText(self.tr("No projection: %1").replace("%1", why))
        else:
            gmv = advice.projection.gmv
            basis = advice.basis
            shows = ", ".join(str(i) for i in basis.show_ids) if basis else ""
            self.projection.setText(
                self.tr(
                    "Projected GMV %1 (low %2, high %3), from %n earlier show(s): %4",
                    "",
                    len(basis.show_ids) if basis else 0,
                )
                .replace("%1", _yuan(gmv.mid_fen))
                .replace("%2", _yuan(gmv.low_fen))
                .replace("%3", _yuan(gmv.high_fen))
                .replace("%4", shows)
            )
            self.projection.setToolTip(self._segment_figures(advice.projection.segments))
        self._fill([s for s in advice.suggestions if _key(s) not in self._dismissed])
        self.advice_shown.emit()

    def _segment_figures(self, segments: tuple[SegmentProjection, ...]) -> str:
        """Each segment's low, mid and high, for the projection's tooltip."""
        titles = {s.id: s.title for s in self._doc.plan.segments}
        return "\n".join(
            f"{s.position}. {titles.get(s.segment_id, '')}: {_yuan(s.gmv.low_fen)} – "
            f"{_yuan(s.gmv.mid_fen)} – {_yuan(s.gmv.high_fen)}"
            for s in segments
        )

    def _fill(self, suggestions: list[Suggestion]) -> None:
        for row in self.rows:
            self._list_layout.removeWidget(row)
            row.deleteLater()
        self.rows = []
        for suggestion in suggestions:
            row = SuggestionRow(suggestion)
            row.apply_button.clicked.connect(lambda _=False, s=suggestion: self.apply(s))
            row.dismiss_button.clicked.connect(lambda _=False, s=suggestion: self.dismiss(s))
            self._list_layout.insertWidget(self._list_layout.count() - 1, row)
            self.rows.append(row)
        self.none_label.setVisible(not suggestions)
        self._follow_lock()

    def _follow_lock(self) -> None:
        for row in self.rows:
            row.apply_button.setEnabled(self._doc.editable)

    # What the user does

    def apply(self, suggestion: Suggestion) -> None:
        """Make the suggestion's change as one step on the editor's undo stack."""
        if not self._doc.editable:
            return
        command = change_command(self._doc, suggestion.change)
        if command is not None:
            self._doc.undo_stack.push(command)

    def dismiss(self, suggestion: Suggestion) -> None:
        self._dismissed.add(_key(suggestion))
        for row in self.rows:
            if row.suggestion is suggestion:
                self.rows.remove(row)
                self._list_layout.removeWidget(row)
                row.deleteLater()
                break
        self.none_label.setVisible(not self.rows)

    def suggestions_shown(self) -> list[Suggestion]:
        return [row.suggestion for row in self.rows]
