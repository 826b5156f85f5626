"""The demo's campaign: "双11 大促", the demo show and four more on Douyin and Taobao Live, two
before it with minute metrics, two after it still to come, aimed at ¥5,000,000.

The other shows are the demo's script without its team, promos and cues (a campaign reads their
segments and metrics, nothing else), so adding them stays quick; their metrics are the demo's
made-up minutes at their own times, scaled to a smaller room.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from liveplanner.app.demo_metrics import RanSegment, demo_metrics
from liveplanner.core.enums import Platform
from liveplanner.core.plan import ShowPlan, Targets
from liveplanner.storage import campaigns
from liveplanner.storage.database import Database
from liveplanner.storage.samples import ImportSource, replace_metrics
from liveplanner.storage.shows import load_plan, save_plan

TITLE = "双11 大促"
STARTS_ON, ENDS_ON = date(2026, 10, 25), date(2026, 11, 30)
TARGET_GMV_FEN = 5_000_000_00


@dataclass(frozen=True, slots=True)
class _Other:
    title: str
    platform: Platform
    days: int  # from the demo show's start
    scale: float | None  # its metrics against the demo's; None: still to come


OTHERS = (
    _Other("双11预售开箱夜", Platform.DOUYIN, -10, 0.45),
    _Other("淘宝直播·双11预售专场", Platform.TAOBAO, -6, 0.7),
    _Other("淘宝直播·双11返场", Platform.TAOBAO, 9, None),
    _Other("双11收官清仓场", Platform.DOUYIN, 14, None),
)


def _other_plan(plan: ShowPlan, other: _Other) -> ShowPlan:
    start = plan.show.planned_start + timedelta(days=other.days, minutes=30)
    show = replace(
        plan.show,
        title=other.title,
        platform=other.platform,
        planned_start=start,
        planned_end=None,
        hard_stop=None,
        targets=Targets(),
        notes="",
    )
    segments = tuple(replace(segment, roles={}) for segment in plan.segments)
    return replace(
        plan, show=show, segments=segments, people=(), team=(), promos=(), releases=(), duties=()
    )


def add_demo_campaign(db: Database, demo_show_id: int, demo: ShowPlan) -> int:
    """Store the other shows and the campaign counting them with the demo show; its id."""
    show_ids = [demo_show_id]
    for other in OTHERS:
        show_id = save_plan(db, _other_plan(demo, other))
        show_ids.append(show_id)
        if other.scale is None:
            continue
        plan = load_plan(db, show_id)
        ran, at = [], plan.show.planned_start
        for segment in plan.segments:
            ran.append(RanSegment(segment, at, segment.duration_s))
            at += timedelta(seconds=segment.duration_s)
        samples = demo_metrics(plan, ran, gap_at=datetime.min.replace(tzinfo=at.tzinfo))
        scaled = (samples["value"] * other.scale).round().astype("int64")
        samples = samples.assign(value=scaled)
        replace_metrics(db, show_id, samples, ImportSource("demo", rows_read=len(samples)))
    made = campaigns.create_campaign(
        db, TITLE, STARTS_ON, ENDS_ON, Targets(gmv_fen=TARGET_GMV_FEN, roi_bp=25_000)
    )
    campaigns.add_shows(db, made.id, show_ids)
    return made.id
