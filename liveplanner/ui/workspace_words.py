"""A refusal from the layers below, worded in the window's language: its code's text from the
catalogue (app/messages/), translated by Qt, filled with its figures."""

from PySide6.QtCore import QCoreApplication

from liveplanner.app.messages import CONTEXT, TEXTS


def said(exc: Exception) -> str:
    """What `exc` says to the user: its code's text in their language, or its own English where
    it carries no code the catalogue knows."""
    code = getattr(exc, "code", "")
    if code not in TEXTS:
        return str(exc)
    figures = getattr(exc, "figures", {})
    return QCoreApplication.translate(CONTEXT, TEXTS[code]).format_map(figures)
