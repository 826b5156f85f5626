"""What a producer types for a target of whether the show paid: a ratio such as ROI, a watch
time as seconds or m:ss; anything unclear refused with its catalogue code."""

import pytest

from liveplanner.core.inputs import parse_ratio, parse_watch_time
from liveplanner.core.refused import Refused


@pytest.mark.parametrize(
    ("text", "bp"),
    [("3.5", 35_000), ("3.5x", 35_000), ("３.５倍", 35_000), (".5", 5_000), ("10", 100_000)],
)
def test_a_ratio_is_read_as_basis_points(text: str, bp: int) -> None:
    assert parse_ratio(text) == bp


@pytest.mark.parametrize(
    ("text", "code"),
    [("lots", "input.not_ratio"), ("-1", "input.not_ratio"), ("3.55555", "input.not_ratio"),
     ("99999", "input.ratio_range")],
)  # fmt: skip
def test_a_ratio_that_cannot_be_read_is_refused(text: str, code: str) -> None:
    with pytest.raises(Refused) as refused:
        parse_ratio(text)
    assert refused.value.code == code


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90", 90), ("90 s", 90), ("90秒", 90), ("1:30", 90), ("1:02:00", 3_720), ("", None)],
)
def test_a_watch_time_is_seconds_or_m_ss(text: str, seconds: int | None) -> None:
    assert parse_watch_time(text) == seconds


@pytest.mark.parametrize(
    ("text", "code"),
    [("1.5 min", "input.not_watch_time"), ("1:75", "input.not_watch_time"),
     ("90000", "input.watch_over_day")],
)  # fmt: skip
def test_a_watch_time_that_cannot_be_read_is_refused(text: str, code: str) -> None:
    with pytest.raises(Refused) as refused:
        parse_watch_time(text)
    assert refused.value.code == code
