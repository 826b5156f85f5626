"""The printed script on paper: A4 landscape pages with the show's title, the section and the page
number on every page, written to PDF or shown in Qt's print preview, which prints to a printer."""

import math
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QIODevice,
    QLineF,
    QMarginsF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from liveplanner.core.plan import ShowPlan
from liveplanner.ui.file_dialogs import FileKind, remember_folder, show_file_name, start_folder
from liveplanner.ui.printing.cue_cards import cue_cards as cue_card_sections
from liveplanner.ui.printing.markup import INK, MUTED, RULE, STYLE, font
from liveplanner.ui.printing.pagination import LAYOUT_DPI, Look, Pages, Section, paginate
from liveplanner.ui.printing.run_sheet import run_sheet as run_sheet_section

MM_PER_INCH = 25.4
HEADER_HEIGHT = 30.0  # layout pixels above each page's content: show title and section
FOOTER_HEIGHT = 26.0  # below it: print date and page number
BAND_FONT_PX = 12  # the header's and footer's type, about 9 pt

WHAT = ("run_sheet", "cue_cards")


def page_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape,
        QMarginsF(10, 10, 10, 10),
        QPageLayout.Unit.Millimeter,
    )


def script_sections(plan: ShowPlan, *, run_sheet: bool, cue_cards: bool) -> list[Section]:
    if not (run_sheet or cue_cards):
        raise ValueError("nothing to print: ask for the run sheet, the cue cards or both")
    return ([run_sheet_section(plan)] if run_sheet else []) + (
        cue_card_sections(plan) if cue_cards else []
    )


def _content(device: QPagedPaintDevice) -> QSize:
    """The size of each page's content in layout pixels, whatever the device's resolution.

    Whole pixels: with a fractional page height Qt draws a table's header rule at the foot of
    the page before the one the table starts on."""
    paint = device.pageLayout().paintRect(QPageLayout.Unit.Millimeter)
    scale = LAYOUT_DPI / MM_PER_INCH
    return QSize(
        math.floor(paint.width() * scale),
        math.floor(paint.height() * scale - HEADER_HEIGHT - FOOTER_HEIGHT),
    )


def layout_pages(device: QPagedPaintDevice, sections: Sequence[Section]) -> Pages:
    """The sections paginated for the device's page size and margins."""
    size = _content(device)
    return paginate(list(sections), Look(STYLE, font()), size.width(), size.height())


def _band_font(bold: bool = False) -> QFont:
    face = font(BAND_FONT_PX)  # pixels of the layout, scaled with everything else
    face.setBold(bold)
    return face


def _paint_page(
    painter: QPainter, pages: Pages, index: int, size: QSize, title: str, printed: str
) -> None:
    width, height = size.width(), size.height()
    label = pages.labels[index]
    number = (
        QCoreApplication.translate("ScriptPrint", "Page %1 of %2")
        .replace("%1", str(index + 1))
        .replace("%2", str(len(pages.labels)))
    )
    top = QRectF(0, 0, width, HEADER_HEIGHT - 10)
    bottom = QRectF(0, HEADER_HEIGHT + height + 10, width, FOOTER_HEIGHT - 10)
    painter.setPen(QColor(INK))
    painter.setFont(_band_font(bold=True))
    label_width = QFontMetricsF(_band_font()).horizontalAdvance(label) + 24
    elided = QFontMetricsF(painter.font()).elidedText(
        title, Qt.TextElideMode.ElideRight, width - label_width
    )
    painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, elided)
    painter.setFont(_band_font())
    painter.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, label)
    painter.setPen(QColor(MUTED))
    painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, printed)
    painter.drawText(bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, number)
    painter.setPen(QPen(QColor(RULE), 1))
    painter.drawLine(QLineF(0, HEADER_HEIGHT - 5, width, HEADER_HEIGHT - 5))
    painter.drawLine(QLineF(0, HEADER_HEIGHT + height + 5, width, HEADER_HEIGHT + height + 5))

    painter.save()
    painter.translate(0, HEADER_HEIGHT - index * height)
    strip = QRectF(0, index * height, width, height)
    painter.setClipRect(strip)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = strip
    palette = context.palette
    palette.setColor(QPalette.ColorRole.Text, QColor(INK))  # never the dark theme's light text
    context.palette = palette
    pages.document.documentLayout().draw(painter, context)
    painter.restore()


def print_script(
    device: QPagedPaintDevice, title: str, sections: Sequence[Section], printed: datetime
) -> int:
    """Paint the sections on `device`, page after page; return the number of pages.

    OSError when the device cannot be painted on (a PDF in a folder that cannot be written)."""
    pages = layout_pages(device, sections)
    size = _content(device)
    stamp = QCoreApplication.translate("ScriptPrint", "Printed %1 · liveplanner").replace(
        "%1", printed.strftime("%Y-%m-%d %H:%M")
    )
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start printing")
    try:
        # Everything is drawn in layout pixels; this maps them onto the device's own.
        painter.scale(device.logicalDpiX() / LAYOUT_DPI, device.logicalDpiY() / LAYOUT_DPI)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for index in range(len(pages.labels)):
            if index:
                device.newPage()
            _paint_page(painter, pages, index, size, title, stamp)
    finally:
        painter.end()
    return len(pages.labels)


def write_script_pdf(
    plan: ShowPlan, path: Path, *, run_sheet: bool = True, cue_cards: bool = True
) -> None:
    """The run sheet and/or the cue cards as one PDF, A4 landscape. It is written beside `path`
    and renamed over it when complete, so a failure leaves an older file whole; OSError says why
    it could not be written."""
    sections = script_sections(plan, run_sheet=run_sheet, cue_cards=cue_cards)
    # Drawn in memory, then written by Python: a bad path raises a real OSError with its reason
    # instead of a QPdfWriter that silently draws nowhere.
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    try:
        writer.setTitle(plan.show.title)
        writer.setCreator("liveplanner")
        writer.setResolution(300)
        writer.setPageLayout(page_layout())
        print_script(writer, plan.show.title, sections, datetime.now().astimezone())
    finally:
        del writer  # before the buffer it writes into, which Python might free first
    data = bytes(buffer.data().data())
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)
        raise


class ScriptPreview(QPrintPreviewDialog):
    """The print preview of the run sheet or the cue cards; its Print button prints them."""

    def __init__(self, parent: QWidget | None, plan: ShowPlan, what: str) -> None:
        if what not in WHAT:
            raise ValueError(f"cannot print {what!r}; expected one of {', '.join(WHAT)}")
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout())
        printer.setDocName(plan.show.title)
        super().__init__(printer, parent)
        self._printer = printer  # the dialog does not own it: keep it alive as long
        self.title = plan.show.title
        self.sections = script_sections(
            plan, run_sheet=what == "run_sheet", cue_cards=what == "cue_cards"
        )
        name = (
            QCoreApplication.translate("ScriptPrint", "Run sheet — %1")
            if what == "run_sheet"
            else QCoreApplication.translate("ScriptPrint", "Cue cards — %1")
        )
        self.setWindowTitle(name.replace("%1", plan.show.title))
        self.paintRequested.connect(self._paint)
        if printer.outputFormat() is QPrinter.OutputFormat.PdfFormat:
            # No printer: Print writes a PDF. Qt's print dialog would propose one in the folder
            # the program was started from; propose the show's name where scripts last went.
            folder = start_folder(FileKind.SCRIPT, parent)
            printer.setOutputFileName(str(folder / show_file_name(plan, ".pdf")))

    def done(self, result: int) -> None:
        written = self._printer.outputFileName()
        if result == QDialog.DialogCode.Accepted and written:
            remember_folder(FileKind.SCRIPT, Path(written).parent, self.parentWidget())
        super().done(result)

    def _paint(self, printer: QPrinter) -> None:
        print_script(printer, self.title, self.sections, datetime.now().astimezone())


def preview_script(parent: QWidget, plan: ShowPlan, what: str) -> None:
    """Show the print preview of "run_sheet" or "cue_cards" for `plan`, modally."""
    ScriptPreview(parent, plan, what).exec()
