"""Opening the workspace without Qt: each offer the app layer makes, and the answers to it."""

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from liveplanner.app import settings
from liveplanner.app.file_claim import claim
from liveplanner.app.settings import Preferences
from liveplanner.app.workspace import (
    DAMAGED,
    DAMAGED_NO_BACKUP,
    HELD,
    OTHER_TABLES,
    SERVER_AWAY,
    Choice,
    Offer,
    Workspace,
    local_url,
    open_database,
    open_workspace,
    restore_offered_backup,
)
from liveplanner.storage import database, shows
from liveplanner.storage.backup import backup_sqlite
from liveplanner.storage.errors import DamagedDatabaseError, StorageError

START = datetime(2026, 12, 1, 20, tzinfo=UTC)
PREFERENCES = Preferences(language="en")


def _opened(result: Workspace | Offer) -> Workspace:
    assert isinstance(result, Workspace), result
    return result


def _offer(result: Workspace | Offer) -> Offer:
    assert isinstance(result, Offer), result
    return result


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[5000:9000] = b"\xff" * 4000
    path.write_bytes(bytes(data))


def test_a_workspace_claims_its_file_and_frees_it_on_release(sqlite_url: str) -> None:
    first = _opened(open_workspace(sqlite_url, PREFERENCES))
    assert first.claim is not None and not first.db.read_only
    first.release()
    again = _opened(open_workspace(sqlite_url, PREFERENCES))
    assert not again.db.read_only
    first.db.close()
    again.close()


def test_a_file_another_app_writes_is_offered_read_only(sqlite_url: str, tmp_path: Path) -> None:
    first = _opened(open_workspace(sqlite_url, PREFERENCES))
    offer = _offer(open_workspace(sqlite_url, PREFERENCES))
    assert offer.code == HELD and offer.choices == (Choice.OPEN_READ_ONLY, Choice.QUIT)
    assert offer.figures == {
        "path": str(tmp_path / "shows.sqlite3"),
        "pid": os.getpid(),
        "host": offer.figures["host"],
    }
    second = _opened(open_workspace(sqlite_url, PREFERENCES, read_only=True))
    assert second.db.read_only and second.claim is None
    with pytest.raises(StorageError):
        shows.create_show(second.db, "x", START)
    second.close()
    first.close()


def test_a_file_this_process_cannot_write_opens_read_only_saying_why(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database(sqlite_url).close()
    monkeypatch.setattr(database, "unwritable", lambda _p: f"the folder {tmp_path} is read-only")
    opened = _opened(open_workspace(sqlite_url, PREFERENCES))
    assert opened.db.read_only and opened.db.read_only_reason.endswith("is read-only")
    opened.close()


def test_a_damaged_file_is_offered_its_newest_good_backup(sqlite_url: str, tmp_path: Path) -> None:
    path = tmp_path / "shows.sqlite3"
    db = open_database(sqlite_url)
    shows.create_show(db, "A", START)
    db.close()
    made = backup_sqlite(path, settings.backup_dir(PREFERENCES), "manual")
    _damage(path)
    offer = _offer(open_workspace(sqlite_url, PREFERENCES))
    assert offer.code == DAMAGED and offer.choices == (Choice.RESTORE_BACKUP, Choice.QUIT)
    assert offer.figures["backup"] == made.name and offer.backup == made
    assert isinstance(offer.cause, DamagedDatabaseError)
    aside = restore_offered_backup(offer, PREFERENCES)
    assert aside.name.startswith("shows.sqlite3.damaged-")
    opened = _opened(open_workspace(sqlite_url, PREFERENCES))
    assert [s.title for s in shows.list_shows(opened.db)] == ["A"]
    opened.close()


def test_a_damaged_file_without_a_backup_offers_only_to_quit(
    sqlite_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "shows.sqlite3"
    db = open_database(sqlite_url)
    shows.create_show(db, "A", START)
    db.close()
    _damage(path)
    offer = _offer(open_workspace(sqlite_url, PREFERENCES))
    assert offer.code == DAMAGED_NO_BACKUP and offer.choices == (Choice.QUIT,)
    assert offer.figures["path"] == str(path) and offer.figures["detail"]
    # Not claimed meanwhile: the next app to try finds the file free.
    claim(path).release()


def test_a_damaged_file_another_app_has_open_is_refused_not_offered(
    sqlite_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "shows.sqlite3"
    db = open_database(sqlite_url)
    shows.create_show(db, "A", START)
    db.close()
    _damage(path)
    held = claim(path)
    try:
        with pytest.raises(StorageError):
            open_workspace(sqlite_url, PREFERENCES, read_only=True)
    finally:
        held.release()


def test_a_saved_team_server_away_offers_the_local_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(settings.DATABASE_URL_ENV, raising=False)
    saved = Preferences(language="en", database_url="postgresql://nobody@127.0.0.1:1/x")
    settings.save_preferences(saved)
    offer = _offer(open_workspace(None, saved))
    assert offer.code == SERVER_AWAY and offer.choices == (Choice.OPEN_LOCAL, Choice.QUIT)
    assert "127.0.0.1" in str(offer.figures["where"]) and offer.cause is not None
    opened = _opened(open_workspace(local_url(), saved))
    assert opened.db.is_sqlite
    opened.close()


def test_a_server_given_for_this_start_is_refused_not_offered() -> None:
    with pytest.raises(StorageError):
        open_workspace("postgresql://nobody@127.0.0.1:1/x", PREFERENCES)


@pytest.mark.postgres
def test_a_server_database_of_another_program_is_offered_liveplanners_tables_beside(
    postgres_url: str,
) -> None:
    engine = create_engine(database.parse_url(postgres_url))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE orders (id integer PRIMARY KEY)"))
    engine.dispose()
    offer = _offer(open_workspace(postgres_url, PREFERENCES))
    assert offer.code == OTHER_TABLES
    assert offer.choices == (Choice.BESIDE_OTHER_TABLES, Choice.QUIT)
    assert offer.figures["count"] == 1 and offer.figures["tables"] == ["orders"]
    opened = _opened(open_workspace(postgres_url, PREFERENCES, beside_other_tables=True))
    assert opened.claim is None and not opened.db.read_only
    opened.close()


def test_db_restore_is_refused_while_a_window_has_claimed_the_file(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from liveplanner.cli.main import main

    path = tmp_path / "shows.sqlite3"
    db = open_database(sqlite_url)
    shows.create_show(db, "A", START)
    backup = db.backup("manual")
    db.close()
    assert backup is not None
    window = _opened(open_workspace(sqlite_url, PREFERENCES))
    try:
        assert main(["--database", sqlite_url, "db", "restore", str(backup)]) == 2
        err = capsys.readouterr().err
        assert f"(process {os.getpid()} on " in err and "nothing was changed" in err
    finally:
        window.close()
    assert main(["--database", sqlite_url, "db", "restore", str(backup)]) == 0
    assert path.exists()
