"""The show's rhythm (issue 20), a folded group of the Show panel: each field's label, what it
shows when the show keeps the default (a placeholder), how the stored value reads in it and how
what is typed is read back, as the columns it sets. Minutes for the limits; the content mix as
one field, '40 / 35 / 25', so its three shares change together and always add up to 100."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from liveplanner.core.plan import (
    DEFAULT_BENEFIT_EVERY_S,
    DEFAULT_BENEFIT_REST_S,
    DEFAULT_INTRO_LIMIT_S,
    DEFAULT_MIX_BP,
    Show,
)
from liveplanner.core.rhythm import mix_text
from liveplanner.core.rhythm_inputs import LEAST_MINUTES, MIX_COLUMNS, parse_minutes, parse_mix


def _minutes(seconds: int | None) -> str:
    return "" if seconds is None else str(seconds // 60)


def _minutes_field(column: str) -> Callable[[str], dict[str, Any]]:
    return lambda text: {column: parse_minutes(text, LEAST_MINUTES[column])}


def _mix(show: Show) -> str:
    r = show.rhythm
    mix = (r.mix_showcase_bp, r.mix_promotion_bp, r.mix_interaction_bp)
    return "" if None in mix else mix_text(show.rhythm.mix_bp)


def _mix_changes(text: str) -> dict[str, Any]:
    return dict(zip(MIX_COLUMNS, parse_mix(text), strict=True))


MIX_LABEL = QT_TRANSLATE_NOOP("ShowForm", "Mix target (%)")
MIX_TIP = QT_TRANSLATE_NOOP(
    "ShowForm", "Products / promotions / interaction, in per cent of their time, adding up to 100"
)

# (column, label, placeholder: the default, read, parse into changes); labels in ShowForm.
FIELDS: tuple[tuple[str, str, str, Callable[[Show], str], Callable[[str], dict[str, Any]]], ...] = (
    (
        "rhythm_benefit_every_s",
        QT_TRANSLATE_NOOP("ShowForm", "A benefit at least every (min)"),
        str(DEFAULT_BENEFIT_EVERY_S // 60),
        lambda s: _minutes(s.rhythm.benefit_every_s),
        _minutes_field("rhythm_benefit_every_s"),
    ),
    (
        "rhythm_benefit_rest_s",
        QT_TRANSLATE_NOOP("ShowForm", "Rest after a benefit (min)"),
        str(DEFAULT_BENEFIT_REST_S // 60),
        lambda s: _minutes(s.rhythm.benefit_rest_s),
        _minutes_field("rhythm_benefit_rest_s"),
    ),
    (
        "rhythm_intro_limit_s",
        QT_TRANSLATE_NOOP("ShowForm", "Product intro at most (min)"),
        str(DEFAULT_INTRO_LIMIT_S // 60),
        lambda s: _minutes(s.rhythm.intro_limit_s),
        _minutes_field("rhythm_intro_limit_s"),
    ),
    ("rhythm_mix", MIX_LABEL, mix_text(DEFAULT_MIX_BP), _mix, _mix_changes),
)

# The mix's columns as the history names them, one share each.
_MIX_SHARE_LABELS = dict(
    zip(
        MIX_COLUMNS,
        (
            QT_TRANSLATE_NOOP("ShowForm", "Mix target: products (%)"),
            QT_TRANSLATE_NOOP("ShowForm", "Mix target: promotions (%)"),
            QT_TRANSLATE_NOOP("ShowForm", "Mix target: interaction (%)"),
        ),
        strict=True,
    )
)


def field_label(column: str) -> str | None:
    """The translated label of a rhythm column; None for another column."""
    label = _MIX_SHARE_LABELS.get(column) or next(
        (label for name, label, *_rest in FIELDS if name == column), None
    )
    return None if label is None else QCoreApplication.translate("ShowForm", label)


def any_set(show: Show) -> bool:
    return any(read(show) for *_first, read, _parse in FIELDS)
