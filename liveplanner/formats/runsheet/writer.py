"""A show's script as an XLSX run sheet in the layout teams use (序号, 时间, 时长, 环节 …), with the
sheets beside it that make it import again without loss (side_sheets.py). Text that would start a
formula is written as text (workbook.py)."""

from collections.abc import Sequence
from datetime import datetime, tzinfo
from pathlib import Path

from liveplanner.core.enums import Role
from liveplanner.core.money import format_percent, format_yuan
from liveplanner.core.plan import Promo, ShowPlan, time_zone
from liveplanner.core.rhythm import mix_text
from liveplanner.core.row_offer import row_offer
from liveplanner.core.schedule import format_duration, schedule
from liveplanner.formats.runsheet.columns import FIELD_OF_ROLE, HEADERS, KIND_LABELS, Field
from liveplanner.formats.runsheet.offers import Offer, offer_text
from liveplanner.formats.runsheet.side_sheets import (
    CUES,
    PART_BY_KEY,
    PLATFORM_WORDS,
    PRODUCTS,
    PROMO_WORDS,
    PROMOS,
    RELEASES,
    ROLE_WORDS,
    SHOW,
    SHOW_FIELDS,
    STATUS_WORDS,
    TEAM,
    word,
)
from liveplanner.formats.workbook import Sheet, write_workbook

_MAIN_ROLES = (Role.HOST, Role.CO_HOST, Role.FLOOR_CONTROL, Role.CUSTOMER_SERVICE)
_MONEY_FORMAT = "0.00"


def _yuan(fen: int | None) -> float | None:
    # A float of two decimals reads back exactly (parse_number uses its repr).
    return None if fen is None else fen / 100


def _cell(value: object) -> object:
    """Empty text as an empty cell."""
    return None if value == "" else value


def _when(moment: datetime | None, zone: tzinfo) -> str:
    if moment is None:
        return ""
    local = moment.astimezone(zone)
    return local.strftime("%Y-%m-%d %H:%M:%S" if local.second else "%Y-%m-%d %H:%M")


def release_offer(promo: Promo, quantity: int) -> Offer:
    return Offer(
        promo.kind,
        quantity=quantity,
        threshold_fen=promo.threshold_fen,
        face_value_fen=promo.face_value_fen,
        special_price_fen=promo.special_price_fen,
        per_user_limit=promo.per_user_limit,
    )


def release_texts(plan: ShowPlan, segment_id: int) -> set[str]:
    """What the exporter writes in a segment's offer cell, in either language."""
    texts = set()
    for language, joiner in (("zh", "；"), ("en", "; ")):
        offers = [
            offer_text(release_offer(promo, r.quantity), language)
            for r in plan.releases
            if r.segment_id == segment_id and (promo := plan.promo(r.promo_id))
        ]
        texts.add(joiner.join(offers))
    return texts


def run_sheet_fields(plan: ShowPlan) -> list[Field]:
    """The run sheet's columns: the common layout, plus ops and tech when anyone has them."""
    roles = [*_MAIN_ROLES]
    used = {role for segment in plan.segments for role in segment.roles}
    roles += [role for role in (Role.OPS, Role.TECH) if role in used]
    return [
        Field.POSITION,
        Field.START,
        Field.DURATION,
        Field.KIND,
        Field.TITLE,
        Field.PRODUCT,
        Field.SKU,
        Field.LIST_PRICE,
        Field.LIVE_PRICE,
        Field.STOCK,
        Field.OFFER,
        Field.TALKING_POINTS,
        *(FIELD_OF_ROLE[role] for role in roles),
        Field.NOTES,
    ]


def _run_sheet(plan: ShowPlan, language: str) -> Sheet:
    zh = language == "zh"
    fields = run_sheet_fields(plan)
    times = schedule(plan)
    show = plan.show
    rows = []
    for segment, slot in zip(plan.segments, times.slots, strict=True):
        product = plan.product(segment.product_id)
        # A flash-sale row's live price and stock are the sale's price and the units it puts
        # out in this segment, as the editor shows them; the list price stays the product's.
        offer = row_offer(plan, segment)
        offers = [
            offer_text(release_offer(promo, release.quantity), language)
            for release in plan.releases
            if release.segment_id == segment.id and (promo := plan.promo(release.promo_id))
        ]
        person = {role: plan.person(pid) for role, pid in segment.roles.items()}
        values = {
            Field.POSITION: slot.position,
            Field.START: f"{slot.start:%H:%M}-{slot.end:%H:%M}",
            Field.DURATION: format_duration(segment.duration_s),
            Field.KIND: KIND_LABELS[language][segment.kind],
            Field.TITLE: segment.title,
            Field.PRODUCT: product.name if product else None,
            Field.SKU: product.sku if product else None,
            Field.LIST_PRICE: _yuan(product.list_price_fen) if product else None,
            Field.LIVE_PRICE: _yuan(offer.price_fen),
            Field.STOCK: offer.units,
            Field.OFFER: "；".join(offers) if zh else "; ".join(offers),
            Field.TALKING_POINTS: segment.talking_points,
            Field.NOTES: segment.notes,
        }
        for role, field in FIELD_OF_ROLE.items():
            values[field] = p.name if (p := person.get(role)) else None
        rows.append([_cell(values[field]) for field in fields])
    platform = word(PLATFORM_WORDS, show.platform, language)
    start = times.start.strftime("%Y-%m-%d %H:%M")
    total = format_duration(times.total_s)
    preface = (
        [
            f"《{show.title}》直播脚本",
            f"开播 {start} · {platform} · 时长 {total} · {show.time_zone}",
        ]
        if zh
        else [
            f"{show.title}: run sheet",
            f"Starts {start} · {platform} · {total} long · {show.time_zone}",
        ]
    )
    money = {fields.index(f): _MONEY_FORMAT for f in (Field.LIST_PRICE, Field.LIVE_PRICE)}
    return Sheet(
        "整场脚本" if zh else "Run sheet",
        [HEADERS[language][field] for field in fields],
        rows,
        money,
        preface,
    )


def _show_sheet(plan: ShowPlan, language: str) -> Sheet:
    show, targets = plan.show, plan.show.targets
    zone = time_zone(show.time_zone)

    def percent(bp: int | None) -> str | None:
        return None if bp is None else format_percent(bp).rstrip("%")

    def minutes(seconds: int | None) -> int | None:
        return None if seconds is None else seconds // 60

    rhythm = show.rhythm
    mix = (rhythm.mix_showcase_bp, rhythm.mix_promotion_bp, rhythm.mix_interaction_bp)

    values: dict[str, object] = {
        "title": show.title,
        "planned_start": _when(show.planned_start, zone),
        "time_zone": show.time_zone,
        "platform": word(PLATFORM_WORDS, show.platform, language),
        "room": show.room,
        "status": word(STATUS_WORDS, show.status, language),
        "planned_end": _when(show.planned_end, zone),
        "hard_stop": _when(show.hard_stop, zone),
        "max_discount": percent(show.max_discount_bp),
        "min_margin": percent(show.min_margin_bp),
        "target_gmv": None if targets.gmv_fen is None else format_yuan(targets.gmv_fen),
        "target_viewers": targets.viewers,
        "target_conversion": percent(targets.conversion_bp),
        "target_followers": targets.new_followers,
        "target_interaction": percent(targets.interaction_bp),
        "benefit_every": minutes(rhythm.benefit_every_s),
        "benefit_rest": minutes(rhythm.benefit_rest_s),
        "intro_limit": minutes(rhythm.intro_limit_s),
        "mix_target": None if None in mix else mix_text(rhythm.mix_bp),
        "notes": show.notes,
    }
    part = PART_BY_KEY[SHOW]
    rows = [[zh if language == "zh" else en, _cell(values[key])] for key, zh, en in SHOW_FIELDS]
    return Sheet(part.title(language), part.header(language), rows)


def _part_sheets(plan: ShowPlan, language: str) -> list[Sheet]:
    def sheet(key: str, rows: Sequence[Sequence[object]], money: Sequence[int] = ()) -> Sheet:
        part = PART_BY_KEY[key]
        formats = {column: _MONEY_FORMAT for column in money}
        return Sheet(part.title(language), part.header(language), rows, formats)

    product_no: dict[int | None, int] = {p.id: n for n, p in enumerate(plan.products, start=1)}
    promo_no = {promo.id: n for n, promo in enumerate(plan.promos, start=1)}
    position = {segment.id: n for n, segment in enumerate(plan.segments, start=1)}
    people: dict[int | None, str] = {person.id: person.name for person in plan.people}
    return [
        _show_sheet(plan, language),
        sheet(
            TEAM,
            [[people[m.person_id], word(ROLE_WORDS, m.role, language)] for m in plan.team],
        ),
        sheet(
            PRODUCTS,
            [
                [
                    product_no[p.id],
                    p.sku or None,
                    p.name,
                    _yuan(p.list_price_fen),
                    _yuan(p.live_price_fen),
                    _yuan(p.unit_cost_fen),
                    p.stock,
                ]
                for p in plan.products
            ],
            money=(3, 4, 5),
        ),
        sheet(
            PROMOS,
            [
                [
                    promo_no[p.id],
                    word(PROMO_WORDS, p.kind, language),
                    p.name,
                    product_no.get(p.product_id),
                    p.quantity,
                    _yuan(p.face_value_fen),
                    _yuan(p.threshold_fen),
                    _yuan(p.special_price_fen),
                    p.per_user_limit,
                    _yuan(p.budget_fen),
                    p.notes or None,
                ]
                for p in plan.promos
            ],
            money=(5, 6, 7, 9),
        ),
        sheet(
            RELEASES,
            [
                [
                    position[r.segment_id],
                    promo_no[r.promo_id],
                    format_duration(r.offset_s),
                    r.quantity,
                ]
                for r in plan.releases
            ],
        ),
        sheet(
            CUES,
            [
                [
                    position[d.segment_id],
                    format_duration(d.offset_s),
                    word(ROLE_WORDS, d.role, language) if d.role else None,
                    people.get(d.person_id),
                    d.cue,
                ]
                for d in plan.duties
            ],
        ),
    ]


def write_script_xlsx(plan: ShowPlan, path: Path, language: str = "zh") -> None:
    """The run sheet and its companion sheets, in Chinese ("zh") or English ("en") headers."""
    write_workbook(path, [_run_sheet(plan, language), *_part_sheets(plan, language)])
