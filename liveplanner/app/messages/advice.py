"""Advice from history (core.advice, core.advice_suggestions): why there is no projection, and
each suggestion with its reason and figures. Worded here for both front-ends."""

from collections.abc import Mapping

from liveplanner.app.messages.names import SEGMENT_KIND_NAMES
from liveplanner.app.translations import QT_TRANSLATE_NOOP, Translate
from liveplanner.core.enums import SegmentKind

TEXTS = {
    "advice.too_few_shows": QT_TRANSLATE_NOOP(
        "Messages",
        "only {shows} earlier shows that sold, by their GMV figures; {needed} needed: no "
        "projection rather than a guess",
    ),
    "advice.no_segments": QT_TRANSLATE_NOOP(
        "Messages", "the show has no segments yet: nothing to project"
    ),
    "advice.move_benefit": QT_TRANSLATE_NOOP(
        "Messages",
        "past viewers fell away by {drop} over the {span} minutes from minute {minute}: move "
        "{title} ({kind}) there, to position {to}",
    ),
    "advice.prime_product": QT_TRANSLATE_NOOP(
        "Messages",
        "{product} earned ¥{per_min}/min in past product intros, {other} ¥{other_per_min}/min: "
        "put {product} in the prime slot (the room was fullest at minute {minute}), position "
        "{to}",
    ),
    "advice.longer": QT_TRANSLATE_NOOP(
        "Messages",
        "{title} ran {ratio} of its plan (rehearsal takes: {takes}; past live segments: {runs}): "
        "plan {proposed} instead of {planned}",
    ),
    "advice.shorter": QT_TRANSLATE_NOOP(
        "Messages",
        "{title} ran only {ratio} of its plan (rehearsal takes: {takes}; past live segments: "
        "{runs}): plan {proposed} instead of {planned}",
    ),
    "advice.stock_up": QT_TRANSLATE_NOOP(
        "Messages",
        "{product} sold out in {sold_out} of {shows} past shows (at most {most_sold} sold): "
        "stock {proposed} instead of {stock}",
    ),
    "advice.stock_down": QT_TRANSLATE_NOOP(
        "Messages",
        "{product} sold at most {most_sold} in {shows} past shows, under a fifth of its stock: "
        "stock {proposed} instead of {stock}",
    ),
    "advice.add_benefit": QT_TRANSLATE_NOOP(
        "Messages",
        "no benefit for {gap} minutes from minute {from_minute} (the rhythm: one every {every} "
        "minutes): add a {kind} at position {at} (it earned ¥{per_min}/min before)",
    ),
}


def _duration(seconds: object) -> str:
    whole = int(str(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def advice_words(code: str, figures: Mapping[str, object], translate: Translate) -> str:
    """A suggestion's or reason's message in the user's language: money (figures named *_fen)
    in whole yuan, shares as percents, lengths as M:SS, kinds as the window names them."""
    shown: dict[str, object] = {}
    for name, value in figures.items():
        if name.endswith("_fen"):
            shown[name.removesuffix("_fen")] = (
                "—" if value is None else f"{float(str(value)) / 100:,.0f}"
            )
        elif name in ("drop", "ratio"):
            shown[name] = f"{float(str(value)) * 100:.0f}%"
        elif name.endswith("_s"):
            shown[name.removesuffix("_s")] = _duration(value)
        elif name == "kind":
            shown[name] = translate("labels", SEGMENT_KIND_NAMES[SegmentKind(str(value))])
        else:
            shown[name] = value
    return translate("Messages", TEXTS[code]).format_map(shown)
