"""Limit checks on a show's plan: each broken limit becomes a Finding the producer sees.

Each check is a small function over a ShowPlan; `check` runs them all. `message` is plain
English (the log, and the JSON of `liveplanner check`); `code` and `params` (its figures) are what
app/messages/findings words in the user's language.
"""

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from liveplanner.core.enums import PromoKind, Role, SegmentKind
from liveplanner.core.finding import NAMED_BY_NUMBER as NAMED_BY_NUMBER
from liveplanner.core.finding import NAMED_WITH_TITLES as NAMED_WITH_TITLES
from liveplanner.core.finding import Finding as Finding
from liveplanner.core.finding import Severity as Severity
from liveplanner.core.finding import segment_list
from liveplanner.core.finding import shortened as shortened
from liveplanner.core.money import BP_PER_WHOLE, format_percent, format_yuan
from liveplanner.core.plan import Product, Promo, Segment, ShowPlan
from liveplanner.core.rhythm import RHYTHM_CHECKS
from liveplanner.core.schedule import format_duration

Check = Callable[[ShowPlan], Iterator[Finding]]
T = TypeVar("T")


def check(plan: ShowPlan) -> list[Finding]:
    """Every finding for the plan, errors first, then in the order of the checks."""
    findings = [f for rule in CHECKS for f in rule(plan)]
    return sorted(findings, key=lambda f: f.severity is not Severity.ERROR)


def _promo_label(promo: Promo) -> str:
    return f"{promo.kind.replace('_', ' ')} {promo.name!r}"


def _released(plan: ShowPlan) -> dict[int, int]:
    totals: dict[int, int] = defaultdict(int)
    for release in plan.releases:
        totals[release.promo_id] += release.quantity
    return totals


def _units(promo: Promo, released: dict[int, int]) -> int:
    """Units a promo hands out: what its releases put out, or its quantity when it has none."""
    if promo.id in released:
        return released[promo.id]
    return promo.quantity or 0


def releases_over_quantity(plan: ShowPlan) -> Iterator[Finding]:
    released = _released(plan)
    for promo in plan.promos:
        out = released.get(promo.id, 0)
        if promo.quantity is not None and out > promo.quantity:
            yield Finding(
                Severity.ERROR,
                "releases_over_quantity",
                "promo",
                promo.id,
                "quantity",
                f"{_promo_label(promo)}: segments release {out}, only {promo.quantity} available",
                {"promo": promo.name, "released": out, "quantity": promo.quantity},
            )


def flash_sales_over_stock(plan: ShowPlan) -> Iterator[Finding]:
    released = _released(plan)
    units: dict[int, int] = defaultdict(int)
    for promo in plan.promos:
        if promo.kind is PromoKind.FLASH_SALE and promo.product_id is not None:
            units[promo.product_id] += _units(promo, released)
    for product in plan.products:
        wanted = units.get(product.id, 0)
        if product.stock is not None and wanted > product.stock:
            yield Finding(
                Severity.ERROR,
                "flash_sales_over_stock",
                "product",
                product.id,
                "stock",
                f"product {product.name!r}: flash sales need {wanted} units, "
                f"stock for the show is {product.stock}",
                {"product": product.name, "units": wanted, "stock": product.stock},
            )


def _unit_cost_of_promo(promo: Promo, product: Product | None) -> int | None:
    """What one unit of the promo costs the shop: a coupon's or prize's value, a sale's cut."""
    if promo.kind is PromoKind.FLASH_SALE:
        if product is None or product.live_price_fen is None or promo.special_price_fen is None:
            return None
        return max(product.live_price_fen - promo.special_price_fen, 0)
    return promo.face_value_fen


def budget_exceeded(plan: ShowPlan) -> Iterator[Finding]:
    released = _released(plan)
    for promo in plan.promos:
        unit_cost = _unit_cost_of_promo(promo, plan.product(promo.product_id))
        if promo.budget_fen is None or unit_cost is None:
            continue
        units = _units(promo, released)
        exposure = units * unit_cost
        if exposure > promo.budget_fen:
            yield Finding(
                Severity.ERROR,
                "budget_exceeded",
                "promo",
                promo.id,
                "budget_fen",
                f"{_promo_label(promo)}: {units} x {format_yuan(unit_cost)} = "
                f"{format_yuan(exposure)} yuan, over the budget of "
                f"{format_yuan(promo.budget_fen)} yuan",
                {"promo": promo.name, "exposure_fen": exposure, "budget_fen": promo.budget_fen},
            )


def price_floor(product: Product, min_margin_bp: int | None) -> int | None:
    """The lowest allowed price: unit cost plus the show's minimum margin on cost."""
    if product.unit_cost_fen is None:
        return None
    margin = min_margin_bp or 0
    return -(-product.unit_cost_fen * (BP_PER_WHOLE + margin) // BP_PER_WHOLE)  # round up


def _prices_to_check(plan: ShowPlan) -> Iterator[tuple[str, int, str, Product, int]]:
    """(entity, id, field, product, price) for every price a buyer can pay."""
    for product in plan.products:
        if product.live_price_fen is not None:
            yield "product", product.id, "live_price_fen", product, product.live_price_fen
    for promo in plan.promos:
        sold = plan.product(promo.product_id)
        if promo.kind is PromoKind.FLASH_SALE and sold and promo.special_price_fen is not None:
            yield "promo", promo.id, "special_price_fen", sold, promo.special_price_fen


def prices_under_floor(plan: ShowPlan) -> Iterator[Finding]:
    for entity, entity_id, field_name, product, price in _prices_to_check(plan):
        floor = price_floor(product, plan.show.min_margin_bp)
        if floor is not None and price < floor:
            yield Finding(
                Severity.ERROR,
                "price_under_floor",
                entity,
                entity_id,
                field_name,
                f"{product.name!r} at {format_yuan(price)} yuan is under the price floor of "
                f"{format_yuan(floor)} (cost {format_yuan(product.unit_cost_fen or 0)} plus "
                f"{format_percent(plan.show.min_margin_bp or 0)} margin)",
                {"product": product.name, "price_fen": price, "floor_fen": floor},
            )


def discounts_over_maximum(plan: ShowPlan) -> Iterator[Finding]:
    limit = plan.show.max_discount_bp
    if limit is None:
        return
    for entity, entity_id, field_name, product, price in _prices_to_check(plan):
        base = product.list_price_fen
        if not base or price >= base:
            continue
        if (base - price) * BP_PER_WHOLE > limit * base:
            discount_bp = (base - price) * BP_PER_WHOLE // base
            yield Finding(
                Severity.WARNING,
                "discount_over_maximum",
                entity,
                entity_id,
                field_name,
                f"{product.name!r} at {format_yuan(price)} yuan is "
                f"{format_percent(discount_bp)} off the list price of {format_yuan(base)}, "
                f"more than the maximum discount of {format_percent(limit)}",
                {"product": product.name, "discount_bp": discount_bp, "max_bp": limit},
            )


def coupons_under_floor(plan: ShowPlan) -> Iterator[Finding]:
    """A product coupon the live price qualifies for must not take the price under the floor."""
    for promo in plan.promos:
        product = plan.product(promo.product_id)
        if promo.kind is not PromoKind.COUPON or product is None:
            continue
        price, face = product.live_price_fen, promo.face_value_fen
        floor = price_floor(product, plan.show.min_margin_bp)
        if price is None or face is None or floor is None or price < (promo.threshold_fen or 0):
            continue
        if price - face < floor:
            yield Finding(
                Severity.WARNING,
                "coupon_under_floor",
                "promo",
                promo.id,
                "face_value_fen",
                f"{_promo_label(promo)} takes {product.name!r} to {format_yuan(price - face)} "
                f"yuan, under its price floor of {format_yuan(floor)}",
                {"promo": promo.name, "price_fen": price - face, "floor_fen": floor},
            )


def coupon_thresholds(plan: ShowPlan) -> Iterator[Finding]:
    """满20减20: a threshold at or under the face value gives goods away (0 means no threshold)."""
    for promo in plan.promos:
        threshold, face = promo.threshold_fen, promo.face_value_fen
        if promo.kind is PromoKind.COUPON and threshold and face and face >= threshold:
            yield Finding(
                Severity.WARNING,
                "coupon_face_over_threshold",
                "promo",
                promo.id,
                "threshold_fen",
                f"{_promo_label(promo)}: {format_yuan(face)} off a threshold of only "
                f"{format_yuan(threshold)} yuan",
                {"promo": promo.name},
            )


def product_intros_complete(plan: ShowPlan) -> Iterator[Finding]:
    team_has_host = any(m.role is Role.HOST for m in plan.team)
    hostless: list[tuple[int, Segment]] = []
    for position, segment in enumerate(plan.segments, start=1):
        if segment.kind is not SegmentKind.PRODUCT_INTRO:
            continue
        if segment.product_id is None:
            yield Finding(
                Severity.ERROR,
                "intro_without_product",
                "segment",
                segment.id,
                "product_id",
                f"segment {position} {segment.title!r}: a product intro with no product",
                {"position": position, "title": segment.title},
            )
        if Role.HOST not in segment.roles and not team_has_host:
            hostless.append((position, segment))
    if hostless:
        yield _intros_without_host(hostless)


def _intros_without_host(hostless: Sequence[tuple[int, Segment]]) -> Finding:
    """One finding for every product intro with no host: a template opens with many of them,
    and one person assigned as host fixes them all."""
    named = [(position, segment.title) for position, segment in hostless]
    if len(hostless) == 1:
        [(position, title)] = named
        message = f"segment {position} {title!r}: no host, and the team has none"
    else:
        message = (
            f"{len(hostless)} product intros have no host, and the team has none: "
            f"segments {segment_list(named)}"
        )
    first = hostless[0][1]
    return Finding(
        Severity.ERROR,
        "intro_without_host",
        "segment",
        first.id,
        "host",
        message,
        {
            "position": named[0][0],
            "title": named[0][1],
            "positions": [position for position, _ in named],
            "titles": [title for _, title in named],
        },
        tuple(segment.id for _, segment in hostless) if len(hostless) > 1 else (),
    )


def people_in_two_roles(plan: ShowPlan) -> Iterator[Finding]:
    for position, segment in enumerate(plan.segments, start=1):
        counts = Counter(segment.roles.values())
        for person_id, count in counts.items():
            if count < 2:
                continue
            person = plan.person(person_id)
            roles = [r.value for r, p in segment.roles.items() if p == person_id]
            name = person.name if person else f"#{person_id}"
            yield Finding(
                Severity.WARNING,
                "person_in_two_roles",
                "segment",
                segment.id,
                roles[1],
                f"segment {position} {segment.title!r}: {name} is both {' and '.join(roles)}",
                {"position": position, "person": name, "roles": roles},
            )


def zero_length_segments(plan: ShowPlan) -> Iterator[Finding]:
    for position, segment in enumerate(plan.segments, start=1):
        if segment.duration_s <= 0:
            yield Finding(
                Severity.ERROR,
                "zero_length",
                "segment",
                segment.id,
                "duration_s",
                f"segment {position} {segment.title!r} has no length",
                {"position": position, "title": segment.title},
            )


def offsets_inside_segments(plan: ShowPlan) -> Iterator[Finding]:
    """A cue or release timed after its segment ends would never happen on the timer."""
    durations = {s.id: s.duration_s for s in plan.segments}
    positions = {s.id: i for i, s in enumerate(plan.segments, start=1)}
    items = [("release", r.id, r.segment_id, r.offset_s) for r in plan.releases]
    items += [("duty", d.id, d.segment_id, d.offset_s) for d in plan.duties]
    for entity, entity_id, segment_id, offset in items:
        length = durations.get(segment_id)
        if length is not None and offset > length:
            yield Finding(
                Severity.WARNING,
                "offset_after_segment_end",
                entity,
                entity_id,
                "offset_s",
                f"segment {positions[segment_id]}: a {entity} at {format_duration(offset)} "
                f"comes after the segment ends at {format_duration(length)}",
                {"position": positions[segment_id], "offset_s": offset, "duration_s": length},
            )


def _overrun(end: datetime, limit: datetime) -> int:
    # In UTC: two times of one zone compare as wall-clock readings, wrong across a DST change.
    return int((end.astimezone(UTC) - limit.astimezone(UTC)).total_seconds())


def show_past_its_end(plan: ShowPlan) -> Iterator[Finding]:
    # Only the end matters here: no need for every segment's clock time.
    total = sum(s.duration_s for s in plan.segments)
    end = plan.show.planned_start.astimezone(UTC) + timedelta(seconds=total)
    show = plan.show
    if show.hard_stop is not None and _overrun(end, show.hard_stop) > 0:
        over = _overrun(end, show.hard_stop)
        yield Finding(
            Severity.ERROR,
            "past_hard_stop",
            "show",
            show.id,
            "hard_stop",
            f"the script runs {format_duration(over)} past the hard stop",
            {"over_s": over},
        )
    elif show.planned_end is not None and _overrun(end, show.planned_end) > 0:
        over = _overrun(end, show.planned_end)
        yield Finding(
            Severity.WARNING,
            "past_planned_end",
            "show",
            show.id,
            "planned_end",
            f"the script runs {format_duration(over)} past the planned end",
            {"over_s": over},
        )


CHECKS: tuple[Check, ...] = (
    zero_length_segments,
    product_intros_complete,
    people_in_two_roles,
    releases_over_quantity,
    flash_sales_over_stock,
    budget_exceeded,
    prices_under_floor,
    discounts_over_maximum,
    coupons_under_floor,
    coupon_thresholds,
    offsets_inside_segments,
    show_past_its_end,
    *RHYTHM_CHECKS,
)
