"""The main window: the show list, and the editor of the show that is open.

The window paints before the database layer is even imported: SQLAlchemy, Alembic and the
storage code load in the first turn of the event loop (connect_database), so the user sees the
window at once and the list a moment later.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenuBar,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from liveplanner.app import credentials, settings
from liveplanner.core.enums import Platform, RunKind
from liveplanner.core.plan import DEFAULT_TIME_ZONE, time_zone
from liveplanner.core.templates import Template
from liveplanner.storage.errors import StorageError
from liveplanner.ui.new_show_dialog import NewShowDialog
from liveplanner.ui.theme import apply_theme
from liveplanner.ui.workspace_words import said

if TYPE_CHECKING:
    from liveplanner.app.workspace import Workspace
    from liveplanner.core.plan import ShowPlan
    from liveplanner.core.runlog import Run
    from liveplanner.storage.database import Database
    from liveplanner.ui.backup_schedule import BackupSchedule
    from liveplanner.ui.editor.show_editor import ShowEditor
    from liveplanner.ui.review.review_page import ReviewPage
    from liveplanner.ui.show_list_page import ShowListPage
    from liveplanner.ui.welcome_page import WelcomePage


class MainWindow(QMainWindow):
    database_ready = Signal()
    """The database is open and the show list is filled."""
    editor_opened = Signal(int)
    """A show's editor is now the window's page; carries the show id."""

    def __init__(
        self, db: Database | None = None, preferences: settings.Preferences | None = None
    ) -> None:
        super().__init__()
        self.db: Database | None = None
        self.preferences = preferences or settings.load_preferences()
        self.setWindowTitle("liveplanner")
        screen = QApplication.primaryScreen()
        room = screen.availableGeometry() if screen else None
        # Most of a laptop screen, capped on a large monitor.
        self.resize(
            min(1500, int(room.width() * 0.92)) if room else 1400,
            min(940, int(room.height() * 0.92)) if room else 860,
        )
        self.backups: BackupSchedule | None = None  # SQLite: every 30 min if changed, on exit
        self.workspace: Workspace | None = None  # the database opened here, and its file's claim
        self.undo_group = QUndoGroup(self)
        self.list_page: ShowListPage | None = None
        self.editor: ShowEditor | None = None
        self.host_view: QWidget | None = None
        self.review_page: ReviewPage | None = None
        self.welcome_page: WelcomePage | None = None
        self.pages = QStackedWidget()
        self.opening = QLabel(self.tr("Opening the database…"))
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.opening)
        self.setCentralWidget(self.pages)
        self._build_menus()
        self._set_shows_enabled(False)
        if db is not None:
            self.attach_database(db)

    def connect_database(self, url: str | None) -> bool:
        """Open the database at `url` and fill the list; False (after saying why) if it can't.
        The app layer's offers (a damaged file, the team server away…) are put to the user."""
        from liveplanner.ui.workspace_flow import WorkspaceFlow

        try:
            opened = WorkspaceFlow(self, self.statusBar().showMessage).open(url, self.preferences)
        except StorageError as exc:
            QMessageBox.critical(self, "liveplanner", said(exc))
            return False
        if opened is None:
            return False
        self._take_workspace(opened)
        self.attach_database(opened.db)
        return True

    def _take_workspace(self, opened: Workspace) -> None:
        if self.workspace is not None:
            self.workspace.release()  # the file this window had is free for another app
        self.workspace = opened

    def replace_database(self, db: Database) -> None:
        """Go on with `db` (the same file opened again after a restore): every page on the old
        one goes, and the old one is closed."""
        self.commit_editor()
        if self.editor is not None:
            self.undo_group.removeStack(self.editor.doc.undo_stack)
        if self.list_page is not None:
            self.undo_group.removeStack(self.list_page.undo_stack)
        for page in (self.editor, self.review_page, self.list_page):
            if page is not None:
                self.pages.removeWidget(page)
                page.deleteLater()
        self.editor = self.review_page = self.list_page = None
        self.segment_menu.clear()
        if self.db is not None and self.db is not db:
            self.db.close()
        self.attach_database(db)

    def attach_database(self, db: Database) -> None:
        from liveplanner.ui.backup_schedule import BackupSchedule
        from liveplanner.ui.show_list_page import ShowListPage

        self.db = db
        if self.backups is not None:
            self.backups.stop()
        # A read-only window leaves the backups to the app that writes the file.
        self.backups = (
            None if db.read_only else BackupSchedule(db, self.statusBar().showMessage, self)
        )
        self._set_title("")
        self.list_page = ShowListPage(db)
        self.list_page.open_requested.connect(self.open_show)
        self.list_page.refused.connect(self.show_refusal)
        self.list_page.reloaded.connect(self._on_list_reloaded)
        self.undo_group.addStack(self.list_page.undo_stack)
        self.pages.addWidget(self.list_page)
        self._set_shows_enabled(True)
        self.show_list()
        self.database_ready.emit()

    def _set_shows_enabled(self, enabled: bool) -> None:
        for action in self.show_actions:
            action.setEnabled(enabled)

    # Menus

    def _action(
        self, text: str, slot: object, shortcut: QKeySequence | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_action = self._action(
            self.tr("&New show…"), lambda: self.new_show(), QKeySequence.StandardKey.New
        )
        self.demo_action = self._action(self.tr("Add &demo show"), self.add_demo)
        self.open_action = self._action(self.tr("&Open show"), self.open_selected, "Ctrl+O")
        self.duplicate_show_action = self._action(self.tr("D&uplicate show"), self.duplicate_show)
        self.delete_show_action = self._action(self.tr("De&lete show"), self.delete_show)
        self.back_action = self._action(self.tr("&Back to shows"), self.show_list, "Ctrl+L")
        self.backups_action = self._action(self.tr("Bac&kups…"), self.open_backups)
        self.database_action = self._action(self.tr("D&atabase…"), self.open_database_settings)
        quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.show_actions = [
            self.new_action,
            self.demo_action,
            self.open_action,
            self.duplicate_show_action,
            self.delete_show_action,
            self.back_action,
        ]
        self.import_script_action = self._action(
            self.tr("&Import script…"), self.import_script, "Ctrl+Shift+O"
        )
        self.show_actions.insert(2, self.import_script_action)
        for action in self.show_actions[:-1]:
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.export_script_action = self._action(
            self.tr("&Export script…"), self.export_script, "Ctrl+Shift+S"
        )
        self.print_sheet_action = self._action(
            self.tr("&Print run sheet…"), self.print_run_sheet, QKeySequence.StandardKey.Print
        )
        self.print_cards_action = self._action(
            self.tr("Print &cue cards…"), self.print_cue_cards, "Ctrl+Shift+P"
        )
        self.script_file_actions = [
            self.export_script_action,
            self.print_sheet_action,
            self.print_cards_action,
        ]
        for action in self.script_file_actions:
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.backups_action)
        self.show_actions.append(self.backups_action)
        file_menu.addAction(self.database_action)
        self.show_actions.append(self.database_action)
        file_menu.addAction(self.back_action)
        file_menu.addSeparator()
        self.preferences_action = self._action(
            self.tr("P&references…"), self.open_preferences, "Ctrl+,"
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        file_menu.addAction(self.preferences_action)
        file_menu.addAction(quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action(self.tr("&Find shows"), self._find, QKeySequence.StandardKey.Find)
        )
        self.history_action = self._action(self.tr("Show &history…"), self.show_history, "Ctrl+H")
        edit_menu.addAction(self.history_action)

        self.segment_menu = bar.addMenu(self.tr("&Segment"))

        run_menu = bar.addMenu(self.tr("&Run"))
        self.run_action = self._action(self.tr("&Rehearse or run…"), self.start_run, "F5")
        self.results_action = self._action(
            self.tr("Rehearsal re&sults…"), self.rehearsal_results, "F6"
        )
        run_menu.addAction(self.run_action)
        run_menu.addAction(self.results_action)

        review_menu = bar.addMenu(self.tr("Revie&w"))
        self.review_action = self._action(self.tr("&Review show"), self.open_review, "Ctrl+R")
        self.script_action = self._action(
            self.tr("Back to the &script"), self.back_to_script, "Ctrl+E"
        )
        self.import_metrics_action = self._action(
            self.tr("&Import metrics…"), self.import_metrics, "Ctrl+Shift+I"
        )
        self.export_report_action = self._action(
            self.tr("&Export report…"), self.export_report, "Ctrl+Shift+E"
        )
        self.compare_action = self._action(self.tr("&Compare shows…"), self.compare_shows)
        self.show_actions.append(self.compare_action)
        for action in (self.review_action, self.script_action):
            review_menu.addAction(action)
        review_menu.addSeparator()
        for action in (self.import_metrics_action, self.export_report_action, self.compare_action):
            review_menu.addAction(action)
        self.editor_actions = [
            *self.script_file_actions,
            self.run_action,
            self.results_action,
            self.review_action,
            self.script_action,
            self.import_metrics_action,
            self.export_report_action,
            self.history_action,
        ]
        for action in self.editor_actions:
            action.setEnabled(False)  # until a show is open

        view_menu = bar.addMenu(self.tr("&View"))
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        themes = QActionGroup(self)
        for name, label in (("light", self.tr("&Light")), ("dark", self.tr("&Dark"))):
            action = self._action(label, lambda _c=False, n=name: self.set_theme(n))
            action.setCheckable(True)
            action.setChecked(self.preferences.theme == name)
            themes.addAction(action)
            theme_menu.addAction(action)
        language_menu = view_menu.addMenu(self.tr("&Language"))
        languages = QActionGroup(self)
        for code, label in (
            ("system", self.tr("&System")),
            ("zh_CN", "简体中文"),
            ("en", "English"),
        ):
            action = self._action(label, lambda _c=False, c=code: self.set_language(c))
            action.setCheckable(True)
            action.setChecked(self.preferences.language == code)
            languages.addAction(action)
            language_menu.addAction(action)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.welcome_action = self._action(self.tr("&Welcome…"), self.show_welcome)
        self.show_actions.append(self.welcome_action)
        self.about_action = self._action(self.tr("&About liveplanner"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.welcome_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def delete_show(self) -> None:
        """Delete the open show, or on the list the chosen one (to the bin: Undo brings it back)."""
        if self.list_page is None:
            return
        open_show = self.editor.doc.show_id if self.pages.currentWidget() is self.editor else None
        self.show_list()
        if open_show is not None:
            self.list_page.select_show(open_show)
        self.list_page.delete_selected()

    def _find(self) -> None:
        if self.list_page is None:
            return
        self.show_list()
        self.list_page.search.setFocus()
        self.list_page.search.selectAll()

    # Pages

    def show_list(self) -> None:
        if self.list_page is None:
            return
        self.commit_editor()
        self.pages.setCurrentWidget(self.list_page)
        self.undo_group.setActiveStack(self.list_page.undo_stack)
        self.list_page.reload()
        self.segment_menu.setEnabled(False)
        for action in self.editor_actions:
            action.setEnabled(False)
        self._set_title("")
        self.list_page.table.setFocus()

    def open_selected(self) -> None:
        if self.list_page is None:
            return
        show_id = self.list_page.selected_show_id()
        if show_id is not None:
            self.open_show(show_id)

    def open_show(self, show_id: int) -> None:
        from liveplanner.ui.editor.show_editor import ShowEditor

        assert self.db is not None, "shows open once the database is"
        self.commit_editor()
        try:
            editor = ShowEditor(self.db, show_id)
        except StorageError as exc:
            self.show_refusal(str(exc))
            return
        if self.editor is not None:
            self.undo_group.removeStack(self.editor.doc.undo_stack)
            self.pages.removeWidget(self.editor)
            self.editor.deleteLater()
        self.editor = editor
        self.pages.addWidget(editor)
        self.pages.setCurrentWidget(editor)
        self.undo_group.addStack(editor.doc.undo_stack)
        self.undo_group.setActiveStack(editor.doc.undo_stack)
        editor.summary_changed.connect(self.statusBar().showMessage)
        editor.doc.show_changed.connect(self._title_from_editor)
        self.segment_menu.clear()
        for action in editor.segment_actions:
            self.segment_menu.addAction(action)
        self.segment_menu.setEnabled(True)
        for action in self.editor_actions:
            action.setEnabled(True)
        # A read-only window could not log the run: every timer event would be refused.
        read_only = self.db.read_only
        for action in (self.run_action, self.import_metrics_action, self.import_script_action):
            action.setEnabled(not read_only)
        self._title_from_editor()
        editor.refresh_summary()
        editor.table.setFocus()
        self.editor_opened.emit(show_id)

    def _title_from_editor(self) -> None:
        if self.editor is not None:
            self._set_title(self.editor.doc.plan.show.title)

    def _set_title(self, show_title: str) -> None:
        parts = [show_title] if show_title else []
        parts.append("liveplanner")
        if self.db is not None and self.db.read_only:
            parts.append(self.tr("read-only"))
        self.setWindowTitle(" — ".join(parts))

    def commit_editor(self) -> None:
        """Save what is typed but not yet committed (a text box that still has focus)."""
        if self.editor is not None:
            self.editor.commit_pending()

    def _on_list_reloaded(self, count: int) -> None:
        if self.pages.currentWidget() is self.list_page:
            self.statusBar().showMessage(self.tr("%n show(s)", "", count))

    # Running the show

    def start_run(self) -> None:
        """Ask rehearsal or live (or resume), then open the host's timer on the open show."""
        from liveplanner.storage import runs
        from liveplanner.ui.rehearsal.start_dialog import StartRunDialog

        if self.editor is None or self.db is None:
            return
        if self.host_view is not None and self.host_view.isVisible():
            # One timer at a time: a second one would write into the same run.
            self.host_view.raise_()
            self.host_view.activateWindow()
            return
        self.commit_editor()
        plan = self.editor.doc.plan
        if not plan.segments:
            self.show_refusal(self.tr("This show has no segments yet: there is nothing to run."))
            return
        dialog = StartRunDialog(runs.interrupted_run(self.db, plan.show.id), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Not exec(): the window's own loop goes on, so keys reach the dialog as they do any
        # window (Enter starts), and the timer opens when it is accepted.
        dialog.accepted.connect(lambda: self._open_timer(plan, *dialog.choice()))
        dialog.open()

    def _open_timer(self, plan: ShowPlan, kind: RunKind, interrupted: Run | None) -> None:
        from liveplanner.ui.rehearsal.host_view import HostView
        from liveplanner.ui.rehearsal.run_controller import RunController

        if self.db is None:
            return
        controller = RunController(
            self.db,
            plan,
            kind,
            interrupted=interrupted,
            warning_s=self.preferences.timer_warning_s,
            danger_s=self.preferences.timer_danger_s,
        )
        view = HostView(controller)
        self.host_view = view
        controller.setParent(view)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # On leaving, not on deletion: F5 right after leaving opens a new timer, and the old
        # one's later deletion must not forget the new one.
        view.left.connect(lambda: self._timer_closed(view))
        view.showMaximized()
        view.activateWindow()

    def _timer_closed(self, view: QWidget) -> None:
        if self.host_view is view:
            self.host_view = None
            if self.isVisible():
                self.activateWindow()  # back to the show, where F5 resumes a run left open
        if self.editor is not None:
            with suppress(StorageError):
                self.editor.doc.reload()  # a live run left the show done: its lock shows

    def rehearsal_results(self) -> None:
        from liveplanner.storage import runs
        from liveplanner.ui.rehearsal.results_dialog import RehearsalResults

        if self.editor is None or self.db is None:
            return
        doc = self.editor.doc
        RehearsalResults(doc, runs.list_runs(self.db, doc.show_id), self).exec()

    def import_metrics(self) -> None:
        """Bring the platform's minute export into the open show (pandas loads here)."""
        from liveplanner.ui.review.import_dialog import MetricsImportDialog

        if self.editor is None or self.db is None:
            return
        self.commit_editor()
        try:  # the dialog reads the show's runs and stored minutes as it opens
            dialog = MetricsImportDialog(self.db, self.editor.doc.plan, self)
        except StorageError as exc:
            self.show_refusal(str(exc))
            return
        dialog.imported.connect(self._metrics_imported)
        dialog.exec()

    def _metrics_imported(self, count: int, file_name: str) -> None:
        text = self.tr("Imported %n minute values from %1", "", count).replace("%1", file_name)
        self.statusBar().showMessage(text, 10_000)
        if self.review_page is not None and self.pages.currentWidget() is self.review_page:
            self.open_review()

    def open_backups(self) -> None:
        from liveplanner.ui.backups_dialog import BackupsDialog

        if self.db is None or self.db.sqlite_path is None:
            self.show_refusal(
                self.tr("A team database on PostgreSQL is backed up by its server, not here.")
            )
            return
        if self.host_view is not None:
            self.show_refusal(self.tr("End the run on the timer before restoring a backup."))
            return
        if self.db.read_only:
            self.show_refusal(
                self.tr(
                    "This window is read-only: the liveplanner that has the database open makes "
                    "and restores its backups."
                )
            )
            return
        dialog = BackupsDialog(self.db, self)
        dialog.restored.connect(self.replace_database)
        dialog.exec()

    def show_history(self) -> None:
        """Edit ▸ Show history…: who changed what in the open show, and when."""
        from liveplanner.ui.history_dialog import HistoryDialog

        if self.editor is None:
            return
        self.commit_editor()
        try:
            dialog = HistoryDialog(self.editor.doc.db, self.editor.doc.plan, self)
        except StorageError as exc:
            self.show_refusal(str(exc))
            return
        dialog.exec()

    def open_database_settings(self) -> None:
        """File ▸ Database…: a new choice is opened at once; one that cannot be opened is not
        kept, and the window goes on with the database it had."""
        from liveplanner.ui.workspace_flow import choose_database, where

        if self.host_view is not None:
            self.show_refusal(self.tr("End the run on the timer before changing the database."))
            return
        self.commit_editor()  # what is typed goes into the database it was typed for
        status = self.statusBar().showMessage
        self.preferences, opened = choose_database(self, self.preferences, self.db, status)
        if opened is None:
            return
        self._take_workspace(opened)
        self.replace_database(opened.db)
        self.statusBar().showMessage(self.tr("Now using %1").replace("%1", where(opened)), 10_000)

    # Scripts in and out (ui/script/actions.py)

    def import_script(self) -> None:
        from liveplanner.ui.script.actions import import_script

        if self.db is not None and self.list_page is not None:
            import_script(self)

    def export_script(self) -> None:
        from liveplanner.ui.script.actions import export_script

        self.commit_editor()
        export_script(self)

    def print_run_sheet(self) -> None:
        from liveplanner.ui.script.actions import print_preview

        print_preview(self, "run_sheet")

    def print_cue_cards(self) -> None:
        from liveplanner.ui.script.actions import print_preview

        print_preview(self, "cue_cards")

    # Reviewing the show

    def open_review(self) -> None:
        """The open show's review (pandas and pyqtgraph load here, the first time)."""
        from liveplanner.ui.review.review_page import ReviewPage

        if self.editor is None or self.db is None:
            return
        self.commit_editor()
        if self.review_page is None:
            self.review_page = ReviewPage(
                self.db,
                self.preferences.attribution_lag,
                chart_share=self.preferences.review_chart_share,
            )
            self.review_page.import_requested.connect(self.import_metrics)
            self.review_page.compare_requested.connect(self.compare_shows)
            self.review_page.export_requested.connect(self.export_report)
            self.review_page.lag_changed.connect(self._save_lag)
            self.review_page.chart_share_changed.connect(self._save_chart_share)
            self.pages.addWidget(self.review_page)
        try:
            self.review_page.set_show(self.editor.doc.show_id)
        except StorageError as exc:
            self.show_refusal(str(exc))
            return
        self.pages.setCurrentWidget(self.review_page)
        title = self.editor.doc.plan.show.title
        self.setWindowTitle(self.tr("%1 — review — liveplanner").replace("%1", title))

    def back_to_script(self) -> None:
        if self.editor is not None:
            self.pages.setCurrentWidget(self.editor)
            self._title_from_editor()
            self.editor.table.setFocus()

    def _save_lag(self, lag: int) -> None:
        self.preferences = settings.change_preferences(self.preferences, attribution_lag=lag)

    def _save_chart_share(self, share: float) -> None:
        self.preferences = settings.change_preferences(self.preferences, review_chart_share=share)

    def export_report(self) -> None:
        from liveplanner.ui.review.report_dialog import export_report

        if self.editor is None or self.db is None:
            return
        if self.review_page is None or self.pages.currentWidget() is not self.review_page:
            self.open_review()
        if self.review_page is not None and self.review_page.review is not None:
            export_report(self.review_page, self)

    def compare_shows(self) -> None:
        from liveplanner.ui.review.compare_dialog import CompareDialog

        if self.db is None:
            return
        CompareDialog(self.db, self.preferences.attribution_lag, self).exec()

    # Whole shows

    def template_language(self) -> str:
        chosen = self.preferences.language
        if chosen == "system":
            return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"
        return "zh" if chosen.startswith("zh") else "en"

    def new_show(self, template: Template | None = Template.STANDARD_2H) -> int | None:
        """Ask for a new show's title, start, platform and starting point (`template` chosen at
        first), make it and open it; its id, or None if the user cancelled."""
        dialog = NewShowDialog(self, template)
        if dialog.exec() != NewShowDialog.DialogCode.Accepted:
            return None
        zone = dialog.chosen_zone()
        start = dialog.chosen_start().replace(tzinfo=time_zone(zone))
        return self.create_show(
            dialog.title.text(), start, dialog.chosen_platform(), dialog.chosen_template(), zone
        )

    def create_show(
        self,
        title: str,
        start: datetime,
        platform: Platform,
        template: Template | None,
        zone: str = DEFAULT_TIME_ZONE,
    ) -> int | None:
        """Make a show (blank or from a template), undoably, and open it in the editor."""
        from liveplanner.app import shows

        assert self.db is not None and self.list_page is not None
        try:
            show_id = shows.create_show(
                self.db, title, start, platform, zone, template, self.template_language()
            )
        except StorageError as exc:
            self.show_refusal(str(exc))
            return None
        self.show_list()
        self.list_page.record_new_show(show_id, QCoreApplication.translate("commands", "New show"))
        self.open_show(show_id)
        return show_id

    def add_demo(self) -> int | None:
        """Add the demo show to the list (undoably) and select it; its id, or None if refused."""
        from liveplanner.app import shows

        assert self.db is not None and self.list_page is not None
        try:
            show_id = shows.add_demo(self.db)
        except StorageError as exc:
            self.show_refusal(str(exc))
            return None
        self.show_list()
        self.list_page.record_new_show(
            show_id, QCoreApplication.translate("commands", "Add demo show")
        )
        return show_id

    def duplicate_show(self) -> None:
        from liveplanner.app import shows

        assert self.db is not None and self.list_page is not None
        if self.pages.currentWidget() is not self.list_page and self.editor is not None:
            show_id = self.editor.doc.show_id
            self.show_list()
        else:
            show_id = self.list_page.selected_show_id()
        if show_id is None:
            return
        try:
            copy_id = shows.duplicate_show(
                self.db, show_id, lambda title: self.tr("%1 (copy)").replace("%1", title)
            )
        except StorageError as exc:
            self.show_refusal(str(exc))
            return
        self.list_page.reload()
        self.list_page.record_new_show(
            copy_id, QCoreApplication.translate("commands", "Duplicate show")
        )

    # Preferences

    def set_theme(self, name: str) -> None:
        self.preferences = settings.change_preferences(self.preferences, theme=name)
        apply_theme(QApplication.instance(), name)  # type: ignore[arg-type]

    def set_language(self, code: str) -> None:
        """View ▸ Language: at once where nothing would be lost by rebuilding the window, else
        at the next start."""
        self.preferences = settings.change_preferences(self.preferences, language=code)
        if self.can_retranslate_now():
            self.retranslate()
            return
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("The new language takes effect when liveplanner starts next."),
        )

    def can_retranslate_now(self) -> bool:
        """Whether the window can be made again in another language now: no show is open (its
        undo history would go) and nothing on the show list can still be undone."""
        return (
            self.editor is None
            and self.host_view is None
            and (self.list_page is None or self.list_page.undo_stack.count() == 0)
        )

    def retranslate(self) -> None:
        """Load the chosen language and make the menus and pages again in it (every label is
        set when its widget is made, so making them again is what translates them)."""
        from liveplanner.ui.app import use_language

        use_language(self.preferences.language)
        welcoming = self.welcome_page is not None and (
            self.pages.currentWidget() is self.welcome_page
        )
        for child in self.children():
            if isinstance(child, (QAction, QActionGroup)):
                child.deleteLater()  # the old menus' actions, shortcuts and all
        self.setMenuBar(QMenuBar())  # the old bar goes, with its menus
        self._build_menus()
        self._set_shows_enabled(False)
        self.opening.setText(self.tr("Opening the database…"))
        if self.welcome_page is not None:
            self.pages.removeWidget(self.welcome_page)
            self.welcome_page.deleteLater()
            self.welcome_page = None
        if self.db is not None:
            self.replace_database(self.db)  # a new show list, in the new language
        if welcoming:
            self.show_welcome()

    def open_preferences(self) -> None:
        """File ▸ Preferences…: the timer's warnings and the backup folder."""
        from liveplanner.ui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.preferences, self)
        if dialog.exec() != PreferencesDialog.DialogCode.Accepted:
            return
        self.preferences = settings.change_preferences(dialog.preferences)
        if self.db is not None and self.db.sqlite_path is not None:
            self.db.backup_dir = settings.backup_dir(self.preferences)

    # Help

    def show_welcome(self) -> None:
        """The welcome page: the demo, a blank show, a template or an import, and the
        language."""
        from liveplanner.ui.welcome_page import WelcomePage

        if self.db is None or self.list_page is None:
            return
        self.commit_editor()
        if self.welcome_page is None:
            self.welcome_page = WelcomePage(self.preferences.language, self._where_shows_are())
            self.welcome_page.demo_requested.connect(self._welcome_demo)
            self.welcome_page.blank_requested.connect(lambda: self._welcome_new_show(None))
            self.welcome_page.template_requested.connect(
                lambda: self._welcome_new_show(Template.STANDARD_2H)
            )
            self.welcome_page.import_requested.connect(self._welcome_import)
            self.welcome_page.list_requested.connect(self._welcome_list)
            self.welcome_page.language_chosen.connect(self._welcome_language)
            self.pages.addWidget(self.welcome_page)
        self.pages.setCurrentWidget(self.welcome_page)
        self.segment_menu.setEnabled(False)
        for action in self.editor_actions:
            action.setEnabled(False)
        self._set_title("")
        self.statusBar().clearMessage()
        self.welcome_page.demo.setFocus()

    def welcome_if_first_run(self) -> bool:
        """Open the welcome page the first time: no show in the database, and the welcome never
        answered. True if it opened."""
        if (
            self.preferences.welcomed
            or self.db is None
            or self.db.read_only  # the app that writes the file has been started before
            or self.list_page is None
            or self.list_page.model.rowCount() > 0
        ):
            return False
        self.show_welcome()
        return True

    def _where_shows_are(self) -> str:
        assert self.db is not None
        if self.db.sqlite_path is not None:
            return self.tr(
                "Your shows are kept on this computer, in %1. File ▸ Database… connects to a "
                "team's server instead."
            ).replace("%1", str(self.db.sqlite_path))
        return self.tr("Your shows are kept in the team's database %1.").replace(
            "%1", self._server_name()
        )

    def _welcomed(self) -> None:
        if not self.preferences.welcomed:
            self.preferences = settings.change_preferences(self.preferences, welcomed=True)

    def _welcome_demo(self) -> None:
        show_id = self.add_demo()
        if show_id is not None:
            self._welcomed()
            self.open_show(show_id)

    def _welcome_new_show(self, template: Template | None) -> None:
        if self.new_show(template) is not None:
            self._welcomed()

    def _welcome_import(self) -> None:
        from liveplanner.ui.script.actions import import_script

        if import_script(self) is not None:  # it opens the imported show
            self._welcomed()

    def _welcome_list(self) -> None:
        self._welcomed()
        self.show_list()

    def _welcome_language(self, code: str) -> None:
        if code == self.preferences.language:
            return
        self.preferences = settings.change_preferences(self.preferences, language=code)
        if self.can_retranslate_now():
            self.retranslate()
        elif self.welcome_page is not None:
            self.welcome_page.set_language_note(
                self.tr("Takes effect when liveplanner starts next.")
            )

    def show_about(self) -> None:
        from liveplanner.ui.about_dialog import AboutDialog

        AboutDialog(*self._database_in_use(), self).exec()

    def _database_in_use(self) -> tuple[str, str]:
        """The database (a file, or a server without its password) and where its backups go."""
        if self.db is None:
            return self.tr("not open"), str(settings.backup_dir(self.preferences))
        read_only = f" ({self.tr('read-only')})" if self.db.read_only else ""
        if self.db.sqlite_path is not None:
            backups = str(self.db.backup_dir or settings.backup_dir(self.preferences))
            return str(self.db.sqlite_path) + read_only, backups
        return self._server_name() + read_only, self.tr("by the team's server")

    def _server_name(self) -> str:
        """The team server's URL without its password (not even as ***)."""
        assert self.db is not None
        return credentials.without_password(self.db.url)

    def show_refusal(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Not done"), message)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.commit_editor()
        if self.backups is not None:
            self.backups.stop()
            self.backups.back_up_if_changed("on-exit")
        if self.workspace is not None:
            self.workspace.release()
        super().closeEvent(event)
