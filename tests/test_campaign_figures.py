"""A campaign's figures without Qt or a database: totals, targets, pace with an injected today,
GMV by platform, best and worst kinds and products; missing inputs are None, never 0."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from liveplanner.core.campaign import Campaign, check_campaign
from liveplanner.core.campaign_figures import (
    CampaignShow,
    ProductSums,
    ShowSums,
    campaign_figures,
    kind_figures,
)
from liveplanner.core.comparison import Earning
from liveplanner.core.enums import Platform, SegmentKind
from liveplanner.core.plan import Targets
from liveplanner.core.refused import Refused

SH = ZoneInfo("Asia/Shanghai")


def show(show_id: int, day: int, platform: Platform, gmv_yuan: int | None) -> CampaignShow:
    sums = ShowSums() if gmv_yuan is None else ShowSums(gmv_fen=gmv_yuan * 100, orders=10)
    return CampaignShow(
        show_id, f"show {show_id}", platform, datetime(2026, 11, day, 20, tzinfo=SH), sums
    )


CAMPAIGN = Campaign(1, "双11", date(2026, 11, 1), date(2026, 11, 11), Targets(gmv_fen=400_000_00))
SHOWS = [
    show(1, 1, Platform.DOUYIN, 100_000),
    show(2, 3, Platform.TAOBAO, 50_000),
    show(3, 3, Platform.DOUYIN, None),  # ran, no export yet
    show(4, 10, Platform.DOUYIN, None),
]


def test_a_campaign_s_values_are_checked() -> None:
    assert check_campaign("  双11 ", date(2026, 11, 1), date(2026, 11, 1), Targets()) == "双11"
    with pytest.raises(Refused) as refused:
        check_campaign(" ", date(2026, 11, 1), date(2026, 11, 2), Targets())
    assert refused.value.code == "campaign.bad_title"
    with pytest.raises(Refused) as refused:
        check_campaign("x", date(2026, 11, 2), date(2026, 11, 1), Targets())
    assert refused.value.code == "campaign.ends_before_start"
    with pytest.raises(Refused) as refused:
        check_campaign("x", date(9999, 12, 1), date(9999, 12, 31), Targets())
    assert refused.value.code == "campaign.day_out_of_range"  # no show can be planned then
    with pytest.raises(Refused) as refused:
        check_campaign("x", date(2026, 11, 1), date(2026, 11, 2), Targets(gmv_fen=-1))
    assert refused.value.code == "campaign.negative_target"


def test_totals_sum_the_known_and_leave_the_unknown_none() -> None:
    figures = campaign_figures(CAMPAIGN, SHOWS, today=date(2026, 11, 5))
    assert figures.totals.gmv_fen == 150_000_00
    assert figures.totals.orders == 20
    assert figures.totals.viewers is None  # no show has viewers: not 0
    assert figures.totals.efficiency.uv_value_fen is None
    assert figures.totals.shows == 4 and figures.totals.shows_with_gmv == 2


def test_the_pace_spreads_the_target_evenly_over_the_shows() -> None:
    figures = campaign_figures(CAMPAIGN, SHOWS, today=date(2026, 11, 5))
    pace = [(d.day.day, d.gmv_fen, d.cumulative_fen, d.target_cumulative_fen) for d in figures.pace]
    assert pace == [
        (1, 100_000_00, 100_000_00, 100_000_00),
        (3, 50_000_00, 150_000_00, 300_000_00),
        (10, None, None, 400_000_00),  # after today: no cumulative yet
    ]
    # Show 3 is past without figures: only show 4 remains, and it must bring the whole gap.
    assert figures.remaining_shows == 1
    assert figures.gap_fen == 250_000_00
    assert figures.needed_per_show_fen == 250_000_00


def test_the_clock_decides_which_shows_remain() -> None:
    figures = campaign_figures(CAMPAIGN, SHOWS, today=date(2026, 11, 2))
    assert figures.remaining_shows == 2  # shows 3 and 4
    assert figures.needed_per_show_fen == 125_000_00
    after = campaign_figures(CAMPAIGN, SHOWS, today=date(2026, 11, 12))
    assert after.remaining_shows == 0 and after.needed_per_show_fen is None


def test_without_a_gmv_target_there_is_no_target_pace() -> None:
    plain = Campaign(2, "Q4", date(2026, 10, 1), date(2026, 12, 31))
    figures = campaign_figures(plain, SHOWS, today=date(2026, 11, 5))
    assert all(d.target_cumulative_fen is None for d in figures.pace)
    assert figures.gap_fen is None and figures.needed_per_show_fen is None
    assert figures.targets == ()


def test_targets_met_or_short_including_ceilings() -> None:
    sums = ShowSums(gmv_fen=300_00, unique_viewers=100, ad_spend_fen=100_00)
    campaign = Campaign(
        3,
        "x",
        date(2026, 11, 1),
        date(2026, 11, 2),
        Targets(gmv_fen=400_00, roi_bp=20_000, max_ad_spend_fen=50_00, margin_bp=1000),
    )
    figures = campaign_figures(
        campaign,
        [CampaignShow(1, "a", Platform.DOUYIN, datetime(2026, 11, 1, 20, tzinfo=SH), sums)],
        today=date(2026, 11, 3),
    )
    by_name = {t.name: t for t in figures.targets}
    assert by_name["gmv_fen"].met is False and by_name["gmv_fen"].short_by == 100_00
    assert by_name["roi_bp"].actual == 30_000 and by_name["roi_bp"].met is True
    assert (
        by_name["max_ad_spend_fen"].met is False and by_name["max_ad_spend_fen"].short_by == 50_00
    )
    assert by_name["margin_bp"].actual is None and by_name["margin_bp"].met is None


def test_gmv_by_platform_highest_first() -> None:
    figures = campaign_figures(CAMPAIGN, SHOWS, today=date(2026, 11, 5))
    assert [(p.platform, p.shows, p.gmv_fen) for p in figures.by_platform] == [
        (Platform.DOUYIN, 3, 100_000_00),
        (Platform.TAOBAO, 1, 50_000_00),
    ]


def test_kinds_take_the_comparison_s_earnings_and_the_plans_counts() -> None:
    earnings = [
        Earning(SegmentKind.OPENING.value, shows=1, seconds=600, gmv_fen=3_000),
        Earning(SegmentKind.FLASH_SALE.value, shows=1, seconds=300, gmv_fen=6_000),
    ]
    # Two openings planned (one in a show without GMV), a Q&A nobody's export covers.
    planned = {SegmentKind.OPENING: 2, SegmentKind.FLASH_SALE: 1, SegmentKind.QA: 1}
    kinds = {k.kind: k for k in kind_figures(earnings, planned)}
    assert kinds[SegmentKind.OPENING].gmv_fen == 3_000
    assert kinds[SegmentKind.OPENING].gmv_seconds == 600
    assert kinds[SegmentKind.OPENING].segments == 2
    assert kinds[SegmentKind.FLASH_SALE].gmv_per_min_fen == 6_000 * 60 / 300
    assert kinds[SegmentKind.QA].gmv_fen is None  # no figure, not ¥0
    figures = campaign_figures(CAMPAIGN, SHOWS, date(2026, 11, 5), kinds=list(kinds.values()))
    assert figures.best_kind is not None and figures.best_kind.kind is SegmentKind.FLASH_SALE
    assert figures.worst_kind is not None and figures.worst_kind.kind is SegmentKind.OPENING


def test_refunds_count_only_where_the_gmv_does() -> None:
    with_gmv = CampaignShow(
        1, "a", Platform.DOUYIN, datetime(2026, 11, 1, 20, tzinfo=SH),
        ShowSums(gmv_fen=100_000_00, refunds_fen=1_000_00),
    )  # fmt: skip
    products_only = CampaignShow(
        2, "b", Platform.DOUYIN, datetime(2026, 11, 2, 20, tzinfo=SH),
        ShowSums(refunds_fen=5_000_00),
    )  # fmt: skip
    totals = campaign_figures(CAMPAIGN, [with_gmv, products_only], date(2026, 11, 5)).totals
    assert totals.refunds_fen == 1_000_00
    assert totals.efficiency.net_gmv_fen == 99_000_00


def test_best_and_worst_products_and_none_where_missing() -> None:
    products = [
        ProductSums("面霜", "1", 2, 10, 5_000_00, 100_00),
        ProductSums("口红", "2", 1, 3, 900_00, None),
        ProductSums("赠品", "", 1, None, None, None),
    ]
    figures = campaign_figures(CAMPAIGN, SHOWS, date(2026, 11, 5), products=products)
    assert figures.best_product is not None and figures.best_product.name == "面霜"
    assert figures.worst_product is not None and figures.worst_product.name == "口红"
    empty = campaign_figures(CAMPAIGN, [], date(2026, 11, 5))
    assert empty.best_product is None and empty.worst_kind is None
    assert empty.totals.gmv_fen is None and empty.pace == ()


def test_past_shows_without_figures_are_neither_done_nor_to_come() -> None:
    result = campaign_figures(CAMPAIGN, SHOWS, date(2026, 11, 5))
    assert result.without_figures == (3,) and result.remaining_shows == 1
    assert [result.state(s) for s in result.shows] == [
        "reported",
        "reported",
        "no_figures",
        "to_come",
    ]
    assert result.totals.shows_with_gmv == 2  # show 3 is not a 0 in the GMV so far
    assert CAMPAIGN.runs_on(date(2026, 11, 11)) and not CAMPAIGN.runs_on(date(2026, 11, 12))
