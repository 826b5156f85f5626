"""The app as run_app starts it (translations, theme, the error hook, the database opened in the
window), maximised on whatever screen the process was given."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from person import Person, language
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from studio_clock import StudioClock

from liveplanner.app import settings
from liveplanner.app.settings import Preferences
from liveplanner.ui.crash_dialog import CrashReporter
from liveplanner.ui.main_window import MainWindow
from liveplanner.ui.rehearsal import run_controller
from liveplanner.ui.theme import apply_theme
from liveplanner.ui.translators import drop_language, use_language


class RecordingReporter(CrashReporter):
    """The app's own error hook, with the dialog replaced by a note the journey fails on."""

    def __init__(self, log_path: Path, window: MainWindow, problems: list[str]) -> None:
        super().__init__(log_path, window.commit_editor, window)
        self.problems = problems

    def tell(self, where: str, details: str) -> None:
        self.problems.append(f"the error hook was reached at {where}:\n{details}")


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    preferences = Preferences(language=language(), welcomed=True)
    settings.save_preferences(preferences)
    use_language(preferences.language)
    apply_theme(app, preferences.theme)
    main = MainWindow(preferences=preferences)
    qtbot.addWidget(main)
    main.showMaximized()
    qtbot.waitExposed(main)
    problems: list[str] = []
    reporter = RecordingReporter(tmp_path / "app.log", main, problems)
    reporter.install()
    main.problems = problems  # type: ignore[attr-defined]  # read by the person fixture
    try:
        assert main.connect_database(f"sqlite:///{tmp_path / 'shows.sqlite3'}")
        main.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
        yield main
    finally:
        reporter.uninstall()
        for other in QApplication.topLevelWidgets():
            if other is not main and other.isVisible():
                other.close()
        drop_language()


@pytest.fixture
def person(qtbot: QtBot, window: MainWindow, request: pytest.FixtureRequest) -> Person:
    job = request.node.name.removeprefix("test_")
    return Person(qtbot, window.problems, job)  # type: ignore[attr-defined]


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> StudioClock:
    studio = StudioClock()
    real = run_controller.RunController

    class TimedController(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            kwargs["now"] = studio
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(run_controller, "RunController", TimedController)
    return studio


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.name.startswith("drive_"):
            # The app's own error hook reports exceptions (RecordingReporter), as for a user;
            # Qt's warnings (an ambiguous shortcut, a layout it cannot honour) fail the journey.
            item.add_marker(pytest.mark.qt_no_exception_capture)
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            # What the offscreen platform cannot do (raise a window, grab the keyboard, size
            # hints) is no fault of the app.
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))
