"""Each target of the show judged against the review: met, short by how much, over by how much
for a ceiling; retention (watch time, viewers kept) worked out by hand. A target whose actual
the export lacks is not judged: never missed by the whole target."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from liveplanner.core.enums import SegmentKind
from liveplanner.core.plan import Segment, Show, ShowPlan, Targets
from liveplanner.core.review import review
from liveplanner.core.review_figures import TargetName, TargetResult, efficiency
from liveplanner.core.target_judging import CEILINGS, RULES, judge

START = datetime(2026, 11, 11, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
PLAN = ShowPlan(
    show=Show(1, "11.11", START),
    segments=(
        Segment(1, SegmentKind.PRODUCT_INTRO, "lipstick", 120),
        Segment(2, SegmentKind.FLASH_SALE, "flash", 120),
    ),
)
# minute: gmv (fen), orders, unique viewers, views, ad spend (fen), online viewers, watch (s)
MINUTES = [
    (0, 10_000, 2, 100, 200, 5_000, 100, 60),
    (1, 20_000, 3, 50, 100, 5_000, 300, 100),
    (2, 60_000, 6, 40, 300, 10_000, 400, 90),
    (3, 0, 0, 10, 400, 0, 200, 30),
]
NAMES = ("gmv", "orders", "unique_viewers", "views", "ad_spend", "online_viewers", "avg_watch_s")


def frame(leave_out: tuple[str, ...] = ()) -> pd.DataFrame:
    rows = [
        ((START + timedelta(minutes=m)).astimezone(UTC), name, value)
        for m, *values in MINUTES
        for name, value in zip(NAMES, values, strict=True)
        if name not in leave_out
    ]
    table = pd.DataFrame(rows, columns=["minute", "metric", "value"])
    table["minute"] = pd.to_datetime(table["minute"], utc=True)
    return table


def with_targets(**targets: int) -> ShowPlan:
    return replace(PLAN, show=replace(PLAN.show, targets=Targets(**targets)))


def test_a_floor_is_met_at_or_over_it_and_short_by_the_rest_under_it() -> None:
    met = TargetResult(TargetName.ROI, 3.5, 3.5)
    assert met.met is True and met.short_by == 0 and met.over_by is None and met.gap == 0
    short = TargetResult(TargetName.ROI, 3.5, 2.7)
    assert short.met is False and short.short_by == pytest.approx(0.8)
    assert short.gap == pytest.approx(-0.8)


def test_a_ceiling_is_met_at_or_under_it_and_over_by_the_excess() -> None:
    under = TargetResult(TargetName.MAX_AD_SPEND, 10_000, 9_000, ceiling=True)
    assert under.met is True and under.over_by == 0 and under.short_by is None
    over = TargetResult(TargetName.MAX_AD_SPEND, 10_000, 12_000, ceiling=True)
    assert over.met is False and over.over_by == 2_000 and over.short_by is None


def test_no_actual_is_not_judged_never_missed_by_everything() -> None:
    for ceiling in (False, True):
        result = TargetResult(TargetName.GROSS_PROFIT, 100_000, None, ceiling)
        assert result.met is None
        assert result.short_by is None and result.over_by is None and result.gap is None


def test_every_target_field_has_a_rule_and_only_ad_spend_and_refunds_are_ceilings() -> None:
    from dataclasses import fields

    assert len(RULES) == len(fields(Targets)) == len(TargetName)
    assert {TargetName.MAX_AD_SPEND, TargetName.MAX_REFUND} == CEILINGS


def test_the_show_s_targets_judged_by_hand() -> None:
    # GMV ¥900, 200 unique viewers, 11 orders, 1,000 views, ¥200 of ads: UV value ¥4.50,
    # order value ¥81.82, GPM ¥900, ROI 4.5.
    plan = with_targets(
        uv_value_fen=500,  # ¥5: short by ¥0.50
        aov_fen=8_000,  # ¥80: met
        gpm_fen=100_000,  # ¥1,000: short by ¥100
        roi_bp=35_000,  # 3.5: met
        avg_watch_s=90,
        max_ad_spend_fen=15_000,  # ¥150: over by ¥50
        gross_profit_fen=10_000,  # no product figures: not judged
        max_refund_bp=500,  # no refunds: not judged
    )
    results = {r.name: r for r in review(plan, [], frame(), lag=0).targets}
    assert list(results) == [
        TargetName.UV_VALUE,
        TargetName.AOV,
        TargetName.GPM,
        TargetName.ROI,
        TargetName.GROSS_PROFIT,
        TargetName.AVG_WATCH,
        TargetName.MAX_AD_SPEND,
        TargetName.MAX_REFUND,
    ]
    assert results[TargetName.UV_VALUE].short_by == pytest.approx(50)
    assert results[TargetName.AOV].met is True
    assert results[TargetName.GPM].short_by == pytest.approx(10_000)
    assert results[TargetName.ROI].target == pytest.approx(3.5)
    assert results[TargetName.ROI].met is True
    over = results[TargetName.MAX_AD_SPEND]
    assert over.ceiling and over.met is False and over.over_by == 5_000
    for name in (TargetName.GROSS_PROFIT, TargetName.MAX_REFUND):
        assert results[name].actual is None and results[name].met is None


def test_margin_net_gmv_and_refund_rate_come_from_the_product_figures() -> None:
    totals = review(PLAN, [], frame(), lag=0).totals
    money = efficiency(90_000, 11, 9, 200, 1000, 20_000, 30_000, 90_000, 9_000)
    totals = replace(totals, efficiency=money)
    targets = Targets(margin_bp=4_000, net_gmv_fen=80_000, max_refund_bp=1_000)
    results = {r.name: r for r in judge(targets, totals)}
    assert results[TargetName.MARGIN].actual == pytest.approx(1 / 3)
    assert results[TargetName.MARGIN].short_by == pytest.approx(0.4 - 1 / 3)
    assert results[TargetName.NET_GMV].met is True  # ¥810 against ¥800
    refund = results[TargetName.MAX_REFUND]
    assert refund.actual == pytest.approx(0.1) and refund.met is True and refund.over_by == 0


def test_an_export_without_ad_spend_leaves_roi_and_the_ceiling_unjudged() -> None:
    plan = with_targets(roi_bp=20_000, max_ad_spend_fen=1)
    results = review(plan, [], frame(leave_out=("ad_spend",)), lag=0).targets
    assert [r.met for r in results] == [None, None]


def test_a_show_without_a_minute_of_data_in_its_time_judges_nothing() -> None:
    late = frame()
    late["minute"] += pd.Timedelta(days=3)
    plan = with_targets(gmv_fen=1, roi_bp=1, avg_watch_s=1)
    assert [r.actual for r in review(plan, [], late, lag=0).targets] == [None, None, None]


def test_watch_time_is_weighted_by_online_viewers() -> None:
    result = review(PLAN, [], frame(), lag=0)
    # (100×60 + 300×100 + 400×90 + 200×30) / 1,000 viewer-minutes = 78 s
    assert result.totals.avg_watch_s == pytest.approx(78)
    lipstick, flash = result.segments
    assert lipstick.avg_watch_s == pytest.approx((6_000 + 30_000) / 400)
    assert flash.avg_watch_s == pytest.approx((36_000 + 6_000) / 600)


def test_without_online_viewers_watch_time_is_the_plain_average() -> None:
    result = review(PLAN, [], frame(leave_out=("online_viewers",)), lag=0)
    assert result.totals.avg_watch_s == pytest.approx((60 + 100 + 90 + 30) / 4)
    assert all(s.viewers_kept is None for s in result.segments)


def test_viewers_kept_from_a_segment_s_first_minute_to_its_last() -> None:
    lipstick, flash = review(PLAN, [], frame(), lag=0).segments
    assert lipstick.viewers_kept == pytest.approx(3.0)  # 100 -> 300: drew people in
    assert flash.viewers_kept == pytest.approx(0.5)  # 400 -> 200: lost half


def test_no_watch_series_is_none_not_zero() -> None:
    result = review(PLAN, [], frame(leave_out=("avg_watch_s",)), lag=0)
    assert result.totals.avg_watch_s is None
    assert all(s.avg_watch_s is None for s in result.segments)


def test_a_segment_with_one_reading_keeps_no_figure() -> None:
    one_minute = frame()
    one_minute = one_minute[one_minute["minute"] != pd.Timestamp(START + timedelta(minutes=1))]
    lipstick, _flash = review(PLAN, [], one_minute, lag=0).segments
    assert lipstick.viewers_kept is None
    assert lipstick.avg_watch_s == pytest.approx(60)
