"""Segments of a show: insert, change, reorder, remove and restore, positions kept 0..n-1.

A segment's version covers its content (kind, title, duration, product, texts, roles); its
position is the show's order, so moving segments does not count as editing them.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session, selectinload

from liveplanner.core.enums import Role, SegmentKind
from liveplanner.core.inputs import check_segment_count, check_segment_length
from liveplanner.core.plan import Duty, Release, Segment
from liveplanner.storage import convert, history, script_lock
from liveplanner.storage.database import Database
from liveplanner.storage.errors import InvalidValueError, NotFoundError, no_show
from liveplanner.storage.guard import check_version
from liveplanner.storage.limits import check_columns
from liveplanner.storage.models import (
    DutyRow,
    ReleaseRow,
    RunEventRow,
    SegmentRoleRow,
    SegmentRow,
    ShowRow,
)

FIELDS = frozenset({"kind", "title", "duration_s", "product_id", "talking_points", "notes"})


@dataclass(frozen=True, slots=True)
class SegmentsRemoval:
    """What `remove_segments` took out, so `restore_segments` can put it back as it was."""

    show_id: int
    positions: tuple[int, ...]  # ascending; where each segment stood
    segments: tuple[Segment, ...]
    duties: tuple[Duty, ...]
    releases: tuple[Release, ...]
    run_events: tuple[tuple[int, int], ...] = ()  # (run event id, segment id) the delete unlinked


def _segment_row(session: Session, segment_id: int) -> SegmentRow:
    row = session.get(SegmentRow, segment_id, with_for_update=True)  # see parts._row
    if row is None:
        raise NotFoundError(
            f"there is no segment {segment_id}",
            code="storage.no_segment",
            figures={"id": segment_id},
        )
    return row


def _order(session: Session, show_id: int) -> list[int]:
    query = select(SegmentRow.id).where(SegmentRow.show_id == show_id).order_by(SegmentRow.position)
    return list(session.scalars(query))


def _write_order(session: Session, show_id: int, ordered: Sequence[int]) -> None:
    """Give each segment its index in `ordered` as position, writing only those that moved."""
    session.flush()
    current = dict(
        session.execute(
            select(SegmentRow.id, SegmentRow.position).where(SegmentRow.show_id == show_id)
        ).all()
    )
    moved = [
        {"row_id": segment_id, "new_position": position}
        for position, segment_id in enumerate(ordered)
        if current.get(segment_id) != position
    ]
    if moved:
        table = SegmentRow.__table__
        session.execute(
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values(position=bindparam("new_position")),
            moved,
        )
    session.expire_all()


def _check_duration(duration_s: int) -> None:
    if duration_s < 0:
        raise InvalidValueError(
            "a segment's duration cannot be negative", code="storage.negative_duration"
        )
    try:
        check_segment_length(duration_s)  # longer, a show's clock arithmetic could overflow
    except ValueError as exc:
        raise InvalidValueError.refusing(exc) from None


def _check_count(count: int) -> None:
    try:
        check_segment_count(count)
    except ValueError as exc:
        raise InvalidValueError.refusing(exc) from None


def _check(values: dict[str, object]) -> None:
    if "duration_s" in values:
        # A caller's value of any type: int() refuses one that is no number.
        _check_duration(int(values["duration_s"]))  # type: ignore[call-overload]
    check_columns(SegmentRow.__table__, values)


def _new_row(show_id: int, position: int, segment: Segment, keep_id: bool) -> SegmentRow:
    _check(convert.columns(segment))
    row = SegmentRow(
        **convert.columns(segment, show_id=show_id, position=position),
        roles=[SegmentRoleRow(role=role, person_id=pid) for role, pid in segment.roles.items()],
    )
    if keep_id:
        row.id = segment.id
    return row


def insert_segments(
    db: Database, show_id: int, position: int | None, segments: Sequence[Segment]
) -> tuple[Segment, ...]:
    """Insert new segments (their ids are ignored) as a block at `position` (default: the end)."""
    with db.session() as session:
        if session.get(ShowRow, show_id) is None:
            raise no_show(show_id)
        order = _order(session, show_id)
        _check_count(len(order) + len(segments))
        at = len(order) if position is None else max(0, min(position, len(order)))
        rows = [_new_row(show_id, len(order) + i, s, keep_id=False) for i, s in enumerate(segments)]
        session.add_all(rows)
        session.flush()
        _write_order(session, show_id, order[:at] + [r.id for r in rows] + order[at:])
        return tuple(convert.segment(session.get_one(SegmentRow, r.id)) for r in rows)


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
    """Insert one segment at `position` (default: the end)."""
    segment = Segment(0, kind, title, duration_s, product_id, talking_points, notes)
    return insert_segments(db, show_id, position, [segment])[0]


def duplicate_segments(db: Database, segment_ids: Sequence[int]) -> tuple[Segment, ...]:
    """Copies of the segments, with their roles and duties, as a block after the last of them.

    Promo releases are not copied: a copy would put the same coupons out twice.
    """
    with db.session() as session:
        rows = [_segment_row(session, i) for i in segment_ids]
        show_id = rows[0].show_id
        rows.sort(key=lambda r: r.position)
        order = _order(session, show_id)
        _check_count(len(order) + len(rows))
        copies: list[SegmentRow] = []
        for row in rows:
            copy = _new_row(show_id, len(order) + len(copies), convert.segment(row), keep_id=False)
            copy.duties = [
                DutyRow(**convert.columns(convert.plain(Duty, d), segment_id=None))
                for d in row.duties
            ]
            copies.append(copy)
        session.add_all(copies)
        session.flush()
        at = rows[-1].position + 1
        _write_order(session, show_id, order[:at] + [c.id for c in copies] + order[at:])
        return tuple(convert.segment(session.get_one(SegmentRow, c.id)) for c in copies)


def update_segment(
    db: Database, segment_id: int, expected_version: int, **changes: object
) -> Segment:
    """Change a segment's fields, refusing a write against an old version."""
    unknown = set(changes) - FIELDS
    if unknown:
        raise TypeError(f"not segment fields: {sorted(unknown)}")
    _check(changes)
    with db.session() as session:
        row = _segment_row(session, segment_id)
        check_version("segment", segment_id, row.version, expected_version)
        for name, value in changes.items():
            setattr(row, name, value)
        session.flush()
        return convert.segment(row)


def set_role(
    db: Database, segment_id: int, expected_version: int, role: Role, person_id: int | None
) -> Segment:
    """Who plays `role` in the segment; None clears the role."""
    with db.session() as session:
        row = _segment_row(session, segment_id)
        check_version("segment", segment_id, row.version, expected_version)
        current = next((r for r in row.roles if r.role is role), None)
        if current is not None and person_id is None:
            # Deleted by name, not dropped from the list: an orphan deleted in the flush is not
            # in session.deleted, where the history (and the lock) look for it.
            row.roles.remove(current)
            session.delete(current)
        elif current is not None and person_id is not None:
            current.person_id = person_id
        elif person_id is not None:
            row.roles.append(SegmentRoleRow(role=role, person_id=person_id))
        row.version += 1  # the roles are part of the segment: a concurrent editor must see it
        session.flush()
        return convert.segment(row)


def reorder_segments(db: Database, show_id: int, ordered_ids: Sequence[int]) -> None:
    """Put the show's segments in exactly this order."""
    with db.session() as session:
        current = _order(session, show_id)
        if sorted(current) != sorted(ordered_ids):
            raise NotFoundError(
                "the show's segments changed meanwhile (added or removed elsewhere); reload",
                code="storage.segments_changed",
            )
        if list(ordered_ids) == current:
            return
        # Positions are written without the ORM, so the history hook does not see them.
        script_lock.check_unlocked(session, show_id)
        history.record(session, show_id, "segment", "reordered")
        _write_order(session, show_id, ordered_ids)


def move_segment(db: Database, segment_id: int, to_position: int) -> None:
    """Move a segment to `to_position` (0-based, clamped); the others close up around it."""
    with db.session() as session:
        show_id = _segment_row(session, segment_id).show_id
        order = _order(session, show_id)
    order.remove(segment_id)
    order.insert(max(0, min(to_position, len(order))), segment_id)
    reorder_segments(db, show_id, order)


def remove_segments(db: Database, segment_ids: Iterable[int]) -> SegmentsRemoval:
    """Delete segments with their roles, duties and releases; return what restores them."""
    with db.session() as session:
        rows = session.scalars(
            select(SegmentRow)
            .where(SegmentRow.id.in_(list(segment_ids)))
            .order_by(SegmentRow.position)
            .options(selectinload(SegmentRow.roles), selectinload(SegmentRow.duties))
        ).all()
        if not rows:
            raise NotFoundError("those segments no longer exist", code="storage.segments_gone")
        show_id = rows[0].show_id
        ids = [r.id for r in rows]
        releases = session.scalars(
            select(ReleaseRow).where(ReleaseRow.segment_id.in_(ids)).order_by(ReleaseRow.id)
        ).all()
        # The run log's links to these segments are cut by the delete (SET NULL); remember them
        # so an undo gives the runs their segments back.
        logged = session.execute(
            select(RunEventRow.id, RunEventRow.segment_id).where(RunEventRow.segment_id.in_(ids))
        ).all()
        removal = SegmentsRemoval(
            show_id=show_id,
            positions=tuple(r.position for r in rows),
            segments=tuple(convert.segment(r) for r in rows),
            duties=tuple(convert.plain(Duty, d) for r in rows for d in r.duties),
            releases=tuple(convert.plain(Release, r) for r in releases),
            run_events=tuple(
                (event_id, segment_id)
                for event_id, segment_id in logged
                if segment_id is not None  # always, by the query: for the type checker
            ),
        )
        for row in rows:
            session.delete(row)
        session.flush()
        _write_order(session, show_id, _order(session, show_id))
        return removal


def restore_segments(db: Database, removal: SegmentsRemoval) -> tuple[Segment, ...]:
    """Put removed segments back where they stood, under their old ids, with all they held."""
    with db.session() as session:
        order = _order(session, removal.show_id)
        rows = [
            _new_row(removal.show_id, len(order) + i, s, keep_id=True)
            for i, s in enumerate(removal.segments)
        ]
        session.add_all(rows)
        session.flush()
        for duty in removal.duties:
            session.add(DutyRow(id=duty.id, **convert.columns(duty)))
        for release in removal.releases:
            session.add(ReleaseRow(id=release.id, **convert.columns(release)))
        for event_id, segment_id in removal.run_events:
            session.execute(
                update(RunEventRow).where(RunEventRow.id == event_id).values(segment_id=segment_id)
            )
        for position, row in zip(removal.positions, rows, strict=True):
            order.insert(min(position, len(order)), row.id)
        _write_order(session, removal.show_id, order)
        return tuple(convert.segment(session.get_one(SegmentRow, r.id)) for r in rows)
