"""What to change in a draft, from the team's past shows (issue 20): each suggestion a message
code with its figures and a concrete `change` the editor can apply as one undoable edit.

The changes, by their keys:
  {"move": segment id, "to": position}        the segment moved to that 1-based position
  {"segment": segment id, "duration_s": n}     the segment's planned length
  {"product": product id, "stock": n}          the product's stock for the show
  {"insert": kind, "at": position, "duration_s": n}   a new segment of that kind there
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from statistics import median

from liveplanner.core.advice import (
    BENEFITS,
    Basis,
    History,
    PastShow,
    Projection,
    Reason,
    choose_basis,
    product_key,
    project,
)
from liveplanner.core.enums import SegmentKind
from liveplanner.core.plan import ShowPlan
from liveplanner.core.rhythm import stretches_without_benefit

# The retention curve: where past viewers fell away most over DROP_SPAN minutes (at least
# MIN_DROP of them), away from the ramp-up and the closing fade every show has.
DROP_SPAN = 10
MIN_DROP = 0.08
SKIP_START, SKIP_END = 10, 15  # minutes at the start and end of the show the curve is not read
NEAR_DROP = (5, 10)  # a benefit starting this many minutes before to after the fall is in place
# Lengths: a segment whose takes and past runs ran this far off its plan, by at least a minute.
OFF_PLAN = 0.15
MIN_CHANGE_S = 60
ROUND_S = 30
# Stock: sold out at SOLD_OUT of its stock or more; slow under SLOW; with HEADROOM over demand.
SOLD_OUT = 0.95
SLOW = 0.2
HEADROOM = 1.2
STOCK_STEP = 100
# The rhythm rule (DOMAIN.md, 每15-30分钟一档福利): a benefit at least every 30 minutes.


class SuggestionKind(StrEnum):
    MOVE_BENEFIT = "move_benefit"
    PRIME_PRODUCT = "prime_product"
    LENGTH = "length"
    STOCK = "stock"
    ADD_BENEFIT = "add_benefit"


@dataclass(frozen=True, slots=True)
class Suggestion:
    kind: SuggestionKind
    position: int  # 1-based: the segment it is about, or where a new one goes
    code: str  # its message (app/messages/advice.py), filled from `figures`
    figures: Mapping[str, object]  # money in fen (names ending _fen), shares as fractions
    change: Mapping[str, object]


@dataclass(frozen=True, slots=True)
class Advice:
    basis: Basis | None
    projection: Projection | None
    reason: Reason | None  # why there is no projection (and no suggestion from history)
    suggestions: tuple[Suggestion, ...]


def advise(plan: ShowPlan, history: History) -> Advice:
    """The projection and the suggestions for the draft. The draft's own rehearsal takes still
    suggest lengths when too few past shows make a basis."""
    chosen = choose_basis(plan, history)
    if isinstance(chosen, Reason):
        return Advice(None, None, chosen, tuple(lengths(plan, (), history.takes)))
    starts = _starts(plan)
    found = [
        *move_benefit(plan, starts, retention(chosen.shows)),
        *prime_product(plan, starts, chosen),
        *lengths(plan, chosen.shows, history.takes),
        *stock(plan, chosen.shows),
        *add_benefit(plan, starts, chosen),
    ]
    return Advice(chosen, project(plan, chosen), None, tuple(found))


def _starts(plan: ShowPlan) -> list[float]:
    """Each segment's planned start in minutes from the show's."""
    starts, at = [], 0.0
    for segment in plan.segments:
        starts.append(at)
        at += segment.duration_s / 60
    return starts


def _position_at(starts: Sequence[float], minute: float) -> int:
    """The 1-based position of the segment running at `minute` (the last one past the end)."""
    return max(1, sum(1 for s in starts if s <= minute))


def retention(shows: Sequence[PastShow]) -> list[float]:
    """The team's retention curve: by minute of the show, the mean over the shows that reached
    it of their online viewers as a share of their own peak."""
    sums: list[float] = []
    counts: list[int] = []
    for show in shows:
        peak = max(show.viewers, default=0)
        if peak <= 0:
            continue
        for minute, viewers in enumerate(show.viewers):
            if minute == len(sums):
                sums.append(0.0)
                counts.append(0)
            sums[minute] += viewers / peak
            counts[minute] += 1
    return [total / count for total, count in zip(sums, counts, strict=True)]


def move_benefit(
    plan: ShowPlan, starts: Sequence[float], curve: Sequence[float]
) -> list[Suggestion]:
    """Move the nearest benefit to the minute past viewers fell away most, unless one is there."""
    length = sum(s.duration_s for s in plan.segments) / 60
    last = min(len(curve), int(length) - SKIP_END) - DROP_SPAN
    falls = [
        ((curve[m] - curve[m + DROP_SPAN]) / curve[m], m)
        for m in range(SKIP_START, last)
        if curve[m] > 0
    ]
    if not falls:
        return []
    drop, minute = max(falls)
    benefits = [i for i, s in enumerate(plan.segments) if s.kind in BENEFITS]
    before, after = NEAR_DROP
    if drop < MIN_DROP or not benefits:
        return []
    if any(minute - before <= starts[i] <= minute + after for i in benefits):
        return []
    nearest = min(benefits, key=lambda i: abs(starts[i] - minute))
    # Before the first segment that starts at or after the fall (else last).
    to = next((i + 1 for i, at in enumerate(starts) if at >= minute), len(starts))
    if nearest + 1 < to:
        to -= 1  # it leaves its place before the fall: what follows moves up one
    if to == nearest + 1:
        return []  # where it is already
    segment = plan.segments[nearest]
    return [
        Suggestion(
            SuggestionKind.MOVE_BENEFIT,
            nearest + 1,
            "advice.move_benefit",
            {
                "title": segment.title,
                "kind": segment.kind.value,
                "minute": minute,
                "span": DROP_SPAN,
                "drop": round(drop, 4),
                "to": to,
            },
            {"move": segment.id, "to": to},
        )
    ]


def _product_rates(basis: Basis) -> dict[str, tuple[float, int]]:
    """Product key -> its past GMV per minute in product intros, and how many it rests on."""
    totals: dict[str, list[float]] = {}
    for show in basis.shows:
        for s in show.segments:
            if s.kind is SegmentKind.PRODUCT_INTRO and s.product and s.gmv_fen is not None:
                its = totals.setdefault(s.product, [0.0, 0.0, 0])
                its[0] += s.gmv_fen
                its[1] += s.seconds
                its[2] += 1
    return {k: (gmv * 60 / seconds, int(n)) for k, (gmv, seconds, n) in totals.items() if seconds}


def prime_product(plan: ShowPlan, starts: Sequence[float], basis: Basis) -> list[Suggestion]:
    """Put the draft's product that earned most per minute before into its prime slot: the
    product intro nearest the minute the team's room was fullest."""
    curve = retention(basis.shows)
    length = sum(s.duration_s for s in plan.segments) / 60
    reach = curve[: max(1, int(length))]
    if not reach:
        return []
    peak = max(range(len(reach)), key=reach.__getitem__)
    rates = _product_rates(basis)
    intros = [
        i
        for i, s in enumerate(plan.segments)
        if s.kind is SegmentKind.PRODUCT_INTRO and s.product_id is not None
    ]
    known = [i for i in intros if _key(plan, i) in rates]
    if not known:
        return []
    prime = min(intros, key=lambda i: abs(starts[i] - peak))
    best = max(known, key=lambda i: rates[_key(plan, i)][0])
    if _key(plan, best) == _key(plan, prime):
        return []
    best_segment, prime_segment = plan.segments[best], plan.segments[prime]
    product = plan.product(best_segment.product_id)
    other = plan.product(prime_segment.product_id)
    return [
        Suggestion(
            SuggestionKind.PRIME_PRODUCT,
            best + 1,
            "advice.prime_product",
            {
                "product": product.name if product else "",
                "per_min_fen": round(rates[_key(plan, best)][0]),
                "other": other.name if other else "",
                "other_per_min_fen": (
                    round(rates[_key(plan, prime)][0]) if _key(plan, prime) in rates else None
                ),
                "minute": peak,
                "to": prime + 1,
            },
            {"move": best_segment.id, "to": prime + 1},
        )
    ]


def _key(plan: ShowPlan, index: int) -> str:
    return product_key(plan.product(plan.segments[index].product_id))


def lengths(
    plan: ShowPlan, shows: Sequence[PastShow], takes: Mapping[int, tuple[int, ...]]
) -> list[Suggestion]:
    """A segment's length from how long it ran in the draft's rehearsal takes and how far its
    kind over- or under-ran its plan in past live runs: the median of those ratios, when it is
    OFF_PLAN or more off and moves the length a minute or more."""
    past: dict[SegmentKind, list[float]] = {}
    for show in shows:
        for s in show.segments:
            if s.ran and s.planned_s > 0:
                past.setdefault(s.kind, []).append(s.seconds / s.planned_s)
    found = []
    for position, segment in enumerate(plan.segments, start=1):
        if segment.duration_s <= 0:
            continue
        own = [t / segment.duration_s for t in takes.get(segment.id, ())]
        ratios = own + past.get(segment.kind, [])
        if not ratios:
            continue
        ratio = median(ratios)
        proposed = max(ROUND_S, round(segment.duration_s * ratio / ROUND_S) * ROUND_S)
        if abs(ratio - 1) < OFF_PLAN or abs(proposed - segment.duration_s) < MIN_CHANGE_S:
            continue
        found.append(
            Suggestion(
                SuggestionKind.LENGTH,
                position,
                "advice.longer" if proposed > segment.duration_s else "advice.shorter",
                {
                    "title": segment.title,
                    "ratio": round(ratio, 4),
                    "takes": len(own),
                    "runs": len(ratios) - len(own),
                    "planned_s": segment.duration_s,
                    "proposed_s": proposed,
                },
                {"segment": segment.id, "duration_s": proposed},
            )
        )
    return found


def _stepped(units: float) -> int:
    return math.ceil(units / STOCK_STEP) * STOCK_STEP


def stock(plan: ShowPlan, shows: Sequence[PastShow]) -> list[Suggestion]:
    """More stock for a product that sold out before (its demand was at least what sold), less
    for one that always sold under a fifth of its stock."""
    sold: dict[str, list[tuple[int, int | None]]] = {}
    for show in shows:
        for line in show.products:
            sold.setdefault(line.key, []).append((line.sold, line.stock))
    found = []
    for product in plan.products:
        past = sold.get(product_key(product))
        if not past or product.stock is None:
            continue
        most = max(units for units, _ in past)
        outs = sum(1 for units, had in past if had and units >= SOLD_OUT * had)
        slow = all(had and units < SLOW * had for units, had in past)
        if outs:
            proposed = _stepped(most * HEADROOM)
            code = "advice.stock_up"
            if proposed <= product.stock:
                continue
        elif slow and most * HEADROOM * 2 < product.stock:
            proposed = _stepped(most * HEADROOM)
            code = "advice.stock_down"
        else:
            continue
        position = next(
            (i for i, s in enumerate(plan.segments, start=1) if s.product_id == product.id), 0
        )
        found.append(
            Suggestion(
                SuggestionKind.STOCK,
                position,
                code,
                {
                    "product": product.name,
                    "stock": product.stock,
                    "proposed": proposed,
                    "most_sold": most,
                    "sold_out": outs,
                    "shows": len(past),
                },
                {"product": product.id, "stock": proposed},
            )
        )
    return found


def add_benefit(plan: ShowPlan, starts: Sequence[float], basis: Basis) -> list[Suggestion]:
    """Where the show's rhythm finding fires (core.rhythm: a stretch without a benefit longer
    than the show's "a benefit every N minutes"): a benefit in the middle of the stretch, of the
    kind that earned most per minute before."""
    earned: dict[SegmentKind, list[float]] = {}
    for show in basis.shows:
        for s in show.segments:
            if s.kind in BENEFITS and s.gmv_fen is not None and s.seconds:
                its = earned.setdefault(s.kind, [0.0, 0.0, 0.0])
                its[0] += s.gmv_fen
                its[1] += s.seconds
                its[2] += 1
    if not earned:
        return []
    kind = max(earned, key=lambda k: earned[k][0] / earned[k][1])
    gmv, seconds, count = earned[kind]
    duration = max(ROUND_S, round(seconds / count / ROUND_S) * ROUND_S)
    every = plan.show.rhythm.every_s
    found = []
    for since, until, inside in stretches_without_benefit(plan):
        if until - since <= every or not inside:
            continue
        at = _position_at(starts, (since + until) / 2 / 60)
        found.append(
            Suggestion(
                SuggestionKind.ADD_BENEFIT,
                at,
                "advice.add_benefit",
                {
                    "kind": kind.value,
                    "from_minute": round(since / 60),
                    "gap": round((until - since) / 60),
                    "every": every // 60,
                    "per_min_fen": round(gmv * 60 / seconds),
                    "at": at,
                },
                {"insert": kind.value, "at": at, "duration_s": duration},
            )
        )
    return found
