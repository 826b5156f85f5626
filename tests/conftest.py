"""Shared fixtures: a fresh database per test on SQLite, and on PostgreSQL when one is given."""

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

# Widgets render offscreen in tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import settings
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from liveplanner.app.workspace import open_database
from liveplanner.storage.database import Database

# A run's result must not depend on the run: property tests draw their examples from a seed fixed
# per test, so CI meets what the developer met. `--hypothesis-profile=explore` draws new ones
# (and a failure found that way becomes a named example or a fix).
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("repeatable")

POSTGRES_ENV = "LIVEPLANNER_TEST_POSTGRES_URL"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No test reads or writes the real user data folder or a developer's database setting."""
    monkeypatch.setenv("LIVEPLANNER_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("LIVEPLANNER_DATABASE_URL", raising=False)


@pytest.fixture(autouse=True)
def _english_system(monkeypatch: pytest.MonkeyPatch):
    """The system speaks English unless a test chooses a language: a developer's Chinese locale
    does not change what the command line prints (app.language reads these variables)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'shows.sqlite3'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A new, empty PostgreSQL database, dropped afterwards; skipped when none is configured."""
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"{POSTGRES_ENV} is not set")
    name = f"liveplanner_test_{uuid.uuid4().hex[:12]}"
    url = make_url(base)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """Each test that takes it runs on SQLite and on PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture
def db(db_url: str, tmp_path: Path) -> Iterator[Database]:
    database = open_database(db_url, backup_dir=tmp_path / "backups")
    yield database
    database.close()
