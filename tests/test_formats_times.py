"""Time cells as platforms write them, made into aware times in the show's zone."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from liveplanner.formats.metrics.times import TimeCellError, TimeContext, read_times

SHANGHAI = ZoneInfo("Asia/Shanghai")
CONTEXT = TimeContext(SHANGHAI, date(2025, 11, 11))


def local(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("cell", "moment"),
    [
        ("2025-11-11 20:05", local(2025, 11, 11, 20, 5)),
        ("2025/11/11 20:05:30", local(2025, 11, 11, 20, 5, 30)),
        ("2025年11月11日 20:05", local(2025, 11, 11, 20, 5)),
        ("11-11 20:05", local(2025, 11, 11, 20, 5)),
        ("07-01 19:00", local(2025, 7, 1, 19, 0)),
        ("20:05", local(2025, 11, 11, 20, 5)),
        ("２０：０５", local(2025, 11, 11, 20, 5)),
        (45972.5, local(2025, 11, 11, 12, 0)),
        ("45972.75", local(2025, 11, 11, 18, 0)),
        (datetime(2025, 11, 11, 20, 5), local(2025, 11, 11, 20, 5)),
    ],
)
def test_one_cell(cell: object, moment: datetime) -> None:
    assert list(read_times([cell], CONTEXT)) == [moment]


def test_time_only_rows_cross_midnight_into_the_next_day() -> None:
    cells = ["23:58", "23:59", "00:00", "00:01"]
    assert [m.strftime("%m-%d %H:%M") for m in read_times(cells, CONTEXT)] == [
        "11-11 23:58",
        "11-11 23:59",
        "11-12 00:00",
        "11-12 00:01",
    ]


def test_a_small_step_back_is_not_a_new_day() -> None:
    # Time running backwards a little is the importer's to refuse, not a midnight crossing.
    assert [m.day for m in read_times(["20:05", "20:04"], CONTEXT)] == [11, 11]


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("soon", "'soon' is not a time"),
        ("2025-13-40 20:05", "is not a time (month must be in 1..12)"),
        ("25:99", "is not a time"),
    ],
)
def test_what_is_not_a_time_is_refused(cell: str, message: str) -> None:
    with pytest.raises(TimeCellError, match=message.replace("(", r"\(").replace(")", r"\)")):
        list(read_times([cell], CONTEXT))


def test_a_cell_without_a_date_needs_the_shows_date() -> None:
    with pytest.raises(TimeCellError, match="give the show's date"):
        list(read_times(["20:05"], TimeContext(SHANGHAI, None)))
