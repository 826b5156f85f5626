"""A worksheet's XML as rows of values, streamed: the cells openpyxl's read-only mode gives with
values_only, without its per-cell objects (a third of the time for a large export).

Only values are read (data_only: a formula's cached result); styles only say which numbers are
dates. Rows skipped in the file are empty rows, cells skipped are None, as openpyxl gives them.
"""

import re
from collections.abc import Callable, Iterator, Sequence
from typing import IO
from xml.etree.ElementTree import Element, iterparse

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE = f"{_MAIN}row", f"{_MAIN}c", f"{_MAIN}v"
_INLINE, _TEXT, _RUN_TEXT = f"{_MAIN}is", f"{_MAIN}t", f"{_MAIN}r/{_MAIN}t"
_REFERENCE = re.compile(r"\$?([A-Za-z]{1,3})\$?\d*")


class SheetError(ValueError):
    """The sheet's XML says something no worksheet says (a bad cell reference)."""


# Excel's own limit for a cell's text. A longer one is made by hand to cost memory: a 250 MB
# cell took gigabytes once the run-sheet import split it into lines and titles.
MAX_CELL_CHARS = 32_767


class Bounds:
    """Where a sheet's rows, columns and cells stop; `beyond` is told what went past (what,
    row, column) and raises."""

    def __init__(self, rows: int, columns: int, beyond: Callable[[str, int, int], None]) -> None:
        self.rows, self.columns, self.beyond = rows, columns, beyond


def _column(reference: str, cache: dict[str, int]) -> int:
    letters = cache.get(reference)
    if letters is not None:
        return letters
    match = _REFERENCE.fullmatch(reference)
    if match is None:
        raise SheetError(f"{reference!r} is not a cell reference")
    number = 0
    for letter in match.group(1).upper():
        number = number * 26 + ord(letter) - 64
    cache[reference] = number
    return number


def sheet_values(
    source: IO[bytes],
    strings: Sequence[object],
    dates: set[int],
    durations: set[int],
    epoch: object,
    bounds: Bounds,
) -> list[list[object]]:
    """The sheet's rows, each a list of values from column A; a row past bounds.rows or a value
    past bounds.columns is told to bounds.beyond (which raises)."""
    from openpyxl.utils.datetime import from_excel, from_ISO8601

    def number(text: str, style: int) -> object:
        value: object = float(text) if "." in text or "e" in text or "E" in text else int(text)
        if style in dates:
            try:
                return from_excel(value, epoch, timedelta=style in durations)
            except (OverflowError, ValueError):
                return value  # a serial no calendar has: the importer says it is not a time
        return value

    rows: list[list[object]] = []
    letters: dict[str, int] = {}
    seen: set[int] = set()
    for row in _rows(source):
        given = row.get("r")
        at = int(given) if given else len(rows) + 1
        if at < 1:
            raise SheetError(f"row number {given} is not a row of a sheet")
        if at > bounds.rows:
            bounds.beyond("rows", at, 0)
        while len(rows) < at - 1:
            rows.append([])
        cells: list[object] = []
        for cell in row:
            if cell.tag != _CELL:
                continue
            reference = cell.get("r")
            column = _column(reference, letters) if reference else len(cells) + 1
            kind = cell.get("t", "n")
            value: object
            if kind == "inlineStr":
                inline = cell.find(_INLINE)
                parts = [] if inline is None else inline.findall(_TEXT) + inline.findall(_RUN_TEXT)
                value = "".join(part.text or "" for part in parts) if inline is not None else None
            else:
                text = cell.findtext(_VALUE)
                if not text:
                    value = None
                elif kind == "n":
                    value = number(text, int(cell.get("s", 0)))
                elif kind == "s":
                    value = _shared(strings, text, reference or f"row {at}")
                elif kind == "b":
                    value = bool(int(text))
                elif kind == "d":
                    value = from_ISO8601(text)  # type: ignore[no-untyped-call]  # untyped in stubs
                else:  # "str" (a formula's text), "e" (#N/A and the like)
                    value = text
            if column > bounds.columns:
                if value is not None:
                    bounds.beyond("columns", at, column)
                continue
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                bounds.beyond("text", at, column)
            if column > len(cells) + 1:
                cells.extend([None] * (column - len(cells) - 1))
            if column == len(cells) + 1:
                cells.append(value)
            else:
                cells[column - 1] = value  # a cell given twice: the last, as openpyxl keeps
        # Excel places a row by its number: one given out of order goes there, not after the
        # rows read so far (a run sheet's segments came in the file's order, backwards)
        if at in seen:
            raise SheetError(f"row {at} is given twice")
        seen.add(at)
        if at <= len(rows):
            rows[at - 1] = cells
        else:
            rows.append(cells)
        row.clear()
    return rows


def _shared(strings: Sequence[object], text: str, reference: str) -> object:
    """The shared string a cell points at: an index outside the table is a damaged sheet, not
    the last string (Python's strings[-1]) or a traceback."""
    index = int(text)
    if not 0 <= index < len(strings):
        raise SheetError(
            f"cell {reference} points at shared string {text}, but the workbook has {len(strings)}"
        )
    return strings[index]


def _rows(source: IO[bytes]) -> Iterator[Element]:
    for _event, element in iterparse(source):
        if element.tag == _ROW:
            yield element
