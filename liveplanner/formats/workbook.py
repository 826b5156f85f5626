"""Tables written as an XLSX workbook: one sheet per table, a bold frozen header, widths that fit,
and text that would start a formula kept as text (see formula_text.py)."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from liveplanner.formats.formula_text import starts_formula, storable

MAX_WIDTH = 60  # characters; long notes wrap instead


@dataclass(frozen=True, slots=True)
class Sheet:
    title: str  # at most 31 characters, without []:*?/\ (Excel's rules)
    header: Sequence[str]
    rows: Sequence[Sequence[object]]
    number_formats: dict[int, str] = field(default_factory=dict)  # column index -> format
    preface: Sequence[str] = ()  # title lines above the header, the first one large


_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def write_workbook(path: Path, sheets: Sequence[Sheet]) -> None:
    """Write the sheets to `path` through a temporary file, so a failed write leaves any older
    file there whole."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    book.remove(book.worksheets[0])  # the empty sheet every new workbook starts with
    for sheet in sheets:
        page = book.create_sheet(str(storable(sheet.title)).translate(_FORBIDDEN)[:31])
        for line in sheet.preface:
            page.append([storable(line)])
        if sheet.preface:
            page.cell(1, 1).font = Font(bold=True, size=14)
            page.append([])
        header_row = page.max_row + 1 if sheet.preface else 1
        page.append([storable(h) for h in sheet.header])
        for cell in page[header_row]:
            cell.font = Font(bold=True)
        widths = [len(str(h)) for h in sheet.header]
        for row in sheet.rows:
            page.append([storable(value) for value in row])
            for i, value in enumerate(row):
                if i < len(widths):
                    widths[i] = max(widths[i], len(str(value)) if value is not None else 0)
        for row in page.iter_rows():
            for cell in row:
                if starts_formula(cell.value):
                    cell.data_type = "s"
                    cell.quotePrefix = True
                if cell.row <= header_row:
                    continue
                if cell.column - 1 in sheet.number_formats:
                    cell.number_format = sheet.number_formats[cell.column - 1]
                if isinstance(cell.value, str) and len(cell.value) > MAX_WIDTH:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        for i, width in enumerate(widths, start=1):
            letter = page.cell(1, i).column_letter
            page.column_dimensions[letter].width = min(MAX_WIDTH, max(8, width * 1.2 + 2))
        page.freeze_panes = f"A{header_row + 1}"
    partial = path.with_name(path.name + ".partial")
    try:
        book.save(partial)
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)  # a full disk or a folder gone leaves nothing half-written
        raise
