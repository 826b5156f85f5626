"""A show's live-alert thresholds go wherever the show goes: a copy has its original's, a team
template keeps them and a show made from it has them, a show file stored as a new show has the
file's. A show that set none passes on none (each new show then has the defaults), and a file
refused stores nothing."""

import json
from dataclasses import replace
from pathlib import Path

import pytest
from demo_helpers import editable_demo
from test_cli import ok_json, run

from liveplanner.app import templates
from liveplanner.app.live_alerts import set_show_alerts, show_alerts
from liveplanner.app.scripts import export_script, import_show_file
from liveplanner.app.shows import create_show, duplicate_show, show_plan
from liveplanner.app.workspace import open_database
from liveplanner.core.alert_settings import AlertSettings
from liveplanner.core.enums import Platform
from liveplanner.formats.problems import ImportRefused
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.storage.errors import InvalidValueError

SET = AlertSettings(viewers_drop_bp=3_500, viewers_window_min=10, pace_behind_bp=0, sold_out=False)


def _with_alerts(db: Database) -> int:
    show_id = editable_demo(db)
    set_show_alerts(db, show_id, SET)
    return show_id


def test_a_copy_has_its_originals_thresholds(db: Database) -> None:
    original = _with_alerts(db)
    copy = duplicate_show(db, original, lambda title: f"{title} (copy)")
    assert show_alerts(db, copy) == SET
    assert show_plan(db, copy).alerts == SET
    # Changing the copy's leaves the original's.
    set_show_alerts(db, copy, AlertSettings(viewers_window_min=3))
    assert show_alerts(db, original) == SET


def test_a_copy_of_a_show_that_set_none_has_the_defaults_as_a_new_show_does(db: Database) -> None:
    original = editable_demo(db)
    copy = duplicate_show(db, original, lambda title: f"{title} (copy)")
    assert show_plan(db, copy).alerts is None
    assert show_alerts(db, copy) == AlertSettings()


def test_a_team_template_keeps_the_thresholds_and_its_new_shows_have_them(db: Database) -> None:
    original = _with_alerts(db)
    saved = templates.save_template(db, original, "双11 大场")
    assert saved.plan.alerts == SET
    assert templates.load_template(db, "双11 大场").plan.alerts == SET
    made = create_show(
        db,
        "双12",
        show_plan(db, original).show.planned_start,
        Platform.DOUYIN,
        template="双11 大场",
    )
    assert show_alerts(db, made) == SET


def test_a_template_of_a_show_that_set_none_makes_shows_with_the_defaults(db: Database) -> None:
    demo = editable_demo(db)
    templates.save_template(db, demo, "周末场")
    made = create_show(
        db, "周六", show_plan(db, demo).show.planned_start, Platform.DOUYIN, template="周末场"
    )
    assert show_plan(db, made).alerts is None
    assert show_alerts(db, made) == AlertSettings()


def test_a_show_file_stores_its_thresholds_with_the_new_show(db: Database, tmp_path: Path) -> None:
    original = _with_alerts(db)
    out = tmp_path / "双11.json"
    export_script(db, show_plan(db, original), out, "zh")

    imported = import_show_file(db, out)

    assert imported.show_id is not None and imported.show_id != original
    assert show_alerts(db, imported.show_id) == SET


def test_a_show_file_without_thresholds_stores_none(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "demo.json"
    export_script(db, show_plan(db, editable_demo(db)), out, "en")
    assert "alerts" not in json.loads(out.read_text(encoding="utf-8"))["show"]

    imported = import_show_file(db, out)

    assert imported.show_id is not None
    assert show_plan(db, imported.show_id).alerts is None
    assert show_alerts(db, imported.show_id) == AlertSettings()


def test_a_file_with_a_hostile_threshold_stores_nothing(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "hostile.json"
    export_script(db, show_plan(db, _with_alerts(db)), out, "en")
    document = json.loads(out.read_text(encoding="utf-8"))
    document["show"]["alerts"]["viewers_window_min"] = 99
    out.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    before = len(shows.list_shows(db))

    with pytest.raises(ImportRefused) as refused:
        import_show_file(db, out)

    assert str(refused.value) == (
        "hostile.json, show.alerts.viewers_window_min: got 99, expected at most 60"
    )
    assert len(shows.list_shows(db)) == before


def test_a_plan_stored_with_thresholds_out_of_bounds_is_refused_whole(db: Database) -> None:
    plan = show_plan(db, editable_demo(db))
    before = len(shows.list_shows(db))
    with pytest.raises(InvalidValueError) as refused:
        shows.save_plan(db, replace(plan, alerts=AlertSettings(viewers_window_min=0)))
    assert refused.value.code == "feed.alert_setting"
    assert len(shows.list_shows(db)) == before


# The command line, as a user runs it (in-process, main(argv)).


def test_the_commands_carry_the_thresholds_out_and_back(sqlite_url: str, tmp_path: Path) -> None:
    demo = str(ok_json("demo", db=sqlite_url)["show_id"])
    set_ = run(
        "alerts", demo, "--viewers-drop", "35%", "--within", "10", "--pace-behind", "0",
        "--sold-out", "off", db=sqlite_url,
    )  # fmt: skip
    assert set_.returncode == 0, set_.stderr
    wanted = ok_json("alerts", demo, db=sqlite_url)
    out = tmp_path / "双11.json"
    exported = run("export-script", demo, "--out", str(out), db=sqlite_url)
    assert exported.returncode == 0, exported.stderr

    imported = ok_json("import-script", str(out), db=sqlite_url)
    assert ok_json("alerts", str(imported["show_id"]), db=sqlite_url) == wanted

    assert run("template", "save", demo, "--name", "大场", db=sqlite_url).returncode == 0
    made = ok_json(
        "new-show", "--title", "双12", "--start", "2026-12-12 19:00", "--template", "大场",
        db=sqlite_url,
    )  # fmt: skip
    assert ok_json("alerts", str(made["show_id"]), db=sqlite_url) == wanted
    assert wanted == {
        "viewers_drop_pct": 35.0,
        "viewers_window_min": 10,
        "pace_behind_pct": 0.0,
        "sold_out": False,
    }


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("viewers_drop_bp", -500, "show.alerts.viewers_drop_bp: got -500, expected at least 0"),
        ("pace_behind_bp", 15_000, "show.alerts.pace_behind_bp: got 15000, expected at most 10000"),
        ("viewers_window_min", 0, "show.alerts.viewers_window_min: got 0, expected at least 1"),
        ("sold_out", "on", 'show.alerts.sold_out: got "on", expected true or false'),
    ],
)
def test_the_command_refuses_a_hostile_threshold_in_one_line_and_stores_nothing(
    sqlite_url: str, tmp_path: Path, field: str, value: object, said: str
) -> None:
    demo = str(ok_json("demo", db=sqlite_url)["show_id"])
    out = tmp_path / "show.json"
    assert run("alerts", demo, "--within", "10", db=sqlite_url).returncode == 0
    assert run("export-script", demo, "--out", str(out), db=sqlite_url).returncode == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    document["show"]["alerts"][field] = value
    out.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    db = open_database(sqlite_url)
    try:
        before = len(shows.list_shows(db))
    finally:
        db.close()

    result = run("import-script", str(out), db=sqlite_url)

    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"liveplanner: show.json, {said}\n"
    db = open_database(sqlite_url)
    try:
        assert len(shows.list_shows(db)) == before
    finally:
        db.close()
