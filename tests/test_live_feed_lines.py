"""The live feed's lines without a database: a collector's JSON lines and a growing CSV's rows
made into minute readings (formats.metrics.feed_json, feed_csv), hostile ones refused in one
reason each, and the run's minutes kept one figure per minute and metric (core.live_feed)."""

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liveplanner.app.feed_words import reason_words
from liveplanner.app.messages import TEXTS
from liveplanner.core.live_feed import (
    MAX_VALUE,
    FeedMinutes,
    FeedProblem,
    How,
    Reading,
    Window,
    to_stored,
)
from liveplanner.core.plan import time_zone
from liveplanner.formats.metrics.feed_csv import CsvFeed
from liveplanner.formats.metrics.feed_json import json_readings
from liveplanner.formats.metrics.records import MAX_MINUTE_VALUE

ZONE = time_zone("Asia/Shanghai")
STARTED = datetime(2026, 11, 11, 11, 30, tzinfo=UTC)  # 19:30 in Shanghai
WINDOW = Window.of_run(STARTED, STARTED + timedelta(hours=1))
MINUTE = datetime(2026, 11, 11, 11, 41, tzinfo=UTC)
LOGGER_HEADER = "采集时间,在线人数,累计观看人次,累计成交金额,累计成交订单数,累计点赞数,累计评论数"


def _json(text: str) -> list[Reading] | FeedProblem:
    return json_readings(text, 3, ZONE, WINDOW)


def _refused(found: object) -> FeedProblem:
    assert isinstance(found, FeedProblem), found
    return found


def test_a_json_line_gives_its_minute_and_figures_with_money_in_fen() -> None:
    found = _json('{"minute": "2026-11-11T19:41:30+08:00", "online_viewers": 1234, "gmv": 5600.5}')
    assert found == [
        Reading(MINUTE, "online_viewers", 1234),
        Reading(MINUTE, "gmv", 560050),
    ]


def test_a_json_line_without_an_offset_is_in_the_shows_zone_and_null_is_no_figure() -> None:
    found = _json('{"minute": "2026-11-11 19:41", "orders": 3, "gmv": null}')
    assert found == [Reading(MINUTE, "orders", 3)]


@pytest.mark.parametrize(
    ("line", "code", "figures"),
    [
        ("not json", "feed.not_json", {}),
        ("[1, 2]", "feed.not_json", {}),
        ("[" * 3000 + "]" * 3000, "feed.not_json", {}),
        ('{"online_viewers": 5}', "feed.no_minute", {}),
        ('{"minute": 20261111, "gmv": 1}', "feed.bad_minute", {"column": "minute"}),
        ('{"minute": "tomorrow", "gmv": 1}', "feed.bad_minute", {"value": "tomorrow"}),
        ('{"minute": "9999-12-31T23:59:00+08:00", "gmv": 1}', "feed.minute_outside", {}),
        ('{"minute": "2026-11-10T19:41:00+08:00", "gmv": 1}', "feed.minute_outside", {}),
        ('{"minute": "2026-11-11T19:41:00+08:00", "gvm": 1}', "feed.unknown_key", {"key": "gvm"}),
        ('{"minute": "2026-11-11T19:41:00+08:00", "gmv": NaN}', "feed.not_a_number", {}),
        ('{"minute": "2026-11-11T19:41:00+08:00", "gmv": "12"}', "feed.not_a_number", {}),
        ('{"minute": "2026-11-11T19:41:00+08:00", "orders": true}', "feed.not_a_number", {}),
        ('{"minute": "2026-11-11T19:41:00+08:00", "likes": [1]}', "feed.not_a_number", {}),
        ('{"minute": "2026-11-11T19:41:00+08:00", "gmv": 1e400}', "feed.out_of_range", {}),
        (
            '{"minute": "2026-11-11T19:41:00+08:00", "orders": 10000000000001}',
            "feed.out_of_range",
            {"limit": "1,000,000,000,000"},
        ),
        (
            '{"minute": "2026-11-11T19:41:00+08:00", "online_viewers": -5}',
            "feed.negative",
            {"metric": "online_viewers"},
        ),
        ('{"minute": "2026-11-11T19:41:00+08:00", "gmv": null}', "feed.no_figures", {}),
    ],
)
def test_a_hostile_json_line_is_refused_naming_what_and_where(
    line: str, code: str, figures: dict[str, object]
) -> None:
    refused = _refused(_json(line))
    assert (refused.line, refused.code, refused.lines) == (3, code, 1)
    assert figures.items() <= dict(refused.figures).items()


def test_a_value_too_far_from_the_run_names_the_runs_minutes_in_its_zone() -> None:
    refused = _refused(_json('{"minute": "2026-11-11T22:00:00+08:00", "gmv": 1}'))
    assert dict(refused.figures)["first"] == "2026-11-11 17:30"
    assert dict(refused.figures)["last"] == "2026-11-11 20:35"


def test_a_feed_holds_figures_to_the_importers_bound() -> None:
    assert MAX_VALUE == MAX_MINUTE_VALUE
    assert to_stored("gmv", Decimal("10000000000"), Decimal(100)) == MAX_VALUE
    assert to_stored("gmv", Decimal("10000000000.01"), Decimal(100)) == "feed.out_of_range"
    assert to_stored("orders", Decimal("-0.4"), Decimal(1)) == 0
    assert to_stored("orders", Decimal("-1"), Decimal(1)) == "feed.negative"


def test_the_latest_figure_for_a_minute_replaces_the_one_before() -> None:
    minutes = FeedMinutes([(MINUTE, "gmv", 100)])
    changed, problems = minutes.put(
        [(1, Reading(MINUTE, "gmv", 250)), (2, Reading(MINUTE, "gmv", 250))]
    )
    assert (changed, problems) == ({(MINUTE, "gmv"): 250}, [])
    assert minutes.series("gmv") == [(MINUTE, 250)]


def test_a_running_total_sets_its_minute_to_what_it_adds_to_the_minutes_before() -> None:
    later = MINUTE + timedelta(minutes=1)
    minutes = FeedMinutes([(MINUTE, "gmv", 1_000)])
    changed, _ = minutes.put([(1, Reading(later, "gmv", 1_500, How.TOTAL))])
    assert changed == {(later, "gmv"): 500}
    assert sum(v for _, v in minutes.series("gmv")) == 1_500


def test_a_running_total_below_the_minutes_before_refuses_its_whole_line() -> None:
    later = MINUTE + timedelta(minutes=1)
    minutes = FeedMinutes([(MINUTE, "gmv", 1_000)])
    line = [
        (4, Reading(later, "online_viewers", 800)),
        (4, Reading(later, "gmv", 900, How.TOTAL)),
    ]
    changed, problems = minutes.put(line)
    assert changed == {}
    assert [(p.line, p.code, dict(p.figures)["counted"]) for p in problems] == [
        (4, "feed.total_falls", "10")
    ]
    assert minutes.series("online_viewers") == []


def _logger() -> CsvFeed:
    feed = CsvFeed("logger.csv", ZONE, STARTED)
    assert (
        feed.header(
            "采集时间,在线人数,累计观看人次,累计成交金额,累计成交订单数,累计点赞数,累计评论数"
        )
        is None
    )
    return feed


def test_a_screen_loggers_header_is_read_by_its_layout() -> None:
    feed = _logger()
    assert feed.time_column == 0
    assert [c.imported.metric for c in feed.columns] == [
        "online_viewers",
        "views",
        "gmv",
        "orders",
        "likes",
        "comments",
    ]


def test_a_loggers_rows_give_readings_and_running_totals() -> None:
    feed = _logger()
    found = feed.readings("19:41:30,1.2万,3000,5600.5,12,-,40", 2, WINDOW)
    assert isinstance(found, list)
    assert Reading(MINUTE, "online_viewers", 12_000) in found
    assert Reading(MINUTE, "gmv", 560_050, How.TOTAL) in found
    assert not any(r.metric == "likes" for r in found)  # "-" is no figure, never 0


def test_rows_in_one_minute_add_increments_and_keep_the_highest_reading() -> None:
    feed = CsvFeed("compass.csv", ZONE, STARTED)
    assert feed.header("时间,实时在线人数,成交金额(万元)") is None
    feed.readings("2026-11-11 19:41:00,900,0.5", 2, WINDOW)
    found = feed.readings("2026-11-11 19:41:30,700,0.25", 3, WINDOW)
    assert found == [Reading(MINUTE, "online_viewers", 900), Reading(MINUTE, "gmv", 750_000)]


def test_clock_times_cross_midnight_onto_the_next_day() -> None:
    late = datetime(2026, 11, 11, 15, 58, tzinfo=UTC)  # 23:58 in Shanghai
    window = Window.of_run(late, late + timedelta(minutes=10))
    feed = CsvFeed("logger.csv", ZONE, late)
    assert feed.header("时间,在线人数") is None
    feed.readings("23:59:00,10", 2, window)
    found = feed.readings("00:01:00,12", 3, window)
    assert found == [Reading(late + timedelta(minutes=3), "online_viewers", 12)]


@pytest.mark.parametrize(
    ("row", "code", "figures"),
    [
        ("19:41:30,12,1", "feed.cells", {"count": 3, "expected": 7}),
        ("soon,12,1,1,1,1,1", "feed.bad_minute", {"column": "采集时间", "value": "soon"}),
        ("2099-12-31 23:59,12,1,1,1,1,1", "feed.minute_outside", {}),
        ("19:41:30,many,1,1,1,1,1", "feed.not_a_number", {"column": "在线人数"}),
        ("19:41:30,50%,1,1,1,1,1", "feed.not_a_number", {"value": "50%"}),
        ("19:41:30,-3,1,1,1,1,1", "feed.negative", {"metric": "online_viewers"}),
        ("19:41:30,1e40,1,1,1,1,1", "feed.out_of_range", {}),
        ("19:41:30,-,-,-,-,-,-", "feed.no_figures", {}),
    ],
)
def test_a_hostile_row_is_refused_naming_its_line_column_and_value(
    row: str, code: str, figures: dict[str, object]
) -> None:
    refused = _refused(_logger().readings(row, 9, WINDOW))
    assert (refused.line, refused.code) == (9, code)
    assert figures.items() <= dict(refused.figures).items()


def test_a_total_row_and_a_blank_row_are_passed_over() -> None:
    feed = _logger()
    assert feed.readings("合计,1,2,3,4,5,6", 5, WINDOW) == []
    assert feed.readings(",,,,,,", 6, WINDOW) == []


def test_a_header_naming_no_metric_is_refused_with_its_columns() -> None:
    refused = CsvFeed("notes.csv", ZONE, STARTED).header("时间,备注")
    assert refused is not None and refused.code == "feed.no_header"
    assert dict(refused.figures)["columns"] == "时间, 备注"
    twice = CsvFeed("two.csv", ZONE, STARTED).header("时间,成交金额,销售额")
    assert twice is not None and twice.code == "feed.two_columns"


FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_FIGURES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.lists(st.integers(), max_size=2)
)
_MINUTES = st.datetimes(timezones=st.just(UTC)).map(lambda m: m.isoformat()) | st.text(max_size=30)
_OBJECTS = st.dictionaries(
    st.sampled_from(["online_viewers", "gmv", "orders", "minute", "gvm", ""]), _FIGURES, max_size=4
).flatmap(lambda d: st.builds(lambda m: {**d, "minute": m}, _MINUTES) | st.just(d))


def _in_bounds(found: list[Reading] | FeedProblem) -> None:
    if isinstance(found, FeedProblem):
        assert found.code in TEXTS and found.lines == 1
        return
    for reading in found:
        assert 0 <= reading.value <= MAX_VALUE
        assert WINDOW.first <= reading.minute <= WINDOW.last


@FUZZ
@given(_OBJECTS | st.text(max_size=80))
def test_any_json_line_gives_figures_in_range_or_one_reason(drawn: object) -> None:
    text = drawn if isinstance(drawn, str) else json.dumps(drawn)
    _in_bounds(_json(text))


@FUZZ
@given(st.lists(_FIGURES.map(str) | st.text(max_size=12), min_size=1, max_size=9))
def test_any_logger_row_gives_figures_in_range_or_one_reason(cells: list[str]) -> None:
    row = ",".join(["19:41:00", *cells]) if len(cells) % 2 else ",".join(cells)
    _in_bounds(_logger().readings(row, 2, WINDOW))


def test_a_users_mapping_reads_columns_no_name_gives() -> None:
    mapping = (("人气", "online_viewers"), ("卖了(万元)", "gmv:cumulative"), ("备注", None))
    feed = CsvFeed("own.csv", ZONE, STARTED, mapping=mapping)
    assert feed.header("时间,人气,卖了(万元),备注") is None
    assert feed.readings("19:41:00,800,1.5,好", 2, WINDOW) == [
        Reading(MINUTE, "online_viewers", 800),
        Reading(MINUTE, "gmv", 1_500_000, How.TOTAL),
    ]


@pytest.mark.parametrize(
    ("mapping", "code"),
    [
        ((("人数", "online_viewers"),), "metrics.map_no_column"),
        ((("时间", "gmv"),), "metrics.map_time_column"),
        ((("人气", "gvm"),), "metrics.map_no_metric"),
        ((("人气", "online_viewers:cumulative"),), "metrics.map_no_metric"),
    ],
)
def test_a_mapping_that_does_not_fit_the_header_is_refused_on_its_line(
    mapping: tuple[tuple[str, str | None], ...], code: str
) -> None:
    refused = CsvFeed("own.csv", ZONE, STARTED, mapping=mapping).header("时间,人气,卖了(万元)")
    assert refused is not None and (refused.line, refused.code) == (1, code)
    assert reason_words(refused)
