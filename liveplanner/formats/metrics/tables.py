"""An export's bytes as a table: its header row found under any title rows, and its data rows
numbered as a spreadsheet numbers them, so every message can point at the row the user sees.

CSV (comma, tab or semicolon; the encodings of decoding.py), XLSX (openpyxl) and the JSON that
platforms' data APIs return (a list of per-minute records). Content decides the reader; a file
whose name says otherwise is refused rather than guessed at.
"""

import csv
import io
import itertools
import json
import math
import re
import sys
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

import pandas as pd

from liveplanner.formats.cells import MISSING
from liveplanner.formats.metrics.presets import is_time_name
from liveplanner.formats.metrics.times import looks_like_time
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.sheets import (
    DELIMITERS,
    SCAN_CHARS,
    SCAN_ROWS,
    checked_text,
    workbook_rows,
)
from liveplanner.formats.xlsx_guard import MAX_COLUMNS

_NA = sorted(MISSING - {""})
_WITH_TEXT = {"string", "mixed", "mixed-integer", "empty"}  # what .str takes
_LONG_NUMBER = 40  # digits: no count or amount has more
_LINE = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")


@dataclass(frozen=True, slots=True)
class Table:
    file_name: str
    encoding: str  # as reported to the user: "UTF-8", "GB18030 (GBK)", "XLSX" …
    headers: list[str]
    header_row: int  # the header's row number as the user sees it (1-based)
    rows: pd.DataFrame  # data rows; columns are positions, the index is the user's row number
    # A cell as the file writes it, by row number and column position, where pandas may have
    # read it otherwise ("1e400" as inf, "1234.50" as 1234.5); None: the cells are as written.
    written: Callable[[int, int], str] | None = None


def _blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, float) and cell != cell) or str(cell).strip() == ""


def _clean(cell: object) -> object:
    """A cell, or None when it is blank or a missing marker such as "-"."""
    if _blank(cell) or (isinstance(cell, str) and cell.strip() in MISSING):
        return None
    return cell


def _cleaned(frame: pd.DataFrame) -> pd.DataFrame:
    """_clean over a frame, column by column at pandas's speed (a cell at a time costs more
    than openpyxl's reading of a large sheet)."""
    out = {}
    for column in frame.columns:
        cells = frame[column]
        blank = cells.isna().to_numpy().copy()
        if pd.api.types.infer_dtype(cells, skipna=True) in _WITH_TEXT:
            blank |= cells.str.strip().isin(MISSING).to_numpy(dtype=bool)
        out[column] = cells.mask(blank, None) if blank.any() else cells
    return pd.DataFrame(out, index=frame.index, dtype=object)


def find_header(rows: Sequence[Sequence[object]]) -> int | None:
    """Which of the first rows is the header: the first that names a time column, else the
    first row of text above a row that starts with a time."""
    scanned = rows[:SCAN_ROWS]
    for index, row in enumerate(scanned):
        filled = [cell for cell in row if not _blank(cell)]
        if len(filled) >= 2 and any(is_time_name(cell) for cell in filled):
            return index
    for index, (row, below) in enumerate(itertools.pairwise(scanned)):
        filled = [cell for cell in row if not _blank(cell)]
        if len(filled) < 2 or any(looks_like_time(cell) for cell in filled):
            continue
        for column, cell in enumerate(below):
            if looks_like_time(cell) and column < len(row) and not _blank(row[column]):
                return index
    return None


def read_table(data: bytes, file_name: str) -> Table:
    """The table in an export file, or ImportRefused saying what is wrong with it."""
    name = PurePath(file_name).name
    decoded = checked_text(data, name)
    if decoded is None:
        return _read_xlsx(data, name)
    if decoded.text.lstrip("\ufeff \t\r\n").startswith(("{", "[")):
        return _read_json(decoded.text, name, decoded.encoding)
    return _read_csv(data, decoded.text, decoded.codec, decoded.encoding, name)


def _read_csv(data: bytes, text: str, codec: str, encoding: str, name: str) -> Table:
    best: tuple[int, str, list[list[str]]] | None = None
    for delimiter in DELIMITERS:
        scan = io.StringIO(text[:SCAN_CHARS], newline="")
        try:
            rows = list(itertools.islice(csv.reader(scan, delimiter=delimiter), SCAN_ROWS))
        except csv.Error as exc:
            raise ImportRefused("not_text", file=name, detail=str(exc)) from None
        header = find_header(rows)
        if header is not None and (best is None or len(rows[header]) > len(best[2][best[0]])):
            best = (header, delimiter, rows)
    if best is None:
        raise ImportRefused("no_header", file=name, rows=SCAN_ROWS)
    header, delimiter, rows = best
    headers = [cell.strip() for cell in rows[header]]
    try:
        with warnings.catch_warnings():
            # Columns of mixed content (numbers and "-") are expected; the importer reads them.
            warnings.simplefilter("ignore", pd.errors.DtypeWarning)
            frame = pd.read_csv(
                io.BytesIO(data),
                encoding=codec,
                sep=delimiter,
                skiprows=header,
                header=0,
                skip_blank_lines=False,  # keeps the row numbers the user sees
                na_values=_NA,
            )
    except pd.errors.ParserError as exc:
        if match := _LINE.search(str(exc)):
            expected, line, cells = match.groups()
            raise ImportRefused(
                "bad_row", file=name, row=line, cells=cells, expected=expected
            ) from None
        raise ImportRefused("not_text", file=name, detail=str(exc)) from None
    except pd.errors.EmptyDataError:
        raise ImportRefused("header_only", file=name) from None
    frame.columns = pd.RangeIndex(frame.shape[1])
    frame.index = pd.RangeIndex(header + 2, header + 2 + len(frame))

    def written(row: int, column: int) -> str:
        # Read again only for a message: pandas parses numbers at C speed, and keeping every
        # cell as text for the rare refusal would cost several times the whole import.
        lines = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
        record = next(itertools.islice(lines, row - 1, None), [])
        return record[column].strip() if column < len(record) else ""

    return Table(name, encoding, headers, header + 1, frame.dropna(how="all"), written)


def _read_xlsx(data: bytes, name: str) -> Table:
    sheets = [rows for _title, rows in workbook_rows(data, name)]
    for rows in sheets:
        header = find_header(rows)
        if header is None:
            continue
        width = len(rows[header])
        headers = ["" if _blank(cell) else str(cell).strip() for cell in rows[header]]
        body = [(row + [None] * width)[:width] for row in rows[header + 1 :]]
        frame = pd.DataFrame(body, columns=range(width), dtype=object)
        frame.index = pd.RangeIndex(header + 2, header + 2 + len(frame))
        frame = _cleaned(frame)
        return Table(name, "XLSX", headers, header + 1, frame.dropna(how="all"))
    raise ImportRefused("no_header", file=name, rows=SCAN_ROWS)


def _records(payload: object, depth: int = 0) -> list[dict[str, object]] | None:
    """The first list of objects in a JSON payload ({"data": {"series": [...]}} and the like)."""
    if isinstance(payload, list) and payload and all(isinstance(r, dict) for r in payload):
        return payload
    if isinstance(payload, dict) and depth < 4:
        for value in payload.values():
            if (found := _records(value, depth + 1)) is not None:
                return found
    return None


class _NotANumber(ValueError):
    """A NaN or Infinity literal: JSON has no such number (Python's parser takes them)."""


def _constant(text: str) -> float:
    raise _NotANumber(text)


def _integer(text: str) -> int | str:
    # A long integer is kept as written: its int() would cost time past a few thousand digits
    # (and Python refuses past 4,300), and as text the importer quotes it in its refusal.
    return int(text) if len(text) <= _LONG_NUMBER else text


def _decimal(text: str) -> float | str:
    number = float(text)
    return number if math.isfinite(number) else text  # 1e400, as written


def _read_json(text: str, name: str, encoding: str) -> Table:
    try:
        payload = json.loads(
            text, parse_constant=_constant, parse_int=_integer, parse_float=_decimal
        )
    except json.JSONDecodeError as exc:
        raise ImportRefused(
            "bad_json", file=name, line=exc.lineno, column=exc.colno, detail=exc.msg
        ) from None
    except _NotANumber as exc:
        where = _position(text, str(exc))
        raise ImportRefused("json_not_a_number", file=name, value=exc, **where) from None
    except RecursionError:
        # The C parser counts its depth and gives up cleanly at Python's recursion limit; an
        # export is a list of flat records, two or three levels deep.
        raise ImportRefused("json_too_deep", file=name, limit=sys.getrecursionlimit()) from None
    records = _records(payload)
    if records is None:
        raise ImportRefused("json_no_records", file=name)
    headers = list(dict.fromkeys(key for record in records for key in record))
    if len(headers) > MAX_COLUMNS:
        raise ImportRefused("json_too_wide", file=name, count=len(headers), limit=MAX_COLUMNS)
    for row, record in enumerate(records, start=1):
        for key, cell in record.items():
            if isinstance(cell, (dict, list)):
                kind = "an object {…}" if isinstance(cell, dict) else "a list […]"
                raise ImportRefused("json_nested_cell", file=name, row=row, column=key, kind=kind)
    frame = pd.DataFrame.from_records(records, columns=headers)
    frame.columns = pd.RangeIndex(len(headers))
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    frame = frame.map(_clean)
    return Table(name, f"JSON ({encoding})", headers, 0, frame.dropna(how="all"))


def _position(text: str, word: str) -> dict[str, int]:
    """The line and column of the first `word` outside a string, as JSON errors give them."""
    for match in re.finditer(rf'"(?:[^"\\]|\\.)*"|{re.escape(word)}', text):
        if match.group() == word:
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            return {"line": line, "column": column}
    return {"line": 1, "column": 1}
