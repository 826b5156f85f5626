"""A show written as a show file: the bundle as a document of the current schema version, with
the file's own ids numbered in order and instants in the show's time zone."""

import json
from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from liveplanner import __version__
from liveplanner.core.enums import Role
from liveplanner.core.plan import Duty, Release, time_zone
from liveplanner.core.show_record import ShowBundle
from liveplanner.formats.showfile.spec import FORMAT, SCHEMA_VERSION, Document


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
            "rhythm": asdict(show.rhythm),
            "max_discount_bp": show.max_discount_bp,
            "min_margin_bp": show.min_margin_bp,
            "notes": show.notes,
        }
        # A show that set no thresholds writes none: read back, it keeps the defaults, as a new
        # show does, rather than being pinned to today's.
        | ({} if plan.alerts is None else {"alerts": asdict(plan.alerts)}),
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
