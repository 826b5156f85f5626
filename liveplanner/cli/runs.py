"""`liveplanner runs SHOW`: a show's rehearsals and live runs, planned against actual."""

import argparse
from datetime import datetime

from liveplanner.app.database import Database
from liveplanner.app.runs import RunRecord, show_runs
from liveplanner.app.translations import QT_TRANSLATE_NOOP
from liveplanner.cli.output import emit, say, table
from liveplanner.core.plan import ShowPlan, time_zone
from liveplanner.core.schedule import format_duration


def runs(args: argparse.Namespace, db: Database) -> int:
    plan, records = show_runs(db, args.show_id)
    data = runs_json(plan, records)
    emit(args, data, runs_text(plan, data))
    return 0


def runs_json(plan: ShowPlan, records: list[RunRecord]) -> dict[str, object]:
    """The `runs SHOW --json` contract: each run's segments, planned against actual."""
    zone = time_zone(plan.show.time_zone)

    def local(moment: datetime | None) -> str | None:
        return None if moment is None else moment.astimezone(zone).replace(tzinfo=None).isoformat()

    return {
        "runs": [
            {
                "id": record.run.id,
                "kind": record.run.kind.value,
                "started": local(record.run.started_at),
                "ended": local(record.run.ended_at),
                "segments": [
                    {
                        "position": s.position,
                        "title": s.title,
                        "planned_start": local(s.planned_start),
                        "planned_s": s.planned_s,
                        "actual_start": local(s.actual_start),
                        "actual_s": s.actual_s,
                    }
                    for s in record.segments
                ],
            }
            for record in records
        ]
    }


def runs_text(plan: ShowPlan, data: dict[str, object]) -> str:
    found: list[dict] = data["runs"]  # type: ignore[assignment]
    if not found:
        return say(QT_TRANSLATE_NOOP("cli", "no runs of {title!r} yet"), title=plan.show.title)
    kinds = {
        "rehearsal": say(QT_TRANSLATE_NOOP("cli", "rehearsal")),
        "live": say(QT_TRANSLATE_NOOP("cli", "live")),
    }
    headers = [
        "#",
        say(QT_TRANSLATE_NOOP("cli", "title")),
        say(QT_TRANSLATE_NOOP("cli", "planned")),
        say(QT_TRANSLATE_NOOP("cli", "actual")),
        say(QT_TRANSLATE_NOOP("cli", "+/- s")),
    ]
    blocks = []
    for run in found:
        ended = run["ended"] or say(QT_TRANSLATE_NOOP("cli", "not ended"))
        head = say(
            QT_TRANSLATE_NOOP("cli", "run {id} ({kind}), {started} – {ended}"),
            id=run["id"],
            kind=kinds.get(run["kind"], run["kind"]),
            started=run["started"],
            ended=ended,
        )
        rows = []
        for s in run["segments"]:
            actual = s["actual_s"]
            diff = "" if actual is None else f"{actual - s['planned_s']:+d}"
            rows.append(
                [
                    str(s["position"]),
                    s["title"],
                    format_duration(s["planned_s"]),
                    "" if actual is None else format_duration(actual),
                    diff,
                ]
            )
        blocks.append(f"{head}\n{table(headers, rows, [4, 30, 8, 8, 7])}")
    return "\n\n".join(blocks)
