"""Campaigns for both front-ends: list, make, change and delete them, count shows in them, and
where one stands (core.campaign_figures over sums storage reads in the database)."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from liveplanner.core.campaign import Campaign
from liveplanner.core.campaign_figures import (
    CampaignFigures,
    CampaignShow,
    campaign_figures,
    kind_figures,
)
from liveplanner.core.comparison import compare_figures
from liveplanner.core.plan import Targets
from liveplanner.storage import campaigns
from liveplanner.storage.comparison import compared_shows
from liveplanner.storage.database import Database

__all__ = [
    "Campaign",
    "CampaignFigures",
    "CampaignShow",
    "OutsideShow",
    "ShowsAdded",
    "add_shows",
    "count_shows",
    "create_campaign",
    "delete_campaign",
    "figures",
    "list_campaigns",
    "load_campaign",
    "remove_shows",
    "shows_outside",
    "update_campaign",
]


def list_campaigns(db: Database) -> list[Campaign]:
    """Latest start first."""
    return campaigns.list_campaigns(db)


def load_campaign(db: Database, campaign_id: int) -> Campaign:
    return campaigns.load_campaign(db, campaign_id)


def create_campaign(
    db: Database,
    title: str,
    starts_on: date,
    ends_on: date,
    targets: Targets | None = None,
) -> Campaign:
    """A new campaign without shows; its values refused as core.campaign.check_campaign says."""
    return campaigns.create_campaign(db, title, starts_on, ends_on, targets)


def update_campaign(
    db: Database,
    campaign_id: int,
    expected_version: int,
    title: str,
    starts_on: date,
    ends_on: date,
    targets: Targets,
) -> Campaign:
    return campaigns.update_campaign(
        db, campaign_id, expected_version, title, starts_on, ends_on, targets
    )


def delete_campaign(db: Database, campaign_id: int) -> None:
    """The campaign goes; its shows stay as they are."""
    campaigns.delete_campaign(db, campaign_id)


def add_shows(db: Database, campaign_id: int, show_ids: Iterable[int]) -> Campaign:
    return campaigns.add_shows(db, campaign_id, show_ids)


@dataclass(frozen=True, slots=True)
class OutsideShow:
    """A show counted in a campaign though its planned day lies outside the campaign's dates."""

    show_id: int
    title: str
    day: date


@dataclass(frozen=True, slots=True)
class ShowsAdded:
    campaign: Campaign
    already_in: tuple[int, ...]  # named, but counted before: left as they were
    outside: tuple[OutsideShow, ...]  # named, and planned outside the campaign's dates


def count_shows(db: Database, campaign_id: int, show_ids: Iterable[int]) -> ShowsAdded:
    """add_shows, telling which of the shows the campaign counted already and which lie outside
    its dates. Both are accepted: a repeated add changes nothing, and a warm-up show the week
    before still counts, but the user should hear of either."""
    ids = list(dict.fromkeys(show_ids))
    held = set(campaigns.load_campaign(db, campaign_id).show_ids)
    changed = campaigns.add_shows(db, campaign_id, ids)
    return ShowsAdded(changed, tuple(i for i in ids if i in held), shows_outside(db, changed, ids))


def shows_outside(
    db: Database, campaign: Campaign, show_ids: Iterable[int] | None = None
) -> tuple[OutsideShow, ...]:
    """Of `show_ids` (by default the campaign's shows), those planned outside its dates."""
    ids = list(campaign.show_ids if show_ids is None else show_ids)
    days = campaigns.show_days(db, ids)
    return tuple(
        OutsideShow(i, *days[i]) for i in ids if i in days and not campaign.runs_on(days[i][1])
    )


def remove_shows(db: Database, campaign_id: int, show_ids: Iterable[int]) -> Campaign:
    return campaigns.remove_shows(db, campaign_id, show_ids)


def figures(db: Database, campaign_id: int, today: date, lag: int = 2) -> CampaignFigures:
    """Where the campaign stands on `today` (the caller's clock), segment kinds credited with
    sales `lag` minutes on, where the live run put them: as each show's review credits them
    (the comparison of its shows, summed in the database)."""
    inputs = campaigns.campaign_inputs(db, campaign_id)
    found = compared_shows(db, ("gmv",), lag=lag, show_ids=inputs.campaign.show_ids)
    earned = compare_figures(found.shows, found.placed, found.samples, lag)
    planned = Counter(found.segments.kinds)
    return campaign_figures(
        inputs.campaign,
        inputs.shows,
        today,
        kind_figures(earned.kinds, planned),
        inputs.products,
    )
