"""A campaign: shows on any platform aimed at one target over a stretch of dates (双11, 黑五,
a quarter)."""

from dataclasses import dataclass, field
from datetime import date

from liveplanner.core.plan import Targets


@dataclass(frozen=True, slots=True)
class Campaign:
    id: int
    title: str
    starts_on: date
    ends_on: date  # the last day it runs, inclusive
    targets: Targets = field(default_factory=Targets)
    notes: str = ""
    show_ids: tuple[int, ...] = ()  # by planned start
    version: int = 1
