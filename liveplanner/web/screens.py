"""The screens a sharing serves, each behind a token of its own: a page per role of the desk, a
page per person of the show (their cues, whatever role they hold in each segment), and a viewer
that sees floor control's page and ticks nothing (for a producer's tablet or a screen on the
studio wall)."""

import hmac
import secrets
from dataclasses import dataclass

from liveplanner.core.enums import Role
from liveplanner.core.live_desk import DESK_ROLES, roles_of
from liveplanner.core.plan import ShowPlan

VIEWER = "viewer"
SCREENS = (*(r.value for r in DESK_ROLES), VIEWER)
PERSON = "person:"  # a person's screen: person:ID


@dataclass(frozen=True, slots=True)
class Screen:
    name: str  # one of SCREENS, or person:ID
    role: Role | None  # whose view it shows (None: a person's)
    read_only: bool
    person_id: int | None = None


def screen(name: str) -> Screen:
    if name == VIEWER:
        return Screen(name, Role.FLOOR_CONTROL, True)
    if name.startswith(PERSON):
        return Screen(name, None, False, int(name.removeprefix(PERSON)))
    return Screen(name, Role(name), False)


def holds(plan: ShowPlan, shown: Screen, segment_index: int) -> set[Role]:
    """The roles a screen stands for now: its role, or those its person holds in the segment."""
    if shown.person_id is None:
        return {shown.role} if shown.role is not None else set()
    return roles_of(plan, shown.person_id, segment_index)


class Tokens:
    """A new random token per screen for each sharing: a link from an earlier sharing opens
    nothing."""

    def __init__(self, person_ids: tuple[int, ...] = ()) -> None:
        names = [*SCREENS, *(f"{PERSON}{i}" for i in person_ids)]
        self.by_screen = {name: secrets.token_urlsafe(18) for name in names}
        # A team's collector posts the platform's figures with its own token: it opens no page.
        self.feed = secrets.token_urlsafe(18)

    def is_feed(self, token: str) -> bool:
        return hmac.compare_digest(token.encode("utf-8", "replace"), self.feed.encode())

    def screen(self, token: str) -> Screen | None:
        """The screen `token` opens, or None. Every token is compared, in constant time, so
        the answer's timing tells nothing of how much of a guess was right."""
        found = None
        given = token.encode("utf-8", "replace")
        for name, expected in self.by_screen.items():
            if hmac.compare_digest(given, expected.encode()):
                found = name
        return None if found is None else screen(found)


def actor(plan: ShowPlan, role: Role, segment_index: int) -> str:
    """Who a screen's tick is logged as: the person holding the role in the current segment,
    else in the show's team, else the role itself (the page words it)."""
    names = {p.id: p.name for p in plan.people}
    person = None
    if 0 <= segment_index < len(plan.segments):
        person = plan.segments[segment_index].roles.get(role)
    if person is None:
        person = next((m.person_id for m in plan.team if m.role is role), None)
    return names.get(person or 0) or role.value
