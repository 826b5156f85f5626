"""The new-show templates: the promised length, rhythm and content mix, in both languages."""

import itertools
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from liveplanner.core.enums import ContentCategory, SegmentKind
from liveplanner.core.rhythm import RHYTHM_CODES, stretches_without_benefit
from liveplanner.core.rules import check
from liveplanner.core.schedule import category_mix, schedule
from liveplanner.core.templates import Template, template_plan

START = datetime(2026, 12, 12, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
HOURS = {Template.FLASH_1H: 1, Template.STANDARD_2H: 2, Template.BIG_PROMO_3H: 3}


@pytest.mark.parametrize("template", list(Template))
def test_a_template_fills_its_hours_exactly(template: Template) -> None:
    assert schedule(template_plan(template, "t", START)).total_s == HOURS[template] * 3600


@pytest.mark.parametrize("template", list(Template))
def test_a_template_keeps_the_default_rhythm(template: Template) -> None:
    plan = template_plan(template, "t", START)
    assert [f for f in check(plan) if f.code in RHYTHM_CODES] == []
    first_start, first_benefit, _segments = stretches_without_benefit(plan)[0]
    assert first_start == 0 and first_benefit <= 15 * 60  # early, to keep the first viewers


@pytest.mark.parametrize("template", list(Template))
def test_the_mix_is_near_the_campaign_target_and_intros_are_short(template: Template) -> None:
    plan = template_plan(template, "t", START)
    mix = category_mix(plan.segments)
    assert 0.35 <= mix[ContentCategory.SHOWCASE] <= 0.5
    assert 0.25 <= mix[ContentCategory.PROMOTION] <= 0.4
    assert mix[ContentCategory.INTERACTION] >= 0.1
    assert all(s.duration_s <= 8 * 60 for s in plan.segments if s.kind is SegmentKind.PRODUCT_INTRO)


@pytest.mark.parametrize("template", list(Template))
def test_every_flash_sale_follows_the_intro_of_its_product(template: Template) -> None:
    segments = template_plan(template, "t", START).segments
    for before, segment in itertools.pairwise(segments):
        if segment.kind is SegmentKind.FLASH_SALE:
            assert before.kind is SegmentKind.PRODUCT_INTRO
            assert before.product_id == segment.product_id


def test_a_template_asks_only_for_a_host_until_the_team_is_set() -> None:
    findings = check(template_plan(Template.STANDARD_2H, "t", START))
    assert {f.code for f in findings} == {"intro_without_host"}


def test_titles_follow_the_language() -> None:
    zh = template_plan(Template.FLASH_1H, "t", START, language="zh")
    en = template_plan(Template.FLASH_1H, "t", START, language="en")
    assert zh.segments[2].title == "讲解：商品 1"
    assert en.segments[2].title == "Intro: Product 1"
    assert [p.name for p in en.products] == ["Product 1", "Product 2", "Product 3"]
