"""A campaign: shows on any platform aimed at one target over a stretch of dates (双11, 黑五,
a quarter)."""

from dataclasses import dataclass, field
from datetime import date

from liveplanner.core.plan import FIRST_SHOW_TIME, LAST_SHOW_TIME, Targets
from liveplanner.core.refused import Refused


@dataclass(frozen=True, slots=True)
class Campaign:
    id: int
    title: str
    starts_on: date
    ends_on: date  # the last day it runs, inclusive
    targets: Targets = field(default_factory=Targets)
    notes: str = ""
    show_ids: tuple[int, ...] = ()  # by planned start
    version: int = 1

    def runs_on(self, day: date) -> bool:
        """Whether `day` (a show's own day, in its time zone) lies within the campaign's dates.
        A show outside them may still be counted (a warm-up the week before); it is flagged."""
        return self.starts_on <= day <= self.ends_on


MAX_CAMPAIGN_TITLE = 200


def check_campaign(title: str, starts_on: date, ends_on: date, targets: Targets) -> str:
    """The campaign's title, stripped, once its values are ones a campaign can take: a title of
    1 to 200 characters, an end on or after the start, no target under 0. Refused (a code of
    the catalogue, app/messages/campaigns.py) otherwise."""
    title = title.strip()
    if not title or len(title) > MAX_CAMPAIGN_TITLE:
        raise Refused(
            f"a campaign's title needs 1 to {MAX_CAMPAIGN_TITLE} characters",
            "campaign.bad_title",
            max=MAX_CAMPAIGN_TITLE,
        )
    first, last = FIRST_SHOW_TIME.year, LAST_SHOW_TIME.year - 1
    for day in (starts_on, ends_on):
        # A campaign counts shows, and a show is planned in these years only.
        if not first <= day.year <= last:
            raise Refused(
                f"{day.isoformat()} is not a day a campaign can have; expected a day in the years "
                f"{first} to {last}",
                "campaign.day_out_of_range",
                day=day.isoformat(),
                first=first,
                last=last,
            )
    if ends_on < starts_on:
        raise Refused(
            f"the campaign ends ({ends_on}) before it starts ({starts_on})",
            "campaign.ends_before_start",
            start=starts_on.isoformat(),
            end=ends_on.isoformat(),
        )
    for name in Targets.__dataclass_fields__:
        value = getattr(targets, name)
        if value is not None and value < 0:
            raise Refused(
                f"a campaign's target cannot be under 0 ({name}: {value})",
                "campaign.negative_target",
                name=name,
            )
    return title
