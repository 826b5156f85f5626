"""The screens a sharing serves, each behind a token of its own: a page per role of the desk,
and a viewer that sees floor control's page and ticks nothing (for a producer's tablet or a
screen on the studio wall)."""

import hmac
import secrets
from dataclasses import dataclass

from liveplanner.core.enums import Role
from liveplanner.core.live_desk import DESK_ROLES
from liveplanner.core.plan import ShowPlan

VIEWER = "viewer"
SCREENS = (*(r.value for r in DESK_ROLES), VIEWER)


@dataclass(frozen=True, slots=True)
class Screen:
    name: str  # one of SCREENS
    role: Role  # whose view it shows
    read_only: bool


def screen(name: str) -> Screen:
    if name == VIEWER:
        return Screen(name, Role.FLOOR_CONTROL, True)
    return Screen(name, Role(name), False)


class Tokens:
    """A new random token per screen for each sharing: a link from an earlier sharing opens
    nothing."""

    def __init__(self) -> None:
        self.by_screen = {name: secrets.token_urlsafe(18) for name in SCREENS}

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
