"""Money as fen and shares as basis points: exact conversions, refusals of ambiguous input."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liveplanner.core.money import format_percent, format_yuan, percent_to_bp, yuan_to_fen


@pytest.mark.parametrize(
    ("text", "fen"), [("12.50", 1250), ("0.01", 1), ("199", 19900), (" 9.9 ", 990), ("-3", -300)]
)
def test_yuan_to_fen_is_exact(text: str, fen: int) -> None:
    assert yuan_to_fen(text) == fen


@pytest.mark.parametrize("text", ["12.505", "abc", "", "nan", "inf"])
def test_yuan_to_fen_refuses_what_it_cannot_take_exactly(text: str) -> None:
    with pytest.raises(ValueError, match=repr(text).strip("'") or "money"):
        yuan_to_fen(text)


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_fen_survive_formatting_and_parsing(fen: int) -> None:
    assert yuan_to_fen(format_yuan(fen)) == fen


def test_percentages_are_basis_points() -> None:
    assert percent_to_bp("12.5%") == 1250
    assert percent_to_bp("60") == 6000
    assert format_percent(1250) == "12.5%"
    assert format_percent(6000) == "60%"
    with pytest.raises(ValueError, match="not a percentage"):
        percent_to_bp("lots")
