"""The show's own settings: title, start, platform, limits, targets and rhythm, each saved on
Enter or when the field is left, as one undoable edit."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QToolButton, QWidget

from liveplanner.core.enums import Platform, ShowStatus
from liveplanner.core.inputs import parse_count, parse_money, parse_percent
from liveplanner.core.money import format_percent, format_yuan
from liveplanner.core.plan import Show, time_zone
from liveplanner.core.refused import Refused
from liveplanner.core.rhythm_inputs import MIX_COLUMNS
from liveplanner.ui import labels
from liveplanner.ui.editor import commands, paid_targets, rhythm_fields
from liveplanner.ui.editor.document import ShowDocument
from liveplanner.ui.editor.lock_bar import ask_unlock
from liveplanner.ui.editor.panels import CommitOnLeaveText
from liveplanner.ui.widgets.search_combo import TimeZoneBox
from liveplanner.ui.words import said_of

TIME_FORMAT = "%Y-%m-%d %H:%M"
REFUSED_STYLE = "background: rgba(220, 50, 47, 60);"


def _yuan(fen: int | None) -> str:
    return "" if fen is None else format_yuan(fen)


def _pct(bp: int | None) -> str:
    return "" if bp is None else format_percent(bp).rstrip("%")


def _count(value: int | None) -> str:
    return "" if value is None else str(value)


def _moment(show: Show, value: datetime | None) -> str:
    return (
        "" if value is None else value.astimezone(time_zone(show.time_zone)).strftime(TIME_FORMAT)
    )


def parse_moment(text: str, show: Show, after_start: bool = True) -> datetime | None:
    """'2026-11-11 22:30', or '22:30' on the start's day, in the show's zone; empty for none.

    With after_start (an end or a stop), a bare time earlier than the start is the next day's.
    """
    text = text.strip()
    if not text:
        return None
    zone = time_zone(show.time_zone)
    start = show.planned_start.astimezone(zone)
    try:
        if len(text) <= 5:
            clock = datetime.strptime(text, "%H:%M")
            moment = start.replace(hour=clock.hour, minute=clock.minute, second=0)
            if after_start and moment < start:
                moment = (moment.astimezone(UTC) + timedelta(days=1)).astimezone(zone)
            return moment
        return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=zone)
    except ValueError:
        raise Refused(
            f"{text!r} is not a time; expected YYYY-MM-DD HH:MM or HH:MM",
            "input.not_show_time",
            text=text,
        ) from None


def _required() -> datetime:
    raise Refused("a show needs a start; expected YYYY-MM-DD HH:MM", "input.show_needs_start")


def move_to_zone(show: Show, name: str) -> dict[str, Any]:
    """A new time zone keeps the clock times the producer typed: 20:00 stays 20:00, there."""
    zone = time_zone(name.strip())  # ValueError names the zone it does not know

    def same_clock(moment: datetime | None) -> datetime | None:
        if moment is None:
            return None
        return moment.astimezone(time_zone(show.time_zone)).replace(tzinfo=zone)

    return {
        "time_zone": name.strip(),
        "planned_start": same_clock(show.planned_start),
        "planned_end": same_clock(show.planned_end),
        "hard_stop": same_clock(show.hard_stop),
    }


class ShowForm(QWidget):
    def __init__(self, document: ShowDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = document
        self._fields: list[
            tuple[QLineEdit, Callable[[Show], str], Callable[[str], dict[str, Any]]]
        ] = []
        form = QFormLayout(self)
        show = lambda: self._doc.plan.show  # noqa: E731 (read at the moment of the edit)

        def text_field(
            label: str,
            read: Callable[[Show], str],
            parse: Callable[[str], dict[str, Any]],
            rows: QFormLayout = form,
        ) -> QLineEdit:
            edit = QLineEdit()
            edit.editingFinished.connect(lambda e=edit, p=parse: self._commit(e, p))
            rows.addRow(label, edit)
            self._fields.append((edit, read, parse))
            return edit

        self.title = text_field(self.tr("Title"), lambda s: s.title, lambda t: {"title": t.strip()})
        self.start = text_field(
            self.tr("Start"),
            lambda s: _moment(s, s.planned_start),
            lambda t: {"planned_start": parse_moment(t, show(), after_start=False) or _required()},
        )
        self.platform = QComboBox()
        for p in Platform:
            self.platform.addItem(labels.platform(p), p.value)
        self.platform.activated.connect(
            lambda _i: self._push({"platform": Platform(self.platform.currentData())})
        )
        form.addRow(self.tr("Platform"), self.platform)
        self.status = QComboBox()
        for st in ShowStatus:
            self.status.addItem(labels.status(st), st.value)
        self.status.activated.connect(self._status_chosen)
        form.addRow(self.tr("Status"), self.status)
        text_field(self.tr("Room / account"), lambda s: s.room, lambda t: {"room": t.strip()})
        self.time_zone = TimeZoneBox()
        self.time_zone.zone_chosen.connect(lambda name: self._push(move_to_zone(show(), name)))
        form.addRow(self.tr("Time zone"), self.time_zone)
        text_field(
            self.tr("Planned end"),
            lambda s: _moment(s, s.planned_end),
            lambda t: {"planned_end": parse_moment(t, show())},
        )
        text_field(
            self.tr("Hard stop"),
            lambda s: _moment(s, s.hard_stop),
            lambda t: {"hard_stop": parse_moment(t, show())},
        )
        text_field(
            self.tr("Maximum discount (%)"),
            lambda s: _pct(s.max_discount_bp),
            lambda t: {"max_discount_bp": parse_percent(t)},
        )
        text_field(
            self.tr("Minimum margin on cost (%)"),
            lambda s: _pct(s.min_margin_bp),
            lambda t: {"min_margin_bp": parse_percent(t)},
        )
        text_field(
            self.tr("Target GMV (yuan)"),
            lambda s: _yuan(s.targets.gmv_fen),
            lambda t: {"target_gmv_fen": parse_money(t)},
        )
        text_field(
            self.tr("Target viewers"),
            lambda s: _count(s.targets.viewers),
            lambda t: {"target_viewers": parse_count(t)},
        )
        text_field(
            self.tr("Target conversion (%)"),
            lambda s: _pct(s.targets.conversion_bp),
            lambda t: {"target_conversion_bp": parse_percent(t)},
        )
        text_field(
            self.tr("Target new followers"),
            lambda s: _count(s.targets.new_followers),
            lambda t: {"target_new_followers": parse_count(t)},
        )
        text_field(
            self.tr("Target interaction (%)"),
            lambda s: _pct(s.targets.interaction_bp),
            lambda t: {"target_interaction_bp": parse_percent(t)},
        )
        # Whether the show paid: folded away (most shows set none), open where one is set.
        self.paid_fold, self.paid_group, paid_rows = self._fold(
            self.tr("Targets: whether it paid"), form
        )
        self.paid_fields: dict[str, QLineEdit] = {}
        for column, label, read, parse in paid_targets.FIELDS:
            self.paid_fields[column] = text_field(
                self.tr(label), read, lambda t, c=column, p=parse: {c: p(t)}, paid_rows
            )
        self.paid_fold.setChecked(paid_targets.any_set(document.plan.show))
        self._fold_open(self.paid_fold, self.paid_group, self.paid_fold.isChecked())
        # The rhythm the findings check: folded too, the defaults shown greyed in empty fields.
        self.rhythm_fold, self.rhythm_group, rhythm_rows = self._fold(self.tr("Rhythm"), form)
        self.rhythm_fields: dict[str, QLineEdit] = {}
        for column, label, default, read, parse in rhythm_fields.FIELDS:
            edit = text_field(self.tr(label), read, parse, rhythm_rows)
            edit.setPlaceholderText(default)
            self.rhythm_fields[column] = edit
        self.rhythm_fields["rhythm_mix"].setToolTip(self.tr(rhythm_fields.MIX_TIP))
        self.rhythm_fold.setChecked(rhythm_fields.any_set(document.plan.show))
        self._fold_open(self.rhythm_fold, self.rhythm_group, self.rhythm_fold.isChecked())
        self.notes = CommitOnLeaveText()
        self.notes.setMaximumHeight(80)
        self.notes.editing_finished.connect(self.commit_notes)
        form.addRow(self.tr("Notes"), self.notes)
        document.show_changed.connect(self.refresh)
        self.refresh()

    def _fold(self, title: str, form: QFormLayout) -> tuple[QToolButton, QWidget, QFormLayout]:
        """A folded group of rows under a button that opens it."""
        fold = QToolButton()
        fold.setText(title)
        fold.setCheckable(True)
        fold.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        fold.setAutoRaise(True)
        group = QWidget()
        rows = QFormLayout(group)
        rows.setContentsMargins(12, 0, 0, 0)
        fold.toggled.connect(lambda open_: self._fold_open(fold, group, open_))
        form.addRow(fold)
        form.addRow(group)
        return fold, group, rows

    def field_of(self, column: str | None) -> QLineEdit | None:
        """The field a show finding is about, its folded group opened; None when none is."""
        if column in MIX_COLUMNS:
            column = "rhythm_mix"
        edit = self.rhythm_fields.get(column or "")
        if edit is not None:
            self.rhythm_fold.setChecked(True)
        return edit

    @staticmethod
    def _fold_open(fold: QToolButton, group: QWidget, open_: bool) -> None:
        fold.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        group.setVisible(open_)

    def _status_chosen(self, _index: int) -> None:
        chosen = ShowStatus(self.status.currentData())
        show = self._doc.plan.show
        # Back to draft opens the script: asked as an unlock is, never by a slip of the list.
        if chosen is ShowStatus.DRAFT and show.locked and not ask_unlock(self, show):
            self.refresh()
            return
        self._push({"status": chosen})

    def is_typing(self) -> bool:
        """Whether a field with the focus holds text not yet saved."""
        show = self._doc.plan.show
        if self.notes.hasFocus() and self.notes.toPlainText() != show.notes:
            return True
        if self.time_zone.hasFocus() and self.time_zone.currentText() != show.time_zone:
            return True
        return any(edit.hasFocus() and edit.text() != read(show) for edit, read, _ in self._fields)

    def set_editable(self, editable: bool) -> None:
        """A locked script's show fields are read, not typed in; its status stays choosable."""
        for edit, _read, _parse in self._fields:
            edit.setReadOnly(not editable)
        self.platform.setEnabled(editable)
        self.time_zone.setEnabled(editable)
        self.notes.setReadOnly(not editable)

    def refresh(self) -> None:
        show = self._doc.plan.show
        for edit, read, _parse in self._fields:
            edit.setText(read(show))
            edit.setStyleSheet("")
        self.platform.setCurrentIndex(self.platform.findData(show.platform.value))
        self.time_zone.set_zone(show.time_zone)
        self.status.setCurrentIndex(self.status.findData(show.status.value))
        if not self.notes.hasFocus():
            self.notes.setPlainText(show.notes)

    def commit_notes(self) -> None:
        if self.notes.toPlainText() != self._doc.plan.show.notes:
            self._push({"notes": self.notes.toPlainText()})

    def _commit(self, edit: QLineEdit, parse: Callable[[str], dict[str, Any]]) -> None:
        try:
            changes = parse(edit.text())
        except ValueError as exc:
            edit.setStyleSheet(REFUSED_STYLE)
            self._doc.edit_refused.emit(said_of(exc))
            return
        self._push(changes, edit)

    def _push(self, changes: dict[str, Any], edit: QLineEdit | None = None) -> None:
        command = commands.EditShow.if_changed(self._doc, changes)
        if command is not None:
            self._doc.undo_stack.push(command)
            if command.failed and edit is not None:
                # Refused (too long, unknown...): keep what was typed, marked, with the notice.
                edit.setStyleSheet(REFUSED_STYLE)
                return
        self.refresh()
