"""A team's own templates, kept in the database so everyone on a shared server has them. Each
holds a show's plan as show-file text; app/templates.py writes and reads that text."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from liveplanner.core.refused import Refused
from liveplanner.core.team_templates import template_name
from liveplanner.storage.database import Database
from liveplanner.storage.errors import InvalidValueError, NotFoundError
from liveplanner.storage.models import TeamTemplateRow, utcnow


@dataclass(frozen=True, slots=True)
class StoredTemplate:
    id: int
    name: str
    saved_at: datetime  # aware UTC
    saved_by: str
    plan: str  # the show file's JSON text


def _name(name: str) -> str:
    try:
        return template_name(name)
    except Refused as exc:
        raise InvalidValueError.refusing(exc) from None


def no_template(name: str) -> NotFoundError:
    return NotFoundError(
        f"there is no team template {name!r}", code="storage.no_template", figures={"name": name}
    )


def _plain(row: TeamTemplateRow) -> StoredTemplate:
    return StoredTemplate(row.id, row.name, row.saved_at, row.saved_by, row.plan)


def _row(session: Session, name: str) -> TeamTemplateRow | None:
    return session.scalars(select(TeamTemplateRow).where(TeamTemplateRow.name == name)).first()


def save_template(db: Database, name: str, plan: str, replace: bool = False) -> StoredTemplate:
    """Keep `plan` under `name` (trimmed). A name taken is refused unless `replace`, which
    puts this plan in the old one's place."""
    name = _name(name)
    with db.session() as session:
        row = _row(session, name)
        if row is not None and not replace:
            raise InvalidValueError(
                f"a team template called {name!r} exists already; replace it or pick another name",
                code="storage.template_exists",
                figures={"name": name},
            )
        if row is None:
            row = TeamTemplateRow(name=name)
            session.add(row)
        row.plan, row.saved_by, row.saved_at = plan, db.user[:200], utcnow()
        session.flush()
        return _plain(row)


def load_template(db: Database, name: str) -> StoredTemplate:
    with db.session() as session:
        row = _row(session, name.strip())
        if row is None:
            raise no_template(name.strip())
        return _plain(row)


def list_templates(db: Database) -> list[StoredTemplate]:
    """By name."""
    with db.session() as session:
        rows = session.scalars(select(TeamTemplateRow).order_by(TeamTemplateRow.name)).all()
        return [_plain(row) for row in rows]


def delete_template(db: Database, name: str) -> None:
    with db.session() as session:
        row = _row(session, name.strip())
        if row is None:
            raise no_template(name.strip())
        session.delete(row)
