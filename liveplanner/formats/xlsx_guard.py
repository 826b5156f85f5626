"""An XLSX workbook's rows, read without letting the file decide how much memory or time it takes.

A workbook is a zip of XML. A small one can claim (or hide) gigabytes: 2 MB of whitespace that
inflates to 2 GB, a million empty rows, a cell in column XFD that widens every row to 16,384
cells. So the archive's declared sizes and compression ratios are checked before anything is
inflated, every inflated byte is counted as it is read (declared sizes can lie), and rows and
columns are capped while streaming. Both the metrics import and the run-sheet import read
workbooks through here.
"""

import io
import zipfile
import zlib
from typing import IO, TYPE_CHECKING, Literal

from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.xlsx_cells import MAX_CELL_CHARS, Bounds, sheet_values

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.workbook import Workbook

# What a workbook may inflate to in all: 100,000 rows of 8 columns are about 30 MB of XML, of 30
# columns about 115 MB.
MAX_INFLATED = 256 * 2**20
# Spreadsheet XML compresses about 5 to 20 times, repetitive sheets up to about 100; only a
# crafted archive goes past this (deflate's own limit is about 1,000).
MAX_RATIO = 200
_RATIO_FROM = 2**20  # members under 1 MB inflated are too small to matter, whatever their ratio
MAX_ROWS = 100_000  # a show's minute export has a few thousand; a run sheet a few hundred
MAX_COLUMNS = 1_000


class _TooMuch(Exception):
    """The archive inflated past MAX_INFLATED while being read."""


class _Counted(io.RawIOBase):
    """A member being inflated, its bytes added to the archive's running count."""

    def __init__(self, member: IO[bytes], archive: "_GuardedZip") -> None:
        self._member = member
        self._archive = archive

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        chunk = self._member.read(-1 if size is None else size)
        self._archive.inflated += len(chunk)
        if self._archive.inflated > MAX_INFLATED:
            raise _TooMuch
        return chunk

    def readinto(self, buffer: "WriteableBuffer") -> int:
        view = memoryview(buffer).cast("B")
        chunk = self.read(len(view))
        view[: len(chunk)] = chunk
        return len(chunk)

    def close(self) -> None:
        self._member.close()
        super().close()


class _GuardedZip(zipfile.ZipFile):
    """A ZipFile whose members are counted as they inflate; openpyxl reads through it."""

    inflated = 0

    # The counting reader is an io.RawIOBase, which typeshed does not count as an IO[bytes].
    def open(  # type: ignore[override]
        self,
        name: str | zipfile.ZipInfo,
        mode: Literal["r", "w"] = "r",
        pwd: bytes | None = None,
        *,
        force_zip64: bool = False,
    ) -> IO[bytes] | _Counted:
        opened = super().open(name, mode, pwd, force_zip64=force_zip64)
        return opened if mode != "r" else _Counted(opened, self)


def check_archive(data: bytes, name: str) -> None:
    """Refuse an archive whose declared sizes say it inflates past what an export can be."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except Exception as exc:
        # A damaged directory fails as BadZipFile, OSError, EOFError, ValueError, or as
        # NotImplementedError for a version or method byte that was flipped: all are damage.
        raise _damaged(name, exc) from None
    declared = sum(member.file_size for member in members)
    if declared > MAX_INFLATED:
        raise ImportRefused(
            "workbook_too_large",
            file=name,
            size_mb=declared // 2**20,
            limit_mb=MAX_INFLATED // 2**20,
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size >= _RATIO_FROM and ratio > MAX_RATIO:
            raise ImportRefused(
                "workbook_bomb",
                file=name,
                member=member.filename,
                ratio=round(ratio),
                limit=MAX_RATIO,
            )


def sheet_rows(
    data: bytes, name: str, max_rows: int | None = None
) -> list[tuple[str, list[list[object]]]]:
    """Every sheet's title and rows (values as openpyxl gives them), or ImportRefused: damaged,
    too large, or more rows or columns than allowed."""
    check_archive(data, name)
    limit = MAX_ROWS if max_rows is None else max_rows
    try:
        reader = _reader()(io.BytesIO(data), read_only=True, data_only=True)
        reader.archive = _GuardedZip(io.BytesIO(data))
        reader.read()
        book = reader.wb
        try:
            return [
                (title, _rows(reader, book, path, name, title, limit))
                for title, path in reader.sheets
            ]
        finally:
            book.close()
    except ImportRefused:
        raise
    except _TooMuch:
        raise ImportRefused(
            "workbook_too_large", file=name, size_mb=f"over {MAX_INFLATED // 2**20}",
            limit_mb=MAX_INFLATED // 2**20,
        ) from None  # fmt: skip
    except Exception as exc:
        # A damaged workbook fails in zipfile, zlib, the XML parser or openpyxl's own checks
        # (KeyError, ValueError, TypeError, AttributeError …), while opening or while its rows
        # are read: whatever the failure, the file is refused in one line and nothing is kept.
        raise _damaged(name, exc) from None


def _reader() -> type:
    """openpyxl's read-only reader, noting each sheet's title and part instead of making its
    worksheet: openpyxl's would look for a <dimension> (not trusted: "A1:XFD1048576" pads every
    row to 16,384 cells), and in a sheet without one that look parses the whole sheet."""
    # a workbook is the rarer case: openpyxl loads here (a tenth of a second)
    from openpyxl.reader.excel import ExcelReader

    class Reader(ExcelReader):
        sheets: list[tuple[str, str]]

        def read_worksheets(self) -> None:
            self.sheets = [
                (sheet.name, rel.target)
                for sheet, rel in self.parser.find_sheets()
                if rel.target in self.valid_files and "chartsheet" not in rel.Type
            ]

    return Reader


def _rows(
    reader: "ExcelReader", book: "Workbook", path: str, name: str, title: str, max_rows: int
) -> list[list[object]]:
    from openpyxl.utils.cell import get_column_letter

    def beyond(what: str, row: int, column: int) -> None:
        if what == "rows":
            raise ImportRefused("too_many_rows", file=name, sheet=title, limit=max_rows)
        if what == "text":
            raise ImportRefused(
                "cell_too_long",
                file=name,
                sheet=title,
                row=row,
                column=get_column_letter(column),
                limit=MAX_CELL_CHARS,
            )
        raise ImportRefused("too_many_columns", file=name, sheet=title, row=row, limit=MAX_COLUMNS)

    with reader.archive.open(path) as source:
        return sheet_values(
            source,
            reader.shared_strings,
            # openpyxl's own number formats, private and so absent from its stubs
            book._date_formats,  # type: ignore[attr-defined]
            book._timedelta_formats,  # type: ignore[attr-defined]
            book.epoch,
            Bounds(max_rows, MAX_COLUMNS, beyond),
        )


def _damaged(name: str, exc: BaseException) -> ImportRefused:
    """The refusal for a damaged archive, its detail one line from the innermost cause
    (openpyxl wraps XML errors in a three-line ValueError)."""
    while exc.__cause__ is not None:
        exc = exc.__cause__
    if isinstance(exc, zlib.error):
        detail = "its compressed data is damaged"
    elif isinstance(exc, KeyError):
        detail = f"a part is missing: {exc.args[0] if exc.args else ''}"
    else:
        detail = " ".join(str(exc).split()) or type(exc).__name__
    if len(detail) > 120:
        detail = detail[:117] + "…"
    return ImportRefused("bad_workbook", file=name, detail=detail)
