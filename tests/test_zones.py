"""The time zones offered for a show, without Qt."""

from zoneinfo import available_timezones

from liveplanner.core.plan import time_zone
from liveplanner.core.zones import COMMON_ZONES, zone_names, zones_matching


def test_the_chinese_market_zones_come_first_then_every_place_by_name() -> None:
    names = zone_names()
    assert names[:4] == ("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Macau")
    rest = names[len(COMMON_ZONES) :]
    assert list(rest) == sorted(rest) and "Europe/Berlin" in rest
    assert len(set(names)) == len(names)  # no zone twice


def test_every_zone_offered_is_one_a_show_can_use() -> None:
    assert set(zone_names()) <= available_timezones()
    assert all(time_zone(name) for name in zone_names())


def test_old_aliases_are_not_offered() -> None:
    assert not {"PRC", "US/Pacific", "Etc/GMT-8", "localtime"} & set(zone_names())


def test_matching_ignores_case_and_reads_a_space_as_an_underscore() -> None:
    assert zones_matching("hong kong") == ["Asia/Hong_Kong"]
    assert zones_matching("SHANGHAI") == ["Asia/Shanghai"]
    assert zones_matching("atlantis") == []
    assert zones_matching("asia/")[0] == "Asia/Shanghai"  # common ones first
