"""A show file read back into a bundle, or refused with what is wrong: size and nesting
checked before the schema is walked, older versions upgraded, times and ids checked, then the
plan, runs, metrics and notes rebuilt with the file's own ids."""

from collections.abc import Callable, Hashable, Iterator, Sequence
from datetime import UTC, datetime, tzinfo
from functools import cache

from liveplanner.core.alert_settings import AlertSettings
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
    Rhythm,
    Segment,
    Show,
    ShowPlan,
    Targets,
    TeamMember,
    in_show_years,
    time_zone,
)
from liveplanner.core.refused import Refused
from liveplanner.core.rhythm_inputs import LEAST_MINUTES, check_rhythm_columns
from liveplanner.core.runlog import Run, RunEvent
from liveplanner.core.show_record import MetricSample, MetricsSource, ShowBundle
from liveplanner.formats import sheets
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.showfile.parsing import _parse, _too_deep
from liveplanner.formats.showfile.spec import MAX_BYTES, MAX_NESTING, SCHEMA_VERSION, Document
from liveplanner.formats.showfile.validation import (
    _path,
    _plain_sample,
    _refusal,
    _shown,
    _validator,
    schema,
)

_YEARS = f"a time in the years {FIRST_SHOW_TIME.year} to {LAST_SHOW_TIME.year - 1}"
_RHYTHM = "a content mix given whole, its three shares adding up to 10000"

# How a file of an older schema version is read: UPGRADES[n] turns a version-n document into a
# version n + 1 one, and read_show_file applies them in turn before checking the result against
# the current schema. Version 1 is the first, so there are none yet; whoever raises
# SCHEMA_VERSION adds the step from the version before, and older files keep importing.
UPGRADES: dict[int, Callable[[Document], Document]] = {}


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
    _check_rhythm(document, file_name)
    _check_ids(document, file_name)
    return _bundle(document)


def check_size(size: int, file_name: str) -> None:
    """Refuse a file too large to be a show's, before it is read (or parsed)."""
    sheets.check_size(size, file_name, MAX_BYTES)


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


def _check_rhythm(document: Document, file_name: str) -> None:
    """Refuse a rhythm no show can have: a rest of a minute is fine, a stretch or an intro of
    none is not, and a content mix is given whole, adding up to 100 %."""
    rhythm = document["show"].get("rhythm", {})
    # Each length on its own first, so a refusal names its key and the least it takes.
    for column, least in LEAST_MINUTES.items():
        name = column.removeprefix("rhythm_")
        try:
            check_rhythm_columns({column: rhythm.get(name)})
        except Refused as exc:
            raise ImportRefused(
                "show_file_invalid",
                file=file_name,
                path=f"show.rhythm.{name}",
                value=_shown(rhythm.get(name)),
                expected=f"whole minutes in seconds (a multiple of 60) of at least {least * 60}",
            ) from exc
    try:
        check_rhythm_columns({f"rhythm_{name}": value for name, value in rhythm.items()})
    except Refused as exc:
        raise ImportRefused(
            "show_file_invalid",
            file=file_name,
            path="show.rhythm",
            value=_shown(rhythm),
            expected=_RHYTHM,
        ) from exc


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
        rhythm=Rhythm(**s.get("rhythm", {})),
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
        alerts=None if "alerts" not in s else AlertSettings(**s["alerts"]),
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
