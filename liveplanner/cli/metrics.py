"""`liveplanner import-metrics`: a platform's minute-by-minute export into a show."""

import argparse
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from liveplanner.app.database import Database
from liveplanner.app.metrics import DatesOutsideShow, MetricsRequest, MetricsStored
from liveplanner.app.translations import QT_TRANSLATE_NOOP
from liveplanner.cli.output import UserError, counted, emit, say, table, visible

if TYPE_CHECKING:
    from liveplanner.formats.metrics.records import DateMismatch, MetricsImport


def import_metrics(args: argparse.Namespace, db: Database) -> int:
    from liveplanner.app import metrics

    request = MetricsRequest(
        preset=args.preset,
        day=_parse_date(args.date),
        zone=args.tz,
        shift_to_show_date=args.shift_to_show_date,
        keep_dates=args.keep_dates,
        replace=args.replace,
        dry_run=args.dry_run,
        mapping=tuple(_mapping(text) for text in args.map),
    )
    try:
        imported = metrics.import_metrics(db, args.show, Path(args.file), request)
    except DatesOutsideShow as exc:
        raise UserError(_outside_refusal(exc)) from None
    except MetricsStored as exc:
        raise UserError(_replace_refusal(exc)) from None
    data = metrics_import_json(imported.show_id, imported.result)
    data["mismatch"] = _mismatch_json(imported.mismatch)
    emit(args, data, metrics_import_text(data, stored=imported.stored))
    return 0


def _mapping(text: str) -> tuple[str, str | None]:
    """--map HEADER=METRIC: the header may hold "=", the metric never does."""
    header, equals, held = text.rpartition("=")
    if not equals or not header.strip() or not held.strip():
        raise UserError(
            say(QT_TRANSLATE_NOOP("cli", "--map {text!r} is not HEADER=METRIC"), text=text)
        )
    return header.strip(), None if held.strip() == "-" else held.strip()


def _parse_date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(
            say(
                QT_TRANSLATE_NOOP("cli", "--date {text!r} is not a date; expected YYYY-MM-DD"),
                text=text,
            )
        ) from None


def _outside_refusal(exc: DatesOutsideShow) -> str:
    if exc.shifted:
        return say(
            QT_TRANSLATE_NOOP(
                "cli",
                "{file}: even on the show's date it runs from {start} to {end}, not during the "
                "show ({show_start} to {show_end}); only --keep-dates imports it as it is",
            ),
            **exc.figures,
        )
    return say(
        QT_TRANSLATE_NOOP(
            "cli",
            "{file} runs from {start} to {end}, not during the show ({show_start} to "
            "{show_end}); give --shift-to-show-date to move it onto {show_day}, or --keep-dates "
            "to import it as it is",
        ),
        **exc.figures,
    )


def _replace_refusal(exc: MetricsStored) -> str:
    """One line: what the show has, and how to replace it."""
    figures = exc.figures
    minutes = counted(
        figures["minutes"],  # type: ignore[arg-type]
        QT_TRANSLATE_NOOP("cli", "{n} minute"),
        QT_TRANSLATE_NOOP("cli", "{n} minutes"),
    )
    origin = ""
    if figures["file"]:
        origin = say(QT_TRANSLATE_NOOP("cli", " from {file}"), file=figures["file"])
    if figures["imported"]:
        origin += say(QT_TRANSLATE_NOOP("cli", " (imported {when})"), when=figures["imported"])
    backup = (
        say(QT_TRANSLATE_NOOP("cli", "; a backup of the database is made first"))
        if figures["backed_up"]
        else ""
    )
    return say(
        QT_TRANSLATE_NOOP(
            "cli",
            "show {show_id} has {minutes} of metrics already{origin}; give --replace to replace "
            "them with this file{backup}",
        ),
        show_id=figures["show_id"],
        minutes=minutes,
        origin=origin,
        backup=backup,
    )


def _mismatch_json(mismatch: "DateMismatch | None") -> dict[str, object] | None:
    """The file's time against the show's, when they do not overlap (kept with --keep-dates)."""
    if mismatch is None:
        return None
    return {
        "start": mismatch.start.isoformat(timespec="minutes"),
        "end": mismatch.end.isoformat(timespec="minutes"),
        "show_start": mismatch.show_start.isoformat(timespec="minutes"),
        "show_end": mismatch.show_end.isoformat(timespec="minutes"),
        "shift_days": mismatch.shift_days,
    }


def _minute(moment: datetime | None) -> str | None:
    return None if moment is None else moment.strftime("%Y-%m-%dT%H:%M")


def metrics_import_json(show_id: int, result: "MetricsImport") -> dict[str, object]:
    """What an import read: the figures of `liveplanner import-metrics --json`.

    Money totals are in yuan (the show's currency unit), counts as counts; an instantaneous
    metric such as online viewers has no total (it is never added up).
    """
    from liveplanner.core.metrics import METRICS, MetricKind, MetricUnit

    def amount(metric: str, value: int | None) -> float | int | None:
        if value is None or METRICS[metric].unit is not MetricUnit.FEN:
            return value
        return value / 100 if value % 100 else value // 100

    return {
        "show_id": show_id,
        "rows_read": result.rows_read,
        "minutes": result.minutes,
        "start": _minute(result.start),
        "end": _minute(result.end),
        "encoding": result.encoding,
        "preset": result.preset.name if result.preset else None,
        "shifted_days": result.shift_days,
        "metrics": {
            name: {
                "total": amount(name, summary.total),
                "max": amount(name, summary.peak),
                "max_at": _minute(summary.peak_at),
            }
            for name, summary in result.summaries.items()
        },
        "warnings": [warning.message for warning in result.warnings],
        # The mapping used: each column of the file, what it was read as and who said so
        # ("preset", "name" for a recognised header, "words" for a metric named among its words,
        # "user" for --map, "time" for the column
        # of times; null: not imported).
        "columns": [
            {
                "header": column.header,
                "metric": None if column.rule is None else column.rule.metric,
                "running_total": column.rule is not None
                and column.rule.kind is MetricKind.CUMULATIVE,
                "source": "time"
                if column.position == result.time_column
                else column.source or None,
            }
            for column in result.columns
        ],
    }


def metrics_import_text(data: dict[str, object], stored: bool) -> str:
    metrics: dict[str, dict[str, object]] = data["metrics"]  # type: ignore[assignment]
    preset = data["preset"] or say(QT_TRANSLATE_NOOP("cli", "by header names"))
    rows_read = counted(
        data["rows_read"],  # type: ignore[arg-type]
        QT_TRANSLATE_NOOP("cli", "{n} row"),
        QT_TRANSLATE_NOOP("cli", "{n} rows"),
    )
    minutes = counted(
        data["minutes"],  # type: ignore[arg-type]
        QT_TRANSLATE_NOOP("cli", "{n} minute"),
        QT_TRANSLATE_NOOP("cli", "{n} minutes"),
    )
    lines = [
        say(
            QT_TRANSLATE_NOOP(
                "cli", "{rows}, {minutes} from {start} to {end}; {encoding}; layout: {preset}"
            ),
            rows=rows_read,
            minutes=minutes,
            start=data["start"],
            end=data["end"],
            encoding=data["encoding"],
            preset=preset,
        )
    ]
    rows = [
        (
            name,
            "" if figures["total"] is None else f"{figures['total']:,}",
            f"{figures['max']:,}",
            str(figures["max_at"])[11:],
        )
        for name, figures in metrics.items()
    ]
    headers = (
        say(QT_TRANSLATE_NOOP("cli", "metric")),
        say(QT_TRANSLATE_NOOP("cli", "total")),
        say(QT_TRANSLATE_NOOP("cli", "max")),
        say(QT_TRANSLATE_NOOP("cli", "at")),
    )
    lines.append(table(headers, rows, (16, 14, 12, 5)))
    columns: list[dict[str, object]] = data["columns"]  # type: ignore[assignment]
    mapped = [
        f"{visible(str(c['header']))} → {c['metric'] or '-'}"
        for c in columns
        if c["source"] == "user"
    ]
    if mapped:  # what --map did, column by column
        lines.append(say(QT_TRANSLATE_NOOP("cli", "columns: {columns}"), columns=", ".join(mapped)))
    if data["shifted_days"]:
        days: int = data["shifted_days"]  # type: ignore[assignment]
        shift = (
            QT_TRANSLATE_NOOP("cli", "dates moved by {days:+d} day onto the show's date")
            if abs(days) == 1
            else QT_TRANSLATE_NOOP("cli", "dates moved by {days:+d} days onto the show's date")
        )
        lines.append(say(shift, days=days))
    warning = QT_TRANSLATE_NOOP("cli", "warning: {text}")
    warnings: list[str] = data["warnings"]  # type: ignore[assignment]
    lines += [say(warning, text=visible(text)) for text in warnings]
    lines.append(
        say(QT_TRANSLATE_NOOP("cli", "stored"))
        if stored
        else say(QT_TRANSLATE_NOOP("cli", "not stored (--dry-run)"))
    )
    return "\n".join(lines)
