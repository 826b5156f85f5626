"""The main window: the show list, and the editor of the show that is open.

A shell of pages: its menus (main_menus.py) and what they start are mixed in from the flows'
modules (show_flow, run_flow, review_flow, welcome_flow), and opening the database is
workspace_flow.py's.

The window paints before the database layer is even imported: SQLAlchemy, Alembic and the
storage code load in the first turn of the event loop (connect_database), so the user sees the
window at once and the list a moment later.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QUndoGroup
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
from liveplanner.app.database import StorageError
from liveplanner.ui.desk_flow import DeskMixin
from liveplanner.ui.library_flow import LibraryMixin
from liveplanner.ui.main_menus import MenusMixin
from liveplanner.ui.products_flow import ProductsImportMixin
from liveplanner.ui.review_flow import ReviewMixin
from liveplanner.ui.run_flow import RunMixin
from liveplanner.ui.show_flow import ShowsMixin
from liveplanner.ui.theme import apply_theme
from liveplanner.ui.welcome_flow import WelcomeMixin
from liveplanner.ui.words import said_of

if TYPE_CHECKING:
    from liveplanner.app.database import Database
    from liveplanner.app.workspace import Workspace
    from liveplanner.ui.backup_schedule import BackupSchedule
    from liveplanner.ui.editor.show_editor import ShowEditor
    from liveplanner.ui.review.review_page import ReviewPage
    from liveplanner.ui.show_list_page import ShowListPage
    from liveplanner.ui.welcome_page import WelcomePage


class MainWindow(
    MenusMixin,
    ShowsMixin,
    RunMixin,
    DeskMixin,
    ReviewMixin,
    ProductsImportMixin,
    LibraryMixin,
    WelcomeMixin,
    QMainWindow,
):
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
        self.sharing: tuple[Any, Any] | None = None  # (ScreenServer, SharedScreens) serving
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
            QMessageBox.critical(self, "liveplanner", said_of(exc))
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
        self.stop_sharing()  # the pages served the database that goes
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
        if self.workspace is not None:
            self.workspace.db = db  # a restore opens the same file again, still claimed here
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
            self.show_refusal(said_of(exc))
            return
        if self.editor is not None:
            if self.editor.doc.show_id != show_id:
                self.stop_sharing()  # the pages served the show that was open
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
        for action in (
            self.run_action,
            self.share_action,
            self.alerts_action,
            self.import_metrics_action,
            self.import_products_action,
            self.import_script_action,
        ):
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

    # What the flows report back

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

    def import_script(self) -> int | None:
        """File ▸ Import script…: a run sheet or show file as a new show, opened; its id."""
        from liveplanner.ui.script.actions import choose_script

        if self.db is None or self.list_page is None:
            return None
        chosen = choose_script(self)
        return self.import_file(chosen) if chosen else None

    def import_file(self, path: Path) -> int | None:
        """Import `path` as a new show (undoably) and open it; its id, or None if refused."""
        from liveplanner.ui.script.actions import import_file, imported_note

        assert self.db is not None and self.list_page is not None
        show_id = import_file(self, self.db, path, self.show_refusal)
        if show_id is None:
            return None
        self.show_list()
        self.list_page.record_new_show(
            show_id, QCoreApplication.translate("commands", "Import script")
        )
        self.open_show(show_id)
        self.statusBar().showMessage(imported_note(path), 10_000)
        return show_id

    def export_script(self) -> None:
        from liveplanner.ui.script.actions import export_script

        self.commit_editor()
        if self.editor is not None and self.db is not None:
            plan, language = self.editor.doc.plan, self.template_language()
            status = self.statusBar().showMessage
            export_script(self, self.db, plan, language, self.show_refusal, status)

    def print_run_sheet(self) -> None:
        self._print_preview("run_sheet")

    def print_cue_cards(self) -> None:
        self._print_preview("cue_cards")

    def _print_preview(self, what: str) -> None:
        from liveplanner.ui.printing.documents import preview_script

        if self.editor is not None:
            self.commit_editor()
            preview_script(self, self.editor.doc.plan, what)

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
        from liveplanner.ui.translators import use_language

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
        self.stop_sharing()
        if self.backups is not None:
            self.backups.stop()
            self.backups.back_up_if_changed("on-exit")
        if self.workspace is not None:
            self.workspace.release()
        super().closeEvent(event)
