"""Reviewing the open show from the main window: the review page, its report, comparing shows.

Part of MainWindow (mixed in). Texts keep the main window's translation context.
"""

from PySide6.QtCore import QCoreApplication

from liveplanner.app import settings
from liveplanner.app.database import StorageError
from liveplanner.ui.words import said_of


class ReviewMixin:
    """The main window's review of the open show."""

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
            self.review_page.import_products_requested.connect(self.import_products)
            self.review_page.compare_requested.connect(self.compare_shows)
            self.review_page.export_requested.connect(self.export_report)
            self.review_page.lag_changed.connect(self._save_lag)
            self.review_page.chart_share_changed.connect(self._save_chart_share)
            self.pages.addWidget(self.review_page)
        try:
            self.review_page.set_show(self.editor.doc.show_id)
        except StorageError as exc:
            self.show_refusal(said_of(exc))
            return
        self.pages.setCurrentWidget(self.review_page)
        title = self.editor.doc.plan.show.title
        self.setWindowTitle(
            QCoreApplication.translate("MainWindow", "%1 — review — liveplanner").replace(
                "%1", title
            )
        )

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

    def open_campaigns(self) -> None:
        """Review ▸ Campaigns…: every campaign, where each stands against its target."""
        from liveplanner.ui.review.campaign_dialog import CampaignDialog

        if self.db is None:
            return
        CampaignDialog(self.db, self.preferences.attribution_lag, self).exec()
