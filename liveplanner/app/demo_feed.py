"""A screen logger's file for the demo show, to rehearse the live feed with (issue 21): the
rows a logger would append while the show runs to plan from `start`, one a minute, with the
demo's own made-up figures (app.demo_metrics). A rehearsal appends them as the clock reaches
each row's time, and the feed reads them as it would a real logger's (formats.metrics.presets'
"screen-logger" layout: online viewers, and running totals of GMV and orders)."""

from collections.abc import Iterator
from datetime import datetime, timedelta

from liveplanner.app.demo_metrics import RanSegment, demo_metrics
from liveplanner.core.money import format_yuan
from liveplanner.core.plan import ShowPlan, time_zone

HEADER = "采集时间,在线人数,累计成交金额,累计成交订单数"


def demo_feed_rows(plan: ShowPlan, start: datetime) -> Iterator[tuple[datetime, str]]:
    """(when the logger writes it, the line) for the header and then each minute, the row
    taken 30 seconds into the minute; times in the show's zone."""
    zone = time_zone(plan.show.time_zone)
    ran, at = [], start
    for segment in plan.segments:
        ran.append(RanSegment(segment, at, segment.duration_s))
        at += timedelta(seconds=segment.duration_s)
    samples = demo_metrics(plan, ran, gap_at=start - timedelta(days=1))  # no stream hiccup
    by_minute: dict[datetime, dict[str, int]] = {}
    for minute, metric, value in samples.itertuples(index=False):
        by_minute.setdefault(minute.to_pydatetime(), {})[metric] = int(value)
    yield start, HEADER
    gmv = orders = 0
    for minute in sorted(by_minute):
        figures = by_minute[minute]
        gmv += figures.get("gmv", 0)
        orders += figures.get("orders", 0)
        moment = minute + timedelta(seconds=30)
        written = f"{moment.astimezone(zone):%H:%M:%S}"
        yield moment, f"{written},{figures['online_viewers']},{format_yuan(gmv)},{orders}"
