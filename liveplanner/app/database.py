"""The open database as the front-ends hold it, and the errors it refuses edits with: named here
so that ui/ and cli/ reach storage only through the application layer.

The errors are plain Python; Database is loaded when first asked for, since it brings
SQLAlchemy and the models (0.4 s), and the window's first paint must not wait for them: every
window module that catches a StorageError imports this one at start-up."""

from typing import TYPE_CHECKING

from liveplanner.storage.errors import (
    DamagedDatabaseError,
    InvalidValueError,
    NotFoundError,
    ReadOnlyError,
    ScriptLockedError,
    StaleEditError,
    StorageError,
)

if TYPE_CHECKING:
    from liveplanner.storage.database import Database
else:

    def __getattr__(name: str) -> object:
        if name == "Database":
            from liveplanner.storage.database import Database

            return Database
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DamagedDatabaseError",
    "Database",
    "InvalidValueError",
    "NotFoundError",
    "ReadOnlyError",
    "ScriptLockedError",
    "StaleEditError",
    "StorageError",
]
