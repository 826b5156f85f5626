"""`db restore` and the window's restore: every refusal comes before the database is touched,
and a file that is no liveplanner backup is named with what it is."""

import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from liveplanner.app.workspace import open_database
from liveplanner.cli.main import main
from liveplanner.storage import shows
from liveplanner.storage.errors import NotADatabaseError
from liveplanner.storage.restore import restore_backup

# Another app holding the file's lock, as the window does: takes it, says so, waits.
HOLDER = """
import sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1] + ".lock")
lock.setStaleLockTime(0)
print("locked" if lock.tryLock(0) else "refused", flush=True)
sys.stdin.read()
"""


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def with_backup(tmp_path: Path) -> tuple[Path, Path]:
    """A database holding show "A" then "B", and a backup of it when it held only "A"."""
    path = tmp_path / "liveplanner.sqlite3"
    db = open_database(f"sqlite:///{path}")
    shows.create_show(db, "A", datetime(2026, 12, 1, 12, tzinfo=UTC))
    backup = db.backup("manual")
    shows.create_show(db, "B", datetime(2026, 12, 2, 12, tzinfo=UTC))
    db.close()
    assert backup is not None
    return path, backup


def _restore(capsys: pytest.CaptureFixture[str], path: Path, chosen: Path) -> tuple[int, str, str]:
    return _cli(capsys, "--database", f"sqlite:///{path}", "db", "restore", str(chosen))


def _titles(path: Path) -> list[str]:
    db = open_database(f"sqlite:///{path}")
    try:
        return sorted(s.title for s in shows.list_shows(db))
    finally:
        db.close()


def test_restore_is_refused_while_another_liveplanner_has_the_file_open(
    with_backup: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path, backup = with_backup
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        before = sorted(path.parent.rglob("*"))
        code, out, err = _cli(
            capsys, "--database", f"sqlite:///{path}", "db", "restore", str(backup)
        )
        assert code == 2 and out == ""
        assert err.count("\n") == 1
        assert f"another liveplanner (process {holder.pid} on " in err
        assert f"has {path} open: close it first" in err and "nothing was changed" in err
        assert sorted(path.parent.rglob("*")) == before  # not even a before-restore backup
    finally:
        holder.stdin.close()  # type: ignore[union-attr]
        holder.wait()
    assert _titles(path) == ["A", "B"]
    # With the other app gone, the same restore is done.
    code, out, _ = _restore(capsys, path, backup)
    assert code == 0 and out.startswith("restored ")
    assert _titles(path) == ["A"]


def test_a_restore_under_an_open_reader_is_done_and_said_to_be_done(
    with_backup: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path, backup = with_backup
    reader = open_database(f"sqlite:///{path}")  # a connection in WAL mode stays open
    try:
        assert sorted(s.title for s in shows.list_shows(reader)) == ["A", "B"]
        code, out, err = _cli(
            capsys, "--database", f"sqlite:///{path}", "db", "restore", str(backup)
        )
        assert (code, err) == (0, "") and out.startswith(f"restored {backup}")
        # The reader that stayed open sees the restored file.
        assert [s.title for s in shows.list_shows(reader)] == ["A"]
    finally:
        reader.close()
    assert _titles(path) == ["A"]


def test_a_restore_that_cannot_back_up_the_database_first_changes_nothing(
    with_backup: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, backup = with_backup
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "backups").write_text("a file where the backups folder should be")
    before = path.read_bytes()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LIVEPLANNER_DATA_DIR", str(data_dir))
        code, out, err = _cli(
            capsys, "--database", f"sqlite:///{path}", "db", "restore", str(backup)
        )
    assert code == 2 and out == "" and "could not back up" in err
    assert path.read_bytes() == before
    assert not path.with_name(path.name + ".restoring").exists()
    assert _titles(path) == ["A", "B"]


def _empty_sqlite(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA user_version=1")  # written, and still no table


def _other_program(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
        conn.execute("INSERT INTO alembic_version VALUES ('0001')")  # another Alembic app
        conn.commit()


def _newer(path: Path) -> None:
    db = open_database(f"sqlite:///{path}")
    db.close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
        conn.commit()


CASES = {
    "empty.sqlite3": (lambda p: p.write_bytes(b""), "is empty (0 bytes), not a liveplanner"),
    "text.sqlite3": (lambda p: p.write_text("hello\n" * 50), "is not a SQLite database"),
    "blank.sqlite3": (_empty_sqlite, "is an empty SQLite database, not a liveplanner backup"),
    "other.sqlite3": (_other_program, "is a SQLite database of another program"),
    "newer.sqlite3": (_newer, "was written by a newer liveplanner"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_file_that_is_no_liveplanner_backup_is_refused_saying_what_it_is(
    name: str,
    with_backup: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, _ = with_backup
    make, said = CASES[name]
    given = tmp_path / name
    make(given)
    before = path.read_bytes()
    code, out, err = _cli(capsys, "--database", f"sqlite:///{path}", "db", "restore", str(given))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert str(given) in err and said in err
    assert path.read_bytes() == before
    assert _titles(path) == ["A", "B"]


@pytest.mark.parametrize("name", ["empty.sqlite3", "blank.sqlite3"])
def test_the_windows_restore_refuses_the_same_files_and_keeps_the_database_open(
    name: str, with_backup: tuple[Path, Path], tmp_path: Path
) -> None:
    path, _ = with_backup
    given = tmp_path / name
    CASES[name][0](given)
    db = open_database(f"sqlite:///{path}", backup_dir=tmp_path / "backups")
    try:
        with pytest.raises(NotADatabaseError, match=str(given)):
            restore_backup(db, given)
        assert sorted(s.title for s in shows.list_shows(db)) == ["A", "B"]
    finally:
        db.close()
    assert _titles(path) == ["A", "B"]
