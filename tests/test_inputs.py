"""What producers type into cells, read strictly: the value meant, or a message saying why not."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liveplanner.app.row_diff import Insert, Remove, Reorder, row_steps
from liveplanner.core.inputs import (
    parse_count,
    parse_money,
    parse_offset,
    parse_percent,
    parse_segment_duration,
)
from liveplanner.core.money import format_yuan


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("19.9", 1990),
        ("¥1,299", 129900),
        ("１９．９", 1990),
        ("12,345,678.50", 1234567850),
        ("", None),
        ("0", 0),
        ("100万", 100_000_000),  # as exports and people write targets (formats/cells.py)
        ("1.5亿", 15_000_000_000),
        ("¥2.5w", 2_500_000),
        ("1.23456万", 1234560),
    ],
)
def test_money_as_people_type_it(text: str, fen: int | None) -> None:
    assert parse_money(text) == fen


@pytest.mark.parametrize(
    "text",
    [
        "1e3",
        "1_000",
        "1,2,3",
        "12.345",
        "-5",
        "abc",
        "19.9元",
        "1,00",
        "万",
        "1.2345678万",
        "1万万",
    ],
)
def test_money_that_is_not_clearly_an_amount_is_refused(text: str) -> None:
    with pytest.raises(
        ValueError, match=repr(text).replace("\\\\", "\\\\\\\\").strip("'")[:2] or "amount"
    ):
        parse_money(text)


@pytest.mark.parametrize(
    ("text", "count"), [("500", 500), ("1,000", 1000), ("", None), ("５００", 500)]
)
def test_counts(text: str, count: int | None) -> None:
    assert parse_count(text) == count


@pytest.mark.parametrize("text", ["1e3", "1_000", "1,2,3", "2.5", "-1", "十"])
def test_counts_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a whole number"):
        parse_count(text)


def test_percentages_and_durations() -> None:
    assert parse_percent("12.5%") == 1250 and parse_percent("") is None
    with pytest.raises(ValueError, match="between 0 and 100"):
        parse_percent("150")
    assert parse_segment_duration("５：３０") == 330
    with pytest.raises(ValueError, match="longer than a day"):
        parse_segment_duration("25:00:00")


@pytest.mark.parametrize(
    ("text", "seconds"), [("0:30", 30), ("45", 45), ("", 0), ("1:15:00", 4500)]
)
def test_offsets_are_seconds_or_clock_readings(text: str, seconds: int) -> None:
    assert parse_offset(text) == seconds


@given(st.integers(min_value=0, max_value=10**12))
def test_formatted_money_reads_back(fen: int) -> None:
    assert parse_money(format_yuan(fen)) == fen


@given(st.lists(st.integers(0, 30), unique=True), st.lists(st.integers(0, 30), unique=True))
def test_row_steps_turn_one_order_into_the_other(old: list[int], new: list[int]) -> None:
    rows = list(old)
    for step in row_steps(old, new):
        if isinstance(step, Remove):
            del rows[step.row]
        elif isinstance(step, Reorder):
            assert sorted(step.order) == sorted(rows)
            rows = list(step.order)
        else:
            assert isinstance(step, Insert)
            rows.insert(step.row, step.key)
    assert rows == new


def test_each_target_reads_back_as_written() -> None:
    from liveplanner.core.plan import Targets
    from liveplanner.core.target_inputs import TARGET_INPUTS, written

    samples = {"_fen": 123_456_78, "_bp": 2_550, "_s": 95}
    values = {
        t.name: next((v for end, v in samples.items() if t.name.endswith(end)), 4200)
        for t in TARGET_INPUTS
    }
    targets = Targets(**values)
    for t in TARGET_INPUTS:
        assert t.parse(written(targets, t.name)) == values[t.name], t.name
    assert written(Targets(), "roi_bp") == "" and TARGET_INPUTS[0].parse("") is None
