"""A show's plan as plain, immutable objects: what storage returns and what core/ computes on.

References between objects are ids. A plan built in memory (a template, the demo, an imported
file) uses its own local ids; storage maps them to database ids when it saves the plan.
"""

from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from liveplanner.core.alert_settings import AlertSettings
from liveplanner.core.enums import (
    Platform,
    PromoKind,
    Role,
    SegmentKind,
    ShowStatus,
)
from liveplanner.core.refused import Refused

DEFAULT_TIME_ZONE = "Asia/Shanghai"
MAX_TITLE = 200  # characters in a show's or segment's title
# Characters in any free text of a show (notes, talking points, a cue): an Excel cell's limit,
# so every text a show holds survives an XLSX export and its re-import whole.
MAX_TEXT = 32_767

# When a show can be: the one place that says so. A show starts, and its minutes fall, in the
# years 2000 to 2099 (wall time in the show's zone, so naive here). Nothing of a show is older
# than the trade, and a year 9999 or 0001 is a typing slip that broke every figure after it.
FIRST_SHOW_TIME = datetime(2000, 1, 1)
LAST_SHOW_TIME = datetime(2100, 1, 1)  # the first instant past the domain
# How long and how big a show can be. No segment of a show runs a day; the trade's scripts run
# to a few hundred segments (a 12-hour show of 43-second product intros is about 1,000). So a
# show lasts at most MAX_SHOW_S (about 2.7 years): one that starts by 2099 ends before 2103,
# far inside what datetime and pandas can count, and its seconds fit a 32-bit integer.
MAX_SEGMENT_S = 24 * 3600
MAX_SEGMENTS = 1_000
MAX_SHOW_S = MAX_SEGMENTS * MAX_SEGMENT_S
MAX_PRODUCTS = 1_000  # products of one show: one per segment, and a products sheet's spares


def in_show_years(moment: datetime) -> bool:
    """Whether a show can have this time: its wall time (an aware one's in its own offset)
    within FIRST_SHOW_TIME and LAST_SHOW_TIME. Never converts, so year 1 or 9999 cannot overflow."""
    return FIRST_SHOW_TIME <= moment.replace(tzinfo=None) < LAST_SHOW_TIME


def shown_time(moment: datetime) -> str:
    """YYYY-MM-DD HH:MM, zero-padded for any year (strftime writes year 1 as "1")."""
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d} "
        f"{moment.hour:02d}:{moment.minute:02d}"
    )


_NOT_ZONES = frozenset({"localtime", "posixrules", "Factory"})  # files in the tz folder, not places


@cache
def time_zone(name: str) -> ZoneInfo:
    """The IANA zone called `name`; ValueError for anything else (also 'localtime', which would
    mean whatever machine the show happens to be opened on)."""
    if name in _NOT_ZONES or name not in available_timezones():
        raise Refused(
            f"unknown time zone {name!r}; expected a name like Asia/Shanghai",
            "input.unknown_zone",
            zone=name,
        )
    return ZoneInfo(name)


@dataclass(frozen=True, slots=True)
class Targets:
    """What the show aims for; None where no target was set."""

    gmv_fen: int | None = None
    viewers: int | None = None
    conversion_bp: int | None = None  # buyers / viewers
    new_followers: int | None = None
    interaction_bp: int | None = None
    # Whether the show paid (issue 19): each met when the result reaches it...
    uv_value_fen: int | None = None  # GMV per unique viewer
    aov_fen: int | None = None  # GMV per order
    gpm_fen: int | None = None  # GMV per 1,000 views
    roi_bp: int | None = None  # GMV / ad spend, x 10,000 (2.5 is 25,000)
    gross_profit_fen: int | None = None
    margin_bp: int | None = None  # gross profit / GMV
    net_gmv_fen: int | None = None  # GMV less refunds
    avg_watch_s: int | None = None  # average watch time (停留时长)
    # ...and these met when the result stays at or under it.
    max_ad_spend_fen: int | None = None
    max_refund_bp: int | None = None  # refunds / GMV (退款率)


# The rhythm a show keeps when its producer sets none (issue 20). The trade spaces benefits 15 to
# 30 minutes apart; 20 keeps a room that turns over every few minutes. A benefit right after
# another spends the budget without holding anyone new: those watching stayed for the first one,
# and the newcomers a benefit holds need a few minutes to arrive, so 5 minutes of rest.
DEFAULT_BENEFIT_EVERY_S = 20 * 60
DEFAULT_BENEFIT_REST_S = 5 * 60
DEFAULT_INTRO_LIMIT_S = 8 * 60  # the selling point lands in 30 s; past 8 minutes viewers drift
# The campaign mix the trade's plans aim for (DOMAIN.md), in basis points of the time spent on
# showcase, promotions and interaction (opening, closing and other segments sit outside it).
DEFAULT_MIX_BP = (4_000, 3_500, 2_500)


@dataclass(frozen=True, slots=True)
class Rhythm:
    """How a show paces its benefits, intros and content mix; None where the show keeps the
    default. The mix is set whole (its three shares add up to 100 %) or not at all."""

    benefit_every_s: int | None = None  # the longest stretch without a benefit
    benefit_rest_s: int | None = None  # the least time between one benefit's end and the next
    intro_limit_s: int | None = None  # the longest product intro
    mix_showcase_bp: int | None = None
    mix_promotion_bp: int | None = None
    mix_interaction_bp: int | None = None

    @property
    def every_s(self) -> int:
        return DEFAULT_BENEFIT_EVERY_S if self.benefit_every_s is None else self.benefit_every_s

    @property
    def rest_s(self) -> int:
        return DEFAULT_BENEFIT_REST_S if self.benefit_rest_s is None else self.benefit_rest_s

    @property
    def intro_s(self) -> int:
        return DEFAULT_INTRO_LIMIT_S if self.intro_limit_s is None else self.intro_limit_s

    @property
    def mix_bp(self) -> tuple[int, int, int]:
        """Showcase, promotion and interaction, in basis points adding up to 10,000."""
        mix = (self.mix_showcase_bp, self.mix_promotion_bp, self.mix_interaction_bp)
        if None in mix:
            return DEFAULT_MIX_BP
        return (self.mix_showcase_bp or 0, self.mix_promotion_bp or 0, self.mix_interaction_bp or 0)


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    name: str
    version: int = 1


@dataclass(frozen=True, slots=True)
class TeamMember:
    """A person's role on one show's team."""

    id: int
    person_id: int
    role: Role
    version: int = 1


@dataclass(frozen=True, slots=True)
class Product:
    id: int
    sku: str
    name: str
    list_price_fen: int | None = None
    live_price_fen: int | None = None
    unit_cost_fen: int | None = None
    stock: int | None = None  # units set aside for this show
    version: int = 1


@dataclass(frozen=True, slots=True)
class Promo:
    """A coupon, flash sale, lucky draw or gift with its limits.

    face_value_fen is a coupon's value or a prize's worth; special_price_fen a flash sale's price.
    """

    id: int
    kind: PromoKind
    name: str
    product_id: int | None = None
    quantity: int | None = None
    face_value_fen: int | None = None
    special_price_fen: int | None = None
    threshold_fen: int | None = None
    per_user_limit: int | None = None
    budget_fen: int | None = None
    notes: str = ""
    version: int = 1


@dataclass(frozen=True, slots=True)
class Release:
    """Part of a promo put out during a segment, `offset_s` seconds into it."""

    id: int
    promo_id: int
    segment_id: int
    offset_s: int
    quantity: int
    version: int = 1


@dataclass(frozen=True, slots=True)
class Duty:
    """A cue for a role (or one person) at an offset in a segment: "release 500 coupons"."""

    id: int
    segment_id: int
    offset_s: int
    cue: str
    role: Role | None = None
    person_id: int | None = None
    version: int = 1


@dataclass(frozen=True, slots=True)
class Segment:
    id: int
    kind: SegmentKind
    title: str
    duration_s: int
    product_id: int | None = None
    talking_points: str = ""
    notes: str = ""
    roles: dict[Role, int] = field(default_factory=dict)  # role -> person id for this segment
    version: int = 1


@dataclass(frozen=True, slots=True)
class Show:
    """The show's own fields. `planned_start` and the stops are aware datetimes."""

    id: int
    title: str
    planned_start: datetime
    platform: Platform = Platform.DOUYIN
    room: str = ""
    time_zone: str = DEFAULT_TIME_ZONE
    status: ShowStatus = ShowStatus.DRAFT
    targets: Targets = field(default_factory=Targets)
    rhythm: Rhythm = field(default_factory=Rhythm)
    max_discount_bp: int | None = None  # largest allowed cut from the list price
    min_margin_bp: int | None = None  # price floor = unit cost x (1 + min margin)
    planned_end: datetime | None = None  # end of the booked slot
    hard_stop: datetime | None = None  # the stream must be off by then
    notes: str = ""
    version: int = 1
    unlocked: bool = False  # someone unlocked the approved script on purpose

    @property
    def locked(self) -> bool:
        """Past draft the script is locked, so nobody changes an approved or live show by
        accident; an explicit unlock opens it until the status next changes."""
        return self.status is not ShowStatus.DRAFT and not self.unlocked


@dataclass(frozen=True, slots=True)
class ShowPlan:
    """A whole show: its fields, team, products, promos and ordered segments, and its live
    alerts' thresholds (None: the show set none, so each is at its default, as for a new show)."""

    show: Show
    segments: tuple[Segment, ...] = ()
    people: tuple[Person, ...] = ()
    team: tuple[TeamMember, ...] = ()
    products: tuple[Product, ...] = ()
    promos: tuple[Promo, ...] = ()
    releases: tuple[Release, ...] = ()
    duties: tuple[Duty, ...] = ()
    # Kept in their own table (storage.feed), but a copy, a template and a show file carry
    # them with the plan, as they carry its rhythm.
    alerts: AlertSettings | None = None

    def person(self, person_id: int | None) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    def product(self, product_id: int | None) -> Product | None:
        return next((p for p in self.products if p.id == product_id), None)

    def promo(self, promo_id: int | None) -> Promo | None:
        return next((p for p in self.promos if p.id == promo_id), None)

    def team_people(self, role: Role) -> list[Person]:
        ids = [m.person_id for m in self.team if m.role is role]
        return [p for p in self.people if p.id in ids]
