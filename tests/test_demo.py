"""The demo show is what the foundation promises a new user: a full, realistic 3-hour plan."""

import itertools
from collections import Counter

from liveplanner.core.enums import PromoKind, Role, SegmentKind
from liveplanner.core.rules import Severity, check
from liveplanner.core.schedule import schedule
from liveplanner.demo import demo_plan


def test_the_demo_is_a_three_hour_douyin_show_with_every_segment_kind() -> None:
    plan = demo_plan()
    assert plan.show.platform == "douyin"
    assert schedule(plan).total_s == 3 * 3600
    assert len(plan.segments) >= 20
    assert set(Counter(s.kind for s in plan.segments)) == set(SegmentKind)


def test_the_demo_has_a_team_products_promos_and_targets() -> None:
    plan = demo_plan()
    assert len(plan.people) == 5
    assert {m.role for m in plan.team} >= {
        Role.HOST,
        Role.CO_HOST,
        Role.FLOOR_CONTROL,
        Role.CUSTOMER_SERVICE,
        Role.OPS,
    }
    assert len(plan.products) >= 6 and all(p.stock for p in plan.products)
    kinds = Counter(p.kind for p in plan.promos)
    assert (
        kinds[PromoKind.COUPON] >= 2
        and kinds[PromoKind.FLASH_SALE] >= 2
        and kinds[PromoKind.LUCKY_DRAW] >= 1
    )
    targets = plan.show.targets
    assert None not in (
        targets.gmv_fen,
        targets.viewers,
        targets.conversion_bp,
        targets.new_followers,
    )
    assert all(s.product_id for s in plan.segments if s.kind is SegmentKind.PRODUCT_INTRO)


def test_the_demo_carries_exactly_its_one_warning_to_fix_and_no_error() -> None:
    findings = check(demo_plan())
    assert [(f.severity, f.code) for f in findings] == [(Severity.WARNING, "discount_over_maximum")]
    assert "编织快充数据线" in findings[0].message


def test_benefits_come_every_15_to_30_minutes() -> None:
    plan = demo_plan()
    benefit_kinds = {SegmentKind.COUPON_DROP, SegmentKind.FLASH_SALE, SegmentKind.LUCKY_DRAW}
    starts = [
        slot.offset_s
        for slot, s in zip(schedule(plan).slots, plan.segments, strict=True)
        if s.kind in benefit_kinds
    ]
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert max(gaps) <= 30 * 60
