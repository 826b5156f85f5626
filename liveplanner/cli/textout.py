"""What the command line prints: plans, show lists and findings as text tables and JSON data."""

import unicodedata
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from liveplanner.cli.terminal import visible
from liveplanner.core.clock import actual_segments, as_positions_of, timer_segments
from liveplanner.core.enums import Role
from liveplanner.core.money import format_yuan
from liveplanner.core.plan import ShowPlan, time_zone
from liveplanner.core.row_offer import row_offer
from liveplanner.core.rules import Finding, Severity
from liveplanner.core.runlog import Run
from liveplanner.core.schedule import content_mix, format_duration, schedule
from liveplanner.storage.shows import ShowSummary

if TYPE_CHECKING:
    from liveplanner.core.notes import ReviewNote
    from liveplanner.core.review import GroupFigures, Review
    from liveplanner.formats.metrics.reader import MetricsImport


def _width(text: str) -> int:
    # Chinese characters take two terminal columns; accents and other combining marks, and the
    # emoji joiner, none.
    return sum(
        0
        if unicodedata.combining(c) or c == "\u200d"
        else 2
        if unicodedata.east_asian_width(c) in "WF"
        else 1
        for c in text
    )


def _fit(text: str, width: int) -> str:
    """`text` cut with an ellipsis to `width` columns, then padded to it."""
    if _width(text) > width:
        while _width(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - _width(text))


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], limits: Sequence[int]) -> str:
    # Cells escaped before they are measured, so a title's controls cannot skew the columns.
    rows = [[visible(cell) for cell in row] for row in rows]
    widths = [
        min(limit, max([_width(h)] + [_width(r[i]) for r in rows]))
        for i, (h, limit) in enumerate(zip(headers, limits, strict=True))
    ]
    lines = ["  ".join(_fit(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += ["  ".join(_fit(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines)


def show_list(shows: Sequence[ShowSummary], search: str = "") -> str:
    if not shows and search:
        return f"no show matches {search!r}"
    if not shows:
        return "no shows yet: `liveplanner demo` adds one to look at"
    rows = [
        [
            str(s.id),
            s.planned_start.strftime("%Y-%m-%d %H:%M"),
            s.platform.value,
            s.status.value,
            str(s.segments),
            format_duration(s.total_s),
            s.title,
        ]
        for s in shows
    ]
    headers = ["id", "start", "platform", "status", "segments", "length", "title"]
    return _table(headers, rows, [6, 16, 8, 8, 8, 8, 60])


def plan_json(plan: ShowPlan) -> dict[str, object]:
    """The plan as the `show ID --json` contract; times are ISO local times of the show's zone."""
    times = schedule(plan)
    names = {p.id: p.name for p in plan.people}

    def local(moment: datetime) -> str:
        return moment.replace(tzinfo=None).isoformat()

    segments = []
    for slot, segment in zip(times.slots, plan.segments, strict=True):
        product = plan.product(segment.product_id)
        offer = row_offer(plan, segment)
        segments.append(
            {
                "position": slot.position,
                "kind": segment.kind.value,
                "title": segment.title,
                "start": local(slot.start),
                "end": local(slot.end),
                "duration_s": segment.duration_s,
                "product": product.name if product else None,
                # A flash-sale row's price and stock are its sale's price and units.
                "price_fen": offer.price_fen,
                "stock": offer.units,
                "flash_sale": offer.sale.name if offer.sale else None,
                "roles": {role.value: names.get(pid) for role, pid in segment.roles.items()},
            }
        )
    return {
        "id": plan.show.id,
        "title": plan.show.title,
        "platform": plan.show.platform.value,
        "status": plan.show.status.value,
        "time_zone": plan.show.time_zone,
        "planned_start": local(times.start),
        "planned_end": local(times.end),
        "total_s": times.total_s,
        "content_mix": {k.value: round(v, 4) for k, v in content_mix(plan.segments).items()},
        "segments": segments,
    }


def plan_text(plan: ShowPlan) -> str:
    show = plan.show
    times = schedule(plan)
    names = {p.id: p.name for p in plan.people}
    header = [
        f"{visible(show.title)}  (#{show.id}, {show.platform.value}, {show.status.value})",
        f"{times.start:%Y-%m-%d %H:%M} – {times.end:%H:%M} {show.time_zone}, "
        f"{format_duration(times.total_s)}, {counted(len(plan.segments), 'segment')}",
        "",
    ]
    rows = []
    for slot, segment in zip(times.slots, plan.segments, strict=True):
        product = plan.product(segment.product_id)
        offer = row_offer(plan, segment)  # a flash-sale row: the sale's price and units
        price = "" if offer.price_fen is None else format_yuan(offer.price_fen)
        stock = "" if offer.units is None else str(offer.units)
        host = names.get(segment.roles.get(Role.HOST, 0), "")
        rows.append(
            [
                str(slot.position),
                f"{slot.start:%H:%M}",
                f"{slot.end:%H:%M}",
                format_duration(segment.duration_s),
                segment.kind.value,
                segment.title,
                product.name if product else "",
                price,
                stock,
                host,
            ]
        )
    table = _table(
        ["#", "start", "end", "length", "kind", "title", "product", "price", "stock", "host"],
        rows,
        [4, 5, 5, 7, 13, 30, 24, 8, 6, 10],
    )
    mix = ", ".join(f"{k.value} {v:.0%}" for k, v in content_mix(plan.segments).items())
    return "\n".join([*header, table, "", f"content mix: {mix}"])


def findings_text(findings: Sequence[Finding]) -> str:
    if not findings:
        return "no findings: every limit holds"
    errors = sum(f.severity is Severity.ERROR for f in findings)
    lines = [f"{f.severity.value:<8}{visible(f.message)}" for f in findings]
    warnings = len(findings) - errors
    lines.append(f"{counted(errors, 'error')}, {counted(warnings, 'warning')}")
    return "\n".join(lines)


def runs_json(plan: ShowPlan, runs: Sequence[Run]) -> dict[str, object]:
    """The `runs SHOW --json` contract: each run's segments, planned against actual."""
    zone = time_zone(plan.show.time_zone)
    slots = schedule(plan).slots

    def local(moment: datetime | None) -> str | None:
        return None if moment is None else moment.astimezone(zone).replace(tzinfo=None).isoformat()

    result = []
    for run in runs:
        actual = actual_segments(timer_segments(plan), as_positions_of(plan, run.events))
        result.append(
            {
                "id": run.id,
                "kind": run.kind.value,
                "started": local(run.started_at),
                "ended": local(run.ended_at),
                "segments": [
                    {
                        "position": slot.position,
                        "title": segment.title,
                        "planned_start": local(slot.start),
                        "planned_s": segment.duration_s,
                        "actual_start": local(done.first_start),
                        "actual_s": round(done.running_s) if done.first_start else None,
                    }
                    for slot, segment, done in zip(slots, plan.segments, actual, strict=True)
                ],
            }
        )
    return {"runs": result}


def runs_text(plan: ShowPlan, data: dict[str, object]) -> str:
    runs = data["runs"]
    if not runs:
        return f"no runs of {plan.show.title!r} yet"
    blocks = []
    for run in runs:  # type: ignore[attr-defined]
        ended = run["ended"] or "not ended"
        head = f"run {run['id']} ({run['kind']}), {run['started']} – {ended}"
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
        table = _table(["#", "title", "planned", "actual", "+/- s"], rows, [4, 30, 8, 8, 7])
        blocks.append(f"{head}\n{table}")
    return "\n\n".join(blocks)


def _minute(moment: datetime | None) -> str | None:
    return None if moment is None else moment.strftime("%Y-%m-%dT%H:%M")


def metrics_import_json(show_id: int, result: "MetricsImport") -> dict[str, object]:
    """What an import read: the figures of `liveplanner import-metrics --json`.

    Money totals are in yuan (the show's currency unit), counts as counts; an instantaneous
    metric such as online viewers has no total (it is never added up).
    """
    from liveplanner.core.metrics import METRICS, MetricUnit

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
    }


def metrics_import_text(data: dict[str, object], stored: bool) -> str:
    metrics: dict[str, dict[str, object]] = data["metrics"]  # type: ignore[assignment]
    preset = data["preset"] or "by header names"
    lines = [
        f"{counted(data['rows_read'], 'row')}, {counted(data['minutes'], 'minute')} from "  # type: ignore[arg-type]
        f"{data['start']} to {data['end']}; {data['encoding']}; layout: {preset}",
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
    lines.append(_table(("metric", "total", "max", "at"), rows, (16, 14, 12, 5)))
    if data["shifted_days"]:
        days: int = data["shifted_days"]  # type: ignore[assignment]
        moved = f"{days:+d} day" + ("" if abs(days) == 1 else "s")
        lines.append(f"dates moved by {moved} onto the show's date")
    lines += [f"warning: {visible(text)}" for text in data["warnings"]]  # type: ignore[union-attr]
    lines.append("stored" if stored else "not stored (--dry-run)")
    return "\n".join(lines)


def _yuan(fen: float | None) -> float | None:
    """Fen as yuan, to the fen (money figures of the review JSON)."""
    return None if fen is None else round(fen / 100, 2)


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def review_json(
    plan: ShowPlan, review: "Review", notes: "Sequence[ReviewNote]"
) -> dict[str, object]:
    """The figures of `liveplanner review ID --json`: money in yuan, times in the show's zone,
    rates as fractions (0.0545 = 5.45 %), null where the export had no data for a figure.
    `outside` holds the minutes before and after the script: with the segments they add up to
    the totals."""
    from liveplanner.core.review import TargetName

    zone = ZoneInfo(plan.show.time_zone)
    totals = review.totals
    products = {p.id: p.name for p in plan.products}
    rates = {TargetName.CONVERSION, TargetName.INTERACTION}

    def figure(name: TargetName, value: float | None) -> float | int | None:
        if value is None:
            return None
        if name is TargetName.GMV:
            return _yuan(value)
        return round(value, 4) if name in rates else round(value)

    return {
        "show_id": plan.show.id,
        "title": plan.show.title,
        "source": review.source.value,
        "run_id": review.run_id,
        "lag_minutes": review.lag,
        "totals": {
            "gmv": _yuan(totals.gmv_fen),
            "orders": totals.orders,
            "buyers": totals.buyers,
            "peak_viewers": totals.peak_viewers,
            "avg_viewers": _round(totals.avg_viewers),
            "viewers": totals.viewers,
            "views": totals.views,
            "conversion": _round(totals.conversion, 4),
            "interaction": _round(totals.interaction, 4),
            "gpm": _yuan(totals.gpm_fen),
            "new_followers": totals.new_followers,
            "minutes": totals.minutes,
            "missing_minutes": totals.missing_minutes,  # of the show's minutes
            "show_minutes": totals.show_minutes,
        },
        "targets": {
            t.name.value: {
                "target": figure(t.name, t.target),
                "actual": figure(t.name, t.actual),
                "met": t.met,
                "short_by": figure(t.name, t.short_by),
            }
            for t in review.targets
        },
        "segments": [
            {
                "position": f.position,
                "segment_id": f.segment_id,
                "title": f.title,
                "kind": f.kind.value,
                "product": products.get(f.product_id) if f.product_id else None,
                "planned_start": _iso(f.planned_start.astimezone(zone)),
                "planned_seconds": f.planned_s,
                "actual_start": _iso(f.actual_start.astimezone(zone) if f.actual_start else None),
                "actual_seconds": f.actual_s,
                "gmv": _yuan(f.gmv_fen),
                "orders": f.orders,
                "buyers": f.buyers,
                "gmv_per_minute": _yuan(f.gmv_per_min_fen),
                "avg_viewers": _round(f.avg_viewers),
                "peak_viewers": f.peak_viewers,
                "net_entries": f.net_entries,
                "comments_per_minute": _round(f.comments_per_min),
                "likes_per_minute": _round(f.likes_per_min),
                "gpm": _yuan(f.gpm_fen),
            }
            for f in review.segments
        ],
        "outside": [
            {
                "where": o.where.value,
                "first_minute": _iso(o.first_minute.astimezone(zone)),
                "last_minute": _iso(o.last_minute.astimezone(zone)),
                "minutes": o.minutes,
                "gmv": _yuan(o.gmv_fen),
                "orders": o.orders,
                "buyers": o.buyers,
                "avg_viewers": _round(o.avg_viewers),
                "peak_viewers": o.peak_viewers,
                "net_entries": o.net_entries,
                "comments_per_minute": _round(o.comments_per_min),
                "likes_per_minute": _round(o.likes_per_min),
                "gpm": _yuan(o.gpm_fen),
            }
            for o in review.outside
        ],
        "by_kind": [_group("kind", g.key, g) for g in review.by_kind],
        "by_product": [_group("product", products.get(int(g.key)), g) for g in review.by_product],
        "notes": [
            {
                "category": n.category.value,
                "text": n.text,
                "owner": n.owner,
                "segment_id": n.segment_id,
                "minute": _iso(n.minute.astimezone(zone) if n.minute else None),
            }
            for n in notes
        ],
    }


def _group(name: str, key: object, g: "GroupFigures") -> dict[str, object]:
    return {
        name: key,
        "segments": g.segments,
        "seconds": g.seconds,
        "gmv": _yuan(g.gmv_fen),
        "orders": g.orders,
        "gmv_seconds": g.gmv_seconds,  # of its segments with a GMV figure: the rate's time
        "gmv_per_minute": _yuan(g.gmv_per_min_fen),
    }


def review_text(data: dict) -> str:  # type: ignore[type-arg]
    """The review for a terminal: the totals, then a line per segment and per stretch of data
    outside the script; a figure the export has no data for is a dash, never 0."""
    totals = data["totals"]
    source = "as they ran (live run)" if data["source"] == "actual" else "as planned"
    missing = f"{totals['missing_minutes']} missing"
    if totals["show_minutes"]:
        missing = f"{totals['missing_minutes']} of the show's {totals['show_minutes']} missing"
    lines = [
        f"{visible(data['title'])} (show {data['show_id']}): segment times {source}, "
        f"sales credited {data['lag_minutes']} min after the pitch",
        f"GMV {_money(totals['gmv'])}  orders {_count(totals['orders'])}  "
        f"peak viewers {_count(totals['peak_viewers'])}  minutes {totals['minutes']} "
        f"({missing})",
    ]
    for name, target in data["targets"].items():
        state = "no data" if target["met"] is None else "met" if target["met"] else "missed"
        target_figure, actual = _figure(target["target"]), _figure(target["actual"])
        lines.append(f"  target {name}: {target_figure} -> {actual} ({state})")
    lines.append(
        f"{'#':>3}  {'start':<8}  {'kind':<14}{'GMV':>12}{'orders':>8}{'GMV/min':>10}  title"
    )
    outside = {o["where"]: o for o in data.get("outside", [])}

    def outside_line(where: str) -> str:
        o = outside[where]
        first, last = o["first_minute"], o["last_minute"]
        stretch = f"{first[:16].replace('T', ' ')} – {last[11:16]}"
        if first[:10] != last[:10]:
            stretch = f"{first[:16].replace('T', ' ')} – {last[:16].replace('T', ' ')}"
        return (
            f"{'':>3}  {first[11:19]:<8}  {where + ' script':<14}{_money(o['gmv']):>12}"
            f"{_count(o['orders']):>8}{MISSING:>10}  {o['minutes']} min of data, {stretch}"
        )

    if "before" in outside:
        lines.append(outside_line("before"))
    for s in data["segments"]:
        start = (s["actual_start"] or s["planned_start"])[11:19]
        lines.append(
            f"{s['position']:>3}  {start:<8}  {s['kind']:<14}{_money(s['gmv']):>12}"
            f"{_count(s['orders']):>8}{_money(s['gmv_per_minute']):>10}  {visible(s['title'])}"
        )
    if "after" in outside:
        lines.append(outside_line("after"))
    return "\n".join(lines)


MISSING = "—"  # a figure the export has no data for


def _money(yuan: float | None) -> str:
    return MISSING if yuan is None else f"{yuan:,.0f}"


def _count(value: int | None) -> str:
    return MISSING if value is None else f"{value:,}"


def _figure(value: float | None) -> str:
    """A target or its result: yuan and counts whole (1,500,000, not 1500000.0), a rate as its
    fraction (0.0545)."""
    if value is None:
        return MISSING
    return f"{value:,.0f}" if abs(value) >= 1 else f"{value:.4g}"


def counted(count: int, noun: str, plural: str = "") -> str:
    """3 errors, 1 warning, 0 warnings; 1 person, 2 people with `plural`."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
