"""The QApplication: translations, the database, and the main window."""

import sys
from importlib.resources import files

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from liveplanner import resources, settings
from liveplanner.storage.database import open_database
from liveplanner.storage.errors import StorageError
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
    database_url: str | None, open_show: int | None = None, exit_when_shown: bool = False
) -> int:
    from liveplanner.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("liveplanner")
    app.setOrganizationName("liveplanner")
    preferences = settings.load_preferences()
    language = preferences.language
    install_translators(app, QLocale.system() if language == "system" else QLocale(language))
    apply_theme(app, preferences.theme)
    try:
        db = open_database(database_url)
    except StorageError as exc:
        QMessageBox.critical(None, "liveplanner", str(exc))
        return 2
    window = MainWindow(db, preferences)
    if open_show is not None:
        window.open_show(open_show)
    window.show()
    if exit_when_shown:
        # Once the event loop has painted the window: report and quit (benchmarks, smoke tests).
        def report() -> None:
            print(
                f"liveplanner window shown: {window.list_page.model.rowCount()} shows", flush=True
            )
            app.quit()

        QTimer.singleShot(0, report)
    try:
        return app.exec()
    finally:
        db.close()
