"""A show's history in words: one sentence per change, in the user's language.

Values are read back from the history's JSON (enums as their values, times as ISO text, money in
fen) and shown as the editor shows them: names for ids, ¥ for fen, m:ss for seconds.
"""

from collections.abc import Callable
from contextlib import suppress
from datetime import datetime
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication

from liveplanner.app.history import Change
from liveplanner.core.enums import Platform, PromoKind, Role, SegmentKind, ShowStatus
from liveplanner.ui import labels


def entity_name(entity: str) -> str:
    return {
        "show": QCoreApplication.translate("history", "show"),
        "segment": QCoreApplication.translate("history", "segment"),
        "cue": QCoreApplication.translate("history", "cue"),
        "product": QCoreApplication.translate("history", "product"),
        "promo": QCoreApplication.translate("history", "promo"),
        "release": QCoreApplication.translate("history", "release"),
        "team member": QCoreApplication.translate("history", "team member"),
        "note": QCoreApplication.translate("history", "note"),
    }.get(entity, entity)


class Names:
    """Names for the ids a change holds: people, products and promos of the show."""

    def __init__(
        self,
        people: dict[int, str],
        products: dict[int, str],
        promos: dict[int, str],
    ) -> None:
        self.people, self.products, self.promos = people, products, promos

    def of(self, field: str, id_: int) -> str | None:
        if field == "product_id":
            return self.products.get(id_)
        if field == "promo_id":
            return self.promos.get(id_)
        return self.people.get(id_)  # a person, or who plays a role


ENUMS: dict[str, Callable[[Any], Enum]] = {
    "status": ShowStatus,
    "platform": Platform,
    "role": Role,
}


def show_value(entity: str, field: str, stored: Any, names: Names) -> str:
    """A value as the history's JSON holds it (enums as values, times as ISO text), read as the
    editor shows it."""
    field = field.removeprefix("role:")
    kind = ENUMS.get(field)
    if field == "kind":
        kind = {"segment": SegmentKind, "promo": PromoKind}.get(entity)
    if kind is not None and stored is not None:
        with suppress(ValueError):  # a kind this version does not know is shown as written
            stored = kind(stored)
    if field in {"planned_start", "planned_end", "hard_stop", "minute"} and stored:
        stored = datetime.fromisoformat(stored)
    text = labels.field_value(field, stored, names.of)
    return text if len(text) <= 40 else text[:39] + "…"


def field_name(entity: str, field: str) -> str:
    if field.startswith("role:"):
        return labels.segment_field(field.removeprefix("role:"))
    if entity == "show":
        return labels.show_field(field)
    if entity == "segment":
        return labels.segment_field(field)
    return labels.part_field(field)


# Show fields said as events of their own ("Status: Draft → Approved"), not as values.
SHOW_EVENTS = frozenset({"status", "unlocked", "deleted_at"})


def describe(change: Change, names: Names) -> str:
    """What the change did, e.g. 'Changed segment “Opening”: Length 5:00 → 6:00'."""
    fields = change.fields
    events = _show_event(fields, names) if change.entity == "show" else ""
    if events and not set(fields) - SHOW_EVENTS:
        return events
    if change.entity == "segment" and change.action == "reordered":
        return QCoreApplication.translate("history", "Reordered the segments")
    if change.entity == "metrics":
        return QCoreApplication.translate("history", "Imported metrics from %1").replace(
            "%1", change.label
        )
    if change.entity == "products":
        return QCoreApplication.translate("history", "Imported product figures from %1").replace(
            "%1", change.label
        )
    if change.entity == "show" and change.action == "added":
        return QCoreApplication.translate("history", "Created the show")
    what = entity_name(change.entity)
    if change.label:
        what += f" “{_short(change.label)}”"
    if change.action == "added":
        return QCoreApplication.translate("history", "Added %1").replace("%1", what)
    if change.action == "removed":
        return QCoreApplication.translate("history", "Removed %1").replace("%1", what)
    parts = [
        f"{field_name(change.entity, f)} {show_value(change.entity, f, before, names)} → "
        f"{show_value(change.entity, f, after, names)}"
        for f, (before, after) in fields.items()
        if f not in SHOW_EVENTS
    ]
    changed = (
        QCoreApplication.translate("history", "Changed %1: %2")
        .replace("%1", what)
        .replace("%2", "; ".join(parts))
    )
    return f"{events}; {changed}" if events else changed


def _show_event(fields: dict[str, list[Any]], names: Names) -> str:
    """A status change, an unlock or a move to the bin, said on its own line."""
    said = []
    if "status" in fields:
        before, after = fields["status"]
        said.append(
            QCoreApplication.translate("history", "Status: %1 → %2")
            .replace("%1", show_value("show", "status", before, names))
            .replace("%2", show_value("show", "status", after, names))
        )
    if "unlocked" in fields and "status" not in fields:
        said.append(
            QCoreApplication.translate("history", "Unlocked the script for editing")
            if fields["unlocked"][1]
            else QCoreApplication.translate("history", "Locked the script again")
        )
    if "deleted_at" in fields:
        said.append(
            QCoreApplication.translate("history", "Moved the show to the bin")
            if fields["deleted_at"][1]
            else QCoreApplication.translate("history", "Took the show back out of the bin")
        )
    return "; ".join(said)


def _short(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= 30 else line[:29] + "…"
