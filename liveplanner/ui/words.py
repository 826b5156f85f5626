"""The window's words for a code and its figures: the catalogue (app/messages) through Qt's
translators, so a refusal from core, formats or storage reads in the user's language.

The catalogue loads with the first words said, not with the window: every flow of the main
window imports said_of, and the catalogue (every message, and the modules whose figures it
words) cost the first paint some 40 ms."""

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication


def qt_translate(context: str, source: str) -> str:
    """The installed translators' text for `source` (the window's language)."""
    return QCoreApplication.translate(context, source)


def said(code: str, figures: Mapping[str, object]) -> str:
    """The catalogue's text for `code` in the window's language, filled with `figures`."""
    from liveplanner.app.messages import word

    return word(code, figures, qt_translate)


def said_of(exc: Exception) -> str:
    """What a refusal says to the user: its code worded where it has one, else its own words
    (an OSError's, or a refusal the catalogue does not word yet)."""
    from liveplanner.app.messages import TEXTS

    code = getattr(exc, "code", "")
    if isinstance(code, str) and code in TEXTS:
        return said(code, getattr(exc, "figures", {}))
    return str(exc)
