"""A show file checked against schema.json (JSON Schema 2020-12), and a schema error turned
into one refusal that says where the file breaks the schema and what was expected there."""

import json
import re
from collections.abc import Sequence
from datetime import datetime
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from liveplanner.core.plan import time_zone
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.showfile.parsing import _DIGITS, _Literal
from liveplanner.formats.showfile.spec import SCHEMA_VERSION, Document

if TYPE_CHECKING:
    from jsonschema import Validator
    from jsonschema.exceptions import ValidationError


def schema() -> Document:
    """The JSON Schema of the current version, as shipped in the package."""
    document: Document = json.loads(files(__package__).joinpath("schema.json").read_text("utf-8"))
    return document


def _date_time(value: object) -> bool:
    if isinstance(value, str):
        datetime.fromisoformat(value)  # ValueError for a day or time that does not exist
    return True


def _time_zone(value: object) -> bool:
    if isinstance(value, str):
        time_zone(value)  # ValueError for anything but an IANA zone
    return True


@cache
def _validator() -> "Validator":
    # Imported here, not at the top: jsonschema loads its own meta-schemas, and the window
    # should not wait for them.
    from jsonschema import Draft202012Validator, FormatChecker, validators

    formats = FormatChecker(formats=())
    formats.checks("date-time", raises=ValueError)(_date_time)
    formats.checks("time-zone", raises=ValueError)(_time_zone)
    # Draft 2020-12 counts 5.0 as an integer; it would reach the database as a float, and
    # money is never a float. Here an integer is a number written without a fraction.
    types = Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _checker, value: type(value) is int
    )
    # jsonschema's stubs leave extend() untyped.
    strict = validators.extend(Draft202012Validator, type_checker=types)  # type: ignore[no-untyped-call]
    validator: Validator = strict(_inlined(schema()), format_checker=formats)
    return validator


@cache
def _sample_rule() -> tuple[frozenset[str], "re.Pattern[str]", frozenset[str], int, int]:
    """What the schema asks of a sample, read from it: its fields, the minute's pattern, the
    metric names, the least and greatest value."""
    sample = schema()["$defs"]["sample"]
    assert sample["additionalProperties"] is False and set(sample["required"]) == set(
        sample["properties"]
    )
    when = schema()["$defs"]["when"]
    value = sample["properties"]["value"]
    return (
        frozenset(sample["properties"]),
        re.compile(when["pattern"]),
        frozenset(sample["properties"]["metric"]["enum"]),
        value["minimum"],
        value["maximum"],
    )


def _plain_sample(sample: object) -> bool:
    """Whether the schema takes this sample, checked the quick way; False (then the validator
    says why) for anything it might not take."""
    fields, pattern, metrics, least, greatest = _sample_rule()
    if type(sample) is not dict or sample.keys() != fields:
        return False
    minute, metric, value = sample["minute"], sample["metric"], sample["value"]
    if type(minute) is not str or not pattern.search(minute) or metric not in metrics:
        return False
    if type(value) is not int or not least <= value <= greatest:
        return False
    try:
        return _date_time(minute)
    except ValueError:
        return False


def _inlined(document: Document) -> Document:
    """The schema with each $ref replaced by what it names (it has no cycles): the validator
    then resolves no reference per value, which took over half of a large file's reading."""
    definitions = document.get("$defs", {})

    def inline(node: Any) -> Any:  # a JSON value
        if isinstance(node, list):
            return [inline(item) for item in node]
        if not isinstance(node, dict):
            return node
        node = {key: inline(value) for key, value in node.items() if key != "$defs"}
        if "$ref" not in node:
            return node
        target = inline(definitions[node.pop("$ref").removeprefix("#/$defs/")])
        # Beside $ref, keywords apply as well as the definition's; merged where none clash.
        if set(target) & set(node):
            return node | {"allOf": [target]}
        return target | node

    inlined: Document = inline(document)
    return inlined


def _path(parts: Sequence[str | int]) -> str:
    """A JSON path as people read it: segments[3].duration_s (entries count from 0)."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else part
    return text


def _shown(value: object) -> str:
    if isinstance(value, _Literal):
        text = value.text
    else:
        text = json.dumps(value, ensure_ascii=False, default=lambda v: v.text)
    return text if len(text) <= 60 else text[:59] + "…"


_TYPES = {
    "integer": "a whole number",
    "number": "a number",
    "string": "text",
    "object": "an object",
    "array": "a list",
    "boolean": "true or false",
    "null": "null",
}


def _expected(error: "ValidationError") -> str:
    # Set on every error a validator reports (the stubs also allow jsonschema's Unset).
    want: Any = error.validator_value
    subschema: Any = error.schema
    match error.validator:
        case "type":
            names = [want] if isinstance(want, str) else want
            text = " or ".join(_TYPES[t] for t in names)
            huge = (
                isinstance(error.instance, _Literal) and error.instance.text.lstrip("-").isdigit()
            )
            return f"{text} of at most {_DIGITS} digits" if huge and "integer" in names else text
        case "minimum":
            return f"at least {want}"
        case "maximum":
            return f"at most {want}"
        case "maxLength":
            return f"at most {want} characters"
        case "maxItems":
            return f"at most {want} entries"
        case "enum":
            return "one of " + ", ".join(_shown(v).strip('"') for v in want)
        case "const":
            return _shown(want)
        case "pattern" | "format":
            return str(subschema.get("description", error.message))
    return error.message


def _refusal(error: "ValidationError", file_name: str) -> ImportRefused:
    path = list(error.absolute_path)
    # Set on every error a validator reports (the stubs also allow jsonschema's Unset).
    want: Any = error.validator_value
    subschema: Any = error.schema
    instance: Any = error.instance
    if error.validator == "required":
        missing = next(name for name in want if name not in instance)
        return ImportRefused("show_file_missing", file=file_name, path=_path([*path, missing]))
    if error.validator == "additionalProperties":
        known = subschema.get("properties", {})
        extra = next(name for name in instance if name not in known)
        return ImportRefused(
            "show_file_unknown_field",
            file=file_name,
            path=_path([*path, extra]),
            version=SCHEMA_VERSION,
        )
    # A text too long is told by its length: its first 60 characters would say nothing.
    too_long = error.validator == "maxLength" and isinstance(instance, str)
    return ImportRefused(
        "show_file_invalid",
        file=file_name,
        path=_path(path) or "the file",
        value=f"{len(instance)} characters" if too_long else _shown(instance),
        expected=_expected(error),
    )
