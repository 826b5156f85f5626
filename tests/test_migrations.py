"""The migrations, checked by pytest-alembic on SQLite and on PostgreSQL.

One head; upgrade from nothing to head step by step; the models match what the migrations
build; every step downgrades and upgrades again.
"""

from collections.abc import Iterator

import pytest
from pytest_alembic.plugin.fixtures import alembic_runner
from pytest_alembic.tests import (
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)
from sqlalchemy import Engine

from liveplanner.storage.database import make_engine, parse_url
from liveplanner.storage.schema import alembic_config as liveplanner_alembic_config

# pytest-alembic's plugin is off (-p no:pytest_alembic: its collector breaks on pytest 9), so its
# fixture and built-in tests are imported here and run against our two databases.
__all__ = [
    "alembic_runner",
    "test_model_definitions_match_ddl",
    "test_single_head_revision",
    "test_up_down_consistency",
    "test_upgrade",
]


@pytest.fixture
def alembic_config():
    return liveplanner_alembic_config()


@pytest.fixture
def alembic_engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(parse_url(db_url))
    yield engine
    engine.dispose()


def test_the_quick_revision_reading_agrees_with_alembic() -> None:
    """schema reads revision ids from the files without importing Alembic; it must agree."""
    from alembic.script import ScriptDirectory

    from liveplanner.storage import schema

    scripts = ScriptDirectory.from_config(liveplanner_alembic_config())
    assert schema.head_revision() == scripts.get_current_head()
    assert schema.known_revisions() == {s.revision for s in scripts.walk_revisions()}
