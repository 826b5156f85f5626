"""The QApplication: translations, the database, and the main window."""

import sys
from importlib.resources import files

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from liveplanner import resources, settings
from liveplanner.ui.theme import apply_theme


def install_translators(app: QApplication, locale: QLocale) -> list[QTranslator]:
    """Load liveplanner's and Qt's own translations for `locale`; English needs none."""
    installed = []
    folder = str(files(resources) / "translations")
    for name, path in (
        ("liveplanner", folder),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", path):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def run_app(
    database_url: str | None,
    open_show: int | None = None,
    exit_when: str | None = None,
) -> int:
    """Show the window, then open the database in the first turn of the event loop.

    exit_when ("shown" or "ready") quits once the window is painted, or once the list (and the
    show asked for) is loaded, printing a line to say so: for start-up benchmarks and smoke tests.
    """
    from liveplanner.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("liveplanner")
    app.setOrganizationName("liveplanner")
    preferences = settings.load_preferences()
    language = preferences.language
    install_translators(app, QLocale.system() if language == "system" else QLocale(language))
    apply_theme(app, preferences.theme)
    window = MainWindow(preferences=preferences)
    window.show()

    def report(what: str) -> None:
        count = window.list_page.model.rowCount() if window.list_page else 0
        print(f"liveplanner window {what}: {count} shows", flush=True)
        app.quit()

    def start() -> None:
        if exit_when == "shown":
            report("shown")
            return
        if not window.connect_database(database_url):
            app.exit(2)
            return
        if open_show is not None:
            window.open_show(open_show)
        if exit_when == "ready":
            report("ready")

    QTimer.singleShot(0, start)
    try:
        return app.exec()
    finally:
        if window.db is not None:
            window.db.close()
