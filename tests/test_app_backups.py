"""Backups as the front-ends see them, without Qt: list, make, put back, and the folder."""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from liveplanner.app import backups
from liveplanner.app.workspace import open_database
from liveplanner.core.enums import Platform
from liveplanner.storage import shows
from liveplanner.storage.database import Database

START = datetime(2026, 12, 1, 12, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'lp.sqlite3'}", backup_dir=tmp_path / "b")
    yield database
    database.close()


def test_backups_are_listed_newest_first_with_their_reason_and_size(db: Database) -> None:
    assert backups.list_backups(db) == []
    now = datetime.now(UTC)
    older = backups.back_up(db, "manual", now - timedelta(minutes=5))
    newer = backups.back_up(db, "auto", now)
    listed = backups.list_backups(db)
    assert [(b.path, b.reason) for b in listed] == [(newer, "auto"), (older, "manual")]
    assert listed[0].size == newer.stat().st_size and listed[0].made.tzinfo is not None


def test_a_backup_while_working_comes_only_after_a_change(db: Database) -> None:
    assert backups.back_up_if_changed(db, "auto")
    assert not backups.back_up_if_changed(db, "auto")
    shows.create_show(db, "A", START, Platform.DOUYIN)
    assert backups.back_up_if_changed(db, "auto", datetime.now(UTC) + timedelta(seconds=1))


def test_a_backup_put_back_comes_with_the_database_opened_again(db: Database) -> None:
    shows.create_show(db, "A", START, Platform.DOUYIN)
    made = backups.back_up(db, "manual")
    shows.create_show(db, "B", START, Platform.DOUYIN)
    restored = backups.restore(db, made)
    try:
        assert restored.refused is None and restored.db is not db
        assert [s.title for s in shows.list_shows(restored.db)] == ["A"]
        assert "before-restore" in {b.reason for b in backups.list_backups(restored.db)}
    finally:
        restored.db.close()


def test_an_empty_file_is_refused_and_the_database_stays_as_it_was(
    db: Database, tmp_path: Path
) -> None:
    shows.create_show(db, "A", START, Platform.DOUYIN)
    made = backups.back_up(db, "manual")
    made.write_bytes(b"")
    restored = backups.restore(db, made)
    try:
        assert restored.refused is not None and restored.not_a_database and restored.empty
        assert [s.title for s in shows.list_shows(restored.db)] == ["A"]
    finally:
        restored.db.close()


def test_the_backup_folder_is_made_for_the_user_alone(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "backups"
    backups.make_backup_folder(folder)
    assert folder.is_dir() and folder.stat().st_mode & 0o077 == 0
    (tmp_path / "file").write_text("")
    with pytest.raises(OSError):
        backups.make_backup_folder(tmp_path / "file" / "backups")
