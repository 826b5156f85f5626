"""Migrations keep the data: every table filled at the first revision, then upgraded to head.

Nothing here names a table or a revision: the revisions come from Alembic's ScriptDirectory,
the tables from reflection, and the rows from a filler that reads each column's type (enum
values from the models, foreign keys pointing at real parent rows, NULL in nullable columns of
one row). A migration added later is covered without touching this file.

After every step: each table that exists before and after has the same rows (counted, and every
column the two revisions share compared value for value), and every foreign key resolves.
"""

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, MetaData, Table, select

from liveplanner.app.workspace import open_database
from liveplanner.storage import schema, shows
from liveplanner.storage.database import make_engine, parse_url
from liveplanner.storage.models import Base

ROWS = 3  # per table: row 0 has NULL in every nullable column, rows 1 and 2 values
SKIP = {"alembic_version"}
TIME_ZONES = ["Asia/Shanghai", "Europe/Berlin", "America/New_York"]


def revisions() -> list[str]:
    """Every revision, from the first (the base) to head, as Alembic orders them."""
    scripts = ScriptDirectory.from_config(schema.alembic_config())
    ordered = [s.revision for s in scripts.walk_revisions("base", "heads")][::-1]
    assert ordered[0] == scripts.get_base()
    assert ordered[-1] == scripts.get_current_head() == schema.head_revision()
    return ordered


def upgrade_to(engine: Engine, revision: str) -> None:
    """Upgrade one step the way database._migrate does: on SQLite with foreign keys off around
    the transaction (so a batch rebuild of a parent keeps its children), in one transaction."""
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            driver = conn.connection.driver_connection
            driver.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                command.upgrade(schema.alembic_config(conn), revision)
        finally:
            if sqlite:
                driver.execute("PRAGMA foreign_keys=ON")
        assert schema.current_revision(conn) == revision


def reflect(conn: Connection) -> MetaData:
    metadata = MetaData()
    metadata.reflect(conn)
    return metadata


# Filling


def _enum_values() -> dict[tuple[str, str], list[str]]:
    """(table, column) -> the values an enum column may hold, from the models (the database
    stores them as plain VARCHAR(24), which reflection cannot tell from any other string)."""
    found = {}
    for table in Base.metadata.tables.values():
        for column in table.columns:
            if isinstance(column.type, sa.Enum):
                found[table.name, column.name] = list(column.type.enums)
    return found


ENUMS = _enum_values()


def _value(table: Table, column: sa.Column, t: int, i: int) -> Any:
    """A value for a plain (not foreign key) column: distinct per table, column and row, and
    within every check liveplanner puts on a column (counts and amounts are never negative)."""
    kind = column.type
    if (table.name, column.name) in ENUMS:
        values = ENUMS[table.name, column.name]
        return values[(i + t) % len(values)]
    if column.name == "time_zone":
        return TIME_ZONES[i % len(TIME_ZONES)]
    if isinstance(kind, sa.Boolean):
        return i % 2 == 1
    if isinstance(kind, sa.BigInteger):
        return 5_000_000_000 + 1000 * t + i  # does not fit 32 bits: a narrowing would show
    if isinstance(kind, sa.Integer):
        return 100 * t + 7 * i + 1
    if isinstance(kind, sa.Float | sa.Numeric):
        value = t + i / 4 + 0.5
        return Decimal(str(value)) if getattr(kind, "asdecimal", False) else value
    if isinstance(kind, sa.DateTime):
        return datetime(2026, 11, 11, 12, 0, 0) + timedelta(days=t, minutes=i, seconds=i)
    if isinstance(kind, sa.Date):
        return date(2026, 11, 11) + timedelta(days=t + i)
    if isinstance(kind, sa.LargeBinary):
        return bytes([t, i, 0, 255])
    if isinstance(kind, sa.JSON):
        return {"table": table.name, "row": i}
    if isinstance(kind, sa.String):
        text = f"{table.name}.{column.name} #{i} 双11"
        if kind.length is None:
            return text + "\nsecond line, 'quoted' and \"double\""
        return text[-kind.length :] if len(text) > kind.length else text
    raise AssertionError(f"no test value for {table.name}.{column.name} of type {kind!r}")


def _is_autoincrement_id(table: Table, column: sa.Column) -> bool:
    pk = list(table.primary_key.columns)
    return (
        pk == [column]
        and isinstance(column.type, sa.Integer)
        and not column.foreign_keys
        and column.autoincrement in (True, "auto")
    )


def fill(conn: Connection, metadata: MetaData) -> dict[str, list[dict[str, Any]]]:
    """ROWS rows in every table, parents first; returns each table's rows as inserted."""
    inserted: dict[str, list[dict[str, Any]]] = {}
    for t, table in enumerate(metadata.sorted_tables):
        if table.name in SKIP:
            continue
        rows = inserted.setdefault(table.name, [])
        fk_columns = {c for fk in table.foreign_key_constraints for c in fk.column_keys}
        for i in range(ROWS):
            row: dict[str, Any] = {}
            for fk in table.foreign_key_constraints:
                parents = inserted.get(fk.referred_table.name, [])
                nullable = all(table.c[c].nullable for c in fk.column_keys)
                if (nullable and i == 0) or not parents:
                    assert nullable, f"{table.name}: no parent row for {fk.column_keys}"
                    row.update(dict.fromkeys(fk.column_keys))
                    continue
                parent = parents[i % len(parents)]
                for element in fk.elements:
                    row[element.parent.name] = parent[element.column.name]
            for column in table.columns:
                if column.name in fk_columns or _is_autoincrement_id(table, column):
                    continue
                if column.nullable and i == 0:
                    row[column.name] = None
                else:
                    row[column.name] = _value(table, column, t, i)
            result = conn.execute(table.insert().values(**row))
            for column, value in zip(
                table.primary_key.columns, result.inserted_primary_key, strict=True
            ):
                row[column.name] = value
            rows.append(row)
    return inserted


# Checking


@dataclass
class Snapshot:
    """Every table's rows, keyed by primary key, with every column."""

    tables: dict[str, dict[tuple, dict[str, Any]]]

    @classmethod
    def take(cls, conn: Connection) -> "Snapshot":
        metadata = reflect(conn)
        tables = {}
        for table in metadata.sorted_tables:
            if table.name in SKIP:
                continue
            key = list(table.primary_key.columns) or list(table.columns)
            rows = conn.execute(select(table).order_by(*key)).mappings().all()
            tables[table.name] = {tuple(r[c.name] for c in key): dict(r) for r in rows}
        return cls(tables)


def assert_kept(before: Snapshot, after: Snapshot, step: str) -> None:
    kept = set(before.tables) & set(after.tables)
    assert kept, step
    for name in sorted(kept):
        old, new = before.tables[name], after.tables[name]
        assert len(new) == len(old), f"{step}: {name} had {len(old)} rows, has {len(new)}"
        assert set(new) == set(old), f"{step}: {name}'s keys changed"
        for key, row in old.items():
            shared = set(row) & set(new[key])
            assert {c: new[key][c] for c in shared} == {c: row[c] for c in shared}, (
                f"{step}: {name} {key}"
            )


def dangling_references(conn: Connection) -> dict[str, int]:
    """For every foreign key the database has, how many rows point at no row (0 for each)."""
    metadata = reflect(conn)
    found = {}
    for table in metadata.sorted_tables:
        for fk in table.foreign_key_constraints:
            child = table.alias("child")
            parent = fk.referred_table.alias("parent")
            pairs = [(child.c[e.parent.name], parent.c[e.column.name]) for e in fk.elements]
            query = (
                select(sa.func.count())
                .select_from(child.outerjoin(parent, sa.and_(*[c == p for c, p in pairs])))
                .where(*[c.is_not(None) for c, _ in pairs], pairs[0][1].is_(None))
            )
            found[f"{table.name}{fk.column_keys}->{fk.referred_table.name}"] = conn.execute(
                query
            ).scalar_one()
    return found


def assert_references_resolve(conn: Connection, step: str) -> None:
    if conn.dialect.name == "sqlite":
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == [], step
    dangling = dangling_references(conn)
    assert dangling, f"{step}: no foreign keys found"
    assert {k: n for k, n in dangling.items() if n} == {}, step


# The tests


@pytest.fixture
def filled(db_url: str) -> Iterator[tuple[Engine, Snapshot, dict[str, list[dict[str, Any]]]]]:
    """A database at the first revision with rows in every table."""
    engine = make_engine(parse_url(db_url))
    try:
        upgrade_to(engine, revisions()[0])
        with engine.begin() as conn:
            inserted = fill(conn, reflect(conn))
        with engine.connect() as conn:
            snapshot = Snapshot.take(conn)
            assert_references_resolve(conn, "filled")
        assert set(snapshot.tables) == set(inserted), "a table was left empty"
        assert all(len(rows) == ROWS for rows in snapshot.tables.values())
        yield engine, snapshot, inserted
    finally:
        engine.dispose()


def _check_the_app_reads_it(db_url: str, tmp_path: Path, inserted: dict[str, list]) -> None:
    """Opened as the app opens it, each show loads whole (enum values valid and so on)."""
    db = open_database(db_url, backup_dir=tmp_path / "backups")
    try:
        assert db.migrated_from is None
        for show in inserted["shows"]:
            plan = shows.load_plan(db, show["id"])
            assert plan.show.title == show["title"]
    finally:
        db.close()


def test_every_step_from_the_first_revision_keeps_every_row(
    db_url: str, tmp_path: Path, filled
) -> None:
    engine, before, inserted = filled
    path = revisions()
    for previous, revision in itertools.pairwise(path):
        step = f"{previous} -> {revision}"
        upgrade_to(engine, revision)
        with engine.connect() as conn:
            after = Snapshot.take(conn)
            assert_kept(before, after, step)
            assert_references_resolve(conn, step)
        before = after
    _check_the_app_reads_it(db_url, tmp_path, inserted)


def test_opening_a_first_revision_database_migrates_it_keeping_every_row(
    db_url: str, tmp_path: Path, filled
) -> None:
    """The app's own path: open_database upgrades to head in one go (backing SQLite up first)."""
    engine, before, inserted = filled
    engine.dispose()
    db = open_database(db_url, backup_dir=tmp_path / "backups")
    try:
        assert db.migrated_from == revisions()[0]
        with db.engine.connect() as conn:
            assert schema.current_revision(conn) == schema.head_revision()
            assert_kept(before, Snapshot.take(conn), f"{revisions()[0]} -> head")
            assert_references_resolve(conn, "head")
            if db.is_sqlite:
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        if db.is_sqlite:
            assert len(list((tmp_path / "backups").iterdir())) == 1
    finally:
        db.close()
    _check_the_app_reads_it(db_url, tmp_path, inserted)
