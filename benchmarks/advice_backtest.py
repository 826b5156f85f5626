"""How well advice from history projects a show's GMV (issue 20), measured by a backtest: each
show of a season is left out in turn and projected from the rest (core.advice: its basis and
projection, as `liveplanner advise` does), then compared with what it earned. Reported: the
median absolute error of the show's GMV and of each segment's, against a naive baseline worked
out in the same run (the mean GMV per minute of the other shows times the plan's length, for the
show and for each segment); target: 0.75x the baseline's error or less. Informational: how often
the show's GMV fell inside the projected low-high range.

The season is generated here, with a known model, not by the demo: a segment earns
    BASE x kind x product (intros and flash sales) x slot (the show's start hour)
         x hour of the show x the show's own luck x the segment's own luck, per minute,
the two lucks log-normal (σ SHOW_NOISE and SEGMENT_NOISE). Shows start at afternoon, evening or
late hours on two platforms (the platform itself changes nothing), with 16 to 30 segments of
random kinds, products and lengths, from a seeded generator: every run is the same.

Run: python benchmarks/advice_backtest.py [--quick | --smoke] [--json]
(full: 120 shows; --quick: 60; --smoke: 8).
"""

import random
import statistics
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from figures import Figure, arguments, note, report

from liveplanner.core.advice import (
    History,
    PastSegment,
    PastShow,
    Reason,
    choose_basis,
    product_key,
    project,
)
from liveplanner.core.enums import Platform, SegmentKind
from liveplanner.core.plan import Product, Segment, Show, ShowPlan

TARGET = 0.75
SIZES = {"full": 120, "quick": 60, "smoke": 8}
K = SegmentKind
BASE_FEN = 3_000_00  # per minute
KIND = {
    K.OPENING: 0.2,
    K.PRODUCT_INTRO: 1.0,
    K.COUPON_DROP: 1.6,
    K.FLASH_SALE: 2.4,
    K.LUCKY_DRAW: 0.4,
    K.QA: 0.3,
    K.OTHER: 0.1,
}
SLOT = {13: 0.45, 15: 0.6, 19: 1.2, 20: 1.5, 21: 1.3, 23: 0.8}  # start hour -> effect
HOUR_OF_SHOW = (1.2, 1.0, 0.8, 0.65)  # first hour of the show, second ...
SHOW_NOISE, SEGMENT_NOISE = 0.15, 0.35
PRODUCTS = 12
MIDDLE = (K.PRODUCT_INTRO,) * 5 + (K.COUPON_DROP, K.FLASH_SALE, K.LUCKY_DRAW, K.QA, K.OTHER)
ZONE = ZoneInfo("Asia/Shanghai")


def season(shows: int, seed: int = 2026) -> list[tuple[ShowPlan, list[float]]]:
    """Each show's plan and what each of its segments earned (fen), by the model above."""
    rng = random.Random(seed)
    products = tuple(
        Product(i, f"SKU-{i}", f"Product {i}", stock=None) for i in range(1, PRODUCTS + 1)
    )
    pull = {p.id: rng.lognormvariate(0, 0.6) for p in products}
    made = []
    for number in range(1, shows + 1):
        hour = rng.choice(tuple(SLOT))
        start = datetime(2026, 1, 1, hour, 0, tzinfo=ZONE) + timedelta(days=number)
        platform = Platform.DOUYIN if rng.random() < 0.7 else Platform.TAOBAO
        kinds = [K.OPENING, *(rng.choice(MIDDLE) for _ in range(rng.randint(14, 28))), K.CLOSING]
        segments = []
        for i, kind in enumerate(kinds, start=1):
            product = rng.randint(1, PRODUCTS) if kind in (K.PRODUCT_INTRO, K.FLASH_SALE) else None
            minutes = rng.choice((3, 5, 5, 6, 8, 10)) if kind is not K.CLOSING else 10
            segments.append(Segment(i, kind, f"Segment {i}", minutes * 60, product))
        luck = rng.lognormvariate(0, SHOW_NOISE)
        earned, at = [], 0.0
        for segment in segments:
            minutes = segment.duration_s / 60
            rate = (
                BASE_FEN
                * KIND.get(segment.kind, 0.3)
                * (pull[segment.product_id] if segment.product_id else 1.0)
                * SLOT[hour]
                * HOUR_OF_SHOW[min(len(HOUR_OF_SHOW) - 1, int(at // 60))]
                * luck
                * rng.lognormvariate(0, SEGMENT_NOISE)
            )
            earned.append(rate * minutes)
            at += minutes
        show = Show(number, f"Show {number}", start, platform)
        made.append((ShowPlan(show, tuple(segments), products=products), earned))
    return made


def past(plan: ShowPlan, earned: list[float]) -> PastShow:
    segments, at = [], 0.0
    for segment, gmv in zip(plan.segments, earned, strict=True):
        segments.append(
            PastSegment(
                segment.kind,
                product_key(plan.product(segment.product_id)),
                at,
                segment.duration_s,
                segment.duration_s,
                gmv,
            )
        )
        at += segment.duration_s / 60
    return PastShow(plan.show.id, plan.show.platform, plan.show.planned_start, tuple(segments))


def measure(size: str) -> list[Figure]:
    shows = season(SIZES[size])
    records = [past(plan, earned) for plan, earned in shows]
    ours_show, naive_show, ours_segment, naive_segment = [], [], [], []
    inside = projected = 0
    for index, (plan, earned) in enumerate(shows):
        rest = [r for i, r in enumerate(records) if i != index]
        basis = choose_basis(plan, History(tuple(rest)))
        if isinstance(basis, Reason):
            continue  # too few shows to project from: neither side is scored
        projection = project(plan, basis)
        rate = statistics.mean(
            sum(s.gmv_fen or 0 for s in r.segments) / sum(s.seconds / 60 for s in r.segments)
            for r in rest
        )
        actual = sum(earned)
        minutes = [s.duration_s / 60 for s in plan.segments]
        ours_show.append(abs(projection.gmv.mid_fen - actual))
        naive_show.append(abs(rate * sum(minutes) - actual))
        for segment, gmv, length in zip(projection.segments, earned, minutes, strict=True):
            ours_segment.append(abs(segment.gmv.mid_fen - gmv))
            naive_segment.append(abs(rate * length - gmv))
        inside += projection.gmv.low_fen <= actual <= projection.gmv.high_fen
        projected += 1
    note(f"{len(shows)} shows, {projected} projected, {len(ours_segment)} segments")

    def yuan(errors: list[float]) -> float:
        return statistics.median(errors) / 100 if errors else 0.0

    n = len(shows)
    return [
        Figure(
            f"advice: show GMV, median abs error ({n} shows, each left out)",
            yuan(ours_show),
            "yuan",
            yuan(naive_show),
            TARGET,
        ),
        Figure(
            f"advice: segment GMV, median abs error ({n} shows)",
            yuan(ours_segment),
            "yuan",
            yuan(naive_segment),
            TARGET,
        ),
        Figure(
            "advice: shows whose GMV fell in the projected range",
            100 * inside / projected if projected else 0.0,
            "%",
        ),
    ]


def main() -> None:
    args = arguments()
    report(measure(args.size), args.json)


if __name__ == "__main__":
    main()
