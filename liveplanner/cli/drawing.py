"""A QApplication without a screen for the commands that draw a PDF (a report, a run sheet): the
only place the command line loads Qt, and only when it draws."""


def offscreen_app() -> None:
    """A QApplication without a screen, in the user's language, for writing a PDF."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a report needs no screen
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from liveplanner.app.language import user_language
    from liveplanner.ui.app import install_translators

    app = QApplication.instance() or QApplication([])
    install_translators(app, QLocale(user_language()))  # type: ignore[arg-type]
