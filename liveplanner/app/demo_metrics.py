"""Made-up minute metrics for the demo show's live run, shaped as real shows go.

Viewers build over the first half hour, lift at lucky draws and fade in the closing; orders jump
a minute or two after a flash sale or a coupon drop opens (people open the cart, then pay); the
stream hiccup of the live run leaves two minutes without data, as platform exports do.
The numbers come from a seeded generator, so every demo is the same.
"""

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from liveplanner.core.enums import SegmentKind as K
from liveplanner.core.plan import Segment, ShowPlan

if TYPE_CHECKING:
    import pandas as pd

PEAK_VIEWERS = 12_000
RAMP_MINUTES = 30
DEFAULT_PRICE_FEN = 99_00
ORDERS_PER_THOUSAND = 4  # orders a minute per 1,000 viewers at an ordinary pitch
# Paid traffic (千川) bought per online viewer each minute: about ¥1,800 a minute at the peak, an
# ROI near 3, as a paid push of a 双11 show goes. Worked from the viewers, so the seeded draws
# (and every other figure of the demo) stay as they were.
AD_SPEND_FEN_PER_VIEWER = 18
_PUSH = {K.FLASH_SALE: 6.0, K.COUPON_DROP: 3.5, K.PRODUCT_INTRO: 1.0, K.LUCKY_DRAW: 0.5}
_ORDER_LAG = (1, 2)  # minutes from the pitch to the paid order


@dataclass(frozen=True, slots=True)
class RanSegment:
    segment: Segment
    start: datetime
    length_s: int


def demo_metrics(plan: ShowPlan, ran: Sequence[RanSegment], gap_at: datetime) -> "pd.DataFrame":
    """Samples (minute, metric, value) from the first segment's start to the last one's end."""
    import pandas as pd

    rng = random.Random(1111)
    prices = {p.id: p.live_price_fen or DEFAULT_PRICE_FEN for p in plan.products}
    start = ran[0].start.replace(second=0, microsecond=0)
    end = ran[-1].start + timedelta(seconds=ran[-1].length_s)
    minutes = int((end - start).total_seconds() // 60) + 1
    kinds: list[RanSegment] = []
    for minute in range(minutes):
        moment = start + timedelta(minutes=minute, seconds=30)
        kinds.append(next((r for r in reversed(ran) if r.start <= moment), ran[0]))
    rows: list[tuple[datetime, str, int]] = []
    viewers = 600.0
    for minute in range(minutes):
        at = start + timedelta(minutes=minute)
        if abs((at - gap_at).total_seconds()) < 90:
            continue  # the stream hiccup: the platform logged nothing
        current = kinds[minute].segment
        ramp = min(1.0, 0.08 + minute / RAMP_MINUTES)
        fade = max(0.35, min(1.0, (minutes - minute) / 15))
        lift = 1.18 if current.kind is K.LUCKY_DRAW else 0.94 if current.kind is K.QA else 1.0
        target = PEAK_VIEWERS * ramp * fade * lift * (1 + 0.08 * math.sin(minute / 7))
        viewers += (target - viewers) * 0.35 + rng.gauss(0, 120)
        online = max(200, round(viewers))
        entries = round(online * rng.uniform(0.10, 0.14))
        exits = max(0, entries - round(target - viewers) // 4 + rng.randint(-40, 40))
        pitched = kinds[max(0, minute - rng.choice(_ORDER_LAG))].segment
        push = _PUSH.get(pitched.kind, 0.25)
        orders = max(0, round(online / 1000 * push * ORDERS_PER_THOUSAND * rng.uniform(0.7, 1.3)))
        price = prices.get(pitched.product_id or -1, DEFAULT_PRICE_FEN)
        if pitched.kind is K.FLASH_SALE:
            price = round(price * 0.8)
        gmv = orders * price
        clicks = round(online * rng.uniform(0.02, 0.05) * (1 + push / 3))
        # Watch time and carts follow from the figures above, with no draws of their own, so
        # every other figure of the demo stays as it was: people stay longer once the room has
        # filled and at lucky draws, and about a third of the clicks put the product in a cart.
        watch = 70 + 80 * ramp * lift + 15 * math.sin(minute / 9)
        rows += [
            (at, "online_viewers", online),
            (at, "entries", entries),
            (at, "exits", exits),
            (at, "views", round(entries * 1.3)),
            (at, "unique_viewers", round(entries * 0.82)),
            (at, "orders", orders),
            (at, "buyers", round(orders * 0.93)),
            (at, "items_sold", round(orders * 1.15)),
            (at, "gmv", gmv),
            (at, "product_clicks", clicks),
            (at, "add_to_cart", round(clicks * 0.35)),
            (at, "avg_watch_s", round(watch)),
            (at, "comments", round(online * rng.uniform(0.015, 0.03) * lift)),
            (at, "likes", round(online * rng.uniform(0.2, 0.4))),
            (at, "shares", round(online * rng.uniform(0.001, 0.003))),
            (at, "new_followers", round(entries * rng.uniform(0.02, 0.05))),
            (at, "ad_spend", online * AD_SPEND_FEN_PER_VIEWER),
        ]
    frame = pd.DataFrame(rows, columns=["minute", "metric", "value"])
    frame["minute"] = pd.to_datetime(frame["minute"], utc=True)
    return frame
