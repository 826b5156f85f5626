"""The schema's version: which revision a database is at, which is head, and upgrading.

Reading revisions needs no Alembic: the migration files are scanned for their ids, and the
database's alembic_version row read with one query. Alembic itself (a tenth of a second to
import) loads only when a database has to be migrated.
"""

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
_ID = re.compile(r"^(down_)?revision\s*(?::[^=]*)?=\s*['\"]?([\w-]+|None)['\"]?", re.MULTILINE)


def alembic_config(connection: Connection | None = None) -> "Config":
    """Alembic's configuration without an alembic.ini: the migrations ship inside the package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def _revisions(folder: Path) -> dict[str, str | None]:
    """Each migration's revision id -> the one it follows, read from the files themselves."""
    graph: dict[str, str | None] = {}
    for path in folder.glob("versions/*.py"):
        found = dict((bool(down), value) for down, value in _ID.findall(path.read_text()))
        if False in found:
            down = found.get(True)
            graph[found[False]] = None if down in (None, "None") else down
    return graph


def known_revisions() -> set[str]:
    return set(_revisions(MIGRATIONS))


def head_revision() -> str:
    graph = _revisions(MIGRATIONS)
    heads = set(graph) - {d for d in graph.values() if d}
    assert len(heads) == 1, f"the migrations must have one head, not {sorted(heads)}"
    return heads.pop()


def current_revision(connection: Connection) -> str | None:
    """The revision a database is at; None for a database without our schema."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def is_known_revision(revision: str) -> bool:
    return revision in known_revisions()


def upgrade(connection: Connection) -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), "head")
