"""Campaigns of shows: made, changed, deleted, their shows added and removed; and what a
campaign's figures are computed from, summed in the database (GROUP BY over the minute samples
and the product exports, on SQLite and PostgreSQL alike), never by loading every sample."""

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from liveplanner.core.campaign import Campaign, check_campaign
from liveplanner.core.campaign_figures import (
    CampaignShow,
    ProductSums,
    ShowSums,
)
from liveplanner.core.plan import Targets
from liveplanner.core.refused import Refused
from liveplanner.storage import convert
from liveplanner.storage.database import Database
from liveplanner.storage.errors import InvalidValueError, NotFoundError, no_show
from liveplanner.storage.guard import check_version
from liveplanner.storage.limits import check_columns
from liveplanner.storage.models import (
    CampaignRow,
    CampaignShowRow,
    MetricSampleRow,
    ProductSalesRow,
    ShowRow,
    utcnow,
)

# The metrics a campaign sums per show, and the ShowSums field each goes to.
SUMMED = {
    "gmv": "gmv_fen",
    "orders": "orders",
    "buyers": "buyers",
    "unique_viewers": "unique_viewers",
    "views": "views",
    "new_followers": "new_followers",
    "ad_spend": "ad_spend_fen",
}


@dataclass(frozen=True, slots=True)
class CampaignInputs:
    """All a campaign's figures are computed from, read in a handful of queries."""

    campaign: Campaign
    shows: tuple[CampaignShow, ...]
    products: tuple[ProductSums, ...]


def no_campaign(campaign_id: int) -> NotFoundError:
    return NotFoundError(
        f"there is no campaign {campaign_id}",
        code="storage.no_campaign",
        figures={"id": campaign_id},
    )


def _checked(title: str, starts_on: date, ends_on: date, targets: Targets) -> str:
    """The title to store, once the values are ones a campaign takes and its columns hold."""
    try:
        title = check_campaign(title, starts_on, ends_on, targets)
    except Refused as exc:
        raise InvalidValueError.refusing(exc) from None
    check_columns(CampaignRow.__table__, convert.target_columns(targets))
    return title


def _campaign_row(session: Session, campaign_id: int) -> CampaignRow:
    row = session.get(CampaignRow, campaign_id)
    if row is None or row.deleted_at is not None:
        raise no_campaign(campaign_id)
    return row


def _campaign(session: Session, row: CampaignRow) -> Campaign:
    show_ids = session.scalars(
        select(CampaignShowRow.show_id)
        .join(ShowRow, ShowRow.id == CampaignShowRow.show_id)
        .where(CampaignShowRow.campaign_id == row.id, ShowRow.deleted_at.is_(None))
        .order_by(ShowRow.planned_start, ShowRow.id)
    ).all()
    return Campaign(
        id=row.id,
        title=row.title,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        targets=convert.targets(row),
        notes=row.notes,
        show_ids=tuple(show_ids),
        version=row.version,
    )


def create_campaign(
    db: Database,
    title: str,
    starts_on: date,
    ends_on: date,
    targets: Targets | None = None,
    notes: str = "",
) -> Campaign:
    targets = targets or Targets()
    title = _checked(title, starts_on, ends_on, targets)
    with db.session() as session:
        row = CampaignRow(
            title=title,
            starts_on=starts_on,
            ends_on=ends_on,
            notes=notes,
            **convert.target_columns(targets),
        )
        session.add(row)
        session.flush()
        return _campaign(session, row)


def update_campaign(
    db: Database,
    campaign_id: int,
    expected_version: int,
    title: str,
    starts_on: date,
    ends_on: date,
    targets: Targets,
) -> Campaign:
    """Change a campaign's title, dates and targets, refusing if someone changed it since."""
    title = _checked(title, starts_on, ends_on, targets)
    with db.session() as session:
        row = _campaign_row(session, campaign_id)
        check_version("campaign", campaign_id, row.version, expected_version)
        row.title, row.starts_on, row.ends_on = title, starts_on, ends_on
        for name, value in convert.target_columns(targets).items():
            setattr(row, name, value)
        session.flush()
        return _campaign(session, row)


def delete_campaign(db: Database, campaign_id: int) -> None:
    """The campaign leaves the list; its shows are untouched."""
    with db.session() as session:
        _campaign_row(session, campaign_id).deleted_at = utcnow()


def load_campaign(db: Database, campaign_id: int) -> Campaign:
    with db.session() as session:
        return _campaign(session, _campaign_row(session, campaign_id))


def list_campaigns(db: Database) -> list[Campaign]:
    """The campaigns not deleted, latest start first."""
    with db.session() as session:
        rows = session.scalars(
            select(CampaignRow)
            .where(CampaignRow.deleted_at.is_(None))
            .order_by(CampaignRow.starts_on.desc(), CampaignRow.id.desc())
        ).all()
        return [_campaign(session, row) for row in rows]


def add_shows(db: Database, campaign_id: int, show_ids: Iterable[int]) -> Campaign:
    """Count the shows in the campaign (those it counts already stay as they are)."""
    with db.session() as session:
        row = _campaign_row(session, campaign_id)
        held = set(
            session.scalars(
                select(CampaignShowRow.show_id).where(CampaignShowRow.campaign_id == campaign_id)
            )
        )
        for show_id in dict.fromkeys(show_ids):
            show = session.get(ShowRow, show_id)
            if show is None or show.deleted_at is not None:
                raise no_show(show_id)
            if show_id not in held:
                session.add(CampaignShowRow(campaign_id=campaign_id, show_id=show_id))
                held.add(show_id)
        session.flush()
        return _campaign(session, row)


def remove_shows(db: Database, campaign_id: int, show_ids: Iterable[int]) -> Campaign:
    """The shows no longer count in the campaign (the shows themselves are untouched). A show
    it does not count is refused, naming it and the campaign, and nothing is removed: a mistyped
    id should not pass as done."""
    ids = list(dict.fromkeys(show_ids))
    with db.session() as session:
        row = _campaign_row(session, campaign_id)
        links = {
            link.show_id: link
            for link in session.scalars(
                select(CampaignShowRow).where(
                    CampaignShowRow.campaign_id == campaign_id, CampaignShowRow.show_id.in_(ids)
                )
            )
        }
        for show_id in ids:
            show = session.get(ShowRow, show_id)
            if show is None or show.deleted_at is not None:
                raise no_show(show_id)
            if show_id not in links:
                raise NotFoundError(
                    f"show {show_id} ({show.title}) is not in campaign {campaign_id} "
                    f"({row.title}); nothing was changed",
                    code="campaign.show_not_in",
                    figures={
                        "show": show_id,
                        "show_title": show.title,
                        "id": campaign_id,
                        "title": row.title,
                    },
                )
        for link in links.values():
            session.delete(link)
        session.flush()
        return _campaign(session, row)


def show_days(db: Database, show_ids: Iterable[int]) -> dict[int, tuple[str, date]]:
    """Each show's title and the day it is planned for, in its own time zone (the day a
    campaign's dates are read against); shows not there are left out."""
    ids = list(show_ids)
    with db.session() as session:
        rows = session.scalars(
            select(ShowRow).where(ShowRow.id.in_(ids), ShowRow.deleted_at.is_(None))
        ).all()
        return {
            row.id: (
                row.title,
                row.planned_start.astimezone(ZoneInfo(row.time_zone)).date(),
            )
            for row in rows
        }


def campaign_inputs(db: Database, campaign_id: int) -> CampaignInputs:
    """The campaign, its shows with their metrics and refunds summed per show, and their product
    exports summed per product. (What each segment kind earned comes from the comparison of
    its shows: storage.comparison.compared_shows.)"""
    with db.session() as session:
        campaign = _campaign(session, _campaign_row(session, campaign_id))
        ids = list(campaign.show_ids)
        show_rows = session.scalars(select(ShowRow).where(ShowRow.id.in_(ids))).all()
        sums: dict[int, dict[str, int]] = {i: {} for i in ids}
        for show_id, metric, total in session.execute(
            select(MetricSampleRow.show_id, MetricSampleRow.metric, func.sum(MetricSampleRow.value))
            .where(MetricSampleRow.show_id.in_(ids), MetricSampleRow.metric.in_(list(SUMMED)))
            .group_by(MetricSampleRow.show_id, MetricSampleRow.metric)
        ):
            sums[show_id][SUMMED[metric]] = int(total)
        for show_id, refunds in session.execute(
            select(ProductSalesRow.show_id, func.sum(ProductSalesRow.refunds_fen))
            .where(ProductSalesRow.show_id.in_(ids))
            .group_by(ProductSalesRow.show_id)
        ):
            if refunds is not None:
                sums[show_id]["refunds_fen"] = int(refunds)
        shows = tuple(
            CampaignShow(
                row.id,
                row.title,
                row.platform,
                row.planned_start.astimezone(ZoneInfo(row.time_zone)),
                ShowSums(**sums[row.id]),
            )
            for row in show_rows
        )
        return CampaignInputs(
            campaign,
            tuple(sorted(shows, key=lambda s: (s.planned_start, s.show_id))),
            _products(session, ids),
        )


def _products(session: Session, ids: list[int]) -> tuple[ProductSums, ...]:
    figures = [
        func.sum(getattr(ProductSalesRow, name)) for name in ("sold", "gmv_fen", "refunds_fen")
    ]
    rows = session.execute(
        select(
            ProductSalesRow.name,
            ProductSalesRow.link,
            func.count(func.distinct(ProductSalesRow.show_id)),
            *figures,
        )
        .where(ProductSalesRow.show_id.in_(ids))
        .group_by(ProductSalesRow.name, ProductSalesRow.link)
    )
    return tuple(
        ProductSums(
            name,
            link,
            int(shows),
            *(None if value is None else int(value) for value in (sold, gmv, refunds)),
        )
        for name, link, shows, sold, gmv, refunds in rows
    )


assert {f.name for f in fields(ShowSums)} == {*SUMMED.values(), "refunds_fen"}
