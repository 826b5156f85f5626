"""A show's parts other than segments: team members, products, promos, duties and releases.

Each is added, changed (against its version), removed and restored the same way; a removal
returns everything needed to put the part back under its old id, with what hung on it.
"""

from dataclasses import dataclass, fields
from typing import Any, TypeVar

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from liveplanner.core.plan import Duty, Person, Product, Promo, Release, TeamMember
from liveplanner.storage import convert
from liveplanner.storage.database import Database
from liveplanner.storage.errors import InvalidValueError, NotFoundError
from liveplanner.storage.guard import check_version
from liveplanner.storage.limits import check_columns
from liveplanner.storage.models import (
    Base,
    DutyRow,
    PersonRow,
    ProductRow,
    PromoRow,
    ReleaseRow,
    SegmentRow,
    TeamMemberRow,
)

Part = TeamMember | Product | Promo | Duty | Release
P = TypeVar("P", TeamMember, Product, Promo, Duty, Release)

ROWS: dict[type, type[Base]] = {
    TeamMember: TeamMemberRow,
    Product: ProductRow,
    Promo: PromoRow,
    Duty: DutyRow,
    Release: ReleaseRow,
}
NAMES: dict[type, str] = {
    TeamMember: "team member",
    Product: "product",
    Promo: "promo",
    Duty: "duty",
    Release: "release",
}
_OWNED_BY_SHOW = (TeamMember, Product, Promo)


@dataclass(frozen=True, slots=True)
class PartRemoval:
    """What `remove_part` took out, for `restore_part`."""

    part: Part
    show_id: int | None  # for parts that belong to the show directly
    releases: tuple[Release, ...] = ()  # a promo's releases
    segments_using: tuple[int, ...] = ()  # segments whose product this was
    promos_using: tuple[int, ...] = ()  # promos whose product this was


def _editable(kind: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(kind)) - {"id", "version"}


def _check_values(kind: type, values: dict[str, Any]) -> None:
    unknown = set(values) - _editable(kind)
    if unknown:
        raise TypeError(f"not {NAMES[kind]} fields: {sorted(unknown)}")
    for name, value in values.items():
        # Prices, quantities, stock, limits and offsets are all counts or amounts: never negative.
        if isinstance(value, int) and not isinstance(value, bool) and value < 0:
            raise InvalidValueError(
                f"{name.replace('_', ' ')} cannot be negative (got {value})",
                code="storage.negative",
                figures={"field": name.replace("_", " "), "value": value},
            )
    check_columns(ROWS[kind].__table__, values)


def _check_team_member(
    session: Session, show_id: int, member: dict[str, Any], own_id: int | None
) -> None:
    """One person holds one role on a show's team once."""
    clash = session.scalars(
        select(TeamMemberRow).where(
            TeamMemberRow.show_id == show_id,
            TeamMemberRow.person_id == member["person_id"],
            TeamMemberRow.role == member["role"],
            TeamMemberRow.id != (own_id or 0),
        )
    ).first()
    if clash is not None:
        name = session.get(PersonRow, member["person_id"])
        who = name.name if name else "that person"
        raise InvalidValueError(
            f"{who} is already on the team as {member['role'].value}",
            code="storage.already_on_team",
            figures={"person": who, "role": member["role"]},
        )


def _row(session: Session, kind: type, part_id: int) -> Any:
    # Locked until the transaction ends: a writer racing this one waits, then sees the new
    # version and is refused by name (PostgreSQL; SQLite writers take turns anyway).
    row = session.get(ROWS[kind], part_id, with_for_update=True)
    if row is None:
        raise NotFoundError(
            f"there is no {NAMES[kind]} {part_id}",
            code="storage.no_part",
            figures={"entity": NAMES[kind], "id": part_id},
        )
    return row


def add_part(db: Database, show_id: int | None, part: P) -> P:
    """Store a new part (its id is ignored); show_id for team members, products and promos."""
    kind = type(part)
    columns = convert.columns(part)
    _check_values(kind, columns)
    if isinstance(part, _OWNED_BY_SHOW):
        columns["show_id"] = show_id
    with db.session() as session:
        if kind is TeamMember:
            _check_team_member(session, show_id or 0, columns, None)
        row = ROWS[kind](**columns)
        session.add(row)
        session.flush()
        return convert.plain(kind, row)


def update_part(
    db: Database, kind: type[P], part_id: int, expected_version: int, **changes: Any
) -> P:
    _check_values(kind, changes)
    with db.session() as session:
        row = _row(session, kind, part_id)
        check_version(NAMES[kind], part_id, row.version, expected_version)
        if kind is TeamMember:
            member = {"person_id": row.person_id, "role": row.role, **changes}
            _check_team_member(session, row.show_id, member, row.id)
        for name, value in changes.items():
            setattr(row, name, value)
        session.flush()
        return convert.plain(kind, row)


def remove_part(db: Database, kind: type[Part], part_id: int) -> PartRemoval:
    with db.session() as session:
        row = _row(session, kind, part_id)
        part = convert.plain(kind, row)
        releases: tuple[Release, ...] = ()
        segments_using: tuple[int, ...] = ()
        promos_using: tuple[int, ...] = ()
        if kind is Promo:
            releases = tuple(
                convert.plain(Release, r) for r in sorted(row.releases, key=lambda r: r.id)
            )
        if kind is Product:
            segments_using = tuple(
                session.scalars(select(SegmentRow.id).where(SegmentRow.product_id == part_id))
            )
            promos_using = tuple(
                session.scalars(select(PromoRow.id).where(PromoRow.product_id == part_id))
            )
        show_id = getattr(row, "show_id", None)
        session.delete(row)
        return PartRemoval(part, show_id, releases, segments_using, promos_using)


def restore_part(db: Database, removal: PartRemoval) -> Part:
    """Put a removed part back under its old id, relinking what used it."""
    part = removal.part
    kind = type(part)
    with db.session() as session:
        columns = convert.columns(part)
        if isinstance(part, _OWNED_BY_SHOW):
            columns["show_id"] = removal.show_id
        row = ROWS[kind](id=part.id, **columns)
        session.add(row)
        session.flush()
        for release in removal.releases:
            session.add(ReleaseRow(id=release.id, **convert.columns(release)))
        # Only the product link is restored: the linking rows keep any other change made since.
        for table, ids in ((SegmentRow, removal.segments_using), (PromoRow, removal.promos_using)):
            if ids:
                session.execute(
                    update(table)
                    .where(table.id.in_(ids), table.product_id.is_(None))
                    .values(product_id=part.id, version=table.version + 1)
                    .execution_options(synchronize_session=False)
                )
        session.flush()
        return convert.plain(kind, row)


def person_named(db: Database, name: str) -> Person:
    """The person called `name`, created if nobody is yet."""
    name = name.strip()
    if not name:
        raise InvalidValueError("a person needs a name", code="storage.person_needs_name")
    check_columns(PersonRow.__table__, {"name": name})
    with db.session() as session:
        row = session.scalars(select(PersonRow).where(PersonRow.name == name)).one_or_none()
        if row is None:
            row = PersonRow(name=name)
            session.add(row)
            session.flush()
        return convert.plain(Person, row)


def list_people(db: Database) -> list[Person]:
    with db.session() as session:
        rows = session.scalars(select(PersonRow).order_by(PersonRow.name))
        return [convert.plain(Person, r) for r in rows]
