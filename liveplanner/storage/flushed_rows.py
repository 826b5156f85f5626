"""What a flush changes, as the history and the script lock both read it: each row's show, and
the fields that changed."""

from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from liveplanner.storage.models import (
    DutyRow,
    ProductRow,
    PromoRow,
    ReleaseRow,
    ReviewNoteRow,
    SegmentRoleRow,
    SegmentRow,
    ShowRow,
    TeamMemberRow,
)

# What each kind of row of a show is called in the history.
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
UNRECORDED_FIELDS = frozenset({"version", "created_at", "updated_at", "position"})


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def changed_fields(obj: object) -> dict[str, list[Any]]:
    """The fields of a changed row worth a history line: field -> [before, after]."""
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


def new_shows(session: Session) -> set[int]:
    """The shows made in this session's transaction so far, the ones just flushed included."""
    made: set[int] = session.info.setdefault("new_shows", set())
    made.update(o.id for o in session.new if isinstance(o, ShowRow))
    return made


class OwningShows:
    """Finds the show of each row in a flush, from the rows in it or, failing that, by query."""

    def __init__(self, session: Session, objects: list[object]) -> None:
        self.session = session
        self.segments = {o.id: o for o in objects if isinstance(o, SegmentRow)}
        self.promos = {o.id: o for o in objects if isinstance(o, PromoRow)}

    def segment(self, segment_id: int) -> SegmentRow | None:
        found = self.segments.get(segment_id) or self.session.get(SegmentRow, segment_id)
        if found is not None:
            self.segments[segment_id] = found
        return found

    def of(self, obj: object) -> int | None:
        match obj:
            case ShowRow():
                return obj.id
            case SegmentRoleRow() | DutyRow():
                segment = self.segment(obj.segment_id)
                return segment.show_id if segment is not None else None
            case ReleaseRow():
                promo = self.promos.get(obj.promo_id) or self.session.get(PromoRow, obj.promo_id)
                return promo.show_id if promo is not None else None
            case _:
                return getattr(obj, "show_id", None)
