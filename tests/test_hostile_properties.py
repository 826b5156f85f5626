"""Any cell and any file the readers can be given: the only failure is the readers' own
refusal (CellError, ImportRefused), and every number read is finite and in range."""

import csv
import io
import json
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

import pandas as pd
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from liveplanner.core.plan import FIRST_SHOW_TIME, LAST_SHOW_TIME
from liveplanner.formats.cells import CellError, parse_number
from liveplanner.formats.metrics.reader import read_metrics
from liveplanner.formats.metrics.records import MAX_MINUTE_VALUE, ImportOptions
from liveplanner.formats.metrics.tables import read_table
from liveplanner.formats.problems import ImportRefused

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like a number as exports write one, and could be any size.
_DIGITS = st.text("0123456789", min_size=1, max_size=450)
_NUMBER_TEXT = st.builds(
    lambda sign, body, fraction, exponent, unit: f"{sign}{body}{fraction}{exponent}{unit}",
    st.sampled_from(["", "-", "+", "¥", "$"]),
    _DIGITS | st.sampled_from(["1,234", "12,345,678", "９９９", "1" * 4301]),
    st.sampled_from(["", ".5", ".0000001"]) | _DIGITS.map(lambda d: "." + d),
    st.sampled_from(["", "e308", "e400", "E-400", "e99999999"]),
    st.sampled_from(["", "万", "亿", "w", "%", "元", "％"]),
)
CELLS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=2**62, max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.decimals(allow_nan=True, allow_infinity=True)
    | st.text(max_size=60)
    | _NUMBER_TEXT
)


@FUZZ
@given(CELLS)
def test_a_cell_is_a_finite_number_missing_or_refused(cell: object) -> None:
    """The cell parser reads any size; what a minute can hold is the importer's to bound, per
    metric (the read_metrics property below holds it to the range)."""
    try:
        number = parse_number(cell)
    except CellError:
        return
    if number is not None:
        assert isinstance(number, Decimal) and number.is_finite(), (cell, number)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=30,
)
_KEYS = st.sampled_from(["time", "时间", "gmv", "成交金额", "orders", "online", "x"])
_RECORD = st.dictionaries(_KEYS, JSON_VALUES | st.sampled_from(["2026-11-11 20:00", "-"]))
API_ANSWERS = st.lists(_RECORD, min_size=1, max_size=8).map(
    lambda records: {"code": 0, "data": {"series": records}}
)


def _read(data: bytes, name: str) -> None:
    try:
        read_table(data, name)
    except ImportRefused as refused:
        assert str(refused).strip() and "\n" not in str(refused).strip()


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from(["x.csv", "x.json", "x.xlsx", "x.txt"]))
def test_any_bytes_are_a_table_or_refused(data: bytes, name: str) -> None:
    _read(data, name)


@FUZZ
@given(JSON_VALUES | API_ANSWERS)
@example([{"\n": []}])  # a newline in a column name split the refusal over two lines
def test_any_json_is_a_table_or_refused(payload: object) -> None:
    _read(json.dumps(payload).encode("utf-8"), "export.json")


_CSV_CELLS = st.text(max_size=30) | _NUMBER_TEXT | st.sampled_from(["2026-11-11 20:00", "-"])


@FUZZ
@given(st.lists(st.lists(_CSV_CELLS, min_size=1, max_size=6), max_size=12))
def test_any_csv_under_a_header_is_a_table_or_refused(rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out).writerows([["时间", "成交金额", "在线人数"], *rows])
    _read(out.getvalue().encode("utf-8"), "export.csv")


_OPTIONS = ImportOptions(zone=ZoneInfo("Asia/Shanghai"), default_day=date(2026, 11, 11))


@FUZZ
@given(API_ANSWERS)
def test_any_api_answer_is_read_as_metrics_or_refused(payload: object) -> None:
    """The whole import, not only the table: cells of any JSON type reach the number reader."""
    try:
        result = read_metrics(json.dumps(payload).encode("utf-8"), "export.json", _OPTIONS)
    except ImportRefused as refused:
        assert str(refused).strip() and "\n" not in str(refused).strip()
        return
    values = result.samples["value"]
    assert values.between(0, MAX_MINUTE_VALUE).all(), values[~values.between(0, MAX_MINUTE_VALUE)]
    minutes = result.samples["minute"]
    assert minutes.empty or (
        minutes.min() >= pd.Timestamp(FIRST_SHOW_TIME, tz="UTC") - pd.Timedelta(days=1)
        and minutes.max() < pd.Timestamp(LAST_SHOW_TIME, tz="UTC") + pd.Timedelta(days=1)
    )
