"""Show files on SQLite and PostgreSQL: a show goes out and comes back whole as a new show, and a
file that cannot be taken whole is refused with its JSON path and stores nothing."""

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from demo_helpers import editable_demo
from jsonschema import Draft202012Validator

from liveplanner.app.demo import create_demo
from liveplanner.core import enums
from liveplanner.core.metrics import METRICS
from liveplanner.core.plan import MAX_TEXT, ShowPlan
from liveplanner.core.show_record import ShowBundle
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.showfile import validation, writer
from liveplanner.formats.showfile.reader import read_show_file
from liveplanner.formats.showfile.spec import SCHEMA_VERSION
from liveplanner.formats.showfile.writer import show_document
from liveplanner.storage import parts, segments, shows
from liveplanner.storage.database import Database
from liveplanner.storage.errors import StorageError
from liveplanner.storage.runs import list_runs
from liveplanner.storage.samples import import_source, load_metrics
from liveplanner.storage.show_transfer import export_show, import_show


def _without_ids(plan: ShowPlan) -> dict[str, Any]:
    """The plan with database ids replaced by names (people) and positions (everything else)."""
    people = {p.id: p.name for p in plan.people}
    products = {p.id: i for i, p in enumerate(plan.products)}
    promos = {p.id: i for i, p in enumerate(plan.promos)}
    segment = {s.id: i for i, s in enumerate(plan.segments)}
    return {
        "show": replace(plan.show, id=0, version=0),
        "people": sorted(people.values()),
        "team": [(people[m.person_id], m.role) for m in plan.team],
        "products": [replace(p, id=0, version=0) for p in plan.products],
        "promos": [
            replace(p, id=0, version=0, product_id=products.get(p.product_id)) for p in plan.promos
        ],
        "segments": [
            replace(
                s,
                id=0,
                version=0,
                product_id=products.get(s.product_id),
                roles={role: people[p] for role, p in s.roles.items()},
            )
            for s in plan.segments
        ],
        "duties": sorted(
            (segment[d.segment_id], d.offset_s, d.cue, d.role or "", people.get(d.person_id, ""))
            for d in plan.duties
        ),
        "releases": sorted(
            (segment[r.segment_id], promos[r.promo_id], r.offset_s, r.quantity)
            for r in plan.releases
        ),
    }


def _runs_without_ids(bundle: ShowBundle) -> list:
    segment = {s.id: i for i, s in enumerate(bundle.plan.segments)}
    return [
        replace(
            run,
            id=0,
            show_id=0,
            events=tuple(replace(e, segment_id=segment.get(e.segment_id)) for e in run.events),
        )
        for run in bundle.runs
    ]


def _notes_without_ids(bundle: ShowBundle) -> list:
    segment = {s.id: i for i, s in enumerate(bundle.plan.segments)}
    return [
        replace(n, id=0, show_id=0, version=0, segment_id=segment.get(n.segment_id))
        for n in bundle.notes
    ]


def _file_bytes(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _stored(db: Database) -> tuple[int, int]:
    return len(shows.list_shows(db)), len(parts.list_people(db))


@pytest.fixture
def demo_document(db: Database) -> dict[str, Any]:
    return show_document(export_show(db, create_demo(db)))


def test_the_demo_goes_out_and_comes_back_as_an_equal_new_show(
    db: Database, tmp_path: Path
) -> None:
    show_id = create_demo(db)
    original = export_show(db, show_id)
    path = tmp_path / "双11.json"
    writer.write_show_file(original, path)

    copy_id = import_show(db, read_show_file(path.read_bytes(), path.name))

    assert copy_id != show_id
    copy = export_show(db, copy_id)
    first, second = show_document(original), show_document(copy)
    assert first.pop("exported_at") and second.pop("exported_at")
    assert first == second
    assert _without_ids(copy.plan) == _without_ids(original.plan)
    # The people are matched by name, not copied.
    assert {p.id for p in copy.plan.people} == {p.id for p in original.plan.people}


def test_the_runs_metrics_and_notes_come_back_whole(db: Database) -> None:
    show_id = create_demo(db)
    original = export_show(db, show_id)
    copy_id = import_show(db, read_show_file(_file_bytes(show_document(original)), "demo.json"))
    copy = export_show(db, copy_id)

    assert [r.kind for r in list_runs(db, copy_id)] == [enums.RunKind.REHEARSAL, enums.RunKind.LIVE]
    assert len(copy.runs[1].events) > 20
    assert _runs_without_ids(copy) == _runs_without_ids(original)
    assert load_metrics(db, copy_id).equals(load_metrics(db, show_id))
    assert len(copy.samples) > 1000
    assert copy.metrics_source == original.metrics_source
    assert import_source(db, copy_id) == import_source(db, show_id)
    assert len(copy.notes) == 4
    assert _notes_without_ids(copy) == _notes_without_ids(original)
    assert any(n.segment_id is not None for n in copy.notes)


def test_a_deleted_segments_events_keep_their_position_without_a_segment(db: Database) -> None:
    show_id = editable_demo(db)
    gone = shows.load_plan(db, show_id).segments[3]
    segments.remove_segments(db, [gone.id])
    document = show_document(export_show(db, show_id))
    orphans = [
        e for e in document["runs"][1]["events"] if e["segment"] is None and e["kind"] != "started"
    ]
    assert [e["segment_position"] for e in orphans if e["kind"] == "segment_started"] == [3]

    copy = export_show(db, import_show(db, read_show_file(_file_bytes(document), "x.json")))

    copied = show_document(copy)
    assert copied["runs"] == document["runs"]
    assert len(copy.plan.segments) == 27


def test_a_file_with_only_the_plan_imports(db: Database, demo_document: dict[str, Any]) -> None:
    for name in ("runs", "metrics_source", "metrics", "notes"):
        del demo_document[name]

    bundle = read_show_file(_file_bytes(demo_document), "plan.json")
    show_id = import_show(db, bundle)

    stored = export_show(db, show_id)
    assert len(stored.plan.segments) == 28
    assert (stored.runs, stored.samples, stored.metrics_source, stored.notes) == ((), (), None, ())


def _negative_duration(doc: dict[str, Any]) -> None:
    doc["segments"][3]["duration_s"] = -60


def _dangling_product(doc: dict[str, Any]) -> None:
    doc["segments"][2]["product"] = 70


def _newer(doc: dict[str, Any]) -> None:
    doc["schema_version"] = 2


def _fractional_money(doc: dict[str, Any]) -> None:
    doc["products"][0]["live_price_fen"] = 12900.5


def _missing_field(doc: dict[str, Any]) -> None:
    del doc["promos"][1]["kind"]


def _unknown_field(doc: dict[str, Any]) -> None:
    doc["show"]["colour"] = "red"


def _bad_instant(doc: dict[str, Any]) -> None:
    doc["runs"][0]["started_at"] = "2026-11-10 15:30"


def _bad_zone(doc: dict[str, Any]) -> None:
    doc["show"]["time_zone"] = "Beijing"


def _same_name(doc: dict[str, Any]) -> None:
    doc["people"][3]["name"] = doc["people"][1]["name"]


def _unknown_role(doc: dict[str, Any]) -> None:
    doc["segments"][0]["roles"]["director"] = 1


def _long_talking_points(doc: dict[str, Any]) -> None:
    doc["segments"][3]["talking_points"] = "话" * 100_000


def _long_show_notes(doc: dict[str, Any]) -> None:
    doc["show"]["notes"] = "x" * (MAX_TEXT + 1)


@pytest.mark.parametrize(
    ("change", "code", "message"),
    [
        (_negative_duration, "show_file_invalid", "segments[3].duration_s: got -60, expected at "),
        (_dangling_product, "show_file_dangling", "segments[2].product: refers to product 70"),
        (_newer, "newer_show_file", "schema version 2; this version reads up to 1"),
        (_fractional_money, "show_file_invalid", "live_price_fen: got 12900.5, expected a whole"),
        (_missing_field, "show_file_missing", "promos[1].kind: this field is missing"),
        (_unknown_field, "show_file_unknown_field", "show.colour: not a field"),
        (_bad_instant, "show_file_invalid", 'runs[0].started_at: got "2026-11-10 15:30"'),
        (_bad_zone, "show_file_invalid", "expected an IANA time zone name"),
        (_same_name, "show_file_repeat", "people[3].name: repeats people[1].name"),
        (_unknown_role, "show_file_invalid", 'segments[0].roles: got "director", expected one of'),
        (
            _long_talking_points,
            "show_file_invalid",
            "segments[3].talking_points: got 100000 characters, expected at most 32767 characters",
        ),
        (_long_show_notes, "show_file_invalid", "show.notes: got 32768 characters, expected at "),
    ],
)
def test_a_file_that_breaks_the_schema_is_refused_and_stores_nothing(
    db: Database, demo_document: dict[str, Any], change, code: str, message: str
) -> None:
    change(demo_document)
    before = _stored(db)

    with pytest.raises(ImportRefused) as refused:
        import_show(db, read_show_file(_file_bytes(demo_document), "show.json"))

    assert refused.value.problem.code == code
    assert str(refused.value).startswith("show.json")
    assert message in str(refused.value)
    assert _stored(db) == before


def test_the_schema_bounds_free_text_where_a_show_does() -> None:
    defs = validation.schema()["$defs"]

    assert defs["text"]["maxLength"] == defs["filled"]["maxLength"] == MAX_TEXT


@pytest.mark.parametrize(
    ("data", "code", "message"),
    [
        (b'{"format": "liveplanner.show",\n "schema_version": 1,,}', "bad_json", "line 2, column"),
        (b"\xff\xfe\x00garbage", "not_a_show_file", "not a liveplanner show file"),
        (b"PK\x03\x04\x14\x00\x06\x00", "not_a_show_file", "not a liveplanner show file"),
        (b"", "not_a_show_file", "not a liveplanner show file"),
        (b'{"format": "something.else", "schema_version": 1}', "not_a_show_file", "show.json"),
        (b"[1, 2, 3]", "not_a_show_file", "not a liveplanner show file"),
        (b'{"format": "liveplanner.show", "schema_version": "1"}', "show_file_invalid", "from 1"),
    ],
)
def test_a_file_that_is_not_a_show_file_is_refused_and_stores_nothing(
    db: Database, data: bytes, code: str, message: str
) -> None:
    before = _stored(db)
    with pytest.raises(ImportRefused) as refused:
        import_show(db, read_show_file(data, "show.json"))
    assert refused.value.problem.code == code
    assert message in str(refused.value)
    assert _stored(db) == before


def test_an_import_that_fails_midway_stores_nothing(db: Database, demo_document) -> None:
    bundle = read_show_file(_file_bytes(demo_document), "show.json")
    # The same sample twice gets past the plan, the runs and the notes, then breaks the table's
    # key: the whole show goes, people included.
    broken = replace(bundle, samples=(*bundle.samples, bundle.samples[0]))
    before = _stored(db)
    with pytest.raises(StorageError):
        import_show(db, broken)
    assert _stored(db) == before


def test_the_schema_is_valid_and_names_every_value_the_app_knows() -> None:
    schema = validation.schema()
    Draft202012Validator.check_schema(schema)
    defs = schema["$defs"]
    assert defs["show"]["properties"]["platform"]["enum"] == list(enums.Platform)
    assert defs["show"]["properties"]["status"]["enum"] == list(enums.ShowStatus)
    assert defs["segment"]["properties"]["kind"]["enum"] == list(enums.SegmentKind)
    assert defs["role"]["enum"] == list(enums.Role)
    assert defs["role_or_null"]["enum"] == [*enums.Role, None]
    assert defs["promo"]["properties"]["kind"]["enum"] == list(enums.PromoKind)
    assert defs["run"]["properties"]["kind"]["enum"] == list(enums.RunKind)
    assert defs["run_event"]["properties"]["kind"]["enum"] == list(enums.RunEventKind)
    assert defs["note"]["properties"]["category"]["enum"] == list(enums.NoteCategory)
    assert defs["sample"]["properties"]["metric"]["enum"] == list(METRICS)
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION


def test_the_documented_example_is_a_show_file() -> None:
    text = (Path(__file__).parents[1] / "docs" / "showfile.md").read_text(encoding="utf-8")
    example = text.split("```json\n", 1)[1].split("```", 1)[0]

    bundle = read_show_file(example.encode("utf-8"), "showfile.md")

    assert [s.title for s in bundle.plan.segments] == ["开场", "充电宝99元秒杀"]
    assert bundle.plan.releases[0].promo_id == bundle.plan.promos[0].id
    assert len(bundle.runs[0].events) == 4 and len(bundle.samples) == 2
