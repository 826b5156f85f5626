"""Opening a database: SQLite set-up, refusals that leave the file untouched, backups, URLs."""

import shutil
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from alembic import command
from sqlalchemy import text

from liveplanner.app import settings
from liveplanner.app.workspace import open_database
from liveplanner.core.enums import SegmentKind
from liveplanner.storage import schema, segments, shows
from liveplanner.storage.backup import backup_sqlite
from liveplanner.storage.database import APPLICATION_ID, parse_url
from liveplanner.storage.errors import (
    DamagedDatabaseError,
    NewerDatabaseError,
    NotADatabaseError,
    StaleEditError,
    StorageError,
)
from liveplanner.storage.models import SegmentRow

START = datetime(2026, 11, 11, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_the_default_is_a_sqlite_file_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(tmp_path / "home"))
    db = open_database()
    try:
        assert db.sqlite_path == tmp_path / "home" / "liveplanner.sqlite3"
        assert db.sqlite_path.exists()
    finally:
        db.close()


def test_the_environment_names_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(settings.DATABASE_URL_ENV, f"sqlite:///{tmp_path / 'team.sqlite3'}")
    assert settings.database_url() == f"sqlite:///{tmp_path / 'team.sqlite3'}"
    assert settings.database_url("sqlite:///explicit.db") == "sqlite:///explicit.db"


def test_sqlite_connections_are_set_up_for_safety(sqlite_url: str, tmp_path: Path) -> None:
    db = open_database(sqlite_url, backup_dir=tmp_path / "b")
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000
            assert conn.execute(text("PRAGMA application_id")).scalar() == APPLICATION_ID
            assert schema.current_revision(conn) == schema.head_revision()
    finally:
        db.close()


def test_foreign_keys_are_enforced(sqlite_url: str, tmp_path: Path) -> None:
    db = open_database(sqlite_url, backup_dir=tmp_path / "b")
    try:
        with pytest.raises(Exception, match="FOREIGN KEY"), db.session() as session:
            session.add(
                SegmentRow(
                    show_id=424242, position=0, kind=SegmentKind.OTHER, title="", duration_s=1
                )
            )
    finally:
        db.close()


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


def test_a_database_from_a_newer_version_is_refused_untouched(
    sqlite_url: str, tmp_path: Path
) -> None:
    db = open_database(sqlite_url, backup_dir=tmp_path / "b")
    path = db.sqlite_path
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    db.close()
    before = _bytes(path)
    with pytest.raises(NewerDatabaseError, match=r"newer liveplanner.*left untouched"):
        open_database(sqlite_url, backup_dir=tmp_path / "b")
    assert _bytes(path) == before
    assert not (tmp_path / "b").exists()  # not even a backup was attempted


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.commit()
    before = _bytes(path)
    with pytest.raises(NotADatabaseError, match="another program"):
        open_database(f"sqlite:///{path}", backup_dir=tmp_path / "b")
    assert _bytes(path) == before


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"this is a text file, not a database\n" * 200)
    before = _bytes(path)
    with pytest.raises(NotADatabaseError, match="not a liveplanner database"):
        open_database(f"sqlite:///{path}", backup_dir=tmp_path / "b")
    assert _bytes(path) == before


def test_an_older_database_is_backed_up_then_migrated(sqlite_url: str, tmp_path: Path) -> None:
    backups = tmp_path / "b"
    db = open_database(sqlite_url, backup_dir=backups)
    with db.engine.connect() as conn:
        command.downgrade(schema.alembic_config(conn), "base")  # as if made before the schema
        conn.exec_driver_sql("CREATE TABLE keepsake (note TEXT)")
        conn.exec_driver_sql("INSERT INTO keepsake VALUES ('still here')")
        conn.commit()
    db.close()
    reopened = open_database(sqlite_url, backup_dir=backups)
    try:
        assert reopened.migrated_from == "empty"
        (backup,) = backups.iterdir()
        assert "before-upgrade-from-empty" in backup.name
        with closing(sqlite3.connect(backup)) as conn:
            assert conn.execute("SELECT note FROM keepsake").fetchall() == [("still here",)]
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        with reopened.engine.connect() as conn:
            assert schema.current_revision(conn) == schema.head_revision()
            assert conn.exec_driver_sql("SELECT note FROM keepsake").scalar() == "still here"
    finally:
        reopened.close()


def test_a_backup_is_a_checked_whole_copy(sqlite_url: str, tmp_path: Path) -> None:
    db = open_database(sqlite_url, backup_dir=tmp_path / "b")
    shows.create_show(db, "backed up", START)
    copy = backup_sqlite(
        db.sqlite_path, tmp_path / "b", "manual", now=datetime(2026, 1, 2, 3, 4, 5)
    )
    db.close()
    assert copy.name == "shows-20260102-030405-manual.sqlite3"
    assert list((tmp_path / "b").glob("*.partial")) == []
    restored = open_database(f"sqlite:///{copy}", backup_dir=tmp_path / "b2")
    try:
        assert [s.title for s in shows.list_shows(restored)] == ["backed up"]
    finally:
        restored.close()


def test_a_failed_backup_leaves_no_partial_file(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match=r"could not back up .*no such file"):
        backup_sqlite(tmp_path / "missing.sqlite3", tmp_path / "b", "manual")
    assert not (tmp_path / "b").exists()
    source = tmp_path / "a.sqlite3"
    with closing(sqlite3.connect(source)) as conn:
        conn.execute("CREATE TABLE t (x)")
    (tmp_path / "blocked").write_text("a file where the backup folder should go")
    with pytest.raises(StorageError, match="could not back up"):
        backup_sqlite(source, tmp_path / "blocked", "manual")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not a url", "not a database URL"),
        ("mysql://root@localhost/x", "unsupported database 'mysql'"),
        ("sqlite://", "in-memory"),
        ("sqlite:///:memory:", "in-memory"),
    ],
)
def test_bad_urls_are_refused_with_a_reason(url: str, message: str) -> None:
    with pytest.raises(StorageError, match=message):
        parse_url(url)


def test_a_folder_given_as_the_database_is_refused_saying_so(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as refused:
        open_database(f"sqlite:///{tmp_path}/", backup_dir=tmp_path / "backups")
    assert str(refused.value) == (
        f"{tmp_path} is a folder; give a database file, such as "
        f"sqlite:///{tmp_path}/liveplanner.sqlite3"
    )
    assert list(tmp_path.iterdir()) == []


def test_plain_postgresql_urls_use_psycopg3() -> None:
    assert parse_url("postgresql://me@db/shows").drivername == "postgresql+psycopg"


def test_two_writers_racing_on_one_row_the_later_one_is_refused(postgres_url: str) -> None:
    # SQLite serialises writers (BEGIN IMMEDIATE), so this race can only happen on PostgreSQL.
    db = open_database(postgres_url)
    try:
        show_id = shows.create_show(db, "race", START)
        seg = segments.add_segment(db, show_id, SegmentKind.OPENING, "x", 60)
        with pytest.raises(StaleEditError), db.session() as first:
            row = first.get(SegmentRow, seg.id)
            # Someone else commits in between our read and our write.
            segments.update_segment(db, seg.id, seg.version, title="theirs")
            row.title = "mine"
        assert shows.load_plan(db, show_id).segments[0].title == "theirs"
    finally:
        db.close()


def test_a_path_with_a_hash_is_opened_and_backed_up(tmp_path: Path) -> None:
    folder = tmp_path / "shows #1"
    url = f"sqlite:///{folder / 'x.sqlite3'}"
    db = open_database(url, backup_dir=tmp_path / "b")
    shows.create_show(db, "kept", START)
    copy = backup_sqlite(db.sqlite_path, tmp_path / "b", "manual")
    db.close()
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == []  # no stray file beside
    with closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("SELECT title FROM shows").fetchall() == [("kept",)]
    reopened = open_database(url, backup_dir=tmp_path / "b")
    reopened.close()


def test_a_damaged_file_is_refused_as_damaged_untouched(sqlite_url: str, tmp_path: Path) -> None:
    db = open_database(sqlite_url, backup_dir=tmp_path / "b")
    from liveplanner.app.demo import create_demo

    create_demo(db)
    path = db.sqlite_path
    db.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[3 * page : 6 * page] = b"\xff" * (3 * page)  # scribble over pages of table data
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedDatabaseError, match=r"damaged.*left it untouched"):
        open_database(sqlite_url, backup_dir=tmp_path / "b")
    assert path.read_bytes() == bytes(data)


PROBE = """
from alembic import op

revision = "9000_probe"
down_revision = "{head}"


def upgrade():
    # Rebuild the parent of almost every table, as a real change of its columns would.
    with op.batch_alter_table("shows", recreate="always"):
        pass


def downgrade():
    pass
"""


def test_a_migration_that_rebuilds_a_parent_table_keeps_every_child_row(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liveplanner.app.demo import create_demo

    db = open_database(sqlite_url, backup_dir=tmp_path / "b")
    show_id = create_demo(db)
    before = shows.load_plan(db, show_id)
    db.close()
    migrations = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS, migrations)
    (migrations / "versions" / "9000_probe.py").write_text(
        PROBE.format(head=schema.head_revision())
    )
    monkeypatch.setattr(schema, "MIGRATIONS", migrations)
    migrated = open_database(sqlite_url, backup_dir=tmp_path / "b")
    try:
        assert migrated.migrated_from == before_head(migrations)
        after = shows.load_plan(migrated, show_id)
        assert (
            len(after.segments),
            len(after.products),
            len(after.promos),
            len(after.releases),
        ) == (
            len(before.segments),
            len(before.products),
            len(before.promos),
            len(before.releases),
        )
        assert after.duties == before.duties and after.team == before.team
        with migrated.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        migrated.close()


def before_head(migrations: Path) -> str:
    """The revision the probe sits on: the package's own head."""
    text_ = (migrations / "versions" / "9000_probe.py").read_text()
    return text_.split('down_revision = "')[1].split('"')[0]


def test_a_newer_postgresql_database_is_refused(postgres_url: str) -> None:
    db = open_database(postgres_url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    db.close()
    with pytest.raises(NewerDatabaseError, match="newer liveplanner"):
        open_database(postgres_url)
