"""Sections of HTML laid out on pages as one QTextDocument.

Each section starts on a new page. Its table is cut between rows into pieces that fit a page, each
piece with its own header row, because Qt's layout would otherwise break a row in the middle of a
cell and a page-break hint inside a cell is not honoured. Only a row taller than a whole page is
left for Qt to split (and Qt repeats the header over it).
"""

from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QFont, QImage, QTextDocument, QTextFormat, QTextTable

LAYOUT_DPI = 96
"""Documents are laid out in pixels of this resolution whatever device they end up on, so that
padding and rules measure the same on paper, in the preview and in the tests."""

# Kept free on every page besides what is measured: Qt starts a table that breaks to a new page
# a few pixels below the page's top.
_SLACK = 6.0


@dataclass(frozen=True, slots=True)
class Table:
    head: str  # the header row, "<tr><th width=...>...</tr>": its widths set the columns
    rows: tuple[str, ...]  # each row as "<tr>...</tr>"
    css_class: str = ""
    cellpadding: int = 4


@dataclass(frozen=True, slots=True)
class Section:
    label: str  # names the section's pages in their running header ("Run sheet", a person)
    intro: str  # HTML above the table
    table: Table | None = None


@dataclass(frozen=True, slots=True)
class Pages:
    document: QTextDocument  # paginated: page n is the strip [n * height, (n + 1) * height)
    labels: tuple[str, ...]  # each page's section label


@cache
def _reference_device() -> QImage:
    # Kept alive by the cache: a document only holds a pointer to its layout's paint device.
    image = QImage(1, 1, QImage.Format.Format_RGB32)
    dots_per_metre = round(LAYOUT_DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


@dataclass(frozen=True, slots=True)
class Look:
    style: str  # the default style sheet
    font: QFont  # the default font: Qt's style sheets do not reliably set the body's family


def _document(look: Look, body: str, width: float, height: float | None) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(_reference_device())
    document.setDefaultFont(look.font)
    document.setUseDesignMetrics(True)  # positions that scale to any printer without drift
    document.setDocumentMargin(0)
    document.setDefaultStyleSheet(look.style)
    document.setHtml(body)
    if height is None:
        document.setTextWidth(width)
    else:
        document.setPageSize(QSizeF(width, height))
    return document


def _table_html(table: Table, rows: list[str], new_page: bool) -> str:
    brk = ' style="page-break-before: always"' if new_page else ""
    return (
        f'<table class="{table.css_class}" width="100%" cellspacing="0" '
        f'cellpadding="{table.cellpadding}"{brk}><thead>{table.head}</thead>'
        f"{''.join(rows)}</table>"
    )


@dataclass(frozen=True, slots=True)
class _Measure:
    intro: float  # height of the intro: where the table starts
    head: float  # the table's margin, top rule and header row
    rows: tuple[float, ...]  # each row with the rule and padding that separate it from the next
    tail: float  # what the table's end adds below its last row
    after: float  # the empty paragraph Qt puts after a table


def _measure(section: Section, table: Table, look: Look, width: float) -> _Measure:
    """The geometry of `section` laid out whole, read off Qt's layout."""
    html = section.intro + _table_html(table, list(table.rows), False)
    document = _document(look, html, width, None)
    layout = document.documentLayout()
    # The last table: the intro may hold tables of its own.
    frame = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)][-1]
    box = layout.frameBoundingRect(frame)
    margin = frame.format().topMargin()

    def text_top(row: int) -> float:
        cells = (frame.cellAt(row, c) for c in range(frame.columns()))
        return min(layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells)

    def text_bottom(row: int) -> float:
        cells = (frame.cellAt(row, c) for c in range(frame.columns()))
        return max(layout.blockBoundingRect(c.lastCursorPosition().block()).bottom() for c in cells)

    last = frame.rows() - 1
    gap = text_top(1) - text_bottom(0)  # padding and rule between one row's text and the next's
    tops = [text_top(r) for r in range(frame.rows())] + [text_bottom(last) + gap]
    pitches = [b - a for a, b in pairwise(tops)]
    return _Measure(
        intro=box.top() - margin,
        head=margin + tops[1] - box.top(),
        rows=tuple(pitches[1:]),
        tail=max(0.0, box.bottom() - tops[-1]),
        after=layout.blockBoundingRect(frame.lastCursorPosition().block().next()).height(),
    )


def _pieces(measure: _Measure, height: float) -> tuple[bool, list[list[int]]]:
    """Rows grouped by page, and whether the table starts on the page after the intro."""
    limit = height - measure.after - measure.tail - _SLACK
    room = limit - measure.intro - measure.head
    first_on_next_page = False
    pieces: list[list[int]] = [[]]
    for row, pitch in enumerate(measure.rows):
        if pitch > room and (pieces[-1] or measure.intro > 0):
            if pieces[-1]:
                pieces.append([])
            else:
                first_on_next_page = True
            room = limit - measure.head
        pieces[-1].append(row)
        room -= pitch
    return first_on_next_page, pieces


def _section_html(section: Section, look: Look, width: float, height: float, first: bool) -> str:
    brk = "" if first else ' style="page-break-before: always"'
    parts = [f"<div{brk}>{section.intro}</div>"]
    table = section.table
    if table is not None and table.rows:
        first_on_next_page, pieces = _pieces(_measure(section, table, look, width), height)
        for i, piece in enumerate(pieces):
            rows = [table.rows[r] for r in piece]
            parts.append(_table_html(table, rows, i > 0 or first_on_next_page))
    return "".join(parts)


def paginate(sections: list[Section], look: Look, width: float, height: float) -> Pages:
    """Lay `sections` out on pages of `width` x `height` layout pixels (LAYOUT_DPI)."""
    body = "".join(
        _section_html(section, look, width, height, i == 0) for i, section in enumerate(sections)
    )
    document = _document(look, body, width, height)
    layout = document.documentLayout()
    # A section starts with the only top-level paragraphs that force a page break.
    starts = [0]
    block = document.firstBlock().next()
    while block.isValid():
        if block.blockFormat().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
            starts.append(int(layout.blockBoundingRect(block).top() // height))
        block = block.next()
    labels = []
    for page in range(document.pageCount()):
        index = max(i for i, start in enumerate(starts) if start <= page)
        labels.append(sections[index].label)
    return Pages(document, tuple(labels))
