"""Every limit check, each with a plan that holds the limit and one that breaks it (the show's
rhythm, also checked by `check`, has its own tests in test_rhythm)."""

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from liveplanner.core.enums import PromoKind, Role, SegmentKind
from liveplanner.core.plan import (
    Duty,
    Person,
    Product,
    Promo,
    Release,
    Segment,
    Show,
    ShowPlan,
    TeamMember,
)
from liveplanner.core.rhythm import RHYTHM_CODES
from liveplanner.core.rules import Finding, Severity, check, price_floor, shortened
from liveplanner.core.templates import Template, template_plan

START = datetime(2026, 11, 11, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
ANNA, BO = 1, 2
CABLE = 10
COUPON, FLASH = 20, 21
INTRO, DROP, SALE = 30, 31, 32


def clean_plan() -> ShowPlan:
    """A small plan that breaks no limit: the baseline every test changes one thing in."""
    return ShowPlan(
        show=Show(
            id=1,
            title="test show",
            planned_start=START,
            max_discount_bp=6000,
            min_margin_bp=1000,
            planned_end=START + timedelta(minutes=30),
            hard_stop=START + timedelta(minutes=40),
        ),
        people=(Person(ANNA, "Anna"), Person(BO, "Bo")),
        team=(TeamMember(1, ANNA, Role.HOST), TeamMember(2, BO, Role.FLOOR_CONTROL)),
        products=(Product(CABLE, "C1", "cable", 4900, 1990, 600, 1000),),
        segments=(
            Segment(
                INTRO, SegmentKind.PRODUCT_INTRO, "cable intro", 600, CABLE, roles={Role.HOST: ANNA}
            ),
            Segment(DROP, SegmentKind.COUPON_DROP, "coupons", 300, roles={Role.FLOOR_CONTROL: BO}),
            Segment(SALE, SegmentKind.FLASH_SALE, "flash sale", 300, CABLE),
        ),
        promos=(
            Promo(COUPON, PromoKind.COUPON, "99-15", None, 500, 1500, None, 9900, 1, 750000),
            Promo(FLASH, PromoKind.FLASH_SALE, "cable 19.9", CABLE, 600, None, 1990, None, 2),
        ),
        releases=(
            Release(1, COUPON, DROP, 30, 500),
            Release(2, FLASH, SALE, 10, 600),
        ),
        duties=(Duty(1, DROP, 30, "release 500 coupons", Role.FLOOR_CONTROL),),
    )


def limit_findings(plan: ShowPlan) -> list[Finding]:
    """What `check` finds, less the rhythm's findings: a plan this small keeps no rhythm."""
    return [f for f in check(plan) if f.code not in RHYTHM_CODES]


def only(plan: ShowPlan) -> Finding:
    findings = limit_findings(plan)
    assert len(findings) == 1, findings
    return findings[0]


def test_the_clean_plan_has_no_findings() -> None:
    assert limit_findings(clean_plan()) == []


def with_promo(plan: ShowPlan, promo_id: int, **changes: object) -> ShowPlan:
    promos = tuple(replace(p, **changes) if p.id == promo_id else p for p in plan.promos)
    return replace(plan, promos=promos)


def with_product(plan: ShowPlan, **changes: object) -> ShowPlan:
    return replace(plan, products=tuple(replace(p, **changes) for p in plan.products))


def with_segment(plan: ShowPlan, segment_id: int, **changes: object) -> ShowPlan:
    segments = tuple(replace(s, **changes) if s.id == segment_id else s for s in plan.segments)
    return replace(plan, segments=segments)


def test_releasing_more_coupons_than_the_promo_has_is_an_error() -> None:
    plan = with_promo(clean_plan(), COUPON, budget_fen=None)
    plan = replace(plan, releases=(*plan.releases, Release(3, COUPON, SALE, 0, 1)))
    finding = only(plan)
    assert (finding.severity, finding.code, finding.entity_id) == (
        Severity.ERROR,
        "releases_over_quantity",
        COUPON,
    )
    assert "release 501, only 500 available" in finding.message


def test_releasing_exactly_the_quantity_is_fine() -> None:
    assert limit_findings(with_promo(clean_plan(), COUPON, quantity=500)) == []


def test_flash_sale_units_over_the_products_stock_is_an_error() -> None:
    finding = only(with_product(clean_plan(), stock=599))
    assert (finding.code, finding.entity, finding.field) == (
        "flash_sales_over_stock",
        "product",
        "stock",
    )
    assert "need 600 units, stock for the show is 599" in finding.message


def test_flash_sale_without_releases_counts_its_quantity_against_stock() -> None:
    plan = replace(clean_plan(), releases=clean_plan().releases[:1])
    assert limit_findings(with_product(plan, stock=600)) == []
    assert only(with_product(plan, stock=599)).code == "flash_sales_over_stock"


def test_coupon_budget_is_quantity_times_face_value() -> None:
    assert limit_findings(with_promo(clean_plan(), COUPON, budget_fen=500 * 1500)) == []
    finding = only(with_promo(clean_plan(), COUPON, budget_fen=500 * 1500 - 1))
    assert finding.code == "budget_exceeded"
    assert "500 x 15 = 7500 yuan" in finding.message


def test_flash_sale_budget_is_units_times_the_price_cut() -> None:
    # live 19.90, special 9.90 -> 10 yuan off each of 600 units = 6000 yuan
    plan = with_promo(clean_plan(), FLASH, special_price_fen=990, budget_fen=600_000)
    plan = replace(plan, show=replace(plan.show, max_discount_bp=None))
    assert limit_findings(plan) == []
    assert only(with_promo(plan, FLASH, budget_fen=599_999)).code == "budget_exceeded"


def test_price_floor_is_cost_plus_the_minimum_margin_rounded_up() -> None:
    assert price_floor(Product(1, "", "x", unit_cost_fen=601), 1000) == 662  # 661.1 -> 662
    assert price_floor(Product(1, "", "x", unit_cost_fen=600), None) == 600
    assert price_floor(Product(1, "", "x"), 1000) is None


def test_a_live_price_under_the_floor_is_an_error() -> None:
    # cost 6.00 plus 10 % margin: the floor is 6.60 (no flash sale, no discount limit in the way)
    plan = replace(clean_plan(), promos=clean_plan().promos[:1], releases=clean_plan().releases[:1])
    plan = replace(plan, show=replace(plan.show, max_discount_bp=None))
    assert limit_findings(with_product(plan, live_price_fen=660)) == []
    finding = only(with_product(plan, live_price_fen=659))
    assert (finding.severity, finding.code, finding.field) == (
        Severity.ERROR,
        "price_under_floor",
        "live_price_fen",
    )
    assert "under the price floor of 6.60" in finding.message


def test_a_flash_sale_price_under_the_floor_is_an_error() -> None:
    plan = replace(clean_plan(), show=replace(clean_plan().show, max_discount_bp=None))
    finding = only(with_promo(plan, FLASH, special_price_fen=650))
    assert (finding.code, finding.entity, finding.entity_id) == (
        "price_under_floor",
        "promo",
        FLASH,
    )


def test_a_discount_over_the_maximum_is_a_warning() -> None:
    # list 49.00: 60 % off is 19.60; 19.59 is over the maximum
    plan = replace(clean_plan(), promos=clean_plan().promos[:1], releases=clean_plan().releases[:1])
    assert limit_findings(with_product(plan, live_price_fen=1960)) == []
    finding = only(with_product(plan, live_price_fen=1959))
    assert (finding.severity, finding.code) == (Severity.WARNING, "discount_over_maximum")
    assert "more than the maximum discount of 60%" in finding.message


def test_a_product_coupon_must_not_take_the_price_under_the_floor() -> None:
    product_coupon = Promo(22, PromoKind.COUPON, "cable coupon", CABLE, 100, 1300, None, 1990)
    assert (
        limit_findings(replace(clean_plan(), promos=(*clean_plan().promos, product_coupon))) == []
    )
    too_big = replace(product_coupon, face_value_fen=1400)  # 19.90 - 14 = 5.90 < 6.60
    finding = only(replace(clean_plan(), promos=(*clean_plan().promos, too_big)))
    assert (finding.severity, finding.code) == (Severity.WARNING, "coupon_under_floor")


def test_a_coupon_worth_its_whole_threshold_is_a_warning() -> None:
    assert limit_findings(with_promo(clean_plan(), COUPON, threshold_fen=0)) == []  # no threshold
    finding = only(with_promo(clean_plan(), COUPON, threshold_fen=1500))
    assert finding.code == "coupon_face_over_threshold"


def test_a_product_intro_without_a_product_is_an_error() -> None:
    finding = only(with_segment(clean_plan(), INTRO, product_id=None))
    assert (finding.severity, finding.code, finding.entity_id, finding.field) == (
        Severity.ERROR,
        "intro_without_product",
        INTRO,
        "product_id",
    )
    assert "segment 1 'cable intro'" in finding.message


def test_a_product_intro_without_a_host_is_an_error_only_if_the_team_has_none() -> None:
    no_segment_host = with_segment(clean_plan(), INTRO, roles={})
    assert limit_findings(no_segment_host) == []  # the team's host covers it
    no_host_anywhere = replace(no_segment_host, team=no_segment_host.team[1:])
    assert only(no_host_anywhere).code == "intro_without_host"


def hostless_intros(count: int) -> ShowPlan:
    """The clean plan with `count` product intros after it, none with a host, and no team host."""
    plan = clean_plan()
    intros = tuple(
        Segment(100 + n, SegmentKind.PRODUCT_INTRO, f"intro {n}", 60, CABLE)
        for n in range(1, count + 1)
    )
    return replace(plan, team=plan.team[1:], segments=(plan.segments[0], *intros))


def test_product_intros_without_a_host_are_one_finding_naming_every_segment() -> None:
    finding = only(hostless_intros(2))
    assert (finding.code, finding.field) == ("intro_without_host", "host")
    assert finding.about() == (101, 102) and finding.entity_id == 101
    assert finding.params["positions"] == [2, 3]
    assert finding.message == (
        "2 product intros have no host, and the team has none: segments 2 'intro 1' and 3 'intro 2'"
    )


def test_many_hostless_intros_are_named_by_number_and_cut_short() -> None:
    finding = only(hostless_intros(14))
    assert len(finding.about()) == 14
    assert finding.message.endswith("segments 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 4 more")
    assert only(hostless_intros(5)).message.endswith("segments 2, 3, 4, 5 and 6")


def test_one_hostless_intro_keeps_its_own_finding() -> None:
    finding = only(hostless_intros(1))
    assert finding.about() == (101,) and finding.entity_ids == ()
    assert finding.message == "segment 2 'intro 1': no host, and the team has none"


@pytest.mark.parametrize("template", list(Template))
def test_a_template_opens_with_one_host_finding_for_all_its_intros(template: Template) -> None:
    plan = template_plan(template, "t", START)
    intros = [s.id for s in plan.segments if s.kind is SegmentKind.PRODUCT_INTRO]
    [finding] = limit_findings(plan)
    assert finding.code == "intro_without_host" and finding.about() == tuple(intros)
    assert len(intros) > 1


def test_shortening_a_list_never_leaves_just_one_out() -> None:
    assert shortened([1, 2, 3], 2) == ([1, 2, 3], 0)
    assert shortened([1, 2, 3, 4], 2) == ([1, 2], 2)
    assert shortened([], 2) == ([], 0)


def test_one_person_in_two_roles_in_a_segment_is_a_warning() -> None:
    finding = only(with_segment(clean_plan(), INTRO, roles={Role.HOST: ANNA, Role.CO_HOST: ANNA}))
    assert (finding.severity, finding.code) == (Severity.WARNING, "person_in_two_roles")
    assert "Anna is both host and co_host" in finding.message
    assert (
        limit_findings(with_segment(clean_plan(), INTRO, roles={Role.HOST: ANNA, Role.CO_HOST: BO}))
        == []
    )


def test_a_segment_of_zero_length_is_an_error() -> None:
    finding = only(with_segment(clean_plan(), INTRO, duration_s=0))
    assert (finding.severity, finding.code, finding.entity_id) == (
        Severity.ERROR,
        "zero_length",
        INTRO,
    )


def test_a_cue_after_its_segment_ends_is_a_warning() -> None:
    plan = replace(clean_plan(), duties=(Duty(1, DROP, 301, "too late", Role.FLOOR_CONTROL),))
    finding = only(plan)
    assert (finding.code, finding.entity) == ("offset_after_segment_end", "duty")
    assert (
        limit_findings(replace(clean_plan(), duties=(Duty(1, DROP, 300, "at the end", Role.OPS),)))
        == []
    )


def test_running_past_the_planned_end_is_a_warning_and_past_the_hard_stop_an_error() -> None:
    plan = clean_plan()  # 20 minutes; planned end at 30, hard stop at 40
    longer = with_segment(plan, SALE, duration_s=300 + 11 * 60)
    finding = only(longer)
    assert (finding.severity, finding.code) == (Severity.WARNING, "past_planned_end")
    assert "1:00 past the planned end" in finding.message
    longest = with_segment(plan, SALE, duration_s=300 + 21 * 60)
    finding = only(longest)
    assert (finding.severity, finding.code) == (Severity.ERROR, "past_hard_stop")
    assert limit_findings(with_segment(plan, SALE, duration_s=300 + 10 * 60)) == []


def test_errors_come_before_warnings() -> None:
    plan = with_segment(clean_plan(), INTRO, roles={Role.HOST: ANNA, Role.CO_HOST: ANNA})
    plan = with_segment(plan, INTRO, duration_s=0)
    assert [f.severity for f in limit_findings(plan)] == [Severity.ERROR, Severity.WARNING]


@pytest.mark.parametrize("kind", list(PromoKind))
def test_promos_without_limits_raise_nothing(kind: PromoKind) -> None:
    plan = replace(clean_plan(), promos=(Promo(99, kind, "bare"),), releases=())
    assert limit_findings(plan) == []


def test_the_hard_stop_is_compared_in_real_time_across_a_clock_change() -> None:
    # Berlin leaves summer time at 03:00 CEST on 2026-10-25 (clocks go back to 02:00 CET).
    berlin = ZoneInfo("Europe/Berlin")
    start = datetime(2026, 10, 25, 1, 15, tzinfo=berlin)
    hard_stop = datetime(2026, 10, 25, 2, 30, tzinfo=berlin)  # 02:30 CEST, the first 02:30
    plan = replace(
        clean_plan(),
        show=replace(
            clean_plan().show,
            planned_start=start,
            time_zone="Europe/Berlin",
            planned_end=None,
            hard_stop=hard_stop,
        ),
    )
    # 20 minutes of segments plus 100 more: the show ends 03:15 CEST = 02:15 CET, which reads
    # earlier than 02:30 on the wall clock but is 45 minutes past the hard stop.
    longer = with_segment(plan, SALE, duration_s=300 + 100 * 60)
    finding = only(longer)
    assert (finding.code, finding.params["over_s"]) == ("past_hard_stop", 45 * 60)
