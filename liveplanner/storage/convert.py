"""Rows to the plain objects of core.plan, so nothing outside storage holds a live ORM row."""

from zoneinfo import ZoneInfo

from liveplanner.core.plan import (
    Duty,
    Person,
    Product,
    Promo,
    Release,
    Segment,
    Show,
    Targets,
    TeamMember,
)
from liveplanner.storage.models import (
    DutyRow,
    PersonRow,
    ProductRow,
    PromoRow,
    ReleaseRow,
    SegmentRow,
    ShowRow,
    TeamMemberRow,
)


def show(row: ShowRow) -> Show:
    zone = ZoneInfo(row.time_zone)
    return Show(
        id=row.id,
        title=row.title,
        planned_start=row.planned_start.astimezone(zone),
        platform=row.platform,
        room=row.room,
        time_zone=row.time_zone,
        status=row.status,
        targets=Targets(
            gmv_fen=row.target_gmv_fen,
            viewers=row.target_viewers,
            conversion_bp=row.target_conversion_bp,
            new_followers=row.target_new_followers,
            interaction_bp=row.target_interaction_bp,
        ),
        max_discount_bp=row.max_discount_bp,
        min_margin_bp=row.min_margin_bp,
        planned_end=row.planned_end.astimezone(zone) if row.planned_end else None,
        hard_stop=row.hard_stop.astimezone(zone) if row.hard_stop else None,
        notes=row.notes,
        version=row.version,
    )


def show_columns(value: Show) -> dict[str, object]:
    """The ShowRow columns a Show's fields set (not id or version)."""
    t = value.targets
    return {
        "title": value.title,
        "platform": value.platform,
        "room": value.room,
        "planned_start": value.planned_start,
        "time_zone": value.time_zone,
        "status": value.status,
        "target_gmv_fen": t.gmv_fen,
        "target_viewers": t.viewers,
        "target_conversion_bp": t.conversion_bp,
        "target_new_followers": t.new_followers,
        "target_interaction_bp": t.interaction_bp,
        "max_discount_bp": value.max_discount_bp,
        "min_margin_bp": value.min_margin_bp,
        "planned_end": value.planned_end,
        "hard_stop": value.hard_stop,
        "notes": value.notes,
    }


def person(row: PersonRow) -> Person:
    return Person(id=row.id, name=row.name, version=row.version)


def team_member(row: TeamMemberRow) -> TeamMember:
    return TeamMember(id=row.id, person_id=row.person_id, role=row.role, version=row.version)


def product(row: ProductRow) -> Product:
    return Product(
        id=row.id,
        sku=row.sku,
        name=row.name,
        list_price_fen=row.list_price_fen,
        live_price_fen=row.live_price_fen,
        unit_cost_fen=row.unit_cost_fen,
        stock=row.stock,
        version=row.version,
    )


def promo(row: PromoRow) -> Promo:
    return Promo(
        id=row.id,
        kind=row.kind,
        name=row.name,
        product_id=row.product_id,
        quantity=row.quantity,
        face_value_fen=row.face_value_fen,
        special_price_fen=row.special_price_fen,
        threshold_fen=row.threshold_fen,
        per_user_limit=row.per_user_limit,
        budget_fen=row.budget_fen,
        notes=row.notes,
        version=row.version,
    )


def release(row: ReleaseRow) -> Release:
    return Release(
        id=row.id,
        promo_id=row.promo_id,
        segment_id=row.segment_id,
        offset_s=row.offset_s,
        quantity=row.quantity,
        version=row.version,
    )


def duty(row: DutyRow) -> Duty:
    return Duty(
        id=row.id,
        segment_id=row.segment_id,
        offset_s=row.offset_s,
        cue=row.cue,
        role=row.role,
        person_id=row.person_id,
        version=row.version,
    )


def segment(row: SegmentRow) -> Segment:
    return Segment(
        id=row.id,
        kind=row.kind,
        title=row.title,
        duration_s=row.duration_s,
        product_id=row.product_id,
        talking_points=row.talking_points,
        notes=row.notes,
        roles={r.role: r.person_id for r in row.roles},
        version=row.version,
    )
