"""The show's rhythm, checked as the producer types (issue 20): benefits often enough and not
back to back, product intros short, offers next to their product's intro, and the content mix
near the show's own target. Warnings, not errors: a rhythm is a choice the producer may make.

Each check is a Check of core/rules (a ShowPlan in, Findings out); the limits come from the
show's Rhythm, its defaults where the show sets none. Findings name the segments they are about,
so the editor can select them.
"""

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, timedelta

from liveplanner.core.enums import CATEGORY_OF_KIND, ContentCategory, PromoKind, SegmentKind
from liveplanner.core.finding import Finding, Severity, segment_list
from liveplanner.core.money import BP_PER_WHOLE, format_percent
from liveplanner.core.plan import Segment, ShowPlan, time_zone
from liveplanner.core.schedule import format_duration

BENEFIT_KINDS = frozenset({SegmentKind.COUPON_DROP, SegmentKind.FLASH_SALE, SegmentKind.LUCKY_DRAW})
# A segment of these kinds with a product set is an offer on it; so is a release of a coupon or
# a flash sale tied to a product. Lucky draws and gifts are prizes, not offers.
OFFER_KINDS = frozenset({SegmentKind.COUPON_DROP, SegmentKind.FLASH_SALE})
OFFER_PROMOS = frozenset({PromoKind.COUPON, PromoKind.FLASH_SALE})
# How far the plan's mix may stray from the target before it is said, in basis points (10
# percentage points): the templates land within a few points, and in a 2-hour show one
# 12-minute segment moves a share by 10, a choice worth a second look.
MIX_TOLERANCE_BP = 1_000
MIX_CATEGORIES = (ContentCategory.SHOWCASE, ContentCategory.PROMOTION, ContentCategory.INTERACTION)


@dataclass(frozen=True, slots=True)
class Placed:
    """A segment, its 1-based position and its start and end in seconds from the show's start."""

    position: int
    segment: Segment
    start_s: int
    end_s: int


def placed(plan: ShowPlan) -> list[Placed]:
    at, result = 0, []
    for position, segment in enumerate(plan.segments, start=1):
        result.append(Placed(position, segment, at, at + segment.duration_s))
        at += segment.duration_s
    return result


def _clock(plan: ShowPlan, seconds: int) -> str:
    """HH:MM of the moment `seconds` into the show, in the show's zone."""
    start = plan.show.planned_start.astimezone(UTC) + timedelta(seconds=seconds)
    return start.astimezone(time_zone(plan.show.time_zone)).strftime("%H:%M")


def _segments(stretch: Sequence[Placed]) -> dict[str, object]:
    return {
        "positions": [p.position for p in stretch],
        "titles": [p.segment.title for p in stretch],
    }


def _about(stretch: Sequence[Placed]) -> tuple[int, ...]:
    return tuple(p.segment.id for p in stretch) if len(stretch) > 1 else ()


def stretches_without_benefit(plan: ShowPlan) -> list[tuple[int, int, list[Placed]]]:
    """(start, end, segments) of each stretch between benefits: from the show's start to the
    first benefit, from each benefit's end to the next one's start, and from the last benefit
    to the closing (its final push needs none) or to the end."""
    segments = placed(plan)
    if not segments:
        return []
    benefits = [p for p in segments if p.segment.kind in BENEFIT_KINDS]
    after_last = benefits[-1].end_s if benefits else 0
    closing = next(
        (p for p in segments if p.segment.kind is SegmentKind.CLOSING and p.start_s >= after_last),
        None,
    )
    marks = [0]
    for benefit in benefits:
        marks += [benefit.start_s, benefit.end_s]
    marks.append(closing.start_s if closing else segments[-1].end_s)
    stretches = []
    for start, end in zip(marks[::2], marks[1::2], strict=True):
        inside = [
            p for p in segments if start <= p.start_s < end and p.segment.kind not in BENEFIT_KINDS
        ]
        stretches.append((start, end, inside))
    return stretches


def benefits_too_far_apart(plan: ShowPlan) -> Iterator[Finding]:
    every = plan.show.rhythm.every_s
    for start, end, inside in stretches_without_benefit(plan):
        if end - start <= every or not inside:
            continue
        named = [(p.position, p.segment.title) for p in inside]
        yield Finding(
            Severity.WARNING,
            "benefit_gap",
            "segment",
            inside[0].segment.id,
            None,
            f"no benefit for {format_duration(end - start)}, {_clock(plan, start)} to "
            f"{_clock(plan, end)} (segments {segment_list(named)}); the show wants one every "
            f"{every // 60} minutes",
            {
                "length_s": end - start,
                "start": _clock(plan, start),
                "end": _clock(plan, end),
                "every": every // 60,
                **_segments(inside),
            },
            _about(inside),
        )


def benefits_too_close(plan: ShowPlan) -> Iterator[Finding]:
    rest = plan.show.rhythm.rest_s
    benefits = [p for p in placed(plan) if p.segment.kind in BENEFIT_KINDS]
    for before, benefit in itertools.pairwise(benefits):
        gap = benefit.start_s - before.end_s
        if gap >= rest:
            continue
        yield Finding(
            Severity.WARNING,
            "benefit_too_soon",
            "segment",
            benefit.segment.id,
            "kind",
            f"segment {benefit.position} {benefit.segment.title!r} starts "
            f"{format_duration(gap)} after the benefit of segment {before.position} "
            f"{before.segment.title!r} ended; the show rests {rest // 60} minutes between "
            "benefits",
            {
                "position": benefit.position,
                "title": benefit.segment.title,
                "before_position": before.position,
                "before_title": before.segment.title,
                "gap_s": gap,
                "rest": rest // 60,
            },
            (benefit.segment.id, before.segment.id),
        )


def intros_too_long(plan: ShowPlan) -> Iterator[Finding]:
    limit = plan.show.rhythm.intro_s
    for p in placed(plan):
        if p.segment.kind is SegmentKind.PRODUCT_INTRO and p.segment.duration_s > limit:
            yield Finding(
                Severity.WARNING,
                "intro_too_long",
                "segment",
                p.segment.id,
                "duration_s",
                f"segment {p.position} {p.segment.title!r}: a product intro of "
                f"{format_duration(p.segment.duration_s)}, over the show's limit of "
                f"{limit // 60} minutes",
                {
                    "position": p.position,
                    "title": p.segment.title,
                    "duration_s": p.segment.duration_s,
                    "limit": limit // 60,
                },
            )


def _offered(plan: ShowPlan) -> dict[int, list[int]]:
    """Segment id -> the products offered in it, in the order first offered."""
    offered: dict[int, list[int]] = {}
    for segment in plan.segments:
        if segment.kind in OFFER_KINDS and segment.product_id is not None:
            offered.setdefault(segment.id, []).append(segment.product_id)
    for release in plan.releases:
        promo = plan.promo(release.promo_id)
        if promo is None or promo.kind not in OFFER_PROMOS or promo.product_id is None:
            continue
        products = offered.setdefault(release.segment_id, [])
        if promo.product_id not in products:
            products.append(promo.product_id)
    return offered


def offers_away_from_intros(plan: ShowPlan) -> Iterator[Finding]:
    """DOMAIN: put promo information right before or after a product intro (or in it)."""
    offered = _offered(plan)
    segments = placed(plan)
    for index, p in enumerate(segments):
        near = segments[max(index - 1, 0) : index + 2]
        introduced = {
            n.segment.product_id for n in near if n.segment.kind is SegmentKind.PRODUCT_INTRO
        }
        for product_id in offered.get(p.segment.id, []):
            if product_id in introduced:
                continue
            product = plan.product(product_id)
            name = product.name if product else f"#{product_id}"
            yield Finding(
                Severity.WARNING,
                "offer_away_from_intro",
                "segment",
                p.segment.id,
                "product_id",
                f"segment {p.position} {p.segment.title!r}: the offer on {name!r} is not "
                "right before or after its product intro",
                {"position": p.position, "title": p.segment.title, "product": name},
            )


def mix_shares(segments: Sequence[Segment]) -> tuple[int, int, int] | None:
    """Showcase, promotion and interaction as basis points (in whole per cents) of the time
    spent on the three, the target's terms; None when no time goes to any of them."""
    seconds = dict.fromkeys(MIX_CATEGORIES, 0)
    for segment in segments:
        category = CATEGORY_OF_KIND[segment.kind]
        if category in seconds:
            seconds[category] += segment.duration_s
    total = sum(seconds.values())
    if total == 0:
        return None
    # Whole per cents: the figures a producer reads, and finer than the tolerance.
    showcase, promotion, interaction = (
        round(seconds[c] * 100 / total) * BP_PER_WHOLE // 100 for c in MIX_CATEGORIES
    )
    return showcase, promotion, interaction


def target_shares(plan: ShowPlan) -> dict[ContentCategory, float]:
    """The show's mix target as shares (0..1) of products, promotions and interaction."""
    return {
        category: bp / BP_PER_WHOLE
        for category, bp in zip(MIX_CATEGORIES, plan.show.rhythm.mix_bp, strict=True)
    }


def mix_text(mix: Sequence[int]) -> str:
    """(4000, 3500, 2500) -> '40 / 35 / 25'."""
    return " / ".join(format_percent(bp).rstrip("%") for bp in mix)


def mix_off_target(plan: ShowPlan) -> Iterator[Finding]:
    actual = mix_shares(plan.segments)
    target = plan.show.rhythm.mix_bp
    if actual is None:
        return
    if all(abs(a - t) <= MIX_TOLERANCE_BP for a, t in zip(actual, target, strict=True)):
        return
    yield Finding(
        Severity.WARNING,
        "mix_off_target",
        "show",
        plan.show.id,
        "rhythm_mix_showcase_bp",
        f"content mix {mix_text(actual)}% (products / promotions / interaction) is off the "
        f"show's target of {mix_text(target)}%",
        {"actual": mix_text(actual), "target": mix_text(target)},
    )


RHYTHM_CHECKS = (
    benefits_too_far_apart,
    benefits_too_close,
    intros_too_long,
    offers_away_from_intros,
    mix_off_target,
)
RHYTHM_CODES = frozenset(
    {"benefit_gap", "benefit_too_soon", "intro_too_long", "offer_away_from_intro", "mix_off_target"}
)
"""The codes of the rhythm's findings."""
