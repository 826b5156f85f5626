"""Why a change was not made, for the user: the common reasons in their language, the rest as
storage words them."""

from PySide6.QtCore import QCoreApplication

from liveplanner.storage.errors import (
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
    if isinstance(exc, ReadOnlyError) and "another liveplanner" not in str(exc):
        # Opened read-only for its folder or file (storage's words begin with which), not for
        # another app: that one could be closed, this one needs the folder made writable.
        if str(exc).startswith("the file "):
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
