"""Whether the show paid, per show and per segment: UV value, order value, GPM, conversion, ad
spend and ROI, from a fixture small enough to work out by hand; None (never 0) where an input
is missing or the figure would divide by zero."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from liveplanner.core.enums import SegmentKind
from liveplanner.core.plan import Segment, Show, ShowPlan
from liveplanner.core.review import review
from liveplanner.core.review_figures import efficiency

START = datetime(2026, 11, 11, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
# Two 2-minute segments; sales credited without lag so each minute is its own segment's.
PLAN = ShowPlan(
    show=Show(1, "11.11", START),
    segments=(
        Segment(1, SegmentKind.PRODUCT_INTRO, "lipstick", 120),
        Segment(2, SegmentKind.FLASH_SALE, "flash", 120),
    ),
)
# minute: gmv (fen), orders, buyers, unique viewers, views, ad spend (fen)
MINUTES = [
    (0, 10_000, 2, 2, 100, 200, 5_000),
    (1, 20_000, 3, 2, 50, 100, 5_000),
    (2, 60_000, 6, 5, 40, 300, 10_000),
    (3, 0, 0, 0, 10, 400, 0),
]
NAMES = ("gmv", "orders", "buyers", "unique_viewers", "views", "ad_spend")


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


def test_the_show_s_efficiency_worked_out_by_hand() -> None:
    show = review(PLAN, [], frame(), lag=0).totals.efficiency
    # GMV ¥900 from 200 unique viewers, 11 orders, 9 buyers, 1,000 views, ¥200 of ads.
    assert show.uv_value_fen == pytest.approx(90_000 / 200)
    assert show.aov_fen == pytest.approx(90_000 / 11)
    assert show.aov_per_buyer_fen == pytest.approx(90_000 / 9)
    assert show.gpm_fen == pytest.approx(90_000 * 1000 / 1000)
    assert show.conversion == pytest.approx(9 / 200)
    assert show.ad_spend_fen == 20_000
    assert show.roi == pytest.approx(4.5)


def test_each_segment_s_efficiency_and_their_sums_make_the_show_s() -> None:
    result = review(PLAN, [], frame(), lag=0)
    lipstick, flash = (s.efficiency for s in result.segments)
    assert lipstick.uv_value_fen == pytest.approx(30_000 / 150)
    assert lipstick.roi == pytest.approx(3.0) and lipstick.ad_spend_fen == 10_000
    assert flash.aov_fen == pytest.approx(60_000 / 6)
    assert flash.conversion == pytest.approx(5 / 50)
    assert flash.roi == pytest.approx(6.0) and flash.ad_spend_fen == 10_000
    spent = [s.efficiency.ad_spend_fen for s in result.segments]
    assert sum(x for x in spent if x is not None) == result.totals.efficiency.ad_spend_fen


def test_an_export_without_ad_spend_has_no_roi_not_zero() -> None:
    show = review(PLAN, [], frame(leave_out=("ad_spend",)), lag=0).totals.efficiency
    assert show.ad_spend_fen is None and show.roi is None
    assert show.uv_value_fen == pytest.approx(450)  # the rest is still worked out


def test_a_figure_that_would_divide_by_zero_is_none() -> None:
    figures = efficiency(0, 0, 0, 0, 0, 0)
    assert figures.aov_fen is None and figures.uv_value_fen is None and figures.roi is None
    assert figures.ad_spend_fen == 0  # nothing was spent: that is a figure
    assert efficiency(None, 3, 2, 10, 10, 100).roi is None  # no GMV series: no ROI
