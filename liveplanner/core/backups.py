"""Which backups to keep as they age: all of today's and yesterday's, then the newest of each of
the 12 most recent days, the 10 most recent weeks and the 9 most recent months that have one.

The rules count independently over the older backups and the kept set is their union, so a
backup that is both a day's and a week's newest is kept once. Days, weeks (ISO, Monday first)
and months are the user's, in the zone of `now`.
"""

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta

DAILY = 12
WEEKLY = 10
MONTHLY = 9


def _newest_per(
    stamps: list[datetime], bucket: Callable[[datetime], object], count: int
) -> set[datetime]:
    """The newest stamp in each of the `count` most recent buckets that hold one."""
    newest: dict[object, datetime] = {}
    for stamp in sorted(stamps, reverse=True):
        key = bucket(stamp)
        if key not in newest:
            if len(newest) == count:
                break
            newest[key] = stamp
    return set(newest.values())


def backups_to_keep(stamps: Iterable[datetime], now: datetime) -> set[datetime]:
    """The stamps (aware) of the backups to keep; the others may be deleted."""
    zone = now.tzinfo
    local = {stamp: stamp.astimezone(zone) for stamp in stamps}
    yesterday: date = (now - timedelta(days=1)).date()
    recent = {stamp for stamp, at in local.items() if at.date() >= yesterday}
    older = [at for stamp, at in local.items() if stamp not in recent]
    kept_local = (
        _newest_per(older, lambda at: at.date(), DAILY)
        | _newest_per(older, lambda at: at.isocalendar()[:2], WEEKLY)
        | _newest_per(older, lambda at: (at.year, at.month), MONTHLY)
    )
    return recent | {stamp for stamp, at in local.items() if at in kept_local}
