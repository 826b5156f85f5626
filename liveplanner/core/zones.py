"""The time zones a producer picks from: the ones Chinese-market shows are run in first, then
every other place's zone by name."""

from functools import cache
from zoneinfo import available_timezones

COMMON_ZONES = (
    "Asia/Shanghai",  # mainland China: Douyin, Taobao Live, Kuaishou
    "Asia/Hong_Kong",
    "Asia/Taipei",
    "Asia/Macau",
    "Asia/Singapore",  # cross-border shows to South-East Asia's shopping platforms
    "Asia/Kuala_Lumpur",
    "Asia/Bangkok",
    "Asia/Ho_Chi_Minh",
    "Asia/Jakarta",
    "Asia/Manila",
    "Asia/Tokyo",
    "Asia/Seoul",
    "Europe/London",
    "America/Los_Angeles",
    "America/New_York",
    "UTC",
)
"""Offered first, in this order."""

_REGIONS = (
    "Africa/",
    "America/",
    "Antarctica/",
    "Asia/",
    "Atlantic/",
    "Australia/",
    "Europe/",
    "Indian/",
    "Pacific/",
)
"""Zones named Region/City; the old aliases (PRC, US/Pacific, Etc/GMT-8) are left out of the
list, though a show that already uses one keeps it."""


@cache
def other_zones() -> tuple[str, ...]:
    """Every other place's zone, by name."""
    common = set(COMMON_ZONES)
    return tuple(
        sorted(
            name
            for name in available_timezones()
            if name.startswith(_REGIONS) and name not in common
        )
    )


def zone_names() -> tuple[str, ...]:
    """Every zone offered, the common ones first."""
    return COMMON_ZONES + other_zones()


def zones_matching(text: str) -> list[str]:
    """The offered zones whose name holds `text`, ignoring case, spaces taken as underscores
    ("hong kong" finds Asia/Hong_Kong)."""
    needle = text.strip().casefold().replace(" ", "_")
    return [name for name in zone_names() if needle in name.casefold()]
