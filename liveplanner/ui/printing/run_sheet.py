"""The run sheet: the show at a glance, then one row per segment with its clock times, people,
product, prices, stock, promos, talking points and cues, as the studio works from it on paper.

Dense like a team's own printout: small type, each row a couple of lines, talking points and cues
side by side rather than one under the other, so that a page holds some twenty segments."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from liveplanner.core.enums import PromoKind, Role
from liveplanner.core.money import format_yuan
from liveplanner.core.plan import Duty, Promo, Segment, ShowPlan
from liveplanner.core.row_offer import row_offer
from liveplanner.core.schedule import Schedule, Slot, format_duration, schedule
from liveplanner.ui import labels
from liveplanner.ui.printing.assignments import clock_time, cue_people
from liveplanner.ui.printing.markup import (
    NOWRAP,
    STRIPE,
    clock,
    count,
    esc,
    lines,
    name_list,
    swatch,
    yuan,
)
from liveplanner.ui.printing.pagination import Section, Table


def _promo_terms(promo: Promo) -> list[str]:
    """A promo's limits in the trade's words: 满199减30, the flash price, a prize's worth."""
    terms = []
    if promo.kind is PromoKind.COUPON and promo.face_value_fen is not None:
        # Bare amounts: the trade writes 满199减30, so the language's text places the currency.
        face = format_yuan(promo.face_value_fen)
        if promo.threshold_fen:
            terms.append(
                QCoreApplication.translate("RunSheet", "¥%2 off ¥%1")
                .replace("%1", format_yuan(promo.threshold_fen))
                .replace("%2", face)
            )
        else:
            terms.append(
                QCoreApplication.translate("RunSheet", "¥%1 off, no minimum").replace("%1", face)
            )
    if promo.special_price_fen is not None:
        terms.append(
            QCoreApplication.translate("RunSheet", "flash price %1").replace(
                "%1", yuan(promo.special_price_fen)
            )
        )
    if promo.kind in (PromoKind.LUCKY_DRAW, PromoKind.GIFT) and promo.face_value_fen is not None:
        terms.append(
            QCoreApplication.translate("RunSheet", "worth %1").replace(
                "%1", yuan(promo.face_value_fen)
            )
        )
    if promo.per_user_limit:
        terms.append(
            QCoreApplication.translate("RunSheet", "limit %1 per person").replace(
                "%1", str(promo.per_user_limit)
            )
        )
    return terms


@dataclass(frozen=True, slots=True)
class _Row:
    plan: ShowPlan
    slot: Slot
    segment: Segment


def _time(row: _Row) -> str:
    return (
        f'<span class="time">{clock(row.slot.start)}</span><br>'
        f'<span class="small">–{clock(row.slot.end)} · '
        f"{format_duration(row.segment.duration_s)}</span>"
    )


def _segment(row: _Row) -> str:
    kind = row.segment.kind
    return (
        f"{swatch(labels.KIND_COLORS[kind].name())}"
        f'<span class="small">{esc(labels.segment_kind(kind))}</span> '
        f'<span class="title">{esc(row.segment.title)}</span>'
    )


def _product(row: _Row) -> str:
    product = row.plan.product(row.segment.product_id)
    if product is None:
        return ""
    sku = (
        ' <span class="small">'
        + esc(QCoreApplication.translate("RunSheet", "SKU %1").replace("%1", product.sku))
        + "</span>"
        if product.sku
        else ""
    )
    return f"{esc(product.name)}{sku}"


def _price(row: _Row) -> str:
    """The live price, or on a flash-sale row the sale's (core/row_offer, as the editor shows
    it); under it the product's list price struck through, the price the deal is measured by."""
    offer = row_offer(row.plan, row.segment)
    product = row.plan.product(row.segment.product_id)
    parts = []
    if offer.price_fen is not None:
        parts.append(f'<span class="price">{yuan(offer.price_fen)}</span>')
    listed = product.list_price_fen if product is not None else None
    if listed is not None and listed != offer.price_fen:
        parts.append(f'<span class="strike">{yuan(listed)}</span>')
    return "<br>".join(parts)


def _stock(row: _Row) -> str:
    """The product's stock, or on a flash-sale row the units the sale puts out in it."""
    units = row_offer(row.plan, row.segment).units
    return "" if units is None else count(units)


def _promos(row: _Row) -> str:
    plan, parts = row.plan, []
    releases = sorted(
        (r for r in plan.releases if r.segment_id == row.segment.id),
        key=lambda r: (r.offset_s, r.id),
    )
    for release in releases:
        promo = plan.promo(release.promo_id)
        if promo is None:
            continue
        when = clock(clock_time(row.slot, release.offset_s))
        terms = " · ".join([labels.promo_kind(promo.kind), *_promo_terms(promo)])
        parts.append(
            f"<b>{when}</b> {esc(promo.name)} <b>×{count(release.quantity)}</b> "
            f'<span class="small">{esc(terms)}</span>'
        )
    return "<br>".join(parts)


def _as_team(plan: ShowPlan, role: Role) -> bool:
    """Whether every segment gives `role` to the one person the team has in it: the intro's
    team line then says who it is, and a column repeating the name on every row is left out."""
    team = [p.id for p in plan.team_people(role)]
    return len(team) == 1 and all(s.roles.get(role) == team[0] for s in plan.segments)


def _person(role: Role) -> Callable[[_Row], str]:
    def cell(row: _Row) -> str:
        person = row.plan.person(row.segment.roles.get(role))
        return esc(person.name) if person is not None else ""

    return cell


def _who(plan: ShowPlan, duty: Duty, segment: Segment) -> str:
    """The role a cue names and the people who fill it in this segment."""
    ids = cue_people(plan, duty, segment)
    if ids is None:
        return QCoreApplication.translate("RunSheet", "Everyone")
    names = [p.name for p in (plan.person(i) for i in ids) if p is not None]
    role = labels.role(duty.role) if duty.role is not None and duty.person_id is None else ""
    return " ".join(part for part in (role, name_list(names)) if part)


_RUN_ON = ' <span class="small">/</span> '


def _points(row: _Row) -> str:
    """The talking points, then the segment's note."""
    segment = row.segment
    parts = []
    points = [line.strip() for line in segment.talking_points.splitlines() if line.strip()]
    if points:
        # Run on, not one a line: a point rarely fills the column's width.
        parts.append(_RUN_ON.join(esc(point) for point in points))
    if segment.notes.strip():
        note = esc(QCoreApplication.translate("RunSheet", "Note:"))
        parts.append(f'<span class="small">{note}</span> <i>{lines(segment.notes)}</i>')
    return "<br>".join(parts)


def _cues(row: _Row) -> str:
    plan, segment = row.plan, row.segment
    parts = []
    duties = sorted(
        (d for d in plan.duties if d.segment_id == segment.id), key=lambda d: (d.offset_s, d.id)
    )
    for duty in duties:
        parts.append(
            f"<b>{clock(clock_time(row.slot, duty.offset_s))}</b> "
            f'<span class="who">{esc(_who(plan, duty, segment))}</span> {esc(duty.cue)}'
        )
    return "<br>".join(parts)


@dataclass(frozen=True, slots=True)
class _Column:
    title: str
    weight: int  # share of the width before empty columns are dropped
    cell: Callable[[_Row], str]
    keep: bool = False  # shown even when every cell is empty
    nowrap: bool = False  # never broken over lines: clock times
    role: Role | None = None  # the column of the people in this role


def _columns() -> list[_Column]:
    return [
        _Column(QCoreApplication.translate("RunSheet", "Time"), 6, _time, keep=True, nowrap=True),
        _Column(QCoreApplication.translate("RunSheet", "Segment"), 12, _segment, keep=True),
        _Column(QCoreApplication.translate("RunSheet", "Product"), 10, _product),
        _Column(QCoreApplication.translate("RunSheet", "Price"), 5, _price, nowrap=True),
        _Column(QCoreApplication.translate("RunSheet", "Stock"), 4, _stock, nowrap=True),
        _Column(QCoreApplication.translate("RunSheet", "Promos"), 17, _promos),
        *(_Column(labels.role(role), 4, _person(role), role=role) for role in Role),
        _Column(QCoreApplication.translate("RunSheet", "Talking points"), 13, _points),
        # Wide enough for most cues to take one line each.
        _Column(QCoreApplication.translate("RunSheet", "Cues"), 27, _cues),
    ]


NUMBER_WEIGHT = 2  # the position column, tinted with the segment kind's colour


def _table(plan: ShowPlan, times: Schedule) -> Table | None:
    rows = [
        _Row(plan, slot, segment) for slot, segment in zip(times.slots, plan.segments, strict=True)
    ]
    if not rows:
        return None
    columns = [c for c in _columns() if c.role is None or not _as_team(plan, c.role)]
    cells = [[column.cell(row) for row in rows] for column in columns]
    shown = [i for i, column in enumerate(columns) if column.keep or any(cells[i])]
    total = NUMBER_WEIGHT + sum(columns[i].weight for i in shown)

    def width(weight: int) -> str:
        return f"{100 * weight / total:.1f}%"

    head = (
        f'<tr><th width="{width(NUMBER_WEIGHT)}" align="center">#</th>'
        + "".join(
            f'<th width="{width(columns[i].weight)}" align="left">{esc(columns[i].title)}</th>'
            for i in shown
        )
        + "</tr>"
    )
    body = []
    for r, row in enumerate(rows):
        stripe = f' bgcolor="{STRIPE}"' if r % 2 else ""
        color = labels.KIND_COLORS[row.segment.kind].name()
        number = (
            f'<td bgcolor="{color}" align="center"{NOWRAP}>'
            f'<span class="number">{row.slot.position}</span></td>'
        )
        body.append(
            f"<tr{stripe}>{number}"
            + "".join(f"<td{NOWRAP if columns[i].nowrap else ''}>{cells[i][r]}</td>" for i in shown)
            + "</tr>"
        )
    return Table(head, tuple(body), css_class="sheet", cellpadding=2)


def _facts(pairs: list[tuple[str, str]]) -> str:
    cells = "".join(
        f'<td><span class="small">{esc(caption)}</span><br>'
        f'<span class="value">{esc(value)}</span></td>'
        for caption, value in pairs
        if value
    )
    return f'<table class="facts" cellspacing="0" cellpadding="0"><tr>{cells}</tr></table>'


def _intro(plan: ShowPlan, times: Schedule) -> str:
    show = plan.show
    facts = [
        (QCoreApplication.translate("RunSheet", "Date"), times.start.strftime("%Y-%m-%d")),
        (QCoreApplication.translate("RunSheet", "Platform"), labels.platform(show.platform)),
        (QCoreApplication.translate("RunSheet", "Room"), show.room),
        (
            QCoreApplication.translate("RunSheet", "On air"),
            f"{clock(times.start)}–{clock(times.end)}",
        ),
        (QCoreApplication.translate("RunSheet", "Length"), format_duration(times.total_s)),
        (QCoreApplication.translate("RunSheet", "Segments"), str(len(plan.segments))),
    ]
    if show.planned_end is not None:
        facts.append(
            (
                QCoreApplication.translate("RunSheet", "Slot ends"),
                clock(show.planned_end.astimezone(times.start.tzinfo)),
            )
        )
    if show.hard_stop is not None:
        facts.append(
            (
                QCoreApplication.translate("RunSheet", "Hard stop"),
                clock(show.hard_stop.astimezone(times.start.tzinfo)),
            )
        )
    team = [(labels.role(role), name_list(p.name for p in plan.team_people(role))) for role in Role]
    parts = [f"<h1>{esc(show.title)}</h1>", _facts(facts)]
    if any(names for _, names in team):
        parts.append(_facts(team))
    if show.notes.strip():
        parts.append(f'<p class="muted">{lines(show.notes)}</p>')
    if not plan.segments:
        parts.append(
            '<p class="empty">'
            + esc(
                QCoreApplication.translate(
                    "RunSheet", "This show has no segments yet: add them in the script editor."
                )
            )
            + "</p>"
        )
    return "".join(parts)


def run_sheet(plan: ShowPlan) -> Section:
    """The run sheet of `plan`, to be paginated."""
    times = schedule(plan)
    return Section(
        QCoreApplication.translate("RunSheet", "Run sheet"),
        _intro(plan, times),
        _table(plan, times),
    )
