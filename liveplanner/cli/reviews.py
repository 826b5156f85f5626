"""`liveplanner review`: a show's minute metrics over its segments, against its targets, printed
or written as a report."""

import argparse
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from liveplanner.app.database import Database
from liveplanner.app.refusals import OperationRefused, write_failed
from liveplanner.app.reports import REPORT_TYPES, run_started
from liveplanner.app.reviews import ShowReview, attribution_lag, review_show
from liveplanner.app.translations import QT_TRANSLATE_NOOP
from liveplanner.cli.drawing import offscreen_app
from liveplanner.cli.output import (
    MISSING,
    UserError,
    emit,
    say,
    visible,
    whole_yuan,
    width,
    write,
)
from liveplanner.core.plan import ShowPlan

if TYPE_CHECKING:
    from liveplanner.core.notes import ReviewNote
    from liveplanner.core.product_figures import ProductFigures
    from liveplanner.core.review_figures import Efficiency, GroupFigures, Review


def review(args: argparse.Namespace, db: Database) -> int:
    try:
        lag = attribution_lag(args.lag)
    except OperationRefused as exc:
        raise UserError(
            say(
                QT_TRANSLATE_NOOP("cli", "--lag must be 0 to {max} minutes, not {lag}"),
                **exc.figures,
            )
        ) from None
    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() not in REPORT_TYPES:
        raise UserError(
            say(
                QT_TRANSLATE_NOOP("cli", "{name}: a report is written as .pdf, .html or .xlsx"),
                name=out.name,
            )
        )
    shown = review_show(db, args.show_id, lag)
    if out is not None:
        _write_report(out, shown)
    data = review_json(shown.plan, shown.review, shown.notes)
    if out is not None:
        data["report"] = str(out)
    if args.json or out is None:
        emit(args, data, review_text(data))
    else:
        write(visible(say(QT_TRANSLATE_NOOP("cli", "wrote {file}"), file=out)))
    return 0


def _write_report(out: Path, shown: ShowReview) -> None:
    offscreen_app()
    from liveplanner.ui.review.report import ReportInput, write_report

    try:
        write_report(out, ReportInput(shown.plan, shown.review, shown.notes, run_started(shown)))
    except OSError as exc:
        raise write_failed(out, exc) from None


def _yuan(fen: float | None) -> float | None:
    """Fen as yuan, to the fen (money figures of the review JSON)."""
    return None if fen is None else round(fen / 100, 2)


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def _efficiency(figures: "Efficiency") -> dict[str, float | None]:
    """Money in yuan, conversion as a fraction, ROI as GMV per yuan spent; null where an input
    is missing."""
    return {
        "uv_value": _yuan(figures.uv_value_fen),
        "aov": _yuan(figures.aov_fen),
        "aov_per_buyer": _yuan(figures.aov_per_buyer_fen),
        "gpm": _yuan(figures.gpm_fen),
        "conversion": _round(figures.conversion, 4),
        "ad_spend": _yuan(figures.ad_spend_fen),
        "roi": _round(figures.roi, 2),
        # From the product export (core.product_figures); null without one.
        "gross_profit": _yuan(figures.gross_profit_fen),
        "margin": _round(figures.margin, 4),
        "refunds": _yuan(figures.refunds_fen),
        "net_gmv": _yuan(figures.net_gmv_fen),
    }


def _product(p: "ProductFigures") -> dict[str, object]:
    """A product's line: money in yuan, rates as fractions (conversion is click to order:
    items sold per product click), `segments` the positions of the segments that pitched it,
    `flags` among sold_out, under_20 and not_in_plan."""
    flags = {"sold_out": p.sold_out, "under_20": p.under_20, "not_in_plan": p.not_in_plan}
    return {
        "name": p.name,
        "link": p.link,
        "stock": p.stock,
        "sold": p.sold,
        "sell_through": _round(p.sell_through, 4),
        "clicks": p.clicks,
        "conversion": _round(p.conversion, 4),
        "gmv": _yuan(p.gmv_fen),
        "gross_profit": _yuan(p.gross_profit_fen),
        "refunds": _yuan(p.refunds_fen),
        "segments": list(p.segments),
        "flags": [name for name, on in flags.items() if on],
    }


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def review_json(
    plan: ShowPlan, review: "Review", notes: "Sequence[ReviewNote]"
) -> dict[str, object]:
    """The figures of `liveplanner review ID --json`: money in yuan, times in the show's zone,
    rates as fractions (0.0545 = 5.45 %), null where the export had no data for a figure.
    `outside` holds the minutes before and after the script: with the segments they add up to
    the totals."""
    from liveplanner.core.review_figures import TargetName

    zone = ZoneInfo(plan.show.time_zone)
    totals = review.totals
    products = {p.id: p.name for p in plan.products}
    rates = {
        TargetName.CONVERSION,
        TargetName.INTERACTION,
        TargetName.ROI,
        TargetName.MARGIN,
        TargetName.MAX_REFUND,
    }
    money = {
        TargetName.GMV,
        TargetName.UV_VALUE,
        TargetName.AOV,
        TargetName.GPM,
        TargetName.GROSS_PROFIT,
        TargetName.NET_GMV,
        TargetName.MAX_AD_SPEND,
    }

    def figure(name: TargetName, value: float | None) -> float | int | None:
        if value is None:
            return None
        if name in money:
            return _yuan(value)
        if name is TargetName.AVG_WATCH:
            return round(value, 1)
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
            "avg_watch_s": _round(totals.avg_watch_s),
        },
        "efficiency": _efficiency(totals.efficiency),
        "targets": {
            t.name.value: {
                "target": figure(t.name, t.target),
                "actual": figure(t.name, t.actual),
                "met": t.met,
                "ceiling": t.ceiling,  # met at or under the target (ad spend, refunds)
                "short_by": figure(t.name, t.short_by),
                "over_by": figure(t.name, t.over_by),
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
                "items_sold": f.items_sold,  # its share of the products it pitched
                "gross_profit": _yuan(f.gross_profit_fen),
                "efficiency": _efficiency(f.efficiency),
                "avg_watch_s": _round(f.avg_watch_s),
                "viewers_kept": _round(f.viewers_kept, 4),  # online at its end / at its start
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
        "products": [_product(p) for p in review.products],
        "unmatched_products": [_product(p) for p in review.unmatched_products],
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
    source = (
        say(QT_TRANSLATE_NOOP("cli", "as they ran (live run)"))
        if data["source"] == "actual"
        else say(QT_TRANSLATE_NOOP("cli", "as planned"))
    )
    missing = say(QT_TRANSLATE_NOOP("cli", "{missing} missing"), missing=totals["missing_minutes"])
    if totals["show_minutes"]:
        missing = say(
            QT_TRANSLATE_NOOP("cli", "{missing} of the show's {minutes} missing"),
            missing=totals["missing_minutes"],
            minutes=totals["show_minutes"],
        )
    lines = [
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "{title} (show {show_id}): segment times {source}, sales credited {lag} min "
                "after the pitch",
            ),
            title=visible(data["title"]),
            show_id=data["show_id"],
            source=source,
            lag=data["lag_minutes"],
        ),
        say(
            QT_TRANSLATE_NOOP(
                "cli",
                "GMV {gmv}  orders {orders}  peak viewers {peak}  minutes {minutes} ({missing})",
            ),
            gmv=whole_yuan(totals["gmv"]),
            orders=_count(totals["orders"]),
            peak=_count(totals["peak_viewers"]),
            minutes=totals["minutes"],
            missing=missing,
        ),
    ]
    states = {
        None: say(QT_TRANSLATE_NOOP("cli", "no data")),
        True: say(QT_TRANSLATE_NOOP("cli", "met")),
        False: say(QT_TRANSLATE_NOOP("cli", "missed")),
    }
    for name, target in data["targets"].items():
        lines.append(
            say(
                QT_TRANSLATE_NOOP("cli", "  target {name}: {target} -> {actual} ({state})"),
                name=name,
                target=_figure(target["target"]),
                actual=_figure(target["actual"]),
                state=states[target["met"]],
            )
        )
    headers = {
        "start": say(QT_TRANSLATE_NOOP("cli", "start")),
        "kind": say(QT_TRANSLATE_NOOP("cli", "kind")),
        "gmv": say(QT_TRANSLATE_NOOP("cli", "GMV")),
        "orders": say(QT_TRANSLATE_NOOP("cli", "orders")),
        "per_minute": say(QT_TRANSLATE_NOOP("cli", "GMV/min")),
        "title": say(QT_TRANSLATE_NOOP("cli", "title")),
    }
    lines.append(
        f"{'#':>3}  {_left(headers['start'], 8)}  {_left(headers['kind'], 14)}"
        f"{_right(headers['gmv'], 12)}{_right(headers['orders'], 8)}"
        f"{_right(headers['per_minute'], 10)}  {headers['title']}"
    )
    outside = {o["where"]: o for o in data.get("outside", [])}
    scripts = {
        "before": say(QT_TRANSLATE_NOOP("cli", "before script")),
        "after": say(QT_TRANSLATE_NOOP("cli", "after script")),
    }

    def outside_line(where: str) -> str:
        o = outside[where]
        first, last = o["first_minute"], o["last_minute"]
        stretch = f"{first[:16].replace('T', ' ')} – {last[11:16]}"
        if first[:10] != last[:10]:
            stretch = f"{first[:16].replace('T', ' ')} – {last[:16].replace('T', ' ')}"
        data_text = say(
            QT_TRANSLATE_NOOP("cli", "{minutes} min of data, {stretch}"),
            minutes=o["minutes"],
            stretch=stretch,
        )
        return (
            f"{'':>3}  {first[11:19]:<8}  {_left(scripts[where], 14)}{whole_yuan(o['gmv']):>12}"
            f"{_count(o['orders']):>8}{MISSING:>10}  {data_text}"
        )

    if "before" in outside:
        lines.append(outside_line("before"))
    for s in data["segments"]:
        start = (s["actual_start"] or s["planned_start"])[11:19]
        lines.append(
            f"{s['position']:>3}  {start:<8}  {s['kind']:<14}{whole_yuan(s['gmv']):>12}"
            f"{_count(s['orders']):>8}{whole_yuan(s['gmv_per_minute']):>10}  {visible(s['title'])}"
        )
    if "after" in outside:
        lines.append(outside_line("after"))
    lines += _product_lines(data)
    return "\n".join(lines)


def _product_lines(data: dict) -> list[str]:  # type: ignore[type-arg]
    """A line per product of the product export, then those it matched to no product."""
    shown = [*data.get("products", []), *data.get("unmatched_products", [])]
    if not shown:
        return []
    marks = {
        "sold_out": say(QT_TRANSLATE_NOOP("cli", "sold out")),
        "under_20": say(QT_TRANSLATE_NOOP("cli", "under 20 %")),
        "not_in_plan": say(QT_TRANSLATE_NOOP("cli", "not in plan")),
    }
    headers = [
        say(QT_TRANSLATE_NOOP("cli", "sold")),
        say(QT_TRANSLATE_NOOP("cli", "stock")),
        say(QT_TRANSLATE_NOOP("cli", "sell-through")),
        say(QT_TRANSLATE_NOOP("cli", "GMV")),
        say(QT_TRANSLATE_NOOP("cli", "gross profit")),
        say(QT_TRANSLATE_NOOP("cli", "pitched in")),
    ]
    lines = [
        say(QT_TRANSLATE_NOOP("cli", "Products:")),
        f"{_right(headers[0], 8)}{_right(headers[1], 8)}{_right(headers[2], 14)}"
        f"{_right(headers[3], 12)}{_right(headers[4], 14)}  {_left(headers[5], 10)}  "
        + say(QT_TRANSLATE_NOOP("cli", "product")),
    ]
    for p in shown:
        through = MISSING if p["sell_through"] is None else f"{p['sell_through'] * 100:.0f}%"
        flags = ", ".join(marks[f] for f in p["flags"])
        segments = ",".join(str(s) for s in p["segments"]) or MISSING
        lines.append(
            f"{_count(p['sold']):>8}{_count(p['stock']):>8}{through:>14}{whole_yuan(p['gmv']):>12}"
            f"{whole_yuan(p['gross_profit']):>14}  {_left(segments, 10)}  {visible(p['name'])}"
            + (f" ({flags})" if flags else "")
        )
    return lines


def _left(text: str, columns: int) -> str:
    """`text` padded on the right to `columns` terminal columns (a Chinese character takes two)."""
    return text + " " * (columns - width(text))


def _right(text: str, columns: int) -> str:
    return " " * (columns - width(text)) + text


def _count(value: int | None) -> str:
    return MISSING if value is None else f"{value:,}"


def _figure(value: float | None) -> str:
    """A target or its result: yuan and counts whole (1,500,000, not 1500000.0), a rate as its
    fraction (0.0545)."""
    if value is None:
        return MISSING
    return f"{value:,.0f}" if abs(value) >= 1 else f"{value:.4g}"
