"""The review report: the chart, the summary against targets, the per-segment table and the notes,
as PDF (A4 landscape), as one self-contained HTML file, or as an XLSX of the tables.

The figures come from the same Review and the same table columns the window shows, so the paper
says what the screen says. PDF and HTML need the chart drawn, hence a QApplication (the CLI makes
an offscreen one).
"""

from __future__ import annotations

import base64
import html
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QSizeF,
    QUrl,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from liveplanner.core.notes import ReviewNote
from liveplanner.core.plan import ShowPlan
from liveplanner.core.review_figures import GroupFigures, Review
from liveplanner.core.review_spans import Source
from liveplanner.core.runlog import DeskEvent
from liveplanner.formats.workbook import Sheet, write_workbook
from liveplanner.ui import labels
from liveplanner.ui.review.notes_panel import category_label, note_place
from liveplanner.ui.review.product_columns import (
    PROFIT_TARGETS,
    product_figure_columns,
    product_rows,
    product_sales_title,
    profit_figures,
)
from liveplanner.ui.review.summary_figures import (
    ON_REPORT_FIGURES,
    SummaryFigure,
    efficiency_figures,
    summary_figures,
    target_figures,
    watch_figure,
)
from liveplanner.ui.review.table_columns import (
    by_kind_rows,
    kind_columns,
    product_columns,
    segment_columns,
    segment_rank,
    segment_rows,
)
from liveplanner.ui.review.tables import Column, best_and_worst

CHART_SIZE = (1800, 900)
CHART_WIDTH = 1580  # the page's width at the PDF's 150 dpi  # pixels: sharp at A4 landscape width


@dataclass(frozen=True, slots=True)
class ReportInput:
    plan: ShowPlan
    review: Review
    notes: Sequence[ReviewNote]
    run_started: str  # the live run's start as text, "" for a planned-only review
    desk: Sequence[DeskEvent] = ()  # the live run's desk log: its ticks marked on the chart


def chart_image(content: ReportInput) -> QImage:
    """The review chart drawn offscreen at report size."""
    from liveplanner.ui.review.chart import ReviewChart

    chart = ReviewChart()
    chart.resize(*chart_size(content.review))
    chart.set_review(content.review, content.plan, content.notes, content.desk)
    chart.ensurePolished()
    image = chart.grab().toImage()
    chart.deleteLater()
    return image


SUMMARY_COLUMNS = 5  # cards a row of the report's summary holds
SUMMARY_ROWS_WITH_CHART = 3  # rows of cards the first page holds beside the chart at full size
SHORTER_PER_ROW = 100  # the chart's pixels given up to each row of cards beyond those


def summary_cells(review: Review) -> list[SummaryFigure | None]:
    """The report's cards in reading order, rows of SUMMARY_COLUMNS; None is an empty cell.
    The headline figures, then whether the show paid on a row of its own, what it kept (the
    product export's gross profit, margin, refunds and net GMV, each against its target), how
    long viewers stayed, and the other targets of whether it paid the show set."""
    cells: list[SummaryFigure | None] = list(summary_figures(review, gpm_target=True))
    cells += [None] * (-len(cells) % SUMMARY_COLUMNS)
    cells += efficiency_figures(review)
    cells += profit_figures(review)
    cells.append(watch_figure(review))
    cells += target_figures(review, ON_REPORT_FIGURES | PROFIT_TARGETS)
    return cells


def summary_rows(review: Review) -> int:
    """Rows of cards at the report's top (summary_cells)."""
    return -(-len(summary_cells(review)) // SUMMARY_COLUMNS)


def chart_size(review: Review) -> tuple[int, int]:
    """The chart's size in pixels: shorter by a strip for each row of cards the summary has
    beyond three, so the chart stays on the first page under them."""
    width, height = CHART_SIZE
    extra = max(0, summary_rows(review) - SUMMARY_ROWS_WITH_CHART)
    return width, height - extra * SHORTER_PER_ROW


def _png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def segments_title() -> str:
    """The per-segment table's title, as a heading and as a sheet's name: not the "Segments"
    that heads a column of counts, which Chinese words differently (环节数)."""
    return QCoreApplication.translate("Report", "Segments", "title of the table of every segment")


def source_line(content: ReportInput) -> str:
    review = content.review
    if review.source is Source.ACTUAL:
        text = QCoreApplication.translate(
            "Report", "Segment times as they ran (live run of %1)."
        ).replace("%1", content.run_started)
    else:
        text = QCoreApplication.translate(
            "Report", "Segment times as planned (no live run on the timer)."
        )
    lag = QCoreApplication.translate(
        "Report", "Sales credited to the segment running %1 min earlier."
    ).replace("%1", str(review.lag))
    return f"{text} {lag}"


def _table(
    columns: Sequence[Column],
    rows: Sequence[object],
    best: int | None = None,
    worst: int | None = None,
) -> str:
    # Each header sits as its column's values do: numbers right, text left (Qt centres a <th>).
    aligns = ["right" if c.numeric else "left" for c in columns]
    head = "".join(
        f'<th align="{a}">{html.escape(c.title())}</th>'
        for a, c in zip(aligns, columns, strict=True)
    )
    body = []
    for i, row in enumerate(rows):
        tint = ' bgcolor="#dff1e5"' if i == best else ' bgcolor="#f8ddd7"' if i == worst else ""
        cells = "".join(
            f'<td align="{a}">{html.escape(c.text(row))}</td>'
            for a, c in zip(aligns, columns, strict=True)
        )
        body.append(f"<tr{tint}>{cells}</tr>")
    return (
        '<table class="grid" cellspacing="0" cellpadding="3" width="100%">'
        f"<tr>{head}</tr>{''.join(body)}</table>"
    )


def report_html(content: ReportInput, chart_src: str | None) -> str:
    """The report as HTML. `chart_src` is the chart image's address (a data: URI for the HTML
    file, a resource name for the PDF), None to leave the chart out."""
    plan, review = content.plan, content.review
    zone = ZoneInfo(plan.show.time_zone)
    start = plan.show.planned_start.strftime("%Y-%m-%d %H:%M")

    def cell(f: SummaryFigure) -> str:
        return (
            f'<td width="20%"><span class="meta">{html.escape(f.caption)}</span><br>'
            f'<span class="big">{html.escape(f.value)}</span><br>'
            f'<span class="{"met" if f.met else "missed" if f.met is False else "meta"}">'
            f"{html.escape(f.target) or '&nbsp;'}</span></td>"
        )

    cells = ['<td width="20%"></td>' if f is None else cell(f) for f in summary_cells(review)]
    summary = "".join(f"<tr>{''.join(cells[i : i + 5])}</tr>" for i in range(0, len(cells), 5))
    # The same rows the window shows and tints: one rule for the screen and the paper.
    rows = segment_rows(review)
    best, worst = best_and_worst(rows, segment_rank)
    notes = "".join(
        f"<tr><td>{html.escape(note_place(n, plan, zone))}</td>"
        f"<td>{html.escape(category_label(n.category))}</td>"
        f"<td>{html.escape(n.text)}</td><td>{html.escape(n.owner)}</td></tr>"
        for n in content.notes
    )
    sections = [
        f"<h1>{html.escape(plan.show.title)}</h1>",
        f'<p class="meta">{html.escape(labels.platform(plan.show.platform))} · {start} · '
        f"{html.escape(source_line(content))}</p>",
        f'<table class="summary" cellspacing="0" cellpadding="4" width="100%">{summary}</table>',
    ]
    if chart_src is not None:
        # Drawn shorter for each row of cards past three (chart_size), so it stays on page 1.
        sections.append(f'<p><img src="{chart_src}" width="{CHART_WIDTH}"></p>')
    t = {
        "segments": segments_title(),
        "legend": QCoreApplication.translate("Report", "Green: best GMV per minute; red: lowest."),
        "kinds": QCoreApplication.translate("Report", "By kind"),
        "products": QCoreApplication.translate("Report", "By product"),
        "notes": QCoreApplication.translate("Report", "Notes"),
        "place": QCoreApplication.translate("Report", "When / where"),
        "kind": QCoreApplication.translate("Report", "Kind"),
        "note": QCoreApplication.translate("Report", "Note"),
        "owner": QCoreApplication.translate("Report", "Owner"),
        "none": QCoreApplication.translate("Report", "No notes."),
    }
    t = {key: html.escape(value) for key, value in t.items()}
    notes_table = (
        '<table class="grid" cellspacing="0" cellpadding="3" width="100%">'
        f'<tr><th align="left">{t["place"]}</th><th align="left">{t["kind"]}</th>'
        f'<th align="left">{t["note"]}</th><th align="left">{t["owner"]}</th></tr>{notes}</table>'
    )
    sections += [
        f'<h2 style="page-break-before: always">{t["segments"]}</h2>',
        f'<p class="meta">{t["legend"]}</p>',
        _table(segment_columns(plan, review.source), rows, best, worst),
        f'<h2 style="page-break-before: always">{t["kinds"]}</h2>',
        _table(kind_columns(), _by_gmv(by_kind_rows(review))),
        f"<h2>{t['products']}</h2>",
        _table(product_columns(plan), _by_gmv(review.by_product)),
        *_product_sales_section(review),
        f"<h2>{t['notes']}</h2>",
        notes_table if content.notes else f"<p>{t['none']}</p>",
    ]
    style = (
        "body { font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif;"
        " font-size: 9pt; color: #1d1f22; }"
        "h1 { font-size: 18pt; margin-bottom: 2px; } h2 { font-size: 12pt; margin-top: 14px; }"
        ".meta { color: #555; } .missed { color: #c0392b; } .met { color: #2e8b57; }"
        "table.grid { border-collapse: collapse; } table.grid th { background: #e9edf2;"
        " border-bottom: 1px solid #9aa3ad; }"
        " table.grid td { border-bottom: 1px solid #dde1e6; }"
        "table.summary td { border-left: 3px solid #d9822b; padding-left: 6px; }"
        ".big { font-size: 14pt; font-weight: bold; }"
    )
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(plan.show.title)}'
        f"</title><style>{style}</style></head><body>{''.join(sections)}</body></html>"
    )


def _product_sales_section(review: Review) -> list[str]:
    """Each product's figures from the product export, flags as text marks; a line saying
    there are none when the show has no product export."""
    title = html.escape(product_sales_title())
    rows = product_rows(review)
    if not rows:
        none = QCoreApplication.translate("Report", "No product figures imported.")
        return [f"<h2>{title}</h2>", f"<p>{html.escape(none)}</p>"]
    return [f"<h2>{title}</h2>", _table(product_figure_columns(), rows)]


def _by_gmv(groups: Sequence[GroupFigures]) -> list[GroupFigures]:
    """Highest GMV first, as the window opens; a group without GMV data last."""
    return sorted(groups, key=lambda g: -1 if g.gmv_fen is None else -g.gmv_fen)


def write_pdf(path: Path, content: ReportInput) -> None:
    document = QTextDocument()
    document.addResource(
        QTextDocument.ResourceType.ImageResource, QUrl("chart.png"), chart_image(content)
    )
    document.setHtml(report_html(content, "chart.png"))
    # Drawn in memory, then written by Python: a QPdfWriter on a bad path printed
    # "QPainter::begin(): Returned false" and left only "No such file" to say, whatever the reason.
    data = _printed_pdf(document, content)
    partial = path.with_name(path.name + ".partial")
    with _removed_if_failed(partial):
        partial.write_bytes(data)
        partial.replace(path)


def _printed_pdf(document: QTextDocument, content: ReportInput) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    _print_pdf(buffer, document, content)
    return bytes(buffer.data().data())


def _print_pdf(buffer: QBuffer, document: QTextDocument, content: ReportInput) -> None:
    writer = QPdfWriter(buffer)
    writer.setTitle(content.plan.show.title)
    writer.setCreator("liveplanner")
    writer.setResolution(150)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(page.width(), page.height()))
    document.print_(writer)
    del writer  # finishes the PDF, before the buffer it writes into is read or freed


def write_html(path: Path, content: ReportInput) -> None:
    chart = base64.b64encode(_png(chart_image(content))).decode("ascii")
    partial = path.with_name(path.name + ".partial")
    with _removed_if_failed(partial):
        partial.write_text(report_html(content, f"data:image/png;base64,{chart}"), encoding="utf-8")
        partial.replace(path)


@contextmanager
def _removed_if_failed(partial: Path) -> Iterator[None]:
    """A report half-written when the disk filled (or the folder went) is not left beside
    where it was to go."""
    try:
        yield
    except BaseException:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        raise


def _sheet(title: str, columns: Sequence[Column], rows: Sequence[object]) -> Sheet:
    return Sheet(title, [c.title() for c in columns], [[c.value(r) for c in columns] for r in rows])


def write_xlsx(path: Path, content: ReportInput) -> None:
    plan, review = content.plan, content.review
    zone = ZoneInfo(plan.show.time_zone)
    summary = Sheet(
        QCoreApplication.translate("Report", "Summary"),
        [
            QCoreApplication.translate("Report", "Figure"),
            QCoreApplication.translate("Report", "Value"),
            QCoreApplication.translate("Report", "Against target"),
        ],
        [
            [QCoreApplication.translate("Report", "Show"), plan.show.title, ""],
            [QCoreApplication.translate("Report", "Times"), source_line(content), ""],
            *[
                [f.caption, f.value, f.target]
                for f in [
                    *summary_figures(content.review, gpm_target=True),
                    *efficiency_figures(content.review),
                    *profit_figures(content.review),
                    watch_figure(content.review),
                    *target_figures(content.review, ON_REPORT_FIGURES | PROFIT_TARGETS),
                ]
            ],
        ],
    )
    minutes = review.minutes.drop(columns=["segment", "credited_to"])
    titles = {f.segment_id: f"{f.position}. {f.title}" for f in review.segments}
    minute_rows = [
        [
            minute.tz_convert(zone).strftime("%Y-%m-%d %H:%M"),
            titles.get(int(review.minutes["segment"].iloc[i]), ""),
            titles.get(int(review.minutes["credited_to"].iloc[i]), ""),
            *[
                None if value != value else (value / 100 if name in ("gmv", "ad_spend") else value)
                for name, value in zip(minutes.columns, minutes.iloc[i].tolist(), strict=True)
            ],
        ]
        for i, minute in enumerate(minutes.index)
    ]
    write_workbook(
        path,
        [
            summary,
            _sheet(
                segments_title(),
                segment_columns(plan, review.source),
                segment_rows(review),
            ),
            _sheet(
                QCoreApplication.translate("Report", "By kind"),
                kind_columns(),
                by_kind_rows(review),
            ),
            _sheet(
                QCoreApplication.translate("Report", "By product"),
                product_columns(plan),
                review.by_product,
            ),
            _sheet(product_sales_title(), product_figure_columns(), product_rows(review)),
            Sheet(
                QCoreApplication.translate("Report", "Notes"),
                [
                    QCoreApplication.translate("Report", "When / where"),
                    QCoreApplication.translate("Report", "Kind"),
                    QCoreApplication.translate("Report", "Note"),
                    QCoreApplication.translate("Report", "Owner"),
                ],
                [
                    [note_place(n, plan, zone), category_label(n.category), n.text, n.owner]
                    for n in content.notes
                ],
            ),
            Sheet(
                QCoreApplication.translate("Report", "Minutes"),
                [
                    QCoreApplication.translate("Report", "Minute"),
                    QCoreApplication.translate("Report", "Segment"),
                    QCoreApplication.translate("Report", "Sales credited to"),
                ]
                + [labels.metric(name) for name in minutes.columns],
                minute_rows,
            ),
        ],
    )


def write_report(path: Path, content: ReportInput) -> None:
    """Write the report in the format the file name asks for (.pdf, .html or .xlsx)."""
    suffix = path.suffix.lower()
    writers = {".pdf": write_pdf, ".html": write_html, ".xlsx": write_xlsx}
    if suffix not in writers:
        raise ValueError(
            f"{path.name}: a report is written as .pdf, .html or .xlsx, not {suffix or 'no type'}"
        )
    writers[suffix](path, content)
