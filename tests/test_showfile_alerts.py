"""A show's live-alert thresholds travel with it: a show file carries them out and back, a file
without them reads as a new show (no thresholds of its own, so the defaults), and a file with
thresholds no show can have is refused in one line naming the file, the JSON path, the value and
what was expected. Format tests only: no database, no Qt."""

import json
from dataclasses import replace
from typing import Any

import pytest
from hostile_cases import base_show, show_file

from liveplanner.app.demo import demo_plan
from liveplanner.core.alert_settings import SETTING_BOUNDS, AlertSettings
from liveplanner.core.show_record import ShowBundle
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.showfile import validation
from liveplanner.formats.showfile.reader import read_show_file
from liveplanner.formats.showfile.writer import show_document

SET = AlertSettings(viewers_drop_bp=3_500, viewers_window_min=10, pace_behind_bp=0, sold_out=False)


def _document(alerts: AlertSettings | None = SET) -> dict[str, Any]:
    return show_document(ShowBundle(replace(demo_plan(), alerts=alerts)))


def _read(document: dict[str, Any] | str) -> ShowBundle:
    text = document if isinstance(document, str) else json.dumps(document, ensure_ascii=False)
    return read_show_file(text.encode("utf-8"), "双11.json")


def test_a_shows_thresholds_go_out_and_come_back_the_same() -> None:
    document = _document()
    assert document["show"]["alerts"] == {
        "viewers_drop_bp": 3_500,
        "viewers_window_min": 10,
        "pace_behind_bp": 0,
        "sold_out": False,
    }
    assert _read(document).plan.alerts == SET
    # Written again, the same document (apart from when).
    again = show_document(_read(document))
    assert again.pop("exported_at") and document.pop("exported_at")
    assert again == document


def test_a_show_that_set_none_writes_none_and_reads_back_with_none() -> None:
    document = _document(None)
    assert "alerts" not in document["show"]
    assert _read(document).plan.alerts is None


def test_a_file_written_before_thresholds_travelled_reads_as_it_did() -> None:
    # A hand-written schema-1 file of the shape liveplanner 0.1.0 wrote: no rhythm, no alerts.
    old = base_show()
    assert "alerts" not in old["show"] and "rhythm" not in old["show"]
    plan = read_show_file(show_file(old), "old.json").plan
    assert plan.alerts is None
    assert [s.title for s in plan.segments] == [s["title"] for s in old["segments"]]


def test_the_schema_bounds_the_thresholds_where_the_app_does() -> None:
    properties = validation.schema()["$defs"]["alerts"]["properties"]
    for name, (least, most) in SETTING_BOUNDS.items():
        assert (properties[name]["minimum"], properties[name]["maximum"]) == (least, most), name
    assert set(properties) == set(AlertSettings.__dataclass_fields__)


@pytest.mark.parametrize(
    ("field", "literal", "expected"),
    [
        ("viewers_drop_bp", "-1", "got -1, expected at least 0"),
        ("viewers_drop_bp", "10001", "got 10001, expected at most 10000"),
        ("pace_behind_bp", "20000", "got 20000, expected at most 10000"),
        ("viewers_window_min", "0", "got 0, expected at least 1"),
        ("viewers_window_min", "99", "got 99, expected at most 60"),
        ("viewers_window_min", '"5"', 'got "5", expected a whole number'),
        ("viewers_window_min", "5.0", "got 5.0, expected a whole number"),
        ("viewers_drop_bp", "NaN", "got NaN, expected a whole number"),
        ("viewers_drop_bp", "-Infinity", "got -Infinity, expected a whole number"),
        ("pace_behind_bp", "1e400", "got 1e400, expected a whole number"),
        (
            "pace_behind_bp",
            "9223372036854775807",
            "got 9223372036854775807, expected at most 10000",
        ),
        (
            "pace_behind_bp",
            "9" * 400,
            "got " + "9" * 59 + "…, expected a whole number of at most 19 digits",
        ),
        ("viewers_drop_bp", "true", "got true, expected a whole number"),
        ("viewers_drop_bp", "null", "got null, expected a whole number"),
        ("sold_out", '"yes"', 'got "yes", expected true or false'),
        ("sold_out", "1", "got 1, expected true or false"),
        ("sold_out", "null", "got null, expected true or false"),
    ],
)
def test_a_threshold_no_show_can_have_is_refused_in_one_line_at_its_path(
    field: str, literal: str, expected: str
) -> None:
    document = _document()
    document["show"]["alerts"][field] = "@VALUE@"
    text = json.dumps(document, ensure_ascii=False).replace('"@VALUE@"', literal)

    with pytest.raises(ImportRefused) as refused:
        _read(text)

    assert str(refused.value) == f"双11.json, show.alerts.{field}: {expected}"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda alerts: alerts.update(sound=True),
            "双11.json, show.alerts.sound: not a field of a show file (schema version 1)",
        ),
        (
            lambda alerts: alerts.pop("sold_out"),
            "双11.json, show.alerts.sold_out: this field is missing",
        ),
    ],
)
def test_an_unknown_or_missing_threshold_is_refused_by_name(change, message: str) -> None:
    document = _document()
    change(document["show"]["alerts"])
    with pytest.raises(ImportRefused) as refused:
        _read(document)
    assert str(refused.value) == message


@pytest.mark.parametrize(
    ("value", "shown"),
    [([], "[]"), (None, "null"), ("20%", '"20%"'), ({"viewers_drop_bp": 2000, "x": 1}, None)],
)
def test_thresholds_that_are_no_object_of_thresholds_are_refused(value: object, shown) -> None:
    document = _document()
    document["show"]["alerts"] = value
    with pytest.raises(ImportRefused) as refused:
        _read(document)
    message = str(refused.value)
    assert message.startswith("双11.json, show.alerts") and "\n" not in message
    if shown is not None:
        assert message == f"双11.json, show.alerts: got {shown}, expected an object"
