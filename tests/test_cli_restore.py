"""`liveplanner db backups` and `db restore`, run as a user runs them."""

import json
from pathlib import Path

from test_cli import ok_json, run


def _titles(url: str) -> list[str]:
    return [s["title"] for s in ok_json("shows", db=url)["shows"]]


def test_restore_puts_a_backup_back_and_keeps_the_current_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'liveplanner.sqlite3'}"
    env = {"LIVEPLANNER_DATA_DIR": str(tmp_path)}
    ok_json("new-show", "--title", "A", "--start", "2026-12-01 20:00", db=url)
    backup = json.loads(run("db", "backup", "--json", db=url, env=env).stdout)["backup"]
    ok_json("new-show", "--title", "B", "--start", "2026-12-02 20:00", db=url)
    result = run("db", "restore", backup, "--json", db=url, env=env)
    assert result.returncode == 0, result.stderr
    previous = json.loads(result.stdout)["previous"]
    assert _titles(url) == ["A"]
    # The file as it was before the restore is a backup of its own, and can be put back.
    assert run("db", "restore", previous, db=url, env=env).returncode == 0
    assert sorted(_titles(url)) == ["A", "B"]
    listed = json.loads(run("db", "backups", "--json", db=url, env=env).stdout)["backups"]
    assert len(listed) >= 3 and listed[0]["made"] >= listed[-1]["made"]


def test_a_file_that_is_no_backup_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'liveplanner.sqlite3'}"
    env = {"LIVEPLANNER_DATA_DIR": str(tmp_path)}
    ok_json("new-show", "--title", "A", "--start", "2026-12-01 20:00", db=url)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    result = run("db", "restore", str(junk), db=url, env=env)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "junk.sqlite3" in result.stderr
    assert _titles(url) == ["A"]


def test_a_damaged_database_is_set_aside_and_the_backup_put_in_its_place(tmp_path: Path) -> None:
    path = tmp_path / "liveplanner.sqlite3"
    url = f"sqlite:///{path}"
    env = {"LIVEPLANNER_DATA_DIR": str(tmp_path)}
    ok_json("new-show", "--title", "A", "--start", "2026-12-01 20:00", db=url)
    backup = json.loads(run("db", "backup", "--json", db=url, env=env).stdout)["backup"]
    data = bytearray(path.read_bytes())
    data[5000:9000] = b"\xff" * 4000  # a page of the file destroyed, as by a failing disk
    path.write_bytes(bytes(data))
    damaged = bytes(data)
    assert run("shows", db=url, env=env).returncode == 2  # refused, untouched

    result = run("db", "restore", backup, "--json", db=url, env=env)
    assert result.returncode == 0, result.stderr
    aside = Path(json.loads(result.stdout)["previous"])
    assert ".damaged-" in aside.name and aside.read_bytes() == damaged  # never written to
    assert _titles(url) == ["A"]
