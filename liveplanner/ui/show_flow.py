"""Whole shows from the main window: a new one (asked in a dialog), the demo, a copy, the bin.
The making is app/shows.py's, for the command line too; this is the asking and the undo.

Part of MainWindow (mixed in). Texts keep the main window's translation context.
"""

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

from liveplanner.app.database import StorageError
from liveplanner.core.enums import Platform
from liveplanner.core.plan import DEFAULT_TIME_ZONE, time_zone
from liveplanner.core.templates import Template
from liveplanner.ui.words import said_of


class ShowsMixin:
    """The main window's actions on whole shows."""

    def template_language(self) -> str:
        chosen = self.preferences.language
        if chosen == "system":
            return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"
        return "zh" if chosen.startswith("zh") else "en"

    def new_show(self, template: Template | None = Template.STANDARD_2H) -> int | None:
        """Ask for a new show's title, start, platform and starting point (`template` chosen at
        first), make it and open it; its id, or None if the user cancelled."""
        from liveplanner.app.templates import template_names
        from liveplanner.ui.new_show_dialog import NewShowDialog

        assert self.db is not None
        try:
            team = template_names(self.db)
        except StorageError as exc:
            self.show_refusal(said_of(exc))
            return None
        dialog = NewShowDialog(self, template, team)
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
        template: Template | str | None,
        zone: str = DEFAULT_TIME_ZONE,
    ) -> int | None:
        """Make a show (blank, from a built-in template or from the team template of that
        name), undoably, and open it in the editor."""
        from liveplanner.app import shows

        assert self.db is not None and self.list_page is not None
        try:
            show_id = shows.create_show(
                self.db, title, start, platform, zone, template, self.template_language()
            )
        except StorageError as exc:
            self.show_refusal(said_of(exc))
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
            self.show_refusal(said_of(exc))
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
                self.db,
                show_id,
                lambda title: QCoreApplication.translate("MainWindow", "%1 (copy)").replace(
                    "%1", title
                ),
            )
        except StorageError as exc:
            self.show_refusal(said_of(exc))
            return
        self.list_page.reload()
        self.list_page.record_new_show(
            copy_id, QCoreApplication.translate("commands", "Duplicate show")
        )

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
