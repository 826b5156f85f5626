"""Why a change was not made, for the user: the common reasons in their language, the rest as
the message catalogue words them (by the error's code, never its English)."""

from PySide6.QtCore import QCoreApplication

from liveplanner.app.database import (
    NotFoundError,
    ReadOnlyError,
    ScriptLockedError,
    StorageError,
)
from liveplanner.ui import labels
from liveplanner.ui.words import said_of


def refusal(exc: StorageError) -> str:
    """Why an edit was not made, in the user's language where the reason is a common one."""
    if isinstance(exc, ScriptLockedError):
        return QCoreApplication.translate(
            "commands",
            "The script is locked (%1), so nothing was changed: unlock it for editing first.",
        ).replace("%1", labels.status(exc.status))  # type: ignore[arg-type]
    if isinstance(exc, ReadOnlyError) and exc.code != "database.read_only_held":
        # Opened read-only for its folder or file, not for another app: that one could be
        # closed, this one needs the folder (or the file) made writable.
        if exc.code == "database.read_only_file":
            return QCoreApplication.translate(
                "commands",
                "This window is read-only (the database file cannot be written), so nothing "
                "was changed.",
            )
        return QCoreApplication.translate(
            "commands",
            "This window is read-only (the database's folder cannot be written), so nothing "
            "was changed.",
        )
    if isinstance(exc, ReadOnlyError):
        return QCoreApplication.translate(
            "commands",
            "This window is read-only (another liveplanner has the database open), so nothing "
            "was changed.",
        )
    if isinstance(exc, NotFoundError):
        return QCoreApplication.translate(
            "commands",
            "That was deleted meanwhile (by someone else, or in another window), so nothing was "
            "changed.",
        )
    return said_of(exc)
