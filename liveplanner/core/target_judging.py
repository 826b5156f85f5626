"""Each target a show set, against what the review measured: met, or short by how much (over by
how much for a ceiling, such as the ad spend's). A target without its actual (the export lacks
an input) is not judged: its actual is None, never a miss by the whole target."""

from collections.abc import Callable
from dataclasses import dataclass, replace

from liveplanner.core.comparison import ShowKpis
from liveplanner.core.plan import Targets
from liveplanner.core.review_figures import TargetName, TargetResult, Totals, efficiency


@dataclass(frozen=True, slots=True)
class _Rule:
    name: TargetName
    target: Callable[[Targets], int | None]
    scale: float  # the stored target to the review's unit (basis points to a fraction)
    actual: Callable[[Totals], float | None]
    ceiling: bool = False


def _refund_rate(totals: Totals) -> float | None:
    refunds, gmv = totals.efficiency.refunds_fen, totals.gmv_fen
    return None if refunds is None or not gmv else refunds / gmv


_BP = 1 / 10_000
RULES = (
    _Rule(TargetName.GMV, lambda t: t.gmv_fen, 1, lambda s: s.gmv_fen),
    _Rule(TargetName.VIEWERS, lambda t: t.viewers, 1, lambda s: s.viewers),
    _Rule(TargetName.CONVERSION, lambda t: t.conversion_bp, _BP, lambda s: s.conversion),
    _Rule(TargetName.NEW_FOLLOWERS, lambda t: t.new_followers, 1, lambda s: s.new_followers),
    _Rule(TargetName.INTERACTION, lambda t: t.interaction_bp, _BP, lambda s: s.interaction),
    _Rule(TargetName.UV_VALUE, lambda t: t.uv_value_fen, 1, lambda s: s.efficiency.uv_value_fen),
    _Rule(TargetName.AOV, lambda t: t.aov_fen, 1, lambda s: s.efficiency.aov_fen),
    _Rule(TargetName.GPM, lambda t: t.gpm_fen, 1, lambda s: s.efficiency.gpm_fen),
    _Rule(TargetName.ROI, lambda t: t.roi_bp, _BP, lambda s: s.efficiency.roi),
    _Rule(
        TargetName.GROSS_PROFIT,
        lambda t: t.gross_profit_fen,
        1,
        lambda s: s.efficiency.gross_profit_fen,
    ),
    _Rule(TargetName.MARGIN, lambda t: t.margin_bp, _BP, lambda s: s.efficiency.margin),
    _Rule(TargetName.NET_GMV, lambda t: t.net_gmv_fen, 1, lambda s: s.efficiency.net_gmv_fen),
    _Rule(TargetName.AVG_WATCH, lambda t: t.avg_watch_s, 1, lambda s: s.avg_watch_s),
    _Rule(
        TargetName.MAX_AD_SPEND,
        lambda t: t.max_ad_spend_fen,
        1,
        lambda s: s.efficiency.ad_spend_fen,
        ceiling=True,
    ),
    _Rule(TargetName.MAX_REFUND, lambda t: t.max_refund_bp, _BP, _refund_rate, ceiling=True),
)
CEILINGS = frozenset(rule.name for rule in RULES if rule.ceiling)


def judge(targets: Targets, totals: Totals, measured: bool = True) -> tuple[TargetResult, ...]:
    """Every target set, in RULES' order, against the totals. `measured` False: no minute of
    the show's time has data (a file of another day kept as it is), so nothing is judged."""
    results = []
    for rule in RULES:
        target = rule.target(targets)
        if target is None:
            continue
        actual = rule.actual(totals) if measured else None
        results.append(
            TargetResult(
                rule.name,
                float(target) * rule.scale,
                None if actual is None else float(actual),
                rule.ceiling,
            )
        )
    return tuple(results)


def judge_kpis(show: ShowKpis) -> tuple[TargetResult, ...]:
    """A compared show's targets against its figures. A comparison reads fewer series than a
    review: orders, viewers and ad spend, not comments, watch time or product figures, so the
    interaction, watch-time, profit and refund targets are not judged there (None)."""
    money = efficiency(
        show.gmv_fen, show.orders, show.buyers, show.viewers, None, show.ad_spend_fen
    )
    totals = Totals(
        gmv_fen=show.gmv_fen,
        orders=show.orders,
        buyers=show.buyers,
        new_followers=show.new_followers,
        peak_viewers=show.peak_viewers,
        avg_viewers=show.avg_viewers,
        viewers=show.viewers,
        views=None,
        conversion=show.conversion,
        interaction=None,
        gpm_fen=show.gpm_fen,
        minutes=0,
        missing_minutes=0,
        show_minutes=0,
        efficiency=replace(money, gpm_fen=show.gpm_fen),
    )
    return judge(show.targets, totals, show.has_metrics)


def tally(results: tuple[TargetResult, ...]) -> tuple[int | None, int | None]:
    """How many targets were met and how many missed; (None, None) when none was judged."""
    judged = [r.met for r in results if r.met is not None]
    if not judged:
        return None, None
    return sum(judged), len(judged) - sum(judged)
