"""Team templates and the product library's rules, without a database or Qt."""

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from liveplanner.core.enums import Platform, ShowStatus
from liveplanner.core.library import (
    LibraryProduct,
    ProductHistory,
    gmv_per_pitched_minute,
    matching_product,
    show_product,
)
from liveplanner.core.plan import Product, ShowPlan
from liveplanner.core.refused import Refused
from liveplanner.core.team_templates import show_from_template, template_from_show, template_name
from liveplanner.core.templates import Template, template_plan

SH = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 11, 11, 20, tzinfo=SH)


def _approved_plan() -> ShowPlan:
    plan = template_plan(Template.STANDARD_2H, "双11", START, Platform.DOUYIN, language="zh")
    show = replace(
        plan.show,
        status=ShowStatus.APPROVED,
        planned_end=START + timedelta(hours=2),
        hard_stop=START + timedelta(hours=2, minutes=30),
        notes="主播嗓子哑，少讲",
    )
    return replace(plan, show=show)


def test_a_template_without_products_drops_them_and_every_link_to_them() -> None:
    plan = _approved_plan()
    kept = template_from_show(plan, with_products=False)
    assert kept.products == ()
    assert all(s.product_id is None for s in kept.segments)
    assert all(p.product_id is None for p in kept.promos)
    assert [s.title for s in kept.segments] == [s.title for s in plan.segments]
    assert kept.duties == plan.duties and len(kept.promos) == len(plan.promos)
    assert kept.show.status is ShowStatus.DRAFT and kept.show.targets == plan.show.targets
    assert kept.show.notes == ""  # this show's own notes stay with it


def test_a_template_with_products_keeps_them_linked() -> None:
    plan = _approved_plan()
    kept = template_from_show(plan, with_products=True)
    assert kept.products == plan.products and kept.segments == plan.segments
    assert kept.show.status is ShowStatus.DRAFT


def test_a_show_from_a_template_moves_its_end_and_stop_with_its_start() -> None:
    template = template_from_show(_approved_plan(), with_products=False)
    start = datetime(2026, 12, 12, 19, 30, tzinfo=SH)
    made = show_from_template(template, "双12", start, Platform.TAOBAO, "Asia/Shanghai")
    assert (made.show.title, made.show.planned_start, made.show.platform) == (
        "双12",
        start,
        Platform.TAOBAO,
    )
    assert made.show.planned_end == start + timedelta(hours=2)
    assert made.show.hard_stop == start + timedelta(hours=2, minutes=30)
    assert made.segments == template.segments and made.show.status is ShowStatus.DRAFT


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("  ", "template.bad_name"),
        ("x" * 201, "template.bad_name"),
        ("flash_1h", "template.built_in_name"),
        ("Flash_1H", "template.built_in_name"),  # `--template FLASH_1H` would be ambiguous
        ("a\x01b\nc", "template.bad_name"),
        ("\u200b", "template.bad_name"),  # an invisible name
    ],
)
def test_a_template_name_out_of_bounds_or_a_built_in_one_is_refused(name: str, code: str) -> None:
    with pytest.raises(Refused) as refused:
        template_name(name)
    assert refused.value.code == code
    assert template_name("  周末专场 ") == "周末专场"


def test_a_library_product_is_found_by_link_number_then_by_name() -> None:
    products = [Product(1, "012", "Lip Balm"), Product(2, "", "面霜"), Product(3, "7", "面霜")]
    assert matching_product(LibraryProduct(1, "Other name", "12"), products) == products[0]
    assert matching_product(LibraryProduct(1, "lip  balm"), products) == products[0]
    # Two of the show's products are called 面霜: neither is guessed.
    assert matching_product(LibraryProduct(1, "面霜"), products) is None
    assert matching_product(LibraryProduct(1, "面霜", "7"), products) == products[2]
    assert matching_product(LibraryProduct(1, "Serum"), products) is None


def test_a_picked_product_copies_the_library_and_leaves_stock_to_the_producer() -> None:
    picked = show_product(LibraryProduct(4, "Lip Balm", "L-1", 59_00, 12_00))
    assert (picked.name, picked.sku, picked.list_price_fen, picked.unit_cost_fen) == (
        "Lip Balm",
        "L-1",
        59_00,
        12_00,
    )
    assert picked.stock is None and picked.live_price_fen is None


def test_sell_through_is_none_where_stock_or_sold_is_missing_never_zero() -> None:
    def line(stock: int | None, sold: int | None) -> ProductHistory:
        return ProductHistory(1, "x", START, Platform.DOUYIN, 1, stock, sold, None)

    assert line(200, 150).sell_through == 0.75
    assert line(None, 150).sell_through is None
    assert line(200, None).sell_through is None
    assert line(0, 5).sell_through is None
    assert line(200, 0).sell_through == 0


def test_gmv_per_pitched_minute_counts_only_segments_with_gmv() -> None:
    assert gmv_per_pitched_minute([(600_00, 300), (None, 600), (300_00, 300)]) == 900_00 / 10
    assert gmv_per_pitched_minute([(None, 300)]) is None
    assert gmv_per_pitched_minute([]) is None
