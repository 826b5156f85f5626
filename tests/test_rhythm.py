"""The show's rhythm (issue 20), each finding with a plan that keeps it and one that breaks it,
against the defaults and against a show's own settings; and the settings as typed."""

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from liveplanner.core.enums import PromoKind, Role, SegmentKind
from liveplanner.core.plan import (
    Person,
    Product,
    Promo,
    Release,
    Rhythm,
    Segment,
    Show,
    ShowPlan,
    TeamMember,
)
from liveplanner.core.refused import Refused
from liveplanner.core.rhythm import RHYTHM_CODES, mix_shares
from liveplanner.core.rhythm_inputs import check_rhythm_columns, parse_minutes, parse_mix
from liveplanner.core.rules import Finding, Severity, check

K = SegmentKind
START = datetime(2026, 11, 11, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
CABLE, CASE = 1, 2
Step = tuple[SegmentKind, int, int | None]


def plan_of(*steps: Step, **settings: int) -> ShowPlan:
    """A show of segments (kind, minutes, product) with the rhythm `settings`."""
    segments = tuple(
        Segment(n, kind, f"{kind.value} {n}", minutes * 60, product)
        for n, (kind, minutes, product) in enumerate(steps, start=1)
    )
    return ShowPlan(
        show=Show(id=1, title="rhythm", planned_start=START, rhythm=Rhythm(**settings)),
        segments=segments,
        products=(Product(CABLE, "C1", "cable"), Product(CASE, "P1", "phone case")),
        people=(Person(1, "Anna"),),
        team=(TeamMember(1, 1, Role.HOST),),  # the limits hold: only the rhythm is in question
    )


def alone(*steps: Step, **settings: int) -> ShowPlan:
    """plan_of, with the plan's own mix as its target: a small plan's test of one finding."""
    mix = mix_shares(plan_of(*steps).segments) or (0, 0, 0)
    shares = dict(
        zip(("mix_showcase_bp", "mix_promotion_bp", "mix_interaction_bp"), mix, strict=True)
    )
    return plan_of(*steps, **shares, **settings)


# 60 minutes: intros 24 (40 %), benefits 21 (35 %), Q&A 15 (25 %); a benefit every 20 minutes
# at most, 5 minutes apart at least, intros of 8 minutes at most, each offer beside its intro.
KEPT: tuple[Step, ...] = (
    (K.OPENING, 3, None),
    (K.PRODUCT_INTRO, 8, CABLE),
    (K.FLASH_SALE, 7, CABLE),
    (K.QA, 8, None),
    (K.PRODUCT_INTRO, 8, CASE),
    (K.COUPON_DROP, 7, CASE),
    (K.QA, 7, None),
    (K.PRODUCT_INTRO, 8, CABLE),
    (K.LUCKY_DRAW, 7, None),
    (K.CLOSING, 5, None),
)


def rhythm_findings(plan: ShowPlan) -> list[Finding]:
    return [f for f in check(plan) if f.code in RHYTHM_CODES]


def only(plan: ShowPlan, code: str) -> Finding:
    findings = check(plan)
    assert [f.code for f in findings] == [code], findings
    assert findings[0].severity is Severity.WARNING  # a rhythm is a choice, never an error
    return findings[0]


def test_a_plan_that_keeps_the_default_rhythm_has_no_finding() -> None:
    plan = plan_of(*KEPT)
    assert mix_shares(plan.segments) == (4000, 3500, 2500)
    assert check(plan) == []


def test_a_stretch_over_the_limit_without_a_benefit_names_its_minutes_and_segments() -> None:
    gap = (K.OPENING, 2, None), (K.QA, 12, None), (K.QA, 9, None), (K.LUCKY_DRAW, 5, None)
    finding = only(alone(*gap), "benefit_gap")
    assert (finding.params["start"], finding.params["end"]) == ("20:00", "20:23")
    assert finding.params["length_s"] == 23 * 60 and finding.params["every"] == 20
    assert finding.params["positions"] == [1, 2, 3]
    assert finding.about() == (1, 2, 3)  # the Findings panel selects every one of them
    assert finding.message.startswith("no benefit for 23:00, 20:00 to 20:23 (segments 1 'open")
    assert check(alone(*gap, benefit_every_s=25 * 60)) == []  # the show's own limit holds


def test_the_stretch_after_the_last_benefit_runs_to_the_closing_or_the_end() -> None:
    long_tail = (K.LUCKY_DRAW, 5, None), (K.QA, 30, None), (K.CLOSING, 10, None)
    finding = only(alone(*long_tail), "benefit_gap")
    # To the closing, not through it: its final push needs no benefit.
    assert (finding.params["start"], finding.params["end"]) == ("20:05", "20:35")
    assert finding.params["positions"] == [2]
    no_closing = (K.LUCKY_DRAW, 5, None), (K.QA, 15, None), (K.OTHER, 10, None)
    assert only(alone(*no_closing), "benefit_gap").params["end"] == "20:30"
    short_tail = (K.LUCKY_DRAW, 5, None), (K.QA, 15, None), (K.CLOSING, 30, None)
    assert check(alone(*short_tail)) == []


def test_a_show_without_any_benefit_is_one_stretch_and_a_show_without_segments_none() -> None:
    finding = only(alone((K.PRODUCT_INTRO, 8, CABLE), (K.QA, 20, None)), "benefit_gap")
    assert finding.params["positions"] == [1, 2]
    assert check(plan_of()) == []


def test_a_benefit_too_soon_after_the_last_one_ended_is_said_with_the_gap() -> None:
    back_to_back = (K.FLASH_SALE, 5, None), (K.LUCKY_DRAW, 5, None), (K.QA, 10, None)
    finding = only(alone(*back_to_back), "benefit_too_soon")
    assert (
        finding.params.items()
        >= {"position": 2, "before_position": 1, "gap_s": 0, "rest": 5}.items()
    )
    assert finding.about() == (2, 1)
    assert finding.field == "kind"
    four_apart = (K.FLASH_SALE, 5, None), (K.QA, 4, None), (K.LUCKY_DRAW, 5, None)
    assert only(alone(*four_apart), "benefit_too_soon").params["gap_s"] == 240
    five_apart = (K.FLASH_SALE, 5, None), (K.QA, 5, None), (K.LUCKY_DRAW, 5, None)
    assert check(alone(*five_apart)) == []
    assert check(alone(*back_to_back, benefit_rest_s=0)) == []  # the show's own: no rest


def test_a_product_intro_over_its_limit_is_said_on_its_length() -> None:
    long_intro = (K.PRODUCT_INTRO, 9, CABLE), (K.FLASH_SALE, 5, CABLE)
    finding = only(alone(*long_intro), "intro_too_long")
    assert (finding.entity_id, finding.field) == (1, "duration_s")
    assert finding.params.items() >= {"position": 1, "duration_s": 540, "limit": 8}.items()
    assert check(alone((K.PRODUCT_INTRO, 8, CABLE), (K.FLASH_SALE, 5, CABLE))) == []
    assert check(alone(*long_intro, intro_limit_s=10 * 60)) == []


def test_an_offer_belongs_right_before_or_after_its_product_intro() -> None:
    after = (K.PRODUCT_INTRO, 8, CABLE), (K.FLASH_SALE, 5, CABLE), (K.QA, 5, None)
    before = (K.COUPON_DROP, 5, CABLE), (K.PRODUCT_INTRO, 8, CABLE), (K.QA, 5, None)
    assert check(alone(*after)) == [] and check(alone(*before)) == []
    apart = (K.PRODUCT_INTRO, 8, CABLE), (K.QA, 5, None), (K.FLASH_SALE, 5, CABLE)
    finding = only(alone(*apart), "offer_away_from_intro")
    assert (finding.entity_id, finding.field) == (3, "product_id")
    assert finding.params == {"position": 3, "title": "flash_sale 3", "product": "cable"}
    other_product = (K.PRODUCT_INTRO, 8, CASE), (K.FLASH_SALE, 5, CABLE), (K.QA, 5, None)
    assert only(alone(*other_product), "offer_away_from_intro").params["product"] == "cable"
    # A benefit with no product, a lucky draw's prize: no offer to place.
    assert check(alone((K.QA, 5, None), (K.COUPON_DROP, 5, None), (K.QA, 5, None))) == []


def test_a_release_of_a_product_promo_is_an_offer_on_that_product() -> None:
    plan = alone((K.PRODUCT_INTRO, 8, CASE), (K.QA, 5, None), (K.COUPON_DROP, 5, None))
    coupon = Promo(1, PromoKind.COUPON, "case coupon", CASE, 100)
    draw = Promo(2, PromoKind.LUCKY_DRAW, "a case to win", CASE, 1)
    released_in = lambda segment_id, promo: replace(  # noqa: E731
        plan, promos=(coupon, draw), releases=(Release(1, promo.id, segment_id, 0, 1),)
    )
    assert check(released_in(2, coupon)) == []  # in the Q&A right after the intro
    assert check(released_in(1, coupon)) == []  # in the intro itself
    finding = only(released_in(3, coupon), "offer_away_from_intro")
    assert finding.params["product"] == "phone case"
    assert check(released_in(3, draw)) == []  # a prize, not an offer


def test_the_mix_off_the_show_target_is_a_warning_with_both_figures() -> None:
    heavy = (K.PRODUCT_INTRO, 8, CABLE), (K.FLASH_SALE, 5, CABLE)  # 62 / 38 / 0
    finding = only(plan_of(*heavy), "mix_off_target")
    assert (finding.entity, finding.field) == ("show", "rhythm_mix_showcase_bp")
    assert finding.params == {"actual": "62 / 38 / 0", "target": "40 / 35 / 25"}
    assert "content mix 62 / 38 / 0% (products / promotions / interaction)" in finding.message
    own = {"mix_showcase_bp": 6000, "mix_promotion_bp": 4000, "mix_interaction_bp": 0}
    assert check(plan_of(*heavy, **own)) == []
    # Within 10 points of every share holds: 48 / 31 / 21 against 40 / 35 / 25.
    near = (K.PRODUCT_INTRO, 48, CABLE), (K.COUPON_DROP, 31, None), (K.QA, 21, None)
    assert mix_shares(plan_of(*near).segments) == (4800, 3100, 2100)
    assert {f.code for f in check(plan_of(*near))} == {"benefit_gap", "intro_too_long"}
    assert rhythm_findings(plan_of(*near, intro_limit_s=3600, benefit_every_s=3600)) == []


@pytest.mark.parametrize(
    ("text", "least", "seconds"),
    [("20", 1, 1200), (" ２５ ", 1, 1500), ("0", 0, 0), ("", 1, None), ("30 min", 1, 1800)],
)
def test_minutes_are_read_as_typed(text: str, least: int, seconds: int | None) -> None:
    assert parse_minutes(text, least) == seconds


@pytest.mark.parametrize(
    ("text", "least", "code"),
    [("ten", 1, "input.not_minutes"), ("7.5", 1, "input.not_minutes"),
     ("0", 1, "input.minutes_range"), ("1441", 1, "input.minutes_range")],
)  # fmt: skip
def test_minutes_that_cannot_be_are_refused(text: str, least: int, code: str) -> None:
    with pytest.raises(Refused) as refused:
        parse_minutes(text, least)
    assert refused.value.code == code


def test_a_mix_is_read_whole_and_must_add_up_to_100() -> None:
    assert parse_mix("50 / 30 / 20") == (5000, 3000, 2000)
    assert parse_mix("50，30，20") == (5000, 3000, 2000)  # full-width commas of a Chinese IME
    assert parse_mix("45%/30%/25%") == (4500, 3000, 2500)
    assert parse_mix("") == (None, None, None)
    with pytest.raises(Refused) as refused:
        parse_mix("50 / 35 / 25")
    assert refused.value.code == "input.mix_not_100"
    assert str(refused.value) == "a content mix of 50 / 35 / 25 adds up to 110%, not 100%"
    with pytest.raises(Refused) as refused:
        parse_mix("60 / 40")
    assert refused.value.code == "input.not_mix"


def test_stored_settings_are_checked_as_a_whole() -> None:
    check_rhythm_columns({"rhythm_benefit_rest_s": 0, "rhythm_intro_limit_s": 600})
    whole = ("rhythm_mix_showcase_bp", "rhythm_mix_promotion_bp", "rhythm_mix_interaction_bp")
    check_rhythm_columns(dict.fromkeys(whole))  # back to the default
    for refused_values in (
        {"rhythm_benefit_every_s": 0},
        {"rhythm_intro_limit_s": 90},  # not whole minutes
        {"rhythm_mix_showcase_bp": 5000},  # a share alone
        dict(zip(whole, (5000, 5000, None), strict=True)),
        dict(zip(whole, (5000, 5000, 1000), strict=True)),
    ):
        with pytest.raises(Refused):
            check_rhythm_columns(refused_values)
