"""Segments of a show: add, change, move and delete, keeping positions 0..n-1 without gaps."""

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from liveplanner.core.enums import Role, SegmentKind
from liveplanner.core.plan import Segment
from liveplanner.storage import convert
from liveplanner.storage.database import Database
from liveplanner.storage.errors import NotFoundError
from liveplanner.storage.guard import check_version
from liveplanner.storage.models import SegmentRoleRow, SegmentRow, ShowRow

_FIELDS = frozenset({"kind", "title", "duration_s", "product_id", "talking_points", "notes"})


def _segment_row(session: Session, segment_id: int) -> SegmentRow:
    row = session.get(SegmentRow, segment_id)
    if row is None:
        raise NotFoundError(f"there is no segment {segment_id}")
    return row


def _count(session: Session, show_id: int) -> int:
    return session.scalar(select(func.count()).where(SegmentRow.show_id == show_id)) or 0


def add_segment(
    db: Database,
    show_id: int,
    kind: SegmentKind,
    title: str,
    duration_s: int,
    position: int | None = None,
    *,
    product_id: int | None = None,
    talking_points: str = "",
    notes: str = "",
) -> Segment:
    """Insert a segment at `position` (default: the end); later segments move down one."""
    if duration_s < 0:
        raise ValueError("a segment's duration cannot be negative")
    with db.session() as session:
        if session.get(ShowRow, show_id) is None:
            raise NotFoundError(f"there is no show {show_id}")
        count = _count(session, show_id)
        at = count if position is None else max(0, min(position, count))
        session.execute(
            update(SegmentRow)
            .where(SegmentRow.show_id == show_id, SegmentRow.position >= at)
            .values(position=SegmentRow.position + 1, version=SegmentRow.version + 1)
            .execution_options(synchronize_session=False)
        )
        row = SegmentRow(
            show_id=show_id,
            position=at,
            kind=kind,
            title=title,
            duration_s=duration_s,
            product_id=product_id,
            talking_points=talking_points,
            notes=notes,
        )
        session.add(row)
        session.flush()
        return convert.segment(row)


def update_segment(
    db: Database, segment_id: int, expected_version: int, **changes: object
) -> Segment:
    """Change a segment's fields, refusing a write against an old version."""
    unknown = set(changes) - _FIELDS
    if unknown:
        raise TypeError(f"not segment fields: {sorted(unknown)}")
    if "duration_s" in changes and int(changes["duration_s"]) < 0:  # type: ignore[call-overload]
        raise ValueError("a segment's duration cannot be negative")
    with db.session() as session:
        row = _segment_row(session, segment_id)
        check_version("segment", segment_id, row.version, expected_version)
        for name, value in changes.items():
            setattr(row, name, value)
        session.flush()
        return convert.segment(row)


def set_role(db: Database, segment_id: int, role: Role, person_id: int | None) -> Segment:
    """Who plays `role` in the segment; None clears the role."""
    with db.session() as session:
        row = _segment_row(session, segment_id)
        current = next((r for r in row.roles if r.role is role), None)
        if current is not None and person_id is None:
            row.roles.remove(current)
        elif current is not None:
            current.person_id = person_id
        elif person_id is not None:
            row.roles.append(SegmentRoleRow(role=role, person_id=person_id))
        row.version += 1  # the segment as a whole changed: a concurrent editor must see it
        session.flush()
        return convert.segment(row)


def move_segment(db: Database, segment_id: int, to_position: int) -> None:
    """Move a segment to `to_position` (0-based, clamped); the others close up around it."""
    with db.session() as session:
        row = _segment_row(session, segment_id)
        ordered = list(
            session.scalars(
                select(SegmentRow)
                .where(SegmentRow.show_id == row.show_id)
                .order_by(SegmentRow.position)
            )
        )
        ordered.remove(row)
        ordered.insert(max(0, min(to_position, len(ordered))), row)
        for position, segment in enumerate(ordered):
            if segment.position != position:
                segment.position = position


def delete_segment(db: Database, segment_id: int) -> None:
    """Delete a segment with its roles, duties and releases; later segments move up one."""
    with db.session() as session:
        row = _segment_row(session, segment_id)
        show_id, position = row.show_id, row.position
        session.delete(row)
        session.flush()
        session.execute(
            update(SegmentRow)
            .where(SegmentRow.show_id == show_id, SegmentRow.position > position)
            .values(position=SegmentRow.position - 1, version=SegmentRow.version + 1)
            .execution_options(synchronize_session=False)
        )
