"""A show's history, and the lock on an approved script, kept by one hook on every flush.

Every write to a show's script goes through the ORM, so one after_flush hook sees all of them:
it refuses a change to a locked script (the whole transaction is rolled back) and writes one
history row per row added, changed or removed, saying who did it. Writes that bypass the ORM
(reordering) call `record` and `check_unlocked` themselves.
"""

import json
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, func, insert, inspect, select
from sqlalchemy.orm import Session

from liveplanner.core.enums import ShowStatus
from liveplanner.storage.errors import ScriptLockedError
from liveplanner.storage.models import (
    DutyRow,
    ProductRow,
    PromoRow,
    ReleaseRow,
    ReviewNoteRow,
    SegmentRoleRow,
    SegmentRow,
    ShowChangeRow,
    ShowRow,
    TeamMemberRow,
)

if TYPE_CHECKING:
    from liveplanner.storage.database import Database

# What each kind of row is called in the history.
ENTITIES: dict[type, str] = {
    ShowRow: "show",
    SegmentRow: "segment",
    SegmentRoleRow: "segment",  # a role is part of its segment
    DutyRow: "cue",
    ProductRow: "product",
    PromoRow: "promo",
    ReleaseRow: "release",
    TeamMemberRow: "team member",
    ReviewNoteRow: "note",
}
# Rows of the script: locked once the show is approved. Review notes are written after the show.
SCRIPT = frozenset(ENTITIES) - {ReviewNoteRow}
# Show fields that are not the script: changing them is allowed on a locked show.
NOT_SCRIPT_FIELDS = frozenset({"status", "unlocked", "deleted_at"})
UNRECORDED_FIELDS = frozenset({"version", "created_at", "updated_at", "position"})


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


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _diff(obj: object) -> dict[str, list[Any]]:
    state = inspect(obj)
    changed = {}
    for attr in state.mapper.column_attrs:
        if attr.key in UNRECORDED_FIELDS:
            continue
        history = state.attrs[attr.key].history
        if history.has_changes():
            before = history.deleted[0] if history.deleted else None
            after = history.added[0] if history.added else None
            if before != after:
                changed[attr.key] = [_plain(before), _plain(after)]
    return changed


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


class _Shows:
    """Finds the show of each row in a flush, from the rows in it or, failing that, by query."""

    def __init__(self, session: Session, objects: list[object]) -> None:
        self.session = session
        self.segments = {o.id: o for o in objects if isinstance(o, SegmentRow)}
        self.promos = {o.id: o for o in objects if isinstance(o, PromoRow)}

    def _segment(self, segment_id: int) -> SegmentRow | None:
        found = self.segments.get(segment_id) or self.session.get(SegmentRow, segment_id)
        if found is not None:
            self.segments[segment_id] = found
        return found

    def of(self, obj: object) -> int | None:
        match obj:
            case ShowRow():
                return obj.id
            case SegmentRoleRow() | DutyRow():
                segment = self._segment(obj.segment_id)
                return segment.show_id if segment is not None else None
            case ReleaseRow():
                promo = self.promos.get(obj.promo_id) or self.session.get(PromoRow, obj.promo_id)
                return promo.show_id if promo is not None else None
            case _:
                return getattr(obj, "show_id", None)


def _after_flush(session: Session, _context: object) -> None:
    new_shows: set[int] = session.info.setdefault("new_shows", set())
    gone_shows = {o.id for o in session.deleted if isinstance(o, ShowRow)}
    added = [o for o in session.new if type(o) in ENTITIES]
    removed = [o for o in session.deleted if type(o) in ENTITIES]
    changed = [(o, _diff(o)) for o in session.dirty if type(o) in ENTITIES]
    shows = _Shows(session, added + removed + [o for o, _ in changed])
    new_shows.update(o.id for o in added if isinstance(o, ShowRow))
    # A segment added or removed takes its roles, cues and releases with it: one line says it.
    whole = {o.id for o in added + removed if isinstance(o, SegmentRow)}

    rows: list[dict[str, Any]] = []
    script_shows: set[int] = set()

    def note(obj: object, action: str, fields: dict[str, list[Any]]) -> None:
        show_id = shows.of(obj)
        if show_id is None or show_id in gone_shows:
            return  # a purged show takes its history with it
        if show_id in new_shows and not isinstance(obj, ShowRow):
            return  # a show made in this transaction is one "added" line, not hundreds
        if getattr(obj, "segment_id", None) in whole and not isinstance(obj, ReviewNoteRow):
            return
        # Every entity row but a segment's role has an id of its own.
        entity_id = obj.segment_id if isinstance(obj, SegmentRoleRow) else obj.id  # type: ignore[attr-defined]
        if isinstance(obj, SegmentRoleRow):
            segment = shows._segment(obj.segment_id)
            label = segment.title if segment is not None else ""
            fields = {f"role:{obj.role.value}": _role_change(obj, action)}
            action = "changed"
        else:
            label = _label(obj)
        if type(obj) in SCRIPT and not (
            isinstance(obj, ShowRow) and action == "changed" and set(fields) <= NOT_SCRIPT_FIELDS
        ):
            script_shows.add(show_id)
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
    for show_id in script_shows - new_shows:
        check_unlocked(session, show_id)
    if rows:
        session.connection().execute(insert(ShowChangeRow), rows)


def _role_change(row: SegmentRoleRow, action: str) -> list[Any]:
    if action == "added":
        return [None, row.person_id]
    if action == "removed":
        return [row.person_id, None]
    history = inspect(row).attrs.person_id.history
    return [history.deleted[0] if history.deleted else None, row.person_id]


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


def list_changes(db: "Database", show_id: int, after_id: int = 0) -> list[Change]:
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


def last_change_id(db: "Database", show_id: int) -> int:
    """The newest history line's id (0 for none): a cheap way to see that a show changed."""
    query = select(func.max(ShowChangeRow.id)).where(ShowChangeRow.show_id == show_id)
    with db.session() as session:
        return session.scalar(query) or 0
