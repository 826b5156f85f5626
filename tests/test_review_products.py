"""Which products carried the show (issue 19): per-product figures from the product export beside
the plan's stock, price and unit cost, and each product's items sold and gross profit shared over
the segments that pitched it, on a fixture small enough to work out by hand. The per-product
and per-segment figures add up to the show's totals; a missing input is None, never 0."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from liveplanner.core.enums import SegmentKind
from liveplanner.core.plan import Product, Segment, Show, ShowPlan
from liveplanner.core.product_figures import largest_remainder, product_figures
from liveplanner.core.product_sales import ProductSales
from liveplanner.core.review import review

START = datetime(2026, 11, 11, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
LIPSTICK, SERUM, MASK = 1, 2, 3
# Three products (fen). Lipstick: ¥99 live, ¥40 cost: ¥59 a unit. Serum: ¥199 live, ¥159 cost:
# ¥40 a unit. Mask: no live price (list ¥50) and no unit cost: its gross profit is unknown.
PRODUCTS = (
    Product(LIPSTICK, "LS-1", "Lipstick", 12_900, 9_900, 4_000, stock=100),
    Product(SERUM, "SR-1", "Serum", 25_900, 19_900, 15_900, stock=200),
    Product(MASK, "MK-1", "Mask", 5_000, None, None, stock=50),
)
# Three segments: 10 min on the lipstick, 5 on the serum, a 5-minute flash sale of the lipstick
# again. No segment pitches the mask.
PLAN = ShowPlan(
    show=Show(1, "11.11", START),
    segments=(
        Segment(11, SegmentKind.PRODUCT_INTRO, "Lipstick intro", 600, product_id=LIPSTICK),
        Segment(12, SegmentKind.PRODUCT_INTRO, "Serum intro", 300, product_id=SERUM),
        Segment(13, SegmentKind.FLASH_SALE, "Lipstick flash sale", 300, product_id=LIPSTICK),
    ),
    products=PRODUCTS,
)
# The product export (商品明细): row, name, link, product, clicks, sold, GMV, refunds.
LINES = (
    ProductSales(
        2, "Lipstick", "3581", LIPSTICK, clicks=400, sold=100, gmv_fen=990_000, refunds_fen=19_800
    ),
    ProductSales(
        3, "Serum", "3582", SERUM, clicks=600, sold=30, gmv_fen=597_000, refunds_fen=19_900
    ),
    ProductSales(4, "Mask", "3583", MASK, clicks=None, sold=25, gmv_fen=125_000),
)
# Minute GMV (fen), credited with no lag: the lipstick's 10 minutes ¥660 each (¥6,600), the
# serum's 5 ¥1,194 each (¥5,970), the flash sale's 5 ¥910 each (¥4,550): ¥17,120 in all, the
# export's ¥9,900 + ¥5,970 + ¥1,250.
GMV_PER_MINUTE = [66_000] * 10 + [119_400] * 5 + [91_000] * 5


def minutes() -> pd.DataFrame:
    table = pd.DataFrame(
        [
            ((START + timedelta(minutes=m)).astimezone(UTC), "gmv", value)
            for m, value in enumerate(GMV_PER_MINUTE)
        ],
        columns=["minute", "metric", "value"],
    )
    table["minute"] = pd.to_datetime(table["minute"], utc=True)
    return table


def test_each_product_s_figures_worked_out_by_hand() -> None:
    result = review(PLAN, [], minutes(), lag=0, product_sales=LINES)
    lipstick, serum, mask = result.products
    assert [p.name for p in result.products] == ["Lipstick", "Serum", "Mask"]
    # Lipstick: 100 of 100 sold (sold out), 100 / 400 clicks, 100 x ¥59 = ¥5,900 gross profit,
    # pitched by segments 1 and 3.
    assert (lipstick.stock, lipstick.sold, lipstick.link) == (100, 100, "3581")
    assert lipstick.sell_through == pytest.approx(1.0)
    assert lipstick.conversion == pytest.approx(0.25)
    assert lipstick.gmv_fen == 990_000 and lipstick.refunds_fen == 19_800
    assert lipstick.gross_profit_fen == 100 * (9_900 - 4_000) == 590_000
    assert lipstick.segments == (1, 3)
    assert lipstick.sold_out and not lipstick.under_20 and not lipstick.not_in_plan
    # Serum: 30 of 200 (15 %: under 20 %), 30 / 600 clicks = 5 %, 30 x ¥40 = ¥1,200.
    assert serum.sell_through == pytest.approx(0.15)
    assert serum.conversion == pytest.approx(0.05)
    assert serum.gross_profit_fen == 30 * (19_900 - 15_900) == 120_000
    assert serum.segments == (2,)
    assert serum.under_20 and not serum.sold_out
    # Mask: 25 of 50 (50 %), no click figure and no unit cost: None, not 0; no segment.
    assert mask.sell_through == pytest.approx(0.5)
    assert mask.clicks is None and mask.conversion is None
    assert mask.gross_profit_fen is None
    assert mask.segments == ()
    assert not (mask.sold_out or mask.under_20)
    assert result.unmatched_products == ()


def test_each_segment_s_share_worked_out_by_hand() -> None:
    result = review(PLAN, [], minutes(), lag=0, product_sales=LINES)
    intro, serum, flash = result.segments
    # The lipstick was pitched by segment 1 (credited ¥6,600 of minute GMV) and segment 3
    # (¥4,550): shares 660/1115 and 455/1115, as they sold, not as long as they ran.
    # Items: 59.19 and 40.81 -> 59 and 40, the unit left to the larger remainder (segment 3).
    assert (intro.items_sold, flash.items_sold) == (59, 41)
    # Gross profit ¥5,900: 349,237.67 and 240,762.33 fen, the fen left to segment 1.
    assert (intro.gross_profit_fen, flash.gross_profit_fen) == (349_238, 240_762)
    # The serum was pitched by segment 2 alone.
    assert (serum.items_sold, serum.gross_profit_fen) == (30, 120_000)
    # Margin: the share of profit over the share of the GMV it was made on (¥9,900 shared the
    # same way: 586,008.97 and 403,991.03 fen -> 586,009 and 403,991).
    assert intro.efficiency.margin == pytest.approx(349_238 / 586_009)
    assert serum.efficiency.margin == pytest.approx(120_000 / 597_000)
    # Refunds shared the same way (the lipstick's ¥198: ¥117.20 and ¥80.80), net of the minute
    # GMV.
    assert intro.efficiency.refunds_fen == 11_720 and flash.efficiency.refunds_fen == 8_080
    assert intro.efficiency.net_gmv_fen == 660_000 - 11_720
    assert serum.efficiency.net_gmv_fen == 597_000 - 19_900
    assert flash.efficiency.net_gmv_fen == 455_000 - 8_080


def test_products_and_segments_add_up_to_the_show_s_totals() -> None:
    result = review(PLAN, [], minutes(), lag=0, product_sales=LINES)
    show = result.totals.efficiency
    # Gross profit ¥5,900 + ¥1,200 = ¥7,100 (the mask's is unknown) on the GMV of the same
    # two products, ¥9,900 + ¥5,970 = ¥15,870.
    assert show.gross_profit_fen == 710_000
    assert show.margin == pytest.approx(710_000 / 1_587_000)
    # Refunds ¥198 + ¥199 = ¥397; net GMV ¥17,120 - ¥397.
    assert show.refunds_fen == 39_700
    assert show.net_gmv_fen == 1_712_000 - 39_700
    # The products add up to the show: items, GMV (the minute export's too), refunds, profit.
    products = result.products
    assert sum(p.sold or 0 for p in products) == 155
    assert sum(p.gmv_fen or 0 for p in products) == result.totals.gmv_fen == 1_712_000
    assert sum(p.refunds_fen or 0 for p in products) == show.refunds_fen
    assert sum(p.gross_profit_fen or 0 for p in products) == show.gross_profit_fen
    # The segments add up to the show: gross profit, refunds and net GMV exactly; items sold
    # with the mask's 25, which no segment pitched (67 + 30 + 33 + 25 = 155).
    segments = result.segments
    assert sum(s.gross_profit_fen or 0 for s in segments) == show.gross_profit_fen
    assert sum(s.efficiency.refunds_fen or 0 for s in segments) == show.refunds_fen
    assert sum(s.efficiency.net_gmv_fen or 0 for s in segments) == show.net_gmv_fen
    unpitched = sum(p.sold or 0 for p in products if not p.segments)
    assert sum(s.items_sold or 0 for s in segments) + unpitched == 155


def test_a_line_matched_to_no_product_counts_in_the_show_and_no_segment() -> None:
    extra = ProductSales(5, "Gift bag", "", None, clicks=20, sold=5, gmv_fen=0, refunds_fen=500)
    result = review(PLAN, [], minutes(), lag=0, product_sales=(*LINES, extra))
    (gift,) = result.unmatched_products
    assert gift.not_in_plan and gift.name == "Gift bag"
    assert gift.stock is None and gift.sell_through is None and gift.gross_profit_fen is None
    assert gift.conversion == pytest.approx(0.25)
    assert result.totals.efficiency.refunds_fen == 39_700 + 500
    assert sum(s.items_sold or 0 for s in result.segments) == 130  # unchanged


def test_without_a_product_export_every_product_figure_is_none() -> None:
    result = review(PLAN, [], minutes(), lag=0)
    assert result.products == () and result.unmatched_products == ()
    assert all(s.items_sold is None and s.gross_profit_fen is None for s in result.segments)
    show = result.totals.efficiency
    assert show.gross_profit_fen is None and show.margin is None
    assert show.refunds_fen is None and show.net_gmv_fen is None


def test_a_product_the_export_left_out_has_no_figures_not_zero() -> None:
    result = review(PLAN, [], minutes(), lag=0, product_sales=LINES[:1])
    _lipstick, serum, _mask = result.products
    assert serum.sold is None and serum.sell_through is None and serum.gross_profit_fen is None
    assert not serum.under_20 and not serum.sold_out
    assert result.segments[1].items_sold is None


def test_segments_that_never_ran_share_equally() -> None:
    sold = product_figures(PLAN, LINES, {11: 0, 12: 0, 13: 0})
    assert (sold.per_segment[11].items_sold, sold.per_segment[13].items_sold) == (50, 50)


@pytest.mark.parametrize(
    ("total", "weights", "shares"),
    [
        (100, [2, 1], [67, 33]),
        (10, [1, 1, 1], [4, 3, 3]),  # equal remainders: the first takes the unit
        (-7, [1, 1], [-4, -3]),  # a loss is shared as its size
        (0, [3, 1], [0, 0]),
        (5, [0, 0], [3, 2]),  # no weight at all: equal shares
    ],
)
def test_largest_remainder_shares_add_up(total: int, weights: list[int], shares: list[int]) -> None:
    assert largest_remainder(total, [float(w) for w in weights]) == shares
    assert sum(shares) == total


def test_gross_profit_is_worked_from_what_the_items_sold_for_not_the_plan_s_price() -> None:
    # 100 lipsticks sold with coupons for ¥7,000 in all (¥70 each, under the ¥99 live price):
    # ¥7,000 - 100 x ¥40 cost = ¥3,000, not the ¥5,900 the plan's price would claim.
    discounted = (ProductSales(2, "Lipstick", "3581", LIPSTICK, sold=100, gmv_fen=700_000),)
    (lipstick, _, _) = product_figures(PLAN, discounted).products
    assert lipstick.gross_profit_fen == 700_000 - 100 * 4_000 == 300_000
    # Without the product's GMV in the export, the plan's live price is all there is.
    no_gmv = (ProductSales(2, "Lipstick", "3581", LIPSTICK, sold=100),)
    assert product_figures(PLAN, no_gmv).products[0].gross_profit_fen == 590_000


def test_without_a_segment_s_gmv_the_shares_go_by_seconds() -> None:
    # The minute export stops before the flash sale: it has no GMV figure, so the lipstick is
    # shared by pitched seconds, 600 s and 300 s: 66.67 and 33.33 items -> 67 and 33.
    short = minutes().iloc[:15]
    result = review(PLAN, [], short, lag=0, product_sales=LINES)
    intro, _, flash = result.segments
    assert flash.gmv_fen is None
    assert (intro.items_sold, flash.items_sold) == (67, 33)
