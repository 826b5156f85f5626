"""`liveplanner alerts ID`: a show's live alert thresholds, shown, and changed with the options
given (the others kept): online viewers down PCT % within MIN minutes, GMV PCT % behind the pace
to target, a flash sale sold out. A share of 0 turns its alert off."""

import argparse
import json
from dataclasses import replace

from liveplanner.app.database import Database
from liveplanner.app.live_alerts import set_show_alerts, show_alerts
from liveplanner.app.translations import QT_TRANSLATE_NOOP
from liveplanner.cli.output import UserError, refusal, say, write
from liveplanner.core.alert_settings import AlertSettings
from liveplanner.core.money import format_percent
from liveplanner.core.refused import Refused


def alerts(args: argparse.Namespace, db: Database) -> int:
    settings = show_alerts(db, args.show_id)
    changes: dict[str, object] = {}
    if args.viewers_drop is not None:
        changes["viewers_drop_bp"] = args.viewers_drop
    if args.within is not None:
        changes["viewers_window_min"] = args.within
    if args.pace_behind is not None:
        changes["pace_behind_bp"] = args.pace_behind
    if args.sold_out is not None:
        changes["sold_out"] = args.sold_out == "on"
    if changes:
        settings = replace(settings, **changes)
        try:
            set_show_alerts(db, args.show_id, settings)
        except Refused as exc:
            # Named as the user typed it: the option, not the setting's key.
            name = _OPTIONS.get(str(exc.figures.get("name")), exc.figures.get("name"))
            exc.figures = {**exc.figures, "name": name}
            raise UserError(refusal(exc)) from exc
    write(json.dumps(_as_json(settings)) if args.json else _as_text(settings))
    return 0


_OPTIONS = {
    "viewers_drop_bp": "--viewers-drop",
    "viewers_window_min": "--within",
    "pace_behind_bp": "--pace-behind",
}


def _as_json(settings: AlertSettings) -> dict[str, object]:
    return {
        "viewers_drop_pct": settings.viewers_drop_bp / 100,
        "viewers_window_min": settings.viewers_window_min,
        "pace_behind_pct": settings.pace_behind_bp / 100,
        "sold_out": settings.sold_out,
    }


def _as_text(settings: AlertSettings) -> str:
    off = say(QT_TRANSLATE_NOOP("cli", "off"))
    drop = (
        say(
            QT_TRANSLATE_NOOP("cli", "online viewers down {drop} within {minutes} minutes"),
            drop=format_percent(settings.viewers_drop_bp),
            minutes=settings.viewers_window_min,
        )
        if settings.viewers_drop_bp
        else off
    )
    pace = (
        say(
            QT_TRANSLATE_NOOP("cli", "GMV {behind} behind the pace to target"),
            behind=format_percent(settings.pace_behind_bp),
        )
        if settings.pace_behind_bp
        else off
    )
    sold = say(QT_TRANSLATE_NOOP("cli", "on")) if settings.sold_out else off
    return "\n".join(
        [
            say(QT_TRANSLATE_NOOP("cli", "Viewers drop: {what}"), what=drop),
            say(QT_TRANSLATE_NOOP("cli", "Pace: {what}"), what=pace),
            say(QT_TRANSLATE_NOOP("cli", "Flash sale sold out: {what}"), what=sold),
        ]
    )
