"""The demo's season (issue 20): seven earlier Douyin evening shows of the same script, with
minute metrics and product exports, for `liveplanner advise` to project the demo show from.

Each is the demo's script without its team, promos and cues, at its own evening hour, in a room
of its own size, its minutes drawn from a seeded generator (so every demo is the same): viewers
fill the room over the first half hour and thin out in the long talk of the second hour, before
its next benefit, as the team's shows went; each minute's GMV follows the segment running two
minutes earlier (kind, product price, viewers). Only GMV, orders and online viewers are stored,
what the advice reads, so the demo stays quick to add. The product exports say what each
product sold: the power bank sold out in most of them, the phone stand never sold a fifth.
"""

import math
import random
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

from liveplanner.core.enums import SegmentKind as K
from liveplanner.core.enums import ShowStatus
from liveplanner.core.plan import ShowPlan, Targets
from liveplanner.core.product_sales import ProductImport, ProductSales
from liveplanner.storage.database import Database
from liveplanner.storage.product_sales import replace_product_sales
from liveplanner.storage.samples import ImportSource, replace_metrics
from liveplanner.storage.shows import load_plan, save_plan

if TYPE_CHECKING:
    import pandas as pd

# days before the demo show, minutes from its 19:30 start, the room against the demo's
SEASON = (
    (45, -30, 0.55),
    (41, 0, 0.6),
    (38, 30, 0.7),
    (34, -60, 0.65),
    (31, 0, 0.8),
    (27, 60, 0.75),
    (24, 0, 0.9),
)
PEAK_VIEWERS = 10_000
# Orders a minute per 1,000 viewers, by the kind of the segment pitched.
_ORDERS = {K.FLASH_SALE: 22.0, K.COUPON_DROP: 13.0, K.PRODUCT_INTRO: 4.0, K.LUCKY_DRAW: 2.0}
# Earbuds convert better than their price suggests: the team's best earner per minute.
_PULL = {"ANC-X2": 1.6, "STD-01": 0.5}
# Units each product's buyers would have taken in a room the demo's size (sku -> units).
_DEMAND = {
    "PB-10K": 5_000,
    "GAN-65": 2_600,
    "ANC-X2": 1_300,
    "CASE-17": 3_600,
    "CBL-2P": 4_500,
    "STD-01": 700,
    "BAND-W": 1_100,
}


def _viewers(minute: int, minutes: int) -> float:
    """The room's share of its peak: filling over the first half hour, fullest about minute 30,
    thinned by a fifth over minutes 87-99 (a long stretch of talk) and back by minute 110,
    fading in the last quarter hour."""
    ramp = min(1.0, 0.1 + minute / 25) * (0.9 + 0.1 * math.exp(-(((minute - 30) / 25) ** 2)))
    thinned = min(1.0, max(0.0, (minute - 87) / 12)) * (1 - min(1.0, max(0.0, (minute - 101) / 8)))
    fade = max(0.35, min(1.0, (minutes - minute) / 15))
    return ramp * (1 - 0.2 * thinned) * fade


def _samples(plan: ShowPlan, scale: float, seed: int) -> "pd.DataFrame":
    import pandas as pd

    rng = random.Random(seed)
    prices = {p.id: (p.live_price_fen or 0, _PULL.get(p.sku, 1.0)) for p in plan.products}
    start = plan.show.planned_start
    running: list[tuple[K, int | None]] = []
    for segment in plan.segments:
        running += [(segment.kind, segment.product_id)] * math.ceil(segment.duration_s / 60)
    rows = []
    for minute in range(len(running)):
        at = start + timedelta(minutes=minute)
        kind = running[minute][0]
        lift = 1.04 if kind is K.LUCKY_DRAW else 1.0
        online = round(PEAK_VIEWERS * scale * _viewers(minute, len(running)) * lift)
        online = max(100, round(online * rng.uniform(0.95, 1.05)))
        pitched, product = running[max(0, minute - 2)]
        price, pull = prices.get(product or -1, (9_900, 1.0))
        rate = _ORDERS.get(pitched, 0.5) * pull * rng.uniform(0.75, 1.25)
        orders = round(online / 1000 * rate)
        rows += [
            (at, "online_viewers", online),
            (at, "orders", orders),
            (at, "gmv", orders * price),
        ]
    frame = pd.DataFrame(rows, columns=["minute", "metric", "value"])
    frame["minute"] = pd.to_datetime(frame["minute"], utc=True)
    return frame


def _sales(plan: ShowPlan, scale: float, seed: int) -> list[ProductSales]:
    rng = random.Random(seed)
    lines = []
    for row, product in enumerate(plan.products, start=1):
        wanted = round(_DEMAND.get(product.sku, 500) * scale * rng.uniform(0.9, 1.1))
        sold = min(product.stock or wanted, wanted)
        lines.append(
            ProductSales(
                row,
                product.name,
                "",
                product.id,
                sold=sold,
                gmv_fen=sold * (product.live_price_fen or 0),
            )
        )
    return lines


def add_demo_season(db: Database, demo: ShowPlan) -> list[int]:
    """Store the season's shows before the demo show; their ids, oldest first."""
    ids = []
    for number, (days, minutes, scale) in enumerate(SEASON, start=1):
        start = demo.show.planned_start - timedelta(days=days) + timedelta(minutes=minutes)
        show = replace(
            demo.show,
            title=f"数码好物日常场 第{number}期",
            planned_start=start,
            planned_end=None,
            hard_stop=None,
            status=ShowStatus.REVIEWED,
            targets=Targets(),
            notes="",
        )
        segments = tuple(replace(s, roles={}) for s in demo.segments)
        show_id = save_plan(
            db,
            replace(
                demo,
                show=show,
                segments=segments,
                people=(),
                team=(),
                promos=(),
                releases=(),
                duties=(),
            ),
        )
        plan = load_plan(db, show_id)
        samples = _samples(plan, scale, seed=number)
        replace_metrics(db, show_id, samples, ImportSource("demo", rows_read=len(samples)))
        lines = _sales(plan, scale, seed=100 + number)
        replace_product_sales(db, show_id, ProductImport("demo", rows_read=len(lines)), lines)
        ids.append(show_id)
    return ids
