"""The checks every imported file gets (size, emptiness, HTML or old .xls in disguise, strict
text decoding) and the plain reading of small tables a person laid out: every sheet of a
workbook, or a CSV's rows, as the cells say them. No pandas, so a run sheet opens quickly."""

import contextlib
import csv
import io
import itertools
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePath

from liveplanner.core.plan import MAX_TEXT
from liveplanner.formats.decoding import Decoded, DecodingError, decode
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.xlsx_guard import MAX_COLUMNS, sheet_rows

MAX_BYTES = 256 * 1024 * 1024
SCAN_ROWS = 30  # a header is looked for this far down
SCAN_CHARS = 256 * 1024
DELIMITERS = (",", "\t", ";")


def check_size(size: int, name: str, limit: int = MAX_BYTES) -> None:
    """Refuse a file too large to import, before it is read."""
    if size > limit:
        # rounded up: 256 MB and a byte is not "256 MB, up to 256 MB"
        raise ImportRefused(
            "too_large", file=name, size_mb=-(-size // 2**20), limit_mb=limit // 2**20
        )


def read_file(path: Path, limit: int = MAX_BYTES) -> bytes:
    """An imported file's bytes, refused before reading when it is no file or too large: a pipe
    would block the read for ever and /dev/zero would fill the memory. OSError when it cannot
    be read."""
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise ImportRefused("is_folder", file=str(path))
    if not stat.S_ISREG(info.st_mode):
        raise ImportRefused("not_a_file", file=str(path))
    check_size(info.st_size, path.name, limit)
    with path.open("rb") as file:
        return file.read(limit + 1)  # a file grown since is refused by its size below


def checked_text(data: bytes, name: str) -> Decoded | None:
    """Refuse what is no table at all; the text of a text file, None for a workbook."""
    extension = PurePath(name).suffix.lower().lstrip(".")
    check_size(len(data), name)
    if not data.strip():
        raise ImportRefused("empty", file=name)
    if data.startswith(b"PK\x03\x04"):
        if extension in {"csv", "tsv", "txt", "json"}:
            raise ImportRefused("named_text_is_workbook", file=name, extension=extension)
        return None
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportRefused("old_xls", file=name)
    try:
        decoded = decode(data)
    except DecodingError as exc:
        code = "binary" if "binary" in str(exc) else "not_text"
        raise ImportRefused(code, file=name, detail=str(exc)) from None
    start = decoded.text.lstrip("\ufeff \t\r\n")[:200].lower()
    if start.startswith(("<!doctype html", "<html", "<table", "<?xml")):
        raise ImportRefused("html", file=name)
    if extension in {"xlsx", "xlsm"}:
        raise ImportRefused("named_xlsx_not_workbook", file=name)
    return decoded


def workbook_rows(data: bytes, name: str) -> list[tuple[str, list[list[object]]]]:
    """Every sheet's title and rows, read within the bounds of xlsx_guard, or ImportRefused."""
    return sheet_rows(data, name)


@dataclass(frozen=True, slots=True)
class RawSheet:
    """A sheet's cells as read, for small tables a person laid out (a run sheet): no pandas,
    text kept as text ("001" stays "001"), workbook cells as openpyxl gives them."""

    name: str
    rows: list[list[object]]


def read_sheets(
    data: bytes,
    file_name: str,
    score: Callable[[list[list[str]]], int] | None = None,
    max_rows: int | None = None,
) -> tuple[str, list[RawSheet]]:
    """The encoding (as told to the user) and every sheet of a CSV or XLSX file, or
    ImportRefused. A CSV is one sheet; its delimiter is the one whose rows `score` best (how
    well a header is found in them), then the one that splits its rows most evenly. A CSV with
    more than `max_rows` filled rows is refused once they are counted, before they are kept."""
    name = PurePath(file_name).name
    decoded = checked_text(data, name)
    if decoded is None:
        return "XLSX", [RawSheet(title, rows) for title, rows in workbook_rows(data, name)]
    text = decoded.text.lstrip("\ufeff")

    def fit(delimiter: str) -> tuple[int, bool, int]:
        scan = csv.reader(io.StringIO(text[:SCAN_CHARS], newline=""), delimiter=delimiter)
        rows: list[list[str]] = []
        # A cell past the field limit ends the scan here; reading the whole file says where.
        with contextlib.suppress(csv.Error):
            rows.extend(itertools.islice(scan, SCAN_ROWS))
        widths = [len(row) for row in rows if any(cell.strip() for cell in row)]
        found = score(rows) if score else 0
        return (found, max(widths, default=1) > 1, -len(set(widths)))

    delimiter = max(DELIMITERS, key=fit)
    rows = _csv_rows(text, delimiter, name, max_rows)
    return decoded.encoding, [RawSheet(PurePath(name).stem, rows)]


def _csv_rows(text: str, delimiter: str, name: str, max_rows: int | None) -> list[list[object]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[object]] = []
    read = filled = 0
    try:
        for row in reader:
            read += 1
            if len(row) > MAX_COLUMNS and any(row[MAX_COLUMNS:]):
                # Refused before a header of millions of names is matched, one by one; empty
                # cells after the last filled one (a spreadsheet's trailing commas) are no
                # width.
                raise ImportRefused("too_wide_csv", file=name, row=read, limit=MAX_COLUMNS)
            if max(map(len, row), default=0) > MAX_TEXT:
                raise ImportRefused("cell_too_long_csv", file=name, row=read, limit=MAX_TEXT)
            if any(cell.strip() for cell in row):
                filled += 1
            if max_rows is None or filled <= max_rows:
                rows.append(list(row))
    except csv.Error as exc:
        # csv's field limit (131,072 characters) bounds what is read of a cell; a show's text
        # holds MAX_TEXT, as an XLSX cell does, so a run sheet reads the same as CSV or XLSX.
        if "field limit" in str(exc):
            raise ImportRefused(
                "cell_too_long_csv", file=name, row=read + 1, limit=MAX_TEXT
            ) from None
        raise ImportRefused("not_text", file=name, detail=f"row {read + 1}: {exc}") from None
    if max_rows is not None and filled > max_rows:
        raise ImportRefused("script_too_many_rows", file=name, rows=filled, limit=max_rows)
    return rows
