"""`liveplanner import-script` and `export-script`, run as a user runs them."""

from pathlib import Path

from test_cli import ok_json, run
from test_script_sheet import FIXTURE, comparable

from liveplanner.app.workspace import open_database
from liveplanner.storage.shows import list_shows, load_plan


def test_import_script_prints_what_it_stored_and_what_it_did_not_read(db_url: str) -> None:
    data = ok_json("import-script", str(FIXTURE), "--title", "双11美妆专场", db=db_url)
    assert data["title"] == "双11美妆专场"
    assert data["planned_start"] == "2026-11-11T20:00:00+08:00"
    assert (data["segments"], data["products"], data["people"], data["promos"]) == (8, 2, 4, 3)
    assert data["unread"] == [
        {"row": 12, "column": "序号", "value": "合计 | 60", "kept": "left_out"},
        {"row": 9, "column": "优惠/福利", "value": "前100名下单送小样", "kept": "notes"},
    ]
    db = open_database(db_url)
    try:
        assert load_plan(db, data["show_id"]).show.title == "双11美妆专场"
    finally:
        db.close()


def test_an_exported_script_imports_again_without_loss(db_url: str, tmp_path: Path) -> None:
    show_id = ok_json("demo", db=db_url)["show_id"]
    out = tmp_path / "script.xlsx"
    result = run("export-script", str(show_id), "--out", str(out), db=db_url)
    assert result.returncode == 0, result.stderr
    again = ok_json("import-script", str(out), db=db_url)
    assert again["unread"] == [] and again["notices"] == []
    db = open_database(db_url)
    try:
        assert comparable(load_plan(db, again["show_id"])) == comparable(load_plan(db, show_id))
    finally:
        db.close()


def test_a_sheet_that_cannot_be_read_is_refused_and_stores_nothing(
    sqlite_url: str, tmp_path: Path
) -> None:
    sheet = tmp_path / "脚本.csv"
    sheet.write_text("序号,时长,环节\n1,5,开场\n2,半小时,讲解\n", encoding="utf-8")
    result = run("import-script", str(sheet), db=sqlite_url)
    assert result.returncode == 2
    assert "脚本.csv, row 3, column “时长”: “半小时” is not a length" in result.stderr
    dry = ok_json("import-script", str(FIXTURE), "--dry-run", db=sqlite_url)
    assert dry["show_id"] is None
    db = open_database(sqlite_url)
    try:
        assert list_shows(db) == []
    finally:
        db.close()


def test_export_script_refuses_an_unknown_type(sqlite_url: str, tmp_path: Path) -> None:
    show_id = ok_json("demo", db=sqlite_url)["show_id"]
    result = run("export-script", str(show_id), "--out", str(tmp_path / "s.docx"), db=sqlite_url)
    assert result.returncode == 2 and ".xlsx, .pdf or .json" in result.stderr
    assert not (tmp_path / "s.docx").exists()


def test_import_script_refuses_options_it_cannot_use(sqlite_url: str, tmp_path: Path) -> None:
    result = run("import-script", str(FIXTURE), "--tz", "Mars/Base", db=sqlite_url)
    assert result.returncode == 2 and "--tz" in result.stderr and "Traceback" not in result.stderr
    show_file = tmp_path / "show.json"
    show_file.write_text("{}", encoding="utf-8")
    result = run("import-script", str(show_file), "--title", "x", db=sqlite_url)
    assert result.returncode == 2 and "show file keeps its own title" in result.stderr
