"""A show's rhythm settings kept: stored and read back on SQLite and PostgreSQL, refused when no
show can have them, undone like any show field, carried by the show file, and the findings they
give printed by `liveplanner check`."""

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from test_cli import ok_json, run

from liveplanner.app.demo import demo_plan
from liveplanner.app.editing import ShowEditing
from liveplanner.app.workspace import open_database
from liveplanner.core.plan import Rhythm
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.runsheet.reader import read_script
from liveplanner.formats.runsheet.writer import write_script_xlsx
from liveplanner.formats.showfile.reader import read_show_file
from liveplanner.formats.showfile.writer import show_document
from liveplanner.storage import history, shows
from liveplanner.storage.database import Database
from liveplanner.storage.errors import InvalidValueError
from liveplanner.storage.show_transfer import export_show, import_show

START = datetime(2026, 11, 11, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
MIX = {
    "rhythm_mix_showcase_bp": 5000,
    "rhythm_mix_promotion_bp": 3000,
    "rhythm_mix_interaction_bp": 2000,
}
OWN = Rhythm(1500, 0, 600, 5000, 3000, 2000)


def test_a_new_show_keeps_the_defaults_and_its_own_settings_come_back(db: Database) -> None:
    show_id = shows.create_show(db, "rhythm", START)
    show = shows.load_plan(db, show_id).show
    assert show.rhythm == Rhythm()
    assert (show.rhythm.every_s, show.rhythm.rest_s, show.rhythm.intro_s) == (1200, 300, 480)
    assert show.rhythm.mix_bp == (4000, 3500, 2500)
    updated = shows.update_show(
        db,
        show_id,
        show.version,
        rhythm_benefit_every_s=1500,
        rhythm_benefit_rest_s=0,
        rhythm_intro_limit_s=600,
        **MIX,
    )
    assert updated.rhythm == OWN
    assert shows.load_plan(db, show_id).show.rhythm == OWN
    copy = shows.load_plan(db, shows.save_plan(db, shows.load_plan(db, show_id)))
    assert copy.show.rhythm == OWN  # a saved plan (a duplicate, an import) keeps it too


@pytest.mark.parametrize(
    "changes",
    [
        {"rhythm_benefit_every_s": 0},
        {"rhythm_intro_limit_s": 90},
        {"rhythm_mix_showcase_bp": 6000},
        MIX | {"rhythm_mix_interaction_bp": 3000},
    ],
)
def test_settings_no_show_can_have_are_refused_and_change_nothing(
    db: Database, changes: dict[str, int]
) -> None:
    show_id = shows.create_show(db, "rhythm", START)
    show = shows.load_plan(db, show_id).show
    with pytest.raises(InvalidValueError):
        shows.update_show(db, show_id, show.version, **changes)
    assert shows.load_plan(db, show_id).show == show


def test_a_mix_not_adding_up_is_refused_naming_its_values(db: Database) -> None:
    show_id = shows.create_show(db, "rhythm", START)
    show = shows.load_plan(db, show_id).show
    with pytest.raises(InvalidValueError) as refused:
        shows.update_show(db, show_id, show.version, **MIX | {"rhythm_mix_interaction_bp": 3000})
    assert refused.value.code == "input.mix_not_100"
    assert "50 / 30 / 30 adds up to 110%" in str(refused.value)


def test_a_setting_is_in_the_history_and_undone_like_any_show_field(db: Database) -> None:
    show_id = shows.create_show(db, "rhythm", START)
    editing = ShowEditing(db, show_id)
    assert editing.show_value("rhythm_intro_limit_s") is None
    edit = editing.update_show(rhythm_intro_limit_s=600, **MIX)
    assert editing.plan.show.rhythm.intro_s == 600
    [change] = [
        c for c in history.list_changes(db, show_id, 0) if "rhythm_intro_limit_s" in c.fields
    ]
    assert change.fields["rhythm_intro_limit_s"] == [None, 600]
    assert change.fields["rhythm_mix_showcase_bp"] == [None, 5000]
    editing.update_show(**edit.value)  # what an undo writes back
    assert editing.plan.show.rhythm == Rhythm()


def test_the_show_file_carries_the_rhythm_and_a_file_without_it_keeps_the_defaults(
    db: Database,
) -> None:
    show_id = shows.save_plan(db, replace(demo_plan(), show=replace(demo_plan().show, rhythm=OWN)))
    document = show_document(export_show(db, show_id))
    assert document["show"]["rhythm"] == {
        "benefit_every_s": 1500,
        "benefit_rest_s": 0,
        "intro_limit_s": 600,
        "mix_showcase_bp": 5000,
        "mix_promotion_bp": 3000,
        "mix_interaction_bp": 2000,
    }
    data = json.dumps(document).encode()
    copy = import_show(db, read_show_file(data, "own.json"))
    assert shows.load_plan(db, copy).show.rhythm == OWN
    del document["show"]["rhythm"]
    older = read_show_file(json.dumps(document).encode(), "older.json")
    assert older.plan.show.rhythm == Rhythm()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_run_sheet_carries_the_rhythm(tmp_path: Path, language: str) -> None:
    plan = replace(demo_plan(), show=replace(demo_plan().show, rhythm=OWN))
    path = tmp_path / "script.xlsx"
    write_script_xlsx(plan, path, language)
    assert read_script(path.read_bytes(), path.name).plan.show.rhythm == OWN
    write_script_xlsx(replace(plan, show=replace(plan.show, rhythm=Rhythm())), path, language)
    assert read_script(path.read_bytes(), path.name).plan.show.rhythm == Rhythm()


@pytest.mark.parametrize(
    ("rhythm", "said"),
    [
        ({"intro_limit_s": 90}, "multiple of 60"),
        ({"benefit_every_s": 0}, "'path': 'show.rhythm.benefit_every_s'"),
        ({"intro_limit_s": 0}, "of at least 60"),  # the key's own least, not 0
        ({"mix_showcase_bp": 5000}, "its three shares adding up to 10000"),
        ({"mix_showcase_bp": 5000, "mix_promotion_bp": 5000, "mix_interaction_bp": 10}, "10000"),
    ],
)
def test_a_show_file_with_a_rhythm_no_show_can_have_is_refused(
    db: Database, rhythm: dict[str, int], said: str
) -> None:
    document = show_document(export_show(db, shows.save_plan(db, demo_plan())))
    document["show"]["rhythm"] = rhythm
    with pytest.raises(ImportRefused) as refused:
        read_show_file(json.dumps(document).encode(), "bad.json")
    params = refused.value.problem.params
    assert str(params["path"]).startswith("show.rhythm") and said in str(params), params


def test_check_prints_the_rhythms_findings(sqlite_url: str) -> None:
    show_id = ok_json("demo", db=sqlite_url)["show_id"]
    db = open_database(sqlite_url)
    show = shows.unlock_script(db, show_id)  # the demo's show is done
    shows.update_show(db, show_id, show.version, rhythm_intro_limit_s=None, **MIX)
    db.close()
    data = ok_json("check", str(show_id), db=sqlite_url)
    codes = [f["code"] for f in data["findings"]]
    assert codes.count("intro_too_long") == 3 and "mix_off_target" not in codes
    [long_intro, *_] = [f for f in data["findings"] if f["code"] == "intro_too_long"]
    assert long_intro["entity"] == "segment" and long_intro["field"] == "duration_s"
    text = run("check", str(show_id), db=sqlite_url).stdout
    assert (
        "warning segment 3 '磁吸充电宝讲解': a product intro of 9:00, over the show's limit of "
        "8 minutes" in text
    )
