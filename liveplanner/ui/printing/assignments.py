"""Who does what: the people a cue is meant for, and each person's segments and cues in clock order.

A cue names a person, or a role. A role is filled by whoever the segment gives it to, else by the
team's people in that role; a role nobody fills gets a card of its own, so no cue is lost on paper.
A cue naming neither is for everyone.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from liveplanner.core.enums import Role
from liveplanner.core.plan import Duty, Person, Segment, ShowPlan
from liveplanner.core.schedule import Slot, schedule


def clock_time(slot: Slot, offset_s: int) -> datetime:
    """The clock time `offset_s` into a segment; reckoned in UTC like the schedule, so a change
    to or from summer time cannot shift it."""
    return (slot.start.astimezone(UTC) + timedelta(seconds=offset_s)).astimezone(slot.start.tzinfo)


def cue_people(plan: ShowPlan, duty: Duty, segment: Segment) -> tuple[int, ...] | None:
    """Ids of the people `duty` (in `segment`) is for: None when it names no one, so is for
    everyone; () when it names a role nobody fills."""
    if duty.person_id is not None:
        return (duty.person_id,)
    if duty.role is None:
        return None
    if duty.role in segment.roles:
        return (segment.roles[duty.role],)
    return tuple(dict.fromkeys(m.person_id for m in plan.team if m.role is duty.role))


@dataclass(frozen=True, slots=True)
class TimedCue:
    at: datetime  # clock time: the segment's planned start plus the cue's offset
    duty: Duty


@dataclass(frozen=True, slots=True)
class CardRow:
    slot: Slot
    segment: Segment
    roles: tuple[Role, ...]  # what the card's holder is in this segment; () when only cued
    cues: tuple[TimedCue, ...]


@dataclass(frozen=True, slots=True)
class Card:
    person: Person | None  # None: a role no one on the team fills
    roles: tuple[Role, ...]
    rows: tuple[CardRow, ...]


def _role_order(roles: set[Role]) -> tuple[Role, ...]:
    return tuple(r for r in Role if r in roles)


def cards(plan: ShowPlan) -> list[Card]:
    """A card for everyone on the team, named in a segment or cued, then for unfilled roles."""
    slots = {slot.segment_id: slot for slot in schedule(plan).slots}
    known = {p.id for p in plan.people}
    # The team in role order first, then anyone else as the script meets them.
    order = [m.person_id for m in sorted(plan.team, key=lambda m: list(Role).index(m.role))]
    for segment in plan.segments:
        order.extend(segment.roles.values())
    order.extend(d.person_id for d in plan.duties if d.person_id is not None)
    people = [pid for pid in dict.fromkeys(order) if pid in known]

    cues: dict[int | Role, dict[int, list[TimedCue]]] = {}  # holder -> segment id -> cues
    for segment in plan.segments:
        for duty in sorted(
            (d for d in plan.duties if d.segment_id == segment.id), key=lambda d: (d.offset_s, d.id)
        ):
            timed = TimedCue(clock_time(slots[segment.id], duty.offset_s), duty)
            ids = cue_people(plan, duty, segment)
            holders: tuple[int | Role, ...] = tuple(people) if ids is None else ids
            if not holders and duty.role is not None:
                holders = (duty.role,)
            for holder in holders:
                cues.setdefault(holder, {}).setdefault(segment.id, []).append(timed)

    result = []
    for pid in people:
        on = {s.id: {r for r, p in s.roles.items() if p == pid} for s in plan.segments}
        team_roles = {m.role for m in plan.team if m.person_id == pid}
        mine = cues.get(pid, {})
        rows = tuple(
            CardRow(slots[s.id], s, _role_order(on[s.id]), tuple(mine.get(s.id, ())))
            for s in plan.segments
            if on[s.id] or s.id in mine
        )
        all_roles = team_roles.union(*on.values())
        result.append(Card(plan.person(pid), _role_order(all_roles), rows))
    for role in Role:
        if role in cues:
            rows = tuple(
                CardRow(slots[s.id], s, (), tuple(cues[role][s.id]))
                for s in plan.segments
                if s.id in cues[role]
            )
            result.append(Card(None, (role,), rows))
    return result
