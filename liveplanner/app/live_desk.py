"""A show's live desk: follows the show's current run in the database, whichever process times
it (the host's window on this computer or another), and takes the team's ticks and counters.

Every screen reads the same desk: the host's window, a role's window and the pages served on
the studio network (web/). The run log in the database is the one source: a desk polls it
(`poll`, a few times a second) and rebuilds the timer from it as the window's own timer would be
resumed, so a screen shows the run within a poll of the host pressing a key. Safe to use from
several threads.
"""

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from liveplanner.core.clock import (
    DEFAULT_DANGER_S,
    DEFAULT_WARNING_S,
    SegmentTimer,
    resume,
    timer_segments,
)
from liveplanner.core.enums import DeskEventKind, Role, RunKind
from liveplanner.core.live_desk import (
    MAX_UNITS,
    DeskItem,
    DeskState,
    DeskView,
    desk_items,
    desk_state,
    desk_view,
    is_mine,
    roles_of,
)
from liveplanner.core.plan import ShowPlan
from liveplanner.core.runlog import DeskEvent, RunEvent
from liveplanner.storage import desk, runs, shows
from liveplanner.storage.database import Database
from liveplanner.storage.errors import StorageError

# Who may set a counter (sold out, units released or sold): the back end of the show.
COUNTING_ROLES = (Role.FLOOR_CONTROL, Role.OPS)


class DeskRefusal(StorageError):
    """A tick or counter the desk does not take: said to the screen that sent it."""


@dataclass(frozen=True, slots=True)
class Followed:
    run_id: int
    kind: RunKind
    ended: bool


class LiveDesk:
    def __init__(
        self,
        db: Database,
        show_id: int,
        *,
        now: Callable[[], float] = time.monotonic,
        wall: Callable[[], datetime] = lambda: datetime.now(UTC),
        warning_s: int = DEFAULT_WARNING_S,
        danger_s: int = DEFAULT_DANGER_S,
    ) -> None:
        self.db, self.show_id = db, show_id
        self._now = now
        self.wall = wall  # the studio's clock: when a tick or a typed figure happened
        self.plan: ShowPlan = shows.load_plan(db, show_id)
        self.items: list[DeskItem] = desk_items(self.plan)
        self._by_key = {i.key: i for i in self.items}
        self._segments = timer_segments(self.plan, warning_s, danger_s)
        self._lock = threading.Lock()
        self.followed: Followed | None = None
        self._events: list[RunEvent] = []
        self._desk: list[DeskEvent] = []
        self._timer = SegmentTimer(self._segments, now, wall)
        self._state = DeskState()
        self.version = 0  # grows with every change a screen should redraw for
        self.poll()

    # Following the run

    def poll(self) -> bool:
        """Read what the run log gained since the last poll; True when anything changed."""
        current = desk.current_run(self.db, self.show_id)
        with self._lock:
            followed = self.followed
        if current is not None and (followed is None or current[0] != followed.run_id):
            followed = Followed(current[0], current[1], False)
            events: list[RunEvent] = []
            logged: list[DeskEvent] = []
        elif followed is None:
            return False  # no run yet: the plan, counting nothing
        else:
            with self._lock:
                events, logged = list(self._events), list(self._desk)
        last_seq = events[-1].seq if events else -1
        ended, new = runs.run_since(self.db, followed.run_id, last_seq)
        more = desk.desk_events(self.db, followed.run_id, logged[-1].seq if logged else -1)
        now_ended = ended is not None
        if not new and not more and followed == self.followed and now_ended == followed.ended:
            return False
        events += new
        logged += more
        timer = resume(self._segments, events, self._now, self.wall) if events else None
        with self._lock:
            self.followed = Followed(followed.run_id, followed.kind, now_ended)
            self._events, self._desk = events, logged
            if timer is not None:
                self._timer = timer
            self._state = desk_state(self.plan, logged)
            self.version += 1
        return True

    # What the screens show

    def view(self, role: Role | None = None, person_id: int | None = None) -> DeskView:
        with self._lock:
            reading = self._timer.read()
            state = self._state
        return desk_view(self.plan, reading, state, role, person_id, self.items)

    def may_tick(self, key: str, role: Role | None, person_id: int | None) -> bool:
        item = self._by_key.get(key)
        return (
            item is not None
            and (role is not None or person_id is not None)
            and (is_mine(self.plan, item, role, person_id))
        )

    def counting(self, role: Role | None, person_id: int | None) -> Role | None:
        """The counting role a screen stands for now (floor control or ops: its own, or one its
        person holds in the current segment), or None: that screen sets no counter and types no
        figure. Every screen asks this, the window's and the pages'."""
        if person_id is None:
            return role if role in COUNTING_ROLES else None
        with self._lock:
            index = self._timer.read().index
        held = roles_of(self.plan, person_id, index)
        return next((r for r in COUNTING_ROLES if r in held), None)

    # What the screens send

    def tick(
        self, key: str, actor: str, role: Role | None, person_id: int | None, undo: bool = False
    ) -> DeskEvent:
        """Tick an item off (or take the tick back) for a screen's role or person."""
        if not self.may_tick(key, role, person_id):
            raise DeskRefusal(
                f"this screen does not tick {key!r}", code="desk.not_yours", figures={"item": key}
            )
        kind = DeskEventKind.UNTICKED if undo else DeskEventKind.TICKED
        return self._log(kind, key, actor)

    def count(
        self, kind: DeskEventKind, item: str, quantity: int | None, actor: str, role: Role | None
    ) -> DeskEvent:
        """Set a counter: units of a promo released (+N) or claimed so far, a product's units
        sold so far, or a promo or product sold out."""
        if role not in COUNTING_ROLES:
            raise DeskRefusal(
                "only floor control and ops set the counters", code="desk.not_counting"
            )
        target, _, number = item.partition(":")
        known = {
            "promo": {p.id for p in self.plan.promos},
            "product": {p.id for p in self.plan.products},
        }
        if not number.isdigit() or int(number) not in known.get(target, set()):
            raise DeskRefusal(
                f"the show has no {item!r}", code="desk.no_item", figures={"item": item}
            )
        needs = kind is not DeskEventKind.SOLD_OUT
        if needs and (quantity is None or not 0 <= quantity <= MAX_UNITS):
            raise DeskRefusal(
                f"units must be a whole number from 0 to {MAX_UNITS:,}, not {quantity!r}",
                code="desk.bad_units",
                figures={"value": str(quantity), "most": MAX_UNITS},
            )
        return self._log(kind, item, actor, quantity if needs else None)

    def _log(
        self, kind: DeskEventKind, item: str, actor: str, quantity: int | None = None
    ) -> DeskEvent:
        with self._lock:
            followed = self.followed
        if followed is None or followed.ended:
            raise DeskRefusal("no run is open: start the run first", code="desk.no_run")
        event = desk.log_desk_event(
            self.db, followed.run_id, kind, self.wall(), item, actor, quantity
        )
        self.poll()
        return event
