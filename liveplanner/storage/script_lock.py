"""The lock on an approved script: a change to the script of a show past draft is refused, and
the whole transaction rolled back, unless the show was unlocked on purpose.

Every write to a show's script goes through the ORM, so one after_flush hook sees all of them.
Writes that bypass the ORM (reordering) call `check_unlocked` themselves.
"""

from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from liveplanner.core.enums import ShowStatus
from liveplanner.storage.errors import ScriptLockedError
from liveplanner.storage.flushed_rows import ENTITIES, OwningShows, changed_fields, new_shows
from liveplanner.storage.models import ReviewNoteRow, ShowRow

# Rows of the script: locked once the show is approved. Review notes are written after the show.
SCRIPT = frozenset(ENTITIES) - {ReviewNoteRow}
# Show fields that are not the script: changing them is allowed on a locked show.
NOT_SCRIPT_FIELDS = frozenset({"status", "unlocked", "deleted_at"})


def check_unlocked(session: Session, show_id: int) -> None:
    """Refuse (and so roll back) a change to the script of an approved or live show."""
    # FOR SHARE (PostgreSQL): a status change another session is committing is waited for,
    # so an edit cannot land on a script approved meanwhile. SQLite writers take turns anyway.
    found = session.connection().execute(
        select(ShowRow.title, ShowRow.status, ShowRow.unlocked)
        .where(ShowRow.id == show_id)
        .with_for_update(read=True)
    )
    row = found.one_or_none()
    if row is not None and row.status is not ShowStatus.DRAFT and not row.unlocked:
        raise ScriptLockedError(show_id, row.title, row.status)


def _touches_script(obj: object, fields: dict[str, list[Any]] | None) -> bool:
    """Whether a row's change is one to the script: a show's own status, unlock or deletion
    is not."""
    if fields is None:
        return True  # added or removed
    if not fields:
        return False  # only what the history does not record (its version, its position)
    return not (isinstance(obj, ShowRow) and set(fields) <= NOT_SCRIPT_FIELDS)


def _refuse_locked_edits(session: Session, _context: object) -> None:
    made = new_shows(session)  # a show made in this transaction is being set up, not edited
    gone = {o.id for o in session.deleted if isinstance(o, ShowRow)}
    touched: list[tuple[object, dict[str, list[Any]] | None]] = [
        *((o, None) for o in session.new if type(o) in SCRIPT),
        *((o, None) for o in session.deleted if type(o) in SCRIPT),
        *((o, changed_fields(o)) for o in session.dirty if type(o) in SCRIPT),
    ]
    shows = OwningShows(session, [o for o, _ in touched])
    edited = {
        show_id
        for obj, fields in touched
        if _touches_script(obj, fields) and (show_id := shows.of(obj)) is not None
    }
    for show_id in sorted(edited - made - gone):
        check_unlocked(session, show_id)


def watch(sessions: Any) -> None:
    """Install the lock on a sessionmaker (before the history, which it keeps from writing)."""
    event.listen(sessions, "after_flush", _refuse_locked_edits)
