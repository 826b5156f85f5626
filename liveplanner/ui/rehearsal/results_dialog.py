"""Rehearsal results: each segment's plan against every rehearsal take, takes kept apart, and
the lengths of one take applied to the plan as one undoable edit."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liveplanner.core.clock import actual_segments, as_positions_of, timer_segments
from liveplanner.core.enums import RunKind
from liveplanner.core.runlog import Run
from liveplanner.core.schedule import format_duration
from liveplanner.ui.editor import commands
from liveplanner.ui.editor.document import ShowDocument

LONG = QColor(220, 50, 47, 70)
SHORT = QColor(38, 139, 210, 60)


MIN_TAKE_S = 10  # shorter than this, a segment was only passed through, not rehearsed


def take_lengths(doc: ShowDocument, run: Run) -> dict[int, int]:
    """Segment id -> whole seconds it ran in the take, for the segments the take really ran:
    left by moving on (not where the take stopped partway) and run for at least MIN_TAKE_S."""
    plan = doc.plan
    done = actual_segments(timer_segments(plan), as_positions_of(plan, run.events))
    return {
        a.segment_id: round(a.running_s) for a in done if a.completed and a.running_s >= MIN_TAKE_S
    }


class RehearsalResults(QDialog):
    def __init__(self, doc: ShowDocument, runs: list[Run], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.takes = [r for r in runs if r.kind is RunKind.REHEARSAL]
        self.setWindowTitle(self.tr("Rehearsal results"))
        self.resize(900, 640)
        self.table = QTableWidget()
        self.take_choice = QComboBox()
        self.apply_button = QPushButton(self.tr("Apply this take's lengths to the plan"))
        self.apply_button.clicked.connect(self.apply)
        self.apply_button.setAutoDefault(False)  # Enter closes; applying is a deliberate click
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Take")))
        bottom.addWidget(self.take_choice)
        bottom.addWidget(self.apply_button)
        bottom.addStretch()
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        self.fill()

    def _take_name(self, number: int, run: Run) -> str:
        zone = self.doc.plan.show.planned_start.tzinfo
        name = (
            self.tr("Take %1 (%2)")
            .replace("%1", str(number))
            .replace("%2", run.started_at.astimezone(zone).strftime("%m-%d %H:%M"))
        )
        return name if run.ended_at is not None else self.tr("%1, unfinished").replace("%1", name)

    def fill(self) -> None:
        plan = self.doc.plan
        lengths = [take_lengths(self.doc, run) for run in self.takes]
        headers = [self.tr("Segment"), self.tr("Planned")]
        headers += [self._take_name(n, r) for n, r in enumerate(self.takes, start=1)]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(plan.segments))
        for row, segment in enumerate(plan.segments):
            self.table.setItem(row, 0, QTableWidgetItem(segment.title))  # numbered by the header
            self.table.setItem(row, 1, QTableWidgetItem(format_duration(segment.duration_s)))
            for column, take in enumerate(lengths, start=2):
                ran = take.get(segment.id)
                text = (
                    ""
                    if ran is None
                    else self.tr("%1 (%2 s)")
                    .replace("%1", format_duration(ran))
                    .replace("%2", f"{ran - segment.duration_s:+d}")
                )
                item = QTableWidgetItem(text)
                if ran is not None and ran != segment.duration_s:
                    item.setBackground(LONG if ran > segment.duration_s else SHORT)
                self.table.setItem(row, column, item)
        for row in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                if item is not None:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.resizeColumnsToContents()
        self.take_choice.clear()
        for number, run in enumerate(self.takes, start=1):
            self.take_choice.addItem(self._take_name(number, run), run.id)
        self.take_choice.setCurrentIndex(len(self.takes) - 1)
        self.apply_button.setEnabled(bool(self.takes))

    def apply(self) -> None:
        run = next((r for r in self.takes if r.id == self.take_choice.currentData()), None)
        if run is None:
            return
        self.apply_take(run)
        self.fill()

    def apply_take(self, run: Run) -> int:
        """Set every segment the take reached to the length it ran; one undoable edit.
        Returns how many segments changed."""
        changes = [
            (segment.id, ran)
            for segment in self.doc.plan.segments
            if (ran := take_lengths(self.doc, run).get(segment.id)) is not None
            and ran != segment.duration_s
        ]
        if not changes:
            return 0
        stack = self.doc.undo_stack
        stack.beginMacro(self.tr("Apply rehearsed lengths"))
        for segment_id, ran in changes:
            stack.push(commands.EditSegment(self.doc, segment_id, {"duration_s": ran}))
        stack.endMacro()
        return len(changes)
