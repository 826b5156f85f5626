"""Rows to the plain objects of core.plan and back, so nothing outside storage holds an ORM row.

The plain objects' field names are the rows' column names; only a show's targets, rhythm, time
zone, live alerts and a segment's roles need more than copying.
"""

from dataclasses import fields
from functools import cache
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import Row

from liveplanner.core.alert_settings import AlertSettings
from liveplanner.core.plan import Rhythm, Segment, Show, Targets
from liveplanner.storage.models import SegmentRow

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_NOT_COLUMNS = frozenset({"id", "version", "roles", "targets", "rhythm"})
T = TypeVar("T", bound="DataclassInstance")


@cache
def _names(cls: type) -> tuple[str, ...]:
    # dataclasses.fields() builds its tuple anew on every call: a team's history reads
    # thousands of rows.
    return tuple(f.name for f in fields(cls))


def plain(cls: type[T], row: object, **given: Any) -> T:
    """A `cls` made from the row's same-named attributes, with `given` fields set as given."""
    values = {name: given[name] if name in given else getattr(row, name) for name in _names(cls)}
    return cls(**values)


def columns(value: "DataclassInstance", **overrides: Any) -> dict[str, Any]:
    """A plain object's values as row columns (not its id or version), with `overrides` applied."""
    values = {f.name: getattr(value, f.name) for f in fields(value) if f.name not in _NOT_COLUMNS}
    return values | overrides


def targets(row: object) -> Targets:
    """A show's or a campaign's targets from its target_ columns."""
    return Targets(**{name: getattr(row, f"target_{name}") for name in _names(Targets)})


def target_columns(value: Targets) -> dict[str, Any]:
    return {f"target_{f.name}": getattr(value, f.name) for f in fields(Targets)}


def rhythm(row: object) -> Rhythm:
    """A show's rhythm from its rhythm_ columns."""
    return Rhythm(**{name: getattr(row, f"rhythm_{name}") for name in _names(Rhythm)})


def rhythm_columns(value: Rhythm) -> dict[str, Any]:
    return {f"rhythm_{name}": getattr(value, name) for name in _names(Rhythm)}


def alert_settings(row: object) -> AlertSettings:
    """A show's live alerts from its live_alerts row (ORM or plain select), each at its default
    where the row holds none."""
    default = AlertSettings()
    values = {name: getattr(row, name) for name in _names(AlertSettings)}
    return AlertSettings(
        **{name: getattr(default, name) if v is None else v for name, v in values.items()}
    )


def show(row: Any) -> Show:
    """A show from its ORM row or a plain select of the shows table (the same column names)."""
    if isinstance(row, Row):
        # A plain select's row answers each attribute in a microsecond, a namespace in a
        # twentieth of that: a show reads 30 of them, and a comparison 10,000 shows.
        row = SimpleNamespace(**row._asdict())
    zone = ZoneInfo(row.time_zone)
    return plain(
        Show,
        row,
        planned_start=row.planned_start.astimezone(zone),
        planned_end=row.planned_end.astimezone(zone) if row.planned_end else None,
        hard_stop=row.hard_stop.astimezone(zone) if row.hard_stop else None,
        targets=targets(row),
        rhythm=rhythm(row),
    )


def show_columns(value: Show) -> dict[str, Any]:
    return columns(value, **target_columns(value.targets), **rhythm_columns(value.rhythm))


def segment(row: SegmentRow) -> Segment:
    return plain(Segment, row, roles={r.role: r.person_id for r in row.roles})
