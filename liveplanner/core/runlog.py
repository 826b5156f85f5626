"""A run of a show on the timer (a rehearsal take or the live show) as plain records."""

from dataclasses import dataclass
from datetime import datetime

from liveplanner.core.enums import DeskEventKind, RunEventKind, RunKind


@dataclass(frozen=True, slots=True)
class RunEvent:
    seq: int
    kind: RunEventKind
    wall_time: datetime  # aware, UTC
    monotonic_s: float
    segment_id: int | None = None
    segment_position: int | None = None  # 0-based, as the segment stood when it ran
    seconds: int | None = None  # time added (negative: removed)
    text: str = ""


@dataclass(frozen=True, slots=True)
class Run:
    id: int
    show_id: int
    kind: RunKind
    started_at: datetime
    ended_at: datetime | None
    events: tuple[RunEvent, ...] = ()


@dataclass(frozen=True, slots=True)
class DeskEvent:
    """What a screen of the live desk logged during a run (core.live_desk)."""

    seq: int
    kind: DeskEventKind
    wall_time: datetime  # aware, UTC; the clock of the computer that logged it
    item: str  # an item's key (core.live_desk), or promo:ID / product:ID for a counter
    actor: str = ""  # who: a person's name or a role
    quantity: int | None = None  # a counter's units
