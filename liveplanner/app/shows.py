"""Operations on whole shows that both front-ends call: list them, make one (blank or from a
template), add the demo, duplicate one, move one to the bin and back."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from liveplanner.app.demo import create_demo
from liveplanner.app.templates import create_from_template
from liveplanner.core.enums import Platform, ShowStatus
from liveplanner.core.plan import DEFAULT_TIME_ZONE, MAX_TITLE, ShowPlan
from liveplanner.core.templates import Template, template_plan
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.storage.shows import ShowSummary

# A line of the list is storage's read-only record; the front-ends only read its fields.
__all__ = [
    "ShowSummary",
    "add_demo",
    "create_show",
    "delete_show",
    "duplicate_show",
    "list_shows",
    "restore_show",
]


def list_shows(
    db: Database,
    search: str = "",
    platform: Platform | None = None,
    status: ShowStatus | None = None,
    days_from: int | None = None,
    days_before: int | None = None,
    now: datetime | None = None,
) -> list[ShowSummary]:
    """The shows not in the bin, newest planned start first, whose title or room holds `search`
    (stripped), on `platform`, with `status`, planned from `days_from` days after `now` (default:
    this moment) and before `days_before` days after it; None leaves a filter open."""
    now = now or datetime.now(UTC)
    return shows.list_shows(
        db,
        search=search.strip(),
        platform=platform,
        status=status,
        starts_from=None if days_from is None else now + timedelta(days=days_from),
        starts_before=None if days_before is None else now + timedelta(days=days_before),
    )


def create_show(
    db: Database,
    title: str,
    start: datetime,
    platform: Platform,
    zone: str = DEFAULT_TIME_ZONE,
    template: Template | str | None = None,
    language: str = "en",
) -> int:
    """A new draft show, blank, with a built-in template's segments worded in `language` ("zh"
    or "en"), or from the team template of that name; its id. `start` must be aware."""
    if template is None:
        return shows.create_show(db, title.strip(), start, platform, zone)
    if not isinstance(template, Template):
        return create_from_template(db, template, title.strip(), start, platform, zone)
    plan = template_plan(template, title.strip(), start, platform, zone, language=language)
    return shows.save_plan(db, plan)


def add_demo(db: Database) -> int:
    """The demo show, with a rehearsal, a live run and its minute metrics; the demo's campaign
    of it and four more shows (issue 19); and the season of seven earlier shows its advice
    rests on (issue 20). The demo show's id."""
    return create_demo(db, campaign=True)


def duplicate_show(db: Database, show_id: int, copy_title: Callable[[str], str]) -> int:
    """A draft copy of the show with its whole plan, titled `copy_title(its title)` (cut to the
    longest title kept); the copy's id."""
    title = shows.load_plan(db, show_id).show.title
    return shows.duplicate_show(db, show_id, copy_title(title)[:MAX_TITLE])


def delete_show(db: Database, show_id: int) -> None:
    """Move the show to the bin: it leaves the list, and restore_show brings it back whole."""
    shows.delete_show(db, show_id)


def restore_show(db: Database, show_id: int) -> None:
    shows.restore_show(db, show_id)


def show_plan(db: Database, show_id: int) -> ShowPlan:
    """The show's whole plan as stored: segments, team, products, promos, cues and releases."""
    return shows.load_plan(db, show_id)
