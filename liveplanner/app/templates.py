"""Team templates: a show saved as a starting plan for new shows, listed beside the built-in
templates and shared by everyone on the team's database. A template is kept as a show file's
text (formats/showfile), so one saved by an older liveplanner reads back upgraded and checked."""

import json
from dataclasses import dataclass
from datetime import datetime

from liveplanner.core.enums import Platform
from liveplanner.core.plan import DEFAULT_TIME_ZONE, ShowPlan
from liveplanner.core.show_record import ShowBundle
from liveplanner.core.team_templates import show_from_template, template_from_show
from liveplanner.formats.showfile.reader import read_show_file
from liveplanner.formats.showfile.writer import show_document
from liveplanner.storage import shows, team_templates
from liveplanner.storage.database import Database


@dataclass(frozen=True, slots=True)
class TeamTemplate:
    """A team template as listed: its name, when and by whom it was saved, and its plan."""

    name: str
    saved_at: datetime  # aware UTC
    saved_by: str
    plan: ShowPlan

    @property
    def segments(self) -> int:
        return len(self.plan.segments)

    @property
    def duration_s(self) -> int:
        return sum(s.duration_s for s in self.plan.segments)

    @property
    def products(self) -> int:
        return len(self.plan.products)


def _read(stored: team_templates.StoredTemplate) -> TeamTemplate:
    bundle = read_show_file(stored.plan.encode("utf-8"), stored.name)
    return TeamTemplate(stored.name, stored.saved_at, stored.saved_by, bundle.plan)


def save_template(
    db: Database, show_id: int, name: str, with_products: bool = False, replace: bool = False
) -> TeamTemplate:
    """Keep the show's plan as a team template called `name`: its segments, roles, cues,
    promos and targets, with its products only when asked. A name taken is refused unless
    `replace`."""
    plan = template_from_show(shows.load_plan(db, show_id), with_products)
    text = json.dumps(show_document(ShowBundle(plan)), ensure_ascii=False)
    return _read(team_templates.save_template(db, name, text, replace))


def list_templates(db: Database) -> list[TeamTemplate]:
    """The team's templates by name."""
    return [_read(t) for t in team_templates.list_templates(db)]


def template_names(db: Database) -> list[str]:
    """The team's templates' names, by name, without reading their plans (for a menu)."""
    return [t.name for t in team_templates.list_templates(db)]


def load_template(db: Database, name: str) -> TeamTemplate:
    return _read(team_templates.load_template(db, name))


def delete_template(db: Database, name: str) -> None:
    team_templates.delete_template(db, name)


def create_from_template(
    db: Database,
    name: str,
    title: str,
    start: datetime,
    platform: Platform,
    zone: str = DEFAULT_TIME_ZONE,
) -> int:
    """A new draft show from the team template `name`; its id."""
    template = load_template(db, name).plan
    return shows.save_plan(db, show_from_template(template, title, start, platform, zone))
