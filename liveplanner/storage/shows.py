"""Shows as wholes: create, list, load a plan, save a plan built in memory, update, delete."""

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Row, Select, func, or_, select
from sqlalchemy.orm import Session

from liveplanner.core.alert_settings import checked
from liveplanner.core.enums import Platform, Role, ShowStatus
from liveplanner.core.inputs import check_segment_count, check_segment_length, check_show_time
from liveplanner.core.plan import (
    DEFAULT_TIME_ZONE,
    MAX_TITLE,
    Duty,
    Person,
    Product,
    Promo,
    Release,
    Segment,
    Show,
    ShowPlan,
    TeamMember,
    time_zone,
)
from liveplanner.core.refused import Refused
from liveplanner.core.rhythm_inputs import check_rhythm_columns
from liveplanner.storage import convert
from liveplanner.storage.database import Database
from liveplanner.storage.errors import InvalidValueError, no_show
from liveplanner.storage.guard import check_version
from liveplanner.storage.limits import check_columns
from liveplanner.storage.models import (
    DutyRow,
    LiveAlertRow,
    PersonRow,
    ProductRow,
    PromoRow,
    ReleaseRow,
    SegmentRoleRow,
    SegmentRow,
    ShowRow,
    TeamMemberRow,
    utcnow,
)


@dataclass(frozen=True, slots=True)
class ShowSummary:
    """One line of the show list."""

    id: int
    title: str
    platform: Platform
    planned_start: datetime  # in the show's time zone
    status: ShowStatus
    segments: int
    total_s: int
    version: int


def create_show(
    db: Database,
    title: str,
    planned_start: datetime,
    platform: Platform = Platform.DOUYIN,
    time_zone: str = DEFAULT_TIME_ZONE,
) -> int:
    """A new, empty draft show; returns its id. `planned_start` must be aware."""
    _check_show_values({"title": title, "time_zone": time_zone, "planned_start": planned_start})
    with db.session() as session:
        row = ShowRow(
            title=title,
            planned_start=planned_start,
            platform=platform,
            time_zone=time_zone,
            status=ShowStatus.DRAFT,
            room="",
            notes="",
        )
        session.add(row)
        session.flush()
        return row.id


def _check_show_values(values: dict[str, object]) -> None:
    """Refuse, before anything is written, what would break the show list for everyone."""
    if "title" in values:
        title = str(values["title"]).strip()
        if not title or len(title) > MAX_TITLE:
            raise InvalidValueError(
                f"a show's title needs 1 to {MAX_TITLE} characters",
                code="storage.title_length",
                figures={"most": MAX_TITLE},
            )
    try:
        if "time_zone" in values:
            time_zone(str(values["time_zone"]))
        # A year 9999 was stored, then every command and window on the show failed.
        for key in ("planned_start", "planned_end", "hard_stop"):
            if isinstance(moment := values.get(key), datetime):
                check_show_time(moment)
        check_rhythm_columns(values)
    except ValueError as exc:
        raise InvalidValueError.refusing(exc) from None
    check_columns(ShowRow.__table__, values)


def _check_segments(plan: ShowPlan) -> None:
    try:
        check_segment_count(len(plan.segments))
        for segment in plan.segments:
            check_segment_length(segment.duration_s)
    except ValueError as exc:
        raise InvalidValueError.refusing(exc) from None
    # A plan's texts (talking points, cues, a promo's notes) fit what an edit would let in.
    for table, parts in (
        (SegmentRow.__table__, plan.segments),
        (DutyRow.__table__, plan.duties),
        (PromoRow.__table__, plan.promos),
    ):
        for part in parts:
            check_columns(table, convert.columns(part))


def list_shows(
    db: Database,
    search: str = "",
    platform: Platform | None = None,
    status: ShowStatus | None = None,
    starts_from: datetime | None = None,
    starts_before: datetime | None = None,
) -> list[ShowSummary]:
    """Shows not deleted, newest planned start first, filtered by title or room text, platform,
    status and a range of planned starts."""
    totals = (
        select(
            SegmentRow.show_id,
            func.count(SegmentRow.id).label("n"),
            func.coalesce(func.sum(SegmentRow.duration_s), 0).label("total"),
        )
        .group_by(SegmentRow.show_id)
        .subquery()
    )
    query = (
        select(ShowRow, totals.c.n, totals.c.total)
        .outerjoin(totals, totals.c.show_id == ShowRow.id)
        .where(ShowRow.deleted_at.is_(None))
        .order_by(ShowRow.planned_start.desc(), ShowRow.id.desc())
    )
    if search:
        # contains(autoescape) keeps a typed % or _ literal; lower() makes it case-blind.
        text = search.lower()
        query = query.where(
            or_(
                func.lower(ShowRow.title).contains(text, autoescape=True),
                func.lower(ShowRow.room).contains(text, autoescape=True),
            )
        )
    if platform is not None:
        query = query.where(ShowRow.platform == platform)
    if status is not None:
        query = query.where(ShowRow.status == status)
    if starts_from is not None:
        query = query.where(ShowRow.planned_start >= starts_from)
    if starts_before is not None:
        query = query.where(ShowRow.planned_start < starts_before)
    with db.session() as session:
        return [
            ShowSummary(
                id=row.id,
                title=row.title,
                platform=row.platform,
                planned_start=row.planned_start.astimezone(ZoneInfo(row.time_zone)),
                status=row.status,
                segments=n or 0,
                total_s=int(total or 0),
                version=row.version,
            )
            for row, n, total in session.execute(query)
        ]


def _show_row(session: Session, show_id: int) -> ShowRow:
    row = session.get(ShowRow, show_id, with_for_update=True)  # see parts._row
    if row is None:
        raise no_show(show_id)
    return row


def load_plan(db: Database, show_id: int) -> ShowPlan:
    """The whole show as plain objects, segments in order.

    Read with plain selects, not ORM rows: a plan is read far more often than written (every
    review, report and comparison), and the rows go straight into frozen objects, so the ORM's
    identity map and change tracking would only cost time (a third of a large show's review).
    """
    shows, segments = ShowRow.__table__, SegmentRow.__table__
    roles, duties = SegmentRoleRow.__table__, DutyRow.__table__
    promos, releases = PromoRow.__table__, ReleaseRow.__table__
    with db.engine.connect() as connection:

        def rows(query: Select[Any]) -> Sequence[Row[Any]]:
            return connection.execute(query).all()

        show_row = connection.execute(select(shows).where(shows.c.id == show_id)).one_or_none()
        if show_row is None:
            raise no_show(show_id)
        of_show = segments.c.show_id == show_id
        segment_rows = rows(select(segments).where(of_show).order_by(segments.c.position))
        role_rows = rows(select(roles).join(segments).where(of_show))
        duty_rows = rows(
            select(duties)
            .join(segments)
            .where(of_show)
            .order_by(segments.c.position, duties.c.offset_s, duties.c.id)
        )
        team = rows(
            select(TeamMemberRow.__table__)
            .where(TeamMemberRow.show_id == show_id)
            .order_by(TeamMemberRow.id)
        )
        products = rows(
            select(ProductRow.__table__)
            .where(ProductRow.show_id == show_id)
            .order_by(ProductRow.id)
        )
        promo_rows = rows(select(promos).where(promos.c.show_id == show_id).order_by(promos.c.id))
        release_rows = rows(
            select(releases)
            .join(promos)
            .where(promos.c.show_id == show_id)
            .order_by(promos.c.id, releases.c.id)
        )
        person_ids = {m.person_id for m in team} | {r.person_id for r in role_rows}
        person_ids.update(d.person_id for d in duty_rows if d.person_id is not None)
        people = rows(
            select(PersonRow.__table__).where(PersonRow.id.in_(person_ids)).order_by(PersonRow.id)
        )
        alerts = LiveAlertRow.__table__
        alert_row = connection.execute(
            select(alerts).where(alerts.c.show_id == show_id)
        ).one_or_none()
    segment_roles: dict[int, dict[Role, int]] = {}
    for role in role_rows:
        segment_roles.setdefault(role.segment_id, {})[role.role] = role.person_id
    return ShowPlan(
        show=convert.show(show_row),
        segments=tuple(
            convert.plain(Segment, s, roles=segment_roles.get(s.id, {})) for s in segment_rows
        ),
        people=tuple(convert.plain(Person, p) for p in people),
        team=tuple(convert.plain(TeamMember, m) for m in team),
        products=tuple(convert.plain(Product, p) for p in products),
        promos=tuple(convert.plain(Promo, p) for p in promo_rows),
        releases=tuple(convert.plain(Release, r) for r in release_rows),
        duties=tuple(convert.plain(Duty, d) for d in duty_rows),
        alerts=None if alert_row is None else convert.alert_settings(alert_row),
    )


def check_not_in_bin(db: Database, show_id: int) -> None:
    """The refusal of a write into a show in the bin (or never there): it is no show to change
    until it is restored, as campaigns and the editor already say."""
    with db.engine.connect() as connection:
        found = connection.execute(
            select(ShowRow.deleted_at).where(ShowRow.id == show_id)
        ).one_or_none()
    if found is None or found.deleted_at is not None:
        raise no_show(show_id)


def person_ids_by_name(session: Session, names: list[str]) -> dict[str, int]:
    """Ids of the people with these names, creating those not yet known."""
    known = dict(
        session.execute(select(PersonRow.name, PersonRow.id).where(PersonRow.name.in_(names))).all()
    )
    for name in dict.fromkeys(names):
        if name not in known:
            row = PersonRow(name=name)
            session.add(row)
            session.flush()
            known[name] = row.id
    return known


@dataclass(frozen=True, slots=True)
class SavedPlan:
    """A plan stored as a new show: the show's id and, for each of the plan's own segment ids,
    the stored segment's id (what runs and notes refer to)."""

    show_id: int
    segment_ids: dict[int, int]


def save_plan(db: Database, plan: ShowPlan) -> int:
    """Store a plan built in memory (template, demo, imported file) as a new show; return its id.

    The plan's own ids are local: they only tie its parts together. People are matched by name.
    """
    with db.session() as session:
        return add_plan(session, plan).show_id


def add_plan(session: Session, plan: ShowPlan) -> SavedPlan:
    """save_plan's work in the caller's session, so that more can join its transaction (a show
    file's runs and metrics)."""
    _check_show_values(convert.show_columns(plan.show))
    _check_segments(plan)
    if plan.alerts is not None:
        try:
            checked(plan.alerts)
        except Refused as exc:
            raise InvalidValueError.refusing(exc) from None
    show_row = ShowRow(**convert.show_columns(plan.show))
    session.add(show_row)
    session.flush()
    if plan.alerts is not None:
        session.add(LiveAlertRow(show_id=show_row.id, **asdict(plan.alerts)))
    people = person_ids_by_name(session, [p.name for p in plan.people])
    person_id: dict[int | None, int | None] = {None: None}
    person_id |= {p.id: people[p.name] for p in plan.people}
    for member in plan.team:
        session.add(
            TeamMemberRow(
                show_id=show_row.id, person_id=person_id[member.person_id], role=member.role
            )
        )
    # Rows of a kind are added together and flushed once (SQLAlchemy inserts them as one batch),
    # then their ids read: a flush per row made storing the demo's season take seconds.
    product_rows = [
        ProductRow(**convert.columns(product, show_id=show_row.id)) for product in plan.products
    ]
    session.add_all(product_rows)
    session.flush()
    product_id: dict[int | None, int | None] = {None: None}
    product_id |= {p.id: row.id for p, row in zip(plan.products, product_rows, strict=True)}
    segment_rows = [
        SegmentRow(
            **convert.columns(
                segment,
                show_id=show_row.id,
                position=position,
                product_id=product_id[segment.product_id],
            ),
            roles=[
                SegmentRoleRow(role=role, person_id=person_id[pid])
                for role, pid in segment.roles.items()
            ],
        )
        for position, segment in enumerate(plan.segments)
    ]
    session.add_all(segment_rows)
    session.flush()
    segment_id = {s.id: row.id for s, row in zip(plan.segments, segment_rows, strict=True)}
    for duty in plan.duties:
        session.add(
            DutyRow(
                **convert.columns(
                    duty,
                    segment_id=segment_id[duty.segment_id],
                    person_id=person_id[duty.person_id],
                )
            )
        )
    promo_rows = [
        PromoRow(
            **convert.columns(promo, show_id=show_row.id, product_id=product_id[promo.product_id])
        )
        for promo in plan.promos
    ]
    session.add_all(promo_rows)
    session.flush()
    promo_id = {p.id: row.id for p, row in zip(plan.promos, promo_rows, strict=True)}
    for release in plan.releases:
        session.add(
            ReleaseRow(
                **convert.columns(
                    release,
                    promo_id=promo_id[release.promo_id],
                    segment_id=segment_id[release.segment_id],
                )
            )
        )
    return SavedPlan(show_row.id, segment_id)


_SHOW_FIELDS = frozenset(ShowRow.__table__.columns.keys()) - {
    "id",
    "version",
    "created_at",
    "updated_at",
    "deleted_at",
    "unlocked",  # only unlock_script and lock_script: an unlock is always on purpose
}


def update_show(db: Database, show_id: int, expected_version: int, **changes: object) -> Show:
    """Change a show's own fields, refusing if someone changed it since `expected_version`."""
    unknown = set(changes) - _SHOW_FIELDS
    if unknown:
        raise TypeError(f"not show fields: {sorted(unknown)}")
    _check_show_values(changes)
    with db.session() as session:
        row = _show_row(session, show_id)
        check_version("show", show_id, row.version, expected_version)
        if "status" in changes and changes["status"] != row.status:
            row.unlocked = False  # a new status locks the script again
        for name, value in changes.items():
            setattr(row, name, value)
        session.flush()
        return convert.show(row)


def set_status(db: Database, show_id: int, status: ShowStatus) -> Show:
    """Move the show to `status`; past draft that locks its script (again)."""
    with db.session() as session:
        row = _show_row(session, show_id)
        if row.status != status:
            row.status = status
            row.unlocked = False
        session.flush()
        return convert.show(row)


def unlock_script(db: Database, show_id: int) -> Show:
    """Open an approved or live show's script for editing, on purpose; the history says who."""
    return _set_unlocked(db, show_id, True)


def lock_script(db: Database, show_id: int) -> Show:
    return _set_unlocked(db, show_id, False)


def _set_unlocked(db: Database, show_id: int, unlocked: bool) -> Show:
    with db.session() as session:
        row = _show_row(session, show_id)
        row.unlocked = unlocked
        session.flush()
        return convert.show(row)


def delete_show(db: Database, show_id: int) -> None:
    """Move a show to the bin: it leaves the list but keeps everything, for `restore_show`."""
    with db.session() as session:
        _show_row(session, show_id).deleted_at = utcnow()


def restore_show(db: Database, show_id: int) -> None:
    with db.session() as session:
        _show_row(session, show_id).deleted_at = None


def purge_show(db: Database, show_id: int) -> None:
    """Delete a show for good, with everything in it (segments, runs, metrics, notes), after a
    backup of the SQLite file: this cannot be undone."""
    db.backup("before-delete")
    with db.session() as session:
        session.delete(_show_row(session, show_id))


def duplicate_show(db: Database, show_id: int, title: str) -> int:
    """A new draft show with a copy of the whole plan and its live alerts; returns its id."""
    plan = load_plan(db, show_id)
    show = replace(plan.show, title=title, status=ShowStatus.DRAFT)
    return save_plan(db, replace(plan, show=show))
