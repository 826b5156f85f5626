"""A finding: what a check of a show's plan says is wrong or risky, and the segments it names
(core/rules and core/rhythm make them; app/messages words them)."""

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

T = TypeVar("T")


class Severity(StrEnum):
    ERROR = "error"  # the show cannot run as planned: fix before going live
    WARNING = "warning"  # probably a mistake, or a risk to decide on


@dataclass(frozen=True, slots=True)
class Finding:
    severity: Severity
    code: str
    entity: str  # show, segment, product, promo, release or duty
    entity_id: int
    field: str | None  # the offending field, for a marker on its cell
    message: str
    # dataclasses.field: inside the class body `field` names the attribute above.
    params: dict[str, object] = dataclasses.field(default_factory=dict, compare=False)
    entity_ids: tuple[int, ...] = ()
    """Every entity one finding groups (the same fix for all); empty when it is about one."""

    def about(self) -> tuple[int, ...]:
        """The ids of every entity the finding is about, entity_id first."""
        return self.entity_ids or (self.entity_id,)


NAMED_WITH_TITLES = 3  # up to this many segments are named with their titles
NAMED_BY_NUMBER = 10  # more are named by number only, this many, then "and N more"


def shortened(items: Sequence[T], limit: int) -> tuple[list[T], int]:
    """The first `limit` items and how many more there are; all of them if one more would do
    (", and 1 more" is no shorter than naming it)."""
    if len(items) <= limit + 1:
        return list(items), 0
    return list(items[:limit]), len(items) - limit


def segment_list(named: Sequence[tuple[int, str]]) -> str:
    """Segments for the CLI: '3 'Intro', 5 'Q&A'' when few, '3, 5, 7, ... and 4 more' when many."""
    if len(named) <= NAMED_WITH_TITLES:
        parts = [f"{position} {title!r}" for position, title in named]
        more = 0
    else:
        shown, more = shortened(named, NAMED_BY_NUMBER)
        parts = [str(position) for position, _ in shown]
    if more:
        return f"{', '.join(parts)} and {more} more"
    return ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else parts[0]
