"""`liveplanner demo`, `new-show`, `shows`, `show` and `check`: shows listed, made and printed."""

import argparse
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from liveplanner.app.database import Database
from liveplanner.app.language import file_language
from liveplanner.app.shows import ShowSummary, add_demo, create_show, list_shows, show_plan
from liveplanner.app.translations import QT_TRANSLATE_NOOP
from liveplanner.cli.output import (
    EXIT_FINDINGS,
    UserError,
    counted,
    emit,
    refusal,
    said,
    say,
    table,
    visible,
    width,
)
from liveplanner.core.enums import Platform, Role
from liveplanner.core.inputs import check_show_time
from liveplanner.core.money import format_yuan
from liveplanner.core.plan import MAX_TITLE, ShowPlan, time_zone
from liveplanner.core.row_offer import row_offer
from liveplanner.core.rules import Finding, Severity, check
from liveplanner.core.schedule import content_mix, format_duration, schedule
from liveplanner.core.templates import Template


def parse_start(text: str, zone_name: str) -> datetime:
    """--start as a time in `zone_name`, refused when it is no time, or none the show can have."""
    try:
        zone = time_zone(zone_name)
        naive = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError as exc:
        if "zone" in str(exc):
            raise UserError(said("unknown_zone", zone=zone_name)) from None
        raise UserError(
            say(
                QT_TRANSLATE_NOOP(
                    "cli", "--start {text!r} is not a time; expected YYYY-MM-DD HH:MM"
                ),
                text=text,
            )
        ) from None
    try:
        start = check_show_time(naive).replace(tzinfo=zone)
    except ValueError as exc:  # a year 9999 or 0001: stored, it broke every command after
        raise UserError(f"--start: {refusal(exc)}") from None
    if start.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise UserError(
            say(
                QT_TRANSLATE_NOOP(
                    "cli", "--start {text!r} does not exist in {zone}: the clocks skip it"
                ),
                text=text,
                zone=zone_name,
            )
        )
    return start


def demo(args: argparse.Namespace, db: Database) -> int:
    show_id = add_demo(db)
    emit(
        args,
        {"show_id": show_id},
        say(QT_TRANSLATE_NOOP("cli", "added the demo show {show_id}"), show_id=show_id),
    )
    return 0


def new_show(args: argparse.Namespace, db: Database) -> int:
    title = args.title.strip()
    if not title:
        raise UserError(say(QT_TRANSLATE_NOOP("cli", "--title is empty; give the show a name")))
    if len(title) > MAX_TITLE:
        raise UserError(
            say(
                QT_TRANSLATE_NOOP(
                    "cli", "--title is {length} characters long; at most {limit} fit"
                ),
                length=len(title),
                limit=MAX_TITLE,
            )
        )
    start = parse_start(args.start, args.tz)
    # A built-in template by its name (flash_1h ...), worded in the user's language; any other
    # name is the team's own template.
    template: Template | str | None = args.template
    if args.template in set(Template):
        template = Template(args.template)
    show_id = create_show(
        db, title, start, Platform(args.platform), args.tz, template, file_language()
    )
    emit(args, {"show_id": show_id}, str(show_id))
    return 0


def shows(args: argparse.Namespace, db: Database) -> int:
    summaries = list_shows(db, search=args.search)
    data = {
        "shows": [
            {
                "id": s.id,
                "title": s.title,
                "platform": s.platform.value,
                "planned_start": s.planned_start.replace(tzinfo=None).isoformat(),
                "status": s.status.value,
                "segments": s.segments,
                "total_s": s.total_s,
            }
            for s in summaries
        ]
    }
    emit(args, data, show_list(summaries, args.search))
    return 0


def show(args: argparse.Namespace, db: Database) -> int:
    plan = show_plan(db, args.show_id)
    emit(args, plan_json(plan), plan_text(plan))
    return 0


def check_show(args: argparse.Namespace, db: Database) -> int:
    plan = show_plan(db, args.show_id)
    findings = check(plan)
    data = {
        "show_id": plan.show.id,
        "errors": sum(f.severity is Severity.ERROR for f in findings),
        "warnings": sum(f.severity is Severity.WARNING for f in findings),
        "findings": [
            {
                "severity": f.severity.value,
                "code": f.code,
                "entity": f.entity,
                "entity_id": f.entity_id,
                "entity_ids": list(f.about()),
                "field": f.field,
                "message": f.message,
            }
            for f in findings
        ],
    }
    emit(args, data, findings_text(findings))
    return EXIT_FINDINGS if data["errors"] else 0


JOBS: dict[str, Callable[[argparse.Namespace, Database], int]] = {
    "demo": demo,
    "new-show": new_show,
    "shows": shows,
    "show": show,
    "check": check_show,
}


def show_list(summaries: Sequence[ShowSummary], search: str = "") -> str:
    if not summaries and search:
        return say(QT_TRANSLATE_NOOP("cli", "no show matches {search!r}"), search=search)
    if not summaries:
        return say(QT_TRANSLATE_NOOP("cli", "no shows yet: `liveplanner demo` adds one to look at"))
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
        for s in summaries
    ]
    headers = [
        say(QT_TRANSLATE_NOOP("cli", "id")),
        say(QT_TRANSLATE_NOOP("cli", "start")),
        say(QT_TRANSLATE_NOOP("cli", "platform")),
        say(QT_TRANSLATE_NOOP("cli", "status")),
        say(QT_TRANSLATE_NOOP("cli", "segments")),
        say(QT_TRANSLATE_NOOP("cli", "length")),
        say(QT_TRANSLATE_NOOP("cli", "title")),
    ]
    return table(headers, rows, [6, 16, 8, 8, 8, 8, 60])


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
    segments = counted(
        len(plan.segments),
        QT_TRANSLATE_NOOP("cli", "{n} segment"),
        QT_TRANSLATE_NOOP("cli", "{n} segments"),
    )
    header = [
        f"{visible(show.title)}  (#{show.id}, {show.platform.value}, {show.status.value})",
        f"{times.start:%Y-%m-%d %H:%M} – {times.end:%H:%M} {show.time_zone}, "
        f"{format_duration(times.total_s)}, {segments}",
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
    headers = [
        "#",
        say(QT_TRANSLATE_NOOP("cli", "start")),
        say(QT_TRANSLATE_NOOP("cli", "end")),
        say(QT_TRANSLATE_NOOP("cli", "length")),
        say(QT_TRANSLATE_NOOP("cli", "kind")),
        say(QT_TRANSLATE_NOOP("cli", "title")),
        say(QT_TRANSLATE_NOOP("cli", "product")),
        say(QT_TRANSLATE_NOOP("cli", "price")),
        say(QT_TRANSLATE_NOOP("cli", "stock")),
        say(QT_TRANSLATE_NOOP("cli", "host")),
    ]
    laid_out = table(headers, rows, [4, 5, 5, 7, 13, 30, 24, 8, 6, 10])
    mix = ", ".join(f"{k.value} {v:.0%}" for k, v in content_mix(plan.segments).items())
    return "\n".join(
        [*header, laid_out, "", say(QT_TRANSLATE_NOOP("cli", "content mix: {mix}"), mix=mix)]
    )


def findings_text(findings: Sequence[Finding]) -> str:
    if not findings:
        return say(QT_TRANSLATE_NOOP("cli", "no findings: every limit holds"))
    severities = {
        Severity.ERROR: say(QT_TRANSLATE_NOOP("cli", "error")),
        Severity.WARNING: say(QT_TRANSLATE_NOOP("cli", "warning")),
    }
    errors = sum(f.severity is Severity.ERROR for f in findings)
    lines = []
    for f in findings:
        label = severities[f.severity]
        lines.append(f"{label}{' ' * max(1, 8 - width(label))}{visible(f.message)}")
    warnings = len(findings) - errors
    summary = say(
        QT_TRANSLATE_NOOP("cli", "{errors}, {warnings}"),
        errors=counted(
            errors, QT_TRANSLATE_NOOP("cli", "{n} error"), QT_TRANSLATE_NOOP("cli", "{n} errors")
        ),
        warnings=counted(
            warnings,
            QT_TRANSLATE_NOOP("cli", "{n} warning"),
            QT_TRANSLATE_NOOP("cli", "{n} warnings"),
        ),
    )
    lines.append(summary)
    return "\n".join(lines)
