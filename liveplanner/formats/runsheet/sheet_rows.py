"""A run sheet's rows under its header: where the header is, the default mapping of its columns,
each row's cells by field, and which rows are segments, totals, headings over the segments, or
talking points that continue the segment above."""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from liveplanner.formats.problems import ImportRefused, Problem
from liveplanner.formats.runsheet.cells import (
    EXPECTED_CLOCK,
    EXPECTED_COUNT,
    EXPECTED_DURATION,
    EXPECTED_PRICE,
    text_of,
)
from liveplanner.formats.runsheet.columns import ROLE_OF_FIELD, SEGMENT_FIELDS, Field, field_of
from liveplanner.formats.sheets import SCAN_ROWS

_WHAT = {
    Field.DURATION: ("a length", EXPECTED_DURATION),
    Field.START: ("a clock time", EXPECTED_CLOCK),
    Field.LIST_PRICE: ("a price", EXPECTED_PRICE),
    Field.LIVE_PRICE: ("a price", EXPECTED_PRICE),
    Field.STOCK: ("a count", EXPECTED_COUNT),
}


@dataclass(frozen=True, slots=True)
class Unread:
    """A cell the importer did not read into a field."""

    row: int
    column: str
    value: str
    kept: bool  # True: in the segment's notes; False: on a row that is no segment, left out


@dataclass(slots=True)
class SheetRow:
    number: int
    cells: dict[Field, object]
    extra: list[tuple[str, str]] = field(default_factory=list)  # unmapped (header, text)
    more_roles: list[tuple[Field, str]] = field(default_factory=list)  # from rows under it

    def text(self, key: Field) -> str:
        return text_of(self.cells.get(key))


def find_script_header(rows: Sequence[Sequence[object]]) -> int | None:
    """The first row naming at least two run-sheet columns, one of them a segment's."""
    for index, row in enumerate(rows[:SCAN_ROWS]):
        fields = {field_of(cell) for cell in row if text_of(cell)} - {None}
        if len(fields) >= 2 and fields & SEGMENT_FIELDS:
            return index
    return None


def _header_score(rows: Sequence[Sequence[object]]) -> int:
    """How many run-sheet columns a CSV's header names, split one way: the delimiter that
    names most is the file's."""
    index = find_script_header(rows)
    return 0 if index is None else len({field_of(c) for c in rows[index]} - {None})


def default_mapping(headers: Sequence[str]) -> tuple[Field | None, ...]:
    """Each column's field by its name; a field named twice keeps its first column."""
    seen: set[Field] = set()
    mapping: list[Field | None] = []
    for header in headers:
        found = field_of(header) if header else None
        mapping.append(None if found in seen else found)
        if found is not None:
            seen.add(found)
    return tuple(mapping)


class SheetReader:
    """One reading of one sheet; collects what it assumed and what it left unread."""

    def __init__(
        self, name: str, where: str, headers: tuple[str, ...], mapping: tuple[Field | None, ...]
    ):
        self.name = name  # the file's
        self.where = where  # the file's and, in a workbook, the sheet's
        self.headers = headers
        self.mapping = mapping
        self.column = {f: headers[i] for i, f in enumerate(mapping) if f is not None}
        self.unread: list[Unread] = []
        self.notices: list[Problem] = []

    def refuse(self, row: int, key: Field, value: object) -> ImportRefused:
        what, expected = _WHAT[key]
        return ImportRefused(
            "bad_cell",
            file=self.where,
            row=row,
            column=self.column[key],
            value=value,
            what=what,
            expected=expected,
        )

    def notice(self, code: str, **params: object) -> None:
        self.notices.append(Problem(code, params))

    def rows(self, raw: Sequence[Sequence[object]], header: int) -> list[SheetRow]:
        rows = []
        for index in range(header + 1, len(raw)):
            cells: dict[Field, object] = {}
            extra = []
            for column, value in enumerate(raw[index]):
                if column >= len(self.mapping) or not text_of(value):
                    continue
                key = self.mapping[column]
                label = self.headers[column] or f"#{column + 1}"
                if key is None:
                    extra.append((label, text_of(value)))
                elif key not in cells:
                    cells[key] = value
                elif key in _JOINERS:  # two columns read as one field: both kept
                    cells[key] = f"{text_of(cells[key])}{_JOINERS[key]}{text_of(value)}"
                else:
                    extra.append((label, text_of(value)))
            if cells or extra:
                rows.append(SheetRow(index + 1, cells, extra))
        return rows


_TOTAL = re.compile(r"(?:合计|总计|汇总|小计|总时长|共计|total|sum|subtotal)\W*", re.IGNORECASE)
# A heading over the segments that follow: 【第二部分 产品】, 第二部分：福利, Part 2
_HEADING = re.compile(
    r"[【\[].*[】\]]|第[一二三四五六七八九十\d]+(?:部分|篇|阶段|节)\W*.*|part\s*\d+\W*.*",
    re.IGNORECASE,
)


def _is_total(row: SheetRow) -> bool:
    return any(_TOTAL.fullmatch(row.text(k).replace(" ", "")) for k in row.cells)


def _is_heading(row: SheetRow) -> bool:
    """A row with only a heading in it, and no time, length or product."""
    texts = [row.text(k) for k in row.cells if row.text(k)]
    return len(texts) == 1 and not row.extra and bool(_HEADING.fullmatch(texts[0]))


def _is_segment(row: SheetRow) -> bool:
    if _is_total(row) or _is_heading(row):
        return False
    return any(row.text(k) for k in (*SEGMENT_FIELDS, Field.PRODUCT))


# A row with only these belongs to the segment above it: sheets often give a segment's talking
# points or cues a row each, with the segment's own cells merged over them.
_CONTINUED = frozenset({Field.TALKING_POINTS, Field.NOTES, Field.OFFER, *ROLE_OF_FIELD})
_JOINERS = {Field.TALKING_POINTS: "\n", Field.NOTES: "\n", Field.OFFER: "；"}


def _continues(row: SheetRow) -> bool:
    return not _is_total(row) and bool(row.cells) and set(row.cells) <= _CONTINUED


def _continue(reader: SheetReader, segment: SheetRow, row: SheetRow) -> None:
    """Add a continuation row's cells to its segment's row: text joined on, a role cell taken
    where the segment has none and kept as more for that role where it has one."""
    for key, value in row.cells.items():
        text = text_of(value)
        if key in _JOINERS and key in segment.cells:
            segment.cells[key] = f"{text_of(segment.cells[key])}{_JOINERS[key]}{text}"
        elif key not in segment.cells:
            segment.cells[key] = value
        elif key in ROLE_OF_FIELD:
            segment.more_roles.append((key, text))
        else:
            segment.extra.append((reader.column[key], text))
    segment.extra.extend(row.extra)
