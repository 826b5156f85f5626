"""Alembic environment: runs on the connection liveplanner (or pytest-alembic) hands over."""

import sqlite3
from typing import cast

from alembic import context
from sqlalchemy import Connection, Engine, create_engine

from liveplanner.storage.models import Base

config = context.config


def _run(connection: Connection) -> None:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite and not connection.in_transaction():
        # Rebuilding a table in batch mode drops and recreates it: with foreign keys on, SQLite
        # would delete its children. PRAGMA foreign_keys is ignored inside a transaction.
        driver = cast(sqlite3.Connection, connection.connection.driver_connection)
        driver.execute("PRAGMA foreign_keys=OFF")
    if sqlite and connection.exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError("SQLite migrations must run with foreign keys off (see database.py)")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=sqlite,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
        if sqlite:
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"migration would break foreign keys: {broken[:5]}")


def run_migrations_online() -> None:
    # liveplanner hands over a Connection; pytest-alembic an Engine; the alembic CLI a URL.
    given = config.attributes.get("connection")
    if isinstance(given, Connection):
        _run(given)
        return
    engine = (
        given
        if isinstance(given, Engine)
        else create_engine(config.get_main_option("sqlalchemy.url") or "")
    )
    with engine.connect() as conn:
        _run(conn)
        conn.commit()


if context.is_offline_mode():
    raise SystemExit("liveplanner's migrations run online only")
run_migrations_online()
