"""The main window's menu bar: every action, its shortcut, and which actions need a show open.

Part of MainWindow (mixed in): the actions it makes are the window's own fields, which the
window's pages and tests reach by name. Texts keep the main window's translation context.
"""

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from liveplanner.core.enums import Role


class MenusMixin:
    """The main window's menus."""

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
        file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
        self.new_action = self._action(
            QCoreApplication.translate("MainWindow", "&New show…"),
            lambda: self.new_show(),
            QKeySequence.StandardKey.New,
        )
        self.demo_action = self._action(
            QCoreApplication.translate("MainWindow", "Add &demo show"), self.add_demo
        )
        self.open_action = self._action(
            QCoreApplication.translate("MainWindow", "&Open show"), self.open_selected, "Ctrl+O"
        )
        self.duplicate_show_action = self._action(
            QCoreApplication.translate("MainWindow", "D&uplicate show"), self.duplicate_show
        )
        self.delete_show_action = self._action(
            QCoreApplication.translate("MainWindow", "De&lete show"), self.delete_show
        )
        self.back_action = self._action(
            QCoreApplication.translate("MainWindow", "&Back to shows"), self.show_list, "Ctrl+L"
        )
        self.backups_action = self._action(
            QCoreApplication.translate("MainWindow", "Bac&kups…"), self.open_backups
        )
        self.database_action = self._action(
            QCoreApplication.translate("MainWindow", "D&atabase…"), self.open_database_settings
        )
        quit_action = self._action(
            QCoreApplication.translate("MainWindow", "&Quit"),
            self.close,
            QKeySequence.StandardKey.Quit,
        )
        self.show_actions = [
            self.new_action,
            self.demo_action,
            self.open_action,
            self.duplicate_show_action,
            self.delete_show_action,
            self.back_action,
        ]
        self.import_script_action = self._action(
            QCoreApplication.translate("MainWindow", "&Import script…"),
            self.import_script,
            "Ctrl+Shift+O",
        )
        self.show_actions.insert(2, self.import_script_action)
        for action in self.show_actions[:-1]:
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.export_script_action = self._action(
            QCoreApplication.translate("MainWindow", "&Export script…"),
            self.export_script,
            "Ctrl+Shift+S",
        )
        self.print_sheet_action = self._action(
            QCoreApplication.translate("MainWindow", "&Print run sheet…"),
            self.print_run_sheet,
            QKeySequence.StandardKey.Print,
        )
        self.print_cards_action = self._action(
            QCoreApplication.translate("MainWindow", "Print &cue cards…"),
            self.print_cue_cards,
            "Ctrl+Shift+P",
        )
        self.save_template_action = self._action(
            QCoreApplication.translate("MainWindow", "Save as &team template…"),
            self.save_team_template,
        )
        self.script_file_actions = [
            self.export_script_action,
            self.print_sheet_action,
            self.print_cards_action,
            self.save_template_action,
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
            QCoreApplication.translate("MainWindow", "P&references…"),
            self.open_preferences,
            "Ctrl+,",
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        file_menu.addAction(self.preferences_action)
        file_menu.addAction(quit_action)

        edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
        self.undo_action = self.undo_group.createUndoAction(
            self, QCoreApplication.translate("MainWindow", "&Undo")
        )
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(
            self, QCoreApplication.translate("MainWindow", "&Redo")
        )
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action(
                QCoreApplication.translate("MainWindow", "&Find shows"),
                self._find,
                QKeySequence.StandardKey.Find,
            )
        )
        self.history_action = self._action(
            QCoreApplication.translate("MainWindow", "Show &history…"), self.show_history, "Ctrl+H"
        )
        edit_menu.addAction(self.history_action)
        edit_menu.addSeparator()
        self.library_action = self._action(
            QCoreApplication.translate("MainWindow", "Product &library…"), self.open_library
        )
        edit_menu.addAction(self.library_action)
        self.show_actions.append(self.library_action)

        self.segment_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Segment"))

        run_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Run"))
        self.run_action = self._action(
            QCoreApplication.translate("MainWindow", "&Rehearse or run…"), self.start_run, "F5"
        )
        self.results_action = self._action(
            QCoreApplication.translate("MainWindow", "Rehearsal re&sults…"),
            self.rehearsal_results,
            "F6",
        )
        self.share_action = self._action(
            QCoreApplication.translate("MainWindow", "S&hare screens…"), self.share_screens
        )
        run_menu.addAction(self.run_action)
        run_menu.addAction(self.results_action)
        run_menu.addSeparator()
        screens_menu = run_menu.addMenu(QCoreApplication.translate("MainWindow", "Ro&le screens"))
        self.role_screen_actions = {
            role: self._action(text, lambda _c=False, r=role: self.open_role_screen(r))
            for role, text in (
                (Role.HOST, QCoreApplication.translate("MainWindow", "&Host")),
                (Role.CO_HOST, QCoreApplication.translate("MainWindow", "&Co-host")),
                (Role.FLOOR_CONTROL, QCoreApplication.translate("MainWindow", "&Floor control")),
                (
                    Role.CUSTOMER_SERVICE,
                    QCoreApplication.translate("MainWindow", "C&ustomer service"),
                ),
                (Role.OPS, QCoreApplication.translate("MainWindow", "&Operations")),
            )
        }
        self.person_screen_action = self._action(
            QCoreApplication.translate("MainWindow", "&Person…"), self.open_person_screen
        )
        for action in self.role_screen_actions.values():
            screens_menu.addAction(action)
        screens_menu.addSeparator()
        screens_menu.addAction(self.person_screen_action)
        run_menu.addAction(self.share_action)
        self.alerts_action = self._action(
            QCoreApplication.translate("MainWindow", "Live &alerts…"), self.live_alerts
        )
        run_menu.addAction(self.alerts_action)

        review_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "Revie&w"))
        self.review_action = self._action(
            QCoreApplication.translate("MainWindow", "&Review show"), self.open_review, "Ctrl+R"
        )
        self.script_action = self._action(
            QCoreApplication.translate("MainWindow", "Back to the &script"),
            self.back_to_script,
            "Ctrl+E",
        )
        self.import_metrics_action = self._action(
            QCoreApplication.translate("MainWindow", "&Import metrics…"),
            self.import_metrics,
            "Ctrl+Shift+I",
        )
        self.import_products_action = self._action(
            QCoreApplication.translate("MainWindow", "Import &product figures…"),
            self.import_products,
        )
        self.export_report_action = self._action(
            QCoreApplication.translate("MainWindow", "&Export report…"),
            self.export_report,
            "Ctrl+Shift+E",
        )
        self.compare_action = self._action(
            QCoreApplication.translate("MainWindow", "&Compare shows…"), self.compare_shows
        )
        self.show_actions.append(self.compare_action)
        self.campaigns_action = self._action(
            QCoreApplication.translate("MainWindow", "Ca&mpaigns…"), self.open_campaigns
        )
        self.show_actions.append(self.campaigns_action)
        for action in (self.review_action, self.script_action):
            review_menu.addAction(action)
        review_menu.addSeparator()
        for action in (
            self.import_metrics_action,
            self.import_products_action,
            self.export_report_action,
            self.compare_action,
        ):
            review_menu.addAction(action)
        review_menu.addAction(self.campaigns_action)
        self.editor_actions = [
            *self.script_file_actions,
            self.run_action,
            self.results_action,
            *self.role_screen_actions.values(),
            self.person_screen_action,
            self.share_action,
            self.alerts_action,
            self.review_action,
            self.script_action,
            self.import_metrics_action,
            self.import_products_action,
            self.export_report_action,
            self.history_action,
        ]
        for action in self.editor_actions:
            action.setEnabled(False)  # until a show is open

        view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
        theme_menu = view_menu.addMenu(QCoreApplication.translate("MainWindow", "&Theme"))
        themes = QActionGroup(self)
        for name, label in (
            ("light", QCoreApplication.translate("MainWindow", "&Light")),
            ("dark", QCoreApplication.translate("MainWindow", "&Dark")),
        ):
            action = self._action(label, lambda _c=False, n=name: self.set_theme(n))
            action.setCheckable(True)
            action.setChecked(self.preferences.theme == name)
            themes.addAction(action)
            theme_menu.addAction(action)
        language_menu = view_menu.addMenu(QCoreApplication.translate("MainWindow", "&Language"))
        languages = QActionGroup(self)
        for code, label in (
            ("system", QCoreApplication.translate("MainWindow", "&System")),
            ("zh_CN", "简体中文"),
            ("en", "English"),
        ):
            action = self._action(label, lambda _c=False, c=code: self.set_language(c))
            action.setCheckable(True)
            action.setChecked(self.preferences.language == code)
            languages.addAction(action)
            language_menu.addAction(action)

        help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
        self.welcome_action = self._action(
            QCoreApplication.translate("MainWindow", "&Welcome…"), self.show_welcome
        )
        self.show_actions.append(self.welcome_action)
        self.about_action = self._action(
            QCoreApplication.translate("MainWindow", "&About liveplanner"), self.show_about
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.welcome_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _set_shows_enabled(self, enabled: bool) -> None:
        for action in self.show_actions:
            action.setEnabled(enabled)
