"""What one cell of a people-made spreadsheet says: numbers as platforms write them.

1.2万 = 12,000; 3.5亿 = 350,000,000; 1.2w; 12.5%; ¥1,234 and $5.50; full-width digits; "-",
"--" and blanks are missing (None), never zero. Anything else is refused with what was expected,
so the importer can name the file, row and column.
"""

import math
import re
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

from liveplanner.core.money import UNITS as _UNITS

MISSING = frozenset({"", "-", "--", "—", "/", "N/A", "n/a", "NA", "null", "None"})
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+")


class CellError(ValueError):
    """The cell is not a number; str() says what it holds and what was expected.

    `row` and `value` are set when the cell came from a column (numbers)."""

    row: object = None
    value: object = None
    share: bool = False  # a percentage where a count or an amount was wanted


def parse_number(raw: object) -> Decimal | None:
    """A cell as an exact number, or None when it is empty or marked missing."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise CellError(f"{raw!r} is not a number")
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        if math.isnan(raw):
            return None
        if math.isinf(raw):
            raise CellError(f"{raw!r} is not a number")
        return Decimal(repr(raw))
    if isinstance(raw, Decimal):
        if raw.is_nan():
            return None
        if not raw.is_finite():
            raise CellError(f"{raw} is not a number")
        return raw
    text = unicodedata.normalize("NFKC", str(raw)).strip()  # full-width digits, ％, ￥
    if text in MISSING:
        return None
    body = text.replace(" ", "").removeprefix("¥").removeprefix("$").removesuffix("元")
    scale = Decimal(1)
    if body.endswith("%"):
        body, scale = body[:-1], Decimal("0.01")
    elif body and body[-1] in _UNITS:
        body, scale = body[:-1], _UNITS[body[-1]]
    if not _NUMBER.fullmatch(body):
        raise CellError(
            f"{text!r} is not a number; expected such as 1234, 1,234.5, 1.2万, 3.5亿, 12.5% or ¥99"
        )
    return Decimal(body.replace(",", "")) * scale


def to_fen(amount: Decimal) -> int:
    """Yuan to whole fen, rounding half up (exports round amounts for display)."""
    return int((amount * 100).to_integral_value(rounding="ROUND_HALF_UP"))


def to_count(amount: Decimal) -> int:
    """A count; 1.2万 comes out as 12000, and an exported '3.0' as 3."""
    return int(amount.to_integral_value(rounding="ROUND_HALF_UP"))


_GROUPED = r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?"
# Written as a number, but too big for a float (1e400, 400 digits): kept as ±inf, so the importer
# refuses it as out of range with the cell as written rather than as "not a number".
_HUGE = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"


def _bounded(cell: object) -> object:
    """An int too big for a float as ±inf (to be refused as out of range), others as they are."""
    if isinstance(cell, int) and not isinstance(cell, bool) and abs(cell) > 2**64:
        return math.inf if cell > 0 else -math.inf
    return cell


def _numeral(cell: object) -> bool:
    """Whether a cell is written as a number (an int, or text such as 1e400), not as "inf"."""
    if isinstance(cell, int) and not isinstance(cell, bool):
        return True
    return isinstance(cell, str) and re.fullmatch(_HUGE, cell.strip()) is not None


def numbers(cells: "pd.Series") -> "pd.Series":
    """A column of cells as float64, NaN where missing; index kept.

    Plain numbers and 1,234-style groups are read by pandas; what is left (万, ¥, full-width
    digits) goes through parse_number once per distinct value. The first cell that is not a
    number raises CellError with its row label and value; so does a percentage (`share` set):
    a minute's figure is a count or an amount, and "50%" read as 0.5 of an order would be a
    wrong number, not a refusal.
    """
    # Loaded here, not above: single cells (a run sheet's) are read without pandas.
    import numpy as np
    import pandas as pd

    if pd.api.types.is_bool_dtype(cells):
        pending = cells.notna()
        values = pd.Series(np.nan, index=cells.index)
    elif pd.api.types.is_numeric_dtype(cells):
        values = cells.astype("float64")
        pending = pd.Series(np.isinf(values.to_numpy()), index=cells.index, dtype=bool)
    else:
        # Cells are text as written (the CSV reader keeps them so, for messages that quote
        # them): pandas parses plain numbers at C speed; only what it cannot read is looked at.
        try:
            values = pd.to_numeric(cells, errors="coerce").astype("float64")
        except OverflowError:  # a Python int past float64 (a CSV cell of 400 digits)
            values = pd.to_numeric(cells.map(_bounded), errors="coerce").astype("float64")
        # pandas reads True as 1; a yes/no cell is no count, so it goes on to be refused.
        values[cells.map(lambda cell: type(cell) is bool).to_numpy()] = np.nan
        unread = values.isna() & cells.notna()
        if unread.any():
            text = cells[unread].astype(str).str.strip()
            grouped = text.str.fullmatch(_GROUPED, na=False)
            text = text.where(~grouped, text.str.replace(",", "", regex=False))
            values = values.copy()
            values[unread] = pd.to_numeric(text, errors="coerce").astype("float64")
        infinite = np.isinf(values.to_numpy())
        if infinite.any():
            infinite &= ~cells.map(_numeral).to_numpy(dtype=bool)
        pending = (values.isna() & cells.notna()) | pd.Series(infinite, index=cells.index)
    if pending.any():
        left = cells[pending]
        parsed: dict[object, float] = {}
        for raw in pd.unique(left):
            try:
                if isinstance(raw, str) and unicodedata.normalize("NFKC", raw).strip()[-1:] == "%":
                    error = CellError(f"{raw!r} is a percentage")
                    error.share = True
                    raise error
                number = parse_number(raw)
            except CellError as error:
                error.row, error.value = left.index[(left == raw).to_numpy()][0], raw
                raise
            parsed[raw] = np.nan if number is None else float(number)
        values = values.copy()
        values[pending] = left.map(parsed).astype("float64")
    return values
