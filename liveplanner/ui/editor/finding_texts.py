"""Findings in the user's language: core/rules gives a code and its figures, this says them."""

from PySide6.QtCore import QCoreApplication

from liveplanner.core.enums import Role
from liveplanner.core.money import format_percent, format_yuan
from liveplanner.core.rules import NAMED_BY_NUMBER, NAMED_WITH_TITLES, Finding, shortened
from liveplanner.core.schedule import format_duration
from liveplanner.ui import labels


def _templates() -> dict[str, str]:
    return {
        "releases_over_quantity": QCoreApplication.translate(
            "findings", "Promo “{promo}”: segments release {released}, only {quantity} available"
        ),
        "flash_sales_over_stock": QCoreApplication.translate(
            "findings",
            "Product “{product}”: flash sales need {units} units, stock for the show is {stock}",
        ),
        "budget_exceeded": QCoreApplication.translate(
            "findings", "Promo “{promo}” can cost {exposure} yuan, over its budget of {budget}"
        ),
        "price_under_floor": QCoreApplication.translate(
            "findings", "“{product}” at {price} yuan is under its price floor of {floor}"
        ),
        "discount_over_maximum": QCoreApplication.translate(
            "findings",
            "“{product}” is {discount} off its list price, over the maximum discount of {maximum}",
        ),
        "coupon_under_floor": QCoreApplication.translate(
            "findings",
            "Coupon “{promo}” takes the price to {price} yuan, under the floor of {floor}",
        ),
        "coupon_face_over_threshold": QCoreApplication.translate(
            "findings", "Coupon “{promo}” is worth as much as its threshold"
        ),
        "intro_without_product": QCoreApplication.translate(
            "findings", "Segment {position} “{title}”: a product intro with no product"
        ),
        "intro_without_host": QCoreApplication.translate(
            "findings", "Segment {position} “{title}”: no host, and the team has none"
        ),
        "person_in_two_roles": QCoreApplication.translate(
            "findings", "Segment {position}: {person} is both {roles}"
        ),
        "zero_length": QCoreApplication.translate(
            "findings", "Segment {position} “{title}” has no length"
        ),
        "offset_after_segment_end": QCoreApplication.translate(
            "findings",
            "Segment {position}: a cue at {offset} comes after the segment ends at {length}",
        ),
        "past_hard_stop": QCoreApplication.translate(
            "findings", "The script runs {over} past the hard stop"
        ),
        "past_planned_end": QCoreApplication.translate(
            "findings", "The script runs {over} past the planned end"
        ),
    }


def _and(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return QCoreApplication.translate("findings", "{items} and {last}").format(
        items=QCoreApplication.translate("findings", ", ").join(parts[:-1]), last=parts[-1]
    )


def _titled(position: int, title: str) -> str:
    return QCoreApplication.translate("findings", "{position} “{title}”").format(
        position=position, title=title
    )


def segment_names(positions: list[int], titles: list[str]) -> str:
    """Segments as a finding names them: with their titles when few, by number when many, the
    list cut short after NAMED_BY_NUMBER."""
    if len(positions) <= NAMED_WITH_TITLES:
        return _and([_titled(p, t) for p, t in zip(positions, titles, strict=True)])
    shown, more = shortened(positions, NAMED_BY_NUMBER)
    numbers = [str(p) for p in shown]
    if not more:
        return _and(numbers)
    return QCoreApplication.translate("findings", "{items} and {more} more").format(
        items=QCoreApplication.translate("findings", ", ").join(numbers), more=more
    )


def segments_in_full(finding: Finding) -> str:
    """Every segment a grouped finding is about, one per line with its title (for a tooltip)."""
    positions = list(finding.params.get("positions", []))  # type: ignore[call-overload]
    titles = list(finding.params.get("titles", []))  # type: ignore[call-overload]
    return "\n".join(_titled(p, t) for p, t in zip(positions, titles, strict=True))


def _hostless(finding: Finding) -> str:
    positions = list(finding.params.get("positions", []))  # type: ignore[call-overload]
    titles = list(finding.params.get("titles", []))  # type: ignore[call-overload]
    if len(positions) <= 1:
        return _templates()["intro_without_host"].format(**finding.params)
    if len(positions) <= NAMED_WITH_TITLES:
        template = QCoreApplication.translate(
            "findings", "Segments {segments}: no host, and the team has none"
        )
    else:
        template = QCoreApplication.translate(
            "findings",
            "{count} product intros have no host, and the team has none: segments {segments}",
        )
    return template.format(count=len(positions), segments=segment_names(positions, titles))


def describe(finding: Finding) -> str:
    if finding.code == "intro_without_host":
        return _hostless(finding)
    p = dict(finding.params)
    values = {
        **p,
        "exposure": format_yuan(int(p.get("exposure_fen", 0))),
        "budget": format_yuan(int(p.get("budget_fen", 0))),
        "price": format_yuan(int(p.get("price_fen", 0))),
        "floor": format_yuan(int(p.get("floor_fen", 0))),
        "discount": format_percent(int(p.get("discount_bp", 0))),
        "maximum": format_percent(int(p.get("max_bp", 0))),
        "offset": format_duration(int(p.get("offset_s", 0))),
        "length": format_duration(int(p.get("duration_s", 0))),
        "over": format_duration(int(p.get("over_s", 0))),
        "roles": QCoreApplication.translate("findings", " and ").join(
            labels.role(Role(r))
            for r in p.get("roles", [])  # type: ignore[union-attr]
        ),
    }
    template = _templates().get(finding.code)
    return template.format(**values) if template else finding.message
