"""The canonical minute metrics (DOMAIN.md) and how each one may be combined.

Every stored sample is an integer: counts as counts, money in fen, times in seconds, so no float
ever carries money. Beyond DOMAIN.md's list, exports carry three more a review reads:
`add_to_cart` (加购, people or times a product was put in the cart that minute),
`product_exposures` (商品曝光, times the products were shown) and `avg_watch_s` (人均观看时长 /
平均停留时长, the average time a viewer stayed, read at the minute like online viewers).
"""

from dataclasses import dataclass
from enum import StrEnum

from liveplanner.core.refused import Refused


class MetricKind(StrEnum):
    INCREMENT = "increment"  # what happened in the minute: sums over minutes
    INSTANT = "instant"  # a reading at the minute: never summed (online viewers)
    CUMULATIVE = "cumulative"  # a running total in an export; stored as increments


class MetricUnit(StrEnum):
    COUNT = "count"
    FEN = "fen"
    SECONDS = "seconds"


@dataclass(frozen=True, slots=True)
class Metric:
    name: str
    kind: MetricKind
    unit: MetricUnit


_DEFINITIONS = [
    Metric("online_viewers", MetricKind.INSTANT, MetricUnit.COUNT),
    Metric("entries", MetricKind.INCREMENT, MetricUnit.COUNT),
    Metric("exits", MetricKind.INCREMENT, MetricUnit.COUNT),
    Metric("views", MetricKind.INCREMENT, MetricUnit.COUNT),
    Metric("unique_viewers", MetricKind.INCREMENT, MetricUnit.COUNT),
    Metric("gmv", MetricKind.INCREMENT, MetricUnit.FEN),
    Metric("orders", MetricKind.INCREMENT, MetricUnit.COUNT),
    Metric("buyers", MetricKind.INCREMENT, MetricUnit.COUNT),
    Metric("items_sold", MetricKind.INCREMENT, MetricUnit.COUNT),
    Metric("product_clicks", MetricKind.INCREMENT, MetricUnit.COUNT),
    Metric("comments", MetricKind.INCREMENT, MetricUnit.COUNT),
    Metric("likes", MetricKind.INCREMENT, MetricUnit.COUNT),
    Metric("shares", MetricKind.INCREMENT, MetricUnit.COUNT),
    Metric("new_followers", MetricKind.INCREMENT, MetricUnit.COUNT),
    Metric("ad_spend", MetricKind.INCREMENT, MetricUnit.FEN),
    Metric("add_to_cart", MetricKind.INCREMENT, MetricUnit.COUNT),
    Metric("product_exposures", MetricKind.INCREMENT, MetricUnit.COUNT),
    Metric("avg_watch_s", MetricKind.INSTANT, MetricUnit.SECONDS),
]

METRICS: dict[str, Metric] = {m.name: m for m in _DEFINITIONS}


def metric(name: str) -> Metric:
    """The metric called `name`; ValueError names the known ones when it is not canonical."""
    try:
        return METRICS[name]
    except KeyError:
        known = ", ".join(METRICS)
        raise Refused(
            f"unknown metric {name!r}; expected one of: {known}",
            "input.unknown_metric",
            metric=name,
            known=known,
        ) from None
