"""The limit checks' findings (core/rules) in words: each code's text, and its figures as people
read them (yuan, percentages, m:ss, roles and segment lists in the user's language)."""

from liveplanner.app.messages.names import ROLE_NAMES
from liveplanner.app.translations import QT_TRANSLATE_NOOP, Translate
from liveplanner.core.enums import Role
from liveplanner.core.money import format_percent, format_yuan
from liveplanner.core.rules import NAMED_BY_NUMBER, NAMED_WITH_TITLES, Finding, shortened
from liveplanner.core.schedule import format_duration

CONTEXT = "Messages"

TEXTS = {
    "releases_over_quantity": QT_TRANSLATE_NOOP(
        "Messages", "Promo “{promo}”: segments release {released}, only {quantity} available"
    ),
    "flash_sales_over_stock": QT_TRANSLATE_NOOP(
        "Messages",
        "Product “{product}”: flash sales need {units} units, stock for the show is {stock}",
    ),
    "budget_exceeded": QT_TRANSLATE_NOOP(
        "Messages", "Promo “{promo}” can cost {exposure} yuan, over its budget of {budget}"
    ),
    "price_under_floor": QT_TRANSLATE_NOOP(
        "Messages", "“{product}” at {price} yuan is under its price floor of {floor}"
    ),
    "discount_over_maximum": QT_TRANSLATE_NOOP(
        "Messages",
        "“{product}” is {discount} off its list price, over the maximum discount of {maximum}",
    ),
    "coupon_under_floor": QT_TRANSLATE_NOOP(
        "Messages", "Coupon “{promo}” takes the price to {price} yuan, under the floor of {floor}"
    ),
    "coupon_face_over_threshold": QT_TRANSLATE_NOOP(
        "Messages", "Coupon “{promo}” is worth as much as its threshold"
    ),
    "intro_without_product": QT_TRANSLATE_NOOP(
        "Messages", "Segment {position} “{title}”: a product intro with no product"
    ),
    "intro_without_host": QT_TRANSLATE_NOOP(
        "Messages", "Segment {position} “{title}”: no host, and the team has none"
    ),
    "intros_without_host": QT_TRANSLATE_NOOP(
        "Messages", "Segments {segments}: no host, and the team has none"
    ),
    "many_intros_without_host": QT_TRANSLATE_NOOP(
        "Messages",
        "{count} product intros have no host, and the team has none: segments {segments}",
    ),
    "person_in_two_roles": QT_TRANSLATE_NOOP(
        "Messages", "Segment {position}: {person} is both {roles}"
    ),
    "zero_length": QT_TRANSLATE_NOOP("Messages", "Segment {position} “{title}” has no length"),
    "offset_after_segment_end": QT_TRANSLATE_NOOP(
        "Messages", "Segment {position}: a cue at {offset} comes after the segment ends at {length}"
    ),
    "past_hard_stop": QT_TRANSLATE_NOOP("Messages", "The script runs {over} past the hard stop"),
    "past_planned_end": QT_TRANSLATE_NOOP(
        "Messages", "The script runs {over} past the planned end"
    ),
    # The show's rhythm (core/rhythm)
    "benefit_gap": QT_TRANSLATE_NOOP(
        "Messages",
        "No benefit for {length}, {start} to {end} (segments {segments}); "
        "the show wants one every {every} minutes",
    ),
    "benefit_too_soon": QT_TRANSLATE_NOOP(
        "Messages",
        "Segment {position} “{title}” starts {gap} after the benefit of segment "
        "{before_position} “{before_title}” ended; the show rests {rest} minutes between benefits",
    ),
    "intro_too_long": QT_TRANSLATE_NOOP(
        "Messages",
        "Segment {position} “{title}”: a product intro of {length}, over the show's limit of "
        "{limit} minutes",
    ),
    "offer_away_from_intro": QT_TRANSLATE_NOOP(
        "Messages",
        "Segment {position} “{title}”: the offer on “{product}” is not right before or after "
        "its product intro",
    ),
    "mix_off_target": QT_TRANSLATE_NOOP(
        "Messages",
        "Content mix {actual} % (products / promotions / interaction) is off the show's target "
        "of {target} %",
    ),
}

# The joining words of lists, marked here; they are no message of their own.
_AND = QT_TRANSLATE_NOOP("Messages", "{items} and {last}")
_AND_MORE = QT_TRANSLATE_NOOP("Messages", "{items} and {more} more")
_COMMA = QT_TRANSLATE_NOOP("Messages", ", ")
_BOTH = QT_TRANSLATE_NOOP("Messages", " and ")
_TITLED = QT_TRANSLATE_NOOP("Messages", "{position} “{title}”")


def _and(parts: list[str], translate: Translate) -> str:
    if len(parts) == 1:
        return parts[0]
    return translate(CONTEXT, _AND).format(
        items=translate(CONTEXT, _COMMA).join(parts[:-1]), last=parts[-1]
    )


def titled(position: int, title: str, translate: Translate) -> str:
    """A segment named by its place and its title."""
    return translate(CONTEXT, _TITLED).format(position=position, title=title)


def segment_names(positions: list[int], titles: list[str], translate: Translate) -> str:
    """Segments as a finding names them: with their titles when few, by number when many, the
    list cut short after NAMED_BY_NUMBER."""
    if len(positions) <= NAMED_WITH_TITLES:
        return _and(
            [titled(p, t, translate) for p, t in zip(positions, titles, strict=True)], translate
        )
    shown, more = shortened(positions, NAMED_BY_NUMBER)
    numbers = [str(p) for p in shown]
    if not more:
        return _and(numbers, translate)
    return translate(CONTEXT, _AND_MORE).format(
        items=translate(CONTEXT, _COMMA).join(numbers), more=more
    )


def _listed(finding: Finding, name: str) -> list[object]:
    value = finding.params.get(name, [])
    return list(value) if isinstance(value, list) else []


def _hostless(finding: Finding, translate: Translate) -> tuple[str, dict[str, object]]:
    positions = [p for p in _listed(finding, "positions") if isinstance(p, int)]
    titles = [str(title) for title in _listed(finding, "titles")]
    if len(positions) <= 1:
        return "intro_without_host", dict(finding.params)
    code = (
        "intros_without_host" if len(positions) <= NAMED_WITH_TITLES else "many_intros_without_host"
    )
    return code, {"count": len(positions), "segments": segment_names(positions, titles, translate)}


def _whole(figures: dict[str, object], name: str) -> int:
    value = figures.get(name, 0)
    return value if isinstance(value, int) else 0


def finding_words(finding: Finding, translate: Translate) -> str:
    """The finding in the user's language; its figures as people read them."""
    if finding.code == "intro_without_host":
        code, figures = _hostless(finding, translate)
        return translate(CONTEXT, TEXTS[code]).format_map(figures)
    p = dict(finding.params)
    figures = {
        **p,
        "exposure": format_yuan(_whole(p, "exposure_fen")),
        "budget": format_yuan(_whole(p, "budget_fen")),
        "price": format_yuan(_whole(p, "price_fen")),
        "floor": format_yuan(_whole(p, "floor_fen")),
        "discount": format_percent(_whole(p, "discount_bp")),
        "maximum": format_percent(_whole(p, "max_bp")),
        "offset": format_duration(_whole(p, "offset_s")),
        "length": format_duration(_whole(p, "duration_s")),
        "over": format_duration(_whole(p, "over_s")),
        "gap": format_duration(_whole(p, "gap_s")),
        "roles": translate(CONTEXT, _BOTH).join(
            translate("labels", ROLE_NAMES[Role(str(r))]) for r in _listed(finding, "roles")
        ),
    }
    if finding.code == "benefit_gap":
        figures["length"] = format_duration(_whole(p, "length_s"))
        figures["segments"] = segment_names(
            [n for n in _listed(finding, "positions") if isinstance(n, int)],
            [str(t) for t in _listed(finding, "titles")],
            translate,
        )
    text = TEXTS.get(finding.code)
    return translate(CONTEXT, text).format_map(figures) if text else finding.message
