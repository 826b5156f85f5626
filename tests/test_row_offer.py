"""What a segment's row sells at, without Qt: a flash-sale row shows its sale, not the product."""

import json
from dataclasses import replace

import pytest

from liveplanner.app.demo import demo_plan
from liveplanner.core.enums import SegmentKind
from liveplanner.core.plan import Release
from liveplanner.core.row_offer import row_offer


def test_a_flash_sale_row_gives_the_sales_price_and_units_not_the_products() -> None:
    plan = demo_plan()
    cable_sale = next(s for s in plan.segments if s.title == "9.9元数据线秒杀·第一波")
    product = plan.product(cable_sale.product_id)
    offer = row_offer(plan, cable_sale)
    assert offer.flash and offer.sale is not None and offer.sale.name == "9.9元数据线秒杀"
    assert (offer.price_fen, offer.units) == (990, 1000)
    assert (product.live_price_fen, product.stock) != (990, 1000)


def test_a_product_row_gives_the_products_live_price_and_stock() -> None:
    plan = demo_plan()
    intro = next(s for s in plan.segments if s.kind is SegmentKind.PRODUCT_INTRO)
    product = plan.product(intro.product_id)
    offer = row_offer(plan, intro)
    assert not offer.flash and offer.sale is None
    assert (offer.price_fen, offer.units) == (product.live_price_fen, product.stock)


def test_a_flash_sale_row_before_any_release_takes_its_products_one_sale_without_units() -> None:
    plan = demo_plan()
    sale_row = next(s for s in plan.segments if s.title == "手机壳24.9元秒杀")
    plan = replace(plan, releases=tuple(r for r in plan.releases if r.segment_id != sale_row.id))
    offer = row_offer(plan, sale_row)
    assert offer.flash and offer.sale is not None and offer.sale.special_price_fen == 2490
    assert offer.units is None and offer.releases == ()


def test_two_sales_in_one_segment_give_their_units_and_no_single_price() -> None:
    plan = demo_plan()
    row = next(s for s in plan.segments if s.title == "手机壳24.9元秒杀")
    other = next(p for p in plan.promos if p.name == "充电宝99元秒杀")
    extra = Release(999, other.id, row.id, 60, 50)
    offer = row_offer(replace(plan, releases=(*plan.releases, extra)), row)
    assert offer.flash and offer.sale is None and offer.price_fen is None
    assert offer.units == 600 + 50


def test_liveplanner_show_prints_a_flash_sale_rows_sale_price_and_units(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from liveplanner.cli.main import main

    assert main(["--database", sqlite_url, "demo", "--json"]) == 0
    show_id = json.loads(capsys.readouterr().out)["show_id"]
    assert main(["--database", sqlite_url, "show", str(show_id)]) == 0
    lines = capsys.readouterr().out.splitlines()
    sale = next(line for line in lines if "9.9元数据线秒杀·第一波" in line)
    intro = next(line for line in lines if "讲解" in line and "磁吸无线充电宝" in line)
    assert sale.split()[-3:-1] == ["9.90", "1000"]  # the sale's price and units
    assert intro.split()[-3:-1] == ["129", "3000"]  # the product's live price and stock

    assert main(["--database", sqlite_url, "show", str(show_id), "--json"]) == 0
    segments = json.loads(capsys.readouterr().out)["segments"]
    first_wave = next(s for s in segments if s["title"] == "9.9元数据线秒杀·第一波")
    assert (first_wave["price_fen"], first_wave["stock"]) == (990, 1000)
    assert first_wave["flash_sale"] == "9.9元数据线秒杀"
