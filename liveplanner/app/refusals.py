"""What an application operation refuses: a code with its figures, so each front-end words it in
its user's language (the English of str() is for logs)."""

from collections.abc import Mapping
from pathlib import Path


class OperationRefused(Exception):
    """An operation that would do something the user did not mean, or cannot be done; nothing
    was changed. `code` and `figures` say what; str() is the English."""

    def __init__(self, message: str, *, code: str, figures: Mapping[str, object]) -> None:
        super().__init__(message)
        self.code = code
        self.figures = dict(figures)


def read_imported(path: Path, limit: int) -> bytes:
    """An imported file's bytes, refused in one line when it cannot be read (see
    formats.sheets.read_file; its ImportRefused passes through as it is)."""
    from liveplanner.formats.sheets import read_file

    try:
        return read_file(path, limit)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OperationRefused(
            f"cannot read {path}: {reason}",
            code="cannot_read",
            figures={"path": path, "reason": reason},
        ) from None


def write_failed(path: Path, exc: OSError) -> OperationRefused:
    """The refusal for a file that could not be written, with the system's reason."""
    reason = exc.strerror or str(exc)
    return OperationRefused(
        f"cannot write {path}: {reason}",
        code="cannot_write",
        figures={"path": path, "reason": reason},
    )
