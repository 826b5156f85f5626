"""The live feed's bad lines and alerts worded for the screens, in the user's language: from
the catalogue's texts (app/messages/feed.py and, for a growing file's mapping, the imports')."""

from liveplanner.app.messages import TEXTS as CATALOGUE
from liveplanner.app.translations import Translate, english
from liveplanner.core.live_alerts import Alert, AlertName
from liveplanner.core.live_feed import FeedProblem
from liveplanner.core.money import format_percent, format_yuan
from liveplanner.core.plan import ShowPlan
from liveplanner.core.runlog import DeskEvent


def logged_alert(plan: ShowPlan, event: DeskEvent) -> tuple[str, dict[str, object]] | None:
    """A logged alert's code and figures, as the review's chart says it; None for an alert
    this version does not know."""
    name = event.item.removeprefix("alert:")
    quantity = event.quantity
    if name == "viewers_drop":
        return "feed.logged.viewers_drop", {"now": "—" if quantity is None else f"{quantity:,}"}
    if name == "pace_behind":
        # Whole yuan, grouped as the review's figures are: a screen glances at it.
        return "feed.logged.pace_behind", {
            "short": "—" if quantity is None else f"{round(quantity / 100):,}"
        }
    if name.startswith("sold_out:promo:"):
        number = name.removeprefix("sold_out:promo:")
        promo = plan.promo(int(number)) if number.isdigit() else None
        return "feed.logged.sold_out", {"promo": promo.name if promo else number}
    return None


def reason_words(reason: FeedProblem, translate: Translate = english) -> str:
    """A bad line's reason in the user's language, one line (a mapping's refusal is worded
    as an import's)."""
    source = CATALOGUE[reason.code]
    text = translate("Messages", source).format_map({"line": reason.line, **reason.figures})
    # A followed file's line is named with its file, as an import's refusal is.
    file = reason.figures.get("source")
    return f"{file}, {text}" if file and "{file}" not in source else text


def alert_words(alert: Alert, translate: Translate = english) -> str:
    """A raised alert as the screens say it."""
    f = alert.figures
    if alert.name is AlertName.VIEWERS_DROP:
        code = "feed.alert.viewers_drop" if f["benefit"] else "feed.alert.viewers_drop_no_benefit"
        figures: dict[str, object] = {
            "drop": format_percent(_whole(f["drop_bp"])),
            "minutes": f["minutes"],
            "peak": f"{f['peak']:,}",
            "now": f"{f['now']:,}",
            "benefit": f["benefit"],
        }
    elif alert.name is AlertName.SOLD_OUT:
        code, figures = "feed.alert.sold_out", {"promo": f["promo"], "released": f["released"]}
    else:
        code = "feed.alert.pace_behind"
        figures = {
            "gmv": format_yuan(_whole(f["gmv_fen"])),
            "behind": format_percent(_whole(f["behind_bp"])),
            "pace": format_yuan(_whole(f["pace_fen"])),
        }
    return translate("Messages", CATALOGUE[code]).format_map(figures)


def _whole(value: object) -> int:
    assert isinstance(value, int), value  # core.live_alerts puts whole numbers there
    return value
