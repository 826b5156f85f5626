"""The welcome page's flow: shown the first time, its choices (the demo, a blank show, a
template, an import, the list) and its language.

Part of MainWindow (mixed in). Texts keep the main window's translation context.
"""

from PySide6.QtCore import QCoreApplication

from liveplanner.app import settings
from liveplanner.core.templates import Template


class WelcomeMixin:
    """The main window's welcome page."""

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
            return QCoreApplication.translate(
                "MainWindow",
                "Your shows are kept on this computer, in %1. File ▸ Database… connects to a "
                "team's server instead.",
            ).replace("%1", str(self.db.sqlite_path))
        return QCoreApplication.translate(
            "MainWindow", "Your shows are kept in the team's database %1."
        ).replace("%1", self._server_name())

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
        if self.import_script() is not None:  # it opens the imported show
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
                QCoreApplication.translate(
                    "MainWindow", "Takes effect when liveplanner starts next."
                )
            )
