"""Errors a user can meet when opening or writing the database; each message says what to do."""

from collections.abc import Mapping


class StorageError(Exception):
    """A problem with the database the user can act on. `code` names its text in the catalogue
    (app/messages/) and `figures` fill it, so each front-end words it in the user's language;
    str() is the English, for logs."""

    def __init__(
        self, message: str = "", *, code: str = "", figures: Mapping[str, object] | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.figures = dict(figures or {})


class NewerDatabaseError(StorageError):
    """Written by a newer liveplanner: refused untouched."""


class NotADatabaseError(StorageError):
    """Not a liveplanner database (another program's file, or not SQLite at all)."""


class DamagedDatabaseError(StorageError):
    """The file fails SQLite's integrity check; `path` is the file, `detail` what SQLite said."""

    def __init__(
        self,
        message: str,
        path: object = None,
        detail: str = "",
        *,
        code: str = "",
        figures: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message, code=code, figures=figures)
        self.path = path
        self.detail = detail


class OtherTablesError(StorageError):
    """The server's database holds another program's tables and none of liveplanner's yet:
    nothing was created. `tables` names them, `where` is the database (without password)."""

    def __init__(self, where: str, tables: list[str]) -> None:
        shown = ", ".join(tables[:3]) + (f" and {len(tables) - 3} more" if len(tables) > 3 else "")
        super().__init__(
            f"the database {where} holds {len(tables)} table{'s' * (len(tables) > 1)} of "
            f"another program ({shown}); "
            "liveplanner keeps its tables in a database of its own: create one (CREATE "
            "DATABASE liveplanner) and give its URL. Nothing was created",
            code="database.other_tables" if len(tables) > 1 else "database.other_table",
            figures={"where": where, "count": len(tables), "shown": shown},
        )
        self.where = where
        self.tables = tables


class InvalidValueError(StorageError, ValueError):
    """A value the database must not take (a negative stock, an unknown time zone...)."""

    @classmethod
    def refusing(cls, exc: ValueError) -> "InvalidValueError":
        """The core's refusal as storage's: the same words, code and figures."""
        return cls(str(exc), code=getattr(exc, "code", ""), figures=getattr(exc, "figures", None))


class NotFoundError(StorageError):
    """A show, segment or other row that does not exist (any more)."""


def no_show(show_id: int) -> NotFoundError:
    """The one refusal for a show that is not there (deleted, or never was)."""
    return NotFoundError(
        f"there is no show {show_id}", code="storage.no_show", figures={"id": show_id}
    )


class StaleEditError(StorageError):
    """Someone else changed the row since it was read; nothing was written."""

    def __init__(
        self,
        entity: str,
        entity_id: int,
        message: str,
        *,
        code: str = "",
        figures: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message, code=code, figures=figures)
        self.entity = entity
        self.entity_id = entity_id


class ScriptLockedError(StorageError):
    """The show is past draft and its script locked; nothing was written."""

    def __init__(self, show_id: int, title: str, status: object) -> None:
        super().__init__(
            f"the script of {title!r} is locked (the show is {status}): unlock it on purpose "
            "to change it",
            code="storage.script_locked",
            figures={"title": title, "status": status},
        )
        self.show_id = show_id
        self.status = status


class ReadOnlyError(StorageError):
    """The database was opened read-only (another liveplanner writes it); nothing was written."""
