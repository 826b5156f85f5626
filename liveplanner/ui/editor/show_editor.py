"""The editor for one show: overview strip, segment table, and the panels beside it.

Its segment actions (insert, duplicate, delete, move) are in segment_actions.py."""

import html

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from liveplanner.app.database import Database, StorageError
from liveplanner.app.editing import Change
from liveplanner.core.enums import PromoKind, Role
from liveplanner.core.plan import Duty, Product, Promo, Release, TeamMember
from liveplanner.core.rules import Finding, Severity
from liveplanner.core.schedule import format_duration
from liveplanner.ui.editor import commands, conflict_dialog, part_models
from liveplanner.ui.editor.advice_panel import AdvicePanel
from liveplanner.ui.editor.change_watcher import ChangeWatcher
from liveplanner.ui.editor.delegate import CellDelegate
from liveplanner.ui.editor.document import ShowDocument
from liveplanner.ui.editor.frozen_table import FrozenColumnsTable
from liveplanner.ui.editor.lock_bar import LockBar
from liveplanner.ui.editor.overview_strip import OverviewStrip
from liveplanner.ui.editor.panels import CommitOnLeaveText, FindingsPanel, PartPanel, selected_ids
from liveplanner.ui.editor.person_dialog import ask_team_member
from liveplanner.ui.editor.segment_actions import SegmentActions
from liveplanner.ui.editor.segment_model import SegmentTableModel
from liveplanner.ui.editor.show_form import ShowForm
from liveplanner.ui.history_dialog import names_for
from liveplanner.ui.history_texts import describe
from liveplanner.ui.screen_fit import scrolling

REFUSED_NOTICE = "color: white; background: #c0392b; padding: 4px;"
INFO_NOTICE = "color: white; background: #2c6fb7; padding: 4px;"


class ShowEditor(SegmentActions, QWidget):
    summary_changed = Signal(str)
    """The one-line summary for the status bar: times, length, findings."""

    def __init__(self, db: Database, show_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown_segment: int | None = None  # whose talking points the text box holds
        self._finding_cursor = -1  # F8 walks the findings
        self.doc = ShowDocument(db, show_id, self)
        # A stale edit asks, field by field, whose value stands (theirs or mine).
        self.doc.resolve_conflict = lambda conflict: conflict_dialog.ask(conflict, self)
        self.model = SegmentTableModel(self.doc)
        # Number, start, length, kind and title stay in place while the rest scroll sideways.
        self.table = FrozenColumnsTable(SegmentTableModel.TITLE + 1)
        self.table.setItemDelegate(CellDelegate(self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        self.table.setModel(self.model)
        self.table.verticalHeader().show()  # the running number of each segment
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDropIndicatorShown(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in (
            (0, 72),
            (1, 56),
            (2, 96),
            (3, 230),
            (4, 170),
            (5, 70),
            (6, 60),
            (7, 170),
        ):
            header.resizeSection(column, width)
        self.table.mirror_settings()

        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.summary = QLabel()
        # Parented from the start: a bar shown while it had no parent would be a window of its
        # own for a moment, and take the keyboard from the main window.
        self.lock_bar = LockBar(self.doc, self)
        self.overview = OverviewStrip(self.doc)
        self.overview.segment_clicked.connect(self.select_segment)

        self._build_panels()
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([900, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.lock_bar)
        layout.addWidget(self.overview)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)

        self._build_actions()
        self.doc.plan_changed.connect(self.refresh_summary)
        self.doc.edit_refused.connect(self.show_notice)
        self.doc.show_changed.connect(self._follow_lock)
        # Changes made elsewhere (a teammate, another window) are reloaded and said.
        self.watcher = ChangeWatcher(self.doc, self.is_typing, self)
        self.watcher.changed_elsewhere.connect(self._changed_elsewhere)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._follow_lock()
        self.refresh_summary()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, SegmentTableModel.TITLE))

    # Building

    def _build_panels(self) -> None:
        doc = self.doc
        current = self.current_segment_id
        self.talking_points = CommitOnLeaveText()
        self.talking_points.setPlaceholderText(self.tr("Talking points for the host, one per line"))
        self.talking_points.editing_finished.connect(self._commit_talking_points)
        self.segment_caption = QLabel()
        self.duties = PartPanel(
            doc, part_models.duty_model(doc, current), self.tr("Add cue"), self._new_duty
        )
        self.releases = PartPanel(
            doc,
            part_models.release_model(doc, current),
            self.tr("Add promo release"),
            self._new_release,
        )
        details = QWidget()
        box = QVBoxLayout(details)
        box.addWidget(self.segment_caption)
        box.addWidget(QLabel(self.tr("Talking points")))
        box.addWidget(self.talking_points, 2)
        box.addWidget(QLabel(self.tr("Cues for the team")))
        box.addWidget(self.duties, 2)
        box.addWidget(QLabel(self.tr("Promo releases")))
        box.addWidget(self.releases, 1)

        self.team = PartPanel(
            doc, part_models.team_model(doc), self.tr("Add team member"), self._new_member
        )
        self.products = PartPanel(
            doc, part_models.product_model(doc), self.tr("Add product"), self._new_product
        )
        self.promos = PartPanel(
            doc, part_models.promo_model(doc), self.tr("Add promo"), self._new_promo
        )
        self.findings = FindingsPanel(doc)
        self.findings.finding_activated.connect(self.go_to_finding)
        self.show_form = ShowForm(doc)

        self.tabs = QTabWidget()
        self.tabs.addTab(scrolling(details), self.tr("Segment"))
        self.tabs.addTab(self.team, self.tr("Team"))
        self.tabs.addTab(self.products, self.tr("Products"))
        self.tabs.addTab(self.promos, self.tr("Promos"))
        self.tabs.addTab(self.findings, self.tr("Findings"))
        self.advice = AdvicePanel(doc)
        self.tabs.addTab(self.advice, self.tr("Advice"))
        # Scrolls in a short window rather than making the window as tall as the form.
        self.show_tab = scrolling(self.show_form)
        self.tabs.addTab(self.show_tab, self.tr("Show"))

    def _build_actions(self) -> None:
        def action(
            text: str, shortcut: QKeySequence | str, slot: object, owner: QWidget
        ) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(shortcut))
            # Segment keys work where segments are chosen (the table), so Delete or Ctrl+D in
            # a text box edits the text, never the script.
            context = (
                Qt.ShortcutContext.WidgetShortcut
                if owner is self.table
                else Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            act.setShortcutContext(context)
            act.triggered.connect(slot)
            owner.addAction(act)
            return act

        table = self.table
        self.insert_action = action(
            self.tr("&Insert segment"), "Ctrl+I", self.insert_segment, table
        )
        self.duplicate_action = action(
            self.tr("Du&plicate segments"), "Ctrl+D", self.duplicate_segments, table
        )
        self.delete_action = action(
            self.tr("&Delete segments"), "Ctrl+Del", self.delete_segments, table
        )
        # Delete is a spreadsheet's Delete: it clears the chosen cells, or deletes whole rows
        # when whole rows are chosen (by their number on the left).
        self.clear_action = action(
            self.tr("&Clear cells"), QKeySequence.StandardKey.Delete, self.clear_or_delete, table
        )
        self.move_up_action = action(
            self.tr("Move &up"), "Alt+Up", lambda: self.move_segments(-1), table
        )
        self.move_down_action = action(
            self.tr("Move do&wn"), "Alt+Down", lambda: self.move_segments(1), table
        )
        self.next_finding_action = action(self.tr("&Next finding"), "F8", self.next_finding, self)
        self.segment_actions = [
            self.insert_action,
            self.duplicate_action,
            self.delete_action,
            self.clear_action,
            self.move_up_action,
            self.move_down_action,
            self.next_finding_action,
        ]

    # Reading the selection

    def current_segment_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.segment_at(index.row()).id

    def chosen_ids(self) -> list[int]:
        # While rows go, the selection still names them for a moment: only segments still there.
        present = {s.id for s in self.doc.plan.segments}
        ids = [i for i in selected_ids(self.table) if i in present]
        if not ids and (current := self.current_segment_id()) in present:
            ids = [current]
        return ids

    # Parts

    def _new_member(self) -> TeamMember | None:
        return ask_team_member(self.doc, self)

    def _new_product(self) -> Product:
        return Product(0, "", self.tr("New product"))

    def _new_promo(self) -> Promo:
        return Promo(0, PromoKind.COUPON, self.tr("New promo"))

    def _new_duty(self) -> Duty | None:
        segment_id = self.current_segment_id()
        if segment_id is None:
            return None
        return Duty(0, segment_id, 0, self.tr("New cue"), Role.FLOOR_CONTROL)

    def _new_release(self) -> Release | None:
        segment_id = self.current_segment_id()
        if segment_id is None:
            return None
        if not self.doc.plan.promos:
            QMessageBox.information(
                self, self.tr("Add promo release"), self.tr("Add a promo on the Promos tab first.")
            )
            return None
        return Release(0, self.doc.plan.promos[0].id, segment_id, 0, 0)

    # Following changes

    def commit_pending(self) -> None:
        """Save text still being typed (a text box keeps it until it loses focus)."""
        self._commit_talking_points()
        self.show_form.commit_notes()

    def _commit_talking_points(self) -> None:
        segment_id = self.current_segment_id()
        if segment_id is None:
            return
        command = commands.EditSegment.if_changed(
            self.doc, segment_id, {"talking_points": self.talking_points.toPlainText()}
        )
        if command is not None:
            self.doc.undo_stack.push(command)

    def _on_current_changed(self) -> None:
        self._commit_talking_points_of_previous()
        self._commit_open_cell_editors()
        segment_id = self.current_segment_id()
        self.duties.model.refresh()
        self.releases.model.refresh()
        self._show_segment_details(segment_id)

    def _commit_open_cell_editors(self) -> None:
        """A cue or release being typed belongs to the segment being left: save it first."""
        focused = QApplication.focusWidget()
        for panel in (self.duties, self.releases):
            if (
                focused is not None
                and focused is not panel.table
                and panel.table.isAncestorOf(focused)
            ):
                focused.clearFocus()  # its delegate commits what was typed on losing focus

    def _commit_talking_points_of_previous(self) -> None:
        # Leaving a segment commits its talking points even if the text box kept focus.
        if self._shown_segment is not None and self._shown_segment in {
            s.id for s in self.doc.plan.segments
        }:
            text = self.talking_points.toPlainText()
            if text != self.doc.segment(self._shown_segment).talking_points:
                command = commands.EditSegment.if_changed(
                    self.doc, self._shown_segment, {"talking_points": text}
                )
                if command is not None:
                    self.doc.undo_stack.push(command)

    def _show_segment_details(self, segment_id: int | None) -> None:
        self._shown_segment = segment_id
        enabled = segment_id is not None
        for widget in (self.talking_points, self.duties, self.releases):
            widget.setEnabled(enabled)
        if segment_id is None:
            self.segment_caption.setText(self.tr("No segment chosen"))
            self.talking_points.clear()
            return
        row = self.doc.row_of(segment_id)
        segment = self.doc.plan.segments[row]
        self.segment_caption.setText(
            self.tr("Segment %1: %2").replace("%1", str(row + 1)).replace("%2", segment.title)
        )
        if self.talking_points.toPlainText() != segment.talking_points:
            self.talking_points.setPlainText(segment.talking_points)

    def _on_selection_changed(self) -> None:
        self.overview.set_selected(set(self.chosen_ids()))
        self._update_actions()

    def _update_actions(self) -> None:
        """Offer only what can be done with the segments chosen now."""
        rows = sorted(self.doc.row_of(i) for i in self.chosen_ids())
        editable = self.doc.editable
        self.insert_action.setEnabled(editable)
        chosen = bool(rows) and editable
        self.duplicate_action.setEnabled(chosen)
        self.delete_action.setEnabled(chosen)
        self.clear_action.setEnabled(chosen)
        self.move_up_action.setEnabled(chosen and rows[0] > 0)
        self.move_down_action.setEnabled(chosen and rows[-1] < len(self.doc.plan.segments) - 1)
        self.next_finding_action.setEnabled(bool(self.doc.findings))

    def refresh_summary(self) -> None:
        self.notice.hide()
        self._update_actions()
        times = self.doc.schedule
        errors = sum(f.severity is Severity.ERROR for f in self.doc.findings)
        warnings = len(self.doc.findings) - errors
        self.summary.setText(
            f"<b>{html.escape(self.doc.plan.show.title)}</b> · "
            + self.tr("%1 – %2 · %3 · %4 segments")
            .replace("%1", times.start.strftime("%Y-%m-%d %H:%M"))
            .replace("%2", times.end.strftime("%H:%M"))
            .replace("%3", format_duration(times.total_s))
            .replace("%4", str(len(self.doc.plan.segments)))
        )
        findings = (
            self.tr("%1, %2")
            .replace("%1", self.tr("%n error(s)", "", errors))
            .replace("%2", self.tr("%n warning(s)", "", warnings))
        )
        self.tabs.setTabText(4, self.tr("Findings (%1)").replace("%1", str(errors + warnings)))
        self.summary_changed.emit(
            f"{self.doc.plan.show.title} · {times.start:%H:%M} – {times.end:%H:%M} · {findings}"
        )
        current = self.current_segment_id()
        if current is not None and current == self._shown_segment:
            self._show_segment_details(current)
        elif current is None:
            self._show_segment_details(None)
        self.duties.model.refresh()
        self.releases.model.refresh()

    def show_notice(self, message: str) -> None:
        self.notice.setStyleSheet(REFUSED_NOTICE)
        self.notice.setText(message)
        self.notice.show()

    def _changed_elsewhere(self, changes: list[Change]) -> None:
        names = names_for(self.doc.db, self.doc.plan)
        said = [f"{c.who}: {describe(c, names)}" for c in changes[-3:]]
        if len(changes) > 3:
            said.insert(0, self.tr("%n more change(s)…", None, len(changes) - 3))
        self.notice.setStyleSheet(INFO_NOTICE)
        self.notice.setText(
            self.tr("Changed elsewhere, and shown here now:") + "\n" + "\n".join(said)
        )
        self.notice.show()

    def is_typing(self) -> bool:
        """Whether something typed here is not saved yet: a cell being edited, or a text box
        with the focus whose text differs from what is stored."""
        tables = [
            p.table for p in (self.duties, self.releases, self.team, self.products, self.promos)
        ]
        if self.table.is_editing() or any(
            t.state() == QAbstractItemView.State.EditingState for t in tables
        ):
            return True
        if self.talking_points.hasFocus() and self._shown_segment is not None:
            try:
                stored = self.doc.segment(self._shown_segment).talking_points
            except StorageError:
                return False
            if self.talking_points.toPlainText() != stored:
                return True
        return self.show_form.is_typing()

    def _follow_lock(self) -> None:
        """A locked script (or a read-only window) takes no typing and offers no edits."""
        editable = self.doc.editable
        self.table.setDragEnabled(editable)
        self.talking_points.setReadOnly(not editable)
        for panel in (self.duties, self.releases, self.team, self.products, self.promos):
            panel.add_button.setEnabled(editable)
            panel.delete_button.setEnabled(editable)
        self.show_form.set_editable(editable)
        self._update_actions()

    # Findings

    def go_to_finding(self, finding: Finding) -> None:
        plan = self.doc.plan
        if finding.entity == "segment":
            column = self.model.column_of_field(finding.field)
            self.select_segment(finding.entity_id, column)
            for other in finding.about()[1:]:  # a grouped finding: all its cells chosen
                self.table.selectionModel().select(
                    self.model.index(self.doc.row_of(other), column),
                    QItemSelectionModel.SelectionFlag.Select,
                )
        elif finding.entity in ("duty", "release"):
            parts = plan.duties if finding.entity == "duty" else plan.releases
            part = next(p for p in parts if p.id == finding.entity_id)
            self.select_segment(part.segment_id)
            self.tabs.setCurrentIndex(0)
            panel = self.duties if finding.entity == "duty" else self.releases
            panel.select_part(part.id, finding.field)
        elif finding.entity == "product":
            self.tabs.setCurrentWidget(self.products)
            self.products.select_part(finding.entity_id, finding.field)
        elif finding.entity == "promo":
            self.tabs.setCurrentWidget(self.promos)
            self.promos.select_part(finding.entity_id, finding.field)
        else:
            self.tabs.setCurrentWidget(self.show_tab)
            edit = self.show_form.field_of(finding.field)  # the rhythm's mix, say
            if edit is not None:
                self.show_tab.ensureWidgetVisible(edit)

    def next_finding(self) -> None:
        findings = self.doc.findings
        if not findings:
            return
        self._finding_cursor = (self._finding_cursor + 1) % len(findings)
        self.findings.list.setCurrentRow(self._finding_cursor)
        self.go_to_finding(findings[self._finding_cursor])
