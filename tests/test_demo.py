"""The demo show is what the foundation promises a new user: a full, realistic 3-hour plan."""

import itertools
from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pandas as pd

from liveplanner.app.demo import create_demo, demo_plan
from liveplanner.core.enums import PromoKind, Role, RunEventKind, RunKind, SegmentKind
from liveplanner.core.rules import Severity, check
from liveplanner.core.schedule import schedule
from liveplanner.storage.database import Database
from liveplanner.storage.runs import list_runs
from liveplanner.storage.samples import load_metrics
from liveplanner.storage.shows import load_plan


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


def test_the_demo_carries_exactly_its_warnings_to_fix_and_no_error() -> None:
    findings = check(demo_plan())
    assert [(f.severity, f.code) for f in findings] == [
        (Severity.WARNING, "discount_over_maximum"),
        *[(Severity.WARNING, "offer_away_from_intro")] * 3,
    ]
    assert "编织快充数据线" in findings[0].message
    # Its own rhythm holds (benefits in blocks, a 10-minute flagship intro); three flash sales
    # stand apart from their product's intro.
    assert [f.params["position"] for f in findings[1:]] == [6, 18, 22]


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


def test_the_demo_live_run_has_minute_metrics_shaped_like_a_real_show(db: Database) -> None:
    show_id = create_demo(db)
    plan = load_plan(db, show_id)
    zone = ZoneInfo(plan.show.time_zone)
    wide = load_metrics(db, show_id).pivot(index="minute", columns="metric", values="value")
    wide.index = wide.index.tz_convert(zone)
    assert set(wide.columns) >= {"online_viewers", "gmv", "orders", "comments", "new_followers"}
    viewers = wide["online_viewers"]
    start = viewers.index[0]
    first, settled = viewers.iloc[0], viewers[start + timedelta(minutes=30) :].median()
    assert first < settled / 5  # viewers build over the first half hour

    # Orders jump a minute or two after a flash sale opens, against the show's typical minute.
    live = next(r for r in list_runs(db, show_id) if r.kind is RunKind.LIVE)
    starts: dict[int | None, datetime] = {}
    for event in live.events:
        if event.kind is RunEventKind.SEGMENT_STARTED:
            starts.setdefault(event.segment_id, event.wall_time)
    orders = wide["orders"]
    for segment in plan.segments:
        if segment.kind is SegmentKind.FLASH_SALE:
            opened = starts[segment.id].astimezone(zone).replace(second=0)
            after = orders[opened + timedelta(minutes=1) : opened + timedelta(minutes=3)]
            assert after.max() > 3 * orders.median(), segment.title

    # The stream hiccup of the live run left minutes without data, as exports do.
    every = pd.date_range(wide.index[0], wide.index[-1], freq="min")
    assert 1 <= len(every.difference(wide.index)) <= 3
