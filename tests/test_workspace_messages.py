"""Storage's refusals on opening, backing up and restoring carry a code the catalogue words: the
same English as str(exc) (which the log keeps), and Chinese for a Chinese user."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from liveplanner.app.messages import TEXTS, word
from liveplanner.app.translations import translator
from liveplanner.app.workspace import open_database
from liveplanner.storage import database, shows
from liveplanner.storage.backup import backup_sqlite
from liveplanner.storage.database import parse_url
from liveplanner.storage.errors import ReadOnlyError, StorageError
from liveplanner.storage.restore import refuse_unrestorable


def _refusals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[StorageError]:
    said: list[StorageError] = []

    def caught(action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except StorageError as exc:
            said.append(exc)
        else:
            raise AssertionError(f"{action} was not refused")

    caught(lambda: parse_url("maria@server"))
    caught(lambda: parse_url("mysql://x/y"))
    caught(lambda: parse_url("sqlite:///:memory:"))
    caught(lambda: parse_url("postgresql+psycopg://maria@server"))
    caught(lambda: open_database(f"sqlite:///{tmp_path}"))
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    caught(lambda: refuse_unrestorable(empty))
    text = tmp_path / "notes.txt"
    text.write_text("not a database")
    caught(lambda: refuse_unrestorable(text))
    caught(lambda: backup_sqlite(tmp_path / "missing.sqlite3", tmp_path / "b", "manual"))
    damaged = tmp_path / "damaged.sqlite3"
    open_database(f"sqlite:///{damaged}").close()
    data = bytearray(damaged.read_bytes())
    data[5000:9000] = b"\xff" * 4000
    damaged.write_bytes(bytes(data))
    caught(lambda: open_database(f"sqlite:///{damaged}"))
    path = tmp_path / "shows.sqlite3"
    open_database(f"sqlite:///{path}").close()
    monkeypatch.setattr(database, "unwritable", lambda _p: f"the folder {tmp_path} is read-only")
    db = open_database(f"sqlite:///{path}")
    caught(lambda: shows.create_show(db, "x", datetime.now(UTC)))
    db.close()
    return said


def test_each_refusal_is_worded_by_the_catalogue_as_its_english_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refusals = _refusals(tmp_path, monkeypatch)
    assert any(isinstance(r, ReadOnlyError) for r in refusals)
    for refusal in refusals:
        assert refusal.code in TEXTS, refusal
        assert word(refusal.code, refusal.figures) == str(refusal)


def test_a_chinese_user_reads_them_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chinese = translator("zh_CN")
    for refusal in _refusals(tmp_path, monkeypatch):
        worded = word(refusal.code, refusal.figures, chinese)
        assert worded != str(refusal) and any("\u4e00" <= c <= "\u9fff" for c in worded)
