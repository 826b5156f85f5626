"""The open database as the front-ends hold it, and the errors it refuses edits with: named here
so that ui/ and cli/ reach storage only through the application layer."""

from liveplanner.storage.database import Database
from liveplanner.storage.errors import (
    DamagedDatabaseError,
    InvalidValueError,
    NotFoundError,
    ReadOnlyError,
    ScriptLockedError,
    StaleEditError,
    StorageError,
)

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
