"""Alerts while a show runs (issue 21), each a pure rule over the live figures and the desk:

- viewers_drop: online viewers now are down by `viewers_drop_bp` or more from the highest
  reading of the `viewers_window_min` minutes before; suggests the next benefit segment (a coupon
  drop, flash sale or lucky draw after the current one), which the trade uses to hold a room.
- sold_out: a flash sale of the current segment sold out (floor control said so, or the units
  claimed reached those released); the host should move on. One alert per flash sale.
- pace_behind: GMV so far is behind the plan's pace to the show's GMV target
  (core.live_figures) by `pace_behind_bp` or more; judged only once MIN_PACE_S of the plan has
  run, when a minute's sales decide nothing yet.

Each is written once to the run's desk log (item `alert:NAME`, with `:promo:ID` for a sale) and
repeats only after its condition cleared (AlertLatch).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from liveplanner.core.alert_settings import AlertSettings
from liveplanner.core.enums import PromoKind
from liveplanner.core.live_desk import PromoCount
from liveplanner.core.live_figures import LiveFigures
from liveplanner.core.plan import ShowPlan
from liveplanner.core.rhythm import BENEFIT_KINDS

MIN_PACE_S = 600  # the plan's first 10 minutes: too early to call a show behind its pace
ALERT_PREFIX = "alert:"


class AlertName(StrEnum):
    VIEWERS_DROP = "viewers_drop"
    SOLD_OUT = "sold_out"
    PACE_BEHIND = "pace_behind"


@dataclass(frozen=True, slots=True)
class Alert:
    name: AlertName
    item: str  # its key in the desk log: alert:NAME (alert:sold_out:promo:ID)
    quantity: int | None  # its headline figure: viewers now, fen short of pace, units released
    figures: dict[str, object] = field(default_factory=dict)  # for the screens' wording


def viewers_drop(
    series: Sequence[tuple[datetime, int]],
    settings: AlertSettings,
    plan: ShowPlan,
    index: int,
) -> Alert | None:
    """The drop from the window's highest reading to the latest one, when it reaches the
    setting; `index` is the current segment, after which the next benefit is looked for."""
    if settings.viewers_drop_bp <= 0 or not series:
        return None
    latest_at, latest = series[-1]
    since = latest_at - timedelta(minutes=settings.viewers_window_min)
    before = [value for minute, value in series[:-1] if since <= minute < latest_at]
    if not before:
        return None
    peak = max(before)
    if peak <= 0 or (peak - latest) * 10_000 < settings.viewers_drop_bp * peak:
        return None
    benefit = next_benefit(plan, index)
    return Alert(
        AlertName.VIEWERS_DROP,
        f"{ALERT_PREFIX}{AlertName.VIEWERS_DROP}",
        latest,
        {
            "peak": peak,
            "now": latest,
            "drop_bp": (peak - latest) * 10_000 // peak,
            "minutes": settings.viewers_window_min,
            "benefit": benefit[1] if benefit else None,
            "benefit_index": benefit[0] if benefit else None,
        },
    )


def next_benefit(plan: ShowPlan, index: int) -> tuple[int, str] | None:
    """The first benefit segment after the current one: (its index, its title)."""
    for position in range(max(index + 1, 0), len(plan.segments)):
        segment = plan.segments[position]
        if segment.kind in BENEFIT_KINDS:
            return position, segment.title
    return None


def sold_out(promos: Iterable[PromoCount], settings: AlertSettings) -> list[Alert]:
    """Each flash sale of the segment that sold out."""
    if not settings.sold_out:
        return []
    return [
        Alert(
            AlertName.SOLD_OUT,
            f"{ALERT_PREFIX}{AlertName.SOLD_OUT}:promo:{promo.id}",
            promo.released,
            {"promo": promo.name, "released": promo.released},
        )
        for promo in promos
        if promo.kind is PromoKind.FLASH_SALE and promo.sold_out
    ]


def pace_behind(figures: LiveFigures, settings: AlertSettings) -> Alert | None:
    """GMV so far short of the pace by the setting or more, once MIN_PACE_S of the plan ran."""
    pace, done, sold = figures.pace_fen, figures.planned_done_s, figures.gmv_fen
    if settings.pace_behind_bp <= 0 or pace is None or pace <= 0 or done < MIN_PACE_S:
        return None
    if sold is None:  # the feed has given no GMV yet: nothing to judge, not ¥0 sold
        return None
    if (pace - sold) * 10_000 < settings.pace_behind_bp * pace:
        return None
    return Alert(
        AlertName.PACE_BEHIND,
        f"{ALERT_PREFIX}{AlertName.PACE_BEHIND}",
        pace - sold,
        {"gmv_fen": sold, "pace_fen": pace, "behind_bp": (pace - sold) * 10_000 // pace},
    )


def alerts(
    settings: AlertSettings,
    plan: ShowPlan,
    index: int,
    online: Sequence[tuple[datetime, int]],
    figures: LiveFigures,
    promos: Iterable[PromoCount],
) -> list[Alert]:
    """Every alert whose condition holds now; `online` the readings of viewers so far (the
    last few minutes will do), oldest first."""
    found = [viewers_drop(online, settings, plan, index)]
    found += sold_out(promos, settings)
    found.append(pace_behind(figures, settings))
    return [alert for alert in found if alert is not None]


@dataclass
class AlertLatch:
    """Which alerts stand: one is raised when its condition starts to hold, and again only after
    it cleared."""

    standing: set[str] = field(default_factory=set)

    def raised(self, now: Iterable[Alert]) -> list[Alert]:
        current = list(now)
        new = [alert for alert in current if alert.item not in self.standing]
        self.standing = {alert.item for alert in current}
        return new
