"""The QApplication: translations, the log and the error dialog, the database, and the main
window (with the welcome page the first time)."""

import logging
import sys
import traceback
from importlib.resources import files
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from liveplanner import resources
from liveplanner.app import settings
from liveplanner.app.credentials import shown_url
from liveplanner.ui.smooth_frames import freeze_start_up, share_the_interpreter
from liveplanner.ui.theme import apply_theme

# Where the window's language is set; said here too, where tests and the start-up look for it.
from liveplanner.ui.translators import use_language

if TYPE_CHECKING:
    from liveplanner.ui.crash_dialog import CrashReporter

logger = logging.getLogger("liveplanner.app")


def run_app(
    database_url: str | None,
    open_show: int | None = None,
    exit_when: str | None = None,
) -> int:
    """Show the window, then open the database in the first turn of the event loop.

    exit_when ("shown" or "ready") quits once the window is painted, or once the list (and the
    show asked for) is loaded, printing a line to say so: for start-up benchmarks and smoke tests.
    """
    import PySide6

    from liveplanner.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    share_the_interpreter()  # the sharing's server thread runs beside the window's
    app.setApplicationName("liveplanner")
    app.setOrganizationName("liveplanner")
    app.setWindowIcon(QIcon(str(files(resources) / "icons" / "liveplanner.png")))
    preferences = settings.load_preferences()
    use_language(preferences.language)
    apply_theme(app, preferences.theme)
    window = MainWindow(preferences=preferences)
    window.show()
    # The log and the error hook are set up in the first turn of the event loop, after the
    # window is painted (their imports cost a tenth of the start-up), and before the database.
    log: logging.Handler | None = None
    reporter: CrashReporter | None = None

    def report(what: str) -> None:
        count = window.list_page.model.rowCount() if window.list_page else 0
        print(f"liveplanner window {what}: {count} shows", flush=True)
        app.quit()

    def start() -> None:
        nonlocal log, reporter
        if exit_when == "shown":
            report("shown")
            return
        from liveplanner.app import logs
        from liveplanner.ui.crash_dialog import CrashReporter

        log = logs.setup_logging()
        logs.log_start(
            settings.database_url(database_url), f"PySide6 {PySide6.__version__}, Qt {qVersion()}"
        )
        # An unexpected error is logged and said, and what is typed saved; the app runs on.
        reporter = CrashReporter(logs.log_path(), window.commit_editor, app)
        reporter.install()
        try:
            opened = window.connect_database(database_url)
        except Exception:
            # A bug, not the user's doing: logged, said, and the app does not hang without a
            # database it cannot work without.
            logger.exception("opening the database failed")
            if exit_when is None:
                reporter.tell("opening the database", traceback.format_exc())
            opened = False
        if not opened:
            logger.info("no database opened: quitting")
            app.exit(2)
            return
        if window.db is not None:
            where = shown_url(window.db.url)
            logger.info("database open: %s%s", where, " (read-only)" if window.db.read_only else "")
        if open_show is not None:
            window.open_show(open_show)
        elif window.welcome_if_first_run():
            logger.info("first run: the welcome page is shown")
        # Start-up is done: what it made stays till the app quits, out of the collector's way.
        freeze_start_up()
        if exit_when == "ready":
            report("ready")

    QTimer.singleShot(0, start)
    try:
        code = app.exec()
        logger.info("liveplanner closed (exit status %d)", code)
        return code
    finally:
        if reporter is not None:
            reporter.uninstall()
        if window.db is not None:
            window.db.close()
        if log is not None:
            from liveplanner.app import logs

            logs.remove_logging(log)
