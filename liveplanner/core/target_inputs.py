"""Each target (a core.plan.Targets field) as people type it: the word that names it on the command
line (`--target-roi`), how typed text is read (money in yuan with 万, rates in per cent, ROI as a
ratio, watch time as m:ss) and how a stored value is written back for editing. One table, so the
command line and the campaign page read a target alike, as the Show panel's fields do."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from liveplanner.core.inputs import (
    parse_count,
    parse_money,
    parse_percent,
    parse_ratio,
    parse_watch_time,
)
from liveplanner.core.money import format_percent, format_yuan
from liveplanner.core.plan import Targets
from liveplanner.core.schedule import format_duration


def _ratio(bp: int) -> str:
    """35000 -> '3.5'."""
    text = f"{Decimal(bp) / 10_000:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@dataclass(frozen=True, slots=True)
class TargetInput:
    name: str  # the Targets field: gmv_fen, roi_bp...
    word: str  # on the command line: --target-{word}
    parse: Callable[[str], int | None]  # '' -> None (no target); unclear text is Refused
    write: Callable[[int], str]  # a stored value as it would be typed


def _money(name: str, word: str) -> TargetInput:
    return TargetInput(name, word, parse_money, format_yuan)


def _percent(name: str, word: str) -> TargetInput:
    return TargetInput(name, word, parse_percent, lambda bp: format_percent(bp).rstrip("%"))


def _count(name: str, word: str) -> TargetInput:
    return TargetInput(name, word, parse_count, str)


TARGET_INPUTS: tuple[TargetInput, ...] = (
    _money("gmv_fen", "gmv"),
    _count("viewers", "viewers"),
    _percent("conversion_bp", "conversion"),
    _count("new_followers", "new-followers"),
    _percent("interaction_bp", "interaction"),
    _money("uv_value_fen", "uv-value"),
    _money("aov_fen", "aov"),
    _money("gpm_fen", "gpm"),
    TargetInput("roi_bp", "roi", parse_ratio, _ratio),
    _money("gross_profit_fen", "gross-profit"),
    _percent("margin_bp", "margin"),
    _money("net_gmv_fen", "net-gmv"),
    TargetInput("avg_watch_s", "avg-watch", parse_watch_time, format_duration),
    _money("max_ad_spend_fen", "max-ad-spend"),
    _percent("max_refund_bp", "max-refund"),
)

assert [t.name for t in TARGET_INPUTS] == list(Targets.__dataclass_fields__)


def written(targets: Targets, name: str) -> str:
    """The target `name` as it would be typed; '' when it is not set."""
    value = getattr(targets, name)
    if value is None:
        return ""
    return next(t for t in TARGET_INPUTS if t.name == name).write(value)
