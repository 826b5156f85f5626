"""Bringing a platform's minute-by-minute export into a show: read it, judge its dates against
the show's, refuse to overwrite metrics the show has unless told to, store it.

pandas loads with the functions here, not with the module.
"""

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from liveplanner.app.refusals import OperationRefused, read_imported
from liveplanner.core.plan import time_zone
from liveplanner.core.schedule import schedule
from liveplanner.storage.database import Database
from liveplanner.storage.runs import list_runs
from liveplanner.storage.shows import check_not_in_bin, load_plan

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from liveplanner.formats.metrics.presets import ColumnRule
    from liveplanner.formats.metrics.records import DateMismatch, ImportOptions, MetricsImport
    from liveplanner.storage.samples import StoredMetrics

_SHOWN = "%Y-%m-%d %H:%M"


@dataclass(frozen=True, slots=True)
class MetricsRequest:
    """What to do with the export. `shift_to_show_date` and `keep_dates` answer a file whose
    minutes miss the show; `replace` allows overwriting the show's metrics; `dry_run` stores
    nothing but refuses what the real import refuses."""

    preset: str | None = None
    day: date | None = None  # for clock times without a date (default: the show's)
    zone: str | None = None  # of the file's clock times (default: the show's)
    shift_to_show_date: bool = False
    keep_dates: bool = False
    replace: bool = False
    dry_run: bool = False
    # The user's mapping, as the import dialog's: (header, what it holds), where what it holds
    # is a metric's name, "name:cumulative" for a running total, or None to leave it out.
    # The other columns are read as recognised.
    mapping: tuple[tuple[str, str | None], ...] = ()


@dataclass(frozen=True, slots=True)
class MetricsImported:
    show_id: int
    result: "MetricsImport"
    mismatch: "DateMismatch | None"  # kept with keep_dates: the file's time against the show's
    stored: bool


class DatesOutsideShow(OperationRefused):
    """The file's minutes miss the show's planned and live times (`shifted`: even after moving
    them onto the show's date)."""

    def __init__(self, file_name: str, mismatch: "DateMismatch", shifted: bool) -> None:
        figures = {
            "file": file_name,
            "start": f"{mismatch.start:{_SHOWN}}",
            "end": f"{mismatch.end:{_SHOWN}}",
            "show_start": f"{mismatch.show_start:{_SHOWN}}",
            "show_end": f"{mismatch.show_end:{_SHOWN}}",
            "show_day": str(mismatch.show_day),
        }
        code = "dates_outside_show_shifted" if shifted else "dates_outside_show"
        super().__init__(
            "{file} runs from {start} to {end}, not during the show ({show_start} to "
            "{show_end})".format_map(figures),
            code=code,
            figures=figures,
        )
        self.mismatch = mismatch
        self.shifted = shifted


class MetricsStored(OperationRefused):
    """The show has metrics already and the request does not say to replace them."""

    def __init__(
        self, show_id: int, stored: "StoredMetrics", zone: "ZoneInfo", backed_up: bool
    ) -> None:
        imported = (
            "" if stored.imported_at is None else f"{stored.imported_at.astimezone(zone):{_SHOWN}}"
        )
        figures = {
            "show_id": show_id,
            "minutes": stored.minutes,
            "file": stored.source.file_name,
            "imported": imported,
            "backed_up": backed_up,
        }
        super().__init__(
            f"show {show_id} has {stored.minutes} minutes of metrics already",
            code="metrics_stored",
            figures=figures,
        )
        self.stored = stored


def import_metrics(
    db: Database, show_id: int, path: Path, request: MetricsRequest
) -> MetricsImported:
    """Read the export at `path` into the show's minute metrics, replacing what it had (a SQLite
    database is backed up first), or with `dry_run` only read and judge it."""
    from liveplanner.core.review_spans import on_air
    from liveplanner.formats.metrics.reader import read_metrics
    from liveplanner.formats.metrics.records import ImportOptions
    from liveplanner.formats.sheets import MAX_BYTES
    from liveplanner.storage.samples import ImportSource, replace_metrics, stored_metrics

    check_not_in_bin(db, show_id)  # read-only views still open a show in the bin
    plan = load_plan(db, show_id)
    zone_name = request.zone or plan.show.time_zone
    try:
        zone = time_zone(zone_name)
    except ValueError as exc:
        raise OperationRefused(str(exc), code="unknown_zone", figures={"zone": zone_name}) from None
    times = schedule(plan)
    data = read_imported(path, MAX_BYTES)
    options = ImportOptions(
        zone=zone,
        day=request.day,
        default_day=plan.show.planned_start.astimezone(zone).date(),
        preset=request.preset,
        planned=(times.start, times.end),
        ran=on_air(plan, list_runs(db, plan.show.id)),
        keep_dates=request.keep_dates,
    )
    if request.mapping:
        options = replace(options, columns=_mapped(data, path.name, options, request.mapping))
    result = read_metrics(data, path.name, options)
    if result.mismatch is not None and request.shift_to_show_date:
        result = read_metrics(
            data, path.name, replace(options, shift_days=result.mismatch.shift_days)
        )
    # A dry run says what the real run would do, refusals included: only the storing is left
    # out. After a shift the file is judged where it was moved to: still outside the show,
    # only keep_dates takes it.
    mismatch = result.mismatch
    if mismatch is not None and not request.keep_dates:
        raise DatesOutsideShow(path.name, mismatch, shifted=request.shift_to_show_date)
    stored = stored_metrics(db, plan.show.id)
    if stored is not None and not request.replace:
        raise MetricsStored(plan.show.id, stored, zone, backed_up=db.makes_backups)
    if not request.dry_run:
        preset = result.preset.name if result.preset else ""
        source = ImportSource(path.name, preset, result.encoding, result.rows_read)
        replace_metrics(db, plan.show.id, result.samples, source)
    return MetricsImported(plan.show.id, result, mismatch, stored=not request.dry_run)


def _mapped(
    data: bytes,
    file_name: str,
    options: "ImportOptions",
    mapping: tuple[tuple[str, str | None], ...],
) -> dict[int, "ColumnRule | None"]:
    """The user's mapping by header as the reader takes it, by position: the file's headers are
    read first (from a refusal too: a file none of whose columns is recognised is what a mapping
    is for). A header the file lacks, or a metric liveplanner does not know, is refused."""
    from liveplanner.core.metrics import METRICS
    from liveplanner.formats.metrics.presets import held_rule
    from liveplanner.formats.metrics.reader import read_metrics
    from liveplanner.formats.problems import ImportRefused

    try:
        first = read_metrics(data, file_name, options)
        columns: tuple[object, ...] = first.columns
        time_column = first.time_column
    except ImportRefused as refused:
        if not refused.columns:
            raise
        columns, time_column = refused.columns, refused.time_column
    positions = {str(getattr(c, "header", "")).strip(): getattr(c, "position", -1) for c in columns}
    rules: dict[int, ColumnRule | None] = {}
    for header, held in mapping:
        position = positions.get(header.strip())
        if position is None:
            raise OperationRefused(
                f"{file_name} has no column {header!r}; its columns: {', '.join(positions)}",
                code="metrics.map_no_column",
                figures={"file": file_name, "header": header, "columns": ", ".join(positions)},
            )
        if position == time_column:
            # The minutes are read from it: silently keeping it as the time would drop the
            # user's word, reading it as a metric would leave no time.
            raise OperationRefused(
                f"{file_name}: {header!r} is the column of times; it cannot be read as a metric",
                code="metrics.map_time_column",
                figures={"file": file_name, "header": header},
            )
        if held is None:
            rules[position] = None
            continue
        rule = held_rule(held, header)
        if rule is None:
            raise OperationRefused(
                f"{held!r} is not a metric liveplanner knows; expected one of: "
                f"{', '.join(METRICS)} (a running total as NAME:cumulative)",
                code="metrics.map_no_metric",
                figures={"metric": held, "known": ", ".join(METRICS)},
            )
        rules[position] = rule
    return rules
