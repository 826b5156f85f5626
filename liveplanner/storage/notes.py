"""Review notes: added, changed and removed one at a time, each write its own transaction."""

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from liveplanner.core.enums import NoteCategory
from liveplanner.core.notes import MAX_OWNER, ReviewNote
from liveplanner.storage import convert
from liveplanner.storage.database import Database
from liveplanner.storage.errors import InvalidValueError, NotFoundError, no_show
from liveplanner.storage.guard import check_version
from liveplanner.storage.models import ReviewNoteRow, SegmentRow, ShowRow


def _check(session: Session, show_id: int, values: Mapping[str, object]) -> None:
    text = values.get("text")
    if text is not None and not str(text).strip():
        raise InvalidValueError("a note needs some text", code="storage.note_empty")
    if len(str(values.get("owner") or "")) > MAX_OWNER:
        raise InvalidValueError(
            f"an owner's name has at most {MAX_OWNER} characters",
            code="storage.owner_too_long",
            figures={"most": MAX_OWNER},
        )
    minute = values.get("minute")
    if isinstance(minute, datetime) and minute.tzinfo is None:
        raise InvalidValueError(
            "a note's minute must carry its time zone", code="storage.note_minute_zone"
        )
    segment_id = values.get("segment_id")
    if segment_id is not None:
        segment = session.get(SegmentRow, segment_id)
        if segment is None or segment.show_id != show_id:
            raise InvalidValueError(
                f"segment {segment_id} is not in show {show_id}",
                code="storage.segment_not_in_show",
                figures={"segment_id": segment_id, "show_id": show_id},
            )


def add_note(
    db: Database,
    show_id: int,
    category: NoteCategory,
    text: str,
    owner: str = "",
    segment_id: int | None = None,
    minute: datetime | None = None,
) -> ReviewNote:
    values = {"text": text, "owner": owner, "segment_id": segment_id, "minute": minute}
    with db.session() as session:
        if session.get(ShowRow, show_id) is None:
            raise no_show(show_id)
        _check(session, show_id, values)
        row = ReviewNoteRow(
            show_id=show_id,
            category=category,
            text=text.strip(),
            owner=owner.strip(),
            segment_id=segment_id,
            minute=minute,
        )
        session.add(row)
        session.flush()
        return convert.plain(ReviewNote, row)


def list_notes(db: Database, show_id: int) -> list[ReviewNote]:
    """A show's notes: by minute (notes without one last), then as they were written."""
    with db.session() as session:
        rows = session.scalars(
            select(ReviewNoteRow)
            .where(ReviewNoteRow.show_id == show_id)
            .order_by(ReviewNoteRow.minute.is_(None), ReviewNoteRow.minute, ReviewNoteRow.id)
        ).all()
        return [convert.plain(ReviewNote, r) for r in rows]


def update_note(db: Database, note_id: int, expected_version: int, **changes: object) -> ReviewNote:
    """Change a note's category, text, owner, segment or minute; a stale version is refused."""
    allowed = {"category", "text", "owner", "segment_id", "minute"}
    if unknown := set(changes) - allowed:
        raise InvalidValueError(
            f"a note has no field {sorted(unknown)[0]!r}",
            code="storage.note_field",
            figures={"field": sorted(unknown)[0]},
        )
    with db.session() as session:
        row = session.get(ReviewNoteRow, note_id)
        if row is None:
            raise NotFoundError(
                f"there is no note {note_id}", code="storage.no_note", figures={"id": note_id}
            )
        check_version("note", note_id, row.version, expected_version)
        _check(session, row.show_id, changes)
        for name, value in changes.items():
            setattr(row, name, value.strip() if isinstance(value, str) else value)
        session.flush()
        return convert.plain(ReviewNote, row)


def delete_note(db: Database, note_id: int) -> ReviewNote:
    """Remove a note; returns it as it was, so Undo can put it back."""
    with db.session() as session:
        row = session.get(ReviewNoteRow, note_id)
        if row is None:
            raise NotFoundError(
                f"there is no note {note_id}", code="storage.no_note", figures={"id": note_id}
            )
        note = convert.plain(ReviewNote, row)
        session.delete(row)
        return note
