"""Thinning backups over a year: all of today and yesterday, then 12 daily, 10 weekly, 9 monthly;
and a failed backup never removes an older one."""

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from liveplanner.core.backups import backups_to_keep
from liveplanner.storage import backup
from liveplanner.storage.errors import StorageError

ZONE = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=ZONE)  # a Sunday


def _every_six_hours_for_a_year() -> list[datetime]:
    first = datetime(2025, 11, 22, 0, 0, tzinfo=ZONE)
    stamps = []
    at = first
    while at <= NOW:
        stamps.append(at)
        at += timedelta(hours=6)
    return stamps


def _day(month: int, day: int, hour: int = 18) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=ZONE)


def test_a_year_of_backups_thins_to_exactly_the_expected_set() -> None:
    kept = backups_to_keep(_every_six_hours_for_a_year(), NOW)
    today = {_day(11, 22, 0), _day(11, 22, 6)}
    yesterday = {_day(11, 21, h) for h in (0, 6, 12, 18)}
    daily = {_day(11, d) for d in range(9, 21)}  # Nov 20 back to Nov 9: 12 days
    # The newest of each ISO week: weeks from Monday Nov 16 back to Monday Sep 14.
    weekly = {_day(11, 20), _day(11, 15), _day(11, 8), _day(11, 1), _day(10, 25), _day(10, 18)}
    weekly |= {_day(10, 11), _day(10, 4), _day(9, 27), _day(9, 20)}
    monthly = {_day(11, 20), _day(10, 31), _day(9, 30), _day(8, 31), _day(7, 31), _day(6, 30)}
    monthly |= {_day(5, 31), _day(4, 30), _day(3, 31)}
    assert kept == today | yesterday | daily | weekly | monthly
    assert len(kept) == 34


def test_days_without_backups_do_not_count() -> None:
    # Backups only every tenth day: the 12 daily ones reach back 120 days.
    stamps = [NOW - timedelta(days=2 + 10 * n) for n in range(20)]
    kept = backups_to_keep(stamps, NOW)
    assert set(stamps[:12]) <= kept


def test_days_are_the_users_not_utcs() -> None:
    # 01:00 in Shanghai on Nov 21 is Nov 20 in UTC: still yesterday for the user.
    late = datetime(2026, 11, 21, 1, 0, tzinfo=ZONE)
    also = datetime(2026, 11, 21, 0, 30, tzinfo=ZONE)
    utc = ZoneInfo("UTC")
    assert backups_to_keep([late.astimezone(utc), also.astimezone(utc)], NOW) == {
        late.astimezone(utc),
        also.astimezone(utc),
    }


def test_nothing_to_thin() -> None:
    assert backups_to_keep([], NOW) == set()


def test_a_backup_thins_the_folder_and_a_failed_one_removes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "liveplanner.sqlite3"
    with sqlite3.connect(source) as connection:
        connection.execute("CREATE TABLE t (x)")
    folder = tmp_path / "backups"
    folder.mkdir()
    utc = ZoneInfo("UTC")
    for stamp in _every_six_hours_for_a_year():
        name = f"liveplanner-{stamp.astimezone(utc):%Y%m%d-%H%M%S}-auto.sqlite3"
        (folder / name).write_bytes(b"")
    (folder / "notes.txt").write_text("not a backup")  # other files are left alone
    before = set(folder.iterdir())

    with pytest.raises(StorageError):
        backup.backup_sqlite(tmp_path / "missing.sqlite3", folder, "manual", NOW, ZONE)
    assert set(folder.iterdir()) == before

    new = backup.backup_sqlite(source, folder, "manual", NOW.astimezone(utc), ZONE)
    left = set(backup.list_backups(folder, "liveplanner"))
    assert new in left and len(left) == 34 + 1  # the year thinned as above, and the new one
    assert (folder / "notes.txt").exists()


def test_why_a_backup_was_made_is_read_from_its_name_whatever_the_database_is_called(
    tmp_path: Path,
) -> None:
    source = tmp_path / "my-team-shows.sqlite3"
    with sqlite3.connect(source) as connection:
        connection.execute("CREATE TABLE t (x)")
    made = backup.backup_sqlite(source, tmp_path / "b", "before-upgrade-from-0001", NOW, ZONE)
    assert backup.backup_reason(made, "my-team-shows") == "before-upgrade-from-0001"
    assert list(backup.list_backups(tmp_path / "b", "my-team-shows")) == [made]


def test_two_backups_in_the_same_second_are_both_kept(tmp_path: Path) -> None:
    source = tmp_path / "liveplanner.sqlite3"
    with sqlite3.connect(source) as connection:
        connection.execute("CREATE TABLE t (x)")
    first = backup.backup_sqlite(source, tmp_path / "b", "before-restore", NOW, ZONE)
    second = backup.backup_sqlite(source, tmp_path / "b", "before-restore", NOW, ZONE)
    made = backup.list_backups(tmp_path / "b", "liveplanner")
    assert first != second and set(made) == {first, second}
    assert made[second] - made[first] == timedelta(seconds=1)
