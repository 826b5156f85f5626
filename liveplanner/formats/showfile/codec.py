"""One show as a JSON file, to hand to someone without a shared database (docs/showfile.md).

The file holds everything stored about the show: the plan, every run with every event, the
minute metrics with their source, and the review notes. Its references are its own integer ids,
numbered in the file's order, never database ids, so a show exported, imported elsewhere and
exported again gives the same document. Instants are written in the show's time zone with
their offset. schema.json (JSON Schema 2020-12) is the contract for each version.
"""

import json
import math
import re
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, tzinfo
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from liveplanner import __version__
from liveplanner.core.enums import (
    NoteCategory,
    Platform,
    PromoKind,
    Role,
    RunEventKind,
    RunKind,
    SegmentKind,
    ShowStatus,
)
from liveplanner.core.notes import ReviewNote
from liveplanner.core.plan import (
    FIRST_SHOW_TIME,
    LAST_SHOW_TIME,
    Duty,
    Person,
    Product,
    Promo,
    Release,
    Segment,
    Show,
    ShowPlan,
    Targets,
    TeamMember,
    in_show_years,
    time_zone,
)
from liveplanner.core.runlog import Run, RunEvent
from liveplanner.formats import sheets
from liveplanner.formats.problems import ImportRefused

if TYPE_CHECKING:
    from jsonschema import Validator
    from jsonschema.exceptions import ValidationError

FORMAT = "liveplanner.show"
SCHEMA_VERSION = 1  # the version this liveplanner writes, and the newest it reads
# A show's file is a few MB at most (a day of 15 metrics each minute is 1.6 MB): 20 MB is far
# past any show and still reads in seconds. Nothing in a show file nests deeper than 5 levels
# (segments[2].cues[0].cue); past MAX_NESTING the file is refused before the schema is walked,
# which would exhaust Python's stack on a file nested thousands deep.
MAX_BYTES = 20 * 2**20
MAX_NESTING = 8
_YEARS = f"a time in the years {FIRST_SHOW_TIME.year} to {LAST_SHOW_TIME.year - 1}"

Document = dict[str, Any]

# How a file of an older schema version is read: UPGRADES[n] turns a version-n document into a
# version n + 1 one, and read_show_file applies them in turn before checking the result against
# the current schema. Version 1 is the first, so there are none yet; whoever raises
# SCHEMA_VERSION adds the step from the version before, and older files keep importing.
UPGRADES: dict[int, Callable[[Document], Document]] = {}


class MetricSample(NamedTuple):
    minute: datetime  # aware, UTC
    metric: str  # a canonical name from core.metrics
    value: int  # a count, or fen for money


@dataclass(frozen=True, slots=True)
class MetricsSource:
    """The platform export the show's metrics were imported from."""

    file_name: str
    preset: str
    encoding: str
    rows_read: int
    imported_at: datetime  # aware, UTC


@dataclass(frozen=True, slots=True)
class ShowBundle:
    """Everything stored about one show, as plain objects.

    From storage the ids are database ids; read from a file they are the file's own (the show's
    is 0: a file holds one show). Either way they only tie the parts together.
    """

    plan: ShowPlan
    runs: tuple[Run, ...] = ()  # oldest first, each with its events in order
    samples: tuple[MetricSample, ...] = ()  # by metric, then minute
    metrics_source: MetricsSource | None = None
    notes: tuple[ReviewNote, ...] = ()


# Writing


def _numbering(items: Sequence[Any]) -> dict[int | None, int | None]:
    """File ids for the items' ids: 1, 2, 3... in the given order; None stays None."""
    return {None: None} | {item.id: number for number, item in enumerate(items, start=1)}


def _by_segment(items: Sequence[Duty | Release]) -> dict[int, list[Any]]:
    """Cues or releases per segment, along its timeline; equal offsets keep the order stored."""
    grouped: dict[int, list[Any]] = {}
    for item in sorted(items, key=lambda i: (i.offset_s, i.id)):
        grouped.setdefault(item.segment_id, []).append(item)
    return grouped


def show_document(bundle: ShowBundle) -> Document:
    """The bundle as a show file of the current schema version, ready for json.dumps."""
    plan, show = bundle.plan, bundle.plan.show
    zone = time_zone(show.time_zone)

    def at(moment: datetime | None) -> str | None:
        return None if moment is None else moment.astimezone(zone).isoformat()

    # People by name: storage lists them by database id, and an import that finds some of them
    # already known and adds the rest would change that order. Products, promos, team and
    # segments keep the order they are stored in, which an import keeps.
    people = sorted(plan.people, key=lambda p: p.name)
    person = _numbering(people)
    product = _numbering(plan.products)
    promo = _numbering(plan.promos)
    segment = _numbering(plan.segments)
    cues, releases = _by_segment(plan.duties), _by_segment(plan.releases)
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "app": f"liveplanner {__version__}",
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "show": {
            "title": show.title,
            "platform": show.platform.value,
            "room": show.room,
            "time_zone": show.time_zone,
            "status": show.status.value,
            "planned_start": at(show.planned_start),
            "planned_end": at(show.planned_end),
            "hard_stop": at(show.hard_stop),
            "targets": asdict(show.targets),
            "max_discount_bp": show.max_discount_bp,
            "min_margin_bp": show.min_margin_bp,
            "notes": show.notes,
        },
        "people": [{"id": person[p.id], "name": p.name} for p in people],
        "team": [{"person": person[m.person_id], "role": m.role.value} for m in plan.team],
        "products": [
            {
                "id": product[p.id],
                "sku": p.sku,
                "name": p.name,
                "list_price_fen": p.list_price_fen,
                "live_price_fen": p.live_price_fen,
                "unit_cost_fen": p.unit_cost_fen,
                "stock": p.stock,
            }
            for p in plan.products
        ],
        "promos": [
            {
                "id": promo[p.id],
                "kind": p.kind.value,
                "name": p.name,
                "product": product[p.product_id],
                "quantity": p.quantity,
                "face_value_fen": p.face_value_fen,
                "special_price_fen": p.special_price_fen,
                "threshold_fen": p.threshold_fen,
                "per_user_limit": p.per_user_limit,
                "budget_fen": p.budget_fen,
                "notes": p.notes,
            }
            for p in plan.promos
        ],
        "segments": [
            {
                "id": segment[s.id],
                "kind": s.kind.value,
                "title": s.title,
                "duration_s": s.duration_s,
                "product": product[s.product_id],
                "talking_points": s.talking_points,
                "notes": s.notes,
                "roles": {r.value: person[s.roles[r]] for r in Role if r in s.roles},
                "cues": [
                    {
                        "offset_s": d.offset_s,
                        "cue": d.cue,
                        "role": None if d.role is None else d.role.value,
                        "person": person[d.person_id],
                    }
                    for d in cues.get(s.id, [])
                ],
                "releases": [
                    {"promo": promo[r.promo_id], "offset_s": r.offset_s, "quantity": r.quantity}
                    for r in releases.get(s.id, [])
                ],
            }
            for s in plan.segments
        ],
        "runs": [
            {
                "kind": run.kind.value,
                "started_at": at(run.started_at),
                "ended_at": at(run.ended_at),
                "events": [
                    {
                        "kind": e.kind.value,
                        "wall_time": at(e.wall_time),
                        "monotonic_s": e.monotonic_s,
                        # A deleted segment's events keep their position but lose the segment.
                        "segment": segment.get(e.segment_id),
                        "segment_position": e.segment_position,
                        "seconds": e.seconds,
                        "text": e.text,
                    }
                    for e in run.events
                ],
            }
            for run in bundle.runs
        ],
        "metrics_source": None
        if bundle.metrics_source is None
        else asdict(bundle.metrics_source) | {"imported_at": at(bundle.metrics_source.imported_at)},
        "metrics": [
            {"minute": at(s.minute), "metric": s.metric, "value": s.value} for s in bundle.samples
        ],
        "notes": [
            {
                "category": n.category.value,
                "text": n.text,
                "owner": n.owner,
                "segment": segment.get(n.segment_id),
                "minute": at(n.minute),
            }
            for n in bundle.notes
        ],
    }


def write_show_file(bundle: ShowBundle, path: Path) -> None:
    """Write the show file through a temporary file: a failed write leaves an older one whole."""
    text = json.dumps(show_document(bundle), ensure_ascii=False, indent=2)
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(text + "\n", encoding="utf-8")
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)  # a full disk leaves nothing half-written beside it
        raise


# Reading


def read_show_file(data: bytes, file_name: str) -> ShowBundle:
    """The show in a show file's bytes. A file that cannot be taken whole is refused with
    ImportRefused, naming the JSON path, the value and what was expected."""
    from jsonschema.exceptions import best_match  # here: see _validator

    check_size(len(data), file_name)
    document = _current(_parse(data, file_name), file_name)
    _check_shape(document, file_name)
    # The minute samples are most of a large file; when each is plainly what the schema asks,
    # the validator need not walk them one by one (it took seconds per 10,000).
    plain = isinstance(document.get("metrics"), list) and all(
        map(_plain_sample, document["metrics"])
    )
    checked = document | {"metrics": []} if plain else document
    error = best_match(_validator().iter_errors(checked))
    if error is not None:
        raise _refusal(error, file_name)
    _check_times(document, file_name)
    _check_ids(document, file_name)
    return _bundle(document)


def check_size(size: int, file_name: str) -> None:
    """Refuse a file too large to be a show's, before it is read (or parsed)."""
    sheets.check_size(size, file_name, MAX_BYTES)


_DIGITS = 19  # of the largest whole number any field takes (2**63 - 1)


class _Literal:
    """What JSON text holds but no show file can: NaN, Infinity, a number past any field's
    range (an integer of thousands of digits, which int() refuses, or 1e400). Kept as written,
    so that the schema refuses it at its path like any value of the wrong type."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def _whole(text: str) -> int | _Literal:
    return int(text) if len(text.lstrip("-")) <= _DIGITS else _Literal(text)


def _real(text: str) -> float | _Literal:
    value = float(text)
    return value if math.isfinite(value) else _Literal(text)


_BLANK = b"\xef\xbb\xbf \t\r\n"  # a UTF-8 byte order mark and white space


def _parse(data: bytes, file_name: str) -> Document:
    try:
        document = json.loads(data, parse_constant=_Literal, parse_int=_whole, parse_float=_real)
    except RecursionError:
        raise _too_deep(file_name, "the file", "lists or objects nested hundreds deep") from None
    except ValueError as exc:  # JSONDecodeError, or UnicodeDecodeError for binary data
        # A broken JSON object gets its line and column; anything else (a workbook, a picture
        # picked by mistake) is simply not a show file.
        if isinstance(exc, json.JSONDecodeError) and data.lstrip(_BLANK).startswith(b"{"):
            raise ImportRefused(
                "bad_json", file=file_name, line=exc.lineno, column=exc.colno, detail=exc.msg
            ) from None
        raise ImportRefused("not_a_show_file", file=file_name) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefused("not_a_show_file", file=file_name)
    return document


def _too_deep(file_name: str, path: str, value: str) -> ImportRefused:
    return ImportRefused(
        "show_file_invalid",
        file=file_name,
        path=path,
        value=value,
        expected=f"lists and objects nested at most {MAX_NESTING} deep",
    )


def _check_shape(document: Document, file_name: str) -> None:
    """Refuse nesting past MAX_NESTING and lists longer than the schema's maxItems, walking the
    document once without recursion, before the schema's validator walks it item by item."""
    limits = _list_limits()
    stack: list[tuple[object, tuple[str | int, ...], int]] = [(document, (), 1)]
    while stack:
        node, path, depth = stack.pop()
        if depth > MAX_NESTING:
            kind = "a list" if isinstance(node, list) else "an object"
            raise _too_deep(file_name, _path(path), f"{kind} {depth} levels deep")
        if isinstance(node, list):
            limit = limits.get(tuple("[]" if isinstance(p, int) else p for p in path))
            if limit is not None and len(node) > limit:
                raise ImportRefused(
                    "show_file_invalid",
                    file=file_name,
                    path=_path(path),
                    value=f"{len(node)} entries",
                    expected=f"at most {limit}",
                )
            children: Iterator[tuple[str | int, object]] = enumerate(node)
        elif isinstance(node, dict):
            children = iter(node.items())
        else:
            continue
        for key, child in children:
            if isinstance(child, list | dict):
                stack.append((child, (*path, key), depth + 1))


@cache
def _list_limits() -> dict[tuple[str, ...], int]:
    """The schema's maxItems of each list, by its path with [] for any entry: ("segments",),
    ("segments", "[]", "cues"), ("runs", "[]", "events")."""
    found: dict[tuple[str, ...], int] = {}
    document = schema()

    def walk(node: Document, path: tuple[str, ...]) -> None:
        if "$ref" in node:
            walk(document["$defs"][node["$ref"].removeprefix("#/$defs/")], path)
        if "maxItems" in node:
            found[path] = node["maxItems"]
        for name, child in node.get("properties", {}).items():
            walk(child, (*path, name))
        if isinstance(node.get("items"), dict):
            walk(node["items"], (*path, "[]"))

    walk(document, ())
    return found


def _current(document: Document, file_name: str) -> Document:
    """The document in the current schema version: a newer one is refused, an older upgraded."""
    version = document.get("schema_version")
    if type(version) is not int or version < 1:
        raise ImportRefused(
            "show_file_invalid",
            file=file_name,
            path="schema_version",
            value=_shown(version),
            expected="a whole number from 1 up",
        )
    if version > SCHEMA_VERSION:
        raise ImportRefused(
            "newer_show_file", file=file_name, version=version, supported=SCHEMA_VERSION
        )
    for older in range(version, SCHEMA_VERSION):
        document = UPGRADES[older](document)
    return document


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


def _at(text: str, zone: tzinfo = UTC) -> datetime:
    return datetime.fromisoformat(text).astimezone(zone)


def _at_or_none(text: str | None, zone: tzinfo = UTC) -> datetime | None:
    return None if text is None else _at(text, zone)


def _instants(document: Document) -> Iterator[tuple[str, str]]:
    """Every time a document gives, with its path (null ones left out)."""
    yield "exported_at", document["exported_at"]
    for key in ("planned_start", "planned_end", "hard_stop"):
        yield f"show.{key}", document["show"][key]
    for i, run in enumerate(document.get("runs", [])):
        yield f"runs[{i}].started_at", run["started_at"]
        yield f"runs[{i}].ended_at", run["ended_at"]
        for j, event in enumerate(run["events"]):
            yield f"runs[{i}].events[{j}].wall_time", event["wall_time"]
    if document.get("metrics_source") is not None:
        yield "metrics_source.imported_at", document["metrics_source"]["imported_at"]
    for i, sample in enumerate(document.get("metrics", [])):
        yield f"metrics[{i}].minute", sample["minute"]
    for i, note in enumerate(document.get("notes", [])):
        yield f"notes[{i}].minute", note["minute"]


def _check_times(document: Document, file_name: str) -> None:
    """Refuse a time no show can have (a minute in year 9999 or 0001): stored, it broke every
    figure after it. Its wall time as written is checked, never converted, so it cannot
    overflow here either."""
    for path, text in _instants(document):
        if text is not None and not in_show_years(datetime.fromisoformat(text)):
            raise ImportRefused(
                "show_file_invalid", file=file_name, path=path, value=_shown(text), expected=_YEARS
            )


def _check_ids(document: Document, file_name: str) -> None:
    """Refuse ids given twice and references to ids the file does not have."""

    def unique(name: str, keys: Sequence[Hashable], field: str = "") -> None:
        first: dict[Hashable, int] = {}
        for index, key in enumerate(keys):
            if key in first:
                raise ImportRefused(
                    "show_file_repeat",
                    file=file_name,
                    path=f"{name}[{index}]{field}",
                    first=f"{name}[{first[key]}]{field}",
                )
            first[key] = index

    def ids(name: str) -> set[int]:
        unique(name, [item["id"] for item in document[name]], ".id")
        return {item["id"] for item in document[name]}

    known = {
        "person": ids("people"),
        "product": ids("products"),
        "promo": ids("promos"),
        "segment": ids("segments"),
    }
    # People are matched by name when the show is stored: two of one name would become one.
    unique("people", [p["name"] for p in document["people"]], ".name")
    unique("team", [(m["person"], m["role"]) for m in document["team"]])
    unique("metrics", [(m["metric"], _at(m["minute"])) for m in document.get("metrics", [])])

    # (where, what it refers to, the id or None)
    refs = [(f"team[{i}].person", "person", m["person"]) for i, m in enumerate(document["team"])]
    refs += [
        (f"promos[{i}].product", "product", p["product"]) for i, p in enumerate(document["promos"])
    ]
    for i, g in enumerate(document["segments"]):
        where = f"segments[{i}]"
        refs.append((f"{where}.product", "product", g["product"]))
        refs += [(f"{where}.roles.{role}", "person", p) for role, p in g["roles"].items()]
        refs += [
            (f"{where}.cues[{j}].person", "person", c["person"]) for j, c in enumerate(g["cues"])
        ]
        refs += [
            (f"{where}.releases[{j}].promo", "promo", r["promo"])
            for j, r in enumerate(g["releases"])
        ]
    for i, run in enumerate(document.get("runs", [])):
        refs += [
            (f"runs[{i}].events[{j}].segment", "segment", e["segment"])
            for j, e in enumerate(run["events"])
        ]
    refs += [
        (f"notes[{i}].segment", "segment", n["segment"])
        for i, n in enumerate(document.get("notes", []))
    ]
    for path, kind, value in refs:
        if value is not None and value not in known[kind]:
            raise ImportRefused(
                "show_file_dangling", file=file_name, path=path, kind=kind, id=value
            )


def _bundle(document: Document) -> ShowBundle:
    """The plain objects of a document whose schema and ids have been checked."""
    s = document["show"]
    zone = time_zone(s["time_zone"])
    show = Show(
        id=0,
        title=s["title"],
        planned_start=_at(s["planned_start"], zone),
        platform=Platform(s["platform"]),
        room=s["room"],
        time_zone=s["time_zone"],
        status=ShowStatus(s["status"]),
        targets=Targets(**s["targets"]),
        max_discount_bp=s["max_discount_bp"],
        min_margin_bp=s["min_margin_bp"],
        planned_end=_at_or_none(s["planned_end"], zone),
        hard_stop=_at_or_none(s["hard_stop"], zone),
        notes=s["notes"],
    )
    segments: list[Segment] = []
    duties: list[Duty] = []
    releases: list[Release] = []
    for g in document["segments"]:
        segments.append(
            Segment(
                id=g["id"],
                kind=SegmentKind(g["kind"]),
                title=g["title"],
                duration_s=g["duration_s"],
                product_id=g["product"],
                talking_points=g["talking_points"],
                notes=g["notes"],
                roles={Role(role): person for role, person in g["roles"].items()},
            )
        )
        for c in g["cues"]:
            role = None if c["role"] is None else Role(c["role"])
            duties.append(
                Duty(len(duties) + 1, g["id"], c["offset_s"], c["cue"], role, c["person"])
            )
        for r in g["releases"]:
            releases.append(
                Release(len(releases) + 1, r["promo"], g["id"], r["offset_s"], r["quantity"])
            )
    plan = ShowPlan(
        show=show,
        segments=tuple(segments),
        people=tuple(Person(p["id"], p["name"]) for p in document["people"]),
        team=tuple(
            TeamMember(i, m["person"], Role(m["role"]))
            for i, m in enumerate(document["team"], start=1)
        ),
        products=tuple(Product(**p) for p in document["products"]),  # the same fields
        promos=tuple(
            Promo(
                id=p["id"],
                kind=PromoKind(p["kind"]),
                name=p["name"],
                product_id=p["product"],
                quantity=p["quantity"],
                face_value_fen=p["face_value_fen"],
                special_price_fen=p["special_price_fen"],
                threshold_fen=p["threshold_fen"],
                per_user_limit=p["per_user_limit"],
                budget_fen=p["budget_fen"],
                notes=p["notes"],
            )
            for p in document["promos"]
        ),
        releases=tuple(releases),
        duties=tuple(duties),
    )
    runs = tuple(
        Run(
            id=i,
            show_id=0,
            kind=RunKind(r["kind"]),
            started_at=_at(r["started_at"]),
            ended_at=_at_or_none(r["ended_at"]),
            events=tuple(
                RunEvent(
                    seq=seq,
                    kind=RunEventKind(e["kind"]),
                    wall_time=_at(e["wall_time"]),
                    monotonic_s=float(e["monotonic_s"]),
                    segment_id=e["segment"],
                    segment_position=e["segment_position"],
                    seconds=e["seconds"],
                    text=e["text"],
                )
                for seq, e in enumerate(r["events"])
            ),
        )
        for i, r in enumerate(document.get("runs", []), start=1)
    )
    source = document.get("metrics_source")
    return ShowBundle(
        plan=plan,
        runs=runs,
        samples=tuple(
            MetricSample(_at(m["minute"]), m["metric"], m["value"])
            for m in document.get("metrics", [])
        ),
        metrics_source=None
        if source is None
        else MetricsSource(**(source | {"imported_at": _at(source["imported_at"])})),
        notes=tuple(
            ReviewNote(
                id=i,
                show_id=0,
                category=NoteCategory(n["category"]),
                text=n["text"],
                owner=n["owner"],
                segment_id=n["segment"],
                minute=_at_or_none(n["minute"]),
            )
            for i, n in enumerate(document.get("notes", []), start=1)
        ),
    )
