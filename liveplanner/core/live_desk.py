"""The live desk: what each role of the studio team sees and ticks off while a show runs.

Every screen (the host's window, floor control's tablet, customer service's phone) shows the
same moment: the timer's reading, the desk's log (who ticked which item, the counters floor
control or a feed set) and the plan. This module works that out as plain values for one role or
one person; the window and the web pages only draw it.

The items a team ticks off are the plan's own, each with a key that stays the same for the
whole show: a duty's cue (`duty:ID`), putting a product on the shelf where it is first pitched
(`list:PRODUCT`, 上架) and each release of a promo (`release:ID`: a flash sale's price change
改价, a coupon drop 发券, a lucky draw 开抽).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from liveplanner.core.clock import Phase, Reading
from liveplanner.core.enums import DeskEventKind, PromoKind, Role
from liveplanner.core.plan import ShowPlan
from liveplanner.core.runlog import DeskEvent

# The roles with a screen of their own (the five; tech follows the host's).
DESK_ROLES = (Role.HOST, Role.CO_HOST, Role.FLOOR_CONTROL, Role.CUSTOMER_SERVICE, Role.OPS)
CUE_HORIZON_S = 120  # cues of the next segment shown when due within this
RECENT_TICKS = 8  # the desk's last ticks every screen shows
MAX_UNITS = 100_000_000  # a counter's largest figure: beyond any show's stock


class ItemKind(StrEnum):
    CUE = "cue"  # a duty's cue, for its role or person
    LIST = "list"  # 上架: put the product on the shelf
    PRICE = "price"  # 改价: set a flash sale's price and units
    COUPON = "coupon"  # 发券: release coupons
    DRAW = "draw"  # 开抽: start a lucky draw


_RELEASE_KINDS = {
    PromoKind.FLASH_SALE: ItemKind.PRICE,
    PromoKind.COUPON: ItemKind.COUPON,
    PromoKind.LUCKY_DRAW: ItemKind.DRAW,
}


@dataclass(frozen=True, slots=True)
class DeskItem:
    key: str
    kind: ItemKind
    segment_index: int
    offset_s: int  # into its segment
    text: str  # the cue's words, or the product's or promo's name
    role: Role | None  # whose item it is (None with a person: that person's)
    person_id: int | None = None
    promo_id: int | None = None
    product_id: int | None = None
    quantity: int | None = None  # units a release puts out


def desk_items(plan: ShowPlan) -> list[DeskItem]:
    """Every item of the show to tick off, by segment and then by time into it."""
    position = {s.id: i for i, s in enumerate(plan.segments)}
    items: list[DeskItem] = []
    listed: set[int] = set()
    for index, segment in enumerate(plan.segments):
        product = plan.product(segment.product_id)
        if product is not None and product.id not in listed:
            listed.add(product.id)
            items.append(
                DeskItem(
                    f"list:{product.id}",
                    ItemKind.LIST,
                    index,
                    0,
                    product.name,
                    Role.FLOOR_CONTROL,
                    product_id=product.id,
                )
            )
    # Floor control's cue at a release's moment is that release's: one item, in the cue's words.
    release_cues = {
        (d.segment_id, d.offset_s): d
        for d in plan.duties
        if d.role is Role.FLOOR_CONTROL and d.person_id is None
    }
    merged: set[int] = set()
    for release in plan.releases:
        promo = plan.promo(release.promo_id)
        if promo is None or release.segment_id not in position:
            continue
        cue = release_cues.get((release.segment_id, release.offset_s))
        if cue is not None:
            merged.add(cue.id)
        items.append(
            DeskItem(
                f"release:{release.id}",
                _RELEASE_KINDS.get(promo.kind, ItemKind.COUPON),
                position[release.segment_id],
                release.offset_s,
                cue.cue if cue is not None else promo.name,
                Role.FLOOR_CONTROL,
                promo_id=promo.id,
                product_id=promo.product_id,
                quantity=release.quantity,
            )
        )
    for duty in plan.duties:
        if duty.segment_id in position and duty.id not in merged:
            items.append(
                DeskItem(
                    f"duty:{duty.id}",
                    ItemKind.CUE,
                    position[duty.segment_id],
                    duty.offset_s,
                    duty.cue,
                    duty.role,
                    person_id=duty.person_id,
                )
            )
    items.sort(key=lambda i: (i.segment_index, i.offset_s))
    return items


@dataclass(frozen=True, slots=True)
class Tick:
    key: str
    actor: str
    at: datetime


@dataclass
class DeskState:
    """The desk's log folded up: what is ticked and what the counters stand at."""

    ticks: dict[str, Tick] = field(default_factory=dict)  # item key -> its (latest) tick
    recent: list[Tick] = field(default_factory=list)  # oldest first, RECENT_TICKS at most
    released: dict[int, int] = field(default_factory=dict)  # promo id -> units put out
    claimed: dict[int, int] = field(default_factory=dict)  # promo id -> units taken so far
    sold: dict[int, int] = field(default_factory=dict)  # product id -> units sold so far
    sold_out: set[str] = field(default_factory=set)  # "promo:ID" and "product:ID"


def desk_state(plan: ShowPlan, events: Iterable[DeskEvent]) -> DeskState:
    """The state the desk's events leave, in order. Ticking a release counts its units as
    released (unticking takes them back); an event naming what the plan does not have is
    passed over (the plan may have changed since it was logged)."""
    items = {i.key: i for i in desk_items(plan)}
    promos = {p.id for p in plan.promos}
    products = {p.id for p in plan.products}
    state = DeskState()
    for event in events:
        item = items.get(event.item)
        if event.kind is DeskEventKind.TICKED and item is not None:
            if event.item not in state.ticks and item.promo_id is not None and item.quantity:
                _add(state.released, item.promo_id, item.quantity)
            tick = Tick(event.item, event.actor, event.wall_time)
            state.ticks[event.item] = tick
            state.recent = [*state.recent, tick][-RECENT_TICKS:]
        elif event.kind is DeskEventKind.UNTICKED and event.item in state.ticks:
            del state.ticks[event.item]
            state.recent = [t for t in state.recent if t.key != event.item]
            if item is not None and item.promo_id is not None and item.quantity:
                _add(state.released, item.promo_id, -item.quantity)
        elif event.quantity is not None:
            _count(state, event, promos, products)
        elif event.kind is DeskEventKind.SOLD_OUT and _known(event.item, promos, products):
            state.sold_out.add(event.item)
    return state


def _count(state: DeskState, event: DeskEvent, promos: set[int], products: set[int]) -> None:
    kind, _, number = event.item.partition(":")
    target = int(number) if number.isdigit() else None
    quantity = min(max(event.quantity or 0, -MAX_UNITS), MAX_UNITS)
    if kind == "promo" and target in promos:
        if event.kind is DeskEventKind.RELEASED:
            _add(state.released, target, quantity)
        elif event.kind is DeskEventKind.CLAIMED:
            state.claimed[target] = max(quantity, 0)  # a feed's figure so far, not a step
    elif kind == "product" and target in products and event.kind is DeskEventKind.SOLD:
        state.sold[target] = max(quantity, 0)


def _add(counts: dict[int, int], key: int, quantity: int) -> None:
    counts[key] = min(max(counts.get(key, 0) + quantity, 0), MAX_UNITS)


def _known(item: str, promos: set[int], products: set[int]) -> bool:
    kind, _, number = item.partition(":")
    return number.isdigit() and int(number) in (promos if kind == "promo" else products)


# What one screen shows.


@dataclass(frozen=True, slots=True)
class ShownItem:
    item: DeskItem
    who: str  # the person's name, else empty (the role is the item's)
    due_s: float  # seconds until it is due (negative: overdue); from now in the show
    tick: Tick | None
    mine: bool  # the screen's role or person does it (and may tick it)


@dataclass(frozen=True, slots=True)
class ProductCount:
    id: int
    name: str
    stock: int | None
    sold: int | None  # None: nobody has said (never 0 for missing)
    left: int | None
    sold_out: bool


@dataclass(frozen=True, slots=True)
class PromoCount:
    id: int
    kind: PromoKind
    name: str
    planned: int | None  # the promo's own quantity
    released: int
    claimed: int | None
    sold_out: bool


@dataclass(frozen=True, slots=True)
class DeskView:
    """One role's or person's screen at one moment."""

    role: Role | None
    person_id: int | None
    reading: Reading
    segment_title: str
    next_title: str | None
    next_duration_s: int | None
    items: tuple[ShownItem, ...]  # the current segment's and the next's, for this screen
    products: tuple[ProductCount, ...]  # of the current segment
    promos: tuple[PromoCount, ...]  # released in the current segment
    recent: tuple[Tick, ...]  # the desk's last ticks, newest first
    move_on: bool  # the current segment's flash sale sold out: the host should move on


def roles_of(plan: ShowPlan, person_id: int, segment_index: int) -> set[Role]:
    """The roles a person holds in a segment: the segment's own, else the team's."""
    if not 0 <= segment_index < len(plan.segments):
        return {m.role for m in plan.team if m.person_id == person_id}
    segment = plan.segments[segment_index]
    held = {role for role, person in segment.roles.items() if person == person_id}
    return held or {m.role for m in plan.team if m.person_id == person_id}


def is_mine(plan: ShowPlan, item: DeskItem, role: Role | None, person_id: int | None) -> bool:
    """Whether a screen's role or person does this item. A duty for a person is that person's
    (and their role's screen's); a duty for a role is the person holding that role then."""
    if person_id is not None:
        if item.person_id is not None:
            return item.person_id == person_id
        return item.role in roles_of(plan, person_id, item.segment_index)
    if item.role is not None:
        return item.role == role
    return role in roles_of(plan, item.person_id or 0, item.segment_index)


def desk_view(
    plan: ShowPlan,
    reading: Reading,
    state: DeskState,
    role: Role | None = None,
    person_id: int | None = None,
    items: Sequence[DeskItem] | None = None,
) -> DeskView:
    """The screen of `role` or of `person_id` (None and None: every item, read only)."""
    items = desk_items(plan) if items is None else items
    count = len(plan.segments)
    index = min(reading.index, count)
    running = reading.phase is not Phase.FINISHED and index < count
    names = {p.id: p.name for p in plan.people}
    shown: list[ShownItem] = []
    if running:
        for item in items:
            if item.segment_index == index:
                due = item.offset_s - reading.elapsed_s
            elif item.segment_index == index + 1:
                due = max(reading.remaining_s, 0) + item.offset_s
                if due > CUE_HORIZON_S:
                    continue
            else:
                continue
            mine = is_mine(plan, item, role, person_id)
            if (role is None and person_id is None) or mine or item.kind is not ItemKind.CUE:
                who = names.get(item.person_id or 0, "")
                shown.append(ShownItem(item, who, due, state.ticks.get(item.key), mine))
    segment = plan.segments[index] if running else None
    following = plan.segments[index + 1] if running and index + 1 < count else None
    products, promos = _counts(plan, state, index if running else None)
    return DeskView(
        role,
        person_id,
        reading,
        segment.title if segment else "",
        following.title if following else None,
        following.duration_s if following else None,
        tuple(shown),
        products,
        promos,
        tuple(reversed(state.recent)),
        any(p.kind is PromoKind.FLASH_SALE and p.sold_out for p in promos),
    )


def _counts(
    plan: ShowPlan, state: DeskState, index: int | None
) -> tuple[tuple[ProductCount, ...], tuple[PromoCount, ...]]:
    if index is None:
        return (), ()
    segment = plan.segments[index]
    promo_ids = list(dict.fromkeys(r.promo_id for r in plan.releases if r.segment_id == segment.id))
    promos = [p for p in (plan.promo(i) for i in promo_ids) if p is not None]
    product_ids = list(
        dict.fromkeys(
            i
            for i in [segment.product_id, *(p.product_id for p in promos)]
            if i is not None and plan.product(i) is not None
        )
    )
    products = []
    for product_id in product_ids:
        product = plan.product(product_id)
        assert product is not None
        sold = state.sold.get(product_id)
        out = f"product:{product_id}" in state.sold_out
        left = (
            max(product.stock - sold, 0) if product.stock is not None and sold is not None else None
        )
        if out:
            left = 0
        products.append(
            ProductCount(product_id, product.name, product.stock, sold, left, out or left == 0)
        )
    counted = []
    for promo in promos:
        released = state.released.get(promo.id, 0)
        claimed = state.claimed.get(promo.id)
        out = f"promo:{promo.id}" in state.sold_out or (
            claimed is not None and released > 0 and claimed >= released
        )
        counted.append(
            PromoCount(promo.id, promo.kind, promo.name, promo.quantity, released, claimed, out)
        )
    return tuple(products), tuple(counted)
