"""Running the open show from the main window: the timer (rehearsal or live), its results, the
platform's minute metrics brought in, and the show's history.

Part of MainWindow (mixed in). Texts keep the main window's translation context.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from liveplanner.app.database import StorageError
from liveplanner.core.enums import RunKind
from liveplanner.ui.words import said_of

if TYPE_CHECKING:
    from liveplanner.core.plan import ShowPlan
    from liveplanner.core.runlog import Run


class RunMixin:
    """The main window's timer, rehearsal results, metrics import and history."""

    def start_run(self) -> None:
        """Ask rehearsal or live (or resume), then open the host's timer on the open show."""
        from liveplanner.app.run_log import interrupted_run
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
            self.show_refusal(
                QCoreApplication.translate(
                    "MainWindow", "This show has no segments yet: there is nothing to run."
                )
            )
            return
        dialog = StartRunDialog(interrupted_run(self.db, plan.show.id), self)
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

    def share_screens(self) -> None:
        """Serve the open show's live desk to the studio's phones and tablets (Run ▸ Share
        screens…); the dialog shows the links of a sharing already going on."""
        from liveplanner.app.language import user_language
        from liveplanner.ui.share_dialog import ShareDialog
        from liveplanner.web.sharing import ScreenServer

        if self.editor is None or self.db is None:
            return
        db, show_id = self.db, self.editor.doc.show_id
        language = user_language(self.preferences)

        def make_server(bind: str, port: int) -> ScreenServer:
            return ScreenServer(db, show_id, bind=bind, port=port, language=language)

        dialog = ShareDialog(make_server, self.sharing, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.started.connect(self._sharing_started)
        dialog.stopped.connect(self.stop_sharing)
        dialog.open()

    def live_alerts(self) -> None:
        """The open show's thresholds for the live feed's alerts (Run ▸ Live alerts…)."""
        from liveplanner.ui.alerts_dialog import AlertsDialog

        if self.editor is None or self.db is None:
            return
        dialog = AlertsDialog(self.db, self.editor.doc.show_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _sharing_started(self, sharing: object) -> None:
        self.sharing = sharing

    def stop_sharing(self) -> None:
        """No page is served any more: with the run, on Stop, with the show or the window."""
        if self.sharing is not None:
            self.sharing[0].stop()
            self.sharing = None

    def _timer_closed(self, view: QWidget) -> None:
        self.stop_sharing()  # the sharing ends with the run
        if self.host_view is view:
            self.host_view = None
            if self.isVisible():
                self.activateWindow()  # back to the show, where F5 resumes a run left open
        if self.editor is not None:
            with suppress(StorageError):
                self.editor.doc.reload()  # a live run left the show done: its lock shows

    def rehearsal_results(self) -> None:
        from liveplanner.app.review_data import show_runs
        from liveplanner.ui.rehearsal.results_dialog import RehearsalResults

        if self.editor is None or self.db is None:
            return
        doc = self.editor.doc
        RehearsalResults(doc, show_runs(self.db, doc.show_id), self).exec()

    def import_metrics(self) -> None:
        """Bring the platform's minute export into the open show (pandas loads here)."""
        from liveplanner.ui.review.import_dialog import MetricsImportDialog

        if self.editor is None or self.db is None:
            return
        self.commit_editor()
        try:  # the dialog reads the show's runs and stored minutes as it opens
            dialog = MetricsImportDialog(self.db, self.editor.doc.plan, self)
        except StorageError as exc:
            self.show_refusal(said_of(exc))
            return
        dialog.imported.connect(self._metrics_imported)
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
            self.show_refusal(said_of(exc))
            return
        dialog.exec()
