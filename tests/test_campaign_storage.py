"""Campaigns stored on SQLite and PostgreSQL: made, changed, deleted, shows added and removed,
and their figures' inputs summed in the database (per show and metric, per minute, per product)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from liveplanner.app import campaigns as app_campaigns
from liveplanner.app.demo import create_demo
from liveplanner.core.campaign_figures import ShowSums
from liveplanner.core.enums import Platform, SegmentKind
from liveplanner.core.plan import Targets
from liveplanner.core.product_sales import ProductImport, ProductSales
from liveplanner.core.review import review
from liveplanner.storage import campaigns, product_sales, samples, segments, shows
from liveplanner.storage.database import Database
from liveplanner.storage.errors import InvalidValueError, NotFoundError, StaleEditError
from liveplanner.storage.runs import list_runs

SH = ZoneInfo("Asia/Shanghai")


def _show(db: Database, title: str, day: int, platform: Platform = Platform.DOUYIN) -> int:
    return shows.create_show(db, title, datetime(2026, 11, day, 20, tzinfo=SH), platform)


def _metrics(db: Database, show_id: int, rows: list[tuple[str, str, int]]) -> None:
    frame = pd.DataFrame(
        {
            "minute": [pd.Timestamp(m, tz="Asia/Shanghai").tz_convert("UTC") for m, _, _ in rows],
            "metric": [metric for _, metric, _ in rows],
            "value": [value for _, _, value in rows],
        }
    )
    samples.replace_metrics(db, show_id, frame, samples.ImportSource("x.csv"))


def test_a_campaign_is_made_changed_listed_and_deleted(db: Database) -> None:
    made = campaigns.create_campaign(
        db, " 双11 ", date(2026, 11, 1), date(2026, 11, 11), Targets(gmv_fen=100_00)
    )
    assert made.title == "双11" and made.targets.gmv_fen == 100_00 and made.show_ids == ()
    changed = campaigns.update_campaign(
        db, made.id, made.version, "双11 大促", made.starts_on, date(2026, 11, 12), Targets()
    )
    assert changed.title == "双11 大促" and changed.targets.gmv_fen is None
    assert changed.ends_on == date(2026, 11, 12)
    with pytest.raises(StaleEditError):
        campaigns.update_campaign(
            db, made.id, made.version, "x", made.starts_on, made.ends_on, Targets()
        )
    with pytest.raises(InvalidValueError) as refused:
        campaigns.update_campaign(
            db, made.id, changed.version, "x", date(2026, 11, 5), date(2026, 11, 1), Targets()
        )
    assert refused.value.code == "campaign.ends_before_start"
    with pytest.raises(InvalidValueError) as refused:  # more than the column holds
        campaigns.create_campaign(db, "x", made.starts_on, made.ends_on, Targets(gmv_fen=10**20))
    assert refused.value.code == "storage.too_large"
    assert [c.id for c in campaigns.list_campaigns(db)] == [made.id]
    campaigns.delete_campaign(db, made.id)
    assert campaigns.list_campaigns(db) == []
    with pytest.raises(NotFoundError) as missing:
        campaigns.load_campaign(db, made.id)
    assert missing.value.code == "storage.no_campaign"


def test_shows_are_added_once_in_time_order_and_removed(db: Database) -> None:
    late, early = _show(db, "late", 10), _show(db, "early", 1)
    made = campaigns.create_campaign(db, "Q4", date(2026, 10, 1), date(2026, 12, 31))
    added = campaigns.add_shows(db, made.id, [late, early, late])
    assert added.show_ids == (early, late)
    assert campaigns.add_shows(db, made.id, [early]).show_ids == (early, late)
    with pytest.raises(NotFoundError) as missing:
        campaigns.add_shows(db, made.id, [early, 9999])
    assert missing.value.code == "storage.no_show"
    assert campaigns.load_campaign(db, made.id).show_ids == (early, late)  # nothing half-added
    assert campaigns.remove_shows(db, made.id, [late]).show_ids == (early,)
    shows.delete_show(db, early)  # a show in the bin does not count
    assert campaigns.load_campaign(db, made.id).show_ids == ()


def test_inputs_are_summed_per_show_and_per_product(db: Database) -> None:
    one, two, future = _show(db, "one", 1), _show(db, "two", 3, Platform.TAOBAO), _show(db, "f", 9)
    segments.add_segment(db, one, SegmentKind.OPENING, "hi", 600)
    segments.add_segment(db, one, SegmentKind.FLASH_SALE, "sale", 300)
    _metrics(
        db,
        one,
        [
            ("2026-11-01 20:01", "gmv", 1_000),
            ("2026-11-01 20:12", "gmv", 5_000),
            ("2026-11-01 20:12", "orders", 3),
            ("2026-11-01 20:12", "online_viewers", 500),  # not summed
        ],
    )
    _metrics(db, two, [("2026-11-03 20:00", "gmv", 700), ("2026-11-03 20:00", "ad_spend", 100)])
    for show_id, gmv in ((one, 4_000), (two, 2_000)):
        product_sales.replace_product_sales(
            db,
            show_id,
            ProductImport("p.csv"),
            [
                ProductSales(1, "面霜", "88", None, sold=2, gmv_fen=gmv, refunds_fen=gmv // 10),
                ProductSales(2, "赠品", "", None),
            ],
        )
    made = campaigns.create_campaign(db, "双11", date(2026, 11, 1), date(2026, 11, 11))
    campaigns.add_shows(db, made.id, [one, two, future])
    inputs = campaigns.campaign_inputs(db, made.id)
    sums = {s.show_id: s.sums for s in inputs.shows}
    assert sums[one] == ShowSums(gmv_fen=6_000, orders=3, refunds_fen=400)
    assert sums[two] == ShowSums(gmv_fen=700, ad_spend_fen=100, refunds_fen=200)
    assert sums[future] == ShowSums()
    assert [s.platform for s in inputs.shows] == [Platform.DOUYIN, Platform.TAOBAO, Platform.DOUYIN]
    assert inputs.shows[0].planned_start.tzinfo is not None
    products = {p.name: p for p in inputs.products}
    assert (products["面霜"].shows, products["面霜"].sold, products["面霜"].gmv_fen) == (
        2,
        4,
        6_000,
    )
    assert products["赠品"].gmv_fen is None and products["赠品"].sold is None


def test_the_campaign_credits_each_kind_as_its_shows_reviews_do(db: Database) -> None:
    # The demo's campaign: the demo show ran live off its plan, so crediting its planned times
    # (as the campaign once did) disagreed with its review.
    create_demo(db, campaign=True)
    (made,) = campaigns.list_campaigns(db)
    kinds = {k.kind: k for k in app_campaigns.figures(db, made.id, date(2026, 12, 4)).by_kind}
    reviewed: dict[SegmentKind, int] = {}
    for show_id in made.show_ids:
        stored = samples.load_metrics(db, show_id)
        if stored.empty:
            continue
        result = review(shows.load_plan(db, show_id), list_runs(db, show_id), stored)
        for group in result.by_kind:
            if group.gmv_fen is not None:
                kind = SegmentKind(group.key)
                reviewed[kind] = reviewed.get(kind, 0) + group.gmv_fen
    assert reviewed and {k: v.gmv_fen for k, v in kinds.items() if k in reviewed} == reviewed
