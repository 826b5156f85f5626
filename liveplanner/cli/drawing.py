"""A QApplication without a screen for the commands that draw a PDF (a report, a run sheet): the
only place the command line loads Qt, and only when it draws."""


def offscreen_app() -> None:
    """A QApplication without a screen, in the user's language, for writing a PDF."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a report needs no screen
    from PySide6.QtWidgets import QApplication

    from liveplanner.app.settings import load_preferences
    from liveplanner.ui.translators import install_translators, locale_for

    app = QApplication.instance() or QApplication([])
    # The window's locale for the user's language (see app.language), so a PDF reads as the
    # window would print it.
    install_translators(app, locale_for(load_preferences().language))  # type: ignore[arg-type]
