"""The live figures (core.live_figures: the pace to target by the plan's position) and each live
alert's rule (core.live_alerts), passing and failing, without a database."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from liveplanner.app.demo import demo_plan
from liveplanner.core.alert_settings import AlertSettings, checked
from liveplanner.core.clock import Level, Phase, Reading
from liveplanner.core.enums import PromoKind
from liveplanner.core.live_alerts import (
    AlertLatch,
    AlertName,
    alerts,
    next_benefit,
    pace_behind,
    sold_out,
    viewers_drop,
)
from liveplanner.core.live_desk import PromoCount
from liveplanner.core.live_feed import FeedMinutes, Tally
from liveplanner.core.live_figures import LiveFigures, live_figures, pace_fen, planned_done_s
from liveplanner.core.plan import Targets
from liveplanner.core.refused import Refused

PLAN = demo_plan()
T0 = datetime(2026, 11, 11, 11, 30, tzinfo=UTC)


def _reading(index: int, elapsed_s: float, phase: Phase = Phase.RUNNING) -> Reading:
    return Reading(phase, index, elapsed_s, 600, 600 - elapsed_s, Level.NORMAL, 0, 0, None)


def _series(*values: int) -> list[tuple[datetime, int]]:
    return [(T0 + timedelta(minutes=i), v) for i, v in enumerate(values)]


def _figures(gmv_fen: int | None, pace: int | None, done_s: int) -> LiveFigures:
    return LiveFigures((), None, None, gmv_fen, 1, pace, done_s, None, 0, 0, ())


def test_the_pace_follows_the_plans_position_not_the_clock() -> None:
    durations = [s.duration_s for s in PLAN.segments]
    first = durations[0]
    assert planned_done_s(PLAN, _reading(0, 0, Phase.IDLE)) == 0
    assert planned_done_s(PLAN, _reading(0, 30)) == 30
    # A segment running long adds nothing past its planned length.
    assert planned_done_s(PLAN, _reading(0, first + 500)) == first
    assert planned_done_s(PLAN, _reading(2, 10)) == sum(durations[:2]) + 10
    finished = _reading(len(durations), 0, Phase.FINISHED)
    assert planned_done_s(PLAN, finished) == sum(durations)
    target = PLAN.show.targets.gmv_fen
    assert target is not None
    assert pace_fen(PLAN, sum(durations)) == target
    assert pace_fen(PLAN, sum(durations) // 2) == target * (sum(durations) // 2) // sum(durations)


def test_a_show_without_a_gmv_target_has_no_pace() -> None:
    plan = replace(PLAN, show=replace(PLAN.show, targets=Targets()))
    assert pace_fen(plan, 600) is None


def test_the_figures_carry_the_minutes_so_far_and_viewers_now() -> None:
    minutes = FeedMinutes(
        [
            (T0, "online_viewers", 900),
            (T0, "gmv", 10_000),
            (T0 + timedelta(minutes=1), "gmv", 5_000),
        ]
    )
    figures = live_figures(PLAN, _reading(0, 120), minutes, Tally(taken=3, bad=1))
    assert [(p.online_viewers, p.gmv_fen) for p in figures.points] == [(900, 10_000), (None, 5_000)]
    assert (figures.online_now, figures.online_at, figures.gmv_fen) == (900, T0, 15_000)
    assert (figures.lines, figures.bad_lines) == (3, 1)
    assert figures.pace_fen is not None and figures.behind_bp is not None
    assert figures.behind_bp == (figures.pace_fen - 15_000) * 10_000 // figures.pace_fen


def test_viewers_down_a_fifth_in_five_minutes_raise_the_alert_with_the_next_benefit() -> None:
    alert = viewers_drop(_series(1000, 1100, 1000, 950, 900, 880), AlertSettings(), PLAN, 0)
    assert alert is not None and alert.name is AlertName.VIEWERS_DROP
    assert alert.item == "alert:viewers_drop" and alert.quantity == 880
    assert (alert.figures["peak"], alert.figures["drop_bp"]) == (1100, 2000)
    assert (alert.figures["benefit_index"], alert.figures["benefit"]) == next_benefit(PLAN, 0)


def test_viewers_down_less_or_over_longer_than_the_window_raise_nothing() -> None:
    assert viewers_drop(_series(1000, 1000, 990, 950, 900, 881), AlertSettings(), PLAN, 0) is None
    # 1,500 seven minutes ago is outside the 5-minute window.
    slow = _series(1500, 1400, 1000, 990, 980, 970, 960, 900)
    assert viewers_drop(slow, AlertSettings(), PLAN, 0) is None
    assert viewers_drop(_series(1000, 100), AlertSettings(viewers_drop_bp=0), PLAN, 0) is None


def _promo(kind: PromoKind, released: int, claimed: int | None, out: bool) -> PromoCount:
    return PromoCount(7, kind, "充电宝 1 元秒杀", 50, released, claimed, out)


def test_a_flash_sale_sold_out_raises_the_alert_and_a_coupon_does_not() -> None:
    found = sold_out([_promo(PromoKind.FLASH_SALE, 50, 50, True)], AlertSettings())
    assert [(a.item, a.quantity) for a in found] == [("alert:sold_out:promo:7", 50)]
    assert sold_out([_promo(PromoKind.FLASH_SALE, 50, 20, False)], AlertSettings()) == []
    assert sold_out([_promo(PromoKind.COUPON, 50, 50, True)], AlertSettings()) == []
    assert (
        sold_out([_promo(PromoKind.FLASH_SALE, 50, 50, True)], AlertSettings(sold_out=False)) == []
    )


def test_gmv_behind_the_pace_by_the_setting_raises_the_alert() -> None:
    alert = pace_behind(_figures(84_000, 100_000, 900), AlertSettings())
    assert alert is not None and alert.quantity == 16_000 and alert.figures["behind_bp"] == 1600


@pytest.mark.parametrize(
    ("gmv", "pace", "done_s", "settings"),
    [
        (86_000, 100_000, 900, AlertSettings()),  # 14 % behind
        (0, 100_000, 599, AlertSettings()),  # too early to call
        (0, None, 900, AlertSettings()),  # no target
        (0, 100_000, 900, AlertSettings(pace_behind_bp=0)),  # off
    ],
)
def test_gmv_near_the_pace_early_or_without_a_target_raises_nothing(
    gmv: int, pace: int | None, done_s: int, settings: AlertSettings
) -> None:
    assert pace_behind(_figures(gmv, pace, done_s), settings) is None


def test_an_alert_repeats_only_after_its_condition_cleared() -> None:
    latch = AlertLatch()
    figures = _figures(0, 100_000, 900)
    behind = alerts(AlertSettings(), PLAN, 0, [], figures, [])
    assert [a.name for a in latch.raised(behind)] == [AlertName.PACE_BEHIND]
    assert latch.raised(behind) == []  # still behind: said once
    assert latch.raised([]) == []  # caught up: cleared
    assert [a.name for a in latch.raised(behind)] == [AlertName.PACE_BEHIND]


def test_settings_out_of_their_bounds_are_refused() -> None:
    assert checked(AlertSettings(viewers_drop_bp=0)) == AlertSettings(viewers_drop_bp=0)
    with pytest.raises(Refused) as refused:
        checked(AlertSettings(viewers_window_min=0))
    assert refused.value.code == "feed.alert_setting"
    assert dict(refused.value.figures) == {
        "name": "viewers_window_min",
        "value": 0,
        "least": 1,
        "most": 60,
    }


def test_no_gmv_from_the_feed_is_no_figure_and_raises_no_pace_alert() -> None:
    minutes = FeedMinutes([(T0, "online_viewers", 900)])
    figures = live_figures(PLAN, _reading(3, 0), minutes, Tally(taken=1))
    assert figures.gmv_fen is None and figures.pace_fen and figures.behind_bp is None
    assert pace_behind(figures, AlertSettings()) is None
