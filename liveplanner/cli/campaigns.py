"""`liveplanner campaign ...`: campaigns made, listed, deleted, shows counted in them, and where
one stands (`campaign ID [--json] [--report FILE]`)."""

import argparse
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from liveplanner.app.campaigns import (
    Campaign,
    CampaignFigures,
    OutsideShow,
    count_shows,
    create_campaign,
    delete_campaign,
    figures,
    list_campaigns,
    load_campaign,
    remove_shows,
    shows_outside,
    update_campaign,
)
from liveplanner.app.database import Database
from liveplanner.app.refusals import write_failed
from liveplanner.app.reviews import attribution_lag
from liveplanner.app.translations import QT_TRANSLATE_NOOP
from liveplanner.cli.drawing import offscreen_app
from liveplanner.cli.output import (
    UserError,
    emit,
    refusal,
    say,
    table,
    visible,
    whole_yuan,
    write,
)
from liveplanner.core.plan import Targets
from liveplanner.core.target_inputs import TARGET_INPUTS


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(
            say(
                QT_TRANSLATE_NOOP("cli", "{option} {text!r} is not a date; expected YYYY-MM-DD"),
                option=option,
                text=text,
            )
        ) from None


def _today(args: argparse.Namespace) -> date:
    """--now (hidden, for tests: YYYY-MM-DD) or the computer's date."""
    return _day(args.now, "--now") if args.now else datetime.now().astimezone().date()


def _yuan(fen: float | None) -> float | None:
    return None if fen is None else round(fen / 100, 2)


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def _target_value(name: str, value: float | None) -> float | None:
    """A target's figure as the JSON gives it: money in yuan, basis points as a fraction (ROI
    as GMV per yuan spent), counts and seconds as whole numbers."""
    if value is None:
        return None
    if name.endswith("_fen"):
        return _yuan(value)
    if name.endswith("_bp"):
        return round(value / 10_000, 4)
    return round(value)


def _target_key(name: str) -> str:
    return name.removesuffix("_fen").removesuffix("_bp")


def campaign_json(shown: CampaignFigures) -> dict[str, object]:
    """`campaign ID --json`: money in yuan, rates as fractions, dates as YYYY-MM-DD, null where
    no show has the input. The target's pace spreads the GMV target evenly over the shows."""
    c, t = shown.campaign, shown.totals
    e = t.efficiency
    kinds = {"best": shown.best_kind, "worst": shown.worst_kind}
    products = {"best": shown.best_product, "worst": shown.worst_product}
    return {
        "id": c.id,
        "title": c.title,
        "start": c.starts_on.isoformat(),
        "end": c.ends_on.isoformat(),
        "targets": {
            _target_key(p.name): {
                "target": _target_value(p.name, p.target),
                "actual": _target_value(p.name, p.actual),
                "met": p.met,
                "short_by": _target_value(p.name, p.short_by),
            }
            for p in shown.targets
        },
        "shows": [
            {
                "show_id": s.show_id,
                "title": s.title,
                "platform": s.platform.value,
                "planned_start": s.planned_start.isoformat(timespec="minutes"),
                "gmv": _yuan(s.sums.gmv_fen),
                "state": shown.state(s),  # reported, to_come or no_figures (date passed)
            }
            for s in shown.shows
        ],
        "totals": {
            "shows": t.shows,
            "shows_with_gmv": t.shows_with_gmv,
            "gmv": _yuan(t.gmv_fen),
            "orders": t.orders,
            "buyers": t.buyers,
            "viewers": t.viewers,
            "views": t.views,
            "new_followers": t.new_followers,
            "ad_spend": _yuan(t.ad_spend_fen),
            "roi": _round(e.roi, 2),
            "uv_value": _yuan(e.uv_value_fen),
            "aov": _yuan(e.aov_fen),
            "conversion": _round(e.conversion, 4),
            "refunds": _yuan(t.refunds_fen),
            "net_gmv": _yuan(e.net_gmv_fen),
            "remaining_shows": shown.remaining_shows,
            "shows_without_figures": len(shown.without_figures),
            "gap": _yuan(shown.gap_fen),
            "needed_per_remaining_show": _yuan(shown.needed_per_show_fen),
        },
        "pace": [
            {
                "date": d.day.isoformat(),
                "gmv": _yuan(d.gmv_fen),
                "cumulative": _yuan(d.cumulative_fen),
                "target_cumulative": _yuan(d.target_cumulative_fen),
            }
            for d in shown.pace
        ],
        "by_platform": [
            {"platform": p.platform.value, "shows": p.shows, "gmv": _yuan(p.gmv_fen)}
            for p in shown.by_platform
        ],
        "segment_kinds": {
            which: None
            if k is None
            else {
                "kind": k.kind.value,
                "gmv": _yuan(k.gmv_fen),
                "gmv_per_min": _yuan(k.gmv_per_min_fen),
            }
            for which, k in kinds.items()
        },
        "products": {
            which: None
            if p is None
            else {"name": p.name, "link": p.link, "sold": p.sold, "gmv": _yuan(p.gmv_fen)}
            for which, p in products.items()
        },
    }


def _money(fen: float | None) -> str:
    return whole_yuan(_yuan(fen))


def _to_come(shown: CampaignFigures) -> str:
    n, needed = shown.remaining_shows, _money(shown.needed_per_show_fen)
    if n == 0:
        return say(QT_TRANSLATE_NOOP("cli", "no shows to come"))
    if n == 1:
        return say(QT_TRANSLATE_NOOP("cli", "1 show to come; it needs {needed}"), needed=needed)
    return say(
        QT_TRANSLATE_NOOP("cli", "{n} shows to come; each needs {needed}"), n=n, needed=needed
    )


def _without_figures(shown: CampaignFigures) -> list[str]:
    """The shows whose date has passed with no metrics: neither done nor to come, and their
    GMV is not 0 but unknown, so they are named rather than folded into the totals' silence."""
    ids = shown.without_figures
    if not ids:
        return []
    one = QT_TRANSLATE_NOOP(
        "cli", "{n} show without figures: its date has passed and no metrics were imported ({ids})"
    )
    many = QT_TRANSLATE_NOOP(
        "cli",
        "{n} shows without figures: their dates have passed and no metrics were imported ({ids})",
    )
    return [say(one if len(ids) == 1 else many, n=len(ids), ids=", ".join(map(str, ids)))]


_STATES = {
    "reported": QT_TRANSLATE_NOOP("cli", "reported"),
    "to_come": QT_TRANSLATE_NOOP("cli", "to come"),
    "no_figures": QT_TRANSLATE_NOOP("cli", "no figures"),
}


def campaign_text(shown: CampaignFigures) -> str:
    c, t = shown.campaign, shown.totals
    lines = [
        f"{c.title}  {c.starts_on.isoformat()} – {c.ends_on.isoformat()}",
        say(
            QT_TRANSLATE_NOOP("cli", "GMV {gmv} of target {target}"),
            gmv=_money(t.gmv_fen),
            target=_money(c.targets.gmv_fen),
        ),
        _to_come(shown),
        *_without_figures(shown),
        "",
    ]
    lines.append(
        table(
            [
                say(QT_TRANSLATE_NOOP("cli", "ID")),
                say(QT_TRANSLATE_NOOP("cli", "Start")),
                say(QT_TRANSLATE_NOOP("cli", "Platform")),
                "GMV",
                say(QT_TRANSLATE_NOOP("cli", "State")),
                say(QT_TRANSLATE_NOOP("cli", "Title")),
            ],
            [
                [
                    str(s.show_id),
                    s.planned_start.strftime("%Y-%m-%d %H:%M"),
                    s.platform.value,
                    _money(s.sums.gmv_fen),
                    say(_STATES[shown.state(s)]),
                    s.title,
                ]
                for s in shown.shows
            ],
            [8, 16, 10, 14, 12, 40],
        )
    )
    lines.append("")
    lines.append(
        table(
            [
                say(QT_TRANSLATE_NOOP("cli", "Date")),
                "GMV",
                say(QT_TRANSLATE_NOOP("cli", "So far")),
                say(QT_TRANSLATE_NOOP("cli", "Target so far")),
            ],
            [
                [
                    d.day.isoformat(),
                    _money(d.gmv_fen),
                    _money(d.cumulative_fen),
                    _money(d.target_cumulative_fen),
                ]
                for d in shown.pace
            ],
            [10, 14, 14, 14],
        )
    )
    return "\n".join(lines)


def _summary(c: Campaign) -> dict[str, object]:
    return {
        "id": c.id,
        "title": c.title,
        "start": c.starts_on.isoformat(),
        "end": c.ends_on.isoformat(),
        "target_gmv": _yuan(c.targets.gmv_fen),
        "targets": {  # each target set, in the units of `campaign ID --json`
            _target_key(name): _target_value(name, value)
            for name in Targets.__dataclass_fields__
            if (value := getattr(c.targets, name)) is not None
        },
        "show_ids": list(c.show_ids),
    }


def _targets(args: argparse.Namespace, targets: Targets) -> Targets:
    """`targets` with each --target-NAME given read in (money with 万, rates in per cent, ROI as
    a ratio, watch time as m:ss); '' removes a target. Unclear text is refused naming the
    option."""
    changes: dict[str, int | None] = {}
    for target in TARGET_INPUTS:
        text = getattr(args, "target_" + target.word.replace("-", "_"))
        if text is None:
            continue
        try:
            changes[target.name] = target.parse(text)
        except ValueError as exc:
            raise UserError(f"--target-{target.word}: {refusal(exc)}") from None
    return replace(targets, **changes)


def new(args: argparse.Namespace, db: Database) -> int:
    made = create_campaign(
        db,
        args.title,
        _day(args.start, "--start"),
        _day(args.end, "--end"),
        _targets(args, Targets()),
    )
    emit(
        args,
        _summary(made),
        say(QT_TRANSLATE_NOOP("cli", "added campaign {id}"), id=made.id),
    )
    return 0


def edit(args: argparse.Namespace, db: Database) -> int:
    """Change what is given, refused as `new` is (and as a stale write is). Campaigns keep no
    history of their own, so there is nothing to undo from; the old values are not kept."""
    given = [args.title, args.start, args.end] + [
        getattr(args, "target_" + t.word.replace("-", "_")) for t in TARGET_INPUTS
    ]
    if all(value is None for value in given):
        raise UserError(
            say(
                QT_TRANSLATE_NOOP(
                    "cli", "nothing to change: give --title, --start, --end or a --target-NAME"
                )
            )
        )
    was = load_campaign(db, args.campaign_id)
    changed = update_campaign(
        db,
        was.id,
        was.version,
        was.title if args.title is None else args.title,
        was.starts_on if args.start is None else _day(args.start, "--start"),
        was.ends_on if args.end is None else _day(args.end, "--end"),
        _targets(args, was.targets),
    )
    outside = shows_outside(db, changed)
    lines = [say(QT_TRANSLATE_NOOP("cli", "changed campaign {id}"), id=changed.id)]
    lines += [_outside_line(changed, o) for o in outside]
    emit(args, _summary(changed) | {"warnings": _warnings(changed, outside)}, "\n".join(lines))
    return 0


def _counts(changed: Campaign) -> str:
    n = len(changed.show_ids)
    one = QT_TRANSLATE_NOOP("cli", "campaign {id} counts {n} show")
    many = QT_TRANSLATE_NOOP("cli", "campaign {id} counts {n} shows")
    return say(one if n == 1 else many, id=changed.id, n=n)


def add(args: argparse.Namespace, db: Database) -> int:
    """Shows counted already are a note, not a refusal (adding again changes nothing, so a
    script may repeat itself); shows planned outside the campaign's dates are counted with a
    warning naming the show, its day and the campaign's dates."""
    added = count_shows(db, args.campaign_id, args.show_ids)
    c = added.campaign
    data = _summary(c) | {
        "already_in": list(added.already_in),
        "warnings": _warnings(c, added.outside),
    }
    lines = [_counts(c)]
    lines += [
        say(
            QT_TRANSLATE_NOOP("cli", "note: show {show} was in campaign {id} already"),
            show=show_id,
            id=c.id,
        )
        for show_id in added.already_in
    ]
    lines += [_outside_line(c, o) for o in added.outside]
    emit(args, data, "\n".join(lines))
    return 0


def _outside_line(c: Campaign, o: OutsideShow) -> str:
    return say(
        QT_TRANSLATE_NOOP(
            "cli",
            "warning: show {show} ({title}) is planned for {day}, outside the campaign's "
            "dates ({start} – {end}); it is counted",
        ),
        show=o.show_id,
        title=visible(o.title),
        day=o.day.isoformat(),
        start=c.starts_on.isoformat(),
        end=c.ends_on.isoformat(),
    )


def _warnings(c: Campaign, outside: tuple[OutsideShow, ...]) -> list[dict[str, object]]:
    return [
        {
            "show_id": o.show_id,
            "date": o.day.isoformat(),
            "message": f"show {o.show_id} is planned for {o.day.isoformat()}, outside the "
            f"campaign's dates ({c.starts_on.isoformat()} – {c.ends_on.isoformat()})",
        }
        for o in outside
    ]


def remove(args: argparse.Namespace, db: Database) -> int:
    """A show the campaign does not count is refused (storage names it and the campaign)."""
    changed = remove_shows(db, args.campaign_id, args.show_ids)
    emit(args, _summary(changed), _counts(changed))
    return 0


def listed(args: argparse.Namespace, db: Database) -> int:
    found = list_campaigns(db)
    text = table(
        [
            say(QT_TRANSLATE_NOOP("cli", "ID")),
            say(QT_TRANSLATE_NOOP("cli", "Start")),
            say(QT_TRANSLATE_NOOP("cli", "End")),
            say(QT_TRANSLATE_NOOP("cli", "Shows")),
            say(QT_TRANSLATE_NOOP("cli", "Target")),
            say(QT_TRANSLATE_NOOP("cli", "Title")),
        ],
        [
            [
                str(c.id),
                c.starts_on.isoformat(),
                c.ends_on.isoformat(),
                str(len(c.show_ids)),
                _money(c.targets.gmv_fen),
                c.title,
            ]
            for c in found
        ],
        [8, 10, 10, 6, 14, 40],
    )
    emit(args, [_summary(c) for c in found], text)
    return 0


def delete(args: argparse.Namespace, db: Database) -> int:
    delete_campaign(db, args.campaign_id)
    emit(
        args,
        {"deleted": args.campaign_id},
        say(QT_TRANSLATE_NOOP("cli", "deleted campaign {id}"), id=args.campaign_id),
    )
    return 0


REPORT_TYPES = (".pdf", ".xlsx")  # as the window exports it (ui/review/campaign_report.py)


def shown(args: argparse.Namespace, db: Database) -> int:
    """Where the campaign stands; with --report, the report the window exports written too
    (then only "wrote FILE" is said, unless --json asks for the figures)."""
    out = Path(args.report) if args.report else None
    if out is not None and out.suffix.lower() not in REPORT_TYPES:
        raise UserError(
            say(
                QT_TRANSLATE_NOOP("cli", "{name}: a campaign report is written as .pdf or .xlsx"),
                name=out.name,
            )
        )
    result = figures(db, args.campaign_id, _today(args), attribution_lag(None))
    data = campaign_json(result)
    if out is not None:
        _write_report(out, result)
        data["report"] = str(out)
    if args.json or out is None:
        emit(args, data, campaign_text(result))
    else:
        write(visible(say(QT_TRANSLATE_NOOP("cli", "wrote {file}"), file=out)))
    return 0


def _write_report(out: Path, result: CampaignFigures) -> None:
    # The report is drawn by Qt in ui/ (as `review --out` draws the show's): loaded only here.
    offscreen_app()
    from liveplanner.ui.review.campaign_report import write_campaign_report

    try:
        write_campaign_report(out, result)
    except OSError as exc:
        raise write_failed(out, exc) from None


JOBS = {
    "new": new,
    "edit": edit,
    "add": add,
    "remove": remove,
    "list": listed,
    "delete": delete,
    "show": shown,
}
