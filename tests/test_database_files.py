"""The database's files on disk: a read-only folder, a damaged file under `db check`."""

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from liveplanner.app.workspace import open_database
from liveplanner.cli.main import main
from liveplanner.storage import shows


def _as_a_user(*argv: str) -> list[str]:
    """A command run without root's power to write anywhere (as root, a read-only folder is
    writable all the same)."""
    if os.geteuid() != 0:
        return list(argv)
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv to drop the override")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--", *argv]


def _cli(*args: str, env_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _as_a_user(sys.executable, "-m", "liveplanner", *args),
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "LIVEPLANNER_DATA_DIR": str(env_dir)},
        check=False,
    )


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    folder = tmp_path / "shared"
    path = folder / "team.sqlite3"
    db = open_database(f"sqlite:///{path}")
    shows.create_show(db, "秋冬上新", datetime(2026, 12, 1, 12, tzinfo=UTC))
    db.close()
    folder.chmod(0o555)
    yield path, f"sqlite:///{path}"
    folder.chmod(0o755)


def test_a_database_in_a_read_only_folder_is_read_and_a_write_says_why(
    read_only_folder: tuple[Path, str], tmp_path: Path
) -> None:
    path, url = read_only_folder
    before = sorted(p.name for p in path.parent.iterdir())
    stored = path.read_bytes()  # the file itself stays writable in a read-only folder
    listed = _cli("--database", url, "shows", env_dir=tmp_path / "data")
    assert listed.returncode == 0, listed.stderr
    assert "秋冬上新" in listed.stdout

    refused = _cli(
        "--database", url, "new-show", "--title", "x", "--start", "2026-12-02 20:00",
        env_dir=tmp_path / "data",
    )  # fmt: skip
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert f"the folder {path.parent} is read-only, so liveplanner opened {path} read-only" in (
        refused.stderr
    )
    assert "not a liveplanner database" not in refused.stderr
    assert sorted(p.name for p in path.parent.iterdir()) == before
    assert path.read_bytes() == stored


def test_a_database_in_a_read_only_folder_is_backed_up_elsewhere(
    read_only_folder: tuple[Path, str], tmp_path: Path
) -> None:
    _, url = read_only_folder
    (tmp_path / "data").mkdir()
    result = _cli("--database", url, "db", "backup", env_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    made = Path(result.stdout.strip())
    assert made.parent == tmp_path / "data" / "backups" and made.stat().st_size > 0


def test_a_new_database_in_a_read_only_folder_is_refused_saying_so(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o555)
    result = _cli("--database", f"sqlite:///{folder / 'new.sqlite3'}", "shows", env_dir=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"liveplanner: cannot create {folder / 'new.sqlite3'}: the folder {folder} is read-only"
    )


def test_db_check_on_a_damaged_file_is_a_finding_exit_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "shows.sqlite3"
    open_database(f"sqlite:///{path}").close()
    data = bytearray(path.read_bytes())
    data[5000:9000] = b"\xff" * 4000  # a page destroyed, as by a failing disk
    path.write_bytes(bytes(data))
    assert main(["--database", f"sqlite:///{path}", "db", "check"]) == 1
    out, err = capsys.readouterr()
    assert err == "" and f"{path} is damaged" in out
    assert path.read_bytes() == bytes(data)  # a check never writes
    assert main(["--database", f"sqlite:///{path}", "shows"]) == 2  # elsewhere: refused


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "en",
            "The folder {folder} is read-only, so this window opens the database read-only: you "
            "can look, print and export, but not change anything.",
        ),
        (
            "zh_CN",
            "文件夹 {folder} 是只读的，因此本窗口以只读方式打开数据库："
            "可以查看、打印和导出，但不能修改。",
        ),
    ],
)
def test_the_window_says_why_it_opened_a_database_read_only(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str, said: str
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from liveplanner.app.settings import Preferences
    from liveplanner.storage import database
    from liveplanner.ui.main_window import MainWindow
    from liveplanner.ui.translators import drop_language, use_language

    path = tmp_path / "shows.sqlite3"
    open_database(f"sqlite:///{path}").close()
    # As root every folder is writable: the folder's state is what unwritable() reports.
    monkeypatch.setattr(database, "unwritable", lambda _path: f"the folder {tmp_path} is read-only")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    use_language(language)
    try:
        window = MainWindow(None, Preferences(language=language))
        qtbot.addWidget(window)
        assert window.connect_database(f"sqlite:///{path}")
    finally:
        drop_language()
    assert window.db is not None and window.db.read_only
    assert told == [said.format(folder=tmp_path)]
    assert window.backups is None


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_database_its_backups_settings_and_log_are_for_the_user_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from liveplanner.app import logs, settings

    old = os.umask(0o022)  # the usual: files readable by everyone unless made otherwise
    try:
        data = settings.data_dir()
        assert main(["demo"]) == 0
        assert main(["db", "backup"]) == 0
        settings.save_preferences(settings.Preferences(user_name="林晓"))
        handler = logs.setup_logging()
        logs.log_start(settings.database_url())
        logs.remove_logging(handler)
        db = open_database()
        db.backup("manual")  # with the database open: its -wal and -shm files are there
        made = {p: p.stat().st_mode & 0o777 for p in data.rglob("*")}
        db.close()
    finally:
        os.umask(old)
    capsys.readouterr()
    names = {p.name for p in made}
    assert {"liveplanner.sqlite3", "settings.json", "app.log", "backups", "logs"} <= names
    assert "liveplanner.sqlite3-wal" in names and "liveplanner.sqlite3-shm" in names
    assert any(p.parent.name == "backups" for p in made)
    for path, mode in made.items():
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
    assert data.stat().st_mode & 0o777 == 0o700


def test_what_a_killed_backup_or_restore_left_is_removed_at_the_next_open(
    tmp_path: Path,
) -> None:
    import sqlite3
    from contextlib import closing

    path = tmp_path / "shows.sqlite3"
    backups = tmp_path / "backups"
    open_database(f"sqlite:///{path}", backup_dir=backups).close()
    backups.mkdir()
    # As a backup killed while copying, and a restore killed before its copy went in place.
    partial = backups / "shows-20261201-203000-manual.partial"
    partial.write_bytes(path.read_bytes())
    (backups / (partial.name + "-journal")).write_bytes(b"\0" * 512)
    restoring = tmp_path / "shows.sqlite3.restoring"
    restoring.write_bytes(path.read_bytes()[:3000])  # cut short
    # A backup under way in another connection right now, and files that are not ours.
    busy = backups / "shows-20261201-203001-manual.partial"
    theirs = [
        backups / "notes.partial",
        backups / "shows-notes.partial",
        tmp_path / "other.sqlite3.restoring",
        tmp_path / "shows.sqlite3.restoring.txt",
    ]
    for other in theirs:
        other.write_text("the user's")
    with closing(sqlite3.connect(busy, isolation_level=None)) as writer:
        writer.execute("BEGIN EXCLUSIVE")
        writer.execute("CREATE TABLE t (x)")
        open_database(f"sqlite:///{path}", backup_dir=backups).close()
        assert busy.exists()  # never taken from under a backup being made
    left = {p.name for p in backups.iterdir()} | {p.name for p in tmp_path.iterdir()}
    assert partial.name not in left and partial.name + "-journal" not in left
    assert restoring.name not in left
    assert all(other.read_text() == "the user's" for other in theirs)


def test_db_restore_removes_a_killed_restores_copy_before_its_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "liveplanner.sqlite3"
    db = open_database(f"sqlite:///{path}")
    shows.create_show(db, "A", datetime(2026, 12, 1, 12, tzinfo=UTC))
    backup = db.backup("manual")
    db.close()
    assert backup is not None
    stale = backup.with_name(backup.stem + ".partial")
    stale.write_bytes(b"half a backup")
    (tmp_path / "liveplanner.sqlite3.restoring").write_bytes(b"half a restore")
    assert main(["--database", f"sqlite:///{path}", "db", "restore", str(backup)]) == 0
    capsys.readouterr()
    assert not stale.exists()
    assert not (tmp_path / "liveplanner.sqlite3.restoring").exists()


def test_the_newest_good_backup_passes_over_an_empty_one(tmp_path: Path) -> None:
    from liveplanner.storage.restore import newest_good_backup

    path = tmp_path / "shows.sqlite3"
    db = open_database(f"sqlite:///{path}", backup_dir=tmp_path / "backups")
    good = db.backup("manual")
    db.close()
    assert good is not None
    emptied = tmp_path / "backups" / "shows-20991231-235959-manual.sqlite3"  # the newest
    emptied.write_bytes(b"")
    assert newest_good_backup(tmp_path / "backups", "shows") == good


def test_an_edit_in_a_window_read_only_for_its_folder_gives_that_reason(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from demo_helpers import editable_demo
    from PySide6.QtWidgets import QMessageBox

    from liveplanner.app.settings import Preferences
    from liveplanner.storage import database
    from liveplanner.ui.editor.segment_model import SegmentTableModel
    from liveplanner.ui.main_window import MainWindow
    from liveplanner.ui.translators import drop_language, use_language

    path = tmp_path / "shows.sqlite3"
    db = open_database(f"sqlite:///{path}")
    show_id = editable_demo(db)
    db.close()
    monkeypatch.setattr(database, "unwritable", lambda _path: f"the folder {tmp_path} is read-only")
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: None)
    use_language("zh_CN")
    try:
        window = MainWindow(None, Preferences(language="zh_CN"))
        qtbot.addWidget(window)
        assert window.connect_database(f"sqlite:///{path}")
        window.open_show(show_id)
        model = window.editor.model
        assert not model.setData(model.index(0, SegmentTableModel.TITLE), "暖场")
        told = window.editor.notice.text()
    finally:
        drop_language()
    assert told == "本窗口为只读（数据库所在的文件夹不可写入），未做任何修改。"
