"""Show files no show can be: too large, nested too deep, numbers JSON allows but no field takes,
lists longer than a show has, times outside a show's years. Each is refused in one line naming
the JSON path, and nothing is stored; a show at the edge of the domain is taken and works."""

import json
from pathlib import Path
from typing import Any

import pytest

from liveplanner.app.demo import create_demo
from liveplanner.app.workspace import open_database
from liveplanner.cli.main import main
from liveplanner.core import plan
from liveplanner.formats.metrics import records as metrics_import
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.showfile import validation
from liveplanner.formats.showfile.reader import read_show_file
from liveplanner.formats.showfile.spec import MAX_BYTES, MAX_NESTING
from liveplanner.formats.showfile.writer import show_document
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.storage.show_transfer import export_show


@pytest.fixture(scope="module")
def demo_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo show (with runs, metrics and notes) as a show file's text."""
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite3'}"
    db = open_database(url, backup_dir=None)
    try:
        return json.dumps(show_document(export_show(db, create_demo(db))), ensure_ascii=False)
    finally:
        db.close()


def _refused(data: str | bytes) -> str:
    with pytest.raises(ImportRefused) as refused:
        read_show_file(data if isinstance(data, bytes) else data.encode(), "show.json")
    message = str(refused.value)
    assert "\n" not in message
    return message


def _changed(text: str, change) -> str:
    document: dict[str, Any] = json.loads(text)
    change(document)
    return json.dumps(document, ensure_ascii=False)


def test_a_file_over_the_size_limit_is_refused_by_its_size(demo_text: str) -> None:
    padded = demo_text.replace('"notes": ""', '"notes": "' + "x" * MAX_BYTES + '"', 1)
    assert _refused(padded) == "show.json is 21 MB; files up to 20 MB can be imported"


@pytest.mark.parametrize("depth", [100_000, 950])
def test_a_file_nested_deep_is_refused_in_one_line(demo_text: str, depth: int) -> None:
    nested = demo_text.replace('"notes": ""', '"notes": ' + "[" * depth + "]" * depth, 1)
    message = _refused(nested)
    assert message.endswith(f"expected lists and objects nested at most {MAX_NESTING} deep")


def test_a_nesting_past_the_limit_is_named_by_its_path(demo_text: str) -> None:
    nested = _changed(demo_text, lambda d: d["show"].update(notes=[[[[[[[["x"]]]]]]]]))
    assert _refused(nested) == (
        "show.json, show.notes[0][0][0][0][0][0]: got a list 9 levels deep, expected lists and "
        "objects nested at most 8 deep"
    )


@pytest.mark.parametrize(
    ("literal", "expected"),
    [
        ("NaN", "got NaN, expected a whole number"),
        ("Infinity", "got Infinity, expected a whole number"),
        ("-Infinity", "got -Infinity, expected a whole number"),
        ("1e400", "got 1e400, expected a whole number"),
        ("9" * 4_301, "expected a whole number of at most 19 digits"),
        ("-" + "9" * 25, "got -9999999999999999999999999, expected a whole number of at most 19"),
        ("1000000000001", "got 1000000000001, expected at most 1000000000000"),
        # every metric is a count or an amount, as an export's negative cell is refused
        ("-1", "got -1, expected at least 0"),
        ('{"a": 1}', 'got {"a": 1}, expected a whole number'),
        ("[1]", "got [1], expected a whole number"),
    ],
)
def test_a_sample_value_json_allows_but_no_show_has_is_refused_at_its_path(
    demo_text: str, literal: str, expected: str
) -> None:
    document = json.loads(demo_text)
    document["metrics"][0]["value"] = "@VALUE@"
    text = json.dumps(document, ensure_ascii=False).replace('"@VALUE@"', literal)
    message = _refused(text)
    assert message.startswith("show.json, metrics[0].value: ") and expected in message


@pytest.mark.parametrize(
    ("literal", "path", "expected"),
    [
        ("NaN", "show.title", "got NaN, expected text"),
        ('["a"]', "show.title", 'got ["a"], expected text'),
        ("Infinity", "segments[0].duration_s", "got Infinity, expected a whole number"),
        ("{}", "segments[0].duration_s", "got {}, expected a whole number"),
        ("1e400", "runs[0].events[0].monotonic_s", "got 1e400, expected a number"),
    ],
)
def test_values_of_the_wrong_kind_are_refused_with_their_path(
    demo_text: str, literal: str, path: str, expected: str
) -> None:
    def mark(document: dict[str, Any]) -> None:
        parent: Any = document
        parts = path.replace("[", ".").replace("]", "").split(".")
        for part in parts[:-1]:
            parent = parent[int(part) if part.isdigit() else part]
        parent[parts[-1]] = "@VALUE@"

    text = _changed(demo_text, mark).replace('"@VALUE@"', literal)
    assert _refused(text) == f"show.json, {path}: {expected}"


def test_more_segments_than_a_show_holds_are_refused_before_they_are_checked(
    demo_text: str,
) -> None:
    def many(document: dict[str, Any]) -> None:
        # 1,500 segments of 2**31 s overflowed the clock once stored.
        segment = document["segments"][0] | {"duration_s": 2**31 - 1, "cues": [], "releases": []}
        document["segments"] = [segment | {"id": i} for i in range(1, 1_501)]

    assert _refused(_changed(demo_text, many)) == (
        "show.json, segments: got 1500 entries, expected at most 1000"
    )


def test_a_segment_longer_than_a_day_is_refused(demo_text: str) -> None:
    long = _changed(demo_text, lambda d: d["segments"][2].update(duration_s=86_401))
    assert _refused(long) == "show.json, segments[2].duration_s: got 86401, expected at most 86400"


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("metrics.0.minute", "9999-12-31T23:59:00+08:00"),
        ("metrics.5.minute", "0001-01-01T00:00:00+08:00"),
        ("show.planned_start", "9999-12-31T20:00:00+08:00"),
        ("show.hard_stop", "2100-01-01T00:00:00+08:00"),
        ("runs.0.events.1.wall_time", "1999-12-31T23:59:59+08:00"),
        ("notes.0.minute", "9999-12-31T23:59:00-05:00"),
    ],
)
def test_a_time_outside_a_shows_years_is_refused_at_its_path(
    demo_text: str, path: str, value: str
) -> None:
    def put(document: dict[str, Any]) -> None:
        parent: Any = document
        *parents, last = path.split(".")
        for part in parents:
            parent = parent[int(part) if part.isdigit() else part]
        parent[int(last) if last.isdigit() else last] = value

    shown = path.replace(".0.", "[0].").replace(".5.", "[5].").replace(".1.", "[1].")
    assert _refused(_changed(demo_text, put)) == (
        f'show.json, {shown}: got "{value}", expected a time in the years 2000 to 2099'
    )


def test_the_schema_bounds_are_the_domain_of_core_and_of_the_metrics_import() -> None:
    schema = validation.schema()
    assert schema["properties"]["segments"]["maxItems"] == plan.MAX_SEGMENTS
    assert schema["properties"]["products"]["maxItems"] == plan.MAX_PRODUCTS
    assert schema["$defs"]["seconds"]["maximum"] == plan.MAX_SEGMENT_S
    value = schema["$defs"]["sample"]["properties"]["value"]
    assert value["maximum"] == metrics_import.MAX_MINUTE_VALUE
    assert value["minimum"] == 0  # the metrics import refuses a negative cell
    assert metrics_import.FIRST_SHOW_TIME.to_pydatetime() == plan.FIRST_SHOW_TIME
    assert metrics_import.LAST_SHOW_TIME.to_pydatetime() == plan.LAST_SHOW_TIME


def test_the_inlined_schema_refuses_what_the_schema_refuses(demo_text: str) -> None:
    from jsonschema import Draft202012Validator

    document = json.loads(demo_text)
    document["segments"][1]["title"] = 5
    document["people"][0]["name"] = " "
    as_written = sorted(
        e.message for e in Draft202012Validator(validation.schema()).iter_errors(document)
    )
    inlined = Draft202012Validator(validation._inlined(validation.schema()))
    assert sorted(e.message for e in inlined.iter_errors(document)) == as_written
    assert len(as_written) == 2


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_refuses_a_hostile_show_file_in_one_line_and_stores_nothing(
    sqlite_url: str, tmp_path: Path, demo_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"format": "liveplanner.show", "schema_version": 1, "app": ' + "[" * 100_000)
    code, out, err = _cli(capsys, "--database", sqlite_url, "import-script", str(deep))
    assert code == 2 and out == ""
    assert err == (
        "liveplanner: deep.json, the file: got lists or objects nested hundreds deep, expected "
        "lists and objects nested at most 8 deep\n"
    )
    db = open_database(sqlite_url, backup_dir=None)
    try:
        assert shows.list_shows(db) == []
    finally:
        db.close()


def test_a_show_file_too_large_is_refused_before_it_is_read(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as file:  # sparse: 259 MB on paper, nothing to read
        file.truncate(259 * 2**20)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read before its size"))
    code, _out, err = _cli(capsys, "--database", sqlite_url, "import-script", str(big))
    assert code == 2
    assert err == "liveplanner: big.json is 259 MB; files up to 20 MB can be imported\n"


def test_a_show_at_the_edge_of_the_domain_is_taken_and_everything_after_works(
    sqlite_url: str, tmp_path: Path, demo_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    def to_the_edge(document: dict[str, Any]) -> None:
        # The last evening a show can start, with its minutes on the last day of the years.
        document["show"].update(planned_start="2099-12-31T19:30:00+08:00")
        document["show"].update(planned_end=None, hard_stop=None)
        for sample in document["metrics"]:
            sample["minute"] = sample["minute"].replace("2026-11-11", "2099-12-31")
        document["runs"], document["notes"] = [], []

    edge = tmp_path / "edge.json"
    edge.write_text(_changed(demo_text, to_the_edge), encoding="utf-8")
    db = ["--database", sqlite_url]
    code, out, err = _cli(capsys, *db, "import-script", str(edge), "--json")
    assert code == 0, err
    show_id = str(json.loads(out)["show_id"])
    for command in (["show", show_id], ["runs", show_id], ["review", show_id]):
        code, out, err = _cli(capsys, *db, *command, "--json")
        assert code == 0, err
    review = json.loads(out)
    assert review["totals"]["gmv"] > 0 and review["totals"]["show_minutes"] == 180
    code, _out, err = _cli(capsys, *db, "export-script", show_id, "--out", str(tmp_path / "o.json"))
    assert code == 0, err
    again = read_show_file((tmp_path / "o.json").read_bytes(), "o.json")
    assert again.plan.show.planned_start.year == 2099


def test_a_store_refuses_a_start_no_show_can_have(db: Database) -> None:
    from datetime import datetime

    from liveplanner.storage.errors import InvalidValueError

    with pytest.raises(InvalidValueError, match="years 2000 to 2099"):
        shows.create_show(
            db, "x", datetime(9999, 12, 31, 20, tzinfo=plan.time_zone("Asia/Shanghai"))
        )
    assert shows.list_shows(db) == []


@pytest.mark.parametrize(
    "sample",
    [
        {"minute": "2026-11-11T20:00:00+08:00", "metric": "gmv", "value": 5},
        {"minute": "2026-11-11T20:00:00.5Z", "metric": "likes", "value": -1_000_000_000_000},
        {"minute": "2026-02-30T20:00:00+08:00", "metric": "gmv", "value": 5},
        {"minute": "2026-11-11 20:00:00+08:00", "metric": "gmv", "value": 5},
        {"minute": "2026-11-11T20:00:00+08:00", "metric": "gmv", "value": True},
        {"minute": "2026-11-11T20:00:00+08:00", "metric": "gmv", "value": 5.0},
        {"minute": "2026-11-11T20:00:00+08:00", "metric": "gmv", "value": 10**12 + 1},
        {"minute": "2026-11-11T20:00:00+08:00", "metric": "profit", "value": 5},
        {"minute": "2026-11-11T20:00:00+08:00", "metric": "gmv"},
        {"minute": "2026-11-11T20:00:00+08:00", "metric": "gmv", "value": 5, "x": 1},
        ["2026-11-11T20:00:00+08:00", "gmv", 5],
    ],
)
def test_a_sample_passed_the_quick_way_is_one_the_schema_takes(sample: object) -> None:
    rule = validation._inlined(validation.schema())["properties"]["metrics"]["items"]
    takes = not list(validation._validator().evolve(schema=rule).iter_errors(sample))
    assert validation._plain_sample(sample) == takes
