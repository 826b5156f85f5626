"""A show's history, kept by one hook on every flush.

Every write to a show goes through the ORM, so one after_flush hook sees all of them: it writes
one history row per row added, changed or removed, saying who did it. Writes that bypass the ORM
(reordering) call `record` themselves. The lock on an approved script is storage/script_lock.py.
"""

import json
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import event, func, insert, inspect, select
from sqlalchemy.orm import Session

from liveplanner.storage.flushed_rows import ENTITIES, OwningShows, changed_fields, new_shows
from liveplanner.storage.models import (
    DutyRow,
    ProductRow,
    PromoRow,
    ReviewNoteRow,
    SegmentRoleRow,
    SegmentRow,
    ShowChangeRow,
    ShowRow,
)


class Sessions(Protocol):
    """What the history is read through: an open database's unit of work."""

    def session(self) -> AbstractContextManager[Session]: ...


@dataclass(frozen=True, slots=True)
class Change:
    """One line of a show's history."""

    id: int
    at: datetime
    who: str
    origin: str
    entity: str
    entity_id: int | None
    action: str
    label: str
    fields: dict[str, list[Any]]  # field -> [before, after]


def _label(obj: object) -> str:
    match obj:
        case ShowRow() | SegmentRow():
            return obj.title
        case ProductRow() | PromoRow():
            return obj.name
        case DutyRow():
            return obj.cue
        case ReviewNoteRow():
            return obj.text
        case _:
            return ""  # a release or a team member has no name of its own


def _after_flush(session: Session, _context: object) -> None:
    made = new_shows(session)
    gone_shows = {o.id for o in session.deleted if isinstance(o, ShowRow)}
    added = [o for o in session.new if type(o) in ENTITIES]
    removed = [o for o in session.deleted if type(o) in ENTITIES]
    changed = [(o, changed_fields(o)) for o in session.dirty if type(o) in ENTITIES]
    shows = OwningShows(session, added + removed + [o for o, _ in changed])
    # A segment added or removed takes its roles, cues and releases with it: one line says it.
    whole = {o.id for o in added + removed if isinstance(o, SegmentRow)}

    rows: list[dict[str, Any]] = []

    def note(obj: object, action: str, fields: dict[str, list[Any]]) -> None:
        show_id = shows.of(obj)
        if show_id is None or show_id in gone_shows:
            return  # a purged show takes its history with it
        if show_id in made and not isinstance(obj, ShowRow):
            return  # a show made in this transaction is one "added" line, not hundreds
        if getattr(obj, "segment_id", None) in whole and not isinstance(obj, ReviewNoteRow):
            return
        # Every entity row but a segment's role has an id of its own.
        entity_id = obj.segment_id if isinstance(obj, SegmentRoleRow) else obj.id  # type: ignore[attr-defined]
        if isinstance(obj, SegmentRoleRow):
            segment = shows.segment(obj.segment_id)
            label = segment.title if segment is not None else ""
            fields = {f"role:{obj.role.value}": _role_change(obj, action)}
            action = "changed"
        else:
            label = _label(obj)
        rows.append(
            {
                "show_id": show_id,
                "who": session.info.get("who", ""),
                "origin": session.info.get("origin", ""),
                "entity": ENTITIES[type(obj)],
                "entity_id": entity_id,
                "action": action,
                "label": label[:200],
                "detail": json.dumps(fields, ensure_ascii=False) if fields else "",
            }
        )

    for obj in added:
        note(obj, "added", {})
    for obj, fields in changed:
        if fields:
            note(obj, "changed", fields)
    for obj in removed:
        note(obj, "removed", {})
    if rows:
        session.connection().execute(insert(ShowChangeRow), rows)


def _role_change(row: SegmentRoleRow, action: str) -> list[Any]:
    if action == "added":
        return [None, row.person_id]
    if action == "removed":
        return [row.person_id, None]
    history = inspect(row).attrs.person_id.history
    return [history.deleted[0] if history.deleted else None, row.person_id]


def record(
    session: Session, show_id: int, entity: str, action: str, label: str = "", **fields: Any
) -> None:
    """A history line for a write the hook cannot see (one made without the ORM)."""
    session.connection().execute(
        insert(ShowChangeRow),
        {
            "show_id": show_id,
            "who": session.info.get("who", ""),
            "origin": session.info.get("origin", ""),
            "entity": entity,
            "entity_id": None,
            "action": action,
            "label": label[:200],
            "detail": json.dumps(fields, ensure_ascii=False) if fields else "",
        },
    )


def watch(sessions: Any) -> None:
    """Install the hook on a sessionmaker."""
    event.listen(sessions, "after_flush", _after_flush)


def list_changes(db: Sessions, show_id: int, after_id: int = 0) -> list[Change]:
    """The show's history after `after_id`, oldest first."""
    query = (
        select(ShowChangeRow)
        .where(ShowChangeRow.show_id == show_id, ShowChangeRow.id > after_id)
        .order_by(ShowChangeRow.id)
    )
    with db.session() as session:
        rows = session.scalars(query).all()
    return [
        Change(
            r.id,
            r.at,
            r.who,
            r.origin,
            r.entity,
            r.entity_id,
            r.action,
            r.label,
            json.loads(r.detail) if r.detail else {},
        )
        for r in rows
    ]


def last_change_id(db: Sessions, show_id: int) -> int:
    """The newest history line's id (0 for none): a cheap way to see that a show changed."""
    query = select(func.max(ShowChangeRow.id)).where(ShowChangeRow.show_id == show_id)
    with db.session() as session:
        return session.scalar(query) or 0
